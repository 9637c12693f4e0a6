/* tranche-url.h: which source URLs the program may open, and how to show them
 *
 * A dataset is a file anyone can send an analyst; a `url` in it could be
 * javascript:, file: or data: and do harm if handed to a browser or the
 * desktop's URI handler. Only web addresses are opened; everything else is
 * shown as text. A web address can still mislead: "https://www.bank.example@
 * evil.example/login" goes to evil.example, and an address elided in the
 * middle loses its host. So the host is always shown whole, and addresses
 * that hide their host, carry control characters or were cut are never
 * offered to open.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer addresses are not opened: no real article URL comes near it, and a
 * longer one is more likely cut or crafted than meant. */
#define TRANCHE_URL_MAX_LENGTH 8192

typedef enum
{
  TRANCHE_URL_WEB,          /* an http(s) address with a host: may be opened */
  TRANCHE_URL_NOT_WEB,      /* another scheme, a relative reference or junk */
  TRANCHE_URL_USERINFO,     /* "user@" before the host: the real host is hidden */
  TRANCHE_URL_CONTROL,      /* white space or control characters inside */
  TRANCHE_URL_TOO_LONG,     /* over TRANCHE_URL_MAX_LENGTH bytes */
} TrancheUrlVerdict;

/* What may be done with @url: only TRANCHE_URL_WEB is ever opened. */
TrancheUrlVerdict tranche_url_check (const char *url);

/* TRUE when tranche_url_check() says TRANCHE_URL_WEB. */
gboolean tranche_url_is_web (const char *url);

/* Splits @url for display: *@head is what must never be elided ("https://"
 * plus the host and port, or the whole address when it has no host), *@tail
 * the rest (path, query, fragment), which may be. When the address hides its
 * host behind userinfo, *@real_host is that host (else NULL), to be named in
 * a warning. Control characters in either part are shown as U+FFFD, so the
 * address stays on one line. */
void tranche_url_split_for_display (const char  *url,
                                    char       **head,
                                    char       **tail,
                                    char       **real_host);

G_END_DECLS
