/* tranche-window-dnd.c: a file dropped on the window opens in it
 *
 * A spreadsheet (a .csv) goes to the import dialog first, as it does when
 * opened: see tranche_window_open_file().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-window-private.h"

gboolean
_tranche_window_is_csv (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name ? g_ascii_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".csv");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  TrancheWindow *self = user_data;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  tranche_window_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

void
_tranche_window_init_dnd (TrancheWindow *self)
{
  gtk_drop_target_set_gtypes (self->drop_target, (GType[1]) { GDK_TYPE_FILE_LIST }, 1);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
}
