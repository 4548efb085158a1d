/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app started as a desktop starts it, with a workspace that cannot be
 * used (`kensho --workspace /some/file.xml/ws.db sheet.xml`): a window
 * says why and where, and offers a temporary workspace. Each case runs the
 * whole application in a child process of its own. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>

#include "kensho-application.h"
#include "kensho-window.h"
#include "test-app.h"

typedef struct
{
  const char *response;   /* what the user answers */
  char *workspace_path;   /* the one that cannot be used */
  guint n_questions;
  gboolean sheet_shown;
  char *temporary_dir;    /* of the workspace used instead */
} Startup;

/* The user answers once the question is on screen. */
static void
answer (gpointer data)
{
  GtkWindow *dialog = data;
  KenshoApplication *app = KENSHO_APPLICATION (gtk_window_get_application (dialog));
  Startup *startup = g_object_get_data (G_OBJECT (app), "startup");
  KenshoWorkspace *workspace;

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), startup->response);
  /* As its buttons do after the response. */
  gtk_window_destroy (dialog);
  workspace = kensho_application_get_workspace (app);
  if (workspace == NULL)
    return;
  /* The sheet is open, in a workspace of its own elsewhere. */
  g_assert_cmpstr (kensho_workspace_get_path (workspace), !=, startup->workspace_path);
  startup->temporary_dir = g_path_get_dirname (kensho_workspace_get_path (workspace));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (KENSHO_IS_WINDOW (l->data) && kensho_window_get_sheet (l->data) != NULL)
      startup->sheet_shown = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
on_question_mapped (GtkWidget *dialog, gpointer data)
{
  g_idle_add_once (answer, dialog);
}

static void
on_window_added (GtkApplication *app, GtkWindow *window, Startup *startup)
{
  const char *body;

  if (!ADW_IS_MESSAGE_DIALOG (window))
    return;
  startup->n_questions++;
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), ==,
                   "The Workspace Cannot Be Used");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window));
  g_test_message ("%s", body);
  /* Where the workspace is, and why it cannot be used, on one line. */
  g_assert_nonnull (strstr (body, startup->workspace_path));
  g_assert_nonnull (strstr (body, "Not a directory"));
  g_assert_null (strchr (body, '\n'));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), "temporary"));
  g_signal_connect (window, "map", G_CALLBACK (on_question_mapped), NULL);
}

/* Runs the app on a workspace under a file, with the sample copied in as
 * the sheet to open when with_sheet. */
static void
run_app (Startup *startup, gboolean with_sheet)
{
  g_autofree char *sheet = g_build_filename (g_get_user_data_dir (), "sheet.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KenshoApplication) app = kensho_application_new ();
  const char *argv[] = { "kensho", "--workspace", NULL, with_sheet ? sheet : NULL, NULL };
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (sheet, contents, (gssize) length, NULL));
  startup->workspace_path = g_build_filename (sheet, "ws.db", NULL);
  argv[2] = startup->workspace_path;

  g_object_set_data (G_OBJECT (app), "startup", startup);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), startup);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), with_sheet ? 4 : 3, (char **) argv), ==, 0);

  /* The sheet given is as it was. */
  {
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (sheet, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }
  if (startup->temporary_dir != NULL)
    test_remove_home (startup->temporary_dir);
}

typedef struct
{
  const char *response;
  gboolean with_sheet;
} Case;

static const Case cases[] = {
  { "temporary", TRUE },
  { "temporary", FALSE },
  { "quit", TRUE },
  { "quit", FALSE },
};

/* With a file: the double-click path, which crashed. Without: started
 * from the menu, which ended silently. */
static void
test_startup (gconstpointer data)
{
  const Case *test_case = data;
  gboolean temporary = g_str_equal (test_case->response, "temporary");
  Startup startup = { .response = test_case->response };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  run_app (&startup, test_case->with_sheet);
  g_assert_cmpuint (startup.n_questions, ==, 1);
  g_assert_true ((startup.temporary_dir != NULL) == temporary);
  g_assert_true (startup.sheet_shown == (temporary && test_case->with_sheet));
  g_free (startup.workspace_path);
  g_free (startup.temporary_dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("startup");
  int result;

  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/startup/%s-file-%s", cases[i].with_sheet ? "with" : "without",
                                               cases[i].response);

      g_test_add_data_func (name, &cases[i], test_startup);
    }
  result = g_test_run ();
  test_remove_home (home);
  return result;
}
