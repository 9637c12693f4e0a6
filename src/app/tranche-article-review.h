/* tranche-article-review.h: new events from an article, reviewed one by one
 *
 * The analyst pastes an article or opens a .txt or .html file (HTML is
 * reduced to text, tranche-html-text.h), says its language and publication
 * date (asked for when the article has dates relative to it), and the
 * extractor's drafts are added at once to the session's document — the
 * article as a source, the new actors as entities, each draft as an event
 * with "draft": true — as one step of undo. Until reviewed, drafts are in
 * the dataset and drawn as drafts.
 *
 * The review shows the article with every figure highlighted and the drafts
 * beside it; selecting a draft highlights its sentence and scrolls to it.
 * Accepting a draft removes its "draft" and "confidence" members (it is then
 * an ordinary event with its citation); Edit opens it in the event editor;
 * rejecting deletes it. Each is one step of undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_ARTICLE_REVIEW (tranche_article_review_get_type ())

G_DECLARE_FINAL_TYPE (TrancheArticleReview, tranche_article_review, TRANCHE, ARTICLE_REVIEW,
                      AdwWindow)

/* The session must hold a document. */
TrancheArticleReview *tranche_article_review_new        (GtkWindow            *parent,
                                                         TrancheSession       *session);
/* What the analyst would paste or open; `title` (may be NULL) names the
 * source, else its first line does. HTML is reduced to text. */
void                  tranche_article_review_set_article (TrancheArticleReview *self,
                                                         const char           *text,
                                                         const char           *title);
/* "2023-11-05", "2023-11"…; "" for unknown. */
void                  tranche_article_review_set_published (TrancheArticleReview *self,
                                                            const char           *date);
/* Drafts the article into the document; FALSE (and the reason shown) when
 * it could not: no text, a bad date, a date needed. */
gboolean              tranche_article_review_find_events (TrancheArticleReview *self);
guint                 tranche_article_review_get_n_drafts (TrancheArticleReview *self);
/* The event id of draft `index`, and whether it was reviewed. */
const char           *tranche_article_review_get_draft_id (TrancheArticleReview *self,
                                                           guint                 index);
void                  tranche_article_review_select  (TrancheArticleReview *self,
                                                      guint                 index);
gboolean              tranche_article_review_accept  (TrancheArticleReview *self,
                                                      guint                 index);
gboolean              tranche_article_review_reject  (TrancheArticleReview *self,
                                                      guint                 index);
GtkWindow            *tranche_article_review_edit    (TrancheArticleReview *self,
                                                      guint                 index);
void                  tranche_article_review_accept_all (TrancheArticleReview *self);
void                  tranche_article_review_reject_all (TrancheArticleReview *self);
/* The article view, for tests: its selection is the highlighted passage. */
GtkTextView          *tranche_article_review_get_text_view (TrancheArticleReview *self);

G_END_DECLS
