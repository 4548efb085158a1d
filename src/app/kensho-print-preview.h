/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-print-layout.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_PRINT_PREVIEW (kensho_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (KenshoPrintPreview, kensho_print_preview, KENSHO, PRINT_PREVIEW, AdwWindow)

/* The print dialog's preview, drawn by the print operation itself page by
 * page: no external previewer is needed. Closing it ends the preview. */
GtkWindow *kensho_print_preview_new (GtkPrintOperationPreview *preview,
                                     GtkPrintContext          *context,
                                     KenshoPrintLayout        *layout,
                                     GtkWindow                *parent);
guint      kensho_print_preview_get_n_pages (KenshoPrintPreview  *self);

G_END_DECLS
