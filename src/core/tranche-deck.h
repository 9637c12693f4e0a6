/* tranche-deck.h: a presentation as pages, for a room without Tranche
 *
 * The title slide and one page per step, painted by the same painters as
 * the window's presentation mode: a multi-page PDF, or numbered PNG images
 * (deck-01.png, deck-02.png…) in a folder. Like every export, nothing is
 * replaced until every page is written: a failure leaves what was there.
 */
#pragma once

#include <gio/gio.h>

#include "tranche-dataset.h"
#include "tranche-export.h"

G_BEGIN_DECLS

/* A deck is for a meeting: past this many pages the events want filtering
 * first, and writing them would take minutes and fill a folder. */
#define TRANCHE_DECK_MAX_PAGES 1000

/* TRUE when `output` names a folder: it ends in a separator, or it is an
 * existing directory. */
gboolean tranche_deck_output_is_folder (const char                 *output);
/* "deck-01.png": the name of page `page` (0 for the title) of a deck of
 * `n_pages`, with as many digits as the last page needs (at least two). */
char    *tranche_deck_page_name        (guint                       page,
                                        guint                       n_pages);
/* How many deck pages (deck-NN.png) `folder` holds already. */
guint    tranche_deck_count_pages      (const char                 *folder);
/* Writes the deck of the events `options->mask` shows (and, when given,
 * those that overlap [options->first, options->end)) at options' size,
 * theme, lane mode and PNG scale. `n_pages` gets the pages written. A
 * folder is created when missing, and pages of an older, longer deck in it
 * are removed once the new ones are in place. */
gboolean tranche_deck_export           (TrancheDataset             *dataset,
                                        const char                 *output,
                                        const TrancheExportOptions *options,
                                        guint                      *n_pages,
                                        GError                    **error);

G_END_DECLS
