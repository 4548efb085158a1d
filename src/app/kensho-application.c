/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-application.h"
#include "kensho-window.h"

struct _KenshoApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (KenshoApplication, kensho_application, ADW_TYPE_APPLICATION)

static void
kensho_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (kensho_window_new (KENSHO_APPLICATION (app)));
  gtk_window_present (window);
}

static void
kensho_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      KenshoWindow *window = kensho_window_new (KENSHO_APPLICATION (app));

      kensho_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
on_quit (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit, NULL, NULL, NULL },
};

static void
kensho_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (kensho_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

static void
kensho_application_class_init (KenshoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = kensho_application_activate;
  app_class->open = kensho_application_open;
  app_class->startup = kensho_application_startup;
}

static void
kensho_application_init (KenshoApplication *self)
{
}

KenshoApplication *
kensho_application_new (void)
{
  return g_object_new (KENSHO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/jp/kensho/Kensho",
                       NULL);
}
