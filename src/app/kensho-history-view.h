/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-indicator.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_HISTORY_VIEW (kensho_history_view_get_type ())
G_DECLARE_FINAL_TYPE (KenshoHistoryView, kensho_history_view, KENSHO, HISTORY_VIEW, AdwBin)

/* An indicator's history in the form: the chart of every year of the plan
 * (kensho-history-chart) and below it a table of each year's actual and
 * target per series, where the values of years other than the one shown
 * are entered. Not @editable, the table is only shown. */
GtkWidget   *kensho_history_view_new           (void);
void         kensho_history_view_set_indicator (KenshoHistoryView *self,
                                                KenshoIndicator   *indicator,
                                                gboolean           editable);
void         kensho_history_view_refresh       (KenshoHistoryView *self);
GtkWidget   *kensho_history_view_get_chart     (KenshoHistoryView *self);
/* The cell of a year's actual (or target) of a series; NULL outside the plan. */
GtkEditable *kensho_history_view_get_cell      (KenshoHistoryView *self,
                                                guint              series,
                                                int                fiscal_year,
                                                gboolean           actual);
const char  *kensho_history_view_get_error     (KenshoHistoryView *self);

G_END_DECLS
