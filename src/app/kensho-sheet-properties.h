/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-undo-stack.h"

G_BEGIN_DECLS

GtkWindow *kensho_sheet_properties_new (GtkWindow       *parent,
                                        KenshoSheet     *sheet,
                                        KenshoUndoStack *undo);

G_END_DECLS
