/* tranche-chart-options.h: how the valuation and cumulative charts are drawn
 *
 * One plain struct for both charts, so a widget, an export or a presentation
 * keeps one set of settings for the charts it stacks; a member that does not
 * concern a chart is ignored by it.
 */
#pragma once

#include <glib.h>

#include "tranche-value-axis.h"

G_BEGIN_DECLS

/* A chart draws at most this many series (the largest); more lines than
 * this read as noise, and a filter narrows the rest down. */
#define TRANCHE_CHART_MAX_SERIES 12

typedef struct
{
  TrancheAxisMode y_mode;          /* valuation chart's y axis; cumulative is always linear */
  gboolean        show_pairs;      /* cumulative chart: also each investor → target total */
  gboolean        show_legend;     /* the header row: title, notes and legend */
  gboolean        show_time_axis;  /* tick labels under the plot (off when stacked
                                    * under a chart that shows them) */
} TrancheChartOptions;

/* Automatic y axis, no pairs, legend and time axis shown. */
void tranche_chart_options_init (TrancheChartOptions *self);

G_END_DECLS
