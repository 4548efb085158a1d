/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_NODE_FORM (kensho_node_form_get_type ())
G_DECLARE_FINAL_TYPE (KenshoNodeForm, kensho_node_form, KENSHO, NODE_FORM, AdwBin)

GtkWidget *kensho_node_form_new      (void);
/* Not @editable, the node is only shown (a sheet opened read-only). */
void       kensho_node_form_set_node (KenshoNodeForm  *self,
                                      KenshoNode      *node,
                                      gboolean         editable);

KenshoNode *kensho_node_form_get_node (KenshoNodeForm *self);

/* Moves the focus to the title, all of it selected, to type a new one. */
void       kensho_node_form_focus_title (KenshoNodeForm *self);

G_END_DECLS
