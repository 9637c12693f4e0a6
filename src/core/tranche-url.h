/* tranche-url.h: which source URLs the program may open
 *
 * A dataset is a file anyone can send an analyst; a `url` in it could be
 * javascript:, file: or data: and do harm if handed to a browser or the
 * desktop's URI handler. Only web addresses are opened; everything else is
 * shown as text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for a well-formed http: or https: URL (scheme in any case) that names
 * a host; FALSE for NULL, other schemes, relative references and junk. */
gboolean tranche_url_is_web (const char *url);

G_END_DECLS
