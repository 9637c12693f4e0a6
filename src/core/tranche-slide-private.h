/* tranche-slide-private.h: what the slide painters share, and what tests read
 *
 * tranche-slide.c holds the painter, the title slide, the heading and the
 * progress every slide has; tranche-slide-event.c the event slides;
 * tranche-slide-pages.c the slides after them.
 */
#pragma once

#include <pango/pango.h>

#include "tranche-chart.h"
#include "tranche-slide.h"
#include "tranche-timeline-layout.h"
#include "tranche-totals.h"

G_BEGIN_DECLS

struct _TrancheSlidePainter
{
  TranchePresentation   *presentation;  /* not owned */
  TrancheLaneMode        lane_mode;
  TrancheTimelineLayout *timeline;
  TrancheChart          *valuation;
  TrancheChart          *cumulative;
  guint                  auto_advance;
  GPtrArray             *legend;        /* char *: the last event slide's legend texts */
};

/* Where the parts of an event slide go. */
typedef struct
{
  TrancheRect overview;  /* the whole period, the event marked */
  TrancheRect chart;     /* the timeline */
  TrancheRect legend;    /* one line under it */
  TrancheRect caption;   /* headline, summary, quotes */
  TrancheRect aside;     /* the news around the event */
  TrancheRect previous;  /* the arrows, with the neighbours' titles */
  TrancheRect next;
  TrancheRect progress;  /* "3 / 14" and a thin bar along the bottom edge */
} TrancheSlideGeometry;

void         tranche_slide_get_geometry    (const TrancheTheme   *theme,
                                            double                width,
                                            double                height,
                                            TrancheSlideGeometry *geometry);
PangoLayout *tranche_slide_text            (PangoContext         *context,
                                            const TrancheTheme   *theme,
                                            const char           *text,
                                            double                size,
                                            gboolean              bold,
                                            double                width,
                                            int                   max_lines);
double       tranche_slide_text_height     (PangoLayout          *layout);
/* The background, a slide's title (and subtitle) at the top left; returns
 * the y where the slide's content starts. */
double       tranche_slide_paint_heading   (cairo_t              *cr,
                                            const TrancheTheme   *theme,
                                            PangoContext         *context,
                                            const char           *title,
                                            const char           *subtitle,
                                            double                width,
                                            double                height);
void         tranche_slide_paint_progress  (TrancheSlidePainter  *self,
                                            cairo_t              *cr,
                                            const TrancheTheme   *theme,
                                            guint                 position,
                                            double                width,
                                            double                height);
/* A slide's name as the arrows say it: an event's title, "Valuation"… */
char        *tranche_slide_describe        (TrancheSlidePainter  *self,
                                            guint                 position);

void         tranche_slide_paint_event     (TrancheSlidePainter  *self,
                                            cairo_t              *cr,
                                            const TrancheTheme   *theme,
                                            guint                 position,
                                            double                width,
                                            double                height,
                                            const TrancheDay     *range);
guint        tranche_slide_event_hit_test  (TrancheSlidePainter  *self,
                                            const TrancheTheme   *theme,
                                            guint                 position,
                                            double                width,
                                            double                height,
                                            double                x,
                                            double                y);

void         tranche_slide_paint_valuation (TrancheSlidePainter  *self,
                                            cairo_t              *cr,
                                            const TrancheTheme   *theme,
                                            double                width,
                                            double                height);
void         tranche_slide_paint_cumulative (TrancheSlidePainter *self,
                                             cairo_t             *cr,
                                             const TrancheTheme  *theme,
                                             double               width,
                                             double               height);
void         tranche_slide_paint_summary   (TrancheSlidePainter  *self,
                                            cairo_t              *cr,
                                            const TrancheTheme   *theme,
                                            double                width,
                                            double                height);
void         tranche_slide_paint_sources   (TrancheSlidePainter  *self,
                                            cairo_t              *cr,
                                            const TrancheTheme   *theme,
                                            double                width,
                                            double                height);

/* The cells of the cumulative slide's reconciliation row for a gap: what
 * the events add up to, the reported figure and the verdict, worded as
 * --summary words them. */
void         tranche_slide_describe_gap    (TrancheDataset       *dataset,
                                            const TrancheGap     *gap,
                                            char                **computed,
                                            char                **reported,
                                            char                **verdict);
/* The summary slide's rows: --summary's lines (TrancheSummaryLine) for the
 * events shown, each target's first, then its investors, most received
 * first. */
GArray      *tranche_slide_summary_lines   (TrancheDataset       *dataset,
                                            GBytes               *mask);

/* For tests: the timeline of the last event slide painted, and the texts
 * of its legend. */
TrancheTimelineLayout *tranche_slide_painter_get_timeline (TrancheSlidePainter *self);
GPtrArray   *tranche_slide_painter_get_legend (TrancheSlidePainter *self);

G_END_DECLS
