/* tranche-event-model.h: the events a mask shows, as a GListModel
 *
 * Position -> event index is an array built in one pass over the mask (none
 * at all when everything is shown); rows become TrancheEventItem objects only
 * when GTK asks for them, so a million events cost four bytes each here.
 */
#pragma once

#include <gio/gio.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_EVENT_MODEL (tranche_event_model_get_type ())

G_DECLARE_FINAL_TYPE (TrancheEventModel, tranche_event_model, TRANCHE, EVENT_MODEL, GObject)

TrancheEventModel *tranche_event_model_new               (void);
TrancheDataset    *tranche_event_model_get_dataset       (TrancheEventModel *self);
/* A mask whose size is not the new dataset's event count is dropped. */
void               tranche_event_model_set_dataset       (TrancheEventModel *self,
                                                          TrancheDataset    *dataset);
GBytes            *tranche_event_model_get_mask          (TrancheEventModel *self);
/* One byte per event, non-zero = shown; NULL shows every event. */
void               tranche_event_model_set_mask          (TrancheEventModel *self,
                                                          GBytes            *mask);
/* The event index at a position, or G_MAXUINT past the end. */
guint              tranche_event_model_get_event_index   (TrancheEventModel *self,
                                                          guint              position);
/* Where an event is, by binary search; FALSE when it is hidden or unknown. */
gboolean           tranche_event_model_find_position     (TrancheEventModel *self,
                                                          guint              event_index,
                                                          guint             *position);

G_END_DECLS
