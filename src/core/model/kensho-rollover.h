/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* Next year's sheet grown from this one (年度更新): a deep copy shown for
 * fiscal_year (0: the year after the one shown), every earlier year kept,
 * the new year's commentary, rating and reason empty. A year past the
 * plan's last one, or not after the year shown, is refused. */
KenshoSheet *kensho_sheet_roll_over (KenshoSheet  *sheet,
                                     int           fiscal_year,
                                     GError      **error);
/* A deep copy of everything, identifiers included. */
KenshoSheet *kensho_sheet_copy      (KenshoSheet  *sheet);

G_END_DECLS
