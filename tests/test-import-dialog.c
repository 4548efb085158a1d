/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File → Import Spreadsheet… and Export as Excel Workbook, with real
 * widgets under Xvfb: the worksheet chooser, the column drop-downs, the
 * problems list, the new unsaved sheet, and the .xlsx written. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>

#include "kensho-document.h"
#include "kensho-import-dialog.h"
#include "kensho-sheet-import.h"
#include "test-app.h"
#include "test-gtk-util.h"
#include "test-run.h"

static KenshoApplication *the_app;

static GtkWindow *
find_toplevel (GType type, gpointer not_this)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && window != not_this &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_toplevel (GType type, gpointer not_this)
{
  GtkWindow *window;

  wait_for ((window = find_toplevel (type, not_this)) != NULL);
  return window;
}

static guint
n_indicators (KenshoSheet *sheet)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  return indicators->len;
}

/* File → Import Spreadsheet…, then @file chosen in the file chooser. */
static void
choose_file_to_import (KenshoWindow *window, GFile *file)
{
  GtkWindow *chooser;

  wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-spreadsheet", NULL));
  chooser = wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  wait_drawn (GTK_WIDGET (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

static void
test_import_dialog (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "make-isesaki-xlsx.py", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "isesaki.xlsx", NULL);
  const char *argv[] = { g_getenv ("KENSHO_PYTHON"), script, g_getenv ("KENSHO_SAMPLE"), path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KenshoWindow *window = test_open_sample_copy (the_app, "import-base.xml");
  KenshoImportDialog *dialog;
  KenshoWindow *imported;
  KenshoDocument *document;
  GtkDropDown *kpi_column;
  g_auto(Run) run = { 0 };

  run_argv (&run, argv);
  g_assert_cmpint (run.status, ==, 0);

  /* Ctrl+Shift+O asks for the file. */
  choose_file_to_import (window, file);

  dialog = KENSHO_IMPORT_DIALOG (wait_toplevel (KENSHO_TYPE_IMPORT_DIALOG, NULL));
  wait_drawn (GTK_WIDGET (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* Two worksheets: the chooser shows; the headings were recognised. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (kensho_import_dialog_get_sheet_chooser (dialog))));
  g_assert_cmpuint (kensho_import_dialog_get_n_problems (dialog), ==, 0);
  g_assert_cmpuint (n_indicators (kensho_import_dialog_get_sheet (dialog)), ==, 47);

  /* Column E mapped to nothing: the KPI rows are reported, not dropped. */
  kpi_column = kensho_import_dialog_get_column_chooser (dialog, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (kpi_column), ==, KENSHO_IMPORT_KPI_NAME);
  gtk_drop_down_set_selected (kpi_column, KENSHO_IMPORT_IGNORE);
  g_assert_cmpuint (kensho_import_dialog_get_n_problems (dialog), ==, 41);
  g_assert_cmpuint (n_indicators (kensho_import_dialog_get_sheet (dialog)), ==, 6);
  gtk_drop_down_set_selected (kpi_column, KENSHO_IMPORT_KPI_NAME);
  g_assert_cmpuint (kensho_import_dialog_get_n_problems (dialog), ==, 0);

  /* The other worksheet holds no sheet: nothing to import. */
  gtk_drop_down_set_selected (kensho_import_dialog_get_sheet_chooser (dialog), 1);
  g_assert_null (kensho_import_dialog_get_sheet (dialog));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL) &&
                  find_toplevel (KENSHO_TYPE_WINDOW, window) != NULL);
  gtk_drop_down_set_selected (kensho_import_dialog_get_sheet_chooser (dialog), 0);
  g_assert_cmpuint (n_indicators (kensho_import_dialog_get_sheet (dialog)), ==, 47);

  /* Import: a new window with the sheet, unsaved and without a file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  imported = KENSHO_WINDOW (wait_toplevel (KENSHO_TYPE_WINDOW, window));
  document = kensho_window_get_document (imported);
  g_assert_nonnull (document);
  g_assert_null (kensho_document_get_path (document));
  g_assert_cmpuint (n_indicators (kensho_window_get_sheet (imported)), ==, 47);
  g_assert_null (find_toplevel (KENSHO_TYPE_IMPORT_DIALOG, NULL));

  kensho_window_close_for_quit (imported);
  kensho_window_close_for_quit (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
}

/* A file that is no workbook is refused with a message; no dialog. */
static void
test_import_refused (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "text.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KenshoWindow *window = test_open_sample_copy (the_app, "import-refused.xml");
  GtkWindow *message;

  g_assert_true (g_file_set_contents (path, "no zip", -1, NULL));
  choose_file_to_import (window, file);
  message = wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "not a zip archive"));
  g_assert_null (find_toplevel (KENSHO_TYPE_IMPORT_DIALOG, NULL));
  gtk_window_destroy (message);
  kensho_window_close_for_quit (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
}

/* Export as Excel Workbook writes a workbook the import reads back. */
static void
test_export_xlsx (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "exported.xlsx", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  KenshoWindow *window = test_open_sample_copy (the_app, "export-base.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  GtkWindow *chooser;

  g_remove (path);
  wait_drawn (GTK_WIDGET (window));
  /* The chooser starts in the current folder (as in test-window). */
  g_assert_cmpint (g_chdir (g_get_user_data_dir ()), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-xlsx", NULL));
  chooser = wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "exported.xlsx");
  wait_drawn (GTK_WIDGET (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for (g_file_test (path, G_FILE_TEST_EXISTS) || find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL);
  if (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL)
    g_error ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL))));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  back = kensho_sheet_import_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_indicators (back), ==, 47);
  kensho_window_close_for_quit (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("import-dialog");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();
  g_test_add_func ("/import-dialog/import", test_import_dialog);
  g_test_add_func ("/import-dialog/refused", test_import_refused);
  g_test_add_func ("/import-dialog/export-xlsx", test_export_xlsx);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
