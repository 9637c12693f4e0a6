/* tranche-draft-writer.c: the drafts of an article as a format-1 dataset
 *
 * Shared by `tranche --draft` and the window's article review, so that a
 * draft reads the same wherever it is made. The JSON is built with
 * json-glib, so everything from the article is escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-draft-writer.h"

typedef struct
{
  const char        *text;
  gsize              len;
  TrancheDataset    *into;       /* may be NULL */
  TrancheActors     *actors;
  TrancheExtraction *extraction;
  const char        *source_id;
  TrancheCurrency    currency;   /* of amounts that name none */
  TrancheDate        published;
} Writer;

/* A copy of text[span] with every run of white space made one space, for
 * titles (quotes stay verbatim). */
static char *
collapse_spaces (const char  *text,
                 TrancheSpan  span)
{
  GString *out = g_string_sized_new (span.end - span.start);
  gboolean space = FALSE;

  for (gsize i = span.start; i < span.end;)
    {
      gsize n = tranche_scan_space_len (text, span.end, i);

      if (n > 0)
        {
          space = TRUE;
          i += n;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, text[i]);
      i++;
    }
  return g_string_free (out, FALSE);
}

static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_money (Writer             *w,
           JsonBuilder        *builder,
           const TrancheDraft *draft,
           gboolean            valuation)
{
  const TrancheMoney *money = &draft->money;
  TrancheCurrency currency = money->currency != 0 ? money->currency : w->currency;
  TrancheCurrency default_currency = w->into != NULL ? tranche_dataset_get_currency (w->into)
                                                     : tranche_currency_from_code ("USD");
  gboolean plain = !valuation && draft->bound == TRANCHE_BOUND_NONE
                   && (money->flags & (TRANCHE_MONEY_APPROX | TRANCHE_MONEY_UNDISCLOSED)) == 0
                   && (currency == 0 || currency == default_currency);
  char code[4];

  if (plain)
    {
      add_number (builder, money->value);
      return;
    }
  json_builder_begin_object (builder);
  if (money->flags & TRANCHE_MONEY_UNDISCLOSED)
    {
      json_builder_set_member_name (builder, "disclosed");
      json_builder_add_boolean_value (builder, FALSE);
    }
  else if (draft->bound == TRANCHE_BOUND_NONE)
    {
      json_builder_set_member_name (builder, "value");
      add_number (builder, money->value);
    }
  else
    {
      /* "up to X" is the range 0..X, which every reader of the format
       * understands; "at least X" is a min alone */
      json_builder_set_member_name (builder, "min");
      add_number (builder, money->min);
      if (draft->bound != TRANCHE_BOUND_AT_LEAST)
        {
          json_builder_set_member_name (builder, "max");
          add_number (builder, money->max);
        }
    }
  if (currency != 0 && !(money->flags & TRANCHE_MONEY_UNDISCLOSED))
    {
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, tranche_currency_to_code (currency, code));
    }
  if (money->flags & TRANCHE_MONEY_APPROX)
    {
      json_builder_set_member_name (builder, "approx");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (valuation)
    {
      json_builder_set_member_name (builder, "basis");
      json_builder_add_string_value (builder, "reported");
    }
  json_builder_end_object (builder);
}

static const char *
event_kind (TrancheDraftKind kind)
{
  switch (kind)
    {
    case TRANCHE_DRAFT_COMMITMENT:
      return "commitment";
    case TRANCHE_DRAFT_VALUATION:
      return "valuation";
    case TRANCHE_DRAFT_TOTAL:
      /* a reported total is news about the target: its `cumulative` */
      return "news";
    case TRANCHE_DRAFT_ACQUISITION:
      return "acquisition";
    case TRANCHE_DRAFT_SECONDARY:
      return "secondary";
    case TRANCHE_DRAFT_INVESTMENT:
    default:
      return "investment";
    }
}

static char *
unique_event_id (Writer     *w,
                 GHashTable *used)
{
  for (guint n = g_hash_table_size (used) + 1;; n++)
    {
      char *id = g_strdup_printf ("draft-%u", n);

      if (!g_hash_table_contains (used, id)
          && (w->into == NULL || tranche_dataset_find_event (w->into, id) == G_MAXUINT))
        {
          g_hash_table_add (used, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

/* Plain ids, and {"id", "lead": true} for a lead (FORMAT.md's Participant). */
static void
add_investors (Writer             *w,
               JsonBuilder        *builder,
               const TrancheDraft *draft,
               gboolean           *used_actors)
{
  json_builder_set_member_name (builder, "investors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < draft->n_investors; i++)
    {
      const TrancheActor *actor = tranche_actors_get (w->actors, draft->investors[i]);

      used_actors[draft->investors[i]] = TRUE;
      if (!draft->lead[i])
        {
          json_builder_add_string_value (builder, actor->id);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, actor->id);
      json_builder_set_member_name (builder, "lead");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The sentence, verbatim: a passage of the source's text. */
static void
add_citation (Writer             *w,
              JsonBuilder        *builder,
              const TrancheDraft *draft)
{
  g_autofree char *quote = g_strndup (w->text + draft->quote.start,
                                      draft->quote.end - draft->quote.start);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, w->source_id);
  json_builder_set_member_name (builder, "quote");
  json_builder_add_string_value (builder, quote);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_event (Writer             *w,
           JsonBuilder        *builder,
           const TrancheDraft *draft,
           GHashTable         *used_ids,
           gboolean           *used_actors)
{
  g_autofree char *id = unique_event_id (w, used_ids);
  g_autofree char *date = tranche_date_to_iso (&draft->date);
  g_autofree char *figure = collapse_spaces (w->text, draft->figure);
  g_autofree char *title = NULL;
  const TrancheActor *target = draft->target != G_MAXUINT
                               ? tranche_actors_get (w->actors, draft->target) : NULL;

  title = target != NULL ? g_strdup_printf ("%s: %s", target->name, figure) : g_strdup (figure);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, event_kind (draft->kind));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "draft");
  json_builder_add_boolean_value (builder, TRUE);
  /* in percent: json-glib would write 0.8 as 0.80000000000000004 */
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_int_value (builder, (gint64) round (draft->confidence * 100));
  if (draft->n_investors > 0)
    add_investors (w, builder, draft, used_actors);
  if (target != NULL)
    {
      used_actors[draft->target] = TRUE;
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, target->id);
    }
  switch (draft->kind)
    {
    case TRANCHE_DRAFT_VALUATION:
      json_builder_set_member_name (builder, "valuation");
      add_money (w, builder, draft, TRUE);
      break;
    case TRANCHE_DRAFT_TOTAL:
      json_builder_set_member_name (builder, "cumulative");
      add_money (w, builder, draft, FALSE);
      break;
    default:
      json_builder_set_member_name (builder, "amount");
      add_money (w, builder, draft, FALSE);
      break;
    }
  add_citation (w, builder, draft);
  json_builder_end_object (builder);
}

/* Investors named only as investors are "investor"s, the rest companies. */
static void
add_entities (Writer         *w,
              JsonBuilder    *builder,
              const gboolean *used)
{
  guint n = tranche_actors_get_n (w->actors);
  g_autofree gboolean *is_target = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < tranche_extraction_get_n_drafts (w->extraction); i++)
    {
      const TrancheDraft *draft = tranche_extraction_get_draft (w->extraction, i);

      if (draft->target != G_MAXUINT)
        is_target[draft->target] = TRUE;
    }
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const TrancheActor *actor = tranche_actors_get (w->actors, i);
      TrancheEntityKind kind = actor->known ? actor->kind
                               : is_target[i] ? TRANCHE_ENTITY_COMPANY : TRANCHE_ENTITY_INVESTOR;

      if (!used[i])
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, actor->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, actor->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, tranche_entity_kind_to_string (kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_source (Writer      *w,
            JsonBuilder *builder,
            const char  *title)
{
  const char *language = tranche_language_to_tag (tranche_extraction_get_language (w->extraction));

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, w->source_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  if (tranche_date_is_set (&w->published))
    {
      g_autofree char *published = tranche_date_to_iso (&w->published);

      json_builder_set_member_name (builder, "published");
      json_builder_add_string_value (builder, published);
    }
  if (language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, language);
    }
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, w->text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/* The currency most drafts name, for the figures that name none
 * ("10 milliards" after "1 milliard de dollars"). */
static TrancheCurrency
main_currency (TrancheExtraction *extraction)
{
  TrancheCurrency best = 0;
  guint best_count = 0;

  for (guint i = 0; i < tranche_extraction_get_n_drafts (extraction); i++)
    {
      TrancheCurrency c = tranche_extraction_get_draft (extraction, i)->money.currency;
      guint count = 0;

      for (guint j = 0; c != 0 && j < tranche_extraction_get_n_drafts (extraction); j++)
        count += tranche_extraction_get_draft (extraction, j)->money.currency == c;
      if (count > best_count)
        best = c, best_count = count;
    }
  return best;
}

static JsonNode *
write_dataset (Writer     *w,
               const char *title)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gboolean *used_actors = g_new0 (gboolean, tranche_actors_get_n (w->actors) + 1);
  g_autoptr(JsonBuilder) events = json_builder_new ();
  g_autoptr(JsonNode) events_node = NULL;

  /* events first, so the entities they use are known */
  json_builder_begin_array (events);
  for (guint i = 0; i < tranche_extraction_get_n_drafts (w->extraction); i++)
    add_event (w, events, tranche_extraction_get_draft (w->extraction, i), used_ids,
               used_actors);
  json_builder_end_array (events);
  events_node = json_builder_get_root (events);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tranche");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  if (w->into != NULL)
    {
      char code[4];

      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, tranche_currency_to_code (
                                       tranche_dataset_get_currency (w->into), code));
    }
  json_builder_set_member_name (builder, "entities");
  add_entities (w, builder, used_actors);
  json_builder_set_member_name (builder, "sources");
  add_source (w, builder, title);
  json_builder_set_member_name (builder, "events");
  json_builder_add_value (builder, g_steal_pointer (&events_node));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
unique_source_id (TrancheDataset *into)
{
  static const char * const ids[] = { "article", "article-2", "article-3", "article-4" };

  for (guint i = 0; into != NULL && i < G_N_ELEMENTS (ids); i++)
    if (tranche_dataset_find_source (into, ids[i]) == G_MAXUINT)
      return ids[i];
  return into == NULL ? ids[0] : "article-draft";
}


JsonNode *
tranche_draft_write_dataset (const char        *text,
                             gsize              len,
                             const char        *title,
                             const TrancheDate *published,
                             TrancheDataset    *into,
                             TrancheActors     *actors,
                             TrancheExtraction *extraction)
{
  Writer w = { 0 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (actors != NULL && extraction != NULL, NULL);

  w.text = text;
  w.len = len;
  w.into = into;
  w.actors = actors;
  w.extraction = extraction;
  w.source_id = unique_source_id (into);
  w.currency = main_currency (extraction);
  if (published != NULL)
    w.published = *published;
  return write_dataset (&w, title);
}
