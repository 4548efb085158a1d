/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kensho-finding.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_CHECKS_PANEL (kensho_checks_panel_get_type ())
G_DECLARE_FINAL_TYPE (KenshoChecksPanel, kensho_checks_panel, KENSHO, CHECKS_PANEL, GtkWidget)

/* The findings of the sheet's checks, kept up to date as the sheet
 * changes; activating one emits ::finding-activated, for the window to
 * show its indicator and field. */
GtkWidget  *kensho_checks_panel_new          (void);
void        kensho_checks_panel_set_sheet    (KenshoChecksPanel *self,
                                              KenshoSheet       *sheet);
GListModel *kensho_checks_panel_get_findings (KenshoChecksPanel *self);
void        kensho_checks_panel_refresh      (KenshoChecksPanel *self);
void        kensho_checks_panel_set_division (KenshoChecksPanel *self,
                                              const char        *division);

G_END_DECLS
