/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_CHECKER (kensho_checker_get_type ())
G_DECLARE_FINAL_TYPE (KenshoChecker, kensho_checker, KENSHO, CHECKER, GObject)

/* The findings of kensho_sheet_run_checks(), kept for a sheet being edited:
 * a change is noted when it happens and kensho_checker_update() checks
 * again only what it touched, splicing the list where its findings differ.
 * Only a change of the sheet's settings or of its tree checks everything. */
KenshoChecker *kensho_checker_new          (KenshoSheet   *sheet);
GListModel    *kensho_checker_get_findings (KenshoChecker *self);
gboolean       kensho_checker_get_pending  (KenshoChecker *self);
gboolean       kensho_checker_update       (KenshoChecker *self,
                                            gint64         budget_us);

G_END_DECLS
