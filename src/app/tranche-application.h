/* tranche-application.h */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRANCHE_TYPE_APPLICATION (tranche_application_get_type ())

G_DECLARE_FINAL_TYPE (TrancheApplication, tranche_application, TRANCHE, APPLICATION,
                      AdwApplication)

TrancheApplication *tranche_application_new            (void);
/* Runs the main loop; opens each file in a window, or the sample when none. */
int                 tranche_application_run_with_files (TrancheApplication *self,
                                                        const char * const *files);

G_END_DECLS
