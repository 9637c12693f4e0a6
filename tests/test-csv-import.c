/* test-csv-import.c: whole CSV files into format-1 datasets, and back
 *
 * The import's JSON is checked member by member; where the loader of this
 * version reads everything in it, it is loaded too. The round trip writes
 * a dataset's table, imports it, loads the result and compares every event.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tranche-csv-import.h"
#include "tranche-csv-names.h"
#include "tranche-csv-reader.h"
#include "tranche-csv-writer.h"
#include "tranche-loader.h"

static char *
read_bytes (const char *name,
            gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

static JsonNode *
import_fixture (const char                    *name,
                const TrancheCsvImportOptions *options,
                TrancheDiagnostics            *diagnostics,
                TrancheCsvImportResult        *result,
                GError                       **error)
{
  TrancheCsvImportOptions none = { 0 };
  gsize length = 0;
  g_autofree char *data = read_bytes (name, &length);

  return tranche_csv_import (data, length, options ? options : &none, diagnostics, result,
                             error);
}

static JsonObject *
event (JsonNode *document,
       guint     index)
{
  JsonArray *events = json_object_get_array_member (json_node_get_object (document), "events");

  g_assert_cmpuint (index, <, json_array_get_length (events));
  return json_array_get_object_element (events, index);
}

static guint
n_events (JsonNode *document)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (document),
                                                              "events"));
}

/* The entity id's name in the document. */
static const char *
entity_name (JsonNode   *document,
             const char *id)
{
  JsonArray *entities = json_object_get_array_member (json_node_get_object (document),
                                                      "entities");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      if (g_strcmp0 (json_object_get_string_member (entity, "id"), id) == 0)
        return json_object_get_string_member (entity, "name");
    }
  return NULL;
}

static guint
n_entities (JsonNode *document)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (document),
                                                              "entities"));
}

static double
amount_value (JsonObject *ev,
              const char *member)
{
  JsonNode *node = json_object_get_member (ev, member);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_double (node);
  return json_object_get_double_member (json_node_get_object (node), "value");
}

static const char *
amount_currency (JsonObject *ev,
                 const char *member)
{
  JsonNode *node = json_object_get_member (ev, member);

  if (node == NULL || JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (node), "currency",
                                                     NULL);
}

static gboolean
amount_undisclosed (JsonObject *ev)
{
  JsonNode *node = json_object_get_member (ev, "amount");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
         && json_object_has_member (json_node_get_object (node), "disclosed")
         && !json_object_get_boolean_member (json_node_get_object (node), "disclosed");
}

static char *
to_json (JsonNode *document)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, document);
  return json_generator_to_data (generator, NULL);
}

/* The document through the loader: no error, every event kept. */
static TrancheDataset *
load (JsonNode *document)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = to_json (document);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  TrancheDataset *dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);

  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    g_test_message ("%s", tranche_diagnostics_get (diagnostics, i)->message);
  g_assert_no_error (error);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, n_events (document));
  return dataset;
}

/* The diagnostic as --import prints it starts with `prefix` and names `what`. */
static void
assert_diagnostic (TrancheDiagnostics *diagnostics,
                   const char         *file,
                   const char         *prefix,
                   const char         *what)
{
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line = tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics,
                                                                                     i), file);

      if (g_str_has_prefix (line, prefix) && strstr (line, what) != NULL)
        return;
    }
  g_test_fail_printf ("no diagnostic “%s… %s…”", prefix, what);
}

static void
test_crunchbase (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheCsvImportResult result;
  g_autoptr(JsonNode) doc = import_fixture ("crunchbase.csv", NULL, diagnostics, &result,
                                            &error);
  JsonObject *ev, *valuation, *lead;
  JsonArray *investors;

  g_assert_no_error (error);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  g_assert_cmpuint (result.n_events, ==, 5);
  g_assert_cmpuint (result.n_left_out, ==, 0);
  /* Mistral AI and Lightspeed appear twice and are one entity each */
  g_assert_cmpuint (n_entities (doc), ==, 11);

  ev = event (doc, 0);
  g_assert_cmpstr (json_object_get_string_member (ev, "date"), ==, "2023-12-10");
  g_assert_cmpstr (json_object_get_string_member (ev, "title"), ==, "Series A - Mistral AI");
  g_assert_cmpstr (json_object_get_string_member (ev, "round"), ==, "Series A");
  g_assert_cmpstr (entity_name (doc, json_object_get_string_member (ev, "target")), ==,
                   "Mistral AI");
  /* the native amount, not the column converted into dollars */
  g_assert_cmpfloat (amount_value (ev, "amount"), ==, 385e6);
  g_assert_cmpstr (amount_currency (ev, "amount"), ==, "EUR");
  valuation = json_object_get_object_member (ev, "valuation");
  g_assert_cmpfloat (json_object_get_double_member (valuation, "value"), ==, 1.6e9);
  g_assert_cmpstr (json_object_get_string_member (valuation, "basis"), ==, "pre-money");
  g_assert_cmpstr (json_object_get_string_member (valuation, "currency"), ==, "EUR");
  investors = json_object_get_array_member (ev, "investors");
  g_assert_cmpuint (json_array_get_length (investors), ==, 4);
  lead = json_array_get_object_element (investors, 0);
  g_assert_cmpstr (entity_name (doc, json_object_get_string_member (lead, "id")), ==,
                   "Andreessen Horowitz");
  g_assert_true (json_object_get_boolean_member (lead, "lead"));
  g_assert_cmpstr (entity_name (doc, json_array_get_string_element (investors, 3)), ==,
                   "Nvidia");

  /* a quoted name with a comma inside the list is one investor */
  investors = json_object_get_array_member (event (doc, 1), "investors");
  g_assert_cmpuint (json_array_get_length (investors), ==, 3);
  g_assert_cmpstr (entity_name (doc, json_array_get_string_element (investors, 2)), ==,
                   "Redpoint Ventures, L.P.");

  /* no investors reported, no amount: an investment all the same */
  ev = event (doc, 3);
  g_assert_false (json_object_has_member (ev, "investors"));
  g_assert_true (amount_undisclosed (ev));

  ev = event (doc, 4);
  g_assert_cmpstr (json_object_get_string_member (ev, "date"), ==, "2022-04-29");
  g_assert_cmpfloat (amount_value (ev, "amount"), ==, 580e6);
  investors = json_object_get_array_member (ev, "investors");
  g_assert_cmpuint (json_array_get_length (investors), ==, 1);
  g_assert_cmpstr (entity_name (doc, json_array_get_string_element (investors, 0)), ==,
                   "FTX, Inc.");
}

static void
test_french (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheCsvImportResult result;
  g_autoptr(JsonNode) doc = import_fixture ("french-excel.csv", NULL, diagnostics, &result,
                                            &error);
  const double amounts[] = { 385e6, 105e6, 1.25e9, 1.7e9 };
  const char * const dates[] = { "2023-12-10", "2023-06-13", "2023-05-02", "2021-01-21" };
  JsonArray *investors;

  g_assert_no_error (error);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (result.n_events, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *ev = event (doc, i);

      g_assert_cmpstr (json_object_get_string_member (ev, "date"), ==, dates[i]);
      g_assert_cmpfloat (amount_value (ev, "amount"), ==, amounts[i]);
      /* from the Devise column, or the € of "1,25 Md€" where it is empty */
      g_assert_cmpstr (amount_currency (ev, "amount"), ==, "EUR");
    }
  g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "title"), ==,
                   "Mistral AI Série A");
  investors = json_object_get_array_member (event (doc, 0), "investors");
  g_assert_cmpuint (json_array_get_length (investors), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (investors, 1), ==, "lightspeed");
  g_assert_false (json_object_has_member (event (doc, 3), "investors"));
  g_assert_cmpstr (entity_name (doc, "mistral-ai"), ==, "Mistral AI");
}

/* Each row of forms.csv says what its cells must give. */
static void
test_forms (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) doc = import_fixture ("forms.csv", NULL, diagnostics, NULL, &error);
  gsize length = 0;
  g_autofree char *data = read_bytes ("forms.csv", &length);
  g_autoptr(TrancheCsvTable) table = tranche_csv_table_read (data, length, NULL);
  guint n = tranche_csv_table_get_n_rows (table) - 1;

  g_assert_no_error (error);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (n_events (doc), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *ev = event (doc, i);
      const char *amount = tranche_csv_table_get (table, i + 1, 4);
      const char *currency = tranche_csv_table_get (table, i + 1, 5);

      g_test_message ("row %u: %s, %s", i + 2, tranche_csv_table_get (table, i + 1, 0),
                      tranche_csv_table_get (table, i + 1, 2));
      g_assert_cmpstr (json_object_get_string_member (ev, "date"), ==,
                       tranche_csv_table_get (table, i + 1, 3));
      if (strcmp (amount, "undisclosed") == 0)
        g_assert_true (amount_undisclosed (ev));
      else
        g_assert_cmpfloat (amount_value (ev, "amount"), ==, g_ascii_strtod (amount, NULL));
      g_assert_cmpstr (amount_currency (ev, "amount"), ==, currency[0] ? currency : NULL);
    }
}

static void
test_quoted (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = import_fixture ("quoted.csv", NULL, diagnostics, NULL, NULL);
  g_autoptr(TrancheDataset) dataset = NULL;
  JsonObject *ev = event (doc, 0);
  JsonArray *investors = json_object_get_array_member (ev, "investors");

  g_assert_cmpstr (json_object_get_string_member (ev, "id"), ==, "q1");
  g_assert_cmpstr (json_object_get_string_member (ev, "title"), ==, "Seed, first close");
  g_assert_cmpstr (json_object_get_string_member (ev, "summary"), ==,
                   "He said \"yes\".\nThen a second line; with a semicolon.");
  g_assert_cmpuint (json_array_get_length (investors), ==, 2);
  g_assert_cmpstr (entity_name (doc, json_array_get_string_element (investors, 0)), ==,
                   "Foo, Bar & Co");
  /* an empty amount is an undisclosed one */
  g_assert_true (amount_undisclosed (ev));
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_entities (dataset), ==, 3);
}

static void
test_errors (void)
{
  const char * const expected[][2] = {
    { "errors.csv:2:3: error: ", "“12 apples” is not an amount" },
    { "errors.csv:3:1: error: ", "“2023-13-01” is not a date" },
    { "errors.csv:4:2: error: ", "company" },
    { "errors.csv:5:3: error: ", "EUR" },
    { "errors.csv:6:4: error: ", "“dollars” is not a currency" },
    { "errors.csv:7:5: error: ", "“party” is not an event kind" },
  };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheCsvImportResult result;
  g_autoptr(JsonNode) doc = import_fixture ("errors.csv", NULL, diagnostics, &result, &error);

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_diagnostic (diagnostics, "errors.csv", expected[i][0], expected[i][1]);
  /* one message per problem, and the good row is imported */
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 6);
  g_assert_cmpuint (result.n_events, ==, 1);
  g_assert_cmpuint (result.n_left_out, ==, 6);
  g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "date"), ==, "2023-06-01");
  /* the entity of a row left out is not created */
  g_assert_cmpuint (n_entities (doc), ==, 1);
}

static void
test_date_orders (void)
{
  TrancheCsvImportOptions dmy = { .date_order = TRANCHE_CSV_DATE_ORDER_DMY };

  {
    /* nothing tells, in the C locale: an error, never a guess */
    g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
    TrancheCsvImportResult result;
    g_autoptr(JsonNode) doc = import_fixture ("ambiguous-dates.csv", NULL, diagnostics,
                                              &result, NULL);

    assert_diagnostic (diagnostics, "f", "f:2:1: error: ", "--date-order");
    g_assert_cmpuint (result.n_events, ==, 0);
    g_assert_cmpuint (result.n_left_out, ==, 2);
  }
  {
    g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
    g_autoptr(JsonNode) doc = import_fixture ("ambiguous-dates.csv", &dmy, diagnostics, NULL,
                                              NULL);

    g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "date"), ==, "2023-02-01");
    g_assert_cmpstr (json_object_get_string_member (event (doc, 1), "date"), ==, "2023-04-03");
  }
  {
    /* 09/25/2023 decides the column: 01/02/2023 is January 2 */
    g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
    g_autoptr(JsonNode) doc = import_fixture ("us-dates.csv", NULL, diagnostics, NULL, NULL);

    g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "date"), ==, "2023-01-02");
  }
  {
    g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
    TrancheCsvImportResult result;
    g_autoptr(JsonNode) doc = import_fixture ("mixed-dates.csv", NULL, diagnostics, &result,
                                              NULL);

    assert_diagnostic (diagnostics, "f", "f:3:1: error: ", "(row 2)");
    g_assert_cmpuint (result.n_events, ==, 2);
    g_assert_cmpuint (result.n_left_out, ==, 1);
  }
  {
    /* a French desktop reads 01/02/2023 as 1 February, and says so */
    g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
    g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
    g_autoptr(JsonNode) doc = NULL;

    if (setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
      return;
    doc = import_fixture ("ambiguous-dates.csv", NULL, diagnostics, NULL, NULL);
    setlocale (LC_TIME, saved);
    assert_diagnostic (diagnostics, "f", "f:2:1: warning: ", "day/month");
    g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "date"), ==, "2023-02-01");
  }
}

static void
test_unreadable (void)
{
  const struct { const char *file; int code; } cases[] = {
    { "empty.csv", TRANCHE_CSV_ERROR_EMPTY },
    { "latin1.csv", TRANCHE_CSV_ERROR_ENCODING },
    { "utf16.csv", TRANCHE_CSV_ERROR_ENCODING },
    { "unclosed-quote.csv", TRANCHE_CSV_ERROR_SYNTAX },
    { "no-date-column.csv", TRANCHE_CSV_ERROR_COLUMNS },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) doc = import_fixture (cases[i].file, NULL, diagnostics, NULL, &error);

      g_test_message ("%s", cases[i].file);
      g_assert_null (doc);
      g_assert_error (error, TRANCHE_CSV_ERROR, cases[i].code);
    }
  {
    g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) doc = import_fixture ("header-only.csv", NULL, diagnostics, NULL,
                                              &error);
    g_autoptr(TrancheDataset) dataset = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (n_events (doc), ==, 0);
    assert_diagnostic (diagnostics, "f", "f:1:1: warning: ", "no rows");
    dataset = load (doc);
  }
}

static void
test_into (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "into.json",
                                                 NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  TrancheCsvImportOptions options = { 0 };
  g_autoptr(JsonNode) doc = NULL;
  JsonObject *root, *ev;
  JsonArray *investors;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  options.into = json_parser_get_root (parser);
  doc = import_fixture ("french-excel.csv", &options, diagnostics, NULL, NULL);
  root = json_node_get_object (doc);
  /* what was there stays, unknown members too */
  g_assert_cmpstr (json_object_get_string_member (root, "comment"), ==,
                   "unknown members are kept");
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "EUR");
  g_assert_cmpuint (n_events (doc), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "title"), ==, "Known");

  /* names match the dataset's entities; new ids never collide with its ids */
  ev = event (doc, 1);
  g_assert_cmpstr (json_object_get_string_member (ev, "target"), ==, "mistral");
  g_assert_cmpstr (json_object_get_string_member (ev, "id"), ==, "mistral-2023-12-10");
  investors = json_object_get_array_member (ev, "investors");
  g_assert_cmpstr (json_array_get_string_element (investors, 1), ==, "lsvp");
  g_assert_cmpstr (json_object_get_string_member (event (doc, 4), "target"), ==, "doctolib-2");
  g_assert_cmpstr (entity_name (doc, "doctolib-2"), ==, "Doctolib");
  g_assert_cmpuint (n_entities (doc), ==, 3 + 5);
  /* amounts with no currency of their own are in the dataset's */
  g_assert_cmpstr (amount_currency (event (doc, 1), "amount"), ==, "EUR");
  /* the input document itself is left as it was */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (options.into), "events")), ==, 1);
}

/* --currency with --into names the currency on the amounts that have none,
 * since the dataset keeps its own default. */
static void
test_into_currency (void)
{
  const char *csv = "Date,Company,Amount\n2023,Acme,1000\n2024,Acme,$5\n";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  TrancheCsvImportOptions options = { .currency = "GBP" };
  g_autoptr(JsonNode) doc = NULL;

  g_assert_true (json_parser_load_from_data (parser, "{\"tranche\": 1, \"currency\": \"EUR\", "
                                                     "\"events\": []}", -1, NULL));
  options.into = json_parser_get_root (parser);
  doc = tranche_csv_import (csv, strlen (csv), &options, diagnostics, NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (doc), "currency"), ==,
                   "EUR");
  g_assert_cmpstr (amount_currency (event (doc, 0), "amount"), ==, "GBP");
  g_assert_cmpstr (amount_currency (event (doc, 1), "amount"), ==, "USD");
}

static void
test_map (void)
{
  const char * const map[] = { "Money Raised (in USD)=amount", "Money Raised=ignore",
                               "Money Raised Currency=ignore", "Transaction Name URL=title",
                               NULL };
  TrancheCsvImportOptions options = { .map = map, .currency = "USD" };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) doc = import_fixture ("crunchbase.csv", &options, diagnostics, NULL,
                                            &error);
  const char * const bad[] = { "Nope=amount", NULL };
  g_autoptr(JsonNode) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (amount_value (event (doc, 0), "amount"), ==, 415e6);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (doc), "currency"), ==,
                   "USD");
  /* a second title column: the first is used, and that is said */
  assert_diagnostic (diagnostics, "f", "f:1:2: warning: ", "Transaction Name");
  options.map = bad;
  none = import_fixture ("crunchbase.csv", &options, diagnostics, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

/* A unit in the header scales the figures that don't write their own. */
static void
test_header_units (void)
{
  const char *csv = "Date;Société;Montant (M€);Valorisation (Md$)\n"
                    "2023;Acme;385;1,5\n"
                    "2024;Beta;1,5 Md€;\n";
  TrancheCsvImportOptions options = { 0 };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = tranche_csv_import (csv, strlen (csv), &options, diagnostics, NULL,
                                                NULL);
  JsonObject *valuation = json_object_get_object_member (event (doc, 0), "valuation");

  g_assert_cmpfloat (amount_value (event (doc, 0), "amount"), ==, 385e6);
  g_assert_cmpstr (amount_currency (event (doc, 0), "amount"), ==, "EUR");
  g_assert_cmpfloat (json_object_get_double_member (valuation, "value"), ==, 1.5e9);
  g_assert_cmpstr (json_object_get_string_member (valuation, "currency"), ==, "USD");
  g_assert_cmpfloat (amount_value (event (doc, 1), "amount"), ==, 1.5e9);
}

static void
test_ids (void)
{
  const char *csv = "Date,Company,Investors\n"
                    "2023,Société Générale,\"Booking.com, \xe6\x9d\xb1\xe4\xba\xac, Acme, ACME, "
                    "Ac-me\"\n"
                    "2023,Société Générale,\n";
  TrancheCsvImportOptions options = { 0 };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = tranche_csv_import (csv, strlen (csv), &options, diagnostics, NULL,
                                                NULL);
  JsonArray *investors = json_object_get_array_member (event (doc, 0), "investors");
  const char * const ids[] = { "booking.com", "entity", "acme", "ac-me" };

  g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "target"), ==,
                   "societe-generale");
  /* "Acme" and "ACME" are one investor */
  g_assert_cmpuint (json_array_get_length (investors), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (json_array_get_string_element (investors, i), ==, ids[i]);
  g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "id"), ==,
                   "societe-generale-2023");
  g_assert_cmpstr (json_object_get_string_member (event (doc, 1), "id"), ==,
                   "societe-generale-2023-2");
}

static void
test_split_list (void)
{
  const struct { const char *text; const char *joined; } cases[] = {
    { "A, B,C", "A|B|C" },
    { " \"Foo, Bar\" , Baz", "Foo, Bar|Baz" },
    { "\"He said \"\"hi\"\"\", X", "He said \"hi\"|X" },
    { "FTX, Inc., Acme, LLC, Beta", "FTX, Inc.|Acme, LLC|Beta" },
    { ", ,", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) items = tranche_csv_split_list (cases[i].text);
      g_autofree char *joined = g_strjoinv ("|", items);

      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

static char *
export_table (TrancheDataset *dataset,
              GBytes         *mask,
              gsize          *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *data = NULL;
  int fd = g_file_open_tmp ("tranche-csv-XXXXXX.csv", &path, &error);
  FILE *file;

  g_assert_no_error (error);
  file = fdopen (fd, "wb");
  g_assert_true (tranche_csv_write_events (dataset, mask, file, &error));
  g_assert_no_error (error);
  fclose (file);
  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  g_unlink (path);
  return data;
}

static void
assert_same_money (TrancheDataset     *a,
                   const TrancheMoney *x,
                   TrancheDataset     *b,
                   const TrancheMoney *y)
{
  TrancheCurrency cx = x->currency ? x->currency : tranche_dataset_get_currency (a);
  TrancheCurrency cy = y->currency ? y->currency : tranche_dataset_get_currency (b);

  g_assert_cmpuint (x->flags, ==, y->flags);
  if (x->flags & TRANCHE_MONEY_HAS_VALUE)
    g_assert_cmpfloat (x->value, ==, y->value);
  if (x->flags & TRANCHE_MONEY_HAS_RANGE)
    {
      g_assert_cmpfloat (x->min, ==, y->min);
      g_assert_cmpfloat (x->max, ==, y->max);
    }
  if (tranche_money_is_known (x))
    g_assert_cmpuint (cx, ==, cy);
  g_assert_cmpuint (x->basis, ==, y->basis);
}

static const char *
name_of (TrancheDataset *dataset,
         guint32         index)
{
  return index == TRANCHE_NO_ENTITY ? NULL : tranche_dataset_get_entity (dataset, index)->name;
}

static const char *
source_of (TrancheDataset        *dataset,
           const TrancheCitation *citation)
{
  const TrancheSource *source = tranche_dataset_get_source (dataset, citation->source);

  return source->url ? source->url : source->title;
}

static void
assert_same_events (TrancheDataset *a,
                    TrancheDataset *b)
{
  g_assert_cmpuint (tranche_dataset_get_n_events (a), ==, tranche_dataset_get_n_events (b));
  for (guint i = 0; i < tranche_dataset_get_n_events (a); i++)
    {
      const TrancheEvent *x = tranche_dataset_get_event (a, i);
      const TrancheEvent *y = tranche_dataset_get_event (b, i);

      g_test_message ("event %s", x->id);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (tranche_date_compare (&x->date, &y->date), ==, 0);
      g_assert_cmpint (x->date.precision, ==, y->date.precision);
      g_assert_cmpint (tranche_date_compare (&x->end, &y->end), ==, 0);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->round, ==, y->round);
      g_assert_cmpstr (x->summary, ==, y->summary);
      g_assert_cmpstr (name_of (a, x->target), ==, name_of (b, y->target));
      assert_same_money (a, &x->amount, b, &y->amount);
      assert_same_money (a, &x->valuation, b, &y->valuation);
      g_assert_cmpuint (x->n_investors, ==, y->n_investors);
      for (guint j = 0; j < x->n_investors; j++)
        {
          g_assert_cmpstr (name_of (a, tranche_dataset_event_investor (a, x, j)), ==,
                           name_of (b, tranche_dataset_event_investor (b, y, j)));
          g_assert_cmpint (tranche_dataset_event_is_lead (a, x, j), ==,
                           tranche_dataset_event_is_lead (b, y, j));
        }
      g_assert_cmpuint (x->n_tags, ==, y->n_tags);
      for (guint j = 0; j < x->n_tags; j++)
        g_assert_cmpstr (tranche_dataset_event_tag (a, x, j), ==,
                         tranche_dataset_event_tag (b, y, j));
      g_assert_cmpuint (x->n_citations, ==, y->n_citations);
      for (guint j = 0; j < x->n_citations; j++)
        g_assert_cmpstr (source_of (a, tranche_dataset_event_citation (a, x, j)), ==,
                         source_of (b, tranche_dataset_event_citation (b, y, j)));
    }
}

static void
test_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv",
                                                 "round-trip.json", NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) original = tranche_loader_load_file (path, NULL, diagnostics, NULL);
  TrancheCsvImportOptions options = { 0 };
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(TrancheDataset) imported = NULL;
  g_autofree char *table = NULL, *again = NULL, *shown = NULL;
  gsize length = 0, again_length = 0, shown_length = 0;
  guint8 mask_bytes[7] = { 1, 0, 1, 0, 0, 0, 0 };
  g_autoptr(GBytes) mask = g_bytes_new (mask_bytes, sizeof mask_bytes);

  g_assert_nonnull (original);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (original), ==, 7);
  table = export_table (original, NULL, &length);
  g_assert_true (g_str_has_prefix (table, "\xef\xbb\xbfid,date,kind,title,investors,"
                                          "lead investors,target,amount,currency,approximate,"
                                          "min,max,valuation,basis,round,tags,sources"));
  /* a text a spreadsheet would run as a formula is kept from it */
  g_assert_nonnull (strstr (table, ",'=SUM(A1:A2) is not a formula,"));

  doc = tranche_csv_import (table, length, &options, diagnostics, NULL, NULL);
  g_assert_nonnull (doc);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    g_test_message ("%s", tranche_diagnostics_get (diagnostics, i)->message);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  imported = load (doc);
  assert_same_events (original, imported);

  /* and the table of what was imported is the same table */
  again = export_table (imported, NULL, &again_length);
  g_assert_cmpstr (again, ==, table);

  /* a mask writes the events it shows, in order */
  shown = export_table (original, mask, &shown_length);
  {
    g_autoptr(TrancheCsvTable) rows = tranche_csv_table_read (shown, shown_length, NULL);
    const TrancheEvent *first = tranche_dataset_get_event (original, 0);
    const TrancheEvent *third = tranche_dataset_get_event (original, 2);

    g_assert_cmpuint (tranche_csv_table_get_n_rows (rows), ==, 3);
    g_assert_cmpstr (tranche_csv_table_get (rows, 1, 0), ==, first->id);
    g_assert_cmpstr (tranche_csv_table_get (rows, 2, 0), ==, third->id);
  }
}

/* A figure past a quadrillion is refused at its cell: json-glib writes the
 * biggest ones as invalid JSON, so the dataset would not load (found by
 * fuzz/fuzz-csv-import.c). */
static void
test_huge_amount (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = import_fixture ("huge-amount.csv", NULL, diagnostics, NULL, NULL);
  g_autoptr(TrancheDataset) dataset = NULL;

  g_assert_nonnull (doc);
  assert_diagnostic (diagnostics, "huge-amount.csv", "huge-amount.csv:2:3: error: ", "large");
  assert_diagnostic (diagnostics, "huge-amount.csv", "huge-amount.csv:3:3: error: ", "large");
  g_assert_cmpuint (n_events (doc), ==, 1);
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 1);
}

/* A row whose kind is valuation but which gives none is left out with a
 * message, never written as an event the loader refuses (found by the
 * fuzzer). */
static void
test_valuation_without_value (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = import_fixture ("valuation-without-value.csv", NULL, diagnostics,
                                            NULL, NULL);
  g_autoptr(TrancheDataset) dataset = NULL;

  g_assert_nonnull (doc);
  assert_diagnostic (diagnostics, "valuation-without-value.csv",
                     "valuation-without-value.csv:3:", "a valuation row needs a valuation");
  g_assert_cmpuint (n_events (doc), ==, 1);
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 1);
}

/* An end before its date is said at its cell, by the loader's own rule
 * (found by the fuzzer). */
static void
test_end_before_date (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = import_fixture ("end-before-date.csv", NULL, diagnostics, NULL, NULL);
  g_autoptr(TrancheDataset) dataset = NULL;

  g_assert_nonnull (doc);
  assert_diagnostic (diagnostics, "end-before-date.csv", "end-before-date.csv:2:4: error: ",
                     "is before the date");
  g_assert_cmpuint (n_events (doc), ==, 1);
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 1);
}

/* Control characters in a cell become spaces: json-glib writes U+001F
 * unescaped, and the dataset would not load (found by the fuzzer). */
static void
test_control_chars (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = import_fixture ("control-chars.csv", NULL, diagnostics, NULL, NULL);
  g_autoptr(TrancheDataset) dataset = NULL;

  g_assert_nonnull (doc);
  g_assert_cmpstr (json_object_get_string_member (event (doc, 0), "title"), ==,
                   "Seed,   first close");
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 1);
}

/* A Crunchbase-style export loads with no error now that the format has
 * participants, and its table gives the leads back in their own column. */
static void
test_crunchbase_loads (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) doc = import_fixture ("crunchbase.csv", NULL, diagnostics, NULL, NULL);
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(TrancheCsvTable) rows = NULL;
  g_autofree char *table = NULL;
  gsize length = 0;
  guint leads_column = 0, id_column = 0, n_leads = 0;

  g_assert_nonnull (doc);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 5);

  table = export_table (dataset, NULL, &length);
  rows = tranche_csv_table_read (table, length, NULL);
  g_assert_nonnull (rows);
  for (guint c = 0; c < tranche_csv_table_get_n_fields (rows, 0); c++)
    if (g_strcmp0 (tranche_csv_table_get (rows, 0, c), "lead investors") == 0)
      leads_column = c;
  g_assert_cmpuint (leads_column, >, id_column);
  for (guint r = 1; r < tranche_csv_table_get_n_rows (rows); r++)
    {
      const char *leads = tranche_csv_table_get (rows, r, leads_column);
      const char *title = tranche_csv_table_get (rows, r, 3);

      if (*leads != '\0')
        n_leads++;
      if (g_strcmp0 (title, "Series A - Mistral AI") == 0)
        g_assert_cmpstr (leads, ==, "Andreessen Horowitz");
      if (strstr (title, "Anthropic") != NULL)
        g_assert_cmpstr (leads, ==, "");
    }
  g_assert_cmpuint (n_leads, >=, 3);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/import/crunchbase", test_crunchbase);
  g_test_add_func ("/csv/import/crunchbase-loads", test_crunchbase_loads);
  g_test_add_func ("/csv/import/huge-amount", test_huge_amount);
  g_test_add_func ("/csv/import/control-chars", test_control_chars);
  g_test_add_func ("/csv/import/end-before-date", test_end_before_date);
  g_test_add_func ("/csv/import/valuation-without-value", test_valuation_without_value);
  g_test_add_func ("/csv/import/french-excel", test_french);
  g_test_add_func ("/csv/import/forms", test_forms);
  g_test_add_func ("/csv/import/quoted", test_quoted);
  g_test_add_func ("/csv/import/errors", test_errors);
  g_test_add_func ("/csv/import/date-orders", test_date_orders);
  g_test_add_func ("/csv/import/unreadable", test_unreadable);
  g_test_add_func ("/csv/import/into", test_into);
  g_test_add_func ("/csv/import/into-currency", test_into_currency);
  g_test_add_func ("/csv/import/map", test_map);
  g_test_add_func ("/csv/import/header-units", test_header_units);
  g_test_add_func ("/csv/import/ids", test_ids);
  g_test_add_func ("/csv/import/split-list", test_split_list);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  return g_test_run ();
}
