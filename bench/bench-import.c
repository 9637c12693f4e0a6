/* bench-import.c: `bench-import FILE.csv OUT.json`, the CSV import timed
 *
 * Reads the file, imports it as `tranche --import` does and writes the
 * JSON document; prints the rows and the seconds the whole took, for
 * run-import.sh to set beside Python's csv module doing the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "tranche-csv-import.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  TrancheCsvImportOptions options = { 0 };
  TrancheCsvImportResult result = { 0 };
  gint64 start, import_end, end;
  gsize length = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s FILE.csv OUT.json\n", argv[0]);
      return 2;
    }
  start = g_get_monotonic_time ();
  if (!g_file_get_contents (argv[1], &data, &length, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  document = tranche_csv_import (data, length, &options, diagnostics, &result, &error);
  import_end = g_get_monotonic_time ();
  if (document == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  json_generator_set_root (generator, document);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  if (!json_generator_to_file (generator, argv[2], &error))
    {
      fprintf (stderr, "%s: %s\n", argv[2], error->message);
      return 1;
    }
  end = g_get_monotonic_time ();
  printf ("rows %u left_out %u problems %u import_seconds %.3f seconds %.3f\n",
          result.n_events, result.n_left_out, tranche_diagnostics_get_length (diagnostics),
          (import_end - start) / 1e6, (end - start) / 1e6);
  return 0;
}
