/* tranche-extract-cues.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-cues.h"

#define I TRANCHE_SUBJECT_INVESTOR
#define T TRANCHE_SUBJECT_TARGET
#define N TRANCHE_SUBJECT_NONE

typedef struct
{
  const char *pattern;
  guint8      kind;
  guint8      subject;
  gboolean    names_event;
} CuePattern;

static const CuePattern cue_patterns[] = {
  /* investment, English */
  { "invests", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "invested", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "investing", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "invest", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "investments", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "investment", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "injected", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "pumped", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "poured", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "led a", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "raises", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "raised", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "raising", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "raise", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "secures", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "secured", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "closed a", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "closes a", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "landed", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "received", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "receives", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "funding round", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "financing round", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "funding", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "financing", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "seed round", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "round", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "tranche", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "series a", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "series b", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "series c", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "series d", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "series e", TRANCHE_CUE_INVESTMENT, N, TRUE },
  /* investment, French */
  { "investit", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "investi", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "investie", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "investir", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "investissements", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "investissement", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "injecte", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "injecté", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "lève", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "levé", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "levée de fonds", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "levée", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "obtient", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "obtenu", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "reçoit", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "reçu", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "apporte", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "apporté", TRANCHE_CUE_INVESTMENT, I, FALSE },
  { "entrée au capital", TRANCHE_CUE_INVESTMENT, T, TRUE },
  { "entrée à son capital", TRANCHE_CUE_INVESTMENT, T, TRUE },
  { "entre au capital", TRANCHE_CUE_INVESTMENT, I, TRUE },
  { "boucle", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "bouclé", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "récolte", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "décroche", TRANCHE_CUE_INVESTMENT, T, FALSE },
  { "tour de table", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "tour de financement", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "financement", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "augmentation de capital", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "série a", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "série b", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "série c", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "série d", TRANCHE_CUE_INVESTMENT, N, TRUE },
  /* commitment */
  { "agreed to invest", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "agrees to invest", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "agree to invest", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "will invest", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "plans to invest", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "committed", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "commits", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "commit", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "commitment", TRANCHE_CUE_COMMITMENT, N, TRUE },
  { "pledged", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "pledges", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "s'engage", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "s'est engagé", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "s'est engagée", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "engagement", TRANCHE_CUE_COMMITMENT, N, TRUE },
  { "investira", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "promet d'investir", TRANCHE_CUE_COMMITMENT, I, FALSE },
  { "prévoit d'investir", TRANCHE_CUE_COMMITMENT, I, FALSE },
  /* valuation */
  { "valued at", TRANCHE_CUE_VALUATION, T, FALSE },
  { "valued", TRANCHE_CUE_VALUATION, T, FALSE },
  { "valuing", TRANCHE_CUE_VALUATION, N, FALSE },
  { "values", TRANCHE_CUE_VALUATION, N, FALSE },
  { "valuation", TRANCHE_CUE_VALUATION, N, FALSE },
  { "valorisation", TRANCHE_CUE_VALUATION, N, FALSE },
  { "valorisée", TRANCHE_CUE_VALUATION, T, FALSE },
  { "valorisé", TRANCHE_CUE_VALUATION, T, FALSE },
  { "valorise", TRANCHE_CUE_VALUATION, N, FALSE },
  { "valorisant", TRANCHE_CUE_VALUATION, N, FALSE },
  /* reported total */
  { "in all", TRANCHE_CUE_TOTAL, N, FALSE },
  { "the total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "total raised", TRANCHE_CUE_TOTAL, N, FALSE },
  { "le total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "in total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "a total of", TRANCHE_CUE_TOTAL, N, FALSE },
  { "bringing its total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "bringing the total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "bringing total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "total funding", TRANCHE_CUE_TOTAL, N, FALSE },
  { "to date", TRANCHE_CUE_TOTAL, N, FALSE },
  { "cumulative", TRANCHE_CUE_TOTAL, N, FALSE },
  { "cumulatif", TRANCHE_CUE_TOTAL, N, FALSE },
  { "cumulatifs", TRANCHE_CUE_TOTAL, N, FALSE },
  { "cumulé", TRANCHE_CUE_TOTAL, N, FALSE },
  { "cumulés", TRANCHE_CUE_TOTAL, N, FALSE },
  { "au total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "en tout", TRANCHE_CUE_TOTAL, N, FALSE },
  { "à ce jour", TRANCHE_CUE_TOTAL, N, FALSE },
  { "portant le total", TRANCHE_CUE_TOTAL, N, FALSE },
  { "porte le total", TRANCHE_CUE_TOTAL, N, FALSE },
  /* acquisition */
  { "was acquired by", TRANCHE_CUE_ACQUISITION, T, FALSE },
  { "acquired by", TRANCHE_CUE_ACQUISITION, T, FALSE },
  { "bought by", TRANCHE_CUE_ACQUISITION, T, FALSE },
  { "rachetée par", TRANCHE_CUE_ACQUISITION, T, FALSE },
  { "racheté par", TRANCHE_CUE_ACQUISITION, T, FALSE },
  { "acquise par", TRANCHE_CUE_ACQUISITION, T, FALSE },
  { "acquires", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "acquired", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "acquire", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "acquisition", TRANCHE_CUE_ACQUISITION, N, TRUE },
  { "buys", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "bought", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "takeover", TRANCHE_CUE_ACQUISITION, N, TRUE },
  { "rachète", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "racheté", TRANCHE_CUE_ACQUISITION, I, FALSE },
  { "rachat", TRANCHE_CUE_ACQUISITION, N, TRUE },
  { "acquiert", TRANCHE_CUE_ACQUISITION, I, FALSE },
  /* secondary sales */
  { "secondary sale", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "secondary", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "tender offer", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "secondaire", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "cession de parts", TRANCHE_CUE_SECONDARY, N, TRUE },
  { "cession d'actions", TRANCHE_CUE_SECONDARY, N, TRUE },
  /* stakes */
  { "took a stake", TRANCHE_CUE_INVESTMENT, I, TRUE },
  { "stake", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "pris une participation", TRANCHE_CUE_INVESTMENT, I, TRUE },
  { "prise de participation", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "du capital", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "au capital", TRANCHE_CUE_INVESTMENT, N, TRUE },
  { "acquis", TRANCHE_CUE_ACQUISITION, I, FALSE },
  /* figures that are no investment */
  { "revenue", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "revenues", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "sales", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "profit", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "net loss", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "manages", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "market", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "chiffre d'affaires", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "bénéfice", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "pertes", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "gère", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { "marché", TRANCHE_CUE_NOT_EVENT, N, FALSE },
  { NULL, 0, 0, FALSE }
};

#undef I
#undef T
#undef N

const char *
tranche_cue_kind_to_string (TrancheCueKind kind)
{
  static const char * const names[] = {
    "investment", "commitment", "valuation", "total", "acquisition", "secondary", "none",
  };

  g_return_val_if_fail (kind < TRANCHE_N_CUES, NULL);
  return names[kind];
}

void
tranche_extract_cues (const char *text,
                      gsize       len,
                      gsize       start,
                      gsize       end,
                      GArray     *out)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (start <= end && end <= len);

  for (gsize pos = start; pos < end;)
    {
      guchar c = g_ascii_tolower (text[pos]);
      const CuePattern *best = NULL;
      gsize best_end = pos;

      if ((g_ascii_isalpha (c) || c >= 0x80) && tranche_scan_word_starts (text, pos))
        {
          for (guint i = 0; cue_patterns[i].pattern != NULL; i++)
            {
              gsize e;

              if ((guchar) cue_patterns[i].pattern[0] != c)
                continue;
              if (tranche_scan_phrase (text, end, pos, cue_patterns[i].pattern, &e)
                  && e > best_end)
                {
                  best = &cue_patterns[i];
                  best_end = e;
                }
            }
        }
      /* "Nordlys Invest" is a name, not a verb */
      if (best != NULL && best->subject != TRANCHE_SUBJECT_NONE && pos != start
          && g_ascii_isupper (text[pos]))
        best = NULL;
      if (best != NULL)
        {
          TrancheCue cue = { { pos, best_end }, best->kind, best->subject, best->names_event };

          g_array_append_val (out, cue);
          pos = best_end;
          continue;
        }
      pos++;
      while (pos < end && (((guchar) text[pos]) & 0xC0) == 0x80)
        pos++;
    }
}
