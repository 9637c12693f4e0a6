/* tranche-allocator.c: how the process allocates, chosen before it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

gboolean
tranche_allocator_prepare_restart (void)
{
  /* set by the user or by the first start: leave it */
  if (g_getenv ("G_SLICE") != NULL || tranche_allocator_slices_are_malloc ())
    return FALSE;
  if (!g_setenv ("G_SLICE", "always-malloc", TRUE))
    return FALSE;
  return TRUE;
}

/* About 7,000 events: well past where the loader starts its threads, and
 * where a load takes a few times what the restart costs. */
#define RESTART_MIN_BYTES (2 * 1024 * 1024)

gboolean
tranche_allocator_restart_pays_off (goffset largest_input)
{
  return largest_input >= RESTART_MIN_BYTES;
}

void
tranche_allocator_restart_failed (void)
{
  /* carry on as we are, and tell the loader so */
  g_unsetenv ("G_SLICE");
}
