/* tranche-load-operation.h: loading a file in a worker thread
 *
 * tranche_loader_load_file_async() runs the loader (tranche-loader.h) in a
 * GTask thread and hands back a TrancheLoadOperation to follow it: its
 * `fraction` and `message` properties change on the main context that
 * started it (bind a progress bar to them), and cancelling it stops the
 * load. _finish() gives the dataset or the loader's own error ("Permission
 * denied", "No such file or directory", not a vaguer one) and, unless the
 * load was cancelled, the diagnostics: a file that could not be opened still
 * has its reason among them.
 */
#pragma once

#include <gio/gio.h>

#include "tranche-dataset.h"
#include "tranche-diagnostics.h"
#include "tranche-loader.h"
#include "tranche-view-data.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_LOAD_OPERATION (tranche_load_operation_get_type ())

G_DECLARE_FINAL_TYPE (TrancheLoadOperation, tranche_load_operation, TRANCHE, LOAD_OPERATION,
                      GObject)

GFile        *tranche_load_operation_get_file        (TrancheLoadOperation *self);
/* The share of the file read so far, 0..1. */
double        tranche_load_operation_get_fraction    (TrancheLoadOperation *self);
/* What is being done, in a sentence for the user ("Opening data.json"). */
const char   *tranche_load_operation_get_message     (TrancheLoadOperation *self);
GCancellable *tranche_load_operation_get_cancellable (TrancheLoadOperation *self);
void          tranche_load_operation_cancel          (TrancheLoadOperation *self);
/* TRUE until the callback has been called. */
gboolean      tranche_load_operation_is_running      (TrancheLoadOperation *self);

/* `options` (may be NULL) is copied; its cancellable and progress members
 * are the operation's own. Only local files can be read. Returns a new
 * reference to the operation; `callback` runs on the calling thread's
 * thread-default main context, with the operation as its source object. */
TrancheLoadOperation *tranche_loader_load_file_async  (GFile                      *file,
                                                       const TrancheLoaderOptions *options,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
/* NULL with `error` set when nothing could be loaded; G_IO_ERROR_CANCELLED
 * whenever the operation was cancelled before it completed, even if the
 * loader had finished. `diagnostics` receives the problems found, also on
 * failure; NULL only when cancelled. */
TrancheDataset       *tranche_loader_load_file_finish (GAsyncResult               *result,
                                                       TrancheDiagnostics        **diagnostics,
                                                       GError                    **error);

/* As tranche_loader_load_file_async(), then, still in the worker, makes
 * what a window's views need for the new dataset (`views` is copied; see
 * tranche-view-data.h), so that showing it costs the window's thread next
 * to nothing. The fraction covers both; the message says when the charts
 * are being made. */
TrancheLoadOperation *tranche_loader_load_file_for_views_async
                                                      (GFile                      *file,
                                                       const TrancheLoaderOptions *options,
                                                       const TrancheViewDataSpec  *views,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
/* As tranche_loader_load_file_finish(); `views` (may be NULL) receives
 * what was made for the views, NULL when nothing was. */
TrancheDataset       *tranche_loader_load_file_finish_with_views
                                                      (GAsyncResult               *result,
                                                       TrancheDiagnostics        **diagnostics,
                                                       TrancheViewData           **views,
                                                       GError                    **error);

G_END_DECLS
