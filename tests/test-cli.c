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

/* A newline in a file's name must not forge a line of output. */
static void
test_paths_with_control_characters (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "forged", NULL);
  g_autofree char *valid = g_build_filename (dir, "a\nx.xml: valid, 99 indicators\tb.xml", NULL);
  g_autofree char *invalid = g_build_filename (dir, "c\nx.xml: valid, 99 indicators\x1b.xml", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *expected_out = NULL;
  g_autofree char *expected_err = NULL;
  g_auto(Run) run = { 0 };
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, &length, NULL));
  g_assert_true (g_file_set_contents (valid, sample, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (invalid, "<", -1, NULL));

  run_cli (&run, "validate", valid, invalid, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected_out = g_strdup_printf ("%s/a\\nx.xml: valid, 99 indicators\\tb.xml: valid, 47 indicators\n", dir);
  g_assert_cmpstr (run.out, ==, expected_out);
  expected_err = g_strdup_printf ("%s/c\\nx.xml: valid, 99 indicators\\x1b.xml:", dir);
  g_assert_true (g_str_has_prefix (run.err, expected_err));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
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

static char *
checks_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "checks", name, NULL);
}

static void
test_check (void)
{
  g_auto(Run) clean = { 0 };
  g_auto(Run) found = { 0 };
  g_auto(Run) sample = { 0 };
  g_auto(Run) broken = { 0 };
  g_auto(Run) usage = { 0 };
  g_autofree char *clean_path = checks_fixture ("clean.xml");
  g_autofree char *duplicate = checks_fixture ("duplicate-name.xml");
  g_autofree char *missing = checks_fixture ("missing-actual.xml");
  g_autofree char *bad = malformed ("truncated.xml");
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  /* Nothing to send back: no output, exit 0. */
  run_cli (&clean, "check", clean_path, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");
  g_assert_cmpstr (clean.err, ==, "");

  /* One line per finding, FILE: INDICATOR: message [check]; exit 1. */
  run_cli (&found, "check", clean_path, duplicate, missing, NULL);
  g_assert_cmpint (found.status, ==, 1);
  expected = g_strdup_printf ("%s: 新規求人数: Another indicator has the same name "
                              "(under 1 しごとの創生). [duplicate-name]\n"
                              "%s: 新規求人数: No actual for 令和5年度. [missing-actual]\n",
                              duplicate, missing);
  g_assert_cmpstr (found.out, ==, expected);
  g_assert_cmpstr (found.err, ==, "");

  run_cli (&sample, "check", g_getenv ("KENSHO_SAMPLE"), NULL);
  g_assert_cmpint (sample.status, ==, 1);
  lines = g_strsplit (sample.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[0], ": ファミリーサポートセンター会員登録数: The final-year target (700人) "
                                      "is below the baseline (828人)"));

  /* A file that cannot be read is said so on stderr; the others are checked. */
  run_cli (&broken, "check", bad, clean_path, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_true (g_str_has_prefix (broken.err, bad));
  g_assert_cmpstr (broken.out, ==, "");

  run_cli (&usage, "check", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "Name at least one file to check."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/validate-sample", test_validate_sample);
  g_test_add_func ("/cli/validate-invalid", test_validate_invalid);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/paths-with-control-characters", test_paths_with_control_characters);
  g_test_add_func ("/cli/csv", test_csv);
  g_test_add_func ("/cli/csv-of-invalid-file-writes-nothing", test_csv_of_invalid_file_writes_nothing);
  g_test_add_func ("/cli/check", test_check);
  return g_test_run ();
}
