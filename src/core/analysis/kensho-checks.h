/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-finding.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The checks a careful reviewer makes on a sheet, for the fiscal year it is
 * shown for: a delay without a reason and a reason without a delay, a
 * missing actual or target, units that cannot be compared within one
 * indicator, a final target behind the baseline, a division spelt unlike
 * the sheet's list, two indicators of one name, and a rating its own rule
 * does not hold for. Checks an indicator acknowledges are skipped. */
GListStore   *kensho_sheet_run_checks        (KenshoSheet     *sheet);
GListStore   *kensho_indicator_run_checks    (KenshoIndicator *indicator,
                                              KenshoSheet     *sheet);
KenshoRating *kensho_indicator_suggest_rating (KenshoIndicator *indicator,
                                               KenshoSheet     *sheet);
char         *kensho_finding_format_line     (KenshoFinding   *finding);
GPtrArray    *kensho_sheet_dup_same_name     (KenshoSheet     *sheet,
                                              const char      *name);
GPtrArray    *kensho_sheet_dup_named_after_children (KenshoSheet *sheet,
                                                     KenshoNode  *node);

G_END_DECLS
