/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-sheet-import.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_IMPORT_DIALOG (kensho_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KenshoImportDialog, kensho_import_dialog, KENSHO, IMPORT_DIALOG, AdwWindow)

/* File → Import Spreadsheet…: the worksheets of a workbook (a chooser when
 * there are several), a preview of the first rows with one drop-down per
 * column saying what it holds (as the headings say, changed by hand where
 * they do not), and the problems the import would report. "import" hands
 * over the sheet read; the window opens it as a new, unsaved sheet. */
KenshoImportDialog *kensho_import_dialog_new          (GtkWindow          *parent,
                                                       const char         *path,
                                                       GPtrArray          *grids);
KenshoSheet        *kensho_import_dialog_get_sheet    (KenshoImportDialog *self);
/* TRUE while the worksheet is read again after a choice (in a thread):
 * the sheet and the problems are those of the last reading done. */
gboolean            kensho_import_dialog_is_reading   (KenshoImportDialog *self);
guint               kensho_import_dialog_get_n_problems (KenshoImportDialog *self);
GtkDropDown        *kensho_import_dialog_get_column_chooser (KenshoImportDialog *self,
                                                            guint               column);
GtkDropDown        *kensho_import_dialog_get_sheet_chooser (KenshoImportDialog *self);
/* The problems as CSV (kensho_import_problems_to_csv), saved atomically. */
gboolean            kensho_import_dialog_save_problems (KenshoImportDialog *self,
                                                        const char         *path,
                                                        GError            **error);

G_END_DECLS
