/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-sheet.h"
#include "kensho-undo-stack.h"

typedef struct
{
  guint n_content;
  guint n_structure;
  guint n_sheet;
  GObject *last_object;
} ChangeLog;

static void
on_changed (KenshoSheet *sheet, int change, GObject *object, ChangeLog *log)
{
  switch (change)
    {
    case KENSHO_CHANGE_CONTENT: log->n_content++; break;
    case KENSHO_CHANGE_STRUCTURE: log->n_structure++; break;
    case KENSHO_CHANGE_SHEET: log->n_sheet++; break;
    default: g_assert_not_reached ();
    }
  log->last_object = object;
}

static KenshoNode *
add_node (KenshoNode *parent, KenshoNodeKind kind, const char *code, const char *title)
{
  g_autoptr(KenshoNode) node = kensho_node_new (kind, code, title);

  g_assert_true (kensho_node_append (parent, node, NULL));
  return node;
}

static KenshoIndicator *
add_indicator (KenshoNode *parent, KenshoIndicatorKind kind, const char *name)
{
  g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (kind, name);

  g_assert_true (kensho_node_append (parent, KENSHO_NODE (indicator), NULL));
  return indicator;
}

static void
test_tree_rules (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal = add_node (root, KENSHO_NODE_GOAL, "1", "しごとの創生");
  KenshoNode *measure = add_node (goal, KENSHO_NODE_MEASURE, "①", "地域産業の活性化");
  g_autoptr(KenshoNode) subgoal = kensho_node_new (KENSHO_NODE_SUBGOAL, "1-1", "雇用");
  g_autoptr(KenshoNode) goal2 = kensho_node_new (KENSHO_NODE_GOAL, "2", "ひと");
  g_autoptr(GError) error = NULL;

  /* A city without a sub-goal level: measures under goals, indicators anywhere. */
  add_indicator (measure, KENSHO_INDICATOR_KPI, "製造品出荷額等");
  add_indicator (goal, KENSHO_INDICATOR_TARGET, "新規求人数");
  add_indicator (root, KENSHO_INDICATOR_KPI, "横断的な指標");

  g_assert_false (kensho_node_append (measure, subgoal, &error));
  g_assert_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID_STRUCTURE);
  g_assert_cmpstr (error->message, ==, "A measure cannot hold a sub-goal.");
  g_clear_error (&error);
  g_assert_false (kensho_node_append (goal, goal2, &error));
  g_assert_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID_STRUCTURE);
  g_clear_error (&error);

  /* A goal cannot move under its own measure. */
  g_assert_false (kensho_node_move (goal, measure, 0, &error));
  g_assert_nonnull (error);
  g_assert_true (kensho_node_get_parent (goal) == root);

  g_assert_cmpuint (kensho_node_get_depth (measure), ==, 2);
  g_assert_true (kensho_node_is_ancestor_of (root, measure));
  g_assert_false (kensho_node_is_ancestor_of (measure, goal));
}

static void
test_ids_and_lookup (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal = add_node (root, KENSHO_NODE_GOAL, "1", "A");
  g_autoptr(KenshoNode) copy = kensho_node_new (KENSHO_NODE_GOAL, "2", "B");
  KenshoIndicator *indicator;

  g_assert_nonnull (kensho_node_get_id (goal));
  g_assert_true (kensho_sheet_lookup (sheet, kensho_node_get_id (goal)) == goal);

  /* A node arriving with an identifier already taken gets a fresh one. */
  kensho_node_set_id (copy, kensho_node_get_id (goal));
  g_assert_true (kensho_node_append (root, copy, NULL));
  g_assert_cmpstr (kensho_node_get_id (copy), !=, kensho_node_get_id (goal));
  g_assert_true (kensho_sheet_lookup (sheet, kensho_node_get_id (copy)) == copy);

  indicator = add_indicator (goal, KENSHO_INDICATOR_KPI, "x");
  g_assert_true (g_str_has_prefix (kensho_node_get_id (KENSHO_NODE (indicator)), "i"));

  /* Removed nodes leave the index; their subtree too. */
  {
    g_autofree char *goal_id = g_strdup (kensho_node_get_id (goal));
    g_autofree char *indicator_id = g_strdup (kensho_node_get_id (KENSHO_NODE (indicator)));

    kensho_node_remove (goal);
    g_assert_null (kensho_sheet_lookup (sheet, goal_id));
    g_assert_null (kensho_sheet_lookup (sheet, indicator_id));
  }
}

static void
test_move_keeps_order (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal = add_node (root, KENSHO_NODE_GOAL, "1", "A");
  KenshoNode *m1 = add_node (goal, KENSHO_NODE_MEASURE, "①", "m1");
  KenshoNode *m2 = add_node (goal, KENSHO_NODE_MEASURE, "②", "m2");
  KenshoNode *m3 = add_node (goal, KENSHO_NODE_MEASURE, "③", "m3");
  KenshoIndicator *kpi = add_indicator (m1, KENSHO_INDICATOR_KPI, "k");
  const char *kpi_id = kensho_node_get_id (KENSHO_NODE (kpi));
  ChangeLog log = { 0 };

  g_signal_connect (sheet, "changed", G_CALLBACK (on_changed), &log);
  g_assert_true (kensho_node_move (m3, goal, 0, NULL));
  g_assert_true (kensho_node_get_child (goal, 0) == m3);
  g_assert_true (kensho_node_get_child (goal, 1) == m1);
  g_assert_true (kensho_node_get_child (goal, 2) == m2);
  g_assert_cmpuint (kensho_node_get_position (m2), ==, 2);
  g_assert_cmpuint (log.n_structure, >=, 1);

  /* Moving keeps identity and identifier. */
  g_assert_true (kensho_node_move (KENSHO_NODE (kpi), m2, 0, NULL));
  g_assert_true (kensho_node_get_parent (KENSHO_NODE (kpi)) == m2);
  g_assert_cmpstr (kensho_node_get_id (KENSHO_NODE (kpi)), ==, kpi_id);
  g_assert_true (kensho_sheet_lookup (sheet, kpi_id) == KENSHO_NODE (kpi));
  g_assert_cmpuint (kensho_node_get_n_children (m1), ==, 0);
}

static void
test_changes_are_signalled (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoIndicator *indicator = add_indicator (root, KENSHO_INDICATOR_KPI, "出生数");
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);
  g_autoptr(KenshoValue) value = kensho_value_parse ("1,702人", NULL);
  ChangeLog log = { 0 };

  g_signal_connect (sheet, "changed", G_CALLBACK (on_changed), &log);

  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "課題");
  g_assert_cmpuint (log.n_content, ==, 1);
  g_assert_true (log.last_object == G_OBJECT (indicator));
  /* Writing the same text again is no change. */
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "課題");
  g_assert_cmpuint (log.n_content, ==, 1);

  kensho_series_set_baseline (series, value);
  g_assert_cmpuint (log.n_content, ==, 2);
  g_assert_true (log.last_object == G_OBJECT (indicator));
  kensho_series_set_baseline (series, value);
  g_assert_cmpuint (log.n_content, ==, 2);

  kensho_sheet_set_title (sheet, "総合戦略");
  g_assert_cmpuint (log.n_sheet, ==, 1);
  kensho_rating_scale_set_name (kensho_sheet_get_rating_scale (sheet), "3段階");
  g_assert_cmpuint (log.n_sheet, ==, 2);
  kensho_rating_set_label (kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), 0),
                           "順調");
  g_assert_cmpuint (log.n_sheet, ==, 3);

  kensho_node_remove (KENSHO_NODE (indicator));
  g_assert_cmpuint (log.n_structure, ==, 1);
  g_assert_true (log.last_object == G_OBJECT (root));
}

static void
test_year_records (void)
{
  g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (KENSHO_INDICATOR_KPI, "出生数");
  g_autoptr(GArray) years = NULL;
  g_autofree char *text = NULL;

  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, "健診");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS, "増加を図る。");
  kensho_indicator_set_rating_id (indicator, 2022, "delayed");
  years = kensho_indicator_dup_years (indicator);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2022);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2023);

  text = kensho_indicator_dup_commentary_text (indicator, 2023);
  g_assert_cmpstr (text, ==, "①健診 ③増加を図る。");
  g_assert_null (kensho_indicator_get_rating_id (indicator, 2023));
  g_assert_cmpstr (kensho_indicator_get_rating_id (indicator, 2022), ==, "delayed");

  /* Emptying a year's fields drops the year. */
  kensho_indicator_set_rating_id (indicator, 2022, "");
  g_clear_pointer (&years, g_array_unref);
  years = kensho_indicator_dup_years (indicator);
  g_assert_cmpuint (years->len, ==, 1);
}

/* Years are kept in a sorted array (not a hash table): set in any order,
 * replaced, emptied and copied, each year keeps its own value. */
static void
test_years_kept_apart (void)
{
  static const int order[] = { 2025, 2021, 2023, 2019, 2022, 2024, 2020 };
  g_autoptr(KenshoSeries) series = kensho_series_new (NULL);
  g_autoptr(KenshoSeries) copy = NULL;
  g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (KENSHO_INDICATOR_KPI, "出生数");
  g_autoptr(KenshoIndicator) indicator_copy = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(KenshoValue) other = kensho_value_parse ("7件", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *number = g_strdup_printf ("%d件", order[i]);
      g_autoptr(KenshoValue) value = kensho_value_parse (number, NULL);
      g_autofree char *text = g_strdup_printf ("%d年度", order[i]);

      kensho_series_set_actual (series, order[i], value);
      kensho_series_set_target (series, order[i] + 1, value);
      kensho_indicator_set_commentary (indicator, order[i], KENSHO_COMMENTARY_ISSUES, text);
    }
  /* Replaced, then emptied in the middle and at both ends. */
  kensho_series_set_actual (series, 2022, other);
  kensho_series_set_actual (series, 2023, NULL);
  kensho_series_set_actual (series, 2019, NULL);
  kensho_series_set_target (series, 2026, NULL);
  kensho_series_set_target (series, 2030, NULL);
  kensho_indicator_remove_year (indicator, 2021);
  kensho_indicator_set_commentary (indicator, 2025, KENSHO_COMMENTARY_ISSUES, "");

  years = kensho_series_dup_actual_years (series);
  g_assert_cmpuint (years->len, ==, 5);
  for (guint i = 0; i < years->len; i++)
    {
      static const int expected[] = { 2020, 2021, 2022, 2024, 2025 };
      g_autofree char *number = g_strdup_printf ("%d", expected[i]);

      g_assert_cmpint (g_array_index (years, int, i), ==, expected[i]);
      if (expected[i] != 2022)
        g_assert_cmpstr (kensho_series_get_actual (series, expected[i])->number, ==, number);
    }
  g_assert_true (kensho_value_equal (kensho_series_get_actual (series, 2022), other));
  g_assert_null (kensho_series_get_actual (series, 2023));
  g_assert_null (kensho_series_get_actual (series, 2026));
  g_clear_pointer (&years, g_array_unref);
  years = kensho_series_dup_target_years (series);
  g_assert_cmpuint (years->len, ==, 6);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2020);
  g_assert_cmpint (g_array_index (years, int, 5), ==, 2025);
  g_clear_pointer (&years, g_array_unref);
  years = kensho_indicator_dup_years (indicator);
  g_assert_cmpuint (years->len, ==, 5);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2019);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2020);
  g_assert_cmpint (g_array_index (years, int, 4), ==, 2024);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "2023年度");

  /* A copy is equal until one year differs, or the same values sit in
   * other years. */
  copy = kensho_series_copy (series);
  g_assert_true (kensho_series_equal (series, copy));
  kensho_series_set_actual (copy, 2024, other);
  g_assert_false (kensho_series_equal (series, copy));
  kensho_series_set_actual (copy, 2024, kensho_series_get_actual (series, 2024));
  g_assert_true (kensho_series_equal (series, copy));
  kensho_series_set_actual (copy, 2020, NULL);
  kensho_series_set_actual (copy, 2019, kensho_series_get_actual (series, 2020));
  g_assert_false (kensho_series_equal (series, copy));
  indicator_copy = kensho_indicator_copy (indicator);
  g_assert_true (kensho_indicator_equal (indicator, indicator_copy));
  kensho_indicator_set_commentary (indicator_copy, 2020, KENSHO_COMMENTARY_ISSUES, NULL);
  kensho_indicator_set_commentary (indicator_copy, 2018, KENSHO_COMMENTARY_ISSUES, "2020年度");
  g_assert_false (kensho_indicator_equal (indicator, indicator_copy));
}

static void
count_items_changed (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  *count += added;
}

/* A node's list of children is made when first asked for (indicators
 * never are): the list the tree was given before the first child still
 * announces it, and an empty node answers without one. */
static void
test_children_made_when_needed (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoNode *goal = add_node (kensho_sheet_get_root (sheet), KENSHO_NODE_GOAL, "1", "しごと");
  KenshoNode *measure = add_node (goal, KENSHO_NODE_MEASURE, "1-1", "起業支援");
  GListModel *children = kensho_node_get_children (measure);
  KenshoIndicator *indicator;
  guint added = 0;

  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 0);
  g_signal_connect (children, "items-changed", G_CALLBACK (count_items_changed), &added);
  indicator = add_indicator (measure, KENSHO_INDICATOR_KPI, "創業件数");
  g_assert_cmpuint (added, ==, 1);
  g_assert_true (kensho_node_get_children (measure) == children);
  g_assert_true (kensho_node_get_child (measure, 0) == KENSHO_NODE (indicator));
  g_assert_null (kensho_node_get_child (measure, 1));

  g_assert_cmpuint (kensho_node_get_n_children (KENSHO_NODE (indicator)), ==, 0);
  g_assert_null (kensho_node_get_child (KENSHO_NODE (indicator), 0));
  g_assert_cmpuint (g_list_model_get_n_items (kensho_node_get_children (KENSHO_NODE (indicator))), ==, 0);
  g_assert_true (kensho_sheet_lookup (sheet, kensho_node_get_id (KENSHO_NODE (indicator))) == KENSHO_NODE (indicator));

  kensho_node_remove (KENSHO_NODE (indicator));
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 0);
  g_assert_cmpuint (kensho_node_get_n_children (measure), ==, 0);
}

static void
assert_series_names (KenshoIndicator *indicator, const char *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < kensho_indicator_get_n_series (indicator); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            kensho_series_get_name (kensho_indicator_get_series (indicator, i)));
  g_assert_cmpstr (names->str, ==, expected);
  g_assert_null (kensho_indicator_get_series (indicator, kensho_indicator_get_n_series (indicator)));
}

/* An indicator's series (an array of its own, not a GListStore) keep the
 * order they are put in; a copy or an assignment owns its own. */
static void
test_series_order (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoIndicator *indicator = add_indicator (kensho_sheet_get_root (sheet), KENSHO_INDICATOR_KPI, "観光客数");
  g_autoptr(KenshoIndicator) copy = NULL;
  g_autoptr(KenshoUndoStack) stack = NULL;
  g_autoptr(KenshoValue) value = kensho_value_parse ("12件", NULL);
  const char *names[] = { "B", "A", "D", "C" };
  guint positions[] = { 0, 0, 99, 2 };

  kensho_series_set_name (kensho_indicator_get_series (indicator, 0), "x");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KenshoSeries) series = kensho_series_new (names[i]);

      kensho_indicator_insert_series (indicator, positions[i], series);
    }
  assert_series_names (indicator, "A,B,C,x,D");
  kensho_indicator_remove_series (indicator, 3);
  kensho_indicator_remove_series (indicator, 0);
  assert_series_names (indicator, "B,C,D");

  /* Each series still tells its own indicator, and undo puts it back. */
  stack = kensho_undo_stack_new (sheet);
  kensho_series_set_actual (kensho_indicator_get_series (indicator, 2), 2024, value);
  g_assert_true (kensho_undo_stack_can_undo (stack));
  kensho_undo_stack_undo (stack);
  g_assert_null (kensho_series_get_actual (kensho_indicator_get_series (indicator, 2), 2024));
  kensho_undo_stack_redo (stack);
  g_assert_true (kensho_value_equal (kensho_series_get_actual (kensho_indicator_get_series (indicator, 2), 2024), value));

  copy = kensho_indicator_copy (indicator);
  assert_series_names (copy, "B,C,D");
  g_assert_true (kensho_indicator_get_series (copy, 0) != kensho_indicator_get_series (indicator, 0));
  kensho_series_set_name (kensho_indicator_get_series (copy, 1), "E");
  assert_series_names (indicator, "B,C,D");
  kensho_indicator_remove_series (copy, 0);
  kensho_indicator_assign (indicator, copy);
  assert_series_names (indicator, "E,D");
  g_assert_true (kensho_value_equal (kensho_series_get_actual (kensho_indicator_get_series (indicator, 1), 2024), value));
}

static void
test_columns_follow_fiscal_year (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoIndicator *indicator = add_indicator (kensho_sheet_get_root (sheet), KENSHO_INDICATOR_KPI,
                                              "製造品出荷額等");
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);
  g_autoptr(KenshoValue) v2022 = kensho_value_parse ("10,060億円 (令和2年)", NULL);
  g_autoptr(KenshoValue) v2023 = kensho_value_parse ("11,017億円 (令和3年)", NULL);
  g_autofree char *title = NULL;
  g_autofree char *cell = NULL;

  kensho_sheet_set_fiscal_year (sheet, 2023);
  kensho_sheet_set_baseline_year (sheet, 2019);
  g_assert_true (kensho_sheet_set_plan_period (sheet, 2020, 2027, NULL));
  kensho_series_set_actual (series, 2022, v2022);
  kensho_series_set_actual (series, 2023, v2023);

  title = kensho_sheet_dup_column_title (sheet, KENSHO_COLUMN_BASELINE);
  g_assert_cmpstr (title, ==, "Baseline (令和元年度)");
  g_clear_pointer (&title, g_free);
  title = kensho_sheet_dup_column_title (sheet, KENSHO_COLUMN_PREVIOUS_ACTUAL);
  g_assert_cmpstr (title, ==, "令和4年度 actual");
  g_clear_pointer (&title, g_free);
  title = kensho_sheet_dup_column_title (sheet, KENSHO_COLUMN_FINAL_TARGET);
  g_assert_cmpstr (title, ==, "Final-year target (令和9年度)");

  cell = kensho_indicator_format_column (indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL, 2023);
  g_assert_cmpstr (cell, ==, "10,060億円 (令和2年)");
  g_clear_pointer (&cell, g_free);

  /* Next year's sheet: this year's actual becomes last year's. */
  kensho_sheet_set_fiscal_year (sheet, 2024);
  cell = kensho_indicator_format_column (indicator, KENSHO_COLUMN_PREVIOUS_ACTUAL,
                                         kensho_sheet_get_fiscal_year (sheet));
  g_assert_cmpstr (cell, ==, "11,017億円 (令和3年)");
  g_clear_pointer (&cell, g_free);
  cell = kensho_indicator_format_column (indicator, KENSHO_COLUMN_ACTUAL, 2024);
  g_assert_cmpstr (cell, ==, "");
  g_clear_pointer (&title, g_free);
  title = kensho_sheet_dup_display_title (sheet);
  g_assert_cmpstr (title, ==, "令和6年度");
}

static void
test_named_series (void)
{
  g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (KENSHO_INDICATOR_KPI, "健康寿命");
  g_autoptr(KenshoSeries) women = kensho_series_new ("女性");
  g_autoptr(KenshoValue) men_value = kensho_value_parse ("77.41歳 (令和元年) ※変更前", NULL);
  g_autoptr(KenshoValue) women_value = kensho_value_parse ("79.89歳 (令和元年) ※変更前", NULL);
  g_autofree char *cell = NULL;

  kensho_series_set_name (kensho_indicator_get_series (indicator, 0), "男性");
  kensho_indicator_insert_series (indicator, 1, women);
  kensho_series_set_baseline (kensho_indicator_get_series (indicator, 0), men_value);
  kensho_series_set_baseline (women, women_value);
  cell = kensho_indicator_format_column (indicator, KENSHO_COLUMN_BASELINE, 2023);
  g_assert_cmpstr (cell, ==, "男性77.41歳 女性79.89歳 (令和元年) ※変更前");

  kensho_indicator_remove_series (indicator, 0);
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 1);
  g_assert_cmpstr (kensho_series_get_name (kensho_indicator_get_series (indicator, 0)), ==, "女性");
}

/* The unit a series' numbers share; none when they differ or have none.
 * Texts ("-") do not count. */
static void
test_series_common_unit (void)
{
  g_autoptr(KenshoSeries) series = kensho_series_new (NULL);
  g_autoptr(KenshoValue) four = kensho_value_parse ("4件", NULL);
  g_autoptr(KenshoValue) many = kensho_value_parse ("1,563件 (令和4年)", NULL);
  g_autoptr(KenshoValue) dash = kensho_value_parse ("-", NULL);
  g_autoptr(KenshoValue) people = kensho_value_parse ("12人", NULL);
  g_autoptr(KenshoValue) bare = kensho_value_parse ("7", NULL);

  g_assert_null (kensho_series_get_common_unit (series));
  kensho_series_set_baseline (series, four);
  kensho_series_set_actual (series, 2023, many);
  kensho_series_set_target (series, 2023, dash);
  g_assert_cmpstr (kensho_series_get_common_unit (series), ==, "件");
  kensho_series_set_final (series, people);
  g_assert_null (kensho_series_get_common_unit (series));
  kensho_series_set_final (series, bare);
  g_assert_null (kensho_series_get_common_unit (series));
  kensho_series_set_final (series, NULL);
  g_assert_cmpstr (kensho_series_get_common_unit (series), ==, "件");
}

static void
test_plan_period_checked (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (kensho_sheet_set_plan_period (sheet, 2020, 2027, NULL));
  g_assert_false (kensho_sheet_set_plan_period (sheet, 2027, 2020, &error));
  g_assert_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "令和2年度"));
  g_assert_cmpint (kensho_sheet_get_plan_first (sheet), ==, 2020);
  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, 2027);
}

static void
test_equal (void)
{
  g_autoptr(KenshoSheet) a = kensho_sheet_new ();
  g_autoptr(KenshoSheet) b = kensho_sheet_new ();
  KenshoIndicator *ia, *ib;

  g_assert_true (kensho_sheet_equal (a, b));
  ia = add_indicator (kensho_sheet_get_root (a), KENSHO_INDICATOR_KPI, "x");
  g_assert_false (kensho_sheet_equal (a, b));
  ib = add_indicator (kensho_sheet_get_root (b), KENSHO_INDICATOR_KPI, "x");
  g_assert_true (kensho_sheet_equal (a, b));
  kensho_indicator_set_delay_reason (ia, 2023, "理由");
  g_assert_false (kensho_sheet_equal (a, b));
  kensho_indicator_set_delay_reason (ib, 2023, "理由");
  g_assert_true (kensho_sheet_equal (a, b));
  kensho_indicator_set_direction (ib, KENSHO_DIRECTION_LOWER);
  g_assert_false (kensho_sheet_equal (a, b));
}

static void
assert_next_code (KenshoNode *parent, KenshoNodeKind kind, const char *expected)
{
  g_autofree char *code = kensho_node_dup_next_code (parent, kind);

  g_assert_cmpstr (code, ==, expected);
}

/* A new node is numbered after its siblings, as the sheets number them. */
static void
test_next_code (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal, *subgoal, *measure = NULL;

  assert_next_code (root, KENSHO_NODE_GOAL, "1");
  goal = add_node (root, KENSHO_NODE_GOAL, "1", "しごとの創生");
  assert_next_code (root, KENSHO_NODE_GOAL, "2");
  assert_next_code (goal, KENSHO_NODE_SUBGOAL, "1-1");
  subgoal = add_node (goal, KENSHO_NODE_SUBGOAL, "1-9", "雇用");
  assert_next_code (goal, KENSHO_NODE_SUBGOAL, "1-10");
  assert_next_code (subgoal, KENSHO_NODE_MEASURE, "①");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *code = kensho_node_dup_next_code (subgoal, KENSHO_NODE_MEASURE);

      measure = add_node (subgoal, KENSHO_NODE_MEASURE, code, "施策");
    }
  g_assert_cmpstr (kensho_node_get_code (measure), ==, "④");
  add_indicator (measure, KENSHO_INDICATOR_KPI, "件数");
  assert_next_code (subgoal, KENSHO_NODE_MEASURE, "⑤");
  kensho_node_set_code (measure, "⑳");
  assert_next_code (subgoal, KENSHO_NODE_MEASURE, "㉑");
  kensho_node_set_code (measure, "㊿");
  assert_next_code (subgoal, KENSHO_NODE_MEASURE, "51");
  kensho_node_set_code (measure, "(2)");
  assert_next_code (subgoal, KENSHO_NODE_MEASURE, "(3)");
  assert_next_code (measure, KENSHO_NODE_INDICATOR, "");
}

/* The model's enums are GTypes: the node's kind and a rating's rule are
 * enum properties, and KenshoSheet::changed says what changed as one. */
static void
test_enums_registered (void)
{
  g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_MEASURE, "1", "施策");
  g_autoptr(GTypeClass) kinds = g_type_class_ref (KENSHO_TYPE_NODE_KIND);
  GParamSpec *kind = g_object_class_find_property (G_OBJECT_GET_CLASS (goal), "kind");
  g_autoptr(KenshoRating) rating = kensho_rating_new ("r", "順調", NULL, FALSE);
  GParamSpec *rule = g_object_class_find_property (G_OBJECT_GET_CLASS (rating), "rule");
  GSignalQuery query;
  KenshoNodeKind value;

  g_assert_true (G_IS_PARAM_SPEC_ENUM (kind));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (kind) == KENSHO_TYPE_NODE_KIND);
  g_object_get (goal, "kind", &value, NULL);
  g_assert_cmpint (value, ==, KENSHO_NODE_MEASURE);
  g_assert_cmpstr (g_enum_get_value (G_ENUM_CLASS (kinds), KENSHO_NODE_INDICATOR)->value_nick, ==,
                   "indicator");
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (rule) == KENSHO_TYPE_RATING_RULE);

  g_signal_query (g_signal_lookup ("changed", KENSHO_TYPE_SHEET), &query);
  g_assert_cmpuint (query.n_params, ==, 2);
  g_assert_true (query.param_types[0] == KENSHO_TYPE_CHANGE);
  g_assert_true (G_TYPE_IS_ENUM (KENSHO_TYPE_DIRECTION));
  g_assert_true (G_TYPE_IS_ENUM (KENSHO_TYPE_ACHIEVEMENT_METHOD));
}

/* Taking a value without telling anyone is for series not yet in a sheet
 * (the loader's): refused for one in a sheet, the value left as it was
 * and the one given freed (the sanitizer builds find a leak). */
static void
test_take_refused_in_sheet (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  KenshoIndicator *indicator = add_indicator (kensho_sheet_get_root (sheet), KENSHO_INDICATOR_KPI, "観光客数");
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*should not be reached*");
  kensho_series_take_baseline (series, kensho_value_parse ("12件", NULL));
  g_test_assert_expected_messages ();
  g_assert_null (kensho_series_get_baseline (series));
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*should not be reached*");
  kensho_series_take_actual (series, 2023, kensho_value_parse ("13件", NULL));
  g_test_assert_expected_messages ();
  g_assert_null (kensho_series_get_actual (series, 2023));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/tree-rules", test_tree_rules);
  g_test_add_func ("/model/ids-and-lookup", test_ids_and_lookup);
  g_test_add_func ("/model/move-keeps-order", test_move_keeps_order);
  g_test_add_func ("/model/changes-are-signalled", test_changes_are_signalled);
  g_test_add_func ("/model/year-records", test_year_records);
  g_test_add_func ("/model/years-kept-apart", test_years_kept_apart);
  g_test_add_func ("/model/children-made-when-needed", test_children_made_when_needed);
  g_test_add_func ("/model/series-order", test_series_order);
  g_test_add_func ("/model/take-refused-in-sheet", test_take_refused_in_sheet);
  g_test_add_func ("/model/columns-follow-fiscal-year", test_columns_follow_fiscal_year);
  g_test_add_func ("/model/named-series", test_named_series);
  g_test_add_func ("/model/series-common-unit", test_series_common_unit);
  g_test_add_func ("/model/plan-period-checked", test_plan_period_checked);
  g_test_add_func ("/model/equal", test_equal);
  g_test_add_func ("/model/next-code", test_next_code);
  g_test_add_func ("/model/enums-registered", test_enums_registered);
  return g_test_run ();
}
