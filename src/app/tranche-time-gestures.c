/* tranche-time-gestures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-time-gestures.h"

#define WHEEL_ZOOM 1.15

struct _TrancheTimeGestures
{
  GtkWidget                    *widget;  /* not owned: it owns us */
  TrancheViewport              *viewport;
  TrancheTimeGesturesInterrupt  interrupt;
  gpointer                      user_data;
  TrancheTimeScale              start_scale;  /* gestures work from where they began */
  double                        anchor_x;
  double                        pointer_x;
};

static void
gestures_free (gpointer data)
{
  TrancheTimeGestures *self = data;

  g_clear_object (&self->viewport);
  g_free (self);
}

static void
interrupt (TrancheTimeGestures *self)
{
  if (self->interrupt != NULL)
    self->interrupt (self->user_data);
}

static void
apply (TrancheTimeGestures    *self,
       const TrancheTimeScale *scale)
{
  if (self->viewport != NULL)
    tranche_viewport_set_range (self->viewport, scale->first, scale->end);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TrancheTimeGestures      *self)
{
  TrancheTimeScale scale;

  self->pointer_x = x;
  if (self->viewport == NULL || !tranche_time_gestures_get_scale (self, &scale))
    return;
  tranche_viewport_set_pointer_day (self->viewport,
                                    x >= scale.x && x <= scale.x + scale.width
                                      ? tranche_time_scale_x_to_day (&scale, x) : NAN);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TrancheTimeGestures      *self)
{
  if (self->viewport != NULL)
    tranche_viewport_set_pointer_day (self->viewport, NAN);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TrancheTimeGestures      *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  TrancheTimeScale scale;

  if (!tranche_time_gestures_get_scale (self, &scale))
    return FALSE;
  interrupt (self);
  if (state & GDK_CONTROL_MASK)
    {
      /* Ctrl+wheel zooms where the pointer is: its date stays under it. */
      tranche_time_scale_zoom (&scale, pow (WHEEL_ZOOM, wheel ? -dy : -dy / 10.0),
                               self->pointer_x);
      apply (self, &scale);
      return TRUE;
    }
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  /* A wheel notch moves a tenth of the view; touchpads give pixels. Vertical
   * scrolling pans too: the charts have no vertical extent to scroll. */
  tranche_time_scale_pan (&scale, wheel ? -(dx + dy) * scale.width / 10.0 : -(dx + dy));
  apply (self, &scale);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture          *gesture,
               GdkEventSequence    *sequence,
               TrancheTimeGestures *self)
{
  double x, y;

  interrupt (self);
  tranche_time_gestures_get_scale (self, &self->start_scale);
  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->anchor_x = x;
  else
    self->anchor_x = self->start_scale.x + self->start_scale.width / 2;
}

static void
zoom_scale_changed_cb (GtkGestureZoom      *gesture,
                       double               factor,
                       TrancheTimeGestures *self)
{
  TrancheTimeScale scale = self->start_scale;

  if (factor <= 0 || scale.width <= 0)
    return;
  tranche_time_scale_zoom (&scale, factor, self->anchor_x);
  apply (self, &scale);
}

static void
drag_begin_cb (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               TrancheTimeGestures *self)
{
  interrupt (self);
  tranche_time_gestures_get_scale (self, &self->start_scale);
}

static void
drag_update_cb (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                TrancheTimeGestures *self)
{
  TrancheTimeScale scale = self->start_scale;

  /* A click wobbles by a pixel or two; that is not a pan. */
  if ((fabs (dx) < 3 && fabs (dy) < 3) || scale.width <= 0)
    return;
  tranche_time_scale_pan (&scale, dx);
  apply (self, &scale);
}

TrancheTimeGestures *
tranche_time_gestures_attach (GtkWidget                    *widget,
                              TrancheTimeGesturesInterrupt  interrupt_func,
                              gpointer                      user_data)
{
  TrancheTimeGestures *self;
  GtkEventController *motion, *scroll;
  GtkGesture *zoom, *drag;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_new0 (TrancheTimeGestures, 1);
  self->widget = widget;
  self->interrupt = interrupt_func;
  self->user_data = user_data;
  g_object_set_data_full (G_OBJECT (widget), "tranche-time-gestures", self, gestures_free);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  return self;
}

void
tranche_time_gestures_set_viewport (TrancheTimeGestures *self,
                                    TrancheViewport     *viewport)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->viewport, viewport);
}

gboolean
tranche_time_gestures_get_scale (TrancheTimeGestures *self,
                                 TrancheTimeScale    *scale)
{
  TrancheDay first, end;
  double plot_x, plot_width;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scale != NULL, FALSE);

  if (self->viewport == NULL || !tranche_viewport_get_range (self->viewport, &first, &end))
    return FALSE;
  if (!tranche_viewport_get_plot (self->viewport, &plot_x, &plot_width))
    {
      plot_x = 0;
      plot_width = MAX (1, gtk_widget_get_width (self->widget));
    }
  tranche_time_scale_init (scale, first, end, plot_x, plot_width);
  return TRUE;
}

double
tranche_time_gestures_get_pointer_x (TrancheTimeGestures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pointer_x;
}
