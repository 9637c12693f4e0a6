/* tranche-file-read.c: reading a dataset file into memory
 *
 * Big files: read into one anonymous mapping of the file's size (plus a byte
 * to notice a file that grows meanwhile). The file is read, not mapped: a
 * mapped file that an editor truncates while it is being loaded would kill
 * the program with SIGBUS.
 *
 * The mapping is left in ordinary 4 KiB pages. Asking for transparent huge
 * pages (MADV_HUGEPAGE) made the kernel compact memory and clear 2 MiB pages
 * while reading: 0.9-3.2 s to read the 300 MB of a million events, against
 * 0.16-0.22 s without (Debian 12 kernel, THP "madvise", two-core VM).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tranche-loader-private.h"

#define BIG_FILE (16 * 1024 * 1024)

typedef struct
{
  gpointer base;
  gsize    size;
} Mapping;

static void
unmap_buffer (gpointer data)
{
  Mapping *m = data;

  munmap (m->base, m->size);
  g_free (m);
}

/* NULL when the quick path does not apply: the caller reads it the usual way. */
static GBytes *
read_big_file (const char *filename)
{
  struct stat st;
  Mapping *m;
  gsize got = 0;
  int fd;

  fd = open (filename, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < BIG_FILE)
    {
      close (fd);
      return NULL;
    }

  m = g_new (Mapping, 1);
  /* one byte more than the file, to notice that it grew meanwhile */
  m->size = st.st_size + 1;
  m->base = mmap (NULL, m->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m->base == MAP_FAILED)
    {
      g_free (m);
      close (fd);
      return NULL;
    }
  while (got < m->size)
    {
      gssize n = read (fd, (char *) m->base + got, m->size - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);
  if (got == m->size || got == 0)
    {
      /* it grew, or can't be read after all: let GLib read and report */
      unmap_buffer (m);
      return NULL;
    }
  return g_bytes_new_with_free_func (m->base, got, unmap_buffer, m);
}

GBytes *
tranche_file_read (const char *filename,
                   GError    **error)
{
  GBytes *bytes = read_big_file (filename);
  char *contents = NULL;
  gsize length = 0;

  if (bytes != NULL)
    return bytes;
  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}
