/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-window.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_COLLECT_DIALOG (kensho_collect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KenshoCollectDialog, kensho_collect_dialog, KENSHO, COLLECT_DIALOG, AdwWindow)

/* File → Collect Answers…: answers added by the file chooser or dropped
 * on the dialog, each merged against what was sent; their changes,
 * conflicts (before, answer and sheet side by side, a choice each) and
 * what is not applied are listed, and nothing changes until Merge. Emits
 * ::merged with the number of fields changed. */
KenshoCollectDialog *kensho_collect_dialog_new      (KenshoWindow        *parent);
void                 kensho_collect_dialog_add_file (KenshoCollectDialog *self,
                                                     GFile               *file);

G_END_DECLS
