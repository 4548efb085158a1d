/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <math.h>

#include "kensho-document.h"
#include "kensho-sheet-xml.h"
#include "kensho-undo-stack.h"
#include "test-sample.h"

static KenshoIndicator *
indicator_at (KenshoSheet *sheet, guint index)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  return g_ptr_array_index (indicators, index);
}

static void
test_typing_is_one_step (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 3);
  const char *text = "新しい課題";

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (text, g_utf8_next_char (p) - text);

      kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, prefix);
    }
  g_assert_true (kensho_undo_stack_can_undo (undo));
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Edit commentary");
  g_assert_true (kensho_undo_stack_undo (undo) == KENSHO_NODE (indicator));
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_true (kensho_sheet_equal (sheet, original));

  g_assert_true (kensho_undo_stack_redo (undo) == KENSHO_NODE (indicator));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, text);

  /* Another field is another step. */
  kensho_indicator_set_delay_reason (indicator, 2023, "理由");
  kensho_undo_stack_undo (undo);
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
}

/* Undo and redo back to where the sheet was saved make it clean again;
 * typing on after a save is not merged into the saved step; a saved
 * state dropped with the redo history never comes back. */
static void
test_clean_after_undo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 3);

  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_set_clean (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "課");
  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_redo (undo);
  g_assert_false (kensho_undo_stack_is_clean (undo));

  /* Saved mid-typing: the rest typed is another step. */
  kensho_undo_stack_set_clean (undo);
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "課題");
  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==, "課");

  /* Undone past the save, then a new edit: the saved state is gone. */
  kensho_undo_stack_undo (undo);
  kensho_indicator_set_delay_reason (indicator, 2023, "理由");
  kensho_undo_stack_undo (undo);
  g_assert_false (kensho_undo_stack_is_clean (undo));
}

static void
test_values_and_series_undo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 0);
  g_autoptr(KenshoValue) value = kensho_value_parse ("9,999件", NULL);
  g_autoptr(KenshoSeries) extra = kensho_series_new ("女性");

  kensho_series_set_actual (kensho_indicator_get_series (indicator, 0), 2023, value);
  kensho_indicator_insert_series (indicator, 1, extra);
  kensho_indicator_set_direction (indicator, KENSHO_DIRECTION_LOWER);
  g_assert_false (kensho_sheet_equal (sheet, original));

  while (kensho_undo_stack_can_undo (undo))
    kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
  while (kensho_undo_stack_can_redo (undo))
    kensho_undo_stack_redo (undo);
  g_assert_cmpuint (kensho_indicator_get_n_series (indicator), ==, 2);
  g_assert_cmpint (kensho_indicator_get_direction (indicator), ==, KENSHO_DIRECTION_LOWER);
  g_assert_cmpstr (kensho_series_get_actual (kensho_indicator_get_series (indicator, 0), 2023)->number,
                   ==, "9999");
}

static void
test_structure_undo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal = kensho_node_get_child (root, 0);
  KenshoNode *subgoal = kensho_node_get_child (goal, 1);
  KenshoNode *measure = kensho_node_get_child (subgoal, 1);
  g_autoptr(KenshoNode) added = kensho_node_new (KENSHO_NODE_MEASURE, "④", "新しい施策");
  KenshoNode *deleted = kensho_node_get_child (subgoal, 2);

  /* Add */
  g_assert_true (kensho_node_append (subgoal, added, NULL));
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Add");
  /* Move a measure to the other sub-goal */
  g_assert_true (kensho_node_move (measure, kensho_node_get_child (goal, 0), 0, NULL));
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Move");
  /* Delete */
  g_object_ref (deleted);
  kensho_node_remove (deleted);
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Delete");
  g_object_unref (deleted);
  /* Rename */
  kensho_node_set_title (subgoal, "人の流れ");

  g_assert_false (kensho_sheet_equal (sheet, original));
  while (kensho_undo_stack_can_undo (undo))
    kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
  while (kensho_undo_stack_can_redo (undo))
    kensho_undo_stack_redo (undo);
  g_assert_cmpstr (kensho_node_get_title (subgoal), ==, "人の流れ");
  g_assert_true (kensho_node_get_parent (measure) == kensho_node_get_child (goal, 0));
  g_assert_null (kensho_node_get_parent (deleted));
  g_assert_true (kensho_node_get_parent (added) == subgoal);
}

/* Typing a title letter by letter is one step, as in an indicator's field. */
static void
test_sheet_typing_is_one_step (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  g_autofree char *original = g_strdup (kensho_sheet_get_title (sheet));
  const char *typed[] = { "新", "新し", "新しい", NULL };

  for (guint i = 0; typed[i]; i++)
    kensho_sheet_set_title (sheet, typed[i]);
  kensho_undo_stack_undo (undo);
  g_assert_cmpstr (kensho_sheet_get_title (sheet), ==, original);
  g_assert_false (kensho_undo_stack_can_undo (undo));
}

static void
test_sheet_edit_and_new_edit_clears_redo (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);

  kensho_sheet_set_fiscal_year (sheet, 2024);
  kensho_undo_stack_undo (undo);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (sheet), ==, 2023);
  g_assert_true (kensho_undo_stack_can_redo (undo));

  kensho_sheet_set_label (sheet, "資料3");
  g_assert_false (kensho_undo_stack_can_redo (undo));
  kensho_undo_stack_undo (undo);
  g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, "資料2");
}

/* Every way the model can be changed, each applied to the sample. A
 * mutator added to model/ without a line here fails test_table_covers_model;
 * one that changes the sheet without telling undo fails test_every_mutator. */
typedef struct
{
  const char *symbol;
  void (*apply) (KenshoSheet *sheet);
  void (*prepare) (KenshoSheet *sheet); /* before the history starts */
} Mutator;

static KenshoNode *
goal_at (KenshoSheet *sheet, guint index)
{
  return kensho_node_get_child (kensho_sheet_get_root (sheet), index);
}

static KenshoRating *
rating_at (KenshoSheet *sheet, guint index)
{
  return kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), index);
}

static KenshoSeries *
series_of (KenshoSheet *sheet)
{
  return kensho_indicator_get_series (indicator_at (sheet, 0), 0);
}

static KenshoValue *
number (const char *text)
{
  return kensho_value_parse (text, NULL);
}

#define VALUE_SETTER(name, call)                                              \
  static void                                                                 \
  apply_##name (KenshoSheet *sheet)                                           \
  {                                                                           \
    g_autoptr(KenshoValue) value = number ("1,234件");                        \
    call;                                                                     \
  }

VALUE_SETTER (series_actual, kensho_series_set_actual (series_of (sheet), 2023, value))
VALUE_SETTER (series_target, kensho_series_set_target (series_of (sheet), 2024, value))
VALUE_SETTER (series_baseline, kensho_series_set_baseline (series_of (sheet), value))
VALUE_SETTER (series_final, kensho_series_set_final (series_of (sheet), value))
VALUE_SETTER (series_column, kensho_series_set_column (series_of (sheet), KENSHO_COLUMN_PREVIOUS_ACTUAL, 2023, value))

static void apply_series_name (KenshoSheet *s) { kensho_series_set_name (series_of (s), "男性"); }
static void apply_node_code (KenshoSheet *s) { kensho_node_set_code (goal_at (s, 0), "Ⅰ"); }
static void apply_node_title (KenshoSheet *s) { kensho_node_set_title (goal_at (s, 0), "新しい目標"); }
static void apply_node_notes (KenshoSheet *s) { kensho_node_set_notes (goal_at (s, 0), "メモ"); }
static void apply_indicator_name (KenshoSheet *s) { kensho_indicator_set_name (indicator_at (s, 0), "新しい指標"); }
static void apply_indicator_kind (KenshoSheet *s)
{
  KenshoIndicator *indicator = indicator_at (s, 0);

  kensho_indicator_set_indicator_kind (indicator, !kensho_indicator_get_indicator_kind (indicator));
}
static void apply_direction (KenshoSheet *s) { kensho_indicator_set_direction (indicator_at (s, 0), KENSHO_DIRECTION_LEVEL); }
static void apply_unit (KenshoSheet *s) { kensho_indicator_set_unit (indicator_at (s, 0), "人"); }
static void apply_division (KenshoSheet *s) { kensho_indicator_set_division (indicator_at (s, 0), "農政課"); }
static void apply_commentary (KenshoSheet *s)
{
  kensho_indicator_set_commentary (indicator_at (s, 0), 2023, KENSHO_COMMENTARY_NEXT_STEPS, "今後");
}
static void apply_rating_id (KenshoSheet *s) { kensho_indicator_set_rating_id (indicator_at (s, 0), 2022, "delayed"); }
static void apply_delay_reason (KenshoSheet *s) { kensho_indicator_set_delay_reason (indicator_at (s, 0), 2023, "理由"); }
static void apply_committee (KenshoSheet *s)
{
  kensho_indicator_set_committee (indicator_at (s, 0), 2023, KENSHO_COMMITTEE_OPINION, "意見");
}
static void apply_remove_year (KenshoSheet *s) { kensho_indicator_remove_year (indicator_at (s, 0), 2023); }
static void apply_acknowledged (KenshoSheet *s) { kensho_indicator_set_acknowledged (indicator_at (s, 0), "no-target", TRUE); }
static void apply_insert_series (KenshoSheet *s)
{
  g_autoptr(KenshoSeries) series = kensho_series_new ("女性");

  kensho_indicator_insert_series (indicator_at (s, 0), 1, series);
}
static void apply_remove_series (KenshoSheet *s) { kensho_indicator_remove_series (indicator_at (s, 0), 0); }
static void apply_assign (KenshoSheet *s)
{
  g_autoptr(KenshoIndicator) copy = kensho_indicator_copy (indicator_at (s, 1));

  kensho_indicator_assign (indicator_at (s, 0), copy);
}
static void apply_node_insert (KenshoSheet *s)
{
  g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_GOAL, "9", "新しい目標");

  g_assert_true (kensho_node_insert (kensho_sheet_get_root (s), goal, 0, NULL));
}
static void apply_node_append (KenshoSheet *s)
{
  g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_GOAL, "9", "新しい目標");

  g_assert_true (kensho_node_append (kensho_sheet_get_root (s), goal, NULL));
}
static void apply_node_remove (KenshoSheet *s) { kensho_node_remove (goal_at (s, 0)); }
static void apply_node_move (KenshoSheet *s)
{
  KenshoIndicator *indicator = indicator_at (s, 0);

  g_assert_true (kensho_node_move (KENSHO_NODE (indicator), kensho_sheet_get_root (s), 0, NULL));
}
static void apply_municipality (KenshoSheet *s) { kensho_sheet_set_municipality (s, "伊勢崎市役所"); }
static void apply_sheet_title (KenshoSheet *s) { kensho_sheet_set_title (s, "新しい表題"); }
static void apply_sheet_label (KenshoSheet *s) { kensho_sheet_set_label (s, "資料9"); }
static void apply_sheet_notes (KenshoSheet *s) { kensho_sheet_set_notes (s, "注記"); }
static void apply_fiscal_year (KenshoSheet *s) { kensho_sheet_set_fiscal_year (s, 2024); }
static void apply_plan_period (KenshoSheet *s) { g_assert_true (kensho_sheet_set_plan_period (s, 2019, 2030, NULL)); }
static void apply_baseline_year (KenshoSheet *s) { kensho_sheet_set_baseline_year (s, 2017); }
static void
apply_handout (KenshoSheet *s)
{
  KenshoHandoutTag tag = { .id = (char *) "h1", .sheet_key = (char *) "k", .division = (char *) "農政課" };

  kensho_sheet_set_handout (s, &tag);
}

static void apply_method (KenshoSheet *s) { kensho_sheet_set_achievement_method (s, KENSHO_ACHIEVEMENT_EXPECTED); }
static void apply_divisions (KenshoSheet *s)
{
  const char *divisions[] = { "総務課", NULL };

  kensho_sheet_set_divisions (s, divisions);
}
static void apply_rating_scale (KenshoSheet *s)
{
  g_autoptr(KenshoRatingScale) scale = kensho_rating_scale_new_preset ("ibaraki");

  kensho_sheet_set_rating_scale (s, scale);
}
static void apply_preset (KenshoSheet *s)
{
  g_autoptr(GPtrArray) kept = kensho_sheet_apply_rating_preset (s, "kitsuki");
}
static void apply_copy_metadata (KenshoSheet *s)
{
  g_autoptr(KenshoSheet) blank = kensho_sheet_new ();

  kensho_sheet_copy_metadata (s, blank);
}
static void apply_scale_name (KenshoSheet *s) { kensho_rating_scale_set_name (kensho_sheet_get_rating_scale (s), "新"); }
static void apply_scale_append (KenshoSheet *s)
{
  g_autoptr(KenshoRating) rating = kensho_rating_new ("new", "新しい評価", "#757575", FALSE);

  g_assert_true (kensho_rating_scale_append (kensho_sheet_get_rating_scale (s), rating, NULL));
}
static void apply_scale_remove (KenshoSheet *s) { kensho_rating_scale_remove (kensho_sheet_get_rating_scale (s), 1); }
static void apply_scale_move (KenshoSheet *s) { kensho_rating_scale_move (kensho_sheet_get_rating_scale (s), 0, 2); }
static void apply_rating_label (KenshoSheet *s) { kensho_rating_set_label (rating_at (s, 0), "順調"); }
static void apply_rating_colour (KenshoSheet *s) { kensho_rating_set_colour (rating_at (s, 0), "#000000"); }
static void apply_rating_delayed (KenshoSheet *s) { kensho_rating_set_delayed (rating_at (s, 0), TRUE); }
static void apply_rating_rule (KenshoSheet *s)
{
  kensho_rating_set_rule (rating_at (s, 0), KENSHO_RATING_RULE_BAND, 80, NAN);
}

static const Mutator mutators[] = {
  { "kensho_series_set_actual", apply_series_actual },
  { "kensho_series_set_target", apply_series_target },
  { "kensho_series_set_baseline", apply_series_baseline },
  { "kensho_series_set_final", apply_series_final },
  { "kensho_series_set_column", apply_series_column },
  { "kensho_series_set_name", apply_series_name },
  { "kensho_node_set_code", apply_node_code },
  { "kensho_node_set_title", apply_node_title },
  { "kensho_node_set_notes", apply_node_notes },
  { "kensho_indicator_set_name", apply_indicator_name },
  { "kensho_indicator_set_indicator_kind", apply_indicator_kind },
  { "kensho_indicator_set_direction", apply_direction },
  { "kensho_indicator_set_unit", apply_unit },
  { "kensho_indicator_set_division", apply_division },
  { "kensho_indicator_set_commentary", apply_commentary },
  { "kensho_indicator_set_rating_id", apply_rating_id },
  { "kensho_indicator_set_delay_reason", apply_delay_reason },
  { "kensho_indicator_set_committee", apply_committee },
  { "kensho_indicator_remove_year", apply_remove_year },
  { "kensho_indicator_set_acknowledged", apply_acknowledged },
  { "kensho_indicator_insert_series", apply_insert_series },
  { "kensho_indicator_remove_series", apply_remove_series, apply_insert_series },
  { "kensho_indicator_assign", apply_assign },
  { "kensho_node_insert", apply_node_insert },
  { "kensho_node_append", apply_node_append },
  { "kensho_node_remove", apply_node_remove },
  { "kensho_node_move", apply_node_move },
  { "kensho_sheet_set_municipality", apply_municipality },
  { "kensho_sheet_set_title", apply_sheet_title },
  { "kensho_sheet_set_label", apply_sheet_label },
  { "kensho_sheet_set_notes", apply_sheet_notes },
  { "kensho_sheet_set_fiscal_year", apply_fiscal_year },
  { "kensho_sheet_set_plan_period", apply_plan_period },
  { "kensho_sheet_set_baseline_year", apply_baseline_year },
  { "kensho_sheet_set_achievement_method", apply_method },
  { "kensho_sheet_set_divisions", apply_divisions },
  { "kensho_sheet_set_handout", apply_handout },
  { "kensho_sheet_set_rating_scale", apply_rating_scale },
  { "kensho_sheet_apply_rating_preset", apply_preset },
  { "kensho_sheet_copy_metadata", apply_copy_metadata },
  { "kensho_rating_scale_set_name", apply_scale_name },
  { "kensho_rating_scale_append", apply_scale_append },
  { "kensho_rating_scale_remove", apply_scale_remove },
  { "kensho_rating_scale_move", apply_scale_move },
  { "kensho_rating_set_label", apply_rating_label },
  { "kensho_rating_set_colour", apply_rating_colour },
  { "kensho_rating_set_delayed", apply_rating_delayed },
  { "kensho_rating_set_rule", apply_rating_rule },
};

/* Declared in model/ and no change of a sheet: an identifier is given
 * before a node is in one; the changed func is the series' line to its
 * indicator; a value is a plain copy until a series setter takes it. */
static const char *const not_mutators[] = {
  "kensho_node_set_id",
  "kensho_series_set_changed_func",
  "kensho_undo_stack_set_clean",
  "kensho_value_set_note",
  "kensho_value_set_period",
};

/* Each mutator is one step, with a name; undone, the sheet is as loaded;
 * redone, as the mutator left it. */
static void
test_every_mutator (gconstpointer data)
{
  const Mutator *mutator = data;
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoSheet) expected = load_sample ();
  g_autoptr(KenshoUndoStack) undo = NULL;
  gboolean can_undo = FALSE;

  if (mutator->prepare != NULL)
    {
      mutator->prepare (sheet);
      mutator->prepare (original);
      mutator->prepare (expected);
    }
  undo = kensho_undo_stack_new (sheet);
  mutator->apply (sheet);
  mutator->apply (expected);
  g_assert_false (kensho_sheet_equal (sheet, original));
  g_assert_true (kensho_sheet_equal (sheet, expected));
  g_object_get (undo, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_nonnull (kensho_undo_stack_get_undo_label (undo));
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), !=, "Edit");

  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
  g_assert_false (kensho_undo_stack_can_undo (undo));
  while (kensho_undo_stack_can_redo (undo))
    kensho_undo_stack_redo (undo);
  g_assert_true (kensho_sheet_equal (sheet, expected));
}

/* The table above names every mutator model/ headers declare: setters, and
 * whatever inserts, appends, removes, moves, assigns or applies. */
static void
test_table_covers_model (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "model", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GRegex) declared = g_regex_new ("\\b(kensho_\\w+_(set_\\w+|insert\\w*|append|remove\\w*|move"
                                            "|assign|apply_\\w+|copy_metadata))\\s*\\(", 0, 0, NULL);
  guint n_found = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (name, ".h"))
        continue;
      path = g_build_filename (folder, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      for (g_regex_match (declared, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *symbol = g_match_info_fetch (match, 1);
          gboolean listed = g_strv_contains (not_mutators, symbol);

          for (guint i = 0; i < G_N_ELEMENTS (mutators) && !listed; i++)
            listed = g_str_equal (mutators[i].symbol, symbol);
          if (!listed)
            g_error ("%s changes the model but is not in test-undo.c's table", symbol);
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, G_N_ELEMENTS (mutators) + G_N_ELEMENTS (not_mutators));
}

/* A group is one step, with its label, however many changes it holds;
 * an empty group is no step; nested groups are the outer one. */
static void
test_group (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  KenshoIndicator *indicator = indicator_at (sheet, 0);
  g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_GOAL, "9", "新しい目標");
  g_autofree char *label = NULL;

  kensho_undo_stack_begin_group (undo, "Empty");
  kensho_undo_stack_end_group (undo);
  g_assert_false (kensho_undo_stack_can_undo (undo));

  kensho_sheet_begin_group (sheet, "Paste");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, "一");
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "二");
  kensho_undo_stack_begin_group (undo, "Inner");
  kensho_node_append (kensho_sheet_get_root (sheet), goal, NULL);
  kensho_node_set_title (goal, "改名");
  kensho_undo_stack_end_group (undo);
  kensho_sheet_set_title (sheet, "表題");
  kensho_indicator_set_unit (indicator, "人");
  kensho_sheet_end_group (sheet);

  g_object_get (undo, "undo-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Paste");
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_sheet_equal (sheet, original));
  g_assert_false (kensho_undo_stack_can_undo (undo));
  kensho_undo_stack_redo (undo);
  g_assert_cmpstr (kensho_node_get_title (goal), ==, "改名");
  g_assert_true (kensho_node_get_parent (goal) == kensho_sheet_get_root (sheet));
  g_assert_cmpstr (kensho_indicator_get_unit (indicator), ==, "人");
  g_assert_cmpstr (kensho_sheet_get_title (sheet), ==, "表題");

  /* Typing after a group is a step of its own. */
  kensho_indicator_set_unit (indicator, "人口");
  kensho_undo_stack_undo (undo);
  g_assert_cmpstr (kensho_indicator_get_unit (indicator), ==, "人");
}

/* The window enables Undo and Redo from notifications. */
static void
on_notify (GObject *object, GParamSpec *pspec, GPtrArray *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_properties_notify (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (undo, "notify", G_CALLBACK (on_notify), names);
  kensho_sheet_set_fiscal_year (sheet, 2024);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "can-undo", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "undo-label", g_str_equal, NULL));
  g_ptr_array_set_size (names, 0);
  kensho_undo_stack_undo (undo);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "can-undo", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "can-redo", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "redo-label", g_str_equal, NULL));
  /* Undo itself records nothing. */
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_cmpstr (kensho_undo_stack_get_redo_label (undo), ==, "Change the fiscal year shown");
}

/* A loaded sheet starts with no history: the stack begins after loading. */
static void
test_loading_is_not_an_edit (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);

  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_false (kensho_undo_stack_can_redo (undo));
}

/* The document owns the history: none for what opening it did, clean
 * where it was saved, and a new one with a reloaded sheet. */
static void
test_document_owns_history (void)
{
  /* The data folder is the test's own (G_TEST_OPTION_ISOLATE_DIRS). */
  const char *dir = g_get_user_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sheet.xml", NULL);
  g_autofree char *workspace_path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoDocument) document = NULL;
  KenshoUndoStack *undo;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  workspace = kensho_workspace_open (workspace_path, &error);
  g_assert_no_error (error);
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  undo = kensho_document_get_undo_stack (document);
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_true (kensho_undo_stack_is_clean (undo));

  kensho_sheet_set_label (kensho_document_get_sheet (document), "資料9");
  g_assert_true (kensho_document_get_unsaved (document));
  g_assert_false (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_undo (undo);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_redo (undo);
  g_assert_true (kensho_document_save (document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (kensho_undo_stack_is_clean (undo));
  kensho_undo_stack_undo (undo);
  g_assert_false (kensho_undo_stack_is_clean (undo));

  g_assert_true (kensho_document_reload (document, &error));
  g_assert_no_error (error);
  undo = kensho_document_get_undo_stack (document);
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_false (kensho_undo_stack_can_redo (undo));
  g_assert_true (kensho_undo_stack_is_clean (undo));
  g_assert_cmpstr (kensho_sheet_get_label (kensho_document_get_sheet (document)), ==, "資料9");
  kensho_document_close (document);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/undo/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/undo/clean-after-undo", test_clean_after_undo);
  g_test_add_func ("/undo/values-and-series", test_values_and_series_undo);
  g_test_add_func ("/undo/structure", test_structure_undo);
  g_test_add_func ("/undo/sheet-typing-is-one-step", test_sheet_typing_is_one_step);
  g_test_add_func ("/undo/sheet-edit-and-new-edit-clears-redo", test_sheet_edit_and_new_edit_clears_redo);
  g_test_add_func ("/undo/table-covers-model", test_table_covers_model);
  g_test_add_func ("/undo/group", test_group);
  g_test_add_func ("/undo/properties-notify", test_properties_notify);
  g_test_add_func ("/undo/loading-is-not-an-edit", test_loading_is_not_an_edit);
  g_test_add_func ("/undo/document-owns-history", test_document_owns_history);
  for (guint i = 0; i < G_N_ELEMENTS (mutators); i++)
    {
      g_autofree char *path = g_strdup_printf ("/undo/mutator/%s", mutators[i].symbol);

      g_test_add_data_func (path, &mutators[i], test_every_mutator);
    }
  return g_test_run ();
}
