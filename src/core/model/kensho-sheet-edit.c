/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-sheet-edit.h"

/**
 * kensho_sheet_edit_new_blank:
 *
 * What File ▸ New starts from: a title and one basic goal to type over.
 *
 * Returns: (transfer full): a new sheet
 */
KenshoSheet *
kensho_sheet_edit_new_blank (void)
{
  KenshoSheet *sheet = kensho_sheet_new ();
  g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_GOAL, "1", _("New basic goal"));

  kensho_sheet_set_title (sheet, _("New verification sheet"));
  kensho_node_append (kensho_sheet_get_root (sheet), goal, NULL);
  return sheet;
}

/**
 * kensho_sheet_edit_place_for:
 * @selected: (nullable): the node selected, NULL for none
 * @position: (out): where among the parent's children
 *
 * Where a new node of this kind goes: into the selected node when it can
 * hold it, else after the selected branch in the nearest ancestor that
 * can; numerical targets prefer a sub-goal, KPIs a measure.
 *
 * Returns: (transfer none) (nullable): the parent, NULL when none can hold it
 */
KenshoNode *
kensho_sheet_edit_place_for (KenshoSheet *sheet, KenshoNode *selected, KenshoNodeKind kind,
                             KenshoIndicatorKind indicator_kind, guint *position)
{
  KenshoNode *root;
  gboolean target = kind == KENSHO_NODE_INDICATOR && indicator_kind == KENSHO_INDICATOR_TARGET;
  KenshoNode *child = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (position != NULL, NULL);

  root = kensho_sheet_get_root (sheet);
  *position = G_MAXUINT;
  for (KenshoNode *n = selected ? selected : root; n != NULL; child = n, n = kensho_node_get_parent (n))
    {
      KenshoNodeKind here = kensho_node_get_kind (n);

      if (!kensho_node_kind_can_contain (here, kind))
        continue;
      /* Indicators go where they belong, not into any node that may hold them. */
      if (kind == KENSHO_NODE_INDICATOR && here != KENSHO_NODE_ROOT &&
          here != (target ? KENSHO_NODE_SUBGOAL : KENSHO_NODE_MEASURE) &&
          kensho_node_get_parent (n) != NULL && n != root)
        {
          gboolean better_above = FALSE;

          for (KenshoNode *up = kensho_node_get_parent (n); up; up = kensho_node_get_parent (up))
            better_above |= kensho_node_get_kind (up) == (target ? KENSHO_NODE_SUBGOAL : KENSHO_NODE_MEASURE);
          if (better_above)
            continue;
        }
      *position = child ? kensho_node_get_position (child) + 1 : G_MAXUINT;
      if (target && child != NULL)
        *position = 0; /* a sub-goal's numerical target comes first */
      return n;
    }
  return NULL;
}

/**
 * kensho_sheet_edit_add:
 *
 * A new node with its placeholder title and the next code, put where
 * kensho_sheet_edit_place_for() says.
 *
 * Returns: (transfer none) (nullable): the node, now in the sheet; NULL
 *   when nothing selected can take it
 */
KenshoNode *
kensho_sheet_edit_add (KenshoSheet *sheet, KenshoNode *selected, KenshoNodeKind kind,
                       KenshoIndicatorKind indicator_kind)
{
  g_autoptr(KenshoNode) node = NULL;
  g_autofree char *code = NULL;
  KenshoNode *parent;
  guint position;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (kind != KENSHO_NODE_ROOT, NULL);

  parent = kensho_sheet_edit_place_for (sheet, selected, kind, indicator_kind, &position);
  if (parent == NULL)
    return NULL;
  if (kind == KENSHO_NODE_INDICATOR)
    node = KENSHO_NODE (kensho_indicator_new (indicator_kind, indicator_kind == KENSHO_INDICATOR_TARGET
                                                                ? _("New numerical target") : _("New KPI")));
  else
    node = kensho_node_new (kind, "", kind == KENSHO_NODE_GOAL ? _("New basic goal")
                                      : kind == KENSHO_NODE_SUBGOAL ? _("New sub-goal")
                                                                     : _("New measure"));
  code = kensho_node_dup_next_code (parent, kind);
  kensho_node_set_code (node, code);
  if (!kensho_node_insert (parent, node, position, NULL))
    return NULL;
  return node;
}

/**
 * kensho_sheet_edit_move_step:
 * @direction: -1 for up, 1 for down
 *
 * One place up or down among the siblings; past the first or last, into
 * the neighbouring group that can hold it (a KPI from measure ② to the
 * end of ①, or to the start of ③).
 *
 * Returns: whether the node moved
 */
gboolean
kensho_sheet_edit_move_step (KenshoNode *node, int direction)
{
  KenshoNode *parent, *grandparent;
  guint position, n;

  g_return_val_if_fail (KENSHO_IS_NODE (node), FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);

  parent = kensho_node_get_parent (node);
  if (parent == NULL)
    return FALSE;
  position = kensho_node_get_position (node);
  n = kensho_node_get_n_children (parent);
  if ((direction < 0 && position > 0) || (direction > 0 && position + 1 < n))
    return kensho_node_move (node, parent, position + direction, NULL);
  grandparent = kensho_node_get_parent (parent);
  if (grandparent == NULL)
    return FALSE;
  for (int i = (int) kensho_node_get_position (parent) + direction;
       i >= 0 && i < (int) kensho_node_get_n_children (grandparent); i += direction)
    {
      KenshoNode *neighbour = kensho_node_get_child (grandparent, (guint) i);

      if (kensho_node_kind_can_contain (kensho_node_get_kind (neighbour), kensho_node_get_kind (node)))
        return kensho_node_move (node, neighbour,
                                 direction < 0 ? kensho_node_get_n_children (neighbour) : 0, NULL);
    }
  return FALSE;
}

/**
 * kensho_sheet_edit_drop:
 *
 * Dropped on a node that can hold it, it goes in, last. Otherwise it goes
 * before the node, among its siblings. Never into itself.
 *
 * Returns: whether the node moved
 */
gboolean
kensho_sheet_edit_drop (KenshoNode *dragged, KenshoNode *target)
{
  KenshoNode *parent;

  g_return_val_if_fail (KENSHO_IS_NODE (dragged) && KENSHO_IS_NODE (target), FALSE);

  if (dragged == target || kensho_node_is_ancestor_of (dragged, target) ||
      kensho_node_get_parent (dragged) == NULL)
    return FALSE;
  if (kensho_node_kind_can_contain (kensho_node_get_kind (target), kensho_node_get_kind (dragged)))
    return kensho_node_move (dragged, target, G_MAXUINT, NULL);
  parent = kensho_node_get_parent (target);
  if (parent != NULL && kensho_node_kind_can_contain (kensho_node_get_kind (parent), kensho_node_get_kind (dragged)))
    {
      guint position = kensho_node_get_position (target);

      /* Moving down within the same parent: the target shifts up once the
       * dragged node is out. */
      if (kensho_node_get_parent (dragged) == parent && kensho_node_get_position (dragged) < position)
        position--;
      return kensho_node_move (dragged, parent, position, NULL);
    }
  return FALSE;
}

/**
 * kensho_sheet_edit_delete:
 * @n_indicators: (out) (optional): the indicators a goal, sub-goal or
 *   measure took with it; 0 for an indicator
 *
 * Takes a node out of its sheet with everything under it.
 *
 * Returns: (transfer none) (nullable): what to show next: the next node of
 *   the same parent, else the one before, else the parent (not the root)
 */
KenshoNode *
kensho_sheet_edit_delete (KenshoNode *node, guint *n_indicators)
{
  g_autoptr(KenshoNode) keep = NULL;
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
  KenshoNode *parent, *neighbour;
  guint position;

  g_return_val_if_fail (KENSHO_IS_NODE (node), NULL);
  g_return_val_if_fail (kensho_node_get_parent (node) != NULL, NULL);

  keep = g_object_ref (node);
  parent = kensho_node_get_parent (node);
  position = kensho_node_get_position (node);
  kensho_node_collect_indicators (node, indicators);
  if (n_indicators != NULL)
    *n_indicators = KENSHO_IS_INDICATOR (node) ? 0 : indicators->len;
  kensho_node_remove (node);
  neighbour = kensho_node_get_child (parent, position);
  if (neighbour == NULL && position > 0)
    neighbour = kensho_node_get_child (parent, position - 1);
  if (neighbour == NULL && kensho_node_get_kind (parent) != KENSHO_NODE_ROOT)
    neighbour = parent;
  return neighbour;
}
