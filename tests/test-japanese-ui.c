/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Under ja_JP.UTF-8 the whole UI is Japanese: the window, the indicator
 * form with its column names, and the command line's messages. The test
 * runs in that locale (see tests/meson.build) with the build tree's
 * translations (KENSHO_LOCALEDIR). */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>

#include "kensho-application.h"
#include "kensho-i18n.h"
#include "kensho-window.h"
#include "test-app.h"
#include "test-gtk-util.h"

/* Every text shown by labels and buttons under @widget. */
static void
collect_texts (GtkWidget *widget, GHashTable *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_hash_table_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_hash_table_add (texts, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
assert_japanese (GHashTable *texts, const char * const *japanese, const char * const *english)
{
  for (guint i = 0; japanese[i]; i++)
    if (!g_hash_table_contains (texts, japanese[i]))
      g_error ("“%s” is not shown", japanese[i]);
  for (guint i = 0; english[i]; i++)
    if (g_hash_table_contains (texts, english[i]))
      g_error ("“%s” is shown untranslated", english[i]);
}

static void
test_window_in_japanese (void)
{
  KenshoApplication *app = kensho_application_new ();
  KenshoWindow *window;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "sheet.xml", NULL);
  g_autoptr(GPtrArray) indicators = NULL;
  gsize length;
  static const char * const start_ja[] = { "保存(_S)", "開く(_O)…", "サンプルを開く(_S)", NULL };
  static const char * const start_en[] = { "_Save", "_Open…", "Open the _Sample", "Recent Sheets", NULL };
  static const char * const form_ja[] = { "①令和5年度の主な取組・事業実施状況", "数値", "進捗が遅れている理由",
                                          "種別(_K)", "担当課(_R)", NULL };
  static const char * const form_en[] = { "① Activities in 令和5年度", "Values", "Reason for delay", "_Kind",
                                          "_Responsible division", "Progress", NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = kensho_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  collect_texts (GTK_WIDGET (window), texts);
  assert_japanese (texts, start_ja, start_en);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  file = g_file_new_for_path (copy);
  kensho_window_open_file (window, file);
  wait_idle ();
  indicators = kensho_sheet_dup_indicators (kensho_window_get_sheet (window));
  g_assert_true (kensho_strategy_tree_select (kensho_window_get_tree (window), g_ptr_array_index (indicators, 1)));
  wait_idle ();
  g_hash_table_remove_all (texts);
  collect_texts (kensho_window_get_form (window), texts);
  assert_japanese (texts, form_ja, form_en);
  /* The value columns are named after the fiscal year, in Japanese. */
  g_assert_true (g_hash_table_contains (texts, "令和5年度実績値"));
  assert_unique_mnemonics (GTK_WIDGET (window));

  kensho_window_close_for_quit (window);
  wait_idle ();
  g_object_unref (app);
}

static void
test_cli_in_japanese (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "malformed", "bad-number.xml", NULL);
  const char *argv[] = { g_getenv ("KENSHO_CLI"), "validate", bad, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "数値ではありません"));
  g_assert_null (strstr (err, "is not a number"));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("ja");
  int result;

  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  kensho_i18n_init ();
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "ja_JP.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/japanese/window", test_window_in_japanese);
  g_test_add_func ("/japanese/cli", test_cli_in_japanese);
  result = g_test_run ();
  test_remove_home (home);
  return result;
}
