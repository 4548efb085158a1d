/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year: next year's sheet grown from this one (rollover), and what the
 * committee wrote of each indicator's year. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "kensho-checks.h"
#include "kensho-csv.h"
#include "kensho-history-chart.h"
#include "kensho-rollover.h"
#include "kensho-schema-check.h"
#include "test-pdf.h"
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
  g_assert_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "令和10年度"));
  g_assert_nonnull (strstr (error->message, "令和9年度"));
  g_assert_nonnull (strstr (error->message, "extend the plan"));

  earlier = kensho_sheet_roll_over (sheet, 2026, &backwards);
  g_assert_null (earlier);
  g_assert_error (backwards, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID);
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

#define OPINION "目標値の妥当性を検証されたい。\n「数値」<確認> & \"引用\", 続き"
#define RESPONSE "令和6年度に見直す。"

/* The sample with a committee opinion for 令和5年度 on its first indicator
 * and a response on its second. */
static KenshoSheet *
load_sample_with_committee (void)
{
  KenshoSheet *sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_OPINION, OPINION);
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 1), 2023, KENSHO_COMMITTEE_RESPONSE, RESPONSE);
  return sheet;
}

static void
test_committee_xml (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample_with_committee ();
  g_autoptr(GBytes) bytes = kensho_sheet_xml_serialize (sheet);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc;

  g_assert_nonnull (g_strstr_len (data, (gssize) size, "version=\"1.2\""));
  g_assert_nonnull (g_strstr_len (data, (gssize) size, "<committee-response>" RESPONSE "</committee-response>"));
  /* The quick check and libxml2's RELAX NG validator both take it. */
  doc = xmlReadMemory (data, (int) size, "committee.xml", NULL, XML_PARSE_NONET);
  g_assert_true (kensho_schema_check_document (doc));
  g_assert_true (kensho_schema_validate_document (doc));
  xmlFreeDoc (doc);

  back = kensho_sheet_xml_load_bytes (bytes, "committee.xml", &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, back));
  indicators = kensho_sheet_dup_indicators (back);
  g_assert_cmpstr (kensho_indicator_get_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_OPINION),
                   ==, OPINION);
  g_assert_null (kensho_indicator_get_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_RESPONSE));
  again = kensho_sheet_xml_serialize (back);
  g_assert_true (g_bytes_equal (again, bytes));
}

/* A committee text longer than a file holds is not saved, with a message. */
static void
test_committee_too_long (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autofree char *text = g_strnfill (KENSHO_LONG_TEXT_MAX + 1, 'a');
  g_autoptr(GError) error = NULL;

  kensho_indicator_set_committee (g_ptr_array_index (indicators, 2), 2022, KENSHO_COMMITTEE_RESPONSE, text);
  g_assert_false (kensho_sheet_xml_check_savable (sheet, &error));
  g_assert_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "response to the committee of 令和4年度"));
}

/* A file of an older version opens, and is saved in its version, byte for
 * byte, when nothing of 1.2 is used; also once a committee text is gone. */
static void
test_older_version_kept (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autofree char *file = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) with_rules = NULL;
  g_autoptr(GBytes) handed_out = NULL;
  g_autoptr(KenshoHandoutTag) tag = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &file, &length, NULL));
  g_assert_nonnull (strstr (file, "version=\"1.0\""));
  saved = kensho_sheet_xml_serialize (sheet);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), file, length);

  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_OPINION, OPINION);
  g_assert_cmpint (kensho_sheet_xml_needed_minor (sheet), ==, 2);
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_OPINION, NULL);
  after = kensho_sheet_xml_serialize (sheet);
  g_assert_true (g_bytes_equal (after, saved));

  /* The hand-out tag, the other part of 1.2: a sheet that loses it (the
   * answer merged back) is 1.0 again. */
  tag = kensho_handout_tag_new ();
  tag->id = g_strdup ("h0123456789abcdef0123456789abcdef");
  tag->sheet_key = g_strdup ("sheet");
  tag->division = g_strdup ("商工労働課");
  tag->sent = g_strdup ("2026-06-01T09:00:00Z");
  kensho_sheet_set_handout (sheet, tag);
  handed_out = kensho_sheet_xml_serialize (sheet);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (handed_out, NULL), -1, "version=\"1.2\""));
  back = kensho_sheet_xml_load_bytes (handed_out, "handout.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kensho_sheet_get_handout (back));
  kensho_sheet_set_handout (sheet, NULL);
  g_clear_pointer (&after, g_bytes_unref);
  after = kensho_sheet_xml_serialize (sheet);
  g_assert_true (g_bytes_equal (after, saved));

  /* A 1.1 sheet stays 1.1, also once a committee text has come and gone. */
  kensho_sheet_set_achievement_method (sheet, KENSHO_ACHIEVEMENT_PROGRESS);
  with_rules = kensho_sheet_xml_serialize (sheet);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (with_rules, NULL), -1, "version=\"1.1\""));
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_RESPONSE, RESPONSE);
  g_assert_cmpint (kensho_sheet_xml_needed_minor (sheet), ==, 2);
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_RESPONSE, NULL);
  g_clear_pointer (&after, g_bytes_unref);
  after = kensho_sheet_xml_serialize (sheet);
  g_assert_true (g_bytes_equal (after, with_rules));
}

/* The fields of a CSV file (RFC 4180) as rows of strings. */
static GPtrArray *
parse_csv (const char *data, gsize size)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = data, *end = data + size;

  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      if (*p == '"')
        {
          for (p++; p < end && !(*p == '"' && (p + 1 == end || p[1] != '"')); p++)
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; p < end && *p != ',' && *p != '\r' && *p != '\n'; p++)
          g_string_append_c (field, *p);
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (p < end && *p == ',')
        p++;
      else
        {
          p += p < end && *p == '\r' ? 2 : 1;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static guint
column_of (GPtrArray *header, const char *title)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), title) == 0)
      return i;
  g_assert_not_reached ();
}

static void
test_committee_csv (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample_with_committee ();
  g_autoptr(KenshoSheet) plain = load_sample ();
  g_autoptr(GBytes) bytes = kensho_csv_serialize (sheet);
  g_autoptr(GBytes) plain_bytes = kensho_csv_serialize (plain);
  g_autoptr(GPtrArray) rows = parse_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) plain_rows = parse_csv (g_bytes_get_data (plain_bytes, NULL), g_bytes_get_size (plain_bytes));
  GPtrArray *header = g_ptr_array_index (rows, 0);
  guint opinion = column_of (header, "Committee opinion");
  guint response = column_of (header, "Response");

  g_assert_cmpuint (rows->len, ==, 48);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), opinion), ==, OPINION);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), response), ==, "");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 2), response), ==, RESPONSE);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, header->len);
  /* A sheet without committee texts exports the columns it always had. */
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (plain_rows, 0))->len, ==, header->len - 2);
}

/* The committee column, asked for, prints both texts; otherwise it is not there. */
static void
test_committee_print (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample_with_committee ();
  g_autofree char *xml = artifact ("committee.xml");
  g_autofree char *with = artifact ("committee.pdf");
  g_autofree char *without = artifact ("no-committee.pdf");
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) plain_run = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kensho_sheet_xml_save_file (sheet, xml, &error));
  g_assert_no_error (error);
  run_cli (&run, "pdf", xml, "-o", with, "--committee", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&plain_run, "pdf", xml, "-o", without, NULL);
  g_assert_cmpint (plain_run.status, ==, 0);
  text = pdf_text (with, 1);
  plain = pdf_text (without, 1);
  assert_contains (text, "Committee opinion and response");
  assert_contains (text, "Opinion: 目標値の妥当性を検証されたい。");
  assert_contains (text, "Response: " RESPONSE);
  g_assert_null (strstr (plain, "Committeeopinion"));
  g_assert_null (strstr (plain, "目標値の妥当性"));
}

/* How many pixels of the image are near the colour. */
static guint
count_colour (cairo_surface_t *surface, guint8 r, guint8 g, guint8 b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guint8 *p = data + y * stride + 4 * x; /* BGRA, little-endian ARGB32 */

        if (ABS (p[2] - r) < 24 && ABS (p[1] - g) < 24 && ABS (p[0] - b) < 24)
          count++;
      }
  return count;
}

static KenshoValue *
number (const char *digits, const char *unit)
{
  g_autoptr(GError) error = NULL;
  KenshoValue *value = kensho_value_new_number (digits, unit, &error);

  g_assert_no_error (error);
  return value;
}

/* A lower-is-better indicator with a text value and a year missing: the
 * chart draws (look at history-lower.png), with the actual line, the
 * targets and the final target in their colours. */
static void
test_history_chart (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  KenshoIndicator *indicator = KENSHO_INDICATOR (kensho_sheet_lookup (sheet, "i03"));
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);
  g_autoptr(KenshoValue) r2 = number ("12", "人");
  g_autoptr(KenshoValue) r3 = kensho_value_new_text ("待機児童なし");
  g_autoptr(KenshoValue) r5 = number ("7", "人");
  g_autoptr(KenshoValue) t5 = number ("8", "人");
  g_autoptr(KenshoValue) t6 = number ("5", "人");
  g_autoptr(KenshoValue) base = number ("15", "人");
  g_autoptr(KenshoValue) final = number ("0", "人");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 760, 320);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = artifact ("history-lower.png");

  kensho_indicator_set_name (indicator, "待機児童数");
  kensho_indicator_set_direction (indicator, KENSHO_DIRECTION_LOWER);
  kensho_series_set_baseline (series, base);
  kensho_series_set_final (series, final);
  kensho_series_set_actual (series, 2020, r2);
  kensho_series_set_actual (series, 2021, r3);
  kensho_series_set_actual (series, 2022, NULL); /* a year missing */
  kensho_series_set_actual (series, 2023, r5);
  kensho_series_set_target (series, 2023, t5);
  kensho_series_set_target (series, 2024, t6);
  kensho_history_chart_draw (indicator, sheet, 0, cr, 760, 320);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart: %s", png);
  g_assert_cmpuint (count_colour (surface, 0x14, 0x66, 0xBF), >, 40); /* actuals */
  g_assert_cmpuint (count_colour (surface, 0xE6, 0x73, 0x00), >, 40); /* targets */
  g_assert_cmpuint (count_colour (surface, 0xC7, 0x29, 0x29), >, 20); /* final */
  /* An indicator with no series draws nothing and fails nothing. */
  kensho_history_chart_draw (indicator, sheet, 5, cr, 760, 320);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Draws @series_index alone (or, with G_MAXUINT, every series stacked) on a
 * new white surface. */
static cairo_surface_t *
draw_history (KenshoIndicator *indicator, KenshoSheet *sheet, guint series_index, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 760, height);
  cairo_t *cr = cairo_create (surface);

  if (series_index == G_MAXUINT)
    kensho_history_chart_draw_all (indicator, sheet, cr, 760, height);
  else
    kensho_history_chart_draw (indicator, sheet, series_index, cr, 760, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether rows [top, top + height) of @all are @part's pixels. */
static gboolean
same_pixels (cairo_surface_t *all, int top, cairo_surface_t *part)
{
  int stride = cairo_image_surface_get_stride (all);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (part));
  return memcmp (cairo_image_surface_get_data (all) + (gsize) top * stride, cairo_image_surface_get_data (part),
                 (gsize) cairo_image_surface_get_height (part) * stride) == 0;
}

/* An indicator of two series (男性 and 女性) charts both, one above the
 * other, each named; not only the first. */
static void
test_history_chart_series (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  KenshoIndicator *indicator = KENSHO_INDICATOR (kensho_sheet_lookup (sheet, "i03"));
  g_autoptr(KenshoSeries) women = kensho_series_new ("女性");
  g_autoptr(KenshoValue) low = number ("2", "件");
  g_autoptr(KenshoValue) high = number ("90", "件");
  cairo_surface_t *all, *first, *second;
  g_autofree char *png = artifact ("history-two-series.png");

  kensho_series_set_name (kensho_indicator_get_series (indicator, 0), "男性");
  kensho_series_set_baseline (women, low);
  kensho_series_set_actual (women, 2022, high);
  kensho_series_set_actual (women, 2023, low);
  kensho_indicator_insert_series (indicator, 1, women);
  all = draw_history (indicator, sheet, G_MAXUINT, 640);
  first = draw_history (indicator, sheet, 0, 320);
  second = draw_history (indicator, sheet, 1, 320);
  g_assert_cmpint (cairo_surface_write_to_png (all, png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart: %s", png);
  g_assert_true (same_pixels (all, 0, first));
  g_assert_true (same_pixels (all, 320, second));
  g_assert_false (same_pixels (all, 320, first));
  g_assert_cmpuint (count_colour (second, 0x14, 0x66, 0xBF), >, 40); /* the second series' actuals */
  cairo_surface_destroy (all);
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
}

/* The appendix of charts: one per indicator, nine to an A3 page, after the sheet. */
static void
test_history_appendix (void)
{
  g_autofree char *with = artifact ("history-appendix.pdf");
  g_autofree char *without = artifact ("history-none.pdf");
  g_auto(Run) run = { 0 };
  g_auto(Run) plain = { 0 };
  g_autofree char *last = NULL;
  double width, height;
  guint pages, plain_pages;

  run_cli (&run, "pdf", g_getenv ("KENSHO_SAMPLE"), "-o", with, "--charts", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&plain, "pdf", g_getenv ("KENSHO_SAMPLE"), "-o", without, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  pages = pdf_pages (with, &width, &height);
  plain_pages = pdf_pages (without, &width, &height);
  g_assert_cmpuint (pages, ==, plain_pages + (47 + 8) / 9);
  {
    g_autofree char *first = g_strdup_printf ("%u", plain_pages + 1);
    g_autofree char *image = artifact ("history-appendix");

    g_free (poppler ("pdftoppm", "-f", first, "-l", first, "-r", "60", "-png", with, image, NULL));
  }
  last = pdf_text (with, pages);
  /* The last indicator of the sample, with its chart's legend. */
  assert_contains (last, "Expected value");
  assert_contains (last, "Baseline");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/year/rollover/sample", test_rollover_sample);
  g_test_add_func ("/year/rollover/new-year", test_rollover_new_year);
  g_test_add_func ("/year/rollover/past-plan", test_rollover_past_plan);
  g_test_add_func ("/year/rollover/cli", test_cli_rollover);
  g_test_add_func ("/year/committee/xml", test_committee_xml);
  g_test_add_func ("/year/committee/older-version-kept", test_older_version_kept);
  g_test_add_func ("/year/committee/csv", test_committee_csv);
  g_test_add_func ("/year/committee/too-long", test_committee_too_long);
  g_test_add_func ("/year/committee/print", test_committee_print);
  g_test_add_func ("/year/history/chart", test_history_chart);
  g_test_add_func ("/year/history/chart-series", test_history_chart_series);
  g_test_add_func ("/year/history/appendix", test_history_appendix);
  return g_test_run ();
}
