/* tranche-text-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-draw.h"
#include "tranche-text-cache.h"

/* Past this many shaped layouts the cache starts again from empty: cheaper
 * than tracking use, and a frame rarely needs more than a few hundred. */
#define MAX_ENTRIES 8192

struct _TrancheTextCache
{
  TrancheTheme          theme;
  PangoContext         *context;
  PangoFontDescription *fonts[TRANCHE_TEXT_N_FONTS];
  GHashTable           *layouts;  /* "font|width|bold|text" -> PangoLayout (a reference) */
};

static void
update_fonts (TrancheTextCache *self)
{
  const TrancheTheme *theme = &self->theme;

  for (guint i = 0; i < TRANCHE_TEXT_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  self->fonts[TRANCHE_TEXT_TITLE] = tranche_draw_create_font (theme, theme->title_size, TRUE);
  self->fonts[TRANCHE_TEXT_BODY] = tranche_draw_create_font (theme, theme->text_size, FALSE);
  self->fonts[TRANCHE_TEXT_BODY_BOLD] = tranche_draw_create_font (theme, theme->text_size, TRUE);
  self->fonts[TRANCHE_TEXT_SMALL] = tranche_draw_create_font (theme, theme->small_size, FALSE);
  self->fonts[TRANCHE_TEXT_SMALL_BOLD] = tranche_draw_create_font (theme, theme->small_size,
                                                                   TRUE);
}

TrancheTextCache *
tranche_text_cache_new (void)
{
  TrancheTextCache *self = g_new0 (TrancheTextCache, 1);

  self->context = tranche_draw_create_context ();
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  tranche_theme_init (&self->theme, TRANCHE_THEME_LIGHT, 1.0);
  update_fonts (self);
  return self;
}

void
tranche_text_cache_free (TrancheTextCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->layouts);
  for (guint i = 0; i < TRANCHE_TEXT_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_free (self);
}

void
tranche_text_cache_set_theme (TrancheTextCache   *self,
                              const TrancheTheme *theme)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (theme != NULL);

  self->theme = *theme;
  update_fonts (self);
  g_hash_table_remove_all (self->layouts);
}

PangoContext *
tranche_text_cache_get_context (TrancheTextCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->context;
}

const PangoFontDescription *
tranche_text_cache_get_font (TrancheTextCache *self,
                             TrancheTextFont   font)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (font < TRANCHE_TEXT_N_FONTS, NULL);
  return self->fonts[font];
}

static PangoLayout *
shape (TrancheTextCache *self,
       TrancheTextFont   font,
       const char       *text,
       double            max_width,
       gsize             bold_len)
{
  PangoLayout *layout = tranche_draw_create_layout (self->context, self->fonts[font], text);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (bold_len > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = bold_len;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

PangoLayout *
tranche_text_cache_get (TrancheTextCache *self,
                        TrancheTextFont   font,
                        const char       *text,
                        double            max_width,
                        gsize             bold_len)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (font < TRANCHE_TEXT_N_FONTS, NULL);

  if (text == NULL)
    text = "";
  key = g_strdup_printf ("%d|%.2f|%zu|%s", font, max_width, bold_len, text);
  layout = g_hash_table_lookup (self->layouts, key);
  if (layout == NULL)
    {
      layout = shape (self, font, text, max_width, bold_len);
      /* Callers hold their own references, so forgetting everything
       * frees nothing that is still in use. */
      if (g_hash_table_size (self->layouts) >= MAX_ENTRIES)
        g_hash_table_remove_all (self->layouts);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

void
tranche_text_cache_measure (TrancheTextCache *self,
                            TrancheTextFont   font,
                            const char       *text,
                            double           *width,
                            double           *height)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (self != NULL);

  layout = tranche_text_cache_get (self, font, text, -1, 0);
  tranche_draw_get_text_size (layout, width, height);
}

PangoLayout *
tranche_text_cache_new_layout (TrancheTextCache *self,
                               TrancheTextFont   font,
                               const char       *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (font < TRANCHE_TEXT_N_FONTS, NULL);

  return tranche_draw_create_layout (self->context, self->fonts[font], text);
}

void
tranche_text_cache_warm_up (void)
{
  for (guint variant = 0; variant < 2; variant++)
    {
      g_autoptr(TrancheTextCache) cache = tranche_text_cache_new ();
      TrancheTheme theme;

      tranche_theme_init (&theme, variant == 0 ? TRANCHE_THEME_LIGHT : TRANCHE_THEME_DARK, 1.0);
      tranche_text_cache_set_theme (cache, &theme);
      for (guint font = 0; font < TRANCHE_TEXT_N_FONTS; font++)
        {
          double width, height;

          tranche_text_cache_measure (cache, font, "0123456789 Aa €$", &width, &height);
        }
    }
}
