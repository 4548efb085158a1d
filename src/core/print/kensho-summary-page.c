/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kensho-print-text.h"
#include "kensho-summary-page.h"

#define PAD_X 3.0
#define PAD_Y 2.0
#define GAP 8.0
/* The body text against the sheet's: the summary has room to spare. */
#define TEXT_SCALE 1.25
/* The chart is not stretched over the whole of a wide page. */
#define MAX_CHART_WIDTH 760.0
#define NO_COLUMN G_MAXUINT
/* The counts' table: a title, the ratings of the scale, unrated, total. */
#define MAX_COLUMNS 24

/* A table of wrapped cells. Only one column (the reasons) may be long
 * enough to run over pages: its lines are cut between pages. */
typedef struct
{
  guint n_columns;
  double x[MAX_COLUMNS + 1];
  PangoLayout *header[MAX_COLUMNS];
  double header_height;
  GPtrArray *rows;         /* TableRow */
  guint long_column;       /* NO_COLUMN when none */
} Table;

typedef struct
{
  PangoLayout *cells[MAX_COLUMNS]; /* NULL for an empty cell */
  GArray *line_tops;       /* of the long cell: each line's top, then its height */
  double short_height;     /* of the other cells, without padding */
} TableRow;

typedef enum
{
  BLOCK_TITLE,
  BLOCK_TEXT,
  BLOCK_TABLE_HEADER,
  BLOCK_TABLE_ROW,
  BLOCK_CHART,
} BlockKind;

/* What is drawn where on a page. Borrows what it draws. */
typedef struct
{
  BlockKind kind;
  PangoLayout *text;    /* BLOCK_TEXT */
  Table *table;         /* BLOCK_TABLE_* */
  guint row;
  guint first, end;     /* the lines of the long cell shown */
  double y;
  double height;
  double scale;         /* BLOCK_CHART */
} Block;

struct _KenshoSummaryPage
{
  GObject parent_instance;

  KenshoSheet *sheet;
  KenshoOverview *overview;

  /* Set by paginate() */
  PangoContext *context;
  double width;
  double height;
  PangoFontDescription *font;
  PangoFontDescription *bold_font;
  PangoLayout *title;
  PangoLayout *subtitle;
  PangoLayout *counts_heading;
  PangoLayout *delayed_heading;
  PangoLayout *no_delay;
  Table counts;
  Table delayed;
  double chart_width;
  GPtrArray *pages;     /* GArray of Block per page */

  /* While paginating: the page being filled, and what each new page
   * repeats of the section it goes on with. */
  GArray *page;
  double y;
  gboolean fresh;
  PangoLayout *section_heading;
  Table *section_table;
};

G_DEFINE_FINAL_TYPE (KenshoSummaryPage, kensho_summary_page, G_TYPE_OBJECT)

static void
table_row_free (gpointer data)
{
  TableRow *row = data;

  for (guint c = 0; c < G_N_ELEMENTS (row->cells); c++)
    g_clear_object (&row->cells[c]);
  g_clear_pointer (&row->line_tops, g_array_unref);
  g_free (row);
}

static void
table_clear (Table *table)
{
  for (guint c = 0; c < G_N_ELEMENTS (table->header); c++)
    g_clear_object (&table->header[c]);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  *table = (Table) { 0 };
}

static void
reset (KenshoSummaryPage *self)
{
  g_clear_object (&self->overview);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->counts_heading);
  g_clear_object (&self->delayed_heading);
  g_clear_object (&self->no_delay);
  table_clear (&self->counts);
  table_clear (&self->delayed);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->page = NULL;
  self->section_heading = NULL;
  self->section_table = NULL;
}

static void
kensho_summary_page_finalize (GObject *object)
{
  KenshoSummaryPage *self = KENSHO_SUMMARY_PAGE (object);

  reset (self);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_summary_page_parent_class)->finalize (object);
}

static void
kensho_summary_page_class_init (KenshoSummaryPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_summary_page_finalize;
}

static void
kensho_summary_page_init (KenshoSummaryPage *self)
{
}

KenshoSummaryPage *
kensho_summary_page_new (KenshoSheet *sheet)
{
  KenshoSummaryPage *self;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);
  self = g_object_new (KENSHO_TYPE_SUMMARY_PAGE, NULL);
  self->sheet = g_object_ref (sheet);
  return self;
}

/* The overview of the last pagination; NULL before. */
KenshoOverview *
kensho_summary_page_get_overview (KenshoSummaryPage *self)
{
  g_return_val_if_fail (KENSHO_IS_SUMMARY_PAGE (self), NULL);
  return self->overview;
}

/* Text ------------------------------------------------------------------ */

static PangoLayout *
new_text (KenshoSummaryPage *self, const char *text, const PangoFontDescription *font, double width,
          PangoAlignment alignment)
{
  return kensho_print_new_text (self->context, text, font, width, alignment);
}

/* Tables ------------------------------------------------------------------ */

/* Columns from weights, over @width. */
static void
table_init (Table *table, const double *weights, guint n_columns, double width, guint long_column)
{
  double total = 0;

  g_assert (n_columns <= MAX_COLUMNS);
  table->n_columns = n_columns;
  table->long_column = long_column;
  table->rows = g_ptr_array_new_with_free_func (table_row_free);
  for (guint c = 0; c < n_columns; c++)
    total += weights[c];
  table->x[0] = 0;
  for (guint c = 0; c < n_columns; c++)
    table->x[c + 1] = table->x[c] + width * weights[c] / total;
}

static double
cell_width (const Table *table, guint column)
{
  return table->x[column + 1] - table->x[column] - 2 * PAD_X;
}

static void
table_set_headers (KenshoSummaryPage *self, Table *table, const char *const *texts)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      table->header[c] = new_text (self, texts[c], self->bold_font, cell_width (table, c), PANGO_ALIGN_CENTER);
      table->header_height = MAX (table->header_height, kensho_print_text_height (table->header[c]) + 2 * PAD_Y);
    }
}

/* Takes @texts (n_columns of them, NULL for an empty cell). */
static void
table_add_row (KenshoSummaryPage *self, Table *table, const char *const *texts,
               const PangoAlignment *alignments, gboolean bold)
{
  TableRow *row = g_new0 (TableRow, 1);

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (texts[c] == NULL || *texts[c] == '\0')
        continue;
      row->cells[c] = new_text (self, texts[c], bold ? self->bold_font : self->font,
                                cell_width (table, c), alignments[c]);
      if (c != table->long_column)
        row->short_height = MAX (row->short_height, kensho_print_text_height (row->cells[c]));
    }
  /* The long cell is never empty: a delayed indicator without a reason
   * says so. */
  if (table->long_column != NO_COLUMN && row->cells[table->long_column] != NULL)
    row->line_tops = kensho_print_dup_line_tops (row->cells[table->long_column]);
  g_ptr_array_add (table->rows, row);
}

/* A rating in its colour, as in the sheet's 進捗状況 column. */
static void
colour_rating_cell (TableRow *row, guint column, KenshoRating *rating)
{
  const char *colour = rating ? kensho_rating_get_colour (rating) : NULL;
  PangoColor parsed;
  PangoAttrList *attributes;

  if (row->cells[column] == NULL || colour == NULL || !pango_color_parse (&parsed, colour))
    return;
  /* Added to the text's own attributes (its language picks the glyphs). */
  attributes = pango_layout_get_attributes (row->cells[column])
               ? pango_attr_list_copy (pango_layout_get_attributes (row->cells[column]))
               : pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_foreground_new (parsed.red, parsed.green, parsed.blue));
  pango_layout_set_attributes (row->cells[column], attributes);
  pango_attr_list_unref (attributes);
}

static guint
long_lines (const TableRow *row)
{
  return row->line_tops ? row->line_tops->len - 1 : 0;
}

static double
long_top (const TableRow *row, guint line)
{
  return g_array_index (row->line_tops, double, line);
}

/* Pagination -------------------------------------------------------------- */

static void
add_block (KenshoSummaryPage *self, Block block)
{
  block.y = self->y;
  g_array_append_val (self->page, block);
  self->y += block.height;
}

/* A page starts with the title, then goes on with the section under way:
 * its heading and its table's column headings again. */
static void
start_page (KenshoSummaryPage *self)
{
  self->page = g_array_new (FALSE, TRUE, sizeof (Block));
  g_ptr_array_add (self->pages, self->page);
  self->y = 0;
  add_block (self, (Block) { .kind = BLOCK_TITLE,
                             .height = kensho_print_text_height (self->title) + kensho_print_text_height (self->subtitle) + GAP });
  if (self->section_heading != NULL)
    add_block (self, (Block) { .kind = BLOCK_TEXT, .text = self->section_heading,
                               .height = kensho_print_text_height (self->section_heading) + GAP / 2 });
  if (self->section_table != NULL)
    add_block (self, (Block) { .kind = BLOCK_TABLE_HEADER, .table = self->section_table,
                               .height = self->section_table->header_height });
  self->fresh = TRUE;
}

/* A new page unless @height fits on this one (or it is fresh: then it is
 * as good as any). */
static void
make_room (KenshoSummaryPage *self, double height)
{
  if (self->y + height > self->height && !self->fresh)
    start_page (self);
}

static void
place (KenshoSummaryPage *self, Block block)
{
  make_room (self, block.height);
  add_block (self, block);
  self->fresh = FALSE;
}

static void
begin_section (KenshoSummaryPage *self, PangoLayout *heading, Table *table)
{
  double needed = kensho_print_text_height (heading) + GAP / 2 + (table ? table->header_height : 0);

  /* A heading is not left alone at the foot of a page. */
  if (table != NULL && table->rows->len > 0)
    {
      const TableRow *first = g_ptr_array_index (table->rows, 0);

      needed += first->short_height + 2 * PAD_Y;
    }
  self->section_heading = NULL;
  self->section_table = NULL;
  make_room (self, GAP + needed);
  if (!self->fresh)
    self->y += GAP;
  place (self, (Block) { .kind = BLOCK_TEXT, .text = heading, .height = kensho_print_text_height (heading) + GAP / 2 });
  if (table != NULL)
    place (self, (Block) { .kind = BLOCK_TABLE_HEADER, .table = table, .height = table->header_height });
  self->section_heading = heading;
  self->section_table = table;
}

/* A row whole if it fits on a page; else cut between the lines of its long
 * cell, the other cells again on each page it runs over. */
static void
place_row (KenshoSummaryPage *self, Table *table, guint index)
{
  const TableRow *row = g_ptr_array_index (table->rows, index);
  guint n_lines = long_lines (row);
  double whole = MAX (row->short_height, n_lines > 0 ? long_top (row, n_lines) : 0) + 2 * PAD_Y;
  guint first = 0;

  make_room (self, whole);
  if (self->y + whole <= self->height || n_lines == 0)
    {
      place (self, (Block) { .kind = BLOCK_TABLE_ROW, .table = table, .row = index,
                             .first = 0, .end = n_lines, .height = whole });
      return;
    }
  while (first < n_lines)
    {
      double available = self->height - self->y - 2 * PAD_Y;
      guint end = first;

      while (end < n_lines && long_top (row, end + 1) - long_top (row, first) <= available)
        end++;
      /* A line taller than a whole page is shown rather than looped on. */
      if (end == first && self->fresh)
        end++;
      if (end > first)
        place (self, (Block) { .kind = BLOCK_TABLE_ROW, .table = table, .row = index,
                               .first = first, .end = end,
                               .height = MAX (row->short_height, long_top (row, end) - long_top (row, first))
                                         + 2 * PAD_Y });
      first = end;
      if (first < n_lines)
        start_page (self);
    }
}

static void
place_chart (KenshoSummaryPage *self)
{
  double height = kensho_overview_get_chart_height (self->overview);
  double scale = 1;

  make_room (self, GAP + height);
  if (!self->fresh)
    self->y += GAP;
  /* A chart taller than what is left of a fresh page is drawn smaller. */
  if (self->y + height > self->height)
    scale = MAX (self->height - self->y, 1) / height;
  place (self, (Block) { .kind = BLOCK_CHART, .height = height * scale, .scale = scale });
}

/* Content ------------------------------------------------------------------ */

static void
add_counts (KenshoSummaryPage *self)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  guint n_ratings = MIN (kensho_rating_scale_get_n_ratings (scale), G_N_ELEMENTS (self->counts.header) - 3);
  guint n_columns = n_ratings + 3;
  double weights[G_N_ELEMENTS (self->counts.x)];
  const char *headers[G_N_ELEMENTS (self->counts.header)] = { "" };
  PangoAlignment alignments[G_N_ELEMENTS (self->counts.header)];
  double width;

  /* The titles as wide as the counts together, and not a sprawl on a wide
   * page. */
  weights[0] = n_columns - 1;
  alignments[0] = PANGO_ALIGN_LEFT;
  for (guint c = 1; c < n_columns; c++)
    {
      weights[c] = 1;
      alignments[c] = PANGO_ALIGN_RIGHT;
    }
  width = MIN (self->width, 2 * (n_columns - 1) * 7 * pango_font_description_get_size (self->font) / PANGO_SCALE);
  table_init (&self->counts, weights, n_columns, width, NO_COLUMN);
  for (guint r = 0; r < n_ratings; r++)
    headers[r + 1] = kensho_rating_get_label (kensho_rating_scale_get_rating (scale, r));
  headers[n_ratings + 1] = _("Not rated");
  headers[n_ratings + 2] = _("Total");
  table_set_headers (self, &self->counts, headers);

  for (guint row = 0; row < kensho_overview_get_n_rows (self->overview); row++)
    {
      KenshoNode *node = kensho_overview_get_row_node (self->overview, row);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (texts, kensho_overview_dup_row_title (self->overview, row));
      for (guint r = 0; r < n_ratings; r++)
        g_ptr_array_add (texts, g_strdup_printf ("%u", kensho_overview_get_count (self->overview, row, r)));
      g_ptr_array_add (texts, g_strdup_printf ("%u", kensho_overview_get_unrated (self->overview, row)));
      g_ptr_array_add (texts, g_strdup_printf ("%u", kensho_overview_get_total (self->overview, row)));
      table_add_row (self, &self->counts, (const char *const *) texts->pdata, alignments,
                     node == NULL || kensho_node_get_kind (node) == KENSHO_NODE_GOAL);
    }
}

static void
add_delayed (KenshoSummaryPage *self)
{
  static const double weights[] = { 26, 10, 50, 14 };
  static const PangoAlignment alignments[] = {
    PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER,
  };
  const char *headers[] = { _("Indicator"), _("Progress"), _("Reason for delay"), _("Responsible division") };
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  int fiscal_year = kensho_sheet_get_fiscal_year (self->sheet);
  GPtrArray *delayed = kensho_overview_get_delayed (self->overview);

  table_init (&self->delayed, weights, G_N_ELEMENTS (weights), self->width, 2);
  table_set_headers (self, &self->delayed, headers);
  for (guint i = 0; i < delayed->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (delayed, i);
      KenshoRating *rating = kensho_rating_scale_lookup (scale, kensho_indicator_get_rating_id (indicator,
                                                                                               fiscal_year));
      const char *reason = kensho_indicator_get_delay_reason (indicator, fiscal_year);
      const char *texts[] = {
        kensho_indicator_get_name (indicator),
        rating ? kensho_rating_get_label (rating) : NULL,
        reason && *reason ? reason : _("No reason given."),
        kensho_indicator_get_division (indicator),
      };

      table_add_row (self, &self->delayed, texts, alignments, FALSE);
      colour_rating_cell (g_ptr_array_index (self->delayed.rows, self->delayed.rows->len - 1), 1, rating);
    }
}

/**
 * kensho_summary_page_paginate:
 * @context: the Pango context of the target, as for KenshoPrintLayout
 * @width: the printable width in points
 * @height: the height the pages may fill, in points
 * @font_size: the size of the sheet's text; the summary's is a little larger
 *
 * Takes a new overview of the sheet and lays out its pages.
 */
guint
kensho_summary_page_paginate (KenshoSummaryPage *self, PangoContext *context, double width, double height,
                              double font_size)
{
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autoptr(PangoFontDescription) subtitle_font = NULL;
  g_autoptr(PangoFontDescription) heading_font = NULL;
  g_autofree char *title = NULL;
  g_autofree char *delayed_heading = NULL;
  double size = font_size * TEXT_SCALE;

  g_return_val_if_fail (KENSHO_IS_SUMMARY_PAGE (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 0 && height > 0 && font_size > 0, 0);

  reset (self);
  self->overview = kensho_overview_new (self->sheet);
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->font = kensho_print_new_font (size, FALSE);
  self->bold_font = kensho_print_new_font (size, TRUE);
  title_font = kensho_print_new_font (size * 1.6, TRUE);
  subtitle_font = kensho_print_new_font (size * 1.2, FALSE);
  heading_font = kensho_print_new_font (size * 1.2, TRUE);

  title = kensho_sheet_dup_display_title (self->sheet);
  self->title = new_text (self, title, title_font, width, PANGO_ALIGN_CENTER);
  /* TRANSLATORS: under the sheet's title on the printed summary page */
  self->subtitle = new_text (self, _("Summary of the Ratings"), subtitle_font, width, PANGO_ALIGN_CENTER);
  self->counts_heading = new_text (self, _("Ratings per Basic Goal and Sub-Goal"), heading_font, width,
                                   PANGO_ALIGN_LEFT);
  delayed_heading = g_strdup_printf (_("Delayed Indicators (%u)"), kensho_overview_get_delayed (self->overview)->len);
  self->delayed_heading = new_text (self, delayed_heading, heading_font, width, PANGO_ALIGN_LEFT);
  self->no_delay = new_text (self, _("No indicator is delayed."), self->font, width, PANGO_ALIGN_LEFT);
  add_counts (self);
  add_delayed (self);
  self->chart_width = MIN (width, MAX_CHART_WIDTH);

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  start_page (self);
  begin_section (self, self->counts_heading, &self->counts);
  for (guint i = 0; i < self->counts.rows->len; i++)
    place_row (self, &self->counts, i);
  self->section_heading = NULL;
  self->section_table = NULL;
  place_chart (self);
  if (self->delayed.rows->len > 0)
    {
      begin_section (self, self->delayed_heading, &self->delayed);
      for (guint i = 0; i < self->delayed.rows->len; i++)
        place_row (self, &self->delayed, i);
    }
  else
    {
      begin_section (self, self->delayed_heading, NULL);
      place (self, (Block) { .kind = BLOCK_TEXT, .text = self->no_delay, .height = kensho_print_text_height (self->no_delay) });
    }
  self->page = NULL;
  self->section_heading = NULL;
  self->section_table = NULL;
  return self->pages->len;
}

guint
kensho_summary_page_get_n_pages (KenshoSummaryPage *self)
{
  g_return_val_if_fail (KENSHO_IS_SUMMARY_PAGE (self), 0);
  return self->pages ? self->pages->len : 0;
}

/* Drawing ---------------------------------------------------------------- */

static void
draw_cell_border (cairo_t *cr, const Table *table, guint column, double y, double height)
{
  cairo_rectangle (cr, table->x[column], y, table->x[column + 1] - table->x[column], height);
  cairo_stroke (cr);
}

static void
draw_table_header (cairo_t *cr, const Table *table, const Block *block)
{
  cairo_set_source_rgb (cr, 0.87, 0.89, 0.92);
  cairo_rectangle (cr, 0, block->y, table->x[table->n_columns], block->height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      kensho_print_show (cr, table->header[c], table->x[c] + PAD_X, block->y + (block->height - kensho_print_text_height (table->header[c])) / 2);
      draw_cell_border (cr, table, c, block->y, block->height);
    }
}

static void
draw_table_row (cairo_t *cr, const Table *table, const Block *block)
{
  const TableRow *row = g_ptr_array_index (table->rows, block->row);

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (row->cells[c] != NULL && c == table->long_column)
        kensho_print_show_lines (cr, row->cells[c], table->x[c] + PAD_X, block->y + PAD_Y, block->first, block->end);
      else if (row->cells[c] != NULL)
        kensho_print_show (cr, row->cells[c], table->x[c] + PAD_X, block->y + PAD_Y);
      draw_cell_border (cr, table, c, block->y, block->height);
    }
}

void
kensho_summary_page_draw_page (KenshoSummaryPage *self, cairo_t *cr, guint page_number)
{
  GArray *page;

  g_return_if_fail (KENSHO_IS_SUMMARY_PAGE (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL && page_number < self->pages->len);

  page = g_ptr_array_index (self->pages, page_number);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < page->len; i++)
    {
      const Block *block = &g_array_index (page, Block, i);

      switch (block->kind)
        {
        case BLOCK_TITLE:
          kensho_print_show (cr, self->title, 0, block->y);
          kensho_print_show (cr, self->subtitle, 0, block->y + kensho_print_text_height (self->title));
          break;
        case BLOCK_TEXT:
          kensho_print_show (cr, block->text, 0, block->y);
          break;
        case BLOCK_TABLE_HEADER:
          draw_table_header (cr, block->table, block);
          break;
        case BLOCK_TABLE_ROW:
          draw_table_row (cr, block->table, block);
          break;
        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, 0, block->y);
          cairo_scale (cr, block->scale, block->scale);
          kensho_overview_draw_chart (self->overview, cr, self->chart_width / block->scale,
                                      block->height / block->scale);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}
