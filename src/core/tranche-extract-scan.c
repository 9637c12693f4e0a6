/* tranche-extract-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-scan.h"

/* g_ascii_tolower() is a function call; this runs for every byte compared */
#define LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))

const char *
tranche_language_to_tag (TrancheLanguage language)
{
  switch (language)
    {
    case TRANCHE_LANGUAGE_EN:
      return "en";
    case TRANCHE_LANGUAGE_FR:
      return "fr";
    case TRANCHE_LANGUAGE_UNKNOWN:
    default:
      return NULL;
    }
}

TrancheLanguage
tranche_language_from_tag (const char *tag)
{
  if (tag == NULL)
    return TRANCHE_LANGUAGE_UNKNOWN;
  /* "fr-CA" and "en-GB" are French and English to the rules */
  if (g_ascii_strncasecmp (tag, "fr", 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
    return TRANCHE_LANGUAGE_FR;
  if (g_ascii_strncasecmp (tag, "en", 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
    return TRANCHE_LANGUAGE_EN;
  return TRANCHE_LANGUAGE_UNKNOWN;
}

gsize
tranche_scan_space_len (const char *text,
                        gsize       len,
                        gsize       pos)
{
  const guchar *t = (const guchar *) text;

  if (pos >= len)
    return 0;
  if (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r')
    return 1;
  /* U+00A0 no-break space */
  if (t[pos] == 0xC2 && pos + 1 < len && t[pos + 1] == 0xA0)
    return 2;
  /* U+2009 thin, U+202F narrow no-break, U+2007 figure space */
  if (t[pos] == 0xE2 && pos + 2 < len && t[pos + 1] == 0x80
      && (t[pos + 2] == 0x89 || t[pos + 2] == 0xAF || t[pos + 2] == 0x87))
    return 3;
  return 0;
}

gsize
tranche_scan_space_back (const char *text,
                         gsize       pos)
{
  const guchar *t = (const guchar *) text;

  for (;;)
    {
      if (pos >= 1 && (t[pos - 1] == ' ' || t[pos - 1] == '\t' || t[pos - 1] == '\n'
                       || t[pos - 1] == '\r'))
        pos -= 1;
      else if (pos >= 2 && t[pos - 2] == 0xC2 && t[pos - 1] == 0xA0)
        pos -= 2;
      else if (pos >= 3 && t[pos - 3] == 0xE2 && t[pos - 2] == 0x80
               && (t[pos - 1] == 0x89 || t[pos - 1] == 0xAF || t[pos - 1] == 0x87))
        pos -= 3;
      else
        return pos;
    }
}

gsize
tranche_scan_apostrophe (const char *text,
                         gsize       len,
                         gsize       pos)
{
  const guchar *t = (const guchar *) text;

  if (pos < len && t[pos] == '\'')
    return 1;
  if (pos + 2 < len && t[pos] == 0xE2 && t[pos + 1] == 0x80 && t[pos + 2] == 0x99)
    return 3;
  return 0;
}

gboolean
tranche_scan_is_word_at (const char *text,
                         gsize       len,
                         gsize       pos)
{
  const guchar *t = (const guchar *) text;
  gunichar c;

  if (pos >= len)
    return FALSE;
  if (t[pos] < 0x80)
    return g_ascii_isalnum (t[pos]);
  /* a continuation byte belongs to the character before it, which the
   * caller has already looked at */
  if ((t[pos] & 0xC0) == 0x80)
    return TRUE;
  c = g_utf8_get_char_validated (text + pos, len - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isalnum (c);
}

gboolean
tranche_scan_word_starts (const char *text,
                          gsize       pos)
{
  const guchar *t = (const guchar *) text;
  gsize prev;

  if (pos == 0)
    return TRUE;
  prev = pos - 1;
  while (prev > 0 && (t[prev] & 0xC0) == 0x80 && pos - prev < 4)
    prev--;
  return !tranche_scan_is_word_at (text, pos, prev);
}

gboolean
tranche_scan_phrase (const char *text,
                     gsize       len,
                     gsize       pos,
                     const char *pattern,
                     gsize      *end)
{
  const guchar *t = (const guchar *) text;
  const guchar *p = (const guchar *) pattern;
  gsize i = pos;
  guchar last = 0;

  /* most calls fail on the first byte */
  if (g_ascii_isalpha (*p) && (pos >= len || LOWER (t[pos]) != *p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      last = *p;
      if (*p == ' ')
        {
          gsize n = tranche_scan_space_len (text, len, i);

          if (n == 0)
            return FALSE;
          while (n > 0)
            {
              i += n;
              n = tranche_scan_space_len (text, len, i);
            }
        }
      else if (*p == '\'')
        {
          gsize n = tranche_scan_apostrophe (text, len, i);

          if (n == 0)
            return FALSE;
          i += n;
        }
      else
        {
          if (i >= len)
            return FALSE;
          if (*p < 0x80 ? LOWER (t[i]) != *p : t[i] != *p)
            return FALSE;
          i++;
        }
    }
  /* a boundary after a letter or digit ("invest" is not "investment"), none
   * after a sign ("€105") */
  if (last >= 0x80)
    {
      const char *lead = (const char *) p - 1;

      while (lead > pattern && (((guchar) *lead) & 0xC0) == 0x80)
        lead--;
      if (!g_unichar_isalnum (g_utf8_get_char (lead)))
        last = 0;
    }
  if ((g_ascii_isalnum (last) || last >= 0x80) && tranche_scan_is_word_at (text, len, i))
    return FALSE;
  *end = i;
  return TRUE;
}

int
tranche_scan_phrases (const char         *text,
                      gsize               len,
                      gsize               pos,
                      const char * const *patterns,
                      gsize              *end)
{
  for (int i = 0; patterns[i] != NULL; i++)
    if (tranche_scan_phrase (text, len, pos, patterns[i], end))
      return i;
  return -1;
}

gboolean
tranche_scan_phrase_before (const char *text,
                            gsize       end,
                            const char *pattern,
                            gsize      *start)
{
  gsize e = tranche_scan_space_back (text, end);
  gsize plen = strlen (pattern);
  /* white space and ’ may take more bytes than the pattern's */
  gsize reach = plen * 2 + 4;
  gsize from = e > reach ? e - reach : 0;

  guchar first = (guchar) pattern[0];

  for (gsize s = from; s < e; s++)
    {
      gsize found;

      if (g_ascii_isalpha (first) ? LOWER ((guchar) text[s]) != first
                                  : (guchar) text[s] != first && first != '\'')
        continue;
      if (tranche_scan_phrase (text, e, s, pattern, &found) && found == e
          && tranche_scan_word_starts (text, s))
        {
          *start = s;
          return TRUE;
        }
    }
  return FALSE;
}

gsize
tranche_scan_word_end (const char *text,
                       gsize       len,
                       gsize       pos)
{
  while (pos < len && tranche_scan_is_word_at (text, len, pos))
    pos++;
  return pos;
}

gboolean
tranche_scan_is_upper_at (const char *text,
                          gsize       len,
                          gsize       pos)
{
  const guchar *t = (const guchar *) text;
  gunichar c;

  if (pos >= len)
    return FALSE;
  if (t[pos] < 0x80)
    return g_ascii_isupper (t[pos]);
  c = g_utf8_get_char_validated (text + pos, len - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isupper (c);
}
