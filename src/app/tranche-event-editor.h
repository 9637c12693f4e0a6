/* tranche-event-editor.h: a dialog that edits one event, every member of it
 *
 * The editor shows an event of the session's document (or a new one), and
 * checks it as the analyst types: the form is tried on a scratch copy of the
 * text and the loader's own messages are shown on the fields they are
 * about. Apply writes only the members the analyst touched, as one step of
 * undo, and selects the event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_EVENT_EDITOR (tranche_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (TrancheEventEditor, tranche_event_editor, TRANCHE, EVENT_EDITOR, AdwWindow)

/* `index` is the event's index in the document's `events`; -1 for a new one.
 * The session must hold a document. */
TrancheEventEditor *tranche_event_editor_new         (GtkWindow          *parent,
                                                      TrancheSession     *session,
                                                      int                 index);
void                tranche_event_editor_add_investor (TrancheEventEditor *self,
                                                       const char         *entity,
                                                       gboolean            lead,
                                                       const char         *share);
void                tranche_event_editor_add_citation (TrancheEventEditor *self,
                                                       const char         *source,
                                                       const char         *quote,
                                                       gboolean            paraphrase);
/* A field by the member it edits ("title", "amount.value", "amount.form",
 * "summary", "investors[0]", "sources[1].quote"…), for tests and for the
 * keyboard focus; NULL when there is none. */
GtkWidget          *tranche_event_editor_get_field    (TrancheEventEditor *self,
                                                       const char         *name);
/* Checks now instead of after the pause in typing; returns the messages of
 * the element, one a line ("" when none). */
char               *tranche_event_editor_check_now    (TrancheEventEditor *self);
/* Writes the event into the document; FALSE (and the reason shown) when it
 * could not be written. The dialog closes on success. */
gboolean            tranche_event_editor_apply        (TrancheEventEditor *self);

G_END_DECLS
