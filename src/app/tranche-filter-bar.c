/* tranche-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each menu is a popover with a list view of check buttons over the ids it
 * offers, so a dataset with thousands of investors costs rows for what is on
 * screen only; past a few entries the popover gets its own search.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tranche-event-fields.h"
#include "tranche-filter-bar.h"
#include "tranche-session.h"

/* Past this many entries a menu gets a search entry of its own. */
#define MENU_SEARCH_THRESHOLD 8

typedef enum
{
  MENU_INVESTOR,
  MENU_TARGET,
  MENU_KIND,
  MENU_TAG,
  N_MENUS
} Menu;

typedef struct
{
  TrancheFilterBar *self;
  Menu              menu;
  GtkMenuButton    *button;
  GtkStringList    *keys;    /* entity ids, kind names or tags */
  GtkCustomFilter  *filter;  /* the popover's own search */
  GtkFilterListModel *filtered;
  GtkSelectionModel *rows;   /* what the list view shows, while its popover is open */
  GtkSearchEntry   *search;
  GtkListView      *view;
} FilterMenu;

struct _TrancheFilterBar
{
  GtkWidget       parent_instance;

  TrancheSession *session;
  GArray         *prepared_roles; /* from the loading worker, while the dataset changes */
  GSignalGroup   *session_signals;
  GBindingGroup  *session_bindings;
  TrancheDataset *dataset;
  TrancheFilter  *filter;
  FilterMenu      menus[N_MENUS];

  GtkSearchEntry *search_entry;
  GtkMenuButton  *investor_button;
  GtkMenuButton  *target_button;
  GtkMenuButton  *kind_button;
  GtkMenuButton  *tag_button;
  GtkButton      *clear_button;
  GtkLabel       *count_label;
  GtkRevealer    *chips_revealer;
  GtkBox         *chips_box;
};

G_DEFINE_FINAL_TYPE (TrancheFilterBar, tranche_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DATASET,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TrancheFilterField menu_fields[N_MENUS] = {
  [MENU_INVESTOR] = TRANCHE_FILTER_INVESTOR,
  [MENU_TARGET] = TRANCHE_FILTER_TARGET,
  [MENU_KIND] = TRANCHE_FILTER_N_FIELDS,  /* kinds are a bit set, not ids */
  [MENU_TAG] = TRANCHE_FILTER_TAG,
};

static const char *
menu_title (Menu menu)
{
  switch (menu)
    {
    case MENU_INVESTOR:
      return C_("filter", "Investor");
    case MENU_TARGET:
      return C_("filter", "Target");
    case MENU_KIND:
      return C_("filter", "Kind");
    case MENU_TAG:
      return C_("filter", "Tag");
    case N_MENUS:
    default:
      g_assert_not_reached ();
    }
}

static int
kind_from_key (const char *key)
{
  for (int kind = 0; kind < TRANCHE_N_EVENT_KINDS; kind++)
    if (g_strcmp0 (tranche_event_kind_to_string (kind), key) == 0)
      return kind;
  return -1;
}

/* What a user reads for an id: the entity's name, the kind in their
 * language, the tag itself. Unknown ids (a filter kept across a reload) show
 * as they are. */
static const char *
key_label (TrancheFilterBar *self,
           Menu              menu,
           const char       *key)
{
  if (menu == MENU_KIND)
    {
      int kind = kind_from_key (key);

      return kind >= 0 ? tranche_event_kind_get_label (kind) : key;
    }
  if ((menu == MENU_INVESTOR || menu == MENU_TARGET) && self->dataset != NULL)
    {
      guint index = tranche_dataset_find_entity (self->dataset, key);

      if (index != TRANCHE_NO_ENTITY)
        return tranche_dataset_get_entity (self->dataset, index)->name;
    }
  return key;
}

static gboolean
key_is_active (TrancheFilterBar *self,
               Menu              menu,
               const char       *key)
{
  if (menu == MENU_KIND)
    {
      int kind = kind_from_key (key);

      return kind >= 0 && (tranche_filter_get_kinds (self->filter) & (1u << kind)) != 0;
    }
  return tranche_filter_has (self->filter, menu_fields[menu], key);
}

static guint
count_active (TrancheFilterBar *self,
              Menu              menu)
{
  g_auto(GStrv) ids = NULL;

  if (menu == MENU_KIND)
    {
      guint kinds = tranche_filter_get_kinds (self->filter);
      guint n = 0;

      for (int kind = 0; kind < TRANCHE_N_EVENT_KINDS; kind++)
        n += (kinds >> kind) & 1;
      return n;
    }
  ids = tranche_filter_list (self->filter, menu_fields[menu]);
  return g_strv_length (ids);
}

static GtkWidget *
make_chip (TrancheFilterBar *self,
           Menu              menu,
           const char       *key)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  /* Translators: a filter chip, "Investor: Microsoft" */
  g_autofree char *text = g_strdup_printf (_("%1$s: %2$s"), menu_title (menu),
                                           key_label (self, menu, key));
  /* Translators: accessible name of a filter chip's button */
  g_autofree char *name = g_strdup_printf (_("Remove filter %s"), text);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "tranche-chip");
  gtk_widget_set_tooltip_text (button, _("Remove filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "filter-bar.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(us)", (guint32) menu, key);
  return button;
}

static void
add_chip (TrancheFilterBar *self,
          Menu              menu,
          const char       *key)
{
  gtk_box_append (self->chips_box, make_chip (self, menu, key));
}

static void
update_chips (TrancheFilterBar *self)
{
  GtkWidget *child;
  guint kinds = tranche_filter_get_kinds (self->filter);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  for (Menu menu = 0; menu < N_MENUS; menu++)
    {
      g_auto(GStrv) ids = NULL;
      guint n = count_active (self, menu);
      g_autofree char *title = NULL;

      if (menu == MENU_KIND)
        {
          for (int kind = 0; kind < TRANCHE_N_EVENT_KINDS; kind++)
            if (kinds & (1u << kind))
              add_chip (self, menu, tranche_event_kind_to_string (kind));
        }
      else
        {
          ids = tranche_filter_list (self->filter, menu_fields[menu]);
          for (guint i = 0; ids[i] != NULL; i++)
            add_chip (self, menu, ids[i]);
        }
      if (n > 0)
        /* Translators: a filter menu and how many of its entries are on,
         * "Investor (2)" */
        title = g_strdup_printf (C_("filter", "%1$s (%2$u)"), menu_title (menu), n);
      gtk_menu_button_set_label (self->menus[menu].button, title ? title : menu_title (menu));
    }

  /* The second row holds the chips and Clear Filters, which also clears the
   * search text: it is there whenever anything filters. */
  gtk_revealer_set_reveal_child (self->chips_revealer, !tranche_filter_is_empty (self->filter));
}

/* Rows bound before the filter changed elsewhere (a chip, Clear, the
 * window) show stale checks: an open menu's view gets its rows again, a
 * closed one gets them when it opens (popover_show_cb). */
static void
refresh_checks (TrancheFilterBar *self)
{
  for (Menu menu = 0; menu < N_MENUS; menu++)
    {
      FilterMenu *m = &self->menus[menu];

      gtk_list_view_set_model (m->view, NULL);
      if (gtk_widget_get_mapped (GTK_WIDGET (m->view)))
        gtk_list_view_set_model (m->view, m->rows);
    }
}

static void
changed (TrancheFilterBar *self)
{
  update_chips (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
set_key_active (TrancheFilterBar *self,
                Menu              menu,
                const char       *key,
                gboolean          active)
{
  if (key_is_active (self, menu, key) == active)
    return;
  if (menu == MENU_KIND)
    {
      int kind = kind_from_key (key);
      guint kinds = tranche_filter_get_kinds (self->filter);

      if (kind < 0)
        return;
      tranche_filter_set_kinds (self->filter, active ? kinds | (1u << kind) : kinds & ~(1u << kind));
    }
  else if (active)
    tranche_filter_add (self->filter, menu_fields[menu], key);
  else
    tranche_filter_remove (self->filter, menu_fields[menu], key);
  changed (self);
}

static void
apply_search_text (TrancheFilterBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *current = tranche_filter_get_text (self->filter);

  if (g_strcmp0 (text, current ? current : "") == 0)
    return;
  tranche_filter_set_text (self->filter, *text ? text : NULL);
  changed (self);
}

/* The investors and targets, in name order (one implementation in core),
 * made already in the loading worker when the session has them. */
static void
fill_entity_keys (TrancheFilterBar *self,
                  GPtrArray        *investors,
                  GPtrArray        *targets)
{
  g_autoptr(GArray) roles = g_steal_pointer (&self->prepared_roles);

  if (roles == NULL)
    roles = tranche_entity_roles_new (self->dataset);
  for (guint i = 0; i < roles->len; i++)
    {
      const TrancheEntityRole *role = &g_array_index (roles, TrancheEntityRole, i);
      const char *id = tranche_dataset_get_entity (self->dataset, role->entity)->id;

      if (role->roles & TRANCHE_ROLE_INVESTOR)
        g_ptr_array_add (investors, (gpointer) id);
      if (role->roles & TRANCHE_ROLE_TARGET)
        g_ptr_array_add (targets, (gpointer) id);
    }
}

static void
set_menu_keys (FilterMenu *m,
               GPtrArray  *keys)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (m->keys));

  /* A list view makes rows for the first couple of hundred keys as soon as
   * they change, even in a closed popover: 60 ms of the main thread for a
   * dataset's investors. It gets its rows back when the menu opens. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (m->view)))
    gtk_list_view_set_model (m->view, NULL);
  g_ptr_array_add (keys, NULL);
  gtk_string_list_splice (m->keys, 0, n_old, (const char * const *) keys->pdata);
  gtk_widget_set_visible (GTK_WIDGET (m->search), keys->len - 1 > MENU_SEARCH_THRESHOLD);
  gtk_widget_set_sensitive (GTK_WIDGET (m->button), keys->len > 1);
}

static void
update_menus (TrancheFilterBar *self)
{
  g_autoptr(GPtrArray) investors = g_ptr_array_new ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  if (self->dataset != NULL)
    {
      const char * const *all_tags = tranche_dataset_get_tags (self->dataset);

      fill_entity_keys (self, investors, targets);
      for (int kind = 0; kind < TRANCHE_N_EVENT_KINDS; kind++)
        g_ptr_array_add (kinds, (gpointer) tranche_event_kind_to_string (kind));
      for (guint i = 0; all_tags != NULL && all_tags[i] != NULL; i++)
        g_ptr_array_add (tags, (gpointer) all_tags[i]);
    }
  set_menu_keys (&self->menus[MENU_INVESTOR], investors);
  set_menu_keys (&self->menus[MENU_TARGET], targets);
  set_menu_keys (&self->menus[MENU_KIND], kinds);
  set_menu_keys (&self->menus[MENU_TAG], tags);
}

static gboolean
menu_row_matches_cb (gpointer item,
                     gpointer user_data)
{
  FilterMenu *m = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (m->search));
  const char *key = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  g_autofree char *folded_search = NULL;
  g_autofree char *folded_label = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  folded_search = g_utf8_casefold (search, -1);
  folded_label = g_utf8_casefold (key_label (m->self, m->menu, key), -1);
  return strstr (folded_label, folded_search) != NULL;
}

static void
menu_search_changed_cb (GtkSearchEntry *entry,
                        FilterMenu     *m)
{
  gtk_filter_changed (GTK_FILTER (m->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  FilterMenu     *m)
{
  const char *key = g_object_get_data (G_OBJECT (check), "tranche-key");

  if (key != NULL)
    set_key_active (m->self, m->menu, key, gtk_check_button_get_active (check));
}

static void
setup_check_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                FilterMenu               *m)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_margin_start (check, 2);
  gtk_widget_set_margin_end (check, 6);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), m);
  gtk_list_item_set_child (list_item, check);
  /* The check button is what takes focus and toggles; the row needn't. */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_check_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               FilterMenu               *m)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (list_item));
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (list_item));

  /* No key while the state is set, so binding doesn't toggle the filter. */
  g_object_set_data (G_OBJECT (check), "tranche-key", NULL);
  gtk_check_button_set_label (check, key_label (m->self, m->menu, key));
  gtk_check_button_set_active (check, key_is_active (m->self, m->menu, key));
  g_object_set_data_full (G_OBJECT (check), "tranche-key", g_strdup (key), g_free);
}

static void
popover_show_cb (GtkPopover *popover,
                 FilterMenu *m)
{
  gtk_editable_set_text (GTK_EDITABLE (m->search), "");
  if (gtk_list_view_get_model (m->view) == NULL)
    gtk_list_view_set_model (m->view, m->rows);
  if (gtk_widget_get_visible (GTK_WIDGET (m->search)))
    gtk_widget_grab_focus (GTK_WIDGET (m->search));
}

static void
build_menu (TrancheFilterBar *self,
            Menu              menu,
            GtkMenuButton    *button)
{
  FilterMenu *m = &self->menus[menu];
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  /* Translators: accessible name of a filter menu's list, "Investor choices" */
  g_autofree char *name = g_strdup_printf (_("%s choices"), menu_title (menu));

  m->self = self;
  m->menu = menu;
  m->button = button;
  m->keys = gtk_string_list_new (NULL);
  m->filter = gtk_custom_filter_new (menu_row_matches_cb, m, NULL);
  m->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (m->keys)),
                                           GTK_FILTER (g_object_ref (m->filter)));
  m->rows = GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (g_object_ref (m->filtered))));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_check_cb), m);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_check_cb), m);
  m->view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (m->rows), g_object_ref (factory)));
  gtk_widget_add_css_class (GTK_WIDGET (m->view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  m->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (m->search, 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the list"),
                                  -1);
  g_signal_connect (m->search, "search-changed", G_CALLBACK (menu_search_changed_cb), m);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (m->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (m->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), m);

  gtk_menu_button_set_popover (button, popover);
  gtk_menu_button_set_label (button, menu_title (menu));
}

static void
search_changed_cb (TrancheFilterBar *self)
{
  apply_search_text (self);
}

static void
stop_search_cb (TrancheFilterBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search_text (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrancheFilterBar *self = TRANCHE_FILTER_BAR (widget);
  const char *key;
  guint32 menu;

  g_variant_get (parameter, "(u&s)", &menu, &key);
  if (menu >= N_MENUS)
    return;
  set_key_active (self, menu, key, FALSE);
  refresh_checks (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrancheFilterBar *self = TRANCHE_FILTER_BAR (widget);

  if (tranche_filter_is_empty (self->filter))
    return;
  tranche_filter_clear (self->filter);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refresh_checks (self);
  changed (self);
}

static void
session_dataset_changed_cb (TrancheFilterBar *self)
{
  TrancheViewData *views;

  g_assert (self->session != NULL);
  views = tranche_session_get_view_data (self->session);
  g_clear_pointer (&self->prepared_roles, g_array_unref);
  if (views != NULL)
    self->prepared_roles = tranche_view_data_get_entity_roles (views);
  tranche_filter_bar_set_dataset (self, tranche_session_get_dataset (self->session));
  g_clear_pointer (&self->prepared_roles, g_array_unref);
}

/* How many events the session's filter leaves. */
static void
session_mask_changed_cb (TrancheFilterBar *self)
{
  TrancheMask *mask;

  g_assert (self->session != NULL);
  mask = tranche_session_get_mask (self->session);
  if (mask != NULL)
    tranche_filter_bar_set_counts (self, tranche_mask_get_n_shown (mask),
                                   tranche_mask_get_n_events (mask));
}

static void
tranche_filter_bar_dispose (GObject *object)
{
  TrancheFilterBar *self = TRANCHE_FILTER_BAR (object);
  GtkWidget *child;

  tranche_filter_bar_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session_bindings);

  g_clear_pointer (&self->prepared_roles, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_FILTER_BAR);
  /* dispose_template only unparents the children bound by id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (Menu menu = 0; menu < N_MENUS; menu++)
    {
      g_clear_object (&self->menus[menu].keys);
      g_clear_object (&self->menus[menu].filter);
      g_clear_object (&self->menus[menu].filtered);
      g_clear_object (&self->menus[menu].rows);
    }
  G_OBJECT_CLASS (tranche_filter_bar_parent_class)->dispose (object);
}

static void
tranche_filter_bar_finalize (GObject *object)
{
  TrancheFilterBar *self = TRANCHE_FILTER_BAR (object);

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->filter, tranche_filter_free);
  G_OBJECT_CLASS (tranche_filter_bar_parent_class)->finalize (object);
}

static void
tranche_filter_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrancheFilterBar *self = TRANCHE_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_filter_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TrancheFilterBar *self = TRANCHE_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      tranche_filter_bar_set_session (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      tranche_filter_bar_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_FILTER:
      tranche_filter_bar_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_filter_bar_class_init (TrancheFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_filter_bar_dispose;
  object_class->finalize = tranche_filter_bar_finalize;
  object_class->get_property = tranche_filter_bar_get_property;
  object_class->set_property = tranche_filter_bar_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRANCHE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, TRANCHE_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "filter-bar.remove", "(us)", remove_action);
  gtk_widget_class_install_action (widget_class, "filter-bar.clear", NULL, clear_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, investor_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, target_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, kind_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, tag_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrancheFilterBar, chips_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tranche-filter-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEARCH);
}

static void
tranche_filter_bar_init (TrancheFilterBar *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->filter = tranche_filter_new ();
  self->session_signals = g_signal_group_new (TRANCHE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset",
                                  G_CALLBACK (session_dataset_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::mask",
                                  G_CALLBACK (session_mask_changed_cb), self);
  /* the bar is where the filter is chosen: both ways */
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "filter", self, "filter",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  build_menu (self, MENU_INVESTOR, self->investor_button);
  build_menu (self, MENU_TARGET, self->target_button);
  build_menu (self, MENU_KIND, self->kind_button);
  build_menu (self, MENU_TAG, self->tag_button);
  update_menus (self);
  update_chips (self);
  tranche_filter_bar_set_counts (self, 0, 0);
}

GtkWidget *
tranche_filter_bar_new (void)
{
  return g_object_new (TRANCHE_TYPE_FILTER_BAR, NULL);
}

TrancheSession *
tranche_filter_bar_get_session (TrancheFilterBar *self)
{
  g_return_val_if_fail (TRANCHE_IS_FILTER_BAR (self), NULL);
  return self->session;
}

void
tranche_filter_bar_set_session (TrancheFilterBar *self,
                                TrancheSession   *session)
{
  g_return_if_fail (TRANCHE_IS_FILTER_BAR (self));
  g_return_if_fail (session == NULL || TRANCHE_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  if (session != NULL)
    session_dataset_changed_cb (self);
  g_binding_group_set_source (self->session_bindings, session);
  if (session != NULL)
    session_mask_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

TrancheDataset *
tranche_filter_bar_get_dataset (TrancheFilterBar *self)
{
  g_return_val_if_fail (TRANCHE_IS_FILTER_BAR (self), NULL);
  return self->dataset;
}

void
tranche_filter_bar_set_dataset (TrancheFilterBar *self,
                                TrancheDataset   *dataset)
{
  g_return_if_fail (TRANCHE_IS_FILTER_BAR (self));

  if (self->dataset == dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  update_menus (self);
  /* Chips name entities, whose names may have changed with the file. */
  update_chips (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const TrancheFilter *
tranche_filter_bar_get_filter (TrancheFilterBar *self)
{
  g_return_val_if_fail (TRANCHE_IS_FILTER_BAR (self), NULL);
  return self->filter;
}

void
tranche_filter_bar_set_filter (TrancheFilterBar    *self,
                               const TrancheFilter *filter)
{
  g_autoptr(TrancheFilter) empty = NULL;
  const char *text;

  g_return_if_fail (TRANCHE_IS_FILTER_BAR (self));

  if (filter == NULL)
    filter = empty = tranche_filter_new ();
  if (tranche_filter_equal (self->filter, filter))
    return;
  tranche_filter_free (self->filter);
  self->filter = tranche_filter_copy (filter);
  /* The entry's delayed search-changed will find its text already applied.
   * Setting the text first empties the entry, and an emptied search entry
   * says search-changed at once: that must not clear the filter's text (nor
   * free the string being set), so it is not listened to meanwhile. */
  text = tranche_filter_get_text (self->filter);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }
  refresh_checks (self);
  changed (self);
}

void
tranche_filter_bar_set_counts (TrancheFilterBar *self,
                               guint             shown,
                               guint             total)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TRANCHE_IS_FILTER_BAR (self));

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u event", "%u events", total), total);
  else
    /* Translators: how many events the filters leave, "12 of 340 events" */
    text = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
}

void
tranche_filter_bar_focus_search (TrancheFilterBar *self)
{
  g_return_if_fail (TRANCHE_IS_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
