/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The sheet as an .xlsx workbook (libxlsxwriter): the printed layout on the
 * first worksheet (title, notes, two heading rows repeated on every printed
 * page, goal, sub-goal and measure cells merged, text wrapped, A3
 * landscape fit to width, the rating colours, figures as numbers with a
 * number format), the open-data table (kensho-open-data) on the second.
 * Headings are Japanese whatever the desktop's language, as the sheets
 * are, and kensho-sheet-import reads them back. Written to a temporary
 * file beside @path, then saved atomically. */
gboolean kensho_xlsx_export_file (KenshoSheet  *sheet,
                                  const char   *path,
                                  GError      **error);

/* The workbook's bytes, made beside @path (which is not written): the
 * app makes them in a thread and saves them when not cancelled. */
GBytes  *kensho_xlsx_export_bytes (KenshoSheet  *sheet,
                                   const char   *path,
                                   GError      **error);

G_END_DECLS
