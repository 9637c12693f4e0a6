/* tranche-format-v1.c: the schema of format version 1 (FORMAT.md)
 *
 * One function per member: each reads its member at the loader's current
 * path, reports what is wrong there, and fills its part of the entity,
 * source or event. An item with an error is left out (and counted, for
 * events); warnings never block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-loader-private.h"

/* Entities */

enum
{
  ENTITY_ID, ENTITY_NAME, ENTITY_KIND, ENTITY_COLOR, N_ENTITY_MEMBERS
};

static const char * const entity_members[] = { "id", "name", "kind", "color" };

static const char * const entity_kinds[] = {
  "company", "investor", "fund", "person", "government",
};

/* The id of an entity, or NULL; a repeated one is reported but returned, to
 * be remembered as bad. */
static const char *
entity_id (Loader   *self,
           JsonNode *node)
{
  const char *id;

  if (node == NULL)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: every entity needs an id like "
                                              "\"openai\""));
      return NULL;
    }
  id = tranche_v1_expect_entity_id (self, node);
  if (id != NULL && (tranche_dataset_builder_entity_is_declared (self->builder, id)
                     || tranche_v1_set_contains (self->bad_entity_ids, id)))
    report (self, TRANCHE_SEVERITY_ERROR, _("another entity has the id \"%s\" already; ids "
                                            "must be unique"), id);
  return id;
}

static const char *
entity_name (Loader   *self,
             JsonNode *node)
{
  if (node != NULL)
    return tranche_v1_expect_text (self, node, MAX_LABEL);
  report (self, TRANCHE_SEVERITY_ERROR, _("missing: every entity needs a display name"));
  return NULL;
}

static void
entity_kind (Loader        *self,
             JsonNode      *node,
             TrancheEntity *entity)
{
  const char *kind = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;
  int k;

  if (kind == NULL)
    return;
  if ((k = tranche_v1_lookup_name (kind, entity_kinds, G_N_ELEMENTS (entity_kinds))) >= 0)
    {
      entity->kind = k;
      return;
    }
  quoted = tranche_problems_shorten (kind);
  report (self, TRANCHE_SEVERITY_ERROR,
          _("expected \"company\", \"investor\", \"fund\", \"person\" or "
            "\"government\", got \"%s\""), quoted);
}

static void
entity_color (Loader        *self,
              JsonNode      *node,
              TrancheEntity *entity)
{
  const char *color = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (color == NULL)
    return;
  if (tranche_v1_parse_color (color, &entity->color))
    {
      entity->has_color = TRUE;
      return;
    }
  quoted = tranche_problems_shorten (color);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected a colour like \"#1f77b4\", got \"%s\""),
          quoted);
}

void
tranche_format_v1_load_entity (Loader   *self,
                               JsonNode *node)
{
  JsonNode *m[N_ENTITY_MEMBERS] = { NULL, };
  TrancheEntity entity = { 0 };
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an entity object like {\"id\": "
                                              "\"openai\", \"name\": \"OpenAI\"}, got %s"),
              tranche_v1_describe_node (node));
      return;
    }
  tranche_v1_collect_members (self, node, entity_members, N_ENTITY_MEMBERS, m,
                              _("not a member of an entity in format version 1; ignored"));

  push_key (self, "id");
  id = entity_id (self, m[ENTITY_ID]);
  pop (self);
  push_key (self, "name");
  entity.name = entity_name (self, m[ENTITY_NAME]);
  pop (self);
  entity.kind = TRANCHE_ENTITY_COMPANY;
  if (m[ENTITY_KIND] != NULL)
    {
      push_key (self, "kind");
      entity_kind (self, m[ENTITY_KIND], &entity);
      pop (self);
    }
  if (m[ENTITY_COLOR] != NULL)
    {
      push_key (self, "color");
      entity_color (self, m[ENTITY_COLOR], &entity);
      pop (self);
    }

  if (self->n_errors_here > 0)
    {
      if (id != NULL)
        g_hash_table_add (self->bad_entity_ids, g_strdup (id));
      return;
    }
  entity.id = id;
  tranche_dataset_builder_add_entity (self->builder, &entity);
}

/* Sources */

enum
{
  SOURCE_ID, SOURCE_TITLE, SOURCE_PUBLISHER, SOURCE_AUTHOR, SOURCE_URL, SOURCE_PUBLISHED,
  SOURCE_LANGUAGE, SOURCE_SUMMARY, SOURCE_TEXT, SOURCE_TEXT_FILE, N_SOURCE_MEMBERS
};

static const char * const source_members[] = {
  "id", "title", "publisher", "author", "url", "published", "language", "summary", "text",
  "text_file",
};

/* The id of a source, or NULL; a repeated one is reported but returned, to
 * be remembered as bad. */
static const char *
source_id (Loader   *self,
           JsonNode *node)
{
  const char *id;

  if (node == NULL)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: every source needs an id that "
                                              "citations name"));
      return NULL;
    }
  if ((id = tranche_v1_expect_string (self, node)) == NULL)
    return NULL;
  if (id[0] == '\0')
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an id, got an empty string"));
      return NULL;
    }
  if (tranche_dataset_builder_has_source (self->builder, id)
      || tranche_v1_set_contains (self->bad_source_ids, id))
    report (self, TRANCHE_SEVERITY_ERROR, _("another source has the id \"%s\" already; ids "
                                            "must be unique"), id);
  return id;
}

static const char *
source_title (Loader   *self,
              JsonNode *node)
{
  if (node != NULL)
    return tranche_v1_expect_text (self, node, MAX_LABEL);
  report (self, TRANCHE_SEVERITY_ERROR, _("missing: every source needs a title"));
  return NULL;
}

/* Only a hint for display: not worth losing the source over. */
static const char *
source_language (Loader   *self,
                 JsonNode *node)
{
  const char *language = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (language == NULL || tranche_v1_language_tag_is_valid (language))
    return language;
  quoted = tranche_problems_shorten (language);
  report (self, TRANCHE_SEVERITY_WARNING, _("expected a language tag like \"fr\", \"en\" or "
                                            "\"pt-BR\", got \"%s\"; ignored"), quoted);
  return NULL;
}

/* The text of the file `node` names, or NULL. */
static const char *
source_text_file (Loader   *self,
                  JsonNode *node,
                  gboolean  has_text)
{
  const char *relative = tranche_v1_expect_string (self, node);

  if (relative == NULL)
    return NULL;
  if (has_text)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("give either \"text\" or \"text_file\", not "
                                              "both"));
      return NULL;
    }
  return tranche_text_file_read (self, relative);
}

void
tranche_format_v1_load_source (Loader   *self,
                               JsonNode *node)
{
  JsonNode *m[N_SOURCE_MEMBERS] = { NULL, };
  TrancheSource source = { 0 };
  const char *id;
  const char *file_text;
  guint errors_before_file;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a source object like {\"id\": "
                                              "\"article\", \"title\": \"…\"}, got %s"),
              tranche_v1_describe_node (node));
      return;
    }
  tranche_v1_collect_members (self, node, source_members, N_SOURCE_MEMBERS, m,
                              _("not a member of a source in format version 1; ignored"));

  push_key (self, "id");
  id = source_id (self, m[SOURCE_ID]);
  pop (self);
  push_key (self, "title");
  source.title = source_title (self, m[SOURCE_TITLE]);
  pop (self);
  source.publisher = tranche_v1_member_text (self, m[SOURCE_PUBLISHER], "publisher", MAX_LABEL);
  source.author = tranche_v1_member_text (self, m[SOURCE_AUTHOR], "author", MAX_LABEL);
  /* kept as written: the window decides what it is willing to open */
  source.url = tranche_v1_member_text (self, m[SOURCE_URL], "url", MAX_PARAGRAPH);
  source.summary = tranche_v1_member_text (self, m[SOURCE_SUMMARY], "summary", MAX_PARAGRAPH);
  source.text = tranche_v1_member_string (self, m[SOURCE_TEXT], "text");
  if (m[SOURCE_PUBLISHED] != NULL)
    {
      push_key (self, "published");
      tranche_v1_expect_date (self, m[SOURCE_PUBLISHED], &source.published);
      pop (self);
    }
  if (m[SOURCE_LANGUAGE] != NULL)
    {
      push_key (self, "language");
      source.language = source_language (self, m[SOURCE_LANGUAGE]);
      pop (self);
    }

  /* A missing or refused text file is an error, but the source stays: its
   * title and citations are still worth showing, and dropping it would
   * turn every citation of it into a misleading "unknown source". */
  errors_before_file = self->n_errors_here;
  if (m[SOURCE_TEXT_FILE] != NULL)
    {
      push_key (self, "text_file");
      file_text = source_text_file (self, m[SOURCE_TEXT_FILE], m[SOURCE_TEXT] != NULL);
      if (file_text != NULL)
        source.text = file_text;
      pop (self);
    }

  if (errors_before_file > 0)
    {
      if (id != NULL)
        g_hash_table_add (self->bad_source_ids, g_strdup (id));
      return;
    }
  source.id = id;
  tranche_dataset_builder_add_source (self->builder, &source);
}

/* Events */

enum
{
  EVENT_ID, EVENT_DATE, EVENT_END, EVENT_KIND, EVENT_TITLE, EVENT_INVESTORS, EVENT_TARGET,
  EVENT_AMOUNT, EVENT_VALUATION, EVENT_CUMULATIVE, EVENT_ROUND, EVENT_SUMMARY, EVENT_SOURCES,
  EVENT_TAGS, N_EVENT_MEMBERS
};

static const char * const event_members[] = {
  "id", "date", "end", "kind", "title", "investors", "target", "amount", "valuation",
  "cumulative", "round", "summary", "sources", "tags",
};

/* In TrancheEventKind order */
static const char * const event_kinds[] = {
  "investment", "valuation", "acquisition", "commitment", "news",
};

static gboolean
needs_money_flow (TrancheEventKind kind)
{
  return kind == TRANCHE_EVENT_INVESTMENT || kind == TRANCHE_EVENT_COMMITMENT
         || kind == TRANCHE_EVENT_ACQUISITION;
}

/* The entity index of an id an event names. An id's index never changes
 * once the builder has one, so each id is looked up in the builder (and
 * checked for a declaration) once; then one lookup here, in a table that
 * has one entry per entity, not per event, serves every later use. */
static guint32
use_entity (Loader     *self,
            const char *id)
{
  gpointer cached;
  const char *interned;
  guint32 index;

  if (g_hash_table_lookup_extended (self->entity_index, id, NULL, &cached))
    return GPOINTER_TO_UINT (cached);

  if (!tranche_dataset_builder_entity_is_declared (self->builder, id))
    {
      /* entities may be declared further down: decided when all is read */
      Reference *ref = g_new (Reference, 1);

      ref->path = tranche_loader_path_to_string (self);
      ref->offset = tranche_loader_locate (self, TRUE);
      g_hash_table_insert (self->unknown_entities, g_strdup (id), ref);
    }
  index = tranche_dataset_builder_ensure_entity (self->builder, id);
  interned = tranche_dataset_builder_intern (self->builder, id);
  g_hash_table_insert (self->entity_index, (gpointer) interned, GUINT_TO_POINTER (index));
  return index;
}

static void
note_source_use (Loader     *self,
                 const char *id)
{
  Reference *ref;

  if (tranche_dataset_builder_has_source (self->builder, id)
      || g_hash_table_contains (self->unknown_sources, id))
    return;
  ref = g_new (Reference, 1);
  ref->path = tranche_loader_path_to_string (self);
  ref->offset = tranche_loader_locate (self, TRUE);
  g_hash_table_insert (self->unknown_sources, g_strdup (id), ref);
}

static void
load_citations (Loader          *self,
                JsonArray       *array,
                TrancheCitation *citations)
{
  static const char * const members[] = { "source", "quote" };
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *m[2] = { NULL, NULL };

      push_index (self, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report (self, TRANCHE_SEVERITY_ERROR, _("expected a citation like {\"source\": "
                                                  "\"article\", \"quote\": \"…\"}, got %s"),
                  tranche_v1_describe_node (node));
          pop (self);
          continue;
        }
      tranche_v1_collect_members (self, node, members, 2, m,
                                  _("not a member of a citation in format version 1; "
                                    "ignored"));
      push_key (self, "source");
      if (m[0] == NULL)
        report (self, TRANCHE_SEVERITY_ERROR, _("missing: a citation needs the id of its "
                                                "source"));
      else
        citations[i].source_id = tranche_v1_expect_string (self, m[0]);
      pop (self);
      push_key (self, "quote");
      if (m[1] == NULL)
        report (self, TRANCHE_SEVERITY_ERROR, _("missing: a citation needs the quoted passage"));
      else
        citations[i].quote = tranche_v1_expect_text (self, m[1], MAX_PARAGRAPH);
      pop (self);
      pop (self);
    }
}

/* What reading one event collects before it is built. */
typedef struct
{
  JsonNode         *m[N_EVENT_MEMBERS];
  TrancheEvent      event;
  gboolean          kind_known;
  const char       *target;
  const char      **investor_ids;
  guint             n_investors;
  TrancheCitation  *citations;
  guint             n_citations;
  const char      **tags;
  guint             n_tags;
} EventDraft;

static void
event_id (Loader     *self,
          EventDraft *d)
{
  const char *id, *claimed;

  if (d->m[EVENT_ID] == NULL)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: every event needs a unique id"));
      return;
    }
  if ((id = tranche_v1_expect_string (self, d->m[EVENT_ID])) == NULL)
    return;
  if (id[0] == '\0')
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an id, got an empty string"));
      return;
    }
  /* An event left out keeps its id too, so that later copies of it are
   * reported as copies. */
  if ((claimed = tranche_dataset_builder_claim_event_id (self->builder, id)) == NULL)
    {
      g_autofree char *quoted = tranche_problems_shorten (id);

      report (self, TRANCHE_SEVERITY_ERROR, _("another event has the id \"%s\" already; "
                                              "this one is left out"), quoted);
      return;
    }
  d->event.id = claimed;
}

static void
event_date (Loader     *self,
            EventDraft *d)
{
  if (d->m[EVENT_DATE] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every event needs a date like 2023 or "
                                            "2023-01-31"));
  else
    tranche_v1_expect_date (self, d->m[EVENT_DATE], &d->event.date);
}

static void
event_end (Loader     *self,
           EventDraft *d)
{
  TrancheEvent *event = &d->event;

  if (d->m[EVENT_END] != NULL
      && tranche_v1_expect_date (self, d->m[EVENT_END], &event->end)
      && tranche_date_is_set (&event->date)
      && tranche_date_end_day (&event->end) <= tranche_date_first_day (&event->date))
    {
      g_autofree char *end = tranche_date_to_iso (&event->end);
      g_autofree char *start = tranche_date_to_iso (&event->date);

      report (self, TRANCHE_SEVERITY_ERROR, _("the end (%s) is before the date (%s)"),
              end, start);
    }
}

static void
event_kind (Loader     *self,
            EventDraft *d)
{
  const char *kind;
  int k;

  d->event.kind = TRANCHE_EVENT_INVESTMENT;
  d->kind_known = TRUE;
  if (d->m[EVENT_KIND] == NULL)
    return;
  d->kind_known = FALSE;
  if ((kind = tranche_v1_expect_string (self, d->m[EVENT_KIND])) == NULL)
    return;
  k = tranche_v1_lookup_name (kind, event_kinds, G_N_ELEMENTS (event_kinds));
  if (k < 0)
    {
      g_autofree char *quoted = tranche_problems_shorten (kind);

      report (self, TRANCHE_SEVERITY_ERROR, _("expected \"investment\", \"valuation\", "
                                              "\"acquisition\", \"commitment\" or "
                                              "\"news\", got \"%s\""), quoted);
      return;
    }
  d->event.kind = k;
  d->kind_known = TRUE;
}

static void
event_title (Loader     *self,
             EventDraft *d)
{
  if (d->m[EVENT_TITLE] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: every event needs a short title"));
  else
    d->event.title = tranche_v1_expect_text (self, d->m[EVENT_TITLE], MAX_LABEL);
}

/* Whole sentences for each kind that moves money, for translators: the
 * kind's name is a word of the format, not of the sentence. */
static const char *
no_investors_message (TrancheEventKind kind,
                      gboolean         empty)
{
  switch (kind)
    {
    case TRANCHE_EVENT_COMMITMENT:
      return empty ? _("empty: a commitment names at least one investor")
                   : _("missing: a commitment needs its investors, like [\"microsoft\"]");
    case TRANCHE_EVENT_ACQUISITION:
      return empty ? _("empty: an acquisition names at least one investor")
                   : _("missing: an acquisition needs its investors, like [\"microsoft\"]");
    case TRANCHE_EVENT_INVESTMENT:
    default:
      return empty ? _("empty: an investment names at least one investor")
                   : _("missing: an investment needs its investors, like [\"microsoft\"]");
    }
}

static void
event_investors (Loader     *self,
                 EventDraft *d)
{
  gboolean needs_them = d->kind_known && needs_money_flow (d->event.kind);
  JsonArray *array;

  if (d->m[EVENT_INVESTORS] == NULL)
    {
      if (needs_them)
        report (self, TRANCHE_SEVERITY_ERROR, "%s",
                no_investors_message (d->event.kind, FALSE));
      return;
    }
  array = tranche_v1_expect_array (self, d->m[EVENT_INVESTORS], "[\"microsoft\"]");
  if (array == NULL)
    return;
  d->n_investors = json_array_get_length (array);
  d->investor_ids = g_new0 (const char *, MAX (d->n_investors, 1));
  for (guint i = 0; i < d->n_investors; i++)
    {
      push_index (self, i);
      d->investor_ids[i] = tranche_v1_expect_entity_id (self,
                                                        json_array_get_element (array, i));
      pop (self);
    }
  if (d->n_investors == 0 && needs_them)
    report (self, TRANCHE_SEVERITY_ERROR, "%s", no_investors_message (d->event.kind, TRUE));
}

static void
event_target (Loader     *self,
              EventDraft *d)
{
  if (d->m[EVENT_TARGET] != NULL)
    {
      d->target = tranche_v1_expect_entity_id (self, d->m[EVENT_TARGET]);
      return;
    }
  if (!d->kind_known)
    return;
  switch (d->event.kind)
    {
    case TRANCHE_EVENT_INVESTMENT:
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: an investment event needs the id of "
                                              "its target entity"));
      break;
    case TRANCHE_EVENT_VALUATION:
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: a valuation event needs the id of its "
                                              "target entity"));
      break;
    case TRANCHE_EVENT_ACQUISITION:
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: an acquisition event needs the id of "
                                              "its target entity"));
      break;
    case TRANCHE_EVENT_COMMITMENT:
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: a commitment event needs the id of "
                                              "its target entity"));
      break;
    case TRANCHE_EVENT_NEWS:
    default:
      break;
    }
}

static void
event_amount (Loader     *self,
              EventDraft *d)
{
  if (d->m[EVENT_AMOUNT] != NULL)
    {
      tranche_v1_parse_money (self, d->m[EVENT_AMOUNT], FALSE, &d->event.amount);
      return;
    }
  if (!d->kind_known || !needs_money_flow (d->event.kind))
    return;
  if (d->event.kind == TRANCHE_EVENT_COMMITMENT)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: a commitment needs an amount (or "
                                            "{\"disclosed\": false})"));
  else if (d->event.kind == TRANCHE_EVENT_ACQUISITION)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: an acquisition needs an amount (or "
                                            "{\"disclosed\": false})"));
  else
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: an investment needs an amount (or "
                                            "{\"disclosed\": false})"));
}

static void
event_valuation (Loader     *self,
                 EventDraft *d)
{
  if (d->m[EVENT_VALUATION] != NULL)
    tranche_v1_parse_money (self, d->m[EVENT_VALUATION], TRUE, &d->event.valuation);
  else if (d->kind_known && d->event.kind == TRANCHE_EVENT_VALUATION)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: a valuation event needs a valuation"));
}

static void
event_cumulative (Loader     *self,
                  EventDraft *d)
{
  if (d->m[EVENT_CUMULATIVE] != NULL)
    tranche_v1_parse_money (self, d->m[EVENT_CUMULATIVE], FALSE, &d->event.cumulative);
}

static void
event_round (Loader     *self,
             EventDraft *d)
{
  if (d->m[EVENT_ROUND] != NULL)
    d->event.round = tranche_v1_expect_text (self, d->m[EVENT_ROUND], MAX_LABEL);
}

static void
event_summary (Loader     *self,
               EventDraft *d)
{
  if (d->m[EVENT_SUMMARY] != NULL)
    d->event.summary = tranche_v1_expect_text (self, d->m[EVENT_SUMMARY], MAX_PARAGRAPH);
}

static void
event_sources (Loader     *self,
               EventDraft *d)
{
  JsonArray *array;

  if (d->m[EVENT_SOURCES] == NULL)
    return;
  array = tranche_v1_expect_array (self, d->m[EVENT_SOURCES],
                        "[{\"source\": \"article\", \"quote\": \"…\"}]");
  if (array == NULL)
    return;
  d->n_citations = json_array_get_length (array);
  d->citations = g_new0 (TrancheCitation, MAX (d->n_citations, 1));
  load_citations (self, array, d->citations);
}

static void
event_tags (Loader     *self,
            EventDraft *d)
{
  JsonArray *array;

  if (d->m[EVENT_TAGS] == NULL)
    return;
  if ((array = tranche_v1_expect_array (self, d->m[EVENT_TAGS], "[\"ai\", \"cloud\"]")) == NULL)
    return;
  d->n_tags = json_array_get_length (array);
  d->tags = g_new0 (const char *, MAX (d->n_tags, 1));
  for (guint i = 0; i < d->n_tags; i++)
    {
      push_index (self, i);
      d->tags[i] = tranche_v1_expect_text (self, json_array_get_element (array, i), MAX_LABEL);
      pop (self);
    }
}

/* Only events that are kept name entities and sources. */
static void
build_event (Loader     *self,
             EventDraft *d)
{
  g_autofree guint32 *investors = g_new (guint32, MAX (d->n_investors, 1));

  d->event.target = TRANCHE_NO_ENTITY;
  if (d->target != NULL)
    {
      push_key (self, "target");
      d->event.target = use_entity (self, d->target);
      pop (self);
    }
  push_key (self, "investors");
  for (guint i = 0; i < d->n_investors; i++)
    {
      push_index (self, i);
      investors[i] = use_entity (self, d->investor_ids[i]);
      pop (self);
    }
  pop (self);
  push_key (self, "sources");
  for (guint i = 0; i < d->n_citations; i++)
    {
      push_index (self, i);
      push_key (self, "source");
      note_source_use (self, d->citations[i].source_id);
      pop (self);
      pop (self);
    }
  pop (self);

  tranche_cursor_seek (&self->event_lines, self->anchor_offset);
  d->event.line = self->event_lines.line;
  tranche_dataset_builder_add_event (self->builder, &d->event, investors, d->n_investors,
                                     d->citations, d->n_citations, d->tags, d->n_tags);
}

typedef void (*EventMemberFunc) (Loader     *self,
                                 EventDraft *d);

/* In the order they are read: `end` needs the date, and the members after
 * `kind` what the kind requires. */
static const struct
{
  const char      *name;
  EventMemberFunc  read;
} event_readers[] = {
  { "id", event_id },
  { "date", event_date },
  { "end", event_end },
  { "kind", event_kind },
  { "title", event_title },
  { "investors", event_investors },
  { "target", event_target },
  { "amount", event_amount },
  { "valuation", event_valuation },
  { "cumulative", event_cumulative },
  { "round", event_round },
  { "summary", event_summary },
  { "sources", event_sources },
  { "tags", event_tags },
};

void
tranche_format_v1_load_event (Loader   *self,
                              JsonNode *node)
{
  EventDraft d;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an event object like {\"id\": …, "
                                              "\"date\": …, \"title\": …}, got %s"),
              tranche_v1_describe_node (node));
      tranche_dataset_builder_add_skipped (self->builder);
      return;
    }
  memset (&d, 0, sizeof d);
  tranche_v1_collect_members (self, node, event_members, N_EVENT_MEMBERS, d.m,
                              _("not a member of an event in format version 1; ignored"));

  for (guint i = 0; i < G_N_ELEMENTS (event_readers); i++)
    {
      push_key (self, event_readers[i].name);
      event_readers[i].read (self, &d);
      pop (self);
    }

  if (self->n_errors_here > 0)
    tranche_dataset_builder_add_skipped (self->builder);
  else
    build_event (self, &d);
  g_free (d.investor_ids);
  g_free (d.citations);
  g_free (d.tags);
}

/* Third pass: the root's own members */

static gsize
root_member_offset (Loader     *self,
                    const char *key)
{
  for (guint i = 0; i < self->scan.root_members->len; i++)
    {
      const TrancheRootMember *m = &g_array_index (self->scan.root_members, TrancheRootMember, i);
      if (g_str_equal (m->key, key))
        return m->key_offset;
    }
  return self->scan.root_offset;
}

void
tranche_format_v1_check_version (Loader     *self,
                                 JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "tranche");
  gsize at = root_member_offset (self, "tranche");

  if (node == NULL)
    fatal_at (self, at, "tranche", _("missing: a dataset starts with \"tranche\": 1, the "
                                     "format version"));
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    fatal_at (self, at, "tranche", _("expected the format version as a whole number like 1, "
                                     "got %s"), tranche_v1_describe_node (node));
  else if (json_node_get_int (node) != 1)
    fatal_at (self, at, "tranche", _("format version %lld is not known; this version of "
                                     "Tranche reads version 1"),
              (long long) json_node_get_int (node));
}

static void
load_rates (Loader   *self,
            JsonNode *node)
{
  JsonObjectIter iter;
  const char *code;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected rates as an object like {\"EUR\": "
                                              "1.08}, got %s"), tranche_v1_describe_node (node));
      return;
    }
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &code, &value))
    {
      double rate = 0;

      push_key (self, code);
      if (!tranche_currency_code_is_valid (code))
        {
          g_autofree char *quoted = tranche_problems_shorten (code);

          report (self, TRANCHE_SEVERITY_ERROR, _("expected a currency code of three capital "
                                                  "letters like \"EUR\", got \"%s\""), quoted);
        }
      else if (!tranche_v1_is_number (value))
        report (self, TRANCHE_SEVERITY_ERROR, _("expected a rate into the default currency "
                                                "like 1.08, got %s"),
                tranche_v1_describe_node (value));
      else if (!isfinite (rate = tranche_v1_number_value (self, value)) || rate <= 0)
        report (self, TRANCHE_SEVERITY_ERROR, _("expected a rate above 0, like 1.08"));
      else
        tranche_dataset_builder_set_rate (self->builder, tranche_currency_from_code (code),
                                          rate);
      pop (self);
    }
}

static const char * const root_members_known[] = {
  "tranche", "title", "description", "currency", "rates", "entities", "sources", "events",
};

/* json-glib keeps one of repeated names silently; the analyst should know. */
static void
report_repeated_members (Loader *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *members = self->scan.root_members;

  for (guint i = 0; i < members->len; i++)
    {
      const TrancheRootMember *m = &g_array_index (members, TrancheRootMember, i);

      if (!g_hash_table_add (seen, m->key))
        tranche_problems_add (&self->problems, TRANCHE_SEVERITY_ERROR, g_strdup (m->key),
                              m->key_offset, g_strdup (_("given more than once; keep one")));
    }
}

void
tranche_format_v1_load_root (Loader     *self,
                             JsonObject *root)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  self->path_len = 0;
  self->anchor_depth = 0;
  self->anchor_offset = self->scan.root_offset;

  report_repeated_members (self);

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &name, &value))
    {
      int k = tranche_v1_lookup_name (name, root_members_known,
                                      G_N_ELEMENTS (root_members_known));
      const char *text;

      push_key (self, name);
      switch (k)
        {
        case 0: /* tranche: checked before */
          break;
        case 1:
          tranche_dataset_builder_set_title (self->builder,
                                             tranche_v1_expect_text (self, value, MAX_LABEL));
          break;
        case 2:
          text = tranche_v1_expect_text (self, value, MAX_PARAGRAPH);
          tranche_dataset_builder_set_description (self->builder, text);
          break;
        case 3:
          {
            TrancheCurrency currency;

            if (tranche_v1_expect_currency (self, value, &currency))
              tranche_dataset_builder_set_currency (self->builder, currency);
          }
          break;
        case 4:
          load_rates (self, value);
          break;
        case 5:
        case 6:
          if (!JSON_NODE_HOLDS_ARRAY (value))
            report (self, TRANCHE_SEVERITY_ERROR, _("expected an array, got %s; ignored"),
                    tranche_v1_describe_node (value));
          break;
        case 7: /* events: checked before */
          break;
        default:
          report (self, TRANCHE_SEVERITY_WARNING, _("not a member of a dataset in format "
                                                    "version 1; ignored"));
          break;
        }
      pop (self);
    }
}

