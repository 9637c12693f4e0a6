/* bench-extract.c: how long drafting a long article takes
 *
 * Usage: bench-extract [--write FILE] [WORDS]
 * Writes a generated article of about WORDS words (default 10,000), English
 * and French paragraphs about made-up companies with every kind of figure,
 * date and cue, then drafts it RUNS times (default 20) and prints the
 * words, the drafts found, and the best and median milliseconds. With
 * --write the article is also saved, for the peer (bench/peer/extract-peer.py).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-extractor.h"

static const char * const companies[] = {
  "Helios Robotics", "Calanque IA", "Greenleaf", "Solaris Ouest", "Nimbus Health",
  "Azur Génomique", "Parcelo", "Vireo Labs", "Orchard Bio", "Quillon Systems",
};

static const char * const investors[] = {
  "Northwind Capital", "Blue Harbor Ventures", "Garrigue Capital", "Pinewood Growth",
  "Lakeside Partners", "Nordlys Invest", "Bpifrance", "Kestrel Partners",
};

/* {c} company, {i} investor, {n} a number, {y} a year */
static const char * const templates[] = {
  "{c} said on Tuesday that it had raised ${n} million in a Series B round led by {i}. ",
  "The round values the company at about ${n}0 million, according to people familiar "
  "with the deal. ",
  "It brings its total funding to ${n}5 million, and the company employs {n}0 people. ",
  "{c} a levé {n} millions d’euros en {y} auprès de {i}, selon nos informations. ",
  "Au total, la société a levé {n},5 millions d’euros depuis sa création. ",
  "{i} s’est engagé à investir jusqu’à {n} millions d’euros dans {c} l’an dernier. ",
  "In the third quarter of {y}, {i} invested {n} billion dollars in {c}. ",
  "{i} agreed to acquire {c} for roughly €{n}M in March {y}. ",
  "The company, founded in {y}, expects to double its fleet this year and hire more "
  "engineers in Europe, where demand for its robots keeps growing. ",
  "Plus tôt cette année, {c} avait annoncé une autre tranche de plusieurs milliards de "
  "dollars, menée par {i}. ",
  "Analysts say the market could be worth several billion dollars a year by {y}. ",
  "Le groupe a réalisé un chiffre d’affaires de 1\xc2\xa0{n}00 millions d’euros. ",
};

static char *
generate (guint words)
{
  GString *out = g_string_new ("Funding roundup\n\n");
  guint n = 0, i = 0;
  GRand *rand = g_rand_new_with_seed (2024);

  while (n < words)
    {
      const char *t = templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))];
      gsize before = out->len;
      const char *p;

      for (p = t; *p != '\0'; p++)
        {
          if (p[0] == '{' && p[1] != '\0' && p[2] == '}')
            {
              if (p[1] == 'c')
                g_string_append (out, companies[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (companies))]);
              else if (p[1] == 'i')
                g_string_append (out, investors[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (investors))]);
              else if (p[1] == 'n')
                g_string_append_printf (out, "%d", g_rand_int_range (rand, 2, 99));
              else
                g_string_append_printf (out, "%d", g_rand_int_range (rand, 2015, 2025));
              p += 2;
            }
          else
            g_string_append_c (out, *p);
        }
      for (p = out->str + before; *p != '\0'; p++)
        n += *p == ' ';
      if (++i % 6 == 0)
        g_string_append (out, "\n\n");
    }
  g_rand_free (rand);
  return g_string_free (out, FALSE);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *write_to = NULL;
  guint words = 10000, runs = 20, n_drafts = 0;
  g_autofree char *text = NULL;
  g_autofree double *ms = NULL;
  TrancheExtractOptions options = { TRANCHE_LANGUAGE_UNKNOWN, { 0 } };
  int arg = 1;

  if (argc > 2 && strcmp (argv[1], "--write") == 0)
    {
      write_to = argv[2];
      arg = 3;
    }
  if (arg < argc)
    words = (guint) strtoul (argv[arg], NULL, 10);
  if (g_getenv ("RUNS") != NULL)
    runs = MAX (1, (guint) strtoul (g_getenv ("RUNS"), NULL, 10));
  text = generate (words);
  if (write_to != NULL && !g_file_set_contents (write_to, text, -1, NULL))
    {
      fprintf (stderr, "can't write %s\n", write_to);
      return 1;
    }
  tranche_date_parse ("2024-06-14", &options.published);
  ms = g_new0 (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(TrancheActors) actors = tranche_actors_new ();
      g_autoptr(TrancheExtraction) extraction = NULL;
      gint64 start = g_get_monotonic_time ();

      extraction = tranche_extract (text, strlen (text), &options, actors);
      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      n_drafts = tranche_extraction_get_n_drafts (extraction);
    }
  qsort (ms, runs, sizeof *ms, compare_doubles);
  printf ("words %u bytes %zu drafts %u best_ms %.1f median_ms %.1f\n", words, strlen (text),
          n_drafts, ms[0], ms[runs / 2]);
  return 0;
}
