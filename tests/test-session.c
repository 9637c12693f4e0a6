/* test-session.c: what is open in a window, without a window
 *
 * TrancheMask (one rule for whether a mask fits a dataset), TrancheSession
 * (dataset, filter, mask and selection change together) and loading in a
 * worker thread (tranche_loader_load_file_async).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tranche-event-fields.h"
#include "tranche-load-operation.h"
#include "tranche-loader.h"
#include "tranche-mask.h"
#include "tranche-session.h"
#include "tranche-valuation-chart.h"

/* Events named after their year; `extra` adds one more, dated before the
 * rest, so every other event moves one place down. */
static TrancheDataset *
make_dataset (gboolean extra)
{
  g_autofree char *json = g_strdup_printf (
    "{\"tranche\": 1, \"entities\": ["
    "  {\"id\": \"msft\", \"name\": \"Microsoft\", \"kind\": \"investor\"},"
    "  {\"id\": \"goog\", \"name\": \"Google\", \"kind\": \"investor\"},"
    "  {\"id\": \"openai\", \"name\": \"OpenAI\"}],"
    " \"events\": [%s"
    "  {\"id\": \"e2019\", \"date\": \"2019\", \"title\": \"A\", \"investors\": [\"msft\"],"
    "   \"target\": \"openai\", \"amount\": 1e9},"
    "  {\"id\": \"e2021\", \"date\": \"2021\", \"title\": \"B\", \"investors\": [\"goog\"],"
    "   \"target\": \"openai\", \"amount\": 2e9},"
    "  {\"id\": \"e2023\", \"date\": \"2023\", \"title\": \"C\", \"investors\": [\"msft\"],"
    "   \"target\": \"openai\", \"amount\": 1e10}]}",
    extra ? "{\"id\": \"e2010\", \"date\": \"2010\", \"title\": \"Z\", \"kind\": \"news\","
            " \"target\": \"openai\"}," : "");
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;

  dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
test_mask_filter (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset (FALSE);
  g_autoptr(TrancheDataset) other = make_dataset (TRUE);
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  g_autoptr(TrancheMask) all = tranche_mask_new_for_filter (filter, ds);
  g_autoptr(TrancheMask) msft = NULL;
  GBytes *bytes;

  g_assert_true (tranche_mask_shows_all (all));
  g_assert_null (tranche_mask_get_bytes (all));
  g_assert_cmpuint (tranche_mask_get_n_events (all), ==, 3);
  g_assert_cmpuint (tranche_mask_get_n_shown (all), ==, 3);

  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "msft");
  msft = tranche_mask_new_for_filter (filter, ds);
  g_assert_false (tranche_mask_shows_all (msft));
  g_assert_cmpuint (tranche_mask_get_n_events (msft), ==, 3);
  g_assert_cmpuint (tranche_mask_get_n_shown (msft), ==, 2);
  bytes = tranche_mask_get_bytes (msft);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 3);

  /* The one rule, and the one policy for a view given both apart. */
  g_assert_true (tranche_mask_bytes_fit (NULL, ds));
  g_assert_true (tranche_mask_bytes_fit (bytes, ds));
  g_assert_false (tranche_mask_bytes_fit (bytes, other));
  g_assert_false (tranche_mask_bytes_fit (bytes, NULL));
  g_assert_true (tranche_mask_bytes_for (bytes, ds) == bytes);
  g_assert_null (tranche_mask_bytes_for (bytes, other));
}

typedef struct
{
  guint n_dataset;
  guint n_mask;
  guint n_selected;
} Notified;

/* Whatever is notified first, the rest is already made for the dataset. */
static void
check_consistent_cb (TrancheSession *session,
                     GParamSpec     *pspec,
                     Notified       *notified)
{
  TrancheDataset *ds = tranche_session_get_dataset (session);
  TrancheMask *mask = tranche_session_get_mask (session);

  if (g_str_equal (pspec->name, "dataset"))
    notified->n_dataset++;
  else if (g_str_equal (pspec->name, "mask"))
    notified->n_mask++;
  else if (g_str_equal (pspec->name, "selected"))
    notified->n_selected++;
  if (ds == NULL)
    {
      g_assert_null (mask);
      g_assert_cmpint (tranche_session_get_selected (session), ==, -1);
      return;
    }
  g_assert_nonnull (mask);
  g_assert_cmpuint (tranche_mask_get_n_events (mask), ==, tranche_dataset_get_n_events (ds));
  g_assert_cmpint (tranche_session_get_selected (session), <,
                   (int) tranche_dataset_get_n_events (ds));
}

static void
test_session_reload (void)
{
  g_autoptr(TrancheSession) session = tranche_session_new ();
  g_autoptr(TrancheDataset) first = make_dataset (FALSE);
  g_autoptr(TrancheDataset) second = make_dataset (TRUE);
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  Notified notified = { 0 };

  g_assert_nonnull (tranche_session_get_viewport (session));
  g_assert_null (tranche_session_get_mask (session));
  g_signal_connect (session, "notify", G_CALLBACK (check_consistent_cb), &notified);

  tranche_session_set_dataset (session, first);
  g_assert_cmpuint (notified.n_dataset, ==, 1);
  g_assert_cmpuint (notified.n_mask, ==, 1);
  tranche_session_set_selected (session, tranche_dataset_find_event (first, "e2023"));
  g_assert_cmpint (tranche_session_get_selected (session), ==, 2);
  tranche_session_set_selected (session, 99);
  g_assert_cmpint (tranche_session_get_selected (session), ==, -1);
  tranche_session_set_selected (session, 2);

  /* A filter remakes the mask; the selection stays. */
  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "goog");
  tranche_session_set_filter (session, filter);
  g_assert_cmpuint (tranche_mask_get_n_shown (tranche_session_get_mask (session)), ==, 1);
  g_assert_nonnull (tranche_session_get_mask_bytes (session));
  g_assert_true (tranche_filter_equal (tranche_session_get_filter (session), filter));
  g_assert_cmpint (tranche_session_get_selected (session), ==, 2);

  /* A reload where the selected event moved: it stays selected, by id, and
   * the mask is the filter's for the new dataset. */
  tranche_session_set_dataset (session, second);
  g_assert_cmpint (tranche_session_get_selected (session), ==,
                   (int) tranche_dataset_find_event (second, "e2023"));
  g_assert_cmpint (tranche_session_get_selected (session), ==, 3);
  g_assert_cmpuint (tranche_mask_get_n_events (tranche_session_get_mask (session)), ==, 4);
  g_assert_cmpuint (tranche_mask_get_n_shown (tranche_session_get_mask (session)), ==, 1);

  tranche_session_set_filter (session, NULL);
  g_assert_null (tranche_session_get_mask_bytes (session));
  g_assert_true (tranche_filter_is_empty (tranche_session_get_filter (session)));

  tranche_session_set_dataset (session, NULL);
  g_assert_null (tranche_session_get_mask (session));
  g_assert_cmpint (tranche_session_get_selected (session), ==, -1);
  g_assert_cmpuint (notified.n_dataset, ==, 3);
}

typedef struct
{
  GMainLoop          *loop;
  TrancheDataset     *dataset;
  TrancheDiagnostics *diagnostics;
  GError             *error;
  TrancheViewData    *views;
  gboolean            was_running;
  double              last_fraction;
} LoadDone;

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadDone *done = user_data;

  done->was_running = tranche_load_operation_is_running (TRANCHE_LOAD_OPERATION (source));
  done->dataset = tranche_loader_load_file_finish (result, &done->diagnostics, &done->error);
  g_main_loop_quit (done->loop);
}

static void
load_done_clear (LoadDone *done)
{
  g_clear_pointer (&done->loop, g_main_loop_unref);
  g_clear_pointer (&done->dataset, tranche_dataset_unref);
  g_clear_pointer (&done->diagnostics, tranche_diagnostics_unref);
  g_clear_pointer (&done->views, tranche_view_data_unref);
  g_clear_error (&done->error);
}

static void
views_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoadDone *done = user_data;

  done->last_fraction = tranche_load_operation_get_fraction (TRANCHE_LOAD_OPERATION (source));
  done->dataset = tranche_loader_load_file_finish_with_views (result, &done->diagnostics,
                                                              &done->views, &done->error);
  g_main_loop_quit (done->loop);
}

typedef struct
{
  TrancheSession  *session;
  TrancheViewData *seen;
  guint            n_notified;
} ViewsSeen;

static void
dataset_notified_cb (ViewsSeen *seen)
{
  seen->n_notified++;
  seen->seen = tranche_session_get_view_data (seen->session);
}

/* What the views need, made in the worker: the session holds it only while
 * the views hear of its dataset, and only for that dataset. */
static void
test_load_with_views (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrancheLoadOperation) op = NULL;
  g_autoptr(TrancheSession) session = tranche_session_new ();
  g_autoptr(TrancheDataset) other = make_dataset (FALSE);
  g_autoptr(TrancheLaneIndex) index = NULL;
  TrancheViewDataSpec spec = {
    .lane_mode = TRANCHE_LANES_BY_TARGET,
    .chart_types = { TRANCHE_TYPE_VALUATION_CHART },
    .n_chart_types = 1,
  };
  LoadDone done = { .loop = g_main_loop_new (NULL, FALSE) };
  ViewsSeen seen = { session, NULL, 0 };

  op = tranche_loader_load_file_for_views_async (file, NULL, &spec, NULL, views_done_cb, &done);
  g_main_loop_run (done.loop);
  g_assert_no_error (done.error);
  g_assert_nonnull (done.views);
  g_assert_true (tranche_view_data_get_dataset (done.views) == done.dataset);
  g_assert_nonnull (tranche_view_data_get_chart_data (done.views,
                                                      TRANCHE_TYPE_VALUATION_CHART));
  g_assert_null (tranche_view_data_get_chart_data (done.views, TRANCHE_TYPE_SESSION));
  /* the filter menus' entities, by name, each with a role */
  {
    g_autoptr(GArray) roles = tranche_view_data_get_entity_roles (done.views);

    g_assert_nonnull (roles);
    g_assert_cmpuint (roles->len, >, 1);
    for (guint i = 0; i < roles->len; i++)
      {
        const TrancheEntityRole *r = &g_array_index (roles, TrancheEntityRole, i);

        g_assert_cmpuint (r->roles, !=, 0);
        if (i > 0)
          g_assert_cmpint (tranche_utf8_casecmp (
            tranche_dataset_get_entity (done.dataset, r[-1].entity)->name,
            tranche_dataset_get_entity (done.dataset, r->entity)->name), <=, 0);
      }
  }
  /* the progress was full by the time it reported */
  g_assert_cmpfloat (done.last_fraction, ==, 1.0);

  g_signal_connect_swapped (session, "notify::dataset", G_CALLBACK (dataset_notified_cb), &seen);
  tranche_session_set_dataset_with_views (session, done.dataset, done.views);
  g_assert_cmpuint (seen.n_notified, ==, 1);
  g_assert_true (seen.seen == done.views);
  g_assert_null (tranche_session_get_view_data (session));
  tranche_session_set_dataset (session, other);
  g_assert_cmpuint (seen.n_notified, ==, 2);
  g_assert_null (seen.seen);

  /* the lane index goes once, and only for its dataset, mode and no mask */
  g_assert_null (tranche_view_data_take_lane_index (done.views, done.dataset,
                                                    TRANCHE_LANES_BY_PAIR, NULL));
  g_assert_null (tranche_view_data_take_lane_index (done.views, other,
                                                    TRANCHE_LANES_BY_TARGET, NULL));
  index = tranche_view_data_take_lane_index (done.views, done.dataset, TRANCHE_LANES_BY_TARGET,
                                             NULL);
  g_assert_nonnull (index);
  g_assert_null (tranche_view_data_take_lane_index (done.views, done.dataset,
                                                    TRANCHE_LANES_BY_TARGET, NULL));
  g_clear_pointer (&index, tranche_lane_index_free);
  load_done_clear (&done);
}

static void
test_load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrancheLoadOperation) op = NULL;
  LoadDone done = { .loop = g_main_loop_new (NULL, FALSE) };

  op = tranche_loader_load_file_async (file, NULL, NULL, load_done_cb, &done);
  g_assert_true (tranche_load_operation_is_running (op));
  g_assert_true (tranche_load_operation_get_file (op) == file);
  g_assert_cmpstr (tranche_load_operation_get_message (op), ==,
                   "Opening microsoft-openai.json");
  g_main_loop_run (done.loop);
  g_assert_false (done.was_running);
  g_assert_no_error (done.error);
  g_assert_nonnull (done.dataset);
  g_assert_nonnull (done.diagnostics);
  g_assert_cmpuint (tranche_dataset_get_n_events (done.dataset), >, 0);
  load_done_clear (&done);
}

/* The loader's own reason, not a vaguer one. */
static void
test_load_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tranche-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "nothing-here.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrancheLoadOperation) op = NULL;
  LoadDone done = { .loop = g_main_loop_new (NULL, FALSE) };

  op = tranche_loader_load_file_async (file, NULL, NULL, load_done_cb, &done);
  g_main_loop_run (done.loop);
  g_assert_null (done.dataset);
  g_assert_error (done.error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (done.error->message, "nothing-here.json"));
  g_assert_nonnull (done.diagnostics);
  load_done_clear (&done);
  g_rmdir (dir);
}

static void
test_load_not_local (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("https://example.invalid/data.json");
  g_autoptr(TrancheLoadOperation) op = NULL;
  LoadDone done = { .loop = g_main_loop_new (NULL, FALSE) };

  op = tranche_loader_load_file_async (file, NULL, NULL, load_done_cb, &done);
  g_main_loop_run (done.loop);
  g_assert_null (done.dataset);
  g_assert_error (done.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  load_done_clear (&done);
}

/* Cancelled before it could report: cancelled, even though the sample is
 * small enough to be read by then. */
static void
test_load_cancel (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrancheLoadOperation) op = NULL;
  LoadDone done = { .loop = g_main_loop_new (NULL, FALSE) };

  op = tranche_loader_load_file_async (file, NULL, NULL, load_done_cb, &done);
  tranche_load_operation_cancel (op);
  g_assert_true (g_cancellable_is_cancelled (tranche_load_operation_get_cancellable (op)));
  g_main_loop_run (done.loop);
  g_assert_null (done.dataset);
  g_assert_null (done.diagnostics);
  g_assert_error (done.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  load_done_clear (&done);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mask/filter", test_mask_filter);
  g_test_add_func ("/session/reload", test_session_reload);
  g_test_add_func ("/load-operation/sample", test_load_sample);
  g_test_add_func ("/load-operation/with-views", test_load_with_views);
  g_test_add_func ("/load-operation/missing", test_load_missing);
  g_test_add_func ("/load-operation/not-local", test_load_not_local);
  g_test_add_func ("/load-operation/cancel", test_load_cancel);
  return g_test_run ();
}
