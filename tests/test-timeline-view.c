/* test-timeline-view.c: the interactive timeline, driven as a user drives it
 *
 * Input goes through the X server where it matters: under Xvfb, xdotool
 * (XTest) moves the pointer, turns the wheel with Ctrl held and presses keys,
 * so the real event path runs — GDK, the widget's scroll controller and key
 * bindings, tranche-time-gestures, the shared viewport. GTK 4 can't make a
 * GdkEvent, and calling the gesture code directly would skip exactly what
 * can break (the pointer position the zoom is anchored at, the Ctrl state).
 * Without xdotool the key tests activate the actions the keys are bound to
 * and the pointer-zoom tests are skipped.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "gui-test-util.h"
#include "tranche-chart-private.h"
#include "tranche-enums.h"
#include "tranche-loader.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"

typedef struct
{
  GtkWidget           *window;
  TrancheTimelineView *view;
  TrancheViewport     *viewport;
  TrancheDataset      *dataset;
} Fixture;

static TrancheDataset *
load_sample (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *ds;

  g_assert_nonnull (bytes);
  ds = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, 13);
  return ds;
}

static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
}

/* Runs `xdotool ARGS` (shell-quoted); fails the test if it fails. What GTK
 * has asked of the X server is flushed first, so xdotool sees it. */
static void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_auto(GStrv) argv = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  gdk_display_sync (gdk_display_get_default ());
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s (%s)", command, error->message, err);
}

/* The X window of the toplevel holding `widget`. */
static gulong
xid_of (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return (gulong) gdk_x11_surface_get_xid (surface);
}

/* Where a point of `widget` is in its toplevel X window (the surface), as
 * xdotool's --window coordinates want it. */
static void
widget_to_surface (GtkWidget *widget,
                   double     x,
                   double     y,
                   int       *sx,
                   int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (native, &tx, &ty);
  *sx = (int) round (p.x + tx);
  *sy = (int) round (p.y + ty);
}

/* Moves the pointer over `widget` at (x, y) and waits until the widget has
 * seen it: the viewport then knows the pointer's day. */
static void
move_pointer (GtkWidget       *widget,
              TrancheViewport *viewport,
              double           x,
              double           y)
{
  g_autofree char *away = NULL;
  g_autofree char *there = NULL;
  int sx, sy;

  widget_to_surface (widget, x, y, &sx, &sy);
  /* Elsewhere first, so even a pointer already there sends a motion. */
  away = g_strdup_printf ("mousemove --window %lu 1 1", xid_of (widget));
  there = g_strdup_printf ("mousemove --window %lu %d %d", xid_of (widget), sx, sy);
  xdotool (away);
  xdotool (there);
  wait_for (!isnan (tranche_viewport_get_pointer_day (viewport)));
}

/* Gives the window the keyboard (there is no window manager under Xvfb). */
static void
focus_window (GtkWidget *window)
{
  g_autofree char *args = g_strdup_printf ("windowfocus %lu", xid_of (window));

  xdotool (args);
  wait_for (gtk_window_is_active (GTK_WINDOW (window)));
}

/* A key as the user presses it; without xdotool, the action it is bound to
 * (with an int parameter, or none when `action` ends in "fit"). */
static void
press (Fixture    *f,
       const char *keysym,
       const char *action,
       int         parameter)
{
  if (have_xdotool ())
    {
      g_autofree char *args = g_strdup_printf ("key --clearmodifiers %s", keysym);
      xdotool (args);
    }
  else if (g_str_has_suffix (action, "fit"))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, "i", parameter));
}

static gboolean
get_scale (TrancheViewport  *viewport,
           TrancheTimeScale *scale)
{
  TrancheDay first, end;
  double x, width;

  if (!tranche_viewport_get_range (viewport, &first, &end)
      || !tranche_viewport_get_plot (viewport, &x, &width))
    return FALSE;
  tranche_time_scale_init (scale, first, end, x, width);
  return TRUE;
}

static double
span (TrancheViewport *viewport)
{
  TrancheDay first, end;

  g_assert_true (tranche_viewport_get_range (viewport, &first, &end));
  return end - first;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dataset = load_sample ();
  f->viewport = tranche_viewport_new ();
  f->view = TRANCHE_TIMELINE_VIEW (tranche_timeline_view_new ());
  tranche_timeline_view_set_viewport (f->view, f->viewport);
  tranche_timeline_view_set_dataset (f->view, f->dataset);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 560);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  /* The first allocation fits every event; the first frame sets the plot. */
  gui_test_wait_frames (GTK_WIDGET (f->view), 2);
  wait_for (tranche_viewport_get_plot (f->viewport, NULL, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_test_iterate ();
  g_clear_object (&f->viewport);
  g_clear_pointer (&f->dataset, tranche_dataset_unref);
}

/* Zoom */

/* One Ctrl+wheel notch at the pointer; `in` turns the wheel up. */
static void
ctrl_wheel (Fixture *f,
            gboolean in)
{
  g_autofree char *args = g_strdup_printf ("keydown ctrl click %d keyup ctrl", in ? 4 : 5);

  xdotool (args);
}

static void
test_zoom_at_pointer (Fixture       *f,
                      gconstpointer  data)
{
  TrancheTimeScale before, after;
  double plot_x, plot_width, pointer_x;
  TrancheDay day;

  if (!have_xdotool ())
    {
      g_test_skip ("xdotool is needed to turn the wheel through the X server");
      return;
    }
  g_assert_true (get_scale (f->viewport, &before));
  g_assert_true (tranche_viewport_get_plot (f->viewport, &plot_x, &plot_width));
  /* Well off-centre, so a zoom about the middle would move it a lot. */
  pointer_x = round (plot_x + plot_width * 0.23);
  move_pointer (GTK_WIDGET (f->view), f->viewport, pointer_x,
                gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0);
  day = tranche_viewport_get_pointer_day (f->viewport);
  /* The pointer is where we put it: its day is the one at that x. */
  g_assert_cmpfloat (fabs (tranche_time_scale_day_to_x (&before, day) - pointer_x), <=, 1.0);

  for (guint notch = 0; notch < 3; notch++)
    {
      double old_span = span (f->viewport);

      ctrl_wheel (f, TRUE);
      wait_for (span (f->viewport) < old_span * 0.99);
      g_assert_true (get_scale (f->viewport, &after));
      /* The pointer's date has not moved under it. */
      g_assert_cmpfloat (fabs (tranche_time_scale_day_to_x (&after, day) - pointer_x), <=, 1.0);
    }
  /* Zoomed in for real: each notch is 15%. */
  g_assert_cmpfloat (tranche_time_scale_span (&after), <, tranche_time_scale_span (&before) * 0.7);

  /* And back out, still about the pointer. */
  for (guint notch = 0; notch < 2; notch++)
    {
      double old_span = span (f->viewport);

      ctrl_wheel (f, FALSE);
      wait_for (span (f->viewport) > old_span * 1.01);
      g_assert_true (get_scale (f->viewport, &after));
      g_assert_cmpfloat (fabs (tranche_time_scale_day_to_x (&after, day) - pointer_x), <=, 1.0);
    }

  /* The timeline draws what the viewport says. */
  gui_test_wait_frames (GTK_WIDGET (f->view), 2);
  g_assert_true (tranche_time_scale_equal (tranche_timeline_layout_get_scale (
                                             tranche_timeline_view_get_layout (f->view)),
                                           &after));
}

static void
test_wheel_without_ctrl_pans (Fixture       *f,
                              gconstpointer  data)
{
  TrancheTimeScale before, after;

  if (!have_xdotool ())
    {
      g_test_skip ("xdotool is needed to turn the wheel through the X server");
      return;
    }
  g_assert_true (get_scale (f->viewport, &before));
  move_pointer (GTK_WIDGET (f->view), f->viewport, before.x + before.width / 2,
                gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0);
  xdotool ("click 5");
  wait_for (get_scale (f->viewport, &after) && after.first != before.first);
  /* A pan: the span is the same, only the range moved. */
  g_assert_cmpfloat (fabs (tranche_time_scale_span (&after) - tranche_time_scale_span (&before)),
                     <, 1e-6 * tranche_time_scale_span (&before));
}

/* Keyboard and selection */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_keys_step_selection (Fixture       *f,
                          gconstpointer  data)
{
  const int next = 1, previous = -1;
  guint notified = 0;
  guint8 hide_2019[13];
  g_autoptr(GBytes) mask = NULL;

  if (have_xdotool ())
    focus_window (f->window);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));
  g_signal_connect (f->view, "notify::selected", G_CALLBACK (count_notify_cb), &notified);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==, -1);

  /* Nothing selected: Right takes the first event in view, the earliest. */
  press (f, "Right", "timeline.select-step", next);
  wait_for (notified == 1);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "musk-leaves-2018"));
  press (f, "Right", "timeline.select-step", next);
  wait_for (notified == 2);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "msft-2019"));
  press (f, "Right", "timeline.select-step", next);
  wait_for (notified == 3);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "msft-2021"));
  press (f, "Left", "timeline.select-step", previous);
  wait_for (notified == 4);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "msft-2019"));
  press (f, "Left", "timeline.select-step", previous);
  wait_for (notified == 5);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==, 0);

  /* At the first event Left changes nothing, and says nothing. A key
   * pressed after it proves it was handled before we look. */
  press (f, "Left", "timeline.select-step", previous);
  press (f, "Right", "timeline.select-step", next);
  wait_for (notified == 6);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==, 1);
  gui_test_iterate ();
  g_assert_cmpuint (notified, ==, 6);

  /* Hidden events are stepped over. */
  memset (hide_2019, 1, sizeof hide_2019);
  hide_2019[gui_test_event_index (f->dataset, "msft-2021")] = 0;
  mask = g_bytes_new (hide_2019, sizeof hide_2019);
  tranche_timeline_view_set_mask (f->view, mask);
  press (f, "Right", "timeline.select-step", next);
  wait_for (notified == 7);
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "msft-2023"));

  /* Setting what is already selected is no change. */
  tranche_timeline_view_set_selected (f->view, tranche_timeline_view_get_selected (f->view));
  g_assert_cmpuint (notified, ==, 7);
  tranche_timeline_view_set_selected (f->view, -1);
  g_assert_cmpuint (notified, ==, 8);
  g_object_set (f->view, "selected", 4, NULL);
  g_assert_cmpuint (notified, ==, 9);
  g_object_set (f->view, "selected", 4, NULL);
  g_assert_cmpuint (notified, ==, 9);
}

/* A mask made for another dataset (the dataset and mask are set apart) is
 * never indexed: it reads as "every event shown". It once was read past
 * its end. */
static void
test_mask_of_other_dataset (Fixture       *f,
                            gconstpointer  data)
{
  static const guint8 hide_both[2] = { 0, 0 };
  g_autoptr(GBytes) mask = g_bytes_new_static (hide_both, sizeof hide_both);

  tranche_timeline_view_set_mask (f->view, mask);
  gui_test_wait_frames (GTK_WIDGET (f->view), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-step", "i",
                                             1));
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "musk-leaves-2018"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-step", "i",
                                             1));
  g_assert_cmpint (tranche_timeline_view_get_selected (f->view), ==,
                   gui_test_event_index (f->dataset, "msft-2019"));
}

static void
test_keys_zoom_and_fit (Fixture       *f,
                        gconstpointer  data)
{
  TrancheTimelineLayout *layout = tranche_timeline_view_get_layout (f->view);
  TrancheDay fit_first, fit_end;
  const char *fit_keys[] = { "Home", "0" };
  double fit_span;

  if (have_xdotool ())
    focus_window (f->window);
  g_assert_true (tranche_viewport_get_range (f->viewport, &fit_first, &fit_end));
  fit_span = fit_end - fit_first;

  for (guint k = 0; k < G_N_ELEMENTS (fit_keys); k++)
    {
      TrancheDay first, end;

      /* + zooms in (animated: wait for where it is going). */
      press (f, "plus", "timeline.zoom", 1);
      press (f, "plus", "timeline.zoom", 1);
      wait_for (span (f->viewport) < fit_span / 2);
      gui_test_wait_frames (GTK_WIDGET (f->view), 2);
      /* Some events are out of view now. */
      {
        TrancheTimelineHit hit;
        guint drawn = 0;

        for (guint i = 0; i < 13; i++)
          drawn += tranche_timeline_layout_find_event (layout, i, &hit);
        g_assert_cmpuint (drawn, <, 13);
      }

      /* Home and 0 fit all: the range the first show had, every event drawn. */
      press (f, fit_keys[k], "timeline.fit", 0);
      wait_for (tranche_viewport_get_range (f->viewport, &first, &end)
                && fabs (first - fit_first) < 1e-6 * fit_span
                && fabs (end - fit_end) < 1e-6 * fit_span);
      gui_test_wait_frames (GTK_WIDGET (f->view), 2);
      for (guint i = 0; i < 13; i++)
        {
          TrancheTimelineHit hit;
          g_assert_true (tranche_timeline_layout_find_event (layout, i, &hit));
        }
    }
}

/* One time axis in the window */

static gboolean
scales_close (const TrancheTimeScale *a,
              const TrancheTimeScale *b)
{
  double tolerance = 1e-9 * (a->end - a->first);

  return fabs (a->first - b->first) <= tolerance && fabs (a->end - b->end) <= tolerance
         && fabs (a->x - b->x) < 1e-6 && fabs (a->width - b->width) < 1e-6;
}

/* Whether both lower charts were last drawn with the timeline's scale. */
static gboolean
charts_follow (TrancheWindow *window)
{
  const TrancheTimeScale *timeline =
    tranche_timeline_layout_get_scale (tranche_timeline_view_get_layout (
                                         tranche_window_get_timeline (window)));
  TrancheTimeScale valuation, cumulative;

  return tranche_chart_view_get_scale (tranche_window_get_chart (window, TRANCHE_CHART_VALUATION),
                                       &valuation)
         && tranche_chart_view_get_scale (tranche_window_get_chart (window,
                                                                    TRANCHE_CHART_CUMULATIVE),
                                          &cumulative)
         && scales_close (timeline, &valuation) && scales_close (timeline, &cumulative);
}

static double
timeline_span (TrancheWindow *window)
{
  return tranche_time_scale_span (tranche_timeline_layout_get_scale (
                                    tranche_timeline_view_get_layout (
                                      tranche_window_get_timeline (window))));
}

static void
test_zoom_moves_charts (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  TrancheChartView *valuation = tranche_window_get_chart (window, TRANCHE_CHART_VALUATION);
  TrancheChartView *cumulative = tranche_window_get_chart (window, TRANCHE_CHART_CUMULATIVE);
  TrancheTimeScale scale;
  double fitted;
  guint event;

  tranche_window_open_sample (window);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (valuation))
            && gtk_widget_get_mapped (GTK_WIDGET (cumulative)));
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  wait_for (charts_follow (window));
  fitted = timeline_span (window);

  /* Zoom in the timeline: both charts follow, to the day and the pixel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "i", 1));
  /* + zooms by 1.5, animated: wait for where it goes. */
  wait_for (fabs (timeline_span (window) - fitted / 1.5) < 1e-6 * fitted
            && charts_follow (window));
  g_assert_true (tranche_chart_view_get_scale (valuation, &scale));
  g_assert_cmpfloat (tranche_time_scale_span (&scale), <, fitted / 1.4);
  /* One day, one x in all three. */
  event = gui_test_event_index (tranche_window_get_dataset (window), "msft-2023");
  {
    TrancheDay day = tranche_date_middle_day (
      &tranche_dataset_get_event (tranche_window_get_dataset (window), event)->date);
    const TrancheTimeScale *t = tranche_timeline_layout_get_scale (
      tranche_timeline_view_get_layout (timeline));
    TrancheTimeScale c;

    g_assert_true (tranche_chart_view_get_scale (cumulative, &c));
    g_assert_cmpfloat (fabs (tranche_time_scale_day_to_x (t, day)
                             - tranche_time_scale_day_to_x (&c, day)), <, 0.01);
  }

  gui_test_destroy_window (window);
}

/* And the other way: a Ctrl+wheel over the valuation chart moves the
 * timeline and the cumulative chart. */
static void
test_wheel_on_chart_moves_timeline (void)
{
  TrancheWindow *window;
  TrancheTimelineView *timeline;
  TrancheChartView *valuation, *cumulative;
  TrancheViewport *viewport;
  double fitted, plot_x, plot_width;

  if (!have_xdotool ())
    {
      g_test_skip ("xdotool is needed to turn the wheel through the X server");
      return;
    }
  window = gui_test_new_window ();
  timeline = tranche_window_get_timeline (window);
  valuation = tranche_window_get_chart (window, TRANCHE_CHART_VALUATION);
  cumulative = tranche_window_get_chart (window, TRANCHE_CHART_CUMULATIVE);
  viewport = tranche_timeline_view_get_viewport (timeline);
  tranche_window_open_sample (window);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (valuation))
            && gtk_widget_get_mapped (GTK_WIDGET (cumulative)));
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  wait_for (charts_follow (window));
  fitted = timeline_span (window);

  g_assert_true (tranche_viewport_get_plot (viewport, &plot_x, &plot_width));
  move_pointer (GTK_WIDGET (valuation), viewport, plot_x + plot_width * 0.7,
                gtk_widget_get_height (GTK_WIDGET (valuation)) / 2.0);
  for (guint notch = 0; notch < 2; notch++)
    {
      double before = span (viewport);

      xdotool ("keydown ctrl click 4 keyup ctrl");
      wait_for (span (viewport) < before * 0.99);
    }
  /* Two notches of 15%. */
  wait_for (fabs (timeline_span (window) - fitted / (1.15 * 1.15)) < 1e-6 * fitted
            && charts_follow (window));
  gui_test_destroy_window (window);
}

/* The lane mode is an enum property whose nicks are the settings' own
 * (org.tranche.Tranche.LaneGrouping), so the two can be bound directly. */
static void
test_lane_mode_property (void)
{
  GtkWidget *view = g_object_ref_sink (tranche_timeline_view_new ());
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (view), "lane-mode");
  GEnumClass *modes = g_type_class_ref (TRANCHE_TYPE_LANE_MODE);
  const char *nicks[] = { "pair", "target", "investor" };
  TrancheLaneMode mode = TRANCHE_LANES_BY_PAIR;

  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == TRANCHE_TYPE_LANE_MODE);
  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      g_settings_set_string (settings, "lane-grouping", nicks[i]);
      g_assert_cmpint (g_settings_get_enum (settings, "lane-grouping"), ==,
                       g_enum_get_value_by_nick (modes, nicks[i])->value);
    }
  g_settings_bind (settings, "lane-grouping", view, "lane-mode", G_SETTINGS_BIND_GET);
  g_settings_set_string (settings, "lane-grouping", "target");
  g_object_get (view, "lane-mode", &mode, NULL);
  g_assert_cmpint (mode, ==, TRANCHE_LANES_BY_TARGET);
  g_settings_reset (settings, "lane-grouping");
  g_object_get (view, "lane-mode", &mode, NULL);
  g_assert_cmpint (mode, ==, TRANCHE_LANES_BY_PAIR);
  g_settings_unbind (view, "lane-mode");
  g_object_unref (view);
  g_type_class_unref (modes);
}

/* The window binds its selection to the timeline both ways: a selection
 * made elsewhere (the table) reaches the timeline as one notification. */
/* Moving the pointer over the window moves the charts' crosshair: each
 * chart paints its overlay again, and lays nothing out. */
static void
test_pointer_moves_crosshair_only (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  TrancheViewport *viewport = tranche_timeline_view_get_viewport (timeline);
  TrancheChartView *views[] = {
    tranche_window_get_chart (window, TRANCHE_CHART_VALUATION),
    tranche_window_get_chart (window, TRANCHE_CHART_CUMULATIVE),
  };
  guint layouts[G_N_ELEMENTS (views)];
  TrancheTimeScale scale;

  tranche_window_open_sample (window);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (views[0]))
            && gtk_widget_get_mapped (GTK_WIDGET (views[1])));
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  wait_for (charts_follow (window));
  g_assert_true (tranche_chart_view_get_scale (views[0], &scale));
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      layouts[v] = tranche_chart_get_n_layouts (tranche_chart_view_get_chart (views[v]));
      g_assert_cmpuint (layouts[v], >, 0);
    }

  for (guint step = 1; step <= 10; step++)
    {
      TrancheDay day = scale.first + (scale.end - scale.first) * step / 11.0;
      guint overlays[G_N_ELEMENTS (views)];

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        overlays[v] = tranche_chart_get_n_overlays (tranche_chart_view_get_chart (views[v]));
      tranche_viewport_set_pointer_day (viewport, day);
      wait_for (tranche_chart_get_n_overlays (tranche_chart_view_get_chart (views[0]))
                  > overlays[0]
                && tranche_chart_get_n_overlays (tranche_chart_view_get_chart (views[1]))
                     > overlays[1]);
    }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    g_assert_cmpuint (tranche_chart_get_n_layouts (tranche_chart_view_get_chart (views[v])),
                      ==, layouts[v]);
  tranche_viewport_set_pointer_day (viewport, NAN);
  gui_test_destroy_window (window);
}

static void
test_selection_from_table_notifies_once (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  guint notified = 0;
  guint event;

  tranche_window_open_sample (window);
  /* From one selection to another: a clear on the way would show. */
  tranche_window_set_selected (window, gui_test_event_index (tranche_window_get_dataset (window),
                                                             "msft-2019"));
  g_signal_connect (timeline, "notify::selected", G_CALLBACK (count_notify_cb), &notified);
  event = gui_test_event_index (tranche_window_get_dataset (window), "msft-2021");
  tranche_event_table_set_selected (tranche_window_get_table (window), event);
  g_assert_cmpint (tranche_timeline_view_get_selected (timeline), ==, event);
  gui_test_iterate ();
  g_assert_cmpuint (notified, ==, 1);
  /* And the timeline's own step reaches the table. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.select-step",
                                             "i", 1));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (tranche_event_table_get_selected (tranche_window_get_table (window)), ==,
                   gui_test_event_index (tranche_window_get_dataset (window), "msft-2023"));
  gui_test_destroy_window (window);
}

/* The key of the scene lane `lane`, after the view's next frames. */
static char *
lane_key (TrancheTimelineView *timeline,
          guint                lane)
{
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  return tranche_timeline_layout_get_lane_key (tranche_timeline_view_get_layout (timeline),
                                               lane);
}

static guint
n_pinnable_lanes (TrancheTimelineView *timeline)
{
  TrancheTimelineLayout *layout = tranche_timeline_view_get_layout (timeline);
  guint n = 0;

  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (layout); i++)
    n += tranche_timeline_layout_get_lane (layout, i)->kind != TRANCHE_LANE_NEWS;
  return n;
}

static void
choose_from_lane_menu (TrancheTimelineView *timeline,
                       guint                lane,
                       const char          *action)
{
  TrancheTimelineLayout *layout = tranche_timeline_view_get_layout (timeline);
  const TrancheTimelineLane *scene_lane;

  /* The lanes as the last change left them. */
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  scene_lane = tranche_timeline_layout_get_lane (layout, lane);
  g_assert_true (tranche_timeline_view_popup_lane_menu (timeline, lane, scene_lane->header.x,
                                                        scene_lane->header.y));
  wait_for (gtk_widget_get_mapped (tranche_timeline_view_get_lane_menu (timeline)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), action, NULL));
  gtk_popover_popdown (GTK_POPOVER (tranche_timeline_view_get_lane_menu (timeline)));
}

/* Pin to Top, Move Up and Unpin from a lane's menu reorder the lanes, and
 * the order comes back when the file is opened again. */
static void
test_pin_lanes (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "helio.json", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "histories",
                                                    "helio.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL, *second = NULL, *key = NULL;
  g_autoptr(GFile) file = NULL;
  TrancheWindow *window;
  TrancheTimelineView *timeline;
  guint n;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  gui_test_write_file (path, text, FALSE);
  file = g_file_new_for_path (path);
  window = gui_test_new_window ();
  timeline = tranche_window_get_timeline (window);
  gui_test_open_and_wait (window, file);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  /* the lanes exist once the view has laid out the dataset */
  wait_for (n_pinnable_lanes (timeline) >= 3);
  n = n_pinnable_lanes (timeline);

  /* The last lane pinned goes first; then the one before it, on top of it. */
  first = lane_key (timeline, n - 1);
  choose_from_lane_menu (timeline, n - 1, "lane.pin-top");
  key = lane_key (timeline, 0);
  g_assert_cmpstr (key, ==, first);
  g_clear_pointer (&key, g_free);
  /* It says so: its dot is ringed, the next lane's is not. */
  g_assert_true (tranche_timeline_layout_get_lane (tranche_timeline_view_get_layout (timeline),
                                                   0)->pinned);
  g_assert_false (tranche_timeline_layout_get_lane (tranche_timeline_view_get_layout (timeline),
                                                    1)->pinned);
  second = lane_key (timeline, n - 1);
  choose_from_lane_menu (timeline, n - 1, "lane.pin-top");
  key = lane_key (timeline, 0);
  g_assert_cmpstr (key, ==, second);
  g_clear_pointer (&key, g_free);
  /* Move Up on the second pinned lane puts it back first. */
  choose_from_lane_menu (timeline, 1, "lane.move-up");
  key = lane_key (timeline, 0);
  g_assert_cmpstr (key, ==, first);
  g_clear_pointer (&key, g_free);
  /* The first can't move up: nothing changes. */
  g_assert_true (tranche_timeline_view_popup_lane_menu (timeline, 0, 10, 10));
  gtk_widget_activate_action (GTK_WIDGET (timeline), "lane.move-up", NULL);
  gtk_popover_popdown (GTK_POPOVER (tranche_timeline_view_get_lane_menu (timeline)));
  g_assert_false (tranche_timeline_view_pin_lane (timeline, 0, TRANCHE_LANE_PIN_UP));
  key = lane_key (timeline, 0);
  g_assert_cmpstr (key, ==, first);
  g_clear_pointer (&key, g_free);
  gui_test_destroy_window (window);

  /* Opened again: the same lanes pinned, in the same order. */
  window = gui_test_new_window ();
  timeline = tranche_window_get_timeline (window);
  gui_test_open_and_wait (window, file);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  wait_for (n_pinnable_lanes (timeline) >= 3);
  g_assert_cmpuint (tranche_timeline_view_get_pins (timeline)->len, ==, 2);
  key = lane_key (timeline, 0);
  g_assert_cmpstr (key, ==, first);
  g_clear_pointer (&key, g_free);
  key = lane_key (timeline, 1);
  g_assert_cmpstr (key, ==, second);
  g_clear_pointer (&key, g_free);

  /* From the keyboard (Menu, Shift+F10) the lane menu opens too. */
  g_assert_null (tranche_timeline_view_get_lane_menu (timeline));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "lane.menu", NULL));
  wait_for (gtk_widget_get_mapped (tranche_timeline_view_get_lane_menu (timeline)));
  gtk_popover_popdown (GTK_POPOVER (tranche_timeline_view_get_lane_menu (timeline)));

  /* Unpinned, both are forgotten for this file. */
  choose_from_lane_menu (timeline, 0, "lane.unpin");
  choose_from_lane_menu (timeline, 0, "lane.unpin");
  g_assert_cmpuint (tranche_timeline_view_get_pins (timeline)->len, ==, 0);
  {
    g_autoptr(GPtrArray) kept = tranche_lane_pins_load (path);
    g_assert_cmpuint (kept->len, ==, 0);
  }
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* The bundled sample has no file, yet its pinned lanes come back as a
 * file's do. */
static void
test_pin_sample_lanes (void)
{
  g_autofree char *key = NULL;
  g_autofree char *again = NULL;
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  guint n;

  tranche_window_open_sample (window);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  wait_for (n_pinnable_lanes (timeline) >= 2);
  n = n_pinnable_lanes (timeline);
  key = lane_key (timeline, n - 1);
  choose_from_lane_menu (timeline, n - 1, "lane.pin-top");
  g_assert_cmpuint (tranche_timeline_view_get_pins (timeline)->len, ==, 1);
  gui_test_destroy_window (window);

  window = gui_test_new_window ();
  timeline = tranche_window_get_timeline (window);
  tranche_window_open_sample (window);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  wait_for (n_pinnable_lanes (timeline) >= 2);
  g_assert_cmpuint (tranche_timeline_view_get_pins (timeline)->len, ==, 1);
  again = lane_key (timeline, 0);
  g_assert_cmpstr (again, ==, key);
  /* unpinned, it is forgotten: other tests see the sample as shipped */
  choose_from_lane_menu (timeline, 0, "lane.unpin");
  g_assert_cmpuint (tranche_timeline_view_get_pins (timeline)->len, ==, 0);
  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  if (!have_xdotool ())
    g_test_message ("xdotool not found: keys go through their actions, wheel tests skip");
  g_test_add ("/timeline/zoom/at-pointer", Fixture, NULL, fixture_set_up, test_zoom_at_pointer,
              fixture_tear_down);
  g_test_add ("/timeline/zoom/wheel-pans", Fixture, NULL, fixture_set_up,
              test_wheel_without_ctrl_pans, fixture_tear_down);
  g_test_add ("/timeline/keys/step-selection", Fixture, NULL, fixture_set_up,
              test_keys_step_selection, fixture_tear_down);
  g_test_add ("/timeline/mask/other-dataset", Fixture, NULL, fixture_set_up,
              test_mask_of_other_dataset, fixture_tear_down);
  g_test_add ("/timeline/keys/zoom-and-fit", Fixture, NULL, fixture_set_up,
              test_keys_zoom_and_fit, fixture_tear_down);
  g_test_add_func ("/timeline/window/zoom-moves-charts", test_zoom_moves_charts);
  g_test_add_func ("/timeline/window/pointer-moves-crosshair-only",
                   test_pointer_moves_crosshair_only);
  g_test_add_func ("/timeline/window/wheel-on-chart-moves-timeline",
                   test_wheel_on_chart_moves_timeline);
  g_test_add_func ("/timeline/lane-mode/enum-property", test_lane_mode_property);
  g_test_add_func ("/timeline/window/selection-notifies-once",
                   test_selection_from_table_notifies_once);
  g_test_add_func ("/timeline/window/pin-lanes", test_pin_lanes);
  g_test_add_func ("/timeline/window/pin-sample-lanes", test_pin_sample_lanes);
  return g_test_run ();
}
