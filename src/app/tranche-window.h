/* tranche-window.h */
#pragma once

#include <adwaita.h>

#include "tranche-application.h"
#include "tranche-dataset.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_WINDOW (tranche_window_get_type ())

G_DECLARE_FINAL_TYPE (TrancheWindow, tranche_window, TRANCHE, WINDOW, AdwApplicationWindow)

TrancheWindow  *tranche_window_new          (TrancheApplication *application);
void            tranche_window_open_file    (TrancheWindow      *self,
                                             GFile              *file);
void            tranche_window_open_sample  (TrancheWindow      *self);
TrancheDataset *tranche_window_get_dataset  (TrancheWindow      *self);

G_END_DECLS
