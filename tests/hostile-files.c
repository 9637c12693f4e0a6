/* hostile-files.c: see hostile-files.h */
#include "config.h"

#include "hostile-files.h"

#define DEPTH 100000
#define LONG_STRING (5 * 1024 * 1024)
#define N_INVESTORS 20000
#define TOO_MANY_INVESTORS 70000
#define N_ONE_DAY 5000
/* As in the report of issue 17: 10 s to --check before */
#define N_HOSTILE 20000
/* Deep, but under TRANCHE_JSON_MAX_DEPTH with the root and the events */
#define ALLOWED_DEPTH 400

static const char * const names[] = {
  "nested-arrays.json",
  "nested-objects.json",
  "long-string.json",
  "many-investors.json",
  "one-day.json",
  "undeclared.json",
  "citations.json",
  "repeated-names.json",
};

G_STATIC_ASSERT (G_N_ELEMENTS (names) == HOSTILE_N_GENERATED);

static const char * const scaled_names[] = {
  "undeclared-ids",
  "duplicate-ids",
  "problems",
  "citations-tags",
  "members",
  "deep",
  "long-strings",
};

G_STATIC_ASSERT (G_N_ELEMENTS (scaled_names) == HOSTILE_N_SCALED);

static void append_long_text (GString *s,
                              gsize    size);

const char *
hostile_scaled_name (HostileScaled which)
{
  g_assert (which < HOSTILE_N_SCALED);
  return scaled_names[which];
}

static void
append_undeclared_ids (GString *s,
                       guint    n)
{
  g_string_append (s, "\"events\": [\n{\"id\": \"crowd\", \"date\": \"2023\", "
                   "\"title\": \"T\", \"target\": \"t\", \"amount\": 1, \"investors\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"u%u\"", i > 0 ? ", " : "", i);
  g_string_append (s, "]}]}\n");
}

/* The first of each id is kept, every other is an error. */
static void
append_duplicate_ids (GString *s,
                      guint    n)
{
  g_string_append (s, "\"entities\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\": \"a\", \"name\": \"A%u\"}", i > 0 ? ",\n" : "", i);
  g_string_append (s, "],\n\"sources\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\": \"s\", \"title\": \"S%u\"}", i > 0 ? ",\n" : "", i);
  g_string_append (s, "],\n\"events\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\": \"dup\", \"date\": \"2023\", \"kind\": \"news\", "
                            "\"title\": \"T%u\"}", i > 0 ? ",\n" : "", i);
  g_string_append (s, "]}\n");
}

/* Problems found in the events, then in the root's members (which are
 * read last but come first in the file), more than the cap keeps. */
static void
append_problems (GString *s,
                 guint    n)
{
  g_string_append (s, "\"rates\": {");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"r%u\": %s", i > 0 ? ", " : "", i, i % 2 ? "-1" : "\"x\"");
  g_string_append (s, "},\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "\"extra-%u\": %u,\n", i, i);
  g_string_append (s, "\"events\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\": \"e%u\", \"date\": \"2023-13\", \"kind\": \"news\", "
                            "\"title\": \"T\", \"note\": %u}", i > 0 ? ",\n" : "", i, i);
  g_string_append (s, "]}\n");
}

/* One event whose citations name undeclared sources and whose tags are
 * fine; one whose citations and tags are all wrong. */
static void
append_citations_tags (GString *s,
                       guint    n)
{
  g_string_append (s, "\"events\": [\n{\"id\": \"cited\", \"date\": \"2023\", "
                   "\"kind\": \"news\", \"title\": \"T\", \"sources\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"source\": \"s%u\", \"quote\": \"q\"}", i > 0 ? ", " : "", i);
  g_string_append (s, "], \"tags\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"t%u\"", i > 0 ? ", " : "", i);
  g_string_append (s, "]},\n{\"id\": \"broken\", \"date\": \"2023\", \"kind\": \"news\", "
                   "\"title\": \"T\", \"sources\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"quote\": %u}", i > 0 ? ", " : "", i);
  g_string_append (s, "], \"tags\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i > 0 ? ", " : "", i);
  g_string_append (s, "]}]}\n");
}

static void
append_members (GString *s,
                guint    n)
{
  g_string_append (s, "\"events\": [\n{\"id\": \"wide\", \"date\": \"2023\", "
                   "\"kind\": \"news\", \"title\": \"T\"");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, ", \"m%u\": [%u]", i, i);
  g_string_append (s, "}]}\n");
}

static void
append_deep (GString *s,
             guint    n)
{
  g_string_append (s, "\"events\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "%s{\"id\": \"e%u\", \"date\": \"2023\", \"kind\": "
                              "\"news\", \"title\": \"T\", \"nest\": ", i > 0 ? ",\n" : "", i);
      for (guint k = 0; k < ALLOWED_DEPTH; k++)
        g_string_append_c (s, '[');
      g_string_append (s, "{\"a\": 1}");
      for (guint k = 0; k < ALLOWED_DEPTH; k++)
        g_string_append_c (s, ']');
      g_string_append_c (s, '}');
    }
  g_string_append (s, "]}\n");
}

/* A title, summary and source text of n characters, plain and escaped;
 * a kind and an id of n characters quoted back in messages; a member
 * name of n escaped characters. */
static void
append_long_strings (GString *s,
                     guint    n)
{
  g_string_append (s, "\"title\": \"");
  append_long_text (s, n);
  g_string_append (s, "\",\n\"sources\": [{\"id\": \"s\", \"title\": \"S\", \"text\": \"");
  for (guint i = 0; i < n / 8; i++)
    g_string_append (s, i % 2 ? "\\u00e9\\n" : "\\t\\\"a\\/b");
  g_string_append (s, "\"}],\n\"events\": [\n{\"id\": \"long\", \"date\": \"2023\", "
                   "\"kind\": \"news\", \"title\": \"");
  append_long_text (s, n);
  g_string_append (s, "\", \"summary\": \"");
  append_long_text (s, n);
  g_string_append (s, "\", \"sources\": [{\"source\": \"s\", \"quote\": \"a/b\"}]},\n"
                   "{\"id\": \"");
  for (guint i = 0; i < n / 6; i++)
    g_string_append (s, "\\u0000");
  g_string_append (s, "\", \"date\": \"2023\", \"title\": \"T\", \"kind\": \"");
  append_long_text (s, n);
  g_string_append (s, "\", \"");
  for (guint i = 0; i < n / 6; i++)
    g_string_append (s, "\\u0041");
  g_string_append (s, "\": 1, \"investors\": [\"");
  append_long_text (s, n);
  g_string_append (s, "\"]}]}\n");
}

GString *
hostile_scaled_new (HostileScaled which,
                    guint         n)
{
  GString *s = g_string_new ("{\"tranche\": 1,\n");

  switch (which)
    {
    case HOSTILE_SCALED_UNDECLARED_IDS:
      append_undeclared_ids (s, n);
      break;
    case HOSTILE_SCALED_DUPLICATE_IDS:
      append_duplicate_ids (s, n);
      break;
    case HOSTILE_SCALED_PROBLEMS:
      append_problems (s, n);
      break;
    case HOSTILE_SCALED_CITATIONS_TAGS:
      append_citations_tags (s, n);
      break;
    case HOSTILE_SCALED_MEMBERS:
      append_members (s, n);
      break;
    case HOSTILE_SCALED_DEEP:
      append_deep (s, n);
      break;
    case HOSTILE_SCALED_LONG_STRINGS:
      append_long_strings (s, n);
      break;
    case HOSTILE_N_SCALED:
    default:
      g_assert_not_reached ();
    }
  return s;
}

const char *
hostile_generated_name (HostileGenerated which)
{
  g_assert (which < HOSTILE_N_GENERATED);
  return names[which];
}

/* Words with spaces and a few long runs, as pasted text is, so line
 * breaking and shaping do real work. */
static void
append_long_text (GString *s,
                  gsize    size)
{
  static const char * const words[] = {
    "Financement ", "d’OpenAI ", "par ", "Microsoft ", "<b>", "</b>", "&amp; ",
    "tranche ", "milliards ", "—\xc2\xa0", "Série A ", "x",
  };
  gsize end = s->len + size;

  for (guint i = 0; s->len < end; i++)
    g_string_append (s, words[(i * 7 + i / 13) % G_N_ELEMENTS (words)]);
}

static GString *
make (HostileGenerated which)
{
  GString *s = g_string_new ("{\"tranche\": 1,\n");

  switch (which)
    {
    case HOSTILE_NESTED_ARRAYS:
      g_string_append (s, "\"events\": [");
      for (guint i = 0; i < DEPTH; i++)
        g_string_append_c (s, '[');
      for (guint i = 0; i < DEPTH; i++)
        g_string_append_c (s, ']');
      g_string_append (s, "]}\n");
      break;

    case HOSTILE_NESTED_OBJECTS:
      g_string_append (s, "\"events\": [],\n\"extra\": ");
      for (guint i = 0; i < DEPTH; i++)
        g_string_append (s, "{\"a\": ");
      g_string_append (s, "1");
      for (guint i = 0; i < DEPTH; i++)
        g_string_append_c (s, '}');
      g_string_append (s, "}\n");
      break;

    case HOSTILE_LONG_STRING:
      g_string_append (s, "\"title\": \"");
      append_long_text (s, LONG_STRING);
      g_string_append (s, "\",\n\"sources\": [{\"id\": \"book\", \"title\": \"Book\", "
                       "\"text\": \"");
      append_long_text (s, LONG_STRING);
      g_string_append (s, "\"}],\n\"events\": [\n"
                       "{\"id\": \"long\", \"date\": \"2023-05\", \"kind\": \"news\", "
                       "\"sources\": [{\"source\": \"book\", "
                       "\"quote\": \"Financement tranche par\"}], "
                       "\"title\": \"");
      append_long_text (s, LONG_STRING);
      g_string_append (s, "\", \"summary\": \"");
      append_long_text (s, LONG_STRING);
      g_string_append (s, "\"},\n"
                       "{\"id\": \"short\", \"date\": \"2023-06\", \"kind\": \"news\", "
                       "\"title\": \"A short one\"}]}\n");
      break;

    case HOSTILE_MANY_INVESTORS:
      g_string_append (s, "\"entities\": [\n");
      for (guint i = 0; i < N_INVESTORS; i++)
        g_string_append_printf (s, "{\"id\": \"inv-%u\", \"name\": \"Investor %u\", "
                                "\"kind\": \"fund\"},\n", i, i);
      g_string_append (s, "{\"id\": \"target\", \"name\": \"Target\"}],\n\"events\": [\n"
                       "{\"id\": \"crowd\", \"date\": \"2023-03-01\", \"title\": \"Crowd round\", "
                       "\"target\": \"target\", \"amount\": 20000000000, \"investors\": [");
      for (guint i = 0; i < N_INVESTORS; i++)
        g_string_append_printf (s, "%s\"inv-%u\"", i > 0 ? ", " : "", i);
      g_string_append (s, "]},\n"
                       "{\"id\": \"too-many\", \"date\": \"2023-04\", \"title\": \"Too many\", "
                       "\"target\": \"target\", \"amount\": 1, \"investors\": [");
      for (guint i = 0; i < TOO_MANY_INVESTORS; i++)
        g_string_append_printf (s, "%s\"inv-%u\"", i > 0 ? ", " : "", i % N_INVESTORS);
      g_string_append (s, "]}]}\n");
      break;

    case HOSTILE_ONE_DAY:
      g_string_append (s, "\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, "
                       "{\"id\": \"b\", \"name\": \"B\"}],\n\"events\": [\n");
      for (guint i = 0; i < N_ONE_DAY; i++)
        g_string_append_printf (s, "%s{\"id\": \"d%u\", \"date\": \"2023-01-01\", "
                                "\"title\": \"Same day %u\", \"investors\": [\"a\"], "
                                "\"target\": \"b\", \"amount\": %u000000}",
                                i > 0 ? ",\n" : "", i, i, i + 1);
      g_string_append (s, "]}\n");
      break;

    case HOSTILE_UNDECLARED:
      g_string_free (s, TRUE);
      return hostile_scaled_new (HOSTILE_SCALED_UNDECLARED_IDS, N_HOSTILE);

    case HOSTILE_CITATIONS:
      g_string_free (s, TRUE);
      return hostile_scaled_new (HOSTILE_SCALED_CITATIONS_TAGS, N_HOSTILE);

    case HOSTILE_REPEATED_NAMES:
      g_string_append (s, "\"events\": [],\n\"extra\": {");
      for (guint i = 0; i < N_HOSTILE; i++)
        g_string_append_printf (s, "\"k%u\": 1, ", i);
      for (guint i = 0; i < N_HOSTILE; i++)
        g_string_append_printf (s, "%s\"k%u\": 2", i > 0 ? ", " : "", N_HOSTILE - 1);
      g_string_append (s, "}}\n");
      break;

    case HOSTILE_N_GENERATED:
    default:
      g_assert_not_reached ();
    }
  return s;
}

char *
hostile_generated_write (HostileGenerated which,
                         const char      *folder)
{
  g_autoptr(GString) s = make (which);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, hostile_generated_name (which), NULL);

  if (!g_file_set_contents (path, s->str, s->len, &error))
    g_error ("can't write %s: %s", path, error->message);
  return path;
}
