/* tranche-session.h: what is open in a window
 *
 * One session per window owns the dataset, the filter and the mask it gives,
 * the selected event and the viewport (the time range every chart shows).
 * Views take the session as their one `session` property and follow it; they
 * never hold a part of it that the others could disagree with. The dataset,
 * the mask and the selection change together: by the time any of them is
 * notified, all three are already consistent, so no view depends on the
 * order of notifications. An edited file's TrancheDocument lives here too:
 * its undo state and whether it differs from the file are the session's
 * "can-undo", "can-redo" and "modified" properties.
 */
#pragma once

#include <glib-object.h>

#include "tranche-dataset.h"
#include "tranche-document.h"
#include "tranche-filter.h"
#include "tranche-mask.h"
#include "tranche-view-data.h"
#include "tranche-viewport.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_SESSION (tranche_session_get_type ())

G_DECLARE_FINAL_TYPE (TrancheSession, tranche_session, TRANCHE, SESSION, GObject)

TrancheSession      *tranche_session_new             (void);
TrancheDataset      *tranche_session_get_dataset     (TrancheSession      *self);
/* Swaps the dataset in whole. The selected event is kept when the new
 * dataset has an event with the same id (a reload); the mask is the
 * filter's for the new dataset. */
void                 tranche_session_set_dataset     (TrancheSession      *self,
                                                      TrancheDataset      *dataset);
/* The same, with what the views need for `dataset` made already (in a
 * worker, see tranche-view-data.h): each view takes its part while it is
 * told of the new dataset, through tranche_session_get_view_data(). */
void                 tranche_session_set_dataset_with_views (TrancheSession  *self,
                                                             TrancheDataset  *dataset,
                                                             TrancheViewData *views);
/* While the views hear of a new dataset set with views made for it: those;
 * NULL at any other time. */
TrancheViewData     *tranche_session_get_view_data   (TrancheSession      *self);
const TrancheFilter *tranche_session_get_filter      (TrancheSession      *self);
void                 tranche_session_set_filter      (TrancheSession      *self,
                                                      const TrancheFilter *filter);
/* NULL when no dataset is open; always made for the current dataset. */
TrancheMask         *tranche_session_get_mask        (TrancheSession      *self);
/* The mask's bytes, NULL when every event is shown (or nothing is open). */
GBytes              *tranche_session_get_mask_bytes  (TrancheSession      *self);
/* Event index, -1 for none. */
int                  tranche_session_get_selected    (TrancheSession      *self);
void                 tranche_session_set_selected    (TrancheSession      *self,
                                                      int                  selected);
TrancheViewport     *tranche_session_get_viewport    (TrancheSession      *self);
/* The text being edited, NULL while the dataset has never been edited. The
 * session does not load the document's dataset: whoever edits it swaps the
 * new dataset in with tranche_session_set_dataset(). */
TrancheDocument     *tranche_session_get_document    (TrancheSession      *self);
void                 tranche_session_set_document    (TrancheSession      *self,
                                                      TrancheDocument     *document);
/* Whether the document has changes not yet saved. */
gboolean             tranche_session_get_modified    (TrancheSession      *self);

G_END_DECLS
