/* tranche-ticks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-format.h"
#include "tranche-ticks.h"

typedef struct
{
  TrancheTickUnit unit;
  guint           step;
} Candidate;

typedef struct
{
  TrancheTickUnit unit;
  guint           step;
  GArray         *ticks;  /* TrancheTick */
} Row;

struct _TrancheTicks
{
  Row           rows[2];
  guint         n_rows;
  GStringChunk *strings;
};

/* From fine to coarse; the first whose labels fit wins. */
static const Candidate candidates[] = {
  { TRANCHE_TICK_DAY, 1 },
  { TRANCHE_TICK_WEEK, 1 },
  { TRANCHE_TICK_MONTH, 1 },
  { TRANCHE_TICK_QUARTER, 1 },
  { TRANCHE_TICK_YEAR, 1 },
  { TRANCHE_TICK_YEAR, 2 },
  { TRANCHE_TICK_YEAR, 5 },
  { TRANCHE_TICK_DECADE, 1 },
  { TRANCHE_TICK_DECADE, 2 },
  { TRANCHE_TICK_DECADE, 5 },
  { TRANCHE_TICK_CENTURY, 1 },
  { TRANCHE_TICK_CENTURY, 2 },
  { TRANCHE_TICK_CENTURY, 5 },
  { TRANCHE_TICK_CENTURY, 10 },
};

/* Even the shortest label ("1") needs this many pixels; a unit whose ticks
 * come closer than that is skipped without generating them. */
#define MIN_TICK_PIXELS 10.0

double
tranche_tick_unit_days (TrancheTickUnit unit)
{
  switch (unit)
    {
    case TRANCHE_TICK_DAY:
      return 1;
    case TRANCHE_TICK_WEEK:
      return 7;
    case TRANCHE_TICK_MONTH:
      return 365.2425 / 12;
    case TRANCHE_TICK_QUARTER:
      return 365.2425 / 4;
    case TRANCHE_TICK_YEAR:
      return 365.2425;
    case TRANCHE_TICK_DECADE:
      return 3652.425;
    case TRANCHE_TICK_CENTURY:
    default:
      return 36524.25;
    }
}

static guint
unit_months (TrancheTickUnit unit)
{
  switch (unit)
    {
    case TRANCHE_TICK_MONTH:
      return 1;
    case TRANCHE_TICK_QUARTER:
      return 3;
    case TRANCHE_TICK_YEAR:
      return 12;
    case TRANCHE_TICK_DECADE:
      return 120;
    case TRANCHE_TICK_CENTURY:
      return 1200;
    case TRANCHE_TICK_DAY:
    case TRANCHE_TICK_WEEK:
    default:
      return 0;
    }
}

static char *
make_label (TrancheTickUnit unit,
            TrancheDay      day,
            gboolean        context_row)
{
  int year, month, mday;

  tranche_day_to_ymd (day, &year, &month, &mday);
  if (context_row)
    return tranche_format_day (day, unit == TRANCHE_TICK_MONTH ? TRANCHE_PRECISION_MONTH
                                                              : TRANCHE_PRECISION_YEAR);
  switch (unit)
    {
    case TRANCHE_TICK_DAY:
    case TRANCHE_TICK_WEEK:
      /* Translators: a day of the month on the time axis, under the month's name */
      return g_strdup_printf (C_("axis day", "%d"), mday);
    case TRANCHE_TICK_MONTH:
      return g_strdup (tranche_format_month_abbrev (month));
    case TRANCHE_TICK_QUARTER:
      /* Translators: a quarter on the time axis, under its year ("Q2"; French "T2") */
      return g_strdup_printf (C_("axis quarter", "Q%d"), (month - 1) / 3 + 1);
    case TRANCHE_TICK_YEAR:
    case TRANCHE_TICK_DECADE:
    case TRANCHE_TICK_CENTURY:
    default:
      /* Translators: a year on the time axis */
      return g_strdup_printf (C_("axis year", "%d"), year);
    }
}

/* The unit boundaries in [first, end), plus the one before `first` when
 * `with_previous` (the context row names the unit the range starts in). */
static void
collect_days (TrancheTickUnit unit,
              guint           step,
              TrancheDay      first,
              TrancheDay      end,
              gboolean        with_previous,
              GArray         *days)
{
  guint months = unit_months (unit) * step;

  if (months == 0)
    {
      TrancheDay d = ceil (first);
      if (unit == TRANCHE_TICK_WEEK)
        {
          /* Weeks start on Monday; 1970-01-01 was a Thursday. */
          gint64 weekday = (((gint64) d + 3) % 7 + 7) % 7;
          if (weekday != 0)
            d += 7 - weekday;
        }
      if (with_previous && d > first)
        {
          TrancheDay prev = d - (unit == TRANCHE_TICK_WEEK ? 7 : 1);
          g_array_append_val (days, prev);
        }
      for (; d < end; d += unit == TRANCHE_TICK_WEEK ? 7 * step : step)
        g_array_append_val (days, d);
    }
  else
    {
      int year, month;
      gint64 index, last;

      tranche_day_to_ymd (floor (first), &year, &month, NULL);
      index = (gint64) year * 12 + (month - 1);
      index -= ((index % months) + months) % months;
      if (tranche_day_from_ymd (index / 12, index % 12 + 1, 1) < first && !with_previous)
        index += months;
      tranche_day_to_ymd (floor (end), &year, &month, NULL);
      last = (gint64) year * 12 + (month - 1);
      for (; index <= last; index += months)
        {
          TrancheDay d = tranche_day_from_ymd (index / 12, index % 12 + 1, 1);
          if (d >= end)
            break;
          g_array_append_val (days, d);
        }
    }
}

/* Fills `row` with the ticks of `unit`; FALSE when two labels come closer
 * than `min_gap` (the caller tries a coarser unit), unless `force`, which
 * drops labels instead. */
static gboolean
build_row (TrancheTicks           *self,
           Row                    *row,
           const TrancheTimeScale *scale,
           TrancheMeasureFunc      measure,
           gpointer                user_data,
           double                  padding,
           double                  min_gap,
           gboolean                context_row,
           gboolean                force)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (TrancheDay));
  double right = scale->x + scale->width;
  double last_end = -G_MAXDOUBLE;
  /* A range starting in March 2021 still names 2021 at its left edge, or
   * a chart's first year goes unlabelled. Not for steps of several years:
   * "2020" at the edge of a range starting in 2021 would mislead. */
  gboolean edge_label = context_row || (row->unit == TRANCHE_TICK_YEAR && row->step == 1);

  g_array_set_size (row->ticks, 0);
  collect_days (row->unit, row->step, scale->first, scale->end, edge_label, days);

  for (guint i = 0; i < days->len; i++)
    {
      TrancheTick tick = { 0 };
      g_autofree char *label = NULL;

      tick.day = g_array_index (days, TrancheDay, i);
      tick.x = tranche_time_scale_day_to_x (scale, tick.day);
      label = make_label (row->unit, tick.day, context_row);
      tick.label_width = measure (label, user_data);
      /* The context row names the unit the range starts in at the left edge. */
      tick.label_x = MAX (tick.x, scale->x) + padding;

      if (tick.label_x + tick.label_width > right)
        {
          /* Running off the end is no reason for a coarser unit: the label
           * is just left out. */
        }
      else if (tick.label_x < last_end + min_gap)
        {
          if (edge_label && row->ticks->len > 0
              && g_array_index (row->ticks, TrancheTick, row->ticks->len - 1).x < scale->x)
            {
              /* The left-edge label gives way to the real boundary. */
              TrancheTick *prev = &g_array_index (row->ticks, TrancheTick, row->ticks->len - 1);
              prev->label = NULL;
              tick.label = g_string_chunk_insert (self->strings, label);
              last_end = tick.label_x + tick.label_width;
            }
          else if (!force && !context_row)
            return FALSE;
        }
      else
        {
          tick.label = g_string_chunk_insert (self->strings, label);
          last_end = tick.label_x + tick.label_width;
        }
      g_array_append_val (row->ticks, tick);
    }
  return TRUE;
}

TrancheTicks *
tranche_ticks_new (const TrancheTimeScale *scale,
                   TrancheMeasureFunc      measure,
                   gpointer                user_data,
                   double                  padding,
                   double                  min_gap)
{
  TrancheTicks *self;
  Row *row;
  gboolean found = FALSE;

  g_return_val_if_fail (scale != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  self = g_new0 (TrancheTicks, 1);
  self->strings = g_string_chunk_new (256);
  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    self->rows[i].ticks = g_array_new (FALSE, FALSE, sizeof (TrancheTick));
  self->n_rows = 1;

  row = &self->rows[0];
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && !found; i++)
    {
      double pixels = tranche_tick_unit_days (candidates[i].unit) * candidates[i].step
                      / tranche_time_scale_days_per_pixel (scale);

      /* Labels that merely fit still read as a wall of numbers: ticks also
       * keep a few gaps' worth of room between them. */
      if (pixels < MAX (MIN_TICK_PIXELS, 4 * min_gap) && i + 1 < G_N_ELEMENTS (candidates))
        continue;
      row->unit = candidates[i].unit;
      row->step = candidates[i].step;
      found = build_row (self, row, scale, measure, user_data, padding, min_gap, FALSE,
                         i + 1 == G_N_ELEMENTS (candidates));
    }

  if (row->unit <= TRANCHE_TICK_QUARTER)
    {
      Row *context = &self->rows[1];
      context->unit = row->unit <= TRANCHE_TICK_WEEK ? TRANCHE_TICK_MONTH : TRANCHE_TICK_YEAR;
      context->step = 1;
      build_row (self, context, scale, measure, user_data, padding, min_gap, TRUE, TRUE);
      self->n_rows = 2;
    }
  return self;
}

static double
measure_with_layout (const char *text,
                     gpointer    user_data)
{
  PangoLayout *layout = user_data;
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

TrancheTicks *
tranche_ticks_new_for_layout (const TrancheTimeScale *scale,
                              PangoLayout            *layout,
                              double                  padding,
                              double                  min_gap)
{
  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);
  return tranche_ticks_new (scale, measure_with_layout, layout, padding, min_gap);
}

void
tranche_ticks_free (TrancheTicks *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    g_array_unref (self->rows[i].ticks);
  g_string_chunk_free (self->strings);
  g_free (self);
}

guint
tranche_ticks_get_n_rows (TrancheTicks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

TrancheTickUnit
tranche_ticks_get_unit (TrancheTicks *self,
                        guint         row)
{
  g_return_val_if_fail (self != NULL, TRANCHE_TICK_YEAR);
  g_return_val_if_fail (row < self->n_rows, TRANCHE_TICK_YEAR);
  return self->rows[row].unit;
}

guint
tranche_ticks_get_step (TrancheTicks *self,
                        guint         row)
{
  g_return_val_if_fail (self != NULL, 1);
  g_return_val_if_fail (row < self->n_rows, 1);
  return self->rows[row].step;
}

guint
tranche_ticks_get_n_ticks (TrancheTicks *self,
                           guint         row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  return self->rows[row].ticks->len;
}

const TrancheTick *
tranche_ticks_get_tick (TrancheTicks *self,
                        guint         row,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (index < self->rows[row].ticks->len, NULL);
  return &g_array_index (self->rows[row].ticks, TrancheTick, index);
}
