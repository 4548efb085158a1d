/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kensho-indicator.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_TREE_ROW (kensho_tree_row_get_type ())
G_DECLARE_FINAL_TYPE (KenshoTreeRow, kensho_tree_row, KENSHO, TREE_ROW, GtkBox)

/* One row of the strategy tree: code, title, division, achievement and
 * rating side by side. The tree fills the parts and binds the node. */
struct _KenshoTreeRow
{
  GtkBox parent_instance;

  GtkLabel *code;
  GtkInscription *title;
  GtkLabel *division;
  GtkLabel *achievement;
  GtkLabel *rating;

  gpointer tree;               /* the KenshoStrategyTree, which owns the row */
  KenshoNode *node;            /* bound, not owned: unbound before it goes */
  KenshoIndicator *indicator;  /* whose rate the badge shows; NULL if none */
  char *description;           /* the badge's accessible description */
  gulong changed_handler;      /* on the sheet, while bound */
};

GtkWidget *kensho_tree_row_new (gpointer tree);

G_END_DECLS
