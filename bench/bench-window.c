/* bench-window.c: a file opened in the window, as an analyst sees it
 *
 * Usage: bench-window FILE.json   (needs a display: run-window.sh runs it under Xvfb)
 *
 * Opens a window as tranche does (same allocator restart), then opens FILE
 * in it and prints one line:
 *   first_frame_s   from the open to the first frame painted with the
 *                   dataset in the session and both charts drawn (a large
 *                   file's charts come a frame apart: tranche-frame-budget.c)
 *   stall_ms        the longest time the main loop did not run a 5 ms timer,
 *                   from the open until 2 s after that first frame
 *   stall_after_ms  the same, counted only after the first frame
 *   busy_ms         the most CPU time the main thread spent between two
 *                   runs of that timer: the stall its own work makes,
 *                   which a busy machine does not inflate
 *   swap_cpu_ms     the main thread's CPU time from the last timer run
 *                   before the session got the dataset to just after
 *                   (the views adopting it)
 *   frame_cpu_ms    its CPU time from the first frame with the dataset (its
 *                   layout phase) to the end of painting the one with both
 *                   charts: several frames for a large file
 *   peak_rss_mib    VmHWM from /proc/self/status at the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "tranche-allocator.h"
#include "tranche-chart-view.h"
#include "tranche-i18n.h"
#include "tranche-window.h"

#define TICK_MS 5
#define SETTLE_US (2 * G_USEC_PER_SEC)

typedef struct
{
  TrancheWindow *window;
  gint64         opened;
  gint64         dataset_set;   /* when the session got the dataset, 0 before */
  gint64         first_frame;   /* 0 before */
  gint64         last_tick;
  gint64         stall;         /* longest, in µs */
  gint64         stall_after;
  gint64         last_cpu;      /* the main thread's CPU time at the last tick, µs */
  gint64         busy;          /* most CPU time between two ticks, µs */
  gint64         swap_cpu;
  gint64         layout_cpu;    /* at the first frame's layout phase */
  gint64         frame_cpu;
  gboolean       done;
} Bench;

static double
peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : -1;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  Bench *b = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - b->last_tick - TICK_MS * 1000;
  gint64 cpu = thread_cpu_us ();

  b->busy = MAX (b->busy, cpu - b->last_cpu);
  b->last_cpu = cpu;

  b->stall = MAX (b->stall, gap);
  if (b->first_frame != 0 && b->last_tick >= b->first_frame)
    b->stall_after = MAX (b->stall_after, gap);
  b->last_tick = now;
  if (b->first_frame != 0 && now - b->first_frame > SETTLE_US)
    {
      b->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
dataset_cb (Bench *b)
{
  if (b->dataset_set == 0 && tranche_session_get_dataset (tranche_window_get_session (b->window)))
    {
      b->dataset_set = g_get_monotonic_time ();
      b->swap_cpu = thread_cpu_us () - b->last_cpu;
    }
}

static void
layout_cb (GdkFrameClock *clock,
           Bench         *b)
{
  if (b->dataset_set != 0 && b->first_frame == 0 && b->layout_cpu == 0)
    b->layout_cpu = thread_cpu_us ();
}

/* Both charts painted with data (a large file's charts come a frame
 * apart, tranche-frame-budget.c). */
static gboolean
charts_drawn (Bench *b)
{
  TrancheTimeScale scale;

  return tranche_chart_view_get_scale (tranche_window_get_chart (b->window,
                                                                 TRANCHE_CHART_VALUATION),
                                       &scale)
         && tranche_chart_view_get_scale (tranche_window_get_chart (b->window,
                                                                    TRANCHE_CHART_CUMULATIVE),
                                          &scale);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  if (b->dataset_set != 0 && b->first_frame == 0 && charts_drawn (b))
    {
      b->first_frame = g_get_monotonic_time ();
      b->frame_cpu = b->layout_cpu != 0 ? thread_cpu_us () - b->layout_cpu : 0;
    }
}

int
main (int   argc,
      char *argv[])
{
  Bench b = { NULL };
  g_autoptr(GFile) file = NULL;
  GdkFrameClock *clock;

  /* as tranche does (tranche-allocator.h) */
  if (tranche_allocator_prepare_restart ())
    {
      execv ("/proc/self/exe", argv);
      tranche_allocator_restart_failed ();
    }
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE.json\n", argv[0]);
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  tranche_i18n_init ();
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-window: no display\n");
      return 77;
    }
  adw_init ();

  b.window = tranche_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (b.window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (b.window)))
    g_main_context_iteration (NULL, TRUE);
  /* the window settles on its empty page first */
  for (gint64 until = g_get_monotonic_time () + 300000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (b.window));
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  g_signal_connect_swapped (tranche_window_get_session (b.window), "notify::dataset",
                            G_CALLBACK (dataset_cb), &b);
  /* keep frames coming, as an animation would, so the first one after the
   * dataset is not waiting for a reason to draw */
  gdk_frame_clock_begin_updating (clock);

  file = g_file_new_for_commandline_arg (argv[1]);
  b.opened = b.last_tick = g_get_monotonic_time ();
  b.last_cpu = thread_cpu_us ();
  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, &b, NULL);
  tranche_window_open_file (b.window, file);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);
  gdk_frame_clock_end_updating (clock);

  printf ("window first_frame_s %.3f stall_ms %.0f stall_after_ms %.0f busy_ms %.0f "
          "swap_cpu_ms %.0f frame_cpu_ms %.0f peak_rss_mib %.1f events %u\n",
          (b.first_frame - b.opened) / 1e6, b.stall / 1e3, b.stall_after / 1e3, b.busy / 1e3,
          b.swap_cpu / 1e3, b.frame_cpu / 1e3,
          peak_rss_mib (),
          tranche_dataset_get_n_events (tranche_window_get_dataset (b.window)));
  gtk_window_destroy (GTK_WINDOW (b.window));
  return 0;
}
