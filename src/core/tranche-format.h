/* tranche-format.h: money and dates as people read them, in their language
 *
 * All wording and separators go through gettext, so the French translation
 * gives "1 Md$", "≈ 29 Md$", "T2 2024", "23 janv. 2023" while English gives
 * "$1B", "~$29B", "Q2 2024", "23 Jan 2023". Where an amount has a space
 * (French "1 Md$", English "CHF 1B") it is a no-break space, so a label never
 * wraps between a number and its unit. Nothing depends on LC_NUMERIC: the
 * decimal separator is a translation too. Results are UTF-8, owned by the
 * caller unless const.
 */
#pragma once

#include <glib.h>

#include "tranche-date.h"
#include "tranche-money.h"

G_BEGIN_DECLS

/* Short form of a reported figure: "$1B", "~$29B", "$0.5–2B", "undisclosed";
 * "" when the money is absent. */
char       *tranche_format_money        (const TrancheMoney *money);
/* Short form of a plain value, for axis ticks, totals and cluster sums. */
char       *tranche_format_amount       (double              value,
                                         TrancheCurrency     currency,
                                         gboolean            approx);
/* A range of amounts, as totals are: "$2–3B", "$11B" when min == max, "up to
 * $5B" when min is 0, "at least $2B" when max is infinite. */
char       *tranche_format_amount_range (double              min,
                                         double              max,
                                         TrancheCurrency     currency,
                                         gboolean            approx);
/* An exchange rate with four significant digits: "1.08", "0.00077". */
char       *tranche_format_rate         (double              rate);
/* A date at its own precision: "2021", "Q2 2024", "Jan 2023", "23 Jan 2023". */
char       *tranche_format_date         (const TrancheDate  *date);
/* A date and its end when it has one: "Jan 2023 – 2026". */
char       *tranche_format_date_span    (const TrancheDate  *date,
                                         const TrancheDate  *end);
/* A day number shown at a precision (ticks, crosshair). */
/* The calendar years of the days [first, end): "2023–2025", or "2023". */
char       *tranche_format_year_span    (TrancheDay          first,
                                         TrancheDay          end);
char       *tranche_format_day          (TrancheDay          day,
                                         TranchePrecision    precision);
/* "Jan" / "janv." and "January" / "janvier". */
const char *tranche_format_month_abbrev (int                 month);
const char *tranche_format_month_name   (int                 month);

G_END_DECLS
