/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "kensho-rollover.h"
#include "kensho-sheet-xml.h"
#include "test-sample.h"

static char *
temp_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own empty home. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
test_sample_round_trip (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) again = NULL;
  g_autoptr(GBytes) first = kensho_sheet_xml_serialize (sheet);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("round-trip.xml");
  g_autofree char *on_disk = NULL;
  gsize length;

  g_assert_true (kensho_sheet_xml_save_file (sheet, path, &error));
  g_assert_no_error (error);
  again = kensho_sheet_xml_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, again));

  /* Saving twice gives identical bytes, so a diff shows only real changes. */
  second = kensho_sheet_xml_serialize (again);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_file_get_contents (path, &on_disk, &length, NULL));
  g_assert_cmpmem (on_disk, length, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
}

static void
test_sample_saved_like_the_original (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GBytes) saved = kensho_sheet_xml_serialize (sheet);
  g_autofree char *original = NULL;
  gsize length;

  /* The bundled sample is kept in the form Kensho writes, so that opening
   * and saving it shows no difference at all. */
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &original, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), original, length);
}

static KenshoSheet *
build_tricky_sheet (void)
{
  KenshoSheet *sheet = kensho_sheet_new ();
  g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_GOAL, "1", "<b>しごと</b> & \"創生\"");
  g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (KENSHO_INDICATOR_TARGET, "a'b\"c");
  g_autoptr(KenshoSeries) second = kensho_series_new ("中学校");
  g_autoptr(KenshoValue) value = kensho_value_parse ("1,563件 (H30年度)", NULL);
  g_autoptr(KenshoValue) text = kensho_value_new_text ("  待機児童なし\n改行  ");

  kensho_sheet_set_municipality (sheet, "テスト町");
  kensho_sheet_set_title (sheet, "タイトル");
  kensho_sheet_set_notes (sheet, "一行目\n二行目\n\tタブ ");
  kensho_sheet_set_fiscal_year (sheet, 2023);
  g_assert_true (kensho_sheet_set_plan_period (sheet, 2020, 2027, NULL));
  kensho_sheet_set_divisions (sheet, (const char *[]) { "企画調整課", "a&b", NULL });
  kensho_node_set_notes (goal, "  前後の空白  ");
  g_assert_true (kensho_node_append (kensho_sheet_get_root (sheet), goal, NULL));
  g_assert_true (kensho_node_append (goal, KENSHO_NODE (indicator), NULL));
  kensho_series_set_name (kensho_indicator_get_series (indicator, 0), "小学校");
  kensho_indicator_insert_series (indicator, 1, second);
  kensho_series_set_baseline (second, value);
  kensho_series_set_actual (second, 2022, text);
  kensho_series_set_target (second, 2030, value);
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES,
                                   "<script>&amp; %s%n ]]> \r\n 改行");
  kensho_indicator_set_rating_id (indicator, 2022, "delayed");
  kensho_indicator_set_delay_reason (indicator, 2022, "理由");
  return sheet;
}

static void
test_tricky_text_round_trip (void)
{
  g_autoptr(KenshoSheet) sheet = build_tricky_sheet ();
  g_autoptr(GBytes) bytes = kensho_sheet_xml_serialize (sheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) again = kensho_sheet_xml_load_bytes (bytes, "tricky.xml", &error);

  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, again));
}

/* The parser drops the indentation between elements; text that is only
 * spaces, tabs or line breaks inside an element is content and stays. */
static void
test_blank_text_kept (void)
{
  g_autoptr(KenshoSheet) sheet = build_tricky_sheet ();
  KenshoNode *goal = kensho_node_get_child (kensho_sheet_get_root (sheet), 0);
  KenshoIndicator *indicator = KENSHO_INDICATOR (kensho_node_get_child (goal, 0));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) again = NULL;
  KenshoIndicator *loaded;

  kensho_node_set_notes (goal, "\n  ");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, " ");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "\t\n");
  kensho_indicator_set_delay_reason (indicator, 2022, "  ");
  bytes = kensho_sheet_xml_serialize (sheet);
  again = kensho_sheet_xml_load_bytes (bytes, "blank.xml", &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, again));
  loaded = KENSHO_INDICATOR (kensho_node_get_child (kensho_node_get_child (kensho_sheet_get_root (again), 0), 0));
  g_assert_cmpstr (kensho_node_get_notes (kensho_node_get_child (kensho_sheet_get_root (again), 0)), ==, "\n  ");
  g_assert_cmpstr (kensho_indicator_get_commentary (loaded, 2023, KENSHO_COMMENTARY_ACTIVITIES), ==, " ");
  g_assert_cmpstr (kensho_indicator_get_commentary (loaded, 2023, KENSHO_COMMENTARY_ISSUES), ==, "\t\n");
  g_assert_cmpstr (kensho_indicator_get_delay_reason (loaded, 2022), ==, "  ");
}

static void
test_unsavable_characters_replaced (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) again = NULL;

  /* A control character pasted from elsewhere must not make the saved
   * file impossible to open. */
  kensho_sheet_set_municipality (sheet, "伊勢崎\x01市");
  /* Nor noncharacters, which loading refuses (cairo cannot print them). */
  kensho_sheet_set_title (sheet, "a\xEF\xB7\x90" "b\xF4\x8F\xBF\xBF" "c");
  bytes = kensho_sheet_xml_serialize (sheet);
  again = kensho_sheet_xml_load_bytes (bytes, "control.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kensho_sheet_get_municipality (again), ==, "伊勢崎\xEF\xBF\xBD市");
  g_assert_cmpstr (kensho_sheet_get_title (again), ==, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
}

/* tests/data/valid/minimal.xml with the first `old` replaced by `new`. */
static char *
minimal_with (const char *old, const char *new)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "minimal.xml", NULL);
  g_autofree char *minimal = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  parts = g_strsplit (minimal, old, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (new, parts[0], parts[1], NULL);
}

static KenshoSheet *
load_data (const char *data, gsize size, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return kensho_sheet_xml_load_bytes (bytes, "test.xml", error);
}

static void
assert_refused (const char *data, gsize size, KenshoFormatError code, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = load_data (data, size, &error);

  g_assert_null (sheet);
  g_assert_error (error, KENSHO_FORMAT_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, message);
}

/* libxml2 2.9 compares every attribute with all before it: 20,000 took
 * 7 s. They are counted before parsing, in UTF-16 too. */
static void
test_many_attributes_refused (void)
{
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  glong n_units = 0;

  for (guint i = 0; i < 33; i++)
    g_string_append_printf (attributes, "xmlns:n%u=\"urn:x-%u\" ", i, i);
  g_string_append (attributes, "id=\"g1\"");
  text = minimal_with ("id=\"g1\"", attributes->str);
  assert_refused (text, strlen (text), KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                  "test.xml:20: An element has more than 32 attributes, far more than any sheet has; "
                  "the file was not opened.");

  {
    g_auto(GStrv) parts = g_strsplit (text, "encoding=\"UTF-8\"", 2);
    g_autofree char *declared = g_strjoinv ("encoding=\"UTF-16\"", parts);

    utf16 = (char *) g_utf8_to_utf16 (declared, -1, NULL, &n_units, NULL);
  }
  with_bom = g_malloc (2 * n_units + 2);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, 2 * n_units);
  assert_refused (with_bom, 2 * n_units + 2, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                  "test.xml:20: An element has more than 32 attributes, far more than any sheet has; "
                  "the file was not opened.");
}

/* What Windows writes under the label Shift_JIS is Windows-31J. */
static void
test_shift_jis_as_windows_31j (void)
{
  static const char commentary[] = "①～㈱№Ⅲ髙";
  g_autofree char *text = minimal_with ("<activities>", "<activities>①～㈱№Ⅲ髙");
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *labelled = NULL;
  g_autofree char *encoded = NULL;
  gsize size = 0;

  {
    g_auto(GStrv) parts = g_strsplit (text, "encoding=\"UTF-8\"", 2);

    labelled = g_strjoinv ("encoding=\"Shift_JIS\"", parts);
  }
  encoded = g_convert (labelled, -1, "CP932", "UTF-8", NULL, &size, &error);
  g_assert_no_error (error);
  sheet = load_data (encoded, size, &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_true (g_str_has_prefix (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                                    KENSHO_COMMENTARY_ACTIVITIES),
                                   commentary));

  /* Bytes that are not Windows-31J: one line, in words, and nothing on stderr. */
  memcpy (strstr (encoded, "<activities>") + strlen ("<activities>"), "\x87\xFF", 2);
  assert_refused (encoded, size, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED,
                  "test.xml:34: The file is damaged: it holds bytes that are not text in the encoding "
                  "it names (Shift_JIS).");
}

/* cairo refuses noncharacters: a sheet holding one could not be printed. */
static void
test_noncharacters_refused (void)
{
  static const struct { const char *written; const char *message; } cases[] = {
    { "<activities>\xEF\xB7\x90", "test.xml:34: The file is damaged: it holds U+FDD0, which Unicode "
                                     "reserves and never uses in text." },
    { "<activities>&#x10FFFF;", "test.xml:34: The file is damaged: it holds U+10FFFF, which Unicode "
                                "reserves and never uses in text." },
    { "<activities><![CDATA[\xF0\x9F\xBF\xBE]]>", "test.xml:34: The file is damaged: it holds U+1FFFE, "
                                                     "which Unicode reserves and never uses in text." },
  };
  g_autofree char *in_attribute = minimal_with ("note=\"", "note=\"\xEF\xB7\xAF");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = minimal_with ("<activities>", cases[i].written);

      assert_refused (text, strlen (text), KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, cases[i].message);
    }
  assert_refused (in_attribute, strlen (in_attribute), KENSHO_FORMAT_ERROR_NOT_WELL_FORMED,
                  "test.xml:31: The file is damaged: it holds U+FDEF, which Unicode reserves and "
                  "never uses in text.");
}

/* Pasted into ① and saved, 100,001 characters made a file Kensho refused
 * to open: such a sheet is not saved, and the message names the text. */
static void
test_too_long_not_saved (void)
{
  g_autoptr(KenshoSheet) sheet = build_tricky_sheet ();
  KenshoNode *goal = kensho_node_get_child (kensho_sheet_get_root (sheet), 0);
  KenshoIndicator *indicator = KENSHO_INDICATOR (kensho_node_get_child (goal, 0));
  g_autofree char *longest = g_strnfill (KENSHO_LONG_TEXT_MAX, 'x');
  g_autofree char *too_long = g_strconcat (longest, "y", NULL);
  g_autofree char *path = temp_path ("too-long.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) note_error = NULL;
  g_autoptr(KenshoSheet) again = NULL;
  g_autoptr(KenshoValue) value = kensho_value_new_text ("-");

  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, too_long);
  g_assert_false (kensho_sheet_xml_save_file (sheet, path, &error));
  g_assert_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "① Activities of 令和5年度 of “a'b\"c” is too long to save: 100,001 characters, "
                   "where a sheet file holds at most 100,000.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* At the limit, it is saved and opens again. */
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, longest);
  g_clear_error (&error);
  g_assert_true (kensho_sheet_xml_save_file (sheet, path, &error));
  g_assert_no_error (error);
  again = kensho_sheet_xml_load_file (path, &error);
  g_assert_no_error (error);

  /* The parts of a value too. */
  kensho_value_set_note (value, too_long);
  kensho_series_set_actual (kensho_indicator_get_series (indicator, 0), 2023, value);
  g_assert_false (kensho_sheet_xml_save_file (sheet, path, &note_error));
  g_assert_error (note_error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (note_error->message, "A value of “a'b\"c” is too long to save"));
}

typedef struct
{
  const char *file;
  KenshoFormatError code;
  int line; /* 0: no line */
  const char *message;
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  { "empty.xml", KENSHO_FORMAT_ERROR_NOT_A_SHEET, 0, "The file is empty." },
  { "not-xml.xml", KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, 1, "The file is damaged or is not a sheet: It does not start as an XML file does, with “<”." },
  { "truncated.xml", KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, 18, "The file is damaged: it ends in the middle of a character, so it was probably cut short." },
  { "invalid-utf8.xml", KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, 4, "The file is damaged or is not a sheet: It holds bytes that are not UTF-8 text, and it names no other encoding." },
  { "other-namespace.xml", KENSHO_FORMAT_ERROR_NOT_A_SHEET, 2, "This is not a Kensho sheet: its <sheet> is of the namespace “http://www.w3.org/1999/xhtml”, not “urn:x-kensho:sheet”." },
  { "newer-version.xml", KENSHO_FORMAT_ERROR_NEWER_VERSION, 2, "This sheet was saved by a newer version of Kensho (format 2.0); this version reads format 1.x. Please update Kensho to open it." },
  { "external-entity.xml", KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, 2, "The file contains a document type declaration (DOCTYPE), which sheets never have; it was not opened, for safety." },
  { "billion-laughs.xml", KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, 2, "The file contains a document type declaration (DOCTYPE)" },
  { "unknown-kind.xml", KENSHO_FORMAT_ERROR_INVALID, 22, "The sheet does not follow the Kensho format: <indicator> has an attribute that is missing, misspelt or not allowed." },
  { "missing-name.xml", KENSHO_FORMAT_ERROR_INVALID, 23, "The sheet does not follow the Kensho format: <unit> is not allowed here." },
  { "wrong-nesting.xml", KENSHO_FORMAT_ERROR_INVALID, 40, "The sheet does not follow the Kensho format: <goal> is not allowed here; <indicator> was expected." },
  { "year-out-of-range.xml", KENSHO_FORMAT_ERROR_INVALID, 8, "The sheet does not follow the Kensho format: <fiscal-year> holds a value of the wrong form." },
  { "bad-number.xml", KENSHO_FORMAT_ERROR_INVALID, 28, "the actual of 令和4年度 of “新規求人数”: “1e309” is not a number." },
  { "bad-period.xml", KENSHO_FORMAT_ERROR_INVALID, 31, "the final-year target of “新規求人数”: The period is wrong: “平成99年度” is outside the years Kensho knows" },
  { "duplicate-id.xml", KENSHO_FORMAT_ERROR_DUPLICATE_ID, 40, "The identifier “i1” is used twice (first on line 22); each goal, measure and indicator needs its own." },
  { "unknown-rating.xml", KENSHO_FORMAT_ERROR_INVALID, 37, "The rating “excellent” of “新規求人数” is not in the sheet’s rating scale." },
  { "plan-reversed.xml", KENSHO_FORMAT_ERROR_INVALID, 9, "The plan period cannot end (令和2年度) before it starts (令和9年度)." },
  { "duplicate-actual.xml", KENSHO_FORMAT_ERROR_INVALID, 29, "“新規求人数” has two actual values for 令和4年度." },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *test_case = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "malformed", test_case->file,
                                                 NULL);
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, &error);

  g_assert_null (sheet);
  g_assert_error (error, KENSHO_FORMAT_ERROR, (int) test_case->code);
  g_test_message ("%s", error->message);

  /* Every message names the file, the line when there is one, and says
   * what is wrong on one line. */
  prefix = test_case->line > 0 ? g_strdup_printf ("%s:%d: ", path, test_case->line)
                               : g_strdup_printf ("%s:", path);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, test_case->message));
  g_assert_null (strchr (error->message, '\n'));
  /* Nothing of a local file leaks into the message. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_save_keeps_old_file_on_failure (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autofree char *dir = temp_path ("readonly");
  g_autofree char *path = g_build_filename (dir, "sheet.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  if (geteuid () == 0)
    {
      /* root writes into read-only folders; a folder of the target's name
       * makes the rename fail instead. */
      g_autofree char *blocked = g_build_filename (dir, "folder.xml", NULL);

      g_assert_cmpint (g_mkdir_with_parents (blocked, 0755), ==, 0);
      g_assert_false (kensho_sheet_xml_save_file (sheet, blocked, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
      g_assert_nonnull (strstr (error->message, "There is a folder of that name."));
      g_assert_true (g_file_test (blocked, G_FILE_TEST_IS_DIR));
    }
  else
    {
      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (path, "old content", -1, NULL));
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (kensho_sheet_xml_save_file (sheet, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "permission"));
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old content");
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    }

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_save_replaces_atomically (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autofree char *path = temp_path ("sheet.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) again = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (kensho_sheet_xml_save_file (sheet, path, &error));
  g_assert_no_error (error);
  again = kensho_sheet_xml_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, again));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file ("/nonexistent/sheet.xml", &error);

  g_assert_null (sheet);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/sheet.xml: Could not read the file"));
}

static void
assert_copy_saved_the_same (KenshoSheet *sheet)
{
  g_autoptr(KenshoSheet) copy = kensho_sheet_copy (sheet);
  g_autoptr(GBytes) original = kensho_sheet_xml_serialize (sheet);
  g_autoptr(GBytes) copied = kensho_sheet_xml_serialize (copy);

  g_assert_cmpmem (g_bytes_get_data (copied, NULL), g_bytes_get_size (copied),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

/* A save in a thread writes a copy of the sheet, made when Save was
 * chosen: the copy must be saved byte for byte as the sheet would be, for
 * the sample, every fixture, and a hand-out with the committee's words. */
static void
test_copy_saved_the_same (void)
{
  const char *const folders[] = { "valid", "checks" };
  g_autoptr(KenshoSheet) sample = load_sample ();
  g_autoptr(KenshoHandoutTag) tag = kensho_handout_tag_new ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sample);
  guint n = 0;

  assert_copy_saved_the_same (sample);
  tag->id = g_strdup ("h0123456789abcdef0123456789abcdef");
  tag->sheet_key = g_strdup ("伊勢崎市/2023");
  tag->division = g_strdup ("商工労働課");
  tag->sent = g_strdup ("2026-06-01T09:00:00Z");
  tag->due = g_strdup ("2026-06-30");
  tag->contact = g_strdup ("企画調整課 内線 1234");
  tag->base = kensho_sheet_xml_serialize (sample);
  kensho_sheet_set_handout (sample, tag);
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_OPINION, "意見 & <注>");
  kensho_indicator_set_committee (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMITTEE_RESPONSE, "対応");
  assert_copy_saved_the_same (sample);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", folders[f], NULL);
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_nonnull (listing);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, &error);

          g_assert_no_error (error);
          assert_copy_saved_the_same (sheet);
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 15);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/xml/sample-saved-like-the-original", test_sample_saved_like_the_original);
  g_test_add_func ("/xml/tricky-text-round-trip", test_tricky_text_round_trip);
  g_test_add_func ("/xml/blank-text-kept", test_blank_text_kept);
  g_test_add_func ("/xml/unsavable-characters-replaced", test_unsavable_characters_replaced);
  g_test_add_func ("/xml/save-keeps-old-file-on-failure", test_save_keeps_old_file_on_failure);
  g_test_add_func ("/xml/save-replaces-atomically", test_save_replaces_atomically);
  g_test_add_func ("/xml/missing-file", test_missing_file);
  g_test_add_func ("/xml/copy-saved-the-same", test_copy_saved_the_same);
  g_test_add_func ("/xml/many-attributes-refused", test_many_attributes_refused);
  g_test_add_func ("/xml/shift-jis-as-windows-31j", test_shift_jis_as_windows_31j);
  g_test_add_func ("/xml/noncharacters-refused", test_noncharacters_refused);
  g_test_add_func ("/xml/too-long-not-saved", test_too_long_not_saved);
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/xml/malformed/%s", malformed_cases[i].file);

      g_test_add_data_func (name, &malformed_cases[i], test_malformed);
    }
  return g_test_run ();
}
