/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kensho-pdf-export.h"
#include "kensho-print-layout.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_PRINT_OPERATION (kensho_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (KenshoPrintOperation, kensho_print_operation, KENSHO, PRINT_OPERATION, GtkPrintOperation)

/* Prints a sheet through the GTK print dialog with KenshoPrintLayout, the
 * code the PDF export uses too, with its margins on the whole paper: the
 * paper copy and the PDF match page for page. A3 landscape unless the user
 * chose another page setup before; print settings and page setup are kept
 * in @settings (print-settings, page-setup) when it is not NULL. Paginates in steps, so
 * that the progress dialog shows and can cancel; previews in its own
 * window (KenshoPrintPreview). A tab of the dialog offers a summary page
 * first and the achievement column (print-summary, print-achievement);
 * none when the layout prints only the summary. */
KenshoPrintOperation *kensho_print_operation_new             (KenshoSheet          *sheet,
                                                              GSettings            *settings);
KenshoPrintLayout    *kensho_print_operation_get_layout      (KenshoPrintOperation *self);
GtkPageSetup         *kensho_print_operation_load_page_setup (GSettings            *settings);
void                  kensho_print_operation_apply_options   (GSettings            *settings,
                                                              KenshoPrintLayout    *layout);
void                  kensho_print_operation_page_setup_get_size (GtkPageSetup     *page_setup,
                                                                  double           *width,
                                                                  double           *height);
KenshoPdfExport      *kensho_print_operation_new_pdf_export (GSettings            *settings,
                                                             KenshoPrintLayout    *layout);

G_END_DECLS
