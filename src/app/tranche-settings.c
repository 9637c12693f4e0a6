/* tranche-settings.c: the app's settings, found wherever Tranche runs from
 *
 * g_settings_new() aborts the process when its schema is not installed
 * where GLib looks (XDG_DATA_DIRS, GSETTINGS_SCHEMA_DIR), which is the case
 * of a Tranche installed into a prefix of its own (/opt/tranche, a test
 * prefix). So the schema is looked up in this order, once:
 *
 * 1. where GLib looks (an installed Tranche, or the build tree: src/main.c
 *    points GSETTINGS_SCHEMA_DIR there);
 * 2. in the prefix Tranche was configured for (DATADIR/glib-2.0/schemas),
 *    where `meson install` compiles it;
 * 3. the copy compiled into the binary's GResource, with the settings kept
 *    in memory (not saved) and one warning that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "tranche-settings.h"

#define SCHEMA_RESOURCE "/org/tranche/Tranche/gschemas.compiled"

static GSettingsSchema  *schema;
static GSettingsBackend *backend;   /* NULL: GLib's default, settings are saved */

static GSettingsSchema *
lookup_in_directory (const char *dir)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);

  if (!g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    return NULL;
  source = g_settings_schema_source_new_from_directory (dir,
                                                        g_settings_schema_source_get_default (),
                                                        FALSE, NULL);
  return source != NULL ? g_settings_schema_source_lookup (source, APP_ID, FALSE) : NULL;
}

/* The compiled schema bundled in the binary, through a file that exists only
 * while GLib maps it (a schema source reads a directory, not bytes). */
static GSettingsSchema *
lookup_in_resource (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *compiled = NULL;
  GSettingsSchema *found = NULL;

  if (bytes == NULL)
    return NULL;
  dir = g_dir_make_tmp ("tranche-schema-XXXXXX", NULL);
  if (dir == NULL)
    return NULL;
  compiled = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_set_contents (compiled, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           NULL))
    found = lookup_in_directory (dir);
  g_unlink (compiled);
  g_rmdir (dir);
  return found;
}

static void
find_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    schema = lookup_in_directory (DATADIR G_DIR_SEPARATOR_S "glib-2.0" G_DIR_SEPARATOR_S
                                  "schemas");
  if (schema != NULL)
    return;
  schema = lookup_in_resource ();
  /* Without it the app would not start: the bundled copy must be there. */
  g_assert (schema != NULL);
  backend = g_memory_settings_backend_new ();
  g_warning ("The settings schema %s is not installed: preferences will not be saved", APP_ID);
}

/* A new GSettings for APP_ID; all share one schema and one backend. */
GSettings *
tranche_settings_new (void)
{
  static gsize found = 0;

  if (g_once_init_enter (&found))
    {
      find_schema ();
      g_once_init_leave (&found, 1);
    }
  return g_settings_new_full (schema, backend, NULL);
}
