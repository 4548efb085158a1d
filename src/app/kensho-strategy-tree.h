/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_STRATEGY_TREE (kensho_strategy_tree_get_type ())
G_DECLARE_FINAL_TYPE (KenshoStrategyTree, kensho_strategy_tree, KENSHO, STRATEGY_TREE, GtkWidget)

/* The strategy as an editable tree: goals, sub-goals, measures and
 * indicators, with search and filters, drag and drop,
 * and moves by keyboard. Emits ::selection-changed. Not @editable (a
 * sheet opened read-only), nothing moves. */
GtkWidget  *kensho_strategy_tree_new             (void);
void        kensho_strategy_tree_set_sheet       (KenshoStrategyTree *self,
                                                  KenshoSheet        *sheet,
                                                  gboolean            editable);
KenshoNode *kensho_strategy_tree_get_selected    (KenshoStrategyTree *self);
gboolean    kensho_strategy_tree_select          (KenshoStrategyTree *self,
                                                  KenshoNode         *node);
void        kensho_strategy_tree_set_search      (KenshoStrategyTree *self,
                                                  const char         *text);
void        kensho_strategy_tree_set_division_filter (KenshoStrategyTree *self,
                                                      const char         *division);
void        kensho_strategy_tree_set_rating_filter   (KenshoStrategyTree *self,
                                                      const char         *rating_id);
gboolean    kensho_strategy_tree_node_is_visible (KenshoStrategyTree *self,
                                                  KenshoNode         *node);
GtkFilter  *kensho_strategy_tree_get_indicator_filter (KenshoStrategyTree *self);
guint       kensho_strategy_tree_get_n_rows      (KenshoStrategyTree *self);
KenshoNode *kensho_strategy_tree_get_row_node    (KenshoStrategyTree *self,
                                                  guint               position);
gboolean    kensho_strategy_tree_move_selected   (KenshoStrategyTree *self,
                                                  int                 direction);
gboolean    kensho_strategy_tree_drop_node       (KenshoStrategyTree *self,
                                                  KenshoNode         *dragged,
                                                  KenshoNode         *target);

void                kensho_strategy_tree_focus_selected (KenshoStrategyTree *self);
GtkWidget          *kensho_strategy_tree_get_title_widget (KenshoStrategyTree *self,
                                                         KenshoNode         *node);

G_END_DECLS
