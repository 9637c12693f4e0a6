/* tranche-chart-frame-readout.c: the crosshair and its readout box
 *
 * Where the pointer is, a chart draws a vertical line and a box listing
 * each series' value on that day, placed where it hides the least.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-chart-frame-parts.h"
#include "tranche-chart-symbol.h"
#include "tranche-draw.h"
#include "tranche-format.h"

/* Where the readout box covers the least: beside the line, right or left,
 * at the top or the bottom of the plot; the one over the fewest landmarks
 * (markers, labels, gaps) and readout dots wins, the first of equals. */
static void
place_readout (TrancheChartFrame *self,
               GArray            *lines,
               guint              n_lines,
               double             x,
               double             width,
               double             height,
               double            *box_x,
               double            *box_y)
{
  double right = x + S (self, 12), left = x - S (self, 12) - width;
  double top = self->plot.y + S (self, 4);
  double bottom = self->plot.y + self->plot.height - S (self, 4) - height;
  TrancheRect tries[4] = {
    { right, top, width, height },
    { left, top, width, height },
    { right, bottom, width, height },
    { left, bottom, width, height },
  };
  guint best = 0, best_covered = G_MAXUINT;

  for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
    {
      TrancheRect *r = &tries[t];
      guint covered = 0;

      if (r->x < self->plot.x || r->x + r->width > self->plot.x + self->plot.width
          || r->y < self->plot.y - 1)
        continue;
      for (guint i = 0; i < self->landmarks->len; i++)
        covered += tranche_rect_intersects (r, &g_array_index (self->landmarks, TrancheRect, i));
      for (guint i = 0; i < n_lines; i++)
        {
          double y = g_array_index (lines, TrancheChartReadoutLine, i).y;
          covered += isfinite (y) && y >= r->y && y <= r->y + r->height;
        }
      if (covered < best_covered)
        {
          best = t;
          best_covered = covered;
        }
    }
  /* Narrower than the box on both sides: keep it in the chart. */
  *box_x = CLAMP (tries[best].x, self->rect.x,
                  MAX (self->rect.x, self->rect.x + self->rect.width - width));
  *box_y = MAX (tries[best].y, self->plot.y);
}

void
tranche_chart_frame_paint_crosshair (TrancheChartFrame *self,
                                     cairo_t           *cr,
                                     TrancheDay         day,
                                     GArray            *lines)
{
  g_autofree char *date = NULL;
  PangoLayout *date_layout, *name_layout, *value_layout;
  double x, pad, row_h, date_w, date_h, name_w = 0, value_w = 0, sym_w, box_w, box_h;
  double box_x, box_y, text_y;
  guint n_lines;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (!isfinite (day) || day < self->scale.first || day >= self->scale.end)
    return;
  x = tranche_time_scale_day_to_x (&self->scale, day);
  if (x < self->plot.x || x > self->plot.x + self->plot.width)
    return;

  cairo_save (cr);
  tranche_chart_frame_clip_to_rect (cr, &self->rect);
  cairo_set_line_width (cr, MAX (1.0, S (self, 1)));
  tranche_draw_set_color (cr, tranche_color_with_alpha (self->theme.foreground, 0.55));
  cairo_move_to (cr, floor (x) + 0.5, self->plot.y);
  cairo_line_to (cr, floor (x) + 0.5, self->plot.y + self->plot.height);
  cairo_stroke (cr);

  n_lines = lines != NULL ? MIN (lines->len, MAX_READOUT_LINES) : 0;
  for (guint i = 0; i < n_lines; i++)
    {
      TrancheChartReadoutLine *line = &g_array_index (lines, TrancheChartReadoutLine, i);

      if (!isfinite (line->y))
        continue;
      cairo_arc (cr, x, line->y, S (self, 4), 0, 2 * G_PI);
      tranche_draw_set_color (cr, line->color);
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, self->theme.background);
      cairo_set_line_width (cr, S (self, 1.5));
      cairo_stroke (cr);
    }

  /* The box: the date, then one row per series (symbol, name, value). With
   * no series to read yet, the line alone says where the pointer is (the
   * timeline above names the date). */
  if (n_lines == 0)
    {
      cairo_restore (cr);
      return;
    }
  date = tranche_format_day (day, TRANCHE_PRECISION_DAY);
  date_layout = tranche_text_cache_new_layout (self->text, TRANCHE_TEXT_SMALL_BOLD, date);
  name_layout = tranche_text_cache_new_layout (self->text, TRANCHE_TEXT_SMALL, "");
  value_layout = tranche_text_cache_new_layout (self->text, TRANCHE_TEXT_SMALL_BOLD, "");
  tranche_draw_get_text_size (date_layout, &date_w, &date_h);
  for (guint i = 0; i < n_lines; i++)
    {
      TrancheChartReadoutLine *line = &g_array_index (lines, TrancheChartReadoutLine, i);
      double w;

      pango_layout_set_text (name_layout, line->name, -1);
      tranche_draw_get_text_size (name_layout, &w, NULL);
      name_w = MAX (name_w, w);
      pango_layout_set_text (value_layout, line->value, -1);
      tranche_draw_get_text_size (value_layout, &w, NULL);
      value_w = MAX (value_w, w);
    }
  pad = S (self, 7);
  row_h = date_h + S (self, 2);
  sym_w = S (self, 14);
  box_w = MAX (date_w, sym_w + S (self, 5) + name_w + S (self, 14) + value_w) + 2 * pad;
  box_h = 2 * pad + date_h + n_lines * row_h;
  place_readout (self, lines, n_lines, x, box_w, box_h, &box_x, &box_y);

  tranche_draw_rounded_rect (cr, box_x, box_y, box_w, box_h, S (self, 5));
  tranche_draw_set_color (cr, tranche_color_with_alpha (self->theme.background, 0.94));
  cairo_fill_preserve (cr);
  tranche_draw_set_color (cr, self->theme.grid_strong);
  cairo_set_line_width (cr, MAX (1.0, S (self, 1)));
  cairo_stroke (cr);

  tranche_draw_set_color (cr, self->theme.foreground);
  tranche_draw_layout (cr, date_layout, box_x + pad, box_y + pad);
  text_y = box_y + pad + date_h + S (self, 2);
  for (guint i = 0; i < n_lines; i++)
    {
      TrancheChartReadoutLine *line = &g_array_index (lines, TrancheChartReadoutLine, i);
      double w;

      tranche_chart_frame_paint_symbol (self, cr, line->symbol, line->color,
                                        box_x + pad + sym_w / 2, text_y + date_h / 2,
                                        S (self, 4.5));
      pango_layout_set_text (name_layout, line->name, -1);
      tranche_draw_set_color (cr, self->theme.muted);
      tranche_draw_layout (cr, name_layout, box_x + pad + sym_w + S (self, 5), text_y);
      pango_layout_set_text (value_layout, line->value, -1);
      tranche_draw_get_text_size (value_layout, &w, NULL);
      tranche_draw_set_color (cr, self->theme.foreground);
      tranche_draw_layout (cr, value_layout, box_x + box_w - pad - w, text_y);
      text_y += row_h;
    }
  g_object_unref (date_layout);
  g_object_unref (name_layout);
  g_object_unref (value_layout);
  cairo_restore (cr);
}

static void
clear_readout_line (gpointer data)
{
  TrancheChartReadoutLine *line = data;

  g_clear_pointer (&line->name, g_free);
  g_clear_pointer (&line->value, g_free);
}

GArray *
tranche_chart_readout_new (void)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (TrancheChartReadoutLine));

  g_array_set_clear_func (lines, clear_readout_line);
  return lines;
}

void
tranche_chart_readout_add (GArray             *lines,
                           TrancheChartSymbol  symbol,
                           TrancheColor        color,
                           const char         *name,
                           char               *value,
                           double              y)
{
  TrancheChartReadoutLine line = { 0 };

  g_return_if_fail (lines != NULL);

  line.symbol = symbol;
  line.color = color;
  line.name = g_strdup (name != NULL ? name : "");
  line.value = value != NULL ? value : g_strdup ("");
  line.y = y;
  g_array_append_val (lines, line);
}
