/* tranche-mask.h: which events are shown, for one dataset
 *
 * A TrancheFilter applied to a dataset gives a mask: one byte per event
 * (1 = shown). The mask remembers how many events it was made for and how
 * many it shows, so whether it fits a dataset is decided here, once, with
 * one rule: a mask fits a dataset when it has exactly one byte per event.
 * Immutable and reference-counted (a boxed type), so it can travel in
 * properties and be shared between views.
 */
#pragma once

#include <glib-object.h>

#include "tranche-dataset.h"
#include "tranche-filter.h"

G_BEGIN_DECLS

typedef struct _TrancheMask TrancheMask;

#define TRANCHE_TYPE_MASK (tranche_mask_get_type ())

GType        tranche_mask_get_type       (void) G_GNUC_CONST;
/* The mask `filter` gives for `dataset`; never NULL. */
TrancheMask *tranche_mask_new_for_filter (const TrancheFilter *filter,
                                          TrancheDataset      *dataset);
TrancheMask *tranche_mask_ref            (TrancheMask         *self);
void         tranche_mask_unref          (TrancheMask         *self);

guint        tranche_mask_get_n_events   (const TrancheMask   *self);
guint        tranche_mask_get_n_shown    (const TrancheMask   *self);
/* TRUE when the mask hides nothing. */
gboolean     tranche_mask_shows_all      (const TrancheMask   *self);
/* One byte per event; NULL when every event is shown, so painters can skip
 * the check. */
GBytes      *tranche_mask_get_bytes      (const TrancheMask   *self);

/* The one rule: `bytes` (a mask's, or NULL for every event) fits `dataset`
 * (NULL: no events) when it is NULL or has exactly one byte per event. */
gboolean     tranche_mask_bytes_fit      (GBytes              *bytes,
                                          TrancheDataset      *dataset);
/* The one policy for a view given a dataset and a mask apart: a mask that
 * does not fit belongs to another dataset (one of them is about to change)
 * and is read as "every event shown", never indexed. Returns the bytes to
 * use, NULL for every event. */
GBytes      *tranche_mask_bytes_for      (GBytes              *bytes,
                                          TrancheDataset      *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheMask, tranche_mask_unref)

G_END_DECLS
