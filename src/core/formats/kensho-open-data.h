/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The sheet as open data (総務省 統一ルール): one row per indicator, series
 * and value; one datum per cell, numbers bare, units in their own column,
 * no merged cells, Western years. The headings are fixed, whatever the
 * language of the desktop, so that programs can rely on them. */
typedef enum
{
  KENSHO_OPEN_DATA_ID,
  KENSHO_OPEN_DATA_GOAL,
  KENSHO_OPEN_DATA_SUBGOAL,
  KENSHO_OPEN_DATA_MEASURE,
  KENSHO_OPEN_DATA_NAME,
  KENSHO_OPEN_DATA_KIND,
  KENSHO_OPEN_DATA_DIRECTION,
  KENSHO_OPEN_DATA_DIVISION,
  KENSHO_OPEN_DATA_SERIES,
  KENSHO_OPEN_DATA_VALUE_KIND,
  KENSHO_OPEN_DATA_FISCAL_YEAR,
  KENSHO_OPEN_DATA_NUMBER,
  KENSHO_OPEN_DATA_UNIT,
  KENSHO_OPEN_DATA_TEXT,
  KENSHO_OPEN_DATA_PERIOD,
  KENSHO_OPEN_DATA_NOTE,
  KENSHO_OPEN_DATA_RATING,
  KENSHO_OPEN_DATA_ACHIEVEMENT,
  KENSHO_OPEN_DATA_N_COLUMNS,
  /* Only when the sheet has committee texts: those of the row's year. */
  KENSHO_OPEN_DATA_COMMITTEE_OPINION = KENSHO_OPEN_DATA_N_COLUMNS,
  KENSHO_OPEN_DATA_COMMITTEE_RESPONSE,
} KenshoOpenDataColumn;

/* Returns: (element-type GStrv): the heading row, then the data rows, each
 * KENSHO_OPEN_DATA_N_COLUMNS strings ("" where there is nothing), two more
 * when the sheet has committee texts: count them with g_strv_length(). */
GPtrArray *kensho_open_data_rows             (KenshoSheet          *sheet);
gboolean   kensho_open_data_column_is_number (KenshoOpenDataColumn  column);
const char *kensho_open_data_direction_label (KenshoDirection   direction);
gboolean   kensho_open_data_direction_from_label (const char       *label,
                                                  KenshoDirection  *direction);
/* @encoding: NULL or "utf-8" (with a byte-order mark), or "cp932" (what
 * Excel on Windows reads; a character CP932 lacks is an error). */
GBytes    *kensho_open_data_serialize_csv    (KenshoSheet          *sheet,
                                              const char           *encoding,
                                              GError              **error);
gboolean   kensho_open_data_save_csv         (KenshoSheet          *sheet,
                                              const char           *path,
                                              const char           *encoding,
                                              GError              **error);

G_END_DECLS
