/* test-extract-cues.c: the cue words of every kind, EN and FR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-cues.h"

typedef struct
{
  const char        *text;
  const char        *cue;      /* the cue's text; NULL: none */
  TrancheCueKind     kind;
  TrancheCueSubject  subject;
  gboolean           names_event;
} CueCase;

#define I TRANCHE_SUBJECT_INVESTOR
#define T TRANCHE_SUBJECT_TARGET
#define N TRANCHE_SUBJECT_NONE

static const CueCase cases[] = {
  /* investment */
  { "Microsoft invests $10B", "invests", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "Microsoft invested $10B", "invested", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "Acme raises $5M", "raises", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "Acme raised $5M", "raised", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "a $5M round", "round", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "a $5M funding round", "funding round", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "its Series B", "Series B", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "une levée de fonds", "levée de fonds", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "Mistral lève 105 M€", "lève", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "Microsoft investit 10 milliards", "investit", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "Microsoft a investi 10 milliards", "investi", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "une autre tranche en 2021", "tranche", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "un tour de table de 32 M€", "tour de table", TRANCHE_CUE_INVESTMENT, N, TRUE },
  /* commitment */
  { "Amazon commits $4B", "commits", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "Amazon agreed to invest up to $4B", "agreed to invest", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "Amazon will agree to invest up to $4B", "agree to invest", TRANCHE_CUE_COMMITMENT, I,
    FALSE },
  { "La région s'engage à investir", "s'engage", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "La région s’engage à investir", "s’engage", TRANCHE_CUE_COMMITMENT, I, FALSE },
  /* valuation */
  { "Acme is valued at $1B", "valued at", TRANCHE_CUE_VALUATION, T, FALSE },
  { "a $1B valuation", "valuation", TRANCHE_CUE_VALUATION, N, FALSE },
  { "la valorisation d'OpenAI", "valorisation", TRANCHE_CUE_VALUATION, N, FALSE },
  { "l'opération valorise la société", "valorise", TRANCHE_CUE_VALUATION, N, FALSE },
  /* reported total */
  { "13 billion in all", "in all", TRANCHE_CUE_TOTAL, N, FALSE },
  { "bringing its total to $13B", "bringing its total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "13 milliards au total", "au total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "son investissement cumulatif", "investissement", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "investissement cumulatif", "investissement", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "un total cumulatif", "cumulatif", TRANCHE_CUE_TOTAL, N, FALSE },
  /* acquisition */
  { "Google acquires Fitbit", "acquires", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "the acquisition of Fitbit", "acquisition", TRANCHE_CUE_ACQUISITION, N, TRUE },
  { "Vauban rachète Solaris", "rachète", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "le rachat de Solaris", "rachat", TRANCHE_CUE_ACQUISITION, N, TRUE },
  /* secondary */
  { "a secondary sale of shares", "secondary sale", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "une cession secondaire", "secondaire", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "a tender offer for staff", "tender offer", TRANCHE_CUE_SECONDARY, N, TRUE },
  /* figures that are no event */
  { "revenue of $6B", "revenue", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "un chiffre d'affaires de 2 Md€", "chiffre d'affaires", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  /* no cues */
  { "The investors met.", NULL, 0, 0, FALSE },
  { "Investors around the table.", NULL, 0, 0, FALSE },
  { "with Nordlys Invest", NULL, 0, 0, FALSE },
};

static void
test_case (gconstpointer data)
{
  const CueCase *c = data;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheCue));
  const TrancheCue *cue;
  g_autofree char *text = NULL;

  tranche_extract_cues (c->text, strlen (c->text), 0, strlen (c->text), out);
  if (c->cue == NULL)
    {
      g_assert_cmpuint (out->len, ==, 0);
      return;
    }
  g_assert_cmpuint (out->len, >=, 1);
  cue = &g_array_index (out, TrancheCue, 0);
  text = g_strndup (c->text + cue->span.start, cue->span.end - cue->span.start);
  g_assert_cmpstr (text, ==, c->cue);
  g_assert_cmpstr (tranche_cue_kind_to_string (cue->kind), ==,
                   tranche_cue_kind_to_string (c->kind));
  g_assert_cmpint (cue->subject, ==, c->subject);
  g_assert_cmpint (cue->names_event, ==, c->names_event);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/cues/%02u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  return g_test_run ();
}
