/* hostile-files.c: see hostile-files.h */
#include "config.h"

#include "hostile-files.h"

#define DEPTH 100000
#define LONG_STRING (5 * 1024 * 1024)
#define N_INVESTORS 20000
#define TOO_MANY_INVESTORS 70000
#define N_ONE_DAY 5000

static const char * const names[] = {
  "nested-arrays.json",
  "nested-objects.json",
  "long-string.json",
  "many-investors.json",
  "one-day.json",
};

G_STATIC_ASSERT (G_N_ELEMENTS (names) == HOSTILE_N_GENERATED);

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
