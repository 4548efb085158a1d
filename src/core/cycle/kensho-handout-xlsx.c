/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "kensho-csv.h"
#include "kensho-handout-xlsx.h"

/* The columns of the form; A holds the indicator's id, hidden. */
enum
{
  COL_ID, COL_HEADING, COL_NAME, COL_UNIT, COL_SERIES, COL_BASELINE, COL_PREVIOUS, COL_ACTUAL, COL_TARGET,
  COL_FINAL, COL_ACTIVITIES, COL_ISSUES, COL_NEXT_STEPS, COL_RATING, COL_REASON, N_COLS
};

#define HEADER_ROW 6
/* A cell holds at most 32,767 characters. */
#define BASE_CHUNK 32000

typedef struct
{
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *locked;
  lxw_format *answer;
  lxw_format *heading;
  lxw_format *title;
  char **ratings; /* the scale's labels, NULL-terminated, for the drop-down */
} Form;

static void
write_text (Form *form, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  if (text != NULL && *text != '\0')
    worksheet_write_string (form->sheet, row, col, text, format);
  else
    worksheet_write_blank (form->sheet, row, col, format);
}

static void
write_value (Form *form, lxw_row_t row, lxw_col_t col, const KenshoValue *value, lxw_format *format)
{
  g_autofree char *text = value ? kensho_value_format (value) : NULL;

  write_text (form, row, col, text, format);
}

static lxw_row_t
write_indicator (Form *form, KenshoSheet *sheet, KenshoIndicator *indicator, lxw_row_t row)
{
  int fy = kensho_sheet_get_fiscal_year (sheet);
  guint n = kensho_indicator_get_n_series (indicator);
  g_autofree char *heading = kensho_node_dup_heading (kensho_node_get_parent (KENSHO_NODE (indicator)));
  const char *rating_id = kensho_indicator_get_rating_id (indicator, fy);
  KenshoRating *rating = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (sheet), rating_id)
                                   : NULL;

  for (guint s = 0; s < n; s++, row++)
    {
      KenshoSeries *series = kensho_indicator_get_series (indicator, s);
      /* What is written once per indicator goes on its first row. */
      lxw_format *once = s == 0 ? form->answer : form->locked;

      write_text (form, row, COL_ID, kensho_node_get_id (KENSHO_NODE (indicator)), form->locked);
      write_text (form, row, COL_HEADING, heading, form->locked);
      write_text (form, row, COL_NAME, kensho_indicator_get_name (indicator), form->locked);
      write_text (form, row, COL_UNIT, kensho_indicator_get_unit (indicator), form->locked);
      write_text (form, row, COL_SERIES, kensho_series_get_name (series), form->locked);
      write_value (form, row, COL_BASELINE, kensho_series_get_baseline (series), form->locked);
      write_value (form, row, COL_PREVIOUS, kensho_series_get_actual (series, fy - 1), form->locked);
      write_value (form, row, COL_ACTUAL, kensho_series_get_actual (series, fy), form->answer);
      write_value (form, row, COL_TARGET, kensho_series_get_target (series, fy), form->locked);
      write_value (form, row, COL_FINAL, kensho_series_get_final (series), form->locked);
      for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        write_text (form, row, COL_ACTIVITIES + part,
                    s == 0 ? kensho_indicator_get_commentary (indicator, fy, part) : NULL, once);
      write_text (form, row, COL_RATING, s == 0 && rating ? kensho_rating_get_label (rating) : NULL, once);
      write_text (form, row, COL_REASON, s == 0 ? kensho_indicator_get_delay_reason (indicator, fy) : NULL, once);
      if (s == 0 && form->ratings[0] != NULL)
        {
          lxw_data_validation validation = {
            .validate = LXW_VALIDATION_TYPE_LIST,
            .value_list = form->ratings,
            .ignore_blank = LXW_VALIDATION_ON,
          };

          worksheet_data_validation_cell (form->sheet, row, COL_RATING, &validation);
        }
    }
  return row;
}

static void
write_header (Form *form, KenshoSheet *handout)
{
  const KenshoHandoutTag *tag = kensho_sheet_get_handout (handout);
  g_autofree char *title = kensho_sheet_dup_display_title (handout);
  g_autofree char *division = g_strdup_printf (_("Division: %s"), tag->division);
  g_autofree char *due = g_strdup_printf (_("Due: %s"), tag->due ? tag->due : "—");
  g_autofree char *contact = g_strdup_printf (_("Contact: %s"), tag->contact ? tag->contact : "—");
  g_autofree char *how = g_strdup (_("Write in the yellow cells only; choose the rating from the list."));
  g_autofree char *previous = kensho_sheet_dup_column_title (handout, KENSHO_COLUMN_PREVIOUS_ACTUAL);
  g_autofree char *actual = kensho_sheet_dup_column_title (handout, KENSHO_COLUMN_ACTUAL);
  g_autofree char *target = kensho_sheet_dup_column_title (handout, KENSHO_COLUMN_TARGET);
  g_autofree char *baseline = kensho_sheet_dup_column_title (handout, KENSHO_COLUMN_BASELINE);
  g_autofree char *final = kensho_sheet_dup_column_title (handout, KENSHO_COLUMN_FINAL_TARGET);
  const char *headers[N_COLS] = {
    "id", _("Goal or measure"), _("Indicator"), _("Unit"), _("Series"), baseline, previous, actual, target,
    final, _("①Activities"), _("②Issues"), _("③Next steps"), _("Rating"), _("Reason for delay"),
  };

  write_text (form, 0, COL_HEADING, title, form->title);
  write_text (form, 1, COL_HEADING, division, form->heading);
  write_text (form, 2, COL_HEADING, due, form->heading);
  write_text (form, 3, COL_HEADING, contact, form->heading);
  write_text (form, 4, COL_HEADING, how, NULL);
  for (int col = 0; col < N_COLS; col++)
    write_text (form, HEADER_ROW, (lxw_col_t) col, headers[col], form->heading);
}

/* The ids and the base, for reading the answer back. */
static void
write_hidden (lxw_workbook *book, KenshoSheet *handout)
{
  const KenshoHandoutTag *tag = kensho_sheet_get_handout (handout);
  lxw_worksheet *hidden = workbook_add_worksheet (book, "kensho");
  g_autofree char *year = g_strdup_printf ("%d", kensho_sheet_get_fiscal_year (handout));
  g_autofree char *base = tag->base ? g_base64_encode (g_bytes_get_data (tag->base, NULL),
                                                       g_bytes_get_size (tag->base)) : g_strdup ("");
  gsize length = strlen (base);
  const char *keys[] = { "handout", "sheet", "division", "fiscal-year" };
  const char *values[] = { tag->id, tag->sheet_key, tag->division, year };

  for (lxw_row_t row = 0; row < G_N_ELEMENTS (keys); row++)
    {
      worksheet_write_string (hidden, row, 0, keys[row], NULL);
      worksheet_write_string (hidden, row, 1, values[row], NULL);
    }
  worksheet_write_string (hidden, 4, 0, "base", NULL);
  for (gsize offset = 0, row = 4; offset < length; offset += BASE_CHUNK, row++)
    {
      g_autofree char *chunk = g_strndup (base + offset, BASE_CHUNK);

      worksheet_write_string (hidden, (lxw_row_t) row, 1, chunk, NULL);
    }
  worksheet_protect (hidden, NULL, NULL);
  worksheet_hide (hidden);
}

static char **
dup_rating_labels (KenshoSheet *sheet)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (sheet);
  guint n = kensho_rating_scale_get_n_ratings (scale);
  char **labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = g_strdup (kensho_rating_get_label (kensho_rating_scale_get_rating (scale, i)));
  return labels;
}

gboolean
kensho_handout_save_xlsx (KenshoSheet *handout, const char *path, GError **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) ratings = NULL;
  lxw_protection protection = { .format_columns = 1, .format_rows = 1 };
  lxw_row_col_options hidden_column = { .hidden = 1 };
  Form form = { 0 };
  lxw_error result;
  const char *division;
  lxw_row_t row = HEADER_ROW + 1;
  int fd;

  g_return_val_if_fail (kensho_sheet_get_handout (handout) != NULL, FALSE);

  /* Written beside the path, then renamed over it: nothing half-written. */
  temporary = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (temporary);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("%s cannot be written: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  ratings = dup_rating_labels (handout);
  form.ratings = ratings;
  form.book = workbook_new (temporary);
  if (form.book == NULL)
    {
      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written."), path);
      return FALSE;
    }
  /* A worksheet's name has at most 31 characters and none of []:*?/\. */
  division = kensho_sheet_get_handout (handout)->division;
  /* g_utf8_substring() reads past a shorter string's end. */
  name = g_utf8_substring (division, 0, MIN (g_utf8_strlen (division, -1), 31));
  g_strdelimit (name, "[]:*?/\\", '_');
  form.sheet = workbook_add_worksheet (form.book, name);
  if (form.sheet == NULL)
    form.sheet = workbook_add_worksheet (form.book, NULL);
  form.locked = workbook_add_format (form.book);
  format_set_text_wrap (form.locked);
  format_set_align (form.locked, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (form.locked, LXW_BORDER_THIN);
  form.answer = workbook_add_format (form.book);
  format_set_unlocked (form.answer);
  format_set_text_wrap (form.answer);
  format_set_align (form.answer, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (form.answer, LXW_BORDER_THIN);
  format_set_bg_color (form.answer, 0xFFF9C4);
  form.heading = workbook_add_format (form.book);
  format_set_bold (form.heading);
  form.title = workbook_add_format (form.book);
  format_set_bold (form.title);
  format_set_font_size (form.title, 14);

  write_header (&form, handout);
  indicators = kensho_sheet_dup_indicators (handout);
  for (guint i = 0; i < indicators->len; i++)
    row = write_indicator (&form, handout, indicators->pdata[i], row);
  worksheet_set_column_opt (form.sheet, COL_ID, COL_ID, 8, NULL, &hidden_column);
  worksheet_set_column (form.sheet, COL_HEADING, COL_NAME, 24, NULL);
  worksheet_set_column (form.sheet, COL_UNIT, COL_FINAL, 12, NULL);
  worksheet_set_column (form.sheet, COL_ACTIVITIES, COL_NEXT_STEPS, 36, NULL);
  worksheet_set_column (form.sheet, COL_RATING, COL_RATING, 16, NULL);
  worksheet_set_column (form.sheet, COL_REASON, COL_REASON, 36, NULL);
  worksheet_freeze_panes (form.sheet, HEADER_ROW + 1, COL_UNIT);
  worksheet_protect (form.sheet, NULL, &protection);
  worksheet_activate (form.sheet);
  write_hidden (form.book, handout);

  result = workbook_close (form.book);
  if (result != LXW_NO_ERROR)
    {
      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written: %s"), path, lxw_strerror (result));
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("%s cannot be written: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
