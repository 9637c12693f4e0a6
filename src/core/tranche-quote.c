/* tranche-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-quote.h"

typedef struct
{
  gunichar ch;
  gsize    start;  /* byte offset of the character in the original text */
  gsize    end;
} FoldedChar;

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static gunichar
fold_char (gunichar c)
{
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
    return '\'';
  return c;
}

/* Text reduced to its non-space characters (with a single space standing for
 * each run of white space), remembering where each came from. */
static GArray *
fold_text (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (FoldedChar));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      FoldedChar f;

      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        {
          FoldedChar sp = { ' ', p - text, p - text };
          g_array_append_val (out, sp);
          pending_space = FALSE;
        }
      f.ch = fold_char (c);
      f.start = p - text;
      f.end = g_utf8_next_char (p) - text;
      g_array_append_val (out, f);
    }
  return out;
}

gboolean
tranche_quote_find (const char *text,
                    const char *quote,
                    gsize      *start,
                    gsize      *end)
{
  g_autoptr(GArray) hay = NULL;
  g_autoptr(GArray) needle = NULL;
  const FoldedChar *h, *n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL) || !g_utf8_validate (quote, -1, NULL))
    return FALSE;

  hay = fold_text (text);
  needle = fold_text (quote);
  if (needle->len == 0 || needle->len > hay->len)
    return FALSE;

  h = (const FoldedChar *) (gpointer) hay->data;
  n = (const FoldedChar *) (gpointer) needle->data;
  /* Articles are a few thousand characters: a plain scan is fast enough and
   * keeps the offsets mapping simple. */
  for (guint i = 0; i + needle->len <= hay->len; i++)
    {
      guint j = 0;
      while (j < needle->len && h[i + j].ch == n[j].ch)
        j++;
      if (j == needle->len)
        {
          if (start)
            *start = h[i].start;
          if (end)
            *end = h[i + needle->len - 1].end;
          return TRUE;
        }
    }
  return FALSE;
}
