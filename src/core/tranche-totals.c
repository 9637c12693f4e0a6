/* tranche-totals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "tranche-format.h"
#include "tranche-totals-private.h"

/* What identifies a series. The currency rank is 0 for the default currency
 * and the packed code otherwise, so the default sorts first. */
typedef struct
{
  guint32 target;
  guint32 kind;
  guint32 investor;
  guint32 currency_rank;
} SeriesKey;

/* No SeriesKey of its own: it is the public fields' (entry_key()), and a
 * million pairs would carry 30 MB of copies. */
typedef struct
{
  TrancheSeries pub;
  guint         first_step;
} SeriesEntry;

struct _TrancheTotals
{
  gatomicrefcount  ref_count;
  TrancheDataset  *dataset;
  GArray          *series;  /* SeriesEntry, sorted by key */
  GArray          *steps;   /* TrancheStep, grouped by series, each group in time order */
  GArray          *gaps;    /* TrancheGap, in event order */
  GArray          *commitments; /* Link {target, commitment}, sorted by target, then date */
  GArray          *payments;    /* Link {commitment, investment}, sorted by commitment */
};

typedef struct
{
  guint32 key;
  guint32 event;
} Link;

G_DEFINE_BOXED_TYPE (TrancheTotals, tranche_totals, tranche_totals_ref, tranche_totals_unref)

/* A million events can make as many series (every pair is one), so series
 * are found through an open-addressing index of their ids rather than a
 * GHashTable, which would allocate a key per series. */
typedef struct
{
  guint          *slots; /* series id + 1; 0 is free */
  guint           mask;  /* capacity - 1, a power of two */
  TrancheCurrency main_currency;
} SeriesIndex;

static SeriesKey
entry_key (const SeriesEntry *entry,
           TrancheCurrency    main_currency)
{
  SeriesKey key;

  key.target = entry->pub.target;
  key.kind = entry->pub.kind;
  key.investor = entry->pub.investor;
  key.currency_rank = entry->pub.currency == main_currency ? 0 : entry->pub.currency;
  return key;
}

static guint
series_key_hash (const SeriesKey *key)
{
  guint64 h = key->target;

  h = h * 0x9e3779b97f4a7c15u + key->kind;
  h = h * 0x9e3779b97f4a7c15u + key->investor;
  h = h * 0x9e3779b97f4a7c15u + key->currency_rank;
  return (guint) (h ^ (h >> 29));
}

static gboolean
series_key_equal (const SeriesKey *a,
                  const SeriesKey *b)
{
  return a->target == b->target && a->kind == b->kind
         && a->investor == b->investor && a->currency_rank == b->currency_rank;
}

static int
series_key_compare (const SeriesKey *a,
                    const SeriesKey *b)
{
  if (a->target != b->target)
    return a->target < b->target ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->investor != b->investor)
    return a->investor < b->investor ? -1 : 1;
  if (a->currency_rank != b->currency_rank)
    return a->currency_rank < b->currency_rank ? -1 : 1;
  return 0;
}

static int
series_entry_compare (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  TrancheCurrency main_currency = *(const TrancheCurrency *) user_data;
  SeriesKey ka = entry_key (a, main_currency);
  SeriesKey kb = entry_key (b, main_currency);

  return series_key_compare (&ka, &kb);
}

/* Time order inside a series: marker day, then dataset order. */
static int
step_compare (gconstpointer a,
              gconstpointer b)
{
  const TrancheStep *sa = a;
  const TrancheStep *sb = b;

  if (sa->day != sb->day)
    return sa->day < sb->day ? -1 : 1;
  if (sa->event != sb->event)
    return sa->event < sb->event ? -1 : 1;
  /* Same event twice in a pair series: an investor listed twice. */
  return 0;
}

static guint32
currency_rank (TrancheTotals   *self,
               TrancheCurrency  currency)
{
  return currency == tranche_dataset_get_currency (self->dataset) ? 0 : currency;
}

static guint *
series_index_slot (SeriesIndex     *index,
                   GArray          *entries,
                   const SeriesKey *key)
{
  guint i = series_key_hash (key) & index->mask;

  while (index->slots[i] != 0)
    {
      SeriesKey other = entry_key (&g_array_index (entries, SeriesEntry, index->slots[i] - 1),
                                   index->main_currency);

      if (series_key_equal (&other, key))
        break;
      i = (i + 1) & index->mask;
    }
  return &index->slots[i];
}

/* Finds or adds the series for a key and returns its provisional id (in order
 * of first use; they are renumbered once all are known). */
static guint
intern_series (SeriesIndex     *index,
               GArray          *entries,
               const SeriesKey *key,
               TrancheCurrency  currency)
{
  guint *slot = series_index_slot (index, entries, key);
  SeriesEntry entry = { 0 };

  if (*slot != 0)
    return *slot - 1;

  entry.pub.kind = key->kind;
  entry.pub.target = key->target;
  entry.pub.investor = key->investor;
  entry.pub.currency = currency;
  g_array_append_val (entries, entry);
  *slot = entries->len;

  /* At half full, double: probes stay short. */
  if (entries->len * 2 > index->mask)
    {
      g_free (index->slots);
      index->mask = index->mask * 2 + 1;
      index->slots = g_new0 (guint, index->mask + 1);
      for (guint id = 0; id < entries->len; id++)
        {
          SeriesKey k = entry_key (&g_array_index (entries, SeriesEntry, id),
                                   index->main_currency);

          *series_index_slot (index, entries, &k) = id + 1;
        }
    }
  return entries->len - 1;
}

/* Number of steps in [from, from + n) that are at or before (day, event). */
static guint
steps_upto (const TrancheStep *steps,
            guint              n,
            TrancheDay         day,
            guint32            event)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TrancheStep *s = &steps[mid];

      if (s->day < day || (s->day == day && s->event <= event))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
build_series (TrancheTotals *self,
              const guint8  *mask)
{
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  SeriesIndex ids = { NULL, 255, tranche_dataset_get_currency (self->dataset) };
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GArray) slot_of = NULL;   /* provisional id -> final index */
  g_autoptr(GArray) series_of = NULL; /* provisional id of every step, in event order */
  g_autofree guint *fill = NULL;
  guint n_steps = 0;

  /* Sized up front: at this scale, regrowing is what costs. */
  for (guint i = 0; i < n_events; i++)
    if (_tranche_totals_event_counts (&events[i], mask, i))
      n_steps += 1 + events[i].n_investors;

  ids.slots = g_new0 (guint, ids.mask + 1);
  entries = g_array_new (FALSE, TRUE, sizeof (SeriesEntry));
  series_of = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_steps);

  /* First pass: which series each step goes to, and how many each gets. The
   * steps are then placed straight into their series' slice, so the only
   * extra memory is one integer per step. */
  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *ev = &events[i];
      SeriesKey key = { 0 };
      TranchePart part;
      guint id;

      if (!_tranche_totals_event_counts (ev, mask, i))
        continue;

      _tranche_totals_part_whole (self->dataset, ev, &part);
      key.target = ev->target;
      key.kind = TRANCHE_SERIES_TARGET;
      key.investor = TRANCHE_NO_ENTITY;
      key.currency_rank = currency_rank (self, part.currency);
      id = intern_series (&ids, entries, &key, part.currency);
      g_array_append_val (series_of, id);
      g_array_index (entries, SeriesEntry, id).pub.n_steps++;

      key.kind = TRANCHE_SERIES_PAIR;
      for (guint j = 0; j < ev->n_investors; j++)
        {
          /* A share may be in a currency of its own. */
          if (ev->n_investors > 1)
            _tranche_totals_part_of (self->dataset, ev, j, &part);
          key.investor = tranche_dataset_event_investor (self->dataset, ev, j);
          key.currency_rank = currency_rank (self, part.currency);
          id = intern_series (&ids, entries, &key, part.currency);
          g_array_append_val (series_of, id);
          g_array_index (entries, SeriesEntry, id).pub.n_steps++;
        }
    }
  g_assert (series_of->len == n_steps);
  g_free (ids.slots);

  /* Final order of the series, and where each one's slice starts. */
  for (guint s = 0; s < entries->len; s++)
    g_array_index (entries, SeriesEntry, s).first_step = s; /* remember the provisional id */
  g_array_sort_with_data (entries, series_entry_compare, &ids.main_currency);
  slot_of = g_array_sized_new (FALSE, FALSE, sizeof (guint), entries->len);
  g_array_set_size (slot_of, entries->len);
  fill = g_new (guint, entries->len + 1);
  {
    guint offset = 0;

    for (guint s = 0; s < entries->len; s++)
      {
        SeriesEntry *e = &g_array_index (entries, SeriesEntry, s);

        g_array_index (slot_of, guint, e->first_step) = s;
        e->first_step = offset;
        fill[s] = offset;
        offset += e->pub.n_steps;
      }
  }

  /* Second pass: the steps themselves, in their series' slice. */
  self->steps = g_array_sized_new (FALSE, FALSE, sizeof (TrancheStep), n_steps);
  g_array_set_size (self->steps, n_steps);
  {
    guint k = 0;

    for (guint i = 0; i < n_events; i++)
      {
        const TrancheEvent *ev = &events[i];
        TrancheStep step = { 0 };
        TranchePart part;
        guint slot;

        if (!_tranche_totals_event_counts (ev, mask, i))
          continue;

        step.day = tranche_date_middle_day (&ev->date);
        step.event = i;
        for (int j = -1; j < (int) ev->n_investors; j++)
          {
            if (j < 0)
              _tranche_totals_part_whole (self->dataset, ev, &part);
            else if (ev->n_investors > 1)
              _tranche_totals_part_of (self->dataset, ev, j, &part);
            step.amount = part.known ? part.min : 0;
            step.amount_max = part.known ? part.max : 0;
            step.flags = part.flags;
            slot = g_array_index (slot_of, guint, g_array_index (series_of, guint, k++));
            g_array_index (self->steps, TrancheStep, fill[slot]++) = step;
          }
      }
    g_assert (k == n_steps);
  }

  /* Events are in date order, not marker-day order ("2021" is marked in July,
   * after "2021-02"), so each slice is sorted, then summed. */
  for (guint s = 0; s < entries->len; s++)
    {
      SeriesEntry *e = &g_array_index (entries, SeriesEntry, s);
      TrancheStep *steps = &g_array_index (self->steps, TrancheStep, e->first_step);
      double total = 0, total_max = 0;
      guint n_undisclosed = 0;
      guint32 so_far = 0;

      qsort (steps, e->pub.n_steps, sizeof (TrancheStep), step_compare);
      for (guint k = 0; k < e->pub.n_steps; k++)
        {
          total += steps[k].amount;
          total_max += steps[k].amount_max;
          if (steps[k].flags & TRANCHE_STEP_UNDISCLOSED)
            n_undisclosed++;
          if (steps[k].flags & TRANCHE_STEP_CONVERTED)
            {
              e->pub.converted = TRUE;
              so_far |= TRANCHE_STEP_ANY_CONVERTED;
            }
          if (steps[k].flags & TRANCHE_STEP_APPROX)
            so_far |= TRANCHE_STEP_ANY_APPROX;
          steps[k].flags |= so_far;
          steps[k].total = total;
          steps[k].total_max = total_max;
          steps[k].n_undisclosed = n_undisclosed;
        }
      e->pub.total = total;
      e->pub.total_max = total_max;
      e->pub.n_undisclosed = n_undisclosed;
    }

  self->series = g_steal_pointer (&entries);
}

static int
link_compare (gconstpointer a,
              gconstpointer b)
{
  const Link *la = a;
  const Link *lb = b;

  if (la->key != lb->key)
    return la->key < lb->key ? -1 : 1;
  return la->event < lb->event ? -1 : la->event > lb->event;
}

/* Commitments by target, and the investments that pay each. */
static void
build_commitments (TrancheTotals *self,
                   const guint8  *mask)
{
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  guint n_events = tranche_dataset_get_n_events (self->dataset);

  self->commitments = g_array_new (FALSE, FALSE, sizeof (Link));
  self->payments = g_array_new (FALSE, FALSE, sizeof (Link));
  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *ev = &events[i];
      Link link;

      if (mask != NULL && mask[i] == 0)
        continue;
      if (ev->kind == TRANCHE_EVENT_COMMITMENT && ev->target != TRANCHE_NO_ENTITY
          && (tranche_money_is_present (&ev->amount) || (ev->flags & TRANCHE_EVENT_HAS_SHARES)))
        {
          link = (Link) { ev->target, i };
          g_array_append_val (self->commitments, link);
        }
      if (ev->fulfils != TRANCHE_NO_EVENT && _tranche_totals_event_counts (ev, mask, i))
        {
          link = (Link) { ev->fulfils, i };
          g_array_append_val (self->payments, link);
        }
    }
  g_array_sort (self->commitments, link_compare);
  g_array_sort (self->payments, link_compare);
}

/* [*first, *end) of the links whose key is `key`. */
static void
link_range (GArray  *links,
            guint32  key,
            guint   *first,
            guint   *end)
{
  guint lo = 0, hi = links->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (links, Link, mid).key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = *end = lo;
  while (*end < links->len && g_array_index (links, Link, *end).key == key)
    (*end)++;
}

/* The number of steps of a series at or before (day, event) in step order. */
static guint
steps_upto_event (TrancheTotals *self,
                  guint          series,
                  TrancheDay     day,
                  guint32        event)
{
  guint n;
  const TrancheStep *steps = tranche_totals_get_steps (self, series, &n);

  return steps_upto (steps, n, day, event);
}

static void
build_gaps (TrancheTotals *self,
            const guint8  *mask)
{
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  TrancheCurrency main_currency = tranche_dataset_get_currency (self->dataset);

  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *ev = &events[i];
      g_autoptr(GArray) sums = NULL;
      g_autofree guint32 *investors = NULL;
      TrancheGap gap = { 0 };
      const TrancheSum *computed = NULL;
      TranchePart reported;
      double cmax;

      if ((mask != NULL && mask[i] == 0) || ev->target == TRANCHE_NO_ENTITY
          || !tranche_money_is_known (&ev->cumulative))
        continue;

      _tranche_totals_part_from_money (self->dataset, &ev->cumulative, &reported);
      gap.event = i;
      gap.day = tranche_date_middle_day (&ev->date);
      gap.target = ev->target;
      gap.scope = tranche_event_get_scope (ev);
      gap.currency = reported.currency;
      gap.converted = (reported.flags & TRANCHE_STEP_CONVERTED) != 0;
      gap.approx = (reported.flags & (TRANCHE_STEP_APPROX | TRANCHE_STEP_RANGE)) != 0;
      gap.reported_min = reported.min;
      gap.reported_max = reported.max;
      gap.reported = isfinite (reported.max) ? (reported.min + reported.max) / 2 : reported.min;
      gap.series = tranche_totals_find_series (self, ev->target, TRANCHE_NO_ENTITY, gap.currency);

      investors = g_new (guint32, MAX (ev->n_investors, 1));
      for (guint j = 0; j < ev->n_investors; j++)
        investors[j] = tranche_dataset_event_investor (self->dataset, ev, j);
      sums = tranche_sums_new ();
      gap.n_events = tranche_totals_get_scope (self, ev->target, investors,
                                               gap.scope == TRANCHE_SCOPE_TARGET
                                                 ? 0 : MAX (ev->n_investors, 1),
                                               gap.day, i, sums);
      if (gap.scope == TRANCHE_SCOPE_INVESTORS && ev->n_investors == 0)
        {
          /* "investors" said of an event that names none: a scope of nothing. */
          g_array_set_size (sums, 0);
          gap.n_events = 0;
        }
      tranche_sum_init (&gap.computed_sum, gap.currency);
      for (guint k = 0; k < sums->len; k++)
        {
          const TrancheSum *sum = &g_array_index (sums, TrancheSum, k);

          gap.n_undisclosed += sum->n_undisclosed;
          if (sum->currency == gap.currency)
            computed = sum;
        }
      if (computed != NULL)
        gap.computed_sum = *computed;
      (void) main_currency;

      /* Inside the range is a match; outside, the gap is to its nearest end. */
      cmax = gap.computed_sum.max;
      if (gap.reported_min > cmax)
        gap.computed = cmax;
      else if (gap.reported_max < gap.computed_sum.min)
        gap.computed = gap.computed_sum.min;
      else
        gap.computed = gap.reported;
      gap.gap = gap.reported_min > cmax ? gap.reported_min - cmax
                : gap.reported_max < gap.computed_sum.min
                  ? gap.reported_max - gap.computed_sum.min : 0;
      if (gap.gap == 0)
        gap.computed = gap.reported;
      g_array_append_val (self->gaps, gap);
    }
}

static const SeriesEntry *
get_entry (TrancheTotals *self,
           guint          series)
{
  return &g_array_index (self->series, SeriesEntry, series);
}

TrancheTotals *
tranche_totals_new (TrancheDataset *dataset,
                    const guint8   *mask)
{
  TrancheTotals *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (TrancheTotals, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = tranche_dataset_ref (dataset);
  self->gaps = g_array_new (FALSE, TRUE, sizeof (TrancheGap));

  build_series (self, mask);
  build_commitments (self, mask);
  build_gaps (self, mask);
  return self;
}

TrancheTotals *
tranche_totals_ref (TrancheTotals *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tranche_totals_unref (TrancheTotals *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  tranche_dataset_unref (self->dataset);
  g_array_unref (self->series);
  g_array_unref (self->steps);
  g_array_unref (self->gaps);
  g_array_unref (self->commitments);
  g_array_unref (self->payments);
  g_free (self);
}

TrancheDataset *
tranche_totals_get_dataset (TrancheTotals *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

guint
tranche_totals_get_n_series (TrancheTotals *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->series->len;
}

const TrancheSeries *
tranche_totals_get_series (TrancheTotals *self,
                           guint          series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return &get_entry (self, series)->pub;
}

guint
tranche_totals_find_series (TrancheTotals   *self,
                            guint32          target,
                            guint32          investor,
                            TrancheCurrency  currency)
{
  SeriesKey key = { 0 };
  TrancheCurrency main_currency;
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, TRANCHE_TOTALS_NO_SERIES);

  main_currency = tranche_dataset_get_currency (self->dataset);
  key.target = target;
  key.kind = investor == TRANCHE_NO_ENTITY ? TRANCHE_SERIES_TARGET : TRANCHE_SERIES_PAIR;
  key.investor = investor;
  key.currency_rank = currency_rank (self, currency);

  hi = self->series->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      SeriesKey other = entry_key (get_entry (self, mid), main_currency);
      int cmp = series_key_compare (&other, &key);

      if (cmp == 0)
        return mid;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return TRANCHE_TOTALS_NO_SERIES;
}

void
tranche_totals_target_series (TrancheTotals *self,
                              guint32        target,
                              guint         *first,
                              guint         *end)
{
  guint lo = 0, hi;

  g_return_if_fail (self != NULL);
  g_return_if_fail (first != NULL && end != NULL);

  hi = self->series->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (get_entry (self, mid)->pub.target < target)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;

  hi = self->series->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (get_entry (self, mid)->pub.target <= target)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = lo;
}

const TrancheStep *
tranche_totals_get_steps (TrancheTotals *self,
                          guint          series,
                          guint         *n_steps)
{
  const SeriesEntry *e;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  e = get_entry (self, series);
  if (n_steps != NULL)
    *n_steps = e->pub.n_steps;
  return &g_array_index (self->steps, TrancheStep, e->first_step);
}

guint
tranche_totals_count_steps (TrancheTotals *self,
                            guint          series,
                            TrancheDay     day)
{
  const TrancheStep *steps;
  guint n, lo = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (series < self->series->len, 0);

  steps = tranche_totals_get_steps (self, series, &n);
  while (lo < n)
    {
      guint mid = lo + (n - lo) / 2;
      if (steps[mid].day <= day)
        lo = mid + 1;
      else
        n = mid;
    }
  return lo;
}

double
tranche_totals_value_at (TrancheTotals *self,
                         guint          series,
                         TrancheDay     day,
                         guint         *n_undisclosed)
{
  const TrancheStep *steps;
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (series < self->series->len, 0);

  steps = tranche_totals_get_steps (self, series, NULL);
  n = tranche_totals_count_steps (self, series, day);
  if (n_undisclosed != NULL)
    *n_undisclosed = n > 0 ? steps[n - 1].n_undisclosed : 0;
  return n > 0 ? steps[n - 1].total : 0;
}

static void
sum_from_step (TrancheSum        *sum,
               const TrancheStep *step,
               guint              n_steps)
{
  sum->min += step->total;
  sum->max += step->total_max;
  sum->n_amounts += n_steps;
  sum->n_undisclosed += step->n_undisclosed;
  sum->approx |= (step->flags & TRANCHE_STEP_ANY_APPROX) != 0;
  sum->converted |= (step->flags & TRANCHE_STEP_ANY_CONVERTED) != 0;
}

/* Adds the series' total at (day, before) to `sums`; returns its steps. */
static guint
add_series_upto (TrancheTotals *self,
                 guint          series,
                 TrancheDay     day,
                 guint32        before,
                 GArray        *sums)
{
  const TrancheStep *steps = tranche_totals_get_steps (self, series, NULL);
  guint n = steps_upto_event (self, series, day, before);
  TrancheCurrency first = tranche_dataset_get_currency (self->dataset);

  if (n > 0)
    sum_from_step (tranche_sums_get (sums, get_entry (self, series)->pub.currency, first),
                   &steps[n - 1], n);
  return n;
}

void
tranche_totals_get_received (TrancheTotals *self,
                             guint32        target,
                             guint32        investor,
                             TrancheDay     day,
                             GArray        *sums)
{
  guint first, end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (sums != NULL);

  tranche_totals_target_series (self, target, &first, &end);
  for (guint s = first; s < end; s++)
    if (get_entry (self, s)->pub.investor == investor)
      add_series_upto (self, s, day, G_MAXUINT32, sums);
}

guint
tranche_totals_get_scope (TrancheTotals *self,
                          guint32        target,
                          const guint32 *investors,
                          guint          n_investors,
                          TrancheDay     day,
                          guint32        before,
                          GArray        *sums)
{
  TrancheCurrency first_currency;
  guint first, end, n_events = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (sums != NULL, 0);
  g_return_val_if_fail (n_investors == 0 || investors != NULL, 0);

  first_currency = tranche_dataset_get_currency (self->dataset);
  tranche_totals_target_series (self, target, &first, &end);
  for (guint s = first; s < end; s++)
    {
      const SeriesEntry *e = get_entry (self, s);
      const TrancheStep *steps;
      guint n;

      if (n_investors <= 1)
        {
          /* The target's own series, or the one investor's pair series. */
          guint32 want = n_investors == 0 ? TRANCHE_NO_ENTITY : investors[0];

          if (e->pub.investor == want)
            n_events += add_series_upto (self, s, day, before, sums);
          continue;
        }
      if (e->pub.kind != TRANCHE_SERIES_TARGET)
        break;

      /* Several investors: each round of the target once, for the part of it
       * that is theirs (the whole when they are all its investors). */
      steps = tranche_totals_get_steps (self, s, NULL);
      n = steps_upto_event (self, s, day, before);
      for (guint k = 0; k < n; k++)
        {
          const TrancheEvent *ev = tranche_dataset_get_event (self->dataset, steps[k].event);
          guint in = 0;
          TranchePart part;

          for (guint j = 0; j < ev->n_investors; j++)
            for (guint q = 0; q < n_investors; q++)
              if (tranche_dataset_event_investor (self->dataset, ev, j) == investors[q])
                {
                  in++;
                  break;
                }
          if (in == 0)
            continue;
          n_events++;
          if (in == ev->n_investors)
            {
              _tranche_totals_part_whole (self->dataset, ev, &part);
              _tranche_totals_sum_add_part (sums, first_currency, &part);
              continue;
            }
          /* Their known parts; the unknown ones together are one
           * undisclosed amount of that round, not one per investor. */
          {
            gboolean unknown = FALSE;

            for (guint j = 0; j < ev->n_investors; j++)
              for (guint q = 0; q < n_investors; q++)
                if (tranche_dataset_event_investor (self->dataset, ev, j) == investors[q])
                  {
                    _tranche_totals_part_of (self->dataset, ev, j, &part);
                    if (part.known)
                      _tranche_totals_sum_add_part (sums, first_currency, &part);
                    else
                      unknown = TRUE;
                    break;
                  }
            if (unknown)
              {
                _tranche_totals_part_undisclosed (self->dataset, ev, &part);
                _tranche_totals_sum_add_part (sums, first_currency, &part);
              }
          }
        }
    }
  return n_events;
}

void
tranche_totals_get_outstanding (TrancheTotals *self,
                                guint32        target,
                                guint32        investor,
                                TrancheDay     day,
                                GArray        *sums)
{
  TrancheCurrency first_currency;
  guint first, end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (sums != NULL);

  first_currency = tranche_dataset_get_currency (self->dataset);
  link_range (self->commitments, target, &first, &end);
  for (guint c = first; c < end; c++)
    {
      guint32 ci = g_array_index (self->commitments, Link, c).event;
      const TrancheEvent *commitment = tranche_dataset_get_event (self->dataset, ci);
      double paid_min = 0, paid_max = 0, out_min, out_max;
      gboolean paid_unknown = FALSE;
      guint p_first, p_end;
      TranchePart promised;

      if (tranche_date_middle_day (&commitment->date) > day
          || !_tranche_totals_view_part (self->dataset, commitment, investor, &promised))
        continue;
      if (!promised.known)
        {
          _tranche_totals_sum_add_part (sums, first_currency, &promised);
          continue;
        }
      link_range (self->payments, ci, &p_first, &p_end);
      for (guint p = p_first; p < p_end; p++)
        {
          guint32 pi = g_array_index (self->payments, Link, p).event;
          const TrancheEvent *payment = tranche_dataset_get_event (self->dataset, pi);
          TranchePart paid;

          if (tranche_date_middle_day (&payment->date) > day
              || !_tranche_totals_view_part (self->dataset, payment, investor, &paid))
            continue;
          /* A payment in a currency that can't be converted into the
           * promise's, or undisclosed, may have paid anything up to it. */
          if (!paid.known || paid.currency != promised.currency)
            paid_unknown = TRUE;
          else
            {
              paid_min += paid.min;
              paid_max += paid.max;
            }
        }
      out_min = paid_unknown ? 0 : MAX (0, promised.min - paid_max);
      out_max = MAX (0, promised.max - paid_min);
      if (out_max <= 0)
        continue;
      tranche_sum_add_range (tranche_sums_get (sums, promised.currency, first_currency),
                             out_min, out_max, (promised.flags & TRANCHE_STEP_APPROX) != 0);
    }
}

guint
tranche_totals_get_fulfilled (TrancheTotals *self,
                              guint32        commitment,
                              TrancheSum    *paid)
{
  guint first, end;
  TranchePart promised;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (paid != NULL, 0);
  g_return_val_if_fail (commitment < tranche_dataset_get_n_events (self->dataset), 0);

  _tranche_totals_part_whole (self->dataset, tranche_dataset_get_event (self->dataset, commitment),
                              &promised);
  tranche_sum_init (paid, promised.currency);
  link_range (self->payments, commitment, &first, &end);
  for (guint p = first; p < end; p++)
    {
      TranchePart part;

      _tranche_totals_part_whole (self->dataset,
                                  tranche_dataset_get_event (self->dataset,
                                  g_array_index (self->payments, Link, p).event),
                                  &part);
      if (part.currency != promised.currency)
        continue;
      if (part.known)
        tranche_sum_add_range (paid, part.min, part.max, (part.flags & TRANCHE_STEP_APPROX) != 0);
      else
        tranche_sum_add_undisclosed (paid);
    }
  return end - first;
}

guint
tranche_totals_get_n_gaps (TrancheTotals *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->gaps->len;
}

const TrancheGap *
tranche_totals_get_gap (TrancheTotals *self,
                        guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->gaps->len, NULL);
  return &g_array_index (self->gaps, TrancheGap, index);
}

const TrancheGap *
tranche_totals_find_gap (TrancheTotals *self,
                         guint          event)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, NULL);

  hi = self->gaps->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TrancheGap *gap = &g_array_index (self->gaps, TrancheGap, mid);

      if (gap->event == event)
        return gap;
      if (gap->event < event)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}
