/* tranche-source-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Citations are grouped by source, so an article cited three times is shown
 * once with its three passages highlighted; each citation keeps marks on its
 * passage so "Show in Article" and the tests can find it again.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tranche-event-fields.h"
#include "tranche-format.h"
#include "tranche-quote.h"
#include "tranche-session.h"
#include "tranche-source-panel.h"
#include "tranche-url.h"

typedef struct
{
  GtkTextView *view;   /* the source's article, NULL when it has no text */
  GtkTextMark *start;  /* the passage in it, NULL when not found */
  GtkTextMark *end;
} Citation;

struct _TrancheSourcePanel
{
  GtkWidget          parent_instance;

  TrancheSession    *session;
  GSignalGroup      *session_signals;
  GBindingGroup     *session_bindings;
  TrancheDataset    *dataset;
  int                event;
  GArray            *citations;      /* Citation, one per citation of the event */
  GPtrArray         *highlight_tags; /* GtkTextTag, one per article shown */

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *parties_label;
  GtkLabel          *when_label;
  GtkListBox        *facts_list;
  GtkFlowBox        *tags_box;
  GtkLabel          *summary_label;
  GtkLabel          *sources_heading;
  GtkBox            *sources_box;
  GtkSizeGroup      *fact_keys;
};

G_DEFINE_FINAL_TYPE (TrancheSourcePanel, tranche_source_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DATASET,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Highlight colours that read well on the article's own background, which
 * follows the style: a pale yellow under dark text, a deep amber under light
 * text. Chosen from the style manager rather than CSS because text tags take
 * colours, not style classes. */
static void
style_highlight (GtkTextTag *tag,
                 gboolean    dark)
{
  GdkRGBA light_bg = { 0.976, 0.941, 0.420, 0.85 };  /* #f9f06b */
  GdkRGBA dark_bg = { 0.612, 0.431, 0.012, 0.85 };   /* #9c6e03 */

  g_object_set (tag, "background-rgba", dark ? &dark_bg : &light_bg, NULL);
}

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
remove_all_children (GtkWidget *parent,
                     void     (*remove) (GtkWidget *parent,
                                         GtkWidget *child))
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    remove (parent, child);
}

static void
list_box_remove (GtkWidget *parent,
                 GtkWidget *child)
{
  gtk_list_box_remove (GTK_LIST_BOX (parent), child);
}

static void
flow_box_remove (GtkWidget *parent,
                 GtkWidget *child)
{
  gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
}

static void
box_remove (GtkWidget *parent,
            GtkWidget *child)
{
  gtk_box_remove (GTK_BOX (parent), child);
}

/* Every label made here holds file text, so none of them takes markup. */
static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
add_fact (TrancheSourcePanel *self,
          const char         *key,
          const char         *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = text_label (value, NULL);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0.0);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_size_group_add_widget (self->fact_keys, key_label);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_box_append (GTK_BOX (box), key_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  /* A focusable row would only move focus around text that is already read. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->facts_list, row);
}

static void
add_money_fact (TrancheSourcePanel *self,
                const char         *key,
                const TrancheMoney *money,
                gboolean            with_basis)
{
  g_autofree char *text = NULL;
  const char *basis;

  if (!tranche_money_is_present (money))
    return;
  text = tranche_format_money (money);
  basis = with_basis ? tranche_valuation_basis_get_label (money->basis) : NULL;
  if (basis != NULL)
    {
      /* Translators: a valuation and its basis, "~$29B (post-money)" */
      g_autofree char *with = g_strdup_printf (_("%1$s (%2$s)"), text, basis);

      add_fact (self, key, with);
    }
  else
    add_fact (self, key, text);
}

static char *
describe_parties (TrancheDataset     *dataset,
                  const TrancheEvent *ev)
{
  g_autofree char *investors = tranche_event_dup_investor_names (dataset, ev);
  g_autofree char *leads = tranche_event_dup_leads (dataset, ev);
  const char *target = tranche_event_get_target_name (dataset, ev);
  g_autofree char *parties = NULL;

  if (*investors == '\0' && ev->kind == TRANCHE_EVENT_INVESTMENT)
    {
      g_free (investors);
      /* Translators: in place of the investors of a round whose sources
       * name none */
      investors = g_strdup (_("Investors not reported"));
    }
  if (*investors != '\0' && target != NULL)
    /* Translators: who invested in whom, "Microsoft → OpenAI" */
    parties = g_strdup_printf (_("%1$s → %2$s"), investors, target);
  else if (*investors != '\0')
    parties = g_steal_pointer (&investors);
  else
    parties = g_strdup (target);
  if (leads != NULL && parties != NULL)
    /* Translators: the parties of a round, then who led it: "Spark Capital,
     * Google → Anthropic · led by Spark Capital" */
    return g_strdup_printf (C_("parties", "%1$s · %2$s"), parties, leads);
  return g_steal_pointer (&parties);
}

static char *
describe_source (const TrancheSource *source)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (source->publisher != NULL && *source->publisher != '\0')
    g_ptr_array_add (parts, g_strdup (source->publisher));
  if (source->author != NULL && *source->author != '\0')
    g_ptr_array_add (parts, g_strdup (source->author));
  if (tranche_date_is_set (&source->published))
    g_ptr_array_add (parts, tranche_format_date (&source->published));
  if (source->language != NULL && *source->language != '\0')
    g_ptr_array_add (parts, g_strdup (source->language));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* GtkTextView lays a paragraph out whole, again at each width: one of
 * megabytes (a pasted book with no line breaks) froze the window for most
 * of a minute. Lines longer than this are broken, at their last space where
 * there is one, so a passage is still found (spaces and breaks are alike to
 * tranche_quote_find). NULL when no line needs it. */
#define MAX_LINE 4000

static char *
break_long_lines (const char *text)
{
  GString *out;
  gssize space = -1;   /* in `out`, the current line's last space */
  glong n = 0;         /* characters in the current line */
  glong n_after = 0;   /* …after that space */
  const char *line = text;
  const char *nl;

  /* most articles: no line longer in bytes than the limit in characters */
  while ((nl = strchr (line, '\n')) != NULL && nl - line <= MAX_LINE)
    line = nl + 1;
  if (nl == NULL && strlen (line) <= MAX_LINE)
    return NULL;

  out = g_string_sized_new (strlen (text) + 64);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (n >= MAX_LINE)
        {
          if (space >= 0)
            {
              out->str[space] = '\n';
              n = n_after;
            }
          else
            {
              g_string_append_c (out, '\n');
              n = 0;
            }
          space = -1;
        }
      if (*p == '\n')
        {
          n = 0;
          space = -1;
        }
      else if (*p == ' ' || *p == '\t')
        {
          space = out->len;
          n_after = 0;
          n++;
        }
      else
        {
          n++;
          n_after++;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static GMenuModel *
article_menu (void)
{
  static GMenu *menu = NULL;

  if (menu == NULL)
    {
      menu = g_menu_new ();
      g_menu_append (menu, _("_Cite for This Event"), "win.cite-selection");
      g_menu_append (menu, _("_New Event from Selection"), "win.new-event-from-selection");
    }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
make_article_view (TrancheSourcePanel  *self,
                   const TrancheSource *source,
                   const char          *text,
                   GtkTextBuffer      **buffer_out,
                   GtkTextTag         **tag_out)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *accessible = NULL;
  GtkTextTag *tag;

  gtk_text_buffer_set_text (buffer, text, -1);
  tag = gtk_text_buffer_create_tag (buffer, "highlight", NULL);
  style_highlight (tag, style_is_dark ());
  g_ptr_array_add (self->highlight_tags, g_object_ref (tag));

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 14);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 14);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 2);
  gtk_widget_add_css_class (view, "tranche-article");
  /* Translators: accessible name of the article text, with its title */
  accessible = g_strdup_printf (_("Article: %s"), source->title ? source->title : source->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* A passage selected in the article can be cited (the window's editing
   * actions; see tranche_source_panel_dup_selection). */
  g_object_set_data_full (G_OBJECT (view), "tranche-source-id", g_strdup (source->id), g_free);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), article_menu ());

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 380);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_add_css_class (scroller, "tranche-article-frame");
  /* Keeps the text's background inside the frame's rounded corners. */
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);

  *buffer_out = buffer;
  *tag_out = tag;
  return scroller;
}

typedef struct
{
  GtkTextMark *mark;
  guint        frames;
  guint        settled;
} PassageScroll;

static void
passage_scroll_free (gpointer data)
{
  PassageScroll *scroll = data;

  g_object_unref (scroll->mark);
  g_free (scroll);
}

/* A text view lays its lines out bit by bit after it is shown, so a scroll
 * done at once uses estimated line heights and lands short of a passage far
 * down the article. Scroll again each frame until the passage has been in
 * view, with its lines laid out, for two frames in a row (or a second has
 * passed, so a user who scrolls away at once is not fought for long). */
static gboolean
passage_scroll_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  PassageScroll *scroll = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, scroll->mark);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  if (location.y >= visible.y && location.y + location.height <= visible.y + visible.height)
    scroll->settled++;
  else
    scroll->settled = 0;
  if (scroll->settled >= 2 || ++scroll->frames > 60)
    {
      g_object_set_data (G_OBJECT (view), "tranche-passage-scroll", NULL);
      return G_SOURCE_REMOVE;
    }
  gtk_text_view_scroll_to_mark (view, scroll->mark, 0.0, TRUE, 0.0, 0.25);
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_passage (Citation *citation)
{
  GtkWidget *view = GTK_WIDGET (citation->view);
  PassageScroll *scroll = g_new0 (PassageScroll, 1);
  guint tick = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "tranche-passage-scroll"));

  if (tick != 0)
    gtk_widget_remove_tick_callback (view, tick);
  scroll->mark = g_object_ref (citation->start);
  gtk_text_view_scroll_to_mark (citation->view, citation->start, 0.0, TRUE, 0.0, 0.25);
  tick = gtk_widget_add_tick_callback (view, passage_scroll_tick_cb, scroll, passage_scroll_free);
  g_object_set_data (G_OBJECT (view), "tranche-passage-scroll", GUINT_TO_POINTER (tick));
}

/* One card per cited source: what it is, where it is, each quoted passage,
 * and the article itself when the dataset has its text. */

/* "https://" and a host of up to this many characters stay on one line. */
#define HOST_ON_ONE_LINE 40

/* The URL row: the scheme and host always whole (only the path may be
 * elided, so the reader sees where a link goes), and an "Open in Browser"
 * button only for an address that can be opened as it reads. */
static void
append_url (GtkBox                *box,
            const TrancheCitation *head,
            const TrancheSource   *source)
{
  TrancheUrlVerdict verdict = tranche_url_check (source->url);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *host_part = NULL;
  g_autofree char *path_part = NULL;
  g_autofree char *real_host = NULL;
  GtkWidget *host_label;
  GtkWidget *path_label;
  const char *warning = NULL;
  g_autofree char *warning_text = NULL;
  g_autoptr(PangoAttrList) no_hyphens = NULL;

  tranche_url_split_for_display (source->url, &host_part, &path_part, &real_host);
  host_label = text_label (host_part, "caption");
  /* Always whole: on one line when it is of a usual length (the path gives
   * way), wrapped (never elided) when it is too long for the panel, and
   * without hyphens that would read as part of the name. */
  if (g_utf8_strlen (host_part, -1) <= HOST_ON_ONE_LINE)
    gtk_label_set_wrap (GTK_LABEL (host_label), FALSE);
  else
    gtk_label_set_wrap_mode (GTK_LABEL (host_label), PANGO_WRAP_CHAR);
  no_hyphens = pango_attr_list_new ();
  pango_attr_list_insert (no_hyphens, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (GTK_LABEL (host_label), no_hyphens);
  path_label = text_label (path_part, "caption");
  gtk_label_set_wrap (GTK_LABEL (path_label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (path_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (path_label, TRUE);
  gtk_box_append (GTK_BOX (row), host_label);
  gtk_box_append (GTK_BOX (row), path_label);
  gtk_widget_set_hexpand (row, TRUE);
  if (verdict == TRANCHE_URL_WEB)
    gtk_widget_set_tooltip_text (row, source->url);
  gtk_box_append (GTK_BOX (line), row);

  switch (verdict)
    {
    case TRANCHE_URL_WEB:
      {
        GtkWidget *button = gtk_button_new_with_label (_("Open in Browser"));
        g_autofree char *name = g_strdup_printf (_("Open “%s” in Browser"),
                                                 source->title ? source->title : source->id);

        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                        "source-panel.open-in-browser");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", head->source);
        gtk_box_append (GTK_BOX (line), button);
      }
      break;
    case TRANCHE_URL_USERINFO:
      warning = warning_text =
        g_strdup_printf (_("This address leads to “%s”, not to the name before the “@”. "
                           "It is not opened."), real_host);
      break;
    case TRANCHE_URL_CONTROL:
      warning = _("This address contains spaces or control characters. It is not opened.");
      break;
    case TRANCHE_URL_TOO_LONG:
      warning = _("This address is too long to be a real link. It is not opened.");
      break;
    case TRANCHE_URL_NOT_WEB:
    default:
      /* Shown so it can be read and copied, never handed to the desktop. */
      break;
    }
  gtk_box_append (box, line);
  if (warning != NULL)
    {
      GtkWidget *note = text_label (warning, "caption");

      gtk_widget_add_css_class (note, "warning");
      gtk_box_append (box, note);
    }
}

static void
add_source_card (TrancheSourcePanel  *self,
                 const TrancheEvent  *ev,
                 guint                first)
{
  const TrancheCitation *head = tranche_dataset_event_citation (self->dataset, ev, first);
  const TrancheSource *source = NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *article = NULL;
  GtkTextBuffer *buffer = NULL;
  GtkTextTag *tag = NULL;
  g_autofree char *valid_text = NULL;
  g_autofree char *broken_text = NULL;
  const char *text = NULL;
  gboolean scrolled = FALSE;

  if (head->source != TRANCHE_NO_ENTITY)
    source = tranche_dataset_get_source (self->dataset, head->source);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (box, 14);
  gtk_widget_set_margin_bottom (box, 14);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_box_append (GTK_BOX (card), box);

  if (source == NULL)
    {
      GtkWidget *note = gtk_label_new (_("This source is not in the dataset"));

      gtk_box_append (GTK_BOX (box), text_label (head->source_id, "heading"));
      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_widget_add_css_class (note, "warning");
      gtk_box_append (GTK_BOX (box), note);
    }
  else
    {
      g_autofree char *meta = describe_source (source);

      gtk_box_append (GTK_BOX (box), text_label (source->title ? source->title : source->id,
                                                 "heading"));
      if (*meta != '\0')
        {
          GtkWidget *label = text_label (meta, "caption");

          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (GTK_BOX (box), label);
        }
      if (source->url != NULL && *source->url != '\0')
        append_url (GTK_BOX (box), head, source);
      if (source->text != NULL && *source->text != '\0')
        {
          /* Text is UTF-8 after loading; a builder-made dataset might not
           * be, and the buffer takes nothing else. */
          text = source->text;
          if (!g_utf8_validate (text, -1, NULL))
            text = valid_text = g_utf8_make_valid (text, -1);
          if ((broken_text = break_long_lines (text)) != NULL)
            text = broken_text;
          article = make_article_view (self, source, text, &buffer, &tag);
        }
    }

  for (guint i = first; i < ev->n_citations; i++)
    {
      const TrancheCitation *c = tranche_dataset_event_citation (self->dataset, ev, i);
      Citation *entry = &g_array_index (self->citations, Citation, i);
      gsize start, end;

      if (g_strcmp0 (c->source_id, head->source_id) != 0)
        continue;
      /* A paraphrase is the analyst's words: labelled as such, in plain
       * type rather than as a quotation, and never looked for in the
       * article, where it can't be (issue 12) */
      if (c->paraphrase && c->quote != NULL && *c->quote != '\0')
        {
          GtkWidget *label = gtk_label_new (C_("citation", "Paraphrase"));

          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, "caption-heading");
          gtk_box_append (GTK_BOX (box), label);
          gtk_box_append (GTK_BOX (box), text_label (c->quote, "tranche-paraphrase"));
          continue;
        }
      if (c->quote != NULL && *c->quote != '\0')
        gtk_box_append (GTK_BOX (box), text_label (c->quote, "tranche-quote"));
      if (article == NULL)
        continue;

      entry->view = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (article)));
      if (c->quote != NULL && tranche_quote_find (text, c->quote, &start, &end))
        {
          GtkTextIter from, to;
          GtkWidget *button = gtk_button_new_with_label (_("Show in Article"));

          gtk_text_buffer_get_iter_at_offset (buffer, &from,
                                              g_utf8_pointer_to_offset (text, text + start));
          gtk_text_buffer_get_iter_at_offset (buffer, &to,
                                              g_utf8_pointer_to_offset (text, text + end));
          gtk_text_buffer_apply_tag (buffer, tag, &from, &to);
          entry->start = gtk_text_buffer_create_mark (buffer, NULL, &from, TRUE);
          entry->end = gtk_text_buffer_create_mark (buffer, NULL, &to, FALSE);
          if (!scrolled)
            scroll_to_passage (entry);
          scrolled = TRUE;

          /* Reads as a link under its quote rather than a big button. */
          gtk_widget_set_halign (button, GTK_ALIGN_START);
          gtk_widget_add_css_class (button, "link");
          gtk_widget_add_css_class (button, "tranche-passage-link");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Show the passage in the article"),
                                          -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                          "source-panel.show-passage");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
          gtk_box_append (GTK_BOX (box), button);
        }
      else if (c->quote != NULL && *c->quote != '\0')
        {
          GtkWidget *note = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          GtkWidget *message = gtk_label_new (_("The quoted passage was not found in the article"));

          gtk_label_set_wrap (GTK_LABEL (message), TRUE);
          gtk_label_set_xalign (GTK_LABEL (message), 0.0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                          -1);
          gtk_box_append (GTK_BOX (note), icon);
          gtk_box_append (GTK_BOX (note), message);
          gtk_widget_add_css_class (note, "warning");
          gtk_box_append (GTK_BOX (box), note);
        }
    }

  if (article != NULL)
    {
      GtkWidget *heading = gtk_label_new (_("Article"));

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), article);
    }
  gtk_box_append (self->sources_box, card);
}

static void
clear_event (TrancheSourcePanel *self)
{
  remove_all_children (GTK_WIDGET (self->facts_list), list_box_remove);
  remove_all_children (GTK_WIDGET (self->tags_box), flow_box_remove);
  remove_all_children (GTK_WIDGET (self->sources_box), box_remove);
  g_array_set_size (self->citations, 0);
  g_ptr_array_set_size (self->highlight_tags, 0);
}

static void
show_event (TrancheSourcePanel *self)
{
  const TrancheEvent *ev;
  g_autofree char *parties = NULL;
  g_autofree char *span = NULL;
  g_autofree char *when = NULL;
  GtkAdjustment *adjustment;

  clear_event (self);
  if (self->dataset == NULL || self->event < 0)
    {
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
      return;
    }
  ev = tranche_dataset_get_event (self->dataset, (guint) self->event);

  gtk_label_set_text (self->title_label, ev->title ? ev->title : "");
  parties = describe_parties (self->dataset, ev);
  set_optional_text (self->parties_label, parties);
  span = tranche_format_date_span (&ev->date, &ev->end);
  /* Translators: the date of an event and its kind, "Jan 2023 – 2026 · Investment" */
  when = g_strdup_printf (_("%1$s · %2$s"), span, tranche_event_kind_get_label (ev->kind));
  gtk_label_set_text (self->when_label, when);

  add_money_fact (self, _("Amount"), &ev->amount, FALSE);
  add_money_fact (self, _("Valuation"), &ev->valuation, TRUE);
  add_money_fact (self, _("Reported total"), &ev->cumulative, FALSE);
  if (ev->round != NULL && *ev->round != '\0')
    add_fact (self, _("Round"), ev->round);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->facts_list)) != NULL);

  for (guint i = 0; i < ev->n_tags; i++)
    {
      GtkWidget *tag = gtk_label_new (NULL);

      gtk_label_set_text (GTK_LABEL (tag), tranche_dataset_event_tag (self->dataset, ev, i));
      /* Pills as wide as their text, not as the flow box's column. */
      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "tranche-tag");
      gtk_widget_add_css_class (tag, "caption");
      gtk_flow_box_append (self->tags_box, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), ev->n_tags > 0);

  set_optional_text (self->summary_label, ev->summary);

  g_array_set_size (self->citations, ev->n_citations);
  memset (self->citations->data, 0, sizeof (Citation) * ev->n_citations);
  for (guint i = 0; i < ev->n_citations; i++)
    {
      const TrancheCitation *c = tranche_dataset_event_citation (self->dataset, ev, i);
      gboolean seen = FALSE;

      /* The first citation of each source makes its card. */
      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (tranche_dataset_event_citation (self->dataset, ev, j)->source_id,
                          c->source_id) == 0;
      if (!seen)
        add_source_card (self, ev, i);
    }
  if (ev->n_citations == 0)
    {
      GtkWidget *none = gtk_label_new (_("No sources are cited for this event"));

      gtk_label_set_xalign (GTK_LABEL (none), 0.0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->sources_box, none);
    }

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->scroller));
}

static void
dark_changed_cb (TrancheSourcePanel *self)
{
  gboolean dark = style_is_dark ();

  for (guint i = 0; i < self->highlight_tags->len; i++)
    style_highlight (g_ptr_array_index (self->highlight_tags, i), dark);
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TrancheSourcePanel *self = TRANCHE_SOURCE_PANEL (widget);
  guint index = g_variant_get_uint32 (parameter);
  const TrancheSource *source;
  GtkRoot *root;

  if (self->dataset == NULL || index >= tranche_dataset_get_n_sources (self->dataset))
    return;
  source = tranche_dataset_get_source (self->dataset, index);
  /* Checked again here: only a web URL ever reaches the desktop. */
  if (!tranche_url_is_web (source->url))
    return;
  root = gtk_widget_get_root (widget);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, source->url, GDK_CURRENT_TIME);
}

static void
show_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrancheSourcePanel *self = TRANCHE_SOURCE_PANEL (widget);
  guint index = g_variant_get_uint32 (parameter);
  Citation *citation;

  if (index >= self->citations->len)
    return;
  citation = &g_array_index (self->citations, Citation, index);
  if (citation->view == NULL || citation->start == NULL)
    return;
  /* Focus brings the article into the panel's view, the mark the passage
   * into the article's. */
  gtk_widget_grab_focus (GTK_WIDGET (citation->view));
  scroll_to_passage (citation);
}

/* A new dataset shows no event until it is given the session's. */
static void
session_dataset_changed_cb (TrancheSourcePanel *self)
{
  g_assert (self->session != NULL);

  tranche_source_panel_set_dataset (self, tranche_session_get_dataset (self->session));
  tranche_source_panel_set_event (self, tranche_session_get_selected (self->session));
}

static void
tranche_source_panel_dispose (GObject *object)
{
  TrancheSourcePanel *self = TRANCHE_SOURCE_PANEL (object);

  tranche_source_panel_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session_bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_SOURCE_PANEL);
  G_OBJECT_CLASS (tranche_source_panel_parent_class)->dispose (object);
}

static void
tranche_source_panel_finalize (GObject *object)
{
  TrancheSourcePanel *self = TRANCHE_SOURCE_PANEL (object);

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->citations, g_array_unref);
  g_clear_pointer (&self->highlight_tags, g_ptr_array_unref);
  g_clear_object (&self->fact_keys);
  G_OBJECT_CLASS (tranche_source_panel_parent_class)->finalize (object);
}

static void
tranche_source_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrancheSourcePanel *self = TRANCHE_SOURCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_EVENT:
      g_value_set_int (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_source_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrancheSourcePanel *self = TRANCHE_SOURCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      tranche_source_panel_set_session (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      tranche_source_panel_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_EVENT:
      tranche_source_panel_set_event (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_source_panel_class_init (TrancheSourcePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_source_panel_dispose;
  object_class->finalize = tranche_source_panel_finalize;
  object_class->get_property = tranche_source_panel_get_property;
  object_class->set_property = tranche_source_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRANCHE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_int ("event", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "source-panel.open-in-browser", "u",
                                   open_in_browser_action);
  gtk_widget_class_install_action (widget_class, "source-panel.show-passage", "u",
                                   show_passage_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-source-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, parties_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, when_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, facts_list);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, tags_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, TrancheSourcePanel, sources_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tranche-source-panel");
  /* A named group for screen readers, not an anonymous filler. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tranche_source_panel_init (TrancheSourcePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->event = -1;
  self->session_signals = g_signal_group_new (TRANCHE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset",
                                  G_CALLBACK (session_dataset_changed_cb), self);
  /* the panel shows the selection; it never changes it */
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "selected", self, "event",
                        G_BINDING_SYNC_CREATE);
  self->citations = g_array_new (FALSE, TRUE, sizeof (Citation));
  self->highlight_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->fact_keys = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  show_event (self);
}

GtkWidget *
tranche_source_panel_new (void)
{
  return g_object_new (TRANCHE_TYPE_SOURCE_PANEL, NULL);
}

TrancheSession *
tranche_source_panel_get_session (TrancheSourcePanel *self)
{
  g_return_val_if_fail (TRANCHE_IS_SOURCE_PANEL (self), NULL);
  return self->session;
}

void
tranche_source_panel_set_session (TrancheSourcePanel *self,
                                  TrancheSession     *session)
{
  g_return_if_fail (TRANCHE_IS_SOURCE_PANEL (self));
  g_return_if_fail (session == NULL || TRANCHE_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  g_binding_group_set_source (self->session_bindings, session);
  if (session != NULL)
    session_dataset_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

TrancheDataset *
tranche_source_panel_get_dataset (TrancheSourcePanel *self)
{
  g_return_val_if_fail (TRANCHE_IS_SOURCE_PANEL (self), NULL);
  return self->dataset;
}

void
tranche_source_panel_set_dataset (TrancheSourcePanel *self,
                                  TrancheDataset     *dataset)
{
  gboolean had_event;

  g_return_if_fail (TRANCHE_IS_SOURCE_PANEL (self));

  if (self->dataset == dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  had_event = self->event != -1;
  self->event = -1;
  show_event (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  if (had_event)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

int
tranche_source_panel_get_event (TrancheSourcePanel *self)
{
  g_return_val_if_fail (TRANCHE_IS_SOURCE_PANEL (self), -1);
  return self->event;
}

void
tranche_source_panel_set_event (TrancheSourcePanel *self,
                                int                 index)
{
  g_return_if_fail (TRANCHE_IS_SOURCE_PANEL (self));
  g_return_if_fail (index >= -1);
  g_return_if_fail (index == -1
                    || (self->dataset != NULL
                        && (guint) index < tranche_dataset_get_n_events (self->dataset)));

  if (self->event == index)
    return;
  self->event = index;
  show_event (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

gboolean
tranche_source_panel_get_highlight (TrancheSourcePanel *self,
                                    guint               citation,
                                    char              **highlighted_text)
{
  Citation *entry;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end, toggle;

  g_return_val_if_fail (TRANCHE_IS_SOURCE_PANEL (self), FALSE);

  if (highlighted_text != NULL)
    *highlighted_text = NULL;
  if (citation >= self->citations->len)
    return FALSE;
  entry = &g_array_index (self->citations, Citation, citation);
  if (entry->view == NULL || entry->start == NULL)
    return FALSE;

  /* Read back what the buffer really shows: the tag must cover the whole
   * passage, not just have been meant to. */
  buffer = gtk_text_view_get_buffer (entry->view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  gtk_text_buffer_get_iter_at_mark (buffer, &start, entry->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, entry->end);
  if (tag == NULL || gtk_text_iter_equal (&start, &end) || !gtk_text_iter_has_tag (&start, tag))
    return FALSE;
  toggle = start;
  if (!gtk_text_iter_forward_to_tag_toggle (&toggle, tag)
      || gtk_text_iter_compare (&toggle, &end) < 0)
    return FALSE;
  if (highlighted_text != NULL)
    *highlighted_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return TRUE;
}

char *
tranche_source_panel_dup_selection (TrancheSourcePanel  *self,
                                    char               **source_id)
{
  g_return_val_if_fail (TRANCHE_IS_SOURCE_PANEL (self), NULL);

  for (guint i = 0; i < self->citations->len; i++)
    {
      Citation *entry = &g_array_index (self->citations, Citation, i);
      GtkTextBuffer *buffer;
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      if (entry->view == NULL)
        continue;
      buffer = gtk_text_view_get_buffer (entry->view);
      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        continue;
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (*text == '\0')
        continue;
      if (source_id != NULL)
        *source_id = g_strdup (g_object_get_data (G_OBJECT (entry->view), "tranche-source-id"));
      return g_steal_pointer (&text);
    }
  return NULL;
}
