/* tranche-chart-stack.h: the charts of a page, stacked on one time axis
 *
 * What an export, a copied image or a deck page holds: the timeline, the
 * valuation chart and the cumulative-funding chart (any of them, in that
 * order top to bottom) sharing the timeline's plot x-extent, so one day has
 * one x in all of them, as in the window. Above them, optionally, the
 * dataset's title with a line saying what is shown; below, optionally, a
 * footer naming the cited sources and the period shown.
 *
 * Set it up, lay it out for a size and a range, then paint it any number
 * of times (the selection costs no layout). Tests read the scene.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tranche-dataset.h"
#include "tranche-label-placer.h"
#include "tranche-lane-index.h"
#include "tranche-theme.h"
#include "tranche-time-scale.h"
#include "tranche-timeline-layout.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_STACK_TIMELINE   = 1 << 0,
  TRANCHE_STACK_VALUATION  = 1 << 1,
  TRANCHE_STACK_CUMULATIVE = 1 << 2,
  TRANCHE_STACK_ALL        = 0x7,
} TrancheStackChart;

typedef struct _TrancheChartStack TrancheChartStack;

/* "timeline", "valuation", "cumulative", "all", or several joined by
 * commas ("timeline,cumulative"); FALSE for anything else. */
gboolean           tranche_chart_stack_parse_views (const char         *text,
                                                    guint              *views);

TrancheChartStack *tranche_chart_stack_new           (void);
void               tranche_chart_stack_free          (TrancheChartStack  *self);

/* `mask`: one byte per event (TrancheFilter), NULL for all. */
void               tranche_chart_stack_set_dataset   (TrancheChartStack  *self,
                                                      TrancheDataset     *dataset,
                                                      GBytes             *mask);
TrancheDataset    *tranche_chart_stack_get_dataset   (TrancheChartStack  *self);
void               tranche_chart_stack_set_theme     (TrancheChartStack  *self,
                                                      const TrancheTheme *theme);
const TrancheTheme *tranche_chart_stack_get_theme    (TrancheChartStack  *self);
/* TrancheStackChart bits; 0 is taken as the timeline. */
void               tranche_chart_stack_set_views     (TrancheChartStack  *self,
                                                      guint               views);
guint              tranche_chart_stack_get_views     (TrancheChartStack  *self);
void               tranche_chart_stack_set_lane_mode (TrancheChartStack  *self,
                                                      TrancheLaneMode     mode);
void               tranche_chart_stack_set_show_title (TrancheChartStack *self,
                                                       gboolean           show);
void               tranche_chart_stack_set_show_footer (TrancheChartStack *self,
                                                        gboolean           show);
/* The range the caller asked for (--from, --to), which the subtitle states;
 * NAN at either end: the data's. */
void               tranche_chart_stack_set_asked_range (TrancheChartStack *self,
                                                        TrancheDay         first,
                                                        TrancheDay         end);
/* A title and subtitle of the caller's instead of the dataset's title and
 * the events, years and currency shown; NULL keeps each as it is. */
void               tranche_chart_stack_set_title_text (TrancheChartStack *self,
                                                       const char        *title,
                                                       const char        *subtitle);
/* Where the timeline's "today" line goes; NAN for none. */
void               tranche_chart_stack_set_today     (TrancheChartStack  *self,
                                                      TrancheDay          today);

/* The range that shows every event at this size; FALSE with no events. */
gboolean           tranche_chart_stack_fit_range     (TrancheChartStack  *self,
                                                      double              width,
                                                      double              height,
                                                      TrancheDay         *first,
                                                      TrancheDay         *end);
void               tranche_chart_stack_layout        (TrancheChartStack  *self,
                                                      double              width,
                                                      double              height,
                                                      TrancheDay          first,
                                                      TrancheDay          end);
/* Paints (0, 0) .. (width, height) and nothing outside; `selected` is an
 * event to highlight in every chart, or -1. */
void               tranche_chart_stack_paint         (TrancheChartStack  *self,
                                                      cairo_t            *cr,
                                                      int                 selected);

/* The scene, after a layout. */
double             tranche_chart_stack_get_width     (TrancheChartStack  *self);
double             tranche_chart_stack_get_height    (TrancheChartStack  *self);
/* The time scale every chart shares (its x range is the plots'). */
const TrancheTimeScale *tranche_chart_stack_get_scale (TrancheChartStack *self);
/* Where a chart is drawn; FALSE when it is not in the stack. */
gboolean           tranche_chart_stack_get_rect      (TrancheChartStack  *self,
                                                      TrancheStackChart   view,
                                                      TrancheRect        *rect);
/* The timeline's scene (its coordinates start at its rect's top-left), or
 * NULL when the stack has no timeline. */
TrancheTimelineLayout *tranche_chart_stack_get_timeline (TrancheChartStack *self);
/* The title and its second line, and the footer; NULL when not shown. */
const char        *tranche_chart_stack_get_title     (TrancheChartStack  *self,
                                                      TrancheRect        *rect);
const char        *tranche_chart_stack_get_subtitle  (TrancheChartStack  *self,
                                                      TrancheRect        *rect);
const char        *tranche_chart_stack_get_footer    (TrancheChartStack  *self,
                                                      TrancheRect        *rect);

/* "Sources: Title (Publisher, Nov 2023) · Period shown: Sep 2017 – Apr 2024":
 * the sources cited by the events shown (`mask`) in [first, end), in the
 * order they are first cited. */
char              *tranche_chart_stack_footer_text   (TrancheDataset     *dataset,
                                                      GBytes             *mask,
                                                      TrancheDay          first,
                                                      TrancheDay          end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheChartStack, tranche_chart_stack_free)

G_END_DECLS
