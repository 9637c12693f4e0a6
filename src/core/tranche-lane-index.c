/* tranche-lane-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "tranche-lane-index.h"
#include "tranche-palette.h"

typedef struct
{
  TrancheDay day;
  guint      event;
} DayEntry;

struct _TrancheLaneIndex
{
  TrancheDataset  *dataset;
  TrancheLaneMode  mode;
  GArray          *lanes;        /* TrancheLaneInfo */
  guint           *event_lane;   /* per event */
  guint           *lane_offset;  /* n_lanes + 1, into days/day_events */
  TrancheDay      *days;         /* per lane, sorted */
  guint           *day_events;
  TrancheDay      *all_days;     /* every marker day, sorted */
  guint            n_indexed;    /* events in some lane */
  guint           *ranked;       /* lazily */
  TrancheDay      *ranked_days;
  guint            n_ranked;
  guint32         *entity_colors;
  guint32         *lane_entities;
  guint            n_lane_entities;
  double           max_value;
  TrancheFeatures  features;
};

static guint64
lane_key (guint32 investor,
          guint32 target)
{
  /* +1 turns TRANCHE_NO_ENTITY into 0, so every pair has its own key. */
  return ((guint64) (guint32) (investor + 1) << 32) | (guint32) (target + 1);
}

/* g_int64_hash folds the halves with xor, so (a, b) and (b, a) and every
 * small pair collide: multiply instead (Fibonacci hashing). */
static guint
lane_key_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

static guint32
first_investor (TrancheDataset     *dataset,
                const TrancheEvent *event)
{
  if (event->n_investors == 0)
    return TRANCHE_NO_ENTITY;
  return tranche_dataset_event_investor (dataset, event, 0);
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

static int
compare_day_entries (const void *a,
                     const void *b)
{
  const DayEntry *da = a, *db = b;

  if (da->day != db->day)
    return da->day < db->day ? -1 : 1;
  return da->event < db->event ? -1 : da->event > db->event;
}

static int
compare_days (const void *a,
              const void *b)
{
  TrancheDay da = *(const TrancheDay *) a, db = *(const TrancheDay *) b;
  return da < db ? -1 : da > db;
}

typedef struct
{
  const TrancheLaneInfo *lanes;
  const double          *target_totals;
  TrancheLaneMode        mode;
} SortContext;

static int
compare_lanes (const void *a,
               const void *b,
               void       *user_data)
{
  const SortContext *ctx = user_data;
  const TrancheLaneInfo *la = &ctx->lanes[*(const guint *) a];
  const TrancheLaneInfo *lb = &ctx->lanes[*(const guint *) b];

  if ((la->kind == TRANCHE_LANE_NEWS) != (lb->kind == TRANCHE_LANE_NEWS))
    return la->kind == TRANCHE_LANE_NEWS ? 1 : -1;
  if (ctx->mode == TRANCHE_LANES_BY_PAIR && la->target != lb->target)
    {
      /* A target's lanes stay together, the best-funded target first. */
      double ta = la->target != TRANCHE_NO_ENTITY ? ctx->target_totals[la->target] : -1;
      double tb = lb->target != TRANCHE_NO_ENTITY ? ctx->target_totals[lb->target] : -1;
      if (ta != tb)
        return ta > tb ? -1 : 1;
      return la->target < lb->target ? -1 : 1;
    }
  if (la->kind != lb->kind)
    return la->kind < lb->kind ? -1 : 1;
  if (la->total != lb->total)
    return la->total > lb->total ? -1 : 1;
  if (la->n_events != lb->n_events)
    return la->n_events > lb->n_events ? -1 : 1;
  if (la->first_day != lb->first_day)
    return la->first_day < lb->first_day ? -1 : 1;
  return 0;
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
  g_autofree gboolean *is_investor = g_new0 (gboolean, n_entities);
  g_autoptr(GPtrArray) investors = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree guint32 *colors = NULL;

  self->entity_colors = g_new0 (guint32, MAX (n_entities, 1));
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
      if (lane->investor != TRANCHE_NO_ENTITY)
        is_investor[lane->investor] = TRUE;
    }
  for (guint i = 0; i < n_entities; i++)
    g_ptr_array_add (is_investor[i] ? investors : others,
                     (gpointer) tranche_dataset_get_entity (self->dataset, i));

  /* Investors share the palette first, in id order, so adding an unrelated
   * company never repaints Microsoft. */
  g_ptr_array_sort (investors, compare_entity_ids);
  colors = g_new0 (guint32, MAX (investors->len, 1));
  tranche_palette_assign ((const TrancheEntity * const *) investors->pdata, investors->len,
                          colors);
  for (guint i = 0; i < investors->len; i++)
    {
      const TrancheEntity *entity = g_ptr_array_index (investors, i);
      guint index = tranche_dataset_find_entity (self->dataset, entity->id);
      self->entity_colors[index] = colors[i];
    }
  for (guint i = 0; i < others->len; i++)
    {
      const TrancheEntity *entity = g_ptr_array_index (others, i);
      guint index = tranche_dataset_find_entity (self->dataset, entity->id);
      self->entity_colors[index] = tranche_palette_entity_color (entity);
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
      const TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
      guint32 entity = self->mode == TRANCHE_LANES_BY_TARGET ? lane->target : lane->investor;
      if (lane->neutral || entity == TRANCHE_NO_ENTITY || seen[entity])
        continue;
      seen[entity] = 1;
      self->lane_entities[self->n_lane_entities++] = entity;
    }
}

static void
note_features (TrancheLaneIndex   *self,
               const TrancheEvent *event)
{
  const TrancheMoney *money = event->kind == TRANCHE_EVENT_VALUATION ? &event->valuation
                                                                    : &event->amount;

  if (event->kind != TRANCHE_EVENT_NEWS && (money->flags & TRANCHE_MONEY_PRESENT))
    {
      if (!tranche_money_is_known (money))
        self->features |= TRANCHE_FEATURE_UNDISCLOSED;
      if (money->flags & TRANCHE_MONEY_APPROX)
        self->features |= TRANCHE_FEATURE_APPROX;
      if (money->flags & TRANCHE_MONEY_HAS_RANGE)
        self->features |= TRANCHE_FEATURE_RANGE;
    }
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

TrancheLaneIndex *
tranche_lane_index_new (TrancheDataset  *dataset,
                        TrancheLaneMode  mode,
                        const guint8    *mask)
{
  TrancheLaneIndex *self;
  g_autoptr(GHashTable) money_lanes = NULL;
  g_autoptr(GHashTable) valuation_lanes = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *rank_of = NULL;
  g_autofree double *target_totals = NULL;
  g_autofree DayEntry *entries = NULL;
  g_autoptr(GArray) sorted = NULL;
  const TrancheEvent *events;
  guint n_events, n_entities, news_lane = G_MAXUINT, n_lanes;
  SortContext ctx;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (TrancheLaneIndex, 1);
  self->dataset = tranche_dataset_ref (dataset);
  self->mode = mode;
  self->lanes = g_array_new (FALSE, TRUE, sizeof (TrancheLaneInfo));
  n_events = tranche_dataset_get_n_events (dataset);
  n_entities = tranche_dataset_get_n_entities (dataset);
  events = tranche_dataset_get_events (dataset);
  self->event_lane = g_new (guint, MAX (n_events, 1));
  money_lanes = g_hash_table_new_full (lane_key_hash, g_int64_equal, g_free, NULL);
  valuation_lanes = g_hash_table_new_full (lane_key_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *event = &events[i];
      guint32 investor, target;
      TrancheLaneKind kind = classify (self, event, &investor, &target);
      TrancheLaneInfo *lane;
      guint index;
      double value;

      if (mask != NULL && mask[i] == 0)
        {
          self->event_lane[i] = TRANCHE_LANE_NONE;
          continue;
        }
      if (kind == TRANCHE_LANE_NEWS)
        {
          if (news_lane == G_MAXUINT)
            {
              TrancheLaneInfo info = { .kind = kind, .investor = TRANCHE_NO_ENTITY,
                                       .target = TRANCHE_NO_ENTITY, .neutral = TRUE,
                                       .first_day = event->first_day };
              news_lane = self->lanes->len;
              g_array_append_val (self->lanes, info);
            }
          index = news_lane;
        }
      else
        {
          GHashTable *table = kind == TRANCHE_LANE_MONEY ? money_lanes : valuation_lanes;
          gint64 key = (gint64) lane_key (investor, target);
          gpointer found;

          if (g_hash_table_lookup_extended (table, &key, NULL, &found))
            index = GPOINTER_TO_UINT (found);
          else
            {
              TrancheLaneInfo info = { .kind = kind, .investor = investor, .target = target,
                                       .first_day = event->first_day };
              index = self->lanes->len;
              g_array_append_val (self->lanes, info);
              g_hash_table_insert (table, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (index));
            }
        }

      self->event_lane[i] = index;
      lane = &g_array_index (self->lanes, TrancheLaneInfo, index);
      lane->n_events++;
      note_features (self, event);
      if (event->kind == TRANCHE_EVENT_NEWS || event->kind == TRANCHE_EVENT_VALUATION)
        continue;
      if (tranche_lane_index_size_value (self, event, &value))
        {
          lane->total += value;
          self->max_value = MAX (self->max_value, value);
        }
      else if (event->amount.flags & TRANCHE_MONEY_PRESENT)
        lane->n_undisclosed++;
    }

  /* Order the lanes, then renumber every event's lane. */
  n_lanes = self->lanes->len;
  target_totals = g_new0 (double, MAX (n_entities, 1));
  for (guint i = 0; i < n_lanes; i++)
    {
      const TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
      if (lane->target != TRANCHE_NO_ENTITY)
        target_totals[lane->target] += lane->total;
    }
  order = g_new (guint, MAX (n_lanes, 1));
  for (guint i = 0; i < n_lanes; i++)
    order[i] = i;
  ctx.lanes = (const TrancheLaneInfo *) self->lanes->data;
  ctx.target_totals = target_totals;
  ctx.mode = mode;
  g_qsort_with_data (order, n_lanes, sizeof (guint), compare_lanes, &ctx);
  rank_of = g_new (guint, MAX (n_lanes, 1));
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (TrancheLaneInfo), n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    {
      rank_of[order[i]] = i;
      g_array_append_val (sorted, g_array_index (self->lanes, TrancheLaneInfo, order[i]));
    }
  g_array_unref (self->lanes);
  self->lanes = g_steal_pointer (&sorted);
  for (guint i = 0; i < n_events; i++)
    if (self->event_lane[i] != TRANCHE_LANE_NONE)
      self->event_lane[i] = rank_of[self->event_lane[i]];

  assign_colors (self);
  for (guint i = 0; i < n_lanes; i++)
    {
      TrancheLaneInfo *lane = &g_array_index (self->lanes, TrancheLaneInfo, i);
      guint32 entity = mode == TRANCHE_LANES_BY_TARGET ? lane->target : lane->investor;
      lane->neutral = lane->kind != TRANCHE_LANE_MONEY || entity == TRANCHE_NO_ENTITY;
      lane->color = lane->neutral ? 0x77767b : self->entity_colors[entity];
    }
  collect_lane_entities (self);

  /* Each lane's marker days, sorted, in one block (counting sort by lane). */
  self->lane_offset = g_new0 (guint, n_lanes + 1);
  for (guint i = 0; i < n_events; i++)
    if (self->event_lane[i] != TRANCHE_LANE_NONE)
      self->lane_offset[self->event_lane[i] + 1]++;
  for (guint i = 0; i < n_lanes; i++)
    self->lane_offset[i + 1] += self->lane_offset[i];
  entries = g_new (DayEntry, MAX (n_events, 1));
  {
    g_autofree guint *fill = g_memdup2 (self->lane_offset, sizeof (guint) * (n_lanes + 1));
    for (guint i = 0; i < n_events; i++)
      {
        DayEntry entry = { tranche_date_middle_day (&events[i].date), i };
        if (self->event_lane[i] != TRANCHE_LANE_NONE)
          entries[fill[self->event_lane[i]]++] = entry;
      }
  }
  self->days = g_new (TrancheDay, MAX (n_events, 1));
  self->day_events = g_new (guint, MAX (n_events, 1));
  self->all_days = g_new (TrancheDay, MAX (n_events, 1));
  for (guint l = 0; l < n_lanes; l++)
    {
      guint from = self->lane_offset[l], to = self->lane_offset[l + 1];
      qsort (entries + from, to - from, sizeof (DayEntry), compare_day_entries);
    }
  self->n_indexed = self->lane_offset[n_lanes];
  for (guint i = 0; i < self->n_indexed; i++)
    {
      self->days[i] = entries[i].day;
      self->day_events[i] = entries[i].event;
      self->all_days[i] = entries[i].day;
    }
  qsort (self->all_days, self->n_indexed, sizeof (TrancheDay), compare_days);

  return self;
}

void
tranche_lane_index_free (TrancheLaneIndex *self)
{
  if (self == NULL)
    return;
  tranche_dataset_unref (self->dataset);
  g_array_unref (self->lanes);
  g_free (self->event_lane);
  g_free (self->lane_offset);
  g_free (self->days);
  g_free (self->day_events);
  g_free (self->all_days);
  g_free (self->ranked);
  g_free (self->ranked_days);
  g_free (self->entity_colors);
  g_free (self->lane_entities);
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
  return &g_array_index (self->lanes, TrancheLaneInfo, lane);
}

guint
tranche_lane_index_event_lane (TrancheLaneIndex *self,
                               guint             event)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (event < tranche_dataset_get_n_events (self->dataset), 0);
  return self->event_lane[event];
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

  *n_days = self->lane_offset[lane + 1] - self->lane_offset[lane];
  if (events != NULL)
    *events = self->day_events + self->lane_offset[lane];
  return self->days + self->lane_offset[lane];
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
  from = self->lane_offset[lane];
  to = self->lane_offset[lane + 1];
  return lower_bound (self->days + from, to - from, day);
}

typedef struct
{
  double value;
  guint  event;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;
  return ra->event < rb->event ? -1 : ra->event > rb->event;
}

const guint *
tranche_lane_index_ranked (TrancheLaneIndex  *self,
                           const TrancheDay **days,
                           guint             *n_ranked)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ranked != NULL, NULL);

  if (self->ranked == NULL)
    {
      guint n_events = tranche_dataset_get_n_events (self->dataset);
      const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
      g_autofree Ranked *items = g_new (Ranked, MAX (n_events, 1));
      guint n = 0;

      for (guint i = 0; i < n_events; i++)
        {
          double value;
          if (self->event_lane[i] != TRANCHE_LANE_NONE
              && events[i].kind != TRANCHE_EVENT_NEWS && events[i].kind != TRANCHE_EVENT_VALUATION
              && tranche_lane_index_size_value (self, &events[i], &value))
            {
              items[n].value = value;
              items[n].event = i;
              n++;
            }
        }
      qsort (items, n, sizeof (Ranked), compare_ranked);
      self->ranked = g_new (guint, MAX (n, 1));
      self->ranked_days = g_new (TrancheDay, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          self->ranked[i] = items[i].event;
          self->ranked_days[i] = tranche_date_middle_day (&events[items[i].event].date);
        }
      self->n_ranked = n;
    }
  *n_ranked = self->n_ranked;
  if (days != NULL)
    *days = self->ranked_days;
  return self->ranked;
}

gboolean
tranche_lane_index_size_value (TrancheLaneIndex   *self,
                               const TrancheEvent *event,
                               double             *value)
{
  const TrancheMoney *money;
  double v, rate;

  g_return_val_if_fail (self != NULL && event != NULL && value != NULL, FALSE);

  money = event->kind == TRANCHE_EVENT_VALUATION ? &event->valuation : &event->amount;
  if (!tranche_money_best_value (money, &v) || !(v >= 0))
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
