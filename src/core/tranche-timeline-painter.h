/* tranche-timeline-painter.h: paints a laid-out timeline into any cairo context
 *
 * The window, PNG, SVG and PDF all go through here, so what the analyst sees
 * on screen is what lands on the slide. Painting reads the scene only: paint
 * as often as needed (hover, selection) without laying out again.
 */
#pragma once

#include <cairo.h>

#include "tranche-timeline-layout.h"

G_BEGIN_DECLS

/* Paints the scene at (0, 0) .. (width, height) of the layout, in its
 * theme's colours; nothing is drawn outside that rectangle. `selected` and
 * `hovered` are event indices or -1: an event inside a cluster highlights
 * the cluster, one hidden in a density strip still gets a mark where it is.
 * `pointer_day` draws the crosshair shared with the other charts (NAN: none). */
void tranche_timeline_painter_paint (TrancheTimelineLayout *layout,
                                     cairo_t               *cr,
                                     int                    selected,
                                     int                    hovered,
                                     double                 pointer_day);

G_END_DECLS
