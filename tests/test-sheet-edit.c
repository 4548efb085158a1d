/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editing rules of kensho-sheet-edit, without a window. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-sheet-edit.h"
#include "kensho-undo-stack.h"

/* root
 *   g1 (goal)
 *     sg1 (sub-goal)
 *       t1 (numerical target)
 *       m1 (measure): k1, k2
 *       m2 (measure): k3
 *   g2 (goal)
 *     m3 (measure, no sub-goal level) */
typedef struct
{
  KenshoSheet *sheet;
  KenshoNode *g1, *sg1, *t1, *m1, *k1, *k2, *m2, *k3, *g2, *m3;
} Tree;

static KenshoNode *
add (KenshoNode *parent, KenshoNode *child)
{
  g_assert_true (kensho_node_append (parent, child, NULL));
  g_object_unref (child);
  return child;
}

static KenshoNode *
kpi (const char *name)
{
  return KENSHO_NODE (kensho_indicator_new (KENSHO_INDICATOR_KPI, name));
}

static void
tree_set_up (Tree *tree, gconstpointer data)
{
  KenshoNode *root;

  tree->sheet = kensho_sheet_new ();
  root = kensho_sheet_get_root (tree->sheet);
  tree->g1 = add (root, kensho_node_new (KENSHO_NODE_GOAL, "1", "g1"));
  tree->sg1 = add (tree->g1, kensho_node_new (KENSHO_NODE_SUBGOAL, "1-1", "sg1"));
  tree->t1 = add (tree->sg1, KENSHO_NODE (kensho_indicator_new (KENSHO_INDICATOR_TARGET, "t1")));
  tree->m1 = add (tree->sg1, kensho_node_new (KENSHO_NODE_MEASURE, "①", "m1"));
  tree->k1 = add (tree->m1, kpi ("k1"));
  tree->k2 = add (tree->m1, kpi ("k2"));
  tree->m2 = add (tree->sg1, kensho_node_new (KENSHO_NODE_MEASURE, "②", "m2"));
  tree->k3 = add (tree->m2, kpi ("k3"));
  tree->g2 = add (root, kensho_node_new (KENSHO_NODE_GOAL, "2", "g2"));
  tree->m3 = add (tree->g2, kensho_node_new (KENSHO_NODE_MEASURE, "①", "m3"));
}

static void
tree_tear_down (Tree *tree, gconstpointer data)
{
  g_clear_object (&tree->sheet);
}

static void
assert_place (Tree *tree, KenshoNode *selected, KenshoNodeKind kind, KenshoIndicatorKind indicator_kind,
              KenshoNode *parent, guint position)
{
  guint found = 0;

  g_assert_true (kensho_sheet_edit_place_for (tree->sheet, selected, kind, indicator_kind, &found) == parent);
  g_assert_cmpuint (found, ==, position);
}

static void
test_place_for (Tree *tree, gconstpointer data)
{
  KenshoNode *root = kensho_sheet_get_root (tree->sheet);
  guint position;

  /* Nothing selected: a goal goes last. */
  assert_place (tree, NULL, KENSHO_NODE_GOAL, 0, root, G_MAXUINT);
  /* After the selected branch, at the level that holds it. */
  assert_place (tree, tree->k1, KENSHO_NODE_GOAL, 0, root, 1);
  assert_place (tree, tree->k1, KENSHO_NODE_INDICATOR, KENSHO_INDICATOR_KPI, tree->m1, 1);
  assert_place (tree, tree->m3, KENSHO_NODE_SUBGOAL, 0, tree->g2, 1);
  /* Into the selected node when it can hold it. */
  assert_place (tree, tree->m2, KENSHO_NODE_INDICATOR, KENSHO_INDICATOR_KPI, tree->m2, G_MAXUINT);
  /* A numerical target belongs to the sub-goal, first; a KPI under a
   * measure's sub-goal is not pulled up into the goal. */
  assert_place (tree, tree->k1, KENSHO_NODE_INDICATOR, KENSHO_INDICATOR_TARGET, tree->sg1, 0);
  assert_place (tree, tree->sg1, KENSHO_NODE_INDICATOR, KENSHO_INDICATOR_KPI, tree->sg1, G_MAXUINT);
  /* A measure has no place without a goal. */
  g_assert_null (kensho_sheet_edit_place_for (tree->sheet, NULL, KENSHO_NODE_MEASURE, 0, &position));
}

static void
test_add (Tree *tree, gconstpointer data)
{
  KenshoNode *added = kensho_sheet_edit_add (tree->sheet, tree->k1, KENSHO_NODE_INDICATOR, KENSHO_INDICATOR_KPI);
  KenshoNode *measure;

  g_assert_true (KENSHO_IS_INDICATOR (added));
  g_assert_true (kensho_node_get_parent (added) == tree->m1);
  g_assert_cmpuint (kensho_node_get_position (added), ==, 1);
  g_assert_cmpstr (kensho_node_get_title (added), ==, "New KPI");

  measure = kensho_sheet_edit_add (tree->sheet, tree->m1, KENSHO_NODE_MEASURE, 0);
  g_assert_true (kensho_node_get_parent (measure) == tree->sg1);
  g_assert_cmpuint (kensho_node_get_position (measure), ==, 2);
  g_assert_cmpstr (kensho_node_get_code (measure), ==, "③");
  g_assert_cmpstr (kensho_node_get_title (measure), ==, "New measure");

  g_assert_null (kensho_sheet_edit_add (tree->sheet, NULL, KENSHO_NODE_MEASURE, 0));
}

static void
test_move_step (Tree *tree, gconstpointer data)
{
  /* Among siblings. */
  g_assert_true (kensho_sheet_edit_move_step (tree->k2, -1));
  g_assert_cmpuint (kensho_node_get_position (tree->k2), ==, 0);
  /* Past the last, to the start of the next group that can hold it. */
  g_assert_true (kensho_sheet_edit_move_step (tree->k1, 1));
  g_assert_true (kensho_node_get_parent (tree->k1) == tree->m2);
  g_assert_cmpuint (kensho_node_get_position (tree->k1), ==, 0);
  /* Past the first, to the end of the group before. */
  g_assert_true (kensho_sheet_edit_move_step (tree->k1, -1));
  g_assert_true (kensho_node_get_parent (tree->k1) == tree->m1);
  g_assert_cmpuint (kensho_node_get_position (tree->k1), ==, 1);
  /* No group before m1 can hold a KPI (t1 is an indicator): it stays. */
  g_assert_true (kensho_sheet_edit_move_step (tree->k2, -1) == FALSE);
  g_assert_true (kensho_node_get_parent (tree->k2) == tree->m1);
  /* The last goal goes nowhere further down. */
  g_assert_false (kensho_sheet_edit_move_step (tree->g2, 1));
  g_assert_true (kensho_sheet_edit_move_step (tree->g2, -1));
  g_assert_cmpuint (kensho_node_get_position (tree->g2), ==, 0);
}

static void
test_drop (Tree *tree, gconstpointer data)
{
  /* On a node that holds it: in, last. */
  g_assert_true (kensho_sheet_edit_drop (tree->k3, tree->m1));
  g_assert_true (kensho_node_get_parent (tree->k3) == tree->m1);
  g_assert_cmpuint (kensho_node_get_position (tree->k3), ==, 2);
  /* On a sibling: before it, also moving down within the parent. */
  g_assert_true (kensho_sheet_edit_drop (tree->k3, tree->k1));
  g_assert_cmpuint (kensho_node_get_position (tree->k3), ==, 0);
  g_assert_true (kensho_sheet_edit_drop (tree->k3, tree->k2));
  g_assert_cmpuint (kensho_node_get_position (tree->k3), ==, 1);
  g_assert_cmpuint (kensho_node_get_position (tree->k2), ==, 2);
  /* Never into itself or below it, nor where nothing can hold it. */
  g_assert_false (kensho_sheet_edit_drop (tree->g1, tree->k1));
  g_assert_false (kensho_sheet_edit_drop (tree->m1, tree->m1));
  g_assert_false (kensho_sheet_edit_drop (tree->g1, tree->k3));
  g_assert_true (kensho_node_get_parent (tree->g1) == kensho_sheet_get_root (tree->sheet));
}

static void
test_delete (Tree *tree, gconstpointer data)
{
  g_autoptr(KenshoNode) m1 = g_object_ref (tree->m1);
  guint n_indicators = 99;

  /* With its children; the next sibling is shown next. */
  g_assert_true (kensho_sheet_edit_delete (tree->m1, &n_indicators) == tree->m2);
  g_assert_cmpuint (n_indicators, ==, 2);
  g_assert_null (kensho_node_get_sheet (m1));
  g_assert_null (kensho_node_get_sheet (tree->k1));
  g_assert_true (kensho_node_get_parent (tree->k1) == m1);
  /* The last: the one before. */
  g_assert_true (kensho_sheet_edit_delete (tree->m2, &n_indicators) == tree->t1);
  g_assert_cmpuint (n_indicators, ==, 1);
  /* The only one: its parent. */
  g_assert_true (kensho_sheet_edit_delete (tree->t1, &n_indicators) == tree->sg1);
  g_assert_cmpuint (n_indicators, ==, 0);
  /* The only goal left: nothing, never the invisible root. */
  g_assert_true (kensho_sheet_edit_delete (tree->g1, NULL) == tree->g2);
  g_assert_null (kensho_sheet_edit_delete (tree->g2, NULL));
}

/* Each rule is one step of undo, as the views rely on. */
static void
test_each_rule_is_one_step (Tree *tree, gconstpointer data)
{
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (tree->sheet);

  kensho_sheet_edit_add (tree->sheet, tree->k1, KENSHO_NODE_INDICATOR, KENSHO_INDICATOR_KPI);
  kensho_sheet_edit_move_step (tree->k1, 1);
  kensho_sheet_edit_move_step (tree->k1, 1);
  kensho_sheet_edit_drop (tree->k3, tree->m1);
  kensho_sheet_edit_delete (tree->m2, NULL);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (kensho_undo_stack_can_undo (undo));
      kensho_undo_stack_undo (undo);
    }
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_true (kensho_node_get_parent (tree->k3) == tree->m2);
  g_assert_true (kensho_node_get_parent (tree->k1) == tree->m1);
  g_assert_cmpuint (kensho_node_get_position (tree->k1), ==, 0);
  g_assert_cmpuint (kensho_node_get_n_children (tree->m1), ==, 2);
  g_assert_true (kensho_node_get_parent (tree->m2) == tree->sg1);
}

static void
test_new_blank (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_edit_new_blank ();
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal;

  g_assert_cmpstr (kensho_sheet_get_title (sheet), ==, "New verification sheet");
  g_assert_cmpuint (kensho_node_get_n_children (root), ==, 1);
  goal = kensho_node_get_child (root, 0);
  g_assert_cmpint (kensho_node_get_kind (goal), ==, KENSHO_NODE_GOAL);
  g_assert_cmpstr (kensho_node_get_code (goal), ==, "1");
  g_assert_cmpstr (kensho_node_get_title (goal), ==, "New basic goal");
  g_assert_cmpuint (kensho_node_get_n_children (goal), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sheet-edit/place-for", Tree, NULL, tree_set_up, test_place_for, tree_tear_down);
  g_test_add ("/sheet-edit/add", Tree, NULL, tree_set_up, test_add, tree_tear_down);
  g_test_add ("/sheet-edit/move-step", Tree, NULL, tree_set_up, test_move_step, tree_tear_down);
  g_test_add ("/sheet-edit/drop", Tree, NULL, tree_set_up, test_drop, tree_tear_down);
  g_test_add ("/sheet-edit/delete", Tree, NULL, tree_set_up, test_delete, tree_tear_down);
  g_test_add ("/sheet-edit/each-rule-is-one-step", Tree, NULL, tree_set_up, test_each_rule_is_one_step,
              tree_tear_down);
  g_test_add_func ("/sheet-edit/new-blank", test_new_blank);
  return g_test_run ();
}
