/* tranche-valuation-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "tranche-draw.h"
#include "tranche-event-fields.h"
#include "tranche-format.h"
#include "tranche-palette.h"
#include "tranche-valuation-chart-parts.h"
#include "tranche-valuation-chart.h"

/* Targets named in the legend; the rest are summed up as "+N more". */
#define MAX_LEGEND_TARGETS 8

static void tranche_valuation_chart_iface_init (TrancheChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrancheValuationChart, tranche_valuation_chart, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TRANCHE_TYPE_CHART,
                                                      tranche_valuation_chart_iface_init))

/* ---- data ---- */

/* Fibonacci hashing: g_int64_hash folds the halves together, which piles
 * (target, currency) keys into few buckets. */
static guint
series_key_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 32);
}

static guint64
series_key (guint32         target,
            TrancheCurrency currency)
{
  return ((guint64) target << 32) | currency;
}

/* Default currency first, then the others by code; targets in entity order. */
static int
compare_series (gconstpointer a,
                gconstpointer b)
{
  const TrancheValuationSeries *sa = a, *sb = b;

  if (sa->no_rate != sb->no_rate)
    return sa->no_rate ? 1 : -1;
  if (sa->currency != sb->currency)
    return sa->currency < sb->currency ? -1 : 1;
  if (sa->target != sb->target)
    return sa->target < sb->target ? -1 : 1;
  return 0;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const TrancheValuationPoint *pa = a, *pb = b;

  if (pa->series != pb->series)
    return pa->series < pb->series ? -1 : 1;
  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  return pa->event < pb->event ? -1 : (pa->event > pb->event);
}

static void
add_point (TrancheValuationChart *self,
           GHashTable            *series_of,
           guint                  index,
           const TrancheEvent    *event)
{
  const TrancheMoney *money = &event->valuation;
  TrancheCurrency main_currency = tranche_dataset_get_currency (self->dataset);
  TrancheCurrency currency = money->currency != 0 ? money->currency : main_currency;
  TrancheValuationPoint point = { 0 };
  double best, factor = 1, rate;
  gboolean converted = FALSE, no_rate = FALSE;
  guint64 key;
  gpointer found;
  guint series;

  if (event->target == TRANCHE_NO_ENTITY || !tranche_money_best_value (money, &best))
    return;

  if (currency != main_currency)
    {
      if (tranche_dataset_get_rate (self->dataset, currency, &rate))
        {
          factor = rate;
          currency = main_currency;
          converted = TRUE;
        }
      else
        no_rate = TRUE;
    }

  key = series_key (event->target, currency);
  if (g_hash_table_lookup_extended (series_of, &key, NULL, &found))
    series = GPOINTER_TO_UINT (found);
  else
    {
      TrancheValuationSeries s = { 0 };
      guint64 *stored = g_new (guint64, 1);

      s.target = event->target;
      s.currency = currency;
      s.no_rate = no_rate;
      s.name = tranche_dataset_get_entity (self->dataset, event->target)->name;
      series = self->series->len;
      g_array_append_val (self->series, s);
      *stored = key;
      g_hash_table_insert (series_of, stored, GUINT_TO_POINTER (series));
    }
  series_at (self, series)->converted |= converted;

  point.event = index;
  point.series = series;
  point.day = tranche_date_middle_day (&event->date);
  point.first_day = tranche_date_first_day (&event->date);
  point.end_day = tranche_date_end_day (&event->date);
  point.value = best * factor;
  point.has_range = (money->flags & TRANCHE_MONEY_HAS_RANGE) != 0;
  if (point.has_range)
    {
      point.min = MIN (money->min, money->max) * factor;
      point.max = MAX (money->min, money->max) * factor;
    }
  point.basis = money->basis;
  point.precision = event->date.precision;
  point.approx = (money->flags & TRANCHE_MONEY_APPROX) != 0;
  point.converted = converted;
  g_array_append_val (self->points, point);

  self->bases |= 1u << (money->basis == TRANCHE_BASIS_NONE ? TRANCHE_BASIS_REPORTED
                                                            : money->basis);
  self->any_range |= point.has_range;
  self->any_approx |= point.approx;
  if (point.precision < self->coarsest)
    self->coarsest = point.precision;
}

/* Series sorted, points grouped by series and by day, series' extents. */
static void
finish_data (TrancheValuationChart *self)
{
  guint n = self->series->len;
  g_autofree guint *remap = g_new (guint, MAX (n, 1));
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, TRUE, sizeof (TrancheValuationSeries), n);

  /* Sort the series, remembering where each went. */
  for (guint i = 0; i < n; i++)
    series_at (self, i)->first_point = i;  /* the old index, for the remap */
  g_array_append_vals (sorted, self->series->data, n);
  g_array_sort (sorted, compare_series);
  for (guint i = 0; i < n; i++)
    remap[g_array_index (sorted, TrancheValuationSeries, i).first_point] = i;
  g_array_set_size (self->series, 0);
  g_array_append_vals (self->series, sorted->data, n);

  for (guint i = 0; i < self->points->len; i++)
    point_at (self, i)->series = remap[point_at (self, i)->series];
  g_array_sort (self->points, compare_points);

  for (guint i = 0; i < n; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);
      s->first_point = 0;
      s->n_points = 0;
    }
  for (guint i = self->points->len; i > 0; i--)
    {
      TrancheValuationPoint *p = point_at (self, i - 1);
      TrancheValuationSeries *s = series_at (self, p->series);

      s->first_point = i - 1;
      s->n_points++;
      g_hash_table_insert (self->by_event, GUINT_TO_POINTER (p->event + 1),
                           GUINT_TO_POINTER (i));
    }

  /* Each series' extent, ranges included. */
  for (guint i = 0; i < n; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);

      s->lo = INFINITY;
      s->hi = 0;
      for (guint j = 0; j < s->n_points; j++)
        {
          TrancheValuationPoint *p = point_at (self, s->first_point + j);
          double lo = p->has_range ? MIN (p->min, p->value) : p->value;
          double hi = p->has_range ? MAX (p->max, p->value) : p->value;

          if (lo > 0)
            s->lo = MIN (s->lo, lo);
          else if (hi > 0)
            s->lo = MIN (s->lo, hi);
          s->hi = MAX (s->hi, hi);
        }
    }
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TrancheValuationChart *self = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double ha = series_at (self, ia)->hi, hb = series_at (self, ib)->hi;

  if (ha != hb)
    return ha > hb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

/* The series drawn: the most valuable targets, TRANCHE_CHART_MAX_SERIES of
 * them (a chart of thousands of lines shows none); their colours (one per
 * target, the same in every currency) and one band per currency. */
static void
choose_drawn (TrancheValuationChart *self)
{
  guint n = self->series->len;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree const TrancheEntity **targets = g_new0 (const TrancheEntity *, MAX (n, 1));
  g_autofree guint32 *colors = g_new0 (guint32, MAX (n, 1));
  g_autoptr(GHashTable) target_slot = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) all_targets = g_hash_table_new (NULL, NULL);
  guint n_targets = 0;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_by_size, self);
  for (guint k = 0; k < n; k++)
    {
      TrancheValuationSeries *s = series_at (self, order[k]);
      s->drawn = k < TRANCHE_CHART_MAX_SERIES;
      s->band = G_MAXUINT;
    }

  for (guint i = 0; i < n; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);
      gpointer key = GUINT_TO_POINTER (s->target + 1);

      g_hash_table_add (all_targets, key);
      if (s->drawn && !g_hash_table_contains (target_slot, key))
        {
          g_hash_table_insert (target_slot, key, GUINT_TO_POINTER (n_targets));
          targets[n_targets++] = tranche_dataset_get_entity (self->dataset, s->target);
        }
    }
  self->n_hidden_targets = g_hash_table_size (all_targets) - n_targets;
  tranche_palette_assign (targets, n_targets, colors);

  /* Series are sorted by currency, the default first: bands follow. */
  for (guint i = 0; i < n; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);
      Extent *extent = NULL;
      guint slot;

      if (!s->drawn)
        continue;
      slot = GPOINTER_TO_UINT (g_hash_table_lookup (target_slot,
                                                    GUINT_TO_POINTER (s->target + 1)));
      s->color = tranche_color_from_rgb (colors[slot], 1.0);
      for (guint b = 0; b < self->extents->len && extent == NULL; b++)
        if (g_array_index (self->extents, Extent, b).currency == s->currency)
          {
            extent = &g_array_index (self->extents, Extent, b);
            s->band = b;
          }
      if (extent == NULL)
        {
          Extent e = { s->currency, s->no_rate, INFINITY, 0 };
          s->band = self->extents->len;
          g_array_append_val (self->extents, e);
          extent = &g_array_index (self->extents, Extent, s->band);
        }
      extent->lo = MIN (extent->lo, s->lo);
      extent->hi = MAX (extent->hi, s->hi);
    }
}

/* The points, series and bands of the events `bytes` shows (NULL: all). */
static void
collect (TrancheValuationChart *self,
         const guint8          *bytes)
{
  g_autoptr(GHashTable) series_of = NULL;

  g_array_set_size (self->points, 0);
  g_array_set_size (self->series, 0);
  g_array_set_size (self->extents, 0);
  g_hash_table_remove_all (self->by_event);
  self->bases = 0;
  self->any_range = self->any_approx = FALSE;
  self->coarsest = TRANCHE_PRECISION_DAY;
  self->n_hidden_targets = 0;
  series_of = g_hash_table_new_full (series_key_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < tranche_dataset_get_n_events (self->dataset); i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, i);

      if (bytes != NULL && bytes[i] == 0)
        continue;
      if (!tranche_money_is_present (&event->valuation))
        continue;
      add_point (self, series_of, i, event);
    }
  finish_data (self);
  choose_drawn (self);
}

/* Log or linear per band, from every valuation of the dataset. */
static void
remember_scale_rule (TrancheValuationChart *self)
{
  g_hash_table_remove_all (self->scale_rule);
  for (guint b = 0; b < self->extents->len; b++)
    {
      const Extent *e = &g_array_index (self->extents, Extent, b);
      TrancheAxisMode mode = tranche_value_axis_wants_log (e->lo, e->hi) ? TRANCHE_AXIS_LOG
                                                                         : TRANCHE_AXIS_LINEAR;

      g_hash_table_insert (self->scale_rule, GUINT_TO_POINTER (e->currency + 1),
                           GUINT_TO_POINTER (mode));
    }
}

static void
tranche_valuation_chart_set_data (TrancheChart   *chart,
                                  TrancheDataset *dataset,
                                  GBytes         *mask)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);
  gboolean new_dataset = dataset != self->dataset;

  self->laid_out = FALSE;
  if (new_dataset)
    {
      g_clear_pointer (&self->dataset, tranche_dataset_unref);
      if (dataset != NULL)
        self->dataset = tranche_dataset_ref (dataset);
    }
  if (self->dataset == NULL)
    {
      collect (self, NULL);
      g_hash_table_remove_all (self->scale_rule);
      return;
    }
  if (new_dataset || g_hash_table_size (self->scale_rule) == 0)
    {
      collect (self, NULL);
      remember_scale_rule (self);
    }
  /* The mask has one byte per event: tranche_chart_set_data() checked. */
  if (mask != NULL || !new_dataset)
    collect (self, mask != NULL ? g_bytes_get_data (mask, NULL) : NULL);
}

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_ = (a); (a) = (b); (b) = swap_; } G_STMT_END

/* What set_data() builds, moved whole (tranche_chart_adopt_data()). */
static void
tranche_valuation_chart_take_data (TrancheChart *chart,
                                   TrancheChart *donor_chart)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);
  TrancheValuationChart *donor = TRANCHE_VALUATION_CHART (donor_chart);

  SWAP (self->dataset, donor->dataset);
  SWAP (self->points, donor->points);
  SWAP (self->series, donor->series);
  SWAP (self->extents, donor->extents);
  SWAP (self->by_event, donor->by_event);
  SWAP (self->bases, donor->bases);
  SWAP (self->any_range, donor->any_range);
  SWAP (self->any_approx, donor->any_approx);
  SWAP (self->coarsest, donor->coarsest);
  SWAP (self->n_hidden_targets, donor->n_hidden_targets);
  SWAP (self->scale_rule, donor->scale_rule);
  self->laid_out = donor->laid_out = FALSE;
}

/* ---- layout ---- */

static char *
currency_code (TrancheCurrency currency)
{
  char code[4];

  return g_strdup (tranche_currency_to_code (currency, code));
}

static void
add_legend (TrancheValuationChart *self)
{
  TrancheColor neutral = tranche_chart_frame_get_theme (self->frame)->neutral;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_named = 0, n_more = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);

      if (!s->drawn || !g_hash_table_add (seen, GUINT_TO_POINTER (s->target + 1)))
        continue;
      if (n_named >= MAX_LEGEND_TARGETS)
        {
          n_more++;
          continue;
        }
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_LINE, s->color, s->name);
      n_named++;
    }
  if (n_more > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", n_more), n_more);
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_LINE, neutral, text);
    }
  if (self->n_hidden_targets > 0)
    {
      /* Translators: legend of a chart that draws only the largest targets;
       * %u is how many others it leaves out. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u smaller target not drawn",
                                                            "%u smaller targets not drawn",
                                                            self->n_hidden_targets),
                                               self->n_hidden_targets);
      tranche_chart_frame_add_note (self->frame, text);
    }

  if (self->bases & (1u << TRANCHE_BASIS_POST_MONEY))
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_FILLED, neutral,
                                    tranche_valuation_basis_get_label (TRANCHE_BASIS_POST_MONEY));
  if (self->bases & (1u << TRANCHE_BASIS_PRE_MONEY))
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_HOLLOW, neutral,
                                    tranche_valuation_basis_get_label (TRANCHE_BASIS_PRE_MONEY));
  if (self->bases & (1u << TRANCHE_BASIS_REPORTED))
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_DOTTED, neutral,
                                    tranche_valuation_basis_get_label (TRANCHE_BASIS_REPORTED));
  if (self->any_range)
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_RANGE, neutral,
                                    C_("legend", "reported range"));
  if (self->any_approx)
    tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_APPROX, neutral,
                                    C_("legend", "approximate"));
  switch (self->coarsest)
    {
    case TRANCHE_PRECISION_YEAR:
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_SPAN, neutral,
                                      C_("legend", "date known to the year"));
      break;
    case TRANCHE_PRECISION_QUARTER:
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_SPAN, neutral,
                                      C_("legend", "date known to the quarter"));
      break;
    case TRANCHE_PRECISION_MONTH:
      tranche_chart_frame_add_legend (self->frame, TRANCHE_CHART_SYMBOL_SPAN, neutral,
                                      C_("legend", "date known to the month"));
      break;
    default:
      break;
    }
}

static void
add_bands (TrancheValuationChart     *self,
           const TrancheChartOptions *options)
{
  TrancheAxisMode mode = options != NULL ? options->y_mode : TRANCHE_AXIS_AUTO;

  for (guint b = 0; b < self->extents->len; b++)
    {
      Extent *e = &g_array_index (self->extents, Extent, b);
      g_autofree char *code = currency_code (e->currency);
      g_autofree char *note = NULL;
      g_autofree char *title = NULL;
      gpointer rule = g_hash_table_lookup (self->scale_rule, GUINT_TO_POINTER (e->currency + 1));
      TrancheAxisMode band_mode = mode == TRANCHE_AXIS_AUTO && rule != NULL
        ? (TrancheAxisMode) GPOINTER_TO_UINT (rule) : mode;
      double lo = isfinite (e->lo) ? e->lo : 0;
      gboolean log_axis = band_mode == TRANCHE_AXIS_LOG
        || (band_mode == TRANCHE_AXIS_AUTO && tranche_value_axis_wants_log (lo, e->hi));

      if (log_axis && lo > 0)
        /* Translators: the valuation chart's title when its axis is
         * logarithmic; %s is the currency code ("Valuation (USD, log scale)"). */
        title = g_strdup_printf (C_("chart title", "Valuation (%s, log scale)"), code);
      else
        /* Translators: the valuation chart's title; %s is the currency code
         * ("Valuation (USD)"). */
        title = g_strdup_printf (C_("chart title", "Valuation (%s)"), code);

      if (e->no_rate)
        /* Translators: beside a chart of values that were kept apart because
         * the file gives no exchange rate for their currency; %s is its
         * code ("EUR values not converted: no rate"). */
        note = g_strdup_printf (C_("chart note", "%s values not converted: no rate"), code);
      tranche_chart_frame_add_band (self->frame, e->currency, title, note, band_mode, lo, e->hi);
    }
}

TrancheChartSymbol
tranche_valuation_symbol_for_basis (guint8 basis)
{
  switch (basis)
    {
    case TRANCHE_BASIS_POST_MONEY:
      return TRANCHE_CHART_SYMBOL_FILLED;
    case TRANCHE_BASIS_PRE_MONEY:
      return TRANCHE_CHART_SYMBOL_HOLLOW;
    case TRANCHE_BASIS_REPORTED:
    case TRANCHE_BASIS_NONE:
    default:
      return TRANCHE_CHART_SYMBOL_DOTTED;
    }
}

/* Points of a series whose day is in [first, end), plus one on each side so
 * the step line enters and leaves the plot. */
void
tranche_valuation_chart_visible_points (TrancheValuationChart        *self,
                                        const TrancheValuationSeries *s,
                                        const TrancheTimeScale       *scale,
                                        guint                        *from,
                                        guint                        *to)
{
  guint lo = 0, hi = s->n_points;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (point_at (self, s->first_point + mid)->day < scale->first)
        lo = mid + 1;
      else
        hi = mid;
    }
  *from = lo > 0 ? lo - 1 : 0;
  hi = s->n_points;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (point_at (self, s->first_point + mid)->day < scale->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  *to = MIN (lo + 1, s->n_points);
  *from += s->first_point;
  *to += s->first_point;
}

static int
compare_label_priority (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  TrancheValuationChart *self = user_data;
  const TrancheValuationPoint *pa = point_at (self, *(const guint *) a);
  const TrancheValuationPoint *pb = point_at (self, *(const guint *) b);

  /* The largest figures first: they are the ones a reader looks for. */
  if (pa->value != pb->value)
    return pa->value > pb->value ? -1 : 1;
  return pa->event < pb->event ? -1 : (pa->event > pb->event);
}

static void
place_labels (TrancheValuationChart *self,
              GArray                *candidates)
{
  TrancheLabelPlacer *placer = tranche_chart_frame_get_placer (self->frame);
  double gap = tranche_theme_size (tranche_chart_frame_get_theme (self->frame), 3);

  g_array_sort_with_data (candidates, compare_label_priority, self);
  for (guint c = 0; c < candidates->len; c++)
    {
      TrancheValuationPoint *p = point_at (self, g_array_index (candidates, guint, c));
      const TrancheEvent *event = tranche_dataset_get_event (self->dataset, p->event);
      g_autofree char *text = tranche_format_money (&event->valuation);
      double w, h, r = p->radius, top, bottom;
      TrancheRect tries[7];

      /* A second valuation of the same figure on the same spot says nothing new. */
      {
        TrancheValuationPoint *twin = NULL;
        for (guint k = 0; k < c && twin == NULL; k++)
          {
            TrancheValuationPoint *q = point_at (self, g_array_index (candidates, guint, k));
            if (q->label != NULL && fabs (q->x - p->x) < 1 && fabs (q->y - p->y) < 1
                && g_strcmp0 (q->label, text) == 0)
              twin = q;
          }
        if (twin != NULL)
          {
            /* Both are under the one label. */
            p->label = twin->label;
            p->label_rect = twin->label_rect;
            continue;
          }
      }

      tranche_text_cache_measure (tranche_chart_frame_get_text_cache (self->frame),
                                  TRANCHE_TEXT_SMALL_BOLD, text, &w, &h);
      top = p->has_range ? MIN (p->y_max, p->y - r) : p->y - r;
      bottom = p->has_range ? MAX (p->y_min, p->y + r) : p->y + r;
      /* The step line leaves to the right at the marker's height and comes
       * in from below or above: above and left are usually free. */
      tries[0] = (TrancheRect) { p->x - w / 2, top - gap - h, w, h };
      tries[1] = (TrancheRect) { p->x - r - gap - w, p->y - h / 2, w, h };
      tries[2] = (TrancheRect) { p->x + r * 0.5 + gap, p->y - r - h, w, h };
      tries[3] = (TrancheRect) { p->x + r * 0.5 + gap, p->y + r * 0.6 + gap, w, h };
      tries[4] = (TrancheRect) { p->x - w / 2, bottom + gap, w, h };
      tries[5] = (TrancheRect) { p->x - r * 0.5 - gap - w, p->y + r * 0.6 + gap, w, h };
      tries[6] = (TrancheRect) { p->x + r + gap, p->y - h / 2, w, h };
      for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
        if (tranche_label_placer_is_free (placer, &tries[t], p->x, p->y))
          {
            p->label = tranche_chart_frame_intern (self->frame, text);
            p->label_rect = tries[t];
            tranche_label_placer_add_rect (placer, &tries[t]);
            tranche_chart_frame_add_landmark (self->frame, &tries[t]);
            break;
          }
    }
}

static void
tranche_valuation_chart_layout (TrancheChart              *chart,
                                const TrancheTheme        *theme,
                                const TrancheChartOptions *options,
                                const TrancheTimeScale    *scale,
                                const TrancheRect         *rect)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (chart);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  TrancheLabelPlacer *placer;
  const TrancheRect *plot;

  tranche_chart_frame_reset (self->frame, theme, options, scale, rect->x, rect->y, rect->width,
                             rect->height);
  add_bands (self, options);
  if (self->extents->len == 0)
    tranche_chart_frame_set_title (self->frame, C_("chart title", "Valuation"));
  tranche_chart_frame_set_empty_text (self->frame, C_("chart", "No valuations to show"));
  add_legend (self);
  tranche_chart_frame_layout (self->frame);
  self->laid_out = TRUE;
  self->radius = tranche_theme_size (theme, 6);

  plot = tranche_chart_frame_get_plot (self->frame);
  placer = tranche_chart_frame_get_placer (self->frame);
  for (guint i = 0; i < self->points->len; i++)
    point_at (self, i)->drawn = FALSE;

  for (guint i = 0; i < self->series->len; i++)
    {
      TrancheValuationSeries *s = series_at (self, i);
      const TrancheChartBand *band;
      guint from, to, n_in_view = 0;
      gboolean markers;

      if (!s->drawn)
        continue;
      band = tranche_chart_frame_get_band (self->frame, s->band);
      tranche_valuation_chart_visible_points (self, s, scale, &from, &to);
      for (guint j = from; j < to; j++)
        {
          TrancheValuationPoint *p = point_at (self, j);

          p->x = tranche_time_scale_day_to_x (scale, p->day);
          p->y = tranche_value_axis_to_y (&band->axis, p->value);
          p->y_min = p->has_range ? tranche_value_axis_to_y (&band->axis, p->min) : p->y;
          p->y_max = p->has_range ? tranche_value_axis_to_y (&band->axis, p->max) : p->y;
          p->span_x0 = tranche_time_scale_day_to_x (scale, p->first_day);
          p->span_x1 = tranche_time_scale_day_to_x (scale, p->end_day);
          p->radius = self->radius;
          p->label = NULL;
          p->drawn = TRUE;
          if (p->x >= plot->x - p->radius && p->x <= plot->x + plot->width + p->radius)
            n_in_view++;
        }
      /* The step line, so no label sits on it. */
      for (guint j = from + 1; j < to; j++)
        {
          TrancheValuationPoint *a = point_at (self, j - 1), *b = point_at (self, j);
          double t = tranche_theme_size (theme, 1.5);
          TrancheRect flat = { a->x, a->y - t, b->x - a->x, 2 * t };
          TrancheRect rise = { b->x - t, MIN (a->y, b->y), 2 * t, fabs (b->y - a->y) };

          tranche_label_placer_add_rect (placer, &flat);
          tranche_label_placer_add_rect (placer, &rise);
        }
      /* Markers and labels only where they can be told apart; a dense
       * series is its line. */
      markers = n_in_view <= plot->width / (2 * self->radius);
      for (guint j = from; j < to; j++)
        {
          TrancheValuationPoint *p = point_at (self, j);

          if (p->x < plot->x - p->radius || p->x > plot->x + plot->width + p->radius)
            continue;
          tranche_label_placer_add_circle (placer, p->x, p->y, p->radius);
          tranche_chart_frame_add_landmark (self->frame, &(TrancheRect) { p->x - p->radius,
                                                                          p->y - p->radius,
                                                                          2 * p->radius,
                                                                          2 * p->radius });
          if (p->precision < TRANCHE_PRECISION_DAY && p->span_x1 - p->span_x0 > 2 * p->radius)
            {
              TrancheRect span = { p->span_x0, p->y - p->radius * 0.6, p->span_x1 - p->span_x0,
                                   p->radius * 1.2 };
              tranche_label_placer_add_rect (placer, &span);
            }
          if (p->has_range)
            {
              TrancheRect bar = { p->x - p->radius * 0.6, p->y_max, p->radius * 1.2,
                                  p->y_min - p->y_max };
              tranche_label_placer_add_rect (placer, &bar);
            }
          if (markers)
            g_array_append_val (candidates, j);
        }
    }
  place_labels (self, candidates);
}

static void
tranche_valuation_chart_finalize (GObject *object)
{
  TrancheValuationChart *self = TRANCHE_VALUATION_CHART (object);

  g_array_unref (self->points);
  g_array_unref (self->series);
  g_array_unref (self->extents);
  g_hash_table_unref (self->scale_rule);
  g_hash_table_unref (self->by_event);
  tranche_chart_frame_free (self->frame);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  G_OBJECT_CLASS (tranche_valuation_chart_parent_class)->finalize (object);
}

static void
tranche_valuation_chart_iface_init (TrancheChartInterface *iface)
{
  iface->set_data = tranche_valuation_chart_set_data;
  iface->take_data = tranche_valuation_chart_take_data;
  iface->layout = tranche_valuation_chart_layout;
  iface->paint = _tranche_valuation_chart_paint;
  iface->paint_overlay = _tranche_valuation_chart_paint_overlay;
  iface->hit_test = _tranche_valuation_chart_hit_test;
  iface->readout = _tranche_valuation_chart_readout;
}

static void
tranche_valuation_chart_class_init (TrancheValuationChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tranche_valuation_chart_finalize;
}

static void
tranche_valuation_chart_init (TrancheValuationChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (TrancheValuationPoint));
  self->series = g_array_new (FALSE, TRUE, sizeof (TrancheValuationSeries));
  self->extents = g_array_new (FALSE, TRUE, sizeof (Extent));
  self->scale_rule = g_hash_table_new (NULL, NULL);
  self->by_event = g_hash_table_new (NULL, NULL);
  self->frame = tranche_chart_frame_new ();
  self->coarsest = TRANCHE_PRECISION_DAY;
}

TrancheValuationChart *
tranche_valuation_chart_new (void)
{
  return g_object_new (TRANCHE_TYPE_VALUATION_CHART, NULL);
}

/* ---- scene ---- */

TrancheChartFrame *
tranche_valuation_chart_get_frame (TrancheValuationChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), NULL);
  return self->frame;
}

guint
tranche_valuation_chart_get_n_series (TrancheValuationChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), 0);
  return self->series->len;
}

const TrancheValuationSeries *
tranche_valuation_chart_get_series (TrancheValuationChart *self,
                                    guint                  series)
{
  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return series_at (self, series);
}

guint
tranche_valuation_chart_find_series (TrancheValuationChart *self,
                                     guint32                target,
                                     TrancheCurrency        currency)
{
  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), G_MAXUINT);

  for (guint i = 0; i < self->series->len; i++)
    if (series_at (self, i)->target == target && series_at (self, i)->currency == currency)
      return i;
  return G_MAXUINT;
}

guint
tranche_valuation_chart_get_n_points (TrancheValuationChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), 0);
  return self->points->len;
}

const TrancheValuationPoint *
tranche_valuation_chart_get_point (TrancheValuationChart *self,
                                   guint                  index)
{
  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);
  return point_at (self, index);
}

guint
tranche_valuation_chart_find_point (TrancheValuationChart *self,
                                    guint32                event)
{
  gpointer found;

  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), G_MAXUINT);

  found = g_hash_table_lookup (self->by_event, GUINT_TO_POINTER (event + 1));
  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : G_MAXUINT;
}

gboolean
tranche_valuation_chart_value_at (TrancheValuationChart *self,
                                  guint                  series,
                                  TrancheDay             day,
                                  double                *value,
                                  guint                 *point)
{
  TrancheValuationSeries *s;
  guint lo = 0, hi;

  g_return_val_if_fail (TRANCHE_IS_VALUATION_CHART (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);

  s = series_at (self, series);
  hi = s->n_points;
  /* The first point after `day`; the one before it holds. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (point_at (self, s->first_point + mid)->day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return FALSE;
  if (value != NULL)
    *value = point_at (self, s->first_point + lo - 1)->value;
  if (point != NULL)
    *point = s->first_point + lo - 1;
  return TRUE;
}
