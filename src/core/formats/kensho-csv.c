/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-csv.h"
#include "kensho-file-write.h"
#include "kensho-sheet-table.h"

/* "-12", "+3.5", "-1,486": a number a spreadsheet reads as one, not a
 * formula. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE, point = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point)
        point = TRUE;
      else if (*p != ',' || !digits || point)
        return FALSE;
    }
  return digits;
}

/* A spreadsheet runs a cell starting with one of these as a formula
 * (=HYPERLINK(...)); a leading ' keeps it text (OWASP CSV injection). */
static gboolean
needs_neutralising (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL &&
         !is_plain_number (text);
}

gboolean
kensho_csv_needs_neutralising (const char *text)
{
  return needs_neutralising (text);
}

/* Fields are always quoted: commentary holds commas, quotes and newlines. */
static void
append_field (GString *line, const char *text)
{
  if (line->len > 0 && line->str[line->len - 1] != '\n' && line->str[line->len - 1] != '\xBF')
    g_string_append_c (line, ',');
  g_string_append_c (line, '"');
  if (needs_neutralising (text))
    g_string_append_c (line, '\'');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
append_heading (GString *out, KenshoNode *node)
{
  g_autofree char *heading = node ? kensho_node_dup_heading (node) : NULL;

  append_field (out, heading);
}

GBytes *
kensho_csv_serialize (KenshoSheet *sheet)
{
  /* A row starts after the byte-order mark or a line end; a field itself
   * always ends with '"', so neither byte can end a field. */
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  int fy = kensho_sheet_get_fiscal_year (sheet);
  /* Only sheets with committee texts get their columns: others export as before. */
  gboolean committee = FALSE;

  for (guint i = 0; i < indicators->len && !committee; i++)
    committee = kensho_indicator_has_committee (g_ptr_array_index (indicators, i));

  for (KenshoHeading heading = KENSHO_HEADING_GOAL; heading <= KENSHO_HEADING_MEASURE; heading++)
    append_field (out, kensho_sheet_table_heading (heading));
  for (KenshoHeading heading = KENSHO_HEADING_KIND; heading <= KENSHO_HEADING_NEXT_STEPS; heading++)
    append_field (out, kensho_sheet_table_heading (heading));
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
    {
      g_autofree char *title = kensho_sheet_dup_column_title (sheet, column);

      append_field (out, title);
    }
  for (KenshoHeading heading = KENSHO_HEADING_PROGRESS; heading <= KENSHO_HEADING_DIVISION; heading++)
    append_field (out, kensho_sheet_table_heading (heading));
  if (committee)
    {
      append_field (out, _("Committee opinion"));
      append_field (out, _("Response"));
    }
  end_row (out);

  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      KenshoTableRow row;

      kensho_table_row_init (&row, sheet, indicator);
      append_heading (out, row.goal);
      append_heading (out, row.subgoal);
      append_heading (out, row.measure);
      append_field (out, row.is_target ? kensho_sheet_table_heading (KENSHO_HEADING_TARGET) : _("KPI"));
      append_field (out, kensho_indicator_get_name (indicator));
      for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        append_field (out, kensho_indicator_get_commentary (indicator, fy, part));
      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          g_autofree char *cell = kensho_indicator_format_column (indicator, column, fy);

          append_field (out, cell);
        }
      append_field (out, row.progress);
      /* Empty where the printed sheet has "-": data, not decoration. */
      append_field (out, row.delay_reason);
      append_field (out, kensho_indicator_get_division (indicator));
      for (KenshoCommitteePart part = 0; committee && part <= KENSHO_COMMITTEE_RESPONSE; part++)
        append_field (out, kensho_indicator_get_committee (indicator, fy, part));
      end_row (out);
    }
  return g_string_free_to_bytes (out);
}

gboolean
kensho_csv_save_file (KenshoSheet *sheet, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = kensho_csv_serialize (sheet);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return kensho_write_file_atomically (path, data, size, error);
}

/* For other tables written the same way (the report of a merge). */
void
kensho_csv_append_field (GString *line, const char *text)
{
  append_field (line, text);
}

void
kensho_csv_end_row (GString *out)
{
  end_row (out);
}
