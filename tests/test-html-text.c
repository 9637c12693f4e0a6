/* test-html-text.c: an HTML article reduced to the text the extractor reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-html-text.h"

static void
check (const char *html,
       const char *expected)
{
  g_autofree char *text = tranche_html_to_text (html, -1);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_tags_dropped (void)
{
  check ("<span class=\"x\">Mistral <b>AI</b></span> lève <a href=\"/y\">1 milliard</a>",
         "Mistral AI lève 1 milliard\n");
  /* attributes never reach the text, even with '>' in a value's quotes lost */
  check ("<img alt=\"logo\">Helios", "Helios\n");
  check ("", "");
  check ("   ", "");
}

static void
test_entities (void)
{
  check ("AT&amp;T &lt;b&gt; &eacute;t&eacute; l&rsquo;an &#8217; &#x2019; &euro;105M",
         "AT&T <b> été l’an ’ ’ €105M\n");
  /* a no-break space stays one, so a figure is not cut */
  check ("1&nbsp;milliard", "1\u00a0milliard\n");
  /* unknown names and a bare '&' stay as written */
  check ("R&D &unknown; & co", "R&D &unknown; & co\n");
  /* a reference beyond Unicode is no crash */
  check ("&#x110000;", "\ufffd\n");
}

static void
test_blocks (void)
{
  check ("<h1>Helios raises $300mn</h1><p>The round\n   was   led by Lumen.</p>"
         "<div><p>It closed in March.</p></div><ul><li>One</li><li>Two</li></ul>",
         "Helios raises $300mn\n\nThe round was led by Lumen.\n\nIt closed in March."
         "\n\nOne\n\nTwo\n");
  check ("line one<br>line two<br/><br />", "line one\n\nline two\n");
  /* empty blocks leave no blank lines */
  check ("<p></p><div> </div><p>Text</p><p></p>", "Text\n");
}

static void
test_removed (void)
{
  check ("<html><head><title>T</title><style>p { color: red }</style></head>"
         "<body><script>var a = \"<p>no</p>\";</script><p>Yes</p>"
         "<!-- <p>hidden</p> --><noscript>Enable JS</noscript></body></html>",
         "Yes\n");
  /* an unclosed script hides the rest, never reads past the end */
  check ("<p>Before</p><script>never closed", "Before\n");
  check ("a < b and c > d", "a < b and c > d\n");
}

static void
test_invalid (void)
{
  g_autofree char *text = tranche_html_to_text ("caf\xe9 <p>ok", -1);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "caf\ufffd\n\nok\n");
}

static void
test_looks_like (void)
{
  g_assert_true (tranche_html_looks_like ("<!DOCTYPE html><html>", -1));
  g_assert_true (tranche_html_looks_like ("  <p>Text</p>", -1));
  g_assert_true (tranche_html_looks_like ("<div class=a>x</div>", -1));
  g_assert_false (tranche_html_looks_like ("Revenue < costs, and 3 > 2.", -1));
  g_assert_false (tranche_html_looks_like ("Mistral AI lève 1 milliard.", -1));
  g_assert_false (tranche_html_looks_like ("<p", -1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html-text/tags-dropped", test_tags_dropped);
  g_test_add_func ("/html-text/entities", test_entities);
  g_test_add_func ("/html-text/blocks", test_blocks);
  g_test_add_func ("/html-text/removed", test_removed);
  g_test_add_func ("/html-text/invalid", test_invalid);
  g_test_add_func ("/html-text/looks-like", test_looks_like);
  return g_test_run ();
}
