/* shot-review.c: the article review filled in, for screenshots
 *
 * Not a test: `shot-review DATASET ARTICLE PUBLISHED` opens the dataset,
 * drafts the article in the review, selects its second draft and accepts
 * its first, then runs until killed, for /work/shared/tools/screenshot
 * (--name the review's title). TRANCHE_SHOT_DARK=1 asks for the dark style.
 */
#include "config.h"

#include "gui-test-util.h"
#include "tranche-article-review.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *article = NULL;
  g_autofree char *name = NULL;
  TrancheWindow *window;
  TrancheArticleReview *review;

  if (argc < 4 || !gui_test_init (&argc, &argv))
    return 2;
  if (g_getenv ("TRANCHE_SHOT_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_get_contents (argv[2], &article, NULL, NULL))
    {
      g_printerr ("shot-review: can't read %s\n", argv[2]);
      return 1;
    }
  window = gui_test_new_window ();
  gui_test_open_and_wait (window, file);
  if (tranche_window_get_dataset (window) == NULL)
    {
      g_printerr ("shot-review: %s can't be read\n", argv[1]);
      return 1;
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-events-from-article", NULL);
  review = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (TRANCHE_IS_ARTICLE_REVIEW (w))
        review = TRANCHE_ARTICLE_REVIEW (w);
    }
  if (review == NULL)
    {
      g_printerr ("shot-review: no review window\n");
      return 1;
    }
  name = g_path_get_basename (argv[2]);
  tranche_article_review_set_article (review, article, name);
  if (*argv[3] != '\0')
    {
      tranche_article_review_set_published (review, argv[3]);
      tranche_article_review_find_events (review);
      tranche_article_review_accept (review, 0);
      tranche_article_review_select (review, 1);
    }
  else
    tranche_article_review_find_events (review);  /* shows why it can't */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
