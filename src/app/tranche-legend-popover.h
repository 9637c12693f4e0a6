/* tranche-legend-popover.h: the timeline legend's full list of entities
 *
 * The legend names the first few investors (targets, by target) and counts
 * the rest ("+4 more"); this popover lists them all, with a search entry,
 * and each row, activated, filters on its entity as a click on a name in
 * the legend does. tranche_legend_toggle_filter() is that one rule.
 */
#pragma once

#include <gtk/gtk.h>

#include "tranche-lane-index.h"
#include "tranche-session.h"
#include "tranche-theme.h"
#include "tranche-timeline-layout.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_LEGEND_POPOVER (tranche_legend_popover_get_type ())

G_DECLARE_FINAL_TYPE (TrancheLegendPopover, tranche_legend_popover, TRANCHE, LEGEND_POPOVER,
                      GtkPopover)

GtkWidget *tranche_legend_popover_new       (void);
/* Lists `entities` of the session's dataset, `colors` one per entity, and
 * marks those the session's filter names in the lanes' field. */
void       tranche_legend_popover_set_items (TrancheLegendPopover *self,
                                             TrancheSession       *session,
                                             TrancheLaneMode       mode,
                                             const guint32        *entities,
                                             const TrancheColor   *colors,
                                             guint                 n_entities);
/* Lists every entity of `layout`'s legend and pops up pointing at `item`
 * (its "+N more"), the popover being a child of the view drawing it. */
void       tranche_legend_popover_popup_for (TrancheLegendPopover            *self,
                                             TrancheSession                  *session,
                                             TrancheLaneMode                  mode,
                                             TrancheTimelineLayout           *layout,
                                             const TrancheTimelineLegendItem *item);
/* The rows shown (after the search), for tests. */
guint      tranche_legend_popover_count_shown (TrancheLegendPopover *self);
void       tranche_legend_popover_set_search  (TrancheLegendPopover *self,
                                               const char           *text);
/* Activates the first row shown, as Enter in the search entry does. */
void       tranche_legend_popover_activate_first (TrancheLegendPopover *self);

/* Filters the session on `entity` — an investor, or a target when lanes are
 * by target — or, when the filter already names it, stops filtering on it. */
void       tranche_legend_toggle_filter     (TrancheSession       *session,
                                             TrancheLaneMode       mode,
                                             guint32               entity);

/* What a click on a legend item does, as a tooltip, or NULL when nothing. */
char      *tranche_legend_dup_tooltip       (TrancheSession                  *session,
                                             TrancheLaneMode                  mode,
                                             const TrancheTimelineLegendItem *item);

G_END_DECLS
