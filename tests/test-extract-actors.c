/* test-extract-actors.c: sentences, names, and who invests in whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-actors.h"
#include "tranche-extract-sentences.h"
#include "tranche-extractor.h"

typedef struct
{
  const char *text;
  guint       n_sentences;
  const char *last;  /* the last sentence */
} SentenceCase;

static const SentenceCase sentence_cases[] = {
  { "It raised $1.25 billion. Then it grew.", 2, "Then it grew." },
  { "Acme Inc. raised money. It grew.", 2, "It grew." },
  { "M. Dupont a parlé. Puis il est parti.", 2, "Puis il est parti." },
  { "Plus tôt cette année. Cela fait partie d’un accord « pluriannuel ».", 2,
    "Cela fait partie d’un accord « pluriannuel »." },
  { "Il a dit : « J’espère que oui. » Puis il est parti.", 2, "Puis il est parti." },
  { "Title without a stop\n\nBody starts here. And ends.", 3, "And ends." },
  { "It raised money in the U.S. market today.", 1,
    "It raised money in the U.S. market today." },
  { "  Padded.  ", 1, "Padded." },
  { "", 0, NULL },
};

static void
test_sentences (gconstpointer data)
{
  const SentenceCase *c = data;
  g_autoptr(GArray) out = tranche_extract_sentences (c->text, strlen (c->text));

  g_assert_cmpuint (out->len, ==, c->n_sentences);
  if (c->last != NULL)
    {
      const TrancheSentence *s = &g_array_index (out, TrancheSentence, out->len - 1);
      g_autofree char *last = g_strndup (c->text + s->span.start, s->span.end - s->span.start);

      g_assert_cmpstr (last, ==, c->last);
    }
}

typedef struct
{
  const char       *text;
  const char       *name;   /* the first mention; NULL: none */
  TrancheActorMark  mark;
} MentionCase;

static const MentionCase mention_cases[] = {
  { "a round led by Northwind Capital.", "Northwind Capital", TRANCHE_MARK_LEAD },
  { "une levée menée par Mistralis Partenaires.", "Mistralis Partenaires", TRANCHE_MARK_LEAD },
  { "une levée menée par le fonds Mistralis.", "Mistralis", TRANCHE_MARK_LEAD },
  { "un tour mené par Atlantique Infra.", "Atlantique Infra", TRANCHE_MARK_LEAD },
  { "money from Kestrel Partners.", "Kestrel Partners", TRANCHE_MARK_FROM },
  { "des fonds auprès de Garrigue Capital.", "Garrigue Capital", TRANCHE_MARK_FROM },
  { "des fonds auprès du fonds danois Nordlys.", "Nordlys", TRANCHE_MARK_FROM },
  { "invested $10B in OpenAI.", "OpenAI", TRANCHE_MARK_INTO },
  { "10 milliards dans OpenAI.", "OpenAI", TRANCHE_MARK_INTO },
  { "la valorisation d’OpenAI.", "OpenAI", TRANCHE_MARK_OF },
  { "réuni la Caisse des Dépôts.", "Caisse des Dépôts", TRANCHE_MARK_FROM },
  { "Selon Les Échos, rien.", "Échos", TRANCHE_MARK_SOURCE },
  { "Cette entreprise a levé.", NULL, 0 },
  { "a Lyon-born maker", NULL, 0 },
  { "its Series B round", NULL, 0 },
};

static void
test_mentions (gconstpointer data)
{
  const MentionCase *c = data;
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheMention));
  const TrancheMention *m;
  g_autofree char *name = NULL;

  tranche_actors_find (actors, c->text, strlen (c->text), 0, strlen (c->text), out);
  if (c->name == NULL)
    {
      g_assert_cmpuint (out->len, ==, 0);
      return;
    }
  g_assert_cmpuint (out->len, >=, 1);
  m = &g_array_index (out, TrancheMention, 0);
  name = g_strndup (c->text + m->span.start, m->span.end - m->span.start);
  g_assert_cmpstr (name, ==, c->name);
  g_assert_cmpint (m->mark, ==, c->mark);
}

/* A dataset's entity is found by its name, its short name and its id, and
 * keeps its id. */
static void
test_known (void)
{
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TrancheMention));
  const char *aliases[] = { "MSFT", NULL };
  const char *text = "Microsoft Corporation, microsoft and MSFT.";
  guint index;

  index = tranche_actors_add_known (actors, "msft", "Microsoft Corporation",
                                    TRANCHE_ENTITY_INVESTOR, aliases);
  tranche_actors_add_known (actors, "ms2", "Microsoft", TRANCHE_ENTITY_INVESTOR, NULL);
  tranche_actors_find (actors, text, strlen (text), 0, strlen (text), out);
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpuint (g_array_index (out, TrancheMention, 0).actor, ==, index);
  g_assert_cmpuint (g_array_index (out, TrancheMention, 2).actor, ==, index);
  g_assert_cmpstr (tranche_actors_get (actors, index)->id, ==, "msft");
  g_assert_true (tranche_actors_get (actors, index)->known);
}

typedef struct
{
  const char *text;
  const char *published;
  const char *kind;
  const char *target;
  const char *investors;  /* ids joined by ",", a lead ending in "*" */
} RoleCase;

static const RoleCase role_cases[] = {
  { "Acme Robotics raised $5 million in a round led by Foo Capital and Bar Ventures.", "2024",
    "investment", "acme-robotics", "foo-capital*,bar-ventures*" },
  { "Foo Capital invested $5 million in Acme Robotics in 2021.", NULL, "investment",
    "acme-robotics", "foo-capital" },
  { "Calanque IA lève 105 millions d’euros en 2024 lors d’un tour mené par Mistralis "
    "Partenaires, aux côtés de Bpifrance.", NULL, "investment", "calanque-ia",
    "mistralis-partenaires*,bpifrance" },
  { "Google acquired Fitbit for $2.1 billion in 2021.", NULL, "acquisition", "fitbit",
    "google" },
  { "Vauban Énergie rachète Solaris Ouest pour 480 millions d'euros en 2022.", NULL,
    "acquisition", "solaris-ouest", "vauban-energie" },
  { "Amazon agreed to invest up to $4 billion in Anthropic in September 2023.", NULL,
    "commitment", "anthropic", "amazon" },
  { "La région Sud s'engage à investir jusqu'à 10 millions d'euros dans Calanque IA en 2024.",
    NULL, "commitment", "calanque-ia", "sud" },
  { "Stripe was valued at $50 billion in March 2023.", NULL, "valuation", "stripe", "" },
  { "La valorisation de Doctolib atteint 5,8 milliards d'euros en 2022.", NULL, "valuation",
    "doctolib", "" },
  { "Acme Robotics has raised $80 million in all since 2019.", "2024", "total",
    "acme-robotics", "" },
  { "Early backers sold shares in Acme Robotics in a secondary sale worth $30 million in "
    "2022.", NULL, "secondary", "acme-robotics", "" },
};

static char *
investors_string (TrancheActors      *actors,
                  const TrancheDraft *draft)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < draft->n_investors; i++)
    g_string_append_printf (out, "%s%s%s", i > 0 ? "," : "",
                            tranche_actors_get (actors, draft->investors[i])->id,
                            draft->lead[i] ? "*" : "");
  return g_string_free (out, FALSE);
}

static void
test_roles (gconstpointer data)
{
  const RoleCase *c = data;
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  g_autoptr(TrancheExtraction) extraction = NULL;
  TrancheExtractOptions options = { TRANCHE_LANGUAGE_UNKNOWN, { 0 } };
  const TrancheDraft *draft;
  g_autofree char *investors = NULL;

  if (c->published != NULL)
    tranche_date_parse (c->published, &options.published);
  extraction = tranche_extract (c->text, strlen (c->text), &options, actors);
  g_assert_cmpuint (tranche_extraction_get_n_drafts (extraction), ==, 1);
  draft = tranche_extraction_get_draft (extraction, 0);
  g_assert_cmpstr (tranche_draft_kind_to_string (draft->kind), ==, c->kind);
  g_assert_cmpuint (draft->target, !=, G_MAXUINT);
  g_assert_cmpstr (tranche_actors_get (actors, draft->target)->id, ==, c->target);
  if (draft->kind != TRANCHE_DRAFT_VALUATION && draft->kind != TRANCHE_DRAFT_TOTAL
      && draft->kind != TRANCHE_DRAFT_SECONDARY)
    {
      investors = investors_string (actors, draft);
      g_assert_cmpstr (investors, ==, c->investors);
    }
  /* the quote is the sentence, verbatim */
  g_assert_cmpuint (draft->quote.start, ==, 0);
  g_assert_cmpuint (draft->quote.end, ==, strlen (c->text));
}

static void
test_language (void)
{
  const char *fr = "Microsoft a investi 10 milliards de dollars dans OpenAI plus tôt cette année.";
  const char *en = "Microsoft invested $10 billion in OpenAI earlier this year, and it has "
                   "a stake.";

  g_assert_cmpint (tranche_extract_guess_language (fr, strlen (fr)), ==, TRANCHE_LANGUAGE_FR);
  g_assert_cmpint (tranche_extract_guess_language (en, strlen (en)), ==, TRANCHE_LANGUAGE_EN);
  g_assert_cmpint (tranche_extract_guess_language ("123", 3), ==, TRANCHE_LANGUAGE_UNKNOWN);
}

/* Invalid UTF-8 drafts nothing and never crashes. */
static void
test_invalid (void)
{
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  const char text[] = "Acme raised $5 million \xff\xfe in 2021.";
  g_autoptr(TrancheExtraction) extraction = tranche_extract (text, sizeof text - 1, NULL, actors);

  g_assert_cmpuint (tranche_extraction_get_n_drafts (extraction), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/sentences/%02u", i);

      g_test_add_data_func (path, &sentence_cases[i], test_sentences);
    }
  for (guint i = 0; i < G_N_ELEMENTS (mention_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/actors/mention/%02u", i);

      g_test_add_data_func (path, &mention_cases[i], test_mentions);
    }
  g_test_add_func ("/extract/actors/known", test_known);
  for (guint i = 0; i < G_N_ELEMENTS (role_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/actors/roles/%02u", i);

      g_test_add_data_func (path, &role_cases[i], test_roles);
    }
  g_test_add_func ("/extract/language", test_language);
  g_test_add_func ("/extract/invalid", test_invalid);
  return g_test_run ();
}
