/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_UNDO_STACK (kensho_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (KenshoUndoStack, kensho_undo_stack, KENSHO, UNDO_STACK, GObject)

/* Undo and redo for every change of a sheet, structural ones too, driven
 * by the model: the stack listens to KenshoSheet::changing and ::changed
 * from kensho_undo_stack_new() on (so nothing before, such as loading, is
 * recorded), and views only call the model's setters.
 *
 * Content changes are recorded *before* they happen, as a snapshot of the
 * node (or of the sheet's metadata); undo swaps the snapshot back in.
 * Changes of the same field of the same object in quick succession
 * (typing) share one step. Structural changes keep the node's old and new
 * place. Changes between begin_group() and end_group() (or the sheet's
 * kensho_sheet_begin_group()) are one step. Nothing is recorded while an
 * undo or redo runs. The properties can-undo, can-redo, undo-label and
 * redo-label are notified when they change. */
KenshoUndoStack *kensho_undo_stack_new              (KenshoSheet      *sheet);
void             kensho_undo_stack_begin_group      (KenshoUndoStack  *self,
                                                     const char       *label);
void             kensho_undo_stack_end_group        (KenshoUndoStack  *self);
gboolean         kensho_undo_stack_can_undo         (KenshoUndoStack  *self);
gboolean         kensho_undo_stack_can_redo         (KenshoUndoStack  *self);
const char      *kensho_undo_stack_get_undo_label   (KenshoUndoStack  *self);
const char      *kensho_undo_stack_get_redo_label   (KenshoUndoStack  *self);
/* Returns the node the step touched, so a view can show it; NULL for the sheet. */
KenshoNode      *kensho_undo_stack_undo             (KenshoUndoStack  *self);
KenshoNode      *kensho_undo_stack_redo             (KenshoUndoStack  *self);
/* The sheet is saved as it is now; is_clean() says whether undo and redo
 * have brought it back there. Never clean before the first set_clean(). */
void             kensho_undo_stack_set_clean        (KenshoUndoStack  *self);
gboolean         kensho_undo_stack_is_clean         (KenshoUndoStack  *self);

G_END_DECLS
