/* tranche-csv-reader.c: one pass over the bytes, fields unquoted in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tranche-csv-reader.h"

typedef struct
{
  guint first_field;
  guint n_fields;
  guint row_number;
  guint line;
} Row;

struct _TrancheCsvTable
{
  char   *text;    /* every field, unquoted and NUL-terminated */
  GArray *fields;  /* gsize offsets into text */
  GArray *rows;    /* Row */
  char    separator;
};

G_DEFINE_QUARK (tranche-csv-error-quark, tranche_csv_error)

static guint
count_lines (const char *from,
             const char *to)
{
  guint lines = 1;

  for (const char *p = from; p < to; p++)
    if (*p == '\n')
      lines++;
  return lines;
}

static gboolean
check_encoding (const char  *data,
                gsize        length,
                GError     **error)
{
  const char *bad = NULL;

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
                      || ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      g_set_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_ENCODING,
                   _("the file is in UTF-16: save it as CSV in UTF-8 and import it again"));
      return FALSE;
    }
  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;
  if (*bad == '\0')
    g_set_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_ENCODING,
                 _("line %u holds a NUL byte: the file is not text in UTF-8 (UTF-16 "
                   "perhaps): save it as CSV in UTF-8 and import it again"),
                 count_lines (data, bad));
  else
    g_set_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_ENCODING,
                 _("line %u is not UTF-8 (the file is in another encoding, such as Windows-1252 "
                   "or Latin-1): save it as CSV in UTF-8 and import it again; nothing was "
                   "imported"), count_lines (data, bad));
  return FALSE;
}

/* The separator that occurs most, outside quotes, in the first record. */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

/* Excel writes, and reads, a first line "sep=;" naming the separator. */
static const char *
skip_sep_line (const char *p,
               const char *end,
               char       *separator)
{
  if (end - p >= 5 && g_ascii_strncasecmp (p, "sep=", 4) == 0
      && (p[4] == ',' || p[4] == ';' || p[4] == '\t')
      && (end - p == 5 || p[5] == '\n' || p[5] == '\r'))
    {
      *separator = p[4];
      p += 5;
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
    }
  return p;
}

static gboolean
parse (TrancheCsvTable  *self,
       const char       *p,
       const char       *end,
       guint             line,
       GError          **error)
{
  char *o = self->text;
  const char sep = self->separator;
  guint record = 0;

  while (p < end)
    {
      Row row = { self->fields->len, 0, ++record, line };

      for (;;)
        {
          gsize start = o - self->text;

          if (p < end && *p == '"')
            {
              guint opened = line;

              for (p++;; p++)
                {
                  if (p == end)
                    {
                      g_set_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_SYNTAX,
                                   _("row %u, column %u: the quote opened on line %u is "
                                     "never closed"), record, row.n_fields + 1, opened);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        p++;
                      else
                        {
                          p++;
                          break;
                        }
                    }
                  else if (*p == '\n')
                    line++;
                  else if (*p == '\r' && p + 1 < end && p[1] == '\n')
                    continue;  /* a CRLF inside a field is a line break like any other */
                  *o++ = *p;
                }
            }
          /* Unquoted text, or text after a closing quote ("a"b), is kept as
           * spreadsheets keep it rather than refused. */
          while (p < end && *p != sep && *p != '\n' && *p != '\r')
            *o++ = *p++;
          *o++ = '\0';
          g_array_append_val (self->fields, start);
          row.n_fields++;
          if (p < end && *p == sep)
            {
              p++;
              continue;
            }
          if (p < end && *p == '\r')
            p++;
          if (p < end && *p == '\n')
            p++;
          line++;
          break;
        }
      /* A blank line is no row, but it still counts in the row numbers. */
      if (row.n_fields == 1 && self->text[g_array_index (self->fields, gsize,
                                                         row.first_field)] == '\0')
        g_array_set_size (self->fields, row.first_field);
      else
        g_array_append_val (self->rows, row);
    }
  return TRUE;
}

TrancheCsvTable *
tranche_csv_table_read (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(TrancheCsvTable) self = NULL;
  const char *p = data, *end = data + length;
  guint line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0 && !check_encoding (data, length, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  self = g_new0 (TrancheCsvTable, 1);
  /* A field's unquoted text is never longer than its raw text, and the
   * separator or line end after it makes room for its NUL: one byte more
   * than the file is always enough. */
  self->text = g_malloc (length + 1);
  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64);
  self->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), 64);
  self->separator = '\0';
  {
    const char *after = skip_sep_line (p, end, &self->separator);

    if (after != p)
      line++;
    p = after;
  }
  if (self->separator == '\0')
    self->separator = detect_separator (p, end);
  if (!parse (self, p, end, line, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
tranche_csv_table_free (TrancheCsvTable *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_array_unref (self->fields);
  g_array_unref (self->rows);
  g_free (self);
}

char
tranche_csv_table_get_separator (TrancheCsvTable *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->separator;
}

guint
tranche_csv_table_get_n_rows (TrancheCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
tranche_csv_table_get_n_fields (TrancheCsvTable *self,
                                guint            row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).n_fields;
}

const char *
tranche_csv_table_get (TrancheCsvTable *self,
                       guint            row,
                       guint            column)
{
  const Row *r;

  g_return_val_if_fail (self != NULL && row < self->rows->len, "");
  r = &g_array_index (self->rows, Row, row);
  if (column >= r->n_fields)
    return "";
  return self->text + g_array_index (self->fields, gsize, r->first_field + column);
}

guint
tranche_csv_table_get_row_number (TrancheCsvTable *self,
                                  guint            row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).row_number;
}

guint
tranche_csv_table_get_line (TrancheCsvTable *self,
                            guint            row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).line;
}
