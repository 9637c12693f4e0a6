/* tranche-timeline-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-draw.h"
#include "tranche-format.h"
#include "tranche-timeline-layout.h"

#define OTHERS_LANE G_MAXUINT
#define NO_SLOT     G_MAXUINT
/* Labels tried per scene: more would not fit on any screen anyway. */
#define MAX_LABEL_TRIES 400
/* Lane colours the legend names; the rest are counted ("+12 more"). */
#define LEGEND_SWATCHES 8

/* Something that wants a label, ordered by how much it matters. */
typedef struct
{
  double            priority;
  TrancheLabelOwner owner;
  guint             index;
} LabelRequest;

/* An event on its way to becoming a marker or a cluster member. */
typedef struct
{
  double x;
  double radius;
  double value;      /* for sorting labels and summing clusters; < 0 unknown */
  guint  marker;     /* index in markers */
  guint  group;      /* lane slot * rows + row: clusters only form inside one */
} Item;

struct _TrancheTimelineLayout
{
  TrancheDataset        *dataset;
  TrancheLaneIndex      *index;
  GBytes                *mask;
  gboolean               has_range;    /* the dataset's day range, kept: it costs a scan */
  TrancheDay             range_first, range_end;
  TrancheLaneMode        mode;
  TrancheTheme           theme;
  gboolean               show_title;
  TrancheDay             today;
  TrancheTextCache      *text;         /* shaped text, kept across updates */
  gboolean               dirty;

  /* the scene */
  double                 width, height;
  TrancheDay             first, end;
  TrancheTimeScale       scale;
  TrancheRect            plot;
  GPtrArray             *layouts;      /* every PangoLayout of the scene, to free */
  GStringChunk          *strings;
  PangoLayout           *title, *subtitle, *note;
  TrancheRect            title_rect, subtitle_rect, note_rect;
  TrancheTicks          *ticks;
  PangoLayout           *tick_layouts[2];
  GPtrArray             *tick_labels[2]; /* PangoLayout per tick, NULL without label */
  double                 tick_row_y[2];
  double                 today_x;
  GArray                *lanes;        /* TrancheTimelineLane */
  /* Index lane -> scene lane, without a table as long as the index (which
   * has a lane per pair, hundreds of thousands in a big file): lanes below
   * n_shown keep their number, the news lane has its slot, the rest fold
   * into the others lane. */
  guint                  n_index_lanes;
  guint                  n_shown;
  guint                  others_slot;  /* NO_SLOT without an others lane */
  guint                  news_slot;    /* NO_SLOT without a news lane */
  GArray                *markers;      /* TrancheTimelineMarker */
  GArray                *clusters;     /* TrancheTimelineCluster */
  GArray                *members;      /* guint */
  GArray                *labels;       /* TrancheTimelineLabel */
  GArray                *legend;       /* TrancheTimelineLegendItem */
  gboolean               dense;
  guint32               *density;
  guint                  n_columns;
  guint32                density_max;
  guint                  n_visible;
  double                 r_max, r_min, r_unknown, r_fixed, r_news;
  double                 max_value;
};

static double
S (TrancheTimelineLayout *self,
   double                 size)
{
  return tranche_theme_size (&self->theme, size);
}

/* A layout of plain text (never markup: the text comes from the file),
 * shaped through the text cache and kept by the scene until the next update. */
static PangoLayout *
make_layout_full (TrancheTimelineLayout *self,
                  TrancheTextFont        font,
                  const char            *text,
                  double                 max_width,
                  gsize                  bold_len)
{
  PangoLayout *layout = tranche_text_cache_get (self->text, font, text, max_width, bold_len);

  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static PangoLayout *
make_text (TrancheTimelineLayout *self,
           TrancheTextFont        font,
           const char            *text,
           double                 max_width)
{
  return make_layout_full (self, font, text, max_width, 0);
}

/* A layout whose text the painter changes: never shared. */
static PangoLayout *
make_scratch (TrancheTimelineLayout *self,
              TrancheTextFont        font)
{
  PangoLayout *layout = tranche_text_cache_new_layout (self->text, font, "");

  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static double
measure_cached (const char *text,
                gpointer    user_data)
{
  TrancheTimelineLayout *self = user_data;
  double width;

  tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, text, &width, NULL);
  return width;
}

static const char *
intern (TrancheTimelineLayout *self,
        const char            *text)
{
  return g_string_chunk_insert (self->strings, text);
}

static void
clear_scene (TrancheTimelineLayout *self)
{
  g_ptr_array_set_size (self->layouts, 0);
  g_string_chunk_clear (self->strings);
  self->title = self->subtitle = self->note = NULL;
  self->tick_layouts[0] = self->tick_layouts[1] = NULL;
  g_ptr_array_set_size (self->tick_labels[0], 0);
  g_ptr_array_set_size (self->tick_labels[1], 0);
  g_clear_pointer (&self->ticks, tranche_ticks_free);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->markers, 0);
  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->members, 0);
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->legend, 0);
  self->n_index_lanes = self->n_shown = 0;
  self->others_slot = self->news_slot = NO_SLOT;
  g_clear_pointer (&self->density, g_free);
  self->n_columns = 0;
  self->density_max = 0;
  self->dense = FALSE;
  self->n_visible = 0;
  self->today_x = NAN;
}

TrancheTimelineLayout *
tranche_timeline_layout_new (void)
{
  TrancheTimelineLayout *self = g_new0 (TrancheTimelineLayout, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->text = tranche_text_cache_new ();
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->tick_labels[0] = g_ptr_array_new ();
  self->tick_labels[1] = g_ptr_array_new ();
  self->strings = g_string_chunk_new (1024);
  self->lanes = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineLane));
  self->markers = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineMarker));
  self->clusters = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineCluster));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->labels = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineLabel));
  self->legend = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineLegendItem));
  self->today = tranche_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                      g_date_time_get_day_of_month (now));
  self->today_x = NAN;
  self->others_slot = self->news_slot = NO_SLOT;
  tranche_theme_init (&self->theme, TRANCHE_THEME_LIGHT, 1.0);
  tranche_text_cache_set_theme (self->text, &self->theme);
  self->dirty = TRUE;
  return self;
}

void
tranche_timeline_layout_free (TrancheTimelineLayout *self)
{
  if (self == NULL)
    return;
  clear_scene (self);
  g_ptr_array_unref (self->layouts);
  g_ptr_array_unref (self->tick_labels[0]);
  g_ptr_array_unref (self->tick_labels[1]);
  g_string_chunk_free (self->strings);
  g_array_unref (self->lanes);
  g_array_unref (self->markers);
  g_array_unref (self->clusters);
  g_array_unref (self->members);
  g_array_unref (self->labels);
  g_array_unref (self->legend);
  g_clear_pointer (&self->text, tranche_text_cache_free);
  g_clear_pointer (&self->index, tranche_lane_index_free);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_free (self);
}

static void
rebuild_index (TrancheTimelineLayout *self)
{
  const guint8 *mask = NULL;

  g_clear_pointer (&self->index, tranche_lane_index_free);
  self->has_range = FALSE;
  if (self->dataset == NULL)
    return;
  self->has_range = tranche_dataset_get_day_range (self->dataset, &self->range_first,
                                                   &self->range_end);
  /* A mask of the wrong length belongs to another dataset: ignore it. */
  if (self->mask != NULL
      && g_bytes_get_size (self->mask) == tranche_dataset_get_n_events (self->dataset))
    mask = g_bytes_get_data (self->mask, NULL);
  self->index = tranche_lane_index_new (self->dataset, self->mode, mask);
}

void
tranche_timeline_layout_set_mask (TrancheTimelineLayout *self,
                                  GBytes                *mask)
{
  g_return_if_fail (self != NULL);

  if (mask == self->mask || (mask != NULL && self->mask != NULL && g_bytes_equal (mask, self->mask)))
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  self->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
  rebuild_index (self);
  self->dirty = TRUE;
}

void
tranche_timeline_layout_set_dataset (TrancheTimelineLayout *self,
                                     TrancheDataset        *dataset)
{
  g_return_if_fail (self != NULL);

  if (dataset == self->dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  if (dataset != NULL)
    self->dataset = tranche_dataset_ref (dataset);
  rebuild_index (self);
  self->dirty = TRUE;
}

TrancheDataset *
tranche_timeline_layout_get_dataset (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

void
tranche_timeline_layout_set_lane_mode (TrancheTimelineLayout *self,
                                       TrancheLaneMode        mode)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mode <= TRANCHE_LANES_BY_INVESTOR);

  if (mode == self->mode)
    return;
  self->mode = mode;
  rebuild_index (self);
  self->dirty = TRUE;
}

TrancheLaneMode
tranche_timeline_layout_get_lane_mode (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, TRANCHE_LANES_BY_PAIR);
  return self->mode;
}

void
tranche_timeline_layout_set_theme (TrancheTimelineLayout *self,
                                   const TrancheTheme    *theme)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (theme != NULL);

  self->theme = *theme;
  tranche_text_cache_set_theme (self->text, &self->theme);
  self->dirty = TRUE;
}

const TrancheTheme *
tranche_timeline_layout_get_theme (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->theme;
}

void
tranche_timeline_layout_set_show_title (TrancheTimelineLayout *self,
                                        gboolean               show)
{
  g_return_if_fail (self != NULL);
  if (self->show_title != !!show)
    {
      self->show_title = !!show;
      self->dirty = TRUE;
    }
}

void
tranche_timeline_layout_set_today (TrancheTimelineLayout *self,
                                   TrancheDay             today)
{
  g_return_if_fail (self != NULL);
  self->today = today;
  self->dirty = TRUE;
}

/* ---- geometry shared by fit_range and update ---- */

typedef struct
{
  double margin_x, margin_top, margin_bottom;
  double header_width;   /* lane header column */
  double plot_x, plot_width;
} Frame;

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

static void
compute_frame (TrancheTimelineLayout *self,
               double                 width,
               Frame                 *frame)
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

gboolean
tranche_timeline_layout_fit_range (TrancheTimelineLayout *self,
                                   double                 width,
                                   double                 height,
                                   TrancheDay            *first,
                                   TrancheDay            *end)
{
  TrancheTimeScale scale;
  TrancheDay lo, hi;
  Frame frame;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first != NULL && end != NULL, FALSE);

  if (self->dataset == NULL || !self->has_range)
    return FALSE;
  lo = self->range_first;
  hi = self->range_end;
  compute_frame (self, width, &frame);
  tranche_time_scale_init (&scale, lo, hi, frame.plot_x, frame.plot_width);
  /* Room for the widest marker plus a label's overhang at both ends. */
  tranche_time_scale_fit (&scale, lo, hi, S (self, 56));
  *first = scale.first;
  *end = scale.end;
  return TRUE;
}

/* ---- legend ---- */

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
  item.text = intern (self, text);
  item.layout = make_text (self, TRANCHE_TEXT_SMALL, text, -1);
  g_array_append_val (items, item);
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
  double sym = S (self, 18);

  /* Investors (or targets, by target), in lane order. */
  for (guint i = 0; i < MIN (n_entities, LEGEND_SWATCHES); i++)
    add_legend_item (self, items, TRANCHE_LEGEND_SWATCH, S (self, 12), S (self, 6),
                     tranche_color_from_rgb (tranche_lane_index_entity_color (self->index,
                                                                              entities[i]), 1),
                     tranche_dataset_get_entity (self->dataset, entities[i])->name);
  if (n_entities > LEGEND_SWATCHES)
    {
      guint n_more = n_entities - LEGEND_SWATCHES;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", n_more), n_more);
      add_legend_item (self, items, TRANCHE_LEGEND_SWATCH, 0, 0, neutral, text);
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
          if (values[i] <= 0 || values[i] == last)
            continue;
          last = values[i];
          r = MAX (self->r_min, r_max * sqrt (values[i] / self->max_value));
          text = tranche_format_amount (values[i], currency, FALSE);
          add_legend_item (self, items, TRANCHE_LEGEND_SIZE, 2 * r, r, neutral, text);
        }
    }

  if (features & TRANCHE_FEATURE_UNDISCLOSED)
    add_legend_item (self, items, TRANCHE_LEGEND_UNDISCLOSED, 2 * S (self, 9), S (self, 9),
                     neutral, C_("legend", "hollow: amount undisclosed"));
  if (features & TRANCHE_FEATURE_APPROX)
    add_legend_item (self, items, TRANCHE_LEGEND_APPROX, 0, 0, neutral,
                     C_("legend", "~ approximate"));
  if (features & TRANCHE_FEATURE_RANGE)
    add_legend_item (self, items, TRANCHE_LEGEND_RANGE, sym, S (self, 8), neutral,
                     C_("legend", "whisker: reported range"));
  if (features & TRANCHE_FEATURE_YEAR)
    add_legend_item (self, items, TRANCHE_LEGEND_BAND, 2 * sym, S (self, 8), neutral,
                     C_("legend", "band: date known only to the year"));
  else if (features & TRANCHE_FEATURE_QUARTER)
    add_legend_item (self, items, TRANCHE_LEGEND_BAND, 2 * sym, S (self, 8), neutral,
                     C_("legend", "band: date known only to the quarter"));
  else if (features & TRANCHE_FEATURE_MONTH)
    add_legend_item (self, items, TRANCHE_LEGEND_BAND, 2 * sym, S (self, 8), neutral,
                     C_("legend", "band: date known only to the month"));
  if (features & TRANCHE_FEATURE_SPAN)
    add_legend_item (self, items, TRANCHE_LEGEND_SPAN, 2 * sym, S (self, 6), neutral,
                     C_("legend", "bar: until its end date"));
  if (features & TRANCHE_FEATURE_ACQUISITION)
    add_legend_item (self, items, TRANCHE_LEGEND_ACQUISITION, sym, S (self, 8), neutral,
                     C_("legend", "acquisition"));
  if (features & TRANCHE_FEATURE_VALUATION)
    add_legend_item (self, items, TRANCHE_LEGEND_VALUATION, sym, S (self, 7), neutral,
                     C_("legend", "valuation (not to scale)"));
  if (with_clusters)
    add_legend_item (self, items, TRANCHE_LEGEND_CLUSTER, 2 * sym, S (self, 8), neutral,
                     C_("legend", "merged events: count"));
  if (with_density)
    add_legend_item (self, items, TRANCHE_LEGEND_DENSITY, 2 * sym, S (self, 6), neutral,
                     C_("legend", "shading: events per pixel"));
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
  double gap = S (self, 20), inner = S (self, 7);
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
          row_y += row_height + S (self, 8);
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
                    == TRANCHE_LEGEND_SWATCH ? S (self, 14) : gap);
      row_height = MAX (row_height, h);
    }
  return row_y + row_height - y;
}

/* ---- markers ---- */

double
tranche_timeline_layout_radius_for_value (TrancheTimelineLayout *self,
                                          double                 value)
{
  g_return_val_if_fail (self != NULL, 0);

  if (!(self->max_value > 0) || !(value > 0))
    return self->r_min;
  /* Area, not radius, is proportional to the amount. */
  return MAX (self->r_min, self->r_max * sqrt (MIN (value, self->max_value) / self->max_value));
}

static TrancheColor
event_color (TrancheTimelineLayout *self,
             const TrancheEvent    *event)
{
  if (event->kind == TRANCHE_EVENT_NEWS)
    return self->theme.neutral;
  if (event->n_investors > 0)
    return tranche_color_from_rgb (
      tranche_lane_index_entity_color (self->index,
                                       tranche_dataset_event_investor (self->dataset, event, 0)),
      1);
  if (event->target != TRANCHE_NO_ENTITY)
    return tranche_color_from_rgb (tranche_lane_index_entity_color (self->index, event->target),
                                   1);
  return self->theme.neutral;
}

/* Builds the marker of an event at scene lane `slot`; FALSE when nothing of
 * it (marker, band, bar) reaches the plot. */
static gboolean
make_marker (TrancheTimelineLayout *self,
             guint                  event_index,
             guint                  slot,
             TrancheTimelineMarker *marker,
             double                *value)
{
  const TrancheEvent *event = tranche_dataset_get_event (self->dataset, event_index);
  const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
  const TrancheMoney *money = &event->amount;
  double left, right;

  memset (marker, 0, sizeof *marker);
  marker->event = event_index;
  marker->lane = slot;
  marker->x = tranche_time_scale_day_to_x (&self->scale, tranche_date_middle_day (&event->date));
  marker->y = lane->y + lane->height / 2;
  marker->color = event_color (self, event);
  marker->precision = event->date.precision;
  *value = -1;

  switch (event->kind)
    {
    case TRANCHE_EVENT_NEWS:
      marker->shape = TRANCHE_MARKER_DOT;
      marker->radius = self->r_news;
      money = NULL;
      break;
    case TRANCHE_EVENT_VALUATION:
      marker->shape = TRANCHE_MARKER_TRIANGLE;
      marker->radius = self->r_fixed;
      money = &event->valuation;
      break;
    case TRANCHE_EVENT_ACQUISITION:
      marker->shape = TRANCHE_MARKER_DIAMOND;
      break;
    default:
      marker->shape = TRANCHE_MARKER_CIRCLE;
      break;
    }

  if (money != NULL)
    {
      if (money->flags & TRANCHE_MONEY_APPROX)
        marker->flags |= TRANCHE_MARKER_APPROX;
      if (event->kind != TRANCHE_EVENT_VALUATION)
        {
          if (tranche_lane_index_size_value (self->index, event, value))
            marker->radius = tranche_timeline_layout_radius_for_value (self, *value);
          else
            {
              marker->flags |= TRANCHE_MARKER_HOLLOW;
              marker->radius = self->r_unknown;
            }
          if ((money->flags & TRANCHE_MONEY_HAS_RANGE) && tranche_money_is_known (money))
            {
              double rate = 1, cur = 0;
              /* The whisker uses the same conversion as the marker. */
              if (tranche_money_best_value (money, &cur) && cur > 0)
                rate = *value / cur;
              marker->flags |= TRANCHE_MARKER_RANGE;
              marker->radius_min = tranche_timeline_layout_radius_for_value (self, money->min * rate);
              marker->radius_max = tranche_timeline_layout_radius_for_value (self, money->max * rate);
            }
        }
      else if (!tranche_money_is_known (money))
        marker->flags |= TRANCHE_MARKER_HOLLOW;
    }

  left = marker->x - marker->radius;
  right = marker->x + marker->radius;
  if (event->date.precision != TRANCHE_PRECISION_DAY)
    {
      marker->flags |= TRANCHE_MARKER_PARTIAL;
      marker->band_x0 = tranche_time_scale_day_to_x (&self->scale,
                                                     tranche_date_first_day (&event->date));
      marker->band_x1 = tranche_time_scale_day_to_x (&self->scale,
                                                     tranche_date_end_day (&event->date));
      left = MIN (left, marker->band_x0);
      right = MAX (right, marker->band_x1);
    }
  if (tranche_date_is_set (&event->end))
    {
      marker->flags |= TRANCHE_MARKER_SPAN;
      marker->span_x0 = tranche_time_scale_day_to_x (&self->scale, event->first_day);
      marker->span_x1 = tranche_time_scale_day_to_x (&self->scale, event->end_day);
      left = MIN (left, marker->span_x0);
      right = MAX (right, marker->span_x1);
    }
  return right >= self->plot.x && left <= self->plot.x + self->plot.width;
}

static int
compare_items (const void *a,
               const void *b)
{
  const Item *ia = a, *ib = b;

  if (ia->group != ib->group)
    return ia->group < ib->group ? -1 : 1;
  if (ia->x != ib->x)
    return ia->x < ib->x ? -1 : 1;
  return ia->marker < ib->marker ? -1 : ia->marker > ib->marker;
}

static int
compare_markers_by_size (const void *a,
                         const void *b)
{
  const TrancheTimelineMarker *ma = a, *mb = b;

  if (ma->radius != mb->radius)
    return ma->radius > mb->radius ? -1 : 1;
  return ma->event < mb->event ? -1 : ma->event > mb->event;
}

/* Markers whose centres nearly coincide in a lane row can't be told apart:
 * they become one cluster. Single members stay markers. Returns a keep mask. */
static void
cluster_items (TrancheTimelineLayout *self,
               Item                  *items,
               guint                  n_items,
               gboolean              *clustered)
{
  double slack = S (self, 2);
  /* A cluster no wider than this, so a dense decade doesn't become one pill. */
  double max_width = 4 * self->r_max;

  /* a scene with no markers passes no array, which qsort() must not get */
  if (n_items > 1)
    qsort (items, n_items, sizeof (Item), compare_items);
  for (guint i = 0; i < n_items;)
    {
      guint j = i + 1;

      while (j < n_items && items[j].group == items[i].group
             && items[j].x - items[j - 1].x < 0.6 * MIN (items[j].radius, items[j - 1].radius) + slack
             && items[j].x - items[i].x < max_width)
        j++;

      if (j - i > 1)
        {
          TrancheTimelineCluster cluster = { 0 };
          const TrancheTimelineMarker *first =
            &g_array_index (self->markers, TrancheTimelineMarker, items[i].marker);
          gboolean same_color = TRUE;

          cluster.lane = first->lane;
          cluster.x0 = items[i].x;
          cluster.x1 = items[j - 1].x;
          cluster.y = first->y;
          cluster.first_member = self->members->len;
          cluster.n_members = j - i;
          cluster.color = first->color;
          for (guint k = i; k < j; k++)
            {
              const TrancheTimelineMarker *m =
                &g_array_index (self->markers, TrancheTimelineMarker, items[k].marker);
              g_array_append_val (self->members, m->event);
              if (items[k].value >= 0)
                cluster.total += items[k].value;
              else
                cluster.partial = TRUE;
              if (memcmp (&m->color, &cluster.color, sizeof cluster.color) != 0)
                same_color = FALSE;
              clustered[items[k].marker] = TRUE;
            }
          if (!same_color)
            cluster.color = self->theme.neutral;
          cluster.radius = cluster.total > 0
            ? MAX (tranche_timeline_layout_radius_for_value (self, cluster.total), S (self, 9))
            : S (self, 9);
          g_array_append_val (self->clusters, cluster);
        }
      i = j;
    }
}

/* ---- labels ---- */

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

static PangoLayout *
make_label_layout (TrancheTimelineLayout *self,
                   const char            *text,
                   gsize                  bold_len,
                   double                 max_width)
{
  return make_layout_full (self, TRANCHE_TEXT_BODY, text, max_width, bold_len);
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
place_labels (TrancheTimelineLayout *self,
              TrancheLabelPlacer    *placer)
{
  g_autoptr(GArray) requests = g_array_new (FALSE, FALSE, sizeof (LabelRequest));
  double gap = S (self, 4);
  double max_width = MIN (S (self, 380), self->plot.width / 2.5);
  guint tries = 0;

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
      g_array_append_val (requests, r);
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      LabelRequest r = { c->radius + 0.5, TRANCHE_LABEL_FOR_CLUSTER, i };
      g_array_append_val (requests, r);
    }
  g_array_sort (requests, compare_requests);

  for (guint i = 0; i < requests->len && tries < MAX_LABEL_TRIES; i++, tries++)
    {
      const LabelRequest *r = &g_array_index (requests, LabelRequest, i);
      TrancheTimelineLabel label = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;
      gsize bold_len = 0;
      double x, y, rx, ry, w1, h1, w2 = 0, h2 = 0;
      gboolean side;
      PangoLayout *first_line, *second_line = NULL;

      label.owner = r->owner;
      label.index = r->index;
      if (r->owner == TRANCHE_LABEL_FOR_MARKER)
        {
          const TrancheTimelineMarker *m =
            &g_array_index (self->markers, TrancheTimelineMarker, r->index);
          marker_label_text (self, tranche_dataset_get_event (self->dataset, m->event),
                             &text, &detail, &bold_len);
          x = m->x;
          y = m->y;
          rx = ry = m->radius;
          if (m->flags & TRANCHE_MARKER_RANGE)
            ry = MAX (ry, m->radius_max);
          side = m->shape == TRANCHE_MARKER_DOT;
        }
      else
        {
          const TrancheTimelineCluster *c =
            &g_array_index (self->clusters, TrancheTimelineCluster, r->index);
          const TrancheEvent *first_event =
            tranche_dataset_get_event (self->dataset,
                                       g_array_index (self->members, guint, c->first_member));
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                                 "%u events", c->n_members),
                                                    c->n_members);
          if (c->total > 0)
            {
              g_autofree char *total =
                tranche_format_amount (c->total, tranche_dataset_get_currency (self->dataset),
                                       FALSE);
              /* Translators: a cluster's label, "12 events · $3.4B"; "+" when some
               * amounts are not known */
              text = g_strdup_printf (c->partial ? C_("cluster label", "%s · %s+")
                                                 : C_("cluster label", "%s · %s"),
                                      count, total);
            }
          else
            text = g_strdup (count);
          bold_len = strlen (count);
          detail = tranche_format_date (&first_event->date);
          x = (c->x0 + c->x1) / 2;
          y = c->y;
          rx = (c->x1 - c->x0) / 2 + c->radius;
          ry = c->radius;
          side = FALSE;
        }

      first_line = make_label_layout (self, text, bold_len, max_width);
      tranche_draw_get_text_size (first_line, &w1, &h1);
      if (detail != NULL && *detail != '\0')
        {
          second_line = make_text (self, TRANCHE_TEXT_SMALL, detail, max_width);
          tranche_draw_get_text_size (second_line, &w2, &h2);
        }

      /* Two lines, else the first alone; what doesn't fit is dropped. */
      if (second_line != NULL
          && find_place (placer, x, y, rx, ry, MAX (w1, w2), h1 + h2, gap, side, &label.rect))
        {
          label.detail = intern (self, detail);
          label.detail_layout = second_line;
          label.detail_y = label.rect.y + h1;
        }
      else if (!find_place (placer, x, y, rx, ry, w1, h1, gap, side, &label.rect))
        continue;

      label.text = intern (self, text);
      label.layout = first_line;
      tranche_label_placer_add_rect (placer, &label.rect);
      g_array_append_val (self->labels, label);
    }
}

/* ---- density ---- */

static void
compute_density (TrancheTimelineLayout *self)
{
  guint n_lanes = self->lanes->len;
  g_autofree TrancheDay *bounds = NULL;
  guint n = (guint) ceil (self->plot.width);

  self->n_columns = n;
  self->density = g_new0 (guint32, (gsize) n * MAX (n_lanes, 1));
  bounds = g_new (TrancheDay, n + 1);
  for (guint c = 0; c <= n; c++)
    bounds[c] = tranche_time_scale_x_to_day (&self->scale, self->plot.x + c);

  for (guint slot = 0; slot < n_lanes; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      guint32 *row = self->density + (gsize) slot * n;
      guint prev;

      if (lane->index == OTHERS_LANE)
        continue;
      prev = tranche_lane_index_count_before (self->index, lane->index, bounds[0]);
      for (guint c = 0; c < n; c++)
        {
          guint next = tranche_lane_index_count_before (self->index, lane->index, bounds[c + 1]);
          row[c] = next - prev;
          prev = next;
        }
    }

  /* The "others" lane is everything minus the lanes shown, so its cost
   * doesn't grow with the number of lanes folded into it. */
  for (guint slot = 0; slot < n_lanes; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      guint32 *row = self->density + (gsize) slot * n;
      guint prev;

      if (lane->index != OTHERS_LANE)
        continue;
      prev = tranche_lane_index_count_before (self->index, TRANCHE_LANE_ALL, bounds[0]);
      for (guint c = 0; c < n; c++)
        {
          guint next = tranche_lane_index_count_before (self->index, TRANCHE_LANE_ALL,
                                                        bounds[c + 1]);
          row[c] = next - prev;
          prev = next;
        }
      for (guint other = 0; other < n_lanes; other++)
        {
          const guint32 *shown = self->density + (gsize) other * n;
          if (other == slot)
            continue;
          for (guint c = 0; c < n; c++)
            row[c] -= shown[c];
        }
    }

  for (gsize i = 0; i < (gsize) n * n_lanes; i++)
    self->density_max = MAX (self->density_max, self->density[i]);
}

/* ---- the scene ---- */

/* The scene lane of an index lane, or NO_SLOT. */
static guint
slot_for_lane (TrancheTimelineLayout *self,
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
  lane.title = intern (self, title);
  lane.subtitle = intern (self, subtitle);
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
  rest.title = intern (self, title);
  rest.subtitle = intern (self, C_("lane", "smaller lanes together"));
  g_array_append_val (self->lanes, rest);
}

/* The lanes that fit in `height`: the first of the index's order, then the
 * rest folded into one, then news. Only lanes that get drawn are touched, so
 * a file with a lane per pair costs no more per frame than a small one. */
static void
build_lanes (TrancheTimelineLayout *self,
             const Frame           *frame,
             double                 top,
             double                 height)
{
  guint n_index = tranche_lane_index_get_n_lanes (self->index);
  gboolean has_news = n_index > 0
    && tranche_lane_index_get_lane (self->index, n_index - 1)->kind == TRANCHE_LANE_NEWS;
  guint n_money = n_index - (has_news ? 1 : 0);
  double min_height = S (self, 56);
  guint capacity = (guint) MAX (1, floor (height / min_height));
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

  /* Lanes get the height their content needs: a valuation lane holds small
   * fixed markers, a busy news lane stacks its headlines in rows. */
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

  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      double th, sh, text_width = frame->header_width - S (self, 22);

      lane->title_layout = make_text (self, TRANCHE_TEXT_BODY_BOLD, lane->title, text_width);
      lane->subtitle_layout = make_text (self, TRANCHE_TEXT_SMALL, lane->subtitle, text_width);
      tranche_draw_get_text_size (lane->title_layout, NULL, &th);
      tranche_draw_get_text_size (lane->subtitle_layout, NULL, &sh);
      lane->header.x = frame->margin_x;
      lane->header.width = frame->header_width;
      lane->header.height = th + sh;
      lane->header.y = lane->y + (lane->height - th - sh) / 2;
    }
}

static void
layout_title (TrancheTimelineLayout *self,
              const Frame           *frame,
              double                 width,
              double                *y)
{
  const char *title = tranche_dataset_get_title (self->dataset);
  guint n_events = tranche_dataset_get_n_events (self->dataset);
  double w, h;
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                          "%u events", n_events), n_events);
  g_autofree char *subtitle = NULL;
  char code[4];

  if (!self->show_title || title == NULL || *title == '\0')
    return;

  self->title = make_text (self, TRANCHE_TEXT_TITLE, title, width - 2 * frame->margin_x);
  tranche_draw_get_text_size (self->title, &w, &h);
  self->title_rect = (TrancheRect) { frame->margin_x, *y, w, h };
  *y += h + S (self, 4);

  tranche_currency_to_code (tranche_dataset_get_currency (self->dataset), code);
  if (self->has_range)
    {
      int y0, y1;
      tranche_day_to_ymd (self->range_first, &y0, NULL, NULL);
      tranche_day_to_ymd (self->range_end - 1, &y1, NULL, NULL);
      /* Translators: under the chart title: "9 events, 2018–2023 · amounts in USD" */
      subtitle = y0 == y1 ? g_strdup_printf (C_("chart subtitle", "%s, %d · amounts in %s"),
                                             events, y0, code)
                          : g_strdup_printf (C_("chart subtitle", "%s, %d–%d · amounts in %s"),
                                             events, y0, y1, code);
    }
  else
    subtitle = g_strdup (events);
  self->subtitle = make_text (self, TRANCHE_TEXT_BODY, subtitle, width - 2 * frame->margin_x);
  tranche_draw_get_text_size (self->subtitle, &w, &h);
  self->subtitle_rect = (TrancheRect) { frame->margin_x, *y, w, h };
  *y += h + S (self, 18);
}

static void
add_marker_items (TrancheTimelineLayout *self,
                  guint                  event_index,
                  GArray                *items,
                  guint                  n_rows)
{
  TrancheTimelineMarker marker;
  guint lane = tranche_lane_index_event_lane (self->index, event_index);
  guint slot = lane == TRANCHE_LANE_NONE ? NO_SLOT : slot_for_lane (self, lane);
  double value;
  Item item = { 0 };

  if (slot == NO_SLOT || !make_marker (self, event_index, slot, &marker, &value))
    return;
  item.x = marker.x;
  item.radius = marker.radius;
  item.value = value;
  item.marker = self->markers->len;
  item.group = slot * n_rows;
  g_array_append_val (self->markers, marker);
  g_array_append_val (items, item);
}

/* News dots are all one size; stacking them in rows lets every headline of a
 * busy year get its own line instead of one pile. */
static void
stack_news (TrancheTimelineLayout *self,
            Item                  *items,
            guint                  n_items,
            guint                  n_rows)
{
  g_autofree double *row_end = g_new (double, n_rows);
  double row_height, gap = S (self, 8);

  for (guint r = 0; r < n_rows; r++)
    row_end[r] = -G_MAXDOUBLE;
  if (n_items > 1)
    qsort (items, n_items, sizeof (Item), compare_items);
  for (guint i = 0; i < n_items; i++)
    {
      TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker,
                                                 items[i].marker);
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, m->lane);
      const TrancheEvent *event;
      double label_width, best = G_MAXDOUBLE;
      guint row = 0;
      g_autoptr(PangoLayout) probe = NULL;

      if (lane->kind != TRANCHE_LANE_NEWS)
        continue;
      event = tranche_dataset_get_event (self->dataset, m->event);
      probe = tranche_text_cache_get (self->text, TRANCHE_TEXT_BODY,
                                      event->title ? event->title : "",
                                      MIN (S (self, 380), self->plot.width / 2.5), 0);
      tranche_draw_get_text_size (probe, &label_width, NULL);

      for (guint r = 0; r < n_rows; r++)
        {
          if (row_end[r] < m->x - m->radius - gap)
            {
              row = r;
              best = -1;
              break;
            }
          if (row_end[r] < best)
            {
              best = row_end[r];
              row = r;
            }
        }
      row_height = lane->height / n_rows;
      m->y = lane->y + row_height * (row + 0.5);
      row_end[row] = m->x + m->radius + gap + label_width;
      items[i].group += row;
    }
}

void
tranche_timeline_layout_update (TrancheTimelineLayout *self,
                                double                 width,
                                double                 height,
                                TrancheDay             first,
                                TrancheDay             end)
{
  Frame frame;
  double y, legend_height, axis_height, tick_h, plot_bottom;
  g_autoptr(GArray) legend_probe = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(TrancheLabelPlacer) placer = NULL;
  g_autofree gboolean *clustered = NULL;
  TrancheDay cull_first, cull_end;
  guint from = 0, to = 0, n_rows = 1;

  g_return_if_fail (self != NULL);

  if (!self->dirty && width == self->width && height == self->height
      && first == self->first && end == self->end)
    return;

  clear_scene (self);
  self->dirty = FALSE;
  self->width = width;
  self->height = height;
  self->first = first;
  self->end = end;
  compute_frame (self, width, &frame);
  tranche_time_scale_init (&self->scale, first, end, frame.plot_x, frame.plot_width);
  if (self->dataset == NULL)
    {
      self->plot = (TrancheRect) { frame.plot_x, frame.margin_top, frame.plot_width,
                                   MAX (height - frame.margin_top - frame.margin_bottom, 1) };
      return;
    }

  y = frame.margin_top;
  layout_title (self, &frame, width, &y);

  /* Marker sizes cap at a size that still leaves lanes room for labels. */
  self->max_value = tranche_lane_index_get_max_value (self->index);
  self->r_min = S (self, 3);
  self->r_news = S (self, 5);
  self->r_fixed = S (self, 7);
  self->r_max = S (self, 38);

  /* Reserve the legend at its largest (every item, full-size circles). */
  legend_probe = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineLegendItem));
  collect_legend (self, legend_probe, self->r_max, TRUE, TRUE);
  legend_height = flow_legend (self, legend_probe, frame.margin_x, 0,
                               width - 2 * frame.margin_x);

  tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, "2023", NULL, &tick_h);
  axis_height = 2 * (tick_h + S (self, 6));
  plot_bottom = height - frame.margin_bottom - legend_height - S (self, 16) - axis_height;
  /* The today label sits above the plot's top edge. */
  self->plot = (TrancheRect) { frame.plot_x, y, frame.plot_width, MAX (plot_bottom - y, 1) };
  tranche_time_scale_set_extent (&self->scale, self->plot.x, self->plot.width);

  build_lanes (self, &frame, self->plot.y, self->plot.height);
  if (self->lanes->len > 0)
    {
      double lane_height = 0;
      for (guint i = 0; i < self->lanes->len; i++)
        if (g_array_index (self->lanes, TrancheTimelineLane, i).kind == TRANCHE_LANE_MONEY)
          lane_height = MAX (lane_height, g_array_index (self->lanes, TrancheTimelineLane, i).height);
      if (lane_height == 0)
        lane_height = g_array_index (self->lanes, TrancheTimelineLane, 0).height;
      self->r_max = CLAMP (lane_height * 0.3, S (self, 6), S (self, 38));
    }
  self->r_unknown = MAX (self->r_max * 0.42, S (self, 7));
  self->r_min = MIN (self->r_min, self->r_max);

  /* The legend was reserved for the largest circles; drawn at the markers'
   * real size it is often much shorter, and that room goes back to the
   * lanes (keeping the marker sizes, which the legend now describes). */
  {
    g_autoptr(GArray) fitted = g_array_new (FALSE, TRUE, sizeof (TrancheTimelineLegendItem));
    double fitted_height;

    collect_legend (self, fitted, self->r_max, TRUE, TRUE);
    fitted_height = flow_legend (self, fitted, frame.margin_x, 0, width - 2 * frame.margin_x);
    /* A dataset that can turn dense keeps a line for the note under it. */
    if (tranche_dataset_get_n_events (self->dataset) > TRANCHE_TIMELINE_DENSE_THRESHOLD)
      fitted_height += tick_h + S (self, 6);
    if (fitted_height < legend_height - 1 && self->lanes->len > 0)
      {
        self->plot.height += legend_height - fitted_height;
        build_lanes (self, &frame, self->plot.y, self->plot.height);
      }
  }

  /* Ticks */
  /* Both rows are measured and painted in one font; row 1 stands out by
   * colour, so what was measured is what is drawn. */
  self->tick_layouts[0] = make_scratch (self, TRANCHE_TEXT_SMALL);
  self->tick_layouts[1] = make_scratch (self, TRANCHE_TEXT_SMALL);
  self->ticks = tranche_ticks_new (&self->scale, measure_cached, self, S (self, 4), S (self, 14));
  for (guint row = 0; row < tranche_ticks_get_n_rows (self->ticks); row++)
    for (guint i = 0; i < tranche_ticks_get_n_ticks (self->ticks, row); i++)
      {
        const TrancheTick *tick = tranche_ticks_get_tick (self->ticks, row, i);
        g_ptr_array_add (self->tick_labels[row],
                         tick->label ? make_text (self, TRANCHE_TEXT_SMALL, tick->label, -1) : NULL);
      }
  self->tick_row_y[0] = self->plot.y + self->plot.height + S (self, 6);
  self->tick_row_y[1] = self->tick_row_y[0] + tick_h + S (self, 6);

  self->today_x = NAN;
  if (isfinite (self->today) && self->today >= self->scale.first && self->today < self->scale.end)
    self->today_x = tranche_time_scale_day_to_x (&self->scale, self->today);

  /* Cull: a marker reaches into view from r_max pixels outside it. */
  cull_first = tranche_time_scale_x_to_day (&self->scale, self->plot.x - self->r_max);
  cull_end = tranche_time_scale_x_to_day (&self->scale,
                                          self->plot.x + self->plot.width + self->r_max);
  tranche_dataset_visible_range (self->dataset, cull_first, cull_end, &from, &to);
  self->n_visible = to - from;
  self->dense = self->n_visible > TRANCHE_TIMELINE_DENSE_THRESHOLD;

  items = g_array_new (FALSE, FALSE, sizeof (Item));
  if (self->dense)
    {
      guint largest[TRANCHE_TIMELINE_DENSE_MARKERS];
      guint n_largest = tranche_lane_index_largest_in (self->index, cull_first, cull_end,
                                                       G_N_ELEMENTS (largest), largest);

      compute_density (self);
      for (guint i = 0; i < n_largest; i++)
        add_marker_items (self, largest[i], items, 1);
    }
  else
    {
      const TrancheTimelineLane *last = self->lanes->len > 0
        ? &g_array_index (self->lanes, TrancheTimelineLane, self->lanes->len - 1) : NULL;

      if (last != NULL && last->kind == TRANCHE_LANE_NEWS)
        n_rows = MAX (1, (guint) floor (last->height / (2.4 * tick_h + S (self, 8))));
      for (guint i = from; i < to; i++)
        {
          const TrancheEvent *event = tranche_dataset_get_event (self->dataset, i);
          if (event->end_day <= cull_first)
            continue;
          add_marker_items (self, i, items, n_rows);
        }
      stack_news (self, (Item *) items->data, items->len, n_rows);
      clustered = g_new0 (gboolean, MAX (self->markers->len, 1));
      cluster_items (self, (Item *) items->data, items->len, clustered);

      /* Drop clustered markers, keeping order. */
      {
        guint kept = 0;
        for (guint i = 0; i < self->markers->len; i++)
          if (!clustered[i])
            g_array_index (self->markers, TrancheTimelineMarker, kept++) =
              g_array_index (self->markers, TrancheTimelineMarker, i);
        g_array_set_size (self->markers, kept);
      }
    }
  g_array_sort (self->markers, compare_markers_by_size);

  /* Labels: everything drawn is an obstacle first. */
  placer = tranche_label_placer_new (&self->plot, S (self, 3));
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
  if (isfinite (self->today_x))
    {
      TrancheTimelineLabel label = { 0 };
      double w, h;

      label.owner = TRANCHE_LABEL_FOR_TODAY;
      label.index = 0;
      /* Translators: the label of the vertical line at the current date */
      label.text = intern (self, C_("timeline", "Today"));
      label.layout = make_text (self, TRANCHE_TEXT_SMALL_BOLD, label.text, -1);
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
  place_labels (self, placer);

  /* The legend, now that the view is known. */
  collect_legend (self, self->legend, self->r_max, self->clusters->len > 0, self->dense);
  legend_height = flow_legend (self, self->legend, frame.margin_x,
                               self->tick_row_y[1] + tick_h + S (self, 22),
                               width - 2 * frame.margin_x);
  if (self->dense)
    {
      g_autofree char *note = NULL;
      double w, h;
      guint n_markers = self->markers->len;

      /* Translators: under the legend when there are too many events to draw
       * one by one */
      note = g_strdup_printf (C_("timeline", "%u events in view: the %u largest are drawn "
                                             "one by one, the others as shading"),
                              self->n_visible, n_markers);
      self->note = make_text (self, TRANCHE_TEXT_SMALL, note, width - 2 * frame.margin_x);
      tranche_draw_get_text_size (self->note, &w, &h);
      self->note_rect = (TrancheRect) { frame.margin_x,
                                        MIN (self->tick_row_y[1] + tick_h + S (self, 22)
                                             + legend_height + S (self, 6),
                                             height - frame.margin_bottom / 2 - h),
                                        w, h };
    }
}

double
tranche_timeline_layout_get_width (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
tranche_timeline_layout_get_height (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

const TrancheTimeScale *
tranche_timeline_layout_get_scale (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->scale;
}

const TrancheRect *
tranche_timeline_layout_get_plot (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->plot;
}

PangoLayout *
tranche_timeline_layout_get_title (TrancheTimelineLayout *self,
                                   TrancheRect           *rect)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (rect != NULL)
    *rect = self->title_rect;
  return self->title;
}

PangoLayout *
tranche_timeline_layout_get_subtitle (TrancheTimelineLayout *self,
                                      TrancheRect           *rect)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (rect != NULL)
    *rect = self->subtitle_rect;
  return self->subtitle;
}

PangoLayout *
tranche_timeline_layout_get_note (TrancheTimelineLayout *self,
                                  TrancheRect           *rect)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (rect != NULL)
    *rect = self->note_rect;
  return self->note;
}

TrancheTicks *
tranche_timeline_layout_get_ticks (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->ticks;
}

double
tranche_timeline_layout_get_tick_row_y (TrancheTimelineLayout *self,
                                        guint                  row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < 2, 0);
  return self->tick_row_y[row];
}

PangoLayout *
tranche_timeline_layout_get_tick_layout (TrancheTimelineLayout *self,
                                         guint                  row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < 2, NULL);
  return self->tick_layouts[row];
}

PangoLayout *
tranche_timeline_layout_get_tick_label (TrancheTimelineLayout *self,
                                        guint                  row,
                                        guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < 2, NULL);
  if (index >= self->tick_labels[row]->len)
    return NULL;
  return g_ptr_array_index (self->tick_labels[row], index);
}

TrancheTextCache *
tranche_timeline_layout_get_text_cache (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

double
tranche_timeline_layout_get_today_x (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->today_x;
}

guint
tranche_timeline_layout_get_n_lanes (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lanes->len;
}

const TrancheTimelineLane *
tranche_timeline_layout_get_lane (TrancheTimelineLayout *self,
                                  guint                  lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);
  return &g_array_index (self->lanes, TrancheTimelineLane, lane);
}

guint
tranche_timeline_layout_get_n_markers (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->markers->len;
}

const TrancheTimelineMarker *
tranche_timeline_layout_get_marker (TrancheTimelineLayout *self,
                                    guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->markers->len, NULL);
  return &g_array_index (self->markers, TrancheTimelineMarker, index);
}

guint
tranche_timeline_layout_get_n_clusters (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->clusters->len;
}

const TrancheTimelineCluster *
tranche_timeline_layout_get_cluster (TrancheTimelineLayout *self,
                                     guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->clusters->len, NULL);
  return &g_array_index (self->clusters, TrancheTimelineCluster, index);
}

const guint *
tranche_timeline_layout_get_cluster_members (TrancheTimelineLayout *self,
                                             guint                  index,
                                             guint                 *n_members)
{
  const TrancheTimelineCluster *cluster;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->clusters->len, NULL);
  g_return_val_if_fail (n_members != NULL, NULL);

  cluster = &g_array_index (self->clusters, TrancheTimelineCluster, index);
  *n_members = cluster->n_members;
  return &g_array_index (self->members, guint, cluster->first_member);
}

guint
tranche_timeline_layout_get_n_labels (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->labels->len;
}

const TrancheTimelineLabel *
tranche_timeline_layout_get_label (TrancheTimelineLayout *self,
                                   guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return &g_array_index (self->labels, TrancheTimelineLabel, index);
}

guint
tranche_timeline_layout_get_n_legend_items (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->legend->len;
}

const TrancheTimelineLegendItem *
tranche_timeline_layout_get_legend_item (TrancheTimelineLayout *self,
                                         guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->legend->len, NULL);
  return &g_array_index (self->legend, TrancheTimelineLegendItem, index);
}

gboolean
tranche_timeline_layout_is_dense (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dense;
}

const guint32 *
tranche_timeline_layout_get_density (TrancheTimelineLayout *self,
                                     guint                  lane,
                                     guint                 *n_columns)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = self->n_columns;
  if (self->density == NULL || lane >= self->lanes->len)
    return NULL;
  return self->density + (gsize) lane * self->n_columns;
}

guint32
tranche_timeline_layout_get_density_max (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->density_max;
}

guint
tranche_timeline_layout_get_n_visible (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_visible;
}

static double
distance_to_rect (const TrancheRect *rect,
                  double             x,
                  double             y)
{
  double dx = MAX (MAX (rect->x - x, 0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0), y - (rect->y + rect->height));

  return sqrt (dx * dx + dy * dy);
}

gboolean
tranche_timeline_layout_hit_test (TrancheTimelineLayout *self,
                                  double                 x,
                                  double                 y,
                                  double                 tolerance,
                                  TrancheTimelineHit    *hit)
{
  TrancheTimelineHit best = { TRANCHE_HIT_NONE, 0, 0 };
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  tolerance = MAX (tolerance, 0);

  /* Markers are painted largest first: walk backwards so the one on top
   * wins a tie. */
  for (guint i = self->markers->len; i-- > 0;)
    {
      const TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker, i);
      double d = MAX (0, hypot (x - m->x, y - m->y) - m->radius);
      if (d <= tolerance && d < best_distance)
        {
          best_distance = d;
          best = (TrancheTimelineHit) { TRANCHE_HIT_MARKER, i, m->event };
        }
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      TrancheRect pill = { c->x0 - c->radius, c->y - c->radius,
                           c->x1 - c->x0 + 2 * c->radius, 2 * c->radius };
      double d = distance_to_rect (&pill, x, y);
      if (d <= tolerance && d < best_distance)
        {
          best_distance = d;
          best = (TrancheTimelineHit) { TRANCHE_HIT_CLUSTER, i,
                                        g_array_index (self->members, guint, c->first_member) };
        }
    }
  /* A label stands for its marker, but only where no marker is closer. */
  if (best.kind == TRANCHE_HIT_NONE)
    for (guint i = 0; i < self->labels->len; i++)
      {
        const TrancheTimelineLabel *label = &g_array_index (self->labels, TrancheTimelineLabel, i);
        if (!tranche_rect_contains (&label->rect, x, y))
          continue;
        if (label->owner == TRANCHE_LABEL_FOR_MARKER)
          best = (TrancheTimelineHit) { TRANCHE_HIT_MARKER, label->index,
            g_array_index (self->markers, TrancheTimelineMarker, label->index).event };
        else if (label->owner == TRANCHE_LABEL_FOR_CLUSTER)
          {
            const TrancheTimelineCluster *c =
              &g_array_index (self->clusters, TrancheTimelineCluster, label->index);
            best = (TrancheTimelineHit) { TRANCHE_HIT_CLUSTER, label->index,
                                          g_array_index (self->members, guint, c->first_member) };
          }
        else
          continue;
        break;
      }

  *hit = best;
  return best.kind != TRANCHE_HIT_NONE;
}

gboolean
tranche_timeline_layout_find_event (TrancheTimelineLayout *self,
                                    guint                  event,
                                    TrancheTimelineHit    *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  for (guint i = 0; i < self->markers->len; i++)
    if (g_array_index (self->markers, TrancheTimelineMarker, i).event == event)
      {
        *hit = (TrancheTimelineHit) { TRANCHE_HIT_MARKER, i, event };
        return TRUE;
      }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      for (guint k = 0; k < c->n_members; k++)
        if (g_array_index (self->members, guint, c->first_member + k) == event)
          {
            *hit = (TrancheTimelineHit) { TRANCHE_HIT_CLUSTER, i, event };
            return TRUE;
          }
    }
  *hit = (TrancheTimelineHit) { TRANCHE_HIT_NONE, 0, event };
  return FALSE;
}

gboolean
tranche_timeline_layout_event_position (TrancheTimelineLayout *self,
                                        guint                  event,
                                        double                *x,
                                        double                *y)
{
  const TrancheEvent *ev;
  const TrancheTimelineLane *lane;
  guint slot;
  double px;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->dataset == NULL || event >= tranche_dataset_get_n_events (self->dataset))
    return FALSE;
  slot = tranche_lane_index_event_lane (self->index, event);
  if (slot == TRANCHE_LANE_NONE)
    return FALSE;
  slot = slot_for_lane (self, slot);
  if (slot == NO_SLOT || slot >= self->lanes->len)
    return FALSE;
  ev = tranche_dataset_get_event (self->dataset, event);
  px = tranche_time_scale_day_to_x (&self->scale, tranche_date_middle_day (&ev->date));
  if (px < self->plot.x || px > self->plot.x + self->plot.width)
    return FALSE;
  lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
  if (x != NULL)
    *x = px;
  if (y != NULL)
    *y = lane->y + lane->height / 2;
  return TRUE;
}
