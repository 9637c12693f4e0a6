/* tranche-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-money.h"

gboolean
tranche_currency_code_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3
         && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

TrancheCurrency
tranche_currency_from_code (const char *code)
{
  g_return_val_if_fail (tranche_currency_code_is_valid (code), 0);
  return ((guint32) code[0] << 16) | ((guint32) code[1] << 8) | (guint32) code[2];
}

const char *
tranche_currency_to_code (TrancheCurrency currency,
                          char            buf[4])
{
  buf[0] = (currency >> 16) & 0xff;
  buf[1] = (currency >> 8) & 0xff;
  buf[2] = currency & 0xff;
  buf[3] = '\0';
  return buf;
}

gboolean
tranche_money_is_present (const TrancheMoney *money)
{
  g_return_val_if_fail (money != NULL, FALSE);
  return (money->flags & TRANCHE_MONEY_PRESENT) != 0;
}

gboolean
tranche_money_is_known (const TrancheMoney *money)
{
  g_return_val_if_fail (money != NULL, FALSE);
  return (money->flags & (TRANCHE_MONEY_HAS_VALUE | TRANCHE_MONEY_HAS_RANGE
                          | TRANCHE_MONEY_HAS_MIN | TRANCHE_MONEY_HAS_MAX)) != 0;
}

gboolean
tranche_money_best_value (const TrancheMoney *money,
                          double             *value)
{
  g_return_val_if_fail (money != NULL, FALSE);

  if (money->flags & TRANCHE_MONEY_HAS_VALUE)
    {
      if (value)
        *value = money->value;
      return TRUE;
    }
  if (money->flags & TRANCHE_MONEY_HAS_RANGE)
    {
      if (value)
        *value = (money->min + money->max) / 2.0;
      return TRUE;
    }
  if (money->flags & (TRANCHE_MONEY_HAS_MIN | TRANCHE_MONEY_HAS_MAX))
    {
      if (value)
        *value = (money->flags & TRANCHE_MONEY_HAS_MAX) ? money->max : money->min;
      return TRUE;
    }
  return FALSE;
}

gboolean
tranche_money_get_bounds (const TrancheMoney *money,
                          double             *min,
                          double             *max)
{
  double lo, hi;

  g_return_val_if_fail (money != NULL, FALSE);

  if (money->flags & TRANCHE_MONEY_HAS_VALUE)
    lo = hi = money->value;
  else if ((money->flags & TRANCHE_MONEY_HAS_RANGE)
           || (money->flags & (TRANCHE_MONEY_HAS_MIN | TRANCHE_MONEY_HAS_MAX))
              == (TRANCHE_MONEY_HAS_MIN | TRANCHE_MONEY_HAS_MAX))
    {
      lo = MIN (money->min, money->max);
      hi = MAX (money->min, money->max);
    }
  else if (money->flags & TRANCHE_MONEY_HAS_MIN)
    {
      lo = money->min;
      hi = INFINITY;
    }
  else if (money->flags & TRANCHE_MONEY_HAS_MAX)
    {
      lo = 0;
      hi = money->max;
    }
  else
    return FALSE;
  /* The loader refuses negative amounts; a hand-built one can't go below 0. */
  lo = MAX (lo, 0);
  hi = MAX (hi, lo);
  if (min)
    *min = lo;
  if (max)
    *max = hi;
  return TRUE;
}
