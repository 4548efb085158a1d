/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-achievement.h"
#include "kensho-csv.h"
#include "kensho-error.h"
#include "kensho-open-data.h"
#include "kensho-file-write.h"
#include "kensho-sheet-xml.h"

static const char *headings[KENSHO_OPEN_DATA_COMMITTEE_RESPONSE + 1] = {
  "指標ID", "大基本目標", "小基本目標", "具体的な施策", "指標名", "種別", "方向", "担当課", "系列",
  "値の種類", "年度", "数値", "単位", "文字の値", "時点", "注記", "進捗状況", "達成率(%)",
  "委員会意見", "対応方針",
};

gboolean
kensho_open_data_column_is_number (KenshoOpenDataColumn column)
{
  return column == KENSHO_OPEN_DATA_FISCAL_YEAR || column == KENSHO_OPEN_DATA_NUMBER ||
         column == KENSHO_OPEN_DATA_ACHIEVEMENT;
}

static char *
heading_of (KenshoNode *node, KenshoNodeKind kind)
{
  KenshoNode *ancestor = kensho_node_get_ancestor_of_kind (node, kind);

  return ancestor ? kensho_node_dup_heading (ancestor) : g_strdup ("");
}

static const char *direction_labels[] = {
  [KENSHO_DIRECTION_HIGHER] = "高いほど良い",
  [KENSHO_DIRECTION_LOWER] = "低いほど良い",
  [KENSHO_DIRECTION_LEVEL] = "水準維持",
};

const char *
kensho_open_data_direction_label (KenshoDirection direction)
{
  return direction < G_N_ELEMENTS (direction_labels) ? direction_labels[direction]
                                                     : direction_labels[KENSHO_DIRECTION_HIGHER];
}

gboolean
kensho_open_data_direction_from_label (const char *label, KenshoDirection *direction)
{
  for (guint i = 0; i < G_N_ELEMENTS (direction_labels); i++)
    if (g_strcmp0 (label, direction_labels[i]) == 0)
      {
        *direction = (KenshoDirection) i;
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  KenshoSheet *sheet;
  KenshoIndicator *indicator;
  const char *series_name;
  const KenshoSeriesAchievement *achievement;
  GPtrArray *rows;
  guint n_columns;
} Rows;

static void
add_row (Rows *self, const char *value_kind, int fiscal_year, const KenshoValue *value, gboolean this_year)
{
  char **row = g_new0 (char *, self->n_columns + 1);
  KenshoNode *node = KENSHO_NODE (self->indicator);
  int fy = kensho_sheet_get_fiscal_year (self->sheet);

  if (value == NULL || kensho_value_is_empty (value))
    {
      g_free (row);
      return;
    }
  row[KENSHO_OPEN_DATA_ID] = g_strdup (kensho_node_get_id (node));
  row[KENSHO_OPEN_DATA_GOAL] = heading_of (node, KENSHO_NODE_GOAL);
  row[KENSHO_OPEN_DATA_SUBGOAL] = heading_of (node, KENSHO_NODE_SUBGOAL);
  row[KENSHO_OPEN_DATA_MEASURE] = heading_of (node, KENSHO_NODE_MEASURE);
  row[KENSHO_OPEN_DATA_NAME] = g_strdup (kensho_indicator_get_name (self->indicator));
  row[KENSHO_OPEN_DATA_KIND] = g_strdup (kensho_indicator_get_indicator_kind (self->indicator) == KENSHO_INDICATOR_TARGET
                                         ? "数値目標" : "KPI");
  row[KENSHO_OPEN_DATA_DIRECTION] = g_strdup (kensho_open_data_direction_label (kensho_indicator_get_direction (self->indicator)));
  row[KENSHO_OPEN_DATA_DIVISION] = g_strdup (kensho_indicator_get_division (self->indicator));
  row[KENSHO_OPEN_DATA_SERIES] = g_strdup (self->series_name);
  row[KENSHO_OPEN_DATA_VALUE_KIND] = g_strdup (value_kind);
  row[KENSHO_OPEN_DATA_FISCAL_YEAR] = fiscal_year > 0 ? g_strdup_printf ("%d", fiscal_year) : NULL;
  row[KENSHO_OPEN_DATA_NUMBER] = g_strdup (value->number);
  row[KENSHO_OPEN_DATA_UNIT] = g_strdup (value->unit);
  row[KENSHO_OPEN_DATA_TEXT] = g_strdup (value->text);
  row[KENSHO_OPEN_DATA_PERIOD] = g_strdup (value->period);
  row[KENSHO_OPEN_DATA_NOTE] = g_strdup (value->note);
  /* The rating and achievement are of this year's actual. */
  if (this_year)
    {
      const char *rating_id = kensho_indicator_get_rating_id (self->indicator, fy);
      KenshoRating *rating = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet),
                                                                     rating_id) : NULL;

      row[KENSHO_OPEN_DATA_RATING] = g_strdup (rating ? kensho_rating_get_label (rating) : rating_id);
      if (self->achievement != NULL && self->achievement->year.computable)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          row[KENSHO_OPEN_DATA_ACHIEVEMENT] = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                                                         self->achievement->year.rate * 100));
        }
    }
  for (KenshoCommitteePart part = 0; self->n_columns > KENSHO_OPEN_DATA_N_COLUMNS &&
                                     part <= KENSHO_COMMITTEE_RESPONSE; part++)
    row[KENSHO_OPEN_DATA_COMMITTEE_OPINION + part] =
      g_strdup (kensho_indicator_get_committee (self->indicator, fiscal_year, part));
  for (guint i = 0; i < self->n_columns; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");
  g_ptr_array_add (self->rows, row);
}

GPtrArray *
kensho_open_data_rows (KenshoSheet *sheet)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  int fy = kensho_sheet_get_fiscal_year (sheet);
  /* Sheets without committee texts export as before. */
  guint n_columns = KENSHO_OPEN_DATA_N_COLUMNS;
  char **heading_row;

  for (guint i = 0; i < indicators->len; i++)
    if (kensho_indicator_has_committee (g_ptr_array_index (indicators, i)))
      n_columns = KENSHO_OPEN_DATA_COMMITTEE_RESPONSE + 1;
  heading_row = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    heading_row[c] = g_strdup (headings[c]);
  g_ptr_array_add (rows, heading_row);
  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autoptr(GPtrArray) achievements = kensho_indicator_compute_achievement (indicator, sheet);

      for (guint s = 0; s < kensho_indicator_get_n_series (indicator); s++)
        {
          KenshoSeries *series = kensho_indicator_get_series (indicator, s);
          g_autoptr(GArray) actual_years = kensho_series_dup_actual_years (series);
          g_autoptr(GArray) target_years = kensho_series_dup_target_years (series);
          Rows self = { sheet, indicator, kensho_series_get_name (series),
                        achievements && s < achievements->len ? g_ptr_array_index (achievements, s) : NULL,
                        rows, n_columns };

          add_row (&self, "基準値", kensho_sheet_get_baseline_year (sheet), kensho_series_get_baseline (series), FALSE);
          for (guint y = 0; y < actual_years->len; y++)
            {
              int year = g_array_index (actual_years, int, y);

              add_row (&self, "実績値", year, kensho_series_get_actual (series, year), year == fy);
            }
          for (guint y = 0; y < target_years->len; y++)
            {
              int year = g_array_index (target_years, int, y);

              add_row (&self, "目標値", year, kensho_series_get_target (series, year), FALSE);
            }
          add_row (&self, "最終目標値", kensho_sheet_get_plan_last (sheet), kensho_series_get_final (series), FALSE);
        }
    }
  return rows;
}

/* Numbers bare, texts quoted (commentary-free, but names hold commas). */
static void
append_row (GString *out, char **row)
{
  for (guint c = 0; row[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      if (kensho_open_data_column_is_number (c) && *row[c] != '\0')
        {
          g_string_append (out, row[c]);
          continue;
        }
      g_string_append_c (out, '"');
      if (kensho_csv_needs_neutralising (row[c]))
        g_string_append_c (out, '\'');
      for (const char *p = row[c]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

GBytes *
kensho_open_data_serialize_csv (KenshoSheet *sheet, const char *encoding, GError **error)
{
  g_autoptr(GPtrArray) rows = kensho_open_data_rows (sheet);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean cp932 = encoding != NULL && (g_ascii_strcasecmp (encoding, "cp932") == 0 ||
                                        g_ascii_strcasecmp (encoding, "shift_jis") == 0 ||
                                        g_ascii_strcasecmp (encoding, "sjis") == 0);
  g_autoptr(GError) convert_error = NULL;
  g_autofree char *converted = NULL;
  gsize length;

  if (!cp932 && encoding != NULL && g_ascii_strcasecmp (encoding, "utf-8") != 0 &&
      g_ascii_strcasecmp (encoding, "utf8") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The encoding must be utf-8 or cp932, not “%s”."), encoding);
      return NULL;
    }
  if (!cp932)
    g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < rows->len; i++)
    append_row (out, g_ptr_array_index (rows, i));
  if (!cp932)
    return g_string_free_to_bytes (g_steal_pointer (&out));
  converted = g_convert (out->str, (gssize) out->len, "CP932", "UTF-8", NULL, &length, &convert_error);
  if (converted == NULL)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                   _("The sheet holds characters that CP932 (Shift_JIS) cannot hold; write it as UTF-8 instead."));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&converted), length);
}

gboolean
kensho_open_data_save_csv (KenshoSheet *sheet, const char *path, const char *encoding, GError **error)
{
  g_autoptr(GBytes) bytes = kensho_open_data_serialize_csv (sheet, encoding, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return kensho_write_file_atomically (path, data, size, error);
}
