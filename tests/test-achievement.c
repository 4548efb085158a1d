/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <math.h>

#include "kensho-achievement.h"
#include "kensho-sheet-xml.h"

#define EPSILON 1e-9

static void
assert_rate (KenshoAchievementMethod method, KenshoDirection direction, double baseline,
             double target, double actual, double expected_rate)
{
  g_auto(KenshoAchievement) out = { 0 };

  kensho_achievement_compute (method, direction, baseline, target, actual, &out);
  if (!out.computable)
    g_error ("expected %g, got not computable: %s", expected_rate, out.reason);
  g_assert_null (out.reason);
  g_assert_cmpfloat_with_epsilon (out.rate, expected_rate, EPSILON);
}

static void
assert_not_computable (KenshoAchievementMethod method, KenshoDirection direction,
                       double baseline, double target, double actual, const char *reason_part)
{
  g_auto(KenshoAchievement) out = { 0 };

  kensho_achievement_compute (method, direction, baseline, target, actual, &out);
  g_assert_false (out.computable);
  g_assert_cmpfloat (out.rate, ==, 0);
  g_assert_nonnull (out.reason);
  if (strstr (out.reason, reason_part) == NULL)
    g_error ("reason “%s” does not say “%s”", out.reason, reason_part);
}

/* 御所市's published sheet showed waste per person 581 → 593 g as
 * 100.2% → 102.2%: a worse result looking better. */
static void
test_gose_waste_never_above_100 (void)
{
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, 611, 580, 593, 580.0 / 593.0);
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_LOWER, 611, 580, 593, 18.0 / 31.0);
  /* Getting worse lowers the rate, getting better raises it. */
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, 611, 580, 600, 580.0 / 600.0);
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, 611, 580, 570, 580.0 / 570.0);
  /* Worse than the baseline is negative progress. */
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_LOWER, 611, 580, 620, -9.0 / 31.0);
}

static void
test_ratio_increasing (void)
{
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_HIGHER, NAN, 1594, 1472, 1472.0 / 1594.0);
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_HIGHER, NAN, 10, 12, 1.2);
  /* RATIO needs no baseline. */
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_HIGHER, NAN, 50, 0, 0);
}

static void
test_ratio_zero_and_negative (void)
{
  /* A target of zero met exactly: 待機児童数 0 of 0. */
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, NAN, 0, 0, 1.0);
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_HIGHER, NAN, 0, 0, 1.0);
  /* Three waiting children against a target of none. */
  assert_rate (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, NAN, 0, 3, 0);
  assert_not_computable (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, NAN, 5, 0, "zero");
  assert_not_computable (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_HIGHER, NAN, 0, 5, "zero");
  assert_not_computable (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_HIGHER, NAN, -50, -20, "negative");
  assert_not_computable (KENSHO_ACHIEVEMENT_RATIO, KENSHO_DIRECTION_LOWER, NAN, 10, -1, "negative");
}

static void
test_progress (void)
{
  /* Increasing: 新規求人数 fell from its baseline, so progress is negative. */
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, 1563, 1594, 1472, -91.0 / 31.0);
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, 100, 200, 150, 0.5);
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, 100, 200, 250, 1.5);
  /* Negative figures are fine for progress: a population decline slowing. */
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, -100, -50, -75, 0.5);
  /* Decreasing: a negative gap is the right way round. */
  assert_rate (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_LOWER, 100, 60, 80, 0.5);
}

static void
test_progress_gaps (void)
{
  assert_not_computable (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, 100, 100, 120,
                         "no gap");
  assert_not_computable (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_LOWER, 100, 100, 80, "no gap");
  /* A gap against the direction: Isesaki's targets set below the baseline. */
  assert_not_computable (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, 100, 90, 95,
                         "below the baseline");
  assert_not_computable (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_LOWER, 100, 110, 95,
                         "above the baseline");
  assert_not_computable (KENSHO_ACHIEVEMENT_PROGRESS, KENSHO_DIRECTION_HIGHER, NAN, 110, 95,
                         "no baseline");
}

static void
test_level (void)
{
  for (KenshoAchievementMethod m = 0; m < KENSHO_N_ACHIEVEMENT_METHODS; m++)
    {
      assert_rate (m, KENSHO_DIRECTION_LEVEL, 100, 100, 100, 1.0);
      assert_rate (m, KENSHO_DIRECTION_LEVEL, 100, 100, 90, 0.9);
      /* Above the level is as far off as below it. */
      assert_rate (m, KENSHO_DIRECTION_LEVEL, 100, 100, 125, 0.8);
      assert_rate (m, KENSHO_DIRECTION_LEVEL, NAN, 0, 0, 1.0);
      assert_rate (m, KENSHO_DIRECTION_LEVEL, NAN, 0, 4, 0);
      assert_not_computable (m, KENSHO_DIRECTION_LEVEL, NAN, -3, 4, "negative");
    }
}

static void
test_expected_share (void)
{
  g_assert_cmpfloat_with_epsilon (kensho_achievement_expected_share (2019, 2027, 2023), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (kensho_achievement_expected_share (2019, 2027, 2027), 1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (kensho_achievement_expected_share (2020, 2025, 2021), 0.2, EPSILON);
  g_assert_true (isnan (kensho_achievement_expected_share (2019, 2027, 2019)));
  g_assert_true (isnan (kensho_achievement_expected_share (2019, 2019, 2023)));
}

static void
set (KenshoSeries *series, KenshoColumn column, const char *cell)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoValue) value = cell ? kensho_value_parse (cell, &error) : NULL;

  g_assert_no_error (error);
  kensho_series_set_column (series, column, 2023, value);
}

static KenshoSeries *
make_series (const char *name, const char *baseline, const char *actual, const char *target,
             const char *final)
{
  KenshoSeries *series = kensho_series_new (name);

  set (series, KENSHO_COLUMN_BASELINE, baseline);
  set (series, KENSHO_COLUMN_ACTUAL, actual);
  set (series, KENSHO_COLUMN_TARGET, target);
  set (series, KENSHO_COLUMN_FINAL_TARGET, final);
  return series;
}

static KenshoSeriesAchievement *
compute (KenshoSeries *series, KenshoDirection direction, KenshoAchievementMethod method)
{
  return kensho_series_compute_achievement (series, direction, method, 2023, 2019, 2027);
}

static void
test_series_expected (void)
{
  g_autoptr(KenshoSeries) waste = make_series (NULL, "611g", "593g", "580g", "560g");
  g_autoptr(KenshoSeries) visitors = make_series (NULL, "400万人", "4,500,000人", NULL, "500万人");
  g_autoptr(KenshoSeriesAchievement) result = NULL;
  g_autoptr(KenshoSeriesAchievement) copy = NULL;

  /* Halfway through the plan, 585.5 g is expected. */
  result = compute (waste, KENSHO_DIRECTION_LOWER, KENSHO_ACHIEVEMENT_EXPECTED);
  g_assert_cmpfloat_with_epsilon (result->expected, 585.5, EPSILON);
  g_assert_true (result->year.computable);
  g_assert_cmpfloat_with_epsilon (result->year.rate, 18.0 / 25.5, EPSILON);
  g_assert_true (result->final.computable);
  g_assert_cmpfloat_with_epsilon (result->final.rate, 18.0 / 51.0, EPSILON);
  copy = kensho_series_achievement_copy (result);
  g_assert_cmpfloat (copy->year.rate, ==, result->year.rate);
  g_clear_pointer (&result, kensho_series_achievement_free);

  /* Scale units are compared as numbers; the expected value keeps the
   * final target's unit. No target is needed for EXPECTED. */
  result = compute (visitors, KENSHO_DIRECTION_HIGHER, KENSHO_ACHIEVEMENT_EXPECTED);
  g_assert_cmpfloat_with_epsilon (result->expected, 450, EPSILON);
  g_assert_true (result->year.computable);
  g_assert_cmpfloat_with_epsilon (result->year.rate, 1.0, EPSILON);
  g_clear_pointer (&result, kensho_series_achievement_free);

  result = compute (visitors, KENSHO_DIRECTION_HIGHER, KENSHO_ACHIEVEMENT_RATIO);
  g_assert_true (isnan (result->expected));
  g_assert_false (result->year.computable);
  g_assert_nonnull (strstr (result->year.reason, "target of"));
  g_assert_true (result->final.computable);
  g_assert_cmpfloat_with_epsilon (result->final.rate, 0.9, EPSILON);
}

static void
test_series_text_missing_units (void)
{
  g_autoptr(KenshoSeries) none_waiting = make_series (NULL, "待機児童なし", "待機児童なし",
                                                      "待機児童なし", "待機児童なし");
  g_autoptr(KenshoSeries) missing = make_series (NULL, "10件", NULL, "12件", "15件");
  g_autoptr(KenshoSeries) units = make_series (NULL, "10件", "80%", "12件", "15件");
  g_autoptr(KenshoSeries) scaled = make_series (NULL, "1万人", "12,000人", "1.5万人", "2万人");
  g_autoptr(KenshoSeriesAchievement) result = NULL;

  result = compute (none_waiting, KENSHO_DIRECTION_LOWER, KENSHO_ACHIEVEMENT_RATIO);
  g_assert_false (result->year.computable);
  g_assert_nonnull (strstr (result->year.reason, "“待機児童なし”"));
  g_assert_false (result->final.computable);
  g_clear_pointer (&result, kensho_series_achievement_free);

  result = compute (missing, KENSHO_DIRECTION_HIGHER, KENSHO_ACHIEVEMENT_PROGRESS);
  g_assert_false (result->year.computable);
  g_assert_nonnull (strstr (result->year.reason, "Missing: the actual of"));
  g_clear_pointer (&result, kensho_series_achievement_free);

  result = compute (units, KENSHO_DIRECTION_HIGHER, KENSHO_ACHIEVEMENT_RATIO);
  g_assert_false (result->year.computable);
  g_assert_nonnull (strstr (result->year.reason, "Units differ"));
  g_clear_pointer (&result, kensho_series_achievement_free);

  result = compute (scaled, KENSHO_DIRECTION_HIGHER, KENSHO_ACHIEVEMENT_PROGRESS);
  g_assert_true (result->year.computable);
  g_assert_cmpfloat_with_epsilon (result->year.rate, 0.4, EPSILON);

  g_assert_true (kensho_unit_is_compatible ("万人", "人"));
  g_assert_true (kensho_unit_is_compatible (NULL, "%"));
  g_assert_true (kensho_unit_is_compatible ("億円", "億円"));
  g_assert_false (kensho_unit_is_compatible ("%", "件"));
  g_assert_false (kensho_unit_is_compatible ("万人", "件"));
  /* 千 is not scaled when figures are read, so 千人 is not 人. */
  g_assert_false (kensho_unit_is_compatible ("千人", "人"));
  /* 万 alone is not a scale of nothing. */
  g_assert_false (kensho_unit_is_compatible ("万", "人"));
}

/* Several series (男性 / 女性) are computed one by one; the rating is held
 * against the lowest that can be computed. */
static void
test_indicator_several_series (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (KENSHO_INDICATOR_KPI, "健康寿命");
  g_autoptr(KenshoSeries) men = make_series ("男性", "77歳", "78歳", "80歳", "81歳");
  g_autoptr(KenshoSeries) women = make_series ("女性", "79歳", "81歳", "81歳", "83歳");
  g_autoptr(KenshoSeries) text = make_series ("その他", "-", "-", "-", "-");
  g_autoptr(GPtrArray) results = NULL;
  g_auto(KenshoAchievement) summary = { 0 };
  g_autofree char *formatted = NULL;

  kensho_sheet_set_fiscal_year (sheet, 2023);
  kensho_sheet_set_baseline_year (sheet, 2019);
  g_assert_true (kensho_sheet_set_plan_period (sheet, 2020, 2027, NULL));
  kensho_sheet_set_achievement_method (sheet, KENSHO_ACHIEVEMENT_PROGRESS);
  kensho_indicator_insert_series (indicator, G_MAXUINT, text);
  kensho_indicator_remove_series (indicator, 0);
  kensho_node_append (kensho_sheet_get_root (sheet), KENSHO_NODE (indicator), NULL);

  kensho_indicator_summarize_achievement (indicator, sheet, &summary);
  g_assert_false (summary.computable);
  g_assert_nonnull (strstr (summary.reason, "その他: "));
  kensho_achievement_clear (&summary);

  kensho_indicator_insert_series (indicator, 0, men);
  kensho_indicator_insert_series (indicator, 1, women);
  results = kensho_indicator_compute_achievement (indicator, sheet);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpstr (((KenshoSeriesAchievement *) results->pdata[0])->series_name, ==, "男性");
  g_assert_cmpfloat_with_epsilon (((KenshoSeriesAchievement *) results->pdata[0])->year.rate,
                                  1.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (((KenshoSeriesAchievement *) results->pdata[1])->year.rate,
                                  1.0, EPSILON);
  g_assert_false (((KenshoSeriesAchievement *) results->pdata[2])->year.computable);

  kensho_indicator_summarize_achievement (indicator, sheet, &summary);
  g_assert_true (summary.computable);
  g_assert_cmpfloat_with_epsilon (summary.rate, 1.0 / 3.0, EPSILON);
  formatted = kensho_achievement_format_rate (&summary);
  g_assert_cmpstr (formatted, ==, "33.3%");
}

static void
test_format_and_methods (void)
{
  KenshoAchievement rate = { TRUE, 580.0 / 593.0, NULL };
  KenshoAchievement none = { FALSE, 0, (char *) "why" };
  g_autofree char *a = kensho_achievement_format_rate (&rate);
  g_autofree char *b = kensho_achievement_format_rate (&none);

  g_assert_cmpstr (a, ==, "97.8%");
  g_assert_cmpstr (b, ==, "—");
  for (KenshoAchievementMethod m = 0; m < KENSHO_N_ACHIEVEMENT_METHODS; m++)
    {
      KenshoAchievementMethod back = 99;

      g_assert_true (kensho_achievement_method_from_string (kensho_achievement_method_to_string (m),
                                                            &back));
      g_assert_cmpint (back, ==, m);
      g_assert_nonnull (kensho_achievement_method_get_label (m));
    }
  g_assert_false (kensho_achievement_method_from_string ("average", &(KenshoAchievementMethod) { 0 }));
}

static void
assert_suggests (KenshoRatingScale *scale, gboolean computable, double rate, const char *label)
{
  KenshoRating *rating = kensho_rating_scale_suggest (scale, computable, rate);

  if (label == NULL)
    g_assert_null (rating);
  else
    {
      g_assert_nonnull (rating);
      g_assert_cmpstr (kensho_rating_get_label (rating), ==, label);
    }
}

static void
test_presets (void)
{
  guint n = 0;
  const KenshoRatingScalePreset *presets = kensho_rating_scale_get_presets (&n);
  static const struct { const char *id; guint n_ratings; KenshoAchievementMethod method; } expected[] = {
    { "isesaki", 3, KENSHO_ACHIEVEMENT_RATIO },
    { "kitsuki", 4, KENSHO_ACHIEVEMENT_RATIO },
    { "ino", 5, KENSHO_ACHIEVEMENT_RATIO },
    { "ibaraki", 4, KENSHO_ACHIEVEMENT_EXPECTED },
    { "nagayo", 5, KENSHO_ACHIEVEMENT_PROGRESS },
  };
  g_autoptr(KenshoRatingScale) isesaki = kensho_rating_scale_new_preset ("isesaki");
  g_autoptr(KenshoRatingScale) kitsuki = kensho_rating_scale_new_preset ("kitsuki");
  g_autoptr(KenshoRatingScale) ino = kensho_rating_scale_new_preset ("ino");
  g_autoptr(KenshoRatingScale) ibaraki = kensho_rating_scale_new_preset ("ibaraki");
  g_autoptr(KenshoRatingScale) nagayo = kensho_rating_scale_new_preset ("nagayo");
  g_autoptr(KenshoRatingScale) by_default = kensho_rating_scale_new_default ();

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KenshoRatingScale) scale = kensho_rating_scale_new_preset (presets[i].id);

      g_assert_cmpstr (presets[i].id, ==, expected[i].id);
      g_assert_cmpint (presets[i].method, ==, expected[i].method);
      g_assert_cmpstr (kensho_rating_scale_get_name (scale), ==, presets[i].name);
      g_assert_cmpuint (kensho_rating_scale_get_n_ratings (scale), ==, expected[i].n_ratings);
    }
  g_assert_null (kensho_rating_scale_new_preset ("nowhere"));

  /* Isesaki publishes no rule: nothing is suggested or second-guessed. */
  g_assert_false (kensho_rating_scale_has_rules (isesaki));
  assert_suggests (isesaki, TRUE, 1.2, NULL);
  g_assert_cmpstr (kensho_rating_scale_get_name (by_default), ==, "伊勢崎市（3段階）");
  g_assert_true (kensho_rating_get_delayed (kensho_rating_scale_lookup (by_default, "delayed")));

  assert_suggests (kitsuki, TRUE, 1.0, "A");
  assert_suggests (kitsuki, TRUE, 0.8, "B");
  assert_suggests (kitsuki, TRUE, 0.7999, "C");
  assert_suggests (kitsuki, FALSE, 0, NULL);

  assert_suggests (ino, TRUE, 1.05, "◎");
  assert_suggests (ino, TRUE, 0.6, "△");
  assert_suggests (ino, FALSE, 0, "評価なし");

  /* 茨城県: A ≥100%, B+ 80-99%, B 50-79%, C <50%; 0.8 is 80.00000000000001%. */
  assert_suggests (ibaraki, TRUE, 1.0, "A");
  assert_suggests (ibaraki, TRUE, 0.99, "B+");
  assert_suggests (ibaraki, TRUE, 4.0 / 5.0, "B+");
  assert_suggests (ibaraki, TRUE, 0.79, "B");
  assert_suggests (ibaraki, TRUE, 0.5, "B");
  assert_suggests (ibaraki, TRUE, 0.49, "C");
  assert_suggests (ibaraki, TRUE, -0.3, "C");
  assert_suggests (ibaraki, FALSE, 0, NULL);

  /* The first rule that holds wins: moved first, C (under 50%) takes
   * what B (50-79%) would. */
  {
    g_autoptr(KenshoRatingScale) moved = kensho_rating_scale_new_preset ("ibaraki");

    kensho_rating_set_rule (kensho_rating_scale_get_rating (moved, 3), KENSHO_RATING_RULE_BAND, NAN, 80);
    kensho_rating_scale_move (moved, 3, 0);
    g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_get_rating (moved, 0)), ==, "C");
    g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_get_rating (moved, 1)), ==, "A");
    assert_suggests (moved, TRUE, 0.6, "C");
    kensho_rating_scale_move (moved, 0, 3);
    assert_suggests (moved, TRUE, 0.6, "B");
  }

  assert_suggests (nagayo, TRUE, 1.0, "S");
  assert_suggests (nagayo, TRUE, 0.3, "A");
  assert_suggests (nagayo, TRUE, -0.01, "C");
  assert_suggests (nagayo, FALSE, 0, "−");
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_apply_preset_keeps_ratings_in_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KenshoSheet) again = NULL;
  KenshoRatingScale *scale;

  g_assert_no_error (error);
  g_assert_true (kensho_sheet_rating_in_use (sheet, "delayed"));
  g_assert_false (kensho_sheet_rating_in_use (sheet, "a"));
  g_assert_null (kensho_sheet_apply_rating_preset (sheet, "nowhere"));

  kept = kensho_sheet_apply_rating_preset (sheet, "ibaraki");
  g_assert_nonnull (kept);
  g_assert_cmpint (kensho_sheet_get_achievement_method (sheet), ==, KENSHO_ACHIEVEMENT_EXPECTED);
  scale = kensho_sheet_get_rating_scale (sheet);
  g_assert_cmpstr (kensho_rating_scale_get_name (scale), ==, "茨城県（A/B+/B/C）");
  /* A, B+, B, C, then Isesaki's three, still given by the indicators. */
  g_assert_cmpuint (kept->len, ==, 3);
  g_assert_cmpuint (kensho_rating_scale_get_n_ratings (scale), ==, 7);
  g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_get_rating (scale, 4)), ==, "順調に進捗");
  g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_get_rating (scale, 6)), ==, "進捗の遅れ");
  /* The file stays loadable: every rating given is in the scale. */
  saved = kensho_sheet_xml_serialize (sheet);
  again = kensho_sheet_xml_load_bytes (saved, "preset.xml", &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, again));
}

static void
test_rating_rules (void)
{
  g_autoptr(KenshoRating) rating = kensho_rating_new ("b", "B", NULL, FALSE);
  g_autoptr(KenshoRating) copy = NULL;
  g_autofree char *band = NULL;
  g_autofree char *above = NULL;
  g_autofree char *under = NULL;
  g_autofree char *none = NULL;
  guint notified = 0;

  g_assert_cmpint (kensho_rating_get_rule (rating), ==, KENSHO_RATING_RULE_NONE);
  g_assert_null (kensho_rating_format_rule (rating));
  g_assert_false (kensho_rating_rule_matches (rating, TRUE, 0.5));

  g_signal_connect_swapped (rating, "notify::rule", G_CALLBACK (count_notify), &notified);
  kensho_rating_set_rule (rating, KENSHO_RATING_RULE_BAND, 50, 80);
  kensho_rating_set_rule (rating, KENSHO_RATING_RULE_BAND, 50, 80);
  g_assert_cmpuint (notified, ==, 1);
  band = kensho_rating_format_rule (rating);
  g_assert_cmpstr (band, ==, "50% to under 80%");
  g_assert_true (kensho_rating_rule_matches (rating, TRUE, 0.5));
  g_assert_false (kensho_rating_rule_matches (rating, TRUE, 0.8));
  g_assert_false (kensho_rating_rule_matches (rating, FALSE, 0.6));

  copy = kensho_rating_copy (rating);
  g_assert_true (kensho_rating_equal (rating, copy));
  kensho_rating_set_rule (copy, KENSHO_RATING_RULE_BAND, 50, NAN);
  g_assert_false (kensho_rating_equal (rating, copy));
  above = kensho_rating_format_rule (copy);
  g_assert_cmpstr (above, ==, "50% or more");
  kensho_rating_set_rule (copy, KENSHO_RATING_RULE_BAND, NAN, 50);
  under = kensho_rating_format_rule (copy);
  g_assert_cmpstr (under, ==, "under 50%");
  kensho_rating_set_rule (copy, KENSHO_RATING_RULE_NOT_COMPUTABLE, 1, 2);
  g_assert_true (isnan (kensho_rating_get_rule_min (copy)));
  none = kensho_rating_format_rule (copy);
  g_assert_cmpstr (none, ==, "not computable");
  g_assert_true (kensho_rating_rule_matches (copy, FALSE, 0));
  g_assert_false (kensho_rating_rule_matches (copy, TRUE, 0));
}

static void
test_xml_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "achievement-rules.xml",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, &error);
  g_autoptr(KenshoSheet) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *original = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  KenshoRatingScale *scale;
  KenshoIndicator *waste;
  g_auto(KenshoAchievement) summary = { 0 };
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpint (kensho_sheet_get_achievement_method (sheet), ==, KENSHO_ACHIEVEMENT_EXPECTED);
  scale = kensho_sheet_get_rating_scale (sheet);
  g_assert_cmpint (kensho_rating_get_rule (kensho_rating_scale_lookup (scale, "b-plus")), ==,
                   KENSHO_RATING_RULE_BAND);
  g_assert_cmpfloat (kensho_rating_get_rule_min (kensho_rating_scale_lookup (scale, "b-plus")), ==, 80);
  g_assert_true (isnan (kensho_rating_get_rule_min (kensho_rating_scale_lookup (scale, "c"))));
  g_assert_cmpint (kensho_rating_get_rule (kensho_rating_scale_lookup (scale, "none")), ==,
                   KENSHO_RATING_RULE_NOT_COMPUTABLE);
  indicators = kensho_sheet_dup_indicators (sheet);
  waste = g_ptr_array_index (indicators, 0);
  g_assert_true (kensho_indicator_get_acknowledged (waste, "final-below-baseline"));
  g_assert_false (kensho_indicator_get_acknowledged (waste, "duplicate-name"));

  /* The file's own numbers: 585.5 g expected, 70.6%: B. */
  kensho_indicator_summarize_achievement (waste, sheet, &summary);
  g_assert_true (summary.computable);
  g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_suggest (scale, TRUE, summary.rate)),
                   ==, "B");

  /* Written back byte for byte, as version 1.1. */
  saved = kensho_sheet_xml_serialize (sheet);
  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), original, length);
  g_assert_cmpint (kensho_sheet_xml_needed_minor (sheet), ==, 1);
  again = kensho_sheet_xml_load_bytes (saved, "again.xml", &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, again));

  /* Without anything of 1.1 the sheet is written as 1.0 again. */
  kensho_sheet_set_achievement_method (again, KENSHO_ACHIEVEMENT_RATIO);
  g_assert_false (kensho_sheet_equal (sheet, again));
  kensho_sheet_set_rating_scale (again, NULL);
  g_assert_cmpint (kensho_sheet_xml_needed_minor (again), ==, 1);
  g_clear_pointer (&indicators, g_ptr_array_unref);
  indicators = kensho_sheet_dup_indicators (again);
  kensho_indicator_set_rating_id (g_ptr_array_index (indicators, 0), 2023, NULL);
  kensho_indicator_set_acknowledged (g_ptr_array_index (indicators, 0), "final-below-baseline", FALSE);
  g_assert_cmpint (kensho_sheet_xml_needed_minor (again), ==, 0);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = kensho_sheet_xml_serialize (again);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), (gssize) g_bytes_get_size (saved),
                                  "version=\"1.0\""));
}

static void
test_xml_refuses_bad_rules (void)
{
  static const char *const bad[] = {
    "<rating id=\"a\" at-least=\"100\" below=\"80\">A</rating>",
    "<rating id=\"a\" at-least=\"lots\">A</rating>",
    "<rating id=\"a\" when=\"always\">A</rating>",
    "<rating id=\"a\" when=\"not-computable\" at-least=\"10\">A</rating>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<?xml version=\"1.0\"?><sheet xmlns=\"urn:x-kensho:sheet\" version=\"1.1\"><meta>"
        "<municipality>m</municipality><title>t</title><fiscal-year>2023</fiscal-year>"
        "<plan first=\"2020\" last=\"2027\"/><baseline-year>2019</baseline-year></meta>"
        "<rating-scale>%s</rating-scale></sheet>", bad[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_bytes (bytes, "bad.xml", &error);

      g_assert_null (sheet);
      g_assert_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/achievement/gose-waste-never-above-100", test_gose_waste_never_above_100);
  g_test_add_func ("/achievement/ratio-increasing", test_ratio_increasing);
  g_test_add_func ("/achievement/ratio-zero-and-negative", test_ratio_zero_and_negative);
  g_test_add_func ("/achievement/progress", test_progress);
  g_test_add_func ("/achievement/progress-gaps", test_progress_gaps);
  g_test_add_func ("/achievement/level", test_level);
  g_test_add_func ("/achievement/expected-share", test_expected_share);
  g_test_add_func ("/achievement/series-expected", test_series_expected);
  g_test_add_func ("/achievement/series-text-missing-units", test_series_text_missing_units);
  g_test_add_func ("/achievement/indicator-several-series", test_indicator_several_series);
  g_test_add_func ("/achievement/format-and-methods", test_format_and_methods);
  g_test_add_func ("/rating/presets", test_presets);
  g_test_add_func ("/rating/rules", test_rating_rules);
  g_test_add_func ("/rating/apply-preset-keeps-ratings-in-use", test_apply_preset_keeps_ratings_in_use);
  g_test_add_func ("/rating/xml-round-trip", test_xml_round_trip);
  g_test_add_func ("/rating/xml-refuses-bad-rules", test_xml_refuses_bad_rules);
  return g_test_run ();
}
