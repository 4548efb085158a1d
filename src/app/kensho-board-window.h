/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-window.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_BOARD_WINDOW (kensho_board_window_get_type ())
G_DECLARE_FINAL_TYPE (KenshoBoardWindow, kensho_board_window, KENSHO, BOARD_WINDOW, AdwWindow)

/* File → Answer Board: per division, when its hand-out was sent, whether
 * it answered (when, which file), was merged or has conflicts open, is
 * overdue, and its indicators still empty; each merge's report of changes
 * can be read and exported as CSV, and the board printed on one page. */
KenshoBoardWindow *kensho_board_window_new     (KenshoWindow      *parent);
void               kensho_board_window_refresh (KenshoBoardWindow *self);
/* The CSV of the latest answer of each division (the report of changes). */
GBytes            *kensho_board_window_dup_report_csv (KenshoBoardWindow *self);

G_END_DECLS
