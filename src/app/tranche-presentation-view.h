/* tranche-presentation-view.h: presentation mode, slide by slide
 *
 * Fills the window it is put in: a title slide, then one step per event
 * shown, the timeline moving to each in turn with its event selected and
 * the caption under it (core's slide painters, as in a deck). Keys are
 * those presentation clickers send: Right, Space and Page Down forward,
 * Left and Page Up back, Home and End to the ends, B (or .) blanks the
 * screen, Esc leaves ("finished" is emitted; the window restores itself).
 */
#pragma once

#include <adwaita.h>

#include "tranche-dataset.h"
#include "tranche-lane-index.h"
#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_PRESENTATION_VIEW (tranche_presentation_view_get_type ())

G_DECLARE_FINAL_TYPE (TranchePresentationView, tranche_presentation_view, TRANCHE,
                      PRESENTATION_VIEW, GtkWidget)

GtkWidget *tranche_presentation_view_new           (void);
/* Where the dataset and the filter's mask come from when presenting starts. */
TrancheSession *tranche_presentation_view_get_session (TranchePresentationView *self);
void       tranche_presentation_view_set_session   (TranchePresentationView *self,
                                                    TrancheSession          *session);
/* Starts on the title slide with the events the session's mask shows. */
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
gboolean   tranche_presentation_view_get_blanked   (TranchePresentationView *self);
void       tranche_presentation_view_set_blanked   (TranchePresentationView *self,
                                                    gboolean                 blanked);

G_END_DECLS
