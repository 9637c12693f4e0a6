/* tranche-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-mask.h"
#include "tranche-presentation.h"

/* A step's range is this share of the shown events' whole range: wide
 * enough that the neighbours are in view, narrow enough that moving from
 * one step to the next is visible. */
#define WINDOW_SHARE     0.5
/* Never narrower than a quarter, so a single day still has context. */
#define MIN_WINDOW_DAYS  91.0
/* An event with an end gets its whole span and a margin on both sides. */
#define SPAN_MARGIN      1.3

/* At most the four slides about the whole period follow the steps. */
#define MAX_CLOSING 4

struct _TranchePresentation
{
  TrancheDataset  *dataset;
  GBytes          *mask;
  GArray          *events;   /* guint: the steps' events, in date order */
  GArray          *sources;  /* guint32: cited sources, first citation first */
  TrancheDay       first;    /* the shown events' range */
  TrancheDay       end;
  TrancheSlideKind closing[MAX_CLOSING];
  guint            n_closing;
};

static gboolean
is_money (const TrancheEvent *event)
{
  return (event->kind == TRANCHE_EVENT_INVESTMENT || event->kind == TRANCHE_EVENT_COMMITMENT
          || event->kind == TRANCHE_EVENT_ACQUISITION)
         && tranche_money_is_present (&event->amount);
}

/* The slides after the steps, each only when the shown events give it
 * something to say. */
static void
choose_closing (TranchePresentation *self)
{
  gboolean valuation = FALSE, money = FALSE;

  for (guint i = 0; i < self->events->len; i++)
    {
      const TrancheEvent *event =
        tranche_dataset_get_event (self->dataset, g_array_index (self->events, guint, i));

      valuation |= tranche_money_is_present (&event->valuation);
      money |= is_money (event);
    }
  if (valuation)
    self->closing[self->n_closing++] = TRANCHE_SLIDE_VALUATION;
  if (money)
    {
      self->closing[self->n_closing++] = TRANCHE_SLIDE_CUMULATIVE;
      self->closing[self->n_closing++] = TRANCHE_SLIDE_SUMMARY;
    }
  if (self->sources->len > 0)
    self->closing[self->n_closing++] = TRANCHE_SLIDE_SOURCES;
}

TranchePresentation *
tranche_presentation_new (TrancheDataset *dataset,
                          GBytes         *mask)
{
  TranchePresentation *self;
  const guint8 *bytes = NULL;
  guint n;
  g_autofree guint8 *cited = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (tranche_mask_bytes_fit (mask, dataset), NULL);

  self = g_new0 (TranchePresentation, 1);
  self->dataset = tranche_dataset_ref (dataset);
  self->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
  self->events = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sources = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->first = G_MAXDOUBLE;
  self->end = -G_MAXDOUBLE;
  if (mask != NULL)
    bytes = g_bytes_get_data (mask, NULL);
  cited = g_new0 (guint8, MAX (tranche_dataset_get_n_sources (dataset), 1));

  /* The dataset is sorted by date, then by file order: exactly the order
   * an analyst tells the story in. */
  n = tranche_dataset_get_n_events (dataset);
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (dataset, i);

      if (bytes != NULL && bytes[i] == 0)
        continue;
      g_array_append_val (self->events, i);
      self->first = MIN (self->first, event->first_day);
      self->end = MAX (self->end, event->end_day);
      for (guint c = 0; c < event->n_citations; c++)
        {
          const TrancheCitation *citation = tranche_dataset_event_citation (dataset, event, c);

          if (citation->source != TRANCHE_NO_ENTITY && !cited[citation->source])
            {
              cited[citation->source] = 1;
              g_array_append_val (self->sources, citation->source);
            }
        }
    }
  choose_closing (self);
  return self;
}

void
tranche_presentation_free (TranchePresentation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_free (self);
}

TrancheDataset *
tranche_presentation_get_dataset (TranchePresentation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

GBytes *
tranche_presentation_get_mask (TranchePresentation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mask;
}

guint
tranche_presentation_get_n_steps (TranchePresentation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

guint
tranche_presentation_get_n_positions (TranchePresentation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len + 1 + self->n_closing;
}

TrancheSlideKind
tranche_presentation_get_kind (TranchePresentation *self,
                               guint                position)
{
  g_return_val_if_fail (self != NULL, TRANCHE_SLIDE_TITLE);
  g_return_val_if_fail (position < tranche_presentation_get_n_positions (self),
                        TRANCHE_SLIDE_TITLE);

  if (position == 0)
    return TRANCHE_SLIDE_TITLE;
  if (position <= self->events->len)
    return TRANCHE_SLIDE_EVENT;
  return self->closing[position - 1 - self->events->len];
}

guint
tranche_presentation_get_step_at (TranchePresentation *self,
                                  guint                position)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);
  return position >= 1 && position <= self->events->len ? position - 1 : G_MAXUINT;
}

guint
tranche_presentation_find_position (TranchePresentation *self,
                                    TrancheSlideKind     kind,
                                    guint                step)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  if (kind == TRANCHE_SLIDE_TITLE)
    return 0;
  if (kind == TRANCHE_SLIDE_EVENT)
    return step < self->events->len ? step + 1 : G_MAXUINT;
  for (guint i = 0; i < self->n_closing; i++)
    if (self->closing[i] == kind)
      return 1 + self->events->len + i;
  return G_MAXUINT;
}

const guint32 *
tranche_presentation_get_sources (TranchePresentation *self,
                                  guint               *n_sources)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = self->sources->len;
  return (const guint32 *) self->sources->data;
}

guint
tranche_presentation_get_event (TranchePresentation *self,
                                guint                step)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (step < self->events->len, G_MAXUINT);
  return g_array_index (self->events, guint, step);
}

guint
tranche_presentation_find_step (TranchePresentation *self,
                                guint                event)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  /* Steps hold increasing event indices: binary search. */
  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->events, guint, mid) < event)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < self->events->len && g_array_index (self->events, guint, lo) == event
         ? lo : G_MAXUINT;
}

void
tranche_presentation_get_range (TranchePresentation *self,
                                guint                step,
                                TrancheDay          *first,
                                TrancheDay          *end)
{
  const TrancheEvent *event;
  TrancheDay centre, window;

  g_return_if_fail (self != NULL);
  g_return_if_fail (step < self->events->len);
  g_return_if_fail (first != NULL && end != NULL);

  event = tranche_dataset_get_event (self->dataset, g_array_index (self->events, guint, step));
  window = MAX ((self->end - self->first) * WINDOW_SHARE, MIN_WINDOW_DAYS);
  window = MAX (window, (event->end_day - event->first_day) * SPAN_MARGIN);
  /* The middle of the event's whole span: a "2021" event sits mid-2021, a
   * multi-year commitment has its bar in the middle of the view. */
  centre = (event->first_day + event->end_day) / 2;
  *first = centre - window / 2;
  *end = centre + window / 2;
}

TrancheCaption *
tranche_presentation_get_caption (TranchePresentation *self,
                                  guint                step)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (step < self->events->len, NULL);
  return tranche_caption_new (self->dataset, g_array_index (self->events, guint, step));
}

char *
tranche_presentation_describe (TranchePresentation *self)
{
  guint n_all, n_steps;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  n_all = tranche_dataset_get_n_events (self->dataset);
  n_steps = self->events->len;
  if (n_steps < n_all)
    /* Translators: on a presentation's title slide, under a filter */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u event",
                                               "%u of %u events", n_all), n_steps, n_all);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                               n_steps), n_steps);
  if (n_steps > 0)
    {
      int y0, y1;

      tranche_day_to_ymd (self->first, &y0, NULL, NULL);
      tranche_day_to_ymd (self->end - 1, &y1, NULL, NULL);
      if (y0 == y1)
        g_string_append_printf (text, " · %d", y0);
      else
        g_string_append_printf (text, " · %d–%d", y0, y1);
    }
  if (self->sources->len > 0)
    {
      g_string_append (text, " · ");
      /* Translators: on a presentation's title slide, "1 source" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                                 self->sources->len), self->sources->len);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
