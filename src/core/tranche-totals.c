/* tranche-totals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "tranche-totals.h"

/* What identifies a series. The currency rank is 0 for the default currency
 * and the packed code otherwise, so the default sorts first. */
typedef struct
{
  guint32 target;
  guint32 kind;
  guint32 investor;
  guint32 currency_rank;
} SeriesKey;

typedef struct
{
  TrancheSeries pub;
  SeriesKey     key;
  guint         first_step;
} SeriesEntry;

struct _TrancheTotals
{
  gatomicrefcount  ref_count;
  TrancheDataset  *dataset;
  GArray          *series;  /* SeriesEntry, sorted by key */
  GArray          *steps;   /* TrancheStep, grouped by series, each group in time order */
  GArray          *gaps;    /* TrancheGap, in event order */
};

G_DEFINE_BOXED_TYPE (TrancheTotals, tranche_totals, tranche_totals_ref, tranche_totals_unref)

/* How the money of one event is read, before it is put into series. */
typedef struct
{
  gboolean        counts;
  gboolean        known;
  double          value;     /* in `currency`, valid when known */
  TrancheCurrency currency;  /* the series' currency */
  guint32         flags;     /* TrancheStepFlags shared by its steps */
} Reading;

/* A million events can make as many series (every pair is one), so series
 * are found through an open-addressing index of their ids rather than a
 * GHashTable, which would allocate a key per series. */
typedef struct
{
  guint *slots; /* series id + 1; 0 is free */
  guint  mask;  /* capacity - 1, a power of two */
} SeriesIndex;

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
                      gconstpointer b)
{
  return series_key_compare (&((const SeriesEntry *) a)->key, &((const SeriesEntry *) b)->key);
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

static gboolean
kind_counts (TrancheEventKind kind)
{
  return kind == TRANCHE_EVENT_INVESTMENT || kind == TRANCHE_EVENT_COMMITMENT
         || kind == TRANCHE_EVENT_ACQUISITION;
}

static guint32
currency_rank (TrancheTotals   *self,
               TrancheCurrency  currency)
{
  return currency == tranche_dataset_get_currency (self->dataset) ? 0 : currency;
}

/* Into the default currency when the dataset can convert it; a rate that is
 * not a positive number can't be meant, so it converts nothing. */
static TrancheCurrency
convert (TrancheTotals      *self,
         const TrancheMoney *money,
         double             *value,
         gboolean           *converted)
{
  TrancheCurrency main_currency = tranche_dataset_get_currency (self->dataset);
  TrancheCurrency currency = money->currency != 0 ? money->currency : main_currency;
  double rate = 1.0;

  *converted = FALSE;
  if (currency == main_currency)
    return main_currency;
  if (!tranche_dataset_get_rate (self->dataset, currency, &rate) || !isfinite (rate) || rate <= 0)
    return currency;
  *value *= rate;
  *converted = TRUE;
  return main_currency;
}

static Reading
read_event (TrancheTotals      *self,
            const TrancheEvent *event,
            const guint8       *mask,
            guint               index)
{
  Reading r = { 0 };
  gboolean converted;

  if ((mask != NULL && mask[index] == 0) || !kind_counts (event->kind)
      || event->target == TRANCHE_NO_ENTITY || !tranche_money_is_present (&event->amount))
    return r;

  r.counts = TRUE;
  /* Present with no value is undisclosed, whether or not the file said so. */
  r.known = tranche_money_best_value (&event->amount, &r.value);
  if (!r.known)
    r.flags |= TRANCHE_STEP_UNDISCLOSED;
  else if ((event->amount.flags & TRANCHE_MONEY_APPROX)
           || !(event->amount.flags & TRANCHE_MONEY_HAS_VALUE))
    r.flags |= TRANCHE_STEP_APPROX;

  r.currency = convert (self, &event->amount, &r.value, &converted);
  if (converted)
    r.flags |= TRANCHE_STEP_CONVERTED;
  if (!r.known)
    r.value = 0;
  return r;
}

static guint *
series_index_slot (SeriesIndex     *index,
                   GArray          *entries,
                   const SeriesKey *key)
{
  guint i = series_key_hash (key) & index->mask;

  while (index->slots[i] != 0
         && !series_key_equal (&g_array_index (entries, SeriesEntry, index->slots[i] - 1).key,
                               key))
    i = (i + 1) & index->mask;
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

  entry.key = *key;
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
          const SeriesKey *k = &g_array_index (entries, SeriesEntry, id).key;
          *series_index_slot (index, entries, k) = id + 1;
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
  SeriesIndex ids = { NULL, 255 };
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GArray) slot_of = NULL;   /* provisional id -> final index */
  g_autoptr(GArray) series_of = NULL; /* provisional id of every step, in event order */
  g_autofree guint *fill = NULL;
  guint n_steps = 0;

  /* Sized up front: at this scale, regrowing is what costs. */
  for (guint i = 0; i < n_events; i++)
    if (read_event (self, &events[i], mask, i).counts)
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
      Reading r = read_event (self, ev, mask, i);
      SeriesKey key = { 0 };
      guint id;

      if (!r.counts)
        continue;

      key.target = ev->target;
      key.kind = TRANCHE_SERIES_TARGET;
      key.investor = TRANCHE_NO_ENTITY;
      key.currency_rank = currency_rank (self, r.currency);
      id = intern_series (&ids, entries, &key, r.currency);
      g_array_append_val (series_of, id);
      g_array_index (entries, SeriesEntry, id).pub.n_steps++;

      key.kind = TRANCHE_SERIES_PAIR;
      for (guint j = 0; j < ev->n_investors; j++)
        {
          key.investor = tranche_dataset_event_investor (self->dataset, ev, j);
          id = intern_series (&ids, entries, &key, r.currency);
          g_array_append_val (series_of, id);
          g_array_index (entries, SeriesEntry, id).pub.n_steps++;
        }
    }
  g_assert (series_of->len == n_steps);
  g_free (ids.slots);

  /* Final order of the series, and where each one's slice starts. */
  for (guint s = 0; s < entries->len; s++)
    g_array_index (entries, SeriesEntry, s).first_step = s; /* remember the provisional id */
  g_array_sort (entries, series_entry_compare);
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
        Reading r = read_event (self, ev, mask, i);
        TrancheStep step = { 0 };
        guint slot;

        if (!r.counts)
          continue;

        step.day = tranche_date_middle_day (&ev->date);
        step.event = i;
        step.amount = r.value;
        step.flags = r.flags;
        slot = g_array_index (slot_of, guint, g_array_index (series_of, guint, k++));
        g_array_index (self->steps, TrancheStep, fill[slot]++) = step;

        /* The equal share is the documented assumption for several investors. */
        if (ev->n_investors > 1)
          {
            step.amount = r.value / ev->n_investors;
            step.flags |= TRANCHE_STEP_SHARE;
          }
        for (guint j = 0; j < ev->n_investors; j++)
          {
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
      double total = 0;
      guint n_undisclosed = 0;

      qsort (steps, e->pub.n_steps, sizeof (TrancheStep), step_compare);
      for (guint k = 0; k < e->pub.n_steps; k++)
        {
          total += steps[k].amount;
          if (steps[k].flags & TRANCHE_STEP_UNDISCLOSED)
            n_undisclosed++;
          if (steps[k].flags & TRANCHE_STEP_CONVERTED)
            e->pub.converted = TRUE;
          steps[k].total = total;
          steps[k].n_undisclosed = n_undisclosed;
        }
      e->pub.total = total;
      e->pub.n_undisclosed = n_undisclosed;
    }

  self->series = g_steal_pointer (&entries);
}

static void
build_gaps (TrancheTotals *self,
            const guint8  *mask)
{
  const TrancheEvent *events = tranche_dataset_get_events (self->dataset);
  guint n_events = tranche_dataset_get_n_events (self->dataset);

  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *ev = &events[i];
      TrancheGap gap = { 0 };
      guint first, end;

      if ((mask != NULL && mask[i] == 0) || ev->target == TRANCHE_NO_ENTITY
          || !tranche_money_best_value (&ev->cumulative, &gap.reported))
        continue;

      gap.event = i;
      gap.day = tranche_date_middle_day (&ev->date);
      gap.target = ev->target;
      gap.approx = (ev->cumulative.flags & TRANCHE_MONEY_APPROX)
                   || !(ev->cumulative.flags & TRANCHE_MONEY_HAS_VALUE);
      gap.currency = convert (self, &ev->cumulative, &gap.reported, &gap.converted);
      gap.series = tranche_totals_find_series (self, ev->target, TRANCHE_NO_ENTITY, gap.currency);

      /* Undisclosed rounds in any currency may explain the difference, so all
       * of the target's own series are asked; they come first in its range. */
      tranche_totals_target_series (self, ev->target, &first, &end);
      for (guint s = first; s < end; s++)
        {
          const SeriesEntry *e = &g_array_index (self->series, SeriesEntry, s);
          const TrancheStep *steps = &g_array_index (self->steps, TrancheStep, e->first_step);
          guint n;

          if (e->pub.kind != TRANCHE_SERIES_TARGET)
            break;
          n = steps_upto (steps, e->pub.n_steps, gap.day, i);
          if (n == 0)
            continue;
          gap.n_undisclosed += steps[n - 1].n_undisclosed;
          if (s == gap.series)
            gap.computed = steps[n - 1].total;
        }
      gap.gap = gap.reported - gap.computed;
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
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, TRANCHE_TOTALS_NO_SERIES);

  key.target = target;
  key.kind = investor == TRANCHE_NO_ENTITY ? TRANCHE_SERIES_TARGET : TRANCHE_SERIES_PAIR;
  key.investor = investor;
  key.currency_rank = currency_rank (self, currency);

  hi = self->series->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = series_key_compare (&get_entry (self, mid)->key, &key);

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
      if (get_entry (self, mid)->key.target < target)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;

  hi = self->series->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (get_entry (self, mid)->key.target <= target)
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
