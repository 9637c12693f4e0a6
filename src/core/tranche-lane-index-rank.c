/* tranche-lane-index-rank.c: the lane index's events ranked by amount,
 * for the largest events of dense frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-lane-index-private.h"
#include "tranche-radix-sort.h"

/* Keyed items by their whole 64-bit key, stable (tranche-radix-sort.h). */
static void
radix_sort_keyed (Keyed *items,
                  guint  n)
{
  g_autofree Keyed *scratch = g_new (Keyed, MAX (n, 1));
  Keyed *in = items, *out = scratch;

  for (guint shift = 0; shift < 64; shift += TRANCHE_RADIX_BITS)
    {
      guint count[1 << TRANCHE_RADIX_BITS] = { 0 };
      Keyed *swap = in;

      for (guint i = 0; i < n; i++)
        count[(in[i].key >> shift) & ((1 << TRANCHE_RADIX_BITS) - 1)]++;
      if (!tranche_radix_bucket_starts (count, n))
        continue;
      for (guint i = 0; i < n; i++)
        out[count[(in[i].key >> shift) & ((1 << TRANCHE_RADIX_BITS) - 1)]++] = in[i];
      in = out;
      out = swap;
    }
  if (in != items)
    memcpy (items, in, sizeof (Keyed) * n);
}

int
_tranche_lane_index_compare_day_entries (const void *a,
                                         const void *b)
{
  const DayEntry *da = a, *db = b;

  if (da->day != db->day)
    return da->day < db->day ? -1 : 1;
  return da->event < db->event ? -1 : da->event > db->event;
}

/* A key whose unsigned order is the value's order, largest first: sign bit
 * flipped for a positive, every bit for a negative (-0 is made 0 first, as
 * they compare equal). */
static guint64
descending_key (double value)
{
  guint64 bits;

  if (value == 0)
    value = 0;
  memcpy (&bits, &value, sizeof bits);
  bits = (bits >> 63) != 0 ? ~bits : bits | G_GUINT64_CONSTANT (1) << 63;
  return ~bits;
}

/* The places in the ranking by marker day (ties by place), so the largest
 * events of a short range are found among that range's alone. `items` are
 * the ranking's, their half days valid when `packed`. */
static guint *
places_by_day (TrancheLaneIndex *self,
               const Keyed      *items,
               gboolean          packed)
{
  guint n = self->n_ranked;
  guint *places = g_new (guint, MAX (n, 1));

  if (packed)
    {
      g_autofree guint64 *by_day = g_new (guint64, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        by_day[i] = (guint64) items[i].half_day << 32 | i;
      tranche_radix_sort_u64 (by_day, n, 32);
      for (guint i = 0; i < n; i++)
        places[i] = (guint) by_day[i];
    }
  else
    {
      g_autofree DayEntry *entries = g_new (DayEntry, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        entries[i] = (DayEntry) { self->ranked_days[i], i };
      if (n > 1)
        qsort (entries, n, sizeof (DayEntry), _tranche_lane_index_compare_day_entries);
      for (guint i = 0; i < n; i++)
        places[i] = entries[i].event;
    }
  return places;
}

/* Events with a known amount, largest first, ties in event order: a radix
 * sort, for the largest events of dense frames. */
void
_tranche_lane_index_rank_events (TrancheLaneIndex *self)
{
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  g_autofree Keyed *items = g_new (Keyed, MAX (n_events, 1));
  gboolean packed = TRUE;
  guint n = 0;

  for (guint i = 0; i < n_events; i++)
    {
      double value;
      if (self->event_lane[i] == TRANCHE_LANE_NONE
          || events[i].kind == TRANCHE_EVENT_NEWS || events[i].kind == TRANCHE_EVENT_VALUATION
          || !tranche_lane_index_size_value (self, &events[i], &value))
        continue;
      items[n].key = descending_key (value);
      items[n].event = i;
      packed = packed && to_half_days (tranche_date_middle_day (&events[i].date), self->origin,
                                       &items[n].half_day);
      n++;
    }
  radix_sort_keyed (items, n);
  self->ranked = g_new (guint, MAX (n, 1));
  self->ranked_days = g_new (TrancheDay, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      self->ranked[i] = items[i].event;
      self->ranked_days[i] = packed
        ? from_half_days (items[i].half_day, self->origin)
        : tranche_date_middle_day (&events[items[i].event].date);
    }
  self->n_ranked = n;
  self->ranked_by_day = places_by_day (self, items, packed);
}

const guint *
tranche_lane_index_ranked (TrancheLaneIndex  *self,
                           const TrancheDay **days,
                           guint             *n_ranked)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ranked != NULL, NULL);

  *n_ranked = self->n_ranked;
  if (days != NULL)
    *days = self->ranked_days;
  return self->ranked;
}

/* How many ranked events have marker days before `day`, by day. */
static guint
ranked_before (TrancheLaneIndex *self,
               TrancheDay        day)
{
  guint lo = 0, hi = self->n_ranked;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (self->ranked_days[self->ranked_by_day[mid]] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Walks the ranking from the top, keeping what is in range: quick when
 * much of the ranking is (every max / share of it). */
static guint
largest_by_scan (TrancheLaneIndex *self,
                 TrancheDay        first,
                 TrancheDay        end,
                 guint             max,
                 guint            *events)
{
  guint n = 0;

  for (guint i = 0; i < self->n_ranked && n < max; i++)
    if (self->ranked_days[i] >= first && self->ranked_days[i] < end)
      events[n++] = self->ranked[i];
  return n;
}

/* Sorts the places of the range's own events (those from `from` on, by
 * day) and keeps the first: quick when the range holds few. */
static guint
largest_in_window (TrancheLaneIndex *self,
                   guint             from,
                   guint             n_window,
                   guint             max,
                   guint            *events)
{
  g_autofree guint64 *places = g_new (guint64, MAX (n_window, 1));
  guint n = MIN (max, n_window);

  for (guint i = 0; i < n_window; i++)
    places[i] = (guint64) self->ranked_by_day[from + i] << 32;
  tranche_radix_sort_u64 (places, n_window, 32);
  for (guint i = 0; i < n; i++)
    events[i] = self->ranked[places[i] >> 32];
  return n;
}

guint
tranche_lane_index_largest_in (TrancheLaneIndex *self,
                               TrancheDay        first,
                               TrancheDay        end,
                               guint             max,
                               guint            *events)
{
  guint from, n_window;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (events != NULL || max == 0, 0);

  from = ranked_before (self, first);
  n_window = end > first ? ranked_before (self, end) - from : 0;
  /* A scan finds `max` after about max × n_ranked / n_window events, the
   * window costs n_window: take the cheaper, so neither a long range nor a
   * short one costs more than about sqrt (max × n_ranked). */
  if ((guint64) n_window * n_window >= (guint64) max * self->n_ranked)
    return largest_by_scan (self, first, end, max, events);
  return largest_in_window (self, from, n_window, max, events);
}

