/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kensho_editable_set_all    (GtkWidget *root,
                                 gboolean   editable);
void kensho_editable_route_undo (GtkWidget *form);

void     kensho_editable_keep_deletions      (GObject       *editable_or_buffer);
gboolean kensho_editable_is_restoring        (gpointer       editable_or_buffer);
void     kensho_editable_restore_deletion    (GtkEditable   *delegate,
                                              int           *position);
void     kensho_text_buffer_restore_deletion (GtkTextBuffer *buffer,
                                              GtkTextIter   *location);

G_END_DECLS
