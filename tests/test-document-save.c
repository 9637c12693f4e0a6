/* test-document-save.c: saving a document, the disk check and recovery
 *
 * Saves are atomic and fail cleanly: in a read-only folder, onto a full disk
 * (a file size limit stands in for one), into a folder that was removed;
 * the old file and the document stay as they were. Links and permissions
 * are kept. Recovery files are written, found, restored and discarded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tranche-document.h"

static char *state_dir;

typedef struct
{
  char *dir;
  char *file;       /* a copy of the sample in `dir` */
  char *original;   /* its bytes */
  gsize original_len;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "microsoft-openai.json", NULL);

  f->dir = g_dir_make_tmp ("tranche-save-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->file = g_build_filename (f->dir, "dataset.json", NULL);
  g_assert_true (g_file_get_contents (sample, &f->original, &f->original_len, NULL));
  g_assert_true (g_file_set_contents (f->file, f->original, f->original_len, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child,
                                                                     G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0755);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->file);
  g_free (f->original);
}

static TrancheDocument *
open_edited (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDocument) doc = tranche_document_new_from_file (file, &error);
  g_autoptr(JsonNode) title = json_from_string ("\"Edited\"", NULL);

  g_assert_no_error (error);
  g_assert_true (tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, 0, "title", title,
                                              &error));
  g_assert_true (tranche_document_get_modified (doc));
  return g_steal_pointer (&doc);
}

static void
assert_file_is (const char *file,
                const char *data,
                gsize       len)
{
  g_autofree char *contents = NULL;
  gsize contents_len;

  g_assert_true (g_file_get_contents (file, &contents, &contents_len, NULL));
  g_assert_cmpmem (contents, contents_len, data, len);
}

/* Nothing but the dataset in the folder: no temporary file left behind. */
static void
assert_only_file (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
assert_failed_cleanly (TrancheDocument *doc,
                       GError          *error,
                       const char      *file,
                       const char      *reason)
{
  gsize len;
  const char *text = tranche_document_get_text (doc, &len);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_true (tranche_document_get_modified (doc));
  g_assert_nonnull (g_strstr_len (text, len, "\"title\": \"Edited\""));
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *text;

  g_assert_true (tranche_document_save (doc, &error));
  g_assert_no_error (error);
  g_assert_false (tranche_document_get_modified (doc));
  text = tranche_document_get_text (doc, &len);
  assert_file_is (f->file, text, len);
  assert_only_file (f->dir);
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_UNCHANGED);
}

static void
test_save_read_only_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* permissions don't stop root: /proc takes no new files from anyone */
      g_assert_false (tranche_document_save_as (doc, "/proc/tranche-test.json", &error));
      assert_failed_cleanly (doc, error, "/proc/tranche-test.json", "");
      g_assert_cmpstr (tranche_document_get_filename (doc), ==, f->file);
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  g_assert_false (tranche_document_save (doc, &error));
  assert_failed_cleanly (doc, error, f->file, g_strerror (EACCES));
  assert_file_is (f->file, f->original, f->original_len);
  assert_only_file (f->dir);
}

static void
test_save_folder_removed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (f->file), ==, 0);
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_assert_false (tranche_document_save (doc, &error));
  assert_failed_cleanly (doc, error, f->file, g_strerror (ENOENT));
  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_DELETED);
}

/* A file size limit makes write() fail with EFBIG, as a full disk fails
 * with ENOSPC, halfway through the temporary file. */
static void
test_save_full_disk (Fixture       *f,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TrancheDocument) doc = open_edited (f->file);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { f->original_len / 2, f->original_len / 2 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (tranche_document_save (doc, &error));
      assert_failed_cleanly (doc, error, f->file, g_strerror (EFBIG));
      assert_file_is (f->file, f->original, f->original_len);
      assert_only_file (f->dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_save_through_symlink (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "real", NULL);
  g_autofree char *target = g_build_filename (sub, "target.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *read_back = NULL;
  g_autoptr(TrancheDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (g_rename (f->file, target), ==, 0);
  g_assert_cmpint (symlink ("real/target.json", link), ==, 0);
  doc = open_edited (link);
  g_assert_true (tranche_document_save (doc, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  read_back = g_file_read_link (link, NULL);
  g_assert_cmpstr (read_back, ==, "real/target.json");
  text = tranche_document_get_text (doc, &len);
  assert_file_is (target, text, len);
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_UNCHANGED);
}

static void
test_save_keeps_permissions (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  struct stat st;

  g_assert_cmpint (g_chmod (f->file, 0640), ==, 0);
  g_assert_true (tranche_document_save (doc, NULL));
  g_assert_cmpint (g_stat (f->file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tranche_document_save_finish (TRANCHE_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Edited while a save runs: the file holds the text the save started
 * with, and the document stays modified. */
static void
test_save_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  g_autoptr(JsonNode) title = json_from_string ("\"Meanwhile\"", NULL);
  g_autofree char *saved = NULL;
  gboolean done = FALSE;
  const char *text;
  gsize len;

  text = tranche_document_get_text (doc, &len);
  saved = g_strndup (text, len);
  tranche_document_save_async (doc, NULL, NULL, save_done_cb, &done);
  g_assert_true (tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, 1, "title", title,
                                              NULL));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  assert_file_is (f->file, saved, len);
  g_assert_true (tranche_document_get_modified (doc));
  tranche_document_undo (doc);
  g_assert_false (tranche_document_get_modified (doc));
}

static void
test_disk_check (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDocument) doc = tranche_document_new_from_file (f->file, &error);
  g_autofree char *changed = g_strdup (f->original);
  struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  g_assert_no_error (error);
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_UNCHANGED);
  /* touched, same bytes */
  g_assert_cmpint (utimensat (AT_FDCWD, f->file, times, 0), ==, 0);
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_UNCHANGED);
  /* same size, other bytes */
  changed[10] = changed[10] == 'x' ? 'y' : 'x';
  g_assert_true (g_file_set_contents (f->file, changed, f->original_len, NULL));
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_CHANGED);
  /* another size */
  g_assert_true (g_file_set_contents (f->file, changed, f->original_len - 1, NULL));
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_CHANGED);
  /* saving makes the disk ours again */
  g_assert_true (tranche_document_save (doc, NULL));
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_UNCHANGED);
  g_assert_cmpint (g_unlink (f->file), ==, 0);
  g_assert_cmpint (tranche_document_check_disk (doc), ==, TRANCHE_DISK_DELETED);
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  g_autoptr(TrancheDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *expected_dir = g_build_filename (state_dir, "tranche", "recovery", NULL);
  g_autofree char *found_dir = NULL;
  gsize len, reopened_len;
  const char *text;

  g_assert_null (tranche_document_find_recovery (doc));
  g_assert_true (tranche_document_write_recovery (doc, &error));
  g_assert_no_error (error);
  found = tranche_document_find_recovery (doc);
  g_assert_nonnull (found);
  found_dir = g_path_get_dirname (found);
  g_assert_cmpstr (found_dir, ==, expected_dir);
  text = tranche_document_get_text (doc, &len);
  edited = g_strndup (text, len);

  /* "after a crash": the file is opened again, as it is on disk */
  reopened = tranche_document_new_from_file (f->file, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_free);
  found = tranche_document_find_recovery (reopened);
  g_assert_nonnull (found);
  g_assert_true (tranche_document_restore_recovery (reopened, &error));
  g_assert_no_error (error);
  text = tranche_document_get_text (reopened, &reopened_len);
  g_assert_cmpmem (text, reopened_len, edited, len);
  g_assert_true (tranche_document_get_modified (reopened));
  /* the restore is a step: undone, the file as on disk */
  tranche_document_undo (reopened);
  text = tranche_document_get_text (reopened, &reopened_len);
  g_assert_cmpmem (text, reopened_len, f->original, f->original_len);
  tranche_document_redo (reopened);
  /* an edit on the restored text lands where it should */
  g_assert_true (tranche_document_remove_member (reopened, TRANCHE_DOCUMENT_EVENTS, 0,
                                                 "title", NULL));
  /* saving discards it */
  g_assert_true (tranche_document_save (reopened, &error));
  g_assert_null (tranche_document_find_recovery (reopened));
  g_assert_false (tranche_document_restore_recovery (reopened, &error));
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NO_RECOVERY);
  g_clear_error (&error);

  /* discarded by hand */
  g_assert_true (tranche_document_write_recovery (doc, NULL));
  g_assert_true (tranche_document_discard_recovery (doc, &error));
  g_assert_no_error (error);
  g_assert_null (tranche_document_find_recovery (doc));
}

/* A recovery file names the path it is for: one for another file with the
 * same name (a hash collision, a copy) is not offered. */
static void
test_recovery_other_path (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TrancheDocument) doc = open_edited (f->file);
  g_autoptr(TrancheDocument) untitled = tranche_document_new_empty ();
  g_autofree char *found = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tampered = NULL;

  g_assert_true (tranche_document_write_recovery (doc, NULL));
  found = tranche_document_find_recovery (doc);
  g_assert_true (g_file_get_contents (found, &contents, NULL, NULL));
  tampered = g_strjoinv ("/elsewhere/", (char *[]) { "{\"tranche-recovery\": 1, \"path\": \"",
                                                     strstr (contents, "\",\n\"text\"") ,
                                                     NULL });
  g_assert_true (g_file_set_contents (found, tampered, -1, NULL));
  g_assert_null (tranche_document_find_recovery (doc));
  g_assert_true (tranche_document_discard_recovery (doc, NULL));
  /* a document with no file has a recovery of its own, which Save As
   * discards */
  g_assert_true (tranche_document_write_recovery (untitled, NULL));
  g_clear_pointer (&found, g_free);
  found = tranche_document_find_recovery (untitled);
  g_assert_nonnull (found);
  g_assert_true (g_file_test (found, G_FILE_TEST_EXISTS));
  g_assert_true (tranche_document_save_as (untitled, f->file, NULL));
  g_assert_false (g_file_test (found, G_FILE_TEST_EXISTS));
}

/* After a crash: the application lists what was kept and opens it. */
static void
test_recovery_after_crash (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TrancheDocument) edited = open_edited (f->file);
  g_autoptr(TrancheDocument) untitled = tranche_document_new_empty ();
  g_autoptr(TrancheDocument) back = NULL;
  g_autoptr(TrancheDocument) back_untitled = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) title = json_from_string ("\"Draft\"", NULL);
  g_autofree char *edited_file = NULL;
  g_autofree char *untitled_file = NULL;
  const char *a, *b;
  gsize a_len, b_len;

  g_assert_true (tranche_document_set_root_member (untitled, "title", title, NULL));
  g_assert_true (tranche_document_write_recovery (edited, NULL));
  g_assert_true (tranche_document_write_recovery (untitled, NULL));
  edited_file = tranche_document_find_recovery (edited);
  untitled_file = tranche_document_find_recovery (untitled);
  kept = tranche_document_list_recoveries ();
  g_assert_true (g_ptr_array_find_with_equal_func (kept, edited_file, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (kept, untitled_file, g_str_equal, NULL));

  /* the file is there: opened, restored, and undo goes back to the disk */
  back = tranche_document_new_from_recovery (edited_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tranche_document_get_filename (back), ==,
                   tranche_document_get_filename (edited));
  a = tranche_document_get_text (edited, &a_len);
  b = tranche_document_get_text (back, &b_len);
  g_assert_cmpmem (a, a_len, b, b_len);
  g_assert_true (tranche_document_get_modified (back));
  tranche_document_undo (back);
  b = tranche_document_get_text (back, &b_len);
  g_assert_cmpmem (b, b_len, f->original, f->original_len);

  /* a document that never had a file */
  back_untitled = tranche_document_new_from_recovery (untitled_file, &error);
  g_assert_no_error (error);
  g_assert_null (tranche_document_get_filename (back_untitled));
  g_assert_true (tranche_document_get_modified (back_untitled));
  a = tranche_document_get_text (untitled, &a_len);
  b = tranche_document_get_text (back_untitled, &b_len);
  g_assert_cmpmem (a, a_len, b, b_len);
  g_assert_true (tranche_document_discard_recovery (back_untitled, NULL));
  g_assert_false (g_file_test (untitled_file, G_FILE_TEST_EXISTS));
  g_assert_true (tranche_document_discard_recovery (back, NULL));
  g_assert_false (g_file_test (edited_file, G_FILE_TEST_EXISTS));

  g_assert_null (tranche_document_new_from_recovery (edited_file, &error));
  g_assert_error (error, TRANCHE_DOCUMENT_ERROR, TRANCHE_DOCUMENT_ERROR_NO_RECOVERY);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* recovery files go to a folder of the test's own */
  state_dir = g_dir_make_tmp ("tranche-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/save/plain", test_save);
  ADD ("/document/save/read-only-folder", test_save_read_only_folder);
  ADD ("/document/save/folder-removed", test_save_folder_removed);
  ADD ("/document/save/full-disk", test_save_full_disk);
  ADD ("/document/save/symlink", test_save_through_symlink);
  ADD ("/document/save/permissions", test_save_keeps_permissions);
  ADD ("/document/save/async", test_save_async);
  ADD ("/document/disk-check", test_disk_check);
  ADD ("/document/recovery/restore", test_recovery);
  ADD ("/document/recovery/other-path", test_recovery_other_path);
  ADD ("/document/recovery/after-crash", test_recovery_after_crash);
#undef ADD

  status = g_test_run ();
  remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
