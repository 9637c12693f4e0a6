/* tranche-extract-sentences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-sentences.h"

/* Words after which a full stop does not end a sentence (compared without
 * the stop, case-insensitively). */
static const char * const abbreviations[] = {
  "inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
  "vs", "etc", "approx", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "mme", "mlle", "env", "cf", "av", "bd", "dept",
  NULL
};

static gboolean
is_abbreviation (const char *text,
                 gsize       dot)
{
  gsize start = dot;

  while (start > 0 && g_ascii_isalpha (text[start - 1]))
    start--;
  /* "année.": the word goes on before its ASCII letters */
  if (start == dot || (start > 0 && (guchar) text[start - 1] >= 0x80))
    return FALSE;
  /* one letter: an initial ("J. Doe", "U.S.", "M. Macron") */
  if (dot - start == 1)
    return TRUE;
  for (guint i = 0; abbreviations[i] != NULL; i++)
    if (strlen (abbreviations[i]) == dot - start
        && g_ascii_strncasecmp (text + start, abbreviations[i], dot - start) == 0)
      return TRUE;
  return FALSE;
}

/* Length of a sentence end at pos (. ! ? … and closing quotes after them),
 * or 0. */
static gsize
terminator_len (const char *text,
                gsize       len,
                gsize       pos)
{
  const guchar *t = (const guchar *) text;
  gsize i = pos;

  if (t[i] == '.' || t[i] == '!' || t[i] == '?')
    i++;
  else if (i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0xA6)
    i += 3;
  else
    return 0;
  /* "!!", "?!", "..." */
  while (i < len && (t[i] == '.' || t[i] == '!' || t[i] == '?'))
    i++;
  /* closing quotes and brackets stay with their sentence */
  for (;;)
    {
      gsize n = tranche_scan_space_len (text, len, i);

      if (i < len && (t[i] == '"' || t[i] == ')' || t[i] == '\''))
        i++;
      else if (i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x80
               && (t[i + 2] == 0x9D || t[i + 2] == 0x99))
        i += 3;
      else if (i + 1 < len && t[i] == 0xC2 && t[i + 1] == 0xBB)  /* » */
        i += 2;
      else if (n > 0 && t[i] != '\n' && i + n + 1 < len && t[i + n] == 0xC2
               && t[i + n + 1] == 0xBB)  /* French "fin »" */
        i += n + 2;
      else
        break;
    }
  return i - pos;
}

/* What follows a terminator must look like a new sentence. */
static gboolean
starts_sentence (const char *text,
                 gsize       len,
                 gsize       pos)
{
  const guchar *t = (const guchar *) text;
  gsize n = tranche_scan_space_len (text, len, pos);

  if (pos >= len)
    return TRUE;
  if (n == 0)
    return FALSE;
  while (n > 0)
    {
      pos += n;
      n = tranche_scan_space_len (text, len, pos);
    }
  if (pos >= len)
    return TRUE;
  return tranche_scan_is_upper_at (text, len, pos) || g_ascii_isdigit (t[pos])
         || t[pos] == '"' || t[pos] == '(' || t[pos] == '$'
         || (t[pos] == 0xC2 && pos + 1 < len && t[pos + 1] == 0xAB)        /* « */
         || (t[pos] == 0xE2 && pos + 2 < len && t[pos + 1] == 0x80
             && (t[pos + 2] == 0x9C || t[pos + 2] == 0x98))                /* “ ‘ */
         || (t[pos] == 0xE2 && pos + 2 < len && t[pos + 1] == 0x82
             && t[pos + 2] == 0xAC);                                        /* € */
}

static void
add_sentence (GArray     *out,
              const char *text,
              gsize       start,
              gsize       end,
              guint       paragraph)
{
  TrancheSentence s;

  while (start < end)
    {
      gsize n = tranche_scan_space_len (text, end, start);

      if (n == 0)
        break;
      start += n;
    }
  end = MAX (start, tranche_scan_space_back (text, end));
  if (end <= start)
    return;
  s.span.start = start;
  s.span.end = end;
  s.paragraph = paragraph;
  g_array_append_val (out, s);
}

GArray *
tranche_extract_sentences (const char *text,
                           gsize       len)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TrancheSentence));
  gsize start = 0;
  guint paragraph = 0;

  g_return_val_if_fail (text != NULL || len == 0, out);

  for (gsize i = 0; i < len; i++)
    {
      gsize n;

      if (text[i] == '\n')
        {
          /* a blank line (only spaces between two newlines) ends a paragraph */
          gsize j = i + 1;

          while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
            j++;
          if (j < len && text[j] == '\n')
            {
              add_sentence (out, text, start, i, paragraph);
              paragraph++;
              start = j;
              i = j;
            }
          continue;
        }
      n = terminator_len (text, len, i);
      if (n == 0)
        continue;
      if (text[i] == '.')
        {
          /* 1.25, 3.5bn, example.com */
          if (i + 1 < len && g_ascii_isalnum (text[i + 1]))
            continue;
          if (n == 1 && is_abbreviation (text, i))
            continue;
        }
      if (!starts_sentence (text, len, i + n))
        continue;
      add_sentence (out, text, start, i + n, paragraph);
      start = i + n;
      i += n - 1;
    }
  add_sentence (out, text, start, len, paragraph);
  return out;
}
