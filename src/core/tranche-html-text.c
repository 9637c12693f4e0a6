/* tranche-html-text.c: an HTML page reduced to text
 *
 * One pass over the bytes: text is copied (white space folded), a tag is
 * read for its name only (attributes never reach the text), and the bodies
 * of elements that are no text (script, style…) are skipped to their
 * closing tag. Paragraph breaks are asked for by block tags and written
 * only before the next text, so empty blocks leave no blank lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-html-text.h"

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
  "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
  "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
  "title",
};

/* Their content is no text of the article. */
static const char * const skipped_tags[] = {
  "script", "style", "noscript", "template", "head", "svg",
};

static const struct { const char *name; gunichar c; } entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "eacute", 0x00E9 }, { "egrave", 0x00E8 }, { "ecirc", 0x00EA },
  { "euml", 0x00EB }, { "agrave", 0x00E0 }, { "acirc", 0x00E2 }, { "ccedil", 0x00E7 },
  { "icirc", 0x00EE }, { "iuml", 0x00EF }, { "ocirc", 0x00F4 }, { "ugrave", 0x00F9 },
  { "ucirc", 0x00FB }, { "uuml", 0x00FC }, { "Eacute", 0x00C9 }, { "Egrave", 0x00C8 },
  { "Agrave", 0x00C0 }, { "Ccedil", 0x00C7 }, { "oelig", 0x0153 }, { "laquo", 0x00AB },
  { "raquo", 0x00BB }, { "rsquo", 0x2019 }, { "lsquo", 0x2018 }, { "rdquo", 0x201D },
  { "ldquo", 0x201C }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
  { "euro", 0x20AC }, { "pound", 0x00A3 }, { "yen", 0x00A5 }, { "copy", 0x00A9 },
  { "thinsp", 0x2009 }, { "nnbsp", 0x202F }, { "deg", 0x00B0 },
};

typedef struct
{
  GString  *out;
  gboolean  space;      /* a space is owed before the next text */
  gboolean  paragraph;  /* a paragraph break is owed before the next text */
} Out;

static void
put_char (Out      *o,
          gunichar  c)
{
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
    {
      o->space = TRUE;
      return;
    }
  if (o->out->len > 0)
    {
      if (o->paragraph)
        g_string_append (o->out, "\n\n");
      else if (o->space)
        g_string_append_c (o->out, ' ');
    }
  o->paragraph = FALSE;
  o->space = FALSE;
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000))
    c = 0xFFFD;
  g_string_append_unichar (o->out, c);
}

static gboolean
in_list (const char         *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A character reference at html[i] ('&'); returns the bytes it takes, 0
 * when it is none (the '&' is then text). */
static gsize
read_entity (const char *html,
             gsize       len,
             gsize       i,
             gunichar   *c)
{
  gsize j = i + 1;
  char name[16];
  gsize n = 0;

  if (j < len && html[j] == '#')
    {
      gboolean hex = j + 1 < len && (html[j + 1] == 'x' || html[j + 1] == 'X');
      guint64 value = 0;
      gsize digits = 0;

      for (j += hex ? 2 : 1; j < len && digits < 8; j++, digits++)
        {
          int d = hex ? g_ascii_xdigit_value (html[j]) : g_ascii_digit_value (html[j]);

          if (d < 0)
            break;
          value = value * (hex ? 16 : 10) + (guint64) d;
        }
      if (digits == 0)
        return 0;
      *c = value > 0x10FFFF ? 0xFFFD : (gunichar) value;
      return j - i + (j < len && html[j] == ';');
    }
  while (j < len && n < sizeof name - 1 && g_ascii_isalnum (html[j]))
    name[n++] = html[j++];
  name[n] = '\0';
  if (n == 0 || j >= len || html[j] != ';')
    return 0;
  for (gsize k = 0; k < G_N_ELEMENTS (entities); k++)
    if (strcmp (name, entities[k].name) == 0)
      {
        *c = entities[k].c;
        return j + 1 - i;
      }
  return 0;
}

/* Skips to just after "</name" … ">" (case-insensitive), or the end. */
static gsize
skip_element (const char *html,
              gsize       len,
              gsize       i,
              const char *name)
{
  gsize n = strlen (name);

  for (; i + 2 + n <= len; i++)
    if (html[i] == '<' && html[i + 1] == '/'
        && g_ascii_strncasecmp (html + i + 2, name, n) == 0
        && (i + 2 + n == len || !g_ascii_isalnum (html[i + 2 + n])))
      {
        const char *end = memchr (html + i, '>', len - i);

        return end != NULL ? (gsize) (end - html) + 1 : len;
      }
  return len;
}

/* A tag at html[i] ('<'): reads its name, asks for a paragraph break after
 * a block, and returns where the text goes on. */
static gsize
read_tag (Out        *o,
          const char *html,
          gsize       len,
          gsize       i)
{
  char name[16];
  gsize n = 0, j = i + 1;
  gboolean closing = FALSE;
  const char *end;

  if (len - i >= 4 && memcmp (html + i, "<!--", 4) == 0)
    {
      const char *close = g_strstr_len (html + i + 4, len - i - 4, "-->");

      return close != NULL ? (gsize) (close - html) + 3 : len;
    }
  if (j < len && html[j] == '/')
    closing = TRUE, j++;
  if (j >= len || !(g_ascii_isalpha (html[j]) || html[j] == '!' || html[j] == '?'))
    {
      put_char (o, '<');  /* "a < b" is text */
      return i + 1;
    }
  while (j < len && n < sizeof name - 1 && (g_ascii_isalnum (html[j])))
    name[n++] = html[j++];
  name[n] = '\0';
  end = memchr (html + j, '>', len - j);
  j = end != NULL ? (gsize) (end - html) + 1 : len;
  if (in_list (name, block_tags, G_N_ELEMENTS (block_tags)))
    o->paragraph = TRUE;
  else if (!closing && in_list (name, skipped_tags, G_N_ELEMENTS (skipped_tags)))
    return skip_element (html, len, j, name);
  return j;
}

char *
tranche_html_to_text (const char *html,
                      gssize      len)
{
  Out o = { g_string_new (NULL), FALSE, FALSE };
  gsize n, i = 0;

  g_return_val_if_fail (html != NULL || len == 0, NULL);

  n = len < 0 ? strlen (html) : (gsize) len;
  while (i < n)
    {
      gunichar c;
      gsize used;

      if (html[i] == '<')
        {
          i = read_tag (&o, html, n, i);
          continue;
        }
      if (html[i] == '&' && (used = read_entity (html, n, i, &c)) > 0)
        {
          /* &nbsp; stays a no-break space (put_char folds only ASCII
           * white space): "1&nbsp;milliard" is read as in a .txt */
          put_char (&o, c);
          i += used;
          continue;
        }
      c = g_utf8_get_char_validated (html + i, n - i);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          put_char (&o, 0xFFFD);
          i++;
          continue;
        }
      put_char (&o, c);
      i = (gsize) (g_utf8_next_char (html + i) - html);
    }
  if (o.out->len > 0)
    g_string_append_c (o.out, '\n');
  return g_string_free (o.out, FALSE);
}

gboolean
tranche_html_looks_like (const char *text,
                         gssize      len)
{
  static const char * const marks[] = {
    "<!doctype", "<html", "<body", "<p>", "<p ", "<div", "<article", "<br",
  };
  gsize n;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  n = len < 0 ? strlen (text) : (gsize) len;
  n = MIN (n, 4096);
  for (gsize i = 0; i < n; i++)
    if (text[i] == '<')
      for (gsize k = 0; k < G_N_ELEMENTS (marks); k++)
        if (g_ascii_strncasecmp (text + i, marks[k], MIN (strlen (marks[k]), n - i)) == 0
            && n - i >= strlen (marks[k]))
          return TRUE;
  return FALSE;
}
