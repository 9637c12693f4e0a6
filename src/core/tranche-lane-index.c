/* tranche-lane-index.c
 *
 * Building the index is paid once per dataset, lane mode and filter, before
 * the first frame of a newly opened file, and a big file's pair mode has a
 * lane for most events. So lanes are found by a counting sort rather than
 * hashing, sorted inside their buckets only, and days and amounts are put
 * in order by radix sorts, all with as little fresh memory as will do: on
 * this kind of machine a page touched for the first time costs more than
 * sorting what it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-lane-index-private.h"
#include "tranche-palette.h"
#include "tranche-radix-sort.h"
#include "tranche-sum.h"
#include "tranche-totals.h"


/* Lanes are found without hashing. A lane's key is split in two: its
 * bucket (its kind, and by pair its target) and its sub-key (the entity
 * that tells a bucket's lanes apart: the investor, or the target by
 * target). Events are dealt to their buckets by a counting sort, then each
 * bucket is walked with an array as long as the entities saying which
 * sub-keys have a lane yet. Lanes come out bucket by bucket, so each write
 * to a lane is next to the last, and ordering them is sorting each bucket. */
typedef struct
{
  guint  n;
  guint *event_start;   /* n + 1, into events */
  guint *events;        /* the indexed events, bucket by bucket, in event order */
  guint *sub_keys;      /* per event */
  guint *lane_start;    /* n + 1, into the lanes */
} Buckets;

static guint32
first_investor (TrancheDataset     *dataset,
                const TrancheEvent *event)
{
  if (event->n_investors == 0)
    return TRANCHE_NO_ENTITY;
  return tranche_dataset_event_investor (dataset, event, 0);
}

/* The event of an entry (see extra_start). */
static guint
entry_event (TrancheLaneIndex *self,
             guint             entry,
             guint             n_events)
{
  guint lo = 0, hi = n_events;

  if (entry < n_events)
    return entry;
  entry -= n_events;
  /* the last event whose extras start at or before `entry` */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (self->extra_start[mid] <= entry)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Whether an event is in every one of its investors' lanes: money with
 * several investors, by pair and by investor. */
static gboolean
is_syndicated (TrancheLaneIndex   *self,
               const TrancheEvent *event)
{
  return self->mode != TRANCHE_LANES_BY_TARGET && event->n_investors > 1
         && event->kind != TRANCHE_EVENT_NEWS && event->kind != TRANCHE_EVENT_VALUATION;
}

/* Where an event goes in the given mode: its lane kind and key. */
static TrancheLaneKind
classify (TrancheLaneIndex   *self,
          const TrancheEvent *event,
          guint32            *investor,
          guint32            *target)
{
  *investor = TRANCHE_NO_ENTITY;
  *target = TRANCHE_NO_ENTITY;

  if (event->kind == TRANCHE_EVENT_NEWS)
    return TRANCHE_LANE_NEWS;

  switch (self->mode)
    {
    case TRANCHE_LANES_BY_TARGET:
      *target = event->target;
      return TRANCHE_LANE_MONEY;
    case TRANCHE_LANES_BY_INVESTOR:
      if (event->kind == TRANCHE_EVENT_VALUATION)
        return TRANCHE_LANE_VALUATIONS;
      *investor = first_investor (self->dataset, event);
      return TRANCHE_LANE_MONEY;
    case TRANCHE_LANES_BY_PAIR:
    default:
      *target = event->target;
      if (event->kind == TRANCHE_EVENT_VALUATION)
        return TRANCHE_LANE_VALUATIONS;
      *investor = first_investor (self->dataset, event);
      return TRANCHE_LANE_MONEY;
    }
}

static void
note_features (TrancheLaneIndex   *self,
               const TrancheEvent *event)
{
  const TrancheMoney *money = event->kind == TRANCHE_EVENT_VALUATION ? &event->valuation
                                                                    : &event->amount;
  double lo, hi;

  if (event->kind != TRANCHE_EVENT_NEWS && (money->flags & TRANCHE_MONEY_PRESENT))
    {
      if (!tranche_money_is_known (money))
        self->features |= TRANCHE_FEATURE_UNDISCLOSED;
      if (money->flags & TRANCHE_MONEY_APPROX)
        self->features |= TRANCHE_FEATURE_APPROX;
      if (money->flags & TRANCHE_MONEY_HAS_RANGE)
        self->features |= TRANCHE_FEATURE_RANGE;
      if (event->kind != TRANCHE_EVENT_VALUATION && tranche_money_get_bounds (money, &lo, &hi)
          && !(lo > 0) && hi > 0)
        self->features |= TRANCHE_FEATURE_UP_TO;
    }
  if (event->flags & TRANCHE_EVENT_DRAFT)
    self->features |= TRANCHE_FEATURE_DRAFT;
  if (tranche_date_is_set (&event->end))
    self->features |= TRANCHE_FEATURE_SPAN;
  switch (event->date.precision)
    {
    case TRANCHE_PRECISION_YEAR:
      self->features |= TRANCHE_FEATURE_YEAR;
      break;
    case TRANCHE_PRECISION_QUARTER:
      self->features |= TRANCHE_FEATURE_QUARTER;
      break;
    case TRANCHE_PRECISION_MONTH:
      self->features |= TRANCHE_FEATURE_MONTH;
      break;
    default:
      break;
    }
  if (event->kind == TRANCHE_EVENT_ACQUISITION)
    self->features |= TRANCHE_FEATURE_ACQUISITION;
  else if (event->kind == TRANCHE_EVENT_VALUATION)
    self->features |= TRANCHE_FEATURE_VALUATION;
  else if (event->kind == TRANCHE_EVENT_NEWS)
    self->features |= TRANCHE_FEATURE_NEWS;
}

/* Keeps an indexed event's marker day for index_days(), packed with the
 * event so a radix sort on the day keeps ties in event order. A day that
 * doesn't pack (none the format allows) drops the packing for a qsort(). */
static void
note_day (TrancheLaneIndex   *self,
          guint               entry,
          const TrancheEvent *event)
{
  guint half_day;

  if (self->by_day == NULL)
    return;
  if (!to_half_days (tranche_date_middle_day (&event->date), self->origin, &half_day))
    {
      g_clear_pointer (&self->by_day, g_free);
      return;
    }
  self->by_day[self->n_indexed] = (guint64) half_day << 32 | entry;
}

/* The bucket of a group's lanes of a kind: money then valuations, news in
 * the last bucket. A group is a target by pair, else there is one, no
 * entity (+1 turns TRANCHE_NO_ENTITY into 0). */
static guint
group_bucket (TrancheLaneIndex *self,
              guint32           group,
              TrancheLaneKind   kind)
{
  if (kind == TRANCHE_LANE_NEWS)
    return 2 * (tranche_dataset_get_n_entities (self->dataset) + 1);
  return 2 * (guint) (group + 1) + (kind == TRANCHE_LANE_VALUATIONS ? 1 : 0);
}

static guint
bucket_of (TrancheLaneIndex *self,
           TrancheLaneKind   kind,
           guint32           target)
{
  return group_bucket (self, self->mode == TRANCHE_LANES_BY_PAIR ? target : TRANCHE_NO_ENTITY,
                       kind);
}

/* Room for a syndicated round's other investors' entries, after the
 * events' own (see extra_start). */
static void
count_extras (TrancheLaneIndex *self,
              const guint8     *mask)
{
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  guint n = 0;

  self->n_entries = n_events;
  if (self->mode == TRANCHE_LANES_BY_TARGET)
    return;
  for (guint i = 0; i < n_events; i++)
    if ((mask == NULL || mask[i] != 0) && is_syndicated (self, &events[i]))
      n += events[i].n_investors - 1;
  if (n == 0)
    return;
  self->extra_start = g_new (guint, n_events + 1);
  self->n_extra = n;
  n = 0;
  for (guint i = 0; i < n_events; i++)
    {
      self->extra_start[i] = n;
      if ((mask == NULL || mask[i] != 0) && is_syndicated (self, &events[i]))
        n += events[i].n_investors - 1;
    }
  self->extra_start[n_events] = n;
  self->n_entries = n_events + n;
  self->event_lane = g_renew (guint, self->event_lane, MAX (self->n_entries, 1));
}

/* The one pass over the events in their order: each event's bucket (kept
 * in event_lane until it gets its lane) and sub-key, the features used
 * and the marker days. */
static void
scan_events (TrancheLaneIndex *self,
             const guint8     *mask,
             Buckets          *buckets)
{
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);

  count_extras (self, mask);
  buckets->sub_keys = g_new (guint, MAX (self->n_entries, 1));
  self->by_day = g_new (guint64, MAX (self->n_entries, 1));
  self->origin = n_events > 0 ? events[0].first_day : 0;
  for (guint i = 0; i < n_events; i++)
    {
      guint32 investor, target;
      TrancheLaneKind kind;

      if (mask != NULL && mask[i] == 0)
        {
          self->event_lane[i] = TRANCHE_LANE_NONE;
          continue;
        }
      kind = classify (self, &events[i], &investor, &target);
      self->event_lane[i] = bucket_of (self, kind, target);
      buckets->event_start[self->event_lane[i] + 1]++;
      buckets->sub_keys[i] = (self->mode == TRANCHE_LANES_BY_TARGET ? target : investor) + 1;
      note_day (self, i, &events[i]);
      note_features (self, &events[i]);
      self->n_indexed++;
      /* the round's other investors: the same bucket, their own sub-keys */
      for (guint k = self->extra_start != NULL ? self->extra_start[i] : 0;
           self->extra_start != NULL && k < self->extra_start[i + 1]; k++)
        {
          guint entry = n_events + k, slot = k - self->extra_start[i] + 1;

          self->event_lane[entry] = self->event_lane[i];
          buckets->event_start[self->event_lane[i] + 1]++;
          buckets->sub_keys[entry] =
            tranche_dataset_event_investor (self->dataset, &events[i], slot) + 1;
          note_day (self, entry, &events[i]);
          self->n_indexed++;
        }
    }
}

/* The indexed events, bucket by bucket, each bucket in event order. */
static void
deal_events (TrancheLaneIndex *self,
             Buckets          *buckets)
{
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  g_autofree guint *fill = NULL;

  for (guint b = 0; b < buckets->n; b++)
    buckets->event_start[b + 1] += buckets->event_start[b];
  fill = g_memdup2 (buckets->event_start, sizeof (guint) * (buckets->n + 1));
  buckets->events = g_new (guint, MAX (self->n_indexed, 1));
  /* an event's entry, then its extras right after it: event order */
  for (guint i = 0; i < n_events; i++)
    {
      if (self->event_lane[i] == TRANCHE_LANE_NONE)
        continue;
      buckets->events[fill[self->event_lane[i]]++] = i;
      for (guint k = self->extra_start != NULL ? self->extra_start[i] : 0;
           self->extra_start != NULL && k < self->extra_start[i + 1]; k++)
        buckets->events[fill[self->event_lane[i]]++] = n_events + k;
    }
}

/* Adds an event to its lane's sums, in event order as the totals always
 * were (a sum of doubles depends on its order). */
static void
count_event (TrancheLaneIndex   *self,
             TrancheLaneInfo    *lane,
             const TrancheEvent *event)
{
  double value;

  lane->n_events++;
  /* A commitment is a promise and a secondary sale pays holders: neither is
   * money the target received, so neither adds to a lane's total (as in
   * tranche-totals.h). */
  if (event->kind == TRANCHE_EVENT_NEWS || event->kind == TRANCHE_EVENT_VALUATION
      || event->kind == TRANCHE_EVENT_COMMITMENT || event->kind == TRANCHE_EVENT_SECONDARY)
    return;
  if (is_syndicated (self, event))
    {
      /* the lane's investor's share, to order lanes by (its header's text
       * comes from tranche_lane_index_get_total_text()) */
      g_autoptr(GArray) sums = tranche_sums_new ();
      const TrancheSum *sum;

      if (tranche_lane_index_size_value (self, event, &value))
        self->max_value = MAX (self->max_value, value);
      tranche_totals_add_event (self->dataset, event, lane->investor, sums);
      sum = sums->len > 0 ? &g_array_index (sums, TrancheSum, 0) : NULL;
      if (sum != NULL && tranche_sum_has_known (sum))
        lane->total += sum->min;
      else
        lane->n_undisclosed++;
      return;
    }
  if (tranche_lane_index_size_value (self, event, &value))
    {
      lane->total += value;
      self->max_value = MAX (self->max_value, value);
    }
  else if (event->amount.flags & TRANCHE_MONEY_PRESENT)
    lane->n_undisclosed++;
}

/* A new lane of bucket `b` and sub-key `sub`: the key says it all, so the
 * event needn't be classified again (its investor is a read from far away). */
static TrancheLaneInfo
lane_for_key (TrancheLaneIndex *self,
              guint             b,
              guint             sub)
{
  TrancheLaneInfo info = { 0 };
  /* -1 turns 0 back into TRANCHE_NO_ENTITY */
  guint32 group = (guint32) (b / 2) - 1, entity = (guint32) sub - 1;

  info.investor = info.target = TRANCHE_NO_ENTITY;
  if (b == group_bucket (self, TRANCHE_NO_ENTITY, TRANCHE_LANE_NEWS))
    {
      info.kind = TRANCHE_LANE_NEWS;
      info.neutral = TRUE;
      return info;
    }
  info.kind = b % 2 == 1 ? TRANCHE_LANE_VALUATIONS : TRANCHE_LANE_MONEY;
  if (self->mode == TRANCHE_LANES_BY_TARGET)
    info.target = entity;
  else
    info.investor = entity;
  if (self->mode == TRANCHE_LANES_BY_PAIR)
    info.target = group;
  return info;
}

/* The dataset's largest amount, measured once on the unfiltered index (in
 * the loading worker for the window): a filtered view keeps the marker
 * sizes the analyst has seen. */
static void
measure_scale (TrancheLaneIndex *self,
               const guint8     *mask)
{
  guint n = tranche_dataset_get_n_events (self->dataset);

  self->scale_max = mask != NULL ? -1 : 0;
  for (guint i = 0; mask == NULL && i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, i);
      double value;

      if (event->kind != TRANCHE_EVENT_VALUATION && event->kind != TRANCHE_EVENT_NEWS
          && tranche_lane_index_size_value (self, event, &value))
        self->scale_max = MAX (self->scale_max, value);
    }
}

/* Walks each bucket's events, opening a lane for each sub-key not seen in
 * the bucket yet: lanes numbered bucket by bucket, as first seen in each. */
static void
open_lanes (TrancheLaneIndex *self,
            Buckets          *buckets)
{
  guint n_entities = tranche_dataset_get_n_entities (self->dataset);
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  /* per sub-key: the bucket (+ 1) whose lane `lane_of` holds */
  g_autofree guint *seen_in = g_new0 (guint, n_entities + 1);
  g_autofree guint *lane_of = g_new (guint, n_entities + 1);
  guint most = 0;

  /* Room for as many lanes as there can be up front (a bucket has no more
   * lanes than events, nor than sub-keys): growing the array by copies was
   * a third of the pair mode's build, where most events open a lane. */
  for (guint b = 0; b < buckets->n; b++)
    most += MIN (buckets->event_start[b + 1] - buckets->event_start[b], n_entities + 1);
  self->lanes = g_array_sized_new (FALSE, TRUE, sizeof (TrancheLaneInfo), most);
  buckets->lane_start = g_new (guint, buckets->n + 1);
  for (guint b = 0; b < buckets->n; b++)
    {
      buckets->lane_start[b] = self->lanes->len;
      for (guint k = buckets->event_start[b]; k < buckets->event_start[b + 1]; k++)
        {
          guint e = buckets->events[k], sub = buckets->sub_keys[e];
          guint ev = entry_event (self, e, n_events);

          if (seen_in[sub] != b + 1)
            {
              TrancheLaneInfo info = lane_for_key (self, b, sub);

              info.first_day = events[ev].first_day;
              seen_in[sub] = b + 1;
              lane_of[sub] = self->lanes->len;
              g_array_append_val (self->lanes, info);
            }
          self->event_lane[e] = lane_of[sub];
          count_event (self, &g_array_index (self->lanes, TrancheLaneInfo, lane_of[sub]),
                       &events[ev]);
        }
    }
  buckets->lane_start[buckets->n] = self->lanes->len;
}

/* Puts every event the mask shows in its lane and sums the lanes up. */
static void
fill_lanes (TrancheLaneIndex *self,
            const guint8     *mask,
            Buckets          *buckets)
{
  buckets->n = 2 * (tranche_dataset_get_n_entities (self->dataset) + 1) + 1;
  buckets->event_start = g_new0 (guint, buckets->n + 1);
  scan_events (self, mask, buckets);
  deal_events (self, buckets);
  open_lanes (self, buckets);
  g_clear_pointer (&buckets->sub_keys, g_free);
  g_clear_pointer (&buckets->events, g_free);
  g_clear_pointer (&buckets->event_start, g_free);
}

static int
compare_targets (const void *a,
                 const void *b,
                 void       *user_data)
{
  const double *totals = user_data;
  guint32 ta = *(const guint32 *) a, tb = *(const guint32 *) b;

  if (totals[ta] != totals[tb])
    return totals[ta] > totals[tb] ? -1 : 1;
  return ta < tb ? -1 : ta > tb;
}

/* Lanes of one bucket: by total, count and first day, then as first seen
 * (their numbers). */
static int
compare_lanes (const void *a,
               const void *b,
               void       *user_data)
{
  const TrancheLaneInfo *lanes = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const TrancheLaneInfo *la = &lanes[ia], *lb = &lanes[ib];

  if (la->total != lb->total)
    return la->total > lb->total ? -1 : 1;
  if (la->n_events != lb->n_events)
    return la->n_events > lb->n_events ? -1 : 1;
  if (la->first_day != lb->first_day)
    return la->first_day < lb->first_day ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The order groups of buckets come in: by pair, targets best-funded first
 * (a target's total summed over its lanes, as its lanes were first seen),
 * then lanes without a target; in the other modes only that last group has
 * lanes. */
static guint32 *
order_groups (TrancheLaneIndex *self)
{
  guint n_entities = tranche_dataset_get_n_entities (self->dataset);
  guint32 *groups = g_new (guint32, n_entities + 1);

  for (guint i = 0; i < n_entities; i++)
    groups[i] = i;
  groups[n_entities] = TRANCHE_NO_ENTITY;
  if (self->mode == TRANCHE_LANES_BY_PAIR)
    {
      g_autofree double *totals = g_new0 (double, MAX (n_entities, 1));
      for (guint i = 0; i < self->lanes->len; i++)
        {
          const TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
          if (lane->target != TRANCHE_NO_ENTITY)
            totals[lane->target] += lane->total;
        }
      g_qsort_with_data (groups, n_entities, sizeof (guint32), compare_targets, totals);
    }
  return groups;
}

/* Appends bucket `b`'s lanes to `order`, sorted. */
static void
append_bucket (TrancheLaneIndex *self,
               const Buckets    *buckets,
               guint             b,
               guint            *order,
               guint            *n)
{
  guint from = *n;

  for (guint l = buckets->lane_start[b]; l < buckets->lane_start[b + 1]; l++)
    order[(*n)++] = l;
  if (*n - from > 1)
    g_qsort_with_data (order + from, *n - from, sizeof (guint), compare_lanes,
                       self->lanes->data);
}

/* Lane numbers in sorted order: the groups in order, a group's money lanes
 * before its valuations, news last; each bucket's lanes sorted. */
static guint *
sorted_lanes (TrancheLaneIndex *self,
              const Buckets    *buckets)
{
  guint n_entities = tranche_dataset_get_n_entities (self->dataset);
  g_autofree guint32 *groups = order_groups (self);
  guint *order = g_new (guint, MAX (self->lanes->len, 1));
  guint n = 0;

  for (guint g = 0; g <= n_entities; g++)
    {
      append_bucket (self, buckets, group_bucket (self, groups[g], TRANCHE_LANE_MONEY),
                     order, &n);
      append_bucket (self, buckets, group_bucket (self, groups[g], TRANCHE_LANE_VALUATIONS),
                     order, &n);
    }
  append_bucket (self, buckets, group_bucket (self, TRANCHE_NO_ENTITY, TRANCHE_LANE_NEWS),
                 order, &n);
  g_assert (n == self->lanes->len);
  return order;
}

/* The lanes' places in sorted order (see sorted_lanes()), both ways. */
static void
order_lanes (TrancheLaneIndex *self,
             const Buckets    *buckets)
{
  guint n_lanes = self->lanes->len;

  self->lane_at = sorted_lanes (self, buckets);
  self->place_of = g_new (guint, MAX (n_lanes, 1));
  for (guint i = 0; i < n_lanes; i++)
    self->place_of[self->lane_at[i]] = i;
}

static int
compare_entity_ids (const void *a,
                    const void *b)
{
  const TrancheEntity *ea = *(const TrancheEntity * const *) a;
  const TrancheEntity *eb = *(const TrancheEntity * const *) b;
  return g_strcmp0 (ea->id, eb->id);
}

static void
assign_colors (TrancheLaneIndex *self)
{
  guint n_entities = tranche_dataset_get_n_entities (self->dataset);
  g_autofree gboolean *is_investor = g_new0 (gboolean, MAX (n_entities, 1));
  g_autoptr(GPtrArray) investors = g_ptr_array_new ();
  g_autofree guint32 *colors = NULL;
  const TrancheEntity *base = n_entities > 0 ? tranche_dataset_get_entity (self->dataset, 0)
                                             : NULL;

  self->entity_colors = g_new0 (guint32, MAX (n_entities, 1));
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
      if (lane->investor != TRANCHE_NO_ENTITY)
        is_investor[lane->investor] = TRUE;
    }
  for (guint i = 0; i < n_entities; i++)
    {
      const TrancheEntity *entity = tranche_dataset_get_entity (self->dataset, i);
      if (is_investor[i])
        g_ptr_array_add (investors, (gpointer) entity);
      else
        self->entity_colors[i] = tranche_palette_entity_color (entity);
    }

  /* Investors share the palette first, in id order, so adding an unrelated
   * company never repaints Microsoft. Entities sit in one array: a pointer's
   * offset from the first is its index. */
  g_ptr_array_sort (investors, compare_entity_ids);
  colors = g_new0 (guint32, MAX (investors->len, 1));
  tranche_palette_assign ((const TrancheEntity * const *) investors->pdata, investors->len,
                          colors);
  for (guint i = 0; i < investors->len; i++)
    {
      const TrancheEntity *entity = g_ptr_array_index (investors, i);
      self->entity_colors[entity - base] = colors[i];
    }
}

static void
color_lanes (TrancheLaneIndex *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
      guint32 entity = self->mode == TRANCHE_LANES_BY_TARGET ? lane->target : lane->investor;
      lane->neutral = lane->kind != TRANCHE_LANE_MONEY || entity == TRANCHE_NO_ENTITY;
      lane->color = lane->neutral ? 0x77767b : self->entity_colors[entity];
    }
}

/* The entities the legend names, in lane order: kept here because a frame
 * must not walk every lane of a file with a lane per pair. */
static void
collect_lane_entities (TrancheLaneIndex *self)
{
  guint n_entities = tranche_dataset_get_n_entities (self->dataset);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (n_entities, 1));

  self->lane_entities = g_new (guint32, MAX (n_entities, 1));
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo,
                                                    self->lane_at[i]);
      guint32 entity = self->mode == TRANCHE_LANES_BY_TARGET ? lane->target : lane->investor;
      if (lane->neutral || entity == TRANCHE_NO_ENTITY || seen[entity])
        continue;
      seen[entity] = 1;
      self->lane_entities[self->n_lane_entities++] = entity;
    }
}

/* The indexed events by marker day, ties in event order, by comparison:
 * for a dataset whose days didn't pack (see note_day()). */
static void
sort_unpacked_days (TrancheLaneIndex *self,
                    DayEntry         *entries)
{
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  guint n = 0;

  for (guint i = 0; i < self->n_entries; i++)
    if (self->event_lane[i] != TRANCHE_LANE_NONE)
      entries[n++] = (DayEntry) {
        tranche_date_middle_day (&events[entry_event (self, i, n_events)].date), i };
  if (n > 1)
    qsort (entries, n, sizeof (DayEntry), _tranche_lane_index_compare_day_entries);
}

static void
deal_day (TrancheLaneIndex *self,
          guint            *fill,
          guint             i,
          TrancheDay        day,
          guint             entry)
{
  guint at = fill[self->event_lane[entry]]++;

  self->days[at] = day;
  self->day_events[at] = entry_event (self, entry,
                                      tranche_dataset_get_n_events (self->dataset));
  self->all_days[i] = day;
}

/* Each lane's marker days, sorted, in one block: the events taken in day
 * order and dealt to their lanes keep that order in every lane. */
static void
index_days (TrancheLaneIndex *self)
{
  guint n_lanes = self->lanes->len, n = self->n_indexed;
  g_autofree guint *fill = NULL;

  self->lane_offset = g_new0 (guint, n_lanes + 1);
  for (guint i = 0; i < self->n_entries; i++)
    if (self->event_lane[i] != TRANCHE_LANE_NONE)
      self->lane_offset[self->event_lane[i] + 1]++;
  for (guint i = 0; i < n_lanes; i++)
    self->lane_offset[i + 1] += self->lane_offset[i];
  fill = g_memdup2 (self->lane_offset, sizeof (guint) * (n_lanes + 1));

  self->days = g_new (TrancheDay, MAX (n, 1));
  self->day_events = g_new (guint, MAX (n, 1));
  self->all_days = g_new (TrancheDay, MAX (n, 1));
  if (self->by_day != NULL)
    {
      tranche_radix_sort_u64 (self->by_day, n, 32);
      for (guint i = 0; i < n; i++)
        deal_day (self, fill, i, from_half_days (self->by_day[i] >> 32, self->origin),
                  (guint) self->by_day[i]);
      g_clear_pointer (&self->by_day, g_free);
    }
  else
    {
      g_autofree DayEntry *entries = g_new (DayEntry, MAX (n, 1));
      sort_unpacked_days (self, entries);
      for (guint i = 0; i < n; i++)
        deal_day (self, fill, i, entries[i].day, entries[i].event);
    }
}

TrancheLaneIndex *
tranche_lane_index_new (TrancheDataset  *dataset,
                        TrancheLaneMode  mode,
                        const guint8    *mask)
{
  TrancheLaneIndex *self;
  Buckets buckets = { 0 };
  guint n_events;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (TrancheLaneIndex, 1);
  g_mutex_init (&self->total_lock);
  self->dataset = tranche_dataset_ref (dataset);
  self->mode = mode;
  n_events = tranche_dataset_get_n_events (dataset);
  self->event_lane = g_new (guint, MAX (n_events, 1));

  fill_lanes (self, mask, &buckets);
  order_lanes (self, &buckets);
  measure_scale (self, mask);
  g_free (buckets.lane_start);
  assign_colors (self);
  color_lanes (self);
  collect_lane_entities (self);
  index_days (self);
  /* Ranked now, not at the first dense frame: at 1M events that frame
   * took 85-130 ms, every later one 5 ms. */
  _tranche_lane_index_rank_events (self);
  return self;
}

void
tranche_lane_index_free (TrancheLaneIndex *self)
{
  if (self == NULL)
    return;
  tranche_dataset_unref (self->dataset);
  g_free (self->lane_at);
  g_free (self->place_of);
  g_free (self->event_lane);
  g_free (self->lane_offset);
  g_free (self->days);
  g_free (self->day_events);
  g_free (self->all_days);
  g_free (self->ranked);
  g_free (self->ranked_days);
  g_free (self->ranked_by_day);
  g_free (self->entity_colors);
  g_free (self->lane_entities);
  g_free (self->by_day);
  g_free (self->extra_start);
  if (self->total_text != NULL)
    for (guint i = 0; i < self->lanes->len; i++)
      g_free (self->total_text[i]);
  g_free (self->total_text);
  g_array_unref (self->lanes);
  g_mutex_clear (&self->total_lock);
  g_free (self);
}

TrancheDataset *
tranche_lane_index_get_dataset (TrancheLaneIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

TrancheLaneMode
tranche_lane_index_get_mode (TrancheLaneIndex *self)
{
  g_return_val_if_fail (self != NULL, TRANCHE_LANES_BY_PAIR);
  return self->mode;
}

guint
tranche_lane_index_get_n_lanes (TrancheLaneIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lanes->len;
}

const TrancheLaneInfo *
tranche_lane_index_get_lane (TrancheLaneIndex *self,
                             guint             lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);
  return &g_array_index (self->lanes, TrancheLaneInfo, self->lane_at[lane]);
}

guint
tranche_lane_index_event_lane (TrancheLaneIndex *self,
                               guint             event)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (event < tranche_dataset_get_n_events (self->dataset), 0);
  if (self->event_lane[event] == TRANCHE_LANE_NONE)
    return TRANCHE_LANE_NONE;
  return self->place_of[self->event_lane[event]];
}

guint
tranche_lane_index_event_n_lanes (TrancheLaneIndex *self,
                                  guint             event)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (event < tranche_dataset_get_n_events (self->dataset), 0);

  if (self->event_lane[event] == TRANCHE_LANE_NONE)
    return 0;
  if (self->extra_start == NULL)
    return 1;
  return 1 + self->extra_start[event + 1] - self->extra_start[event];
}

guint
tranche_lane_index_event_nth_lane (TrancheLaneIndex *self,
                                   guint             event,
                                   guint             nth)
{
  guint n_events;

  g_return_val_if_fail (self != NULL, TRANCHE_LANE_NONE);
  g_return_val_if_fail (nth < tranche_lane_index_event_n_lanes (self, event), TRANCHE_LANE_NONE);

  if (nth == 0)
    return self->place_of[self->event_lane[event]];
  n_events = tranche_dataset_get_n_events (self->dataset);
  return self->place_of[self->event_lane[n_events + self->extra_start[event] + nth - 1]];
}

const TrancheDay *
tranche_lane_index_lane_days (TrancheLaneIndex  *self,
                              guint              lane,
                              const guint      **events,
                              guint             *n_days)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);
  g_return_val_if_fail (n_days != NULL, NULL);

  lane = self->lane_at[lane];
  *n_days = self->lane_offset[lane + 1] - self->lane_offset[lane];
  if (events != NULL)
    *events = self->day_events + self->lane_offset[lane];
  return self->days + self->lane_offset[lane];
}

/* What a lane's events put in, summed as the totals sum them (one event's
 * part: tranche_totals_add_event(); commitments left out), for the lane's
 * investor: a syndicated
 * round adds its share, an investment without investors its whole amount to
 * its target. Currencies without a rate stay apart. */
static char *
format_lane_total (TrancheLaneIndex *self,
                   guint             built)
{
  const TrancheLaneInfo *info = &g_array_index (self->lanes, TrancheLaneInfo, built);
  guint32 investor = self->mode == TRANCHE_LANES_BY_TARGET ? TRANCHE_NO_ENTITY
                                                           : info->investor;
  g_autoptr(GArray) sums = tranche_sums_new ();
  guint from = self->lane_offset[built], to = self->lane_offset[built + 1];

  g_assert (info->kind == TRANCHE_LANE_MONEY);
  for (guint k = from; k < to; k++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset,
                                                             self->day_events[k]);
      /* a promise is not money received (tranche-totals.h) */
      if (event->kind != TRANCHE_EVENT_COMMITMENT)
        tranche_totals_add_event (self->dataset, event, investor, sums);
    }
  return tranche_sums_format ((const TrancheSum *) sums->data, sums->len);
}

const char *
tranche_lane_index_get_total_text (TrancheLaneIndex *self,
                                   guint             lane)
{
  const char *text;
  guint built;

  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (lane < self->lanes->len, "");

  built = self->lane_at[lane];
  if (g_array_index (self->lanes, TrancheLaneInfo, built).kind != TRANCHE_LANE_MONEY)
    return "";
  g_mutex_lock (&self->total_lock);
  if (self->total_text == NULL)
    self->total_text = g_new0 (char *, self->lanes->len);
  if (self->total_text[built] == NULL)
    self->total_text[built] = format_lane_total (self, built);
  text = self->total_text[built];
  g_mutex_unlock (&self->total_lock);
  return text;
}

static guint
lower_bound (const TrancheDay *days,
             guint             n,
             TrancheDay        day)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
tranche_lane_index_count_before (TrancheLaneIndex *self,
                                 guint             lane,
                                 TrancheDay        day)
{
  guint from, to;

  g_return_val_if_fail (self != NULL, 0);

  if (lane == TRANCHE_LANE_ALL)
    return lower_bound (self->all_days, self->n_indexed, day);
  g_return_val_if_fail (lane < self->lanes->len, 0);
  lane = self->lane_at[lane];
  from = self->lane_offset[lane];
  to = self->lane_offset[lane + 1];
  return lower_bound (self->days + from, to - from, day);
}

gboolean
tranche_lane_index_size_value (TrancheLaneIndex   *self,
                               const TrancheEvent *event,
                               double             *value)
{
  const TrancheMoney *money;
  double v, rate, lo, hi;

  g_return_val_if_fail (self != NULL && event != NULL && value != NULL, FALSE);

  money = event->kind == TRANCHE_EVENT_VALUATION ? &event->valuation : &event->amount;
  /* Never a range's midpoint: a marker shows what is known at least, the
   * minimum; an "up to" (no minimum above 0) is sized by its maximum and
   * drawn hollow and dashed (TRANCHE_MARKER_UP_TO), so it reads as a bound. */
  if (!tranche_money_get_bounds (money, &lo, &hi))
    return FALSE;
  v = lo > 0 ? lo : hi;
  if (!(v >= 0) || !isfinite (v))
    return FALSE;
  if (money->currency != 0 && money->currency != tranche_dataset_get_currency (self->dataset)
      && tranche_dataset_get_rate (self->dataset, money->currency, &rate))
    v *= rate;
  *value = v;
  return TRUE;
}

guint32
tranche_lane_index_entity_color (TrancheLaneIndex *self,
                                 guint32           entity)
{
  g_return_val_if_fail (self != NULL, 0);
  if (entity >= tranche_dataset_get_n_entities (self->dataset))
    return 0x77767b;
  return self->entity_colors[entity];
}

double
tranche_lane_index_get_scale_max (TrancheLaneIndex *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->scale_max;
}

double
tranche_lane_index_get_max_value (TrancheLaneIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_value;
}

TrancheFeatures
tranche_lane_index_get_features (TrancheLaneIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->features;
}

const guint32 *
tranche_lane_index_get_lane_entities (TrancheLaneIndex *self,
                                      guint            *n_entities)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_entities != NULL, NULL);
  *n_entities = self->n_lane_entities;
  return self->lane_entities;
}
