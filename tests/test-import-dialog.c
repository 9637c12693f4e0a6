/* test-import-dialog.c: a spreadsheet through the import dialog
 *
 * A Crunchbase-style export opened beside a dataset: the columns detected,
 * a column's member changed and the preview following it, the import
 * opened in a new window as an unsaved dataset with no file, and that
 * window's table exported through a filter. A French semicolon file opens
 * in the window that showed nothing.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "tranche-csv-reader.h"
#include "tranche-filter.h"
#include "tranche-import-dialog.h"
#include "tranche-window-edit.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);

  return g_file_new_for_path (path);
}

/* The preview row whose `column` contains `text`, or -1. */
static int
preview_row (TrancheImportDialog        *dialog,
             TrancheImportPreviewColumn  column,
             const char                 *text)
{
  const char *cell;

  for (guint r = 0; (cell = tranche_import_dialog_get_preview (dialog, r, column)) != NULL; r++)
    if (strstr (cell, text) != NULL)
      return r;
  return -1;
}

static gboolean
row_titled (GtkWidget *widget,
            gpointer   data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The combo of the column headed `header`, as the analyst finds it. */
static AdwComboRow *
column_combo (TrancheImportDialog *dialog,
              const char          *header)
{
  GtkWidget *row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, row_titled,
                                         (gpointer) header);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static TrancheWindow *
other_window (TrancheWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (TRANCHE_IS_WINDOW (l->data) && l->data != window)
      return l->data;
  return NULL;
}

static guint
column_named (TrancheCsvTable *table,
              const char      *name)
{
  for (guint c = 0; c < tranche_csv_table_get_n_fields (table, 0); c++)
    if (g_strcmp0 (tranche_csv_table_get (table, 0, c), name) == 0)
      return c;
  g_assert_not_reached ();
}

static void
export_filtered (TrancheWindow *window)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mistral.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheCsvTable) table = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  guint target, leads, amount;

  tranche_filter_set_text (filter, "Mistral");
  tranche_window_set_filter (window, filter);
  gui_test_iterate ();
  g_assert_true (tranche_window_export_table (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  table = tranche_csv_table_read (data, length, &error);
  g_assert_no_error (error);
  /* the header and the two Mistral rounds: what the filter shows, no more */
  g_assert_cmpuint (tranche_csv_table_get_n_rows (table), ==, 3);
  target = column_named (table, "target");
  leads = column_named (table, "lead investors");
  amount = column_named (table, "amount");
  for (guint r = 1; r < 3; r++)
    g_assert_cmpstr (tranche_csv_table_get (table, r, target), ==, "Mistral AI");
  /* by date: the seed round, then the Series A led by Andreessen Horowitz,
   * whose amount is the one the changed mapping chose (in USD) */
  g_assert_cmpstr (tranche_csv_table_get (table, 2, leads), ==, "Andreessen Horowitz");
  g_assert_cmpstr (tranche_csv_table_get (table, 2, amount), ==, "415000000");
  g_unlink (path);
  gui_test_remove_dir (dir);
}

static void
test_crunchbase (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(GFile) json = fixture ("round-trip.json");
  g_autoptr(GFile) csv = fixture ("crunchbase.csv");
  TrancheImportDialog *dialog;
  TrancheWindow *imported;
  TrancheDataset *dataset;
  AdwComboRow *money, *usd;
  int row;

  gui_test_open_and_wait (window, json);
  g_assert_nonnull (tranche_window_get_dataset (window));

  dialog = tranche_window_import_csv (window, csv);
  g_assert_nonnull (dialog);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpuint (tranche_import_dialog_get_n_columns (dialog), ==, 14);
  /* detected: the native amount, not the column converted to USD */
  money = column_combo (dialog, "Money Raised");
  usd = column_combo (dialog, "Money Raised (in USD)");
  g_assert_cmpuint (adw_combo_row_get_selected (money), ==, TRANCHE_CSV_AMOUNT);
  g_assert_cmpuint (adw_combo_row_get_selected (usd), ==, TRANCHE_CSV_IGNORE);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_import_dialog_get_dataset (dialog)),
                    ==, 5);
  g_assert_cmpuint (tranche_diagnostics_count (tranche_import_dialog_get_diagnostics (dialog),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  row = preview_row (dialog, TRANCHE_IMPORT_PREVIEW_TITLE, "Series A - Mistral AI");
  g_assert_cmpint (row, >=, 0);
  g_assert_nonnull (strstr (tranche_import_dialog_get_preview (dialog, row,
                                                               TRANCHE_IMPORT_PREVIEW_AMOUNT),
                            "385"));
  g_assert_nonnull (strstr (tranche_import_dialog_get_preview (dialog, row,
                                                               TRANCHE_IMPORT_PREVIEW_TARGET),
                            "Mistral AI"));
  g_assert_nonnull (strstr (tranche_import_dialog_get_preview (dialog, row,
                                                               TRANCHE_IMPORT_PREVIEW_INVESTORS),
                            "Lightspeed"));

  /* the analyst wants the amounts in dollars: the converted column instead,
   * and no longer the native currency's (a row whose currency disagrees
   * with its amount is left out, and the preview shows it) */
  adw_combo_row_set_selected (money, TRANCHE_CSV_IGNORE);
  adw_combo_row_set_selected (usd, TRANCHE_CSV_AMOUNT);
  g_assert_cmpint (preview_row (dialog, TRANCHE_IMPORT_PREVIEW_TITLE, "Series A - Mistral AI"),
                   ==, -1);
  g_assert_cmpuint (tranche_diagnostics_count (tranche_import_dialog_get_diagnostics (dialog),
                                               TRANCHE_SEVERITY_ERROR), >, 0);
  adw_combo_row_set_selected (column_combo (dialog, "Money Raised Currency"), TRANCHE_CSV_IGNORE);
  g_assert_cmpuint (tranche_diagnostics_count (tranche_import_dialog_get_diagnostics (dialog),
                                               TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_import_dialog_get_member (dialog, 5), ==, TRANCHE_CSV_IGNORE);
  g_assert_cmpuint (tranche_import_dialog_get_member (dialog, 7), ==, TRANCHE_CSV_AMOUNT);
  row = preview_row (dialog, TRANCHE_IMPORT_PREVIEW_TITLE, "Series A - Mistral AI");
  g_assert_cmpint (row, >=, 0);
  g_assert_null (strstr (tranche_import_dialog_get_preview (dialog, row,
                                                            TRANCHE_IMPORT_PREVIEW_AMOUNT),
                         "385"));
  g_assert_nonnull (strstr (tranche_import_dialog_get_preview (dialog, row,
                                                               TRANCHE_IMPORT_PREVIEW_AMOUNT),
                            "415"));

  tranche_import_dialog_import (dialog);
  /* the open dataset stays; the import is a new window's */
  imported = other_window (window);
  g_assert_nonnull (imported);
  g_assert_nonnull (tranche_window_get_file (window));
  wait_for (tranche_window_get_dataset (imported) != NULL);
  dataset = tranche_window_get_dataset (imported);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 5);
  g_assert_null (tranche_window_get_file (imported));
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (imported)));
  g_assert_nonnull (tranche_session_get_document (tranche_window_get_session (imported)));
  g_assert_null (tranche_document_get_filename (
    tranche_session_get_document (tranche_window_get_session (imported))));

  export_filtered (imported);
  gui_test_destroy_window (imported);
  gui_test_destroy_window (window);
}

static void
test_french_into_empty_window (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(GFile) csv = fixture ("french-excel.csv");
  TrancheImportDialog *dialog;
  TrancheDataset *dataset;
  int row;

  dialog = tranche_window_import_csv (window, csv);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (tranche_import_dialog_get_n_columns (dialog), ==, 6);
  g_assert_cmpuint (tranche_import_dialog_get_member (dialog, 1), ==, TRANCHE_CSV_TARGET);
  g_assert_cmpuint (tranche_import_dialog_get_member (dialog, 3), ==, TRANCHE_CSV_AMOUNT);
  row = preview_row (dialog, TRANCHE_IMPORT_PREVIEW_TARGET, "Doctolib");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (tranche_import_dialog_get_preview (dialog, row,
                                                      TRANCHE_IMPORT_PREVIEW_AMOUNT), !=, "");
  tranche_import_dialog_import (dialog);
  g_assert_null (other_window (window));
  wait_for (tranche_window_get_dataset (window) != NULL);
  dataset = tranche_window_get_dataset (window);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 4);
  g_assert_true (tranche_session_get_modified (tranche_window_get_session (window)));
  gui_test_destroy_window (window);
}

/* A file that is no CSV to import: the dialog says why and imports nothing. */
static void
test_nothing_to_import (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(GFile) csv = fixture ("latin1.csv");
  TrancheImportDialog *dialog = tranche_window_import_csv (window, csv);

  g_assert_nonnull (dialog);
  g_assert_null (tranche_import_dialog_get_dataset (dialog));
  tranche_import_dialog_import (dialog);
  g_assert_null (other_window (window));
  g_assert_null (tranche_window_get_dataset (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_destroy_window (window);
}

/* Dates that read both ways: the dialog says to choose the order in it (no
 * command-line option), and choosing it imports them. A file with no date
 * column says to choose one. */
static void
test_ambiguous_dates (void)
{
  TrancheWindow *window = gui_test_new_window ();
  g_autoptr(GFile) csv = fixture ("ambiguous-dates.csv");
  TrancheImportDialog *dialog = tranche_window_import_csv (window, csv);
  TrancheDiagnostics *diagnostics = tranche_import_dialog_get_diagnostics (dialog);
  AdwComboRow *date;

  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), >, 0);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    g_assert_null (strstr (tranche_diagnostics_get (diagnostics, i)->message, "--"));
  g_assert_nonnull (strstr (tranche_diagnostics_get (diagnostics, 0)->message,
                            "Dates such as 01/02/2023"));
  adw_combo_row_set_selected (column_combo (dialog, "Dates such as 01/02/2023"), 1);
  diagnostics = tranche_import_dialog_get_diagnostics (dialog);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_import_dialog_get_dataset (dialog)),
                    >, 0);

  /* no column read as the date: nothing to import, and the dialog says why */
  date = column_combo (dialog, "Date");
  adw_combo_row_set_selected (date, TRANCHE_CSV_IGNORE);
  g_assert_null (tranche_import_dialog_get_dataset (dialog));
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, row_titled,
                                          (gpointer) "No column holds the dates: choose one "
                                                     "to read as Date."));
  adw_combo_row_set_selected (date, TRANCHE_CSV_DATE);
  g_assert_nonnull (tranche_import_dialog_get_dataset (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
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
  g_test_add_func ("/import-dialog/crunchbase", test_crunchbase);
  g_test_add_func ("/import-dialog/french-into-empty-window", test_french_into_empty_window);
  g_test_add_func ("/import-dialog/nothing-to-import", test_nothing_to_import);
  g_test_add_func ("/import-dialog/ambiguous-dates", test_ambiguous_dates);
  return g_test_run ();
}
