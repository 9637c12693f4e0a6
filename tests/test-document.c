/* test-document.c: editing a dataset as text (tranche-document.h)
 *
 * Round-trips of every fixture are byte-identical; edits change only what
 * they say and keep the file loading to the expected dataset; undo and redo
 * restore the bytes exactly. Saving and recovery: test-document-save.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-document.h"
#include "tranche-loader.h"

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "microsoft-openai.json",
                                NULL);
}

static TrancheDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  TrancheDocument *doc = tranche_document_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static TrancheDocument *
document_from_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  TrancheDocument *doc = tranche_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
text_of (TrancheDocument *doc)
{
  gsize len;
  const char *text = tranche_document_get_text (doc, &len);

  return g_strndup (text, len);
}

/* Loads the document's text; fails the test on errors. */
static TrancheDataset *
load (TrancheDocument *doc)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset = tranche_document_load_dataset (doc, diagnostics, &error);

  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line = tranche_diagnostic_to_string (
        tranche_diagnostics_get (diagnostics, i), "document");

      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  return dataset;
}

static JsonNode *
json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
set (TrancheDocument      *doc,
     TrancheDocumentArray  array,
     guint                 index,
     const char           *member,
     const char           *value)
{
  g_autoptr(JsonNode) node = json (value);
  g_autoptr(GError) error = NULL;

  g_assert_true (tranche_document_set_member (doc, array, index, member, node, &error));
  g_assert_no_error (error);
}

static guint
append (TrancheDocument      *doc,
        TrancheDocumentArray  array,
        const char           *element)
{
  g_autoptr(JsonNode) node = json (element);
  g_autoptr(GError) error = NULL;
  guint index = G_MAXUINT;

  g_assert_true (tranche_document_append_element (doc, array, node, &index, &error));
  g_assert_no_error (error);
  return index;
}

static void
check_still_loads (TrancheDocument *doc,
                   gboolean         loaded)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = tranche_document_load_dataset (doc, diagnostics, NULL);

  g_assert_true ((dataset != NULL) == loaded);
}

/* Every fixture: the document's text is the file's, each element's range
 * holds one JSON value, and a save writes the same bytes back. */
static void
check_round_trip (const char *path,
                  const char *tmp_dir)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(TrancheDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *base = g_path_get_basename (path);
  gsize len, saved_len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  dataset = tranche_loader_load_file (path, NULL, diagnostics, NULL);
  doc = tranche_document_new_from_file (path, &error);
  if (doc == NULL)
    {
      /* only what the loader refuses as no JSON object may be refused */
      g_test_message ("%s: %s", base, error->message);
      g_assert_null (dataset);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpmem (tranche_document_get_text (doc, NULL), len, contents, len);
  for (guint a = 0; a < TRANCHE_DOCUMENT_N_ARRAYS; a++)
    for (guint i = 0; i < tranche_document_get_n_elements (doc, a); i++)
      {
        g_autofree char *element = tranche_document_dup_element_text (doc, a, i);
        g_autoptr(JsonNode) node = json_from_string (element, NULL);

        g_assert_nonnull (node);
      }
  if (dataset != NULL)
    g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==,
                      tranche_dataset_get_n_events (dataset)
                      + tranche_dataset_get_n_skipped (dataset));

  /* odd layouts too: each element deleted and duplicated keeps a file
   * that reads as well as before, and undo gives the same bytes back */
  for (guint a = 0; a < TRANCHE_DOCUMENT_N_ARRAYS; a++)
    for (guint i = 0; i < tranche_document_get_n_elements (doc, a); i++)
      {
        guint n = tranche_document_get_n_elements (doc, a);

        tranche_document_delete_element (doc, a, i);
        check_still_loads (doc, dataset != NULL);
        g_assert_cmpuint (tranche_document_get_n_elements (doc, a), ==, n - 1);
        tranche_document_undo (doc);
        if (tranche_document_duplicate_element (doc, a, i, NULL, NULL))
          {
            check_still_loads (doc, dataset != NULL);
            tranche_document_undo (doc);
          }
        g_assert_cmpmem (tranche_document_get_text (doc, NULL), len, contents, len);
      }
  g_assert_false (tranche_document_get_modified (doc));

  copy = g_build_filename (tmp_dir, base, NULL);
  g_assert_true (tranche_document_save_as (doc, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (copy, &saved, &saved_len, NULL));
  g_assert_cmpmem (saved, saved_len, contents, len);
  g_assert_false (tranche_document_get_modified (doc));
}

static void
round_trip_folder (const char *tmp_dir,
                   const char *first,
                   ...)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();

  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  dir_path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        check_round_trip (path, tmp_dir);
      }
}

static void
test_round_trip_fixtures (void)
{
  g_autofree char *tmp_dir = g_dir_make_tmp ("tranche-document-XXXXXX", NULL);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autofree char *samples = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "..", "fuzz",
                                                        "regressions", NULL);

  round_trip_folder (tmp_dir, fixtures, NULL);
  round_trip_folder (tmp_dir, fixtures, "loader", NULL);
  round_trip_folder (tmp_dir, fixtures, "hostile", NULL);
  round_trip_folder (tmp_dir, fixtures, "histories", NULL);
  round_trip_folder (tmp_dir, samples, NULL);
  round_trip_folder (tmp_dir, regressions, NULL);
}

static void
test_new_empty (void)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autofree char *text = NULL;

  text = text_of (doc);
  g_assert_cmpstr (text, ==, "{\n  \"tranche\": 1,\n  \"events\": []\n}\n");
  g_assert_false (tranche_document_get_modified (doc));
  g_assert_null (tranche_document_get_filename (doc));
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 0);
}

/* From nothing: each array is made where and as the sample has it. */
static void
test_build_from_empty (void)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(JsonNode) title = json ("\"Helio\"");
  g_autofree char *text = NULL;

  g_assert_cmpuint (append (doc, TRANCHE_DOCUMENT_EVENTS,
                            "{\"id\": \"a\", \"date\": \"2020-03\", \"kind\": \"investment\","
                            " \"title\": \"A\", \"target\": \"helio\", \"investors\": [\"helio\"],"
                            " \"amount\": {\"value\": 5000000, \"currency\": \"EUR\"}}"), ==, 0);
  g_assert_cmpuint (append (doc, TRANCHE_DOCUMENT_ENTITIES,
                            "{\"id\": \"helio\", \"name\": \"Helio\"}"), ==, 0);
  g_assert_cmpuint (append (doc, TRANCHE_DOCUMENT_EVENTS,
                            "{\"id\": \"b\", \"date\": \"2021\", \"kind\": \"news\","
                            " \"title\": \"B\"}"), ==, 1);
  g_assert_true (tranche_document_set_root_member (doc, "title", title, NULL));
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"tranche\": 1,\n"
                   "  \"title\": \"Helio\",\n"
                   "  \"entities\": [\n"
                   "    {\"id\": \"helio\", \"name\": \"Helio\"}\n"
                   "  ],\n"
                   "  \"events\": [\n"
                   "    {\n"
                   "      \"id\": \"a\",\n"
                   "      \"date\": \"2020-03\",\n"
                   "      \"kind\": \"investment\",\n"
                   "      \"title\": \"A\",\n"
                   "      \"target\": \"helio\",\n"
                   "      \"investors\": [\"helio\"],\n"
                   "      \"amount\": {\"value\": 5000000, \"currency\": \"EUR\"}\n"
                   "    },\n"
                   "    {\n"
                   "      \"id\": \"b\",\n"
                   "      \"date\": \"2021\",\n"
                   "      \"kind\": \"news\",\n"
                   "      \"title\": \"B\"\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
  g_assert_true (tranche_document_get_modified (doc));
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 2);
  g_assert_cmpstr (tranche_dataset_get_title (dataset), ==, "Helio");
  g_assert_cmpuint (tranche_dataset_get_n_entities (dataset), ==, 1);
}

/* The lines of `a` and `b` that differ, as "-old\n+new\n" pairs; both must
 * have as many lines. */
static char *
changed_lines (const char *a,
               const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    if (!g_str_equal (la[i], lb[i]))
      g_string_append_printf (out, "-%s\n+%s\n", la[i], lb[i]);
  return g_string_free (out, FALSE);
}

static void
test_edit_amount_one_line (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TrancheDocument) doc = open_document (path);
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autofree char *before = text_of (doc);
  g_autofree char *after = NULL;
  g_autofree char *diff = NULL;
  const TrancheEvent *event;
  int index;

  index = tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS, "msft-2019");
  g_assert_cmpint (index, >=, 0);
  set (doc, TRANCHE_DOCUMENT_EVENTS, index, "amount",
       "{\"value\": 1500000000, \"currency\": \"USD\"}");
  after = text_of (doc);
  diff = changed_lines (before, after);
  g_assert_cmpstr (diff, ==,
                   "-      \"amount\": {\"value\": 1000000000},\n"
                   "+      \"amount\": {\"value\": 1500000000, \"currency\": \"USD\"},\n");
  dataset = load (doc);
  event = tranche_dataset_get_event (dataset, tranche_dataset_find_event (dataset, "msft-2019"));
  g_assert_cmpfloat (event->amount.value, ==, 1.5e9);
}

/* Setting a member to the bytes it has changes nothing, not even undo. */
static void
test_same_value_no_change (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TrancheDocument) doc = open_document (path);

  set (doc, TRANCHE_DOCUMENT_EVENTS, 1, "amount", "{\"value\": 1000000000}");
  g_assert_false (tranche_document_get_modified (doc));
  g_assert_false (tranche_document_can_undo (doc));
}

static void
test_strings_escaped (void)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  const char *title = "Quote \" back\\slash\nline\ttab\x01 é 😀 \xe2\x80\xa8 end";
  const TrancheEvent *event;
  g_autofree char *text = NULL;

  append (doc, TRANCHE_DOCUMENT_EVENTS,
          "{\"id\": \"a\", \"date\": \"2020\", \"kind\": \"news\", \"title\": \"x\"}");
  json_node_set_string (node, title);
  g_assert_true (tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, 0, "title", node,
                                              NULL));
  text = text_of (doc);
  g_assert_nonnull (strstr (text, "\"title\": \"Quote \\\" back\\\\slash\\nline\\ttab\\u0001"
                                  " é 😀 \xe2\x80\xa8 end\""));
  dataset = load (doc);
  event = tranche_dataset_get_event (dataset, 0);
  g_assert_cmpstr (event->title, ==, title);
}

static void
test_numbers (void)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_node_set_double (node, 0.1);
  g_assert_true (tranche_document_set_root_member (doc, "rate", node, NULL));
  json_node_set_double (node, 1e21);
  g_assert_true (tranche_document_set_root_member (doc, "big", node, NULL));
  text = text_of (doc);
  g_assert_nonnull (strstr (text, "\"rate\": 0.1,"));
  g_assert_nonnull (strstr (text, "\"big\": 1e+21,"));
  json_node_set_double (node, NAN);
  g_assert_false (tranche_document_set_root_member (doc, "rate", node, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_nonnull (strstr (text, "\"rate\": 0.1,"));
}

static void
test_remove_member (void)
{
  g_autoptr(TrancheDocument) doc = document_from_string (
    "{\"tranche\": 1, \"events\": [\n"
    "  {\"id\": \"a\", \"date\": \"2020\", \"kind\": \"news\", \"title\": \"A\","
    " \"round\": \"x\"},\n"
    "  {\n    \"id\": \"b\",\n    \"date\": \"2021\",\n    \"kind\": \"news\",\n"
    "    \"title\": \"B\"\n  }\n]}");
  g_autofree char *text = NULL;

  g_assert_true (tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, 0, "round",
                                                 NULL));
  g_assert_true (tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, 0, "id", NULL));
  g_assert_true (tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, 1, "date",
                                                 NULL));
  g_assert_true (tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, 1, "absent",
                                                 NULL));
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\": 1, \"events\": [\n"
                   "  {\"date\": \"2020\", \"kind\": \"news\", \"title\": \"A\"},\n"
                   "  {\n    \"id\": \"b\",\n    \"kind\": \"news\",\n"
                   "    \"title\": \"B\"\n  }\n]}");
  set (doc, TRANCHE_DOCUMENT_EVENTS, 1, "date", "\"2022\"");
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\": 1, \"events\": [\n"
                   "  {\"date\": \"2020\", \"kind\": \"news\", \"title\": \"A\"},\n"
                   "  {\n    \"id\": \"b\",\n    \"kind\": \"news\",\n"
                   "    \"title\": \"B\",\n    \"date\": \"2022\"\n  }\n]}");
}

static void
test_append_like_neighbours (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TrancheDocument) doc = open_document (path);
  g_autoptr(TrancheDataset) before = load (doc);
  g_autoptr(TrancheDataset) after = NULL;
  g_autofree char *original = text_of (doc);
  g_autofree char *text = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *event = NULL;
  guint n = tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS);
  const TrancheEvent *added;

  g_assert_cmpuint (append (doc, TRANCHE_DOCUMENT_ENTITIES,
                            "{\"id\": \"helio\", \"name\": \"Helio\", \"kind\": \"company\"}"),
                    ==, 3);
  g_assert_cmpuint (append (doc, TRANCHE_DOCUMENT_EVENTS,
                            "{\"id\": \"new\", \"date\": \"2024-02-03\", \"kind\": \"investment\","
                            " \"title\": \"New\", \"target\": \"helio\","
                            " \"investors\": [\"microsoft\"], \"amount\": {\"value\": 7}}"),
                    ==, n);
  text = text_of (doc);
  entity = tranche_document_dup_element_text (doc, TRANCHE_DOCUMENT_ENTITIES, 3);
  g_assert_cmpstr (entity, ==, "{\"id\": \"helio\", \"name\": \"Helio\", \"kind\": \"company\"}");
  g_assert_nonnull (strstr (text, "\"kind\": \"person\"},\n"
                                  "    {\"id\": \"helio\", \"name\": \"Helio\","
                                  " \"kind\": \"company\"}\n"
                                  "  ],\n"));
  event = tranche_document_dup_element_text (doc, TRANCHE_DOCUMENT_EVENTS, n);
  g_assert_cmpstr (event, ==,
                   "{\n"
                   "      \"id\": \"new\",\n"
                   "      \"date\": \"2024-02-03\",\n"
                   "      \"kind\": \"investment\",\n"
                   "      \"title\": \"New\",\n"
                   "      \"target\": \"helio\",\n"
                   "      \"investors\": [\"microsoft\"],\n"
                   "      \"amount\": {\"value\": 7}\n"
                   "    }");
  g_assert_true (g_str_has_suffix (text, "    },\n    {\n      \"id\": \"new\",\n"
                                         "      \"date\": \"2024-02-03\",\n"
                                         "      \"kind\": \"investment\",\n"
                                         "      \"title\": \"New\",\n"
                                         "      \"target\": \"helio\",\n"
                                         "      \"investors\": [\"microsoft\"],\n"
                                         "      \"amount\": {\"value\": 7}\n"
                                         "    }\n  ]\n}\n"));
  after = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (after), ==,
                    tranche_dataset_get_n_events (before) + 1);
  added = tranche_dataset_get_event (after, tranche_dataset_find_event (after, "new"));
  g_assert_cmpstr (added->title, ==, "New");
  g_assert_cmpstr (tranche_dataset_get_entity (after, added->target)->name, ==, "Helio");

  /* undone, the file is what it was */
  tranche_document_undo (doc);
  tranche_document_undo (doc);
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==, original);
  g_assert_false (tranche_document_get_modified (doc));
}

static void
test_duplicate (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TrancheDocument) doc = open_document (path);
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy2 = NULL;
  g_autofree char *text = NULL;
  guint index = 0, n = tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS);
  int at = tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS, "msft-2019");

  g_assert_true (tranche_document_duplicate_element (doc, TRANCHE_DOCUMENT_EVENTS, at, &index,
                                                     NULL));
  g_assert_cmpuint (index, ==, at + 1);
  g_assert_true (tranche_document_duplicate_element (doc, TRANCHE_DOCUMENT_EVENTS, at, NULL,
                                                     NULL));
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, n + 2);
  original = tranche_document_dup_element_text (doc, TRANCHE_DOCUMENT_EVENTS, at);
  copy = tranche_document_dup_element_text (doc, TRANCHE_DOCUMENT_EVENTS, at + 2);
  copy2 = tranche_document_dup_element_text (doc, TRANCHE_DOCUMENT_EVENTS, at + 1);
  g_assert_nonnull (strstr (copy, "\"id\": \"msft-2019-copy\",\n"));
  g_assert_nonnull (strstr (copy2, "\"id\": \"msft-2019-copy-2\",\n"));
  /* the rest is byte for byte the original */
  g_assert_cmpuint (strlen (copy), ==, strlen (original) + strlen ("-copy"));
  g_assert_true (g_str_has_suffix (copy, strstr (original, "\"date\"")));
  g_assert_cmpint (tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS,
                                                  "msft-2019-copy"), ==, at + 2);
  text = text_of (doc);
  g_assert_nonnull (strstr (text, "    },\n    {\n      \"id\": \"msft-2019-copy-2\""));
  dataset = load (doc);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, n + 2);
  g_assert_cmpuint (tranche_dataset_find_event (dataset, "msft-2019-copy"), <,
                    tranche_dataset_get_n_events (dataset));
}

static void
test_delete (void)
{
  const char *start = "{\"tranche\": 1, \"events\": [\n"
                      "  {\"id\": \"a\", \"date\": \"2020\", \"kind\": \"news\","
                      " \"title\": \"A\"},\n"
                      "  {\"id\": \"b\", \"date\": \"2021\", \"kind\": \"news\","
                      " \"title\": \"B\"},\n"
                      "  {\"id\": \"c\", \"date\": \"2022\", \"kind\": \"news\","
                      " \"title\": \"C\"}\n"
                      "]}\n";
  g_autoptr(TrancheDocument) doc = document_from_string (start);
  g_autofree char *text = NULL;

  tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, 1);
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\": 1, \"events\": [\n"
                   "  {\"id\": \"a\", \"date\": \"2020\", \"kind\": \"news\", \"title\": \"A\"},\n"
                   "  {\"id\": \"c\", \"date\": \"2022\", \"kind\": \"news\", \"title\": \"C\"}\n"
                   "]}\n");
  tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, 1);
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\": 1, \"events\": [\n"
                   "  {\"id\": \"a\", \"date\": \"2020\", \"kind\": \"news\", \"title\": \"A\"}\n"
                   "]}\n");
  tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, 0);
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==, "{\"tranche\": 1, \"events\": []}\n");
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, 0);
  /* into the emptied array again: on a line of its own */
  append (doc, TRANCHE_DOCUMENT_EVENTS,
          "{\"id\": \"d\", \"date\": \"2023\", \"kind\": \"news\", \"title\": \"D\"}");
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\": 1, \"events\": [\n"
                   "  {\n    \"id\": \"d\",\n    \"date\": \"2023\",\n    \"kind\": \"news\",\n"
                   "    \"title\": \"D\"\n  }\n]}\n");
  for (guint i = 0; i < 4; i++)
    tranche_document_undo (doc);
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==, start);
  /* the first of several */
  tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, 0);
  g_clear_pointer (&text, g_free);
  text = text_of (doc);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\": 1, \"events\": [\n"
                   "  {\"id\": \"b\", \"date\": \"2021\", \"kind\": \"news\", \"title\": \"B\"},\n"
                   "  {\"id\": \"c\", \"date\": \"2022\", \"kind\": \"news\", \"title\": \"C\"}\n"
                   "]}\n");
}

/* Every step of a mixed sequence is undone to its exact bytes and redone. */
static void
test_undo_redo (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TrancheDocument) doc = open_document (path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) title = json ("\"Renamed\"");
  g_autoptr(TrancheDataset) dataset = NULL;

  g_ptr_array_add (texts, text_of (doc));
  set (doc, TRANCHE_DOCUMENT_EVENTS, 2, "title", "\"Edited\"");
  g_ptr_array_add (texts, text_of (doc));
  append (doc, TRANCHE_DOCUMENT_SOURCES, "{\"id\": \"s2\", \"title\": \"Second\"}");
  g_ptr_array_add (texts, text_of (doc));
  tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, 0);
  g_ptr_array_add (texts, text_of (doc));
  g_assert_true (tranche_document_remove_root_member (doc, "description", NULL));
  g_ptr_array_add (texts, text_of (doc));
  g_assert_true (tranche_document_set_root_member (doc, "title", title, NULL));
  g_ptr_array_add (texts, text_of (doc));
  g_assert_true (tranche_document_remove_root_member (doc, "entities", NULL));
  g_ptr_array_add (texts, text_of (doc));
  append (doc, TRANCHE_DOCUMENT_ENTITIES, "{\"id\": \"microsoft\", \"name\": \"MS\"}");
  g_ptr_array_add (texts, text_of (doc));
  tranche_document_begin_user_action (doc);
  tranche_document_duplicate_element (doc, TRANCHE_DOCUMENT_EVENTS, 1, NULL, NULL);
  set (doc, TRANCHE_DOCUMENT_EVENTS, 2, "date", "\"2024\"");
  tranche_document_end_user_action (doc);
  g_ptr_array_add (texts, text_of (doc));
  dataset = load (doc);
  g_assert_cmpstr (tranche_dataset_get_title (dataset), ==, "Renamed");

  for (guint i = texts->len - 1; i > 0; i--)
    {
      g_autofree char *text = NULL;

      g_assert_true (tranche_document_can_undo (doc));
      tranche_document_undo (doc);
      text = text_of (doc);
      g_assert_cmpstr (text, ==, g_ptr_array_index (texts, i - 1));
    }
  g_assert_false (tranche_document_can_undo (doc));
  g_assert_false (tranche_document_get_modified (doc));
  for (guint i = 1; i < texts->len; i++)
    {
      g_autofree char *text = NULL;

      tranche_document_redo (doc);
      text = text_of (doc);
      g_assert_cmpstr (text, ==, g_ptr_array_index (texts, i));
      g_assert_true (tranche_document_get_modified (doc));
    }
  g_assert_false (tranche_document_can_redo (doc));
  /* the index followed: an edit after all that lands where it should */
  set (doc, TRANCHE_DOCUMENT_EVENTS, 0, "title", "\"Last\"");
  g_clear_pointer (&dataset, tranche_dataset_unref);
  dataset = load (doc);
  g_assert_cmpuint (tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS, "msft-2019"),
                    ==, 0);
}

static void
test_modified_follows_saved_state (void)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();
  g_autofree char *tmp_dir = g_dir_make_tmp ("tranche-document-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (tmp_dir, "new.json", NULL);
  g_autoptr(JsonNode) a = json ("\"A\"");
  g_autoptr(JsonNode) b = json ("\"B\"");

  tranche_document_set_root_member (doc, "title", a, NULL);
  g_assert_true (tranche_document_get_modified (doc));
  g_assert_true (tranche_document_save_as (doc, file, NULL));
  g_assert_cmpstr (tranche_document_get_filename (doc), ==, file);
  g_assert_false (tranche_document_get_modified (doc));
  tranche_document_set_root_member (doc, "title", b, NULL);
  g_assert_true (tranche_document_get_modified (doc));
  tranche_document_undo (doc);
  g_assert_false (tranche_document_get_modified (doc));
  tranche_document_undo (doc);
  g_assert_true (tranche_document_get_modified (doc));
  tranche_document_redo (doc);
  g_assert_false (tranche_document_get_modified (doc));
  /* an edit after an undo past the save: the saved text is out of reach */
  tranche_document_undo (doc);
  tranche_document_set_root_member (doc, "title", b, NULL);
  g_assert_true (tranche_document_get_modified (doc));
  g_assert_false (tranche_document_can_redo (doc));
}

static void
test_refusals (void)
{
  g_autoptr(TrancheDocument) doc = document_from_string (
    "{\"tranche\": 1, \"entities\": 3, \"events\": [5, {\"id\": \"a\"}]}");
  g_autoptr(JsonNode) value = json ("1");
  g_autoptr(JsonNode) object = json ("{\"id\": \"x\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bad = g_bytes_new_static ("[1, 2]", 6);
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"tranche\": 1,\n \"events\": [}", 28);
  g_autoptr(TrancheDocument) none = NULL;

  g_assert_false (tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, 0, "x", value,
                                               &error));
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_OBJECT);
  g_clear_error (&error);
  g_assert_false (tranche_document_append_element (doc, TRANCHE_DOCUMENT_ENTITIES, object,
                                                   NULL, &error));
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_ARRAY);
  g_clear_error (&error);
  g_assert_false (tranche_document_set_root_member (doc, "events", value, &error));
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_RESERVED);
  g_clear_error (&error);
  g_assert_false (tranche_document_can_undo (doc));

  none = tranche_document_new_from_bytes (bad, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_JSON);
  g_clear_error (&error);
  none = tranche_document_new_from_bytes (broken, "broken.json", &error);
  g_assert_null (none);
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

/* The problems of one element, for the fields of its form. */
static void
test_element_diagnostics (void)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDiagnostics) one = NULL;
  g_autoptr(TrancheDiagnostics) other = NULL;
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *element = g_strdup_printf ("{\"id\": \"e%u\", \"date\": \"2020\","
                                                  " \"kind\": \"news\", \"title\": \"E\"}", i);

      append (doc, TRANCHE_DOCUMENT_EVENTS, element);
    }
  set (doc, TRANCHE_DOCUMENT_EVENTS, 1, "amount", "{\"value\": \"lots\"}");
  set (doc, TRANCHE_DOCUMENT_EVENTS, 10, "date", "\"2020-13\"");
  dataset = tranche_document_load_dataset (doc, diagnostics, NULL);
  g_assert_nonnull (dataset);
  path = tranche_document_element_path (TRANCHE_DOCUMENT_EVENTS, 1);
  g_assert_cmpstr (path, ==, "events[1]");
  one = tranche_diagnostics_filter_path (diagnostics, path);
  g_assert_cmpuint (tranche_diagnostics_get_length (one), >=, 1);
  for (guint i = 0; i < tranche_diagnostics_get_length (one); i++)
    g_assert_true (g_str_has_prefix (tranche_diagnostics_get (one, i)->path, "events[1]."));
  other = tranche_diagnostics_filter_path (diagnostics, "events[10]");
  g_assert_cmpuint (tranche_diagnostics_get_length (other), >=, 1);
  g_assert_cmpuint (tranche_diagnostics_get_length (one)
                    + tranche_diagnostics_get_length (other), <=,
                    tranche_diagnostics_get_length (diagnostics));
  for (guint i = 0; i < tranche_diagnostics_get_length (other); i++)
    g_assert_true (g_str_has_prefix (tranche_diagnostics_get (other, i)->path, "events[10]"));
}

static void
assert_same_diagnostics (TrancheDiagnostics *a,
                         TrancheDiagnostics *b)
{
  g_assert_cmpuint (tranche_diagnostics_get_length (a), ==, tranche_diagnostics_get_length (b));
  for (guint i = 0; i < tranche_diagnostics_get_length (a); i++)
    {
      g_autofree char *sa = tranche_diagnostic_to_string (tranche_diagnostics_get (a, i), "f");
      g_autofree char *sb = tranche_diagnostic_to_string (tranche_diagnostics_get (b, i), "f");

      g_assert_cmpstr (sa, ==, sb);
    }
}

/* The quick check of one element says what a full load says of it. */
static void
test_check_element (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TrancheDocument) doc = open_document (path);
  g_autoptr(TrancheDiagnostics) full = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  struct { TrancheDocumentArray array; guint index; } cases[] = {
    { TRANCHE_DOCUMENT_EVENTS, 2 },
    { TRANCHE_DOCUMENT_EVENTS, 0 },
    { TRANCHE_DOCUMENT_ENTITIES, 1 },
    { TRANCHE_DOCUMENT_SOURCES, 0 },
  };

  set (doc, TRANCHE_DOCUMENT_EVENTS, 2, "amount", "{\"value\": \"lots\", \"currency\": \"XX\"}");
  set (doc, TRANCHE_DOCUMENT_EVENTS, 2, "date", "\"2021-13\"");
  set (doc, TRANCHE_DOCUMENT_EVENTS, 2, "target", "\"nobody\"");
  set (doc, TRANCHE_DOCUMENT_ENTITIES, 1, "color", "\"green-ish\"");
  set (doc, TRANCHE_DOCUMENT_SOURCES, 0, "published", "\"yesterday\"");
  dataset = tranche_document_load_dataset (doc, full, NULL);
  g_assert_nonnull (dataset);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *prefix = tranche_document_element_path (cases[i].array, cases[i].index);
      g_autoptr(TrancheDiagnostics) expected = tranche_diagnostics_filter_path (full, prefix);
      g_autoptr(TrancheDiagnostics) quick = tranche_document_check_element (doc, cases[i].array,
                                                                            cases[i].index);

      g_test_message ("%s: %u problems", prefix, tranche_diagnostics_get_length (expected));
      if (i != 1)
        g_assert_cmpuint (tranche_diagnostics_get_length (expected), >, 0);
      assert_same_diagnostics (quick, expected);
    }
}

/* A file on one line, and one with CRLF line breaks, keep their style. */
static void
test_file_styles (void)
{
  g_autoptr(TrancheDocument) flat = document_from_string (
    "{\"tranche\":1,\"events\":[{\"id\":\"a\",\"date\":\"2020\",\"kind\":\"news\","
    "\"title\":\"A\"}]}");
  g_autoptr(TrancheDocument) crlf = document_from_string (
    "{\r\n  \"tranche\": 1,\r\n  \"events\": [\r\n    {\r\n      \"id\": \"a\",\r\n"
    "      \"title\": \"A\"\r\n    }\r\n  ]\r\n}\r\n");
  g_autofree char *text = NULL;

  append (flat, TRANCHE_DOCUMENT_EVENTS, "{\"id\": \"b\"}");
  append (flat, TRANCHE_DOCUMENT_ENTITIES, "{\"id\": \"x\"}");
  text = text_of (flat);
  g_assert_cmpstr (text, ==,
                   "{\"tranche\":1,\"entities\": [{\"id\": \"x\"}],\"events\":[{\"id\":\"a\","
                   "\"date\":\"2020\",\"kind\":\"news\",\"title\":\"A\"}, {\"id\": \"b\"}]}");
  append (crlf, TRANCHE_DOCUMENT_EVENTS, "{\"id\": \"b\", \"title\": \"B\"}");
  g_clear_pointer (&text, g_free);
  text = text_of (crlf);
  g_assert_cmpstr (text, ==,
                   "{\r\n  \"tranche\": 1,\r\n  \"events\": [\r\n    {\r\n      \"id\": \"a\",\r\n"
                   "      \"title\": \"A\"\r\n    },\r\n    {\r\n      \"id\": \"b\",\r\n"
                   "      \"title\": \"B\"\r\n    }\r\n  ]\r\n}\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/document/new-empty", test_new_empty);
  g_test_add_func ("/document/build-from-empty", test_build_from_empty);
  g_test_add_func ("/document/edit/amount-one-line", test_edit_amount_one_line);
  g_test_add_func ("/document/edit/same-value", test_same_value_no_change);
  g_test_add_func ("/document/edit/strings", test_strings_escaped);
  g_test_add_func ("/document/edit/numbers", test_numbers);
  g_test_add_func ("/document/edit/remove-member", test_remove_member);
  g_test_add_func ("/document/edit/refusals", test_refusals);
  g_test_add_func ("/document/elements/append", test_append_like_neighbours);
  g_test_add_func ("/document/elements/duplicate", test_duplicate);
  g_test_add_func ("/document/elements/delete", test_delete);
  g_test_add_func ("/document/elements/diagnostics", test_element_diagnostics);
  g_test_add_func ("/document/elements/check", test_check_element);
  g_test_add_func ("/document/styles", test_file_styles);
  g_test_add_func ("/document/undo-redo", test_undo_redo);
  g_test_add_func ("/document/modified", test_modified_follows_saved_state);

  return g_test_run ();
}
