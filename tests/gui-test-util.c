/* gui-test-util.c: shared helpers of the window and timeline tests */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "gui-test-util.h"
#include "tranche-i18n.h"

gboolean
gui_test_wake_source_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
gui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

void
gui_test_wait_frames (GtkWidget *widget,
                      guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint count = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  /* Ask for frames: an idle clock paints nothing. */
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  for (guint i = 0; i < n; i++)
    {
      wait_for (count > i);
      gtk_widget_queue_draw (widget);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
  g_signal_handler_disconnect (clock, handler);
}

static char *test_home;

/* Removes `path` and all under it (the test home holds folders). */
static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
remove_test_home (void)
{
  remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);
}

gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  const char *home;
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                            "XDG_STATE_HOME" };

  g_test_init (argc, argv, NULL);
  /* Recent files (every successful open adds one) and caches go here, not
   * into the home of whoever runs the tests. */
  test_home = g_dir_make_tmp ("tranche-gui-test-home-XXXXXX", NULL);
  g_assert_nonnull (test_home);
  home = test_home;
  atexit (remove_test_home);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_build_filename (home, folders[i], NULL);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (folders[i], dir, TRUE);
    }
  tranche_i18n_init ();
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

TrancheWindow *
gui_test_new_window (void)
{
  TrancheWindow *window = tranche_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

void
gui_test_open_and_wait (TrancheWindow *window,
                        GFile         *file)
{
  tranche_window_open_file (window, file);
  /* The load is in a worker thread; the window says when it is done. */
  g_assert_true (tranche_window_is_loading (window));
  wait_for (!tranche_window_is_loading (window));
  gui_test_iterate ();
}

void
gui_test_destroy_window (TrancheWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

char *
gui_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tranche-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
gui_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

void
gui_test_write_file (const char *path,
                     const char *contents,
                     gboolean    atomically)
{
  g_autoptr(GError) error = NULL;

  if (atomically)
    g_file_set_contents (path, contents, -1, &error);
  else
    {
      FILE *f = fopen (path, "w");
      g_assert_nonnull (f);
      g_assert_cmpint (fputs (contents, f), >=, 0);
      g_assert_cmpint (fclose (f), ==, 0);
    }
  g_assert_no_error (error);
}

GtkWidget *
gui_test_find_widget (GtkWidget    *root,
                      GType         type,
                      GuiTestMatch  match,
                      gpointer      data)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && (match == NULL || match (root, data)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)))
    return gui_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))),
                                 type, match, data);
  return NULL;
}

static gboolean
is_shown_label (GtkWidget *widget,
                gpointer   text)
{
  return gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
gui_test_find_shown_label (GtkWidget  *root,
                           const char *text)
{
  return gui_test_find_widget (root, GTK_TYPE_LABEL, is_shown_label, (gpointer) text);
}

AdwWindowTitle *
gui_test_get_window_title (TrancheWindow *window)
{
  GtkWidget *title = gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE,
                                           NULL, NULL);

  g_assert_nonnull (title);
  return ADW_WINDOW_TITLE (title);
}

guint
gui_test_event_index (TrancheDataset *dataset,
                      const char     *id)
{
  guint index = tranche_dataset_find_event (dataset, id);

  g_assert_cmpuint (index, <, tranche_dataset_get_n_events (dataset));
  return index;
}
