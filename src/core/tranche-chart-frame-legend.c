/* tranche-chart-frame-legend.c: a chart's legend, flowed into its header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-chart-frame-parts.h"
#include "tranche-draw.h"

static double
symbol_width (TrancheChartFrame  *self,
              TrancheChartSymbol  symbol)
{
  switch (symbol)
    {
    case TRANCHE_CHART_SYMBOL_AREA:
    case TRANCHE_CHART_SYMBOL_LINE:
    case TRANCHE_CHART_SYMBOL_DASHED_LINE:
    case TRANCHE_CHART_SYMBOL_SPAN:
    case TRANCHE_CHART_SYMBOL_BAND:
    case TRANCHE_CHART_SYMBOL_HATCH:
      return S (self, 22);
    case TRANCHE_CHART_SYMBOL_FILLED:
    case TRANCHE_CHART_SYMBOL_HOLLOW:
    case TRANCHE_CHART_SYMBOL_DOTTED:
    case TRANCHE_CHART_SYMBOL_RANGE:
    case TRANCHE_CHART_SYMBOL_APPROX:
    case TRANCHE_CHART_SYMBOL_UNDISCLOSED:
    case TRANCHE_CHART_SYMBOL_DIAMOND:
    case TRANCHE_CHART_SYMBOL_GAP:
    default:
      return S (self, 14);

    }
}

/* Lays the legend out right-aligned from `right`, in rows of `row_height`
 * starting at `y`; the first row ends where the title and note do. Items
 * that do not fit in `max_rows` rows are not shown. Returns the rows used. */
guint
tranche_chart_frame_flow_legend (TrancheChartFrame *self,
                                 double             left_first_row,
                                 double             left,
                                 double             right,
                                 double             y,
                                 double             row_height,
                                 guint              max_rows,
                                 double             gap)
{
  double inner = S (self, 5);
  guint row = 0, start = 0;

  for (guint i = 0; i < self->legend->len; i++)
    g_array_index (self->legend, TrancheChartLegendItem, i).shown = FALSE;

  while (start < self->legend->len && row < max_rows)
    {
      double row_left = row == 0 ? left_first_row : left;
      double used = 0;
      guint end = start;
      double x;

      /* As many items as fit on this row, in order. */
      while (end < self->legend->len)
        {
          TrancheChartLegendItem *item;
          double w;

          item = &g_array_index (self->legend, TrancheChartLegendItem, end);

          tranche_draw_get_text_size (item->layout, &w, NULL);
          w += symbol_width (self, item->symbol) + inner;
          if (used + (end > start ? gap : 0) + w > right - row_left)
            break;
          used += (end > start ? gap : 0) + w;
          end++;
        }
      if (end == start)
        {
          /* Not even one item fits on the first row: try the next. */
          if (row == 0 && max_rows > 1)
            {
              row++;
              continue;
            }
          break;
        }

      x = right - used;
      for (guint i = start; i < end; i++)
        {
          TrancheChartLegendItem *item = &g_array_index (self->legend, TrancheChartLegendItem, i);
          double w, h, sw = symbol_width (self, item->symbol);
          double row_y = y + row * row_height;

          tranche_draw_get_text_size (item->layout, &w, &h);
          item->symbol_rect = (TrancheRect) { x, row_y + (row_height - sw) / 2, sw, sw };
          if (sw > S (self, 14))
            item->symbol_rect = (TrancheRect) { x, row_y + (row_height - S (self, 14)) / 2, sw,
                                                S (self, 14) };
          item->text_rect = (TrancheRect) { x + sw + inner, row_y + (row_height - h) / 2, w, h };
          item->shown = TRUE;
          x += sw + inner + w + gap;
        }
      start = end;
      row++;
    }
  return row;
}

gboolean
tranche_chart_frame_legend_all_shown (TrancheChartFrame *self)
{
  for (guint i = 0; i < self->legend->len; i++)
    if (!g_array_index (self->legend, TrancheChartLegendItem, i).shown)
      return FALSE;
  return TRUE;
}
