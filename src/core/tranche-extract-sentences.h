/* tranche-extract-sentences.h: an article cut into sentences
 *
 * A draft's quote is the sentence its figure comes from, so sentences are byte
 * ranges of the article itself, trimmed of surrounding white space: a quote is
 * always a verbatim passage. A sentence ends at . ! ? or … followed by white
 * space and a capital, a digit or an opening quote, and at every blank line
 * (headings and paragraphs); not after decimals ("1.25"), initials ("J. Doe")
 * or the usual abbreviations ("Inc.", "U.S.", "M.", "env.").
 */
#pragma once

#include <glib.h>

#include "tranche-extract-scan.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheSpan span;
  guint       paragraph;  /* counts blank lines, so context stays in its paragraph */
} TrancheSentence;

/* The sentences of text[0, len), in order; never an empty one. */
GArray *tranche_extract_sentences (const char *text,
                                   gsize       len);

G_END_DECLS
