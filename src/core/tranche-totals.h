/* tranche-totals.h: money received, commitments outstanding, reported totals
 *
 * For every target, and for every investor→target pair, the running total of
 * the money put in over time, the commitments not yet paid, and the gaps
 * between computed totals and the cumulative figures sources report. A
 * TrancheTotals is built once from a dataset, never changes, and can be
 * shared between threads like the dataset.
 *
 * What counts as received: `investment` and `acquisition` events that name a
 * target (or take the dataset's) and give an amount. A `commitment` is a
 * promise and never adds to money received; an investment that `fulfils` one
 * lowers what is outstanding of it. A `secondary` sale moves shares between
 * holders and adds nothing. Valuations and news never count.
 *
 * Totals are ranges (TrancheSum): an amount adds its minimum to the step's
 * `total` and its maximum to `total_max` ("up to $5B" adds 0 and $5B, "at
 * least $2B" makes the maximum infinite); an undisclosed amount adds a step
 * with no value, counted in n_undisclosed. Never a midpoint.
 *
 * Shares: the target's series counts a round once, whole. With one investor
 * the whole round is theirs. With several, an investor's step is its own
 * `amount` when the file gives one, else an undisclosed share (flags
 * UNDISCLOSED | SHARE): never the whole round, never a guessed split. A round
 * with no amount whose investors all give theirs adds their sum to the
 * target. An investment without investors counts for its target only.
 *
 * Currencies: an amount in the default currency, or in one the dataset gives a
 * rate for, is converted into the default currency and summed there (the
 * series and the step are marked converted when a rate was used). An amount in
 * a currency with no rate goes into a series of its own, in that currency, and
 * is never summed with others.
 *
 * Steps and "as of": the total jumps at the event's marker day,
 * tranche_date_middle_day() of its `date` (a span's `end` does not spread a
 * commitment out). A total read at a day includes every step at or before
 * that day. Steps of a series are ordered by marker day, then by dataset
 * order, so "2021" (marked in July) comes after "2021-02". Commitments and
 * their fulfilments count at their marker days the same way.
 *
 * Gaps: every event that names a target and whose `cumulative` is known gets
 * a gap record, compared like with like: scope `investors` (the default when
 * the event names investors) with what those investors put into the target,
 * scope `target` with all the target received. The computed side is a range
 * that includes the event itself and every step before it in the order
 * above; a reported figure inside it is a match (gap 0), above it the gap is
 * reported − computed max, below it reported − computed min.
 *
 * Building is O(n log n) in the number of events; lookups are binary searches.
 */
#pragma once

#include <glib-object.h>

#include "tranche-dataset.h"
#include "tranche-sum.h"

G_BEGIN_DECLS

#define TRANCHE_TOTALS_NO_SERIES G_MAXUINT

typedef enum
{
  TRANCHE_SERIES_TARGET = 0, /* all money into a target */
  TRANCHE_SERIES_PAIR,       /* one investor's money into a target */
} TrancheSeriesKind;

typedef enum
{
  TRANCHE_STEP_UNDISCLOSED   = 1 << 0, /* the amount exists but has no value */
  TRANCHE_STEP_CONVERTED     = 1 << 1, /* converted into the series' currency with a rate */
  TRANCHE_STEP_APPROX        = 1 << 2, /* the source gives it as approximate */
  TRANCHE_STEP_SHARE         = 1 << 3, /* one investor's part of a several-investor round */
  TRANCHE_STEP_RANGE         = 1 << 4, /* a range or a single bound: amount < amount_max */
  TRANCHE_STEP_ANY_APPROX    = 1 << 5, /* this step or one before it is APPROX */
  TRANCHE_STEP_ANY_CONVERTED = 1 << 6, /* this step or one before it is CONVERTED */
} TrancheStepFlags;

typedef struct
{
  TrancheDay day;           /* the event's marker day */
  double     amount;        /* what the step adds at least, in the series' currency;
                             * 0 if undisclosed */
  double     amount_max;    /* what it adds at most; INFINITY for "at least" */
  double     total;         /* the series' total after this step: the sum of minimums */
  double     total_max;     /* the sum of maximums */
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
  double            total;         /* after the last step: sum of minimums */
  double            total_max;     /* sum of maximums (INFINITY when one is unbounded) */
  guint             n_undisclosed; /* undisclosed steps in all */
} TrancheSeries;

typedef struct
{
  guint32         event;         /* index of the event reporting `cumulative` */
  TrancheDay      day;           /* its marker day */
  guint32         target;        /* entity index */
  TrancheScope    scope;         /* whose money the reported figure counts */
  guint           series;        /* the target's own series in `currency`, or
                                  * TRANCHE_TOTALS_NO_SERIES when it has none */
  TrancheCurrency currency;      /* of reported, computed and gap */
  gboolean        converted;     /* the reported figure was converted with a rate */
  gboolean        approx;        /* the reported figure is approximate or a range */
  double          reported;      /* the event's `cumulative`, in `currency` (a range's
                                  * middle, to place a marker) */
  double          reported_min;  /* its bounds; both `reported` for a plain figure */
  double          reported_max;
  TrancheSum      computed_sum;  /* the scope's received total there, in `currency` */
  double          computed;      /* the end of that range nearest the reported
                                  * figure, `reported` inside it: where a bracket
                                  * for the gap starts */
  double          gap;           /* reported − computed: 0 inside the range */
  guint           n_undisclosed; /* the scope's undisclosed amounts up to there, in
                                  * any currency: each may explain part of the gap */
  guint           n_events;      /* the scope's events up to there, in any currency;
                                  * 0 is a reported total of nothing (a check) */
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

/* Money received by a target (investor TRANCHE_NO_ENTITY) or a pair up to
 * `day` included (INFINITY for all): appends to `sums` one TrancheSum per
 * currency, the dataset's first, for every currency it has. */
void                 tranche_totals_get_received       (TrancheTotals  *self,
                                                        guint32         target,
                                                        guint32         investor,
                                                        TrancheDay      day,
                                                        GArray         *sums);
/* Commitments to a target (or by one investor to it) announced by `day`, less
 * what fulfils them by then; fully paid ones add nothing. Appends to `sums`
 * as above. An undisclosed commitment counts as undisclosed; an undisclosed
 * payment leaves the outstanding minimum at 0. */
void                 tranche_totals_get_outstanding    (TrancheTotals  *self,
                                                        guint32         target,
                                                        guint32         investor,
                                                        TrancheDay      day,
                                                        GArray         *sums);
/* What the investments that fulfil a commitment paid, in the commitment's
 * currency (others are left out), and how many there are. */
guint                tranche_totals_get_fulfilled      (TrancheTotals  *self,
                                                        guint32         commitment,
                                                        TrancheSum     *paid);
/* The investors of an event as a scope: what `investors` put into `target` up
 * to the event at `before` (included; G_MAXUINT32 for all). Used for the
 * gaps; appends to `sums` as above and returns how many events count. */
guint                tranche_totals_get_scope          (TrancheTotals  *self,
                                                        guint32         target,
                                                        const guint32  *investors,
                                                        guint           n_investors,
                                                        TrancheDay      day,
                                                        guint32         before,
                                                        GArray         *sums);

/* Gaps in dataset order of their events. */
guint                tranche_totals_get_n_gaps         (TrancheTotals  *self);
const TrancheGap    *tranche_totals_get_gap            (TrancheTotals  *self,
                                                        guint           index);
/* The gap an event reports, or NULL (binary search on the event index). */
const TrancheGap    *tranche_totals_find_gap           (TrancheTotals  *self,
                                                        guint           event);

/* What one event adds, as its own step would, to the money a target
 * (investor TRANCHE_NO_ENTITY) received or an investor put in: appends to
 * `sums` (one per currency, the dataset's first). A commitment adds its
 * promise (for a chart of commitments), anything else only money received.
 * FALSE when it adds nothing (news, a valuation, a secondary sale, an
 * investor not in it). For lanes, clusters and tooltips that sum the
 * events they hold, with the same rules as the series. */
gboolean             tranche_totals_add_event          (TrancheDataset     *dataset,
                                                        const TrancheEvent *event,
                                                        guint32             investor,
                                                        GArray             *sums);
/* The currencies some amount was converted from with the dataset's rates
 * (appended to `currencies`, TrancheCurrency each), and the same as text
 * for an export's subtitle, "EUR at 1.08 USD" (NULL when none was). */
void                 tranche_totals_get_rates_used     (TrancheTotals  *self,
                                                        GArray         *currencies);
char                *tranche_totals_format_rates       (TrancheTotals  *self);

/* A gap in words, for the panel and --summary: NULL for a match, "≤ $2B in
 * 1 undisclosed round" when undisclosed amounts could fill it, "$2B not
 * accounted for" when none can, "$1B more than reported" below. */
char                *tranche_totals_explain_gap        (const TrancheGap *gap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheTotals, tranche_totals_unref)

G_END_DECLS
