/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-cell-grid.h"

G_BEGIN_DECLS

/* The tables of an OpenDocument spreadsheet (.ods, LibreOffice) as grids:
 * each cell's text as shown (its <text:p> paragraphs joined by line
 * breaks), spanned cells as merged ranges, repeated rows and columns
 * expanded within the bounds of kensho-xlsx-reader. The zip is read by
 * kensho-zip-reader, content.xml by xmlTextReader.
 * Returns: (element-type KenshoCellGrid): the tables in order */
GPtrArray *kensho_ods_read_file (const char  *path,
                                 GError     **error);

G_END_DECLS
