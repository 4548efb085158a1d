/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The sheet as a table, one row per indicator with the printed sheet's
 * columns: UTF-8 with a byte-order mark and CRLF line ends, which is what
 * spreadsheet programs need to show Japanese text correctly. */
GBytes   *kensho_csv_serialize (KenshoSheet  *sheet);
gboolean  kensho_csv_save_file (KenshoSheet  *sheet,
                                const char   *path,
                                GError      **error);
/* A cell a spreadsheet would run as a formula: written with a leading '. */
gboolean  kensho_csv_needs_neutralising (const char *text);
/* A quoted field (a formula neutralised) and a CRLF, for other tables. */
void      kensho_csv_append_field (GString    *line,
                                   const char *text);
void      kensho_csv_end_row      (GString    *out);

G_END_DECLS
