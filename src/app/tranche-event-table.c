/* tranche-event-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from a TrancheEventModel (lazy items over dataset + mask),
 * sorted by a GtkSortListModel that follows the column view's own sorter, so
 * header clicks sort with GTK's usual indicators. Sorting compares real values
 * through tranche_event_compare_field in core.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tranche-event-item.h"
#include "tranche-event-model.h"
#include "tranche-event-table.h"
#include "tranche-format.h"
#include "tranche-mask.h"
#include "tranche-sum.h"
#include "tranche-totals.h"

#define N_COLUMNS TRANCHE_N_EVENT_FIELDS

struct _TrancheEventTable
{
  GtkWidget            parent_instance;

  TrancheSession      *session;
  GSignalGroup        *session_signals;
  GBindingGroup       *session_bindings;
  TrancheEventModel   *events;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  int                  selected;
  guint                scroll_tick;   /* brings the selected row into view once laid out */
  guint                updating : 1;  /* the model is being swapped: ignore selection churn */
  guint                totals_dirty : 1; /* the totals row waits for the table to show */
  guint                rows_detached : 1; /* the column view waits for the table to show */
  int                  base_widths[N_COLUMNS]; /* the template's, before any text widened them */

  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkLabel            *totals_label;
};

G_DEFINE_FINAL_TYPE (TrancheEventTable, tranche_event_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DATASET,
  PROP_MASK,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
item_index (gpointer item)
{
  return item ? (int) tranche_event_item_get_index (TRANCHE_EVENT_ITEM (item)) : -1;
}

/* Where an event is among the sorted rows. Unsorted rows are in dataset order
 * and found by binary search; sorted ones need a scan, which only touches
 * items the sort model already holds. */
static gboolean
find_row (TrancheEventTable *self,
          guint              event_index,
          guint             *row)
{
  GListModel *rows = G_LIST_MODEL (self->sorted);
  guint n;

  if (!tranche_event_model_find_position (self->events, event_index, row))
    return FALSE;
  if (gtk_sorter_get_order (gtk_sort_list_model_get_sorter (self->sorted))
      == GTK_SORTER_ORDER_NONE)
    return TRUE;
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (item_index (item) == (int) event_index)
        {
          *row = i;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
get_rows_view (TrancheEventTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* GtkColumnView has no scroll_to before GTK 4.12. Its rows are an internal
 * GtkListView, and every GtkListBase has the "list.scroll-to-item" action: it
 * scrolls the least needed to show the row and copes with rows of any height
 * (computing offsets from one row height would not). It does nothing until
 * the list has been allocated, so it runs from a tick callback: ticks only
 * come while the table is mapped, and each waits for the previous layout.
 * The row is looked up then, since sorting may have moved it meanwhile. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TrancheEventTable *self = TRANCHE_EVENT_TABLE (widget);
  GtkWidget *rows = get_rows_view (self);
  guint row;

  if (rows == NULL || gtk_widget_get_height (rows) == 0)
    return G_SOURCE_CONTINUE;
  if (self->selected >= 0 && find_row (self, (guint) self->selected, &row))
    gtk_widget_activate_action (rows, "list.scroll-to-item", "u", row);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    /* rows given back to the view (attach_rows()): without a row scrolled
     * to, GTK 4.8 keeps an anchor made before the view had a size, and
     * the first sort leaves it showing no rows */
    gtk_widget_activate_action (rows, "list.scroll-to-item", "u", 0);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to_selected (TrancheEventTable *self)
{
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                      NULL, NULL);
}

static void
select_event (TrancheEventTable *self,
              int                index)
{
  guint row;

  if (index >= 0 && find_row (self, (guint) index, &row))
    gtk_single_selection_set_selected (self->selection, row);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
set_selected_index (TrancheEventTable *self,
                    int                index)
{
  if (self->selected == index)
    return;
  self->selected = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Dates and amounts are never cut ("25 Sep 2023 – Q…"): a cell whose text
 * needs more room than its column has widens the column before it is drawn.
 * Only rows being shown are measured, so a million events cost nothing; a
 * new dataset starts again from the template's widths. */
static void
fit_column_to (TrancheEventTable *self,
               TrancheEventField  field,
               GtkWidget         *label)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  int natural = 0, extra = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (cell != NULL)
    {
      GtkStyleContext *context = gtk_widget_get_style_context (cell);
      GtkBorder padding, border;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_padding (context, &padding);
      gtk_style_context_get_border (context, &border);
      G_GNUC_END_IGNORE_DEPRECATIONS
      extra = padding.left + padding.right + border.left + border.right;
    }
  if (natural + extra > gtk_column_view_column_get_fixed_width (self->columns[field]))
    gtk_column_view_column_set_fixed_width (self->columns[field], natural + extra);
}

static void
reset_column_widths (TrancheEventTable *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_column_view_column_set_fixed_width (self->columns[i], self->base_widths[i]);
}

/* Companies named in the totals row before "and N more". */
#define TOTALS_MAX_TARGETS 3

/* What the shown events add up to, in words: "Total of 3 events: $11B + 1
 * undisclosed", or with several companies, each apart ("Helio Robotics
 * received $385–660M + 1 undisclosed; Sensa Vision received 1
 * undisclosed"): a company's purchase of another is not money it raised,
 * so the two are never added up. The sums are core's (TrancheTotals, as
 * the cumulative chart and --summary give them): per currency, as a range
 * with the undisclosed amounts counted. */
static char *
dup_totals_text (TrancheDataset *dataset,
                 GBytes         *mask,
                 guint           n_shown)
{
  g_autoptr(TrancheTotals) totals = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *money = NULL;
  guint n_entities = tranche_dataset_get_n_entities (dataset);
  guint n_targets = 0;

  totals = tranche_totals_new (dataset, mask ? g_bytes_get_data (mask, NULL) : NULL);
  for (guint32 target = 0; target < n_entities; target++)
    {
      g_autoptr(GArray) sums = tranche_sums_new ();
      g_autofree char *text = NULL;

      tranche_totals_get_received (totals, target, TRANCHE_NO_ENTITY, INFINITY, sums);
      text = tranche_sums_format ((const TrancheSum *) (gpointer) sums->data, sums->len);
      if (text == NULL || *text == '\0')
        continue;
      if (n_targets++ == 0)
        money = g_strdup (text);
      if (parts->len < TOTALS_MAX_TARGETS)
        /* Translators: one company in the table's totals row when it shows
         * several: "Helio Robotics received $385M + 1 undisclosed" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s received %s"),
                                                 tranche_dataset_get_entity (dataset,
                                                                             target)->name,
                                                 text));
    }
  if (n_targets == 0)
    /* Translators: the table's totals row when no shown event has an amount */
    return g_strdup_printf (ngettext ("Total of %u event: no amount",
                                      "Total of %u events: no amount", n_shown), n_shown);
  if (n_targets > 1)
    {
      g_clear_pointer (&money, g_free);
      if (n_targets > parts->len)
        /* Translators: ends the table's totals row: "…; and 4 more companies" */
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("and %u more company",
                                                           "and %u more companies",
                                                           n_targets - parts->len),
                                                 n_targets - parts->len));
      g_ptr_array_add (parts, NULL);
      /* Translators: separates the companies in the table's totals row */
      money = g_strjoinv (_("; "), (char **) parts->pdata);
    }
  /* Translators: the table's totals row: "Total of 3 events: $11B + 1 undisclosed" */
  return g_strdup_printf (ngettext ("Total of %u event: %s", "Total of %u events: %s", n_shown),
                          n_shown, money);
}

static void
update_totals (TrancheEventTable *self)
{
  TrancheDataset *dataset = tranche_event_model_get_dataset (self->events);
  g_autofree char *text = NULL;

  /* Totals of a million events take a moment: only for a table in view. */
  self->totals_dirty = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->totals_dirty)
    return;
  if (dataset != NULL)
    text = dup_totals_text (dataset, tranche_event_model_get_mask (self->events),
                            g_list_model_get_n_items (G_LIST_MODEL (self->events)));
  gtk_label_set_text (self->totals_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), text != NULL);
}

/* A column view makes widgets for its first couple of hundred rows as soon
 * as its model changes, shown or not: nine labels a row, bound and
 * measured, 35 ms of the main thread for a table nobody looks at. So while
 * the table is hidden, the rows change with no view on them; the view gets
 * them back when the table is shown, and makes only the rows on screen. */
static void
detach_rows (TrancheEventTable *self)
{
  if (self->rows_detached || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->rows_detached = TRUE;
  gtk_column_view_set_model (self->column_view, NULL);
}

static void
attach_rows (TrancheEventTable *self)
{
  if (!self->rows_detached)
    return;
  self->rows_detached = FALSE;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* the selected row, else the first, once laid out */
  queue_scroll_to_selected (self);
}

static void
tranche_event_table_map (GtkWidget *widget)
{
  TrancheEventTable *self = TRANCHE_EVENT_TABLE (widget);

  GTK_WIDGET_CLASS (tranche_event_table_parent_class)->map (widget);
  attach_rows (self);
  if (self->totals_dirty)
    update_totals (self);
}

/* Swaps what the rows show while keeping the selected event selected when it
 * is still there. Without this the selection would search a million new rows
 * for its item, and notify twice on the way. */
static void
update_rows (TrancheEventTable *self,
             TrancheDataset    *dataset,
             GBytes            *mask)
{
  int keep = self->selected;

  detach_rows (self);
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (dataset != tranche_event_model_get_dataset (self->events))
    {
      keep = -1;
      reset_column_widths (self);
      tranche_event_model_set_dataset (self->events, dataset);
    }
  else
    tranche_event_model_set_mask (self->events, mask);
  if (keep >= 0)
    select_event (self, keep);
  self->updating = FALSE;
  set_selected_index (self, item_index (gtk_single_selection_get_selected_item (self->selection)));
  update_totals (self);
}

static gboolean
label_query_tooltip_cb (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  /* Only text cut by the column needs a tooltip; it is shown as text. */
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  TrancheEventField field = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = field == TRANCHE_EVENT_FIELD_AMOUNT
                     || field == TRANCHE_EVENT_FIELD_VALUATION
                     || field == TRANCHE_EVENT_FIELD_SOURCES;

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  /* Text may be shortened; dates, figures and kinds never are (fit_column_to). */
  if (!numeric && field != TRANCHE_EVENT_FIELD_DATE && field != TRANCHE_EVENT_FIELD_KIND)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TrancheEventTable        *self)
{
  TrancheEventField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                  "tranche-field"));
  TrancheEventItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  TrancheDataset *dataset = tranche_event_item_get_dataset (item);
  const TrancheEvent *ev = tranche_event_item_get_event (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (field)
    {
    case TRANCHE_EVENT_FIELD_DATE:
      text = owned = tranche_format_date_span (&ev->date, &ev->end);
      break;
    case TRANCHE_EVENT_FIELD_TITLE:
      text = ev->title;
      break;
    case TRANCHE_EVENT_FIELD_INVESTORS:
      {
        g_autofree char *names = tranche_event_dup_investor_names (dataset, ev);
        g_autofree char *leads = tranche_event_dup_leads (dataset, ev);

        if (*names == '\0' && ev->kind == TRANCHE_EVENT_INVESTMENT)
          text = owned = g_strdup (_("Investors not reported"));
        else if (leads != NULL)
          /* Translators: a table cell, the investors then who led:
           * "Spark Capital, Google · led by Spark Capital" */
          text = owned = g_strdup_printf (C_("parties", "%1$s · %2$s"), names, leads);
        else
          text = owned = g_steal_pointer (&names);
      }
      break;
    case TRANCHE_EVENT_FIELD_TARGET:
      text = tranche_event_get_target_name (dataset, ev);
      break;
    case TRANCHE_EVENT_FIELD_AMOUNT:
      text = owned = tranche_format_money (&ev->amount);
      break;
    case TRANCHE_EVENT_FIELD_VALUATION:
      text = owned = tranche_format_money (&ev->valuation);
      break;
    case TRANCHE_EVENT_FIELD_ROUND:
      text = ev->round;
      break;
    case TRANCHE_EVENT_FIELD_SOURCES:
      text = owned = g_strdup_printf ("%u", (guint) ev->n_citations);
      break;
    case TRANCHE_EVENT_FIELD_KIND:
      text = tranche_event_kind_get_label (ev->kind);
      break;
    case TRANCHE_N_EVENT_FIELDS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text ? text : "");
  if (field == TRANCHE_EVENT_FIELD_DATE || field == TRANCHE_EVENT_FIELD_AMOUNT
      || field == TRANCHE_EVENT_FIELD_VALUATION || field == TRANCHE_EVENT_FIELD_KIND)
    fit_column_to (self, field, GTK_WIDGET (label));
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  TrancheEventItem *ia = TRANCHE_EVENT_ITEM ((gpointer) a);
  TrancheEventItem *ib = TRANCHE_EVENT_ITEM ((gpointer) b);
  TrancheDataset *dataset = tranche_event_item_get_dataset (ia);
  guint x = tranche_event_item_get_index (ia);
  guint y = tranche_event_item_get_index (ib);

  /* Items of two datasets only meet while one replaces the other. */
  if (dataset != tranche_event_item_get_dataset (ib))
    return (x > y) - (x < y);
  return tranche_event_compare_field (dataset, x, y, GPOINTER_TO_UINT (user_data));
}

static void
selection_changed_cb (TrancheEventTable *self)
{
  if (self->updating)
    return;
  set_selected_index (self, item_index (gtk_single_selection_get_selected_item (self->selection)));
}

static void
activate_cb (TrancheEventTable *self,
             guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, item_index (item));
}

/* The session's dataset and mask together. The selection bound both ways is
 * let go meanwhile: a new dataset clears the table's selection, which must
 * not clear the one the session kept; bound again, it takes the session's. */
static void
session_dataset_changed_cb (TrancheEventTable *self)
{
  g_assert (self->session != NULL);

  g_binding_group_set_source (self->session_bindings, NULL);
  tranche_event_table_set_dataset (self, tranche_session_get_dataset (self->session));
  tranche_event_table_set_mask (self, tranche_session_get_mask_bytes (self->session));
  g_binding_group_set_source (self->session_bindings, self->session);
}

/* A new filter: a selected event it hides is let go, and the session told. */
static void
session_mask_changed_cb (TrancheEventTable *self)
{
  g_assert (self->session != NULL);

  if (tranche_event_table_get_dataset (self) != tranche_session_get_dataset (self->session))
    session_dataset_changed_cb (self);
  else
    tranche_event_table_set_mask (self, tranche_session_get_mask_bytes (self->session));
}

static void
tranche_event_table_dispose (GObject *object)
{
  TrancheEventTable *self = TRANCHE_EVENT_TABLE (object);
  GtkWidget *child;

  tranche_event_table_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session_bindings);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_EVENT_TABLE);
  /* the separator over the totals row has no name to be disposed by */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->events);
  G_OBJECT_CLASS (tranche_event_table_parent_class)->dispose (object);
}

static void
tranche_event_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrancheEventTable *self = TRANCHE_EVENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DATASET:
      g_value_set_boxed (value, tranche_event_table_get_dataset (self));
      break;
    case PROP_MASK:
      g_value_set_boxed (value, tranche_event_table_get_mask (self));
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_event_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrancheEventTable *self = TRANCHE_EVENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      tranche_event_table_set_session (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      tranche_event_table_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_MASK:
      tranche_event_table_set_mask (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      tranche_event_table_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_event_table_class_init (TrancheEventTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_event_table_dispose;
  object_class->get_property = tranche_event_table_get_property;
  object_class->set_property = tranche_event_table_set_property;
  widget_class->map = tranche_event_table_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRANCHE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASK] =
    g_param_spec_boxed ("mask", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrancheEventTable::event-activated:
   * @index: the event's index in the dataset
   *
   * A row was activated with Enter or a double click.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-event-table.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheEventTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrancheEventTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, TrancheEventTable, totals_label);
  gtk_widget_class_bind_template_child_full (widget_class, "date_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "investors_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_INVESTORS]));
  gtk_widget_class_bind_template_child_full (widget_class, "target_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_TARGET]));
  gtk_widget_class_bind_template_child_full (widget_class, "amount_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_AMOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "valuation_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_VALUATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "kind_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "round_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_ROUND]));
  gtk_widget_class_bind_template_child_full (widget_class, "sources_column", FALSE,
    G_STRUCT_OFFSET (TrancheEventTable, columns[TRANCHE_EVENT_FIELD_SOURCES]));
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tranche_event_table_init (TrancheEventTable *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected = -1;
  for (guint i = 0; i < N_COLUMNS; i++)
    self->base_widths[i] = gtk_column_view_column_get_fixed_width (self->columns[i]);
  self->session_signals = g_signal_group_new (TRANCHE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset",
                                  G_CALLBACK (session_dataset_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::mask",
                                  G_CALLBACK (session_mask_changed_cb), self);
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "selected", self, "selected",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkCustomSorter) column_sorter =
        gtk_custom_sorter_new (compare_items_cb, GUINT_TO_POINTER (i), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), "tranche-field", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], GTK_SORTER (column_sorter));
    }

  self->events = tranche_event_model_new ();
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->events)),
                                          g_object_ref (sorter));
  /* Sorting a million rows takes a while; done in steps, the window stays
   * responsive and rows settle as it goes. */
  gtk_sort_list_model_set_incremental (self->sorted, TRUE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
}

GtkWidget *
tranche_event_table_new (void)
{
  return g_object_new (TRANCHE_TYPE_EVENT_TABLE, NULL);
}

TrancheSession *
tranche_event_table_get_session (TrancheEventTable *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_TABLE (self), NULL);
  return self->session;
}

void
tranche_event_table_set_session (TrancheEventTable *self,
                                 TrancheSession    *session)
{
  g_return_if_fail (TRANCHE_IS_EVENT_TABLE (self));
  g_return_if_fail (session == NULL || TRANCHE_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  if (session != NULL)
    session_dataset_changed_cb (self);
  else
    g_binding_group_set_source (self->session_bindings, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

TrancheDataset *
tranche_event_table_get_dataset (TrancheEventTable *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_TABLE (self), NULL);
  return tranche_event_model_get_dataset (self->events);
}

void
tranche_event_table_set_dataset (TrancheEventTable *self,
                                 TrancheDataset    *dataset)
{
  GBytes *old_mask;

  g_return_if_fail (TRANCHE_IS_EVENT_TABLE (self));

  if (dataset == tranche_event_model_get_dataset (self->events))
    return;
  old_mask = tranche_event_model_get_mask (self->events);
  update_rows (self, dataset, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  if (old_mask != tranche_event_model_get_mask (self->events))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

GBytes *
tranche_event_table_get_mask (TrancheEventTable *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_TABLE (self), NULL);
  return tranche_event_model_get_mask (self->events);
}

void
tranche_event_table_set_mask (TrancheEventTable *self,
                              GBytes            *mask)
{
  GBytes *old;
  TrancheDataset *dataset;

  g_return_if_fail (TRANCHE_IS_EVENT_TABLE (self));
  dataset = tranche_event_model_get_dataset (self->events);
  /* a mask made for another dataset is dropped, as the model does */
  mask = tranche_mask_bytes_for (mask, dataset);

  old = tranche_event_model_get_mask (self->events);
  if (old == mask || (old != NULL && mask != NULL && g_bytes_equal (old, mask)))
    return;
  update_rows (self, dataset, mask);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

int
tranche_event_table_get_selected (TrancheEventTable *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_TABLE (self), -1);
  return self->selected;
}

void
tranche_event_table_set_selected (TrancheEventTable *self,
                                  int                index)
{
  g_return_if_fail (TRANCHE_IS_EVENT_TABLE (self));
  g_return_if_fail (index >= -1);

  if (index == self->selected)
    return;
  self->updating = TRUE;
  select_event (self, index);
  self->updating = FALSE;
  set_selected_index (self, item_index (gtk_single_selection_get_selected_item (self->selection)));
  if (self->selected >= 0)
    queue_scroll_to_selected (self);
}

GListModel *
tranche_event_table_get_rows (TrancheEventTable *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_TABLE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

void
tranche_event_table_sort_by (TrancheEventTable *self,
                             TrancheEventField  column,
                             GtkSortType        direction)
{
  g_return_if_fail (TRANCHE_IS_EVENT_TABLE (self));
  g_return_if_fail (column < N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column], direction);
}
