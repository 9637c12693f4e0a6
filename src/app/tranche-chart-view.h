/* tranche-chart-view.h: the valuation or cumulative-funding chart, under the timeline */
#pragma once

#include <adwaita.h>

#include "tranche-chart.h"
#include "tranche-dataset.h"
#include "tranche-session.h"
#include "tranche-time-scale.h"
#include "tranche-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_CHART_VALUATION,
  TRANCHE_CHART_CUMULATIVE,
} TrancheChartKind;

#define TRANCHE_TYPE_CHART_VIEW (tranche_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TrancheChartView, tranche_chart_view, TRANCHE, CHART_VIEW, GtkWidget)

GtkWidget        *tranche_chart_view_new          (TrancheChartKind  kind);
TrancheChartKind  tranche_chart_view_get_kind     (TrancheChartView *self);
/* Dataset, mask, selection and viewport follow the session's; the setters
 * below are for a chart without one. */
TrancheSession   *tranche_chart_view_get_session  (TrancheChartView *self);
void              tranche_chart_view_set_session  (TrancheChartView *self,
                                                   TrancheSession   *session);
void              tranche_chart_view_set_dataset  (TrancheChartView *self,
                                                   TrancheDataset   *dataset);
/* One byte per event, 1 when shown; NULL shows all. */
void              tranche_chart_view_set_mask     (TrancheChartView *self,
                                                   GBytes           *mask);
void              tranche_chart_view_set_viewport (TrancheChartView *self,
                                                   TrancheViewport  *viewport);
int               tranche_chart_view_get_selected (TrancheChartView *self);
void              tranche_chart_view_set_selected (TrancheChartView *self,
                                                   int               selected);
/* The time scale the chart was last drawn with (its x range is the plot's,
 * aligned with the timeline's); FALSE before it has drawn data. For tests. */
gboolean          tranche_chart_view_get_scale    (TrancheChartView *self,
                                                   TrancheTimeScale *scale);
/* The chart it lays out and paints (a TrancheValuationChart or a
 * TrancheCumulativeChart, by kind). For tests. */
TrancheChart     *tranche_chart_view_get_chart    (TrancheChartView *self);

G_END_DECLS
