/* tranche-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-application.h"
#include "tranche-window.h"

struct _TrancheApplication
{
  AdwApplication parent_instance;
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
tranche_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { .name = "quit", .activate = quit_activated_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (tranche_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
tranche_application_class_init (TrancheApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = tranche_application_activate;
  app_class->open = tranche_application_open;
  app_class->startup = tranche_application_startup;
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
