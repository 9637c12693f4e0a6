/* test-totals-table.c: totals of real histories, case by case
 *
 * Each case is a small dataset, written as the format's JSON but built here
 * through the dataset builder (the loader is tested on its own), and a few
 * questions with the answers an analyst expects, as the text Tranche shows:
 * shares, undisclosed shares, commitments and fulfilments, bounds, scopes,
 * currencies with and without rates, and what "as of" a date means.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "tranche-dataset-builder.h"
#include "tranche-format.h"
#include "tranche-totals.h"

typedef enum
{
  ASK_RECEIVED,    /* who: "target" or "investor>target" */
  ASK_OUTSTANDING, /* who, as above */
  ASK_GAP,         /* who: the event reporting the total */
} Ask;

typedef struct
{
  Ask         ask;
  const char *who;
  const char *as_of;     /* a date, or NULL for all */
  const char *expected;  /* received/outstanding: the text; gap: "computed | gap | explained" */
} Question;

typedef struct
{
  const char *name;
  const char *json;      /* {"currency"?, "rates"?, "target"?, "events": [...]} */
  Question    questions[6];
} Case;

static TrancheMoney
read_money (JsonNode *node)
{
  TrancheMoney m = { 0 };
  JsonObject *o;

  m.flags = TRANCHE_MONEY_PRESENT;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      m.value = json_node_get_double (node);
      m.flags |= TRANCHE_MONEY_HAS_VALUE;
      return m;
    }
  o = json_node_get_object (node);
  if (json_object_has_member (o, "value"))
    {
      m.value = json_object_get_double_member (o, "value");
      m.flags |= TRANCHE_MONEY_HAS_VALUE;
    }
  if (json_object_has_member (o, "min"))
    {
      m.min = json_object_get_double_member (o, "min");
      m.flags |= TRANCHE_MONEY_HAS_MIN;
    }
  if (json_object_has_member (o, "max"))
    {
      m.max = json_object_get_double_member (o, "max");
      m.flags |= TRANCHE_MONEY_HAS_MAX;
    }
  if ((m.flags & TRANCHE_MONEY_HAS_MIN) && (m.flags & TRANCHE_MONEY_HAS_MAX))
    m.flags |= TRANCHE_MONEY_HAS_RANGE;
  if (json_object_get_boolean_member_with_default (o, "approx", FALSE))
    m.flags |= TRANCHE_MONEY_APPROX;
  if (!json_object_get_boolean_member_with_default (o, "disclosed", TRUE))
    m.flags |= TRANCHE_MONEY_UNDISCLOSED;
  if (json_object_has_member (o, "currency"))
    m.currency = tranche_currency_from_code (json_object_get_string_member (o, "currency"));
  return m;
}

static void
add_event (TrancheDatasetBuilder *b,
           JsonObject            *o)
{
  static const char * const kinds[] = { "investment", "valuation", "acquisition",
                                        "commitment", "news", "secondary" };
  TrancheEvent ev = { 0 };
  guint32 investors[8];
  TrancheShare shares[8] = { 0 };
  gboolean any_share = FALSE;
  guint n = 0;

  ev.id = json_object_get_string_member (o, "id");
  ev.title = ev.id;
  g_assert_cmpint (tranche_date_parse (json_object_get_string_member (o, "date"), &ev.date), ==,
                   TRANCHE_DATE_OK);
  ev.target = TRANCHE_NO_ENTITY;
  if (json_object_has_member (o, "target"))
    ev.target = tranche_dataset_builder_ensure_entity (b,
                                                       json_object_get_string_member (o, "target"));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (json_object_get_string_member_with_default (o, "kind", "investment"),
                   kinds[k]) == 0)
      ev.kind = k;
  if (json_object_has_member (o, "investors"))
    {
      JsonArray *a = json_object_get_array_member (o, "investors");

      for (n = 0; n < json_array_get_length (a); n++)
        {
          JsonNode *p = json_array_get_element (a, n);
          JsonObject *po;

          g_assert_cmpuint (n, <, G_N_ELEMENTS (investors));
          if (JSON_NODE_HOLDS_VALUE (p))
            {
              investors[n] = tranche_dataset_builder_ensure_entity (b, json_node_get_string (p));
              continue;
            }
          po = json_node_get_object (p);
          any_share = TRUE;
          investors[n] =
            tranche_dataset_builder_ensure_entity (b, json_object_get_string_member (po, "id"));
          shares[n].lead = json_object_get_boolean_member_with_default (po, "lead", FALSE);
          if (json_object_has_member (po, "amount"))
            shares[n].amount = read_money (json_object_get_member (po, "amount"));
        }
    }
  if (json_object_has_member (o, "amount"))
    ev.amount = read_money (json_object_get_member (o, "amount"));
  if (json_object_has_member (o, "cumulative"))
    {
      JsonNode *c = json_object_get_member (o, "cumulative");
      const char *scope = JSON_NODE_HOLDS_OBJECT (c)
        ? json_object_get_string_member_with_default (json_node_get_object (c), "scope", NULL)
        : NULL;

      ev.cumulative = read_money (c);
      if (g_strcmp0 (scope, "target") == 0)
        ev.flags |= TRANCHE_EVENT_SCOPE_TARGET;
      else if (g_strcmp0 (scope, "investors") == 0)
        ev.flags |= TRANCHE_EVENT_SCOPE_INVESTORS;
    }
  tranche_dataset_builder_add_event (b, &ev, investors, n, NULL, 0, NULL, 0);
  if (any_share)
    tranche_dataset_builder_set_event_shares (b, shares, n);
  if (json_object_has_member (o, "fulfils"))
    tranche_dataset_builder_set_event_fulfils (b, json_object_get_string_member (o, "fulfils"));
}

static TrancheDataset *
build (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();
  JsonObject *root;
  JsonArray *events;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "currency"))
    tranche_dataset_builder_set_currency (
      b, tranche_currency_from_code (json_object_get_string_member (root, "currency")));
  if (json_object_has_member (root, "rates"))
    {
      JsonObject *rates = json_object_get_object_member (root, "rates");
      g_autoptr(GList) codes = json_object_get_members (rates);

      for (GList *l = codes; l != NULL; l = l->next)
        tranche_dataset_builder_set_rate (b, tranche_currency_from_code (l->data),
                                          json_object_get_double_member (rates, l->data));
    }
  if (json_object_has_member (root, "target"))
    tranche_dataset_builder_set_target (
      b, tranche_dataset_builder_ensure_entity (b, json_object_get_string_member (root, "target")));
  events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    add_event (b, json_array_get_object_element (events, i));
  return tranche_dataset_builder_finish (b);
}

static guint32
entity (TrancheDataset *ds,
        const char     *id)
{
  guint32 e = tranche_dataset_find_entity (ds, id);

  g_assert_cmpuint (e, !=, TRANCHE_NO_ENTITY);
  return e;
}

static char *
answer (TrancheTotals  *totals,
        const Question *q)
{
  TrancheDataset *ds = tranche_totals_get_dataset (totals);
  g_autoptr(GArray) sums = tranche_sums_new ();
  g_auto(GStrv) who = g_strsplit (q->who, ">", 2);
  guint32 target, investor = TRANCHE_NO_ENTITY;
  TrancheDay day = INFINITY;

  if (q->as_of != NULL)
    {
      TrancheDate date;

      g_assert_cmpint (tranche_date_parse (q->as_of, &date), ==, TRANCHE_DATE_OK);
      day = tranche_date_middle_day (&date);
    }
  if (q->ask == ASK_GAP)
    {
      const TrancheGap *gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds,
                                                                                        q->who));
      g_autofree char *computed = NULL;
      g_autofree char *explained = NULL;

      g_assert_nonnull (gap);
      computed = tranche_sum_format (&gap->computed_sum);
      explained = tranche_totals_explain_gap (gap);
      return g_strdup_printf ("%s | %g | %s", computed, gap->gap,
                              explained != NULL ? explained : "match");
    }
  if (who[1] != NULL)
    {
      investor = entity (ds, who[0]);
      target = entity (ds, who[1]);
    }
  else
    target = entity (ds, who[0]);
  if (q->ask == ASK_RECEIVED)
    tranche_totals_get_received (totals, target, investor, day, sums);
  else
    tranche_totals_get_outstanding (totals, target, investor, day, sums);
  return tranche_sums_format ((const TrancheSum *) (gpointer) sums->data, sums->len);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(TrancheDataset) ds = build (c->json);
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (c->questions) && c->questions[i].who != NULL; i++)
    {
      g_autofree char *got = answer (totals, &c->questions[i]);

      if (g_strcmp0 (got, c->questions[i].expected) != 0)
        g_error ("%s, question %u (%s): got “%s”, expected “%s”", c->name, i,
                 c->questions[i].who, got, c->questions[i].expected);
    }
}

#define R ASK_RECEIVED
#define O ASK_OUTSTANDING
#define G ASK_GAP

static const Case cases[] = {
  { "one-investor-whole",
    "{\"events\": [{\"id\": \"a\", \"date\": \"2021\", \"investors\": [\"x\"], \"target\": \"t\","
    " \"amount\": 5e9}]}",
    { { R, "t", NULL, "$5B" }, { R, "x>t", NULL, "$5B" } } },
  { "shares-given",
    "{\"events\": [{\"id\": \"a\", \"date\": \"2021\", \"target\": \"t\", \"amount\": 10e9,"
    " \"investors\": [{\"id\": \"x\", \"lead\": true, \"amount\": 6e9}, {\"id\": \"y\", \"amount\": 4e9}]}]}",
    { { R, "t", NULL, "$10B" }, { R, "x>t", NULL, "$6B" }, { R, "y>t", NULL, "$4B" } } },
  { "undisclosed-share",
    "{\"events\": [{\"id\": \"c\", \"date\": \"2023-05\", \"target\": \"t\", \"amount\": 450e6,"
    " \"investors\": [{\"id\": \"spark\", \"lead\": true}, \"google\"]},"
    " {\"id\": \"g\", \"date\": \"2023-10\", \"target\": \"t\", \"amount\": 500e6, \"investors\": [\"google\"]}]}",
    { { R, "t", NULL, "$950M" }, { R, "spark>t", NULL, "1 undisclosed" },
      { R, "google>t", NULL, "$500M + 1 undisclosed" } } },
  { "shares-sum-when-round-unknown",
    "{\"events\": [{\"id\": \"a\", \"date\": \"2021\", \"target\": \"t\", \"amount\": {\"disclosed\": false},"
    " \"investors\": [{\"id\": \"x\", \"amount\": 1e9}, {\"id\": \"y\", \"amount\": 2e9}]},"
    " {\"id\": \"b\", \"date\": \"2022\", \"target\": \"t\", \"amount\": {\"disclosed\": false},"
    " \"investors\": [{\"id\": \"x\", \"amount\": 1e9}, \"y\"]}]}",
    { { R, "t", NULL, "$3B + 1 undisclosed" }, { R, "x>t", NULL, "$2B" },
      { R, "y>t", NULL, "$2B + 1 undisclosed" } } },
  { "no-investors",
    "{\"target\": \"t\", \"events\": [{\"id\": \"seed\", \"date\": \"2020\", \"amount\": 2e6},"
    " {\"id\": \"n\", \"date\": \"2020\", \"kind\": \"news\"}]}",
    { { R, "t", NULL, "$2M" } } },
  { "commitment-not-received",
    "{\"events\": [{\"id\": \"promise\", \"date\": \"2023-09\", \"kind\": \"commitment\","
    " \"investors\": [\"amazon\"], \"target\": \"t\", \"amount\": {\"max\": 4e9}},"
    " {\"id\": \"p1\", \"date\": \"2023-09\", \"investors\": [\"amazon\"], \"target\": \"t\","
    " \"amount\": 1.25e9, \"fulfils\": \"promise\"},"
    " {\"id\": \"p2\", \"date\": \"2024-03\", \"investors\": [\"amazon\"], \"target\": \"t\","
    " \"amount\": 2.75e9, \"fulfils\": \"promise\"},"
    " {\"id\": \"more\", \"date\": \"2024-11\", \"investors\": [\"amazon\"], \"target\": \"t\","
    " \"amount\": 4e9, \"cumulative\": 8e9}]}",
    { { R, "amazon>t", NULL, "$8B" }, { O, "amazon>t", "2023-12", "up to $2.75B" },
      { O, "t", NULL, "" }, { R, "t", "2023-12", "$1.25B" }, { G, "more", NULL, "$8B | 0 | match" } } },
  { "commitment-outstanding",
    "{\"events\": [{\"id\": \"promise\", \"date\": \"2023-10\", \"kind\": \"commitment\","
    " \"investors\": [\"google\"], \"target\": \"t\", \"amount\": 2e9},"
    " {\"id\": \"upfront\", \"date\": \"2023-10\", \"investors\": [\"google\"], \"target\": \"t\","
    " \"amount\": 500e6, \"fulfils\": \"promise\"},"
    " {\"id\": \"later\", \"date\": \"2024\", \"investors\": [\"google\"], \"target\": \"t\","
    " \"amount\": {\"disclosed\": false}, \"fulfils\": \"promise\"}]}",
    { { O, "t", "2023-12", "$1.5B" }, { O, "google>t", NULL, "up to $1.5B" },
      { O, "t", "2023-01", "" }, { R, "google>t", NULL, "$500M + 1 undisclosed" } } },
  { "bounds",
    "{\"events\": [{\"id\": \"a\", \"date\": \"2021\", \"target\": \"t\", \"amount\": {\"max\": 5e9}},"
    " {\"id\": \"b\", \"date\": \"2022\", \"target\": \"t\", \"amount\": {\"min\": 2e9, \"max\": 3e9}},"
    " {\"id\": \"c\", \"date\": \"2023\", \"target\": \"t\", \"amount\": {\"min\": 1e9}}]}",
    { { R, "t", "2021", "up to $5B" }, { R, "t", "2022", "$2–8B" },
      { R, "t", NULL, "at least $3B" } } },
  { "scope-investors-vs-target",
    "{\"events\": [{\"id\": \"a1\", \"date\": \"2023-09\", \"investors\": [\"amazon\"], \"target\": \"t\", \"amount\": 4e9},"
    " {\"id\": \"g1\", \"date\": \"2024\", \"investors\": [\"google\"], \"target\": \"t\", \"amount\": 3e9},"
    " {\"id\": \"a2\", \"date\": \"2024-11\", \"investors\": [\"amazon\"], \"target\": \"t\", \"amount\": 4e9,"
    "  \"cumulative\": 8e9},"
    " {\"id\": \"all\", \"date\": \"2024-12\", \"kind\": \"news\", \"target\": \"t\", \"cumulative\": 12e9},"
    " {\"id\": \"said\", \"date\": \"2024-12\", \"investors\": [\"google\"], \"target\": \"t\","
    "  \"kind\": \"news\", \"cumulative\": {\"value\": 11e9, \"scope\": \"target\"}}]}",
    { { G, "a2", NULL, "$8B | 0 | match" },
      { G, "all", NULL, "$11B | 1e+09 | $1B not accounted for" },
      { G, "said", NULL, "$11B | 0 | match" } } },
  { "scope-several-investors",
    "{\"events\": [{\"id\": \"r\", \"date\": \"2022\", \"target\": \"t\", \"amount\": 10e9,"
    " \"investors\": [\"x\", \"y\", \"z\"]},"
    " {\"id\": \"s\", \"date\": \"2023\", \"target\": \"t\", \"amount\": 2e9, \"investors\": [\"x\", \"y\"]},"
    " {\"id\": \"both\", \"date\": \"2024\", \"kind\": \"news\", \"target\": \"t\", \"investors\": [\"x\", \"y\"],"
    "  \"cumulative\": 5e9}]}",
    { { G, "both", NULL, "$2B + 1 undisclosed | 3e+09 | ≤ $3B in 1 undisclosed round" } } },
  { "gap-below-and-range",
    "{\"events\": [{\"id\": \"a\", \"date\": \"2020\", \"investors\": [\"x\"], \"target\": \"t\", \"amount\": 5e9},"
    " {\"id\": \"b\", \"date\": \"2021\", \"investors\": [\"x\"], \"target\": \"t\","
    "  \"amount\": {\"min\": 1e9, \"max\": 2e9}, \"cumulative\": 4e9},"
    " {\"id\": \"c\", \"date\": \"2022\", \"investors\": [\"x\"], \"target\": \"t\","
    "  \"amount\": 1e9, \"cumulative\": 7.5e9}]}",
    { { G, "b", NULL, "$6–7B | -2e+09 | $2B more than reported" },
      { G, "c", NULL, "$7–8B | 0 | match" } } },
  { "currencies-with-rate",
    "{\"currency\": \"USD\", \"rates\": {\"EUR\": 1.1}, \"events\": ["
    " {\"id\": \"a\", \"date\": \"2021\", \"target\": \"t\", \"amount\": 1e9},"
    " {\"id\": \"b\", \"date\": \"2022\", \"target\": \"t\", \"amount\": {\"value\": 1e9, \"currency\": \"EUR\"}}]}",
    { { R, "t", NULL, "$2.1B" } } },
  { "currencies-without-rate",
    "{\"currency\": \"USD\", \"events\": ["
    " {\"id\": \"a\", \"date\": \"2021\", \"target\": \"t\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}},"
    " {\"id\": \"b\", \"date\": \"2022\", \"target\": \"t\", \"amount\": {\"value\": 1, \"currency\": \"JPY\"}},"
    " {\"id\": \"c\", \"date\": \"2023\", \"target\": \"t\", \"amount\": {\"disclosed\": false}}]}",
    { { R, "t", "2022", "€1 + ¥1" }, { R, "t", NULL, "€1 + ¥1 + 1 undisclosed" } } },
  { "secondary-not-received",
    "{\"events\": [{\"id\": \"a\", \"date\": \"2021\", \"investors\": [\"x\"], \"target\": \"t\", \"amount\": 1e9},"
    " {\"id\": \"s\", \"date\": \"2022\", \"kind\": \"secondary\", \"investors\": [\"y\"], \"target\": \"t\","
    "  \"amount\": 9e9}]}",
    { { R, "t", NULL, "$1B" }, { R, "y>t", NULL, "" } } },
  /* "As of" an event's date: everything marked at or before it, the event
   * itself included; "2023" is marked mid-year, so "2023-09" is after it. */
  { "as-of",
    "{\"events\": [{\"id\": \"jan\", \"date\": \"2023-01\", \"investors\": [\"x\"], \"target\": \"t\", \"amount\": 1e9},"
    " {\"id\": \"year\", \"date\": \"2023\", \"investors\": [\"x\"], \"target\": \"t\", \"amount\": 2e9,"
    "  \"cumulative\": 3e9},"
    " {\"id\": \"sep\", \"date\": \"2023-09\", \"investors\": [\"x\"], \"target\": \"t\", \"amount\": 4e9},"
    " {\"id\": \"late\", \"date\": \"2023-12-31\", \"investors\": [\"x\"], \"target\": \"t\", \"amount\": 1e9,"
    "  \"cumulative\": 7e9}]}",
    { { G, "year", NULL, "$3B | 0 | match" }, { R, "t", "2023-06", "$1B" },
      { R, "t", "2023", "$3B" }, { G, "late", NULL, "$8B | -1e+09 | $1B more than reported" } } },
};

/* Lanes and clusters sum the events they hold with the series' rules. */
static void
test_add_event (void)
{
  g_autoptr(TrancheDataset) ds = build (cases[2].json); /* undisclosed-share */
  g_autoptr(GArray) spark = tranche_sums_new ();
  g_autoptr(GArray) google = tranche_sums_new ();
  g_autoptr(GArray) target = tranche_sums_new ();
  g_autofree char *spark_text = NULL, *google_text = NULL, *target_text = NULL;

  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);

      tranche_totals_add_event (ds, ev, entity (ds, "spark"), spark);
      tranche_totals_add_event (ds, ev, entity (ds, "google"), google);
      g_assert_true (tranche_totals_add_event (ds, ev, TRANCHE_NO_ENTITY, target));
    }
  g_assert_false (tranche_totals_add_event (ds, tranche_dataset_get_event (ds, 1),
                                            entity (ds, "spark"), spark));
  spark_text = tranche_sums_format ((TrancheSum *) (gpointer) spark->data, spark->len);
  google_text = tranche_sums_format ((TrancheSum *) (gpointer) google->data, google->len);
  target_text = tranche_sums_format ((TrancheSum *) (gpointer) target->data, target->len);
  g_assert_cmpstr (spark_text, ==, "1 undisclosed");
  g_assert_cmpstr (google_text, ==, "$500M + 1 undisclosed");
  g_assert_cmpstr (target_text, ==, "$950M");
}

/* A rate that is used is said; one that is not, isn't. */
static void
test_rates (void)
{
  g_autoptr(TrancheDataset) with = build (cases[11].json); /* currencies-with-rate */
  g_autoptr(TrancheDataset) without = build (cases[12].json);
  g_autoptr(TrancheTotals) a = tranche_totals_new (with, NULL);
  g_autoptr(TrancheTotals) b = tranche_totals_new (without, NULL);
  g_autofree char *text = tranche_totals_format_rates (a);
  g_autofree char *small = tranche_format_rate (0.00077);

  g_assert_cmpstr (cases[11].name, ==, "currencies-with-rate");
  g_assert_cmpstr (text, ==, "EUR at 1.1 USD");
  g_assert_null (tranche_totals_format_rates (b));
  g_assert_cmpstr (small, ==, "0.00077");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/totals-table/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], run_case);
    }
  g_test_add_func ("/totals-table/add-event", test_add_event);
  g_test_add_func ("/totals-table/rates", test_rates);
  return g_test_run ();
}
