/* test-window-review.c: new events from an article, reviewed in the window
 *
 * A fixture article opened in the review over a dataset that already names
 * its company: the drafts land in the dataset as drafts, selecting one
 * highlights its sentence, two are accepted, one rejected and the rest
 * rejected all at once; the file is saved, reopened and compared: two
 * events, no draft left, each citing a verbatim passage of the article,
 * which is a source with its language and publication date, and the
 * company matched to the dataset's entity instead of made again.
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "tranche-article-review.h"
#include "tranche-window-edit.h"

#define DATASET \
  "{\n" \
  "  \"tranche\": 1,\n" \
  "  \"title\": \"Warehouse robots\",\n" \
  "  \"entities\": [\n" \
  "    {\"id\": \"helios\", \"name\": \"Helios Robotics\", \"kind\": \"company\"}\n" \
  "  ],\n" \
  "  \"events\": []\n" \
  "}\n"

static char *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "articles",
                                                 "helios-en.txt", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static TrancheArticleReview *
find_review (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TRANCHE_IS_ARTICLE_REVIEW (window))
        return TRANCHE_ARTICLE_REVIEW (window);
    }
  return NULL;
}

static char *
selected_passage (TrancheArticleReview *review)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (tranche_article_review_get_text_view (review));
  GtkTextIter start, end;

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_confidence_label (GtkWidget *widget,
                     gpointer   data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));

  return g_str_has_suffix (text, data);
}

/* Every event of the document is a draft. */
static void
assert_all_drafts (TrancheDocument *doc)
{
  for (guint i = 0; i < tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS); i++)
    {
      g_autoptr(JsonNode) node = tranche_document_dup_element (doc, TRANCHE_DOCUMENT_EVENTS, i);

      g_assert_true (json_object_get_boolean_member_with_default (json_node_get_object (node),
                                                                  "draft", FALSE));
    }
}

static void
check_saved (const char *path,
             const char *article,
             const char *passage0,
             const char *passage1)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *source;
  JsonArray *events, *entities, *sources;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  events = json_object_get_array_member (root, "events");
  entities = json_object_get_array_member (root, "entities");
  sources = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (events), ==, 2);
  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  source = json_array_get_object_element (sources, 0);
  g_assert_cmpstr (json_object_get_string_member (source, "text"), ==, article);
  g_assert_cmpstr (json_object_get_string_member (source, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (source, "published"), ==, "2024-03-15");
  g_assert_cmpstr (json_object_get_string_member (source, "title"), ==, "helios-en.txt");
  /* the company is the dataset's, not a second one */
  for (guint i = 0; i < json_array_get_length (entities); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entities, i),
                                                    "name"), !=, "Helios Robotics (2)");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entities, 0),
                                                  "id"), ==, "helios");
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      JsonArray *citations = json_object_get_array_member (event, "sources");
      JsonObject *citation = json_array_get_object_element (citations, 0);
      const char *quote = json_object_get_string_member (citation, "quote");

      g_assert_false (json_object_has_member (event, "draft"));
      g_assert_false (json_object_has_member (event, "confidence"));
      g_assert_cmpstr (json_object_get_string_member (event, "target"), ==, "helios");
      g_assert_cmpstr (json_object_get_string_member (citation, "source"), ==,
                       json_object_get_string_member (source, "id"));
      g_assert_nonnull (strstr (article, quote));
      g_assert_cmpstr (quote, ==, i == 0 ? passage0 : passage1);
    }
}

static void
test_review (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "robots.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *article = read_fixture ();
  g_autofree char *passage0 = NULL;
  g_autofree char *passage1 = NULL;
  TrancheWindow *window = gui_test_new_window ();
  TrancheWindow *reopened;
  TrancheArticleReview *review;
  TrancheDocument *doc;
  guint n;

  gui_test_write_file (path, DATASET, FALSE);
  gui_test_open_and_wait (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-events-from-article",
                                             NULL));
  review = find_review ();
  g_assert_nonnull (review);
  doc = tranche_session_get_document (tranche_window_get_session (window));
  g_assert_nonnull (doc);

  /* "on Tuesday" needs the publication date: asked for, nothing added */
  tranche_article_review_set_article (review, article, "helios-en.txt");
  g_assert_false (tranche_article_review_find_events (review));
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, 0);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (review),
                                       "Some dates in this article are relative to "
                                       "when it was published (“earlier this year”, "
                                       "“last year”): give its publication date.") != NULL);

  tranche_article_review_set_published (review, "2024-03-15");
  g_assert_true (tranche_article_review_find_events (review));
  n = tranche_article_review_get_n_drafts (review);
  g_assert_cmpuint (n, >=, 4);
  /* unreviewed drafts are in the dataset, as drafts */
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, n);
  assert_all_drafts (doc);
  wait_for (tranche_window_get_dataset (window) != NULL
            && tranche_dataset_get_n_events (tranche_window_get_dataset (window)) == n);
  /* and with nothing for the problems bar to warn about */
  g_assert_cmpuint (tranche_diagnostics_get_length (tranche_window_get_diagnostics (window)),
                    ==, 0);

  /* each row says how sure the extractor is, from the extraction (the
   * member is not written into the file) */
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (review), GTK_TYPE_LABEL,
                                          is_confidence_label, "% sure"));
  g_assert_null (gui_test_find_widget (GTK_WIDGET (review), GTK_TYPE_LABEL,
                                       is_confidence_label, " 0% sure"));

  /* selecting a draft selects its sentence in the article */
  tranche_article_review_select (review, 1);
  passage1 = selected_passage (review);
  g_assert_nonnull (strstr (article, passage1));
  tranche_article_review_select (review, 0);
  passage0 = selected_passage (review);
  g_assert_nonnull (strstr (passage0, "$85 million"));

  /* Ctrl+Return's action accepts the selected draft */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.accept", NULL));
  g_assert_false (tranche_article_review_accept (review, 0));  /* done already */
  /* the next draft is selected, and Ctrl+Return's action accepts it */
  {
    g_autofree char *next = selected_passage (review);

    g_assert_cmpstr (next, ==, passage1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.accept", NULL));
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, n);
  g_assert_false (tranche_article_review_accept (review, 1));  /* done already */
  g_assert_true (tranche_article_review_reject (review, 2));
  g_assert_false (tranche_article_review_accept (review, 2));
  /* an undo brings the rejected draft back, to review again */
  tranche_document_undo (doc);
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, n);
  g_assert_true (tranche_article_review_reject (review, 2));
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, n - 1);
  tranche_article_review_reject_all (review);
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), ==, 2);
  gtk_window_destroy (GTK_WINDOW (review));

  tranche_window_save_to (window, file);
  wait_for (!tranche_window_is_saving (window));
  gui_test_iterate ();
  check_saved (path, article, passage0, passage1);

  reopened = gui_test_new_window ();
  gui_test_open_and_wait (reopened, file);
  g_assert_nonnull (tranche_window_get_dataset (reopened));
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (reopened)), ==, 2);
  g_assert_cmpuint (tranche_diagnostics_get_length (tranche_window_get_diagnostics (reopened)),
                    ==, 0);

  gui_test_destroy_window (reopened);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* An HTML page opened as the article is read as its text. */
static void
test_html (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "robots.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrancheWindow *window = gui_test_new_window ();
  TrancheArticleReview *review;
  TrancheDocument *doc;
  g_autoptr(JsonNode) source = NULL;

  gui_test_write_file (path, DATASET, FALSE);
  gui_test_open_and_wait (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-events-from-article",
                                             NULL));
  review = find_review ();
  tranche_article_review_set_article (review,
                                      "<html><head><script>x = '$9 billion in 2020';</script>"
                                      "</head><body><h1>Helios</h1><p>Helios Robotics raised "
                                      "&dollar;12 million in 2019, a round led by "
                                      "Northwind&nbsp;Capital.</p></body></html>", NULL);
  g_assert_true (tranche_article_review_find_events (review));
  g_assert_cmpuint (tranche_article_review_get_n_drafts (review), ==, 1);
  doc = tranche_session_get_document (tranche_window_get_session (window));
  source = tranche_document_dup_element (doc, TRANCHE_DOCUMENT_SOURCES, 0);
  g_assert_null (strstr (json_object_get_string_member (json_node_get_object (source), "text"),
                         "<"));
  g_assert_null (strstr (json_object_get_string_member (json_node_get_object (source), "text"),
                         "$9 billion"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (source), "title"), ==,
                   "Helios");
  gtk_window_destroy (GTK_WINDOW (review));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add_func ("/window-review/accept-reject-save", test_review);
  g_test_add_func ("/window-review/html", test_html);
  return g_test_run ();
}
