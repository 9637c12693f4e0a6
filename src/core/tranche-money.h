/* tranche-money.h: amounts as sources report them
 *
 * A figure can be exact, approximate, a range, or known to exist but
 * undisclosed; all of that is kept so it can be drawn honestly.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_MONEY_PRESENT     = 1 << 0, /* the member was given at all */
  TRANCHE_MONEY_HAS_VALUE   = 1 << 1,
  TRANCHE_MONEY_HAS_RANGE   = 1 << 2, /* min and max both given */
  TRANCHE_MONEY_APPROX      = 1 << 3,
  TRANCHE_MONEY_UNDISCLOSED = 1 << 4, /* "disclosed": false */
  TRANCHE_MONEY_HAS_MIN     = 1 << 5, /* `min` given: with HAS_MAX a range, alone "at least" */
  TRANCHE_MONEY_HAS_MAX     = 1 << 6, /* `max` given: alone "up to" */
} TrancheMoneyFlags;

typedef enum
{
  TRANCHE_BASIS_NONE = 0,
  TRANCHE_BASIS_POST_MONEY,
  TRANCHE_BASIS_PRE_MONEY,
  TRANCHE_BASIS_REPORTED,
} TrancheValuationBasis;

/* A currency is its ISO 4217 code packed into an integer ('U'<<16|'S'<<8|'D'),
 * so money stays a plain value with no pointers. 0 means "not given". */
typedef guint32 TrancheCurrency;

typedef struct
{
  double          value;  /* valid with HAS_VALUE */
  double          min;    /* valid with HAS_RANGE */
  double          max;
  TrancheCurrency currency;
  guint8          flags;
  guint8          basis;  /* TrancheValuationBasis, for valuations */
} TrancheMoney;

TrancheCurrency tranche_currency_from_code (const char        *code);
/* Writes the 3-letter code and a NUL into buf[4]. */
const char     *tranche_currency_to_code   (TrancheCurrency    currency,
                                            char               buf[4]);
gboolean        tranche_currency_code_is_valid (const char    *code);

gboolean        tranche_money_is_present   (const TrancheMoney *money);
/* A value, a range or a single bound is known. */
gboolean        tranche_money_is_known     (const TrancheMoney *money);
/* The figure to draw a marker at: value, else the middle of a range, else
 * the one bound given; FALSE when there is none (undisclosed or absent).
 * Never for totals: those add tranche_money_get_bounds(). */
gboolean        tranche_money_best_value   (const TrancheMoney *money,
                                            double             *value);
/* What the amount can be: [value, value], [min, max], "at least" [min, +inf],
 * "up to" [0, max]. FALSE when nothing is known (undisclosed or absent). */
gboolean        tranche_money_get_bounds   (const TrancheMoney *money,
                                            double             *min,
                                            double             *max);

G_END_DECLS
