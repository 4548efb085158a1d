/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-outs to divisions, the three-way merge of their answers, the
 * workspace's record of both, the board and kensho-cli's commands. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "kensho-board.h"
#include "kensho-handout-store.h"
#include "kensho-handout.h"
#include "kensho-merge.h"
#include "kensho-sheet-xml.h"
#include "kensho-undo-stack.h"
#include "test-run.h"
#include "test-sample.h"

#define FY 2023

/* What a division gets back to the planning division: its file, read. */
static KenshoSheet *
through_file (KenshoSheet *sheet)
{
  g_autoptr(GBytes) bytes = kensho_sheet_xml_serialize (sheet);
  g_autoptr(GError) error = NULL;
  KenshoSheet *back = kensho_sheet_xml_load_bytes (bytes, "answer.xml", &error);

  g_assert_no_error (error);
  return back;
}

static KenshoIndicator *
indicator (KenshoSheet *sheet, const char *id)
{
  KenshoNode *node = kensho_sheet_lookup (sheet, id);

  g_assert_true (KENSHO_IS_INDICATOR (node));
  return KENSHO_INDICATOR (node);
}

static KenshoMerge *
merge_ok (KenshoSheet *mine, KenshoSheet *answer)
{
  g_autoptr(GError) error = NULL;
  KenshoMerge *merge = kensho_merge_new (mine, answer, NULL, "answer.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (merge);
  return merge;
}

static void
test_handout_divisions (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_auto(GStrv) divisions = kensho_handout_dup_divisions (sheet);
  g_autoptr(GPtrArray) all = kensho_sheet_dup_indicators (sheet);
  g_autofree char *key = kensho_handout_sheet_key (sheet);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = 0;

  g_assert_cmpuint (g_strv_length (divisions), ==, 20);
  for (guint d = 0; divisions[d]; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, divisions[d], "2023-06-30", "企画調整課 内線123",
                                                           &error);
      g_autoptr(KenshoSheet) back = NULL;
      g_autoptr(GPtrArray) mine = NULL;
      g_autoptr(KenshoSheet) base = NULL;
      const KenshoHandoutTag *tag;

      g_assert_no_error (error);
      tag = kensho_sheet_get_handout (handout);
      g_assert_nonnull (tag);
      g_assert_cmpstr (tag->division, ==, divisions[d]);
      g_assert_cmpstr (tag->sheet_key, ==, key);
      g_assert_cmpstr (tag->due, ==, "2023-06-30");
      g_assert_true (g_str_has_prefix (tag->id, "h"));
      g_assert_false (g_hash_table_contains (ids, tag->id));
      g_hash_table_add (ids, g_strdup (tag->id));
      g_assert_cmpstr (kensho_sheet_get_title (handout), ==, kensho_sheet_get_title (sheet));
      g_assert_cmpstr (kensho_sheet_get_notes (handout), ==, kensho_sheet_get_notes (sheet));
      g_assert_cmpint (kensho_sheet_get_fiscal_year (handout), ==, FY);
      g_assert_cmpuint (kensho_rating_scale_get_n_ratings (kensho_sheet_get_rating_scale (handout)), ==,
                        kensho_rating_scale_get_n_ratings (kensho_sheet_get_rating_scale (sheet)));

      mine = kensho_sheet_dup_indicators (handout);
      g_assert_cmpuint (mine->len, >, 0);
      for (guint i = 0; i < mine->len; i++)
        {
          KenshoIndicator *copy = mine->pdata[i];
          KenshoIndicator *original = indicator (sheet, kensho_node_get_id (KENSHO_NODE (copy)));
          KenshoNode *parent = kensho_node_get_parent (KENSHO_NODE (copy));

          g_assert_cmpstr (kensho_indicator_get_division (copy), ==, divisions[d]);
          g_assert_true (kensho_indicator_equal (copy, original));
          /* Inside its goal, sub-goal or measure, as on the sheet. */
          g_assert_cmpstr (kensho_node_get_id (parent), ==,
                           kensho_node_get_id (kensho_node_get_parent (KENSHO_NODE (original))));
          g_assert_cmpstr (kensho_node_get_title (parent), ==,
                           kensho_node_get_title (kensho_node_get_parent (KENSHO_NODE (original))));
        }
      total += mine->len;

      /* The file holds the tag and the base, and the base is the hand-out. */
      back = through_file (handout);
      g_assert_true (kensho_sheet_equal (back, handout));
      base = kensho_sheet_xml_load_bytes (tag->base, "base", &error);
      g_assert_no_error (error);
      g_assert_null (kensho_sheet_get_handout (base));
      kensho_sheet_set_handout (back, NULL);
      g_assert_true (kensho_sheet_equal (back, base));
    }
  g_assert_cmpuint (total, ==, all->len);
}

static void
test_handout_unknown_division (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, "存在しない課", NULL, NULL, &error);

  g_assert_null (handout);
  g_assert_error (error, KENSHO_CYCLE_ERROR, KENSHO_CYCLE_ERROR_NO_INDICATORS);
  g_assert_nonnull (strstr (error->message, "存在しない課"));
}

static KenshoValue *
number (const char *digits)
{
  g_autoptr(GError) error = NULL;
  KenshoValue *value = kensho_value_new_number (digits, NULL, &error);

  g_assert_no_error (error);
  return value;
}

/* Every division answers: its first indicator gets commentary, an actual,
 * a rating and a reason; each change lands there and nowhere else. */
static void
test_merge_all_divisions (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) original = load_sample ();
  g_auto(GStrv) divisions = kensho_handout_dup_divisions (sheet);
  g_autoptr(GHashTable) answered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(KenshoSheet) round = NULL;
  g_autoptr(GError) error = NULL;

  for (guint d = 0; divisions[d]; d++)
    {
      g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, divisions[d], NULL, NULL, NULL);
      g_autoptr(KenshoSheet) answer = through_file (handout);
      g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (answer);
      g_autoptr(KenshoSheet) returned = NULL;
      g_autoptr(KenshoMerge) merge = NULL;
      g_autoptr(KenshoValue) actual = number ("12345");
      KenshoIndicator *first = indicators->pdata[0];
      const char *id = kensho_node_get_id (KENSHO_NODE (first));
      g_autofree char *text = g_strdup_printf ("%sの回答", divisions[d]);

      kensho_indicator_set_commentary (first, FY, KENSHO_COMMENTARY_ISSUES, text);
      kensho_indicator_set_rating_id (first, FY, "delayed");
      kensho_indicator_set_delay_reason (first, FY, text);
      kensho_series_set_actual (kensho_indicator_get_series (first, 0), FY, actual);
      returned = through_file (answer);

      merge = merge_ok (sheet, returned);
      g_assert_cmpuint (kensho_merge_count (merge, KENSHO_MERGE_CONFLICT), ==, 0);
      g_assert_cmpuint (kensho_merge_count (merge, KENSHO_MERGE_NOT_APPLIED), ==, 0);
      g_assert_cmpuint (kensho_merge_apply (merge), ==,
                        kensho_merge_count (merge, KENSHO_MERGE_TAKEN));
      g_assert_cmpstr (kensho_indicator_get_commentary (indicator (sheet, id), FY, KENSHO_COMMENTARY_ISSUES), ==, text);
      g_assert_cmpstr (kensho_indicator_get_delay_reason (indicator (sheet, id), FY), ==, text);
      g_assert_cmpstr (kensho_indicator_get_rating_id (indicator (sheet, id), FY), ==, "delayed");
      g_assert_true (kensho_value_equal (kensho_series_get_actual (kensho_indicator_get_series (indicator (sheet, id), 0), FY),
                                         actual));
      g_hash_table_add (answered, (gpointer) kensho_node_get_id (KENSHO_NODE (indicator (sheet, id))));
    }

  /* Nothing else changed. */
  after = kensho_sheet_dup_indicators (sheet);
  for (guint i = 0; i < after->len; i++)
    {
      KenshoIndicator *now = after->pdata[i];
      const char *id = kensho_node_get_id (KENSHO_NODE (now));

      if (!g_hash_table_contains (answered, id))
        g_assert_true (kensho_indicator_equal (now, indicator (original, id)));
    }
  g_assert_cmpuint (g_hash_table_size (answered), ==, g_strv_length (divisions));

  /* The merged sheet is a valid file and reads back the same. */
  g_assert_true (kensho_sheet_xml_check_savable (sheet, &error));
  g_assert_no_error (error);
  round = through_file (sheet);
  g_assert_true (kensho_sheet_equal (round, sheet));
}

typedef struct
{
  KenshoSheet *sheet;
  KenshoSheet *answer;
  const char *id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(KenshoSheet) handout = NULL;

  f->sheet = load_sample ();
  handout = kensho_handout_new (f->sheet, "商工労働課", NULL, NULL, NULL);
  f->answer = through_file (handout);
  f->id = "i01";
  g_assert_cmpstr (kensho_indicator_get_division (indicator (f->sheet, f->id)), ==, "商工労働課");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->sheet);
  g_object_unref (f->answer);
}

static void
test_merge_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(KenshoMerge) merge = NULL;
  g_autoptr(KenshoMerge) taken = NULL;
  KenshoMergeItem *item = NULL;
  GPtrArray *items;
  g_autofree char *line = NULL;

  kensho_indicator_set_commentary (indicator (f->answer, f->id), FY, KENSHO_COMMENTARY_ACTIVITIES, "課の回答");
  kensho_indicator_set_commentary (indicator (f->sheet, f->id), FY, KENSHO_COMMENTARY_ACTIVITIES, "企画の修正");
  /* The same change on both sides is taken once, not a conflict. */
  kensho_indicator_set_commentary (indicator (f->answer, f->id), FY, KENSHO_COMMENTARY_ISSUES, "同じ");
  kensho_indicator_set_commentary (indicator (f->sheet, f->id), FY, KENSHO_COMMENTARY_ISSUES, "同じ");

  merge = merge_ok (f->sheet, f->answer);
  items = kensho_merge_get_items (merge);
  g_assert_cmpuint (kensho_merge_count (merge, KENSHO_MERGE_CONFLICT), ==, 1);
  g_assert_cmpuint (kensho_merge_count (merge, KENSHO_MERGE_SAME), ==, 1);
  for (guint i = 0; i < items->len; i++)
    if (((KenshoMergeItem *) items->pdata[i])->kind == KENSHO_MERGE_CONFLICT)
      item = items->pdata[i];
  g_assert_cmpstr (item->theirs, ==, "課の回答");
  g_assert_cmpstr (item->mine, ==, "企画の修正");
  g_assert_cmpstr (item->base, ==, "雇用を促進するため、セミナー等を開催し支援に努めた。");
  line = kensho_merge_item_describe (item);
  g_assert_nonnull (strstr (line, "課の回答"));
  g_assert_nonnull (strstr (line, "企画の修正"));
  g_assert_nonnull (strstr (line, "新規求人数"));
  g_assert_cmpuint (kensho_merge_get_n_open_conflicts (merge), ==, 1);

  /* Nothing changes until every conflict is chosen: mine here. */
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator (f->sheet, f->id), FY, KENSHO_COMMENTARY_ACTIVITIES),
                   ==, "企画の修正");
  kensho_merge_choose_all (merge, KENSHO_MERGE_CHOICE_MINE);
  g_assert_cmpuint (kensho_merge_apply (merge), ==, 0);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator (f->sheet, f->id), FY, KENSHO_COMMENTARY_ACTIVITIES),
                   ==, "企画の修正");

  /* Theirs, the other time. */
  taken = merge_ok (f->sheet, f->answer);
  kensho_merge_choose_all (taken, KENSHO_MERGE_CHOICE_THEIRS);
  g_assert_cmpuint (kensho_merge_apply (taken), ==, 1);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator (f->sheet, f->id), FY, KENSHO_COMMENTARY_ACTIVITIES),
                   ==, "課の回答");
}

static void
test_merge_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(KenshoMerge) first = NULL;
  g_autoptr(KenshoMerge) second = NULL;
  g_autoptr(KenshoSheet) after_first = NULL;

  kensho_indicator_set_commentary (indicator (f->answer, f->id), FY, KENSHO_COMMENTARY_NEXT_STEPS, "来年度も継続");
  kensho_indicator_set_rating_id (indicator (f->answer, f->id), FY, "on-track");
  first = merge_ok (f->sheet, f->answer);
  g_assert_cmpuint (kensho_merge_apply (first), ==, 2);
  after_first = through_file (f->sheet);

  second = merge_ok (f->sheet, f->answer);
  g_assert_cmpuint (kensho_merge_count (second, KENSHO_MERGE_TAKEN), ==, 0);
  g_assert_cmpuint (kensho_merge_count (second, KENSHO_MERGE_CONFLICT), ==, 0);
  g_assert_cmpuint (kensho_merge_count (second, KENSHO_MERGE_SAME), ==, 2);
  g_assert_cmpuint (kensho_merge_apply (second), ==, 0);
  g_assert_true (kensho_sheet_equal (after_first, f->sheet));
}

/* Several answers merged in one group: one undo takes them all back. */
static void
test_merge_one_undo_step (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) before = through_file (sheet);
  g_autoptr(KenshoSheet) after = NULL;
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  const char *divisions[] = { "商工労働課", "農政課" };

  kensho_undo_stack_begin_group (undo, "Merge");
  for (guint d = 0; d < G_N_ELEMENTS (divisions); d++)
    {
      g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, divisions[d], NULL, NULL, NULL);
      g_autoptr(KenshoSheet) answer = through_file (handout);
      g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (answer);
      g_autoptr(KenshoMerge) merge = NULL;

      for (guint i = 0; i < indicators->len; i++)
        kensho_indicator_set_delay_reason (indicators->pdata[i], FY, divisions[d]);
      merge = merge_ok (sheet, answer);
      g_assert_cmpuint (kensho_merge_apply (merge), ==, indicators->len);
    }
  kensho_undo_stack_end_group (undo);
  after = through_file (sheet);
  g_assert_false (kensho_sheet_equal (before, sheet));

  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Merge");
  kensho_undo_stack_undo (undo);
  g_assert_false (kensho_undo_stack_can_undo (undo));
  g_assert_true (kensho_sheet_equal (before, sheet));
  kensho_undo_stack_redo (undo);
  g_assert_true (kensho_sheet_equal (after, sheet));

  /* A group that recorded nothing is no step. */
  kensho_undo_stack_begin_group (undo, "Nothing");
  kensho_undo_stack_end_group (undo);
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Merge");
}

static void
assert_refused (KenshoSheet *mine, KenshoSheet *answer, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoMerge) merge = kensho_merge_new (mine, answer, NULL, "/tmp/回答.xml", &error);

  g_assert_null (merge);
  g_assert_error (error, KENSHO_CYCLE_ERROR, KENSHO_CYCLE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "回答.xml"));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_merge_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(KenshoSheet) other = load_sample ();
  g_autoptr(KenshoSheet) plain = load_sample ();
  g_autoptr(KenshoSheet) later = load_sample ();
  g_autoptr(KenshoSheet) no_division = load_sample ();
  const char *none[] = { "企画調整課", NULL };

  kensho_sheet_set_title (other, "別の総合戦略");
  assert_refused (other, f->answer, "another sheet");
  /* A sheet is not an answer. */
  assert_refused (f->sheet, plain, "not a hand-out");
  /* The sheet moved on to the next year. */
  kensho_sheet_set_fiscal_year (later, FY + 1);
  assert_refused (later, f->answer, "2023");
  /* The answer was turned into another year's. */
  kensho_sheet_set_fiscal_year (f->answer, FY + 1);
  assert_refused (f->sheet, f->answer, "2024");
  kensho_sheet_set_fiscal_year (f->answer, FY);
  /* The division is not one of the sheet's. */
  kensho_sheet_set_divisions (no_division, none);
  assert_refused (no_division, f->answer, "商工労働課");
}

static void
test_merge_outside (Fixture *f, gconstpointer data)
{
  g_autoptr(KenshoSheet) before = through_file (f->sheet);
  g_autoptr(KenshoMerge) merge = NULL;
  GPtrArray *items;
  KenshoNode *goal = kensho_sheet_lookup (f->answer, "g1");
  KenshoNode *gone = kensho_sheet_lookup (f->answer, "i03");
  g_autoptr(KenshoIndicator) added = kensho_indicator_new (KENSHO_INDICATOR_KPI, "勝手に足した指標");
  gboolean saw_deleted = FALSE, saw_renamed = FALSE, saw_added = FALSE, saw_name = FALSE;

  g_assert_nonnull (gone);
  kensho_node_set_title (goal, "改名した目標");
  kensho_node_remove (gone);
  kensho_node_set_id (KENSHO_NODE (added), "i999");
  g_assert_true (kensho_node_append (goal, KENSHO_NODE (added), NULL));
  kensho_indicator_set_name (indicator (f->answer, f->id), "改名した指標");
  kensho_sheet_set_notes (f->answer, "書き換えた注記");

  merge = merge_ok (f->sheet, f->answer);
  items = kensho_merge_get_items (merge);
  g_assert_cmpuint (kensho_merge_count (merge, KENSHO_MERGE_TAKEN), ==, 0);
  for (guint i = 0; i < items->len; i++)
    {
      KenshoMergeItem *item = items->pdata[i];

      g_assert_cmpint (item->kind, ==, KENSHO_MERGE_NOT_APPLIED);
      saw_deleted |= g_strcmp0 (item->node_id, "i03") == 0;
      saw_renamed |= g_strcmp0 (item->node_id, "g1") == 0 && g_strcmp0 (item->theirs, "改名した目標") == 0;
      saw_added |= g_strcmp0 (item->node_id, "i999") == 0;
      saw_name |= g_strcmp0 (item->node_id, f->id) == 0 && g_strcmp0 (item->theirs, "改名した指標") == 0;
    }
  g_assert_true (saw_deleted && saw_renamed && saw_added && saw_name);
  g_assert_cmpuint (kensho_merge_apply (merge), ==, 0);
  g_assert_true (kensho_sheet_equal (before, f->sheet));
  g_assert_nonnull (kensho_sheet_lookup (f->sheet, "i03"));
  g_assert_cmpstr (kensho_node_get_title (kensho_sheet_lookup (f->sheet, "g1")), ==, "しごとの創生");
}

static void
test_merge_report_csv (Fixture *f, gconstpointer data)
{
  g_autoptr(KenshoMerge) merge = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;

  kensho_indicator_set_commentary (indicator (f->answer, f->id), FY, KENSHO_COMMENTARY_ISSUES, "=cmd|' /C calc'!A0");
  merge = merge_ok (f->sheet, f->answer);
  csv = kensho_merge_report_csv ("商工労働課", kensho_merge_get_items (merge));
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF\"Division\""));
  g_assert_nonnull (strstr (text, "\r\n\"商工労働課\",\"新規求人数\",\"②Issues (FY 2023)\",\"taken\""));
  /* A formula is neutralised, as in the sheet's CSV. */
  g_assert_nonnull (strstr (text, "\"'=cmd|"));
}

/* The workspace keeps what was sent, the answers and their reports, and a
 * hand-out's tag survives the workspace as it survives the file. */
static void
test_workspace_records (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "handout.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, &error);
  g_autoptr(KenshoSheet) handout = NULL;
  g_autoptr(KenshoSheet) other = NULL;
  g_autoptr(KenshoSheet) answer = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(KenshoMerge) merge = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *board = NULL;
  KenshoHandoutRecord *record;
  gint64 id, handout_id, answer_id, found_sheet = 0;

  g_assert_no_error (error);
  id = kensho_workspace_add_sheet (workspace, sheet, &error);
  g_assert_no_error (error);
  handout = kensho_handout_new (sheet, "商工労働課", "2023-06-30", "企画調整課", NULL);
  other = kensho_handout_new (sheet, "農政課", "2000-01-01", NULL, NULL);
  g_assert_true (kensho_workspace_add_handout (workspace, id, handout, "xml", "/tmp/商工労働課.xml", &error));
  g_assert_true (kensho_workspace_add_handout (workspace, id, other, "xml", "/tmp/農政課.xml", &error));
  g_assert_no_error (error);

  base = kensho_workspace_dup_handout_base (workspace, kensho_sheet_get_handout (handout)->id, &found_sheet);
  g_assert_true (g_bytes_equal (base, kensho_sheet_get_handout (handout)->base));
  g_assert_cmpint (found_sheet, ==, id);
  g_assert_null (kensho_workspace_dup_handout_base (workspace, "hnothing", NULL));

  /* The answer's own copy of the base is not trusted over the workspace's. */
  answer = through_file (handout);
  kensho_indicator_set_commentary (indicator (answer, "i01"), FY, KENSHO_COMMENTARY_ISSUES, "回答");
  merge = kensho_merge_new (sheet, answer, base, "a.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kensho_merge_apply (merge), ==, 1);
  answer_id = kensho_workspace_add_answer (workspace, kensho_merge_get_handout_id (merge), "/tmp/a.xml", merge,
                                           TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (answer_id, >, 0);

  records = kensho_workspace_list_handouts (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  record = records->pdata[0];
  if (g_strcmp0 (record->division, "商工労働課") != 0)
    record = records->pdata[1];
  g_assert_cmpstr (record->division, ==, "商工労働課");
  g_assert_cmpint (record->answer_id, ==, answer_id);
  g_assert_true (record->merged);
  g_assert_cmpstr (record->answer_path, ==, "/tmp/a.xml");
  g_assert_cmpstr (record->due, ==, "2023-06-30");

  items = kensho_workspace_list_answer_items (workspace, answer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((KenshoMergeItem *) items->pdata[0])->theirs, ==, "回答");
  g_assert_cmpstr (((KenshoMergeItem *) items->pdata[0])->node_id, ==, "i01");

  /* The board: 商工労働課 merged, 農政課 overdue, the others not sent. */
  rows = kensho_board_build (sheet, records, "2023-07-01");
  board = kensho_board_format (sheet, rows);
  g_assert_cmpuint (rows->len, ==, 20);
  for (guint i = 0; i < rows->len; i++)
    {
      KenshoBoardRow *row = rows->pdata[i];

      if (g_str_equal (row->division, "商工労働課"))
        g_assert_true (row->sent && row->answered && row->merged && !row->overdue);
      else if (g_str_equal (row->division, "農政課"))
        g_assert_true (row->sent && !row->answered && row->overdue);
      else
        g_assert_false (row->sent || row->answered || row->overdue);
      g_assert_cmpuint (row->n_indicators, >, 0);
    }
  g_assert_nonnull (strstr (board, "overdue"));
  g_assert_nonnull (strstr (board, "merged"));

  /* A hand-out opened in the app lives in the workspace too. */
  handout_id = kensho_workspace_add_sheet (workspace, handout, &error);
  g_assert_no_error (error);
  back = kensho_workspace_load_sheet (workspace, handout_id, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_handout_tag_equal (kensho_sheet_get_handout (back), kensho_sheet_get_handout (handout)));
  g_assert_true (kensho_sheet_equal (back, handout));
}

static void
test_board_empty (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) rows = NULL;
  KenshoIndicator *i01 = indicator (sheet, "i01");
  KenshoBoardRow *row = NULL;
  guint before;

  rows = kensho_board_build (sheet, NULL, "2023-07-01");
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((KenshoBoardRow *) rows->pdata[i])->division, "商工労働課"))
      row = rows->pdata[i];
  before = row->n_empty;
  g_assert_null (strstr (row->empty, "新規求人数"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Emptied of its answer, 新規求人数 is listed. */
  for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    kensho_indicator_set_commentary (i01, FY, part, NULL);
  kensho_indicator_set_rating_id (i01, FY, NULL);
  for (guint s = 0; s < kensho_indicator_get_n_series (i01); s++)
    kensho_series_set_actual (kensho_indicator_get_series (i01, s), FY, NULL);
  rows = kensho_board_build (sheet, NULL, "2023-07-01");
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((KenshoBoardRow *) rows->pdata[i])->division, "商工労働課"))
      row = rows->pdata[i];
  g_assert_cmpuint (row->n_empty, ==, before + 1);
  g_assert_nonnull (strstr (row->empty, "新規求人数"));
}

/* The board of the sample's 20 divisions fits an A4 page in readable type;
 * a longer one gets smaller type, still on one page. */
static void
test_board_one_page (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) rows = kensho_board_build (sheet, NULL, "2023-07-01");
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  double size = kensho_board_draw (sheet, rows, cr, 515, 762);
  double smaller;
  guint n = rows->len;

  g_assert_cmpfloat (size, >=, 7);
  /* Ten times the divisions. */
  for (guint copy = 0; copy < 9; copy++)
    for (guint i = 0; i < n; i++)
      {
        KenshoBoardRow *row = g_new0 (KenshoBoardRow, 1);
        KenshoBoardRow *from = rows->pdata[i];

        row->division = g_strdup (from->division);
        row->empty = g_strdup (from->empty);
        row->n_empty = from->n_empty;
        row->n_indicators = from->n_indicators;
        g_ptr_array_add (rows, row);
      }
  smaller = kensho_board_draw (sheet, rows, cr, 515, 762);
  g_assert_cmpfloat (smaller, <, size);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Random sheets, random edits on both sides: whatever only one side
 * changed is in the merged sheet. */
static const char *const texts[] = { NULL, "甲", "乙", "丙", "丁" };
static const char *const digits[] = { NULL, "1", "22", "333.5", "-4" };

static void
random_field (GRand *rand, KenshoIndicator *indicator, guint field, int fy)
{
  const char *text = texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
  const char *figure = digits[g_rand_int_range (rand, 0, G_N_ELEMENTS (digits))];
  g_autoptr(KenshoValue) value = figure ? number (figure) : NULL;
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);

  switch (field)
    {
    case 0: case 1: case 2:
      kensho_indicator_set_commentary (indicator, fy, field, text);
      break;
    case 3:
      kensho_indicator_set_rating_id (indicator, fy, text ? "on-track" : NULL);
      break;
    case 4:
      kensho_indicator_set_delay_reason (indicator, fy, text);
      break;
    case 5:
      kensho_series_set_actual (series, fy, value);
      break;
    case 6:
      kensho_series_set_target (series, fy, value);
      break;
    case 7:
      kensho_series_set_final (series, value);
      break;
    default:
      kensho_series_set_baseline (series, value);
      break;
    }
}

#define N_FIELDS 9

static char *
field_snapshot (KenshoIndicator *indicator, guint field, int fy)
{
  KenshoSeries *series = kensho_indicator_get_series (indicator, 0);
  const KenshoValue *value = NULL;

  switch (field)
    {
    case 0: case 1: case 2: return g_strdup (kensho_indicator_get_commentary (indicator, fy, field));
    case 3: return g_strdup (kensho_indicator_get_rating_id (indicator, fy));
    case 4: return g_strdup (kensho_indicator_get_delay_reason (indicator, fy));
    case 5: value = kensho_series_get_actual (series, fy); break;
    case 6: value = kensho_series_get_target (series, fy); break;
    case 7: value = kensho_series_get_final (series); break;
    default: value = kensho_series_get_baseline (series); break;
    }
  return value ? kensho_value_format (value) : NULL;
}

static KenshoSheet *
random_sheet (GRand *rand)
{
  KenshoSheet *sheet = kensho_sheet_new ();
  const char *divisions[] = { "甲課", "乙課", "丙課", NULL };
  guint n_goals = g_rand_int_range (rand, 1, 4);

  kensho_sheet_set_municipality (sheet, "試験市");
  kensho_sheet_set_title (sheet, "試験の戦略");
  kensho_sheet_set_fiscal_year (sheet, FY);
  kensho_sheet_set_divisions (sheet, divisions);
  for (guint g = 0; g < n_goals; g++)
    {
      g_autofree char *goal_id = kensho_sheet_make_id (sheet, KENSHO_NODE_GOAL);
      g_autoptr(KenshoNode) goal = kensho_node_new (KENSHO_NODE_GOAL, "1", "目標");
      guint n = g_rand_int_range (rand, 1, 5);

      kensho_node_set_id (goal, goal_id);
      g_assert_true (kensho_node_append (kensho_sheet_get_root (sheet), goal, NULL));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = kensho_sheet_make_id (sheet, KENSHO_NODE_INDICATOR);
          g_autoptr(KenshoIndicator) indicator = kensho_indicator_new (KENSHO_INDICATOR_KPI, "指標");

          kensho_node_set_id (KENSHO_NODE (indicator), id);
          kensho_indicator_set_division (indicator, divisions[g_rand_int_range (rand, 0, 3)]);
          g_assert_true (kensho_node_append (goal, KENSHO_NODE (indicator), NULL));
          for (guint f = 0; f < N_FIELDS; f++)
            if (g_rand_boolean (rand))
              random_field (rand, indicator, f, FY - g_rand_int_range (rand, 0, 2));
        }
    }
  return sheet;
}

static void
test_merge_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(KenshoSheet) sheet = random_sheet (rand);
      g_auto(GStrv) divisions = kensho_handout_dup_divisions (sheet);

      for (guint d = 0; divisions[d]; d++)
        {
          g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, divisions[d], NULL, NULL, NULL);
          g_autoptr(KenshoSheet) answer = through_file (handout);
          g_autoptr(KenshoSheet) base = through_file (handout);
          g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (answer);
          g_autoptr(KenshoMerge) merge = NULL;
          g_autoptr(GError) error = NULL;

          /* Edits on both sides. */
          for (guint i = 0; i < indicators->len; i++)
            for (guint f = 0; f < N_FIELDS; f++)
              for (int fy = FY - 1; fy <= FY; fy++)
                {
                  const char *id = kensho_node_get_id (KENSHO_NODE (indicators->pdata[i]));

                  if (g_rand_int_range (rand, 0, 4) == 0)
                    random_field (rand, indicators->pdata[i], f, fy);
                  if (g_rand_int_range (rand, 0, 4) == 0)
                    random_field (rand, indicator (sheet, id), f, fy);
                }
          {
            g_autoptr(KenshoSheet) mine_before = through_file (sheet);

            merge = kensho_merge_new (sheet, answer, NULL, "answer.xml", &error);
            g_assert_no_error (error);
            kensho_merge_choose_all (merge, g_rand_boolean (rand) ? KENSHO_MERGE_CHOICE_MINE
                                                                  : KENSHO_MERGE_CHOICE_THEIRS);
            kensho_merge_apply (merge);

            for (guint i = 0; i < indicators->len; i++)
              for (guint f = 0; f < N_FIELDS; f++)
                for (int fy = FY - 1; fy <= FY; fy++)
                  {
                    const char *id = kensho_node_get_id (KENSHO_NODE (indicators->pdata[i]));
                    g_autofree char *b = field_snapshot (indicator (base, id), f, fy);
                    g_autofree char *t = field_snapshot (indicator (answer, id), f, fy);
                    g_autofree char *m = field_snapshot (indicator (mine_before, id), f, fy);
                    g_autofree char *now = field_snapshot (indicator (sheet, id), f, fy);

                    if (g_strcmp0 (b, m) == 0)
                      g_assert_cmpstr (now, ==, t);   /* theirs only (or neither) */
                    else if (g_strcmp0 (b, t) == 0)
                      g_assert_cmpstr (now, ==, m);   /* mine only */
                    else
                      g_assert_true (g_strcmp0 (now, t) == 0 || g_strcmp0 (now, m) == 0);
                  }
          }
        }
    }
}

/* kensho-cli handout, merge and board on files, as a script would. */
static void
test_cli (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *mine = g_build_filename (dir, "sheet.xml", NULL);
  g_autofree char *edited = g_build_filename (dir, "edited.xml", NULL);
  g_autofree char *merged = g_build_filename (dir, "merged.xml", NULL);
  g_autofree char *report = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *answer = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sample = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) conflict = { 0 };
  g_auto(Run) taken = { 0 };
  g_auto(Run) board = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(KenshoSheet) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, NULL, NULL));
  g_assert_true (g_file_set_contents (mine, sample, -1, NULL));

  run_cli (&run, "handout", mine, "--division", "商工労働課", "--division", "農政課", "--due", "2023-06-30",
           "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  answer = g_build_filename (out, "商工労働課.xml", NULL);
  g_assert_cmpstr (lines[0], ==, answer);

  /* The division edits its file with a script. */
  g_assert_true (g_file_get_contents (answer, &contents, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "雇用を促進するため、セミナー等を開催し支援に努めた。", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_free (contents);
    contents = g_strjoinv ("回答した取組。", parts);
  }
  g_assert_true (g_file_set_contents (answer, contents, -1, NULL));

  run_cli (&first, "merge", mine, answer, "-o", merged, "--report", report, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "新規求人数: ①Activities (FY 2023): 雇用を促進するため、セミナー等を開催し支援に努めた。 → 回答した取組。"));
  result = kensho_sheet_xml_load_file (merged, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator (result, "i01"), FY, KENSHO_COMMENTARY_ACTIVITIES), ==,
                   "回答した取組。");
  g_assert_true (g_file_test (report, G_FILE_TEST_EXISTS));

  /* Merging the same answer again changes nothing. */
  run_cli (&again, "merge", merged, answer, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "");

  /* The sheet's own edit of the same field: a conflict, nothing written. */
  {
    g_auto(GStrv) parts = g_strsplit (sample, "雇用を促進するため、セミナー等を開催し支援に努めた。", 2);
    g_autofree char *edited_sheet = g_strjoinv ("企画の修正。", parts);
    g_autofree char *after = NULL;

    g_assert_true (g_file_set_contents (edited, edited_sheet, -1, NULL));
    run_cli (&conflict, "merge", edited, answer, NULL);
    g_assert_cmpint (conflict.status, ==, 3);
    g_assert_nonnull (strstr (conflict.out, "conflict: 新規求人数: ①Activities (FY 2023): "
                                            "雇用を促進するため、セミナー等を開催し支援に努めた。 → 回答した取組。 / 企画の修正。"));
    g_assert_true (g_file_get_contents (edited, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, edited_sheet);

    run_cli (&taken, "merge", edited, answer, "--take", "theirs", NULL);
    g_assert_cmpint (taken.status, ==, 0);
    g_clear_object (&result);
    result = kensho_sheet_xml_load_file (edited, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kensho_indicator_get_commentary (indicator (result, "i01"), FY, KENSHO_COMMENTARY_ACTIVITIES),
                     ==, "回答した取組。");
  }

  /* A sheet is not an answer: refused, exit 1. */
  run_cli (&refused, "merge", mine, mine, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "not a hand-out"));

  run_cli (&board, "board", mine, NULL);
  g_assert_cmpint (board.status, ==, 0);
  g_assert_nonnull (strstr (board.out, "商工労働課: 6 indicators"));
}

/* With --workspace, hand-outs and answers are recorded and the board shows them. */
static void
test_cli_workspace (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli-ws", NULL);
  g_autofree char *db = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *mine = g_build_filename (dir, "sheet.xml", NULL);
  g_autofree char *answer = g_build_filename (out, "商工労働課.xml", NULL);
  g_autofree char *sample = NULL;
  g_auto(Run) unrecorded = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) handout = { 0 };
  g_auto(Run) before = { 0 };
  g_auto(Run) merge = { 0 };
  g_auto(Run) after = { 0 };
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, NULL, NULL));
  g_assert_true (g_file_set_contents (mine, sample, -1, NULL));
  /* Not in the workspace yet: refused before any file is written, as
   * nothing sent would be recorded for the merge. */
  run_cli (&unrecorded, "--workspace", db, "handout", mine, "-o", out, NULL);
  g_assert_cmpint (unrecorded.status, !=, 0);
  g_assert_nonnull (strstr (unrecorded.err, "is not in the workspace"));
  g_assert_nonnull (strstr (unrecorded.err, "import"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (&import, "--workspace", db, "import", mine, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (&handout, "--workspace", db, "handout", mine, "--division", "商工労働課", "--division", "農政課",
           "--due", "2000-01-31", "-o", out, NULL);
  g_assert_cmpint (handout.status, ==, 0);
  run_cli (&before, "--workspace", db, "board", mine, NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_nonnull (strstr (before.out, "商工労働課: 6 indicators; sent: "));
  g_assert_nonnull (strstr (before.out, "due: 2000-01-31; overdue"));
  g_assert_nonnull (strstr (before.out, "住宅課: 1 indicator; sent: not sent"));

  sheet = kensho_sheet_xml_load_file (answer, &error);
  g_assert_no_error (error);
  kensho_indicator_set_delay_reason (indicator (sheet, "i01"), FY, "人手不足");
  g_assert_true (kensho_sheet_xml_save_file (sheet, answer, &error));
  run_cli (&merge, "--workspace", db, "merge", mine, answer, NULL);
  g_assert_cmpint (merge.status, ==, 0);
  run_cli (&after, "--workspace", db, "board", mine, NULL);
  g_assert_nonnull (strstr (after.out, "(商工労働課.xml); merged"));
  g_assert_nonnull (strstr (after.out, "農政課: "));
  g_assert_nonnull (strstr (strstr (after.out, "農政課: "), "overdue"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/handout/divisions", test_handout_divisions);
  g_test_add_func ("/handout/unknown-division", test_handout_unknown_division);
  g_test_add_func ("/merge/all-divisions", test_merge_all_divisions);
  g_test_add ("/merge/conflict", Fixture, NULL, fixture_set_up, test_merge_conflict, fixture_tear_down);
  g_test_add ("/merge/twice", Fixture, NULL, fixture_set_up, test_merge_twice, fixture_tear_down);
  g_test_add ("/merge/refused", Fixture, NULL, fixture_set_up, test_merge_refused, fixture_tear_down);
  g_test_add ("/merge/outside", Fixture, NULL, fixture_set_up, test_merge_outside, fixture_tear_down);
  g_test_add ("/merge/report-csv", Fixture, NULL, fixture_set_up, test_merge_report_csv, fixture_tear_down);
  g_test_add_func ("/merge/property", test_merge_property);
  g_test_add_func ("/merge/one-undo-step", test_merge_one_undo_step);
  g_test_add_func ("/handout/workspace", test_workspace_records);
  g_test_add_func ("/board/empty", test_board_empty);
  g_test_add_func ("/board/one-page", test_board_one_page);
  g_test_add_func ("/handout/cli", test_cli);
  g_test_add_func ("/handout/cli-workspace", test_cli_workspace);
  return g_test_run ();
}
