/* test-chart.c: what every TrancheChart promises, for each chart
 *
 * The layout is kept until one of its inputs changes (a pointer move costs
 * an overlay, never a layout), painting makes no PangoLayout that outlives
 * the next layout, and a chart refused its data keeps what it had.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-chart-frame-private.h"
#include "tranche-chart-private.h"
#include "tranche-cumulative-chart.h"
#include "tranche-loader.h"
#include "tranche-valuation-chart.h"

#define WIDTH  900
#define HEIGHT 320

static const TrancheRect chart_rect = { 0, 0, WIDTH, HEIGHT };

typedef struct
{
  GType (*get_type) (void);
  TrancheChartFrame *(*get_frame) (TrancheChart *chart);
} ChartKind;

static TrancheChartFrame *
valuation_frame (TrancheChart *chart)
{
  return tranche_valuation_chart_get_frame (TRANCHE_VALUATION_CHART (chart));
}

static TrancheChartFrame *
cumulative_frame (TrancheChart *chart)
{
  return tranche_cumulative_chart_get_frame (TRANCHE_CUMULATIVE_CHART (chart));
}

static const ChartKind valuation = { tranche_valuation_chart_get_type, valuation_frame };
static const ChartKind cumulative = { tranche_cumulative_chart_get_type, cumulative_frame };

static TrancheDay
ymd (int year,
     int month,
     int day)
{
  return tranche_day_from_ymd (year, month, day);
}

static TrancheDataset *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
init_scale (TrancheTimeScale *scale)
{
  tranche_time_scale_init (scale, ymd (2018, 1, 1), ymd (2025, 1, 1), 80, WIDTH - 100);
}

static TrancheChart *
make_chart (const ChartKind *kind,
            TrancheDataset  *dataset)
{
  TrancheChart *chart = g_object_new (kind->get_type (), NULL);
  TrancheTheme theme;
  TrancheTimeScale scale;

  g_assert_true (TRANCHE_IS_CHART (chart));
  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, 1);
  init_scale (&scale);
  tranche_chart_set_data (chart, dataset, NULL);
  g_assert_false (tranche_chart_is_laid_out (chart));
  g_assert_true (tranche_chart_layout (chart, &theme, NULL, &scale, &chart_rect));
  g_assert_true (tranche_chart_is_laid_out (chart));
  return chart;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);
  return ((guint32 *) (cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface)))[x];
}

/* A pointer moving over the chart: the crosshair follows it, the layout
 * stays; the same inputs again lay nothing out; each input that changes
 * lays the chart out once. */
static void
test_pointer_keeps_layout (gconstpointer data)
{
  const ChartKind *kind = data;
  g_autoptr(TrancheDataset) dataset = load_sample ();
  g_autoptr(TrancheChart) chart = make_chart (kind, dataset);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const TrancheRect *plot = tranche_chart_frame_get_plot (kind->get_frame (chart));
  TrancheChartOptions options;
  TrancheTheme theme, dark;
  TrancheTimeScale scale, panned;
  TrancheRect wider = chart_rect;
  guint n_changed = 0;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, 1);
  init_scale (&scale);
  g_assert_cmpuint (tranche_chart_get_n_layouts (chart), ==, 1);
  g_assert_cmpuint (tranche_chart_get_n_overlays (chart), ==, 0);

  for (guint i = 0; i < 200; i++)
    {
      TrancheDay day = ymd (2019, 1, 1) + i * 7.3;
      double x = floor (tranche_time_scale_day_to_x (&scale, day));
      int y = (int) (plot->y + plot->height / 2);
      guint32 before;

      /* What a widget does on every frame: ask for a layout, paint. */
      g_assert_false (tranche_chart_layout (chart, &theme, NULL, &scale, &chart_rect));
      tranche_chart_paint (chart, cr, -1);
      before = pixel (surface, (int) x, y);
      tranche_chart_paint_overlay (chart, cr, day);
      /* The crosshair is drawn, at the pointer's day. */
      n_changed += pixel (surface, (int) x, y) != before;
    }
  g_assert_cmpuint (tranche_chart_get_n_layouts (chart), ==, 1);
  g_assert_cmpuint (tranche_chart_get_n_overlays (chart), ==, 200);
  g_assert_cmpuint (n_changed, >=, 190);
  /* No pointer: no overlay. */
  tranche_chart_paint_overlay (chart, cr, NAN);
  g_assert_cmpuint (tranche_chart_get_n_overlays (chart), ==, 200);

  /* The same data again (datasets and masks are immutable). */
  tranche_chart_set_data (chart, dataset, NULL);
  g_assert_false (tranche_chart_layout (chart, &theme, NULL, &scale, &chart_rect));

  /* Each input, once. */
  wider.width += 40;
  g_assert_true (tranche_chart_layout (chart, &theme, NULL, &scale, &wider));
  g_assert_false (tranche_chart_layout (chart, &theme, NULL, &scale, &wider));
  panned = scale;
  tranche_time_scale_set_range (&panned, scale.first + 30, scale.end + 30);
  g_assert_true (tranche_chart_layout (chart, &theme, NULL, &panned, &wider));
  tranche_theme_init (&dark, TRANCHE_THEME_DARK, 1);
  g_assert_true (tranche_chart_layout (chart, &dark, NULL, &panned, &wider));
  tranche_chart_options_init (&options);
  g_assert_false (tranche_chart_layout (chart, &dark, &options, &panned, &wider));
  options.show_legend = FALSE;
  g_assert_true (tranche_chart_layout (chart, &dark, &options, &panned, &wider));
  {
    g_autofree guint8 *bytes = g_malloc (tranche_dataset_get_n_events (dataset));
    g_autoptr(GBytes) mask = NULL;

    memset (bytes, 1, tranche_dataset_get_n_events (dataset));
    mask = g_bytes_new (bytes, tranche_dataset_get_n_events (dataset));
    tranche_chart_set_data (chart, dataset, mask);
    g_assert_false (tranche_chart_is_laid_out (chart));
    g_assert_true (tranche_chart_layout (chart, &dark, &options, &panned, &wider));
  }
  g_assert_cmpuint (tranche_chart_get_n_layouts (chart), ==, 6);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Painting used to add a PangoLayout to the frame each time; the frame
 * holds what one layout made, however often the chart is painted. */
static void
test_paint_makes_no_layouts (gconstpointer data)
{
  const ChartKind *kind = data;
  g_autoptr(TrancheDataset) dataset = load_sample ();
  g_autoptr(TrancheChart) chart = make_chart (kind, dataset);
  TrancheChartFrame *frame = kind->get_frame (chart);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint after_first;

  tranche_chart_paint (chart, cr, -1);
  after_first = tranche_chart_frame_get_n_layouts (frame);
  g_assert_cmpuint (after_first, >, 0);
  for (guint i = 0; i < 500; i++)
    {
      tranche_chart_paint (chart, cr, (int) (i % tranche_dataset_get_n_events (dataset)));
      tranche_chart_paint_overlay (chart, cr, ymd (2020, 1, 1) + i);
    }
  g_assert_cmpuint (tranche_chart_frame_get_n_layouts (frame), ==, after_first);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A mask that does not fit the dataset is refused before anything
 * changes: the chart keeps its data and its layout, whole. */
static void
test_bad_mask_keeps_data (gconstpointer data)
{
  const ChartKind *kind = data;
  g_autoptr(TrancheDataset) dataset = load_sample ();
  g_autoptr(TrancheChart) chart = make_chart (kind, dataset);
  g_autoptr(GBytes) short_mask = g_bytes_new_static ("\1\1", 2);
  g_autoptr(GArray) before = tranche_chart_readout (chart, ymd (2024, 6, 1));
  g_autoptr(GArray) after = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  TrancheTheme theme;
  TrancheTimeScale scale;

  g_assert_cmpuint (before->len, >, 0);
  /* the guard is in core, which logs in its own domain */
  g_test_expect_message ("Tranche-Core", G_LOG_LEVEL_CRITICAL, "*tranche_mask_bytes_fit*");
  tranche_chart_set_data (chart, dataset, short_mask);
  g_test_assert_expected_messages ();

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, 1);
  init_scale (&scale);
  g_assert_true (tranche_chart_is_laid_out (chart));
  g_assert_false (tranche_chart_layout (chart, &theme, NULL, &scale, &chart_rect));
  after = tranche_chart_readout (chart, ymd (2024, 6, 1));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (g_array_index (after, TrancheChartReadoutLine, i).value, ==,
                     g_array_index (before, TrancheChartReadoutLine, i).value);
  tranche_chart_paint (chart, cr, -1);
  tranche_chart_paint_overlay (chart, cr, ymd (2024, 6, 1));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gpointer
prepare_thread (gpointer data)
{
  gpointer *args = data;

  return tranche_chart_prepare_data (GPOINTER_TO_SIZE (args[0]), args[1], NULL);
}

static GBytes *
painted (TrancheChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  TrancheTheme theme;
  TrancheTimeScale scale;
  GBytes *pixels;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, 1);
  init_scale (&scale);
  tranche_chart_layout (chart, &theme, NULL, &scale, &chart_rect);
  tranche_chart_paint (chart, cr, 3);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface) * HEIGHT);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pixels;
}

/* Data prepared in another thread and adopted draws what set_data() does;
 * it is refused for another dataset or mask, and adopted only once. */
static void
test_prepared_data (gconstpointer data)
{
  const ChartKind *kind = data;
  g_autoptr(TrancheDataset) dataset = load_sample ();
  g_autoptr(TrancheDataset) other = load_sample ();
  g_autoptr(TrancheChart) direct = make_chart (kind, dataset);
  g_autoptr(TrancheChart) adopting = g_object_new (kind->get_type (), NULL);
  g_autoptr(TrancheChart) second = g_object_new (kind->get_type (), NULL);
  g_autoptr(TrancheChartData) prepared = NULL;
  g_autoptr(GBytes) mask = g_bytes_new_take (g_malloc0 (tranche_dataset_get_n_events (dataset)),
                                             tranche_dataset_get_n_events (dataset));
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) got = NULL;
  gpointer args[] = { GSIZE_TO_POINTER (kind->get_type ()), dataset };
  GThread *thread = g_thread_new ("prepare", prepare_thread, args);

  prepared = g_thread_join (thread);
  g_assert_nonnull (prepared);
  g_assert_false (tranche_chart_adopt_data (adopting, prepared, other, NULL));
  g_assert_false (tranche_chart_adopt_data (adopting, prepared, dataset, mask));
  g_assert_true (tranche_chart_adopt_data (adopting, prepared, dataset, NULL));
  g_assert_false (tranche_chart_adopt_data (second, prepared, dataset, NULL));
  g_assert_false (tranche_chart_is_laid_out (adopting));

  expected = painted (direct);
  got = painted (adopting);
  g_assert_true (g_bytes_equal (expected, got));
  /* the same data again is nothing to do: adopted is as good as set */
  tranche_chart_set_data (adopting, dataset, NULL);
  g_assert_true (tranche_chart_is_laid_out (adopting));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/chart/valuation/pointer-keeps-layout", &valuation,
                        test_pointer_keeps_layout);
  g_test_add_data_func ("/chart/cumulative/pointer-keeps-layout", &cumulative,
                        test_pointer_keeps_layout);
  g_test_add_data_func ("/chart/valuation/paint-makes-no-layouts", &valuation,
                        test_paint_makes_no_layouts);
  g_test_add_data_func ("/chart/cumulative/paint-makes-no-layouts", &cumulative,
                        test_paint_makes_no_layouts);
  g_test_add_data_func ("/chart/valuation/bad-mask-keeps-data", &valuation,
                        test_bad_mask_keeps_data);
  g_test_add_data_func ("/chart/cumulative/bad-mask-keeps-data", &cumulative,
                        test_bad_mask_keeps_data);
  g_test_add_data_func ("/chart/valuation/prepared-data", &valuation, test_prepared_data);
  g_test_add_data_func ("/chart/cumulative/prepared-data", &cumulative, test_prepared_data);
  return g_test_run ();
}
