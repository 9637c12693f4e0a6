/* tranche-draw.h: small painting helpers every chart of the core shares
 *
 * Text is measured and painted through one unhinted Pango context, so what a
 * layout measured is what a PNG, an SVG or the window shows; colours come
 * from the theme; the time axis (grid lines and tick labels) is drawn the
 * same way under every chart that shares the time scale.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tranche-theme.h"
#include "tranche-ticks.h"

G_BEGIN_DECLS

/* A context at 96 dpi with unhinted metrics; free with g_object_unref. */
PangoContext         *tranche_draw_create_context  (void);
/* The theme's family at `size` (unscaled pixels, the theme's scale applied). */
PangoFontDescription *tranche_draw_create_font     (const TrancheTheme   *theme,
                                                    double                size,
                                                    gboolean              bold);
/* A layout of plain text: `text` is never read as markup. */
PangoLayout          *tranche_draw_create_layout   (PangoContext         *context,
                                                    const PangoFontDescription *font,
                                                    const char           *text);
/* Logical width and height of the layout's text, in pixels. */
void                  tranche_draw_get_text_size   (PangoLayout          *layout,
                                                    double               *width,
                                                    double               *height);
void                  tranche_draw_set_color       (cairo_t              *cr,
                                                    TrancheColor          color);
/* Paints `layout` with its top-left corner at (x, y) in the current source. */
void                  tranche_draw_layout          (cairo_t              *cr,
                                                    PangoLayout          *layout,
                                                    double                x,
                                                    double                y);
/* Paints `layout` with the middle of its ink at (x, y): a short text inside
 * a symbol ("?", a count). */
void                  tranche_draw_layout_centred  (cairo_t              *cr,
                                                    PangoLayout          *layout,
                                                    double                x,
                                                    double                y);
/* Adds a rectangle with corners of `radius` (at most half its shorter
 * side) to the path, as a sub-path of its own. */
void                  tranche_draw_rounded_rect    (cairo_t              *cr,
                                                    double                x,
                                                    double                y,
                                                    double                width,
                                                    double                height,
                                                    double                radius);

/* Vertical grid lines of the time axis' ticks between `top` and `bottom`,
 * within the scale's x range: with one row in the grid colour; with two,
 * row 1 (the larger unit) in the grid colour and row 0 fainter. */
void                  tranche_draw_time_grid       (cairo_t              *cr,
                                                    const TrancheTheme   *theme,
                                                    const TrancheTimeScale *scale,
                                                    TrancheTicks         *ticks,
                                                    double                top,
                                                    double                bottom);
/* The tick labels, row 0 at `y0` and row 1 at `y1`, with `layouts[row]`
 * (their font; the text is overwritten). */
void                  tranche_draw_time_labels     (cairo_t              *cr,
                                                    const TrancheTheme   *theme,
                                                    TrancheTicks         *ticks,
                                                    PangoLayout          *layouts[2],
                                                    double                y0,
                                                    double                y1);

G_END_DECLS
