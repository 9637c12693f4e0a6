/* tranche-extractor.h: draft events from an article, by rules
 *
 * Deterministic and local: no network, no model. The article is cut into
 * sentences; in each, amounts (tranche-extract-money.h), dates
 * (tranche-extract-date.h), cue words (tranche-extract-cues.h) and actors
 * (tranche-extract-actors.h) are found, and every amount a cue explains becomes
 * a draft, as does a dated "tranche"/"round" with no figure (undisclosed). A
 * draft keeps the byte range of its sentence, a verbatim passage of the
 * article, as its quote, and a confidence in 0..1 that says how much of it the
 * rules had to guess (a date taken from the publication, an actor carried over
 * from an earlier sentence).
 */
#pragma once

#include <glib.h>

#include "tranche-date.h"
#include "tranche-extract-actors.h"
#include "tranche-extract-money.h"
#include "tranche-extract-scan.h"
#include "tranche-money.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_DRAFT_INVESTMENT = 0,
  TRANCHE_DRAFT_COMMITMENT,
  TRANCHE_DRAFT_VALUATION,
  TRANCHE_DRAFT_TOTAL,        /* a reported total to date: the event's `cumulative` */
  TRANCHE_DRAFT_ACQUISITION,
  TRANCHE_DRAFT_SECONDARY,
} TrancheDraftKind;

#define TRANCHE_DRAFT_MAX_INVESTORS 8

typedef struct
{
  TrancheDraftKind  kind;
  TrancheDate       date;
  gboolean          date_from_text;  /* FALSE: the publication date stood in */
  TrancheMoney      money;           /* amount, valuation or total, by kind */
  TrancheMoneyBound bound;
  TrancheSpan       quote;           /* the sentence */
  TrancheSpan       figure;          /* the amount (or the cue word when undisclosed) */
  guint             target;          /* actor index, G_MAXUINT when none */
  guint             n_investors;
  guint             investors[TRANCHE_DRAFT_MAX_INVESTORS];
  gboolean          lead[TRANCHE_DRAFT_MAX_INVESTORS];
  gboolean          investors_from_text;  /* FALSE: carried over from an earlier sentence */
  double            confidence;
} TrancheDraft;

typedef struct
{
  TrancheLanguage  language;   /* UNKNOWN: guessed from the text */
  TrancheDate      published;  /* precision NONE when unknown */
} TrancheExtractOptions;

typedef struct _TrancheExtraction TrancheExtraction;

/* Drafts the events of text[0, len) (UTF-8; invalid UTF-8 gives no drafts).
 * Actors are looked up in, and new ones added to, `actors`, which the caller
 * keeps. */
TrancheExtraction  *tranche_extract                     (const char                  *text,
                                                         gsize                        len,
                                                         const TrancheExtractOptions *options,
                                                         TrancheActors               *actors);
void                tranche_extraction_free             (TrancheExtraction           *self);
TrancheLanguage     tranche_extraction_get_language     (TrancheExtraction           *self);
guint               tranche_extraction_get_n_drafts     (TrancheExtraction           *self);
const TrancheDraft *tranche_extraction_get_draft        (TrancheExtraction           *self,
                                                         guint                        index);

/* English or French, by their most common short words; UNKNOWN when neither. */
TrancheLanguage     tranche_extract_guess_language      (const char                  *text,
                                                         gsize                        len);
const char         *tranche_draft_kind_to_string        (TrancheDraftKind             kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheExtraction, tranche_extraction_free)

G_END_DECLS
