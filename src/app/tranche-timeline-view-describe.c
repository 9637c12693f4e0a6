/* tranche-timeline-view-describe.c: what the timeline says about its
 * events and legend: tooltips, the description screen readers hear for
 * the selection, and what a click on a legend item does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-event-fields.h"
#include "tranche-format.h"
#include "tranche-legend-popover.h"
#include "tranche-timeline-view-private.h"

void
_tranche_timeline_view_update_description (TrancheTimelineView *self)
{
  g_autofree char *text = NULL;

  if (self->dataset != NULL && self->selected >= 0)
    text = tranche_timeline_view_describe_event (self, self->selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : _("No event selected"), -1);
}

gboolean
_tranche_timeline_view_query_tooltip_cb (GtkWidget           *widget,
                                         int                  x,
                                         int                  y,
                                         gboolean             keyboard_mode,
                                         GtkTooltip          *tooltip,
                                         TrancheTimelineView *self)
{
  TrancheTimelineHit hit;
  g_autofree char *text = NULL;
  int legend;

  if (keyboard_mode)
    {
      if (self->selected < 0)
        return FALSE;
      text = tranche_timeline_view_describe_event (self, self->selected);
    }
  else if (self->dataset != NULL && self->session != NULL
           && (legend = tranche_timeline_layout_legend_hit (self->layout, x, y)) >= 0)
    {
      text = tranche_legend_dup_tooltip (self->session, self->lane_mode,
                                         tranche_timeline_layout_get_legend_item (self->layout,
                                                                                  legend));
      if (text == NULL)
        return FALSE;
    }
  else
    {
      if (!_tranche_timeline_view_hit_event (self, x, y, &hit))
        return FALSE;
      if (hit.kind == TRANCHE_HIT_CLUSTER)
        {
          const TrancheTimelineCluster *c = tranche_timeline_layout_get_cluster (self->layout,
                                                                                 hit.index);
          /* the core's sum: "€1 + ¥1", "$3B + 1 undisclosed", never mixed */
          g_autofree char *total = tranche_timeline_layout_dup_cluster_total (self->layout,
                                                                              hit.index);

          if (*total == '\0')
            /* Translators: tooltip of a cluster with no amounts: "12 events
             * Double-click to zoom in" */
            text = g_strdup_printf (ngettext ("%u event\nDouble-click to zoom in",
                                              "%u events\nDouble-click to zoom in",
                                              c->n_members),
                                    c->n_members);
          else
            /* Translators: tooltip of a cluster: "12 events · $3B in all
             * Double-click to zoom in" */
            text = g_strdup_printf (ngettext ("%u event · %s in all\nDouble-click to zoom in",
                                              "%u events · %s in all\nDouble-click to zoom in",
                                              c->n_members),
                                    c->n_members, total);
        }
      else
        text = tranche_timeline_view_describe_event (self, hit.event);
    }
  /* Plain text: titles come from the file. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

char *
tranche_timeline_view_describe_event (TrancheTimelineView *self,
                                      int                  index)
{
  const TrancheEvent *ev;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autoptr(GString) who = g_string_new (NULL);
  g_autofree char *investors = NULL;
  g_autofree char *leads = NULL;
  GString *text;

  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (self->dataset != NULL, NULL);

  ev = tranche_dataset_get_event (self->dataset, index);
  date = tranche_format_date_span (&ev->date, &ev->end);
  amount = tranche_money_is_present (&ev->amount) ? tranche_format_money (&ev->amount)
           : tranche_money_is_present (&ev->valuation) ? tranche_format_money (&ev->valuation)
           : NULL;
  investors = tranche_event_dup_investor_names (self->dataset, ev);
  leads = tranche_event_dup_leads (self->dataset, ev);
  g_string_append (who, investors);
  if (ev->target != TRANCHE_NO_ENTITY)
    g_string_append_printf (who, "%s%s", who->len ? " → " : "",
                            tranche_dataset_get_entity (self->dataset, ev->target)->name);

  text = g_string_new (date);
  if (amount != NULL && *amount != '\0')
    g_string_append_printf (text, " · %s", amount);
  if (ev->flags & TRANCHE_EVENT_DRAFT)
    /* Translators: in a tooltip, after the date and amount of an event
     * proposed by the extractor and not yet reviewed */
    g_string_append_printf (text, " · %s", C_("event", "draft"));
  if (who->len > 0)
    g_string_append_printf (text, "\n%s", who->str);
  if (leads != NULL)
    g_string_append_printf (text, " · %s", leads);
  if (ev->kind == TRANCHE_EVENT_INVESTMENT && ev->n_investors == 0)
    /* Translators: an investment whose source names no investors */
    g_string_append_printf (text, "\n%s", _("Investors not reported"));
  g_string_append_printf (text, "\n%s", ev->title ? ev->title : ev->id);
  return g_string_free (text, FALSE);
}

gboolean
tranche_timeline_view_activate_legend_item (TrancheTimelineView *self,
                                            guint                index)
{
  const TrancheTimelineLegendItem *item;

  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), FALSE);

  /* Filtering goes through the session, which the filter bar shows. */
  if (self->session == NULL || self->dataset == NULL
      || index >= tranche_timeline_layout_get_n_legend_items (self->layout))
    return FALSE;
  item = tranche_timeline_layout_get_legend_item (self->layout, index);
  if (item->entity != TRANCHE_NO_ENTITY)
    tranche_legend_toggle_filter (self->session, self->lane_mode, item->entity);
  else if (item->n_more > 0)
    {
      if (self->legend_popover == NULL)
        {
          self->legend_popover = tranche_legend_popover_new ();
          gtk_widget_set_parent (self->legend_popover, GTK_WIDGET (self));
        }
      tranche_legend_popover_popup_for (TRANCHE_LEGEND_POPOVER (self->legend_popover),
                                        self->session, self->lane_mode, self->layout, item);
    }
  else
    return FALSE;
  return TRUE;
}

GtkWidget *
tranche_timeline_view_get_legend_popover (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);
  return self->legend_popover;
}
