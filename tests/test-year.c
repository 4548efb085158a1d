/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year: next year's sheet grown from this one (rollover), and what the
 * committee wrote of each indicator's year. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "kensho-checks.h"
#include "kensho-rollover.h"
#include "kensho-schema-check.h"
#include "test-run.h"
#include "test-sample.h"

static void
assert_schema_valid (KenshoSheet *sheet)
{
  g_autoptr(GBytes) bytes = kensho_sheet_xml_serialize (sheet);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, (int) size, "rolled.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_true (kensho_schema_validate_document (doc));
  xmlFreeDoc (doc);
}

static void
test_rollover_sample (void)
{
  g_autoptr(KenshoSheet) old = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) next = kensho_sheet_roll_over (old, 0, &error);
  g_autoptr(KenshoSheet) after = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GPtrArray) old_indicators = kensho_sheet_dup_indicators (old);
  g_autoptr(GPtrArray) new_indicators = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_after = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (old), ==, 2023);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (next), ==, 2024);
  title = kensho_sheet_dup_display_title (next);
  g_assert_true (g_str_has_prefix (title, "令和6年度"));

  /* Nothing of 令和5年度 or before is lost: the sheets differ in the year shown only. */
  back = kensho_sheet_copy (next);
  kensho_sheet_set_fiscal_year (back, 2023);
  g_assert_true (kensho_sheet_equal (back, old));

  new_indicators = kensho_sheet_dup_indicators (next);
  g_assert_cmpuint (new_indicators->len, ==, 47);
  g_assert_cmpuint (new_indicators->len, ==, old_indicators->len);
  for (guint i = 0; i < new_indicators->len; i++)
    {
      KenshoIndicator *was = g_ptr_array_index (old_indicators, i);
      KenshoIndicator *now = g_ptr_array_index (new_indicators, i);
      g_autofree char *old_actual = kensho_indicator_format_column (was, KENSHO_COLUMN_ACTUAL, 2023);
      g_autofree char *new_previous = kensho_indicator_format_column (now, KENSHO_COLUMN_PREVIOUS_ACTUAL, 2024);

      g_assert_cmpstr (kensho_node_get_id (KENSHO_NODE (now)), ==, kensho_node_get_id (KENSHO_NODE (was)));
      g_assert_true (kensho_indicator_equal (now, was));
      g_assert_cmpstr (new_previous, ==, old_actual);
      for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        {
          g_assert_null (kensho_indicator_get_commentary (now, 2024, part));
          g_assert_cmpstr (kensho_indicator_get_commentary (now, 2023, part), ==,
                           kensho_indicator_get_commentary (was, 2023, part));
        }
      g_assert_null (kensho_indicator_get_rating_id (now, 2024));
      g_assert_null (kensho_indicator_get_delay_reason (now, 2024));
      g_assert_cmpstr (kensho_indicator_get_rating_id (now, 2023), ==, kensho_indicator_get_rating_id (was, 2023));
    }
  /* The sample has ①②③ for 令和5年度, so the comparisons above compared something. */
  g_assert_nonnull (kensho_indicator_get_commentary (g_ptr_array_index (new_indicators, 0), 2023,
                                                     KENSHO_COMMENTARY_ACTIVITIES));
  assert_schema_valid (next);

  after = kensho_sheet_roll_over (next, 0, &error);
  g_assert_no_error (error);
  title_after = kensho_sheet_dup_display_title (after);
  g_assert_true (g_str_has_prefix (title_after, "令和7年度"));
  g_assert_cmpint (kensho_sheet_get_fiscal_year (next), ==, 2024);
}

static guint
count_findings (KenshoSheet *sheet, KenshoCheck check, KenshoIndicator *indicator)
{
  g_autoptr(GListStore) findings = kensho_sheet_run_checks (sheet);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      if (kensho_finding_get_check (finding) == check && kensho_finding_get_indicator (finding) == indicator)
        count++;
    }
  return count;
}

/* A draft written ahead for the new year is not carried into it; a target
 * the plan set for it is, and a year without one is listed by the checks. */
static void
test_rollover_new_year (void)
{
  g_autoptr(KenshoSheet) old = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (old);
  KenshoIndicator *first = g_ptr_array_index (indicators, 0);
  g_autoptr(KenshoValue) target = NULL;
  g_autoptr(KenshoSheet) next = NULL;
  g_autoptr(GPtrArray) rolled = NULL;
  g_autoptr(GError) error = NULL;

  kensho_indicator_set_commentary (first, 2024, KENSHO_COMMENTARY_ISSUES, "下書き");
  kensho_indicator_set_rating_id (first, 2024, "delayed");
  target = kensho_value_new_number ("1610", "件", NULL);
  kensho_series_set_target (kensho_indicator_get_series (first, 0), 2024, target);
  next = kensho_sheet_roll_over (old, 0, &error);
  g_assert_no_error (error);
  rolled = kensho_sheet_dup_indicators (next);
  g_assert_cmpstr (kensho_series_get_column (kensho_indicator_get_series (g_ptr_array_index (rolled, 0), 0),
                                             KENSHO_COLUMN_TARGET, 2024)->number, ==, "1610");
  g_assert_cmpuint (count_findings (next, KENSHO_CHECK_MISSING_TARGET, g_ptr_array_index (rolled, 0)), ==, 0);
  g_assert_cmpuint (count_findings (next, KENSHO_CHECK_MISSING_TARGET, g_ptr_array_index (rolled, 1)), ==, 1);
  g_assert_null (kensho_indicator_get_commentary (g_ptr_array_index (rolled, 0), 2024, KENSHO_COMMENTARY_ISSUES));
  g_assert_null (kensho_indicator_get_rating_id (g_ptr_array_index (rolled, 0), 2024));
  /* The old sheet keeps its draft. */
  g_assert_cmpstr (kensho_indicator_get_commentary (first, 2024, KENSHO_COMMENTARY_ISSUES), ==, "下書き");
}

static void
test_rollover_past_plan (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) backwards = NULL;
  g_autoptr(KenshoSheet) next = NULL;
  g_autoptr(KenshoSheet) earlier = NULL;

  g_assert_cmpint (kensho_sheet_get_plan_last (sheet), ==, 2027);
  kensho_sheet_set_fiscal_year (sheet, 2027);
  next = kensho_sheet_roll_over (sheet, 0, &error);
  g_assert_null (next);
  g_assert_error (error, KENSHO_ERROR, KENSHO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "令和10年度"));
  g_assert_nonnull (strstr (error->message, "令和9年度"));
  g_assert_nonnull (strstr (error->message, "extend the plan"));

  earlier = kensho_sheet_roll_over (sheet, 2026, &backwards);
  g_assert_null (earlier);
  g_assert_error (backwards, KENSHO_ERROR, KENSHO_ERROR_INVALID);
}

static void
test_cli_rollover (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kensho-year-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "r6.xml", NULL);
  g_autofree char *out7 = g_build_filename (dir, "r7.xml", NULL);
  g_autofree char *refused = g_build_filename (dir, "r10.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) past = { 0 };
  g_autoptr(KenshoSheet) r6 = NULL;
  g_autoptr(KenshoSheet) r7 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &before, NULL, NULL));
  run_cli (&run, "rollover", g_getenv ("KENSHO_SAMPLE"), "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  r6 = kensho_sheet_xml_load_file (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (r6), ==, 2024);
  /* The old file is untouched. */
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  run_cli (&again, "rollover", out, "-o", out7, "--year", "2025", NULL);
  g_assert_cmpint (again.status, ==, 0);
  r7 = kensho_sheet_xml_load_file (out7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (r7), ==, 2025);

  run_cli (&past, "rollover", out, "-o", refused, "--year", "2028", NULL);
  g_assert_cmpint (past.status, ==, 1);
  g_assert_nonnull (strstr (past.err, "extend the plan"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  g_remove (out);
  g_remove (out7);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/year/rollover/sample", test_rollover_sample);
  g_test_add_func ("/year/rollover/new-year", test_rollover_new_year);
  g_test_add_func ("/year/rollover/past-plan", test_rollover_past_plan);
  g_test_add_func ("/year/rollover/cli", test_cli_rollover);
  return g_test_run ();
}
