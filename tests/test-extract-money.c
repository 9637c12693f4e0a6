/* test-extract-money.c: every form of amount the extractor reads, EN and FR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-money.h"

typedef struct
{
  TrancheLanguage   language;
  const char       *text;
  const char       *figure;    /* the matched text, NULL: no amount at all */
  double            value;     /* or min, max for bounds */
  double            min;
  double            max;
  const char       *currency;  /* NULL: the text names none */
  gboolean          approx;
  gboolean          undisclosed;
  TrancheMoneyBound bound;
} MoneyCase;

#define EN TRANCHE_LANGUAGE_EN
#define FR TRANCHE_LANGUAGE_FR
#define NONE TRANCHE_BOUND_NONE
#define AT_MOST TRANCHE_BOUND_AT_MOST
#define AT_LEAST TRANCHE_BOUND_AT_LEAST
#define RANGE TRANCHE_BOUND_RANGE

static const MoneyCase cases[] = {
  /* the forms of the issue */
  { FR, "Microsoft a investi 1 milliard de dollars en 2019.", "1 milliard de dollars",
    1e9, 0, 0, "USD", FALSE, FALSE, NONE },
  { FR, "Il a investi 10 milliards dans OpenAI.", "10 milliards", 1e10, 0, 0, NULL, FALSE,
    FALSE, NONE },
  { FR, "Une levée de 1,25 milliard d'euros.", "1,25 milliard d'euros", 1.25e9, 0, 0, "EUR",
    FALSE, FALSE, NONE },
  { FR, "Une levée de 1,25 milliard d’euros.", "1,25 milliard d’euros", 1.25e9, 0, 0, "EUR",
    FALSE, FALSE, NONE },
  { FR, "Mistral lève 105 millions d'euros.", "105 millions d'euros", 105e6, 0, 0, "EUR",
    FALSE, FALSE, NONE },
  { EN, "It raised $1.25 billion.", "$1.25 billion", 1.25e9, 0, 0, "USD", FALSE, FALSE, NONE },
  { EN, "It raised $300mn from backers.", "$300mn", 300e6, 0, 0, "USD", FALSE, FALSE, NONE },
  { EN, "A €105M round.", "€105M", 105e6, 0, 0, "EUR", FALSE, FALSE, NONE },
  { EN, "It took USD 2bn in debt.", "USD 2bn", 2e9, 0, 0, "USD", FALSE, FALSE, NONE },
  { EN, "It invested 13 billion dollars.", "13 billion dollars", 13e9, 0, 0, "USD", FALSE,
    FALSE, NONE },
  { EN, "It has raised 13 billion in all.", "13 billion", 13e9, 0, 0, NULL, FALSE, FALSE, NONE },
  /* other spellings */
  { FR, "Un tour de 105 M€ cette année.", "105 M€", 105e6, 0, 0, "EUR", FALSE, FALSE, NONE },
  { FR, "Un tour de 2 Md€.", "2 Md€", 2e9, 0, 0, "EUR", FALSE, FALSE, NONE },
  { FR, "Un ticket de 1 000 €.", "1 000 €", 1000, 0, 0, "EUR", FALSE, FALSE, NONE },
  { FR, "Un ticket de 1\xc2\xa0" "000\xc2\xa0€.", "1\xc2\xa0" "000\xc2\xa0€", 1000, 0, 0, "EUR",
    FALSE, FALSE, NONE },
  { FR, "Un ticket de 2\xe2\x80\xaf" "500\xe2\x80\xaf" "000 euros.",
    "2\xe2\x80\xaf" "500\xe2\x80\xaf" "000 euros", 2.5e6, 0, 0, "EUR", FALSE, FALSE, NONE },
  { FR, "Il a reçu un milliard de dollars.", "un milliard de dollars", 1e9, 0, 0, "USD", FALSE,
    FALSE, NONE },
  { EN, "A $2,500,000 seed round.", "$2,500,000", 2.5e6, 0, 0, "USD", FALSE, FALSE, NONE },
  { EN, "It raised £50m.", "£50m", 50e6, 0, 0, "GBP", FALSE, FALSE, NONE },
  { EN, "It raised US$40 million.", "US$40 million", 40e6, 0, 0, "USD", FALSE, FALSE, NONE },
  { EN, "It raised $2.5B.", "$2.5B", 2.5e9, 0, 0, "USD", FALSE, FALSE, NONE },
  { EN, "It raised 40 million euros.", "40 million euros", 40e6, 0, 0, "EUR", FALSE, FALSE,
    NONE },
  { FR, "Elle lève 50 millions de livres sterling.", "50 millions de livres sterling", 50e6, 0,
    0, "GBP", FALSE, FALSE, NONE },
  /* bounds */
  { EN, "It agreed to invest up to $5 billion.", "up to $5 billion", 0, 0, 5e9, "USD", FALSE,
    FALSE, AT_MOST },
  { FR, "Elle s'engage à investir jusqu'à 5 milliards d'euros.", "jusqu'à 5 milliards d'euros",
    0, 0, 5e9, "EUR", FALSE, FALSE, AT_MOST },
  { FR, "Elle s’engage à investir jusqu’à 5 milliards d’euros.", "jusqu’à 5 milliards d’euros",
    0, 0, 5e9, "EUR", FALSE, FALSE, AT_MOST },
  { EN, "It raised at least $20 million.", "at least $20 million", 0, 20e6, 20e6, "USD", FALSE,
    FALSE, AT_LEAST },
  { FR, "Elle a levé plus de 20 millions d'euros.", "plus de 20 millions d'euros", 0, 20e6,
    20e6, "EUR", FALSE, FALSE, AT_LEAST },
  { EN, "It raised more than $20 million.", "more than $20 million", 0, 20e6, 20e6, "USD",
    FALSE, FALSE, AT_LEAST },
  { EN, "It raised between $10 million and $15 million.", "between $10 million and $15 million",
    0, 10e6, 15e6, "USD", FALSE, FALSE, RANGE },
  { FR, "Elle a levé entre 1 et 2 milliards d'euros.", "entre 1 et 2 milliards d'euros", 0, 1e9,
    2e9, "EUR", FALSE, FALSE, RANGE },
  /* approximation */
  { EN, "It is valued at about $29 billion.", "about $29 billion", 29e9, 0, 0, "USD", TRUE,
    FALSE, NONE },
  { EN, "It raised roughly $300mn.", "roughly $300mn", 300e6, 0, 0, "USD", TRUE, FALSE, NONE },
  { EN, "It raised some $300 million.", "some $300 million", 300e6, 0, 0, "USD", TRUE, FALSE,
    NONE },
  { FR, "Valorisée à environ 29 milliards de dollars.", "environ 29 milliards de dollars", 29e9,
    0, 0, "USD", TRUE, FALSE, NONE },
  { FR, "Valorisée près de 1,2 milliard d'euros.", "près de 1,2 milliard d'euros", 1.2e9, 0, 0,
    "EUR", TRUE, FALSE, NONE },
  { FR, "Elle a levé quelque 300 millions d'euros.", "quelque 300 millions d'euros", 300e6, 0,
    0, "EUR", TRUE, FALSE, NONE },
  /* vague amounts */
  { EN, "An investment of several billion dollars.", "several billion dollars", 0, 0, 0, "USD",
    FALSE, TRUE, NONE },
  { FR, "Un investissement de plusieurs milliards de dollars.",
    "plusieurs milliards de dollars", 0, 0, 0, "USD", FALSE, TRUE, NONE },
  { FR, "Pour un montant non divulgué.", "un montant non divulgué", 0, 0, 0, NULL, FALSE, TRUE,
    NONE },
  { EN, "For an undisclosed amount.", "an undisclosed amount", 0, 0, 0, NULL, FALSE, TRUE,
    NONE },
  { EN, "A multibillion-dollar deal.", "multibillion", 0, 0, 0, NULL, FALSE, TRUE, NONE },
  /* no amounts */
  { EN, "The company has 5 million users.", NULL, 0, 0, 0, NULL, FALSE, FALSE, NONE },
  { FR, "La société compte 10 millions d'utilisateurs.", NULL, 0, 0, 0, NULL, FALSE, FALSE,
    NONE },
  { EN, "In 2019 it had 240 staff.", NULL, 0, 0, 0, NULL, FALSE, FALSE, NONE },
  { FR, "Des millions d'utilisateurs.", NULL, 0, 0, 0, NULL, FALSE, FALSE, NONE },
  { EN, "The A380 flew 5 m high.", NULL, 0, 0, 0, NULL, FALSE, FALSE, NONE },
};

static void
test_case (gconstpointer data)
{
  const MoneyCase *c = data;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheMoneyMatch));
  const TrancheMoneyMatch *m;
  gsize len = strlen (c->text);
  g_autofree char *figure = NULL;
  char code[4];

  tranche_extract_money (c->text, len, 0, len, c->language, out);
  if (c->figure == NULL)
    {
      g_assert_cmpuint (out->len, ==, 0);
      return;
    }
  g_assert_cmpuint (out->len, ==, 1);
  m = &g_array_index (out, TrancheMoneyMatch, 0);
  figure = g_strndup (c->text + m->span.start, m->span.end - m->span.start);
  g_assert_cmpstr (figure, ==, c->figure);
  g_assert_cmpint (m->bound, ==, c->bound);
  g_assert_cmpint (!!(m->money.flags & TRANCHE_MONEY_APPROX), ==, c->approx);
  g_assert_cmpint (!!(m->money.flags & TRANCHE_MONEY_UNDISCLOSED), ==, c->undisclosed);
  if (c->currency == NULL)
    g_assert_cmpuint (m->money.currency, ==, 0);
  else
    g_assert_cmpstr (tranche_currency_to_code (m->money.currency, code), ==, c->currency);
  if (c->undisclosed)
    g_assert_false (m->money.flags & TRANCHE_MONEY_HAS_VALUE);
  else if (c->bound == NONE)
    {
      g_assert_true (m->money.flags & TRANCHE_MONEY_HAS_VALUE);
      g_assert_cmpfloat_with_epsilon (m->money.value, c->value, 1e-3);
    }
  else
    {
      g_assert_false (m->money.flags & TRANCHE_MONEY_HAS_VALUE);
      g_assert_cmpfloat_with_epsilon (m->money.min, c->min, 1e-3);
      g_assert_cmpfloat_with_epsilon (m->money.max, c->max, 1e-3);
    }
}

/* Two figures in one sentence, each with its own qualifier. */
static void
test_two_figures (void)
{
  const char *text = "Cela porte son investissement cumulatif à 13 milliards de dollars et la "
                     "valorisation d’OpenAI à environ 29 milliards de dollars.";
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheMoneyMatch));
  const TrancheMoneyMatch *a, *b;

  tranche_extract_money (text, strlen (text), 0, strlen (text), FR, out);
  g_assert_cmpuint (out->len, ==, 2);
  a = &g_array_index (out, TrancheMoneyMatch, 0);
  b = &g_array_index (out, TrancheMoneyMatch, 1);
  g_assert_cmpfloat (a->money.value, ==, 13e9);
  g_assert_false (a->money.flags & TRANCHE_MONEY_APPROX);
  g_assert_cmpfloat (b->money.value, ==, 29e9);
  g_assert_true (b->money.flags & TRANCHE_MONEY_APPROX);
}

/* Invalid and truncated input never reads past the end. */
static void
test_truncated (void)
{
  const char *texts[] = { "$", "1 000 ", "€", "jusqu'à", "1,", "US$", "entre 1 et", "\xe2\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheMoneyMatch));
      g_autofree char *copy = g_strdup (texts[i]);

      tranche_extract_money (copy, strlen (copy), 0, strlen (copy), FR, out);
      g_assert_cmpuint (out->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/money/%s/%02u",
                                               cases[i].language == FR ? "fr" : "en", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/extract/money/two-figures", test_two_figures);
  g_test_add_func ("/extract/money/truncated", test_truncated);
  return g_test_run ();
}
