/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules of editing a sheet's tree, apart from any view: where a new
 * node goes, moving one step, dropping, deleting, a new blank sheet. The
 * strategy tree and the window only call these; undo records what they do
 * as it records every change. */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

KenshoSheet *kensho_sheet_edit_new_blank  (void);
KenshoNode  *kensho_sheet_edit_place_for  (KenshoSheet         *sheet,
                                           KenshoNode          *selected,
                                           KenshoNodeKind       kind,
                                           KenshoIndicatorKind  indicator_kind,
                                           guint               *position);
KenshoNode  *kensho_sheet_edit_add        (KenshoSheet         *sheet,
                                           KenshoNode          *selected,
                                           KenshoNodeKind       kind,
                                           KenshoIndicatorKind  indicator_kind);
gboolean     kensho_sheet_edit_move_step  (KenshoNode          *node,
                                           int                  direction);
gboolean     kensho_sheet_edit_drop       (KenshoNode          *dragged,
                                           KenshoNode          *target);
KenshoNode  *kensho_sheet_edit_delete     (KenshoNode          *node,
                                           guint               *n_indicators);

G_END_DECLS
