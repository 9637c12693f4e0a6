/* test-valuation-chart.c: the y axis, valuations at dates, currencies and pixels */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-dataset-builder.h"
#include "tranche-chart-frame-private.h"
#include "tranche-chart-private.h"
#include "tranche-valuation-chart.h"

#define WIDTH  900
#define HEIGHT 320

/* The chart's rectangle inside the surface: anything outside it must stay
 * untouched. */
static const TrancheRect chart_rect = { 30, 20, 840, 280 };

static const guint32 alpha_color = 0xd55e00;
static const guint32 beta_color = 0x0072b2;

static TrancheDay
ymd (int y,
     int m,
     int d)
{
  return tranche_day_from_ymd (y, m, d);
}

static void
add_valuation (TrancheDatasetBuilder *b,
               const char            *id,
               const char            *date,
               const char            *target,
               TrancheValuationBasis  basis,
               double                 value,
               const char            *currency)
{
  TrancheEvent ev = { 0 };

  ev.id = id;
  ev.title = id;
  ev.kind = TRANCHE_EVENT_VALUATION;
  g_assert_cmpint (tranche_date_parse (date, &ev.date), ==, TRANCHE_DATE_OK);
  ev.target = tranche_dataset_builder_ensure_entity (b, target);
  ev.valuation.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.valuation.value = value;
  ev.valuation.basis = basis;
  if (currency != NULL)
    ev.valuation.currency = tranche_currency_from_code (currency);
  tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
}

/* Alpha (USD): $100M post-money, then $400M pre-money on an investment, then
 * a reported, approximate $0.8–1.2B known only to the year: 12 times.
 * Beta (EUR): €50M and €200M post-money; `eur_rate` 0 gives no rate. */
static TrancheDataset *
make_dataset (double eur_rate)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  TrancheEntity alpha = { .id = "alpha", .name = "Alpha", .has_color = TRUE,
                          .color = alpha_color };
  TrancheEntity beta = { .id = "beta", .name = "Beta", .has_color = TRUE, .color = beta_color };
  TrancheEvent ev = { 0 };
  guint32 investor;

  tranche_dataset_builder_add_entity (b, &alpha);
  tranche_dataset_builder_add_entity (b, &beta);
  tranche_dataset_builder_set_currency (b, tranche_currency_from_code ("USD"));
  if (eur_rate > 0)
    tranche_dataset_builder_set_rate (b, tranche_currency_from_code ("EUR"), eur_rate);

  add_valuation (b, "a1", "2020-01-15", "alpha", TRANCHE_BASIS_POST_MONEY, 1e8, NULL);

  investor = tranche_dataset_builder_ensure_entity (b, "fund");
  ev.id = "a2";
  ev.title = "Series B";
  ev.kind = TRANCHE_EVENT_INVESTMENT;
  ev.date = tranche_date_from_day (2021, 6, 1);
  ev.target = tranche_dataset_builder_ensure_entity (b, "alpha");
  ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.amount.value = 5e7;
  ev.valuation.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.valuation.value = 4e8;
  ev.valuation.basis = TRANCHE_BASIS_PRE_MONEY;
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, NULL, 0, NULL, 0);

  memset (&ev, 0, sizeof ev);
  ev.id = "a3";
  ev.title = "Reported valuation";
  ev.kind = TRANCHE_EVENT_VALUATION;
  g_assert_cmpint (tranche_date_parse ("2022", &ev.date), ==, TRANCHE_DATE_OK);
  ev.target = tranche_dataset_builder_ensure_entity (b, "alpha");
  ev.valuation.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_RANGE | TRANCHE_MONEY_APPROX;
  ev.valuation.min = 8e8;
  ev.valuation.max = 1.2e9;
  ev.valuation.basis = TRANCHE_BASIS_REPORTED;
  tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);

  add_valuation (b, "b1", "2020-06-01", "beta", TRANCHE_BASIS_POST_MONEY, 5e7, "EUR");
  add_valuation (b, "b2", "2022-03-01", "beta", TRANCHE_BASIS_POST_MONEY, 2e8, "EUR");
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static TrancheValuationChart *
make_chart (TrancheDataset            *ds,
            const TrancheChartOptions *options,
            TrancheThemeVariant        variant)
{
  TrancheValuationChart *chart = tranche_valuation_chart_new ();
  TrancheTheme theme;
  TrancheTimeScale scale;

  tranche_theme_init (&theme, variant, 1);
  /* The plot starts 90 px into the rectangle: room for the y labels. */
  tranche_time_scale_init (&scale, ymd (2019, 7, 1), ymd (2023, 1, 1), chart_rect.x + 90,
                           chart_rect.width - 110);
  tranche_chart_set_data (TRANCHE_CHART (chart), ds, NULL);
  tranche_chart_layout (TRANCHE_CHART (chart), &theme, options, &scale, &chart_rect);
  return chart;
}

/* What a widget does: the chart, then the crosshair over it. */
static void
paint_chart (TrancheValuationChart *chart,
             cairo_t               *cr,
             int                    selected,
             TrancheDay             pointer_day)
{
  tranche_chart_paint (TRANCHE_CHART (chart), cr, selected);
  tranche_chart_paint_overlay (TRANCHE_CHART (chart), cr, pointer_day);
}

static int
hit_test (TrancheValuationChart *chart,
          double                 x,
          double                 y,
          double                 tolerance)
{
  return tranche_chart_hit_test (TRANCHE_CHART (chart), x, y, tolerance);
}

static GArray *
readout (TrancheValuationChart *chart,
         TrancheDay             day)
{
  return tranche_chart_readout (TRANCHE_CHART (chart), day);
}

static guint
series_of (TrancheValuationChart *chart,
           TrancheDataset        *ds,
           const char            *target,
           const char            *currency)
{
  guint s = tranche_valuation_chart_find_series (chart, tranche_dataset_find_entity (ds, target),
                                                 tranche_currency_from_code (currency));
  g_assert_cmpuint (s, !=, G_MAXUINT);
  return s;
}

static const TrancheValuationPoint *
point_of (TrancheValuationChart *chart,
          TrancheDataset        *ds,
          const char            *event)
{
  guint index = tranche_valuation_chart_find_point (chart, tranche_dataset_find_event (ds, event));

  g_assert_cmpuint (index, !=, G_MAXUINT);
  return tranche_valuation_chart_get_point (chart, index);
}

/* ---- the axis ---- */

static gboolean
is_one_two_five (double value)
{
  double mantissa = value / pow (10, floor (log10 (value) + 1e-9));

  return fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 || fabs (mantissa - 5) < 1e-6;
}

static void
test_axis_log_decades (void)
{
  TrancheValueAxis axis;

  guint n_decades = 0;

  /* 125 times in 120 px: the decades, and a 2 or 5 mark only where it keeps
   * its distance from every other tick (here the 5B at the top). */
  tranche_value_axis_init (&axis, TRANCHE_AXIS_AUTO, 2e7, 2.5e9, 130, 10, 20);
  g_assert_true (axis.log);
  g_assert_cmpuint (axis.n_ticks, >=, 2);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      double exponent = log10 (axis.ticks[i]);
      gboolean decade = fabs (exponent - round (exponent)) < 1e-9;

      g_assert_true (is_one_two_five (axis.ticks[i]));
      g_assert_true (axis.major[i] == decade);
      n_decades += decade;
      g_assert_cmpfloat (axis.ticks[i], >=, axis.min);
      g_assert_cmpfloat (axis.ticks[i], <=, axis.max);
    }
  g_assert_cmpuint (n_decades, >=, 2);
  g_assert_cmpfloat (axis.ticks[axis.n_ticks - 1], ==, 5e9);
  /* the data fit, with the bounds on the 1-2-5 grid */
  g_assert_cmpfloat (axis.min, <=, 2e7);
  g_assert_cmpfloat (axis.max, >=, 2.5e9);
  g_assert_true (is_one_two_five (axis.min) && is_one_two_five (axis.max));
  /* ticks at least the spacing apart */
  for (guint i = 1; i < axis.n_ticks; i++)
    g_assert_cmpfloat (tranche_value_axis_to_y (&axis, axis.ticks[i - 1])
                       - tranche_value_axis_to_y (&axis, axis.ticks[i]), >=, 20);
}

static void
test_axis_log_one_two_five (void)
{
  TrancheValueAxis axis;
  gboolean saw_two = FALSE, saw_five = FALSE;

  /* Two decades in 600 px: room for 1, 2 and 5 in each. */
  tranche_value_axis_init (&axis, TRANCHE_AXIS_LOG, 1e8, 1e10, 610, 10, 20);
  g_assert_true (axis.log);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      double v = axis.ticks[i];
      double exponent = log10 (v);
      gboolean decade = fabs (exponent - round (exponent)) < 1e-9;

      g_assert_true (is_one_two_five (v));
      g_assert_cmpint (axis.major[i], ==, decade);
      saw_two |= fabs (v - 2e9) < 1;
      saw_five |= fabs (v - 5e9) < 1;
      if (i > 0)
        g_assert_cmpfloat (axis.ticks[i], >, axis.ticks[i - 1]);
    }
  g_assert_true (saw_two);
  g_assert_true (saw_five);
  /* a log axis maps equal ratios to equal distances */
  g_assert_cmpfloat_with_epsilon (tranche_value_axis_to_y (&axis, 1e8)
                                  - tranche_value_axis_to_y (&axis, 1e9),
                                  tranche_value_axis_to_y (&axis, 1e9)
                                  - tranche_value_axis_to_y (&axis, 1e10), 1e-6);
}

static void
test_axis_choice_by_span (void)
{
  TrancheValueAxis axis;

  g_assert_true (tranche_value_axis_wants_log (1e9, 1.1e10));
  g_assert_false (tranche_value_axis_wants_log (1e9, 1e10));   /* exactly 10x: not more */
  g_assert_false (tranche_value_axis_wants_log (1e9, 9e9));
  g_assert_false (tranche_value_axis_wants_log (0, 1e9));      /* log can't show zero */

  tranche_value_axis_init (&axis, TRANCHE_AXIS_AUTO, 1e8, 1e10, 300, 0, 20);
  g_assert_true (axis.log);
  tranche_value_axis_init (&axis, TRANCHE_AXIS_AUTO, 2e9, 9e9, 300, 0, 20);
  g_assert_false (axis.log);
  /* an explicit mode wins over the span */
  tranche_value_axis_init (&axis, TRANCHE_AXIS_LINEAR, 1e8, 1e10, 300, 0, 20);
  g_assert_false (axis.log);
  tranche_value_axis_init (&axis, TRANCHE_AXIS_LOG, 2e9, 4e9, 300, 0, 20);
  g_assert_true (axis.log);
}

static void
test_axis_linear (void)
{
  TrancheValueAxis axis;
  double step;

  tranche_value_axis_init (&axis, TRANCHE_AXIS_LINEAR, 1e9, 2.9e10, 210, 10, 20);
  g_assert_false (axis.log);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, >, 2.9e10);
  g_assert_cmpuint (axis.n_ticks, >=, 3);
  g_assert_cmpfloat (axis.ticks[0], ==, 0);
  step = axis.ticks[1] - axis.ticks[0];
  g_assert_true (is_one_two_five (step));
  for (guint i = 1; i < axis.n_ticks; i++)
    g_assert_cmpfloat_with_epsilon (axis.ticks[i] - axis.ticks[i - 1], step, step * 1e-9);
  g_assert_cmpfloat (tranche_value_axis_to_y (&axis, 0), ==, 210);
  g_assert_cmpfloat_with_epsilon (tranche_value_axis_to_y (&axis, axis.max), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (tranche_value_axis_from_y (&axis,
                                                             tranche_value_axis_to_y (&axis, 7e9)),
                                  7e9, 1);
}

/* ---- values at dates ---- */

static void
test_step_semantics (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset (0);
  g_autoptr(TrancheValuationChart) chart = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  guint alpha = series_of (chart, ds, "alpha", "USD");
  TrancheDate year = { 0 };
  TrancheDay mid_2022;
  double value;

  g_assert_cmpint (tranche_date_parse ("2022", &year), ==, TRANCHE_DATE_OK);
  mid_2022 = tranche_date_middle_day (&year);

  /* nothing before the first valuation; an exact day's marker is at its
   * noon (the middle of its span), and the value holds from there */
  g_assert_false (tranche_valuation_chart_value_at (chart, alpha, ymd (2020, 1, 15), &value,
                                                    NULL));
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, ymd (2020, 1, 15) + 0.5, &value,
                                                   NULL));
  g_assert_cmpfloat (value, ==, 1e8);
  /* ... until the next */
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, ymd (2021, 6, 1), &value, NULL));
  g_assert_cmpfloat (value, ==, 1e8);
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, ymd (2021, 6, 1) + 0.5, &value,
                                                   NULL));
  g_assert_cmpfloat (value, ==, 4e8);
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, ymd (2021, 6, 2), &value, NULL));
  g_assert_cmpfloat (value, ==, 4e8);
  /* "2022" is placed in the middle of the year, never on 1 January */
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, ymd (2022, 1, 2), &value, NULL));
  g_assert_cmpfloat (value, ==, 4e8);
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, mid_2022 - 0.01, &value, NULL));
  g_assert_cmpfloat (value, ==, 4e8);
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, mid_2022, &value, NULL));
  g_assert_cmpfloat (value, ==, 1e9);  /* the middle of the reported range */
  g_assert_true (tranche_valuation_chart_value_at (chart, alpha, ymd (2030, 1, 1), &value, NULL));
  g_assert_cmpfloat (value, ==, 1e9);

  /* each point keeps how it was reported */
  g_assert_cmpint (point_of (chart, ds, "a1")->basis, ==, TRANCHE_BASIS_POST_MONEY);
  g_assert_cmpint (point_of (chart, ds, "a2")->basis, ==, TRANCHE_BASIS_PRE_MONEY);
  g_assert_true (point_of (chart, ds, "a3")->approx);
  g_assert_true (point_of (chart, ds, "a3")->has_range);
  g_assert_cmpfloat (point_of (chart, ds, "a3")->min, ==, 8e8);
  g_assert_cmpfloat (point_of (chart, ds, "a3")->max, ==, 1.2e9);
  /* the range is drawn as a bar from min up to max */
  g_assert_cmpfloat (point_of (chart, ds, "a3")->y_min, >, point_of (chart, ds, "a3")->y);
  g_assert_cmpfloat (point_of (chart, ds, "a3")->y_max, <, point_of (chart, ds, "a3")->y);
  /* the approximate figure says so */
  g_assert_nonnull (point_of (chart, ds, "a3")->label);
  g_assert_true (g_str_has_prefix (point_of (chart, ds, "a3")->label, "~"));
}

static void
test_scene_positions (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset (0);
  g_autoptr(TrancheValuationChart) chart = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  TrancheChartFrame *frame = tranche_valuation_chart_get_frame (chart);
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (frame);
  const TrancheValuationPoint *p = point_of (chart, ds, "a2");
  const TrancheValuationSeries *s = tranche_valuation_chart_get_series (chart, p->series);

  /* an exact day's marker is at its noon */
  g_assert_cmpfloat_with_epsilon (p->x, tranche_time_scale_day_to_x (scale,
                                                                     ymd (2021, 6, 1) + 0.5),
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (p->y, tranche_chart_frame_value_to_y (frame, s->band, 4e8),
                                  1e-9);
  /* larger values are higher up */
  g_assert_cmpfloat (point_of (chart, ds, "a1")->y, >, p->y);
  /* every tick of every band is labelled in short money */
  for (guint b = 0; b < tranche_chart_frame_get_n_bands (frame); b++)
    {
      const TrancheChartBand *band = tranche_chart_frame_get_band (frame, b);
      g_assert_cmpuint (band->n_ticks, >=, 2);
      for (guint i = 0; i < band->n_ticks; i++)
        g_assert_nonnull (tranche_chart_frame_get_tick (frame, b, i)->label);
    }
  /* $50M to $1.2B spans more than ten times: a log axis, and the title says so */
  g_assert_true (tranche_chart_frame_get_band (frame, 0)->axis.log);
  g_assert_cmpstr (tranche_chart_frame_get_band (frame, 0)->title, ==,
                   "Valuation (USD, log scale)");
}

static void
test_currency_separation (void)
{
  g_autoptr(TrancheDataset) without = make_dataset (0);
  g_autoptr(TrancheDataset) with = make_dataset (1.1);
  g_autoptr(TrancheValuationChart) apart = make_chart (without, NULL, TRANCHE_THEME_LIGHT);
  g_autoptr(TrancheValuationChart) merged = make_chart (with, NULL, TRANCHE_THEME_LIGHT);
  TrancheChartFrame *frame = tranche_valuation_chart_get_frame (apart);
  const TrancheValuationSeries *beta;
  const TrancheChartBand *band;
  double value;

  /* No rate: euros are a series and a band of their own, with a note. */
  beta = tranche_valuation_chart_get_series (apart, series_of (apart, without, "beta", "EUR"));
  g_assert_true (beta->no_rate);
  g_assert_false (beta->converted);
  g_assert_cmpuint (tranche_valuation_chart_find_series (apart,
                                                         tranche_dataset_find_entity (without,
                                                                                      "beta"),
                                                         tranche_currency_from_code ("USD")),
                    ==, G_MAXUINT);
  g_assert_cmpuint (tranche_chart_frame_get_n_bands (frame), ==, 2);
  band = tranche_chart_frame_get_band (frame, 1);
  g_assert_cmpuint (beta->band, ==, 1);
  g_assert_cmpuint (band->currency, ==, tranche_currency_from_code ("EUR"));
  g_assert_cmpstr (band->note, ==, "EUR values not converted: no rate");
  g_assert_null (tranche_chart_frame_get_band (frame, 0)->note);
  g_assert_true (tranche_valuation_chart_value_at (apart, series_of (apart, without, "beta",
                                                                     "EUR"),
                                                   ymd (2021, 1, 1), &value, NULL));
  g_assert_cmpfloat (value, ==, 5e7);
  /* its ticks are in euros */
  g_assert_nonnull (strstr (tranche_chart_frame_get_tick (frame, 1, 1)->label, "€"));

  /* With a rate: converted into dollars, one band, no note. */
  frame = tranche_valuation_chart_get_frame (merged);
  beta = tranche_valuation_chart_get_series (merged, series_of (merged, with, "beta", "USD"));
  g_assert_false (beta->no_rate);
  g_assert_true (beta->converted);
  g_assert_cmpuint (tranche_chart_frame_get_n_bands (frame), ==, 1);
  g_assert_null (tranche_chart_frame_get_band (frame, 0)->note);
  g_assert_true (tranche_valuation_chart_value_at (merged, series_of (merged, with, "beta",
                                                                      "USD"),
                                                   ymd (2021, 1, 1), &value, NULL));
  g_assert_cmpfloat_with_epsilon (value, 5.5e7, 1e-3);
}

static void
test_log_by_default (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset (0);
  TrancheChartOptions options;
  g_autoptr(TrancheValuationChart) automatic = NULL;
  g_autoptr(TrancheValuationChart) linear = NULL;
  TrancheChartFrame *frame;

  /* Alpha spans 12 times: log; Beta (its own band) spans 4 times: linear. */
  automatic = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  frame = tranche_valuation_chart_get_frame (automatic);
  g_assert_true (tranche_chart_frame_get_band (frame, 0)->axis.log);
  g_assert_false (tranche_chart_frame_get_band (frame, 1)->axis.log);

  tranche_chart_options_init (&options);
  options.y_mode = TRANCHE_AXIS_LINEAR;
  linear = make_chart (ds, &options, TRANCHE_THEME_LIGHT);
  frame = tranche_valuation_chart_get_frame (linear);
  g_assert_false (tranche_chart_frame_get_band (frame, 0)->axis.log);
  g_assert_cmpfloat (tranche_chart_frame_get_band (frame, 0)->axis.min, ==, 0);
}

static void
test_readout (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset (0);
  g_autoptr(TrancheValuationChart) chart = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  g_autoptr(GArray) before = readout (chart, ymd (2019, 12, 1));
  g_autoptr(GArray) lines = readout (chart, ymd (2021, 7, 1));
  TrancheChartReadoutLine *alpha, *beta;

  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpuint (lines->len, ==, 2);
  alpha = &g_array_index (lines, TrancheChartReadoutLine, 0);
  beta = &g_array_index (lines, TrancheChartReadoutLine, 1);
  g_assert_cmpstr (alpha->name, ==, "Alpha");
  g_assert_cmpstr (alpha->value, ==, "$400M");
  g_assert_cmpfloat_with_epsilon (alpha->y, point_of (chart, ds, "a2")->y, 1e-9);
  g_assert_cmpstr (beta->name, ==, "Beta");
  g_assert_cmpstr (beta->value, ==, "€50M");
}

static void
test_hit_test (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset (0);
  g_autoptr(TrancheValuationChart) chart = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  const TrancheValuationPoint *a1 = point_of (chart, ds, "a1");
  const TrancheValuationPoint *b2 = point_of (chart, ds, "b2");
  TrancheChartFrame *frame = tranche_valuation_chart_get_frame (chart);
  const TrancheRect *plot = tranche_chart_frame_get_plot (frame);

  g_assert_cmpint (hit_test (chart, a1->x, a1->y, 3), ==,
                   (int) tranche_dataset_find_event (ds, "a1"));
  g_assert_cmpint (hit_test (chart, a1->x + a1->radius + 2, a1->y, 3),
                   ==, (int) tranche_dataset_find_event (ds, "a1"));
  g_assert_cmpint (hit_test (chart, b2->x, b2->y - 1, 3), ==,
                   (int) tranche_dataset_find_event (ds, "b2"));
  g_assert_cmpint (hit_test (chart, a1->x + a1->radius + 12, a1->y, 3),
                   ==, -1);
  g_assert_cmpint (hit_test (chart, plot->x - 20, a1->y, 3), ==, -1);
}

static void
test_largest_drawn (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheValuationChart) chart = NULL;
  TrancheChartFrame *frame;
  gboolean note_says = FALSE;

  /* More targets than a chart draws: the largest are drawn, the others
   * are said to be left out. */
  for (guint i = 0; i < TRANCHE_CHART_MAX_SERIES + 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%02u", i);
      add_valuation (b, id, "2021-01-01", id, TRANCHE_BASIS_POST_MONEY, (i + 1) * 1e8, NULL);
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  chart = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  frame = tranche_valuation_chart_get_frame (chart);

  g_assert_cmpuint (tranche_valuation_chart_get_n_series (chart), ==,
                    TRANCHE_CHART_MAX_SERIES + 3);
  for (guint i = 0; i < tranche_valuation_chart_get_n_series (chart); i++)
    {
      const TrancheValuationSeries *s = tranche_valuation_chart_get_series (chart, i);
      g_assert_cmpint (s->drawn, ==, s->hi > 3.5e8);
    }
  /* a left-out target's marker is not there to hit */
  g_assert_false (point_of (chart, ds, "t00")->drawn);
  g_assert_true (point_of (chart, ds, "t14")->drawn);
  /* a caveat beside the title, not a legend entry that could be dropped */
  for (guint i = 0; i < tranche_chart_frame_get_n_notes (frame); i++)
    note_says |= g_strcmp0 (tranche_chart_frame_get_note (frame, i)->text,
                            "3 smaller targets not drawn") == 0;
  g_assert_true (note_says);
}

/* ---- pixels ---- */

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *r,
          double          *g,
          double          *b,
          double          *a)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (data + y * stride + x * 4);

  *a = ((p >> 24) & 0xff) / 255.0;
  /* premultiplied; the charts paint an opaque background */
  *r = ((p >> 16) & 0xff) / 255.0;
  *g = ((p >> 8) & 0xff) / 255.0;
  *b = (p & 0xff) / 255.0;
}

static void
assert_color (cairo_surface_t *surface,
              double           x,
              double           y,
              TrancheColor     expected)
{
  double r, g, b, a;

  pixel_at (surface, (int) floor (x), (int) floor (y), &r, &g, &b, &a);
  if (fabs (r - expected.red) > 0.06 || fabs (g - expected.green) > 0.06
      || fabs (b - expected.blue) > 0.06 || a < 0.99)
    g_error ("pixel at %.1f,%.1f is %.2f,%.2f,%.2f,%.2f; expected %.2f,%.2f,%.2f", x, y, r, g, b,
             a, expected.red, expected.green, expected.blue);
}

static void
assert_nothing_outside (cairo_surface_t   *surface,
                        const TrancheRect *rect)
{
  cairo_surface_flush (surface);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        double r, g, b, a;

        if (x >= rect->x && x < rect->x + rect->width && y >= rect->y
            && y < rect->y + rect->height)
          continue;
        pixel_at (surface, x, y, &r, &g, &b, &a);
        if (a != 0)
          g_error ("pixel %d,%d outside the chart was painted", x, y);
      }
}

static void
test_pixels (gconstpointer data)
{
  TrancheThemeVariant variant = GPOINTER_TO_INT (data);
  g_autoptr(TrancheDataset) ds = make_dataset (0);
  g_autoptr(TrancheValuationChart) chart = make_chart (ds, NULL, variant);
  TrancheChartFrame *frame = tranche_valuation_chart_get_frame (chart);
  const TrancheTheme *theme = tranche_chart_frame_get_theme (frame);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const TrancheValuationPoint *post = point_of (chart, ds, "a1");
  const TrancheValuationPoint *pre = point_of (chart, ds, "a2");
  const TrancheValuationPoint *beta = point_of (chart, ds, "b1");

  paint_chart (chart, cr, -1, NAN);
  cairo_surface_flush (surface);

  /* post-money: filled with the target's colour at the x of its day */
  assert_color (surface, post->x, post->y, tranche_color_from_rgb (alpha_color, 1));
  assert_color (surface, beta->x, beta->y, tranche_color_from_rgb (beta_color, 1));
  /* pre-money: hollow (the background inside), its ring in the colour */
  assert_color (surface, pre->x, pre->y, theme->background);
  /* (the ring is 2 px wide around radius − 0.75: that pixel is wholly in it) */
  assert_color (surface, pre->x + pre->radius - 0.75, pre->y,
                tranche_color_from_rgb (alpha_color, 1));
  /* the background away from the data */
  assert_color (surface, post->x - 30, post->y - 3, theme->background);
  assert_nothing_outside (surface, &chart_rect);

  /* selection and crosshair (its box flips left at the right edge) stay inside too */
  paint_chart (chart, cr, (int) tranche_dataset_find_event (ds, "a3"), ymd (2022, 12, 20));
  assert_nothing_outside (surface, &chart_rect);
  paint_chart (chart, cr, -1, ymd (2019, 7, 2));
  assert_nothing_outside (surface, &chart_rect);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  g_autoptr(TrancheValuationChart) chart = make_chart (ds, NULL, TRANCHE_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (tranche_valuation_chart_get_n_series (chart), ==, 0);
  g_assert_cmpuint (tranche_chart_frame_get_n_bands (tranche_valuation_chart_get_frame (chart)),
                    ==, 0);
  paint_chart (chart, cr, -1, ymd (2020, 1, 1));
  g_assert_cmpint (hit_test (chart, 400, 150, 5), ==, -1);
  assert_nothing_outside (surface, &chart_rect);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/valuation-chart/axis/log-decades", test_axis_log_decades);
  g_test_add_func ("/valuation-chart/axis/log-1-2-5", test_axis_log_one_two_five);
  g_test_add_func ("/valuation-chart/axis/choice-by-span", test_axis_choice_by_span);
  g_test_add_func ("/valuation-chart/axis/linear", test_axis_linear);
  g_test_add_func ("/valuation-chart/step-semantics", test_step_semantics);
  g_test_add_func ("/valuation-chart/scene-positions", test_scene_positions);
  g_test_add_func ("/valuation-chart/currency-separation", test_currency_separation);
  g_test_add_func ("/valuation-chart/log-by-default", test_log_by_default);
  g_test_add_func ("/valuation-chart/readout", test_readout);
  g_test_add_func ("/valuation-chart/hit-test", test_hit_test);
  g_test_add_func ("/valuation-chart/largest-drawn", test_largest_drawn);
  g_test_add_data_func ("/valuation-chart/pixels/light", GINT_TO_POINTER (TRANCHE_THEME_LIGHT),
                        test_pixels);
  g_test_add_data_func ("/valuation-chart/pixels/dark", GINT_TO_POINTER (TRANCHE_THEME_DARK),
                        test_pixels);
  g_test_add_func ("/valuation-chart/empty", test_empty);
  return g_test_run ();
}
