/* tranche-timeline-legend.c: what the scene needs explained, flowed in rows under the axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-format.h"
#include "tranche-timeline-layout-private.h"

/* Lane colours the legend names; the rest are counted ("+12 more"). */
#define LEGEND_SWATCHES 8
/* In the compact form (small exports, where each legend row is a lane row
 * less), fewer: the lane headers name them anyway. */
#define COMPACT_SWATCHES 4

static double
nice_floor (double value)
{
  double magnitude, unit;

  if (value <= 0)
    return 0;
  magnitude = pow (10, floor (log10 (value)));
  unit = value / magnitude;
  if (unit >= 5)
    return 5 * magnitude;
  if (unit >= 2)
    return 2 * magnitude;
  return magnitude;
}

static void
add_legend_item (TrancheTimelineLayout *self,
                 GArray                *items,
                 TrancheLegendKind      kind,
                 double                 symbol_width,
                 double                 radius,
                 TrancheColor           color,
                 const char            *text)
{
  TrancheTimelineLegendItem item = { 0 };

  item.kind = kind;
  item.symbol.width = symbol_width;
  item.symbol.height = MAX (2 * radius, S (self, 14));
  item.radius = radius;
  item.color = color;
  item.text = tranche_timeline_scene_intern (self, text);
  item.layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL, text, -1, 0);
  item.entity = TRANCHE_NO_ENTITY;
  g_array_append_val (items, item);
}

const guint32 *
tranche_timeline_layout_get_legend_entities (TrancheTimelineLayout *self,
                                             guint                 *n_entities)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_entities != NULL, NULL);

  *n_entities = 0;
  if (self->index == NULL)
    return NULL;
  return tranche_lane_index_get_lane_entities (self->index, n_entities);
}

TrancheColor
tranche_timeline_layout_entity_color (TrancheTimelineLayout *self,
                                      guint32                entity)
{
  TrancheColor none = { 0 };

  g_return_val_if_fail (self != NULL, none);

  if (self->index == NULL)
    return self->theme.neutral;
  return tranche_color_from_rgb (tranche_lane_index_entity_color (self->index, entity), 1);
}

/* Fills `items` with what the scene needs explained; `with_view` adds the
 * items that depend on the view (clusters, density). */
static void
collect_legend (TrancheTimelineLayout *self,
                GArray                *items,
                double                 r_max,
                gboolean               with_clusters,
                gboolean               with_density)
{
  TrancheFeatures features = tranche_lane_index_get_features (self->index);
  TrancheColor neutral = self->theme.neutral;
  TrancheCurrency currency = tranche_dataset_get_currency (self->dataset);
  guint n_entities;
  const guint32 *entities = tranche_lane_index_get_lane_entities (self->index, &n_entities);
  g_autofree guint32 *shown = NULL;
  double sym = S (self, 18);
  gboolean compact = self->compact_legend;
  guint n_swatches = compact ? COMPACT_SWATCHES : LEGEND_SWATCHES;

  /* A scene that shows only some lanes, and neither folds nor scrolls the
   * rest (an export of a range), names only the colours it shows. */
  if (!self->scroll_lanes && self->others_slot == NO_SLOT && self->lanes_in_range
      && self->lanes->len > 0)
    {
      g_autoptr(GHashTable) in_scene = g_hash_table_new (NULL, NULL);
      guint n_shown = 0;

      for (guint i = 0; i < self->lanes->len; i++)
        {
          const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, i);
          const TrancheLaneInfo *info;

          if (lane->index == OTHERS_LANE)
            continue;
          info = tranche_lane_index_get_lane (self->index, lane->index);
          g_hash_table_add (in_scene, GUINT_TO_POINTER (info->investor + 1));
          g_hash_table_add (in_scene, GUINT_TO_POINTER (info->target + 1));
        }
      shown = g_new (guint32, MAX (n_entities, 1));
      for (guint i = 0; i < n_entities; i++)
        if (g_hash_table_contains (in_scene, GUINT_TO_POINTER (entities[i] + 1)))
          shown[n_shown++] = entities[i];
      entities = shown;
      n_entities = n_shown;
    }

  /* Investors (or targets, by target), in lane order. */
  for (guint i = 0; i < MIN (n_entities, n_swatches); i++)
    {
      add_legend_item (self, items, TRANCHE_LEGEND_SWATCH, S (self, 12), S (self, 6),
                       tranche_timeline_layout_entity_color (self, entities[i]),
                       tranche_dataset_get_entity (self->dataset, entities[i])->name);
      g_array_index (items, TrancheTimelineLegendItem, items->len - 1).entity = entities[i];
    }
  if (n_entities > n_swatches)
    {
      guint n_more = n_entities - n_swatches;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", n_more), n_more);
      add_legend_item (self, items, TRANCHE_LEGEND_SWATCH, 0, 0, neutral, text);
      g_array_index (items, TrancheTimelineLegendItem, items->len - 1).n_more = n_more;
    }

  /* Sizes: round amounts from the largest down, so areas can be compared. */
  if (self->max_value > 0)
    {
      double top = nice_floor (self->max_value);
      double values[3] = { top, nice_floor (top / 3), nice_floor (top / 10) };
      double last = -1;

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *text = NULL;
          double r;
          /* Compact: the largest and the smallest reference say the scale. */
          if (values[i] <= 0 || values[i] == last || (compact && i == 1))
            continue;
          last = values[i];
          r = tranche_timeline_markers_radius (self, r_max, values[i]);
          text = tranche_format_amount (values[i], currency, FALSE);
          add_legend_item (self, items, TRANCHE_LEGEND_SIZE, 2 * r, r, neutral, text);
        }
    }

  if (features & TRANCHE_FEATURE_UNDISCLOSED)
    add_legend_item (self, items, TRANCHE_LEGEND_UNDISCLOSED, 2 * S (self, 9), S (self, 9),
                     neutral,
                     compact ? C_("legend", "undisclosed")
                             : C_("legend", "hollow: amount undisclosed"));
  if (features & TRANCHE_FEATURE_UP_TO)
    /* Translators: legend of a marker drawn with a dashed outline: an
     * amount known only at most ("up to $5B"), sized at that maximum */
    add_legend_item (self, items, TRANCHE_LEGEND_UP_TO, 2 * S (self, 9), S (self, 9),
                     neutral, compact ? C_("legend", "dashed: up to")
                                      : C_("legend", "dashed: up to, sized at the maximum"));
  if (features & TRANCHE_FEATURE_DRAFT)
    /* Translators: legend of a marker with a dashed ring: an event proposed
     * by the extractor and not yet reviewed */
    add_legend_item (self, items, TRANCHE_LEGEND_DRAFT, 2 * S (self, 9), S (self, 6),
                     neutral, compact ? C_("legend", "draft") : C_("legend", "ringed: draft"));
  if (features & TRANCHE_FEATURE_APPROX)
    add_legend_item (self, items, TRANCHE_LEGEND_APPROX, 0, 0, neutral,
                     compact ? C_("legend", "~ approx.")
                             : C_("legend", "~ approximate"));
  if (features & TRANCHE_FEATURE_RANGE)
    add_legend_item (self, items, TRANCHE_LEGEND_RANGE, sym, S (self, 8), neutral,
                     compact ? C_("legend", "range")
                             : C_("legend", "whisker: reported range"));
  if (features & TRANCHE_FEATURE_YEAR)
    add_legend_item (self, items, TRANCHE_LEGEND_BAND, 2 * sym, S (self, 8), neutral,
                     compact ? C_("legend", "year only")
                             : C_("legend", "band: date known only to the year"));
  else if (features & TRANCHE_FEATURE_QUARTER)
    add_legend_item (self, items, TRANCHE_LEGEND_BAND, 2 * sym, S (self, 8), neutral,
                     compact ? C_("legend", "quarter only")
                             : C_("legend", "band: date known only to the quarter"));
  else if (features & TRANCHE_FEATURE_MONTH)
    add_legend_item (self, items, TRANCHE_LEGEND_BAND, 2 * sym, S (self, 8), neutral,
                     compact ? C_("legend", "month only")
                             : C_("legend", "band: date known only to the month"));
  if (features & TRANCHE_FEATURE_SPAN)
    add_legend_item (self, items, TRANCHE_LEGEND_SPAN, 2 * sym, S (self, 6), neutral,
                     compact ? C_("legend", "until end date")
                             : C_("legend", "bar: until its end date"));
  if (features & TRANCHE_FEATURE_ACQUISITION)
    add_legend_item (self, items, TRANCHE_LEGEND_ACQUISITION, sym, S (self, 8), neutral,
                     C_("legend", "acquisition"));
  if (features & TRANCHE_FEATURE_VALUATION)
    add_legend_item (self, items, TRANCHE_LEGEND_VALUATION, sym, S (self, 7), neutral,
                     compact ? C_("legend", "valuation")
                             : C_("legend", "valuation (not to scale)"));
  if (with_clusters)
    add_legend_item (self, items, TRANCHE_LEGEND_CLUSTER, 2 * sym, S (self, 8), neutral,
                     compact ? C_("legend", "merged: count")
                             : C_("legend", "merged events: count"));
  if (with_density)
    add_legend_item (self, items, TRANCHE_LEGEND_DENSITY, 2 * sym, S (self, 6), neutral,
                     compact ? C_("legend", "events per pixel")
                             : C_("legend", "shading: events per pixel"));
}

/* Flows the items in rows from (x, y) within `width`; returns the height. */
static double
flow_legend (TrancheTimelineLayout *self,
             GArray                *items,
             double                 x,
             double                 y,
             double                 width)
{
  double cx = x, row_y = y, row_height = 0;
  double gap = S (self, self->compact_legend ? 12 : 20);
  double inner = S (self, self->compact_legend ? 5 : 7);
  guint row_start = 0;

  for (guint i = 0; i <= items->len; i++)
    {
      TrancheTimelineLegendItem *item = i < items->len
        ? &g_array_index (items, TrancheTimelineLegendItem, i) : NULL;
      double tw = 0, th = 0, w = 0, h = 0;

      if (item != NULL)
        {
          tranche_draw_get_text_size (item->layout, &tw, &th);
          w = item->symbol.width + (item->symbol.width > 0 ? inner : 0) + tw;
          h = MAX (item->symbol.height, th);
        }
      /* Close the row: centre everything in it vertically. */
      if (item == NULL || (cx > x && cx + w > x + width))
        {
          for (guint j = row_start; j < i; j++)
            {
              TrancheTimelineLegendItem *it = &g_array_index (items, TrancheTimelineLegendItem, j);
              double ith;
              tranche_draw_get_text_size (it->layout, NULL, &ith);
              it->symbol.y = row_y + (row_height - it->symbol.height) / 2;
              it->text_y = row_y + (row_height - ith) / 2;
            }
          if (item == NULL)
            break;
          row_y += row_height + S (self, self->compact_legend ? 4 : 8);
          row_height = 0;
          cx = x;
          row_start = i;
        }
      item->symbol.x = cx;
      item->text_x = cx + item->symbol.width + (item->symbol.width > 0 ? inner : 0);
      /* A swatch group reads as one list: tighter gaps between names. */
      cx += w + (item->kind == TRANCHE_LEGEND_SWATCH
                 && i + 1 < items->len
                 && g_array_index (items, TrancheTimelineLegendItem, i + 1).kind
                    == TRANCHE_LEGEND_SWATCH ? S (self, self->compact_legend ? 9 : 14) : gap);
      row_height = MAX (row_height, h);
    }
  return row_y + row_height - y;
}

/* The legend's height with every item it can have, at the current size of
 * the largest marker, flowed across the frame. */
double
tranche_timeline_legend_measure (TrancheTimelineLayout      *self,
                                 const TrancheTimelineFrame *frame,
                                 double                      width)
{
  g_autoptr(GArray) probe = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineLegendItem));

  g_assert (self != NULL);

  collect_legend (self, probe, self->r_max, TRUE, TRUE);
  return flow_legend (self, probe, frame->margin_x, 0, width - 2 * frame->margin_x);
}

/* The legend of what the finished view shows, from `y` down, and the note
 * under it when not every event is drawn one by one. */
void
tranche_timeline_legend_build (TrancheTimelineLayout      *self,
                               const TrancheTimelineFrame *frame,
                               double                      y,
                               double                      width,
                               double                      height)
{
  g_autofree char *note = NULL;
  double legend_height, w, h;

  g_assert (self != NULL);

  collect_legend (self, self->legend, self->r_max, self->clusters->len > 0, self->dense);
  legend_height = flow_legend (self, self->legend, frame->margin_x, y,
                               width - 2 * frame->margin_x);
  if (!self->dense)
    return;

  /* Translators: under the legend when there are too many events to draw
   * one by one */
  note = g_strdup_printf (C_("timeline", "%u events in view: the %u largest are drawn "
                                         "one by one, the others as shading"),
                          self->n_visible, self->markers->len);
  self->note = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL, note,
                                            width - 2 * frame->margin_x, 0);
  tranche_draw_get_text_size (self->note, &w, &h);
  self->note_rect = (TrancheRect) { frame->margin_x,
                                    MIN (y + legend_height + S (self, 6),
                                         height - frame->margin_bottom / 2 - h),
                                    w, h };
}
