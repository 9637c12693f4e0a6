/* bench-render.c: timeline frame and export times at 1920×1080
 *
 *   bench-render [--frames N] [FILE.json…]   table for each file (or for
 *                                            synthetic 1k/10k/100k/1M events)
 *   bench-render --one FILE.json OUT.png     load, then render and write one
 *                                            PNG: the figures run-peer.sh compares
 *
 * A frame is what a widget pays when the range changes: lay the scene out
 * and paint it into a 1920×1080 image. Each frame pans by a pixel so no
 * cache can answer it. Building the lane index happens once per dataset
 * (like loading) and is reported apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tranche-allocator.h"
#include "tranche-dataset-builder.h"
#include "tranche-export.h"
#include "tranche-loader.h"
#include "tranche-timeline-painter.h"

#define WIDTH  1920
#define HEIGHT 1080

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return da < db ? -1 : da > db;
}

static TrancheDataset *
synthetic (guint n)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  guint32 investors[40], targets[400];
  GRand *rand = g_rand_new_with_seed (20231101);

  for (guint i = 0; i < G_N_ELEMENTS (investors); i++)
    {
      g_autofree char *id = g_strdup_printf ("investor-%u", i);
      investors[i] = tranche_dataset_builder_ensure_entity (b, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *id = g_strdup_printf ("company-%u", i);
      targets[i] = tranche_dataset_builder_ensure_entity (b, id);
    }
  for (guint i = 0; i < n; i++)
    {
      TrancheEvent ev = { 0 };
      char id[24];
      /* a few investors do most deals, as in real data */
      guint32 inv = investors[(guint) (G_N_ELEMENTS (investors)
                                       * pow (g_rand_double (rand), 2.5))];
      int precision = g_rand_int_range (rand, 0, 10);

      g_snprintf (id, sizeof id, "event-%u", i);
      ev.id = id;
      ev.title = "Series B round";
      ev.date = tranche_date_from_day (1995 + g_rand_int_range (rand, 0, 30),
                                       g_rand_int_range (rand, 1, 13),
                                       g_rand_int_range (rand, 1, 29));
      if (precision == 0)
        ev.date.precision = TRANCHE_PRECISION_YEAR, ev.date.month = 0, ev.date.day = 0;
      else if (precision == 1)
        ev.date.precision = TRANCHE_PRECISION_MONTH, ev.date.day = 0;
      ev.target = targets[g_rand_int_range (rand, 0, G_N_ELEMENTS (targets))];
      ev.amount.flags = TRANCHE_MONEY_PRESENT;
      if (g_rand_int_range (rand, 0, 12) == 0)
        ev.amount.flags |= TRANCHE_MONEY_UNDISCLOSED;
      else
        {
          ev.amount.flags |= TRANCHE_MONEY_HAS_VALUE;
          ev.amount.value = exp (g_rand_double_range (rand, log (2e5), log (2e10)));
        }
      tranche_dataset_builder_add_event (b, &ev, &inv, 1, NULL, 0, NULL, 0);
    }
  g_rand_free (rand);
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static TrancheDataset *
load (const char *filename,
      double     *ms)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheLoaderOptions options = { .n_threads = tranche_loader_threads_for_process () };
  double start = now_ms ();
  TrancheDataset *dataset = tranche_loader_load_file (filename, &options, diagnostics, &error);

  *ms = now_ms () - start;
  if (dataset == NULL)
    g_printerr ("%s: %s\n", filename, error ? error->message : "not loaded");
  return dataset;
}

/* Median and worst of `n` frames over [first, end), panning a pixel each time. */
static void
frames (TrancheTimelineLayout *layout,
        cairo_t               *cr,
        TrancheDay             first,
        TrancheDay             end,
        guint                  n,
        double                *median,
        double                *worst)
{
  g_autofree double *times = g_new (double, n);
  double per_pixel = (end - first) / WIDTH;

  for (guint i = 0; i < n; i++)
    {
      double start = now_ms ();
      tranche_timeline_layout_update (layout, WIDTH, HEIGHT, first + i * per_pixel,
                                      end + i * per_pixel);
      tranche_timeline_painter_paint (layout, cr, -1, -1, NAN);
      cairo_surface_flush (cairo_get_target (cr));
      times[i] = now_ms () - start;
    }
  qsort (times, n, sizeof (double), compare_doubles);
  *median = times[n / 2];
  *worst = times[n - 1];
}

static double
median_export (TrancheTimelineLayout *layout,
               const char            *path,
               guint                  n,
               gboolean               with_cairo)
{
  g_autofree double *times = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      double start = now_ms ();
      if (with_cairo)
        {
          /* the same scene through cairo's own PNG writer, for comparison */
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
          cairo_t *cr = cairo_create (surface);
          tranche_timeline_painter_paint (layout, cr, -1, -1, NAN);
          cairo_destroy (cr);
          cairo_surface_write_to_png (surface, path);
          cairo_surface_destroy (surface);
        }
      else
        {
          g_autoptr(GError) error = NULL;
          if (!tranche_export_layout (layout, path, 1, &error))
            g_error ("%s", error->message);
        }
      times[i] = now_ms () - start;
    }
  qsort (times, n, sizeof (double), compare_doubles);
  return times[n / 2];
}

static TrancheTimelineLayout *
new_layout (TrancheDataset *dataset,
            double         *index_ms)
{
  TrancheTimelineLayout *layout = tranche_timeline_layout_new ();
  TrancheTheme theme;
  double start;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, tranche_export_type_scale (WIDTH, HEIGHT,
                                                                         TRANCHE_EXPORT_PNG));
  tranche_timeline_layout_set_theme (layout, &theme);
  tranche_timeline_layout_set_show_title (layout, TRUE);
  start = now_ms ();
  tranche_timeline_layout_set_dataset (layout, dataset);
  *index_ms = now_ms () - start;
  return layout;
}

static void
bench_one (const char     *name,
           TrancheDataset *dataset,
           double          load_ms,
           guint           n_frames)
{
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_build_filename (g_get_tmp_dir (), "bench-render.png", NULL);
  double index_ms, whole_med, whole_max, year_med, year_max, export_ms, cairo_ms;
  TrancheDay first, end;
  int year;
  guint n = tranche_dataset_get_n_events (dataset);

  layout = new_layout (dataset, &index_ms);
  if (!tranche_timeline_layout_fit_range (layout, WIDTH, HEIGHT, &first, &end))
    {
      g_print ("%-22s no events\n", name);
      return;
    }
  /* The process's first paint loads fonts, which a window has done long
   * before its first timeline frame; the ranking by amount is built with the
   * lane index, so nothing else is warmed up here. */
  tranche_timeline_layout_update (layout, WIDTH, HEIGHT, first, end);
  tranche_timeline_painter_paint (layout, cr, -1, -1, NAN);
  frames (layout, cr, first, end, n_frames, &whole_med, &whole_max);

  /* one year: the one the middle event falls in */
  tranche_day_to_ymd (tranche_dataset_get_event (dataset, n / 2)->first_day, &year, NULL, NULL);
  frames (layout, cr, tranche_day_from_ymd (year, 1, 1), tranche_day_from_ymd (year + 1, 1, 1),
          n_frames, &year_med, &year_max);

  tranche_timeline_layout_update (layout, WIDTH, HEIGHT, first, end);
  export_ms = median_export (layout, png, 5, FALSE);
  cairo_ms = median_export (layout, png, 3, TRUE);

  g_print ("%-22s %9u %8.0f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %9.1f\n", name, n,
           load_ms, index_ms, whole_med, whole_max, year_med, year_max, export_ms, cairo_ms);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_unlink (png);
}

static int
run_one (const char *filename,
         const char *output)
{
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  double load_ms, index_ms, start, render_ms;
  TrancheDay first, end;

  dataset = load (filename, &load_ms);
  if (dataset == NULL)
    return 1;
  start = now_ms ();
  layout = new_layout (dataset, &index_ms);
  if (!tranche_timeline_layout_fit_range (layout, WIDTH, HEIGHT, &first, &end))
    return 1;
  tranche_timeline_layout_update (layout, WIDTH, HEIGHT, first, end);
  if (!tranche_export_layout (layout, output, 1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  render_ms = now_ms () - start;
  g_print ("tranche load_ms=%.1f render_ms=%.1f events=%u\n", load_ms, render_ms,
           tranche_dataset_get_n_events (dataset));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int frames_wanted = 20;
  char *one = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE.json…]");
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "frames", 'n', 0, G_OPTION_ARG_INT, &frames_wanted, "Frames per measure", "N" },
    { "one", 0, 0, G_OPTION_ARG_FILENAME, &one, "Load FILE and write one PNG to the argument",
      "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  /* as tranche does (tranche-allocator.h) */
  if (tranche_allocator_prepare_restart ())
    {
      /* /proc/self/exe is this very binary, wherever argv[0] points */
      execv ("/proc/self/exe", argv);
      tranche_allocator_restart_failed ();
    }
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (one != NULL)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("--one FILE needs an output PNG\n");
          return 2;
        }
      return run_one (one, files[0]);
    }

  frames_wanted = MAX (frames_wanted, 3);
  g_print ("Timeline at %dx%d, frame = layout + paint, ms (median / worst of %d)\n",
           WIDTH, HEIGHT, frames_wanted);
  g_print ("%-22s %9s %8s %8s %8s %8s %8s %8s %8s %9s\n", "dataset", "events", "load",
           "index", "whole", "worst", "1 year", "worst", "png", "cairo-png");
  if (files != NULL && files[0] != NULL)
    for (guint i = 0; files[i] != NULL; i++)
      {
        double load_ms;
        g_autoptr(TrancheDataset) dataset = load (files[i], &load_ms);
        g_autofree char *name = g_path_get_basename (files[i]);
        if (dataset != NULL)
          bench_one (name, dataset, load_ms, frames_wanted);
      }
  else
    {
      const guint sizes[] = { 1000, 10000, 100000, 1000000 };
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          double start = now_ms ();
          g_autoptr(TrancheDataset) dataset = synthetic (sizes[i]);
          g_autofree char *name = g_strdup_printf ("synthetic-%u", sizes[i]);
          bench_one (name, dataset, now_ms () - start, frames_wanted);
        }
    }
  return 0;
}
