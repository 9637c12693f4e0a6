/* tranche-url.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-url.h"

#include <string.h>

/* Any byte below 0x20, DEL, or white space: GUri accepts some of these in a
 * host or path, and a label would break the line on them. */
static gboolean
has_control_or_space (const char *url)
{
  for (const guchar *p = (const guchar *) url; *p != '\0'; p++)
    if (*p <= 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

TrancheUrlVerdict
tranche_url_check (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return TRANCHE_URL_NOT_WEB;
  if (strlen (url) > TRANCHE_URL_MAX_LENGTH)
    return TRANCHE_URL_TOO_LONG;
  /* g_uri_peek_scheme lower-cases, so "HTTPS:" is recognised as https. */
  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return TRANCHE_URL_NOT_WEB;
  if (has_control_or_space (url) || !g_utf8_validate (url, -1, NULL))
    return TRANCHE_URL_CONTROL;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return TRANCHE_URL_NOT_WEB;
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return TRANCHE_URL_NOT_WEB;
  if (g_uri_get_userinfo (uri) != NULL)
    return TRANCHE_URL_USERINFO;
  return TRANCHE_URL_WEB;
}

gboolean
tranche_url_is_web (const char *url)
{
  return tranche_url_check (url) == TRANCHE_URL_WEB;
}

/* A copy of @len bytes of @text with control characters as U+FFFD and
 * invalid UTF-8 made valid, for a one-line label. */
static char *
printable_copy (const char *text,
                gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
tranche_url_split_for_display (const char  *url,
                               char       **head,
                               char       **tail,
                               char       **real_host)
{
  const char *authority;
  const char *authority_end;
  const char *at = NULL;
  const char *host;

  g_return_if_fail (url != NULL && head != NULL && tail != NULL && real_host != NULL);

  *real_host = NULL;
  authority = strstr (url, "://");
  if (authority == NULL)
    {
      *head = printable_copy (url, strlen (url));
      *tail = g_strdup ("");
      return;
    }
  authority += 3;
  authority_end = authority + strcspn (authority, "/?#");
  /* The host follows the last '@' of the authority, as a browser reads it. */
  for (const char *p = authority; p < authority_end; p++)
    if (*p == '@')
      at = p;
  host = at != NULL ? at + 1 : authority;
  if (at != NULL)
    *real_host = printable_copy (host, authority_end - host);
  *head = printable_copy (url, authority_end - url);
  *tail = printable_copy (authority_end, strlen (authority_end));
}
