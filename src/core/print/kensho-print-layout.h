/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The columns of the printed sheet, left to right. */
typedef enum
{
  KENSHO_PRINT_COLUMN_GOAL,            /* 大基本目標 */
  KENSHO_PRINT_COLUMN_SUBGOAL,         /* 小基本目標 */
  KENSHO_PRINT_COLUMN_MEASURE,         /* 数値目標 / 具体的な施策 */
  KENSHO_PRINT_COLUMN_KPI,             /* 重要業績評価指標 (KPI) 名称 */
  KENSHO_PRINT_COLUMN_COMMENTARY,      /* ①主な取組 ②課題 ③今後の方策等 */
  KENSHO_PRINT_COLUMN_BASELINE,
  KENSHO_PRINT_COLUMN_PREVIOUS_ACTUAL,
  KENSHO_PRINT_COLUMN_ACTUAL,
  KENSHO_PRINT_COLUMN_TARGET,
  KENSHO_PRINT_COLUMN_FINAL_TARGET,
  KENSHO_PRINT_COLUMN_ACHIEVEMENT,     /* 達成率: only when asked for */
  KENSHO_PRINT_COLUMN_PROGRESS,        /* 進捗状況 */
  KENSHO_PRINT_COLUMN_DELAY_REASON,    /* 進捗が遅れている理由 */
  KENSHO_PRINT_COLUMN_COMMITTEE,       /* 委員会意見・対応方針: only when asked for */
  KENSHO_PRINT_COLUMN_DIVISION,        /* 指標の担当課 */
} KenshoPrintColumn;

/* The margin on every side of a page, printed or exported: 10 mm, in points. */
#define KENSHO_PDF_MARGIN (10 * 72.0 / 25.4)

#define KENSHO_PRINT_N_COLUMNS 15

typedef enum
{
  KENSHO_PAPER_A3,
  KENSHO_PAPER_A4,
} KenshoPaper;

#define KENSHO_TYPE_PRINT_LAYOUT (kensho_print_layout_get_type ())
G_DECLARE_FINAL_TYPE (KenshoPrintLayout, kensho_print_layout, KENSHO, PRINT_LAYOUT, GObject)

/* The printed sheet: paginates a sheet for a printable area and draws its
 * pages on any cairo_t, so that printing (GtkPrintOperation) and the PDF
 * export draw the same pages. Lengths are in points (1/72 inch).
 *
 * Use: set the options, then kensho_print_layout_begin() with the Pango
 * context of the target (72 dpi, metrics unhinted), call
 * kensho_print_layout_paginate_step() until it returns TRUE, then
 * kensho_print_layout_draw_page() for each page. The text is taken from the
 * sheet when a row is measured. */
KenshoPrintLayout *kensho_print_layout_new               (KenshoSheet       *sheet);
KenshoSheet       *kensho_print_layout_get_sheet         (KenshoPrintLayout *self);

void               kensho_print_layout_set_column_width  (KenshoPrintLayout *self,
                                                          KenshoPrintColumn  column,
                                                          double             weight);
double             kensho_print_layout_get_column_width  (KenshoPrintLayout *self,
                                                          KenshoPrintColumn  column);
void               kensho_print_layout_set_font_size     (KenshoPrintLayout *self,
                                                          double             points);
double             kensho_print_layout_get_font_size     (KenshoPrintLayout *self);
void               kensho_print_layout_set_page_per_subgoal (KenshoPrintLayout *self,
                                                             gboolean           page_per_subgoal);
void               kensho_print_layout_set_division      (KenshoPrintLayout *self,
                                                          const char        *division);
void               kensho_print_layout_set_rating        (KenshoPrintLayout *self,
                                                          const char        *rating_id);
void               kensho_print_layout_set_subtree       (KenshoPrintLayout *self,
                                                          KenshoNode        *node);
void               kensho_print_layout_set_achievement   (KenshoPrintLayout *self,
                                                          gboolean           achievement);
gboolean           kensho_print_layout_get_achievement   (KenshoPrintLayout *self);
void               kensho_print_layout_set_committee     (KenshoPrintLayout *self,
                                                          gboolean           committee);
gboolean           kensho_print_layout_get_committee     (KenshoPrintLayout *self);
void               kensho_print_layout_set_all_years     (KenshoPrintLayout *self,
                                                          gboolean           all_years);
gboolean           kensho_print_layout_get_all_years     (KenshoPrintLayout *self);
void               kensho_print_layout_set_charts        (KenshoPrintLayout *self,
                                                          gboolean           charts);
gboolean           kensho_print_layout_get_charts        (KenshoPrintLayout *self);
void               kensho_print_layout_set_summary       (KenshoPrintLayout *self,
                                                          gboolean           summary);
gboolean           kensho_print_layout_get_summary       (KenshoPrintLayout *self);
void               kensho_print_layout_set_summary_only  (KenshoPrintLayout *self,
                                                          gboolean           summary_only);
gboolean           kensho_print_layout_get_summary_only  (KenshoPrintLayout *self);

void               kensho_print_layout_begin             (KenshoPrintLayout *self,
                                                          PangoContext      *context,
                                                          double             width,
                                                          double             height);
gboolean           kensho_print_layout_paginate_step     (KenshoPrintLayout *self,
                                                          guint              n_rows);
double             kensho_print_layout_get_progress      (KenshoPrintLayout *self);
guint              kensho_print_layout_paginate          (KenshoPrintLayout *self,
                                                          PangoContext      *context,
                                                          double             width,
                                                          double             height);
guint              kensho_print_layout_get_n_pages       (KenshoPrintLayout *self);
guint              kensho_print_layout_get_n_summary_pages (KenshoPrintLayout *self);
void               kensho_print_layout_draw_page         (KenshoPrintLayout *self,
                                                          cairo_t           *cr,
                                                          guint              page);

PangoContext      *kensho_print_layout_create_pango_context (void);
void               kensho_paper_get_size                 (KenshoPaper        paper,
                                                          gboolean           portrait,
                                                          double            *width,
                                                          double            *height);

G_END_DECLS
