/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-checker.h"
#include "kensho-checks.h"
#include "kensho-sheet-xml.h"

static KenshoSheet *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "checks", name, NULL);
  g_autoptr(GError) error = NULL;
  KenshoSheet *sheet = kensho_sheet_xml_load_file (path, &error);

  g_assert_no_error (error);
  return sheet;
}

static KenshoIndicator *
indicator (KenshoSheet *sheet, const char *id)
{
  KenshoNode *node = kensho_sheet_lookup (sheet, id);

  g_assert_true (KENSHO_IS_INDICATOR (node));
  return KENSHO_INDICATOR (node);
}

static guint
n_findings (GListStore *findings)
{
  return g_list_model_get_n_items (G_LIST_MODEL (findings));
}

static void
test_clean_sheet_triggers_nothing (void)
{
  g_autoptr(KenshoSheet) sheet = load_fixture ("clean.xml");
  g_autoptr(GListStore) findings = kensho_sheet_run_checks (sheet);

  /* Every check ran on this sheet and found nothing: a delay with its
   * reason, 万人 beside 人, a lower-is-better final below its baseline,
   * ratings that agree with their rules. */
  g_assert_cmpuint (n_findings (findings), ==, 0);
}

typedef struct
{
  const char *fixture;
  KenshoCheck check;
  const char *indicator_id;
  KenshoField field;
  const char *message_part;
} Trigger;

static const Trigger triggers[] = {
  { "delayed-without-reason.xml", KENSHO_CHECK_DELAYED_WITHOUT_REASON, "i3",
    KENSHO_FIELD_DELAY_REASON, "Rated “C”, but no reason" },
  { "reason-without-delay.xml", KENSHO_CHECK_REASON_WITHOUT_DELAY, "i1",
    KENSHO_FIELD_DELAY_REASON, "the rating “A” is not a delay" },
  { "missing-actual.xml", KENSHO_CHECK_MISSING_ACTUAL, "i1", KENSHO_FIELD_ACTUAL,
    "No actual for 令和5年度." },
  { "missing-target.xml", KENSHO_CHECK_MISSING_TARGET, "i2", KENSHO_FIELD_TARGET,
    "The target for 令和5年度 is only “-”." },
  { "unit-mismatch.xml", KENSHO_CHECK_UNIT_MISMATCH, "i1", KENSHO_FIELD_ACTUAL,
    "counted in 件, but 令和5年度 actual is in %" },
  { "final-below-baseline.xml", KENSHO_CHECK_FINAL_BELOW_BASELINE, "i1",
    KENSHO_FIELD_FINAL_TARGET, "(90件) is below the baseline (100件)" },
  { "unknown-division.xml", KENSHO_CHECK_UNKNOWN_DIVISION, "i2", KENSHO_FIELD_DIVISION,
    "“環鏡課” is not in the sheet’s list; is it “環境課”?" },
  { "duplicate-name.xml", KENSHO_CHECK_DUPLICATE_NAME, "i3", KENSHO_FIELD_NAME,
    "same name (under 1 しごとの創生)" },
  { "rating-disagrees.xml", KENSHO_CHECK_RATING_DISAGREES, "i1", KENSHO_FIELD_RATING,
    "Rated “B” (80% to under 100%), but the achievement is 110.0%: the rules suggest “A”." },
  { "copied-from-last-year.xml", KENSHO_CHECK_COPIED_FROM_LAST_YEAR, "i2", KENSHO_FIELD_ISSUES,
    "② Issues is word for word as in 令和4年度." },
};

G_STATIC_ASSERT (G_N_ELEMENTS (triggers) == KENSHO_N_CHECKS);

static void
test_trigger (gconstpointer data)
{
  const Trigger *trigger = data;
  g_autoptr(KenshoSheet) sheet = load_fixture (trigger->fixture);
  g_autoptr(GListStore) findings = kensho_sheet_run_checks (sheet);
  g_autoptr(GListStore) own = NULL;
  g_autoptr(KenshoFinding) finding = NULL;
  KenshoCheck parsed;

  /* Each fixture differs from clean.xml in one place: one finding. */
  g_assert_cmpuint (n_findings (findings), ==, 1);
  finding = g_list_model_get_item (G_LIST_MODEL (findings), 0);
  g_test_message ("%s", kensho_finding_get_message (finding));
  g_assert_cmpint (kensho_finding_get_check (finding), ==, trigger->check);
  g_assert_true (kensho_finding_get_indicator (finding) == indicator (sheet, trigger->indicator_id));
  g_assert_cmpint (kensho_finding_get_field (finding), ==, trigger->field);
  g_assert_cmpuint (kensho_finding_get_series (finding), ==, 0);
  g_assert_nonnull (strstr (kensho_finding_get_message (finding), trigger->message_part));
  g_assert_true (kensho_check_from_string (kensho_finding_get_check_id (finding), &parsed));
  g_assert_cmpint (parsed, ==, trigger->check);
  g_assert_cmpstr (kensho_check_get_title (trigger->check), !=, "");

  /* The indicator's own checks find the same. */
  own = kensho_indicator_run_checks (indicator (sheet, trigger->indicator_id), sheet);
  g_assert_cmpuint (n_findings (own), ==, 1);

  /* Any finding can be acknowledged away, and the acknowledgement is kept. */
  kensho_indicator_set_acknowledged (indicator (sheet, trigger->indicator_id),
                                     kensho_finding_get_check_id (finding), TRUE);
  g_clear_object (&findings);
  findings = kensho_sheet_run_checks (sheet);
  g_assert_cmpuint (n_findings (findings), ==, 0);
}

static guint
count_check (GListStore *findings, KenshoCheck check)
{
  guint count = 0;

  for (guint i = 0; i < n_findings (findings); i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      count += kensho_finding_get_check (finding) == check;
    }
  return count;
}

static guint
own_duplicates (KenshoSheet *sheet, KenshoIndicator *ind)
{
  g_autoptr(GListStore) findings = kensho_indicator_run_checks (ind, sheet);

  return count_check (findings, KENSHO_CHECK_DUPLICATE_NAME);
}

/* The names seen by one indicator's checks follow every edit: the form runs
 * them after each change, and a stale answer would show a duplicate that
 * is gone, or hide a new one. */
static void
test_duplicate_follows_edits (void)
{
  g_autoptr(KenshoSheet) sheet = load_fixture ("duplicate-name.xml");
  KenshoIndicator *first = indicator (sheet, "i1");
  KenshoIndicator *other = indicator (sheet, "i2");
  KenshoIndicator *second = indicator (sheet, "i3");
  g_autoptr(GListStore) findings = NULL;

  g_assert_cmpuint (own_duplicates (sheet, second), ==, 1);
  g_assert_cmpuint (own_duplicates (sheet, first), ==, 0);
  /* Renamed: no longer a duplicate. */
  kensho_indicator_set_name (second, "新規求職者数");
  g_assert_cmpuint (own_duplicates (sheet, second), ==, 0);
  /* Another, before it, renamed to the same name with a full-width space. */
  kensho_indicator_set_name (other, "新規\u3000求職者数");
  g_assert_cmpuint (own_duplicates (sheet, second), ==, 1);
  g_assert_cmpuint (own_duplicates (sheet, other), ==, 0);
  /* That one removed: the second stands alone again. */
  g_object_ref (other);
  kensho_node_remove (KENSHO_NODE (other));
  g_assert_cmpuint (own_duplicates (sheet, second), ==, 0);
  g_object_unref (other);
  /* Back to the first's name: a duplicate again, and the sheet agrees. */
  kensho_indicator_set_name (second, "新規求人数");
  g_assert_cmpuint (own_duplicates (sheet, second), ==, 1);
  findings = kensho_sheet_run_checks (sheet);
  g_assert_cmpuint (count_check (findings, KENSHO_CHECK_DUPLICATE_NAME), ==, 1);
}

static void
test_acknowledged_in_file (void)
{
  g_autoptr(KenshoSheet) sheet = load_fixture ("final-below-baseline-acknowledged.xml");
  g_autoptr(GListStore) findings = kensho_sheet_run_checks (sheet);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KenshoSheet) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_findings (findings), ==, 0);
  g_assert_true (kensho_indicator_get_acknowledged (indicator (sheet, "i1"), "final-below-baseline"));

  saved = kensho_sheet_xml_serialize (sheet);
  again = kensho_sheet_xml_load_bytes (saved, "again.xml", &error);
  g_assert_no_error (error);
  g_assert_true (kensho_indicator_get_acknowledged (indicator (again, "i1"), "final-below-baseline"));

  /* Withdrawn, the finding is back. */
  kensho_indicator_set_acknowledged (indicator (again, "i1"), "final-below-baseline", FALSE);
  g_clear_object (&findings);
  findings = kensho_sheet_run_checks (again);
  g_assert_cmpuint (n_findings (findings), ==, 1);
}

/* What the rules leave alone: a rating without a rule, a band with no
 * rate to check it against. */
static void
test_rating_rules_left_alone (void)
{
  g_autoptr(KenshoSheet) sheet = load_fixture ("clean.xml");
  g_autoptr(GListStore) findings = NULL;
  KenshoIndicator *jobs = indicator (sheet, "i1");
  g_autoptr(KenshoValue) text = kensho_value_new_text ("集計中");
  g_autoptr(KenshoFinding) finding = NULL;

  /* D (external factors) is a judgement: never second-guessed; it is a
   * delay, and i1 has no reason, so only that is reported. */
  kensho_indicator_set_rating_id (jobs, 2023, "d");
  findings = kensho_sheet_run_checks (sheet);
  g_assert_cmpuint (n_findings (findings), ==, 1);
  finding = g_list_model_get_item (G_LIST_MODEL (findings), 0);
  g_assert_cmpint (kensho_finding_get_check (finding), ==, KENSHO_CHECK_DELAYED_WITHOUT_REASON);

  /* A band cannot be checked when the rate is not computable. */
  kensho_indicator_set_rating_id (jobs, 2023, "a");
  kensho_series_set_actual (kensho_indicator_get_series (jobs, 0), 2023, text);
  g_clear_object (&findings);
  findings = kensho_sheet_run_checks (sheet);
  g_assert_cmpuint (n_findings (findings), ==, 0);
  g_assert_null (kensho_indicator_suggest_rating (jobs, sheet));
}

static void
test_suggestions (void)
{
  g_autoptr(KenshoSheet) sheet = load_fixture ("clean.xml");

  g_assert_cmpstr (kensho_rating_get_id (kensho_indicator_suggest_rating (indicator (sheet, "i1"), sheet)),
                   ==, "a");
  /* 580 ÷ 593 = 97.8%: B, not A. */
  g_assert_cmpstr (kensho_rating_get_id (kensho_indicator_suggest_rating (indicator (sheet, "i2"), sheet)),
                   ==, "b");
  /* 45万人 of 60万人 = 75%. */
  g_assert_cmpstr (kensho_rating_get_id (kensho_indicator_suggest_rating (indicator (sheet, "i3"), sheet)),
                   ==, "c");
}

static void
test_several_series_and_placeholders (void)
{
  g_autoptr(KenshoSheet) sheet = load_fixture ("clean.xml");
  KenshoIndicator *jobs = indicator (sheet, "i1");
  g_autoptr(KenshoSeries) women = kensho_series_new ("女性");
  g_autoptr(KenshoValue) dash = kensho_value_new_text ("－");
  g_autoptr(KenshoValue) percent = kensho_value_parse ("12%", NULL);
  g_autoptr(GListStore) findings = NULL;
  g_autoptr(KenshoFinding) first = NULL;
  g_autoptr(KenshoFinding) second = NULL;
  g_autoptr(KenshoFinding) third = NULL;

  kensho_series_set_actual (women, 2023, dash);
  kensho_series_set_baseline (women, percent);
  kensho_indicator_insert_series (jobs, 1, women);
  findings = kensho_sheet_run_checks (sheet);
  g_assert_cmpuint (n_findings (findings), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (findings), 0);
  second = g_list_model_get_item (G_LIST_MODEL (findings), 1);
  third = g_list_model_get_item (G_LIST_MODEL (findings), 2);
  g_assert_cmpstr (kensho_finding_get_message (first), ==, "The actual for 令和5年度 (女性) is only “－”.");
  g_assert_cmpuint (kensho_finding_get_series (first), ==, 1);
  g_assert_cmpstr (kensho_finding_get_message (second), ==, "No target for 令和5年度 (女性).");
  g_assert_cmpint (kensho_finding_get_check (third), ==, KENSHO_CHECK_UNIT_MISMATCH);
  g_assert_cmpint (kensho_finding_get_field (third), ==, KENSHO_FIELD_BASELINE);
  g_assert_cmpuint (kensho_finding_get_series (third), ==, 1);
}

static void
test_sample_findings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(GListStore) findings = NULL;
  static const char *const expected[] = {
    "ファミリーサポートセンター会員登録数", "コミュニティバス利用者数", "鉄道利用者数",
  };

  g_assert_no_error (error);
  findings = kensho_sheet_run_checks (sheet);
  /* The three final targets set below the baseline that the sheet's own
   * note explains (令和4年度実績値を基に設定したため…); nothing else. */
  g_assert_cmpuint (n_findings (findings), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = kensho_finding_format_line (finding);

      g_assert_cmpint (kensho_finding_get_check (finding), ==, KENSHO_CHECK_FINAL_BELOW_BASELINE);
      g_assert_cmpstr (kensho_indicator_get_name (kensho_finding_get_indicator (finding)), ==, expected[i]);
      g_assert_true (g_str_has_prefix (line, expected[i]));
      g_assert_true (g_str_has_suffix (line, " [final-below-baseline]"));
    }
}

/* The checker's list against a full check of the sheet as it is now. */
static void
assert_same_findings (GListModel *kept, KenshoSheet *sheet)
{
  g_autoptr(GListStore) full = kensho_sheet_run_checks (sheet);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (full));

  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KenshoFinding) a = g_list_model_get_item (kept, i);
      g_autoptr(KenshoFinding) b = g_list_model_get_item (G_LIST_MODEL (full), i);

      g_assert_true (kensho_finding_get_indicator (a) == kensho_finding_get_indicator (b));
      g_assert_cmpint (kensho_finding_get_check (a), ==, kensho_finding_get_check (b));
      g_assert_cmpint (kensho_finding_get_field (a), ==, kensho_finding_get_field (b));
      g_assert_cmpuint (kensho_finding_get_series (a), ==, kensho_finding_get_series (b));
      g_assert_cmpstr (kensho_finding_get_message (a), ==, kensho_finding_get_message (b));
    }
}

typedef struct
{
  guint calls;
  guint position, removed, added;
} Splices;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Splices *splices)
{
  splices->calls++;
  splices->position = position;
  splices->removed = removed;
  splices->added = added;
}

/* How many findings belong to indicators before @indicator in the sheet. */
static guint
findings_before (GListModel *findings, KenshoSheet *sheet, KenshoIndicator *indicator)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  guint index = 0, n = 0;

  g_assert_true (g_ptr_array_find (indicators, indicator, &index));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (findings, i);
      guint at = 0;

      g_assert_true (g_ptr_array_find (indicators, kensho_finding_get_indicator (finding), &at));
      n += at < index;
    }
  return n;
}

/* An edit changes the list where its indicator's findings are, and only
 * there; an edit that changes no finding leaves the list alone. */
static void
test_checker_splices_what_changed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoChecker) checker = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  GListModel *findings;
  Splices splices = { 0 };
  KenshoIndicator *last, *middle;
  KenshoSeries *series;
  guint at;

  g_assert_no_error (error);
  checker = kensho_checker_new (sheet);
  findings = kensho_checker_get_findings (checker);
  g_assert_true (kensho_checker_get_pending (checker));
  g_assert_true (kensho_checker_update (checker, 0));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 3);
  g_signal_connect (findings, "items-changed", G_CALLBACK (on_items_changed), &splices);
  indicators = kensho_sheet_dup_indicators (sheet);
  last = indicators->pdata[indicators->len - 1];
  middle = indicators->pdata[indicators->len / 2];

  /* Commentary is not checked: nothing to splice. */
  kensho_indicator_set_commentary (middle, 2023, KENSHO_COMMENTARY_ISSUES, "課題を書き直した");
  g_assert_true (kensho_checker_get_pending (checker));
  g_assert_true (kensho_checker_update (checker, 0));
  g_assert_cmpuint (splices.calls, ==, 0);

  /* An actual taken away: one finding, where the indicator is. */
  series = kensho_indicator_get_series (middle, 0);
  at = findings_before (findings, sheet, middle);
  g_assert_cmpuint (at, <, 3); /* findings after it too: a splice in the middle */
  kensho_series_set_actual (series, kensho_sheet_get_fiscal_year (sheet), NULL);
  g_assert_true (kensho_checker_update (checker, 0));
  g_assert_cmpuint (splices.calls, ==, 1);
  g_assert_cmpuint (splices.removed, ==, 0);
  g_assert_cmpuint (splices.added, ==, 1);
  g_assert_cmpuint (splices.position, ==, at);
  assert_same_findings (findings, sheet);

  /* The last indicator named as the middle one: its own duplicate only. */
  splices.calls = 0;
  kensho_indicator_set_name (last, kensho_indicator_get_name (middle));
  g_assert_true (kensho_checker_update (checker, 0));
  g_assert_cmpuint (splices.calls, ==, 1);
  g_assert_cmpuint (splices.position, ==, g_list_model_get_n_items (findings) - 1);
  g_assert_cmpuint (splices.added, ==, 1);
  assert_same_findings (findings, sheet);

  /* The middle one's goal or measure retitled: the duplicate names it. */
  splices.calls = 0;
  kensho_node_set_title (kensho_node_get_parent (KENSHO_NODE (middle)), "新しい題");
  g_assert_true (kensho_checker_update (checker, 0));
  g_assert_cmpuint (splices.calls, ==, 1);
  g_assert_cmpuint (splices.removed, ==, 1);
  g_assert_cmpuint (splices.added, ==, 1);
  assert_same_findings (findings, sheet);
}

/* Random edits of every kind the checks look at, checked a little at a
 * time: the list always comes out as a full check of the sheet would. */
static void
test_checker_matches_full_checks (void)
{
  static const char *const texts[] = { NULL, "", "-", "－", "理由あり" };
  static const char *const divisions[] = { NULL, "環鏡課", "商工観光課", "ｺﾐｭﾆﾃｨ課" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoChecker) checker = NULL;
  KenshoRatingScale *scale;

  g_assert_no_error (error);
  scale = kensho_sheet_get_rating_scale (sheet);
  /* Findings for every indicator: more than the checker puts into its list
   * at a time after a full check. */
  {
    g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

    for (guint i = 0; i < indicators->len; i++)
      kensho_series_set_actual (kensho_indicator_get_series (indicators->pdata[i], 0),
                                kensho_sheet_get_fiscal_year (sheet), NULL);
  }
  checker = kensho_checker_new (sheet);
  while (!kensho_checker_update (checker, 1))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (kensho_checker_get_findings (checker)), >, 47);
  assert_same_findings (kensho_checker_get_findings (checker), sheet);
  for (guint step = 0; step < 400; step++)
    {
      g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
      KenshoIndicator *target = indicators->pdata[g_test_rand_int_range (0, indicators->len)];
      KenshoIndicator *other = indicators->pdata[g_test_rand_int_range (0, indicators->len)];
      int year = kensho_sheet_get_fiscal_year (sheet);
      guint n_ratings = kensho_rating_scale_get_n_ratings (scale);

      switch (g_test_rand_int_range (0, 11))
        {
        case 0:
          kensho_indicator_set_name (target, kensho_indicator_get_name (other));
          break;
        case 1:
          {
            g_autofree char *name = g_strdup_printf ("指標%c%d", g_test_rand_bit () ? ' ' : '_',
                                                     g_test_rand_int_range (0, 4));

            kensho_indicator_set_name (target, name);
          }
          break;
        case 2:
          {
            guint r = g_test_rand_int_range (0, n_ratings + 1);

            kensho_indicator_set_rating_id (target, year, r < n_ratings
                                              ? kensho_rating_get_id (kensho_rating_scale_get_rating (scale, r))
                                              : NULL);
          }
          break;
        case 3:
          kensho_indicator_set_delay_reason (target, year, texts[g_test_rand_int_range (0, G_N_ELEMENTS (texts))]);
          break;
        case 4:
          {
            g_autoptr(KenshoValue) value = NULL;

            if (g_test_rand_bit ())
              value = kensho_value_new_number ("12", g_test_rand_bit () ? "件" : "%", NULL);
            kensho_series_set_actual (kensho_indicator_get_series (target, 0), year, value);
          }
          break;
        case 5:
          kensho_indicator_set_division (target, divisions[g_test_rand_int_range (0, G_N_ELEMENTS (divisions))]);
          break;
        case 6:
          kensho_indicator_set_acknowledged (target, kensho_check_to_string (g_test_rand_int_range (0, KENSHO_N_CHECKS)),
                                             g_test_rand_bit ());
          break;
        case 7:
          {
            g_autofree char *title = g_strdup_printf ("題%d", step);

            kensho_node_set_title (kensho_node_get_parent (KENSHO_NODE (target)), title);
          }
          break;
        case 8:
          if (indicators->len > 10 && g_test_rand_int_range (0, 4) == 0)
            kensho_node_remove (KENSHO_NODE (target));
          break;
        case 9:
          if (g_test_rand_int_range (0, 8) == 0)
            kensho_sheet_set_fiscal_year (sheet, g_test_rand_bit () ? 2023 : 2022);
          break;
        default:
          {
            g_autoptr(KenshoValue) value = kensho_value_new_number ("5", "件", NULL);

            kensho_series_set_target (kensho_indicator_get_series (target, 0), year, value);
          }
          break;
        }
      /* Several edits may come before a check, which may take slices. */
      if (g_test_rand_int_range (0, 3) == 0)
        continue;
      while (!kensho_checker_update (checker, g_test_rand_bit () ? 1 : 0))
        ;
      g_assert_false (kensho_checker_get_pending (checker));
      assert_same_findings (kensho_checker_get_findings (checker), sheet);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/clean-sheet-triggers-nothing", test_clean_sheet_triggers_nothing);
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks/trigger/%s",
                                               kensho_check_to_string (triggers[i].check));

      g_test_add_data_func (path, &triggers[i], test_trigger);
    }
  g_test_add_func ("/checks/duplicate-follows-edits", test_duplicate_follows_edits);
  g_test_add_func ("/checks/acknowledged-in-file", test_acknowledged_in_file);
  g_test_add_func ("/checks/rating-rules-left-alone", test_rating_rules_left_alone);
  g_test_add_func ("/checks/suggestions", test_suggestions);
  g_test_add_func ("/checks/several-series-and-placeholders", test_several_series_and_placeholders);
  g_test_add_func ("/checks/sample-findings", test_sample_findings);
  g_test_add_func ("/checks/checker-splices-what-changed", test_checker_splices_what_changed);
  g_test_add_func ("/checks/checker-matches-full-checks", test_checker_matches_full_checks);
  return g_test_run ();
}
