/* bench-load.c: how long loading one dataset takes, and how much memory
 *
 * Usage: bench-load [--views] FILE
 * With --views, also makes what the window's views need after a load, as
 * the window's loading worker does (tranche-view-data.h), and reports its
 * time and the peak with it. Prints one line: events, seconds (wall clock, read + parse + validate +
 * build), the CPU seconds of the process (steadier than the wall clock on a
 * shared machine) and its peak resident set in MiB, which includes the
 * file's bytes, json-glib's transient nodes and the finished dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tranche-allocator.h"
#include "tranche-cumulative-chart.h"
#include "tranche-loader.h"
#include "tranche-valuation-chart.h"
#include "tranche-view-data.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrancheDiagnostics) diagnostics = NULL;
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  TrancheLoaderOptions options = { 0 };
  g_autoptr(TrancheViewData) views = NULL;
  struct rusage usage;
  gint64 start, end, views_end = 0;
  gboolean with_views = argc == 3 && g_str_equal (argv[1], "--views");

  /* as tranche does (tranche-allocator.h) */
  if (tranche_allocator_prepare_restart ())
    {
      /* /proc/self/exe is this very binary, wherever argv[0] points */
      execv ("/proc/self/exe", argv);
      tranche_allocator_restart_failed ();
    }
  if (with_views)
    argv++, argc--;
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s [--views] FILE\n", argv[0]);
      return 2;
    }

  diagnostics = tranche_diagnostics_new ();
  start = g_get_monotonic_time ();
  options.n_threads = tranche_loader_threads_for_process ();
  dataset = tranche_loader_load_file (argv[1], &options, diagnostics, &error);
  end = g_get_monotonic_time ();
  if (dataset == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (with_views)
    {
      TrancheViewDataSpec spec = {
        .lane_mode = TRANCHE_LANES_BY_PAIR,
        .chart_types = { TRANCHE_TYPE_VALUATION_CHART, TRANCHE_TYPE_CUMULATIVE_CHART },
        .n_chart_types = 2,
      };

      views = tranche_view_data_new (dataset, &spec, NULL, NULL, NULL);
      views_end = g_get_monotonic_time ();
      printf ("views_seconds %.3f ", (views_end - end) / 1e6);
    }
  getrusage (RUSAGE_SELF, &usage);

  /* ru_maxrss is in KiB on Linux */
  printf ("events %u skipped %u problems %u seconds %.3f cpu_seconds %.3f peak_rss_mib %.1f\n",
          tranche_dataset_get_n_events (dataset), tranche_dataset_get_n_skipped (dataset),
          tranche_diagnostics_get_length (diagnostics), (end - start) / 1e6,
          usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
          + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
          usage.ru_maxrss / 1024.0);
  return 0;
}
