/* tranche-timeline-view-scroll.c: scrolling the timeline's lane rows
 *
 * The window's timeline gives every lane a row and scrolls through them
 * rather than fold them: the wheel moves a row per notch, and a thin bar
 * says where the rows shown are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-draw.h"
#include "tranche-timeline-view-private.h"

/* Where the lane rows are scrolled to, as a thin bar at the plot's right edge. */
void
_tranche_timeline_view_paint_lane_scrollbar (TrancheTimelineView *self,
                                             cairo_t             *cr)
{
  guint first, n_shown, n_rows;
  const TrancheTimelineLane *top, *bottom;
  double y0, height;

  tranche_timeline_layout_get_lane_rows (self->layout, &first, &n_shown, &n_rows);
  if (n_rows <= n_shown || n_shown == 0)
    return;
  top = tranche_timeline_layout_get_lane (self->layout, 0);
  bottom = tranche_timeline_layout_get_lane (self->layout, n_shown - 1);
  y0 = top->y;
  height = bottom->y + bottom->height - y0;
  cairo_set_source_rgba (cr, self->theme.muted.red, self->theme.muted.green,
                         self->theme.muted.blue, 0.5);
  tranche_draw_rounded_rect (cr, gtk_widget_get_width (GTK_WIDGET (self)) - 8,
                             y0 + height * first / n_rows, 4, height * n_shown / n_rows, 2);
  cairo_fill (cr);
}

/* With more lanes than rows fit, a plain vertical scroll moves through the
 * lanes a row per notch (before the time gestures, which pan with it);
 * with every lane in view, or with a modifier, it goes on to them. */
gboolean
_tranche_timeline_view_lane_scroll_cb (GtkEventControllerScroll *controller,
                                       double                    dx,
                                       double                    dy,
                                       TrancheTimelineView      *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  guint first, n_shown, n_rows;
  int row;

  tranche_timeline_layout_get_lane_rows (self->layout, &first, &n_shown, &n_rows);
  if (n_rows <= n_shown || dy == 0 || fabs (dx) > fabs (dy)
      || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    return FALSE;
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    self->lane_scroll_rest = dy;
  else
    self->lane_scroll_rest += dy / 40;
  row = (int) first + (int) trunc (self->lane_scroll_rest);
  self->lane_scroll_rest -= trunc (self->lane_scroll_rest);
  row = CLAMP (row, 0, (int) (n_rows - n_shown));
  if ((guint) row != first)
    {
      tranche_timeline_layout_set_lane_scroll (self->layout, row);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}
