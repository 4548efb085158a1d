/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kensho-board.h"
#include "kensho-handout.h"
#include "kensho-util.h"

void
kensho_board_row_free (KenshoBoardRow *row)
{
  if (row == NULL)
    return;
  g_free (row->division);
  g_free (row->empty);
  g_free (row->due);
  g_free (row->answer_path);
  g_free (row);
}

/* Nothing of the answer written for the year: no part, rating or actual. */
static gboolean
is_empty (KenshoIndicator *indicator, int fiscal_year)
{
  guint n = kensho_indicator_get_n_series (indicator);

  for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    if (kensho_str_or_null (kensho_indicator_get_commentary (indicator, fiscal_year, part)) != NULL)
      return FALSE;
  if (kensho_str_or_null (kensho_indicator_get_rating_id (indicator, fiscal_year)) != NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (kensho_series_get_actual (kensho_indicator_get_series (indicator, i), fiscal_year) != NULL)
      return FALSE;
  return TRUE;
}

char *
kensho_board_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

GPtrArray *
kensho_board_build (KenshoSheet *sheet, GPtrArray *records, const char *today)
{
  g_auto(GStrv) divisions = kensho_handout_dup_divisions (sheet);
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_board_row_free);
  int year = kensho_sheet_get_fiscal_year (sheet);

  for (guint d = 0; divisions[d] != NULL; d++)
    {
      KenshoBoardRow *row = g_new0 (KenshoBoardRow, 1);
      g_autoptr(GString) empty = g_string_new (NULL);

      row->division = g_strdup (divisions[d]);
      for (guint i = 0; i < indicators->len; i++)
        {
          KenshoIndicator *indicator = indicators->pdata[i];

          if (g_strcmp0 (kensho_indicator_get_division (indicator), divisions[d]) != 0)
            continue;
          row->n_indicators++;
          if (!is_empty (indicator, year))
            continue;
          row->n_empty++;
          if (empty->len > 0)
            g_string_append (empty, "、");
          g_string_append (empty, kensho_indicator_get_name (indicator));
        }
      row->empty = g_string_free (g_steal_pointer (&empty), FALSE);
      /* The latest hand-out to the division counts. */
      for (guint r = 0; records != NULL && r < records->len; r++)
        {
          KenshoHandoutRecord *record = records->pdata[r];

          if (g_strcmp0 (record->division, divisions[d]) != 0)
            continue;
          row->sent = TRUE;
          row->sent_at = record->sent;
          row->due = g_strdup (record->due);
          row->answered = record->answer_id != 0;
          row->received_at = record->received;
          row->answer_path = g_strdup (record->answer_path);
          row->merged = record->merged;
          row->conflicts = record->merged ? 0 : record->conflicts;
          row->overdue = !row->answered && record->due != NULL && today != NULL &&
                         g_strcmp0 (record->due, today) < 0;
          break;
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

void
kensho_board_row_dup_lines (KenshoBoardRow *row, char **status, char **empty)
{
  g_autofree char *sent = row->sent ? format_time (row->sent_at) : g_strdup (_("not sent"));
  g_autofree char *answered = NULL;
  const char *state;
  GString *line = g_string_new (NULL);

  if (!row->answered)
    answered = g_strdup (row->overdue ? _("overdue") : _("no answer"));
  else
    {
      g_autofree char *when = format_time (row->received_at);
      g_autofree char *file = row->answer_path ? g_path_get_basename (row->answer_path) : g_strdup ("");

      /* TRANSLATORS: when an answer came, and its file. */
      answered = g_strdup_printf (_("answered %s (%s)"), when, file);
    }
  if (row->merged)
    state = _("merged");
  else if (row->conflicts > 0)
    state = _("conflicts open");
  else
    state = "";
  /* TRANSLATORS: division, indicators, when sent, due, answer, state, conflicts. */
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%s: %u indicator; sent: %s; due: %s; %s; %s",
                                             "%s: %u indicators; sent: %s; due: %s; %s; %s", row->n_indicators),
                          row->division, row->n_indicators, sent, row->due ? row->due : "—", answered, state);
  if (row->conflicts > 0)
    g_string_append_printf (line, " (%u)", row->conflicts);
  *status = g_string_free (line, FALSE);
  /* TRANSLATORS: the indicators of a division with nothing written yet. */
  *empty = row->n_empty > 0 ? g_strdup_printf (_("still empty (%u): %s"), row->n_empty, row->empty) : NULL;
}

char *
kensho_board_format (KenshoSheet *sheet, GPtrArray *rows)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = kensho_sheet_dup_display_title (sheet);

  g_string_append_printf (out, "%s\n", title);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *status = NULL;
      g_autofree char *empty = NULL;

      kensho_board_row_dup_lines (rows->pdata[i], &status, &empty);
      g_string_append_printf (out, "%s\n", status);
      if (empty != NULL)
        g_string_append_printf (out, "  %s\n", empty);
    }
  return g_string_free (out, FALSE);
}

/* The board on one page: the text is made smaller until it fits, as a list
 * of 20–30 divisions is meant to be one sheet of paper. Returns the size
 * used, in points. */
double
kensho_board_draw (KenshoSheet *sheet, GPtrArray *rows, cairo_t *cr, double width, double height)
{
  g_autofree char *text = kensho_board_format (sheet, rows);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  double size = 11;
  int text_width, text_height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (;; size -= 0.5)
    {
      pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
      pango_layout_get_size (layout, &text_width, &text_height);
      if ((double) text_height / PANGO_SCALE <= height || size <= 4)
        break;
    }
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  return size;
}
