/* tranche-sum.h: a total as honest as its parts
 *
 * A sum of reported amounts in one currency is a range, the sum of the known
 * minimums to the sum of the known maximums (an "up to $5B" adds 0 to the
 * one and $5B to the other; an "at least $2B" makes the maximum unbounded),
 * plus a count of amounts that exist but are undisclosed. Never a midpoint,
 * never a guess. Amounts in currencies that can't be converted stay in sums
 * of their own: a list of sums is one per currency, the dataset's first.
 */
#pragma once

#include <glib.h>

#include "tranche-money.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheCurrency currency;
  double          min;           /* sum of the known minimums */
  double          max;           /* sum of the known maximums; INFINITY when one is unbounded */
  guint           n_amounts;     /* amounts added, known or not */
  guint           n_undisclosed; /* of which undisclosed */
  gboolean        approx;        /* some part was approximate */
  gboolean        converted;     /* some part was converted with a rate */
} TrancheSum;

void      tranche_sum_init            (TrancheSum       *sum,
                                       TrancheCurrency   currency);
void      tranche_sum_add_range       (TrancheSum       *sum,
                                       double            min,
                                       double            max,
                                       gboolean          approx);
void      tranche_sum_add_undisclosed (TrancheSum       *sum);
void      tranche_sum_merge           (TrancheSum       *sum,
                                       const TrancheSum *other);
/* Some amount is known (not only undisclosed ones). */
gboolean  tranche_sum_has_known       (const TrancheSum *sum);

/* "$11B", "$2–3B", "up to $5B", "$11B + 1 undisclosed", "2 undisclosed". */
char     *tranche_sum_format          (const TrancheSum *sum);
/* Sums in several currencies: "€1 + ¥1", "$11B + ¥1 + 2 undisclosed"
 * (undisclosed amounts counted once, at the end); "" for no sums. */
char     *tranche_sums_format         (const TrancheSum *sums,
                                       guint             n_sums);

/* Lists of sums (GArray of TrancheSum), one per currency, in the order
 * currencies first came, except `first`'s, which is kept first. */
GArray   *tranche_sums_new            (void);
TrancheSum *tranche_sums_get          (GArray           *sums,
                                       TrancheCurrency   currency,
                                       TrancheCurrency   first);

G_END_DECLS
