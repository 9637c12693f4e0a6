/* tranche-quote.h: finding a cited passage in its article
 *
 * Quotes are copied by hand from articles, so line breaks, doubled spaces and
 * non-breaking spaces differ from the text; matching ignores all differences
 * in white space (and treats ’ and ' alike, which copy-paste often swaps).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds `quote` in `text`. On success sets the byte offsets [*start, *end) of
 * the passage in `text` and returns TRUE. An empty quote never matches. */
gboolean tranche_quote_find (const char *text,
                             const char *quote,
                             gsize      *start,
                             gsize      *end);

G_END_DECLS
