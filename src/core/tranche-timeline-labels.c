/* tranche-timeline-labels.c: labels placed around markers and clusters where they hide nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tranche-format.h"
#include "tranche-timeline-layout-private.h"

/* Labels tried per scene: more would not fit on any screen anyway. */
#define MAX_LABEL_TRIES 400

/* Something that wants a label, ordered by how much it matters. */
typedef struct
{
  double            priority;
  TrancheLabelOwner owner;
  guint             index;
} LabelRequest;

static int
compare_requests (const void *a,
                  const void *b)
{
  const LabelRequest *ra = a, *rb = b;

  if (ra->priority != rb->priority)
    return ra->priority > rb->priority ? -1 : 1;
  if (ra->owner != rb->owner)
    return ra->owner < rb->owner ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static void
marker_label_text (TrancheTimelineLayout *self,
                   const TrancheEvent    *event,
                   char                 **text,
                   char                 **detail,
                   gsize                 *bold_len)
{
  g_autofree char *money = NULL;

  if (event->kind == TRANCHE_EVENT_VALUATION)
    money = tranche_format_money (&event->valuation);
  else if (event->kind != TRANCHE_EVENT_NEWS)
    money = tranche_format_money (&event->amount);

  if (money != NULL && *money != '\0')
    {
      *bold_len = strlen (money);
      /* Translators: a timeline label, amount then title: "$1B · First investment" */
      *text = g_strdup_printf (C_("marker label", "%s · %s"), money,
                               event->title ? event->title : "");
    }
  else
    {
      *bold_len = 0;
      *text = g_strdup (event->title ? event->title : "");
    }
  *detail = tranche_format_date_span (&event->date, &event->end);
}

/* Tries the places around a shape at (x, y) of half-width `rx` and half-height
 * `ry`; fills `rect` with the first free one. */
static gboolean
find_place (TrancheLabelPlacer *placer,
            double              x,
            double              y,
            double              rx,
            double              ry,
            double              w,
            double              h,
            double              gap,
            gboolean            prefer_side,
            TrancheRect        *rect)
{
  const double above = y - ry - gap - h, below = y + ry + gap, middle = y - h / 2;
  const double places[][2] = {
    { x - w / 2, above },       /* centred above */
    { x - w / 2, below },       /* centred below */
    { x + rx + gap, middle },   /* right */
    { x - rx - gap - w, middle },
    { x - rx, above },          /* above, leaning right */
    { x + rx - w, above },      /* above, leaning left */
    { x - rx, below },
    { x + rx - w, below },
  };
  static const guint side_first[] = { 2, 3, 4, 5, 6, 7, 0, 1 };

  for (guint k = 0; k < G_N_ELEMENTS (places); k++)
    {
      guint i = prefer_side ? side_first[k] : k;
      TrancheRect candidate = { places[i][0], places[i][1], w, h };
      if (tranche_label_placer_is_free (placer, &candidate, x, y))
        {
          *rect = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

static void
cluster_label_text (TrancheTimelineLayout        *self,
                    const TrancheTimelineCluster *c,
                    char                        **text,
                    char                        **detail,
                    gsize                        *bold_len)
{
  guint first = g_array_index (self->members, guint, c->first_member);
  const TrancheEvent *first_event = tranche_dataset_get_event (self->dataset, first);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                         "%u events", c->n_members),
                                            c->n_members);

  /* The event a story is at is named even inside a cluster. */
  for (guint k = 0; self->focus >= 0 && k < c->n_members; k++)
    if (g_array_index (self->members, guint, c->first_member + k) == (guint) self->focus)
      {
        g_autofree char *date = NULL;
        guint rest = c->n_members - 1;

        marker_label_text (self, tranche_dataset_get_event (self->dataset, self->focus), text,
                           &date, bold_len);
        /* Translators: a cluster's second line when the label names one of
         * its events: "2023 · +2 more" */
        *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · +%u more",
                                                "%s · +%u more", rest), date, rest);
        return;
      }

  if (c->total > 0)
    {
      g_autofree char *total =
        tranche_format_amount (c->total, tranche_dataset_get_currency (self->dataset), FALSE);
      /* Translators: a cluster's label, "12 events · $3.4B"; "+" when some
       * amounts are not known */
      *text = g_strdup_printf (c->partial ? C_("cluster label", "%s · %s+")
                                          : C_("cluster label", "%s · %s"),
                               count, total);
    }
  else
    *text = g_strdup (count);
  *bold_len = strlen (count);
  *detail = tranche_format_date (&first_event->date);
}

/* What a label goes around: a shape at (x, y) of half-width `rx` and
 * half-height `ry`, and whether the sides come first. */
typedef struct
{
  double   x, y, rx, ry;
  gboolean side;
} Around;

static void
label_target (TrancheTimelineLayout *self,
              const LabelRequest    *r,
              Around                *around,
              char                 **text,
              char                 **detail,
              gsize                 *bold_len)
{
  if (r->owner == TRANCHE_LABEL_FOR_MARKER)
    {
      const TrancheTimelineMarker *m =
        &g_array_index (self->markers, TrancheTimelineMarker, r->index);

      marker_label_text (self, tranche_dataset_get_event (self->dataset, m->event),
                         text, detail, bold_len);
      around->x = m->x;
      around->y = m->y;
      around->rx = around->ry = m->radius;
      if (m->flags & TRANCHE_MARKER_RANGE)
        around->ry = MAX (around->ry, m->radius_max);
      around->side = m->shape == TRANCHE_MARKER_DOT;
    }
  else
    {
      const TrancheTimelineCluster *c =
        &g_array_index (self->clusters, TrancheTimelineCluster, r->index);

      cluster_label_text (self, c, text, detail, bold_len);
      around->x = (c->x0 + c->x1) / 2;
      around->y = c->y;
      around->rx = (c->x1 - c->x0) / 2 + c->radius;
      around->ry = c->radius;
      around->side = FALSE;
    }
}

/* Places the label of one request if there is room for it. */
static void
place_label (TrancheTimelineLayout *self,
             TrancheLabelPlacer    *placer,
             const LabelRequest    *r,
             double                 gap,
             double                 max_width)
{
  TrancheTimelineLabel label = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  gsize bold_len = 0;
  double w1, h1, w2 = 0, h2 = 0;
  Around a;
  PangoLayout *first_line, *second_line = NULL;

  label.owner = r->owner;
  label.index = r->index;
  label_target (self, r, &a, &text, &detail, &bold_len);

  first_line = tranche_timeline_scene_text (self, TRANCHE_TEXT_BODY, text, max_width, bold_len);
  tranche_draw_get_text_size (first_line, &w1, &h1);
  if (detail != NULL && *detail != '\0')
    {
      second_line = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL, detail, max_width, 0);
      tranche_draw_get_text_size (second_line, &w2, &h2);
    }

  /* Two lines, else the first alone; what doesn't fit is dropped. */
  if (second_line != NULL
      && find_place (placer, a.x, a.y, a.rx, a.ry, MAX (w1, w2), h1 + h2, gap, a.side,
                     &label.rect))
    {
      label.detail = tranche_timeline_scene_intern (self, detail);
      label.detail_layout = second_line;
      label.detail_y = label.rect.y + h1;
    }
  else if (!find_place (placer, a.x, a.y, a.rx, a.ry, w1, h1, gap, a.side, &label.rect))
    return;

  label.text = tranche_timeline_scene_intern (self, text);
  label.layout = first_line;
  tranche_label_placer_add_rect (placer, &label.rect);
  g_array_append_val (self->labels, label);
}

/* Markers in view and clusters, the most important first. */
static GArray *
collect_requests (TrancheTimelineLayout *self)
{
  GArray *requests = g_array_new (FALSE, FALSE, sizeof (LabelRequest));

  for (guint i = 0; i < self->markers->len; i++)
    {
      const TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker, i);
      LabelRequest r = { m->radius, TRANCHE_LABEL_FOR_MARKER, i };
      /* News and valuations after money; undisclosed like a middling amount. */
      if (m->shape == TRANCHE_MARKER_DOT)
        r.priority = -2;
      else if (m->shape == TRANCHE_MARKER_TRIANGLE)
        r.priority = -1;
      if (m->x < self->plot.x || m->x > self->plot.x + self->plot.width)
        continue;
      /* A story told in order: what comes later is not said yet, and the
       * event being told is said first. */
      if ((int) m->event == self->focus)
        r.priority = G_MAXDOUBLE;
      else if (!isnan (self->label_end)
               && tranche_dataset_get_event (self->dataset, m->event)->first_day
                  >= self->label_end)
        continue;
      g_array_append_val (requests, r);
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      LabelRequest r = { c->radius + 0.5, TRANCHE_LABEL_FOR_CLUSTER, i };
      guint first = g_array_index (self->members, guint, c->first_member);

      /* Members are in date order: the first one says whether any is told. */
      if (!isnan (self->label_end)
          && tranche_dataset_get_event (self->dataset, first)->first_day >= self->label_end)
        continue;
      for (guint k = 0; self->focus >= 0 && k < c->n_members; k++)
        if (g_array_index (self->members, guint, c->first_member + k) == (guint) self->focus)
          r.priority = G_MAXDOUBLE;
      g_array_append_val (requests, r);
    }
  g_array_sort (requests, compare_requests);
  return requests;
}

/* Everything drawn is an obstacle before any label is placed. */
static void
add_obstacles (TrancheTimelineLayout *self,
               TrancheLabelPlacer    *placer)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker, i);
      double r = m->flags & TRANCHE_MARKER_RANGE ? MAX (m->radius, m->radius_max) : m->radius;

      tranche_label_placer_add_circle (placer, m->x, m->y, r);
      if (m->flags & TRANCHE_MARKER_SPAN)
        {
          TrancheRect bar = { m->span_x0, m->y - S (self, 4), m->span_x1 - m->span_x0,
                              S (self, 8) };
          tranche_label_placer_add_rect (placer, &bar);
        }
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      TrancheRect pill = { c->x0 - c->radius, c->y - c->radius,
                           c->x1 - c->x0 + 2 * c->radius, 2 * c->radius };
      tranche_label_placer_add_rect (placer, &pill);
    }
}

/* "Today" at the top of its line, on the side where it fits. */
static void
place_today (TrancheTimelineLayout *self,
             TrancheLabelPlacer    *placer)
{
  TrancheTimelineLabel label = { 0 };
  double w, h;

  if (!isfinite (self->today_x))
    return;
  label.owner = TRANCHE_LABEL_FOR_TODAY;
  label.index = 0;
  /* Translators: the label of the vertical line at the current date */
  label.text = tranche_timeline_scene_intern (self, C_("timeline", "Today"));
  label.layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL_BOLD, label.text, -1, 0);
  tranche_draw_get_text_size (label.layout, &w, &h);
  label.rect = (TrancheRect) { self->today_x + S (self, 4), self->plot.y + S (self, 2), w, h };
  if (label.rect.x + w > self->plot.x + self->plot.width)
    label.rect.x = self->today_x - S (self, 4) - w;
  if (tranche_label_placer_is_free (placer, &label.rect, NAN, NAN))
    {
      tranche_label_placer_add_rect (placer, &label.rect);
      g_array_append_val (self->labels, label);
    }
}

/* The labels of the scene's markers and clusters (and of the today line)
 * where they cover nothing drawn nor another label. */
void
tranche_timeline_labels_place (TrancheTimelineLayout *self)
{
  g_autoptr(TrancheLabelPlacer) placer = NULL;
  g_autoptr(GArray) requests = NULL;
  double gap = S (self, 4);
  double max_width = MIN (S (self, 380), self->plot.width / 2.5);

  g_assert (self != NULL);

  placer = tranche_label_placer_new (&self->plot, S (self, 3));
  add_obstacles (self, placer);
  place_today (self, placer);
  requests = collect_requests (self);
  for (guint i = 0; i < MIN (requests->len, MAX_LABEL_TRIES); i++)
    place_label (self, placer, &g_array_index (requests, LabelRequest, i), gap, max_width);
}
