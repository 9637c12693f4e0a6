/* tranche-timeline-view.h: the interactive funding timeline */
#pragma once

#include <adwaita.h>

#include "tranche-dataset.h"
#include "tranche-lane-index.h"
#include "tranche-lane-pins.h"
#include "tranche-session.h"
#include "tranche-timeline-layout.h"
#include "tranche-viewport.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_TIMELINE_VIEW (tranche_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (TrancheTimelineView, tranche_timeline_view, TRANCHE, TIMELINE_VIEW,
                      GtkWidget)

GtkWidget             *tranche_timeline_view_new            (void);
/* What the view shows and selects: the session's dataset, mask, selection
 * and viewport. The setters below are for a view without a session (the
 * presentation's, tests); with one, the session wins at its next change. */
TrancheSession        *tranche_timeline_view_get_session    (TrancheTimelineView *self);
void                   tranche_timeline_view_set_session    (TrancheTimelineView *self,
                                                             TrancheSession      *session);
void                   tranche_timeline_view_set_dataset    (TrancheTimelineView *self,
                                                             TrancheDataset      *dataset);
/* One byte per event, 1 when shown (TrancheFilter); NULL shows all. */
void                   tranche_timeline_view_set_mask       (TrancheTimelineView *self,
                                                             GBytes              *mask);
void                   tranche_timeline_view_set_viewport   (TrancheTimelineView *self,
                                                             TrancheViewport     *viewport);
TrancheViewport       *tranche_timeline_view_get_viewport   (TrancheTimelineView *self);
int                    tranche_timeline_view_get_selected   (TrancheTimelineView *self);
void                   tranche_timeline_view_set_selected   (TrancheTimelineView *self,
                                                             int                  selected);
void                   tranche_timeline_view_set_lane_mode  (TrancheTimelineView *self,
                                                             TrancheLaneMode      mode);
/* Multiplies every size, type included: 1 in the window, more when a
 * presentation fills a projector. */
void                   tranche_timeline_view_set_type_scale (TrancheTimelineView *self,
                                                             double               scale);
/* Shows every event; animated on the frame clock when `animate`. */
void                   tranche_timeline_view_fit            (TrancheTimelineView *self,
                                                             gboolean             animate);
/* Selects an event and moves the view to centre it, animated. */
void                   tranche_timeline_view_go_to_event    (TrancheTimelineView *self,
                                                             int                  index);
/* What a click on the legend's item `index` does: an entity's name filters
 * on it through the session (again: stops), "+N more" opens the full list.
 * FALSE when the item does nothing (a key, or no session). */
gboolean               tranche_timeline_view_activate_legend_item (TrancheTimelineView *self,
                                                                   guint                index);
/* The "+N more" list once opened, else NULL (tests read it). */
GtkWidget             *tranche_timeline_view_get_legend_popover (TrancheTimelineView *self);
/* Pinned lanes, remembered for the dataset `id` (its file's path or URI;
 * NULL: not remembered). Setting an id loads what was pinned for it. */
void                   tranche_timeline_view_set_pins_id    (TrancheTimelineView *self,
                                                             const char          *id);
/* The pinned lanes' keys, in order (char *, owned by the view). */
GPtrArray             *tranche_timeline_view_get_pins       (TrancheTimelineView *self);
/* Pins, moves or unpins the scene lane `lane`; FALSE when nothing changed. */
gboolean               tranche_timeline_view_pin_lane       (TrancheTimelineView *self,
                                                             guint                lane,
                                                             TrancheLanePinAction action);
/* Opens the menu of the scene lane `lane` at (x, y); FALSE for a lane
 * that can't be pinned (folded lanes). */
gboolean               tranche_timeline_view_popup_lane_menu (TrancheTimelineView *self,
                                                              guint                lane,
                                                              double               x,
                                                              double               y);
/* The lane menu once opened, else NULL (tests read it). */
GtkWidget             *tranche_timeline_view_get_lane_menu  (TrancheTimelineView *self);
/* The scene as last laid out (tests read it). */
TrancheTimelineLayout *tranche_timeline_view_get_layout     (TrancheTimelineView *self);
/* "Jan 2023 – 2026 · $10B\nMicrosoft → OpenAI\nMulti-year investment":
 * the tooltip text, also what screen readers hear for the selection. */
char                  *tranche_timeline_view_describe_event (TrancheTimelineView *self,
                                                             int                  index);

G_END_DECLS
