/* tranche-text-file.c: a source's text_file, read only inside its folder
 *
 * Datasets come from anyone: a text_file must not read what lies outside
 * the dataset's folder, by an absolute path, by "..", or by a link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-loader-private.h"

/* Does the path stay inside its folder, read as text, before any link? */
static gboolean
relative_path_stays_inside (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  int depth = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        {
          if (--depth < 0)
            return FALSE;
        }
      else if (parts[i][0] != '\0' && !g_str_equal (parts[i], "."))
        depth++;
    }
  return TRUE;
}

/* The text of a source's text_file, shared in the dataset, or NULL after
 * reporting why not. Each file is read once however many sources name it:
 * 2,000 sources naming one 1 MB file took 6 s and 2 GB. */
const char *
tranche_text_file_read (Loader     *self,
                        const char *relative)
{
  gpointer shared;
  g_autofree char *path = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *real_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *quoted = tranche_problems_shorten (relative);
  gsize length;

  if (self->folder == NULL)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" not read: this dataset comes from no "
                                              "folder; give the text in \"text\" instead"),
              quoted);
      return NULL;
    }
  if (relative[0] == '\0')
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected the name of a text file beside the "
                                              "dataset, got an empty string"));
      return NULL;
    }
  if (g_path_is_absolute (relative))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" refused: absolute paths are not read; "
                                              "give a path relative to the dataset's folder"),
              quoted);
      return NULL;
    }
  if (!relative_path_stays_inside (relative))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" refused: it leaves the dataset's "
                                              "folder"), quoted);
      return NULL;
    }

  path = g_build_filename (self->folder, relative, NULL);
  /* a symbolic link inside the folder may still point outside of it */
  real_folder = realpath (self->folder, NULL);
  real_path = realpath (path, NULL);
  if (real_folder != NULL && real_path != NULL
      && !(g_str_has_prefix (real_path, real_folder)
           && (real_path[strlen (real_folder)] == '/' || g_str_equal (real_folder, "/"))))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" refused: it leads out of the dataset's "
                                              "folder through a link"), quoted);
      return NULL;
    }

  /* by the file it is, whatever the path's spelling */
  if (real_path != NULL
      && g_hash_table_lookup_extended (self->text_files, real_path, NULL, &shared))
    {
      if (shared == NULL)
        report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" is not UTF-8 text; save it as UTF-8"),
                quoted);
      return shared;
    }
  /* a named pipe would block the load until someone writes to it */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" not read: it is not a regular file"),
              quoted);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("can't read \"%s\": %s"), quoted, error->message);
      return NULL;
    }
  shared = g_utf8_validate_len (contents, length, NULL)
           ? (gpointer) tranche_dataset_builder_share_text (self->builder, contents) : NULL;
  if (real_path != NULL)
    g_hash_table_insert (self->text_files, g_steal_pointer (&real_path), shared);
  if (shared == NULL)
    report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" is not UTF-8 text; save it as UTF-8"),
            quoted);
  return shared;
}
