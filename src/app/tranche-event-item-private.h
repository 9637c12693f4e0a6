/* tranche-event-item-private.h: what the event model needs of its items
 *
 * GtkSingleSelection and GtkSortListModel recognise an item that moved by its
 * pointer, so the model must hand out the same object for an event while that
 * object is alive. It keeps live items in a table; an item takes itself out of
 * that table when it is finalized.
 */
#pragma once

#include "tranche-event-item.h"

G_BEGIN_DECLS

/* `live` maps GUINT_TO_POINTER (index) to the item; the item keeps a
 * reference on the table, so the model may drop it (or replace it on a new
 * dataset) while items are still alive. */
void _tranche_event_item_set_live_table (TrancheEventItem *self,
                                         GHashTable       *live);

G_END_DECLS
