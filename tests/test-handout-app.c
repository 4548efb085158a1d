/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Handing out and collecting in the app, with real widgets under Xvfb:
 * File → Hand Out to Divisions… writes the files and keeps what was sent;
 * Collect Answers… lists changes and conflicts, changes nothing until
 * Merge, and the merge is one undo step; the board shows who answered. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-board-window.h"
#include "kensho-collect-dialog.h"
#include "kensho-handout-dialog.h"
#include "kensho-handout-store.h"
#include "kensho-handout.h"
#include "kensho-sheet-xml.h"
#include "test-app.h"
#include "test-gtk-util.h"

#define FY 2023
#define SENT_TEXT "雇用を促進するため、セミナー等を開催し支援に努めた。"

static KenshoApplication *the_app;

static gboolean
has_label (GtkWidget *root, const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, part))
      return TRUE;
  return FALSE;
}

/* The window of @type the window's action opened. */
static GtkWidget *
open_by_action (KenshoWindow *window, const char *action, GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WIDGET (toplevel);
    }
  g_assert_not_reached ();
}

static void
on_done (KenshoHandoutDialog *dialog, guint written, guint *result)
{
  *result = written;
}

static void
on_merged (KenshoCollectDialog *dialog, guint changed, guint *result)
{
  *result = changed;
}

/* Hands the sheet out to @chosen through the dialog, in the format at
 * @format of its drop-down; returns the folder. */
static char *
hand_out (KenshoWindow *window, const char *const *chosen, guint format)
{
  GtkWidget *dialog = open_by_action (window, "win.handout", KENSHO_TYPE_HANDOUT_DIALOG);
  g_autofree char *folder_path = g_build_filename (g_get_user_data_dir (), "handouts", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_auto(GStrv) divisions = kensho_handout_dup_divisions (kensho_window_get_sheet (window));
  g_autofree char *written_text = g_strdup_printf ("%u hand-out", g_strv_length ((char **) chosen));
  guint written = G_MAXUINT;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0755), ==, 0);
  kensho_handout_dialog_set_folder (KENSHO_HANDOUT_DIALOG (dialog), folder);
  g_assert_cmpuint (g_strv_length (divisions), ==, 20);
  for (guint i = 0; divisions[i]; i++)
    {
      GtkCheckButton *check = find_check (dialog, divisions[i]);

      g_assert_nonnull (check);
      g_assert_true (gtk_check_button_get_active (check));
      gtk_check_button_set_active (check, g_strv_contains (chosen, divisions[i]));
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_of_type (dialog, GTK_TYPE_DROP_DOWN)), format);
  g_signal_connect (dialog, "done", G_CALLBACK (on_done), &written);
  g_signal_emit_by_name (find_labelled_button (dialog, "_Hand Out"), "clicked");
  wait_for (written != G_MAXUINT);
  g_assert_cmpuint (written, ==, g_strv_length ((char **) chosen));
  g_assert_true (has_label (dialog, written_text));
  gtk_window_destroy (GTK_WINDOW (dialog));
  return g_steal_pointer (&folder_path);
}

static char *
hand_out_two (KenshoWindow *window)
{
  const char *two[] = { "商工労働課", "農政課", NULL };

  return hand_out (window, two, 0);
}

static void
test_hand_out (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "hand-out.xml");
  g_autofree char *folder = hand_out_two (window);
  g_autofree char *first = g_build_filename (folder, "商工労働課.xml", NULL);
  g_autofree char *second = g_build_filename (folder, "農政課.xml", NULL);
  g_autofree char *third = g_build_filename (folder, "住宅課.xml", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) handout = NULL;

  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));
  handout = kensho_sheet_xml_load_file (first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kensho_sheet_get_handout (handout)->division, ==, "商工労働課");

  /* The workspace keeps what was sent. */
  records = kensho_workspace_list_handouts (kensho_application_get_workspace (the_app),
                                            kensho_document_get_id (kensho_window_get_document (window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);

  /* The Excel form, for a division without Kensho. */
  {
    const char *one[] = { "住宅課", NULL };
    g_autofree char *again = hand_out (window, one, 1);
    g_autofree char *form = g_build_filename (again, "住宅課.xlsx", NULL);

    g_assert_true (g_file_test (form, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_collect_conflict_and_undo (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "collect.xml");
  KenshoSheet *sheet = kensho_window_get_sheet (window);
  g_autofree char *folder = hand_out_two (window);
  g_autofree char *answer_path = g_build_filename (folder, "商工労働課.xml", NULL);
  g_autofree char *other_path = g_build_filename (folder, "農政課.xml", NULL);
  g_autoptr(GFile) answer_file = g_file_new_for_path (answer_path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GFile) not_answer = g_file_new_for_path (g_getenv ("KENSHO_SAMPLE"));
  g_autoptr(KenshoSheet) answer = NULL;
  g_autoptr(GError) error = NULL;
  KenshoIndicator *i01 = KENSHO_INDICATOR (kensho_sheet_lookup (sheet, "i01"));
  KenshoIndicator *i03 = KENSHO_INDICATOR (kensho_sheet_lookup (sheet, "i03"));
  GtkWidget *dialog, *board;
  GtkButton *merge, *take;
  g_autoptr(GBytes) report = NULL;
  g_autofree char *report_text = NULL;
  guint changed = G_MAXUINT;

  /* The division answers; the sheet was edited meanwhile. */
  answer = kensho_sheet_xml_load_file (answer_path, &error);
  g_assert_no_error (error);
  kensho_indicator_set_commentary (KENSHO_INDICATOR (kensho_sheet_lookup (answer, "i01")), FY,
                                   KENSHO_COMMENTARY_ACTIVITIES, "課の回答");
  kensho_indicator_set_commentary (KENSHO_INDICATOR (kensho_sheet_lookup (answer, "i01")), FY,
                                   KENSHO_COMMENTARY_ISSUES, "課が書いた課題");
  kensho_indicator_set_commentary (KENSHO_INDICATOR (kensho_sheet_lookup (answer, "i03")), FY,
                                   KENSHO_COMMENTARY_ISSUES, "別の指標の課題");
  g_assert_true (kensho_sheet_xml_save_file (answer, answer_path, &error));
  kensho_indicator_set_commentary (i01, FY, KENSHO_COMMENTARY_ACTIVITIES, "企画の修正");

  dialog = open_by_action (window, "win.collect", KENSHO_TYPE_COLLECT_DIALOG);
  kensho_collect_dialog_add_file (KENSHO_COLLECT_DIALOG (dialog), not_answer);
  kensho_collect_dialog_add_file (KENSHO_COLLECT_DIALOG (dialog), answer_file);
  kensho_collect_dialog_add_file (KENSHO_COLLECT_DIALOG (dialog), other_file);
  g_assert_true (has_label (dialog, "not a hand-out"));
  /* Side by side: before, the answer, the sheet. */
  g_assert_true (has_label (dialog, SENT_TEXT));
  g_assert_true (has_label (dialog, "課の回答"));
  g_assert_true (has_label (dialog, "企画の修正"));
  merge = find_labelled_button (dialog, "_Merge");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (merge)));
  /* Nothing applied yet. */
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ACTIVITIES), ==, "企画の修正");
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ISSUES), !=, "課が書いた課題");

  take = find_labelled_button (dialog, "Take the _answer");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (take), TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (merge)));
  g_signal_connect (dialog, "merged", G_CALLBACK (on_merged), &changed);
  g_signal_emit_by_name (merge, "clicked");
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (kensho_indicator_get_commentary (i03, FY, KENSHO_COMMENTARY_ISSUES), ==, "別の指標の課題");
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ACTIVITIES), ==, "課の回答");
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ISSUES), ==, "課が書いた課題");

  /* The merge is one undo step: one Ctrl+Z takes both indicators back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (i03, FY, KENSHO_COMMENTARY_ISSUES), !=, "別の指標の課題");
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ACTIVITIES), ==, "企画の修正");
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ISSUES), !=, "課が書いた課題");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (i01, FY, KENSHO_COMMENTARY_ISSUES), ==, "課が書いた課題");

  /* The board: 商工労働課 and 農政課 merged, the report kept. */
  board = open_by_action (window, "win.board", KENSHO_TYPE_BOARD_WINDOW);
  g_assert_true (has_label (board, "商工労働課: 6 indicators"));
  g_assert_true (has_label (board, "merged"));
  g_assert_true (has_label (board, "住宅課: 1 indicator; sent: not sent"));
  report = kensho_board_window_dup_report_csv (KENSHO_BOARD_WINDOW (board));
  report_text = g_strndup (g_bytes_get_data (report, NULL), g_bytes_get_size (report));
  g_assert_nonnull (strstr (report_text, "\"商工労働課\",\"新規求人数\",\"①Activities (FY 2023)\",\"conflict, answer taken\""));
  g_assert_nonnull (strstr (report_text, "課が書いた課題"));
  gtk_window_destroy (GTK_WINDOW (board));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An answer whose tag was edited to name another division is refused:
 * the workspace knows where the hand-out went. */
static void
test_collect_wrong_division (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "wrong-division.xml");
  g_autofree char *folder = hand_out_two (window);
  g_autofree char *sent_path = g_build_filename (folder, "商工労働課.xml", NULL);
  g_autofree char *forged_path = g_build_filename (folder, "forged.xml", NULL);
  g_autoptr(GFile) forged_file = g_file_new_for_path (forged_path);
  g_autoptr(KenshoSheet) answer = NULL;
  g_autoptr(KenshoHandoutTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  answer = kensho_sheet_xml_load_file (sent_path, &error);
  g_assert_no_error (error);
  tag = kensho_handout_tag_copy (kensho_sheet_get_handout (answer));
  g_free (tag->division);
  tag->division = g_strdup ("農政課");
  kensho_sheet_set_handout (answer, tag);
  g_assert_true (kensho_sheet_xml_save_file (answer, forged_path, &error));
  g_assert_no_error (error);

  dialog = open_by_action (window, "win.collect", KENSHO_TYPE_COLLECT_DIALOG);
  kensho_collect_dialog_add_file (KENSHO_COLLECT_DIALOG (dialog), forged_file);
  g_assert_true (has_label (dialog, "forged.xml was not merged: it says it is from “農政課”, "
                                    "but the hand-out was sent to “商工労働課”."));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_labelled_button (dialog, "_Merge"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("handout-app");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add_func ("/handout-app/hand-out", test_hand_out);
  g_test_add_func ("/handout-app/collect-conflict-and-undo", test_collect_conflict_and_undo);
  g_test_add_func ("/handout-app/collect-wrong-division", test_collect_wrong_division);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
