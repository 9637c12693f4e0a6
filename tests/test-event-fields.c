/* test-event-fields.c: events compared by the table's columns */
#include "config.h"

#include <string.h>

#include "tranche-dataset-builder.h"
#include "tranche-event-fields.h"

static TrancheMoney
known (double value)
{
  TrancheMoney m = { .value = value, .flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE };

  return m;
}

/* e-big 5B USD, e-eur 4B EUR (4.32B USD at the rate), e-small 1M, e-range
 * 1-3B (2B), e-undisclosed, e-absent. */
static TrancheDataset *
make_dataset (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  struct { const char *id, *date, *title, *investor, *target, *round; TrancheMoney amount; } rows[] = {
    { "e-big", "2020", "zeta", "microsoft", "openai", "Series B", known (5e9) },
    { "e-eur", "2021-Q2", "Éclair", "google", "anthropic", NULL, known (4e9) },
    { "e-small", "2019-06", "alpha", "amazon", "Anthropic2", "seed", known (1e6) },
    { "e-range", "2021", "Eagle", "microsoft", "mistral", "Series A", { .min = 1e9, .max = 3e9,
      .flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_RANGE } },
    { "e-undisclosed", "2022-01-05", "ezra", NULL, "openai", NULL,
      { .flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_UNDISCLOSED } },
    { "e-absent", "2018", "Beta", "google", NULL, NULL, { 0 } },
  };
  TrancheEntity entities[] = {
    { .id = "microsoft", .name = "Microsoft" },
    { .id = "google", .name = "google" },
    { .id = "amazon", .name = "Amazon" },
  };

  tranche_dataset_builder_set_currency (b, tranche_currency_from_code ("USD"));
  tranche_dataset_builder_set_rate (b, tranche_currency_from_code ("EUR"), 1.08);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    tranche_dataset_builder_add_entity (b, &entities[i]);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      TrancheEvent ev = { .id = rows[i].id, .title = rows[i].title, .round = rows[i].round,
                          .amount = rows[i].amount };
      guint32 investor = 0;

      if (g_strcmp0 (rows[i].id, "e-eur") == 0)
        ev.amount.currency = tranche_currency_from_code ("EUR");
      g_assert_cmpint (tranche_date_parse (rows[i].date, &ev.date), ==, TRANCHE_DATE_OK);
      ev.target = rows[i].target ? tranche_dataset_builder_ensure_entity (b, rows[i].target)
                                 : TRANCHE_NO_ENTITY;
      if (rows[i].investor)
        investor = tranche_dataset_builder_ensure_entity (b, rows[i].investor);
      tranche_dataset_builder_add_event (b, &ev, &investor, rows[i].investor ? 1 : 0,
                                         NULL, 0, NULL, 0);
    }
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static TrancheDataset *sort_dataset;
static TrancheEventField sort_field;

static int
compare_cb (gconstpointer a,
            gconstpointer b)
{
  return tranche_event_compare_field (sort_dataset, *(const guint *) a, *(const guint *) b,
                                      sort_field);
}

/* The event ids in ascending order of a field. */
static char *
sorted_ids (TrancheDataset    *ds,
            TrancheEventField  field)
{
  guint n = tranche_dataset_get_n_events (ds);
  g_autofree guint *order = g_new (guint, n);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  sort_dataset = ds;
  sort_field = field;
  qsort (order, n, sizeof (guint), compare_cb);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", tranche_dataset_get_event (ds, order[i])->id);
  return g_string_free (s, FALSE);
}

static void
test_orders (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autofree char *amount = sorted_ids (ds, TRANCHE_EVENT_FIELD_AMOUNT);
  g_autofree char *date = sorted_ids (ds, TRANCHE_EVENT_FIELD_DATE);
  g_autofree char *title = sorted_ids (ds, TRANCHE_EVENT_FIELD_TITLE);
  g_autofree char *investors = sorted_ids (ds, TRANCHE_EVENT_FIELD_INVESTORS);
  g_autofree char *round = sorted_ids (ds, TRANCHE_EVENT_FIELD_ROUND);

  /* Unknown amounts below every value, so descending puts the largest
   * first; euros are converted at the file's rate. */
  g_assert_cmpstr (amount, ==, "e-absent e-undisclosed e-small e-range e-eur e-big");
  /* "2021" (the whole year) before "2021-Q2" */
  g_assert_cmpstr (date, ==, "e-absent e-small e-big e-range e-eur e-undisclosed");
  /* case- and accent-insensitive: Éclair between Eagle and ezra */
  g_assert_cmpstr (title, ==, "e-small e-absent e-range e-eur e-undisclosed e-big");
  /* no investors first, then Amazon, google, google, Microsoft, Microsoft
   * with ties in dataset (date) order */
  g_assert_cmpstr (investors, ==, "e-undisclosed e-small e-absent e-eur e-big e-range");
  /* empty rounds first, "seed" among the "Series" case-insensitively */
  g_assert_cmpstr (round, ==, "e-absent e-eur e-undisclosed e-small e-range e-big");
}

static void
test_total (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  guint n = tranche_dataset_get_n_events (ds);

  /* Every field gives a total order: antisymmetric, and equal only to itself. */
  for (int f = 0; f < TRANCHE_N_EVENT_FIELDS; f++)
    for (guint a = 0; a < n; a++)
      for (guint b = 0; b < n; b++)
        {
          int ab = tranche_event_compare_field (ds, a, b, f);
          int ba = tranche_event_compare_field (ds, b, a, f);

          g_assert_cmpint (ab, ==, -ba);
          g_assert_cmpint (ab == 0, ==, a == b);
        }
}

static void
test_casecmp (void)
{
  g_assert_cmpint (tranche_utf8_casecmp ("abc", "ABC"), >, 0);
  g_assert_cmpint (tranche_utf8_casecmp ("abc", "abd"), <, 0);
  g_assert_cmpint (tranche_utf8_casecmp ("ABD", "abc"), >, 0);
  g_assert_cmpint (tranche_utf8_casecmp ("Éclair", "Eagle"), >, 0);
  g_assert_cmpint (tranche_utf8_casecmp ("Éclair", "Ezra"), <, 0);
  g_assert_cmpint (tranche_utf8_casecmp ("éclair", "Éclair"), >, 0);
  g_assert_cmpint (tranche_utf8_casecmp (NULL, ""), ==, 0);
  g_assert_cmpint (tranche_utf8_casecmp (NULL, "a"), <, 0);
  g_assert_cmpint (tranche_utf8_casecmp ("same", "same"), ==, 0);
}

static void
test_names (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  guint big = tranche_dataset_find_event (ds, "e-big");
  guint absent = tranche_dataset_find_event (ds, "e-absent");
  guint undisclosed = tranche_dataset_find_event (ds, "e-undisclosed");
  g_autofree char *investors = NULL;
  g_autofree char *none = NULL;

  investors = tranche_event_dup_investor_names (ds, tranche_dataset_get_event (ds, big));
  g_assert_cmpstr (investors, ==, "Microsoft");
  none = tranche_event_dup_investor_names (ds, tranche_dataset_get_event (ds, undisclosed));
  g_assert_cmpstr (none, ==, "");
  /* an id no entity declares is its own name */
  g_assert_cmpstr (tranche_event_get_target_name (ds, tranche_dataset_get_event (ds, big)),
                   ==, "openai");
  g_assert_null (tranche_event_get_target_name (ds, tranche_dataset_get_event (ds, absent)));
  g_assert_cmpstr (tranche_event_kind_get_label (TRANCHE_EVENT_COMMITMENT), ==, "Commitment");
  g_assert_cmpstr (tranche_valuation_basis_get_label (TRANCHE_BASIS_POST_MONEY), ==, "post-money");
  g_assert_null (tranche_valuation_basis_get_label (TRANCHE_BASIS_NONE));
}

static char *
names_of_round (guint n_investors)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autofree guint32 *investors = g_new (guint32, n_investors);
  TrancheEvent ev = { .id = "round", .title = "round" };

  g_assert_cmpint (tranche_date_parse ("2020", &ev.date), ==, TRANCHE_DATE_OK);
  for (guint i = 0; i < n_investors; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      investors[i] = tranche_dataset_builder_ensure_entity (b, id);
    }
  tranche_dataset_builder_add_event (b, &ev, investors, n_investors, NULL, 0, NULL, 0);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  return tranche_event_dup_investor_names (ds, tranche_dataset_get_event (ds, 0));
}

static void
test_many_investors (void)
{
  g_autofree char *thirteen = names_of_round (13);
  g_autofree char *many = names_of_round (20000);

  /* one name more than the cap is shown rather than "and 1 other" */
  g_assert_true (g_str_has_suffix (thirteen, "i11, i12"));
  /* thousands are cut after a dozen, so labels stay short */
  g_assert_true (g_str_has_suffix (many, "i10, i11 and 19988 others"));
  g_assert_cmpuint (strlen (many), <, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/event-fields/orders", test_orders);
  g_test_add_func ("/event-fields/total", test_total);
  g_test_add_func ("/event-fields/casecmp", test_casecmp);
  g_test_add_func ("/event-fields/names", test_names);
  g_test_add_func ("/event-fields/many-investors", test_many_investors);
  return g_test_run ();
}
