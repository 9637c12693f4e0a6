/* tranche-timeline-hit.c: what is under the pointer, and where an event is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-timeline-layout-private.h"

static double
distance_to_rect (const TrancheRect *rect,
                  double             x,
                  double             y)
{
  double dx = MAX (MAX (rect->x - x, 0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0), y - (rect->y + rect->height));

  return sqrt (dx * dx + dy * dy);
}

gboolean
tranche_timeline_layout_hit_test (TrancheTimelineLayout *self,
                                  double                 x,
                                  double                 y,
                                  double                 tolerance,
                                  TrancheTimelineHit    *hit)
{
  TrancheTimelineHit best = { TRANCHE_HIT_NONE, 0, 0 };
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  tolerance = MAX (tolerance, 0);

  /* Markers are painted largest first: walk backwards so the one on top
   * wins a tie. */
  for (guint i = self->markers->len; i-- > 0;)
    {
      const TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker, i);
      double d = MAX (0, hypot (x - m->x, y - m->y) - m->radius);
      if (d <= tolerance && d < best_distance)
        {
          best_distance = d;
          best = (TrancheTimelineHit) { TRANCHE_HIT_MARKER, i, m->event };
        }
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      TrancheRect pill = { c->x0 - c->radius, c->y - c->radius,
                           c->x1 - c->x0 + 2 * c->radius, 2 * c->radius };
      double d = distance_to_rect (&pill, x, y);
      if (d <= tolerance && d < best_distance)
        {
          best_distance = d;
          best = (TrancheTimelineHit) { TRANCHE_HIT_CLUSTER, i,
                                        g_array_index (self->members, guint, c->first_member) };
        }
    }
  /* A label stands for its marker, but only where no marker is closer. */
  if (best.kind == TRANCHE_HIT_NONE)
    for (guint i = 0; i < self->labels->len; i++)
      {
        const TrancheTimelineLabel *label = &g_array_index (self->labels, TrancheTimelineLabel, i);
        if (!tranche_rect_contains (&label->rect, x, y))
          continue;
        if (label->owner == TRANCHE_LABEL_FOR_MARKER)
          best = (TrancheTimelineHit) { TRANCHE_HIT_MARKER, label->index,
            g_array_index (self->markers, TrancheTimelineMarker, label->index).event };
        else if (label->owner == TRANCHE_LABEL_FOR_CLUSTER)
          {
            const TrancheTimelineCluster *c =
              &g_array_index (self->clusters, TrancheTimelineCluster, label->index);
            best = (TrancheTimelineHit) { TRANCHE_HIT_CLUSTER, label->index,
                                          g_array_index (self->members, guint, c->first_member) };
          }
        else
          continue;
        break;
      }

  *hit = best;
  return best.kind != TRANCHE_HIT_NONE;
}

int
tranche_timeline_layout_legend_hit (TrancheTimelineLayout *self,
                                    double                 x,
                                    double                 y)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const TrancheTimelineLegendItem *item =
        &g_array_index (self->legend, TrancheTimelineLegendItem, i);
      double tw = 0, th = 0;
      TrancheRect text;

      tranche_draw_get_text_size (item->layout, &tw, &th);
      text = (TrancheRect) { item->text_x, item->text_y, tw, th };
      if (tranche_rect_contains (&item->symbol, x, y) || tranche_rect_contains (&text, x, y))
        return (int) i;
    }
  return -1;
}

gboolean
tranche_timeline_layout_find_event (TrancheTimelineLayout *self,
                                    guint                  event,
                                    TrancheTimelineHit    *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  for (guint i = 0; i < self->markers->len; i++)
    if (g_array_index (self->markers, TrancheTimelineMarker, i).event == event)
      {
        *hit = (TrancheTimelineHit) { TRANCHE_HIT_MARKER, i, event };
        return TRUE;
      }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      for (guint k = 0; k < c->n_members; k++)
        if (g_array_index (self->members, guint, c->first_member + k) == event)
          {
            *hit = (TrancheTimelineHit) { TRANCHE_HIT_CLUSTER, i, event };
            return TRUE;
          }
    }
  *hit = (TrancheTimelineHit) { TRANCHE_HIT_NONE, 0, event };
  return FALSE;
}

gboolean
tranche_timeline_layout_event_position (TrancheTimelineLayout *self,
                                        guint                  event,
                                        double                *x,
                                        double                *y)
{
  const TrancheEvent *ev;
  const TrancheTimelineLane *lane;
  guint slot;
  double px;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->dataset == NULL || event >= tranche_dataset_get_n_events (self->dataset))
    return FALSE;
  slot = tranche_lane_index_event_lane (self->index, event);
  if (slot == TRANCHE_LANE_NONE)
    return FALSE;
  slot = tranche_timeline_lanes_slot (self, slot);
  if (slot == NO_SLOT || slot >= self->lanes->len)
    return FALSE;
  ev = tranche_dataset_get_event (self->dataset, event);
  px = tranche_time_scale_day_to_x (&self->scale, tranche_date_middle_day (&ev->date));
  if (px < self->plot.x || px > self->plot.x + self->plot.width)
    return FALSE;
  lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
  if (x != NULL)
    *x = px;
  if (y != NULL)
    *y = lane->y + lane->height / 2;
  return TRUE;
}
