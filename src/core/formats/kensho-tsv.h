/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cells copied from a spreadsheet (Excel, LibreOffice) as the clipboard has
 * them: rows of tab-separated cells; a cell holding a line break, a tab
 * or a quote comes in quotes, its quotes doubled. */
GPtrArray *kensho_tsv_parse          (const char *text);
gboolean   kensho_tsv_is_spreadsheet (const char *text);
gboolean   kensho_tsv_is_column      (const char *text);

G_END_DECLS
