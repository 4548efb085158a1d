/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_FORM_COLUMNS (kensho_form_columns_get_type ())
G_DECLARE_FINAL_TYPE (KenshoFormColumns, kensho_form_columns, KENSHO, FORM_COLUMNS, GtkWidget)

/* Two parts of a form side by side when there is room for both, one above
 * the other when not (a narrow window). Its children are added in a
 * GtkBuilder file or with gtk_widget_set_parent(), the first on the left. */
GtkWidget *kensho_form_columns_new     (void);
gboolean   kensho_form_columns_is_wide (KenshoFormColumns *self);

G_END_DECLS
