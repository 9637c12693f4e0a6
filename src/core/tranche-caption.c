/* tranche-caption.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "tranche-caption.h"
#include "tranche-event-fields.h"
#include "tranche-draw.h"
#include "tranche-extract-money.h"
#include "tranche-format.h"

/* A quote longer than this many lines is cut short with an ellipsis. */
#define QUOTE_MAX_LINES 4
/* A summary longer than this many lines is cut short: past it, it's an
 * article, not a slide. */
#define SUMMARY_MAX_LINES 6
/* Type for the back of the room: at 1600×1000 about 52 px for the
 * headline and 26 px for quotes (TimelineJS uses 46 and 24). */
#define HEADLINE(theme) ((theme)->title_size * 1.5)
#define QUOTE(theme)    ((theme)->text_size * 1.3)

static void
caption_quote_free (gpointer data)
{
  TrancheCaptionQuote *quote = data;

  g_free (quote->text);
  g_free (quote->source);
  g_free (quote);
}

static char *
describe_parties (TrancheDataset     *dataset,
                  const TrancheEvent *event)
{
  g_autoptr(GString) who = g_string_new (NULL);

  for (guint i = 0; i < event->n_investors; i++)
    {
      guint32 e = tranche_dataset_event_investor (dataset, event, i);

      if (i > 0)
        g_string_append (who, ", ");
      g_string_append (who, tranche_dataset_get_entity (dataset, e)->name);
    }
  if (event->n_investors == 0 && event->kind == TRANCHE_EVENT_INVESTMENT)
    g_string_append (who, _("Investors not reported"));
  if (event->target != TRANCHE_NO_ENTITY)
    {
      const char *target = tranche_dataset_get_entity (dataset, event->target)->name;

      if (who->len > 0)
        g_string_append (who, " → ");
      g_string_append (who, target);
    }
  {
    g_autofree char *leads = tranche_event_dup_leads (dataset, event);

    /* "Spark Capital, Google → Anthropic · led by Spark Capital" */
    if (leads != NULL && who->len > 0)
      g_string_append_printf (who, " · %s", leads);
  }
  return who->len > 0 ? g_string_free (g_steal_pointer (&who), FALSE) : NULL;
}

static char *
describe_facts (const TrancheEvent *event,
                gboolean            amount_is_valuation)
{
  g_autoptr(GString) facts = g_string_new (NULL);

  if (event->round != NULL && *event->round != '\0')
    g_string_append (facts, event->round);
  if (!amount_is_valuation && tranche_money_is_present (&event->valuation))
    {
      g_autofree char *value = tranche_format_money (&event->valuation);

      if (facts->len > 0)
        g_string_append (facts, " · ");
      /* Translators: in a presentation caption, "valuation ~$29B" */
      g_string_append_printf (facts, _("valuation %s"), value);
    }
  if (tranche_money_is_present (&event->cumulative))
    {
      g_autofree char *value = tranche_format_money (&event->cumulative);

      if (facts->len > 0)
        g_string_append (facts, " · ");
      /* Translators: in a presentation caption, a total-to-date a source
       * gives: "reported total $13B" */
      g_string_append_printf (facts, _("reported total %s"), value);
    }
  return facts->len > 0 ? g_string_free (g_steal_pointer (&facts), FALSE) : NULL;
}

static gboolean
same_figure (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  if (isinf (a) || isinf (b))
    return a == b;
  return fabs (a - b) <= MAX (fabs (a), fabs (b)) * 0.005;
}

/* Whether the title writes the event's amount ("Series D, up to €250M",
 * "reportedly $10B"), read as the extractor reads articles, in English or
 * French: the same bounds, in the same currency or in none. */
static gboolean
title_states_amount (const char         *title,
                     const TrancheMoney *amount)
{
  static const TrancheLanguage languages[] = { TRANCHE_LANGUAGE_EN, TRANCHE_LANGUAGE_FR };
  gsize len = strlen (title);
  double min, max;

  if (!tranche_money_is_known (amount))
    return FALSE;
  tranche_money_get_bounds (amount, &min, &max);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GArray) matches = g_array_new (FALSE, TRUE, sizeof (TrancheMoneyMatch));

      tranche_extract_money (title, len, 0, len, languages[l], matches);
      for (guint i = 0; i < matches->len; i++)
        {
          const TrancheMoneyMatch *m = &g_array_index (matches, TrancheMoneyMatch, i);
          double m_min, m_max;

          if (m->money.currency != 0 && m->money.currency != amount->currency)
            continue;
          /* A bound read from words leaves its flags to the caller. */
          if (m->bound == TRANCHE_BOUND_AT_MOST)
            m_min = 0, m_max = m->money.max;
          else if (m->bound == TRANCHE_BOUND_AT_LEAST)
            m_min = m->money.min, m_max = INFINITY;
          else if (m->bound == TRANCHE_BOUND_RANGE)
            m_min = m->money.min, m_max = m->money.max;
          else if (!tranche_money_get_bounds (&m->money, &m_min, &m_max))
            continue;
          if (same_figure (m_min, min) && same_figure (m_max, max))
            return TRUE;
        }
    }
  return FALSE;
}

char *
tranche_caption_describe_source (const TrancheSource *source)
{
  g_autofree char *published = NULL;
  gboolean has_publisher;
  GString *text;

  g_return_val_if_fail (source != NULL, NULL);

  text = g_string_new (source->title != NULL && *source->title != '\0' ? source->title
                                                                       : source->id);
  has_publisher = source->publisher != NULL && *source->publisher != '\0';
  if (tranche_date_is_set (&source->published))
    published = tranche_format_date (&source->published);
  if (has_publisher && published != NULL)
    /* Translators: a source named in a caption or a footer: "Title (Publisher, Nov 2023)" */
    g_string_append_printf (text, C_("source", " (%s, %s)"), source->publisher, published);
  else if (has_publisher || published != NULL)
    g_string_append_printf (text, C_("source", " (%s)"),
                            has_publisher ? source->publisher : published);
  return g_string_free (text, FALSE);
}

TrancheCaption *
tranche_caption_new (TrancheDataset *dataset,
                     guint           event_index)
{
  const TrancheEvent *event;
  TrancheCaption *self;
  gboolean amount_is_valuation = FALSE;
  const TrancheMoney *money = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (event_index < tranche_dataset_get_n_events (dataset), NULL);

  event = tranche_dataset_get_event (dataset, event_index);
  self = g_new0 (TrancheCaption, 1);
  self->event = event_index;
  self->date = tranche_format_date_span (&event->date, &event->end);
  if (tranche_money_is_present (&event->amount))
    money = &event->amount;
  else if (tranche_money_is_present (&event->valuation)
           && event->kind == TRANCHE_EVENT_VALUATION)
    {
      money = &event->valuation;
      amount_is_valuation = TRUE;
    }
  if (money != NULL)
    self->amount = tranche_format_money (money);
  self->title = g_strdup (event->title != NULL && *event->title != '\0' ? event->title
                                                                        : event->id);
  self->amount_in_title = money != NULL && title_states_amount (self->title, money);
  self->parties = describe_parties (dataset, event);
  self->facts = describe_facts (event, amount_is_valuation);
  if (event->summary != NULL && *event->summary != '\0')
    self->summary = g_strdup (event->summary);
  self->quotes = g_ptr_array_new_with_free_func (caption_quote_free);
  for (guint i = 0; i < event->n_citations; i++)
    {
      const TrancheCitation *citation = tranche_dataset_event_citation (dataset, event, i);
      TrancheCaptionQuote *quote;

      if (citation->quote == NULL || *citation->quote == '\0')
        continue;
      quote = g_new0 (TrancheCaptionQuote, 1);
      quote->text = g_strdup (citation->quote);
      quote->source = citation->source != TRANCHE_NO_ENTITY
        ? tranche_caption_describe_source (tranche_dataset_get_source (dataset, citation->source))
        : g_strdup (citation->source_id);
      g_ptr_array_add (self->quotes, quote);
    }
  return self;
}

void
tranche_caption_free (TrancheCaption *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->amount);
  g_free (self->title);
  g_free (self->parties);
  g_free (self->facts);
  g_free (self->summary);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_free (self);
}

static PangoLayout *
make_text (PangoContext       *context,
           const TrancheTheme *theme,
           const char         *text,
           double              size,
           gboolean            bold,
           gboolean            italic,
           double              width,
           int                 max_lines)
{
  g_autoptr(PangoFontDescription) font = tranche_draw_create_font (theme, size, bold);
  PangoLayout *layout;

  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  layout = tranche_draw_create_layout (context, font, text);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  double h;

  tranche_draw_get_text_size (layout, NULL, &h);
  return h;
}

guint
tranche_caption_paint (const TrancheCaption *self,
                       cairo_t              *cr,
                       const TrancheTheme   *theme,
                       double                x,
                       double                y,
                       double                width,
                       double                height)
{
  g_autoptr(GObject) context_ref = NULL;
  PangoContext *context;
  g_autoptr(PangoLayout) meta = NULL;
  g_autoptr(PangoLayout) amount = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(GString) meta_text = NULL;
  g_autoptr(PangoLayout) source = NULL;
  gboolean pending = FALSE;
  double s, bottom = y + height, title_x = x, amount_w = 0, line_h;
  guint n_quotes = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL && theme != NULL, 0);

  s = theme->scale;
  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  /* When, and between whom. */
  meta_text = g_string_new (self->date);
  if (self->parties != NULL)
    g_string_append_printf (meta_text, " · %s", self->parties);
  meta = make_text (context, theme, meta_text->str, theme->text_size * 1.1, FALSE, FALSE, width,
                    1);
  tranche_draw_set_color (cr, theme->muted);
  tranche_draw_layout (cr, meta, x, y);
  y += text_height (meta) + 4 * s;

  /* How much, and what: the figure in the selection's colour, as the
   * highlighted marker above it. */
  /* An amount is never cut short: when it leaves the title too little
   * room beside it, the title goes under it. */
  if (self->amount != NULL && *self->amount != '\0' && !self->amount_in_title)
    {
      amount = make_text (context, theme, self->amount, HEADLINE (theme), TRUE, FALSE, -1, 1);
      pango_layout_set_width (amount, -1);
      tranche_draw_get_text_size (amount, &amount_w, NULL);
      tranche_draw_set_color (cr, theme->selection);
      tranche_draw_layout (cr, amount, x, y);
      title_x = x + amount_w + 14 * s;
      if (title_x > x + width * 0.45)
        {
          y += text_height (amount);
          title_x = x;
        }
    }
  title = make_text (context, theme, self->title, HEADLINE (theme), TRUE, FALSE,
                     x + width - title_x, 2);
  tranche_draw_set_color (cr, theme->foreground);
  tranche_draw_layout (cr, title, title_x, y);
  line_h = MAX (text_height (title), amount != NULL && title_x > x ? text_height (amount) : 0);
  y += line_h + 4 * s;

  if (self->facts != NULL)
    {
      g_autoptr(PangoLayout) facts = make_text (context, theme, self->facts,
                                                theme->text_size * 1.1, FALSE, FALSE, width, 1);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, facts, x, y);
      y += text_height (facts);
    }
  y += 12 * s;
  /* What the file says about the event, before the evidence for it and
   * before it in importance: whole when it fits, passages giving way first;
   * cut short only when it alone does not fit. */
  if (self->summary != NULL)
    {
      g_autoptr(PangoLayout) summary = NULL;

      for (int lines = SUMMARY_MAX_LINES; lines >= 1; lines--)
        {
          g_clear_object (&summary);
          summary = make_text (context, theme, self->summary, theme->text_size * 1.15, FALSE,
                               FALSE, width, lines);
          if (y + text_height (summary) <= bottom)
            break;
        }
      if (y + text_height (summary) <= bottom)
        {
          tranche_draw_set_color (cr, theme->foreground);
          tranche_draw_layout (cr, summary, x, y);
          y += text_height (summary) + 14 * s;
        }
    }

  /* The evidence: as many passages as fit, whole or cut after a few lines.
   * Passages in a row from one source share one attribution, under the
   * last of them. */
  for (guint i = 0; i < self->quotes->len; i++)
    {
      const TrancheCaptionQuote *quote = g_ptr_array_index (self->quotes, i);
      const TrancheCaptionQuote *next = i + 1 < self->quotes->len
        ? g_ptr_array_index (self->quotes, i + 1) : NULL;
      gboolean attribute = next == NULL || g_strcmp0 (next->source, quote->source) != 0;
      double bar = 3 * s, indent = 16 * s, quote_h = 0, source_h, block_h;
      g_autofree char *quoted = NULL;
      g_autofree char *attribution = NULL;
      g_autoptr(PangoLayout) text = NULL;

      /* Translators: a quoted passage on a presentation slide; French uses « %s » */
      quoted = g_strdup_printf (_("“%s”"), quote->text);
      /* Translators: under a quoted passage: "— Title (Publisher, Nov 2023)" */
      attribution = g_strdup_printf (_("— %s"), quote->source);
      g_clear_object (&source);
      source = make_text (context, theme, attribution, theme->text_size, FALSE, FALSE,
                          width - indent, 1);
      source_h = text_height (source);
      /* Room is always kept for an attribution: if the next passage does not
       * fit, this one's source is written under it after all. */
      for (int lines = QUOTE_MAX_LINES; lines >= 2; lines--)
        {
          g_clear_object (&text);
          text = make_text (context, theme, quoted, QUOTE (theme), FALSE, TRUE,
                            width - indent, lines);
          quote_h = text_height (text);
          if (y + quote_h + 2 * s + source_h <= bottom)
            break;
        }
      if (y + quote_h + 2 * s + source_h > bottom)
        break;

      block_h = quote_h + (attribute ? 2 * s + source_h : 0);
      tranche_draw_set_color (cr, tranche_color_with_alpha (theme->selection, 0.65));
      cairo_rectangle (cr, x, y, bar, block_h);
      cairo_fill (cr);
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, text, x + indent, y);
      if (attribute)
        {
          tranche_draw_set_color (cr, theme->muted);
          tranche_draw_layout (cr, source, x + indent, y + quote_h + 2 * s);
          g_clear_object (&source);
        }
      y += block_h + (attribute ? 12 * s : 6 * s);
      pending = !attribute;
      n_quotes++;
    }
  if (pending)
    {
      /* The last passage shown waited for an attribution that never came;
       * the one that did not fit is from the same source. */
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, source, x + 16 * s, y - 6 * s + 2 * s);
      y += text_height (source) + 12 * s;
    }

  if (n_quotes < self->quotes->len)
    {
      guint rest = self->quotes->len - n_quotes;
      g_autofree char *more =
        /* Translators: under a caption's quotes when not all fit on the slide */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+ %u more passage in the sources",
                                      "+ %u more passages in the sources", rest), rest);
      g_autoptr(PangoLayout) layout = make_text (context, theme, more, theme->small_size, FALSE,
                                                 FALSE, width, 1);

      if (y + text_height (layout) <= bottom)
        {
          tranche_draw_set_color (cr, theme->muted);
          tranche_draw_layout (cr, layout, x, y);
        }
    }
  cairo_restore (cr);
  return n_quotes;
}
