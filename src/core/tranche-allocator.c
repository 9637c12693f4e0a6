/* tranche-allocator.c: how the process allocates, chosen before it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "tranche-allocator.h"

/* since this version g_slice_alloc() is g_malloc() */
#define MALLOC_SLICES_MAJOR 2
#define MALLOC_SLICES_MINOR 76

gboolean
tranche_allocator_slices_are_malloc (void)
{
  const char *config = g_getenv ("G_SLICE");

  return glib_check_version (MALLOC_SLICES_MAJOR, MALLOC_SLICES_MINOR, 0) == NULL
         || (config != NULL && strstr (config, "always-malloc") != NULL);
}

void
tranche_allocator_tune (char **argv)
{
  /* set by the user or by the first start: leave it */
  if (g_getenv ("G_SLICE") != NULL || tranche_allocator_slices_are_malloc ())
    return;
  if (!g_setenv ("G_SLICE", "always-malloc", TRUE))
    return;
  g_setenv ("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", FALSE);
  /* /proc/self/exe is this very binary, wherever argv[0] points */
  execv ("/proc/self/exe", argv);
  /* still here: carry on as we are, and tell the loader so */
  g_unsetenv ("G_SLICE");
}
