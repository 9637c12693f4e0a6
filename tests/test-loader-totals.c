/* test-loader-totals.c: the members real funding histories need (issue 12),
 * read from JSON, and the checks --check makes of them, each bad case with
 * its path and line */
#include "config.h"

#include <string.h>

#include "tranche-loader.h"

static TrancheDataset *
load (const char         *json,
      gboolean            checks,
      TrancheDiagnostics *diagnostics)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  TrancheLoaderOptions options = { .n_threads = 1, .checks = checks };
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;

  dataset = tranche_loader_load_bytes (bytes, NULL, &options, diagnostics, &error);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *text =
        tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), "doc");
      g_test_message ("%s", text);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
expect (TrancheDiagnostics *diagnostics,
        const char         *path,
        TrancheSeverity     severity,
        guint               line,
        const char         *needle)
{
  const TrancheDiagnostic *d = tranche_diagnostics_find (diagnostics, path);

  if (d == NULL)
    g_error ("no problem at %s", path);
  g_assert_cmpint (d->severity, ==, severity);
  g_assert_cmpuint (d->line, ==, line);
  if (strstr (d->message, needle) == NULL)
    g_error ("%s: “%s” does not say “%s”", path, d->message, needle);
}

static const TrancheEvent *
event (TrancheDataset *ds,
       const char     *id)
{
  guint i = tranche_dataset_find_event (ds, id);

  g_assert_cmpuint (i, !=, TRANCHE_NO_EVENT);
  return tranche_dataset_get_event (ds, i);
}

static const char good[] =
  "{\"tranche\": 1, \"target\": \"anthropic\",\n"                                         /* 1 */
  " \"entities\": [{\"id\": \"spark-capital\", \"name\": \"Spark Capital\"},\n"           /* 2 */
  "   {\"id\": \"anthropic\", \"name\": \"Anthropic\"}],\n"                               /* 3 */
  " \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"text\": \"A round of $450M.\"}],\n" /* 4 */
  " \"events\": [\n"                                                                      /* 5 */
  "  {\"id\": \"c\", \"date\": \"2023-05\", \"title\": \"Series C\", \"amount\": 450000000,\n"
  "   \"investors\": [{\"id\": \"spark-capital\", \"lead\": true}, \"google\",\n"
  "                   {\"id\": \"zoom\", \"amount\": {\"value\": 1000000, \"approx\": true}}],\n"
  "   \"sources\": [{\"source\": \"s\", \"quote\": \"Spark led it.\", \"paraphrase\": true}]},\n"
  "  {\"id\": \"promise\", \"date\": \"2023-09\", \"kind\": \"commitment\", \"title\": \"Up to $4B\",\n"
  "   \"investors\": [\"amazon\"], \"amount\": {\"max\": 4000000000}},\n"
  "  {\"id\": \"paid\", \"date\": \"2023-09\", \"title\": \"$1.25B\", \"investors\": [\"amazon\"],\n"
  "   \"amount\": 1250000000, \"fulfils\": \"promise\", \"draft\": true,\n"
  "   \"cumulative\": {\"value\": 1250000000, \"scope\": \"investors\"}},\n"
  "  {\"id\": \"list\", \"date\": \"2024\", \"title\": \"A round\", \"amount\": {\"min\": 1e9},\n"
  "   \"cumulative\": {\"min\": 3e9, \"scope\": \"target\"}},\n"
  "  {\"id\": \"sale\", \"date\": \"2024-03\", \"kind\": \"secondary\", \"title\": \"Sale\",\n"
  "   \"investors\": [\"atic\"], \"target\": \"anthropic\", \"amount\": 884000000},\n"
  "  {\"id\": \"n\", \"date\": \"2024\", \"kind\": \"news\", \"title\": \"News\"}\n"
  " ]}\n";

static void
test_members (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = load (good, TRUE, diagnostics);
  guint32 anthropic = tranche_dataset_find_entity (ds, "anthropic");
  const TrancheEvent *c = event (ds, "c"), *paid = event (ds, "paid");
  const TrancheShare *zoom;

  /* undeclared google, zoom, amazon, atic: warnings, nothing else */
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 4);

  /* participants */
  g_assert_cmpuint (c->n_investors, ==, 3);
  g_assert_true (tranche_dataset_event_is_lead (ds, c, 0));
  g_assert_false (tranche_dataset_event_is_lead (ds, c, 1));
  g_assert_false (tranche_money_is_present (&tranche_dataset_event_share (ds, c, 1)->amount));
  zoom = tranche_dataset_event_share (ds, c, 2);
  g_assert_cmpfloat (zoom->amount.value, ==, 1e6);
  g_assert_true (zoom->amount.flags & TRANCHE_MONEY_APPROX);
  g_assert_cmpuint (zoom->amount.currency, ==, tranche_currency_from_code ("USD"));
  g_assert_true (tranche_dataset_event_citation (ds, c, 0)->paraphrase);

  /* the top-level target, for all but news */
  g_assert_cmpuint (tranche_dataset_get_target (ds), ==, anthropic);
  g_assert_cmpuint (c->target, ==, anthropic);
  g_assert_cmpuint (event (ds, "n")->target, ==, TRANCHE_NO_ENTITY);

  /* commitments, fulfils, draft, bounds, scopes, secondary */
  g_assert_cmpuint (paid->fulfils, ==, tranche_dataset_find_event (ds, "promise"));
  g_assert_cmpstr (tranche_dataset_event_fulfils_id (ds, paid), ==, "promise");
  g_assert_true (paid->flags & TRANCHE_EVENT_DRAFT);
  g_assert_false (c->flags & TRANCHE_EVENT_DRAFT);
  g_assert_true (event (ds, "promise")->amount.flags & TRANCHE_MONEY_HAS_MAX);
  g_assert_false (event (ds, "promise")->amount.flags & TRANCHE_MONEY_HAS_RANGE);
  g_assert_true (event (ds, "list")->amount.flags & TRANCHE_MONEY_HAS_MIN);
  g_assert_cmpint (tranche_event_get_scope (paid), ==, TRANCHE_SCOPE_INVESTORS);
  g_assert_cmpint (tranche_event_get_scope (event (ds, "list")), ==, TRANCHE_SCOPE_TARGET);
  g_assert_cmpuint (event (ds, "list")->n_investors, ==, 0);
  g_assert_cmpint (event (ds, "sale")->kind, ==, TRANCHE_EVENT_SECONDARY);
}

static const char bad[] =
  "{\"tranche\": 1,\n"                                                                   /* 1 */
  " \"entities\": [{\"id\": \"spark-capital\", \"name\": \"Spark\", \"name\": \"Spark C\"}],\n"
  " \"events\": [\n"                                                                     /* 3 */
  "  {\"id\": \"a\", \"date\": \"2023\", \"title\": \"A\", \"target\": \"t\", \"amount\": 5e6,\n"
  "   \"investors\": [{\"lead\": true}, {\"id\": \"x\", \"lead\": \"yes\"}]},\n"         /* 5 */
  "  {\"id\": \"b\", \"date\": \"2023\", \"title\": \"B\", \"target\": \"t\", \"amount\": 5e6,\n"
  "   \"investors\": [\"x\"], \"cumulative\": {\"value\": 1, \"scope\": \"all\"}},\n"
  "  {\"id\": \"c\", \"date\": \"2023\", \"kind\": \"commitment\", \"title\": \"C\",\n"   /* 8 */
  "   \"target\": \"t\", \"investors\": [\"x\"], \"amount\": 5e6, \"fulfils\": \"b\"},\n"
  "  {\"id\": \"d\", \"date\": \"2023\", \"title\": \"Dup\", \"target\": \"t\", \"amount\": 5e6,\n"
  "   \"draft\": 1, \"title\": \"Dup again\",\n"                                          /* 11 */
  "   \"sources\": [{\"source\": \"s\", \"quote\": \"q\", \"paraphrase\": \"no\"}]},\n" /* 12 */
  "  {\"id\": \"e\", \"date\": \"2023\", \"title\": \"E\", \"target\": \"t\", \"amount\": 5e6,\n"
  "   \"investors\": [\"spark-captial\"]}\n"                                              /* 14 */
  " ]}\n";

static void
test_bad (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = load (bad, FALSE, diagnostics);

  expect (diagnostics, "entities[0]", TRANCHE_SEVERITY_WARNING, 2, "\"name\" is given more than "
          "once in one object");
  expect (diagnostics, "events[0].investors[0].id", TRANCHE_SEVERITY_ERROR, 5, "needs its id");
  expect (diagnostics, "events[0].investors[1].lead", TRANCHE_SEVERITY_ERROR, 5, "");
  expect (diagnostics, "events[1].cumulative.scope", TRANCHE_SEVERITY_ERROR, 7,
          "expected \"investors\"");
  expect (diagnostics, "events[4].investors[0]", TRANCHE_SEVERITY_WARNING, 14,
          "no entity has the id \"spark-captial\"; did you mean \"spark-capital\"?");
  expect (diagnostics, "events[2].fulfils", TRANCHE_SEVERITY_ERROR, 9,
          "only an investment can fulfil a commitment");
  expect (diagnostics, "events[3].draft", TRANCHE_SEVERITY_ERROR, 11, "");
  expect (diagnostics, "events[3].sources[0].paraphrase", TRANCHE_SEVERITY_ERROR, 12, "");
  /* the repeated title names the event by the title json-glib kept */
  expect (diagnostics, "events[3]", TRANCHE_SEVERITY_WARNING, 11,
          "\"title\" is given more than once in one object of event “d” (Dup again)");
  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, 1);
  g_assert_cmpuint (tranche_dataset_get_n_skipped (ds), ==, 4);
}

static const char to_check[] =
  "{\"tranche\": 1,\n"                                                                   /* 1 */
  " \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"text\": \"Amazon will invest up to $4B.\"}],\n"
  " \"events\": [\n"                                                                     /* 3 */
  "  {\"id\": \"p\", \"date\": \"2023-09\", \"kind\": \"commitment\", \"title\": \"Promise\",\n"
  "   \"target\": \"t\", \"investors\": [\"amazon\"], \"amount\": {\"max\": 4e9},\n"      /* 5 */
  "   \"sources\": [{\"source\": \"s\", \"quote\": \"Amazon will invest up to  $4B\"}]},\n"
  "  {\"id\": \"q\", \"date\": \"2023-10\", \"title\": \"Paid\", \"target\": \"t\",\n"     /* 7 */
  "   \"investors\": [\"amazon\"], \"amount\": 5e9, \"fulfils\": \"p\",\n"
  "   \"sources\": [{\"source\": \"s\", \"quote\": \"Amazon invests five billion\"}]},\n" /* 9 */
  "  {\"id\": \"r\", \"date\": \"2023-11\", \"title\": \"Lost\", \"target\": \"t\",\n"    /* 10 */
  "   \"investors\": [\"amazon\"], \"amount\": 4, \"fulfils\": \"nope\"},\n"
  "  {\"id\": \"g\", \"date\": \"2023-12\", \"kind\": \"news\", \"title\": \"Google's total\",\n"
  "   \"target\": \"t\", \"investors\": [\"google\"], \"cumulative\": 3e9}\n"            /* 13 */
  " ]}\n";

static void
test_checks (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDiagnostics) quiet = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = load (to_check, TRUE, diagnostics);
  g_autoptr(TrancheDataset) again = load (to_check, FALSE, quiet);

  expect (diagnostics, "events[0].amount", TRANCHE_SEVERITY_WARNING, 4,
          "commitment “p” (Promise) is paid $5B by the events that fulfil it, more than it "
          "promised (up to $4B)");
  expect (diagnostics, "events[1].sources[0].quote", TRANCHE_SEVERITY_WARNING, 7,
          "event “q” (Paid) quotes a passage that is not in the text of source “s”");
  expect (diagnostics, "events[2].amount", TRANCHE_SEVERITY_WARNING, 10,
          "event “r” (Lost) has an amount of $4");
  expect (diagnostics, "events[2].fulfils", TRANCHE_SEVERITY_WARNING, 10,
          "event “r” (Lost) fulfils “nope”, but no event has that id");
  expect (diagnostics, "events[3].cumulative", TRANCHE_SEVERITY_WARNING, 12,
          "event “g” (Google's total) reports its investors’ total in t");
  /* the first quote is found (white space differs): no warning for it */
  g_assert_null (tranche_diagnostics_find (diagnostics, "events[0].sources[0].quote"));
  /* without options.checks, only what the loader itself sees (undeclared
   * amazon, google and t) */
  g_assert_cmpuint (tranche_diagnostics_get_length (quiet), ==, 3);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/loader-totals/members", test_members);
  g_test_add_func ("/loader-totals/bad", test_bad);
  g_test_add_func ("/loader-totals/checks", test_checks);
  return g_test_run ();
}
