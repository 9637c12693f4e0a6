/* test-dataset.c: the builder, sorting, references resolved late, culling */
#include "config.h"

#include "tranche-dataset-builder.h"

static TrancheEvent
make_event (const char *id,
            const char *date)
{
  TrancheEvent ev = { 0 };

  ev.id = id;
  ev.title = id;
  g_assert_cmpint (tranche_date_parse (date, &ev.date), ==, TRANCHE_DATE_OK);
  return ev;
}

static void
test_sorted_and_stable (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  const char *dates[][2] = {
    { "c", "2023-01" }, { "a", "2019" }, { "b1", "2021" }, { "b2", "2021" }, { "d", "2020-06-01" },
  };
  const char *expected[] = { "a", "d", "b1", "b2", "c" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      TrancheEvent ev = make_event (dates[i][0], dates[i][1]);
      tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (tranche_dataset_get_event (ds, i)->id, ==, expected[i]);
  g_assert_cmpuint (tranche_dataset_find_event (ds, "c"), ==, 4);
  g_assert_cmpuint (tranche_dataset_find_event (ds, "nope"), ==, TRANCHE_NO_ENTITY);
}

/* Many events in random order, with dates of every precision and many ties:
 * sorted as tranche_date_compare() says, ties in the order they were added,
 * and each event's own fields moved with it. The same for events added in
 * order already, and reversed. */
static void
check_many_sorted (int direction)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const guint n = 5000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *date = NULL;
      guint year = direction == 0 ? (guint) g_rand_int_range (rand, 1990, 2030)
                                  : direction > 0 ? 1990 + i / 200 : 2030 - i / 200;

      switch (direction == 0 ? g_rand_int_range (rand, 0, 4) : 3)
        {
        case 0:
          date = g_strdup_printf ("%u", year);
          break;
        case 1:
          date = g_strdup_printf ("%u-Q%d", year, g_rand_int_range (rand, 1, 5));
          break;
        case 2:
          date = g_strdup_printf ("%u-%02d", year, g_rand_int_range (rand, 1, 13));
          break;
        default:
          date = g_strdup_printf ("%u-01-01", year);
          break;
        }
      {
        TrancheEvent ev = make_event (id, date);
        tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
      }
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);
      g_autofree char *id = g_strdup_printf ("e%u", ev->order);

      g_assert_cmpstr (ev->id, ==, id);
      g_assert_cmpstr (ev->title, ==, id);
      if (i > 0)
        {
          const TrancheEvent *prev = tranche_dataset_get_event (ds, i - 1);
          int c = tranche_date_compare (&prev->date, &ev->date);

          g_assert_cmpint (c, <=, 0);
          if (c == 0)
            g_assert_cmpuint (prev->order, <, ev->order);
        }
    }
}

static void
test_many_sorted (void)
{
  check_many_sorted (0);
  check_many_sorted (1);
  check_many_sorted (-1);
}

static void
test_late_references (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  TrancheEvent ev = make_event ("e", "2019");
  TrancheEntity msft = { .id = "microsoft", .name = "Microsoft", .kind = TRANCHE_ENTITY_INVESTOR };
  TrancheSource src = { .id = "article", .title = "Article" };
  TrancheCitation cite = { .source_id = "article", .quote = "1 milliard" };
  const char *tags[] = { "ai", "cloud" };
  guint32 investor;
  char code[4];

  /* the event comes first, as when "events" precedes "entities" in a file */
  investor = tranche_dataset_builder_ensure_entity (b, "microsoft");
  ev.target = tranche_dataset_builder_ensure_entity (b, "openai");
  ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.amount.value = 1e9;
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, &cite, 1, tags, 2);
  g_assert_false (tranche_dataset_builder_entity_is_declared (b, "microsoft"));
  g_assert_true (tranche_dataset_builder_add_entity (b, &msft));
  g_assert_false (tranche_dataset_builder_add_entity (b, &msft));
  g_assert_true (tranche_dataset_builder_add_source (b, &src));
  g_assert_false (tranche_dataset_builder_add_source (b, &src));
  tranche_dataset_builder_set_currency (b, tranche_currency_from_code ("EUR"));
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  {
    const TrancheEvent *e = tranche_dataset_get_event (ds, 0);
    const TrancheEntity *inv = tranche_dataset_get_entity (ds, tranche_dataset_event_investor (ds, e, 0));
    const TrancheEntity *target = tranche_dataset_get_entity (ds, e->target);
    const TrancheCitation *c = tranche_dataset_event_citation (ds, e, 0);

    g_assert_cmpstr (inv->name, ==, "Microsoft");
    g_assert_true (inv->declared);
    g_assert_cmpint (inv->kind, ==, TRANCHE_ENTITY_INVESTOR);
    /* an id no entity declares is its own name */
    g_assert_cmpstr (target->name, ==, "openai");
    g_assert_false (target->declared);
    g_assert_cmpuint (c->source, ==, tranche_dataset_find_source (ds, "article"));
    g_assert_cmpstr (c->quote, ==, "1 milliard");
    g_assert_cmpstr (tranche_dataset_event_tag (ds, e, 1), ==, "cloud");
    /* money with no currency takes the dataset's, even when set afterwards */
    g_assert_cmpstr (tranche_currency_to_code (e->amount.currency, code), ==, "EUR");
  }
  g_assert_cmpstrv (tranche_dataset_get_tags (ds), ((const char *[]) { "ai", "cloud", NULL }));
}

static void
test_visible_range (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  TrancheDay first, end;
  guint from, to;

  /* one long span early, then one event a month for ten years */
  {
    TrancheEvent ev = make_event ("long", "2010");
    g_assert_cmpint (tranche_date_parse ("2018", &ev.end), ==, TRANCHE_DATE_OK);
    tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
  }
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%d", i);
      g_autofree char *date = g_strdup_printf ("%d-%02d", 2010 + i / 12, i % 12 + 1);
      TrancheEvent ev = make_event (id, date);
      tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  g_assert_true (tranche_dataset_get_day_range (ds, &first, &end));
  g_assert_cmpfloat (first, ==, tranche_day_from_ymd (2010, 1, 1));
  g_assert_cmpfloat (end, ==, tranche_day_from_ymd (2020, 1, 1));

  tranche_dataset_visible_range (ds, tranche_day_from_ymd (2015, 3, 15),
                                 tranche_day_from_ymd (2015, 6, 1), &from, &to);
  /* every overlapping event is inside the range, and nothing after it */
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *e = tranche_dataset_get_event (ds, i);
      gboolean overlaps = e->first_day < tranche_day_from_ymd (2015, 6, 1)
                          && e->end_day > tranche_day_from_ymd (2015, 3, 15);
      if (overlaps)
        g_assert_true (i >= from && i < to);
    }
  g_assert_cmpstr (tranche_dataset_get_event (ds, to - 1)->id, ==, "m64");
}

/* Every currency code there is, each found; one set twice keeps its last
 * rate; the default currency is 1 without a rate. */
static void
test_rates (void)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  char code[4] = { 0 };
  double rate = 0;

  tranche_dataset_builder_set_currency (b, tranche_currency_from_code ("USD"));
  for (guint i = 26 * 26 * 26; i-- > 0;)
    {
      code[0] = 'A' + i / 676;
      code[1] = 'A' + i / 26 % 26;
      code[2] = 'A' + i % 26;
      tranche_dataset_builder_set_rate (b, tranche_currency_from_code (code), i + 1);
    }
  tranche_dataset_builder_set_rate (b, tranche_currency_from_code ("EUR"), 1.08);
  ds = tranche_dataset_builder_finish (b);

  for (guint i = 0; i < 26 * 26 * 26; i++)
    {
      code[0] = 'A' + i / 676;
      code[1] = 'A' + i / 26 % 26;
      code[2] = 'A' + i % 26;
      g_assert_true (tranche_dataset_get_rate (ds, tranche_currency_from_code (code), &rate));
      if (g_str_equal (code, "EUR"))
        g_assert_cmpfloat (rate, ==, 1.08);
      else if (g_str_equal (code, "USD"))
        g_assert_cmpfloat (rate, ==, 1.0);
      else
        g_assert_cmpfloat (rate, ==, i + 1);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dataset/sorted-and-stable", test_sorted_and_stable);
  g_test_add_func ("/dataset/many-sorted", test_many_sorted);
  g_test_add_func ("/dataset/late-references", test_late_references);
  g_test_add_func ("/dataset/visible-range", test_visible_range);
  g_test_add_func ("/dataset/rates", test_rates);
  return g_test_run ();
}
