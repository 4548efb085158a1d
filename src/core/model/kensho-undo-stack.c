/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>


/* Typing pauses shorter than this stay in one undo step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

#include <glib/gi18n-lib.h>

#include "kensho-undo-stack.h"

/* Typing pauses shorter than this stay in one undo step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

typedef enum
{
  STEP_NODE_CONTENT,  /* snapshot of a goal, sub-goal or measure */
  STEP_INDICATOR,     /* snapshot of an indicator */
  STEP_SHEET,         /* snapshot of the sheet's metadata */
  STEP_STRUCTURE,     /* a node added, removed or moved */
  STEP_GROUP,         /* steps undone together */
} StepKind;

typedef struct
{
  StepKind kind;
  guint64 serial;         /* which step this is, never reused */
  char *label;
  char *merge_key;        /* the field, for typing; NULL: never merges */
  gint64 time;
  KenshoNode *node;       /* the node changed, inserted, removed or moved */
  /* Snapshots: what undo (or redo) puts back. */
  char *code, *title, *notes;
  KenshoIndicator *indicator;
  KenshoSheet *sheet;
  /* Places, for structure steps: from where to where (NULL: outside). */
  KenshoNode *parent_a;
  guint position_a;
  KenshoNode *parent_b;
  guint position_b;
  GPtrArray *children;    /* of a group, in the order they happened */
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
  Step *group;             /* the open group, on undo_steps once it holds a step */
  guint group_depth;
  gboolean group_pushed;
  /* A structure change announced and not yet done. */
  KenshoNode *pending_node;
  KenshoNode *pending_parent;
  guint pending_position;
  char *pending_field;
  /* What the properties said last, to notify only on change. */
  gboolean can_undo, can_redo;
  char *undo_label, *redo_label;
};

G_DEFINE_FINAL_TYPE (KenshoUndoStack, kensho_undo_stack, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, PROP_UNDO_LABEL, PROP_REDO_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What each field of the model is called in Undo's tooltip, and whether
 * typing in it merges into one step. Fields are "name" or "name/detail"
 * (the year, the series, the rating); see the model's setters. */
static const struct
{
  const char *name;
  const char *label;
  gboolean merges;
} fields[] = {
  { "code", N_("Edit code"), TRUE },
  { "title", N_("Edit title"), TRUE },
  { "notes", N_("Edit notes"), TRUE },
  { "handout", N_("Mark as a hand-out"), FALSE },
  { "indicator-kind", N_("Change kind"), FALSE },
  { "direction", N_("Change direction"), FALSE },
  { "unit", N_("Change unit"), TRUE },
  { "division", N_("Change division"), TRUE },
  { "add-series", N_("Add series"), FALSE },
  { "remove-series", N_("Remove series"), FALSE },
  { "series-name", N_("Rename series"), TRUE },
  { "value", N_("Edit value"), TRUE },
  { "commentary", N_("Edit commentary"), TRUE },
  { "rating", N_("Change rating"), FALSE },
  { "reason", N_("Edit reason for delay"), TRUE },
  { "committee", N_("Edit committee text"), TRUE },
  { "remove-year", N_("Start the year afresh"), FALSE },
  { "acknowledge", N_("Acknowledge a check"), FALSE },
  { "withdraw", N_("Withdraw an acknowledgement"), FALSE },
  { "assign", N_("Edit indicator"), FALSE },
  { "municipality", N_("Edit sheet properties"), TRUE },
  { "sheet-title", N_("Edit sheet properties"), TRUE },
  { "sheet-label", N_("Edit sheet properties"), TRUE },
  { "sheet-notes", N_("Edit sheet properties"), TRUE },
  { "fiscal-year", N_("Change the fiscal year shown"), FALSE },
  { "plan-period", N_("Change the plan period"), FALSE },
  { "baseline-year", N_("Change the baseline year"), FALSE },
  { "achievement-method", N_("Change the achievement method"), FALSE },
  { "divisions", N_("Edit the divisions"), TRUE },
  { "rating-scale", N_("Change the rating scale"), FALSE },
  { "scale-name", N_("Rename the rating scale"), TRUE },
  { "add-rating", N_("Add a rating"), FALSE },
  { "remove-rating", N_("Remove a rating"), FALSE },
  { "move-rating", N_("Move a rating"), FALSE },
  { "rating-label", N_("Rename a rating"), TRUE },
  { "rating-colour", N_("Change a rating’s colour"), FALSE },
  { "rating-delayed", N_("Change whether a rating is a delay"), FALSE },
  { "rating-rule", N_("Change a rating’s rule"), TRUE },
  { "insert", N_("Add"), FALSE },
  { "remove", N_("Delete"), FALSE },
  { "move", N_("Move"), FALSE },
};

static gboolean
field_lookup (const char *field, const char **label, gboolean *merges)
{
  gsize length = strcspn (field, "/");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i].name) == length && strncmp (fields[i].name, field, length) == 0)
      {
        *label = _(fields[i].label);
        *merges = fields[i].merges;
        return TRUE;
      }
  return FALSE;
}

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
clear_pending (KenshoUndoStack *self)
{
  g_clear_object (&self->pending_node);
  g_clear_object (&self->pending_parent);
  g_clear_pointer (&self->pending_field, g_free);
}

static void
kensho_undo_stack_finalize (GObject *object)
{
  KenshoUndoStack *self = KENSHO_UNDO_STACK (object);

  if (self->group != NULL && !self->group_pushed)
    step_free (self->group);
  g_ptr_array_unref (self->undo_steps);
  g_ptr_array_unref (self->redo_steps);
  clear_pending (self);
  g_free (self->undo_label);
  g_free (self->redo_label);
  if (self->sheet != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->sheet), (gpointer *) &self->sheet);
  G_OBJECT_CLASS (kensho_undo_stack_parent_class)->finalize (object);
}

static void
kensho_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KenshoUndoStack *self = KENSHO_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, kensho_undo_stack_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, kensho_undo_stack_can_redo (self)); break;
    case PROP_UNDO_LABEL: g_value_set_string (value, kensho_undo_stack_get_undo_label (self)); break;
    case PROP_REDO_LABEL: g_value_set_string (value, kensho_undo_stack_get_redo_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_undo_stack_class_init (KenshoUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kensho_undo_stack_finalize;
  object_class->get_property = kensho_undo_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kensho_undo_stack_init (KenshoUndoStack *self)
{
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

static Step *
top (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

static void
update_state (KenshoUndoStack *self)
{
  gboolean can_undo = kensho_undo_stack_can_undo (self);
  gboolean can_redo = kensho_undo_stack_can_redo (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (self->undo_label, kensho_undo_stack_get_undo_label (self)) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_strdup (kensho_undo_stack_get_undo_label (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (self->redo_label, kensho_undo_stack_get_redo_label (self)) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_strdup (kensho_undo_stack_get_redo_label (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gpointer
step_target (KenshoUndoStack *self, Step *step)
{
  /* A sheet step keeps a snapshot in step->sheet: it edits self->sheet. */
  return step->kind == STEP_SHEET ? (gpointer) self->sheet : (gpointer) step->node;
}

static gboolean
merges_into_top (KenshoUndoStack *self, gpointer target, const char *merge_key)
{
  Step *last = top (self->undo_steps);

  return !self->merge_broken && self->group == NULL && merge_key != NULL && last != NULL &&
         g_strcmp0 (last->merge_key, merge_key) == 0 && step_target (self, last) == target &&
         g_get_monotonic_time () - last->time < MERGE_WINDOW_USEC;
}

/* In a group, the first snapshot of an object is the one undo needs. */
static gboolean
group_has_snapshot (KenshoUndoStack *self, gpointer target)
{
  if (self->group == NULL || self->group->children == NULL)
    return FALSE;
  for (guint i = 0; i < self->group->children->len; i++)
    {
      Step *step = g_ptr_array_index (self->group->children, i);

      if (step->kind != STEP_STRUCTURE && step_target (self, step) == target)
        return TRUE;
    }
  return FALSE;
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
      if (self->group_pushed)
        return step;
      if (self->group->label == NULL)
        self->group->label = g_strdup (label);
      step = self->group;
      self->group_pushed = TRUE;
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

/* Before a content or sheet change: keeps the object as it is now, unless
 * the step being typed into already has it. */
static void
record_snapshot (KenshoUndoStack *self, GObject *object, const char *field)
{
  const char *label = _("Edit");
  gboolean merges = FALSE;
  gpointer target = KENSHO_IS_NODE (object) ? object : (gpointer) self->sheet;
  const char *merge_key;
  Step *step;

  field_lookup (field, &label, &merges);
  if (g_str_equal (field, "title") && KENSHO_IS_INDICATOR (object))
    label = _("Rename indicator");
  merge_key = merges ? field : NULL;
  if (merges_into_top (self, target, merge_key))
    {
      top (self->undo_steps)->time = g_get_monotonic_time ();
      return;
    }
  if (group_has_snapshot (self, target))
    return;
  if (!KENSHO_IS_NODE (object))
    {
      step = push (self, STEP_SHEET, label, merge_key);
      if (step->kind == STEP_GROUP)
        step = top (step->children);
      step->sheet = kensho_sheet_new ();
      kensho_sheet_copy_metadata (step->sheet, self->sheet);
    }
  else
    {
      step = push (self, KENSHO_IS_INDICATOR (object) ? STEP_INDICATOR : STEP_NODE_CONTENT, label,
                   merge_key);
      if (step->kind == STEP_GROUP)
        step = top (step->children);
      step->node = g_object_ref (KENSHO_NODE (object));
      snapshot_node (step);
    }
  update_state (self);
}

static void
record_structure (KenshoUndoStack *self)
{
  const char *label = _("Edit");
  gboolean merges;
  KenshoNode *parent = kensho_node_get_parent (self->pending_node);
  Step *step;

  field_lookup (self->pending_field, &label, &merges);
  step = push (self, STEP_STRUCTURE, label, NULL);
  if (step->kind == STEP_GROUP)
    step = top (step->children);
  step->node = g_object_ref (self->pending_node);
  step->parent_a = g_steal_pointer (&self->pending_parent);
  step->position_a = self->pending_position;
  step->parent_b = parent ? g_object_ref (parent) : NULL;
  step->position_b = parent ? kensho_node_get_position (self->pending_node) : 0;
  clear_pending (self);
  update_state (self);
}

static void
on_sheet_changing (KenshoSheet *sheet, int change, GObject *object, const char *field,
                   KenshoUndoStack *self)
{
  if (self->busy)
    return;
  if (change == KENSHO_CHANGE_STRUCTURE)
    {
      KenshoNode *node = KENSHO_NODE (object);
      KenshoNode *parent = kensho_node_get_parent (node);

      clear_pending (self);
      self->pending_node = g_object_ref (node);
      self->pending_parent = parent ? g_object_ref (parent) : NULL;
      self->pending_position = parent ? kensho_node_get_position (node) : 0;
      self->pending_field = g_strdup (field);
    }
  else
    record_snapshot (self, object, field);
}

/* A move is a removal and an insertion, each reported: the step is
 * recorded once the node is where it goes. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoUndoStack *self)
{
  gboolean placed;

  if (self->busy || change != KENSHO_CHANGE_STRUCTURE || self->pending_node == NULL)
    return;
  placed = kensho_node_get_parent (self->pending_node) != NULL;
  if (placed == !g_str_equal (self->pending_field, "remove"))
    record_structure (self);
}

static void
on_group_begin (KenshoSheet *sheet, const char *label, KenshoUndoStack *self)
{
  kensho_undo_stack_begin_group (self, label);
}

static void
on_group_end (KenshoSheet *sheet, KenshoUndoStack *self)
{
  kensho_undo_stack_end_group (self);
}

KenshoUndoStack *
kensho_undo_stack_new (KenshoSheet *sheet)
{
  KenshoUndoStack *self;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  self = g_object_new (KENSHO_TYPE_UNDO_STACK, NULL);
  self->sheet = sheet;
  g_object_add_weak_pointer (G_OBJECT (sheet), (gpointer *) &self->sheet);
  g_signal_connect_object (sheet, "changing", G_CALLBACK (on_sheet_changing), self, 0);
  g_signal_connect_object (sheet, "changed", G_CALLBACK (on_sheet_changed), self, 0);
  g_signal_connect_object (sheet, "group-begin", G_CALLBACK (on_group_begin), self, 0);
  g_signal_connect_object (sheet, "group-end", G_CALLBACK (on_group_end), self, 0);
  return self;
}

void
kensho_undo_stack_begin_group (KenshoUndoStack *self, const char *label)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));

  /* Undo itself may group (an indicator's content put back at once). */
  if (self->busy)
    return;
  if (self->group_depth++ > 0)
    return;
  self->group = g_new0 (Step, 1);
  self->group->kind = STEP_GROUP;
  self->group->serial = ++self->last_serial;
  self->group->label = g_strdup (label);
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->group_pushed = FALSE;
}

void
kensho_undo_stack_end_group (KenshoUndoStack *self)
{
  g_return_if_fail (KENSHO_IS_UNDO_STACK (self));

  if (self->busy)
    return;
  g_return_if_fail (self->group_depth > 0);
  if (--self->group_depth > 0)
    return;
  if (!self->group_pushed)
    step_free (self->group);
  self->group = NULL;
  self->group_pushed = FALSE;
  /* What is typed next is a step of its own. */
  self->merge_broken = TRUE;
  update_state (self);
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
  KenshoNode *shown = NULL;

  switch (step->kind)
    {
    case STEP_GROUP:
      /* Undone last first; redone in the order they happened. */
      for (guint i = 0; i < step->children->len; i++)
        {
          Step *child = g_ptr_array_index (step->children, undo ? step->children->len - 1 - i : i);
          KenshoNode *node = apply (self, child, undo);

          if (shown == NULL || child->kind == STEP_STRUCTURE)
            shown = node;
        }
      return shown;
    case STEP_STRUCTURE:
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
  update_state (self);
  return node;
}

KenshoNode *
kensho_undo_stack_undo (KenshoUndoStack *self)
{
  g_return_val_if_fail (KENSHO_IS_UNDO_STACK (self), NULL);
  /* Not in the middle of a compound edit: it is not whole yet. */
  g_return_val_if_fail (self->group == NULL, NULL);
  return transfer (self, self->undo_steps, self->redo_steps, TRUE);
}

KenshoNode *
kensho_undo_stack_redo (KenshoUndoStack *self)
{
  g_return_val_if_fail (KENSHO_IS_UNDO_STACK (self), NULL);
  g_return_val_if_fail (self->group == NULL, NULL);
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
