/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_SHEET_PROPERTIES (kensho_sheet_properties_get_type ())
G_DECLARE_FINAL_TYPE (KenshoSheetProperties, kensho_sheet_properties, KENSHO, SHEET_PROPERTIES,
                      AdwPreferencesWindow)

/* The sheet's texts, years and divisions, with its rating scale's page. */
GtkWindow *kensho_sheet_properties_new (GtkWindow       *parent,
                                        KenshoSheet     *sheet);

G_END_DECLS
