/* tranche-problems-dialog.c
 *
 * Each problem is a row: severity icon, message, and where (JSON path and
 * line:column). Everything here comes from the file, so it is set as text,
 * never as markup. A file can have a thousand problems: rows are made by a
 * list view for those on screen only, each bound to the diagnostic at its
 * position (the model's items are only there to be counted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tranche-problems-dialog.h"

struct _TrancheProblemsDialog
{
  AdwWindow   parent_instance;

  GtkListView        *list;
  AdwWindowTitle     *window_title;
  TrancheDiagnostics *diagnostics;
};

G_DEFINE_FINAL_TYPE (TrancheProblemsDialog, tranche_problems_dialog, ADW_TYPE_WINDOW)

/* The element a problem is in ("events[3]"), which the window can open in
 * its editor (win.edit-element): an event left out is fixed from here. */
static char *
element_of (const char *path)
{
  const char *arrays[] = { "events[", "entities[", "sources[" };

  for (guint i = 0; path != NULL && i < G_N_ELEMENTS (arrays); i++)
    if (g_str_has_prefix (path, arrays[i]))
      {
        const char *end = strchr (path, ']');
        return end != NULL ? g_strndup (path, end + 1 - path) : NULL;
      }
  return NULL;
}

static void
edit_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkWindow *parent = gtk_window_get_transient_for (dialog);
  const char *element = g_object_get_data (G_OBJECT (button), "tranche-element");

  if (parent != NULL && element != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-element", "s", element);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *edit;

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_selectable (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_selectable (GTK_LABEL (where), TRUE);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (where), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "monospace");

  gtk_box_append (GTK_BOX (text_box), message);
  gtk_box_append (GTK_BOX (text_box), where);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text_box);
  edit = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TrancheProblemsDialog    *self)
{
  const TrancheDiagnostic *d = tranche_diagnostics_get (self->diagnostics,
                                                        gtk_list_item_get_position (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *message = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *where = gtk_widget_get_next_sibling (message);
  g_autoptr(GString) location = g_string_new (NULL);
  gboolean is_error = d->severity == TRANCHE_SEVERITY_ERROR;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), is_error ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, is_error ? "warning" : "error");
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"), -1);
  gtk_label_set_text (GTK_LABEL (message), d->message);

  if (d->path != NULL && *d->path != '\0')
    g_string_append (location, d->path);
  if (d->line > 0)
    {
      if (location->len > 0)
        g_string_append (location, " · ");
      /* Translators: where in the file: "line 12, column 5" */
      g_string_append_printf (location, _("line %u, column %u"), d->line, d->column);
    }
  gtk_label_set_text (GTK_LABEL (where), location->str);
  gtk_widget_set_visible (where, location->len > 0);
  {
    GtkWidget *edit = gtk_widget_get_last_child (box);
    char *element = element_of (d->path);

    g_object_set_data_full (G_OBJECT (edit), "tranche-element", element, g_free);
    gtk_widget_set_visible (edit, element != NULL);
  }
}

static void
tranche_problems_dialog_finalize (GObject *object)
{
  TrancheProblemsDialog *self = TRANCHE_PROBLEMS_DIALOG (object);

  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  G_OBJECT_CLASS (tranche_problems_dialog_parent_class)->finalize (object);
}

static void
tranche_problems_dialog_class_init (TrancheProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tranche_problems_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheProblemsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, TrancheProblemsDialog, window_title);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tranche_problems_dialog_init (TrancheProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrancheProblemsDialog *
tranche_problems_dialog_new (GtkWindow          *parent,
                             const char         *file_name,
                             TrancheDiagnostics *diagnostics)
{
  TrancheProblemsDialog *self;
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;
  guint n;

  g_return_val_if_fail (diagnostics != NULL, NULL);

  self = g_object_new (TRANCHE_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->diagnostics = tranche_diagnostics_ref (diagnostics);
  n = tranche_diagnostics_get_length (diagnostics);
  adw_window_title_set_subtitle (self->window_title, file_name ? file_name : "");
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (rows, "");
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  return self;
}
