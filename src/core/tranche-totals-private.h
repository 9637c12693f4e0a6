/* tranche-totals-private.h: the rules of what one event adds, shared by
 * the totals and their queries
 *
 * tranche-totals-parts.c holds them once: which kinds are money received,
 * conversion with the dataset's rates, the whole round for its target, an
 * investor's share (its own amount, else undisclosed) and a commitment's or
 * payment's part for a target or an investor.
 */
#pragma once

#include "tranche-totals.h"

G_BEGIN_DECLS

/* What an event adds to one series: a range in `currency`, or undisclosed. */
typedef struct
{
  gboolean        known;
  double          min, max;  /* in `currency`, valid when known */
  TrancheCurrency currency;  /* the series' currency */
  guint32         flags;     /* TrancheStepFlags */
} TranchePart;

gboolean        _tranche_totals_kind_counts      (TrancheEventKind    kind);
/* The currency an amount is summed in, and the factor that takes it there. */
TrancheCurrency _tranche_totals_conversion       (TrancheDataset     *ds,
                                                  const TrancheMoney *money,
                                                  double             *factor);
void            _tranche_totals_part_from_money  (TrancheDataset     *ds,
                                                  const TrancheMoney *money,
                                                  TranchePart        *part);
void            _tranche_totals_part_undisclosed (TrancheDataset     *ds,
                                                  const TrancheEvent *event,
                                                  TranchePart        *part);
/* The whole round, for its target. */
void            _tranche_totals_part_whole       (TrancheDataset     *ds,
                                                  const TrancheEvent *event,
                                                  TranchePart        *part);
/* The investor in slot j's part. */
void            _tranche_totals_part_of          (TrancheDataset     *ds,
                                                  const TrancheEvent *event,
                                                  guint               j,
                                                  TranchePart        *part);
/* Money received by its target, shown by `mask` (NULL: all). */
gboolean        _tranche_totals_event_counts     (const TrancheEvent *event,
                                                  const guint8       *mask,
                                                  guint               index);
void            _tranche_totals_sum_add_part     (GArray             *sums,
                                                  TrancheCurrency     first,
                                                  const TranchePart  *part);
/* The slot of an investor among an event's, or -1. */
int             _tranche_totals_investor_slot    (TrancheDataset     *dataset,
                                                  const TrancheEvent *event,
                                                  guint32             investor);
/* A target's (investor TRANCHE_NO_ENTITY) or an investor's part; FALSE
 * when the investor has none in it. */
gboolean        _tranche_totals_view_part        (TrancheDataset     *ds,
                                                  const TrancheEvent *event,
                                                  guint32             investor,
                                                  TranchePart        *part);

G_END_DECLS
