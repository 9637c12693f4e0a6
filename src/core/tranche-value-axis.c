/* tranche-value-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-value-axis.h"

/* Room left above the largest value (and below the smallest on a log axis),
 * so its marker and label are not cut by the top of the plot. */
#define LINEAR_HEADROOM 1.08
#define LOG_HEADROOM 1.25

/* Ticks within a decade (1, 2, 5) come closer than decades do; they are only
 * used when there is this much more room than the least spacing, else the
 * axis reads as a ladder of numbers. */
#define MINOR_ROOM 1.4

/* Relative slack when comparing floating values with a 1-2-5 grid. */
#define EPSILON 1e-9

static const double mantissas[] = { 1.0, 2.0, 5.0 };

static double
decade_of (double value)
{
  return pow (10.0, floor (log10 (value)));
}

/* The smallest 1, 2 or 5 times a power of ten that is at least `value`. */
static double
nice_ceil (double value)
{
  double base = decade_of (value);

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (mantissas[i] * base >= value * (1 - EPSILON))
      return mantissas[i] * base;
  return 10 * base;
}

/* The largest 1, 2 or 5 times a power of ten that is at most `value`. */
static double
nice_floor (double value)
{
  double base = decade_of (value);

  for (guint i = G_N_ELEMENTS (mantissas); i > 0; i--)
    if (mantissas[i - 1] * base <= value * (1 + EPSILON))
      return mantissas[i - 1] * base;
  return base;
}

static void
add_tick (TrancheValueAxis *self,
          double            value,
          gboolean          major)
{
  if (self->n_ticks >= TRANCHE_VALUE_AXIS_MAX_TICKS)
    return;
  self->ticks[self->n_ticks] = value;
  self->major[self->n_ticks] = major;
  self->n_ticks++;
}

static void
init_linear (TrancheValueAxis *self,
             double            hi,
             double            min_spacing)
{
  double height = self->bottom - self->top;
  double room, step, count;
  guint n_max;

  if (!(hi > 0) || !isfinite (hi))
    hi = 1;
  /* Five to eight ticks is what a reader scans; more only adds noise. */
  n_max = (guint) CLAMP (floor (height / MAX (min_spacing, 1)), 1, 8);
  room = hi * LINEAR_HEADROOM;
  step = nice_ceil (room / n_max);
  count = ceil (room / step - EPSILON);

  self->log = FALSE;
  self->min = 0;
  self->max = count * step;
  for (guint i = 0; i <= (guint) count; i++)
    add_tick (self, i * step, TRUE);
}

/* Decades 10^k in [min, max] whose k is a multiple of `every`. */
static void
add_decades (TrancheValueAxis *self,
             guint             every)
{
  int first = (int) ceil (log10 (self->min) - EPSILON);
  int last = (int) floor (log10 (self->max) + EPSILON);

  for (int k = first; k <= last; k++)
    if (k % (int) every == 0)
      add_tick (self, pow (10.0, k), TRUE);
}

/* 1, 2 and 5 times each decade in [min, max]; with `min_pixels` > 0 a tick
 * closer than that to the one kept before it is left out. */
static void
add_one_two_five (TrancheValueAxis *self,
                  double            min_pixels)
{
  int first = (int) floor (log10 (self->min)) - 1;
  int last = (int) ceil (log10 (self->max));
  double last_y = G_MAXDOUBLE;

  for (int k = first; k <= last; k++)
    for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
      {
        double value = mantissas[i] * pow (10.0, k);
        double y;

        if (value < self->min * (1 - EPSILON) || value > self->max * (1 + EPSILON))
          continue;
        y = tranche_value_axis_to_y (self, value);
        if (min_pixels > 0 && last_y - y < min_pixels)
          continue;
        add_tick (self, value, i == 0);
        last_y = y;
      }
}

static int
compare_values (const void *a,
                const void *b)
{
  double va = *(const double *) a, vb = *(const double *) b;

  return va < vb ? -1 : va > vb;
}

/* Between decades that have room, the 2 and 5 marks that keep `min_spacing`
 * pixels from every tick: a tall axis reads in 1-2-5 steps. */
static void
add_twos_and_fives (TrancheValueAxis *self,
                    double            min_spacing)
{
  int first = (int) floor (log10 (self->min)) - 1;
  int last = (int) ceil (log10 (self->max));
  guint n_decades = self->n_ticks;

  for (int k = first; k <= last; k++)
    for (guint m = 0; m < 2; m++)
      {
        double value = (m == 0 ? 2 : 5) * pow (10.0, k);
        double y;
        gboolean room = TRUE;

        if (value < self->min * (1 - EPSILON) || value > self->max * (1 + EPSILON))
          continue;
        y = tranche_value_axis_to_y (self, value);
        for (guint t = 0; t < self->n_ticks && room; t++)
          room = fabs (tranche_value_axis_to_y (self, self->ticks[t]) - y) >= min_spacing;
        if (room)
          add_tick (self, value, FALSE);
      }
  if (self->n_ticks == n_decades)
    return;
  /* Ascending, with each tick's major flag kept beside it. */
  {
    double sorted[TRANCHE_VALUE_AXIS_MAX_TICKS];

    memcpy (sorted, self->ticks, self->n_ticks * sizeof (double));
    qsort (sorted, self->n_ticks, sizeof (double), compare_values);
    for (guint t = 0; t < self->n_ticks; t++)
      {
        double v = sorted[t];
        self->major[t] = fabs (log10 (v) - round (log10 (v))) < 1e-9;
        self->ticks[t] = v;
      }
  }
}

static void
init_log (TrancheValueAxis *self,
          double            lo,
          double            hi,
          double            min_spacing)
{
  double height = self->bottom - self->top;
  double decades, per_decade;
  guint n_decades;

  self->log = TRUE;
  self->min = nice_floor (lo / LOG_HEADROOM);
  self->max = nice_ceil (hi * LOG_HEADROOM);
  decades = log10 (self->max / self->min);
  per_decade = height / decades;

  /* The closest ticks of 1-2-5 are 1→2 and 5→10, log10(2) of a decade apart. */
  if (per_decade * log10 (2.0) >= min_spacing * MINOR_ROOM)
    {
      add_one_two_five (self, 0);
      return;
    }

  add_decades (self, 1);
  n_decades = self->n_ticks;
  if (n_decades >= 2 && per_decade >= min_spacing)
    {
      add_twos_and_fives (self, min_spacing);
      return;
    }

  self->n_ticks = 0;
  if (n_decades < 2)
    {
      /* Less than two decades in view: the 1-2-5 marks that fit say more
       * than a single decade line. */
      add_one_two_five (self, min_spacing);
      return;
    }
  add_decades (self, (guint) ceil (min_spacing / per_decade));
}

gboolean
tranche_value_axis_wants_log (double lo,
                              double hi)
{
  return lo > 0 && isfinite (lo) && isfinite (hi) && hi / lo > TRANCHE_VALUE_AXIS_LOG_SPAN;
}

void
tranche_value_axis_init (TrancheValueAxis *self,
                         TrancheAxisMode   mode,
                         double            lo,
                         double            hi,
                         double            bottom,
                         double            top,
                         double            min_spacing)
{
  gboolean log_axis;

  g_return_if_fail (self != NULL);

  self->n_ticks = 0;
  self->bottom = bottom;
  self->top = bottom > top ? top : bottom - 1;
  if (!(hi >= lo))
    hi = lo;

  switch (mode)
    {
    case TRANCHE_AXIS_LOG:
      log_axis = lo > 0 && isfinite (lo) && isfinite (hi);
      break;
    case TRANCHE_AXIS_LINEAR:
      log_axis = FALSE;
      break;
    case TRANCHE_AXIS_AUTO:
    default:
      log_axis = tranche_value_axis_wants_log (lo, hi);
      break;
    }

  if (log_axis)
    init_log (self, lo, hi, min_spacing);
  else
    init_linear (self, hi, min_spacing);
}

double
tranche_value_axis_to_y (const TrancheValueAxis *self,
                         double                  value)
{
  double t;

  g_return_val_if_fail (self != NULL, 0);

  if (self->log)
    {
      if (!(value > 0))
        return self->bottom;
      t = log (value / self->min) / log (self->max / self->min);
    }
  else
    t = (value - self->min) / (self->max - self->min);
  return self->bottom - t * (self->bottom - self->top);
}

double
tranche_value_axis_from_y (const TrancheValueAxis *self,
                           double                  y)
{
  double t;

  g_return_val_if_fail (self != NULL, 0);

  t = (self->bottom - y) / (self->bottom - self->top);
  if (self->log)
    return self->min * pow (self->max / self->min, t);
  return self->min + t * (self->max - self->min);
}
