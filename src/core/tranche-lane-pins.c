/* tranche-lane-pins.c: pinned timeline lanes, per dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "tranche-lane-pins.h"

#define STATE_FILE "pinned-lanes.ini"

gboolean
tranche_lane_pins_find (GPtrArray  *keys,
                        const char *key,
                        guint      *position)
{
  g_return_val_if_fail (keys != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < keys->len; i++)
    if (strcmp (g_ptr_array_index (keys, i), key) == 0)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
tranche_lane_pins_apply (GPtrArray            *keys,
                         const char           *key,
                         TrancheLanePinAction  action)
{
  guint at = 0;
  gboolean found;
  gpointer moved;

  g_return_val_if_fail (keys != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  found = tranche_lane_pins_find (keys, key, &at);
  switch (action)
    {
    case TRANCHE_LANE_PIN_TO_TOP:
      if (found && at == 0)
        return FALSE;
      moved = found ? g_ptr_array_steal_index (keys, at) : g_strdup (key);
      g_ptr_array_insert (keys, 0, moved);
      return TRUE;
    case TRANCHE_LANE_PIN_UP:
    case TRANCHE_LANE_PIN_DOWN:
      {
        guint to = action == TRANCHE_LANE_PIN_UP ? at - 1 : at + 1;

        if (!found || (action == TRANCHE_LANE_PIN_UP && at == 0) || to >= keys->len)
          return FALSE;
        moved = keys->pdata[at];
        keys->pdata[at] = keys->pdata[to];
        keys->pdata[to] = moved;
        return TRUE;
      }
    case TRANCHE_LANE_PIN_REMOVE:
      if (!found)
        return FALSE;
      g_ptr_array_remove_index (keys, at);
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "tranche", STATE_FILE, NULL);
}

/* Key-file groups can't hold every path ('[', ']', control characters):
 * each dataset's group is named by a checksum of its id, and holds the id. */
static char *
group_for (const char *id)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
}

GPtrArray *
tranche_lane_pins_load (const char *id)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = state_path ();
  g_autofree char *group = NULL;
  g_auto(GStrv) lanes = NULL;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (id != NULL, keys);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return keys;
  group = group_for (id);
  lanes = g_key_file_get_string_list (file, group, "lanes", NULL, NULL);
  for (guint i = 0; lanes != NULL && lanes[i] != NULL; i++)
    if (*lanes[i] != '\0' && !tranche_lane_pins_find (keys, lanes[i], NULL))
      g_ptr_array_add (keys, g_strdup (lanes[i]));
  return keys;
}

gboolean
tranche_lane_pins_save (const char  *id,
                        GPtrArray   *keys,
                        GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *group = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (keys != NULL, FALSE);

  /* Other datasets' pins stay: a missing or broken file starts afresh. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  group = group_for (id);
  if (keys->len == 0)
    g_key_file_remove_group (file, group, NULL);
  else
    {
      g_key_file_set_string (file, group, "dataset", id);
      g_key_file_set_string_list (file, group, "lanes",
                                  (const char *const *) keys->pdata, keys->len);
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  data = g_key_file_to_data (file, &length, NULL);
  return g_file_set_contents (path, data, length, error);
}
