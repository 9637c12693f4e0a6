/* tranche-elements-dialog.c: the dataset's entities and sources, to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-element-editor.h"
#include "tranche-elements-dialog.h"

struct _TrancheElementsDialog
{
  AdwWindow            parent_instance;

  TrancheSession      *session;
  TrancheDocument     *document;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *groups[2];   /* entities, sources */
  GPtrArray           *rows[2];     /* the rows in each group */
};

G_DEFINE_FINAL_TYPE (TrancheElementsDialog, tranche_elements_dialog, ADW_TYPE_WINDOW)

static TrancheDocumentArray
array_of (guint group)
{
  return group == 0 ? TRANCHE_DOCUMENT_ENTITIES : TRANCHE_DOCUMENT_SOURCES;
}

static void
row_action_cb (GtkButton             *button,
               TrancheElementsDialog *self)
{
  const char *verb = g_object_get_data (G_OBJECT (button), "tranche-verb");
  guint group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tranche-group"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tranche-index"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (verb, "edit") || g_str_equal (verb, "add"))
    {
      TrancheElementEditor *editor =
        tranche_element_editor_new (GTK_WINDOW (self), self->session, array_of (group),
                                    g_str_equal (verb, "add") ? -1 : (int) index, NULL);
      gtk_window_present (GTK_WINDOW (editor));
    }
  else if (g_str_equal (verb, "duplicate"))
    tranche_document_duplicate_element (self->document, array_of (group), index, NULL, &error);
  else if (g_str_equal (verb, "delete"))
    tranche_document_delete_element (self->document, array_of (group), index);
  if (error != NULL)
    g_warning ("%s", error->message);
}

static GtkWidget *
row_button (TrancheElementsDialog *self,
            const char            *icon,
            const char            *label,
            const char            *verb,
            guint                  group,
            guint                  index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "tranche-verb", (gpointer) verb);
  g_object_set_data (G_OBJECT (button), "tranche-group", GUINT_TO_POINTER (group));
  g_object_set_data (G_OBJECT (button), "tranche-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (row_action_cb), self);
  return button;
}

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
rebuild (TrancheElementsDialog *self)
{
  for (guint group = 0; group < 2; group++)
    {
      TrancheDocumentArray array = array_of (group);
      guint n = tranche_document_get_n_elements (self->document, array);

      for (guint i = 0; i < self->rows[group]->len; i++)
        adw_preferences_group_remove (self->groups[group],
                                      g_ptr_array_index (self->rows[group], i));
      g_ptr_array_set_size (self->rows[group], 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JsonNode) node = tranche_document_dup_element (self->document, array, i);
          JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node)
                               ? json_node_get_object (node) : NULL;
          const char *id = member_text (object, "id");
          const char *name = member_text (object, group == 0 ? "name" : "title");
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = g_markup_escape_text (name ? name : id ? id : "?", -1);
          g_autofree char *subtitle = g_markup_escape_text (id ? id : "", -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, "document-edit-symbolic", _("Edit"),
                                                 "edit", group, i));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, "edit-copy-symbolic", _("Duplicate"),
                                                 "duplicate", group, i));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, "user-trash-symbolic", _("Delete"),
                                                 "delete", group, i));
          adw_preferences_group_add (self->groups[group], row);
          g_ptr_array_add (self->rows[group], row);
        }
    }
}

static void
tranche_elements_dialog_dispose (GObject *object)
{
  TrancheElementsDialog *self = TRANCHE_ELEMENTS_DIALOG (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  G_OBJECT_CLASS (tranche_elements_dialog_parent_class)->dispose (object);
}

static void
tranche_elements_dialog_finalize (GObject *object)
{
  TrancheElementsDialog *self = TRANCHE_ELEMENTS_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->document);
  for (guint group = 0; group < 2; group++)
    g_clear_pointer (&self->rows[group], g_ptr_array_unref);
  G_OBJECT_CLASS (tranche_elements_dialog_parent_class)->finalize (object);
}

static void
tranche_elements_dialog_class_init (TrancheElementsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_elements_dialog_dispose;
  object_class->finalize = tranche_elements_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tranche_elements_dialog_init (TrancheElementsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char *titles[] = { _("Entities"), _("Sources") };
  const char *adds[] = { _("Add _Entity"), _("Add _Source") };

  gtk_window_set_title (GTK_WINDOW (self), _("Entities and Sources"));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  for (guint group = 0; group < 2; group++)
    {
      GtkWidget *add = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      self->rows[group] = g_ptr_array_new ();
      self->groups[group] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[group], titles[group]);
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), adds[group]);
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_widget_add_css_class (add, "flat");
      g_object_set_data (G_OBJECT (add), "tranche-verb", (gpointer) "add");
      g_object_set_data (G_OBJECT (add), "tranche-group", GUINT_TO_POINTER (group));
      g_signal_connect (add, "clicked", G_CALLBACK (row_action_cb), self);
      adw_preferences_group_set_header_suffix (self->groups[group], add);
      adw_preferences_page_add (self->page, self->groups[group]);
    }
}

TrancheElementsDialog *
tranche_elements_dialog_new (GtkWindow      *parent,
                             TrancheSession *session)
{
  TrancheElementsDialog *self;
  int height = 640;

  g_return_val_if_fail (TRANCHE_IS_SESSION (session), NULL);
  g_return_val_if_fail (tranche_session_get_document (session) != NULL, NULL);

  self = g_object_new (TRANCHE_TYPE_ELEMENTS_DIALOG, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->session = g_object_ref (session);
  self->document = g_object_ref (tranche_session_get_document (session));
  if (parent != NULL)
    height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)) - 48);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, MAX (height, 360));
  g_signal_connect_object (self->document, "changed", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}
