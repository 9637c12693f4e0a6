/* tranche-value-axis.h: where an amount of money goes in y, and the ticks
 *
 * A plain value shared by the valuation and cumulative charts: it maps
 * amounts onto [top, bottom] pixels, linearly from zero or logarithmically,
 * and picks ticks that read at a glance (1-2-5 steps on a linear axis;
 * decades, or 1-2-5 within each decade when there is room, on a log one).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_AXIS_AUTO = 0, /* log when the values span more than TRANCHE_VALUE_AXIS_LOG_SPAN */
  TRANCHE_AXIS_LINEAR,
  TRANCHE_AXIS_LOG,
} TrancheAxisMode;

/* Past this ratio of the largest to the smallest value, AUTO is logarithmic. */
#define TRANCHE_VALUE_AXIS_LOG_SPAN 10.0
#define TRANCHE_VALUE_AXIS_MAX_TICKS 40

typedef struct
{
  gboolean log;
  double   min;     /* the value at `bottom` (0 on a linear axis) */
  double   max;     /* the value at `top` */
  double   bottom;  /* y of `min`, > top */
  double   top;
  guint    n_ticks;
  double   ticks[TRANCHE_VALUE_AXIS_MAX_TICKS];  /* ascending */
  gboolean major[TRANCHE_VALUE_AXIS_MAX_TICKS];  /* a decade on a log axis; all on a linear one */
} TrancheValueAxis;

/* TRUE when `hi` / `lo` exceeds TRANCHE_VALUE_AXIS_LOG_SPAN (and lo > 0). */
gboolean tranche_value_axis_wants_log (double                  lo,
                                       double                  hi);
/* Fits the values [lo, hi] (lo: the smallest positive one for a log axis)
 * between `bottom` and `top` pixels, with ticks at least `min_spacing`
 * pixels apart. A log axis needs lo > 0; otherwise the axis is linear. */
void     tranche_value_axis_init      (TrancheValueAxis       *self,
                                       TrancheAxisMode         mode,
                                       double                  lo,
                                       double                  hi,
                                       double                  bottom,
                                       double                  top,
                                       double                  min_spacing);
/* Values below the axis (0 on a log axis) go to `bottom`. */
double   tranche_value_axis_to_y      (const TrancheValueAxis *self,
                                       double                  value);
double   tranche_value_axis_from_y    (const TrancheValueAxis *self,
                                       double                  y);

G_END_DECLS
