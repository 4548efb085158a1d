/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spreadsheets in and out: an Isesaki-style workbook written by openpyxl
 * (tests/make-isesaki-xlsx.py, not by Kensho) comes back as the sample. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>

#include "kensho-error.h"
#include "kensho-open-data.h"
#include "kensho-sheet-import.h"
#include "kensho-sheet-xml.h"
#include "kensho-xlsx-export.h"
#include "kensho-xlsx-reader.h"
#include "test-run.h"

static char *
make_workbook (const char *name, const char *option)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "make-isesaki-xlsx.py", NULL);
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  const char *argv[] = { g_getenv ("KENSHO_PYTHON"), script, g_getenv ("KENSHO_SAMPLE"), path, option, NULL };
  g_auto(Run) run = { 0 };

  run_argv (&run, argv);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static void
assert_same_place (KenshoNode *a, KenshoNode *b)
{
  for (KenshoNodeKind kind = KENSHO_NODE_GOAL; kind <= KENSHO_NODE_MEASURE; kind++)
    {
      KenshoNode *x = kensho_node_get_ancestor_of_kind (a, kind);
      KenshoNode *y = kensho_node_get_ancestor_of_kind (b, kind);

      g_assert_true ((x == NULL) == (y == NULL));
      if (x == NULL)
        continue;
      g_assert_cmpstr (kensho_node_get_code (x), ==, kensho_node_get_code (y));
      g_assert_cmpstr (kensho_node_get_title (x), ==, kensho_node_get_title (y));
    }
}

/* Names, places, divisions, ratings, the three parts and every value. */
static void
assert_same_indicators (KenshoSheet *expected, KenshoSheet *sheet)
{
  g_autoptr(GPtrArray) want = kensho_sheet_dup_indicators (expected);
  g_autoptr(GPtrArray) got = kensho_sheet_dup_indicators (sheet);
  int fy = kensho_sheet_get_fiscal_year (expected);

  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, fy);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    {
      KenshoIndicator *a = g_ptr_array_index (want, i);
      KenshoIndicator *b = g_ptr_array_index (got, i);

      g_test_message ("indicator %u: %s", i, kensho_indicator_get_name (a));
      g_assert_cmpstr (kensho_indicator_get_name (b), ==, kensho_indicator_get_name (a));
      g_assert_cmpint (kensho_indicator_get_indicator_kind (b), ==, kensho_indicator_get_indicator_kind (a));
      g_assert_cmpstr (kensho_indicator_get_division (b), ==, kensho_indicator_get_division (a));
      g_assert_cmpstr (kensho_indicator_get_rating_id (b, fy), ==, kensho_indicator_get_rating_id (a, fy));
      g_assert_cmpstr (kensho_indicator_get_delay_reason (b, fy), ==, kensho_indicator_get_delay_reason (a, fy));
      for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        g_assert_cmpstr (kensho_indicator_get_commentary (b, fy, part), ==,
                         kensho_indicator_get_commentary (a, fy, part));
      g_assert_cmpuint (kensho_indicator_get_n_series (b), ==, kensho_indicator_get_n_series (a));
      for (guint s = 0; s < kensho_indicator_get_n_series (a); s++)
        g_assert_true (kensho_series_equal (kensho_indicator_get_series (a, s),
                                            kensho_indicator_get_series (b, s)));
      assert_same_place (KENSHO_NODE (a), KENSHO_NODE (b));
    }
}

static void
test_import_isesaki (void)
{
  g_autofree char *path = make_workbook ("isesaki.xlsx", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) expected = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) grids = NULL;

  g_assert_no_error (error);
  sheet = kensho_sheet_import_file (path, NULL, NULL, NULL, problems, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((KenshoImportProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_same_indicators (expected, sheet);
  g_assert_cmpstr (kensho_sheet_get_title (sheet), ==, kensho_sheet_get_title (expected));
  g_assert_cmpstr (kensho_sheet_get_municipality (sheet), ==, kensho_sheet_get_municipality (expected));
  g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, kensho_sheet_get_label (expected));
  g_assert_cmpstr (kensho_sheet_get_notes (sheet), ==, kensho_sheet_get_notes (expected));
  g_assert_cmpint (kensho_sheet_get_baseline_year (sheet), ==, kensho_sheet_get_baseline_year (expected));
  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, kensho_sheet_get_plan_last (expected));

  /* Both worksheets, the second one by name. */
  grids = kensho_xlsx_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grids->len, ==, 2);
  g_assert_cmpstr (kensho_cell_grid_get_name (g_ptr_array_index (grids, 1)), ==, "メモ");
  g_clear_object (&sheet);
  sheet = kensho_sheet_import_file (path, "メモ", NULL, NULL, problems, &error);
  g_assert_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_NOT_A_SHEET);
  g_assert_null (sheet);
  g_unlink (path);
}

static void
test_convert_cli (void)
{
  g_autofree char *path = make_workbook ("convert.xlsx", NULL);
  g_autofree char *output = g_build_filename (g_get_tmp_dir (), "convert.xml", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) validate = { 0 };

  run_cli (&run, "convert", path, "-o", output, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&validate, "validate", output, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_nonnull (strstr (validate.out, "valid, 47 indicators"));

  /* --map overrides the headings: column E read as nothing leaves the 41
   * KPIs out, each said; a map that is no map is refused. */
  {
    g_auto(Run) mapped = { 0 };
    g_auto(Run) wrong = { 0 };
    g_auto(GStrv) lines = NULL;

    run_cli (&mapped, "convert", "--map", "E=ignore", path, "-o", output, NULL);
    g_assert_cmpint (mapped.status, ==, 1);
    lines = g_strsplit (mapped.err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 42);
    run_cli (&wrong, "convert", "--map", "E=kpi-name", path, "-o", output, NULL);
    g_assert_cmpint (wrong.status, ==, 2);
    g_assert_nonnull (strstr (wrong.err, "E=kpi-name"));
  }
  g_unlink (path);
  g_unlink (output);
}

/* What cannot be read is said, cell by cell, and the rest still comes. */
static void
test_convert_problems (void)
{
  g_autofree char *path = make_workbook ("spoiled.xlsx", "--spoil");
  g_autofree char *output = g_build_filename (g_get_tmp_dir (), "spoiled.xml", NULL);
  g_autofree char *value_line = g_strdup_printf ("%s:7:G: ", path);
  g_autofree char *row_line = g_strdup_printf ("%s:53: ", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "convert", path, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], value_line));
  g_assert_nonnull (strstr (lines[0], "“12..5”"));
  g_assert_true (g_str_has_prefix (lines[1], row_line));
  sheet = kensho_sheet_xml_load_file (output, &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 47);
  /* The figure that could not be read is kept as written. */
  g_assert_cmpstr (kensho_series_get_baseline (kensho_indicator_get_series (g_ptr_array_index (indicators, 1), 0))->text,
                   ==, "12..5件");
  g_unlink (path);
  g_unlink (output);
}

static void
test_not_a_workbook (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "text.xlsx", NULL);
  g_autofree char *output = g_build_filename (g_get_tmp_dir (), "text.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path, "大基本目標,KPI\n", -1, NULL));
  sheet = kensho_sheet_import_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_NOT_A_SHEET);
  g_assert_true (g_str_has_prefix (error->message, path));
  run_cli (&run, "convert", path, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_unlink (path);
}

/* The worksheet saved as CSV by Excel on Windows (CP932, merged values in
 * their first row only), and the same as UTF-8 with a byte-order mark. */
static void
test_import_csv (void)
{
  g_autofree char *path = make_workbook ("isesaki.csv", NULL);
  g_autofree char *utf8_path = g_build_filename (g_get_tmp_dir (), "isesaki-utf8.csv", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) expected = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoSheet) utf8_sheet = NULL;
  g_autofree char *cp932 = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *with_bom = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &cp932, &length, NULL));
  g_assert_false (g_utf8_validate_len (cp932, length, NULL));
  sheet = kensho_sheet_import_file (path, NULL, NULL, NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_same_indicators (expected, sheet);

  utf8 = g_convert (cp932, (gssize) length, "UTF-8", "CP932", NULL, NULL, &error);
  g_assert_no_error (error);
  with_bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_assert_true (g_file_set_contents (utf8_path, with_bom, -1, NULL));
  utf8_sheet = kensho_sheet_import_file (utf8_path, NULL, NULL, NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_same_indicators (expected, utf8_sheet);
  g_unlink (path);
  g_unlink (utf8_path);
}

/* The worksheet as LibreOffice keeps it (.ods: spanned and covered cells,
 * repeated empty rows up to the last one). */
static void
test_import_ods (void)
{
  g_autofree char *path = make_workbook ("isesaki.ods", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) expected = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoSheet) sheet = NULL;

  sheet = kensho_sheet_import_file (path, NULL, NULL, NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_same_indicators (expected, sheet);
  g_assert_cmpstr (kensho_sheet_get_notes (sheet), ==, kensho_sheet_get_notes (expected));
  g_unlink (path);
}

/* The workbook at @path passes the openpyxl checker run by @argv, and the
 * import reads it back whole. */
static KenshoSheet *
check_and_import (const char *const *argv, const char *path, KenshoSheet *sample)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  KenshoSheet *back;

  run_argv (&run, argv);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  back = kensho_sheet_import_file (path, NULL, NULL, NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_same_indicators (sample, back);
  return back;
}

/* Kensho's export, opened by openpyxl, then read back by the import. */
static void
test_export_xlsx (void)
{
  g_autofree char *dir = g_dir_make_tmp ("export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sheet.xlsx", NULL);
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "check-xlsx-export.py", NULL);
  const char *argv[] = { g_getenv ("KENSHO_PYTHON"), checker, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sample = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  g_assert_true (kensho_xlsx_export_file (sample, path, &error));
  g_assert_no_error (error);
  /* Nothing but the workbook is left in the folder. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "sheet.xlsx");
  g_assert_null (g_dir_read_name (listing));

  back = check_and_import (argv, path, sample);
  want = kensho_sheet_dup_indicators (sample);
  got = kensho_sheet_dup_indicators (back);
  for (guint i = 0; i < want->len; i++)
    g_assert_cmpint (kensho_indicator_get_direction (g_ptr_array_index (got, i)), ==,
                     kensho_indicator_get_direction (g_ptr_array_index (want, i)));
  g_assert_cmpstr (kensho_sheet_get_title (back), ==, kensho_sheet_get_title (sample));
  g_assert_cmpstr (kensho_sheet_get_notes (back), ==, kensho_sheet_get_notes (sample));
  g_unlink (path);
  g_rmdir (dir);
}

/* The committee's texts, when a sheet has them, go into their own columns
 * of both worksheets and of the open-data CSV; other sheets keep theirs. */
static void
test_export_committee (void)
{
  g_autofree char *dir = g_dir_make_tmp ("export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "committee.xlsx", NULL);
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "check-xlsx-export.py", NULL);
  const char *opinion = "目標の見直しを検討されたい。";
  const char *response = "令和6年度に見直す。";
  const char *argv[] = { g_getenv ("KENSHO_PYTHON"), checker, path, opinion, response, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sample = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GBytes) plain_csv = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) plain_lines = NULL;
  g_auto(GStrv) lines = NULL;
  guint with_texts = 0;

  g_assert_no_error (error);
  plain_csv = kensho_open_data_serialize_csv (sample, NULL, &error);
  g_assert_no_error (error);
  plain_lines = g_strsplit (g_bytes_get_data (plain_csv, NULL), "\r\n", -1);
  g_assert_null (strstr (plain_lines[0], "委員会意見"));

  indicators = kensho_sheet_dup_indicators (sample);
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_OPINION, opinion);
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_RESPONSE, response);
  g_assert_true (kensho_xlsx_export_file (sample, path, &error));
  g_assert_no_error (error);
  back = check_and_import (argv, path, sample);

  csv = kensho_open_data_serialize_csv (sample, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",\"委員会意見\",\"対応方針\""));
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (plain_lines));
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      /* Each row is the row before, and two more fields. */
      g_assert_true (g_str_has_prefix (lines[i], plain_lines[i]));
      if (g_str_has_prefix (lines[i], "\"i01\"") && strstr (lines[i], ",2023,") != NULL)
        {
          g_autofree char *end = g_strdup_printf (",\"%s\",\"%s\"", opinion, response);

          g_assert_true (g_str_has_suffix (lines[i], end));
          with_texts++;
        }
      else
        g_assert_true (g_str_has_suffix (lines[i], ",\"\",\"\""));
    }
  g_assert_cmpuint (with_texts, >=, 2);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_cli (void)
{
  g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "cli-export.xlsx", NULL);
  g_autofree char *csv = g_build_filename (g_get_tmp_dir (), "cli-export.csv", NULL);
  g_autofree char *sjis = g_build_filename (g_get_tmp_dir (), "cli-export-sjis.csv", NULL);
  g_autofree char *utf8 = NULL;
  g_autofree char *cp932 = NULL;
  g_autofree char *decoded = NULL;
  g_auto(GStrv) lines = NULL;
  gsize utf8_length, cp932_length;
  g_auto(Run) run = { 0 };
  g_auto(Run) data = { 0 };
  g_auto(Run) encoded = { 0 };
  g_auto(Run) wrong = { 0 };

  run_cli (&run, "convert", g_getenv ("KENSHO_SAMPLE"), "-o", xlsx, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* Open data: a byte-order mark, fixed headings, numbers bare. */
  run_cli (&data, "convert", "--data", g_getenv ("KENSHO_SAMPLE"), "-o", csv, NULL);
  g_assert_cmpint (data.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &utf8, &utf8_length, NULL));
  g_assert_true (g_str_has_prefix (utf8, "\xEF\xBB\xBF\"指標ID\",\"大基本目標\""));
  lines = g_strsplit (utf8, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==,
                   "\"i01\",\"1 しごとの創生\",\"1-1 安定した雇用の創出\",\"\",\"新規求人数\",\"数値目標\","
                   "\"高いほど良い\",\"商工労働課\",\"\",\"基準値\",2019,1563,\"件\",\"\",\"\",\"\",\"\",\"\"");
  g_assert_nonnull (strstr (utf8, "\"実績値\",2023,1472,\"件\",\"\",\"\",\"\",\"概ね順調に進捗\",92.3\r\n"));
  g_assert_nonnull (strstr (utf8, ",\"基準値\",2019,11942,\"億円\",\"\",\"平成30年\","));

  /* CP932 on request: the same text, without the mark. */
  run_cli (&encoded, "convert", "--data", "--encoding", "cp932", g_getenv ("KENSHO_SAMPLE"), "-o", sjis, NULL);
  g_assert_cmpint (encoded.status, ==, 0);
  g_assert_true (g_file_get_contents (sjis, &cp932, &cp932_length, NULL));
  decoded = g_convert (cp932, (gssize) cp932_length, "UTF-8", "CP932", NULL, NULL, NULL);
  g_assert_cmpstr (decoded, ==, utf8 + 3);

  run_cli (&wrong, "convert", "--data", "--encoding", "latin1", g_getenv ("KENSHO_SAMPLE"), "-o", sjis, NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "latin1"));
  g_unlink (xlsx);
  g_unlink (csv);
  g_unlink (sjis);
}

static void
test_number_formats (void)
{
  static const struct
  {
    double value;
    const char *format;
    const char *shown;
  } cases[] = {
    { 1563, "#,##0\"件\"", "1,563件" },
    { 11942, "#,##0\"億円\"", "11,942億円" },
    { 0.82, "0.0%", "82.0%" },
    { 0.887, "0.0%", "88.7%" },
    { 77.41, NULL, "77.41" },
    { 490.7, "General", "490.7" },
    { 1234567, "#,##0", "1,234,567" },
    { -5, "#,##0;[Red]\\-#,##0", "-5" },
    { 3.5, "0.00\"歳\"", "3.50歳" },
    { 45017, "yyyy/m/d", "2023/4/1" },
    { 45017, "yyyy\"年\"m\"月\"d\"日\"", "2023年4月1日" },
    { 0.25, "#,##0.0_);(#,##0.0)", "0.3 " },
    { 12, "\"約\"0\"人\"", "約12人" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = kensho_xlsx_format_number (cases[i].value, cases[i].format);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

/* The problems as a clerk opens them in Excel: a heading, one row each,
 * the column as a letter, every field quoted, a formula neutralised. */
static void
test_problems_csv (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  KenshoImportProblem *problem = g_new0 (KenshoImportProblem, 1);
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;

  problem->row = 12;
  problem->column = 5;
  problem->message = g_strdup ("“1,563件\"” is no figure");
  g_ptr_array_add (problems, problem);
  problem = g_new0 (KenshoImportProblem, 1);
  problem->row = 14;
  problem->message = g_strdup ("=row left out");
  g_ptr_array_add (problems, problem);
  csv = kensho_import_problems_to_csv (problems, "シート1");
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF\"Worksheet\",\"Row\",\"Column\",\"Problem\"\r\n"
                   "\"シート1\",\"12\",\"E\",\"“1,563件\"\"” is no figure\"\r\n"
                   "\"シート1\",\"14\",\"\",\"'=row left out\"\r\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spreadsheet/import-isesaki", test_import_isesaki);
  g_test_add_func ("/spreadsheet/convert-cli", test_convert_cli);
  g_test_add_func ("/spreadsheet/import-csv", test_import_csv);
  g_test_add_func ("/spreadsheet/import-ods", test_import_ods);
  g_test_add_func ("/spreadsheet/convert-problems", test_convert_problems);
  g_test_add_func ("/spreadsheet/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/spreadsheet/number-formats", test_number_formats);
  g_test_add_func ("/spreadsheet/export-xlsx", test_export_xlsx);
  g_test_add_func ("/spreadsheet/export-committee", test_export_committee);
  g_test_add_func ("/spreadsheet/export-cli", test_export_cli);
  g_test_add_func ("/spreadsheet/problems-csv", test_problems_csv);
  return g_test_run ();
}
