/* tranche-document-edit.c: edits, each one splice of the text
 *
 * What is new follows what is there: a new member or element is separated
 * from the one before it by the same bytes that separate the two before
 * (or, with only one, by a comma and that one's line break and indent), and
 * a new element is laid out like the last one of its array (on one line, or
 * one member per line at its indentation). Nothing else is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-document-private.h"
#include "tranche-json-write.h"

static const char *const array_names[] = { "entities", "sources", "events" };

typedef GArray TrancheDocMembers;

static void
members_free (GArray *members)
{
  g_array_unref (members);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheDocMembers, members_free)

static GArray *
members_new (void)
{
  GArray *members = g_array_new (FALSE, TRUE, sizeof (TrancheDocMember));

  g_array_set_clear_func (members, (GDestroyNotify) tranche_doc_member_clear);
  return members;
}

static TrancheDocMember *
member_at (GArray *members,
           guint   i)
{
  return &g_array_index (members, TrancheDocMember, i);
}

static TrancheDocRange
element_at (TrancheDocument *self,
            int              array,
            guint            index)
{
  return g_array_index (self->elements[array], TrancheDocRange, index);
}

/* The file's line break, or NULL when it is all on one line. */
static const char *
newline_of (TrancheDocument *self)
{
  const char *nl = memchr (self->text->str, '\n', self->text->len);

  if (nl == NULL)
    return NULL;
  return nl > self->text->str && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* The white space before `offset` on its line, when nothing else is there
 * (the thing at `offset` starts its line); NULL otherwise. */
static char *
line_indent (TrancheDocument *self,
             gsize            offset)
{
  const char *text = self->text->str;
  gsize i = offset;

  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
    i--;
  if (i > 0 && text[i - 1] != '\n')
    return NULL;
  return g_strndup (text + i, offset - i);
}

/* One level of indentation: the root members' own, or two spaces. */
static char *
indent_unit (TrancheDocument *self)
{
  for (guint i = 0; i < self->members->len; i++)
    {
      g_autofree char *indent = line_indent (self, member_at (self->members, i)->key_offset);

      if (indent != NULL && indent[0] != '\0')
        return g_steal_pointer (&indent);
    }
  return g_strdup ("  ");
}

/* What to put between the last of a list and a new one: the bytes between
 * the last two, or with only one (at `only`), a comma then its line break
 * and indentation when it starts a line, else a space. */
static char *
separator (TrancheDocument *self,
           gsize            prev_end,
           gsize            next_start,
           gsize            only)
{
  g_autofree char *indent = NULL;

  if (next_start > prev_end)
    return g_strndup (self->text->str + prev_end, next_start - prev_end);
  indent = line_indent (self, only);
  if (indent != NULL && newline_of (self) != NULL)
    return g_strconcat (",", newline_of (self), indent, NULL);
  return g_strdup (", ");
}

static gboolean
not_an_object (TrancheDocumentArray   array,
               guint                  index,
               GError               **error)
{
  g_autofree char *path = tranche_document_element_path (array, index);

  g_set_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_OBJECT,
               _("%s is not a JSON object; fix it in a text editor first"), path);
  return FALSE;
}

/* The last of `members` named `key`, or -1. */
static int
find_member (GArray     *members,
             const char *key)
{
  for (guint i = members->len; i > 0; i--)
    if (g_str_equal (member_at (members, i - 1)->key, key))
      return i - 1;
  return -1;
}

/* `"key": value`, as it is written in a new member. */
static void
write_member (GString    *out,
              const char *key,
              const char *value)
{
  tranche_json_write_string (out, key);
  g_string_append (out, ": ");
  g_string_append (out, value);
}

/* The change that sets `key` to `value` among `members`, the members of
 * the object in text[open, close] (its braces); NULL when nothing changes. */
static TrancheDocChange *
member_change (TrancheDocument *self,
               GArray          *members,
               gsize            open,
               gsize            close,
               const char      *key,
               const char      *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sep = NULL;
  TrancheDocMember *last;
  int i = find_member (members, key);

  if (i >= 0)
    {
      TrancheDocMember *m = member_at (members, i);
      gsize old_len = m->value_end - m->value_offset;

      if (old_len == strlen (value)
          && memcmp (self->text->str + m->value_offset, value, old_len) == 0)
        return NULL;
      return tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_INNER, m->value_offset,
                                     old_len, value, strlen (value));
    }
  if (members->len == 0)
    {
      write_member (text, key, value);
      return tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_INNER, open + 1,
                                     close - open - 1, text->str, text->len);
    }
  last = member_at (members, members->len - 1);
  sep = members->len > 1
    ? separator (self, member_at (members, members->len - 2)->value_end, last->key_offset, 0)
    : separator (self, 0, 0, last->key_offset);
  g_string_append (text, sep);
  write_member (text, key, value);
  return tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_INNER, last->value_end, 0,
                                 text->str, text->len);
}

/* What removes members[i] of an object with its comma; `open` and `close`
 * are the object's braces. */
static void
member_removal (GArray *members,
                guint   i,
                gsize   open,
                gsize   close,
                gsize  *offset,
                gsize  *len)
{
  if (members->len == 1)
    {
      *offset = open + 1;
      *len = close - open - 1;
    }
  else if (i > 0)
    {
      *offset = member_at (members, i - 1)->value_end;
      *len = member_at (members, i)->value_end - *offset;
    }
  else
    {
      *offset = member_at (members, 0)->key_offset;
      *len = member_at (members, 1)->key_offset - *offset;
    }
}

gboolean
tranche_document_set_member (TrancheDocument       *self,
                             TrancheDocumentArray   array,
                             guint                  index,
                             const char            *member,
                             JsonNode              *value,
                             GError               **error)
{
  g_autoptr(TrancheDocMembers) members = members_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  TrancheDocChange *change;
  TrancheDocRange r;

  g_return_val_if_fail (index < tranche_document_get_n_elements (self, array), FALSE);
  g_return_val_if_fail (member != NULL && g_utf8_validate (member, -1, NULL), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  r = element_at (self, array, index);
  if (!tranche_doc_scan_members (self->text->str, r, members))
    return not_an_object (array, index, error);
  if (!tranche_json_write_value (text, value, error))
    return FALSE;
  change = member_change (self, members, r.start, r.end - 1, member, text->str);
  if (change != NULL)
    tranche_doc_commit (self, change);
  return TRUE;
}

gboolean
tranche_document_remove_member (TrancheDocument       *self,
                                TrancheDocumentArray   array,
                                guint                  index,
                                const char            *member,
                                GError               **error)
{
  g_autoptr(TrancheDocMembers) members = members_new ();
  TrancheDocRange r;
  gsize offset, len;
  int i;

  g_return_val_if_fail (index < tranche_document_get_n_elements (self, array), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  r = element_at (self, array, index);
  if (!tranche_doc_scan_members (self->text->str, r, members))
    return not_an_object (array, index, error);
  if ((i = find_member (members, member)) < 0)
    return TRUE;
  member_removal (members, i, r.start, r.end - 1, &offset, &len);
  tranche_doc_commit (self, tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_INNER,
                                                    offset, len, "", 0));
  return TRUE;
}

static gboolean
is_array_name (const char *key)
{
  for (guint a = 0; a < TRANCHE_DOCUMENT_N_ARRAYS; a++)
    if (g_str_equal (key, array_names[a]))
      return TRUE;
  return FALSE;
}

/* Where a new root member goes: before the first edited array, so that
 * "title" is not written after 100,000 events; a new array goes before
 * `events`, or last. */
static guint
new_root_member_position (TrancheDocument *self,
                          int              array)
{
  int events = tranche_doc_array_member (self, TRANCHE_DOCUMENT_EVENTS);

  if (array == TRANCHE_DOCUMENT_EVENTS)
    return self->members->len;
  if (array != TRANCHE_DOC_NO_ARRAY)
    return events >= 0 ? (guint) events : self->members->len;
  for (guint i = 0; i < self->members->len; i++)
    if (member_at (self->members, i)->array != TRANCHE_DOC_NO_ARRAY)
      return i;
  return self->members->len;
}

/* The splice that puts a root member `key` with `value` at `position`:
 * text[*offset, *offset + *old_len) becomes `text`, where the member's
 * name starts at the returned offset into `text`. */
static gsize
root_member_splice (TrancheDocument *self,
                    guint            position,
                    const char      *key,
                    const char      *value,
                    GString         *text,
                    gsize           *offset,
                    gsize           *old_len)
{
  GArray *members = self->members;
  g_autofree char *sep = NULL;
  gsize key_at;

  *old_len = 0;
  if (members->len == 0)
    {
      const char *nl = newline_of (self);
      g_autofree char *unit = indent_unit (self);

      *offset = self->root_open + 1;
      *old_len = self->root_close - *offset;
      if (nl != NULL)
        g_string_append_printf (text, "%s%s", nl, unit);
      key_at = text->len;
      write_member (text, key, value);
      if (nl != NULL)
        g_string_append (text, nl);
      return key_at;
    }
  if (position < members->len)
    {
      /* before members[position], separated from it as it is from the
       * one before (or after) it */
      TrancheDocMember *next = member_at (members, position);

      if (position > 0)
        sep = separator (self, member_at (members, position - 1)->value_end,
                         next->key_offset, 0);
      else if (members->len > 1)
        sep = separator (self, next->value_end, member_at (members, 1)->key_offset, 0);
      else
        sep = separator (self, 0, 0, next->key_offset);
      *offset = next->key_offset;
      write_member (text, key, value);
      g_string_append (text, sep);
      return 0;
    }
  {
    TrancheDocMember *last = member_at (members, members->len - 1);

    sep = members->len > 1
      ? separator (self, member_at (members, members->len - 2)->value_end,
                   last->key_offset, 0)
      : separator (self, 0, 0, last->key_offset);
    *offset = last->value_end;
    g_string_append (text, sep);
    key_at = text->len;
    write_member (text, key, value);
    return key_at;
  }
}

/* Adds a root member `key` with `value` at `position`; `elements` (offsets
 * into `value`) for an array the document edits. */
static void
add_root_member (TrancheDocument *self,
                 guint            position,
                 const char      *key,
                 const char      *value,
                 int              array,
                 GArray          *elements)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) quoted = g_string_new (NULL);
  TrancheDocChange *change;
  gsize offset, old_len, key_at;

  key_at = root_member_splice (self, position, key, value, text, &offset, &old_len);
  change = tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_ADD_MEMBER, offset, old_len,
                                   text->str, text->len);
  change->index = position;
  change->member.key = g_strdup (key);
  change->member.key_offset = offset + key_at;
  tranche_json_write_string (quoted, key);
  change->member.value_offset = change->member.key_offset + quoted->len + 2;
  change->member.value_end = change->member.value_offset + strlen (value);
  change->member.array = array;
  if (array != TRANCHE_DOC_NO_ARRAY)
    {
      change->elements = g_array_copy (elements);
      for (guint i = 0; i < elements->len; i++)
        {
          TrancheDocRange *e = &g_array_index (change->elements, TrancheDocRange, i);

          e->start += change->member.value_offset;
          e->end += change->member.value_offset;
        }
    }
  tranche_doc_commit (self, change);
}

gboolean
tranche_document_set_root_member (TrancheDocument  *self,
                                  const char       *member,
                                  JsonNode         *value,
                                  GError          **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  TrancheDocMember *m;
  int i;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (member != NULL && g_utf8_validate (member, -1, NULL), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_array_name (member))
    {
      g_set_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_RESERVED,
                   _("“%s” is edited one element at a time"), member);
      return FALSE;
    }
  if (!tranche_json_write_value (text, value, error))
    return FALSE;
  if ((i = tranche_doc_find_root_member (self, member)) < 0)
    {
      add_root_member (self, new_root_member_position (self, TRANCHE_DOC_NO_ARRAY), member,
                       text->str, TRANCHE_DOC_NO_ARRAY, NULL);
      return TRUE;
    }
  m = member_at (self->members, i);
  if (m->value_end - m->value_offset != text->len
      || memcmp (self->text->str + m->value_offset, text->str, text->len) != 0)
    tranche_doc_commit (self, tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_INNER,
                                                      m->value_offset,
                                                      m->value_end - m->value_offset,
                                                      text->str, text->len));
  return TRUE;
}

gboolean
tranche_document_remove_root_member (TrancheDocument  *self,
                                     const char       *member,
                                     GError          **error)
{
  TrancheDocChange *change;
  TrancheDocMember *m;
  gsize offset, len;
  int i;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  i = find_member (self->members, member);
  if (i < 0)
    return TRUE;
  m = member_at (self->members, i);
  member_removal (self->members, i, self->root_open, self->root_close, &offset, &len);
  change = tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_REMOVE_MEMBER, offset, len, "", 0);
  change->index = i;
  change->member = *m;
  change->member.key = g_strdup (m->key);
  if (m->array != TRANCHE_DOC_NO_ARRAY)
    change->elements = g_array_copy (self->elements[m->array]);
  tranche_doc_commit (self, change);
  return TRUE;
}

/* Writes `element` laid out like the last element of its array, or, in a
 * new or empty array whose elements are indented by `elem_indent`, as the
 * sample has them: events and sources one member per line, entities on
 * one line each. */
static gboolean
write_element (TrancheDocument  *self,
               int               array,
               JsonObject       *element,
               const char       *elem_indent,
               GString          *out,
               GError          **error)
{
  const char *nl = newline_of (self);
  guint n = tranche_document_get_n_elements (self, array);
  g_autofree char *indent = NULL;
  g_autofree char *close = NULL;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), element);
  gboolean lines;

  if (n > 0)
    {
      TrancheDocRange last = element_at (self, array, n - 1);
      g_autoptr(TrancheDocMembers) members = members_new ();

      lines = nl != NULL && memchr (self->text->str + last.start, '\n',
                                    last.end - last.start) != NULL;
      if (lines && tranche_doc_scan_members (self->text->str, last, members)
          && members->len > 0)
        {
          indent = line_indent (self, member_at (members, 0)->key_offset);
          close = line_indent (self, last.end - 1);
        }
      lines = lines && indent != NULL && close != NULL;
    }
  else
    {
      g_autofree char *unit = indent_unit (self);

      lines = nl != NULL && array != TRANCHE_DOCUMENT_ENTITIES;
      indent = g_strconcat (elem_indent, unit, NULL);
      close = g_strdup (elem_indent);
    }
  if (lines)
    return tranche_json_write_object_lines (out, element, indent, close, nl, error);
  return tranche_json_write_value (out, node, error);
}

/* Creates the missing `array` with `element` in it. */
static gboolean
create_array (TrancheDocument  *self,
              int               array,
              JsonObject       *element,
              GError          **error)
{
  const char *nl = newline_of (self);
  guint position = new_root_member_position (self, array);
  g_autoptr(GString) value = g_string_new ("[");
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (TrancheDocRange));
  g_autofree char *unit = indent_unit (self);
  g_autofree char *member_indent = NULL;
  g_autofree char *elem_indent = NULL;
  TrancheDocRange r;

  if (self->members->len > 0)
    {
      guint near = MIN (position, self->members->len - 1);

      member_indent = line_indent (self, member_at (self->members, near)->key_offset);
    }
  if (member_indent == NULL)
    member_indent = g_strdup (self->members->len > 0 ? "" : unit);
  elem_indent = g_strconcat (member_indent, unit, NULL);
  if (nl != NULL)
    g_string_append_printf (value, "%s%s", nl, elem_indent);
  r.start = value->len;
  if (!write_element (self, array, element, elem_indent, value, error))
    return FALSE;
  r.end = value->len;
  if (nl != NULL)
    g_string_append_printf (value, "%s%s", nl, member_indent);
  g_string_append_c (value, ']');
  g_array_append_val (elements, r);
  add_root_member (self, position, array_names[array], value->str, array, elements);
  return TRUE;
}

gboolean
tranche_document_append_element (TrancheDocument       *self,
                                 TrancheDocumentArray   array,
                                 JsonNode              *element,
                                 guint                 *index,
                                 GError               **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *nl = newline_of (self);
  g_autofree char *member_indent = NULL;
  g_autofree char *elem_indent = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *sep = NULL;
  TrancheDocChange *change;
  TrancheDocMember *m;
  TrancheDocRange r;
  gsize offset, old_len = 0;
  guint n;
  int i;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (array < TRANCHE_DOCUMENT_N_ARRAYS, FALSE);
  g_return_val_if_fail (element != NULL && JSON_NODE_HOLDS_OBJECT (element), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = tranche_document_get_n_elements (self, array);
  if ((i = tranche_doc_array_member (self, array)) < 0)
    {
      if (find_member (self->members, array_names[array]) >= 0)
        {
          g_set_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NOT_ARRAY,
                       _("“%s” is not an array; fix it in a text editor first"),
                       array_names[array]);
          return FALSE;
        }
      if (!create_array (self, array, json_node_get_object (element), error))
        return FALSE;
      if (index != NULL)
        *index = 0;
      return TRUE;
    }

  m = member_at (self->members, i);
  member_indent = line_indent (self, m->key_offset);
  unit = indent_unit (self);
  elem_indent = g_strconcat (member_indent ? member_indent : "", unit, NULL);
  if (n == 0)
    {
      /* `[]` (or with white space inside) becomes the element on a line
       * of its own, one level deeper than the array's member */
      offset = m->value_offset + 1;
      old_len = m->value_end - 1 - offset;
      if (nl != NULL)
        g_string_append_printf (text, "%s%s", nl, elem_indent);
    }
  else
    {
      TrancheDocRange last = element_at (self, array, n - 1);

      sep = n > 1
        ? separator (self, element_at (self, array, n - 2).end, last.start, 0)
        : separator (self, 0, 0, last.start);
      offset = last.end;
      g_string_append (text, sep);
    }
  r.start = offset + text->len;
  if (!write_element (self, array, json_node_get_object (element), elem_indent, text, error))
    return FALSE;
  r.end = offset + text->len;
  if (n == 0 && nl != NULL)
    g_string_append_printf (text, "%s%s", nl, member_indent ? member_indent : "");
  change = tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_ADD_ELEMENT, offset, old_len,
                                   text->str, text->len);
  change->range = r;
  change->array = array;
  change->index = n;
  tranche_doc_commit (self, change);
  if (index != NULL)
    *index = n;
  return TRUE;
}

/* An id for a copy of `id` that appears nowhere in the array's text, so no
 * element of it has it. */
static char *
unused_copy_id (TrancheDocument *self,
                int              array,
                const char      *id)
{
  TrancheDocMember *m = member_at (self->members, tranche_doc_array_member (self, array));
  const char *haystack = self->text->str + m->value_offset;
  gsize len = m->value_end - m->value_offset;

  for (guint k = 1;; k++)
    {
      g_autofree char *candidate = k == 1 ? g_strdup_printf ("%s-copy", id)
                                          : g_strdup_printf ("%s-copy-%u", id, k);
      g_autoptr(GString) quoted = g_string_new (NULL);

      tranche_json_write_string (quoted, candidate);
      if (memmem (haystack, len, quoted->str, quoted->len) == NULL)
        return g_steal_pointer (&candidate);
    }
}

gboolean
tranche_document_duplicate_element (TrancheDocument       *self,
                                    TrancheDocumentArray   array,
                                    guint                  index,
                                    guint                 *copy_index,
                                    GError               **error)
{
  g_autoptr(TrancheDocMembers) members = members_new ();
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autofree char *sep = NULL;
  TrancheDocChange *change;
  TrancheDocRange r;
  guint n;
  int id;

  g_return_val_if_fail (index < tranche_document_get_n_elements (self, array), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = tranche_document_get_n_elements (self, array);
  r = element_at (self, array, index);
  if (!tranche_doc_scan_members (self->text->str, r, members))
    return not_an_object (array, index, error);
  g_string_append_len (copy, self->text->str + r.start, r.end - r.start);
  id = find_member (members, "id");
  if (id >= 0)
    {
      TrancheDocMember *m = member_at (members, id);
      g_autofree char *old_id = g_strndup (self->text->str + m->value_offset,
                                           m->value_end - m->value_offset);
      g_autoptr(JsonNode) value = json_from_string (old_id, NULL);
      g_autoptr(GString) written = g_string_new (NULL);
      g_autofree char *new_id = NULL;

      if (value != NULL && JSON_NODE_HOLDS_VALUE (value)
          && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          new_id = unused_copy_id (self, array, json_node_get_string (value));
          tranche_json_write_string (written, new_id);
          g_string_erase (copy, m->value_offset - r.start, m->value_end - m->value_offset);
          g_string_insert_len (copy, m->value_offset - r.start, written->str, written->len);
        }
    }

  if (index + 1 < n)
    sep = separator (self, r.end, element_at (self, array, index + 1).start, 0);
  else if (index > 0)
    sep = separator (self, element_at (self, array, index - 1).end, r.start, 0);
  else
    sep = separator (self, 0, 0, r.start);
  g_string_prepend (copy, sep);
  change = tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_ADD_ELEMENT, r.end, 0,
                                   copy->str, copy->len);
  change->array = array;
  change->index = index + 1;
  change->range.start = r.end + strlen (sep);
  change->range.end = r.end + copy->len;
  tranche_doc_commit (self, change);
  if (copy_index != NULL)
    *copy_index = index + 1;
  return TRUE;
}

void
tranche_document_delete_element (TrancheDocument      *self,
                                 TrancheDocumentArray  array,
                                 guint                 index)
{
  TrancheDocChange *change;
  TrancheDocMember *m;
  TrancheDocRange r;
  gsize offset, len;
  guint n;

  g_return_if_fail (index < tranche_document_get_n_elements (self, array));

  n = tranche_document_get_n_elements (self, array);
  r = element_at (self, array, index);
  m = member_at (self->members, tranche_doc_array_member (self, array));
  if (n == 1)
    {
      /* the array becomes `[]` */
      offset = m->value_offset + 1;
      len = m->value_end - 1 - offset;
    }
  else if (index > 0)
    {
      offset = element_at (self, array, index - 1).end;
      len = r.end - offset;
    }
  else
    {
      offset = r.start;
      len = element_at (self, array, 1).start - offset;
    }
  change = tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_REMOVE_ELEMENT, offset, len,
                                   "", 0);
  change->array = array;
  change->index = index;
  change->range = r;
  tranche_doc_commit (self, change);
}
