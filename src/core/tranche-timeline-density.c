/* tranche-timeline-density.c: events per pixel column of each lane, when there
 * are too many to draw one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-timeline-layout-private.h"

/* Per scene lane, how many events fall in each pixel column of the plot:
 * counts from the lane index, never a walk over the events. */
void
tranche_timeline_density_build (TrancheTimelineLayout *self)
{
  guint n_lanes = self->lanes->len;
  g_autofree TrancheDay *bounds = NULL;
  guint n = (guint) ceil (self->plot.width);

  self->n_columns = n;
  self->density = g_new0 (guint32, (gsize) n * MAX (n_lanes, 1));
  bounds = g_new (TrancheDay, n + 1);
  for (guint c = 0; c <= n; c++)
    bounds[c] = tranche_time_scale_x_to_day (&self->scale, self->plot.x + c);

  for (guint slot = 0; slot < n_lanes; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      guint32 *row = self->density + (gsize) slot * n;
      guint prev;

      if (lane->index == OTHERS_LANE)
        continue;
      prev = tranche_lane_index_count_before (self->index, lane->index, bounds[0]);
      for (guint c = 0; c < n; c++)
        {
          guint next = tranche_lane_index_count_before (self->index, lane->index, bounds[c + 1]);
          row[c] = next - prev;
          prev = next;
        }
    }

  /* The "others" lane is everything minus the lanes shown, so its cost
   * doesn't grow with the number of lanes folded into it. */
  for (guint slot = 0; slot < n_lanes; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      guint32 *row = self->density + (gsize) slot * n;
      guint prev;

      if (lane->index != OTHERS_LANE)
        continue;
      prev = tranche_lane_index_count_before (self->index, TRANCHE_LANE_ALL, bounds[0]);
      for (guint c = 0; c < n; c++)
        {
          guint next = tranche_lane_index_count_before (self->index, TRANCHE_LANE_ALL,
                                                        bounds[c + 1]);
          row[c] = next - prev;
          prev = next;
        }
      for (guint other = 0; other < n_lanes; other++)
        {
          const guint32 *shown = self->density + (gsize) other * n;
          if (other == slot)
            continue;
          for (guint c = 0; c < n; c++)
            row[c] -= shown[c];
        }
    }

  for (gsize i = 0; i < (gsize) n * n_lanes; i++)
    self->density_max = MAX (self->density_max, self->density[i]);
}
