/* test-checks.c: the dataset-wide checks, each naming the event by id and title */
#include "config.h"

#include "tranche-checks.h"
#include "tranche-dataset-builder.h"

#define VALUE (TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE)

static TrancheMoney
usd (double value)
{
  TrancheMoney m = { .value = value, .flags = VALUE };

  return m;
}

static void
add (TrancheDatasetBuilder *b,
     const char            *id,
     const char            *date,
     TrancheEventKind       kind,
     const char            *investor,
     TrancheMoney           amount,
     guint                  line)
{
  TrancheEvent ev = { 0 };
  guint32 who = investor ? tranche_dataset_builder_ensure_entity (b, investor) : 0;

  ev.id = id;
  ev.title = g_strdup_printf ("Title of %s", id);
  ev.kind = kind;
  ev.line = line;
  g_assert_cmpint (tranche_date_parse (date, &ev.date), ==, TRANCHE_DATE_OK);
  ev.target = tranche_dataset_builder_ensure_entity (b, "t");
  ev.amount = amount;
  tranche_dataset_builder_add_event (b, &ev, &who, investor ? 1 : 0, NULL, 0, NULL, 0);
  g_free ((char *) ev.title);
}

static const TrancheDiagnostic *
expect (TrancheDiagnostics *diagnostics,
        const char         *path,
        guint               line,
        const char         *needle)
{
  const TrancheDiagnostic *d = tranche_diagnostics_find (diagnostics, path);

  if (d == NULL)
    g_error ("no diagnostic at %s", path);
  g_assert_cmpint (d->severity, ==, TRANCHE_SEVERITY_WARNING);
  g_assert_cmpuint (d->line, ==, line);
  if (strstr (d->message, needle) == NULL)
    g_error ("%s: “%s” does not say “%s”", path, d->message, needle);
  return d;
}

static void
test_commitments (void)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  const guint file_index[] = { 0, 1, 2, 3, 5 }; /* events[4] was left out */
  TrancheMoney up_to = { .max = 4e9, .flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_MAX };

  add (b, "promise", "2023-09", TRANCHE_EVENT_COMMITMENT, "amazon", up_to, 10);
  add (b, "paid-1", "2023-10", TRANCHE_EVENT_INVESTMENT, "amazon", usd (3e9), 20);
  tranche_dataset_builder_set_event_fulfils (b, "promise");
  add (b, "paid-2", "2024-03", TRANCHE_EVENT_INVESTMENT, "amazon", usd (2e9), 30);
  tranche_dataset_builder_set_event_fulfils (b, "promise");
  add (b, "lost", "2024-04", TRANCHE_EVENT_INVESTMENT, "amazon", usd (1e9), 40);
  tranche_dataset_builder_set_event_fulfils (b, "promis");
  add (b, "wrong", "2024-05", TRANCHE_EVENT_INVESTMENT, "amazon", usd (1e9), 60);
  tranche_dataset_builder_set_event_fulfils (b, "paid-1");
  ds = tranche_dataset_builder_finish (b);
  g_assert_cmpuint (tranche_dataset_get_event (ds, 1)->fulfils, ==, 0);

  tranche_checks_run (ds, file_index, diagnostics);
  expect (diagnostics, "events[0].amount", 10, "“promise” (Title of promise) is paid $5B");
  expect (diagnostics, "events[3].fulfils", 40, "fulfils “promis”, but no event has that id");
  expect (diagnostics, "events[5].fulfils", 60, "“wrong” (Title of wrong) fulfils “paid-1”, "
                                                "which is not a commitment");
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 3);
}

static void
test_amounts_and_scopes (void)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  TrancheEvent news = { 0 };
  guint32 google;

  add (b, "tiny", "2021", TRANCHE_EVENT_INVESTMENT, "x", usd (5), 3);
  add (b, "fine", "2021", TRANCHE_EVENT_INVESTMENT, "x", usd (5e6), 4);
  add (b, "valued", "2021", TRANCHE_EVENT_VALUATION, NULL, usd (0), 5);

  /* Google's total in t, but only x put money in */
  google = tranche_dataset_builder_ensure_entity (b, "google");
  news.id = "google-total";
  news.title = "Google has put $3B in";
  news.kind = TRANCHE_EVENT_NEWS;
  news.line = 7;
  news.target = tranche_dataset_builder_ensure_entity (b, "t");
  news.cumulative = usd (3e9);
  g_assert_cmpint (tranche_date_parse ("2022", &news.date), ==, TRANCHE_DATE_OK);
  tranche_dataset_builder_add_event (b, &news, &google, 1, NULL, 0, NULL, 0);
  ds = tranche_dataset_builder_finish (b);

  tranche_checks_run (ds, NULL, diagnostics);
  expect (diagnostics, "events[0].amount", 3, "“tiny” (Title of tiny) has an amount of $5");
  expect (diagnostics, "events[0].amount", 3, "did you mean millions?");
  expect (diagnostics, "events[3].cumulative", 7,
          "“google-total” (Google has put $3B in) reports its investors’ total in t");
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 2);
}

static void
test_quotes (void)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  TrancheSource source = { .id = "article", .title = "An article",
                           .text = "Microsoft a investi 10 milliards de dollars." };
  TrancheCitation cites[] = {
    { .source_id = "article", .quote = "investi 10  milliards" },
    { .source_id = "article", .quote = "invested ten billion" },
    { .source_id = "article", .quote = "ten billion, in our words", .paraphrase = TRUE },
  };
  TrancheEvent ev = { .id = "e", .title = "Ten billion", .line = 12 };
  guint32 who = tranche_dataset_builder_ensure_entity (b, "microsoft");

  tranche_dataset_builder_add_source (b, &source);
  g_assert_cmpint (tranche_date_parse ("2023", &ev.date), ==, TRANCHE_DATE_OK);
  ev.target = tranche_dataset_builder_ensure_entity (b, "openai");
  ev.amount = usd (10e9);
  tranche_dataset_builder_add_event (b, &ev, &who, 1, cites, G_N_ELEMENTS (cites), NULL, 0);
  ds = tranche_dataset_builder_finish (b);
  g_assert_true (tranche_dataset_event_citation (ds, tranche_dataset_get_event (ds, 0),
                                                 2)->paraphrase);

  tranche_checks_run (ds, NULL, diagnostics);
  expect (diagnostics, "events[0].sources[1].quote", 12,
          "“e” (Ten billion) quotes a passage that is not in the text of source “article”");
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1);
}

static void
test_suggest (void)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  TrancheEntity spark = { .id = "spark-capital", .name = "Spark Capital" };
  TrancheEntity sk = { .id = "sk-telecom", .name = "SK Telecom" };

  tranche_dataset_builder_add_entity (b, &spark);
  tranche_dataset_builder_add_entity (b, &sk);
  tranche_dataset_builder_ensure_entity (b, "spark-captial");
  ds = tranche_dataset_builder_finish (b);

  g_assert_cmpstr (tranche_checks_suggest_id (ds, "spark-captial"), ==, "spark-capital");
  g_assert_cmpstr (tranche_checks_suggest_id (ds, "sparkcapital"), ==, "spark-capital");
  g_assert_cmpstr (tranche_checks_suggest_id (ds, "sk-telekom"), ==, "sk-telecom");
  g_assert_null (tranche_checks_suggest_id (ds, "spark"));
  g_assert_null (tranche_checks_suggest_id (ds, "google"));
  /* a declared id suggests nothing for itself */
  g_assert_null (tranche_checks_suggest_id (ds, "sk-telecom"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks/commitments", test_commitments);
  g_test_add_func ("/checks/amounts-and-scopes", test_amounts_and_scopes);
  g_test_add_func ("/checks/quotes", test_quotes);
  g_test_add_func ("/checks/suggest", test_suggest);
  return g_test_run ();
}
