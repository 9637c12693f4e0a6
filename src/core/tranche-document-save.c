/* tranche-document-save.c: saving, and telling whether the file changed
 *
 * A save writes the text as it is when the save starts (the bytes are
 * shared, not copied again), so the window can keep editing while a big
 * file is written on a worker thread; the document is then unmodified only
 * if nothing was edited meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>

#include "tranche-atomic-file.h"
#include "tranche-document-private.h"

/* Not cryptographic: tells our own saved bytes from someone else's, at
 * memory speed (a save of a 30 MB file hashes it). */
guint64
tranche_doc_hash (const char *data,
                  gsize       len)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 h[4] = { len, k, ~len, k ^ len };
  gsize i = 0;

  /* four independent lanes keep the multiplier busy */
  for (; i + 32 <= len; i += 32)
    for (guint lane = 0; lane < 4; lane++)
      {
        guint64 w;

        memcpy (&w, data + i + 8 * lane, 8);
        h[lane] = (h[lane] ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
        h[lane] ^= h[lane] >> 29;
      }
  for (; i < len; i++)
    h[i & 3] = (h[i & 3] ^ (guchar) data[i]) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h[0] ^= h[1] * 31 + h[2] * 37 + h[3] * 41;
  h[0] ^= h[0] >> 33;
  h[0] *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h[0] ^ (h[0] >> 33);
}

gboolean
tranche_doc_stamp_file (const char        *filename,
                        const char        *data,
                        gsize              len,
                        TrancheDiskStamp  *stamp,
                        GError           **error)
{
  struct stat st;

  if (stat (filename, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", filename,
                   g_strerror (saved));
      return FALSE;
    }
  stamp->known = TRUE;
  stamp->mtime_us = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  stamp->size = st.st_size;
  stamp->hash = tranche_doc_hash (data, len);
  return TRUE;
}

typedef struct
{
  char             *filename;
  GBytes           *bytes;
  guint64           state;
  TrancheDiskStamp  stamp;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->filename);
  g_bytes_unref (job->bytes);
  g_free (job);
}

static SaveJob *
save_job_new (TrancheDocument *self,
              const char      *filename)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->filename = g_strdup (filename);
  job->bytes = tranche_document_get_bytes (self);
  job->state = self->state;
  return job;
}

/* The part that may run on any thread. */
static gboolean
save_job_run (SaveJob  *job,
              GError  **error)
{
  g_autofree char *target = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (job->bytes, &len);

  if (!tranche_atomic_file_write (job->filename, data != NULL ? data : "", len, &target,
                                  error))
    return FALSE;
  /* a failed stat after a good save only leaves the disk check blind */
  if (!tranche_doc_stamp_file (target, data != NULL ? data : "", len, &job->stamp, NULL))
    job->stamp.known = FALSE;
  return TRUE;
}

/* Back on the document's thread. */
static void
save_job_done (TrancheDocument *self,
               SaveJob         *job)
{
  /* what the recovery held is on disk now, under the old name (or the
   * untitled one) and the new */
  (void) tranche_document_discard_recovery (self, NULL);
  tranche_doc_set_filename (self, job->filename);
  tranche_doc_mark_saved (self, job->state, &job->stamp);
  (void) tranche_document_discard_recovery (self, NULL);
}

gboolean
tranche_document_save_as (TrancheDocument  *self,
                          const char       *filename,
                          GError          **error)
{
  SaveJob *job;
  gboolean ok;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = save_job_new (self, filename);
  if ((ok = save_job_run (job, error)))
    save_job_done (self, job);
  save_job_free (job);
  return ok;
}

gboolean
tranche_document_save (TrancheDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->filename != NULL, FALSE);

  return tranche_document_save_as (self, self->filename, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
tranche_document_save_async (TrancheDocument     *self,
                             const char          *filename,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRANCHE_IS_DOCUMENT (self));
  g_return_if_fail (filename != NULL || self->filename != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tranche_document_save_async);
  g_task_set_task_data (task, save_job_new (self, filename ? filename : self->filename),
                        save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
tranche_document_save_finish (TrancheDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  save_job_done (self, g_task_get_task_data (task));
  return TRUE;
}

TrancheDiskState
tranche_document_check_disk (TrancheDocument *self)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize len = 0;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), TRANCHE_DISK_UNCHANGED);

  if (self->filename == NULL || !self->disk.known)
    return TRANCHE_DISK_UNCHANGED;
  if (stat (self->filename, &st) != 0)
    return errno == ENOENT ? TRANCHE_DISK_DELETED : TRANCHE_DISK_UNCHANGED;
  if (st.st_size == self->disk.size
      && (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000
         == self->disk.mtime_us)
    return TRANCHE_DISK_UNCHANGED;
  if (st.st_size != self->disk.size)
    return TRANCHE_DISK_CHANGED;
  /* same size, new time: a `touch`, or the same bytes written again? */
  if (!g_file_get_contents (self->filename, &data, &len, NULL))
    return TRANCHE_DISK_CHANGED;
  if ((goffset) len == self->disk.size && tranche_doc_hash (data, len) == self->disk.hash)
    {
      self->disk.mtime_us = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC
                            + st.st_mtim.tv_nsec / 1000;
      return TRANCHE_DISK_UNCHANGED;
    }
  return TRANCHE_DISK_CHANGED;
}
