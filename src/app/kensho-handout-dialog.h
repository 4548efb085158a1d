/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-window.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_HANDOUT_DIALOG (kensho_handout_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KenshoHandoutDialog, kensho_handout_dialog, KENSHO, HANDOUT_DIALOG, AdwWindow)

/* File → Hand Out to Divisions…: which divisions, the folder, the format,
 * the due date and the contact; writes one file per division (with a
 * progress bar) and keeps what was sent in the workspace. Emits ::done
 * with the number of files written when it has finished. */
KenshoHandoutDialog *kensho_handout_dialog_new        (KenshoWindow        *parent);
void                 kensho_handout_dialog_set_folder (KenshoHandoutDialog *self,
                                                       GFile               *folder);

G_END_DECLS
