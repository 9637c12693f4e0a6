/* tranche-window-actions.c: the window's win.* actions
 *
 * Opening (a chooser, recent files, the sample), reloading, the problems,
 * the panel and views, filters, export, copy as an image and presentation
 * mode. They act on the session and the window's widgets; enabling them is
 * _tranche_window_update_actions()'s job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tranche-chart-stack.h"
#include "tranche-csv-writer.h"
#include "tranche-export-context.h"
#include "tranche-export-dialog.h"
#include "tranche-problems-dialog.h"
#include "tranche-window-private.h"

static int compare_recent (gconstpointer a,
                           gconstpointer b);

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  TrancheWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        tranche_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");

  chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Funding datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  /* A spreadsheet opens in the import dialog. */
  gtk_file_filter_set_name (csv, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (both, _("Datasets and spreadsheets"));
  gtk_file_filter_add_mime_type (both, "application/json");
  gtk_file_filter_add_suffix (both, "json");
  gtk_file_filter_add_mime_type (both, "text/csv");
  gtk_file_filter_add_suffix (both, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), both);

  /* Start where the analyst was last time. */
  if (self->file != NULL || *last != '\0')
    {
      g_autoptr(GFile) current = self->file ? g_object_ref (self->file) : g_file_new_for_path (last);
      g_autoptr(GFile) folder = g_file_get_parent (current);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  tranche_window_open_file (TRANCHE_WINDOW (widget), file);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tranche_window_open_sample (TRANCHE_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  if (self->file != NULL)
    _tranche_window_start_load (self, self->file, TRUE);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheProblemsDialog *dialog;

  if (self->diagnostics == NULL)
    return;
  dialog = tranche_problems_dialog_new (GTK_WINDOW (self), self->problems_name,
                                        self->diagnostics);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (TRANCHE_WINDOW (widget)->problems_revealer, FALSE);
}

static void
dismiss_removed_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (TRANCHE_WINDOW (widget)->removed_revealer, FALSE);
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tranche_filter_bar_focus_search (TRANCHE_WINDOW (widget)->filter_bar);
}

static TrancheExportContext *
make_export_context (TrancheWindow *self)
{
  TrancheExportContext *context =
    tranche_export_context_new (tranche_session_get_dataset (self->session));
  TrancheMask *mask = tranche_session_get_mask (self->session);
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  char *dot;

  if (mask != NULL && !tranche_mask_shows_all (mask))
    {
      context->mask = g_bytes_ref (tranche_mask_get_bytes (mask));
      context->n_shown = tranche_mask_get_n_shown (mask);
    }
  tranche_viewport_get_range (tranche_session_get_viewport (self->session), &context->first,
                              &context->end);
  if (gtk_widget_get_width (GTK_WIDGET (self->charts_box)) > 0)
    {
      context->view_width = gtk_widget_get_width (GTK_WIDGET (self->charts_box));
      context->view_height = gtk_widget_get_height (GTK_WIDGET (self->charts_box));
    }
  context->views = TRANCHE_STACK_TIMELINE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->valuation)))
    context->views |= TRANCHE_STACK_VALUATION;
  if (gtk_widget_get_visible (GTK_WIDGET (self->cumulative)))
    context->views |= TRANCHE_STACK_CUMULATIVE;
  context->lane_mode = g_settings_get_enum (self->settings, "lane-grouping");
  context->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (name != NULL && (dot = strrchr (name, '.')) != NULL && dot != name)
    *dot = '\0';
  context->name = g_strdup (name != NULL ? name : "tranche");
  context->folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;
  return context;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheExportDialog *dialog;

  if (tranche_session_get_dataset (self->session) == NULL || self->presenting)
    return;
  dialog = tranche_export_dialog_new (GTK_WINDOW (self), make_export_context (self),
                                      self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
tranche_window_export_table (TrancheWindow  *self,
                             GFile          *file,
                             GError        **error)
{
  TrancheDataset *dataset;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  dataset = tranche_session_get_dataset (self->session);
  path = g_file_get_path (file);
  if (dataset == NULL || path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("There is no table to export to “%s”."), g_file_peek_path (file));
      return FALSE;
    }
  /* The session's mask: the table's events, as filtered, in the file's order. */
  return tranche_csv_export_events (dataset, tranche_session_get_mask_bytes (self->session),
                                    path, error);
}

static void
export_table_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  TrancheWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (file != NULL && tranche_window_export_table (self, file, &error))
        {
          TrancheMask *mask = tranche_session_get_mask (self->session);
          guint n = mask ? tranche_mask_get_n_shown (mask)
                         : tranche_dataset_get_n_events (tranche_session_get_dataset (
                                                           self->session));
          g_autofree char *text = g_strdup_printf (ngettext ("%u event exported as a table",
                                                             "%u events exported as a table",
                                                             n), n);
          _tranche_window_add_toast (self, text);
        }
      else if (error != NULL)
        _tranche_window_add_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (tranche_session_get_dataset (self->session) == NULL || self->presenting)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Table"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);
      char *dot = strrchr (base, '.');
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (dot != NULL)
        *dot = '\0';
      /* TRANSLATORS: the name offered for a table exported from "data.json" */
      name = g_strdup_printf (_("%s events.csv"), base);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     name ? name : _("events.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_table_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  g_autoptr(TrancheExportContext) context = NULL;
  g_autoptr(GError) error = NULL;

  if (tranche_session_get_dataset (self->session) == NULL)
    return;
  context = make_export_context (self);
  /* As sharp as the screen shows it. */
  if (tranche_export_context_copy_image (context, gtk_widget_get_clipboard (widget),
                                         gtk_widget_get_scale_factor (widget), &error))
    _tranche_window_add_toast (self, _("Chart copied as an image"));
  else
    _tranche_window_add_toast (self, error->message);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  GtkWidget *focus;

  if (tranche_session_get_dataset (self->session) == NULL || self->presenting)
    return;
  /* Remember what presenting hides, so Esc gives the window back as it was. */
  self->presenting = TRUE;
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  self->header_was_visible = gtk_widget_get_visible (GTK_WIDGET (self->header_revealer));
  self->problems_were_visible = gtk_widget_get_visible (GTK_WIDGET (self->problems_revealer));
  self->removed_were_visible = gtk_widget_get_visible (GTK_WIDGET (self->removed_revealer));
  g_free (self->stack_page);
  self->stack_page = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
  focus = gtk_root_get_focus (GTK_ROOT (self));
  g_set_weak_pointer (&self->focus_before, focus);
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);

  /* Hidden rather than folded: a revealer keeps its place while it slides. */
  gtk_widget_set_visible (GTK_WIDGET (self->header_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->removed_revealer), FALSE);
  tranche_presentation_view_start (self->presentation,
                                   g_settings_get_enum (self->settings, "lane-grouping"));
  gtk_stack_set_visible_child_full (self->main_stack, "presentation",
                                    GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_grab_focus (GTK_WIDGET (self->presentation));
  if (!self->was_fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));
}

void
_tranche_window_presentation_finished (TrancheWindow *self)
{
  if (!self->presenting)
    return;
  self->presenting = FALSE;
  if (!self->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  gtk_stack_set_visible_child_full (self->main_stack,
                                    self->stack_page ? self->stack_page : "dataset",
                                    GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->header_revealer), self->header_was_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_revealer), self->problems_were_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->removed_revealer), self->removed_were_visible);
  tranche_presentation_view_stop (self->presentation);
  if (self->focus_before != NULL)
    gtk_widget_grab_focus (self->focus_before);
  g_clear_weak_pointer (&self->focus_before);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  tranche_session_set_filter (self->session, NULL);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _tranche_window_cancel_load (TRANCHE_WINDOW (widget));
}

static void
rebuild_recent_menu (TrancheWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  /* Most recent first; only the JSON files this app opened, still present. */
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;
      const char *app_name = g_get_application_name ();

      if (app_name == NULL || !gtk_recent_info_has_application (info, app_name)
          || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Datasets"), "win.none");
      g_menu_append_item (menu, item);
    }
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  /* newest first */
  return -g_date_time_compare (ta, tb);
}

void
_tranche_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-removed", NULL,
                                   dismiss_removed_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view",
                                       "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view",
                                       "s", "table");
}

void
_tranche_window_init_actions (TrancheWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}
