/* tranche-checks.h: what analysts get wrong, checked once a dataset is built
 *
 * Warnings that need the whole dataset rather than one JSON member: a
 * quote not found in its source's text, an amount implausible for its kind
 * ("did you mean millions?"), a `fulfils` that names no commitment, a
 * commitment paid more than it promised, a reported total whose scope has
 * no events. Each message names the event by id and title. The loader runs
 * them after building; --check and the problems list print them.
 */
#pragma once

#include "tranche-dataset.h"
#include "tranche-diagnostics.h"

G_BEGIN_DECLS

/* An investment, commitment, acquisition or secondary sale below this, in
 * its currency, is most likely written in millions or billions. */
#define TRANCHE_CHECKS_MIN_AMOUNT 1000.0

/* Adds the warnings to `diagnostics`. `file_index`, when not NULL, gives for
 * each event's `order` its index in the file's `events` array (events left
 * out while loading make them differ); paths are "events[N]…". */
void        tranche_checks_run        (TrancheDataset     *dataset,
                                       const guint        *file_index,
                                       TrancheDiagnostics *diagnostics);
/* The declared entity id closest to `id` (a typo: at most two edits, and
 * fewer than a third of the id), or NULL. */
const char *tranche_checks_suggest_id (TrancheDataset     *dataset,
                                       const char         *id);
/* The same among `n` candidate ids. */
const char *tranche_checks_closest_id (const char         *id,
                                       const char * const *candidates,
                                       guint               n);

G_END_DECLS
