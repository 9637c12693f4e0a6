/* tranche-document-check.c: the loader's verdict on one element, quickly
 *
 * Loading a 100,000-event file takes a second; a form wants its fields
 * checked as they are typed. So one element is loaded in a small document
 * of its own: the file's root members with its `entities` and `sources`
 * (which events refer to) and, of the element's own array, the element
 * alone. The loader, the one implementation of every rule, reads it; its
 * problems under the element are given back with the element's path,
 * line and column in the real file. What compares the element with the
 * other elements of its array (a repeated id) is only in a full load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-document-private.h"
#include "tranche-loader.h"

static guint
count_lines (const char *text,
             gsize       len)
{
  guint n = 0;
  const char *p = text;
  const char *end = text + len;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

/* Line (from 1) and column (from 1, in bytes as the loader counts) of
 * `offset`, counting from `from`, where the line is `line` and the column
 * of `from` is `column`. */
static void
locate (const char *text,
        gsize       from,
        guint       line,
        guint       column,
        gsize       offset,
        guint      *out_line,
        guint      *out_column)
{
  const char *last_nl;
  guint n = count_lines (text + from, offset - from);

  *out_line = line + n;
  if (n == 0)
    {
      *out_column = column + g_utf8_strlen (text + from, offset - from);
      return;
    }
  last_nl = g_strrstr_len (text + from, offset - from, "\n");
  *out_column = 1 + g_utf8_strlen (last_nl + 1, text + offset - last_nl - 1);
}

TrancheDiagnostics *
tranche_document_check_element (TrancheDocument      *self,
                                 TrancheDocumentArray  array,
                                 guint                 index)
{
  g_autoptr(GString) mini = g_string_new ("{");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrancheDiagnostics) all = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autofree char *mini_path = NULL;
  g_autofree char *real_path = NULL;
  TrancheDiagnostics *under;
  TrancheDocRange r;
  gsize mini_start = 0;
  guint real_line, real_column, mini_line, mini_column;
  gboolean first = TRUE;

  g_return_val_if_fail (index < tranche_document_get_n_elements (self, array), NULL);

  r = g_array_index (self->elements[array], TrancheDocRange, index);
  for (guint i = 0; i < self->members->len; i++)
    {
      const TrancheDocMember *m = &g_array_index (self->members, TrancheDocMember, i);
      const char *text = self->text->str;

      g_string_append (mini, first ? "\n" : ",\n");
      first = FALSE;
      if (m->array != (int) array)
        {
          /* other members as they are, the other big arrays included */
          g_string_append_len (mini, text + m->key_offset, m->value_end - m->key_offset);
          continue;
        }
      g_string_append_len (mini, text + m->key_offset, m->value_offset - m->key_offset);
      g_string_append (mini, "[");
      mini_start = mini->len;
      g_string_append_len (mini, text + r.start, r.end - r.start);
      g_string_append (mini, "]");
    }
  g_string_append (mini, "\n}\n");

  bytes = g_bytes_new (mini->str, mini->len);
  dataset = tranche_loader_load_bytes (bytes, self->filename, NULL, all, NULL);
  mini_path = tranche_document_element_path (array, 0);
  real_path = tranche_document_element_path (array, index);
  locate (mini->str, 0, 1, 1, mini_start, &mini_line, &mini_column);
  /* the loader counts lines and columns after a byte order mark */
  locate (self->text->str, memcmp (self->text->str, "\xef\xbb\xbf", 3) == 0 ? 3 : 0, 1, 1,
          r.start, &real_line, &real_column);

  under = tranche_diagnostics_new ();
  for (guint i = 0; i < tranche_diagnostics_get_length (all); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (all, i);
      gsize len = strlen (mini_path);
      g_autofree char *path = NULL;
      guint line = d->line, column = d->column;

      if (strncmp (d->path, mini_path, len) != 0
          || (d->path[len] != '\0' && d->path[len] != '.' && d->path[len] != '['))
        continue;
      path = g_strconcat (real_path, d->path + len, NULL);
      if (line == mini_line && column >= mini_column)
        column = column - mini_column + real_column;
      if (line >= mini_line)
        line = line - mini_line + real_line;
      tranche_diagnostics_add (under, d->severity, path, line, column, "%s", d->message);
    }
  return under;
}
