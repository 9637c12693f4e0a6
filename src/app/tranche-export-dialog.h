/* tranche-export-dialog.h: export the charts, or the presentation as a deck
 *
 * The analyst picks what (the window's view, the whole dataset, one chart,
 * or the presentation deck), the format, size, pixel density, theme, title
 * and footer; the choices are remembered. "Export…" asks where, asks again
 * before replacing a file the file chooser did not confirm, writes in a
 * worker thread through a temporary file, and says so with a toast that
 * opens the result.
 */
#pragma once

#include <adwaita.h>

#include "tranche-export-context.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_EXPORT_DIALOG (tranche_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrancheExportDialog, tranche_export_dialog, TRANCHE, EXPORT_DIALOG,
                      AdwWindow)

/* Takes `context`; the toast after a successful export goes to `toasts`. */
TrancheExportDialog *tranche_export_dialog_new        (GtkWindow            *parent,
                                                       TrancheExportContext *context,
                                                       AdwToastOverlay      *toasts);
/* Fills `options` from the dialog's choices; FALSE with `message` (a
 * sentence for the analyst) when they can't work together. */
gboolean             tranche_export_dialog_get_options (TrancheExportDialog  *self,
                                                        TrancheExportOptions *options,
                                                        gboolean             *deck,
                                                        char                **message);
/* Exports to `file` as if it had been chosen, replacing what is there
 * (tests use it; the file chooser and the question come before it). */
void                 tranche_export_dialog_export_to  (TrancheExportDialog  *self,
                                                       GFile                *file);

G_END_DECLS
