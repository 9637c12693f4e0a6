/* tranche-legend-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <math.h>

#include "tranche-draw.h"
#include "tranche-legend-popover.h"

struct _TrancheLegendPopover
{
  GtkPopover      parent_instance;

  TrancheSession *session;
  TrancheLaneMode mode;
  char           *search;   /* casefolded */
  GtkSearchEntry *entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (TrancheLegendPopover, tranche_legend_popover, GTK_TYPE_POPOVER)

static TrancheFilterField
field_for (TrancheLaneMode mode)
{
  return mode == TRANCHE_LANES_BY_TARGET ? TRANCHE_FILTER_TARGET : TRANCHE_FILTER_INVESTOR;
}

void
tranche_legend_toggle_filter (TrancheSession  *session,
                              TrancheLaneMode  mode,
                              guint32          entity)
{
  TrancheDataset *dataset;
  g_autoptr(TrancheFilter) filter = NULL;
  const char *id;

  g_return_if_fail (TRANCHE_IS_SESSION (session));

  dataset = tranche_session_get_dataset (session);
  if (dataset == NULL || entity >= tranche_dataset_get_n_entities (dataset))
    return;
  id = tranche_dataset_get_entity (dataset, entity)->id;
  filter = tranche_filter_copy (tranche_session_get_filter (session));
  if (tranche_filter_has (filter, field_for (mode), id))
    tranche_filter_remove (filter, field_for (mode), id);
  else
    tranche_filter_add (filter, field_for (mode), id);
  tranche_session_set_filter (session, filter);
}

char *
tranche_legend_dup_tooltip (TrancheSession                  *session,
                            TrancheLaneMode                  mode,
                            const TrancheTimelineLegendItem *item)
{
  TrancheDataset *dataset;
  const TrancheEntity *entity;
  const char *name;

  g_return_val_if_fail (TRANCHE_IS_SESSION (session), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  dataset = tranche_session_get_dataset (session);
  if (item->n_more > 0)
    return g_strdup (_("Click to see them all"));
  if (dataset == NULL || item->entity >= tranche_dataset_get_n_entities (dataset))
    return NULL;
  entity = tranche_dataset_get_entity (dataset, item->entity);
  name = entity->name ? entity->name : entity->id;
  if (tranche_filter_has (tranche_session_get_filter (session), field_for (mode), entity->id))
    /* Translators: tooltip of a legend entry: "Click to stop filtering on Microsoft" */
    return g_strdup_printf (_("Click to stop filtering on %s"), name);
  /* Translators: tooltip of a legend entry: "Click to filter on Microsoft" */
  return g_strdup_printf (_("Click to filter on %s"), name);
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  TrancheLegendPopover *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (row), "tranche-folded-name");

  return self->search == NULL || *self->search == '\0' || strstr (name, self->search) != NULL;
}

static void
search_changed_cb (TrancheLegendPopover *self)
{
  tranche_legend_popover_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
row_activated_cb (TrancheLegendPopover *self,
                  GtkListBoxRow        *row)
{
  guint32 entity = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "tranche-entity"));

  /* popped down first: the new filter rebuilds the legend under it */
  gtk_popover_popdown (GTK_POPOVER (self));
  if (self->session != NULL)
    tranche_legend_toggle_filter (self->session, self->mode, entity);
}

static void
tranche_legend_popover_dispose (GObject *object)
{
  TrancheLegendPopover *self = TRANCHE_LEGEND_POPOVER (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (tranche_legend_popover_parent_class)->dispose (object);
}

static void
tranche_legend_popover_finalize (GObject *object)
{
  TrancheLegendPopover *self = TRANCHE_LEGEND_POPOVER (object);

  g_free (self->search);
  G_OBJECT_CLASS (tranche_legend_popover_parent_class)->finalize (object);
}

static void
tranche_legend_popover_class_init (TrancheLegendPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tranche_legend_popover_dispose;
  object_class->finalize = tranche_legend_popover_finalize;
}

static void
tranche_legend_popover_init (TrancheLegendPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the legend"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate",
                            G_CALLBACK (tranche_legend_popover_activate_first), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_list_box_set_filter_func (self->list, filter_row_cb, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);
}

GtkWidget *
tranche_legend_popover_new (void)
{
  return g_object_new (TRANCHE_TYPE_LEGEND_POPOVER, NULL);
}

static GtkWidget *
make_row (const char         *name,
          const TrancheColor *color,
          gboolean            filtered)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_autofree char *markup =
    g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">\342\227\217</span>",
                     (guint) CLAMP (color->red * 255 + 0.5, 0, 255),
                     (guint) CLAMP (color->green * 255 + 0.5, 0, 255),
                     (guint) CLAMP (color->blue * 255 + 0.5, 0, 255));

  gtk_label_set_markup (GTK_LABEL (swatch), markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), swatch);
  /* Names are never cut: a long one wraps. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (check, filtered);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filtered"), -1);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
tranche_legend_popover_set_items (TrancheLegendPopover *self,
                                  TrancheSession       *session,
                                  TrancheLaneMode       mode,
                                  const guint32        *entities,
                                  const TrancheColor   *colors,
                                  guint                 n_entities)
{
  TrancheDataset *dataset;
  const TrancheFilter *filter;
  GtkWidget *child;

  g_return_if_fail (TRANCHE_IS_LEGEND_POPOVER (self));
  g_return_if_fail (TRANCHE_IS_SESSION (session));
  g_return_if_fail (n_entities == 0 || (entities != NULL && colors != NULL));

  g_set_object (&self->session, session);
  self->mode = mode;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  dataset = tranche_session_get_dataset (session);
  if (dataset == NULL)
    return;
  filter = tranche_session_get_filter (session);
  for (guint i = 0; i < n_entities; i++)
    {
      const TrancheEntity *entity = tranche_dataset_get_entity (dataset, entities[i]);
      const char *name = entity->name ? entity->name : entity->id;
      GtkWidget *row = make_row (name, &colors[i],
                                 tranche_filter_has (filter, field_for (mode), entity->id));

      g_object_set_data (G_OBJECT (row), "tranche-entity", GUINT_TO_POINTER (entities[i]));
      g_object_set_data_full (G_OBJECT (row), "tranche-folded-name",
                              g_utf8_casefold (name, -1), g_free);
      gtk_list_box_append (self->list, row);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  tranche_legend_popover_set_search (self, NULL);
}

void
tranche_legend_popover_popup_for (TrancheLegendPopover            *self,
                                  TrancheSession                  *session,
                                  TrancheLaneMode                  mode,
                                  TrancheTimelineLayout           *layout,
                                  const TrancheTimelineLegendItem *item)
{
  guint n = 0;
  const guint32 *entities;
  g_autofree TrancheColor *colors = NULL;
  double tw = 0, th = 0;
  GdkRectangle rect;

  g_return_if_fail (TRANCHE_IS_LEGEND_POPOVER (self));
  g_return_if_fail (layout != NULL && item != NULL);

  entities = tranche_timeline_layout_get_legend_entities (layout, &n);
  colors = g_new0 (TrancheColor, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    colors[i] = tranche_timeline_layout_entity_color (layout, entities[i]);
  tranche_legend_popover_set_items (self, session, mode, entities, colors, n);
  tranche_draw_get_text_size (item->layout, &tw, &th);
  rect = (GdkRectangle) { (int) item->text_x, (int) item->text_y, (int) ceil (tw),
                          (int) ceil (th) };
  gtk_popover_set_pointing_to (GTK_POPOVER (self), &rect);
  gtk_popover_popup (GTK_POPOVER (self));
}

void
tranche_legend_popover_set_search (TrancheLegendPopover *self,
                                   const char           *text)
{
  g_return_if_fail (TRANCHE_IS_LEGEND_POPOVER (self));

  g_free (self->search);
  self->search = text ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (self->list);
}

static GtkListBoxRow *
first_shown (TrancheLegendPopover *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row_cb (GTK_LIST_BOX_ROW (child), self))
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

guint
tranche_legend_popover_count_shown (TrancheLegendPopover *self)
{
  guint n = 0;

  g_return_val_if_fail (TRANCHE_IS_LEGEND_POPOVER (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row_cb (GTK_LIST_BOX_ROW (child), self))
      n++;
  return n;
}

void
tranche_legend_popover_activate_first (TrancheLegendPopover *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (TRANCHE_IS_LEGEND_POPOVER (self));

  row = first_shown (self);
  if (row != NULL)
    row_activated_cb (self, row);
}
