/* tranche-cli.c: `tranche --check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tranche-cli.h"
#include "tranche-loader.h"

static int
check_one (const char *filename)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors, n_warnings;

  dataset = tranche_loader_load_file (filename, NULL, diagnostics, &error);
  if (dataset == NULL && !g_error_matches (error, TRANCHE_LOADER_ERROR,
                                           TRANCHE_LOADER_ERROR_INVALID))
    {
      /* Translators: FILE: error: reason, when a file can't be read at all */
      g_printerr (_("%s: error: %s\n"), filename, error->message);
      return 2;
    }

  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line =
        tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), filename);
      g_printerr ("%s\n", line);
    }

  n_errors = tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR);
  n_warnings = tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING);
  if (dataset == NULL)
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors),
                                                 n_errors);
      /* Translators: FILE: not loaded (3 errors) */
      g_print (_("%s: not loaded (%s)\n"), filename, errors);
      return 1;
    }
  else
    {
      guint n_events = tranche_dataset_get_n_events (dataset);
      guint n_skipped = tranche_dataset_get_n_skipped (dataset);
      g_autofree char *events = g_strdup_printf (ngettext ("%u event loaded",
                                                           "%u events loaded", n_events),
                                                 n_events);
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u left out", "%u left out",
                                                            n_skipped),
                                                  n_skipped);
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors),
                                                 n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                             n_warnings),
                                                   n_warnings);
      /* Translators: FILE: 12 events loaded, 1 left out, 1 error, 2 warnings */
      g_print (_("%s: %s, %s, %s, %s\n"), filename, events, skipped, errors, warnings);
      return n_errors > 0 ? 1 : 0;
    }
}

int
tranche_cli_check (const char * const *filenames)
{
  int status = 0;

  g_return_val_if_fail (filenames != NULL, 2);
  for (guint i = 0; filenames[i] != NULL; i++)
    {
      /* not inside MAX(), which would evaluate it, and load the file, twice */
      int one = check_one (filenames[i]);

      status = MAX (status, one);
    }
  return status;
}
