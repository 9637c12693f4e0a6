/* tranche-slide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-cumulative-chart.h"
#include "tranche-draw.h"
#include "tranche-slide-private.h"
#include "tranche-valuation-chart.h"

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
                            TrancheSlideGeometry *g)
{
  double s = theme->scale, margin = 40 * s, top, chart_bottom, nav_h = 58 * s;
  double progress_h = 6 * s, caption_top, aside_w;

  g->progress = (TrancheRect) { 0, height - progress_h, width, progress_h };
  g->overview = (TrancheRect) { margin, 12 * s, width - 2 * margin, 44 * s };
  top = g->overview.y + g->overview.height + 6 * s;
  /* The chart gets a little under half the slide: the room reads the
   * picture first, then the words under it. */
  chart_bottom = round (top + (height - top) * 0.5);
  g->chart = (TrancheRect) { 0, top, width, chart_bottom - top };
  g->legend = (TrancheRect) { margin, chart_bottom + 2 * s, width - 2 * margin, 26 * s };
  g->previous = (TrancheRect) { margin, height - progress_h - nav_h, (width - 2 * margin) * 0.4,
                                nav_h - 6 * s };
  g->next = g->previous;
  g->next.x = width - margin - g->next.width;
  caption_top = g->legend.y + g->legend.height + 14 * s;
  aside_w = width >= 1000 * s ? (width - 2 * margin) * 0.27 : 0;
  g->caption = (TrancheRect) { margin, caption_top,
                               width - 2 * margin - (aside_w > 0 ? aside_w + 32 * s : 0),
                               MAX (g->previous.y - 8 * s - caption_top, 1) };
  g->aside = (TrancheRect) { width - margin - aside_w, caption_top, aside_w, g->caption.height };
}

PangoLayout *
tranche_slide_text (PangoContext       *context,
                    const TrancheTheme *theme,
                    const char         *text,
                    double              size,
                    gboolean            bold,
                    double              width,
                    int                 max_lines)
{
  g_autoptr(PangoFontDescription) font = tranche_draw_create_font (theme, size, bold);
  PangoLayout *layout = tranche_draw_create_layout (context, font, text);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -max_lines);
    }
  return layout;
}

double
tranche_slide_text_height (PangoLayout *layout)
{
  double h;

  tranche_draw_get_text_size (layout, NULL, &h);
  return h;
}

double
tranche_slide_paint_heading (cairo_t            *cr,
                             const TrancheTheme *theme,
                             PangoContext       *context,
                             const char         *title,
                             const char         *subtitle,
                             double              width,
                             double              height)
{
  double s = theme->scale, margin = 48 * s, y = 36 * s;
  g_autoptr(PangoLayout) heading = NULL;

  tranche_draw_set_color (cr, theme->background);
  cairo_paint (cr);
  tranche_draw_set_color (cr, theme->selection);
  cairo_rectangle (cr, margin, y, 56 * s, 6 * s);
  cairo_fill (cr);
  y += 6 * s + 14 * s;
  heading = tranche_slide_text (context, theme, title, theme->title_size * 1.4, TRUE,
                                width - 2 * margin, 1);
  tranche_draw_set_color (cr, theme->foreground);
  tranche_draw_layout (cr, heading, margin, y);
  y += tranche_slide_text_height (heading) + 4 * s;
  if (subtitle != NULL)
    {
      g_autoptr(PangoLayout) sub = tranche_slide_text (context, theme, subtitle,
                                                       theme->text_size * 1.2, FALSE,
                                                       width - 2 * margin, 2);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, sub, margin, y);
      y += tranche_slide_text_height (sub);
    }
  return y + 20 * s;
}

void
tranche_slide_paint_progress (TrancheSlidePainter *self,
                              cairo_t             *cr,
                              const TrancheTheme  *theme,
                              guint                position,
                              double               width,
                              double               height)
{
  g_autoptr(GObject) context_ref = NULL;
  PangoContext *context;
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = tranche_presentation_get_n_positions (self->presentation);
  double s = theme->scale, bar = MAX (1, round (3 * s)), w, h;

  if (n < 2)
    return;
  /* The track, then the part done. */
  tranche_draw_set_color (cr, theme->grid);
  cairo_rectangle (cr, 0, height - bar, width, bar);
  cairo_fill (cr);
  tranche_draw_set_color (cr, tranche_color_with_alpha (theme->selection, 0.8));
  cairo_rectangle (cr, 0, height - bar, width * position / (n - 1), bar);
  cairo_fill (cr);
  if (position == 0)
    return;

  /* Translators: a presentation's progress, "3 / 14" */
  g_string_append_printf (text, C_("progress", "%u / %u"), position, n - 1);
  if (self->auto_advance > 0)
    {
      g_string_append (text, "  ·  ");
      /* Translators: on a slide while slides advance by themselves */
      g_string_append_printf (text, _("next in %u s"), self->auto_advance);
    }
  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  label = tranche_slide_text (context, theme, text->str, theme->small_size, FALSE, -1, 1);
  tranche_draw_get_text_size (label, &w, &h);
  tranche_draw_set_color (cr, theme->muted);
  tranche_draw_layout (cr, label, (width - w) / 2, height - bar - h - 10 * s);
}

char *
tranche_slide_describe (TrancheSlidePainter *self,
                        guint                position)
{
  TranchePresentation *p = self->presentation;

  switch (tranche_presentation_get_kind (p, position))
    {
    case TRANCHE_SLIDE_TITLE:
      {
        const char *title = tranche_dataset_get_title (tranche_presentation_get_dataset (p));

        return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Dataset"));
      }
    case TRANCHE_SLIDE_EVENT:
      {
        g_autoptr(TrancheCaption) caption =
          tranche_presentation_get_caption (p, tranche_presentation_get_step_at (p, position));

        if (caption->amount != NULL && !caption->amount_in_title)
          return g_strdup_printf ("%s · %s", caption->amount, caption->title);
        return g_strdup (caption->title);
      }
    case TRANCHE_SLIDE_VALUATION:
      return g_strdup (_("Valuation over time"));
    case TRANCHE_SLIDE_CUMULATIVE:
      return g_strdup (_("Cumulative funding"));
    case TRANCHE_SLIDE_SUMMARY:
      return g_strdup (_("Summary by investor"));
    case TRANCHE_SLIDE_SOURCES:
      return g_strdup (_("Sources"));
    default:
      g_assert_not_reached ();
    }
}

static void
paint_title (TrancheSlidePainter *self,
             cairo_t             *cr,
             const TrancheTheme  *theme,
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

  s = theme->scale;
  dataset = tranche_presentation_get_dataset (self->presentation);
  title_text = tranche_dataset_get_title (dataset);
  if (title_text == NULL || *title_text == '\0')
    title_text = _("Untitled Dataset");
  description_text = tranche_dataset_get_description (dataset);
  summary_text = tranche_presentation_describe (self->presentation);

  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  margin = MAX (80 * s, width * 0.08);
  /* Lines of about seventy characters read best; a projector is no
   * exception. */
  text_width = MIN (width - 2 * margin, 1000 * s);
  title = tranche_slide_text (context, theme, title_text, theme->title_size * 2, TRUE,
                              width - 2 * margin, 3);
  th = tranche_slide_text_height (title);
  summary = tranche_slide_text (context, theme, summary_text, theme->text_size * 1.3, FALSE,
                                text_width, 2);
  sh = tranche_slide_text_height (summary);
  if (description_text != NULL && *description_text != '\0')
    {
      description = tranche_slide_text (context, theme, description_text,
                                        theme->text_size * 1.4, FALSE, text_width, 9);
      dh = tranche_slide_text_height (description);
    }

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
  tranche_slide_paint_progress (self, cr, theme, 0, width, height);
}

TrancheSlidePainter *
tranche_slide_painter_new (TranchePresentation *presentation,
                           TrancheLaneMode      lane_mode)
{
  TrancheSlidePainter *self;

  g_return_val_if_fail (presentation != NULL, NULL);

  self = g_new0 (TrancheSlidePainter, 1);
  self->presentation = presentation;
  self->lane_mode = lane_mode;
  self->legend = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
tranche_slide_painter_free (TrancheSlidePainter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->timeline, tranche_timeline_layout_free);
  g_clear_object (&self->valuation);
  g_clear_object (&self->cumulative);
  g_clear_pointer (&self->legend, g_ptr_array_unref);
  g_free (self);
}

void
tranche_slide_painter_set_auto_advance (TrancheSlidePainter *self,
                                        guint                seconds)
{
  g_return_if_fail (self != NULL);
  self->auto_advance = seconds;
}

void
tranche_slide_painter_paint (TrancheSlidePainter *self,
                             cairo_t             *cr,
                             const TrancheTheme  *theme,
                             guint                position,
                             double               width,
                             double               height,
                             const TrancheDay    *range)
{
  g_return_if_fail (self != NULL && cr != NULL && theme != NULL);
  g_return_if_fail (position < tranche_presentation_get_n_positions (self->presentation));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  switch (tranche_presentation_get_kind (self->presentation, position))
    {
    case TRANCHE_SLIDE_TITLE:
      paint_title (self, cr, theme, width, height);
      break;
    case TRANCHE_SLIDE_EVENT:
      tranche_slide_paint_event (self, cr, theme, position, width, height, range);
      break;
    case TRANCHE_SLIDE_VALUATION:
      tranche_slide_paint_valuation (self, cr, theme, width, height);
      break;
    case TRANCHE_SLIDE_CUMULATIVE:
      tranche_slide_paint_cumulative (self, cr, theme, width, height);
      break;
    case TRANCHE_SLIDE_SUMMARY:
      tranche_slide_paint_summary (self, cr, theme, width, height);
      break;
    case TRANCHE_SLIDE_SOURCES:
      tranche_slide_paint_sources (self, cr, theme, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
  if (position > 0)
    tranche_slide_paint_progress (self, cr, theme, position, width, height);
  cairo_restore (cr);
}

guint
tranche_slide_painter_hit_test (TrancheSlidePainter *self,
                                const TrancheTheme  *theme,
                                guint                position,
                                double               width,
                                double               height,
                                double               x,
                                double               y)
{
  g_return_val_if_fail (self != NULL && theme != NULL, G_MAXUINT);

  if (position >= tranche_presentation_get_n_positions (self->presentation)
      || tranche_presentation_get_kind (self->presentation, position) != TRANCHE_SLIDE_EVENT)
    return G_MAXUINT;
  return tranche_slide_event_hit_test (self, theme, position, width, height, x, y);
}

TrancheTimelineLayout *
tranche_slide_painter_get_timeline (TrancheSlidePainter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->timeline;
}

GPtrArray *
tranche_slide_painter_get_legend (TrancheSlidePainter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->legend;
}
