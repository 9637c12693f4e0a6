/* tranche-csv-names.c: ids from names, and the lists a cell holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-csv-names.h"

#define MAX_ID_LENGTH 48

/* The format's id pattern, [a-z0-9][a-z0-9._-]*, from a name. */
char *
tranche_csv_slug (const char *name,
                  const char *fallback)
{
  g_autofree char *ascii = NULL;
  GString *id;
  gboolean dash = FALSE;

  g_return_val_if_fail (name != NULL && fallback != NULL, NULL);
  /* g_str_to_ascii() looks every character up: most names are ASCII already */
  for (const char *p = name; *p != '\0' && ascii == NULL; p++)
    if ((guchar) *p >= 0x80)
      ascii = g_str_to_ascii (name, "C");
  if (ascii != NULL)
    name = ascii;
  id = g_string_new (NULL);
  for (const char *p = name; *p != '\0' && id->len < MAX_ID_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p) || (*p == '.' && id->len > 0 && g_ascii_isalnum (p[1])))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          dash = FALSE;
          g_string_append_c (id, g_ascii_tolower (*p));
        }
      else
        dash = TRUE;
    }
  if (id->len == 0)
    g_string_append (id, fallback);
  return g_string_free (id, FALSE);
}

/* `base`, else base-2, base-3…: the first not in `used`, then marked used. */
char *
tranche_csv_unique_id (GHashTable *used,
                       const char *base)
{
  char *id;

  g_return_val_if_fail (used != NULL && base != NULL, NULL);
  id = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (used, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (used, g_strdup (id));
  return id;
}

/* "Foo, Inc." is one name: a company suffix alone joins the name before it. */
static gboolean
is_company_suffix (const char *item)
{
  static const char * const suffixes[] = {
    "inc", "inc.", "llc", "ltd", "ltd.", "lp", "l.p.", "llp", "plc", "sa", "sas", "sarl",
    "gmbh", "ag", "co", "co.", "corp", "corp.", "bv", "b.v.", "nv", "n.v.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_ascii_strcasecmp (item, suffixes[i]) == 0)
      return TRUE;
  return FALSE;
}

GStrv
tranche_csv_split_list (const char *text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GString) item = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  for (const char *p = text;; p++)
    {
      if (*p == '"')
        {
          if (quoted && p[1] == '"')
            g_string_append_c (item, *++p);
          else
            quoted = !quoted;
          was_quoted = TRUE;
        }
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          char *name = g_strstrip (g_strdup (item->str));

          if (name[0] == '\0')
            g_free (name);
          else if (!was_quoted && items->len > 0 && is_company_suffix (name))
            {
              char *joined = g_strdup_printf ("%s, %s", (char *) items->pdata[items->len - 1],
                                              name);

              g_free (items->pdata[items->len - 1]);
              items->pdata[items->len - 1] = joined;
              g_free (name);
            }
          else
            g_ptr_array_add (items, name);
          g_string_truncate (item, 0);
          was_quoted = FALSE;
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (item, *p);
    }
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_steal (items, NULL);
}

gboolean
tranche_csv_looks_like_url (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://")
         || g_str_has_prefix (text, "www.");
}

/* Items of the sources cell: one a line, or several URLs on a line
 * separated by spaces or commas. */
GPtrArray *
tranche_csv_split_sources (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GPtrArray *items;

  g_return_val_if_fail (text != NULL, NULL);
  lines = g_strsplit_set (text, "\n", -1);
  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t,;", -1);
      gboolean all_urls = TRUE, any = FALSE;

      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0')
          {
            any = TRUE;
            all_urls = all_urls && tranche_csv_looks_like_url (words[w]);
          }
      if (!any)
        continue;
      if (all_urls)
        {
          for (guint w = 0; words[w] != NULL; w++)
            if (words[w][0] != '\0')
              g_ptr_array_add (items, g_strdup (words[w]));
        }
      else
        g_ptr_array_add (items, g_strdup (lines[i]));
    }
  return items;
}
