/* tranche-window-load.c: opening, reloading and watching files
 *
 * Core loads in a worker thread (tranche_loader_load_file_async); the
 * window only shows the operation's progress, and swaps the dataset into
 * the session when a load succeeds, so a broken file never damages what is
 * open. A file that changes on disk is reloaded once the writing is over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-loader.h"
#include "tranche-window-private.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"
#define RELOAD_DELAY_MS 400
#define PROGRESS_DELAY_MS 250

typedef struct
{
  TrancheWindow *window;   /* a reference: the load reports back to it */
  gboolean       is_reload;
} LoadRequest;

static void file_changed_cb (TrancheWindow     *self,
                             GFile             *file,
                             GFile             *other_file,
                             GFileMonitorEvent  event,
                             GFileMonitor      *monitor);

char *
_tranche_window_display_name (GFile *file)
{
  const char *path;

  if (file == NULL)
    return g_strdup (_("Sample dataset"));
  path = g_file_peek_path (file);
  return path ? g_filename_display_basename (path) : g_file_get_basename (file);
}

static void
unwatch_file (TrancheWindow *self)
{
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
watch_file (TrancheWindow *self)
{
  g_autoptr(GError) error = NULL;

  unwatch_file (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching for changes: %s", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
remember_file (TrancheWindow *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;

  if (self->file == NULL)
    return;
  uri = g_file_get_uri (self->file);
  path = g_file_get_path (self->file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  g_settings_set_string (self->settings, "last-file", path ? path : "");
}

/* The open file was deleted or moved away (`removed`), or is back. What is
 * open stays open either way; the notice sits above the charts, where it
 * hides nothing, until the file comes back. */
static void
show_removed (TrancheWindow *self,
              gboolean       removed)
{
  if (removed)
    {
      g_autofree char *name = _tranche_window_display_name (self->file);
      g_autofree char *text =
        /* Translators: "data.json was removed from disk. …" */
        g_strdup_printf (_("%s was removed from disk. What was open is kept, and the file is "
                           "read again when it comes back."), name);
      gtk_label_set_text (self->removed_label, text);
    }
  gtk_revealer_set_reveal_child (self->removed_revealer, removed);
}

/* `file` is NULL for the sample. */
static void
finish_load (TrancheWindow      *self,
             GFile              *file,
             gboolean            is_reload,
             TrancheDataset     *dataset,
             TrancheDiagnostics *diagnostics,
             TrancheViewData    *views,
             const GError       *error)
{
  g_autofree char *name = _tranche_window_display_name (file);

  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  g_free (self->problems_name);
  self->problems_name = g_strdup (name);

  if (dataset == NULL)
    {
      /* A file that can't be read at all still gets a line in the problems,
       * with the reason the system gave ("Permission denied"). */
      self->diagnostics = diagnostics ? tranche_diagnostics_ref (diagnostics)
                                      : tranche_diagnostics_new ();
      if (tranche_diagnostics_get_length (self->diagnostics) == 0 && error != NULL)
        tranche_diagnostics_add (self->diagnostics, TRANCHE_SEVERITY_ERROR, "", 0, 0, "%s",
                                 error->message);
      /* The problems bar says so, above the charts: no toast over them. */
      _tranche_window_update_problems (self, TRUE);
      return;
    }

  self->diagnostics = tranche_diagnostics_ref (diagnostics);
  /* A reload keeps what the analyst was looking at; a new file is fitted. */
  if (!is_reload)
    tranche_viewport_clear_range (tranche_session_get_viewport (self->session));
  if (!is_reload || file == NULL || self->file == NULL || !g_file_equal (file, self->file))
    _tranche_window_set_file (self, file);
  show_removed (self, FALSE);
  /* No "Loaded N events" toast: it covered the charts for seconds, and the
   * header (title, file) and the filter bar (the count) already say it. */
  tranche_session_set_dataset_with_views (self->session, dataset, views);
  _tranche_window_update_problems (self, FALSE);
  _tranche_window_edit_loaded (self, is_reload);
}

static gboolean
showing_page (TrancheWindow *self,
              const char    *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), name) == 0;
}

/* Takes the progress of the current load away; touches widgets, so only
 * while the window has them (never from dispose). */
static void
stop_progress (TrancheWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->progress_bindings); i++)
    if (self->progress_bindings[i] != NULL)
      g_binding_unbind (g_steal_pointer (&self->progress_bindings[i]));
  g_clear_object (&self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (showing_page (self, "loading"))
    gtk_stack_set_visible_child_name (self->main_stack,
                                      tranche_session_get_dataset (self->session)
                                        ? "dataset" : "empty");
}

/* With nothing open, a load that takes a while fills the window: "No
 * Dataset Open" with its Open buttons would be wrong for the seconds a big
 * file takes. With a dataset open it stays in view, under the thin bar. */
static gboolean
show_progress_cb (gpointer user_data)
{
  TrancheWindow *self = user_data;

  self->progress_source = 0;
  if (showing_page (self, "empty"))
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !showing_page (self, "loading"));
  return G_SOURCE_REMOVE;
}

static void
follow_progress (TrancheWindow        *self,
                 TrancheLoadOperation *operation)
{
  g_assert (self->loading == NULL);

  self->loading = g_object_ref (operation);
  self->progress_bindings[0] =
    g_object_bind_property (operation, "fraction", self->progress_bar, "fraction",
                            G_BINDING_SYNC_CREATE);
  self->progress_bindings[1] =
    g_object_bind_property (operation, "fraction", self->loading_progress, "fraction",
                            G_BINDING_SYNC_CREATE);
  self->progress_bindings[2] =
    g_object_bind_property (operation, "message", self->loading_page, "title",
                            G_BINDING_SYNC_CREATE);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TrancheLoadOperation *operation = TRANCHE_LOAD_OPERATION (source);
  LoadRequest *request = user_data;
  TrancheWindow *self = request->window;
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = NULL;
  g_autoptr(TrancheViewData) views = NULL;
  g_autoptr(GError) error = NULL;

  dataset = tranche_loader_load_file_finish_with_views (result, &diagnostics, &views, &error);
  /* Cancelled, or replaced by a newer load: what it read is not wanted,
   * even when it finished before it heard of the cancel. */
  if (operation == self->loading)
    {
      finish_load (self, tranche_load_operation_get_file (operation), request->is_reload,
                   dataset, diagnostics, views, error);
      /* after finish_load(), which shows the dataset: the loading page then
       * never gives way to the empty one for a moment */
      stop_progress (self);
    }
  g_object_unref (request->window);
  g_free (request);
}

void
_tranche_window_set_file (TrancheWindow *self,
                          GFile         *file)
{
  g_autofree char *pins_id = NULL;

  g_assert (TRANCHE_IS_WINDOW (self));

  g_set_object (&self->file, file);
  watch_file (self);
  remember_file (self);
  /* Pinned lanes are remembered per file, by its path (URI when it has none). */
  if (file != NULL)
    pins_id = g_file_get_path (file);
  if (file != NULL && pins_id == NULL)
    pins_id = g_file_get_uri (file);
  tranche_timeline_view_set_pins_id (self->timeline, pins_id);
}

void
_tranche_window_start_load (TrancheWindow *self,
                            GFile         *file,
                            gboolean       is_reload)
{
  g_autoptr(TrancheLoadOperation) operation = NULL;
  /* the problems list shows --check's dataset-wide checks too */
  TrancheLoaderOptions options = { .n_threads = tranche_loader_threads_for_process (),
                                   .checks = TRUE };
  /* What the views will need, made in the worker too (tranche-view-data.h). */
  TrancheViewDataSpec views = {
    .chart_types = {
      G_OBJECT_TYPE (tranche_chart_view_get_chart (self->valuation)),
      G_OBJECT_TYPE (tranche_chart_view_get_chart (self->cumulative)),
    },
    .n_chart_types = 2,
  };
  LoadRequest *request;

  g_assert (TRANCHE_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  if (is_reload ? _tranche_window_edit_hold_reload (self)
                : _tranche_window_edit_hold_load (self, file))
    return;
  /* A newer request wins over one still loading. */
  _tranche_window_cancel_load (self);

  request = g_new0 (LoadRequest, 1);
  request->window = g_object_ref (self);
  request->is_reload = is_reload;
  g_object_get (self->timeline, "lane-mode", &views.lane_mode, NULL);
  operation = tranche_loader_load_file_for_views_async (file, &options, &views, NULL,
                                                        load_done_cb, request);
  follow_progress (self, operation);
}

void
_tranche_window_cancel_load (TrancheWindow *self)
{
  g_assert (TRANCHE_IS_WINDOW (self));

  if (self->loading == NULL)
    return;
  tranche_load_operation_cancel (self->loading);
  stop_progress (self);
}

void
_tranche_window_load_sample (TrancheWindow *self)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (TRANCHE_IS_WINDOW (self));

  if (_tranche_window_edit_hold_load (self, NULL))
    return;
  /* The sample is small and embedded: no thread needed. */
  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, &error);
  if (bytes != NULL)
    dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);

  /* A file still loading would replace the sample when done: it is
   * cancelled, and its progress goes with it. */
  _tranche_window_cancel_load (self);
  g_clear_object (&self->file);
  watch_file (self);
  finish_load (self, NULL, FALSE, dataset, diagnostics, NULL, error);
  /* The sample's pinned lanes are remembered like a file's, under its
   * resource's address. */
  if (dataset != NULL)
    tranche_timeline_view_set_pins_id (self->timeline, "resource://" SAMPLE_RESOURCE);
}

/* Safe to call more than once, and touches no widget. */
void
_tranche_window_dispose_load (TrancheWindow *self)
{
  if (self->loading != NULL)
    tranche_load_operation_cancel (self->loading);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->progress_bindings); i++)
    if (self->progress_bindings[i] != NULL)
      g_binding_unbind (g_steal_pointer (&self->progress_bindings[i]));
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  unwatch_file (self);
}

/* Once the writing is over, the file is either there (changed, or back
 * after being removed: read it again) or gone (say so, keep what is open).
 * Editors that save by deleting and creating, or by renaming a new file
 * over the old, end with the file there: only the reload is seen. */
static gboolean
reload_timeout_cb (gpointer user_data)
{
  TrancheWindow *self = user_data;

  self->reload_source = 0;
  if (self->file == NULL)
    return G_SOURCE_REMOVE;
  if (!g_file_query_exists (self->file, NULL))
    show_removed (self, TRUE);
  else
    {
      show_removed (self, FALSE);
      _tranche_window_start_load (self, self->file, TRUE);
    }
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (TrancheWindow     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_MOVED:
      /* Editors write in bursts (truncate, write, rename; or delete, then
       * create): wait for quiet, then look at what is there. */
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      break;
    }
}
