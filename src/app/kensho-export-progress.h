/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kensho-pdf-export.h"

G_BEGIN_DECLS

typedef enum
{
  KENSHO_EXPORT_DONE,
  KENSHO_EXPORT_FAILED,
  KENSHO_EXPORT_CANCELLED,
} KenshoExportResult;

#define KENSHO_TYPE_EXPORT_PROGRESS (kensho_export_progress_get_type ())
G_DECLARE_FINAL_TYPE (KenshoExportProgress, kensho_export_progress, KENSHO, EXPORT_PROGRESS, GtkWindow)

/* A small modal window that runs a PDF export a step at a time from the
 * main loop, shows how far it is, and can be cancelled (Cancel, Escape or
 * closing it): the file is written only at the end. Emits ::done (result,
 * message or NULL) once, then closes itself. */
KenshoExportProgress *kensho_export_progress_new          (GtkWindow            *parent,
                                                           KenshoPdfExport      *export,
                                                           const char           *path);
double                kensho_export_progress_get_fraction (KenshoExportProgress *self);

G_END_DECLS
