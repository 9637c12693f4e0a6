/* tranche-window-review.c: the window's "New Events from Article…"
 *
 * Opens the article review (tranche-article-review.h) over the window's
 * document, made first when the dataset was not being edited yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-article-review.h"
#include "tranche-window-edit-private.h"

void
_tranche_window_new_events_from_article (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  TrancheWindow *self = TRANCHE_WINDOW (widget);
  TrancheArticleReview *review;

  if (_tranche_window_edit_document (self) == NULL)
    return;
  review = tranche_article_review_new (GTK_WINDOW (self), self->session);
  gtk_window_present (GTK_WINDOW (review));
}
