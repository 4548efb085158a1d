/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-error.h"
#include "kensho-indicator.h"
#include "kensho-node.h"
#include "kensho-rating-scale.h"
#include "kensho-types.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_SHEET (kensho_sheet_get_type ())
G_DECLARE_FINAL_TYPE (KenshoSheet, kensho_sheet, KENSHO, SHEET, GObject)

/* One strategy's verification document (効果検証シート): metadata, the rating
 * scale, the responsible divisions and the tree of goals, measures and
 * indicators under an invisible root. KenshoSheet::changing announces every
 * change of anything in it before it happens (for undo), ::changed after
 * (for views, undo and persistence). */
KenshoSheet       *kensho_sheet_new                (void);
guint64            kensho_sheet_get_revision       (KenshoSheet       *self);

const char        *kensho_sheet_get_municipality   (KenshoSheet       *self);
void               kensho_sheet_set_municipality   (KenshoSheet       *self,
                                                    const char        *municipality);
const char        *kensho_sheet_get_title          (KenshoSheet       *self);
void               kensho_sheet_set_title          (KenshoSheet       *self,
                                                    const char        *title);
const char        *kensho_sheet_get_label          (KenshoSheet       *self);
void               kensho_sheet_set_label          (KenshoSheet       *self,
                                                    const char        *label);
const char        *kensho_sheet_get_notes          (KenshoSheet       *self);
void               kensho_sheet_set_notes          (KenshoSheet       *self,
                                                    const char        *notes);
int                kensho_sheet_get_fiscal_year    (KenshoSheet       *self);
void               kensho_sheet_set_fiscal_year    (KenshoSheet       *self,
                                                    int                fiscal_year);
int                kensho_sheet_get_plan_first     (KenshoSheet       *self);
int                kensho_sheet_get_plan_last      (KenshoSheet       *self);
gboolean           kensho_sheet_set_plan_period    (KenshoSheet       *self,
                                                    int                first,
                                                    int                last,
                                                    GError           **error);
int                kensho_sheet_get_baseline_year  (KenshoSheet       *self);
void               kensho_sheet_set_baseline_year  (KenshoSheet       *self,
                                                    int                year);
KenshoAchievementMethod kensho_sheet_get_achievement_method (KenshoSheet *self);
void               kensho_sheet_set_achievement_method (KenshoSheet       *self,
                                                        KenshoAchievementMethod method);

KenshoRatingScale *kensho_sheet_get_rating_scale   (KenshoSheet       *self);
void               kensho_sheet_set_rating_scale   (KenshoSheet       *self,
                                                    KenshoRatingScale *scale);
const char * const *kensho_sheet_get_divisions     (KenshoSheet       *self);
void               kensho_sheet_set_divisions      (KenshoSheet       *self,
                                                    const char * const *divisions);
gboolean           kensho_sheet_has_division       (KenshoSheet       *self,
                                                    const char        *division);

gboolean           kensho_sheet_rating_in_use      (KenshoSheet       *self,
                                                    const char        *rating_id);
GPtrArray         *kensho_sheet_apply_rating_preset (KenshoSheet      *self,
                                                     const char       *preset_id);

/* Changes between these are one step of undo: a paste, a preset. Nest. */
void               kensho_sheet_begin_group        (KenshoSheet       *self,
                                                    const char        *label);
void               kensho_sheet_end_group          (KenshoSheet       *self);

KenshoNode        *kensho_sheet_get_root           (KenshoSheet       *self);
KenshoNode        *kensho_sheet_lookup             (KenshoSheet       *self,
                                                    const char        *id);
char              *kensho_sheet_make_id            (KenshoSheet       *self,
                                                    KenshoNodeKind     kind);
GPtrArray         *kensho_sheet_dup_indicators     (KenshoSheet       *self);

char              *kensho_sheet_dup_display_title  (KenshoSheet       *self);
int                kensho_sheet_get_column_year    (KenshoSheet       *self,
                                                    KenshoColumn       column);
char              *kensho_sheet_dup_column_title   (KenshoSheet       *self,
                                                    KenshoColumn       column);
void               kensho_sheet_copy_metadata      (KenshoSheet       *self,
                                                    KenshoSheet       *from);
gboolean           kensho_sheet_equal              (KenshoSheet       *a,
                                                    KenshoSheet       *b);

G_END_DECLS
