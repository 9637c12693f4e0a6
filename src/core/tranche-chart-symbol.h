/* tranche-chart-symbol.h: the marks of the valuation and cumulative charts
 *
 * One painter for a mark wherever it appears (on the data, in the legend,
 * in the crosshair's readout), so the legend always shows what the chart
 * draws. Sizes follow the theme's scale.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tranche-theme.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_CHART_SYMBOL_AREA = 0,    /* a series drawn as a filled step area */
  TRANCHE_CHART_SYMBOL_LINE,        /* a series drawn as a line with dots */
  TRANCHE_CHART_SYMBOL_DASHED_LINE, /* an investor → target series */
  TRANCHE_CHART_SYMBOL_FILLED,      /* post-money valuation */
  TRANCHE_CHART_SYMBOL_HOLLOW,      /* pre-money valuation */
  TRANCHE_CHART_SYMBOL_DOTTED,      /* reported valuation, basis unknown */
  TRANCHE_CHART_SYMBOL_RANGE,       /* a reported min–max */
  TRANCHE_CHART_SYMBOL_APPROX,      /* approximate figure */
  TRANCHE_CHART_SYMBOL_SPAN,        /* a date known to the year, quarter or month */
  TRANCHE_CHART_SYMBOL_BAND,        /* the same, as a faint band before a step */
  TRANCHE_CHART_SYMBOL_UNDISCLOSED, /* a round with no amount */
  TRANCHE_CHART_SYMBOL_DIAMOND,     /* a total a source reports */
  TRANCHE_CHART_SYMBOL_GAP,         /* reported minus computed */
  TRANCHE_CHART_SYMBOL_HATCH,       /* a total's range above its line */
} TrancheChartSymbol;

/* Paints `symbol` in `color` centred on (x, y), `radius` its half-size;
 * "?" and "~" are set with `context` in the theme's font. */
void tranche_chart_symbol_paint (cairo_t            *cr,
                                 PangoContext       *context,
                                 const TrancheTheme *theme,
                                 TrancheChartSymbol  symbol,
                                 TrancheColor        color,
                                 double              x,
                                 double              y,
                                 double              radius);

G_END_DECLS
