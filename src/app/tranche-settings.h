/* tranche-settings.h: the app's settings, found wherever Tranche runs from */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *tranche_settings_new (void);

G_END_DECLS
