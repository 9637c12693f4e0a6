/* tranche-slide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-draw.h"
#include "tranche-slide.h"
#include "tranche-timeline-painter.h"

/* The caption's share of a slide: room for the figure, the title and a
 * passage or two at slide size, leaving the timeline most of the screen. */
#define CAPTION_SHARE 0.37

double
tranche_slide_type_scale (double width,
                          double height)
{
  /* A very wide screen is limited by its width too, so long titles fit. */
  return CLAMP (MIN (height / 700.0, width / 1100.0), 1.0, 4.0);
}

void
tranche_slide_get_geometry (const TrancheTheme   *theme,
                            double                width,
                            double                height,
                            TrancheSlideGeometry *geometry)
{
  double s, margin, caption_h, progress_h;

  g_return_if_fail (theme != NULL && geometry != NULL);

  s = theme->scale;
  margin = 40 * s;
  progress_h = 30 * s;
  caption_h = round (height * CAPTION_SHARE);
  geometry->chart = (TrancheRect) { 0, 0, width, height - caption_h };
  geometry->caption = (TrancheRect) { margin, height - caption_h + 18 * s, width - 2 * margin,
                                      MAX (caption_h - 18 * s - progress_h, 1) };
  geometry->progress = (TrancheRect) { 0, height - progress_h, width, progress_h };
}

static PangoLayout *
make_text (PangoContext       *context,
           const TrancheTheme *theme,
           const char         *text,
           double              size,
           gboolean            bold,
           double              width,
           int                 max_lines)
{
  g_autoptr(PangoFontDescription) font = tranche_draw_create_font (theme, size, bold);
  PangoLayout *layout = tranche_draw_create_layout (context, font, text);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  return layout;
}

static void
paint_progress (cairo_t            *cr,
                const TrancheTheme *theme,
                guint               position,
                guint               n_positions,
                const TrancheRect  *strip)
{
  g_autoptr(GObject) context_ref = NULL;
  PangoContext *context;
  g_autoptr(PangoLayout) label = NULL;
  g_autofree char *text = NULL;
  double s = theme->scale, bar = MAX (1, round (3 * s)), w, h;
  guint n_steps = n_positions > 0 ? n_positions - 1 : 0;

  if (n_steps == 0)
    return;
  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  /* The track, then the part done: steps shown so far of all steps. */
  tranche_draw_set_color (cr, theme->grid);
  cairo_rectangle (cr, strip->x, strip->y + strip->height - bar, strip->width, bar);
  cairo_fill (cr);
  tranche_draw_set_color (cr, tranche_color_with_alpha (theme->selection, 0.8));
  cairo_rectangle (cr, strip->x, strip->y + strip->height - bar,
                   strip->width * MIN (position, n_steps) / n_steps, bar);
  cairo_fill (cr);

  if (position == 0)
    return;
  /* Translators: a presentation's progress, "3 / 14" */
  text = g_strdup_printf (C_("progress", "%u / %u"), position, n_steps);
  label = make_text (context, theme, text, theme->small_size, FALSE, strip->width, 1);
  tranche_draw_get_text_size (label, &w, &h);
  tranche_draw_set_color (cr, theme->muted);
  tranche_draw_layout (cr, label, strip->x + strip->width - w - 16 * s,
                       strip->y + strip->height - bar - h - 4 * s);
}

void
tranche_slide_paint_title (cairo_t             *cr,
                           const TrancheTheme  *theme,
                           TranchePresentation *presentation,
                           double               width,
                           double               height)
{
  g_autoptr(GObject) context_ref = NULL;
  PangoContext *context;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) description = NULL;
  g_autoptr(PangoLayout) summary = NULL;
  g_autofree char *summary_text = NULL;
  TrancheDataset *dataset;
  const char *title_text, *description_text;
  double s, margin, text_width, y, th, dh = 0, sh, block;
  TrancheRect strip;

  g_return_if_fail (cr != NULL && theme != NULL && presentation != NULL);

  s = theme->scale;
  dataset = tranche_presentation_get_dataset (presentation);
  title_text = tranche_dataset_get_title (dataset);
  if (title_text == NULL || *title_text == '\0')
    title_text = _("Untitled Dataset");
  description_text = tranche_dataset_get_description (dataset);
  summary_text = tranche_presentation_describe (presentation);

  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  margin = MAX (80 * s, width * 0.08);
  /* Lines of about seventy characters read best; a projector is no
   * exception. */
  text_width = MIN (width - 2 * margin, 1000 * s);
  title = make_text (context, theme, title_text, theme->title_size * 2, TRUE, width - 2 * margin,
                     3);
  tranche_draw_get_text_size (title, NULL, &th);
  summary = make_text (context, theme, summary_text, theme->text_size * 1.2, FALSE, text_width,
                       2);
  tranche_draw_get_text_size (summary, NULL, &sh);
  if (description_text != NULL && *description_text != '\0')
    {
      description = make_text (context, theme, description_text, theme->text_size * 1.3, FALSE,
                               text_width, 9);
      tranche_draw_get_text_size (description, NULL, &dh);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  tranche_draw_set_color (cr, theme->background);
  cairo_paint (cr);

  /* The block sits a little above the middle, where the eye goes first. */
  block = 8 * s + 24 * s + th + 20 * s + sh + (description ? 28 * s + dh : 0);
  y = MAX (margin * 0.6, (height - block) * 0.42);
  tranche_draw_set_color (cr, theme->selection);
  cairo_rectangle (cr, margin, y, 72 * s, 8 * s);
  cairo_fill (cr);
  y += 8 * s + 24 * s;
  tranche_draw_set_color (cr, theme->foreground);
  tranche_draw_layout (cr, title, margin, y);
  y += th + 20 * s;
  tranche_draw_set_color (cr, theme->muted);
  tranche_draw_layout (cr, summary, margin, y);
  y += sh + 28 * s;
  if (description != NULL)
    {
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, description, margin, y);
    }

  strip = (TrancheRect) { 0, height - 30 * s, width, 30 * s };
  paint_progress (cr, theme, 0, tranche_presentation_get_n_positions (presentation), &strip);
  cairo_restore (cr);
}

void
tranche_slide_paint_caption (cairo_t             *cr,
                             const TrancheTheme  *theme,
                             TranchePresentation *presentation,
                             guint                step,
                             double               width,
                             double               height)
{
  g_autoptr(TrancheCaption) caption = NULL;
  TrancheSlideGeometry g;
  double line;

  g_return_if_fail (cr != NULL && theme != NULL && presentation != NULL);
  g_return_if_fail (step < tranche_presentation_get_n_steps (presentation));

  tranche_slide_get_geometry (theme, width, height, &g);
  line = MAX (1, round (theme->scale));
  cairo_save (cr);
  cairo_rectangle (cr, 0, g.chart.height, width, height - g.chart.height);
  cairo_clip (cr);
  tranche_draw_set_color (cr, theme->background);
  cairo_paint (cr);
  /* A hairline between the chart and what is said about it. */
  tranche_draw_set_color (cr, theme->grid_strong);
  cairo_rectangle (cr, 0, g.chart.height, width, line);
  cairo_fill (cr);

  caption = tranche_presentation_get_caption (presentation, step);
  tranche_caption_paint (caption, cr, theme, g.caption.x, g.caption.y, g.caption.width,
                         g.caption.height);
  paint_progress (cr, theme, step + 1, tranche_presentation_get_n_positions (presentation),
                  &g.progress);
  cairo_restore (cr);
}

void
tranche_slide_paint_step (cairo_t               *cr,
                          const TrancheTheme    *theme,
                          TrancheTimelineLayout *layout,
                          TranchePresentation   *presentation,
                          guint                  step,
                          double                 width,
                          double                 height)
{
  TrancheSlideGeometry g;
  TrancheDay first, end;

  g_return_if_fail (cr != NULL && theme != NULL && layout != NULL && presentation != NULL);
  g_return_if_fail (step < tranche_presentation_get_n_steps (presentation));

  tranche_slide_get_geometry (theme, width, height, &g);
  tranche_presentation_get_range (presentation, step, &first, &end);
  tranche_timeline_layout_update (layout, g.chart.width, g.chart.height, first, end);
  tranche_timeline_painter_paint (layout, cr,
                                  (int) tranche_presentation_get_event (presentation, step),
                                  -1, NAN);
  tranche_slide_paint_caption (cr, theme, presentation, step, width, height);
}
