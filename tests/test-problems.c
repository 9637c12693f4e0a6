/* test-problems.c: which problems are listed, where they point, how many
 *
 * The loader lists at most TRANCHE_MAX_PROBLEMS problems: the first ones in
 * file order, whatever order they were found in, and counts the rest
 * exactly. Each points at the line of what it is about, also inside
 * arrays and objects big enough to be indexed (tranche-json-locate.c).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tranche-loader.h"
#include "tranche-problems.h"

static TrancheDataset *
load (GString            *json,
      TrancheDiagnostics *diagnostics,
      GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);

  return tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, error);
}

/* Each listed diagnostic comes after the one before it in the file. */
static void
assert_file_order (TrancheDiagnostics *diagnostics,
                   guint               n_listed)
{
  for (guint i = 1; i < n_listed; i++)
    {
      const TrancheDiagnostic *a = tranche_diagnostics_get (diagnostics, i - 1);
      const TrancheDiagnostic *b = tranche_diagnostics_get (diagnostics, i);

      g_assert_true (a->line < b->line || (a->line == b->line && a->column <= b->column));
    }
}

/* Undeclared targets are only known to be undeclared at the end, after
 * the errors of events further down the file: the cap still keeps the
 * first problems in the file, not the first found. */
static void
test_cap_keeps_file_order (void)
{
  g_autoptr(GString) json = g_string_new ("{\"tranche\": 1, \"events\": [\n");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  const TrancheDiagnostic *d;
  const guint n = 1500, n_ghosts = 750;

  /* event i is on line i + 2 */
  for (guint i = 0; i < n; i++)
    {
      if (i < n_ghosts)
        g_string_append_printf (json, "{\"id\": \"e%u\", \"date\": \"2023\", \"kind\": "
                                "\"valuation\", \"title\": \"T\", \"target\": \"ghost-%u\", "
                                "\"valuation\": 1}", i, i);
      else
        g_string_append_printf (json, "{\"id\": \"e%u\", \"date\": \"2023-13\", \"kind\": "
                                "\"news\", \"title\": \"T\"}", i);
      g_string_append (json, i + 1 < n ? ",\n" : "\n");
    }
  g_string_append (json, "]}\n");
  ds = load (json, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ds);

  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, TRANCHE_MAX_PROBLEMS + 1);
  assert_file_order (diagnostics, TRANCHE_MAX_PROBLEMS);
  for (guint i = 0; i < TRANCHE_MAX_PROBLEMS; i++)
    {
      g_autofree char *path = g_strdup_printf (i < n_ghosts ? "events[%u].target"
                                                            : "events[%u].date", i);

      d = tranche_diagnostics_get (diagnostics, i);
      g_assert_cmpstr (d->path, ==, path);
      g_assert_cmpuint (d->line, ==, i + 2);
      g_assert_cmpint (d->severity, ==, i < n_ghosts ? TRANCHE_SEVERITY_WARNING
                                                     : TRANCHE_SEVERITY_ERROR);
    }
  d = tranche_diagnostics_get (diagnostics, TRANCHE_MAX_PROBLEMS);
  g_assert_cmpstr (d->message, ==, "500 more errors are not listed");
  g_assert_cmpuint (d->line, ==, 0);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==,
                    n_ghosts);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==,
                    n - n_ghosts);
  g_assert_cmpuint (tranche_diagnostics_get_n_unlisted (diagnostics), ==, 500);
}

/* A problem of the root's members is found after every event, but it
 * is at the top of the file: it is listed first, and one of the events'
 * problems makes room for it. Those not listed are counted by severity. */
static void
test_cap_root_member_first (void)
{
  g_autoptr(GString) json = g_string_new ("{\"tranche\": 1, \"title\": 12, \"events\": [\n");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  const TrancheDiagnostic *d;
  const guint n_errors = 1100, n_warnings = 300;

  for (guint i = 0; i < n_errors + n_warnings; i++)
    {
      if (i < n_errors)
        g_string_append_printf (json, "{\"id\": \"e%u\", \"date\": \"x\", \"kind\": \"news\", "
                                "\"title\": \"T\"}", i);
      else
        g_string_append_printf (json, "{\"id\": \"e%u\", \"date\": \"2023\", \"kind\": "
                                "\"news\", \"title\": \"T\", \"note\": 1}", i);
      g_string_append (json, i + 1 < n_errors + n_warnings ? ",\n" : "\n");
    }
  g_string_append (json, "]}\n");
  ds = load (json, diagnostics, NULL);
  g_assert_nonnull (ds);

  d = tranche_diagnostics_get (diagnostics, 0);
  g_assert_cmpstr (d->path, ==, "title");
  g_assert_cmpuint (d->line, ==, 1);
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, 1)->path, ==, "events[0].date");
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, TRANCHE_MAX_PROBLEMS - 1)->path, ==,
                   "events[998].date");
  assert_file_order (diagnostics, TRANCHE_MAX_PROBLEMS);
  d = tranche_diagnostics_get (diagnostics, TRANCHE_MAX_PROBLEMS);
  g_assert_cmpint (d->severity, ==, TRANCHE_SEVERITY_ERROR);
  g_assert_cmpstr (d->message, ==, "401 more problems are not listed: 101 errors and "
                                   "300 warnings");
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==,
                    n_errors + 1);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==,
                    n_warnings);
}

/* The counts of the API: listed, unlisted, and the line saying so left
 * out of both. */
static void
test_unlisted_counts (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDiagnostics) warnings_only = tranche_diagnostics_new ();
  g_autoptr(TrancheDiagnostics) nothing = tranche_diagnostics_new ();
  const TrancheDiagnostic *d;

  tranche_diagnostics_add (diagnostics, TRANCHE_SEVERITY_ERROR, "a", 1, 1, "one");
  tranche_diagnostics_add (diagnostics, TRANCHE_SEVERITY_WARNING, "b", 2, 1, "two");
  tranche_diagnostics_add_unlisted (diagnostics, 3, 4);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 3);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 4);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==, 5);
  g_assert_cmpuint (tranche_diagnostics_get_n_unlisted (diagnostics), ==, 7);
  d = tranche_diagnostics_get (diagnostics, 2);
  g_assert_cmpstr (d->message, ==, "7 more problems are not listed: 3 errors and 4 warnings");

  tranche_diagnostics_add_unlisted (warnings_only, 0, 1);
  g_assert_cmpuint (tranche_diagnostics_count (warnings_only, TRANCHE_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (tranche_diagnostics_count (warnings_only, TRANCHE_SEVERITY_ERROR), ==, 0);
  d = tranche_diagnostics_get (warnings_only, 0);
  g_assert_cmpint (d->severity, ==, TRANCHE_SEVERITY_WARNING);
  g_assert_cmpstr (d->message, ==, "1 more warning is not listed");

  /* nothing left out: nothing said */
  tranche_diagnostics_add_unlisted (nothing, 0, 0);
  g_assert_cmpuint (tranche_diagnostics_get_length (nothing), ==, 0);
}

/* Problems inside a long array and a big object, and undeclared ids in
 * them, point at their own lines: the containers are indexed, not walked
 * again, and what is found there must be what the path names. */
static void
test_locate_in_big_containers (void)
{
  g_autoptr(GString) json = g_string_new ("{\"tranche\": 1, \"events\": [\n"
                                          "{\"id\": \"e\", \"date\": \"2023\", "
                                          "\"title\": \"T\", \"target\": \"t\", "
                                          "\"amount\": 1, \"investors\": [\n");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  const TrancheDiagnostic *d;
  const guint n = 3000;

  /* investor i on line i + 3; every 7th one is no valid id */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, i % 7 == 3 ? "\"Bad %u\"%s" : "\"u%u\"%s", i,
                            i + 1 < n ? ",\n" : "\n");
  g_string_append (json, "]},\n{\"id\": \"big\", \"date\": \"2023\", \"kind\": \"news\", "
                   "\"title\": \"T\",\n");
  /* member x<k> on line n + 5 + k; x5 is given once more, last, on its own line */
  for (guint k = 0; k < 50; k++)
    g_string_append_printf (json, "\"x%u\": [1, 2],\n", k);
  g_string_append (json, "\"\\u0078\\u0035\": {\"deep\": [0, 1, 2, 3]}\n}]}\n");
  ds = load (json, diagnostics, NULL);
  g_assert_nonnull (ds);

  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      guint k;

      d = tranche_diagnostics_get (diagnostics, i);
      if (sscanf (d->path, "events[0].investors[%u]", &k) == 1)
        {
          g_assert_cmpuint (d->line, ==, k + 3);
          g_assert_cmpint (d->severity, ==, k % 7 == 3 ? TRANCHE_SEVERITY_ERROR
                                                       : TRANCHE_SEVERITY_WARNING);
        }
      else if (sscanf (d->path, "events[1].x%u", &k) == 1)
        /* the repeated name points at its last use, as json-glib keeps it */
        g_assert_cmpuint (d->line, ==, k == 5 ? n + 5 + 50 : n + 5 + k);
    }
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[0].investors[2999]"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[1].x49"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[1].x5"));
  g_assert_cmpuint (tranche_diagnostics_get_n_unlisted (diagnostics), ==, 0);
}

static GString *
object_with_names (guint n_names,
                   guint repeated)
{
  GString *json = g_string_new ("{\"tranche\": 1, \"events\": [],\n\"rates\": {\n");

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (json, "\"n%u\": 1,\n", i);
  /* the repeat is escaped: json-glib decodes it to the same name */
  g_string_append_printf (json, "\"\\u006e%u\": 2\n}}\n", repeated);
  return json;
}

/* json-glib walks an object's names for each repeat: in an object too big
 * for that, a repeated name is refused before json-glib sees it. */
static void
test_repeated_name_in_big_object (void)
{
  g_autoptr(GString) small = object_with_names (63, 10);
  g_autoptr(GString) big = object_with_names (64, 10);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDiagnostics) refused = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  const TrancheDiagnostic *d;

  /* 64 members: not checked, read as before (the rates' names are wrong) */
  ds = load (small, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_clear_pointer (&ds, tranche_dataset_unref);

  ds = load (big, refused, &error);
  g_assert_null (ds);
  g_assert_error (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID);
  g_assert_cmpuint (tranche_diagnostics_get_length (refused), ==, 1);
  d = tranche_diagnostics_get (refused, 0);
  g_assert_cmpuint (d->line, ==, 3 + 64);
  g_assert_cmpuint (d->column, ==, 1);
  g_assert_cmpstr (d->message, ==, "the name \"n10\" is given twice in an object of more than "
                                   "64 members (first at line 13); give each member once");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/problems/cap/file-order", test_cap_keeps_file_order);
  g_test_add_func ("/problems/cap/root-member-first", test_cap_root_member_first);
  g_test_add_func ("/problems/unlisted-counts", test_unlisted_counts);
  g_test_add_func ("/problems/locate/big-containers", test_locate_in_big_containers);
  g_test_add_func ("/problems/repeated-name-in-big-object", test_repeated_name_in_big_object);

  return g_test_run ();
}
