/* tranche-format-v1.c: the schema of format version 1 (FORMAT.md)
 *
 * One function per member: each reads its member at the loader's current
 * path, reports what is wrong there, and fills its part of the event (the
 * entities and sources are in tranche-format-v1-items.c). An event with an
 * error is left out and counted; warnings never block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-loader-private.h"

/* Events */

enum
{
  EVENT_ID, EVENT_DATE, EVENT_END, EVENT_KIND, EVENT_TITLE, EVENT_INVESTORS, EVENT_TARGET,
  EVENT_AMOUNT, EVENT_VALUATION, EVENT_CUMULATIVE, EVENT_ROUND, EVENT_SUMMARY, EVENT_SOURCES,
  EVENT_TAGS, EVENT_FULFILS, EVENT_DRAFT, N_EVENT_MEMBERS
};

static const char * const event_members[] = {
  "id", "date", "end", "kind", "title", "investors", "target", "amount", "valuation",
  "cumulative", "round", "summary", "sources", "tags", "fulfils", "draft",
};

/* In TrancheEventKind order */
static const char * const event_kinds[] = {
  "investment", "valuation", "acquisition", "commitment", "news", "secondary",
};

/* An investment may leave its investors out: public lists of rounds often
 * don't name them. */
static gboolean
needs_investors (TrancheEventKind kind)
{
  return kind == TRANCHE_EVENT_COMMITMENT || kind == TRANCHE_EVENT_ACQUISITION
         || kind == TRANCHE_EVENT_SECONDARY;
}

static gboolean
needs_amount (TrancheEventKind kind)
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
  static const char * const members[] = { "source", "quote", "paraphrase" };
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *m[3] = { NULL, NULL, NULL };

      push_index (self, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report (self, TRANCHE_SEVERITY_ERROR, _("expected a citation like {\"source\": "
                                                  "\"article\", \"quote\": \"…\"}, got %s"),
                  tranche_v1_describe_node (node));
          pop (self);
          continue;
        }
      tranche_v1_collect_members (self, node, members, 3, m,
                                  N_("not a member of a citation in format version 1; "
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
      if (m[2] != NULL)
        {
          push_key (self, "paraphrase");
          tranche_v1_expect_boolean (self, m[2], &citations[i].paraphrase);
          pop (self);
        }
      pop (self);
    }
}

/* What reading one event collects before it is built. */
/* elements of an event's arrays kept in its draft */
#define DRAFT_HERE 8

typedef struct
{
  JsonNode         *m[N_EVENT_MEMBERS];
  TrancheEvent      event;
  gboolean          kind_known;
  const char       *target;
  const char      **investor_ids;
  TrancheShare     *shares;       /* with any_share: one per investor */
  gboolean          any_share;
  const char       *fulfils;
  guint             n_investors;
  TrancheCitation  *citations;
  guint             n_citations;
  const char      **tags;
  guint             n_tags;
  /* Most events have a few investors, citations and tags: their arrays
   * live here then, not in four allocations per event. */
  const char       *investor_ids_here[DRAFT_HERE];
  TrancheShare      shares_here[DRAFT_HERE];
  TrancheCitation   citations_here[DRAFT_HERE];
  const char       *tags_here[DRAFT_HERE];
} EventDraft;

/* `n` zeroed elements of `size` bytes: `here` when they fit in DRAFT_HERE,
 * else allocated; draft_array_free() takes either. */
static gpointer
draft_array (gpointer here,
             guint    n,
             gsize    size)
{
  if (n <= DRAFT_HERE)
    return memset (here, 0, MAX (n, 1) * size);
  return g_malloc0_n (n, size);
}

static void
draft_array_free (gpointer array,
                  gpointer here)
{
  if (array != here)
    g_free (array);
}

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
      && !tranche_date_end_follows (&event->date, &event->end))
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
                                              "\"acquisition\", \"commitment\", "
                                              "\"secondary\" or \"news\", got \"%s\""),
              quoted);
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
    case TRANCHE_EVENT_SECONDARY:
    default:
      return empty ? _("empty: a secondary sale names at least one buyer")
                   : _("missing: a secondary sale needs its buyers as investors, like "
                       "[\"softbank\"]");
    }
}

/* {"id": "spark-capital", "lead": true, "amount": …} */
static void
event_participant (Loader     *self,
                   EventDraft *d,
                   guint       i,
                   JsonNode   *node)
{
  static const char * const members[] = { "id", "lead", "amount" };
  JsonNode *m[3] = { NULL, NULL, NULL };

  d->any_share = TRUE;
  tranche_v1_collect_members (self, node, members, 3, m,
                              N_("not a member of an investor in format version 1; ignored"));
  push_key (self, "id");
  if (m[0] == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: an investor written as an object needs "
                                            "its id, like {\"id\": \"spark-capital\"}"));
  else
    d->investor_ids[i] = tranche_v1_expect_entity_id (self, m[0]);
  pop (self);
  if (m[1] != NULL)
    {
      push_key (self, "lead");
      tranche_v1_expect_boolean (self, m[1], &d->shares[i].lead);
      pop (self);
    }
  if (m[2] != NULL)
    {
      push_key (self, "amount");
      tranche_v1_parse_money (self, m[2], TRANCHE_V1_MONEY_AMOUNT, &d->shares[i].amount);
      pop (self);
    }
}

static void
event_investors (Loader     *self,
                 EventDraft *d)
{
  gboolean needs_them = d->kind_known && needs_investors (d->event.kind);
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
  d->investor_ids = draft_array (d->investor_ids_here, d->n_investors, sizeof (const char *));
  d->shares = draft_array (d->shares_here, d->n_investors, sizeof (TrancheShare));
  for (guint i = 0; i < d->n_investors; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      push_index (self, i);
      if (JSON_NODE_HOLDS_OBJECT (node))
        event_participant (self, d, i, node);
      else
        d->investor_ids[i] = tranche_v1_expect_entity_id (self, node);
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
  if (!d->kind_known || self->default_target)
    return;
  switch (d->event.kind)
    {
    case TRANCHE_EVENT_SECONDARY:
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: a secondary sale needs the id of the "
                                              "entity whose shares were sold"));
      break;
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
      tranche_v1_parse_money (self, d->m[EVENT_AMOUNT], TRANCHE_V1_MONEY_AMOUNT,
                              &d->event.amount);
      return;
    }
  if (!d->kind_known || !needs_amount (d->event.kind))
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
    tranche_v1_parse_money (self, d->m[EVENT_VALUATION], TRANCHE_V1_MONEY_VALUATION,
                            &d->event.valuation);
  else if (d->kind_known && d->event.kind == TRANCHE_EVENT_VALUATION)
    report (self, TRANCHE_SEVERITY_ERROR, _("missing: a valuation event needs a valuation"));
}

static void
event_cumulative (Loader     *self,
                  EventDraft *d)
{
  JsonNode *scope;
  const char *text;

  if (d->m[EVENT_CUMULATIVE] == NULL)
    return;
  tranche_v1_parse_money (self, d->m[EVENT_CUMULATIVE], TRANCHE_V1_MONEY_CUMULATIVE,
                          &d->event.cumulative);
  if (!JSON_NODE_HOLDS_OBJECT (d->m[EVENT_CUMULATIVE])
      || (scope = json_object_get_member (json_node_get_object (d->m[EVENT_CUMULATIVE]),
                                          "scope")) == NULL)
    return;
  push_key (self, "scope");
  if ((text = tranche_v1_expect_string (self, scope)) == NULL)
    ;
  else if (g_str_equal (text, "investors"))
    d->event.flags |= TRANCHE_EVENT_SCOPE_INVESTORS;
  else if (g_str_equal (text, "target"))
    d->event.flags |= TRANCHE_EVENT_SCOPE_TARGET;
  else
    {
      g_autofree char *quoted = tranche_problems_shorten (text);

      report (self, TRANCHE_SEVERITY_ERROR, _("expected \"investors\" (what this event's "
                                              "investors put in so far) or \"target\" (all "
                                              "its target received), got \"%s\""), quoted);
    }
  pop (self);
}

static void
event_fulfils (Loader     *self,
               EventDraft *d)
{
  const char *id;

  if (d->m[EVENT_FULFILS] == NULL)
    return;
  if ((id = tranche_v1_expect_string (self, d->m[EVENT_FULFILS])) == NULL)
    return;
  if (d->kind_known && d->event.kind != TRANCHE_EVENT_INVESTMENT)
    report (self, TRANCHE_SEVERITY_ERROR, _("only an investment can fulfil a commitment; "
                                            "remove \"fulfils\" or make this an investment"));
  else
    d->fulfils = id;
}

static void
event_draft (Loader     *self,
             EventDraft *d)
{
  gboolean draft = FALSE;

  if (d->m[EVENT_DRAFT] != NULL && tranche_v1_expect_boolean (self, d->m[EVENT_DRAFT], &draft)
      && draft)
    d->event.flags |= TRANCHE_EVENT_DRAFT;
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
  d->citations = draft_array (d->citations_here, d->n_citations, sizeof (TrancheCitation));
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
  d->tags = draft_array (d->tags_here, d->n_tags, sizeof (const char *));
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
  guint32 investors_here[DRAFT_HERE];
  guint32 *investors = d->n_investors <= DRAFT_HERE ? investors_here
                                                   : g_new (guint32, d->n_investors);

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
  if (d->any_share)
    tranche_dataset_builder_set_event_shares (self->builder, d->shares, d->n_investors);
  tranche_dataset_builder_set_event_fulfils (self->builder, d->fulfils);
  /* the checks run on the dataset name events by their place in the file */
  g_array_append_val (self->file_index, self->path[1].index);
  if (investors != investors_here)
    g_free (investors);
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
  { "fulfils", event_fulfils },
  { "draft", event_draft },
};

/* Where the event being read ends: where the next starts, or the array. */
static gsize
element_end (Loader *self)
{
  guint index = self->path[1].index;

  for (guint i = 0; i < self->scan.root_members->len; i++)
    {
      const TrancheRootMember *m = &g_array_index (self->scan.root_members, TrancheRootMember, i);

      if (m->kind != TRANCHE_ROOT_EVENTS)
        continue;
      return index + 1 < m->elements->len ? g_array_index (m->elements, gsize, index + 1)
                                          : m->value_end;
    }
  return self->len;
}

/* json-glib keeps one of a repeated name silently; the first pass noted
 * them. Those inside this event are said here, naming it. */
static void
report_duplicate_keys (Loader     *self,
                       EventDraft *d)
{
  GArray *dups = self->scan.duplicate_keys;
  gsize start = self->anchor_offset;
  guint lo = 0, hi = dups->len;

  if (dups->len == 0)
    return;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (dups, TrancheJsonKey, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < dups->len; k++)
    {
      const TrancheJsonKey *key = &g_array_index (dups, TrancheJsonKey, k);
      g_autofree char *raw = g_strndup (self->data + key->start + 1, key->end - key->start - 2);
      g_autofree char *name = tranche_problems_shorten (raw);
      g_autofree char *path = NULL;

      /* the next element starts after this one's last byte */
      if (key->start >= element_end (self))
        break;
      path = tranche_loader_path_to_string (self);
      tranche_problems_add (&self->problems, TRANCHE_SEVERITY_WARNING, g_steal_pointer (&path),
                            key->start,
                            d->event.id != NULL && d->event.title != NULL
                            /* Translators: %1$s is a member's name, %2$s an event's id, %3$s its
                             * title. */
                            ? g_strdup_printf (_("\"%1$s\" is given more than once in one object "
                                                 "of event “%2$s” (%3$s); only the last is read, "
                                                 "so keep one"), name, d->event.id, d->event.title)
                            : g_strdup_printf (_("\"%s\" is given more than once in one object "
                                                 "of this event; only the last is read, so keep "
                                                 "one"), name));
    }
}

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
  /* the arrays kept here are zeroed as they are used */
  memset (&d, 0, G_STRUCT_OFFSET (EventDraft, investor_ids_here));
  tranche_v1_collect_members (self, node, event_members, N_EVENT_MEMBERS, d.m,
                              N_("not a member of an event in format version 1; ignored"));

  for (guint i = 0; i < G_N_ELEMENTS (event_readers); i++)
    {
      push_key (self, event_readers[i].name);
      event_readers[i].read (self, &d);
      pop (self);
    }

  report_duplicate_keys (self, &d);
  if (self->n_errors_here > 0)
    tranche_dataset_builder_add_skipped (self->builder);
  else
    build_event (self, &d);
  draft_array_free (d.investor_ids, d.investor_ids_here);
  draft_array_free (d.shares, d.shares_here);
  draft_array_free (d.citations, d.citations_here);
  draft_array_free (d.tags, d.tags_here);
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
  /* events that name no target may take the file's, read after them */
  self->default_target = json_object_has_member (root, "target");
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
  "target",
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
        case 8:
          {
            const char *id = tranche_v1_expect_entity_id (self, value);

            if (id != NULL)
              tranche_dataset_builder_set_target (self->builder, use_entity (self, id));
          }
          break;
        default:
          report (self, TRANCHE_SEVERITY_WARNING, _("not a member of a dataset in format "
                                                    "version 1; ignored"));
          break;
        }
      pop (self);
    }
}

