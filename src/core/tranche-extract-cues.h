/* tranche-extract-cues.h: the words that say what kind of event a figure is
 *
 * investment (invest, raise, round, levée, lève, investit), commitment (commit,
 * agree to invest, s'engage), valuation (valued, valuation, valorisation,
 * valorise), reported total (in all, bringing its total to, au total,
 * cumulatif), acquisition (acquire, rachète) and secondary sales. A cue also
 * says who the name before it is: "Microsoft invests" names an investor,
 * "Mistral lève" a target.
 */
#pragma once

#include <glib.h>

#include "tranche-extract-scan.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_CUE_INVESTMENT = 0,
  TRANCHE_CUE_COMMITMENT,
  TRANCHE_CUE_VALUATION,
  TRANCHE_CUE_TOTAL,
  TRANCHE_CUE_ACQUISITION,
  TRANCHE_CUE_SECONDARY,
  TRANCHE_CUE_NOT_EVENT,   /* "revenue", "chiffre d'affaires": a figure that is no event */
  TRANCHE_N_CUES
} TrancheCueKind;

typedef enum
{
  TRANCHE_SUBJECT_NONE = 0,   /* a noun: "valuation", "tranche" */
  TRANCHE_SUBJECT_INVESTOR,   /* "invests", "a investi", "acquires", "s'engage" */
  TRANCHE_SUBJECT_TARGET,     /* "raised", "lève", "was valued" */
} TrancheCueSubject;

typedef struct
{
  TrancheSpan span;
  guint8      kind;        /* TrancheCueKind */
  guint8      subject;     /* TrancheCueSubject */
  gboolean    names_event; /* "tranche", "round", "levée": one event, even with no figure */
} TrancheCue;

/* Appends to `out` (of TrancheCue) every cue in text[start, end), in order,
 * the longest where several start at one place. */
void        tranche_extract_cues     (const char *text,
                                      gsize       len,
                                      gsize       start,
                                      gsize       end,
                                      GArray     *out);

const char *tranche_cue_kind_to_string (TrancheCueKind kind);

G_END_DECLS
