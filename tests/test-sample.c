/* test-sample.c: the bundled sample loads cleanly and says what the article says
 *
 * The sample is the dataset people see first and the example they copy, so it
 * must load with no error and no warning, and its figures must stay the ones
 * the article reports (and only those: no invented month, day or end year).
 */
#include "config.h"

#include "tranche-dataset.h"
#include "tranche-diagnostics.h"
#include "tranche-loader.h"

#define SOURCE_ID "article-fr-2023-11"

static TrancheDataset *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;

  dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line =
        tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), path);
      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  return dataset;
}

static const TrancheEvent *
get_event (TrancheDataset *dataset,
           const char     *id)
{
  guint index = tranche_dataset_find_event (dataset, id);

  if (index == TRANCHE_NO_ENTITY)
    g_error ("event “%s” is missing from the sample", id);
  return tranche_dataset_get_event (dataset, index);
}

static void
assert_date (const TrancheDate *date,
             const char        *expected_iso,
             TranchePrecision   expected_precision)
{
  g_autofree char *iso = tranche_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected_iso);
  g_assert_cmpint (date->precision, ==, expected_precision);
}

static void
assert_money (const TrancheMoney *money,
              double              expected,
              gboolean            approx)
{
  char code[4];

  g_assert_true (tranche_money_is_present (money));
  g_assert_true (money->flags & TRANCHE_MONEY_HAS_VALUE);
  g_assert_false (money->flags & TRANCHE_MONEY_UNDISCLOSED);
  g_assert_cmpfloat (money->value, ==, expected);
  g_assert_cmpint (!!(money->flags & TRANCHE_MONEY_APPROX), ==, !!approx);
  g_assert_cmpstr (tranche_currency_to_code (money->currency, code), ==, "USD");
}

static void
assert_invests (TrancheDataset     *dataset,
                const TrancheEvent *event)
{
  g_assert_cmpuint (event->n_investors, ==, 1);
  g_assert_cmpstr (tranche_dataset_get_entity (dataset,
                                               tranche_dataset_event_investor (dataset, event, 0))->id,
                   ==, "microsoft");
  g_assert_cmpuint (event->target, !=, TRANCHE_NO_ENTITY);
  g_assert_cmpstr (tranche_dataset_get_entity (dataset, event->target)->id, ==, "openai");
}

static void
test_loads_cleanly (void)
{
  g_autoptr(TrancheDataset) dataset = load_sample ();
  char code[4];
  double rate = 0;

  g_assert_cmpuint (tranche_dataset_get_n_skipped (dataset), ==, 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 13);
  g_assert_cmpstr (tranche_dataset_get_title (dataset), ==, "Microsoft and OpenAI");
  g_assert_nonnull (tranche_dataset_get_description (dataset));
  g_assert_cmpstr (tranche_currency_to_code (tranche_dataset_get_currency (dataset), code),
                   ==, "USD");
  g_assert_true (tranche_dataset_get_rate (dataset, tranche_currency_from_code ("EUR"), &rate));
  g_assert_cmpfloat_with_epsilon (rate, 1.08, 1e-9);

  /* every entity an event names is declared: no warning, and the kinds hold */
  g_assert_cmpuint (tranche_dataset_get_n_entities (dataset), ==, 3);
  for (guint i = 0; i < tranche_dataset_get_n_entities (dataset); i++)
    g_assert_true (tranche_dataset_get_entity (dataset, i)->declared);
  g_assert_cmpint (tranche_dataset_get_entity (dataset,
                                               tranche_dataset_find_entity (dataset, "microsoft"))->kind,
                   ==, TRANCHE_ENTITY_INVESTOR);
  g_assert_cmpint (tranche_dataset_get_entity (dataset,
                                               tranche_dataset_find_entity (dataset, "elon-musk"))->kind,
                   ==, TRANCHE_ENTITY_PERSON);
}

static void
test_investments (void)
{
  g_autoptr(TrancheDataset) dataset = load_sample ();
  const TrancheEvent *e;

  e = get_event (dataset, "msft-2019");
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_INVESTMENT);
  assert_date (&e->date, "2019", TRANCHE_PRECISION_YEAR);
  assert_money (&e->amount, 1e9, FALSE);
  assert_invests (dataset, e);
  g_assert_cmpstr (e->round, ==, "Tranche 1");

  /* the article says there was a 2021 tranche and gives no figure */
  e = get_event (dataset, "msft-2021");
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_INVESTMENT);
  assert_date (&e->date, "2021", TRANCHE_PRECISION_YEAR);
  g_assert_true (tranche_money_is_present (&e->amount));
  g_assert_true (e->amount.flags & TRANCHE_MONEY_UNDISCLOSED);
  g_assert_false (tranche_money_is_known (&e->amount));
  g_assert_false (tranche_money_best_value (&e->amount, NULL));
  assert_invests (dataset, e);

  /* "plus tôt cette année" in a November 2023 article: some time in 2023, no
   * month; "pluriannuel" with no end year given, so no made-up `end` */
  e = get_event (dataset, "msft-2023");
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_INVESTMENT);
  assert_date (&e->date, "2023", TRANCHE_PRECISION_YEAR);
  g_assert_cmpint (e->end.precision, ==, TRANCHE_PRECISION_NONE);
  assert_money (&e->amount, 10e9, FALSE);
  assert_money (&e->cumulative, 13e9, FALSE);
  assert_money (&e->valuation, 29e9, TRUE);
  g_assert_cmpint (e->valuation.basis, ==, TRANCHE_BASIS_REPORTED);
  assert_invests (dataset, e);
  g_assert_cmpuint (e->n_citations, >=, 3);
}

static void
test_valuation (void)
{
  g_autoptr(TrancheDataset) dataset = load_sample ();
  const TrancheEvent *e = get_event (dataset, "openai-valuation-2023");

  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_VALUATION);
  assert_date (&e->date, "2023", TRANCHE_PRECISION_YEAR);
  g_assert_cmpstr (tranche_dataset_get_entity (dataset, e->target)->id, ==, "openai");
  assert_money (&e->valuation, 29e9, TRUE);
  g_assert_cmpint (e->valuation.basis, ==, TRANCHE_BASIS_REPORTED);
  g_assert_false (tranche_money_is_present (&e->amount));
}

static void
test_news (void)
{
  g_autoptr(TrancheDataset) dataset = load_sample ();
  const TrancheEvent *e;
  gboolean tagged = FALSE;

  e = get_event (dataset, "musk-criticism-2023-02");
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_NEWS);
  assert_date (&e->date, "2023-02", TRANCHE_PRECISION_MONTH);
  g_assert_false (tranche_money_is_present (&e->amount));
  for (guint i = 0; i < e->n_tags; i++)
    tagged |= g_str_equal (tranche_dataset_event_tag (dataset, e, i), "criticism");
  g_assert_true (tagged);

  e = get_event (dataset, "musk-leaves-2018");
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_NEWS);
  assert_date (&e->date, "2018", TRANCHE_PRECISION_YEAR);
  g_assert_cmpstr (tranche_dataset_get_entity (dataset, e->target)->id, ==, "elon-musk");

  /* "Actuellement", in an article published in November 2023 */
  e = get_event (dataset, "competition-2023-11");
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_NEWS);
  assert_date (&e->date, "2023-11", TRANCHE_PRECISION_MONTH);

  /* the article gives no day for anything */
  for (guint i = 0; i < tranche_dataset_get_n_events (dataset); i++)
    g_assert_cmpint (tranche_dataset_get_event (dataset, i)->date.precision,
                     !=, TRANCHE_PRECISION_DAY);
}

static void
test_citations (void)
{
  g_autoptr(TrancheDataset) dataset = load_sample ();
  guint source_index = tranche_dataset_find_source (dataset, SOURCE_ID);
  const TrancheSource *source;

  g_assert_cmpuint (tranche_dataset_get_n_sources (dataset), ==, 1);
  g_assert_cmpuint (source_index, !=, TRANCHE_NO_ENTITY);
  source = tranche_dataset_get_source (dataset, source_index);
  g_assert_cmpstr (source->language, ==, "fr");
  assert_date (&source->published, "2023-11", TRANCHE_PRECISION_MONTH);
  /* the project keeps facts and short quotes, never the article itself */
  g_assert_null (source->text);

  for (guint i = 0; i < tranche_dataset_get_n_events (dataset); i++)
    {
      const TrancheEvent *e = tranche_dataset_get_event (dataset, i);

      g_assert_cmpuint (e->n_citations, >, 0);
      for (guint j = 0; j < e->n_citations; j++)
        {
          const TrancheCitation *c = tranche_dataset_event_citation (dataset, e, j);
          g_auto(GStrv) words = NULL;

          g_assert_cmpuint (c->source, ==, source_index);
          g_assert_cmpstr (c->source_id, ==, SOURCE_ID);
          g_assert_nonnull (c->quote);
          words = g_strsplit_set (c->quote, " \t\n", -1);
          g_assert_cmpuint (g_strv_length (words), >, 2);
          g_assert_cmpuint (g_strv_length (words), <=, 25);
        }
    }
}

static void
test_sorted (void)
{
  g_autoptr(TrancheDataset) dataset = load_sample ();
  guint n = tranche_dataset_get_n_events (dataset);

  g_assert_cmpuint (n, >, 1);
  g_assert_cmpstr (tranche_dataset_get_event (dataset, 0)->id, ==, "musk-leaves-2018");
  g_assert_cmpstr (tranche_dataset_get_event (dataset, n - 1)->id, ==, "competition-2023-11");
  for (guint i = 1; i < n; i++)
    {
      const TrancheEvent *a = tranche_dataset_get_event (dataset, i - 1);
      const TrancheEvent *b = tranche_dataset_get_event (dataset, i);

      g_assert_cmpint (tranche_date_compare (&a->date, &b->date), <=, 0);
      g_assert_cmpfloat (a->first_day, <=, b->first_day);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/loads-cleanly", test_loads_cleanly);
  g_test_add_func ("/sample/investments", test_investments);
  g_test_add_func ("/sample/valuation", test_valuation);
  g_test_add_func ("/sample/news", test_news);
  g_test_add_func ("/sample/citations", test_citations);
  g_test_add_func ("/sample/sorted", test_sorted);

  return g_test_run ();
}
