/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the model classes tell each other and nobody else needs. */
#pragma once

#include "kensho-indicator.h"
#include "kensho-node.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

void _kensho_node_emit_changed     (KenshoNode   *self,
                                    KenshoChange  change);
void _kensho_node_attach_root      (KenshoNode   *root,
                                    KenshoSheet  *sheet);
void _kensho_sheet_register_node   (KenshoSheet  *self,
                                    KenshoNode   *node);
void _kensho_sheet_unregister_node (KenshoSheet  *self,
                                    KenshoNode   *node);
void _kensho_node_emit_changing    (KenshoNode   *self,
                                    KenshoChange  change,
                                    const char   *field);
void _kensho_sheet_emit_changing   (KenshoSheet  *self,
                                    KenshoChange  change,
                                    GObject      *object,
                                    const char   *field);
void _kensho_sheet_emit_changed    (KenshoSheet  *self,
                                    KenshoChange  change,
                                    GObject      *object);

KenshoIndicator *_kensho_indicator_new_without_series (KenshoIndicatorKind  kind,
                                                      const char          *name);

G_END_DECLS
