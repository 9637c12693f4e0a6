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
  /* In the file of one company's history (its top-level `target`), "→
   * Helio Robotics" on every lane says nothing and cut the investors'
   * names ("Frontier Sovereign Fund → Helio …"): only money into others
   * names its target. */
  gboolean own_target = info->target != TRANCHE_NO_ENTITY
    && info->target == tranche_dataset_get_target (self->dataset);

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
      if (investor != NULL && target != NULL && !own_target)
        /* Translators: timeline lane of one investor's money into one company */
        return g_strdup_printf (C_("lane", "%s → %s"), investor, target);
      if (investor != NULL)
        return g_strdup (investor);
      if (target != NULL && own_target
          && tranche_lane_index_get_mode (self->index) == TRANCHE_LANES_BY_PAIR)
        return g_strdup (C_("lane", "Investors not reported"));
      if (target != NULL && tranche_lane_index_get_mode (self->index) == TRANCHE_LANES_BY_PAIR)
        /* Translators: timeline lane of a company's funding whose sources
         * name no investors, "Investors not reported → Helio" */
        return g_strdup_printf (C_("lane", "Investors not reported → %s"), target);
      if (target != NULL)
        return g_strdup (target);
      if (tranche_lane_index_get_mode (self->index) == TRANCHE_LANES_BY_INVESTOR)
        /* Translators: timeline lane, by investor, of funding whose sources
         * name no investors */
        return g_strdup (C_("lane", "Investors not reported"));
      /* Translators: timeline lane of events that name neither investor nor target */
      return g_strdup (C_("lane", "Unattributed"));
    }
}

static char *
lane_subtitle (TrancheTimelineLayout *self,
               guint                  lane)
{
  const TrancheLaneInfo *info = tranche_lane_index_get_lane (self->index, lane);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                          "%u events", info->n_events),
                                             info->n_events);
  const char *total;

  if (info->kind != TRANCHE_LANE_MONEY)
    return g_steal_pointer (&events);
  /* One implementation of the total (tranche-totals.h): a share of a
   * syndicated round, ranges, undisclosed counts, and currencies without a
   * rate apart, "€1 + ¥1" */
  total = tranche_lane_index_get_total_text (self->index, lane);
  if (*total == '\0')
    return g_steal_pointer (&events);
  /* Translators: lane subtitle, "3 events · $11B + 1 undisclosed" */
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
      g_autofree char *subtitle = lane_subtitle (self, i);
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
  gpointer slot;

  if (lane >= self->n_index_lanes)
    return NO_SLOT;
  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (lane + 1));
  if (slot != NULL)
    return GPOINTER_TO_UINT (slot) - 1;
  return self->others_slot;
}

/* A name for a lane that stays the same across loads and filters (entity
 * ids, never positions), so a pinned lane can be found again. */
static char *
lane_key (TrancheTimelineLayout *self,
          const TrancheLaneInfo *info)
{
  static const char *const kinds[] = { "money", "valuations", "news" };
  const char *investor = info->investor != TRANCHE_NO_ENTITY
    ? tranche_dataset_get_entity (self->dataset, info->investor)->id : "";
  const char *target = info->target != TRANCHE_NO_ENTITY
    ? tranche_dataset_get_entity (self->dataset, info->target)->id : "";

  if (info->kind == TRANCHE_LANE_NEWS)
    return g_strdup ("news");
  return g_strdup_printf ("%s:%s:%s", kinds[info->kind], investor, target);
}

char *
tranche_timeline_layout_get_lane_key (TrancheTimelineLayout *self,
                                      guint                  lane)
{
  const TrancheTimelineLane *scene_lane;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  scene_lane = &g_array_index (self->lanes, TrancheTimelineLane, lane);
  if (scene_lane->index == OTHERS_LANE)
    return NULL;
  return lane_key (self, tranche_lane_index_get_lane (self->index, scene_lane->index));
}

/* The index lanes of the pinned keys, in the keys' order: one walk over the
 * lanes, when the index or the keys change. */
void
tranche_timeline_lanes_resolve_pins (TrancheTimelineLayout *self)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autofree guint *found = NULL;
  guint n_index;

  g_assert (self != NULL);

  g_array_set_size (self->pinned, 0);
  if (self->index == NULL || self->pinned_keys->len == 0)
    return;
  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  found = g_new (guint, self->pinned_keys->len);
  for (guint k = 0; k < self->pinned_keys->len; k++)
    {
      found[k] = G_MAXUINT;
      g_hash_table_insert (wanted, g_ptr_array_index (self->pinned_keys, k),
                           GUINT_TO_POINTER (k + 1));
    }
  n_index = tranche_lane_index_get_n_lanes (self->index);
  for (guint i = 0; i < n_index; i++)
    {
      const TrancheLaneInfo *info = tranche_lane_index_get_lane (self->index, i);
      g_autofree char *key = NULL;
      guint k;

      if (info->kind == TRANCHE_LANE_NEWS)
        continue;
      key = lane_key (self, info);
      k = GPOINTER_TO_UINT (g_hash_table_lookup (wanted, key));
      if (k > 0 && found[k - 1] == G_MAXUINT)
        found[k - 1] = i;
    }
  for (guint k = 0; k < self->pinned_keys->len; k++)
    if (found[k] != G_MAXUINT)
      g_array_append_val (self->pinned, found[k]);
}

static gboolean is_pinned (TrancheTimelineLayout *self,
                           guint                  lane);

static void
append_index_lane (TrancheTimelineLayout *self,
                   guint                  index)
{
  const TrancheLaneInfo *info = tranche_lane_index_get_lane (self->index, index);
  TrancheTimelineLane lane = { 0 };
  g_autofree char *title = lane_title (self, info);
  g_autofree char *subtitle = lane_subtitle (self, index);

  lane.index = index;
  lane.kind = info->kind;
  lane.neutral = info->neutral;
  lane.color = info->neutral ? self->theme.neutral : tranche_color_from_rgb (info->color, 1);
  lane.title = tranche_timeline_scene_intern (self, title);
  lane.subtitle = tranche_timeline_scene_intern (self, subtitle);
  lane.pinned = is_pinned (self, index);
  if (info->kind == TRANCHE_LANE_MONEY
      && *tranche_lane_index_get_total_text (self->index, index) != '\0')
    lane.total = tranche_timeline_scene_intern (self,
                                                tranche_lane_index_get_total_text (self->index,
                                                                                   index));
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

/* Whether a lane has a marker day in the scene's range. */
static gboolean
lane_in_range (TrancheTimelineLayout *self,
               guint                  lane)
{
  if (!self->lanes_in_range)
    return TRUE;
  return tranche_lane_index_count_before (self->index, lane, self->end)
         > tranche_lane_index_count_before (self->index, lane, self->first);
}

static gboolean
is_pinned (TrancheTimelineLayout *self,
           guint                  lane)
{
  for (guint k = 0; k < self->pinned->len; k++)
    if (g_array_index (self->pinned, guint, k) == lane)
      return TRUE;
  return FALSE;
}

/* The money and valuation lanes there are to show, in order: pinned ones
 * first, then the index's (largest first). Only the first `max` are
 * listed into `order`; the return value counts them all, without walking
 * every lane of a big index unless only lanes in range are shown. */
static guint
order_lanes (TrancheTimelineLayout *self,
             guint                  n_money,
             guint                  max,
             GArray                *order)
{
  guint n = 0;

  for (guint k = 0; k < self->pinned->len; k++)
    {
      guint lane = g_array_index (self->pinned, guint, k);

      if (lane >= n_money || !lane_in_range (self, lane))
        continue;
      if (order->len < max)
        g_array_append_val (order, lane);
      n++;
    }
  for (guint i = 0; i < n_money; i++)
    {
      if (order->len >= max && !self->lanes_in_range)
        {
          /* The rest all count, but for the pinned ones counted above. */
          guint rest = n_money - i;
          for (guint k = 0; k < self->pinned->len; k++)
            rest -= g_array_index (self->pinned, guint, k) >= i
                    && g_array_index (self->pinned, guint, k) < n_money;
          return n + rest;
        }
      if (is_pinned (self, i) || !lane_in_range (self, i))
        continue;
      if (order->len < max)
        g_array_append_val (order, i);
      n++;
    }
  return n;
}

/* Ranking every lane for folding costs a walk and a sort on each update
 * (each frame of a pan): past this many lanes the index's order (by total)
 * is kept, so a file with a lane per pair stays as cheap as before. */
#define RANK_LANES_UP_TO 2000

static int
compare_lanes_to_keep (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  TrancheTimelineLayout *self = user_data;
  guint la = *(const guint *) a, lb = *(const guint *) b;
  gboolean pa = is_pinned (self, la), pb = is_pinned (self, lb);
  const TrancheLaneInfo *ia = tranche_lane_index_get_lane (self->index, la);
  const TrancheLaneInfo *ib = tranche_lane_index_get_lane (self->index, lb);

  if (pa != pb)
    return pa ? -1 : 1;
  if (pa)
    return 0;
  if (ia->n_events != ib->n_events)
    return ia->n_events > ib->n_events ? -1 : 1;
  return la < lb ? -1 : la > lb;
}

/* Scrolls so the row of the event to reveal is among the `capacity` shown. */
static void
reveal_row (TrancheTimelineLayout *self,
            guint                  n_money,
            gboolean               show_news,
            guint                  capacity)
{
  g_autoptr(GArray) all = NULL;
  guint lane, row = G_MAXUINT;

  if (self->reveal == G_MAXUINT || self->reveal >= tranche_dataset_get_n_events (self->dataset))
    return;
  lane = tranche_lane_index_event_lane (self->index, self->reveal);
  if (lane == TRANCHE_LANE_NONE)
    return;
  if (lane >= n_money)
    row = show_news ? self->n_rows - 1 : G_MAXUINT;
  else
    {
      all = g_array_new (FALSE, FALSE, sizeof (guint));
      order_lanes (self, n_money, n_money, all);
      for (guint i = 0; i < all->len && row == G_MAXUINT; i++)
        if (g_array_index (all, guint, i) == lane)
          row = i;
    }
  if (row == G_MAXUINT)
    return;
  if (row < self->lane_scroll)
    self->lane_scroll = row;
  else if (row >= self->lane_scroll + capacity)
    self->lane_scroll = row - capacity + 1;
}

static void
show_lane (TrancheTimelineLayout *self,
           guint                  index)
{
  g_hash_table_insert (self->slots, GUINT_TO_POINTER (index + 1),
                       GUINT_TO_POINTER (self->lanes->len + 1));
  append_index_lane (self, index);
}

/* Which lanes the scene shows when `height` holds `capacity` rows. Every
 * lane gets its own row when they fit; when they don't, a scrolling scene
 * (the window) shows a window of the rows, and only beyond
 * TRANCHE_TIMELINE_MERGE_LANES lanes, or in an export, are the rest folded
 * into one — never the pinned lanes nor the selected event's. */
static void
choose_lanes (TrancheTimelineLayout *self,
              guint                  capacity)
{
  guint n_index = tranche_lane_index_get_n_lanes (self->index);
  gboolean has_news = n_index > 0
    && tranche_lane_index_get_lane (self->index, n_index - 1)->kind == TRANCHE_LANE_NEWS;
  guint n_money = n_index - (has_news ? 1 : 0);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_lanes, selected_lane = TRANCHE_LANE_NONE, room;
  gboolean show_news;

  g_array_set_size (self->lanes, 0);
  g_hash_table_remove_all (self->slots);
  self->n_index_lanes = n_index;
  self->others_slot = NO_SLOT;
  show_news = has_news && lane_in_range (self, n_index - 1);
  n_lanes = order_lanes (self, n_money, capacity + self->lane_scroll + 1, order);
  self->n_rows = n_lanes + (show_news ? 1 : 0);

  /* All of them (one lane too many is squeezed in rather than folded). */
  if (self->n_rows <= capacity + 1)
    {
      self->lane_scroll = 0;
      for (guint i = 0; i < order->len; i++)
        show_lane (self, g_array_index (order, guint, i));
      if (show_news)
        show_lane (self, n_index - 1);
      return;
    }

  if (self->scroll_lanes && n_lanes <= TRANCHE_TIMELINE_MERGE_LANES)
    {
      /* A window onto the rows, the news lane being the last row. */
      reveal_row (self, n_money, show_news, capacity);
      self->lane_scroll = MIN (self->lane_scroll, self->n_rows - capacity);
      if (order->len < MIN (n_lanes, self->lane_scroll + capacity))
        {
          g_array_set_size (order, 0);
          order_lanes (self, n_money, self->lane_scroll + capacity, order);
        }
      for (guint row = self->lane_scroll; row < self->lane_scroll + capacity; row++)
        if (row < order->len)
          show_lane (self, g_array_index (order, guint, row));
        else if (show_news && row == self->n_rows - 1)
          show_lane (self, n_index - 1);
      return;
    }

  /* Folded: the lanes with the most events (an investor of four rounds
   * matters more than one large cheque), the pinned first, the selected
   * event's kept. */
  self->lane_scroll = 0;
  if (n_money <= RANK_LANES_UP_TO)
    {
      g_array_set_size (order, 0);
      order_lanes (self, n_money, n_money, order);
      g_array_sort_with_data (order, compare_lanes_to_keep, self);
    }
  if (self->selected != G_MAXUINT
      && self->selected < tranche_dataset_get_n_events (self->dataset))
    selected_lane = tranche_lane_index_event_lane (self->index, self->selected);
  room = capacity > (show_news ? 2u : 1u) ? capacity - (show_news ? 2 : 1) : 0;
  /* Pinned lanes stay even past the room: they were asked for. */
  room = MAX (room, MIN (self->pinned->len, order->len));
  for (guint i = 0; i < MIN (room, order->len); i++)
    {
      guint lane = g_array_index (order, guint, i);

      if (i + 1 == room && selected_lane < n_money && !is_pinned (self, selected_lane)
          && lane != selected_lane
          && tranche_timeline_lanes_slot (self, selected_lane) == NO_SLOT)
        lane = selected_lane;
      show_lane (self, lane);
    }
  if (self->lanes->len < n_lanes)
    {
      self->others_slot = self->lanes->len;
      append_others_lane (self, n_lanes - self->lanes->len);
    }
  if (show_news)
    show_lane (self, n_index - 1);
}

double
tranche_timeline_lanes_weight (TrancheLaneKind kind,
                               guint           n_events)
{
  if (kind == TRANCHE_LANE_VALUATIONS)
    return 0.6;
  if (kind == TRANCHE_LANE_NEWS)
    return 0.6 + 0.2 * MIN (n_events, 8);
  return 1;
}

/* Every lane has its legible minimum (a header's two lines); what is left
 * goes by weight: a valuation lane holds small fixed markers, a busy news
 * lane stacks its headlines in rows. */
static void
size_lanes (TrancheTimelineLayout *self,
            double                 top,
            double                 height,
            double                 min_height)
{
  double total_weight = 0, y = top;
  double extra = MAX (height - min_height * self->lanes->len, 0);
  double row = MIN (min_height, height / MAX (self->lanes->len, 1));
  g_autofree double *weights = g_new (double, self->lanes->len);

  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      guint n_events = lane->index != OTHERS_LANE
        ? tranche_lane_index_get_lane (self->index, lane->index)->n_events : 0;

      weights[slot] = tranche_timeline_lanes_weight (lane->kind, n_events);
      total_weight += weights[slot];
    }
  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      lane->y = y;
      lane->height = row + extra * weights[slot] / total_weight;
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
      double th, sh, sw;

      lane->title_layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_BODY_BOLD, lane->title,
                                                        text_width, 0);
      tranche_draw_get_text_size (lane->title_layout, NULL, &th);
      /* A total with ranges and currencies can be long: the count of events
       * goes before the amount is cut. */
      tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, lane->subtitle, &sw, &sh);
      if (sw > text_width && lane->total != NULL)
        lane->subtitle = lane->total;
      /* A lane squeezed under its two lines keeps its title only. */
      if (th + sh <= lane->height)
        lane->subtitle_layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL,
                                                             lane->subtitle, text_width, 0);
      else
        sh = 0;
      lane->header.x = frame->margin_x;
      lane->header.width = frame->header_width;
      lane->header.height = th + sh;
      lane->header.y = lane->y + (lane->height - th - sh) / 2;
    }
}

/* How much taller than their minimum the rows of a scrolling scene are,
 * when that still shows this many rows. */
#define SCROLLED_ROW 1.6
#define MIN_SCROLLED_ROWS 4

/* A lane's legible minimum: its header's title and subtitle, and a little air. */
static double
min_row_height (TrancheTimelineLayout *self)
{
  double th, sh;

  tranche_text_cache_measure (self->text, TRANCHE_TEXT_BODY_BOLD, "Ag", NULL, &th);
  tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, "Ag", NULL, &sh);
  return th + sh + S (self, 8);
}

double
tranche_timeline_lanes_min_height (TrancheTimelineLayout *self,
                                   guint                  n_lanes)
{
  return min_row_height (self) * n_lanes;
}

/* A lane's least height in a scene that can't scroll (an export, a slide)
 * when two-line rows would fold lanes away and one-line rows show most of
 * them: its title's one line and a little air. Its subtitle goes
 * (lay_out_headers) and its labels take one line beside their markers — a
 * row of every investor reads better than "8 more lanes". */
static double
compact_row_height (TrancheTimelineLayout *self)
{
  double th;

  tranche_text_cache_measure (self->text, TRANCHE_TEXT_BODY_BOLD, "Ag", NULL, &th);
  return th + S (self, 6);
}

double
tranche_timeline_lanes_unfiltered_height (TrancheTimelineLayout *self,
                                          double                 height)
{
  guint rows = MAX (self->scale_rows, 1), capacity;
  double min_height = min_row_height (self);

  /* All rows fit: a money lane's height as size_lanes() gives it */
  if (rows * min_height <= height)
    return min_height + (height - min_height * rows) / MAX (self->scale_weight, 1e-9);
  /* They don't: as many as tranche_timeline_lanes_build() shows, at about
   * an even share each */
  if (self->scroll_lanes && rows <= TRANCHE_TIMELINE_MERGE_LANES
      && height / (SCROLLED_ROW * min_height) >= MIN_SCROLLED_ROWS)
    capacity = (guint) floor (height / (SCROLLED_ROW * min_height));
  else if (self->scroll_lanes)
    capacity = (guint) floor (height / min_height);
  else if (rows <= 2 * floor (height / compact_row_height (self)))
    capacity = (guint) floor (height / compact_row_height (self));
  else
    capacity = (guint) floor (height / min_height);
  return height / CLAMP (capacity, 1, rows);
}

double
tranche_timeline_lanes_least_height (TrancheTimelineLayout *self,
                                     guint                  n_lanes)
{
  return n_lanes * (self->scroll_lanes ? min_row_height (self) : compact_row_height (self));
}

gboolean
tranche_timeline_lanes_fit (TrancheTimelineLayout *self,
                            double                 height)
{
  return tranche_timeline_lanes_least_height (self, self->n_rows) <= height;
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
  double min_height = min_row_height (self);
  guint scroll = self->lane_scroll;

  g_assert (self != NULL);

  self->compact_rows = FALSE;
  choose_lanes (self, (guint) MAX (1, floor (height / min_height)));
  /* One-line rows when they show most lanes; past that (hundreds of
   * lanes) folding can't be helped, and two-line rows with their totals
   * say more about the lanes they keep. */
  if (!self->scroll_lanes && self->lanes->len < self->n_rows
      && self->n_rows <= 2 * floor (height / compact_row_height (self)))
    {
      min_height = compact_row_height (self);
      self->compact_rows = TRUE;
      choose_lanes (self, (guint) MAX (1, floor (height / min_height)));
    }
  /* Rows that scroll anyway needn't be squeezed: they get room for a label
   * above or under their markers. */
  if (self->scroll_lanes && self->lanes->len < self->n_rows
      && self->n_rows <= TRANCHE_TIMELINE_MERGE_LANES
      && height / (SCROLLED_ROW * min_height) >= MIN_SCROLLED_ROWS)
    {
      self->lane_scroll = scroll;
      choose_lanes (self, (guint) MAX (1, floor (height / (SCROLLED_ROW * min_height))));
    }
  if (self->lanes->len == 0)
    return;
  size_lanes (self, top, height, min_height);
  lay_out_headers (self, frame);
}
