/* test-quote.c: finding cited passages in article text */
#include "config.h"

#include <string.h>

#include "tranche-quote.h"

static const char *article =
  "Cet investissement fait suite aux investissements précédents de Microsoft de 1 milliard\n"
  "de dollars en 2019 et d’une autre tranche en 2021. Cela porte son investissement\n"
  "cumulatif à 13\u00A0milliards de dollars.";

static void
test_exact (void)
{
  gsize start, end;
  const char *quote = "1 milliard";

  g_assert_true (tranche_quote_find (article, quote, &start, &end));
  g_assert_cmpint (strncmp (article + start, quote, end - start), ==, 0);
  g_assert_cmpuint (end - start, ==, strlen (quote));
}

static void
test_whitespace_insensitive (void)
{
  gsize start, end;
  g_autofree char *found = NULL;

  /* the article breaks the line inside the quote, and uses a no-break space */
  g_assert_true (tranche_quote_find (article, "1 milliard de dollars en 2019", &start, &end));
  found = g_strndup (article + start, end - start);
  g_assert_cmpstr (found, ==, "1 milliard\nde dollars en 2019");
  g_assert_true (tranche_quote_find (article, "à 13 milliards  de\tdollars", &start, &end));
}

static void
test_apostrophes (void)
{
  g_assert_true (tranche_quote_find (article, "d'une autre tranche en 2021", NULL, NULL));
  g_assert_true (tranche_quote_find (article, "d’une autre tranche en 2021", NULL, NULL));
}

static void
test_not_found (void)
{
  g_assert_false (tranche_quote_find (article, "10 milliards", NULL, NULL));
  g_assert_false (tranche_quote_find (article, "", NULL, NULL));
  g_assert_false (tranche_quote_find (article, "   ", NULL, NULL));
  g_assert_false (tranche_quote_find ("", "x", NULL, NULL));
  /* invalid UTF-8 in either never matches, and never reads past the end */
  g_assert_false (tranche_quote_find ("abc\xff", "abc", NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quote/exact", test_exact);
  g_test_add_func ("/quote/whitespace-insensitive", test_whitespace_insensitive);
  g_test_add_func ("/quote/apostrophes", test_apostrophes);
  g_test_add_func ("/quote/not-found", test_not_found);
  return g_test_run ();
}
