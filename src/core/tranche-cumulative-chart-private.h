/* tranche-cumulative-chart-private.h: what the chart's data and layout
 * (tranche-cumulative-chart.c) share with its painting
 * (tranche-cumulative-chart-paint.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-cumulative-chart.h"
#include "tranche-label-placer.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheCurrency currency;
  gboolean        no_rate;
  double          hi;
} Extent;

struct _TrancheCumulativeChart
{
  GObject            parent_instance;

  TrancheDataset    *dataset;
  TrancheTotals     *totals;
  GArray            *series;       /* TrancheCumulativeSeries, as the totals' series */
  GStringChunk      *names;        /* pairs' names, until the next data */
  guint             *first_approx; /* per series: its first approximate step, or G_MAXUINT */
  GArray            *extents;      /* Extent, in band order */
  gboolean           any_undisclosed;
  gboolean           any_reported;
  gboolean           any_gap;
  GArray            *committed;    /* TrancheCumulativeCommitted, target by target, by day */
  gboolean           any_pairs;
  guint8             coarsest;     /* TranchePrecision of the vaguest round's date */
  GHashTable        *all_targets;  /* entity + 1 of every target with money */
  GHashTable        *drawn_targets; /* entity + 1 of the targets drawn */
  GArray            *drawn;        /* indices of the drawn series */
  guint              n_hidden_targets;

  TrancheChartFrame *frame;
  gboolean           laid_out;
  gboolean           show_pairs;
  double             radius;
  GArray            *marks;        /* TrancheCumulativeMark */
  GArray            *gaps;         /* TrancheCumulativeGap */
};

static inline TrancheCumulativeSeries *
series_at (TrancheCumulativeChart *self,
           guint                   index)
{
  return &g_array_index (self->series, TrancheCumulativeSeries, index);
}

static inline double
series_y (TrancheCumulativeChart *self,
          guint                   band,
          double                  value)
{
  return tranche_chart_frame_value_to_y (self->frame, band, value);
}

/* Steps [*from, *to) of a series with a day in [first, end). */
/* The k-th point of money committed as drawn: a dashed line from x0 to x1
 * at y, and the next point of the same series (or NULL); FALSE when
 * nothing is drawn there. One place for the painter and the labels. */
gboolean _tranche_cumulative_committed_segment (TrancheCumulativeChart            *self,
                                                guint                              k,
                                                double                            *x0,
                                                double                            *x1,
                                                double                            *y,
                                                const TrancheCumulativeCommitted **next);
const TrancheStep *_tranche_cumulative_visible_steps (TrancheCumulativeChart *self,
                                                      guint                   series,
                                                      guint                  *from,
                                                      guint                  *to);
/* The series a reported total sits on: the target's (scope target), its one
 * investor's pair (scope investors), or G_MAXUINT. */
guint              _tranche_cumulative_gap_series    (TrancheCumulativeChart *self,
                                                      const TrancheGap       *gap);
void               _tranche_cumulative_chart_set_data (TrancheChart          *chart,
                                                      TrancheDataset         *dataset,
                                                      GBytes                 *mask);
void               _tranche_cumulative_chart_paint   (TrancheChart           *chart,
                                                      cairo_t                *cr,
                                                      int                     selected);

G_END_DECLS
