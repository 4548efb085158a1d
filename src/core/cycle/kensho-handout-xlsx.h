/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* A hand-out (kensho_handout_new()) as an Excel form for a division
 * without Kensho: one row per series of each indicator, the sheet's title,
 * the due date and the contact at the top; the worksheet is protected and
 * only the answer cells are unlocked (this year's actual, ①②③, the rating
 * as a drop-down of the scale, the reason for delay). A hidden sheet keeps
 * the hand-out's ids and its base. */
gboolean kensho_handout_save_xlsx (KenshoSheet *handout,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
