/* tranche-element-parser.c: json-glib on several threads, results in order
 *
 * Each thread claims the next run, wraps its text in brackets so that
 * json-glib sees one array, and parses it with a parser of its own. Then it
 * waits for its run's turn, feeds the elements to the sink, passes the turn
 * on, and frees the tree outside the lock. Converting is the smaller half
 * of the work, so on two cores the sink is rarely what everyone waits for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-element-parser.h"

#define MAX_THREADS 8

typedef struct
{
  const char              *data;
  const TrancheElementRun *runs;
  guint                    n_runs;
  TrancheElementSink       sink;
  gpointer                 user_data;
  GCancellable            *cancellable;

  int                      next_run;   /* atomic: the next run to claim */
  int                      stop;       /* atomic: a run failed, parse no more */

  GMutex                   lock;
  GCond                    turn_changed;
  guint                    turn;       /* the run converted next */
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

static gpointer
parse_runs (gpointer data)
{
  Job *job = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (;;)
    {
      guint k = (guint) g_atomic_int_add (&job->next_run, 1);
      const TrancheElementRun *run;
      JsonNode *root = NULL;
      gboolean refused = FALSE;
      gsize error_offset = 0;
      char *error_message = NULL;

      if (k >= job->n_runs)
        break;
      run = &job->runs[k];
      /* After a failure or a cancel the runs left are only passed over,
       * in turn, so no one waits for a turn that never comes. */
      if (!g_atomic_int_get (&job->stop) && !g_cancellable_is_cancelled (job->cancellable))
        {
          root = parse_run (job, run, parser, text, &error_offset, &error_message);
          refused = root == NULL;
        }

      g_mutex_lock (&job->lock);
      while (job->turn != k)
        g_cond_wait (&job->turn_changed, &job->lock);
      if (!job->failed)
        {
          if (refused)
            {
              /* turns go in file order: the first refusal is the earliest */
              job->failed = TRUE;
              job->error_offset = error_offset;
              job->error_message = g_steal_pointer (&error_message);
              g_atomic_int_set (&job->stop, 1);
            }
          else if (root != NULL)
            convert_run (job, run, root);
        }
      job->turn++;
      g_cond_broadcast (&job->turn_changed);
      g_mutex_unlock (&job->lock);

      g_free (error_message);
      if (root != NULL)
        json_node_unref (root);
    }
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
  g_mutex_init (&job.lock);
  g_cond_init (&job.turn_changed);

  n_threads = CLAMP (n_threads, 1, MIN (MAX (n_runs, 1), MAX_THREADS));
  /* a thread that can't be had leaves more runs to the others */
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_try_new ("tranche-parse", parse_runs, &job, NULL);
  parse_runs (&job);
  for (guint i = 1; i < n_threads; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);

  g_mutex_clear (&job.lock);
  g_cond_clear (&job.turn_changed);
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
