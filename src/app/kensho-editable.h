/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kensho_editable_set_all    (GtkWidget *root,
                                 gboolean   editable);
void kensho_editable_route_undo (GtkWidget *form);

G_END_DECLS
