/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-application.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_WINDOW (kensho_window_get_type ())
G_DECLARE_FINAL_TYPE (KenshoWindow, kensho_window, KENSHO, WINDOW, AdwApplicationWindow)

KenshoWindow *kensho_window_new       (KenshoApplication *app);
void          kensho_window_open_file (KenshoWindow      *self,
                                       GFile             *file);
KenshoSheet  *kensho_window_get_sheet (KenshoWindow      *self);

G_END_DECLS
