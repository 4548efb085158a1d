/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed sheet, checked through the PDF it makes: poppler's pdfinfo,
 * pdftotext and pdftoppm read what was really drawn. Page images are kept
 * in the build directory (tests/artifacts/) to be looked at. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "kensho-achievement.h"
#include "kensho-csv.h"
#include "kensho-overview.h"
#include "kensho-pdf-export.h"
#include "kensho-print-layout.h"
#include "kensho-sheet-table.h"
#include "kensho-sheet-xml.h"
#include "test-pdf.h"
#include "test-sample.h"

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static guint
save_pdf (KenshoSheet *sheet, const char *name, KenshoPaper paper, gboolean portrait, char **path)
{
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autoptr(GError) error = NULL;

  *path = artifact (name);
  g_assert_true (kensho_pdf_export_save (layout, *path, paper, portrait, &error));
  g_assert_no_error (error);
  return kensho_print_layout_get_n_pages (layout);
}

static guint
save_layout (KenshoPrintLayout *layout, const char *name, char **path)
{
  g_autoptr(GError) error = NULL;

  *path = artifact (name);
  g_assert_true (kensho_pdf_export_save (layout, *path, KENSHO_PAPER_A3, FALSE, &error));
  g_assert_no_error (error);
  return kensho_print_layout_get_n_pages (layout);
}

/* Page images to look at, at 50 dpi. */
static void
save_images (const char *pdf, const char *prefix, guint last_page)
{
  g_autofree char *root = artifact (prefix);
  g_autofree char *dir = g_path_get_dirname (root);
  g_autofree char *start = g_strconcat (prefix, "-", NULL);
  g_autofree char *last = g_strdup_printf ("%u", last_page);
  g_autofree char *first_image = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDir) images = g_dir_open (dir, 0, NULL);
  const char *name;

  /* The images of an earlier run, that may have had more pages, go. */
  while (images != NULL && (name = g_dir_read_name (images)) != NULL)
    if (g_str_has_prefix (name, start) && g_str_has_suffix (name, ".png") &&
        strspn (name + strlen (start), "0123456789") == strlen (name) - strlen (start) - strlen (".png"))
      {
        g_autofree char *old = g_build_filename (dir, name, NULL);

        g_remove (old);
      }
  out = poppler ("pdftoppm", "-r", "50", "-png", "-l", last, pdf, root, NULL);
  first_image = g_strdup_printf ("%s-%s1.png", root, last_page >= 10 ? "0" : "");
  g_assert_true (g_file_test (first_image, G_FILE_TEST_EXISTS));
}

/* What every page must show: the title, label, notes, the column headings
 * (named after the fiscal year shown) and "n / N". */
static void
assert_page_furniture (KenshoSheet *sheet, const char *pdf, guint n_pages)
{
  g_autofree char *title = kensho_sheet_dup_display_title (sheet);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("%u/%u", page, n_pages);

      assert_contains (text, title);
      assert_contains (text, kensho_sheet_get_label (sheet));
      assert_contains (text, kensho_sheet_get_notes (sheet));
      for (KenshoHeading heading = KENSHO_HEADING_GOAL; heading <= KENSHO_HEADING_TARGET; heading++)
        assert_contains (text, kensho_sheet_table_heading (heading));
      for (KenshoHeading heading = KENSHO_HEADING_PROGRESS; heading <= KENSHO_HEADING_DIVISION; heading++)
        assert_contains (text, kensho_sheet_table_heading (heading));
      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          g_autofree char *heading = kensho_sheet_dup_column_title (sheet, column);

          assert_contains (text, heading);
        }
      g_assert_true (g_str_has_suffix (text, number));
    }
}

static void
test_sample_a3 (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (sheet);
  g_autofree char *pdf = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  double width, height;
  guint n_pages = save_pdf (sheet, "isesaki-r5-a3.pdf", KENSHO_PAPER_A3, FALSE, &pdf);

  /* A3 landscape, one page at least for each of the six sub-goals. */
  g_assert_cmpuint (pdf_pages (pdf, &width, &height), ==, n_pages);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpuint (n_pages, <=, 10);
  /* Stable: the same sheet gives the same pages. */
  g_assert_cmpuint (save_pdf (sheet, "isesaki-r5-a3-again.pdf", KENSHO_PAPER_A3, FALSE, &again), ==, n_pages);
  save_images (pdf, "isesaki-r5-a3", n_pages);
  assert_page_furniture (sheet, pdf, n_pages);

  /* Every indicator, its rating and its division; each value as written. */
  text = pdf_text (pdf, 0);
  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      const char *rating_id = kensho_indicator_get_rating_id (indicator, 2023);

      assert_contains (text, kensho_indicator_get_name (indicator));
      assert_contains (text, kensho_rating_get_label (kensho_rating_scale_lookup (scale, rating_id)));
      assert_contains (text, kensho_indicator_get_division (indicator));
      for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        if (kensho_indicator_get_commentary (indicator, 2023, part) != NULL)
          assert_contains (text, kensho_indicator_get_commentary (indicator, 2023, part));
      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          g_autofree char *value = kensho_indicator_format_column (indicator, column, 2023);

          assert_contains (text, value);
        }
    }
  for (guint i = 0; i < kensho_rating_scale_get_n_ratings (scale); i++)
    assert_contains (text, kensho_rating_get_label (kensho_rating_scale_get_rating (scale, i)));
  /* Named series, one a line, with their shared period and note. */
  assert_contains (text, "男性77.41歳 女性79.89歳 (令和元年) ※変更前");
  assert_contains (text, "小学校88.7% 中学校82.8%");

  /* Groups print like merged cells: a heading once per page it runs over. */
  first_page = pdf_text (pdf, 1);
  g_assert_cmpuint (count (first_page, "1しごとの創生"), ==, 1);
  g_assert_cmpuint (count (first_page, "1-1安定した雇用の創出"), ==, 1);
  g_assert_cmpuint (count (first_page, "①地域産業の活性化、付加価値の向上"), ==, 1);
  g_assert_cmpuint (count (text, "1-1安定した雇用の創出"), ==, 1);
  g_assert_null (strstr (first_page, "1-2ひとの流れの創出"));
}

/* A commentary of 5,000 characters runs over pages, cut between lines, and
 * every numbered sentence of it is printed exactly once, in order. */
static void
test_long_commentary (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *first = g_ptr_array_index (indicators, 0);
  KenshoIndicator *second = g_ptr_array_index (indicators, 1);
  g_autoptr(GString) commentary = g_string_new (NULL);
  g_autofree char *plain_pdf = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint plain_pages = save_pdf (sheet, "plain.pdf", KENSHO_PAPER_A3, FALSE, &plain_pdf);
  guint n_pages, n_sentences = 0;
  const char *previous = NULL;

  while (g_utf8_strlen (commentary->str, -1) < 5000)
    g_string_append_printf (commentary, "【%04u】地域の事業者と連携し、支援策の周知と改善に取り組んだ。", ++n_sentences);
  kensho_indicator_set_commentary (first, 2023, KENSHO_COMMENTARY_ACTIVITIES, commentary->str);
  n_pages = save_pdf (sheet, "long-commentary.pdf", KENSHO_PAPER_A3, FALSE, &pdf);
  save_images (pdf, "long-commentary", n_pages);

  g_assert_cmpuint (n_pages, >=, plain_pages + 2);
  assert_page_furniture (sheet, pdf, n_pages);
  text = pdf_text (pdf, 0);
  for (guint i = 1; i <= n_sentences; i++)
    {
      g_autofree char *mark = g_strdup_printf ("【%04u】", i);
      const char *at = strstr (text, mark);

      g_assert_cmpuint (count (text, mark), ==, 1);
      g_assert_true (at > previous);
      previous = at;
    }
  /* Page by page, the pieces of the cell join up to the whole text. */
  {
    g_autofree char *cell = g_strconcat ("①", commentary->str, NULL);
    const char *rest = cell;

    for (guint page = 1; page <= n_pages && *rest; page++)
      {
        g_autofree char *page_text = pdf_text (pdf, page);
        g_autofree char *head = g_strndup (rest, 12);
        const char *at = strstr (page_text, head);

        while (at != NULL && *rest && *at == *rest)
          at++, rest++;
      }
    g_assert_cmpstr (rest, ==, "");
  }
  /* The rest of the row went on with it; the next row follows whole. */
  assert_contains (text, kensho_indicator_get_commentary (first, 2023, KENSHO_COMMENTARY_NEXT_STEPS));
  assert_contains (text, kensho_indicator_get_name (second));
}

/* User text is plain text: markup characters print as they are. */
static void
test_markup_is_literal (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *indicator = g_ptr_array_index (indicators, 3);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES,
                                   "<b>太字</b> & <i>斜体 &amp; 記号 <span foreground=\"red\">赤</span>");
  kensho_indicator_set_name (indicator, "R&D <支援> 件数");
  save_pdf (sheet, "markup.pdf", KENSHO_PAPER_A3, FALSE, &pdf);
  text = pdf_text (pdf, 0);
  assert_contains (text, "②<b>太字</b> & <i>斜体 &amp; 記号 <span foreground=\"red\">赤</span>");
  assert_contains (text, "R&D <支援> 件数");
}

static void
test_a4 (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autofree char *a3 = NULL;
  g_autofree char *portrait = NULL;
  g_autofree char *landscape = NULL;
  g_autofree char *text = NULL;
  double width, height;
  guint a3_pages = save_pdf (sheet, "a3.pdf", KENSHO_PAPER_A3, FALSE, &a3);
  guint portrait_pages = save_pdf (sheet, "isesaki-r5-a4-portrait.pdf", KENSHO_PAPER_A4, TRUE, &portrait);
  guint landscape_pages = save_pdf (sheet, "isesaki-r5-a4.pdf", KENSHO_PAPER_A4, FALSE, &landscape);

  g_assert_cmpuint (pdf_pages (portrait, &width, &height), ==, portrait_pages);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_cmpuint (pdf_pages (landscape, &width, &height), ==, landscape_pages);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.01);
  g_assert_cmpuint (portrait_pages, >, a3_pages);
  g_assert_cmpuint (landscape_pages, >=, a3_pages);
  save_images (portrait, "isesaki-r5-a4-portrait", 3);
  save_images (landscape, "isesaki-r5-a4", 3);
  assert_page_furniture (sheet, portrait, portrait_pages);
  text = pdf_text (portrait, 0);
  for (guint i = 0; i < indicators->len; i++)
    assert_contains (text, kensho_indicator_get_name (g_ptr_array_index (indicators, i)));
}

/* The headings follow the fiscal year shown, and the translation. */
static void
test_headings_in_japanese (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autofree char *summary_pdf = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *sheet_page = NULL;
  guint n_pages;
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *old_language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (old_language);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "ja", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  kensho_sheet_set_fiscal_year (sheet, 2024);
  save_pdf (sheet, "headings-ja.pdf", KENSHO_PAPER_A3, FALSE, &pdf);
  text = pdf_text (pdf, 1);
  /* The summary page and the achievement column too. */
  kensho_print_layout_set_summary (layout, TRUE);
  kensho_print_layout_set_achievement (layout, TRUE);
  n_pages = save_layout (layout, "summary-ja.pdf", &summary_pdf);
  save_images (summary_pdf, "summary-ja", n_pages);
  summary = pdf_text (summary_pdf, 1);
  sheet_page = pdf_text (summary_pdf, kensho_print_layout_get_n_summary_pages (layout) + 1);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  assert_contains (text, "令和6年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート");
  assert_contains (text, "大基本目標");
  assert_contains (text, "小基本目標");
  assert_contains (text, "数値目標");
  assert_contains (text, "具体的な施策");
  assert_contains (text, "重要業績評価指標 (KPI) 名称");
  assert_contains (text, "令和6年度 ①主な取組・事業実施状況 ②課題 ③今後の方策等");
  assert_contains (text, "基準値 (令和元年度)");
  assert_contains (text, "令和5年度実績値");
  assert_contains (text, "令和6年度実績値");
  assert_contains (text, "令和6年度目標値");
  assert_contains (text, "計画最終年度目標値 (令和9年度)");
  assert_contains (text, "進捗状況");
  assert_contains (text, "進捗が遅れている理由");
  assert_contains (text, "指標の担当課");

  assert_contains (summary, "令和6年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート評価の集計");
  assert_contains (summary, "基本目標・小基本目標ごとの評価");
  /* Nothing is rated yet for 令和6年度: all unrated, none delayed. */
  assert_contains (summary, "未評価 計 シート全体 0 0 0 47 47");
  assert_contains (summary, "進捗が遅れている指標（0件）進捗が遅れている指標はありません。");
  assert_contains (sheet_page, "計画最終年度目標値 (令和9年度) 達成率 進捗状況");
  /* No actuals yet: why there is no rate, in the form's words. */
  assert_contains (sheet_page, "今年度の達成率なし：令和6年度実績値がありません。最終目標に向けた進捗なし：");
}

/* Pagination in steps, as the print dialog runs it: progress rises and
 * the pages are those of a pagination at once. */
static void
test_paginate_in_steps (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintLayout) stepped = kensho_print_layout_new (sheet);
  g_autoptr(KenshoPrintLayout) at_once = kensho_print_layout_new (sheet);
  PangoContext *context = kensho_print_layout_create_pango_context ();
  double previous = 0;
  guint steps = 0;

  kensho_print_layout_begin (stepped, context, 1100, 780);
  g_assert_cmpuint (kensho_print_layout_get_n_pages (stepped), ==, 0);
  while (!kensho_print_layout_paginate_step (stepped, 5))
    {
      double progress = kensho_print_layout_get_progress (stepped);

      g_assert_cmpfloat (progress, >, previous);
      g_assert_cmpfloat (progress, <, 1);
      previous = progress;
      steps++;
    }
  g_assert_cmpuint (steps, ==, 47 / 5);
  g_assert_cmpfloat (kensho_print_layout_get_progress (stepped), ==, 1);
  g_assert_cmpuint (kensho_print_layout_get_n_pages (stepped), ==,
                    kensho_print_layout_paginate (at_once, context, 1100, 780));
  g_object_unref (context);
}

/* Column widths are weights: a narrower commentary column makes taller
 * rows and more pages; 0 restores the default. */
/* The PDF export a little at a time, as the window runs it: progress that
 * only grows, the same pages as in one go, and no file until the end. */
static void
test_pdf_export_in_steps (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autoptr(KenshoPrintLayout) whole_layout = kensho_print_layout_new (sheet);
  g_autoptr(KenshoPdfExport) export = kensho_pdf_export_new (layout, KENSHO_PAPER_A3, FALSE);
  g_autoptr(KenshoPdfExport) dropped = NULL;
  g_autofree char *pdf = artifact ("export-in-steps.pdf");
  g_autofree char *whole = artifact ("export-whole.pdf");
  g_autofree char *untouched = artifact ("export-dropped.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *whole_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoPrintLayout) dropped_layout = kensho_print_layout_new (sheet);
  double progress = 0, last = 0, width, height;
  guint steps = 0;
  gboolean halfway_seen = FALSE;

  g_remove (pdf);
  g_assert_cmpfloat (kensho_pdf_export_get_progress (export), ==, 0);
  while (kensho_pdf_export_step (export))
    {
      progress = kensho_pdf_export_get_progress (export);
      g_assert_cmpfloat (progress, >=, last);
      g_assert_cmpfloat (progress, <=, 1);
      halfway_seen |= progress > 0.25 && progress < 0.75;
      last = progress;
      steps++;
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  /* 47 indicators: several steps, with values between the ends. */
  g_assert_cmpuint (steps, >, 10);
  g_assert_true (halfway_seen);
  g_assert_cmpfloat (kensho_pdf_export_get_progress (export), ==, 1);
  g_assert_true (kensho_pdf_export_finish (export, pdf, &error));
  g_assert_no_error (error);

  g_assert_true (kensho_pdf_export_save (whole_layout, whole, KENSHO_PAPER_A3, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf, &width, &height), ==, pdf_pages (whole, &width, &height));
  text = pdf_text (pdf, 0);
  whole_text = pdf_text (whole, 0);
  g_assert_cmpstr (text, ==, whole_text);

  /* Dropped halfway: the file there before is as it was. */
  g_assert_true (g_file_set_contents (untouched, "before", -1, NULL));
  dropped = kensho_pdf_export_new (dropped_layout, KENSHO_PAPER_A4, TRUE);
  for (guint i = 0; i < 5; i++)
    kensho_pdf_export_step (dropped);
  g_clear_object (&dropped);
  g_assert_true (g_file_get_contents (untouched, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");
}

/* Noncharacters typed into the app (a file with them is refused) print as
 * U+FFFD: cairo refused them and the whole PDF failed, in English. */
static void
test_noncharacters_print (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *first = g_ptr_array_index (indicators, 0);
  g_autofree char *pdf = artifact ("noncharacters.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  kensho_sheet_set_title (sheet, "題名\xef\xbf\xbe終");
  kensho_indicator_set_commentary (first, 2023, KENSHO_COMMENTARY_ACTIVITIES, "前\xef\xb7\x90後\xf4\x8f\xbf\xbf末");
  g_assert_true (kensho_pdf_export_save (layout, pdf, KENSHO_PAPER_A3, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "前\xef\xbf\xbd後\xef\xbf\xbd末"));
}

static void
test_column_widths (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  PangoContext *context = kensho_print_layout_create_pango_context ();
  double width, height;
  guint normal, narrow;

  kensho_paper_get_size (KENSHO_PAPER_A3, FALSE, &width, &height);
  normal = kensho_print_layout_paginate (layout, context, width - 60, height - 60);
  kensho_print_layout_set_column_width (layout, KENSHO_PRINT_COLUMN_COMMENTARY, 80);
  g_assert_cmpfloat (kensho_print_layout_get_column_width (layout, KENSHO_PRINT_COLUMN_COMMENTARY), ==, 80);
  narrow = kensho_print_layout_paginate (layout, context, width - 60, height - 60);
  g_assert_cmpuint (narrow, >, normal);
  kensho_print_layout_set_column_width (layout, KENSHO_PRINT_COLUMN_COMMENTARY, 0);
  g_assert_cmpuint (kensho_print_layout_paginate (layout, context, width - 60, height - 60), ==, normal);
  g_object_unref (context);
}

/* Only one division, one rating, or one goal. */
static void
test_filters (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autofree char *pdf = artifact ("division.pdf");
  g_autofree char *goal_pdf = artifact ("goal-3.pdf");
  g_autofree char *text = NULL;
  g_autofree char *goal_text = NULL;
  g_autoptr(GError) error = NULL;
  KenshoNode *goal = kensho_sheet_lookup (sheet, "g3");
  guint shown = 0;

  kensho_print_layout_set_division (layout, "商工労働課");
  g_assert_true (kensho_pdf_export_save (layout, pdf, KENSHO_PAPER_A3, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  kensho_print_layout_set_division (layout, NULL);
  {
    g_autofree char *delayed_pdf = artifact ("delayed.pdf");
    g_autofree char *delayed = NULL;

    kensho_print_layout_set_rating (layout, "delayed");
    g_assert_true (kensho_pdf_export_save (layout, delayed_pdf, KENSHO_PAPER_A3, FALSE, &error));
    delayed = pdf_text (delayed_pdf, 0);
    assert_contains (delayed, "進捗の遅れ");
    assert_contains (delayed, "Only: 進捗の遅れ");
    g_assert_null (strstr (delayed, "概ね順調に進捗"));
    kensho_print_layout_set_rating (layout, NULL);
  }
  g_assert_nonnull (goal);
  kensho_print_layout_set_subtree (layout, goal);
  g_assert_true (kensho_pdf_export_save (layout, goal_pdf, KENSHO_PAPER_A3, FALSE, &error));
  goal_text = pdf_text (goal_pdf, 0);
  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *name = squeeze (kensho_indicator_get_name (indicator));
      gboolean of_division = g_strcmp0 (kensho_indicator_get_division (indicator), "商工労働課") == 0;
      gboolean of_goal = kensho_node_is_ancestor_of (goal, KENSHO_NODE (indicator));

      if (of_division)
        {
          assert_contains (text, name);
          shown++;
        }
      if (of_goal)
        assert_contains (goal_text, name);
      else
        g_assert_null (strstr (goal_text, name));
    }
  g_assert_cmpuint (shown, >, 3);
  /* Each page says what it was printed for. */
  assert_contains (text, "Only: 商工労働課");
  assert_contains (goal_text, "Only: 3 まちの創生");
  g_assert_cmpuint (count (goal_text, "Only:3まちの創生"), ==, kensho_print_layout_get_n_pages (layout));
  g_assert_null (strstr (text, "企業誘致課"));
  g_assert_null (strstr (goal_text, "1しごとの創生"));
}

/* The text of pages @first to @last (1-based), joined. */
static char *
pages_text (const char *pdf, guint first, guint last)
{
  GString *text = g_string_new (NULL);

  for (guint page = first; page <= last; page++)
    {
      g_autofree char *one = pdf_text (pdf, page);

      g_string_append (text, one);
    }
  return g_string_free (text, FALSE);
}

/* Each of @expected (blanks aside) is in @text, after the one before it;
 * with @once, exactly once. */
static void
assert_in_order (const char *text, GPtrArray *expected, gboolean once)
{
  const char *previous = NULL;

  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *squeezed = squeeze (g_ptr_array_index (expected, i));
      const char *at = strstr (text, squeezed);

      assert_contains (text, g_ptr_array_index (expected, i));
      if (once)
        g_assert_cmpuint (count (text, squeezed), ==, 1);
      g_assert_true (at > previous);
      previous = at;
    }
}

/* A row of the counts' table as printed: its title, then the count of each
 * rating, unrated and total, read from the overview. */
static char *
counts_row_text (KenshoOverview *overview, guint row)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (kensho_overview_get_sheet (overview));
  g_autofree char *title = kensho_overview_dup_row_title (overview, row);
  GString *text = g_string_new (title);

  for (guint r = 0; r < kensho_rating_scale_get_n_ratings (scale); r++)
    g_string_append_printf (text, " %u", kensho_overview_get_count (overview, row, r));
  g_string_append_printf (text, " %u %u", kensho_overview_get_unrated (overview, row),
                          kensho_overview_get_total (overview, row));
  return g_string_free (text, FALSE);
}

/* A delayed indicator as printed: name, rating, reason, division. */
static char *
delayed_row_text (KenshoSheet *sheet, KenshoIndicator *indicator)
{
  int fy = kensho_sheet_get_fiscal_year (sheet);
  KenshoRating *rating = kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (sheet),
                                                     kensho_indicator_get_rating_id (indicator, fy));
  const char *reason = kensho_indicator_get_delay_reason (indicator, fy);

  return g_strconcat (kensho_indicator_get_name (indicator), kensho_rating_get_label (rating),
                      reason ? reason : "No reason given.", kensho_indicator_get_division (indicator), NULL);
}

/* The summary page before the sheet: title and year, the counts of the
 * overview per row, and each delayed indicator with its reason. */
static void
test_summary (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoOverview) overview = kensho_overview_new (sheet);
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autoptr(KenshoPrintLayout) plain = kensho_print_layout_new (sheet);
  GPtrArray *delayed = kensho_overview_get_delayed (overview);
  g_autofree char *title = kensho_sheet_dup_display_title (sheet);
  g_autofree char *plain_pdf = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *first_sheet_page = NULL;
  g_autofree char *previous_end = NULL;
  guint n_plain = save_layout (plain, "plain-a3.pdf", &plain_pdf);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  guint n_pages, n_summary;

  g_assert_false (kensho_print_layout_get_summary (layout));
  kensho_print_layout_set_summary (layout, TRUE);
  g_assert_true (kensho_print_layout_get_summary (layout));
  n_pages = save_layout (layout, "summary-a3.pdf", &pdf);
  n_summary = kensho_print_layout_get_n_summary_pages (layout);
  save_images (pdf, "summary-a3", n_pages);
  g_assert_cmpuint (kensho_print_layout_get_n_summary_pages (plain), ==, 0);
  g_assert_cmpuint (n_summary, >=, 1);
  g_assert_cmpuint (n_pages, ==, n_summary + n_plain);
  g_assert_cmpuint (pdf_pages (pdf, &(double) { 0 }, &(double) { 0 }), ==, n_pages);

  summary = pages_text (pdf, 1, n_summary);
  for (guint page = 1; page <= n_summary; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("%u/%u", page, n_pages);

      assert_contains (text, title);
      assert_contains (text, "Summary of the Ratings");
      g_assert_true (g_str_has_suffix (text, number));
    }
  assert_contains (summary, "令和5年度");
  assert_contains (summary, "Ratings per Basic Goal and Sub-Goal");
  /* The counts, as the overview has them, row by row in order. */
  g_assert_cmpuint (kensho_overview_get_n_rows (overview), ==, 10);
  for (guint row = 0; row < kensho_overview_get_n_rows (overview); row++)
    g_ptr_array_add (counts, counts_row_text (overview, row));
  assert_in_order (summary, counts, FALSE);
  /* Checked by hand: 15 on track, 15 mostly, 17 delayed, none unrated, 47. */
  assert_contains (summary, "Whole sheet 15 15 17 0 47");
  assert_contains (summary, "1 しごとの創生 6 7 4 0 17");
  /* Each delayed indicator with its reason, in order. */
  {
    g_autofree char *heading = g_strdup_printf ("Delayed Indicators (%u)", delayed->len);

    assert_contains (summary, heading);
  }
  g_assert_cmpuint (delayed->len, ==, 17);
  for (guint i = 0; i < delayed->len; i++)
    g_ptr_array_add (rows, delayed_row_text (sheet, g_ptr_array_index (delayed, i)));
  assert_in_order (summary, rows, TRUE);
  assert_contains (summary, "新技術・新製品等の開発数進捗の遅れコロナ禍の影響による事業者の開発意欲の低下");
  /* Then the sheet as ever, numbered on. */
  first_sheet_page = pdf_text (pdf, n_summary + 1);
  assert_contains (first_sheet_page, "Key performance indicator (KPI)");
  assert_contains (first_sheet_page, kensho_indicator_get_name (g_ptr_array_index (delayed, 0)));
  g_assert_null (strstr (summary, "Key performance indicator (KPI)"));

  /* Only the summary: its pages alone. */
  kensho_print_layout_set_summary (layout, FALSE);
  kensho_print_layout_set_summary_only (layout, TRUE);
  g_assert_true (kensho_print_layout_get_summary (layout));
  {
    g_autofree char *only_pdf = NULL;

    g_assert_cmpuint (save_layout (layout, "summary-only.pdf", &only_pdf), ==, n_summary);
    g_assert_cmpuint (kensho_print_layout_get_n_summary_pages (layout), ==, n_summary);
    /* The same pages, but for their numbers. */
    for (guint page = 1; page <= n_summary; page++)
      {
        g_autofree char *alone = pdf_text (only_pdf, page);
        g_autofree char *first = pdf_text (pdf, page);
        g_autofree char *alone_number = g_strdup_printf ("%u/%u", page, n_summary);
        g_autofree char *first_number = g_strdup_printf ("%u/%u", page, n_pages);

        g_assert_true (g_str_has_suffix (alone, alone_number));
        g_assert_true (g_str_has_suffix (first, first_number));
        alone[strlen (alone) - strlen (alone_number)] = '\0';
        first[strlen (first) - strlen (first_number)] = '\0';
        g_assert_true (g_str_equal (alone, first));
      }
  }
}

/* Reddish pixels: the sample's delayed rating is #C62828. */
static guint
count_red_pixels (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        count += r > 150 && g < 100 && b < 100;
      }
  return count;
}

/* The delayed list shows each rating in its colour, as the sheet's
 * 進捗状況 column does. Page 2 of the sample's summary is the rest of
 * that list, with no chart. */
static void
test_summary_rating_colour (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  PangoContext *context = kensho_print_layout_create_pango_context ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  kensho_paper_get_size (KENSHO_PAPER_A3, FALSE, &width, &height);
  kensho_print_layout_set_summary_only (layout, TRUE);
  g_assert_cmpuint (kensho_print_layout_paginate (layout, context, width, height), ==, 2);
  g_object_unref (context);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  kensho_print_layout_draw_page (layout, cr, 1);
  cairo_surface_flush (surface);
  g_assert_cmpuint (count_red_pixels (surface), >, 50);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A long list of delayed indicators, one reason taller than a page: the
 * list runs over pages with its headings again, and no reason is lost or
 * printed twice. */
static void
test_summary_long_delayed (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autoptr(GString) giant = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  guint n_pages, n_sentences = 0;

  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *reason = g_strdup_printf ("【R%02u】人口減少と物価高騰の影響により、事業の参加者数が目標に届かなかった。"
                                                 "関係団体と連携し周知を強化する。", i);

      kensho_indicator_set_rating_id (indicator, 2023, "delayed");
      kensho_indicator_set_delay_reason (indicator, 2023, reason);
    }
  while (g_utf8_strlen (giant->str, -1) < 5000)
    g_string_append_printf (giant, "【S%04u】地域の事業者と連携し、支援策の周知と改善に取り組んだ。", ++n_sentences);
  kensho_indicator_set_delay_reason (g_ptr_array_index (indicators, 20), 2023, giant->str);

  kensho_print_layout_set_summary_only (layout, TRUE);
  n_pages = save_layout (layout, "summary-long.pdf", &pdf);
  save_images (pdf, "summary-long", n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  heading = g_strdup_printf ("Delayed Indicators (%u)", indicators->len);
  /* From the second page on, the list goes on under its headings. */
  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_text (pdf, page);

      assert_contains (page_text, heading);
      assert_contains (page_text, "IndicatorProgressReason for delayResponsible division");
    }
  text = pdf_text (pdf, 0);
  g_assert_null (strstr (text, "【R20】"));
  for (guint i = 0; i < indicators->len; i++)
    if (i != 20)
      g_ptr_array_add (marks, g_strdup_printf ("【R%02u】", i));
  assert_in_order (text, marks, TRUE);
  g_ptr_array_set_size (marks, 0);
  for (guint i = 1; i <= n_sentences; i++)
    g_ptr_array_add (marks, g_strdup_printf ("【S%04u】", i));
  assert_in_order (text, marks, TRUE);
}

/* The achievement column: not there unless asked for; then before the
 * progress, what the form says for each indicator. */
static void
test_achievement_column (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autofree char *plain_pdf = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *text = NULL;
  guint n_pages, checked = 0, several = 0, not_computable = 0;

  g_assert_false (kensho_print_layout_get_achievement (layout));
  save_layout (layout, "no-achievement.pdf", &plain_pdf);
  plain = pdf_text (plain_pdf, 0);
  g_assert_null (strstr (plain, "Achievement"));
  g_assert_null (strstr (plain, "againstthisyear’starget"));

  kensho_print_layout_set_achievement (layout, TRUE);
  g_assert_true (kensho_print_layout_get_achievement (layout));
  n_pages = save_layout (layout, "achievement.pdf", &pdf);
  save_images (pdf, "achievement", n_pages);
  assert_page_furniture (sheet, pdf, n_pages);
  text = pdf_text (pdf, 0);
  g_assert_cmpuint (count (text, "Achievement"), ==, n_pages);
  /* Checked by hand: 1,472 of this year's 1,594 and of the final 1,630,
   * between the final target and the rating. */
  assert_contains (text, "1,630件 92.3% against this year’s target 90.3% towards the final target 概ね順調に進捗");
  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *expected = kensho_indicator_format_achievement (indicator, sheet, "\n");
      g_auto(KenshoAchievement) summary = { 0 };

      assert_contains (text, kensho_indicator_get_name (indicator));
      if (*expected == '\0')
        continue;
      assert_contains (text, expected);
      checked++;
      kensho_indicator_summarize_achievement (indicator, sheet, &summary);
      if (kensho_indicator_get_n_series (indicator) > 1)
        several++;
      if (!summary.computable)
        {
          g_assert_nonnull (strstr (expected, "No rate this year: "));
          not_computable++;
        }
    }
  /* The sample has indicators of several series and some with no rate. */
  g_assert_cmpuint (checked, >=, 40);
  g_assert_cmpuint (several, >=, 1);
  g_assert_cmpuint (not_computable, >=, 1);
}

static void
test_cli (void)
{
  const char *sample = g_getenv ("KENSHO_SAMPLE");
  g_autofree char *out = artifact ("cli-a4-portrait.pdf");
  g_autofree char *a3 = artifact ("cli-a3.pdf");
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "malformed", "bad-number.xml", NULL);
  g_autofree char *nowhere = artifact ("no-such-folder/out.pdf");
  double width, height;

  {
    g_auto(Run) run = { 0 };

    g_remove (out);
    run_cli (&run, "pdf", sample, "-o", out, "--paper", "a4", "--portrait", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    pdf_pages (out, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
    g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(KenshoSheet) sheet = load_sample ();
    g_autofree char *library = NULL;

    /* The same pages as the library draws, A3 landscape by default. */
    run_cli (&run, "pdf", sample, "-o", a3, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (pdf_pages (a3, &width, &height), ==,
                      save_pdf (sheet, "library-a3.pdf", KENSHO_PAPER_A3, FALSE, &library));
    g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.01);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *division = artifact ("cli-division.pdf");
    g_autofree char *text = NULL;

    run_cli (&run, "pdf", sample, "-o", division, "--division", "住宅課", NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (division, 0);
    assert_contains (text, "危険空き家除却件数");
    g_assert_null (strstr (text, "安心安全課"));
  }
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) only_run = { 0 };
    g_auto(Run) achievement_run = { 0 };
    g_autoptr(KenshoSheet) sheet = load_sample ();
    g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
    g_autofree char *library = NULL;
    g_autofree char *summary = artifact ("cli-summary.pdf");
    g_autofree char *only = artifact ("cli-summary-only.pdf");
    g_autofree char *achievement = artifact ("cli-achievement.pdf");
    g_autofree char *first = NULL;
    g_autofree char *only_text = NULL;
    g_autofree char *achievement_text = NULL;
    guint n_pages, n_summary;

    /* --summary: the summary's pages, then the sheet's, as the library
     * draws them. */
    kensho_print_layout_set_summary (layout, TRUE);
    n_pages = save_layout (layout, "library-summary.pdf", &library);
    n_summary = kensho_print_layout_get_n_summary_pages (layout);
    run_cli (&run, "pdf", sample, "-o", summary, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpuint (pdf_pages (summary, &width, &height), ==, n_pages);
    first = pdf_text (summary, 1);
    assert_contains (first, "Summary of the Ratings");
    assert_contains (first, "Whole sheet 15 15 17 0 47");

    run_cli (&only_run, "pdf", sample, "-o", only, "--summary-only", "--paper", "a3", NULL);
    g_assert_cmpint (only_run.status, ==, 0);
    g_assert_cmpuint (pdf_pages (only, &width, &height), ==, n_summary);
    only_text = pdf_text (only, 0);
    assert_contains (only_text, "Whole sheet 15 15 17 0 47");
    g_assert_null (strstr (only_text, "Keyperformanceindicator(KPI)"));

    run_cli (&achievement_run, "pdf", sample, "-o", achievement, "--achievement", NULL);
    g_assert_cmpint (achievement_run.status, ==, 0);
    achievement_text = pdf_text (achievement, 0);
    assert_contains (achievement_text, "92.3% against this year’s target 90.3% towards the final target");
    g_assert_null (strstr (achievement_text, "SummaryoftheRatings"));
  }
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) help = { 0 };
    g_auto(Run) commands = { 0 };
    g_autofree char *never = artifact ("cli-never.pdf");

    /* Usage errors: 2, and nothing written. */
    run_cli (&run, "pdf", sample, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_remove (never);
    g_clear_pointer (&run.out, g_free);
    g_clear_pointer (&run.err, g_free);
    run_cli (&run, "pdf", sample, "-o", never, "--summary-only", "--division", "住宅課", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--summary-only"));
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
    g_clear_pointer (&run.out, g_free);
    g_clear_pointer (&run.err, g_free);
    run_cli (&run, "pdf", sample, "-o", never, "--summary-only", "--achievement", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));

    /* The options are in the help. */
    run_cli (&help, "pdf", "--help", NULL);
    g_assert_cmpint (help.status, ==, 0);
    g_assert_nonnull (strstr (help.out, "--summary "));
    g_assert_nonnull (strstr (help.out, "--summary-only"));
    g_assert_nonnull (strstr (help.out, "--achievement"));
    run_cli (&commands, "--help", NULL);
    g_assert_nonnull (strstr (commands.out, "with a summary page if asked"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "pdf", sample, "-o", out, "--paper", "b5", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "a3"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "pdf", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("%s:", bad);

    /* A file that cannot be read, or written: 1, with the reason. */
    g_remove (nowhere);
    run_cli (&run, "pdf", bad, "-o", nowhere, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, expected));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "pdf", sample, "-o", nowhere, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, !=, "");
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

/* Notes of 10,000 characters do not fit above the table: they get pages
 * of their own, in full and in order, and the table still prints, with
 * the filters said above it. */
static void
test_long_notes (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(KenshoPrintLayout) filtered = kensho_print_layout_new (sheet);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *plain_pdf = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *filtered_pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *filtered_last = NULL;
  guint plain_pages = save_pdf (sheet, "plain-notes.pdf", KENSHO_PAPER_A3, FALSE, &plain_pdf);
  guint n_pages, n_filtered, n_sentences = 0;
  const char *previous = NULL;

  while (g_utf8_strlen (notes->str, -1) < 10000)
    g_string_append_printf (notes, "〔%04u〕この効果検証は外部有識者会議の意見を踏まえて行った。", ++n_sentences);
  kensho_sheet_set_notes (sheet, notes->str);
  n_pages = save_pdf (sheet, "long-notes.pdf", KENSHO_PAPER_A3, FALSE, &pdf);
  g_test_message ("%u pages without the notes, %u with them", plain_pages, n_pages);
  g_assert_cmpuint (n_pages, >, plain_pages);
  g_assert_cmpuint (n_pages, <=, plain_pages + 3);
  save_images (pdf, "long-notes", n_pages);

  text = pdf_text (pdf, 0);
  for (guint i = 1; i <= n_sentences; i++)
    {
      g_autofree char *mark = g_strdup_printf ("〔%04u〕", i);
      const char *at = strstr (text, mark);

      g_assert_true (at > previous);
      g_assert_null (strstr (at + 1, mark));
      previous = at;
    }
  for (guint i = 0; i < indicators->len; i++)
    assert_contains (text, kensho_indicator_get_name (g_ptr_array_index (indicators, i)));
  /* The table's pages have their headings, and no notes. */
  last = pdf_text (pdf, n_pages);
  assert_contains (last, _("Responsible division"));
  g_assert_null (strstr (last, "〔"));

  kensho_print_layout_set_division (filtered, "住宅課");
  n_filtered = save_layout (filtered, "long-notes-filtered.pdf", &filtered_pdf);
  filtered_last = pdf_text (filtered_pdf, n_filtered);
  assert_contains (filtered_last, "Only: 住宅課");
  assert_contains (filtered_last, "危険空き家除却件数");
}

/* The CSV as text, without its byte-order mark. */
static char *
csv_text (KenshoSheet *sheet)
{
  g_autoptr(GBytes) bytes = kensho_csv_serialize (sheet);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  return g_strndup (data + 3, size - 3);
}

/* One unnamed and one named series, as the form's "Add series" leaves an
 * indicator: both values print, in the PDF and the CSV. */
static void
test_mixed_series (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *indicator = g_ptr_array_index (indicators, 0);
  g_autoptr(KenshoSeries) women = kensho_series_new ("うち女性");
  g_autoptr(KenshoValue) value = kensho_value_parse ("12件", NULL);
  g_autofree char *cell = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;

  g_assert_null (kensho_series_get_name (kensho_indicator_get_series (indicator, 0)));
  kensho_indicator_insert_series (indicator, 1, women);
  kensho_series_set_baseline (women, value);
  cell = kensho_indicator_format_column_lines (indicator, KENSHO_COLUMN_BASELINE, 2023);
  g_assert_cmpstr (cell, ==, "1,563件\nうち女性12件");

  save_pdf (sheet, "mixed-series.pdf", KENSHO_PAPER_A3, FALSE, &pdf);
  text = pdf_text (pdf, 1);
  assert_contains (text, "1,563件うち女性12件");
  assert_contains (text, "1,486件");
  csv = csv_text (sheet);
  g_assert_nonnull (strstr (csv, "\"1,563件 うち女性12件\",\"1,486件\""));
}

/* Cells a spreadsheet would run as formulas are written as text, with a
 * leading ' (OWASP); numbers, even negative ones, stay numbers. */
static void
test_csv_formulas_neutralised (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *indicator = g_ptr_array_index (indicators, 0);
  g_autoptr(KenshoValue) negative = kensho_value_parse ("-12", NULL);
  g_autoptr(KenshoValue) decimal = kensho_value_parse ("-1.5", NULL);
  g_autofree char *csv = NULL;

  kensho_indicator_set_name (indicator, "=HYPERLINK(\"http://example.com\",\"x\")");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, "+1+2");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "-2+3");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS, "@SUM(A1)");
  kensho_indicator_set_delay_reason (indicator, 2023, "\tcmd");
  kensho_indicator_set_division (indicator, "\r=1");
  kensho_series_set_baseline (kensho_indicator_get_series (indicator, 0), negative);
  kensho_series_set_final (kensho_indicator_get_series (indicator, 0), decimal);
  csv = csv_text (sheet);
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""));
  g_assert_nonnull (strstr (csv, "\"'+1+2\",\"'-2+3\",\"'@SUM(A1)\",\"-12\","));
  g_assert_nonnull (strstr (csv, ",\"-1.5\","));
  g_assert_nonnull (strstr (csv, "\"'\tcmd\",\"'\r=1\"\r\n"));
  g_assert_null (strstr (csv, ",\"="));
  g_assert_null (strstr (csv, ",\"+"));
  g_assert_null (strstr (csv, ",\"@"));
}

/* The printed table and the CSV read the same rows; where no reason for
 * delay is needed the sheet prints "-", as the published sheets do, and
 * the CSV leaves the cell empty (a spreadsheet would take "-" for data). */
static void
test_table_shared_with_csv (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *indicator = g_ptr_array_index (indicators, 0);
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (sheet);
  int fy = kensho_sheet_get_fiscal_year (sheet);
  KenshoRating *on_track = NULL, *delayed = NULL;
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *csv_cells = NULL;
  KenshoTableRow row;

  for (guint i = 0; i < kensho_rating_scale_get_n_ratings (scale); i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (scale, i);

      if (kensho_rating_get_delayed (rating) && delayed == NULL)
        delayed = rating;
      else if (!kensho_rating_get_delayed (rating) && on_track == NULL)
        on_track = rating;
    }
  g_assert_nonnull (on_track);
  g_assert_nonnull (delayed);
  kensho_indicator_set_division (indicator, "ダッシュ課");
  kensho_indicator_set_delay_reason (indicator, fy, NULL);
  kensho_indicator_set_rating_id (indicator, fy, kensho_rating_get_id (on_track));
  kensho_table_row_init (&row, sheet, indicator);
  g_assert_cmpstr (row.progress, ==, kensho_rating_get_label (on_track));
  g_assert_null (row.delay_reason);
  g_assert_false (row.reason_needed);

  kensho_print_layout_set_division (layout, "ダッシュ課");
  save_layout (layout, "table-dash.pdf", &pdf);
  text = pdf_text (pdf, 0);
  printed = g_strconcat (kensho_rating_get_label (on_track), "-ダッシュ課", NULL);
  assert_contains (text, printed);
  csv = csv_text (sheet);
  csv_cells = g_strdup_printf ("\"%s\",\"\",\"ダッシュ課\"\r\n", kensho_rating_get_label (on_track));
  g_assert_nonnull (strstr (csv, csv_cells));

  /* A delay with no reason yet: nothing in either, the reason is wanted. */
  kensho_indicator_set_rating_id (indicator, fy, kensho_rating_get_id (delayed));
  kensho_table_row_init (&row, sheet, indicator);
  g_assert_true (row.reason_needed);
  g_clear_pointer (&pdf, g_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&printed, g_free);
  save_layout (layout, "table-no-dash.pdf", &pdf);
  text = pdf_text (pdf, 0);
  printed = g_strconcat (kensho_rating_get_label (delayed), "ダッシュ課", NULL);
  assert_contains (text, printed);
}

static void
set_number (KenshoSeries *series, gboolean actual, int year, const char *number)
{
  g_autoptr(KenshoValue) value = kensho_value_new_number (number, "件", NULL);

  if (actual)
    kensho_series_set_actual (series, year, value);
  else
    kensho_series_set_target (series, year, value);
}

/* All years (つくば市 style): baseline, one column per plan year with its
 * actual over its target, final target, in place of the year shown's. */
static void
test_all_years (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoSeries *series = kensho_indicator_get_series (g_ptr_array_index (indicators, 0), 0);
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (sheet);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *longer_pdf = NULL;
  g_autofree char *longer = NULL;
  g_autoptr(GString) headings = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *final = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_year = NULL;
  double width, height;
  guint n_pages;

  /* 新規求人数: 令和3年度's actual and 令和6年度's target besides the
   * sample's 令和4–5年度. */
  set_number (series, TRUE, 2021, "1500");
  set_number (series, FALSE, 2024, "1600");
  g_assert_false (kensho_print_layout_get_all_years (layout));
  kensho_print_layout_set_all_years (layout, TRUE);
  g_assert_true (kensho_print_layout_get_all_years (layout));
  n_pages = save_layout (layout, "all-years.pdf", &pdf);
  save_images (pdf, "all-years", n_pages);
  g_assert_cmpuint (pdf_pages (pdf, &width, &height), ==, n_pages);
  g_assert_cmpfloat (width, >, height);
  text = pdf_text (pdf, 1);
  /* The value headings, in whatever language the tests run: baseline, each
   * plan year, final target, and nothing between them. */
  baseline = kensho_sheet_dup_column_title (sheet, KENSHO_COLUMN_BASELINE);
  headings = g_string_new (baseline);
  for (int year = kensho_sheet_get_plan_first (sheet); year <= kensho_sheet_get_plan_last (sheet); year++)
    {
      g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
      g_autofree char *heading = g_strdup_printf (_("%s\nActual / target"), era);

      g_string_append (headings, heading);
    }
  final = kensho_sheet_dup_column_title (sheet, KENSHO_COLUMN_FINAL_TARGET);
  g_string_append (headings, final);
  expected = squeeze (headings->str);
  assert_contains (text, expected);
  /* Baseline, 令和2–9年度 (令和2年度 and 令和7–9年度 empty; 令和6年度 has no
   * actual yet), final target, then the rating. */
  assert_contains (text, "1,563件1,500件1,486件1,472件1,594件-1,600件1,630件");

  /* A plan longer than ten years prints its last ten. */
  g_assert_true (kensho_sheet_set_plan_period (sheet, 2015, 2027, NULL));
  save_layout (layout, "all-years-long-plan.pdf", &longer_pdf);
  longer = pdf_text (longer_pdf, 1);
  first_year = g_strdup_printf (_("%s\nActual / target"), "平成30年度");
  g_free (expected);
  expected = squeeze (first_year);
  assert_contains (longer, expected);
  g_assert_null (strstr (longer, "平成29年度"));
  g_assert_null (strstr (longer, "平成28年度"));
  assert_contains (longer, "1,563件1,500件1,486件1,472件1,594件-1,600件1,630件");

  /* kensho-cli pdf --all-years: a heading of each plan year on every page
   * but those the plain sheet has, in the language the tool runs in. */
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) plain_run = { 0 };
    g_autofree char *cli = artifact ("cli-all-years.pdf");
    g_autofree char *plain = artifact ("cli-not-all-years.pdf");
    g_autofree char *cli_text = NULL;
    g_autofree char *plain_text = NULL;
    g_autoptr(KenshoSheet) sample = load_sample ();
    guint cli_pages;

    run_cli (&run, "pdf", g_getenv ("KENSHO_SAMPLE"), "-o", cli, "--all-years", NULL);
    g_assert_cmpint (run.status, ==, 0);
    run_cli (&plain_run, "pdf", g_getenv ("KENSHO_SAMPLE"), "-o", plain, NULL);
    g_assert_cmpint (plain_run.status, ==, 0);
    cli_pages = pdf_pages (cli, &width, &height);
    cli_text = pdf_text (cli, 0);
    plain_text = pdf_text (plain, 0);
    for (int year = kensho_sheet_get_plan_first (sample); year <= kensho_sheet_get_plan_last (sample); year++)
      {
        g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);

        /* The plain sheet has headings of the year shown and the one before. */
        if (year < kensho_sheet_get_fiscal_year (sample) - 1 || year > kensho_sheet_get_fiscal_year (sample))
          g_assert_cmpuint (count (cli_text, era), >=, count (plain_text, era) + cli_pages);
      }
    g_assert_cmpstr (cli_text, !=, plain_text);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print/sample-a3", test_sample_a3);
  g_test_add_func ("/print/long-commentary", test_long_commentary);
  g_test_add_func ("/print/markup-is-literal", test_markup_is_literal);
  g_test_add_func ("/print/a4", test_a4);
  g_test_add_func ("/print/paginate-in-steps", test_paginate_in_steps);
  g_test_add_func ("/print/pdf-export-in-steps", test_pdf_export_in_steps);
  g_test_add_func ("/print/filters", test_filters);
  g_test_add_func ("/print/column-widths", test_column_widths);
  g_test_add_func ("/print/noncharacters", test_noncharacters_print);
  g_test_add_func ("/print/cli", test_cli);
  g_test_add_func ("/print/summary", test_summary);
  g_test_add_func ("/print/summary-rating-colour", test_summary_rating_colour);
  g_test_add_func ("/print/summary-long-delayed", test_summary_long_delayed);
  g_test_add_func ("/print/achievement-column", test_achievement_column);
  g_test_add_func ("/print/headings-in-japanese", test_headings_in_japanese);
  g_test_add_func ("/print/long-notes", test_long_notes);
  g_test_add_func ("/print/mixed-series", test_mixed_series);
  g_test_add_func ("/print/csv-formulas-neutralised", test_csv_formulas_neutralised);
  g_test_add_func ("/print/table-shared-with-csv", test_table_shared_with_csv);
  g_test_add_func ("/print/all-years", test_all_years);
  return g_test_run ();
}
