/* tranche-viewport.h: the time range every chart in a window shows
 *
 * The timeline, valuation and cumulative charts share one viewport, so a zoom
 * or pan in any of them moves all; the pointer's day is shared too, for the
 * crosshair that runs through all three.
 */
#pragma once

#include <glib-object.h>

#include "tranche-date.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_VIEWPORT (tranche_viewport_get_type ())

G_DECLARE_FINAL_TYPE (TrancheViewport, tranche_viewport, TRANCHE, VIEWPORT, GObject)

TrancheViewport *tranche_viewport_new             (void);
/* Notifies "range" once for both ends. */
void             tranche_viewport_set_range       (TrancheViewport *self,
                                                   TrancheDay       first,
                                                   TrancheDay       end);
gboolean         tranche_viewport_get_range       (TrancheViewport *self,
                                                   TrancheDay      *first,
                                                   TrancheDay      *end);
/* Forgets the range, so the next chart to lay out fits a new dataset. */
void             tranche_viewport_clear_range     (TrancheViewport *self);
/* Where the time axis runs in every chart, in widget pixels: the timeline
 * sets it after laying out its lane headers, and the other charts align
 * their plots to it, so one day has one x in all three. */
void             tranche_viewport_set_plot        (TrancheViewport *self,
                                                   double           x,
                                                   double           width);
gboolean         tranche_viewport_get_plot        (TrancheViewport *self,
                                                   double          *x,
                                                   double          *width);
/* The day under the pointer in any chart, or NAN when the pointer is out. */
void             tranche_viewport_set_pointer_day (TrancheViewport *self,
                                                   TrancheDay       day);
TrancheDay       tranche_viewport_get_pointer_day (TrancheViewport *self);

G_END_DECLS
