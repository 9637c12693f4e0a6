/* format-cases.h: the formatting cases, what English and French give, and checks
 *
 * test-format (C.UTF-8, untranslated) and test-format-fr (fr_FR.UTF-8, the
 * build's catalog) share this table, so every case is checked in both
 * languages and the two can't drift apart. French separates number and unit
 * with a no-break space (NB) and groups thousands with a narrow one (NNB).
 */
#pragma once

#include <glib.h>

#include "tranche-date.h"
#include "tranche-money.h"

#define NB "\u00a0"
#define NNB "\u202f"

#define PRESENT TRANCHE_MONEY_PRESENT
#define VALUE (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE)
#define RANGE (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_RANGE)
#define APPROX TRANCHE_MONEY_APPROX
#define UNDISCLOSED (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_UNDISCLOSED)

typedef struct
{
  const char *name;
  double      value;
  double      min;
  double      max;
  const char *currency;  /* NULL: not given */
  guint8      flags;
  const char *en;
  const char *fr;
} MoneyCase;

static const MoneyCase money_cases[] = {
  { "billion", 1e9, 0, 0, "USD", VALUE, "$1B", "1" NB "Md$" },
  { "ten-billion", 10e9, 0, 0, "USD", VALUE, "$10B", "10" NB "Md$" },
  { "approx", 29e9, 0, 0, "USD", VALUE | APPROX, "~$29B", "≈" NB "29" NB "Md$" },
  { "range", 0, 0.5e9, 2e9, "USD", RANGE, "$0.5–2B", "0,5–2" NB "Md$" },
  { "range-reversed", 0, 2e9, 0.5e9, "USD", RANGE, "$0.5–2B", "0,5–2" NB "Md$" },
  { "range-approx", 0, 0.5e9, 2e9, "USD", RANGE | APPROX, "~$0.5–2B", "≈" NB "0,5–2" NB "Md$" },
  { "range-units-apart", 0, 250e3, 2e9, "USD", RANGE, "$250K–$2B", "250" NB "k$–2" NB "Md$" },
  { "range-equal", 0, 3e6, 3e6, "USD", RANGE, "$3M", "3" NB "M$" },
  { "value-and-range", 1e9, 0.5e9, 2e9, "USD", VALUE | RANGE, "$1B", "1" NB "Md$" },
  { "million", 500e6, 0, 0, "USD", VALUE, "$500M", "500" NB "M$" },
  { "thousand", 250e3, 0, 0, "USD", VALUE, "$250K", "250" NB "k$" },
  { "trillion", 1.2e12, 0, 0, "USD", VALUE, "$1.2T", "1,2" NB "Bn$" },
  { "undisclosed", 0, 0, 0, "USD", UNDISCLOSED, "undisclosed", "non divulgué" },
  { "present-without-value", 0, 0, 0, "USD", PRESENT, "undisclosed", "non divulgué" },
  { "absent", 0, 0, 0, NULL, 0, "", "" },
  { "euro", 1e9, 0, 0, "EUR", VALUE, "€1B", "1" NB "Md€" },
  { "pound", 2.5e6, 0, 0, "GBP", VALUE, "£2.5M", "2,5" NB "M£" },
  { "yen", 3e9, 0, 0, "JPY", VALUE, "¥3B", "3" NB "Md¥" },
  { "code", 1e9, 0, 0, "CHF", VALUE, "CHF" NB "1B", "1" NB "Md" NB "CHF" },
  { "code-small", 120, 0, 0, "CHF", VALUE, "CHF" NB "120", "120" NB "CHF" },
  { "three-digits", 1.25e9, 0, 0, "USD", VALUE, "$1.25B", "1,25" NB "Md$" },
  { "two-digits", 13e9, 0, 0, "USD", VALUE, "$13B", "13" NB "Md$" },
  { "round-down", 1.234e9, 0, 0, "USD", VALUE, "$1.23B", "1,23" NB "Md$" },
  { "round-half-up", 1.235e9, 0, 0, "USD", VALUE, "$1.24B", "1,24" NB "Md$" },
  { "round-tens", 12.34e6, 0, 0, "USD", VALUE, "$12.3M", "12,3" NB "M$" },
  { "round-hundreds", 123.4e6, 0, 0, "USD", VALUE, "$123M", "123" NB "M$" },
  { "round-into-next-unit", 999.7e6, 0, 0, "USD", VALUE, "$1B", "1" NB "Md$" },
  { "just-below-next-unit", 999.4e6, 0, 0, "USD", VALUE, "$999M", "999" NB "M$" },
  { "no-trailing-zero", 2.001e9, 0, 0, "USD", VALUE, "$2B", "2" NB "Md$" },
  { "zero", 0, 0, 0, "USD", VALUE, "$0", "0" NB "$" },
  { "small", 999, 0, 0, "USD", VALUE, "$999", "999" NB "$" },
  { "cents", 12.5, 0, 0, "USD", VALUE, "$12.5", "12,5" NB "$" },
  { "one-thousand", 1000, 0, 0, "USD", VALUE, "$1K", "1" NB "k$" },
  { "beyond-trillions", 1.5e15, 0, 0, "USD", VALUE, "$1,500T", "1" NNB "500" NB "Bn$" },
};

typedef struct
{
  const char *name;
  double      value;
  const char *currency;  /* NULL: no currency (axis ticks) */
  gboolean    approx;
  const char *en;
  const char *fr;
} AmountCase;

static const AmountCase amount_cases[] = {
  { "tick", 1.5e9, NULL, FALSE, "1.5B", "1,5" NB "Md" },
  { "tick-small", 40, NULL, FALSE, "40", "40" },
  { "total", 11e9, "USD", FALSE, "$11B", "11" NB "Md$" },
  { "approx", 29e9, "USD", TRUE, "~$29B", "≈" NB "29" NB "Md$" },
  { "negative", -2e9, "USD", FALSE, "−$2B", "−2" NB "Md$" },
  { "negative-rounds-to-zero", -0.001, "USD", FALSE, "$0", "0" NB "$" },
  { "euro-total", 4.56e6, "EUR", FALSE, "€4.56M", "4,56" NB "M€" },
};

typedef struct
{
  const char *name;
  const char *date;
  const char *end;  /* NULL: no end */
  const char *en;
  const char *fr;
} DateCase;

static const DateCase date_cases[] = {
  { "year", "2021", NULL, "2021", "2021" },
  { "quarter", "2024-Q2", NULL, "Q2 2024", "T2 2024" },
  { "month", "2023-01", NULL, "Jan 2023", "janv. 2023" },
  { "month-may", "2023-05", NULL, "May 2023", "mai 2023" },
  { "day", "2023-01-23", NULL, "23 Jan 2023", "23 janv. 2023" },
  { "day-december", "2019-12-01", NULL, "1 Dec 2019", "1 déc. 2019" },
  { "span", "2023-01", "2026", "Jan 2023 – 2026", "janv. 2023" NB "– 2026" },
  { "span-days", "2023-01-23", "2023-02-05", "23 Jan 2023 – 5 Feb 2023",
    "23 janv. 2023" NB "– 5 févr. 2023" },
  { "span-same", "2023", "2023", "2023", "2023" },
};

typedef struct
{
  const char      *name;
  int              year, month, mday;
  double           offset;  /* added to the day: markers sit mid-span */
  TranchePrecision precision;
  const char      *en;
  const char      *fr;
} DayCase;

static const DayCase day_cases[] = {
  { "year", 2024, 5, 17, 0, TRANCHE_PRECISION_YEAR, "2024", "2024" },
  { "quarter", 2024, 5, 17, 0, TRANCHE_PRECISION_QUARTER, "Q2 2024", "T2 2024" },
  { "quarter-last-day", 2024, 12, 31, 0, TRANCHE_PRECISION_QUARTER, "Q4 2024", "T4 2024" },
  { "month", 2024, 5, 17, 0, TRANCHE_PRECISION_MONTH, "May 2024", "mai 2024" },
  { "day", 2024, 5, 17, 0, TRANCHE_PRECISION_DAY, "17 May 2024", "17 mai 2024" },
  { "half-day", 2021, 7, 2, 0.5, TRANCHE_PRECISION_DAY, "2 Jul 2021", "2 juil. 2021" },
  { "no-precision", 2020, 2, 29, 0, TRANCHE_PRECISION_NONE, "29 Feb 2020", "29 févr. 2020" },
};

typedef struct
{
  int         month;
  const char *abbrev_en;
  const char *name_en;
  const char *abbrev_fr;
  const char *name_fr;
} MonthCase;

static const MonthCase month_cases[] = {
  { 1, "Jan", "January", "janv.", "janvier" },
  { 2, "Feb", "February", "févr.", "février" },
  { 3, "Mar", "March", "mars", "mars" },
  { 4, "Apr", "April", "avr.", "avril" },
  { 5, "May", "May", "mai", "mai" },
  { 6, "Jun", "June", "juin", "juin" },
  { 7, "Jul", "July", "juil.", "juillet" },
  { 8, "Aug", "August", "août", "août" },
  { 9, "Sep", "September", "sept.", "septembre" },
  { 10, "Oct", "October", "oct.", "octobre" },
  { 11, "Nov", "November", "nov.", "novembre" },
  { 12, "Dec", "December", "déc.", "décembre" },
};

static inline TrancheMoney
money_case_money (const MoneyCase *c)
{
  TrancheMoney money = { 0 };

  money.value = c->value;
  money.min = c->min;
  money.max = c->max;
  money.currency = c->currency ? tranche_currency_from_code (c->currency) : 0;
  money.flags = c->flags;
  return money;
}

static inline TrancheDate
parse_date (const char *text)
{
  TrancheDate date = { 0 };

  if (text != NULL)
    g_assert_cmpint (tranche_date_parse (text, &date), ==, TRANCHE_DATE_OK);
  return date;
}

/* The checks, run by both executables; `french` picks the expectation and
 * `language_ready` lets the French one skip when its locale is missing. */
typedef struct
{
  gboolean   french;
  gboolean (*language_ready) (void);
} FormatLanguage;

static FormatLanguage format_language;

#define EXPECTED(c) (format_language.french ? (c)->fr : (c)->en)

static inline gboolean
format_ready (void)
{
  return format_language.language_ready == NULL || format_language.language_ready ();
}

static void
check_money (gconstpointer data)
{
  const MoneyCase *c = data;
  TrancheMoney money = money_case_money (c);
  g_autofree char *text = NULL;

  if (!format_ready ())
    return;
  text = tranche_format_money (&money);
  g_assert_cmpstr (text, ==, EXPECTED (c));
}

static void
check_amount (gconstpointer data)
{
  const AmountCase *c = data;
  TrancheCurrency currency = c->currency ? tranche_currency_from_code (c->currency) : 0;
  g_autofree char *text = NULL;

  if (!format_ready ())
    return;
  text = tranche_format_amount (c->value, currency, c->approx);
  g_assert_cmpstr (text, ==, EXPECTED (c));
}

static void
check_date (gconstpointer data)
{
  const DateCase *c = data;
  TrancheDate date = parse_date (c->date);
  TrancheDate end = parse_date (c->end);
  g_autofree char *text = NULL;

  if (!format_ready ())
    return;
  if (c->end == NULL)
    {
      g_autofree char *alone = tranche_format_date (&date);
      g_autofree char *no_end = tranche_format_date_span (&date, NULL);

      g_assert_cmpstr (alone, ==, EXPECTED (c));
      g_assert_cmpstr (no_end, ==, EXPECTED (c));
    }
  /* An unset end (precision NONE) is the same as none. */
  text = tranche_format_date_span (&date, &end);
  g_assert_cmpstr (text, ==, EXPECTED (c));
}

static void
check_day (gconstpointer data)
{
  const DayCase *c = data;
  TrancheDay day = tranche_day_from_ymd (c->year, c->month, c->mday) + c->offset;
  g_autofree char *text = NULL;

  if (!format_ready ())
    return;
  text = tranche_format_day (day, c->precision);
  g_assert_cmpstr (text, ==, EXPECTED (c));
}

static void
check_months (void)
{
  if (!format_ready ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (month_cases); i++)
    {
      const MonthCase *c = &month_cases[i];

      g_assert_cmpstr (tranche_format_month_abbrev (c->month), ==,
                       format_language.french ? c->abbrev_fr : c->abbrev_en);
      g_assert_cmpstr (tranche_format_month_name (c->month), ==,
                       format_language.french ? c->name_fr : c->name_en);
    }
}

static void
add_format_tests (const char *prefix)
{
#define ADD_CASES(table, kind, func) \
  for (guint i = 0; i < G_N_ELEMENTS (table); i++) \
    { \
      g_autofree char *path = g_strdup_printf ("%s/" kind "/%s", prefix, table[i].name); \
      g_test_add_data_func (path, &table[i], func); \
    }

  ADD_CASES (money_cases, "money", check_money);
  ADD_CASES (amount_cases, "amount", check_amount);
  ADD_CASES (date_cases, "date", check_date);
  ADD_CASES (day_cases, "day", check_day);
#undef ADD_CASES
  {
    g_autofree char *path = g_strdup_printf ("%s/months", prefix);
    g_test_add_func (path, check_months);
  }
}
