/* tranche-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-draw.h"

PangoContext *
tranche_draw_create_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics change with the surface and the scale; unhinted ones let
   * a layout measured once be painted anywhere at the same size. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96);
  return context;
}

PangoFontDescription *
tranche_draw_create_font (const TrancheTheme *theme,
                          double              size,
                          gboolean            bold)
{
  PangoFontDescription *font;

  g_return_val_if_fail (theme != NULL, NULL);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, theme->font_family);
  pango_font_description_set_absolute_size (font, tranche_theme_size (theme, size) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

PangoLayout *
tranche_draw_create_layout (PangoContext               *context,
                            const PangoFontDescription *font,
                            const char                 *text)
{
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  layout = pango_layout_new (context);
  if (font != NULL)
    pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
tranche_draw_get_text_size (PangoLayout *layout,
                            double      *width,
                            double      *height)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
tranche_draw_set_color (cairo_t      *cr,
                        TrancheColor  color)
{
  g_return_if_fail (cr != NULL);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

void
tranche_draw_layout (cairo_t     *cr,
                     PangoLayout *layout,
                     double       x,
                     double       y)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

void
tranche_draw_layout_centred (cairo_t     *cr,
                             PangoLayout *layout,
                             double       x,
                             double       y)
{
  PangoRectangle ink;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  tranche_draw_layout (cr, layout, x - ink.x - ink.width / 2.0, y - ink.y - ink.height / 2.0);
}

void
tranche_draw_rounded_rect (cairo_t *cr,
                           double   x,
                           double   y,
                           double   width,
                           double   height,
                           double   radius)
{
  g_return_if_fail (cr != NULL);

  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
tranche_draw_time_grid (cairo_t                *cr,
                        const TrancheTheme     *theme,
                        const TrancheTimeScale *scale,
                        TrancheTicks           *ticks,
                        double                  top,
                        double                  bottom)
{
  double left, right, line;
  guint n_rows;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL && scale != NULL && ticks != NULL);

  left = scale->x;
  right = scale->x + scale->width;
  line = MAX (1.0, tranche_theme_size (theme, 1.0));

  cairo_save (cr);
  cairo_set_line_width (cr, line);
  n_rows = tranche_ticks_get_n_rows (ticks);
  for (guint row = 0; row < n_rows; row++)
    {
      /* With two rows, the larger unit's boundaries carry the grid and the
       * finer ticks only whisper. */
      if (n_rows > 1)
        tranche_draw_set_color (cr, row == 0 ? tranche_color_mix (theme->background, theme->grid,
                                                                  0.5)
                                             : theme->grid);
      else
        tranche_draw_set_color (cr, theme->grid);
      for (guint i = 0; i < tranche_ticks_get_n_ticks (ticks, row); i++)
        {
          const TrancheTick *tick = tranche_ticks_get_tick (ticks, row, i);
          /* Lines on pixel centres stay one crisp pixel wide. */
          double x = floor (tick->x) + 0.5;

          if (tick->x < left || tick->x > right)
            continue;
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
tranche_draw_time_labels (cairo_t            *cr,
                          const TrancheTheme *theme,
                          TrancheTicks       *ticks,
                          PangoLayout        *layouts[2],
                          double              y0,
                          double              y1)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL && ticks != NULL && layouts != NULL);

  for (guint row = 0; row < MIN (tranche_ticks_get_n_rows (ticks), 2); row++)
    {
      PangoLayout *layout = layouts[row] != NULL ? layouts[row] : layouts[0];

      tranche_draw_set_color (cr, row == 0 ? theme->muted : theme->foreground);
      for (guint i = 0; i < tranche_ticks_get_n_ticks (ticks, row); i++)
        {
          const TrancheTick *tick = tranche_ticks_get_tick (ticks, row, i);

          if (tick->label == NULL)
            continue;
          pango_layout_set_text (layout, tick->label, -1);
          tranche_draw_layout (cr, layout, tick->label_x, row == 0 ? y0 : y1);
        }
    }
}
