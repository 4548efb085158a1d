/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kensho-print-layout.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_PDF_EXPORT (kensho_pdf_export_get_type ())
G_DECLARE_FINAL_TYPE (KenshoPdfExport, kensho_pdf_export, KENSHO, PDF_EXPORT, GObject)

/* The printed pages as a PDF file, made a little at a time so that the
 * window can show progress and be cancelled: a sheet of thousands of
 * indicators takes seconds. Call kensho_pdf_export_step() until it returns
 * FALSE, then kensho_pdf_export_finish() writes the file (atomically; it is
 * left untouched if the export is dropped before). 10 mm margins. */
KenshoPdfExport *kensho_pdf_export_new          (KenshoPrintLayout *layout,
                                                 KenshoPaper        paper,
                                                 gboolean           portrait);
/* Any paper, @width × @height points (the page setup printed on). */
KenshoPdfExport *kensho_pdf_export_new_for_size (KenshoPrintLayout *layout,
                                                 double             width,
                                                 double             height);
gboolean         kensho_pdf_export_step         (KenshoPdfExport   *self);
/* From 0 to 1; measuring the rows is half, drawing the pages the rest. */
double           kensho_pdf_export_get_progress (KenshoPdfExport   *self);
gboolean         kensho_pdf_export_finish       (KenshoPdfExport   *self,
                                                 const char        *path,
                                                 GError           **error);
gboolean         kensho_pdf_export_save         (KenshoPrintLayout *layout,
                                                 const char        *path,
                                                 KenshoPaper        paper,
                                                 gboolean           portrait,
                                                 GError           **error);

G_END_DECLS
