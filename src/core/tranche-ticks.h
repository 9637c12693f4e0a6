/* tranche-ticks.h: the time axis' ticks and labels for a visible range
 *
 * Picks the finest unit (day, week, month, quarter, year, decade, century and
 * their multiples) whose labels all fit side by side with a gap, measured by
 * the caller's text measure, so labels never overlap at any zoom or width.
 * Zoomed in to days, weeks, months or quarters, a second row names the larger
 * unit ("Jan 2023" above days, "2023" above months).
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "tranche-time-scale.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_TICK_DAY = 0,
  TRANCHE_TICK_WEEK,
  TRANCHE_TICK_MONTH,
  TRANCHE_TICK_QUARTER,
  TRANCHE_TICK_YEAR,
  TRANCHE_TICK_DECADE,
  TRANCHE_TICK_CENTURY,
} TrancheTickUnit;

typedef struct
{
  TrancheDay  day;          /* where the unit starts */
  double      x;            /* the tick line; may be left of the range for a row's first label */
  const char *label;        /* NULL when there is no room for it */
  double      label_x;      /* left edge of the label */
  double      label_width;
} TrancheTick;

/* The width of `text` in the same units as the scale's x. */
typedef double (*TrancheMeasureFunc) (const char *text,
                                      gpointer    user_data);

typedef struct _TrancheTicks TrancheTicks;

/* `padding` is the room between a tick line and its label, `min_gap` the least
 * room between two labels; ticks themselves stay at least 4 × min_gap apart. */
TrancheTicks      *tranche_ticks_new            (const TrancheTimeScale *scale,
                                                 TrancheMeasureFunc      measure,
                                                 gpointer                user_data,
                                                 double                  padding,
                                                 double                  min_gap);
/* Measures with `layout` (its font is used; its text is overwritten). */
TrancheTicks      *tranche_ticks_new_for_layout (const TrancheTimeScale *scale,
                                                 PangoLayout            *layout,
                                                 double                  padding,
                                                 double                  min_gap);
void               tranche_ticks_free           (TrancheTicks           *self);

/* Row 0 are the ticks of the chosen unit; row 1, when there is one, the
 * larger unit. */
guint              tranche_ticks_get_n_rows     (TrancheTicks           *self);
TrancheTickUnit    tranche_ticks_get_unit       (TrancheTicks           *self,
                                                 guint                   row);
/* How many units one tick stands for (5 for ticks every five years). */
guint              tranche_ticks_get_step       (TrancheTicks           *self,
                                                 guint                   row);
guint              tranche_ticks_get_n_ticks    (TrancheTicks           *self,
                                                 guint                   row);
const TrancheTick *tranche_ticks_get_tick       (TrancheTicks           *self,
                                                 guint                   row,
                                                 guint                   index);
/* The span of one unit in days, roughly (for choosing and for tests). */
double             tranche_tick_unit_days       (TrancheTickUnit         unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheTicks, tranche_ticks_free)

G_END_DECLS
