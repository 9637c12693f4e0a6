/* main-window.c: `tranche-window`, the window, started by `tranche`
 *
 * `tranche` parses the options and runs the command line with core alone;
 * with no command-line mode it executes this program (in libexecdir) with
 * the files to open, the allocator already set up (tranche-bootstrap.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-application.h"
#include "tranche-bootstrap.h"
#include "tranche-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrancheApplication) app = NULL;
  g_autofree char *name = NULL;

  /* started by hand rather than by tranche: the same set-up */
  tranche_bootstrap_restart_tuned (NULL, argv);
  tranche_bootstrap_use_build_tree ();
  tranche_i18n_init ();
  /* `tranche` passes its own argv[0]: the window is Tranche's */
  name = g_path_get_basename (argc > 0 ? argv[0] : "tranche");
  g_set_prgname (name);

  app = tranche_application_new ();
  return tranche_application_run_with_files (app, argc > 1 ? (const char * const *) argv + 1
                                                            : NULL);
}
