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

struct _TranchePresentation
{
  TrancheDataset *dataset;
  GArray         *events;   /* guint: the steps' events, in date order */
  TrancheDay      first;    /* the shown events' range */
  TrancheDay      end;
  guint           n_sources;
};

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
  self->events = g_array_new (FALSE, FALSE, sizeof (guint));
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
              self->n_sources++;
            }
        }
    }
  return self;
}

void
tranche_presentation_free (TranchePresentation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_free (self);
}

TrancheDataset *
tranche_presentation_get_dataset (TranchePresentation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
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
  return self->events->len + 1;
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
  if (self->n_sources > 0)
    {
      g_string_append (text, " · ");
      /* Translators: on a presentation's title slide, "1 source" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                                 self->n_sources), self->n_sources);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
