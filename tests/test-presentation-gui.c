/* test-presentation-gui.c: presentation mode, export and copy from the
 * window, on a real (virtual) display
 *
 * The window opens the bundled sample. Keys go through the widgets' own
 * key bindings (the shortcuts their classes install), so what is tested
 * is what a clicker's key press does, not a function called behind it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tranche-application.h"
#include "tranche-export-dialog.h"
#include "tranche-filter.h"
#include "tranche-presentation-view.h"
#include "tranche-presentation.h"
#include "tranche-timeline-view.h"
#include "tranche-viewport.h"
#include "tranche-window.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until `done` says so, for at most two seconds. */
static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return done (data);
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < end)
    {
      iterate ();
      g_usleep (5000);
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             GtkWidget *not_inside)
{
  if (root == not_inside)
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, not_inside);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presses a key as the widget's key bindings see it: the first shortcut
 * of the widget or an ancestor (their classes' bindings live in a shortcut
 * controller of each instance) whose trigger is that key. */
static void
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                       i);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
                  && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
                {
                  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                               0, w,
                                                               gtk_shortcut_get_arguments (shortcut)));
                  iterate ();
                  return;
                }
            }
        }
    }
  g_error ("no key binding for %s", gdk_keyval_name (keyval));
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One application for the whole program: its id can be registered once. */
static TrancheApplication *app;

typedef struct
{
  TrancheWindow      *window;
  GtkWidget          *header_bar;
  GtkWidget          *timeline;      /* the window's */
  TranchePresentationView *view;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = tranche_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  tranche_window_open_sample (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = TRANCHE_PRESENTATION_VIEW (find_widget (GTK_WIDGET (f->window),
                                                    TRANCHE_TYPE_PRESENTATION_VIEW, NULL));
  g_assert_nonnull (f->view);
  f->timeline = find_widget (GTK_WIDGET (f->window), TRANCHE_TYPE_TIMELINE_VIEW,
                             GTK_WIDGET (f->view));
  f->header_bar = find_widget (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR, NULL);
  g_assert_nonnull (f->timeline);
  g_assert_nonnull (f->header_bar);
  g_assert_true (wait_until (is_mapped, f->timeline));
  settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
}

typedef struct
{
  TrancheViewport *viewport;
  TrancheDay       first, end;
} RangeWait;

static gboolean
range_reached (gpointer data)
{
  RangeWait *w = data;
  TrancheDay first, end;

  return tranche_viewport_get_range (w->viewport, &first, &end)
         && fabs (first - w->first) < 0.01 && fabs (end - w->end) < 0.01;
}

/* The presentation's timeline reaches the step's range (animated). */
static void
assert_shows_step (Fixture *f,
                   GBytes  *mask)
{
  g_autoptr(TranchePresentation) steps =
    tranche_presentation_new (tranche_window_get_dataset (f->window), mask);
  guint position = tranche_presentation_view_get_position (f->view);
  RangeWait w;

  g_assert_cmpuint (position, >, 0);
  g_assert_cmpint (tranche_presentation_view_get_event (f->view), ==,
                   (int) tranche_presentation_get_event (steps, position - 1));
  w.viewport = tranche_presentation_view_get_viewport (f->view);
  tranche_presentation_get_range (steps, position - 1, &w.first, &w.end);
  g_assert_true (wait_until (range_reached, &w));
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  TrancheViewport *window_viewport =
    tranche_timeline_view_get_viewport (TRANCHE_TIMELINE_VIEW (f->timeline));
  TrancheDay first_before, end_before, first_after, end_after;
  GtkWidget *view = GTK_WIDGET (f->view);
  guint n;

  g_assert_true (tranche_viewport_get_range (window_viewport, &first_before, &end_before));
  g_assert_cmpint (tranche_window_get_selected (f->window), ==, -1);

  /* F5: the whole window is the slide, no header bar, title slide first. */
  press (GTK_WIDGET (f->window), GDK_KEY_F5, 0);
  settle ();
  g_assert_true (tranche_presentation_view_is_active (f->view));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_mapped (f->header_bar));
  g_assert_false (gtk_widget_get_mapped (f->timeline));
  g_assert_cmpint (gtk_widget_get_height (view), ==,
                   gtk_widget_get_height (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (view), ==,
                   gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 0);
  n = tranche_presentation_view_get_n_positions (f->view);
  /* the title, a slide per event, valuation, cumulative, summary, sources */
  g_assert_cmpuint (n, ==, tranche_dataset_get_n_events (tranche_window_get_dataset (f->window))
                           + 1 + 4);

  /* Forward with what clickers send, back likewise. */
  press (view, GDK_KEY_Right, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 1);
  assert_shows_step (f, NULL);
  press (view, GDK_KEY_space, 0);
  press (view, GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 3);
  assert_shows_step (f, NULL);
  press (view, GDK_KEY_Left, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 2);
  press (view, GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 1);
  assert_shows_step (f, NULL);

  /* The ends, and no further; the last slide is no event's. */
  press (view, GDK_KEY_End, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, n - 1);
  press (view, GDK_KEY_Right, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, n - 1);
  g_assert_cmpint (tranche_presentation_view_get_event (f->view), ==, -1);
  press (view, GDK_KEY_Left, 0);
  press (view, GDK_KEY_Left, 0);
  press (view, GDK_KEY_Left, 0);
  press (view, GDK_KEY_Left, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, n - 5);
  assert_shows_step (f, NULL);

  /* A steps through 5, 10 and 20 seconds between slides, then off. */
  g_assert_cmpuint (tranche_presentation_view_get_auto_advance (f->view), ==, 0);
  press (view, GDK_KEY_a, 0);
  g_assert_cmpuint (tranche_presentation_view_get_auto_advance (f->view), ==, 5);
  press (view, GDK_KEY_a, 0);
  press (view, GDK_KEY_a, 0);
  g_assert_cmpuint (tranche_presentation_view_get_auto_advance (f->view), ==, 20);
  press (view, GDK_KEY_a, 0);
  g_assert_cmpuint (tranche_presentation_view_get_auto_advance (f->view), ==, 0);
  press (view, GDK_KEY_Home, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 0);
  press (view, GDK_KEY_Left, 0);
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 0);

  /* B blanks and B brings it back; a forward key on a black screen only
   * brings the slide back. */
  press (view, GDK_KEY_Right, 0);
  press (view, GDK_KEY_b, 0);
  g_assert_true (tranche_presentation_view_get_blanked (f->view));
  press (view, GDK_KEY_b, 0);
  g_assert_false (tranche_presentation_view_get_blanked (f->view));
  press (view, GDK_KEY_period, 0);
  g_assert_true (tranche_presentation_view_get_blanked (f->view));
  press (view, GDK_KEY_Right, 0);
  g_assert_false (tranche_presentation_view_get_blanked (f->view));
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 1);

  /* Esc: the window as it was: header, charts, range, no selection. */
  press (view, GDK_KEY_Escape, 0);
  settle ();
  g_assert_false (tranche_presentation_view_is_active (f->view));
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_true (gtk_widget_get_mapped (f->header_bar));
  g_assert_true (gtk_widget_get_mapped (f->timeline));
  g_assert_cmpint (tranche_window_get_selected (f->window), ==, -1);
  g_assert_true (tranche_viewport_get_range (window_viewport, &first_after, &end_after));
  g_assert_cmpfloat (first_after, ==, first_before);
  g_assert_cmpfloat (end_after, ==, end_before);
}

static void
test_filtered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  TrancheDataset *ds = tranche_window_get_dataset (f->window);
  GtkWidget *view = GTK_WIDGET (f->view);

  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  tranche_window_set_filter (f->window, filter);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();

  /* Only the three Microsoft rounds, in order, and the four closing slides. */
  g_assert_cmpuint (tranche_presentation_view_get_n_positions (f->view), ==, 8);
  press (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (tranche_dataset_get_event (ds, tranche_presentation_view_get_event (f->view))->id,
                   ==, "msft-2019");
  assert_shows_step (f, tranche_window_get_mask (f->window));
  press (view, GDK_KEY_Right, 0);
  assert_shows_step (f, tranche_window_get_mask (f->window));
  press (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (tranche_dataset_get_event (ds, tranche_presentation_view_get_event (f->view))->id,
                   ==, "msft-2023");
  assert_shows_step (f, tranche_window_get_mask (f->window));
  press (view, GDK_KEY_Escape, 0);
  g_assert_false (tranche_presentation_view_is_active (f->view));
  /* The filter is still on. */
  g_assert_nonnull (tranche_window_get_mask (f->window));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return GTK_WINDOW (item);
    }
  return NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The `n`th AdwEntryRow under `root`, in the order they are drawn. */
static GtkWidget *
find_entry_row (GtkWidget *root,
                guint     *n)
{
  if (ADW_IS_ENTRY_ROW (root) && (*n)-- == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tranche-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "view.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TrancheExportDialog *dialog;
  TrancheExportOptions options;
  g_autofree char *message = NULL;
  gboolean deck;
  cairo_surface_t *read;

  /* Ctrl+E opens it, with the last choices. */
  g_settings_set_string (settings, "export-format", "png");
  g_settings_set_string (settings, "export-size", "custom");
  g_settings_set (settings, "export-custom-size", "(ii)", 900, 500);
  g_settings_set_double (settings, "export-scale", 2);
  g_settings_set_string (settings, "export-theme", "transparent");
  press (GTK_WIDGET (f->window), GDK_KEY_e, GDK_CONTROL_MASK);
  dialog = TRANCHE_EXPORT_DIALOG (find_toplevel (TRANCHE_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (tranche_export_dialog_get_options (dialog, &options, &deck, &message));
  g_assert_null (message);
  g_assert_false (deck);
  g_assert_cmpint (options.width, ==, 900);
  g_assert_cmpint (options.height, ==, 500);
  g_assert_cmpfloat (options.scale, ==, 2);
  g_assert_true (options.transparent);

  /* Title and subtitle: blank is the export's own; text replaces it. */
  g_assert_null (options.title);
  g_assert_null (options.subtitle);
  {
    guint n_title = 0, n_subtitle = 1;
    GtkWidget *title = find_entry_row (GTK_WIDGET (dialog), &n_title);
    GtkWidget *subtitle = find_entry_row (GTK_WIDGET (dialog), &n_subtitle);

    g_assert_nonnull (title);
    g_assert_nonnull (subtitle);
    gtk_editable_set_text (GTK_EDITABLE (title), "  Board pack, Q3");
    gtk_editable_set_text (GTK_EDITABLE (subtitle), "   ");
    g_assert_true (tranche_export_dialog_get_options (dialog, &options, &deck, NULL));
    g_assert_cmpstr (options.title, ==, "Board pack, Q3");
    g_assert_null (options.subtitle);
    gtk_editable_set_text (GTK_EDITABLE (subtitle), "Draft for the meeting");
    g_assert_true (tranche_export_dialog_get_options (dialog, &options, &deck, NULL));
    g_assert_cmpstr (options.subtitle, ==, "Draft for the meeting");
  }

  /* Exported into a file, in a worker thread, then the dialog closes. */
  tranche_export_dialog_export_to (dialog, file);
  g_assert_true (wait_until (file_exists, path));
  settle ();
  read = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, 1800);
  g_assert_cmpint (cairo_image_surface_get_height (read), ==, 1000);
  cairo_surface_destroy (read);
  g_assert_null (find_toplevel (TRANCHE_TYPE_EXPORT_DIALOG));

  /* A transparent PDF can't be: the dialog says so and won't export. */
  g_settings_set_string (settings, "export-format", "pdf");
  press (GTK_WIDGET (f->window), GDK_KEY_e, GDK_CONTROL_MASK);
  dialog = TRANCHE_EXPORT_DIALOG (find_toplevel (TRANCHE_TYPE_EXPORT_DIALOG));
  g_assert_false (tranche_export_dialog_get_options (dialog, &options, &deck, &message));
  g_assert_nonnull (message);
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (dialog),
                                                                "export.choose-file")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
}

/* With an event selected, F5 starts at its slide; Esc leaves the window's
 * selection as it was. */
static void
test_start_at_selected (Fixture       *f,
                        gconstpointer  data)
{
  TrancheDataset *ds = tranche_window_get_dataset (f->window);
  int event = (int) tranche_dataset_find_event (ds, "msft-2021");

  tranche_window_set_selected (f->window, event);
  press (GTK_WIDGET (f->window), GDK_KEY_F5, 0);
  settle ();
  g_assert_true (tranche_presentation_view_is_active (f->view));
  g_assert_cmpint (tranche_presentation_view_get_event (f->view), ==, event);
  assert_shows_step (f, NULL);
  press (GTK_WIDGET (f->view), GDK_KEY_Right, 0);
  g_assert_cmpint (tranche_presentation_view_get_event (f->view), !=, event);
  press (GTK_WIDGET (f->view), GDK_KEY_Escape, 0);
  settle ();
  g_assert_cmpint (tranche_window_get_selected (f->window), ==, event);
}

static void
test_reload_while_presenting (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);

  press (GTK_WIDGET (f->window), GDK_KEY_F5, 0);
  press (view, GDK_KEY_Right, 0);
  /* The file is read again (an editor saved it): the slide stays. */
  tranche_window_open_sample (f->window);
  settle ();
  g_assert_true (tranche_presentation_view_is_active (f->view));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpuint (tranche_presentation_view_get_position (f->view), ==, 1);
  press (view, GDK_KEY_Escape, 0);
  settle ();
  g_assert_true (gtk_widget_get_mapped (f->timeline));
  g_assert_true (gtk_widget_get_mapped (f->header_bar));
}

static void
test_export_deck (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tranche-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TrancheExportDialog *dialog;
  TrancheExportOptions options;
  gboolean deck = FALSE;
  gsize length;
  guint pages = 0;
  const char *p;

  /* "Presentation deck" in PDF: the title page, one page per event and
   * the four closing slides. */
  g_settings_set_string (settings, "export-what", "deck");
  g_settings_set_string (settings, "export-format", "pdf");
  g_settings_set_string (settings, "export-size", "slide");
  g_settings_set_string (settings, "export-theme", "dark");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  dialog = TRANCHE_EXPORT_DIALOG (find_toplevel (TRANCHE_TYPE_EXPORT_DIALOG));
  g_assert_true (tranche_export_dialog_get_options (dialog, &options, &deck, NULL));
  g_assert_true (deck);
  tranche_export_dialog_export_to (dialog, file);
  g_assert_true (wait_until (file_exists, path));
  settle ();
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL;
       p += 11)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, tranche_dataset_get_n_events (tranche_window_get_dataset (f->window))
                               + 1 + 4);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  GdkTexture *texture;
  gboolean    done;
} ClipboardRead;

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static void
test_copy_image (Fixture       *f,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GtkWidget *charts = gtk_widget_get_parent (f->timeline);
  ClipboardRead read = { NULL, FALSE };
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (f->window));

  /* the charts' area: the box holding the timeline and the charts */
  while (charts != NULL && !GTK_IS_BOX (charts))
    charts = gtk_widget_get_parent (charts);
  g_assert_nonnull (charts);

  press (GTK_WIDGET (f->window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &read);
  g_assert_true (wait_until (read_done, &read));
  g_assert_nonnull (read.texture);
  g_assert_cmpint (gdk_texture_get_width (read.texture), ==,
                   gtk_widget_get_width (charts) * scale);
  g_assert_cmpint (gdk_texture_get_height (read.texture), ==,
                   gtk_widget_get_height (charts) * scale);
  g_object_unref (read.texture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  app = tranche_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/presentation/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/presentation/start-at-selected", Fixture, NULL, fixture_set_up,
              test_start_at_selected, fixture_tear_down);
  g_test_add ("/presentation/filtered", Fixture, NULL, fixture_set_up, test_filtered,
              fixture_tear_down);
  g_test_add ("/presentation/reload", Fixture, NULL, fixture_set_up, test_reload_while_presenting,
              fixture_tear_down);
  g_test_add ("/export/dialog", Fixture, NULL, fixture_set_up, test_export_dialog,
              fixture_tear_down);
  g_test_add ("/export/deck", Fixture, NULL, fixture_set_up, test_export_deck,
              fixture_tear_down);
  g_test_add ("/export/copy-image", Fixture, NULL, fixture_set_up, test_copy_image,
              fixture_tear_down);
  return g_test_run ();
}
