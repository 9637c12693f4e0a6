/* tranche-document-index.c: where things are in a document's text
 *
 * The loader's first pass (tranche-json-scan.h) finds the root members and
 * where each element of the big arrays starts; the end of an element is
 * just before the comma (or closing bracket) that follows it, with only
 * white space between, as JSON allows nothing else there. After that the
 * index is never scanned again: each splice says what it does to the index
 * (TrancheDocChange) and every offset after it moves by the difference, so
 * an edit in a 100,000-event file costs a move of its bytes, not a parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-document-private.h"
#include "tranche-json-scan.h"

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Back from `i` (exclusive) over white space: the offset just after the
 * last byte that is none. */
static gsize
skip_space_back (const char *text,
                 gsize       i)
{
  while (i > 0 && is_space (text[i - 1]))
    i--;
  return i;
}

void
tranche_doc_member_clear (TrancheDocMember *member)
{
  g_clear_pointer (&member->key, g_free);
}

static void
member_clear_func (gpointer data)
{
  tranche_doc_member_clear (data);
}

static int
array_of_kind (TrancheRootKind kind)
{
  switch (kind)
    {
    case TRANCHE_ROOT_ENTITIES:
      return TRANCHE_DOCUMENT_ENTITIES;
    case TRANCHE_ROOT_SOURCES:
      return TRANCHE_DOCUMENT_SOURCES;
    case TRANCHE_ROOT_EVENTS:
      return TRANCHE_DOCUMENT_EVENTS;
    case TRANCHE_ROOT_OTHER:
    default:
      return TRANCHE_DOC_NO_ARRAY;
    }
}

/* Element ranges from the scan's start offsets. */
static GArray *
element_ranges (const char              *text,
                gsize                    bom,
                const TrancheRootMember *m)
{
  GArray *ranges = g_array_sized_new (FALSE, FALSE, sizeof (TrancheDocRange),
                                      m->elements->len);

  for (guint i = 0; i < m->elements->len; i++)
    {
      TrancheDocRange r;
      gsize next;

      r.start = g_array_index (m->elements, gsize, i);
      if (i + 1 < m->elements->len)
        {
          next = skip_space_back (text, g_array_index (m->elements, gsize, i + 1));
          g_assert (next > 0 && text[next - 1] == ',');
          r.end = skip_space_back (text, next - 1);
        }
      else
        {
          g_assert (text[m->value_end - 1] == ']');
          r.end = skip_space_back (text, m->value_end - 1);
        }
      r.start += bom;
      r.end += bom;
      g_array_append_val (ranges, r);
    }
  return ranges;
}

/* The first fatal problem as an error naming where it is. */
static void
set_scan_error (TrancheProblems *problems,
                const char      *text,
                gsize            len,
                GError         **error)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  const TrancheDiagnostic *d;

  tranche_problems_hand_over (problems, TRUE, text, len, diagnostics);
  d = tranche_diagnostics_get_length (diagnostics) > 0
      ? tranche_diagnostics_get (diagnostics, 0) : NULL;
  if (d != NULL)
    g_set_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_JSON,
                 _("Line %u, column %u: %s"), d->line, d->column, d->message);
  else
    g_set_error_literal (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_JSON,
                         _("The text is not JSON"));
}

void
tranche_doc_index_clear (TrancheDocument *self)
{
  g_clear_pointer (&self->members, g_array_unref);
  for (guint a = 0; a < TRANCHE_DOCUMENT_N_ARRAYS; a++)
    g_clear_pointer (&self->elements[a], g_array_unref);
}

gboolean
tranche_doc_index_build (TrancheDocument  *self,
                         GError          **error)
{
  const char *text = self->text->str;
  gsize len = self->text->len;
  TrancheProblems problems;
  TrancheJsonScan scan;
  gsize bom = 0;
  gboolean ok;

  tranche_doc_index_clear (self);
  tranche_problems_init (&problems);
  /* a byte order mark is kept, and skipped as the loader skips it */
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    bom = 3;
  tranche_json_scan_init (&scan, text + bom, len - bom, &problems);
  ok = tranche_json_scan_check_encoding (&scan) && tranche_json_scan_run (&scan);
  if (!ok)
    set_scan_error (&problems, text + bom, len - bom, error);
  else if (!scan.root_is_object)
    {
      ok = FALSE;
      g_set_error_literal (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_JSON,
                           _("The file holds no JSON object; a dataset is one object "
                             "like {\"tranche\": 1, \"events\": []}"));
    }
  if (ok)
    {
      self->root_open = bom + scan.root_offset;
      self->root_close = skip_space_back (text, len) - 1;
      g_assert (text[self->root_close] == '}');
      self->members = g_array_new (FALSE, TRUE, sizeof (TrancheDocMember));
      g_array_set_clear_func (self->members, member_clear_func);
      for (guint i = 0; i < scan.root_members->len; i++)
        {
          const TrancheRootMember *m = &g_array_index (scan.root_members,
                                                       TrancheRootMember, i);
          TrancheDocMember dm = { g_strdup (m->key), bom + m->key_offset,
                                  bom + m->value_offset, bom + m->value_end,
                                  array_of_kind (m->kind) };

          if (dm.array != TRANCHE_DOC_NO_ARRAY)
            self->elements[dm.array] = element_ranges (text + bom, bom, m);
          g_array_append_val (self->members, dm);
        }
    }
  tranche_json_scan_clear (&scan);
  tranche_problems_clear (&problems);
  return ok;
}

gboolean
tranche_doc_scan_members (const char      *text,
                          TrancheDocRange  range,
                          GArray          *members)
{
  TrancheProblems problems;
  TrancheJsonScan scan;
  gboolean ok;

  /* the same scan as the whole file's, on one element: its members are
   * the members of the root there */
  tranche_problems_init (&problems);
  tranche_json_scan_init (&scan, text + range.start, range.end - range.start, &problems);
  ok = tranche_json_scan_run (&scan) && scan.root_is_object;
  for (guint i = 0; ok && i < scan.root_members->len; i++)
    {
      const TrancheRootMember *m = &g_array_index (scan.root_members, TrancheRootMember, i);
      TrancheDocMember dm = { g_strdup (m->key), range.start + m->key_offset,
                              range.start + m->value_offset, range.start + m->value_end,
                              TRANCHE_DOC_NO_ARRAY };

      g_array_append_val (members, dm);
    }
  tranche_json_scan_clear (&scan);
  tranche_problems_clear (&problems);
  return ok;
}

int
tranche_doc_array_member (TrancheDocument *self,
                          int              array)
{
  for (guint i = 0; i < self->members->len; i++)
    if (g_array_index (self->members, TrancheDocMember, i).array == array)
      return i;
  return -1;
}

int
tranche_doc_find_root_member (TrancheDocument *self,
                              const char      *key)
{
  for (guint i = self->members->len; i > 0; i--)
    {
      const TrancheDocMember *m = &g_array_index (self->members, TrancheDocMember, i - 1);

      if (m->array == TRANCHE_DOC_NO_ARRAY && g_str_equal (m->key, key))
        return i - 1;
    }
  return -1;
}

TrancheDocChange *
tranche_doc_change_new (TrancheDocument      *self,
                        TrancheDocChangeKind  kind,
                        gsize                 offset,
                        gsize                 old_len,
                        const char           *new_text,
                        gsize                 new_len)
{
  TrancheDocChange *change = g_new0 (TrancheDocChange, 1);

  g_assert (offset + old_len <= self->text->len);
  change->kind = kind;
  change->offset = offset;
  change->old_text = g_bytes_new (self->text->str + offset, old_len);
  change->new_text = g_bytes_new (new_text, new_len);
  change->array = TRANCHE_DOC_NO_ARRAY;
  return change;
}

void
tranche_doc_change_free (TrancheDocChange *change)
{
  g_clear_pointer (&change->old_text, g_bytes_unref);
  g_clear_pointer (&change->new_text, g_bytes_unref);
  tranche_doc_member_clear (&change->member);
  g_clear_pointer (&change->elements, g_array_unref);
  g_free (change);
}

/* A start moves when it is at or after the replaced bytes' end; an end
 * right at an insertion point stays (the insertion comes after it). */
static inline gsize
shift_start (gsize  x,
             gsize  o,
             gsize  r,
             gssize d)
{
  return x >= o + r ? x + d : x;
}

static inline gsize
shift_end (gsize  x,
           gsize  o,
           gsize  r,
           gssize d)
{
  return (x > o + r || (x == o + r && r > 0)) ? x + d : x;
}

static void
shift_index (TrancheDocument *self,
             gsize            o,
             gsize            r,
             gsize            n)
{
  gssize d = (gssize) n - (gssize) r;

  if (d == 0)
    return;
  self->root_open = shift_start (self->root_open, o, r, d);
  self->root_close = shift_start (self->root_close, o, r, d);
  for (guint i = 0; i < self->members->len; i++)
    {
      TrancheDocMember *m = &g_array_index (self->members, TrancheDocMember, i);

      m->key_offset = shift_start (m->key_offset, o, r, d);
      m->value_offset = shift_start (m->value_offset, o, r, d);
      m->value_end = shift_end (m->value_end, o, r, d);
    }
  for (guint a = 0; a < TRANCHE_DOCUMENT_N_ARRAYS; a++)
    {
      GArray *ranges = self->elements[a];
      TrancheDocRange *e;
      guint lo = 0, hi;

      if (ranges == NULL || ranges->len == 0)
        continue;
      e = (TrancheDocRange *) (gpointer) ranges->data;
      /* elements are in file order: those wholly before the splice keep
       * their offsets, found by bisection */
      hi = ranges->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (e[mid].end < o)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint i = lo; i < ranges->len; i++)
        {
          e[i].start = shift_start (e[i].start, o, r, d);
          e[i].end = shift_end (e[i].end, o, r, d);
        }
    }
}

/* text[o, o + r) becomes `with`. */
static void
splice_text (GString *text,
             gsize    o,
             gsize    r,
             GBytes  *with)
{
  gsize n = 0;
  const char *data = g_bytes_get_data (with, &n);
  gsize old_len = text->len;

  if (n > r)
    {
      g_string_set_size (text, old_len + (n - r));
      memmove (text->str + o + n, text->str + o + r, old_len - o - r);
    }
  else if (n < r)
    {
      memmove (text->str + o + n, text->str + o + r, old_len - o - r);
      g_string_set_size (text, old_len - (r - n));
    }
  if (n > 0)
    memcpy (text->str + o, data, n);
}

static void
add_member (TrancheDocument  *self,
            TrancheDocChange *change)
{
  TrancheDocMember m = change->member;

  m.key = g_strdup (change->member.key);
  g_array_insert_val (self->members, change->index, m);
  if (m.array != TRANCHE_DOC_NO_ARRAY)
    {
      g_assert (self->elements[m.array] == NULL);
      self->elements[m.array] = g_array_copy (change->elements);
    }
}

static void
remove_member (TrancheDocument  *self,
               TrancheDocChange *change)
{
  TrancheDocMember *m = &g_array_index (self->members, TrancheDocMember, change->index);

  g_assert (g_str_equal (m->key, change->member.key));
  if (m->array != TRANCHE_DOC_NO_ARRAY)
    g_clear_pointer (&self->elements[m->array], g_array_unref);
  g_array_remove_index (self->members, change->index);
}

void
tranche_doc_change_apply (TrancheDocument  *self,
                          TrancheDocChange *change,
                          gboolean          backwards)
{
  GBytes *removed = backwards ? change->new_text : change->old_text;
  GBytes *inserted = backwards ? change->old_text : change->new_text;
  TrancheDocChangeKind kind = change->kind;
  gsize r = g_bytes_get_size (removed);
  gsize n = g_bytes_get_size (inserted);

  /* backwards, an addition is a removal and the other way round */
  if (backwards && kind == TRANCHE_DOC_CHANGE_ADD_ELEMENT)
    kind = TRANCHE_DOC_CHANGE_REMOVE_ELEMENT;
  else if (backwards && kind == TRANCHE_DOC_CHANGE_REMOVE_ELEMENT)
    kind = TRANCHE_DOC_CHANGE_ADD_ELEMENT;
  else if (backwards && kind == TRANCHE_DOC_CHANGE_ADD_MEMBER)
    kind = TRANCHE_DOC_CHANGE_REMOVE_MEMBER;
  else if (backwards && kind == TRANCHE_DOC_CHANGE_REMOVE_MEMBER)
    kind = TRANCHE_DOC_CHANGE_ADD_MEMBER;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_assert (change->offset + r <= self->text->len);
  if (kind == TRANCHE_DOC_CHANGE_REPLACE_ALL)
    {
      g_autoptr(GError) error = NULL;

      splice_text (self->text, change->offset, r, inserted);
      /* both texts were scanned before: this can't fail */
      if (!tranche_doc_index_build (self, &error))
        g_error ("a document's text no longer scans: %s", error->message);
      return;
    }
  if (kind == TRANCHE_DOC_CHANGE_REMOVE_ELEMENT)
    g_array_remove_index (self->elements[change->array], change->index);
  else if (kind == TRANCHE_DOC_CHANGE_REMOVE_MEMBER)
    remove_member (self, change);

  splice_text (self->text, change->offset, r, inserted);
  shift_index (self, change->offset, r, n);

  if (kind == TRANCHE_DOC_CHANGE_ADD_ELEMENT)
    g_array_insert_val (self->elements[change->array], change->index, change->range);
  else if (kind == TRANCHE_DOC_CHANGE_ADD_MEMBER)
    add_member (self, change);
}
