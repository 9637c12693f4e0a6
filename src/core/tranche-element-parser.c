/* tranche-element-parser.c: json-glib on several threads, results in order
 *
 * Each thread claims the next run, wraps its text in brackets so that
 * json-glib sees one array, and parses it with a parser of its own. It
 * leaves the tree in the run's slot; then, when no thread is converting, it
 * becomes the converter and feeds the sink every run that is ready in file
 * order, outside the lock, while the others go on parsing. A thread that
 * parsed a run frees its tree itself once it is converted, so that each
 * malloc arena is only ever used by its own thread.
 *
 * Threads once waited for their run's turn before parsing the next one: on
 * a busy machine, a thread held back by the scheduler with the next run in
 * hand held the other one back too (4.7 s of waiting per thread in a
 * 14.8 s load of a million events). Now a thread only waits when it is
 * RUNS_AHEAD runs ahead of the conversion, which bounds the trees in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-element-parser.h"

#define MAX_THREADS 8

/* How far parsing may run ahead of converting, per thread. */
#define RUNS_AHEAD 2

typedef enum
{
  RUN_PENDING,     /* claimed, not parsed yet */
  RUN_PARSED,      /* tree ready to convert */
  RUN_SKIPPED,     /* not parsed: after a refusal or a cancel */
  RUN_REFUSED,     /* json-glib said no */
} RunState;

typedef struct
{
  JsonNode *root;
  char     *error_message;
  gsize     error_offset;
  RunState  state;
} RunSlot;

typedef struct
{
  const char              *data;
  const TrancheElementRun *runs;
  guint                    n_runs;
  TrancheElementSink       sink;
  gpointer                 user_data;
  GCancellable            *cancellable;
  guint                    max_ahead;

  int                      next_run;   /* atomic: the next run to claim */
  int                      stop;       /* atomic: a run failed, parse no more */

  GMutex                   lock;
  GCond                    room;       /* signalled as turns pass */
  RunSlot                 *slots;
  guint                    turn;       /* the run converted next */
  gboolean                 converting; /* a thread is feeding the sink */
  /* set by the converter only */
  gboolean                 failed;
  gsize                    error_offset;
  char                    *error_message;
} Job;

typedef struct
{
  guint line;
  guint column;
} ErrorAt;

/* json-glib tells where it stopped only while it emits "error". */
static void
parser_error_cb (JsonParser *parser,
                 gpointer    error,
                 gpointer    user_data)
{
  ErrorAt *at = user_data;

  at->line = json_parser_get_current_line (parser);
  at->column = json_parser_get_current_pos (parser);
}

/* json-glib counts lines at '\n' and columns in bytes, from 1. */
static gsize
offset_of_line (const char *text,
                gsize       len,
                guint       line,
                guint       byte_column)
{
  gsize offset = 0;

  for (guint l = 1; l < line; l++)
    {
      const char *nl = memchr (text + offset, '\n', len - offset);

      if (nl == NULL)
        break;
      offset = nl - text + 1;
    }
  if (byte_column > 0)
    offset += byte_column - 1;
  return MIN (offset, len);
}

/* The run's elements as one tree, or NULL with the error noted. */
static JsonNode *
parse_run (Job                     *job,
           const TrancheElementRun *run,
           JsonParser              *parser,
           GString                 *text,
           gsize                   *error_offset,
           char                   **error_message)
{
  g_autoptr(GError) error = NULL;
  ErrorAt at = { 0, 0 };
  gulong handler;
  gsize offset;

  g_string_truncate (text, 0);
  g_string_append_c (text, '[');
  g_string_append_len (text, job->data + run->start, run->end - run->start);
  g_string_append_c (text, ']');

  handler = g_signal_connect (parser, "error", G_CALLBACK (parser_error_cb), &at);
  json_parser_load_from_data (parser, text->str, text->len, &error);
  g_signal_handler_disconnect (parser, handler);
  if (error == NULL)
    return json_parser_steal_root (parser);

  /* back from the bracketed copy to the caller's text */
  offset = offset_of_line (text->str, text->len, at.line, at.column);
  *error_offset = run->start + MIN (offset > 0 ? offset - 1 : 0, run->end - run->start);
  *error_message = g_strdup (error->message);
  return NULL;
}

static void
convert_run (Job                     *job,
             const TrancheElementRun *run,
             JsonNode                *root)
{
  JsonArray *array = json_node_get_array (root);
  guint n = MIN (run->n, json_array_get_length (array));

  for (guint i = 0; i < n; i++)
    job->sink (run->tag, run->first + i, json_array_get_element (array, i), job->user_data);
}

/* With the lock held and no other converter: feeds the sink the runs ready
 * from the turn on, in order, dropping the lock while converting. */
static void
convert_ready_runs (Job *job)
{
  while (job->turn < job->n_runs && job->slots[job->turn].state != RUN_PENDING)
    {
      RunSlot *slot = &job->slots[job->turn];

      g_mutex_unlock (&job->lock);
      if (!job->failed)
        {
          if (slot->state == RUN_REFUSED)
            {
              /* turns go in file order: the first refusal is the earliest */
              job->failed = TRUE;
              job->error_offset = slot->error_offset;
              job->error_message = g_steal_pointer (&slot->error_message);
              g_atomic_int_set (&job->stop, 1);
            }
          else if (slot->state == RUN_PARSED)
            convert_run (job, &job->runs[job->turn], slot->root);
        }
      g_mutex_lock (&job->lock);
      /* the tree is left for the thread that parsed it to free */
      job->turn++;
      g_cond_broadcast (&job->room);
    }
}

/* Takes the trees of this thread's runs that have been converted (or
 * passed over) into `done`, to be freed outside the lock; `mine` keeps the
 * runs still waiting. Called with the lock held. */
static void
take_converted (Job       *job,
                GArray    *mine,
                GPtrArray *done)
{
  guint kept = 0;

  for (guint i = 0; i < mine->len; i++)
    {
      guint k = g_array_index (mine, guint, i);

      if (k < job->turn)
        g_ptr_array_add (done, g_steal_pointer (&job->slots[k].root));
      else
        g_array_index (mine, guint, kept++) = k;
    }
  g_array_set_size (mine, kept);
}

static gpointer
parse_runs (gpointer data)
{
  Job *job = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (;;)
    {
      guint k = (guint) g_atomic_int_add (&job->next_run, 1);
      RunSlot result = { NULL, NULL, 0, RUN_SKIPPED };

      if (k >= job->n_runs)
        break;

      g_mutex_lock (&job->lock);
      take_converted (job, mine, done);
      /* The run at the turn is never one a thread waits with: it is being
       * parsed, or ready and converted by whoever left it. */
      while (k >= job->turn + job->max_ahead)
        g_cond_wait (&job->room, &job->lock);
      g_mutex_unlock (&job->lock);
      g_ptr_array_set_size (done, 0);

      /* After a failure or a cancel the runs left are only passed over,
       * in turn, so no one waits for a turn that never comes. */
      if (!g_atomic_int_get (&job->stop) && !g_cancellable_is_cancelled (job->cancellable))
        {
          result.root = parse_run (job, &job->runs[k], parser, text, &result.error_offset,
                                   &result.error_message);
          result.state = result.root != NULL ? RUN_PARSED : RUN_REFUSED;
        }

      g_mutex_lock (&job->lock);
      job->slots[k] = result;
      if (result.root != NULL)
        g_array_append_val (mine, k);
      if (!job->converting)
        {
          job->converting = TRUE;
          convert_ready_runs (job);
          job->converting = FALSE;
        }
      take_converted (job, mine, done);
      g_mutex_unlock (&job->lock);
      g_ptr_array_set_size (done, 0);
    }
  /* Trees still waiting for their turn are freed by the caller. */
  return NULL;
}

gboolean
tranche_parse_element_runs (const char               *data,
                            const TrancheElementRun  *runs,
                            guint                     n_runs,
                            guint                     n_threads,
                            TrancheElementSink        sink,
                            gpointer                  user_data,
                            GCancellable             *cancellable,
                            gsize                    *error_offset,
                            char                    **error_message)
{
  Job job = { 0 };
  GThread *threads[MAX_THREADS] = { NULL, };

  g_return_val_if_fail (data != NULL || n_runs == 0, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  job.data = data;
  job.runs = runs;
  job.n_runs = n_runs;
  job.sink = sink;
  job.user_data = user_data;
  job.cancellable = cancellable;
  job.slots = g_new0 (RunSlot, MAX (n_runs, 1));
  g_mutex_init (&job.lock);
  g_cond_init (&job.room);

  n_threads = CLAMP (n_threads, 1, MIN (MAX (n_runs, 1), MAX_THREADS));
  job.max_ahead = RUNS_AHEAD * n_threads;
  /* a thread that can't be had leaves more runs to the others */
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_try_new ("tranche-parse", parse_runs, &job, NULL);
  parse_runs (&job);
  for (guint i = 1; i < n_threads; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);

  /* every run was converted or passed over by the last converter */
  g_assert (job.turn == n_runs);
  for (guint k = 0; k < n_runs; k++)
    {
      g_clear_pointer (&job.slots[k].root, json_node_unref);
      g_free (job.slots[k].error_message);
    }
  g_free (job.slots);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.room);
  if (job.failed)
    {
      if (error_offset != NULL)
        *error_offset = job.error_offset;
      if (error_message != NULL)
        *error_message = g_steal_pointer (&job.error_message);
      g_free (job.error_message);
      return FALSE;
    }
  return TRUE;
}
