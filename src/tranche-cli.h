/* tranche-cli.h: the command-line modes, which need no display */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status: 0 every file loads without errors, 1 some have errors, 2 some
 * can't be read. */
int tranche_cli_check (const char * const *filenames);

/* Renders the timeline of `filename` (NULL: the bundled sample) into
 * `output`, a .png, .svg or .pdf. Optional arguments are NULL (or NAN for
 * `scale`). Exit status: 0 written, 1 the data or the file failed, 2 bad
 * options. */
int tranche_cli_export (const char *output,
                        const char *filename,
                        const char *size,
                        double      scale,
                        const char *theme,
                        const char *from,
                        const char *to);

G_END_DECLS
