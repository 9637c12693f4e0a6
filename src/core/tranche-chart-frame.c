/* tranche-chart-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-chart-frame-parts.h"
#include "tranche-chart-frame-private.h"
#include "tranche-chart-frame.h"
#include "tranche-chart-symbol.h"
#include "tranche-draw.h"
#include "tranche-format.h"

static PangoLayout *
make_text (TrancheChartFrame *self,
           TrancheTextFont    font,
           const char        *text)
{
  PangoLayout *layout;

  /* An empty layout is one whose text its user sets: it gets its own. */
  if (text == NULL || *text == '\0')
    layout = tranche_text_cache_new_layout (self->text, font, text);
  else
    layout = tranche_text_cache_get (self->text, font, text, -1, 0);
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static void
clear_layout (TrancheChartFrame *self)
{
  g_ptr_array_set_size (self->layouts, 0);
  g_string_chunk_clear (self->strings);
  g_array_set_size (self->legend, 0);
  g_array_set_size (self->bands, 0);
  g_array_set_size (self->ticks, 0);
  g_clear_pointer (&self->time_ticks, tranche_ticks_free);
  g_clear_pointer (&self->placer, tranche_label_placer_free);
  g_array_set_size (self->landmarks, 0);
  self->title = self->empty_text = NULL;
  self->title_layout = self->empty_layout = NULL;
  g_array_set_size (self->notes, 0);
  g_ptr_array_set_size (self->note_texts, 0);
  self->time_layouts[0] = self->time_layouts[1] = NULL;
  self->label_layouts[0] = self->label_layouts[1] = NULL;
  self->title_rect = self->empty_rect = (TrancheRect) { 0, 0, 0, 0 };
  self->labels_inside = FALSE;
  self->gutter_width = 0;
}

TrancheChartFrame *
tranche_chart_frame_new (void)
{
  TrancheChartFrame *self = g_new0 (TrancheChartFrame, 1);

  self->text = tranche_text_cache_new ();
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->strings = g_string_chunk_new (512);
  self->legend = g_array_new (FALSE, TRUE, sizeof (TrancheChartLegendItem));
  self->bands = g_array_new (FALSE, TRUE, sizeof (TrancheChartBand));
  self->ticks = g_array_new (FALSE, TRUE, sizeof (TrancheChartTick));
  self->notes = g_array_new (FALSE, TRUE, sizeof (TrancheChartNote));
  self->landmarks = g_array_new (FALSE, FALSE, sizeof (TrancheRect));
  self->note_texts = g_ptr_array_new ();
  tranche_theme_init (&self->theme, TRANCHE_THEME_LIGHT, 1.0);
  tranche_chart_options_init (&self->options);
  tranche_text_cache_set_theme (self->text, &self->theme);
  return self;
}

void
tranche_chart_frame_free (TrancheChartFrame *self)
{
  if (self == NULL)
    return;
  clear_layout (self);
  g_ptr_array_unref (self->layouts);
  g_string_chunk_free (self->strings);
  g_array_unref (self->legend);
  g_array_unref (self->bands);
  g_array_unref (self->ticks);
  g_array_unref (self->notes);
  g_array_unref (self->landmarks);
  g_ptr_array_unref (self->note_texts);
  g_clear_pointer (&self->text, tranche_text_cache_free);
  g_free (self);
}

void
tranche_chart_frame_reset (TrancheChartFrame         *self,
                           const TrancheTheme        *theme,
                           const TrancheChartOptions *options,
                           const TrancheTimeScale    *scale,
                           double                     x,
                           double                     y,
                           double                     width,
                           double                     height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (theme != NULL && scale != NULL);

  clear_layout (self);
  if (theme->scale != self->theme.scale || theme->text_size != self->theme.text_size
      || theme->small_size != self->theme.small_size
      || g_strcmp0 (theme->font_family, self->theme.font_family) != 0)
    {
      self->theme = *theme;
      tranche_text_cache_set_theme (self->text, &self->theme);
    }
  self->theme = *theme;
  if (options != NULL)
    self->options = *options;
  else
    tranche_chart_options_init (&self->options);
  self->scale = *scale;
  self->rect = (TrancheRect) { x, y, MAX (width, 1), MAX (height, 1) };
}

const char *
tranche_chart_frame_intern (TrancheChartFrame *self,
                            const char        *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

void
tranche_chart_frame_set_title (TrancheChartFrame *self,
                               const char        *title)
{
  g_return_if_fail (self != NULL);
  self->title = tranche_chart_frame_intern (self, title);
}

void
tranche_chart_frame_set_empty_text (TrancheChartFrame *self,
                                    const char        *text)
{
  g_return_if_fail (self != NULL);
  self->empty_text = tranche_chart_frame_intern (self, text);
}

void
tranche_chart_frame_add_note (TrancheChartFrame *self,
                              const char        *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  g_ptr_array_add (self->note_texts, (gpointer) tranche_chart_frame_intern (self, text));
}

void
tranche_chart_frame_add_legend (TrancheChartFrame  *self,
                                TrancheChartSymbol  symbol,
                                TrancheColor        color,
                                const char         *text)
{
  TrancheChartLegendItem item = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  item.symbol = symbol;
  item.color = color;
  item.text = tranche_chart_frame_intern (self, text);
  g_array_append_val (self->legend, item);
}

guint
tranche_chart_frame_add_band (TrancheChartFrame *self,
                              TrancheCurrency    currency,
                              const char        *title,
                              const char        *note,
                              TrancheAxisMode    mode,
                              double             lo,
                              double             hi)
{
  TrancheChartBand band = { 0 };

  g_return_val_if_fail (self != NULL, 0);

  band.currency = currency;
  band.title = tranche_chart_frame_intern (self, title);
  band.note = tranche_chart_frame_intern (self, note);
  band.mode = mode;
  band.lo = lo;
  band.hi = hi;
  g_array_append_val (self->bands, band);
  return self->bands->len - 1;
}

void
tranche_chart_fit_scale (const TrancheTheme *theme,
                         TrancheDataset     *dataset,
                         double              x,
                         double              width,
                         TrancheTimeScale   *scale)
{
  double gutter, right;
  TrancheDay first, end;

  g_return_if_fail (theme != NULL && scale != NULL);

  /* Room for "$888.8B" at the theme's small size, and a margin on the right
   * for the last marker's label. */
  gutter = tranche_theme_size (theme, 76);
  right = tranche_theme_size (theme, 24);
  if (dataset == NULL || !tranche_dataset_get_day_range (dataset, &first, &end))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      end = tranche_day_from_ymd (g_date_time_get_year (now), 1, 1);
      first = end - 365.2425 * 5;
    }
  tranche_time_scale_init (scale, first, end, x + gutter, MAX (width - gutter - right, 1));
  tranche_time_scale_fit (scale, first, end, tranche_theme_size (theme, 28));
}

/* ---- layout ---- */

static void
layout_ticks (TrancheChartFrame *self,
              TrancheChartBand  *band)
{
  band->first_tick = self->ticks->len;
  for (guint i = 0; i < band->axis.n_ticks; i++)
    {
      TrancheChartTick tick = { 0 };
      g_autofree char *label = NULL;
      double w, h;

      tick.value = band->axis.ticks[i];
      tick.y = tranche_value_axis_to_y (&band->axis, tick.value);
      tick.major = band->axis.major[i];
      /* A tick right at the band's edge would put half its label outside. */
      if (tick.y < band->rect.y - 0.5 || tick.y > band->rect.y + band->rect.height + 0.5)
        continue;
      label = tranche_format_amount (tick.value, band->currency, FALSE);
      tick.label = tranche_chart_frame_intern (self, label);
      tick.layout = make_text (self, TRANCHE_TEXT_SMALL, label);
      tranche_draw_get_text_size (tick.layout, &w, &h);
      tick.rect = (TrancheRect) { 0, tick.y - h / 2, w, h };
      self->gutter_width = MAX (self->gutter_width, w + S (self, 14));
      g_array_append_val (self->ticks, tick);
    }
  band->n_ticks = self->ticks->len - band->first_tick;
}

static void
place_tick_labels (TrancheChartFrame *self)
{
  double room = self->scale.x - self->rect.x;

  self->labels_inside = room < self->gutter_width;
  for (guint b = 0; b < self->bands->len; b++)
    {
      TrancheChartBand *band = &g_array_index (self->bands, TrancheChartBand, b);

      for (guint i = 0; i < band->n_ticks; i++)
        {
          TrancheChartTick *tick = &g_array_index (self->ticks, TrancheChartTick,
                                                   band->first_tick + i);
          double bottom = band->rect.y + band->rect.height;

          if (self->labels_inside)
            {
              tick->rect.x = self->plot.x + S (self, 4);
              /* Inside the plot a label sits just above its line, clear of
               * the data under the line's left end. */
              tick->rect.y = tick->y - tick->rect.height - S (self, 1);
              if (tick->rect.y < band->rect.y)
                tick->rect.y = band->rect.y;
              if (tick->rect.y + tick->rect.height > bottom)
                tick->rect.y = bottom - tick->rect.height;
              tranche_label_placer_add_rect (self->placer, &tick->rect);
            }
          else
            tick->rect.x = self->plot.x - S (self, 8) - tick->rect.width;
        }
    }
}

static void
add_header_note (TrancheChartFrame *self,
                 const char        *text,
                 PangoLayout       *layout,
                 double             header_y,
                 double             header_height,
                 double            *header_right)
{
  TrancheChartNote note = { text, layout, { 0 } };
  double w, h;

  tranche_draw_get_text_size (layout, &w, &h);
  note.rect = (TrancheRect) { *header_right + S (self, 12), header_y + (header_height - h) / 2,
                              w, h };
  *header_right = note.rect.x + w + S (self, 6);
  g_array_append_val (self->notes, note);
}

/* Notes go beside the title: the first band's (its title is the chart's),
 * then the chart's own. The other bands' go in their captions. */
static void
layout_notes (TrancheChartFrame *self,
              double             header_y,
              double             header_height,
              double            *header_right)
{
  for (guint b = 0; b < self->bands->len; b++)
    {
      TrancheChartBand *band = &g_array_index (self->bands, TrancheChartBand, b);

      if (band->note == NULL)
        continue;
      band->note_layout = make_text (self, TRANCHE_TEXT_SMALL, band->note);
      if (b == 0)
        {
          add_header_note (self, band->note, band->note_layout, header_y, header_height,
                           header_right);
          band->note_rect = g_array_index (self->notes, TrancheChartNote, 0).rect;
        }
    }
  for (guint i = 0; i < self->note_texts->len; i++)
    {
      const char *text = g_ptr_array_index (self->note_texts, i);
      add_header_note (self, text, make_text (self, TRANCHE_TEXT_SMALL, text), header_y,
                       header_height, header_right);
    }
}

void
tranche_chart_frame_layout (TrancheChartFrame *self)
{
  double pad = S (self, 10), y, title_h = 0, row_h, header_right, axis_h = 0;
  double plot_left, plot_right, plot_top, plot_bottom, caption_h, gap, band_h, cursor;
  guint n_bands, rows = 0;

  g_return_if_fail (self != NULL);

  tranche_text_cache_measure (self->text, TRANCHE_TEXT_SMALL, "0", NULL, &self->small_height);

  /* Header: title on the left, the first band's note beside it, the legend
   * right-aligned, flowing onto a second row when it must. */
  y = self->rect.y + S (self, 6);
  header_right = self->rect.x + pad;
  if (self->options.show_legend)
    {
      const char *title = self->title;

      if (title == NULL && self->bands->len > 0)
        title = g_array_index (self->bands, TrancheChartBand, 0).title;
      if (title != NULL)
        {
          double w;

          self->title_layout = make_text (self, TRANCHE_TEXT_BODY_BOLD, title);
          tranche_draw_get_text_size (self->title_layout, &w, &title_h);
          self->title_rect = (TrancheRect) { self->rect.x + pad, y, w, title_h };
          header_right = self->title_rect.x + w;
        }
      row_h = MAX (title_h, self->small_height + S (self, 4));
      layout_notes (self, y, row_h, &header_right);
      for (guint i = 0; i < self->legend->len; i++)
        {
          TrancheChartLegendItem *item = &g_array_index (self->legend, TrancheChartLegendItem, i);
          item->layout = make_text (self, TRANCHE_TEXT_SMALL, item->text);
        }
      rows = 1;
      if (self->legend->len > 0)
        {
          double left = header_right + S (self, 24), right = self->rect.x + self->rect.width - pad;

          rows = MAX (1, tranche_chart_frame_flow_legend (
                              self, left, self->rect.x + pad, right, y, row_h,
                              self->rect.height >= 300 * self->theme.scale ? 2 : 1,
                              S (self, 14)));
          /* A legend never loses items: on a small canvas it tightens and
           * takes another row, then a third. */
          for (guint max_rows = 2;
               max_rows <= 3 && !tranche_chart_frame_legend_all_shown (self); max_rows++)
            rows = MAX (1, tranche_chart_frame_flow_legend (self, left, self->rect.x + pad, right,
                                                            y, row_h, max_rows, S (self, 8)));
        }
      y += rows * row_h + S (self, 4);
    }
  else
    {
      row_h = 0;
      layout_notes (self, y, self->small_height, &header_right);
      if (self->notes->len > 0)
        y += self->small_height + S (self, 6);
    }

  /* Time axis under the plot. */
  if (self->options.show_time_axis)
    {
      self->time_layouts[0] = make_text (self, TRANCHE_TEXT_SMALL, "");
      self->time_layouts[1] = make_text (self, TRANCHE_TEXT_SMALL_BOLD, "");
      self->time_ticks = tranche_ticks_new_for_layout (&self->scale, self->time_layouts[0],
                                                       S (self, 4), S (self, 14));
      axis_h = tranche_ticks_get_n_rows (self->time_ticks) * (self->small_height + S (self, 3))
               + S (self, 6);
    }
  else
    {
      /* The grid still follows the time axis' ticks. */
      PangoLayout *layout = make_text (self, TRANCHE_TEXT_SMALL, "");
      self->time_ticks = tranche_ticks_new_for_layout (&self->scale, layout, S (self, 4),
                                                       S (self, 14));
    }

  plot_left = MAX (self->scale.x, self->rect.x);
  plot_right = MIN (self->scale.x + self->scale.width, self->rect.x + self->rect.width);
  plot_top = y + S (self, 4);
  plot_bottom = self->rect.y + self->rect.height - axis_h - S (self, 4);
  if (plot_bottom < plot_top + 1)
    plot_bottom = plot_top + 1;
  self->plot = (TrancheRect) { plot_left, plot_top, MAX (plot_right - plot_left, 1),
                               plot_bottom - plot_top };
  self->time_y[0] = plot_bottom + S (self, 5);
  self->time_y[1] = self->time_y[0] + self->small_height + S (self, 3);
  self->placer = tranche_label_placer_new (&self->plot, S (self, 2));

  /* Bands share the plot's height; each one after the first has a caption
   * row with its currency and why it stands apart. */
  n_bands = self->bands->len;
  caption_h = self->small_height + S (self, 6);
  gap = S (self, 10);
  band_h = n_bands > 0 ? (self->plot.height - (n_bands - 1) * (gap + caption_h)) / n_bands : 0;
  band_h = MAX (band_h, 1);
  cursor = self->plot.y;
  for (guint b = 0; b < n_bands; b++)
    {
      TrancheChartBand *band = &g_array_index (self->bands, TrancheChartBand, b);
      double top_room = S (self, 6);

      if (b > 0)
        {
          double x = self->plot.x + S (self, 4), w, h;

          cursor += gap;
          band->caption = (TrancheRect) { self->plot.x, cursor, self->plot.width, caption_h };
          band->title_layout = make_text (self, TRANCHE_TEXT_SMALL_BOLD,
                                          band->title ? band->title : "");
          tranche_draw_get_text_size (band->title_layout, &w, &h);
          if (band->note_layout != NULL)
            {
              double nw, nh;
              tranche_draw_get_text_size (band->note_layout, &nw, &nh);
              band->note_rect = (TrancheRect) { x + w + S (self, 12),
                                                cursor + (caption_h - nh) / 2, nw, nh };
            }
          tranche_label_placer_add_rect (self->placer, &band->caption);
          cursor += caption_h;
        }
      else
        band->caption = (TrancheRect) { self->plot.x, cursor, self->plot.width, 0 };
      band->rect = (TrancheRect) { self->plot.x, cursor, self->plot.width, band_h };
      tranche_value_axis_init (&band->axis, band->mode, band->lo, band->hi,
                               band->rect.y + band->rect.height, band->rect.y + top_room,
                               self->small_height * 1.45);
      layout_ticks (self, band);
      cursor += band_h;
    }
  place_tick_labels (self);

  if (n_bands == 0 && self->empty_text != NULL)
    {
      double w, h;

      self->empty_layout = make_text (self, TRANCHE_TEXT_BODY_BOLD, self->empty_text);
      tranche_draw_get_text_size (self->empty_layout, &w, &h);
      self->empty_rect = (TrancheRect) { self->plot.x + (self->plot.width - w) / 2,
                                         self->plot.y + (self->plot.height - h) / 2, w, h };
    }
}

/* ---- getters ---- */

const TrancheTheme *
tranche_chart_frame_get_theme (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->theme;
}

const TrancheTimeScale *
tranche_chart_frame_get_scale (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->scale;
}

const TrancheRect *
tranche_chart_frame_get_rect (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->rect;
}

const TrancheRect *
tranche_chart_frame_get_plot (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->plot;
}

const char *
tranche_chart_frame_get_title (TrancheChartFrame *self,
                               TrancheRect       *rect)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (rect != NULL)
    *rect = self->title_rect;
  return self->title_layout != NULL ? pango_layout_get_text (self->title_layout) : NULL;
}

guint
tranche_chart_frame_get_n_bands (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bands->len;
}

const TrancheChartBand *
tranche_chart_frame_get_band (TrancheChartFrame *self,
                              guint              band)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (band < self->bands->len, NULL);
  return &g_array_index (self->bands, TrancheChartBand, band);
}

guint
tranche_chart_frame_find_band (TrancheChartFrame *self,
                               TrancheCurrency    currency)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  for (guint b = 0; b < self->bands->len; b++)
    if (g_array_index (self->bands, TrancheChartBand, b).currency == currency)
      return b;
  return G_MAXUINT;
}

const TrancheChartTick *
tranche_chart_frame_get_tick (TrancheChartFrame *self,
                              guint              band,
                              guint              index)
{
  const TrancheChartBand *b;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (band < self->bands->len, NULL);

  b = &g_array_index (self->bands, TrancheChartBand, band);
  g_return_val_if_fail (index < b->n_ticks, NULL);
  return &g_array_index (self->ticks, TrancheChartTick, b->first_tick + index);
}

guint
tranche_chart_frame_get_n_notes (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->notes->len;
}

const TrancheChartNote *
tranche_chart_frame_get_note (TrancheChartFrame *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);
  return &g_array_index (self->notes, TrancheChartNote, index);
}

guint
tranche_chart_frame_get_n_legend_items (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->legend->len;
}

const TrancheChartLegendItem *
tranche_chart_frame_get_legend_item (TrancheChartFrame *self,
                                     guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->legend->len, NULL);
  return &g_array_index (self->legend, TrancheChartLegendItem, index);
}

gboolean
tranche_chart_frame_labels_inside (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->labels_inside;
}

double
tranche_chart_frame_value_to_y (TrancheChartFrame *self,
                                guint              band,
                                double             value)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (band < self->bands->len, 0);
  return tranche_value_axis_to_y (&g_array_index (self->bands, TrancheChartBand, band).axis,
                                  value);
}

double
tranche_chart_frame_get_gutter_width (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->gutter_width;
}

PangoLayout *
tranche_chart_frame_make_label (TrancheChartFrame *self,
                                const char        *text,
                                gboolean           bold)
{
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  /* The chart may change the layout's text: one of its own. */
  layout = tranche_text_cache_new_layout (self->text,
                                          bold ? TRANCHE_TEXT_SMALL_BOLD : TRANCHE_TEXT_SMALL, text);
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

TrancheTextCache *
tranche_chart_frame_get_text_cache (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

PangoLayout *
tranche_chart_frame_get_label_layout (TrancheChartFrame *self,
                                      gboolean           bold)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* One per font until the next reset, however often the chart paints. */
  bold = !!bold;
  if (self->label_layouts[bold] == NULL)
    self->label_layouts[bold] = make_text (self, bold ? TRANCHE_TEXT_SMALL_BOLD : TRANCHE_TEXT_SMALL, "");
  return self->label_layouts[bold];
}

guint
tranche_chart_frame_get_n_layouts (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->layouts->len;
}

void
tranche_chart_frame_add_landmark (TrancheChartFrame *self,
                                  const TrancheRect *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  g_array_append_val (self->landmarks, *rect);
}

TrancheLabelPlacer *
tranche_chart_frame_get_placer (TrancheChartFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->placer;
}

/* ---- painting ---- */

void
tranche_chart_frame_clip_to_rect (cairo_t           *cr,
                                  const TrancheRect *rect)
{
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
}

static TrancheColor
note_background (TrancheChartFrame *self)
{
  return tranche_color_mix (self->theme.background, self->theme.today,
                            self->theme.variant == TRANCHE_THEME_DARK ? 0.28 : 0.14);
}

static void
paint_note (TrancheChartFrame *self,
            cairo_t           *cr,
            PangoLayout       *layout,
            const TrancheRect *rect)
{
  double px = S (self, 5), py = S (self, 1);

  tranche_draw_set_color (cr, note_background (self));
  tranche_draw_rounded_rect (cr, rect->x - px, rect->y - py, rect->width + 2 * px,
                             rect->height + 2 * py, S (self, 4));
  cairo_fill (cr);
  tranche_draw_set_color (cr, self->theme.foreground);
  tranche_draw_layout (cr, layout, rect->x, rect->y);
}

/* y tick labels; inside the plot they go over the data, on a backing, so
 * they stay readable where a marker sits at the plot's left edge */
static void
paint_tick_labels (TrancheChartFrame *self,
                   cairo_t           *cr)
{
  for (guint i = 0; i < self->ticks->len; i++)
    {
      TrancheChartTick *tick = &g_array_index (self->ticks, TrancheChartTick, i);

      if (tick->label == NULL)
        continue;
      if (self->labels_inside)
        {
          tranche_draw_set_color (cr, tranche_color_with_alpha (self->theme.background, 0.8));
          cairo_rectangle (cr, tick->rect.x - S (self, 2), tick->rect.y,
                           tick->rect.width + S (self, 4), tick->rect.height);
          cairo_fill (cr);
        }
      tranche_draw_set_color (cr, self->theme.muted);
      tranche_draw_layout (cr, tick->layout, tick->rect.x, tick->rect.y);
    }
}

static void
paint_under (TrancheChartFrame *self,
             cairo_t           *cr)
{
  double line;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  line = MAX (1.0, S (self, 1));
  cairo_save (cr);
  tranche_chart_frame_clip_to_rect (cr, &self->rect);
  tranche_draw_set_color (cr, self->theme.background);
  cairo_paint (cr);

  cairo_set_line_width (cr, line);
  for (guint b = 0; b < self->bands->len; b++)
    {
      TrancheChartBand *band = &g_array_index (self->bands, TrancheChartBand, b);
      double bottom = band->rect.y + band->rect.height;

      if (self->time_ticks != NULL)
        tranche_draw_time_grid (cr, &self->theme, &self->scale, self->time_ticks,
                                band->rect.y, bottom);

      for (guint i = 0; i < band->n_ticks; i++)
        {
          TrancheChartTick *tick = &g_array_index (self->ticks, TrancheChartTick,
                                                   band->first_tick + i);
          double y = floor (tick->y) + 0.5;

          tranche_draw_set_color (cr, tick->major ? self->theme.grid
                                                  : tranche_color_mix (self->theme.background,
                                                                       self->theme.grid, 0.55));
          cairo_move_to (cr, self->plot.x, y);
          cairo_line_to (cr, self->plot.x + self->plot.width, y);
          cairo_stroke (cr);
        }
      /* The baseline (zero, or the log axis' floor) and the left axis. */
      tranche_draw_set_color (cr, self->theme.grid_strong);
      cairo_move_to (cr, self->plot.x, floor (bottom) + 0.5);
      cairo_line_to (cr, self->plot.x + self->plot.width, floor (bottom) + 0.5);
      cairo_stroke (cr);
    }

  if (!self->labels_inside)
    paint_tick_labels (self, cr);
  cairo_restore (cr);
}

static void
paint_over (TrancheChartFrame *self,
            cairo_t           *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  tranche_chart_frame_clip_to_rect (cr, &self->rect);

  if (self->labels_inside)
    paint_tick_labels (self, cr);
  if (self->title_layout != NULL)
    {
      tranche_draw_set_color (cr, self->theme.foreground);
      tranche_draw_layout (cr, self->title_layout, self->title_rect.x, self->title_rect.y);
    }
  for (guint i = 0; i < self->notes->len; i++)
    {
      TrancheChartNote *note = &g_array_index (self->notes, TrancheChartNote, i);
      paint_note (self, cr, note->layout, &note->rect);
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      TrancheChartLegendItem *item = &g_array_index (self->legend, TrancheChartLegendItem, i);
      double r = S (self, 5.5);

      if (!item->shown)
        continue;
      tranche_chart_frame_paint_symbol (self, cr, item->symbol, item->color,
                                        item->symbol_rect.x + item->symbol_rect.width / 2,
                                        item->symbol_rect.y + item->symbol_rect.height / 2, r);
      tranche_draw_set_color (cr, self->theme.foreground);
      tranche_draw_layout (cr, item->layout, item->text_rect.x, item->text_rect.y);
    }

  for (guint b = 1; b < self->bands->len; b++)
    {
      TrancheChartBand *band = &g_array_index (self->bands, TrancheChartBand, b);
      double h;

      tranche_draw_get_text_size (band->title_layout, NULL, &h);
      tranche_draw_set_color (cr, self->theme.foreground);
      tranche_draw_layout (cr, band->title_layout, band->caption.x + S (self, 4),
                           band->caption.y + (band->caption.height - h) / 2);
      if (band->note_layout != NULL)
        paint_note (self, cr, band->note_layout, &band->note_rect);
    }

  if (self->options.show_time_axis && self->time_ticks != NULL)
    tranche_draw_time_labels (cr, &self->theme, self->time_ticks, self->time_layouts,
                              self->time_y[0], self->time_y[1]);

  if (self->empty_layout != NULL)
    {
      tranche_draw_set_color (cr, self->theme.muted);
      tranche_draw_layout (cr, self->empty_layout, self->empty_rect.x, self->empty_rect.y);
    }
  cairo_restore (cr);
}

void
tranche_chart_frame_paint_symbol (TrancheChartFrame  *self,
                                  cairo_t            *cr,
                                  TrancheChartSymbol  symbol,
                                  TrancheColor        color,
                                  double              x,
                                  double              y,
                                  double              radius)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  tranche_chart_symbol_paint (cr, tranche_text_cache_get_context (self->text), &self->theme,
                              symbol, color, x, y, radius);
}

void
tranche_chart_frame_paint_selection (TrancheChartFrame *self,
                                     cairo_t           *cr,
                                     double             x,
                                     double             y,
                                     double             radius)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius + S (self, 4), 0, 2 * G_PI);
  tranche_draw_set_color (cr, self->theme.selection);
  cairo_set_line_width (cr, S (self, 2.5));
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
tranche_chart_frame_begin_paint (TrancheChartFrame *self,
                                 cairo_t           *cr,
                                 double             overhang)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, self->rect.x, self->rect.y, self->rect.width, self->rect.height);
  cairo_clip (cr);
  paint_under (self, cr);
  /* Data stays in the plot: markers at its ends are cut rather than drawn
   * over the y labels. Vertically they may use the band's edges. */
  cairo_save (cr);
  cairo_rectangle (cr, self->plot.x, self->plot.y - overhang, self->plot.width,
                   self->plot.height + 2 * overhang);
  cairo_clip (cr);
}

void
tranche_chart_frame_end_paint (TrancheChartFrame *self,
                               cairo_t           *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_restore (cr);
  paint_over (self, cr);
  cairo_restore (cr);
}
