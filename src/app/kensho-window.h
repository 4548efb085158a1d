/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-application.h"
#include "kensho-document.h"
#include "kensho-strategy-tree.h"
#include "kensho-undo-stack.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_WINDOW (kensho_window_get_type ())
G_DECLARE_FINAL_TYPE (KenshoWindow, kensho_window, KENSHO, WINDOW, AdwApplicationWindow)

KenshoWindow       *kensho_window_new            (KenshoApplication *app);
void                kensho_window_open_file      (KenshoWindow      *self,
                                                  GFile             *file);
void                kensho_window_set_document   (KenshoWindow      *self,
                                                  KenshoDocument    *document);
KenshoDocument     *kensho_window_get_document   (KenshoWindow      *self);
KenshoSheet        *kensho_window_get_sheet      (KenshoWindow      *self);
KenshoUndoStack    *kensho_window_get_undo_stack (KenshoWindow      *self);
KenshoStrategyTree *kensho_window_get_tree       (KenshoWindow      *self);
GtkWidget          *kensho_window_get_form       (KenshoWindow      *self);
gboolean            kensho_window_is_empty       (KenshoWindow      *self);
void                kensho_window_add_toast      (KenshoWindow      *self,
                                                  const char        *text);
/* Closing for good marks the sheet closed in the workspace; quitting the
 * app keeps it marked open, to bring it back at the next start. */
void                kensho_window_close_for_quit (KenshoWindow      *self);
/* A save runs in its thread, or its answer is not shown yet. */
gboolean            kensho_window_is_saving      (KenshoWindow      *self);
/* A sheet is being read in a thread for this window (File → Open, a
 * recent sheet, a file dropped); kensho_window_open_file() reads at once. */
gboolean            kensho_window_is_opening     (KenshoWindow      *self);

G_END_DECLS
