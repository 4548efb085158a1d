/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "kensho-application.h"
#include "kensho-preferences-window.h"
#include "kensho-window.h"

struct _KenshoApplication
{
  AdwApplication parent_instance;
  char *workspace_path;
  KenshoWorkspace *workspace;
  GError *workspace_error;   /* why the workspace could not be opened */
  GtkWindow *workspace_dialog;
  GPtrArray *pending_files;  /* to open once there is a workspace */
  GSettings *settings;
  gboolean restored;
  gboolean notice_shown;
  gboolean quit_after_first_frame; /* benchmarks: start to first frame */
};

G_DEFINE_FINAL_TYPE (KenshoApplication, kensho_application, ADW_TYPE_APPLICATION)

#define MAX_RECENT 12

/* The sample: installed beside the program, or in the source tree when
 * Kensho runs from its build folder. KENSHO_SAMPLE overrides both. */
char *
kensho_application_dup_sample_path (void)
{
  const char *override = g_getenv ("KENSHO_SAMPLE");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", "isesaki-r5.xml", NULL);

  if (override != NULL)
    return g_strdup (override);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  return g_strdup (SOURCE_SAMPLE);
}

KenshoWorkspace *
kensho_application_get_workspace (KenshoApplication *self)
{
  return self->workspace;
}

GSettings *
kensho_application_get_settings (KenshoApplication *self)
{
  return self->settings;
}

void
kensho_application_add_recent (KenshoApplication *self, const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (path == NULL)
    return;
  old = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static KenshoWindow *
empty_window (KenshoApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l; l = l->next)
    if (KENSHO_IS_WINDOW (l->data) && kensho_window_is_empty (l->data))
      return l->data;
  return kensho_window_new (self);
}

/* Sheets open when the app last ran come back, with what was typed. */
static guint
restore_open_sheets (KenshoApplication *self)
{
  g_autoptr(GPtrArray) entries = kensho_workspace_list (self->workspace, NULL);
  guint restored = 0;

  if (self->restored || entries == NULL)
    return 0;
  self->restored = TRUE;
  for (guint i = 0; i < entries->len; i++)
    {
      KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(KenshoDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      KenshoWindow *window;

      if (!entry->open)
        continue;
      document = kensho_document_restore (self->workspace, entry->id, &error);
      if (document == NULL)
        {
          g_warning ("Could not restore sheet %" G_GINT64_FORMAT ": %s", entry->id, error->message);
          continue;
        }
      window = empty_window (self);
      kensho_window_set_document (window, document);
      gtk_window_present (GTK_WINDOW (window));
      if (kensho_document_get_unsaved (document) && g_settings_get_boolean (self->settings, "autosave-notice"))
        kensho_window_add_toast (window, _("Edits not saved to the file came back from the workspace."));
      restored++;
    }
  return restored;
}

static void
show_workspace_notice (KenshoApplication *self, GtkWindow *window)
{
  const char *notice = kensho_workspace_get_notice (self->workspace);
  GtkWidget *dialog;

  if (notice == NULL || self->notice_shown)
    return;
  self->notice_shown = TRUE;
  dialog = adw_message_dialog_new (window, _("A New Workspace Was Started"), notice);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --quit-after-first-frame (benchmarks): quits as soon as the window has
 * drawn its first frame, with the sheet in it. */
static void
on_first_frame (GdkFrameClock *clock, KenshoApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  /* The benchmark stops its clock at this line, not when the app is gone. */
  g_print ("first frame\n");
  fflush (stdout);
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static void
quit_after_first_frame (KenshoApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  GdkSurface *surface;

  if (!self->quit_after_first_frame || windows == NULL)
    return;
  self->quit_after_first_frame = FALSE;
  gtk_widget_realize (windows->data);
  surface = gtk_native_get_surface (GTK_NATIVE (windows->data));
  g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

static void
show_start (KenshoApplication *self)
{
  GtkWindow *window;

  if (restore_open_sheets (self) == 0)
    {
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (window == NULL)
        window = GTK_WINDOW (kensho_window_new (self));
      gtk_window_present (window);
    }
  show_workspace_notice (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
  quit_after_first_frame (self);
}

static void
open_files (KenshoApplication *self, GFile **files, guint n_files)
{
  restore_open_sheets (self);
  for (guint i = 0; i < n_files; i++)
    {
      KenshoWindow *window = empty_window (self);

      gtk_window_present (GTK_WINDOW (window));
      kensho_window_open_file (window, files[i]);
    }
  show_workspace_notice (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
  quit_after_first_frame (self);
}

/* The Preferences' history length applies at once. */
static void
apply_history_limit (KenshoApplication *self)
{
  if (self->workspace != NULL)
    kensho_workspace_set_history_limit (self->workspace, g_settings_get_uint (self->settings, "history-limit"));
}

static void
set_workspace (KenshoApplication *self, KenshoWorkspace *workspace)
{
  self->workspace = workspace;
  apply_history_limit (self);
}

/* A workspace of its own in a new temporary folder, kept after Kensho
 * quits: what was typed there is never removed behind the user's back. */
static gboolean
use_temporary_workspace (KenshoApplication *self, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KenshoWorkspace *workspace;

  if ((dir = g_dir_make_tmp ("kensho-workspace-XXXXXX", error)) == NULL)
    return FALSE;
  path = g_build_filename (dir, "workspace.db", NULL);
  if ((workspace = kensho_workspace_open (path, error)) == NULL)
    return FALSE;
  set_workspace (self, workspace);
  g_clear_error (&self->workspace_error);
  return TRUE;
}

static void
on_workspace_choice (AdwMessageDialog *dialog, const char *response, KenshoApplication *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);
  g_autoptr(GError) error = NULL;

  self->workspace_dialog = NULL;
  if (!g_str_equal (response, "temporary"))
    return;
  if (!use_temporary_workspace (self, &error))
    {
      g_printerr ("%s\n", error->message);
      return;
    }
  /* Shown before the question closes, so that the app does not end. */
  if (files != NULL && files->len > 0)
    open_files (self, (GFile **) files->pdata, files->len);
  else
    show_start (self);
}

/* Without a workspace nothing typed would be safe: the user is told why
 * and where, and may go on in a temporary one. */
static void
ask_about_workspace (KenshoApplication *self, GFile **files, guint n_files)
{
  const char *path = self->workspace_path;
  g_autofree char *default_path = path ? NULL : kensho_workspace_get_default_path ();
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->pending_files == NULL)
    self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_files, g_object_ref (files[i]));
  if (self->workspace_dialog != NULL)
    {
      gtk_window_present (self->workspace_dialog);
      return;
    }
  if (path == NULL)
    path = default_path;
  /* Not every reason names the workspace: then it goes first. */
  body = strstr (self->workspace_error->message, path) != NULL
           ? g_strdup (self->workspace_error->message)
           : g_strdup_printf ("%s: %s", path, self->workspace_error->message);
  dialog = adw_message_dialog_new (NULL, _("The Workspace Cannot Be Used"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "temporary", _("Use a _Temporary Workspace"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "temporary");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_workspace_choice), self);
  self->workspace_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kensho_application_activate (GApplication *app)
{
  KenshoApplication *self = KENSHO_APPLICATION (app);

  if (self->workspace == NULL)
    ask_about_workspace (self, NULL, 0);
  else
    show_start (self);
}

static void
kensho_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  KenshoApplication *self = KENSHO_APPLICATION (app);

  if (self->workspace == NULL)
    ask_about_workspace (self, files, (guint) n_files);
  else
    open_files (self, files, (guint) n_files);
}

static void
on_quit (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  KenshoApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Quitting keeps every sheet as it is: all is in the workspace already,
   * and the open ones come back at the next start. */
  for (GList *l = windows; l; l = l->next)
    if (KENSHO_IS_WINDOW (l->data))
      kensho_window_close_for_quit (l->data);
  g_list_free (windows);
  /* No workspace while the window saying why it cannot be used is up. */
  if (self->workspace != NULL)
    kensho_workspace_flush (self->workspace, NULL);
  g_application_quit (G_APPLICATION (self));
}

static void
on_about (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  KenshoApplication *self = user_data;
  static const char *developers[] = { "Kensho developers", NULL };
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Kensho"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APPLICATION_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("An editor for the yearly KPI verification sheets of a regional strategy."));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), PACKAGE_URL);
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about), PACKAGE_BUGREPORT);
  /* TRANSLATORS: your name, shown in the About window */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_preferences (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  KenshoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (kensho_preferences_window_new (parent, self->settings));
}

/* A session logout or kill sends SIGTERM: leave as on Ctrl+Q, with every
 * edit written and the locks beside shared files removed. */
static gboolean
on_terminate (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit, NULL, NULL, NULL },
  { "about", on_about, NULL, NULL, NULL },
  { "preferences", on_preferences, NULL, NULL, NULL },
};

static void
kensho_application_startup (GApplication *app)
{
  KenshoApplication *self = KENSHO_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  KenshoWorkspace *workspace;

  G_APPLICATION_CLASS (kensho_application_parent_class)->startup (app);

  /* Uninstalled, `meson devenv` points GSETTINGS_SCHEMA_DIR at the build. */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::history-limit", G_CALLBACK (apply_history_limit), self,
                           G_CONNECT_SWAPPED);
  workspace = kensho_workspace_open (self->workspace_path, &error);
  if (workspace != NULL)
    set_workspace (self, workspace);
  else
    {
      /* Asked about when the first window would show. */
      g_printerr ("%s\n", error->message);
      self->workspace_error = g_steal_pointer (&error);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  g_unix_signal_add (SIGTERM, on_terminate, app);
  g_unix_signal_add (SIGINT, on_terminate, app);
}

static void
kensho_application_shutdown (GApplication *app)
{
  KenshoApplication *self = KENSHO_APPLICATION (app);

  if (self->workspace != NULL)
    kensho_workspace_flush (self->workspace, NULL);
  G_APPLICATION_CLASS (kensho_application_parent_class)->shutdown (app);
}

static int
kensho_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  KenshoApplication *self = KENSHO_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "workspace", "^&ay", &path))
    {
      g_free (self->workspace_path);
      self->workspace_path = g_canonicalize_filename (path, NULL);
      /* A separate workspace is a separate instance (tests, benchmarks). */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  g_variant_dict_lookup (options, "quit-after-first-frame", "b", &self->quit_after_first_frame);
  return -1;
}

static void
kensho_application_dispose (GObject *object)
{
  KenshoApplication *self = KENSHO_APPLICATION (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  G_OBJECT_CLASS (kensho_application_parent_class)->dispose (object);
}

static void
kensho_application_finalize (GObject *object)
{
  g_free (KENSHO_APPLICATION (object)->workspace_path);
  g_clear_error (&KENSHO_APPLICATION (object)->workspace_error);
  G_OBJECT_CLASS (kensho_application_parent_class)->finalize (object);
}

static void
kensho_application_class_init (KenshoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kensho_application_dispose;
  object_class->finalize = kensho_application_finalize;
  app_class->activate = kensho_application_activate;
  app_class->open = kensho_application_open;
  app_class->startup = kensho_application_startup;
  app_class->shutdown = kensho_application_shutdown;
  app_class->handle_local_options = kensho_application_handle_local_options;
}

static void
kensho_application_init (KenshoApplication *self)
{
  static const GOptionEntry options[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use this workspace database instead of your own"), N_("PATH") },
    /* For benchmarks (bench/run-benchmarks.sh); hidden, so not translated. */
    { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      "Quit once the window has drawn its first frame", NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

KenshoApplication *
kensho_application_new (void)
{
  return g_object_new (KENSHO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/jp/kensho/Kensho",
                       NULL);
}
