/* tranche-presentation.h: the steps of a presentation
 *
 * A presentation is a title slide, then one step per event shown (the
 * window's filter decides which), in date order: the dataset's order. Each
 * step names its event and the range of days the timeline shows for it:
 * the event in the middle, with room for its neighbours and for its whole
 * span. The window's presentation mode and the deck export both walk these
 * steps, so they can't disagree on order, ranges or captions.
 *
 * Positions count every slide: position 0 is the title, positions 1 to
 * n_steps are the steps (step i is position i + 1), and after them come
 * the slides about the whole period, each only when it has something to
 * show: valuation, cumulative funding, the summary per investor and the
 * sources cited.
 */
#pragma once

#include <glib.h>

#include "tranche-caption.h"
#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef struct _TranchePresentation TranchePresentation;

typedef enum
{
  TRANCHE_SLIDE_TITLE = 0,
  TRANCHE_SLIDE_EVENT,
  TRANCHE_SLIDE_VALUATION,
  TRANCHE_SLIDE_CUMULATIVE,
  TRANCHE_SLIDE_SUMMARY,
  TRANCHE_SLIDE_SOURCES,
} TrancheSlideKind;

/* `mask`: one byte per event (TrancheFilter), NULL for every event. */
TranchePresentation *tranche_presentation_new         (TrancheDataset      *dataset,
                                                       GBytes              *mask);
void                 tranche_presentation_free        (TranchePresentation *self);
TrancheDataset      *tranche_presentation_get_dataset (TranchePresentation *self);
/* The mask the presentation was made with (NULL for every event). */
GBytes              *tranche_presentation_get_mask    (TranchePresentation *self);

guint                tranche_presentation_get_n_steps (TranchePresentation *self);
/* Every slide: the title, the steps and the slides after them. */
guint                tranche_presentation_get_n_positions (TranchePresentation *self);
TrancheSlideKind     tranche_presentation_get_kind    (TranchePresentation *self,
                                                       guint                position);
/* The step shown at `position`, or G_MAXUINT when it shows no step. */
guint                tranche_presentation_get_step_at (TranchePresentation *self,
                                                       guint                position);
/* The position of the slide of a kind (of step `step` for an event
 * slide), or G_MAXUINT when the presentation has none. */
guint                tranche_presentation_find_position (TranchePresentation *self,
                                                         TrancheSlideKind     kind,
                                                         guint                step);
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
/* The sources the shown events cite, in the order they are first cited:
 * `n_sources` source indices. */
const guint32       *tranche_presentation_get_sources (TranchePresentation *self,
                                                       guint               *n_sources);
/* The caption of a step; free with tranche_caption_free(). */
TrancheCaption      *tranche_presentation_get_caption (TranchePresentation *self,
                                                       guint                step);
/* "9 events · 2018–2023 · 1 source" (with "5 of 9 events" under a filter),
 * for the title slide. */
char                *tranche_presentation_describe    (TranchePresentation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TranchePresentation, tranche_presentation_free)

G_END_DECLS
