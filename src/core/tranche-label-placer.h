/* tranche-label-placer.h: finds room for labels so none covers another
 *
 * Obstacles (markers as circles, bars and placed labels as rectangles) go in
 * columns of a coarse grid, so testing a candidate only looks at its
 * neighbours: placing a few hundred labels among thousands of markers stays
 * well under a millisecond.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} TrancheRect;

typedef struct _TrancheLabelPlacer TrancheLabelPlacer;

/* Labels must stay inside `bounds`; `padding` is kept free around each. */
TrancheLabelPlacer *tranche_label_placer_new          (const TrancheRect  *bounds,
                                                       double              padding);
/* The room kept left and right of a label beside a rectangle (another
 * label), wider than `padding` so two labels on a line don't read as one. */
void                tranche_label_placer_set_side_gap (TrancheLabelPlacer *self,
                                                       double              gap);
void                tranche_label_placer_free         (TrancheLabelPlacer *self);
void                tranche_label_placer_add_circle   (TrancheLabelPlacer *self,
                                                       double              x,
                                                       double              y,
                                                       double              radius);
void                tranche_label_placer_add_rect     (TrancheLabelPlacer *self,
                                                       const TrancheRect  *rect);
/* TRUE when `rect` is inside the bounds and clear of every obstacle;
 * `ignore_x/y` names one circle (the label's own marker) not to count. */
gboolean            tranche_label_placer_is_free      (TrancheLabelPlacer *self,
                                                       const TrancheRect  *rect,
                                                       double              ignore_x,
                                                       double              ignore_y);
gboolean            tranche_rect_intersects           (const TrancheRect  *a,
                                                       const TrancheRect  *b);
gboolean            tranche_rect_contains             (const TrancheRect  *rect,
                                                       double              x,
                                                       double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheLabelPlacer, tranche_label_placer_free)

G_END_DECLS
