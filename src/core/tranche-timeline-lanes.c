/* tranche-timeline-lanes.c: the frame around the plot, and the lanes across it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-format.h"
#include "tranche-timeline-layout-private.h"

static char *
lane_title (TrancheTimelineLayout *self,
            const TrancheLaneInfo *info)
{
  const char *investor = info->investor != TRANCHE_NO_ENTITY
    ? tranche_dataset_get_entity (self->dataset, info->investor)->name : NULL;
  const char *target = info->target != TRANCHE_NO_ENTITY
    ? tranche_dataset_get_entity (self->dataset, info->target)->name : NULL;

  switch (info->kind)
    {
    case TRANCHE_LANE_NEWS:
      /* Translators: the timeline lane that holds news events */
      return g_strdup (C_("lane", "News"));
    case TRANCHE_LANE_VALUATIONS:
      if (target != NULL)
        /* Translators: timeline lane of a company's valuations, e.g. "OpenAI valuations" */
        return g_strdup_printf (C_("lane", "%s valuations"), target);
      return g_strdup (C_("lane", "Valuations"));
    case TRANCHE_LANE_MONEY:
    default:
      if (investor != NULL && target != NULL)
        /* Translators: timeline lane of one investor's money into one company */
        return g_strdup_printf (C_("lane", "%s → %s"), investor, target);
      if (investor != NULL)
        return g_strdup (investor);
      if (target != NULL)
        return g_strdup (target);
      /* Translators: timeline lane of events that name neither investor nor target */
      return g_strdup (C_("lane", "Unattributed"));
    }
}

static char *
lane_subtitle (TrancheTimelineLayout *self,
               const TrancheLaneInfo *info)
{
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                          "%u events", info->n_events),
                                             info->n_events);
  g_autofree char *total = NULL;

  if (info->kind != TRANCHE_LANE_MONEY)
    return g_steal_pointer (&events);
  if (info->total <= 0 && info->n_undisclosed > 0)
    /* Translators: lane subtitle, "2 events · undisclosed" */
    return g_strdup_printf (C_("lane subtitle", "%s · undisclosed"), events);
  if (info->total <= 0)
    return g_steal_pointer (&events);
  total = tranche_format_amount (info->total, tranche_dataset_get_currency (self->dataset),
                                 FALSE);
  if (info->n_undisclosed > 0)
    /* Translators: lane subtitle when some amounts are not known, "3 events · $11B known" */
    return g_strdup_printf (C_("lane subtitle", "%s · %s known"), events, total);
  /* Translators: lane subtitle, "3 events · $11B" */
  return g_strdup_printf (C_("lane subtitle", "%s · %s"), events, total);
}

/* Margins, and the lane header column as wide as the widest lane title
 * (within bounds); the plot takes the rest. */
void
tranche_timeline_frame_init (TrancheTimelineLayout *self,
                             double                 width,
                             TrancheTimelineFrame  *frame)
{
  double widest = 0;
  guint n_lanes = self->index ? tranche_lane_index_get_n_lanes (self->index) : 0;

  frame->margin_x = S (self, 32);
  frame->margin_top = S (self, 28);
  frame->margin_bottom = S (self, 20);

  /* Measure lane titles once per dataset would be nicer; a few dozen
   * measures per update are cheap next to the markers. */
  for (guint i = 0; i < MIN (n_lanes, 64); i++)
    {
      const TrancheLaneInfo *info = tranche_lane_index_get_lane (self->index, i);
      g_autofree char *title = lane_title (self, info);
      g_autofree char *subtitle = lane_subtitle (self, info);
      double wa, wb;

      tranche_text_cache_measure (self->text, TRANCHE_TEXT_BODY_BOLD, title, &wa, NULL);
      tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, subtitle, &wb, NULL);
      widest = MAX (widest, MAX (wa, wb));
    }
  /* swatch + gap before the text */
  frame->header_width = CLAMP (widest + S (self, 22), S (self, 110), width * 0.24);
  frame->plot_x = frame->margin_x + frame->header_width + S (self, 20);
  frame->plot_width = MAX (width - frame->margin_x - frame->plot_x, 1);
}

/* The scene lane of an index lane, or NO_SLOT. */
guint
tranche_timeline_lanes_slot (TrancheTimelineLayout *self,
                             guint                  lane)
{
  if (lane >= self->n_index_lanes)
    return NO_SLOT;
  if (lane < self->n_shown)
    return lane;
  if (self->news_slot != NO_SLOT && lane == self->n_index_lanes - 1)
    return self->news_slot;
  return self->others_slot;
}

static void
append_index_lane (TrancheTimelineLayout *self,
                   guint                  index)
{
  const TrancheLaneInfo *info = tranche_lane_index_get_lane (self->index, index);
  TrancheTimelineLane lane = { 0 };
  g_autofree char *title = lane_title (self, info);
  g_autofree char *subtitle = lane_subtitle (self, info);

  lane.index = index;
  lane.kind = info->kind;
  lane.neutral = info->neutral;
  lane.color = info->neutral ? self->theme.neutral : tranche_color_from_rgb (info->color, 1);
  lane.title = tranche_timeline_scene_intern (self, title);
  lane.subtitle = tranche_timeline_scene_intern (self, subtitle);
  g_array_append_val (self->lanes, lane);
}

static void
append_others_lane (TrancheTimelineLayout *self,
                    guint                  n_rest)
{
  TrancheTimelineLane rest = { 0 };
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more lane",
                                                         "%u more lanes", n_rest),
                                            n_rest);

  rest.index = OTHERS_LANE;
  rest.kind = TRANCHE_LANE_MONEY;
  rest.neutral = TRUE;
  rest.color = self->theme.neutral;
  rest.n_merged = n_rest;
  rest.title = tranche_timeline_scene_intern (self, title);
  rest.subtitle = tranche_timeline_scene_intern (self, C_("lane", "smaller lanes together"));
  g_array_append_val (self->lanes, rest);
}

/* Which lanes the scene shows when `height` holds `capacity` of them: the
 * first of the index's order, then the rest folded into one, then news. */
static void
choose_lanes (TrancheTimelineLayout *self,
              guint                  capacity)
{
  guint n_index = tranche_lane_index_get_n_lanes (self->index);
  gboolean has_news = n_index > 0
    && tranche_lane_index_get_lane (self->index, n_index - 1)->kind == TRANCHE_LANE_NEWS;
  guint n_money = n_index - (has_news ? 1 : 0);
  guint n_shown;
  gboolean others = FALSE;

  g_array_set_size (self->lanes, 0);
  self->n_index_lanes = n_index;
  self->others_slot = self->news_slot = NO_SLOT;
  n_shown = n_money;
  /* Folding lanes into "others" only pays when it folds several: one lane
   * too many is squeezed in instead. */
  if (n_money + (has_news ? 1 : 0) > capacity + 1)
    {
      /* Keep the largest lanes, fold the rest into one. */
      guint room = capacity > (has_news ? 1u : 0u) ? capacity - (has_news ? 1 : 0) : 1;
      n_shown = room > 1 ? room - 1 : 0;
      others = TRUE;
    }
  self->n_shown = n_shown;
  if (n_shown + (others ? 1 : 0) + (has_news ? 1 : 0) == 0)
    return;

  for (guint i = 0; i < n_shown; i++)
    append_index_lane (self, i);
  if (others)
    {
      self->others_slot = self->lanes->len;
      append_others_lane (self, n_money - n_shown);
    }
  if (has_news)
    {
      self->news_slot = self->lanes->len;
      append_index_lane (self, n_index - 1);
    }
}

/* Lanes get the height their content needs: a valuation lane holds small
 * fixed markers, a busy news lane stacks its headlines in rows. */
static void
size_lanes (TrancheTimelineLayout *self,
            double                 top,
            double                 height,
            double                 min_height)
{
  double total_weight = 0, y = top;
  g_autofree double *weights = g_new (double, self->lanes->len);

  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      guint n_events = lane->index != OTHERS_LANE
        ? tranche_lane_index_get_lane (self->index, lane->index)->n_events : 0;
      if (lane->kind == TRANCHE_LANE_VALUATIONS)
        weights[slot] = 0.6;
      else if (lane->kind == TRANCHE_LANE_NEWS)
        weights[slot] = 0.6 + 0.2 * MIN (n_events, 8);
      else
        weights[slot] = 1;
      total_weight += weights[slot];
    }
  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      lane->y = y;
      lane->height = MAX (height * weights[slot] / total_weight, min_height * 0.6);
      if (slot + 1 == self->lanes->len)
        lane->height = MAX (top + height - y, 1);
      y += lane->height;
    }
}

/* Each lane's title and subtitle, centred in its height in the header column. */
static void
lay_out_headers (TrancheTimelineLayout      *self,
                 const TrancheTimelineFrame *frame)
{
  double text_width = frame->header_width - S (self, 22);

  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      double th, sh;

      lane->title_layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_BODY_BOLD, lane->title,
                                                        text_width, 0);
      lane->subtitle_layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL,
                                                           lane->subtitle, text_width, 0);
      tranche_draw_get_text_size (lane->title_layout, NULL, &th);
      tranche_draw_get_text_size (lane->subtitle_layout, NULL, &sh);
      lane->header.x = frame->margin_x;
      lane->header.width = frame->header_width;
      lane->header.height = th + sh;
      lane->header.y = lane->y + (lane->height - th - sh) / 2;
    }
}

/* The lanes that fit in `height` from `top`, with their headers. Only lanes
 * that get drawn are touched, so a file with a lane per pair costs no more
 * per frame than a small one. */
void
tranche_timeline_lanes_build (TrancheTimelineLayout      *self,
                              const TrancheTimelineFrame *frame,
                              double                      top,
                              double                      height)
{
  double min_height = S (self, 56);

  g_assert (self != NULL);

  choose_lanes (self, (guint) MAX (1, floor (height / min_height)));
  if (self->lanes->len == 0)
    return;
  size_lanes (self, top, height, min_height);
  lay_out_headers (self, frame);
}
