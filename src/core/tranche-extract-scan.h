/* tranche-extract-scan.h: the byte-level matching the article extractor shares
 *
 * The extractor reads UTF-8 articles as bytes and never copies them: every
 * match is a byte range of the article. Patterns are written in plain ASCII
 * (plus the accented letters French needs) and matched case-insensitively for
 * ASCII letters; a space in a pattern matches any run of white space, including
 * the non-breaking spaces French puts in numbers and before signs (U+00A0,
 * U+202F, U+2009), and an apostrophe matches both ' and ’.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_LANGUAGE_UNKNOWN = 0,
  TRANCHE_LANGUAGE_EN,
  TRANCHE_LANGUAGE_FR,
} TrancheLanguage;

/* A byte range [start, end) of an article. */
typedef struct
{
  gsize start;
  gsize end;
} TrancheSpan;

/* "en", "fr" or NULL, and back (NULL or unknown tags give UNKNOWN). */
const char      *tranche_language_to_tag    (TrancheLanguage language);
TrancheLanguage  tranche_language_from_tag  (const char     *tag);

/* Length of the white space at text[pos] (ASCII or one of the Unicode spaces
 * above), 0 when there is none. */
gsize    tranche_scan_space_len   (const char *text,
                                   gsize       len,
                                   gsize       pos);
/* Where the white space before `pos` starts (pos when there is none). */
gsize    tranche_scan_space_back  (const char *text,
                                   gsize       pos);
/* Length of an apostrophe (' or ’) at text[pos], else 0. */
gsize    tranche_scan_apostrophe  (const char *text,
                                   gsize       len,
                                   gsize       pos);
/* Letters and digits, ASCII or any non-ASCII byte that is neither a space
 * nor punctuation the extractor knows (’ « » – — … and the spaces above). */
gboolean tranche_scan_is_word_at  (const char *text,
                                   gsize       len,
                                   gsize       pos);
/* TRUE when `pos` starts a word: the byte before it is no word byte. */
gboolean tranche_scan_word_starts (const char *text,
                                   gsize       pos);
/* Matches `pattern` at text[pos] as described above, and requires a word
 * boundary after it when the pattern ends with a letter or digit. On a match
 * returns TRUE and sets *end past it. */
gboolean tranche_scan_phrase      (const char *text,
                                   gsize       len,
                                   gsize       pos,
                                   const char *pattern,
                                   gsize      *end);
/* The first of the NULL-terminated `patterns` that matches at pos; its index,
 * or -1. */
int      tranche_scan_phrases     (const char         *text,
                                   gsize               len,
                                   gsize               pos,
                                   const char * const *patterns,
                                   gsize              *end);
/* Matches `pattern` so that it ends exactly at `end` (white space before `end`
 * skipped first); sets *start. For qualifiers written before a figure. */
gboolean tranche_scan_phrase_before (const char *text,
                                     gsize       end,
                                     const char *pattern,
                                     gsize      *start);
/* The end of the word at pos (pos when none). */
gsize    tranche_scan_word_end    (const char *text,
                                   gsize       len,
                                   gsize       pos);
/* TRUE when the ASCII byte or UTF-8 letter at pos is an upper-case letter. */
gboolean tranche_scan_is_upper_at (const char *text,
                                   gsize       len,
                                   gsize       pos);

G_END_DECLS
