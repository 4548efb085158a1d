/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the real window under Xvfb: open the sample, the tree, the form,
 * editing through the workspace, undo and redo, add, move, delete, filter. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>

#include <errno.h>

#include "fail-writes.h"

#include "kensho-achievement.h"
#include "kensho-application.h"
#include "kensho-export-progress.h"
#include "kensho-indicator-form.h"
#include "kensho-sheet-properties.h"
#include "kensho-values-editor.h"
#include "kensho-sheet-xml.h"
#include "kensho-window.h"
#include "test-app.h"
#include "test-gtk-util.h"
#include "test-pdf.h"

static void
wait_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* One application for the process, as in real use; each test its window. */
static KenshoApplication *the_app;

typedef struct
{
  KenshoApplication *app;
  KenshoWindow *window;
  KenshoStrategyTree *tree;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *contents = NULL;
  /* Each test opens its own copy: the workspace is shared by the process. */
  g_autofree char *name = g_strdup_printf ("%s.xml", g_test_get_path () + 1);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_strdelimit (name, "/", '-');
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));

  fixture->app = g_object_ref (the_app);
  fixture->window = kensho_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  file = g_file_new_for_path (path);
  kensho_window_open_file (fixture->window, file);
  wait_idle ();
  g_assert_nonnull (kensho_window_get_sheet (fixture->window));
  fixture->tree = kensho_window_get_tree (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  kensho_window_close_for_quit (fixture->window);
  wait_idle ();
  g_clear_object (&fixture->app);
}

static guint
count_rows (KenshoStrategyTree *tree, KenshoNodeKind kind)
{
  guint n = kensho_strategy_tree_get_n_rows (tree), count = 0;

  for (guint i = 0; i < n; i++)
    if (kensho_node_get_kind (kensho_strategy_tree_get_row_node (tree, i)) == kind)
      count++;
  return count;
}

static KenshoNode *
find_row (KenshoStrategyTree *tree, const char *title)
{
  guint n = kensho_strategy_tree_get_n_rows (tree);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (kensho_node_get_title (kensho_strategy_tree_get_row_node (tree, i)), title) == 0)
      return kensho_strategy_tree_get_row_node (tree, i);
  return NULL;
}

static void
test_sample_in_tree (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node;

  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_GOAL), ==, 3);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_SUBGOAL), ==, 6);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 47);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート");

  node = find_row (fixture->tree, "製造品出荷額等");
  g_assert_nonnull (node);
  g_assert_true (kensho_strategy_tree_select (fixture->tree, node));
  wait_idle ();
  g_assert_true (kensho_strategy_tree_get_selected (fixture->tree) == node);
  g_assert_true (KENSHO_IS_INDICATOR_FORM (kensho_window_get_form (fixture->window)));
  g_assert_true (kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window)))
                 == KENSHO_INDICATOR (node));
  save_screenshot (GTK_WIDGET (fixture->window), "window-indicator.png");
}

static void
test_edit_reaches_workspace_and_undoes (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "創業相談件数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  KenshoUndoStack *undo = kensho_window_get_undo_stack (fixture->window);
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  g_autofree char *original = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES));
  g_autoptr(KenshoSheet) stored = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  guint index = 0;

  kensho_strategy_tree_select (fixture->tree, node);
  kensho_undo_stack_begin_edit (undo, node, "Edit issues", "issues");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "窓から入力した課題");
  g_assert_true (kensho_document_get_unsaved (document));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));
  g_assert_true (kensho_workspace_flush (workspace, NULL));

  stored = kensho_workspace_load_sheet (workspace, kensho_document_get_id (document), NULL);
  indicators = kensho_sheet_dup_indicators (stored);
  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (kensho_indicator_get_name (g_ptr_array_index (indicators, i)), "創業相談件数") == 0)
      index = i;
  g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, index), 2023,
                                                    KENSHO_COMMENTARY_ISSUES), ==, "窓から入力した課題");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, original);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "窓から入力した課題");
}

static void
test_add_move_delete (Fixture *fixture, gconstpointer data)
{
  KenshoNode *kpi = find_row (fixture->tree, "新技術・新製品等の開発数");
  KenshoNode *measure = kensho_node_get_parent (kpi);
  guint n_children = kensho_node_get_n_children (measure);
  guint position = kensho_node_get_position (kpi);
  KenshoNode *added;

  /* Add a KPI next to the selected one. */
  kensho_strategy_tree_select (fixture->tree, kpi);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-kpi", NULL));
  added = kensho_strategy_tree_get_selected (fixture->tree);
  g_assert_true (KENSHO_IS_INDICATOR (added));
  g_assert_true (kensho_node_get_parent (added) == measure);
  g_assert_cmpuint (kensho_node_get_position (added), ==, position + 1);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 48);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (kensho_node_get_n_children (measure), ==, n_children);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 47);

  /* Move down by keyboard action: the selection follows. */
  kensho_strategy_tree_select (fixture->tree, kpi);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-down", NULL));
  g_assert_cmpuint (kensho_node_get_position (kpi), ==, position + 1);
  g_assert_true (kensho_strategy_tree_get_selected (fixture->tree) == kpi);
  /* Past the last sibling it moves into the next measure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-down", NULL));
  g_assert_true (kensho_node_get_parent (kpi) != measure);
  g_assert_cmpstr (kensho_node_get_title (kensho_node_get_parent (kpi)), ==, "就労への総合的支援");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (kensho_node_get_parent (kpi) == measure);
  g_assert_cmpuint (kensho_node_get_position (kpi), ==, position);

  /* Drag and drop onto another measure puts it inside, last. */
  g_assert_true (kensho_strategy_tree_drop_node (fixture->tree, kpi, find_row (fixture->tree, "企業誘致の推進")));
  g_assert_cmpstr (kensho_node_get_title (kensho_node_get_parent (kpi)), ==, "企業誘致の推進");
  /* A goal cannot be dropped into a measure. */
  g_assert_false (kensho_strategy_tree_drop_node (fixture->tree, find_row (fixture->tree, "ひとの創生"),
                                                  find_row (fixture->tree, "企業誘致の推進")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (kensho_node_get_parent (kpi) == measure);

  /* Delete, then undo. */
  kensho_strategy_tree_select (fixture->tree, kpi);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  g_assert_null (kensho_node_get_parent (kpi));
  g_assert_null (find_row (fixture->tree, "新技術・新製品等の開発数"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (kensho_node_get_parent (kpi) == measure);
  g_assert_nonnull (find_row (fixture->tree, "新技術・新製品等の開発数"));
}

static void
collect_text_views (GtkWidget *widget, GPtrArray *views)
{
  if (GTK_IS_TEXT_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text_views (child, views);
}

/* Typing into the form's commentary reaches the model as one undo step,
 * and undo shows the old text in the form again. */
static void
test_form_typing (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *original = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES));
  GtkTextBuffer *buffer;
  GtkTextIter end, start;
  g_autofree char *shown = NULL;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  collect_text_views (kensho_window_get_form (fixture->window), views);
  g_assert_cmpuint (views->len, >=, 3);
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  for (const char *p = "追記"; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
    }
  {
    g_autofree char *expected = g_strconcat (original, "追記", NULL);

    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, expected);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, original);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, original);
}


static KenshoIndicator *
stored_indicator (KenshoWindow *window, KenshoSheet **stored, const char *name)
{
  KenshoDocument *document = kensho_window_get_document (window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  g_autoptr(GPtrArray) indicators = NULL;

  g_assert_true (kensho_workspace_flush (workspace, NULL));
  *stored = kensho_workspace_load_sheet (workspace, kensho_document_get_id (document), NULL);
  g_assert_nonnull (*stored);
  indicators = kensho_sheet_dup_indicators (*stored);
  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (kensho_indicator_get_name (g_ptr_array_index (indicators, i)), name) == 0)
      return g_ptr_array_index (indicators, i);
  g_assert_not_reached ();
}

static char *
dup_expected_rate (KenshoWindow *window, KenshoIndicator *indicator)
{
  g_auto(KenshoAchievement) achievement = { 0 };

  kensho_indicator_summarize_achievement (indicator, kensho_window_get_sheet (window), &achievement);
  return kensho_achievement_format_rate (&achievement);
}

/* The tree's rate badge shows the indicator's achievement, follows an
 * edit of the actual, and explains itself in a tooltip made on demand. */
static void
test_achievement_badge (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "製造品出荷額等");
  GtkWidget *title, *badge;
  GtkEditable *cell;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GtkTooltip) tooltip = NULL;
  gboolean shown = FALSE;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  title = kensho_strategy_tree_get_title_widget (fixture->tree, node);
  g_assert_nonnull (title);
  /* code, title, division, rate, rating */
  badge = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (title));
  g_assert_true (GTK_IS_LABEL (badge));
  g_assert_true (gtk_widget_get_visible (badge));
  before = dup_expected_rate (fixture->window, KENSHO_INDICATOR (node));
  g_assert_nonnull (strchr (before, '%'));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, before);

  cell = kensho_values_editor_get_cell (KENSHO_VALUES_EDITOR (kensho_indicator_form_get_values_editor (
                                          KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window)))),
                                        0, KENSHO_COLUMN_ACTUAL);
  gtk_editable_set_text (cell, "13,000億円 (令和4年)");
  wait_idle ();
  expected = dup_expected_rate (fixture->window, KENSHO_INDICATOR (node));
  g_assert_cmpstr (expected, !=, before);
  title = kensho_strategy_tree_get_title_widget (fixture->tree, node);
  badge = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, expected);

  g_assert_true (gtk_widget_get_has_tooltip (badge));
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (badge, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
}

/* A value typed into its cell reaches the model and the workspace; a value
 * that cannot be read stays in the cell, says why, and changes nothing. */
static void
test_values_editing (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "製造品出荷額等");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  KenshoIndicatorForm *form;
  KenshoValuesEditor *values;
  GtkEditable *cell;
  KenshoSeries *series;
  g_autoptr(KenshoSheet) stored = NULL;
  g_autofree char *original = NULL;
  g_autofree char *shown = NULL;
  const KenshoValue *value;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  form = KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window));
  values = KENSHO_VALUES_EDITOR (kensho_indicator_form_get_values_editor (form));
  series = kensho_indicator_get_series (indicator, 0);
  cell = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL);
  original = g_strdup (gtk_editable_get_text (cell));
  g_assert_cmpstr (original, ==, "11,017億円 (令和3年)");

  gtk_editable_set_text (cell, "11,500億円 (令和4年)");
  wait_idle ();
  value = kensho_series_get_column (series, KENSHO_COLUMN_ACTUAL, 2023);
  g_assert_cmpstr (value->number, ==, "11500");
  g_assert_cmpstr (value->unit, ==, "億円");
  g_assert_cmpstr (value->period, ==, "令和4年");
  g_assert_null (kensho_values_editor_get_error (values));
  value = kensho_series_get_column (kensho_indicator_get_series (stored_indicator (fixture->window, &stored, "製造品出荷額等"), 0),
                                    KENSHO_COLUMN_ACTUAL, 2023);
  g_assert_cmpstr (value->number, ==, "11500");

  /* Letters in a number: shown at the field, the model keeps 11,500. */
  gtk_editable_set_text (cell, "11,5x0億円");
  wait_idle ();
  g_assert_nonnull (kensho_values_editor_get_error (values));
  g_assert_nonnull (strstr (kensho_values_editor_get_error (values), "令和5年度"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "11,5x0億円");
  g_assert_cmpstr (kensho_series_get_column (series, KENSHO_COLUMN_ACTUAL, 2023)->number, ==, "11500");
  save_screenshot (GTK_WIDGET (fixture->window), "window-value-error.png");

  /* Undo brings the sheet's value back, in the cell too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  /* Undo puts back copies of the series. */
  series = kensho_indicator_get_series (indicator, 0);
  g_assert_cmpstr (kensho_series_get_column (series, KENSHO_COLUMN_ACTUAL, 2023)->number, ==, "11017");
  shown = g_strdup (gtk_editable_get_text (kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL)));
  g_assert_cmpstr (shown, ==, original);
  g_assert_null (kensho_values_editor_get_error (values));

  /* A second series, named, then undone. */
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 1);
  {
    GtkWidget *add = NULL;

    for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (values)));
         w; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_BUTTON (w))
        add = w;
    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
  }
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 2);
  gtk_editable_set_text (kensho_values_editor_get_series_name (values, 1), "男性");
  g_assert_cmpstr (kensho_series_get_name (kensho_indicator_get_series (indicator, 1)), ==, "男性");
  gtk_editable_set_text (kensho_values_editor_get_cell (values, 1, KENSHO_COLUMN_TARGET), "77.41歳");
  wait_idle ();
  g_assert_cmpstr (kensho_series_get_column (kensho_indicator_get_series (indicator, 1), KENSHO_COLUMN_TARGET, 2023)->number,
                   ==, "77.41");
  save_screenshot (GTK_WIDGET (fixture->window), "window-two-series.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 1);
}

/* Name, division, unit and kind are edited in the form, each undoable. */
static void
test_indicator_fields (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "創業相談件数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  KenshoIndicatorForm *form;
  g_autoptr(KenshoSheet) stored = NULL;
  KenshoIndicator *saved;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  form = KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (kensho_indicator_form_get_field (form, "name")), ==, "創業相談件数");

  gtk_editable_set_text (kensho_indicator_form_get_field (form, "name"), "創業相談の件数");
  g_assert_cmpstr (kensho_indicator_get_name (indicator), ==, "創業相談の件数");
  wait_idle ();
  g_assert_true (find_row (fixture->tree, "創業相談の件数") == node);
  gtk_editable_set_text (kensho_indicator_form_get_field (form, "division"), "企業誘致課");
  gtk_editable_set_text (kensho_indicator_form_get_field (form, "unit"), "件");
  g_assert_cmpstr (kensho_indicator_get_division (indicator), ==, "企業誘致課");
  g_assert_cmpstr (kensho_indicator_get_unit (indicator), ==, "件");
  saved = stored_indicator (fixture->window, &stored, "創業相談の件数");
  g_assert_cmpstr (kensho_indicator_get_division (saved), ==, "企業誘致課");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (kensho_indicator_get_name (indicator), ==, "創業相談件数");
  g_assert_cmpstr (kensho_indicator_get_division (indicator), ==, "商工労働課");
  g_assert_cmpstr (gtk_editable_get_text (kensho_indicator_form_get_field (form, "name")), ==, "創業相談件数");
  g_assert_cmpstr (gtk_editable_get_text (kensho_indicator_form_get_field (form, "division")), ==, "商工労働課");
}

/* Opening a sheet that this app already shows brings its window forward:
 * the app's own lock is not somebody else's. */
static void
test_reopen_open_file (Fixture *fixture, gconstpointer data)
{
  KenshoWindow *second = kensho_window_new (fixture->app);
  g_autoptr(GFile) file = g_file_new_for_path (kensho_document_get_path (kensho_window_get_document (fixture->window)));
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  gtk_window_present (GTK_WINDOW (second));
  kensho_window_open_file (second, file);
  wait_idle ();
  g_assert_true (kensho_window_is_empty (second));
  g_assert_false (kensho_document_get_read_only (kensho_window_get_document (fixture->window)));
  /* No "open elsewhere" question came up. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, n_windows);
  gtk_window_destroy (GTK_WINDOW (second));
  wait_idle ();
}

static void
collect_year_entries (GtkWidget *widget, GPtrArray *entries, GtkTextView **divisions)
{
  if (GTK_IS_ENTRY (widget) && g_object_get_data (G_OBJECT (widget), "row") != NULL)
    g_ptr_array_add (entries, widget);
  if (GTK_IS_TEXT_VIEW (widget))
    *divisions = GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_year_entries (child, entries, divisions);
}

/* Years are typed as staff write them; one that cannot be read is shown
 * at its field and changes nothing. */
static void
test_sheet_properties (Fixture *fixture, gconstpointer data)
{
  KenshoSheet *sheet = kensho_window_get_sheet (fixture->window);
  GtkWindow *dialog = kensho_sheet_properties_new (GTK_WINDOW (fixture->window), sheet,
                                                   kensho_window_get_undo_stack (fixture->window));
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkTextView *divisions = NULL;
  g_autofree char *title = NULL;
  GtkEditable *shown, *last;

  gtk_window_present (dialog);
  wait_idle ();
  collect_year_entries (GTK_WIDGET (dialog), entries, &divisions);
  g_assert_cmpuint (entries->len, ==, 4);
  shown = g_ptr_array_index (entries, 0);
  last = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (gtk_editable_get_text (shown), ==, "令和5年度");

  gtk_editable_set_text (shown, "R6");
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2024);
  /* The value columns follow the year shown. */
  title = kensho_sheet_dup_column_title (sheet, KENSHO_COLUMN_ACTUAL);
  g_assert_nonnull (strstr (title, "令和6年度"));

  gtk_editable_set_text (shown, "令和X年度");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (shown), "error"));
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2024);
  gtk_editable_set_text (last, "令和元年度");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (last), "error"));
  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, 2027);
  save_screenshot (GTK_WIDGET (dialog), "sheet-properties-error.png");
  gtk_editable_set_text (last, "2028");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (last), "error"));
  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, 2028);

  g_assert_nonnull (divisions);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (divisions), "企画調整課\n\n  商工労働課 \n", -1);
  g_assert_cmpstrv (kensho_sheet_get_divisions (sheet), ((const char *[]) { "企画調整課", "商工労働課", NULL }));

  /* Three steps: the divisions (typed as one), the plan, the year. */
  for (int i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, 2027);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2023);
  gtk_window_destroy (dialog);
  wait_idle ();
}

/* F2 takes the keyboard to the selected row's name, all of it selected;
 * what is typed renames the row, undoably. */
static void
test_rename_with_f2 (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "企業誘致の推進");
  GtkWidget *focus;
  GtkInscription *title;
  int start = -1, end = -1;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_TEXT (focus));
  focus = gtk_widget_get_parent (focus);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "企業誘致の推進");
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen ("企業誘致の推進", -1));

  gtk_editable_set_text (GTK_EDITABLE (focus), "企業誘致の推進と定着");
  wait_idle ();
  g_assert_cmpstr (kensho_node_get_title (node), ==, "企業誘致の推進と定着");
  /* The tree shows the new name; a click on it selects, never edits. */
  title = GTK_INSCRIPTION (kensho_strategy_tree_get_title_widget (fixture->tree, node));
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_inscription_get_text (title), ==, "企業誘致の推進と定着");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (kensho_node_get_title (node), ==, "企業誘致の推進");

  /* For an indicator, its name in the indicator form. */
  node = find_row (fixture->tree, "製造業の事業所数");
  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename", NULL));
  focus = gtk_widget_get_parent (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_true (GTK_EDITABLE (focus) ==
                 kensho_indicator_form_get_field (KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window)), "name"));
}

static void
test_filter_by_division (Fixture *fixture, gconstpointer data)
{
  guint n;

  kensho_strategy_tree_set_division_filter (fixture->tree, "企業誘致課");
  wait_idle ();
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 3);
  /* Matches show with their ancestors, and nothing else. */
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_GOAL), ==, 1);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_SUBGOAL), ==, 1);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_MEASURE), ==, 2);
  n = kensho_strategy_tree_get_n_rows (fixture->tree);
  for (guint i = 0; i < n; i++)
    {
      KenshoNode *node = kensho_strategy_tree_get_row_node (fixture->tree, i);

      if (KENSHO_IS_INDICATOR (node))
        g_assert_cmpstr (kensho_indicator_get_division (KENSHO_INDICATOR (node)), ==, "企業誘致課");
    }
  save_screenshot (GTK_WIDGET (fixture->window), "window-filtered.png");

  /* Text search looks into the commentary too. */
  kensho_strategy_tree_set_division_filter (fixture->tree, NULL);
  kensho_strategy_tree_set_search (fixture->tree, "ビジネスマッチング");
  wait_idle ();
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 2);
  kensho_strategy_tree_set_search (fixture->tree, NULL);
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 47);
}

/* The message dialogs presented for a window, newest last. */
static GPtrArray *
message_dialogs_of (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *dialogs = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == window &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        g_ptr_array_add (dialogs, toplevel);
    }
  return dialogs;
}

static guint
count_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += KENSHO_IS_WINDOW (toplevel);
    }
  return n;
}

/* What the workspace holds, in one string: every sheet, and the content of
 * the open one. */
static char *
describe_workspace (KenshoWorkspace *workspace, gint64 open_id)
{
  g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);
  g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, open_id, NULL);
  g_autoptr(GBytes) bytes = kensho_sheet_xml_serialize (sheet);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s %d %d\n", entry->id, entry->title,
                              entry->path ? entry->path : "-", entry->unsaved, entry->open);
    }
  g_string_append_len (text, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  return g_string_free (text, FALSE);
}

/* Every refused file of the hostile corpus (tests/hostile/MANIFEST):
 * opening it shows the reason, and the window and the workspace stay as
 * they were, with an unsaved edit kept. */
static void
test_hostile_files_refused (Fixture *fixture, gconstpointer data)
{
  g_autofree char *manifest_path = g_test_build_filename (G_TEST_DIST, "hostile", "MANIFEST", NULL);
  g_autofree char *manifest = NULL;
  g_auto(GStrv) lines = NULL;
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  KenshoNode *node = find_row (fixture->tree, "新規求人数");
  g_autofree char *before = NULL;
  guint n_windows = count_windows (), n = 0;

  kensho_indicator_set_commentary (KENSHO_INDICATOR (node), 2023, KENSHO_COMMENTARY_ISSUES, "開く前の編集");
  g_assert_true (kensho_workspace_flush (workspace, NULL));
  before = describe_workspace (workspace, kensho_document_get_id (document));

  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
  lines = g_strsplit (manifest, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GPtrArray) dialogs = NULL;
      const char *body;

      /* The made ones are huge or need the CLI test's set-up; the valid
       * ones open, as they should. */
      if (g_strv_length (fields) != 3 || fields[0][0] == '#' || fields[0][0] == '@' ||
          !g_str_equal (fields[1], "1"))
        continue;
      path = g_test_build_filename (G_TEST_DIST, "hostile", fields[0], NULL);
      file = g_file_new_for_path (path);
      kensho_window_open_file (fixture->window, file);
      wait_idle ();

      dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
      g_assert_cmpuint (dialogs->len, ==, 1);
      g_assert_cmpstr (adw_message_dialog_get_heading (g_ptr_array_index (dialogs, 0)), ==,
                       "Could Not Open the Sheet");
      body = adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0));
      g_assert_true (g_str_has_prefix (body, path));
      g_assert_nonnull (strstr (body, fields[2]));
      g_assert_null (strstr (body, "root:"));
      adw_message_dialog_response (g_ptr_array_index (dialogs, 0), "close");
      gtk_window_destroy (g_ptr_array_index (dialogs, 0));
      wait_idle ();

      g_assert_true (kensho_window_get_document (fixture->window) == document);
      g_assert_cmpuint (count_windows (), ==, n_windows);
      after = describe_workspace (workspace, kensho_document_get_id (document));
      g_assert_cmpstr (after, ==, before);
      n++;
    }
  g_test_message ("%u hostile files refused in the window", n);
  g_assert_cmpuint (n, >=, 30);
  g_assert_cmpstr (kensho_indicator_get_commentary (KENSHO_INDICATOR (node), 2023, KENSHO_COMMENTARY_ISSUES),
                   ==, "開く前の編集");
  g_assert_true (kensho_document_get_unsaved (document));
}

/* A shown toplevel of the given type; NULL when there is none. */
static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), g_type_from_name (type_name)) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_toplevel (const char *type_name)
{
  GtkWindow *window;

  wait_for ((window = find_toplevel (type_name)) != NULL);
  return window;
}

/* Ctrl+P opens the GTK print dialog, set up for A3 landscape; cancelling
 * it leaves the window as it was. */
static void
test_print_dialog (Fixture *fixture, gconstpointer data)
{
  GtkWindow *dialog;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  dialog = wait_toplevel ("GtkPrintUnixDialog");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_object_get (dialog, "page-setup", &page_setup, NULL);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (page_setup)), ==, GTK_PAPER_NAME_A3);
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  /* Kensho's own tab: a summary page first, the achievement column. */
  g_assert_nonnull (find_check (GTK_WIDGET (dialog), "_Summary Page First"));
  g_assert_nonnull (find_check (GTK_WIDGET (dialog), "Print _Achievement Column"));
  save_screenshot (GTK_WIDGET (dialog), "print-dialog.png");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_idle ();
  g_assert_null (find_toplevel ("GtkPrintUnixDialog"));
  g_assert_nonnull (kensho_window_get_sheet (fixture->window));
}

/* The overview's Print Summary opens the dialog for the summary alone,
 * without the tab of the sheet's options. */
static void
test_print_summary_dialog (Fixture *fixture, gconstpointer data)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.overview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print-summary", NULL));
  dialog = wait_toplevel ("GtkPrintUnixDialog");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_null (find_check (GTK_WIDGET (dialog), "_Summary Page First"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_idle ();
  g_assert_null (find_toplevel ("GtkPrintUnixDialog"));
}

/* The drop-down whose first choice is @first ("All divisions"). */
static GtkDropDown *
find_drop_down (GtkWidget *widget, const char *first)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0 &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0)
        return GTK_DROP_DOWN (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child, first);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Export PDF asks for a file and writes the printed pages there: those
 * the division filter shows. */
static void
test_export_pdf (Fixture *fixture, gconstpointer data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "exported.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GtkWindow *chooser;

  /* The chooser starts in the current folder: the private one. */
  GtkDropDown *divisions = find_drop_down (GTK_WIDGET (fixture->window), "All divisions");
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_nonnull (divisions);
  gtk_drop_down_set_selected (divisions, 2); /* 企業誘致課, the second division */
  g_assert_cmpstr (kensho_sheet_get_divisions (kensho_window_get_sheet (fixture->window))[1], ==, "企業誘致課");
  g_remove (path);
  /* The achievement column, as chosen in the print dialog last time. */
  g_settings_set_boolean (settings, "print-achievement", TRUE);
  g_assert_cmpint (g_chdir (g_get_user_data_dir ()), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  chooser = wait_toplevel ("GtkFileChooserDialog");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "exported.pdf");
  wait_drawn (GTK_WIDGET (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
  g_assert_null (find_toplevel ("GtkFileChooserDialog"));
  wait_idle ();
  g_assert_null (find_toplevel ("KenshoExportProgress"));
  text = pdf_text (path, 0);
  assert_contains (text, "製造品出荷額等");
  assert_contains (text, "製造業の従業者数");
  g_assert_null (strstr (text, "商工労働課"));
  assert_contains (text, "89.8% against this year’s target");
  g_assert_null (strstr (text, "SummaryoftheRatings"));
  g_settings_reset (settings, "print-achievement");
  gtk_drop_down_set_selected (divisions, 0);
}

static void
record_result (int *result, KenshoExportResult done, const char *message)
{
  *result = done;
}

/* The PDF export shows its progress in a window of its own, modal; closing
 * it (Escape, Cancel) stops the export, and no file is written. */
static void
test_export_pdf_cancel (Fixture *fixture, gconstpointer data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "cancelled.pdf", NULL);
  GtkWindow *chooser;
  GtkWindow *progress;
  int result = -1;

  g_remove (path);
  g_assert_cmpint (g_chdir (g_get_user_data_dir ()), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  chooser = wait_toplevel ("GtkFileChooserDialog");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "cancelled.pdf");
  wait_drawn (GTK_WIDGET (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  progress = wait_toplevel ("KenshoExportProgress");
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (gtk_window_get_transient_for (progress) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (progress));
  g_assert_cmpfloat (kensho_export_progress_get_fraction (KENSHO_EXPORT_PROGRESS (progress)), <, 1);
  g_signal_connect_swapped (progress, "done", G_CALLBACK (record_result), &result);
  /* Escape, as a person would: the export ends there, cancelled, and its
   * steps (idles) with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (progress), "window.close", NULL));
  wait_for (result != -1);
  g_assert_cmpint (result, ==, KENSHO_EXPORT_CANCELLED);
  wait_for (find_toplevel ("KenshoExportProgress") == NULL);
  wait_idle ();
  g_assert_null (find_toplevel ("AdwMessageDialog"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A PDF export onto a full disk says so, and the file that was there
 * (an earlier export) stays as it was. */
static void
test_export_pdf_disk_full (Fixture *fixture, gconstpointer data)
{
  g_autofree char *cwd = g_get_current_dir ();
  /* The folder the chooser starts in, as in the export test before. */
  const char *folder = g_get_user_data_dir ();
  g_autofree char *path = g_build_filename (folder, "full-disk.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  GtkWindow *chooser;

  g_remove (path);
  g_assert_cmpint (g_chdir (folder), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  chooser = wait_toplevel ("GtkFileChooserDialog");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "full-disk.pdf");
  wait_drawn (GTK_WIDGET (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  /* The earlier export appears once the name is chosen (no question about
   * replacing it) and before the export writes (it writes at its end, many
   * steps later); then the disk fills. */
  wait_toplevel ("KenshoExportProgress");
  g_assert_true (g_file_set_contents (path, "the earlier export", -1, NULL));
  /* Only this file's disk: GTK writes its recent files beside it. */
  fail_writes_starting (path, ENOSPC);
  wait_toplevel ("AdwMessageDialog");
  dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
  fail_writes_under (NULL, 0);
  g_assert_cmpuint (dialogs->len, ==, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (g_ptr_array_index (dialogs, 0)), ==, "Could Not Export");
  g_test_message ("%s", adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0)), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0)), "The disk is full."));
  adw_message_dialog_response (g_ptr_array_index (dialogs, 0), "close");
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));
  wait_idle ();
  g_assert_null (find_toplevel ("KenshoExportProgress"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier export");
}

static GtkRevealer *
find_revealed_status (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget) && gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return GTK_REVEALER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_revealed_status (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
holds_label_with (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (holds_label_with (child, text))
      return TRUE;
  return FALSE;
}

/* The workspace's disk fills up: the window says so, editing goes on from
 * memory, and once there is room every edit reaches the database. */
static void
test_workspace_disk_full (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  g_autofree char *folder = g_path_get_dirname (kensho_workspace_get_path (workspace));
  KenshoIndicator *indicator = KENSHO_INDICATOR (find_row (fixture->tree, "新規求人数"));
  GtkRevealer *status;
  g_autoptr(KenshoSheet) stored = NULL;
  g_autoptr(GPtrArray) indicators = NULL;

  g_assert_null (find_revealed_status (GTK_WIDGET (fixture->window)));
  fail_writes_under (folder, ENOSPC);
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "満杯の間に入力");
  g_assert_false (kensho_workspace_flush (workspace, NULL));
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS, "まだ入力");
  g_assert_false (kensho_workspace_flush (workspace, NULL));
  wait_idle ();
  status = find_revealed_status (GTK_WIDGET (fixture->window));
  g_assert_nonnull (status);
  g_assert_true (holds_label_with (GTK_WIDGET (status), "could not be written to the workspace"));
  g_assert_true (holds_label_with (GTK_WIDGET (status), "The disk is full."));
  save_screenshot (GTK_WIDGET (fixture->window), "window-workspace-full.png");
  /* Editing goes on: the model and undo work from memory. */
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "満杯の間に入力");
  g_assert_true (kensho_document_get_unsaved (document));

  fail_writes_under (NULL, 0);
  g_assert_true (kensho_workspace_flush (workspace, NULL));
  wait_idle ();
  g_assert_false (gtk_revealer_get_reveal_child (status));
  stored = kensho_workspace_load_sheet (workspace, kensho_document_get_id (document), NULL);
  indicators = kensho_sheet_dup_indicators (stored);
  g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                    KENSHO_COMMENTARY_ISSUES), ==, "満杯の間に入力");
  g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                    KENSHO_COMMENTARY_NEXT_STEPS), ==, "まだ入力");
}


int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("window");
  int result;

  /* Off the accessibility bus: the AT-SPI check, run beside this test in
   * the same session, would otherwise wait on this busy process. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add ("/window/sample-in-tree", Fixture, NULL, fixture_set_up, test_sample_in_tree, fixture_tear_down);
  g_test_add ("/window/edit-reaches-workspace-and-undoes", Fixture, NULL, fixture_set_up,
              test_edit_reaches_workspace_and_undoes, fixture_tear_down);
  g_test_add ("/window/add-move-delete", Fixture, NULL, fixture_set_up, test_add_move_delete, fixture_tear_down);
  g_test_add ("/window/form-typing", Fixture, NULL, fixture_set_up, test_form_typing, fixture_tear_down);
  g_test_add ("/window/achievement-badge", Fixture, NULL, fixture_set_up, test_achievement_badge, fixture_tear_down);
  g_test_add ("/window/values-editing", Fixture, NULL, fixture_set_up, test_values_editing, fixture_tear_down);
  g_test_add ("/window/indicator-fields", Fixture, NULL, fixture_set_up, test_indicator_fields, fixture_tear_down);
  g_test_add ("/window/reopen-open-file", Fixture, NULL, fixture_set_up, test_reopen_open_file, fixture_tear_down);
  g_test_add ("/window/sheet-properties", Fixture, NULL, fixture_set_up, test_sheet_properties, fixture_tear_down);
  g_test_add ("/window/filter-by-division", Fixture, NULL, fixture_set_up, test_filter_by_division, fixture_tear_down);
  g_test_add ("/window/workspace-disk-full", Fixture, NULL, fixture_set_up, test_workspace_disk_full,
              fixture_tear_down);
  g_test_add ("/window/hostile-files-refused", Fixture, NULL, fixture_set_up, test_hostile_files_refused,
              fixture_tear_down);
  g_test_add ("/window/print-dialog", Fixture, NULL, fixture_set_up, test_print_dialog, fixture_tear_down);
  g_test_add ("/window/print-summary-dialog", Fixture, NULL, fixture_set_up, test_print_summary_dialog,
              fixture_tear_down);
  g_test_add ("/window/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/window/export-pdf-cancel", Fixture, NULL, fixture_set_up, test_export_pdf_cancel, fixture_tear_down);
  g_test_add ("/window/export-pdf-disk-full", Fixture, NULL, fixture_set_up, test_export_pdf_disk_full,
              fixture_tear_down);
  g_test_add ("/window/rename-with-f2", Fixture, NULL, fixture_set_up, test_rename_with_f2, fixture_tear_down);
  result = g_test_run ();
  g_clear_object (&the_app);
  /* The private home goes, with the workspace and the copies. */
  test_remove_home (home);
  return result;
}
