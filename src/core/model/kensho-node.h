/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-types.h"

G_BEGIN_DECLS

typedef struct _KenshoSheet KenshoSheet;

#define KENSHO_TYPE_NODE (kensho_node_get_type ())
G_DECLARE_DERIVABLE_TYPE (KenshoNode, kensho_node, KENSHO, NODE, GObject)

struct _KenshoNodeClass
{
  GObjectClass parent_class;
};

/* A place in the strategy tree: the root, a basic goal, a sub-goal or a
 * measure; KenshoIndicator derives from it. Children are ordered and exposed
 * as a GListModel of KenshoNode. Every change is reported through the sheet
 * the node belongs to (KenshoSheet::changed). */
KenshoNode     *kensho_node_new             (KenshoNodeKind  kind,
                                             const char     *code,
                                             const char     *title);
KenshoNodeKind  kensho_node_get_kind        (KenshoNode     *self);
const char     *kensho_node_get_id          (KenshoNode     *self);
void            kensho_node_set_id          (KenshoNode     *self,
                                             const char     *id);
const char     *kensho_node_get_code        (KenshoNode     *self);
void            kensho_node_set_code        (KenshoNode     *self,
                                             const char     *code);
const char     *kensho_node_get_title       (KenshoNode     *self);
void            kensho_node_set_title       (KenshoNode     *self,
                                             const char     *title);
const char     *kensho_node_get_notes       (KenshoNode     *self);
void            kensho_node_set_notes       (KenshoNode     *self,
                                             const char     *notes);
KenshoNode     *kensho_node_get_parent      (KenshoNode     *self);
KenshoSheet    *kensho_node_get_sheet       (KenshoNode     *self);
GListModel     *kensho_node_get_children    (KenshoNode     *self);
guint           kensho_node_get_n_children  (KenshoNode     *self);
KenshoNode     *kensho_node_get_child       (KenshoNode     *self,
                                             guint           position);
guint           kensho_node_get_position    (KenshoNode     *self);
guint           kensho_node_get_depth       (KenshoNode     *self);
gboolean        kensho_node_is_ancestor_of  (KenshoNode     *self,
                                             KenshoNode     *descendant);
KenshoNode     *kensho_node_get_ancestor_of_kind (KenshoNode *self,
                                                  KenshoNodeKind kind);
gboolean        kensho_node_kind_can_contain (KenshoNodeKind parent_kind,
                                              KenshoNodeKind child_kind);
gboolean        kensho_node_insert          (KenshoNode     *parent,
                                             KenshoNode     *child,
                                             guint           position,
                                             GError        **error);
gboolean        kensho_node_append          (KenshoNode     *parent,
                                             KenshoNode     *child,
                                             GError        **error);
void            kensho_node_remove          (KenshoNode     *child);
gboolean        kensho_node_move            (KenshoNode     *child,
                                             KenshoNode     *new_parent,
                                             guint           position,
                                             GError        **error);
void            kensho_node_collect_indicators (KenshoNode  *self,
                                                GPtrArray   *indicators);
const char     *kensho_node_kind_to_string  (KenshoNodeKind  kind);
char           *kensho_node_dup_heading     (KenshoNode     *self);
char           *kensho_node_dup_next_code   (KenshoNode     *parent,
                                             KenshoNodeKind  kind);

G_END_DECLS
