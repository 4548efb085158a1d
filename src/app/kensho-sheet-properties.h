/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

GtkWindow *kensho_sheet_properties_new (GtkWindow       *parent,
                                        KenshoSheet     *sheet);

G_END_DECLS
