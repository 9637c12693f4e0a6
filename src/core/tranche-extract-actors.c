/* tranche-extract-actors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-actors.h"
#include "tranche-extract-cues.h"
#include "tranche-extract-sentences.h"

typedef struct
{
  char  *pattern;  /* lower-case ASCII, for tranche_scan_phrase */
  guint  actor;
} Alias;

struct _TrancheActors
{
  GPtrArray  *actors;          /* TrancheActor */
  GHashTable *by_name;         /* folded name → index + 1 */
  GHashTable *ids;             /* ids in use */
  GPtrArray  *aliases[256];    /* Alias, by the pattern's first byte */
  GHashTable *capitalised;     /* words seen capitalised inside a sentence */
};

/* Capitalised words that are no names, lower-case. */
static const char * const not_names[] = {
  "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "it", "its", "this", "that",
  "these", "those", "he", "she", "they", "we", "i", "our", "their", "his", "her", "as", "by",
  "with", "from", "to", "of", "after", "before", "since", "under", "over", "according",
  "however", "meanwhile", "also", "while", "when", "where", "which", "who", "what", "why",
  "how", "earlier", "later", "last", "next", "today", "yesterday", "ceo", "cfo", "cto",
  "inc", "corp", "ltd", "series", "seed", "round", "chief", "executive", "officer",
  "president", "mr", "ms", "mrs", "dr", "founder", "co-founder", "both", "all", "some",
  "such", "if", "so", "then", "there", "here", "other", "one", "two", "three", "new",
  "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "en", "dans",
  "pour", "par", "sur", "avec", "selon", "cette", "cet", "ce", "ces", "cela", "ceci", "il",
  "elle", "ils", "elles", "on", "nous", "son", "sa", "ses", "leur", "leurs", "lors",
  "lorsqu", "depuis", "après", "avant", "mais", "et", "ou", "donc", "cependant",
  "toutefois", "ainsi", "enfin", "actuellement", "notre", "dont", "qui", "que", "quand",
  "pdg", "série", "monsieur", "madame", "m", "mme", "certains", "certaines", "tous",
  "toutes", "plus", "outre", "fin", "début", "ia", "ai", "api", "agi", "q1", "q2", "q3",
  "q4", "t1", "t2", "t3", "t4", "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december", "janvier", "février",
  "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
  "décembre", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "notre", "avis",
  "critiques", "avantages", NULL
};

typedef struct
{
  const char *pattern;
  guint8      mark;
} MarkPattern;

/* Tried in order, so longer phrases first. */
static const MarkPattern mark_patterns[] = {
  { "according to", TRANCHE_MARK_SOURCE }, { "selon", TRANCHE_MARK_SOURCE },
  { "et de", TRANCHE_MARK_AND }, { "et du", TRANCHE_MARK_AND }, { "et d'", TRANCHE_MARK_AND },
  { "and from", TRANCHE_MARK_AND }, { "and by", TRANCHE_MARK_AND },
  { "co-led by", TRANCHE_MARK_LEAD }, { "led by", TRANCHE_MARK_LEAD },
  { "spearheaded by", TRANCHE_MARK_LEAD }, { "menée par", TRANCHE_MARK_LEAD },
  { "mené par", TRANCHE_MARK_LEAD }, { "menés par", TRANCHE_MARK_LEAD },
  { "emmenée par", TRANCHE_MARK_LEAD }, { "pilotée par", TRANCHE_MARK_LEAD },
  { "conduite par", TRANCHE_MARK_LEAD },
  { "with participation from", TRANCHE_MARK_FROM }, { "participation from", TRANCHE_MARK_FROM },
  { "backed by", TRANCHE_MARK_FROM }, { "acquired by", TRANCHE_MARK_FROM },
  { "bought by", TRANCHE_MARK_FROM }, { "rachetée par", TRANCHE_MARK_FROM },
  { "racheté par", TRANCHE_MARK_FROM }, { "acquise par", TRANCHE_MARK_FROM }, { "from", TRANCHE_MARK_FROM },
  { "including", TRANCHE_MARK_FROM }, { "alongside", TRANCHE_MARK_FROM },
  { "auprès de", TRANCHE_MARK_FROM }, { "auprès du", TRANCHE_MARK_FROM },
  { "auprès des", TRANCHE_MARK_FROM }, { "réuni", TRANCHE_MARK_FROM },
  { "réunit", TRANCHE_MARK_FROM }, { "joined by", TRANCHE_MARK_FROM },
  { "auprès d'", TRANCHE_MARK_FROM },
  { "aux côtés de", TRANCHE_MARK_FROM }, { "aux côtés d'", TRANCHE_MARK_FROM },
  { "soutenu par", TRANCHE_MARK_FROM }, { "soutenue par", TRANCHE_MARK_FROM },
  { "participation de", TRANCHE_MARK_FROM }, { "participation d'", TRANCHE_MARK_FROM },
  { "dont", TRANCHE_MARK_FROM }, { "parmi lesquels", TRANCHE_MARK_FROM },
  { "in", TRANCHE_MARK_INTO }, { "into", TRANCHE_MARK_INTO }, { "dans", TRANCHE_MARK_INTO },
  { "au capital de", TRANCHE_MARK_INTO }, { "au capital d'", TRANCHE_MARK_INTO },
  { "en faveur de", TRANCHE_MARK_INTO }, { "en faveur d'", TRANCHE_MARK_INTO },
  { "of", TRANCHE_MARK_OF }, { "de", TRANCHE_MARK_OF }, { "d'", TRANCHE_MARK_OF },
  { "du", TRANCHE_MARK_OF },
  { "and", TRANCHE_MARK_AND }, { "et", TRANCHE_MARK_AND }, { ",", TRANCHE_MARK_AND },
  { NULL, 0 }
};

static void
actor_free (gpointer data)
{
  TrancheActor *actor = data;

  g_free (actor->id);
  g_free (actor->name);
  g_free (actor);
}

static void
alias_free (gpointer data)
{
  Alias *alias = data;

  g_free (alias->pattern);
  g_free (alias);
}

static char *
fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : name, -1);
}

/* "Mistral AI" → "mistral-ai", unique among the ids in use. */
static char *
make_id (TrancheActors *self,
         const char    *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "entity");
  base = g_string_free (id, FALSE);
  for (guint n = 1;; n++)
    {
      char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (!g_hash_table_contains (self->ids, candidate))
        return candidate;
      g_free (candidate);
    }
}

static void
add_alias (TrancheActors *self,
           const char    *text,
           guint          actor)
{
  Alias *alias;
  guchar first;
  g_autofree char *folded = NULL;

  if (text == NULL || strlen (text) < 2)
    return;
  folded = fold_name (text);
  if (!g_hash_table_contains (self->by_name, folded))
    g_hash_table_insert (self->by_name, g_steal_pointer (&folded), GUINT_TO_POINTER (actor + 1));
  alias = g_new0 (Alias, 1);
  alias->pattern = g_ascii_strdown (text, -1);
  alias->actor = actor;
  first = alias->pattern[0];
  if (self->aliases[first] == NULL)
    self->aliases[first] = g_ptr_array_new_with_free_func (alias_free);
  g_ptr_array_add (self->aliases[first], alias);
}

static guint
add_actor (TrancheActors     *self,
           const char        *id,
           const char        *name,
           TrancheEntityKind  kind,
           gboolean           known)
{
  TrancheActor *actor = g_new0 (TrancheActor, 1);

  actor->id = id != NULL ? g_strdup (id) : make_id (self, name);
  actor->name = g_strdup (name);
  actor->kind = kind;
  actor->known = known;
  g_hash_table_add (self->ids, g_strdup (actor->id));
  g_ptr_array_add (self->actors, actor);
  return self->actors->len - 1;
}

TrancheActors *
tranche_actors_new (void)
{
  TrancheActors *self = g_new0 (TrancheActors, 1);

  self->actors = g_ptr_array_new_with_free_func (actor_free);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->capitalised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
tranche_actors_free (TrancheActors *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->actors);
  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->capitalised);
  for (guint i = 0; i < G_N_ELEMENTS (self->aliases); i++)
    g_clear_pointer (&self->aliases[i], g_ptr_array_unref);
  g_free (self);
}

guint
tranche_actors_add_known (TrancheActors      *self,
                          const char         *id,
                          const char         *name,
                          TrancheEntityKind   kind,
                          const char * const *aliases)
{
  guint index;

  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  index = add_actor (self, id, name != NULL ? name : id, kind, TRUE);
  add_alias (self, name, index);
  add_alias (self, id, index);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    add_alias (self, aliases[i], index);
  return index;
}

/* "Microsoft Corporation" → "Microsoft", "Mistral AI SAS" → "Mistral AI" */
static char *
strip_legal_suffix (const char *name)
{
  static const char * const suffixes[] = {
    " Inc.", " Inc", " Corporation", " Corp.", " Corp", " Ltd.", " Ltd", " LLC", " plc",
    " PLC", " SA", " SAS", " S.A.", " GmbH", " AG", " Group", " Groupe", ",", NULL
  };
  char *out = g_strdup (name);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; suffixes[i] != NULL; i++)
        if (g_str_has_suffix (out, suffixes[i]) && strlen (out) > strlen (suffixes[i]) + 1)
          {
            out[strlen (out) - strlen (suffixes[i])] = '\0';
            again = TRUE;
          }
    }
  return out;
}

void
tranche_actors_add_dataset (TrancheActors  *self,
                            TrancheDataset *dataset)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dataset != NULL);

  for (guint i = 0; i < tranche_dataset_get_n_entities (dataset); i++)
    {
      const TrancheEntity *entity = tranche_dataset_get_entity (dataset, i);
      g_autofree char *short_name = strip_legal_suffix (entity->name);
      const char *aliases[] = { short_name, NULL };

      tranche_actors_add_known (self, entity->id, entity->name, entity->kind, aliases);
    }
}

static gboolean
is_not_name (const char *text,
             gsize       start,
             gsize       end)
{
  for (guint i = 0; not_names[i] != NULL; i++)
    if (strlen (not_names[i]) == end - start
        && g_ascii_strncasecmp (text + start, not_names[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* A name's word: letters and digits, with inner "-X" or ".x" ("Rolls-Royce",
 * "Amazon.com"). */
static gsize
name_word_end (const char *text,
               gsize       len,
               gsize       pos)
{
  gsize e = tranche_scan_word_end (text, len, pos);

  while (e + 1 < len && ((text[e] == '-' && g_ascii_isupper (text[e + 1]))
                         || (text[e] == '.' && g_ascii_islower (text[e + 1]))))
    e = tranche_scan_word_end (text, len, e + 1);
  return e;
}

void
tranche_actors_learn (TrancheActors *self,
                      const char    *text,
                      gsize          len,
                      GArray        *sentences)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sentences != NULL);

  for (guint i = 0; i < sentences->len; i++)
    {
      const TrancheSentence *s = &g_array_index (sentences, TrancheSentence, i);

      for (gsize pos = s->span.start + 1; pos < s->span.end; pos++)
        if (g_ascii_isupper (text[pos]) && tranche_scan_word_starts (text, pos))
          {
            gsize e = name_word_end (text, len, pos);

            if (!is_not_name (text, pos, e))
              g_hash_table_add (self->capitalised, g_strndup (text + pos, e - pos));
            pos = e;
          }
    }
}

static guint8
read_mark_at (const char *text,
              gsize       floor,
              gsize       pos)
{
  for (guint i = 0; mark_patterns[i].pattern != NULL; i++)
    {
      gsize s;

      if (tranche_scan_phrase_before (text, pos, mark_patterns[i].pattern, &s) && s >= floor)
        return mark_patterns[i].mark;
    }
  /* "Microsoft's investment": no mark, the name comes first */
  return TRANCHE_MARK_NONE;
}

/* The mark before a name, looking past up to two lower-case words ("led by
 * the fund X", "auprès du fonds danois X", "et la Caisse des Dépôts"). */
static guint8
read_mark (const char *text,
           gsize       floor,
           gsize       pos)
{
  guint8 mark = read_mark_at (text, floor, pos);

  for (guint skipped = 0; mark == TRANCHE_MARK_NONE && skipped < 2; skipped++)
    {
      gsize word_end = tranche_scan_space_back (text, pos);
      gsize word = word_end;

      /* back over one lower-case word, or an elided "l'" */
      if (word > 0 && tranche_scan_apostrophe (text, word_end, word - 1) == 1)
        word--;
      else if (word >= 3 && tranche_scan_apostrophe (text, word_end, word - 3) == 3)
        word -= 3;
      while (word > floor && tranche_scan_is_word_at (text, word_end, word - 1))
        word--;
      if (word == word_end || word < floor
          || !(g_ascii_islower (text[word]) || is_not_name (text, word, word_end)))
        return TRANCHE_MARK_NONE;
      pos = word;
      mark = read_mark_at (text, floor, pos);
      /* "the fund of X" is not X's */
      if (mark == TRANCHE_MARK_OF)
        mark = TRANCHE_MARK_NONE;
      else if (mark == TRANCHE_MARK_AND)
        mark = TRANCHE_MARK_ALSO;
    }
  return mark;
}

/* The longest dataset name at pos, as an actor index, or G_MAXUINT. */
static guint
match_known (TrancheActors *self,
             const char    *text,
             gsize          len,
             gsize          pos,
             gsize         *end)
{
  GPtrArray *bucket = self->aliases[(guchar) g_ascii_tolower (text[pos])];
  guint best = G_MAXUINT;
  gsize best_end = pos;

  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    {
      const Alias *alias = g_ptr_array_index (bucket, i);
      gsize e;

      if (tranche_scan_phrase (text, len, pos, alias->pattern, &e) && e > best_end)
        {
          best = alias->actor;
          best_end = e;
        }
    }
  *end = best_end;
  return best;
}

/* "Google acquired", "Stripe was valued", "Amazon a racheté": a word that
 * starts a sentence is a name when a cue verb follows it. */
static gboolean
verb_follows (const char *text,
              gsize       len,
              gsize       pos)
{
  static const char * const auxiliaries[] = {
    " has ", " had ", " have ", " was ", " is ", " a été ", " a ", " est ", " ", NULL
  };
  g_autoptr(GArray) cues = g_array_new (FALSE, FALSE, sizeof (TrancheCue));
  gsize next;

  if (tranche_scan_phrases (text, len, pos, auxiliaries, &next) < 0)
    return FALSE;
  tranche_extract_cues (text, len, next, MIN (len, next + 40), cues);
  return cues->len > 0 && g_array_index (cues, TrancheCue, 0).span.start == next
         && g_array_index (cues, TrancheCue, 0).subject != TRANCHE_SUBJECT_NONE;
}

/* A run of capitalised words at pos; its end, or pos when there is none. */
static gsize
read_capitalised (TrancheActors *self,
                  const char    *text,
                  gsize          len,
                  gsize          pos,
                  gsize          sentence_start)
{
  gsize e, first_end;
  gboolean inner_capital = FALSE;

  if (!tranche_scan_is_upper_at (text, len, pos))
    return pos;
  first_end = name_word_end (text, len, pos);
  /* one letter ("Series B"), or an adjective ("Lyon-born", "Boston-based") */
  if (first_end - pos < 2 || is_not_name (text, pos, first_end)
      || (first_end + 1 < len && text[first_end] == '-' && g_ascii_islower (text[first_end + 1])))
    return pos;
  for (gsize i = pos + 1; i < first_end; i++)
    inner_capital |= g_ascii_isupper (text[i]) || g_ascii_isdigit (text[i]);
  e = first_end;
  /* further capitalised words after a single space: "Meta Platforms", "Calanque
   * IA", and across "des", "de", "du", "of": "Caisse des Dépôts" */
  for (;;)
    {
      static const char * const joins[] = {
        " des ", " de ", " du ", " of ", " & ", " ", NULL
      };
      gsize next, w;

      if (tranche_scan_phrases (text, len, e, joins, &next) < 0
          || !tranche_scan_is_upper_at (text, len, next))
        break;
      w = name_word_end (text, len, next);
      if (w - next < 2 && !g_ascii_isupper (text[next]))
        break;
      e = w;
    }
  /* a capital that only starts a sentence is no name, unless the article
   * also writes it so inside one, or it is "OpenAI", or "Orbital Foods" */
  if (pos == sentence_start && !inner_capital && e == first_end)
    {
      g_autofree char *word = g_strndup (text + pos, first_end - pos);

      if (!g_hash_table_contains (self->capitalised, word) && !verb_follows (text, len, e))
        return pos;
    }
  return e;
}

static guint
find_or_add (TrancheActors *self,
             const char    *text,
             gsize          start,
             gsize          end)
{
  g_autofree char *name = g_strndup (text + start, end - start);
  g_autofree char *folded = fold_name (name);
  gpointer found = g_hash_table_lookup (self->by_name, folded);
  guint index;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  /* "Nimbus" after "Nimbus Health" */
  for (guint i = 0; i < self->actors->len; i++)
    {
      const TrancheActor *actor = g_ptr_array_index (self->actors, i);

      if (g_str_has_prefix (actor->name, name) && actor->name[strlen (name)] == ' ')
        return i;
    }
  index = add_actor (self, NULL, name, TRANCHE_ENTITY_COMPANY, FALSE);
  add_alias (self, name, index);
  return index;
}

void
tranche_actors_find (TrancheActors *self,
                     const char    *text,
                     gsize          len,
                     gsize          start,
                     gsize          end,
                     GArray        *out)
{
  gsize floor = start;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (start <= end && end <= len);

  for (gsize pos = start; pos < end;)
    {
      gsize e = pos;
      guint actor = G_MAXUINT;

      if (tranche_scan_word_starts (text, pos) && tranche_scan_is_word_at (text, end, pos))
        {
          actor = match_known (self, text, end, pos, &e);
          if (actor == G_MAXUINT)
            {
              e = read_capitalised (self, text, end, pos, start);
              if (e > pos)
                actor = find_or_add (self, text, pos, e);
            }
        }
      if (actor != G_MAXUINT)
        {
          TrancheMention mention = { { pos, e }, actor, read_mark (text, floor, pos) };

          g_array_append_val (out, mention);
          pos = floor = e;
          continue;
        }
      if (tranche_scan_is_word_at (text, end, pos))
        pos = MAX (pos + 1, tranche_scan_word_end (text, end, pos));
      else
        pos++;
      while (pos < end && (((guchar) text[pos]) & 0xC0) == 0x80)
        pos++;
    }
}

guint
tranche_actors_get_n (TrancheActors *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->actors->len;
}

const TrancheActor *
tranche_actors_get (TrancheActors *self,
                    guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->actors->len, NULL);
  return g_ptr_array_index (self->actors, index);
}
