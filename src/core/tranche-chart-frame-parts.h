/* tranche-chart-frame-parts.h: what the chart frame's files share
 *
 * tranche-chart-frame.c lays the frame out and paints it;
 * tranche-chart-frame-legend.c flows the legend into the header;
 * tranche-chart-frame-readout.c draws the crosshair's readout. Only these
 * files include this header (tests read tranche-chart-frame-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tranche-chart-frame.h"
#include "tranche-label-placer.h"
#include "tranche-text-cache.h"
#include "tranche-ticks.h"

G_BEGIN_DECLS

/* The readout lists this many series; more would hide the chart under it. */
#define MAX_READOUT_LINES 10

struct _TrancheChartFrame
{
  TrancheTheme          theme;
  TrancheChartOptions   options;
  TrancheTimeScale      scale;
  TrancheRect           rect;
  TrancheRect           plot;

  TrancheTextCache     *text;         /* context, fonts and shaped text */
  GPtrArray            *layouts;      /* every PangoLayout of the frame, to free */
  PangoLayout          *label_layouts[2]; /* for painting labels, regular and bold */
  GStringChunk         *strings;

  const char           *title;
  const char           *empty_text;
  PangoLayout          *title_layout;
  TrancheRect           title_rect;
  GArray               *notes;        /* TrancheChartNote in the header: the first band's
                                       * note, then the chart's */
  GPtrArray            *note_texts;   /* added with add_note(), until layout */
  PangoLayout          *empty_layout;
  TrancheRect           empty_rect;
  GArray               *legend;       /* TrancheChartLegendItem */
  GArray               *bands;        /* TrancheChartBand */
  GArray               *ticks;        /* TrancheChartTick */
  gboolean              labels_inside;
  double                gutter_width;
  TrancheTicks         *time_ticks;
  PangoLayout          *time_layouts[2];
  double                time_y[2];
  TrancheLabelPlacer   *placer;
  GArray               *landmarks;    /* TrancheRect the readout should not hide */
  double                small_height;
};

static inline double
S (TrancheChartFrame *self,
   double             size)
{
  return tranche_theme_size (&self->theme, size);
}

/* legend */
guint    tranche_chart_frame_flow_legend      (TrancheChartFrame *self,
                                               double             left_first_row,
                                               double             left,
                                               double             right,
                                               double             y,
                                               double             row_height,
                                               guint              max_rows,
                                               double             gap);
gboolean tranche_chart_frame_legend_all_shown (TrancheChartFrame *self);

/* painting */
void     tranche_chart_frame_clip_to_rect     (cairo_t           *cr,
                                               const TrancheRect *rect);

G_END_DECLS
