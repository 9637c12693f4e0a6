/* test-text-cache.c: the shared cache of shaped text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-draw.h"
#include "tranche-text-cache.h"

/* The same text in the same font comes back shaped once. */
static void
test_shared (void)
{
  g_autoptr(TrancheTextCache) cache = tranche_text_cache_new ();
  g_autoptr(PangoLayout) a = tranche_text_cache_get (cache, TRANCHE_TEXT_SMALL, "2023", -1, 0);
  g_autoptr(PangoLayout) b = tranche_text_cache_get (cache, TRANCHE_TEXT_SMALL, "2023", -1, 0);
  g_autoptr(PangoLayout) bold = tranche_text_cache_get (cache, TRANCHE_TEXT_SMALL_BOLD, "2023",
                                                        -1, 0);
  g_autoptr(PangoLayout) own = tranche_text_cache_new_layout (cache, TRANCHE_TEXT_SMALL, "2023");

  g_assert_true (a == b);
  g_assert_true (a != bold);
  g_assert_true (own != a);
  g_assert_cmpstr (pango_layout_get_text (a), ==, "2023");
}

/* What a caller keeps outlives the cache forgetting it: on a theme change,
 * past the entry limit, and when the cache is freed. */
static void
test_owned (void)
{
  TrancheTextCache *cache = tranche_text_cache_new ();
  g_autoptr(PangoLayout) kept = tranche_text_cache_get (cache, TRANCHE_TEXT_BODY, "kept", -1, 0);
  g_autoptr(PangoLayout) again = NULL;
  TrancheTheme theme;
  double w0, w1;

  tranche_draw_get_text_size (kept, &w0, NULL);
  tranche_theme_init (&theme, TRANCHE_THEME_DARK, 2.0);
  tranche_text_cache_set_theme (cache, &theme);
  for (guint i = 0; i < 9000; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);
      g_autoptr(PangoLayout) layout = tranche_text_cache_get (cache, TRANCHE_TEXT_SMALL, text,
                                                              -1, 0);
      g_assert_nonnull (layout);
    }
  again = tranche_text_cache_get (cache, TRANCHE_TEXT_BODY, "kept", -1, 0);
  g_assert_true (again != kept);
  tranche_text_cache_free (cache);

  g_assert_true (PANGO_IS_LAYOUT (kept));
  tranche_draw_get_text_size (kept, &w1, NULL);
  g_assert_cmpfloat (w0, ==, w1);
  /* The new theme doubled the scale: twice the size, near enough. */
  tranche_draw_get_text_size (again, &w1, NULL);
  g_assert_cmpfloat (w1, >, 1.5 * w0);
}

/* Measuring is the layout's logical size; a width ellipsizes; bold bytes
 * make the text wider. */
static void
test_measure (void)
{
  g_autoptr(TrancheTextCache) cache = tranche_text_cache_new ();
  const char *text = "Microsoft invests in OpenAI";
  g_autoptr(PangoLayout) plain = tranche_text_cache_get (cache, TRANCHE_TEXT_BODY, text, -1, 0);
  g_autoptr(PangoLayout) narrow = tranche_text_cache_get (cache, TRANCHE_TEXT_BODY, text, 40, 0);
  g_autoptr(PangoLayout) bold = tranche_text_cache_get (cache, TRANCHE_TEXT_BODY, text, -1, 9);
  double w, h, lw, lh, nw, bw;

  tranche_text_cache_measure (cache, TRANCHE_TEXT_BODY, text, &w, &h);
  tranche_draw_get_text_size (plain, &lw, &lh);
  g_assert_cmpfloat (w, ==, lw);
  g_assert_cmpfloat (h, ==, lh);
  g_assert_cmpfloat (w, >, 40);
  tranche_draw_get_text_size (narrow, &nw, NULL);
  g_assert_cmpfloat (nw, <=, 40);
  g_assert_true (pango_layout_is_ellipsized (narrow));
  tranche_draw_get_text_size (bold, &bw, NULL);
  g_assert_cmpfloat (bw, >, w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-cache/shared", test_shared);
  g_test_add_func ("/text-cache/owned", test_owned);
  g_test_add_func ("/text-cache/measure", test_measure);
  return g_test_run ();
}
