/* tranche-caption.h: what a presentation says about one event
 *
 * The caption under the timeline on a presentation slide (and on the same
 * page of a deck): when, how much, what, between whom, and the passage of
 * the source that says so. The text is built once from the dataset; the
 * painter fits it into a rectangle, dropping later quotes before cutting
 * one short. All of it is plain text from the file, never markup.
 */
#pragma once

#include <cairo.h>

#include "tranche-dataset.h"
#include "tranche-theme.h"

G_BEGIN_DECLS

typedef struct
{
  char *text;    /* the passage as the file gives it */
  char *source;  /* "Title (Publisher, Nov 2023)", or the source id when unknown */
} TrancheCaptionQuote;

typedef struct
{
  guint      event;
  char      *date;     /* "2023", "Jan 2023 – 2026" */
  char      *amount;   /* "$10B", "~$29B", "undisclosed"; NULL when the event has none */
  char      *title;
  gboolean   amount_in_title; /* the title states the amount already: say it once */
  char      *parties;  /* "Microsoft → OpenAI", or NULL */
  char      *facts;    /* "Tranche 3 · valuation ~$29B · reported total $13B", or NULL */
  char      *summary;  /* the event's summary from the file, or NULL */
  GPtrArray *quotes;   /* TrancheCaptionQuote, in the file's order */
} TrancheCaption;

TrancheCaption *tranche_caption_new   (TrancheDataset       *dataset,
                                       guint                 event);
void            tranche_caption_free  (TrancheCaption       *self);
/* A source as captions and footers name it: "Title (Publisher, Nov 2023)". */
char           *tranche_caption_describe_source (const TrancheSource *source);
/* Paints the caption inside (x, y, width, height) and nothing outside it,
 * in type for the back of a meeting room: a headline half again the
 * theme's title size, quotes a third larger than its text. Returns how
 * many quotes fitted. */
guint           tranche_caption_paint (const TrancheCaption *self,
                                       cairo_t              *cr,
                                       const TrancheTheme   *theme,
                                       double                x,
                                       double                y,
                                       double                width,
                                       double                height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheCaption, tranche_caption_free)

G_END_DECLS
