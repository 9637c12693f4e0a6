/* test-sample-anthropic.c: the second bundled sample, a syndicated history
 *
 * It loads with no problem at all, even with --check's dataset-wide checks,
 * and the totals are the ones the analyst expected: Amazon's $8B is
 * Amazon's and matches, commitments stay apart from money received, each
 * investor of a syndicated round has its own (often undisclosed) share.
 */
#include "config.h"

#include <math.h>

#include "tranche-chart-private.h"
#include "tranche-cumulative-chart.h"
#include "tranche-event-fields.h"
#include "tranche-loader.h"
#include "tranche-totals.h"

static TrancheDataset *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "anthropic.json", NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  TrancheLoaderOptions options = { .n_threads = 1, .checks = TRUE };
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;

  dataset = tranche_loader_load_file (path, &options, diagnostics, &error);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line =
        tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), path);
      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  return dataset;
}

static char *
text_of (TrancheTotals *totals,
         const char    *investor,
         const char    *what)
{
  TrancheDataset *ds = tranche_totals_get_dataset (totals);
  g_autoptr(GArray) sums = tranche_sums_new ();
  guint32 target = tranche_dataset_find_entity (ds, "anthropic");
  guint32 who = investor ? tranche_dataset_find_entity (ds, investor) : TRANCHE_NO_ENTITY;

  g_assert_cmpuint (target, !=, TRANCHE_NO_ENTITY);
  if (g_str_equal (what, "received"))
    tranche_totals_get_received (totals, target, who, INFINITY, sums);
  else
    tranche_totals_get_outstanding (totals, target, who, INFINITY, sums);
  return tranche_sums_format ((const TrancheSum *) (gpointer) sums->data, sums->len);
}

#define ASSERT_TEXT(totals, investor, what, expected) \
  G_STMT_START { \
    g_autofree char *got_ = text_of (totals, investor, what); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_totals (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);

  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, 17);
  /* commitments are never money received; the secondary sale adds nothing */
  ASSERT_TEXT (totals, "amazon", "received", "$8B");
  ASSERT_TEXT (totals, "amazon", "outstanding", "");
  ASSERT_TEXT (totals, "google", "outstanding", "up to $1.5B");
  ASSERT_TEXT (totals, "atic", "received", "");
  /* a syndicated round is not its first investor's */
  ASSERT_TEXT (totals, "spark-capital", "received", "1 undisclosed");
  ASSERT_TEXT (totals, "lightspeed", "received", "$1B + 1 undisclosed");
  ASSERT_TEXT (totals, "ftx", "received", "~$500M");
  ASSERT_TEXT (totals, NULL, "received", "~$28.3B");
}

static void
test_reported (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  const TrancheGap *amazon = tranche_totals_find_gap (totals,
                                                      tranche_dataset_find_event (ds, "amazon-3"));
  const TrancheGap *company = tranche_totals_find_gap (totals,
                                                       tranche_dataset_find_event (ds, "series-e"));
  g_autofree char *why = NULL;
  g_autofree char *rates = tranche_totals_format_rates (totals);

  /* Amazon's "$8B in all" is Amazon's, and it matches: no false discrepancy */
  g_assert_nonnull (amazon);
  g_assert_cmpint (amazon->scope, ==, TRANCHE_SCOPE_INVESTORS);
  g_assert_cmpfloat (amazon->gap, ==, 0);
  g_assert_null (tranche_totals_explain_gap (amazon));
  /* the company-wide total is compared with the company's */
  g_assert_cmpint (company->scope, ==, TRANCHE_SCOPE_TARGET);
  g_assert_cmpuint (company->n_events, >, 10);
  why = tranche_totals_explain_gap (company);
  g_assert_cmpstr (why, ==, "~$2.9B not accounted for");
  g_assert_cmpstr (rates, ==, "KRW at 0.00077 USD");
}

/* The scene: no bracket is drawn where the figures match (Amazon's $8B),
 * and a gap is labelled by what could fill it. */
static void
test_no_false_gap (void)
{
  static const TrancheRect rect = { 40, 20, 1500, 400 };
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TrancheCumulativeChart) chart = tranche_cumulative_chart_new ();
  guint32 amazon = tranche_dataset_find_event (ds, "amazon-3");
  guint32 company = tranche_dataset_find_event (ds, "series-e");
  gboolean amazon_marked = FALSE, company_gap = FALSE;
  TrancheChartOptions options;
  TrancheTheme theme;
  TrancheTimeScale scale;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, 1);
  tranche_chart_options_init (&options);
  tranche_time_scale_init (&scale, tranche_day_from_ymd (2021, 1, 1),
                           tranche_day_from_ymd (2026, 1, 1), rect.x + 90, rect.width - 110);
  tranche_chart_set_data (TRANCHE_CHART (chart), ds, NULL);
  tranche_chart_layout (TRANCHE_CHART (chart), &theme, &options, &scale, &rect);

  for (guint i = 0; i < tranche_cumulative_chart_get_n_gaps (chart); i++)
    {
      const TrancheCumulativeGap *g = tranche_cumulative_chart_get_gap (chart, i);
      g_autofree char *text = tranche_cumulative_chart_gap_text (g->gap);

      g_assert_cmpuint (g->gap->event, !=, amazon);
      if (g->gap->event == company)
        {
          company_gap = TRUE;
          g_assert_cmpstr (text, ==, "~$2.9B not accounted for");
        }
    }
  for (guint i = 0; i < tranche_cumulative_chart_get_n_marks (chart); i++)
    {
      const TrancheCumulativeMark *m = tranche_cumulative_chart_get_mark (chart, i);
      if (m->kind == TRANCHE_CUMULATIVE_MARK_REPORTED && m->event == amazon)
        amazon_marked = TRUE;
    }
  /* the reported $8B is still shown, as a diamond without a bracket */
  g_assert_true (amazon_marked);
  g_assert_true (company_gap);
}

static void
test_members (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  const TrancheEvent *f = tranche_dataset_get_event (ds, tranche_dataset_find_event (ds,
                                                                                    "series-f"));
  guint n_leads = 0;

  for (guint j = 0; j < f->n_investors; j++)
    n_leads += tranche_dataset_event_is_lead (ds, f, j);
  g_assert_cmpuint (n_leads, ==, 3);
  {
    g_autofree char *f_leads = tranche_event_dup_leads (ds, f);
    g_autofree char *c_leads = tranche_event_dup_leads (
      ds, tranche_dataset_get_event (ds, tranche_dataset_find_event (ds, "series-c")));

    g_assert_cmpstr (f_leads, ==, "led by ICONIQ, Fidelity Management & Research and "
                                  "Lightspeed Venture Partners");
    g_assert_cmpstr (c_leads, ==, "led by Spark Capital");
    g_assert_null (tranche_event_dup_leads (
      ds, tranche_dataset_get_event (ds, tranche_dataset_find_event (ds, "amazon-1"))));
  }
  g_assert_cmpuint (tranche_dataset_get_target (ds), ==,
                    tranche_dataset_find_entity (ds, "anthropic"));
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);

      g_assert_false (ev->flags & TRANCHE_EVENT_DRAFT);
      for (guint c = 0; c < ev->n_citations; c++)
        g_assert_true (tranche_dataset_event_citation (ds, ev, c)->paraphrase);
    }
  g_assert_true (tranche_dataset_get_event (ds, tranche_dataset_find_event (
                   ds, "amazon-commitment"))->amount.flags & TRANCHE_MONEY_HAS_MAX);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sample-anthropic/totals", test_totals);
  g_test_add_func ("/sample-anthropic/reported", test_reported);
  g_test_add_func ("/sample-anthropic/members", test_members);
  g_test_add_func ("/sample-anthropic/no-false-gap", test_no_false_gap);
  return g_test_run ();
}
