/* tranche-format-v1-items.c: entities and sources of format version 1
 *
 * As in tranche-format-v1.c, one function per member: each reads its member
 * at the loader's current path, reports what is wrong there, and fills its
 * part of the entity or source; one with an error is left out.
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
                              N_("not a member of an entity in format version 1; ignored"));

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
                              N_("not a member of a source in format version 1; ignored"));

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
