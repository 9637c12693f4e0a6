/* tranche-extract-money.h: amounts of money as articles write them
 *
 * "1 milliard de dollars", "1,25 milliard d'euros", "105 M€", "$1.25 billion",
 * "$300mn", "€105M", "USD 2bn", "13 billion dollars", "1 000 €"; with the
 * qualifiers before them: bounds ("up to", "jusqu'à" → at most; "at least",
 * "plus de", "more than" → at least), approximation ("about", "roughly", "some",
 * "environ", "près de", "quelque"), ranges ("between $1B and $2B", "entre 1 et
 * 2 milliards"); and vague amounts ("several billion", "plusieurs milliards de
 * dollars") that say money exists but not how much: undisclosed.
 *
 * A bare number is no amount: it needs a currency, or a multiplier word
 * ("10 milliards", "13 billion in all") that is not followed by some other
 * unit ("10 millions d'utilisateurs", "5 million users").
 */
#pragma once

#include <glib.h>

#include "tranche-extract-scan.h"
#include "tranche-money.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_BOUND_NONE = 0,
  TRANCHE_BOUND_AT_MOST,   /* money.max */
  TRANCHE_BOUND_AT_LEAST,  /* money.min */
  TRANCHE_BOUND_RANGE,     /* money.min .. money.max */
} TrancheMoneyBound;

typedef struct
{
  TrancheSpan        span;    /* the figure with its qualifiers */
  TrancheSpan        number;  /* the figure alone, for highlighting */
  TrancheMoney       money;   /* value (or min/max), flags APPROX / UNDISCLOSED;
                               * currency 0 when the text names none */
  TrancheMoneyBound  bound;
} TrancheMoneyMatch;

/* Appends to `out` (of TrancheMoneyMatch) every amount in text[start, end), in
 * order, none overlapping. `len` is the length of the whole text, so a figure
 * may be read to its end. */
void tranche_extract_money (const char      *text,
                            gsize            len,
                            gsize            start,
                            gsize            end,
                            TrancheLanguage  language,
                            GArray          *out);

G_END_DECLS
