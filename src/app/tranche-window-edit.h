/* tranche-window-edit.h: editing what a window shows
 *
 * A window edits its dataset through the session's TrancheDocument, made
 * from the file at the first edit. Every change is a step of undo; the
 * dataset is read again by the loader from the document's text, so the
 * charts, table and problems show what the file now says. Unsaved text is
 * kept in a recovery file a few seconds after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-event-editor.h"
#include "tranche-import-dialog.h"
#include "tranche-window.h"

G_BEGIN_DECLS

/* An empty dataset with no file yet (Save asks where). */
void                tranche_window_new_dataset     (TrancheWindow *self);
/* The document being edited, made from what is open if there is none yet;
 * NULL (and `error` set) when the file can't be read. */
TrancheDocument    *tranche_window_ensure_document (TrancheWindow *self,
                                                    GError       **error);
/* Opens the event editor on event `index` of the dataset (-1: a new
 * event); the editor is the window's until it closes. */
TrancheEventEditor *tranche_window_edit_event      (TrancheWindow *self,
                                                    int            index);
/* Saves to `file` (NULL: the document's own file) without blocking; a
 * failure is shown in a dialog and the edits are kept. */
void                tranche_window_save_to         (TrancheWindow *self,
                                                    GFile         *file);
gboolean            tranche_window_is_saving       (TrancheWindow *self);
/* The notice shown while the file changed on disk under unsaved edits, or
 * NULL when there is none. */
const char         *tranche_window_get_disk_notice (TrancheWindow *self);
/* A source made from an article's text, as pasting it does: the source
 * editor opens with the text, and a title taken from its first line. */
GtkWindow          *tranche_window_paste_article   (TrancheWindow *self,
                                                    const char    *text);

/* Opens the text a recovery file kept (see tranche_document_list_recoveries)
 * in this window, with unsaved changes; FALSE (and `error`) when it can't. */
gboolean            tranche_window_open_recovery   (TrancheWindow *self,
                                                    const char    *recovery,
                                                    GError       **error);
/* After a crash: when unsaved changes were kept, asks whether to restore
 * them, each in a window of its own. */
void                tranche_window_offer_recoveries (TrancheWindow *self);

/* Shows the import dialog for a CSV file (NULL, and a toast saying why,
 * when it can't be read); Import opens the rows as a new unsaved dataset. */
TrancheImportDialog *tranche_window_import_csv (TrancheWindow *self,
                                                GFile         *file);
/* Opens a dataset's JSON text with no file, modified (Save asks where), in
 * this window when it shows nothing of the analyst's, else in a new one,
 * which is returned. NULL (and `error`) when the text is no JSON object. */
TrancheWindow      *tranche_window_open_import (TrancheWindow *self,
                                                GBytes        *json,
                                                GError       **error);

G_END_DECLS
