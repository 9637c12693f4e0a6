/* tranche-draft-writer.h: the drafts of an article as a format-1 dataset
 *
 * {"tranche": 1, "title", "entities", "sources", "events"}: the article as
 * a source (its text, language and published date), the actors the drafts
 * name, and one event per draft with "draft": true, a confidence in percent
 * and a citation whose quote is the draft's sentence, verbatim. With
 * `into`, the dataset's currency is used, and no new id (of an event or
 * of the source) collides with one of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tranche-dataset.h"
#include "tranche-extractor.h"

G_BEGIN_DECLS

/* `title` names the dataset and the source; `published` and `into` may be
 * NULL. Returns an object node. */
JsonNode *tranche_draft_write_dataset (const char        *text,
                                       gsize              len,
                                       const char        *title,
                                       const TrancheDate *published,
                                       TrancheDataset    *into,
                                       TrancheActors     *actors,
                                       TrancheExtraction *extraction);

G_END_DECLS
