/* test-hostile.c: files from colleagues, scrapers and the internet
 *
 * Each file of tests/fixtures/hostile/, each large one written at test time
 * (hostile-files.c) and each input the fuzzer once crashed on
 * (fuzz/regressions/) is loaded by the loader and by `tranche --check`.
 * Each must end in a clear diagnostic or load with warnings, never crash;
 * every message must be valid UTF-8 and point inside the file. How long
 * each took is printed as a figure (TAP comments): the bound is the test's
 * timeout, not a flaky assertion. Files that load are then exported to PNG,
 * so painting them is checked too (under the sanitizers in
 * build-aux/asan-test.sh).
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostile-files.h"
#include "tranche-export.h"
#include "tranche-format.h"
#include "tranche-loader.h"
#include "tranche-url.h"

typedef enum
{
  REFUSED,        /* no dataset, one or more errors */
  LOADS,          /* a dataset, maybe with warnings or events left out */
} Outcome;

typedef struct _Case Case;

struct _Case
{
  const char *name;
  const char *file;        /* in fixtures/hostile/; NULL: generated */
  int         generated;   /* HostileGenerated when file is NULL */
  Outcome     outcome;
  int         status;      /* of `tranche --check` */
  const char *path;        /* a diagnostic at this path… (NULL: none expected) */
  const char *message;     /* …whose message holds this */
  guint       line;        /* …on this line (0: not checked) */
  guint       n_events;    /* events loaded */
  void      (*check) (const Case *c, TrancheDataset *ds, TrancheDiagnostics *diagnostics);
  const char *summary;     /* the end of `tranche --check`'s last line (NULL: not checked) */
};

static char *tmp_dir;

/* Checks of what some files load into */

static const TrancheEvent *
event_by_id (TrancheDataset *ds,
             const char     *id)
{
  guint i = tranche_dataset_find_event (ds, id);

  g_assert_cmpuint (i, <, tranche_dataset_get_n_events (ds));
  return tranche_dataset_get_event (ds, i);
}

static const TrancheSource *
source_by_id (TrancheDataset *ds,
              const char     *id)
{
  guint i = tranche_dataset_find_source (ds, id);

  g_assert_cmpuint (i, <, tranche_dataset_get_n_sources (ds));
  return tranche_dataset_get_source (ds, i);
}

static void
check_markup (const Case         *c,
              TrancheDataset     *ds,
              TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "<b>markup-event</b>");
  const TrancheSource *src = source_by_id (ds, "<b>src</b>");
  guint acme_index = tranche_dataset_find_entity (ds, "acme");
  const TrancheEntity *acme = tranche_dataset_get_entity (ds, acme_index);

  /* kept exactly as written: escaping is the display's job, never the loader's */
  g_assert_cmpstr (tranche_dataset_get_title (ds), ==,
                   "<b>Bold</b> & <span foreground=\"red\">red</span> title");
  g_assert_cmpstr (ev->title, ==, "<b>Bold</b> & <span foreground=\"red\">red</span> &amp; <i>");
  g_assert_cmpstr (ev->round, ==, "<tt>Series A</tt>");
  g_assert_cmpstr (acme->name, ==, "<b>Acme</b> & Sons");
  g_assert_cmpstr (src->author, ==, "A &lt;B&gt; C");
  g_assert_cmpstr (tranche_dataset_event_tag (ds, ev, 0), ==, "<b>tag</b>");
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
}

static void
check_rtl (const Case         *c,
           TrancheDataset     *ds,
           TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "rtl");

  g_assert_cmpstr (ev->title, ==, "جولة تمويل 🦄 \u202Edesrever\u202C");
  g_assert_cmpstr (tranche_dataset_event_tag (ds, ev, 0), ==, "🏷️");
  g_assert_true (g_utf8_validate (tranche_dataset_get_title (ds), -1, NULL));
}

static void
check_nul (const Case         *c,
           TrancheDataset     *ds,
           TrancheDiagnostics *diagnostics)
{
  /* C strings end at the NUL: what follows is cut, and the analyst is told */
  g_assert_cmpstr (tranche_dataset_get_title (ds), ==, "Before");
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), >=, 1);
}

static void
check_amounts (const Case         *c,
               TrancheDataset     *ds,
               TrancheDiagnostics *diagnostics)
{
  g_autofree char *minus_zero = tranche_format_money (&event_by_id (ds, "negative-zero")->amount);
  g_autofree char *zero = tranche_format_money (&event_by_id (ds, "zero")->amount);

  g_test_message ("-0 is shown as %s, 0 as %s", minus_zero, zero);
  g_assert_null (strchr (minus_zero, '-'));
  g_assert_cmpstr (minus_zero, ==, zero);
  g_assert_false (signbit (event_by_id (ds, "negative-zero")->amount.value));
}

static void
check_huge_number (const Case         *c,
                   TrancheDataset     *ds,
                   TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *big = event_by_id (ds, "big-int");
  double rate;

  /* json-glib wraps integers beyond 64 bits: the loader must not */
  g_assert_cmpfloat (big->amount.value, ==, 1e20);
  g_assert_false (tranche_dataset_get_rate (ds, tranche_currency_from_code ("EUR"), &rate));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[0].amount"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[1].valuation.value"));
}

static void
check_urls (const Case         *c,
            TrancheDataset     *ds,
            TrancheDiagnostics *diagnostics)
{
  for (guint i = 0; i < tranche_dataset_get_n_sources (ds); i++)
    {
      const TrancheSource *s = tranche_dataset_get_source (ds, i);

      /* kept as written, to be shown; only the web address may be opened */
      g_assert_nonnull (s->url);
      g_assert_cmpint (tranche_url_is_web (s->url), ==, g_str_equal (s->id, "web"));
    }
}

static void
check_text_files (const Case         *c,
                  TrancheDataset     *ds,
                  TrancheDiagnostics *diagnostics)
{
  const TrancheDiagnostic *link = tranche_diagnostics_find (diagnostics, "sources[3].text_file");

  g_assert_nonnull (link);
  g_assert_nonnull (strstr (link->message, "through a link"));
  g_assert_nonnull (strstr (tranche_diagnostics_find (diagnostics,
                                                      "sources[2].text_file")->message,
                            "absolute"));
  g_assert_nonnull (strstr (tranche_diagnostics_find (diagnostics,
                                                      "sources[1].text_file")->message,
                            "leaves"));
  /* what may be read is read; nothing from outside the folder got in */
  g_assert_cmpstr (source_by_id (ds, "inside")->text, ==, "The article, beside the dataset.\n");
  for (guint i = 0; i < tranche_dataset_get_n_sources (ds); i++)
    {
      const char *text = tranche_dataset_get_source (ds, i)->text;

      g_assert_true (text == NULL || strstr (text, "SECRET") == NULL);
    }
}

static void
check_duplicates (const Case         *c,
                  TrancheDataset     *ds,
                  TrancheDiagnostics *diagnostics)
{
  /* the first of each id is kept */
  g_assert_cmpstr (event_by_id (ds, "dup")->title, ==, "First");
  g_assert_cmpstr (source_by_id (ds, "s")->title, ==, "S");
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "entities[1].id"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "sources[1].id"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[2].id"));
}

static void
check_unknown (const Case         *c,
               TrancheDataset     *ds,
               TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "e");

  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==, 3);
  /* an unknown id is its own name */
  g_assert_cmpstr (tranche_dataset_get_entity (ds, ev->target)->name, ==, "phantom");
  g_assert_cmpuint (tranche_dataset_event_citation (ds, ev, 0)->source, ==, TRANCHE_NO_ENTITY);
}

static void
check_dates (const Case         *c,
             TrancheDataset     *ds,
             TrancheDiagnostics *diagnostics)
{
  TrancheDay first, end;
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;

  g_assert_true (tranche_dataset_get_day_range (ds, &first, &end));
  g_assert_cmpfloat (first, ==, tranche_day_from_ymd (1000, 1, 1));
  g_assert_cmpfloat (end, ==, tranche_date_end_day (&event_by_id (ds, "last")->date));
  earliest = tranche_format_date (&event_by_id (ds, "first")->date);
  latest = tranche_format_date (&event_by_id (ds, "last")->date);
  g_assert_cmpstr (earliest, ==, "1 Jan 1000");
  g_assert_cmpstr (latest, ==, "31 Dec 9999");
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[4].date"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[5].date"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[6].date"));
}

static void
check_long_string (const Case         *c,
                   TrancheDataset     *ds,
                   TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "long");

  /* labels and paragraphs are cut where no display needs more, with a
   * warning each; the source's full text is kept whole */
  g_assert_cmpint (g_utf8_strlen (tranche_dataset_get_title (ds), -1), ==, 1001);
  g_assert_true (g_str_has_suffix (tranche_dataset_get_title (ds), "…"));
  g_assert_cmpint (g_utf8_strlen (ev->title, -1), ==, 1001);
  g_assert_cmpint (g_utf8_strlen (ev->summary, -1), ==, 20001);
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "title"));
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "events[0].summary"));
  g_assert_cmpuint (strlen (source_by_id (ds, "book")->text), >=, 5 * 1024 * 1024);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
}

static void
check_investors (const Case         *c,
                 TrancheDataset     *ds,
                 TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "crowd");

  g_assert_cmpuint (ev->n_investors, ==, 20000);
  g_assert_cmpuint (tranche_dataset_event_investor (ds, ev, 19999), ==,
                    tranche_dataset_find_entity (ds, "inv-19999"));
}

static void
check_one_day (const Case         *c,
               TrancheDataset     *ds,
               TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *events = tranche_dataset_get_events (ds);

  /* ties keep the file's order */
  for (guint i = 1; i < tranche_dataset_get_n_events (ds); i++)
    g_assert_cmpuint (events[i - 1].order, <, events[i].order);
}

/* Past the cap, the problems listed are the first in the file, in order,
 * and the last line says how many more there are of which severity. */
static void
check_listed_first (TrancheDiagnostics *diagnostics,
                    const char         *unlisted)
{
  guint n = tranche_diagnostics_get_length (diagnostics);

  g_assert_cmpuint (n, ==, 1001);
  for (guint i = 1; i + 1 < n; i++)
    {
      const TrancheDiagnostic *a = tranche_diagnostics_get (diagnostics, i - 1);
      const TrancheDiagnostic *b = tranche_diagnostics_get (diagnostics, i);

      g_assert_true (a->line < b->line || (a->line == b->line && a->column < b->column));
    }
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, n - 1)->message, ==, unlisted);
}

static void
check_undeclared (const Case         *c,
                  TrancheDataset     *ds,
                  TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "crowd");

  g_assert_cmpuint (ev->n_investors, ==, 20000);
  g_assert_cmpstr (tranche_dataset_get_entity (ds, tranche_dataset_event_investor (ds, ev,
                                                                                   19999))->name,
                   ==, "u19999");
  /* the target, then the investors in their order */
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, 0)->path, ==, "events[0].target");
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, 999)->path, ==,
                   "events[0].investors[998]");
  check_listed_first (diagnostics, "19001 more warnings are not listed");
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==, 20001);
}

static void
check_citations (const Case         *c,
                 TrancheDataset     *ds,
                 TrancheDiagnostics *diagnostics)
{
  const TrancheEvent *ev = event_by_id (ds, "cited");

  g_assert_cmpuint (ev->n_citations, ==, 20000);
  g_assert_cmpuint (ev->n_tags, ==, 20000);
  g_assert_cmpstr (tranche_dataset_event_tag (ds, ev, 19999), ==, "t19999");
  g_assert_cmpuint (tranche_dataset_event_citation (ds, ev, 19999)->source, ==,
                    TRANCHE_NO_ENTITY);
  check_listed_first (diagnostics, "79000 more problems are not listed: 60000 errors and "
                      "19000 warnings");
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 60000);
}

/* Read once, shared by every source that names it, however spelled: 2,000
 * copies of 1 MB took 6 s and 2 GB. A file that is no UTF-8 is refused
 * for each source that names it. */
static void
check_shared_text (const Case         *c,
                   TrancheDataset     *ds,
                   TrancheDiagnostics *diagnostics)
{
  const char *text = source_by_id (ds, "s0")->text;

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), >=, 1000 * 1000);
  for (guint i = 1; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      g_assert_true (source_by_id (ds, id)->text == text);
    }
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "sources[2001].text_file"));
  g_assert_nonnull (strstr (tranche_diagnostics_find (diagnostics,
                                                      "sources[2001].text_file")->message,
                            "not UTF-8"));
  g_assert_nonnull (strstr (tranche_diagnostics_find (diagnostics,
                                                      "sources[2002].text_file")->message,
                            "not a regular file"));
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 3);
}

static const Case cases[] = {
  { "empty", "empty.json", 0, REFUSED, 1, "", "empty", 1, 0, NULL },
  { "whitespace", "whitespace.json", 0, REFUSED, 1, "", "empty", 1, 0, NULL },
  { "truncated", "truncated.json", 0, REFUSED, 1, "", "truncated", 6, 0, NULL },
  { "byte-order-mark", "bom.json", 0, LOADS, 0, NULL, NULL, 0, 1, NULL },
  { "invalid-utf8", "invalid-utf8.json", 0, REFUSED, 1, "", "not UTF-8", 2, 0, NULL },
  { "latin1", "latin1.json", 0, REFUSED, 1, "", "0xE9", 2, 0, NULL },
  { "root-array", "root-array.json", 0, REFUSED, 1, "", "expected a JSON object", 1, 0, NULL },
  { "version-99", "version-99.json", 0, REFUSED, 1, "tranche", "version 99", 1, 0, NULL },
  { "nested-arrays", NULL, HOSTILE_NESTED_ARRAYS, REFUSED, 1, "", "nested more than", 2, 0,
    NULL },
  { "nested-objects", NULL, HOSTILE_NESTED_OBJECTS, REFUSED, 1, "", "nested more than", 3, 0,
    NULL },
  { "long-string", NULL, HOSTILE_LONG_STRING, LOADS, 0, "events[0].title",
    "only the first 1000 are shown", 0, 2, check_long_string },
  { "many-investors", NULL, HOSTILE_MANY_INVESTORS, LOADS, 1, "events[1].investors",
    "at most 65535", 0, 1, check_investors },
  { "huge-number", "huge-number.json", 0, LOADS, 1, "events[0].amount", "too large", 6, 2,
    check_huge_number },
  { "amounts", "amounts.json", 0, LOADS, 1, "events[0].amount", "0 or more", 5, 4,
    check_amounts },
  { "nul-in-strings", "nul-in-strings.json", 0, LOADS, 1, "", "NUL", 3, 1, check_nul },
  { "markup", "markup.json", 0, LOADS, 0, NULL, NULL, 0, 1, check_markup },
  { "rtl-emoji", "rtl-emoji.json", 0, LOADS, 0, NULL, NULL, 0, 2, check_rtl },
  { "text-file-escape", "text-file-escape.json", 0, LOADS, 1, "sources[0].text_file",
    "leaves the dataset's folder", 4, 1, check_text_files },
  { "urls", "urls.json", 0, LOADS, 0, NULL, NULL, 0, 1, check_urls },
  { "duplicate-ids", "duplicate-ids.json", 0, LOADS, 1, "events[1].id", "already", 13, 1,
    check_duplicates },
  { "unknown-references", "unknown-refs.json", 0, LOADS, 0, "events[0].target",
    "no entity has the id \"phantom\"", 6, 1, check_unknown },
  { "one-day", NULL, HOSTILE_ONE_DAY, LOADS, 0, NULL, NULL, 0, 5000, check_one_day },
  { "dates", "dates.json", 0, LOADS, 1, "events[4].date", "1000 to 9999", 8, 4, check_dates },
  /* 10 s to --check before: each undeclared id was located by walking the
   * array up to it; and the 1,000 listed were in hash-table order */
  { "undeclared", NULL, HOSTILE_UNDECLARED, LOADS, 0, "events[0].investors[0]",
    "no entity has the id \"u0\"", 3, 1, check_undeclared,
    /* --check also says an amount of 1 is implausible ("did you mean millions?") */
    "1 event loaded, 0 left out, 0 errors, 20002 warnings" },
  { "citations", NULL, HOSTILE_CITATIONS, LOADS, 1, "events[0].sources[999].source",
    "no source has the id \"s999\"", 3, 1, check_citations,
    "1 event loaded, 1 left out, 60000 errors, 20000 warnings" },
  /* json-glib walks an object's names for each repeat: refused first */
  { "repeated-names", NULL, HOSTILE_REPEATED_NAMES, REFUSED, 1, "",
    "\"k19999\" is given twice in an object of more than 64 members (first at line 3)", 3, 0,
    NULL, "not loaded (1 error)" },
  { "repeated-names-escaped", "repeated-names.json", 0, REFUSED, 1, "",
    "\"C07\" is given twice in an object of more than 64 members (first at line 10)", 68, 0,
    NULL, "not loaded (1 error)" },
  { "shared-text-file", "shared-text.json", 0, LOADS, 1, "sources[2000].text_file",
    "\"latin1.txt\" is not UTF-8 text", 2002, 1, check_shared_text,
    "1 event loaded, 0 left out, 3 errors, 0 warnings" },
  { "deep-allowed", "deep-allowed.json", 0, LOADS, 0, NULL, NULL, 0, 1, NULL,
    "1 event loaded, 0 left out, 0 errors, 1 warning" },
};

/* 2,000 sources name one 1 MB text file, spelled three ways, two name a
 * Latin-1 file and one a named pipe: written at test time. */
static char *
write_shared_text (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "shared", NULL);
  g_autofree char *dataset = g_build_filename (folder, "shared-text.json", NULL);
  g_autofree char *article = g_build_filename (folder, "article.txt", NULL);
  g_autofree char *latin1 = g_build_filename (folder, "latin1.txt", NULL);
  g_autofree char *sub = g_build_filename (folder, "sub", NULL);
  g_autofree char *pipe = g_build_filename (folder, "pipe.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("{\"tranche\": 1, \"sources\": [\n");
  static const char * const spellings[] = { "article.txt", "./article.txt",
                                            "sub/../article.txt" };

  if (g_file_test (dataset, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&dataset);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  while (text->len < 1000 * 1000)
    g_string_append (text, "Financement d’OpenAI par Microsoft. ");
  g_assert_true (g_file_set_contents (article, text->str, text->len, NULL));
  g_assert_true (g_file_set_contents (latin1, "caf\xe9\n", -1, NULL));
  /* reading a named pipe would wait for a writer forever */
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (json, "{\"id\": \"s%u\", \"title\": \"S\", \"text_file\": \"%s\"},\n",
                            i, spellings[i % G_N_ELEMENTS (spellings)]);
  g_string_append (json, "{\"id\": \"l1\", \"title\": \"L\", \"text_file\": \"latin1.txt\"},\n"
                   "{\"id\": \"l2\", \"title\": \"L\", \"text_file\": \"./latin1.txt\"},\n"
                   "{\"id\": \"p\", \"title\": \"P\", \"text_file\": \"pipe.txt\"}],\n"
                   "\"events\": [{\"id\": \"e\", \"date\": \"2023\", \"kind\": \"news\", "
                   "\"title\": \"T\", \"sources\": [{\"source\": \"s1999\", "
                   "\"quote\": \"par Microsoft\"}]}]}\n");
  g_assert_true (g_file_set_contents (dataset, json->str, json->len, NULL));
  return g_steal_pointer (&dataset);
}

/* Where a case's file is: text-file-escape is copied beside a text it may
 * read, below a secret it may not, and next to a link that points at the
 * secret (made here: a committed link would be the repository's problem). */
static char *
case_file (const Case *c)
{
  g_autoptr(GError) error = NULL;

  if (c->file == NULL)
    {
      g_autofree char *name = g_build_filename (tmp_dir,
                                                hostile_generated_name (c->generated), NULL);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&name);
      return hostile_generated_write (c->generated, tmp_dir);
    }
  if (g_str_equal (c->file, "shared-text.json"))
    return write_shared_text ();
  if (g_str_equal (c->file, "text-file-escape.json"))
    {
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile",
                                                        c->file, NULL);
      g_autofree char *folder = g_build_filename (tmp_dir, "escape", "data", NULL);
      g_autofree char *secret = g_build_filename (tmp_dir, "escape", "secret.txt", NULL);
      g_autofree char *article = g_build_filename (folder, "article.txt", NULL);
      g_autofree char *link = g_build_filename (folder, "link.txt", NULL);
      g_autofree char *copy = g_build_filename (folder, c->file, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (copy, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&copy);
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
      g_assert_true (g_file_set_contents (copy, contents, length, &error));
      g_assert_true (g_file_set_contents (secret, "SECRET\n", -1, &error));
      g_assert_true (g_file_set_contents (article, "The article, beside the dataset.\n", -1,
                                          &error));
      g_assert_cmpint (symlink ("../secret.txt", link), ==, 0);
      return g_steal_pointer (&copy);
    }
  return g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", c->file, NULL);
}

static guint
count_lines (const char *filename)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 1;

  g_assert_true (g_file_get_contents (filename, &contents, &length, NULL));
  for (gsize i = 0; i < length; i++)
    n += contents[i] == '\n';
  return n;
}

/* What every load must give, whatever the file: plain UTF-8 messages that
 * point inside it, and a dataset exactly when there is no error saying
 * there is none. */
static void
check_consistent (TrancheDataset     *ds,
                  TrancheDiagnostics *diagnostics,
                  const GError       *error,
                  guint               n_lines)
{
  if (ds == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), >, 0);
    }
  else
    g_assert_null (error);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);

      g_assert_nonnull (d->path);
      g_assert_true (g_utf8_validate (d->path, -1, NULL));
      g_assert_true (g_utf8_validate (d->message, -1, NULL));
      g_assert_cmpuint (d->line, <=, n_lines);
    }
}

static const TrancheDiagnostic *
find_message (TrancheDiagnostics *diagnostics,
              const char         *path,
              const char         *message)
{
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);

      if (g_str_equal (d->path, path) && strstr (d->message, message) != NULL)
        return d;
    }
  return NULL;
}

/* A PNG of the timeline, checked to be an image of the right size that
 * shows something: painting what loaded must not crash or fail. */
static void
export_png (TrancheDataset *ds,
            const char     *name)
{
  g_autofree char *basename = g_strdup_printf ("%s.png", name);
  g_autofree char *png = g_build_filename (tmp_dir, basename, NULL);
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  cairo_surface_t *image;
  gint64 start = g_get_monotonic_time ();
  guint32 first_pixel;
  gboolean varied = FALSE;
  int stride;
  guchar *data;

  tranche_export_options_init (&options);
  options.width = 1280;
  options.height = 720;
  g_assert_true (tranche_export_dataset (ds, png, &options, &error));
  g_assert_no_error (error);
  g_test_message ("%s: painted into a PNG in %.0f ms", name,
                  (g_get_monotonic_time () - start) / 1000.0);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 720);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  first_pixel = *(guint32 *) data;
  for (int y = 0; y < 720 && !varied; y += 4)
    for (int x = 0; x < 1280 && !varied; x += 4)
      varied = *(guint32 *) (data + y * stride + x * 4) != first_pixel;
  g_assert_true (varied);
  cairo_surface_destroy (image);
  g_unlink (png);
}

static void
run_check (const Case *c,
           const char *filename)
{
  const char *tranche = g_getenv ("TRANCHE_EXE");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tranche, "--check", filename, NULL };
  int wait_status;
  gint64 start;

  /* meson sets it: without it this test would not test `tranche --check`. */
  if (tranche == NULL)
    {
      g_test_fail_printf ("TRANCHE_EXE is not set: `tranche --check` can't be run");
      return;
    }
  start = g_get_monotonic_time ();
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s: tranche --check in %.0f ms", c->name,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (WIFEXITED (wait_status));
  if (WEXITSTATUS (wait_status) != c->status)
    {
      g_test_fail_printf ("%s: exit status %d, expected %d; stderr: %.2000s", c->name,
                          WEXITSTATUS (wait_status), c->status, err);
      return;
    }
  if (c->path != NULL)
    {
      g_autofree char *where = c->path[0] != '\0' ? g_strdup_printf (" %s: ", c->path)
                                                  : g_strdup (": ");

      g_assert_nonnull (strstr (err, where));
      g_assert_nonnull (strstr (err, c->message));
    }
  g_assert_true (g_utf8_validate (err, -1, NULL));
  /* the problems say why a file is refused, nothing vaguer after them */
  g_assert_null (strstr (err, "not a Tranche dataset"));
  /* the summary line, once */
  g_assert_nonnull (strstr (out, c->outcome == LOADS ? "loaded" : "not loaded"));
  if (c->summary != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s\n", filename, c->summary);

      g_assert_cmpstr (out, ==, line);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *filename = case_file (c);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  ds = tranche_loader_load_file (filename, NULL, diagnostics, &error);
  g_test_message ("%s: loaded in %.0f ms, %u problems", c->name,
                  (g_get_monotonic_time () - start) / 1000.0,
                  tranche_diagnostics_get_length (diagnostics));
  check_consistent (ds, diagnostics, error, count_lines (filename));

  if (c->outcome == REFUSED)
    {
      g_assert_null (ds);
      g_assert_error (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID);
    }
  else
    {
      g_assert_nonnull (ds);
      g_assert_cmpuint (tranche_dataset_get_n_events (ds), ==, c->n_events);
    }

  if (c->path == NULL)
    g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  else
    {
      const TrancheDiagnostic *d = find_message (diagnostics, c->path, c->message);

      if (d == NULL)
        {
          for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
            {
              g_autofree char *line =
                tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), c->name);
              g_test_message ("%s", line);
            }
          g_test_fail_printf ("%s: no diagnostic at \"%s\" saying \"%s\"", c->name, c->path,
                              c->message);
          return;
        }
      if (c->line > 0)
        g_assert_cmpuint (d->line, ==, c->line);
    }

  if (c->check != NULL)
    c->check (c, ds, diagnostics);
  if (ds != NULL)
    export_png (ds, c->name);
  run_check (c, filename);
}

/* A PDF keeps text as text (with what each glyph stands for), so the title
 * an export shows can be read back: the markup must be there, literally. */
static void
test_export_markup (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile",
                                                    "markup.json", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "markup.pdf", NULL);
  g_autofree char *txt = g_build_filename (tmp_dir, "markup.txt", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  TrancheExportOptions options;
  const char *argv[] = { pdftotext, "-raw", pdf, txt, NULL };
  int wait_status;

  ds = tranche_loader_load_file (fixture, NULL, NULL, &error);
  g_assert_no_error (error);
  tranche_export_options_init (&options);
  g_assert_true (tranche_export_dataset (ds, pdf, &options, &error));
  g_assert_no_error (error);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_file_get_contents (txt, &text, NULL, &error));
  /* pdftotext may break a long title in two lines */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_test_message ("the PDF says: %.200s", flat);
  g_assert_nonnull (strstr (flat, "<b>Bold</b> & <span foreground=\"red\">red</span>"));
}

/* Each input the fuzzer crashed on, as it found it (fuzz/regressions/). */
static void
test_regression (gconstpointer data)
{
  const char *filename = data;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;

  ds = tranche_loader_load_file (filename, NULL, diagnostics, &error);
  check_consistent (ds, diagnostics, error, count_lines (filename));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *regressions = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("tranche-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/hostile/export/markup-is-text", test_export_markup);

  regressions = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "regressions", NULL);
  dir = g_dir_open (regressions, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (regressions, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autofree char *path = g_strdup_printf ("/hostile/fuzz/%s", base);
      g_test_add_data_func (path, files->pdata[i], test_regression);
    }

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
