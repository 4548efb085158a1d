/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The sheet as the printed table reads it, shared by printing and the CSV
 * export: the same rows, the same headings. What each output shows where
 * a cell is empty is its own (the printed sheet puts "-" where no reason
 * for delay is needed; the CSV leaves the cell empty, as a spreadsheet
 * reads a dash as text). */

typedef enum
{
  KENSHO_HEADING_GOAL,         /* 大基本目標 */
  KENSHO_HEADING_SUBGOAL,      /* 小基本目標 */
  KENSHO_HEADING_MEASURE,      /* 具体的な施策 */
  KENSHO_HEADING_TARGET,       /* 数値目標 */
  KENSHO_HEADING_KPI,          /* 重要業績評価指標 (KPI) */
  KENSHO_HEADING_KIND,
  KENSHO_HEADING_INDICATOR,
  KENSHO_HEADING_ACTIVITIES,   /* ① */
  KENSHO_HEADING_ISSUES,       /* ② */
  KENSHO_HEADING_NEXT_STEPS,   /* ③ */
  KENSHO_HEADING_ACHIEVEMENT,  /* 達成率 */
  KENSHO_HEADING_PROGRESS,     /* 進捗状況 */
  KENSHO_HEADING_DELAY_REASON, /* 進捗が遅れている理由 */
  KENSHO_HEADING_DIVISION,     /* 指標の担当課 */
} KenshoHeading;

/* Translated; the five value columns are kensho_sheet_dup_column_title(). */
const char *kensho_sheet_table_heading (KenshoHeading heading);

typedef struct
{
  KenshoIndicator *indicator;
  KenshoNode      *goal;          /* the indicator's ancestors, NULL where none */
  KenshoNode      *subgoal;
  KenshoNode      *measure;
  gboolean         is_target;     /* a numerical target (数値目標), not a KPI */
  const char      *progress;      /* the rating's label, or its id if the scale lacks it */
  const char      *delay_reason;  /* as written, or NULL */
  gboolean         reason_needed; /* FALSE when the rating is not a delay */
} KenshoTableRow;

/* The row of @indicator for the sheet's fiscal year; it points into the
 * sheet, which must outlive it. */
void kensho_table_row_init (KenshoTableRow  *row,
                            KenshoSheet     *sheet,
                            KenshoIndicator *indicator);

G_END_DECLS
