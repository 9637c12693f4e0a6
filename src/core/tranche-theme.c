/* tranche-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "tranche-theme.h"

typedef struct
{
  gsize   offset;  /* of the TrancheColor in TrancheTheme */
  guint32 light;   /* 0xRRGGBB */
  double  light_alpha;
  guint32 dark;
  double  dark_alpha;
} ColorRole;

/* GNOME's palette (libadwaita 1.2's window, view and accent colours), so the
 * charts sit in the window as if they belonged there. */
static const ColorRole roles[] = {
  { offsetof (TrancheTheme, background),     0xffffff, 1.0,  0x242424, 1.0 },
  { offsetof (TrancheTheme, foreground),     0x241f31, 1.0,  0xffffff, 1.0 },
  { offsetof (TrancheTheme, muted),          0x5e5c64, 1.0,  0xc0bfbc, 1.0 },
  { offsetof (TrancheTheme, grid),           0xdeddda, 1.0,  0x3a3a3a, 1.0 },
  { offsetof (TrancheTheme, grid_strong),    0x9a9996, 1.0,  0x77767b, 1.0 },
  { offsetof (TrancheTheme, lane_stripe),    0xf6f5f4, 1.0,  0x2c2c2c, 1.0 },
  { offsetof (TrancheTheme, today),          0xe01b24, 1.0,  0xff7b63, 1.0 },
  { offsetof (TrancheTheme, selection),      0x1c71d8, 1.0,  0x78aeed, 1.0 },
  { offsetof (TrancheTheme, hover),          0x3584e4, 0.35, 0x78aeed, 0.35 },
  { offsetof (TrancheTheme, marker_outline), 0xffffff, 0.9,  0x242424, 0.9 },
  { offsetof (TrancheTheme, neutral),        0x77767b, 1.0,  0x9a9996, 1.0 },
};

void
tranche_theme_init (TrancheTheme        *self,
                    TrancheThemeVariant  variant,
                    double               scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (variant == TRANCHE_THEME_LIGHT || variant == TRANCHE_THEME_DARK);

  memset (self, 0, sizeof *self);
  self->variant = variant;
  self->scale = scale > 0 && isfinite (scale) ? scale : 1.0;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      TrancheColor *color = G_STRUCT_MEMBER_P (self, roles[i].offset);
      if (variant == TRANCHE_THEME_DARK)
        *color = tranche_color_from_rgb (roles[i].dark, roles[i].dark_alpha);
      else
        *color = tranche_color_from_rgb (roles[i].light, roles[i].light_alpha);
    }
  /* Cantarell is GNOME's face; fontconfig falls back to the system sans. */
  self->font_family = "Cantarell, Noto Sans, DejaVu Sans, sans-serif";
  self->title_size = 24;
  self->text_size = 14;
  self->small_size = 12;
}

gboolean
tranche_theme_variant_parse (const char          *text,
                             TrancheThemeVariant *variant)
{
  g_return_val_if_fail (variant != NULL, FALSE);

  if (g_strcmp0 (text, "light") == 0)
    *variant = TRANCHE_THEME_LIGHT;
  else if (g_strcmp0 (text, "dark") == 0)
    *variant = TRANCHE_THEME_DARK;
  else
    return FALSE;
  return TRUE;
}

double
tranche_theme_size (const TrancheTheme *self,
                    double              size)
{
  g_return_val_if_fail (self != NULL, size);
  return size * self->scale;
}

TrancheColor
tranche_color_from_rgb (guint32 rgb,
                        double  alpha)
{
  TrancheColor color = {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
    alpha,
  };
  return color;
}

TrancheColor
tranche_color_with_alpha (TrancheColor color,
                          double       alpha)
{
  color.alpha = alpha;
  return color;
}

TrancheColor
tranche_color_mix (TrancheColor a,
                   TrancheColor b,
                   double       t)
{
  TrancheColor out = {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
    a.alpha + (b.alpha - a.alpha) * t,
  };
  return out;
}

TrancheColor
tranche_color_contrasting (TrancheColor color)
{
  /* Relative luminance (sRGB weights, close enough for picking black/white). */
  double luma = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
  return luma > 0.55 ? tranche_color_from_rgb (0x000000, 0.85)
                     : tranche_color_from_rgb (0xffffff, 1.0);
}
