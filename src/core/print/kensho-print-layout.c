/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "kensho-achievement.h"
#include "kensho-history-chart.h"
#include "kensho-print-layout.h"
#include "kensho-print-text.h"
#include "kensho-sheet-table.h"
#include "kensho-summary-page.h"

#define N_COLUMNS KENSHO_PRINT_N_COLUMNS
/* With all years, the three columns of the year shown give way to one per
 * plan year, up to the last MAX_PLAN_YEARS of a longer plan. */
#define MAX_PLAN_YEARS 10
#define MAX_SLOTS (N_COLUMNS - 3 + MAX_PLAN_YEARS)
/* Goal, sub-goal and measure cells span their rows, like merged cells. */
#define N_SPANS 3

#define PAD_X 2.5
#define PAD_Y 2.0
#define GAP 5.0
#define MM (72.0 / 25.4)
/* The font size at the width of an A3 landscape page, and the limits of the
 * automatic size for other papers. */
#define BASE_FONT_SIZE 7.3
#define BASE_WIDTH (1190.55 - 2 * KENSHO_PDF_MARGIN)
#define MIN_FONT_SIZE 6.5
#define MAX_FONT_SIZE 10.0
/* A row taller than this share of a page starts on the current page even
 * if it does not fit, since it will be split anyway. */
#define SPLIT_START_SHARE 0.25
/* Sheet notes taller than this share of a page get pages of their own
 * rather than crowd the table off every page. */
#define NOTES_MAX_SHARE 0.25

/* Column widths as weights, sized for the content of real sheets: long
 * commentary, values such as "11,942億円 (平成30年)", short ratings. */
static const double default_widths[N_COLUMNS] = {
  46, 62, 88, 88, 350, 64, 64, 64, 64, 68, 96, 68, 132, 180, 62,
};
/* On a portrait page the text columns give way to the narrow ones. */
static const double portrait_widths[N_COLUMNS] = {
  46, 56, 76, 76, 220, 60, 60, 60, 60, 62, 76, 58, 96, 120, 56,
};

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
} Align;

static const Align column_align[N_COLUMNS] = {
  ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT,
  ALIGN_CENTER, ALIGN_CENTER, ALIGN_CENTER, ALIGN_CENTER, ALIGN_CENTER,
  ALIGN_LEFT, ALIGN_CENTER, ALIGN_LEFT, ALIGN_LEFT, ALIGN_CENTER,
};

/* One cell's wrapped text and where its lines start, so that a row taller
 * than a page can be cut between two lines. */
typedef struct
{
  PangoLayout *layout; /* NULL for an empty cell */
  GArray *line_tops;   /* double: the top of each line, then the text height */
  guint rule_line;     /* a year's target: a rule above this line; 0 for none */
} Cell;

typedef struct
{
  KenshoIndicator *indicator;   /* owned */
  /* What each spanning column shows: rows with the same key share one cell.
   * The node itself when the row has one at that level, else the nearest
   * ancestor above it, so that a span never runs into the next group. */
  KenshoNode *keys[N_SPANS];    /* owned */
  PangoLayout *spans[N_SPANS];  /* owned; NULL when empty */
  gboolean is_target;
  gboolean break_before;
  gboolean measured;
  Cell cells[MAX_SLOTS];        /* the first N_SPANS are unused except the
                                 * measure column of a numerical target */
  double height;                /* with padding */
} Row;

/* A row, or the part of a row taller than a page, placed on a page. */
typedef struct
{
  guint row;
  double y;      /* from the top of the table body */
  double height;
  gboolean whole;
  guint first[MAX_SLOTS]; /* the lines of each cell shown here */
  guint end[MAX_SLOTS];
} Piece;

struct _KenshoPrintLayout
{
  GObject parent_instance;

  KenshoSheet *sheet;
  double widths[N_COLUMNS]; /* 0: the default */
  double font_size;     /* 0: automatic */
  gboolean page_per_subgoal;
  char *division;
  char *rating_id;
  KenshoNode *subtree;
  gboolean achievement;
  gboolean committee;
  gboolean charts;
  gboolean summary;
  gboolean summary_only;
  gboolean all_years;

  /* Set by begin(): the columns printed, each a kind and, for a plan year's
   * column (of kind ACTUAL), its year. The normal sheet has every kind once,
   * in order, hidden ones 0 wide. */
  guint n_slots;
  KenshoPrintColumn kinds[MAX_SLOTS];
  int years[MAX_SLOTS];
  PangoContext *context;
  double width;
  double height;
  double used_font_size;
  double x[MAX_SLOTS + 1];
  PangoFontDescription *font;
  PangoFontDescription *bold_font;
  PangoLayout *title;
  PangoLayout *label;
  PangoLayout *notes;       /* above the table on each page */
  PangoLayout *long_notes;  /* on pages of their own; NULL when they fit above */
  GArray *notes_breaks;     /* guint: the first line of each notes page, then the end */
  PangoLayout *headers[MAX_SLOTS];
  PangoLayout *header_lower;  /* 具体的な施策, under 数値目標 */
  PangoLayout *page_number;
  double title_height;
  double header_height;
  double header_split;  /* the line between 数値目標 and 具体的な施策 */
  double body_top;
  double body_height;

  GArray *rows;         /* Row */
  guint n_measured;
  GPtrArray *pages;     /* GArray of Piece per page */
  KenshoSummaryPage *summary_page; /* its pages come first */
  guint n_summary_pages;
  gboolean paginated;
};

G_DEFINE_FINAL_TYPE (KenshoPrintLayout, kensho_print_layout, G_TYPE_OBJECT)

static void
clear_cell (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->line_tops, g_array_unref);
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->indicator);
  for (guint i = 0; i < N_SPANS; i++)
    {
      g_clear_object (&row->keys[i]);
      g_clear_object (&row->spans[i]);
    }
  for (guint i = 0; i < MAX_SLOTS; i++)
    clear_cell (&row->cells[i]);
}

static void
reset (KenshoPrintLayout *self)
{
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  g_clear_object (&self->title);
  g_clear_object (&self->label);
  g_clear_object (&self->notes);
  g_clear_object (&self->long_notes);
  g_clear_pointer (&self->notes_breaks, g_array_unref);
  for (guint i = 0; i < MAX_SLOTS; i++)
    g_clear_object (&self->headers[i]);
  g_clear_object (&self->header_lower);
  g_clear_object (&self->page_number);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->summary_page);
  self->n_summary_pages = 0;
  self->n_measured = 0;
  self->paginated = FALSE;
}

static void
kensho_print_layout_finalize (GObject *object)
{
  KenshoPrintLayout *self = KENSHO_PRINT_LAYOUT (object);

  reset (self);
  g_clear_object (&self->sheet);
  g_clear_object (&self->subtree);
  g_free (self->division);
  g_free (self->rating_id);
  G_OBJECT_CLASS (kensho_print_layout_parent_class)->finalize (object);
}

static void
kensho_print_layout_class_init (KenshoPrintLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_print_layout_finalize;
}

static void
kensho_print_layout_init (KenshoPrintLayout *self)
{
  self->page_per_subgoal = TRUE;
}

KenshoPrintLayout *
kensho_print_layout_new (KenshoSheet *sheet)
{
  KenshoPrintLayout *self;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);
  self = g_object_new (KENSHO_TYPE_PRINT_LAYOUT, NULL);
  self->sheet = g_object_ref (sheet);
  return self;
}

KenshoSheet *
kensho_print_layout_get_sheet (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), NULL);
  return self->sheet;
}

/* Options --------------------------------------------------------------- */

/* @weight is relative to the other columns (see default_widths); 0 restores
 * the default, which differs for portrait pages. */
void
kensho_print_layout_set_column_width (KenshoPrintLayout *self, KenshoPrintColumn column, double weight)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_return_if_fail (column < N_COLUMNS);
  g_return_if_fail (weight >= 0);
  self->widths[column] = weight;
}

double
kensho_print_layout_get_column_width (KenshoPrintLayout *self, KenshoPrintColumn column)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (column < N_COLUMNS, 0);
  return self->widths[column] > 0 ? self->widths[column] : default_widths[column];
}

/* The body text size in points; 0 picks one from the page width. */
void
kensho_print_layout_set_font_size (KenshoPrintLayout *self, double points)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_return_if_fail (points == 0 || (points >= 3 && points <= 72));
  self->font_size = points;
}

/* The size set, or after begin() the size used. */
double
kensho_print_layout_get_font_size (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), 0);
  return self->font_size > 0 ? self->font_size : self->used_font_size;
}

/* The published sheets give each sub-goal its own page. */
void
kensho_print_layout_set_page_per_subgoal (KenshoPrintLayout *self, gboolean page_per_subgoal)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->page_per_subgoal = !!page_per_subgoal;
}

/* Only the indicators of one responsible division; NULL for all. */
void
kensho_print_layout_set_division (KenshoPrintLayout *self, const char *division)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_free (self->division);
  self->division = (division && *division) ? g_strdup (division) : NULL;
}

/* Only the indicators with this rating (its id) in the fiscal year shown;
 * NULL for all. */
void
kensho_print_layout_set_rating (KenshoPrintLayout *self, const char *rating_id)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_free (self->rating_id);
  self->rating_id = (rating_id && *rating_id) ? g_strdup (rating_id) : NULL;
}

/* Only the indicators under @node (or @node itself); NULL for all. */
void
kensho_print_layout_set_subtree (KenshoPrintLayout *self, KenshoNode *node)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_return_if_fail (node == NULL || KENSHO_IS_NODE (node));
  g_set_object (&self->subtree, node);
}

/* The achievement rates (達成率) as an extra column before 進捗状況, as the
 * form shows them; off by default, so that the familiar sheet stays as it
 * is. The other columns give way by their weights. */
void
kensho_print_layout_set_achievement (KenshoPrintLayout *self, gboolean achievement)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->achievement = !!achievement;
}

gboolean
kensho_print_layout_get_achievement (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), FALSE);
  return self->achievement;
}

/* The committee's opinion and the response (委員会意見・対応方針) as a
 * column after the reason for delay; off by default, as the achievement. */
void
kensho_print_layout_set_committee (KenshoPrintLayout *self, gboolean committee)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->committee = !!committee;
}

gboolean
kensho_print_layout_get_committee (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), FALSE);
  return self->committee;
}

/* After the sheet, an appendix with the history chart of each indicator
 * printed (kensho-history-chart), several to a page. */
void
kensho_print_layout_set_charts (KenshoPrintLayout *self, gboolean charts)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->charts = !!charts;
}

gboolean
kensho_print_layout_get_charts (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), FALSE);
  return self->charts;
}

/* A summary page (or pages: KenshoSummaryPage) before the sheet's: the
 * ratings per goal and sub-goal as a table and a chart, and the delayed
 * indicators with their reasons. Always of the whole sheet. */
void
kensho_print_layout_set_summary (KenshoPrintLayout *self, gboolean summary)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->summary = !!summary;
}

gboolean
kensho_print_layout_get_summary (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), FALSE);
  return self->summary || self->summary_only;
}

/* Only the summary, none of the sheet's pages. */
void
kensho_print_layout_set_summary_only (KenshoPrintLayout *self, gboolean summary_only)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->summary_only = !!summary_only;
}

gboolean
kensho_print_layout_get_summary_only (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), FALSE);
  return self->summary_only;
}

/* The values of every plan year (つくば市 style): baseline, one column per
 * year with its actual over its target, final target, in place of the
 * columns of the year shown. Off by default. */
void
kensho_print_layout_set_all_years (KenshoPrintLayout *self, gboolean all_years)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  self->all_years = !!all_years;
}

gboolean
kensho_print_layout_get_all_years (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), FALSE);
  return self->all_years;
}

/* Text ------------------------------------------------------------------ */

static PangoLayout *
new_text (KenshoPrintLayout *self, const char *text, const PangoFontDescription *font,
          double width, Align align)
{
  return kensho_print_new_text (self->context, text, font, width,
                                align == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
}

static double
column_width (KenshoPrintLayout *self, guint column)
{
  return self->x[column + 1] - self->x[column];
}

static double
inner_width (KenshoPrintLayout *self, guint column)
{
  return column_width (self, column) - 2 * PAD_X;
}

/* Every column but the achievement and committee columns, which are there
 * when asked for. */
static gboolean
column_shown (KenshoPrintLayout *self, guint column)
{
  KenshoPrintColumn kind = self->kinds[column];

  return (kind != KENSHO_PRINT_COLUMN_ACHIEVEMENT || self->achievement) &&
         (kind != KENSHO_PRINT_COLUMN_COMMITTEE || self->committee);
}

static gboolean
is_value_column (KenshoPrintLayout *self, guint column)
{
  return self->kinds[column] >= KENSHO_PRINT_COLUMN_BASELINE &&
         self->kinds[column] <= KENSHO_PRINT_COLUMN_FINAL_TARGET;
}

/* Where a kind of column is printed. */
static guint
slot_of (KenshoPrintLayout *self, KenshoPrintColumn kind)
{
  for (guint c = 0; c < self->n_slots; c++)
    if (self->kinds[c] == kind && self->years[c] == 0)
      return c;
  g_return_val_if_reached (0);
}

static void
add_slot (KenshoPrintLayout *self, KenshoPrintColumn kind, int year)
{
  self->kinds[self->n_slots] = kind;
  self->years[self->n_slots++] = year;
}

static void
build_slots (KenshoPrintLayout *self)
{
  int last = kensho_sheet_get_plan_last (self->sheet);
  int first = MAX (kensho_sheet_get_plan_first (self->sheet), last - MAX_PLAN_YEARS + 1);

  self->n_slots = 0;
  for (KenshoPrintColumn kind = 0; kind < N_COLUMNS; kind++)
    {
      if (!self->all_years ||
          (kind != KENSHO_PRINT_COLUMN_PREVIOUS_ACTUAL && kind != KENSHO_PRINT_COLUMN_ACTUAL &&
           kind != KENSHO_PRINT_COLUMN_TARGET))
        add_slot (self, kind, 0);
      if (self->all_years && kind == KENSHO_PRINT_COLUMN_BASELINE)
        for (int year = first; year <= last; year++)
          add_slot (self, KENSHO_PRINT_COLUMN_ACTUAL, year);
    }
}

/* "委員会意見：…" over "対応方針：…", each when written. */
static char *
committee_text (KenshoIndicator *indicator, int fiscal_year)
{
  const char *opinion = kensho_indicator_get_committee (indicator, fiscal_year, KENSHO_COMMITTEE_OPINION);
  const char *response = kensho_indicator_get_committee (indicator, fiscal_year, KENSHO_COMMITTEE_RESPONSE);
  g_autofree char *first = opinion ? g_strdup_printf (_("Opinion: %s"), opinion) : NULL;
  g_autofree char *second = response ? g_strdup_printf (_("Response: %s"), response) : NULL;

  if (first != NULL && second != NULL)
    return g_strconcat (first, "\n", second, NULL);
  return g_strdup (first ? first : second);
}

static void
set_cell (KenshoPrintLayout *self, Cell *cell, guint column, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  cell->layout = new_text (self, text, self->font, inner_width (self, column), column_align[self->kinds[column]]);
  /* A value too wide for its column breaks at its spaces, so that "(平成30年)"
   * and "※変更前" stay whole on their own lines. */
  if (is_value_column (self, column) &&
      pango_layout_is_wrapped (cell->layout) && strchr (text, ' ') != NULL)
    {
      g_autofree char *lines = g_strdelimit (kensho_text_dup_printable (text), " ", '\n');

      pango_layout_set_text (cell->layout, lines, -1);
    }
  cell->line_tops = kensho_print_dup_line_tops (cell->layout);
}

/* A plan year's cell: its actual over its target, a rule between; "-" over
 * the target where no actual is written yet. */
static void
set_year_cell (KenshoPrintLayout *self, Cell *cell, guint column, KenshoIndicator *indicator, int year)
{
  g_autofree char *actual = kensho_indicator_format_column_lines (indicator, KENSHO_COLUMN_ACTUAL, year);
  g_autofree char *target = kensho_indicator_format_column_lines (indicator, KENSHO_COLUMN_TARGET, year);
  g_autofree char *text = NULL;
  int line = 0;

  if (*target == '\0')
    {
      set_cell (self, cell, column, actual);
      return;
    }
  text = g_strconcat (*actual ? actual : "-", "\n", target, NULL);
  set_cell (self, cell, column, text);
  /* The spaces broken into lines keep every byte where it was. */
  pango_layout_index_to_line_x (cell->layout, strlen (text) - strlen (target), FALSE, &line, NULL);
  cell->rule_line = line;
}

static guint
cell_n_lines (const Cell *cell)
{
  return cell->line_tops ? cell->line_tops->len - 1 : 0;
}

static double
line_top (const Cell *cell, guint line)
{
  return g_array_index (cell->line_tops, double, line);
}

/* Rows ------------------------------------------------------------------- */

static gboolean
wanted (KenshoPrintLayout *self, KenshoIndicator *indicator)
{
  if (!kensho_indicator_matches (indicator, kensho_sheet_get_fiscal_year (self->sheet),
                                 self->division, self->rating_id))
    return FALSE;
  if (self->subtree != NULL && self->subtree != KENSHO_NODE (indicator) &&
      !kensho_node_is_ancestor_of (self->subtree, KENSHO_NODE (indicator)))
    return FALSE;
  return TRUE;
}

static void
add_rows (KenshoPrintLayout *self)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (self->sheet);
  KenshoNode *previous_group = NULL;

  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      KenshoNode *above = kensho_sheet_get_root (self->sheet);
      KenshoTableRow table_row;
      Row row = { 0 };

      if (!wanted (self, indicator))
        continue;
      kensho_table_row_init (&table_row, self->sheet, indicator);
      row.indicator = g_object_ref (indicator);
      row.is_target = table_row.is_target;
      for (guint s = 0; s < N_SPANS; s++)
        {
          KenshoNode *node = s == 0 ? table_row.goal : s == 1 ? table_row.subgoal : table_row.measure;

          if (node != NULL)
            above = node;
          /* A numerical target shows its own name where the measure goes. */
          if (s == KENSHO_PRINT_COLUMN_MEASURE && row.is_target)
            above = KENSHO_NODE (indicator);
          row.keys[s] = g_object_ref (above);
        }
      /* A sub-goal (or a goal without one) starts a page. */
      row.break_before = self->page_per_subgoal && previous_group != NULL &&
                         previous_group != row.keys[KENSHO_PRINT_COLUMN_SUBGOAL];
      previous_group = row.keys[KENSHO_PRINT_COLUMN_SUBGOAL];
      g_array_append_val (self->rows, row);
    }
}

static void
measure_row (KenshoPrintLayout *self, guint index)
{
  static const KenshoNodeKind span_kinds[N_SPANS] = {
    KENSHO_NODE_GOAL, KENSHO_NODE_SUBGOAL, KENSHO_NODE_MEASURE,
  };
  Row *row = &g_array_index (self->rows, Row, index);
  Row *previous = index > 0 ? &g_array_index (self->rows, Row, index - 1) : NULL;
  KenshoIndicator *indicator = row->indicator;
  int fy = kensho_sheet_get_fiscal_year (self->sheet);
  g_autofree char *commentary = kensho_indicator_dup_commentary_lines (indicator, fy);
  KenshoTableRow table_row;
  double height = 0;

  kensho_table_row_init (&table_row, self->sheet, indicator);

  /* A spanning cell is laid out once, for the first row of its group. */
  for (guint s = 0; s < N_SPANS; s++)
    {
      if (s == KENSHO_PRINT_COLUMN_MEASURE && row->is_target)
        continue;
      if (previous != NULL && previous->keys[s] == row->keys[s])
        g_set_object (&row->spans[s], previous->spans[s]);
      else if (kensho_node_get_kind (row->keys[s]) == span_kinds[s])
        {
          g_autofree char *heading = kensho_node_dup_heading (row->keys[s]);

          row->spans[s] = new_text (self, heading, self->font, inner_width (self, s), ALIGN_LEFT);
        }
    }

  if (row->is_target)
    set_cell (self, &row->cells[KENSHO_PRINT_COLUMN_MEASURE], KENSHO_PRINT_COLUMN_MEASURE,
              kensho_indicator_get_name (indicator));
  set_cell (self, &row->cells[KENSHO_PRINT_COLUMN_KPI], KENSHO_PRINT_COLUMN_KPI,
            row->is_target ? "-" : kensho_indicator_get_name (indicator));
  set_cell (self, &row->cells[KENSHO_PRINT_COLUMN_COMMENTARY], KENSHO_PRINT_COLUMN_COMMENTARY, commentary);
  for (guint c = 0; c < self->n_slots; c++)
    {
      g_autofree char *value = NULL;

      if (!is_value_column (self, c))
        continue;
      if (self->years[c] != 0)
        {
          set_year_cell (self, &row->cells[c], c, indicator, self->years[c]);
          continue;
        }
      value = kensho_indicator_format_column_lines (indicator, self->kinds[c] - KENSHO_PRINT_COLUMN_BASELINE, fy);
      set_cell (self, &row->cells[c], c, value);
    }
  if (self->achievement)
    {
      g_autofree char *achievement = kensho_indicator_format_achievement (indicator, self->sheet, "\n");
      guint c = slot_of (self, KENSHO_PRINT_COLUMN_ACHIEVEMENT);

      set_cell (self, &row->cells[c], c, achievement);
    }
  set_cell (self, &row->cells[slot_of (self, KENSHO_PRINT_COLUMN_PROGRESS)],
            slot_of (self, KENSHO_PRINT_COLUMN_PROGRESS), table_row.progress);
  /* As on the published sheets: a dash where no reason is needed. */
  set_cell (self, &row->cells[slot_of (self, KENSHO_PRINT_COLUMN_DELAY_REASON)],
            slot_of (self, KENSHO_PRINT_COLUMN_DELAY_REASON),
            table_row.delay_reason ? table_row.delay_reason : table_row.reason_needed ? NULL : "-");
  if (self->committee)
    {
      g_autofree char *committee = committee_text (indicator, fy);
      guint c = slot_of (self, KENSHO_PRINT_COLUMN_COMMITTEE);

      set_cell (self, &row->cells[c], c, committee);
    }
  set_cell (self, &row->cells[slot_of (self, KENSHO_PRINT_COLUMN_DIVISION)],
            slot_of (self, KENSHO_PRINT_COLUMN_DIVISION), kensho_indicator_get_division (indicator));

  for (guint c = 0; c < self->n_slots; c++)
    height = MAX (height, kensho_print_text_height (row->cells[c].layout));
  row->height = height + 2 * PAD_Y;
  row->measured = TRUE;
}

/* A group's heading must fit beside its rows: the last row of a group whose
 * rows are shorter than its heading grows. */
static void
fit_spans (KenshoPrintLayout *self)
{
  for (guint s = 0; s < N_SPANS; s++)
    {
      guint start = 0;

      while (start < self->rows->len)
        {
          Row *first = &g_array_index (self->rows, Row, start);
          guint end = start + 1;
          double sum = first->height;
          double needed = kensho_print_text_height (first->spans[s]) + 2 * PAD_Y;

          while (end < self->rows->len && g_array_index (self->rows, Row, end).keys[s] == first->keys[s])
            sum += g_array_index (self->rows, Row, end++).height;
          if (needed > sum)
            g_array_index (self->rows, Row, end - 1).height += needed - sum;
          start = end;
        }
    }
}

/* Pagination ------------------------------------------------------------- */

static GArray *
new_page (KenshoPrintLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (self->pages, page);
  return page;
}

static double
page_bottom (GArray *page)
{
  const Piece *last;

  if (page->len == 0)
    return 0;
  last = &g_array_index (page, Piece, page->len - 1);
  return last->y + last->height;
}

/* Places a row taller than a page, cut between lines: each cell shows the
 * lines that fit, and goes on at the top of the next page. */
static GArray *
place_split_row (KenshoPrintLayout *self, GArray *page, guint index)
{
  Row *row = &g_array_index (self->rows, Row, index);
  guint next[MAX_SLOTS] = { 0 };

  for (;;)
    {
      Piece piece = { .row = index, .y = page_bottom (page), .whole = FALSE };
      double available = self->body_height - piece.y - 2 * PAD_Y;
      double used = 0;
      gboolean done = TRUE;

      for (guint c = 0; c < self->n_slots; c++)
        {
          const Cell *cell = &row->cells[c];
          guint end = next[c];

          piece.first[c] = next[c];
          if (cell->layout == NULL)
            {
              piece.end[c] = 0;
              continue;
            }
          /* The indicator's name again on each page, as a group's heading. */
          if ((c == KENSHO_PRINT_COLUMN_MEASURE || c == KENSHO_PRINT_COLUMN_KPI) &&
              line_top (cell, cell_n_lines (cell)) <= available)
            {
              piece.first[c] = 0;
              piece.end[c] = cell_n_lines (cell);
              used = MAX (used, line_top (cell, cell_n_lines (cell)));
              continue;
            }
          while (end < cell_n_lines (cell) &&
                 line_top (cell, end + 1) - line_top (cell, next[c]) <= available)
            end++;
          /* A line taller than a whole page: show it rather than loop. */
          if (end == next[c] && end < cell_n_lines (cell) && page->len == 0)
            end++;
          piece.end[c] = end;
          if (end > next[c])
            used = MAX (used, line_top (cell, end) - line_top (cell, next[c]));
          next[c] = end;
          if (end < cell_n_lines (cell))
            done = FALSE;
        }
      piece.height = done ? used + 2 * PAD_Y : self->body_height - piece.y;
      g_array_append_val (page, piece);
      if (done)
        return page;
      page = new_page (self);
    }
}

static void
paginate_rows (KenshoPrintLayout *self)
{
  GArray *page = new_page (self);

  fit_spans (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      double y = page_bottom (page);

      if (row->break_before && page->len > 0)
        {
          page = new_page (self);
          y = 0;
        }
      if (y + row->height > self->body_height && row->height <= self->body_height && page->len > 0)
        {
          page = new_page (self);
          y = 0;
        }
      if (y + row->height <= self->body_height)
        {
          Piece piece = { .row = i, .y = y, .height = row->height, .whole = TRUE };

          for (guint c = 0; c < self->n_slots; c++)
            piece.end[c] = cell_n_lines (&row->cells[c]);
          g_array_append_val (page, piece);
          continue;
        }
      /* Taller than a page: start it here if a fair part of the page is
       * left, else on a new one. */
      if (page->len > 0 && self->body_height - y < SPLIT_START_SHARE * self->body_height)
        page = new_page (self);
      page = place_split_row (self, page, i);
    }
  self->paginated = TRUE;
}

/* Page furniture ----------------------------------------------------------- */

static void
layout_columns (KenshoPrintLayout *self)
{
  const double *defaults = self->width < self->height ? portrait_widths : default_widths;
  double widths[MAX_SLOTS];
  double total = 0;

  for (guint c = 0; c < self->n_slots; c++)
    {
      KenshoPrintColumn kind = self->kinds[c];

      widths[c] = !column_shown (self, c) ? 0 : self->widths[kind] > 0 ? self->widths[kind] : defaults[kind];
      total += widths[c];
    }
  self->x[0] = 0;
  for (guint c = 0; c < self->n_slots; c++)
    self->x[c + 1] = self->x[c] + self->width * widths[c] / total;
  self->x[self->n_slots] = self->width;
}

static char *
header_text (KenshoPrintLayout *self, guint column)
{
  g_autofree char *year = NULL;

  if (self->years[column] != 0)
    {
      year = kensho_era_format (self->years[column], KENSHO_PERIOD_FISCAL_YEAR, 0);
      /* TRANSLATORS: the heading of a year's column when all years are
       * printed: its actual over its target; %s is a fiscal year such as
       * 令和5年度 */
      return g_strdup_printf (_("%s\nActual / target"), year);
    }
  switch (self->kinds[column])
    {
    case KENSHO_PRINT_COLUMN_GOAL: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_GOAL));
    case KENSHO_PRINT_COLUMN_SUBGOAL: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_SUBGOAL));
    case KENSHO_PRINT_COLUMN_MEASURE: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_TARGET));
    case KENSHO_PRINT_COLUMN_KPI: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_KPI));
    case KENSHO_PRINT_COLUMN_COMMENTARY:
      year = kensho_era_format (kensho_sheet_get_fiscal_year (self->sheet), KENSHO_PERIOD_FISCAL_YEAR, 0);
      /* TRANSLATORS: the heading of the commentary column of the printed
       * sheet; %s is the fiscal year shown, such as 令和5年度 */
      return g_strdup_printf (_("%s\n①Activities ②Issues ③Next steps"), year);
    case KENSHO_PRINT_COLUMN_ACHIEVEMENT: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_ACHIEVEMENT));
    case KENSHO_PRINT_COLUMN_PROGRESS: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_PROGRESS));
    case KENSHO_PRINT_COLUMN_DELAY_REASON:
      return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_DELAY_REASON));
    case KENSHO_PRINT_COLUMN_COMMITTEE: return g_strdup (_("Committee opinion and response"));
    case KENSHO_PRINT_COLUMN_DIVISION: return g_strdup (kensho_sheet_table_heading (KENSHO_HEADING_DIVISION));
    default:
      return kensho_sheet_dup_column_title (self->sheet, self->kinds[column] - KENSHO_PRINT_COLUMN_BASELINE);
    }
}

/* "令和5年度実績値" too wide for its column reads better as "令和5年度" over
 * "実績値", and "基準値 (令和元年度)" as "基準値" over "(令和元年度)". */
static void
break_at_year (PangoLayout *layout, const char *text, int year)
{
  g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
  const char *at = strstr (text, era);
  g_autoptr(GString) out = NULL;
  gsize split;

  if (at == NULL)
    return;
  if (at == text)
    split = strlen (era);
  else if (at > text && at[-1] == '(')
    split = at - 1 - text;
  else
    split = at - text;
  if (split == 0 || split >= strlen (text))
    return;
  out = g_string_new_len (text, split);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  for (text += split; *text == ' '; text++)
    ;
  g_string_append (out, text);
  pango_layout_set_text (layout, out->str, -1);
}

/* A page printed with a filter says so, lest it pass for the whole sheet:
 * "Only: 企業誘致課、進捗の遅れ". NULL when nothing is filtered. */
static char *
dup_scope (KenshoPrintLayout *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (self->subtree != NULL)
    g_ptr_array_add (parts, kensho_node_dup_heading (self->subtree));
  if (self->division != NULL)
    g_ptr_array_add (parts, g_strdup (self->division));
  if (self->rating_id != NULL)
    {
      KenshoRating *rating = kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet),
                                                         self->rating_id);

      g_ptr_array_add (parts, g_strdup (rating ? kensho_rating_get_label (rating) : self->rating_id));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("、", (char **) parts->pdata);
  /* TRANSLATORS: on a sheet printed with filters; %s lists them, such as
   * 企業誘致課、進捗の遅れ */
  return g_strdup_printf (_("Only: %s"), joined);
}

static void
layout_furniture (KenshoPrintLayout *self)
{
  double size = self->used_font_size;
  g_autoptr(PangoFontDescription) title_font = kensho_print_new_font (size * 1.8, TRUE);
  g_autoptr(PangoFontDescription) label_font = kensho_print_new_font (size * 1.5, TRUE);
  g_autoptr(PangoFontDescription) notes_font = kensho_print_new_font (size * 1.1, FALSE);
  g_autofree char *title = kensho_sheet_dup_display_title (self->sheet);
  const char *label = kensho_sheet_get_label (self->sheet);
  const char *notes = kensho_sheet_get_notes (self->sheet);
  g_autofree char *scope = NULL;
  double label_width = 0;
  double lower_height;

  if (label != NULL && *label != '\0')
    {
      int w;

      self->label = new_text (self, label, label_font, self->width / 6, ALIGN_CENTER);
      pango_layout_set_width (self->label, -1);
      pango_layout_get_size (self->label, &w, NULL);
      label_width = pango_units_to_double (w) + 4 * PAD_X;
    }
  /* The title is centred on the page and kept clear of the label. */
  self->title = new_text (self, title, title_font, self->width - 2 * (label_width + GAP), ALIGN_CENTER);
  self->title_height = MAX (kensho_print_text_height (self->title), kensho_print_text_height (self->label) + 2 * PAD_Y);
  scope = dup_scope (self);
  if (scope != NULL || (notes != NULL && *notes != '\0'))
    {
      g_autofree char *text = g_strjoin ("\n", notes && *notes ? notes : scope, notes && *notes ? scope : NULL, NULL);

      self->notes = new_text (self, text, notes_font, self->width, ALIGN_LEFT);
      if (notes != NULL && *notes != '\0' &&
          kensho_print_text_height (self->notes) > NOTES_MAX_SHARE * self->height)
        {
          self->long_notes = new_text (self, notes, notes_font, self->width, ALIGN_LEFT);
          g_clear_object (&self->notes);
          if (scope != NULL)
            self->notes = new_text (self, scope, notes_font, self->width, ALIGN_LEFT);
        }
    }

  for (guint c = 0; c < self->n_slots; c++)
    {
      g_autofree char *text = NULL;

      if (!column_shown (self, c))
        continue;
      text = header_text (self, c);
      self->headers[c] = new_text (self, text, self->bold_font, inner_width (self, c), ALIGN_CENTER);
      if (is_value_column (self, c) && self->years[c] == 0 &&
          pango_layout_is_wrapped (self->headers[c]))
        break_at_year (self->headers[c], text,
                       kensho_sheet_get_column_year (self->sheet, self->kinds[c] - KENSHO_PRINT_COLUMN_BASELINE));
    }
  self->header_lower = new_text (self, kensho_sheet_table_heading (KENSHO_HEADING_MEASURE), self->bold_font,
                                 inner_width (self, KENSHO_PRINT_COLUMN_MEASURE), ALIGN_CENTER);
  lower_height = kensho_print_text_height (self->header_lower) + 2 * PAD_Y;
  self->header_split = kensho_print_text_height (self->headers[KENSHO_PRINT_COLUMN_MEASURE]) + 2 * PAD_Y;
  self->header_height = self->header_split + lower_height;
  for (guint c = 0; c < self->n_slots; c++)
    self->header_height = MAX (self->header_height, kensho_print_text_height (self->headers[c]) + 2 * PAD_Y);
  self->header_split = MAX (self->header_split, self->header_height - lower_height);

  self->page_number = new_text (self, "0 / 0", self->font, self->width, ALIGN_CENTER);

  self->body_top = self->title_height + GAP;
  if (self->notes != NULL)
    self->body_top += kensho_print_text_height (self->notes) + GAP;
  self->body_top += self->header_height;
  self->body_height = self->height - self->body_top - GAP - kensho_print_text_height (self->page_number);
}

/* Notes too long for the band above the table: cut between lines into
 * pages under the title. */
static void
paginate_notes (KenshoPrintLayout *self)
{
  g_autoptr(GArray) tops = NULL;
  double available = self->height - self->title_height - 2 * GAP - kensho_print_text_height (self->page_number);
  guint n_lines, first = 0;

  self->notes_breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  if (self->long_notes == NULL)
    return;
  tops = kensho_print_dup_line_tops (self->long_notes);
  n_lines = tops->len - 1;
  while (first < n_lines)
    {
      guint end = first;

      while (end < n_lines &&
             g_array_index (tops, double, end + 1) - g_array_index (tops, double, first) <= available)
        end++;
      /* A line taller than a page: shown rather than looped on. */
      if (end == first)
        end++;
      g_array_append_val (self->notes_breaks, first);
      first = end;
    }
  g_array_append_val (self->notes_breaks, n_lines);
}

static guint
n_notes_pages (KenshoPrintLayout *self)
{
  return self->notes_breaks != NULL && self->notes_breaks->len > 0 ? self->notes_breaks->len - 1 : 0;
}

/* The appendix of charts: three rows of them, three across a landscape page. */
#define CHART_ROWS 3

static guint
charts_per_page (KenshoPrintLayout *self)
{
  return CHART_ROWS * (self->width > self->height ? 3 : 2);
}

static guint
n_chart_pages (KenshoPrintLayout *self)
{
  if (!self->charts || self->summary_only || self->rows == NULL)
    return 0;
  return (self->rows->len + charts_per_page (self) - 1) / charts_per_page (self);
}

static void
draw_chart_page (KenshoPrintLayout *self, cairo_t *cr, guint index)
{
  guint columns = charts_per_page (self) / CHART_ROWS;
  double footer = kensho_print_text_height (self->page_number) + 6;
  double cell_width = self->width / columns;
  double cell_height = (self->height - footer) / CHART_ROWS;

  for (guint i = 0; i < charts_per_page (self); i++)
    {
      guint row_index = index * charts_per_page (self) + i;
      Row *row;
      double x = (i % columns) * cell_width, y = (i / columns) * cell_height;
      g_autoptr(PangoLayout) name = NULL;
      double name_height;

      if (row_index >= self->rows->len)
        break;
      row = &g_array_index (self->rows, Row, row_index);
      name = new_text (self, kensho_indicator_get_name (row->indicator), self->bold_font, cell_width - 12, ALIGN_LEFT);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      name_height = kensho_print_text_height (name);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      kensho_print_show (cr, name, x + 6, y + 4);
      /* The chart paints its own background: kept to its cell. */
      cairo_rectangle (cr, x + 6, y + 8 + name_height, cell_width - 12, cell_height - 16 - name_height);
      cairo_clip (cr);
      cairo_translate (cr, x + 6, y + 8 + name_height);
      kensho_history_chart_draw_all (row->indicator, self->sheet, cr, cell_width - 12, cell_height - 16 - name_height);
      cairo_restore (cr);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x + 2, y + 2, cell_width - 4, cell_height - 4);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Public API ------------------------------------------------------------- */

/**
 * kensho_print_layout_begin:
 * @context: the Pango context of the target (gtk_print_context_create_pango_context()
 *   or kensho_print_layout_create_pango_context())
 * @width: the printable width in points
 * @height: the printable height in points
 *
 * Starts paginating; the pages are known once
 * kensho_print_layout_paginate_step() has returned %TRUE.
 */
void
kensho_print_layout_begin (KenshoPrintLayout *self, PangoContext *context, double width, double height)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (width > 0 && height > 0);

  reset (self);
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->used_font_size = self->font_size > 0
                         ? self->font_size
                         : CLAMP (BASE_FONT_SIZE * width / BASE_WIDTH, MIN_FONT_SIZE, MAX_FONT_SIZE);
  self->font = kensho_print_new_font (self->used_font_size, FALSE);
  self->bold_font = kensho_print_new_font (self->used_font_size, TRUE);
  build_slots (self);
  layout_columns (self);
  layout_furniture (self);
  if (self->summary_only)
    g_clear_object (&self->long_notes);
  paginate_notes (self);
  /* A page too small for its header still gets pages, if squeezed. */
  self->body_height = MAX (self->body_height, 2 * self->used_font_size);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (!self->summary_only)
    add_rows (self);
}

/* The summary's pages, as high as the sheet's less the page number. */
static void
paginate_summary (KenshoPrintLayout *self)
{
  self->summary_page = kensho_summary_page_new (self->sheet);
  self->n_summary_pages = kensho_summary_page_paginate (self->summary_page, self->context, self->width,
                                                        self->height - GAP - kensho_print_text_height (self->page_number),
                                                        self->used_font_size);
}

/* Measures up to @n_rows more rows; returns TRUE when the pages are known.
 * Lets a print dialog show progress and be cancelled between steps. */
gboolean
kensho_print_layout_paginate_step (KenshoPrintLayout *self, guint n_rows)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), TRUE);
  g_return_val_if_fail (self->rows != NULL, TRUE);

  for (guint i = 0; i < n_rows && self->n_measured < self->rows->len; i++)
    measure_row (self, self->n_measured++);
  if (self->n_measured < self->rows->len)
    return FALSE;
  if (!self->paginated)
    {
      if (!self->summary_only)
        paginate_rows (self);
      if (self->summary || self->summary_only)
        paginate_summary (self);
      self->paginated = TRUE;
    }
  return TRUE;
}

double
kensho_print_layout_get_progress (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), 0);
  if (self->rows == NULL)
    return 0;
  if (self->paginated || self->rows->len == 0)
    return 1;
  return (double) self->n_measured / self->rows->len;
}

guint
kensho_print_layout_paginate (KenshoPrintLayout *self, PangoContext *context, double width, double height)
{
  kensho_print_layout_begin (self, context, width, height);
  while (!kensho_print_layout_paginate_step (self, G_MAXUINT))
    ;
  return kensho_print_layout_get_n_pages (self);
}

guint
kensho_print_layout_get_n_pages (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), 0);
  return self->paginated ? self->n_summary_pages + n_notes_pages (self) + self->pages->len + n_chart_pages (self) : 0;
}

/* How many of the pages, at the start, are the summary's. */
guint
kensho_print_layout_get_n_summary_pages (KenshoPrintLayout *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (self), 0);
  return self->paginated ? self->n_summary_pages : 0;
}

/* Drawing ---------------------------------------------------------------- */

static void
stroke_rect (cairo_t *cr, double x, double y, double width, double height)
{
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
}

/* A heading in a cell that may be shorter than the text, where a group is
 * cut by a page: shrunk to fit rather than cut off. */
static void
draw_span_text (KenshoPrintLayout *self, cairo_t *cr, PangoLayout *layout, guint column,
                double y, double height)
{
  double width = inner_width (self, column);
  double available = height - 2 * PAD_Y;
  double needed = kensho_print_text_height (layout);
  double scale = 1;
  g_autoptr(PangoLayout) copy = NULL;

  if (needed > available && needed > 0)
    {
      copy = pango_layout_copy (layout);
      /* Wider lines at a smaller size: a few rounds settle the scale. */
      scale = available / needed;
      for (guint round = 0; round < 6; round++)
        {
          scale = MAX (scale, 0.3);
          pango_layout_set_width (copy, pango_units_from_double (width / scale));
          needed = kensho_print_text_height (copy) * scale;
          if (needed <= available || scale <= 0.3)
            break;
          scale *= available / needed * 0.98;
        }
      layout = copy;
    }
  cairo_save (cr);
  cairo_rectangle (cr, self->x[column], y, column_width (self, column), height);
  cairo_clip (cr);
  cairo_translate (cr, self->x[column] + PAD_X, y + MAX (PAD_Y, (height - needed) / 2));
  cairo_scale (cr, scale, scale);
  kensho_print_show (cr, layout, 0, 0);
  cairo_restore (cr);
}

static void
draw_cell (KenshoPrintLayout *self, cairo_t *cr, const Cell *cell, guint column, const Piece *piece)
{
  double shown, top;

  if (cell->layout == NULL || piece->end[column] <= piece->first[column])
    return;
  shown = line_top (cell, piece->end[column]) - line_top (cell, piece->first[column]);
  /* Whole rows are centred like the cells of the original; the parts of a
   * split row start at the top so that the text reads on. */
  top = piece->y + (piece->whole ? (piece->height - shown) / 2 : PAD_Y);
  kensho_print_show_lines (cr, cell->layout, self->x[column] + PAD_X, top,
                           piece->first[column], piece->end[column]);
  if (cell->rule_line > piece->first[column] && cell->rule_line < piece->end[column])
    {
      double y = top + line_top (cell, cell->rule_line) - line_top (cell, piece->first[column]);
      double width = inner_width (self, column);

      cairo_save (cr);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, self->x[column] + PAD_X + width * 0.15, y);
      cairo_line_to (cr, self->x[column] + PAD_X + width * 0.85, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
set_rating_colour (cairo_t *cr, KenshoSheet *sheet, KenshoIndicator *indicator)
{
  int fy = kensho_sheet_get_fiscal_year (sheet);
  const char *rating_id = kensho_indicator_get_rating_id (indicator, fy);
  KenshoRating *rating = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (sheet), rating_id) : NULL;
  const char *colour = rating ? kensho_rating_get_colour (rating) : NULL;
  unsigned int r, g, b;

  if (colour != NULL && sscanf (colour, "#%02x%02x%02x", &r, &g, &b) == 3)
    cairo_set_source_rgb (cr, r / 255.0, g / 255.0, b / 255.0);
}

static void
draw_header (KenshoPrintLayout *self, cairo_t *cr, double top)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.87, 0.89, 0.92);
  cairo_rectangle (cr, 0, top, self->width, self->header_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < self->n_slots; c++)
    {
      double height = c == KENSHO_PRINT_COLUMN_MEASURE ? self->header_split : self->header_height;
      double y = top + (height - kensho_print_text_height (self->headers[c])) / 2;

      if (!column_shown (self, c))
        continue;
      kensho_print_show (cr, self->headers[c], self->x[c] + PAD_X, y);
      cairo_set_line_width (cr, 0.5);
      stroke_rect (cr, self->x[c], top, column_width (self, c), height);
    }
  kensho_print_show (cr, self->header_lower, self->x[KENSHO_PRINT_COLUMN_MEASURE] + PAD_X,
               top + self->header_split +
               (self->header_height - self->header_split - kensho_print_text_height (self->header_lower)) / 2);
  stroke_rect (cr, self->x[KENSHO_PRINT_COLUMN_MEASURE], top + self->header_split,
               column_width (self, KENSHO_PRINT_COLUMN_MEASURE), self->header_height - self->header_split);
  cairo_restore (cr);
}

static void
draw_spans (KenshoPrintLayout *self, cairo_t *cr, GArray *page)
{
  for (guint s = 0; s < N_SPANS; s++)
    {
      guint start = 0;

      while (start < page->len)
        {
          const Piece *first = &g_array_index (page, Piece, start);
          const Row *row = &g_array_index (self->rows, Row, first->row);
          const Piece *last = first;
          guint end = start + 1;
          double height;

          while (end < page->len &&
                 g_array_index (self->rows, Row, g_array_index (page, Piece, end).row).keys[s] == row->keys[s])
            last = &g_array_index (page, Piece, end++);
          height = last->y + last->height - first->y;
          if (!(s == KENSHO_PRINT_COLUMN_MEASURE && row->is_target))
            {
              /* The heading again on each page the group runs over. */
              if (row->spans[s] != NULL)
                draw_span_text (self, cr, row->spans[s], s, self->body_top + first->y, height);
              stroke_rect (cr, self->x[s], self->body_top + first->y, column_width (self, s), height);
            }
          start = end;
        }
    }
}

/* "n / N" at the bottom, counting the summary's pages. */
static void
draw_page_number (KenshoPrintLayout *self, cairo_t *cr, guint page_number)
{
  g_autofree char *number = g_strdup_printf ("%u / %u", page_number + 1, kensho_print_layout_get_n_pages (self));

  pango_layout_set_text (self->page_number, number, -1);
  kensho_print_show (cr, self->page_number, 0, self->height - kensho_print_text_height (self->page_number));
}

/* The title, and the label in a box at the top right. */
static void
draw_title (KenshoPrintLayout *self, cairo_t *cr)
{
  kensho_print_show (cr, self->title, (self->width - pango_units_to_double (pango_layout_get_width (self->title))) / 2,
               (self->title_height - kensho_print_text_height (self->title)) / 2);
  if (self->label != NULL)
    {
      int w, h;

      pango_layout_get_size (self->label, &w, &h);
      kensho_print_show (cr, self->label, self->width - pango_units_to_double (w) - 2 * PAD_X, PAD_Y);
      cairo_set_line_width (cr, 0.8);
      stroke_rect (cr, self->width - pango_units_to_double (w) - 4 * PAD_X, 0,
                   pango_units_to_double (w) + 4 * PAD_X, pango_units_to_double (h) + 2 * PAD_Y);
    }
}

static void
draw_notes_page (KenshoPrintLayout *self, cairo_t *cr, guint notes_page)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_title (self, cr);
  kensho_print_show_lines (cr, self->long_notes, 0, self->title_height + GAP,
                           g_array_index (self->notes_breaks, guint, notes_page),
                           g_array_index (self->notes_breaks, guint, notes_page + 1));
  cairo_restore (cr);
}

static void
draw_sheet_page (KenshoPrintLayout *self, cairo_t *cr, GArray *page)
{
  double top;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_title (self, cr);
  top = self->title_height + GAP;
  if (self->notes != NULL)
    {
      kensho_print_show (cr, self->notes, 0, top);
      top += kensho_print_text_height (self->notes) + GAP;
    }
  draw_header (self, cr, top);

  /* The rows: a light tint marks the numerical targets. */
  cairo_translate (cr, 0, self->body_top);
  for (guint i = 0; i < page->len; i++)
    {
      const Piece *piece = &g_array_index (page, Piece, i);
      const Row *row = &g_array_index (self->rows, Row, piece->row);

      if (row->is_target)
        {
          cairo_set_source_rgb (cr, 0.95, 0.96, 0.98);
          cairo_rectangle (cr, self->x[KENSHO_PRINT_COLUMN_MEASURE], piece->y,
                           self->width - self->x[KENSHO_PRINT_COLUMN_MEASURE], piece->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      for (guint c = 0; c < self->n_slots; c++)
        {
          if ((c < N_SPANS && !(c == KENSHO_PRINT_COLUMN_MEASURE && row->is_target)) || !column_shown (self, c))
            continue;
          if (self->kinds[c] == KENSHO_PRINT_COLUMN_PROGRESS)
            {
              cairo_save (cr);
              set_rating_colour (cr, self->sheet, row->indicator);
              draw_cell (self, cr, &row->cells[c], c, piece);
              cairo_restore (cr);
            }
          else
            draw_cell (self, cr, &row->cells[c], c, piece);
          cairo_set_line_width (cr, 0.5);
          stroke_rect (cr, self->x[c], piece->y, column_width (self, c), piece->height);
        }
    }
  cairo_translate (cr, 0, -self->body_top);
  cairo_set_line_width (cr, 0.5);
  draw_spans (self, cr, page);
  if (page->len > 0)
    {
      cairo_set_line_width (cr, 1.0);
      stroke_rect (cr, 0, top, self->width, self->body_top - top + page_bottom (page));
    }
  cairo_restore (cr);
}

/* The summary's pages first, when asked for, then notes too long to go
 * above the table, then the sheet's. */
void
kensho_print_layout_draw_page (KenshoPrintLayout *self, cairo_t *cr, guint page_number)
{
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated && page_number < kensho_print_layout_get_n_pages (self));

  if (page_number < self->n_summary_pages)
    kensho_summary_page_draw_page (self->summary_page, cr, page_number);
  else if (page_number < self->n_summary_pages + n_notes_pages (self))
    draw_notes_page (self, cr, page_number - self->n_summary_pages);
  else if (page_number < self->n_summary_pages + n_notes_pages (self) + self->pages->len)
    draw_sheet_page (self, cr, g_ptr_array_index (self->pages,
                                                  page_number - self->n_summary_pages - n_notes_pages (self)));
  else
    draw_chart_page (self, cr, page_number - self->n_summary_pages - n_notes_pages (self) - self->pages->len);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_page_number (self, cr, page_number);
  cairo_restore (cr);
}

/* PDF -------------------------------------------------------------------- */

/* What GtkPrintContext gives when its unit is points: 72 dpi, and metrics
 * not hinted, so that text measures the same at any resolution. */
PangoContext *
kensho_print_layout_create_pango_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  return context;
}

void
kensho_paper_get_size (KenshoPaper paper, gboolean portrait, double *width, double *height)
{
  /* ISO 216 in points: A3 is 297 × 420 mm, A4 210 × 297 mm. */
  double shorter = paper == KENSHO_PAPER_A3 ? 297 * MM : 210 * MM;
  double longer = paper == KENSHO_PAPER_A3 ? 420 * MM : 297 * MM;

  *width = portrait ? shorter : longer;
  *height = portrait ? longer : shorter;
}
