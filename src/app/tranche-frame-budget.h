/* tranche-frame-budget.h: one heavy first paint per frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Datasets from this size wait for a frame's budget before a view's first
 * paint of them; smaller ones paint at once, every view in one frame. */
#define TRANCHE_FRAME_BUDGET_MIN_EVENTS 100000

/* Whether `widget` may do a heavy paint (a first layout of a large
 * dataset) in the frame being drawn: the first widget to ask in a frame
 * may, the others are told to come back in the next one. */
gboolean tranche_frame_budget_take      (GtkWidget *widget);
/* Draws `widget` again in the next frame (from a snapshot, where
 * gtk_widget_queue_draw() can't be called). */
void     tranche_frame_budget_come_back (GtkWidget *widget);

G_END_DECLS
