/* tranche-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-format.h"

/* Scales of a short amount. The unit words are looked up through gettext at
 * use, so the table only holds what xgettext needs to extract them. */
typedef struct
{
  int         exponent;  /* the unit is 10^exponent */
  const char *context;
  const char *msgid;
} Unit;

static const Unit units[] = {
  { 0, NULL, NULL },
  /* Translators: unit of a short amount of money, thousands, as in "$250K";
   * French uses "k" ("250 k$"). */
  { 3, "money unit, thousand", NC_ ("money unit, thousand", "K") },
  /* Translators: unit of a short amount of money, millions, as in "$500M". */
  { 6, "money unit, million", NC_ ("money unit, million", "M") },
  /* Translators: unit of a short amount of money, billions (10^9), as in
   * "$1B"; French uses "Md" (milliard). */
  { 9, "money unit, billion", NC_ ("money unit, billion", "B") },
  /* Translators: unit of a short amount of money, trillions (10^12), as in
   * "$1.2T"; French uses "Bn" (billion). */
  { 12, "money unit, trillion", NC_ ("money unit, trillion", "T") },
};

/* Currencies shown by a symbol; every other one is shown by its ISO code. The
 * symbols are the same in every language we know, only their place moves, and
 * that is in the translatable layouts below. */
static const struct
{
  const char *code;
  const char *symbol;
} symbols[] = {
  { "USD", "$" },
  { "EUR", "€" },
  { "GBP", "£" },
  { "JPY", "¥" },
};

/* Three significant digits is what a timeline label has room for, and more
 * than the sources give: "$1.25B", "$13B", "$0.5B". */
#define SIGNIFICANT_DIGITS 3

/* Past this, a scaled number no longer fits in a gint64 with decimals; such
 * amounts are nonsense for funding, but they still get printed. */
#define MAX_EXACT_SCALED 1e15

static const char *
unit_word (const Unit *unit)
{
  if (unit->msgid == NULL)
    return "";
  return g_dpgettext2 (GETTEXT_PACKAGE, unit->context, unit->msgid);
}

static double
power_of_ten (int exponent)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
  };

  g_assert (exponent >= 0 && exponent < (int) G_N_ELEMENTS (powers));
  return powers[exponent];
}

/* Decimals that keep SIGNIFICANT_DIGITS for a number already in its unit;
 * below 1 (range bounds, cents) two decimals are enough. */
static int
decimals_for (double scaled)
{
  int int_digits;

  if (scaled < 1.0)
    return 2;
  int_digits = (int) floor (log10 (scaled)) + 1;
  return MAX (0, SIGNIFICANT_DIGITS - int_digits);
}

/* The value in the unit, rounded to `decimals`, as an integer count of the
 * last decimal. Dividing by one exact power of ten (instead of dividing by
 * the unit and then multiplying) keeps 1.225e9 at 122.5 before rounding. */
static gint64
scaled_count (double value,
              int    unit_exponent,
              int    decimals)
{
  int shift = unit_exponent - decimals;

  if (shift >= 0)
    return llround (value / power_of_ten (shift));
  return llround (value * power_of_ten (-shift));
}

static void
append_grouped (GString    *out,
                const char *digits)
{
  /* Translators: separator between groups of three digits in a big number
   * ("1,500T"); French uses a narrow no-break space (U+202F). */
  const char *separator = C_("number", ",");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* A non-negative number in the given unit, with the translated decimal
 * separator and no trailing zeros. Written by hand rather than with printf so
 * that the output never depends on LC_NUMERIC. */
static char *
format_number_in_unit (double value,
                       int    unit_exponent)
{
  /* Translators: the decimal separator of short amounts ("$1.25B"); French
   * uses a comma ("1,25 Md$"). */
  const char *decimal_point = C_("number", ".");
  GString *out = g_string_new (NULL);
  double scaled = value / power_of_ten (unit_exponent);
  int decimals = decimals_for (scaled);
  char int_digits[32];
  char frac_digits[8];
  gint64 count, divisor, int_part, frac_part;
  int frac_len;

  if (scaled >= MAX_EXACT_SCALED)
    {
      /* No decimals at that size; "%.0f" prints no separator either. */
      g_snprintf (int_digits, sizeof int_digits, "%.0f", round (scaled));
      append_grouped (out, int_digits);
      return g_string_free (out, FALSE);
    }

  count = scaled_count (value, unit_exponent, decimals);
  divisor = (gint64) power_of_ten (decimals);
  int_part = count / divisor;
  frac_part = count % divisor;

  g_snprintf (int_digits, sizeof int_digits, "%" G_GINT64_FORMAT, int_part);
  append_grouped (out, int_digits);

  if (frac_part == 0)
    return g_string_free (out, FALSE);

  g_snprintf (frac_digits, sizeof frac_digits, "%0*" G_GINT64_FORMAT, decimals, frac_part);
  frac_len = decimals;
  while (frac_len > 0 && frac_digits[frac_len - 1] == '0')
    frac_len--;
  frac_digits[frac_len] = '\0';

  g_string_append (out, decimal_point);
  g_string_append (out, frac_digits);
  return g_string_free (out, FALSE);
}

/* The unit a value is shown in: the largest that keeps it at 1 or more, moved
 * up when rounding makes it reach 1000 ("999.7M" is "$1B"). */
static guint
unit_for (double value)
{
  guint u = 0;

  while (u + 1 < G_N_ELEMENTS (units) && value >= power_of_ten (units[u + 1].exponent))
    u++;

  if (u + 1 < G_N_ELEMENTS (units))
    {
      double scaled = value / power_of_ten (units[u].exponent);
      if (scaled < MAX_EXACT_SCALED
          && scaled_count (value, units[u].exponent, decimals_for (scaled))
             >= 1000 * (gint64) power_of_ten (decimals_for (scaled)))
        u++;
    }
  return u;
}

static const char *
currency_symbol (TrancheCurrency currency)
{
  char code[4];

  tranche_currency_to_code (currency, code);
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (symbols[i].code, code) == 0)
      return symbols[i].symbol;
  return NULL;
}

/* Puts the number, its unit and the currency together in the order and with
 * the spaces the language uses. */
static char *
layout_amount (const char      *number,
               const char      *unit,
               TrancheCurrency  currency)
{
  const char *symbol;
  char code[4];
  gboolean has_unit = unit[0] != '\0';

  if (currency == 0)
    {
      if (!has_unit)
        return g_strdup (number);
      /* Translators: an amount with no currency (axis ticks): %1$s is the
       * number, %2$s its unit ("1.5B"). French puts a no-break space between
       * them ("1,5 Md"). */
      return g_strdup_printf (C_("amount layout", "%1$s%2$s"), number, unit);
    }

  symbol = currency_symbol (currency);
  if (symbol != NULL)
    {
      if (has_unit)
        /* Translators: a short amount in a currency with a symbol: %1$s is the
         * symbol, %2$s the number, %3$s its unit ("$1.5B", "€500M"). French
         * writes "1,5 Md$": number, no-break space, unit, symbol. */
        return g_strdup_printf (C_("money layout, symbol with unit", "%1$s%2$s%3$s"),
                                symbol, number, unit);
      /* Translators: a small amount in a currency with a symbol: %1$s is the
       * symbol, %2$s the number ("$0", "$120"). French writes "120 $" with a
       * no-break space. */
      return g_strdup_printf (C_("money layout, symbol without unit", "%1$s%2$s"),
                              symbol, number);
    }

  tranche_currency_to_code (currency, code);
  if (has_unit)
    /* Translators: a short amount in a currency shown by its ISO code: %1$s
     * is the code, %2$s the number, %3$s its unit ("CHF 1.5B", with a
     * no-break space). French writes "1,5 Md CHF" with no-break spaces. */
    return g_strdup_printf (C_("money layout, code with unit", "%1$s\u00a0%2$s%3$s"),
                            code, number, unit);
  /* Translators: a small amount in a currency shown by its ISO code: %1$s is
   * the code, %2$s the number ("CHF 120", with a no-break space). */
  return g_strdup_printf (C_("money layout, code without unit", "%1$s\u00a0%2$s"), code, number);
}

static gboolean
rounds_to_zero (double value)
{
  return unit_for (value) == 0 && scaled_count (value, 0, decimals_for (value)) == 0;
}

static char *
format_single (double          value,
               TrancheCurrency currency)
{
  guint u = unit_for (value);
  g_autofree char *number = format_number_in_unit (value, units[u].exponent);

  return layout_amount (number, unit_word (&units[u]), currency);
}

/* "$0.5–2B": both bounds share the unit of the larger when the smaller still
 * reads as a number in it; otherwise each gets its own ("$250K–$2B"). */
static char *
format_range (double          min,
              double          max,
              TrancheCurrency currency)
{
  double low = MIN (min, max);
  double high = MAX (min, max);
  guint u = unit_for (high);
  double low_scaled = low / power_of_ten (units[u].exponent);

  if (low == 0 || low_scaled >= 0.1)
    {
      g_autofree char *low_text = format_number_in_unit (low, units[u].exponent);
      g_autofree char *high_text = format_number_in_unit (high, units[u].exponent);
      g_autofree char *numbers = NULL;

      if (g_strcmp0 (low_text, high_text) == 0)
        return layout_amount (low_text, unit_word (&units[u]), currency);
      /* Translators: a range of two numbers that share a unit, as in
       * "$0.5–2B"; %1$s is the low bound, %2$s the high one. */
      numbers = g_strdup_printf (C_("number range", "%1$s–%2$s"), low_text, high_text);
      return layout_amount (numbers, unit_word (&units[u]), currency);
    }
  else
    {
      g_autofree char *low_text = format_single (low, currency);
      g_autofree char *high_text = format_single (high, currency);

      /* Translators: a range of two amounts with different units, as in
       * "$250K–$2B"; %1$s is the low amount, %2$s the high one. */
      return g_strdup_printf (C_("money range", "%1$s–%2$s"), low_text, high_text);
    }
}

static char *
mark_approx (char *text)
{
  char *marked;

  /* Translators: an approximate amount, as in "~$29B"; %s is the amount.
   * French writes "≈ 29 Md$" with a no-break space after "≈". */
  marked = g_strdup_printf (C_("money", "~%s"), text);
  g_free (text);
  return marked;
}

char *
tranche_format_money (const TrancheMoney *money)
{
  char *text;

  g_return_val_if_fail (money != NULL, NULL);

  if (!tranche_money_is_present (money))
    return g_strdup ("");

  /* A reported figure with neither value nor range is one that exists but is
   * not known, which is what "undisclosed" means to the reader. */
  if ((money->flags & TRANCHE_MONEY_UNDISCLOSED) || !tranche_money_is_known (money))
    /* Translators: an amount that exists but was not made public. */
    return g_strdup (C_("money", "undisclosed"));

  if (money->flags & TRANCHE_MONEY_HAS_VALUE)
    {
      text = format_single (MAX (money->value, 0), money->currency);
      if (money->flags & TRANCHE_MONEY_APPROX)
        text = mark_approx (text);
      return text;
    }
  {
    double min = 0, max = 0;

    tranche_money_get_bounds (money, &min, &max);
    return tranche_format_amount_range (min, max, money->currency,
                                        (money->flags & TRANCHE_MONEY_APPROX) != 0);
  }
}

char *
tranche_format_rate (double rate)
{
  const char *decimal_point = C_("number", ".");
  int decimals;
  char *text, *point;
  gsize len;

  g_return_val_if_fail (isfinite (rate) && rate > 0, g_strdup (""));

  /* Four significant digits: 1.08, 0.00077, 148.2. */
  decimals = CLAMP (3 - (int) floor (log10 (rate)), 0, 12);
  text = g_strdup_printf ("%.*f", decimals, rate);
  /* g_strdup_printf follows LC_NUMERIC: find whichever point it wrote. */
  point = strpbrk (text, ".,");
  if (point == NULL)
    return text;
  len = strlen (text);
  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (text + len - 1 == point)
    {
      *point = '\0';
      return text;
    }
  {
    g_autofree char *whole = g_strndup (text, point - text);
    char *joined = g_strconcat (whole, decimal_point, point + 1, NULL);

    g_free (text);
    return joined;
  }
}

char *
tranche_format_amount_range (double          min,
                             double          max,
                             TrancheCurrency currency,
                             gboolean        approx)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (!isnan (min) && !isnan (max), g_strdup (""));

  min = isfinite (min) ? MAX (min, 0) : 0;
  if (!isfinite (max))
    {
      text = format_single (min, currency);
      if (approx)
        text = mark_approx (g_steal_pointer (&text));
      /* Translators: a lower bound, as in "at least $2B"; %s is the amount. */
      return g_strdup_printf (C_("money", "at least %s"), text);
    }
  max = MAX (max, min);
  if (min == 0 && max > 0)
    {
      text = format_single (max, currency);
      if (approx)
        text = mark_approx (g_steal_pointer (&text));
      /* Translators: an upper bound, as in "up to $5B"; %s is the amount. */
      return g_strdup_printf (C_("money", "up to %s"), text);
    }
  text = min == max ? format_single (min, currency) : format_range (min, max, currency);
  if (approx)
    text = mark_approx (g_steal_pointer (&text));
  return g_steal_pointer (&text);
}

char *
tranche_format_amount (double          value,
                       TrancheCurrency currency,
                       gboolean        approx)
{
  char *text;

  g_return_val_if_fail (isfinite (value), g_strdup (""));

  text = format_single (fabs (value), currency);
  /* Totals are never negative, but a gap between a reported and a computed
   * total can be; "-$0" would look like a mistake, so zero stays unsigned. */
  if (value < 0 && !rounds_to_zero (-value))
    {
      char *negative;

      /* Translators: a negative amount (a reported total below the computed
       * one), as in "−$2B"; %s is the amount without its sign. */
      negative = g_strdup_printf (C_("money", "−%s"), text);
      g_free (text);
      text = negative;
    }
  if (approx)
    text = mark_approx (text);
  return text;
}

const char *
tranche_format_month_abbrev (int month)
{
  static const char * const abbrevs[] = {
    /* Translators: abbreviated month names, as in "23 Jan 2023"; French
     * writes "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
     * "août", "sept.", "oct.", "nov.", "déc.". */
    NC_ ("abbreviated month", "Jan"), NC_ ("abbreviated month", "Feb"),
    NC_ ("abbreviated month", "Mar"), NC_ ("abbreviated month", "Apr"),
    NC_ ("abbreviated month", "May"), NC_ ("abbreviated month", "Jun"),
    NC_ ("abbreviated month", "Jul"), NC_ ("abbreviated month", "Aug"),
    NC_ ("abbreviated month", "Sep"), NC_ ("abbreviated month", "Oct"),
    NC_ ("abbreviated month", "Nov"), NC_ ("abbreviated month", "Dec"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", abbrevs[month - 1]);
}

const char *
tranche_format_month_name (int month)
{
  static const char * const names[] = {
    /* Translators: full month names, as in "January 2023"; French writes
     * them in lower case ("janvier"). */
    NC_ ("month name", "January"), NC_ ("month name", "February"),
    NC_ ("month name", "March"), NC_ ("month name", "April"),
    NC_ ("month name", "May"), NC_ ("month name", "June"),
    NC_ ("month name", "July"), NC_ ("month name", "August"),
    NC_ ("month name", "September"), NC_ ("month name", "October"),
    NC_ ("month name", "November"), NC_ ("month name", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month name", names[month - 1]);
}

char *
tranche_format_date (const TrancheDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch ((TranchePrecision) date->precision)
    {
    case TRANCHE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);
    case TRANCHE_PRECISION_QUARTER:
      /* Translators: a quarter of a year: %1$d is the quarter (1-4), %2$d
       * the year, as in "Q2 2024"; French writes "T2 2024" (trimestre). */
      return g_strdup_printf (C_("date", "Q%1$d %2$d"), (date->month - 1) / 3 + 1, date->year);
    case TRANCHE_PRECISION_MONTH:
      /* Translators: a month of a year: %1$s is the abbreviated month, %2$d
       * the year, as in "Jan 2023". */
      return g_strdup_printf (C_("date", "%1$s %2$d"),
                              tranche_format_month_abbrev (date->month), date->year);
    case TRANCHE_PRECISION_DAY:
      /* Translators: a day: %1$d is the day of the month, %2$s the
       * abbreviated month, %3$d the year, as in "23 Jan 2023". */
      return g_strdup_printf (C_("date", "%1$d %2$s %3$d"), date->day,
                              tranche_format_month_abbrev (date->month), date->year);
    case TRANCHE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

char *
tranche_format_date_span (const TrancheDate *date,
                          const TrancheDate *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  start_text = tranche_format_date (date);
  if (end == NULL || !tranche_date_is_set (end))
    return g_steal_pointer (&start_text);

  end_text = tranche_format_date (end);
  /* "2023 – 2023" says nothing the single date doesn't. */
  if (strcmp (start_text, end_text) == 0 || !tranche_date_is_set (date))
    return g_steal_pointer (&end_text);

  /* Translators: a span of time: %1$s is where it starts, %2$s where it
   * ends, as in "Jan 2023 – 2026". */
  return g_strdup_printf (C_("date span", "%1$s – %2$s"), start_text, end_text);
}

char *
tranche_format_day (TrancheDay       day,
                    TranchePrecision precision)
{
  TrancheDate date = { 0 };
  int year, month, mday;

  g_return_val_if_fail (isfinite (day), g_strdup (""));

  tranche_day_to_ymd (day, &year, &month, &mday);
  date.year = year;
  date.precision = precision;
  switch (precision)
    {
    case TRANCHE_PRECISION_YEAR:
      break;
    case TRANCHE_PRECISION_QUARTER:
      date.month = (month - 1) / 3 * 3 + 1;
      break;
    case TRANCHE_PRECISION_MONTH:
      date.month = month;
      break;
    case TRANCHE_PRECISION_NONE:
    case TRANCHE_PRECISION_DAY:
    default:
      /* Finer ticks (weeks) and the crosshair show the day itself. */
      date.precision = TRANCHE_PRECISION_DAY;
      date.month = month;
      date.day = mday;
      break;
    }
  return tranche_format_date (&date);
}

char *
tranche_format_year_span (TrancheDay first,
                          TrancheDay end)
{
  int y0, y1;

  tranche_day_to_ymd (first, &y0, NULL, NULL);
  tranche_day_to_ymd (MAX (end - 1, first), &y1, NULL, NULL);
  if (y0 == y1)
    return g_strdup_printf ("%d", y0);
  /* Translators: a span of years, "2018–2023" */
  return g_strdup_printf (C_("years", "%d–%d"), y0, y1);
}
