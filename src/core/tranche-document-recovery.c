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

/* The text kept for this document, or NULL. */
static char *
read_recovery (TrancheDocument  *self,
               GError          **error)
{
  g_autofree char *file = recovery_path (self);
  g_autofree char *path = kept_path (self);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  const char *kept;

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR)
      || !json_parser_load_from_file (parser, file, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NO_RECOVERY,
                           _("No unsaved changes were kept for this file"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  kept = json_object_get_string_member_with_default (root, "path", NULL);
  if (json_object_get_int_member_with_default (root, "tranche-recovery", 0) != 1
      || g_strcmp0 (kept, path) != 0
      || json_object_get_string_member_with_default (root, "text", NULL) == NULL)
    {
      g_set_error_literal (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NO_RECOVERY,
                           _("No unsaved changes were kept for this file"));
      return NULL;
    }
  return g_strdup (json_object_get_string_member (root, "text"));
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
