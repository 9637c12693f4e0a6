/* tranche-cli-import.c: `tranche --import FILE.csv -o OUT.json`
 *
 * CSV rows into a format-1 dataset (or added to one with --into), with no
 * display. Problems print as FILE:ROW:COL like --check; the output is
 * written through a temporary file renamed into place, and not at all
 * when the CSV can't be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "tranche-cli.h"
#include "tranche-csv-import.h"
#include "tranche-csv-reader.h"
#include "tranche-export.h"

static gboolean
write_document (FILE     *file,
                gpointer  user_data,
                GError  **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (generator, user_data);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  text = json_generator_to_data (generator, &length);
  if (fwrite (text, 1, length, file) != length || fputc ('\n', file) == EOF)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("Could not write the dataset"));
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
read_into (const char *filename)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_file (parser, filename, &error))
    {
      /* Translators: FILE: error: reason, when a file can't be read at all */
      g_printerr (_("%s: error: %s\n"), filename, error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || json_object_get_int_member_with_default (json_node_get_object (root), "tranche", 0)
         != 1)
    {
      g_printerr (_("%s: error: not a Tranche dataset of format 1 to add to\n"), filename);
      return NULL;
    }
  return json_node_ref (root);
}

static gboolean
parse_date_order (const char          *text,
                  TrancheCsvDateOrder *order)
{
  if (text == NULL)
    *order = TRANCHE_CSV_DATE_ORDER_UNKNOWN;
  else if (g_ascii_strcasecmp (text, "dmy") == 0)
    *order = TRANCHE_CSV_DATE_ORDER_DMY;
  else if (g_ascii_strcasecmp (text, "mdy") == 0)
    *order = TRANCHE_CSV_DATE_ORDER_MDY;
  else
    return FALSE;
  return TRUE;
}

static void
print_diagnostics (TrancheDiagnostics *diagnostics,
                   const char         *filename)
{
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line =
        tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), filename);
      g_printerr ("%s\n", line);
    }
}

int
tranche_cli_import (const TrancheCliImport *args)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) into = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *title = NULL;
  TrancheCsvImportOptions options = { 0 };
  TrancheCsvImportResult result = { 0 };
  gsize length = 0;

  g_return_val_if_fail (args != NULL && args->filename != NULL, 2);

  if (args->output == NULL)
    {
      g_printerr (_("tranche: --import needs -o OUT.json, the dataset to write\n"));
      return 2;
    }
  if (!parse_date_order (args->date_order, &options.date_order))
    {
      g_printerr (_("tranche: --date-order “%s” is unknown: use dmy (25/09/2023) or mdy "
                    "(09/25/2023)\n"), args->date_order);
      return 2;
    }
  if (args->currency != NULL)
    {
      currency = g_ascii_strup (args->currency, -1);
      if (!tranche_currency_code_is_valid (currency))
        {
          g_printerr (_("tranche: --currency “%s” is not an ISO 4217 code like USD or EUR\n"),
                      args->currency);
          return 2;
        }
    }
  if (args->into != NULL && (into = read_into (args->into)) == NULL)
    return 2;
  if (!g_file_get_contents (args->filename, &data, &length, &error))
    {
      g_printerr (_("%s: error: %s\n"), args->filename, error->message);
      return 2;
    }

  title = g_path_get_basename (args->filename);
  if (g_str_has_suffix (title, ".csv") || g_str_has_suffix (title, ".CSV"))
    title[strlen (title) - 4] = '\0';
  options.map = args->map;
  options.currency = currency;
  options.into = into;
  options.title = title;
  document = tranche_csv_import (data, length, &options, diagnostics, &result, &error);
  print_diagnostics (diagnostics, args->filename);
  if (document == NULL)
    {
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
        {
          g_printerr ("tranche: %s\n", error->message);
          return 2;
        }
      g_printerr (_("%s: error: %s\n"), args->filename, error->message);
      return 1;
    }
  if (!tranche_export_write_atomically (args->output, write_document, document, &error))
    {
      g_printerr ("tranche: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *events = g_strdup_printf (ngettext ("%u event imported",
                                                         "%u events imported",
                                                         result.n_events), result.n_events);
    g_autofree char *left_out = g_strdup_printf (ngettext ("%u row left out",
                                                           "%u rows left out",
                                                           result.n_left_out),
                                                 result.n_left_out);
    g_autofree char *entities = g_strdup_printf (ngettext ("%u new entity",
                                                           "%u new entities",
                                                           result.n_entities),
                                                 result.n_entities);
    /* Translators: OUT: 12 events imported, 1 row left out, 5 new entities */
    g_print (_("%s: %s, %s, %s\n"), args->output, events, left_out, entities);
  }
  return tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR) > 0 ? 1 : 0;
}
