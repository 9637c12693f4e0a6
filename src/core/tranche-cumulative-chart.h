/* tranche-cumulative-chart.h: how much money went in, over time
 *
 * For every target (and, when asked, every investor → target pair) the total
 * computed by TrancheTotals, as a step area: the total jumps at each round's
 * day and holds. A round whose amount was not disclosed is a "?" on the step
 * (the total is a floor from there on); a total a source reports is a
 * diamond with its figure; where it differs from the computed total, a
 * bracket spans the difference and says it ("$2B not disclosed"). Money
 * committed but not yet paid is a dashed line above the received step.
 *
 * Currencies as in TrancheTotals: converted with the dataset's rates, and a
 * currency without a rate is a band of its own with a note. The y axis is
 * linear from zero.
 *
 * A TrancheChart, used like TrancheValuationChart: set the data, lay out,
 * paint, hit-test through tranche-chart.h; the functions below read the scene.
 */
#pragma once

#include <cairo.h>

#include "tranche-chart-frame.h"
#include "tranche-chart.h"
#include "tranche-chart-options.h"
#include "tranche-dataset.h"
#include "tranche-totals.h"

G_BEGIN_DECLS

typedef struct
{
  guint             totals_series; /* index in the TrancheTotals */
  TrancheSeriesKind kind;
  guint32           target;
  guint32           investor;      /* TRANCHE_NO_ENTITY for a target's series */
  const char       *name;          /* "OpenAI", or "Microsoft → OpenAI" (NULL for a pair
                                    * not drawn) */
  guint32           rgb;           /* its colour, 0xRRGGBB, opaque: a TrancheColor would
                                    * be 28 bytes more for each of a million pairs
                                    * (tranche_cumulative_series_get_color()) */
  TrancheCurrency   currency;
  guint             band;          /* after layout */
  /* Flags of one bit: there is one of these per investor→target pair, a
   * million and more for a million events. */
  guint             no_rate : 1;   /* a currency without a rate: its own band */
  guint             drawn : 1;     /* among the TRANCHE_CHART_MAX_SERIES largest targets,
                                    * or pairs of those */
  guint             reported : 1;  /* a pair some source reports a total of (scope
                                    * investors, one investor): drawn and shown always,
                                    * so the figure sits on its own line */
  guint             shown : 1;     /* drawn, and for a pair, TrancheChartOptions.show_pairs
                                    * or `reported` */
} TrancheCumulativeSeries;

/* The series' colour (its `rgb`, opaque). */
TrancheColor tranche_cumulative_series_get_color (const TrancheCumulativeSeries *series);

typedef enum
{
  TRANCHE_CUMULATIVE_MARK_STEP = 0,   /* a round with a known amount: the total after it */
  TRANCHE_CUMULATIVE_MARK_UNDISCLOSED, /* a round with no amount: "?" on the step */
  TRANCHE_CUMULATIVE_MARK_REPORTED,   /* a total a source reports: diamond */
} TrancheCumulativeMarkKind;

typedef struct
{
  TrancheCumulativeMarkKind kind;
  guint                     series;  /* chart series; for REPORTED the series its scope
                                      * counts (the target's, or one investor's pair), or
                                      * G_MAXUINT */
  guint                     band;
  guint32                   event;
  TrancheDay                day;
  double                    value;   /* the total there, or the reported figure */
  double                    value_max; /* for a step: the total at most (INFINITY when
                                        * unbounded); == value when known exactly */
  double                    x, y;
  double                    radius;
  const char               *label;   /* NULL when there was no room */
  TrancheRect               label_rect;
} TrancheCumulativeMark;

typedef struct
{
  const TrancheGap *gap;             /* from the totals */
  guint             band;
  double            x;               /* the bracket */
  double            y_computed;
  double            y_reported;
  const char       *label;           /* "$2B not disclosed"; NULL when there was no room */
  TrancheRect       label_rect;
} TrancheCumulativeGap;

/* Money committed to a target and not yet paid, from `day` to the next
 * point of the same series (or the end): drawn as a dashed line at
 * received + outstanding (its maximum; its minimum when that is unbounded)
 * above the received step. A point with no outstanding ends the line. */
typedef struct
{
  guint      series;       /* chart series of the target */
  TrancheDay day;
  double     received;     /* the target's received total there */
  double     outstanding;  /* commitments outstanding there, at most */
} TrancheCumulativeCommitted;

#define TRANCHE_TYPE_CUMULATIVE_CHART (tranche_cumulative_chart_get_type ())

G_DECLARE_FINAL_TYPE (TrancheCumulativeChart, tranche_cumulative_chart,
                      TRANCHE, CUMULATIVE_CHART, GObject)

TrancheCumulativeChart *tranche_cumulative_chart_new          (void);

/* The scene. */
TrancheChartFrame      *tranche_cumulative_chart_get_frame    (TrancheCumulativeChart *self);
TrancheTotals          *tranche_cumulative_chart_get_totals   (TrancheCumulativeChart *self);
guint                   tranche_cumulative_chart_get_n_series (TrancheCumulativeChart *self);
const TrancheCumulativeSeries *
                        tranche_cumulative_chart_get_series   (TrancheCumulativeChart *self,
                                                               guint                   series);
/* A target's series (investor TRANCHE_NO_ENTITY) or a pair's, or G_MAXUINT. */
guint                   tranche_cumulative_chart_find_series  (TrancheCumulativeChart *self,
                                                               guint32                 target,
                                                               guint32                 investor,
                                                               TrancheCurrency         currency);
/* The series' total at `day` (every round at or before it); 0 before the
 * first. `n_undisclosed` gets the rounds without an amount so far. */
double                  tranche_cumulative_chart_value_at  (TrancheCumulativeChart *self,
                                                            guint                   series,
                                                            TrancheDay              day,
                                                            guint                  *n_undisclosed);
/* Marks and gaps in view after the last layout. */
guint                   tranche_cumulative_chart_get_n_marks  (TrancheCumulativeChart *self);
const TrancheCumulativeMark *tranche_cumulative_chart_get_mark  (TrancheCumulativeChart *self,
                                                                 guint                   index);
guint                   tranche_cumulative_chart_get_n_gaps   (TrancheCumulativeChart *self);
const TrancheCumulativeGap *tranche_cumulative_chart_get_gap  (TrancheCumulativeChart *self,
                                                               guint                   index);
/* Commitments outstanding, every target's, in series then day order. */
guint                   tranche_cumulative_chart_get_n_committed (TrancheCumulativeChart *self);
const TrancheCumulativeCommitted *
                        tranche_cumulative_chart_get_committed   (TrancheCumulativeChart *self,
                                                                  guint                   index);
/* What a gap's label says: "$2B not disclosed", "$1B more than reported";
 * NULL when reported and computed agree. */
char                   *tranche_cumulative_chart_gap_text     (const TrancheGap *gap);

G_END_DECLS
