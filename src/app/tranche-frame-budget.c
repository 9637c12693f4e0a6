/* tranche-frame-budget.c: one heavy first paint per frame
 *
 * A million-event file reaches every view at once, and each chart's first
 * layout and paint of it takes tens of milliseconds: in one frame together
 * they held the main thread about 70 ms (issue 18 allows 50). The views ask
 * for the frame's budget before such a paint; the first in a frame gets
 * it, the others draw their background and come back in the next frame,
 * so the work is spread over a few frames instead of one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-frame-budget.h"

#define SEEN_KEY "tranche-frame-budget-seen"

static void
forget_cb (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), SEEN_KEY, NULL);
}

/* The frame in which `widget` first asked since it was shown. */
static gint64
first_asked (GtkWidget *widget,
             gint64     frame)
{
  gint64 *seen = g_object_get_data (G_OBJECT (widget), SEEN_KEY);

  if (seen != NULL)
    return *seen;
  seen = g_new (gint64, 1);
  *seen = frame;
  g_object_set_data_full (G_OBJECT (widget), SEEN_KEY, seen, g_free);
  if (g_object_get_data (G_OBJECT (widget), SEEN_KEY "-watch") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), SEEN_KEY "-watch", GINT_TO_POINTER (1));
      g_signal_connect (widget, "unmap", G_CALLBACK (forget_cb), NULL);
    }
  return frame;
}

gboolean
tranche_frame_budget_take (GtkWidget *widget)
{
  static gint64 taken_in = -1;
  GdkFrameClock *clock;
  gint64 frame;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return TRUE;
  frame = gdk_frame_clock_get_frame_counter (clock);
  /* A page just shown costs GTK a frame of its own (sizing, styling and
   * painting the whole page): a view's heavy paint waits for the next. */
  if (frame == first_asked (widget, frame) || frame == taken_in)
    return FALSE;
  taken_in = frame;
  return TRUE;
}

static gboolean
come_back_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

void
tranche_frame_budget_come_back (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_add_tick_callback (widget, come_back_cb, NULL, NULL);
}
