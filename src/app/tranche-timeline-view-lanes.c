/* tranche-timeline-view-lanes.c: pinning and ordering the timeline's lanes
 *
 * A lane header's menu (a right-click on its row, a click on its header,
 * or Menu / Shift+F10 for the selected event's lane) pins a lane to the
 * top, moves it among the pinned ones or unpins it. Pinned lanes come
 * first and are never folded; the list is kept per dataset file
 * (tranche-lane-pins.h), so it is there when the file is opened again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-timeline-view-private.h"

static const struct
{
  const char           *action;
  TrancheLanePinAction  pin;
} lane_actions[] = {
  { "lane.pin-top", TRANCHE_LANE_PIN_TO_TOP },
  { "lane.move-up", TRANCHE_LANE_PIN_UP },
  { "lane.move-down", TRANCHE_LANE_PIN_DOWN },
  { "lane.unpin", TRANCHE_LANE_PIN_REMOVE },
};

int
_tranche_timeline_view_lane_at (TrancheTimelineView *self,
                                double               x,
                                double               y,
                                gboolean             band)
{
  guint n;

  g_assert (TRANCHE_IS_TIMELINE_VIEW (self));

  if (self->dataset == NULL)
    return -1;
  n = tranche_timeline_layout_get_n_lanes (self->layout);
  for (guint i = 0; i < n; i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (self->layout, i);
      const TrancheRect *r = &lane->header;

      if (lane->kind == TRANCHE_LANE_NEWS || lane->n_merged > 0)
        continue;
      if (band ? (y >= lane->y && y < lane->y + lane->height)
               : (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height))
        return (int) i;
    }
  return -1;
}

static void
apply_pins (TrancheTimelineView *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < self->pins->len; i++)
    g_ptr_array_add (keys, g_ptr_array_index (self->pins, i));
  g_ptr_array_add (keys, NULL);
  tranche_timeline_layout_set_pinned_lanes (self->layout, (const char *const *) keys->pdata);
}

void
tranche_timeline_view_set_pins_id (TrancheTimelineView *self,
                                   const char          *id)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (g_strcmp0 (self->pins_id, id) == 0 && self->pins != NULL)
    return;
  g_free (self->pins_id);
  self->pins_id = g_strdup (id);
  g_clear_pointer (&self->pins, g_ptr_array_unref);
  self->pins = id != NULL ? tranche_lane_pins_load (id)
                          : g_ptr_array_new_with_free_func (g_free);
  apply_pins (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
tranche_timeline_view_get_pins (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);

  if (self->pins == NULL)
    self->pins = g_ptr_array_new_with_free_func (g_free);
  return self->pins;
}

static gboolean
pin_key (TrancheTimelineView  *self,
         const char           *key,
         TrancheLanePinAction  action)
{
  g_autoptr(GError) error = NULL;

  if (!tranche_lane_pins_apply (tranche_timeline_view_get_pins (self), key, action))
    return FALSE;
  apply_pins (self);
  /* Pinned lanes come first: show the top, where the lane went. */
  if (action == TRANCHE_LANE_PIN_TO_TOP)
    tranche_timeline_layout_set_lane_scroll (self->layout, 0);
  if (self->pins_id != NULL && !tranche_lane_pins_save (self->pins_id, self->pins, &error))
    g_warning ("Could not remember the pinned lanes: %s", error->message);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
tranche_timeline_view_pin_lane (TrancheTimelineView  *self,
                                guint                 lane,
                                TrancheLanePinAction  action)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (lane < tranche_timeline_layout_get_n_lanes (self->layout), FALSE);

  key = tranche_timeline_layout_get_lane_key (self->layout, lane);
  return key != NULL && pin_key (self, key, action);
}

static void
lane_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);

  if (self->menu_lane == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (lane_actions); i++)
    if (g_str_equal (action_name, lane_actions[i].action))
      pin_key (self, self->menu_lane, lane_actions[i].pin);
}

static GtkWidget *
make_lane_menu (TrancheTimelineView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  GtkWidget *popover;

  g_menu_append (menu, _("Pin to Top"), "lane.pin-top");
  g_menu_append (order, _("Move Up"), "lane.move-up");
  g_menu_append (order, _("Move Down"), "lane.move-down");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append (menu, _("Unpin"), "lane.unpin");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  return popover;
}

gboolean
tranche_timeline_view_popup_lane_menu (TrancheTimelineView *self,
                                       guint                lane,
                                       double               x,
                                       double               y)
{
  GPtrArray *pins = tranche_timeline_view_get_pins (self);
  g_autofree char *key = NULL;
  guint at = 0;
  gboolean pinned;

  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (lane < tranche_timeline_layout_get_n_lanes (self->layout), FALSE);

  key = tranche_timeline_layout_get_lane_key (self->layout, lane);
  if (key == NULL)
    return FALSE;
  pinned = tranche_lane_pins_find (pins, key, &at);
  /* Only what would change something can be chosen. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lane.pin-top", !pinned || at > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lane.move-up", pinned && at > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lane.move-down",
                                 pinned && at + 1 < pins->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lane.unpin", pinned);
  g_free (self->menu_lane);
  self->menu_lane = g_steal_pointer (&key);

  if (self->lane_menu == NULL)
    self->lane_menu = make_lane_menu (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->lane_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->lane_menu));
  return TRUE;
}

GtkWidget *
tranche_timeline_view_get_lane_menu (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);

  return self->lane_menu;
}

/* From the keyboard (Menu, Shift+F10): the menu of the selected event's
 * lane, or of the first lane that has one. */
static void
lane_menu_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);
  double x, y;
  int lane = -1;

  if (self->dataset == NULL)
    return;
  if (self->selected >= 0
      && tranche_timeline_layout_event_position (self->layout, self->selected, &x, &y))
    lane = _tranche_timeline_view_lane_at (self, x, y, TRUE);
  for (guint i = 0; lane < 0 && i < tranche_timeline_layout_get_n_lanes (self->layout); i++)
    {
      const TrancheTimelineLane *l = tranche_timeline_layout_get_lane (self->layout, i);

      if (_tranche_timeline_view_lane_at (self, l->header.x, l->header.y, FALSE) == (int) i)
        lane = (int) i;
    }
  if (lane >= 0)
    {
      const TrancheTimelineLane *l = tranche_timeline_layout_get_lane (self->layout, lane);

      tranche_timeline_view_popup_lane_menu (self, lane, l->header.x,
                                             l->header.y + l->header.height);
    }
}

void
_tranche_timeline_view_lanes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lane.menu", NULL, lane_menu_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "lane.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "lane.menu", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lane_actions); i++)
    gtk_widget_class_install_action (widget_class, lane_actions[i].action, NULL,
                                     lane_action_cb);
}

void
_tranche_timeline_view_lanes_dispose (TrancheTimelineView *self)
{
  g_clear_pointer (&self->lane_menu, gtk_widget_unparent);
  g_clear_pointer (&self->menu_lane, g_free);
  g_clear_pointer (&self->pins_id, g_free);
  g_clear_pointer (&self->pins, g_ptr_array_unref);
}
