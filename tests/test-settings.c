/* test-settings.c: tranche_settings_new() finds the schema where GLib looks,
 * and without any installed schema starts with in-memory settings and one
 * warning instead of aborting the process
 *
 * Each case runs in a subprocess: the schema is looked up once per process.
 * No display is needed.
 */
#include "config.h"

#include <glib/gstdio.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "tranche-settings.h"

static void
assert_schema (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_id (schema), ==, APP_ID);
  g_assert_true (g_settings_schema_has_key (schema, "lane-grouping"));
}

/* The tests' environment points GSETTINGS_SCHEMA_DIR at the build's schema. */
static void
test_found (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = tranche_settings_new ();

      assert_schema (settings);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*not installed*");
}

static void
test_missing (void)
{
  g_autofree char *installed = g_build_filename (DATADIR, "glib-2.0", "schemas",
                                                 "gschemas.compiled", NULL);

  if (g_test_subprocess ())
    {
      g_autofree char *empty = g_dir_make_tmp ("tranche-no-schema-XXXXXX", NULL);
      g_autoptr(GSettings) first = NULL;
      g_autoptr(GSettings) second = NULL;
      g_autoptr(GSettingsBackend) backend = NULL;

      /* Nowhere GLib looks has a schema, and the default backend would be
       * whatever the machine has: the fallback must choose memory itself. */
      g_assert_nonnull (empty);
      g_setenv ("GSETTINGS_SCHEMA_DIR", empty, TRUE);
      g_setenv ("XDG_DATA_DIRS", empty, TRUE);
      g_setenv ("XDG_DATA_HOME", empty, TRUE);
      g_unsetenv ("GSETTINGS_BACKEND");
      /* The warning is expected: checked on stderr by the parent. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      first = tranche_settings_new ();
      second = tranche_settings_new ();
      g_rmdir (empty);
      assert_schema (first);
      g_object_get (first, "backend", &backend, NULL);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (backend), ==, "GMemorySettingsBackend");
      /* One store for every settings object of the process. */
      g_settings_set_enum (first, "lane-grouping", 2);
      g_assert_cmpint (g_settings_get_enum (second, "lane-grouping"), ==, 2);
      return;
    }
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("a schema is installed in %s", installed);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*The settings schema " APP_ID " is not installed*");
  /* One warning, not one per window or dialog. */
  g_test_trap_assert_stderr_unmatched ("*not installed*not installed*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings/found", test_found);
  g_test_add_func ("/settings/missing-schema", test_missing);
  return g_test_run ();
}
