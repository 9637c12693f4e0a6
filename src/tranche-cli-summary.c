/* tranche-cli-summary.c: `tranche --summary FILE [--json]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tranche-cli-summary.h"
#include "tranche-loader.h"
#include "tranche-summary.h"

int
tranche_cli_summary (const char *filename,
                     gboolean    json)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(TrancheTotals) totals = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors;

  g_return_val_if_fail (filename != NULL, 2);

  dataset = tranche_loader_load_file (filename, NULL, diagnostics, &error);
  /* Errors and warnings go where --check prints them, so a script reading
   * stdout gets only the summary. */
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);

      if (d->severity == TRANCHE_SEVERITY_ERROR)
        {
          g_autofree char *line = tranche_diagnostic_to_string (d, filename);
          g_printerr ("%s\n", line);
        }
    }
  if (dataset == NULL)
    {
      /* Translators: FILE: error: reason, when a file can't be read at all */
      g_printerr (_("%s: error: %s\n"), filename, error != NULL ? error->message : "");
      return g_error_matches (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID) ? 1 : 2;
    }

  totals = tranche_totals_new (dataset, NULL);
  if (json)
    {
      g_autofree char *base = g_path_get_basename (filename);
      g_autoptr(JsonNode) root = tranche_summary_to_json (totals, base);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = tranche_summary_to_text (totals);

      g_print ("%s", text);
    }
  n_errors = tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR);
  return n_errors > 0 ? 1 : 0;
}
