/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-cell-grid.h"

G_BEGIN_DECLS

/* The worksheets of an .xlsx workbook as grids of the texts Excel shows:
 * shared and inline strings (rich text runs joined, phonetic guides left
 * out), numbers through their number format ("#,##0\"件\"" → "1,563件",
 * "0.0%", dates), merged ranges and hidden rows. The zip is read with
 * libarchive (kensho-zip-reader) and each part with libxml2's
 * xmlTextReader, within bounds: a workbook beyond them is refused, not cut.
 * Returns: (element-type KenshoCellGrid): the worksheets in workbook order */
#define KENSHO_XLSX_MAX_SHARED_STRINGS 300000
/* Cells of one worksheet (10,000 indicators take 140,000), and of all of
 * them: Kensho's own export adds a data worksheet 7 times as large. */
#define KENSHO_XLSX_MAX_CELLS          500000
#define KENSHO_XLSX_MAX_WORKBOOK_CELLS 1500000

GPtrArray *kensho_xlsx_read_file     (const char  *path,
                                      GError     **error);
/* As kensho_xlsx_read_file(), but a worksheet with more cells than the
 * bounds is read up to them and marked cut (kensho_cell_grid_get_cut):
 * enough to show its first rows beside the worksheet that is imported. */
GPtrArray *kensho_xlsx_read_file_cut (const char  *path,
                                      GError     **error);
KenshoCellGrid *kensho_xlsx_read_sheet (const char  *path,
                                        const char  *sheet_name,
                                        GError     **error);
char      *kensho_xlsx_format_number (double       value,
                                      const char  *format_code);

G_END_DECLS
