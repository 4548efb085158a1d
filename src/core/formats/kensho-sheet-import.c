/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-csv.h"
#include "kensho-csv-reader.h"
#include "kensho-error.h"
#include "kensho-era.h"
#include "kensho-ods-reader.h"
#include "kensho-open-data.h"
#include "kensho-sheet-import.h"
#include "kensho-util.h"
#include "kensho-xlsx-reader.h"

void
kensho_import_problem_free (KenshoImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/* "FILE:ROW:COLUMN: message", COLUMN as a letter ("E"), as the spreadsheet
 * shows it; "FILE:ROW: message" for a whole row. */
char *
kensho_import_problem_format (const KenshoImportProblem *problem, const char *path)
{
  g_autofree char *column = NULL;

  if (problem->column == 0)
    return g_strdup_printf ("%s:%u: %s", path, problem->row, problem->message);
  column = kensho_cell_grid_column_name (problem->column - 1);
  return g_strdup_printf ("%s:%u:%s: %s", path, problem->row, column, problem->message);
}

GBytes *
kensho_import_problems_to_csv (GPtrArray *problems, const char *sheet_name)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  kensho_csv_append_field (out, _("Worksheet"));
  kensho_csv_append_field (out, _("Row"));
  kensho_csv_append_field (out, _("Column"));
  kensho_csv_append_field (out, _("Problem"));
  kensho_csv_end_row (out);
  for (guint i = 0; i < problems->len; i++)
    {
      const KenshoImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *row = g_strdup_printf ("%u", problem->row);
      g_autofree char *column = problem->column > 0 ? kensho_cell_grid_column_name (problem->column - 1) : NULL;

      kensho_csv_append_field (out, sheet_name);
      kensho_csv_append_field (out, row);
      kensho_csv_append_field (out, column);
      kensho_csv_append_field (out, problem->message);
      kensho_csv_end_row (out);
    }
  return g_string_free_to_bytes (out);
}

static void
add_problem (GPtrArray *problems, guint row, guint column, const char *format, ...) G_GNUC_PRINTF (4, 5);

/* @row and @column count from 0 here; G_MAXUINT column: the whole row. */
static void
add_problem (GPtrArray *problems, guint row, guint column, const char *format, ...)
{
  KenshoImportProblem *problem;
  va_list args;

  if (problems == NULL)
    return;
  problem = g_new0 (KenshoImportProblem, 1);
  problem->row = row + 1;
  problem->column = column == G_MAXUINT ? 0 : column + 1;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

static const struct
{
  const char *id;
  const char *label;
} field_names[KENSHO_N_IMPORT_FIELDS] = {
  [KENSHO_IMPORT_IGNORE] = { "ignore", N_("(not imported)") },
  [KENSHO_IMPORT_GOAL] = { "goal", N_("Basic goal") },
  [KENSHO_IMPORT_SUBGOAL] = { "subgoal", N_("Sub-goal") },
  [KENSHO_IMPORT_TARGET_NAME] = { "target-name", N_("Numerical target") },
  [KENSHO_IMPORT_MEASURE] = { "measure", N_("Measure") },
  [KENSHO_IMPORT_KPI_NAME] = { "kpi", N_("KPI") },
  [KENSHO_IMPORT_COMMENTARY] = { "commentary", N_("Commentary ①②③") },
  [KENSHO_IMPORT_ACTIVITIES] = { "activities", N_("Activities") },
  [KENSHO_IMPORT_ISSUES] = { "issues", N_("Issues") },
  [KENSHO_IMPORT_NEXT_STEPS] = { "next-steps", N_("Next steps") },
  [KENSHO_IMPORT_BASELINE] = { "baseline", N_("Baseline") },
  [KENSHO_IMPORT_PREVIOUS_ACTUAL] = { "previous-actual", N_("Previous year’s actual") },
  [KENSHO_IMPORT_ACTUAL] = { "actual", N_("Actual") },
  [KENSHO_IMPORT_TARGET] = { "target", N_("Target") },
  [KENSHO_IMPORT_FINAL_TARGET] = { "final-target", N_("Final-year target") },
  [KENSHO_IMPORT_RATING] = { "rating", N_("Progress") },
  [KENSHO_IMPORT_DELAY_REASON] = { "reason", N_("Reason for delay") },
  [KENSHO_IMPORT_DIVISION] = { "division", N_("Responsible division") },
  [KENSHO_IMPORT_DIRECTION] = { "direction", N_("Direction") },
};

const char *
kensho_import_field_to_string (KenshoImportField field)
{
  g_return_val_if_fail (field < KENSHO_N_IMPORT_FIELDS, NULL);
  return field_names[field].id;
}

const char *
kensho_import_field_get_label (KenshoImportField field)
{
  g_return_val_if_fail (field < KENSHO_N_IMPORT_FIELDS, NULL);
  return _(field_names[field].label);
}

gboolean
kensho_import_field_from_string (const char *string, KenshoImportField *field)
{
  for (guint i = 0; i < KENSHO_N_IMPORT_FIELDS; i++)
    if (g_strcmp0 (string, field_names[i].id) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

/* Headings without white space: Excel users break them anywhere. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The order matters: "小基本目標" holds "基本目標", "重要業績評価指標"
 * holds "評価", "進捗が遅れている理由" holds "進捗". */
KenshoImportField
kensho_import_field_for_heading (const char *heading)
{
  g_autofree char *h = squeeze (heading);

  if (*h == '\0')
    return KENSHO_IMPORT_IGNORE;
  if (strstr (h, "小基本目標") || strstr (h, "基本的方向"))
    return KENSHO_IMPORT_SUBGOAL;
  if (strstr (h, "基本目標"))
    return KENSHO_IMPORT_GOAL;
  if (strstr (h, "理由"))
    return KENSHO_IMPORT_DELAY_REASON;
  if (strstr (h, "KPI") || strstr (h, "重要業績評価指標") || strstr (h, "指標名"))
    return KENSHO_IMPORT_KPI_NAME;
  if (strstr (h, "①") || (strstr (h, "主な取組") && strstr (h, "課題")))
    return KENSHO_IMPORT_COMMENTARY;
  if (strstr (h, "主な取組") || strstr (h, "実施状況"))
    return KENSHO_IMPORT_ACTIVITIES;
  if (strstr (h, "今後"))
    return KENSHO_IMPORT_NEXT_STEPS;
  if (strstr (h, "課題"))
    return KENSHO_IMPORT_ISSUES;
  if (strstr (h, "基準値") || strstr (h, "従前値"))
    return KENSHO_IMPORT_BASELINE;
  if (strstr (h, "実績"))
    return KENSHO_IMPORT_ACTUAL; /* the earlier year's becomes PREVIOUS_ACTUAL */
  if (strstr (h, "最終") && strstr (h, "目標"))
    return KENSHO_IMPORT_FINAL_TARGET;
  if (strstr (h, "目標値"))
    return KENSHO_IMPORT_TARGET;
  if (strstr (h, "施策"))
    return KENSHO_IMPORT_MEASURE;
  if (strstr (h, "数値目標"))
    return KENSHO_IMPORT_TARGET_NAME;
  if (strstr (h, "進捗状況") || strstr (h, "評価"))
    return KENSHO_IMPORT_RATING;
  if (strstr (h, "担当"))
    return KENSHO_IMPORT_DIVISION;
  if (g_str_equal (h, "方向"))
    return KENSHO_IMPORT_DIRECTION;
  return KENSHO_IMPORT_IGNORE;
}

/* The year a heading names: "基準値（令和元年度）" → 2019; 0 for none. */
static int
heading_year (const char *heading)
{
  g_autoptr(GRegex) regex = g_regex_new ("(令和|平成|昭和|[RHS]|[0-9]{4})\\s*(元|[0-9０-９]{1,2})?\\s*年度?",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int year = 0;

  if (heading == NULL)
    return 0;
  g_regex_match (regex, heading, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *text = g_match_info_fetch (match, 0);

      if (kensho_era_parse (text, &year, NULL, NULL))
        return year;
      g_match_info_next (match, NULL);
    }
  return 0;
}

static char *
heading_text (KenshoCellGrid *grid, guint row, guint n_heading_rows, guint column)
{
  const char *first = kensho_cell_grid_get (grid, row, column);
  const char *second = n_heading_rows > 1 ? kensho_cell_grid_get (grid, row + 1, column) : NULL;

  if (second == NULL || second == first)
    return g_strdup (first ? first : "");
  return g_strconcat (first ? first : "", " ", second, NULL);
}

static guint
count_headings (KenshoCellGrid *grid, guint row, gboolean own_only)
{
  guint n = 0;

  for (guint c = 0; c < kensho_cell_grid_get_n_columns (grid); c++)
    {
      const char *text = own_only ? kensho_cell_grid_get_own (grid, row, c) : kensho_cell_grid_get (grid, row, c);

      if (text != NULL && strlen (text) < 200 && kensho_import_field_for_heading (text) != KENSHO_IMPORT_IGNORE)
        n++;
    }
  return n;
}

/* A row whose own cells are all headings (and there is one at least). */
static gboolean
is_heading_only (KenshoCellGrid *grid, guint row)
{
  guint n = 0;

  for (guint c = 0; c < kensho_cell_grid_get_n_columns (grid); c++)
    {
      const char *text = kensho_cell_grid_get_own (grid, row, c);

      if (text == NULL)
        continue;
      if (strlen (text) >= 200 || kensho_import_field_for_heading (text) == KENSHO_IMPORT_IGNORE)
        return FALSE;
      n++;
    }
  return n > 0;
}

typedef struct
{
  int heading_row;     /* -1: none */
  guint n_heading_rows;
  int years[KENSHO_N_IMPORT_FIELDS];
} Layout;

static gboolean
find_heading (KenshoCellGrid *grid, Layout *layout)
{
  guint n_rows = MIN (kensho_cell_grid_get_n_rows (grid), 30);

  layout->heading_row = -1;
  layout->n_heading_rows = 0;
  for (guint r = 0; r < n_rows; r++)
    if (count_headings (grid, r, FALSE) >= 4)
      {
        layout->heading_row = (int) r;
        /* A second heading row: 数値目標 | 具体的な施策 under one heading. */
        layout->n_heading_rows = is_heading_only (grid, r + 1) ? 2 : 1;
        return TRUE;
      }
  return FALSE;
}

/* Fills @fields from the headings; the earlier of two 実績 columns is the
 * previous year's. */
static void
guess_fields (KenshoCellGrid *grid, Layout *layout, GArray *fields)
{
  guint n_columns = kensho_cell_grid_get_n_columns (grid);
  int actual_column = -1, actual_year = 0;

  g_array_set_size (fields, 0);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = heading_text (grid, (guint) layout->heading_row, layout->n_heading_rows, c);
      KenshoImportField field = kensho_import_field_for_heading (text);
      int year = heading_year (text);

      for (guint i = 0; i < fields->len; i++)
        if (field != KENSHO_IMPORT_IGNORE && field != KENSHO_IMPORT_ACTUAL &&
            g_array_index (fields, KenshoImportField, i) == field)
          field = KENSHO_IMPORT_IGNORE; /* the first of the same kind wins */
      if (field == KENSHO_IMPORT_ACTUAL && actual_column >= 0)
        {
          if (year > actual_year)
            g_array_index (fields, KenshoImportField, actual_column) = KENSHO_IMPORT_PREVIOUS_ACTUAL;
          else
            field = KENSHO_IMPORT_PREVIOUS_ACTUAL;
        }
      if (field == KENSHO_IMPORT_ACTUAL)
        {
          actual_column = (int) c;
          actual_year = year;
        }
      g_array_append_val (fields, field);
    }
}

int
kensho_sheet_import_guess_columns (KenshoCellGrid *grid, GArray *fields)
{
  Layout layout = { 0 };

  if (!find_heading (grid, &layout))
    {
      g_array_set_size (fields, 0);
      g_array_set_size (fields, kensho_cell_grid_get_n_columns (grid));
      return -1;
    }
  guess_fields (grid, &layout, fields);
  return layout.heading_row + (int) layout.n_heading_rows;
}

char *
kensho_sheet_import_dup_heading (KenshoCellGrid *grid, guint column)
{
  Layout layout = { 0 };
  g_autofree char *text = NULL;
  char *squeezed;

  if (!find_heading (grid, &layout))
    return NULL;
  text = heading_text (grid, (guint) layout.heading_row, layout.n_heading_rows, column);
  squeezed = squeeze (text);
  if (*squeezed == '\0')
    g_clear_pointer (&squeezed, g_free);
  return squeezed;
}

/* "A=goal,B=subgoal,E=kpi": columns not named keep what the headings say. */
gboolean
kensho_sheet_import_parse_map (const char *map, GArray *fields, GError **error)
{
  g_auto(GStrv) items = g_strsplit (map, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (items[i]), "=", 2);
      guint row, column;
      KenshoImportField field;
      g_autofree char *ref = NULL;

      if (*items[i] == '\0')
        continue;
      ref = g_strconcat (pair[0] ? pair[0] : "", "1", NULL);
      if (g_strv_length (pair) != 2 || !kensho_cell_grid_parse_ref (ref, &row, &column) ||
          !kensho_import_field_from_string (pair[1], &field))
        {
          g_autofree char *quoted = kensho_quote_for_message (items[i]);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not COLUMN=FIELD, such as E=kpi (fields: goal, subgoal, target-name, measure, kpi, commentary, activities, issues, next-steps, baseline, previous-actual, actual, target, final-target, rating, reason, division, direction, ignore)."),
                       quoted);
          return FALSE;
        }
      if (column >= fields->len)
        g_array_set_size (fields, column + 1);
      g_array_index (fields, KenshoImportField, column) = field;
    }
  return TRUE;
}

/* Reading the rows */

typedef struct
{
  KenshoSheet *sheet;
  KenshoCellGrid *grid;
  GArray *fields;
  GPtrArray *problems;
  GHashTable *nodes;      /* "parent-pointer\ntext" → KenshoNode */
  GPtrArray *divisions;
  /* The groups of the rows above: a CSV saved by Excel keeps a merged
   * cell's value in its first row only. */
  KenshoNode *goal, *subgoal, *measure;
  guint row;
  guint n_indicators;
  int fiscal_year;
} Import;

static gboolean
is_dash (const char *text)
{
  return text == NULL || *text == '\0' || g_str_equal (text, "-") || g_str_equal (text, "－") ||
         g_str_equal (text, "ー") || g_str_equal (text, "―") || g_str_equal (text, "‐");
}

static int
column_of (Import *self, KenshoImportField field)
{
  for (guint c = 0; c < self->fields->len; c++)
    if (g_array_index (self->fields, KenshoImportField, c) == field)
      return (int) c;
  return -1;
}

/* The cell's text, trimmed; NULL when the column is not there or empty. */
static char *
field_text (Import *self, KenshoImportField field)
{
  int column = column_of (self, field);
  const char *text;
  char *copy;

  if (column < 0)
    return NULL;
  text = kensho_cell_grid_get (self->grid, self->row, (guint) column);
  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
is_code_char (gunichar c)
{
  return (c < 0x80 && (g_ascii_isalnum (c) || c == '-' || c == '.')) ||
         g_unichar_isdigit (c) || (c >= 0x2460 && c <= 0x24FF) || c == 0x2010 || c == 0xFF0D;
}

/* "1-1 安定した雇用の創出" → code "1-1"; "①地域産業の活性化" → "①". */
static void
split_heading (const char *text, char **code, char **title)
{
  const char *p = text;

  while (*p && is_code_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p == text || *p == '\0')
    {
      *code = NULL;
      *title = g_strdup (text);
      return;
    }
  if (g_unichar_isspace (g_utf8_get_char (p)))
    {
      *code = g_strndup (text, p - text);
      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      *title = g_strdup (p);
      return;
    }
  /* Glued codes only for circled numbers: "2023年" is no code. */
  if (g_utf8_get_char (text) >= 0x2460 && g_utf8_get_char (text) <= 0x24FF)
    {
      *code = g_strndup (text, g_utf8_next_char (text) - text);
      *title = g_strdup (g_utf8_next_char (text));
      return;
    }
  *code = NULL;
  *title = g_strdup (text);
}

static KenshoNode *
find_or_add_node (Import *self, KenshoNode *parent, KenshoNodeKind kind, const char *text, guint column)
{
  g_autofree char *key = g_strdup_printf ("%p\n%s", (void *) parent, text);
  KenshoNode *node = g_hash_table_lookup (self->nodes, key);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (node != NULL)
    return node;
  split_heading (text, &code, &title);
  node = kensho_node_new (kind, code, title);
  id = kensho_sheet_make_id (self->sheet, kind);
  kensho_node_set_id (node, id);
  if (!kensho_node_append (parent, node, &error))
    {
      add_problem (self->problems, self->row, column, "%s", error->message);
      g_object_unref (node);
      return parent;
    }
  g_hash_table_insert (self->nodes, g_steal_pointer (&key), node);
  g_object_unref (node); /* the parent holds it */
  return node;
}

/* ①…②…③… split into the three parts; text before ① belongs to ①. */
static void
set_commentary (Import *self, KenshoIndicator *indicator, const char *text, guint column)
{
  static const char *marks[] = { "①", "②", "③" };
  const char *starts[3] = { NULL, NULL, NULL };
  const char *from = text;

  for (guint i = 0; i < 3; i++)
    {
      starts[i] = strstr (from, marks[i]);
      if (starts[i] != NULL)
        from = starts[i] + strlen (marks[i]);
    }
  if (starts[0] == NULL && starts[1] == NULL && starts[2] == NULL)
    {
      kensho_indicator_set_commentary (indicator, self->fiscal_year, KENSHO_COMMENTARY_ACTIVITIES, text);
      add_problem (self->problems, self->row, column,
                   _("The commentary has no ①, ② or ③; all of it was kept as the activities (①)."));
      return;
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *begin, *end = NULL;
      g_autofree char *part = NULL;

      if (starts[i] == NULL)
        continue;
      begin = starts[i] + strlen (marks[i]);
      for (guint j = i + 1; j < 3 && end == NULL; j++)
        end = starts[j];
      part = g_strstrip (end ? g_strndup (begin, end - begin) : g_strdup (begin));
      if (i == 0 && starts[0] != text)
        {
          g_autofree char *before = g_strstrip (g_strndup (text, starts[0] - text));

          if (*before != '\0')
            {
              g_autofree char *joined = g_strconcat (before, "\n", part, NULL);

              g_free (part);
              part = g_steal_pointer (&joined);
            }
        }
      kensho_indicator_set_commentary (indicator, self->fiscal_year, (KenshoCommentaryPart) i,
                                       kensho_str_or_null (part));
    }
}

/* "男性77.41歳\n女性79.89歳 (令和元年)" names its series 男性 and 女性: the
 * words before the figures. NULL when the cell has fewer than two. */
static GStrv
guess_series_names (const char *cell)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tokens = g_regex_split_simple ("[\\s　]+", cell, 0, 0);
  guint n = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *p = tokens[i];

      while (*p && !g_ascii_isdigit (*p) && *p != '-' && *p != '+')
        p = g_utf8_next_char (p);
      if (p == tokens[i] || *p == '\0' || g_str_has_prefix (tokens[i], "(") ||
          g_str_has_prefix (tokens[i], "（") || g_str_has_prefix (tokens[i], "※"))
        continue;
      {
        g_autofree char *name = g_strndup (tokens[i], p - tokens[i]);

        g_strv_builder_add (builder, name);
        n++;
      }
    }
  if (n < 2)
    return NULL;
  return g_strv_builder_end (builder);
}

static const KenshoImportField value_fields[KENSHO_N_COLUMNS] = {
  KENSHO_IMPORT_BASELINE, KENSHO_IMPORT_PREVIOUS_ACTUAL, KENSHO_IMPORT_ACTUAL,
  KENSHO_IMPORT_TARGET, KENSHO_IMPORT_FINAL_TARGET,
};

static void
set_values (Import *self, KenshoIndicator *indicator)
{
  g_auto(GStrv) names = NULL;
  char *cells[KENSHO_N_COLUMNS] = { NULL };
  guint n_series;

  for (guint i = 0; i < KENSHO_N_COLUMNS; i++)
    {
      cells[i] = field_text (self, value_fields[i]);
      /* A text value is a value too: try series names first. */
      if (names == NULL && cells[i] != NULL)
        {
          g_auto(GStrv) guessed = guess_series_names (cells[i]);
          g_autoptr(GPtrArray) values = NULL;

          if (guessed != NULL)
            values = kensho_value_parse_series_cell (cells[i], (const char * const *) guessed, NULL);
          if (values != NULL)
            names = g_steal_pointer (&guessed);
        }
    }
  n_series = names ? g_strv_length (names) : 1;
  /* A new indicator has one unnamed series. */
  if (names != NULL)
    kensho_series_set_name (kensho_indicator_get_series (indicator, 0), names[0]);
  for (guint s = kensho_indicator_get_n_series (indicator); s < n_series; s++)
    {
      g_autoptr(KenshoSeries) series = kensho_series_new (names[s]);

      kensho_indicator_insert_series (indicator, s, series);
    }
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
    {
      int grid_column = column_of (self, value_fields[column]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) values = NULL;

      if (cells[column] == NULL)
        continue;
      if (names != NULL)
        values = kensho_value_parse_series_cell (cells[column], (const char * const *) names, &error);
      if (values == NULL)
        {
          g_autoptr(GError) single_error = NULL;
          KenshoValue *value = kensho_value_parse (cells[column], names ? NULL : &single_error);

          if (value == NULL)
            {
              /* Kept as written, so that nothing is lost; said so. */
              value = kensho_value_new_text (cells[column]);
              add_problem (self->problems, self->row, (guint) grid_column,
                           _("The value was kept as text: %s"),
                           (error ? error : single_error)->message);
            }
          values = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_value_free);
          g_ptr_array_add (values, value);
        }
      for (guint s = 0; s < values->len && s < n_series; s++)
        kensho_series_set_column (kensho_indicator_get_series (indicator, s), column,
                                  self->fiscal_year, g_ptr_array_index (values, s));
    }
  for (guint i = 0; i < KENSHO_N_COLUMNS; i++)
    g_free (cells[i]);
  /* The indicator's unit: the first a figure has ("待機児童なし" has none). */
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
    {
      const KenshoValue *value = kensho_series_get_column (kensho_indicator_get_series (indicator, 0),
                                                           column, self->fiscal_year);

      if (value != NULL && kensho_str_or_null (value->unit) != NULL)
        {
          kensho_indicator_set_unit (indicator, value->unit);
          break;
        }
    }
}

static void
set_rating (Import *self, KenshoIndicator *indicator, const char *label)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  KenshoRating *rating = kensho_rating_scale_lookup_label (scale, label);

  if (rating == NULL)
    {
      guint n = kensho_rating_scale_get_n_ratings (scale);
      g_autofree char *id = NULL;
      g_autoptr(KenshoRating) added = NULL;

      do
        {
          g_free (id);
          id = g_strdup_printf ("rating-%u", ++n);
        }
      while (kensho_rating_scale_lookup (scale, id) != NULL);
      added = kensho_rating_new (id, label, "#616161", FALSE);
      if (!kensho_rating_scale_append (scale, added, NULL))
        return;
      rating = added;
      add_problem (self->problems, self->row, (guint) column_of (self, KENSHO_IMPORT_RATING),
                   _("The rating “%s” was not in the rating scale; it was added to it."), label);
    }
  kensho_indicator_set_rating_id (indicator, self->fiscal_year, kensho_rating_get_id (rating));
}

static void
read_row (Import *self)
{
  g_autofree char *goal = field_text (self, KENSHO_IMPORT_GOAL);
  g_autofree char *subgoal = field_text (self, KENSHO_IMPORT_SUBGOAL);
  g_autofree char *target_name = field_text (self, KENSHO_IMPORT_TARGET_NAME);
  g_autofree char *measure = field_text (self, KENSHO_IMPORT_MEASURE);
  g_autofree char *kpi = field_text (self, KENSHO_IMPORT_KPI_NAME);
  g_autofree char *rating = field_text (self, KENSHO_IMPORT_RATING);
  g_autofree char *reason = field_text (self, KENSHO_IMPORT_DELAY_REASON);
  g_autofree char *division = field_text (self, KENSHO_IMPORT_DIVISION);
  KenshoNode *parent = kensho_sheet_get_root (self->sheet);
  gboolean is_target = is_dash (kpi) && !is_dash (target_name);
  const char *name = is_target ? target_name : kpi;
  g_autoptr(KenshoIndicator) indicator = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  for (guint c = 0; c < self->fields->len && !any; c++)
    any = g_array_index (self->fields, KenshoImportField, c) != KENSHO_IMPORT_IGNORE &&
          kensho_cell_grid_get_own (self->grid, self->row, c) != NULL;
  if (!any)
    return; /* an empty row, or one only merged cells reach */
  if (count_headings (self->grid, self->row, TRUE) >= 4)
    return; /* headings repeated on a later page */
  if (is_dash (name))
    {
      add_problem (self->problems, self->row, G_MAXUINT,
                   _("The row has no indicator name (KPI or numerical target); it was left out."));
      return;
    }

  if (goal != NULL)
    parent = find_or_add_node (self, parent, KENSHO_NODE_GOAL, goal, (guint) column_of (self, KENSHO_IMPORT_GOAL));
  else if (self->goal != NULL)
    parent = self->goal;
  if (parent != self->goal)
    self->subgoal = self->measure = NULL;
  self->goal = kensho_node_get_kind (parent) == KENSHO_NODE_GOAL ? parent : NULL;
  if (subgoal != NULL && kensho_node_get_kind (parent) == KENSHO_NODE_GOAL)
    parent = find_or_add_node (self, parent, KENSHO_NODE_SUBGOAL, subgoal,
                               (guint) column_of (self, KENSHO_IMPORT_SUBGOAL));
  else if (self->subgoal != NULL)
    parent = self->subgoal;
  if (parent != self->subgoal)
    self->measure = NULL;
  self->subgoal = kensho_node_get_kind (parent) == KENSHO_NODE_SUBGOAL ? parent : NULL;
  /* Without merged cells, a KPI with no measure written belongs to the
   * measure above; a numerical target ends it. */
  if (is_target)
    self->measure = NULL;
  else if (!is_dash (measure) && kensho_node_get_kind (parent) != KENSHO_NODE_ROOT)
    parent = self->measure = find_or_add_node (self, parent, KENSHO_NODE_MEASURE, measure,
                                               (guint) column_of (self, KENSHO_IMPORT_MEASURE));
  else if (self->measure != NULL && kensho_cell_grid_get_n_merges (self->grid) == 0)
    parent = self->measure;

  indicator = kensho_indicator_new (is_target ? KENSHO_INDICATOR_TARGET : KENSHO_INDICATOR_KPI, name);
  id = kensho_sheet_make_id (self->sheet, KENSHO_NODE_INDICATOR);
  kensho_node_set_id (KENSHO_NODE (indicator), id);
  if (!kensho_node_append (parent, KENSHO_NODE (indicator), &error))
    {
      add_problem (self->problems, self->row, G_MAXUINT, "%s", error->message);
      return;
    }
  self->n_indicators++;
  if (division != NULL && !is_dash (division))
    {
      kensho_indicator_set_division (KENSHO_INDICATOR (indicator), division);
      if (!g_ptr_array_find_with_equal_func (self->divisions, division, g_str_equal, NULL))
        g_ptr_array_add (self->divisions, g_strdup (division));
    }
  {
    g_autofree char *commentary = field_text (self, KENSHO_IMPORT_COMMENTARY);

    if (commentary != NULL)
      set_commentary (self, indicator, commentary, (guint) column_of (self, KENSHO_IMPORT_COMMENTARY));
    for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
      {
        g_autofree char *text = field_text (self, KENSHO_IMPORT_ACTIVITIES + part);

        if (text != NULL)
          kensho_indicator_set_commentary (indicator, self->fiscal_year, part, text);
      }
  }
  set_values (self, indicator);
  {
    g_autofree char *direction_label = field_text (self, KENSHO_IMPORT_DIRECTION);
    KenshoDirection direction;

    if (direction_label != NULL && kensho_open_data_direction_from_label (direction_label, &direction))
      kensho_indicator_set_direction (indicator, direction);
  }
  if (!is_dash (rating))
    set_rating (self, indicator, rating);
  if (!is_dash (reason))
    kensho_indicator_set_delay_reason (indicator, self->fiscal_year, reason);
}

/* Title, label (資料2) and notes: the cells above the headings. */
static void
read_title_rows (Import *self, guint n_rows)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < kensho_cell_grid_get_n_columns (self->grid); c++)
      {
        const char *text = kensho_cell_grid_get_own (self->grid, r, c);

        if (text == NULL)
          continue;
        if (g_str_has_prefix (text, "資料") && g_utf8_strlen (text, -1) <= 10)
          kensho_sheet_set_label (self->sheet, text);
        else if (kensho_sheet_get_title (self->sheet) == NULL &&
                 (strstr (text, "シート") || strstr (text, "戦略") || strstr (text, "検証")))
          {
            g_autoptr(GRegex) year = g_regex_new ("^\\s*((令和|平成|[RH])\\s*(元|[0-9０-９]{1,2})\\s*年度)\\s*",
                                                  0, 0, NULL);
            g_autoptr(GRegex) city = g_regex_new ("(?:期|^)([^\\s　期第]{1,8}?[都道府県市区町村])", 0, 0, NULL);
            g_autoptr(GMatchInfo) match = NULL;
            g_autofree char *title = NULL;

            if (g_regex_match (year, text, 0, &match))
              {
                g_autofree char *fy = g_match_info_fetch (match, 1);
                int fiscal_year;

                if (self->fiscal_year == 0 && kensho_era_parse (fy, &fiscal_year, NULL, NULL))
                  self->fiscal_year = fiscal_year;
              }
            title = g_regex_replace_literal (year, text, -1, 0, "", 0, NULL);
            kensho_sheet_set_title (self->sheet, title);
            g_clear_pointer (&match, g_match_info_unref);
            if (g_regex_match (city, title, 0, &match))
              {
                g_autofree char *municipality = g_match_info_fetch (match, 1);

                kensho_sheet_set_municipality (self->sheet, municipality);
              }
          }
        else
          {
            if (notes->len > 0)
              g_string_append_c (notes, '\n');
            g_string_append (notes, text);
          }
      }
  if (notes->len > 0)
    kensho_sheet_set_notes (self->sheet, notes->str);
}

static int
field_year (KenshoCellGrid *grid, Layout *layout, GArray *fields, KenshoImportField field)
{
  if (layout->heading_row < 0)
    return 0;
  for (guint c = 0; c < fields->len; c++)
    if (g_array_index (fields, KenshoImportField, c) == field)
      {
        g_autofree char *text = heading_text (grid, (guint) layout->heading_row, layout->n_heading_rows, c);

        return heading_year (text);
      }
  return 0;
}

KenshoSheet *
kensho_sheet_import_grid (KenshoCellGrid *grid, GArray *fields, GPtrArray *problems, GError **error)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) divisions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) guessed = g_array_new (FALSE, TRUE, sizeof (KenshoImportField));
  Import self = { sheet, grid, NULL, problems, nodes, divisions, NULL, NULL, NULL, 0, 0, 0 };
  Layout layout = { 0 };
  int actual_year, target_year, baseline_year, final_year;
  guint first_row;

  find_heading (grid, &layout);
  if (fields == NULL)
    {
      if (layout.heading_row < 0)
        {
          g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                       _("No headings of a verification sheet (大基本目標, KPI, 基準値 …) were found; map the columns by hand."));
          return NULL;
        }
      guess_fields (grid, &layout, guessed);
      fields = guessed;
    }
  self.fields = fields;
  first_row = layout.heading_row >= 0 ? (guint) layout.heading_row + layout.n_heading_rows : 0;

  actual_year = field_year (grid, &layout, fields, KENSHO_IMPORT_ACTUAL);
  target_year = field_year (grid, &layout, fields, KENSHO_IMPORT_TARGET);
  baseline_year = field_year (grid, &layout, fields, KENSHO_IMPORT_BASELINE);
  final_year = field_year (grid, &layout, fields, KENSHO_IMPORT_FINAL_TARGET);
  self.fiscal_year = actual_year ? actual_year : target_year;
  if (layout.heading_row > 0)
    read_title_rows (&self, (guint) layout.heading_row);
  if (self.fiscal_year == 0)
    {
      self.fiscal_year = kensho_sheet_get_fiscal_year (sheet);
      add_problem (problems, layout.heading_row >= 0 ? (guint) layout.heading_row : 0, G_MAXUINT,
                   _("No heading names the fiscal year of the actuals; the sheet is for fiscal year %d."),
                   self.fiscal_year);
    }
  kensho_sheet_set_fiscal_year (sheet, self.fiscal_year);
  if (baseline_year != 0)
    kensho_sheet_set_baseline_year (sheet, baseline_year);
  if (final_year != 0 && baseline_year != 0 && baseline_year < final_year)
    kensho_sheet_set_plan_period (sheet, baseline_year + 1, final_year, NULL);
  else if (final_year != 0 && final_year >= self.fiscal_year)
    kensho_sheet_set_plan_period (sheet, MIN (kensho_sheet_get_plan_first (sheet), self.fiscal_year),
                                  final_year, NULL);

  for (self.row = first_row; self.row < kensho_cell_grid_get_n_rows (grid); self.row++)
    read_row (&self);
  if (self.n_indicators == 0)
    {
      g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                   _("No indicator could be read from the worksheet “%s”."), kensho_cell_grid_get_name (grid));
      return NULL;
    }
  g_ptr_array_add (divisions, NULL);
  kensho_sheet_set_divisions (sheet, (const char * const *) divisions->pdata);
  return g_steal_pointer (&sheet);
}

gboolean
kensho_sheet_import_is_spreadsheet (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".ods") ||
         g_str_has_suffix (lower, ".csv");
}

GPtrArray *
kensho_sheet_import_read_grids (const char *path, const char *encoding, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return kensho_xlsx_read_file_cut (path, error);
  if (g_str_has_suffix (lower, ".ods"))
    return kensho_ods_read_file (path, error);
  if (g_str_has_suffix (lower, ".csv"))
    {
      KenshoCellGrid *grid = kensho_csv_read_file (path, encoding, error);
      GPtrArray *grids;

      if (grid == NULL)
        return NULL;
      grids = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_cell_grid_free);
      g_ptr_array_add (grids, grid);
      return grids;
    }
  g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
               _("%s: Kensho imports .xlsx, .ods and .csv files."), path);
  return NULL;
}

KenshoSheet *
kensho_sheet_import_file (const char *path,
                          const char *sheet_name,
                          const char *map,
                          const char *encoding,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GArray) fields = NULL;
  KenshoCellGrid *grid = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  KenshoSheet *sheet;

  if (g_str_has_suffix (lower, ".xlsx"))
    {
      KenshoCellGrid *only = kensho_xlsx_read_sheet (path, sheet_name, error);

      if (only == NULL)
        return NULL;
      grids = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_cell_grid_free);
      g_ptr_array_add (grids, only);
    }
  else
    grids = kensho_sheet_import_read_grids (path, encoding, error);
  if (grids == NULL)
    return NULL;
  for (guint i = 0; i < grids->len && sheet_name != NULL; i++)
    if (g_str_equal (kensho_cell_grid_get_name (g_ptr_array_index (grids, i)), sheet_name))
      grid = g_ptr_array_index (grids, i);
  if (sheet_name != NULL && grid == NULL)
    {
      g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_FAILED,
                   _("%s: the spreadsheet has no worksheet “%s”."), path, sheet_name);
      return NULL;
    }
  if (grid == NULL)
    grid = g_ptr_array_index (grids, 0);
  if (map != NULL)
    {
      fields = g_array_new (FALSE, TRUE, sizeof (KenshoImportField));
      kensho_sheet_import_guess_columns (grid, fields);
      if (!kensho_sheet_import_parse_map (map, fields, error))
        return NULL;
    }
  sheet = kensho_sheet_import_grid (grid, fields, problems, &local_error);
  if (sheet == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
  return sheet;
}
