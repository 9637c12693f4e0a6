/* tranche-slices.h: GLib's slice allocator, and whether threads can share it
 *
 * json-glib allocates every node with g_slice_new(). Up to GLib 2.74 (the
 * one Debian 12 ships) that is a magazine allocator whose shared depot two
 * threads fight over: parsing a 100k-event file on two threads took 1.4 s
 * where one thread took 1.04 s, and 0.83 s with G_SLICE=always-malloc.
 * GLib 2.76 made slices plain malloc for the same reason. GLib reads
 * G_SLICE once, before main() runs, so it can only be chosen for a process
 * by starting it again.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when slices come from malloc, so that several threads allocating
 * json-glib nodes at once run at full speed. */
gboolean tranche_slices_are_malloc (void);

/* Call first thing in main(). On GLib < 2.76 with G_SLICE unset, sets
 * G_SLICE=always-malloc and executes the program again (same process id,
 * arguments and environment); returns only when there is no need, or when
 * that failed, and then loading simply stays on one thread. */
void     tranche_slices_use_malloc  (char **argv);

G_END_DECLS
