/* tranche-bootstrap.h: how the two programs start
 *
 * `tranche` (src/main.c) runs the command line with core alone, so --check
 * and --export never load GTK; for the window it starts `tranche-window`
 * (src/main-window.c), installed in libexecdir. Both share what happens
 * before anything else: the allocator restart and the build-tree detection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the allocator up for big files (tranche-allocator.h) and executes
 * `program` (NULL: this very binary) with `argv`; returns only when there
 * was no need (already set) or the exec failed, and then carries on. */
void     tranche_bootstrap_restart_tuned   (const char         *program,
                                            char              **argv);
/* The size of the largest of `files` (NULL-terminated) in bytes. */
goffset  tranche_bootstrap_largest_file    (const char * const *files);
/* Points the schema and translations at the build tree's when run from it. */
void     tranche_bootstrap_use_build_tree  (void);
/* Where the window's program is: beside this one in the build tree, in
 * libexecdir when installed. */
char    *tranche_bootstrap_window_program  (void);

G_END_DECLS
