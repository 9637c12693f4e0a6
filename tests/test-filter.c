/* test-filter.c: the filter shared by charts, table and presentation */
#include "config.h"

#include "tranche-dataset-builder.h"
#include "tranche-filter.h"

static TrancheDataset *
make_dataset (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  TrancheEntity msft = { .id = "microsoft", .name = "Microsoft", .kind = TRANCHE_ENTITY_INVESTOR };
  TrancheEntity google = { .id = "google", .name = "Google", .kind = TRANCHE_ENTITY_INVESTOR };
  struct { const char *id, *date, *title, *investor, *target, *tag; TrancheEventKind kind; } rows[] = {
    { "e1", "2019", "First investment", "microsoft", "openai", "ai", TRANCHE_EVENT_INVESTMENT },
    { "e2", "2021", "Second tranche", "microsoft", "openai", NULL, TRANCHE_EVENT_INVESTMENT },
    { "e3", "2023-02", "Musk criticises the deal", NULL, NULL, "criticism", TRANCHE_EVENT_NEWS },
    { "e4", "2023-05", "Anthropic round", "google", "anthropic", "ai", TRANCHE_EVENT_INVESTMENT },
  };

  tranche_dataset_builder_add_entity (b, &msft);
  tranche_dataset_builder_add_entity (b, &google);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      TrancheEvent ev = { .id = rows[i].id, .title = rows[i].title, .kind = rows[i].kind };
      guint32 investor = 0;
      g_assert_cmpint (tranche_date_parse (rows[i].date, &ev.date), ==, TRANCHE_DATE_OK);
      ev.target = rows[i].target ? tranche_dataset_builder_ensure_entity (b, rows[i].target)
                                 : TRANCHE_NO_ENTITY;
      if (rows[i].investor)
        investor = tranche_dataset_builder_ensure_entity (b, rows[i].investor);
      tranche_dataset_builder_add_event (b, &ev, &investor, rows[i].investor ? 1 : 0, NULL, 0,
                                         &rows[i].tag, rows[i].tag ? 1 : 0);
    }
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static char *
shown_ids (TrancheFilter  *filter,
           TrancheDataset *ds)
{
  g_autoptr(GBytes) mask = NULL;
  GString *s = g_string_new (NULL);
  const guint8 *bits;
  guint n_shown = 0, counted = 0;

  mask = tranche_filter_apply (filter, ds, &n_shown);
  bits = mask ? g_bytes_get_data (mask, NULL) : NULL;
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    if (bits == NULL || bits[i])
      {
        g_string_append_printf (s, "%s%s", s->len ? " " : "", tranche_dataset_get_event (ds, i)->id);
        counted++;
        g_assert_true (tranche_filter_matches (filter, ds, i));
      }
    else
      g_assert_false (tranche_filter_matches (filter, ds, i));
  g_assert_cmpuint (counted, ==, n_shown);
  return g_string_free (s, FALSE);
}

static void
test_fields (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheFilter) f = tranche_filter_new ();
  g_autofree char *all = NULL, *by_investor = NULL, *by_two = NULL, *by_tag = NULL;
  g_autofree char *by_kind = NULL, *combined = NULL;

  g_assert_true (tranche_filter_is_empty (f));
  all = shown_ids (f, ds);
  g_assert_cmpstr (all, ==, "e1 e2 e3 e4");

  tranche_filter_add (f, TRANCHE_FILTER_INVESTOR, "microsoft");
  by_investor = shown_ids (f, ds);
  g_assert_cmpstr (by_investor, ==, "e1 e2");
  /* alternatives within a field */
  tranche_filter_add (f, TRANCHE_FILTER_INVESTOR, "google");
  by_two = shown_ids (f, ds);
  g_assert_cmpstr (by_two, ==, "e1 e2 e4");
  /* all fields must hold */
  tranche_filter_add (f, TRANCHE_FILTER_TAG, "ai");
  combined = shown_ids (f, ds);
  g_assert_cmpstr (combined, ==, "e1 e4");

  tranche_filter_clear (f);
  tranche_filter_add (f, TRANCHE_FILTER_TAG, "criticism");
  by_tag = shown_ids (f, ds);
  g_assert_cmpstr (by_tag, ==, "e3");

  tranche_filter_clear (f);
  tranche_filter_set_kinds (f, 1u << TRANCHE_EVENT_NEWS);
  by_kind = shown_ids (f, ds);
  g_assert_cmpstr (by_kind, ==, "e3");
}

static void
test_text (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheFilter) f = tranche_filter_new ();
  g_autofree char *by_title = NULL, *by_entity = NULL, *nothing = NULL;

  tranche_filter_set_text (f, "TRANCHE");
  by_title = shown_ids (f, ds);
  g_assert_cmpstr (by_title, ==, "e2");
  /* entity names match, case-insensitively */
  tranche_filter_set_text (f, "  anthropic ");
  by_entity = shown_ids (f, ds);
  g_assert_cmpstr (by_entity, ==, "e4");
  tranche_filter_set_text (f, "zzz");
  nothing = shown_ids (f, ds);
  g_assert_cmpstr (nothing, ==, "");
  /* blank text filters nothing */
  tranche_filter_set_text (f, "   ");
  g_assert_true (tranche_filter_is_empty (f));
}

static void
test_copy_equal_list (void)
{
  g_autoptr(TrancheFilter) f = tranche_filter_new ();
  g_autoptr(TrancheFilter) copy = NULL;
  g_auto(GStrv) ids = NULL;

  tranche_filter_add (f, TRANCHE_FILTER_TARGET, "openai");
  tranche_filter_add (f, TRANCHE_FILTER_TARGET, "anthropic");
  tranche_filter_set_text (f, "x");
  copy = tranche_filter_copy (f);
  g_assert_true (tranche_filter_equal (f, copy));
  tranche_filter_remove (copy, TRANCHE_FILTER_TARGET, "openai");
  g_assert_false (tranche_filter_equal (f, copy));
  ids = tranche_filter_list (f, TRANCHE_FILTER_TARGET);
  g_assert_cmpstrv (ids, ((const char *[]) { "anthropic", "openai", NULL }));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/filter/fields", test_fields);
  g_test_add_func ("/filter/text", test_text);
  g_test_add_func ("/filter/copy-equal-list", test_copy_equal_list);
  return g_test_run ();
}
