/* tranche-json-locate.c: where in the text a problem is
 *
 * json-glib knows positions only while parsing, and only as line and byte
 * column. Each problem is instead located, only when it is reported, by
 * walking the raw text of the element it is in (whose start offset the
 * first pass noted) along the problem's JSON path; offsets become line and
 * column in one forward pass when the diagnostics are handed over.
 *
 * A small object or array is walked again for each problem in it. One with
 * more members than that is walked once and indexed, for as long as the
 * element it is in is read: 20,000 undeclared investors in one event took
 * 10 s to locate one by one, each walking the array up to itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-loader-private.h"

void
tranche_cursor_init (TrancheCursor *c,
                     const char    *data,
                     gsize          len)
{
  memset (c, 0, sizeof *c);
  c->data = data;
  c->len = len;
  c->line = 1;
  c->col = 1;
}

void
tranche_cursor_seek (TrancheCursor *c,
                     gsize          offset)
{
  const char *nl;

  offset = MIN (offset, c->len);
  if (offset < c->offset)
    tranche_cursor_init (c, c->data, c->len);
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
guint
tranche_cursor_column (TrancheCursor *c)
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

void
tranche_loader_free_reference (gpointer data)
{
  Reference *r = data;

  g_free (r->path);
  g_free (r);
}

char *
tranche_loader_path_to_string (Loader *self)
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
  g_autofree char *decoded = NULL;

  if (memchr (raw, '\\', n) == NULL)
    return strlen (key) == n && memcmp (raw, key, n) == 0;
  decoded = tranche_json_decode_string (self->data, start, end);
  return g_str_equal (decoded, key);
}

/* What one lookup walks before it indexes the container instead: a few
 * members, and few enough bytes that a big value among them (an event's
 * long array) is not walked over again for each problem. */
#define WALK_ITEMS 32
#define WALK_BYTES 2048

/* A member of an object, or an element of an array. */
typedef struct
{
  gsize key;      /* the name's opening quote; for an element, the element */
  gsize key_end;  /* just past the name */
  gsize value;
} Item;

/* A big container of the element being read. */
typedef struct
{
  GArray     *items;    /* Item, in order */
  GHashTable *by_name;  /* objects: decoded name -> position in items + 1, of the last use */
} ContainerIndex;

static void
container_index_free (gpointer data)
{
  ContainerIndex *index = data;

  g_array_unref (index->items);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_free (index);
}

/* Reads where the item of a container at `i` (where the opening bracket
 * or the previous item left off) has its parts; FALSE past the last. */
static gboolean
item_at (Loader   *self,
         gboolean  object,
         gsize     i,
         Item     *item)
{
  if (i >= self->len || self->data[i] == '}' || self->data[i] == ']')
    return FALSE;
  if (!object)
    {
      item->key = item->key_end = item->value = i;
      return TRUE;
    }
  if (self->data[i] != '"')
    return FALSE;
  item->key = i;
  item->key_end = skip_string (self, i);
  item->value = skip_space (self, skip_space (self, item->key_end) + 1);
  return TRUE;
}

/* Where the item after `item` starts (past the text's end after the
 * last); `*value_end`, when given, is set to where its value ends. */
static gsize
item_next (Loader     *self,
           const Item *item,
           gsize      *value_end)
{
  gsize end = skip_value (self, item->value);
  gsize at = skip_space (self, end);

  if (value_end != NULL)
    *value_end = end;
  return at < self->len && self->data[at] == ',' ? skip_space (self, at + 1) : self->len;
}

static ContainerIndex *
index_container (Loader   *self,
                 gsize     at,
                 gboolean  object)
{
  ContainerIndex *index = g_new0 (ContainerIndex, 1);
  Item item;

  index->items = g_array_new (FALSE, FALSE, sizeof (Item));
  if (object)
    index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gsize i = skip_space (self, at + 1); item_at (self, object, i, &item);
       i = item_next (self, &item, NULL))
    {
      g_array_append_val (index->items, item);
      /* a repeated name ends as its last use, as json-glib keeps the last */
      if (object)
        g_hash_table_insert (index->by_name,
                             tranche_json_decode_string (self->data, item.key, item.key_end),
                             GUINT_TO_POINTER (index->items->len));
    }
  g_hash_table_insert (self->indexed, GSIZE_TO_POINTER (at), index);
  return index;
}

static gboolean
lookup_indexed (ContainerIndex *index,
                const PathPart *part,
                Item           *found)
{
  guint position;

  if (part->key != NULL)
    {
      position = GPOINTER_TO_UINT (g_hash_table_lookup (index->by_name, part->key));
      if (position == 0)
        return FALSE;
      *found = g_array_index (index->items, Item, position - 1);
      return TRUE;
    }
  if (part->index >= index->items->len)
    return FALSE;
  *found = g_array_index (index->items, Item, part->index);
  return TRUE;
}

/* The member or element `part` names in the container at `at`. */
static gboolean
lookup (Loader         *self,
        gsize           at,
        const PathPart *part,
        Item           *found)
{
  gboolean object = part->key != NULL;
  gboolean any = FALSE;
  ContainerIndex *index;
  Item item;
  gsize i;
  guint n;

  if (self->data[at] != (object ? '{' : '['))
    return FALSE;
  /* indexes are kept while one element is read */
  if (self->indexed_anchor != self->anchor_offset)
    {
      g_hash_table_remove_all (self->indexed);
      self->indexed_anchor = self->anchor_offset;
    }
  if ((index = g_hash_table_lookup (self->indexed, GSIZE_TO_POINTER (at))) != NULL)
    return lookup_indexed (index, part, found);

  i = skip_space (self, at + 1);
  for (n = 0; item_at (self, object, i, &item); n++)
    {
      gsize end;

      /* an object's last member of that name, as json-glib keeps the last */
      if (object ? raw_key_equals (self, item.key, item.key_end, part->key) : n == part->index)
        {
          *found = item;
          any = TRUE;
          if (!object)
            return TRUE;
        }
      i = item_next (self, &item, &end);
      if (n + 1 == WALK_ITEMS || end - at > WALK_BYTES)
        return lookup_indexed (index_container (self, at, object), part, found);
    }
  return any;
}

void
tranche_loader_locate_init (Loader *self)
{
  self->indexed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         container_index_free);
  self->indexed_anchor = TRANCHE_NO_OFFSET;
}

void
tranche_loader_locate_clear (Loader *self)
{
  g_clear_pointer (&self->indexed, g_hash_table_unref);
}

/* The offset of what the current path names, or of its deepest part that
 * exists (the object that lacks a missing member). With `want_value` the
 * offset of a member's value, else of its name. */
gsize
tranche_loader_locate (Loader   *self,
                       gboolean  want_value)
{
  gsize at = self->anchor_offset;

  if (at == TRANCHE_NO_OFFSET)
    return TRANCHE_NO_OFFSET;
  for (guint k = self->anchor_depth; k < self->path_len; k++)
    {
      Item found;

      if (!lookup (self, at, &self->path[k], &found))
        break;
      at = (k + 1 == self->path_len && !want_value) ? found.key : found.value;
    }
  return at;
}
