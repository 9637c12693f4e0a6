/* tranche-cli.h: the command-line modes, which need no display */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status: 0 every file loads without errors, 1 some have errors, 2 some
 * can't be read. */
int tranche_cli_check (const char * const *filenames);

G_END_DECLS
