/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-achievement.h"
#include "kensho-checks.h"
#include "kensho-era.h"
#include "kensho-util.h"

typedef struct
{
  KenshoSheet *sheet;
  KenshoIndicator *indicator;
  int fiscal_year;
  GListStore *findings;
} CheckContext;

static void G_GNUC_PRINTF (5, 6)
add (CheckContext *ctx, KenshoCheck check, KenshoField field, guint series, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autoptr(KenshoFinding) finding = NULL;
  va_list args;

  if (kensho_indicator_get_acknowledged (ctx->indicator, kensho_check_to_string (check)))
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  finding = kensho_finding_new (check, ctx->indicator, field, series, message);
  g_list_store_append (ctx->findings, finding);
}

/* "-" and its full-width and dash look-alikes stand for "nothing to say". */
static gboolean
is_placeholder (const char *text)
{
  static const char *const dashes[] = { "-", "－", "ー", "―", "—", "–", "‐" };
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if (g_str_equal (stripped, dashes[i]))
      return TRUE;
  return FALSE;
}

static char *
series_suffix (KenshoIndicator *indicator, guint position)
{
  const char *name = kensho_series_get_name (kensho_indicator_get_series (indicator, position));

  return name ? g_strdup_printf (" (%s)", name) : g_strdup ("");
}

static void
check_delay (CheckContext *ctx)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (ctx->sheet);
  const char *rating_id = kensho_indicator_get_rating_id (ctx->indicator, ctx->fiscal_year);
  KenshoRating *rating = kensho_rating_scale_lookup (scale, rating_id);
  const char *reason = kensho_indicator_get_delay_reason (ctx->indicator, ctx->fiscal_year);
  gboolean has_reason = !is_placeholder (reason);

  if (rating != NULL && kensho_rating_get_delayed (rating) && !has_reason)
    add (ctx, KENSHO_CHECK_DELAYED_WITHOUT_REASON, KENSHO_FIELD_DELAY_REASON, 0,
         _("Rated “%s”, but no reason for the delay is given."), kensho_rating_get_label (rating));
  else if (has_reason && rating == NULL)
    add (ctx, KENSHO_CHECK_REASON_WITHOUT_DELAY, KENSHO_FIELD_RATING, 0, "%s",
         _("A reason for delay is given, but there is no rating."));
  else if (has_reason && !kensho_rating_get_delayed (rating))
    add (ctx, KENSHO_CHECK_REASON_WITHOUT_DELAY, KENSHO_FIELD_DELAY_REASON, 0,
         _("A reason for delay is given, but the rating “%s” is not a delay."),
         kensho_rating_get_label (rating));
}

static void
check_missing (CheckContext *ctx)
{
  guint n = kensho_indicator_get_n_series (ctx->indicator);
  g_autofree char *year = kensho_era_format (ctx->fiscal_year, KENSHO_PERIOD_FISCAL_YEAR, 0);

  for (guint i = 0; i < n; i++)
    {
      KenshoSeries *series = kensho_indicator_get_series (ctx->indicator, i);
      const KenshoValue *actual = kensho_series_get_actual (series, ctx->fiscal_year);
      const KenshoValue *target = kensho_series_get_target (series, ctx->fiscal_year);
      g_autofree char *suffix = series_suffix (ctx->indicator, i);

      if (kensho_value_is_empty (actual))
        /* TRANSLATORS: "No actual for 令和5年度 (男性)." */
        add (ctx, KENSHO_CHECK_MISSING_ACTUAL, KENSHO_FIELD_ACTUAL, i,
             _("No actual for %s%s."), year, suffix);
      else if (!kensho_value_is_number (actual) && is_placeholder (actual->text))
        add (ctx, KENSHO_CHECK_MISSING_ACTUAL, KENSHO_FIELD_ACTUAL, i,
             _("The actual for %s%s is only “%s”."), year, suffix, actual->text);
      if (kensho_value_is_empty (target))
        add (ctx, KENSHO_CHECK_MISSING_TARGET, KENSHO_FIELD_TARGET, i,
             _("No target for %s%s."), year, suffix);
      else if (!kensho_value_is_number (target) && is_placeholder (target->text))
        add (ctx, KENSHO_CHECK_MISSING_TARGET, KENSHO_FIELD_TARGET, i,
             _("The target for %s%s is only “%s”."), year, suffix, target->text);
    }
}

typedef struct
{
  const char *unit;
  KenshoField field;
  guint series;
} UnitSeen;

/* Every cell of the indicator against the indicator's unit (or the first
 * unit written): 件 and % differ, 万人 and 人 do not. One finding, at the
 * first cell that differs. */
static void
check_units (CheckContext *ctx)
{
  static const KenshoColumn columns[] = {
    KENSHO_COLUMN_BASELINE, KENSHO_COLUMN_PREVIOUS_ACTUAL, KENSHO_COLUMN_ACTUAL,
    KENSHO_COLUMN_TARGET, KENSHO_COLUMN_FINAL_TARGET,
  };
  static const KenshoField fields[] = {
    KENSHO_FIELD_BASELINE, KENSHO_FIELD_PREVIOUS_ACTUAL, KENSHO_FIELD_ACTUAL,
    KENSHO_FIELD_TARGET, KENSHO_FIELD_FINAL_TARGET,
  };
  const char *reference = kensho_str_or_null (kensho_indicator_get_unit (ctx->indicator));
  guint n = kensho_indicator_get_n_series (ctx->indicator);

  for (guint i = 0; i < n; i++)
    {
      KenshoSeries *series = kensho_indicator_get_series (ctx->indicator, i);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const KenshoValue *value = kensho_series_get_column (series, columns[c], ctx->fiscal_year);
          g_autofree char *title = NULL;
          g_autofree char *suffix = NULL;

          if (value == NULL || !kensho_value_is_number (value) || value->unit == NULL)
            continue;
          if (reference == NULL)
            {
              reference = value->unit;
              continue;
            }
          if (kensho_unit_is_compatible (reference, value->unit))
            continue;
          title = kensho_sheet_dup_column_title (ctx->sheet, columns[c]);
          suffix = series_suffix (ctx->indicator, i);
          /* TRANSLATORS: "The indicator is counted in 件, but 令和5年度 実績値 (男性) is in %." */
          add (ctx, KENSHO_CHECK_UNIT_MISMATCH, fields[c], i,
               _("The indicator is counted in %s, but %s%s is in %s."),
               reference, title, suffix, value->unit);
          return;
        }
    }
}

static void
check_final_target (CheckContext *ctx)
{
  KenshoDirection direction = kensho_indicator_get_direction (ctx->indicator);
  guint n = kensho_indicator_get_n_series (ctx->indicator);

  if (direction == KENSHO_DIRECTION_LEVEL)
    return;
  for (guint i = 0; i < n; i++)
    {
      KenshoSeries *series = kensho_indicator_get_series (ctx->indicator, i);
      const KenshoValue *baseline = kensho_series_get_baseline (series);
      const KenshoValue *final = kensho_series_get_final (series);
      g_autofree char *baseline_text = NULL;
      g_autofree char *final_text = NULL;
      g_autofree char *suffix = NULL;
      gboolean ok_baseline = FALSE, ok_final = FALSE;
      double b = kensho_value_to_double (baseline, &ok_baseline);
      double f = kensho_value_to_double (final, &ok_final);

      if (!ok_baseline || !ok_final || !kensho_unit_is_compatible (baseline->unit, final->unit))
        continue;
      if ((direction == KENSHO_DIRECTION_HIGHER && f >= b) ||
          (direction == KENSHO_DIRECTION_LOWER && f <= b))
        continue;
      baseline_text = kensho_value_format (baseline);
      final_text = kensho_value_format (final);
      suffix = series_suffix (ctx->indicator, i);
      add (ctx, KENSHO_CHECK_FINAL_BELOW_BASELINE, KENSHO_FIELD_FINAL_TARGET, i,
           direction == KENSHO_DIRECTION_HIGHER
             ? _("The final-year target%s (%s) is below the baseline (%s), though higher is "
                 "better. Acknowledge it if the sheet explains why.")
             : _("The final-year target%s (%s) is above the baseline (%s), though lower is "
                 "better. Acknowledge it if the sheet explains why."),
           suffix, final_text, baseline_text);
    }
}

/* Full-width letters, spaces and the like do not make another division. */
static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = folded ? folded : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
edit_distance (const char *a, const char *b)
{
  glong la = 0, lb = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (ua[i - 1] != ub[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

static void
check_division (CheckContext *ctx)
{
  const char *division = kensho_str_or_null (kensho_indicator_get_division (ctx->indicator));
  const char * const *divisions = kensho_sheet_get_divisions (ctx->sheet);
  g_autofree char *wanted = NULL;
  const char *closest = NULL;
  guint best = G_MAXUINT;

  if (division == NULL || divisions[0] == NULL || kensho_sheet_has_division (ctx->sheet, division))
    return;
  wanted = normalize (division);
  for (guint i = 0; divisions[i]; i++)
    {
      g_autofree char *candidate = normalize (divisions[i]);
      guint distance = edit_distance (wanted, candidate);

      if (distance < best)
        {
          best = distance;
          closest = divisions[i];
        }
    }
  /* Only a near spelling is worth suggesting: a third of the name at most. */
  if (closest != NULL && best <= MAX (1, (guint) g_utf8_strlen (wanted, -1) / 3))
    add (ctx, KENSHO_CHECK_UNKNOWN_DIVISION, KENSHO_FIELD_DIVISION, 0,
         _("The division “%s” is not in the sheet’s list; is it “%s”?"), division, closest);
  else
    add (ctx, KENSHO_CHECK_UNKNOWN_DIVISION, KENSHO_FIELD_DIVISION, 0,
         _("The division “%s” is not in the sheet’s list."), division);
}

static char *
describe_place (KenshoIndicator *indicator)
{
  KenshoNode *parent = kensho_node_get_parent (KENSHO_NODE (indicator));
  const char *code = parent ? kensho_node_get_code (parent) : NULL;
  const char *title = parent ? kensho_node_get_title (parent) : NULL;

  if (parent == NULL || kensho_node_get_kind (parent) == KENSHO_NODE_ROOT)
    return g_strdup (_("at the top of the sheet"));
  /* TRANSLATORS: where an indicator is: "under 1-1 安定した雇用の創出" */
  return g_strdup_printf (_("under %s %s"), code ? code : "", title ? title : "");
}

/* Which indicators carry each name, kept up to date as names change: a
 * keystroke must not normalize every name of a sheet of thousands. Changes
 * are only noted when they happen and applied at the next look-up, so that
 * it does not matter which handler of KenshoSheet::changed runs first. */
typedef struct
{
  GPtrArray *members; /* indicators, not owned, in no order */
  KenshoIndicator *first; /* the member first in document order */
} NameGroup;

typedef struct
{
  gboolean stale;          /* nodes added, removed or moved: build again */
  GHashTable *pending;     /* indicators whose name may have changed */
  GHashTable *key_of;      /* indicator → its group's key: one copy of a
                            * name, not two (1.3 MB at 10,000) */
  GHashTable *groups;      /* normalized name (the group's own) → NameGroup */
  GHashTable *ordinal;     /* indicator → position in the document + 1 */
} NameIndex;

static void
name_group_free (gpointer data)
{
  NameGroup *group = data;

  g_ptr_array_unref (group->members);
  g_free (group);
}

static void
name_index_free (gpointer data)
{
  NameIndex *index = data;

  g_hash_table_unref (index->pending);
  g_hash_table_unref (index->key_of);
  g_hash_table_unref (index->groups);
  g_hash_table_unref (index->ordinal);
  g_free (index);
}

static guint
ordinal_of (NameIndex *index, KenshoIndicator *indicator)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index->ordinal, indicator));
}

static void
name_index_add (NameIndex *index, KenshoIndicator *indicator)
{
  const char *name = kensho_str_or_null (kensho_indicator_get_name (indicator));
  g_autofree char *normalized = NULL;
  gpointer key;
  NameGroup *group;

  if (name == NULL)
    return;
  normalized = normalize (name);
  if (!g_hash_table_lookup_extended (index->groups, normalized, &key, (gpointer *) &group))
    {
      group = g_new0 (NameGroup, 1);
      group->members = g_ptr_array_new ();
      key = g_strdup (normalized);
      g_hash_table_insert (index->groups, key, group);
    }
  g_ptr_array_add (group->members, indicator);
  if (group->first == NULL || ordinal_of (index, indicator) < ordinal_of (index, group->first))
    group->first = indicator;
  g_hash_table_insert (index->key_of, indicator, key);
}

static void
name_index_remove (NameIndex *index, KenshoIndicator *indicator)
{
  const char *key = g_hash_table_lookup (index->key_of, indicator);
  NameGroup *group = key ? g_hash_table_lookup (index->groups, key) : NULL;

  if (group != NULL)
    {
      g_ptr_array_remove_fast (group->members, indicator);
      if (group->members->len == 0)
        g_hash_table_remove (index->groups, key);
      else if (group->first == indicator)
        {
          group->first = group->members->pdata[0];
          for (guint i = 1; i < group->members->len; i++)
            if (ordinal_of (index, group->members->pdata[i]) < ordinal_of (index, group->first))
              group->first = group->members->pdata[i];
        }
    }
  g_hash_table_remove (index->key_of, indicator);
}

static void
on_sheet_changed_for_names (KenshoSheet *sheet, int change, GObject *object, NameIndex *index)
{
  if (change == KENSHO_CHANGE_STRUCTURE)
    index->stale = TRUE;
  else if (!index->stale && KENSHO_IS_INDICATOR (object))
    g_hash_table_add (index->pending, object);
}

static NameIndex *
get_name_index (KenshoSheet *sheet)
{
  static GQuark quark;
  NameIndex *index;

  if (quark == 0)
    quark = g_quark_from_static_string ("kensho-checks-name-index");
  index = g_object_get_qdata (G_OBJECT (sheet), quark);
  if (index == NULL)
    {
      index = g_new0 (NameIndex, 1);
      index->stale = TRUE;
      index->pending = g_hash_table_new (NULL, NULL);
      index->key_of = g_hash_table_new (NULL, NULL);
      index->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_group_free);
      index->ordinal = g_hash_table_new (NULL, NULL);
      g_object_set_qdata_full (G_OBJECT (sheet), quark, index, name_index_free);
      /* The index lives as long as the sheet: the handler goes with it. */
      g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed_for_names), index);
    }
  if (index->stale)
    {
      g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

      g_hash_table_remove_all (index->pending);
      g_hash_table_remove_all (index->key_of);
      g_hash_table_remove_all (index->groups);
      g_hash_table_remove_all (index->ordinal);
      for (guint i = 0; i < indicators->len; i++)
        g_hash_table_insert (index->ordinal, indicators->pdata[i], GUINT_TO_POINTER (i + 1));
      for (guint i = 0; i < indicators->len; i++)
        name_index_add (index, indicators->pdata[i]);
      index->stale = FALSE;
    }
  else if (g_hash_table_size (index->pending) > 0)
    {
      GHashTableIter iter;
      gpointer indicator;

      g_hash_table_iter_init (&iter, index->pending);
      while (g_hash_table_iter_next (&iter, &indicator, NULL))
        {
          const char *name = kensho_str_or_null (kensho_indicator_get_name (indicator));
          const char *key = g_hash_table_lookup (index->key_of, indicator);
          g_autofree char *fresh = name ? normalize (name) : NULL;

          if (g_strcmp0 (key, fresh) == 0)
            continue;
          name_index_remove (index, indicator);
          name_index_add (index, indicator);
        }
      g_hash_table_remove_all (index->pending);
    }
  return index;
}

static NameGroup *
name_index_lookup (NameIndex *index, const char *name)
{
  g_autofree char *key = NULL;

  if (kensho_str_or_null (name) == NULL)
    return NULL;
  key = normalize (name);
  return g_hash_table_lookup (index->groups, key);
}

static void
check_duplicate (CheckContext *ctx, NameIndex *index)
{
  const char *key = g_hash_table_lookup (index->key_of, ctx->indicator);
  NameGroup *group = key ? g_hash_table_lookup (index->groups, key) : NULL;
  g_autofree char *place = NULL;

  if (group == NULL || group->first == ctx->indicator)
    return;
  place = describe_place (group->first);
  add (ctx, KENSHO_CHECK_DUPLICATE_NAME, KENSHO_FIELD_NAME, 0,
       _("Another indicator has the same name (%s)."), place);
}

/* The indicators whose name is @name once normalized (full-width letters
 * and spaces aside), the one given included if it carries it. */
GPtrArray *
kensho_sheet_dup_same_name (KenshoSheet *sheet, const char *name)
{
  NameGroup *group;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  group = name_index_lookup (get_name_index (sheet), name);
  return group ? g_ptr_array_copy (group->members, NULL, NULL) : g_ptr_array_new ();
}

/* The indicators whose duplicate-name finding names @node as the place of
 * the first one: they change when the node's code or title does. */
GPtrArray *
kensho_sheet_dup_named_after_children (KenshoSheet *sheet, KenshoNode *node)
{
  NameIndex *index;
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), out);

  index = get_name_index (sheet);
  g_hash_table_iter_init (&iter, index->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      NameGroup *group = value;

      if (group->members->len > 1 && kensho_node_get_parent (KENSHO_NODE (group->first)) == node)
        g_ptr_array_extend (out, group->members, NULL, NULL);
    }
  return out;
}

KenshoRating *
kensho_indicator_suggest_rating (KenshoIndicator *indicator, KenshoSheet *sheet)
{
  g_auto(KenshoAchievement) achievement = { 0 };

  g_return_val_if_fail (KENSHO_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  kensho_indicator_summarize_achievement (indicator, sheet, &achievement);
  return kensho_rating_scale_suggest (kensho_sheet_get_rating_scale (sheet),
                                      achievement.computable, achievement.rate);
}

/* Only the chosen rating's own rule is held against it: a rating with no
 * rule is a judgement, and a band cannot be checked with no rate. */
static void
check_rating_rule (CheckContext *ctx)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (ctx->sheet);
  const char *rating_id = kensho_indicator_get_rating_id (ctx->indicator, ctx->fiscal_year);
  KenshoRating *rating = kensho_rating_scale_lookup (scale, rating_id);
  g_auto(KenshoAchievement) achievement = { 0 };
  g_autofree char *rule = NULL;
  g_autofree char *rate = NULL;
  KenshoRating *suggested;

  if (rating == NULL || kensho_rating_get_rule (rating) == KENSHO_RATING_RULE_NONE)
    return;
  kensho_indicator_summarize_achievement (ctx->indicator, ctx->sheet, &achievement);
  if (kensho_rating_rule_matches (rating, achievement.computable, achievement.rate) ||
      (!achievement.computable && kensho_rating_get_rule (rating) == KENSHO_RATING_RULE_BAND))
    return;
  rule = kensho_rating_format_rule (rating);
  rate = kensho_achievement_format_rate (&achievement);
  suggested = kensho_rating_scale_suggest (scale, achievement.computable, achievement.rate);
  if (suggested != NULL)
    /* TRANSLATORS: "Rated “A” (100% or more), but the achievement is 97.8%: the rules suggest “B+”." */
    add (ctx, KENSHO_CHECK_RATING_DISAGREES, KENSHO_FIELD_RATING, 0,
         _("Rated “%s” (%s), but the achievement is %s: the rules suggest “%s”."),
         kensho_rating_get_label (rating), rule, rate, kensho_rating_get_label (suggested));
  else
    add (ctx, KENSHO_CHECK_RATING_DISAGREES, KENSHO_FIELD_RATING, 0,
         _("Rated “%s” (%s), but the achievement is %s."),
         kensho_rating_get_label (rating), rule, rate);
}

/* ①②③ or the reason word for word as last year's: a start never rewritten. */
static void
check_copied (CheckContext *ctx)
{
  static const char *const parts[] = { N_("① Activities"), N_("② Issues"), N_("③ Next steps"),
                                       N_("Reason for delay") };
  static const KenshoField fields[] = { KENSHO_FIELD_ACTIVITIES, KENSHO_FIELD_ISSUES, KENSHO_FIELD_NEXT_STEPS,
                                        KENSHO_FIELD_DELAY_REASON };
  g_autofree char *last_year = kensho_era_format (ctx->fiscal_year - 1, KENSHO_PERIOD_FISCAL_YEAR, 0);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      KenshoIndicator *indicator = ctx->indicator;
      const char *now = i < 3 ? kensho_indicator_get_commentary (indicator, ctx->fiscal_year, i)
                              : kensho_indicator_get_delay_reason (indicator, ctx->fiscal_year);
      const char *before = i < 3 ? kensho_indicator_get_commentary (indicator, ctx->fiscal_year - 1, i)
                                 : kensho_indicator_get_delay_reason (indicator, ctx->fiscal_year - 1);

      if (!is_placeholder (now) && g_strcmp0 (now, before) == 0)
        add (ctx, KENSHO_CHECK_COPIED_FROM_LAST_YEAR, fields[i], 0,
             _("%s is word for word as in %s."), _(parts[i]), last_year);
    }
}

static void
check_indicator (CheckContext *ctx, NameIndex *names)
{
  check_delay (ctx);
  check_missing (ctx);
  check_units (ctx);
  check_final_target (ctx);
  check_division (ctx);
  check_duplicate (ctx, names);
  check_rating_rule (ctx);
  check_copied (ctx);
}

/* All findings, indicator by indicator in document order. */
GListStore *
kensho_sheet_run_checks (KenshoSheet *sheet)
{
  CheckContext ctx = { .sheet = sheet };
  g_autoptr(GPtrArray) indicators = NULL;
  NameIndex *names;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  names = get_name_index (sheet);
  ctx.fiscal_year = kensho_sheet_get_fiscal_year (sheet);
  ctx.findings = g_list_store_new (KENSHO_TYPE_FINDING);
  indicators = kensho_sheet_dup_indicators (sheet);
  for (guint i = 0; i < indicators->len; i++)
    {
      ctx.indicator = g_ptr_array_index (indicators, i);
      check_indicator (&ctx, names);
    }
  return ctx.findings;
}

/* The findings of one indicator; a name is a duplicate of the first
 * indicator that carries it, as for the whole sheet. */
GListStore *
kensho_indicator_run_checks (KenshoIndicator *indicator, KenshoSheet *sheet)
{
  CheckContext ctx = { .sheet = sheet, .indicator = indicator };

  g_return_val_if_fail (KENSHO_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  ctx.fiscal_year = kensho_sheet_get_fiscal_year (sheet);
  ctx.findings = g_list_store_new (KENSHO_TYPE_FINDING);
  check_indicator (&ctx, get_name_index (sheet));
  return ctx.findings;
}

/* "新規求人数: No actual for 令和5年度. [missing-actual]" */
char *
kensho_finding_format_line (KenshoFinding *finding)
{
  const char *name = kensho_indicator_get_name (kensho_finding_get_indicator (finding));

  g_return_val_if_fail (KENSHO_IS_FINDING (finding), NULL);
  return g_strdup_printf ("%s: %s [%s]", name ? name : "", kensho_finding_get_message (finding),
                          kensho_finding_get_check_id (finding));
}
