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
#include "kensho-busy-indicator.h"
#include "kensho-export-progress.h"
#include "kensho-form-columns.h"
#include "kensho-indicator-form.h"
#include "kensho-node-form.h"
#include "kensho-sheet-properties.h"
#include "kensho-values-editor.h"
#include "kensho-sheet-xml.h"
#include "kensho-change-banner.h"
#include "kensho-filesystem.h"
#include "kensho-window.h"
#include "kensho-workspace-private.h"
#include "test-app.h"
#include "test-gtk-util.h"
#include "test-pdf.h"

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

/* Save, and wait for its answer: the file is written in a thread. */
static void
save_and_wait (KenshoWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (!kensho_window_is_saving (window));
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
  assert_unique_mnemonics (GTK_WIDGET (fixture->window));
}

static void
test_edit_reaches_workspace_and_undoes (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "創業相談件数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  g_autofree char *original = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES));
  g_autoptr(KenshoSheet) stored = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  guint index = 0;

  kensho_strategy_tree_select (fixture->tree, node);
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
  /* The first series' Remove takes that series, not another. */
  {
    GtkWidget *grid = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (values)));
    GtkWidget *remove = NULL;

    for (GtkWidget *w = gtk_widget_get_first_child (grid); w != NULL && remove == NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), "Remove") == 0)
        remove = w;
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
  }
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 1);
  g_assert_cmpstr (kensho_series_get_name (kensho_indicator_get_series (indicator, 0)), ==, "男性");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 2);
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
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (entries, widget);
  if (GTK_IS_TEXT_VIEW (widget))
    *divisions = GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_year_entries (child, entries, divisions);
}

static GtkWidget *
find_row_titled (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Years are typed as staff write them; one that cannot be read is shown
 * at its field and changes nothing. */
static void
test_sheet_properties (Fixture *fixture, gconstpointer data)
{
  KenshoSheet *sheet = kensho_window_get_sheet (fixture->window);
  GtkWindow *dialog = kensho_sheet_properties_new (GTK_WINDOW (fixture->window), sheet);
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

  /* Each text row its own field. */
  {
    GtkWidget *row = find_row_titled (GTK_WIDGET (dialog), "Document label");

    g_assert_true (ADW_IS_ENTRY_ROW (row));
    gtk_editable_set_text (GTK_EDITABLE (row), "資料2");
    g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, "資料2");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  }

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

/* The visible label of the form whose text starts with `start`. */
static GtkLabel *
find_label_starting (GtkWidget *widget, const char *start)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_starting (child, start);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Pasting 100,001 characters into ① and saving showed "Saved", and Kensho
 * then refused the file: the form takes no more than a file holds, says so
 * at the field, and saving refuses a text too long whatever its way in. */
static void
test_text_limits (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  GtkWidget *form;
  GtkEditable *name = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autofree char *original = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES));
  g_autofree char *pasted = g_strnfill (KENSHO_LONG_TEXT_MAX + 1 - g_utf8_strlen (original, -1), 'x');
  g_autofree char *long_name = g_strnfill (KENSHO_SHORT_TEXT_MAX + 1, 'n');
  g_autofree char *too_long = g_strnfill (KENSHO_LONG_TEXT_MAX + 1, 'y');
  g_autofree char *path = g_strdup (kensho_document_get_path (kensho_window_get_document (fixture->window)));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tooltip = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  form = kensho_window_get_form (fixture->window);
  collect_text_views (form, views);
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));

  /* One character too many: nothing is inserted, and the field says why. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, pasted, -1);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, original);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, g_utf8_strlen (original, -1));
  g_assert_nonnull (find_label_starting (form, "Not inserted: this field holds at most 100,000 characters, as a sheet "
                                      "file does, and it would have 100,001."));
  save_screenshot (GTK_WIDGET (fixture->window), "window-text-too-long.png");
  /* Up to the limit is taken, and the message goes. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, pasted + 1, -1);
  g_assert_cmpint (g_utf8_strlen (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), -1),
                   ==, KENSHO_LONG_TEXT_MAX);
  g_assert_null (find_label_starting (form, "Not inserted"));

  /* A name of more than 1,000 characters neither. */
  name = kensho_indicator_form_get_field (KENSHO_INDICATOR_FORM (form), "name");
  {
    int position = (int) g_utf8_strlen (gtk_editable_get_text (name), -1);

    gtk_editable_insert_text (name, long_name + 6, -1, &position);
  }
  g_assert_cmpstr (kensho_indicator_get_name (indicator), ==, "新規就農者数");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
  tooltip = gtk_entry_get_icon_tooltip_text (GTK_ENTRY (name), GTK_ENTRY_ICON_SECONDARY);
  g_assert_cmpstr (tooltip, ==, "Not inserted: this field holds at most 1,000 characters, as a sheet file does, "
                                "and it would have 1,001.");

  /* Saved at the limit, the file opens again. Another indicator is shown
   * first: the save's wait runs the main loop, and GTK 4.8 lays a paragraph
   * of 100,000 letters without a break out for 40 s and more. */
  kensho_strategy_tree_select (fixture->tree, find_row (fixture->tree, "創業相談件数"));
  wait_idle ();
  save_and_wait (fixture->window);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KenshoSheet) saved = kensho_sheet_xml_load_file (path, &error);

    g_assert_no_error (error);
  }

  /* Too long by another way in: the save is refused in words, the file kept. */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, too_long);
  save_and_wait (fixture->window);
  dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0)),
                            "② Issues of 令和5年度 of “新規就農者数” is too long to save: 100,001 characters"));
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (kensho_document_get_unsaved (kensho_window_get_document (fixture->window)));
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

/* The "open elsewhere" question names the colleague as a person, as the
 * lock beside the sheet has it, not by their login. */
static void
test_lock_dialog_names_the_person (Fixture *fixture, gconstpointer data)
{
  const char *open_path = kensho_document_get_path (kensho_window_get_document (fixture->window));
  g_autofree char *dir = g_path_get_dirname (open_path);
  g_autofree char *path = g_build_filename (dir, "colleague.xml", NULL);
  g_autofree char *lock_path = g_build_filename (dir, ".~lock.colleague.xml#", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) dialogs = NULL;
  AdwMessageDialog *dialog;
  gsize length;

  g_assert_true (g_file_get_contents (open_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (lock_path, "yamada\nother-host.example\n4242\n1700000000\n山田 花子\n",
                                      -1, NULL));
  kensho_window_open_file (fixture->window, file);
  wait_idle ();

  dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“colleague.xml” Is Open Elsewhere");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "山田 花子 (on other-host.example)"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "yamada"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_idle ();
  g_remove (lock_path);
}

static void
wait_banner (KenshoChangeBanner *banner, gboolean shown)
{
  while (kensho_change_banner_get_shown (banner) != shown)
    g_main_context_iteration (NULL, TRUE);
}

/* Someone else saves the open sheet's file (a rename over it, as Kensho
 * and most programs save), with another title. */
static void
change_behind (const char *path, const char *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *temp = g_strconcat (path, ".theirs", NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<title>[^<]*</title>", 0, 0, NULL);
  g_autofree char *replacement = g_strdup_printf ("<title>%s</title>", title);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  changed = g_regex_replace_literal (regex, contents, -1, 0, replacement, 0, NULL);
  g_assert_cmpstr (changed, !=, contents);
  g_assert_true (g_file_set_contents (temp, changed, -1, NULL));
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

/* A file changed behind the window shows the bar at once: through the file
 * monitor for a local file; for one on a network drive, when the window
 * gains focus and at each look of the interval. Reload takes theirs; with
 * unsaved edits here it offers to keep both instead. */
static void
test_change_banner (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  const char *path = kensho_document_get_path (document);
  g_autofree char *dir = g_path_get_dirname (path);
  KenshoChangeBanner *banner = KENSHO_CHANGE_BANNER (find_of_type (GTK_WIDGET (fixture->window),
                                                                   KENSHO_TYPE_CHANGE_BANNER));
  GtkInfoBar *bar = GTK_INFO_BAR (find_of_type (GTK_WIDGET (banner), GTK_TYPE_INFO_BAR));

  g_assert_false (kensho_change_banner_get_shown (banner));
  change_behind (path, "他の人の変更");
  wait_banner (banner, TRUE);
  g_assert_nonnull (find_label_starting (GTK_WIDGET (bar), "Someone changed"));
  gtk_info_bar_response (bar, 1); /* Reload */
  g_assert_false (kensho_change_banner_get_shown (banner));
  g_assert_cmpstr (kensho_sheet_get_title (kensho_document_get_sheet (document)), ==, "他の人の変更");

  /* On a network drive no monitor fires: focus, then the interval, look. */
  g_setenv ("KENSHO_TEST_NETWORK_PREFIX", dir, TRUE);
  kensho_change_banner_set_document (banner, document);
  g_unsetenv ("KENSHO_TEST_NETWORK_PREFIX");
  change_behind (path, "二度目の変更");
  wait_idle ();
  g_assert_false (kensho_change_banner_get_shown (banner));
  /* The window must have the focus for "gains focus" to mean anything (a
   * dialog of an earlier case may still hold it on a slow machine). */
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for (gtk_window_is_active (GTK_WINDOW (fixture->window)));
  g_object_notify (G_OBJECT (fixture->window), "is-active");
  g_assert_true (kensho_change_banner_get_shown (banner));
  gtk_info_bar_response (bar, 3); /* Keep Mine */
  g_assert_false (kensho_change_banner_get_shown (banner));

  /* Edits on both sides: no Reload, which would drop mine; keep both. */
  kensho_document_reload (document, NULL);
  kensho_sheet_set_title (kensho_document_get_sheet (document), "私の変更");
  g_object_set (banner, "interval", 20, NULL);
  change_behind (path, "三度目の変更");
  wait_banner (banner, TRUE);
  g_assert_nonnull (find_label_starting (GTK_WIDGET (bar), "Someone changed"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_labelled_button (GTK_WIDGET (bar), "_Reload"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_labelled_button (GTK_WIDGET (bar), "Keep _Both…"))));
  g_assert_cmpstr (kensho_sheet_get_title (kensho_document_get_sheet (document)), ==, "私の変更");
  gtk_info_bar_response (bar, 3);
  kensho_change_banner_set_document (banner, NULL);
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

/* The disk fails to confirm a sync (a disk going bad): the window says the
 * edits are in the workspace yet unconfirmed, not that they are in memory
 * only, and stops saying it once a sync succeeds. */
static void
test_workspace_sync_unconfirmed (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  g_autofree char *folder = g_path_get_dirname (kensho_workspace_get_path (workspace));
  KenshoIndicator *indicator = KENSHO_INDICATOR (find_row (fixture->tree, "新規求人数"));
  GtkRevealer *status;

  _kensho_workspace_wait_synced (workspace);
  g_assert_null (find_revealed_status (GTK_WIDGET (fixture->window)));
  fail_syncs_under (folder, EIO);
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "確認されない書き込み");
  g_assert_true (kensho_workspace_flush (workspace, NULL));
  _kensho_workspace_wait_synced (workspace);
  wait_idle ();
  status = find_revealed_status (GTK_WIDGET (fixture->window));
  g_assert_nonnull (status);
  g_assert_true (holds_label_with (GTK_WIDGET (status), "Your edits are in the workspace, but the disk did not "
                                                        "confirm that it holds them"));
  g_assert_true (holds_label_with (GTK_WIDGET (status), g_strerror (EIO)));
  g_assert_false (holds_label_with (GTK_WIDGET (status), "kept in memory"));

  fail_syncs_under (NULL, 0);
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "確認された書き込み");
  g_assert_true (kensho_workspace_flush (workspace, NULL));
  _kensho_workspace_wait_synced (workspace);
  wait_idle ();
  g_assert_false (gtk_revealer_get_reveal_child (status));
}

/* The row widget of @node in the tree: the focusable one holding its title. */
static GtkWidget *
row_widget (KenshoStrategyTree *tree, KenshoNode *node)
{
  GtkWidget *row = kensho_strategy_tree_get_title_widget (tree, node);

  while (row != NULL && !gtk_widget_get_focusable (row))
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  return row;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* Tab in ①②③ and the reason goes on to the next field and types nothing;
 * Ctrl+Tab types a tab. The tree is one Tab stop, with arrows inside. */
static void
test_tab_moves_on (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GBytes) unfocused = NULL;
  g_autoptr(GBytes) focused = NULL;
  GtkTextView *reason;
  GtkWidget *focus;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  collect_text_views (kensho_window_get_form (fixture->window), views);
  g_assert_cmpuint (views->len, ==, 6); /* ①②③, the reason, the committee's opinion and response */
  first = buffer_text (g_ptr_array_index (views, 0));
  second = buffer_text (g_ptr_array_index (views, 1));
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (views, 0)));
  g_assert_true (press_key (window, GDK_KEY_Tab, 0));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (views, 1));
  typed = buffer_text (g_ptr_array_index (views, 0));
  g_assert_cmpstr (typed, ==, first);
  g_assert_cmpstr (kensho_indicator_get_commentary (KENSHO_INDICATOR (node), 2023, KENSHO_COMMENTARY_ACTIVITIES),
                   ==, first);
  g_clear_pointer (&typed, g_free);

  /* Ctrl+Tab types one, where a tab is wanted. */
  g_assert_true (press_key (window, GDK_KEY_Tab, GDK_CONTROL_MASK));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (views, 1));
  typed = buffer_text (g_ptr_array_index (views, 1));
  g_assert_cmpuint (strlen (typed), ==, strlen (second) + 1);
  g_assert_nonnull (strchr (typed, '\t'));

  /* From ③ on to the values beside it, then back. */
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (views, 2)));
  g_assert_true (press_key (window, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, kensho_indicator_form_get_values_editor (
                                                  KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window)))));
  g_assert_true (press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (views, 2));

  reason = g_ptr_array_index (views, 3);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (reason)));
  g_assert_true (press_key (window, GDK_KEY_Tab, 0));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != GTK_WIDGET (reason));
  g_clear_pointer (&typed, g_free);
  typed = buffer_text (reason);
  g_assert_null (strchr (typed, '\t'));

  /* In the tree, Down moves to the next row and Tab leaves the tree. */
  g_assert_true (gtk_widget_grab_focus (row_widget (fixture->tree, node)));
  /* The focused row shows it, when the keyboard is in use. GTK takes the
   * focus ring away 3 s after it is shown (VISIBLE_FOCUS_DURATION), and
   * draws none in a window that is not active: the tests running beside
   * this one on the same X server take the focus when they show their
   * windows. Until the row is drawn in the active window with its ring,
   * the window is made active and the ring shown again. */
  gtk_window_set_focus_visible (window, FALSE);
  wait_frame (row_widget (fixture->tree, node));
  unfocused = dup_rendering (row_widget (fixture->tree, node));
  for (guint shown = 0; shown < 5; shown++)
    {
      gtk_window_present (window);
      wait_for (gtk_window_is_active (window));
      gtk_window_set_focus_visible (window, TRUE);
      wait_frame (row_widget (fixture->tree, node));
      g_clear_pointer (&focused, g_bytes_unref);
      focused = dup_rendering (row_widget (fixture->tree, node));
      if (gtk_window_get_focus_visible (window) && gtk_window_is_active (window))
        break;
    }
  g_assert_true (gtk_widget_has_focus (row_widget (fixture->tree, node)));
  g_assert_true (gtk_widget_get_state_flags (row_widget (fixture->tree, node)) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  g_assert_false (g_bytes_equal (unfocused, focused));
  g_assert_true (press_key (window, GDK_KEY_Down, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->tree)));
  g_assert_true (focus != row_widget (fixture->tree, node));
  g_assert_true (press_key (window, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->tree)));
}
/* The visible label saying @text under @widget, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_label (GtkWidget *widget, const char *text)
{
  return find_label (widget, text) != NULL;
}

/* Delete in the tree deletes the selected row, with the undo toast; a
 * measure's toast says how many indicators went with it. Delete in a text
 * field deletes text. */
static void
test_delete_key (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  KenshoNode *kpi = find_row (fixture->tree, "製造業の事業所数");
  KenshoNode *measure = kensho_node_get_parent (kpi);
  GtkEditable *name;

  kensho_strategy_tree_select (fixture->tree, kpi);
  wait_idle ();
  name = kensho_indicator_form_get_field (KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window)), "name");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (name)));
  gtk_editable_set_position (name, 0);
  g_assert_true (press_key (window, GDK_KEY_Delete, 0));
  g_assert_true (kensho_node_get_parent (kpi) == measure);
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "造業の事業所数");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* The first toast: the next ones wait until it has gone. */
  kensho_strategy_tree_select (fixture->tree, measure);
  wait_idle ();
  g_assert_true (gtk_widget_grab_focus (row_widget (fixture->tree, measure)));
  g_assert_true (press_key (window, GDK_KEY_Delete, 0));
  g_assert_null (kensho_node_get_parent (measure));
  g_assert_true (shows_label (GTK_WIDGET (window), "“企業誘致の推進” and its 2 indicators deleted"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (kensho_node_get_parent (measure));

  kensho_strategy_tree_select (fixture->tree, kpi);
  wait_idle ();
  g_assert_true (gtk_widget_grab_focus (row_widget (fixture->tree, kpi)));
  g_assert_true (press_key (window, GDK_KEY_Delete, 0));
  g_assert_null (kensho_node_get_parent (kpi));
  /* The keyboard stays in the tree, on the next row: Delete again deletes
   * that one. */
  {
    KenshoNode *next = kensho_strategy_tree_get_selected (fixture->tree);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (next);
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->tree)));
    g_assert_true (press_key (window, GDK_KEY_Delete, 0));
    g_assert_null (kensho_node_get_parent (next));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_nonnull (kensho_node_get_parent (next));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (kensho_node_get_parent (kpi) == measure);
}
/* The entry the keyboard is in, with all of its text selected. */
static GtkEditable *
focused_entry_all_selected (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkEditable *entry;
  int start = -1, end = -1;

  g_assert_true (GTK_IS_TEXT (focus));
  entry = GTK_EDITABLE (gtk_widget_get_parent (focus));
  g_assert_true (gtk_editable_get_selection_bounds (entry, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (entry), -1));
  return entry;
}

/* A new row is ready for its name: the keyboard is in it, the placeholder
 * selected. A new measure takes the next number. */
static void
test_add_focuses_name (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  KenshoNode *measure = find_row (fixture->tree, "企業誘致の推進");
  KenshoNode *added;
  GtkEditable *entry;

  kensho_strategy_tree_select (fixture->tree, measure);
  wait_idle ();
  g_assert_true (gtk_widget_grab_focus (row_widget (fixture->tree, measure)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-measure", NULL));
  added = kensho_strategy_tree_get_selected (fixture->tree);
  g_assert_true (added != measure);
  g_assert_cmpint (kensho_node_get_kind (added), ==, KENSHO_NODE_MEASURE);
  g_assert_cmpstr (kensho_node_get_code (added), ==, "⑤");
  entry = focused_entry_all_selected (window);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "New measure");
  gtk_editable_set_text (entry, "観光の推進");
  wait_idle ();
  g_assert_cmpstr (kensho_node_get_title (added), ==, "観光の推進");

  g_assert_true (press_key (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  added = kensho_strategy_tree_get_selected (fixture->tree);
  g_assert_true (KENSHO_IS_INDICATOR (added));
  entry = focused_entry_all_selected (window);
  g_assert_true (entry == kensho_indicator_form_get_field (KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window)),
                                                           "name"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "New KPI");
}
static guint
count_found (KenshoStrategyTree *tree, const char *search)
{
  kensho_strategy_tree_set_search (tree, search);
  return count_rows (tree, KENSHO_NODE_INDICATOR);
}

/* The search finds text whatever its width and kana, and says when it
 * finds nothing. */
static void
test_search_folds_width (Fixture *fixture, gconstpointer data)
{
  KenshoNode *kpi = find_row (fixture->tree, "創業相談件数");
  guint sns = count_found (fixture->tree, "SNS");
  guint corona = count_found (fixture->tree, "コロナ");
  const char *nothing = "Nothing matches the search and filters.";

  g_assert_cmpuint (sns, >, 0);
  g_assert_cmpuint (corona, >, 0);
  g_assert_false (shows_label (GTK_WIDGET (fixture->tree), nothing));
  g_assert_cmpuint (count_found (fixture->tree, "ＳＮＳ"), ==, sns);
  g_assert_cmpuint (count_found (fixture->tree, "sns"), ==, sns);
  g_assert_cmpuint (count_found (fixture->tree, "ｺﾛﾅ"), ==, corona);
  g_assert_cmpuint (count_found (fixture->tree, "ころな"), ==, corona);
  g_assert_false (shows_label (GTK_WIDGET (fixture->tree), nothing));

  g_assert_cmpuint (count_found (fixture->tree, "該当なしの語句"), ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (fixture->tree), nothing));
  save_screenshot (GTK_WIDGET (fixture->window), "window-search-nothing.png");

  /* An edit is found at once, and no longer once undone. */
  kensho_indicator_set_commentary (KENSHO_INDICATOR (kpi), 2023, KENSHO_COMMENTARY_ISSUES, "ＳＮＳで該当なしの語句");
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 1);
  g_assert_false (shows_label (GTK_WIDGET (fixture->tree), nothing));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (count_rows (fixture->tree, KENSHO_NODE_INDICATOR), ==, 0);
  g_assert_cmpuint (count_found (fixture->tree, NULL), ==, 47);
  g_assert_false (shows_label (GTK_WIDGET (fixture->tree), nothing));
}
/* The form names the fiscal year it edits, and the header bar switches it
 * in one click, undoably. */
static void
test_year_in_view (Fixture *fixture, gconstpointer data)
{
  KenshoSheet *sheet = kensho_window_get_sheet (fixture->window);
  GtkDropDown *years = find_drop_down (GTK_WIDGET (fixture->window), "令和2年度");
  GtkWidget *form;

  kensho_strategy_tree_select (fixture->tree, find_row (fixture->tree, "創業相談件数"));
  wait_idle ();
  form = kensho_window_get_form (fixture->window);
  g_assert_true (shows_label (form, "① Activities in 令和5年度"));
  g_assert_true (shows_label (form, "② Issues in 令和5年度"));
  g_assert_nonnull (years);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (years)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (years),
                                         gtk_widget_get_ancestor (GTK_WIDGET (years), ADW_TYPE_HEADER_BAR)));
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (years)), ==, 8);

  gtk_drop_down_set_selected (years, 4);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2024);
  g_assert_true (shows_label (form, "① Activities in 令和6年度"));
  g_assert_false (shows_label (form, "① Activities in 令和5年度"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2023);
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 3);
  g_assert_true (shows_label (kensho_window_get_form (fixture->window), "① Activities in 令和5年度"));
}
/* Each text box counts its characters (line breaks apart), as it is typed. */
static void
test_character_count (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  guint n;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  collect_text_views (kensho_window_get_form (fixture->window), views);
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  n = (guint) g_utf8_strlen (kensho_indicator_get_commentary (KENSHO_INDICATOR (node), 2023,
                                                              KENSHO_COMMENTARY_ACTIVITIES), -1);
  before = g_strdup_printf ("%u characters", n);
  g_assert_true (shows_label (kensho_window_get_form (fixture->window), before));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n追記", -1);
  after = g_strdup_printf ("%u characters", n + 2);
  g_assert_true (shows_label (kensho_window_get_form (fixture->window), after));
  g_assert_true (shows_label (kensho_window_get_form (fixture->window), "0 characters"));
}

static int
font_size (GtkWidget *widget)
{
  return pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

/* Ctrl+plus and Ctrl+minus zoom the form and the tree, Ctrl+0 goes back;
 * the zoom is kept in the settings for the next start. */
static void
test_zoom (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *widgets[3];
  int sizes[3];

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  collect_text_views (kensho_window_get_form (fixture->window), views);
  widgets[0] = g_ptr_array_index (views, 0);
  widgets[1] = find_label (kensho_window_get_form (fixture->window), "① Activities in 令和5年度");
  widgets[2] = kensho_strategy_tree_get_title_widget (fixture->tree, node);
  wait_frame (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    sizes[i] = font_size (widgets[i]);
  g_assert_true (gtk_widget_grab_focus (widgets[0]));

  g_assert_true (press_key (window, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.1, 0.001);
  wait_frame (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_assert_cmpint (font_size (widgets[i]), >, sizes[i]);
  save_screenshot (GTK_WIDGET (window), "window-zoomed.png");

  g_assert_true (press_key (window, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_true (press_key (window, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 0.9, 0.001);
  wait_frame (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_assert_cmpint (font_size (widgets[i]), <, sizes[i]);

  g_assert_true (press_key (window, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.0, 0.001);
  wait_frame (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_assert_cmpint (font_size (widgets[i]), ==, sizes[i]);
  g_settings_reset (settings, "zoom");
}
static void
on_changed_flag (GObject *object, gboolean *changed)
{
  *changed = TRUE;
}

/* Pastes @text from the clipboard into @widget, as Ctrl+V does, and waits
 * until @changes (the entry or text buffer) has changed and what the
 * change set off is done. */
static void
paste (GtkWidget *widget, gpointer changes, const char *text)
{
  gboolean changed = FALSE;
  gulong handler = g_signal_connect (changes, "changed", G_CALLBACK (on_changed_flag), &changed);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (gtk_widget_activate_action (widget, "clipboard.paste", NULL));
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (changes, handler);
  wait_idle ();
}

static const char *
actual_number (KenshoIndicator *indicator, KenshoColumn column)
{
  const KenshoValue *value = kensho_series_get_column (kensho_indicator_get_series (indicator, 0), column, 2023);

  return value ? value->number : NULL;
}

/* A row copied from a spreadsheet, pasted into a value box, fills the
 * boxes after it; a row of three texts pasted into ① fills ①②③. Each is
 * one step to undo. */
static void
test_paste_spreadsheet_row (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "製造品出荷額等");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *activities = NULL;
  g_autofree char *expected = NULL;
  KenshoValuesEditor *values;
  GtkEditable *cell;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  values = KENSHO_VALUES_EDITOR (kensho_indicator_form_get_values_editor (
                                   KENSHO_INDICATOR_FORM (kensho_window_get_form (fixture->window))));
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_ACTUAL), ==, "11017");
  cell = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_PREVIOUS_ACTUAL);
  paste (GTK_WIDGET (gtk_editable_get_delegate (cell)), cell, "10,500億円\t11,600億円\t12,000億円\r\n");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_TARGET), ==, "12000");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL), ==, "10500");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_ACTUAL), ==, "11600");
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "10,500億円");
  g_assert_cmpstr (gtk_editable_get_text (kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL)), ==,
                   "11,600億円");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL), ==, "10060");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_ACTUAL), ==, "11017");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_TARGET), !=, "12000");

  /* A cell that cannot be read keeps what was pasted, marked; the others fill. */
  cell = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL);
  paste (GTK_WIDGET (gtk_editable_get_delegate (cell)), cell, "11,5x0億円\t12,500億円");
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "11,5x0億円");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_ACTUAL), ==, "11017");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_TARGET), ==, "12500");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));

  collect_text_views (kensho_window_get_form (fixture->window), views);
  activities = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES));
  expected = g_strconcat (activities, "企業訪問", NULL);
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), &end);
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), &end);
  }
  paste (g_ptr_array_index (views, 0), gtk_text_view_get_buffer (g_ptr_array_index (views, 0)),
         "企業訪問\t人手不足\t\"採用支援\n継続\"\r\n");
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS), ==,
                   "採用支援\n継続");
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, expected);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "人手不足");
  g_clear_pointer (&expected, g_free);
  expected = buffer_text (g_ptr_array_index (views, 1));
  g_assert_cmpstr (expected, ==, "人手不足");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, activities);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), !=, "人手不足");

  /* Into ③, the last box: the cells go there one a line, none lost. */
  {
    g_autofree char *next_steps = g_strdup (kensho_indicator_get_commentary (indicator, 2023,
                                                                              KENSHO_COMMENTARY_NEXT_STEPS));
    g_autofree char *joined = g_strconcat (next_steps, "補助\n周知", NULL);
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (g_ptr_array_index (views, 2)), &end);
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (g_ptr_array_index (views, 2)), &end);
    paste (g_ptr_array_index (views, 2), gtk_text_view_get_buffer (g_ptr_array_index (views, 2)), "補助\t周知");
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS), ==, joined);
  }

  /* A column of cells (rows ended by CR LF, as Excel copies them) fills
   * ①②③ as a row does, over the selection, with no CR saved. */
  {
    GtkTextBuffer *first = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (first, &start, &end);
    gtk_text_buffer_select_range (first, &start, &end);
    gtk_text_buffer_delete_selection (first, TRUE, TRUE);
    paste (g_ptr_array_index (views, 0), first, "取組A\r\n課題B\r\n方策C\r\n");
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, "取組A");
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "課題B");
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS), ==, "方策C");
    /* Lines from Windows that are no column keep their breaks, as LF. */
    gtk_text_buffer_get_end_iter (first, &end);
    gtk_text_buffer_place_cursor (first, &end);
    paste (g_ptr_array_index (views, 0), first, "\r\n一行\r\n二行");
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==,
                     "取組A\n一行\n二行");
  }

  /* Bare numbers pasted take the indicator's unit, as typed ones do. */
  cell = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_PREVIOUS_ACTUAL);
  paste (GTK_WIDGET (gtk_editable_get_delegate (cell)), cell, "10600\t11700");
  {
    KenshoSeries *series = kensho_indicator_get_series (indicator, 0);

    g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_ACTUAL), ==, "11700");
    g_assert_cmpstr (kensho_series_get_column (series, KENSHO_COLUMN_PREVIOUS_ACTUAL, 2023)->unit, ==, "億円");
    g_assert_cmpstr (kensho_series_get_column (series, KENSHO_COLUMN_ACTUAL, 2023)->unit, ==, "億円");
  }
}

/* The columns of the form around its rating. */
static KenshoFormColumns *
rating_columns (KenshoWindow *window)
{
  GtkWidget *rating = GTK_WIDGET (find_drop_down (kensho_window_get_form (window), "Not rated"));

  return KENSHO_FORM_COLUMNS (gtk_widget_get_ancestor (rating, KENSHO_TYPE_FORM_COLUMNS));
}

/* Whether @widget is shown whole in the scrolled window around it, unscrolled. */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, viewport, &bounds));
  g_test_message ("%s: %g to %g of %d", G_OBJECT_TYPE_NAME (widget), bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (viewport));
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (viewport);
}

/* Resizes the window (its size less the decorations' shadow) and waits for
 * the frame drawn at that size, or for the smallest it can take. */
static void
resize (GtkWindow *window, int width, int height)
{
  gtk_window_set_default_size (window, width, height);
  for (int frames = 0; frames < 20 && gtk_widget_get_width (GTK_WIDGET (window)) > width; frames++)
    wait_frame (GTK_WIDGET (window));
  wait_frame (GTK_WIDGET (window));
}

/* At 1280×800 the rating and the reason are in view beside the commentary,
 * unscrolled; at 800 wide the parts are one above the other, and fit. */
static void
test_form_fits_window (Fixture *fixture, gconstpointer data)
{
  static const char *const names[] = { "製造品出荷額等", "新技術・新製品等の開発数", "新規就農者数" };
  GtkWindow *window = GTK_WINDOW (fixture->window);

  resize (window, 1280, 800);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) views = g_ptr_array_new ();
      GtkWidget *form;

      kensho_strategy_tree_select (fixture->tree, find_row (fixture->tree, names[i]));
      wait_frame (GTK_WIDGET (window));
      form = kensho_window_get_form (fixture->window);
      collect_text_views (form, views);
      g_assert_true (kensho_form_columns_is_wide (rating_columns (fixture->window)));
      g_assert_true (in_view (GTK_WIDGET (find_drop_down (form, "Not rated"))));
      g_assert_true (in_view (g_ptr_array_index (views, 3)));
    }
  save_screenshot (GTK_WIDGET (window), "window-form-1280x800.png");

  resize (window, 800, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_false (kensho_form_columns_is_wide (rating_columns (fixture->window)));
  save_screenshot (GTK_WIDGET (window), "window-form-800x600.png");
}
static void
collect_listed (GtkWidget *widget, GPtrArray *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerators = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accelerators, NULL);
      each = g_strsplit (accelerators ? accelerators : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          if (gtk_accelerator_parse (each[i], &keyval, &modifiers))
            g_ptr_array_add (listed, gtk_accelerator_name (keyval, modifiers));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* The app's own shortcuts on @widget: those of its win. and app. actions. */
static void
collect_bound (GtkWidget *widget, GPtrArray *bound)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_NAMED_ACTION (action) && GTK_IS_KEYVAL_TRIGGER (trigger) &&
              (g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.") ||
               g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "app.")))
            g_ptr_array_add (bound, gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
}

/* The shortcuts window lists every shortcut of the window, the tree and the
 * application, and the form's keys. Alternatives of one (Ctrl+=, the
 * keypad's) need not be listed. */
static void
test_shortcuts_listed (Fixture *fixture, gconstpointer data)
{
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bound = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (fixture->app));
  static const char *const alternatives[] = { "<Control>equal", "<Control>KP_Add", "<Control>KP_Subtract",
                                              "<Control>KP_0", "KP_Delete", NULL };
  static const char *const form_keys[] = { "Tab", "<Shift>Tab", "<Control>Tab", "<Control>v", NULL };

  g_assert_nonnull (help);
  collect_listed (GTK_WIDGET (help), listed);
  collect_bound (GTK_WIDGET (fixture->window), bound);
  collect_bound (GTK_WIDGET (fixture->tree), bound);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &modifiers));
          g_ptr_array_add (bound, gtk_accelerator_name (keyval, modifiers));
        }
    }
  for (guint i = 0; form_keys[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      g_assert_true (gtk_accelerator_parse (form_keys[i], &keyval, &modifiers));
      g_ptr_array_add (bound, gtk_accelerator_name (keyval, modifiers));
    }
  g_assert_cmpuint (bound->len, >, 20);
  for (guint i = 0; i < bound->len; i++)
    {
      const char *accelerator = g_ptr_array_index (bound, i);
      gboolean alternative = FALSE;

      for (guint j = 0; alternatives[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (alternatives[j], &keyval, &modifiers));
          name = gtk_accelerator_name (keyval, modifiers);
          alternative |= g_str_equal (name, accelerator);
        }
      if (!alternative && !g_ptr_array_find_with_equal_func (listed, accelerator, g_str_equal, NULL))
        g_error ("%s is not in the shortcuts window", accelerator);
    }
}

static KenshoIndicatorForm *
shown_indicator_form (Fixture *fixture)
{
  GtkWidget *form = kensho_window_get_form (fixture->window);

  g_assert_true (KENSHO_IS_INDICATOR_FORM (form));
  return KENSHO_INDICATOR_FORM (form);
}

static KenshoValuesEditor *
shown_values (Fixture *fixture)
{
  return KENSHO_VALUES_EDITOR (kensho_indicator_form_get_values_editor (shown_indicator_form (fixture)));
}

/* Sheet Properties → the year shown R5 → R6: the open form's headings,
 * values and texts follow at once, and what is typed goes to R6. */
static void
test_year_change_in_open_form (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "製造品出荷額等");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  KenshoSheet *sheet = kensho_window_get_sheet (fixture->window);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GString) headings = g_string_new (NULL);
  g_autofree char *activities_r5 = NULL;
  GtkTextView *divisions = NULL;
  KenshoValuesEditor *values;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GtkWindow *dialog;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  values = shown_values (fixture);
  activities_r5 = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES));
  g_assert_nonnull (activities_r5);

  dialog = kensho_sheet_properties_new (GTK_WINDOW (fixture->window), sheet);
  gtk_window_present (dialog);
  wait_idle ();
  collect_year_entries (GTK_WIDGET (dialog), entries, &divisions);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "R6");
  gtk_window_destroy (dialog);
  wait_idle ();
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2024);

  /* The headings name R5 (the year before) and R6, never R4. */
  collect_label_texts (GTK_WIDGET (values), headings);
  g_test_message ("%s", headings->str);
  g_assert_nonnull (strstr (headings->str, "令和5年度 actual"));
  g_assert_nonnull (strstr (headings->str, "令和6年度 actual"));
  g_assert_nonnull (strstr (headings->str, "令和6年度 target"));
  g_assert_null (strstr (headings->str, "令和4年度"));
  /* The year before is R5's actual; R6 has none yet. */
  g_assert_cmpstr (gtk_editable_get_text (kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_PREVIOUS_ACTUAL)),
                   ==, "11,017億円 (令和3年)");
  g_assert_cmpstr (gtk_editable_get_text (kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL)), ==, "");

  gtk_editable_set_text (kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL), "7");
  wait_idle ();
  g_assert_cmpstr (kensho_series_get_column (kensho_indicator_get_series (indicator, 0), KENSHO_COLUMN_ACTUAL,
                                             2024)->number, ==, "7");
  g_assert_cmpstr (kensho_series_get_column (kensho_indicator_get_series (indicator, 0), KENSHO_COLUMN_ACTUAL,
                                             2023)->number, ==, "11017");

  /* ① shows R6's text (none), and what is typed there is R6's. */
  collect_text_views (GTK_WIDGET (shown_indicator_form (fixture)), views);
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "令和6年度の取組", -1);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2024, KENSHO_COMMENTARY_ACTIVITIES), ==, "令和6年度の取組");
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, activities_r5);
}

/* Deleting the selected row moves the selection to a neighbour, whose
 * form is shown: nothing typed goes into the deleted row. Undoing an add
 * takes the added row's form away. */
static void
test_delete_moves_selection (Fixture *fixture, gconstpointer data)
{
  KenshoNode *first = find_row (fixture->tree, "製造品出荷額等");
  KenshoNode *second = find_row (fixture->tree, "新技術・新製品等の開発数");
  KenshoNode *third = find_row (fixture->tree, "創業相談件数");
  KenshoNode *measure = kensho_node_get_parent (second);
  KenshoIndicatorForm *form;
  KenshoNode *added;

  g_assert_true (kensho_node_get_child (measure, 2) == third);
  kensho_strategy_tree_select (fixture->tree, second);
  wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  wait_idle ();
  /* The next one. */
  g_assert_true (kensho_strategy_tree_get_selected (fixture->tree) == third);
  form = shown_indicator_form (fixture);
  g_assert_true (kensho_indicator_form_get_indicator (form) == KENSHO_INDICATOR (third));
  gtk_editable_set_text (kensho_indicator_form_get_field (form, "name"), "創業相談の件数");
  g_assert_cmpstr (kensho_indicator_get_name (KENSHO_INDICATOR (third)), ==, "創業相談の件数");
  g_assert_cmpstr (kensho_indicator_get_name (KENSHO_INDICATOR (second)), ==, "新技術・新製品等の開発数");

  /* The last of its measure: the one before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  wait_idle ();
  g_assert_true (kensho_strategy_tree_get_selected (fixture->tree) == first);
  g_assert_true (kensho_indicator_form_get_indicator (shown_indicator_form (fixture)) == KENSHO_INDICATOR (first));
  /* The only one: its measure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  wait_idle ();
  g_assert_true (kensho_strategy_tree_get_selected (fixture->tree) == measure);
  g_assert_true (KENSHO_IS_NODE_FORM (kensho_window_get_form (fixture->window)));

  /* An add undone: nothing selected, no form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-kpi", NULL));
  wait_idle ();
  added = kensho_strategy_tree_get_selected (fixture->tree);
  g_assert_true (kensho_indicator_form_get_indicator (shown_indicator_form (fixture)) == KENSHO_INDICATOR (added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_idle ();
  g_assert_null (kensho_node_get_sheet (added));
  g_assert_false (KENSHO_IS_INDICATOR_FORM (kensho_window_get_form (fixture->window)));
  g_assert_false (KENSHO_IS_NODE_FORM (kensho_window_get_form (fixture->window)));
}

static void
on_paste_done (GtkTextBuffer *buffer, GdkClipboard *clipboard, gboolean *done)
{
  *done = TRUE;
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Paste into ②, type, then Ctrl+Z four times: the typing goes, then the
 * paste, then the app's history goes on backwards; never forth again. */
static void
test_undo_in_commentary (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *original = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES));
  g_autofree char *pasted = g_strconcat (original, "貼り付けた文", NULL);
  g_autofree char *typed = g_strconcat (pasted, "追記", NULL);
  const char *expected[] = { pasted, original, original, original };
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  gboolean done = FALSE;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  collect_text_views (GTK_WIDGET (shown_indicator_form (fixture)), views);
  view = g_ptr_array_index (views, KENSHO_COMMENTARY_ISSUES);
  buffer = gtk_text_view_get_buffer (view);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), "貼り付けた文");
  g_signal_connect (buffer, "paste-done", G_CALLBACK (on_paste_done), &done);
  g_signal_emit_by_name (view, "paste-clipboard");
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (buffer, on_paste_done, &done);
  g_signal_emit_by_name (view, "insert-at-cursor", "追記");
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, typed);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *shown = NULL;

      press_key_from (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK);
      wait_idle ();
      shown = dup_buffer_text (buffer);
      g_assert_cmpstr (shown, ==, expected[i]);
      g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, expected[i]);
    }
  /* Redo comes back the same way. */
  g_assert_true (press_key_from (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, pasted);

  /* In a one-line field too: Ctrl+Z there is the window's undo. */
  {
    GtkEditable *name = kensho_indicator_form_get_field (shown_indicator_form (fixture), "name");
    GtkWidget *text = gtk_widget_get_first_child (GTK_WIDGET (name));

    while (text != NULL && !GTK_IS_TEXT (text))
      text = gtk_widget_get_next_sibling (text);
    g_assert_nonnull (text);
    gtk_widget_grab_focus (text);
    g_signal_emit_by_name (text, "insert-at-cursor", "（人）");
    g_assert_cmpstr (kensho_indicator_get_name (indicator), ==, "新規就農者数（人）");
    g_assert_true (press_key_from (text, GDK_KEY_z, GDK_CONTROL_MASK));
    g_assert_cmpstr (kensho_indicator_get_name (indicator), ==, "新規就農者数");
    g_assert_cmpstr (gtk_editable_get_text (name), ==, "新規就農者数");
    /* The step before is the commentary's paste, redone above. */
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, pasted);
  }
}

/* The number the cell shows is the one the model holds, whatever was typed
 * into it: FALSE when the cell cannot be read. */
static gboolean
cell_shows_model (GtkEditable *cell, KenshoIndicator *indicator, KenshoColumn column)
{
  g_autoptr(KenshoValue) shown = kensho_value_parse (gtk_editable_get_text (cell), NULL);
  const char *model = actual_number (indicator, column);

  return shown != NULL && g_strcmp0 (shown->number, model) == 0;
}

/* Typed into a value box one digit at a time, a 20-digit number went on
 * being shown while the model kept its first 15 digits, and Save wrote
 * them: a digit the file cannot hold is not typed in, and the box says
 * why. Pasted over the box's text, such a number leaves it as it was. */
static void
test_values_too_many_digits (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "製造品出荷額等");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  const char *digits = "12345678901234567890";
  g_autofree char *title = NULL;
  g_autofree char *before = NULL;
  KenshoValuesEditor *values;
  GtkEditable *cell;
  gint64 deadline;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  values = KENSHO_VALUES_EDITOR (kensho_indicator_form_get_values_editor (shown_indicator_form (fixture)));
  title = kensho_sheet_dup_column_title (kensho_window_get_sheet (fixture->window), KENSHO_COLUMN_PREVIOUS_ACTUAL);
  g_assert_cmpstr (title, ==, "令和4年度 actual");
  cell = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_PREVIOUS_ACTUAL);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_editable_set_text (cell, "");
  wait_idle ();

  for (int i = 0; digits[i] != '\0'; i++)
    {
      int position = gtk_editable_get_position (cell);

      gtk_editable_insert_text (cell, digits + i, 1, &position);
      gtk_editable_set_position (cell, position);
      wait_idle ();
      g_assert_true (cell_shows_model (cell, indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL));
    }
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "123456789012345");
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL), ==, "123456789012345");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), "Not inserted"));
  g_assert_nonnull (kensho_values_editor_get_error (values));
  g_assert_nonnull (strstr (kensho_values_editor_get_error (values),
                            "令和4年度 actual: Not inserted: “1234567890123450” has too many digits: Kensho keeps at "
                            "most 15 before the decimal point."));
  /* The next key that can be typed in takes the message away. */
  {
    int position = gtk_editable_get_position (cell);

    gtk_editable_insert_text (cell, ".5", -1, &position);
    wait_idle ();
  }
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL), ==, "123456789012345.5");
  g_assert_null (kensho_values_editor_get_error (values));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)));

  /* Pasted over the box's text: the box and the model are as they were. */
  cell = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL);
  before = g_strdup (gtk_editable_get_text (cell));
  g_assert_cmpstr (before, ==, "11,017億円 (令和3年)");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (cell)), digits);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cell)));
  gtk_editable_select_region (cell, 0, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gtk_editable_get_delegate (cell)), "clipboard.paste", NULL));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((kensho_values_editor_get_error (values) == NULL ||
          strstr (kensho_values_editor_get_error (values), "Not inserted") == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, before);
  g_assert_cmpstr (actual_number (indicator, KENSHO_COLUMN_ACTUAL), ==, "11017");
  g_assert_nonnull (strstr (kensho_values_editor_get_error (values), "Not inserted"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), "Not inserted"));
}

/* Ctrl+A, Ctrl+V of 100,001 characters in ①: the paste is refused, and
 * the text it would have replaced stays. */
static void
test_refused_paste_keeps_selection (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *original = g_strdup (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES));
  g_autofree char *pasted = g_strnfill (KENSHO_LONG_TEXT_MAX + 1, 'x');
  g_autofree char *shown = NULL;
  GtkWidget *form;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 deadline;

  g_assert_nonnull (original);
  g_assert_cmpstr (original, !=, "");
  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  form = GTK_WIDGET (shown_indicator_form (fixture));
  collect_text_views (form, views);
  view = g_ptr_array_index (views, KENSHO_COMMENTARY_ACTIVITIES);
  buffer = gtk_text_view_get_buffer (view);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), pasted);
  g_signal_emit_by_name (view, "paste-clipboard");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (find_label_starting (form, "Not inserted") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  wait_idle ();
  g_assert_nonnull (find_label_starting (form, "Not inserted: this field holds at most 100,000 characters"));
  shown = dup_buffer_text (buffer);
  g_assert_cmpstr (shown, ==, original);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, original);
}

static GtkPopover *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);
  return NULL;
}

static gboolean
is_inside (GtkWidget *widget, GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Opens @drop_down from the keyboard; returns where the keyboard is then. */
static GtkWidget *
open_drop_down (GtkDropDown *drop_down, GtkPopover *popover)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (drop_down));

  gtk_widget_grab_focus (GTK_WIDGET (drop_down));
  gtk_widget_activate (GTK_WIDGET (drop_down));
  while (!is_inside (gtk_root_get_focus (root), GTK_WIDGET (popover)))
    g_main_context_iteration (NULL, TRUE);
  /* The list makes its rows at the first frame, and the keyboard settles
   * at the next. */
  wait_frame (GTK_WIDGET (popover));
  wait_frame (GTK_WIDGET (popover));
  return gtk_root_get_focus (root);
}

/* The rating drop-down opens with the keyboard on the current rating:
 * Up and Enter choose the one above it, not the first of the list. */
static void
test_rating_popup_focus (Fixture *fixture, gconstpointer data)
{
  KenshoNode *node = find_row (fixture->tree, "新技術・新製品等の開発数");
  KenshoIndicator *indicator = KENSHO_INDICATOR (node);
  GtkDropDown *rating;
  GtkPopover *popover;
  GtkWidget *focus;
  g_autoptr(GString) texts = g_string_new (NULL);

  g_assert_cmpstr (kensho_indicator_get_rating_id (indicator, 2023), ==, "delayed");
  kensho_strategy_tree_select (fixture->tree, node);
  wait_drawn (GTK_WIDGET (fixture->window));
  rating = find_drop_down (GTK_WIDGET (shown_indicator_form (fixture)), "Not rated");
  g_assert_nonnull (rating);
  g_assert_cmpuint (gtk_drop_down_get_selected (rating), ==, 3);
  popover = find_popover (GTK_WIDGET (rating));
  g_assert_nonnull (popover);
  focus = open_drop_down (rating, popover);
  collect_label_texts (focus, texts);
  g_assert_cmpstr (texts->str, ==, "進捗の遅れ\n");

  g_assert_true (press_key_from (focus, GDK_KEY_Up, 0));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_string_truncate (texts, 0);
  collect_label_texts (focus, texts);
  g_assert_cmpstr (texts->str, ==, "概ね順調に進捗\n");
  /* Closed without a choice and opened again: still on the current one. */
  gtk_popover_popdown (popover);
  wait_idle ();
  focus = open_drop_down (rating, popover);
  g_string_truncate (texts, 0);
  collect_label_texts (focus, texts);
  g_assert_cmpstr (texts->str, ==, "進捗の遅れ\n");
  g_assert_true (press_key_from (focus, GDK_KEY_Return, 0));
  wait_idle ();
  g_assert_cmpstr (kensho_indicator_get_rating_id (indicator, 2023), ==, "delayed");
  /* Again, Up and Enter. */
  focus = open_drop_down (rating, popover);
  g_assert_true (press_key_from (focus, GDK_KEY_Up, 0));
  g_assert_true (press_key_from (gtk_root_get_focus (GTK_ROOT (fixture->window)), GDK_KEY_Return, 0));
  wait_idle ();
  g_assert_cmpstr (kensho_indicator_get_rating_id (indicator, 2023), ==, "mostly-on-track");
}


/* The window of this app showing the file at @path. */
static KenshoWindow *
window_showing (const char *path)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (KENSHO_IS_WINDOW (toplevel) && kensho_window_get_document (KENSHO_WINDOW (toplevel)) != NULL &&
          g_strcmp0 (kensho_document_get_path (kensho_window_get_document (KENSHO_WINDOW (toplevel))), path) == 0)
        return KENSHO_WINDOW (toplevel);
    }
  return NULL;
}

/* Someone else has the sheet open; it is opened read-only from the
 * question asked: nothing can be edited, and Save suggests a copy beside
 * their file, which stays as it was. */
static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "theirs.xml", NULL);
  g_autoptr(KenshoFileLock) theirs = kensho_file_lock_new (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *suggested = NULL;
  KenshoWindow *window;
  KenshoIndicatorForm *form;
  KenshoNode *node;
  GtkWindow *chooser;
  guint position, n_rows;

  g_assert_true (g_file_get_contents (kensho_document_get_path (kensho_window_get_document (fixture->window)),
                                      &before, NULL, NULL));
  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  g_assert_true (kensho_file_lock_acquire (theirs, NULL));

  kensho_window_open_file (fixture->window, file);
  wait_idle ();
  dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  adw_message_dialog_response (g_ptr_array_index (dialogs, 0), "read-only");
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));
  g_clear_pointer (&dialogs, g_ptr_array_unref);
  /* (Read in a thread, as any open the user asks for.) */
  wait_for (!kensho_window_is_opening (fixture->window));
  wait_idle ();
  window = window_showing (path);
  g_assert_nonnull (window);
  g_assert_true (kensho_document_get_read_only (kensho_window_get_document (window)));

  /* Nothing to edit: the form's fields, the tree's actions, undo. */
  node = find_row (kensho_window_get_tree (window), "製造品出荷額等");
  kensho_strategy_tree_select (kensho_window_get_tree (window), node);
  wait_idle ();
  form = KENSHO_INDICATOR_FORM (kensho_window_get_form (window));
  g_assert_false (gtk_editable_get_editable (kensho_indicator_form_get_field (form, "name")));
  g_assert_false (gtk_editable_get_editable (kensho_values_editor_get_cell (
    KENSHO_VALUES_EDITOR (kensho_indicator_form_get_values_editor (form)), 0, KENSHO_COLUMN_ACTUAL)));
  collect_text_views (GTK_WIDGET (form), views);
  for (guint i = 0; i < views->len; i++)
    g_assert_false (gtk_text_view_get_editable (g_ptr_array_index (views, i)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_drop_down (GTK_WIDGET (form), "Not rated"))));
  position = kensho_node_get_position (node);
  n_rows = kensho_strategy_tree_get_n_rows (kensho_window_get_tree (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-kpi", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.properties", NULL);
  g_assert_false (kensho_strategy_tree_drop_node (kensho_window_get_tree (window), node,
                                                  find_row (kensho_window_get_tree (window), "企業誘致の推進")));
  wait_idle ();
  g_assert_nonnull (kensho_node_get_sheet (node));
  g_assert_cmpuint (kensho_node_get_position (node), ==, position);
  g_assert_cmpuint (kensho_strategy_tree_get_n_rows (kensho_window_get_tree (window)), ==, n_rows);
  g_assert_null (find_toplevel ("AdwPreferencesWindow"));
  g_assert_false (kensho_document_get_unsaved (kensho_window_get_document (window)));

  /* Save goes to Save As, which suggests a copy, not their file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  chooser = wait_toplevel ("GtkFileChooserDialog");
  suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (suggested, ==, "theirs (copy).xml");
  /* (Their file chosen all the same is refused with their name: see
   * test-workspace's /workspace/lock.) */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_idle ();
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (kensho_document_get_read_only (kensho_window_get_document (window)));

  kensho_window_close_for_quit (window);
  wait_idle ();
  kensho_file_lock_release (theirs);
}

/* The file changed on disk since it was opened: saving asks, and the
 * safe answer (save elsewhere) has the keyboard, not Overwrite. */
static void
test_changed_on_disk_asks_safely (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoIndicator *indicator = KENSHO_INDICATOR (find_row (fixture->tree, "新規求人数"));
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  GtkWidget *focus;

  g_assert_true (g_file_get_contents (kensho_document_get_path (document), &contents, NULL, NULL));
  theirs = g_strconcat (contents, "<!-- theirs -->\n", NULL);
  g_assert_true (g_file_set_contents (kensho_document_get_path (document), theirs, -1, NULL));
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "私の編集");
  save_and_wait (fixture->window);
  dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (g_ptr_array_index (dialogs, 0)), ==, "The File Changed on Disk");
  wait_drawn (g_ptr_array_index (dialogs, 0));
  focus = gtk_root_get_focus (g_ptr_array_index (dialogs, 0));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Save _Elsewhere…");
  /* Save Elsewhere suggests a copy beside the file, not the file (two
   * Enters would have written over theirs). */
  adw_message_dialog_response (g_ptr_array_index (dialogs, 0), "elsewhere");
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));
  {
    GtkWindow *chooser = wait_toplevel ("GtkFileChooserDialog");
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_autofree char *base = g_path_get_basename (kensho_document_get_path (document));

    *strrchr (base, '.') = '\0';
    g_assert_true (g_str_has_prefix (suggested, base));
    g_assert_cmpstr (suggested + strlen (base), ==, " (copy).xml");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
  wait_idle ();
  g_assert_true (g_file_get_contents (kensho_document_get_path (document), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
}


/* A number typed without a unit takes the indicator's unit (else its
 * series' other values', see test-model); "約10件" (a text) and "10件以上" (a unit 件以上) read, with a
 * note at the box saying how. */
static void
test_value_units_and_notes (Fixture *fixture, gconstpointer data)
{
  KenshoIndicator *indicator = KENSHO_INDICATOR (find_row (fixture->tree, "製造品出荷額等"));
  KenshoValuesEditor *values;
  GtkEditable *target, *actual;
  const KenshoValue *value;

  /* Its unit, as its values have it. */
  g_assert_cmpstr (kensho_indicator_get_unit (indicator), ==, "億円");
  kensho_strategy_tree_select (fixture->tree, KENSHO_NODE (indicator));
  wait_idle ();
  values = shown_values (fixture);
  target = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_TARGET);
  actual = kensho_values_editor_get_cell (values, 0, KENSHO_COLUMN_ACTUAL);

  gtk_editable_set_text (target, "7");
  wait_idle ();
  value = kensho_series_get_column (kensho_indicator_get_series (indicator, 0), KENSHO_COLUMN_TARGET, 2023);
  g_assert_cmpstr (value->number, ==, "7");
  g_assert_cmpstr (value->unit, ==, "億円");
  /* What was typed stays as typed while typing. */
  g_assert_cmpstr (gtk_editable_get_text (target), ==, "7");
  g_assert_null (kensho_values_editor_get_notes (values));

  gtk_editable_set_text (actual, "約10件");
  wait_idle ();
  g_assert_nonnull (kensho_values_editor_get_notes (values));
  g_assert_nonnull (strstr (kensho_values_editor_get_notes (values), "“約10件” is kept as text"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (actual), "warning"));
  gtk_editable_set_text (actual, "10件以上");
  wait_idle ();
  g_assert_nonnull (strstr (kensho_values_editor_get_notes (values), "“件以上” is read as the unit"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (actual)), "令和5年度 actual"));
  /* A box that cannot be read says so, and only that. */
  gtk_editable_set_text (actual, "1,5x0件");
  wait_idle ();
  g_assert_nonnull (kensho_values_editor_get_error (values));
  g_assert_cmpstr (kensho_values_editor_get_notes (values), ==, NULL);
  gtk_editable_set_text (actual, "10件 (以上)");
  wait_idle ();
  g_assert_null (kensho_values_editor_get_notes (values));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (actual), "warning"));
  value = kensho_series_get_column (kensho_indicator_get_series (indicator, 0), KENSHO_COLUMN_ACTUAL, 2023);
  g_assert_cmpstr (value->note, ==, "以上");
}


static gboolean
title_has_dot (KenshoWindow *window)
{
  return strstr (gtk_window_get_title (GTK_WINDOW (window)), "•") != NULL;
}

/* Undoing back to what was saved (or opened) takes the unsaved dot away,
 * in the workspace too; redo brings it back. */
static void
test_undo_to_saved_state (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoWorkspace *workspace = kensho_document_get_workspace (document);
  KenshoNode *node = find_row (fixture->tree, "新規就農者数");
  GtkEditable *name;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  name = kensho_indicator_form_get_field (shown_indicator_form (fixture), "name");
  g_assert_false (title_has_dot (fixture->window));
  gtk_editable_set_text (name, "新規就農者の数");
  g_assert_true (title_has_dot (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_false (title_has_dot (fixture->window));
  g_assert_false (kensho_document_get_unsaved (document));
  g_assert_true (kensho_workspace_flush (workspace, NULL));
  g_assert_false (kensho_workspace_get_unsaved (workspace, kensho_document_get_id (document)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_true (title_has_dot (fixture->window));

  /* Saved with the new name, then edited and undone: clean again. */
  save_and_wait (fixture->window);
  g_assert_false (title_has_dot (fixture->window));
  gtk_editable_set_text (name, "新規就農者数（人）");
  g_assert_true (title_has_dot (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_false (title_has_dot (fixture->window));
  g_assert_cmpstr (kensho_indicator_get_name (KENSHO_INDICATOR (node)), ==, "新規就農者の数");
  /* Past the save it is changed again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (title_has_dot (fixture->window));
}


/* Export PDF starts beside the sheet, named after it, wherever the app was
 * started; Print to File suggests the same file, not output.pdf. */
static void
test_output_beside_sheet (Fixture *fixture, gconstpointer data)
{
  const char *path = kensho_document_get_path (kensho_window_get_document (fixture->window));
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected_uri = NULL;
  g_autoptr(GFile) shown = NULL;
  g_autofree char *shown_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPrintSettings) stored = NULL;
  g_autoptr(GSettings) app_settings = g_settings_new (APP_ID);
  GtkWindow *dialog;

  g_assert_cmpstr (cwd, !=, folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  dialog = wait_toplevel ("GtkFileChooserDialog");
  /* The chooser goes to its folder once the folder is read. */
  while ((shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  shown_path = g_file_get_path (shown);
  g_assert_cmpstr (shown_path, ==, folder);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート.pdf");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_idle ();

  /* Printed to a file last time. */
  stored = gtk_print_settings_new ();
  gtk_print_settings_set_printer (stored, "Print to File");
  g_settings_set_value (app_settings, "print-settings", gtk_print_settings_to_gvariant (stored));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  dialog = wait_toplevel ("GtkPrintUnixDialog");
  /* The printers are listed from the main loop. */
  for (;;)
    {
      g_autoptr(GObject) printer = NULL;

      g_object_get (dialog, "selected-printer", &printer, NULL);
      if (printer != NULL)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_object_get (dialog, "print-settings", &settings, NULL);
  g_settings_reset (app_settings, "print-settings");
  {
    g_autofree char *file = g_build_filename (folder, name, NULL);

    expected_uri = g_filename_to_uri (file, NULL, NULL);
  }
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, expected_uri);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_idle ();
}


/* The row selected in a sheet is selected again at the next start. */
static void
test_selection_restored (Fixture *fixture, gconstpointer data)
{
  KenshoWorkspace *workspace = kensho_application_get_workspace (fixture->app);
  KenshoNode *node = find_row (fixture->tree, "創業相談件数");
  gint64 id = kensho_document_get_id (kensho_window_get_document (fixture->window));
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KenshoNode *selected;

  kensho_strategy_tree_select (fixture->tree, node);
  wait_idle ();
  /* Quitting leaves the sheet open in the workspace, to come back. */
  kensho_window_close_for_quit (fixture->window);
  wait_idle ();
  document = kensho_document_restore (workspace, id, &error);
  g_assert_no_error (error);
  fixture->window = kensho_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kensho_window_set_document (fixture->window, document);
  wait_idle ();
  fixture->tree = kensho_window_get_tree (fixture->window);
  selected = kensho_strategy_tree_get_selected (fixture->tree);
  g_assert_nonnull (selected);
  g_assert_cmpstr (kensho_node_get_title (selected), ==, "創業相談件数");
  g_assert_true (kensho_indicator_form_get_indicator (shown_indicator_form (fixture)) == KENSHO_INDICATOR (selected));

  /* And when the file is loaded again (a new sheet object). */
  g_assert_true (kensho_document_reload (document, &error));
  g_assert_no_error (error);
  wait_idle ();
  selected = kensho_strategy_tree_get_selected (fixture->tree);
  g_assert_nonnull (selected);
  g_assert_cmpstr (kensho_node_get_title (selected), ==, "創業相談件数");
}


/* A sheet handed over by the document portal gets no lock beside it (the
 * portal would hide it from everyone), and the window says so. */
static void
test_portal_path_says_no_lock (Fixture *fixture, gconstpointer data)
{
  const char *open_path = kensho_document_get_path (kensho_window_get_document (fixture->window));
  g_autofree char *dir = g_build_filename (g_get_user_runtime_dir (), "doc", "a1b2c3d4", NULL);
  g_autofree char *path = g_build_filename (dir, "portal.xml", NULL);
  g_autofree char *lock_path = g_build_filename (dir, ".~lock.portal.xml#", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KenshoWindow *shown = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (open_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  kensho_window_open_file (fixture->window, file);
  wait_idle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (KENSHO_IS_WINDOW (l->data) && kensho_window_get_document (l->data) != NULL &&
        g_strcmp0 (kensho_document_get_path (kensho_window_get_document (l->data)), path) == 0)
      shown = l->data;
  g_assert_nonnull (shown);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  g_assert_true (shows_label (GTK_WIDGET (shown),
                              "Opened through the document portal: colleagues are not told that you have it open."));
  g_assert_true (kensho_path_is_document_portal ("/run/user/1000/doc/5f3a/シート.xml"));
  g_assert_false (kensho_path_is_document_portal ("/run/user/1000/シート.xml"));
  g_assert_false (kensho_path_is_document_portal (open_path));
  gtk_window_destroy (GTK_WINDOW (shown));
  wait_idle ();
}

/* The file server refuses to replace the file (open in another program):
 * the window says so, the file stays whole, and Write in Place saves it. */
static void
test_rename_refused_writes_in_place (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  g_autofree char *path = g_strdup (kensho_document_get_path (document));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  kensho_sheet_set_title (kensho_document_get_sheet (document), "上書きできないとき");
  fail_renames_to (path, EBUSY);
  save_and_wait (fixture->window);
  dialogs = message_dialogs_of (GTK_WINDOW (fixture->window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Could Not Be Replaced");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is it open in another program?"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (kensho_document_get_unsaved (document));

  fail_renames_to (NULL, 0);
  adw_message_dialog_response (dialog, "in-place");
  wait_for (!kensho_window_is_saving (fixture->window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "上書きできないとき"));
  g_assert_false (kensho_document_get_unsaved (document));
  wait_idle ();
}

/* A save held in its thread (a slow share): the window keeps drawing, the
 * spinner shows, a second Save waits its turn and saves what was edited
 * meanwhile. */
static void
test_save_in_thread (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  KenshoSheet *sheet = kensho_document_get_sheet (document);
  const char *path = kensho_document_get_path (document);
  KenshoBusyIndicator *busy = KENSHO_BUSY_INDICATOR (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), KENSHO_TYPE_WINDOW, "busy_indicator"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  kensho_sheet_set_title (sheet, "別の糸で保存");
  block_renames_to (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  wait_for (rename_is_blocked ());
  g_assert_true (kensho_window_is_saving (fixture->window));
  g_assert_true (kensho_document_is_saving (document));
  /* The main loop runs: frames are painted, and past 200 ms the spinner. */
  wait_frame (GTK_WIDGET (fixture->window));
  wait_for (gtk_widget_get_visible (GTK_WIDGET (busy)));
  g_assert_cmpstr (kensho_busy_indicator_get_text (busy), ==, "Saving…");
  wait_drawn (GTK_WIDGET (busy));
  save_screenshot (GTK_WIDGET (fixture->window), "window-saving.png");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Edited and saved again meanwhile: that save follows the first. */
  kensho_sheet_set_municipality (sheet, "保存中に編集した市");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  block_renames_to (NULL);
  wait_for (!kensho_window_is_saving (fixture->window));
  g_assert_false (kensho_document_is_saving (document));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (busy)));
  g_assert_false (kensho_document_get_unsaved (document));
  saved = kensho_sheet_xml_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kensho_sheet_get_title (saved), ==, "別の糸で保存");
  g_assert_cmpstr (kensho_sheet_get_municipality (saved), ==, "保存中に編集した市");
}

/* Closes the window while its save is held: it stays, saving, nothing
 * asked; released, the save ends and the window goes. The sheet at @path
 * as then saved. */
static KenshoSheet *
close_while_saving (Fixture *fixture, const char *path)
{
  KenshoWindow *window = fixture->window;
  g_autoptr(GError) error = NULL;
  KenshoSheet *saved;

  gtk_window_close (GTK_WINDOW (window));
  wait_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (kensho_window_is_saving (window));
  g_assert_nonnull (kensho_window_get_document (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  block_renames_to (NULL);
  wait_for (fixture->window == NULL);
  saved = kensho_sheet_xml_load_file (path, &error);
  g_assert_no_error (error);
  return saved;
}

/* Closing the window during a save waits for it: the window goes once the
 * file is whole, with the edit in it. */
static void
test_close_during_save (Fixture *fixture, gconstpointer data)
{
  KenshoWindow *window = fixture->window;
  KenshoDocument *document = kensho_window_get_document (window);
  g_autofree char *path = g_strdup (kensho_document_get_path (document));
  g_autoptr(KenshoSheet) saved = NULL;

  kensho_sheet_set_title (kensho_document_get_sheet (document), "閉じる前に保存");
  block_renames_to (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (rename_is_blocked ());
  saved = close_while_saving (fixture, path);
  g_assert_cmpstr (kensho_sheet_get_title (saved), ==, "閉じる前に保存");
}

/* Save As (a file chosen) is written in a thread too: the spinner shows,
 * a Save pressed meanwhile follows it to the new file, and closing waits
 * for both. */
static void
test_save_as_in_thread (Fixture *fixture, gconstpointer data)
{
  KenshoWindow *window = fixture->window;
  KenshoDocument *document = kensho_window_get_document (window);
  KenshoSheet *sheet = kensho_document_get_sheet (document);
  KenshoSession *session = kensho_application_get_session (fixture->app);
  g_autofree char *old_path = g_strdup (kensho_document_get_path (document));
  g_autofree char *folder = g_path_get_dirname (old_path);
  g_autofree char *new_path = g_build_filename (folder, "elsewhere.xml", NULL);
  KenshoBusyIndicator *busy = KENSHO_BUSY_INDICATOR (
    gtk_widget_get_template_child (GTK_WIDGET (window), KENSHO_TYPE_WINDOW, "busy_indicator"));
  g_autoptr(KenshoSheet) saved = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWindow *chooser;

  g_assert_true (g_file_get_contents (old_path, &before, NULL, NULL));
  kensho_sheet_set_title (sheet, "別の名前で保存");
  block_renames_to (new_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  chooser = wait_toplevel ("GtkFileChooserDialog");
  /* (The chooser is in the sheet's folder.) */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "elsewhere.xml");
  wait_drawn (GTK_WIDGET (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for (rename_is_blocked ());
  g_assert_true (kensho_window_is_saving (window));
  wait_frame (GTK_WIDGET (window));
  wait_for (gtk_widget_get_visible (GTK_WIDGET (busy)));
  g_assert_cmpstr (kensho_busy_indicator_get_text (busy), ==, "Saving…");
  /* Still the old file's until the new one is whole. */
  g_assert_cmpstr (kensho_document_get_path (document), ==, old_path);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  kensho_sheet_set_municipality (sheet, "別名で保存中に編集した市");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  saved = close_while_saving (fixture, new_path);
  g_assert_cmpstr (kensho_sheet_get_title (saved), ==, "別の名前で保存");
  g_assert_cmpstr (kensho_sheet_get_municipality (saved), ==, "別名で保存中に編集した市");
  g_assert_true (g_file_get_contents (old_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  recent = kensho_session_dup_recent (session, 1);
  g_assert_cmpstr (recent[0], ==, new_path);
}

/* The window of this app showing the file at @path, if any. */
static KenshoWindow *
find_window_of (const char *path)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      KenshoDocument *document;

      if (KENSHO_IS_WINDOW (toplevel) && (document = kensho_window_get_document (KENSHO_WINDOW (toplevel))) &&
          g_strcmp0 (kensho_document_get_path (document), path) == 0)
        return KENSHO_WINDOW (toplevel);
    }
  return NULL;
}

/* A copy of the sample at @path, opened from @window as a recent sheet,
 * its reading held (a slow share) until block_opens_of (NULL). */
static void
open_held (KenshoWindow *window, const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  block_opens_of (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path));
  wait_for (open_is_blocked ());
}

/* A sheet opened from the window is read in a thread (a slow share, held
 * here): the window keeps answering and shows "Opening NAME…" with Cancel;
 * opening the same file again does not read it twice; Cancel leaves the
 * window as it was; opened to its end, the sheet comes in its own window. */
static void
test_open_in_thread (Fixture *fixture, gconstpointer data)
{
  KenshoWindow *window = fixture->window;
  KenshoSheet *shown = kensho_window_get_sheet (window);
  g_autofree char *folder = g_path_get_dirname (kensho_document_get_path (kensho_window_get_document (window)));
  g_autofree char *path = g_build_filename (folder, "slow-share.xml", NULL);
  g_autoptr(KenshoFileLock) lock = kensho_file_lock_new (path);
  KenshoBusyIndicator *indicator = KENSHO_BUSY_INDICATOR (
    gtk_widget_get_template_child (GTK_WIDGET (window), KENSHO_TYPE_WINDOW, "open_indicator"));
  guint windows = count_windows ();
  g_autoptr(GPtrArray) dialogs = NULL;
  KenshoWindow *opened;
  GtkWidget *cancel;

  open_held (window, path);
  g_assert_true (kensho_window_is_opening (window));
  /* The window answers: frames are drawn, a click on the tree shows its form. */
  wait_frame (GTK_WIDGET (window));
  kensho_strategy_tree_select (fixture->tree, find_row (fixture->tree, "創業相談件数"));
  wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (kensho_indicator_form_get_field (
                     KENSHO_INDICATOR_FORM (kensho_window_get_form (window)), "name")), ==, "創業相談件数");
  wait_for (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_cmpstr (kensho_busy_indicator_get_text (indicator), ==, "Opening “slow-share.xml”…");
  wait_drawn (GTK_WIDGET (indicator));
  save_screenshot (GTK_WIDGET (window), "window-opening.png");
  /* Asked again meanwhile: still the one open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path));
  g_assert_true (kensho_file_lock_peek (lock));

  /* Cancel: at once, the window as it was, the lock gone. */
  cancel = gtk_widget_get_last_child (GTK_WIDGET (indicator));
  g_assert_true (gtk_widget_get_visible (cancel));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cancel)), ==, "_Cancel");
  gtk_widget_activate (cancel);
  wait_for (!kensho_window_is_opening (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_true (kensho_window_get_sheet (window) == shown);
  g_assert_cmpuint (count_windows (), ==, windows);
  g_assert_false (kensho_file_lock_peek (lock));
  block_opens_of (NULL);

  /* Opened to its end, once, in a window of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path));
  wait_for (!kensho_window_is_opening (window));
  g_assert_cmpuint (count_windows (), ==, windows + 1);
  dialogs = message_dialogs_of (GTK_WINDOW (window));
  g_assert_cmpuint (dialogs->len, ==, 0);
  opened = find_window_of (path);
  g_assert_nonnull (opened);
  g_assert_cmpstr (kensho_sheet_get_title (kensho_window_get_sheet (opened)), ==,
                   kensho_sheet_get_title (shown));
  g_assert_true (kensho_window_get_sheet (window) == shown);
  kensho_window_close_for_quit (opened);
  wait_idle ();
}

/* A file refused is said so as before; closing the window while a sheet is
 * read drops that open and its lock. */
static void
test_open_in_thread_refused_or_closed (Fixture *fixture, gconstpointer data)
{
  KenshoWindow *window = fixture->window;
  g_autofree char *folder = g_path_get_dirname (kensho_document_get_path (kensho_window_get_document (window)));
  g_autofree char *bad = g_build_filename (folder, "not-a-sheet.xml", NULL);
  g_autofree char *path = g_build_filename (folder, "closing.xml", NULL);
  g_autoptr(KenshoFileLock) lock = kensho_file_lock_new (path);
  g_autoptr(GPtrArray) dialogs = NULL;

  g_assert_true (g_file_set_contents (bad, "<html>not a sheet</html>", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", bad));
  wait_for (!kensho_window_is_opening (window));
  dialogs = message_dialogs_of (GTK_WINDOW (window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (g_ptr_array_index (dialogs, 0)), ==, "Could Not Open the Sheet");
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));

  open_held (window, path);
  g_assert_true (kensho_file_lock_peek (lock));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  gtk_window_close (GTK_WINDOW (window));
  wait_for (fixture->window == NULL);
  g_assert_false (kensho_file_lock_peek (lock));
  block_opens_of (NULL);
  g_assert_cmpuint (count_windows (), ==, 0);
}

static gboolean
unblock_renames (gpointer data)
{
  gboolean *ran = data;

  *ran = TRUE;
  block_renames_to (NULL);
  return G_SOURCE_REMOVE;
}

/* Quitting during a save waits for it, with the main loop running (here
 * an idle ends the slow write): the file is whole, with the edit. */
static void
test_quit_during_save (Fixture *fixture, gconstpointer data)
{
  KenshoDocument *document = kensho_window_get_document (fixture->window);
  g_autofree char *path = g_strdup (kensho_document_get_path (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) saved = NULL;
  gboolean ran = FALSE;

  kensho_sheet_set_title (kensho_document_get_sheet (document), "終了する前に保存");
  block_renames_to (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  wait_for (rename_is_blocked ());
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_idle_add (unblock_renames, &ran);
  kensho_window_close_for_quit (fixture->window);
  g_assert_true (ran);
  wait_for (fixture->window == NULL);
  saved = kensho_sheet_xml_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kensho_sheet_get_title (saved), ==, "終了する前に保存");
}

static void
fixture_tear_down_closed (Fixture *fixture, gconstpointer data)
{
  g_assert_null (fixture->window);
  wait_idle ();
  g_clear_object (&fixture->app);
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
  g_test_add ("/window/text-limits", Fixture, NULL, fixture_set_up, test_text_limits, fixture_tear_down);
  g_test_add ("/window/save-in-thread", Fixture, NULL, fixture_set_up, test_save_in_thread, fixture_tear_down);
  g_test_add ("/window/close-during-save", Fixture, NULL, fixture_set_up, test_close_during_save,
              fixture_tear_down_closed);
  g_test_add ("/window/quit-during-save", Fixture, NULL, fixture_set_up, test_quit_during_save,
              fixture_tear_down_closed);
  g_test_add ("/window/save-as-in-thread", Fixture, NULL, fixture_set_up, test_save_as_in_thread,
              fixture_tear_down_closed);
  g_test_add ("/window/open-in-thread", Fixture, NULL, fixture_set_up, test_open_in_thread, fixture_tear_down);
  g_test_add ("/window/open-in-thread-refused-or-closed", Fixture, NULL, fixture_set_up,
              test_open_in_thread_refused_or_closed, fixture_tear_down_closed);
  g_test_add ("/window/achievement-badge", Fixture, NULL, fixture_set_up, test_achievement_badge, fixture_tear_down);
  g_test_add ("/window/values-editing", Fixture, NULL, fixture_set_up, test_values_editing, fixture_tear_down);
  g_test_add ("/window/values-too-many-digits", Fixture, NULL, fixture_set_up, test_values_too_many_digits,
              fixture_tear_down);
  g_test_add ("/window/refused-paste-keeps-selection", Fixture, NULL, fixture_set_up,
              test_refused_paste_keeps_selection, fixture_tear_down);
  g_test_add ("/window/indicator-fields", Fixture, NULL, fixture_set_up, test_indicator_fields, fixture_tear_down);
  g_test_add ("/window/reopen-open-file", Fixture, NULL, fixture_set_up, test_reopen_open_file, fixture_tear_down);
  g_test_add ("/window/sheet-properties", Fixture, NULL, fixture_set_up, test_sheet_properties, fixture_tear_down);
  g_test_add ("/window/filter-by-division", Fixture, NULL, fixture_set_up, test_filter_by_division, fixture_tear_down);
  g_test_add ("/window/workspace-sync-unconfirmed", Fixture, NULL, fixture_set_up,
              test_workspace_sync_unconfirmed, fixture_tear_down);
  g_test_add ("/window/workspace-disk-full", Fixture, NULL, fixture_set_up, test_workspace_disk_full,
              fixture_tear_down);
  g_test_add ("/window/hostile-files-refused", Fixture, NULL, fixture_set_up, test_hostile_files_refused,
              fixture_tear_down);
  g_test_add ("/window/change-banner", Fixture, NULL, fixture_set_up, test_change_banner, fixture_tear_down);
  g_test_add ("/window/rename-refused-writes-in-place", Fixture, NULL, fixture_set_up,
              test_rename_refused_writes_in_place, fixture_tear_down);
  g_test_add ("/window/portal-path-says-no-lock", Fixture, NULL, fixture_set_up, test_portal_path_says_no_lock,
              fixture_tear_down);
  g_test_add ("/window/lock-dialog-names-the-person", Fixture, NULL, fixture_set_up,
              test_lock_dialog_names_the_person, fixture_tear_down);
  g_test_add ("/window/print-dialog", Fixture, NULL, fixture_set_up, test_print_dialog, fixture_tear_down);
  g_test_add ("/window/print-summary-dialog", Fixture, NULL, fixture_set_up, test_print_summary_dialog,
              fixture_tear_down);
  g_test_add ("/window/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/window/export-pdf-cancel", Fixture, NULL, fixture_set_up, test_export_pdf_cancel, fixture_tear_down);
  g_test_add ("/window/export-pdf-disk-full", Fixture, NULL, fixture_set_up, test_export_pdf_disk_full,
              fixture_tear_down);
  g_test_add ("/window/rename-with-f2", Fixture, NULL, fixture_set_up, test_rename_with_f2, fixture_tear_down);
  g_test_add ("/window/tab-moves-on", Fixture, NULL, fixture_set_up, test_tab_moves_on, fixture_tear_down);
  g_test_add ("/window/delete-key", Fixture, NULL, fixture_set_up, test_delete_key, fixture_tear_down);
  g_test_add ("/window/add-focuses-name", Fixture, NULL, fixture_set_up, test_add_focuses_name, fixture_tear_down);
  g_test_add ("/window/search-folds-width", Fixture, NULL, fixture_set_up, test_search_folds_width,
              fixture_tear_down);
  g_test_add ("/window/year-in-view", Fixture, NULL, fixture_set_up, test_year_in_view, fixture_tear_down);
  g_test_add ("/window/character-count", Fixture, NULL, fixture_set_up, test_character_count, fixture_tear_down);
  g_test_add ("/window/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/window/paste-spreadsheet-row", Fixture, NULL, fixture_set_up, test_paste_spreadsheet_row,
              fixture_tear_down);
  g_test_add ("/window/form-fits-window", Fixture, NULL, fixture_set_up, test_form_fits_window, fixture_tear_down);
  g_test_add ("/window/shortcuts-listed", Fixture, NULL, fixture_set_up, test_shortcuts_listed, fixture_tear_down);
  g_test_add ("/window/year-change-in-open-form", Fixture, NULL, fixture_set_up, test_year_change_in_open_form,
              fixture_tear_down);
  g_test_add ("/window/delete-moves-selection", Fixture, NULL, fixture_set_up, test_delete_moves_selection,
              fixture_tear_down);
  g_test_add ("/window/undo-in-commentary", Fixture, NULL, fixture_set_up, test_undo_in_commentary,
              fixture_tear_down);
  g_test_add ("/window/rating-popup-focus", Fixture, NULL, fixture_set_up, test_rating_popup_focus,
              fixture_tear_down);
  g_test_add ("/window/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/window/value-units-and-notes", Fixture, NULL, fixture_set_up, test_value_units_and_notes,
              fixture_tear_down);
  g_test_add ("/window/undo-to-saved-state", Fixture, NULL, fixture_set_up, test_undo_to_saved_state,
              fixture_tear_down);
  g_test_add ("/window/output-beside-sheet", Fixture, NULL, fixture_set_up, test_output_beside_sheet,
              fixture_tear_down);
  g_test_add ("/window/selection-restored", Fixture, NULL, fixture_set_up, test_selection_restored,
              fixture_tear_down);
  g_test_add ("/window/changed-on-disk-asks-safely", Fixture, NULL, fixture_set_up,
              test_changed_on_disk_asks_safely, fixture_tear_down);
  result = g_test_run ();
  g_clear_object (&the_app);
  /* The private home goes, with the workspace and the copies. */
  test_remove_home (home);
  return result;
}
