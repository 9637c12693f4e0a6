/* tranche-json-locate.c: where in the text a problem is
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
gsize
tranche_loader_locate (Loader   *self,
                       gboolean  want_value)
{
  gsize at = self->anchor_offset;

  if (at == TRANCHE_NO_OFFSET)
    return TRANCHE_NO_OFFSET;
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
