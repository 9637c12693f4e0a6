/* tranche-presentation.h: the steps of a presentation
 *
 * A presentation is a title slide, then one step per event shown (the
 * window's filter decides which), in date order: the dataset's order. Each
 * step names its event and the range of days the timeline shows for it:
 * the event in the middle, with room for its neighbours and for its whole
 * span. The window's presentation mode and the deck export both walk these
 * steps, so they can't disagree on order, ranges or captions.
 *
 * Positions count the title slide: position 0 is the title, position i > 0
 * is step i - 1.
 */
#pragma once

#include <glib.h>

#include "tranche-caption.h"
#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef struct _TranchePresentation TranchePresentation;

/* `mask`: one byte per event (TrancheFilter), NULL for every event. */
TranchePresentation *tranche_presentation_new         (TrancheDataset      *dataset,
                                                       GBytes              *mask);
void                 tranche_presentation_free        (TranchePresentation *self);
TrancheDataset      *tranche_presentation_get_dataset (TranchePresentation *self);

guint                tranche_presentation_get_n_steps (TranchePresentation *self);
/* Steps plus the title slide. */
guint                tranche_presentation_get_n_positions (TranchePresentation *self);
guint                tranche_presentation_get_event   (TranchePresentation *self,
                                                       guint                step);
/* The step showing `event`, or G_MAXUINT when it is filtered out. */
guint                tranche_presentation_find_step   (TranchePresentation *self,
                                                       guint                event);
/* The days the timeline shows for a step: [first, end). */
void                 tranche_presentation_get_range   (TranchePresentation *self,
                                                       guint                step,
                                                       TrancheDay          *first,
                                                       TrancheDay          *end);
/* The caption of a step; free with tranche_caption_free(). */
TrancheCaption      *tranche_presentation_get_caption (TranchePresentation *self,
                                                       guint                step);
/* "9 events · 2018–2023 · 1 source" (with "5 of 9 events" under a filter),
 * for the title slide. */
char                *tranche_presentation_describe    (TranchePresentation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TranchePresentation, tranche_presentation_free)

G_END_DECLS
