/* tranche-totals.h: cumulative funding computed from the events
 *
 * For every target, and for every investor→target pair, the running total of
 * the money put in over time, plus the gaps between those computed totals and
 * the cumulative figures sources report. A TrancheTotals is built once from a
 * dataset, never changes, and can be shared between threads like the dataset.
 *
 * What counts: events of kind investment, commitment and acquisition whose
 * `amount` is present. A known amount (its value, or the middle of its range)
 * adds to the totals; an undisclosed one adds a step with no value, counted in
 * n_undisclosed, so a chart can mark it and a reader knows the total is a
 * floor. Valuations and news never count.
 *
 * Currencies: an amount in the default currency, or in one the dataset gives a
 * rate for, is converted into the default currency and summed there (the
 * series and the step are marked converted when a rate was used). An amount in
 * a currency with no rate goes into a series of its own, in that currency, and
 * is never summed with others.
 *
 * Shares (an assumption, sources rarely say): when one amount names several
 * investors, each investor→target series gets an equal share of it, while the
 * target's series gets the whole amount once.
 *
 * Steps: the total jumps at the event's marker day, tranche_date_middle_day()
 * of its `date` (a span's `end` does not spread a commitment out). A total
 * read at a day includes every step at or before that day. Steps of a series
 * are ordered by marker day, then by dataset order, so "2021" (marked in July)
 * comes after "2021-02".
 *
 * Gaps: every event that names a target and whose `cumulative` has a value
 * (of any kind: a news item can report a total too) gets a gap record. The
 * reported figure is compared with the target's own series, all investors
 * together, in the same currency (converted like amounts): the file does not
 * say whose total a source means, and the target's is the one the charts draw
 * (a reader who means one investor's can look up the pair series at `day`).
 * The computed side includes the event itself and every step before it in the
 * order above.
 *
 * Building is O(n log n) in the number of events; lookups are binary searches.
 */
#pragma once

#include <glib-object.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

#define TRANCHE_TOTALS_NO_SERIES G_MAXUINT

typedef enum
{
  TRANCHE_SERIES_TARGET = 0, /* all money into a target */
  TRANCHE_SERIES_PAIR,       /* one investor's money into a target */
} TrancheSeriesKind;

typedef enum
{
  TRANCHE_STEP_UNDISCLOSED = 1 << 0, /* the amount exists but has no value */
  TRANCHE_STEP_CONVERTED   = 1 << 1, /* converted into the series' currency with a rate */
  TRANCHE_STEP_APPROX      = 1 << 2, /* approximate, or the middle of a reported range */
  TRANCHE_STEP_SHARE       = 1 << 3, /* a pair's equal share of a several-investor amount */
} TrancheStepFlags;

typedef struct
{
  TrancheDay day;           /* the event's marker day */
  double     amount;        /* what the step adds, in the series' currency; 0 if undisclosed */
  double     total;         /* the series' total after this step */
  guint32    event;         /* index of the event in the dataset */
  guint32    n_undisclosed; /* undisclosed steps so far, this one included */
  guint32    flags;         /* TrancheStepFlags */
} TrancheStep;

typedef struct
{
  TrancheSeriesKind kind;
  guint32           target;        /* entity index */
  guint32           investor;      /* entity index; TRANCHE_NO_ENTITY for a target series */
  TrancheCurrency   currency;      /* the dataset's default unless no rate was given */
  gboolean          converted;     /* some step was converted with a rate */
  guint             n_steps;
  double            total;         /* after the last step */
  guint             n_undisclosed; /* undisclosed steps in all */
} TrancheSeries;

typedef struct
{
  guint32         event;         /* index of the event reporting `cumulative` */
  TrancheDay      day;           /* its marker day */
  guint32         target;        /* entity index */
  guint           series;        /* the target series compared with, or
                                  * TRANCHE_TOTALS_NO_SERIES when the target has
                                  * none in that currency (computed is 0) */
  TrancheCurrency currency;      /* of reported, computed and gap */
  gboolean        converted;     /* the reported figure was converted with a rate */
  gboolean        approx;        /* the reported figure is approximate or a range */
  double          reported;      /* the event's `cumulative`, in `currency` */
  double          computed;      /* the target's computed total there, in `currency` */
  double          gap;           /* reported − computed */
  guint           n_undisclosed; /* the target's undisclosed rounds up to there, in
                                  * any currency: each may explain part of the gap */
} TrancheGap;

typedef struct _TrancheTotals TrancheTotals;

#define TRANCHE_TYPE_TOTALS (tranche_totals_get_type ())

GType                tranche_totals_get_type           (void) G_GNUC_CONST;
/* Computes the totals of the dataset's events. `mask`, when not NULL, has one
 * byte per event (as a TrancheFilter gives) and only events whose byte is not
 * 0 count or get gaps, so the charts sum what they show. */
TrancheTotals       *tranche_totals_new                (TrancheDataset *dataset,
                                                        const guint8   *mask);
TrancheTotals       *tranche_totals_ref                (TrancheTotals  *self);
void                 tranche_totals_unref              (TrancheTotals  *self);
TrancheDataset      *tranche_totals_get_dataset        (TrancheTotals  *self);

/* Series are sorted by target, then the target's own series before its
 * pairs, then by investor, then by currency (the default currency first). */
guint                tranche_totals_get_n_series       (TrancheTotals  *self);
const TrancheSeries *tranche_totals_get_series         (TrancheTotals  *self,
                                                        guint           series);
/* The series of a target (investor TRANCHE_NO_ENTITY) or of a pair, in a
 * currency; TRANCHE_TOTALS_NO_SERIES when no event made one. */
guint                tranche_totals_find_series        (TrancheTotals  *self,
                                                        guint32         target,
                                                        guint32         investor,
                                                        TrancheCurrency currency);
/* The range [*first, *end) of a target's series: its own first, then its
 * pairs. Empty (first == end) when nothing was invested in it. */
void                 tranche_totals_target_series      (TrancheTotals  *self,
                                                        guint32         target,
                                                        guint          *first,
                                                        guint          *end);

/* A series' steps in order, n_steps of them. */
const TrancheStep   *tranche_totals_get_steps          (TrancheTotals  *self,
                                                        guint           series,
                                                        guint          *n_steps);
/* How many steps of the series are at or before `day` (binary search); the
 * last of them holds the total there. */
guint                tranche_totals_count_steps        (TrancheTotals  *self,
                                                        guint           series,
                                                        TrancheDay      day);
/* The series' total at `day`, every step at or before it included; 0 before
 * the first. n_undisclosed, when not NULL, gets the undisclosed steps so far. */
double               tranche_totals_value_at           (TrancheTotals  *self,
                                                        guint           series,
                                                        TrancheDay      day,
                                                        guint          *n_undisclosed);

/* Gaps in dataset order of their events. */
guint                tranche_totals_get_n_gaps         (TrancheTotals  *self);
const TrancheGap    *tranche_totals_get_gap            (TrancheTotals  *self,
                                                        guint           index);
/* The gap an event reports, or NULL (binary search on the event index). */
const TrancheGap    *tranche_totals_find_gap           (TrancheTotals  *self,
                                                        guint           event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheTotals, tranche_totals_unref)

G_END_DECLS
