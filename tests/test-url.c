/* test-url.c: which source URLs may be opened */
#include "config.h"

#include "tranche-url.h"

typedef struct
{
  const char *url;
  gboolean    web;
} Case;

static const Case cases[] = {
  { "https://example.com/article", TRUE },
  { "http://example.com", TRUE },
  { "HTTPS://EXAMPLE.COM/X", TRUE },
  { "HtTp://example.com/a?b=c#d", TRUE },
  { "javascript:alert(1)", FALSE },
  { "JavaScript:alert(1)", FALSE },
  { "file:///etc/passwd", FALSE },
  { "data:text/html,<script>alert(1)</script>", FALSE },
  { "ftp://example.com/file", FALSE },
  { "https:", FALSE },
  { "https:///path-without-host", FALSE },
  { "//example.com/relative", FALSE },
  { "example.com", FALSE },
  { " https://example.com", FALSE },
  { "https://www.bank.example@evil.example/login", FALSE },
  { "https://user:pass@example.com/", FALSE },
  { "https://www.exa\nmple.com/story", FALSE },
  { "https://example.com/a\tb", FALSE },
  { "https://example.com/a b", FALSE },
  { "https://example.com/\x7f", FALSE },
  { "https://example.com/a@b", TRUE },
  { "https://example.com/?q=a@b#c", TRUE },
  { "", FALSE },
  { NULL, FALSE },
};

static void
test_web (gconstpointer data)
{
  const Case *c = data;

  g_assert_cmpint (tranche_url_is_web (c->url), ==, c->web);
}

typedef struct
{
  const char        *url;
  TrancheUrlVerdict  verdict;
  const char        *head;
  const char        *tail;
  const char        *real_host;
} DisplayCase;

static const DisplayCase display_cases[] = {
  { "https://www.bank.example@evil.example/login", TRANCHE_URL_USERINFO,
    "https://www.bank.example@evil.example", "/login", "evil.example" },
  { "https://a@b@evil.example:8443/x?y#z", TRANCHE_URL_USERINFO,
    "https://a@b@evil.example:8443", "/x?y#z", "evil.example:8443" },
  { "https://lemonde.fr/economie/article.html", TRANCHE_URL_WEB,
    "https://lemonde.fr", "/economie/article.html", NULL },
  { "https://example.com", TRANCHE_URL_WEB, "https://example.com", "", NULL },
  { "https://example.com?q=1", TRANCHE_URL_WEB, "https://example.com", "?q=1", NULL },
  { "https://www.exa\nmple.com/story", TRANCHE_URL_CONTROL,
    "https://www.exa\xef\xbf\xbdmple.com", "/story", NULL },
  { "javascript:alert(1)", TRANCHE_URL_NOT_WEB, "javascript:alert(1)", "", NULL },
};

static void
test_display (gconstpointer data)
{
  const DisplayCase *c = data;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *real_host = NULL;

  g_assert_cmpint (tranche_url_check (c->url), ==, c->verdict);
  tranche_url_split_for_display (c->url, &head, &tail, &real_host);
  g_assert_cmpstr (head, ==, c->head);
  g_assert_cmpstr (tail, ==, c->tail);
  g_assert_cmpstr (real_host, ==, c->real_host);
}

/* An address cut by the loader's length cap, or simply huge, is not opened. */
static void
test_too_long (void)
{
  g_autoptr(GString) url = g_string_new ("https://example.com/");

  while (url->len <= TRANCHE_URL_MAX_LENGTH)
    g_string_append_c (url, 'a');
  g_assert_cmpint (tranche_url_check (url->str), ==, TRANCHE_URL_TOO_LONG);
  g_string_truncate (url, TRANCHE_URL_MAX_LENGTH);
  g_assert_cmpint (tranche_url_check (url->str), ==, TRANCHE_URL_WEB);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/url/web/%u", i);

      g_test_add_data_func (path, &cases[i], test_web);
    }
  for (guint i = 0; i < G_N_ELEMENTS (display_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/url/display/%u", i);

      g_test_add_data_func (path, &display_cases[i], test_display);
    }
  g_test_add_func ("/url/too-long", test_too_long);
  return g_test_run ();
}
