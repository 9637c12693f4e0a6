/* tranche-event-item.h: one event of a dataset as a list item
 *
 * Events are plain structs, not objects; list views need objects, so the
 * event model makes one of these for a row when GTK asks for it. It is only a
 * reference (the dataset and the event's index) and costs a few dozen bytes.
 */
#pragma once

#include <glib-object.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_EVENT_ITEM (tranche_event_item_get_type ())

G_DECLARE_FINAL_TYPE (TrancheEventItem, tranche_event_item, TRANCHE, EVENT_ITEM, GObject)

TrancheEventItem   *tranche_event_item_new         (TrancheDataset   *dataset,
                                                    guint             index);
TrancheDataset     *tranche_event_item_get_dataset (TrancheEventItem *self);
guint               tranche_event_item_get_index   (TrancheEventItem *self);
const TrancheEvent *tranche_event_item_get_event   (TrancheEventItem *self);

G_END_DECLS
