/* test-element-parser.c: runs of array elements parsed apart, converted in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-element-parser.h"

typedef struct
{
  GArray  *seen;     /* guint: the "n" member of each element, in sink order */
  GThread *caller;
  gboolean other_thread;
} Seen;

static void
record_cb (gpointer  tag,
           guint     index,
           JsonNode *node,
           gpointer  user_data)
{
  Seen *seen = user_data;
  guint n = json_object_get_int_member (json_node_get_object (node), "n");

  /* what the run says the element is, and what the text says, agree */
  g_assert_cmpuint (index, ==, n);
  g_assert_cmpstr (tag, ==, "events");
  g_array_append_val (seen->seen, n);
  if (g_thread_self () != seen->caller)
    seen->other_thread = TRUE;
}

/* `n` elements {"n": i} on lines of their own, cut into runs of `per_run`. */
static GArray *
make_runs (GString *text,
           guint    n,
           guint    per_run)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (TrancheElementRun));
  g_autofree gsize *starts = g_new (gsize, n + 1);

  g_string_append (text, "[\n");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, ",\n");
      starts[i] = text->len;
      g_string_append_printf (text, "{\"n\": %u}", i);
    }
  starts[n] = text->len;
  g_string_append (text, "\n]");

  for (guint first = 0; first < n; first += per_run)
    {
      guint to = MIN (first + per_run, n);
      /* a run ends before the comma that follows its last element */
      gsize end = to < n ? starts[to] - 2 : starts[n];
      TrancheElementRun run = { (gpointer) "events", first, to - first, starts[first], end };

      g_array_append_val (runs, run);
    }
  return runs;
}

static void
check_order (guint n_threads)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) runs = make_runs (text, 5000, 7);
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (guint)), g_thread_self (), FALSE };

  g_assert_true (tranche_parse_element_runs (text->str, (TrancheElementRun *) runs->data,
                                             runs->len, n_threads, record_cb, &seen, NULL,
                                             NULL, NULL));
  g_assert_cmpuint (seen.seen->len, ==, 5000);
  for (guint i = 0; i < seen.seen->len; i++)
    g_assert_cmpuint (g_array_index (seen.seen, guint, i), ==, i);
  /* with more, which thread converts what depends on the scheduler */
  if (n_threads == 1)
    g_assert_false (seen.other_thread);
  g_array_unref (seen.seen);
}

static void
test_order_threaded (void)
{
  check_order (3);
}

static void
test_order_one_thread (void)
{
  check_order (1);
}

/* A run json-glib refuses: where, and nothing from it or after it. */
static void
test_refused (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) runs = make_runs (text, 100, 10);
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (guint)), g_thread_self (), FALSE };
  g_autofree char *message = NULL;
  const char *bad = strstr (text->str, "{\"n\": 42}");
  gsize offset = 0;

  /* the value of element 42 becomes a bare word, on the same line */
  memcpy ((char *) bad + 6, "@@", 2);
  g_assert_false (tranche_parse_element_runs (text->str, (TrancheElementRun *) runs->data,
                                              runs->len, 2, record_cb, &seen, NULL,
                                              &offset, &message));
  g_assert_nonnull (message);
  /* json-glib points into the element, on its line */
  g_assert_cmpuint (offset, >=, (gsize) (bad - text->str));
  g_assert_cmpuint (offset, <=, (gsize) (bad - text->str) + strlen ("{\"n\": @@}"));
  /* runs 0 to 3 were converted, run 4 (elements 40 to 49) was not */
  g_assert_cmpuint (seen.seen->len, ==, 40);
  g_array_unref (seen.seen);
}

static void
test_cancelled (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) runs = make_runs (text, 1000, 10);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (guint)), g_thread_self (), FALSE };

  g_cancellable_cancel (cancellable);
  g_assert_true (tranche_parse_element_runs (text->str, (TrancheElementRun *) runs->data,
                                             runs->len, 2, record_cb, &seen, cancellable,
                                             NULL, NULL));
  g_assert_cmpuint (seen.seen->len, ==, 0);
  g_array_unref (seen.seen);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/element-parser/order/threaded", test_order_threaded);
  g_test_add_func ("/element-parser/order/one-thread", test_order_one_thread);
  g_test_add_func ("/element-parser/refused", test_refused);
  g_test_add_func ("/element-parser/cancelled", test_cancelled);
  return g_test_run ();
}
