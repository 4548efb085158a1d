/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-undo-stack.h"

/* Typing pauses shorter than this stay in one undo step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

typedef enum
{
  STEP_NODE_CONTENT,  /* snapshot of a goal, sub-goal or measure */
  STEP_INDICATOR,     /* snapshot of an indicator */
  STEP_SHEET,         /* snapshot of the sheet's metadata */
  STEP_INSERT,
  STEP_REMOVE,
  STEP_MOVE,
  STEP_GROUP,         /* steps undone and redone as one (a merge) */
} StepKind;

typedef struct
{
  StepKind kind;
  guint64 serial;         /* which step this is, never reused */
  char *label;
  char *merge_key;
  gint64 time;
  KenshoNode *node;       /* the node changed, inserted, removed or moved */
  /* Snapshots: what undo (or redo) puts back. */
  char *code, *title, *notes;
  KenshoIndicator *indicator;
  KenshoSheet *sheet;
  /* Places, for structure steps: from where to where. */
  KenshoNode *parent_a;
  guint position_a;
  KenshoNode *parent_b;
  guint position_b;
  GPtrArray *children;    /* of a group */
} Step;

struct _KenshoUndoStack
{
  GObject parent_instance;
  KenshoSheet *sheet;      /* weak */
  GPtrArray *undo_steps;
  GPtrArray *redo_steps;
  gboolean busy;
  gboolean merge_broken;
  guint64 last_serial;
  guint64 clean_serial;    /* the top step's serial when last saved, 0 for none */
  gboolean clean_known;    /* whether the saved state is one of the history */
  Step *group;             /* the group being recorded, or NULL */
};

G_DEFINE_FINAL_TYPE (KenshoUndoStack, kensho_undo_stack, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_free (step->label);
  g_free (step->merge_key);
  g_clear_object (&step->node);
  g_free (step->code);
  g_free (step->title);
  g_free (step->notes);
  g_clear_object (&step->indicator);
  g_clear_object (&step->sheet);
  g_clear_object (&step->parent_a);
  g_clear_object (&step->parent_b);
  g_clear_pointer (&step->children, g_ptr_array_unref);
  g_free (step);
}

static void
kensho_undo_stack_finalize (GObject *object)
{
  KenshoUndoStack *self = KENSHO_UNDO_STACK (object);

  g_ptr_array_unref (self->undo_steps);
  g_ptr_array_unref (self->redo_steps);
  if (self->sheet != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->sheet), (gpointer *) &self->sheet);
  G_OBJECT_CLASS (kensho_undo_stack_parent_class)->finalize (object);
}

static void
kensho_undo_stack_class_init (KenshoUndoStackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_undo_stack_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kensho_undo_stack_init (KenshoUndoStack *self)
{
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

KenshoUndoStack *
kensho_undo_stack_new (KenshoSheet *sheet)
{
  KenshoUndoStack *self = g_object_new (KENSHO_TYPE_UNDO_STACK, NULL);

  self->sheet = sheet;
  g_object_add_weak_pointer (G_OBJECT (sheet), (gpointer *) &self->sheet);
  return self;
}

static Step *
top (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

static void
emit_changed (KenshoUndoStack *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
merges_into_top (KenshoUndoStack *self, gpointer target, const char *merge_key)
{
  Step *last = top (self->undo_steps);

  return !self->merge_broken && merge_key != NULL && last != NULL && self->group == NULL &&
         g_strcmp0 (last->merge_key, merge_key) == 0 &&
         /* A sheet step keeps a snapshot in last->sheet: it edits self->sheet. */
         (last->kind == STEP_SHEET ? (gpointer) self->sheet : (gpointer) last->node) == target &&
         g_get_monotonic_time () - last->time < MERGE_WINDOW_USEC;
}

static Step *
push (KenshoUndoStack *self, StepKind kind, const char *label, const char *merge_key)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->serial = ++self->last_serial;
  step->label = g_strdup (label);
  step->merge_key = g_strdup (merge_key);
  step->time = g_get_monotonic_time ();
  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, step);
      return step;
    }
  g_ptr_array_add (self->undo_steps, step);
  /* A new change makes the redone future unreachable. */
  g_ptr_array_set_size (self->redo_steps, 0);
  self->merge_broken = FALSE;
  return step;
}

static void
snapshot_node (Step *step)
{
  if (step->kind == STEP_INDICATOR)
    {
      g_clear_object (&step->indicator);
      step->indicator = kensho_indicator_copy (KENSHO_INDICATOR (step->node));
    }
  else
    {
      g_free (step->code);
      g_free (step->title);
      g_free (step->notes);
      step->code = g_strdup (kensho_node_get_code (step->node));
      step->title = g_strdup (kensho_node_get_title (step->node));
      step->notes = g_strdup (kensho_node_get_notes (step->node));
    }
}

void
kensho_undo_stack_begin_edit (KenshoUndoStack *self, KenshoNode *node, const char *label,
                              const char *merge_key)
{
  Step *step;

  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));
  g_return_if_fail (KENSHO_IS_NODE (node));

  if (self->busy)
    return;
  if (merges_into_top (self, node, merge_key))
    {
      top (self->undo_steps)->time = g_get_monotonic_time ();
      return;
    }
  step = push (self, KENSHO_IS_INDICATOR (node) ? STEP_INDICATOR : STEP_NODE_CONTENT, label, merge_key);
  step->node = g_object_ref (node);
  snapshot_node (step);
  emit_changed (self);
}

void
kensho_undo_stack_begin_sheet_edit (KenshoUndoStack *self, const char *label, const char *merge_key)
{
  Step *step;

  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));

  if (self->busy || self->sheet == NULL)
    return;
  if (merges_into_top (self, self->sheet, merge_key))
    {
      top (self->undo_steps)->time = g_get_monotonic_time ();
      return;
    }
  step = push (self, STEP_SHEET, label, merge_key);
  step->sheet = kensho_sheet_new ();
  kensho_sheet_copy_metadata (step->sheet, self->sheet);
  emit_changed (self);
}

static void
push_structure (KenshoUndoStack *self, StepKind kind, KenshoNode *child, KenshoNode *old_parent,
                guint old_position, const char *label)
{
  Step *step;
  KenshoNode *parent = kensho_node_get_parent (child);

  if (self->busy)
    return;
  step = push (self, kind, label, NULL);
  step->node = g_object_ref (child);
  step->parent_a = old_parent ? g_object_ref (old_parent) : NULL;
  step->position_a = old_position;
  step->parent_b = parent ? g_object_ref (parent) : NULL;
  step->position_b = parent ? kensho_node_get_position (child) : 0;
  emit_changed (self);
}

void
kensho_undo_stack_push_insert (KenshoUndoStack *self, KenshoNode *child, const char *label)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));
  push_structure (self, STEP_INSERT, child, NULL, 0, label);
}

void
kensho_undo_stack_push_remove (KenshoUndoStack *self, KenshoNode *child, KenshoNode *old_parent,
                               guint old_position, const char *label)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));
  push_structure (self, STEP_REMOVE, child, old_parent, old_position, label);
}

void
kensho_undo_stack_push_move (KenshoUndoStack *self, KenshoNode *child, KenshoNode *old_parent,
                             guint old_position, const char *label)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));
  push_structure (self, STEP_MOVE, child, old_parent, old_position, label);
}

void
kensho_undo_stack_begin_group (KenshoUndoStack *self, const char *label)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));
  g_return_if_fail (self->group == NULL);

  if (self->busy)
    return;
  self->group = push (self, STEP_GROUP, label, NULL);
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

void
kensho_undo_stack_end_group (KenshoUndoStack *self)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));

  if (self->group == NULL)
    return;
  /* A group of nothing is no step. */
  if (self->group->children->len == 0)
    g_ptr_array_remove (self->undo_steps, self->group);
  self->group = NULL;
  self->merge_broken = TRUE;
  emit_changed (self);
}

void
kensho_undo_stack_break_merge (KenshoUndoStack *self)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));
  self->merge_broken = TRUE;
}

/* Swaps the live content with the step's snapshot, so the same step
 * serves undo and redo. */
static void
swap_content (KenshoUndoStack *self, Step *step)
{
  switch (step->kind)
    {
    case STEP_INDICATOR:
      {
        g_autoptr(KenshoIndicator) now = kensho_indicator_copy (KENSHO_INDICATOR (step->node));

        kensho_indicator_assign (KENSHO_INDICATOR (step->node), step->indicator);
        g_set_object (&step->indicator, now);
      }
      break;
    case STEP_NODE_CONTENT:
      {
        g_autofree char *code = g_strdup (kensho_node_get_code (step->node));
        g_autofree char *title = g_strdup (kensho_node_get_title (step->node));
        g_autofree char *notes = g_strdup (kensho_node_get_notes (step->node));

        kensho_node_set_code (step->node, step->code);
        kensho_node_set_title (step->node, step->title);
        kensho_node_set_notes (step->node, step->notes);
        g_free (step->code);
        g_free (step->title);
        g_free (step->notes);
        step->code = g_steal_pointer (&code);
        step->title = g_steal_pointer (&title);
        step->notes = g_steal_pointer (&notes);
      }
      break;
    case STEP_SHEET:
      {
        g_autoptr(KenshoSheet) now = kensho_sheet_new ();

        kensho_sheet_copy_metadata (now, self->sheet);
        kensho_sheet_copy_metadata (self->sheet, step->sheet);
        g_set_object (&step->sheet, now);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Puts a node at (parent, position), or takes it out when parent is NULL. */
static void
place (KenshoNode *node, KenshoNode *parent, guint position)
{
  if (parent == NULL)
    {
      if (kensho_node_get_parent (node) != NULL)
        kensho_node_remove (node);
    }
  else if (kensho_node_get_parent (node) != NULL)
    kensho_node_move (node, parent, position, NULL);
  else
    kensho_node_insert (parent, node, position, NULL);
}

static KenshoNode *
apply (KenshoUndoStack *self, Step *step, gboolean undo)
{
  switch (step->kind)
    {
    case STEP_GROUP:
      for (guint i = 0; i < step->children->len; i++)
        apply (self, step->children->pdata[undo ? step->children->len - 1 - i : i], undo);
      return NULL;
    case STEP_INSERT:
    case STEP_REMOVE:
    case STEP_MOVE:
      if (undo)
        place (step->node, step->parent_a, step->position_a);
      else
        place (step->node, step->parent_b, step->position_b);
      break;
    default:
      swap_content (self, step);
      break;
    }
  return step->node;
}

static KenshoNode *
transfer (KenshoUndoStack *self, GPtrArray *from, GPtrArray *to, gboolean undo)
{
  Step *step;
  KenshoNode *node;

  if (from->len == 0 || self->sheet == NULL)
    return NULL;
  step = g_ptr_array_steal_index (from, from->len - 1);
  self->busy = TRUE;
  node = apply (self, step, undo);
  self->busy = FALSE;
  g_ptr_array_add (to, step);
  self->merge_broken = TRUE;
  emit_changed (self);
  return node;
}

KenshoNode *
kensho_undo_stack_undo (KenshoUndoStack *self)
{
  g_return_val_if_fail (KENSHO_IS_UNDO_STACK (self), NULL);
  return transfer (self, self->undo_steps, self->redo_steps, TRUE);
}

KenshoNode *
kensho_undo_stack_redo (KenshoUndoStack *self)
{
  g_return_val_if_fail (KENSHO_IS_UNDO_STACK (self), NULL);
  return transfer (self, self->redo_steps, self->undo_steps, FALSE);
}

gboolean
kensho_undo_stack_can_undo (KenshoUndoStack *self)
{
  return self->undo_steps->len > 0;
}

gboolean
kensho_undo_stack_can_redo (KenshoUndoStack *self)
{
  return self->redo_steps->len > 0;
}

const char *
kensho_undo_stack_get_undo_label (KenshoUndoStack *self)
{
  Step *step = top (self->undo_steps);

  return step ? step->label : NULL;
}

const char *
kensho_undo_stack_get_redo_label (KenshoUndoStack *self)
{
  Step *step = top (self->redo_steps);

  return step ? step->label : NULL;
}

static guint64
top_serial (KenshoUndoStack *self)
{
  Step *step = top (self->undo_steps);

  return step ? step->serial : 0;
}

void
kensho_undo_stack_set_clean (KenshoUndoStack *self)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));

  self->clean_serial = top_serial (self);
  self->clean_known = TRUE;
  /* Typing on after a save is a step of its own, or undoing it would not
   * come back to what was saved. */
  self->merge_broken = TRUE;
}

gboolean
kensho_undo_stack_is_clean (KenshoUndoStack *self)
{
  g_return_val_if_fail (KENSHO_IS_UNDO_STACK (self), FALSE);
  return self->clean_known && top_serial (self) == self->clean_serial;
}

gboolean
kensho_undo_stack_is_busy (KenshoUndoStack *self)
{
  return self->busy;
}
