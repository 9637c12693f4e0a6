/* tranche-cumulative-chart-paint.c: painting the cumulative funding chart
 * laid out by tranche-cumulative-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-cumulative-chart-private.h"
#include "tranche-draw.h"

/* Diagonal lines across `area` (the path for a clipped fill). */
static void
hatch (cairo_t           *cr,
       const TrancheRect *area,
       double             gap)
{
  cairo_new_path (cr);
  for (double x = area->x - area->height; x < area->x + area->width; x += gap)
    {
      cairo_move_to (cr, x, area->y + area->height);
      cairo_line_to (cr, x + area->height, area->y);
    }
}

static void
paint_series (TrancheCumulativeChart *self,
              cairo_t                *cr,
              guint                   series)
{
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  const TrancheRect *plot = tranche_chart_frame_get_plot (self->frame);
  TrancheCumulativeSeries *s = series_at (self, series);
  const TrancheChartBand *band = tranche_chart_frame_get_band (self->frame, s->band);
  double base = band->rect.y + band->rect.height;
  const TrancheStep *steps;
  guint from, to;
  double prev_total, start_x, x_right = plot->x + plot->width;
  gboolean pair = s->kind == TRANCHE_SERIES_PAIR;
  TrancheColor color = tranche_cumulative_series_get_color (s);

  steps = _tranche_cumulative_visible_steps (self, series, &from, &to);
  prev_total = from > 0 ? steps[from - 1].total : 0;
  if (from == to && prev_total <= 0)
    return;

  /* The outline: from the left edge (or the first round) along each total
   * to the right edge; a total holds after its last round. */
  cairo_new_path (cr);
  if (prev_total > 0)
    start_x = plot->x - 1;
  else
    start_x = tranche_time_scale_day_to_x (scale, steps[from].day);
  cairo_move_to (cr, start_x, series_y (self, s->band, prev_total));
  for (guint j = from; j < to; j++)
    {
      double x = tranche_time_scale_day_to_x (scale, steps[j].day);

      cairo_line_to (cr, x, series_y (self, s->band, prev_total));
      cairo_line_to (cr, x, series_y (self, s->band, steps[j].total));
      prev_total = steps[j].total;
    }
  cairo_line_to (cr, x_right + 1, series_y (self, s->band, prev_total));

  if (!pair)
    {
      cairo_path_t *outline = cairo_copy_path (cr);

      /* A round known only to the year (quarter, month) could have come any
       * time in it: a faint band from the start of that span to the step,
       * between the totals before and after, says the money may have come
       * that early (after the step the area itself covers it). */
      cairo_new_path (cr);
      for (guint j = from; j < to; j++)
        {
          const TrancheEvent *event = tranche_dataset_get_event (self->dataset, steps[j].event);
          double before = j > 0 ? steps[j - 1].total : 0;
          double x0, x1, y0, y1;

          if (event->date.precision >= TRANCHE_PRECISION_DAY || steps[j].total <= before)
            continue;
          x0 = tranche_time_scale_day_to_x (scale, tranche_date_first_day (&event->date));
          y0 = series_y (self, s->band, before);
          y1 = series_y (self, s->band, steps[j].total);
          x1 = tranche_time_scale_day_to_x (scale, steps[j].day);
          cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
        }
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.12));
      cairo_fill (cr);
      cairo_append_path (cr, outline);

      /* After an "up to" round the total is a range: a hatched band from
       * the line (the sum of minimums) up to the sum of maximums, so a
       * reported figure inside the range reads as agreeing. An unbounded
       * maximum ("at least") draws none. */
      cairo_new_path (cr);
      for (guint j = from; j < to; j++)
        {
          double x0 = tranche_time_scale_day_to_x (scale, steps[j].day);
          double x1 = j + 1 < to ? tranche_time_scale_day_to_x (scale, steps[j + 1].day)
                                 : x_right + 1;

          if (!isfinite (steps[j].total_max) || !(steps[j].total_max > steps[j].total))
            continue;
          cairo_rectangle (cr, x0, series_y (self, s->band, steps[j].total_max), x1 - x0,
                           series_y (self, s->band, steps[j].total)
                           - series_y (self, s->band, steps[j].total_max));
        }
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.1));
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      hatch (cr, plot, tranche_theme_size (theme, 7));
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.35));
      cairo_set_line_width (cr, tranche_theme_size (theme, 1));
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_new_path (cr);
      cairo_append_path (cr, outline);

      cairo_line_to (cr, x_right + 1, base);
      cairo_line_to (cr, start_x, base);
      cairo_close_path (cr);
      tranche_draw_set_color (cr, tranche_color_with_alpha (color,
                                                            theme->variant == TRANCHE_THEME_DARK
                                                              ? 0.3 : 0.22));
      cairo_fill (cr);
      cairo_append_path (cr, outline);
      cairo_path_destroy (outline);
    }

  cairo_set_line_width (cr, tranche_theme_size (theme, pair ? 1.8 : 2.2));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (pair)
    {
      double dash[] = { tranche_theme_size (theme, 6), tranche_theme_size (theme, 3) };
      cairo_set_dash (cr, dash, 2, 0);
    }
  tranche_draw_set_color (cr, color);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Money committed and not yet paid: a dashed line in the target's colour
 * at received + outstanding, so the step under it stays money received. */
static void
paint_committed (TrancheCumulativeChart *self,
                 cairo_t                *cr)
{
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  double dash[] = { tranche_theme_size (theme, 2.5), tranche_theme_size (theme, 2.5) };
  guint n = self->committed->len;

  cairo_set_line_width (cr, tranche_theme_size (theme, 1.6));
  cairo_set_dash (cr, dash, 2, 0);
  for (guint k = 0; k < n; k++)
    {
      const TrancheCumulativeCommitted *c =
        &g_array_index (self->committed, TrancheCumulativeCommitted, k);
      const TrancheCumulativeCommitted *next;
      double x0, x1, y;

      if (!_tranche_cumulative_committed_segment (self, k, &x0, &x1, &y, &next))
        continue;
      cairo_new_path (cr);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      /* down (or up) to where the next point has it */
      if (next != NULL && next->outstanding > 0)
        cairo_line_to (cr, x1, series_y (self, series_at (self, next->series)->band,
                                         next->received + next->outstanding));
      tranche_draw_set_color (cr, tranche_cumulative_series_get_color (series_at (self,
                                                                                  c->series)));
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static TrancheColor
mark_color (TrancheCumulativeChart      *self,
            const TrancheCumulativeMark *m)
{
  if (m->series != G_MAXUINT)
    return tranche_cumulative_series_get_color (series_at (self, m->series));
  return tranche_chart_frame_get_theme (self->frame)->neutral;
}

static void
paint_gaps (TrancheCumulativeChart *self,
            cairo_t                *cr)
{
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  double tick = tranche_theme_size (theme, 5);

  for (guint i = 0; i < self->gaps->len; i++)
    {
      TrancheCumulativeGap *g = &g_array_index (self->gaps, TrancheCumulativeGap, i);
      double top = MIN (g->y_computed, g->y_reported);
      double bottom = MAX (g->y_computed, g->y_reported);

      /* A bracket "]" from the computed total to the reported one. */
      cairo_new_path (cr);
      cairo_set_line_width (cr, tranche_theme_size (theme, 1.8));
      tranche_draw_set_color (cr, theme->today);
      cairo_move_to (cr, g->x - tick, top);
      cairo_line_to (cr, g->x, top);
      cairo_line_to (cr, g->x, bottom);
      cairo_line_to (cr, g->x - tick, bottom);
      cairo_stroke (cr);
      /* The missing part of the step, dashed, so the eye reads it as money
       * that is not there. */
      {
        double dash[] = { tranche_theme_size (theme, 3), tranche_theme_size (theme, 3) };
        double x = g->x - tranche_theme_size (theme, 12);

        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_line_width (cr, tranche_theme_size (theme, 1.5));
        cairo_move_to (cr, x, g->y_computed);
        cairo_line_to (cr, x, g->y_reported);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
    }
}

static void
paint_labels (TrancheCumulativeChart *self,
              cairo_t                *cr)
{
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  PangoLayout *layout = tranche_chart_frame_get_label_layout (self->frame, TRUE);

  for (guint i = 0; i < self->marks->len; i++)
    {
      TrancheCumulativeMark *m = &g_array_index (self->marks, TrancheCumulativeMark, i);

      if (m->label == NULL)
        continue;
      pango_layout_set_text (layout, m->label, -1);
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, layout, m->label_rect.x, m->label_rect.y);
    }
  for (guint i = 0; i < self->gaps->len; i++)
    {
      TrancheCumulativeGap *g = &g_array_index (self->gaps, TrancheCumulativeGap, i);

      if (g->label == NULL)
        continue;
      pango_layout_set_text (layout, g->label, -1);
      tranche_draw_set_color (cr, theme->today);
      tranche_draw_layout (cr, layout, g->label_rect.x, g->label_rect.y);
    }
}

void
_tranche_cumulative_chart_paint (TrancheChart *chart,
                                 cairo_t      *cr,
                                 int           selected)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);

  g_assert (self->laid_out);

  tranche_chart_frame_begin_paint (self->frame, cr, self->radius);
  /* Targets' areas first, pairs' lines over them. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < self->drawn->len; k++)
      {
        guint i = g_array_index (self->drawn, guint, k);
        TrancheCumulativeSeries *s = series_at (self, i);

        if (s->shown && (pass == 0) == (s->kind == TRANCHE_SERIES_TARGET))
          paint_series (self, cr, i);
      }
  paint_committed (self, cr);
  paint_gaps (self, cr);
  for (guint i = 0; i < self->marks->len; i++)
    {
      TrancheCumulativeMark *m = &g_array_index (self->marks, TrancheCumulativeMark, i);
      TrancheChartSymbol symbol;

      switch (m->kind)
        {
        case TRANCHE_CUMULATIVE_MARK_UNDISCLOSED:
          symbol = TRANCHE_CHART_SYMBOL_UNDISCLOSED;
          break;
        case TRANCHE_CUMULATIVE_MARK_REPORTED:
          symbol = TRANCHE_CHART_SYMBOL_DIAMOND;
          break;
        case TRANCHE_CUMULATIVE_MARK_STEP:
        default:
          symbol = TRANCHE_CHART_SYMBOL_FILLED;
          break;
        }
      tranche_chart_frame_paint_symbol (self->frame, cr, symbol, mark_color (self, m),
                                        m->x, m->y, m->radius);
    }
  paint_labels (self, cr);

  if (selected >= 0)
    for (guint i = 0; i < self->marks->len; i++)
      {
        TrancheCumulativeMark *m = &g_array_index (self->marks, TrancheCumulativeMark, i);
        if (m->event == (guint32) selected)
          tranche_chart_frame_paint_selection (self->frame, cr, m->x, m->y, m->radius);
      }
  tranche_chart_frame_end_paint (self->frame, cr);
}

