/* tranche-problems-dialog.c
 *
 * Each problem is a row: severity icon, message, and where (JSON path and
 * line:column). Everything here comes from the file, so it is set as text,
 * never as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-problems-dialog.h"

struct _TrancheProblemsDialog
{
  AdwWindow   parent_instance;

  GtkListBox *list;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (TrancheProblemsDialog, tranche_problems_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (const TrancheDiagnostic *d)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon, *message, *where;
  g_autoptr(GString) location = g_string_new (NULL);
  gboolean is_error = d->severity == TRANCHE_SEVERITY_ERROR;

  icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"), -1);

  message = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (message), d->message);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_selectable (GTK_LABEL (message), TRUE);

  if (d->path != NULL && *d->path != '\0')
    g_string_append (location, d->path);
  if (d->line > 0)
    {
      if (location->len > 0)
        g_string_append (location, " · ");
      /* Translators: where in the file: "line 12, column 5" */
      g_string_append_printf (location, _("line %u, column %u"), d->line, d->column);
    }
  where = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (where), location->str);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_selectable (GTK_LABEL (where), TRUE);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (where), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "monospace");
  gtk_widget_set_visible (where, location->len > 0);

  gtk_box_append (GTK_BOX (text_box), message);
  gtk_box_append (GTK_BOX (text_box), where);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
tranche_problems_dialog_class_init (TrancheProblemsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  guint n;

  g_return_val_if_fail (diagnostics != NULL, NULL);

  self = g_object_new (TRANCHE_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  n = tranche_diagnostics_get_length (diagnostics);
  adw_window_title_set_subtitle (self->window_title, file_name ? file_name : "");
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, create_row (tranche_diagnostics_get (diagnostics, i)));
  return self;
}
