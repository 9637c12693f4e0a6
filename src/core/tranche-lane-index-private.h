/* tranche-lane-index-private.h: the lane index's state, shared by its
 * building (tranche-lane-index.c) and its ranking of events by amount
 * (tranche-lane-index-rank.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "tranche-lane-index.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheDay day;
  guint      event;
} DayEntry;

/* An event in a radix sort: its sort key, and its marker day as half days
 * from the dataset's first day (the struct has room for it), so no event is
 * read again in sorted, that is random, order. */
typedef struct
{
  guint64 key;
  guint   event;
  guint   half_day;
} Keyed;

struct _TrancheLaneIndex
{
  TrancheDataset  *dataset;
  TrancheLaneMode  mode;
  /* Lanes stay where they were built (bucket by bucket); their places in
   * the sorted order are looked up, so a million-lane index is not moved
   * about nor every event renumbered once sorted. */
  GArray          *lanes;        /* TrancheLaneInfo, as built */
  guint           *lane_at;      /* place -> lane as built */
  guint           *place_of;     /* lane as built -> place */
  guint           *event_lane;   /* per entry, the lane as built: an event's first
                                  * (its first investor's) for entries < n_events */
  /* A syndicated round is in every investor's lane: entries n_events and
   * on are its other investors' (its investor slot 1, 2…), `extra_start`
   * (per event + 1) says which are whose. NULL when no event has any. */
  guint           *extra_start;
  guint            n_extra;
  guint            n_entries;    /* n_events + n_extra */
  guint           *lane_offset;  /* per lane as built + 1, into days/day_events */
  TrancheDay      *days;         /* per lane, sorted */
  guint           *day_events;
  TrancheDay      *all_days;     /* every marker day, sorted */
  guint            n_indexed;    /* entries in some lane */
  TrancheDay       origin;       /* the first event's first day: half days count from it */
  guint64         *by_day;       /* while building: half day << 32 | event, or NULL */
  guint           *ranked;
  TrancheDay      *ranked_days;
  guint            n_ranked;
  guint           *ranked_by_day; /* places in `ranked`, by marker day */
  guint32         *entity_colors;
  guint32         *lane_entities;
  guint            n_lane_entities;
  double           max_value;
  double           scale_max;    /* of every event, whatever the mask; -1 if masked */
  TrancheFeatures  features;
  /* per lane as built, its total as text, made on first use (a frame asks
   * for the lanes it shows only); the lock lets a worker and the window
   * share the index */
  char           **total_text;
  GMutex           total_lock;
};

/* Marker days are whole or half days: twice a day from `origin` is a small
 * whole number for any date the format allows. FALSE for one that isn't. */
static inline gboolean
to_half_days (TrancheDay  day,
              TrancheDay  origin,
              guint      *half_days)
{
  double twice = (day - origin) * 2;

  if (!(twice >= 0 && twice < G_MAXUINT32) || twice != floor (twice))
    return FALSE;
  *half_days = (guint) twice;
  return TRUE;
}

static inline TrancheDay
from_half_days (guint      half_days,
                TrancheDay origin)
{
  return origin + (double) half_days / 2;
}

/* Day entries by day, then event. */
int  _tranche_lane_index_compare_day_entries (const void       *a,
                                              const void       *b);
/* Ranks the indexed events by amount (tranche_lane_index_ranked()). */
void _tranche_lane_index_rank_events         (TrancheLaneIndex *self);

G_END_DECLS
