/* tranche-cli.c: `tranche --check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tranche-cli.h"
#include "tranche-loader.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"

/* One line on standard error when `shown` loaded with problems. */
static void
print_problems_summary (const char         *shown,
                        const char         *filename,
                        TrancheDataset     *dataset,
                        TrancheDiagnostics *diagnostics)
{
  guint n_skipped = tranche_dataset_get_n_skipped (dataset);
  guint n_errors = tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR);
  guint n_warnings = tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING);
  g_autofree char *command = g_strdup_printf ("tranche --check %s",
                                              filename != NULL ? filename : "");

  if (filename == NULL)
    return;
  if (n_skipped > 0)
    /* Translators: FILE: 3 events left out because of errors: run “tranche --check FILE” */
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u event left out because of errors: run “%s” to see them\n",
                             "%s: %u events left out because of errors: run “%s” to see them\n",
                             n_skipped), shown, n_skipped, command);
  else if (n_errors > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u error: run “%s” to see it\n",
                             "%s: %u errors: run “%s” to see them\n",
                             n_errors), shown, n_errors, command);
  else if (n_warnings > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u warning: run “%s” to see it\n",
                             "%s: %u warnings: run “%s” to see them\n",
                             n_warnings), shown, n_warnings, command);
}

TrancheDataset *
tranche_cli_load_for_output (const char *filename)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDataset) dataset = NULL;
  const char *shown = filename;
  TrancheLoaderOptions options = { .n_threads = tranche_loader_threads_for_process () };

  if (filename != NULL)
    dataset = tranche_loader_load_file (filename, &options, diagnostics, &error);
  else
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* Translators: how the bundled sample is named in messages */
      shown = _("the bundled sample");
      dataset = bytes != NULL
        ? tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error) : NULL;
    }

  if (dataset == NULL)
    {
      guint n = tranche_diagnostics_get_length (diagnostics);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *line =
            tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), shown);
          g_printerr ("%s\n", line);
        }
      /* The problems say why the file is refused: "not a Tranche dataset"
       * after a bad byte or too deep a nesting would mislead, as --check
       * knows. Said only when nothing else is. */
      if (n == 0)
        /* Translators: FILE: error: reason, when a file can't be read at all */
        g_printerr (_("%s: error: %s\n"), shown, error != NULL ? error->message : "");
      return NULL;
    }
  print_problems_summary (shown, filename, dataset, diagnostics);
  if (tranche_dataset_get_n_events (dataset) == 0)
    {
      /* Translators: FILE: error: … */
      g_printerr (_("%s: error: no event to draw\n"), shown);
      return NULL;
    }
  return g_steal_pointer (&dataset);
}

static int
check_one (const char *filename)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  TrancheLoaderOptions options = { .n_threads = tranche_loader_threads_for_process (),
                                   .checks = TRUE };
  guint n_errors, n_warnings;

  dataset = tranche_loader_load_file (filename, &options, diagnostics, &error);
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
