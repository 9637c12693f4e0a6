/* test-scaling.c: no path of the loader is quadratic
 *
 * A small file must never cost seconds: 20,000 undeclared investors in one
 * event (190 KB) once took 10 s to load, each problem walking the array up
 * to itself. For each kind of hostile input (hostile-files.h), a file of
 * size N and one of size 4N are loaded in turn, a few times each, and the
 * best time of each is kept: linear work takes about 4 times as long at
 * 4N, quadratic work 16 times. The test fails past 6 times.
 *
 * Times are the process's CPU time, loading on the calling thread only:
 * on a busy machine, waiting for a core is not counted, and a run can only
 * be made slower, never faster, so the best of a few is the one to trust.
 * N is chosen so that loading it takes some milliseconds, far above the
 * clock's resolution and what loading any file costs. It runs with
 * G_SLICE=always-malloc, as meson's test environment and tranche itself
 * set it: GLib's own slice allocator made deep trees cost more the more
 * had been freed before, which is not the loader's doing.
 *
 * Under a sanitizer or valgrind every access costs more, and unevenly:
 * the test is in its own suite, which build-aux/asan-test.sh leaves out,
 * and it skips itself when built with AddressSanitizer.
 */
#include "config.h"

#include <time.h>

#include "hostile-files.h"
#include "tranche-loader.h"

#define RUNS 4
#define MAX_RATIO 6.0

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif

typedef struct
{
  HostileScaled which;
  guint         n;  /* N; arrays stay under the 65,535 entries an event may have at 4N */
} ScalingCase;

static const ScalingCase cases[] = {
  { HOSTILE_SCALED_UNDECLARED_IDS, 6000 },
  { HOSTILE_SCALED_DUPLICATE_IDS, 1500 },
  { HOSTILE_SCALED_PROBLEMS, 1500 },
  { HOSTILE_SCALED_CITATIONS_TAGS, 1500 },
  { HOSTILE_SCALED_MEMBERS, 4000 },
  { HOSTILE_SCALED_DEEP, 40 },
  { HOSTILE_SCALED_LONG_STRINGS, 200000 },
};

static double
cpu_seconds (void)
{
  struct timespec ts;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts), ==, 0);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds of CPU one load of `bytes` took; its problems are counted. */
static double
time_load (GBytes *bytes,
           guint  *n_problems)
{
  TrancheLoaderOptions options = { .n_threads = 1 };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  double start = cpu_seconds ();
  double took;

  ds = tranche_loader_load_bytes (bytes, NULL, &options, diagnostics, &error);
  took = cpu_seconds () - start;
  /* each of these files is read to its end: a dataset with problems */
  g_assert_no_error (error);
  g_assert_nonnull (ds);
  *n_problems = tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR)
                + tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING);
  return took;
}

static void
test_scaling (gconstpointer data)
{
  const ScalingCase *c = data;
  GString *small_text = hostile_scaled_new (c->which, c->n);
  GString *big_text = hostile_scaled_new (c->which, 4 * c->n);
  gsize small_len = small_text->len, big_len = big_text->len;
  g_autoptr(GBytes) small = g_string_free_to_bytes (small_text);
  g_autoptr(GBytes) big = g_string_free_to_bytes (big_text);
  double best_small = G_MAXDOUBLE, best_big = G_MAXDOUBLE;
  guint small_problems = 0, big_problems = 0;

#ifdef UNDER_SANITIZER
  g_test_skip ("times under AddressSanitizer say nothing of the code's own");
  return;
#endif

  /* the bigger file is bigger in proportion, and has the problems it should */
  g_assert_cmpfloat ((double) big_len / small_len, >, 3.5);
  g_assert_cmpfloat ((double) big_len / small_len, <, 4.5);

  /* in turn, so a busy moment slows both sizes alike */
  for (guint run = 0; run < RUNS; run++)
    {
      best_small = MIN (best_small, time_load (small, &small_problems));
      best_big = MIN (best_big, time_load (big, &big_problems));
    }
  g_test_message ("%s: N = %u (%zu KB, %u problems) in %.1f ms, 4N (%zu KB, %u problems) "
                  "in %.1f ms: %.2f times", hostile_scaled_name (c->which), c->n,
                  small_len / 1024, small_problems, best_small * 1000, big_len / 1024,
                  big_problems, best_big * 1000, best_big / best_small);
  g_assert_cmpuint (small_problems, >, 0);
  g_assert_cmpuint (big_problems, >=, small_problems);
  g_assert_cmpfloat (best_big / best_small, <, MAX_RATIO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scaling/%s",
                                               hostile_scaled_name (cases[i].which));

      g_test_add_data_func (path, &cases[i], test_scaling);
    }
  return g_test_run ();
}
