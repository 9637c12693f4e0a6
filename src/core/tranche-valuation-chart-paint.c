/* tranche-valuation-chart-paint.c: painting the valuation chart, and what
 * is under the pointer (hit test, readout)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-draw.h"
#include "tranche-format.h"
#include "tranche-valuation-chart-parts.h"

static void
paint_series (TrancheValuationChart        *self,
              cairo_t                      *cr,
              const TrancheValuationSeries *s)
{
  const TrancheTimeScale *scale = tranche_chart_frame_get_scale (self->frame);
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  const TrancheRect *plot = tranche_chart_frame_get_plot (self->frame);
  guint from, to, n_in_view = 0;
  gboolean markers;
  double line = tranche_theme_size (theme, 2);

  tranche_valuation_chart_visible_points (self, s, scale, &from, &to);
  if (from >= to)
    return;

  /* The step line: a value holds until the next one. */
  cairo_set_line_width (cr, line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tranche_draw_set_color (cr, tranche_color_with_alpha (s->color, 0.85));
  for (guint j = from; j < to; j++)
    {
      TrancheValuationPoint *p = point_at (self, j);

      if (j == from)
        cairo_move_to (cr, p->x, p->y);
      else
        {
          double prev_y = point_at (self, j - 1)->y;
          cairo_line_to (cr, p->x, prev_y);
          cairo_line_to (cr, p->x, p->y);
        }
      if (p->x >= plot->x && p->x <= plot->x + plot->width)
        n_in_view++;
    }
  cairo_stroke (cr);

  markers = n_in_view <= plot->width / (2 * self->radius);
  if (!markers)
    return;

  for (guint j = from; j < to; j++)
    {
      TrancheValuationPoint *p = point_at (self, j);
      double r = p->radius;

      /* A date known to the year (quarter, month) is a bar over its span. */
      if (p->precision < TRANCHE_PRECISION_DAY && p->span_x1 - p->span_x0 > 2 * r)
        {
          tranche_draw_set_color (cr, tranche_color_with_alpha (s->color, 0.5));
          cairo_set_line_width (cr, tranche_theme_size (theme, 1.5));
          cairo_move_to (cr, p->span_x0, p->y);
          cairo_line_to (cr, p->span_x1, p->y);
          cairo_move_to (cr, p->span_x0, p->y - r * 0.6);
          cairo_line_to (cr, p->span_x0, p->y + r * 0.6);
          cairo_move_to (cr, p->span_x1, p->y - r * 0.6);
          cairo_line_to (cr, p->span_x1, p->y + r * 0.6);
          cairo_stroke (cr);
        }
      if (p->has_range)
        tranche_chart_frame_paint_symbol (self->frame, cr, TRANCHE_CHART_SYMBOL_RANGE, s->color,
                                          p->x, (p->y_min + p->y_max) / 2,
                                          (p->y_min - p->y_max) / 2);
    }
  for (guint j = from; j < to; j++)
    {
      TrancheValuationPoint *p = point_at (self, j);

      tranche_chart_frame_paint_symbol (self->frame, cr,
                                        tranche_valuation_symbol_for_basis (p->basis),
                                        s->color, p->x, p->y, p->radius);
    }
}

static void
paint_labels (TrancheValuationChart *self,
              cairo_t               *cr)
{
  const TrancheTheme *theme = tranche_chart_frame_get_theme (self->frame);
  PangoLayout *layout = NULL;

  for (guint i = 0; i < self->points->len; i++)
    {
      TrancheValuationPoint *p = point_at (self, i);

      if (!p->drawn)
        continue;
      if (p->label == NULL)
        {
          /* No room for the figure: an approximate one still says so. */
          if (p->approx)
            tranche_chart_frame_paint_symbol (self->frame, cr, TRANCHE_CHART_SYMBOL_APPROX,
                                              theme->foreground, p->x + p->radius * 1.9,
                                              p->y - p->radius, p->radius);
          continue;
        }
      if (layout == NULL)
        layout = tranche_chart_frame_get_label_layout (self->frame, TRUE);
      pango_layout_set_text (layout, p->label, -1);
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, layout, p->label_rect.x, p->label_rect.y);
    }
}

void
_tranche_valuation_chart_paint (TrancheChart *chart,
                                cairo_t      *cr,
                                int           selected)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);

  g_assert (self->laid_out);

  tranche_chart_frame_begin_paint (self->frame, cr, self->radius);
  for (guint i = 0; i < self->series->len; i++)
    if (series_at (self, i)->drawn)
      paint_series (self, cr, series_at (self, i));
  paint_labels (self, cr);

  if (selected >= 0)
    {
      guint index = tranche_valuation_chart_find_point (self, (guint32) selected);
      if (index != G_MAXUINT && point_at (self, index)->drawn)
        {
          TrancheValuationPoint *p = point_at (self, index);
          tranche_chart_frame_paint_selection (self->frame, cr, p->x, p->y, p->radius);
        }
    }
  tranche_chart_frame_end_paint (self->frame, cr);
}

void
_tranche_valuation_chart_paint_overlay (TrancheChart *chart,
                                        cairo_t      *cr,
                                        TrancheDay    pointer_day)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);
  g_autoptr(GArray) lines = tranche_chart_readout (chart, pointer_day);

  tranche_chart_frame_paint_crosshair (self->frame, cr, pointer_day, lines);
}

int
_tranche_valuation_chart_hit_test (TrancheChart *chart,
                                   double        x,
                                   double        y,
                                   double        tolerance)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);
  double best = G_MAXDOUBLE;
  int hit = -1;

  if (!self->laid_out || !tranche_rect_contains (tranche_chart_frame_get_plot (self->frame), x, y))
    return -1;
  for (guint i = 0; i < self->points->len; i++)
    {
      TrancheValuationPoint *p = point_at (self, i);
      double d;

      if (!p->drawn)
        continue;
      d = hypot (x - p->x, y - p->y) - p->radius;
      if (p->has_range && fabs (x - p->x) <= p->radius && y >= p->y_max && y <= p->y_min)
        d = MIN (d, 0);
      if (p->label != NULL && tranche_rect_contains (&p->label_rect, x, y))
        d = MIN (d, 0);
      if (d <= tolerance && d < best)
        {
          best = d;
          hit = (int) p->event;
        }
    }
  return hit;
}

GArray *
_tranche_valuation_chart_readout (TrancheChart *chart,
                                  TrancheDay    day)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);
  GArray *lines;

  lines = tranche_chart_readout_new ();
  for (guint i = 0; i < self->series->len; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);
      TrancheValuationPoint *p;
      const TrancheEvent *event;
      char *value;
      double y = NAN;
      guint index;

      if (!s->drawn || !tranche_valuation_chart_value_at (self, i, day, NULL, &index))
        continue;
      p = point_at (self, index);
      event = tranche_dataset_get_event (self->dataset, p->event);
      /* As the source gives it, unless it had to be converted. */
      if (p->converted)
        value = tranche_format_amount (p->value, s->currency, p->approx);
      else
        value = tranche_format_money (&event->valuation);
      if (self->laid_out)
        y = tranche_chart_frame_value_to_y (self->frame, s->band, p->value);
      tranche_chart_readout_add (lines, TRANCHE_CHART_SYMBOL_LINE, s->color, s->name, value, y);
    }
  return lines;
}
