/* tranche-dataset-builder.h: how a dataset is put together
 *
 * The loader (and tests, and the benchmark generator) add entities, sources and
 * events in any order; members of a JSON file can come in any order too, so
 * references by id are resolved when the builder finishes. Strings are copied
 * into the dataset's interned chunk.
 */
#pragma once

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef struct _TrancheDatasetBuilder TrancheDatasetBuilder;

TrancheDatasetBuilder *tranche_dataset_builder_new             (void);
void                   tranche_dataset_builder_free            (TrancheDatasetBuilder *self);

/* Copies a string into the dataset's chunk; equal strings share one copy. */
const char            *tranche_dataset_builder_intern          (TrancheDatasetBuilder *self,
                                                                const char            *text);
/* Copies a long text into the dataset's chunk once, to be the text of
 * several sources (a text_file that several name): add_source() keeps the
 * returned pointer as it is, where it copies any other text. */
const char            *tranche_dataset_builder_share_text      (TrancheDatasetBuilder *self,
                                                                const char            *text);
void                   tranche_dataset_builder_set_title       (TrancheDatasetBuilder *self,
                                                                const char            *title);
void                   tranche_dataset_builder_set_description (TrancheDatasetBuilder *self,
                                                                const char            *description);
void                   tranche_dataset_builder_set_currency    (TrancheDatasetBuilder *self,
                                                                TrancheCurrency        currency);
void                   tranche_dataset_builder_set_rate        (TrancheDatasetBuilder *self,
                                                                TrancheCurrency        currency,
                                                                double                 rate);
void                   tranche_dataset_builder_set_filename    (TrancheDatasetBuilder *self,
                                                                const char            *filename);
void                   tranche_dataset_builder_add_skipped     (TrancheDatasetBuilder *self);
/* The top-level `target`: events other than news that name no target get it
 * when the builder finishes. */
void                   tranche_dataset_builder_set_target      (TrancheDatasetBuilder *self,
                                                                guint32                target);

/* Declares an entity. FALSE when an entity with that id was declared already
 * (the caller reports the duplicate). Undeclared ids that events named before
 * take the declaration's name, kind and colour. */
gboolean               tranche_dataset_builder_add_entity      (TrancheDatasetBuilder *self,
                                                                const TrancheEntity   *entity);
/* The index of the entity with this id, creating an undeclared one (named by
 * its id) when there is none yet. */
guint32                tranche_dataset_builder_ensure_entity   (TrancheDatasetBuilder *self,
                                                                const char            *id);
gboolean               tranche_dataset_builder_entity_is_declared (TrancheDatasetBuilder *self,
                                                                   const char            *id);
/* The ids declared so far, in no order: a NULL-terminated array to
 * g_free(), strings owned by the builder. */
const char           **tranche_dataset_builder_get_declared_ids (TrancheDatasetBuilder *self,
                                                                 guint                 *n);
/* FALSE when a source with that id exists already. */
gboolean               tranche_dataset_builder_add_source      (TrancheDatasetBuilder *self,
                                                                const TrancheSource   *source);
gboolean               tranche_dataset_builder_has_source      (TrancheDatasetBuilder *self,
                                                                const char            *id);
/* Takes an event id for the event about to be added, whether or not that
 * event is added in the end: its copy, or NULL when an event took it
 * before. Passing that copy to the next add_event() spares a second look
 * into the set of ids, the dearest step of adding a million events. */
const char            *tranche_dataset_builder_claim_event_id  (TrancheDatasetBuilder *self,
                                                                const char            *id);

/* Adds an event. Its strings are interned here; `target` and `investors` are
 * indices from tranche_dataset_builder_ensure_entity(); a citation's `source`
 * is ignored and resolved from `source_id` when the builder finishes. Money
 * with currency 0 takes the dataset's currency when the builder finishes. */
void                   tranche_dataset_builder_add_event       (TrancheDatasetBuilder *self,
                                                                const TrancheEvent    *event,
                                                                const guint32         *investors,
                                                                guint                  n_investors,
                                                                const TrancheCitation *citations,
                                                                guint                  n_citations,
                                                                const char * const    *tags,
                                                                guint                  n_tags);
/* Details of the event added last. Shares: one per investor (n is its
 * n_investors), for a file that wrote some investor as an object; their
 * amounts' currency 0 takes the dataset's. Fulfils: the id of the commitment
 * it pays, resolved when the builder finishes (an id that names no
 * commitment leaves TRANCHE_NO_EVENT; the loader reports it). */
void                   tranche_dataset_builder_set_event_shares  (TrancheDatasetBuilder *self,
                                                                  const TrancheShare    *shares,
                                                                  guint                  n);
void                   tranche_dataset_builder_set_event_fulfils (TrancheDatasetBuilder *self,
                                                                  const char            *id);
/* Room for this many events up front, when the caller knows (the loader's
 * first pass counts them): a million events then cost no array regrowth. */
void                   tranche_dataset_builder_reserve         (TrancheDatasetBuilder *self,
                                                                guint                  n_events);
/* Sorts, resolves and freezes; the builder is consumed. */
TrancheDataset        *tranche_dataset_builder_finish          (TrancheDatasetBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheDatasetBuilder, tranche_dataset_builder_free)

G_END_DECLS
