/* tranche-elements-dialog.h: the dataset's entities and sources, to edit
 *
 * Every entity and source of the session's document in a list, each with
 * Edit, Duplicate and Delete, and Add buttons; it follows the document as it
 * changes (an undo included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_ELEMENTS_DIALOG (tranche_elements_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrancheElementsDialog, tranche_elements_dialog, TRANCHE, ELEMENTS_DIALOG,
                      AdwWindow)

/* The session must hold a document. */
TrancheElementsDialog *tranche_elements_dialog_new (GtkWindow      *parent,
                                                    TrancheSession *session);

G_END_DECLS
