/* tranche-chart-frame-private.h: what tests read of a frame's memory */
#pragma once

#include "tranche-chart-frame.h"

G_BEGIN_DECLS

/* The PangoLayouts the frame holds until its next reset: made by a layout,
 * never by painting. */
guint tranche_chart_frame_get_n_layouts (TrancheChartFrame *self);

G_END_DECLS
