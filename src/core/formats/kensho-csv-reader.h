/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-cell-grid.h"

G_BEGIN_DECLS

/* A CSV file as a grid (RFC 4180: quoted cells may hold commas, quotes and
 * line breaks). The encoding is UTF-8 (with or without a byte-order mark)
 * when the bytes are valid UTF-8, else CP932, which Excel on Windows
 * writes; @encoding ("utf-8", "cp932") says it instead. Bounded as the
 * workbooks are (KENSHO_XLSX_MAX_CELLS). */
KenshoCellGrid *kensho_csv_read_file  (const char  *path,
                                       const char  *encoding,
                                       GError     **error);
KenshoCellGrid *kensho_csv_read_bytes (const char  *name,
                                       GBytes      *bytes,
                                       const char  *encoding,
                                       GError     **error);

G_END_DECLS
