/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year in the window, with real widgets under Xvfb: starting the next
 * fiscal year from the main menu. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-application.h"
#include "kensho-checks.h"
#include "kensho-document.h"
#include "kensho-indicator-form.h"
#include "kensho-pdf-export.h"
#include "kensho-print-operation.h"
#include "kensho-window.h"
#include "test-app.h"
#include "test-gtk-util.h"

static KenshoApplication *the_app;

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (the_app)));
}

/* The message dialog over @window with @heading, or NULL. */
static AdwMessageDialog *
find_message (KenshoWindow *window, const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_next_year (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "next-year.xml");
  KenshoSheet *old = kensho_window_get_sheet (window);
  guint before = n_windows ();
  KenshoWindow *next_window;
  KenshoSheet *next;
  AdwMessageDialog *refusal;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "next-year.xml", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *contents = NULL;

  wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-year", NULL));
  /* A new window, in front, with a new unsaved sheet; this one keeps its own. */
  g_assert_cmpuint (n_windows (), ==, before + 1);
  next_window = KENSHO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
  g_assert_true (next_window != window);
  next = kensho_window_get_sheet (next_window);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (next), ==, 2024);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (old), ==, 2023);
  g_assert_null (kensho_document_get_path (kensho_window_get_document (next_window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (next_window)), "令和6年度"));
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, sample);

  /* 令和9年度 is the plan's last: no sheet for 令和10年度, and a message why. */
  kensho_sheet_set_fiscal_year (next, 2027);
  before = n_windows ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (next_window), "win.next-year", NULL));
  g_assert_cmpuint (n_windows (), ==, before);
  refusal = find_message (next_window, "Could Not Start the Next Fiscal Year");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "extend the plan"));
  gtk_window_destroy (GTK_WINDOW (refusal));

  kensho_window_close_for_quit (next_window);
  kensho_window_close_for_quit (window);
}

static void
type_at_end (GtkTextView *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_interactive (buffer, &end, p, (int) (g_utf8_next_char (p) - p), TRUE);
    }
}

static KenshoIndicatorForm *
show_indicator (KenshoWindow *window, const char *id)
{
  KenshoNode *node = kensho_sheet_lookup (kensho_window_get_sheet (window), id);
  GtkWidget *form;

  g_assert_true (kensho_strategy_tree_select (kensho_window_get_tree (window), node));
  form = kensho_window_get_form (window);
  g_assert_true (KENSHO_IS_INDICATOR_FORM (form));
  g_assert_true (kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (form)) == KENSHO_INDICATOR (node));
  return KENSHO_INDICATOR_FORM (form);
}

/* The committee's opinion and the response, typed in the form, reach the
 * model for the year shown and undo with the window's history. */
static void
test_committee_fields (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "committee.xml");
  KenshoIndicatorForm *form = show_indicator (window, "i02");
  KenshoIndicator *indicator = kensho_indicator_form_get_indicator (form);
  GtkTextView *opinion = kensho_indicator_form_get_committee (form, KENSHO_COMMITTEE_OPINION);
  GtkTextView *response = kensho_indicator_form_get_committee (form, KENSHO_COMMITTEE_RESPONSE);

  wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (opinion)));
  g_assert_true (gtk_text_view_get_editable (opinion));
  type_at_end (opinion, "見直しを");
  type_at_end (response, "検討する");
  g_assert_cmpstr (kensho_indicator_get_committee (indicator, 2023, KENSHO_COMMITTEE_OPINION), ==, "見直しを");
  g_assert_cmpstr (kensho_indicator_get_committee (indicator, 2023, KENSHO_COMMITTEE_RESPONSE), ==, "検討する");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (kensho_indicator_get_committee (indicator, 2023, KENSHO_COMMITTEE_RESPONSE));
  g_assert_cmpstr (kensho_indicator_get_committee (indicator, 2023, KENSHO_COMMITTEE_OPINION), ==, "見直しを");

  /* Another indicator shows its own, empty. */
  form = show_indicator (window, "i03");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (kensho_indicator_form_get_committee (form, KENSHO_COMMITTEE_OPINION));

    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  }
  kensho_window_close_for_quit (window);
}

/* Last year's ① and reason beside this year's, collapsed; "Use as a Start"
 * copies one in as one step of undo, and the checks then flag it. */
static void
test_last_year_beside (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "last-year.xml");
  KenshoSheet *sheet = kensho_window_get_sheet (window);
  KenshoIndicator *indicator = KENSHO_INDICATOR (kensho_sheet_lookup (sheet, "i03"));
  g_autofree char *this_year = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES));
  KenshoIndicatorForm *form;
  KenshoLastYear *activities;
  KenshoLastYear *reason;
  g_autoptr(GListStore) findings = NULL;

  kensho_indicator_set_commentary (indicator, 2022, KENSHO_COMMENTARY_ACTIVITIES, "補助金の周知を行った。");
  kensho_indicator_set_delay_reason (indicator, 2022, "コロナ禍の影響のため。");
  form = show_indicator (window, "i03");
  activities = kensho_indicator_form_get_last_year (form, 0);
  reason = kensho_indicator_form_get_last_year (form, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (activities)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kensho_indicator_form_get_last_year (form, 1))));
  g_assert_false (gtk_expander_get_expanded (kensho_last_year_get_expander (activities)));
  g_assert_cmpstr (gtk_expander_get_label (kensho_last_year_get_expander (activities)), ==, "Last year (令和4年度)");
  g_assert_cmpstr (kensho_last_year_get_text (activities), ==, "補助金の周知を行った。");
  gtk_expander_set_expanded (kensho_last_year_get_expander (activities), TRUE);
  gtk_expander_set_expanded (kensho_last_year_get_expander (reason), TRUE);
  wait_drawn (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "last-year.png");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (kensho_last_year_get_button (activities))));

  g_signal_emit_by_name (kensho_last_year_get_button (activities), "clicked");
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==,
                   "補助金の周知を行った。");
  findings = kensho_indicator_run_checks (indicator, sheet);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (findings)), >=, 1);
  {
    g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), 
                                                              g_list_model_get_n_items (G_LIST_MODEL (findings)) - 1);

    g_assert_cmpint (kensho_finding_get_check (finding), ==, KENSHO_CHECK_COPIED_FROM_LAST_YEAR);
    g_assert_cmpint (kensho_finding_get_field (finding), ==, KENSHO_FIELD_ACTIVITIES);
    g_assert_true (kensho_indicator_form_focus_field (form, KENSHO_FIELD_ACTIVITIES, 0));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, this_year);
  kensho_window_close_for_quit (window);
}

static GtkWidget *
find_expander (GtkWidget *root, const char *label)
{
  if (GTK_IS_EXPANDER (root) && g_strcmp0 (gtk_expander_get_label (GTK_EXPANDER (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The history under the form: the chart draws, and a year's value other
 * than the year shown is entered in the table, undone with Ctrl+Z; what
 * cannot be read stays in its cell with the reason. */
static void
test_history_table (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "history.xml");
  KenshoIndicatorForm *form = show_indicator (window, "i01");
  KenshoIndicator *indicator = kensho_indicator_form_get_indicator (form);
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);
  KenshoHistoryView *history = kensho_indicator_form_get_history (form);
  GtkWidget *expander = find_expander (GTK_WIDGET (form), "History of the Indicator");
  GtkEditable *target = kensho_history_view_get_cell (history, 0, 2024, FALSE);
  GtkEditable *actual = kensho_history_view_get_cell (history, 0, 2025, TRUE);
  g_autofree char *shown = NULL;

  g_assert_true (GTK_IS_EXPANDER (expander));
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_cmpstr (gtk_editable_get_text (kensho_history_view_get_cell (history, 0, 2023, TRUE)), ==, "1,472件");
  g_assert_null (kensho_history_view_get_cell (history, 0, 2019, TRUE));

  gtk_editable_set_text (target, "1,600");
  g_signal_emit_by_name (target, "activate");
  shown = kensho_value_format (kensho_series_get_target (series, 2024));
  g_assert_cmpstr (shown, ==, "1,600件");
  gtk_editable_set_text (actual, "1,5O0");
  g_signal_emit_by_name (actual, "activate");
  g_assert_null (kensho_series_get_actual (series, 2025));
  g_assert_nonnull (kensho_history_view_get_error (history));
  g_assert_cmpstr (gtk_editable_get_text (actual), ==, "1,5O0");

  wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (kensho_history_view_get_chart (history)));
  g_assert_cmpint (gtk_widget_get_height (kensho_history_view_get_chart (history)), >=, 280);
  gtk_widget_grab_focus (kensho_history_view_get_chart (history));
  save_screenshot (GTK_WIDGET (history), "history-view.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  /* Undo gives the indicator back its earlier series. */
  series = kensho_indicator_get_series (indicator, 0);
  g_assert_null (kensho_series_get_target (series, 2024));
  g_assert_cmpstr (gtk_editable_get_text (target), ==, "");
  kensho_window_close_for_quit (window);
}

/* A year's actual or target of a series, as the history shows it. */
static char *
dup_year_value (KenshoIndicator *indicator, guint s, int year, gboolean actual)
{
  KenshoSeries *series = kensho_indicator_get_series (indicator, s);
  const KenshoValue *value = actual ? kensho_series_get_actual (series, year) : kensho_series_get_target (series, year);

  return value ? kensho_value_format (value) : g_strdup ("");
}

/* Every year's actual and target of every series. */
static char *
dup_history (KenshoIndicator *indicator, int first, int last)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < kensho_indicator_get_n_series (indicator); s++)
    for (int year = first; year <= last; year++)
      for (int actual = 0; actual < 2; actual++)
        {
          g_autofree char *shown = dup_year_value (indicator, s, year, actual);

          g_string_append_printf (text, "%s|", shown);
        }
  return g_string_free (text, FALSE);
}

/* With a second series, each cell of the history shows, and takes, its
 * own series' year: leaving a cell writes nothing into another. */
static void
test_history_two_series (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "history-series.xml");
  KenshoIndicatorForm *form = show_indicator (window, "i01");
  KenshoIndicator *indicator = kensho_indicator_form_get_indicator (form);
  KenshoSheet *sheet = kensho_node_get_sheet (KENSHO_NODE (indicator));
  KenshoHistoryView *history = kensho_indicator_form_get_history (form);
  g_autoptr(KenshoSeries) women = kensho_series_new ("女性");
  g_autoptr(KenshoValue) thirty = kensho_value_parse ("30件", NULL);
  int first = kensho_sheet_get_plan_first (sheet), last = kensho_sheet_get_plan_last (sheet);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  kensho_series_set_actual (women, 2022, thirty);
  kensho_indicator_insert_series (indicator, 1, women);
  before = dup_history (indicator, first, last);
  g_assert_nonnull (strstr (before, "30件"));
  for (guint s = 0; s < 2; s++)
    for (int year = first; year <= last; year++)
      for (int actual = 0; actual < 2; actual++)
        {
          g_autofree char *expected = dup_year_value (indicator, s, year, actual);
          GtkEditable *cell = kensho_history_view_get_cell (history, s, year, actual);

          g_assert_nonnull (cell);
          g_assert_cmpstr (gtk_editable_get_text (cell), ==, expected);
          /* Read as it is left: nothing changes. */
          g_signal_emit_by_name (cell, "activate");
        }
  after = dup_history (indicator, first, last);
  g_assert_cmpstr (after, ==, before);

  /* Typed into the second series' 2024 target: that one, and only it. */
  gtk_editable_set_text (kensho_history_view_get_cell (history, 1, 2024, FALSE), "40");
  g_signal_emit_by_name (kensho_history_view_get_cell (history, 1, 2024, FALSE), "activate");
  g_assert_cmpstr (kensho_series_get_target (kensho_indicator_get_series (indicator, 1), 2024)->number, ==, "40");
  g_assert_null (kensho_series_get_target (kensho_indicator_get_series (indicator, 0), 2024));
  kensho_window_close_for_quit (window);
}

/* Ticks the dialog's option @label, unticked till now, and answers the dialog. */
static void
tick (KenshoPrintOperation *operation, GObject *widget, const char *label)
{
  GtkCheckButton *check = find_check (GTK_WIDGET (widget), label);

  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", widget);
}

/* The print dialog's committee column, chart appendix and all years: ticked, they
 * reach the layout, are remembered, and the PDF export takes them too. */
static void
test_print_committee_option (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KenshoPrintOperation) operation = NULL;
  g_autoptr(KenshoPrintLayout) export_layout = kensho_print_layout_new (sheet);
  g_autoptr(KenshoPdfExport) export = NULL;
  g_autoptr(GObject) widget = NULL;

  g_settings_reset (settings, "print-committee");
  g_settings_reset (settings, "print-charts");
  g_settings_reset (settings, "print-all-years");
  operation = kensho_print_operation_new (sheet, settings);
  g_assert_false (kensho_print_layout_get_committee (kensho_print_operation_get_layout (operation)));
  g_assert_false (kensho_print_layout_get_charts (kensho_print_operation_get_layout (operation)));
  g_signal_emit_by_name (operation, "create-custom-widget", &widget);
  g_object_ref_sink (widget);
  tick (operation, widget, "Print _Committee Column");
  g_assert_true (kensho_print_layout_get_committee (kensho_print_operation_get_layout (operation)));
  g_assert_true (g_settings_get_boolean (settings, "print-committee"));
  g_assert_false (kensho_print_layout_get_charts (kensho_print_operation_get_layout (operation)));
  tick (operation, widget, "_History Charts at the End");
  g_assert_true (kensho_print_layout_get_charts (kensho_print_operation_get_layout (operation)));
  g_assert_true (g_settings_get_boolean (settings, "print-charts"));
  g_assert_false (kensho_print_layout_get_all_years (kensho_print_operation_get_layout (operation)));
  tick (operation, widget, "Values of All _Years");
  g_assert_true (kensho_print_layout_get_all_years (kensho_print_operation_get_layout (operation)));
  g_assert_true (g_settings_get_boolean (settings, "print-all-years"));

  export = kensho_print_operation_new_pdf_export (settings, export_layout);
  g_assert_true (kensho_print_layout_get_committee (export_layout));
  g_assert_true (kensho_print_layout_get_charts (export_layout));
  g_assert_true (kensho_print_layout_get_all_years (export_layout));
  g_settings_reset (settings, "print-committee");
  g_settings_reset (settings, "print-charts");
  g_settings_reset (settings, "print-all-years");
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("year-app");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add_func ("/year-app/next-year", test_next_year);
  g_test_add_func ("/year-app/committee-fields", test_committee_fields);
  g_test_add_func ("/year-app/print-committee-option", test_print_committee_option);
  g_test_add_func ("/year-app/last-year-beside", test_last_year_beside);
  g_test_add_func ("/year-app/history-table", test_history_table);
  g_test_add_func ("/year-app/history-two-series", test_history_two_series);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
