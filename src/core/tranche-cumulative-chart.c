/* tranche-cumulative-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-cumulative-chart-private.h"
#include "tranche-draw.h"
#include "tranche-format.h"
#include "tranche-palette.h"

#define MAX_LEGEND_SERIES 8

/* A reported total within this share of the computed one agrees with it:
 * rounding in the source, not money missing. */
#define GAP_TOLERANCE 0.005

static void tranche_cumulative_chart_iface_init (TrancheChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrancheCumulativeChart, tranche_cumulative_chart, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TRANCHE_TYPE_CHART,
                                                      tranche_cumulative_chart_iface_init))

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_ = (a); (a) = (b); (b) = swap_; } G_STMT_END

/* What set_data() builds, moved whole (tranche_chart_adopt_data()); the
 * marks and gaps are the layout's, made again by the next one. */
static void
tranche_cumulative_chart_take_data (TrancheChart *chart,
                                    TrancheChart *donor_chart)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);
  TrancheCumulativeChart *donor = TRANCHE_CUMULATIVE_CHART (donor_chart);

  SWAP (self->dataset, donor->dataset);
  SWAP (self->totals, donor->totals);
  SWAP (self->series, donor->series);
  SWAP (self->names, donor->names);
  SWAP (self->first_approx, donor->first_approx);
  SWAP (self->extents, donor->extents);
  SWAP (self->any_undisclosed, donor->any_undisclosed);
  SWAP (self->any_reported, donor->any_reported);
  SWAP (self->any_gap, donor->any_gap);
  SWAP (self->committed, donor->committed);
  SWAP (self->any_pairs, donor->any_pairs);
  SWAP (self->coarsest, donor->coarsest);
  SWAP (self->all_targets, donor->all_targets);
  SWAP (self->drawn_targets, donor->drawn_targets);
  SWAP (self->drawn, donor->drawn);
  SWAP (self->n_hidden_targets, donor->n_hidden_targets);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->gaps, 0);
  self->laid_out = donor->laid_out = FALSE;
}

/* ---- layout ---- */

char *
tranche_cumulative_chart_gap_text (const TrancheGap *gap)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (gap != NULL, NULL);

  if (fabs (gap->gap) <= GAP_TOLERANCE * MAX (gap->reported, gap->computed))
    return NULL;
  amount = tranche_format_amount (fabs (gap->gap), gap->currency, gap->approx);
  /* "not disclosed" only where an undisclosed amount in the reported
   * total's scope could be the difference */
  if (gap->gap > 0 && gap->n_undisclosed > 0)
    /* Translators: beside a bracket from the computed total up to a total a
     * source reports: the money the dataset's rounds do not account for, as
     * in "$2B not disclosed". %s is the amount. */
    return g_strdup_printf (C_("gap", "%s not disclosed"), amount);
  if (gap->gap > 0)
    return g_strdup_printf (C_("gap", "%s not accounted for"), amount);
  /* Translators: beside a bracket down from the computed total to a smaller
   * total a source reports, as in "$1B more than reported". */
  return g_strdup_printf (C_("gap", "%s more than reported"), amount);
}

static void
add_bands (TrancheCumulativeChart *self)
{
  for (guint b = 0; b < self->extents->len; b++)
    {
      Extent *e = &g_array_index (self->extents, Extent, b);
      char code_buf[4];
      const char *code = tranche_currency_to_code (e->currency, code_buf);
      g_autofree char *note = NULL;
      /* Translators: the cumulative funding chart's title; %s is the
       * currency code ("Cumulative funding (USD)"). */
      g_autofree char *title = g_strdup_printf (C_("chart title", "Cumulative funding (%s)"),
                                                code);

      if (e->no_rate)
        /* Translators: beside a chart of amounts kept apart because the file
         * gives no exchange rate for their currency ("EUR amounts not
         * converted: no rate"). */
        note = g_strdup_printf (C_("chart note", "%s amounts not converted: no rate"), code);
      tranche_chart_frame_add_band (self->frame, e->currency, title, note, TRANCHE_AXIS_LINEAR,
                                    0, e->hi);
    }
  for (guint k = 0; k < self->drawn->len; k++)
    {
      TrancheCumulativeSeries *s = series_at (self, g_array_index (self->drawn, guint, k));
      s->band = tranche_chart_frame_find_band (self->frame, s->currency);
    }
}

static void
add_legend (TrancheCumulativeChart *self)
{
  TrancheColor neutral = tranche_chart_frame_get_theme (self->frame)->neutral;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_named = 0, n_more = 0;
  gboolean any_range = FALSE;

  for (guint k = 0; k < self->drawn->len; k++)
    {
      guint i = g_array_index (self->drawn, guint, k);
      TrancheCumulativeSeries *s = series_at (self, i);
      guint from, to;
      const TrancheStep *steps = _tranche_cumulative_visible_steps (self, i, &from, &to);

      /* the hatched band of a total that is a range (paint_series()) */
      for (guint j = from; s->shown && s->kind == TRANCHE_SERIES_TARGET && j < to; j++)
        any_range |= isfinite (steps[j].total_max) && steps[j].total_max > steps[j].total;
      if (!s->shown || !g_hash_table_add (seen, (gpointer) s->name))
        continue;
      if (n_named >= MAX_LEGEND_SERIES)
        {
          n_more++;
          continue;
        }
      tranche_chart_frame_add_legend (self->frame,
                                      s->kind == TRANCHE_SERIES_PAIR
                                        ? TRANCHE_CHART_SYMBOL_DASHED_LINE
                                        : TRANCHE_CHART_SYMBOL_AREA,
                                      tranche_cumulative_series_get_color (s), s->name);
      n_named++;
    }
  if (n_more > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", n_more), n_more);
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_LINE, neutral, text);
    }
  if (self->n_hidden_targets > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u smaller target not drawn",
                                                            "%u smaller targets not drawn",
                                                            self->n_hidden_targets),
                                               self->n_hidden_targets);
      tranche_chart_frame_add_note (self->frame, text);
    }
  switch (self->coarsest)
    {
    case TRANCHE_PRECISION_YEAR:
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_BAND, neutral,
                                      C_("legend", "date known to the year"));
      break;
    case TRANCHE_PRECISION_QUARTER:
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_BAND, neutral,
                                      C_("legend", "date known to the quarter"));
      break;
    case TRANCHE_PRECISION_MONTH:
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_BAND, neutral,
                                      C_("legend", "date known to the month"));
      break;
    default:
      break;
    }
  if (self->any_undisclosed)
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_UNDISCLOSED, neutral,
                                    C_("legend", "round, amount undisclosed"));
  if (self->any_reported)
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_DIAMOND, neutral,
                                    C_("legend", "total reported by a source"));
  if (any_range)
    /* Translators: legend of the cumulative chart's hatched band above the
     * line after an "up to" round: the total is a range up to there */
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_HATCH, neutral,
                                    C_("legend", "hatched: the most the total may be"));
  if (self->committed->len > 0)
    /* Translators: legend of the cumulative chart's dashed line above the
     * money received: commitments announced and not yet paid */
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_DASHED_LINE, neutral,
                                    C_("legend", "committed, not yet paid"));
  if (self->any_gap)
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_GAP,
                                    tranche_chart_frame_get_theme (self->frame)->today,
                                    C_("legend", "reported vs. computed"));
}

/* Steps [*from, *to) of a series with a day in [first, end). */
const TrancheStep *
_tranche_cumulative_visible_steps (TrancheCumulativeChart *self,
                                   guint                   series,
                                   guint                  *from,
                                   guint                  *to)
{
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  const TrancheStep *steps;
  guint n_steps, before_first;

  steps = tranche_totals_get_steps (self->totals, series, &n_steps);
  /* count_steps counts days <= day; the first visible step is the first
   * whose day is >= first, i.e. after those < first. */
  before_first = tranche_totals_count_steps (self->totals, series, nextafter (scale->first,
                                                                              -INFINITY));
  *from = before_first;
  *to = tranche_totals_count_steps (self->totals, series, nextafter (scale->end, -INFINITY));
  *to = MAX (*to, *from);
  (void) n_steps;
  return steps;
}

static gboolean
approx_at (TrancheCumulativeChart *self,
           guint                   series,
           guint                   n_steps_so_far)
{
  return self->first_approx[series] < n_steps_so_far;
}

static void
add_mark (TrancheCumulativeChart    *self,
          TrancheCumulativeMarkKind  kind,
          guint                      series,
          guint                      band,
          guint32                    event,
          TrancheDay                 day,
          double                     value,
          double                     radius)
{
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  TrancheCumulativeMark mark = { 0 };

  mark.kind = kind;
  mark.series = series;
  mark.band = band;
  mark.event = event;
  mark.day = day;
  mark.value = value;
  mark.value_max = value;
  mark.x = tranche_time_scale_day_to_x (scale, day);
  mark.y = series_y (self, band, value);
  mark.radius = radius;
  g_array_append_val (self->marks, mark);
}

static gboolean
try_place (TrancheCumulativeChart *self,
           const TrancheRect      *tries,
           guint                   n_tries,
           double                  own_x,
           double                  own_y,
           TrancheRect            *placed)
{
  TrancheLabelPlacer *placer = tranche_chart_frame_get_placer (self->frame);

  for (guint t = 0; t < n_tries; t++)
    if (tranche_label_placer_is_free (placer, &tries[t], own_x, own_y))
      {
        *placed = tries[t];
        tranche_label_placer_add_rect (placer, &tries[t]);
        tranche_chart_frame_add_landmark (self->frame, &tries[t]);
        return TRUE;
      }
  return FALSE;
}

gboolean
_tranche_cumulative_committed_segment (TrancheCumulativeChart            *self,
                                       guint                              k,
                                       double                            *x0,
                                       double                            *x1,
                                       double                            *y,
                                       const TrancheCumulativeCommitted **next)
{
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  const TrancheRect *plot = tranche_chart_frame_get_plot (self->frame);
  const TrancheCumulativeCommitted *c =
    &g_array_index (self->committed, TrancheCumulativeCommitted, k);
  TrancheCumulativeSeries *s = series_at (self, c->series);

  *next = k + 1 < self->committed->len
    ? &g_array_index (self->committed, TrancheCumulativeCommitted, k + 1) : NULL;
  if (!s->shown || c->outstanding <= 0 || s->band == G_MAXUINT)
    return FALSE;
  if (*next != NULL && (*next)->series != c->series)
    *next = NULL;
  *x0 = tranche_time_scale_day_to_x (scale, c->day);
  *x1 = *next != NULL ? tranche_time_scale_day_to_x (scale, (*next)->day)
                      : plot->x + plot->width;
  *y = series_y (self, s->band, c->received + c->outstanding);
  return TRUE;
}

/* The dashed lines of money committed as obstacles too: a "$310M" label
 * over one hid the commitment it draws. */
static void
add_committed_obstacles (TrancheCumulativeChart *self,
                         TrancheLabelPlacer     *placer)
{
  double half = tranche_theme_size (tranche_chart_frame_get_theme (self->frame), 1.5);

  for (guint k = 0; k < self->committed->len; k++)
    {
      const TrancheCumulativeCommitted *next;
      double x0, x1, y;

      if (_tranche_cumulative_committed_segment (self, k, &x0, &x1, &y, &next))
        tranche_label_placer_add_rect (placer, &(TrancheRect) { x0, y - half, x1 - x0,
                                                                2 * half });
    }
}

/* The steps' outline as obstacles, so labels stay off the lines. */
static void
add_step_obstacles (TrancheCumulativeChart *self,
                    TrancheLabelPlacer     *placer,
                    guint                   series)
{
  const TrancheRect *plot = tranche_chart_frame_get_plot (self->frame);
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  TrancheCumulativeSeries *s = series_at (self, series);
  const TrancheStep *steps;
  guint from, to;
  double t = tranche_theme_size (tranche_chart_frame_get_theme (self->frame), 2);
  double prev_total, prev_x = plot->x;

  steps = _tranche_cumulative_visible_steps (self, series, &from, &to);
  prev_total = from > 0 ? steps[from - 1].total : 0;
  for (guint j = from; j <= to; j++)
    {
      double x = j < to ? tranche_time_scale_day_to_x (scale, steps[j].day)
                        : plot->x + plot->width;
      double y = series_y (self, s->band, prev_total);
      TrancheRect flat = { prev_x, y - t, x - prev_x, 2 * t };

      if (prev_total > 0 || j > from)
        tranche_label_placer_add_rect (placer, &flat);
      if (j < to)
        {
          double y1 = series_y (self, s->band, steps[j].total);
          TrancheRect rise = { x - t, MIN (y, y1), 2 * t, fabs (y1 - y) };
          tranche_label_placer_add_rect (placer, &rise);
          prev_total = steps[j].total;
        }
      prev_x = x;
    }
}

static void
layout_gaps (TrancheCumulativeChart *self,
             TrancheLabelPlacer     *placer)
{
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  const TrancheRect *plot = tranche_chart_frame_get_plot (self->frame);
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  double gap_x = tranche_theme_size (theme, 12), tick = tranche_theme_size (theme, 5);

  for (guint i = 0; i < tranche_totals_get_n_gaps (self->totals); i++)
    {
      const TrancheGap *gap = tranche_totals_get_gap (self->totals, i);
      guint band = tranche_chart_frame_find_band (self->frame, gap->currency);
      guint series;
      g_autofree char *text = NULL;
      TrancheCumulativeGap g = { 0 };
      double x;

      /* The cheap tests first: a million events report as many totals, and
       * finding a gap's series is a search among as many pairs. */
      if (band == G_MAXUINT || gap->day < scale->first || gap->day >= scale->end
          || !g_hash_table_contains (self->drawn_targets, GUINT_TO_POINTER (gap->target + 1)))
        continue;
      series = _tranche_cumulative_gap_series (self, gap);
      /* a total of several investors' money has no line to sit on: the
       * panel and --summary give it */
      if (series == G_MAXUINT || !series_at (self, series)->shown)
        continue;
      x = tranche_time_scale_day_to_x (scale, gap->day);
      add_mark (self, TRANCHE_CUMULATIVE_MARK_REPORTED, series, band, gap->event,
                gap->day, gap->reported, self->radius * 1.1);

      text = tranche_cumulative_chart_gap_text (gap);
      if (text == NULL)
        continue;
      g.gap = gap;
      g.band = band;
      g.x = x + gap_x;
      g.y_computed = series_y (self, band, gap->computed);
      g.y_reported = series_y (self, band, gap->reported);
      g_array_append_val (self->gaps, g);
      {
        TrancheRect bracket = { g.x - tick, MIN (g.y_computed, g.y_reported), tick + 1,
                                fabs (g.y_computed - g.y_reported) };
        if (x <= plot->x + plot->width)
          {
            tranche_label_placer_add_rect (placer, &bracket);
            tranche_chart_frame_add_landmark (self->frame, &bracket);
          }
      }
    }
}

static void
place_gap_labels (TrancheCumulativeChart *self,
                  TrancheLabelPlacer     *placer)
{
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  double gap = tranche_theme_size (theme, 6);

  for (guint i = 0; i < self->gaps->len; i++)
    {
      TrancheCumulativeGap *g = &g_array_index (self->gaps, TrancheCumulativeGap, i);
      g_autofree char *text = tranche_cumulative_chart_gap_text (g->gap);
      double w, h, mid = (g->y_computed + g->y_reported) / 2;
      double x0 = g->x - 2 * tranche_theme_size (theme, 12);
      TrancheRect tries[4];

      tranche_text_cache_measure (tranche_chart_frame_get_text_cache (self->frame),
                                  TRANCHE_TEXT_SMALL_BOLD, text, &w, &h);
      tries[0] = (TrancheRect) { g->x + gap, mid - h / 2, w, h };
      tries[1] = (TrancheRect) { g->x + gap, g->y_reported - h, w, h };
      tries[2] = (TrancheRect) { x0 - gap - w, mid - h / 2, w, h };
      tries[3] = (TrancheRect) { g->x + gap, g->y_computed, w, h };
      if (try_place (self, tries, G_N_ELEMENTS (tries), g->x, mid, &g->label_rect))
        g->label = tranche_chart_frame_intern (self->frame, text);
    }
}

static void
place_mark_labels (TrancheCumulativeChart *self,
                   TrancheLabelPlacer     *placer)
{
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  double gap = tranche_theme_size (theme, 4);

  /* Reported figures first (they are what the gap is measured against),
   * then the totals after each round. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->marks->len; i++)
      {
        TrancheCumulativeMark *m = &g_array_index (self->marks, TrancheCumulativeMark, i);
        const TrancheChartBand *band;
        g_autofree char *text = NULL;
        double w, h, r = m->radius;
        TrancheRect tries[4];
        gboolean approx = FALSE;

        if ((pass == 0) != (m->kind == TRANCHE_CUMULATIVE_MARK_REPORTED)
            || m->kind == TRANCHE_CUMULATIVE_MARK_UNDISCLOSED)
          continue;
        if (m->kind == TRANCHE_CUMULATIVE_MARK_REPORTED)
          {
            const TrancheGap *g = tranche_totals_find_gap (self->totals, m->event);
            approx = g != NULL && g->approx;
          }
        else
          {
            guint n = tranche_totals_count_steps (self->totals, m->series, m->day);
            approx = approx_at (self, m->series, n);
          }
        band = tranche_chart_frame_get_band (self->frame, m->band);
        /* After an "up to" round the total is a range, said whole: the
         * line's "~$310M" read as a figure where the total is $310–585M. */
        if (m->kind == TRANCHE_CUMULATIVE_MARK_STEP && m->value_max > m->value)
          text = tranche_format_amount_range (m->value, m->value_max, band->currency, approx);
        else
          text = tranche_format_amount (m->value, band->currency, approx);
        tranche_text_cache_measure (tranche_chart_frame_get_text_cache (self->frame),
                                    TRANCHE_TEXT_SMALL_BOLD, text, &w, &h);
        /* Above-left of a step's corner reads as "the total from here". */
        tries[0] = (TrancheRect) { m->x - r - gap - w, m->y - h - gap / 2, w, h };
        tries[1] = (TrancheRect) { m->x + r + gap, m->y - h - gap / 2, w, h };
        tries[2] = (TrancheRect) { m->x - w / 2, m->y - r - gap - h, w, h };
        tries[3] = (TrancheRect) { m->x + r + gap, m->y + gap / 2, w, h };
        if (try_place (self, tries, G_N_ELEMENTS (tries), m->x, m->y, &m->label_rect))
          m->label = tranche_chart_frame_intern (self->frame, text);
      }
}

static void
tranche_cumulative_chart_layout (TrancheChart              *chart,
                                 const TrancheTheme        *theme,
                                 const TrancheChartOptions *options,
                                 const TrancheTimeScale    *scale,
                                 const TrancheRect         *rect)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);
  TrancheLabelPlacer *placer;
  const TrancheRect *plot;

  g_array_set_size (self->marks, 0);
  g_array_set_size (self->gaps, 0);
  self->show_pairs = options->show_pairs;
  for (guint k = 0; k < self->drawn->len; k++)
    {
      guint i = g_array_index (self->drawn, guint, k);
      TrancheCumulativeSeries *s = series_at (self, i);
      s->shown = s->drawn && (self->show_pairs || s->kind == TRANCHE_SERIES_TARGET
                              || s->reported);
    }

  tranche_chart_frame_reset (self->frame, theme, options, scale, rect->x, rect->y, rect->width,
                             rect->height);
  add_bands (self);
  if (self->extents->len == 0)
    tranche_chart_frame_set_title (self->frame, C_("chart title", "Cumulative funding"));
  tranche_chart_frame_set_empty_text (self->frame, C_("chart", "No funding to show"));
  add_legend (self);
  tranche_chart_frame_layout (self->frame);
  self->laid_out = TRUE;
  self->radius = tranche_theme_size (theme, 7);
  if (self->totals == NULL)
    return;

  plot = tranche_chart_frame_get_plot (self->frame);
  placer = tranche_chart_frame_get_placer (self->frame);

  for (guint k = 0; k < self->drawn->len; k++)
    {
      guint i = g_array_index (self->drawn, guint, k);
      TrancheCumulativeSeries *s = series_at (self, i);
      const TrancheStep *steps;
      guint from, to;
      gboolean marks;

      if (!s->shown)
        continue;
      add_step_obstacles (self, placer, i);
      steps = _tranche_cumulative_visible_steps (self, i, &from, &to);
      /* One mark per round while they can be told apart. */
      marks = (to - from) <= plot->width / (2 * self->radius);
      if (!marks)
        continue;
      for (guint j = from; j < to; j++)
        {
          if (steps[j].flags & TRANCHE_STEP_UNDISCLOSED)
            {
              /* Pairs share their target's rounds: one "?" is enough. */
              if (s->kind == TRANCHE_SERIES_TARGET)
                add_mark (self, TRANCHE_CUMULATIVE_MARK_UNDISCLOSED, i, s->band, steps[j].event,
                          steps[j].day, steps[j].total, self->radius);
            }
          else if (s->kind == TRANCHE_SERIES_TARGET)
            {
              add_mark (self, TRANCHE_CUMULATIVE_MARK_STEP, i, s->band, steps[j].event,
                        steps[j].day, steps[j].total, tranche_theme_size (theme, 3.5));
              g_array_index (self->marks, TrancheCumulativeMark,
                             self->marks->len - 1).value_max = steps[j].total_max;
            }
        }
    }
  add_committed_obstacles (self, placer);
  layout_gaps (self, placer);
  for (guint i = 0; i < self->marks->len; i++)
    {
      TrancheCumulativeMark *m = &g_array_index (self->marks, TrancheCumulativeMark, i);
      tranche_label_placer_add_circle (placer, m->x, m->y, m->radius);
      tranche_chart_frame_add_landmark (self->frame, &(TrancheRect) { m->x - m->radius,
                                                                      m->y - m->radius,
                                                                      2 * m->radius,
                                                                      2 * m->radius });
    }
  place_gap_labels (self, placer);
  place_mark_labels (self, placer);
}

static void
tranche_cumulative_chart_paint_overlay (TrancheChart *chart,
                                        cairo_t      *cr,
                                        TrancheDay    pointer_day)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);
  g_autoptr(GArray) lines = tranche_chart_readout (chart, pointer_day);

  tranche_chart_frame_paint_crosshair (self->frame, cr, pointer_day, lines);
}

static int
tranche_cumulative_chart_hit_test (TrancheChart *chart,
                                   double        x,
                                   double        y,
                                   double        tolerance)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);
  double best = G_MAXDOUBLE;
  int hit = -1;

  if (!self->laid_out || !tranche_rect_contains (tranche_chart_frame_get_plot (self->frame), x, y))
    return -1;
  for (guint i = 0; i < self->marks->len; i++)
    {
      TrancheCumulativeMark *m = &g_array_index (self->marks, TrancheCumulativeMark, i);
      double d = hypot (x - m->x, y - m->y) - m->radius;

      if (m->label != NULL && tranche_rect_contains (&m->label_rect, x, y))
        d = MIN (d, 0);
      if (d <= tolerance && d < best)
        {
          best = d;
          hit = (int) m->event;
        }
    }
  for (guint i = 0; i < self->gaps->len; i++)
    {
      TrancheCumulativeGap *g = &g_array_index (self->gaps, TrancheCumulativeGap, i);
      double d = G_MAXDOUBLE;

      if (fabs (x - g->x) <= tolerance && y >= MIN (g->y_computed, g->y_reported) - tolerance
          && y <= MAX (g->y_computed, g->y_reported) + tolerance)
        d = fabs (x - g->x);
      if (g->label != NULL && tranche_rect_contains (&g->label_rect, x, y))
        d = 0;
      if (d <= tolerance && d < best)
        {
          best = d;
          hit = (int) g->gap->event;
        }
    }
  return hit;
}

static GArray *
tranche_cumulative_chart_readout (TrancheChart *chart,
                                  TrancheDay    day)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);
  GArray *lines;

  lines = tranche_chart_readout_new ();
  for (guint k = 0; k < self->drawn->len; k++)
    {
      guint i = g_array_index (self->drawn, guint, k);
      TrancheCumulativeSeries *s = series_at (self, i);
      g_autofree char *amount = NULL;
      guint n_steps, n_undisclosed = 0;
      double total, y = NAN;
      char *value;

      if (!s->shown)
        continue;
      n_steps = tranche_totals_count_steps (self->totals, i, day);
      if (n_steps == 0)
        continue;
      total = tranche_totals_value_at (self->totals, i, day, &n_undisclosed);
      amount = tranche_format_amount (total, s->currency, approx_at (self, i, n_steps));
      if (n_undisclosed > 0)
        /* Translators: the crosshair's reading of a total that leaves out
         * rounds whose amount is not known: %1$s is the known total, %2$u
         * the number of such rounds ("$1B + 1 undisclosed"). */
        value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s + %2$u undisclosed",
                                              "%1$s + %2$u undisclosed", n_undisclosed),
                                 amount, n_undisclosed);
      else
        value = g_steal_pointer (&amount);
      if (self->laid_out && s->band != G_MAXUINT)
        y = series_y (self, s->band, total);
      tranche_chart_readout_add (lines, s->kind == TRANCHE_SERIES_PAIR
                                          ? TRANCHE_CHART_SYMBOL_DASHED_LINE
                                          : TRANCHE_CHART_SYMBOL_AREA,
                                 tranche_cumulative_series_get_color (s), s->name, value, y);
    }
  return lines;
}

static void
tranche_cumulative_chart_finalize (GObject *object)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (object);

  g_array_unref (self->series);
  g_string_chunk_free (self->names);
  g_hash_table_unref (self->all_targets);
  g_hash_table_unref (self->drawn_targets);
  g_array_unref (self->drawn);
  g_array_unref (self->extents);
  g_array_unref (self->marks);
  g_array_unref (self->gaps);
  g_array_unref (self->committed);
  g_free (self->first_approx);
  tranche_chart_frame_free (self->frame);
  g_clear_pointer (&self->totals, tranche_totals_unref);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  G_OBJECT_CLASS (tranche_cumulative_chart_parent_class)->finalize (object);
}

static void
tranche_cumulative_chart_iface_init (TrancheChartInterface *iface)
{
  iface->set_data = _tranche_cumulative_chart_set_data;
  iface->take_data = tranche_cumulative_chart_take_data;
  iface->layout = tranche_cumulative_chart_layout;
  iface->paint = _tranche_cumulative_chart_paint;
  iface->paint_overlay = tranche_cumulative_chart_paint_overlay;
  iface->hit_test = tranche_cumulative_chart_hit_test;
  iface->readout = tranche_cumulative_chart_readout;
}

static void
tranche_cumulative_chart_class_init (TrancheCumulativeChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tranche_cumulative_chart_finalize;
}

static void
tranche_cumulative_chart_init (TrancheCumulativeChart *self)
{
  self->series = g_array_new (FALSE, TRUE, sizeof (TrancheCumulativeSeries));
  self->names = g_string_chunk_new (256);
  self->all_targets = g_hash_table_new (NULL, NULL);
  self->drawn_targets = g_hash_table_new (NULL, NULL);
  self->drawn = g_array_new (FALSE, FALSE, sizeof (guint));
  self->extents = g_array_new (FALSE, TRUE, sizeof (Extent));
  self->marks = g_array_new (FALSE, TRUE, sizeof (TrancheCumulativeMark));
  self->gaps = g_array_new (FALSE, TRUE, sizeof (TrancheCumulativeGap));
  self->committed = g_array_new (FALSE, TRUE, sizeof (TrancheCumulativeCommitted));
  self->frame = tranche_chart_frame_new ();
}

TrancheCumulativeChart *
tranche_cumulative_chart_new (void)
{
  return g_object_new (TRANCHE_TYPE_CUMULATIVE_CHART, NULL);
}

/* ---- scene ---- */

TrancheChartFrame *
tranche_cumulative_chart_get_frame (TrancheCumulativeChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), NULL);
  return self->frame;
}

TrancheTotals *
tranche_cumulative_chart_get_totals (TrancheCumulativeChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), NULL);
  return self->totals;
}

TrancheColor
tranche_cumulative_series_get_color (const TrancheCumulativeSeries *series)
{
  TrancheColor none = { 0 };

  g_return_val_if_fail (series != NULL, none);
  return tranche_color_from_rgb (series->rgb, 1);
}

guint
tranche_cumulative_chart_get_n_series (TrancheCumulativeChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), 0);
  return self->series->len;
}

const TrancheCumulativeSeries *
tranche_cumulative_chart_get_series (TrancheCumulativeChart *self,
                                     guint                   series)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return series_at (self, series);
}

guint
tranche_cumulative_chart_find_series (TrancheCumulativeChart *self,
                                      guint32                 target,
                                      guint32                 investor,
                                      TrancheCurrency         currency)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), G_MAXUINT);

  if (self->totals == NULL)
    return G_MAXUINT;
  /* Chart series are the totals' series, index for index. */
  return tranche_totals_find_series (self->totals, target, investor, currency);
}

double
tranche_cumulative_chart_value_at (TrancheCumulativeChart *self,
                                   guint                   series,
                                   TrancheDay              day,
                                   guint                  *n_undisclosed)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), 0);
  g_return_val_if_fail (series < self->series->len, 0);
  return tranche_totals_value_at (self->totals, series, day, n_undisclosed);
}

guint
tranche_cumulative_chart_get_n_marks (TrancheCumulativeChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), 0);
  return self->marks->len;
}

const TrancheCumulativeMark *
tranche_cumulative_chart_get_mark (TrancheCumulativeChart *self,
                                   guint                   index)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);
  return &g_array_index (self->marks, TrancheCumulativeMark, index);
}

guint
tranche_cumulative_chart_get_n_gaps (TrancheCumulativeChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), 0);
  return self->gaps->len;
}

const TrancheCumulativeGap *
tranche_cumulative_chart_get_gap (TrancheCumulativeChart *self,
                                  guint                   index)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), NULL);
  g_return_val_if_fail (index < self->gaps->len, NULL);
  return &g_array_index (self->gaps, TrancheCumulativeGap, index);
}

guint
tranche_cumulative_chart_get_n_committed (TrancheCumulativeChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), 0);
  return self->committed->len;
}

const TrancheCumulativeCommitted *
tranche_cumulative_chart_get_committed (TrancheCumulativeChart *self,
                                        guint                   index)
{
  g_return_val_if_fail (TRANCHE_IS_CUMULATIVE_CHART (self), NULL);
  g_return_val_if_fail (index < self->committed->len, NULL);
  return &g_array_index (self->committed, TrancheCumulativeCommitted, index);
}
