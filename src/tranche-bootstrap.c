/* tranche-bootstrap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tranche-allocator.h"
#include "tranche-bootstrap.h"

#define UNINSTALLED_MARKER "tranche-uninstalled.ini"
#define WINDOW_PROGRAM "tranche-window"

/* Big files load faster with the allocator set up for it, which GLib and
 * glibc read only when a process starts (tranche-allocator.h): so the
 * process starts again once, before it reads one. */
void
tranche_bootstrap_restart_tuned (const char  *program,
                                 char       **argv)
{
  if (!tranche_allocator_prepare_restart ())
    return;
  /* /proc/self/exe is this very binary, wherever argv[0] points */
  execv (program != NULL ? program : "/proc/self/exe", argv);
  /* still here: carry on as we are */
  tranche_allocator_restart_failed ();
}

goffset
tranche_bootstrap_largest_file (const char * const *files)
{
  goffset largest = 0;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      GStatBuf st;

      if (g_stat (files[i], &st) == 0 && st.st_size > largest)
        largest = st.st_size;
    }
  return largest;
}

static char *
program_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

/* Run from the build tree (build-aux/run.sh, tests), the schema and the
 * translations are not installed: meson copies tranche-uninstalled.ini beside
 * the binaries there (never installed), which names the build's own, so the
 * window opens and speaks French there too. An installed Tranche has no such
 * file and finds its own. The check must come before anything creates the
 * default settings schema source. */
void
tranche_bootstrap_use_build_tree (void)
{
  static const char * const vars[][2] = {
    { "GSETTINGS_SCHEMA_DIR", "SchemaDir" },
    { "TRANCHE_LOCALEDIR", "LocaleDir" },
  };
  g_autofree char *dir = program_dir ();
  g_autofree char *marker = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  if (dir == NULL)
    return;
  marker = g_build_filename (dir, UNINSTALLED_MARKER, NULL);
  /* Tested first: a failed open would format its error before setlocale(),
   * and GLib keeps that untranslated strerror() text for the whole run. */
  if (!g_file_test (marker, G_FILE_TEST_IS_REGULAR)
      || !g_key_file_load_from_file (keys, marker, G_KEY_FILE_NONE, NULL))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *relative = g_key_file_get_string (keys, "Build tree", vars[i][1], NULL);
      g_autofree char *path = NULL;

      if (relative == NULL || g_getenv (vars[i][0]) != NULL)
        continue;
      path = g_canonicalize_filename (relative, dir);
      g_setenv (vars[i][0], path, TRUE);
    }
}

char *
tranche_bootstrap_window_program (void)
{
  g_autofree char *dir = program_dir ();
  g_autofree char *marker = NULL;

  if (dir != NULL)
    {
      marker = g_build_filename (dir, UNINSTALLED_MARKER, NULL);
      if (g_file_test (marker, G_FILE_TEST_IS_REGULAR))
        return g_build_filename (dir, WINDOW_PROGRAM, NULL);
    }
  return g_build_filename (LIBEXECDIR, WINDOW_PROGRAM, NULL);
}
