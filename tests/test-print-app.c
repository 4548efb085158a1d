/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing through GTK: KenshoPrintOperation exported to a PDF by GTK's
 * own print machinery, the remembered page setup, and the preview window. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <adwaita.h>

#include "kensho-print-operation.h"
#include "kensho-print-preview.h"
#include "kensho-sheet-xml.h"
#include "test-pdf.h"
#include "test-sample.h"
#include "test-gtk-util.h"

static void
on_done (GtkPrintOperation *operation, GtkPrintOperationResult result, gpointer data)
{
  *(GtkPrintOperationResult *) data = result;
}

/* Runs @operation and waits for ::done. */
static GtkPrintOperationResult
run_to_done (KenshoPrintOperation *operation, GtkPrintOperationAction action)
{
  GtkPrintOperationResult done = -1;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_signal_connect (operation, "done", G_CALLBACK (on_done), &done);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, NULL, &error);
  g_assert_no_error (error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    wait_for ((int) done != -1);
  return (int) done == -1 ? result : done;
}

static void
test_export_through_gtk (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KenshoPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) remembered = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *pdf = artifact ("gtk-export.pdf");
  g_autofree char *text = NULL;
  double width, height;
  guint n_pages;

  g_settings_reset (settings, "print-settings");
  g_settings_reset (settings, "page-setup");
  operation = kensho_print_operation_new (sheet, settings);
  /* What a user would have chosen in the dialog. */
  {
    g_autoptr(GtkPrintSettings) chosen = gtk_print_settings_new ();

    gtk_print_settings_set_n_copies (chosen, 2);
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), chosen);
  }
  g_remove (pdf);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (run_to_done (operation, GTK_PRINT_OPERATION_ACTION_EXPORT), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);

  /* GTK drew the layout's pages, A3 landscape by default. */
  n_pages = kensho_print_layout_get_n_pages (kensho_print_operation_get_layout (operation));
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpuint (pdf_pages (pdf, &width, &height), ==, n_pages);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  text = pdf_text (pdf, 0);
  for (guint i = 0; i < indicators->len; i++)
    assert_contains (text, kensho_indicator_get_name (g_ptr_array_index (indicators, i)));
  {
    g_autofree char *last = pdf_text (pdf, n_pages);
    g_autofree char *number = g_strdup_printf ("%u/%u", n_pages, n_pages);

    g_assert_true (g_str_has_suffix (last, number));
  }

  /* The settings and page setup are remembered for the next time. */
  stored = g_settings_get_value (settings, "print-settings");
  {
    g_autoptr(GtkPrintSettings) restored = gtk_print_settings_new_from_gvariant (stored);
    g_autoptr(KenshoPrintOperation) next = kensho_print_operation_new (sheet, settings);

    g_assert_cmpint (gtk_print_settings_get_n_copies (restored), ==, 2);
    g_assert_cmpint (gtk_print_settings_get_n_copies (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (next))),
                     ==, 2);
  }
  remembered = kensho_print_operation_load_page_setup (settings);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (remembered)), ==, GTK_PAPER_NAME_A3);
  g_assert_cmpint (gtk_page_setup_get_orientation (remembered), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
}

/* The dialog's tab of Kensho's options: what is ticked reaches the layout,
 * is remembered, and is what GTK prints next time. */
static void
test_custom_widget (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KenshoPrintOperation) operation = NULL;
  g_autoptr(KenshoPrintOperation) next = NULL;
  g_autoptr(KenshoPrintOperation) summary_only = NULL;
  g_autoptr(GObject) widget = NULL;
  g_autoptr(GObject) none = NULL;
  KenshoPrintLayout *layout;
  GtkCheckButton *summary;
  GtkCheckButton *achievement;
  g_autofree char *pdf = artifact ("gtk-summary.pdf");
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  double width, height;

  g_settings_reset (settings, "print-summary");
  g_settings_reset (settings, "print-achievement");
  operation = kensho_print_operation_new (sheet, settings);
  layout = kensho_print_operation_get_layout (operation);
  g_assert_false (kensho_print_layout_get_summary (layout));
  g_assert_false (kensho_print_layout_get_achievement (layout));

  g_signal_emit_by_name (operation, "create-custom-widget", &widget);
  g_assert_true (GTK_IS_WIDGET (widget));
  g_object_ref_sink (widget);
  {
    g_autofree char *tab = NULL;

    g_object_get (operation, "custom-tab-label", &tab, NULL);
    g_assert_cmpstr (tab, ==, "Sheet Options");
  }
  summary = find_check (GTK_WIDGET (widget), "_Summary Page First");
  achievement = find_check (GTK_WIDGET (widget), "Print _Achievement Column");
  g_assert_nonnull (summary);
  g_assert_nonnull (achievement);
  g_assert_false (gtk_check_button_get_active (summary));
  g_assert_false (gtk_check_button_get_active (achievement));
  gtk_check_button_set_active (summary, TRUE);
  gtk_check_button_set_active (achievement, TRUE);
  /* Nothing changes before the dialog is answered. */
  g_assert_false (kensho_print_layout_get_summary (layout));
  g_signal_emit_by_name (operation, "custom-widget-apply", widget);
  g_assert_true (kensho_print_layout_get_summary (layout));
  g_assert_true (kensho_print_layout_get_achievement (layout));
  g_assert_true (g_settings_get_boolean (settings, "print-summary"));
  g_assert_true (g_settings_get_boolean (settings, "print-achievement"));

  /* GTK prints the summary first and the column. */
  g_remove (pdf);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (run_to_done (operation, GTK_PRINT_OPERATION_ACTION_EXPORT), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpuint (kensho_print_layout_get_n_summary_pages (layout), >=, 1);
  g_assert_cmpuint (pdf_pages (pdf, &width, &height), ==, kensho_print_layout_get_n_pages (layout));
  first = pdf_text (pdf, 1);
  assert_contains (first, "Summary of the Ratings");
  assert_contains (first, "Whole sheet 15 15 17 0 47");
  text = pdf_text (pdf, 0);
  assert_contains (text, "92.3% against this year’s target 90.3% towards the final target");

  /* The next print starts from those choices, and the dialog shows them. */
  next = kensho_print_operation_new (sheet, settings);
  g_assert_true (kensho_print_layout_get_summary (kensho_print_operation_get_layout (next)));
  g_assert_true (kensho_print_layout_get_achievement (kensho_print_operation_get_layout (next)));
  {
    g_autoptr(GObject) again = NULL;

    g_signal_emit_by_name (next, "create-custom-widget", &again);
    g_object_ref_sink (again);
    g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (again), "_Summary Page First")));
    gtk_check_button_set_active (find_check (GTK_WIDGET (again), "_Summary Page First"), FALSE);
    g_signal_emit_by_name (next, "custom-widget-apply", again);
    g_assert_false (kensho_print_layout_get_summary (kensho_print_operation_get_layout (next)));
    g_assert_true (kensho_print_layout_get_achievement (kensho_print_operation_get_layout (next)));
    g_assert_false (g_settings_get_boolean (settings, "print-summary"));
  }

  /* Printing only the summary (the overview's Print Summary) offers no tab. */
  summary_only = kensho_print_operation_new (sheet, settings);
  kensho_print_layout_set_summary_only (kensho_print_operation_get_layout (summary_only), TRUE);
  g_signal_emit_by_name (summary_only, "create-custom-widget", &none);
  g_assert_null (none);

  g_settings_reset (settings, "print-summary");
  g_settings_reset (settings, "print-achievement");
}

/* A page setup chosen once is the next default, and the PDF export's paper. */
static void
test_page_setup_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPageSetup) a4 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPageSetup) loaded = NULL;
  g_autoptr(GtkPageSetup) fallback = NULL;
  double width, height;

  g_settings_reset (settings, "page-setup");
  fallback = kensho_print_operation_load_page_setup (settings);
  kensho_print_operation_page_setup_get_size (fallback, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);

  gtk_page_setup_set_paper_size_and_default_margins (a4, size);
  gtk_page_setup_set_orientation (a4, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (a4));
  loaded = kensho_print_operation_load_page_setup (settings);
  kensho_print_operation_page_setup_get_size (loaded, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  g_settings_reset (settings, "page-setup");
}

/* The paper copy and the PDF handed out match page for page, whatever
 * margins the page setup has: @paper turned by @orientation. */
static void
assert_print_matches_export (KenshoSheet *sheet, GSettings *settings, const char *paper,
                             GtkPageOrientation orientation, const char *name)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper);
  g_autoptr(KenshoPrintOperation) operation = NULL;
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autoptr(KenshoPdfExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed_name = g_strconcat (name, "-printed.pdf", NULL);
  g_autofree char *exported_name = g_strconcat (name, "-exported.pdf", NULL);
  g_autofree char *printed = artifact (printed_name);
  g_autofree char *exported = artifact (exported_name);
  double printed_width, printed_height, exported_width, exported_height;
  guint n_pages;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, size);
  gtk_page_setup_set_orientation (page_setup, orientation);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));

  operation = kensho_print_operation_new (sheet, settings);
  g_remove (printed);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (run_to_done (operation, GTK_PRINT_OPERATION_ACTION_EXPORT), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  export = kensho_print_operation_new_pdf_export (settings, layout);
  g_assert_true (kensho_pdf_export_finish (export, exported, &error));
  g_assert_no_error (error);

  n_pages = pdf_pages (printed, &printed_width, &printed_height);
  g_test_message ("%s: %u pages printed, %u exported", name, n_pages,
                  pdf_pages (exported, &exported_width, &exported_height));
  g_assert_cmpuint (pdf_pages (exported, &exported_width, &exported_height), ==, n_pages);
  g_assert_cmpfloat_with_epsilon (printed_width, exported_width, 0.5);
  g_assert_cmpfloat_with_epsilon (printed_height, exported_height, 0.5);
  /* The same breaks: each page holds the same text. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *printed_text = pdf_text (printed, page);
      g_autofree char *exported_text = pdf_text (exported, page);

      if (g_strcmp0 (printed_text, exported_text) != 0)
        g_error ("%s: page %u is not the same printed and exported", name, page);
    }
}

/* One long commentary, on the default A3, on A4 portrait and on JIS B4. */
static void
test_print_matches_export (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) commentary = g_string_new (NULL);

  while (g_utf8_strlen (commentary->str, -1) < 3000)
    g_string_append (commentary, "地域の事業者と連携し、支援策の周知と改善に取り組んだ。");
  kensho_indicator_set_commentary (g_ptr_array_index (indicators, 2), 2023, KENSHO_COMMENTARY_ACTIVITIES,
                                   commentary->str);
  assert_print_matches_export (sheet, settings, GTK_PAPER_NAME_A3, GTK_PAGE_ORIENTATION_LANDSCAPE, "match-a3");
  assert_print_matches_export (sheet, settings, GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_PORTRAIT, "match-a4");
  assert_print_matches_export (sheet, settings, "jis_b4", GTK_PAGE_ORIENTATION_LANDSCAPE, "match-b4");
  g_settings_reset (settings, "page-setup");
  g_settings_reset (settings, "print-settings");
}

static KenshoPrintPreview *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KENSHO_IS_PRINT_PREVIEW (window))
        return KENSHO_PRINT_PREVIEW (window);
    }
  return NULL;
}

/* Print preview opens a window that shows the pages, and closing it ends
 * the operation. */
static void
test_preview (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintOperation) operation = kensho_print_operation_new (sheet, NULL);
  GtkPrintOperationResult done = -1;
  g_autoptr(GError) error = NULL;
  KenshoPrintPreview *preview = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artifacts", NULL);

  g_signal_connect (operation, "done", G_CALLBACK (on_done), &done);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  wait_for ((preview = find_preview ()) != NULL && kensho_print_preview_get_n_pages (preview) > 0);
  g_assert_cmpuint (kensho_print_preview_get_n_pages (preview), ==,
                    kensho_print_layout_get_n_pages (kensho_print_operation_get_layout (operation)));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  save_screenshot (GTK_WIDGET (preview), "artifacts/print-preview.png");

  gtk_window_close (GTK_WINDOW (preview));
  wait_for ((int) done != -1);
  g_assert_null (find_preview ());
}

static gboolean
cancel_on_second_step (GtkPrintOperation *operation, GtkPrintContext *context, guint *calls)
{
  if (++*calls == 2)
    gtk_print_operation_cancel (operation);
  return FALSE;
}

/* A long print can be cancelled while it paginates: no page is drawn. */
static void
test_cancel (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintOperation) operation = kensho_print_operation_new (sheet, NULL);
  g_autofree char *pdf = artifact ("gtk-cancelled.pdf");
  guint calls = 0;

  g_remove (pdf);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_signal_connect (operation, "paginate", G_CALLBACK (cancel_on_second_step), &calls);
  g_assert_cmpint (run_to_done (operation, GTK_PRINT_OPERATION_ACTION_EXPORT), ==,
                   GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (kensho_print_layout_get_n_pages (kensho_print_operation_get_layout (operation)), ==, 0);
  /* GTK leaves the file it opened, with no page of the sheet drawn. */
  if (g_file_test (pdf, G_FILE_TEST_EXISTS))
    {
      g_autofree char *text = pdf_text (pdf, 0);

      g_assert_cmpstr (text, ==, "");
    }
}

int
main (int argc, char **argv)
{
  /* Printing needs no screen reader; the accessibility bus is left to the
   * tests about it, which run beside this one. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/print-app/export-through-gtk", test_export_through_gtk);
  g_test_add_func ("/print-app/page-setup-remembered", test_page_setup_remembered);
  g_test_add_func ("/print-app/print-matches-export", test_print_matches_export);
  g_test_add_func ("/print-app/custom-widget", test_custom_widget);
  g_test_add_func ("/print-app/preview", test_preview);
  g_test_add_func ("/print-app/cancel", test_cancel);
  return g_test_run ();
}
