/* tranche-sum.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-format.h"
#include "tranche-sum.h"

void
tranche_sum_init (TrancheSum      *sum,
                  TrancheCurrency  currency)
{
  g_return_if_fail (sum != NULL);
  *sum = (TrancheSum) { 0 };
  sum->currency = currency;
}

void
tranche_sum_add_range (TrancheSum *sum,
                       double      min,
                       double      max,
                       gboolean    approx)
{
  g_return_if_fail (sum != NULL);
  g_return_if_fail (!isnan (min) && !isnan (max));

  sum->min += MAX (min, 0);
  sum->max += MAX (max, min);
  sum->n_amounts++;
  sum->approx |= approx;
}

void
tranche_sum_add_undisclosed (TrancheSum *sum)
{
  g_return_if_fail (sum != NULL);
  sum->n_amounts++;
  sum->n_undisclosed++;
}

void
tranche_sum_merge (TrancheSum       *sum,
                   const TrancheSum *other)
{
  g_return_if_fail (sum != NULL && other != NULL);
  g_return_if_fail (sum->currency == other->currency);

  sum->min += other->min;
  sum->max += other->max;
  sum->n_amounts += other->n_amounts;
  sum->n_undisclosed += other->n_undisclosed;
  sum->approx |= other->approx;
  sum->converted |= other->converted;
}

gboolean
tranche_sum_has_known (const TrancheSum *sum)
{
  g_return_val_if_fail (sum != NULL, FALSE);
  return sum->n_amounts > sum->n_undisclosed;
}

static char *
format_known (const TrancheSum *sum)
{
  return tranche_format_amount_range (sum->min, sum->max, sum->currency, sum->approx);
}

static char *
with_undisclosed (char  *known,
                  guint  n_undisclosed)
{
  char *text;

  if (n_undisclosed == 0)
    return known;
  if (known == NULL)
    /* Translators: a total made only of amounts that exist but were not
     * made public, as in "2 undisclosed". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u undisclosed", "%u undisclosed",
                                         n_undisclosed), n_undisclosed);
  /* Translators: the crosshair's reading of a total that leaves out
   * rounds whose amount is not known: %1$s is the known total, %2$u
   * the number of such rounds ("$1B + 1 undisclosed"). */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s + %2$u undisclosed",
                                       "%1$s + %2$u undisclosed", n_undisclosed),
                          known, n_undisclosed);
  g_free (known);
  return text;
}

char *
tranche_sum_format (const TrancheSum *sum)
{
  g_return_val_if_fail (sum != NULL, NULL);
  return tranche_sums_format (sum, 1);
}

char *
tranche_sums_format (const TrancheSum *sums,
                     guint             n_sums)
{
  char *known = NULL;
  guint n_undisclosed = 0;

  g_return_val_if_fail (n_sums == 0 || sums != NULL, NULL);

  for (guint i = 0; i < n_sums; i++)
    {
      n_undisclosed += sums[i].n_undisclosed;
      if (!tranche_sum_has_known (&sums[i]))
        continue;
      if (known == NULL)
        known = format_known (&sums[i]);
      else
        {
          g_autofree char *next = format_known (&sums[i]);
          char *joined;

          /* Translators: totals in two currencies that can't be added, as
           * in "€1B + ¥1B"; %1$s and %2$s are the amounts. */
          joined = g_strdup_printf (C_("sum", "%1$s + %2$s"), known, next);
          g_free (known);
          known = joined;
        }
    }
  known = with_undisclosed (known, n_undisclosed);
  return known != NULL ? known : g_strdup ("");
}

GArray *
tranche_sums_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (TrancheSum));
}

TrancheSum *
tranche_sums_get (GArray          *sums,
                  TrancheCurrency  currency,
                  TrancheCurrency  first)
{
  TrancheSum sum;

  g_return_val_if_fail (sums != NULL, NULL);

  for (guint i = 0; i < sums->len; i++)
    if (g_array_index (sums, TrancheSum, i).currency == currency)
      return &g_array_index (sums, TrancheSum, i);
  tranche_sum_init (&sum, currency);
  if (currency == first)
    {
      g_array_prepend_val (sums, sum);
      return &g_array_index (sums, TrancheSum, 0);
    }
  g_array_append_val (sums, sum);
  return &g_array_index (sums, TrancheSum, sums->len - 1);
}
