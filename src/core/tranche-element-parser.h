/* tranche-element-parser.h: json-glib on several threads, results in order
 *
 * One parse of a whole million-event file with json-glib is half of loading
 * it, and converting what it parsed (validation, the builder) a quarter.
 * The loader's first pass knows where each element of the big arrays
 * starts, so runs of elements can be parsed apart, each as a small tree, on
 * as many threads as there are cores, while the elements are handed to one
 * sink in file order: a thread that finds no one converting converts the
 * runs that are ready, the others go on parsing. Parsing stays at most a
 * couple of runs per thread ahead of converting, so few trees are in memory.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Elements `first` to `first + n - 1` of an array; the text from `start`
 * to `end` holds them and the commas between them, nothing else. */
typedef struct
{
  gpointer tag;
  guint    first;
  guint    n;
  gsize    start;
  gsize    end;
} TrancheElementRun;

/* Converts one element. `tag` is its run's. Called for the elements of the
 * runs in their order, never from two threads at once; not always from the
 * caller's thread. */
typedef void (*TrancheElementSink) (gpointer  tag,
                                    guint     index,
                                    JsonNode *node,
                                    gpointer  user_data);

/* Parses the runs of `data` on up to `n_threads` threads (the calling one
 * among them) and feeds every element to `sink`. Stops early when
 * `cancellable` is cancelled. FALSE when json-glib refuses a run: then
 * `error_offset` is where in `data`, and `error_message` json-glib's words
 * (free it); nothing past that run is converted. */
gboolean tranche_parse_element_runs (const char               *data,
                                     const TrancheElementRun  *runs,
                                     guint                     n_runs,
                                     guint                     n_threads,
                                     TrancheElementSink        sink,
                                     gpointer                  user_data,
                                     GCancellable             *cancellable,
                                     gsize                    *error_offset,
                                     char                    **error_message);

G_END_DECLS
