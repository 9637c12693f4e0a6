/* test-hostile-window.c: the window against hostile files
 *
 * The sample is opened, then the worst files of tests/fixtures/hostile/ and
 * the large generated ones are opened over it the way a user would (in the
 * window's worker thread). A file that is no dataset must leave the sample
 * open, untouched, with the problems said; one that loads replaces it. In
 * both cases the window must keep answering: the main loop is watched while
 * the file loads and the longest time it went without running is printed,
 * then frames must really be painted. Markup in the file's text must reach
 * the tooltip, the panel, the table and the title as the literal text.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hostile-files.h"
#include "tranche-event-table.h"
#include "tranche-i18n.h"
#include "tranche-source-panel.h"
#include "tranche-timeline-view.h"
#include "tranche-window.h"

/* Far more than any load here needs, even under ASan: a bound for a hang,
 * not a performance figure (those are printed). */
#define DEADLINE_S 120

static char *tmp_dir;

typedef struct
{
  gint64 last;
  gint64 longest;
} Watch;

static gboolean
watch_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until `done` (a predicate on `data`) holds; fails the
 * test past the deadline. Returns the longest stall of the main loop, in
 * milliseconds: how long the window could not have answered a click. */
static double
run_until (gboolean (*done) (gpointer),
           gpointer   data,
           const char *what)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  Watch watch = { g_get_monotonic_time (), 0 };
  guint source = g_timeout_add (5, watch_cb, &watch);

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  watch_cb (&watch);
  if (!done (data))
    g_error ("still waiting after %d s for %s", DEADLINE_S, what);
  return watch.longest / 1000.0;
}

static gboolean
loaded (gpointer data)
{
  return !tranche_window_is_loading (data);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

static gboolean
painted_twice (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Two frames of the window really painted; returns the time they took. */
static double
paint (TrancheWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 start = g_get_monotonic_time ();
  guint count = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  GtkWidget *timeline = GTK_WIDGET (tranche_window_get_timeline (window));

  gtk_widget_queue_draw (GTK_WIDGET (window));
  gtk_widget_queue_draw (timeline);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (count < 1)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_queue_draw (timeline);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  run_until (painted_twice, &count, "two painted frames");
  g_signal_handler_disconnect (clock, handler);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static TrancheWindow *
new_window_with_sample (void)
{
  TrancheWindow *window = tranche_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  tranche_window_open_sample (window);
  g_assert_nonnull (tranche_window_get_dataset (window));
  paint (window);
  return window;
}

static void
destroy_window (TrancheWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", name, NULL);
}

/* Opens `path` over what is open and waits; prints the figures. */
static void
open_and_wait (TrancheWindow *window,
               const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  gint64 start = g_get_monotonic_time ();
  double stall, load_ms;

  tranche_window_open_file (window, file);
  g_assert_true (tranche_window_is_loading (window));
  stall = run_until (loaded, window, "the load to finish");
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("%s: loaded in %.0f ms, main loop stalled %.0f ms at most, "
                  "two frames in %.0f ms", name, load_ms, stall, paint (window));
}

/* Files that are no dataset: what was open stays, and the window says why. */
static const char * const refused[] = {
  "empty.json", "whitespace.json", "truncated.json", "invalid-utf8.json", "latin1.json",
  "root-array.json", "version-99.json",
};

static void
test_keeps_dataset (void)
{
  TrancheWindow *window = new_window_with_sample ();
  TrancheDataset *sample = tranche_window_get_dataset (window);
  guint n_events = tranche_dataset_get_n_events (sample);
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_ptr_array_add (paths, fixture (refused[i]));
  g_ptr_array_add (paths, hostile_generated_write (HOSTILE_NESTED_ARRAYS, tmp_dir));
  g_ptr_array_add (paths, hostile_generated_write (HOSTILE_NESTED_OBJECTS, tmp_dir));

  tranche_window_set_selected (window, 2);
  for (guint i = 0; i < paths->len; i++)
    {
      TrancheDiagnostics *diagnostics;

      open_and_wait (window, paths->pdata[i]);
      /* the very same dataset, as it was */
      g_assert_true (tranche_window_get_dataset (window) == sample);
      g_assert_cmpuint (tranche_dataset_get_n_events (sample), ==, n_events);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
      g_assert_cmpint (tranche_window_get_selected (window), ==, 2);
      /* and the reasons, for the problems bar */
      diagnostics = tranche_window_get_diagnostics (window);
      g_assert_nonnull (diagnostics);
      g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), >, 0);
    }
  destroy_window (window);
}

static GtkTextView *
find_text_view (GtkWidget *root)
{
  if (GTK_IS_TEXT_VIEW (root))
    return GTK_TEXT_VIEW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *view = find_text_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* The 5 MB source text in one line: shown whole, in lines a text view can
 * lay out, and the cited passage still found in it. */
static void
check_book (TrancheWindow *window)
{
  TrancheSourcePanel *panel = tranche_window_get_source_panel (window);
  GtkTextView *view = find_text_view (GTK_WIDGET (panel));
  GtkTextBuffer *buffer;
  g_autofree char *passage = NULL;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 4 * 1000 * 1000);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), >, 1000);
  g_assert_true (tranche_source_panel_get_highlight (panel, 0, &passage));
  g_assert_cmpstr (passage, ==, "Financement tranche par");
}

/* Files that load, with warnings or events left out: the window shows them
 * and still answers, and selecting an event fills the panel and the table. */
static void
test_loads_and_answers (void)
{
  TrancheWindow *window = new_window_with_sample ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char * const loadable[] = {
    "markup.json", "rtl-emoji.json", "nul-in-strings.json", "huge-number.json",
    "amounts.json", "dates.json", "urls.json", "duplicate-ids.json", "unknown-refs.json",
  };

  g_ptr_array_add (paths, hostile_generated_write (HOSTILE_LONG_STRING, tmp_dir));
  g_ptr_array_add (paths, hostile_generated_write (HOSTILE_MANY_INVESTORS, tmp_dir));
  g_ptr_array_add (paths, hostile_generated_write (HOSTILE_ONE_DAY, tmp_dir));
  for (guint i = 0; i < G_N_ELEMENTS (loadable); i++)
    g_ptr_array_add (paths, fixture (loadable[i]));

  for (guint i = 0; i < paths->len; i++)
    {
      TrancheDataset *before = tranche_window_get_dataset (window);
      TrancheDataset *ds;
      guint n;
      gint64 start;

      open_and_wait (window, paths->pdata[i]);
      ds = tranche_window_get_dataset (window);
      g_assert_true (ds != before);
      n = tranche_dataset_get_n_events (ds);
      g_assert_cmpuint (n, >, 0);

      /* every view of the first and the last event */
      start = g_get_monotonic_time ();
      tranche_window_set_selected (window, 0);
      paint (window);
      if (g_str_has_suffix (paths->pdata[i], "long-string.json"))
        check_book (window);
      tranche_window_set_selected (window, n - 1);
      paint (window);
      g_test_message ("  two events selected and shown in %.0f ms",
                      (g_get_monotonic_time () - start) / 1000.0);
      g_assert_cmpint (tranche_window_get_selected (window), ==, n - 1);
    }
  destroy_window (window);
}

/* Labels under `root` whose text holds `needle`: with markup read as such,
 * the tags would be gone from the text. */
static guint
count_labels_with (GtkWidget  *root,
                   const char *needle)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels_with (child, needle);
  return n;
}

/* Buttons under `root` whose label is `text`. */
static guint
count_buttons_labelled (GtkWidget  *root,
                        const char *text)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_buttons_labelled (child, text);
  return n;
}

/* Whether any label under `root` shows a line break or a control character. */
static gboolean
has_label_with_control (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    for (const char *p = gtk_label_get_text (GTK_LABEL (root)); *p != '\0'; p++)
      if ((guchar) *p < 0x20)
        return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with_control (child))
      return TRUE;
  return FALSE;
}

/* Addresses that mislead: the real host is named, and only the plain short
 * address is offered to open (events in file order: userinfo, newline, long,
 * short, tab). */
static void
test_misleading_urls (void)
{
  TrancheWindow *window = new_window_with_sample ();
  g_autofree char *path = fixture ("misleading-urls.json");
  GtkWidget *panel;
  const guint openable[] = { 0, 0, 0, 1, 0 };

  open_and_wait (window, path);
  panel = GTK_WIDGET (tranche_window_get_source_panel (window));
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==,
                    G_N_ELEMENTS (openable));
  for (guint i = 0; i < G_N_ELEMENTS (openable); i++)
    {
      tranche_window_set_selected (window, i);
      paint (window);
      g_assert_cmpuint (count_buttons_labelled (panel, "Open in Browser"), ==, openable[i]);
      g_assert_false (has_label_with_control (panel));
    }
  /* the bank's name before the '@' is not where the link goes */
  tranche_window_set_selected (window, 0);
  paint (window);
  g_assert_cmpuint (count_labels_with (panel, "leads to “evil.example”"), ==, 1);
  /* the short address: its host whole in one label */
  tranche_window_set_selected (window, 3);
  paint (window);
  g_assert_cmpuint (count_labels_with (panel, "https://lemonde.fr"), >=, 1);
  destroy_window (window);
}

#define TITLE_MARKUP "<b>Bold</b> & <span foreground=\"red\">red</span> &amp; <i>"

static void
test_markup_is_text (void)
{
  TrancheWindow *window = new_window_with_sample ();
  g_autofree char *path = fixture ("markup.json");
  TrancheTimelineView *timeline;
  TrancheDataset *ds;
  g_autofree char *tooltip = NULL;
  guint index;

  open_and_wait (window, path);
  ds = tranche_window_get_dataset (window);
  index = tranche_dataset_find_event (ds, "<b>markup-event</b>");
  g_assert_cmpuint (index, <, tranche_dataset_get_n_events (ds));

  /* the tooltip (and what screen readers hear) */
  timeline = tranche_window_get_timeline (window);
  tooltip = tranche_timeline_view_describe_event (timeline, index);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, TITLE_MARKUP));
  g_assert_nonnull (strstr (tooltip, "<b>Acme</b> & Sons"));

  /* the panel and the table, once the event is selected */
  tranche_window_set_selected (window, index);
  paint (window);
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (tranche_window_get_source_panel (window)),
                                       TITLE_MARKUP), >=, 1);
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (tranche_window_get_source_panel (window)),
                                       "<s>struck</s> & <sup>sup</sup>"), >=, 1);
  /* a hidden table makes no rows: it is shown first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "table"));
  paint (window);
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (tranche_window_get_table (window)),
                                       TITLE_MARKUP), >=, 1);

  /* the title, in the window's and in the header's */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "<b>Bold</b> & <span foreground=\"red\">red</span> title");
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (window),
                                       "<b>Bold</b> & <span foreground=\"red\">red</span> title"),
                    >=, 1);
  destroy_window (window);
}

static gboolean
problems_shown (gpointer data)
{
  GtkWindow **dialog = data;
  g_autoptr(GListModel) toplevels = NULL;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "TrancheProblemsDialog")
          && gtk_widget_get_mapped (GTK_WIDGET (w)))
        {
          *dialog = w;
          return TRUE;
        }
    }
  return FALSE;
}

/* A file named with entities (a "/" can't be in a name), whose 3,000 broken events quote markup back in
 * their messages: the problems bar and the problems dialog show both as
 * text, and the dialog opens on a thousand problems in bounded time. */
static void
test_problems_are_text (void)
{
  TrancheWindow *window = new_window_with_sample ();
  g_autofree char *path = g_build_filename (tmp_dir, "&lt;evil&gt; &amp; co.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"tranche\": 1, \"events\": [\n");
  GtkWindow *dialog = NULL;
  gint64 start;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2023\", "
                            "\"kind\": \"<b>bad</b>\", \"title\": \"T\"}",
                            i > 0 ? ",\n" : "", i);
  g_string_append (json, "]}\n");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));

  open_and_wait (window, path);
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (window), "&lt;evil&gt; &amp; co.json"), >=, 1);
  /* every error counted, not the thousand listed */
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (window), "3000 errors"), >=, 1);

  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  run_until (problems_shown, &dialog, "the problems dialog");
  g_test_message ("problems dialog with %u problems shown in %.0f ms",
                  tranche_diagnostics_get_length (tranche_window_get_diagnostics (window)),
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (dialog), "got \"<b>bad</b>\""), >=, 1);
  g_assert_cmpuint (count_labels_with (GTK_WIDGET (dialog), "&lt;evil&gt; &amp; co.json"), >=, 1);
  gtk_window_destroy (dialog);
  destroy_window (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                            "XDG_STATE_HOME" };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("tranche-hostile-window-XXXXXX", &error);
  g_assert_no_error (error);
  /* recent files and caches go here, never into the home of whoever runs it */
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_build_filename (tmp_dir, folders[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (folders[i], dir, TRUE);
    }
  tranche_i18n_init ();
  if (!gtk_init_check ())
    {
      /* skipped, never failed, without a display */
      g_print ("1..0 # SKIP no display\n");
      remove_tree (tmp_dir);
      return 0;
    }
  adw_init ();

  g_test_add_func ("/hostile-window/keeps-dataset", test_keeps_dataset);
  g_test_add_func ("/hostile-window/loads-and-answers", test_loads_and_answers);
  g_test_add_func ("/hostile-window/markup-is-text", test_markup_is_text);
  g_test_add_func ("/hostile-window/problems-are-text", test_problems_are_text);
  g_test_add_func ("/hostile-window/misleading-urls", test_misleading_urls);
  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
