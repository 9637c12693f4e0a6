/* tranche-json-write.c: JSON values written the way an analyst writes them
 *
 * json-glib's generator writes either everything on one line with no spaces
 * or every nested member on its own line; neither is what a file edited by
 * hand looks like, and both would make a one-field edit a noisy diff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "tranche-json-write.h"

void
tranche_json_write_string (GString    *out,
                           const char *str)
{
  const char *run = str;
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  g_string_append_c (out, '"');
  /* plain runs are copied whole: most strings need no escape at all */
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as `value`, so 0.1 stays "0.1". */
static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

static gboolean write_node (GString  *out,
                            JsonNode *node,
                            GError  **error);

static gboolean
write_scalar (GString  *out,
              JsonNode *node,
              GError  **error)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (!isfinite (value))
        return refuse (error, _("JSON can't hold an infinite number or one that is not a "
                                "number"));
      write_double (out, value);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);

      if (!g_utf8_validate (str, -1, NULL))
        return refuse (error, _("A text to write is not valid UTF-8"));
      tranche_json_write_string (out, str);
    }
  else
    return refuse (error, _("A value of a type JSON can't hold"));
  return TRUE;
}

static gboolean
write_object_inline (GString    *out,
                     JsonObject *object,
                     GError    **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      if (!g_utf8_validate (name, -1, NULL))
        return refuse (error, _("A member name to write is not valid UTF-8"));
      tranche_json_write_string (out, name);
      g_string_append (out, ": ");
      if (!write_node (out, member, error))
        return FALSE;
    }
  g_string_append_c (out, '}');
  return TRUE;
}

static gboolean
write_node (GString  *out,
            JsonNode *node,
            GError  **error)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;
    case JSON_NODE_VALUE:
      return write_scalar (out, node, error);
    case JSON_NODE_OBJECT:
      return write_object_inline (out, json_node_get_object (node), error);
    case JSON_NODE_ARRAY:
    default:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            if (!write_node (out, json_array_get_element (array, i), error))
              return FALSE;
          }
        g_string_append_c (out, ']');
        return TRUE;
      }
    }
}

gboolean
tranche_json_write_value (GString   *out,
                          JsonNode  *node,
                          GError   **error)
{
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = out->len;
  if (write_node (out, node, error))
    return TRUE;
  g_string_truncate (out, len);
  return FALSE;
}

gboolean
tranche_json_write_object_lines (GString     *out,
                                 JsonObject  *object,
                                 const char  *indent,
                                 const char  *close_indent,
                                 const char  *newline,
                                 GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = out->len;
  if (json_object_get_size (object) == 0)
    {
      g_string_append (out, "{}");
      return TRUE;
    }
  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_string_append (out, first ? "" : ",");
      g_string_append (out, newline);
      g_string_append (out, indent);
      first = FALSE;
      if (!g_utf8_validate (name, -1, NULL))
        {
          g_string_truncate (out, len);
          return refuse (error, _("A member name to write is not valid UTF-8"));
        }
      tranche_json_write_string (out, name);
      g_string_append (out, ": ");
      if (!write_node (out, member, error))
        {
          g_string_truncate (out, len);
          return FALSE;
        }
    }
  g_string_append (out, newline);
  g_string_append (out, close_indent);
  g_string_append_c (out, '}');
  return TRUE;
}
