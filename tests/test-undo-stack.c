/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-sheet-xml.h"
#include "kensho-undo-stack.h"
#include "test-sample.h"

static KenshoIndicator *
indicator_at (KenshoSheet *sheet, guint index)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  return g_ptr_array_index (indicators, index);
}

static void
test_typing_is_one_step (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 3);
  const char *text = "新しい課題";

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (text, g_utf8_next_char (p) - text);

      kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Edit issues", "issues");
      kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, prefix);
    }
  g_assert_true (kensho_undo_stack_can_undo (undo));
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Edit issues");
  g_assert_true (kensho_undo_stack_undo (undo) == KENSHO_NODE (indicator));
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_true (kensho_sheet_equal (sheet, original));

  g_assert_true (kensho_undo_stack_redo (undo) == KENSHO_NODE (indicator));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, text);

  /* Another field is another step. */
  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Edit reason", "reason");
  kensho_indicator_set_delay_reason (indicator, 2023, "理由");
  kensho_undo_stack_undo (undo);
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
}

/* Undo and redo back to where the sheet was saved make it clean again;
 * typing on after a save is not merged into the saved step; a saved
 * state dropped with the redo history never comes back. */
static void
test_clean_after_undo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 3);

  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_set_clean (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Edit issues", "issues");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "課");
  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_redo (undo);
  g_assert_false (kensho_undo_stack_is_clean (undo));

  /* Saved mid-typing: the rest typed is another step. */
  kensho_undo_stack_set_clean (undo);
  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Edit issues", "issues");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "課題");
  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "課");

  /* Undone past the save, then a new edit: the saved state is gone. */
  kensho_undo_stack_undo (undo);
  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Edit reason", "reason");
  kensho_indicator_set_delay_reason (indicator, 2023, "理由");
  kensho_undo_stack_undo (undo);
  g_assert_false (kensho_undo_stack_is_clean (undo));
}

static void
test_values_and_series_undo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 0);
  g_autoptr(KenshoValue) value = kensho_value_parse ("9,999件", NULL);
  g_autoptr(KenshoSeries) extra = kensho_series_new ("女性");

  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Edit value", NULL);
  kensho_series_set_actual (kensho_indicator_get_series (indicator, 0), 2023, value);
  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Add series", NULL);
  kensho_indicator_insert_series (indicator, 1, extra);
  kensho_undo_stack_begin_edit (undo, KENSHO_NODE (indicator), "Change direction", NULL);
  kensho_indicator_set_direction (indicator, KENSHO_DIRECTION_LOWER);
  g_assert_false (kensho_sheet_equal (sheet, original));

  while (kensho_undo_stack_can_undo (undo))
    kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
  while (kensho_undo_stack_can_redo (undo))
    kensho_undo_stack_redo (undo);
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 2);
  g_assert_cmpint (kensho_indicator_get_direction (indicator), ==, KENSHO_DIRECTION_LOWER);
  g_assert_cmpstr (kensho_series_get_actual (kensho_indicator_get_series (indicator, 0), 2023)->number,
                   ==, "9999");
}

static void
test_structure_undo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal = kensho_node_get_child (root, 0);
  KenshoNode *subgoal = kensho_node_get_child (goal, 1);
  KenshoNode *measure = kensho_node_get_child (subgoal, 1);
  g_autoptr(KenshoNode) added = kensho_node_new (KENSHO_NODE_MEASURE, "④", "新しい施策");
  KenshoNode *deleted = kensho_node_get_child (subgoal, 2);
  guint position;

  /* Add */
  g_assert_true (kensho_node_append (subgoal, added, NULL));
  kensho_undo_stack_push_insert (undo, added, "Add measure");
  /* Move a measure to the other sub-goal */
  position = kensho_node_get_position (measure);
  g_assert_true (kensho_node_move (measure, kensho_node_get_child (goal, 0), 0, NULL));
  kensho_undo_stack_push_move (undo, measure, subgoal, position, "Move");
  /* Delete */
  g_object_ref (deleted);
  position = kensho_node_get_position (deleted);
  kensho_node_remove (deleted);
  kensho_undo_stack_push_remove (undo, deleted, subgoal, position, "Delete");
  g_object_unref (deleted);
  /* Rename */
  kensho_undo_stack_begin_edit (undo, subgoal, "Rename", NULL);
  kensho_node_set_title (subgoal, "人の流れ");

  g_assert_false (kensho_sheet_equal (sheet, original));
  while (kensho_undo_stack_can_undo (undo))
    kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
  while (kensho_undo_stack_can_redo (undo))
    kensho_undo_stack_redo (undo);
  g_assert_cmpstr (kensho_node_get_title (subgoal), ==, "人の流れ");
  g_assert_true (kensho_node_get_parent (measure) == kensho_node_get_child (goal, 0));
  g_assert_null (kensho_node_get_parent (deleted));
  g_assert_true (kensho_node_get_parent (added) == subgoal);
}

/* Typing a title letter by letter is one step, as in an indicator's field. */
static void
test_sheet_typing_is_one_step (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  g_autofree char *original = g_strdup (kensho_sheet_get_title (sheet));
  const char *typed[] = { "新", "新し", "新しい", NULL };

  for (guint i = 0; typed[i]; i++)
    {
      kensho_undo_stack_begin_sheet_edit (undo, "Edit title", "title");
      kensho_sheet_set_title (sheet, typed[i]);
    }
  kensho_undo_stack_undo (undo);
  g_assert_cmpstr (kensho_sheet_get_title (sheet), ==, original);
  g_assert_false (kensho_undo_stack_can_undo (undo));
}

static void
test_sheet_edit_and_new_edit_clears_redo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);

  kensho_undo_stack_begin_sheet_edit (undo, "Change year", NULL);
  kensho_sheet_set_fiscal_year (sheet, 2024);
  kensho_undo_stack_undo (undo);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2023);
  g_assert_true (kensho_undo_stack_can_redo (undo));

  kensho_undo_stack_begin_sheet_edit (undo, "Change label", NULL);
  kensho_sheet_set_label (sheet, "資料3");
  g_assert_false (kensho_undo_stack_can_redo (undo));
  kensho_undo_stack_undo (undo);
  g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, "資料2");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/undo/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/undo/clean-after-undo", test_clean_after_undo);
  g_test_add_func ("/undo/values-and-series", test_values_and_series_undo);
  g_test_add_func ("/undo/structure", test_structure_undo);
  g_test_add_func ("/undo/sheet-typing-is-one-step", test_sheet_typing_is_one_step);
  g_test_add_func ("/undo/sheet-edit-and-new-edit-clears-redo", test_sheet_edit_and_new_edit_clears_redo);
  return g_test_run ();
}
