/* tranche-slide.h: the pages of a presentation, painted
 *
 * A presentation slide is the timeline on top, showing a step's range with
 * its event highlighted, and the step's caption under it, with a discreet
 * progress bar along the bottom edge; before the steps comes a title slide.
 * The window's presentation mode puts its live timeline where the geometry
 * says and paints the rest with these functions; a deck page paints all of
 * it. So the projector and the PDF show the same slide.
 */
#pragma once

#include <cairo.h>

#include "tranche-label-placer.h"
#include "tranche-presentation.h"
#include "tranche-theme.h"
#include "tranche-timeline-layout.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheRect chart;     /* the timeline */
  TrancheRect caption;   /* the caption's text */
  TrancheRect progress;  /* the strip along the bottom edge */
} TrancheSlideGeometry;

/* Type size for a slide: its height over 700 (about 1.5 on a 1080-line
 * projector), so the room reads it as the analyst reads the window. */
double tranche_slide_type_scale    (double                width,
                                    double                height);
void   tranche_slide_get_geometry  (const TrancheTheme   *theme,
                                    double                width,
                                    double                height,
                                    TrancheSlideGeometry *geometry);

/* The title slide: the dataset's title, its description and what the
 * presentation shows, over the whole (0, 0, width, height). */
void   tranche_slide_paint_title   (cairo_t              *cr,
                                    const TrancheTheme   *theme,
                                    TranchePresentation  *presentation,
                                    double                width,
                                    double                height);
/* Everything of a step's slide but the timeline: the background under the
 * caption, the caption, and the progress ("3 / 14" and a thin bar). */
void   tranche_slide_paint_caption (cairo_t              *cr,
                                    const TrancheTheme   *theme,
                                    TranchePresentation  *presentation,
                                    guint                 step,
                                    double                width,
                                    double                height);
/* A whole step's slide, the timeline included: `layout` is set up by the
 * caller (dataset, mask, lane mode, `theme`) and laid out here. */
void   tranche_slide_paint_step    (cairo_t              *cr,
                                    const TrancheTheme   *theme,
                                    TrancheTimelineLayout *layout,
                                    TranchePresentation  *presentation,
                                    guint                 step,
                                    double                width,
                                    double                height);

G_END_DECLS
