/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parts of a zip file (.xlsx, .ods) that a reader asks for, read with
 * libarchive within bounds: at most KENSHO_ZIP_MAX_ENTRIES entries, each
 * part and all of them together at most KENSHO_ZIP_MAX_TOTAL bytes once
 * inflated, and no part inflating more than KENSHO_ZIP_MAX_RATIO times the
 * file's size (zip bombs). Encrypted entries are refused. Errors are
 * KENSHO_FORMAT_ERROR_NOT_A_SHEET (not a zip), KENSHO_FORMAT_ERROR_TOO_LARGE,
 * KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT (encrypted) or G_IO_ERROR, with a
 * message that starts with the path. */
#define KENSHO_ZIP_MAX_ENTRIES 10000
/* A workbook of 10,000 indicators unpacks to about 15 MB, 10 times its size. */
#define KENSHO_ZIP_MAX_TOTAL   ((gint64) 40 * 1024 * 1024)
#define KENSHO_ZIP_MAX_RATIO   100

typedef gboolean (*KenshoZipWantFunc) (const char *name, gpointer user_data);

GHashTable *kensho_zip_read_parts (const char        *path,
                                   KenshoZipWantFunc  want,
                                   gpointer           user_data,
                                   GError           **error);

G_END_DECLS
