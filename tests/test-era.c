/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>

#include "kensho-era.h"

#define NOT_SET ((KenshoPeriodKind) 42)

typedef struct
{
  const char *text;
  int year;
  KenshoPeriodKind kind;
} Accepted;

static const Accepted accepted[] = {
  /* Era names, 元年 and 1年, 年 / 年度 / no suffix. */
  { "令和5年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和5年", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和5", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和元年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和元年", 2019, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和1年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和1年", 2019, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和1", 2019, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和3年", 2021, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和9年度", 2027, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和99年", 2117, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和05年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成元年", 1989, KENSHO_PERIOD_CALENDAR_YEAR },
  { "平成元年度", 1989, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成29年", 2017, KENSHO_PERIOD_CALENDAR_YEAR },
  { "平成30年", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "平成30年度", 2018, KENSHO_PERIOD_FISCAL_YEAR },
  /* FY2019 is written both ways. */
  { "平成31年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成31年", 2019, KENSHO_PERIOD_CALENDAR_YEAR },
  /* Years that never existed, from plans written before 2019. */
  { "平成32年", 2020, KENSHO_PERIOD_CALENDAR_YEAR },
  { "平成36年度", 2024, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成45年度", 2033, KENSHO_PERIOD_FISCAL_YEAR },
  { "昭和元年", 1926, KENSHO_PERIOD_CALENDAR_YEAR },
  { "昭和1年度", 1926, KENSHO_PERIOD_FISCAL_YEAR },
  { "昭和60", 1985, KENSHO_PERIOD_CALENDAR_YEAR },
  { "昭和63年度", 1988, KENSHO_PERIOD_FISCAL_YEAR },
  { "昭和64年", 1989, KENSHO_PERIOD_CALENDAR_YEAR },
  /* Abbreviations, either case, full-width too. */
  { "R5", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "R5年", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "R5年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "r5年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "R元年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "R1", 2019, KENSHO_PERIOD_CALENDAR_YEAR },
  { "R05", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "H30", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "H30年度", 2018, KENSHO_PERIOD_FISCAL_YEAR },
  { "h30年", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "H32", 2020, KENSHO_PERIOD_CALENDAR_YEAR },
  { "S60", 1985, KENSHO_PERIOD_CALENDAR_YEAR },
  { "s64年", 1989, KENSHO_PERIOD_CALENDAR_YEAR },
  { "Ｒ５年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "ｒ５", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "Ｈ３０年度", 2018, KENSHO_PERIOD_FISCAL_YEAR },
  { "ｈ３０年", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "Ｓ６０", 1985, KENSHO_PERIOD_CALENDAR_YEAR },
  /* Full-width digits. */
  { "令和５年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成３０年", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "２０２３年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  /* Western years, 1900 to 2200. */
  { "2023年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "2023年", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "2023", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "1900", 1900, KENSHO_PERIOD_CALENDAR_YEAR },
  { "1900年度", 1900, KENSHO_PERIOD_FISCAL_YEAR },
  { "2200年", 2200, KENSHO_PERIOD_CALENDAR_YEAR },
  /* White space around, U+3000 and no-break space included, and inside. */
  { " 令和5年度\u3000", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "\u3000\u3000H30年度", 2018, KENSHO_PERIOD_FISCAL_YEAR },
  { "\t2023年\n", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "\u00a0R5\u00a0", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和 5 年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和\u30005年", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和 元 年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "2023 年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
};

static void
test_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;
      KenshoPeriodKind kind = NOT_SET;

      g_test_message ("%s", accepted[i].text);
      g_assert_true (kensho_era_parse (accepted[i].text, &year, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, accepted[i].year);
      g_assert_cmpint (kind, ==, accepted[i].kind);
    }
}

static void
test_optional_outputs (void)
{
  int year = 0;
  KenshoPeriodKind kind = NOT_SET;

  g_assert_true (kensho_era_parse ("令和5年度", NULL, NULL, NULL));
  g_assert_true (kensho_era_parse ("令和5年度", &year, NULL, NULL));
  g_assert_cmpint (year, ==, 2023);
  g_assert_true (kensho_era_parse ("H30年度", NULL, &kind, NULL));
  g_assert_cmpint (kind, ==, KENSHO_PERIOD_FISCAL_YEAR);
  g_assert_false (kensho_era_parse ("令和0年", NULL, NULL, NULL));
}

typedef struct
{
  const char *text;
  KenshoEraError code;
} Refused;

static const Refused refused[] = {
  /* Not years at all. */
  { "令和", KENSHO_ERA_ERROR_INVALID },
  { "令和年度", KENSHO_ERA_ERROR_INVALID },
  { "令和元", KENSHO_ERA_ERROR_INVALID },
  { "令和元年度末", KENSHO_ERA_ERROR_INVALID },
  { "令和5年度末", KENSHO_ERA_ERROR_INVALID },
  { "令和5年3月", KENSHO_ERA_ERROR_INVALID },
  { "令和5年度 令和6年度", KENSHO_ERA_ERROR_INVALID },
  { "令和五年", KENSHO_ERA_ERROR_INVALID },
  { "令和-5年", KENSHO_ERA_ERROR_INVALID },
  { "令和+5年", KENSHO_ERA_ERROR_INVALID },
  { "令和5.5年", KENSHO_ERA_ERROR_INVALID },
  { "閏年", KENSHO_ERA_ERROR_INVALID },
  { "※変更前", KENSHO_ERA_ERROR_INVALID },
  { "元年", KENSHO_ERA_ERROR_INVALID },
  { "年度", KENSHO_ERA_ERROR_INVALID },
  { "5年", KENSHO_ERA_ERROR_INVALID },
  { "30年度", KENSHO_ERA_ERROR_INVALID },
  { "5", KENSHO_ERA_ERROR_INVALID },
  { "R", KENSHO_ERA_ERROR_INVALID },
  { "R年度", KENSHO_ERA_ERROR_INVALID },
  { "R 5", KENSHO_ERA_ERROR_INVALID },
  { "RR5", KENSHO_ERA_ERROR_INVALID },
  { "X5", KENSHO_ERA_ERROR_INVALID },
  { "T5", KENSHO_ERA_ERROR_INVALID },
  { "Reiwa 5", KENSHO_ERA_ERROR_INVALID },
  { "FY2023", KENSHO_ERA_ERROR_INVALID },
  { "2023年度末", KENSHO_ERA_ERROR_INVALID },
  { "2023-24", KENSHO_ERA_ERROR_INVALID },
  { "20 23", KENSHO_ERA_ERROR_INVALID },
  { "1e3", KENSHO_ERA_ERROR_INVALID },
  { "-2023", KENSHO_ERA_ERROR_INVALID },
  { "(令和5年)", KENSHO_ERA_ERROR_INVALID },
  /* Years, but not ones Kensho knows. */
  { "令和0年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "令和00年度", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "R0", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "令和100年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "令和2023年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "平成0年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "平成46年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "平成99年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "H99年度", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "昭和0年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "昭和65年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "S65", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "大正5年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "明治45年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "大正元年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "123年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "1899年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "1899", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "2201年度", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "9999", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "02023年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  /* No overflow, however many digits. */
  { "令和99999999999999999999年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "令和4294967297年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "令和2147483648年度", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "R99999999999999999999", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "平成18446744073709551617年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "99999999999999999999999999", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "4294969319年度", KENSHO_ERA_ERROR_OUT_OF_RANGE },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 12345;
      KenshoPeriodKind kind = NOT_SET;

      g_test_message ("%s", refused[i].text);
      g_assert_false (kensho_era_parse (refused[i].text, &year, &kind, &error));
      g_assert_error (error, KENSHO_ERA_ERROR, (int) refused[i].code);
      /* Nothing is written on failure. */
      g_assert_cmpint (year, ==, 12345);
      g_assert_cmpint (kind, ==, NOT_SET);
      /* The message names what was written. */
      g_assert_nonnull (strstr (error->message, refused[i].text));
    }
}

static void
test_messages (void)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) era = NULL;
  g_autoptr(GError) western = NULL;
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) blank = NULL;
  g_autoptr(GError) stripped = NULL;

  g_assert_false (kensho_era_parse ("来年", NULL, NULL, &invalid));
  g_assert_cmpstr (invalid->message, ==,
                   "“来年” is not a year. Write it like 令和5年度, R5 or 2023年度.");

  g_assert_false (kensho_era_parse ("平成99年", NULL, NULL, &era));
  g_assert_cmpstr (era->message, ==,
                   "“平成99年” is outside the years Kensho knows (昭和1年 to 令和99年).");

  g_assert_false (kensho_era_parse ("1899年度", NULL, NULL, &western));
  g_assert_cmpstr (western->message, ==,
                   "“1899年度” is outside the years Kensho knows (1900 to 2200).");

  g_assert_false (kensho_era_parse ("", NULL, NULL, &empty));
  g_assert_error (empty, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_INVALID);
  g_assert_cmpstr (empty->message, ==,
                   "No year is written. Write it like 令和5年度, R5 or 2023年度.");
  g_assert_false (kensho_era_parse (" \u3000\t", NULL, NULL, &blank));
  g_assert_error (blank, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_INVALID);
  g_assert_cmpstr (blank->message, ==, empty->message);

  /* The quote leaves out the white space around. */
  g_assert_false (kensho_era_parse ("\u3000令和100年\u3000", NULL, NULL, &stripped));
  g_assert_nonnull (strstr (stripped->message, "“令和100年”"));
}

/* A pasted page is quoted short, and broken UTF-8 neither crashes nor
 * makes its way into the message. */
static void
test_hostile_input (void)
{
  g_autoptr(GString) long_text = g_string_new ("令和");
  g_autoptr(GError) long_error = NULL;
  g_autoptr(GError) digits_error = NULL;
  g_autoptr(GError) utf8_error = NULL;
  g_autoptr(GError) truncated_error = NULL;
  g_autofree char *many_digits = NULL;

  for (int i = 0; i < 10000; i++)
    g_string_append (long_text, "あ");
  g_assert_false (kensho_era_parse (long_text->str, NULL, NULL, &long_error));
  g_assert_error (long_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_INVALID);
  g_assert_cmpuint (strlen (long_error->message), <, 300);
  g_assert_nonnull (strstr (long_error->message, "…"));

  many_digits = g_strnfill (100000, '9');
  g_assert_false (kensho_era_parse (many_digits, NULL, NULL, &digits_error));
  g_assert_error (digits_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_OUT_OF_RANGE);

  g_assert_false (kensho_era_parse ("令和\xff\xfe年", NULL, NULL, &utf8_error));
  g_assert_error (utf8_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_INVALID);
  g_assert_true (g_utf8_validate (utf8_error->message, -1, NULL));

  /* A lead byte at the very end must not make the reader skip the end. */
  g_assert_false (kensho_era_parse ("R5\xe4", NULL, NULL, &truncated_error));
  g_assert_error (truncated_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_INVALID);
  g_assert_true (g_utf8_validate (truncated_error->message, -1, NULL));
}

/* Every year of every era, written with its name and abbreviation. */
static void
test_every_era_year (void)
{
  static const struct { const char *name, *abbreviation; int first, last; } eras[] = {
    { "令和", "R", 2019, 99 },
    { "平成", "H", 1989, 45 },
    { "昭和", "S", 1926, 64 },
  };

  for (guint e = 0; e < G_N_ELEMENTS (eras); e++)
    for (int n = 0; n <= eras[e].last + 1; n++)
      {
        g_autofree char *named = g_strdup_printf ("%s%d年度", eras[e].name, n);
        g_autofree char *abbreviated = g_strdup_printf ("%s%d", eras[e].abbreviation, n);
        gboolean in_range = n >= 1 && n <= eras[e].last;
        int year = 0;
        KenshoPeriodKind kind = NOT_SET;
        g_autoptr(GError) named_error = NULL;
        g_autoptr(GError) abbreviated_error = NULL;

        g_assert_cmpint (kensho_era_parse (named, &year, &kind, &named_error), ==, in_range);
        g_assert_cmpint (kensho_era_parse (abbreviated, NULL, NULL, &abbreviated_error), ==,
                         in_range);
        if (in_range)
          {
            g_assert_cmpint (year, ==, eras[e].first + n - 1);
            g_assert_cmpint (kind, ==, KENSHO_PERIOD_FISCAL_YEAR);
          }
        else
          {
            g_assert_error (named_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_OUT_OF_RANGE);
            g_assert_error (abbreviated_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_OUT_OF_RANGE);
          }
      }
}

static void
test_format (void)
{
  static const struct
  {
    int year;
    KenshoPeriodKind kind;
    KenshoEraFormatFlags flags;
    const char *text;
  } cases[] = {
    { 2023, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "令和5年度" },
    { 2023, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "令和5年" },
    { 2027, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "令和9年度" },
    { 2117, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "令和99年" },
    /* The whole of 2019, calendar or fiscal, is 令和元年. */
    { 2019, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "令和元年度" },
    { 2019, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "令和元年" },
    { 2019, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "令和1年度" },
    { 2019, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "令和1年" },
    { 2020, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "令和2年度" },
    { 2018, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "平成30年度" },
    { 2018, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "平成30年" },
    { 1989, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "平成元年" },
    { 1989, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "平成1年度" },
    { 1988, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "昭和63年" },
    { 1926, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "昭和元年" },
    { 1926, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "昭和1年度" },
    { 2027, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_WESTERN, "2027年度" },
    { 2019, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_WESTERN, "2019年" },
    { 2019, KENSHO_PERIOD_FISCAL_YEAR,
      KENSHO_ERA_FORMAT_WESTERN | KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "2019年度" },
    /* Outside the eras Kensho knows: the Western way. */
    { 1925, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "1925年" },
    { 1900, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "1900年度" },
    { 2118, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "2118年度" },
    { -5, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "-5年" },
    { G_MAXINT, KENSHO_PERIOD_CALENDAR_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "2147483647年" },
    { G_MININT, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_DEFAULT, "-2147483648年度" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kensho_era_format (cases[i].year, cases[i].kind, cases[i].flags);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_names (void)
{
  static const struct { int year; const char *name; int in_era; } cases[] = {
    { G_MININT, NULL, 0 },
    { 1925, NULL, 0 },
    { 1926, "昭和", 1 },
    { 1985, "昭和", 60 },
    { 1988, "昭和", 63 },
    { 1989, "平成", 1 },
    { 2018, "平成", 30 },
    { 2019, "令和", 1 },
    { 2023, "令和", 5 },
    { 2117, "令和", 99 },
    { 2118, NULL, 0 },
    { G_MAXINT, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (kensho_era_name_for_year (cases[i].year), ==, cases[i].name);
      g_assert_cmpint (kensho_era_year_in_era (cases[i].year), ==, cases[i].in_era);
    }
}

/* Whatever the flags, what is written reads back as the year it was
 * written from, for every year Kensho reads. */
static void
test_round_trip (void)
{
  static const KenshoEraFormatFlags all_flags[] = {
    KENSHO_ERA_FORMAT_DEFAULT,
    KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR,
    KENSHO_ERA_FORMAT_WESTERN,
    KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR | KENSHO_ERA_FORMAT_WESTERN,
  };

  for (int year = 1900; year <= 2200; year++)
    for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
      for (int k = KENSHO_PERIOD_CALENDAR_YEAR; k <= KENSHO_PERIOD_FISCAL_YEAR; k++)
        {
          g_autofree char *text = kensho_era_format (year, (KenshoPeriodKind) k, all_flags[f]);
          g_autoptr(GError) error = NULL;
          int parsed = 0;
          KenshoPeriodKind parsed_kind = NOT_SET;

          g_assert_true (kensho_era_parse (text, &parsed, &parsed_kind, &error));
          g_assert_no_error (error);
          g_assert_cmpint (parsed, ==, year);
          g_assert_cmpint (parsed_kind, ==, k);
        }
}

int
main (int argc, char **argv)
{
  /* Untranslated messages, whatever the desktop's language, and UTF-8
   * test output. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/era/parse/accepted", test_accepted);
  g_test_add_func ("/era/parse/optional-outputs", test_optional_outputs);
  g_test_add_func ("/era/parse/refused", test_refused);
  g_test_add_func ("/era/parse/messages", test_messages);
  g_test_add_func ("/era/parse/hostile-input", test_hostile_input);
  g_test_add_func ("/era/parse/every-era-year", test_every_era_year);
  g_test_add_func ("/era/format", test_format);
  g_test_add_func ("/era/names", test_names);
  g_test_add_func ("/era/round-trip", test_round_trip);
  return g_test_run ();
}
