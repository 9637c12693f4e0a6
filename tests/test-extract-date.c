/* test-extract-date.c: every form of date the extractor reads, EN and FR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-date.h"

typedef struct
{
  const char *text;
  const char *published;  /* NULL: unknown */
  const char *matched;    /* the date's text; NULL: no date */
  const char *date;       /* ISO form */
  gboolean    relative;
} DateCase;

static const DateCase cases[] = {
  /* years */
  { "Microsoft a investi en 2019.", NULL, "2019", "2019", FALSE },
  { "It invested in 2019.", NULL, "2019", "2019", FALSE },
  /* months */
  { "Elon Musk a tweeté en février 2023.", NULL, "février 2023", "2023-02", FALSE },
  { "It raised in March 2024.", NULL, "March 2024", "2024-03", FALSE },
  { "Since September 2023 it grew.", NULL, "September 2023", "2023-09", FALSE },
  { "Elle a levé en août 2021.", NULL, "août 2021", "2021-08", FALSE },
  { "It closed in Sept. 2022.", NULL, "Sept. 2022", "2022-09", FALSE },
  /* days */
  { "On March 5, 2024, it raised.", NULL, "March 5, 2024", "2024-03-05", FALSE },
  { "It raised on 5 March 2024.", NULL, "5 March 2024", "2024-03-05", FALSE },
  { "Elle a levé le 1er mars 2024.", NULL, "1er mars 2024", "2024-03-01", FALSE },
  { "Signé le 12 décembre 2022.", NULL, "12 décembre 2022", "2022-12-12", FALSE },
  { "It was announced on March 3rd.", "2024-05-10", "March 3rd", "2024-03-03", TRUE },
  { "Annoncé le 3 mars.", "2024-02-10", "3 mars", "2023-03-03", TRUE },
  /* quarters */
  { "It raised in Q3 2023.", NULL, "Q3 2023", "2023-Q3", FALSE },
  { "Elle a levé au T2 2024.", NULL, "T2 2024", "2024-Q2", FALSE },
  { "In the third quarter of 2023, it raised.", NULL, "third quarter of 2023", "2023-Q3",
    FALSE },
  { "Au deuxième trimestre 2024, elle a levé.", NULL, "deuxième trimestre 2024", "2024-Q2",
    FALSE },
  { "In the second quarter, it raised.", "2024-11", "second quarter", "2024-Q2", TRUE },
  { "Au troisième trimestre, elle a levé.", "2024-05", "troisième trimestre", "2023-Q3", TRUE },
  /* ISO */
  { "date 2023-11 Microsoft", NULL, "2023-11", "2023-11", FALSE },
  { "Filed 2023-11-05.", NULL, "2023-11-05", "2023-11-05", FALSE },
  /* relative to the publication */
  { "Il a investi plus tôt cette année.", "2023-11", "plus tôt cette année", "2023", TRUE },
  { "It invested earlier this year.", "2023-11", "earlier this year", "2023", TRUE },
  { "It invested last year.", "2023-11", "last year", "2022", TRUE },
  { "Elle a levé l'an dernier.", "2023-11", "l'an dernier", "2022", TRUE },
  { "Elle a levé l’an dernier.", "2023-11", "l’an dernier", "2022", TRUE },
  { "Elle a levé l'année dernière.", "2023-11", "l'année dernière", "2022", TRUE },
  { "Elle a levé en février dernier.", "2023-11", "février dernier", "2023-02", TRUE },
  { "Elle a levé en février dernier.", "2023-02-10", "février dernier", "2022-02", TRUE },
  { "Elle a levé en novembre dernier.", "2023-03", "novembre dernier", "2022-11", TRUE },
  { "It raised in February.", "2023-11", "February", "2023-02", TRUE },
  { "It said on Friday.", "2024-03-13", "Friday", "2024-03-08", TRUE },
  { "It said on Friday.", "2024-03-15", "Friday", "2024-03-15", TRUE },
  { "Elle a annoncé vendredi.", "2022-12-10", "vendredi", "2022-12-09", TRUE },
  { "Elle a annoncé mardi dernier.", "2024-11-08", "mardi dernier", "2024-11-05", TRUE },
  { "It said on Friday.", "2024-03", "Friday", "2024-03", TRUE },
  { "It raised last month.", "2024-01-20", "last month", "2023-12", TRUE },
  { "Elle a levé le mois dernier.", "2024-03", "le mois dernier", "2024-02", TRUE },
  { "It raised this month.", "2024-03", "this month", "2024-03", TRUE },
  { "It raised yesterday.", "2024-03-01", "yesterday", "2024-02-29", TRUE },
  /* no dates */
  { "It raised last year.", NULL, NULL, NULL, FALSE },
  { "It has 2500 staff and 20190 users.", NULL, NULL, NULL, FALSE },
  { "You may invest.", "2023-11", NULL, NULL, FALSE },
  { "The A380 and the 747.", NULL, NULL, NULL, FALSE },
};

static void
test_case (gconstpointer data)
{
  const DateCase *c = data;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheDateMatch));
  TrancheDate published = { 0 };
  const TrancheDateMatch *m;
  g_autofree char *matched = NULL;
  g_autofree char *iso = NULL;

  if (c->published != NULL)
    g_assert_cmpint (tranche_date_parse (c->published, &published), ==, TRANCHE_DATE_OK);
  tranche_extract_dates (c->text, strlen (c->text), 0, strlen (c->text), &published, out);
  if (c->matched == NULL)
    {
      g_assert_cmpuint (out->len, ==, 0);
      return;
    }
  g_assert_cmpuint (out->len, ==, 1);
  m = &g_array_index (out, TrancheDateMatch, 0);
  matched = g_strndup (c->text + m->span.start, m->span.end - m->span.start);
  iso = tranche_date_to_iso (&m->date);
  g_assert_cmpstr (matched, ==, c->matched);
  g_assert_cmpstr (iso, ==, c->date);
  g_assert_cmpint (m->relative, ==, c->relative);
}

/* Dates in a sentence come in order, each once. */
static void
test_several (void)
{
  const char *text = "Cet investissement fait suite aux investissements précédents de Microsoft "
                     "de 1 milliard de dollars en 2019 et d’une autre tranche en 2021.";
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheDateMatch));

  tranche_extract_dates (text, strlen (text), 0, strlen (text), NULL, out);
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpint (g_array_index (out, TrancheDateMatch, 0).date.year, ==, 2019);
  g_assert_cmpint (g_array_index (out, TrancheDateMatch, 1).date.year, ==, 2021);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/date/%02u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/extract/date/several", test_several);
  return g_test_run ();
}
