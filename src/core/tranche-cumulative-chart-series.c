/* tranche-cumulative-chart-series.c: the cumulative chart's data: which
 * series are drawn, their colours, the bands' extents, commitments
 * outstanding, from the dataset's TrancheTotals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-cumulative-chart-private.h"
#include "tranche-palette.h"

static Extent *
extent_for (TrancheCumulativeChart *self,
            TrancheCurrency         currency)
{
  TrancheCurrency main_currency = tranche_dataset_get_currency (self->dataset);
  Extent e = { currency, currency != main_currency, 0 };
  guint at = self->extents->len;

  for (guint b = 0; b < self->extents->len; b++)
    {
      Extent *other = &g_array_index (self->extents, Extent, b);

      if (other->currency == currency)
        return other;
      /* The default currency first, then the others by code. */
      if (at == self->extents->len
          && (currency == main_currency
              || (other->currency != main_currency && currency < other->currency)))
        at = b;
    }
  g_array_insert_val (self->extents, at, e);
  return &g_array_index (self->extents, Extent, at);
}

static int
compare_by_total (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  TrancheCumulativeChart *self = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double ta = tranche_totals_get_series (self->totals, ia)->total;
  double tb = tranche_totals_get_series (self->totals, ib)->total;

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

/* The series a reported total is compared with: the target's for scope
 * target; for scope investors with one investor, that investor's pair;
 * G_MAXUINT when its scope has no line of its own (several investors). */
guint
_tranche_cumulative_gap_series (TrancheCumulativeChart *self,
                                const TrancheGap       *gap)
{
  const TrancheEvent *event = tranche_dataset_get_event (self->dataset, gap->event);
  guint pair;

  if (gap->scope == TRANCHE_SCOPE_TARGET)
    return gap->series != TRANCHE_TOTALS_NO_SERIES ? gap->series : G_MAXUINT;
  if (event->n_investors != 1)
    return G_MAXUINT;
  pair = tranche_totals_find_series (self->totals, gap->target,
                                     tranche_dataset_event_investor (self->dataset, event, 0),
                                     gap->currency);
  return pair != TRANCHE_TOTALS_NO_SERIES ? pair : G_MAXUINT;
}

static void
name_pair (TrancheCumulativeChart  *self,
           TrancheCumulativeSeries *s)
{
  const char *investor = tranche_dataset_get_entity (self->dataset, s->investor)->name;
  const char *target = tranche_dataset_get_entity (self->dataset, s->target)->name;
  g_autofree char *name = g_strdup_printf (C_("lane", "%s → %s"), investor, target);

  s->drawn = TRUE;
  s->name = g_string_chunk_insert_const (self->names, name);
  self->any_pairs = TRUE;
}

/* An investor's reported total ("Amazon: $8B in all") is drawn on that
 * investor's line, never against the target's total: its pair is drawn. */
static void
mark_reported_pairs (TrancheCumulativeChart *self)
{
  for (guint i = 0; i < tranche_totals_get_n_gaps (self->totals); i++)
    {
      const TrancheGap *gap = tranche_totals_get_gap (self->totals, i);
      guint series;
      TrancheCumulativeSeries *s;

      if (gap->scope != TRANCHE_SCOPE_INVESTORS
          || !g_hash_table_contains (self->drawn_targets, GUINT_TO_POINTER (gap->target + 1))
          || (series = _tranche_cumulative_gap_series (self, gap)) == G_MAXUINT)
        continue;
      s = series_at (self, series);
      if (s->kind != TRANCHE_SERIES_PAIR)
        continue;
      if (s->name == NULL)
        name_pair (self, s);
      s->reported = TRUE;
    }
}

/* Marks the TRANCHE_CHART_MAX_SERIES largest targets drawn, and as many of
 * their pairs (thousands of areas would show nothing); names those pairs. */
static void
rank_series (TrancheCumulativeChart *self)
{
  guint n = self->series->len, n_targets, n_pairs, n_all_targets = 0;
  /* Grown as found: arrays as long as all series would be 15 MB for a
   * million pairs, when the window's memory peaks. */
  g_autoptr(GArray) target_array = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) pair_array = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *targets, *pairs;

  for (guint i = 0; i < n; i++)
    {
      if (series_at (self, i)->kind == TRANCHE_SERIES_TARGET)
        g_array_append_val (target_array, i);
    }
  targets = (guint *) (gpointer) target_array->data;
  n_targets = target_array->len;
  g_qsort_with_data (targets, n_targets, sizeof (guint), compare_by_total, self);
  for (guint k = 0; k < n_targets; k++)
    {
      TrancheCumulativeSeries *s = series_at (self, targets[k]);
      gpointer key = GUINT_TO_POINTER (s->target + 1);

      if (!g_hash_table_contains (self->all_targets, key))
        {
          g_hash_table_add (self->all_targets, key);
          n_all_targets++;
        }
      s->drawn = k < TRANCHE_CHART_MAX_SERIES;
      if (s->drawn)
        g_hash_table_add (self->drawn_targets, key);
    }
  self->n_hidden_targets = n_all_targets - g_hash_table_size (self->drawn_targets);
  g_clear_pointer (&target_array, g_array_unref);

  for (guint i = 0; i < n; i++)
    {
      TrancheCumulativeSeries *s = series_at (self, i);
      if (s->kind == TRANCHE_SERIES_PAIR
          && g_hash_table_contains (self->drawn_targets, GUINT_TO_POINTER (s->target + 1)))
        g_array_append_val (pair_array, i);
    }
  pairs = (guint *) (gpointer) pair_array->data;
  n_pairs = pair_array->len;
  g_qsort_with_data (pairs, n_pairs, sizeof (guint), compare_by_total, self);
  for (guint k = 0; k < MIN (n_pairs, TRANCHE_CHART_MAX_SERIES); k++)
    {
      name_pair (self, series_at (self, pairs[k]));
    }

  mark_reported_pairs (self);

  /* In the totals' order: each target, then its pairs. */
  for (guint i = 0; i < n; i++)
    if (series_at (self, i)->drawn)
      g_array_append_val (self->drawn, i);
}

/* Colours of the drawn series: targets from the targets' palette, pairs
 * from their investors'. */
static void
assign_colors (TrancheCumulativeChart *self)
{
  /* Sized by the drawn series, not all of them: with a million pairs these
   * would be 45 MB at the moment the window's memory peaks. */
  guint n = self->drawn->len;
  const guint *drawn = (const guint *) (gpointer) self->drawn->data;
  g_autofree const TrancheEntity **targets = g_new0 (const TrancheEntity *, MAX (n, 1));
  g_autofree const TrancheEntity **investors = g_new0 (const TrancheEntity *, MAX (n, 1));
  g_autofree guint32 *target_colors = g_new0 (guint32, MAX (n, 1));
  g_autofree guint32 *investor_colors = g_new0 (guint32, MAX (n, 1));
  g_autoptr(GHashTable) target_slot = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) investor_slot = g_hash_table_new (NULL, NULL);
  guint n_targets = 0, n_investors = 0;

  for (guint k = 0; k < n; k++)
    {
      TrancheCumulativeSeries *s = series_at (self, drawn[k]);
      GHashTable *slots = s->kind == TRANCHE_SERIES_PAIR ? investor_slot : target_slot;
      guint32 entity = s->kind == TRANCHE_SERIES_PAIR ? s->investor : s->target;
      gpointer key = GUINT_TO_POINTER (entity + 1);

      if (!s->drawn || g_hash_table_contains (slots, key))
        continue;
      if (s->kind == TRANCHE_SERIES_PAIR)
        {
          g_hash_table_insert (slots, key, GUINT_TO_POINTER (n_investors));
          investors[n_investors++] = tranche_dataset_get_entity (self->dataset, entity);
        }
      else
        {
          g_hash_table_insert (slots, key, GUINT_TO_POINTER (n_targets));
          targets[n_targets++] = tranche_dataset_get_entity (self->dataset, entity);
        }
    }
  tranche_palette_assign (targets, n_targets, target_colors);
  tranche_palette_assign (investors, n_investors, investor_colors);
  for (guint k = 0; k < n; k++)
    {
      TrancheCumulativeSeries *s = series_at (self, drawn[k]);
      gboolean pair = s->kind == TRANCHE_SERIES_PAIR;
      guint32 entity = pair ? s->investor : s->target;
      guint slot;

      if (!s->drawn)
        continue;
      slot = GPOINTER_TO_UINT (g_hash_table_lookup (pair ? investor_slot : target_slot,
                                                    GUINT_TO_POINTER (entity + 1)));
      s->rgb = pair ? investor_colors[slot] : target_colors[slot];
    }
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  TrancheDay da = *(const TrancheDay *) a, db = *(const TrancheDay *) b;
  return da < db ? -1 : da > db;
}

/* The outstanding commitments of a drawn target, where they change: at its
 * rounds (a payment that fulfils one lowers it) and its commitments' days.
 * Queried from the totals (tranche_totals_get_outstanding()), never summed
 * here. */
static void
survey_committed (TrancheCumulativeChart *self,
                  guint                   series)
{
  TrancheCumulativeSeries *s = series_at (self, series);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (TrancheDay));
  const TrancheStep *steps;
  guint n_steps, n_events = tranche_dataset_get_n_events (self->dataset);
  double last = 0;

  steps = tranche_totals_get_steps (self->totals, series, &n_steps);
  for (guint j = 0; j < n_steps; j++)
    g_array_append_val (days, steps[j].day);
  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, i);
      if (event->kind == TRANCHE_EVENT_COMMITMENT && event->target == s->target)
        {
          TrancheDay day = tranche_date_middle_day (&event->date);
          g_array_append_val (days, day);
        }
    }
  g_array_sort (days, compare_days);
  for (guint k = 0; k < days->len; k++)
    {
      TrancheDay day = g_array_index (days, TrancheDay, k);
      g_autoptr(GArray) sums = tranche_sums_new ();
      TrancheCumulativeCommitted c = { series, day, 0, 0 };

      if (k > 0 && day == g_array_index (days, TrancheDay, k - 1))
        continue;
      tranche_totals_get_outstanding (self->totals, s->target, TRANCHE_NO_ENTITY, day, sums);
      for (guint m = 0; m < sums->len; m++)
        {
          const TrancheSum *sum = &g_array_index (sums, TrancheSum, m);
          if (sum->currency == s->currency)
            c.outstanding = isfinite (sum->max) ? sum->max : sum->min;
        }
      if (c.outstanding <= 0 && last <= 0)
        continue;
      c.received = tranche_totals_value_at (self->totals, series, day, NULL);
      g_array_append_val (self->committed, c);
      last = c.outstanding;
    }
}

/* What the drawn series need: bands' extents, legend entries. */
static void
survey_drawn (TrancheCumulativeChart *self)
{
  for (guint k = 0; k < self->drawn->len; k++)
    {
      guint i = g_array_index (self->drawn, guint, k);
      TrancheCumulativeSeries *s = series_at (self, i);
      const TrancheSeries *ts = tranche_totals_get_series (self->totals, i);
      const TrancheStep *steps;
      guint n_steps;
      Extent *e;

      if (!s->drawn || s->kind != TRANCHE_SERIES_TARGET)
        continue;
      /* extent_for() may grow the array: take the pointer once, after. */
      e = extent_for (self, s->currency);
      e->hi = MAX (e->hi, ts->total);
      /* the most the total can be, drawn as a band above the line */
      if (isfinite (ts->total_max))
        e->hi = MAX (e->hi, ts->total_max);
      {
        guint from = self->committed->len;

        survey_committed (self, i);
        /* extent_for()'s pointer is still good: nothing grew the extents */
        for (guint c = from; c < self->committed->len; c++)
          {
            const TrancheCumulativeCommitted *p =
              &g_array_index (self->committed, TrancheCumulativeCommitted, c);
            e->hi = MAX (e->hi, p->received + p->outstanding);
          }
      }
      if (ts->n_undisclosed > 0)
        self->any_undisclosed = TRUE;
      steps = tranche_totals_get_steps (self->totals, i, &n_steps);
      for (guint j = 0; j < n_steps; j++)
        {
          const TrancheEvent *event = tranche_dataset_get_event (self->dataset, steps[j].event);

          if (!(steps[j].flags & TRANCHE_STEP_UNDISCLOSED)
              && event->date.precision < self->coarsest)
            self->coarsest = event->date.precision;
        }
    }

  for (guint i = 0; i < tranche_totals_get_n_gaps (self->totals); i++)
    {
      const TrancheGap *gap = tranche_totals_get_gap (self->totals, i);
      g_autofree char *text = NULL;
      Extent *e;

      if (!g_hash_table_contains (self->drawn_targets, GUINT_TO_POINTER (gap->target + 1)))
        continue;
      e = extent_for (self, gap->currency);
      e->hi = MAX (e->hi, MAX (gap->reported, gap->computed));
      self->any_reported = TRUE;
      text = tranche_cumulative_chart_gap_text (gap);
      if (text != NULL)
        self->any_gap = TRUE;
    }
}

void
_tranche_cumulative_chart_set_data (TrancheChart   *chart,
                                    TrancheDataset *dataset,
                                    GBytes         *mask)
{
  TrancheCumulativeChart *self = TRANCHE_CUMULATIVE_CHART (chart);
  const guint8 *bytes = NULL;
  guint n;

  g_array_set_size (self->series, 0);
  g_string_chunk_clear (self->names);
  g_array_set_size (self->extents, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->gaps, 0);
  g_array_set_size (self->committed, 0);
  g_clear_pointer (&self->first_approx, g_free);
  g_clear_pointer (&self->totals, tranche_totals_unref);
  self->any_undisclosed = self->any_reported = self->any_gap = self->any_pairs = FALSE;
  self->coarsest = TRANCHE_PRECISION_DAY;
  g_hash_table_remove_all (self->all_targets);
  g_hash_table_remove_all (self->drawn_targets);
  g_array_set_size (self->drawn, 0);
  self->n_hidden_targets = 0;
  self->laid_out = FALSE;
  if (dataset != self->dataset)
    {
      g_clear_pointer (&self->dataset, tranche_dataset_unref);
      if (dataset != NULL)
        self->dataset = tranche_dataset_ref (dataset);
    }
  if (self->dataset == NULL)
    return;

  /* The mask has one byte per event: tranche_chart_set_data() checked,
   * before anything here was reset. */
  if (mask != NULL)
    bytes = g_bytes_get_data (mask, NULL);
  self->totals = tranche_totals_new (self->dataset, bytes);

  n = tranche_totals_get_n_series (self->totals);
  self->first_approx = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const TrancheSeries *ts = tranche_totals_get_series (self->totals, i);
      TrancheCumulativeSeries s = { 0 };
      const TrancheStep *steps;
      guint n_steps;

      s.totals_series = i;
      s.kind = ts->kind;
      s.target = ts->target;
      s.investor = ts->investor;
      s.currency = ts->currency;
      s.no_rate = ts->currency != tranche_dataset_get_currency (self->dataset);
      s.band = G_MAXUINT;
      /* Pairs are named when drawn: a million events make as many pairs. */
      if (ts->kind == TRANCHE_SERIES_TARGET)
        s.name = tranche_dataset_get_entity (self->dataset, ts->target)->name;
      g_array_append_val (self->series, s);

      self->first_approx[i] = G_MAXUINT;
      steps = tranche_totals_get_steps (self->totals, i, &n_steps);
      for (guint j = 0; j < n_steps; j++)
        /* a range is said as one ("$310–585M"), not with a "~" */
        if (steps[j].flags & TRANCHE_STEP_APPROX)
          {
            self->first_approx[i] = j;
            break;
          }
    }
  rank_series (self);
  assign_colors (self);
  survey_drawn (self);
}

