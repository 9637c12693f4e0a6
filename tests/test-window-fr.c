/* test-window-fr.c: the main window in French
 *
 * A program of its own because the language is chosen once per process: it
 * runs with LANGUAGE=fr and LC_ALL=fr_FR.UTF-8 (set here, before GTK and
 * gettext start, over the C locale the test environment gives every test),
 * and reports itself skipped when the system has no fr_FR.UTF-8 locale
 * (build-aux/install-deps.sh generates it).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gui-test-util.h"

#define NBSP "\302\240"

/* The header's subtitle: the open file's name. */
static const char *
subtitle (TrancheWindow *window)
{
  return adw_window_title_get_subtitle (gui_test_get_window_title (window));
}


static void
test_sample_in_french (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  GtkWidget *panel = GTK_WIDGET (tranche_window_get_source_panel (window));

  /* The empty state. */
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Ouvrir l’exemple") != NULL);
  tranche_window_open_sample (window);
  g_assert_cmpstr (subtitle (window), ==, "Jeu de données d’exemple");
  /* The filter bar's count and a chip. */
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "13 événements"));
  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  tranche_window_set_filter (window, filter);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "3 sur 13 événements"));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Investisseur" NBSP ": Microsoft"));

  /* The source panel: its empty state, then an event, in French. */
  wait_for (gui_test_find_shown_label (panel, "Sélectionnez un événement pour voir d’où "
                                              "viennent ses chiffres"));
  tranche_window_set_selected (window, gui_test_event_index (tranche_window_get_dataset (window),
                                                             "msft-2023"));
  /* $10B as French write it: the amount is its own label. */
  wait_for (gui_test_find_shown_label (panel, "10" NBSP "Md$"));
  gui_test_destroy_window (window);
}

static void
test_broken_file_in_french (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cassé.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrancheWindow *window = gui_test_new_window ();
  TrancheDataset *sample;
  GtkWidget *label;

  tranche_window_open_sample (window);
  sample = tranche_window_get_dataset (window);
  gui_test_write_file (path, "{\"tranche\": 1, \"events\": [", TRUE);
  gui_test_open_and_wait (window, file);
  /* What was open is kept, and the bar says so in French. */
  g_assert_true (tranche_window_get_dataset (window) == sample);
  /* shown once the bar's revealer has mapped it: waited for, not assumed */
  wait_for ((label = gui_test_find_shown_label (GTK_WIDGET (window),
                                                "Impossible d’ouvrir cassé.json (1 erreur). "
                                                "Ce qui était ouvert est conservé.")) != NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
                                                  label, GTK_TYPE_REVEALER))));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_print ("1..0 # SKIP no fr_FR.UTF-8 locale (locale-gen it, see install-deps.sh)\n");
      return 0;
    }
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  if (!gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add_func ("/window-fr/sample", test_sample_in_french);
  g_test_add_func ("/window-fr/broken-file", test_broken_file_in_french);
  return g_test_run ();
}
