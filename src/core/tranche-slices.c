/* tranche-slices.c: GLib's slice allocator, and whether threads can share it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tranche-slices.h"

/* since this version g_slice_alloc() is g_malloc() */
#define MALLOC_SLICES_MAJOR 2
#define MALLOC_SLICES_MINOR 76

static gboolean
glib_slices_are_malloc (void)
{
  return glib_check_version (MALLOC_SLICES_MAJOR, MALLOC_SLICES_MINOR, 0) == NULL;
}

gboolean
tranche_slices_are_malloc (void)
{
  const char *config = g_getenv ("G_SLICE");

  return glib_slices_are_malloc ()
         || (config != NULL && strstr (config, "always-malloc") != NULL);
}

void
tranche_slices_use_malloc (char **argv)
{
  if (tranche_slices_are_malloc () || g_getenv ("G_SLICE") != NULL)
    return;
  if (!g_setenv ("G_SLICE", "always-malloc", TRUE))
    return;
  /* /proc/self/exe is this very binary, wherever argv[0] points */
  execv ("/proc/self/exe", argv);
  /* still here: carry on as we are, and say so to threads */
  g_unsetenv ("G_SLICE");
}
