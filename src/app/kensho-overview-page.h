/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-overview.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_OVERVIEW_PAGE (kensho_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (KenshoOverviewPage, kensho_overview_page, KENSHO, OVERVIEW_PAGE, AdwBin)

/* The sheet at a glance: a table and a bar chart of the ratings per basic
 * goal and sub-goal, and the delayed indicators with their reasons.
 * Activating a delayed indicator emits ::indicator-activated. */
GtkWidget      *kensho_overview_page_new          (void);
void            kensho_overview_page_set_sheet    (KenshoOverviewPage *self,
                                                   KenshoSheet        *sheet);
KenshoOverview *kensho_overview_page_get_overview (KenshoOverviewPage *self);
void            kensho_overview_page_refresh      (KenshoOverviewPage *self);

G_END_DECLS
