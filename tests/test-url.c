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
  { "", FALSE },
  { NULL, FALSE },
};

static void
test_web (gconstpointer data)
{
  const Case *c = data;

  g_assert_cmpint (tranche_url_is_web (c->url), ==, c->web);
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
  return g_test_run ();
}
