/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "kensho-handout-store.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

/* Who has answered: one row per division of the sheet. */
typedef struct
{
  char *division;
  guint n_indicators;
  guint n_empty;        /* nothing written for the sheet's year yet */
  char *empty;          /* their names, "、"-separated */
  gboolean sent;
  gint64 sent_at;
  char *due;
  gboolean answered;
  gint64 received_at;
  char *answer_path;
  gboolean merged;
  guint conflicts;      /* left open */
  gboolean overdue;     /* due before today and no answer */
} KenshoBoardRow;

void       kensho_board_row_free (KenshoBoardRow *row);

/* @records (KenshoHandoutRecord, latest first) may be NULL: then the board
 * only shows the indicators still empty. @today is "YYYY-MM-DD". */
GPtrArray *kensho_board_build       (KenshoSheet *sheet,
                                     GPtrArray   *records,
                                     const char  *today);
/* A division's line, and the line of its indicators still empty (NULL
 * when none is). */
void       kensho_board_row_dup_lines (KenshoBoardRow *row,
                                       char          **status,
                                       char          **empty);
/* The board as lines of text, for the terminal and the printed list. */
char      *kensho_board_format      (KenshoSheet *sheet,
                                     GPtrArray   *rows);
char      *kensho_board_dup_today   (void);
/* Draws the board on one page of @width × @height; returns the size of
 * the text in points (smaller for a longer board). */
double     kensho_board_draw        (KenshoSheet *sheet,
                                     GPtrArray   *rows,
                                     cairo_t     *cr,
                                     double       width,
                                     double       height);

G_END_DECLS
