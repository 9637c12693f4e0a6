/* tranche-theme.h: colours, fonts and sizes of the charts
 *
 * Light and dark come from one description (a table of roles with a light
 * and a dark value), so every role exists in both. `scale` multiplies every
 * size: 1 on screen, more for presentations and large type.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_THEME_LIGHT = 0,
  TRANCHE_THEME_DARK,
} TrancheThemeVariant;

typedef struct
{
  double red, green, blue, alpha;
} TrancheColor;

typedef struct
{
  TrancheThemeVariant variant;
  double              scale;

  TrancheColor        background;
  TrancheColor        foreground;
  TrancheColor        muted;          /* secondary text */
  TrancheColor        grid;           /* tick lines across the plot */
  TrancheColor        grid_strong;    /* the larger unit's boundaries, the axis line */
  TrancheColor        lane_stripe;    /* every other lane */
  TrancheColor        today;
  TrancheColor        selection;
  TrancheColor        hover;
  TrancheColor        marker_outline; /* separates touching markers */
  TrancheColor        neutral;        /* news and clusters of many investors */

  const char         *font_family;
  /* Unscaled sizes in pixels; use tranche_theme_size() to read them scaled. */
  double              title_size;
  double              text_size;      /* lane headers, labels */
  double              small_size;     /* secondary lines, ticks, legend */
} TrancheTheme;

void                tranche_theme_init          (TrancheTheme        *self,
                                                 TrancheThemeVariant  variant,
                                                 double               scale);
/* "light" or "dark"; FALSE for anything else. */
gboolean            tranche_theme_variant_parse (const char          *text,
                                                 TrancheThemeVariant *variant);
/* `size` times the theme's scale. */
double              tranche_theme_size          (const TrancheTheme  *self,
                                                 double               size);
TrancheColor        tranche_color_from_rgb      (guint32              rgb,
                                                 double               alpha);
TrancheColor        tranche_color_with_alpha    (TrancheColor         color,
                                                 double               alpha);
/* `a` moved towards `b` by `t` (0..1). */
TrancheColor        tranche_color_mix           (TrancheColor         a,
                                                 TrancheColor         b,
                                                 double               t);
/* Black or white, whichever reads better on `color`. */
TrancheColor        tranche_color_contrasting   (TrancheColor         color);

G_END_DECLS
