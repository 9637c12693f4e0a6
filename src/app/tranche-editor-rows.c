/* tranche-editor-rows.c: the rows the editors are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tranche-csv-values.h"
#include "tranche-editor-rows.h"

enum { COL_ID, COL_LABEL, N_COLS };

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
tranche_editor_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_accessible_label (row, title);
  return row;
}

GtkWidget *
tranche_editor_combo_row (const char         *title,
                          const char * const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  set_accessible_label (row, title);
  return row;
}

GtkWidget *
tranche_editor_switch_row (const char  *title,
                           GtkWidget  **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  set_accessible_label (toggle, title);
  *out_switch = toggle;
  return row;
}

/* Matches an id or any word of a name from its start, ignoring case. */
static gboolean
completion_match_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *folded_key = g_utf8_casefold (key, -1);
  g_autofree char *folded = NULL;

  gtk_tree_model_get (model, iter, COL_ID, &id, COL_LABEL, &label, -1);
  if (id == NULL || *folded_key == '\0')
    return FALSE;
  folded = g_utf8_casefold (label ? label : id, -1);
  return g_str_has_prefix (id, folded_key) || strstr (folded, folded_key) != NULL;
}

static gboolean
match_selected_cb (GtkEntryCompletion *completion,
                   GtkTreeModel       *model,
                   GtkTreeIter        *iter,
                   GtkEntry           *entry)
{
  g_autofree char *id = NULL;

  gtk_tree_model_get (model, iter, COL_ID, &id, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), id);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  return TRUE;
}

static void
add_choice (GtkListStore *store,
            const char   *id,
            const char   *name)
{
  g_autofree char *label = NULL;

  if (id == NULL)
    return;
  /* Translators: a completion: an entity's name, then its id */
  label = name && g_strcmp0 (name, id) != 0 ? g_strdup_printf (_("%s (%s)"), name, id)
                                            : g_strdup (id);
  gtk_list_store_insert_with_values (store, NULL, -1, COL_ID, id, COL_LABEL, label, -1);
}

void
tranche_editor_complete_entry (GtkEntry            *entry,
                               TrancheDataset      *dataset,
                               TrancheCompleteKind  kind)
{
  g_autoptr(GtkListStore) store = gtk_list_store_new (N_COLS, G_TYPE_STRING, G_TYPE_STRING);
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  g_return_if_fail (GTK_IS_ENTRY (entry));

  for (guint i = 0; dataset != NULL && kind == TRANCHE_COMPLETE_ENTITIES
                    && i < tranche_dataset_get_n_entities (dataset); i++)
    {
      const TrancheEntity *entity = tranche_dataset_get_entity (dataset, i);
      add_choice (store, entity->id, entity->name);
    }
  for (guint i = 0; dataset != NULL && kind == TRANCHE_COMPLETE_SOURCES
                    && i < tranche_dataset_get_n_sources (dataset); i++)
    {
      const TrancheSource *source = tranche_dataset_get_source (dataset, i);
      add_choice (store, source->id, source->title);
    }
  for (guint i = 0; dataset != NULL && kind == TRANCHE_COMPLETE_COMMITMENTS
                    && i < tranche_dataset_get_n_events (dataset); i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (dataset, i);
      if (event->kind == TRANCHE_EVENT_COMMITMENT)
        add_choice (store, event->id, event->title);
    }

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, COL_LABEL);
  gtk_entry_completion_set_match_func (completion, completion_match_cb, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);
  g_signal_connect (completion, "match-selected", G_CALLBACK (match_selected_cb), entry);
  gtk_entry_set_completion (entry, completion);
}

GtkWidget *
tranche_editor_completing_row (const char          *title,
                               TrancheDataset      *dataset,
                               TrancheCompleteKind  kind,
                               GtkEntry           **out_entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 18);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  set_accessible_label (entry, title);
  tranche_editor_complete_entry (GTK_ENTRY (entry), dataset, kind);
  *out_entry = GTK_ENTRY (entry);
  return row;
}

char *
tranche_editor_dup_text (GtkEditable *editable)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

JsonNode *
tranche_editor_number_node (const char *text)
{
  TrancheCsvAmount amount = { 0 };
  JsonNode *node;

  if (text == NULL || *text == '\0')
    return NULL;
  node = json_node_new (JSON_NODE_VALUE);
  if (tranche_csv_parse_amount (text, &amount) != TRANCHE_CSV_VALUE_OK || !isfinite (amount.value))
    json_node_set_string (node, text);
  /* Whole figures are written as integers: "1000000000", never "1e+09". */
  else if (amount.value == floor (amount.value) && fabs (amount.value) < 9007199254740992.0)
    json_node_set_int (node, (gint64) amount.value);
  else
    json_node_set_double (node, amount.value);
  return node;
}

char *
tranche_editor_number_text (JsonNode *node)
{
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      value = json_node_get_double (node);
      if (value == floor (value) && fabs (value) < 9007199254740992.0)
        return g_strdup_printf ("%.0f", value);
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

void
tranche_editor_mark_field (GtkWidget  *field,
                           const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
