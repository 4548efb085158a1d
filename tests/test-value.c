/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kensho-tsv.h"
#include "kensho-value.h"

#define NOT_SET ((KenshoPeriodKind) 42)

/* Every single-series value cell of the Isesaki seed
 * (seeds/000_5928748bd31e9f91.txt), copied as extracted, the OCR's 力所
 * included: parse, then format, gives the same text back. */
static const char * const seed_cells[] = {
  "-", "1,563件", "1,486件", "1,472件", "1,594件", "1,630件", "11,942億円 (平成30年)",
  "10,060億円 (令和2年)", "11,017億円 (令和3年)", "12,262億円 (令和3年)", "13,500億円 (令和8年)", "4件", "5件",
  "10件", "8件", "28件", "13件", "144人 (平成30年度)", "80人", "161人", "184人", "200人", "41人",
  "40人", "46人", "50人", "58人", "19人", "18人", "23人", "24人", "22人", "187事業所 (平成29年)",
  "187事業所 (令和3年)", "189事業所 (令和4年)", "195事業所 (令和8年)", "27,517人 (平成29年)", "28,002人 (令和3年)",
  "28,000人 (令和4年)", "28,560人 (令和8年)", "21人", "127人", "144人", "61人", "157人", "3,923ha",
  "3,933ha", "3,942ha", "3,940ha", "3,949ha", "331万人", "258万人", "378万人", "365万人",
  "88,271人", "29,719人", "42,867人", "88,400人", "94,000人", "169万人", "160万人", "156万人",
  "195万人", "196万人", "1,059人", "596人", "1,089人", "1,140人", "1,210人", "448件", "30,915件",
  "17,342件", "1,000件", "46,000件", "223人", "253人", "277人", "221人", "318人", "1.41 (平成30年)",
  "1.35 (令和3年)", "1.22 (令和4年)", "1.64 (令和4年)",
  "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更",
  "1,702人 (令和元年)", "1,468人 (令和4年)", "1,426人 (令和5年)", "1,778人 (令和5年)",
  "令和6年3月の改訂に伴い、令和6年度以降は「3歳児健康診査受診率」へ変更",
  "80.5%", "82.1%", "78.1%", "82.0%", "1,946件",
  "2,627件", "2,865件", "72.5%", "62.2%", "63.5%", "80.1%", "77.3%", "待機児童なし", "78力所",
  "95力所", "96力所", "91力所", "97力所", "7教室", "10教室", "11教室", "12教室", "828人", "655人", "623人",
  "880人", "700人", "75.3%", "76.4%", "83.0%", "85.0%", "85.2%", "90.5%", "90.4%", "88.0%",
  "90.0%", "248人", "129人", "93人", "380人", "475人", "73.6%", "74.1% (令和3年度)", "76.9%",
  "75.5%", "77.5%", "366日 (閏年)", "365日", "42.5% (平成30年度)", "43.2% (令和3年度)",
  "44.0% (令和4年度)", "60.0%", "49.0%", "52.9%", "51.2%", "50.0%", "61.8%", "55.2%",
  "11,762人", "12,752人", "13,443人", "13,700人", "15,200人", "86.0%", "91.2%", "53.0%",
  "65.3%", "67.7%", "71.4%", "83.3%", "1,078人", "1,098人", "1,278人", "1,270人", "1,190人",
  "294,758人", "244,765人", "266,189人", "34万人", "29万人", "490.7万人 (平成30年度)",
  "395.8万人 (令和3年度)", "425.1万人 (令和4年度)", "492万人 (令和4年度)", "430万人 (令和8年度)",
  "1,634件 (令和元年)", "1,420件 (令和4年)", "1,869件 (令和5年)", "1,450件 (令和5年)", "1,318件 (令和9年)",
  "65件", "80件", "81件", "71件", "78件", "15,665基", "16,856基", "17,187基", "17,450基",
  "19,100基", "1,465件 (令和元年)", "1,143件 (令和4年)", "1,185件 (令和5年)", "1,190件 (令和5年)",
  "1,050件 (令和9年)", "14,308件", "17,433件", "17,785件", "17,200件", "21,000件", "30件 (H30年度)",
  "88件 (令和3年度)", "98件 (令和4年度)", "110件 (令和4年度)", "210件",
};

/* The seed's cells holding two named series. */
static const char * const seed_school_cells[] = {
  "小学校88.7% 中学校82.8%",
  "小学校86.1% 中学校76.6%",
  "小学校87.1% 中学校72.2%",
  "小学校94.5% 中学校85.0%",
  "小学校90.0% 中学校85.0%",
};

static const char * const seed_health_cells[] = {
  "男性77.41歳 女性79.89歳 (令和元年) ※変更前",
  "男性77.67歳 女性80.22歳 (令和4年) ※変更前",
  "男性79.4歳 女性83.7歳 (令和4年) ※変更後",
  "男性78.72歳 女性80.82歳 (令和5年) ※変更前",
  "男性79.4歳 女性84.0歳 (令和8年) ※変更後",
};

/* The examples of the brief, and more forms the grammar allows. */
static const char * const more_round_trips[] = {
  "1,563件", "11,942億円 (平成30年)", "366日 (閏年)", "74.1% (令和3年度)",
  "490.7万人 (平成30年度)", "30件 (H30年度)", "1.41 (平成30年)", "34万人", "82.0%", "-",
  "待機児童なし", "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更",
  "78カ所", "-3件", "-1,234.5万円", "0", "0.5%", "0.000001", "1,000,000円",
  "123,456,789,012,345円", "999,999,999,999,999.999999円", "5件 (R5)", "5件 (2023年度)",
  "5件 (令和元年度)", "5件 (平成32年)", "5件 (昭和64年)", "79.4歳 (令和4年) ※変更後",
  "79.4歳 ※変更後", "5件 (令和5年度) (閏年)", "5件 (うち(再掲)2件)",
  "5件 ※ 令和4年度から算定方法を変更 (参考)", "5 (令和5年度)", "12 ※暫定値", "5m²", "5人/日",
  "NaN", "inf", "-inf", "Infinity", "－", "調査中 (令和5年度)", "",
};

static KenshoValue *
parse_ok (const char *cell)
{
  g_autoptr(GError) error = NULL;
  KenshoValue *value = kensho_value_parse (cell, &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  return value;
}

static void
assert_round_trip (const char *cell)
{
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(KenshoValue) again = NULL;
  g_autofree char *text = NULL;

  g_test_message ("%s", cell);
  value = parse_ok (cell);
  text = kensho_value_format (value);
  g_assert_cmpstr (text, ==, cell);
  again = parse_ok (text);
  g_assert_true (kensho_value_equal (value, again));
}

static void
test_seed_round_trips (void)
{
  guint n_numbers = 0, n_texts = 0;

  g_assert_cmpuint (G_N_ELEMENTS (seed_cells), ==, 204);
  for (guint i = 0; i < G_N_ELEMENTS (seed_cells); i++)
    {
      g_autoptr(KenshoValue) value = parse_ok (seed_cells[i]);

      assert_round_trip (seed_cells[i]);
      if (kensho_value_is_number (value))
        {
          /* The number keeps no grouping comma, the unit no digit. */
          g_assert_null (strchr (value->number, ','));
          g_assert_null (value->text);
          n_numbers++;
        }
      else
        {
          g_assert_cmpstr (value->text, ==, seed_cells[i]);
          g_assert_null (value->unit);
          g_assert_null (value->period);
          g_assert_null (value->note);
          n_texts++;
        }
    }
  /* "-", 待機児童なし and the two notes that the indicator was replaced. */
  g_assert_cmpuint (n_texts, ==, 4);
  g_assert_cmpuint (n_numbers, ==, 200);
}

static void
test_more_round_trips (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (more_round_trips); i++)
    assert_round_trip (more_round_trips[i]);
}

typedef struct
{
  const char *cell;
  const char *number, *text, *unit, *period, *note;
} Parts;

static const Parts parts[] = {
  { "1,563件", "1563", NULL, "件", NULL, NULL },
  { "294,758人", "294758", NULL, "人", NULL, NULL },
  { "11,942億円 (平成30年)", "11942", NULL, "億円", "平成30年", NULL },
  { "490.7万人 (平成30年度)", "490.7", NULL, "万人", "平成30年度", NULL },
  { "30件 (H30年度)", "30", NULL, "件", "H30年度", NULL },
  { "1.41 (平成30年)", "1.41", NULL, NULL, "平成30年", NULL },
  { "82.0%", "82.0", NULL, "%", NULL, NULL },
  { "3,923ha", "3923", NULL, "ha", NULL, NULL },
  { "187事業所 (平成29年)", "187", NULL, "事業所", "平成29年", NULL },
  { "78力所", "78", NULL, "力所", NULL, NULL },
  { "366日 (閏年)", "366", NULL, "日", NULL, "閏年" },
  { "79.4歳 (令和4年) ※変更後", "79.4", NULL, "歳", "令和4年", "※変更後" },
  { "79.4歳 ※変更後", "79.4", NULL, "歳", NULL, "※変更後" },
  { "5件 (令和5年度) (閏年)", "5", NULL, "件", "令和5年度", "閏年" },
  { "5件 (うち(再掲)2件)", "5", NULL, "件", NULL, "うち(再掲)2件" },
  { "5件 ※ 令和4年度から (参考)", "5", NULL, "件", NULL, "※ 令和4年度から (参考)" },
  { "-3件", "-3", NULL, "件", NULL, NULL },
  { "0", "0", NULL, NULL, NULL, NULL },
  { "-", NULL, "-", NULL, NULL, NULL },
  { "待機児童なし", NULL, "待機児童なし", NULL, NULL, NULL },
  { "調査中 (令和5年度)", NULL, "調査中 (令和5年度)", NULL, NULL, NULL },
  { "NaN", NULL, "NaN", NULL, NULL, NULL },
  { "-inf", NULL, "-inf", NULL, NULL, NULL },
  { "", NULL, "", NULL, NULL, NULL },
};

static void
test_parts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(KenshoValue) value = NULL;

      g_test_message ("%s", parts[i].cell);
      value = parse_ok (parts[i].cell);
      g_assert_cmpstr (value->number, ==, parts[i].number);
      g_assert_cmpstr (value->text, ==, parts[i].text);
      g_assert_cmpstr (value->unit, ==, parts[i].unit);
      g_assert_cmpstr (value->period, ==, parts[i].period);
      g_assert_cmpstr (value->note, ==, parts[i].note);
      g_assert_cmpint (kensho_value_is_number (value), ==, parts[i].number != NULL);
    }
}

/* What people type or paste reads too, and is written back the one way. */
static void
test_tolerant (void)
{
  static const struct { const char *cell, *formatted; } cases[] = {
    { "  1,563件  ", "1,563件" },
    { "1,563件   (令和5年度)", "1,563件 (令和5年度)" },
    { "1,563件(令和5年度)", "1,563件 (令和5年度)" },
    { "366日(閏年)", "366日 (閏年)" },
    { "\u30001,563件\u3000(令和5年度)\u3000※変更前\u3000", "1,563件 (令和5年度) ※変更前" },
    { "79.4歳 (令和4年)※変更後", "79.4歳 (令和4年) ※変更後" },
    { "79.4歳※変更後", "79.4歳 ※変更後" },
    { "5件 ( 令和5年度 )", "5件 (令和5年度)" },
    { "5件 (閏年 )", "5件 (閏年)" },
    { "１，５６３件（令和5年度）", "1,563件 (令和5年度)" },
    { "１５６３件", "1,563件" },
    { "４９０．７万人", "490.7万人" },
    { "－３件", "-3件" },
    { "−３件", "-3件" },
    { "1563件", "1,563件" },
    { "294758人", "294,758人" },
    { "\t-\t", "-" },
    { "\u3000待機児童なし\u3000", "待機児童なし" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KenshoValue) value = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", cases[i].cell);
      value = parse_ok (cases[i].cell);
      text = kensho_value_format (value);
      g_assert_cmpstr (text, ==, cases[i].formatted);
    }
}

/* Only the number is normalised; the text, unit, period and note stay as
 * written, full-width forms included. */
static void
test_kept_as_written (void)
{
  g_autoptr(KenshoValue) period = parse_ok ("１，５６３件（令和５年度）");
  g_autoptr(KenshoValue) abbreviation = parse_ok ("30件（Ｈ３０年度）");
  g_autoptr(KenshoValue) text = parse_ok ("\u3000令和６年３月の改訂（予定）\u3000");
  g_autoptr(KenshoValue) unit = parse_ok ("８２．０％");
  int year = 0;
  KenshoPeriodKind kind = NOT_SET;

  g_assert_cmpstr (period->number, ==, "1563");
  g_assert_cmpstr (period->unit, ==, "件");
  g_assert_cmpstr (period->period, ==, "令和５年度");
  g_assert_true (kensho_value_get_period_year (period, &year, &kind));
  g_assert_cmpint (year, ==, 2023);
  g_assert_cmpint (kind, ==, KENSHO_PERIOD_FISCAL_YEAR);

  g_assert_cmpstr (abbreviation->period, ==, "Ｈ３０年度");
  g_assert_true (kensho_value_get_period_year (abbreviation, &year, &kind));
  g_assert_cmpint (year, ==, 2018);

  g_assert_false (kensho_value_is_number (text));
  g_assert_cmpstr (text->text, ==, "令和６年３月の改訂（予定）");

  g_assert_cmpstr (unit->number, ==, "82.0");
  g_assert_cmpstr (unit->unit, ==, "％");
}

typedef struct
{
  const char *cell;
  KenshoValueError code;
} RefusedCell;

static const RefusedCell refused_cells[] = {
  { "1,56,3件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,5630件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1563,件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5.件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1.2.3%", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "007人", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-0件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-0.0%", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "+5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "＋5件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { ".5%", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-.5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1e309", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1E+5件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "2.5e-3", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "12345678901234567890", KENSHO_VALUE_ERROR_TOO_LONG },
  { "12345678901234567890件", KENSHO_VALUE_ERROR_TOO_LONG },
  { "1,234,567,890,123,456件", KENSHO_VALUE_ERROR_TOO_LONG },
  { "1.1234567%", KENSHO_VALUE_ERROR_TOO_LONG },
  /* The unit follows the number at once. */
  { "1,563 件", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1 しごとの創生", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1-1 安定した雇用の創出", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  /* Nothing but a period and a note after the unit. */
  { "1,563件 (令和5年度) おまけ", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,563件 おまけ", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件)", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 ()", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (\u3000)", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (令和5年度", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (閏年", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (令和2年) (令和3年)", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (閏年) (令和2年)", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (閏年) ※変更前", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5件 (令和2年) (閏年) (再掲)", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  /* A year that Kensho does not know is a wrong period, not a note. */
  { "5件 (平成99年)", KENSHO_VALUE_ERROR_INVALID_PERIOD },
  { "5件 (令和100年度)", KENSHO_VALUE_ERROR_INVALID_PERIOD },
  { "5件 (令和0年)", KENSHO_VALUE_ERROR_INVALID_PERIOD },
  { "5件 (令和99999999999999999999年)", KENSHO_VALUE_ERROR_INVALID_PERIOD },
  { "5件 (令和2年) (平成99年)", KENSHO_VALUE_ERROR_INVALID_PERIOD },
};

static void
test_refused_cells (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_cells); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoValue) value = NULL;

      g_test_message ("%s", refused_cells[i].cell);
      value = kensho_value_parse (refused_cells[i].cell, &error);
      g_assert_null (value);
      g_assert_error (error, KENSHO_VALUE_ERROR, (int) refused_cells[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_cell_messages (void)
{
  g_autoptr(GError) trailing = NULL;
  g_autoptr(GError) unclosed = NULL;
  g_autoptr(GError) period = NULL;
  g_autoptr(GError) grouping = NULL;
  g_autoptr(GError) utf8 = NULL;

  g_assert_null (kensho_value_parse ("1,563件 おまけ", &trailing));
  g_assert_true (g_str_has_prefix (trailing->message, "“1,563件 おまけ” could not be read."));
  g_assert_nonnull (strstr (trailing->message, "11,942億円 (平成30年)"));

  g_assert_null (kensho_value_parse ("5件 (令和5年度", &unclosed));
  g_assert_cmpstr (unclosed->message, ==,
                   "“5件 (令和5年度” has a parenthesis that is not closed.");

  /* The calendar's own sentence, naming the year. */
  g_assert_null (kensho_value_parse ("5件 (平成99年)", &period));
  g_assert_cmpstr (period->message, ==, "The period is wrong: “平成99年” is outside the years "
                                        "Kensho knows (昭和1年 to 令和99年).");

  /* A wrong number is quoted as written, full-width included. */
  g_assert_null (kensho_value_parse ("１，５６，３件", &grouping));
  g_assert_error (grouping, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (grouping->message, "“１，５６，３”"));

  g_assert_null (kensho_value_parse ("5\xff件", &utf8));
  g_assert_error (utf8, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER);
  g_assert_true (g_utf8_validate (utf8->message, -1, NULL));
}

/* Numbers */

static void
test_normalize_accepted (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "1563", "1563" }, { "1,563", "1563" }, { "294,758", "294758" },
    { "1,000,000", "1000000" }, { "999", "999" }, { "0", "0" }, { "0.0", "0.0" },
    { "0.5", "0.5" }, { "0.000001", "0.000001" }, { "82.0", "82.0" }, { "490.7", "490.7" },
    { "1.123456", "1.123456" }, { "11,942.5", "11942.5" }, { "-3", "-3" }, { "-0.5", "-0.5" },
    { "-1,234.5", "-1234.5" }, { "－3", "-3" }, { "−3", "-3" }, { "１５６３", "1563" },
    { "１，５６３．５", "1563.5" }, { " 12 ", "12" }, { "\u300012\u3000", "12" },
    { "\t1,563\n", "1563" },
    /* 15 digits, grouped or not, and 6 after the point. */
    { "123456789012345", "123456789012345" },
    { "123,456,789,012,345", "123456789012345" },
    { "999999999999999.999999", "999999999999999.999999" },
    { "-999,999,999,999,999.999999", "-999999999999999.999999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      g_test_message ("%s", cases[i].in);
      g_assert_true (kensho_number_normalize (cases[i].in, &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
  /* The output is optional. */
  g_assert_true (kensho_number_normalize ("1,563", NULL, NULL));
}

typedef struct
{
  const char *text;
  KenshoValueError code;
} RefusedNumber;

static const RefusedNumber refused_numbers[] = {
  { "", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { " \u3000 ", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-0", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-0.0", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-0.000000", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "－０", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1e309", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1E5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1.5e-3", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "NaN", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "nan", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "inf", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-inf", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "Infinity", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "+5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "＋5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { ".5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-.5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5.", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "--5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5-", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,56,3", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,56,789", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "12,34,567", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,5630", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,5630,000", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,563,", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { ",563", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1563,", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,,563", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "12345,678", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1,563.4,5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1.2.3", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "1 563", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "0x10", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "12a", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "5%", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "五", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "007", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "00", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "0,123", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  { "-01", KENSHO_VALUE_ERROR_INVALID_NUMBER },
  /* More than 15 digits before the point or 6 after it. */
  { "1234567890123456", KENSHO_VALUE_ERROR_TOO_LONG },
  { "12345678901234567890", KENSHO_VALUE_ERROR_TOO_LONG },
  { "-12345678901234567890", KENSHO_VALUE_ERROR_TOO_LONG },
  { "1,234,567,890,123,456", KENSHO_VALUE_ERROR_TOO_LONG },
  { "1.1234567", KENSHO_VALUE_ERROR_TOO_LONG },
  { "99999999999999999999999999999999.5", KENSHO_VALUE_ERROR_TOO_LONG },
};

static void
test_normalize_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (refused_numbers[i].text));
      char *normalized = NULL;

      g_test_message ("%s", refused_numbers[i].text);
      g_assert_false (kensho_number_normalize (refused_numbers[i].text, &normalized, &error));
      g_assert_null (normalized);
      g_assert_error (error, KENSHO_VALUE_ERROR, (int) refused_numbers[i].code);
      /* The message names what was written. */
      if (*stripped != '\0' && !g_str_has_prefix (refused_numbers[i].text, " "))
        g_assert_nonnull (strstr (error->message, refused_numbers[i].text));
    }
}

static void
test_number_messages (void)
{
  static const struct { const char *text, *message; } cases[] = {
    { "abc", "“abc” is not a number. Write it like 1,563, 490.7 or -3." },
    { "", "No number is written. Write it like 1,563, 490.7 or -3." },
    { "1,56,3", "“1,56,3” has its commas in the wrong places. Put one every three digits, "
                "like 1,563 or 294,758." },
    { "007", "“007” starts with a zero. Write it without the leading zero, like 7 or 0.5." },
    { "-0", "“-0” is zero with a minus sign. Write 0 instead." },
    { "12345678901234567890", "“12345678901234567890” has too many digits: Kensho keeps at "
                              "most 15 before the decimal point." },
    { "1.1234567", "“1.1234567” has too many digits: Kensho keeps at most 6 after the "
                   "decimal point." },
    /* Letters whose code ends in the byte of an ASCII digit (found by
     * fuzz-value: “-а” was read as -0, 丰 as 0). */
    { "-а", "“-а” is not a number. Write it like 1,563, 490.7 or -3." },
    { "丰", "“丰” is not a number. Write it like 1,563, 490.7 or -3." },
    { "1б", "“1б” is not a number. Write it like 1,563, 490.7 or -3." },
    { "5.а", "“5.а” is not a number. Write it like 1,563, 490.7 or -3." },
  };
  g_autofree char *huge = g_strnfill (1000000, '9');
  g_autoptr(GError) huge_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kensho_number_normalize (cases[i].text, NULL, &error));
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* A million digits: refused, quoted short, no overflow anywhere. */
  g_assert_false (kensho_number_normalize (huge, NULL, &huge_error));
  g_assert_error (huge_error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG);
  g_assert_cmpuint (strlen (huge_error->message), <, 300);
}

static void
test_grouping (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "0", "0" }, { "7", "7" }, { "999", "999" }, { "1000", "1,000" }, { "1563", "1,563" },
    { "11942", "11,942" }, { "294758", "294,758" }, { "1000000", "1,000,000" },
    { "11942.5", "11,942.5" }, { "490.7", "490.7" }, { "82.0", "82.0" }, { "-3", "-3" },
    { "-123", "-123" }, { "-1234", "-1,234" }, { "-1234567.25", "-1,234,567.25" },
    { "0.000001", "0.000001" }, { "1234.567891", "1,234.567891" },
    { "123456789012345", "123,456,789,012,345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *grouped = kensho_number_format_grouped (cases[i].in);
      g_autofree char *normalized = NULL;

      g_assert_cmpstr (grouped, ==, cases[i].out);
      /* And back. */
      g_assert_true (kensho_number_normalize (grouped, &normalized, NULL));
      g_assert_cmpstr (normalized, ==, cases[i].in);
    }
}

/* Figures a double cannot hold exactly are kept digit for digit. */
static void
test_no_float_rounding (void)
{
  static const char * const exact[] = {
    "490.7", "82.0", "0.1", "0.3", "1.000001", "123456789012345", "999999999999999.999999",
    "-999999999999999.999999", "100000000000000.1", "0.100000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoValue) value = kensho_value_new_number (exact[i], "円", &error);
      g_autofree char *grouped = kensho_number_format_grouped (exact[i]);
      g_autofree char *cell = g_strconcat (grouped, "円", NULL);
      g_autoptr(KenshoValue) parsed = parse_ok (cell);
      g_autofree char *formatted = kensho_value_format (parsed);

      g_assert_no_error (error);
      g_assert_cmpstr (value->number, ==, exact[i]);
      g_assert_cmpstr (parsed->number, ==, exact[i]);
      g_assert_cmpstr (formatted, ==, cell);
    }
}

/* Values */

static void
test_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoValue) number = kensho_value_new_number ("1,563", "件", &error);
  g_autoptr(KenshoValue) no_unit = kensho_value_new_number ("1.41", NULL, NULL);
  g_autoptr(KenshoValue) empty_unit = kensho_value_new_number ("5", "", NULL);
  g_autoptr(KenshoValue) spaced_unit = kensho_value_new_number ("5", "\u3000件 ", NULL);
  g_autoptr(KenshoValue) text = kensho_value_new_text ("待機児童なし");
  g_autoptr(KenshoValue) spaced_text = kensho_value_new_text (" - ");
  g_autoptr(KenshoValue) null_text = kensho_value_new_text (NULL);
  g_autoptr(GError) bad_error = NULL;
  g_autoptr(GError) long_error = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (number->number, ==, "1563");
  g_assert_cmpstr (number->unit, ==, "件");
  g_assert_null (number->text);
  g_assert_null (number->period);
  g_assert_null (number->note);
  g_assert_true (kensho_value_is_number (number));
  g_assert_null (no_unit->unit);
  g_assert_null (empty_unit->unit);
  g_assert_cmpstr (spaced_unit->unit, ==, "件");

  g_assert_false (kensho_value_is_number (text));
  g_assert_cmpstr (text->text, ==, "待機児童なし");
  g_assert_null (text->number);
  /* A text is kept exactly as given. */
  g_assert_cmpstr (spaced_text->text, ==, " - ");
  g_assert_cmpstr (null_text->text, ==, "");
  g_assert_true (kensho_value_is_empty (null_text));

  g_assert_null (kensho_value_new_number ("1e309", "件", &bad_error));
  g_assert_error (bad_error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER);
  g_assert_null (kensho_value_new_number ("12345678901234567890", NULL, &long_error));
  g_assert_error (long_error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG);
  g_assert_false (kensho_value_is_number (NULL));
}

static void
test_period (void)
{
  g_autoptr(KenshoValue) value = kensho_value_new_number ("5", "件", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) garbage_error = NULL;
  g_autofree char *text = NULL;
  int year = 0;
  KenshoPeriodKind kind = NOT_SET;

  g_assert_false (kensho_value_get_period_year (value, &year, &kind));
  g_assert_cmpint (year, ==, 0);
  g_assert_cmpint (kind, ==, NOT_SET);

  /* Kept as written, not rewritten into a canonical era. */
  g_assert_true (kensho_value_set_period (value, "H30年度", NULL));
  g_assert_cmpstr (value->period, ==, "H30年度");
  g_assert_true (kensho_value_get_period_year (value, &year, &kind));
  g_assert_cmpint (year, ==, 2018);
  g_assert_cmpint (kind, ==, KENSHO_PERIOD_FISCAL_YEAR);
  text = kensho_value_format (value);
  g_assert_cmpstr (text, ==, "5件 (H30年度)");

  g_assert_true (kensho_value_set_period (value, "\u3000令和元年 ", NULL));
  g_assert_cmpstr (value->period, ==, "令和元年");
  g_assert_true (kensho_value_get_period_year (value, &year, &kind));
  g_assert_cmpint (year, ==, 2019);
  g_assert_cmpint (kind, ==, KENSHO_PERIOD_CALENDAR_YEAR);

  /* A refused period leaves the value as it was. */
  g_assert_false (kensho_value_set_period (value, "平成99年", &error));
  g_assert_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_PERIOD);
  g_assert_nonnull (strstr (error->message, "平成99年"));
  g_assert_false (kensho_value_set_period (value, "閏年", &garbage_error));
  g_assert_error (garbage_error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_PERIOD);
  g_assert_false (kensho_value_set_period (value, "令和\xff年", NULL));
  g_assert_cmpstr (value->period, ==, "令和元年");

  /* NULL, "" and blanks clear it. */
  g_assert_true (kensho_value_set_period (value, NULL, NULL));
  g_assert_null (value->period);
  g_assert_true (kensho_value_set_period (value, "2023年度", NULL));
  g_assert_true (kensho_value_set_period (value, "", NULL));
  g_assert_null (value->period);
  g_assert_true (kensho_value_set_period (value, "2023年度", NULL));
  g_assert_true (kensho_value_set_period (value, " \u3000", NULL));
  g_assert_null (value->period);
  g_assert_false (kensho_value_get_period_year (value, NULL, NULL));
  g_assert_false (kensho_value_get_period_year (NULL, &year, &kind));

  /* A text value may have a period too. */
  {
    g_autoptr(KenshoValue) dash = kensho_value_new_text ("-");
    g_autofree char *dash_text = NULL;

    g_assert_true (kensho_value_set_period (dash, "令和3年度", NULL));
    dash_text = kensho_value_format (dash);
    g_assert_cmpstr (dash_text, ==, "- (令和3年度)");
  }
}

static void
test_note (void)
{
  g_autoptr(KenshoValue) value = kensho_value_new_number ("366", "日", NULL);
  g_autofree char *leap = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *both = NULL;
  g_autofree char *cleared = NULL;

  kensho_value_set_note (value, "閏年");
  g_assert_cmpstr (value->note, ==, "閏年");
  leap = kensho_value_format (value);
  g_assert_cmpstr (leap, ==, "366日 (閏年)");

  kensho_value_set_note (value, " ※変更前\u3000");
  g_assert_cmpstr (value->note, ==, "※変更前");
  changed = kensho_value_format (value);
  g_assert_cmpstr (changed, ==, "366日 ※変更前");

  g_assert_true (kensho_value_set_period (value, "令和2年", NULL));
  both = kensho_value_format (value);
  g_assert_cmpstr (both, ==, "366日 (令和2年) ※変更前");

  kensho_value_set_note (value, "");
  g_assert_null (value->note);
  kensho_value_set_note (value, "閏年");
  kensho_value_set_note (value, NULL);
  g_assert_null (value->note);
  cleared = kensho_value_format (value);
  g_assert_cmpstr (cleared, ==, "366日 (令和2年)");
}

static void
test_equal (void)
{
  g_autoptr(KenshoValue) a = parse_ok ("1,563件 (令和5年度) ※変更前");
  g_autoptr(KenshoValue) same = parse_ok ("1563件（令和5年度）※変更前");
  g_autoptr(KenshoValue) other_number = parse_ok ("1,564件 (令和5年度) ※変更前");
  g_autoptr(KenshoValue) other_unit = parse_ok ("1,563人 (令和5年度) ※変更前");
  g_autoptr(KenshoValue) other_period = parse_ok ("1,563件 (R5年度) ※変更前");
  g_autoptr(KenshoValue) other_note = parse_ok ("1,563件 (令和5年度) ※変更後");
  g_autoptr(KenshoValue) no_note = parse_ok ("1,563件 (令和5年度)");
  g_autoptr(KenshoValue) eighty_two = parse_ok ("82%");
  g_autoptr(KenshoValue) eighty_two_zero = parse_ok ("82.0%");
  g_autoptr(KenshoValue) number_five = kensho_value_new_number ("5", NULL, NULL);
  g_autoptr(KenshoValue) text_five = kensho_value_new_text ("5");
  g_autoptr(KenshoValue) empty_text = kensho_value_new_text ("");
  g_autoptr(KenshoValue) dash = kensho_value_new_text ("-");
  g_autoptr(KenshoValue) with_empty_fields = kensho_value_new_number ("5", NULL, NULL);

  g_assert_true (kensho_value_equal (a, a));
  g_assert_true (kensho_value_equal (a, same));
  g_assert_false (kensho_value_equal (a, other_number));
  g_assert_false (kensho_value_equal (a, other_unit));
  /* H30 and 平成30 are the same year but not the same writing. */
  g_assert_false (kensho_value_equal (a, other_period));
  g_assert_false (kensho_value_equal (a, other_note));
  g_assert_false (kensho_value_equal (a, no_note));
  g_assert_false (kensho_value_equal (no_note, a));
  /* What was written counts, not its value as a float. */
  g_assert_false (kensho_value_equal (eighty_two, eighty_two_zero));
  g_assert_false (kensho_value_equal (number_five, text_five));

  /* NULL-safe; an empty value is no value. */
  g_assert_true (kensho_value_equal (NULL, NULL));
  g_assert_false (kensho_value_equal (a, NULL));
  g_assert_false (kensho_value_equal (NULL, a));
  g_assert_false (kensho_value_equal (dash, NULL));
  g_assert_true (kensho_value_equal (empty_text, NULL));
  g_assert_true (kensho_value_equal (NULL, empty_text));
  g_assert_false (kensho_value_equal (empty_text, dash));

  /* Empty strings count as NULL. */
  with_empty_fields->unit = g_strdup ("");
  with_empty_fields->period = g_strdup ("");
  with_empty_fields->note = g_strdup ("");
  g_assert_true (kensho_value_equal (with_empty_fields, number_five));
  g_assert_true (kensho_value_equal (number_five, with_empty_fields));

  /* A unit without a number is nothing written either. */
  {
    g_autoptr(KenshoValue) stray_unit = kensho_value_new_text ("");

    stray_unit->unit = g_strdup ("件");
    g_assert_true (kensho_value_equal (stray_unit, empty_text));
    g_assert_true (kensho_value_equal (stray_unit, NULL));
  }
}

static void
test_empty (void)
{
  g_autoptr(KenshoValue) blank = parse_ok ("\u3000 ");
  g_autoptr(KenshoValue) zero = parse_ok ("0");
  g_autoptr(KenshoValue) noted = kensho_value_new_text ("");

  g_assert_true (kensho_value_is_empty (NULL));
  g_assert_true (kensho_value_is_empty (blank));
  g_assert_cmpstr (blank->text, ==, "");
  g_assert_false (kensho_value_is_empty (zero));
  kensho_value_set_note (noted, "調査なし");
  g_assert_false (kensho_value_is_empty (noted));
}

static void
test_copy_and_boxed (void)
{
  g_autoptr(KenshoValue) value = parse_ok ("79.4歳 (令和4年) ※変更後");
  g_autoptr(KenshoValue) copy = kensho_value_copy (value);
  KenshoValue *boxed;

  g_assert_true (kensho_value_equal (value, copy));
  g_assert_true (copy->number != value->number);
  g_assert_true (copy->unit != value->unit);
  g_assert_true (copy->period != value->period);
  g_assert_true (copy->note != value->note);
  /* A deep copy: changing it leaves the original alone. */
  kensho_value_set_note (copy, "※変更前");
  g_assert_cmpstr (value->note, ==, "※変更後");

  g_assert_true (G_TYPE_IS_BOXED (KENSHO_TYPE_VALUE));
  g_assert_cmpstr (g_type_name (KENSHO_TYPE_VALUE), ==, "KenshoValue");
  boxed = g_boxed_copy (KENSHO_TYPE_VALUE, value);
  g_assert_true (boxed != value);
  g_assert_true (kensho_value_equal (boxed, value));
  g_boxed_free (KENSHO_TYPE_VALUE, boxed);

  {
    g_auto(GValue) gvalue = G_VALUE_INIT;
    const KenshoValue *held;

    g_value_init (&gvalue, KENSHO_TYPE_VALUE);
    g_value_set_boxed (&gvalue, value);
    held = g_value_get_boxed (&gvalue);
    g_assert_true (held != value);
    g_assert_cmpstr (held->number, ==, "79.4");
  }

  kensho_value_free (NULL);
}

static void
test_to_double (void)
{
  static const struct { const char *cell; double expected; } cases[] = {
    { "34万人", 340000.0 },
    { "29万人", 290000.0 },
    { "490.7万人 (平成30年度)", 4907000.0 },
    { "11,942億円 (平成30年)", 1194200000000.0 },
    { "1.5億円", 150000000.0 },
    { "294,758人", 294758.0 },
    { "1.41 (平成30年)", 1.41 },
    { "82.0%", 82.0 },
    { "-3件", -3.0 },
    { "0", 0.0 },
    /* Only a unit that starts with a scale scales. */
    { "5人万", 5.0 },
    { "999,999,999,999,999.999999円", 999999999999999.999999 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KenshoValue) value = parse_ok (cases[i].cell);
      gboolean ok = FALSE;
      double result = kensho_value_to_double (value, &ok);

      g_assert_true (ok);
      g_assert_cmpfloat_with_epsilon (result, cases[i].expected,
                                      ABS (cases[i].expected) * 1e-12 + 1e-12);
      g_assert_true (isfinite (result));
      /* And the value itself stays as written. */
      g_assert_cmpstr (value->number, !=, NULL);
    }

  {
    g_autoptr(KenshoValue) text = parse_ok ("待機児童なし");
    g_autoptr(KenshoValue) nan = parse_ok ("NaN");
    gboolean ok = TRUE;

    g_assert_cmpfloat (kensho_value_to_double (text, &ok), ==, 0.0);
    g_assert_false (ok);
    ok = TRUE;
    g_assert_cmpfloat (kensho_value_to_double (nan, &ok), ==, 0.0);
    g_assert_false (ok);
    ok = TRUE;
    g_assert_cmpfloat (kensho_value_to_double (NULL, &ok), ==, 0.0);
    g_assert_false (ok);
    g_assert_cmpfloat (kensho_value_to_double (text, NULL), ==, 0.0);
  }
}

static void
test_format_edges (void)
{
  g_autofree char *null_text = kensho_value_format (NULL);
  g_autoptr(KenshoValue) bare_period = kensho_value_new_text (NULL);
  g_autofree char *bare_text = NULL;

  g_assert_cmpstr (null_text, ==, "");
  /* Nothing before the period: no leading space. */
  g_assert_true (kensho_value_set_period (bare_period, "令和3年", NULL));
  bare_text = kensho_value_format (bare_period);
  g_assert_cmpstr (bare_text, ==, "(令和3年)");
}

/* Mistakes of the calling code are reported, not turned into values. */
static void
test_programmer_errors (void)
{
  if (g_test_subprocess ())
    {
      /* Grouping is for normalised numbers only. */
      g_assert_null (kensho_number_format_grouped ("1,563"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_stderr ("*CRITICAL*is_normalized*");
}

/* Series cells */

static const char * const schools[] = { "小学校", "中学校", NULL };
static const char * const sexes[] = { "男性", "女性", NULL };

static GPtrArray *
parse_series_ok (const char *cell, const char * const *names)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *values = kensho_value_parse_series_cell (cell, names, &error);

  g_assert_no_error (error);
  g_assert_nonnull (values);
  return values;
}

static char *
format_series (const char * const *names, GPtrArray *values)
{
  return kensho_value_format_series_cell (names, (KenshoValue * const *) values->pdata,
                                          values->len);
}

static void
test_seed_series (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_school_cells); i++)
    {
      g_autoptr(GPtrArray) values = parse_series_ok (seed_school_cells[i], schools);
      g_autofree char *text = format_series (schools, values);

      g_assert_cmpuint (values->len, ==, 2);
      for (guint j = 0; j < values->len; j++)
        {
          KenshoValue *value = values->pdata[j];

          g_assert_true (kensho_value_is_number (value));
          g_assert_cmpstr (value->unit, ==, "%");
          g_assert_null (value->period);
          g_assert_null (value->note);
        }
      g_assert_cmpstr (text, ==, seed_school_cells[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_health_cells); i++)
    {
      g_autoptr(GPtrArray) values = parse_series_ok (seed_health_cells[i], sexes);
      g_autofree char *text = format_series (sexes, values);
      KenshoValue *men = values->pdata[0];
      KenshoValue *women = values->pdata[1];

      g_assert_cmpuint (values->len, ==, 2);
      g_assert_cmpstr (men->unit, ==, "歳");
      g_assert_cmpstr (women->unit, ==, "歳");
      g_assert_nonnull (men->period);
      g_assert_cmpstr (men->period, ==, women->period);
      g_assert_nonnull (men->note);
      g_assert_cmpstr (men->note, ==, women->note);
      g_assert_cmpstr (text, ==, seed_health_cells[i]);
    }
}

static void
test_series_parts (void)
{
  g_autoptr(GPtrArray) health = parse_series_ok ("男性77.41歳 女性79.89歳 (令和元年) ※変更前", sexes);
  g_autoptr(GPtrArray) school = parse_series_ok ("小学校88.7% 中学校82.8%", schools);
  KenshoValue *men = health->pdata[0];
  KenshoValue *women = health->pdata[1];
  KenshoValue *primary = school->pdata[0];
  KenshoValue *junior = school->pdata[1];

  g_assert_cmpstr (men->number, ==, "77.41");
  g_assert_cmpstr (men->unit, ==, "歳");
  g_assert_cmpstr (men->period, ==, "令和元年");
  g_assert_cmpstr (men->note, ==, "※変更前");
  g_assert_cmpstr (women->number, ==, "79.89");
  g_assert_cmpstr (women->period, ==, "令和元年");
  g_assert_cmpstr (women->note, ==, "※変更前");
  g_assert_cmpstr (primary->number, ==, "88.7");
  g_assert_cmpstr (junior->number, ==, "82.8");
  g_assert_cmpstr (junior->unit, ==, "%");
}

static void
test_series_tolerant (void)
{
  static const struct
  {
    const char *cell;
    const char * const *names;
    const char *formatted;
  } cases[] = {
    { "小学校88.7%中学校82.8%", schools, "小学校88.7% 中学校82.8%" },
    { "小学校88.7%\u3000中学校82.8%", schools, "小学校88.7% 中学校82.8%" },
    { "  小学校 88.7%   中学校 82.8%  ", schools, "小学校88.7% 中学校82.8%" },
    { "小学校８８．７％ 中学校８２．８％", schools, "小学校88.7％ 中学校82.8％" },
    /* The same period on each is written once. */
    { "男性1件 (令和元年) 女性2件 (令和元年)", sexes, "男性1件 女性2件 (令和元年)" },
    { "男性1件 女性2件 ※変更前", sexes, "男性1件 女性2件 ※変更前" },
    { "男性- 女性-", sexes, "男性- 女性-" },
    /* The next name after white space wins over one inside a note. */
    { "小学校5人(中学校併設) 中学校3人", schools, "小学校5人 (中学校併設) 中学校3人" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) values = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", cases[i].cell);
      values = parse_series_ok (cases[i].cell, cases[i].names);
      text = format_series (cases[i].names, values);
      g_assert_cmpstr (text, ==, cases[i].formatted);
    }
}

/* Periods that differ stay with their values; a period on an earlier value
 * only is not spread to the others. */
static void
test_series_own_periods (void)
{
  g_autoptr(GPtrArray) differ = parse_series_ok ("男性1件 (令和元年) 女性2件 (令和2年)", sexes);
  g_autoptr(GPtrArray) first_only = parse_series_ok ("男性1件 (令和元年) 女性2件", sexes);
  g_autofree char *differ_text = format_series (sexes, differ);
  g_autofree char *first_only_text = format_series (sexes, first_only);

  g_assert_cmpstr (((KenshoValue *) differ->pdata[0])->period, ==, "令和元年");
  g_assert_cmpstr (((KenshoValue *) differ->pdata[1])->period, ==, "令和2年");
  g_assert_cmpstr (differ_text, ==, "男性1件 (令和元年) 女性2件 (令和2年)");

  g_assert_cmpstr (((KenshoValue *) first_only->pdata[0])->period, ==, "令和元年");
  g_assert_null (((KenshoValue *) first_only->pdata[1])->period);
  g_assert_cmpstr (first_only_text, ==, "男性1件 (令和元年) 女性2件");

  /* Same period, different notes: each keeps its own. */
  {
    g_autoptr(KenshoValue) a = parse_ok ("79.4歳 (令和4年) ※変更後");
    g_autoptr(KenshoValue) b = parse_ok ("80.22歳 (令和4年) ※変更前");
    KenshoValue *values[] = { a, b };
    g_autofree char *text = kensho_value_format_series_cell (sexes, values, 2);

    g_assert_cmpstr (text, ==, "男性79.4歳 (令和4年) ※変更後 女性80.22歳 (令和4年) ※変更前");
  }
}

static void
test_series_format_edges (void)
{
  static const char * const unnamed_null[] = { NULL };
  static const char * const unnamed_empty[] = { "", NULL };
  g_autoptr(KenshoValue) value = parse_ok ("11,942億円 (平成30年)");
  g_autoptr(KenshoValue) women = parse_ok ("79.89歳 (令和元年) ※変更前");
  KenshoValue *single[] = { value };
  KenshoValue *missing_men[] = { NULL, women };
  KenshoValue *none[] = { NULL, NULL };
  g_autofree char *null_names = kensho_value_format_series_cell (unnamed_null, single, 1);
  g_autofree char *empty_names = kensho_value_format_series_cell (unnamed_empty, single, 1);
  g_autofree char *no_names = kensho_value_format_series_cell (NULL, single, 1);
  g_autofree char *only_women = kensho_value_format_series_cell (sexes, missing_men, 2);
  g_autofree char *nothing = kensho_value_format_series_cell (sexes, none, 2);
  g_autofree char *zero = kensho_value_format_series_cell (sexes, NULL, 0);

  g_assert_cmpstr (null_names, ==, "11,942億円 (平成30年)");
  g_assert_cmpstr (empty_names, ==, "11,942億円 (平成30年)");
  g_assert_cmpstr (no_names, ==, "11,942億円 (平成30年)");
  /* A value not written is left out. */
  g_assert_cmpstr (only_women, ==, "女性79.89歳 (令和元年) ※変更前");
  g_assert_cmpstr (nothing, ==, "");
  g_assert_cmpstr (zero, ==, "");
}

static void
test_series_single_unnamed (void)
{
  static const char * const unnamed_null[] = { NULL };
  static const char * const unnamed_empty[] = { "", NULL };
  const char * const *names[] = { unnamed_null, unnamed_empty, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) values = parse_series_ok ("11,942億円 (平成30年)", names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) refused = NULL;
      KenshoValue *value;

      g_assert_cmpuint (values->len, ==, 1);
      value = values->pdata[0];
      g_assert_cmpstr (value->number, ==, "11942");
      g_assert_cmpstr (value->period, ==, "平成30年");

      refused = kensho_value_parse_series_cell ("1,56,3件", names[i], &error);
      g_assert_null (refused);
      g_assert_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER);
    }
}

static void
test_series_refused (void)
{
  static const struct { const char *cell, *named; KenshoValueError code; } cases[] = {
    { "男性77.41歳", "女性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "女性79.89歳 男性77.41歳", "男性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "77.41歳 79.89歳", "男性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "男性 女性79.89歳", "男性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "男性77.41歳 女性", "女性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "", "男性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "-", "男性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    /* An error in one part names its series. */
    { "男性77,41歳 女性79.89歳", "男性", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "男性77.41歳 女性79.89歳 (平成99年)", "女性", KENSHO_VALUE_ERROR_INVALID_PERIOD },
    { "男性77.41歳 女性12345678901234567890歳", "女性", KENSHO_VALUE_ERROR_TOO_LONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) values = NULL;

      g_test_message ("%s", cases[i].cell);
      values = kensho_value_parse_series_cell (cases[i].cell, sexes, &error);
      g_assert_null (values);
      g_assert_error (error, KENSHO_VALUE_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

/* Cells copied from a spreadsheet: rows, tabs, and quoted cells with line
 * breaks and quotes of their own. */
static void
test_pasted_cells (void)
{
  g_autoptr(GPtrArray) rows = kensho_tsv_parse ("1,563件\t\"取組\n続き\"\t\"\"\"引用\"\"\"\r\n2\t\t3\r\n");
  g_autoptr(GPtrArray) one = kensho_tsv_parse ("待機児童なし");

  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char *[]) { "1,563件", "取組\n続き", "\"引用\"", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), ((const char *[]) { "2", "", "3", NULL }));
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstrv (g_ptr_array_index (one, 0), ((const char *[]) { "待機児童なし", NULL }));
  g_assert_true (kensho_tsv_is_spreadsheet ("a\tb"));
  g_assert_false (kensho_tsv_is_spreadsheet ("一行目\n二行目"));
}

/* A text longer than a sheet file holds is refused where it is typed. */
static void
test_parse_too_long (void)
{
  g_autofree char *longest = g_strnfill (KENSHO_LONG_TEXT_MAX, 'x');
  g_autofree char *too_long = g_strnfill (KENSHO_LONG_TEXT_MAX + 1, 'x');
  g_autofree char *unit = g_strnfill (KENSHO_SHORT_TEXT_MAX + 1, 'u');
  g_autofree char *number = g_strconcat ("1,563", unit, NULL);
  g_autoptr(KenshoValue) fits = kensho_value_parse (longest, NULL);
  g_autoptr(KenshoValue) text = NULL;
  g_autoptr(KenshoValue) with_unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unit_error = NULL;

  g_assert_nonnull (fits);
  text = kensho_value_parse (too_long, &error);
  g_assert_null (text);
  g_assert_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "The text is too long: 100,001 characters, where a value holds at most 100,000.");
  with_unit = kensho_value_parse (number, &unit_error);
  g_assert_null (with_unit);
  g_assert_error (unit_error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG);
  g_assert_true (g_str_has_suffix (unit_error->message,
                                   "” is too long: a unit, period or note holds at most 1,000 characters."));
}

int
main (int argc, char **argv)
{
  /* Untranslated messages, whatever the desktop's language, and UTF-8
   * test output. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/value/parse/seed-round-trips", test_seed_round_trips);
  g_test_add_func ("/value/parse/more-round-trips", test_more_round_trips);
  g_test_add_func ("/value/parse/parts", test_parts);
  g_test_add_func ("/value/parse/tolerant", test_tolerant);
  g_test_add_func ("/value/parse/kept-as-written", test_kept_as_written);
  g_test_add_func ("/value/parse/too-long", test_parse_too_long);
  g_test_add_func ("/value/parse/refused", test_refused_cells);
  g_test_add_func ("/value/parse/messages", test_cell_messages);
  g_test_add_func ("/value/number/normalize-accepted", test_normalize_accepted);
  g_test_add_func ("/value/number/normalize-refused", test_normalize_refused);
  g_test_add_func ("/value/number/messages", test_number_messages);
  g_test_add_func ("/value/number/grouping", test_grouping);
  g_test_add_func ("/value/number/no-float-rounding", test_no_float_rounding);
  g_test_add_func ("/value/new", test_new);
  g_test_add_func ("/value/period", test_period);
  g_test_add_func ("/value/note", test_note);
  g_test_add_func ("/value/equal", test_equal);
  g_test_add_func ("/value/empty", test_empty);
  g_test_add_func ("/value/copy-and-boxed", test_copy_and_boxed);
  g_test_add_func ("/value/to-double", test_to_double);
  g_test_add_func ("/value/format-edges", test_format_edges);
  g_test_add_func ("/value/programmer-errors", test_programmer_errors);
  g_test_add_func ("/value/series/seed", test_seed_series);
  g_test_add_func ("/value/series/parts", test_series_parts);
  g_test_add_func ("/value/series/tolerant", test_series_tolerant);
  g_test_add_func ("/value/series/own-periods", test_series_own_periods);
  g_test_add_func ("/value/series/format-edges", test_series_format_edges);
  g_test_add_func ("/value/series/single-unnamed", test_series_single_unnamed);
  g_test_add_func ("/value/series/refused", test_series_refused);
  g_test_add_func ("/value/pasted-cells", test_pasted_cells);
  return g_test_run ();
}
