/* tranche-allocator.h: how the process allocates, chosen before it runs
 *
 * Loading a big file allocates and frees millions of small json-glib nodes
 * on two threads. GLib reads G_SLICE only when a process starts, and
 * G_SLICE=always-malloc makes that much faster: up to GLib 2.74 (Debian
 * 12's) g_slice_new(), which json-glib uses for every node, is a magazine
 * allocator whose shared depot two threads fight over: 100k events took
 * 1.34-1.44 s on two threads against 1.03 s on one, and 0.82-0.87 s with
 * malloc'd slices. GLib 2.76 made slices plain malloc for that reason.
 *
 * glibc's huge-page tunable (glibc.malloc.hugetlb=1) was set too, once: it
 * cut the page faults, but each huge page cost a compaction and a 2 MiB
 * clear, and a million events spent 2.9-4.9 s in the kernel against
 * 0.9-1.0 s without it, for the same user time. It is no longer set.
 *
 * So tranche and the benchmarks start themselves again with G_SLICE set:
 * the restart itself (an exec) belongs to each program's main(), not to core.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when slices come from malloc, so that several threads allocating
 * json-glib nodes at once run at full speed. */
gboolean tranche_allocator_slices_are_malloc (void);

/* The process restarts itself; core only says how. Call first thing in
 * main(): when G_SLICE is unset (and slices are not malloc anyway), sets it
 * and returns TRUE: the caller then executes
 * the program again (same process id, arguments and the rest of the
 * environment). When that fails, it calls
 * tranche_allocator_restart_failed() and loading simply stays on one
 * thread. Returns FALSE when there is no need. */
gboolean tranche_allocator_prepare_restart   (void);
void     tranche_allocator_restart_failed    (void);

/* Whether restarting pays off for a run that reads files of `largest_input`
 * bytes at most: the restart costs a few tens of milliseconds (the program
 * and its libraries loaded twice), which only a file loaded on several
 * threads wins back. */
gboolean tranche_allocator_restart_pays_off  (goffset largest_input);

G_END_DECLS
