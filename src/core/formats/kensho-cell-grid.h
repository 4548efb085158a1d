/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One worksheet as text: each cell as the spreadsheet shows it, merged
 * ranges (the value of a merged range belongs to every cell it spans) and
 * hidden rows. Rows and columns count from 0; sparse, so that a hostile
 * file naming cell XFD1048576 costs one cell, not a billion. */
typedef struct _KenshoCellGrid KenshoCellGrid;

/* Excel's limits: a reference past XFD1048576 is refused. */
#define KENSHO_GRID_MAX_ROWS    1048576
#define KENSHO_GRID_MAX_COLUMNS 16384

typedef struct
{
  guint first_row, first_column, last_row, last_column;
} KenshoCellRange;

KenshoCellGrid *kensho_cell_grid_new          (const char     *name);
void            kensho_cell_grid_free         (KenshoCellGrid *grid);
const char     *kensho_cell_grid_get_name     (KenshoCellGrid *grid);
guint           kensho_cell_grid_get_n_rows   (KenshoCellGrid *grid);
guint           kensho_cell_grid_get_n_columns (KenshoCellGrid *grid);
guint           kensho_cell_grid_get_n_cells  (KenshoCellGrid *grid);
void            kensho_cell_grid_set          (KenshoCellGrid *grid,
                                               guint           row,
                                               guint           column,
                                               const char     *text);
void            kensho_cell_grid_take         (KenshoCellGrid *grid,
                                               guint           row,
                                               guint           column,
                                               char           *text);
const char     *kensho_cell_grid_get_own      (KenshoCellGrid *grid,
                                               guint           row,
                                               guint           column);
const char     *kensho_cell_grid_get          (KenshoCellGrid *grid,
                                               guint           row,
                                               guint           column);
void            kensho_cell_grid_add_merge    (KenshoCellGrid *grid,
                                               const KenshoCellRange *range);
guint           kensho_cell_grid_get_n_merges (KenshoCellGrid *grid);
const KenshoCellRange *kensho_cell_grid_find_merge (KenshoCellGrid *grid,
                                                    guint           row,
                                                    guint           column);
void            kensho_cell_grid_set_row_hidden (KenshoCellGrid *grid,
                                                 guint           row,
                                                 gboolean        hidden);
gboolean        kensho_cell_grid_get_row_hidden (KenshoCellGrid *grid,
                                                 guint           row);
/* Only the first cells of a worksheet too large to read whole. */
void            kensho_cell_grid_set_cut      (KenshoCellGrid *grid,
                                               gboolean        cut);
gboolean        kensho_cell_grid_get_cut      (KenshoCellGrid *grid);
char           *kensho_cell_grid_column_name  (guint           column);
gboolean        kensho_cell_grid_parse_ref    (const char     *ref,
                                               guint          *row,
                                               guint          *column);
gboolean        kensho_cell_grid_parse_range  (const char     *ref,
                                               KenshoCellRange *range);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoCellGrid, kensho_cell_grid_free)

G_END_DECLS
