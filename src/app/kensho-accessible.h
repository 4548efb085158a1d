/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kensho_accessible_name_drop_down (GtkDropDown *drop_down,
                                       GtkWidget   *label,
                                       const char  *text);

void kensho_accessible_fix_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
