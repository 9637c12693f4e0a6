/* tranche-totals-parts.c: what one event adds, and totals in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-format.h"
#include "tranche-totals-private.h"

gboolean
_tranche_totals_kind_counts (TrancheEventKind kind)
{
  /* A commitment is a promise and a secondary sale pays holders, not the
   * target: neither is money the target received. */
  return kind == TRANCHE_EVENT_INVESTMENT || kind == TRANCHE_EVENT_ACQUISITION;
}

/* The currency an amount is summed in, and the factor that takes it there: a
 * rate that is not a positive number can't be meant, so it converts nothing. */
TrancheCurrency
_tranche_totals_conversion (TrancheDataset     *ds,
                            const TrancheMoney *money,
                            double             *factor)
{
  TrancheCurrency main_currency = tranche_dataset_get_currency (ds);
  TrancheCurrency currency = money->currency != 0 ? money->currency : main_currency;
  double rate = 1.0;

  *factor = 1.0;
  if (currency == main_currency)
    return main_currency;
  if (!tranche_dataset_get_rate (ds, currency, &rate) || !isfinite (rate) || rate <= 0)
    return currency;
  *factor = rate;
  return main_currency;
}

void
_tranche_totals_part_from_money (TrancheDataset     *ds,
                                 const TrancheMoney *money,
                                 TranchePart        *part)
{
  double factor;

  *part = (TranchePart) { 0 };
  part->currency = _tranche_totals_conversion (ds, money, &factor);
  if (factor != 1.0)
    part->flags |= TRANCHE_STEP_CONVERTED;
  /* Present with no value is undisclosed, whether or not the file said so. */
  part->known = tranche_money_get_bounds (money, &part->min, &part->max);
  if (!part->known)
    {
      part->flags |= TRANCHE_STEP_UNDISCLOSED;
      return;
    }
  part->min *= factor;
  part->max *= factor;
  if (money->flags & TRANCHE_MONEY_APPROX)
    part->flags |= TRANCHE_STEP_APPROX;
  if (part->max > part->min)
    part->flags |= TRANCHE_STEP_RANGE;
}

void
_tranche_totals_part_undisclosed (TrancheDataset     *ds,
                                  const TrancheEvent *event,
                                  TranchePart        *part)
{
  double factor;

  *part = (TranchePart) { 0 };
  part->currency = _tranche_totals_conversion (ds, &event->amount, &factor);
  part->flags = TRANCHE_STEP_UNDISCLOSED;
}

/* The whole round, for its target. */
void
_tranche_totals_part_whole (TrancheDataset     *ds,
                            const TrancheEvent *event,
                            TranchePart        *part)
{
  _tranche_totals_part_from_money (ds, &event->amount, part);
  if (part->known || !(event->flags & TRANCHE_EVENT_HAS_SHARES))
    return;

  /* No amount for the round, but every investor gave theirs: their sum. */
  for (guint j = 0; j < event->n_investors; j++)
    {
      const TrancheShare *share = tranche_dataset_event_share (ds, event, j);
      TranchePart p;

      _tranche_totals_part_from_money (ds, &share->amount, &p);
      if (!p.known || (j > 0 && p.currency != part->currency))
        {
          _tranche_totals_part_undisclosed (ds, event, part);
          return;
        }
      if (j == 0)
        *part = p;
      else
        {
          part->min += p.min;
          part->max += p.max;
          part->flags |= p.flags;
        }
    }
}

/* The part of the investor in slot j: the whole with one investor, else its
 * own amount, else an undisclosed share. */
void
_tranche_totals_part_of (TrancheDataset     *ds,
                         const TrancheEvent *event,
                         guint               j,
                         TranchePart        *part)
{
  const TrancheShare *share;

  if (event->n_investors == 1)
    {
      _tranche_totals_part_whole (ds, event, part);
      return;
    }
  share = tranche_dataset_event_share (ds, event, j);
  if (share != NULL && tranche_money_is_present (&share->amount))
    _tranche_totals_part_from_money (ds, &share->amount, part);
  else
    _tranche_totals_part_undisclosed (ds, event, part);
  part->flags |= TRANCHE_STEP_SHARE;
}

gboolean
_tranche_totals_event_counts (const TrancheEvent *event,
                              const guint8       *mask,
                              guint               index)
{
  return (mask == NULL || mask[index] != 0) && _tranche_totals_kind_counts (event->kind)
         && event->target != TRANCHE_NO_ENTITY
         && (tranche_money_is_present (&event->amount)
             || (event->flags & TRANCHE_EVENT_HAS_SHARES));
}

void
_tranche_totals_sum_add_part (GArray            *sums,
                              TrancheCurrency    first,
                              const TranchePart *part)
{
  TrancheSum *sum = tranche_sums_get (sums, part->currency, first);

  if (part->known)
    tranche_sum_add_range (sum, part->min, part->max, (part->flags & TRANCHE_STEP_APPROX) != 0);
  else
    tranche_sum_add_undisclosed (sum);
  if (part->flags & TRANCHE_STEP_CONVERTED)
    sum->converted = TRUE;
}

/* The slot of an investor among an event's, or -1. */
int
_tranche_totals_investor_slot (TrancheDataset     *dataset,
                               const TrancheEvent *event,
                               guint32             investor)
{
  for (guint j = 0; j < event->n_investors; j++)
    if (tranche_dataset_event_investor (dataset, event, j) == investor)
      return j;
  return -1;
}

/* A commitment's or a payment's part for a target (investor NO_ENTITY) or an
 * investor; FALSE when the investor has none in it. */
gboolean
_tranche_totals_view_part (TrancheDataset     *ds,
                           const TrancheEvent *event,
                           guint32             investor,
                           TranchePart        *part)
{
  int slot;

  if (investor == TRANCHE_NO_ENTITY)
    {
      _tranche_totals_part_whole (ds, event, part);
      return TRUE;
    }
  slot = _tranche_totals_investor_slot (ds, event, investor);
  if (slot < 0)
    return FALSE;
  _tranche_totals_part_of (ds, event, slot, part);
  return TRUE;
}

gboolean
tranche_totals_add_event (TrancheDataset     *dataset,
                          const TrancheEvent *event,
                          guint32             investor,
                          GArray             *sums)
{
  TranchePart part;

  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (event != NULL && sums != NULL, FALSE);

  if (event->kind == TRANCHE_EVENT_COMMITMENT)
    {
      if (event->target == TRANCHE_NO_ENTITY
          || !(tranche_money_is_present (&event->amount)
               || (event->flags & TRANCHE_EVENT_HAS_SHARES)))
        return FALSE;
    }
  else if (!_tranche_totals_event_counts (event, NULL, 0))
    return FALSE;
  if (!_tranche_totals_view_part (dataset, event, investor, &part))
    return FALSE;
  _tranche_totals_sum_add_part (sums, tranche_dataset_get_currency (dataset), &part);
  return TRUE;
}

void
tranche_totals_get_rates_used (TrancheTotals *self,
                               GArray        *currencies)
{
  TrancheDataset *ds;
  TrancheCurrency main_currency;

  g_return_if_fail (self != NULL);
  g_return_if_fail (currencies != NULL);

  ds = tranche_totals_get_dataset (self);
  main_currency = tranche_dataset_get_currency (ds);
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);
      const TrancheMoney *moneys[] = { &ev->amount, &ev->cumulative };

      for (guint m = 0; m < G_N_ELEMENTS (moneys); m++)
        {
          TrancheCurrency c = moneys[m]->currency;
          double factor;
          gboolean seen = FALSE;

          if (!tranche_money_is_present (moneys[m]) || c == 0 || c == main_currency
              || _tranche_totals_conversion (ds, moneys[m], &factor) != main_currency)
            continue;
          for (guint k = 0; k < currencies->len && !seen; k++)
            seen = g_array_index (currencies, TrancheCurrency, k) == c;
          if (!seen)
            g_array_append_val (currencies, c);
        }
    }
}

char *
tranche_totals_format_rates (TrancheTotals *self)
{
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (TrancheCurrency));
  TrancheDataset *ds;
  GString *out;
  char main_code[4];

  g_return_val_if_fail (self != NULL, NULL);

  tranche_totals_get_rates_used (self, used);
  if (used->len == 0)
    return NULL;
  ds = tranche_totals_get_dataset (self);
  tranche_currency_to_code (tranche_dataset_get_currency (ds), main_code);
  out = g_string_new (NULL);
  for (guint i = 0; i < used->len; i++)
    {
      TrancheCurrency c = g_array_index (used, TrancheCurrency, i);
      char code[4];
      double rate = 1;

      tranche_dataset_get_rate (ds, c, &rate);
      if (i > 0)
        /* Translators: between two rates in a chart's subtitle. */
        g_string_append (out, C_("rates", ", "));
      /* Translators: a rate used in a chart's totals, as in "EUR at 1.08
       * USD": %1$s the currency converted, %2$s the rate, %3$s the
       * dataset's currency. */
      {
        g_autofree char *shown = tranche_format_rate (rate);

        g_string_append_printf (out, C_("rates", "%1$s at %2$s %3$s"),
                                tranche_currency_to_code (c, code), shown, main_code);
      }
    }
  return g_string_free (out, FALSE);
}

char *
tranche_totals_explain_gap (const TrancheGap *gap)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (gap != NULL, NULL);

  if (gap->gap == 0)
    return NULL;
  amount = tranche_format_amount (fabs (gap->gap), gap->currency, gap->approx);
  if (gap->gap < 0)
    /* Translators: the events add up to more than a total a source
     * reports, as in "$1B more than reported". */
    return g_strdup_printf (C_("gap", "%s more than reported"), amount);
  if (gap->n_undisclosed > 0)
    /* Translators: what could explain a reported total above the computed
     * one: %1$s is the difference, %2$u the number of undisclosed amounts,
     * as in "≤ $2B in 1 undisclosed round". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "≤ %1$s in %2$u undisclosed round",
                                         "≤ %1$s in %2$u undisclosed rounds",
                                         gap->n_undisclosed),
                            amount, gap->n_undisclosed);
  /* Translators: a reported total above the computed one that no event of
   * the dataset can explain, as in "$2B not accounted for". */
  return g_strdup_printf (C_("gap", "%s not accounted for"), amount);
}
