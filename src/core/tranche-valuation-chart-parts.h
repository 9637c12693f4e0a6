/* tranche-valuation-chart-parts.h: what the valuation chart's files share
 *
 * tranche-valuation-chart.c collects the points and lays the chart out;
 * tranche-valuation-chart-paint.c paints it, hit-tests it and reads it
 * out under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-chart.h"
#include "tranche-valuation-chart.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheCurrency currency;
  gboolean        no_rate;
  double          lo;  /* smallest positive value, or +inf */
  double          hi;
} Extent;

struct _TrancheValuationChart
{
  GObject            parent_instance;

  TrancheDataset    *dataset;
  GArray            *points;     /* TrancheValuationPoint */
  GArray            *series;     /* TrancheValuationSeries */
  GArray            *extents;    /* Extent, one per band, in band order */
  GHashTable        *by_event;   /* event index + 1 -> point index + 1 */
  /* currency -> TRANCHE_AXIS_LOG or _LINEAR, as the whole dataset needs:
   * a filter never switches the scale under the analyst */
  GHashTable        *scale_rule;
  guint              bases;      /* 1 << TrancheValuationBasis seen */
  gboolean           any_range;
  gboolean           any_approx;
  guint8             coarsest;   /* TranchePrecision of the vaguest date, DAY if none */
  guint              n_hidden_targets; /* valued, but not among the drawn */
  TrancheChartFrame *frame;
  gboolean           laid_out;
  double             radius;
};

static inline TrancheValuationPoint *
point_at (TrancheValuationChart *self,
          guint                  index)
{
  return &g_array_index (self->points, TrancheValuationPoint, index);
}

static inline TrancheValuationSeries *
series_at (TrancheValuationChart *self,
           guint                  index)
{
  return &g_array_index (self->series, TrancheValuationSeries, index);
}

/* layout */
TrancheChartSymbol tranche_valuation_symbol_for_basis     (guint8                        basis);
/* Points of a series whose day is in [first, end), plus one on each side so
 * the step line enters and leaves the plot. */
void               tranche_valuation_chart_visible_points (TrancheValuationChart        *self,
                                                           const TrancheValuationSeries *s,
                                                           const TrancheTimeScale       *scale,
                                                           guint                        *from,
                                                           guint                        *to);

/* painting (the TrancheChart interface) */
void    _tranche_valuation_chart_paint         (TrancheChart *chart,
                                                cairo_t      *cr,
                                                int           selected);
void    _tranche_valuation_chart_paint_overlay (TrancheChart *chart,
                                                cairo_t      *cr,
                                                TrancheDay    pointer_day);
int     _tranche_valuation_chart_hit_test      (TrancheChart *chart,
                                                double        x,
                                                double        y,
                                                double        tolerance);
GArray *_tranche_valuation_chart_readout       (TrancheChart *chart,
                                                TrancheDay    day);

G_END_DECLS
