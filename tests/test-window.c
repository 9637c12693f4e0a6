/* test-window.c: the main window as an analyst uses it, on a (virtual) display
 *
 * Open the sample and a file, select an event and find its quote highlighted
 * in the source panel, filter the table and the timeline, and reload a file
 * that changes on disk, then one that breaks. Files are written into a
 * temporary folder at test time; the full-text case copies a short article
 * from tests/fixtures/window.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "tranche-event-item.h"
#include "tranche-preferences-window.h"
#include "tranche-settings.h"

#define PASSAGE_2019 "investissements précédents de Microsoft de 1 milliard de dollars en 2019"

/* A small dataset in the sample's spirit. The 2019 quote has doubled spaces
 * and a line break: the panel must still find it in the article. `source`
 * is inserted as the source's last members (e.g. a text_file). */
static char *
fixture_json (const char *source,
              gboolean    with_2020)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json,
    "{\n"
    "  \"tranche\": 1,\n"
    "  \"title\": \"Fixture\",\n"
    "  \"entities\": [\n"
    "    {\"id\": \"microsoft\", \"name\": \"Microsoft\", \"kind\": \"investor\"},\n"
    "    {\"id\": \"openai\", \"name\": \"OpenAI\"},\n"
    "    {\"id\": \"elon-musk\", \"name\": \"Elon Musk\", \"kind\": \"person\"}\n"
    "  ],\n"
    "  \"sources\": [\n"
    "    {\"id\": \"article\", \"title\": \"L’article\", \"language\": \"fr\"%s%s}\n"
    "  ],\n"
    "  \"events\": [\n"
    "    {\"id\": \"musk-leaves-2018\", \"date\": \"2018\", \"kind\": \"news\",\n"
    "     \"title\": \"Elon Musk leaves OpenAI\", \"target\": \"elon-musk\"},\n"
    "    {\"id\": \"msft-2019\", \"date\": \"2019\",\n"
    "     \"title\": \"Microsoft invests $1B in OpenAI\",\n"
    "     \"investors\": [\"microsoft\"], \"target\": \"openai\", \"amount\": 1000000000,\n"
    "     \"sources\": [{\"source\": \"article\", \"quote\":\n"
    "       \"investissements  précédents\\nde Microsoft de 1 milliard de dollars en 2019\"}]},\n"
    "%s"
    "    {\"id\": \"msft-2021\", \"date\": \"2021\", \"title\": \"Another tranche\",\n"
    "     \"investors\": [\"microsoft\"], \"target\": \"openai\",\n"
    "     \"amount\": {\"disclosed\": false},\n"
    "     \"sources\": [{\"source\": \"article\",\n"
    "                  \"quote\": \"et d’une autre tranche en 2021\"}]},\n"
    "    {\"id\": \"msft-2023\", \"date\": \"2023-01-23\", \"title\": \"Multi-year investment\",\n"
    "     \"investors\": [\"microsoft\"], \"target\": \"openai\", \"amount\": 10000000000}\n"
    "  ]\n"
    "}\n",
    source ? ", " : "", source ? source : "",
    with_2020
      ? "    {\"id\": \"msft-2020\", \"date\": \"2020-06\", \"title\": \"An event added later\",\n"
        "     \"investors\": [\"microsoft\"], \"target\": \"openai\", \"amount\": 5e8},\n"
      : "");
  return g_string_free (json, FALSE);
}

/* A folder holding dataset.json (and the article, when `with_article`). */
static char *
make_fixture (gboolean with_article)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *json_path = g_build_filename (dir, "dataset.json", NULL);
  g_autofree char *json = NULL;

  if (with_article)
    {
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "window",
                                                        "article-fr.txt", NULL);
      g_autofree char *text = NULL;
      g_autofree char *copy = g_build_filename (dir, "article-fr.txt", NULL);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (fixture, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, PASSAGE_2019));
      gui_test_write_file (copy, text, TRUE);
    }
  json = fixture_json (with_article ? "\"text_file\": \"article-fr.txt\"" : NULL, FALSE);
  gui_test_write_file (json_path, json, TRUE);
  return g_steal_pointer (&dir);
}

static GFile *
fixture_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "dataset.json", NULL);

  return g_file_new_for_path (path);
}

static guint
n_rows (TrancheWindow *window)
{
  TrancheEventTable *table = tranche_window_get_table (window);

  return g_list_model_get_n_items (tranche_event_table_get_rows (table));
}

/* The header's subtitle: the open file's name. */
static const char *
subtitle (TrancheWindow *window)
{
  return adw_window_title_get_subtitle (gui_test_get_window_title (window));
}

/* Whether the filter bar says how many events show, as `text`. */
static gboolean
shows_count (TrancheWindow *window,
             const char    *text)
{
  return gui_test_find_shown_label (GTK_WIDGET (window), text) != NULL;
}

/* Whether the timeline's last frame draws this event (a marker of its own or
 * in a cluster). */
static gboolean
timeline_draws (TrancheWindow *window,
                guint          event)
{
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  TrancheTimelineLayout *layout = tranche_timeline_view_get_layout (timeline);
  TrancheTimelineHit hit;

  return tranche_timeline_layout_find_event (layout, event, &hit);
}

static gboolean
contains_text (GtkWidget *widget,
               gpointer   text)
{
  return strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The problems bar: the revealer around the label that says `text`. */
static GtkRevealer *
problems_bar (TrancheWindow *window,
              const char    *text)
{
  GtkWidget *label = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, contains_text,
                                           (gpointer) text);

  return label ? GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)) : NULL;
}

/* Open */

static void
test_open_sample (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheDataset *ds;

  g_assert_null (tranche_window_get_dataset (window));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Open the Sample") != NULL);
  /* As the empty state's button and the menu do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  ds = tranche_window_get_dataset (window);
  g_assert_nonnull (ds);
  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, 13);
  g_assert_null (tranche_window_get_file (window));
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (window),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Microsoft and OpenAI");
  /* The header names the dataset, and where it comes from. */
  g_assert_cmpstr (adw_window_title_get_title (gui_test_get_window_title (window)), ==,
                   "Microsoft and OpenAI");
  g_assert_cmpstr (subtitle (window), ==, "Sample dataset");
  wait_for (shows_count (window, "13 events"));
  g_assert_cmpuint (n_rows (window), ==, 13);
  g_assert_cmpint (tranche_window_get_selected (window), ==, -1);
  /* The empty state goes (after the stack's transition). */
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Open the Sample") == NULL);

  /* The timeline fits the whole dataset at first show. */
  gui_test_wait_frames (GTK_WIDGET (tranche_window_get_timeline (window)), 2);
  for (guint i = 0; i < 13; i++)
    g_assert_true (timeline_draws (window, i));
  gui_test_destroy_window (window);
}

static void
test_open_file (void)
{
  g_autofree char *dir = make_fixture (FALSE);
  g_autoptr(GFile) file = fixture_file (dir);
  TrancheWindow *window = gui_test_new_window ();
  TrancheDataset *ds;
  const char *tooltip;

  gui_test_open_and_wait (window, file);
  ds = tranche_window_get_dataset (window);
  g_assert_nonnull (ds);
  g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, 4);
  g_assert_true (g_file_equal (tranche_window_get_file (window), file));
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (window),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Fixture");
  g_assert_cmpstr (adw_window_title_get_title (gui_test_get_window_title (window)), ==,
                   "Fixture");
  g_assert_cmpstr (subtitle (window), ==, "dataset.json");
  /* Its tooltip says where the file is (and the whole title, when cut). */
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (gui_test_get_window_title (window)));
  g_assert_nonnull (strstr (tooltip, dir));
  wait_for (shows_count (window, "4 events"));
  g_assert_cmpuint (n_rows (window), ==, 4);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

static void
test_open_missing (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "nothing-here.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrancheWindow *window = gui_test_new_window ();
  GtkRevealer *bar;

  gui_test_open_and_wait (window, file);
  g_assert_null (tranche_window_get_dataset (window));
  g_assert_nonnull (tranche_window_get_diagnostics (window));
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (window),
                                               TRANCHE_SEVERITY_ERROR), >, 0);
  /* the system's reason, not a vaguer one */
  g_assert_nonnull (strstr (tranche_diagnostics_get (tranche_window_get_diagnostics (window),
                                                     0)->message,
                            g_strerror (ENOENT)));
  bar = problems_bar (window, "nothing-here.json could not be opened");
  g_assert_nonnull (bar);
  wait_for (gtk_revealer_get_child_revealed (bar));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* Feeds a named pipe: every time a reader opens it, writes `text` and
 * closes, until told to stop. A load of the pipe is held in open() until
 * then, however fast the machine. */
typedef struct
{
  const char *path;
  const char *text;
  gint        stop;
  gint        served;
} PipeFeeder;

static gpointer
feed_pipe_thread (gpointer data)
{
  PipeFeeder *feeder = data;

  while (!g_atomic_int_get (&feeder->stop))
    {
      /* without a reader this fails at once (ENXIO) */
      int fd = open (feeder->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      gsize left = strlen (feeder->text);
      const char *p = feeder->text;

      if (fd < 0)
        {
          g_usleep (1000);
          continue;
        }
      /* blocking writes: the reader may take its time */
      fcntl (fd, F_SETFL, 0);
      while (left > 0)
        {
          gssize n = write (fd, p, left);
          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;  /* the reader closed early (EPIPE): it only looked */
          p += n;
          left -= n;
        }
      close (fd);
      g_atomic_int_inc (&feeder->served);
    }
  return NULL;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while: long enough for a load of a small file
 * that was let go to report back, were the window still listening. */
static void
run_main_loop_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  wait_for (done);
}

/* A load held until cancelled: the window says what it is opening, Cancel
 * stops it, and what the load reads afterwards never arrives. */
static void
test_open_cancel (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = fixture_json (NULL, FALSE);
  PipeFeeder feeder = { .path = path, .text = json };
  TrancheWindow *window = gui_test_new_window ();
  GThread *thread;

  /* the feeder writes to readers that may close first */
  signal (SIGPIPE, SIG_IGN);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  tranche_window_open_file (window, file);
  g_assert_true (tranche_window_is_loading (window));
  /* The load outlives the progress delay: its page replaces the empty one
   * (after the stack's transition). */
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Opening big.json") != NULL);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Open the Sample") == NULL);
  g_assert_true (tranche_window_is_loading (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  g_assert_false (tranche_window_is_loading (window));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Open the Sample") != NULL);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Open the Sample") != NULL);

  /* Now let the load read a good dataset: it must not arrive. */
  thread = g_thread_new ("feed-pipe", feed_pipe_thread, &feeder);
  wait_for (g_atomic_int_get (&feeder.served) > 0);
  run_main_loop_ms (300);
  g_atomic_int_set (&feeder.stop, TRUE);
  g_thread_join (thread);
  run_main_loop_ms (200);
  g_assert_null (tranche_window_get_dataset (window));
  g_assert_null (tranche_window_get_diagnostics (window));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Open the Sample") != NULL);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* GObject may dispose an object more than once; the window's dispose must
 * cope, also with a load still running (its template children are gone by
 * the second time). */
static void
test_dispose_twice (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "held.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = fixture_json (NULL, FALSE);
  PipeFeeder feeder = { .path = path, .text = json };
  TrancheWindow *window = gui_test_new_window ();
  GThread *thread;

  signal (SIGPIPE, SIG_IGN);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  tranche_window_open_sample (window);
  tranche_window_open_file (window, file);
  g_assert_true (tranche_window_is_loading (window));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_run_dispose (G_OBJECT (window));
  g_assert_false (tranche_window_is_loading (window));
  g_assert_nonnull (tranche_window_get_dataset (window));

  /* the held load ends, and reports to no one */
  thread = g_thread_new ("feed-pipe", feed_pipe_thread, &feeder);
  wait_for (g_atomic_int_get (&feeder.served) > 0);
  run_main_loop_ms (200);
  g_atomic_int_set (&feeder.stop, TRUE);
  g_thread_join (thread);
  run_main_loop_ms (100);
  g_object_unref (window);
  gui_test_remove_dir (dir);
}

/* Select */

static void
test_select_highlights_quote (void)
{
  g_autofree char *dir = make_fixture (TRUE);
  g_autoptr(GFile) file = NULL;
  g_autofree char *highlighted = NULL;
  TrancheWindow *window;
  TrancheSourcePanel *panel;
  TrancheDataset *ds;
  GtkWidget *article;
  GtkTextBuffer *buffer;
  GtkTextIter start, match;
  guint event;

  file = fixture_file (dir);
  window = gui_test_new_window ();
  panel = tranche_window_get_source_panel (window);
  gui_test_open_and_wait (window, file);
  ds = tranche_window_get_dataset (window);
  g_assert_nonnull (ds);
  g_assert_nonnull (tranche_dataset_get_source (ds, 0)->text);
  event = gui_test_event_index (ds, "msft-2019");

  /* Picked in the table, as a click on its row does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "table"));
  tranche_event_table_set_selected (tranche_window_get_table (window), event);
  g_assert_cmpint (tranche_window_get_selected (window), ==, event);
  g_assert_cmpint (tranche_timeline_view_get_selected (tranche_window_get_timeline (window)), ==,
                   event);
  g_assert_cmpint (tranche_source_panel_get_event (panel), ==, event);

  /* The quote's white space differs; the highlight is the article's text. */
  g_assert_true (tranche_source_panel_get_highlight (panel, 0, &highlighted));
  g_assert_cmpstr (highlighted, ==, PASSAGE_2019);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (panel), "Microsoft invests $1B in OpenAI"));
  g_assert_null (gui_test_find_shown_label (GTK_WIDGET (panel),
                                            "The quoted passage was not found in the article"));

  /* The article is shown, and the highlighted range is the passage. */
  article = gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_nonnull (article);
  wait_for (gtk_widget_get_mapped (article));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (article));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, PASSAGE_2019, 0, &match, NULL, NULL));

  /* Another event from the timeline's keyboard: the panel follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  g_clear_pointer (&highlighted, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tranche_window_get_timeline (window)),
                                             "timeline.select-step", "i", 1));
  event = gui_test_event_index (ds, "msft-2021");
  g_assert_cmpint (tranche_window_get_selected (window), ==, event);
  g_assert_cmpint (tranche_source_panel_get_event (panel), ==, event);
  g_assert_true (tranche_source_panel_get_highlight (panel, 0, &highlighted));
  g_assert_cmpstr (highlighted, ==, "et d’une autre tranche en 2021");

  /* An event with no citation highlights nothing. */
  tranche_window_set_selected (window, gui_test_event_index (ds, "msft-2023"));
  g_assert_false (tranche_source_panel_get_highlight (panel, 0, NULL));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

static void
test_select_sample_quote (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheSourcePanel *panel = tranche_window_get_source_panel (window);
  const char *quote = "investissements précédents de Microsoft de 1 milliard de dollars en 2019";
  guint event;

  tranche_window_open_sample (window);
  event = gui_test_event_index (tranche_window_get_dataset (window), "msft-2019");
  tranche_window_set_selected (window, event);
  g_assert_cmpint (tranche_event_table_get_selected (tranche_window_get_table (window)), ==,
                   event);
  g_assert_cmpint (tranche_source_panel_get_event (panel), ==, event);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (panel), "Microsoft invests $1B in OpenAI"));
  /* The sample's source has no full text: the quote is shown, not found in
   * an article. */
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, contains_text,
                                          (gpointer) quote));
  g_assert_false (tranche_source_panel_get_highlight (panel, 0, NULL));
  gui_test_destroy_window (window);
}

/* Filter */

/* Checks that the table, the window's mask and the timeline all show the
 * events in `ids` and no other. */
static void
assert_shown (TrancheWindow      *window,
              const char * const *ids)
{
  TrancheDataset *ds = tranche_window_get_dataset (window);
  guint n = tranche_dataset_get_n_events (ds);
  guint n_ids = g_strv_length ((char **) ids);
  GListModel *rows = tranche_event_table_get_rows (tranche_window_get_table (window));
  GBytes *mask = tranche_window_get_mask (window);
  g_autoptr(GBytes) timeline_mask = NULL;
  const guint8 *bytes;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(TrancheEventItem) item = g_list_model_get_item (rows, i);
      g_assert_true (g_strv_contains (ids, tranche_event_item_get_event (item)->id));
    }

  g_object_get (tranche_window_get_timeline (window), "mask", &timeline_mask, NULL);
  if (n_ids == n)
    {
      g_assert_null (mask);
      g_assert_null (timeline_mask);
    }
  else
    {
      g_assert_nonnull (mask);
      g_assert_true (timeline_mask == mask);
      g_assert_cmpuint (g_bytes_get_size (mask), ==, n);
      bytes = g_bytes_get_data (mask, NULL);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (bytes[i] != 0, ==,
                         g_strv_contains (ids, tranche_dataset_get_event (ds, i)->id));
    }

  /* What the timeline draws, once it has drawn. */
  gui_test_wait_frames (GTK_WIDGET (tranche_window_get_timeline (window)), 2);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (timeline_draws (window, i), ==,
                     g_strv_contains (ids, tranche_dataset_get_event (ds, i)->id));
}

static void
test_filter (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  const char *microsoft[] = { "msft-2019", "msft-2021", "msft-2023", NULL };
  const char *musk[] = { "musk-leaves-2018", "musk-criticism-2023-02", NULL };
  const char *none[] = { NULL };
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  TrancheDataset *ds;

  tranche_window_open_sample (window);
  ds = tranche_window_get_dataset (window);
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    g_ptr_array_add (all, (gpointer) tranche_dataset_get_event (ds, i)->id);
  g_ptr_array_add (all, NULL);
  /* Fit everything first, so "not drawn" below means filtered out. */
  gui_test_wait_frames (GTK_WIDGET (tranche_window_get_timeline (window)), 2);
  assert_shown (window, (const char * const *) all->pdata);

  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  tranche_window_set_filter (window, filter);
  assert_shown (window, microsoft);
  wait_for (shows_count (window, "3 of 13 events"));
  /* The filter bar shows it as a chip. */
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Investor: Microsoft"));

  tranche_filter_clear (filter);
  tranche_filter_set_text (filter, "musk");
  tranche_window_set_filter (window, filter);
  assert_shown (window, musk);
  wait_for (shows_count (window, "2 of 13 events"));

  /* Across fields, all must hold. */
  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  tranche_window_set_filter (window, filter);
  assert_shown (window, none);
  wait_for (shows_count (window, "0 of 13 events"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  g_assert_true (tranche_filter_is_empty (tranche_window_get_filter (window)));
  assert_shown (window, (const char * const *) all->pdata);
  wait_for (shows_count (window, "13 events"));
  gui_test_destroy_window (window);
}

static void
test_filter_hides_selection (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  TrancheDataset *ds;
  int musk;

  tranche_window_open_sample (window);
  ds = tranche_window_get_dataset (window);
  musk = gui_test_event_index (ds, "musk-leaves-2018");
  tranche_window_set_selected (window, musk);
  /* A filter that keeps the selection keeps it everywhere. */
  tranche_filter_set_text (filter, "musk");
  tranche_window_set_filter (window, filter);
  g_assert_cmpint (tranche_window_get_selected (window), ==, musk);
  g_assert_cmpint (tranche_event_table_get_selected (tranche_window_get_table (window)), ==, musk);
  /* One that hides it clears it everywhere: no panel about a hidden event. */
  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  tranche_window_set_filter (window, filter);
  g_assert_cmpint (tranche_event_table_get_selected (tranche_window_get_table (window)), ==, -1);
  g_assert_cmpint (tranche_window_get_selected (window), ==, -1);
  g_assert_cmpint (tranche_timeline_view_get_selected (tranche_window_get_timeline (window)), ==,
                   -1);
  g_assert_cmpint (tranche_source_panel_get_event (tranche_window_get_source_panel (window)), ==,
                   -1);
  gui_test_destroy_window (window);
}

/* Reload */

static gboolean
range_equal (TrancheDay a_first, TrancheDay a_end, TrancheDay b_first, TrancheDay b_end)
{
  return a_first == b_first && a_end == b_end;
}

static void
test_reload_changed_file (void)
{
  g_autofree char *dir = make_fixture (FALSE);
  g_autofree char *path = g_build_filename (dir, "dataset.json", NULL);
  g_autofree char *changed = fixture_json (NULL, TRUE);
  g_autoptr(GFile) file = fixture_file (dir);
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  TrancheViewport *viewport = tranche_timeline_view_get_viewport (timeline);
  TrancheDataset *before;
  TrancheDataset *after;
  TrancheDay first, end, first_after, end_after;
  int selected;

  gui_test_open_and_wait (window, file);
  before = tranche_window_get_dataset (window);
  g_assert_nonnull (before);
  tranche_dataset_ref (before);  /* so its address can't come back */
  g_assert_cmpuint (tranche_dataset_get_n_events (before), ==, 4);
  selected = gui_test_event_index (before, "msft-2021");
  g_assert_cmpint (selected, ==, 2);
  tranche_window_set_selected (window, selected);
  /* Zoomed in somewhere: a reload keeps what the analyst was looking at. */
  gui_test_wait_frames (GTK_WIDGET (tranche_window_get_timeline (window)), 2);
  tranche_timeline_view_go_to_event (tranche_window_get_timeline (window), selected);
  gtk_widget_activate_action (GTK_WIDGET (tranche_window_get_timeline (window)), "timeline.zoom",
                              "i", 1);
  gui_test_wait_frames (GTK_WIDGET (tranche_window_get_timeline (window)), 30);
  g_assert_true (tranche_viewport_get_range (viewport, &first, &end));

  /* Saved by an editor that writes a new file and renames it over. */
  gui_test_write_file (path, changed, TRUE);
  wait_for (tranche_window_get_dataset (window) != before);
  after = tranche_window_get_dataset (window);
  g_assert_nonnull (after);
  g_assert_cmpuint (tranche_dataset_get_n_events (after), ==, 5);
  wait_for (shows_count (window, "5 events"));
  g_assert_cmpuint (n_rows (window), ==, 5);
  /* The selection is the same event, now at another index. */
  selected = gui_test_event_index (after, "msft-2021");
  g_assert_cmpint (selected, ==, 3);
  g_assert_cmpint (tranche_window_get_selected (window), ==, selected);
  g_assert_cmpint (tranche_timeline_view_get_selected (tranche_window_get_timeline (window)), ==,
                   selected);
  g_assert_cmpint (tranche_event_table_get_selected (tranche_window_get_table (window)), ==,
                   selected);
  g_assert_cmpint (tranche_source_panel_get_event (tranche_window_get_source_panel (window)), ==,
                   selected);
  g_assert_true (tranche_viewport_get_range (viewport, &first_after, &end_after));
  g_assert_true (range_equal (first, end, first_after, end_after));

  tranche_dataset_unref (before);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

static void
test_reload_broken_keeps_dataset (void)
{
  g_autofree char *dir = make_fixture (FALSE);
  g_autofree char *path = g_build_filename (dir, "dataset.json", NULL);
  g_autofree char *changed = fixture_json (NULL, TRUE);
  g_autoptr(GFile) file = fixture_file (dir);
  TrancheWindow *window = gui_test_new_window ();
  TrancheDataset *before;
  TrancheDiagnostics *diagnostics;
  GtkRevealer *bar;
  int selected;

  gui_test_open_and_wait (window, file);
  before = tranche_window_get_dataset (window);
  g_assert_nonnull (before);
  selected = gui_test_event_index (before, "msft-2019");
  tranche_window_set_selected (window, selected);
  diagnostics = tranche_diagnostics_ref (tranche_window_get_diagnostics (window));
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_null (problems_bar (window, "could not be opened"));

  /* Cut off mid-write, in place: the reload fails. */
  gui_test_write_file (path, "{\"tranche\": 1, \"events\": [{\"id\": \"x\", \"date\": ", FALSE);
  wait_for (tranche_window_get_diagnostics (window) != diagnostics);
  tranche_diagnostics_unref (diagnostics);
  diagnostics = tranche_window_get_diagnostics (window);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), >, 0);
  /* What was open stays open, as it was. */
  g_assert_true (tranche_window_get_dataset (window) == before);
  g_assert_cmpuint (tranche_dataset_get_n_events (before), ==, 4);
  g_assert_cmpint (tranche_window_get_selected (window), ==, selected);
  g_assert_cmpuint (n_rows (window), ==, 4);
  wait_for (shows_count (window, "4 events"));
  g_assert_true (g_file_equal (tranche_window_get_file (window), file));
  /* And the problems bar says so. */
  bar = problems_bar (window, "dataset.json could not be opened");
  g_assert_nonnull (bar);
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  wait_for (gtk_revealer_get_child_revealed (bar));
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_LABEL, contains_text,
                                          "What was open is kept"));

  /* Fixed again: the new dataset comes in and the bar goes. */
  gui_test_write_file (path, changed, FALSE);
  wait_for (tranche_window_get_dataset (window) != before);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, 5);
  g_assert_cmpuint (tranche_diagnostics_count (tranche_window_get_diagnostics (window),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  g_assert_cmpint (tranche_window_get_selected (window),
                   ==, gui_test_event_index (tranche_window_get_dataset (window), "msft-2019"));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* The removed-file notice: the revealer around the label that says `text`. */
static GtkRevealer *
removed_bar (TrancheWindow *window)
{
  return problems_bar (window, "was removed from disk");
}

static void
test_reload_removed_file (void)
{
  g_autofree char *dir = make_fixture (FALSE);
  g_autofree char *path = g_build_filename (dir, "dataset.json", NULL);
  g_autofree char *changed = fixture_json (NULL, TRUE);
  g_autoptr(GFile) file = fixture_file (dir);
  TrancheWindow *window = gui_test_new_window ();
  TrancheDataset *before;
  GtkRevealer *bar;
  int selected;

  gui_test_open_and_wait (window, file);
  before = tranche_window_get_dataset (window);
  g_assert_nonnull (before);
  tranche_dataset_ref (before);
  selected = gui_test_event_index (before, "msft-2019");
  tranche_window_set_selected (window, selected);
  bar = removed_bar (window);
  g_assert_true (bar == NULL || !gtk_revealer_get_reveal_child (bar));

  /* Deleted: a notice says so, and what was open stays as it was. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for ((bar = removed_bar (window)) != NULL && gtk_revealer_get_reveal_child (bar));
  wait_for (gtk_revealer_get_child_revealed (bar));
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_LABEL, contains_text,
                                          "dataset.json was removed from disk"));
  g_assert_true (tranche_window_get_dataset (window) == before);
  g_assert_cmpint (tranche_window_get_selected (window), ==, selected);
  g_assert_cmpuint (n_rows (window), ==, 4);
  g_assert_true (g_file_equal (tranche_window_get_file (window), file));
  g_assert_cmpstr (subtitle (window), ==, "dataset.json");
  /* A removed file is not a broken one: no problem is reported. */
  g_assert_null (problems_bar (window, "could not be opened"));

  /* Back (created anew, as an editor that deletes first does): it is read
   * again and the notice goes. */
  gui_test_write_file (path, changed, FALSE);
  wait_for (tranche_window_get_dataset (window) != before);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, 5);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  wait_for (shows_count (window, "5 events"));
  g_assert_cmpint (tranche_window_get_selected (window),
                   ==, gui_test_event_index (tranche_window_get_dataset (window), "msft-2019"));

  /* Moved away and a new file renamed in its place, within moments: only
   * the reload is seen, never the notice. */
  tranche_dataset_unref (before);
  before = tranche_dataset_ref (tranche_window_get_dataset (window));
  {
    g_autofree char *aside = g_build_filename (dir, "dataset.json.bak", NULL);
    g_autofree char *original = fixture_json (NULL, FALSE);
    g_assert_cmpint (g_rename (path, aside), ==, 0);
    gui_test_write_file (path, original, TRUE);
  }
  wait_for (tranche_window_get_dataset (window) != before);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==, 4);
  g_assert_false (gtk_revealer_get_reveal_child (bar));

  tranche_dataset_unref (before);
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

/* Preferences */

static gboolean
is_cut_label (GtkWidget *widget,
              gpointer   data)
{
  return gtk_widget_get_mapped (widget)
         && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget)));
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static int
lane_mode (TrancheWindow *window)
{
  int mode = -1;

  g_object_get (tranche_window_get_timeline (window), "lane-mode", &mode, NULL);
  return mode;
}

static void
test_preferences_whole (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(GSettings) settings = tranche_settings_new ();
  TranchePreferencesWindow *prefs = tranche_preferences_window_new (GTK_WINDOW (window));
  GtkWidget *cut, *row;

  g_settings_set_string (settings, "lane-grouping", "pair");
  gtk_window_present (GTK_WINDOW (prefs));
  gui_test_wait_frames (GTK_WIDGET (prefs), 2);
  /* No text is cut ("One per Investor and …"). */
  cut = gui_test_find_widget (GTK_WIDGET (prefs), GTK_TYPE_LABEL, is_cut_label, NULL);
  g_assert_null (cut);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (prefs),
                                               "One per Investor and Company") != NULL);

  /* A choice is a row: activating it sets the lanes, and the timeline follows. */
  row = gui_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, is_row_titled,
                              "One per Company");
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (g_settings_get_string (settings, "lane-grouping"), ==, "target");
  wait_for (lane_mode (window) == TRANCHE_LANES_BY_TARGET);
  g_settings_reset (settings, "lane-grouping");
  gtk_window_destroy (GTK_WINDOW (prefs));
  gui_test_destroy_window (window);
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
  g_test_add_func ("/window/open/sample", test_open_sample);
  g_test_add_func ("/window/open/file", test_open_file);
  g_test_add_func ("/window/open/missing-file", test_open_missing);
  g_test_add_func ("/window/open/cancel", test_open_cancel);
  g_test_add_func ("/window/dispose-twice", test_dispose_twice);
  g_test_add_func ("/window/select/highlights-quote", test_select_highlights_quote);
  g_test_add_func ("/window/select/sample-quote", test_select_sample_quote);
  g_test_add_func ("/window/filter/table-and-timeline", test_filter);
  g_test_add_func ("/window/filter/hides-selection", test_filter_hides_selection);
  g_test_add_func ("/window/reload/changed-file", test_reload_changed_file);
  g_test_add_func ("/window/reload/broken-keeps-dataset", test_reload_broken_keeps_dataset);
  g_test_add_func ("/window/reload/removed-file", test_reload_removed_file);
  g_test_add_func ("/window/preferences/whole", test_preferences_whole);
  return g_test_run ();
}
