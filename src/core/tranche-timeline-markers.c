/* tranche-timeline-markers.c: one marker per event drawn, news stacked in rows,
 * near markers merged into clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-sum.h"
#include "tranche-timeline-layout-private.h"
#include "tranche-totals.h"

/* An event on its way to becoming a marker or a cluster member. */
typedef struct
{
  double x;
  double radius;
  double value;      /* for sorting labels and summing clusters; < 0 unknown */
  guint  marker;     /* index in markers */
  guint  group;      /* lane slot * rows + row: clusters only form inside one */
} Item;

/* The one size rule, for markers and the legend alike: area proportional to
 * the amount against the dataset's largest (whatever the filter), and never
 * smaller than a size that reads as a round rather than a speck — a $124M
 * round beside a $10B one is small, not gone. */
double
tranche_timeline_markers_radius (TrancheTimelineLayout *self,
                                 double                 r_max,
                                 double                 value)
{
  double r_floor = MIN (MAX (self->r_min, r_max * 0.16), r_max);

  if (!(self->max_value > 0) || !(value > 0))
    return r_floor;
  return MAX (r_floor, r_max * sqrt (MIN (value, self->max_value) / self->max_value));
}

double
tranche_timeline_layout_radius_for_value (TrancheTimelineLayout *self,
                                          double                 value)
{
  g_return_val_if_fail (self != NULL, 0);
  return tranche_timeline_markers_radius (self, self->r_max, value);
}

static TrancheColor
event_color (TrancheTimelineLayout *self,
             const TrancheEvent    *event)
{
  if (event->kind == TRANCHE_EVENT_NEWS)
    return self->theme.neutral;
  if (event->n_investors > 0)
    return tranche_color_from_rgb (
      tranche_lane_index_entity_color (self->index,
                                       tranche_dataset_event_investor (self->dataset, event, 0)),
      1);
  if (event->target != TRANCHE_NO_ENTITY)
    return tranche_color_from_rgb (tranche_lane_index_entity_color (self->index, event->target),
                                   1);
  return self->theme.neutral;
}

/* Flags and radii of a marker from its money (the amount put in, or a
 * valuation, which is never sized); `value` is what sized it. */
static void
size_marker (TrancheTimelineLayout *self,
             const TrancheEvent    *event,
             const TrancheMoney    *money,
             TrancheTimelineMarker *marker,
             double                *value)
{
  double rate = 1, cur = 0, lo, hi;

  if (event->flags & TRANCHE_EVENT_DRAFT)
    marker->flags |= TRANCHE_MARKER_DRAFT;
  if (money->flags & TRANCHE_MONEY_APPROX)
    marker->flags |= TRANCHE_MARKER_APPROX;
  if (event->kind == TRANCHE_EVENT_VALUATION)
    {
      if (!tranche_money_is_known (money))
        marker->flags |= TRANCHE_MARKER_HOLLOW;
      return;
    }
  if (tranche_lane_index_size_value (self->index, event, value))
    marker->radius = tranche_timeline_layout_radius_for_value (self, *value);
  else
    {
      marker->flags |= TRANCHE_MARKER_HOLLOW;
      marker->radius = self->r_unknown;
    }
  if (!tranche_money_get_bounds (money, &lo, &hi))
    return;
  /* Sized by its maximum (see tranche_lane_index_size_value()): drawn
   * dashed so it doesn't read as a known amount. */
  if (!(lo > 0) && hi > 0)
    marker->flags |= TRANCHE_MARKER_UP_TO;
  if (!(money->flags & TRANCHE_MONEY_HAS_RANGE))
    return;
  /* The whisker uses the same conversion as the marker. */
  cur = lo > 0 ? lo : hi;
  if (cur > 0 && *value > 0)
    rate = *value / cur;
  marker->flags |= TRANCHE_MARKER_RANGE;
  marker->radius_min = tranche_timeline_layout_radius_for_value (self, money->min * rate);
  marker->radius_max = tranche_timeline_layout_radius_for_value (self, money->max * rate);
}

/* Builds the marker of an event at scene lane `slot`; FALSE when nothing of
 * it (marker, band, bar) reaches the plot. */
static gboolean
make_marker (TrancheTimelineLayout *self,
             guint                  event_index,
             guint                  slot,
             TrancheTimelineMarker *marker,
             double                *value)
{
  const TrancheEvent *event = tranche_dataset_get_event (self->dataset, event_index);
  const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
  const TrancheMoney *money = &event->amount;
  double left, right;

  memset (marker, 0, sizeof *marker);
  marker->event = event_index;
  marker->investor = TRANCHE_NO_ENTITY;
  marker->lane = slot;
  marker->x = tranche_time_scale_day_to_x (&self->scale, tranche_date_middle_day (&event->date));
  marker->y = lane->y + lane->height / 2;
  marker->color = event_color (self, event);
  marker->precision = event->date.precision;
  *value = -1;

  switch (event->kind)
    {
    case TRANCHE_EVENT_NEWS:
      marker->shape = TRANCHE_MARKER_DOT;
      marker->radius = self->r_news;
      money = NULL;
      break;
    case TRANCHE_EVENT_VALUATION:
      marker->shape = TRANCHE_MARKER_TRIANGLE;
      marker->radius = self->r_fixed;
      money = &event->valuation;
      break;
    case TRANCHE_EVENT_ACQUISITION:
      marker->shape = TRANCHE_MARKER_DIAMOND;
      break;
    default:
      marker->shape = TRANCHE_MARKER_CIRCLE;
      break;
    }

  if (money != NULL)
    size_marker (self, event, money, marker, value);

  left = marker->x - marker->radius;
  right = marker->x + marker->radius;
  if (event->date.precision != TRANCHE_PRECISION_DAY)
    {
      marker->flags |= TRANCHE_MARKER_PARTIAL;
      marker->band_x0 = tranche_time_scale_day_to_x (&self->scale,
                                                     tranche_date_first_day (&event->date));
      marker->band_x1 = tranche_time_scale_day_to_x (&self->scale,
                                                     tranche_date_end_day (&event->date));
      left = MIN (left, marker->band_x0);
      right = MAX (right, marker->band_x1);
    }
  if (tranche_date_is_set (&event->end))
    {
      marker->flags |= TRANCHE_MARKER_SPAN;
      marker->span_x0 = tranche_time_scale_day_to_x (&self->scale, event->first_day);
      marker->span_x1 = tranche_time_scale_day_to_x (&self->scale, event->end_day);
      left = MIN (left, marker->span_x0);
      right = MAX (right, marker->span_x1);
    }
  return right >= self->plot.x && left <= self->plot.x + self->plot.width;
}

static int
compare_items (const void *a,
               const void *b)
{
  const Item *ia = a, *ib = b;

  if (ia->group != ib->group)
    return ia->group < ib->group ? -1 : 1;
  if (ia->x != ib->x)
    return ia->x < ib->x ? -1 : 1;
  return ia->marker < ib->marker ? -1 : ia->marker > ib->marker;
}

static int
compare_markers_by_size (const void *a,
                         const void *b)
{
  const TrancheTimelineMarker *ma = a, *mb = b;

  if (ma->radius != mb->radius)
    return ma->radius > mb->radius ? -1 : 1;
  return ma->event < mb->event ? -1 : ma->event > mb->event;
}

/* Markers whose centres nearly coincide in a lane row can't be told apart:
 * they become one cluster. Single members stay markers. Returns a keep mask. */
static void
cluster_items (TrancheTimelineLayout *self,
               Item                  *items,
               guint                  n_items,
               gboolean              *clustered)
{
  double slack = S (self, 2);
  /* A cluster no wider than this, so a dense decade doesn't become one pill. */
  double max_width = 4 * self->r_max;

  /* a scene with no markers passes no array, which qsort() must not get */
  if (n_items > 1)
    qsort (items, n_items, sizeof (Item), compare_items);
  for (guint i = 0; i < n_items;)
    {
      guint j = i + 1;

      while (j < n_items && items[j].group == items[i].group
             && items[j].x - items[j - 1].x
                < 0.6 * MIN (items[j].radius, items[j - 1].radius) + slack
             && items[j].x - items[i].x < max_width)
        j++;

      if (j - i > 1)
        {
          TrancheTimelineCluster cluster = { 0 };
          const TrancheTimelineMarker *first =
            &g_array_index (self->markers, TrancheTimelineMarker, items[i].marker);
          gboolean same_color = TRUE;

          cluster.lane = first->lane;
          cluster.x0 = items[i].x;
          cluster.x1 = items[j - 1].x;
          cluster.y = first->y;
          cluster.first_member = self->members->len;
          cluster.n_members = j - i;
          cluster.color = first->color;
          for (guint k = i; k < j; k++)
            {
              const TrancheTimelineMarker *m =
                &g_array_index (self->markers, TrancheTimelineMarker, items[k].marker);
              const TrancheEvent *ev = tranche_dataset_get_event (self->dataset, m->event);
              /* promises and secondary sales are drawn, never summed as
               * money received (tranche-totals.h) */
              gboolean received = ev->kind != TRANCHE_EVENT_COMMITMENT
                                  && ev->kind != TRANCHE_EVENT_SECONDARY;

              g_array_append_val (self->members, m->event);
              if (received && items[k].value >= 0)
                cluster.total += items[k].value;
              else if (received)
                cluster.partial = TRUE;
              if (memcmp (&m->color, &cluster.color, sizeof cluster.color) != 0)
                same_color = FALSE;
              clustered[items[k].marker] = TRUE;
            }
          if (!same_color)
            cluster.color = self->theme.neutral;
          cluster.radius = cluster.total > 0
            ? MAX (tranche_timeline_layout_radius_for_value (self, cluster.total), S (self, 9))
            : S (self, 9);
          g_array_append_val (self->clusters, cluster);
        }
      i = j;
    }
}

/* In an investor's lane, a syndicated round shows that investor's share,
 * as tranche_totals_add_event() counts it: its own amount, sized by its
 * known minimum, else an undisclosed share (hollow). Never the whole
 * round, whose range whisker is dropped. */
static void
size_share (TrancheTimelineLayout *self,
            const TrancheEvent    *event,
            guint32                investor,
            TrancheTimelineMarker *marker,
            double                *value)
{
  g_autoptr(GArray) sums = tranche_sums_new ();
  const TrancheSum *sum;

  marker->flags |= TRANCHE_MARKER_SHARE;
  marker->investor = investor;
  marker->flags &= ~(TRANCHE_MARKER_RANGE | TRANCHE_MARKER_UP_TO | TRANCHE_MARKER_HOLLOW);
  tranche_totals_add_event (self->dataset, event, investor, sums);
  sum = sums->len > 0 ? &g_array_index (sums, TrancheSum, 0) : NULL;
  if (sum != NULL && tranche_sum_has_known (sum))
    {
      *value = sum->min > 0 ? sum->min : sum->max;
      if (!(sum->min > 0))
        marker->flags |= TRANCHE_MARKER_UP_TO;
      marker->radius = tranche_timeline_layout_radius_for_value (self, *value);
    }
  else
    {
      *value = -1;
      marker->flags |= TRANCHE_MARKER_HOLLOW;
      marker->radius = self->r_unknown;
    }
}

/* An event's markers, one in each lane it is in (a syndicated round is in
 * each of its investors'). */
static void
add_marker_items (TrancheTimelineLayout *self,
                  guint                  event_index,
                  GArray                *items,
                  guint                  n_rows)
{
  guint n_lanes = tranche_lane_index_event_n_lanes (self->index, event_index);
  const TrancheEvent *event = tranche_dataset_get_event (self->dataset, event_index);

  for (guint nth = 0; nth < n_lanes; nth++)
    {
      TrancheTimelineMarker marker;
      guint lane = tranche_lane_index_event_nth_lane (self->index, event_index, nth);
      guint slot = lane == TRANCHE_LANE_NONE ? NO_SLOT : tranche_timeline_lanes_slot (self, lane);
      double value;
      Item item = { 0 };

      if (slot == NO_SLOT || !make_marker (self, event_index, slot, &marker, &value))
        continue;
      if (n_lanes > 1)
        size_share (self, event, tranche_dataset_event_investor (self->dataset, event, nth),
                    &marker, &value);
      item.x = marker.x;
      item.radius = marker.radius;
      item.value = value;
      item.marker = self->markers->len;
      item.group = slot * n_rows;
      g_array_append_val (self->markers, marker);
      g_array_append_val (items, item);
    }
}

/* News dots are all one size; stacking them in rows lets every headline of a
 * busy year get its own line instead of one pile. */
static void
stack_news (TrancheTimelineLayout *self,
            Item                  *items,
            guint                  n_items,
            guint                  n_rows)
{
  g_autofree double *row_end = g_new (double, n_rows);
  double row_height, gap = S (self, 8);

  for (guint r = 0; r < n_rows; r++)
    row_end[r] = -G_MAXDOUBLE;
  if (n_items > 1)
    qsort (items, n_items, sizeof (Item), compare_items);
  for (guint i = 0; i < n_items; i++)
    {
      TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker,
                                                 items[i].marker);
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, m->lane);
      const TrancheEvent *event;
      double label_width, best = G_MAXDOUBLE;
      guint row = 0;
      g_autoptr(PangoLayout) probe = NULL;

      if (lane->kind != TRANCHE_LANE_NEWS)
        continue;
      event = tranche_dataset_get_event (self->dataset, m->event);
      probe = tranche_text_cache_get (self->text, TRANCHE_TEXT_BODY,
                                      event->title ? event->title : "",
                                      MIN (S (self, 380), self->plot.width / 2.5), 0);
      tranche_draw_get_text_size (probe, &label_width, NULL);

      for (guint r = 0; r < n_rows; r++)
        {
          if (row_end[r] < m->x - m->radius - gap)
            {
              row = r;
              best = -1;
              break;
            }
          if (row_end[r] < best)
            {
              best = row_end[r];
              row = r;
            }
        }
      row_height = lane->height / n_rows;
      m->y = lane->y + row_height * (row + 0.5);
      row_end[row] = m->x + m->radius + gap + label_width;
      items[i].group += row;
    }
}

void
tranche_timeline_markers_init_radii (TrancheTimelineLayout *self)
{
  g_assert (self != NULL);

  /* Marker sizes cap at a size that still leaves lanes room for labels. */
  self->max_value = self->scale_max;
  self->r_min = S (self, 5);
  self->r_news = S (self, 5);
  self->r_fixed = S (self, 7);
  self->r_max = S (self, 38);
}

/* The largest marker takes under a third of the tallest money lane, and
 * of the lanes the unfiltered dataset would have here: a filter leaving
 * one tall lane doesn't blow its markers up four times (issue 13). */
void
tranche_timeline_markers_fit_radii (TrancheTimelineLayout *self)
{
  g_assert (self != NULL);

  if (self->lanes->len > 0)
    {
      /* One-line rows put labels beside markers, not above them: markers
       * may fill more of the row, or sizes would barely differ. */
      double fill = self->compact_rows ? 0.45 : 0.3;
      double lane_height = 0, unfiltered;

      for (guint i = 0; i < self->lanes->len; i++)
        {
          const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, i);
          if (lane->kind == TRANCHE_LANE_MONEY)
            lane_height = MAX (lane_height, lane->height);
        }
      if (lane_height == 0)
        lane_height = g_array_index (self->lanes, TrancheTimelineLane, 0).height;
      if (tranche_lane_index_get_scale_max (self->index) >= 0)
        {
          /* unfiltered: remembered for the filters to come at this size */
          self->r_max = CLAMP (lane_height * fill, S (self, 6), S (self, 38));
          self->scale_r_max = self->r_max;
          self->scale_r_width = self->width;
          self->scale_r_height = self->height;
        }
      else if (self->scale_r_max > 0 && self->scale_r_width == self->width
               && self->scale_r_height == self->height)
        self->r_max = MIN (self->scale_r_max, MAX (lane_height * fill, S (self, 6)));
      else
        {
          /* filtered from the start, or since resized: the unfiltered
           * lanes' height worked out */
          unfiltered = tranche_timeline_lanes_unfiltered_height (self, self->plot.height);
          self->r_max = CLAMP (MIN (lane_height, unfiltered) * fill, S (self, 6),
                               S (self, 38));
        }
    }
  self->r_unknown = MAX (self->r_max * 0.42, S (self, 7));
  self->r_min = MIN (self->r_min, self->r_max);
}

/* Every event of [from, to) one by one: news in rows, near ones merged. */
static void
build_every_marker (TrancheTimelineLayout *self,
                    GArray                *items,
                    guint                  from,
                    guint                  to,
                    TrancheDay             cull_first,
                    double                 line_height)
{
  const TrancheTimelineLane *last = self->lanes->len > 0
    ? &g_array_index (self->lanes, TrancheTimelineLane, self->lanes->len - 1) : NULL;
  g_autofree gboolean *clustered = NULL;
  guint n_rows = 1, kept = 0;

  if (last != NULL && last->kind == TRANCHE_LANE_NEWS)
    n_rows = MAX (1, (guint) floor (last->height / (2.4 * line_height + S (self, 8))));
  for (guint i = from; i < to; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, i);
      if (event->end_day <= cull_first)
        continue;
      add_marker_items (self, i, items, n_rows);
    }
  stack_news (self, (Item *) items->data, items->len, n_rows);
  clustered = g_new0 (gboolean, MAX (self->markers->len, 1));
  cluster_items (self, (Item *) items->data, items->len, clustered);

  /* Drop clustered markers, keeping order. */
  for (guint i = 0; i < self->markers->len; i++)
    if (!clustered[i])
      g_array_index (self->markers, TrancheTimelineMarker, kept++) =
        g_array_index (self->markers, TrancheTimelineMarker, i);
  g_array_set_size (self->markers, kept);
}

/* The markers (and clusters) of the events in view, in painting order. Above
 * TRANCHE_TIMELINE_DENSE_THRESHOLD events the lanes become density strips
 * with markers for the largest events only. `line_height` is the height of
 * a line of small text, which sizes the rows of the news lane. */
void
tranche_timeline_markers_build (TrancheTimelineLayout *self,
                                double                 line_height)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  TrancheDay cull_first, cull_end;
  guint from = 0, to = 0;

  g_assert (self != NULL);

  /* Cull: a marker reaches into view from r_max pixels outside it. */
  cull_first = tranche_time_scale_x_to_day (&self->scale, self->plot.x - self->r_max);
  cull_end = tranche_time_scale_x_to_day (&self->scale,
                                          self->plot.x + self->plot.width + self->r_max);
  tranche_dataset_visible_range (self->dataset, cull_first, cull_end, &from, &to);
  self->n_visible = to - from;
  self->dense = self->n_visible > TRANCHE_TIMELINE_DENSE_THRESHOLD;

  if (self->dense)
    {
      guint largest[TRANCHE_TIMELINE_DENSE_MARKERS];
      guint n_largest = tranche_lane_index_largest_in (self->index, cull_first, cull_end,
                                                       G_N_ELEMENTS (largest), largest);

      tranche_timeline_density_build (self);
      for (guint i = 0; i < n_largest; i++)
        add_marker_items (self, largest[i], items, 1);
    }
  else
    build_every_marker (self, items, from, to, cull_first, line_height);
  g_array_sort (self->markers, compare_markers_by_size);
}

char *
tranche_timeline_layout_dup_cluster_total (TrancheTimelineLayout *self,
                                           guint                  index)
{
  const TrancheTimelineCluster *cluster;
  const TrancheTimelineLane *lane;
  g_autoptr(GArray) sums = tranche_sums_new ();
  guint32 investor = TRANCHE_NO_ENTITY;
  const guint *members;
  guint n_members;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->clusters->len, NULL);

  cluster = &g_array_index (self->clusters, TrancheTimelineCluster, index);
  lane = &g_array_index (self->lanes, TrancheTimelineLane, cluster->lane);
  /* An investor's lane sums that investor's shares; a target's lane, and
   * lanes folded into "others", the rounds whole */
  if (lane->index != G_MAXUINT
      && tranche_lane_index_get_mode (self->index) != TRANCHE_LANES_BY_TARGET)
    investor = tranche_lane_index_get_lane (self->index, lane->index)->investor;
  members = tranche_timeline_layout_get_cluster_members (self, index, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, members[i]);
      /* a promise is not money received (tranche-totals.h) */
      if (event->kind != TRANCHE_EVENT_COMMITMENT)
        tranche_totals_add_event (self->dataset, event, investor, sums);
    }
  return tranche_sums_format ((const TrancheSum *) sums->data, sums->len);
}
