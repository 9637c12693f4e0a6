/* tranche-time-gestures.h: zoom and pan on a time axis, for every chart
 *
 * The timeline and the stacked charts all move the window's viewport the
 * same way: Ctrl+wheel and pinch zoom at the pointer (its date stays under
 * it), wheel, touchpad and drag pan, and the pointer's day feeds the shared
 * crosshair. Attaching this to a widget adds those controllers.
 */
#pragma once

#include <gtk/gtk.h>

#include "tranche-time-scale.h"
#include "tranche-viewport.h"

G_BEGIN_DECLS

typedef struct _TrancheTimeGestures TrancheTimeGestures;

/* Called before a gesture changes the range, so a widget can stop its own
 * animation; may be NULL. */
typedef void (*TrancheTimeGesturesInterrupt) (gpointer user_data);

/* Adds the controllers to `widget`; freed with it. */
TrancheTimeGestures *tranche_time_gestures_attach      (GtkWidget                    *widget,
                                                        TrancheTimeGesturesInterrupt  interrupt,
                                                        gpointer                      user_data);
void                 tranche_time_gestures_set_viewport (TrancheTimeGestures          *self,
                                                         TrancheViewport              *viewport);
/* The scale the viewport gives a widget of this width: the shared range over
 * the shared plot extent (the whole width until the timeline has set one). */
gboolean             tranche_time_gestures_get_scale   (TrancheTimeGestures          *self,
                                                        TrancheTimeScale             *scale);
/* Where the pointer last was in the widget (for anchoring key zooms). */
double               tranche_time_gestures_get_pointer_x (TrancheTimeGestures        *self);

G_END_DECLS
