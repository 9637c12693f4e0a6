/* tranche-presentation-view.h: presentation mode, slide by slide
 *
 * Fills the window it is put in: a title slide, then one step per event
 * shown, the timeline moving to each in turn with its event selected and
 * the caption under it (core's slide painters, as in a deck). Keys are
 * those presentation clickers send: Right, Space and Page Down forward,
 * Left and Page Up back, Home and End to the ends, B (or .) blanks the
 * screen, A steps through slides advancing by themselves every 5, 10 or
 * 20 seconds and back to off, Esc leaves ("finished" is emitted; the window
 * restores itself). A click on an arrow or on the overview strip goes
 * there; elsewhere the left button goes forward and the right one back.
 */
#pragma once

#include <adwaita.h>

#include "tranche-dataset.h"
#include "tranche-lane-index.h"
#include "tranche-session.h"
#include "tranche-viewport.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_PRESENTATION_VIEW (tranche_presentation_view_get_type ())

G_DECLARE_FINAL_TYPE (TranchePresentationView, tranche_presentation_view, TRANCHE,
                      PRESENTATION_VIEW, GtkWidget)

GtkWidget *tranche_presentation_view_new           (void);
/* Where the dataset and the filter's mask come from when presenting starts. */
TrancheSession *tranche_presentation_view_get_session (TranchePresentationView *self);
void       tranche_presentation_view_set_session   (TranchePresentationView *self,
                                                    TrancheSession          *session);
/* Starts with the events the session's mask shows: at the selected
 * event's slide, or on the title slide with none selected. */
void       tranche_presentation_view_start         (TranchePresentationView *self,
                                                    TrancheLaneMode          lane_mode);
/* Stops animating and lets the dataset go. */
void       tranche_presentation_view_stop          (TranchePresentationView *self);
gboolean   tranche_presentation_view_is_active     (TranchePresentationView *self);
/* 0 is the title slide; step i is position i + 1. */
guint      tranche_presentation_view_get_position  (TranchePresentationView *self);
guint      tranche_presentation_view_get_n_positions (TranchePresentationView *self);
void       tranche_presentation_view_set_position  (TranchePresentationView *self,
                                                    guint                    position);
/* The event of the current step, or -1 on the title slide. */
int        tranche_presentation_view_get_event     (TranchePresentationView *self);
/* The range the event slides' timeline shows (it moves between steps). */
TrancheViewport *tranche_presentation_view_get_viewport (TranchePresentationView *self);
/* Seconds between slides advancing by themselves, 0 when they don't. */
guint      tranche_presentation_view_get_auto_advance (TranchePresentationView *self);
gboolean   tranche_presentation_view_get_blanked   (TranchePresentationView *self);
void       tranche_presentation_view_set_blanked   (TranchePresentationView *self,
                                                    gboolean                 blanked);

G_END_DECLS
