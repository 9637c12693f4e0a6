/* tranche-window-edit.c: editing what a window shows
 *
 * The session's TrancheDocument is made from the open file at the first
 * edit (or from nothing, for a new dataset). Each change of its text reads
 * the dataset again with the loader, so every view, the problems bar and
 * the title follow. Saving is atomic and off the main thread; a failure
 * says why and keeps the edits. Unsaved text goes to a recovery file a few
 * seconds after each change, and is offered back when the file is opened
 * again. A file that changes on disk under unsaved edits is not reloaded
 * over them: a bar offers to reload (discarding them) or to keep them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-element-edit.h"
#include "tranche-loader.h"
#include "tranche-element-editor.h"
#include "tranche-window-edit-private.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"
#define RECOVERY_DELAY_S 3
/* Below this, reading the dataset again takes a few milliseconds. */
#define REREAD_IN_THREAD_BYTES (1024 * 1024)


static void save_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data);


static gboolean
write_recovery_cb (gpointer user_data)
{
  TrancheWindow *self = user_data;
  TrancheDocument *doc = tranche_session_get_document (self->session);
  g_autoptr(GError) error = NULL;

  self->edit->recovery_source = 0;
  if (doc != NULL && tranche_document_get_modified (doc)
      && !tranche_document_write_recovery (doc, &error))
    g_warning ("Could not keep the unsaved changes for recovery: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
show_dataset (TrancheWindow      *self,
              TrancheDataset     *dataset,
              TrancheDiagnostics *diagnostics,
              const GError       *error)
{
  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  self->diagnostics = tranche_diagnostics_ref (diagnostics);
  if (dataset == NULL && error != NULL && tranche_diagnostics_get_length (diagnostics) == 0)
    tranche_diagnostics_add (self->diagnostics, TRANCHE_SEVERITY_ERROR, "", 0, 0, "%s",
                             error->message);
  if (dataset != NULL)
    tranche_session_set_dataset (self->session, dataset);
  _tranche_window_update_problems (self, dataset == NULL);
}

typedef struct
{
  TrancheWindow      *window;    /* a reference */
  guint               generation;
  GBytes             *bytes;
  char               *filename;
  TrancheDataset     *dataset;
  TrancheDiagnostics *diagnostics;
  GError             *error;
} Reread;

static void
reread_free (Reread *reread)
{
  g_object_unref (reread->window);
  g_bytes_unref (reread->bytes);
  g_free (reread->filename);
  g_clear_pointer (&reread->dataset, tranche_dataset_unref);
  g_clear_pointer (&reread->diagnostics, tranche_diagnostics_unref);
  g_clear_error (&reread->error);
  g_free (reread);
}

static void
reread_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Reread *reread = task_data;

  reread->dataset = tranche_loader_load_bytes (reread->bytes, reread->filename, NULL,
                                               reread->diagnostics, &reread->error);
  g_task_return_boolean (task, TRUE);
}

/* Only the newest reading is shown: an older one that ends later is
 * dropped, and so is one that ends after the window closed. */
static void
reread_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Reread *reread = g_task_get_task_data (G_TASK (result));
  TrancheWindow *self = reread->window;

  if (self->edit != NULL && reread->generation == self->edit->generation)
    show_dataset (self, reread->dataset, reread->diagnostics, reread->error);
}

static void
reread_dataset (TrancheWindow   *self,
                TrancheDocument *doc)
{
  gsize len = 0;

  self->edit->generation++;
  tranche_document_get_text (doc, &len);
  if (len < REREAD_IN_THREAD_BYTES)
    {
      g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
      g_autoptr(TrancheDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      dataset = tranche_document_load_dataset (doc, diagnostics, &error);
      show_dataset (self, dataset, diagnostics, error);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, reread_done_cb, NULL);
      Reread *reread = g_new0 (Reread, 1);

      reread->window = g_object_ref (self);
      reread->generation = self->edit->generation;
      reread->bytes = tranche_document_get_bytes (doc);
      reread->filename = g_strdup (tranche_document_get_filename (doc));
      reread->diagnostics = tranche_diagnostics_new ();
      g_task_set_task_data (task, reread, (GDestroyNotify) reread_free);
      g_task_run_in_thread (task, reread_thread);
    }
}

/* The dataset is read again from the text after every change: what the
 * views show, and the problems, are what the loader makes of the file. A
 * big file is read in a worker thread, so that typing never waits for it. */
void
_tranche_window_edit_document_changed (TrancheWindow   *self,
                                       TrancheDocument *doc)
{
  reread_dataset (self, doc);
  g_clear_handle_id (&self->edit->recovery_source, g_source_remove);
  if (tranche_document_get_modified (doc))
    self->edit->recovery_source = g_timeout_add_seconds (RECOVERY_DELAY_S, write_recovery_cb,
                                                         self);
  else
    tranche_document_discard_recovery (doc, NULL);
}

void
_tranche_window_edit_adopt (TrancheWindow   *self,
                            TrancheDocument *doc)
{
  TrancheDocument *old = tranche_session_get_document (self->session);

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  g_clear_handle_id (&self->edit->recovery_source, g_source_remove);
  if (doc != NULL)
    g_signal_connect_object (doc, "changed",
                             G_CALLBACK (_tranche_window_edit_document_changed), self,
                             G_CONNECT_SWAPPED);
  tranche_session_set_document (self->session, doc);
}

static char *
display_name (TrancheWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled Dataset"));
}

TrancheDocument *
tranche_window_ensure_document (TrancheWindow  *self,
                                GError        **error)
{
  g_autoptr(TrancheDocument) doc = NULL;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);

  if (tranche_session_get_document (self->session) != NULL)
    return tranche_session_get_document (self->session);
  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      if (path == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Only local files can be edited."));
          return NULL;
        }
      doc = tranche_document_new_from_file (path, error);
    }
  else if (tranche_session_get_dataset (self->session) != NULL)
    {
      /* The sample: edited as a copy that Save puts somewhere else. */
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, error);

      if (bytes != NULL)
        doc = tranche_document_new_from_bytes (bytes, NULL, error);
    }
  else
    doc = tranche_document_new_empty ();
  if (doc == NULL)
    return NULL;
  _tranche_window_edit_adopt (self, doc);
  return doc;
}

TrancheDocument *
_tranche_window_edit_document (TrancheWindow *self)
{
  g_autoptr(GError) error = NULL;
  TrancheDocument *doc = tranche_window_ensure_document (self, &error);

  if (doc == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("This dataset can’t be edited: %s"),
                                              error->message);
      _tranche_window_add_toast (self, msg);
    }
  return doc;
}

void
tranche_window_new_dataset (TrancheWindow *self)
{
  g_autoptr(TrancheDocument) doc = tranche_document_new_empty ();

  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  _tranche_window_cancel_load (self);
  _tranche_window_set_file (self, NULL);
  g_free (self->problems_name);
  self->problems_name = g_strdup (_("Untitled Dataset"));
  _tranche_window_edit_adopt (self, doc);
  _tranche_window_edit_document_changed (self, doc);
}

/* The document's index of the dataset's event `index`. */
int
_tranche_window_edit_event_index (TrancheWindow   *self,
                      TrancheDocument *doc,
                      int              index)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);

  if (dataset == NULL || index < 0 || (guint) index >= tranche_dataset_get_n_events (dataset))
    return -1;
  return tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS,
                                        tranche_dataset_get_event (dataset, index)->id);
}

void
_tranche_window_edit_present (TrancheWindow *self,
                GtkWindow     *editor)
{
  g_set_weak_pointer (&self->edit->editor, editor);
  gtk_window_present (editor);
}

TrancheEventEditor *
tranche_window_edit_event (TrancheWindow *self,
                           int            index)
{
  TrancheDocument *doc;
  TrancheEventEditor *editor;
  int doc_index = -1;

  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);

  if ((doc = _tranche_window_edit_document (self)) == NULL)
    return NULL;
  if (index >= 0 && (doc_index = _tranche_window_edit_event_index (self, doc, index)) < 0)
    return NULL;
  editor = tranche_event_editor_new (GTK_WINDOW (self), self->session, doc_index);
  _tranche_window_edit_present (self, GTK_WINDOW (editor));
  return editor;
}

/* Saving ------------------------------------------------------------------ */

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         TrancheWindow    *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
show_save_error (TrancheWindow *self,
                 const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("The Dataset Could Not Be Saved"), NULL);

  /* Translators: the system's reason comes first ("Permission denied") */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nYour changes are kept, and the file on disk was not "
                                    "changed. You can save them somewhere else."),
                                  error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"), "save-as", _("Save _As…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TrancheWindow *self = TRANCHE_WINDOW (user_data);
  TrancheDocument *doc = TRANCHE_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  /* The window was closed meanwhile: the file is written, nothing to show. */
  if (self->edit == NULL)
    {
      tranche_document_save_finish (doc, result, NULL);
      g_object_unref (self);
      return;
    }
  self->edit->saving = FALSE;
  if (!tranche_document_save_finish (doc, result, &error))
    {
      self->edit->close_after_save = FALSE;
      show_save_error (self, error);
    }
  else if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (tranche_document_get_filename (doc));
      g_autofree char *name = NULL;
      g_autofree char *msg = NULL;

      if (self->file == NULL || !g_file_equal (file, self->file))
        _tranche_window_set_file (self, file);
      name = display_name (self);
      g_free (self->problems_name);
      self->problems_name = g_strdup (name);
      gtk_revealer_set_reveal_child (self->edit->disk_revealer, FALSE);
      g_clear_pointer (&self->edit->disk_notice, g_free);
      /* Translators: a toast, with the file's name */
      msg = g_strdup_printf (_("Saved %s"), name);
      _tranche_window_add_toast (self, msg);
      if (self->edit->close_after_save)
        {
          self->edit->closing = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
  _tranche_window_update_actions (self);
  g_object_unref (self);
}

void
tranche_window_save_to (TrancheWindow *self,
                        GFile         *file)
{
  TrancheDocument *doc;
  g_autofree char *path = NULL;

  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  if (self->edit->saving || (doc = _tranche_window_edit_document (self)) == NULL)
    return;
  if (file != NULL && (path = g_file_get_path (file)) == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Only local files can be saved."));
      show_save_error (self, error);
      return;
    }
  g_assert (path != NULL || tranche_document_get_filename (doc) != NULL);
  self->edit->saving = TRUE;
  _tranche_window_update_actions (self);
  tranche_document_save_async (doc, path, NULL, save_done_cb, g_object_ref (self));
}

gboolean
tranche_window_is_saving (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), FALSE);
  return self->edit->saving;
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     TrancheWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      tranche_window_save_to (self, file);
    }
  else
    self->edit->close_after_save = FALSE;
  g_object_unref (chooser);
}

void
_tranche_window_edit_save_as (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = display_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (_tranche_window_edit_document (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Dataset As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Tranche datasets"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("dataset.json"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_tranche_window_edit_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheDocument *doc = _tranche_window_edit_document (self);

  if (doc == NULL)
    return;
  if (tranche_document_get_filename (doc) == NULL)
    _tranche_window_edit_save_as (widget, "win.save-as", NULL);
  else
    tranche_window_save_to (self, NULL);
}

/* Closing with unsaved edits ---------------------------------------------- */

/* After the dialog is done with its response: closing the window under it
 * while it emits would pull its parent away too early. */
static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TrancheWindow    *self)
{
  TrancheDocument *doc = tranche_session_get_document (self->session);

  if (g_strcmp0 (response, "discard") == 0)
    {
      if (doc != NULL)
        tranche_document_discard_recovery (doc, NULL);
      self->edit->discarded = TRUE;
      self->edit->closing = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->edit->close_after_save = TRUE;
      _tranche_window_edit_save (GTK_WIDGET (self), "win.save", NULL);
    }
}

gboolean
_tranche_window_edit_close_request (TrancheWindow *self)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->edit->closing || !tranche_session_get_modified (self->session))
    return FALSE;
  name = display_name (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  /* Translators: the file's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s has changes that are not saved. Changes that are not "
                                    "saved are lost when the window closes."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
