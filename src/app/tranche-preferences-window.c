/* tranche-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-preferences-window.h"
#include "tranche-settings.h"

struct _TranchePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (TranchePreferencesWindow, tranche_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The combo rows list the enum's nicks in schema order, so a row's position
 * and the enum's value are the same number. */
static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

static void
tranche_preferences_window_dispose (GObject *object)
{
  TranchePreferencesWindow *self = TRANCHE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (tranche_preferences_window_parent_class)->dispose (object);
}

static void
tranche_preferences_window_class_init (TranchePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TranchePreferencesWindow, style_row);
}

static void
tranche_preferences_window_init (TranchePreferencesWindow *self)
{
  static const char * const style_nicks[] = { "follow", "light", "dark", NULL };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) lanes = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = tranche_settings_new ();
  g_settings_bind_with_mapping (self->settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) style_nicks, NULL);
  /* The lane choices are radio rows on the setting's own action. */
  lanes = g_settings_create_action (self->settings, "lane-grouping");
  g_action_map_add_action (G_ACTION_MAP (group), lanes);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "prefs", G_ACTION_GROUP (group));
}

TranchePreferencesWindow *
tranche_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TRANCHE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
