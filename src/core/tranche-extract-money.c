/* tranche-extract-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-extract-money.h"

typedef struct
{
  const char *pattern;
  const char *code;
} Currency;

typedef struct
{
  const char *pattern;
  double      factor;
  gboolean    needs_currency;  /* "m", "b", "k": units of anything without one */
} Multiplier;

/* Longest first wherever one pattern starts another. */
static const Currency prefix_currencies[] = {
  { "us$", "USD" }, { "ca$", "CAD" }, { "c$", "CAD" }, { "a$", "AUD" },
  { "usd", "USD" }, { "eur", "EUR" }, { "gbp", "GBP" }, { "chf", "CHF" },
  { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" },
  { NULL, NULL }
};

static const Currency suffix_currencies[] = {
  { "canadian dollars", "CAD" }, { "dollars canadiens", "CAD" },
  { "dollars américains", "USD" }, { "dollars us", "USD" }, { "us dollars", "USD" },
  { "dollars", "USD" }, { "dollar", "USD" }, { "euros", "EUR" }, { "euro", "EUR" },
  { "livres sterling", "GBP" }, { "livres", "GBP" }, { "pounds sterling", "GBP" },
  { "pounds", "GBP" }, { "pound", "GBP" }, { "francs suisses", "CHF" },
  { "swiss francs", "CHF" }, { "yens", "JPY" }, { "yen", "JPY" }, { "yuans", "CNY" },
  { "yuan", "CNY" }, { "usd", "USD" }, { "eur", "EUR" }, { "gbp", "GBP" },
  { "chf", "CHF" }, { "jpy", "JPY" }, { "cad", "CAD" },
  { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" },
  { NULL, NULL }
};

static const Multiplier multipliers[] = {
  { "trillions", 1e12, FALSE }, { "trillion", 1e12, FALSE }, { "billions", 1e9, FALSE },
  { "billion", 1e9, FALSE }, { "milliards", 1e9, FALSE }, { "milliard", 1e9, FALSE },
  { "millions", 1e6, FALSE }, { "million", 1e6, FALSE }, { "thousand", 1e3, TRUE },
  { "bn", 1e9, FALSE }, { "mds", 1e9, FALSE }, { "mrd", 1e9, FALSE }, { "md", 1e9, FALSE },
  { "mln", 1e6, FALSE }, { "mn", 1e6, FALSE }, { "mio", 1e6, FALSE }, { "tn", 1e12, FALSE },
  { "mm", 1e6, TRUE }, { "b", 1e9, TRUE }, { "m", 1e6, TRUE }, { "k", 1e3, TRUE },
  { NULL, 0, FALSE }
};

/* Words that may follow a currency-less "13 billion" and keep it money; any
 * other word makes it a count of something else ("5 million users"). */
static const char * const after_bare_en[] = {
  "in", "at", "to", "from", "for", "and", "or", "as", "on", "with", "by", "round",
  "investment", "funding", "financing", "valuation", "deal", "stake", "tranche", "this",
  "last", "that", "which", "when", "after", "before", "over", "since", "into", NULL
};

static const char * const approx_before[] = {
  "about", "around", "roughly", "some", "approximately", "nearly", "almost", "close to",
  "an estimated", "estimated", "circa", "~", "environ", "près de", "près d'", "pres de",
  "quelque", "autour de", "approximativement", "presque", "à peu près", "aux alentours de",
  NULL
};

static const char * const at_most_before[] = {
  "up to", "as much as", "at most", "no more than", "less than", "a maximum of",
  "jusqu'à", "jusqu'a", "au plus", "au maximum", "moins de", "moins d'", "un maximum de",
  NULL
};

static const char * const at_least_before[] = {
  "at least", "more than", "over", "in excess of", "upwards of", "north of",
  "a minimum of", "au moins", "plus de", "plus d'", "au minimum", "un minimum de", NULL
};

/* Amounts that exist but are not given. `currency_needed`: only money when a
 * currency follows ("des millions de dollars", not "des millions d'utilisateurs"). */
typedef struct
{
  const char *pattern;
  gboolean    currency_needed;
} Vague;

static const Vague vague_amounts[] = {
  { "several hundred million", FALSE }, { "several billion", FALSE },
  { "several million", FALSE }, { "billions of", TRUE }, { "millions of", TRUE },
  { "hundreds of millions of", TRUE }, { "multibillion", FALSE }, { "multi-billion", FALSE },
  { "multimillion", FALSE }, { "multi-million", FALSE }, { "an undisclosed amount", FALSE },
  { "an undisclosed sum", FALSE }, { "undisclosed amount", FALSE },
  { "undisclosed sum", FALSE }, { "plusieurs centaines de millions", FALSE },
  { "plusieurs milliards", FALSE }, { "plusieurs millions", FALSE },
  { "des milliards", TRUE }, { "des millions", TRUE }, { "des centaines de millions", TRUE },
  { "un montant non divulgué", FALSE }, { "montant non divulgué", FALSE },
  { "un montant non communiqué", FALSE }, { "montant non communiqué", FALSE },
  { "un montant non dévoilé", FALSE }, { "montant non dévoilé", FALSE },
  { "une somme non divulguée", FALSE }, { "somme non divulguée", FALSE },
  { NULL, FALSE }
};

static gsize
skip_spaces (const char *text,
             gsize       len,
             gsize       pos)
{
  gsize n;

  while ((n = tranche_scan_space_len (text, len, pos)) > 0)
    pos += n;
  return pos;
}

/* The currency after an amount, optionally introduced by "de"/"d'"/"of"
 * ("1 milliard de dollars", "millions of euros"). */
static gboolean
read_suffix_currency (const char      *text,
                      gsize            len,
                      gsize            pos,
                      TrancheCurrency *currency,
                      gsize           *end)
{
  static const char * const links[] = { "de ", "d'", "of ", NULL };
  gsize p = skip_spaces (text, len, pos);
  gsize after;
  int i;

  if (tranche_scan_phrases (text, len, p, links, &after) >= 0)
    {
      for (i = 0; suffix_currencies[i].pattern != NULL; i++)
        if (g_ascii_isalpha (suffix_currencies[i].pattern[0])
            && strlen (suffix_currencies[i].pattern) > 3
            && tranche_scan_phrase (text, len, after, suffix_currencies[i].pattern, end))
          {
            *currency = tranche_currency_from_code (suffix_currencies[i].code);
            return TRUE;
          }
    }
  for (i = 0; suffix_currencies[i].pattern != NULL; i++)
    if (tranche_scan_phrase (text, len, p, suffix_currencies[i].pattern, end))
      {
        *currency = tranche_currency_from_code (suffix_currencies[i].code);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_digit_at (const char *text,
             gsize       len,
             gsize       pos)
{
  return pos < len && g_ascii_isdigit (text[pos]);
}

static gsize
digit_run (const char *text,
           gsize       len,
           gsize       pos)
{
  gsize i = pos;

  while (is_digit_at (text, len, i))
    i++;
  return i - pos;
}

/* A number: "1", "1.25", "1,25" (French), "1,000" (English), "1 000" with any
 * space, "1.000" (French). Writes it to *value and its end to *end. */
static gboolean
read_number (const char      *text,
             gsize            len,
             gsize            pos,
             TrancheLanguage  language,
             double          *value,
             gsize           *end)
{
  char buf[64];
  gsize n = 0;
  gsize i = pos;
  gsize run = digit_run (text, len, i);
  gboolean fr = language == TRANCHE_LANGUAGE_FR;

  if (run == 0 || run > 15)
    return FALSE;
  memcpy (buf, text + i, run);
  n = run;
  i += run;
  /* groups of three */
  while (run <= 3)
    {
      gsize sep = tranche_scan_space_len (text, len, i);
      gboolean grouping;

      if (sep > 0 && text[i] != '\n')
        grouping = TRUE;
      else if (i < len && text[i] == ',')
        sep = 1, grouping = !fr;
      else if (i < len && text[i] == '.')
        sep = 1, grouping = fr;
      else
        break;
      if (!grouping || digit_run (text, len, i + sep) != 3 || n + 3 >= sizeof buf - 8)
        break;
      memcpy (buf + n, text + i + sep, 3);
      n += 3;
      i += sep + 3;
    }
  /* decimals: either mark, but not a group of three the other way round */
  if (i < len && (text[i] == '.' || text[i] == ',') && is_digit_at (text, len, i + 1))
    {
      gsize d = digit_run (text, len, i + 1);
      gboolean thousands = d == 3 && ((text[i] == ',' && !fr) || (text[i] == '.' && fr));

      if (!thousands && d <= 6)
        {
          buf[n++] = '.';
          memcpy (buf + n, text + i + 1, d);
          n += d;
          i += 1 + d;
        }
    }
  buf[n] = '\0';
  /* "2023-11", "A380-800": part of something else */
  if (i < len && (g_ascii_isalpha (text[i]) == FALSE) && text[i] == '-'
      && is_digit_at (text, len, i + 1))
    return FALSE;
  *value = g_ascii_strtod (buf, NULL);
  *end = i;
  return TRUE;
}

/* "un", "une", "one", "a" standing for 1 before a multiplier word. */
static gboolean
read_number_word (const char *text,
                  gsize       len,
                  gsize       pos,
                  double     *value,
                  gsize      *end)
{
  static const char * const ones[] = { "un ", "une ", "one ", "a ", NULL };

  if (tranche_scan_phrases (text, len, pos, ones, end) < 0)
    return FALSE;
  *value = 1;
  return TRUE;
}

static const Multiplier *
read_multiplier (const char *text,
                 gsize       len,
                 gsize       pos,
                 gsize      *end)
{
  gsize p = skip_spaces (text, len, pos);

  for (guint i = 0; multipliers[i].pattern != NULL; i++)
    if (tranche_scan_phrase (text, len, p, multipliers[i].pattern, end))
      {
        /* "5 m" could be metres: one-letter multipliers only stick to the number */
        if (p != pos && multipliers[i].needs_currency
            && (*end >= len || text[*end] == '\0'
                || strchr ("$\xe2\xc2", text[*end]) == NULL))
          continue;
        return &multipliers[i];
      }
  return NULL;
}

/* A currency-less "10 milliards" is money unless another unit follows. */
static gboolean
bare_amount_stands (const char      *text,
                    gsize            len,
                    gsize            pos,
                    TrancheLanguage  language)
{
  gsize p = skip_spaces (text, len, pos);
  gsize after;

  if (p >= len || !tranche_scan_is_word_at (text, len, p))
    return TRUE;
  if (tranche_scan_phrase (text, len, p, "de ", &after)
      || tranche_scan_phrase (text, len, p, "d'", &after)
      || tranche_scan_phrase (text, len, p, "of ", &after))
    return FALSE;  /* a currency would have been read already */
  if (language == TRANCHE_LANGUAGE_FR)
    return TRUE;
  return tranche_scan_phrases (text, len, p, after_bare_en, &after) >= 0;
}

/* Extends the match back over "about", "up to", "plus de"… */
static void
read_qualifiers (const char        *text,
                 TrancheMoneyMatch *match,
                 gsize              floor)
{
  gboolean again = TRUE;

  while (again)
    {
      gsize s;

      again = FALSE;
      for (guint i = 0; approx_before[i] != NULL && !again; i++)
        if (tranche_scan_phrase_before (text, match->span.start, approx_before[i], &s)
            && s >= floor)
          {
            match->money.flags |= TRANCHE_MONEY_APPROX;
            match->span.start = s;
            again = TRUE;
          }
      for (guint i = 0; at_most_before[i] != NULL && !again; i++)
        if (match->bound == TRANCHE_BOUND_NONE
            && tranche_scan_phrase_before (text, match->span.start, at_most_before[i], &s)
            && s >= floor)
          {
            match->bound = TRANCHE_BOUND_AT_MOST;
            match->span.start = s;
            again = TRUE;
          }
      for (guint i = 0; at_least_before[i] != NULL && !again; i++)
        if (match->bound == TRANCHE_BOUND_NONE
            && tranche_scan_phrase_before (text, match->span.start, at_least_before[i], &s)
            && s >= floor)
          {
            match->bound = TRANCHE_BOUND_AT_LEAST;
            match->span.start = s;
            again = TRUE;
          }
    }
}

/* The number, multiplier and currency of one figure at pos. */
static gboolean
read_figure (const char        *text,
             gsize              len,
             gsize              pos,
             TrancheLanguage    language,
             TrancheMoneyMatch *match)
{
  TrancheCurrency currency = 0;
  const Multiplier *mult = NULL;
  gsize p = pos, end;
  double value;
  gboolean word_number = FALSE;

  for (guint i = 0; prefix_currencies[i].pattern != NULL; i++)
    {
      /* "$5", "USD 2bn", but not "EUR" ending a sentence */
      if (tranche_scan_phrase (text, len, pos, prefix_currencies[i].pattern, &end)
          && is_digit_at (text, len, skip_spaces (text, len, end)))
        {
          currency = tranche_currency_from_code (prefix_currencies[i].code);
          p = skip_spaces (text, len, end);
          break;
        }
    }
  if (currency == 0 && !tranche_scan_word_starts (text, pos))
    return FALSE;
  if (!read_number (text, len, p, language, &value, &end))
    {
      if (currency != 0 || !read_number_word (text, len, p, &value, &end))
        return FALSE;
      word_number = TRUE;
    }
  match->number.start = p;
  p = end;
  mult = read_multiplier (text, len, p, &end);
  if (mult != NULL)
    {
      value *= mult->factor;
      p = end;
    }
  else if (word_number)
    return FALSE;
  if (currency == 0)
    {
      if (read_suffix_currency (text, len, p, &currency, &end))
        p = end;
      else if (mult == NULL || mult->needs_currency
               || !bare_amount_stands (text, len, p, language))
        return FALSE;
    }
  match->number.end = p;
  match->span = match->number;
  match->span.start = pos;
  match->money.value = value;
  match->money.currency = currency;
  match->money.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  return isfinite (value);
}

/* "between 1 and 2 billion", "entre 1 et 2 milliards", "$1-2 billion": the
 * first number borrows the second's multiplier and currency. */
static gboolean
read_range (const char        *text,
            gsize              len,
            gsize              pos,
            TrancheLanguage    language,
            TrancheMoneyMatch *match)
{
  static const char * const openers[] = { "between ", "entre ", NULL };
  static const char * const links[] = { " and ", " et ", NULL };
  TrancheMoneyMatch second = { 0 };
  const Multiplier *own;
  TrancheCurrency currency = 0;
  gsize p, end, currency_end;
  double low;

  if (tranche_scan_phrases (text, len, pos, openers, &p) < 0)
    return FALSE;
  for (guint i = 0; prefix_currencies[i].pattern != NULL; i++)
    if (tranche_scan_phrase (text, len, p, prefix_currencies[i].pattern, &currency_end)
        && is_digit_at (text, len, skip_spaces (text, len, currency_end)))
      {
        currency = tranche_currency_from_code (prefix_currencies[i].code);
        p = skip_spaces (text, len, currency_end);
        break;
      }
  if (!read_number (text, len, p, language, &low, &end))
    return FALSE;
  /* "between 500 million and 1 billion" keeps its own multiplier */
  own = read_multiplier (text, len, end, &p);
  if (own != NULL && !own->needs_currency)
    low *= own->factor;
  else
    p = end, own = NULL;
  if (tranche_scan_phrases (text, len, p, links, &end) < 0
      || !read_figure (text, len, end, language, &second))
    return FALSE;
  if (own == NULL)
    {
      double high;
      gsize e;

      if (read_number (text, len, second.number.start, language, &high, &e) && high > 0)
        low *= second.money.value / high;
    }
  *match = second;
  match->span.start = pos;
  match->number.start = pos;
  match->money.min = low;
  match->money.max = second.money.value;
  if (currency != 0)
    match->money.currency = currency;
  match->money.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_RANGE;
  match->bound = TRANCHE_BOUND_RANGE;
  return low <= match->money.max;
}

static gboolean
read_vague (const char        *text,
            gsize              len,
            gsize              pos,
            TrancheMoneyMatch *match)
{
  for (guint i = 0; vague_amounts[i].pattern != NULL; i++)
    {
      TrancheCurrency currency = 0;
      gsize end, currency_end;

      if (!tranche_scan_phrase (text, len, pos, vague_amounts[i].pattern, &end))
        continue;
      if (vague_amounts[i].currency_needed)
        {
          /* "billions of" already ate "of" */
          gsize p = skip_spaces (text, len, end);
          gboolean found = FALSE;

          for (guint c = 0; suffix_currencies[c].pattern != NULL && !found; c++)
            if (tranche_scan_phrase (text, len, p, suffix_currencies[c].pattern, &currency_end))
              {
                currency = tranche_currency_from_code (suffix_currencies[c].code);
                found = TRUE;
              }
          if (!found && !read_suffix_currency (text, len, end, &currency, &currency_end))
            continue;
          end = currency_end;
        }
      else if (read_suffix_currency (text, len, end, &currency, &currency_end))
        end = currency_end;
      match->span.start = match->number.start = pos;
      match->span.end = match->number.end = end;
      match->money.currency = currency;
      match->money.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_UNDISCLOSED;
      return TRUE;
    }
  return FALSE;
}

void
tranche_extract_money (const char      *text,
                       gsize            len,
                       gsize            start,
                       gsize            end,
                       TrancheLanguage  language,
                       GArray          *out)
{
  gsize floor = start;

  g_return_if_fail (text != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (start <= end && end <= len);

  for (gsize pos = start; pos < end;)
    {
      TrancheMoneyMatch match = { 0 };
      guchar c = text[pos];
      gboolean found = FALSE;

      /* cheap first-byte filter: digits, currency signs, and letters that
       * start a currency code, a range, a number word or a vague amount */
      if (g_ascii_isdigit (c) || c == '$' || c == 0xE2 || c == 0xC2 || g_ascii_isalpha (c))
        {
          if (g_ascii_isalpha (c) && !tranche_scan_word_starts (text, pos))
            found = FALSE;
          else if (read_range (text, len, pos, language, &match)
                   || read_figure (text, len, pos, language, &match)
                   || read_vague (text, len, pos, &match))
            found = TRUE;
        }
      if (found && match.span.end <= end)
        {
          if (match.bound == TRANCHE_BOUND_NONE)
            read_qualifiers (text, &match, floor);
          if (match.bound == TRANCHE_BOUND_AT_MOST || match.bound == TRANCHE_BOUND_AT_LEAST)
            {
              match.money.min = match.bound == TRANCHE_BOUND_AT_MOST ? 0 : match.money.value;
              match.money.max = match.money.value;
              match.money.flags &= ~TRANCHE_MONEY_HAS_VALUE;
            }
          g_array_append_val (out, match);
          pos = floor = match.span.end;
          continue;
        }
      pos++;
      while (pos < end && (((guchar) text[pos]) & 0xC0) == 0x80)
        pos++;
    }
}
