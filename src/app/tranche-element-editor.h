/* tranche-element-editor.h: a dialog that edits an entity or a source
 *
 * The same honesty as the event editor: the loader's messages on the fields
 * as the analyst types, and only touched members written back. A source's
 * article text is shown whole; selecting a passage of it offers to start an
 * event that quotes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_ELEMENT_EDITOR (tranche_element_editor_get_type ())

G_DECLARE_FINAL_TYPE (TrancheElementEditor, tranche_element_editor, TRANCHE, ELEMENT_EDITOR,
                      AdwWindow)

/* `array` is TRANCHE_DOCUMENT_ENTITIES or TRANCHE_DOCUMENT_SOURCES; `index`
 * in the document's array, or -1 for a new element filled from `initial`
 * (may be NULL). */
TrancheElementEditor *tranche_element_editor_new       (GtkWindow            *parent,
                                                        TrancheSession       *session,
                                                        TrancheDocumentArray  array,
                                                        int                   index,
                                                        JsonObject           *initial);
/* A field by its member ("title", "text"…); NULL when there is none. */
GtkWidget            *tranche_element_editor_get_field (TrancheElementEditor *self,
                                                        const char           *member);
char                 *tranche_element_editor_check_now (TrancheElementEditor *self);
/* Writes the element; the dialog closes on success. */
gboolean              tranche_element_editor_apply     (TrancheElementEditor *self);

G_END_DECLS
