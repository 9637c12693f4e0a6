/* tranche-filter-bar.h: search and filters over the events
 *
 * A search entry, menus of the dataset's investors, targets, kinds and tags,
 * and the active filters as removable chips. The bar owns nothing but the
 * filter: the window applies it (tranche_filter_apply) to the charts and the
 * table alike, and tells the bar how many events that leaves.
 */
#pragma once

#include <gtk/gtk.h>

#include "tranche-dataset.h"
#include "tranche-filter.h"
#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_FILTER_BAR (tranche_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (TrancheFilterBar, tranche_filter_bar, TRANCHE, FILTER_BAR, GtkWidget)

GtkWidget           *tranche_filter_bar_new          (void);
/* Lists the session's dataset, shows and sets its filter, and counts what
 * its mask shows; the setters below are for a bar without a session. */
TrancheSession      *tranche_filter_bar_get_session  (TrancheFilterBar    *self);
void                 tranche_filter_bar_set_session  (TrancheFilterBar    *self,
                                                      TrancheSession      *session);
TrancheDataset      *tranche_filter_bar_get_dataset  (TrancheFilterBar    *self);
/* The menus list what this dataset has; the filter is kept, since it names
 * ids and survives a reload. */
void                 tranche_filter_bar_set_dataset  (TrancheFilterBar    *self,
                                                      TrancheDataset      *dataset);
/* The filter as the user set it; "notify::filter" follows every change (text
 * after the entry's 150 ms typing delay). Never NULL. */
const TrancheFilter *tranche_filter_bar_get_filter   (TrancheFilterBar    *self);
/* Copies `filter` (NULL clears everything) into the entry, menus and chips. */
void                 tranche_filter_bar_set_filter   (TrancheFilterBar    *self,
                                                      const TrancheFilter *filter);
/* "12 of 340 events", or "340 events" when all are shown. */
void                 tranche_filter_bar_set_counts   (TrancheFilterBar    *self,
                                                      guint                shown,
                                                      guint                total);
/* For Ctrl+F: focuses the search entry and selects its text. */
void                 tranche_filter_bar_focus_search (TrancheFilterBar    *self);

G_END_DECLS
