/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled sample against the seed it was made from, indicator by
 * indicator, so that nothing is dropped or changed. The seed is the text
 * extracted from Isesaki City's PDF, with its columns shifted; this test
 * reads it with the same tolerance a person would. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-csv.h"
#include "kensho-sheet-xml.h"

#define FISCAL_YEAR 2023

typedef struct
{
  guint line_number;
  GPtrArray *labels;      /* goal, sub-goal, measure and name fields, as extracted */
  char *commentary;
  GPtrArray *values;      /* the value cells, in column order */
  char *rating;
  char *reason;           /* NULL for "-" */
  char *division;
} SeedRow;

static void
seed_row_free (SeedRow *row)
{
  g_ptr_array_unref (row->labels);
  g_ptr_array_unref (row->values);
  g_free (row->commentary);
  g_free (row->rating);
  g_free (row->reason);
  g_free (row->division);
  g_free (row);
}

/* The PDF broke long cells over lines, which the extraction turned into
 * spaces: compare without any white space. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_commentary (const char *field)
{
  return g_str_has_prefix (field, "①") && strstr (field, " ②") && strstr (field, " ③");
}

static GPtrArray *
read_seed (KenshoRatingScale *scale)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "isesaki-r5-seed.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) seed_row_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (fields);
      guint f = 0;
      SeedRow *row;

      while (f < n && !is_commentary (fields[f]))
        f++;
      if (f == n)
        continue;

      row = g_new0 (SeedRow, 1);
      row->line_number = i + 1;
      row->labels = g_ptr_array_new_with_free_func (g_free);
      row->values = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < f; j++)
        if (*fields[j] != '\0' && !g_str_equal (fields[j], "-"))
          g_ptr_array_add (row->labels, g_strdup (fields[j]));
      row->commentary = g_strdup (fields[f++]);
      for (; f < n && kensho_rating_scale_lookup_label (scale, fields[f]) == NULL; f++)
        g_ptr_array_add (row->values, g_strdup (fields[f]));
      g_assert_cmpuint (f, <, n);
      row->rating = g_strdup (fields[f++]);
      /* What follows the rating: the reason ("-" when not delayed), stray
       * "-" fields from the shifted columns, and the division last. */
      for (; f < n; f++)
        {
          if (*fields[f] == '\0')
            continue;
          if (row->division != NULL && !g_str_equal (row->division, "-"))
            {
              g_assert_null (row->reason);
              row->reason = row->division;
            }
          else
            g_free (row->division);
          row->division = g_strdup (fields[f]);
        }
      if (g_strcmp0 (row->reason, "-") == 0)
        g_clear_pointer (&row->reason, g_free);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static gboolean
label_is_ancestor (KenshoIndicator *indicator, const char *label)
{
  g_autofree char *wanted = squeeze (label);

  for (KenshoNode *node = kensho_node_get_parent (KENSHO_NODE (indicator)); node;
       node = kensho_node_get_parent (node))
    {
      g_autofree char *heading = NULL;
      g_autofree char *squeezed = NULL;

      if (kensho_node_get_kind (node) == KENSHO_NODE_ROOT)
        break;
      heading = kensho_node_dup_heading (node);
      squeezed = squeeze (heading);
      if (g_str_equal (squeezed, wanted))
        return TRUE;
    }
  return FALSE;
}

/* The OCR read カ所 as 力所 (the kanji 力 for the katakana カ). */
static char *
corrected_cell (const char *cell)
{
  g_autoptr(GString) text = g_string_new (cell);

  g_string_replace (text, "力所", "カ所", 0);
  return g_strdup (text->str);
}

static void
test_every_indicator_matches_the_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  KenshoRatingScale *scale;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  guint n_targets = 0;

  g_assert_no_error (error);
  scale = kensho_sheet_get_rating_scale (sheet);
  rows = read_seed (scale);
  indicators = kensho_sheet_dup_indicators (sheet);

  g_assert_cmpuint (rows->len, ==, 47);
  g_assert_cmpuint (indicators->len, ==, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      SeedRow *row = g_ptr_array_index (rows, i);
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *name = squeeze (kensho_indicator_get_name (indicator));
      g_autofree char *commentary = kensho_indicator_dup_commentary_text (indicator, FISCAL_YEAR);
      const char *rating_id = kensho_indicator_get_rating_id (indicator, FISCAL_YEAR);
      gboolean name_found = FALSE;
      guint n_values = row->values->len;

      g_test_message ("seed line %u: %s", row->line_number, kensho_indicator_get_name (indicator));

      /* Every label on the row is the indicator's name or the heading of
       * one of its ancestors: the hierarchy was rebuilt, not guessed. */
      for (guint j = 0; j < row->labels->len; j++)
        {
          const char *label = g_ptr_array_index (row->labels, j);
          g_autofree char *squeezed = squeeze (label);

          if (g_str_equal (squeezed, name))
            name_found = TRUE;
          else
            g_assert_true (label_is_ancestor (indicator, label));
        }
      g_assert_true (name_found);

      g_assert_cmpstr (commentary, ==, row->commentary);

      /* One row shows its last value twice (six cells for five columns). */
      if (n_values == 6)
        {
          g_assert_cmpstr (kensho_indicator_get_name (indicator), ==, "休日夜間急患センターの開設日数");
          g_assert_cmpstr (g_ptr_array_index (row->values, 5), ==, g_ptr_array_index (row->values, 4));
          n_values = 5;
        }
      g_assert_cmpuint (n_values, ==, KENSHO_N_COLUMNS);
      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          g_autofree char *cell = kensho_indicator_format_column (indicator, column, FISCAL_YEAR);
          g_autofree char *expected = corrected_cell (g_ptr_array_index (row->values, column));

          g_assert_cmpstr (cell, ==, expected);
        }

      g_assert_nonnull (rating_id);
      g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_lookup (scale, rating_id)), ==,
                       row->rating);
      g_assert_cmpstr (kensho_indicator_get_delay_reason (indicator, FISCAL_YEAR), ==, row->reason);
      g_assert_cmpstr (kensho_indicator_get_division (indicator), ==, row->division);
      g_assert_true (kensho_sheet_has_division (sheet, row->division));

      /* A delayed indicator carries its reason, and only a delayed one. */
      g_assert_cmpint (row->reason != NULL, ==,
                       kensho_rating_get_delayed (kensho_rating_scale_lookup (scale, rating_id)));

      if (kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET)
        {
          n_targets++;
          g_assert_cmpint (kensho_node_get_kind (kensho_node_get_parent (KENSHO_NODE (indicator))),
                           ==, KENSHO_NODE_SUBGOAL);
        }
      else
        g_assert_cmpint (kensho_node_get_kind (kensho_node_get_parent (KENSHO_NODE (indicator))),
                         ==, KENSHO_NODE_MEASURE);
    }
  g_assert_cmpuint (n_targets, ==, 6);
}

static void
test_sheet_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "isesaki-r5-seed.txt", NULL);
  g_autofree char *seed = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_line = NULL;
  g_autofree char *notes_line = NULL;
  KenshoNode *root;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &seed, NULL, NULL));
  title = kensho_sheet_dup_display_title (sheet);
  title_line = g_strdup_printf ("\n%s\n", title);
  notes_line = g_strdup_printf ("\n%s\n", kensho_sheet_get_notes (sheet));
  g_assert_cmpstr (title, ==, "令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート");
  g_assert_nonnull (strstr (seed, title_line));
  g_assert_nonnull (strstr (seed, notes_line));
  g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, "資料2");
  g_assert_cmpstr (kensho_sheet_get_municipality (sheet), ==, "伊勢崎市");
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2023);
  g_assert_cmpint (kensho_sheet_get_plan_first (sheet), ==, 2020);
  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, 2027);
  g_assert_cmpint (kensho_sheet_get_baseline_year (sheet), ==, 2019);

  root = kensho_sheet_get_root (sheet);
  g_assert_cmpuint (kensho_node_get_n_children (root), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      KenshoNode *goal = kensho_node_get_child (root, i);

      g_assert_cmpint (kensho_node_get_kind (goal), ==, KENSHO_NODE_GOAL);
      g_assert_cmpuint (kensho_node_get_n_children (goal), ==, 2);
    }
}

static void
test_hierarchy_rebuilt (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(GPtrArray) indicators = NULL;

  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  /* Where the extraction put a measure's name on a middle row, or in the
   * wrong column (page 3-2), the group was rebuilt from the PDF's logic. */
  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoNode *node = g_ptr_array_index (indicators, i);
      const char *name = kensho_node_get_title (node);
      const char *measure = kensho_node_get_title (kensho_node_get_parent (node));

      if (g_str_equal (name, "いせさき合同会社説明会の参加者数"))
        g_assert_cmpstr (measure, ==, "就労への総合的支援");
      if (g_str_equal (name, "創業相談件数"))
        g_assert_cmpstr (measure, ==, "地域産業の活性化、付加価値の向上");
      if (g_str_equal (name, "災害時協力協定締結数"))
        g_assert_cmpstr (measure, ==, "安心できるまちづくり");
      if (g_str_equal (name, "危険空き家除却件数"))
        g_assert_cmpstr (measure, ==, "空き家対策の推進");
      if (g_str_equal (name, "新規就農者数"))
        g_assert_cmpstr (measure, ==, "農業の成長産業化");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sample/every-indicator-matches-the-seed", test_every_indicator_matches_the_seed);
  g_test_add_func ("/sample/sheet-metadata", test_sheet_metadata);
  g_test_add_func ("/sample/hierarchy-rebuilt", test_hierarchy_rebuilt);
  return g_test_run ();
}
