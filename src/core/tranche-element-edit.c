/* tranche-element-edit.c: a form's edit of one element, applied or tried
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-element-edit.h"

static gboolean
member_changed (JsonObject *original,
                JsonObject *edited,
                const char *member)
{
  JsonNode *before = original ? json_object_get_member (original, member) : NULL;
  JsonNode *after = json_object_get_member (edited, member);

  if (before == NULL || after == NULL)
    return before != after;
  return !json_node_equal (before, after);
}

static gboolean
apply_members (const TrancheElementEdit *edit,
               TrancheDocument          *document,
               guint                     index,
               GError                  **error)
{
  g_autoptr(JsonNode) node = tranche_document_dup_element (document, edit->array, index);
  JsonObject *original = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                : NULL;
  g_autoptr(GList) members = NULL;

  if (edit->touched == NULL)
    members = json_object_get_members (edit->edited);
  else
    for (guint i = 0; edit->touched[i] != NULL; i++)
      members = g_list_append (members, (gpointer) edit->touched[i]);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *value = json_object_get_member (edit->edited, member);

      if (!member_changed (original, edit->edited, member))
        continue;
      if (value != NULL)
        {
          if (!tranche_document_set_member (document, edit->array, index, member, value, error))
            return FALSE;
        }
      else if (!tranche_document_remove_member (document, edit->array, index, member, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_edit (const TrancheElementEdit *edit,
            TrancheDocument          *document,
            guint                    *out_index,
            GError                  **error)
{
  guint index;

  for (guint i = 0; edit->new_entities != NULL && i < edit->new_entities->len; i++)
    if (!tranche_document_append_element (document, TRANCHE_DOCUMENT_ENTITIES,
                                          g_ptr_array_index (edit->new_entities, i), NULL, error))
      return FALSE;

  if (edit->index < 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, edit->edited);
      if (!tranche_document_append_element (document, edit->array, node, &index, error))
        return FALSE;
    }
  else
    {
      index = edit->index;
      if (!apply_members (edit, document, index, error))
        return FALSE;
    }
  if (out_index != NULL)
    *out_index = index;
  return TRUE;
}

gboolean
tranche_element_edit_apply (const TrancheElementEdit *edit,
                            TrancheDocument          *document,
                            guint                    *out_index,
                            GError                  **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean ok;

  g_return_val_if_fail (edit != NULL && edit->edited != NULL, FALSE);
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (document), FALSE);

  before = tranche_document_get_bytes (document);
  tranche_document_begin_user_action (document);
  ok = apply_edit (edit, document, out_index, error);
  tranche_document_end_user_action (document);
  /* A step that failed half-way must not leave half an edit behind. */
  after = tranche_document_get_bytes (document);
  if (!ok && !g_bytes_equal (before, after))
    tranche_document_undo (document);
  return ok;
}

TrancheDiagnostics *
tranche_element_edit_check (const TrancheElementEdit *edit,
                            TrancheDocument          *document,
                            char                    **out_path)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (edit != NULL && edit->edited != NULL, NULL);
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (document), NULL);

  bytes = tranche_document_get_bytes (document);
  return tranche_element_edit_check_bytes (edit, bytes, tranche_document_get_filename (document),
                                           out_path);
}

TrancheDiagnostics *
tranche_element_edit_check_bytes (const TrancheElementEdit *edit,
                                  GBytes                   *bytes,
                                  const char               *filename,
                                  char                    **out_path)
{
  g_autoptr(TrancheDocument) scratch = NULL;
  g_autoptr(TrancheDiagnostics) all = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint index = 0;

  g_return_val_if_fail (edit != NULL && edit->edited != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  scratch = tranche_document_new_from_bytes (bytes, filename, &error);
  if (scratch == NULL || !apply_edit (edit, scratch, &index, &error))
    {
      tranche_diagnostics_add (all, TRANCHE_SEVERITY_ERROR, "", 0, 0, "%s",
                               error ? error->message : "");
      if (out_path != NULL)
        *out_path = g_strdup ("");
      return g_steal_pointer (&all);
    }
  /* The element alone, with the entities and sources it names: fast
   * enough for each pause in typing, whatever the size of the file. */
  path = tranche_document_element_path (edit->array, index);
  if (out_path != NULL)
    *out_path = g_strdup (path);
  return tranche_document_check_element (scratch, edit->array, index);
}

char *
tranche_element_edit_new_id (TrancheDocument      *document,
                             TrancheDocumentArray  array,
                             const char           *name)
{
  g_autofree char *ascii = NULL;
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;
  gboolean dash = FALSE;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (document), NULL);

  ascii = g_str_to_ascii (name ? name : "", "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_c (id, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (id->len == 0)
    g_string_append (id, array == TRANCHE_DOCUMENT_ENTITIES ? "entity"
                         : array == TRANCHE_DOCUMENT_SOURCES ? "source" : "event");
  base = g_string_free (id, FALSE);
  if (tranche_document_find_element (document, array, base) < 0)
    return g_steal_pointer (&base);
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base, n);
      if (tranche_document_find_element (document, array, candidate) < 0)
        return g_steal_pointer (&candidate);
    }
}
