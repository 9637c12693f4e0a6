/* tranche-allocator.h: how the process allocates, chosen before it runs
 *
 * Loading a big file allocates and frees millions of small json-glib nodes
 * on two threads, and faults in hundreds of megabytes. Two settings that
 * GLib and glibc read only when a process starts make that much faster:
 *
 * - G_SLICE=always-malloc. Up to GLib 2.74 (Debian 12's) g_slice_new(),
 *   which json-glib uses for every node, is a magazine allocator whose
 *   shared depot two threads fight over: 100k events took 1.34-1.44 s on two
 *   threads against 1.03 s on one, and 0.82-0.87 s with malloc'd slices.
 *   GLib 2.76 made slices plain malloc for that reason.
 * - GLIBC_TUNABLES=glibc.malloc.hugetlb=1: malloc asks for transparent huge
 *   pages, so a million events fault in 20k pages instead of 133k (each
 *   fault is dear in a virtual machine).
 *
 * So tranche and the benchmarks start themselves again with them set: the
 * restart itself (an exec) belongs to each program's main(), not to core.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when slices come from malloc, so that several threads allocating
 * json-glib nodes at once run at full speed. */
gboolean tranche_allocator_slices_are_malloc (void);

/* The process restarts itself; core only says how. Call first thing in
 * main(): when G_SLICE is unset (and slices are not malloc anyway), sets it,
 * and GLIBC_TUNABLES when unset, and returns TRUE: the caller then executes
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
