/* test-timeline-render.c: what the painter and the exports put on the pixels */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tranche-dataset-builder.h"
#include "tranche-export.h"
#include "tranche-timeline-painter.h"

#define WIDTH  1200
#define HEIGHT 700

static TrancheDay
ymd (int y,
     int m,
     int d)
{
  return tranche_day_from_ymd (y, m, d);
}

/* One investor in a colour of its own, one big round on a known day. */
static TrancheDataset *
make_dataset (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  TrancheEntity fund = { .id = "fund", .name = "Fund", .kind = TRANCHE_ENTITY_INVESTOR,
                         .has_color = TRUE, .color = 0xd55e00 };
  TrancheEvent ev = { 0 };
  guint32 investor;

  tranche_dataset_builder_add_entity (b, &fund);
  investor = tranche_dataset_builder_ensure_entity (b, "fund");
  ev.id = "big";
  ev.title = "Big round";
  ev.kind = TRANCHE_EVENT_INVESTMENT;
  ev.date = tranche_date_from_day (2021, 7, 1);
  ev.target = tranche_dataset_builder_ensure_entity (b, "startup");
  ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.amount.value = 5e9;
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, NULL, 0, NULL, 0);
  ev.id = "small";
  ev.title = "Small round";
  ev.date = tranche_date_from_day (2019, 2, 1);
  ev.amount.value = 2e8;
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, NULL, 0, NULL, 0);
  tranche_dataset_builder_set_title (b, "Render test");
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static TrancheTimelineLayout *
make_layout (TrancheDataset      *ds,
             TrancheThemeVariant  variant)
{
  TrancheTimelineLayout *layout = tranche_timeline_layout_new ();
  TrancheTheme theme;

  tranche_theme_init (&theme, variant, 1);
  tranche_timeline_layout_set_theme (layout, &theme);
  tranche_timeline_layout_set_today (layout, ymd (2022, 6, 1));
  tranche_timeline_layout_set_show_title (layout, TRUE);
  tranche_timeline_layout_set_dataset (layout, ds);
  tranche_timeline_layout_update (layout, WIDTH, HEIGHT, ymd (2018, 1, 1), ymd (2024, 1, 1));
  return layout;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static void
assert_color_near (guint32      pixel,
                   TrancheColor expected,
                   int          tolerance)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  g_assert_cmpint ((pixel >> 24) & 0xff, ==, 0xff);
  g_assert_cmpint (ABS (r - (int) round (expected.red * 255)), <=, tolerance);
  g_assert_cmpint (ABS (g - (int) round (expected.green * 255)), <=, tolerance);
  g_assert_cmpint (ABS (b - (int) round (expected.blue * 255)), <=, tolerance);
}

/* The painter fills markers at 92% over the lane: what that gives on a
 * background of `under`. */
static TrancheColor
marker_color_over (TrancheColor under)
{
  return tranche_color_mix (under, tranche_color_from_rgb (0xd55e00, 1), 0.92);
}

static const TrancheTimelineMarker *
find_marker (TrancheTimelineLayout *layout,
             TrancheDataset        *ds,
             const char            *id)
{
  TrancheTimelineHit hit;

  g_assert_true (tranche_timeline_layout_find_event (layout, tranche_dataset_find_event (ds, id),
                                                     &hit));
  g_assert_cmpint (hit.kind, ==, TRANCHE_HIT_MARKER);
  return tranche_timeline_layout_get_marker (layout, hit.index);
}

static void
test_marker_colour_at_its_date (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  const TrancheThemeVariant variants[] = { TRANCHE_THEME_LIGHT, TRANCHE_THEME_DARK };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(TrancheTimelineLayout) layout = make_layout (ds, variants[v]);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      const TrancheTimelineMarker *m = find_marker (layout, ds, "big");
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (layout, m->lane);
      const TrancheTheme *theme = tranche_timeline_layout_get_theme (layout);
      TrancheDay day = ymd (2021, 7, 1) + 0.5;
      double x = tranche_time_scale_day_to_x (tranche_timeline_layout_get_scale (layout), day);
      TrancheColor under = m->lane % 2 == 0 ? theme->lane_stripe : theme->background;

      tranche_timeline_painter_paint (layout, cr, -1, -1, NAN);
      cairo_destroy (cr);

      /* the marker sits where its date falls, in its investor's colour */
      g_assert_cmpfloat_with_epsilon (m->x, x, 1e-9);
      g_assert_cmpfloat (m->y, >, lane->y);
      assert_color_near (pixel_at (surface, (int) x, (int) m->y), marker_color_over (under), 3);
      /* a little left of the marker's edge is no longer the marker */
      {
        guint32 outside = pixel_at (surface, (int) (x - m->radius - 4), (int) m->y);
        assert_color_near (outside, under, 3);
      }
      /* the corner is the theme's background */
      assert_color_near (pixel_at (surface, 2, 2), theme->background, 1);
      cairo_surface_destroy (surface);
    }
}

static void
test_nothing_outside_the_canvas (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheTimelineLayout) layout = make_layout (ds, TRANCHE_THEME_LIGHT);
  const int margin = 80;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH + 2 * margin,
                                                         HEIGHT + 2 * margin);
  cairo_t *cr = cairo_create (surface);
  const guint32 sentinel = 0xff00ff00;
  guint n_canvas_changed = 0;

  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_paint (cr);
  /* a highlight and the crosshair too: they are the likeliest to spill */
  cairo_translate (cr, margin, margin);
  tranche_timeline_painter_paint (layout, cr, 0, 1, ymd (2019, 1, 1));
  cairo_destroy (cr);

  for (int y = 0; y < HEIGHT + 2 * margin; y++)
    for (int x = 0; x < WIDTH + 2 * margin; x++)
      {
        gboolean inside = x >= margin && x < margin + WIDTH && y >= margin && y < margin + HEIGHT;
        guint32 pixel = pixel_at (surface, x, y);
        if (!inside)
          {
            if (pixel != sentinel)
              g_error ("pixel %d,%d outside the canvas was painted: %08x", x, y, pixel);
          }
        else if (pixel != sentinel)
          n_canvas_changed++;
      }
  /* and the canvas itself was painted over entirely */
  g_assert_cmpuint (n_canvas_changed, ==, WIDTH * HEIGHT);
  cairo_surface_destroy (surface);
}

static void
test_png_reads_back (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheTimelineLayout) layout = make_layout (ds, TRANCHE_THEME_LIGHT);
  g_autofree char *dir = g_dir_make_tmp ("tranche-render-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.png", NULL);
  const double scales[] = { 1, 2 };
  const TrancheTimelineMarker *m = find_marker (layout, ds, "big");
  const TrancheTheme *theme = tranche_timeline_layout_get_theme (layout);
  TrancheColor under = m->lane % 2 == 0 ? theme->lane_stripe : theme->background;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *read;

      g_assert_true (tranche_export_layout (layout, path, scales[i], &error));
      g_assert_no_error (error);
      read = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (read), ==, WIDTH * scales[i]);
      g_assert_cmpint (cairo_image_surface_get_height (read), ==, HEIGHT * scales[i]);
      assert_color_near (pixel_at (read, (int) (m->x * scales[i]), (int) (m->y * scales[i])),
                         marker_color_over (under), 3);
      cairo_surface_destroy (read);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_png_unpremultiplies (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tranche-render-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "alpha.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 1);
  cairo_surface_t *read;
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  /* half-transparent orange, then fully transparent, then opaque blue */
  cairo_rectangle (cr, 0, 0, 2, 1);
  cairo_set_source_rgba (cr, 0xd5 / 255.0, 0x5e / 255.0, 0, 0.5);
  cairo_fill (cr);
  cairo_rectangle (cr, 3, 0, 1, 1);
  cairo_set_source_rgb (cr, 0, 0x72 / 255.0, 0xb2 / 255.0);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_assert_true (tranche_export_write_png (surface, path, &error));
  g_assert_no_error (error);
  read = cairo_image_surface_create_from_png (path);
  /* cairo premultiplies again on reading: the round trip is exact to
   * rounding */
  for (int x = 0; x < 4; x++)
    {
      guint32 a = pixel_at (surface, x, 0), b = pixel_at (read, x, 0);
      for (int shift = 0; shift < 32; shift += 8)
        g_assert_cmpint (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)), <=, 1);
    }
  cairo_surface_destroy (read);
  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export_failures_leave_nothing (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autofree char *dir = g_dir_make_tmp ("tranche-render-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "keep.png", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.png", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TrancheExportOptions options;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (png, "an older export", -1, NULL));
  tranche_export_options_init (&options);

  options.scale = 100;
  g_assert_false (tranche_export_dataset (ds, png, &options, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  options.scale = 1;

  options.first = ymd (2023, 1, 1);
  options.end = ymd (2022, 1, 1);
  g_assert_false (tranche_export_dataset (ds, png, &options, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  options.first = options.end = NAN;

  g_assert_false (tranche_export_dataset (ds, txt, &options, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (tranche_export_dataset (ds, missing, &options, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* the old file is untouched and no temporary file is left behind */
  g_assert_true (g_file_get_contents (png, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, "an older export");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* a good export replaces it whole */
  g_assert_true (tranche_export_dataset (ds, png, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &after, NULL, NULL));
  g_assert_true (g_str_has_prefix (after, "\x89PNG\r\n"));
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (png);
  g_rmdir (dir);
}

static void
test_vector_formats (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autofree char *dir = g_dir_make_tmp ("tranche-render-XXXXXX", NULL);
  const char *names[] = { "chart.svg", "chart.pdf", "CHART.PNG" };
  const char *magic[] = { "<?xml", "%PDF-", "\x89PNG" };
  TrancheExportOptions options;

  tranche_export_options_init (&options);
  options.width = 1024;
  options.height = 700;
  options.theme = TRANCHE_THEME_DARK;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (tranche_export_dataset (ds, path, &options, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      if (i == 0)
        {
          /* the SVG is the canvas' size and its text is text */
          g_assert_nonnull (strstr (contents, "width=\"1024"));
          g_assert_nonnull (strstr (contents, "height=\"700"));
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/marker-colour-at-its-date", test_marker_colour_at_its_date);
  g_test_add_func ("/render/nothing-outside-the-canvas", test_nothing_outside_the_canvas);
  g_test_add_func ("/render/png-reads-back", test_png_reads_back);
  g_test_add_func ("/render/png-unpremultiplies", test_png_unpremultiplies);
  g_test_add_func ("/render/export-failures-leave-nothing", test_export_failures_leave_nothing);
  g_test_add_func ("/render/vector-formats", test_vector_formats);
  return g_test_run ();
}
