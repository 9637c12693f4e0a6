/* tranche-preferences-window.h */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRANCHE_TYPE_PREFERENCES_WINDOW (tranche_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TranchePreferencesWindow, tranche_preferences_window, TRANCHE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

TranchePreferencesWindow *tranche_preferences_window_new (GtkWindow *parent);

G_END_DECLS
