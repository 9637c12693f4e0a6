/* tranche-slide.h: the pages of a presentation, painted
 *
 * Every slide of a presentation (tranche-presentation.h) is painted here,
 * whole, into the cairo context it is given: the title slide; an event
 * slide (an overview strip of the whole period with the event marked, the
 * timeline across the slide's full width with the event emphasised, a
 * legend of what the slide shows, the headline, summary and quotes, the
 * news around it, and the previous and next events beside arrows); then
 * the valuation, cumulative-funding, summary and sources slides. The
 * window's presentation mode and a deck's pages both paint with a
 * TrancheSlidePainter, so the projector and the PDF show the same slide;
 * presentation mode also asks it what a click at (x, y) goes to.
 */
#pragma once

#include <cairo.h>

#include "tranche-lane-index.h"
#include "tranche-presentation.h"
#include "tranche-theme.h"

G_BEGIN_DECLS

typedef struct _TrancheSlidePainter TrancheSlidePainter;

/* Type size for a slide: its height over 700 (about 1.5 on a 1080-line
 * projector), so the room reads it as the analyst reads the window. */
double               tranche_slide_type_scale        (double                width,
                                                      double                height);

/* Paints `presentation`'s slides, which must outlive the painter. */
TrancheSlidePainter *tranche_slide_painter_new       (TranchePresentation  *presentation,
                                                      TrancheLaneMode       lane_mode);
void                 tranche_slide_painter_free      (TrancheSlidePainter  *self);
/* The seconds between slides when they advance by themselves, said on
 * each slide; 0 (the default, and a deck's) for none. */
void                 tranche_slide_painter_set_auto_advance (TrancheSlidePainter *self,
                                                             guint                seconds);
/* Paints the slide at `position` over (0, 0, width, height). `range`, when
 * not NULL, is the [first, end) an event slide's timeline shows instead of
 * its step's (presentation mode moves from one to the next). */
void                 tranche_slide_painter_paint     (TrancheSlidePainter  *self,
                                                      cairo_t              *cr,
                                                      const TrancheTheme   *theme,
                                                      guint                 position,
                                                      double                width,
                                                      double                height,
                                                      const TrancheDay     *range);
/* The position a click at (x, y) on the slide at `position` goes to (an
 * arrow, the overview strip), or G_MAXUINT when it is on neither. */
guint                tranche_slide_painter_hit_test  (TrancheSlidePainter  *self,
                                                      const TrancheTheme   *theme,
                                                      guint                 position,
                                                      double                width,
                                                      double                height,
                                                      double                x,
                                                      double                y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheSlidePainter, tranche_slide_painter_free)

G_END_DECLS
