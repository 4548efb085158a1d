/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kensho-achievement.h"
#include "kensho-era.h"

G_DEFINE_BOXED_TYPE (KenshoSeriesAchievement, kensho_series_achievement,
                     kensho_series_achievement_copy, kensho_series_achievement_free)

static const struct
{
  const char *id;
  const char *label;
} methods[KENSHO_N_ACHIEVEMENT_METHODS] = {
  [KENSHO_ACHIEVEMENT_RATIO] = { "ratio", N_("Actual ÷ target") },
  [KENSHO_ACHIEVEMENT_PROGRESS] = { "progress", N_("Progress from the baseline") },
  [KENSHO_ACHIEVEMENT_EXPECTED] = { "expected", N_("Against the expected value of the year") },
};

const char *
kensho_achievement_method_to_string (KenshoAchievementMethod method)
{
  g_return_val_if_fail ((guint) method < KENSHO_N_ACHIEVEMENT_METHODS, NULL);
  return methods[method].id;
}

gboolean
kensho_achievement_method_from_string (const char *string, KenshoAchievementMethod *method)
{
  for (guint i = 0; i < KENSHO_N_ACHIEVEMENT_METHODS; i++)
    if (g_strcmp0 (string, methods[i].id) == 0)
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

const char *
kensho_achievement_method_get_label (KenshoAchievementMethod method)
{
  g_return_val_if_fail ((guint) method < KENSHO_N_ACHIEVEMENT_METHODS, NULL);
  return _(methods[method].label);
}

static void
set_rate (KenshoAchievement *out, double rate)
{
  out->computable = TRUE;
  out->rate = rate;
  g_clear_pointer (&out->reason, g_free);
}

static void G_GNUC_PRINTF (2, 3)
set_not_computable (KenshoAchievement *out, const char *format, ...)
{
  va_list args;

  out->computable = FALSE;
  out->rate = 0;
  g_free (out->reason);
  va_start (args, format);
  out->reason = g_strdup_vprintf (format, args);
  va_end (args);
}

void
kensho_achievement_clear (KenshoAchievement *achievement)
{
  g_clear_pointer (&achievement->reason, g_free);
  achievement->computable = FALSE;
  achievement->rate = 0;
}

/* Keeping a level: 100% on the level, less the further off either way. */
static void
compute_closeness (double target, double actual, KenshoAchievement *out)
{
  if (target < 0 || actual < 0)
    set_not_computable (out, "%s", _("A level cannot be compared with negative figures."));
  else if (target == actual)
    set_rate (out, 1.0);
  else
    set_rate (out, MIN (target, actual) / MAX (target, actual));
}

static void
compute_ratio (KenshoDirection direction, double target, double actual, KenshoAchievement *out)
{
  if (target < 0 || actual < 0)
    {
      set_not_computable (out, "%s", _("A ratio means nothing with negative figures; "
                                       "use progress from the baseline."));
      return;
    }
  /* Zero of zero is the target reached, whichever the direction. */
  if (target == actual)
    {
      set_rate (out, 1.0);
      return;
    }
  if (direction == KENSHO_DIRECTION_LOWER)
    {
      if (actual == 0)
        set_not_computable (out, "%s", _("The actual is zero, better than the target, "
                                         "but target ÷ actual cannot be taken."));
      else
        set_rate (out, target / actual);
    }
  else if (target == 0)
    set_not_computable (out, "%s", _("The target is zero: actual ÷ target cannot be taken."));
  else
    set_rate (out, actual / target);
}

static void
compute_progress (KenshoDirection direction, double baseline, double target, double actual,
                  KenshoAchievement *out)
{
  double gap = target - baseline;

  if (isnan (baseline))
    set_not_computable (out, "%s", _("There is no baseline to measure progress from."));
  else if (gap == 0)
    set_not_computable (out, "%s", _("The target equals the baseline: there is no gap "
                                     "to measure progress on."));
  else if (direction == KENSHO_DIRECTION_HIGHER && gap < 0)
    set_not_computable (out, "%s", _("The target is below the baseline, but higher is better "
                                     "for this indicator."));
  else if (direction == KENSHO_DIRECTION_LOWER && gap > 0)
    set_not_computable (out, "%s", _("The target is above the baseline, but lower is better "
                                     "for this indicator."));
  else
    set_rate (out, (actual - baseline) / gap);
}

/**
 * kensho_achievement_compute:
 * @baseline: the baseline, NAN when there is none (RATIO does not need it)
 *
 * The formula on plain numbers. For EXPECTED, pass the expected value of
 * the year as @target: it is progress against that value.
 */
void
kensho_achievement_compute (KenshoAchievementMethod method, KenshoDirection direction,
                            double baseline, double target, double actual,
                            KenshoAchievement *out)
{
  g_return_if_fail (out != NULL);

  if (direction == KENSHO_DIRECTION_LEVEL)
    compute_closeness (target, actual, out);
  else if (method == KENSHO_ACHIEVEMENT_RATIO)
    compute_ratio (direction, target, actual, out);
  else
    compute_progress (direction, baseline, target, actual, out);
}

/* "97.8%", or "—" when not computable. */
char *
kensho_achievement_format_rate (const KenshoAchievement *achievement)
{
  g_return_val_if_fail (achievement != NULL, NULL);

  if (!achievement->computable)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", achievement->rate * 100.0);
}

/* The share of the way from the baseline year to the last year of the
 * plan that fiscal_year stands at; NAN when the plan gives no such way. */
double
kensho_achievement_expected_share (int baseline_year, int plan_last, int fiscal_year)
{
  if (plan_last <= baseline_year || fiscal_year <= baseline_year)
    return NAN;
  return (double) (fiscal_year - baseline_year) / (double) (plan_last - baseline_year);
}

KenshoSeriesAchievement *
kensho_series_achievement_copy (const KenshoSeriesAchievement *achievement)
{
  KenshoSeriesAchievement *copy = g_new0 (KenshoSeriesAchievement, 1);

  *copy = *achievement;
  copy->series_name = g_strdup (achievement->series_name);
  copy->year.reason = g_strdup (achievement->year.reason);
  copy->final.reason = g_strdup (achievement->final.reason);
  return copy;
}

void
kensho_series_achievement_free (KenshoSeriesAchievement *achievement)
{
  if (achievement == NULL)
    return;
  g_free (achievement->series_name);
  kensho_achievement_clear (&achievement->year);
  kensho_achievement_clear (&achievement->final);
  g_free (achievement);
}

/* 万人 and 人 measure the same thing (kensho_value_to_double() scales
 * them); % and 件 do not. A value with no unit takes the indicator's.
 * Only the scales kensho_value_to_double() applies count. */
gboolean
kensho_unit_is_compatible (const char *a, const char *b)
{
  static const char *const scales[] = { "万", "億" };

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      if (g_str_has_prefix (a, scales[i]) && a[strlen (scales[i])] != '\0')
        a += strlen (scales[i]);
      if (g_str_has_prefix (b, scales[i]) && b[strlen (scales[i])] != '\0')
        b += strlen (scales[i]);
    }
  return g_str_equal (a, b);
}

/* One figure as a number, or the reason it is none. */
static gboolean
figure (const KenshoValue *value, const char *what, double *number, KenshoAchievement *out)
{
  gboolean ok = FALSE;

  if (kensho_value_is_empty (value))
    {
      /* TRANSLATORS: %s is "the actual of 令和5年度", "the baseline"… */
      set_not_computable (out, _("Missing: %s."), what);
      return FALSE;
    }
  *number = kensho_value_to_double (value, &ok);
  if (!ok)
    {
      /* TRANSLATORS: "Not a number in the actual of 令和5年度: “待機児童なし”." */
      set_not_computable (out, _("Not a number in %s: “%s”."), what,
                          value->text ? value->text : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
units_match (const KenshoValue *a, const char *what_a, const KenshoValue *b, const char *what_b,
             KenshoAchievement *out)
{
  if (a == NULL || b == NULL || kensho_unit_is_compatible (a->unit, b->unit))
    return TRUE;
  /* TRANSLATORS: "Units differ: the actual of 令和5年度 is in 件, the target of 令和5年度 in %." */
  set_not_computable (out, _("Units differ: %s is in %s, %s in %s."), what_a, a->unit, what_b, b->unit);
  return FALSE;
}

static void
compute_against (KenshoAchievementMethod method, KenshoDirection direction,
                 const KenshoValue *baseline_value, const KenshoValue *target_value,
                 const char *target_what, const KenshoValue *actual_value,
                 const char *actual_what, KenshoAchievement *out)
{
  double baseline = NAN, target = 0, actual = 0;
  gboolean needs_baseline = method != KENSHO_ACHIEVEMENT_RATIO &&
                            direction != KENSHO_DIRECTION_LEVEL;

  if (!figure (actual_value, actual_what, &actual, out) ||
      !figure (target_value, target_what, &target, out) ||
      !units_match (actual_value, actual_what, target_value, target_what, out))
    return;
  if (needs_baseline &&
      (!figure (baseline_value, _("the baseline"), &baseline, out) ||
       !units_match (baseline_value, _("the baseline"), target_value, target_what, out)))
    return;
  kensho_achievement_compute (method, direction, baseline, target, actual, out);
}

static double
unit_scale (const char *unit)
{
  if (unit != NULL && g_str_has_prefix (unit, "万"))
    return 1e4;
  if (unit != NULL && g_str_has_prefix (unit, "億"))
    return 1e8;
  return 1.0;
}

/* EXPECTED: the year's figure is the value on the line from baseline to
 * final target. A level's expected value is the level itself. */
static void
compute_expected (KenshoSeries *series, KenshoDirection direction, double share,
                  const KenshoValue *actual_value, const char *actual_what,
                  KenshoSeriesAchievement *result)
{
  const KenshoValue *baseline_value = kensho_series_get_baseline (series);
  const KenshoValue *final_value = kensho_series_get_final (series);
  const char *final_what = _("the final-year target");
  KenshoAchievement *out = &result->year;
  double baseline = NAN, final = 0, actual = 0, expected;

  if (!figure (actual_value, actual_what, &actual, out) ||
      !figure (final_value, final_what, &final, out) ||
      !units_match (actual_value, actual_what, final_value, final_what, out))
    return;
  if (direction == KENSHO_DIRECTION_LEVEL)
    expected = final;
  else if (isnan (share))
    {
      set_not_computable (out, "%s", _("The fiscal year shown is not after the baseline year "
                                       "within the plan, so no value is expected yet."));
      return;
    }
  else if (!figure (baseline_value, _("the baseline"), &baseline, out) ||
           !units_match (baseline_value, _("the baseline"), final_value, final_what, out))
    return;
  else
    expected = baseline + (final - baseline) * share;
  /* Shown in the final target's unit: 490.7万人 expects 万人. */
  result->expected = expected / unit_scale (final_value->unit);
  kensho_achievement_compute (KENSHO_ACHIEVEMENT_PROGRESS, direction, baseline, expected, actual,
                              out);
}

KenshoSeriesAchievement *
kensho_series_compute_achievement (KenshoSeries *series, KenshoDirection direction,
                                   KenshoAchievementMethod method, int fiscal_year,
                                   int baseline_year, int plan_last)
{
  KenshoSeriesAchievement *result;
  g_autofree char *year = NULL;
  g_autofree char *actual_what = NULL;
  g_autofree char *target_what = NULL;
  const KenshoValue *actual;

  g_return_val_if_fail (KENSHO_IS_SERIES (series), NULL);

  result = g_new0 (KenshoSeriesAchievement, 1);
  result->series_name = g_strdup (kensho_series_get_name (series));
  result->expected = NAN;
  year = kensho_era_format (fiscal_year, KENSHO_PERIOD_FISCAL_YEAR, 0);
  /* TRANSLATORS: %s is a fiscal year such as 令和5年度 */
  actual_what = g_strdup_printf (_("the actual of %s"), year);
  /* TRANSLATORS: %s is a fiscal year such as 令和5年度 */
  target_what = g_strdup_printf (_("the target of %s"), year);
  actual = kensho_series_get_actual (series, fiscal_year);

  if (method == KENSHO_ACHIEVEMENT_EXPECTED)
    compute_expected (series, direction,
                      kensho_achievement_expected_share (baseline_year, plan_last, fiscal_year),
                      actual, actual_what, result);
  else
    compute_against (method, direction, kensho_series_get_baseline (series),
                     kensho_series_get_target (series, fiscal_year), target_what,
                     actual, actual_what, &result->year);

  /* Towards the final target, EXPECTED is plain progress. */
  compute_against (method == KENSHO_ACHIEVEMENT_RATIO ? KENSHO_ACHIEVEMENT_RATIO
                                                      : KENSHO_ACHIEVEMENT_PROGRESS,
                   direction, kensho_series_get_baseline (series),
                   kensho_series_get_final (series), _("the final-year target"),
                   actual, actual_what, &result->final);
  return result;
}

/* One KenshoSeriesAchievement per series, for the sheet's fiscal year and
 * method. */
GPtrArray *
kensho_indicator_compute_achievement (KenshoIndicator *indicator, KenshoSheet *sheet)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_series_achievement_free);
  guint n;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (indicator), results);
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), results);

  n = kensho_indicator_get_n_series (indicator);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results,
                     kensho_series_compute_achievement (kensho_indicator_get_series (indicator, i),
                                                        kensho_indicator_get_direction (indicator),
                                                        kensho_sheet_get_achievement_method (sheet),
                                                        kensho_sheet_get_fiscal_year (sheet),
                                                        kensho_sheet_get_baseline_year (sheet),
                                                        kensho_sheet_get_plan_last (sheet)));
  return results;
}

/**
 * kensho_indicator_summarize_achievement:
 * @out: (out caller-allocates): cleared with kensho_achievement_clear()
 *
 * The one rate a rating rule is held against: with several series (男性,
 * 女性), the lowest of those that can be computed, so that a rating never
 * hides the series lagging behind. Not computable when no series is.
 */
void
kensho_indicator_summarize_achievement (KenshoIndicator *indicator, KenshoSheet *sheet,
                                        KenshoAchievement *out)
{
  g_autoptr(GPtrArray) results = kensho_indicator_compute_achievement (indicator, sheet);

  g_return_if_fail (out != NULL);

  *out = (KenshoAchievement) { 0 };
  for (guint i = 0; i < results->len; i++)
    {
      KenshoSeriesAchievement *result = g_ptr_array_index (results, i);

      if (result->year.computable && (!out->computable || result->year.rate < out->rate))
        set_rate (out, result->year.rate);
    }
  if (out->computable)
    return;
  if (results->len == 0)
    set_not_computable (out, "%s", _("The indicator has no figures."));
  else
    {
      KenshoSeriesAchievement *first = g_ptr_array_index (results, 0);

      if (first->series_name != NULL)
        set_not_computable (out, "%s: %s", first->series_name, first->year.reason);
      else
        set_not_computable (out, "%s", first->year.reason);
    }
}

/* "1,596.5件": the expected value to two decimals at most, grouped, in the
 * final target's unit. */
static char *
format_expected (double expected, KenshoSeries *series)
{
  const KenshoValue *final = kensho_series_get_final (series);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *grouped = NULL;
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", expected);
  /* 1596.50 → 1596.5, 1600.00 → 1600 */
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  grouped = kensho_number_format_grouped (buffer);
  return g_strdup_printf ("%s%s", grouped ? grouped : buffer,
                          final != NULL && final->unit != NULL ? final->unit : "");
}

/**
 * kensho_indicator_format_achievement:
 * @separator: between the rate of the year and the progress towards the
 *   final target of a series (" · " in the form, "\n" on paper)
 *
 * What the form shows, one line per series: "男性: 97.8% against this
 * year’s target · 58.1% towards the final target", or why there is no
 * rate. Empty for an indicator with no series.
 */
char *
kensho_indicator_format_achievement (KenshoIndicator *indicator, KenshoSheet *sheet, const char *separator)
{
  g_autoptr(GPtrArray) results = NULL;
  GString *text = g_string_new (NULL);
  KenshoAchievementMethod method;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (indicator), g_string_free (text, FALSE));
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), g_string_free (text, FALSE));

  results = kensho_indicator_compute_achievement (indicator, sheet);
  method = kensho_sheet_get_achievement_method (sheet);
  for (guint i = 0; i < results->len; i++)
    {
      KenshoSeriesAchievement *result = g_ptr_array_index (results, i);
      g_autofree char *year = kensho_achievement_format_rate (&result->year);
      g_autofree char *final = kensho_achievement_format_rate (&result->final);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (result->series_name != NULL)
        g_string_append_printf (text, "%s: ", result->series_name);
      if (result->year.computable)
        g_string_append_printf (text, method == KENSHO_ACHIEVEMENT_EXPECTED
                                        ? _("%s of the value expected this year")
                                        : _("%s against this year’s target"), year);
      else
        g_string_append_printf (text, _("No rate this year: %s"), result->year.reason);
      if (!isnan (result->expected))
        {
          g_autofree char *expected = format_expected (result->expected,
                                                       kensho_indicator_get_series (indicator, i));

          /* TRANSLATORS: the value expected this year, "1,596.5件" */
          g_string_append_printf (text, _(" (expected %s)"), expected);
        }
      g_string_append (text, separator);
      if (result->final.computable)
        g_string_append_printf (text, _("%s towards the final target"), final);
      else
        g_string_append_printf (text, _("none towards the final target: %s"), result->final.reason);
    }
  return g_string_free (text, FALSE);
}
