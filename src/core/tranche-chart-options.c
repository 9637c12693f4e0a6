/* tranche-chart-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-chart-options.h"

void
tranche_chart_options_init (TrancheChartOptions *self)
{
  g_return_if_fail (self != NULL);

  self->y_mode = TRANCHE_AXIS_AUTO;
  self->show_pairs = FALSE;
  self->show_legend = TRUE;
  self->show_time_axis = TRUE;
}
