/* tranche-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-application.h"
#include "tranche-preferences-window.h"
#include "tranche-settings.h"
#include "tranche-window.h"
#include "tranche-window-edit.h"

struct _TrancheApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (TrancheApplication, tranche_application, ADW_TYPE_APPLICATION)

static void
tranche_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (tranche_window_new (TRANCHE_APPLICATION (app)));
      tranche_window_open_sample (TRANCHE_WINDOW (window));
      gtk_window_present (window);
      /* After a crash, what was not saved is offered back first thing. */
      tranche_window_offer_recoveries (TRANCHE_WINDOW (window));
      return;
    }
  gtk_window_present (window);
}

static void
tranche_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      TrancheWindow *window = tranche_window_new (TRANCHE_APPLICATION (app));
      tranche_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (tranche_preferences_window_new (parent)));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  static const char *developers[] = { "The Tranche developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Tranche"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Tranche developers"),
                         "developers", developers,
                         "comments", _("See how money flows into companies over time"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The style preference maps onto libadwaita's colour schemes. */
static void
apply_style_variant (TrancheApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint variant = g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (variant, G_N_ELEMENTS (schemes) - 1)]);
}

static void
tranche_application_startup (GApplication *app)
{
  TrancheApplication *self = TRANCHE_APPLICATION (app);
  static const GActionEntry actions[] = {
    { .name = "quit", .activate = quit_activated_cb },
    { .name = "preferences", .activate = preferences_activated_cb },
    { .name = "about", .activate = about_activated_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (tranche_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  self->settings = tranche_settings_new ();
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (apply_style_variant), self, G_CONNECT_SWAPPED);
  apply_style_variant (self);
}

static void
tranche_application_shutdown (GApplication *app)
{
  TrancheApplication *self = TRANCHE_APPLICATION (app);

  g_clear_object (&self->settings);
  G_APPLICATION_CLASS (tranche_application_parent_class)->shutdown (app);
}

static void
tranche_application_class_init (TrancheApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = tranche_application_activate;
  app_class->open = tranche_application_open;
  app_class->startup = tranche_application_startup;
  app_class->shutdown = tranche_application_shutdown;
}

static void
tranche_application_init (TrancheApplication *self)
{
}

TrancheApplication *
tranche_application_new (void)
{
  return g_object_new (TRANCHE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/tranche/Tranche",
                       NULL);
}

int
tranche_application_run_with_files (TrancheApplication *self,
                                    const char * const *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_return_val_if_fail (TRANCHE_IS_APPLICATION (self), 1);

  /* Options were parsed in main(); GApplication only sees the files. */
  g_ptr_array_add (argv, (gpointer) g_get_prgname ());
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) files[i]);
  g_ptr_array_add (argv, NULL);
  return g_application_run (G_APPLICATION (self), argv->len - 1, (char **) argv->pdata);
}
