/* tranche-window-private.h: what the window's files share
 *
 * The window is split by what it does, as GNOME Text Editor's is:
 * tranche-window.c builds it and keeps its title, problems bar and actions
 * in step with the session; tranche-window-actions.c holds the win.*
 * actions; tranche-window-load.c opens, reloads and watches files;
 * tranche-window-dnd.c takes dropped files. What is open lives in the
 * TrancheSession, not here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-chart-view.h"
#include "tranche-event-table.h"
#include "tranche-filter-bar.h"
#include "tranche-load-operation.h"
#include "tranche-presentation-view.h"
#include "tranche-session.h"
#include "tranche-source-panel.h"
#include "tranche-timeline-view.h"
#include "tranche-window.h"

G_BEGIN_DECLS

typedef struct _TrancheWindowEdit TrancheWindowEdit;

struct _TrancheWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TrancheSession       *session;       /* what is open */
  gboolean              has_dataset;   /* whether the session had one, to tell a first */
  GFile                *file;          /* what is open; NULL for the sample */
  TrancheDiagnostics   *diagnostics;   /* of the last load or reload */
  char                 *problems_name; /* the file they are about */

  GFileMonitor         *monitor;
  guint                 reload_source;
  TrancheLoadOperation *loading;       /* the load the progress follows, if any */
  guint                 progress_source; /* shows the progress once a load takes a while */
  GBinding             *progress_bindings[3];

  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *header_revealer;
  AdwSplitButton       *open_button;
  AdwWindowTitle       *window_title;
  GtkRevealer          *problems_revealer;
  GtkImage             *problems_icon;
  GtkLabel             *problems_label;
  GtkRevealer          *removed_revealer; /* the open file is gone from disk */
  GtkLabel             *removed_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  GtkStack             *main_stack;
  AdwFlap              *flap;
  GtkBox               *content_box;
  AdwViewStack         *view_stack;
  GtkBox               *charts_box;
  GtkBox               *table_box;
  GtkBox               *panel_box;
  GtkDropTarget        *drop_target;

  TrancheFilterBar     *filter_bar;
  TrancheTimelineView  *timeline;
  GtkWidget            *lower_charts;  /* the valuation and cumulative charts */
  TrancheChartView     *valuation;
  TrancheChartView     *cumulative;
  TrancheEventTable    *table;
  TrancheSourcePanel   *source_panel;

  /* Presentation mode, and what it hides, to give back on Esc. */
  TranchePresentationView *presentation;
  gboolean              presenting;
  gboolean              was_fullscreen;
  gboolean              header_was_visible;
  gboolean              problems_were_visible;
  gboolean              removed_were_visible;
  char                 *stack_page;
  GtkWidget            *focus_before;
  AdwToast             *last_toast;    /* weak: dismissed when presenting starts */

  TrancheWindowEdit    *edit;          /* editing: tranche-window-edit*.c */
};

/* tranche-window.c */
void _tranche_window_add_toast         (TrancheWindow      *self,
                                        const char         *text);
void _tranche_window_update_actions    (TrancheWindow      *self);
void _tranche_window_update_problems   (TrancheWindow      *self,
                                        gboolean            failed);

/* tranche-window-actions.c */
void _tranche_window_class_add_actions (GtkWidgetClass     *widget_class);
void _tranche_window_init_actions      (TrancheWindow      *self);
void _tranche_window_presentation_finished (TrancheWindow  *self);

/* tranche-window-load.c */
/* The name a file goes by in the window: its base name, or "Sample dataset". */
char *_tranche_window_display_name    (GFile              *file);
void _tranche_window_start_load        (TrancheWindow      *self,
                                        GFile              *file,
                                        gboolean            is_reload);
/* Cancels the load in progress, if any, and takes its progress away. */
void _tranche_window_cancel_load       (TrancheWindow      *self);
void _tranche_window_load_sample       (TrancheWindow      *self);
void _tranche_window_dispose_load      (TrancheWindow      *self);

/* Makes `file` (NULL: none) the window's, watched and remembered. */
void _tranche_window_set_file          (TrancheWindow      *self,
                                        GFile              *file);

/* tranche-window-edit.c and tranche-window-edit-actions.c */
void     _tranche_window_edit_class_init     (GtkWidgetClass *widget_class);
void     _tranche_window_edit_init           (TrancheWindow  *self);
void     _tranche_window_edit_dispose        (TrancheWindow  *self);
void     _tranche_window_edit_update_actions (TrancheWindow  *self);
/* TRUE when the window must not close yet (it asks about unsaved edits). */
gboolean _tranche_window_edit_close_request  (TrancheWindow  *self);
/* TRUE when a reload must not happen: unsaved edits, or our own save. */
gboolean _tranche_window_edit_hold_reload    (TrancheWindow  *self);
/* TRUE when `file` was opened elsewhere, to keep this window's edits. */
gboolean _tranche_window_edit_hold_load      (TrancheWindow  *self,
                                              GFile          *file);
/* A load succeeded: offers the recovered edits of a file opened anew. */
void     _tranche_window_edit_loaded         (TrancheWindow  *self,
                                              gboolean        is_reload);

/* tranche-window-dnd.c */
void _tranche_window_init_dnd          (TrancheWindow      *self);
/* Whether `file` is a spreadsheet to import (its name ends in .csv). */
gboolean _tranche_window_is_csv        (GFile              *file);

G_END_DECLS
