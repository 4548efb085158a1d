/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kensho-indicator.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_INDICATOR_TABLE (kensho_indicator_table_get_type ())
G_DECLARE_FINAL_TYPE (KenshoIndicatorTable, kensho_indicator_table, KENSHO, INDICATOR_TABLE, GtkWidget)

/* Every indicator of a sheet as one row of a table, read down a column as
 * in Excel: name, kind, division, the five values, rating, achievement and
 * the commentary's beginnings. Columns sort; values and rating are edited
 * in place, undoably; a click on a name, or activating a row, emits
 * ::indicator-activated. */
GtkWidget  *kensho_indicator_table_new        (void);
void        kensho_indicator_table_set_sheet  (KenshoIndicatorTable *self,
                                               KenshoSheet          *sheet);
void        kensho_indicator_table_set_editable (KenshoIndicatorTable *self,
                                                 gboolean              editable);
void        kensho_indicator_table_set_filter (KenshoIndicatorTable *self,
                                               GtkFilter            *filter);
GListModel *kensho_indicator_table_get_rows   (KenshoIndicatorTable *self);
GtkColumnView *kensho_indicator_table_get_view (KenshoIndicatorTable *self);
GtkWidget  *kensho_indicator_table_get_cell   (KenshoIndicatorTable *self,
                                               KenshoIndicator      *indicator,
                                               const char           *column_id);

G_END_DECLS
