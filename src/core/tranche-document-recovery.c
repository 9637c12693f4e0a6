/* tranche-document-recovery.c: unsaved text kept across a crash
 *
 * One file per document in g_get_user_state_dir()/tranche/recovery/, named
 * by a hash of the document's absolute path (or, for a document with no
 * file yet, by its own random name), holding
 *   {"tranche-recovery": 1, "path": "/abs/file.json", "text": "…"}
 * The path is kept inside too: a hash names the file, the path proves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tranche-atomic-file.h"
#include "tranche-document-private.h"
#include "tranche-json-write.h"

static char *
absolute_path (TrancheDocument *self)
{
  return self->filename != NULL ? g_canonicalize_filename (self->filename, NULL) : NULL;
}

/* The path as the recovery file holds it: as text, or as a URI when it is
 * not UTF-8 (JSON holds only text). */
static char *
kept_path (TrancheDocument *self)
{
  g_autofree char *path = absolute_path (self);

  if (path == NULL || g_utf8_validate (path, -1, NULL))
    return g_steal_pointer (&path);
  return g_filename_to_uri (path, NULL, NULL);
}

static char *
recovery_path (TrancheDocument *self)
{
  g_autofree char *path = absolute_path (self);
  g_autofree char *name = NULL;

  if (path != NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

      name = g_strconcat (hash, ".json", NULL);
    }
  else
    name = g_strconcat ("untitled-", self->untitled_id, ".json", NULL);
  return g_build_filename (g_get_user_state_dir (), "tranche", "recovery", name, NULL);
}

gboolean
tranche_document_write_recovery (TrancheDocument  *self,
                                 GError          **error)
{
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = recovery_path (self);
  dir = g_path_get_dirname (file);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  path = kept_path (self);
  out = g_string_sized_new (self->text->len + self->text->len / 8 + 128);
  g_string_append (out, "{\"tranche-recovery\": 1, \"path\": ");
  if (path != NULL)
    tranche_json_write_string (out, path);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n\"text\": ");
  /* the text passed the UTF-8 check and holds no NUL */
  tranche_json_write_string (out, self->text->str);
  g_string_append (out, "}\n");
  return tranche_atomic_file_write (file, out->str, out->len, NULL, error);
}

static gboolean
no_recovery (GError **error)
{
  g_set_error_literal (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NO_RECOVERY,
                       _("No unsaved changes were kept for this file"));
  return FALSE;
}

/* The text a recovery file holds, and the path it was for (NULL: a
 * document with no file), or NULL. */
static char *
parse_recovery (const char  *file,
                char       **kept,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  const char *text;

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR)
      || !json_parser_load_from_file (parser, file, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      no_recovery (error);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  text = json_object_get_string_member_with_default (root, "text", NULL);
  if (json_object_get_int_member_with_default (root, "tranche-recovery", 0) != 1
      || text == NULL)
    {
      no_recovery (error);
      return NULL;
    }
  *kept = g_strdup (json_object_get_string_member_with_default (root, "path", NULL));
  return g_strdup (text);
}

/* The text kept for this document, or NULL. */
static char *
read_recovery (TrancheDocument  *self,
               GError          **error)
{
  g_autofree char *file = recovery_path (self);
  g_autofree char *path = kept_path (self);
  g_autofree char *kept = NULL;
  g_autofree char *text = parse_recovery (file, &kept, error);

  if (text == NULL)
    return NULL;
  /* a hash names the file, the path inside proves it is this one's */
  if (g_strcmp0 (kept, path) != 0)
    {
      no_recovery (error);
      return NULL;
    }
  return g_steal_pointer (&text);
}

char *
tranche_document_find_recovery (TrancheDocument *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), NULL);

  if ((text = read_recovery (self, NULL)) == NULL)
    return NULL;
  return recovery_path (self);
}

gboolean
tranche_document_restore_recovery (TrancheDocument  *self,
                                   GError          **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrancheDocument) check = NULL;
  gsize len;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((text = read_recovery (self, error)) == NULL)
    return FALSE;
  len = strlen (text);
  /* the document must stay editable: the recovered text has to scan */
  bytes = g_bytes_new_static (text, len);
  if ((check = tranche_document_new_from_bytes (bytes, NULL, error)) == NULL)
    return FALSE;
  if (len == self->text->len && memcmp (text, self->text->str, len) == 0)
    return TRUE;
  tranche_doc_commit (self, tranche_doc_change_new (self, TRANCHE_DOC_CHANGE_REPLACE_ALL, 0,
                                                    self->text->len, text, len));
  return TRUE;
}

gboolean
tranche_document_discard_recovery (TrancheDocument  *self,
                                   GError          **error)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = recovery_path (self);
  if (g_unlink (file) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not delete “%s”: %s"), file, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  GStatBuf sa, sb;
  const char *fa = *(const char *const *) a;
  const char *fb = *(const char *const *) b;

  if (g_stat (fa, &sa) != 0 || g_stat (fb, &sb) != 0)
    return g_strcmp0 (fa, fb);
  return sa.st_mtime > sb.st_mtime ? -1 : sa.st_mtime < sb.st_mtime;
}

GPtrArray *
tranche_document_list_recoveries (void)
{
  g_autofree char *dir_path = g_build_filename (g_get_user_state_dir (), "tranche",
                                                "recovery", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, newest_first);
  return files;
}

TrancheDocument *
tranche_document_new_from_recovery (const char  *file,
                                    GError     **error)
{
  g_autoptr(TrancheDocument) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  char *text;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((text = parse_recovery (file, &kept, error)) == NULL)
    return NULL;
  bytes = g_bytes_new_take (text, strlen (text));
  if (kept != NULL)
    path = kept[0] == '/' ? g_strdup (kept) : g_filename_from_uri (kept, NULL, NULL);
  /* the file is still there: open it and restore over it, so that undo
   * goes back to what is on disk */
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      self = tranche_document_new_from_file (path, NULL);
      if (self != NULL && tranche_document_restore_recovery (self, NULL))
        return g_steal_pointer (&self);
      g_clear_object (&self);
    }
  if ((self = tranche_document_new_from_bytes (bytes, path, error)) == NULL)
    return NULL;
  /* the recovery is this document's now, under the name it had */
  base = g_path_get_basename (file);
  if (path == NULL && g_str_has_prefix (base, "untitled-") && g_str_has_suffix (base, ".json"))
    {
      g_free (self->untitled_id);
      self->untitled_id = g_strndup (base + strlen ("untitled-"),
                                     strlen (base) - strlen ("untitled-") - strlen (".json"));
    }
  /* nothing on disk has this text: a state no step reaches */
  self->saved_state = G_MAXUINT64;
  return g_steal_pointer (&self);
}
