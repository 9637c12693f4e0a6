/* tranche-window-edit-actions.c: the editing actions of a window
 *
 * New dataset, events, entities and sources; undo and redo; citing a
 * passage selected in an article; pasting an article as a source. Also the
 * recovery offered when a file with unsaved changes kept is opened, and the
 * bar shown when the file changes on disk under unsaved edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tranche-element-edit.h"
#include "tranche-element-editor.h"
#include "tranche-elements-dialog.h"
#include "tranche-import-dialog.h"
#include "tranche-window-edit-private.h"

#define TITLE_MAX_CHARS 160

static TrancheDocument *
current (TrancheWindow *self)
{
  return tranche_session_get_document (self->session);
}

static void
new_dataset_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  TrancheWindow *window = tranche_window_new (TRANCHE_APPLICATION (app));

  tranche_window_new_dataset (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tranche_window_edit_event (TRANCHE_WINDOW (widget), -1);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  tranche_window_edit_event (self, tranche_session_get_selected (self->session));
}

static void
select_event_id (TrancheWindow *self,
                 const char    *id)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);
  guint index;

  if (dataset == NULL || id == NULL)
    return;
  index = tranche_dataset_find_event (dataset, id);
  if (index < tranche_dataset_get_n_events (dataset))
    tranche_session_set_selected (self->session, index);
}

static void
duplicate_event_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheDocument *doc = _tranche_window_edit_document (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) copy = NULL;
  guint copy_index;
  int index;

  if (doc == NULL)
    return;
  index = _tranche_window_edit_event_index (self, doc,
                                            tranche_session_get_selected (self->session));
  if (index < 0)
    return;
  if (!tranche_document_duplicate_element (doc, TRANCHE_DOCUMENT_EVENTS, index, &copy_index,
                                           &error))
    {
      _tranche_window_add_toast (self, error->message);
      return;
    }
  copy = tranche_document_dup_element (doc, TRANCHE_DOCUMENT_EVENTS, copy_index);
  if (copy != NULL && JSON_NODE_HOLDS_OBJECT (copy))
    select_event_id (self, json_object_get_string_member_with_default
                             (json_node_get_object (copy), "id", NULL));
  tranche_window_edit_event (self, tranche_session_get_selected (self->session));
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheDocument *doc = _tranche_window_edit_document (self);
  AdwToast *toast;
  int index;

  if (doc == NULL)
    return;
  index = _tranche_window_edit_event_index (self, doc,
                                            tranche_session_get_selected (self->session));
  if (index < 0)
    return;
  tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, index);
  /* Deleting is one key away: the toast offers it back at once. */
  toast = adw_toast_new (_("Event deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrancheDocument *doc = current (TRANCHE_WINDOW (widget));

  if (doc != NULL && tranche_document_can_undo (doc))
    tranche_document_undo (doc);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrancheDocument *doc = current (TRANCHE_WINDOW (widget));

  if (doc != NULL && tranche_document_can_redo (doc))
    tranche_document_redo (doc);
}

static void
new_element_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheDocumentArray array = g_str_equal (action_name, "win.new-entity")
                               ? TRANCHE_DOCUMENT_ENTITIES : TRANCHE_DOCUMENT_SOURCES;
  TrancheElementEditor *editor;

  if (_tranche_window_edit_document (self) == NULL)
    return;
  editor = tranche_element_editor_new (GTK_WINDOW (self), self->session, array, -1, NULL);
  _tranche_window_edit_present (self, GTK_WINDOW (editor));
}

static void
edit_elements_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  if (_tranche_window_edit_document (self) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (tranche_elements_dialog_new (GTK_WINDOW (self),
                                                               self->session)));
}

/* "events[3]", "entities[0]" or "sources[1]" (a problem's element) in its
 * editor: an event the loader left out can be fixed only from there. */
static void
edit_element_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  const char *bracket = strchr (path, '[');
  g_autofree char *digits = NULL;
  TrancheDocumentArray array;
  TrancheDocument *doc;
  guint64 index;
  GtkWindow *editor;

  if (bracket == NULL)
    return;
  digits = g_strndup (bracket + 1, strcspn (bracket + 1, "]"));
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT, &index, NULL)
      || (doc = _tranche_window_edit_document (self)) == NULL)
    return;
  if (g_str_has_prefix (path, "events["))
    array = TRANCHE_DOCUMENT_EVENTS;
  else if (g_str_has_prefix (path, "entities["))
    array = TRANCHE_DOCUMENT_ENTITIES;
  else if (g_str_has_prefix (path, "sources["))
    array = TRANCHE_DOCUMENT_SOURCES;
  else
    return;
  if (index >= tranche_document_get_n_elements (doc, array))
    return;
  if (array == TRANCHE_DOCUMENT_EVENTS)
    editor = GTK_WINDOW (tranche_event_editor_new (GTK_WINDOW (self), self->session, index));
  else
    editor = GTK_WINDOW (tranche_element_editor_new (GTK_WINDOW (self), self->session, array,
                                                     index, NULL));
  _tranche_window_edit_present (self, editor);
}

/* Citing ------------------------------------------------------------------ */

static void
new_event_with_quote_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  const char *source, *quote;
  TrancheEventEditor *editor;

  g_variant_get (parameter, "(&s&s)", &source, &quote);
  editor = tranche_window_edit_event (self, -1);
  if (editor != NULL)
    tranche_event_editor_add_citation (editor, source, quote, FALSE);
}

static void
new_event_from_selection_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  g_autofree char *source = NULL;
  g_autofree char *quote = tranche_source_panel_dup_selection (self->source_panel, &source);

  if (quote != NULL)
    gtk_widget_activate_action (widget, "win.new-event-with-quote", "(ss)", source, quote);
}

/* The passage becomes one more citation of the dataset's event `event`. */
static void
add_citation (TrancheWindow *self,
              int            event,
              const char    *source,
              const char    *quote)
{
  TrancheDocument *doc;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) sources = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *citation;
  int index;

  if (quote == NULL || (doc = _tranche_window_edit_document (self)) == NULL
      || (index = _tranche_window_edit_event_index (self, doc, event)) < 0)
    return;
  node = tranche_document_dup_element (doc, TRANCHE_DOCUMENT_EVENTS, index);
  object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object != NULL && json_object_has_member (object, "sources")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sources")))
    sources = json_node_copy (json_object_get_member (object, "sources"));
  else
    {
      sources = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (sources, json_array_new ());
    }
  citation = json_object_new ();
  json_object_set_string_member (citation, "source", source);
  json_object_set_string_member (citation, "quote", quote);
  json_array_add_object_element (json_node_get_array (sources), citation);
  if (!tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, index, "sources", sources,
                                    &error))
    _tranche_window_add_toast (self, error->message);
  else
    _tranche_window_add_toast (self, _("Quote added to the event"));
}

/* A passage selected in the source panel, for the event the panel shows. */
static void
cite_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  g_autofree char *source = NULL;
  g_autofree char *quote = tranche_source_panel_dup_selection (self->source_panel, &source);

  add_citation (self, tranche_source_panel_get_event (self->source_panel), source, quote);
}

/* A passage of a source's text (the source editor), for the selected event. */
static void
cite_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  const char *source, *quote;

  g_variant_get (parameter, "(&s&s)", &source, &quote);
  add_citation (self, tranche_session_get_selected (self->session), source, quote);
}

GtkWindow *
tranche_window_paste_article (TrancheWindow *self,
                              const char    *text)
{
  g_autoptr(JsonObject) initial = json_object_new ();
  g_autofree char *title = NULL;
  TrancheElementEditor *editor;
  const char *line = text;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (_tranche_window_edit_document (self) == NULL)
    return NULL;
  /* An article's first line is most often its headline. */
  while (*line != '\0' && g_ascii_isspace (*line))
    line++;
  title = g_strndup (line, strcspn (line, "\r\n"));
  g_strstrip (title);
  if (g_utf8_strlen (title, -1) > TITLE_MAX_CHARS)
    *g_utf8_offset_to_pointer (title, TITLE_MAX_CHARS) = '\0';
  if (*title != '\0')
    json_object_set_string_member (initial, "title", title);
  json_object_set_string_member (initial, "text", text);
  editor = tranche_element_editor_new (GTK_WINDOW (self), self->session,
                                       TRANCHE_DOCUMENT_SOURCES, -1, initial);
  _tranche_window_edit_present (self, GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrancheWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result,
                                                          &error);

  if (text == NULL || *g_strstrip (g_strdup (text)) == '\0')
    {
      _tranche_window_add_toast (self, _("The clipboard holds no text to make a source of"));
      return;
    }
  tranche_window_paste_article (self, text);
}

static void
paste_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_ready_cb,
                                 g_object_ref (widget));
}

/* The file changed on disk ------------------------------------------------ */

static void
show_disk_notice (TrancheWindow *self,
                  const char    *notice)
{
  g_free (self->edit->disk_notice);
  self->edit->disk_notice = g_strdup (notice);
  gtk_label_set_text (self->edit->disk_label, notice);
  gtk_revealer_set_reveal_child (self->edit->disk_revealer, TRUE);
}

static void
hide_disk_notice (TrancheWindow *self)
{
  g_clear_pointer (&self->edit->disk_notice, g_free);
  gtk_revealer_set_reveal_child (self->edit->disk_revealer, FALSE);
}

static void
disk_reload_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheDocument *doc = current (self);

  hide_disk_notice (self);
  if (doc != NULL)
    tranche_document_discard_recovery (doc, NULL);
  _tranche_window_edit_adopt (self, NULL);
  if (self->file != NULL)
    _tranche_window_start_load (self, self->file, TRUE);
}

static void
disk_keep_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hide_disk_notice (TRANCHE_WINDOW (widget));
}

const char *
tranche_window_get_disk_notice (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->edit->disk_notice;
}

gboolean
_tranche_window_edit_hold_reload (TrancheWindow *self)
{
  TrancheDocument *doc = current (self);
  TrancheDiskState state;
  g_autofree char *name = NULL;
  g_autofree char *notice = NULL;

  if (doc == NULL)
    return FALSE;
  state = tranche_document_check_disk (doc);
  /* Our own save, a touch, or the same bytes written again. */
  if (state == TRANCHE_DISK_UNCHANGED && !tranche_document_get_modified (doc))
    return TRUE;
  if (!tranche_document_get_modified (doc))
    {
      /* Nothing to lose: the file wins, and the next edit starts from it. */
      _tranche_window_edit_adopt (self, NULL);
      return FALSE;
    }
  name = self->file ? g_file_get_basename (self->file) : g_strdup ("");
  if (state == TRANCHE_DISK_DELETED)
    /* Translators: the file's name */
    notice = g_strdup_printf (_("%s was deleted from the disk. Your unsaved changes are kept; "
                                "save them to write the file again."), name);
  else if (state == TRANCHE_DISK_CHANGED)
    notice = g_strdup_printf (_("%s changed on the disk. Your unsaved changes are kept."), name);
  else
    notice = g_strdup (_("Reloading would discard your unsaved changes."));
  show_disk_notice (self, notice);
  return TRUE;
}

/* Recovery ---------------------------------------------------------------- */

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      TrancheWindow    *self)
{
  TrancheDocument *doc = current (self);
  g_autoptr(GError) error = NULL;

  if (doc == NULL)
    return;
  if (g_strcmp0 (response, "restore") == 0)
    {
      if (!tranche_document_restore_recovery (doc, &error))
        _tranche_window_add_toast (self, error->message);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    tranche_document_discard_recovery (doc, NULL);
}

static gboolean
recovery_dir_is_empty (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "tranche", "recovery", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

  return listing == NULL || g_dir_read_name (listing) == NULL;
}

void
_tranche_window_edit_loaded (TrancheWindow *self,
                             gboolean       is_reload)
{
  g_autoptr(TrancheDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (is_reload)
    return;
  /* Another file: the edits of the last one were saved or discarded. */
  hide_disk_notice (self);
  _tranche_window_edit_adopt (self, NULL);
  if (self->file == NULL || recovery_dir_is_empty ()
      || (path = g_file_get_path (self->file)) == NULL
      || (doc = tranche_document_new_from_file (path, NULL)) == NULL
      || (recovery = tranche_document_find_recovery (doc)) == NULL)
    return;

  _tranche_window_edit_adopt (self, doc);
  name = g_file_get_basename (self->file);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), NULL);
  /* Translators: the file's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Changes to %s were not saved when Tranche last closed. "
                                    "They were kept, and can be restored."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"),
                                    "later", _("_Not Now"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
tranche_window_open_recovery (TrancheWindow  *self,
                              const char     *recovery,
                              GError        **error)
{
  g_autoptr(TrancheDocument) doc = NULL;
  const char *filename;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (recovery != NULL, FALSE);

  if ((doc = tranche_document_new_from_recovery (recovery, error)) == NULL)
    return FALSE;
  _tranche_window_cancel_load (self);
  filename = tranche_document_get_filename (doc);
  if (filename != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (filename);
      _tranche_window_set_file (self, file);
    }
  else
    _tranche_window_set_file (self, NULL);
  g_free (self->problems_name);
  self->problems_name = filename ? g_path_get_basename (filename)
                                 : g_strdup (_("Untitled Dataset"));
  hide_disk_notice (self);
  _tranche_window_edit_adopt (self, doc);
  _tranche_window_edit_document_changed (self, doc);
  return TRUE;
}

static void
recoveries_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TrancheWindow    *self)
{
  GPtrArray *recoveries = g_object_get_data (G_OBJECT (dialog), "tranche-recoveries");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (guint i = 0; recoveries != NULL && i < recoveries->len; i++)
    {
      const char *path = g_ptr_array_index (recoveries, i);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (response, "restore") == 0)
        {
          /* The first in this window, if it shows nothing of its own yet. */
          TrancheWindow *window = i == 0 && !tranche_session_get_modified (self->session)
                                  ? self : tranche_window_new (TRANCHE_APPLICATION (app));

          if (!tranche_window_open_recovery (window, path, &error))
            _tranche_window_add_toast (self, error->message);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_strcmp0 (response, "discard") == 0)
        {
          g_autoptr(TrancheDocument) doc = tranche_document_new_from_recovery (path, NULL);
          if (doc != NULL)
            tranche_document_discard_recovery (doc, NULL);
        }
    }
}

void
tranche_window_offer_recoveries (TrancheWindow *self)
{
  g_autoptr(GPtrArray) recoveries = NULL;
  GtkWidget *dialog;

  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  if (recovery_dir_is_empty ())
    return;
  recoveries = tranche_document_list_recoveries ();
  if (recoveries == NULL || recoveries->len == 0)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("Changes to %u dataset were not saved when Tranche "
                                            "last closed. They were kept, and can be restored.",
                                            "Changes to %u datasets were not saved when Tranche "
                                            "last closed. They were kept, and can be restored.",
                                            recoveries->len), recoveries->len);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"),
                                    "later", _("_Not Now"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "tranche-recoveries", g_steal_pointer (&recoveries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recoveries_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A window with unsaved edits never loads another file (or the sample,
 * `file` NULL) over them: that opens in a window of its own. */
gboolean
_tranche_window_edit_hold_load (TrancheWindow *self,
                                GFile         *file)
{
  GtkApplication *app;
  TrancheWindow *window;

  if (!tranche_session_get_modified (self->session))
    return FALSE;
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app == NULL)
    return FALSE;
  window = tranche_window_new (TRANCHE_APPLICATION (app));
  if (file != NULL)
    tranche_window_open_file (window, file);
  else
    tranche_window_open_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

/* Importing a spreadsheet ------------------------------------------------ */

TrancheWindow *
tranche_window_open_import (TrancheWindow  *self,
                            GBytes         *json,
                            GError        **error)
{
  g_autoptr(TrancheDocument) doc = NULL;
  TrancheWindow *window = self;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  if ((doc = tranche_document_new_unsaved (json, error)) == NULL)
    return NULL;
  /* Only a window showing the sample or an untouched new dataset is
   * "empty": a file of the analyst's stays open beside the import. */
  if (self->file != NULL || tranche_session_get_modified (self->session))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      window = tranche_window_new (app ? TRANCHE_APPLICATION (app) : NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
  _tranche_window_cancel_load (window);
  _tranche_window_set_file (window, NULL);
  g_free (window->problems_name);
  window->problems_name = g_strdup (_("Untitled Dataset"));
  _tranche_window_edit_adopt (window, doc);
  _tranche_window_edit_document_changed (window, doc);
  return window;
}

static void
import_cb (TrancheImportDialog *dialog,
           GBytes              *json,
           TrancheWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (tranche_window_open_import (self, json, &error) == NULL)
    _tranche_window_add_toast (self, error->message);
}

TrancheImportDialog *
tranche_window_import_csv (TrancheWindow *self,
                           GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  TrancheImportDialog *dialog;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = _tranche_window_display_name (file);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name,
                                                  error->message);
      _tranche_window_add_toast (self, message);
      return NULL;
    }
  dialog = tranche_import_dialog_new (GTK_WINDOW (self), name, bytes);
  g_signal_connect_object (dialog, "import", G_CALLBACK (import_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Set up ------------------------------------------------------------------ */

void
_tranche_window_edit_update_actions (TrancheWindow *self)
{
  gboolean has_dataset = tranche_session_get_dataset (self->session) != NULL;
  gboolean has_event = has_dataset && tranche_session_get_selected (self->session) >= 0;
  TrancheDocument *doc = current (self);
  gboolean saving = self->edit != NULL && self->edit->saving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 doc != NULL && tranche_document_can_undo (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 doc != NULL && tranche_document_can_redo (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_dataset && !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_dataset && !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entity", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-source", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-elements", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-article", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-events-from-article", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cite-selection", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cite-quote", has_event);
}

void
_tranche_window_edit_class_init (GtkWidgetClass *widget_class)
{
  static const struct { const char *name; const char *type; GtkWidgetActionActivateFunc f; }
  actions[] = {
    { "win.new-dataset", NULL, new_dataset_action },
    { "win.new-event", NULL, new_event_action },
    { "win.edit-event", NULL, edit_event_action },
    { "win.duplicate-event", NULL, duplicate_event_action },
    { "win.delete-event", NULL, delete_event_action },
    { "win.new-entity", NULL, new_element_action },
    { "win.new-source", NULL, new_element_action },
    { "win.edit-elements", NULL, edit_elements_action },
    { "win.edit-element", "s", edit_element_action },
    { "win.undo", NULL, undo_action },
    { "win.redo", NULL, redo_action },
    { "win.save", NULL, _tranche_window_edit_save },
    { "win.save-as", NULL, _tranche_window_edit_save_as },
    { "win.paste-article", NULL, paste_article_action },
    { "win.new-events-from-article", NULL, _tranche_window_new_events_from_article },
    { "win.cite-selection", NULL, cite_selection_action },
    { "win.new-event-from-selection", NULL, new_event_from_selection_action },
    { "win.new-event-with-quote", "(ss)", new_event_with_quote_action },
    { "win.cite-quote", "(ss)", cite_quote_action },
    { "win.disk-reload", NULL, disk_reload_action },
    { "win.disk-keep", NULL, disk_keep_action },
  };
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK, "win.new-dataset" },
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-event" },
    { GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-event" },
    { GDK_KEY_F2, 0, "win.edit-event" },
    { GDK_KEY_d, GDK_CONTROL_MASK, "win.duplicate-event" },
    { GDK_KEY_Delete, 0, "win.delete-event" },
    { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_s, GDK_CONTROL_MASK, "win.save" },
    { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as" },
    { GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as" },
    { GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-article" },
    { GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-article" },
    { GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-events-from-article" },
    { GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-events-from-article" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].type,
                                     actions[i].f);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                         keys[i].action, NULL);
}

static GtkWidget *
bar_button (const char *label,
            const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* The bar sits under the problems bar, in the same style. */
static void
add_disk_bar (TrancheWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-save-symbolic");
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->problems_revealer));

  self->edit->disk_revealer = GTK_REVEALER (gtk_revealer_new ());
  self->edit->disk_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (box, "problems-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->edit->disk_label), TRUE);
  gtk_label_set_xalign (self->edit->disk_label, 0);
  gtk_label_set_wrap (self->edit->disk_label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->edit->disk_label));
  gtk_box_append (GTK_BOX (box), bar_button (_("_Reload and Discard My Changes"),
                                             "win.disk-reload"));
  gtk_box_append (GTK_BOX (box), bar_button (_("_Keep My Changes"), "win.disk-keep"));
  gtk_revealer_set_child (self->edit->disk_revealer, box);
  gtk_revealer_set_transition_type (self->edit->disk_revealer,
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->edit->disk_revealer),
                              GTK_WIDGET (self->problems_revealer));
}

/* A dataset with no events yet says how to start, instead of empty
 * charts. */
static void
update_empty_page (TrancheWindow *self)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);
  gboolean empty = dataset != NULL && tranche_dataset_get_n_events (dataset) == 0;
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == self->edit->empty_page ? empty : !empty);
}

static void
add_empty_page (TrancheWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_New Event"));
  GtkWidget *paste = gtk_button_new_with_mnemonic (_("_Paste an Article"));
  GtkWidget *from_article = gtk_button_new_with_mnemonic (_("New Events from _Article…"));

  self->edit->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->edit->empty_page),
                                 "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->edit->empty_page), _("No Events Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->edit->empty_page),
                                   _("Add the first event, paste an article to cite its "
                                     "figures, or draft events from an article and review "
                                     "them."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.new-event");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (paste), "win.paste-article");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (from_article), "win.new-events-from-article");
  gtk_widget_add_css_class (from_article, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (paste, "pill");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), paste);
  gtk_box_append (GTK_BOX (box), from_article);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->edit->empty_page), box);
  gtk_widget_set_vexpand (self->edit->empty_page, TRUE);
  gtk_widget_set_visible (self->edit->empty_page, FALSE);
  gtk_box_append (self->charts_box, self->edit->empty_page);
  g_signal_connect_object (self->session, "notify::dataset", G_CALLBACK (update_empty_page),
                           self, G_CONNECT_SWAPPED);
}

void
_tranche_window_edit_init (TrancheWindow *self)
{
  self->edit = g_new0 (TrancheWindowEdit, 1);
  add_disk_bar (self);
  add_empty_page (self);
  g_signal_connect_object (self->session, "notify::can-undo",
                           G_CALLBACK (_tranche_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo",
                           G_CALLBACK (_tranche_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (_tranche_window_update_actions), self, G_CONNECT_SWAPPED);
}

/* Runs more than once. Edits not yet in a recovery file go there now: a
 * quit must not lose what a crash would not have. */
void
_tranche_window_edit_dispose (TrancheWindow *self)
{
  TrancheDocument *doc;

  if (self->edit == NULL)
    return;
  doc = self->session ? current (self) : NULL;
  if (doc != NULL && !self->edit->discarded && self->edit->recovery_source != 0
      && tranche_document_get_modified (doc))
    tranche_document_write_recovery (doc, NULL);
  g_clear_handle_id (&self->edit->recovery_source, g_source_remove);
  if (doc != NULL)
    g_signal_handlers_disconnect_by_data (doc, self);
  g_clear_weak_pointer (&self->edit->editor);
  g_clear_pointer (&self->edit->disk_notice, g_free);
  g_clear_pointer (&self->edit, g_free);
}
