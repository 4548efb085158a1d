/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib.h>

#include "test-run.h"

static char *
malformed (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "malformed", name, NULL);
}

static void
test_validate_sample (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", g_getenv ("KENSHO_SAMPLE"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "valid, 47 indicators"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_invalid (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *bad = malformed ("bad-number.xml");
  g_autofree char *doctype = malformed ("external-entity.xml");
  g_autofree char *expected = g_strdup_printf ("%s:28: ", bad);
  g_auto(GStrv) lines = NULL;

  /* Valid and invalid files together: exit 1, one line per bad file. */
  run_cli (&run, "validate", g_getenv ("KENSHO_SAMPLE"), bad, doctype, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], expected));
  g_assert_true (g_str_has_prefix (lines[1], doctype));
  g_assert_cmpstr (lines[2], ==, "");
  /* The entity pointed at /etc/passwd; nothing of it is shown. */
  g_assert_null (strstr (run.err, "root:"));
  g_assert_null (strstr (run.out, "root:"));
}

static void
test_usage_errors (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_files = { 0 };
  g_auto(Run) no_output = { 0 };

  run_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "validate"));
  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "“frobnicate” is not a kensho-cli command."));
  run_cli (&no_files, "validate", NULL);
  g_assert_cmpint (no_files.status, ==, 2);
  run_cli (&no_output, "csv", g_getenv ("KENSHO_SAMPLE"), NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o OUT.csv"));
}

static void
test_csv (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sheet.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) rows = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  run_cli (&run, "csv", g_getenv ("KENSHO_SAMPLE"), "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF\"Basic goal\",\"Sub-goal\",\"Measure\""));
  g_assert_true (g_utf8_validate (contents, length, NULL));

  rows = g_strsplit (contents, "\r\n", -1);
  /* The header, 47 indicators, and the empty rest after the last line end. */
  g_assert_cmpuint (g_strv_length (rows), ==, 49);
  g_assert_cmpstr (rows[48], ==, "");
  g_assert_true (g_str_has_prefix (rows[1],
                                   "\"1 しごとの創生\",\"1-1 安定した雇用の創出\",\"\",\"Numerical target\",\"新規求人数\","
                                   "\"雇用を促進するため、セミナー等を開催し支援に努めた。\""));
  g_assert_nonnull (strstr (rows[1], "\"1,563件\",\"1,486件\",\"1,472件\",\"1,594件\",\"1,630件\",\"概ね順調に進捗\",\"\",\"商工労働課\""));
  g_assert_nonnull (strstr (contents, "\"男性77.41歳 女性79.89歳 (令和元年) ※変更前\""));
}

static void
test_csv_of_invalid_file_writes_nothing (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *bad = malformed ("truncated.xml");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "never.csv", NULL);

  run_cli (&run, "csv", bad, "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/validate-sample", test_validate_sample);
  g_test_add_func ("/cli/validate-invalid", test_validate_invalid);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/csv", test_csv);
  g_test_add_func ("/cli/csv-of-invalid-file-writes-nothing", test_csv_of_invalid_file_writes_nothing);
  return g_test_run ();
}
