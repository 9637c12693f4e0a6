/* tranche-window-edit-private.h: what the window's editing files share
 *
 * tranche-window-edit.c holds the document, saving and closing;
 * tranche-window-edit-actions.c the editing actions, the recovery offer and
 * the bar shown when the file changed on disk under unsaved edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-window-edit.h"
#include "tranche-window-private.h"

G_BEGIN_DECLS

struct _TrancheWindowEdit
{
  guint         recovery_source;
  gboolean      closing;       /* Save or Discard was chosen: close without asking */
  gboolean      close_after_save;
  gboolean      saving;
  gboolean      discarded;     /* the edits were discarded: write no recovery */
  GtkRevealer  *disk_revealer;
  GtkLabel     *disk_label;
  char         *disk_notice;
  GtkWindow    *editor;        /* weak: the editor open, if any */
  GtkWidget    *empty_page;    /* shown over the charts while there are no events */
  guint         generation;    /* of the text: a dataset read from an older one is dropped */
};

/* tranche-window-edit.c */
/* The document, made if needed; NULL (and a toast saying why) when the
 * dataset can't be edited. */
TrancheDocument *_tranche_window_edit_document  (TrancheWindow   *self);
void             _tranche_window_edit_adopt     (TrancheWindow   *self,
                                                 TrancheDocument *doc);
void             _tranche_window_edit_document_changed (TrancheWindow   *self,
                                                        TrancheDocument *doc);
/* The document's index of the dataset's event `index`, or -1. */
int              _tranche_window_edit_event_index (TrancheWindow   *self,
                                                   TrancheDocument *doc,
                                                   int              index);
void             _tranche_window_edit_present   (TrancheWindow   *self,
                                                 GtkWindow       *editor);
void             _tranche_window_edit_save      (GtkWidget       *widget,
                                                 const char      *action_name,
                                                 GVariant        *parameter);
void             _tranche_window_edit_save_as   (GtkWidget       *widget,
                                                 const char      *action_name,
                                                 GVariant        *parameter);

/* tranche-window-review.c */
void             _tranche_window_new_events_from_article (GtkWidget  *widget,
                                                          const char *action_name,
                                                          GVariant   *parameter);

G_END_DECLS
