/* tranche-import-dialog.c: a CSV file shown before it is imported
 *
 * Every change of a column's member (or of the date order) runs core's
 * import again on the whole file, so the preview and the problems are
 * exactly what Import will give: there is one implementation of the rules,
 * and the dialog only shows its result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tranche-csv-import.h"
#include "tranche-csv-reader.h"
#include "tranche-event-fields.h"
#include "tranche-format.h"
#include "tranche-import-dialog.h"
#include "tranche-loader.h"

/* Problems listed, at most: the count of the rest is said. */
#define MAX_PROBLEMS 100

struct _TrancheImportDialog
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;
  GtkGrid            *preview_grid;
  AdwPreferencesGroup *problems_group;
  GtkListBox         *problems_list;

  char               *name;
  GBytes             *bytes;
  guint               n_columns;
  TrancheCsvMember   *members;
  AdwComboRow       **combos;
  AdwComboRow        *date_order_row;
  gboolean            updating;

  TrancheDataset     *dataset;      /* what the rows give now */
  TrancheDiagnostics *diagnostics;  /* the import's, then the loader's */
  GBytes             *json;         /* the dataset's text */
  GPtrArray          *problem_rows;
};

G_DEFINE_FINAL_TYPE (TrancheImportDialog, tranche_import_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_IMPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What a column can hold, in TrancheCsvMember's order. */
static const char * const member_labels[TRANCHE_CSV_N_MEMBERS] = {
  N_("Not imported"), N_("Event id"), N_("Date"), N_("End date"), N_("Kind"), N_("Title"),
  N_("Company"), N_("Investors"), N_("Lead investors"), N_("Amount"), N_("Currency"),
  N_("Approximate"), N_("Minimum amount"), N_("Maximum amount"), N_("Valuation"),
  N_("Pre-money valuation"), N_("Post-money valuation"), N_("Valuation currency"),
  N_("Valuation basis"), N_("Round"), N_("Tags"), N_("Sources"), N_("Summary"),
};

static const char * const preview_headers[TRANCHE_IMPORT_PREVIEW_N_COLUMNS] = {
  N_("Date"), N_("Kind"), N_("Title"), N_("Investors"), N_("Company"), N_("Amount"),
};

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell_label (const char *text,
            int         min_chars,
            int         max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A floor on the width: GTK 4.8 measures a wrapping label asked for a
   * tiny height inconsistently, and warns. */
  gtk_label_set_width_chars (GTK_LABEL (label), min_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

static char *
preview_text (TrancheDataset             *dataset,
              const TrancheEvent         *event,
              TrancheImportPreviewColumn  column)
{
  const char *target;

  switch (column)
    {
    case TRANCHE_IMPORT_PREVIEW_DATE:
      return tranche_format_date (&event->date);
    case TRANCHE_IMPORT_PREVIEW_KIND:
      return g_strdup (tranche_event_kind_get_label (event->kind));
    case TRANCHE_IMPORT_PREVIEW_TITLE:
      return g_strdup (event->title ? event->title : "");
    case TRANCHE_IMPORT_PREVIEW_INVESTORS:
      {
        g_autofree char *names = tranche_event_dup_investor_names (dataset, event);
        g_autofree char *leads = tranche_event_dup_leads (dataset, event);

        if (leads == NULL || *names == '\0')
          return g_steal_pointer (&names);
        /* "Microsoft (led by Microsoft)" says one thing twice */
        if (event->n_investors == 1)
          /* TRANSLATORS: the one investor of a round, who led it */
          return g_strdup_printf (_("%s (lead)"), names);
        /* TRANSLATORS: investors, then who led the round ("led by Spark") */
        return g_strdup_printf (C_("investors", "%s (%s)"), names, leads);
      }
    case TRANCHE_IMPORT_PREVIEW_TARGET:
      target = tranche_event_get_target_name (dataset, event);
      return g_strdup (target ? target : "");
    case TRANCHE_IMPORT_PREVIEW_AMOUNT:
      return tranche_money_is_present (&event->amount) ? tranche_format_money (&event->amount)
                                                       : g_strdup ("");
    case TRANCHE_IMPORT_PREVIEW_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
fill_preview (TrancheImportDialog *self)
{
  /* dates, kinds and amounts are short and read whole; names wrap */
  static const int min_widths[] = { 11, 13, 10, 10, 10, 9 };
  static const int widths[] = { 12, 14, 28, 32, 16, 14 };
  guint n_events = self->dataset ? tranche_dataset_get_n_events (self->dataset) : 0;
  guint shown = MIN (n_events, TRANCHE_IMPORT_PREVIEW_ROWS);
  g_autofree char *description = NULL;

  clear_grid (self->preview_grid);
  for (guint c = 0; c < TRANCHE_IMPORT_PREVIEW_N_COLUMNS; c++)
    {
      GtkWidget *header = cell_label (_(preview_headers[c]), min_widths[c], widths[c]);

      /* a header is one word or two, never broken inside a word */
      gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (header), -1);
      gtk_widget_add_css_class (header, "heading");
      gtk_grid_attach (self->preview_grid, header, c, 0, 1, 1);
    }
  for (guint r = 0; r < shown; r++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, r);

      for (guint c = 0; c < TRANCHE_IMPORT_PREVIEW_N_COLUMNS; c++)
        {
          g_autofree char *text = preview_text (self->dataset, event, c);
          GtkWidget *label = cell_label (text, min_widths[c], widths[c]);

          if (c == TRANCHE_IMPORT_PREVIEW_AMOUNT)
            gtk_widget_add_css_class (label, "numeric");
          /* the room left goes to the longest texts */
          gtk_widget_set_hexpand (label, c == TRANCHE_IMPORT_PREVIEW_TITLE
                                         || c == TRANCHE_IMPORT_PREVIEW_INVESTORS);
          gtk_grid_attach (self->preview_grid, label, c, r + 1, 1, 1);
        }
    }
  if (n_events == 0)
    {
      GtkWidget *none = cell_label (_("No event can be imported with these columns."), 20, 60);

      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (self->preview_grid, none, 0, 1, TRANCHE_IMPORT_PREVIEW_N_COLUMNS, 1);
    }
  if (n_events > shown)
    description = g_strdup_printf (ngettext ("The first %u of %u event, by date.",
                                             "The first %u of %u events, by date.",
                                             n_events), shown, n_events);
  else if (n_events > 0)
    description = g_strdup_printf (ngettext ("%u event, by date.", "%u events, by date.",
                                             n_events), n_events);
  adw_preferences_group_set_description (self->preview_group, description);
}

static void
add_problem_row (TrancheImportDialog *self,
                 const char          *title,
                 const char          *subtitle,
                 gboolean             error)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->problems_list, row);
  g_ptr_array_add (self->problem_rows, row);
}

static void
fill_problems (TrancheImportDialog *self,
               const char          *failure)
{
  guint n = tranche_diagnostics_get_length (self->diagnostics);
  guint n_errors = tranche_diagnostics_count (self->diagnostics, TRANCHE_SEVERITY_ERROR);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->problem_rows->len; i++)
    gtk_list_box_remove (self->problems_list, self->problem_rows->pdata[i]);
  g_ptr_array_set_size (self->problem_rows, 0);

  if (failure != NULL)
    add_problem_row (self, failure, NULL, TRUE);
  for (guint i = 0; i < MIN (n, MAX_PROBLEMS); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (self->diagnostics, i);
      g_autofree char *where = NULL;

      if (d->line > 0 && d->column > 0)
        where = g_strdup_printf (_("Row %u, column %u"), d->line, d->column);
      else if (d->line > 0)
        where = g_strdup_printf (_("Row %u"), d->line);
      add_problem_row (self, d->message, where, d->severity == TRANCHE_SEVERITY_ERROR);
    }
  if (n > MAX_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more problem is not listed.",
                                                         "%u more problems are not listed.",
                                                         n - MAX_PROBLEMS), n - MAX_PROBLEMS);
      add_problem_row (self, more, NULL, FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), failure != NULL || n > 0);
  if (n_errors > 0)
    description = g_strdup_printf (ngettext ("A row with an error is left out; the others are "
                                             "imported.",
                                             "Rows with errors are left out; the others are "
                                             "imported.", n_errors));
  adw_preferences_group_set_description (self->problems_group, description);
}

/* "3=amount" for every column: what the combos say, whatever the headers. */
static char **
make_map (TrancheImportDialog *self)
{
  char **map = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    map[i] = g_strdup_printf ("%u=%s", i + 1, tranche_csv_member_to_string (self->members[i]));
  return map;
}

static void
update (TrancheImportDialog *self)
{
  static const TrancheCsvDateOrder orders[] = {
    TRANCHE_CSV_DATE_ORDER_UNKNOWN, TRANCHE_CSV_DATE_ORDER_DMY, TRANCHE_CSV_DATE_ORDER_MDY,
  };
  g_auto(GStrv) map = make_map (self);
  g_autofree char *title = NULL;
  TrancheCsvImportOptions options = { 0 };
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (self->bytes, &length);
  guint order = self->date_order_row ? adw_combo_row_get_selected (self->date_order_row) : 0;

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  g_clear_pointer (&self->json, g_bytes_unref);
  self->diagnostics = tranche_diagnostics_new ();

  title = g_strdup (self->name);
  if (g_str_has_suffix (title, ".csv") || g_str_has_suffix (title, ".CSV"))
    title[strlen (title) - 4] = '\0';
  options.map = (const char * const *) map;
  options.title = title;
  options.for_window = TRUE;
  options.date_order = order < G_N_ELEMENTS (orders) ? orders[order] : 0;
  document = tranche_csv_import (data ? data : "", length, &options, self->diagnostics, NULL,
                                 &error);
  if (document != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize text_length = 0;
      char *text;

      json_generator_set_root (generator, document);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, &text_length);
      self->json = g_bytes_new_take (text, text_length);
      /* The loader's own problems (none, unless the import has a bug) are
       * listed with the rows': the dataset must load as it is shown. */
      self->dataset = tranche_loader_load_bytes (self->json, NULL, NULL, self->diagnostics,
                                                 NULL);
    }
  fill_preview (self);
  fill_problems (self, error ? error->message : NULL);
  gtk_widget_set_sensitive (self->import_button,
                            self->dataset != NULL
                            && tranche_dataset_get_n_events (self->dataset) > 0);
}

static void
combo_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   TrancheImportDialog *self)
{
  if (self->updating)
    return;
  for (guint i = 0; i < self->n_columns; i++)
    if (self->combos[i] == row)
      self->members[i] = adw_combo_row_get_selected (row);
  update (self);
}

static GListModel *
member_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint m = 0; m < TRANCHE_CSV_N_MEMBERS; m++)
    gtk_string_list_append (list, _(member_labels[m]));
  return G_LIST_MODEL (list);
}

/* The first value under a column, to tell columns apart whose headers say
 * little ("Column 3", "Amount" twice). */
static const char *
first_value (TrancheCsvTable *table,
             guint            column)
{
  for (guint r = 1; r < MIN (tranche_csv_table_get_n_rows (table), 50u); r++)
    {
      const char *text = tranche_csv_table_get (table, r, column);

      if (*text != '\0')
        return text;
    }
  return NULL;
}

/* A column's first value on one short line: a long URL as a subtitle would
 * squeeze the combo's choice into "Non i…". */
static char *
sample_line (const char *sample)
{
  glong length = g_utf8_strlen (sample, -1);
  g_autofree char *start = g_utf8_substring (sample, 0, MIN (length, 24));

  g_strdelimit (start, "\r\n\t", ' ');
  return length > 24 ? g_strconcat (start, "…", NULL) : g_steal_pointer (&start);
}

static void
add_date_order_row (TrancheImportDialog *self)
{
  const char *orders[] = {
    _("From the values"), _("Day first: 25/09/2023"), _("Month first: 09/25/2023"), NULL,
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (orders);

  self->date_order_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_order_row),
                                 _("Dates such as 01/02/2023"));
  adw_combo_row_set_model (self->date_order_row, G_LIST_MODEL (model));
  g_signal_connect (self->date_order_row, "notify::selected", G_CALLBACK (combo_selected_cb),
                    self);
  adw_preferences_group_add (self->columns_group, GTK_WIDGET (self->date_order_row));
}

static void
build_columns (TrancheImportDialog *self)
{
  g_autoptr(TrancheCsvTable) table = NULL;
  g_autoptr(GListModel) model = member_model ();
  g_autofree const char **headers = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (self->bytes, &length);

  add_date_order_row (self);
  table = tranche_csv_table_read (data ? data : "", length, NULL);
  if (table == NULL || tranche_csv_table_get_n_rows (table) == 0)
    return;
  self->n_columns = tranche_csv_table_get_n_fields (table, 0);
  self->members = g_new0 (TrancheCsvMember, self->n_columns);
  self->combos = g_new0 (AdwComboRow *, self->n_columns);
  headers = g_new0 (const char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    headers[i] = tranche_csv_table_get (table, 0, i);
  tranche_csv_columns_map (headers, self->n_columns, NULL, self->members, NULL);

  self->updating = TRUE;
  for (guint i = 0; i < self->n_columns; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *sample = first_value (table, i);
      g_autofree char *title = *headers[i] != '\0' ? g_strdup (headers[i])
                                                   : g_strdup_printf (_("Column %u"), i + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (sample != NULL)
        {
          g_autofree char *line = sample_line (sample);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
        }
      adw_combo_row_set_model (row, model);
      adw_combo_row_set_selected (row, self->members[i]);
      g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->combos[i] = row;
    }
  self->updating = FALSE;
}

static void
import_clicked_cb (TrancheImportDialog *self)
{
  tranche_import_dialog_import (self);
}

static void
tranche_import_dialog_dispose (GObject *object)
{
  TrancheImportDialog *self = TRANCHE_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (tranche_import_dialog_parent_class)->dispose (object);
}

static void
tranche_import_dialog_finalize (GObject *object)
{
  TrancheImportDialog *self = TRANCHE_IMPORT_DIALOG (object);

  g_free (self->name);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->members);
  g_free (self->combos);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  g_clear_pointer (&self->json, g_bytes_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (tranche_import_dialog_parent_class)->finalize (object);
}

static void
tranche_import_dialog_class_init (TrancheImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_import_dialog_dispose;
  object_class->finalize = tranche_import_dialog_finalize;

  /* The dataset's JSON text, to open as a new unsaved dataset. */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BYTES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, TrancheImportDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tranche_import_dialog_init (TrancheImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem_rows = g_ptr_array_new ();
}

TrancheImportDialog *
tranche_import_dialog_new (GtkWindow  *parent,
                           const char *name,
                           GBytes     *bytes)
{
  TrancheImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL && bytes != NULL, NULL);

  self = g_object_new (TRANCHE_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->name = g_strdup (name);
  self->bytes = g_bytes_ref (bytes);
  adw_window_title_set_subtitle (self->window_title, name);
  build_columns (self);
  update (self);
  return self;
}

guint
tranche_import_dialog_get_n_columns (TrancheImportDialog *self)
{
  g_return_val_if_fail (TRANCHE_IS_IMPORT_DIALOG (self), 0);
  return self->n_columns;
}

TrancheCsvMember
tranche_import_dialog_get_member (TrancheImportDialog *self,
                                  guint                column)
{
  g_return_val_if_fail (TRANCHE_IS_IMPORT_DIALOG (self), TRANCHE_CSV_IGNORE);
  g_return_val_if_fail (column < self->n_columns, TRANCHE_CSV_IGNORE);
  return self->members[column];
}

void
tranche_import_dialog_set_member (TrancheImportDialog *self,
                                  guint                column,
                                  TrancheCsvMember     member)
{
  g_return_if_fail (TRANCHE_IS_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->n_columns && member < TRANCHE_CSV_N_MEMBERS);
  adw_combo_row_set_selected (self->combos[column], member);
}

TrancheDataset *
tranche_import_dialog_get_dataset (TrancheImportDialog *self)
{
  g_return_val_if_fail (TRANCHE_IS_IMPORT_DIALOG (self), NULL);
  return self->dataset;
}

TrancheDiagnostics *
tranche_import_dialog_get_diagnostics (TrancheImportDialog *self)
{
  g_return_val_if_fail (TRANCHE_IS_IMPORT_DIALOG (self), NULL);
  return self->diagnostics;
}

const char *
tranche_import_dialog_get_preview (TrancheImportDialog        *self,
                                   guint                       row,
                                   TrancheImportPreviewColumn  column)
{
  GtkWidget *label;

  g_return_val_if_fail (TRANCHE_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < TRANCHE_IMPORT_PREVIEW_N_COLUMNS, NULL);

  if (self->dataset == NULL || row >= MIN (tranche_dataset_get_n_events (self->dataset),
                                           TRANCHE_IMPORT_PREVIEW_ROWS))
    return NULL;
  label = gtk_grid_get_child_at (self->preview_grid, column, row + 1);
  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

void
tranche_import_dialog_import (TrancheImportDialog *self)
{
  g_return_if_fail (TRANCHE_IS_IMPORT_DIALOG (self));

  if (self->json == NULL || self->dataset == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0, self->json);
  gtk_window_close (GTK_WINDOW (self));
}
