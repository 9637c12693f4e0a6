/* tranche-chart-private.h: what tests read of a TrancheChart's caching */
#pragma once

#include "tranche-chart.h"

G_BEGIN_DECLS

/* How many times the chart was laid out, and how many overlays (crosshairs)
 * were painted over it, since it was made: a pointer move must add an
 * overlay and no layout. */
guint tranche_chart_get_n_layouts  (TrancheChart *self);
guint tranche_chart_get_n_overlays (TrancheChart *self);

G_END_DECLS
