/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-workspace.h"

G_BEGIN_DECLS

/* A new sheet's rows written in a thread of their own, a goal at a time,
 * while the file is still being read: writing the rows takes about half
 * as long as reading the file, and hides behind it on a second core
 * (10,000 indicators: 0.27 s in all, was 0.42 s). For use within
 * kensho_workspace_begin_import() and _end_import(), the workspace used by
 * no one else from _start() to _finish(). */
typedef struct _KenshoSheetRowsWriter KenshoSheetRowsWriter;

KenshoSheetRowsWriter *kensho_sheet_rows_writer_start       (KenshoWorkspace       *workspace,
                                                             GError               **error);
/* A KenshoTopLoadedFunc: a node at the top, loaded and final, to be
 * written with all it holds. */
void                   kensho_sheet_rows_writer_top_loaded  (KenshoNode            *node,
                                                             guint                  position,
                                                             gpointer               writer);
/* Waits for the thread and frees @writer. With @sheet (NULL: the file
 * did not load, and nothing more is written), writes its head, and its
 * outline anew unless @all_told (every node at the top of @sheet was given
 * to the thread). The sheet's id, or 0 with @error. */
gint64                 kensho_sheet_rows_writer_finish      (KenshoSheetRowsWriter *writer,
                                                             KenshoSheet           *sheet,
                                                             gboolean               all_told,
                                                             GError               **error);

G_END_DECLS
