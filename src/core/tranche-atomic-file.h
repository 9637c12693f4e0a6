/* tranche-atomic-file.h: replacing a file so that it is never half written
 *
 * The bytes go to a temporary file in the same folder, which is flushed to
 * the disk (fsync) and renamed over the file: whoever reads the file sees
 * the old bytes or the new ones, and a failure (full disk, read-only
 * folder, folder removed) leaves the old file as it was. A symbolic link is
 * written through: its target is replaced and the link stays a link. The
 * file keeps its permissions (and owner, where the system lets us).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Errors are in G_IO_ERROR and read "Could not save “FILENAME”: reason".
 * `target`, when not NULL, gets the path that was written (the link's
 * target for a link). */
gboolean  tranche_atomic_file_write (const char  *filename,
                                     const char  *data,
                                     gsize        len,
                                     char       **target,
                                     GError     **error);

G_END_DECLS
