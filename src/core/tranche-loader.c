/* tranche-loader.c
 *
 * How a file becomes a dataset, in three passes over one buffer:
 *
 * 1. Checks done on the raw bytes before json-glib sees them: UTF-8 (with
 *    the position of the first bad byte), then a light JSON lexer and
 *    grammar check. json-glib 1.6 parses recursively with no depth limit
 *    (100,000 nested brackets overflow the stack) and accepts things that
 *    are not JSON (comments, single quotes, `var x =`, raw line breaks in
 *    strings, 01), so this pass refuses those with a line:column of its own.
 *    It also notes, at no extra cost, where each member of the root object
 *    starts and ends and where each element of `events`, `entities` and
 *    `sources` starts.
 *
 * 2. json-glib parses what the first pass delimited: each value of the
 *    root object on its own, then the elements of the three big arrays in
 *    runs of a few hundred, on as many threads as there are cores
 *    (tranche-element-parser.c). Keeping a tree of the whole file would
 *    cost about 4 GB for a million events; a run's tree lives only until
 *    its elements are converted, which happens in file order, so what is
 *    built and reported is what one thread reading the file would do.
 *    Parsing a million events on one thread was half of the load.
 *
 * 3. The root's small members (version, currency, rates…) are read, and
 *    references that named no entity or no source are reported; the
 *    builder resolves ids and the default currency, so members may come in
 *    any order. The version is checked before the big arrays are parsed.
 *
 * Each pass has its file (tranche-loader-private.h lists them); this one
 * runs them and holds the parsing threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tranche-allocator.h"
#include "tranche-element-parser.h"
#include "tranche-checks.h"
#include "tranche-loader-private.h"

/* Elements parsed as one tree: big enough that a parse's fixed cost
 * vanishes, small enough that the trees in flight stay small. */
#define RUN_LENGTH 256
/* Fewer elements than this are parsed on the calling thread alone. */
#define THREADED_MIN 2048
/* Converting, a third of the work, is done by one thread at a time: past
 * three threads, more only wait for their turn. */
#define MAX_PARSE_THREADS 3

G_DEFINE_QUARK (tranche-loader-error-quark, tranche_loader_error)

guint
tranche_loader_threads_for_process (void)
{
  return tranche_allocator_slices_are_malloc () ? 0 : 1;
}

/* Second pass: json-glib parses what the first pass delimited */

static void
report_progress (Loader *self)
{
  int percent;

  if (self->progress == NULL || self->scan.n_streamed == 0)
    return;
  percent = (int) ((guint64) self->n_done * 100 / self->scan.n_streamed);
  if (percent > self->last_percent)
    {
      self->last_percent = percent;
      self->progress (self->n_done / (double) self->scan.n_streamed, self->progress_data);
    }
}

/* Converts one element of a big array. Called in file order, by whichever
 * parsing thread holds the turn, never by two at once. */
static void
convert_element (gpointer  tag,
                 guint     index,
                 JsonNode *node,
                 gpointer  user_data)
{
  Loader *self = user_data;
  TrancheRootMember *member = tag;

  /* the elements left are passed over: nothing more is built */
  if (!self->cancelled && g_cancellable_is_cancelled (self->cancellable))
    self->cancelled = TRUE;
  if (self->cancelled)
    return;

  self->path_len = 0;
  push_key (self, member->key);
  push_index (self, index);
  self->anchor_depth = 2;
  self->anchor_offset = g_array_index (member->elements, gsize, index);
  self->n_errors_here = 0;
  switch (member->kind)
    {
    case TRANCHE_ROOT_EVENTS:
      tranche_format_v1_load_event (self, node);
      break;
    case TRANCHE_ROOT_ENTITIES:
      tranche_format_v1_load_entity (self, node);
      break;
    case TRANCHE_ROOT_SOURCES:
      tranche_format_v1_load_source (self, node);
      break;
    case TRANCHE_ROOT_OTHER:
    default:
      g_assert_not_reached ();
    }
  /* the builder has its own copies by now */
  g_ptr_array_set_size (self->shortened, 0);
  self->n_done++;
  report_progress (self);
}

/* After json-glib refused what the first pass let through (it should not):
 * still one error with a position. */
static void
report_parser_error (Loader     *self,
                     gsize       offset,
                     const char *message)
{
  const char *detail = strstr (message, "Parse error: ");

  detail = detail != NULL ? detail + strlen ("Parse error: ") : message;
  tranche_problems_add_fatal (&self->problems, offset, "",
                              g_strdup_printf (_("not valid JSON: %s"), detail));
}

/* Where the text of a run of a big array's elements that stops before
 * element `to` ends: at the comma before that element, or at the array's
 * closing bracket. */
static gsize
run_end (Loader                  *self,
         const TrancheRootMember *member,
         guint                    to)
{
  gsize end;

  if (to == member->elements->len)
    return member->value_end - 1;
  end = g_array_index (member->elements, gsize, to);
  while (end > 0 && self->data[end - 1] != ',')
    end--;
  return end > 0 ? end - 1 : 0;
}

/* Cuts the big arrays into runs for the element parser, in file order. */
static GArray *
element_runs (Loader *self)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (TrancheElementRun));

  for (guint i = 0; i < self->scan.root_members->len; i++)
    {
      TrancheRootMember *m = &g_array_index (self->scan.root_members, TrancheRootMember, i);

      if (m->kind == TRANCHE_ROOT_OTHER)
        continue;
      for (guint first = 0; first < m->elements->len; first += RUN_LENGTH)
        {
          guint to = MIN (first + RUN_LENGTH, m->elements->len);
          TrancheElementRun run = { m, first, to - first,
                                    g_array_index (m->elements, gsize, first),
                                    run_end (self, m, to) };

          g_array_append_val (runs, run);
        }
    }
  return runs;
}

static gboolean
parse_elements (Loader *self)
{
  g_autoptr(GArray) runs = element_runs (self);
  g_autofree char *message = NULL;
  gsize offset = 0;
  guint n_threads = self->n_threads;

  if (n_threads == 0)
    n_threads = self->scan.n_streamed >= THREADED_MIN
                ? MIN (g_get_num_processors (), MAX_PARSE_THREADS) : 1;

  if (tranche_parse_element_runs (self->data, (TrancheElementRun *) runs->data, runs->len,
                                  n_threads, convert_element, self, self->cancellable,
                                  &offset, &message))
    return TRUE;
  report_parser_error (self, offset, message);
  return FALSE;
}

/* The root member's value, when it is one json-glib should parse now:
 * the big arrays' elements are parsed apart, so they stand as empty arrays. */
static void
set_root_value (gpointer  tag,
                guint     index,
                JsonNode *node,
                gpointer  user_data)
{
  JsonObject *root = user_data;
  const TrancheRootMember *m = tag;

  json_object_set_member (root, m->key, json_node_copy (node));
}

/* The root object with its small members; NULL when json-glib refuses one. */
static JsonObject *
parse_root (Loader *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (TrancheElementRun));
  g_autofree char *message = NULL;
  gsize offset = 0;

  for (guint i = 0; i < self->scan.root_members->len; i++)
    {
      TrancheRootMember *m = &g_array_index (self->scan.root_members, TrancheRootMember, i);
      TrancheElementRun run = { m, 0, 1, m->value_offset, m->value_end };

      if (m->kind != TRANCHE_ROOT_OTHER)
        json_object_set_array_member (root, m->key, json_array_new ());
      else
        g_array_append_val (runs, run);
    }
  /* one parse per member, in order: a repeated member ends as the last one */
  if (!tranche_parse_element_runs (self->data, (TrancheElementRun *) runs->data, runs->len,
                                   1, set_root_value, root, NULL, &offset, &message))
    {
      report_parser_error (self, offset, message);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* Repeated names outside events (those are said with the event's name):
 * where they are, by the element or root member that holds them. */
static void
report_other_duplicate_keys (Loader *self)
{
  GArray *dups = self->scan.duplicate_keys;

  for (guint k = 0; k < dups->len; k++)
    {
      const TrancheJsonKey *key = &g_array_index (dups, TrancheJsonKey, k);
      g_autofree char *raw = g_strndup (self->data + key->start + 1, key->end - key->start - 2);
      g_autofree char *name = tranche_problems_shorten (raw);
      char *path = g_strdup ("");

      for (guint i = 0; i < self->scan.root_members->len; i++)
        {
          const TrancheRootMember *m = &g_array_index (self->scan.root_members,
                                                       TrancheRootMember, i);
          guint lo = 0, hi;

          if (key->start < m->value_offset || key->start >= m->value_end)
            continue;
          g_free (path);
          if (m->elements == NULL)
            {
              path = g_strdup (m->key);
              break;
            }
          hi = m->elements->len;
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;
              if (g_array_index (m->elements, gsize, mid) <= key->start)
                lo = mid + 1;
              else
                hi = mid;
            }
          path = lo > 0 ? g_strdup_printf ("%s[%u]", m->key, lo - 1) : g_strdup (m->key);
          if (m->kind == TRANCHE_ROOT_EVENTS)
            g_clear_pointer (&path, g_free);
          break;
        }
      if (path == NULL)
        continue;
      tranche_problems_add (&self->problems, TRANCHE_SEVERITY_WARNING, path, key->start,
                            g_strdup_printf (_("\"%s\" is given more than once in one object; "
                                               "only the last is read, so keep one"), name));
    }
}

static TrancheDataset *
loader_run (Loader             *self,
            TrancheDiagnostics *diagnostics,
            GError            **error)
{
  g_autoptr(JsonObject) root = NULL;
  const TrancheRootMember *events = NULL;
  TrancheDataset *dataset;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;

  if (!tranche_json_scan_check_encoding (&self->scan) || !tranche_json_scan_run (&self->scan))
    goto invalid;
  if (!self->scan.root_is_object)
    {
      fatal_at (self, self->scan.root_offset, "", _("expected a JSON object like {\"tranche\": 1, "
                                               "\"events\": []} at the top of the file"));
      goto invalid;
    }
  if (self->progress != NULL)
    self->progress (0.0, self->progress_data);

  /* Whether this is a dataset at all is known before the events are read. */
  if ((root = parse_root (self)) == NULL)
    goto invalid;
  tranche_format_v1_check_version (self, root);
  for (guint i = 0; i < self->scan.root_members->len && events == NULL; i++)
    if (g_str_equal (g_array_index (self->scan.root_members, TrancheRootMember, i).key, "events"))
      events = &g_array_index (self->scan.root_members, TrancheRootMember, i);
  if (events == NULL)
    fatal_at (self, self->scan.root_offset, "events", _("missing: a dataset needs \"events\", an "
                                                   "array (it may be empty)"));
  else if (events->kind != TRANCHE_ROOT_EVENTS)
    fatal_at (self, events->key_offset, "events", _("expected an array of events, got %s"),
              self->data[events->value_offset] == '{' ? _("an object") : _("a single value"));
  if (self->problems.fatal->len > 0)
    goto invalid;

  /* The first pass knows how many events there are: make room once. */
  tranche_dataset_builder_reserve (self->builder, events->elements->len);
  if (!parse_elements (self))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        goto cancelled;
      goto invalid;
    }
  if (self->cancelled || g_cancellable_is_cancelled (self->cancellable))
    goto cancelled;

  tranche_format_v1_load_root (self, root);
  tranche_loader_report_unknown_references (self);
  report_other_duplicate_keys (self);

  tranche_problems_hand_over (&self->problems, FALSE, self->data, self->len, diagnostics);
  if (self->progress != NULL)
    self->progress (1.0, self->progress_data);
  tranche_dataset_builder_set_filename (self->builder, self->filename);
  dataset = tranche_dataset_builder_finish (g_steal_pointer (&self->builder));
  /* what needs the whole dataset: quotes, plausible amounts, commitments */
  if (diagnostics != NULL && self->checks)
    tranche_checks_run (dataset, (const guint *) (gpointer) self->file_index->data, diagnostics);
  return dataset;

invalid:
  tranche_problems_hand_over (&self->problems, TRUE, self->data, self->len, diagnostics);
  g_set_error_literal (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID,
                       _("The file is not a Tranche dataset"));
  return NULL;

cancelled:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading was cancelled"));
  return NULL;
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->builder, tranche_dataset_builder_free);
  tranche_problems_clear (&self->problems);
  tranche_loader_locate_clear (self);
  tranche_json_scan_clear (&self->scan);
  g_clear_pointer (&self->shortened, g_ptr_array_unref);
  g_clear_pointer (&self->bad_entity_ids, g_hash_table_unref);
  g_clear_pointer (&self->bad_source_ids, g_hash_table_unref);
  g_clear_pointer (&self->entity_index, g_hash_table_unref);
  g_clear_pointer (&self->file_index, g_array_unref);
  g_clear_pointer (&self->unknown_entities, g_hash_table_unref);
  g_clear_pointer (&self->unknown_sources, g_hash_table_unref);
  g_clear_pointer (&self->text_files, g_hash_table_unref);
}

TrancheDataset *
tranche_loader_load_bytes (GBytes                     *bytes,
                           const char                 *filename,
                           const TrancheLoaderOptions *options,
                           TrancheDiagnostics         *diagnostics,
                           GError                    **error)
{
  Loader self = { 0 };
  TrancheDataset *dataset;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  /* a byte order mark is no character: lines and columns start after it */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  self.data = data;
  self.len = len;
  self.filename = filename;
  self.folder = filename != NULL ? g_path_get_dirname (filename) : NULL;
  if (options != NULL)
    {
      self.cancellable = options->cancellable;
      self.progress = options->progress;
      self.progress_data = options->progress_data;
      self.n_threads = options->n_threads;
      self.checks = options->checks;
    }
  self.last_percent = -1;
  self.builder = tranche_dataset_builder_new ();
  tranche_problems_init (&self.problems);
  tranche_loader_locate_init (&self);
  tranche_json_scan_init (&self.scan, data, len, &self.problems);
  self.shortened = g_ptr_array_new_with_free_func (g_free);
  self.bad_entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.bad_source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.entity_index = g_hash_table_new (g_str_hash, g_str_equal);
  self.file_index = g_array_new (FALSE, FALSE, sizeof (guint));
  self.unknown_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 tranche_loader_free_reference);
  self.unknown_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                tranche_loader_free_reference);
  self.text_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tranche_cursor_init (&self.event_lines, data, len);

  dataset = loader_run (&self, diagnostics, error);
  loader_clear (&self);
  return dataset;
}

TrancheDataset *
tranche_loader_load_file (const char                 *filename,
                          const TrancheLoaderOptions *options,
                          TrancheDiagnostics         *diagnostics,
                          GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((bytes = tranche_file_read (filename, error)) == NULL)
    return NULL;
  return tranche_loader_load_bytes (bytes, filename, options, diagnostics, error);
}
