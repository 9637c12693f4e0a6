/* tranche-loader.h: reads a dataset (FORMAT.md, version 1) from JSON
 *
 * Every problem is reported into a TrancheDiagnostics with its JSON path and
 * line:column. The outcome is one of three:
 *  - the file can't be read: NULL, `error` set in G_FILE_ERROR / G_IO_ERROR
 *    (`tranche --check` exits 2);
 *  - not JSON, or a document that is no dataset at all (root not an object,
 *    unknown or missing `tranche` version, no `events`): NULL, `error` set to
 *    TRANCHE_LOADER_ERROR_INVALID, and the diagnostics say why and where;
 *  - otherwise a dataset: events with errors are left out and counted
 *    (tranche_dataset_get_n_skipped), warnings never block.
 * Safe to call from a worker thread; it touches no global state.
 */
#pragma once

#include <gio/gio.h>

#include "tranche-dataset.h"
#include "tranche-diagnostics.h"

G_BEGIN_DECLS

#define TRANCHE_LOADER_ERROR (tranche_loader_error_quark ())

typedef enum
{
  TRANCHE_LOADER_ERROR_INVALID,
} TrancheLoaderError;

/* Called now and then while loading with the share of the input read so far
 * (0..1): from the thread that called the loader, or, for big files, from one
 * of the threads it parses on; never from two at once. */
typedef void (*TrancheLoaderProgressFunc) (double   fraction,
                                           gpointer user_data);

typedef struct
{
  GCancellable              *cancellable;
  TrancheLoaderProgressFunc  progress;
  gpointer                   progress_data;
  /* Threads to parse big arrays on; 0: as many as help, decided from the
   * input's size and the cores (never more than three: see
   * tranche-loader.c), 1: the calling thread alone. */
  guint                      n_threads;
  /* Also the checks that need the whole dataset (tranche-checks.h): quotes
   * not in their source, implausible amounts, commitments. For --check and
   * the window's problems list; an export or a test needn't pay for them. */
  gboolean                   checks;
} TrancheLoaderOptions;

GQuark          tranche_loader_error_quark (void);

/* The n_threads that suits this process: 0 (automatic) when GLib's slices
 * are plain malloc, else 1, as GLib 2.74's own slice allocator made two
 * threads slower than one (tranche-allocator.h). */
guint           tranche_loader_threads_for_process (void);

/* `options` may be NULL. */
TrancheDataset *tranche_loader_load_file   (const char                 *filename,
                                            const TrancheLoaderOptions *options,
                                            TrancheDiagnostics         *diagnostics,
                                            GError                    **error);
/* `filename` names where the bytes came from: `text_file` is read relative to
 * its folder. NULL (an embedded resource) refuses every `text_file`. */
TrancheDataset *tranche_loader_load_bytes  (GBytes                     *bytes,
                                            const char                 *filename,
                                            const TrancheLoaderOptions *options,
                                            TrancheDiagnostics         *diagnostics,
                                            GError                    **error);

G_END_DECLS
