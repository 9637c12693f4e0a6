/* tranche-article-review.c: new events from an article, reviewed one by one
 *
 * Two pages in a stack: the article (pasted or opened, with its language
 * and publication date), then the review (the article with its figures
 * highlighted, the drafts beside it). The drafts are written into the
 * document as soon as they are found, by the same writer as `tranche
 * --draft` (tranche-draft-writer.h), so that closing the review leaves the
 * unreviewed ones in the dataset, drawn as drafts, to review later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tranche-article-review.h"
#include "tranche-draft-writer.h"
#include "tranche-event-editor.h"
#include "tranche-html-text.h"

#define TITLE_MAX_CHARS 80

typedef enum
{
  DRAFT_PENDING,
  DRAFT_ACCEPTED,
  DRAFT_REJECTED,
} DraftState;

typedef struct
{
  char       *id;
  DraftState  state;
  int         quote_start, quote_end;  /* in characters of the article */
  GtkWidget  *row;
  GtkWidget  *status;
  GtkWidget  *buttons;
} Draft;

struct _TrancheArticleReview
{
  AdwWindow       parent_instance;

  TrancheSession *session;
  char           *title;         /* of the source, from the file's name */
  char           *text;          /* the article as drafted */
  GArray         *drafts;        /* of Draft */

  GtkStack       *stack;
  GtkTextView    *input_view;
  AdwComboRow    *language_row;
  AdwEntryRow    *published_row;
  GtkLabel       *error_label;
  GtkTextView    *article_view;
  GtkListBox     *list;
  GtkWidget      *accept_all;
  GtkWidget      *reject_all;
};

G_DEFINE_FINAL_TYPE (TrancheArticleReview, tranche_article_review, ADW_TYPE_WINDOW)

static void
draft_clear (gpointer data)
{
  Draft *draft = data;

  g_free (draft->id);
}

static void
show_error (TrancheArticleReview *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Input page -------------------------------------------------------------- */

void
tranche_article_review_set_article (TrancheArticleReview *self,
                                    const char           *text,
                                    const char           *title)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self));
  g_return_if_fail (text != NULL);

  if (tranche_html_looks_like (text, -1))
    text = plain = tranche_html_to_text (text, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->input_view), text, -1);
  g_free (self->title);
  self->title = g_strdup (title);
  show_error (self, NULL);
}

void
tranche_article_review_set_published (TrancheArticleReview *self,
                                      const char           *date)
{
  g_return_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self));
  g_return_if_fail (date != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->published_row), date);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  TrancheArticleReview *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (!g_utf8_validate (contents, len, NULL) || strlen (contents) != len)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not UTF-8 text: save it as text in UTF-8 and open it "
                           "again."), name);
      show_error (self, message);
      return;
    }
  tranche_article_review_set_article (self, contents, name);
}

static void
open_file_cb (TrancheArticleReview *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open an Article"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Articles (text or HTML)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Review page ------------------------------------------------------------- */

static Draft *
get_draft (TrancheArticleReview *self,
           guint                 index)
{
  if (self->drafts == NULL || index >= self->drafts->len)
    return NULL;
  return &g_array_index (self->drafts, Draft, index);
}

static void
update_all_buttons (TrancheArticleReview *self)
{
  gboolean pending = FALSE;

  for (guint i = 0; self->drafts != NULL && i < self->drafts->len; i++)
    pending |= get_draft (self, i)->state == DRAFT_PENDING;
  gtk_widget_set_sensitive (self->accept_all, pending);
  gtk_widget_set_sensitive (self->reject_all, pending);
}

static void
set_state (TrancheArticleReview *self,
           Draft                *draft,
           DraftState            state)
{
  draft->state = state;
  gtk_label_set_text (GTK_LABEL (draft->status),
                      state == DRAFT_ACCEPTED ? _("Accepted") : _("Rejected"));
  gtk_widget_set_visible (draft->status, state != DRAFT_PENDING);
  gtk_widget_set_visible (draft->buttons, state == DRAFT_PENDING);
  if (state == DRAFT_ACCEPTED)
    gtk_widget_add_css_class (draft->status, "success");
  else
    gtk_widget_remove_css_class (draft->status, "success");
  if (state == DRAFT_REJECTED)
    gtk_widget_add_css_class (draft->row, "dim-label");
  else
    gtk_widget_remove_css_class (draft->row, "dim-label");
  update_all_buttons (self);
}

/* After any change of the document (an undo, an edit elsewhere): a draft
 * whose event is gone was rejected, one that lost "draft" was accepted, one
 * that has it again is pending again. */
static void
document_changed_cb (TrancheArticleReview *self,
                     TrancheDocument      *doc)
{
  for (guint i = 0; i < self->drafts->len; i++)
    {
      Draft *draft = &g_array_index (self->drafts, Draft, i);
      int at = tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS, draft->id);
      g_autoptr(JsonNode) node = at >= 0 ? tranche_document_dup_element (doc,
                                                                          TRANCHE_DOCUMENT_EVENTS,
                                                                          at)
                                         : NULL;
      DraftState state = DRAFT_REJECTED;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        state = json_object_get_boolean_member_with_default (json_node_get_object (node),
                                                             "draft", FALSE)
                ? DRAFT_PENDING : DRAFT_ACCEPTED;
      if (state != draft->state)
        set_state (self, draft, state);
    }
}

/* The document's index of a pending draft, or -1 (an undo took it away). */
static int
pending_index (TrancheArticleReview *self,
               Draft                *draft)
{
  TrancheDocument *doc = tranche_session_get_document (self->session);

  if (draft == NULL || draft->state != DRAFT_PENDING || doc == NULL)
    return -1;
  return tranche_document_find_element (doc, TRANCHE_DOCUMENT_EVENTS, draft->id);
}

gboolean
tranche_article_review_accept (TrancheArticleReview *self,
                               guint                 index)
{
  Draft *draft;
  TrancheDocument *doc;
  int at;

  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), FALSE);

  draft = get_draft (self, index);
  if ((at = pending_index (self, draft)) < 0)
    return FALSE;
  doc = tranche_session_get_document (self->session);
  tranche_document_begin_user_action (doc);
  tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, at, "draft", NULL);
  tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, at, "confidence", NULL);
  tranche_document_end_user_action (doc);
  set_state (self, draft, DRAFT_ACCEPTED);
  return TRUE;
}

gboolean
tranche_article_review_reject (TrancheArticleReview *self,
                               guint                 index)
{
  Draft *draft;
  int at;

  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), FALSE);

  draft = get_draft (self, index);
  if ((at = pending_index (self, draft)) < 0)
    return FALSE;
  tranche_document_delete_element (tranche_session_get_document (self->session),
                                   TRANCHE_DOCUMENT_EVENTS, at);
  set_state (self, draft, DRAFT_REJECTED);
  return TRUE;
}

GtkWindow *
tranche_article_review_edit (TrancheArticleReview *self,
                             guint                 index)
{
  TrancheEventEditor *editor;
  int at;

  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), NULL);

  if ((at = pending_index (self, get_draft (self, index))) < 0)
    return NULL;
  editor = tranche_event_editor_new (GTK_WINDOW (self), self->session, at);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
all (TrancheArticleReview *self,
     gboolean              accept)
{
  TrancheDocument *doc = tranche_session_get_document (self->session);

  g_return_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self));

  if (doc == NULL || self->drafts == NULL)
    return;
  tranche_document_begin_user_action (doc);
  for (guint i = 0; i < self->drafts->len; i++)
    if (accept)
      tranche_article_review_accept (self, i);
    else
      tranche_article_review_reject (self, i);
  tranche_document_end_user_action (doc);
}

void
tranche_article_review_accept_all (TrancheArticleReview *self)
{
  all (self, TRUE);
}

void
tranche_article_review_reject_all (TrancheArticleReview *self)
{
  all (self, FALSE);
}

void
tranche_article_review_select (TrancheArticleReview *self,
                               guint                 index)
{
  Draft *draft;

  g_return_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self));

  if ((draft = get_draft (self, index)) != NULL)
    gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (draft->row));
}

/* The draft's sentence: highlighted, selected and scrolled to. */
static void
row_selected_cb (TrancheArticleReview *self,
                 GtkListBoxRow        *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article_view);
  GtkTextIter start, end;
  Draft *draft;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "passage", &start, &end);
  if (row == NULL || (draft = get_draft (self, gtk_list_box_row_get_index (row))) == NULL)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, draft->quote_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, draft->quote_end);
  gtk_text_buffer_apply_tag_by_name (buffer, "passage", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (self->article_view, &start, 0.1, TRUE, 0.0, 0.3);
}

/* The next draft still to review after `index`, or `index`. */
static guint
next_pending (TrancheArticleReview *self,
              guint                 index)
{
  for (guint k = 1; k < self->drafts->len; k++)
    {
      guint i = (index + k) % self->drafts->len;

      if (get_draft (self, i)->state == DRAFT_PENDING)
        return i;
    }
  return index;
}

static void
decide (TrancheArticleReview *self,
        const char           *what,
        guint                 index)
{
  gboolean done = FALSE;

  if (g_str_equal (what, "accept"))
    done = tranche_article_review_accept (self, index);
  else if (g_str_equal (what, "reject"))
    done = tranche_article_review_reject (self, index);
  else
    tranche_article_review_edit (self, index);
  if (done)
    tranche_article_review_select (self, next_pending (self, index));
}

/* review.accept, review.edit, review.reject: on the selected draft. */
static void
selected_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TrancheArticleReview *self = TRANCHE_ARTICLE_REVIEW (widget);
  GtkListBoxRow *row = self->list != NULL ? gtk_list_box_get_selected_row (self->list) : NULL;

  if (row != NULL)
    decide (self, action_name + strlen ("review."), gtk_list_box_row_get_index (row));
}

static void
row_button_cb (GtkButton *button,
               gpointer   user_data)
{
  TrancheArticleReview *self = user_data;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const char *what = g_object_get_data (G_OBJECT (button), "tranche-review");
  guint index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  decide (self, what, index);
}

static GtkWidget *
row_button (TrancheArticleReview *self,
            const char           *label,
            const char           *what,
            const char           *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "tranche-review", (gpointer) what);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", G_CALLBACK (row_button_cb), self);
  return button;
}

static const char *
kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } kinds[] = {
    { "investment", N_("Investment") },
    { "commitment", N_("Commitment") },
    { "valuation", N_("Valuation") },
    { "news", N_("Reported total") },
    { "acquisition", N_("Acquisition") },
    { "secondary", N_("Secondary sale") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return _(kinds[i].label);
  return kind != NULL ? kind : "";
}

/* A row: the draft's title, its date, kind and confidence, then Accept,
 * Edit… and Reject (or what was done). */
/* "From Northwind Capital (lead), Blue Harbor Ventures", or NULL. */
static char *
investors_line (JsonObject *event,
                GHashTable *names)
{
  JsonArray *investors = json_object_has_member (event, "investors")
                         ? json_object_get_array_member (event, "investors") : NULL;
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; investors != NULL && i < json_array_get_length (investors); i++)
    {
      JsonNode *node = json_array_get_element (investors, i);
      gboolean lead = JSON_NODE_HOLDS_OBJECT (node);
      const char *id = lead ? json_object_get_string_member (json_node_get_object (node), "id")
                            : json_node_get_string (node);
      const char *name = g_hash_table_lookup (names, id);

      if (list->len > 0)
        /* Translators: between the investors of a draft */
        g_string_append (list, _(", "));
      if (lead)
        /* Translators: a lead investor in a draft's list */
        g_string_append_printf (list, _("%s (lead)"), name != NULL ? name : id);
      else
        g_string_append (list, name != NULL ? name : id);
    }
  if (list->len == 0)
    return NULL;
  /* Translators: under a draft event, its investors */
  return g_strdup_printf (_("From %s"), list->str);
}

static void
add_row (TrancheArticleReview *self,
         Draft                *draft,
         JsonObject           *event,
         int                   confidence,
         GHashTable           *names)
{
  g_autofree char *from = investors_line (event, names);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (json_object_get_string_member_with_default (event, "title",
                                                                                ""));
  g_autofree char *details =
    /* Translators: DATE · KIND · confidence, under a draft event's title */
    g_strdup_printf (_("%s · %s · %d%% sure"),
                     json_object_get_string_member_with_default (event, "date", ""),
                     kind_label (json_object_get_string_member_with_default (event, "kind",
                                                                             NULL)),
                     confidence);
  GtkWidget *subtitle = gtk_label_new (details);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  if (from != NULL)
    {
      GtkWidget *label = gtk_label_new (from);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  draft->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (draft->status), 0);
  gtk_widget_add_css_class (draft->status, "caption-heading");
  gtk_widget_set_visible (draft->status, FALSE);
  gtk_box_append (GTK_BOX (box), draft->status);

  draft->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (draft->buttons),
                  row_button (self, _("Accept"), "accept",
                              _("Make this draft an event of the dataset, with its quote")));
  gtk_box_append (GTK_BOX (draft->buttons),
                  row_button (self, _("Edit…"), "edit",
                              _("Change this draft in the event editor before accepting it")));
  gtk_box_append (GTK_BOX (draft->buttons),
                  row_button (self, _("Reject"), "reject",
                              _("Remove this draft from the dataset")));
  gtk_widget_add_css_class (gtk_widget_get_first_child (draft->buttons), "suggested-action");
  gtk_box_append (GTK_BOX (box), draft->buttons);

  draft->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (draft->row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (draft->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  json_object_get_string_member_with_default (event, "title",
                                                                              ""),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details, -1);
  gtk_list_box_append (self->list, draft->row);
}

static int
char_offset (const char *text,
             gsize       byte)
{
  return (int) g_utf8_pointer_to_offset (text, text + byte);
}

/* Fills the review page: the article, its figures, a row per draft. */
static void
show_review (TrancheArticleReview *self,
             TrancheExtraction    *extraction,
             JsonArray            *events,
             JsonArray            *entities)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article_view);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      g_hash_table_insert (names, (gpointer) json_object_get_string_member (entity, "id"),
                           (gpointer) json_object_get_string_member (entity, "name"));
    }

  gtk_text_buffer_set_text (buffer, self->text, -1);
  for (guint i = 0; i < tranche_extraction_get_n_drafts (extraction); i++)
    {
      const TrancheDraft *d = tranche_extraction_get_draft (extraction, i);
      JsonObject *event = json_array_get_object_element (events, i);
      Draft draft = { 0 };
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, char_offset (self->text,
                                                                       d->figure.start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, char_offset (self->text,
                                                                     d->figure.end));
      gtk_text_buffer_apply_tag_by_name (buffer, "figure", &start, &end);
      draft.id = g_strdup (json_object_get_string_member (event, "id"));
      draft.quote_start = char_offset (self->text, d->quote.start);
      draft.quote_end = char_offset (self->text, d->quote.end);
      g_array_append_val (self->drafts, draft);
      add_row (self, &g_array_index (self->drafts, Draft, self->drafts->len - 1), event,
               (int) (d->confidence * 100 + 0.5), names);
    }
  update_all_buttons (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  tranche_article_review_select (self, 0);
}

/* Finding the drafts ------------------------------------------------------ */

static char *
first_line (const char *text)
{
  char *title;

  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  title = g_strndup (text, strcspn (text, "\r\n"));
  g_strstrip (title);
  if (g_utf8_strlen (title, -1) > TITLE_MAX_CHARS)
    *g_utf8_offset_to_pointer (title, TITLE_MAX_CHARS) = '\0';
  return title;
}

/* Whether the article has drafts that only a publication date would date
 * ("earlier this year"): the same rules are run with a stand-in date. */
static gboolean
needs_published (const char            *text,
                 TrancheExtractOptions  options,
                 TrancheDataset        *dataset,
                 guint                  n_drafts)
{
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  g_autoptr(TrancheExtraction) probe = NULL;

  tranche_date_parse ("2000-06-15", &options.published);
  if (dataset != NULL)
    tranche_actors_add_dataset (actors, dataset);
  probe = tranche_extract (text, strlen (text), &options, actors);
  return tranche_extraction_get_n_drafts (probe) > n_drafts;
}

/* The source, the entities the dataset lacks, the events: one undo step. */
static void
add_to_document (TrancheArticleReview *self,
                 JsonObject           *root)
{
  TrancheDocument *doc = tranche_session_get_document (self->session);
  JsonArray *entities = json_object_get_array_member (root, "entities");
  JsonArray *sources = json_object_get_array_member (root, "sources");
  JsonArray *events = json_object_get_array_member (root, "events");

  tranche_document_begin_user_action (doc);
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *entity = json_array_get_element (entities, i);
      const char *id = json_object_get_string_member (json_node_get_object (entity), "id");

      if (tranche_document_find_element (doc, TRANCHE_DOCUMENT_ENTITIES, id) < 0)
        tranche_document_append_element (doc, TRANCHE_DOCUMENT_ENTITIES, entity, NULL, NULL);
    }
  tranche_document_append_element (doc, TRANCHE_DOCUMENT_SOURCES,
                                   json_array_get_element (sources, 0), NULL, NULL);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *event = json_array_get_element (events, i);

      /* the confidence is shown in the review (from the extraction); in the
       * file it is no member of format 1, and the problems bar would warn
       * about every draft */
      json_object_remove_member (json_node_get_object (event), "confidence");
      tranche_document_append_element (doc, TRANCHE_DOCUMENT_EVENTS, event, NULL, NULL);
    }
  tranche_document_end_user_action (doc);
}

gboolean
tranche_article_review_find_events (TrancheArticleReview *self)
{
  static const TrancheLanguage languages[] = {
    TRANCHE_LANGUAGE_UNKNOWN, TRANCHE_LANGUAGE_EN, TRANCHE_LANGUAGE_FR,
  };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *published = NULL;
  g_autofree char *title = NULL;
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  g_autoptr(TrancheExtraction) extraction = NULL;
  g_autoptr(JsonNode) root = NULL;
  TrancheExtractOptions options = { TRANCHE_LANGUAGE_UNKNOWN, { 0 } };
  TrancheDataset *dataset;
  guint language;

  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), FALSE);

  if (tranche_session_get_document (self->session) == NULL || self->drafts->len > 0)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->input_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (text[strspn (text, " \t\r\n")] == '\0')
    {
      show_error (self, _("Paste an article, or open a text or HTML file, first."));
      return FALSE;
    }
  published = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->published_row))));
  if (*published != '\0'
      && tranche_date_parse (published, &options.published) != TRANCHE_DATE_OK)
    {
      show_error (self, _("The publication date is a date like 2023-11-05, 2023-11 or 2023."));
      gtk_widget_grab_focus (GTK_WIDGET (self->published_row));
      return FALSE;
    }
  language = adw_combo_row_get_selected (self->language_row);
  options.language = languages[MIN (language, G_N_ELEMENTS (languages) - 1)];
  dataset = tranche_session_get_dataset (self->session);
  if (dataset != NULL)
    tranche_actors_add_dataset (actors, dataset);
  extraction = tranche_extract (text, strlen (text), &options, actors);
  if (*published == '\0'
      && needs_published (text, options, dataset, tranche_extraction_get_n_drafts (extraction)))
    {
      show_error (self, _("Some dates in this article are relative to when it was published "
                          "(“earlier this year”, “last year”): give its publication date."));
      gtk_widget_grab_focus (GTK_WIDGET (self->published_row));
      return FALSE;
    }
  if (tranche_extraction_get_n_drafts (extraction) == 0)
    {
      show_error (self, _("No dated figures were found in this article: add its events by "
                          "hand, citing it as a source."));
      return FALSE;
    }
  title = self->title != NULL ? g_strdup (self->title) : first_line (text);
  root = tranche_draft_write_dataset (text, strlen (text), title, &options.published, dataset,
                                      actors, extraction);
  add_to_document (self, json_node_get_object (root));
  g_signal_connect_object (tranche_session_get_document (self->session), "changed",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  self->text = g_steal_pointer (&text);
  show_review (self, extraction,
               json_object_get_array_member (json_node_get_object (root), "events"),
               json_object_get_array_member (json_node_get_object (root), "entities"));
  return TRUE;
}

guint
tranche_article_review_get_n_drafts (TrancheArticleReview *self)
{
  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), 0);

  return self->drafts->len;
}

const char *
tranche_article_review_get_draft_id (TrancheArticleReview *self,
                                     guint                 index)
{
  Draft *draft;

  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), NULL);

  draft = get_draft (self, index);
  return draft != NULL ? draft->id : NULL;
}

GtkTextView *
tranche_article_review_get_text_view (TrancheArticleReview *self)
{
  g_return_val_if_fail (TRANCHE_IS_ARTICLE_REVIEW (self), NULL);

  return self->article_view;
}

/* Building ---------------------------------------------------------------- */

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *window = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (window), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (window), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (window, TRUE);
  gtk_widget_set_hexpand (window, TRUE);
  return window;
}

static GtkTextView *
text_view (const char *label)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 18);
  gtk_text_view_set_right_margin (view, 18);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 12);
  gtk_text_view_set_pixels_below_lines (view, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return view;
}

static GtkWidget *
build_input_page (TrancheArticleReview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("Paste the article below, or open a text or HTML file. "
                                      "Every dated figure becomes a draft event, with the "
                                      "sentence it comes from as its quote."));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open File…"));
  GtkWidget *find = gtk_button_new_with_mnemonic (_("_Find Events"));
  const char *languages[] = { _("Detect"), _("English"), _("French"), NULL };

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  self->input_view = text_view (_("Article"));
  gtk_frame_set_child (GTK_FRAME (frame), scrolled (GTK_WIDGET (self->input_view)));
  gtk_box_append (GTK_BOX (box), frame);

  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("_Language"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->language_row), TRUE);
  adw_combo_row_set_model (self->language_row,
                           G_LIST_MODEL (gtk_string_list_new (languages)));
  self->published_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->published_row),
                                 _("_Published (2023-11-05, 2023-11 or 2023)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->published_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->language_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->published_row));
  gtk_box_append (GTK_BOX (box), group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  g_signal_connect_swapped (open, "clicked", G_CALLBACK (open_file_cb), self);
  g_signal_connect_swapped (find, "clicked", G_CALLBACK (tranche_article_review_find_events),
                            self);
  gtk_widget_add_css_class (find, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), open);
  gtk_box_append (GTK_BOX (buttons), find);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static GtkWidget *
build_review_page (TrancheArticleReview *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkTextBuffer *buffer;
  GtkWidget *list_scroll;

  self->article_view = text_view (_("Article with its figures highlighted"));
  gtk_text_view_set_editable (self->article_view, FALSE);
  gtk_text_view_set_cursor_visible (self->article_view, FALSE);
  buffer = gtk_text_view_get_buffer (self->article_view);
  /* yellow and blue at low alpha read on light and dark backgrounds alike */
  gtk_text_buffer_create_tag (buffer, "figure", "background-rgba",
                              &(GdkRGBA) { 0.96, 0.83, 0.18, 0.45 }, "weight", 700, NULL);
  gtk_text_buffer_create_tag (buffer, "passage", "background-rgba",
                              &(GdkRGBA) { 0.21, 0.52, 0.89, 0.22 }, "underline",
                              PANGO_UNDERLINE_SINGLE, NULL);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled (GTK_WIDGET (self->article_view)));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Draft events"), -1);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  list_scroll = scrolled (GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (side), list_scroll);

  self->reject_all = gtk_button_new_with_mnemonic (_("Reject A_ll"));
  self->accept_all = gtk_button_new_with_mnemonic (_("Accept _All"));
  gtk_widget_add_css_class (self->accept_all, "suggested-action");
  g_signal_connect_swapped (self->reject_all, "clicked",
                            G_CALLBACK (tranche_article_review_reject_all), self);
  g_signal_connect_swapped (self->accept_all, "clicked",
                            G_CALLBACK (tranche_article_review_accept_all), self);
  gtk_widget_set_halign (bottom, GTK_ALIGN_END);
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_end (bottom, 12);
  gtk_widget_set_margin_top (bottom, 12);
  gtk_widget_set_margin_bottom (bottom, 12);
  gtk_box_append (GTK_BOX (bottom), self->reject_all);
  gtk_box_append (GTK_BOX (bottom), self->accept_all);
  gtk_box_append (GTK_BOX (side), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (side), bottom);
  gtk_widget_set_size_request (side, 340, -1);
  gtk_paned_set_end_child (GTK_PANED (paned), side);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  return paned;
}

static void
tranche_article_review_dispose (GObject *object)
{
  TrancheArticleReview *self = TRANCHE_ARTICLE_REVIEW (object);

  /* rows are unselected as they go; the article may be gone already */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  self->list = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (tranche_article_review_parent_class)->dispose (object);
}

static void
tranche_article_review_finalize (GObject *object)
{
  TrancheArticleReview *self = TRANCHE_ARTICLE_REVIEW (object);

  g_free (self->title);
  g_free (self->text);
  g_array_unref (self->drafts);
  G_OBJECT_CLASS (tranche_article_review_parent_class)->finalize (object);
}

static void
tranche_article_review_class_init (TrancheArticleReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_article_review_dispose;
  object_class->finalize = tranche_article_review_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "review.accept", NULL, selected_action);
  gtk_widget_class_install_action (widget_class, "review.edit", NULL, selected_action);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "review.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "review.reject", NULL);
}

static void
tranche_article_review_init (TrancheArticleReview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->drafts = g_array_new (FALSE, TRUE, sizeof (Draft));
  g_array_set_clear_func (self->drafts, draft_clear);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_input_page (self), "input");
  gtk_stack_add_named (self->stack, build_review_page (self), "review");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("New Events from Article"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
}

TrancheArticleReview *
tranche_article_review_new (GtkWindow      *parent,
                            TrancheSession *session)
{
  TrancheArticleReview *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRANCHE_IS_SESSION (session), NULL);

  self = g_object_new (TRANCHE_TYPE_ARTICLE_REVIEW, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->session = g_object_ref (session);
  return self;
}
