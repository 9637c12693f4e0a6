/* tranche-element-edit.h: a form's edit of one element, applied or tried
 *
 * An editor (event, entity, source) builds the element it shows as a JSON
 * object and knows which members the analyst touched. Applying writes only
 * those members into the document, as one step of undo, so members the form
 * never showed — unknown ones included — stay byte for byte. Checking does
 * the same on a scratch copy of the text and asks the loader what is wrong
 * with the element: the form shows the loader's own messages, one
 * implementation of every rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tranche-diagnostics.h"
#include "tranche-document.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheDocumentArray  array;
  int                   index;      /* in the file's array; -1 for a new element */
  JsonObject           *edited;     /* the element as the form shows it */
  const char * const   *touched;    /* members to write for an existing element;
                                     * NULL for all of `edited`'s */
  GPtrArray            *new_entities; /* JsonNode objects to add first, or NULL */
} TrancheElementEdit;

/* Writes the edit into `document` as one user action; `out_index` gets the
 * element's index afterwards. Members in `touched` but not in `edited` are
 * removed; a member whose value is unchanged is not rewritten. */
gboolean            tranche_element_edit_apply (const TrancheElementEdit *edit,
                                                TrancheDocument          *document,
                                                guint                    *out_index,
                                                GError                  **error);
/* The loader's problems with the element once edited (paths such as
 * "events[4].amount.value"), `document` unchanged. Never NULL. */
TrancheDiagnostics *tranche_element_edit_check (const TrancheElementEdit *edit,
                                                TrancheDocument          *document,
                                                char                    **out_path);
/* The same on a document's text (tranche_document_get_bytes) and file
 * name, from any thread: a check of a big file need not hold up typing. */
TrancheDiagnostics *tranche_element_edit_check_bytes (const TrancheElementEdit *edit,
                                                      GBytes                   *bytes,
                                                      const char               *filename,
                                                      char                    **out_path);
/* A free entity id for `name`: lowercase ASCII words joined by '-', with
 * "-2", "-3"… when taken in `document`. */
char               *tranche_element_edit_new_id (TrancheDocument         *document,
                                                 TrancheDocumentArray     array,
                                                 const char              *name);

G_END_DECLS
