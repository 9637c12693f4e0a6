/* tranche-problems-dialog.h: the list of what is wrong in a file */
#pragma once

#include <adwaita.h>

#include "tranche-diagnostics.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_PROBLEMS_DIALOG (tranche_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrancheProblemsDialog, tranche_problems_dialog, TRANCHE, PROBLEMS_DIALOG,
                      AdwWindow)

TrancheProblemsDialog *tranche_problems_dialog_new (GtkWindow          *parent,
                                                    const char         *file_name,
                                                    TrancheDiagnostics *diagnostics);

G_END_DECLS
