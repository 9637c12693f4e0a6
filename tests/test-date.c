/* test-date.c: partial dates, their spans and their order */
#include "config.h"

#include "tranche-date.h"

typedef struct
{
  const char       *text;
  TrancheDateError  expected;
  TranchePrecision  precision;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "2021", TRANCHE_DATE_OK, TRANCHE_PRECISION_YEAR },
  { "2024-Q2", TRANCHE_DATE_OK, TRANCHE_PRECISION_QUARTER },
  { "2023-01", TRANCHE_DATE_OK, TRANCHE_PRECISION_MONTH },
  { "2023-01-23", TRANCHE_DATE_OK, TRANCHE_PRECISION_DAY },
  { "2024-02-29", TRANCHE_DATE_OK, TRANCHE_PRECISION_DAY },
  { "2000-02-29", TRANCHE_DATE_OK, TRANCHE_PRECISION_DAY },
  { "1000", TRANCHE_DATE_OK, TRANCHE_PRECISION_YEAR },
  { "9999-12-31", TRANCHE_DATE_OK, TRANCHE_PRECISION_DAY },
  { "2023-02-29", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "1900-02-29", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "2023-02-30", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "2023-13", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "2023-00", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "2023-04-31", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "2023-Q5", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "2023-Q0", TRANCHE_DATE_ERROR_CALENDAR, 0 },
  { "0999", TRANCHE_DATE_ERROR_RANGE, 0 },
  { "", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { "23", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { "2023-1", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { "2023/01/02", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { "2023-01-02T00:00", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { "20233", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { " 2023", TRANCHE_DATE_ERROR_SYNTAX, 0 },
  { "2023-QX", TRANCHE_DATE_ERROR_SYNTAX, 0 },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  TrancheDate date = { 0 };
  TrancheDateError err = tranche_date_parse (c->text, &date);

  g_assert_cmpint (err, ==, c->expected);
  if (err == TRANCHE_DATE_OK)
    {
      g_autofree char *iso = tranche_date_to_iso (&date);
      g_assert_cmpint (date.precision, ==, c->precision);
      /* the text round-trips, so the form (and precision) is kept */
      g_assert_cmpstr (iso, ==, c->text);
    }
}

static TrancheDate
parse (const char *text)
{
  TrancheDate date;
  g_assert_cmpint (tranche_date_parse (text, &date), ==, TRANCHE_DATE_OK);
  return date;
}

static void
test_spans (void)
{
  TrancheDate y = parse ("2021"), q = parse ("2024-Q2"), m = parse ("2024-02");
  TrancheDate d = parse ("1970-01-02");

  g_assert_cmpfloat (tranche_date_first_day (&d), ==, 1);
  g_assert_cmpfloat (tranche_date_end_day (&d), ==, 2);
  /* a year is a span of 365 days, and its marker sits in its middle */
  g_assert_cmpfloat (tranche_date_end_day (&y) - tranche_date_first_day (&y), ==, 365);
  g_assert_cmpfloat (tranche_date_middle_day (&y), ==, tranche_date_first_day (&y) + 182.5);
  /* Q2 is April to June: 30 + 31 + 30 days */
  g_assert_cmpfloat (tranche_date_end_day (&q) - tranche_date_first_day (&q), ==, 91);
  g_assert_cmpfloat (tranche_date_first_day (&q), ==, tranche_day_from_ymd (2024, 4, 1));
  /* February of a leap year */
  g_assert_cmpfloat (tranche_date_end_day (&m) - tranche_date_first_day (&m), ==, 29);
}

static void
test_day_numbers (void)
{
  /* known anchors, and a round trip through every day of a few centuries */
  g_assert_cmpfloat (tranche_day_from_ymd (1970, 1, 1), ==, 0);
  g_assert_cmpfloat (tranche_day_from_ymd (2000, 3, 1), ==, 11017);
  g_assert_cmpfloat (tranche_day_from_ymd (1969, 12, 31), ==, -1);
  /* months beyond 12 roll over */
  g_assert_cmpfloat (tranche_day_from_ymd (2023, 13, 1), ==, tranche_day_from_ymd (2024, 1, 1));
  g_assert_cmpfloat (tranche_day_from_ymd (2023, 0, 1), ==, tranche_day_from_ymd (2022, 12, 1));

  for (TrancheDay day = tranche_day_from_ymd (1000, 1, 1);
       day < tranche_day_from_ymd (10000, 1, 1); day += 17)
    {
      int y, m, d;
      tranche_day_to_ymd (day, &y, &m, &d);
      g_assert_cmpfloat (tranche_day_from_ymd (y, m, d), ==, day);
      g_assert_cmpint (d, <=, g_date_get_days_in_month (m, y));
    }
}

static void
test_order_across_precisions (void)
{
  const char *sorted[] = { "2020-12-31", "2021", "2021-Q1", "2021-01", "2021-01-01",
                           "2021-01-02", "2021-02", "2021-Q2", "2022" };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (sorted); i++)
    {
      TrancheDate a = parse (sorted[i]), b = parse (sorted[i + 1]);
      g_assert_cmpint (tranche_date_compare (&a, &b), <, 0);
      g_assert_cmpint (tranche_date_compare (&b, &a), >, 0);
      g_assert_cmpint (tranche_date_compare (&a, &a), ==, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *name = g_strdup (*parse_cases[i].text ? parse_cases[i].text : "empty");
      g_autofree char *path = NULL;

      g_strdelimit (name, "/ ", '_');
      path = g_strdup_printf ("/date/parse/%s/%s",
                              parse_cases[i].expected ? "invalid" : "valid", name);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add_func ("/date/spans", test_spans);
  g_test_add_func ("/date/day-numbers", test_day_numbers);
  g_test_add_func ("/date/order-across-precisions", test_order_across_precisions);
  return g_test_run ();
}
