/* tranche-time-scale.h: which days a chart shows, and where they go in x
 *
 * A plain value (copy it, interpolate it for animations) mapping the visible
 * range [first, end) of days onto [x, x + width) pixels. Every chart that
 * shares the time axis shares one of these.
 */
#pragma once

#include <glib.h>

#include "tranche-date.h"

G_BEGIN_DECLS

/* The narrowest visible range, in days: a day still gets several ticks' room. */
#define TRANCHE_TIME_SCALE_MIN_SPAN 2.0

typedef struct
{
  TrancheDay first;  /* first visible day */
  TrancheDay end;    /* first day after the visible range */
  double     x;      /* where `first` is drawn */
  double     width;  /* pixels from `first` to `end`, > 0 */
} TrancheTimeScale;

/* The days a chart may show at all: years 1000 to 9999, like dates. */
TrancheDay tranche_time_scale_min_day        (void);
TrancheDay tranche_time_scale_max_day        (void);

/* `first`/`end` are clamped as tranche_time_scale_set_range() does. */
void       tranche_time_scale_init           (TrancheTimeScale       *self,
                                              TrancheDay              first,
                                              TrancheDay              end,
                                              double                  x,
                                              double                  width);
void       tranche_time_scale_set_range      (TrancheTimeScale       *self,
                                              TrancheDay              first,
                                              TrancheDay              end);
/* A new pixel extent keeps the visible days (a resize keeps the range). */
void       tranche_time_scale_set_extent     (TrancheTimeScale       *self,
                                              double                  x,
                                              double                  width);

double     tranche_time_scale_day_to_x       (const TrancheTimeScale *self,
                                              TrancheDay              day);
TrancheDay tranche_time_scale_x_to_day       (const TrancheTimeScale *self,
                                              double                  x);
double     tranche_time_scale_days_per_pixel (const TrancheTimeScale *self);
double     tranche_time_scale_span           (const TrancheTimeScale *self);

/* factor > 1 zooms in. The day under `anchor_x` stays under it, unless the
 * range had to be clamped at the span limits or at years 1000/9999. */
void       tranche_time_scale_zoom           (TrancheTimeScale       *self,
                                              double                  factor,
                                              double                  anchor_x);
/* Moves the content by `dx` pixels (positive: content moves right, so
 * earlier days come into view), stopping at the limits. */
void       tranche_time_scale_pan            (TrancheTimeScale       *self,
                                              double                  dx);
/* Shows [first, end) with `padding` pixels free at both sides, so markers
 * drawn at the ends are not cut. */
void       tranche_time_scale_fit            (TrancheTimeScale       *self,
                                              TrancheDay              first,
                                              TrancheDay              end,
                                              double                  padding);
/* The widest a view of data in [data_first, data_end) zooms out to, and how
 * far it pans: the data and a margin of a fifth of their span (at least
 * half a year) on each side, so a view never drifts into empty decades.
 * Narrows [*first, *end) to it, or slides it back inside; TRUE when it
 * changed. */
gboolean   tranche_time_scale_bound_range    (TrancheDay             *first,
                                              TrancheDay             *end,
                                              TrancheDay              data_first,
                                              TrancheDay              data_end);
/* The scale part-way (t in 0..1) from `a` to `b`, for animations: it moves
 * evenly in log-span so a zoom looks steady. */
void       tranche_time_scale_interpolate    (const TrancheTimeScale *a,
                                              const TrancheTimeScale *b,
                                              double                  t,
                                              TrancheTimeScale       *out);
gboolean   tranche_time_scale_equal          (const TrancheTimeScale *a,
                                              const TrancheTimeScale *b);

G_END_DECLS
