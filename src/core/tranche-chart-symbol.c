/* tranche-chart-symbol.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-chart-symbol.h"
#include "tranche-draw.h"

static void
paint_centered_text (cairo_t            *cr,
                     PangoContext       *context,
                     const TrancheTheme *theme,
                     const char         *text,
                     double              size,
                     double              x,
                     double              y)
{
  g_autoptr(PangoFontDescription) font = tranche_draw_create_font (theme, size, TRUE);
  g_autoptr(PangoLayout) layout = tranche_draw_create_layout (context, font, text);

  /* Centred on its ink, so a "?" or "~" sits in the middle of its marker. */
  tranche_draw_layout_centred (cr, layout, x, y);
}

void
tranche_chart_symbol_paint (cairo_t            *cr,
                            PangoContext       *context,
                            const TrancheTheme *theme,
                            TrancheChartSymbol  symbol,
                            TrancheColor        color,
                            double              x,
                            double              y,
                            double              radius)
{
  double line = tranche_theme_size (theme, 1.5), w = radius * 1.9;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (theme != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (symbol)
    {
    case TRANCHE_CHART_SYMBOL_AREA:
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.3));
      cairo_rectangle (cr, x - w, y - radius * 0.4, 2 * w, radius * 1.4);
      cairo_fill (cr);
      tranche_draw_set_color (cr, color);
      cairo_set_line_width (cr, tranche_theme_size (theme, 2));
      cairo_move_to (cr, x - w, y - radius * 0.4);
      cairo_line_to (cr, x + w, y - radius * 0.4);
      cairo_stroke (cr);
      break;

    case TRANCHE_CHART_SYMBOL_LINE:
    case TRANCHE_CHART_SYMBOL_DASHED_LINE:
      tranche_draw_set_color (cr, color);
      cairo_set_line_width (cr, tranche_theme_size (theme, 2));
      if (symbol == TRANCHE_CHART_SYMBOL_DASHED_LINE)
        {
          double dash[] = { tranche_theme_size (theme, 5), tranche_theme_size (theme, 3) };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_move_to (cr, x - w, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      if (symbol == TRANCHE_CHART_SYMBOL_LINE)
        {
          cairo_arc (cr, x, y, radius * 0.6, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;

    case TRANCHE_CHART_SYMBOL_FILLED:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      tranche_draw_set_color (cr, color);
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, theme->marker_outline);
      cairo_set_line_width (cr, tranche_theme_size (theme, 1.2));
      cairo_stroke (cr);
      break;

    case TRANCHE_CHART_SYMBOL_HOLLOW:
      cairo_arc (cr, x, y, radius - line / 2, 0, 2 * G_PI);
      tranche_draw_set_color (cr, theme->background);
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, color);
      cairo_set_line_width (cr, tranche_theme_size (theme, 2));
      cairo_stroke (cr);
      break;

    case TRANCHE_CHART_SYMBOL_DOTTED:
      {
        /* Round dots: a near-zero dash with round caps, spaced so a small
         * marker still shows eight or more. */
        double circumference = 2 * G_PI * (radius - line / 2);
        double n = MAX (6, floor (circumference / tranche_theme_size (theme, 3.4)));
        double dash[] = { 0.01, circumference / n - 0.01 };

        cairo_arc (cr, x, y, radius - line / 2, 0, 2 * G_PI);
        tranche_draw_set_color (cr, tranche_color_mix (theme->background, color, 0.22));
        cairo_fill_preserve (cr);
        tranche_draw_set_color (cr, color);
        cairo_set_line_width (cr, tranche_theme_size (theme, 2.2));
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_stroke (cr);
      }
      break;

    case TRANCHE_CHART_SYMBOL_RANGE:
      tranche_draw_set_color (cr, color);
      cairo_move_to (cr, x, y - radius);
      cairo_line_to (cr, x, y + radius);
      cairo_move_to (cr, x - radius * 0.55, y - radius);
      cairo_line_to (cr, x + radius * 0.55, y - radius);
      cairo_move_to (cr, x - radius * 0.55, y + radius);
      cairo_line_to (cr, x + radius * 0.55, y + radius);
      cairo_stroke (cr);
      break;

    case TRANCHE_CHART_SYMBOL_SPAN:
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.7));
      cairo_move_to (cr, x - w, y);
      cairo_line_to (cr, x + w, y);
      cairo_move_to (cr, x - w, y - radius * 0.5);
      cairo_line_to (cr, x - w, y + radius * 0.5);
      cairo_move_to (cr, x + w, y - radius * 0.5);
      cairo_line_to (cr, x + w, y + radius * 0.5);
      cairo_stroke (cr);
      break;

    case TRANCHE_CHART_SYMBOL_BAND:
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.25));
      cairo_rectangle (cr, x - w, y - radius, 2 * w, 2 * radius);
      cairo_fill (cr);
      break;

    case TRANCHE_CHART_SYMBOL_HATCH:
      cairo_save (cr);
      cairo_rectangle (cr, x - w, y - radius, 2 * w, 2 * radius);
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.12));
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      for (double hx = x - w - 2 * radius; hx < x + w; hx += radius * 0.8)
        {
          cairo_move_to (cr, hx, y + radius);
          cairo_line_to (cr, hx + 2 * radius, y - radius);
        }
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.6));
      cairo_set_line_width (cr, MAX (line / 2, 1));
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    case TRANCHE_CHART_SYMBOL_APPROX:
      {
        g_autofree char *mark = g_strdup_printf (C_("money", "~%s"), "");

        tranche_draw_set_color (cr, color);
        paint_centered_text (cr, context, theme, g_strstrip (mark), theme->text_size, x, y);
      }
      break;

    case TRANCHE_CHART_SYMBOL_UNDISCLOSED:
      cairo_arc (cr, x, y, radius - line / 2, 0, 2 * G_PI);
      tranche_draw_set_color (cr, theme->background);
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, color);
      cairo_stroke (cr);
      paint_centered_text (cr, context, theme, "?", theme->small_size, x, y);
      break;

    case TRANCHE_CHART_SYMBOL_DIAMOND:
      cairo_move_to (cr, x, y - radius * 1.2);
      cairo_line_to (cr, x + radius, y);
      cairo_line_to (cr, x, y + radius * 1.2);
      cairo_line_to (cr, x - radius, y);
      cairo_close_path (cr);
      tranche_draw_set_color (cr, color);
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, theme->foreground);
      cairo_set_line_width (cr, tranche_theme_size (theme, 1.2));
      cairo_stroke (cr);
      break;

    case TRANCHE_CHART_SYMBOL_GAP:
    default:
      tranche_draw_set_color (cr, color);
      cairo_move_to (cr, x - radius * 0.5, y - radius);
      cairo_line_to (cr, x + radius * 0.2, y - radius);
      cairo_line_to (cr, x + radius * 0.2, y + radius);
      cairo_line_to (cr, x - radius * 0.5, y + radius);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}
