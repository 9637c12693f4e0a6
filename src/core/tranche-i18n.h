/* tranche-i18n.h: one place that sets up the locale and the translations */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the message catalog.
 * TRANCHE_LOCALEDIR overrides the installed catalog folder, so tests and an
 * uninstalled build can use the build tree's translations. */
void tranche_i18n_init (void);

G_END_DECLS
