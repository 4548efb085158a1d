/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "kensho-csv.h"
#include "kensho-era.h"
#include "kensho-error.h"
#include "kensho-open-data.h"
#include "kensho-file-write.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"
#include "kensho-xlsx-export.h"

enum
{
  COL_GOAL, COL_SUBGOAL, COL_TARGET_NAME, COL_MEASURE, COL_KPI, COL_COMMENTARY,
  COL_BASELINE, /* … the five value columns … */
  COL_RATING = COL_BASELINE + KENSHO_N_COLUMNS, COL_REASON, COL_DIVISION,
  COL_DIRECTION, /* hidden: read back by the import, never printed */
  N_COLS,
  /* Only when the sheet has committee texts. */
  COL_OPINION = N_COLS, COL_RESPONSE,
};

#define HEADING_ROW 3
#define FIRST_DATA_ROW 5

typedef struct
{
  KenshoSheet *sheet;
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *text;
  lxw_format *heading;
  GHashTable *formats; /* number format or colour → lxw_format, owned by the workbook */
  int fiscal_year;
  gboolean committee;
} Export;

static lxw_format *
new_cell_format (Export *self)
{
  lxw_format *format = workbook_add_format (self->workbook);

  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (format, LXW_BORDER_THIN);
  return format;
}

/* "#,##0.0\"%\"": the figure's decimals as written, its unit as a literal,
 * so that Excel computes with the number and shows it as Kensho does. */
static lxw_format *
number_format (Export *self, const KenshoValue *value)
{
  const char *point = strchr (value->number, '.');
  g_autoptr(GString) code = g_string_new ("#,##0");
  lxw_format *format;

  if (point != NULL)
    {
      g_string_append_c (code, '.');
      for (const char *p = point + 1; *p; p++)
        g_string_append_c (code, '0');
    }
  if (kensho_str_or_null (value->unit) != NULL)
    g_string_append_printf (code, "\"%s\"", value->unit);
  format = g_hash_table_lookup (self->formats, code->str);
  if (format == NULL)
    {
      format = new_cell_format (self);
      format_set_num_format (format, code->str);
      g_hash_table_insert (self->formats, g_strdup (code->str), format);
    }
  return format;
}

static lxw_format *
rating_format (Export *self, KenshoRating *rating)
{
  const char *colour = kensho_rating_get_colour (rating);
  lxw_format *format;

  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return self->text;
  format = g_hash_table_lookup (self->formats, colour);
  if (format == NULL)
    {
      format = new_cell_format (self);
      format_set_font_color (format, (lxw_color_t) g_ascii_strtoull (colour + 1, NULL, 16));
      format_set_bold (format);
      g_hash_table_insert (self->formats, g_strdup (colour), format);
    }
  return format;
}

static void
write_text (Export *self, lxw_row_t row, lxw_col_t column, const char *text, lxw_format *format)
{
  if (text != NULL && *text != '\0')
    worksheet_write_string (self->worksheet, row, column, text, format ? format : self->text);
  else
    worksheet_write_blank (self->worksheet, row, column, format ? format : self->text);
}

static void
write_value (Export *self, lxw_row_t row, KenshoIndicator *indicator, KenshoColumn column)
{
  lxw_col_t col = (lxw_col_t) (COL_BASELINE + column);

  if (kensho_indicator_get_n_series (indicator) == 1 &&
      kensho_str_or_null (kensho_series_get_name (kensho_indicator_get_series (indicator, 0))) == NULL)
    {
      const KenshoValue *value = kensho_series_get_column (kensho_indicator_get_series (indicator, 0),
                                                           column, self->fiscal_year);

      if (value != NULL && value->number != NULL && kensho_str_or_null (value->period) == NULL &&
          kensho_str_or_null (value->note) == NULL &&
          (value->unit == NULL || strchr (value->unit, '"') == NULL))
        {
          worksheet_write_number (self->worksheet, row, col, g_ascii_strtod (value->number, NULL),
                                  number_format (self, value));
          return;
        }
    }
  {
    g_autofree char *text = kensho_indicator_format_column_lines (indicator, column, self->fiscal_year);

    write_text (self, row, col, text, NULL);
  }
}

static void
write_indicator (Export *self, lxw_row_t row, KenshoIndicator *indicator)
{
  const char *rating_id = kensho_indicator_get_rating_id (indicator, self->fiscal_year);
  KenshoRating *rating = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet),
                                                                 rating_id) : NULL;
  const char *reason = kensho_indicator_get_delay_reason (indicator, self->fiscal_year);
  g_autoptr(GString) commentary = g_string_new (NULL);
  static const char *marks[] = { "①", "②", "③" };

  for (guint c = COL_GOAL; c < N_COLS; c++)
    worksheet_write_blank (self->worksheet, row, (lxw_col_t) c, self->text);
  if (kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET)
    {
      write_text (self, row, COL_TARGET_NAME, kensho_indicator_get_name (indicator), NULL);
      write_text (self, row, COL_KPI, "-", NULL);
    }
  else
    write_text (self, row, COL_KPI, kensho_indicator_get_name (indicator), NULL);
  for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    {
      const char *text = kensho_indicator_get_commentary (indicator, self->fiscal_year, part);

      if (text == NULL)
        continue;
      if (commentary->len > 0)
        g_string_append_c (commentary, '\n');
      g_string_append_printf (commentary, "%s%s", marks[part], text);
    }
  write_text (self, row, COL_COMMENTARY, commentary->str, NULL);
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
    write_value (self, row, indicator, column);
  write_text (self, row, COL_RATING, rating ? kensho_rating_get_label (rating) : rating_id,
              rating ? rating_format (self, rating) : NULL);
  write_text (self, row, COL_REASON, reason ? reason : "-", NULL);
  write_text (self, row, COL_DIVISION, kensho_indicator_get_division (indicator), NULL);
  write_text (self, row, COL_DIRECTION,
              kensho_open_data_direction_label (kensho_indicator_get_direction (indicator)), NULL);
  for (KenshoCommitteePart part = 0; self->committee && part <= KENSHO_COMMITTEE_RESPONSE; part++)
    write_text (self, row, COL_OPINION + part, kensho_indicator_get_committee (indicator, self->fiscal_year, part),
                NULL);
}

/* Merges @column from @first to @last holding @node's heading. */
static void
write_group (Export *self, lxw_col_t column, lxw_row_t first, lxw_row_t last, KenshoNode *node)
{
  g_autofree char *heading = kensho_node_dup_heading (node);

  if (last > first)
    worksheet_merge_range (self->worksheet, first, column, last, column, heading, self->text);
  else
    write_text (self, first, column, heading, NULL);
}

/* Writes @node's indicators from @row on; returns the next free row. */
static lxw_row_t
write_node (Export *self, KenshoNode *node, lxw_row_t row)
{
  lxw_row_t first = row;

  if (KENSHO_IS_INDICATOR (node))
    {
      write_indicator (self, row, KENSHO_INDICATOR (node));
      return row + 1;
    }
  for (guint i = 0; i < kensho_node_get_n_children (node); i++)
    row = write_node (self, kensho_node_get_child (node, i), row);
  if (row == first)
    return row;
  switch (kensho_node_get_kind (node))
    {
    case KENSHO_NODE_GOAL: write_group (self, COL_GOAL, first, row - 1, node); break;
    case KENSHO_NODE_SUBGOAL: write_group (self, COL_SUBGOAL, first, row - 1, node); break;
    case KENSHO_NODE_MEASURE: write_group (self, COL_MEASURE, first, row - 1, node); break;
    default: break;
    }
  return row;
}

static char *
era_year (int year)
{
  return kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
}

static void
write_headings (Export *self)
{
  lxw_worksheet *ws = self->worksheet;
  g_autofree char *fy = era_year (self->fiscal_year);
  g_autofree char *previous = era_year (self->fiscal_year - 1);
  g_autofree char *baseline = era_year (kensho_sheet_get_baseline_year (self->sheet));
  g_autofree char *last = era_year (kensho_sheet_get_plan_last (self->sheet));
  g_autofree char *commentary = g_strdup_printf ("%s\n①主な取組・事業実施状況\n②課題\n③今後の方策等", fy);
  g_autofree char *baseline_heading = g_strdup_printf ("基準値\n(%s)", baseline);
  g_autofree char *previous_heading = g_strdup_printf ("%s\n実績値", previous);
  g_autofree char *actual_heading = g_strdup_printf ("%s\n実績値", fy);
  g_autofree char *target_heading = g_strdup_printf ("%s\n目標値", fy);
  g_autofree char *final_heading = g_strdup_printf ("計画最終年度\n目標値\n(%s)", last);
  const char *headings[N_COLS] = {
    "大基本目標", "小基本目標", "数値目標", NULL, "重要業績評価指標\n(KPI) 名称", commentary,
    baseline_heading, previous_heading, actual_heading, target_heading, final_heading,
    "進捗状況", "進捗が遅れている\n理由", "指標の担当課", "方向",
  };
  g_autofree char *title = kensho_sheet_dup_display_title (self->sheet);
  const char *label = kensho_sheet_get_label (self->sheet);
  const char *notes = kensho_sheet_get_notes (self->sheet);
  lxw_format *title_format = workbook_add_format (self->workbook);

  format_set_bold (title_format);
  format_set_font_size (title_format, 14);
  worksheet_write_string (ws, 0, 0, title, title_format);
  if (label != NULL)
    worksheet_write_string (ws, 0, COL_DIVISION, label, NULL);
  if (notes != NULL)
    worksheet_write_string (ws, 1, 0, notes, NULL);
  for (guint c = 0; c < N_COLS; c++)
    if (c != COL_MEASURE && c != COL_TARGET_NAME)
      worksheet_merge_range (ws, HEADING_ROW, (lxw_col_t) c, HEADING_ROW + 1, (lxw_col_t) c, headings[c], self->heading);
  worksheet_merge_range (ws, HEADING_ROW, COL_TARGET_NAME, HEADING_ROW, COL_MEASURE, "数値目標", self->heading);
  worksheet_write_string (ws, HEADING_ROW + 1, COL_TARGET_NAME, "数値目標", self->heading);
  worksheet_write_string (ws, HEADING_ROW + 1, COL_MEASURE, "具体的な施策", self->heading);
  if (self->committee)
    {
      worksheet_merge_range (ws, HEADING_ROW, COL_OPINION, HEADING_ROW + 1, COL_OPINION, "委員会意見", self->heading);
      worksheet_merge_range (ws, HEADING_ROW, COL_RESPONSE, HEADING_ROW + 1, COL_RESPONSE, "対応方針", self->heading);
    }
}

static void
write_layout (Export *self)
{
  static const double widths[N_COLS] = { 12, 14, 16, 16, 22, 50, 13, 13, 13, 13, 13, 12, 26, 14, 12 };
  lxw_worksheet *ws = self->worksheet;
  lxw_row_col_options hidden = { .hidden = LXW_TRUE };

  for (guint c = 0; c < N_COLS; c++)
    worksheet_set_column_opt (ws, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL,
                              c == COL_DIRECTION ? &hidden : NULL);
  if (self->committee)
    worksheet_set_column (ws, COL_OPINION, COL_RESPONSE, 30, NULL);
  write_headings (self);
  write_node (self, kensho_sheet_get_root (self->sheet), FIRST_DATA_ROW);
  /* A3 landscape, one page wide, the two heading rows on every page. */
  worksheet_set_paper (ws, 8);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, HEADING_ROW, HEADING_ROW + 1);
  worksheet_freeze_panes (ws, FIRST_DATA_ROW, 0);
}

static void
write_data (Export *self, lxw_worksheet *ws)
{
  g_autoptr(GPtrArray) rows = kensho_open_data_rows (self->sheet);

  guint n_columns = g_strv_length (g_ptr_array_index (rows, 0));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          if (*row[c] == '\0')
            continue;
          if (r > 0 && kensho_open_data_column_is_number (c))
            worksheet_write_number (ws, r, (lxw_col_t) c, g_ascii_strtod (row[c], NULL), NULL);
          else
            worksheet_write_string (ws, r, (lxw_col_t) c, row[c], NULL);
        }
    }
  worksheet_freeze_panes (ws, 1, 0);
  if (rows->len > 1)
    worksheet_autofilter (ws, 0, 0, rows->len - 1, n_columns - 1);
}

GBytes *
kensho_xlsx_export_bytes (KenshoSheet *sheet, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.xlsx-XXXXXX", dir, base);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  Export self = { sheet, NULL, NULL, NULL, NULL, formats, kensho_sheet_get_fiscal_year (sheet) };
  lxw_error status;
  gsize length;
  gboolean ok;
  int fd;

  /* The temporary file is in the same folder, so that a full or read-only
   * folder fails here, before anything is replaced. */
  fd = g_mkstemp (template);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  self.workbook = workbook_new (template);
  if (self.workbook == NULL)
    {
      g_unlink (template);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook could not be started."), path);
      return NULL;
    }
  self.text = new_cell_format (&self);
  self.heading = new_cell_format (&self);
  format_set_bold (self.heading);
  format_set_align (self.heading, LXW_ALIGN_CENTER);
  format_set_align (self.heading, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (self.heading, 0xE8EAF0);
  self.worksheet = workbook_add_worksheet (self.workbook, "効果検証シート");
  {
    g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

    for (guint i = 0; i < indicators->len; i++)
      self.committee |= kensho_indicator_has_committee (g_ptr_array_index (indicators, i));
  }
  write_layout (&self);
  write_data (&self, workbook_add_worksheet (self.workbook, "データ"));
  status = workbook_close (self.workbook);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (template);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook could not be written (%s)."),
                   path, lxw_strerror (status));
      return NULL;
    }
  ok = g_file_get_contents (template, &contents, &length, &read_error);
  g_unlink (template);
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&read_error), "%s: ", path);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
kensho_xlsx_export_file (KenshoSheet *sheet, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = kensho_xlsx_export_bytes (sheet, path, error);
  gsize length;
  const char *contents;

  if (bytes == NULL)
    return FALSE;
  contents = g_bytes_get_data (bytes, &length);
  return kensho_write_file_atomically (path, contents, length, error);
}
