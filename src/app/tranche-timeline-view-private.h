/* tranche-timeline-view-private.h: what the timeline view's files share
 *
 * tranche-timeline-view.c is the widget (drawing, pointer, keys, the
 * session); tranche-timeline-view-describe.c its tooltips, screen-reader
 * description and legend clicks; tranche-timeline-view-scroll.c scrolls
 * the lane rows;
 * tranche-timeline-view-lanes.c pins and orders lanes from a lane
 * header's menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-lane-pins.h"
#include "tranche-time-gestures.h"
#include "tranche-timeline-view.h"

G_BEGIN_DECLS

struct _TrancheTimelineView
{
  GtkWidget              parent_instance;

  TrancheSession        *session;
  GSignalGroup          *session_signals;
  GBindingGroup         *session_bindings;
  TrancheDataset        *dataset;
  TrancheDataset        *laid_out;       /* last laid out (compared, never read) */
  GBytes                *mask;
  TrancheViewport       *viewport;
  TrancheTimelineLayout *layout;
  TrancheTheme           theme;
  TrancheLaneMode        lane_mode;
  int                    selected;
  int                    hovered;
  double                 type_scale;  /* 1 in the window; more on a projector */
  double                 lane_scroll_rest; /* touchpad rows not yet scrolled */
  TrancheTimeGestures   *gestures;  /* zoom and pan, shared with the other charts */
  GtkWidget             *legend_popover; /* the legend's "+N more", made when first asked */
  GtkWidget             *lane_menu;      /* a lane header's menu, made when first asked */
  char                  *menu_lane;      /* the key of the lane the menu is for */
  char                  *pins_id;        /* the dataset the pins are kept for, or NULL */
  GPtrArray             *pins;           /* char *: the pinned lanes' keys, in order */

  /* Animation between two scales, driven by the frame clock. */
  guint                  tick_id;
  gint64                 anim_start;
  TrancheTimeScale       anim_from;
  TrancheTimeScale       anim_to;
};

/* the widget */
gboolean _tranche_timeline_view_hit_event            (TrancheTimelineView      *self,
                                                      double                    x,
                                                      double                    y,
                                                      TrancheTimelineHit       *hit);

/* describe */
void     _tranche_timeline_view_update_description   (TrancheTimelineView      *self);
gboolean _tranche_timeline_view_query_tooltip_cb     (GtkWidget                *widget,
                                                      int                       x,
                                                      int                       y,
                                                      gboolean                  keyboard_mode,
                                                      GtkTooltip               *tooltip,
                                                      TrancheTimelineView      *self);

/* scroll */
void     _tranche_timeline_view_paint_lane_scrollbar (TrancheTimelineView      *self,
                                                      cairo_t                  *cr);
gboolean _tranche_timeline_view_lane_scroll_cb       (GtkEventControllerScroll *controller,
                                                      double                    dx,
                                                      double                    dy,
                                                      TrancheTimelineView      *self);

/* lanes */
void     _tranche_timeline_view_lanes_class_init     (GtkWidgetClass           *widget_class);
void     _tranche_timeline_view_lanes_dispose        (TrancheTimelineView      *self);
/* The scene lane whose header is at (x, y), or -1; with `band`, anywhere
 * in the lane's row. */
int      _tranche_timeline_view_lane_at              (TrancheTimelineView      *self,
                                                      double                    x,
                                                      double                    y,
                                                      gboolean                  band);

G_END_DECLS
