/* tranche-extract-actors.h: the companies and investors an article names
 *
 * Entities already in a dataset are found first, by name and aliases
 * (case-insensitively, ’ and ' alike). Then capitalised names are taken as
 * actors: "Mistral AI", "Meta Platforms", "OpenAI", but not a capitalised word
 * that only starts a sentence ("Cette", "However") unless the article also
 * writes it capitalised inside a sentence. Each mention carries the words
 * just before it that say its role: "led by"/"mené par" (a lead investor),
 * "from"/"auprès de" (an investor), "in"/"dans" (a target), "of"/"de" (whose
 * it is), "and"/"et" (the same role as the name before).
 */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"
#include "tranche-extract-scan.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_MARK_NONE = 0,
  TRANCHE_MARK_LEAD,   /* led by, co-led by, mené par, menée par */
  TRANCHE_MARK_FROM,   /* from, backed by, including, auprès de, dont, soutenu par */
  TRANCHE_MARK_INTO,   /* in, into, dans, au capital de */
  TRANCHE_MARK_OF,     /* of, 's, de, d' */
  TRANCHE_MARK_AND,    /* and, et, a comma */
  TRANCHE_MARK_SOURCE, /* according to, selon: who says it, no party to it */
  TRANCHE_MARK_ALSO,   /* "and existing shareholder X": the same side, not a co-lead */
} TrancheActorMark;

typedef struct
{
  char              *id;
  char              *name;
  TrancheEntityKind  kind;
  gboolean           known;   /* from the dataset */
} TrancheActor;

typedef struct
{
  TrancheSpan span;
  guint       actor;
  guint8      mark;           /* TrancheActorMark */
} TrancheMention;

typedef struct _TrancheActors TrancheActors;

TrancheActors      *tranche_actors_new          (void);
void                tranche_actors_free         (TrancheActors      *self);
/* A dataset's entity; `aliases` (NULL-terminated, may be NULL) are other
 * names it goes by. Its id is a name too. Returns its index. */
guint               tranche_actors_add_known    (TrancheActors      *self,
                                                 const char         *id,
                                                 const char         *name,
                                                 TrancheEntityKind   kind,
                                                 const char * const *aliases);
/* Every entity of `dataset`, with the aliases its names suggest ("Microsoft
 * Corporation" is also "Microsoft"). */
void                tranche_actors_add_dataset  (TrancheActors      *self,
                                                 TrancheDataset     *dataset);
/* Notes which capitalised words the article uses inside sentences, so that
 * the same word starting a sentence is known for a name. `sentences` is an
 * array of TrancheSentence. */
void                tranche_actors_learn        (TrancheActors      *self,
                                                 const char         *text,
                                                 gsize               len,
                                                 GArray             *sentences);
/* Appends to `out` (of TrancheMention) the actors named in the sentence
 * text[start, end), adding the new names it finds. */
void                tranche_actors_find         (TrancheActors      *self,
                                                 const char         *text,
                                                 gsize               len,
                                                 gsize               start,
                                                 gsize               end,
                                                 GArray             *out);
guint               tranche_actors_get_n        (TrancheActors      *self);
const TrancheActor *tranche_actors_get          (TrancheActors      *self,
                                                 guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheActors, tranche_actors_free)

G_END_DECLS
