/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-era.h"

typedef struct
{
  const char *text;
  int year;
  KenshoPeriodKind kind;
} Accepted;

static const Accepted accepted[] = {
  { "令和5年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和元年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和1年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和元年", 2019, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和3年", 2021, KENSHO_PERIOD_CALENDAR_YEAR },
  { "令和9年度", 2027, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成30年", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "平成31年度", 2019, KENSHO_PERIOD_FISCAL_YEAR },
  { "平成元年", 1989, KENSHO_PERIOD_CALENDAR_YEAR },
  /* Years that never existed but appear in plans written before 2019. */
  { "平成32年", 2020, KENSHO_PERIOD_CALENDAR_YEAR },
  { "平成36年度", 2024, KENSHO_PERIOD_FISCAL_YEAR },
  { "昭和64年", 1989, KENSHO_PERIOD_CALENDAR_YEAR },
  { "昭和元年", 1926, KENSHO_PERIOD_CALENDAR_YEAR },
  { "H30年度", 2018, KENSHO_PERIOD_FISCAL_YEAR },
  { "H30", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "h30年", 2018, KENSHO_PERIOD_CALENDAR_YEAR },
  { "R5", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "R5年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "S60", 1985, KENSHO_PERIOD_CALENDAR_YEAR },
  { "Ｒ５年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "令和５年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { " 令和5年度\u3000", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "2023年度", 2023, KENSHO_PERIOD_FISCAL_YEAR },
  { "2023年", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
  { "2023", 2023, KENSHO_PERIOD_CALENDAR_YEAR },
};

static void
test_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;
      KenshoPeriodKind kind = -1;

      g_test_message ("%s", accepted[i].text);
      g_assert_true (kensho_era_parse (accepted[i].text, &year, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, accepted[i].year);
      g_assert_cmpint (kind, ==, accepted[i].kind);
    }
}

typedef struct
{
  const char *text;
  KenshoEraError code;
} Refused;

static const Refused refused[] = {
  { "", KENSHO_ERA_ERROR_INVALID },
  { "令和", KENSHO_ERA_ERROR_INVALID },
  { "令和年度", KENSHO_ERA_ERROR_INVALID },
  { "令和5年度末", KENSHO_ERA_ERROR_INVALID },
  { "大正5年", KENSHO_ERA_ERROR_INVALID },
  { "閏年", KENSHO_ERA_ERROR_INVALID },
  { "5年", KENSHO_ERA_ERROR_INVALID },
  { "X5", KENSHO_ERA_ERROR_INVALID },
  { "令和元", KENSHO_ERA_ERROR_INVALID },
  { "令和0年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "令和100年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "平成99年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "昭和65年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "1899年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "2201年度", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  /* No overflow, however many digits. */
  { "令和99999999999999999999年", KENSHO_ERA_ERROR_OUT_OF_RANGE },
  { "99999999999999999999999999", KENSHO_ERA_ERROR_OUT_OF_RANGE },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 12345;

      g_test_message ("%s", refused[i].text);
      g_assert_false (kensho_era_parse (refused[i].text, &year, NULL, &error));
      g_assert_error (error, KENSHO_ERA_ERROR, (int) refused[i].code);
      g_assert_cmpint (year, ==, 12345);
      g_assert_nonnull (strstr (error->message, refused[i].text));
    }
}

static void
test_format (void)
{
  static const struct { int year; KenshoPeriodKind kind; KenshoEraFormatFlags flags; const char *text; } cases[] = {
    { 2023, KENSHO_PERIOD_FISCAL_YEAR, 0, "令和5年度" },
    { 2019, KENSHO_PERIOD_FISCAL_YEAR, 0, "令和元年度" },
    { 2019, KENSHO_PERIOD_CALENDAR_YEAR, 0, "令和元年" },
    { 2019, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR, "令和1年度" },
    { 2018, KENSHO_PERIOD_FISCAL_YEAR, 0, "平成30年度" },
    { 1989, KENSHO_PERIOD_CALENDAR_YEAR, 0, "平成元年" },
    { 1988, KENSHO_PERIOD_CALENDAR_YEAR, 0, "昭和63年" },
    { 2027, KENSHO_PERIOD_FISCAL_YEAR, KENSHO_ERA_FORMAT_WESTERN, "2027年度" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kensho_era_format (cases[i].year, cases[i].kind, cases[i].flags);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_cmpstr (kensho_era_name_for_year (2023), ==, "令和");
  g_assert_cmpint (kensho_era_year_in_era (2023), ==, 5);
}

/* Every year the sheets use reads back as the year it was written from. */
static void
test_round_trip (void)
{
  for (int year = 1926; year <= 2117; year++)
    for (KenshoPeriodKind kind = KENSHO_PERIOD_CALENDAR_YEAR; kind <= KENSHO_PERIOD_FISCAL_YEAR; kind++)
      {
        g_autofree char *text = kensho_era_format (year, kind, 0);
        int parsed;
        KenshoPeriodKind parsed_kind;

        g_assert_true (kensho_era_parse (text, &parsed, &parsed_kind, NULL));
        g_assert_cmpint (parsed, ==, year);
        g_assert_cmpint (parsed_kind, ==, kind);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/era/accepted", test_accepted);
  g_test_add_func ("/era/refused", test_refused);
  g_test_add_func ("/era/format", test_format);
  g_test_add_func ("/era/round-trip", test_round_trip);
  return g_test_run ();
}
