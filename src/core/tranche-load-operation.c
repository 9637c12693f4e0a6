/* tranche-load-operation.c: loading a file in a worker thread
 *
 * The worker only writes the progress into an atomic integer; one idle
 * source at a time carries it to the main context, where the `fraction`
 * property changes. So a progress bar bound to it is updated as often as
 * the main loop can draw, and never from the worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-load-operation.h"

struct _TrancheLoadOperation
{
  GObject               parent_instance;

  GFile                *file;
  char                 *path;         /* NULL when the file is not local */
  char                 *message;
  GCancellable         *cancellable;
  GMainContext         *context;      /* where the properties change */
  TrancheLoaderOptions  options;
  gint                  permille;     /* written by the worker */
  gint                  update_queued;
  gint                  preparing;    /* written by the worker: the views' data is being made */
  double                fraction;
  gboolean              running;
  gboolean              with_views;
  gboolean              message_preparing;
  TrancheViewDataSpec   views;
};

G_DEFINE_FINAL_TYPE (TrancheLoadOperation, tranche_load_operation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_CANCELLABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  TrancheDataset     *dataset;
  TrancheDiagnostics *diagnostics;
  TrancheViewData    *views;
  GError             *error;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->dataset, tranche_dataset_unref);
  g_clear_pointer (&result->diagnostics, tranche_diagnostics_unref);
  g_clear_pointer (&result->views, tranche_view_data_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static gboolean
update_fraction_cb (gpointer user_data)
{
  TrancheLoadOperation *self = user_data;
  double fraction;

  g_atomic_int_set (&self->update_queued, FALSE);
  fraction = g_atomic_int_get (&self->permille) / 1000.0;
  if (self->running && g_atomic_int_get (&self->preparing) && !self->message_preparing)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      self->message_preparing = TRUE;
      g_free (self->message);
      /* Translators: the title once a file is read, while its charts are
       * made; %s is its name */
      self->message = g_strdup_printf (_("Preparing the charts of %s"), name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->running && fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  return G_SOURCE_REMOVE;
}

/* Reading the file is this share of the work when the views' data is made
 * after it (about what a million events take on two cores). */
#define LOAD_SHARE 0.7

static void report_permille (TrancheLoadOperation *self,
                             double                fraction);

/* From the worker (or one of the loader's parse threads). */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  TrancheLoadOperation *self = user_data;

  report_permille (self, self->with_views ? fraction * LOAD_SHARE : fraction);
}

/* From the worker, while the views' data is made. */
static void
views_progress_cb (double   fraction,
                   gpointer user_data)
{
  TrancheLoadOperation *self = user_data;

  report_permille (self, LOAD_SHARE + (1 - LOAD_SHARE) * fraction);
}

static void
report_permille (TrancheLoadOperation *self,
                 double                fraction)
{
  gint permille = (gint) (CLAMP (fraction, 0, 1) * 1000);

  if (g_atomic_int_get (&self->permille) == permille)
    return;
  g_atomic_int_set (&self->permille, permille);
  if (g_atomic_int_compare_and_exchange (&self->update_queued, FALSE, TRUE))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT_IDLE, update_fraction_cb,
                                g_object_ref (self), g_object_unref);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TrancheLoadOperation *self = source_object;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->diagnostics = tranche_diagnostics_new ();
  result->dataset = tranche_loader_load_file (self->path, &self->options, result->diagnostics,
                                              &result->error);
  /* What the window's views need, made here rather than on its thread;
   * the progress goes on until it is done. */
  if (self->with_views && result->dataset != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_atomic_int_set (&self->preparing, TRUE);
      report_permille (self, LOAD_SHARE);
      result->views = tranche_view_data_new (result->dataset, &self->views, cancellable,
                                             views_progress_cb, self);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
tranche_load_operation_dispose (GObject *object)
{
  TrancheLoadOperation *self = TRANCHE_LOAD_OPERATION (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (tranche_load_operation_parent_class)->dispose (object);
}

static void
tranche_load_operation_finalize (GObject *object)
{
  TrancheLoadOperation *self = TRANCHE_LOAD_OPERATION (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (tranche_load_operation_parent_class)->finalize (object);
}

static void
tranche_load_operation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TrancheLoadOperation *self = TRANCHE_LOAD_OPERATION (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, self->cancellable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_load_operation_class_init (TrancheLoadOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tranche_load_operation_dispose;
  object_class->finalize = tranche_load_operation_finalize;
  object_class->get_property = tranche_load_operation_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tranche_load_operation_init (TrancheLoadOperation *self)
{
}

GFile *
tranche_load_operation_get_file (TrancheLoadOperation *self)
{
  g_return_val_if_fail (TRANCHE_IS_LOAD_OPERATION (self), NULL);
  return self->file;
}

double
tranche_load_operation_get_fraction (TrancheLoadOperation *self)
{
  g_return_val_if_fail (TRANCHE_IS_LOAD_OPERATION (self), 0);
  return self->fraction;
}

const char *
tranche_load_operation_get_message (TrancheLoadOperation *self)
{
  g_return_val_if_fail (TRANCHE_IS_LOAD_OPERATION (self), NULL);
  return self->message;
}

GCancellable *
tranche_load_operation_get_cancellable (TrancheLoadOperation *self)
{
  g_return_val_if_fail (TRANCHE_IS_LOAD_OPERATION (self), NULL);
  return self->cancellable;
}

void
tranche_load_operation_cancel (TrancheLoadOperation *self)
{
  g_return_if_fail (TRANCHE_IS_LOAD_OPERATION (self));
  g_cancellable_cancel (self->cancellable);
}

gboolean
tranche_load_operation_is_running (TrancheLoadOperation *self)
{
  g_return_val_if_fail (TRANCHE_IS_LOAD_OPERATION (self), FALSE);
  return self->running;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TrancheLoadOperation *self = TRANCHE_LOAD_OPERATION (source);
  GTask *outer = user_data;

  /* The progress queued last may not have arrived: the fraction is where
   * the worker left it before the caller hears that the load is over. */
  update_fraction_cb (self);
  /* The load is over by the time its callback hears of it. */
  self->running = FALSE;
  g_task_return_pointer (outer, g_task_propagate_pointer (G_TASK (result), NULL),
                         (GDestroyNotify) load_result_free);
  g_object_unref (outer);
}

static TrancheLoadOperation *
load_file_async (GFile                      *file,
                 const TrancheLoaderOptions *options,
                 const TrancheViewDataSpec  *views,
                 GCancellable               *cancellable,
                 GAsyncReadyCallback         callback,
                 gpointer                    user_data)
{
  TrancheLoadOperation *self;
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (TRANCHE_TYPE_LOAD_OPERATION, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  self->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
  name = g_file_get_basename (file);
  /* Translators: the title while a file is read; %s is its name */
  self->message = g_strdup_printf (_("Opening %s"), name);
  if (options != NULL)
    self->options = *options;
  if (views != NULL)
    {
      self->with_views = TRUE;
      self->views = *views;
    }
  self->options.cancellable = self->cancellable;
  self->options.progress = progress_cb;
  self->options.progress_data = self;
  self->running = TRUE;

  /* The caller's callback runs after `running` has turned FALSE, so it can
   * tell this load from a newer one. */
  /* Cancelled is cancelled, even when the loader had read everything by
   * the time it could have noticed: the outer task checks. */
  outer = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (outer, tranche_loader_load_file_async);

  if (self->path == NULL)
    {
      LoadResult *result = g_new0 (LoadResult, 1);

      result->diagnostics = tranche_diagnostics_new ();
      result->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                           _("Only local files can be opened"));
      self->running = FALSE;
      g_task_return_pointer (outer, result, (GDestroyNotify) load_result_free);
      return self;
    }

  inner = g_task_new (self, self->cancellable, load_done_cb, g_steal_pointer (&outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, load_thread);
  return self;
}

TrancheLoadOperation *
tranche_loader_load_file_async (GFile                      *file,
                                const TrancheLoaderOptions *options,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data)
{
  return load_file_async (file, options, NULL, cancellable, callback, user_data);
}

TrancheLoadOperation *
tranche_loader_load_file_for_views_async (GFile                      *file,
                                          const TrancheLoaderOptions *options,
                                          const TrancheViewDataSpec  *views,
                                          GCancellable               *cancellable,
                                          GAsyncReadyCallback         callback,
                                          gpointer                    user_data)
{
  g_return_val_if_fail (views != NULL, NULL);

  return load_file_async (file, options, views, cancellable, callback, user_data);
}

TrancheDataset *
tranche_loader_load_file_finish (GAsyncResult        *result,
                                 TrancheDiagnostics **diagnostics,
                                 GError             **error)
{
  return tranche_loader_load_file_finish_with_views (result, diagnostics, NULL, error);
}

TrancheDataset *
tranche_loader_load_file_finish_with_views (GAsyncResult        *result,
                                            TrancheDiagnostics **diagnostics,
                                            TrancheViewData    **views,
                                            GError             **error)
{
  LoadResult *load;
  TrancheDataset *dataset;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, g_task_get_source_object (G_TASK (result))),
                        NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == tranche_loader_load_file_async, NULL);

  if (diagnostics != NULL)
    *diagnostics = NULL;
  if (views != NULL)
    *views = NULL;
  load = g_task_propagate_pointer (G_TASK (result), error);
  if (load == NULL)
    return NULL;
  if (load->error != NULL && g_error_matches (load->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&load->error));
      load_result_free (load);
      return NULL;
    }
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&load->diagnostics);
  if (views != NULL)
    *views = g_steal_pointer (&load->views);
  dataset = g_steal_pointer (&load->dataset);
  if (dataset == NULL && load->error != NULL)
    g_propagate_error (error, g_steal_pointer (&load->error));
  else if (dataset == NULL)
    /* the loader promises an error with NULL; keep the promise to callers */
    g_set_error_literal (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID,
                         _("The file could not be read"));
  load_result_free (load);
  return dataset;
}
