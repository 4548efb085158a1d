/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-cell-grid.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

/* What a column of a worksheet holds, as the printed sheet's headings say. */
typedef enum
{
  KENSHO_IMPORT_IGNORE,
  KENSHO_IMPORT_GOAL,            /* 大基本目標 */
  KENSHO_IMPORT_SUBGOAL,         /* 小基本目標 */
  KENSHO_IMPORT_TARGET_NAME,     /* 数値目標: the name on a numerical target's row */
  KENSHO_IMPORT_MEASURE,         /* 具体的な施策 */
  KENSHO_IMPORT_KPI_NAME,        /* 重要業績評価指標 (KPI) 名称; "-" on a numerical target's row */
  KENSHO_IMPORT_COMMENTARY,      /* one cell holding ①…②…③… */
  KENSHO_IMPORT_ACTIVITIES,
  KENSHO_IMPORT_ISSUES,
  KENSHO_IMPORT_NEXT_STEPS,
  KENSHO_IMPORT_BASELINE,
  KENSHO_IMPORT_PREVIOUS_ACTUAL,
  KENSHO_IMPORT_ACTUAL,
  KENSHO_IMPORT_TARGET,
  KENSHO_IMPORT_FINAL_TARGET,
  KENSHO_IMPORT_RATING,          /* 進捗状況 */
  KENSHO_IMPORT_DELAY_REASON,
  KENSHO_IMPORT_DIVISION,        /* 担当課 */
  KENSHO_IMPORT_DIRECTION,       /* 方向: 高いほど良い, 低いほど良い, 水準維持 */
  KENSHO_N_IMPORT_FIELDS
} KenshoImportField;

/* A cell that could not be read fully; row and column count from 1
 * (column 0: the whole row). */
typedef struct
{
  guint row;
  guint column;
  char *message;
} KenshoImportProblem;

void        kensho_import_problem_free      (KenshoImportProblem *problem);
char       *kensho_import_problem_format    (const KenshoImportProblem *problem,
                                             const char                *path);

/* The problems as a table a clerk opens beside the workbook: worksheet,
 * row, column (as a letter) and message; UTF-8 with a byte-order mark. */
GBytes     *kensho_import_problems_to_csv   (GPtrArray         *problems,
                                             const char        *sheet_name);

const char *kensho_import_field_to_string   (KenshoImportField  field);
gboolean    kensho_import_field_from_string (const char        *string,
                                             KenshoImportField *field);
const char *kensho_import_field_get_label   (KenshoImportField  field);
KenshoImportField kensho_import_field_for_heading (const char *heading);

/* The columns as the headings name them: @fields gets one field per
 * column of @grid. Returns the number of the first data row (0-based) or
 * -1 when no heading row was found. */
int         kensho_sheet_import_guess_columns (KenshoCellGrid    *grid,
                                               GArray            *fields);
/* The heading of @column without white space, as remembered for the
 * column mapping; NULL where there is no heading row or it is empty. */
char       *kensho_sheet_import_dup_heading (KenshoCellGrid    *grid,
                                             guint              column);
gboolean    kensho_sheet_import_parse_map   (const char        *map,
                                             GArray            *fields,
                                             GError           **error);

/* Reads a sheet from @grid with the columns in @fields (NULL: as the
 * headings say). Every cell that could not be read fully is a problem in
 * @problems (KenshoImportProblem), and the sheet keeps what could be read;
 * NULL with @error when nothing could. */
KenshoSheet *kensho_sheet_import_grid       (KenshoCellGrid    *grid,
                                             GArray            *fields,
                                             GPtrArray         *problems,
                                             GError           **error);

/* The worksheets of a .xlsx, .ods or .csv file, by its extension; a
 * worksheet of an .xlsx too large to read whole is cut (the app shows its
 * first rows and does not import it). */
GPtrArray   *kensho_sheet_import_read_grids (const char        *path,
                                             const char        *encoding,
                                             GError           **error);
gboolean     kensho_sheet_import_is_spreadsheet (const char    *path);

/* Reads @path (worksheet @sheet_name, or the first one) into a sheet. */
KenshoSheet *kensho_sheet_import_file       (const char        *path,
                                             const char        *sheet_name,
                                             const char        *map,
                                             const char        *encoding,
                                             GPtrArray         *problems,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoImportProblem, kensho_import_problem_free)

G_END_DECLS
