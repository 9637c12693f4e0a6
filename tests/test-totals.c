/* test-totals.c: cumulative totals, shares, currencies, undisclosed rounds, gaps */
#include "config.h"

#include <math.h>

#include "tranche-dataset-builder.h"
#include "tranche-format.h"
#include "tranche-totals.h"

#define VALUE (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE)
#define RANGE (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_RANGE)
#define UNDISCLOSED (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_UNDISCLOSED)

typedef struct
{
  const char       *id;
  const char       *date;
  TrancheEventKind  kind;
  const char       *investors[3];  /* NULL-terminated unless full */
  const char       *target;
  guint8            amount_flags;  /* 0: no amount */
  double            amount;
  const char       *currency;      /* NULL: the dataset's */
  double            cumulative;    /* 0: none reported */
  const char       *cumulative_currency;
} Spec;

static TrancheMoney
money (guint8      flags,
       double      value,
       const char *currency)
{
  TrancheMoney m = { 0 };

  m.flags = flags;
  if (flags & TRANCHE_MONEY_HAS_RANGE)
    {
      /* a range around the value, so its middle is the value */
      m.min = value / 2;
      m.max = value * 1.5;
    }
  else
    m.value = value;
  m.currency = currency ? tranche_currency_from_code (currency) : 0;
  return m;
}

static void
add (TrancheDatasetBuilder *b,
     const Spec            *spec)
{
  TrancheEvent ev = { 0 };
  guint32 investors[3];
  guint n = 0;

  ev.id = spec->id;
  ev.title = spec->id;
  ev.kind = spec->kind;
  g_assert_cmpint (tranche_date_parse (spec->date, &ev.date), ==, TRANCHE_DATE_OK);
  ev.target = spec->target ? tranche_dataset_builder_ensure_entity (b, spec->target)
                           : TRANCHE_NO_ENTITY;
  while (n < G_N_ELEMENTS (spec->investors) && spec->investors[n] != NULL)
    {
      investors[n] = tranche_dataset_builder_ensure_entity (b, spec->investors[n]);
      n++;
    }
  ev.amount = money (spec->amount_flags, spec->amount, spec->currency);
  if (spec->cumulative > 0)
    ev.cumulative = money (VALUE, spec->cumulative, spec->cumulative_currency);
  tranche_dataset_builder_add_event (b, &ev, investors, n, NULL, 0, NULL, 0);
}

static TrancheDataset *
build (const Spec *specs,
       guint       n_specs,
       const char *rate_currency,
       double      rate)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();

  tranche_dataset_builder_set_currency (b, tranche_currency_from_code ("USD"));
  if (rate_currency != NULL)
    tranche_dataset_builder_set_rate (b, tranche_currency_from_code (rate_currency), rate);
  for (guint i = 0; i < n_specs; i++)
    add (b, &specs[i]);
  return tranche_dataset_builder_finish (b);
}

static TrancheCurrency
cur (const char *code)
{
  return tranche_currency_from_code (code);
}

static guint32
entity (TrancheDataset *ds,
        const char     *id)
{
  guint32 e = tranche_dataset_find_entity (ds, id);

  g_assert_cmpuint (e, !=, TRANCHE_NO_ENTITY);
  return e;
}

static TrancheDay
marker (const char *text)
{
  TrancheDate date;

  g_assert_cmpint (tranche_date_parse (text, &date), ==, TRANCHE_DATE_OK);
  return tranche_date_middle_day (&date);
}

/* The article's story: 1B in 2019, an undisclosed tranche in 2021, 10B in
 * January 2023, and a reported 13B in all. */
static const Spec sample[] = {
  { "msft-2019", "2019", TRANCHE_EVENT_INVESTMENT, { "microsoft" }, "openai", VALUE, 1e9 },
  { "msft-2021", "2021", TRANCHE_EVENT_INVESTMENT, { "microsoft" }, "openai", UNDISCLOSED, 0 },
  { "msft-2023", "2023-01", TRANCHE_EVENT_INVESTMENT, { "microsoft" }, "openai", VALUE, 10e9,
    NULL, 13e9 },
  { "valued", "2023-01", TRANCHE_EVENT_VALUATION, { NULL }, "openai", 0, 0 },
};

static void
test_sample_steps (void)
{
  g_autoptr(TrancheDataset) ds = build (sample, G_N_ELEMENTS (sample), NULL, 0);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint32 openai = entity (ds, "openai");
  guint s = tranche_totals_find_series (totals, openai, TRANCHE_NO_ENTITY, cur ("USD"));
  const TrancheSeries *series;
  const TrancheStep *steps;
  guint n, n_undisclosed;

  g_assert_cmpuint (s, !=, TRANCHE_TOTALS_NO_SERIES);
  series = tranche_totals_get_series (totals, s);
  g_assert_cmpint (series->kind, ==, TRANCHE_SERIES_TARGET);
  g_assert_cmpuint (series->investor, ==, TRANCHE_NO_ENTITY);
  g_assert_false (series->converted);
  g_assert_cmpfloat (series->total, ==, 11e9);
  g_assert_cmpuint (series->n_undisclosed, ==, 1);

  /* the valuation is not money put in */
  steps = tranche_totals_get_steps (totals, s, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (steps[0].day, ==, marker ("2019"));
  g_assert_cmpfloat (steps[1].total, ==, 1e9);
  g_assert_true (steps[1].flags & TRANCHE_STEP_UNDISCLOSED);
  g_assert_cmpfloat (steps[1].amount, ==, 0);
  g_assert_cmpstr (tranche_dataset_get_event (ds, steps[2].event)->id, ==, "msft-2023");

  /* before, at and after each step: the jump is at the marker day itself */
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2019") - 0.5, &n_undisclosed),
                     ==, 0);
  g_assert_cmpuint (n_undisclosed, ==, 0);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2019"), NULL), ==, 1e9);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2021") - 1, &n_undisclosed),
                     ==, 1e9);
  g_assert_cmpuint (n_undisclosed, ==, 0);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2021"), &n_undisclosed),
                     ==, 1e9);
  g_assert_cmpuint (n_undisclosed, ==, 1);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2023-01") - 0.01, NULL),
                     ==, 1e9);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2023-01"), NULL), ==, 11e9);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, marker ("2030"), &n_undisclosed),
                     ==, 11e9);
  g_assert_cmpuint (n_undisclosed, ==, 1);
  g_assert_cmpuint (tranche_totals_count_steps (totals, s, marker ("2022")), ==, 2);
}

static void
test_sample_gap (void)
{
  g_autoptr(TrancheDataset) ds = build (sample, G_N_ELEMENTS (sample), NULL, 0);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint event = tranche_dataset_find_event (ds, "msft-2023");
  const TrancheGap *gap;
  g_autofree char *reported = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *difference = NULL;

  g_assert_cmpuint (tranche_totals_get_n_gaps (totals), ==, 1);
  gap = tranche_totals_find_gap (totals, event);
  g_assert_nonnull (gap);
  g_assert_true (gap == tranche_totals_get_gap (totals, 0));
  g_assert_null (tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "msft-2019")));

  g_assert_cmpuint (gap->event, ==, event);
  g_assert_cmpfloat (gap->day, ==, marker ("2023-01"));
  g_assert_cmpuint (gap->target, ==, entity (ds, "openai"));
  g_assert_cmpuint (gap->currency, ==, cur ("USD"));
  g_assert_cmpuint (gap->series, ==,
                    tranche_totals_find_series (totals, gap->target, TRANCHE_NO_ENTITY,
                                                cur ("USD")));
  g_assert_false (gap->converted);
  g_assert_false (gap->approx);
  g_assert_cmpfloat (gap->reported, ==, 13e9);
  g_assert_cmpfloat (gap->computed, ==, 11e9);
  g_assert_cmpfloat (gap->gap, ==, 2e9);
  g_assert_cmpuint (gap->n_undisclosed, ==, 1);

  /* what the chart will print beside the marker */
  reported = tranche_format_amount (gap->reported, gap->currency, FALSE);
  computed = tranche_format_amount (gap->computed, gap->currency, FALSE);
  difference = tranche_format_amount (gap->gap, gap->currency, FALSE);
  g_assert_cmpstr (reported, ==, "$13B");
  g_assert_cmpstr (computed, ==, "$11B");
  g_assert_cmpstr (difference, ==, "$2B");
}

static void
test_pairs (void)
{
  static const Spec specs[] = {
    { "joint", "2020-03-10", TRANCHE_EVENT_INVESTMENT, { "a", "b" }, "t", VALUE, 10e9 },
    { "a-alone", "2021-Q3", TRANCHE_EVENT_COMMITMENT, { "a" }, "t", VALUE, 1e9 },
    { "three", "2022", TRANCHE_EVENT_ACQUISITION, { "a", "b", "c" }, "t", UNDISCLOSED, 0 },
    { "elsewhere", "2020-01", TRANCHE_EVENT_INVESTMENT, { "a" }, "u", VALUE, 7e6 },
  };
  g_autoptr(TrancheDataset) ds = build (specs, G_N_ELEMENTS (specs), NULL, 0);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint32 t = entity (ds, "t"), a = entity (ds, "a"), b = entity (ds, "b"), c = entity (ds, "c");
  guint st = tranche_totals_find_series (totals, t, TRANCHE_NO_ENTITY, cur ("USD"));
  guint sa = tranche_totals_find_series (totals, t, a, cur ("USD"));
  guint sb = tranche_totals_find_series (totals, t, b, cur ("USD"));
  guint sc = tranche_totals_find_series (totals, t, c, cur ("USD"));
  guint first, end, n, n_undisclosed;
  const TrancheStep *steps;
  TrancheDay mid2021 = tranche_day_from_ymd (2021, 12, 1);

  g_assert_cmpuint (tranche_totals_get_n_series (totals), ==, 6);
  /* a target's own series, then its pairs by investor */
  tranche_totals_target_series (totals, t, &first, &end);
  g_assert_cmpuint (end - first, ==, 4);
  g_assert_cmpuint (st, ==, first);
  g_assert_cmpint (tranche_totals_get_series (totals, first + 1)->kind, ==, TRANCHE_SERIES_PAIR);
  g_assert_true (sa < sb && sb < sc && sc < end);
  /* c only ever invested: no series of its own */
  tranche_totals_target_series (totals, c, &first, &end);
  g_assert_cmpuint (first, ==, end);

  /* the target gets the whole round once; investors who gave no amount of
   * their own took an undisclosed share, never a guessed split; a
   * commitment is a promise, never money received */
  g_assert_cmpfloat (tranche_totals_value_at (totals, st, mid2021, NULL), ==, 10e9);
  g_assert_cmpfloat (tranche_totals_value_at (totals, sa, mid2021, &n_undisclosed), ==, 0);
  g_assert_cmpuint (n_undisclosed, ==, 1);
  g_assert_cmpfloat (tranche_totals_value_at (totals, sb, mid2021, &n_undisclosed), ==, 0);
  g_assert_cmpuint (n_undisclosed, ==, 1);
  g_assert_cmpuint (tranche_totals_count_steps (totals, sc, mid2021), ==, 0);

  steps = tranche_totals_get_steps (totals, sa, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (steps[0].flags & TRANCHE_STEP_SHARE);
  g_assert_true (steps[0].flags & TRANCHE_STEP_UNDISCLOSED);
  steps = tranche_totals_get_steps (totals, st, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_false (steps[0].flags & TRANCHE_STEP_SHARE);

  /* an undisclosed acquisition is a step for everyone it names */
  g_assert_cmpfloat (tranche_totals_value_at (totals, sc, marker ("2022"), &n_undisclosed), ==, 0);
  g_assert_cmpuint (n_undisclosed, ==, 1);
  g_assert_cmpuint (tranche_totals_get_series (totals, sb)->n_undisclosed, ==, 2);
  g_assert_cmpuint (tranche_totals_get_series (totals, st)->n_undisclosed, ==, 1);

  /* other targets are other series */
  g_assert_cmpfloat (tranche_totals_get_series (totals, tranche_totals_find_series (
                       totals, entity (ds, "u"), a, cur ("USD")))->total, ==, 7e6);
  g_assert_cmpuint (tranche_totals_find_series (totals, t, a, cur ("EUR")), ==,
                    TRANCHE_TOTALS_NO_SERIES);
}

static const Spec currencies[] = {
  { "usd", "2020", TRANCHE_EVENT_INVESTMENT, { "a" }, "t", VALUE, 1e9 },
  { "eur", "2021", TRANCHE_EVENT_INVESTMENT, { "a" }, "t", VALUE, 1e9, "EUR" },
  { "chf", "2022", TRANCHE_EVENT_INVESTMENT, { "a" }, "t", VALUE, 2e9, "CHF" },
  { "chf-total", "2023", TRANCHE_EVENT_NEWS, { NULL }, "t", 0, 0, NULL, 2.5e9, "CHF" },
  { "eur-total", "2023", TRANCHE_EVENT_NEWS, { NULL }, "t", 0, 0, NULL, 2e9, "EUR" },
  { "jpy-total", "2023", TRANCHE_EVENT_NEWS, { NULL }, "t", 0, 0, NULL, 5e9, "JPY" },
};

static void
test_currency_with_rate (void)
{
  g_autoptr(TrancheDataset) ds = build (currencies, G_N_ELEMENTS (currencies), "EUR", 1.1);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint32 t = entity (ds, "t");
  guint usd = tranche_totals_find_series (totals, t, TRANCHE_NO_ENTITY, cur ("USD"));
  guint chf = tranche_totals_find_series (totals, t, TRANCHE_NO_ENTITY, cur ("CHF"));
  const TrancheStep *steps;
  const TrancheGap *gap;
  guint n;

  /* EUR has a rate: summed with USD, marked converted */
  g_assert_cmpuint (tranche_totals_find_series (totals, t, TRANCHE_NO_ENTITY, cur ("EUR")), ==,
                    TRANCHE_TOTALS_NO_SERIES);
  g_assert_true (tranche_totals_get_series (totals, usd)->converted);
  g_assert_cmpfloat_with_epsilon (tranche_totals_get_series (totals, usd)->total, 2.1e9, 1);
  steps = tranche_totals_get_steps (totals, usd, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_false (steps[0].flags & TRANCHE_STEP_CONVERTED);
  g_assert_true (steps[1].flags & TRANCHE_STEP_CONVERTED);
  g_assert_cmpfloat_with_epsilon (steps[1].amount, 1.1e9, 1);

  /* CHF has none: its own series, never added to the USD one */
  g_assert_cmpuint (chf, !=, TRANCHE_TOTALS_NO_SERIES);
  g_assert_cmpuint (tranche_totals_get_series (totals, chf)->currency, ==, cur ("CHF"));
  g_assert_false (tranche_totals_get_series (totals, chf)->converted);
  g_assert_cmpfloat (tranche_totals_get_series (totals, chf)->total, ==, 2e9);
  g_assert_cmpfloat_with_epsilon (tranche_totals_value_at (totals, usd, marker ("2023"), NULL),
                                  2.1e9, 1);
  /* the default currency's series comes first */
  g_assert_cmpuint (usd, <, chf);

  /* gaps compare in the reported currency's series (news counts nothing but
   * may report a total) */
  g_assert_cmpuint (tranche_totals_get_n_gaps (totals), ==, 3);
  gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "chf-total"));
  g_assert_cmpuint (gap->currency, ==, cur ("CHF"));
  g_assert_cmpuint (gap->series, ==, chf);
  g_assert_cmpfloat (gap->computed, ==, 2e9);
  g_assert_cmpfloat (gap->gap, ==, 0.5e9);
  gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "eur-total"));
  g_assert_cmpuint (gap->currency, ==, cur ("USD"));
  g_assert_true (gap->converted);
  g_assert_cmpfloat_with_epsilon (gap->reported, 2.2e9, 1);
  g_assert_cmpfloat_with_epsilon (gap->gap, 0.1e9, 1);
  gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "jpy-total"));
  g_assert_cmpuint (gap->currency, ==, cur ("JPY"));
  g_assert_cmpuint (gap->series, ==, TRANCHE_TOTALS_NO_SERIES);
  g_assert_cmpfloat (gap->computed, ==, 0);
  g_assert_cmpfloat (gap->gap, ==, 5e9);
}

static void
test_currency_without_rate (void)
{
  g_autoptr(TrancheDataset) ds = build (currencies, 3, NULL, 0);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint32 t = entity (ds, "t");
  guint usd = tranche_totals_find_series (totals, t, TRANCHE_NO_ENTITY, cur ("USD"));
  guint eur = tranche_totals_find_series (totals, t, TRANCHE_NO_ENTITY, cur ("EUR"));
  guint pair_eur = tranche_totals_find_series (totals, t, entity (ds, "a"), cur ("EUR"));

  g_assert_cmpuint (eur, !=, TRANCHE_TOTALS_NO_SERIES);
  g_assert_cmpuint (pair_eur, !=, TRANCHE_TOTALS_NO_SERIES);
  g_assert_false (tranche_totals_get_series (totals, usd)->converted);
  g_assert_cmpfloat (tranche_totals_get_series (totals, usd)->total, ==, 1e9);
  g_assert_cmpfloat (tranche_totals_get_series (totals, eur)->total, ==, 1e9);
  g_assert_cmpfloat (tranche_totals_get_series (totals, pair_eur)->total, ==, 1e9);
  g_assert_cmpuint (tranche_totals_get_n_series (totals), ==, 6);
}

/* Events are in date order, but steps go by marker day: "2021" is marked in
 * July, after "2021-02". A range counts as a range, never its middle. */
static void
test_marker_order (void)
{
  static const Spec specs[] = {
    { "year", "2021", TRANCHE_EVENT_INVESTMENT, { "a" }, "t", UNDISCLOSED, 0 },
    { "feb", "2021-02", TRANCHE_EVENT_INVESTMENT, { "a" }, "t", RANGE, 2e9 },
    { "feb-total", "2021-02", TRANCHE_EVENT_NEWS, { NULL }, "t", 0, 0, NULL, 3e9 },
    { "mar", "2021-03-01", TRANCHE_EVENT_INVESTMENT, { "a" }, "t", VALUE, 1e9 },
  };
  g_autoptr(TrancheDataset) ds = build (specs, G_N_ELEMENTS (specs), NULL, 0);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint s = tranche_totals_find_series (totals, entity (ds, "t"), TRANCHE_NO_ENTITY, cur ("USD"));
  const TrancheStep *steps;
  const TrancheGap *gap;
  guint n, n_undisclosed;

  g_assert_cmpstr (tranche_dataset_get_event (ds, 0)->id, ==, "year");
  steps = tranche_totals_get_steps (totals, s, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (tranche_dataset_get_event (ds, steps[0].event)->id, ==, "feb");
  g_assert_cmpstr (tranche_dataset_get_event (ds, steps[1].event)->id, ==, "mar");
  g_assert_cmpstr (tranche_dataset_get_event (ds, steps[2].event)->id, ==, "year");
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (steps[i - 1].day, <=, steps[i].day);
  g_assert_true (steps[0].flags & TRANCHE_STEP_RANGE);
  g_assert_false (steps[0].flags & TRANCHE_STEP_APPROX);
  g_assert_cmpfloat (steps[0].amount, ==, 1e9);
  g_assert_cmpfloat (steps[0].amount_max, ==, 3e9);

  g_assert_cmpfloat (tranche_totals_value_at (totals, s, tranche_day_from_ymd (2021, 3, 15),
                                              &n_undisclosed), ==, 2e9);
  g_assert_cmpuint (n_undisclosed, ==, 0);
  g_assert_cmpfloat (steps[1].total_max, ==, 4e9);
  g_assert_cmpfloat (tranche_totals_value_at (totals, s, tranche_day_from_ymd (2021, 8, 1),
                                              &n_undisclosed), ==, 2e9);
  g_assert_cmpuint (n_undisclosed, ==, 1);

  /* a news item on the same day, after the round in the file, includes it;
   * $3B reported is inside the computed $1–3B: a match, not a gap */
  gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "feb-total"));
  g_assert_cmpint (gap->scope, ==, TRANCHE_SCOPE_TARGET);
  g_assert_cmpfloat (gap->computed_sum.min, ==, 1e9);
  g_assert_cmpfloat (gap->computed_sum.max, ==, 3e9);
  g_assert_cmpfloat (gap->computed, ==, 3e9);
  g_assert_cmpfloat (gap->gap, ==, 0);
  g_assert_null (tranche_totals_explain_gap (gap));
  g_assert_cmpuint (gap->n_undisclosed, ==, 0);
  g_assert_cmpuint (gap->n_events, ==, 1);
}

static void
test_mask (void)
{
  g_autoptr(TrancheDataset) ds = build (sample, G_N_ELEMENTS (sample), NULL, 0);
  g_autofree guint8 *mask = g_new0 (guint8, tranche_dataset_get_n_events (ds));
  g_autoptr(TrancheTotals) totals = NULL;
  guint s;

  mask[tranche_dataset_find_event (ds, "msft-2019")] = 1;
  mask[tranche_dataset_find_event (ds, "msft-2021")] = 1;
  totals = tranche_totals_new (ds, mask);
  s = tranche_totals_find_series (totals, entity (ds, "openai"), TRANCHE_NO_ENTITY, cur ("USD"));
  g_assert_cmpfloat (tranche_totals_get_series (totals, s)->total, ==, 1e9);
  g_assert_cmpuint (tranche_totals_get_series (totals, s)->n_steps, ==, 2);
  /* the event reporting the total is hidden, so is its gap */
  g_assert_cmpuint (tranche_totals_get_n_gaps (totals), ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(TrancheDataset) ds = build (NULL, 0, NULL, 0);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  guint first, end;

  g_assert_true (tranche_totals_get_dataset (totals) == ds);
  g_assert_cmpuint (tranche_totals_get_n_series (totals), ==, 0);
  g_assert_cmpuint (tranche_totals_get_n_gaps (totals), ==, 0);
  g_assert_cmpuint (tranche_totals_find_series (totals, 0, TRANCHE_NO_ENTITY, cur ("USD")), ==,
                    TRANCHE_TOTALS_NO_SERIES);
  tranche_totals_target_series (totals, 0, &first, &end);
  g_assert_cmpuint (first, ==, end);
  g_assert_null (tranche_totals_find_gap (totals, 0));
}

/* Many events of every precision, checked against a plain sum over the
 * events at a spread of days. The sizes keep it quick; the point is that
 * the sorted, summed, binary-searched series say what the events say. */
#define MANY_EVENTS 60000
#define MANY_TARGETS 7
#define MANY_INVESTORS 23

static void
test_many_events (void)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTotals) totals = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231101);
  const TrancheEvent *events;
  guint n_events, n_gaps = 0;

  tranche_dataset_builder_set_currency (b, cur ("USD"));
  tranche_dataset_builder_set_rate (b, cur ("EUR"), 1.25);
  for (guint i = 0; i < MANY_EVENTS; i++)
    {
      int year = g_rand_int_range (rand, 1990, 2030);
      int month = g_rand_int_range (rand, 1, 13);
      int form = g_rand_int_range (rand, 0, 4);
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *date = NULL;
      g_autofree char *target = g_strdup_printf ("t%d", g_rand_int_range (rand, 0, MANY_TARGETS));
      g_autofree char *inv1 = g_strdup_printf ("i%d", g_rand_int_range (rand, 0, MANY_INVESTORS));
      g_autofree char *inv2 = g_strdup_printf ("i%d", g_rand_int_range (rand, 0, MANY_INVESTORS));
      Spec spec = { 0 };
      int dice = g_rand_int_range (rand, 0, 20);

      switch (form)
        {
        case 0:
          date = g_strdup_printf ("%04d", year);
          break;
        case 1:
          date = g_strdup_printf ("%04d-Q%d", year, (month - 1) / 3 + 1);
          break;
        case 2:
          date = g_strdup_printf ("%04d-%02d", year, month);
          break;
        default:
          date = g_strdup_printf ("%04d-%02d-%02d", year, month, g_rand_int_range (rand, 1, 29));
          break;
        }
      spec.id = id;
      spec.date = date;
      spec.kind = dice == 0 ? TRANCHE_EVENT_VALUATION : TRANCHE_EVENT_INVESTMENT;
      spec.target = target;
      spec.investors[0] = inv1;
      spec.investors[1] = dice % 3 == 0 && g_strcmp0 (inv1, inv2) != 0 ? inv2 : NULL;
      spec.amount_flags = dice == 1 ? UNDISCLOSED : VALUE;
      /* whole millions, so sums are exact and can be compared with == */
      spec.amount = g_rand_int_range (rand, 1, 5000) * 1e6;
      spec.currency = dice == 2 ? "EUR" : dice == 3 ? "CHF" : NULL;
      spec.cumulative = i % 997 == 0 ? 1e12 : 0;
      add (b, &spec);
    }
  ds = tranche_dataset_builder_finish (b);
  totals = tranche_totals_new (ds, NULL);
  events = tranche_dataset_get_events (ds);
  n_events = tranche_dataset_get_n_events (ds);

  for (guint q = 0; q < 40; q++)
    {
      TrancheDay day = tranche_day_from_ymd (1989, 6, 1) + g_rand_double_range (rand, 0, 42 * 366);
      guint32 target = entity (ds, (const char *[]) { "t0", "t3", "t6" }[q % 3]);
      guint32 investor = entity (ds, "i5");
      guint st = tranche_totals_find_series (totals, target, TRANCHE_NO_ENTITY, cur ("USD"));
      guint sp = tranche_totals_find_series (totals, target, investor, cur ("USD"));
      guint schf = tranche_totals_find_series (totals, target, TRANCHE_NO_ENTITY, cur ("CHF"));
      double want_target = 0, want_pair = 0, want_chf = 0;
      guint want_undisclosed = 0, got_undisclosed;

      for (guint i = 0; i < n_events; i++)
        {
          const TrancheEvent *ev = &events[i];
          double value = ev->amount.value;

          if (ev->kind != TRANCHE_EVENT_INVESTMENT || ev->target != target
              || tranche_date_middle_day (&ev->date) > day)
            continue;
          if (ev->amount.currency == cur ("CHF"))
            {
              want_chf += value;
              continue;
            }
          if (ev->amount.currency == cur ("EUR"))
            value *= 1.25;
          if (ev->amount.flags & TRANCHE_MONEY_UNDISCLOSED)
            want_undisclosed++;
          else
            want_target += value;
          /* the pair's known money: its rounds alone (a shared round with
           * no amounts of their own is an undisclosed share) */
          for (guint j = 0; j < ev->n_investors; j++)
            if (tranche_dataset_event_investor (ds, ev, j) == investor
                && !(ev->amount.flags & TRANCHE_MONEY_UNDISCLOSED) && ev->n_investors == 1)
              want_pair += value;
        }

      g_assert_cmpfloat (tranche_totals_value_at (totals, st, day, &got_undisclosed), ==,
                         want_target);
      g_assert_cmpuint (got_undisclosed, ==, want_undisclosed);
      g_assert_cmpfloat_with_epsilon (tranche_totals_value_at (totals, sp, day, NULL), want_pair,
                                      1e-6 * MAX (want_pair, 1));
      g_assert_cmpfloat (tranche_totals_value_at (totals, schf, day, NULL), ==, want_chf);
    }

  for (guint i = 0; i < n_events; i++)
    {
      const TrancheGap *gap = tranche_totals_find_gap (totals, i);
      guint s;

      if (events[i].cumulative.flags == 0)
        {
          g_assert_null (gap);
          continue;
        }
      n_gaps++;
      g_assert_nonnull (gap);
      /* an event with investors reports what they put in: with one, its
       * pair's series; the event's own step is in, nothing later is */
      g_assert_cmpint (gap->scope, ==, TRANCHE_SCOPE_INVESTORS);
      s = tranche_totals_find_series (totals, events[i].target,
                                      tranche_dataset_event_investor (ds, &events[i], 0),
                                      cur ("USD"));
      if (events[i].kind == TRANCHE_EVENT_INVESTMENT && events[i].n_investors == 1
          && (events[i].amount.currency != cur ("CHF")))
        {
          const TrancheStep *steps = tranche_totals_get_steps (totals, s, NULL);
          guint n = tranche_totals_count_steps (totals, s, gap->day);
          guint k = n;

          while (k > 0 && steps[k - 1].event != i)
            k--;
          g_assert_cmpuint (k, >, 0);
          g_assert_cmpfloat (gap->computed, ==, steps[k - 1].total);
        }
      g_assert_cmpfloat (gap->gap, ==, 1e12 - gap->computed);
    }
  g_assert_cmpuint (n_gaps, ==, tranche_totals_get_n_gaps (totals));
  g_assert_cmpuint (n_gaps, ==, (MANY_EVENTS + 996) / 997);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/totals/sample/steps", test_sample_steps);
  g_test_add_func ("/totals/sample/gap", test_sample_gap);
  g_test_add_func ("/totals/pairs", test_pairs);
  g_test_add_func ("/totals/currency/with-rate", test_currency_with_rate);
  g_test_add_func ("/totals/currency/without-rate", test_currency_without_rate);
  g_test_add_func ("/totals/marker-order", test_marker_order);
  g_test_add_func ("/totals/mask", test_mask);
  g_test_add_func ("/totals/empty", test_empty);
  g_test_add_func ("/totals/many-events", test_many_events);
  return g_test_run ();
}
