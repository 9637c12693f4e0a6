/* tranche-loader.c
 *
 * How a file becomes a dataset, in three passes over one buffer:
 *
 * 1. Checks done on the raw bytes before json-glib sees them: UTF-8 (with
 *    the position of the first bad byte), then a light JSON lexer and
 *    grammar check. json-glib 1.6 parses recursively with no depth limit
 *    (100,000 nested brackets overflow the stack) and accepts things that
 *    are not JSON (comments, single quotes, `var x =`, raw line breaks in
 *    strings, 01), so this pass refuses those with a line:column of its own.
 *    It also notes, at no extra cost, where each member of the root object
 *    starts and ends and where each element of `events`, `entities` and
 *    `sources` starts.
 *
 * 2. json-glib parses what the first pass delimited: each value of the
 *    root object on its own, then the elements of the three big arrays in
 *    runs of a few hundred, on as many threads as there are cores
 *    (tranche-element-parser.c). Keeping a tree of the whole file would
 *    cost about 4 GB for a million events; a run's tree lives only until
 *    its elements are converted, which happens in file order, so what is
 *    built and reported is what one thread reading the file would do.
 *    Parsing a million events on one thread was half of the load.
 *
 * 3. The root's small members (version, currency, rates…) are read, and
 *    references that named no entity or no source are reported; the
 *    builder resolves ids and the default currency, so members may come in
 *    any order. The version is checked before the big arrays are parsed.
 *
 * json-glib knows positions only while parsing, and only as line and byte
 * column. Each problem is instead located, only when it is reported, by
 * walking the raw text of the element it is in (whose start offset the
 * first pass noted) along the problem's JSON path; offsets become line and
 * column in one forward pass when the diagnostics are handed over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tranche-allocator.h"
#include "tranche-dataset-builder.h"
#include "tranche-element-parser.h"
#include "tranche-loader.h"

/* Deeper than any dataset needs, far below what json-glib's recursion on
 * a worker thread's stack survives. */
#define MAX_DEPTH 512
/* A million broken events must not make a million diagnostics. */
#define MAX_PROBLEMS 1000
/* Text longer than any display shows is cut, with a warning: laying out
 * megabytes of one label froze the window and took 11 s to paint a 5 MB
 * title. Labels (titles, names, tags) and paragraphs (summaries, quotes);
 * a source's full text is shown by a text view that copes, and is kept. */
#define MAX_LABEL 1000
#define MAX_PARAGRAPH 20000
/* events[i].sources[j].quote is the deepest path the format has. */
#define MAX_PATH 8
#define NO_OFFSET G_MAXSIZE
/* Elements parsed as one tree: big enough that a parse's fixed cost
 * vanishes, small enough that the trees in flight stay small. */
#define RUN_LENGTH 256
/* Fewer elements than this are parsed on the calling thread alone. */
#define THREADED_MIN 2048
/* Converting, a third of the work, is done by one thread at a time: past
 * three threads, more only wait for their turn. */
#define MAX_PARSE_THREADS 3

typedef enum
{
  ROOT_OTHER,
  ROOT_ENTITIES,
  ROOT_SOURCES,
  ROOT_EVENTS,
} RootKind;

typedef struct
{
  char     *key;           /* decoded member name */
  gsize     key_offset;    /* its opening quote */
  gsize     value_offset;
  gsize     value_end;     /* just past the value */
  RootKind  kind;          /* streamed array, or OTHER */
  GArray   *elements;      /* gsize start offsets of the elements of a streamed array */
} RootMember;

typedef struct
{
  const char *key;   /* NULL for an array index */
  guint       index;
} PathPart;

typedef struct
{
  TrancheSeverity  severity;
  char            *path;
  gsize            offset;  /* NO_OFFSET: line and column as given */
  guint            line;
  guint            column;
  char            *message;
  guint            seq;     /* keeps the order of problems at one offset */
} Problem;

/* Turns byte offsets, visited in increasing order, into line and column. */
typedef struct
{
  const char *data;
  gsize       len;
  gsize       offset;
  guint       line;
  gsize       line_start;
  gsize       col_offset;  /* where `col` was last counted, on the current line */
  guint       col;
} Cursor;

typedef struct
{
  char  *path;
  gsize  offset;
} Reference;

typedef struct
{
  const char                 *data;     /* after any byte order mark */
  gsize                       len;
  const char                 *filename;
  char                       *folder;   /* for text_file; NULL: refuse them */
  GCancellable               *cancellable;
  TrancheLoaderProgressFunc   progress;
  gpointer                    progress_data;
  TrancheDatasetBuilder      *builder;

  /* problems */
  GArray                     *problems;       /* Problem */
  GArray                     *fatal;          /* Problem: the document is no dataset */
  guint                       n_dropped;
  gboolean                    dropped_error;
  guint                       n_errors_here;  /* errors in the item being read */

  /* the JSON path of what is being read, and where its anchor starts */
  PathPart                    path[MAX_PATH];
  guint                       path_len;
  guint                       anchor_depth;
  gsize                       anchor_offset;

  /* first pass */
  guint8                      string_stop[256];  /* bytes that end a run inside a string */
  gsize                       root_offset;
  gboolean                    root_is_object;
  GArray                     *root_members;   /* RootMember */
  guint                       n_streamed;     /* elements in all streamed arrays */

  /* second pass: the elements are converted one at a time, in file order,
   * by whichever parsing thread holds the turn */
  guint                       n_done;
  int                         last_percent;
  gboolean                    cancelled;
  Cursor                      event_lines;

  GPtrArray                  *shortened;      /* cut copies of long texts, until built */
  GHashTable                 *bad_entity_ids;
  GHashTable                 *bad_source_ids;
  GHashTable                 *entity_index;      /* interned id -> entity index */
  GHashTable                 *unknown_entities;  /* id -> Reference to its first use */
  GHashTable                 *unknown_sources;
} Loader;

G_DEFINE_QUARK (tranche-loader-error-quark, tranche_loader_error)

/* Cursor */

static void
cursor_init (Cursor     *c,
             const char *data,
             gsize       len)
{
  memset (c, 0, sizeof *c);
  c->data = data;
  c->len = len;
  c->line = 1;
  c->col = 1;
}

static void
cursor_seek (Cursor *c,
             gsize   offset)
{
  const char *nl;

  offset = MIN (offset, c->len);
  if (offset < c->offset)
    cursor_init (c, c->data, c->len);
  while (c->offset < offset
         && (nl = memchr (c->data + c->offset, '\n', offset - c->offset)) != NULL)
    {
      c->line++;
      c->offset = nl - c->data + 1;
      c->line_start = c->offset;
    }
  c->offset = offset;
}

/* Columns count characters, as editors show them, not bytes. */
static guint
cursor_column (Cursor *c)
{
  if (c->col_offset < c->line_start || c->col_offset > c->offset)
    {
      c->col_offset = c->line_start;
      c->col = 1;
    }
  c->col += g_utf8_strlen (c->data + c->col_offset, c->offset - c->col_offset);
  c->col_offset = c->offset;
  return c->col;
}

/* Problems */

static void
clear_problem (gpointer data)
{
  Problem *p = data;

  g_clear_pointer (&p->path, g_free);
  g_clear_pointer (&p->message, g_free);
}

static void
clear_root_member (gpointer data)
{
  RootMember *m = data;

  g_clear_pointer (&m->key, g_free);
  g_clear_pointer (&m->elements, g_array_unref);
}

static void
free_reference (gpointer data)
{
  Reference *r = data;

  g_free (r->path);
  g_free (r);
}

static char *
path_to_string (Loader *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->path_len; i++)
    {
      if (self->path[i].key != NULL)
        g_string_append_printf (s, "%s%s", s->len > 0 ? "." : "", self->path[i].key);
      else
        g_string_append_printf (s, "[%u]", self->path[i].index);
    }
  return g_string_free (s, FALSE);
}

static void
push_key (Loader     *self,
          const char *key)
{
  g_assert (self->path_len < MAX_PATH);
  self->path[self->path_len].key = key;
  self->path[self->path_len].index = 0;
  self->path_len++;
}

static void
push_index (Loader *self,
            guint   index)
{
  g_assert (self->path_len < MAX_PATH);
  self->path[self->path_len].key = NULL;
  self->path[self->path_len].index = index;
  self->path_len++;
}

static void
pop (Loader *self)
{
  g_assert (self->path_len > self->anchor_depth);
  self->path_len--;
}

/* Raw JSON walking, only for problems: the text was checked by the first
 * pass, so these helpers can trust its grammar. */

static gsize
skip_space (Loader *self,
            gsize   i)
{
  while (i < self->len && (self->data[i] == ' ' || self->data[i] == '\n'
                           || self->data[i] == '\r' || self->data[i] == '\t'))
    i++;
  return i;
}

static gsize
skip_string (Loader *self,
             gsize   i)
{
  for (i++; i < self->len && self->data[i] != '"'; i++)
    if (self->data[i] == '\\')
      i++;
  return MIN (i + 1, self->len);
}

static gsize
skip_value (Loader *self,
            gsize   i)
{
  guint depth = 0;

  while (i < self->len)
    {
      char c = self->data[i];

      if (c == '"')
        {
          i = skip_string (self, i);
          if (depth == 0)
            return i;
          continue;
        }
      if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return i;
          if (--depth == 0)
            return i + 1;
        }
      else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t'))
        return i;
      i++;
    }
  return i;
}

static gboolean
raw_key_equals (Loader     *self,
                gsize       start,
                gsize       end,
                const char *key)
{
  const char *raw = self->data + start + 1;
  gsize n = end - start - 2;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (memchr (raw, '\\', n) == NULL)
    return strlen (key) == n && memcmp (raw, key, n) == 0;
  /* an escaped name is rare enough to let json-glib decode it */
  quoted = g_strndup (self->data + start, end - start);
  node = json_from_string (quoted, NULL);
  return node != NULL && g_strcmp0 (json_node_get_string (node), key) == 0;
}

/* The offset of what the current path names, or of its deepest part that
 * exists (the object that lacks a missing member). With `want_value` the
 * offset of a member's value, else of its name. */
static gsize
locate (Loader   *self,
        gboolean  want_value)
{
  gsize at = self->anchor_offset;

  if (at == NO_OFFSET)
    return NO_OFFSET;
  for (guint k = self->anchor_depth; k < self->path_len; k++)
    {
      const PathPart *part = &self->path[k];
      gsize i = at + 1;
      gboolean found = FALSE;
      gsize found_key = 0, found_value = 0;

      if (part->key != NULL && self->data[at] == '{')
        {
          /* the last of repeated names, as json-glib keeps the last */
          for (i = skip_space (self, i); i < self->len && self->data[i] == '"';)
            {
              gsize key_start = i, key_end = skip_string (self, i);
              gsize value = skip_space (self, skip_space (self, key_end) + 1);

              if (raw_key_equals (self, key_start, key_end, part->key))
                {
                  found = TRUE;
                  found_key = key_start;
                  found_value = value;
                }
              i = skip_space (self, skip_value (self, value));
              if (i >= self->len || self->data[i] != ',')
                break;
              i = skip_space (self, i + 1);
            }
        }
      else if (part->key == NULL && self->data[at] == '[')
        {
          i = skip_space (self, i);
          for (guint n = 0; i < self->len && self->data[i] != ']'; n++)
            {
              if (n == part->index)
                {
                  found = TRUE;
                  found_key = found_value = i;
                  break;
                }
              i = skip_space (self, skip_value (self, i));
              if (i >= self->len || self->data[i] != ',')
                break;
              i = skip_space (self, i + 1);
            }
        }
      if (!found)
        break;
      at = (k + 1 == self->path_len && !want_value) ? found_key : found_value;
    }
  return at;
}

static void
add_problem (Loader          *self,
             GArray          *list,
             TrancheSeverity  severity,
             char            *path,
             gsize            offset,
             guint            line,
             guint            column,
             char            *message)
{
  Problem p = { severity, path, offset, line, column, message, list->len };

  g_array_append_val (list, p);
}

static void report (Loader          *self,
                    TrancheSeverity  severity,
                    const char      *format,
                    ...) G_GNUC_PRINTF (3, 4);

/* A problem with what the current path names. */
static void
report (Loader          *self,
        TrancheSeverity  severity,
        const char      *format,
        ...)
{
  va_list args;
  char *message;

  if (severity == TRANCHE_SEVERITY_ERROR)
    self->n_errors_here++;
  if (self->problems->len >= MAX_PROBLEMS)
    {
      /* counted, not stored: a broken million-event file stays cheap */
      self->n_dropped++;
      self->dropped_error |= severity == TRANCHE_SEVERITY_ERROR;
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (self, self->problems, severity, path_to_string (self), locate (self, FALSE),
               0, 0, message);
}

static void fatal_at (Loader     *self,
                      gsize       offset,
                      const char *path,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* A problem that means there is no dataset at all. */
static void
fatal_at (Loader     *self,
          gsize       offset,
          const char *path,
          const char *format,
          ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (self, self->fatal, TRANCHE_SEVERITY_ERROR, g_strdup (path), offset, 0, 0,
               message);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a;
  const Problem *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

/* In file order, with offsets turned into line:column in one pass. */
static void
hand_over (Loader             *self,
           GArray             *list,
           TrancheDiagnostics *diagnostics)
{
  Cursor cursor;

  if (diagnostics == NULL)
    return;
  g_array_sort (list, compare_problems);
  cursor_init (&cursor, self->data, self->len);
  for (guint i = 0; i < list->len; i++)
    {
      const Problem *p = &g_array_index (list, Problem, i);
      guint line = p->line, column = p->column;

      if (p->offset != NO_OFFSET)
        {
          cursor_seek (&cursor, p->offset);
          line = cursor.line;
          column = cursor_column (&cursor);
        }
      tranche_diagnostics_add (diagnostics, p->severity, p->path, line, column, "%s", p->message);
    }
}

/* Short quotes of the file's text inside messages (only made when a
 * problem is reported: most values are fine). */
static char *
shorten (const char *text)
{
  const char *cut;

  if (g_utf8_strlen (text, 41) <= 40)
    return g_strdup (text);
  cut = g_utf8_offset_to_pointer (text, 37);
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/* First pass: encoding, lexer, grammar, and where things start */

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
  char  kind;   /* '{' or '[' */
} Open;

static char *
describe_token (Loader *self,
                gsize   i)
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
syntax_error_unexpected (Loader *self,
                         gsize   i,
                         Expect  expect,
                         char    open_kind)
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

static gboolean
check_encoding (Loader *self)
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
read_unit (Loader *self,
           gsize   i)
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

/* Reads a string token at p[i] == '"'; returns the offset after it, or 0
 * after reporting a problem. Most of a file is strings: the plain bytes of
 * one are skipped with a table lookup each. */
static gsize
scan_string (Loader *self,
             gsize   i)
{
  const guchar *p = (const guchar *) self->data;
  gsize start = i;
  gboolean nul_reported = FALSE;

  for (i++;;)
    {
      guchar c;
      int unit;

      while (i < self->len && !self->string_stop[p[i]])
        i++;
      if (i >= self->len)
        break;
      c = p[i];
      if (c == '"')
        return i + 1;
      if (c != '\\')
        {
          fatal_at (self, i, "", _("a control character (U+%04X) inside a string; write a line "
                                   "break as \\n and a tab as \\t"), c);
          return 0;
        }
      if (i + 1 >= self->len)
        break;
      c = p[i + 1];
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
          i += 2;
          continue;
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

          if (low < 0xdc00 || low > 0xdfff)
            {
              fatal_at (self, i, "", _("a \\u escape of an unpaired surrogate; write the "
                                       "character itself or a valid pair"));
              return 0;
            }
          i += 12;
        }
      else if (unit >= 0xdc00 && unit <= 0xdfff)
        {
          fatal_at (self, i, "", _("a \\u escape of an unpaired surrogate; write the "
                                   "character itself or a valid pair"));
          return 0;
        }
      else
        {
          /* Strings are C strings from json-glib on: a NUL would silently
           * cut the rest of the text (or make two ids equal). Said once
           * per string, and only when the file is a dataset. */
          if (unit == 0 && !nul_reported)
            {
              nul_reported = TRUE;
              if (self->problems->len < MAX_PROBLEMS)
                add_problem (self, self->problems, TRANCHE_SEVERITY_WARNING, g_strdup (""), i,
                             0, 0, g_strdup (_("a NUL character (\\u0000) in a string: "
                                               "the text after it is left out")));
              else
                self->n_dropped++;
            }
          i += 6;
        }
    }
  fatal_at (self, start, "", _("the file ends inside the string that starts here; is it "
                               "truncated?"));
  return 0;
}

/* JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gsize
scan_number (Loader *self,
             gsize   i)
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

static RootKind
root_kind_of (const char *key)
{
  if (g_str_equal (key, "events"))
    return ROOT_EVENTS;
  if (g_str_equal (key, "entities"))
    return ROOT_ENTITIES;
  if (g_str_equal (key, "sources"))
    return ROOT_SOURCES;
  return ROOT_OTHER;
}

static char *
decode_key (Loader *self,
            gsize   start,
            gsize   end)
{
  g_autofree char *quoted = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (memchr (self->data + start + 1, '\\', end - start - 2) == NULL)
    return g_strndup (self->data + start + 1, end - start - 2);
  quoted = g_strndup (self->data + start, end - start);
  node = json_from_string (quoted, NULL);
  return g_strdup (node != NULL ? json_node_get_string (node) : "");
}

/* Bookkeeping when a value starts at `i` at `depth` (containers open
 * around it). Cheap: most values are deeper than 2 and return at once. */
static void
note_value (Loader     *self,
            gsize       i,
            guint       depth,
            gsize       key_start,
            gsize       key_end,
            RootMember *streamed)
{
  if (depth == 0)
    {
      self->root_offset = i;
      self->root_is_object = self->data[i] == '{';
    }
  else if (depth == 1 && self->root_is_object)
    {
      RootMember m = { 0 };

      m.key = decode_key (self, key_start, key_end);
      m.key_offset = key_start;
      m.value_offset = i;
      m.kind = ROOT_OTHER;
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
note_value_end (Loader *self,
                gsize   end)
{
  if (self->root_is_object && self->root_members->len > 0)
    g_array_index (self->root_members, RootMember, self->root_members->len - 1).value_end = end;
}

static gboolean
prescan (Loader *self)
{
  const guchar *p = (const guchar *) self->data;
  Open *stack = g_new (Open, MAX_DEPTH);
  guint depth = 0;
  Expect expect = EXPECT_VALUE;
  gsize key_start = 0, key_end = 0;
  gsize last_comma = 0;
  RootMember *streamed = NULL;
  gboolean seen_kind[ROOT_EVENTS + 1] = { FALSE, };
  gsize i = 0;
  gboolean ok = FALSE;

  while (i < self->len)
    {
      guchar c = p[i];
      char open_kind = depth > 0 ? stack[depth - 1].kind : 0;

      switch (c)
        {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          i++;
          continue;

        case '{':
        case '[':
          if (expect != EXPECT_VALUE && expect != EXPECT_VALUE_OR_CLOSE)
            goto unexpected;
          if (depth == MAX_DEPTH)
            {
              fatal_at (self, i, "", _("nested more than %d levels deep; a dataset never "
                                       "needs that many"), MAX_DEPTH);
              goto out;
            }
          note_value (self, i, depth, key_start, key_end, streamed);
          if (c == '[' && depth == 1 && self->root_is_object)
            {
              RootMember *m = &g_array_index (self->root_members, RootMember,
                                              self->root_members->len - 1);
              RootKind kind = root_kind_of (m->key);

              /* a repeated member is reported later and not read twice */
              if (kind != ROOT_OTHER && !seen_kind[kind])
                {
                  seen_kind[kind] = TRUE;
                  m->kind = kind;
                  m->elements = g_array_new (FALSE, FALSE, sizeof (gsize));
                  streamed = m;
                }
            }
          stack[depth].offset = i;
          stack[depth].kind = c;
          depth++;
          expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
          i++;
          continue;

        case '}':
        case ']':
          if ((c == '}' && expect != EXPECT_KEY_OR_CLOSE && expect != EXPECT_COMMA_OR_CLOSE)
              || (c == ']' && expect != EXPECT_VALUE_OR_CLOSE
                  && expect != EXPECT_COMMA_OR_CLOSE))
            {
              if ((expect == EXPECT_KEY && c == '}' && open_kind == '{')
                  || (expect == EXPECT_VALUE && c == ']' && open_kind == '['))
                {
                  fatal_at (self, last_comma, "", _("a comma before \"%c\"; remove it"), c);
                  goto out;
                }
              goto unexpected;
            }
          if ((c == '}') != (open_kind == '{'))
            {
              Cursor at;

              cursor_init (&at, self->data, self->len);
              cursor_seek (&at, stack[depth - 1].offset);
              if (open_kind == '{')
                fatal_at (self, i, "", _("\"]\" can't close the object opened at line %u; "
                                         "expected \"}\""), at.line);
              else
                fatal_at (self, i, "", _("\"}\" can't close the array opened at line %u; "
                                         "expected \"]\""), at.line);
              goto out;
            }
          depth--;
          if (depth == 1)
            {
              note_value_end (self, i + 1);
              streamed = NULL;
            }
          expect = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
          i++;
          continue;

        case ',':
          if (expect != EXPECT_COMMA_OR_CLOSE)
            goto unexpected;
          last_comma = i;
          expect = open_kind == '{' ? EXPECT_KEY : EXPECT_VALUE;
          i++;
          continue;

        case ':':
          if (expect != EXPECT_COLON)
            goto unexpected;
          expect = EXPECT_VALUE;
          i++;
          continue;

        case '"':
          {
            gsize end = scan_string (self, i);

            if (end == 0)
              goto out;
            if (expect == EXPECT_KEY || expect == EXPECT_KEY_OR_CLOSE)
              {
                key_start = i;
                key_end = end;
                expect = EXPECT_COLON;
              }
            else if (expect == EXPECT_VALUE || expect == EXPECT_VALUE_OR_CLOSE)
              {
                note_value (self, i, depth, key_start, key_end, streamed);
                if (depth == 1)
                  note_value_end (self, end);
                expect = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
              }
            else
              goto unexpected;
            i = end;
            continue;
          }

        default:
          if (expect != EXPECT_VALUE && expect != EXPECT_VALUE_OR_CLOSE)
            goto unexpected;
          if (c == '-' || g_ascii_isdigit (c))
            {
              gsize end = scan_number (self, i);

              if (end == 0)
                goto out;
              note_value (self, i, depth, key_start, key_end, streamed);
              if (depth == 1)
                note_value_end (self, end);
              i = end;
            }
          else if (g_ascii_isalpha (c))
            {
              gsize end = i;

              while (end < self->len && g_ascii_isalnum (p[end]))
                end++;
              if (!((end - i == 4 && memcmp (p + i, "true", 4) == 0)
                    || (end - i == 5 && memcmp (p + i, "false", 5) == 0)
                    || (end - i == 4 && memcmp (p + i, "null", 4) == 0)))
                goto unexpected;
              note_value (self, i, depth, key_start, key_end, streamed);
              if (depth == 1)
                note_value_end (self, end);
              i = end;
            }
          else
            goto unexpected;
          expect = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
          continue;
        }

    unexpected:
      syntax_error_unexpected (self, i, expect, open_kind);
      goto out;
    }

  if (expect == EXPECT_VALUE && depth == 0)
    fatal_at (self, 0, "", _("the file is empty; expected a JSON object like "
                             "{\"tranche\": 1, \"events\": []}"));
  else if (depth > 0)
    {
      Cursor at;

      cursor_init (&at, self->data, self->len);
      cursor_seek (&at, stack[depth - 1].offset);
      if (stack[depth - 1].kind == '{')
        fatal_at (self, self->len, "", _("the file ends before the object opened at line %u "
                                          "is closed; is it truncated?"), at.line);
      else
        fatal_at (self, self->len, "", _("the file ends before the array opened at line %u "
                                          "is closed; is it truncated?"), at.line);
    }
  else
    ok = TRUE;

out:
  g_free (stack);
  return ok;
}

/* Values */

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          /* JSON's own words, not translated */
          return json_node_get_boolean (node) ? "true" : "false";
        default:
          return _("a number");
        }
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* The number a node holds. json-glib 1.6 wraps integers beyond 64 bits
 * around to negative values: the raw text says what was written. */
static double
number_value (Loader   *self,
              JsonNode *node)
{
  gint64 v;
  gsize at;

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  v = json_node_get_int (node);
  if (v >= 0)
    return (double) v;
  at = locate (self, TRUE);
  if (at != NO_OFFSET && at < self->len
      && (self->data[at] == '-' || g_ascii_isdigit (self->data[at])))
    return g_ascii_strtod (self->data + at, NULL);
  return (double) v;
}

/* The string of the member named by the current path, or NULL after
 * reporting that it is no string. */
static const char *
expect_string (Loader   *self,
               JsonNode *node)
{
  if (is_string (node))
    return json_node_get_string (node);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected a string in double quotes, got %s"),
          describe_node (node));
  return NULL;
}

/* `text`, or a copy cut to `max_chars` characters after a warning about
 * what the current path names. */
static const char *
limit_length (Loader     *self,
              const char *text,
              glong       max_chars)
{
  glong n_chars;
  const char *cut;
  char *copy;

  if (text == NULL || strnlen (text, max_chars + 1) <= (gsize) max_chars
      || (n_chars = g_utf8_strlen (text, -1)) <= max_chars)
    return text;
  cut = g_utf8_offset_to_pointer (text, max_chars);
  copy = g_strdup_printf ("%.*s…", (int) (cut - text), text);
  g_ptr_array_add (self->shortened, copy);
  report (self, TRANCHE_SEVERITY_WARNING, _("%ld characters long; only the first %ld are "
                                            "shown"), n_chars, max_chars);
  return copy;
}

static gboolean
expect_boolean (Loader   *self,
                JsonNode *node,
                gboolean *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  report (self, TRANCHE_SEVERITY_ERROR, _("expected true or false, got %s"),
          describe_node (node));
  return FALSE;
}

static const char *
member_string (Loader     *self,
               JsonNode   *node,
               const char *name)
{
  const char *value;

  if (node == NULL)
    return NULL;
  push_key (self, name);
  value = expect_string (self, node);
  pop (self);
  return value;
}

/* An optional string member, cut to `max_chars`. */
static const char *
member_text (Loader     *self,
             JsonNode   *node,
             const char *name,
             glong       max_chars)
{
  const char *value = member_string (self, node, name);

  if (value == NULL)
    return NULL;
  push_key (self, name);
  value = limit_length (self, value, max_chars);
  pop (self);
  return value;
}

static gboolean
entity_id_is_valid (const char *id)
{
  if (!(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *c = id + 1; *c != '\0'; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '.' || *c == '_' || *c == '-'))
      return FALSE;
  return TRUE;
}

/* An entity id the current path names, or NULL after reporting. */
static const char *
expect_entity_id (Loader   *self,
                  JsonNode *node)
{
  const char *id = expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (id == NULL || entity_id_is_valid (id))
    return id;
  quoted = shorten (id);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected an entity id of lowercase letters, digits, "
                                          "\".\", \"_\" or \"-\" like \"openai\", got \"%s\""),
          quoted);
  return NULL;
}

static gboolean
expect_currency (Loader          *self,
                 JsonNode        *node,
                 TrancheCurrency *out)
{
  const char *code = expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (code == NULL)
    return FALSE;
  if (tranche_currency_code_is_valid (code))
    {
      *out = tranche_currency_from_code (code);
      return TRUE;
    }
  quoted = shorten (code);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected a currency code of three capital letters "
                                          "like \"USD\" or \"EUR\", got \"%s\""), quoted);
  return FALSE;
}

static gboolean
expect_date (Loader      *self,
             JsonNode    *node,
             TrancheDate *out)
{
  const char *text = expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (text == NULL)
    return FALSE;
  switch (tranche_date_parse (text, out))
    {
    case TRANCHE_DATE_OK:
      return TRUE;
    case TRANCHE_DATE_ERROR_RANGE:
      quoted = shorten (text);
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a year from 1000 to 9999, got \"%s\""),
              quoted);
      return FALSE;
    case TRANCHE_DATE_ERROR_CALENDAR:
      quoted = shorten (text);
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" is not on the calendar: check the month "
                                              "(1 to 12), quarter (Q1 to Q4) and day"), quoted);
      return FALSE;
    case TRANCHE_DATE_ERROR_SYNTAX:
    default:
      quoted = shorten (text);
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a date like 2023, 2023-Q2, 2023-01 or "
                                              "2023-01-31, got \"%s\""), quoted);
      return FALSE;
    }
}

/* An amount as a figure: finite, not negative. */
static gboolean
expect_amount_number (Loader   *self,
                      JsonNode *node,
                      double   *out)
{
  double v;

  if (!is_number (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a number of currency units like "
                                              "1000000000, got %s"), describe_node (node));
      return FALSE;
    }
  v = number_value (self, node);
  if (!isfinite (v))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("too large to be a number; expected a finite "
                                              "amount like 1000000000"));
      return FALSE;
    }
  if (v < 0)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an amount of 0 or more, got %g"), v);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static void
warn_unknown_member (Loader     *self,
                     const char *name,
                     const char *what)
{
  push_key (self, name);
  /* Translators: %s is "an event", "an entity", "a source", "an amount"… */
  report (self, TRANCHE_SEVERITY_WARNING, _("not a member of %s in format version 1; ignored"),
          what);
  pop (self);
}

static int
lookup_name (const char         *name,
             const char * const *names,
             int                 n_names)
{
  for (int i = 0; i < n_names; i++)
    if (name[0] == names[i][0] && strcmp (name, names[i]) == 0)
      return i;
  return -1;
}

/* Sorts an object's members into `found` by their index in `names`; members
 * the format does not know get a warning naming what they are in. */
static void
collect_members (Loader             *self,
                 JsonNode           *node,
                 const char * const *names,
                 int                 n_names,
                 JsonNode          **found,
                 const char         *what)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      int k = lookup_name (name, names, n_names);

      if (k < 0)
        warn_unknown_member (self, name, what);
      else
        found[k] = value;
    }
}

/* Sets of bad ids are nearly always empty: skip hashing the id then. */
static gboolean
set_contains (GHashTable *set,
              const char *key)
{
  return g_hash_table_size (set) > 0 && g_hash_table_contains (set, key);
}

/* Money, at the current path */

enum
{
  MONEY_VALUE, MONEY_CURRENCY, MONEY_APPROX, MONEY_MIN, MONEY_MAX, MONEY_DISCLOSED, MONEY_BASIS,
  N_MONEY_MEMBERS
};

static const char * const money_members[] = {
  "value", "currency", "approx", "min", "max", "disclosed", "basis",
};

static const char * const basis_names[] = {
  NULL, "post-money", "pre-money", "reported",
};

static gboolean
parse_money (Loader       *self,
             JsonNode     *node,
             gboolean      valuation,
             TrancheMoney *out)
{
  JsonNode *m[N_MONEY_MEMBERS] = { NULL, };
  guint errors = self->n_errors_here;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean disclosed = TRUE, approx = FALSE;
  double min = 0, max = 0;
  gboolean has_min = FALSE, has_max = FALSE;

  memset (out, 0, sizeof *out);
  out->flags = TRANCHE_MONEY_PRESENT;

  if (is_number (node))
    {
      if (!expect_amount_number (self, node, &out->value))
        return FALSE;
      out->flags |= TRANCHE_MONEY_HAS_VALUE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an amount as a number or an object like "
                                              "{\"value\": 1000000000}, got %s"),
              describe_node (node));
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      int k = lookup_name (name, money_members, N_MONEY_MEMBERS);

      if (k < 0 || (k == MONEY_BASIS && !valuation))
        warn_unknown_member (self, name, valuation ? _("a valuation") : _("an amount"));
      else
        m[k] = value;
    }

  if (m[MONEY_VALUE] != NULL)
    {
      push_key (self, "value");
      if (expect_amount_number (self, m[MONEY_VALUE], &out->value))
        out->flags |= TRANCHE_MONEY_HAS_VALUE;
      pop (self);
    }
  if (m[MONEY_CURRENCY] != NULL)
    {
      push_key (self, "currency");
      expect_currency (self, m[MONEY_CURRENCY], &out->currency);
      pop (self);
    }
  if (m[MONEY_APPROX] != NULL)
    {
      push_key (self, "approx");
      if (expect_boolean (self, m[MONEY_APPROX], &approx) && approx)
        out->flags |= TRANCHE_MONEY_APPROX;
      pop (self);
    }
  if (m[MONEY_MIN] != NULL)
    {
      push_key (self, "min");
      has_min = expect_amount_number (self, m[MONEY_MIN], &min);
      pop (self);
    }
  if (m[MONEY_MAX] != NULL)
    {
      push_key (self, "max");
      has_max = expect_amount_number (self, m[MONEY_MAX], &max);
      pop (self);
    }
  if (m[MONEY_DISCLOSED] != NULL)
    {
      push_key (self, "disclosed");
      expect_boolean (self, m[MONEY_DISCLOSED], &disclosed);
      pop (self);
    }
  if (m[MONEY_BASIS] != NULL)
    {
      const char *basis;

      push_key (self, "basis");
      basis = expect_string (self, m[MONEY_BASIS]);
      if (basis != NULL)
        {
          int b = lookup_name (basis, basis_names + 1, G_N_ELEMENTS (basis_names) - 1);

          if (b < 0)
            {
              g_autofree char *quoted = shorten (basis);

              report (self, TRANCHE_SEVERITY_ERROR, _("expected \"post-money\", \"pre-money\" "
                                                      "or \"reported\", got \"%s\""), quoted);
            }
          else
            out->basis = b + 1;
        }
      pop (self);
    }

  if (has_min && has_max)
    {
      if (min > max)
        {
          push_key (self, "min");
          report (self, TRANCHE_SEVERITY_ERROR, _("the range's min (%g) is above its max (%g)"),
                  min, max);
          pop (self);
        }
      out->min = min;
      out->max = max;
      out->flags |= TRANCHE_MONEY_HAS_RANGE;
    }
  else if ((m[MONEY_MIN] != NULL) != (m[MONEY_MAX] != NULL))
    {
      push_key (self, m[MONEY_MIN] != NULL ? "max" : "min");
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: a range needs both min and max"));
      pop (self);
    }

  if (!disclosed)
    {
      out->flags |= TRANCHE_MONEY_UNDISCLOSED;
      if (m[MONEY_VALUE] != NULL || m[MONEY_MIN] != NULL || m[MONEY_MAX] != NULL)
        {
          push_key (self, "disclosed");
          report (self, TRANCHE_SEVERITY_ERROR, _("an undisclosed amount can't have a value or a "
                                                  "range; remove them or the \"disclosed\": "
                                                  "false"));
          pop (self);
        }
    }
  else if (m[MONEY_VALUE] == NULL && m[MONEY_MIN] == NULL && m[MONEY_MAX] == NULL)
    {
      push_key (self, "value");
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: give a value, a min and a max, or "
                                              "\"disclosed\": false"));
      pop (self);
    }
  return self->n_errors_here == errors;
}

/* Entities */

enum
{
  ENTITY_ID, ENTITY_NAME, ENTITY_KIND, ENTITY_COLOR, N_ENTITY_MEMBERS
};

static const char * const entity_members[] = { "id", "name", "kind", "color" };

static const char * const entity_kinds[] = {
  "company", "investor", "fund", "person", "government",
};

static gboolean
parse_color (const char *text,
             guint32    *out)
{
  guint32 v = 0;

  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (text[i]);
      if (d < 0)
        return FALSE;
      v = v << 4 | d;
    }
  *out = v;
  return TRUE;
}

static void
load_entity (Loader   *self,
             JsonNode *node)
{
  JsonNode *m[N_ENTITY_MEMBERS] = { NULL, };
  TrancheEntity entity = { 0 };
  const char *id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an entity object like {\"id\": "
                                              "\"openai\", \"name\": \"OpenAI\"}, got %s"),
              describe_node (node));
      return;
    }
  collect_members (self, node, entity_members, N_ENTITY_MEMBERS, m, _("an entity"));

  push_key (self, "id");
  if (m[ENTITY_ID] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every entity needs an id like \"openai\""));
  else if ((id = expect_entity_id (self, m[ENTITY_ID])) != NULL
           && (tranche_dataset_builder_entity_is_declared (self->builder, id)
               || set_contains (self->bad_entity_ids, id)))
    report (self, TRANCHE_SEVERITY_ERROR, _("another entity has the id \"%s\" already; ids "
                                            "must be unique"), id);
  pop (self);

  push_key (self, "name");
  if (m[ENTITY_NAME] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every entity needs a display name"));
  else
    entity.name = limit_length (self, expect_string (self, m[ENTITY_NAME]), MAX_LABEL);
  pop (self);

  entity.kind = TRANCHE_ENTITY_COMPANY;
  if (m[ENTITY_KIND] != NULL)
    {
      const char *kind;

      push_key (self, "kind");
      if ((kind = expect_string (self, m[ENTITY_KIND])) != NULL)
        {
          int k = lookup_name (kind, entity_kinds, G_N_ELEMENTS (entity_kinds));

          if (k < 0)
            {
              g_autofree char *quoted = shorten (kind);

              report (self, TRANCHE_SEVERITY_ERROR,
                      _("expected \"company\", \"investor\", \"fund\", \"person\" or "
                        "\"government\", got \"%s\""), quoted);
            }
          else
            entity.kind = k;
        }
      pop (self);
    }

  if (m[ENTITY_COLOR] != NULL)
    {
      const char *color;

      push_key (self, "color");
      if ((color = expect_string (self, m[ENTITY_COLOR])) != NULL)
        {
          if (parse_color (color, &entity.color))
            entity.has_color = TRUE;
          else
            {
              g_autofree char *quoted = shorten (color);

              report (self, TRANCHE_SEVERITY_ERROR, _("expected a colour like \"#1f77b4\", "
                                                      "got \"%s\""), quoted);
            }
        }
      pop (self);
    }

  if (self->n_errors_here > 0)
    {
      if (id != NULL)
        g_hash_table_add (self->bad_entity_ids, g_strdup (id));
      return;
    }
  entity.id = id;
  tranche_dataset_builder_add_entity (self->builder, &entity);
}

/* Sources */

enum
{
  SOURCE_ID, SOURCE_TITLE, SOURCE_PUBLISHER, SOURCE_AUTHOR, SOURCE_URL, SOURCE_PUBLISHED,
  SOURCE_LANGUAGE, SOURCE_SUMMARY, SOURCE_TEXT, SOURCE_TEXT_FILE, N_SOURCE_MEMBERS
};

static const char * const source_members[] = {
  "id", "title", "publisher", "author", "url", "published", "language", "summary", "text",
  "text_file",
};

/* BCP 47 in the shape it has in practice: a 2-3 letter language, then
 * subtags ("fr", "pt-BR", "zh-Hant-TW"). Longer languages are syntactically
 * allowed but none is registered, and "French" is the usual mistake. */
static gboolean
language_tag_is_valid (const char *tag)
{
  gsize n = 0;
  const char *c = tag;

  for (; g_ascii_isalpha (*c); c++)
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (*c == '-')
    {
      c++;
      for (n = 0; g_ascii_isalnum (*c); c++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }
  return *c == '\0';
}

/* Does the path stay inside its folder, read as text, before any link? */
static gboolean
relative_path_stays_inside (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  int depth = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        {
          if (--depth < 0)
            return FALSE;
        }
      else if (parts[i][0] != '\0' && !g_str_equal (parts[i], "."))
        depth++;
    }
  return TRUE;
}

/* The text of a source's text_file, or NULL after reporting why not. */
static char *
read_text_file (Loader     *self,
                const char *relative)
{
  g_autofree char *path = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *real_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *quoted = shorten (relative);
  gsize length;

  if (self->folder == NULL)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" not read: this dataset comes from no "
                                              "folder; give the text in \"text\" instead"),
              quoted);
      return NULL;
    }
  if (relative[0] == '\0')
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected the name of a text file beside the "
                                              "dataset, got an empty string"));
      return NULL;
    }
  if (g_path_is_absolute (relative))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" refused: absolute paths are not read; "
                                              "give a path relative to the dataset's folder"),
              quoted);
      return NULL;
    }
  if (!relative_path_stays_inside (relative))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" refused: it leaves the dataset's "
                                              "folder"), quoted);
      return NULL;
    }

  path = g_build_filename (self->folder, relative, NULL);
  /* a symbolic link inside the folder may still point outside of it */
  real_folder = realpath (self->folder, NULL);
  real_path = realpath (path, NULL);
  if (real_folder != NULL && real_path != NULL
      && !(g_str_has_prefix (real_path, real_folder)
           && (real_path[strlen (real_folder)] == '/' || g_str_equal (real_folder, "/"))))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" refused: it leads out of the dataset's "
                                              "folder through a link"), quoted);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("can't read \"%s\": %s"), quoted, error->message);
      return NULL;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" is not UTF-8 text; save it as UTF-8"),
              quoted);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static void
load_source (Loader   *self,
             JsonNode *node)
{
  JsonNode *m[N_SOURCE_MEMBERS] = { NULL, };
  TrancheSource source = { 0 };
  const char *id = NULL;
  g_autofree char *file_text = NULL;
  guint errors_before_file;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a source object like {\"id\": "
                                              "\"article\", \"title\": \"…\"}, got %s"),
              describe_node (node));
      return;
    }
  collect_members (self, node, source_members, N_SOURCE_MEMBERS, m, _("a source"));

  push_key (self, "id");
  if (m[SOURCE_ID] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every source needs an id that citations "
                                            "name"));
  else if ((id = expect_string (self, m[SOURCE_ID])) != NULL)
    {
      if (id[0] == '\0')
        {
          report (self, TRANCHE_SEVERITY_ERROR, _("expected an id, got an empty string"));
          id = NULL;
        }
      else if (tranche_dataset_builder_has_source (self->builder, id)
               || set_contains (self->bad_source_ids, id))
        report (self, TRANCHE_SEVERITY_ERROR, _("another source has the id \"%s\" already; ids "
                                                "must be unique"), id);
    }
  pop (self);

  push_key (self, "title");
  if (m[SOURCE_TITLE] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every source needs a title"));
  else
    source.title = limit_length (self, expect_string (self, m[SOURCE_TITLE]), MAX_LABEL);
  pop (self);

  source.publisher = member_text (self, m[SOURCE_PUBLISHER], "publisher", MAX_LABEL);
  source.author = member_text (self, m[SOURCE_AUTHOR], "author", MAX_LABEL);
  /* kept as written: the window decides what it is willing to open */
  source.url = member_text (self, m[SOURCE_URL], "url", MAX_PARAGRAPH);
  source.summary = member_text (self, m[SOURCE_SUMMARY], "summary", MAX_PARAGRAPH);
  source.text = member_string (self, m[SOURCE_TEXT], "text");

  if (m[SOURCE_PUBLISHED] != NULL)
    {
      push_key (self, "published");
      expect_date (self, m[SOURCE_PUBLISHED], &source.published);
      pop (self);
    }

  if ((source.language = member_string (self, m[SOURCE_LANGUAGE], "language")) != NULL
      && !language_tag_is_valid (source.language))
    {
      g_autofree char *quoted = shorten (source.language);

      /* only a hint for display: not worth losing the source over */
      push_key (self, "language");
      report (self, TRANCHE_SEVERITY_WARNING, _("expected a language tag like \"fr\", \"en\" or "
                                                "\"pt-BR\", got \"%s\"; ignored"), quoted);
      pop (self);
      source.language = NULL;
    }

  /* A missing or refused text file is an error, but the source stays: its
   * title and citations are still worth showing, and dropping it would
   * turn every citation of it into a misleading "unknown source". */
  errors_before_file = self->n_errors_here;
  if (m[SOURCE_TEXT_FILE] != NULL)
    {
      const char *relative;

      push_key (self, "text_file");
      if ((relative = expect_string (self, m[SOURCE_TEXT_FILE])) != NULL)
        {
          if (m[SOURCE_TEXT] != NULL)
            report (self, TRANCHE_SEVERITY_ERROR, _("give either \"text\" or \"text_file\", not "
                                                    "both"));
          else
            source.text = file_text = read_text_file (self, relative);
        }
      pop (self);
    }

  if (errors_before_file > 0)
    {
      if (id != NULL)
        g_hash_table_add (self->bad_source_ids, g_strdup (id));
      return;
    }
  source.id = id;
  tranche_dataset_builder_add_source (self->builder, &source);
}

/* Events */

enum
{
  EVENT_ID, EVENT_DATE, EVENT_END, EVENT_KIND, EVENT_TITLE, EVENT_INVESTORS, EVENT_TARGET,
  EVENT_AMOUNT, EVENT_VALUATION, EVENT_CUMULATIVE, EVENT_ROUND, EVENT_SUMMARY, EVENT_SOURCES,
  EVENT_TAGS, N_EVENT_MEMBERS
};

static const char * const event_members[] = {
  "id", "date", "end", "kind", "title", "investors", "target", "amount", "valuation",
  "cumulative", "round", "summary", "sources", "tags",
};

/* In TrancheEventKind order */
static const char * const event_kinds[] = {
  "investment", "valuation", "acquisition", "commitment", "news",
};

static gboolean
needs_money_flow (TrancheEventKind kind)
{
  return kind == TRANCHE_EVENT_INVESTMENT || kind == TRANCHE_EVENT_COMMITMENT
         || kind == TRANCHE_EVENT_ACQUISITION;
}

/* The array the current path names, or NULL after reporting. */
static JsonArray *
expect_array (Loader     *self,
              JsonNode   *node,
              const char *example)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an array like %s, got %s"), example,
              describe_node (node));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > G_MAXUINT16)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("%u entries; an event can have at most %u"),
              json_array_get_length (array), G_MAXUINT16);
      return NULL;
    }
  return array;
}

/* The entity index of an id an event names. An id's index never changes
 * once the builder has one, so each id is looked up in the builder (and
 * checked for a declaration) once; then one lookup here, in a table that
 * has one entry per entity, not per event, serves every later use. */
static guint32
use_entity (Loader     *self,
            const char *id)
{
  gpointer cached;
  const char *interned;
  guint32 index;

  if (g_hash_table_lookup_extended (self->entity_index, id, NULL, &cached))
    return GPOINTER_TO_UINT (cached);

  if (!tranche_dataset_builder_entity_is_declared (self->builder, id))
    {
      /* entities may be declared further down: decided when all is read */
      Reference *ref = g_new (Reference, 1);

      ref->path = path_to_string (self);
      ref->offset = locate (self, TRUE);
      g_hash_table_insert (self->unknown_entities, g_strdup (id), ref);
    }
  index = tranche_dataset_builder_ensure_entity (self->builder, id);
  interned = tranche_dataset_builder_intern (self->builder, id);
  g_hash_table_insert (self->entity_index, (gpointer) interned, GUINT_TO_POINTER (index));
  return index;
}

static void
note_source_use (Loader     *self,
                 const char *id)
{
  Reference *ref;

  if (tranche_dataset_builder_has_source (self->builder, id)
      || g_hash_table_contains (self->unknown_sources, id))
    return;
  ref = g_new (Reference, 1);
  ref->path = path_to_string (self);
  ref->offset = locate (self, TRUE);
  g_hash_table_insert (self->unknown_sources, g_strdup (id), ref);
}

static void
load_citations (Loader          *self,
                JsonArray       *array,
                TrancheCitation *citations)
{
  static const char * const members[] = { "source", "quote" };
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *m[2] = { NULL, NULL };

      push_index (self, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report (self, TRANCHE_SEVERITY_ERROR, _("expected a citation like {\"source\": "
                                                  "\"article\", \"quote\": \"…\"}, got %s"),
                  describe_node (node));
          pop (self);
          continue;
        }
      collect_members (self, node, members, 2, m, _("a citation"));
      push_key (self, "source");
      if (m[0] == NULL)
        report (self, TRANCHE_SEVERITY_ERROR, _("missing: a citation needs the id of its "
                                                "source"));
      else
        citations[i].source_id = expect_string (self, m[0]);
      pop (self);
      push_key (self, "quote");
      if (m[1] == NULL)
        report (self, TRANCHE_SEVERITY_ERROR, _("missing: a citation needs the quoted passage"));
      else
        citations[i].quote = limit_length (self, expect_string (self, m[1]), MAX_PARAGRAPH);
      pop (self);
      pop (self);
    }
}

static void
load_event (Loader   *self,
            JsonNode *node)
{
  JsonNode *m[N_EVENT_MEMBERS] = { NULL, };
  TrancheEvent event = { 0 };
  g_autofree guint32 *investors = NULL;
  g_autofree const char **investor_ids = NULL;
  g_autofree TrancheCitation *citations = NULL;
  g_autofree const char **tags = NULL;
  guint n_investors = 0, n_citations = 0, n_tags = 0;
  JsonArray *array;
  const char *id = NULL;
  const char *claimed;
  const char *target = NULL;
  gboolean kind_known = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an event object like {\"id\": …, "
                                              "\"date\": …, \"title\": …}, got %s"),
              describe_node (node));
      tranche_dataset_builder_add_skipped (self->builder);
      return;
    }
  collect_members (self, node, event_members, N_EVENT_MEMBERS, m, _("an event"));

  push_key (self, "id");
  if (m[EVENT_ID] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every event needs a unique id"));
  else if ((id = expect_string (self, m[EVENT_ID])) != NULL)
    {
      if (id[0] == '\0')
        {
          report (self, TRANCHE_SEVERITY_ERROR, _("expected an id, got an empty string"));
          id = NULL;
        }
      /* An event left out keeps its id too, so that later copies of it
       * are reported as copies. */
      else if ((claimed = tranche_dataset_builder_claim_event_id (self->builder, id)) == NULL)
        {
          g_autofree char *quoted = shorten (id);

          report (self, TRANCHE_SEVERITY_ERROR, _("another event has the id \"%s\" already; "
                                                  "this one is left out"), quoted);
          id = NULL;
        }
      else
        id = claimed;
    }
  pop (self);

  push_key (self, "date");
  if (m[EVENT_DATE] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every event needs a date like 2023 or "
                                            "2023-01-31"));
  else
    expect_date (self, m[EVENT_DATE], &event.date);
  pop (self);

  if (m[EVENT_END] != NULL)
    {
      push_key (self, "end");
      if (expect_date (self, m[EVENT_END], &event.end) && tranche_date_is_set (&event.date)
          && tranche_date_end_day (&event.end) <= tranche_date_first_day (&event.date))
        {
          g_autofree char *end = tranche_date_to_iso (&event.end);
          g_autofree char *start = tranche_date_to_iso (&event.date);

          report (self, TRANCHE_SEVERITY_ERROR, _("the end (%s) is before the date (%s)"),
                  end, start);
        }
      pop (self);
    }

  event.kind = TRANCHE_EVENT_INVESTMENT;
  if (m[EVENT_KIND] != NULL)
    {
      const char *kind;

      push_key (self, "kind");
      kind_known = FALSE;
      if ((kind = expect_string (self, m[EVENT_KIND])) != NULL)
        {
          int k = lookup_name (kind, event_kinds, G_N_ELEMENTS (event_kinds));

          if (k < 0)
            {
              g_autofree char *quoted = shorten (kind);

              report (self, TRANCHE_SEVERITY_ERROR, _("expected \"investment\", \"valuation\", "
                                                      "\"acquisition\", \"commitment\" or "
                                                      "\"news\", got \"%s\""), quoted);
            }
          else
            {
              event.kind = k;
              kind_known = TRUE;
            }
        }
      pop (self);
    }

  push_key (self, "title");
  if (m[EVENT_TITLE] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every event needs a short title"));
  else
    event.title = limit_length (self, expect_string (self, m[EVENT_TITLE]), MAX_LABEL);
  pop (self);

  push_key (self, "investors");
  if (m[EVENT_INVESTORS] != NULL)
    {
      if ((array = expect_array (self, m[EVENT_INVESTORS], "[\"microsoft\"]")) != NULL)
        {
          n_investors = json_array_get_length (array);
          investor_ids = g_new0 (const char *, MAX (n_investors, 1));
          for (guint i = 0; i < n_investors; i++)
            {
              push_index (self, i);
              investor_ids[i] = expect_entity_id (self, json_array_get_element (array, i));
              pop (self);
            }
          if (n_investors == 0 && kind_known && needs_money_flow (event.kind))
            report (self, TRANCHE_SEVERITY_ERROR, _("empty: an %s names at least one investor"),
                    event_kinds[event.kind]);
        }
    }
  else if (kind_known && needs_money_flow (event.kind))
    /* Translators: %s is the event kind: investment, commitment or acquisition */
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: an %s needs its investors, like "
                                            "[\"microsoft\"]"), event_kinds[event.kind]);
  pop (self);

  push_key (self, "target");
  if (m[EVENT_TARGET] != NULL)
    target = expect_entity_id (self, m[EVENT_TARGET]);
  else if (kind_known && event.kind != TRANCHE_EVENT_NEWS)
    /* Translators: %s is the event kind */
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: a %s event needs the id of its target "
                                            "entity"), event_kinds[event.kind]);
  pop (self);

  push_key (self, "amount");
  if (m[EVENT_AMOUNT] != NULL)
    parse_money (self, m[EVENT_AMOUNT], FALSE, &event.amount);
  else if (kind_known && needs_money_flow (event.kind))
    /* Translators: %s is the event kind: investment, commitment or acquisition */
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: an %s needs an amount (or {\"disclosed\": "
                                            "false})"), event_kinds[event.kind]);
  pop (self);

  push_key (self, "valuation");
  if (m[EVENT_VALUATION] != NULL)
    parse_money (self, m[EVENT_VALUATION], TRUE, &event.valuation);
  else if (kind_known && event.kind == TRANCHE_EVENT_VALUATION)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: a valuation event needs a valuation"));
  pop (self);

  if (m[EVENT_CUMULATIVE] != NULL)
    {
      push_key (self, "cumulative");
      parse_money (self, m[EVENT_CUMULATIVE], FALSE, &event.cumulative);
      pop (self);
    }

  event.round = member_text (self, m[EVENT_ROUND], "round", MAX_LABEL);
  event.summary = member_text (self, m[EVENT_SUMMARY], "summary", MAX_PARAGRAPH);

  if (m[EVENT_SOURCES] != NULL)
    {
      push_key (self, "sources");
      if ((array = expect_array (self, m[EVENT_SOURCES],
                                 "[{\"source\": \"article\", \"quote\": \"…\"}]")) != NULL)
        {
          n_citations = json_array_get_length (array);
          citations = g_new0 (TrancheCitation, MAX (n_citations, 1));
          load_citations (self, array, citations);
        }
      pop (self);
    }

  if (m[EVENT_TAGS] != NULL)
    {
      push_key (self, "tags");
      if ((array = expect_array (self, m[EVENT_TAGS], "[\"ai\", \"cloud\"]")) != NULL)
        {
          n_tags = json_array_get_length (array);
          tags = g_new0 (const char *, MAX (n_tags, 1));
          for (guint i = 0; i < n_tags; i++)
            {
              JsonNode *tag = json_array_get_element (array, i);

              push_index (self, i);
              tags[i] = limit_length (self, expect_string (self, tag), MAX_LABEL);
              pop (self);
            }
        }
      pop (self);
    }

  if (self->n_errors_here > 0)
    {
      tranche_dataset_builder_add_skipped (self->builder);
      return;
    }

  /* Only events that are kept name entities and sources. */
  event.id = id;
  event.target = TRANCHE_NO_ENTITY;
  if (target != NULL)
    {
      push_key (self, "target");
      event.target = use_entity (self, target);
      pop (self);
    }
  investors = g_new (guint32, MAX (n_investors, 1));
  push_key (self, "investors");
  for (guint i = 0; i < n_investors; i++)
    {
      push_index (self, i);
      investors[i] = use_entity (self, investor_ids[i]);
      pop (self);
    }
  pop (self);
  push_key (self, "sources");
  for (guint i = 0; i < n_citations; i++)
    {
      push_index (self, i);
      push_key (self, "source");
      note_source_use (self, citations[i].source_id);
      pop (self);
      pop (self);
    }
  pop (self);

  cursor_seek (&self->event_lines, self->anchor_offset);
  event.line = self->event_lines.line;
  tranche_dataset_builder_add_event (self->builder, &event, investors, n_investors,
                                     citations, n_citations, tags, n_tags);
}

/* Second pass: json-glib parses what the first pass delimited */

static void
report_progress (Loader *self)
{
  int percent;

  if (self->progress == NULL || self->n_streamed == 0)
    return;
  percent = (int) ((guint64) self->n_done * 100 / self->n_streamed);
  if (percent > self->last_percent)
    {
      self->last_percent = percent;
      self->progress (self->n_done / (double) self->n_streamed, self->progress_data);
    }
}

/* Converts one element of a big array. Called in file order, by whichever
 * parsing thread holds the turn, never by two at once. */
static void
convert_element (gpointer  tag,
                 guint     index,
                 JsonNode *node,
                 gpointer  user_data)
{
  Loader *self = user_data;
  RootMember *member = tag;

  /* the elements left are passed over: nothing more is built */
  if (!self->cancelled && g_cancellable_is_cancelled (self->cancellable))
    self->cancelled = TRUE;
  if (self->cancelled)
    return;

  self->path_len = 0;
  push_key (self, member->key);
  push_index (self, index);
  self->anchor_depth = 2;
  self->anchor_offset = g_array_index (member->elements, gsize, index);
  self->n_errors_here = 0;
  switch (member->kind)
    {
    case ROOT_EVENTS:
      load_event (self, node);
      break;
    case ROOT_ENTITIES:
      load_entity (self, node);
      break;
    case ROOT_SOURCES:
      load_source (self, node);
      break;
    case ROOT_OTHER:
    default:
      g_assert_not_reached ();
    }
  /* the builder has its own copies by now */
  g_ptr_array_set_size (self->shortened, 0);
  self->n_done++;
  report_progress (self);
}

/* After json-glib refused what the first pass let through (it should not):
 * still one error with a position. */
static void
report_parser_error (Loader     *self,
                     gsize       offset,
                     const char *message)
{
  const char *detail = strstr (message, "Parse error: ");

  detail = detail != NULL ? detail + strlen ("Parse error: ") : message;
  add_problem (self, self->fatal, TRANCHE_SEVERITY_ERROR, g_strdup (""), offset, 0, 0,
               g_strdup_printf (_("not valid JSON: %s"), detail));
}

/* Where the text of a run of a big array's elements that stops before
 * element `to` ends: at the comma before that element, or at the array's
 * closing bracket. */
static gsize
run_end (Loader           *self,
         const RootMember *member,
         guint             to)
{
  gsize end;

  if (to == member->elements->len)
    return member->value_end - 1;
  end = g_array_index (member->elements, gsize, to);
  while (end > 0 && self->data[end - 1] != ',')
    end--;
  return end > 0 ? end - 1 : 0;
}

/* Cuts the big arrays into runs for the element parser, in file order. */
static GArray *
element_runs (Loader *self)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (TrancheElementRun));

  for (guint i = 0; i < self->root_members->len; i++)
    {
      RootMember *m = &g_array_index (self->root_members, RootMember, i);

      if (m->kind == ROOT_OTHER)
        continue;
      for (guint first = 0; first < m->elements->len; first += RUN_LENGTH)
        {
          guint to = MIN (first + RUN_LENGTH, m->elements->len);
          TrancheElementRun run = { m, first, to - first,
                                    g_array_index (m->elements, gsize, first),
                                    run_end (self, m, to) };

          g_array_append_val (runs, run);
        }
    }
  return runs;
}

static gboolean
parse_elements (Loader *self)
{
  g_autoptr(GArray) runs = element_runs (self);
  g_autofree char *message = NULL;
  gsize offset = 0;
  guint n_threads = 1;

  /* with GLib 2.74's own slices, two threads were slower than one */
  if (self->n_streamed >= THREADED_MIN && tranche_allocator_slices_are_malloc ())
    n_threads = MIN (g_get_num_processors (), MAX_PARSE_THREADS);

  if (tranche_parse_element_runs (self->data, (TrancheElementRun *) runs->data, runs->len,
                                  n_threads, convert_element, self, self->cancellable,
                                  &offset, &message))
    return TRUE;
  report_parser_error (self, offset, message);
  return FALSE;
}

/* The root member's value, when it is one json-glib should parse now:
 * the big arrays' elements are parsed apart, so they stand as empty arrays. */
static void
set_root_value (gpointer  tag,
                guint     index,
                JsonNode *node,
                gpointer  user_data)
{
  JsonObject *root = user_data;
  const RootMember *m = tag;

  json_object_set_member (root, m->key, json_node_copy (node));
}

/* The root object with its small members; NULL when json-glib refuses one. */
static JsonObject *
parse_root (Loader *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (TrancheElementRun));
  g_autofree char *message = NULL;
  gsize offset = 0;

  for (guint i = 0; i < self->root_members->len; i++)
    {
      RootMember *m = &g_array_index (self->root_members, RootMember, i);
      TrancheElementRun run = { m, 0, 1, m->value_offset, m->value_end };

      if (m->kind != ROOT_OTHER)
        json_object_set_array_member (root, m->key, json_array_new ());
      else
        g_array_append_val (runs, run);
    }
  /* one parse per member, in order: a repeated member ends as the last one */
  if (!tranche_parse_element_runs (self->data, (TrancheElementRun *) runs->data, runs->len,
                                   1, set_root_value, root, NULL, &offset, &message))
    {
      report_parser_error (self, offset, message);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* Third pass: the root's own members */

static gsize
root_member_offset (Loader     *self,
                    const char *key)
{
  for (guint i = 0; i < self->root_members->len; i++)
    {
      const RootMember *m = &g_array_index (self->root_members, RootMember, i);
      if (g_str_equal (m->key, key))
        return m->key_offset;
    }
  return self->root_offset;
}

static void
check_version (Loader     *self,
               JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "tranche");
  gsize at = root_member_offset (self, "tranche");

  if (node == NULL)
    fatal_at (self, at, "tranche", _("missing: a dataset starts with \"tranche\": 1, the "
                                     "format version"));
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    fatal_at (self, at, "tranche", _("expected the format version as a whole number like 1, "
                                     "got %s"), describe_node (node));
  else if (json_node_get_int (node) != 1)
    fatal_at (self, at, "tranche", _("format version %lld is not known; this version of "
                                     "Tranche reads version 1"),
              (long long) json_node_get_int (node));
}

static void
load_rates (Loader   *self,
            JsonNode *node)
{
  JsonObjectIter iter;
  const char *code;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected rates as an object like {\"EUR\": "
                                              "1.08}, got %s"), describe_node (node));
      return;
    }
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &code, &value))
    {
      double rate = 0;

      push_key (self, code);
      if (!tranche_currency_code_is_valid (code))
        {
          g_autofree char *quoted = shorten (code);

          report (self, TRANCHE_SEVERITY_ERROR, _("expected a currency code of three capital "
                                                  "letters like \"EUR\", got \"%s\""), quoted);
        }
      else if (!is_number (value))
        report (self, TRANCHE_SEVERITY_ERROR, _("expected a rate into the default currency "
                                                "like 1.08, got %s"), describe_node (value));
      else if (!isfinite (rate = number_value (self, value)) || rate <= 0)
        report (self, TRANCHE_SEVERITY_ERROR, _("expected a rate above 0, like 1.08"));
      else
        tranche_dataset_builder_set_rate (self->builder, tranche_currency_from_code (code),
                                          rate);
      pop (self);
    }
}

static const char * const root_members_known[] = {
  "tranche", "title", "description", "currency", "rates", "entities", "sources", "events",
};

static void
load_root (Loader     *self,
           JsonObject *root)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  self->path_len = 0;
  self->anchor_depth = 0;
  self->anchor_offset = self->root_offset;

  /* repeated names: json-glib keeps one silently, the analyst should know */
  for (guint i = 0; i < self->root_members->len; i++)
    {
      const RootMember *m = &g_array_index (self->root_members, RootMember, i);

      if (!g_hash_table_add (seen, m->key))
        {
          Problem p = { TRANCHE_SEVERITY_ERROR, g_strdup (m->key), m->key_offset, 0, 0,
                        g_strdup (_("given more than once; keep one")), self->problems->len };
          if (self->problems->len < MAX_PROBLEMS)
            g_array_append_val (self->problems, p);
          else
            {
              clear_problem (&p);
              self->n_dropped++;
              self->dropped_error = TRUE;
            }
        }
    }

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &name, &value))
    {
      int k = lookup_name (name, root_members_known, G_N_ELEMENTS (root_members_known));

      push_key (self, name);
      switch (k)
        {
        case 0: /* tranche: checked before */
          break;
        case 1:
          tranche_dataset_builder_set_title (self->builder,
                                             limit_length (self, expect_string (self, value),
                                                           MAX_LABEL));
          break;
        case 2:
          tranche_dataset_builder_set_description (self->builder,
                                                   limit_length (self,
                                                                 expect_string (self, value),
                                                                 MAX_PARAGRAPH));
          break;
        case 3:
          {
            TrancheCurrency currency;

            if (expect_currency (self, value, &currency))
              tranche_dataset_builder_set_currency (self->builder, currency);
          }
          break;
        case 4:
          load_rates (self, value);
          break;
        case 5:
        case 6:
          if (!JSON_NODE_HOLDS_ARRAY (value))
            report (self, TRANCHE_SEVERITY_ERROR, _("expected an array, got %s; ignored"),
                    describe_node (value));
          break;
        case 7: /* events: checked before */
          break;
        default:
          report (self, TRANCHE_SEVERITY_WARNING, _("not a member of a dataset in format "
                                                    "version 1; ignored"));
          break;
        }
      pop (self);
    }
}

typedef gboolean (*IsKnownFunc) (TrancheDatasetBuilder *builder,
                                 const char            *id);
typedef char    *(*MessageFunc) (const char            *quoted_id);

/* A warning at the first use of each id that nothing declared by the end. */
static void
warn_undeclared (Loader      *self,
                 GHashTable  *uses,
                 IsKnownFunc  is_known,
                 MessageFunc  message)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, uses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Reference *ref = value;
      g_autofree char *quoted = NULL;

      if (is_known (self->builder, key))
        continue;
      if (self->problems->len >= MAX_PROBLEMS)
        {
          self->n_dropped++;
          continue;
        }
      quoted = shorten (key);
      add_problem (self, self->problems, TRANCHE_SEVERITY_WARNING, g_strdup (ref->path),
                   ref->offset, 0, 0, message (quoted));
    }
}

static char *
undeclared_entity (const char *quoted_id)
{
  return g_strdup_printf (_("no entity has the id \"%s\"; it is shown under that id until one "
                            "is declared in \"entities\""), quoted_id);
}

static char *
undeclared_source (const char *quoted_id)
{
  return g_strdup_printf (_("no source has the id \"%s\"; the quote is kept without it"),
                          quoted_id);
}

static void
report_unknown_references (Loader *self)
{
  warn_undeclared (self, self->unknown_entities, tranche_dataset_builder_entity_is_declared,
                   undeclared_entity);
  warn_undeclared (self, self->unknown_sources, tranche_dataset_builder_has_source,
                   undeclared_source);
}

static TrancheDataset *
loader_run (Loader              *self,
            TrancheDiagnostics  *diagnostics,
            GError             **error)
{
  g_autoptr(JsonObject) root = NULL;
  const RootMember *events = NULL;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;

  if (!check_encoding (self) || !prescan (self))
    goto invalid;
  if (!self->root_is_object)
    {
      fatal_at (self, self->root_offset, "", _("expected a JSON object like {\"tranche\": 1, "
                                               "\"events\": []} at the top of the file"));
      goto invalid;
    }
  if (self->progress != NULL)
    self->progress (0.0, self->progress_data);

  /* Whether this is a dataset at all is known before the events are read. */
  if ((root = parse_root (self)) == NULL)
    goto invalid;
  check_version (self, root);
  for (guint i = 0; i < self->root_members->len && events == NULL; i++)
    if (g_str_equal (g_array_index (self->root_members, RootMember, i).key, "events"))
      events = &g_array_index (self->root_members, RootMember, i);
  if (events == NULL)
    fatal_at (self, self->root_offset, "events", _("missing: a dataset needs \"events\", an "
                                                   "array (it may be empty)"));
  else if (events->kind != ROOT_EVENTS)
    fatal_at (self, events->key_offset, "events", _("expected an array of events, got %s"),
              self->data[events->value_offset] == '{' ? _("an object") : _("a single value"));
  if (self->fatal->len > 0)
    goto invalid;

  /* The first pass knows how many events there are: make room once. */
  tranche_dataset_builder_reserve (self->builder, events->elements->len);
  if (!parse_elements (self))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        goto cancelled;
      goto invalid;
    }
  if (self->cancelled || g_cancellable_is_cancelled (self->cancellable))
    goto cancelled;

  load_root (self, root);
  report_unknown_references (self);

  hand_over (self, self->problems, diagnostics);
  if (self->n_dropped > 0 && diagnostics != NULL)
    tranche_diagnostics_add (diagnostics,
                             self->dropped_error ? TRANCHE_SEVERITY_ERROR
                                                 : TRANCHE_SEVERITY_WARNING,
                             "", 0, 0,
                             ngettext ("%u more problem not listed",
                                       "%u more problems not listed", self->n_dropped),
                             self->n_dropped);
  if (self->progress != NULL)
    self->progress (1.0, self->progress_data);
  tranche_dataset_builder_set_filename (self->builder, self->filename);
  return tranche_dataset_builder_finish (g_steal_pointer (&self->builder));

invalid:
  /* Problems found in events of a file that is no dataset would only be
   * noise: the reasons it is none are all that is reported. */
  hand_over (self, self->fatal, diagnostics);
  g_set_error_literal (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID,
                       _("The file is not a Tranche dataset"));
  return NULL;

cancelled:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading was cancelled"));
  return NULL;
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->builder, tranche_dataset_builder_free);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->fatal, g_array_unref);
  g_clear_pointer (&self->root_members, g_array_unref);
  g_clear_pointer (&self->shortened, g_ptr_array_unref);
  g_clear_pointer (&self->bad_entity_ids, g_hash_table_unref);
  g_clear_pointer (&self->bad_source_ids, g_hash_table_unref);
  g_clear_pointer (&self->entity_index, g_hash_table_unref);
  g_clear_pointer (&self->unknown_entities, g_hash_table_unref);
  g_clear_pointer (&self->unknown_sources, g_hash_table_unref);
}

TrancheDataset *
tranche_loader_load_bytes (GBytes                     *bytes,
                           const char                 *filename,
                           const TrancheLoaderOptions *options,
                           TrancheDiagnostics         *diagnostics,
                           GError                    **error)
{
  Loader self = { 0 };
  TrancheDataset *dataset;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  /* a byte order mark is no character: lines and columns start after it */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  self.data = data;
  self.len = len;
  self.filename = filename;
  self.folder = filename != NULL ? g_path_get_dirname (filename) : NULL;
  if (options != NULL)
    {
      self.cancellable = options->cancellable;
      self.progress = options->progress;
      self.progress_data = options->progress_data;
    }
  self.last_percent = -1;
  for (guint c = 0; c < 0x20; c++)
    self.string_stop[c] = 1;
  self.string_stop['"'] = 1;
  self.string_stop['\\'] = 1;
  self.builder = tranche_dataset_builder_new ();
  self.problems = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (self.problems, clear_problem);
  self.fatal = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (self.fatal, clear_problem);
  self.root_members = g_array_new (FALSE, TRUE, sizeof (RootMember));
  g_array_set_clear_func (self.root_members, clear_root_member);
  self.shortened = g_ptr_array_new_with_free_func (g_free);
  self.bad_entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.bad_source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.entity_index = g_hash_table_new (g_str_hash, g_str_equal);
  self.unknown_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 free_reference);
  self.unknown_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                free_reference);
  cursor_init (&self.event_lines, data, len);

  dataset = loader_run (&self, diagnostics, error);
  loader_clear (&self);
  return dataset;
}

/* Big files: read into memory backed by huge pages where the kernel offers
 * them. Faulting in 4 KiB pages one by one cost more than a second for a
 * 300 MB file on the reference machine, a tenth of the whole load. The file
 * is read, not mapped: a mapped file that an editor truncates while it is
 * being loaded would kill the program with SIGBUS. */
#define BIG_FILE (16 * 1024 * 1024)

typedef struct
{
  gpointer base;
  gsize    size;
} Mapping;

static void
unmap_buffer (gpointer data)
{
  Mapping *m = data;

  munmap (m->base, m->size);
  g_free (m);
}

/* NULL when the quick path does not apply: the caller reads it the usual way. */
static GBytes *
read_big_file (const char *filename)
{
  struct stat st;
  Mapping *m;
  gsize got = 0;
  int fd;

  fd = open (filename, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < BIG_FILE)
    {
      close (fd);
      return NULL;
    }

  m = g_new (Mapping, 1);
  /* one byte more than the file, to notice that it grew meanwhile */
  m->size = st.st_size + 1;
  m->base = mmap (NULL, m->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m->base == MAP_FAILED)
    {
      g_free (m);
      close (fd);
      return NULL;
    }
#ifdef MADV_HUGEPAGE
  madvise (m->base, m->size, MADV_HUGEPAGE);
#endif
  while (got < m->size)
    {
      gssize n = read (fd, (char *) m->base + got, m->size - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);
  if (got == m->size || got == 0)
    {
      /* it grew, or can't be read after all: let GLib read and report */
      unmap_buffer (m);
      return NULL;
    }
  return g_bytes_new_with_free_func (m->base, got, unmap_buffer, m);
}

TrancheDataset *
tranche_loader_load_file (const char                 *filename,
                          const TrancheLoaderOptions *options,
                          TrancheDiagnostics         *diagnostics,
                          GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_big_file (filename);
  if (bytes == NULL)
    {
      if (!g_file_get_contents (filename, &contents, &length, error))
        return NULL;
      bytes = g_bytes_new_take (contents, length);
    }
  return tranche_loader_load_bytes (bytes, filename, options, diagnostics, error);
}
