/* tranche-dataset-private.h: the dataset's insides, shared with its builder */
#pragma once

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheCurrency currency;
  double          rate;
} TrancheRate;

struct _TrancheDataset
{
  gatomicrefcount  ref_count;
  GStringChunk    *strings;
  const char      *title;
  const char      *description;
  char            *filename;
  TrancheCurrency  currency;
  GArray          *rates;          /* TrancheRate */
  GArray          *entities;       /* TrancheEntity */
  GHashTable      *entity_by_id;   /* interned id -> index + 1 */
  GArray          *sources;        /* TrancheSource */
  GHashTable      *source_by_id;   /* interned id -> index + 1 */
  GArray          *events;         /* TrancheEvent, sorted */
  GHashTable      *event_by_id;    /* built on first lookup */
  GArray          *investor_pool;  /* guint32 */
  GArray          *citation_pool;  /* TrancheCitation */
  GArray          *share_pool;     /* TrancheShare, n_investors per event with HAS_SHARES */
  GPtrArray       *tag_pool;       /* const char *, interned */
  GPtrArray       *all_tags;       /* sorted distinct tags, NULL-terminated */
  TrancheDay       max_span;
  guint            n_skipped;
  guint32          target;         /* the top-level `target`, or TRANCHE_NO_ENTITY */
  GHashTable      *fulfils_ids;    /* event index -> the id its `fulfils` names; NULL if none */
  GMutex           lookup_lock;    /* guards the lazily built event_by_id */
};

TrancheDataset *tranche_dataset_new_empty (void);

G_END_DECLS
