/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-value.h"

/* Every value cell of the Isesaki seed (after the カ所 correction) and a
 * few more: parse, then format, gives the same text back. */
static const char *const round_trips[] = {
  "1,563件", "1,486件", "11,942億円 (平成30年)", "10,060億円 (令和2年)", "13,500億円 (令和8年)",
  "144人 (平成30年度)", "187事業所 (平成29年)", "27,517人 (平成29年)", "3,923ha", "331万人",
  "88,271人", "1,059人", "46,000件", "1.41 (平成30年)", "1.35 (令和3年)",
  "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更", "1,702人 (令和元年)", "80.5%",
  "82.0%", "-", "待機児童なし", "78カ所", "7教室", "74.1% (令和3年度)", "366日 (閏年)", "365日",
  "42.5% (平成30年度)", "60.0%", "11,762人", "294,758人", "34万人", "29万人",
  "490.7万人 (平成30年度)", "395.8万人 (令和3年度)", "492万人 (令和4年度)", "15,665基",
  "1,634件 (令和元年)", "30件 (H30年度)", "210件", "12,262億円 (令和3年)",
  "79.4歳 (令和4年) ※変更後", "-3件", "0.5%", "1,000,000円",
};

static void
test_round_trips (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoValue) value = kensho_value_parse (round_trips[i], &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = kensho_value_format (value);
      g_assert_cmpstr (text, ==, round_trips[i]);
    }
}

static void
test_parts (void)
{
  g_autoptr(KenshoValue) value = kensho_value_parse ("11,942億円 (平成30年)", NULL);
  g_autoptr(KenshoValue) leap = kensho_value_parse ("366日 (閏年)", NULL);
  g_autoptr(KenshoValue) text = kensho_value_parse ("待機児童なし", NULL);
  g_autoptr(KenshoValue) fullwidth = kensho_value_parse ("１，５６３件（令和５年度）", NULL);
  int year;
  KenshoPeriodKind kind;

  g_assert_cmpstr (value->number, ==, "11942");
  g_assert_cmpstr (value->unit, ==, "億円");
  g_assert_cmpstr (value->period, ==, "平成30年");
  g_assert_null (value->note);
  g_assert_true (kensho_value_get_period_year (value, &year, &kind));
  g_assert_cmpint (year, ==, 2018);
  g_assert_cmpint (kind, ==, KENSHO_PERIOD_CALENDAR_YEAR);

  g_assert_cmpstr (leap->note, ==, "閏年");
  g_assert_null (leap->period);
  g_assert_false (kensho_value_get_period_year (leap, &year, &kind));

  g_assert_false (kensho_value_is_number (text));
  g_assert_cmpstr (text->text, ==, "待機児童なし");

  g_assert_cmpstr (fullwidth->number, ==, "1563");
  g_assert_cmpstr (fullwidth->unit, ==, "件");
  g_assert_cmpstr (fullwidth->period, ==, "令和5年度");
}

static void
test_no_float_rounding (void)
{
  static const char *const exact[] = { "490.7", "82.0", "0.1", "123456789012345", "1.000001" };

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      g_autoptr(KenshoValue) value = kensho_value_new_number (exact[i], NULL, NULL);

      g_assert_cmpstr (value->number, ==, exact[i]);
    }
}

static void
test_grouping (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "1563", "1,563" }, { "999", "999" }, { "1000", "1,000" }, { "11942.5", "11,942.5" },
    { "-1234", "-1,234" }, { "490.7", "490.7" }, { "294758", "294,758" }, { "0", "0" },
    { "123456789012345", "123,456,789,012,345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *grouped = kensho_number_format_grouped (cases[i].in);

      g_assert_cmpstr (grouped, ==, cases[i].out);
    }
}

static void
test_numbers_refused (void)
{
  static const struct { const char *text; KenshoValueError code; } cases[] = {
    { "", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "1e309", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "NaN", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "inf", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "-0", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "-0.0", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "+5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { ".5", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "5.", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "1,56,3", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "1,5630", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { ",563", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "1563,", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "0x10", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "12a", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "007", KENSHO_VALUE_ERROR_INVALID_NUMBER },
    { "12345678901234567890", KENSHO_VALUE_ERROR_TOO_LONG },
    { "1.1234567", KENSHO_VALUE_ERROR_TOO_LONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *normalized = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_false (kensho_number_normalize (cases[i].text, &normalized, &error));
      g_assert_null (normalized);
      g_assert_error (error, KENSHO_VALUE_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].text));
    }
}

static void
test_numbers_accepted (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "1,563", "1563" }, { "-3", "-3" }, { "−3", "-3" }, { "－3", "-3" }, { "１５６３", "1563" },
    { "0", "0" }, { "0.0", "0.0" }, { " 12 ", "12" }, { "294,758", "294758" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = NULL;

      g_assert_true (kensho_number_normalize (cases[i].in, &normalized, NULL));
      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
}

static void
test_period_checked (void)
{
  g_autoptr(KenshoValue) value = kensho_value_new_number ("5", "件", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kensho_value_set_period (value, "H30年度", NULL));
  g_assert_false (kensho_value_set_period (value, "平成99年", &error));
  g_assert_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_PERIOD);
  /* A refused period leaves the value as it was. */
  g_assert_cmpstr (value->period, ==, "H30年度");
}

static void
test_equal_and_copy (void)
{
  g_autoptr(KenshoValue) a = kensho_value_parse ("1,563件 (令和5年度)", NULL);
  g_autoptr(KenshoValue) b = kensho_value_copy (a);
  g_autoptr(KenshoValue) c = kensho_value_parse ("1563件", NULL);
  g_autoptr(KenshoValue) empty = kensho_value_new_text ("");

  g_assert_true (kensho_value_equal (a, b));
  g_assert_false (kensho_value_equal (a, c));
  g_assert_true (kensho_value_is_empty (empty));
  g_assert_true (kensho_value_equal (empty, NULL));
  g_assert_true (kensho_value_equal (NULL, NULL));
  g_assert_false (kensho_value_equal (a, NULL));
  kensho_value_set_note (b, "※変更後");
  g_assert_false (kensho_value_equal (a, b));
}

static void
test_to_double (void)
{
  g_autoptr(KenshoValue) man = kensho_value_parse ("34万人", NULL);
  g_autoptr(KenshoValue) plain = kensho_value_parse ("294,758人", NULL);
  g_autoptr(KenshoValue) text = kensho_value_parse ("待機児童なし", NULL);
  gboolean ok = FALSE;

  g_assert_cmpfloat (kensho_value_to_double (man, &ok), ==, 340000.0);
  g_assert_true (ok);
  g_assert_cmpfloat (kensho_value_to_double (plain, &ok), ==, 294758.0);
  kensho_value_to_double (text, &ok);
  g_assert_false (ok);
}

static void
test_series_cells (void)
{
  const char *sexes[] = { "男性", "女性", NULL };
  const char *schools[] = { "小学校", "中学校", NULL };
  static const char *const health[] = {
    "男性77.41歳 女性79.89歳 (令和元年) ※変更前",
    "男性79.4歳 女性83.7歳 (令和4年) ※変更後",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (health); i++)
    {
      g_autoptr(GPtrArray) values = kensho_value_parse_series_cell (health[i], sexes, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (values->len, ==, 2);
      g_assert_cmpstr (((KenshoValue *) values->pdata[0])->period, ==,
                       ((KenshoValue *) values->pdata[1])->period);
      g_assert_cmpstr (((KenshoValue *) values->pdata[0])->note, ==,
                       ((KenshoValue *) values->pdata[1])->note);
      text = kensho_value_format_series_cell (sexes, (KenshoValue *const *) values->pdata, 2);
      g_assert_cmpstr (text, ==, health[i]);
    }

  {
    g_autoptr(GPtrArray) values = kensho_value_parse_series_cell ("小学校88.7% 中学校82.8%", schools, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (((KenshoValue *) values->pdata[1])->number, ==, "82.8");
    text = kensho_value_format_series_cell (schools, (KenshoValue *const *) values->pdata, 2);
    g_assert_cmpstr (text, ==, "小学校88.7% 中学校82.8%");
  }

  /* Different periods print with each value. */
  {
    g_autoptr(KenshoValue) a = kensho_value_parse ("1件 (令和元年)", NULL);
    g_autoptr(KenshoValue) b = kensho_value_parse ("2件 (令和2年)", NULL);
    KenshoValue *values[] = { a, b };
    g_autofree char *text = kensho_value_format_series_cell (sexes, values, 2);

    g_assert_cmpstr (text, ==, "男性1件 (令和元年) 女性2件 (令和2年)");
  }

  /* A missing name is an error, not a silent drop. */
  {
    g_autoptr(GPtrArray) values = kensho_value_parse_series_cell ("男性77.41歳", sexes, &error);

    g_assert_null (values);
    g_assert_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER);
    g_assert_nonnull (strstr (error->message, "女性"));
  }
}

static void
test_unreadable_cell (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoValue) value = kensho_value_parse ("1,563件 (令和5年度) おまけ", &error);

  g_assert_null (value);
  g_assert_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/value/round-trips", test_round_trips);
  g_test_add_func ("/value/parts", test_parts);
  g_test_add_func ("/value/no-float-rounding", test_no_float_rounding);
  g_test_add_func ("/value/grouping", test_grouping);
  g_test_add_func ("/value/numbers-refused", test_numbers_refused);
  g_test_add_func ("/value/numbers-accepted", test_numbers_accepted);
  g_test_add_func ("/value/period-checked", test_period_checked);
  g_test_add_func ("/value/equal-and-copy", test_equal_and_copy);
  g_test_add_func ("/value/to-double", test_to_double);
  g_test_add_func ("/value/series-cells", test_series_cells);
  g_test_add_func ("/value/unreadable-cell", test_unreadable_cell);
  return g_test_run ();
}
