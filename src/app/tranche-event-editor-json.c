/* tranche-event-editor-json.c: an event into the form and back
 *
 * Values are written the way an analyst writes them by hand (see
 * FORMAT.md): an amount that is only a value is a number, investors without
 * a lead or share are plain ids, and members left empty are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-editor-rows.h"
#include "tranche-element-edit.h"
#include "tranche-event-editor-private.h"

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_true (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

static void
set_number (GtkWidget *editable,
            JsonNode  *node)
{
  g_autofree char *text = tranche_editor_number_text (node);

  set_text (editable, text);
}

/* A Money member into value, currency and approximate fields; returns its
 * object (NULL when it is a plain number or absent). */
static JsonObject *
fill_money (JsonNode  *node,
            GtkWidget *value,
            GtkWidget *currency,
            GtkWidget *approx)
{
  JsonObject *money;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_number (value, node);
      return NULL;
    }
  money = json_node_get_object (node);
  set_number (value, json_object_get_member (money, "value"));
  set_text (currency, member_string (money, "currency"));
  if (approx != NULL)
    gtk_switch_set_active (GTK_SWITCH (approx), member_true (money, "approx"));
  return money;
}

static void
fill_amount (TrancheEventEditor *self,
             JsonNode           *node)
{
  JsonObject *money = fill_money (node, self->amount_value_row, self->amount_currency_row,
                                  self->amount_approx_switch);
  AmountForm form = node == NULL ? AMOUNT_NONE : AMOUNT_EXACT;

  if (money != NULL)
    {
      JsonNode *disclosed = json_object_get_member (money, "disclosed");
      gboolean has_min = json_object_has_member (money, "min");
      gboolean has_max = json_object_has_member (money, "max");

      set_number (self->amount_min_row, json_object_get_member (money, "min"));
      set_number (self->amount_max_row, json_object_get_member (money, "max"));
      if (disclosed != NULL && json_node_get_value_type (disclosed) == G_TYPE_BOOLEAN
          && !json_node_get_boolean (disclosed))
        form = AMOUNT_UNDISCLOSED;
      else if (json_object_has_member (money, "value"))
        form = AMOUNT_EXACT;
      else if (has_min && has_max)
        form = AMOUNT_RANGE;
      else if (has_max)
        form = AMOUNT_UP_TO;
      else if (has_min)
        form = AMOUNT_AT_LEAST;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->amount_form_row), form);
}

static void
fill_lists (TrancheEventEditor *self,
            JsonObject         *event)
{
  JsonNode *investors = json_object_get_member (event, "investors");
  JsonNode *sources = json_object_get_member (event, "sources");

  if (investors != NULL && JSON_NODE_HOLDS_ARRAY (investors))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (investors)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (investors), i);

        if (JSON_NODE_HOLDS_OBJECT (item))
          {
            JsonObject *p = json_node_get_object (item);
            g_autofree char *share = NULL;
            JsonNode *amount = json_object_get_member (p, "amount");

            if (amount != NULL && JSON_NODE_HOLDS_OBJECT (amount))
              amount = json_object_get_member (json_node_get_object (amount), "value");
            share = tranche_editor_number_text (amount);
            tranche_event_editor_add_investor (self, member_string (p, "id"),
                                               member_true (p, "lead"), share);
          }
        else if (json_node_get_value_type (item) == G_TYPE_STRING)
          tranche_event_editor_add_investor (self, json_node_get_string (item), FALSE, NULL);
      }
  if (sources != NULL && JSON_NODE_HOLDS_ARRAY (sources))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (sources)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (sources), i);
        JsonObject *c = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

        if (c != NULL)
          tranche_event_editor_add_citation (self, member_string (c, "source"),
                                             member_string (c, "quote"),
                                             member_true (c, "paraphrase"));
      }
}

void
_tranche_event_editor_fill (TrancheEventEditor *self,
                            JsonObject         *event)
{
  JsonNode *tags = json_object_get_member (event, "tags");
  JsonObject *valuation, *cumulative;
  g_autoptr(GString) tag_text = g_string_new (NULL);
  const char *summary = member_string (event, "summary");

  self->filling = TRUE;
  set_text (self->id_row, member_string (event, "id"));
  set_text (self->title_row, member_string (event, "title"));
  _tranche_event_editor_set_combo (self->kind_row, _tranche_event_kinds,
                                   member_string (event, "kind"));
  set_text (self->date_row, member_string (event, "date"));
  set_text (self->end_row, member_string (event, "end"));
  set_text (self->round_row, member_string (event, "round"));
  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (tags)); i++)
      {
        JsonNode *tag = json_array_get_element (json_node_get_array (tags), i);
        if (json_node_get_value_type (tag) != G_TYPE_STRING)
          continue;
        if (tag_text->len > 0)
          g_string_append (tag_text, ", ");
        g_string_append (tag_text, json_node_get_string (tag));
      }
  set_text (self->tags_row, tag_text->str);
  gtk_switch_set_active (GTK_SWITCH (self->draft_switch), member_true (event, "draft"));
  set_text (GTK_WIDGET (self->target_entry), member_string (event, "target"));
  set_text (GTK_WIDGET (self->fulfils_entry), member_string (event, "fulfils"));
  fill_amount (self, json_object_get_member (event, "amount"));
  valuation = fill_money (json_object_get_member (event, "valuation"), self->valuation_value_row,
                          self->valuation_currency_row, self->valuation_approx_switch);
  _tranche_event_editor_set_combo (self->valuation_basis_row, _tranche_valuation_bases,
                                   member_string (valuation, "basis"));
  cumulative = fill_money (json_object_get_member (event, "cumulative"),
                           self->cumulative_value_row, self->cumulative_currency_row, NULL);
  _tranche_event_editor_set_combo (self->cumulative_scope_row, _tranche_cumulative_scopes,
                                   member_string (cumulative, "scope"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            summary ? summary : "", -1);
  fill_lists (self, event);
  self->filling = FALSE;
  g_hash_table_remove_all (self->touched);
}

static void
put_text (JsonObject *object,
          const char *member,
          GtkWidget  *editable)
{
  g_autofree char *text = tranche_editor_dup_text (GTK_EDITABLE (editable));

  if (text != NULL)
    json_object_set_string_member (object, member, text);
}

static void
put_number (JsonObject *object,
            const char *member,
            GtkWidget  *editable)
{
  g_autofree char *text = tranche_editor_dup_text (GTK_EDITABLE (editable));
  JsonNode *node = tranche_editor_number_node (text);

  if (node != NULL)
    json_object_set_member (object, member, node);
}

/* A Money value: a plain number when nothing but the value is given. */
static JsonNode *
money_node (JsonObject *money)
{
  JsonNode *node;

  if (json_object_get_size (money) == 0)
    return NULL;
  if (json_object_get_size (money) == 1 && json_object_has_member (money, "value")
      && JSON_NODE_TYPE (json_object_get_member (money, "value")) == JSON_NODE_VALUE
      && json_node_get_value_type (json_object_get_member (money, "value")) != G_TYPE_STRING)
    return json_node_copy (json_object_get_member (money, "value"));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, money);
  return node;
}

static void
build_amount (TrancheEventEditor *self,
              JsonObject         *event)
{
  AmountForm form = adw_combo_row_get_selected (ADW_COMBO_ROW (self->amount_form_row));
  g_autoptr(JsonObject) money = json_object_new ();
  JsonNode *node;

  switch (form)
    {
    case AMOUNT_NONE:
      return;
    case AMOUNT_UNDISCLOSED:
      json_object_set_boolean_member (money, "disclosed", FALSE);
      break;
    case AMOUNT_EXACT:
      put_number (money, "value", self->amount_value_row);
      break;
    case AMOUNT_RANGE:
      put_number (money, "min", self->amount_min_row);
      put_number (money, "max", self->amount_max_row);
      break;
    case AMOUNT_UP_TO:
      put_number (money, "max", self->amount_max_row);
      break;
    case AMOUNT_AT_LEAST:
    default:
      put_number (money, "min", self->amount_min_row);
      break;
    }
  if (form != AMOUNT_UNDISCLOSED)
    {
      put_text (money, "currency", self->amount_currency_row);
      if (gtk_switch_get_active (GTK_SWITCH (self->amount_approx_switch)))
        json_object_set_boolean_member (money, "approx", TRUE);
    }
  /* An exact amount with no figure yet is still an amount: the loader
   * says what is missing. */
  if (json_object_get_size (money) == 0)
    json_object_set_object_member (event, "amount", json_object_ref (money));
  else if ((node = money_node (money)) != NULL)
    json_object_set_member (event, "amount", node);
}

static void
build_money (JsonObject *event,
             const char *member,
             GtkWidget  *value,
             GtkWidget  *currency,
             GtkWidget  *approx,
             const char *extra,
             const char *extra_value)
{
  g_autoptr(JsonObject) money = json_object_new ();
  JsonNode *node;

  put_number (money, "value", value);
  if (json_object_get_size (money) == 0 && (extra_value == NULL || *extra_value == '\0'))
    return;
  put_text (money, "currency", currency);
  if (approx != NULL && gtk_switch_get_active (GTK_SWITCH (approx)))
    json_object_set_boolean_member (money, "approx", TRUE);
  if (extra_value != NULL && *extra_value != '\0')
    json_object_set_string_member (money, extra, extra_value);
  if ((node = money_node (money)) != NULL)
    json_object_set_member (event, member, node);
}

char *
_tranche_event_editor_resolve_entity (TrancheEventEditor *self,
                                      const char         *text)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);
  g_autofree char *folded = NULL;

  if (tranche_document_find_element (self->document, TRANCHE_DOCUMENT_ENTITIES, text) >= 0)
    return g_strdup (text);
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; dataset != NULL && i < tranche_dataset_get_n_entities (dataset); i++)
    {
      const TrancheEntity *entity = tranche_dataset_get_entity (dataset, i);
      g_autofree char *name = g_utf8_casefold (entity->name ? entity->name : "", -1);

      if (g_str_equal (name, folded) || g_strcmp0 (entity->id, text) == 0)
        return g_strdup (entity->id);
    }
  return NULL;
}

/* The id `text` stands for; an entity the dataset lacks is created with
 * `text` as its name (once, however often the form names it). */
static char *
entity_id (TrancheEventEditor *self,
           GtkEntry           *entry,
           GPtrArray          *new_entities)
{
  g_autofree char *text = tranche_editor_dup_text (GTK_EDITABLE (entry));
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hint = NULL;
  JsonObject *entity;
  JsonNode *node;

  if (text == NULL)
    {
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, NULL);
      return NULL;
    }
  if ((id = _tranche_event_editor_resolve_entity (self, text)) != NULL)
    {
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, NULL);
      return g_steal_pointer (&id);
    }
  for (guint i = 0; i < new_entities->len; i++)
    {
      JsonObject *pending = json_node_get_object (g_ptr_array_index (new_entities, i));
      if (g_strcmp0 (json_object_get_string_member (pending, "name"), text) == 0)
        return g_strdup (json_object_get_string_member (pending, "id"));
    }
  base = tranche_element_edit_new_id (self->document, TRANCHE_DOCUMENT_ENTITIES, text);
  id = g_strdup (base);
  for (guint n = 2; ; n++)
    {
      gboolean taken = FALSE;
      for (guint i = 0; i < new_entities->len; i++)
        taken |= g_strcmp0 (json_object_get_string_member
                              (json_node_get_object (g_ptr_array_index (new_entities, i)), "id"),
                            id) == 0;
      if (!taken)
        break;
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  entity = json_object_new ();
  json_object_set_string_member (entity, "id", id);
  json_object_set_string_member (entity, "name", text);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, entity);
  g_ptr_array_add (new_entities, node);
  /* Translators: shown on an entity field whose text names no entity yet */
  hint = g_strdup_printf (_("A new entity “%s” will be added"), text);
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, "list-add-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, hint);
  return g_steal_pointer (&id);
}

static void
build_investors (TrancheEventEditor *self,
                 JsonObject         *event,
                 GPtrArray          *new_entities)
{
  g_autoptr(JsonArray) investors = json_array_new ();

  for (guint i = 0; i < self->investors->len; i++)
    {
      InvestorRow *row = g_ptr_array_index (self->investors, i);
      g_autofree char *id = entity_id (self, row->entity, new_entities);
      g_autofree char *share = tranche_editor_dup_text (GTK_EDITABLE (row->share));
      gboolean lead = gtk_check_button_get_active (row->lead);
      JsonObject *p;

      if (id == NULL)
        continue;
      if (!lead && share == NULL)
        {
          json_array_add_string_element (investors, id);
          continue;
        }
      p = json_object_new ();
      json_object_set_string_member (p, "id", id);
      if (lead)
        json_object_set_boolean_member (p, "lead", TRUE);
      if (share != NULL)
        json_object_set_member (p, "amount", tranche_editor_number_node (share));
      json_array_add_object_element (investors, p);
    }
  if (json_array_get_length (investors) > 0)
    json_object_set_array_member (event, "investors", json_array_ref (investors));
}

static void
build_citations (TrancheEventEditor *self,
                 JsonObject         *event)
{
  g_autoptr(JsonArray) citations = json_array_new ();

  for (guint i = 0; i < self->citations->len; i++)
    {
      CitationRow *row = g_ptr_array_index (self->citations, i);
      JsonObject *c = json_object_new ();

      put_text (c, "source", GTK_WIDGET (row->source));
      put_text (c, "quote", row->quote);
      if (gtk_check_button_get_active (row->paraphrase))
        json_object_set_boolean_member (c, "paraphrase", TRUE);
      json_array_add_object_element (citations, c);
    }
  if (json_array_get_length (citations) > 0)
    json_object_set_array_member (event, "sources", json_array_ref (citations));
}

static void
build_tags (TrancheEventEditor *self,
            JsonObject         *event)
{
  g_autofree char *text = tranche_editor_dup_text (GTK_EDITABLE (self->tags_row));
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonArray) tags = json_array_new ();

  if (text == NULL)
    return;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        json_array_add_string_element (tags, parts[i]);
    }
  if (json_array_get_length (tags) > 0)
    json_object_set_array_member (event, "tags", json_array_ref (tags));
}

JsonObject *
_tranche_event_editor_build (TrancheEventEditor *self,
                             GPtrArray          *new_entities)
{
  JsonObject *event = json_object_new ();
  const char *kind = _tranche_event_editor_get_combo (self->kind_row, _tranche_event_kinds);
  g_autofree char *target = NULL;
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  /* In the order FORMAT.md lists the members, as an analyst writes them. */
  put_text (event, "id", self->id_row);
  put_text (event, "date", self->date_row);
  put_text (event, "end", self->end_row);
  if (!g_str_equal (kind, "investment") || g_hash_table_contains (self->touched, "kind"))
    json_object_set_string_member (event, "kind", kind);
  put_text (event, "title", self->title_row);
  build_investors (self, event, new_entities);
  if ((target = entity_id (self, self->target_entry, new_entities)) != NULL)
    json_object_set_string_member (event, "target", target);
  build_amount (self, event);
  build_money (event, "valuation", self->valuation_value_row, self->valuation_currency_row,
               self->valuation_approx_switch, "basis",
               _tranche_event_editor_get_combo (self->valuation_basis_row,
                                                _tranche_valuation_bases));
  build_money (event, "cumulative", self->cumulative_value_row, self->cumulative_currency_row,
               NULL, "scope",
               _tranche_event_editor_get_combo (self->cumulative_scope_row,
                                                _tranche_cumulative_scopes));
  put_text (event, "fulfils", GTK_WIDGET (self->fulfils_entry));
  put_text (event, "round", self->round_row);
  build_tags (self, event);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*summary != '\0')
    json_object_set_string_member (event, "summary", summary);
  build_citations (self, event);
  if (gtk_switch_get_active (GTK_SWITCH (self->draft_switch)))
    json_object_set_boolean_member (event, "draft", TRUE);
  return event;
}
