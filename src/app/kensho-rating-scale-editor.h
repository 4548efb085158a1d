/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_RATING_SCALE_EDITOR (kensho_rating_scale_editor_get_type ())
G_DECLARE_FINAL_TYPE (KenshoRatingScaleEditor, kensho_rating_scale_editor, KENSHO,
                      RATING_SCALE_EDITOR, AdwPreferencesPage)

/* The sheet's achievement method and rating scale, with the cities'
 * presets: labels, "needs a reason for delay", and each rating's rule.
 * Every change is one undoable step of the main window. */
GtkWidget *kensho_rating_scale_editor_new         (KenshoSheet             *sheet);
void       kensho_rating_scale_editor_apply_preset (KenshoRatingScaleEditor *self,
                                                    const char              *preset_id);

G_END_DECLS
