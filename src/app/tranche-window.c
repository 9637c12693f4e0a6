/* tranche-window.c: the main window
 *
 * The window owns what is open: the dataset (immutable, swapped whole), the
 * filter and its mask, and the selected event. Children bind to those; a load
 * or reload runs in a worker thread and replaces the dataset only when it
 * succeeds, so a broken file never damages what is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tranche-application.h"
#include "tranche-chart-view.h"
#include "tranche-event-table.h"
#include "tranche-filter-bar.h"
#include "tranche-filter.h"
#include "tranche-loader.h"
#include "tranche-problems-dialog.h"
#include "tranche-source-panel.h"
#include "tranche-timeline-view.h"
#include "tranche-viewport.h"
#include "tranche-chart-stack.h"
#include "tranche-export-context.h"
#include "tranche-export-dialog.h"
#include "tranche-presentation-view.h"
#include "tranche-settings.h"
#include "tranche-window.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"
#define RELOAD_DELAY_MS 400
#define PROGRESS_DELAY_MS 250

typedef struct
{
  GFile         *file;       /* NULL for the sample */
  char          *path;
  gboolean       is_reload;
  gint           progress;   /* permille, written by the worker */
} LoadJob;

struct _TrancheWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TrancheDataset       *dataset;
  GFile                *file;          /* what is open; NULL for the sample */
  TrancheDiagnostics   *diagnostics;   /* of the last load or reload */
  char                 *problems_name; /* the file they are about */
  TrancheFilter        *filter;
  GBytes               *mask;          /* NULL: every event shown */
  guint                 n_shown;
  int                   selected;      /* event index, -1 for none */
  TrancheViewport      *viewport;      /* shared by the charts */

  GFileMonitor         *monitor;
  guint                 reload_source;
  GCancellable         *load_cancellable;
  LoadJob              *progress_job;  /* the load the progress bar follows */
  guint                 progress_source;

  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *header_revealer;
  AdwSplitButton       *open_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *problems_revealer;
  GtkImage             *problems_icon;
  GtkLabel             *problems_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  GtkStack             *main_stack;
  AdwFlap              *flap;
  GtkBox               *content_box;
  AdwViewStack         *view_stack;
  GtkBox               *charts_box;
  GtkBox               *table_box;
  GtkBox               *panel_box;
  GtkDropTarget        *drop_target;

  TrancheFilterBar     *filter_bar;
  TrancheTimelineView  *timeline;
  GtkWidget            *lower_charts;  /* the valuation and cumulative charts */
  TrancheChartView     *valuation;
  TrancheChartView     *cumulative;
  TrancheEventTable    *table;
  TrancheSourcePanel   *source_panel;

  /* Presentation mode, and what it hides, to give back on Esc. */
  TranchePresentationView *presentation;
  gboolean              presenting;
  gboolean              was_fullscreen;
  gboolean              header_was_visible;
  gboolean              problems_were_visible;
  char                 *stack_page;
  GtkWidget            *focus_before;
  AdwToast             *last_toast;    /* weak: dismissed when presenting starts */
};

G_DEFINE_FINAL_TYPE (TrancheWindow, tranche_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILTER,
  PROP_MASK,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_load       (TrancheWindow     *self,
                              GFile             *file,
                              gboolean           is_reload);
static void file_changed_cb  (TrancheWindow     *self,
                              GFile             *file,
                              GFile             *other_file,
                              GFileMonitorEvent  event,
                              GFileMonitor      *monitor);
static int  compare_recent   (gconstpointer      a,
                              gconstpointer      b);

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job);
}

static char *
display_name_for (GFile *file)
{
  if (file == NULL)
    return g_strdup (_("Sample dataset"));
  return g_file_get_basename (file);
}

static void
add_toast (TrancheWindow *self,
           const char    *text)
{
  /* Toast titles are markup in libadwaita 1.2, and what we show can contain
   * file names: escape them so they stay text. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  /* Nothing pops up on the projector while presenting. */
  if (self->presenting)
    return;
  toast = adw_toast_new (escaped);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (TrancheWindow *self)
{
  gboolean has_dataset = self->dataset != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems",
                                 self->diagnostics != NULL
                                 && tranche_diagnostics_get_length (self->diagnostics) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 has_dataset && !tranche_filter_is_empty (self->filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_dataset);
}

static void
update_title (TrancheWindow *self)
{
  const char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->dataset != NULL)
    {
      guint n = tranche_dataset_get_n_events (self->dataset);
      title = tranche_dataset_get_title (self->dataset);
      if (title == NULL || *title == '\0')
        title = _("Untitled Dataset");
      if (self->mask != NULL)
        /* Translators: shown in the window subtitle when a filter is on */
        subtitle = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", n),
                                    self->n_shown, n);
      else
        subtitle = g_strdup_printf (ngettext ("%u event", "%u events", n), n);
    }
  adw_view_switcher_title_set_title (self->switcher_title, title ? title : _("Tranche"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Tranche"));
}

static void
update_problems (TrancheWindow *self,
                 gboolean       failed)
{
  guint n_errors = 0, n_warnings = 0;
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  if (self->diagnostics != NULL)
    {
      n_errors = tranche_diagnostics_count (self->diagnostics, TRANCHE_SEVERITY_ERROR);
      n_warnings = tranche_diagnostics_count (self->diagnostics, TRANCHE_SEVERITY_WARNING);
    }
  if (n_errors + n_warnings == 0)
    {
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
      update_actions (self);
      return;
    }

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  if (failed)
    /* Translators: "data.json could not be opened (1 error). The dataset already open is kept." */
    text = g_strdup_printf (_("%s could not be opened (%s). What was open is kept."),
                            self->problems_name, errors);
  else if (n_errors > 0)
    {
      guint skipped = tranche_dataset_get_n_skipped (self->dataset);
      g_autofree char *left_out = g_strdup_printf (ngettext ("%u event was left out",
                                                             "%u events were left out", skipped),
                                                   skipped);
      /* Translators: "data.json: 2 errors, 1 warning; 2 events were left out" */
      text = g_strdup_printf (_("%s: %s, %s; %s"), self->problems_name, errors, warnings,
                              left_out);
    }
  else
    /* Translators: "data.json: 2 warnings" */
    text = g_strdup_printf (_("%s: %s"), self->problems_name, warnings);

  gtk_label_set_text (self->problems_label, text);
  gtk_image_set_from_icon_name (self->problems_icon, n_errors > 0 ? "dialog-error-symbolic"
                                                                  : "dialog-warning-symbolic");
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
  update_actions (self);
}

static void
apply_filter (TrancheWindow *self)
{
  g_clear_pointer (&self->mask, g_bytes_unref);
  self->n_shown = 0;
  if (self->dataset != NULL)
    self->mask = tranche_filter_apply (self->filter, self->dataset, &self->n_shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
  if (self->dataset != NULL)
    tranche_filter_bar_set_counts (self->filter_bar, self->n_shown,
                                   tranche_dataset_get_n_events (self->dataset));
  update_title (self);
  update_actions (self);
}

static void
set_dataset (TrancheWindow  *self,
             TrancheDataset *dataset)
{
  const char *selected_id = NULL;
  g_autoptr(TrancheDataset) old = NULL;
  int keep = -1;

  if (self->dataset == dataset)
    return;

  /* Keep the selection across a reload by the event's id. */
  if (self->dataset != NULL && self->selected >= 0)
    selected_id = tranche_dataset_get_event (self->dataset, self->selected)->id;

  old = g_steal_pointer (&self->dataset);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  self->selected = -1;
  if (self->dataset != NULL && selected_id != NULL)
    {
      guint found = tranche_dataset_find_event (self->dataset, selected_id);
      if (found != TRANCHE_NO_ENTITY)
        keep = found;
    }

  /* A reload while presenting must not end the presentation: the page to
   * come back to changes instead. */
  if (self->presenting)
    {
      g_free (self->stack_page);
      self->stack_page = g_strdup (self->dataset ? "dataset" : "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, self->dataset ? "dataset" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  /* A first dataset puts the keyboard on the timeline, so arrows step
   * through events at once; a reload leaves the focus where it was. */
  if (old == NULL && self->dataset != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  apply_filter (self);
  /* Only now: the table clears its selection on a new dataset, and through
   * the bindings that would clear the kept one. */
  self->selected = keep;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
watch_file (TrancheWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
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

static void
finish_load (TrancheWindow      *self,
             LoadJob            *job,
             TrancheDataset     *dataset,
             TrancheDiagnostics *diagnostics,
             const GError       *error)
{
  g_autofree char *name = display_name_for (job->file);

  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  g_free (self->problems_name);
  self->problems_name = g_strdup (name);

  if (dataset == NULL)
    {
      /* A file that can't be read at all still gets a line in the problems. */
      self->diagnostics = diagnostics ? tranche_diagnostics_ref (diagnostics)
                                      : tranche_diagnostics_new ();
      if (tranche_diagnostics_get_length (self->diagnostics) == 0 && error != NULL)
        tranche_diagnostics_add (self->diagnostics, TRANCHE_SEVERITY_ERROR, "", 0, 0, "%s",
                                 error->message);
      update_problems (self, TRUE);
      if (!job->is_reload)
        {
          g_autofree char *msg = g_strdup_printf (_("Could not open %s"), name);
          add_toast (self, msg);
        }
      return;
    }

  self->diagnostics = tranche_diagnostics_ref (diagnostics);
  /* A reload keeps what the analyst was looking at; a new file is fitted. */
  if (!job->is_reload)
    tranche_viewport_clear_range (self->viewport);
  if (!job->is_reload || !g_file_equal (job->file, self->file))
    {
      g_set_object (&self->file, job->file);
      watch_file (self);
      remember_file (self);
    }
  set_dataset (self, dataset);
  update_problems (self, FALSE);

  {
    guint n = tranche_dataset_get_n_events (dataset);
    guint skipped = tranche_dataset_get_n_skipped (dataset);
    g_autofree char *loaded = g_strdup_printf (job->is_reload
                                                 ? ngettext ("Reloaded %u event",
                                                             "Reloaded %u events", n)
                                                 : ngettext ("Loaded %u event",
                                                             "Loaded %u events", n), n);
    if (skipped > 0)
      {
        g_autofree char *msg =
          /* Translators: "Loaded 40 events, 2 left out" */
          g_strdup_printf (ngettext ("%s, %u left out", "%s, %u left out", skipped),
                           loaded, skipped);
        add_toast (self, msg);
      }
    else
      add_toast (self, loaded);
  }
}

static gboolean
showing_page (TrancheWindow *self,
              const char    *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), name) == 0;
}

static void
stop_progress (TrancheWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->progress_job = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (showing_page (self, "loading"))
    gtk_stack_set_visible_child_name (self->main_stack, self->dataset ? "dataset" : "empty");
}

/* With nothing open, a load that takes a while fills the window: "No
 * Dataset Open" with its Open buttons would be wrong for the seconds a big
 * file takes. With a dataset open it stays in view, under the thin bar. */
static void
show_loading_page (TrancheWindow *self,
                   LoadJob       *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  /* Translators: the title while a file is read; %s is its name */
  g_autofree char *title = g_strdup_printf (_("Opening %s"), name);

  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  TrancheWindow *self = user_data;
  double fraction;

  if (self->progress_job == NULL)
    return G_SOURCE_REMOVE;
  fraction = g_atomic_int_get (&self->progress_job->progress) / 1000.0;
  if (showing_page (self, "empty"))
    show_loading_page (self, self->progress_job);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !showing_page (self, "loading"));
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_fraction (self->loading_progress, fraction);
  return G_SOURCE_CONTINUE;
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);

  g_cancellable_cancel (self->load_cancellable);
  stop_progress (self);
}

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  LoadJob *job = user_data;

  g_atomic_int_set (&job->progress, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

typedef struct
{
  TrancheDataset     *dataset;
  TrancheDiagnostics *diagnostics;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->dataset, tranche_dataset_unref);
  g_clear_pointer (&result->diagnostics, tranche_diagnostics_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  TrancheLoaderOptions options = {
    .cancellable = cancellable,
    .progress = load_progress_cb,
    .progress_data = job,
    .n_threads = tranche_loader_threads_for_process (),
  };
  GError *error = NULL;

  result->diagnostics = tranche_diagnostics_new ();
  result->dataset = tranche_loader_load_file (job->path, &options, result->diagnostics, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  /* Failures are reported through the diagnostics, which the result carries. */
  if (result->dataset == NULL && tranche_diagnostics_get_length (result->diagnostics) == 0)
    {
      load_result_free (result);
      g_task_return_error (task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                              _("The file could not be read")));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  TrancheWindow *self = TRANCHE_WINDOW (source);
  GTask *task = G_TASK (res);
  LoadJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  gboolean current = self->progress_job == job;

  result = g_task_propagate_pointer (task, &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish_load (self, job, NULL, NULL, error);
    }
  else
    {
      finish_load (self, job, result->dataset, result->diagnostics, NULL);
      load_result_free (result);
    }
  /* after finish_load(), which shows the dataset: the loading page then
   * never gives way to the empty one for a moment */
  if (current)
    stop_progress (self);
}

static void
start_load (TrancheWindow *self,
            GFile         *file,
            gboolean       is_reload)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_assert (G_IS_FILE (file));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  job->is_reload = is_reload;

  if (job->path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Only local files can be opened"));
      finish_load (self, job, NULL, NULL, error);
      load_job_free (job);
      return;
    }

  /* A newer request wins over one still loading. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  stop_progress (self);

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);

  self->progress_job = job;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, progress_tick_cb, self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  TrancheWindow *self = user_data;

  self->reload_source = 0;
  if (self->file != NULL)
    start_load (self, self->file, TRUE);
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
      /* Editors write in bursts (truncate, write, rename): wait for quiet. */
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

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
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");

  chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Funding datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json);

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
    start_load (self, self->file, TRUE);
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

static void
event_activated_cb (TrancheWindow *self,
                    int            index)
{
  /* Enter or a double-click on an event: show where its figures come from,
   * and where it sits in time when it came from the table. */
  adw_flap_set_reveal_flap (self->flap, TRUE);
  tranche_window_set_selected (self, index);
  tranche_timeline_view_go_to_event (self->timeline, index);
}

static void
lane_grouping_changed_cb (TrancheWindow *self)
{
  tranche_timeline_view_set_lane_mode (self->timeline,
                                       g_settings_get_enum (self->settings, "lane-grouping"));
}

/* What the window shows now, for an export or a copy. */
static TrancheExportContext *
make_export_context (TrancheWindow *self)
{
  TrancheExportContext *context = tranche_export_context_new (self->dataset);
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  char *dot;

  if (self->mask != NULL)
    {
      context->mask = g_bytes_ref (self->mask);
      context->n_shown = self->n_shown;
    }
  tranche_viewport_get_range (self->viewport, &context->first, &context->end);
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

  if (self->dataset == NULL || self->presenting)
    return;
  dialog = tranche_export_dialog_new (GTK_WINDOW (self), make_export_context (self),
                                      self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  g_autoptr(TrancheExportContext) context = NULL;
  g_autoptr(GError) error = NULL;

  if (self->dataset == NULL)
    return;
  context = make_export_context (self);
  /* As sharp as the screen shows it. */
  if (tranche_export_context_copy_image (context, gtk_widget_get_clipboard (widget),
                                         gtk_widget_get_scale_factor (widget), &error))
    add_toast (self, _("Chart copied as an image"));
  else
    add_toast (self, error->message);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  GtkWidget *focus;

  if (self->dataset == NULL || self->presenting)
    return;
  /* Remember what presenting hides, so Esc gives the window back as it was. */
  self->presenting = TRUE;
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  self->header_was_visible = gtk_widget_get_visible (GTK_WIDGET (self->header_revealer));
  self->problems_were_visible = gtk_widget_get_visible (GTK_WIDGET (self->problems_revealer));
  g_free (self->stack_page);
  self->stack_page = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
  focus = gtk_root_get_focus (GTK_ROOT (self));
  g_set_weak_pointer (&self->focus_before, focus);
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);

  /* Hidden rather than folded: a revealer keeps its place while it slides. */
  gtk_widget_set_visible (GTK_WIDGET (self->header_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_revealer), FALSE);
  tranche_presentation_view_start (self->presentation, self->dataset, self->mask,
                                   g_settings_get_enum (self->settings, "lane-grouping"));
  gtk_stack_set_visible_child_full (self->main_stack, "presentation",
                                    GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_grab_focus (GTK_WIDGET (self->presentation));
  if (!self->was_fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));
}

static void
presentation_finished_cb (TrancheWindow *self)
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
  g_autoptr(TrancheFilter) empty = tranche_filter_new ();

  tranche_window_set_filter (self, empty);
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

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  TrancheWindow *self = user_data;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  tranche_window_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
save_window_state (TrancheWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
tranche_window_close_request (GtkWindow *window)
{
  save_window_state (TRANCHE_WINDOW (window));
  return GTK_WINDOW_CLASS (tranche_window_parent_class)->close_request (window);
}

static void
tranche_window_dispose (GObject *object)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_progress (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_weak_pointer (&self->focus_before);
  g_clear_weak_pointer (&self->last_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_WINDOW);
  G_OBJECT_CLASS (tranche_window_parent_class)->dispose (object);
}

static void
tranche_window_finalize (GObject *object)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  g_clear_pointer (&self->filter, tranche_filter_free);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->problems_name, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->stack_page, g_free);
  G_OBJECT_CLASS (tranche_window_parent_class)->finalize (object);
}

static void
tranche_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_MASK:
      g_value_set_boxed (value, self->mask);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      tranche_window_set_filter (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      tranche_window_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_window_class_init (TrancheWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tranche_window_dispose;
  object_class->finalize = tranche_window_finalize;
  object_class->get_property = tranche_window_get_property;
  object_class->set_property = tranche_window_set_property;
  window_class->close_request = tranche_window_close_request;

  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, TRANCHE_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASK] =
    g_param_spec_boxed ("mask", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, charts_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, table_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, panel_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, drop_target);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
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

/* When the window gets too narrow the panel folds over the charts: it is
 * then hidden until asked for, and comes back as it was on unfolding. Only
 * what the analyst chooses while unfolded is remembered. */
static void
flap_folded_cb (TrancheWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-panel"));
}

static void
flap_revealed_cb (TrancheWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "show-panel", adw_flap_get_reveal_flap (self->flap));
}

/* The first time the split gets a size, give the timeline three fifths of
 * the height; with both sides resizable GTK then keeps that proportion as
 * the window changes size, and the analyst can drag it. */
static void
paned_max_position_cb (GtkPaned   *paned,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  if (max <= 0)
    return;
  /* max-position is the height less the charts' minimum, not the height */
  gtk_paned_set_position (paned, MIN (max, gtk_widget_get_height (GTK_WIDGET (paned)) * 3 / 5));
  g_signal_handlers_disconnect_by_func (paned, paned_max_position_cb, user_data);
}

/* With both lower charts hidden the timeline takes the whole height. */
static void
update_lower_charts (TrancheWindow *self)
{
  gtk_widget_set_visible (self->lower_charts,
                          g_settings_get_boolean (self->settings, "show-valuation")
                          || g_settings_get_boolean (self->settings, "show-cumulative"));
}

static void
add_settings_actions (TrancheWindow *self)
{
  static const char * const keys[] = { "show-valuation", "show-cumulative" };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);
      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "charts", G_ACTION_GROUP (group));
}

/* The charts, table, filter bar and panel each show a part of what the
 * window holds; bindings keep them in step with it and with each other. */
static void
add_children (TrancheWindow *self)
{
  GObject *window = G_OBJECT (self);
  GtkWidget *charts_paned;

  self->filter_bar = TRANCHE_FILTER_BAR (tranche_filter_bar_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->filter_bar), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->filter_bar), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->filter_bar), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->filter_bar), 6);
  gtk_box_prepend (self->content_box, GTK_WIDGET (self->filter_bar));
  g_object_bind_property (window, "dataset", self->filter_bar, "dataset", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "filter", self->filter_bar, "filter",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->timeline = TRANCHE_TIMELINE_VIEW (tranche_timeline_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
  tranche_timeline_view_set_viewport (self->timeline, self->viewport);
  g_object_bind_property (window, "dataset", self->timeline, "dataset", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "mask", self->timeline, "mask", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "selected", self->timeline, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_swapped (self->timeline, "event-activated", G_CALLBACK (event_activated_cb),
                            self);

  self->valuation = TRANCHE_CHART_VIEW (tranche_chart_view_new (TRANCHE_CHART_VALUATION));
  self->cumulative = TRANCHE_CHART_VIEW (tranche_chart_view_new (TRANCHE_CHART_CUMULATIVE));
  self->lower_charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < 2; i++)
    {
      TrancheChartView *chart = i == 0 ? self->valuation : self->cumulative;
      gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
      tranche_chart_view_set_viewport (chart, self->viewport);
      gtk_box_append (GTK_BOX (self->lower_charts), GTK_WIDGET (chart));
      g_object_bind_property (window, "dataset", chart, "dataset", G_BINDING_SYNC_CREATE);
      g_object_bind_property (window, "mask", chart, "mask", G_BINDING_SYNC_CREATE);
      g_object_bind_property (window, "selected", chart, "selected",
                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
    }
  g_settings_bind (self->settings, "show-valuation", self->valuation, "visible",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-cumulative", self->cumulative, "visible",
                   G_SETTINGS_BIND_GET);

  /* The timeline on top, the two charts under it; the analyst can move the
   * split, and a resize goes mostly to the timeline. */
  charts_paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (charts_paned), GTK_WIDGET (self->timeline));
  gtk_paned_set_end_child (GTK_PANED (charts_paned), self->lower_charts);
  gtk_paned_set_shrink_start_child (GTK_PANED (charts_paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (charts_paned), FALSE);
  gtk_widget_set_vexpand (charts_paned, TRUE);
  g_signal_connect (charts_paned, "notify::max-position", G_CALLBACK (paned_max_position_cb),
                    NULL);
  gtk_box_append (self->charts_box, charts_paned);
  g_signal_connect_object (self->settings, "changed::show-valuation",
                           G_CALLBACK (update_lower_charts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-cumulative",
                           G_CALLBACK (update_lower_charts), self, G_CONNECT_SWAPPED);
  update_lower_charts (self);

  self->table = TRANCHE_EVENT_TABLE (tranche_event_table_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->table), TRUE);
  gtk_box_append (self->table_box, GTK_WIDGET (self->table));
  g_object_bind_property (window, "dataset", self->table, "dataset", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "mask", self->table, "mask", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "selected", self->table, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_swapped (self->table, "event-activated", G_CALLBACK (event_activated_cb), self);

  self->source_panel = TRANCHE_SOURCE_PANEL (tranche_source_panel_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->source_panel), TRUE);
  gtk_box_append (self->panel_box, GTK_WIDGET (self->source_panel));
  g_object_bind_property (window, "dataset", self->source_panel, "dataset", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "selected", self->source_panel, "event", G_BINDING_SYNC_CREATE);

  /* Presentation mode takes the whole window while it lasts. */
  self->presentation = TRANCHE_PRESENTATION_VIEW (tranche_presentation_view_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->presentation), "presentation");
  g_signal_connect_object (self->presentation, "finished", G_CALLBACK (presentation_finished_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
tranche_window_init (TrancheWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = -1;
  self->filter = tranche_filter_new ();
  self->settings = tranche_settings_new ();
  self->viewport = tranche_viewport_new ();
  add_children (self);
  add_settings_actions (self);
  g_signal_connect_object (self->settings, "changed::lane-grouping",
                           G_CALLBACK (lane_grouping_changed_cb), self, G_CONNECT_SWAPPED);
  lane_grouping_changed_cb (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-panel"));
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb),
                            self);

  gtk_drop_target_set_gtypes (self->drop_target, (GType[1]) { GDK_TYPE_FILE_LIST }, 1);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
  update_actions (self);
}

TrancheWindow *
tranche_window_new (TrancheApplication *application)
{
  return g_object_new (TRANCHE_TYPE_WINDOW, "application", application, NULL);
}

void
tranche_window_open_file (TrancheWindow *self,
                          GFile         *file)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_load (self, file, FALSE);
}

void
tranche_window_open_sample (TrancheWindow *self)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LoadJob job = { 0 };

  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  /* The sample is small and embedded: no thread needed. */
  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, &error);
  if (bytes != NULL)
    dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->file);
  watch_file (self);
  finish_load (self, &job, dataset, diagnostics, error);
}

gboolean
tranche_window_is_loading (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), FALSE);
  return self->progress_job != NULL;
}

TrancheDataset *
tranche_window_get_dataset (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->dataset;
}

TrancheDiagnostics *
tranche_window_get_diagnostics (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->diagnostics;
}

GFile *
tranche_window_get_file (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->file;
}

const TrancheFilter *
tranche_window_get_filter (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->filter;
}

void
tranche_window_set_filter (TrancheWindow       *self,
                           const TrancheFilter *filter)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));
  g_return_if_fail (filter != NULL);

  if (tranche_filter_equal (self->filter, filter))
    return;
  tranche_filter_free (self->filter);
  self->filter = tranche_filter_copy (filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  apply_filter (self);
}

GBytes *
tranche_window_get_mask (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->mask;
}

int
tranche_window_get_selected (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), -1);
  return self->selected;
}

void
tranche_window_set_selected (TrancheWindow *self,
                             int            selected)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  if (self->dataset == NULL || selected >= (int) tranche_dataset_get_n_events (self->dataset))
    selected = -1;
  if (self->selected == selected)
    return;
  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

TrancheTimelineView *
tranche_window_get_timeline (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->timeline;
}

TrancheChartView *
tranche_window_get_chart (TrancheWindow    *self,
                          TrancheChartKind  kind)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return kind == TRANCHE_CHART_VALUATION ? self->valuation : self->cumulative;
}

TrancheEventTable *
tranche_window_get_table (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->table;
}

TrancheSourcePanel *
tranche_window_get_source_panel (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->source_panel;
}
