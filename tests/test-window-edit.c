/* test-window-edit.c: building and editing a dataset in the window
 *
 * A dataset made from nothing (an article pasted as a source, an event
 * citing a passage of it, a syndicated round, an undisclosed one), saved,
 * reopened and compared; one amount edited in a copy of the sample, whose
 * file then differs by one line; undo and redo across adds, edits and
 * deletes; unsaved edits recovered by a new window; the file changed on
 * disk under unsaved edits; a save that fails; closing with unsaved edits.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "tranche-element-editor.h"
#include "tranche-elements-dialog.h"
#include "tranche-problems-dialog.h"
#include "tranche-window-edit.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"

#define ARTICLE \
  "Acme raises $40 million from Big Fund\n\n" \
  "Acme, the robotics start-up, said on Tuesday it had raised about 40 million " \
  "dollars in a round led by Big Fund.\n\n" \
  "The company did not say what it was valued at."
#define PASSAGE "raised about 40 million dollars in a round led by Big Fund"

static void
set_text (GtkWidget  *field,
          const char *text)
{
  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
fill_event (TrancheEventEditor *editor,
            const char         *title,
            const char         *date,
            const char         *target,
            guint               form,
            const char         *value)
{
  set_text (tranche_event_editor_get_field (editor, "title"), title);
  set_text (tranche_event_editor_get_field (editor, "date"), date);
  set_text (tranche_event_editor_get_field (editor, "target"), target);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tranche_event_editor_get_field (editor,
                                                                             "amount.form")),
                              form);
  if (value != NULL)
    set_text (tranche_event_editor_get_field (editor, "amount.value"), value);
}

static char *
saved_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
save_and_wait (TrancheWindow *window,
               GFile         *file)
{
  tranche_window_save_to (window, file);
  g_assert_true (tranche_window_is_saving (window));
  wait_for (!tranche_window_is_saving (window));
  gui_test_iterate ();
}

/* The first message dialog shown over `window`, or NULL. */
static AdwMessageDialog *
find_message_dialog (TrancheWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window)
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* What a click on a response button does: the response, then the dialog
 * closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
}

static char *
copy_of_sample (const char *dir)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, NULL);
  char *path = g_build_filename (dir, "sample.json", NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  return path;
}

static TrancheWindow *
open_path (const char *path)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gui_test_open_and_wait (window, file);
  g_assert_nonnull (tranche_window_get_dataset (window));
  return window;
}

static const TrancheEvent *
event_by_id (TrancheWindow *window,
             const char    *id)
{
  TrancheDataset *dataset = tranche_window_get_dataset (window);

  return tranche_dataset_get_event (dataset, gui_test_event_index (dataset, id));
}

static const char *
window_title (TrancheWindow *window)
{
  return gtk_window_get_title (GTK_WINDOW (window));
}

static char *
document_text (TrancheWindow *window)
{
  TrancheDocument *doc = tranche_session_get_document (tranche_window_get_session (window));
  gsize len;
  const char *text = tranche_document_get_text (doc, &len);

  return g_strndup (text, len);
}

static gboolean
match_tooltip (GtkWidget *widget,
               gpointer   data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* The problems dialog's Edit button of one element. */
static gboolean
match_element (GtkWidget *widget,
               gpointer   data)
{
  return gtk_widget_get_visible (widget)
         && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "tranche-element"), data) == 0;
}

static void
test_new_dataset (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "acme.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrancheWindow *window = gui_test_new_window ();
  TrancheWindow *reopened;
  TrancheElementEditor *source_editor;
  TrancheEventEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *found;
  TrancheDataset *dataset;
  const TrancheEvent *ev;
  g_autofree char *text = NULL;
  g_autofree char *problems = NULL;

  tranche_window_new_dataset (window);
  g_assert_nonnull (tranche_window_get_dataset (window));
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, 0);
  /* No empty charts: the window says how to start. */
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "No Events Yet") != NULL);

  /* An article pasted: a source with its text, its headline as title. */
  source_editor = TRANCHE_ELEMENT_EDITOR (tranche_window_paste_article (window, ARTICLE));
  g_assert_nonnull (source_editor);
  g_assert_cmpstr (gtk_editable_get_text
                     (GTK_EDITABLE (tranche_element_editor_get_field (source_editor, "title"))),
                   ==, "Acme raises $40 million from Big Fund");
  set_text (tranche_element_editor_get_field (source_editor, "publisher"), "Tech Daily");
  set_text (tranche_element_editor_get_field (source_editor, "published"), "2024-03-05");
  set_text (tranche_element_editor_get_field (source_editor, "language"), "en");
  problems = tranche_element_editor_check_now (source_editor);
  g_assert_cmpstr (problems, ==, "");

  /* A passage selected in it starts an event that quotes it. */
  buffer = gtk_text_view_get_buffer
             (GTK_TEXT_VIEW (tranche_element_editor_get_field (source_editor, "text")));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, PASSAGE, 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_object_add_weak_pointer (G_OBJECT (source_editor), (gpointer *) &source_editor);
  gtk_widget_activate_action (GTK_WIDGET (source_editor), "editor.quote", NULL);
  wait_for (source_editor == NULL);
  g_assert_cmpuint (tranche_dataset_get_n_sources (tranche_window_get_dataset (window)), ==, 1);

  editor = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (TRANCHE_IS_EVENT_EDITOR (w))
          editor = TRANCHE_EVENT_EDITOR (w);
      }
  }
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text
                     (GTK_EDITABLE (tranche_event_editor_get_field (editor, "sources[0].quote"))),
                   ==, PASSAGE);
  fill_event (editor, "Acme raises $40M", "2024-03-05", "Acme", 1, "40M");
  gtk_switch_set_active (GTK_SWITCH (tranche_event_editor_get_field (editor, "amount.approx")),
                         TRUE);
  tranche_event_editor_add_investor (editor, "Big Fund", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));

  /* A syndicated round: a lead with its share, and two others. */
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Series B", "2024-Q4", "acme", 1, "$120,000,000");
  tranche_event_editor_add_investor (editor, "big-fund", FALSE, NULL);
  tranche_event_editor_add_investor (editor, "Second Capital", FALSE, NULL);
  tranche_event_editor_add_investor (editor, "Third Partners", FALSE, NULL);
  set_text (tranche_event_editor_get_field (editor, "round"), "Series B");
  g_assert_true (tranche_event_editor_apply (editor));

  /* An amount that exists and was not disclosed. */
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Strategic investment", "2025", "acme", 5, NULL);
  tranche_event_editor_add_investor (editor, "Second Capital", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));

  dataset = tranche_window_get_dataset (window);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 3);
  gui_test_iterate ();
  g_assert_null (gui_test_find_shown_label (GTK_WIDGET (window), "No Events Yet"));
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (window),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_true (g_str_has_prefix (window_title (window), "• "));

  save_and_wait (window, file);
  g_assert_null (find_message_dialog (window));
  g_assert_false (g_str_has_prefix (window_title (window), "• "));
  text = saved_text (path);
  g_assert_nonnull (strstr (text, "\"quote\": \"" PASSAGE "\""));
  g_assert_nonnull (strstr (text, "\"disclosed\": false"));
  g_assert_nonnull (strstr (text, "\"id\": \"series-b\""));

  /* Reopened, the file says what the window showed. */
  reopened = open_path (path);
  dataset = tranche_window_get_dataset (reopened);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 3);
  g_assert_cmpuint (tranche_dataset_get_n_entities (dataset), ==, 4);
  g_assert_cmpuint (tranche_dataset_get_n_sources (dataset), ==, 1);
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (reopened),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  ev = tranche_dataset_get_event (dataset, 0);
  g_assert_cmpstr (ev->title, ==, "Acme raises $40M");
  g_assert_cmpuint (ev->n_citations, ==, 1);
  found = tranche_dataset_event_citation (dataset, ev, 0)->quote;
  g_assert_cmpstr (found, ==, PASSAGE);
  g_assert_cmpfloat (ev->amount.value, ==, 40e6);
  ev = tranche_dataset_get_event (dataset, 1);
  g_assert_cmpstr (ev->title, ==, "Series B");
  g_assert_cmpuint (ev->n_investors, ==, 3);
  g_assert_cmpfloat (ev->amount.value, ==, 120e6);
  ev = tranche_dataset_get_event (dataset, 2);
  g_assert_cmpstr (ev->title, ==, "Strategic investment");

  gui_test_destroy_window (reopened);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* The number of lines that differ between two texts of the same length in
 * lines; -1 when the counts differ. */
static int
lines_changed (const char *a,
               const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  int changed = 0;

  if (g_strv_length (la) != g_strv_length (lb))
    return -1;
  for (guint i = 0; la[i] != NULL; i++)
    changed += strcmp (la[i], lb[i]) != 0;
  return changed;
}

static void
test_one_line_diff (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  g_autofree char *before = saved_text (path);
  g_autofree char *after = NULL;
  TrancheWindow *window = open_path (path);
  TrancheDataset *dataset = tranche_window_get_dataset (window);
  TrancheEventEditor *editor;

  editor = tranche_window_edit_event (window, gui_test_event_index (dataset, "msft-2019"));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text
                     (GTK_EDITABLE (tranche_event_editor_get_field (editor, "amount.value"))),
                   ==, "1000000000");
  set_text (tranche_event_editor_get_field (editor, "amount.value"), "1.5B");
  g_assert_true (tranche_event_editor_apply (editor));
  g_assert_cmpfloat (event_by_id (window, "msft-2019")->amount.value, ==, 1.5e9);

  save_and_wait (window, NULL);
  after = saved_text (path);
  g_assert_cmpint (lines_changed (before, after), ==, 1);
  g_assert_nonnull (strstr (after, "1500000000"));

  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}


static void
test_undo_redo (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  g_autofree char *original = saved_text (path);
  g_autofree char *edited = NULL;
  TrancheWindow *window = open_path (path);
  TrancheDataset *dataset = tranche_window_get_dataset (window);
  guint n = tranche_dataset_get_n_events (dataset);
  TrancheEventEditor *editor;

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL)
                  && tranche_session_get_modified (tranche_window_get_session (window)));

  /* add */
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "A new round", "2024-06", "openai", 1, "6.6B");
  tranche_event_editor_add_investor (editor, "microsoft", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, n + 1);
  /* edit */
  editor = tranche_window_edit_event (window, gui_test_event_index (tranche_window_get_dataset
                                                                     (window), "msft-2019"));
  set_text (tranche_event_editor_get_field (editor, "title"), "Renamed");
  g_assert_true (tranche_event_editor_apply (editor));
  /* delete */
  tranche_window_set_selected (window, gui_test_event_index (tranche_window_get_dataset (window),
                                                             "musk-leaves-2018"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-event", NULL);
  dataset = tranche_window_get_dataset (window);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, n);
  g_assert_cmpuint (tranche_dataset_find_event (dataset, "musk-leaves-2018"), >=,
                    tranche_dataset_get_n_events (dataset));
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, ==, "Renamed");
  g_assert_true (g_str_has_prefix (window_title (window), "• "));
  edited = document_text (window);

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    g_autofree char *text = document_text (window);
    g_assert_cmpstr (text, ==, original);
  }
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));
  g_assert_false (g_str_has_prefix (window_title (window), "• "));
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, n);
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, !=, "Renamed");

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  {
    g_autofree char *text = document_text (window);
    g_assert_cmpstr (text, ==, edited);
  }
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, ==, "Renamed");

  /* Nothing was saved: the file is as it was. */
  {
    g_autofree char *text = saved_text (path);
    g_assert_cmpstr (text, ==, original);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

static void
test_live_validation (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  TrancheWindow *window = open_path (path);
  TrancheEventEditor *editor;
  g_autofree char *problems = NULL;
  g_autofree char *none = NULL;
  GtkWidget *date;

  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Bad date", "2023-02-30", "openai", 1, "1B");
  tranche_event_editor_add_investor (editor, "microsoft", FALSE, NULL);
  problems = tranche_event_editor_check_now (editor);
  date = tranche_event_editor_get_field (editor, "date");
  /* The loader's own message, on the field it is about. */
  g_assert_cmpstr (problems, !=, "");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (date), "2023-02-30"));
  g_assert_false (gtk_widget_has_css_class (tranche_event_editor_get_field (editor, "title"),
                                            "error"));
  set_text (date, "2023-02-28");
  none = tranche_event_editor_check_now (editor);
  g_assert_cmpstr (none, ==, "");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  /* Nothing reached the document. */
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));

  /* Applied with an error, the event would leave the charts: Apply says so
   * first, and writes it when pressed again. */
  set_text (date, "2023-02-30");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply", NULL);
  g_assert_nonnull (editor);
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply", NULL);
  g_assert_null (editor);
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (window),
                                               TRANCHE_SEVERITY_ERROR), ==, 1);

  /* Left out of the charts, it is fixed from the problems dialog's Edit. */
  {
    g_autofree char *element = NULL;
    TrancheProblemsDialog *problems_dialog;
    GtkWidget *edit;
    GListModel *toplevels = gtk_window_get_toplevels ();

    g_assert_cmpuint (tranche_dataset_find_event (tranche_window_get_dataset (window),
                                                  "bad-date"), >=,
                      tranche_dataset_get_n_events (tranche_window_get_dataset (window)));
    problems_dialog = tranche_problems_dialog_new (GTK_WINDOW (window), "sample.json",
                                                   tranche_window_get_diagnostics (window));
    gtk_window_present (GTK_WINDOW (problems_dialog));
    element = g_strdup_printf ("events[%d]", tranche_document_find_element
                                 (tranche_session_get_document
                                    (tranche_window_get_session (window)),
                                  TRANCHE_DOCUMENT_EVENTS, "bad-date"));
    wait_for ((edit = gui_test_find_widget (GTK_WIDGET (problems_dialog), GTK_TYPE_BUTTON,
                                            match_element, element)) != NULL);
    g_signal_emit_by_name (edit, "clicked");
    editor = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (TRANCHE_IS_EVENT_EDITOR (w))
          editor = TRANCHE_EVENT_EDITOR (w);
      }
    g_assert_nonnull (editor);
    date = tranche_event_editor_get_field (editor, "date");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2023-02-30");
    set_text (date, "2023-02-28");
    g_assert_true (tranche_event_editor_apply (editor));
    g_assert_cmpstr (event_by_id (window, "bad-date")->title, ==, "Bad date");
    gtk_window_destroy (GTK_WINDOW (problems_dialog));
  }
  /* Back to the file as it is: nothing is left to recover. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));

  /* A new event's amount follows its kind until a figure is typed. */
  editor = tranche_window_edit_event (window, -1);
  g_assert_cmpuint (adw_combo_row_get_selected
                      (ADW_COMBO_ROW (tranche_event_editor_get_field (editor, "amount.form"))),
                    ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tranche_event_editor_get_field (editor, "kind")),
                              5);
  g_assert_cmpuint (adw_combo_row_get_selected
                      (ADW_COMBO_ROW (tranche_event_editor_get_field (editor, "amount.form"))),
                    ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

static void
edit_title (TrancheWindow *window,
            const char    *id,
            const char    *title)
{
  TrancheEventEditor *editor =
    tranche_window_edit_event (window, gui_test_event_index (tranche_window_get_dataset (window),
                                                             id));
  set_text (tranche_event_editor_get_field (editor, "title"), title);
  g_assert_true (tranche_event_editor_apply (editor));
}

static void
test_recovery (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  g_autofree char *original = saved_text (path);
  TrancheWindow *window = open_path (path);
  TrancheDocument *doc;
  AdwMessageDialog *dialog;

  edit_title (window, "msft-2019", "Recovered title");
  /* What the timer does a few seconds after the change; then the app
   * "dies" (the window goes without asking). */
  doc = tranche_session_get_document (tranche_window_get_session (window));
  g_assert_true (tranche_document_write_recovery (doc, NULL));
  gui_test_destroy_window (window);
  {
    g_autofree char *text = saved_text (path);
    g_assert_cmpstr (text, ==, original);
  }

  window = open_path (path);
  wait_for ((dialog = find_message_dialog (window)) != NULL);
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, !=, "Recovered title");
  respond (dialog, "restore");
  gui_test_iterate ();
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, ==, "Recovered title");
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));
  g_assert_true (g_str_has_prefix (window_title (window), "• "));

  /* Saved, there is nothing left to recover. */
  save_and_wait (window, NULL);
  gui_test_destroy_window (window);
  window = open_path (path);
  gui_test_iterate ();
  g_assert_null (find_message_dialog (window));
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, ==, "Recovered title");
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* A new dataset never saved, after a crash: offered when the app starts. */
static void
test_recovery_unnamed (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheEventEditor *editor;
  TrancheDocument *doc;
  AdwMessageDialog *dialog;
  g_autofree char *kept = g_build_filename (g_get_user_state_dir (), "tranche", "recovery",
                                            NULL);

  /* Only what this test keeps: other tests' windows may have left some. */
  gui_test_remove_dir (kept);
  tranche_window_new_dataset (window);
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Never saved", "2024", "acme", 5, NULL);
  tranche_event_editor_add_investor (editor, "Big Fund", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));
  doc = tranche_session_get_document (tranche_window_get_session (window));
  g_assert_true (tranche_document_write_recovery (doc, NULL));
  gui_test_destroy_window (window);

  window = gui_test_new_window ();
  tranche_window_offer_recoveries (window);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  respond (dialog, "restore");
  g_assert_nonnull (tranche_window_get_dataset (window));
  g_assert_cmpstr (event_by_id (window, "never-saved")->title, ==, "Never saved");
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));
  g_assert_null (tranche_window_get_file (window));

  /* Discarded as the window closes, it is not offered again. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_for ((dialog = find_message_dialog (window)) != NULL);
  respond (dialog, "discard");
  wait_for (window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)));
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
  window = gui_test_new_window ();
  tranche_window_offer_recoveries (window);
  g_assert_null (find_message_dialog (window));
  gui_test_destroy_window (window);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  g_autofree char *original = saved_text (path);
  g_autofree char *other = NULL;
  TrancheWindow *window = open_path (path);

  edit_title (window, "msft-2019", "My unsaved title");
  {
    /* someone else retitles the dataset */
    GString *s = g_string_new (original);
    g_string_replace (s, "\"title\": \"Microsoft", "\"title\": \"Theirs: Microsoft", 1);
    other = g_string_free (s, FALSE);
  }
  gui_test_write_file (path, other, TRUE);
  wait_for (tranche_window_get_disk_notice (window) != NULL);
  /* the edits are kept, and shown */
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, ==, "My unsaved title");
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.disk-keep", NULL);
  g_assert_null (tranche_window_get_disk_notice (window));
  g_assert_cmpstr (event_by_id (window, "msft-2019")->title, ==, "My unsaved title");

  /* Again, and this time the analyst takes the file from disk. */
  gui_test_write_file (path, original, FALSE);
  wait_for (tranche_window_get_disk_notice (window) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.disk-reload", NULL);
  wait_for (!tranche_window_is_loading (window)
            && g_strcmp0 (event_by_id (window, "msft-2019")->title, "My unsaved title") != 0);
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));
  g_assert_null (tranche_window_get_disk_notice (window));

  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

static void
test_save_fails (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *readonly = g_build_filename (dir, "read-only", NULL);
  g_autofree char *target = NULL;
  g_autoptr(GFile) file = NULL;
  TrancheWindow *window = gui_test_new_window ();
  TrancheEventEditor *editor;
  AdwMessageDialog *dialog;

  tranche_window_new_dataset (window);
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Unsaved", "2024", "acme", 1, "1M");
  tranche_event_editor_add_investor (editor, "Big Fund", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));

  /* A read-only folder refuses everyone but root; a path through a file
   * refuses root too. */
  g_assert_cmpint (g_mkdir (readonly, 0555), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  target = geteuid () == 0 ? g_build_filename (blocker, "acme.json", NULL)
                           : g_build_filename (readonly, "acme.json", NULL);
  file = g_file_new_for_path (target);
  save_and_wait (window, file);
  wait_for ((dialog = find_message_dialog (window)) != NULL);
  /* It says why, and keeps the edits. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), target));
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, 1);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  respond (dialog, "close");
  gui_test_iterate ();

  g_chmod (readonly, 0755);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
  gui_test_remove_dir (dir);
}

static void
test_close_asks (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheEventEditor *editor;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  tranche_window_new_dataset (window);
  /* Nothing to lose: closes at once (checked last) */
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Unsaved", "2024", "acme", 1, "1M");
  tranche_event_editor_add_investor (editor, "Big Fund", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));

  gtk_window_close (GTK_WINDOW (window));
  wait_for ((dialog = find_message_dialog (window)) != NULL);
  g_assert_nonnull (window);
  respond (dialog, "cancel");
  gui_test_iterate ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  wait_for ((dialog = find_message_dialog (window)) != NULL);
  respond (dialog, "discard");
  wait_for (window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)));
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

#define WITH_TEXT \
  "{\n" \
  "  \"tranche\": 1,\n" \
  "  \"entities\": [{\"id\": \"microsoft\", \"name\": \"Microsoft\"}],\n" \
  "  \"sources\": [{\"id\": \"a\", \"title\": \"A\", \"text\": \"" ARTICLE_ONE_LINE "\"}],\n" \
  "  \"events\": [\n" \
  "    {\"id\": \"msft-2019\", \"date\": \"2019\", \"title\": \"One\",\n" \
  "     \"investors\": [\"microsoft\"], \"target\": \"openai\", \"amount\": 1000000000,\n" \
  "     \"sources\": [{\"source\": \"a\", \"quote\": \"a billion dollars\"}]}\n" \
  "  ]\n" \
  "}\n"
#define ARTICLE_ONE_LINE \
  "Microsoft put a billion dollars into OpenAI in 2019, and more in the years after."

static void
test_cite_from_panel (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "text.json", NULL);
  TrancheWindow *window;
  TrancheDataset *dataset;
  guint index, before;
  const TrancheEvent *ev;
  TrancheSourcePanel *panel;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  gui_test_write_file (path, WITH_TEXT, FALSE);
  window = open_path (path);
  dataset = tranche_window_get_dataset (window);
  index = gui_test_event_index (dataset, "msft-2019");
  before = tranche_dataset_get_event (dataset, index)->n_citations;
  panel = tranche_window_get_source_panel (window);

  tranche_window_set_selected (window, index);
  gui_test_iterate ();
  view = gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 30);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cite-selection", NULL);
  dataset = tranche_window_get_dataset (window);
  ev = event_by_id (window, "msft-2019");
  g_assert_cmpuint (ev->n_citations, ==, before + 1);
  g_assert_cmpstr (tranche_dataset_event_citation (dataset, ev, before)->quote, ==,
                   "Microsoft put a billion dollar");
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (event_by_id (window, "msft-2019")->n_citations, ==, before);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* A lead and a share are written as FORMAT.md's Participant, and read back
 * into the form. */
static void
test_participants (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheDocument *doc;
  TrancheEventEditor *editor;
  g_autofree char *text = NULL;
  GtkWidget *share;

  tranche_window_new_dataset (window);
  editor = tranche_window_edit_event (window, -1);
  fill_event (editor, "Seed", "2020", "acme", 1, "2M");
  tranche_event_editor_add_investor (editor, "Big Fund", TRUE, "1.5M");
  tranche_event_editor_add_investor (editor, "Angel", FALSE, NULL);
  g_assert_true (tranche_event_editor_apply (editor));
  text = document_text (window);
  g_assert_nonnull (strstr (text, "\"investors\": [{\"id\": \"big-fund\", \"lead\": true, "
                                  "\"amount\": 1500000}, \"angel\"]"));

  doc = tranche_session_get_document (tranche_window_get_session (window));
  editor = tranche_event_editor_new (GTK_WINDOW (window), tranche_window_get_session (window),
                                     tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS,
                                                                    "seed"));
  share = tranche_event_editor_get_field (editor, "investors[0].amount");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (share)), ==, "1500000");
  g_assert_true (gtk_check_button_get_active
                   (GTK_CHECK_BUTTON (tranche_event_editor_get_field (editor,
                                                                      "investors[0].lead"))));
  g_assert_cmpstr (gtk_editable_get_text
                     (GTK_EDITABLE (tranche_event_editor_get_field (editor, "investors[1]"))),
                   ==, "angel");
  gtk_window_destroy (GTK_WINDOW (editor));
  tranche_session_set_document (tranche_window_get_session (window), NULL);
  gui_test_destroy_window (window);
}

/* The list of entities and sources: duplicate and delete, each one undo
 * step, and the list follows. */
static void
test_elements_dialog (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  TrancheWindow *window = open_path (path);
  TrancheDocument *doc;
  GtkWidget *dialog = NULL;
  GtkWidget *button;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-elements", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (TRANCHE_IS_ELEMENTS_DIALOG (w))
        dialog = w;
    }
  g_assert_nonnull (dialog);
  doc = tranche_session_get_document (tranche_window_get_session (window));
  n = tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_ENTITIES);
  g_assert_cmpuint (tranche_dataset_get_n_entities (tranche_window_get_dataset (window)), ==, n);

  button = gui_test_find_widget (dialog, GTK_TYPE_BUTTON, match_tooltip, (gpointer) "Duplicate");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_ENTITIES), ==, n + 1);
  g_assert_cmpuint (tranche_dataset_get_n_entities (tranche_window_get_dataset (window)), ==,
                    n + 1);
  /* the list was made again: its first Delete is the first entity's */
  button = gui_test_find_widget (dialog, GTK_TYPE_BUTTON, match_tooltip, (gpointer) "Delete");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_ENTITIES), ==, n);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* A file of more than a megabyte is read again in a worker thread after an
 * edit; the window shows the edit once it is read. */
static void
test_big_file (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  GString *json = g_string_new ("{\n  \"tranche\": 1,\n  \"events\": [\n");
  TrancheEventEditor *editor;
  GtkWidget *date;
  TrancheWindow *window;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (json, "    {\"id\": \"e%u\", \"date\": \"%u\", \"kind\": \"news\", "
                            "\"title\": \"Event number %u, with a longer title\"}%s\n",
                            i, 1990 + i % 30, i, i + 1 < 12000 ? "," : "");
  g_string_append (json, "  ]\n}\n");
  g_assert_cmpuint (json->len, >, 1024 * 1024);
  text = g_string_free (json, FALSE);
  gui_test_write_file (path, text, FALSE);
  window = open_path (path);

  edit_title (window, "e42", "Retitled in a big file");
  /* Not read yet: the reading ends in the main loop, which has not run. */
  g_assert_cmpstr (event_by_id (window, "e42")->title, !=, "Retitled in a big file");
  wait_for (g_strcmp0 (event_by_id (window, "e42")->title, "Retitled in a big file") == 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, 12000);

  /* Its live checks run in a worker thread too, and still mark the field. */
  editor = tranche_window_edit_event (window, gui_test_event_index
                                                (tranche_window_get_dataset (window), "e7"));
  date = tranche_event_editor_get_field (editor, "date");
  set_text (date, "2023-02-30");
  wait_for (gtk_widget_has_css_class (date, "error"));
  set_text (date, "2023-02-28");
  wait_for (!gtk_widget_has_css_class (date, "error"));
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* A passage of a pasted article cited for the event selected in the
 * window: the source is added, then the citation. */
static void
test_cite_pasted_article (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = copy_of_sample (dir);
  TrancheWindow *window = open_path (path);
  TrancheDataset *dataset = tranche_window_get_dataset (window);
  guint before;
  TrancheElementEditor *source_editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const TrancheEvent *ev;

  tranche_window_set_selected (window, gui_test_event_index (dataset, "msft-2019"));
  before = event_by_id (window, "msft-2019")->n_citations;
  source_editor = TRANCHE_ELEMENT_EDITOR (tranche_window_paste_article (window, ARTICLE));
  buffer = gtk_text_view_get_buffer
             (GTK_TEXT_VIEW (tranche_element_editor_get_field (source_editor, "text")));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, PASSAGE, 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_object_add_weak_pointer (G_OBJECT (source_editor), (gpointer *) &source_editor);
  gtk_widget_activate_action (GTK_WIDGET (source_editor), "editor.cite", NULL);
  wait_for (source_editor == NULL);

  dataset = tranche_window_get_dataset (window);
  ev = event_by_id (window, "msft-2019");
  g_assert_cmpuint (tranche_dataset_get_n_sources (dataset), ==, 2);
  g_assert_cmpuint (ev->n_citations, ==, before + 1);
  g_assert_cmpstr (tranche_dataset_event_citation (dataset, ev, before)->quote, ==, PASSAGE);
  g_assert_cmpstr (tranche_dataset_event_citation (dataset, ev, before)->source_id, ==,
                   "acme-raises-40-million-from-big-fund");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (tranche_session_get_modified (tranche_window_get_session (window)));
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
  g_test_add_func ("/window-edit/new-dataset", test_new_dataset);
  g_test_add_func ("/window-edit/participants", test_participants);
  g_test_add_func ("/window-edit/one-line-diff", test_one_line_diff);
  g_test_add_func ("/window-edit/undo-redo", test_undo_redo);
  g_test_add_func ("/window-edit/live-validation", test_live_validation);
  g_test_add_func ("/window-edit/recovery", test_recovery);
  g_test_add_func ("/window-edit/recovery-unnamed", test_recovery_unnamed);
  g_test_add_func ("/window-edit/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window-edit/save-fails", test_save_fails);
  g_test_add_func ("/window-edit/close-asks", test_close_asks);
  g_test_add_func ("/window-edit/cite-from-panel", test_cite_from_panel);
  g_test_add_func ("/window-edit/cite-pasted-article", test_cite_pasted_article);
  g_test_add_func ("/window-edit/entities-and-sources", test_elements_dialog);
  g_test_add_func ("/window-edit/big-file", test_big_file);
  return g_test_run ();
}
