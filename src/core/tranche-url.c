/* tranche-url.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-url.h"

gboolean
tranche_url_is_web (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return FALSE;
  /* g_uri_peek_scheme lower-cases, so "HTTPS:" is recognised as https. */
  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  return host != NULL && *host != '\0';
}
