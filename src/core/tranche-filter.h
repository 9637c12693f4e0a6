/* tranche-filter.h: which events the charts and the table show
 *
 * A filter names entities and tags by id, not by index, so it survives a
 * reload of the dataset. Applying it to a dataset gives a mask: one byte per
 * event (1 = shown), shared by the charts, the table and the presentation so
 * they can never disagree.
 */
#pragma once

#include <glib-object.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef struct _TrancheFilter TrancheFilter;

#define TRANCHE_TYPE_FILTER (tranche_filter_get_type ())

typedef enum
{
  TRANCHE_FILTER_INVESTOR,
  TRANCHE_FILTER_TARGET,
  TRANCHE_FILTER_TAG,
  TRANCHE_FILTER_N_FIELDS
} TrancheFilterField;

GType          tranche_filter_get_type    (void) G_GNUC_CONST;
TrancheFilter *tranche_filter_new         (void);
TrancheFilter *tranche_filter_copy        (const TrancheFilter *self);
void           tranche_filter_free        (TrancheFilter       *self);
gboolean       tranche_filter_equal       (const TrancheFilter *a,
                                           const TrancheFilter *b);
/* TRUE when nothing is filtered. */
gboolean       tranche_filter_is_empty    (const TrancheFilter *self);

/* Free text matched case-insensitively against title, summary, round, tags,
 * ids and the names of investors and target. NULL or "" matches everything. */
void           tranche_filter_set_text    (TrancheFilter       *self,
                                           const char          *text);
const char    *tranche_filter_get_text    (const TrancheFilter *self);
/* Within a field, values are alternatives (any of them); across fields all
 * must hold. An empty field does not filter. */
void           tranche_filter_add         (TrancheFilter       *self,
                                           TrancheFilterField   field,
                                           const char          *id);
void           tranche_filter_remove      (TrancheFilter       *self,
                                           TrancheFilterField   field,
                                           const char          *id);
gboolean       tranche_filter_has         (const TrancheFilter *self,
                                           TrancheFilterField   field,
                                           const char          *id);
/* The ids in a field, sorted; NULL-terminated, free with g_strfreev. */
char         **tranche_filter_list        (const TrancheFilter *self,
                                           TrancheFilterField   field);
/* Bit (1 << TrancheEventKind) per kind shown; 0 shows every kind. */
void           tranche_filter_set_kinds   (TrancheFilter       *self,
                                           guint                kinds);
guint          tranche_filter_get_kinds   (const TrancheFilter *self);
void           tranche_filter_clear       (TrancheFilter       *self);

gboolean       tranche_filter_matches     (const TrancheFilter *self,
                                           TrancheDataset      *dataset,
                                           guint                event_index);
/* One byte per event, 1 when shown; NULL when the filter is empty (all shown),
 * so painters can skip the check. `n_shown` receives the number shown. */
GBytes        *tranche_filter_apply       (const TrancheFilter *self,
                                           TrancheDataset      *dataset,
                                           guint               *n_shown);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheFilter, tranche_filter_free)

G_END_DECLS
