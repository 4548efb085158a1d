/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-cell-grid.h"

struct _KenshoCellGrid
{
  char *name;
  GHashTable *cells; /* row * KENSHO_GRID_MAX_COLUMNS + column → text */
  GArray *merges;    /* KenshoCellRange */
  GHashTable *merge_index; /* key of every cell in a merge → index + 1 */
  GHashTable *hidden_rows;
  guint n_rows, n_columns;
  gboolean cut;
};

static gpointer
cell_key (guint row, guint column)
{
  /* 2^20 rows × 2^14 columns need 34 bits: a pointer-sized key on the
   * 64-bit systems Kensho is built for. */
  return GSIZE_TO_POINTER ((gsize) row * KENSHO_GRID_MAX_COLUMNS + column + 1);
}

KenshoCellGrid *
kensho_cell_grid_new (const char *name)
{
  KenshoCellGrid *grid = g_new0 (KenshoCellGrid, 1);

  grid->name = g_strdup (name ? name : "");
  grid->cells = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  grid->merges = g_array_new (FALSE, FALSE, sizeof (KenshoCellRange));
  grid->merge_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  grid->hidden_rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  return grid;
}

void
kensho_cell_grid_free (KenshoCellGrid *grid)
{
  if (grid == NULL)
    return;
  g_free (grid->name);
  g_hash_table_unref (grid->cells);
  g_array_unref (grid->merges);
  g_hash_table_unref (grid->merge_index);
  g_hash_table_unref (grid->hidden_rows);
  g_free (grid);
}

const char *
kensho_cell_grid_get_name (KenshoCellGrid *grid)
{
  return grid->name;
}

guint
kensho_cell_grid_get_n_rows (KenshoCellGrid *grid)
{
  return grid->n_rows;
}

guint
kensho_cell_grid_get_n_columns (KenshoCellGrid *grid)
{
  return grid->n_columns;
}

guint
kensho_cell_grid_get_n_cells (KenshoCellGrid *grid)
{
  return g_hash_table_size (grid->cells);
}

/* Takes @text; an empty text is no cell. */
void
kensho_cell_grid_take (KenshoCellGrid *grid, guint row, guint column, char *text)
{
  g_return_if_fail (row < KENSHO_GRID_MAX_ROWS && column < KENSHO_GRID_MAX_COLUMNS);

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      g_hash_table_remove (grid->cells, cell_key (row, column));
      return;
    }
  g_hash_table_insert (grid->cells, cell_key (row, column), text);
  grid->n_rows = MAX (grid->n_rows, row + 1);
  grid->n_columns = MAX (grid->n_columns, column + 1);
}

void
kensho_cell_grid_set (KenshoCellGrid *grid, guint row, guint column, const char *text)
{
  kensho_cell_grid_take (grid, row, column, g_strdup (text));
}

/* The cell's own text: NULL for the other cells of a merged range. */
const char *
kensho_cell_grid_get_own (KenshoCellGrid *grid, guint row, guint column)
{
  if (row >= KENSHO_GRID_MAX_ROWS || column >= KENSHO_GRID_MAX_COLUMNS)
    return NULL;
  return g_hash_table_lookup (grid->cells, cell_key (row, column));
}

/* The text shown in the cell: a merged range's value in each of its cells. */
const char *
kensho_cell_grid_get (KenshoCellGrid *grid, guint row, guint column)
{
  const KenshoCellRange *merge = kensho_cell_grid_find_merge (grid, row, column);

  if (merge != NULL)
    return kensho_cell_grid_get_own (grid, merge->first_row, merge->first_column);
  return kensho_cell_grid_get_own (grid, row, column);
}

/* Ranges are indexed cell by cell: a merge of many cells costs as many
 * entries, so callers bound the merged area (see the readers). */
void
kensho_cell_grid_add_merge (KenshoCellGrid *grid, const KenshoCellRange *range)
{
  guint index;

  g_return_if_fail (range->first_row <= range->last_row &&
                    range->first_column <= range->last_column &&
                    range->last_row < KENSHO_GRID_MAX_ROWS &&
                    range->last_column < KENSHO_GRID_MAX_COLUMNS);

  g_array_append_val (grid->merges, *range);
  index = grid->merges->len;
  for (guint r = range->first_row; r <= range->last_row; r++)
    for (guint c = range->first_column; c <= range->last_column; c++)
      g_hash_table_insert (grid->merge_index, cell_key (r, c), GUINT_TO_POINTER (index));
  grid->n_rows = MAX (grid->n_rows, range->last_row + 1);
  grid->n_columns = MAX (grid->n_columns, range->last_column + 1);
}

guint
kensho_cell_grid_get_n_merges (KenshoCellGrid *grid)
{
  return grid->merges->len;
}

const KenshoCellRange *
kensho_cell_grid_find_merge (KenshoCellGrid *grid, guint row, guint column)
{
  guint index;

  if (row >= KENSHO_GRID_MAX_ROWS || column >= KENSHO_GRID_MAX_COLUMNS)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (grid->merge_index, cell_key (row, column)));
  return index > 0 ? &g_array_index (grid->merges, KenshoCellRange, index - 1) : NULL;
}

void
kensho_cell_grid_set_row_hidden (KenshoCellGrid *grid, guint row, gboolean hidden)
{
  if (hidden)
    g_hash_table_add (grid->hidden_rows, GUINT_TO_POINTER (row + 1));
  else
    g_hash_table_remove (grid->hidden_rows, GUINT_TO_POINTER (row + 1));
}

gboolean
kensho_cell_grid_get_row_hidden (KenshoCellGrid *grid, guint row)
{
  return g_hash_table_contains (grid->hidden_rows, GUINT_TO_POINTER (row + 1));
}

/* 0 → "A", 26 → "AA", 16383 → "XFD". */
char *
kensho_cell_grid_column_name (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      buffer[--i] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  return g_strdup (buffer + i);
}

/* "B12" → row 11, column 1; FALSE past XFD1048576 or for anything else. */
gboolean
kensho_cell_grid_parse_ref (const char *ref, guint *row, guint *column)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  for (; g_ascii_isupper (*p) && p - ref < 4; p++)
    c = c * 26 + (*p - 'A' + 1);
  if (c == 0 || c > KENSHO_GRID_MAX_COLUMNS || !g_ascii_isdigit (*p))
    return FALSE;
  for (const char *start = p; g_ascii_isdigit (*p); p++)
    {
      if (p - start >= 8)
        return FALSE;
      r = r * 10 + (*p - '0');
    }
  if (*p != '\0' || r == 0 || r > KENSHO_GRID_MAX_ROWS)
    return FALSE;
  *row = (guint) r - 1;
  *column = (guint) c - 1;
  return TRUE;
}

/* "A4:A5"; a single cell is a range too. */
gboolean
kensho_cell_grid_parse_range (const char *ref, KenshoCellRange *range)
{
  g_auto(GStrv) parts = g_strsplit (ref, ":", 3);
  guint n = g_strv_length (parts);

  if (n < 1 || n > 2 ||
      !kensho_cell_grid_parse_ref (parts[0], &range->first_row, &range->first_column))
    return FALSE;
  if (n == 1)
    {
      range->last_row = range->first_row;
      range->last_column = range->first_column;
      return TRUE;
    }
  return kensho_cell_grid_parse_ref (parts[1], &range->last_row, &range->last_column) &&
         range->first_row <= range->last_row && range->first_column <= range->last_column;
}

void
kensho_cell_grid_set_cut (KenshoCellGrid *grid, gboolean cut)
{
  grid->cut = cut;
}

gboolean
kensho_cell_grid_get_cut (KenshoCellGrid *grid)
{
  return grid->cut;
}
