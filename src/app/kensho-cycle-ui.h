/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the hand-out, collect and board windows share. */
#pragma once

#include <adwaita.h>

#include "kensho-window.h"

G_BEGIN_DECLS

/* A header bar over a margined column, as @window's content; returns the column. */
GtkWidget       *kensho_cycle_ui_frame         (AdwWindow    *window);
/* A left-aligned, wrapping label appended to @box. */
GtkWidget       *kensho_cycle_ui_add_label     (GtkWidget    *box,
                                                const char   *text,
                                                const char   *css_class);
KenshoWorkspace *kensho_cycle_ui_get_workspace (KenshoWindow *window);

G_END_DECLS
