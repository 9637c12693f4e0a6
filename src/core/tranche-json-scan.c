/* tranche-json-scan.c: the first pass, on the raw bytes
 *
 * One pass over the text, a byte at a time outside strings and a table
 * lookup per byte inside them (most of a file is strings). See
 * tranche-json-scan.h for what it refuses and what it notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tranche-json-scan.h"

static void fatal_at (TrancheJsonScan *self,
                      gsize            offset,
                      const char      *path,
                      const char      *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* A problem that means the text is refused. */
static void
fatal_at (TrancheJsonScan *self,
          gsize            offset,
          const char      *path,
          const char      *format,
          ...)
{
  va_list args;

  va_start (args, format);
  tranche_problems_add_fatal (self->problems, offset, path, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The line a byte offset is on, for messages that name another line. */
static guint
line_of (TrancheJsonScan *self,
         gsize            offset)
{
  TrancheCursor at;

  tranche_cursor_init (&at, self->data, self->len);
  tranche_cursor_seek (&at, offset);
  return at.line;
}

static void
clear_root_member (gpointer data)
{
  TrancheRootMember *m = data;

  g_clear_pointer (&m->key, g_free);
  g_clear_pointer (&m->elements, g_array_unref);
}

void
tranche_json_scan_init (TrancheJsonScan *scan,
                        const char      *data,
                        gsize            len,
                        TrancheProblems *problems)
{
  g_assert (problems != NULL);

  memset (scan, 0, sizeof *scan);
  scan->data = data;
  scan->len = len;
  scan->problems = problems;
  scan->root_members = g_array_new (FALSE, TRUE, sizeof (TrancheRootMember));
  scan->duplicate_keys = g_array_new (FALSE, FALSE, sizeof (TrancheJsonKey));
  g_array_set_clear_func (scan->root_members, clear_root_member);
  for (guint c = 0; c < 0x20; c++)
    scan->string_stop[c] = 1;
  scan->string_stop['"'] = 1;
  scan->string_stop['\\'] = 1;
}

void
tranche_json_scan_clear (TrancheJsonScan *scan)
{
  g_clear_pointer (&scan->root_members, g_array_unref);
  g_clear_pointer (&scan->duplicate_keys, g_array_unref);
}

typedef enum
{
  EXPECT_VALUE,            /* the document, after ':' or after ',' in an array */
  EXPECT_VALUE_OR_CLOSE,   /* after '[' */
  EXPECT_KEY,              /* after ',' in an object */
  EXPECT_KEY_OR_CLOSE,     /* after '{' */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_NOTHING,          /* after the document */
} Expect;

typedef struct
{
  gsize offset;
  char  kind;       /* '{' or '[' */
  guint keys_from;  /* an object's names start there in Prescan.keys */
  guint n_members;  /* of an object, so far */
} Open;

/* json-glib 1.6 finds a repeated member name by walking the object's
 * names from the first: 20,000 names then 20,000 repeats of the last took
 * seconds. Objects of a dataset have a dozen members (a table of rates a
 * few hundred), so past this many an object's names are checked, and a
 * repeat refuses the file; smaller objects cost json-glib little. */
#define NAMES_UNCHECKED 64

/* The names of the object open at one depth. */
typedef struct
{
  gsize       first[NAMES_UNCHECKED];  /* opening quotes of its first names */
  GHashTable *names;                   /* decoded name -> its first use, past those */
} NameLog;

static char *
describe_token (TrancheJsonScan *self,
                gsize            i)
{
  const guchar *p = (const guchar *) self->data;
  gsize end = i;

  if (i >= self->len)
    return g_strdup (_("the end of the file"));
  if (p[i] == '"')
    return g_strdup (_("a string"));
  if (p[i] == '-' || g_ascii_isdigit (p[i]))
    return g_strdup (_("a number"));
  if (g_ascii_isalpha (p[i]))
    {
      g_autofree char *word = NULL;

      while (end < self->len && end - i < 20 && g_ascii_isalnum (p[end]))
        end++;
      word = g_strndup (self->data + i, end - i);
      return g_strdup_printf ("\"%s\"", word);
    }
  end = i + 1;
  while (end < self->len && (p[end] & 0xc0) == 0x80)
    end++;
  return g_strdup_printf ("\"%.*s\"", (int) (end - i), self->data + i);
}

static void
syntax_error_unexpected (TrancheJsonScan *self,
                         gsize            i,
                         Expect           expect,
                         char             open_kind)
{
  g_autofree char *got = describe_token (self, i);

  /* the two habits from JavaScript that JSON refuses */
  if (i < self->len && self->data[i] == '/')
    {
      fatal_at (self, i, "", _("JSON has no comments; remove this one or keep the note in a "
                               "member such as \"summary\""));
      return;
    }
  if (i < self->len && self->data[i] == '\'')
    {
      fatal_at (self, i, "", _("JSON strings and member names take double quotes, not single "
                               "ones"));
      return;
    }

  switch (expect)
    {
    case EXPECT_VALUE:
    case EXPECT_VALUE_OR_CLOSE:
      fatal_at (self, i, "", _("expected a value (a string in double quotes, a number, true, "
                               "false, null, an object or an array), got %s"), got);
      break;
    case EXPECT_KEY:
    case EXPECT_KEY_OR_CLOSE:
      fatal_at (self, i, "", _("expected a member name in double quotes, got %s"), got);
      break;
    case EXPECT_COLON:
      fatal_at (self, i, "", _("expected \":\" after the member name, got %s"), got);
      break;
    case EXPECT_COMMA_OR_CLOSE:
      if (open_kind == '{')
        fatal_at (self, i, "", _("expected \",\" or \"}\" after a member, got %s"), got);
      else
        fatal_at (self, i, "", _("expected \",\" or \"]\" after an element, got %s"), got);
      break;
    case EXPECT_NOTHING:
    default:
      fatal_at (self, i, "", _("unexpected %s after the end of the document"), got);
      break;
    }
}

gboolean
tranche_json_scan_check_encoding (TrancheJsonScan *self)
{
  const guchar *p = (const guchar *) self->data;
  const char *end = NULL;
  gsize bad;

  if (g_utf8_validate_len (self->data, self->len, &end))
    return TRUE;
  bad = end - self->data;
  if (self->len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
    fatal_at (self, 0, "", _("not UTF-8 text: the file is in UTF-16; save it as UTF-8"));
  else if (p[bad] == '\0')
    fatal_at (self, bad, "", _("not UTF-8 text: a NUL byte; save the file as UTF-8 text"));
  else
    fatal_at (self, bad, "", _("not UTF-8 text: byte 0x%02X can't start or continue a "
                               "character here; save the file as UTF-8"), p[bad]);
  return FALSE;
}

static int
hex_value (guchar c)
{
  return g_ascii_xdigit_value (c);
}

/* Reads four hex digits of a \u escape at p[i]; -1 when they are not. */
static int
read_unit (TrancheJsonScan *self,
           gsize            i)
{
  const guchar *p = (const guchar *) self->data;
  int unit = 0;

  for (int k = 0; k < 4; k++)
    {
      if (i + k >= self->len || hex_value (p[i + k]) < 0)
        return -1;
      unit = unit * 16 + hex_value (p[i + k]);
    }
  return unit;
}

/* Reads the escape at p[i] == '\\' inside a string; returns the offset
 * after it, or 0 after reporting a problem. */
static gsize
scan_escape (TrancheJsonScan *self,
             gsize            i,
             gboolean        *nul_reported)
{
  const guchar *p = (const guchar *) self->data;
  guchar c = p[i + 1];
  int unit;

  if (c != 'u')
    {
      if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
        {
          /* the whole character after the backslash, not its first
           * byte: half a UTF-8 sequence in a message breaks the
           * problems dialog; a control character is named instead */
          const char *after = self->data + i + 1;
          g_autofree char *shown = c < 0x20
            ? g_strdup_printf ("U+%04X", c)
            : g_strndup (after, g_utf8_next_char (after) - after);

          fatal_at (self, i, "", _("invalid escape \\%s in a string; expected one of "
                                   "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"), shown);
          return 0;
        }
      return i + 2;
    }
  if ((unit = read_unit (self, i + 2)) < 0)
    {
      fatal_at (self, i, "", _("invalid \\u escape; expected four hexadecimal digits like "
                               "\\u00e9"));
      return 0;
    }
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      /* a high surrogate only makes sense with a low one right after */
      int low = (i + 7 < self->len && p[i + 6] == '\\' && p[i + 7] == 'u')
                ? read_unit (self, i + 8) : -1;

      if (low >= 0xdc00 && low <= 0xdfff)
        return i + 12;
    }
  if (unit >= 0xd800 && unit <= 0xdfff)
    {
      fatal_at (self, i, "", _("a \\u escape of an unpaired surrogate; write the "
                               "character itself or a valid pair"));
      return 0;
    }
  /* Strings are C strings from json-glib on: a NUL would silently cut the
   * rest of the text (or make two ids equal). Said once per string, and
   * only when the file is a dataset. */
  if (unit == 0 && !*nul_reported)
    {
      *nul_reported = TRUE;
      tranche_problems_add (self->problems, TRANCHE_SEVERITY_WARNING, g_strdup (""), i,
                            g_strdup (_("a NUL character (\\u0000) in a string: "
                                        "the text after it is left out")));
    }
  return i + 6;
}

/* Reads a string token at p[i] == '"'; returns the offset after it, or 0
 * after reporting a problem. Most of a file is strings: the plain bytes of
 * one are skipped with a table lookup each. */
static gsize
scan_string (TrancheJsonScan *self,
             gsize            i)
{
  const guchar *p = (const guchar *) self->data;
  gsize start = i;
  gboolean nul_reported = FALSE;

  for (i++;;)
    {
      while (i < self->len && !self->string_stop[p[i]])
        i++;
      if (i >= self->len)
        break;
      if (p[i] == '"')
        return i + 1;
      if (p[i] != '\\')
        {
          fatal_at (self, i, "", _("a control character (U+%04X) inside a string; write a line "
                                   "break as \\n and a tab as \\t"), p[i]);
          return 0;
        }
      if (i + 1 >= self->len)
        break;
      if ((i = scan_escape (self, i, &nul_reported)) == 0)
        return 0;
    }
  fatal_at (self, start, "", _("the file ends inside the string that starts here; is it "
                               "truncated?"));
  return 0;
}

/* JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gsize
scan_number (TrancheJsonScan *self,
             gsize            i)
{
  const guchar *p = (const guchar *) self->data;
  gsize start = i;
  gboolean ok = TRUE;

  if (p[i] == '-')
    i++;
  if (i < self->len && p[i] == '0')
    i++;
  else if (i < self->len && g_ascii_isdigit (p[i]))
    while (i < self->len && g_ascii_isdigit (p[i]))
      i++;
  else
    ok = FALSE;
  if (ok && i < self->len && p[i] == '.')
    {
      i++;
      ok = i < self->len && g_ascii_isdigit (p[i]);
      while (i < self->len && g_ascii_isdigit (p[i]))
        i++;
    }
  if (ok && i < self->len && (p[i] == 'e' || p[i] == 'E'))
    {
      i++;
      if (i < self->len && (p[i] == '+' || p[i] == '-'))
        i++;
      ok = i < self->len && g_ascii_isdigit (p[i]);
      while (i < self->len && g_ascii_isdigit (p[i]))
        i++;
    }
  /* "01", "1." and "1x" end up here too */
  if (ok && i < self->len && (g_ascii_isalnum (p[i]) || p[i] == '.'))
    ok = FALSE;
  if (!ok)
    {
      gsize end = i;
      g_autofree char *text = NULL;

      while (end < self->len && end - start < 30
             && (g_ascii_isalnum (p[end]) || strchr ("+-.", p[end]) != NULL))
        end++;
      text = g_strndup (self->data + start, end - start);
      fatal_at (self, start, "", _("invalid number \"%s\"; expected digits like 12, 1.5 or "
                                   "2e9, without leading zeros"), text);
      return 0;
    }
  return i;
}

static TrancheRootKind
root_kind_of (const char *key)
{
  if (g_str_equal (key, "events"))
    return TRANCHE_ROOT_EVENTS;
  if (g_str_equal (key, "entities"))
    return TRANCHE_ROOT_ENTITIES;
  if (g_str_equal (key, "sources"))
    return TRANCHE_ROOT_SOURCES;
  return TRANCHE_ROOT_OTHER;
}

char *
tranche_json_decode_string (const char *data,
                            gsize       start,
                            gsize       end)
{
  g_autofree char *quoted = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *text = NULL;

  g_assert (end >= start + 2);
  if (memchr (data + start + 1, '\\', end - start - 2) == NULL)
    return g_strndup (data + start + 1, end - start - 2);
  /* an escaped name is rare enough to let json-glib decode it */
  quoted = g_strndup (data + start, end - start);
  node = json_from_string (quoted, NULL);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    text = json_node_get_string (node);
  return g_strdup (text != NULL ? text : "");
}

/* Bookkeeping when a value starts at `i` at `depth` (containers open
 * around it). Cheap: most values are deeper than 2 and return at once. */
static void
note_value (TrancheJsonScan   *self,
            gsize              i,
            guint              depth,
            gsize              key_start,
            gsize              key_end,
            TrancheRootMember *streamed)
{
  if (depth == 0)
    {
      self->root_offset = i;
      self->root_is_object = self->data[i] == '{';
    }
  else if (depth == 1 && self->root_is_object)
    {
      TrancheRootMember m = { 0 };

      m.key = tranche_json_decode_string (self->data, key_start, key_end);
      m.key_offset = key_start;
      m.value_offset = i;
      m.kind = TRANCHE_ROOT_OTHER;
      g_array_append_val (self->root_members, m);
    }
  else if (depth == 2 && streamed != NULL)
    {
      g_array_append_val (streamed->elements, i);
      self->n_streamed++;
    }
}

/* Where a value inside the root ends: each root member is parsed apart. */
static void
note_value_end (TrancheJsonScan *self,
                gsize            end)
{
  if (self->root_is_object && self->root_members->len > 0)
    {
      GArray *members = self->root_members;

      g_array_index (members, TrancheRootMember, members->len - 1).value_end = end;
    }
}

/* The grammar check's state between tokens. */
typedef struct
{
  TrancheJsonScan   *scan;
  Open              *stack;     /* TRANCHE_JSON_MAX_DEPTH containers */
  NameLog          **names;     /* by depth, made when an object is open there */
  guint              depth;
  Expect             expect;
  gsize              key_start;  /* the last member name */
  gsize              key_end;
  gsize              last_comma;
  TrancheRootMember *streamed;  /* the big array being read, if any */
  GArray            *keys;      /* TrancheJsonKey of the open objects' names */
  gboolean           seen_kind[TRANCHE_ROOT_EVENTS + 1];
} Prescan;

static char
open_kind (Prescan *ps)
{
  return ps->depth > 0 ? ps->stack[ps->depth - 1].kind : 0;
}

/* Reports the token at `i` as unexpected; returns 0, "stop", to the loop. */
static gsize
unexpected (Prescan *ps,
            gsize    i)
{
  syntax_error_unexpected (ps->scan, i, ps->expect, open_kind (ps));
  return 0;
}

static gboolean
expects_value (Prescan *ps)
{
  return ps->expect == EXPECT_VALUE || ps->expect == EXPECT_VALUE_OR_CLOSE;
}

/* A string, number or literal value from `i` to `end`. */
static gsize
scalar_done (Prescan *ps,
             gsize    i,
             gsize    end)
{
  note_value (ps->scan, i, ps->depth, ps->key_start, ps->key_end, ps->streamed);
  if (ps->depth == 1)
    note_value_end (ps->scan, end);
  ps->expect = ps->depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
  return end;
}

/* An array that is the value of a root member may be one of the big
 * arrays whose elements are parsed apart. */
static void
note_streamed (Prescan *ps)
{
  GArray *members = ps->scan->root_members;
  TrancheRootMember *m = &g_array_index (members, TrancheRootMember, members->len - 1);
  TrancheRootKind kind = root_kind_of (m->key);

  /* a repeated member is reported later and not read twice */
  if (kind != TRANCHE_ROOT_OTHER && !ps->seen_kind[kind])
    {
      ps->seen_kind[kind] = TRUE;
      m->kind = kind;
      m->elements = g_array_new (FALSE, FALSE, sizeof (gsize));
      ps->streamed = m;
    }
}

static gsize
open_container (Prescan *ps,
                gsize    i,
                char     c)
{
  if (!expects_value (ps))
    return unexpected (ps, i);
  if (ps->depth == TRANCHE_JSON_MAX_DEPTH)
    {
      fatal_at (ps->scan, i, "", _("nested more than %d levels deep; a dataset never "
                                   "needs that many"), TRANCHE_JSON_MAX_DEPTH);
      return 0;
    }
  note_value (ps->scan, i, ps->depth, ps->key_start, ps->key_end, ps->streamed);
  if (c == '[' && ps->depth == 1 && ps->scan->root_is_object)
    note_streamed (ps);
  ps->stack[ps->depth].offset = i;
  ps->stack[ps->depth].kind = c;
  ps->stack[ps->depth].keys_from = ps->keys->len;
  ps->stack[ps->depth].n_members = 0;
  ps->depth++;
  ps->expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
  return i + 1;
}

static gsize
close_container (Prescan *ps,
                 gsize    i,
                 char     c)
{
  Expect expect = ps->expect;
  char kind = open_kind (ps);

  if ((c == '}' && expect != EXPECT_KEY_OR_CLOSE && expect != EXPECT_COMMA_OR_CLOSE)
      || (c == ']' && expect != EXPECT_VALUE_OR_CLOSE && expect != EXPECT_COMMA_OR_CLOSE))
    {
      if ((expect == EXPECT_KEY && c == '}' && kind == '{')
          || (expect == EXPECT_VALUE && c == ']' && kind == '['))
        {
          fatal_at (ps->scan, ps->last_comma, "", _("a comma before \"%c\"; remove it"), c);
          return 0;
        }
      return unexpected (ps, i);
    }
  if ((c == '}') != (kind == '{'))
    {
      guint line = line_of (ps->scan, ps->stack[ps->depth - 1].offset);

      if (kind == '{')
        fatal_at (ps->scan, i, "", _("\"]\" can't close the object opened at line %u; "
                                     "expected \"}\""), line);
      else
        fatal_at (ps->scan, i, "", _("\"}\" can't close the array opened at line %u; "
                                     "expected \"]\""), line);
      return 0;
    }
  ps->depth--;
  g_array_set_size (ps->keys, ps->stack[ps->depth].keys_from);
  if (ps->stack[ps->depth].n_members > NAMES_UNCHECKED)
    g_hash_table_remove_all (ps->names[ps->depth]->names);
  if (ps->depth == 1)
    {
      note_value_end (ps->scan, i + 1);
      ps->streamed = NULL;
    }
  ps->expect = ps->depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
  return i + 1;
}

/* Objects of the format have a dozen names at most: comparing each new one
 * with its object's earlier ones, byte for byte, costs less than hashing.
 * The root's names are checked apart (they are kept anyway). Past
 * NAMES_UNCHECKED names an object is no object of the format: note_name()
 * hashes its names and refuses a repeat, so this stays linear. */
static void
note_key (Prescan *ps,
          gsize    start,
          gsize    end)
{
  TrancheJsonKey key = { start, end };
  const char *data = ps->scan->data;

  if (ps->stack[ps->depth - 1].n_members >= NAMES_UNCHECKED)
    return;

  for (guint k = ps->stack[ps->depth - 1].keys_from; k < ps->keys->len; k++)
    {
      const TrancheJsonKey *old = &g_array_index (ps->keys, TrancheJsonKey, k);

      if (old->end - old->start == end - start
          && memcmp (data + old->start, data + start, end - start) == 0)
        {
          g_array_append_val (ps->scan->duplicate_keys, key);
          return;
        }
    }
  g_array_append_val (ps->keys, key);
}

/* Where the string token at `start` ends, in text already scanned. */
static gsize
string_end (TrancheJsonScan *self,
            gsize            start)
{
  gsize i = start + 1;

  while (self->data[i] != '"')
    i += self->data[i] == '\\' ? 2 : 1;
  return i + 1;
}

/* Adds a name to the set of a big object's names; FALSE after refusing a
 * repeated one. Takes `name`. */
static gboolean
add_name (Prescan *ps,
          char    *name,
          gsize    start)
{
  GHashTable *names = ps->names[ps->depth - 1]->names;
  gpointer first;
  g_autofree char *quoted = NULL;

  if (!g_hash_table_lookup_extended (names, name, NULL, &first))
    {
      g_hash_table_insert (names, name, GSIZE_TO_POINTER (start));
      return TRUE;
    }
  quoted = tranche_problems_shorten (name);
  fatal_at (ps->scan, start, "", _("the name \"%s\" is given twice in an object of more than %d "
                                   "members (first at line %u); give each member once"),
            quoted, NAMES_UNCHECKED, line_of (ps->scan, GPOINTER_TO_SIZE (first)));
  g_free (name);
  return FALSE;
}

/* Notes the member name from `start` to `end` of the object open at the
 * top; FALSE after refusing it as repeated in a big object. */
static gboolean
note_name (Prescan *ps,
           gsize    start,
           gsize    end)
{
  TrancheJsonScan *self = ps->scan;
  guint depth = ps->depth - 1;
  guint n = ps->stack[depth].n_members++;
  NameLog *log;

  if (ps->names[depth] == NULL)
    ps->names[depth] = g_new0 (NameLog, 1);
  log = ps->names[depth];
  if (n < NAMES_UNCHECKED)
    {
      log->first[n] = start;
      return TRUE;
    }
  if (n == NAMES_UNCHECKED)
    {
      if (log->names == NULL)
        log->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k < NAMES_UNCHECKED; k++)
        {
          gsize at = log->first[k];

          if (!add_name (ps, tranche_json_decode_string (self->data, at, string_end (self, at)),
                         at))
            return FALSE;
        }
    }
  return add_name (ps, tranche_json_decode_string (self->data, start, end), start);
}

/* A member name or a string value. */
static gsize
string_token (Prescan *ps,
              gsize    i)
{
  gsize end = scan_string (ps->scan, i);

  if (end == 0)
    return 0;
  if (ps->expect == EXPECT_KEY || ps->expect == EXPECT_KEY_OR_CLOSE)
    {
      ps->key_start = i;
      ps->key_end = end;
      if (ps->depth > 1)
        note_key (ps, i, end);
      ps->expect = EXPECT_COLON;
      return note_name (ps, i, end) ? end : 0;
    }
  if (expects_value (ps))
    return scalar_done (ps, i, end);
  return unexpected (ps, i);
}

/* A number, true, false or null; anything else is unexpected. */
static gsize
other_token (Prescan *ps,
             gsize    i)
{
  TrancheJsonScan *self = ps->scan;
  const guchar *p = (const guchar *) self->data;
  gsize end = i;

  if (!expects_value (ps))
    return unexpected (ps, i);
  if (p[i] == '-' || g_ascii_isdigit (p[i]))
    {
      end = scan_number (self, i);
      return end == 0 ? 0 : scalar_done (ps, i, end);
    }
  if (!g_ascii_isalpha (p[i]))
    return unexpected (ps, i);
  while (end < self->len && g_ascii_isalnum (p[end]))
    end++;
  if (!((end - i == 4 && memcmp (p + i, "true", 4) == 0)
        || (end - i == 5 && memcmp (p + i, "false", 5) == 0)
        || (end - i == 4 && memcmp (p + i, "null", 4) == 0)))
    return unexpected (ps, i);
  return scalar_done (ps, i, end);
}

/* The token at `i`: the offset after it, or 0 after a fatal problem. */
static gsize
scan_token (Prescan *ps,
            gsize    i)
{
  char c = ps->scan->data[i];

  switch (c)
    {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
      return i + 1;
    case '{':
    case '[':
      return open_container (ps, i, c);
    case '}':
    case ']':
      return close_container (ps, i, c);
    case ',':
      if (ps->expect != EXPECT_COMMA_OR_CLOSE)
        return unexpected (ps, i);
      ps->last_comma = i;
      ps->expect = open_kind (ps) == '{' ? EXPECT_KEY : EXPECT_VALUE;
      return i + 1;
    case ':':
      if (ps->expect != EXPECT_COLON)
        return unexpected (ps, i);
      ps->expect = EXPECT_VALUE;
      return i + 1;
    case '"':
      return string_token (ps, i);
    default:
      return other_token (ps, i);
    }
}

/* After the last byte: a whole document, or what is missing. */
static gboolean
check_end (Prescan *ps)
{
  TrancheJsonScan *self = ps->scan;
  guint line;

  if (ps->expect == EXPECT_VALUE && ps->depth == 0)
    {
      fatal_at (self, 0, "", _("the file is empty; expected a JSON object like "
                               "{\"tranche\": 1, \"events\": []}"));
      return FALSE;
    }
  if (ps->depth == 0)
    return TRUE;
  line = line_of (self, ps->stack[ps->depth - 1].offset);
  if (ps->stack[ps->depth - 1].kind == '{')
    fatal_at (self, self->len, "", _("the file ends before the object opened at line %u "
                                     "is closed; is it truncated?"), line);
  else
    fatal_at (self, self->len, "", _("the file ends before the array opened at line %u "
                                     "is closed; is it truncated?"), line);
  return FALSE;
}

gboolean
tranche_json_scan_run (TrancheJsonScan *self)
{
  Prescan ps = { 0 };
  gsize i = 0;
  gboolean ok = TRUE;

  ps.scan = self;
  ps.stack = g_new (Open, TRANCHE_JSON_MAX_DEPTH);
  ps.keys = g_array_new (FALSE, FALSE, sizeof (TrancheJsonKey));
  ps.names = g_new0 (NameLog *, TRANCHE_JSON_MAX_DEPTH);
  ps.expect = EXPECT_VALUE;
  while (ok && i < self->len)
    ok = (i = scan_token (&ps, i)) != 0;
  ok = ok && check_end (&ps);
  g_free (ps.stack);
  g_array_unref (ps.keys);
  for (guint d = 0; d < TRANCHE_JSON_MAX_DEPTH; d++)
    if (ps.names[d] != NULL)
      {
        g_clear_pointer (&ps.names[d]->names, g_hash_table_unref);
        g_free (ps.names[d]);
      }
  g_free (ps.names);
  return ok;
}
