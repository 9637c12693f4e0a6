/* tranche-event-table.h: the events as a sortable table
 *
 * A complete alternative to the charts: every shown event is a row, every
 * column sorts by its real values, and the selection is one event index,
 * the session's, shared with the charts and the source panel.
 */
#pragma once

#include <gtk/gtk.h>

#include "tranche-dataset.h"
#include "tranche-event-fields.h"
#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_EVENT_TABLE (tranche_event_table_get_type ())

G_DECLARE_FINAL_TYPE (TrancheEventTable, tranche_event_table, TRANCHE, EVENT_TABLE, GtkWidget)

GtkWidget      *tranche_event_table_new          (void);
/* Dataset, mask and selection follow the session's; the setters below are
 * for a table without one. */
TrancheSession *tranche_event_table_get_session  (TrancheEventTable *self);
void            tranche_event_table_set_session  (TrancheEventTable *self,
                                                  TrancheSession    *session);
TrancheDataset *tranche_event_table_get_dataset  (TrancheEventTable *self);
/* Clears the selection; a mask that doesn't fit the new dataset is dropped. */
void            tranche_event_table_set_dataset  (TrancheEventTable *self,
                                                  TrancheDataset    *dataset);
GBytes         *tranche_event_table_get_mask     (TrancheEventTable *self);
/* One byte per event (tranche_filter_apply); NULL shows all. The selected
 * event stays selected while it is shown, otherwise "selected" becomes -1. */
void            tranche_event_table_set_mask     (TrancheEventTable *self,
                                                  GBytes            *mask);
/* The selected event's index in the dataset, or -1. */
int             tranche_event_table_get_selected (TrancheEventTable *self);
/* Selects the event's row and scrolls it into view; -1, or an event that is
 * hidden, clears the selection. */
void            tranche_event_table_set_selected (TrancheEventTable *self,
                                                  int                index);
/* For tests and the window: the rows as they are shown, after sorting. */
GListModel     *tranche_event_table_get_rows     (TrancheEventTable *self);
/* Sorts by a column (one per TrancheEventField) as a
 * click on its header would; for tests and for restoring a saved order. */
void            tranche_event_table_sort_by      (TrancheEventTable *self,
                                                  TrancheEventField  column,
                                                  GtkSortType        direction);

G_END_DECLS
