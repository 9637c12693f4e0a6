/* tranche-text-cache.h: shaped text shared by the timeline and the charts
 *
 * One unhinted Pango context (tranche_draw_create_context()) and the theme's
 * fonts, and the layouts already shaped with them. Shaping text is most of
 * what laying a chart out costs, and the same labels come back on every pan
 * and zoom, so a layout is shaped once and handed out again until the theme
 * changes.
 *
 * Ownership: every layout returned is a new reference the caller owns. The
 * cache may drop its own reference at any time (it forgets everything above
 * a few thousand entries), so whoever keeps a layout beyond the call keeps
 * its reference; a layout can never be freed while someone still uses it.
 */
#pragma once

#include <pango/pango.h>

#include "tranche-theme.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_TEXT_TITLE = 0,   /* the theme's title size, bold */
  TRANCHE_TEXT_BODY,        /* text size */
  TRANCHE_TEXT_BODY_BOLD,
  TRANCHE_TEXT_SMALL,       /* small size */
  TRANCHE_TEXT_SMALL_BOLD,
  TRANCHE_TEXT_N_FONTS
} TrancheTextFont;

typedef struct _TrancheTextCache TrancheTextCache;

/* A cache for the light theme at scale 1 until tranche_text_cache_set_theme(). */
TrancheTextCache           *tranche_text_cache_new         (void);
void                        tranche_text_cache_free        (TrancheTextCache   *self);
/* Takes the theme's family and sizes; forgets every shaped layout. */
void                        tranche_text_cache_set_theme   (TrancheTextCache   *self,
                                                            const TrancheTheme *theme);
PangoContext               *tranche_text_cache_get_context (TrancheTextCache   *self);
const PangoFontDescription *tranche_text_cache_get_font    (TrancheTextCache   *self,
                                                            TrancheTextFont     font);

/* A shaped layout of plain text (never markup), shared with other callers:
 * do not change it. With `max_width` > 0 it is ellipsized at its end to that
 * width; with `bold_len` > 0 its first `bold_len` bytes are bold.
 * Returns a new reference (transfer full). */
PangoLayout                *tranche_text_cache_get         (TrancheTextCache   *self,
                                                            TrancheTextFont     font,
                                                            const char         *text,
                                                            double              max_width,
                                                            gsize               bold_len);
/* The logical size of `text` in `font`, in pixels, shaped through the cache. */
void                        tranche_text_cache_measure     (TrancheTextCache   *self,
                                                            TrancheTextFont     font,
                                                            const char         *text,
                                                            double             *width,
                                                            double             *height);
/* A layout of its own (not shared), for a caller that changes its text or
 * its attributes. Returns a new reference (transfer full). */
PangoLayout                *tranche_text_cache_new_layout  (TrancheTextCache   *self,
                                                            TrancheTextFont     font,
                                                            const char         *text);

/* Sets fontconfig up and loads every theme font (light and dark, scale 1)
 * into this thread's font map, so that the first text measured after it
 * costs little: call it while another thread does other work, such as a
 * load, on the thread that will draw. */
void                        tranche_text_cache_warm_up     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheTextCache, tranche_text_cache_free)

G_END_DECLS
