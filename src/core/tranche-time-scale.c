/* tranche-time-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-time-scale.h"

static void
clamp_range (TrancheDay *first,
             TrancheDay *end)
{
  TrancheDay lo = tranche_time_scale_min_day ();
  TrancheDay hi = tranche_time_scale_max_day ();
  TrancheDay span = *end - *first;

  if (!isfinite (span) || span < TRANCHE_TIME_SCALE_MIN_SPAN)
    {
      TrancheDay middle = isfinite (*first + *end) ? (*first + *end) / 2 : (lo + hi) / 2;
      span = TRANCHE_TIME_SCALE_MIN_SPAN;
      *first = middle - span / 2;
    }
  span = MIN (span, hi - lo);
  /* Slide rather than shrink at the limits, so panning into them stops. */
  *first = CLAMP (*first, lo, hi - span);
  *end = *first + span;
}

TrancheDay
tranche_time_scale_min_day (void)
{
  return tranche_day_from_ymd (1000, 1, 1);
}

TrancheDay
tranche_time_scale_max_day (void)
{
  return tranche_day_from_ymd (10000, 1, 1);
}

void
tranche_time_scale_init (TrancheTimeScale *self,
                         TrancheDay        first,
                         TrancheDay        end,
                         double            x,
                         double            width)
{
  g_return_if_fail (self != NULL);

  self->x = x;
  self->width = MAX (width, 1.0);
  tranche_time_scale_set_range (self, first, end);
}

void
tranche_time_scale_set_range (TrancheTimeScale *self,
                              TrancheDay        first,
                              TrancheDay        end)
{
  g_return_if_fail (self != NULL);

  clamp_range (&first, &end);
  self->first = first;
  self->end = end;
}

void
tranche_time_scale_set_extent (TrancheTimeScale *self,
                               double            x,
                               double            width)
{
  g_return_if_fail (self != NULL);
  self->x = x;
  self->width = MAX (width, 1.0);
}

double
tranche_time_scale_day_to_x (const TrancheTimeScale *self,
                             TrancheDay              day)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->x + (day - self->first) * self->width / (self->end - self->first);
}

TrancheDay
tranche_time_scale_x_to_day (const TrancheTimeScale *self,
                             double                  x)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first + (x - self->x) * (self->end - self->first) / self->width;
}

double
tranche_time_scale_days_per_pixel (const TrancheTimeScale *self)
{
  g_return_val_if_fail (self != NULL, 1);
  return (self->end - self->first) / self->width;
}

double
tranche_time_scale_span (const TrancheTimeScale *self)
{
  g_return_val_if_fail (self != NULL, 1);
  return self->end - self->first;
}

void
tranche_time_scale_zoom (TrancheTimeScale *self,
                         double            factor,
                         double            anchor_x)
{
  TrancheDay anchor, span, max_span;
  double share;

  g_return_if_fail (self != NULL);
  g_return_if_fail (factor > 0 && isfinite (factor));

  anchor = tranche_time_scale_x_to_day (self, anchor_x);
  share = (anchor_x - self->x) / self->width;
  max_span = tranche_time_scale_max_day () - tranche_time_scale_min_day ();
  /* Clamp the span first, then place it so the anchor keeps its share of
   * the width: the anchor only drifts when the range hits a year limit. */
  span = CLAMP ((self->end - self->first) / factor, TRANCHE_TIME_SCALE_MIN_SPAN, max_span);
  tranche_time_scale_set_range (self, anchor - share * span, anchor - share * span + span);
}

void
tranche_time_scale_pan (TrancheTimeScale *self,
                        double            dx)
{
  TrancheDay shift;

  g_return_if_fail (self != NULL);

  shift = -dx * tranche_time_scale_days_per_pixel (self);
  tranche_time_scale_set_range (self, self->first + shift, self->end + shift);
}

void
tranche_time_scale_fit (TrancheTimeScale *self,
                        TrancheDay        first,
                        TrancheDay        end,
                        double            padding)
{
  double inner;
  TrancheDay per_pixel;

  g_return_if_fail (self != NULL);

  if (end - first < TRANCHE_TIME_SCALE_MIN_SPAN)
    {
      TrancheDay middle = (first + end) / 2;
      first = middle - TRANCHE_TIME_SCALE_MIN_SPAN / 2;
      end = middle + TRANCHE_TIME_SCALE_MIN_SPAN / 2;
    }
  /* Never let the padding eat more than a third of the width each side. */
  padding = CLAMP (padding, 0, self->width / 3);
  inner = self->width - 2 * padding;
  per_pixel = (end - first) / inner;
  tranche_time_scale_set_range (self, first - padding * per_pixel, end + padding * per_pixel);
}

void
tranche_time_scale_interpolate (const TrancheTimeScale *a,
                                const TrancheTimeScale *b,
                                double                  t,
                                TrancheTimeScale       *out)
{
  double span_a, span_b, span, centre;

  g_return_if_fail (a != NULL && b != NULL && out != NULL);

  t = CLAMP (t, 0, 1);
  span_a = a->end - a->first;
  span_b = b->end - b->first;
  span = exp (log (span_a) + (log (span_b) - log (span_a)) * t);
  centre = (a->first + a->end) / 2 + ((b->first + b->end) / 2 - (a->first + a->end) / 2) * t;
  out->x = a->x + (b->x - a->x) * t;
  out->width = a->width + (b->width - a->width) * t;
  tranche_time_scale_set_range (out, centre - span / 2, centre + span / 2);
}

gboolean
tranche_time_scale_equal (const TrancheTimeScale *a,
                          const TrancheTimeScale *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->first == b->first && a->end == b->end && a->x == b->x && a->width == b->width;
}

gboolean
tranche_time_scale_bound_range (TrancheDay *first,
                                TrancheDay *end,
                                TrancheDay  data_first,
                                TrancheDay  data_end)
{
  TrancheDay margin, lo, hi, f, e;

  g_return_val_if_fail (first != NULL && end != NULL, FALSE);

  if (!(data_end > data_first) || !isfinite (*first) || !isfinite (*end))
    return FALSE;
  margin = MAX ((data_end - data_first) / 5, 365.2425 / 2);
  lo = data_first - margin;
  hi = data_end + margin;
  f = *first;
  e = *end;
  if (e - f > hi - lo)
    {
      f = lo;
      e = hi;
    }
  else if (f < lo)
    {
      e += lo - f;
      f = lo;
    }
  else if (e > hi)
    {
      f -= e - hi;
      e = hi;
    }
  if (f == *first && e == *end)
    return FALSE;
  *first = f;
  *end = e;
  return TRUE;
}
