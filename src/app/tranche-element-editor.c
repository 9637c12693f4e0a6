/* tranche-element-editor.c: a dialog that edits an entity or a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-editor-rows.h"
#include "tranche-element-edit.h"
#include "tranche-element-editor.h"

#define CHECK_DELAY_MS 300

typedef enum { FIELD_ENTRY, FIELD_COMBO, FIELD_TEXT } FieldKind;

typedef struct
{
  const char         *member;
  const char         *title;      /* translated when shown */
  FieldKind           kind;
  const char * const *values;     /* FIELD_COMBO: what the file says, "" for none */
} Field;

struct _TrancheElementEditor
{
  AdwWindow             parent_instance;

  TrancheSession       *session;
  TrancheDocument      *document;
  TrancheDocumentArray  array;
  int                   index;
  const Field          *spec;
  GHashTable           *widgets;   /* member → widget */
  GHashTable           *touched;
  gboolean              filling;
  guint                 check_source;
  AdwPreferencesPage   *page;
  GtkWidget            *apply_button;
  GtkWidget            *quote_button;
  GtkWidget            *cite_button;    /* for the event selected in the window */
  GtkWidget            *problems_group;
  GtkLabel             *problems_label;
};

G_DEFINE_FINAL_TYPE (TrancheElementEditor, tranche_element_editor, ADW_TYPE_WINDOW)

static const char * const entity_kinds[] = {
  "", "company", "investor", "fund", "person", "government", NULL
};
static const char * const entity_kind_labels[] = {
  N_("Not given (company)"), N_("Company"), N_("Investor"), N_("Fund"), N_("Person"),
  N_("Government"), NULL
};

static const Field entity_fields[] = {
  { "name", N_("Name"), FIELD_ENTRY, NULL },
  { "id", N_("Identifier"), FIELD_ENTRY, NULL },
  { "kind", N_("Kind"), FIELD_COMBO, entity_kinds },
  { "color", N_("Colour (#rrggbb)"), FIELD_ENTRY, NULL },
  { NULL, NULL, 0, NULL }
};

static const Field source_fields[] = {
  { "title", N_("Title"), FIELD_ENTRY, NULL },
  { "publisher", N_("Publisher"), FIELD_ENTRY, NULL },
  { "author", N_("Author"), FIELD_ENTRY, NULL },
  { "published", N_("Published (2023, 2023-11 or 2023-11-02)"), FIELD_ENTRY, NULL },
  { "language", N_("Language (en, fr, de…)"), FIELD_ENTRY, NULL },
  { "url", N_("Web address"), FIELD_ENTRY, NULL },
  { "id", N_("Identifier"), FIELD_ENTRY, NULL },
  { "summary", N_("Summary"), FIELD_ENTRY, NULL },
  { "text", N_("Article text"), FIELD_TEXT, NULL },
  { NULL, NULL, 0, NULL }
};

static void
schedule_check (TrancheElementEditor *self);

static void
touch (TrancheElementEditor *self,
       const char           *member)
{
  if (self->filling)
    return;
  g_hash_table_add (self->touched, (gpointer) g_intern_string (member));
  schedule_check (self);
}

/* A new element's id follows its name (or title) until the analyst
 * writes one. */
static void
follow_name (TrancheElementEditor *self,
             const char           *member)
{
  GtkWidget *id_row = g_hash_table_lookup (self->widgets, "id");
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (self->index >= 0 || self->document == NULL || id_row == NULL
      || g_strcmp0 (member, self->spec[0].member) != 0
      || g_hash_table_contains (self->touched, "id"))
    return;
  name = tranche_editor_dup_text (GTK_EDITABLE (g_hash_table_lookup (self->widgets, member)));
  id = tranche_element_edit_new_id (self->document, self->array, name);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (id_row), id);
  self->filling = FALSE;
}

static void
editable_changed_cb (GtkEditable          *editable,
                     TrancheElementEditor *self)
{
  const char *member = g_object_get_data (G_OBJECT (editable), "tranche-member");

  if (self->filling)
    return;
  touch (self, member);
  follow_name (self, member);
}

static void
combo_changed_cb (GObject              *row,
                  GParamSpec           *pspec,
                  TrancheElementEditor *self)
{
  touch (self, g_object_get_data (row, "tranche-member"));
}

static void
buffer_changed_cb (GtkTextBuffer        *buffer,
                   TrancheElementEditor *self)
{
  touch (self, "text");
}

static char *
selected_text (TrancheElementEditor *self)
{
  GtkWidget *view = g_hash_table_lookup (self->widgets, "text");
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (view == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
selection_changed_cb (TrancheElementEditor *self)
{
  g_autofree char *text = selected_text (self);

  gtk_widget_set_sensitive (self->quote_button, text != NULL && *text != '\0');
  gtk_widget_set_sensitive (self->cite_button, text != NULL && *text != '\0'
                                               && self->session != NULL
                                               && tranche_session_get_selected (self->session)
                                                  >= 0);
}

static GtkWidget *
make_text_view (const char *title)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  return view;
}

static void
build_form (TrancheElementEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  self->problems_group = adw_preferences_group_new ();
  self->problems_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problems_label, TRUE);
  gtk_label_set_xalign (self->problems_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group),
                             GTK_WIDGET (self->problems_label));
  gtk_widget_set_visible (self->problems_group, FALSE);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->problems_group));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  for (const Field *f = self->spec; f->member != NULL; f++)
    {
      GtkWidget *widget;

      if (f->kind == FIELD_ENTRY)
        {
          widget = tranche_editor_entry_row (_(f->title));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), widget);
          g_signal_connect (widget, "changed", G_CALLBACK (editable_changed_cb), self);
        }
      else if (f->kind == FIELD_COMBO)
        {
          g_autoptr(GPtrArray) labels = g_ptr_array_new ();
          for (guint i = 0; entity_kind_labels[i] != NULL; i++)
            g_ptr_array_add (labels, (gpointer) _(entity_kind_labels[i]));
          g_ptr_array_add (labels, NULL);
          widget = tranche_editor_combo_row (_(f->title), (const char * const *) labels->pdata);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), widget);
          g_signal_connect (widget, "notify::selected", G_CALLBACK (combo_changed_cb), self);
        }
      else
        {
          GtkWidget *text_group = adw_preferences_group_new ();
          GtkWidget *frame = gtk_frame_new (NULL);
          GtkWidget *scroller = gtk_scrolled_window_new ();
          GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkTextBuffer *buffer;

          gtk_box_append (GTK_BOX (buttons), self->cite_button);
          gtk_box_append (GTK_BOX (buttons), self->quote_button);
          gtk_widget_set_valign (buttons, GTK_ALIGN_END);

          widget = make_text_view (_(f->title));
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (text_group), _(f->title));
          adw_preferences_group_set_description
            (ADW_PREFERENCES_GROUP (text_group),
             _("Select a passage to start an event that quotes it."));
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
          gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
          gtk_frame_set_child (GTK_FRAME (frame), scroller);
          gtk_widget_add_css_class (frame, "view");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (text_group), frame);
          adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (text_group),
                                                   buttons);
          adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (text_group));
          buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
          g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
          g_signal_connect_swapped (buffer, "notify::has-selection",
                                    G_CALLBACK (selection_changed_cb), self);
          gtk_widget_set_visible (self->quote_button, TRUE);
          gtk_widget_set_visible (self->cite_button, TRUE);
        }
      g_object_set_data (G_OBJECT (widget), "tranche-member", (gpointer) f->member);
      g_hash_table_insert (self->widgets, (gpointer) f->member, widget);
    }
}

static void
fill (TrancheElementEditor *self,
      JsonObject           *element)
{
  self->filling = TRUE;
  for (const Field *f = self->spec; f->member != NULL; f++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->widgets, f->member);
      JsonNode *node = element ? json_object_get_member (element, f->member) : NULL;
      const char *value = node && json_node_get_value_type (node) == G_TYPE_STRING
                          ? json_node_get_string (node) : "";

      if (f->kind == FIELD_ENTRY)
        gtk_editable_set_text (GTK_EDITABLE (widget), value);
      else if (f->kind == FIELD_TEXT)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), value, -1);
      else
        for (guint i = 0; f->values[i] != NULL; i++)
          if (g_str_equal (f->values[i], value))
            adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
    }
  self->filling = FALSE;
}

static JsonObject *
build (TrancheElementEditor *self)
{
  JsonObject *element = json_object_new ();

  for (const Field *f = self->spec; f->member != NULL; f++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->widgets, f->member);
      g_autofree char *value = NULL;

      if (f->kind == FIELD_ENTRY)
        value = tranche_editor_dup_text (GTK_EDITABLE (widget));
      else if (f->kind == FIELD_TEXT)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
          GtkTextIter start, end;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          value = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        }
      else
        value = g_strdup (f->values[adw_combo_row_get_selected (ADW_COMBO_ROW (widget))]);
      if (value != NULL && *value != '\0')
        json_object_set_string_member (element, f->member, value);
    }
  return element;
}

static void
fill_edit (TrancheElementEditor *self,
           TrancheElementEdit   *edit,
           JsonObject           *element,
           GPtrArray            *touched)
{
  GHashTableIter iter;
  gpointer member;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &member, NULL))
    g_ptr_array_add (touched, member);
  g_ptr_array_add (touched, NULL);
  edit->array = self->array;
  edit->index = self->index;
  edit->edited = element;
  edit->touched = self->index >= 0 ? (const char * const *) touched->pdata : NULL;
}

static char *
check (TrancheElementEditor *self)
{
  g_autoptr(JsonObject) element = build (self);
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  g_autoptr(TrancheDiagnostics) problems = NULL;
  g_autofree char *path = NULL;
  TrancheElementEdit edit = { 0 };
  GHashTableIter iter;
  gpointer widget;
  GString *text = g_string_new (NULL);

  fill_edit (self, &edit, element, touched);
  edit.touched = NULL;
  problems = tranche_element_edit_check (&edit, self->document, &path);
  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    tranche_editor_mark_field (widget, NULL);
  for (guint i = 0; i < tranche_diagnostics_get_length (problems); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (problems, i);
      const char *relative = d->path + strlen (path);
      g_autofree char *member = g_strdup (relative + (*relative == '.'));
      char *cut = strpbrk (member, ".[");

      if (cut != NULL)
        *cut = '\0';
      if ((widget = g_hash_table_lookup (self->widgets, member)) != NULL)
        tranche_editor_mark_field (widget, d->message);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, d->message);
    }
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (self->problems_group, text->len > 0);
  return g_string_free (text, FALSE);
}

static gboolean
check_cb (gpointer user_data)
{
  TrancheElementEditor *self = user_data;
  g_autofree char *text = NULL;

  self->check_source = 0;
  text = check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (TrancheElementEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

/* The source is written first, so that the event can cite it: a new event
 * (editor.quote) or the one selected in the window (editor.cite). */
static void
quote_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrancheElementEditor *self = TRANCHE_ELEMENT_EDITOR (widget);
  g_autofree char *quote = selected_text (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(JsonObject) element = build (self);
  g_autofree char *id = NULL;

  if (quote == NULL || *quote == '\0' || !json_object_has_member (element, "id"))
    return;
  id = g_strdup (json_object_get_string_member (element, "id"));
  g_object_ref (parent);
  if (tranche_element_editor_apply (self) && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent),
                                g_str_equal (action_name, "editor.cite")
                                  ? "win.cite-quote" : "win.new-event-with-quote",
                                "(ss)", id, quote);
  g_object_unref (parent);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tranche_element_editor_apply (TRANCHE_ELEMENT_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
tranche_element_editor_dispose (GObject *object)
{
  TrancheElementEditor *self = TRANCHE_ELEMENT_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  G_OBJECT_CLASS (tranche_element_editor_parent_class)->dispose (object);
}

static void
tranche_element_editor_finalize (GObject *object)
{
  TrancheElementEditor *self = TRANCHE_ELEMENT_EDITOR (object);

  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  G_OBJECT_CLASS (tranche_element_editor_parent_class)->finalize (object);
}

static void
tranche_element_editor_class_init (TrancheElementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_element_editor_dispose;
  object_class->finalize = tranche_element_editor_finalize;

  gtk_widget_class_install_action (widget_class, "editor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.quote", NULL, quote_action);
  gtk_widget_class_install_action (widget_class, "editor.cite", NULL, quote_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tranche_element_editor_init (TrancheElementEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (NULL, NULL);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "editor.apply");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "editor.cancel");
  self->quote_button = gtk_button_new_with_mnemonic (_("New _Event from Selection"));
  self->cite_button = gtk_button_new_with_mnemonic (_("C_ite for the Selected Event"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cite_button), "editor.cite");
  gtk_widget_set_sensitive (self->cite_button, FALSE);
  gtk_widget_set_visible (self->cite_button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->quote_button), "editor.quote");
  gtk_widget_set_sensitive (self->quote_button, FALSE);
  gtk_widget_set_visible (self->quote_button, FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
}

TrancheElementEditor *
tranche_element_editor_new (GtkWindow            *parent,
                            TrancheSession       *session,
                            TrancheDocumentArray  array,
                            int                   index,
                            JsonObject           *initial)
{
  TrancheElementEditor *self;
  gboolean entity = array == TRANCHE_DOCUMENT_ENTITIES;
  int width = entity ? 520 : 680, height = entity ? 460 : 760;

  g_return_val_if_fail (TRANCHE_IS_SESSION (session), NULL);
  g_return_val_if_fail (tranche_session_get_document (session) != NULL, NULL);
  g_return_val_if_fail (array != TRANCHE_DOCUMENT_EVENTS, NULL);

  self = g_object_new (TRANCHE_TYPE_ELEMENT_EDITOR, "modal", TRUE, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->session = g_object_ref (session);
  self->document = g_object_ref (tranche_session_get_document (session));
  self->array = array;
  self->index = index;
  self->spec = entity ? entity_fields : source_fields;
  build_form (self);
  if (parent != NULL)
    {
      width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)) - 48);
      height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)) - 48);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 360));

  if (index >= 0)
    {
      g_autoptr(JsonNode) node = tranche_document_dup_element (self->document, array, index);
      fill (self, node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL);
      gtk_window_set_title (GTK_WINDOW (self), entity ? _("Edit Entity") : _("Edit Source"));
    }
  else
    {
      g_autofree char *id = NULL;
      GtkWidget *id_row = g_hash_table_lookup (self->widgets, "id");
      const char *name = NULL;

      fill (self, initial);
      if (initial != NULL && json_object_has_member (initial, entity ? "name" : "title"))
        name = json_object_get_string_member (initial, entity ? "name" : "title");
      if (initial == NULL || !json_object_has_member (initial, "id"))
        {
          id = tranche_element_edit_new_id (self->document, array, name ? name : NULL);
          self->filling = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (id_row), id);
          self->filling = FALSE;
        }
      gtk_window_set_title (GTK_WINDOW (self), entity ? _("New Entity") : _("New Source"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Add"));
    }
  gtk_widget_grab_focus (g_hash_table_lookup (self->widgets, self->spec[0].member));
  return self;
}

GtkWidget *
tranche_element_editor_get_field (TrancheElementEditor *self,
                                  const char           *member)
{
  g_return_val_if_fail (TRANCHE_IS_ELEMENT_EDITOR (self), NULL);
  return g_hash_table_lookup (self->widgets, member);
}

char *
tranche_element_editor_check_now (TrancheElementEditor *self)
{
  g_return_val_if_fail (TRANCHE_IS_ELEMENT_EDITOR (self), NULL);

  g_clear_handle_id (&self->check_source, g_source_remove);
  return check (self);
}

gboolean
tranche_element_editor_apply (TrancheElementEditor *self)
{
  g_autoptr(JsonObject) element = NULL;
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  TrancheElementEdit edit = { 0 };

  g_return_val_if_fail (TRANCHE_IS_ELEMENT_EDITOR (self), FALSE);

  element = build (self);
  fill_edit (self, &edit, element, touched);
  if (!tranche_element_edit_apply (&edit, self->document, NULL, &error))
    {
      gtk_label_set_text (self->problems_label, error->message);
      gtk_widget_set_visible (self->problems_group, TRUE);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
