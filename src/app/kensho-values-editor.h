/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_VALUES_EDITOR (kensho_values_editor_get_type ())
G_DECLARE_FINAL_TYPE (KenshoValuesEditor, kensho_values_editor, KENSHO, VALUES_EDITOR, AdwBin)

GtkWidget   *kensho_values_editor_new           (void);
void         kensho_values_editor_set_indicator (KenshoValuesEditor *self,
                                                 KenshoIndicator    *indicator,
                                                 gboolean            editable);
void         kensho_values_editor_refresh       (KenshoValuesEditor *self);
GtkEditable *kensho_values_editor_get_cell      (KenshoValuesEditor *self,
                                                 guint               series,
                                                 KenshoColumn        column);
GtkEditable *kensho_values_editor_get_series_name (KenshoValuesEditor *self,
                                                   guint               series);
const char  *kensho_values_editor_get_error     (KenshoValuesEditor *self);
const char  *kensho_values_editor_get_notes     (KenshoValuesEditor *self);

G_END_DECLS
