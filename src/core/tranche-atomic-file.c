/* tranche-atomic-file.c: temporary file, write, fsync, rename
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tranche-atomic-file.h"

static gboolean
fail (GError     **error,
      const char  *filename,
      int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), filename, g_strerror (saved_errno));
  return FALSE;
}

/* The file a chain of symbolic links ends at (which may not exist yet). */
static char *
resolve_links (const char  *filename,
               GError     **error)
{
  g_autofree char *path = g_strdup (filename);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        return g_steal_pointer (&path);
      if (g_path_is_absolute (target))
        {
          g_free (path);
          path = g_steal_pointer (&target);
          continue;
        }
      dir = g_path_get_dirname (path);
      g_free (path);
      path = g_build_filename (dir, target, NULL);
    }
  fail (error, filename, ELOOP);
  return NULL;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* The new file gets the old one's permissions and, when we may, owner. */
static gboolean
copy_mode (int                fd,
           const struct stat *old)
{
  if (fchmod (fd, old->st_mode & 07777) != 0)
    return FALSE;
  if ((old->st_uid != geteuid () || old->st_gid != getegid ())
      && fchown (fd, old->st_uid, old->st_gid) != 0)
    {
      /* someone else's file in our folder: ours now, like every editor does */
    }
  return TRUE;
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* the rename is only durable once the folder is; nothing to do if not */
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }
}

gboolean
tranche_atomic_file_write (const char  *filename,
                           const char  *data,
                           gsize        len,
                           char       **target_out,
                           GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  struct stat old;
  gboolean exists;
  int fd, saved;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((target = resolve_links (filename, error)) == NULL)
    return FALSE;
  exists = stat (target, &old) == 0;
  if (!exists && errno != ENOENT)
    return fail (error, filename, errno);
  if (exists && !S_ISREG (old.st_mode))
    return fail (error, filename, S_ISDIR (old.st_mode) ? EISDIR : EINVAL);
  /* renaming over a file we may not write would overwrite it anyway */
  if (exists && access (target, W_OK) != 0)
    return fail (error, filename, errno);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail (error, filename, errno);
  if ((exists && !copy_mode (fd, &old)) || !write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      return fail (error, filename, saved);
    }
  if (close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return fail (error, filename, saved);
    }
  sync_folder (dir);
  if (target_out != NULL)
    *target_out = g_steal_pointer (&target);
  return TRUE;
}
