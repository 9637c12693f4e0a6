/* tranche-timeline-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tranche-format.h"
#include "tranche-mask.h"
#include "tranche-timeline-layout-private.h"

/* Past this share of an export's height, the legend goes compact. */
#define COMPACT_LEGEND_SHARE 0.15

/* A layout of plain text (never markup: the text comes from the file),
 * shaped through the text cache; the scene owns the reference it gets, so
 * the cache may forget it at any time. */
PangoLayout *
tranche_timeline_scene_text (TrancheTimelineLayout *self,
                             TrancheTextFont        font,
                             const char            *text,
                             double                 max_width,
                             gsize                  bold_len)
{
  PangoLayout *layout;

  g_assert (self != NULL);
  layout = tranche_text_cache_get (self->text, font, text, max_width, bold_len);
  g_ptr_array_add (self->layouts, layout);
  return layout;
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

const char *
tranche_timeline_scene_intern (TrancheTimelineLayout *self,
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
  self->n_index_lanes = self->n_rows = 0;
  g_hash_table_remove_all (self->slots);
  self->others_slot = NO_SLOT;
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
  self->others_slot = NO_SLOT;
  self->slots = g_hash_table_new (NULL, NULL);
  self->pinned_keys = g_ptr_array_new_with_free_func (g_free);
  self->pinned = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected = G_MAXUINT;
  self->reveal = G_MAXUINT;
  self->focus = -1;
  self->label_end = NAN;
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
  g_hash_table_unref (self->slots);
  g_ptr_array_unref (self->pinned_keys);
  g_array_unref (self->pinned);
  g_clear_pointer (&self->text, tranche_text_cache_free);
  g_clear_pointer (&self->index, tranche_lane_index_free);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_free (self);
}

/* The largest amount of the whole dataset and its number of rows, which
 * size markers whatever the filter: a filtered view keeps the sizes the
 * analyst has seen. Read off an unfiltered index (the window's comes from
 * the loading worker); a view filtered from the start (an export of a
 * filtered window) makes one once. */
static void
measure_scale (TrancheTimelineLayout *self)
{
  g_autoptr(TrancheLaneIndex) unfiltered = NULL;
  TrancheLaneIndex *index = self->index;

  if (self->scale_dataset == self->dataset && self->scale_mode == self->mode)
    return;
  if (tranche_lane_index_get_scale_max (index) < 0)
    index = unfiltered = tranche_lane_index_new (self->dataset, self->mode, NULL);
  self->scale_dataset = self->dataset;
  self->scale_mode = self->mode;
  self->scale_r_max = 0;
  self->scale_max = tranche_lane_index_get_scale_max (index);
  self->scale_rows = tranche_lane_index_get_n_lanes (index);
  self->scale_weight = 0;
  for (guint i = 0; i < self->scale_rows; i++)
    {
      const TrancheLaneInfo *lane = tranche_lane_index_get_lane (index, i);

      self->scale_weight += tranche_timeline_lanes_weight (lane->kind, lane->n_events);
    }
}

/* `index` (owned from here) is one made already for the dataset, the mode
 * and the mask; NULL to make it here. */
static void
replace_index (TrancheTimelineLayout *self,
               TrancheLaneIndex      *index)
{
  const guint8 *mask = NULL;
  GBytes *fitting;

  g_clear_pointer (&self->index, tranche_lane_index_free);
  self->has_range = FALSE;
  g_array_set_size (self->pinned, 0);
  if (self->dataset == NULL)
    {
      self->scale_dataset = NULL;
      return;
    }
  self->has_range = tranche_dataset_get_day_range (self->dataset, &self->range_first,
                                                   &self->range_end);
  if (index != NULL)
    {
      /* An index made in the loading worker: the pins still resolve on it. */
      self->index = index;
      measure_scale (self);
      tranche_timeline_lanes_resolve_pins (self);
      return;
    }
  /* The dataset and the mask are set apart: one policy with every view. */
  fitting = tranche_mask_bytes_for (self->mask, self->dataset);
  if (fitting != NULL)
    mask = g_bytes_get_data (fitting, NULL);
  self->index = tranche_lane_index_new (self->dataset, self->mode, mask);
  measure_scale (self);
  tranche_timeline_lanes_resolve_pins (self);
}

static void
rebuild_index (TrancheTimelineLayout *self)
{
  replace_index (self, NULL);
}

void
tranche_timeline_layout_set_data_with_index (TrancheTimelineLayout *self,
                                             TrancheDataset        *dataset,
                                             GBytes                *mask,
                                             TrancheLaneIndex      *index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dataset != NULL && index != NULL);
  g_return_if_fail (tranche_lane_index_get_dataset (index) == dataset);
  g_return_if_fail (tranche_lane_index_get_mode (index) == self->mode);

  if (dataset != self->dataset)
    {
      g_clear_pointer (&self->dataset, tranche_dataset_unref);
      self->dataset = tranche_dataset_ref (dataset);
    }
  if (mask != self->mask)
    {
      g_clear_pointer (&self->mask, g_bytes_unref);
      self->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
    }
  replace_index (self, index);
  self->dirty = TRUE;
}

void
tranche_timeline_layout_set_mask (TrancheTimelineLayout *self,
                                  GBytes                *mask)
{
  g_return_if_fail (self != NULL);

  if (mask == self->mask
      || (mask != NULL && self->mask != NULL && g_bytes_equal (mask, self->mask)))
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
  self->scale_dataset = NULL;
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
tranche_timeline_layout_set_show_legend (TrancheTimelineLayout *self,
                                         gboolean               show)
{
  g_return_if_fail (self != NULL);
  if (self->hide_legend != !show)
    {
      self->hide_legend = !show;
      self->dirty = TRUE;
    }
}

void
tranche_timeline_layout_set_focus (TrancheTimelineLayout *self,
                                   int                    event,
                                   TrancheDay             label_end)
{
  g_return_if_fail (self != NULL);
  if (self->focus != event
      || !(self->label_end == label_end || (isnan (self->label_end) && isnan (label_end))))
    {
      self->focus = event;
      self->label_end = label_end;
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

void
tranche_timeline_layout_set_scroll_lanes (TrancheTimelineLayout *self,
                                          gboolean               scroll)
{
  g_return_if_fail (self != NULL);
  if (self->scroll_lanes != !!scroll)
    {
      self->scroll_lanes = !!scroll;
      self->dirty = TRUE;
    }
}

void
tranche_timeline_layout_set_lanes_in_range (TrancheTimelineLayout *self,
                                            gboolean               in_range)
{
  g_return_if_fail (self != NULL);
  if (self->lanes_in_range != !!in_range)
    {
      self->lanes_in_range = !!in_range;
      self->dirty = TRUE;
    }
}

void
tranche_timeline_layout_set_lane_scroll (TrancheTimelineLayout *self,
                                         guint                  first_row)
{
  g_return_if_fail (self != NULL);
  if (self->lane_scroll != first_row)
    {
      self->lane_scroll = first_row;
      self->dirty = TRUE;
    }
}

void
tranche_timeline_layout_get_lane_rows (TrancheTimelineLayout *self,
                                       guint                 *first_row,
                                       guint                 *n_shown,
                                       guint                 *n_rows)
{
  g_return_if_fail (self != NULL);
  if (first_row != NULL)
    *first_row = self->lane_scroll;
  if (n_shown != NULL)
    *n_shown = self->lanes->len;
  if (n_rows != NULL)
    *n_rows = self->n_rows;
}

double
tranche_timeline_layout_get_lane_shortfall (TrancheTimelineLayout *self,
                                            double                 factor)
{
  g_return_val_if_fail (self != NULL, 0);
  if (self->dataset == NULL || self->n_rows == 0)
    return 0;
  return MAX (factor * tranche_timeline_lanes_min_height (self, self->n_rows)
              - self->plot.height, 0);
}

double
tranche_timeline_layout_get_least_lane_shortfall (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  if (self->dataset == NULL || self->n_rows == 0)
    return 0;
  return MAX (tranche_timeline_lanes_least_height (self, self->n_rows) - self->plot.height, 0);
}

gboolean
tranche_timeline_layout_lanes_fit (TrancheTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dataset == NULL || tranche_timeline_lanes_fit (self, self->plot.height);
}

void
tranche_timeline_layout_set_pinned_lanes (TrancheTimelineLayout *self,
                                          const char *const     *keys)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->pinned_keys, 0);
  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    g_ptr_array_add (self->pinned_keys, g_strdup (keys[k]));
  tranche_timeline_lanes_resolve_pins (self);
  self->dirty = TRUE;
}

void
tranche_timeline_layout_set_selected (TrancheTimelineLayout *self,
                                      int                    event)
{
  guint selected = event >= 0 ? (guint) event : G_MAXUINT;

  g_return_if_fail (self != NULL);
  if (self->selected == selected)
    return;
  self->selected = selected;
  /* A scene that folds lanes may have to show another one; one that
   * scrolls them brings the selected event's lane into view. */
  if (self->others_slot != NO_SLOT)
    self->dirty = TRUE;
  if (self->scroll_lanes && selected != G_MAXUINT)
    {
      self->reveal = selected;
      self->dirty = TRUE;
    }
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
  TrancheTimelineFrame frame;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first != NULL && end != NULL, FALSE);

  if (self->dataset == NULL || !self->has_range)
    return FALSE;
  lo = self->range_first;
  hi = self->range_end;
  tranche_timeline_frame_init (self, width, &frame);
  tranche_time_scale_init (&scale, lo, hi, frame.plot_x, frame.plot_width);
  /* Room for the widest marker plus a label's overhang at both ends. */
  tranche_time_scale_fit (&scale, lo, hi, S (self, 56));
  *first = scale.first;
  *end = scale.end;
  return TRUE;
}

static void
layout_title (TrancheTimelineLayout      *self,
              const TrancheTimelineFrame *frame,
              double                      width,
              double                     *y)
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

  self->title = tranche_timeline_scene_text (self, TRANCHE_TEXT_TITLE, title,
                                             width - 2 * frame->margin_x, 0);
  tranche_draw_get_text_size (self->title, &w, &h);
  self->title_rect = (TrancheRect) { frame->margin_x, *y, w, h };
  *y += h + S (self, 4);

  tranche_currency_to_code (tranche_dataset_get_currency (self->dataset), code);
  if (self->has_range && MIN (self->range_end, self->end) > MAX (self->range_first, self->first))
    {
      /* The years of the data within the range shown. */
      g_autofree char *years = tranche_format_year_span (MAX (self->range_first, self->first),
                                                         MIN (self->range_end, self->end));
      /* Translators: under the chart title: "9 events, 2018–2023 · amounts in USD" */
      subtitle = g_strdup_printf (C_("chart subtitle", "%s, %s · amounts in %s"), events, years,
                                  code);
    }
  else
    subtitle = g_strdup (events);
  self->subtitle = tranche_timeline_scene_text (self, TRANCHE_TEXT_BODY, subtitle,
                                                width - 2 * frame->margin_x, 0);
  tranche_draw_get_text_size (self->subtitle, &w, &h);
  self->subtitle_rect = (TrancheRect) { frame->margin_x, *y, w, h };
  *y += h + S (self, 18);
}

/* Rows of tick labels the axis keeps room for: the window keeps two, so
 * its lanes don't jump when zooming adds the months' row; a scene that
 * can't scroll gives an unused row to its lanes. */
static guint
axis_rows (TrancheTimelineLayout *self)
{
  return self->scroll_lanes ? 2 : MAX (tranche_ticks_get_n_rows (self->ticks), 1);
}

/* The plot between the title (ending at `top`) and the axis, with room
 * under the axis for a legend of `legend_height`. */
static void
place_plot (TrancheTimelineLayout      *self,
            const TrancheTimelineFrame *frame,
            double                      top,
            double                      height,
            double                      legend_height,
            double                      line_height)
{
  double axis_height = axis_rows (self) * (line_height + S (self, 6));
  double plot_bottom = height - frame->margin_bottom - legend_height - S (self, 16) - axis_height;

  /* The today label sits above the plot's top edge. */
  self->plot = (TrancheRect) { frame->plot_x, top, frame->plot_width, MAX (plot_bottom - top, 1) };
  tranche_time_scale_set_extent (&self->scale, self->plot.x, self->plot.width);
}

/* The legend was reserved for the largest circles; drawn at the markers'
 * real size it is often much shorter, and that room goes back to the lanes
 * (keeping the marker sizes, which the legend now describes). */
static void
give_back_legend_room (TrancheTimelineLayout      *self,
                       const TrancheTimelineFrame *frame,
                       double                      width,
                       double                      reserved,
                       double                      line_height)
{
  double fitted = tranche_timeline_legend_measure (self, frame, width);

  /* A dataset that can turn dense keeps a line for the note under it. */
  if (tranche_dataset_get_n_events (self->dataset) > TRANCHE_TIMELINE_DENSE_THRESHOLD)
    fitted += line_height + S (self, 6);
  if (fitted < reserved - 1 && self->lanes->len > 0)
    {
      self->plot.height += reserved - fitted;
      tranche_timeline_lanes_build (self, frame, self->plot.y, self->plot.height);
    }
}

/* The ticks depend on the time scale only, so they are chosen before the
 * plot is placed, and placed under it after. */
static void
choose_ticks (TrancheTimelineLayout *self)
{
  /* Both rows are measured and painted in one font; row 1 stands out by
   * colour, so what was measured is what is drawn. */
  self->tick_layouts[0] = make_scratch (self, TRANCHE_TEXT_SMALL);
  self->tick_layouts[1] = make_scratch (self, TRANCHE_TEXT_SMALL);
  self->ticks = tranche_ticks_new (&self->scale, measure_cached, self, S (self, 4), S (self, 14));
  for (guint row = 0; row < tranche_ticks_get_n_rows (self->ticks); row++)
    for (guint i = 0; i < tranche_ticks_get_n_ticks (self->ticks, row); i++)
      {
        const TrancheTick *tick = tranche_ticks_get_tick (self->ticks, row, i);
        PangoLayout *label = NULL;

        if (tick->label != NULL)
          label = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL, tick->label, -1, 0);
        g_ptr_array_add (self->tick_labels[row], label);
      }
}

static void
place_ticks (TrancheTimelineLayout *self,
             double                 line_height)
{
  self->tick_row_y[0] = self->plot.y + self->plot.height + S (self, 6);
  self->tick_row_y[1] = self->tick_row_y[0] + line_height + S (self, 6);

  self->today_x = NAN;
  if (isfinite (self->today) && self->today >= self->scale.first && self->today < self->scale.end)
    self->today_x = tranche_time_scale_day_to_x (&self->scale, self->today);
}

void
tranche_timeline_layout_update (TrancheTimelineLayout *self,
                                double                 width,
                                double                 height,
                                TrancheDay             first,
                                TrancheDay             end)
{
  TrancheTimelineFrame frame;
  double y, legend_height, line_height;

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
  tranche_timeline_frame_init (self, width, &frame);
  tranche_time_scale_init (&self->scale, first, end, frame.plot_x, frame.plot_width);
  if (self->dataset == NULL)
    {
      self->plot = (TrancheRect) { frame.plot_x, frame.margin_top, frame.plot_width,
                                   MAX (height - frame.margin_top - frame.margin_bottom, 1) };
      return;
    }

  y = frame.margin_top;
  layout_title (self, &frame, width, &y);
  tranche_timeline_markers_init_radii (self);
  /* Reserve the legend at its largest (every item, full-size circles). */
  self->compact_legend = FALSE;
  legend_height = self->hide_legend ? 0 : tranche_timeline_legend_measure (self, &frame, width);
  /* A legend taking a good share of the height takes it from the lanes
   * (a small export can't scroll them; a small window showed four of
   * sixteen under a three-row legend), so it goes to its compact form. */
  if (legend_height > COMPACT_LEGEND_SHARE * height)
    {
      self->compact_legend = TRUE;
      legend_height = tranche_timeline_legend_measure (self, &frame, width);
    }
  /* The height of a line of small text: tick rows, news rows, the note. */
  tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, "2023", NULL, &line_height);
  choose_ticks (self);
  place_plot (self, &frame, y, height, legend_height, line_height);
  tranche_timeline_lanes_build (self, &frame, self->plot.y, self->plot.height);
  tranche_timeline_markers_fit_radii (self);
  if (!self->hide_legend)
    give_back_legend_room (self, &frame, width, legend_height, line_height);
  /* The lanes given the legend's room back may be fewer or shorter: the
   * markers (and the legend drawn after them) follow the final lanes. */
  tranche_timeline_markers_fit_radii (self);
  place_ticks (self, line_height);
  tranche_timeline_markers_build (self, line_height);
  tranche_timeline_labels_place (self);
  if (!self->hide_legend)
    tranche_timeline_legend_build (self, &frame,
                                   self->tick_row_y[axis_rows (self) - 1] + line_height
                                   + S (self, 22),
                                   width, height);
  self->reveal = G_MAXUINT;
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
