/* tranche-editor-rows.h: the rows the editors are made of
 *
 * Entry, combo and switch rows with their accessible names, entries that
 * complete from the dataset's entities, sources or events, money written
 * the way the format reads it, and a field marked with the loader's message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_COMPLETE_ENTITIES,
  TRANCHE_COMPLETE_SOURCES,
  TRANCHE_COMPLETE_COMMITMENTS,
} TrancheCompleteKind;

GtkWidget    *tranche_editor_entry_row       (const char          *title);
/* `labels` are shown; the row's "selected" is their index. */
GtkWidget    *tranche_editor_combo_row       (const char          *title,
                                              const char * const  *labels);
GtkWidget    *tranche_editor_switch_row      (const char          *title,
                                              GtkWidget          **out_switch);
/* A row whose entry completes ids from `dataset`. */
GtkWidget    *tranche_editor_completing_row  (const char          *title,
                                              TrancheDataset      *dataset,
                                              TrancheCompleteKind  kind,
                                              GtkEntry           **out_entry);
void          tranche_editor_complete_entry  (GtkEntry            *entry,
                                              TrancheDataset      *dataset,
                                              TrancheCompleteKind  kind);
/* The entry's text, trimmed; NULL when empty. */
char         *tranche_editor_dup_text        (GtkEditable         *editable);
/* A number as an analyst types it ("1.25B", "300 000 000", "€40M") as a
 * JSON number; text that is none stays a string, for the loader to name
 * what is wrong with it. NULL for empty text. */
JsonNode     *tranche_editor_number_node     (const char          *text);
/* A JSON number as text to edit ("1000000000"); NULL when not a number. */
char         *tranche_editor_number_text     (JsonNode            *node);
/* Shows `message` (NULL: clears it) on a field: error style, tooltip and
 * accessible description. */
void          tranche_editor_mark_field      (GtkWidget           *field,
                                              const char          *message);

G_END_DECLS
