/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Preferences window (Ctrl+comma): each row changes its setting, and
 * the settings change what the app does. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-preferences-window.h"
#include "test-app.h"
#include "test-gtk-util.h"

static KenshoApplication *the_app;

/* Ctrl+comma in a window opens the Preferences; each row writes its key at
 * once, and follows the key when it changes elsewhere. */
static void
test_rows_bound (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KenshoWorkspace *workspace = kensho_application_get_workspace (the_app);
  KenshoWindow *window = kensho_window_new (the_app);
  GtkWindow *preferences;
  GtkSpinButton *history;
  GtkEditable *name;
  GtkSwitch *notice;

  gtk_window_present (GTK_WINDOW (window));
  wait_drawn (GTK_WIDGET (window));
  g_assert_null (find_toplevel_of_type (KENSHO_TYPE_PREFERENCES_WINDOW));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_comma, GDK_CONTROL_MASK));
  preferences = find_toplevel_of_type (KENSHO_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  wait_drawn (GTK_WIDGET (preferences));
  {
    /* Alt+V, Alt+U and Alt+N: one a row, none shared. */
    g_autoptr(GHashTable) mnemonics = g_hash_table_new (NULL, NULL);

    collect_mnemonics (GTK_WIDGET (preferences), mnemonics);
    g_assert_cmpuint (g_hash_table_size (mnemonics), ==, 3);
  }

  /* History length: the workspace keeps that many versions from now on. */
  history = GTK_SPIN_BUTTON (find_of_type (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (history), ==, 20);
  gtk_spin_button_set_value (history, 35);
  g_assert_cmpuint (g_settings_get_uint (settings, "history-limit"), ==, 35);
  g_assert_cmpuint (kensho_workspace_get_history_limit (workspace), ==, 35);
  g_settings_set_uint (settings, "history-limit", 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (history), ==, 7);
  g_assert_cmpuint (kensho_workspace_get_history_limit (workspace), ==, 7);

  /* The name on lock files. */
  name = GTK_EDITABLE (find_of_type (GTK_WIDGET (preferences), GTK_TYPE_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "");
  gtk_editable_set_text (name, "山田 花子");
  {
    g_autofree char *person = g_settings_get_string (settings, "person-name");

    g_assert_cmpstr (person, ==, "山田 花子");
  }

  /* The notice of edits brought back. */
  notice = GTK_SWITCH (find_of_type (GTK_WIDGET (preferences), GTK_TYPE_SWITCH));
  g_assert_true (gtk_switch_get_active (notice));
  gtk_switch_set_active (notice, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "autosave-notice"));

  /* Escape closes it; each change is already kept. */
  g_assert_true (press_key (preferences, GDK_KEY_Escape, 0));
  wait_for (find_toplevel_of_type (KENSHO_TYPE_PREFERENCES_WINDOW) == NULL);
  g_assert_false (g_settings_get_boolean (settings, "autosave-notice"));

  g_settings_reset (settings, "history-limit");
  g_settings_reset (settings, "person-name");
  g_settings_reset (settings, "autosave-notice");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A sheet left open with edits not saved to its file comes back at the
 * next start; the window says so unless the notice is turned off. Each
 * case starts the app afresh, in a child process. */
static void
test_autosave_notice (gconstpointer data)
{
  gboolean notice = GPOINTER_TO_INT (data);
  g_autoptr(KenshoApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *text = "Edits not saved to the file came back from the workspace.";
  KenshoWindow *window;
  KenshoWindow *restored = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  app = test_app_new ();
  settings = g_settings_new (APP_ID);
  window = test_open_sample_copy (app, "notice.xml");
  kensho_sheet_set_title (kensho_window_get_sheet (window), "手直しした題");
  g_assert_true (kensho_document_get_unsaved (kensho_window_get_document (window)));
  g_assert_true (kensho_workspace_flush (kensho_application_get_workspace (app), NULL));
  /* Quitting keeps the sheet marked open, to come back. */
  kensho_window_close_for_quit (window);
  g_settings_set_boolean (settings, "autosave-notice", notice);

  g_application_activate (G_APPLICATION (app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (KENSHO_IS_WINDOW (l->data) && kensho_window_get_sheet (l->data) != NULL)
      restored = l->data;
  g_assert_nonnull (restored);
  g_assert_cmpstr (kensho_sheet_get_title (kensho_window_get_sheet (restored)), ==, "手直しした題");
  wait_drawn (GTK_WIDGET (restored));
  collect_label_texts (GTK_WIDGET (restored), labels);
  g_assert_true ((strstr (labels->str, text) != NULL) == notice);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("preferences");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  if (!g_test_subprocess ())
    the_app = test_app_new ();

  g_test_add_func ("/preferences/rows-bound", test_rows_bound);
  g_test_add_data_func ("/preferences/autosave-notice/on", GINT_TO_POINTER (TRUE), test_autosave_notice);
  g_test_add_data_func ("/preferences/autosave-notice/off", GINT_TO_POINTER (FALSE), test_autosave_notice);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
