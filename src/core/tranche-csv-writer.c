/* tranche-csv-writer.c: rows of events for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tranche-csv-writer.h"
#include "tranche-export.h"

static const char * const columns[] = {
  "id", "date", "kind", "title", "investors", "lead investors", "target", "amount",
  "currency", "approximate", "min", "max", "valuation", "basis", "round", "tags", "sources",
  "end", "summary",
};

typedef struct
{
  TrancheDataset *dataset;
  GBytes         *mask;
} Job;

/* One cell: quoted when it holds a separator, a quote, a line break or
 * edge spaces; "'" first when a spreadsheet would take it for a formula. */
static void
append_cell (GString    *row,
             const char *text,
             gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (row, ',');
  if (text == NULL || text[0] == '\0')
    return;
  quote = strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0])
          || g_ascii_isspace (text[strlen (text) - 1]);
  if (quote)
    g_string_append_c (row, '"');
  if (strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (row, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quote)
    g_string_append_c (row, '"');
}

/* A number that reads back as the same double, without an exponent for
 * the amounts people write. */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

/* A name for a list cell: quoted when it holds a comma or a quote, so the
 * import splits the list where the names end. */
static void
append_list_item (GString    *list,
                  const char *item)
{
  if (list->len > 0)
    g_string_append (list, ", ");
  if (strpbrk (item, ",\"") == NULL)
    {
      g_string_append (list, item);
      return;
    }
  g_string_append_c (list, '"');
  for (const char *p = item; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (list, '"');
      g_string_append_c (list, *p);
    }
  g_string_append_c (list, '"');
}

static const char *
entity_name (TrancheDataset *dataset,
             guint32         index)
{
  const TrancheEntity *entity;

  if (index == TRANCHE_NO_ENTITY || index >= tranche_dataset_get_n_entities (dataset))
    return NULL;
  entity = tranche_dataset_get_entity (dataset, index);
  return entity->name != NULL ? entity->name : entity->id;
}

static const char *
currency_code (TrancheDataset     *dataset,
               const TrancheMoney *money,
               char                buf[4])
{
  return tranche_currency_to_code (money->currency ? money->currency
                                                   : tranche_dataset_get_currency (dataset), buf);
}

static void
append_money_cells (GString            *row,
                    TrancheDataset     *dataset,
                    const TrancheMoney *amount)
{
  g_autofree char *value = NULL, *min = NULL, *max = NULL;
  char code[4];
  gboolean present = tranche_money_is_present (amount);

  if (amount->flags & TRANCHE_MONEY_HAS_VALUE)
    value = format_number (amount->value);
  else if (amount->flags & TRANCHE_MONEY_UNDISCLOSED)
    value = g_strdup ("undisclosed");
  if (amount->flags & TRANCHE_MONEY_HAS_RANGE)
    {
      min = format_number (amount->min);
      max = format_number (amount->max);
    }
  append_cell (row, value, FALSE);
  append_cell (row, present && tranche_money_is_known (amount)
                    ? currency_code (dataset, amount, code) : NULL, FALSE);
  append_cell (row, amount->flags & TRANCHE_MONEY_APPROX ? "yes" : NULL, FALSE);
  append_cell (row, min, FALSE);
  append_cell (row, max, FALSE);
}

/* The valuation, with its currency after it when it is not the amount's,
 * and "~" first when approximate: the import reads both back. */
static char *
format_valuation (TrancheDataset     *dataset,
                  const TrancheEvent *event)
{
  const TrancheMoney *valuation = &event->valuation;
  g_autofree char *number = NULL;
  char code[4], amount_code[4];

  if (!tranche_money_is_present (valuation))
    return NULL;
  if (!(valuation->flags & TRANCHE_MONEY_HAS_VALUE))
    return valuation->flags & TRANCHE_MONEY_UNDISCLOSED ? g_strdup ("undisclosed") : NULL;
  number = format_number (valuation->value);
  currency_code (dataset, valuation, code);
  if (tranche_money_is_known (&event->amount)
      && strcmp (code, currency_code (dataset, &event->amount, amount_code)) == 0)
    return g_strdup_printf ("%s%s", valuation->flags & TRANCHE_MONEY_APPROX ? "~" : "",
                            number);
  return g_strdup_printf ("%s%s %s", valuation->flags & TRANCHE_MONEY_APPROX ? "~" : "",
                          number, code);
}

static void
append_event (GString            *row,
              TrancheDataset     *dataset,
              const TrancheEvent *event)
{
  static const char * const bases[] = { NULL, "post-money", "pre-money", "reported" };
  g_autoptr(GString) investors = g_string_new (NULL);
  g_autoptr(GString) leads = g_string_new (NULL);
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *date = tranche_date_to_iso (&event->date);
  g_autofree char *end = NULL;
  g_autofree char *valuation = format_valuation (dataset, event);

  for (guint i = 0; i < event->n_investors; i++)
    {
      const char *name = entity_name (dataset, tranche_dataset_event_investor (dataset, event,
                                                                              i));
      if (name == NULL)
        continue;
      append_list_item (investors, name);
      if (tranche_dataset_event_is_lead (dataset, event, i))
        append_list_item (leads, name);
    }
  for (guint i = 0; i < event->n_tags; i++)
    append_list_item (tags, tranche_dataset_event_tag (dataset, event, i));
  for (guint i = 0; i < event->n_citations; i++)
    {
      const TrancheCitation *citation = tranche_dataset_event_citation (dataset, event, i);
      const TrancheSource *source = citation->source != TRANCHE_NO_ENTITY
        ? tranche_dataset_get_source (dataset, citation->source) : NULL;
      const char *item = source == NULL ? citation->source_id
                         : source->url != NULL ? source->url : source->title;

      if (item == NULL || strstr (sources->str, item) != NULL)
        continue;
      if (sources->len > 0)
        g_string_append_c (sources, '\n');
      g_string_append (sources, item);
    }
  if (tranche_date_is_set (&event->end))
    end = tranche_date_to_iso (&event->end);

  append_cell (row, event->id, TRUE);
  append_cell (row, date, FALSE);
  append_cell (row, tranche_event_kind_to_string (event->kind), FALSE);
  append_cell (row, event->title, FALSE);
  append_cell (row, investors->str, FALSE);
  append_cell (row, leads->str, FALSE);
  append_cell (row, entity_name (dataset, event->target), FALSE);
  append_money_cells (row, dataset, &event->amount);
  append_cell (row, valuation, FALSE);
  append_cell (row, tranche_money_is_present (&event->valuation)
                    ? bases[event->valuation.basis & 3] : NULL, FALSE);
  append_cell (row, event->round, FALSE);
  append_cell (row, tags->str, FALSE);
  append_cell (row, sources->str, FALSE);
  append_cell (row, end, FALSE);
  append_cell (row, event->summary, FALSE);
  g_string_append (row, "\r\n");
}

static gboolean
write_events (FILE     *file,
              gpointer  user_data,
              GError  **error)
{
  Job *job = user_data;
  g_autoptr(GString) row = g_string_sized_new (256);
  guint n = tranche_dataset_get_n_events (job->dataset);
  gsize mask_length = 0;
  const guint8 *mask = job->mask ? g_bytes_get_data (job->mask, &mask_length) : NULL;

  g_string_append (row, "\xef\xbb\xbf");
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (row, columns[i], i == 0);
  g_string_append (row, "\r\n");
  for (guint i = 0;; i++)
    {
      if (row->len > 0 && (row->len >= 65536 || i == n)
          && fwrite (row->str, 1, row->len, file) != row->len)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not write the table: %s"), g_strerror (saved));
          return FALSE;
        }
      if (row->len >= 65536 || i == n)
        g_string_truncate (row, 0);
      if (i == n)
        break;
      if (mask != NULL && (i >= mask_length || mask[i] == 0))
        continue;
      append_event (row, job->dataset, tranche_dataset_get_event (job->dataset, i));
    }
  return TRUE;
}

gboolean
tranche_csv_write_events (TrancheDataset  *dataset,
                          GBytes          *mask,
                          FILE            *file,
                          GError         **error)
{
  Job job = { dataset, mask };

  g_return_val_if_fail (dataset != NULL && file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return write_events (file, &job, error);
}

gboolean
tranche_csv_export_events (TrancheDataset  *dataset,
                           GBytes          *mask,
                           const char      *filename,
                           GError         **error)
{
  Job job = { dataset, mask };

  g_return_val_if_fail (dataset != NULL && filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return tranche_export_write_atomically (filename, write_events, &job, error);
}
