/* fuzz-loader.c: libFuzzer target for the dataset loader
 *
 * Each input is loaded as a dataset file that lives in a scratch folder, so
 * `text_file` is exercised for real. Beyond "no crash, no sanitizer report",
 * the target checks what a hostile file must never achieve:
 *  - read a file outside its folder: the scratch folder holds links that
 *    point out to a file with a marker text, and no source may contain it;
 *  - hand invalid UTF-8 to the display: every string of the dataset and
 *    every diagnostic must be valid UTF-8;
 *  - point a diagnostic outside the file: lines and columns must exist.
 * Then it walks the dataset as the window and the charts do (formatting,
 * derived totals), which is where a strange but accepted value would bite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tranche-event-fields.h"
#include "tranche-format.h"
#include "tranche-loader.h"
#include "tranche-totals.h"

#define SECRET "TRANCHE-FUZZ-SECRET-8d1f"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dataset_path;
static char *scratch;
/* whether the input holds the marker itself, which it may then show */
static gboolean input_has_secret;

static void fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

/* g_error() traps (SIGTRAP), which libFuzzer doesn't catch: abort() is a
 * crash it saves and minimizes. */
static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

static void
check_text (const char *text)
{
  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    fail ("invalid UTF-8 reached the dataset: %s", text);
  if (!input_has_secret && strstr (text, SECRET) != NULL)
    fail ("a text_file outside the dataset's folder was read");
}

static void
walk_dataset (TrancheDataset *ds)
{
  g_autoptr(TrancheTotals) totals = NULL;
  TrancheDay first = 0, end = 0;

  check_text (tranche_dataset_get_title (ds));
  check_text (tranche_dataset_get_description (ds));
  for (guint i = 0; i < tranche_dataset_get_n_entities (ds); i++)
    {
      const TrancheEntity *e = tranche_dataset_get_entity (ds, i);

      check_text (e->id);
      check_text (e->name);
    }
  for (guint i = 0; i < tranche_dataset_get_n_sources (ds); i++)
    {
      const TrancheSource *s = tranche_dataset_get_source (ds, i);

      check_text (s->title);
      check_text (s->url);
      check_text (s->summary);
      check_text (s->text);
    }
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);
      g_autofree char *date = tranche_format_date_span (&ev->date, &ev->end);
      g_autofree char *amount = tranche_format_money (&ev->amount);
      g_autofree char *valuation = tranche_format_money (&ev->valuation);
      g_autofree char *cumulative = tranche_format_money (&ev->cumulative);
      g_autofree char *investors = tranche_event_dup_investor_names (ds, ev);

      check_text (ev->title);
      check_text (ev->summary);
      check_text (ev->round);
      check_text (date);
      check_text (amount);
      check_text (valuation);
      check_text (cumulative);
      check_text (investors);
      check_text (tranche_event_get_target_name (ds, ev));
      for (guint k = 0; k < ev->n_citations; k++)
        check_text (tranche_dataset_event_citation (ds, ev, k)->quote);
      for (guint k = 0; k < ev->n_tags; k++)
        check_text (tranche_dataset_event_tag (ds, ev, k));
    }
  if (tranche_dataset_get_day_range (ds, &first, &end))
    {
      guint from, to;

      tranche_dataset_visible_range (ds, first, end, &from, &to);
      if (from > to || to > tranche_dataset_get_n_events (ds))
        fail ("visible range [%u, %u) out of the events", from, to);
    }

  totals = tranche_totals_new (ds, NULL);
  for (guint s = 0; s < tranche_totals_get_n_series (totals); s++)
    {
      guint n_steps = 0;

      tranche_totals_get_steps (totals, s, &n_steps);
      (void) tranche_totals_value_at (totals, s, end, NULL);
    }
}

static void
check_diagnostics (TrancheDiagnostics *diagnostics,
                   const uint8_t      *data,
                   size_t              size)
{
  guint n_lines = 1;

  for (size_t i = 0; i < size; i++)
    n_lines += data[i] == '\n';
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);
      g_autofree char *line = tranche_diagnostic_to_string (d, "fuzz.json");

      if (d->path == NULL || d->message == NULL)
        fail ("a diagnostic without a path or a message");
      check_text (line);
      if (d->line > n_lines)
        fail ("diagnostic at line %u of a %u-line input: %s", d->line, n_lines, line);
    }
}

static void
remove_scratch (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* links are removed, never followed */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_scratch (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_scratch_at_exit (void)
{
  remove_scratch (scratch);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("tranche-fuzz-XXXXXX", &error);
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *secret = NULL;

  if (root == NULL)
    fail ("%s", error->message);
  /* root/data/ holds the dataset and its texts; root/outside/ is what a
   * text_file must never reach, through ".." or a link. */
  inside = g_build_filename (root, "data", NULL);
  outside = g_build_filename (root, "outside", NULL);
  secret = g_build_filename (outside, "secret.txt", NULL);
  g_mkdir (inside, 0700);
  g_mkdir (outside, 0700);
  g_file_set_contents (secret, SECRET "\n", -1, NULL);
  {
    g_autofree char *article = g_build_filename (inside, "article.txt", NULL);
    g_autofree char *latin1 = g_build_filename (inside, "latin1.txt", NULL);
    g_autofree char *link = g_build_filename (inside, "link.txt", NULL);
    g_autofree char *dirlink = g_build_filename (inside, "out", NULL);

    g_file_set_contents (article, "Microsoft a investi 10 milliards de dollars.\n\nFin.", -1,
                         NULL);
    g_file_set_contents (latin1, "caf\xe9", -1, NULL);
    if (symlink (secret, link) != 0 || symlink (outside, dirlink) != 0)
      fail ("can't make the links of the scratch folder");
  }
  dataset_path = g_build_filename (inside, "fuzz.json", NULL);
  scratch = g_steal_pointer (&root);
  atexit (remove_scratch_at_exit);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  input_has_secret = size >= strlen (SECRET)
                     && memmem (data, size, SECRET, strlen (SECRET)) != NULL;
  dataset = tranche_loader_load_bytes (bytes, dataset_path, NULL, diagnostics, &error);
  if (dataset == NULL)
    {
      if (error == NULL)
        fail ("no dataset and no error");
      if (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR) == 0)
        fail ("refused with no error diagnostic: %s", error->message);
    }
  else
    {
      if (error != NULL)
        fail ("a dataset and an error: %s", error->message);
      walk_dataset (dataset);
    }
  check_diagnostics (diagnostics, data, size);
  return 0;
}
