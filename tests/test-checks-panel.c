/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the checks panel, the achievement in the indicator form and the
 * jump from a finding to its field, with real widgets under Xvfb. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-application.h"
#include "kensho-checks.h"
#include "kensho-checks-panel.h"
#include "kensho-indicator-form.h"
#include "kensho-overview-page.h"
#include "kensho-rating-scale-editor.h"
#include "kensho-sheet-xml.h"
#include "kensho-window.h"
#include "test-app.h"
#include "test-gtk-util.h"
#include "test-sample.h"

static KenshoApplication *the_app;

static gboolean
is_sensitive_button_with_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_sensitive (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget *widget, const char *tooltip)
{
  return find_widget (widget, is_sensitive_button_with_tooltip, tooltip);
}


static void
record_finding (KenshoChecksPanel *panel, KenshoFinding *finding, KenshoFinding **out)
{
  g_set_object (out, finding);
}

typedef struct
{
  guint calls;
  guint position, removed, added;
} Splice;

static void
record_splice (GListModel *model, guint position, guint removed, guint added, Splice *splice)
{
  splice->calls++;
  splice->position = position;
  splice->removed = removed;
  splice->added = added;
}

static void
test_panel_lists_and_follows_the_sheet (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = kensho_checks_panel_new ();
  GListModel *findings = kensho_checks_panel_get_findings (KENSHO_CHECKS_PANEL (panel));
  g_autoptr(KenshoFinding) first = NULL;
  g_autoptr(KenshoFinding) activated = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  Splice splice = { 0 };
  GtkListView *list;

  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  kensho_checks_panel_set_sheet (KENSHO_CHECKS_PANEL (panel), sheet);
  wait_idle ();

  /* The sample's three final targets below their baselines. */
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 3);
  collect_label_texts (panel, text);
  g_assert_nonnull (strstr (text->str, "3 findings"));
  g_assert_nonnull (strstr (text->str, "コミュニティバス利用者数\nThe final-year target (29万人) is below the "
                                       "baseline (294,758人)"));

  /* Activating a row hands its finding out. */
  list = GTK_LIST_VIEW (find_of_type (panel, GTK_TYPE_LIST_VIEW));
  g_signal_connect (panel, "finding-activated", G_CALLBACK (record_finding), &activated);
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_nonnull (activated);
  first = g_list_model_get_item (findings, 1);
  g_assert_true (activated == first);

  /* Acknowledged in the sheet, the finding leaves the panel once the
   * edits settle. */
  g_signal_connect (findings, "items-changed", G_CALLBACK (record_splice), &splice);
  kensho_indicator_set_acknowledged (kensho_finding_get_indicator (first), "final-below-baseline", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 3);
  wait_for (g_list_model_get_n_items (findings) != 3);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  /* Only that finding's row went: the others' rows stay as they were. */
  g_assert_cmpuint (splice.calls, ==, 1);
  g_assert_cmpuint (splice.position, ==, 1);
  g_assert_cmpuint (splice.removed, ==, 1);
  g_assert_cmpuint (splice.added, ==, 0);
  g_signal_handlers_disconnect_by_func (findings, record_splice, &splice);
  /* The list shows the panel's findings. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);

  kensho_checks_panel_set_sheet (KENSHO_CHECKS_PANEL (panel), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static KenshoIndicator *
finding_indicator (GListModel *findings, guint position)
{
  g_autoptr(KenshoFinding) finding = g_list_model_get_item (findings, position);

  return kensho_finding_get_indicator (finding);
}

/* Filtered by division, the panel follows an indicator moved into the
 * division, though its findings stay the same. */
static void
test_panel_follows_divisions (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = kensho_checks_panel_new ();
  GListModel *findings = kensho_checks_panel_get_findings (KENSHO_CHECKS_PANEL (panel));
  g_autoptr(GListStore) full = NULL;
  g_autofree char *division = NULL;
  KenshoIndicator *other = NULL;
  guint in_division = 0;

  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  kensho_checks_panel_set_sheet (KENSHO_CHECKS_PANEL (panel), sheet);
  kensho_checks_panel_refresh (KENSHO_CHECKS_PANEL (panel));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 3);
  division = g_strdup (kensho_indicator_get_division (finding_indicator (findings, 0)));
  g_assert_true (kensho_sheet_has_division (sheet, division));
  for (guint i = 0; i < 3; i++)
    {
      KenshoIndicator *indicator = finding_indicator (findings, i);

      if (g_strcmp0 (kensho_indicator_get_division (indicator), division) == 0)
        in_division++;
      else
        other = indicator;
    }
  g_assert_nonnull (other);

  kensho_checks_panel_set_division (KENSHO_CHECKS_PANEL (panel), division);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, in_division);
  kensho_indicator_set_division (other, division);
  full = kensho_sheet_run_checks (sheet);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (full)), ==, 3);
  kensho_checks_panel_refresh (KENSHO_CHECKS_PANEL (panel));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, in_division + 1);

  kensho_checks_panel_set_sheet (KENSHO_CHECKS_PANEL (panel), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static KenshoIndicator *
find_indicator (KenshoSheet *sheet, const char *name)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (kensho_indicator_get_name (indicators->pdata[i]), name) == 0)
      return indicators->pdata[i];
  g_assert_not_reached ();
}

static void
test_form_shows_achievement_and_rules (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  g_autoptr(KenshoRatingScale) ibaraki = kensho_rating_scale_new_preset ("ibaraki");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *form = kensho_indicator_form_new ();
  KenshoIndicator *jobs = find_indicator (sheet, "新規求人数");
  KenshoIndicator *bus = find_indicator (sheet, "コミュニティバス利用者数");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *acknowledge;

  gtk_window_set_child (GTK_WINDOW (window), form);
  gtk_window_present (GTK_WINDOW (window));
  kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (form), jobs, TRUE);
  wait_idle ();
  collect_label_texts (form, text);
  /* 1,472 of 1,594; 1,472 of the final 1,630. */
  g_assert_nonnull (strstr (text->str, "92.3% against this year’s target · 90.3% towards the final target"));
  g_assert_nonnull (strstr (text->str, "Nothing to report."));
  /* Isesaki's scale has no rules: nothing is suggested. */
  g_assert_null (strstr (text->str, "The rules suggest"));

  /* A finding acknowledged from the form, undoably. */
  kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (form), bus, TRUE);
  wait_idle ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  wait_drawn (window);
  save_screenshot (window, "form-checks.png");
  acknowledge = GTK_WIDGET (find_labelled_button (form, "Acknowledge"));
  g_assert_nonnull (acknowledge);
  g_signal_emit_by_name (acknowledge, "clicked");
  wait_idle ();
  g_assert_true (kensho_indicator_get_acknowledged (bus, "final-below-baseline"));
  g_string_truncate (text, 0);
  collect_label_texts (form, text);
  g_assert_nonnull (strstr (text->str, "Acknowledged: Final target behind the baseline"));
  g_assert_true (kensho_undo_stack_can_undo (undo));
  kensho_undo_stack_undo (undo);
  g_assert_false (kensho_indicator_get_acknowledged (bus, "final-below-baseline"));
  kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (form), jobs, TRUE);
  wait_idle ();


  /* With 茨城県's scale and method: 1,472 against the 1,596.5 expected
   * halfway from 1,563 to 1,630 is negative progress: C. Choosing A is
   * pointed out, and the choice stays. */
  kensho_sheet_set_achievement_method (sheet, KENSHO_ACHIEVEMENT_EXPECTED);
  kensho_sheet_set_rating_scale (sheet, ibaraki);
  kensho_indicator_set_rating_id (jobs, 2023, "a");
  wait_idle ();
  g_string_truncate (text, 0);
  collect_label_texts (form, text);
  g_assert_nonnull (strstr (text->str, "of the value expected this year (expected 1,596.5件)"));
  g_assert_nonnull (strstr (text->str, "The rules suggest “C”; the rating chosen disagrees."));
  g_assert_nonnull (strstr (text->str, "Rated “A” (100% or more), but the achievement is "));
  g_assert_cmpstr (kensho_indicator_get_rating_id (jobs, 2023), ==, "a");

  /* Taking the suggestion is one click, and one undo step. */
  {
    GtkWidget *use = GTK_WIDGET (find_labelled_button (form, "Rate “C”"));

    g_assert_nonnull (use);
    g_assert_true (gtk_widget_get_visible (use));
    g_signal_emit_by_name (use, "clicked");
    wait_idle ();
    g_assert_cmpstr (kensho_indicator_get_rating_id (jobs, 2023), ==, "c");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_labelled_button (form, "Rate “C”"))));
    g_string_truncate (text, 0);
    collect_label_texts (form, text);
    g_assert_nonnull (strstr (text->str, "The rules suggest “C”.\n"));
    g_assert_null (strstr (text->str, "disagrees"));
    kensho_undo_stack_undo (undo);
    g_assert_cmpstr (kensho_indicator_get_rating_id (jobs, 2023), ==, "a");
  }

  kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (form), NULL, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static KenshoWindow *
open_sample_window (const char *copy_name)
{
  KenshoWindow *window = test_open_sample_copy (the_app, copy_name);

  wait_idle ();
  return window;
}

static void
test_finding_jumps_to_field (void)
{
  KenshoWindow *window = open_sample_window ("jump.xml");
  KenshoStrategyTree *tree = kensho_window_get_tree (window);
  KenshoChecksPanel *panel;
  g_autoptr(KenshoFinding) finding = NULL;
  GtkListView *list;
  GtkWidget *focus;

  panel = KENSHO_CHECKS_PANEL (find_of_type (GTK_WIDGET (window), KENSHO_TYPE_CHECKS_PANEL));
  g_assert_nonnull (panel);
  g_assert_cmpuint (g_list_model_get_n_items (kensho_checks_panel_get_findings (panel)), ==, 3);
  finding = g_list_model_get_item (kensho_checks_panel_get_findings (panel), 2);
  g_assert_cmpstr (kensho_indicator_get_name (kensho_finding_get_indicator (finding)), ==, "鉄道利用者数");

  /* Even hidden by a search, the indicator is shown and its field focused. */
  kensho_strategy_tree_set_search (tree, "新規求人数");
  g_assert_false (kensho_strategy_tree_node_is_visible (tree, KENSHO_NODE (kensho_finding_get_indicator (finding))));
  list = GTK_LIST_VIEW (find_of_type (GTK_WIDGET (panel), GTK_TYPE_LIST_VIEW));
  g_signal_emit_by_name (list, "activate", 2);
  wait_idle ();
  g_assert_true (kensho_strategy_tree_get_selected (tree) == KENSHO_NODE (kensho_finding_get_indicator (finding)));
  g_assert_true (kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (kensho_window_get_form (window)))
                 == kensho_finding_get_indicator (finding));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  /* The focus is in the value's cell (the GtkText inside its entry). */
  g_assert_true (GTK_IS_TEXT (focus));
  focus = gtk_widget_get_parent (focus);
  g_assert_true (GTK_IS_ENTRY (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "430万人 (令和8年度)");

  kensho_window_close_for_quit (window);
  wait_idle ();
}

static gboolean
is_drop_down_with_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The division filter of the search bar narrows the checks as it narrows
 * the tree. */
static void
test_panel_follows_division_filter (void)
{
  KenshoWindow *window = open_sample_window ("division-checks.xml");
  KenshoChecksPanel *panel = KENSHO_CHECKS_PANEL (find_of_type (GTK_WIDGET (window), KENSHO_TYPE_CHECKS_PANEL));
  GListModel *findings = kensho_checks_panel_get_findings (panel);
  GtkDropDown *division = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window), is_drop_down_with_tooltip,
                                                      "Show only one division’s indicators"));
  const char *const *divisions = kensho_sheet_get_divisions (kensho_window_get_sheet (window));
  guint traffic = g_strv_length ((char **) divisions);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 3);
  for (guint i = 0; divisions[i] != NULL; i++)
    if (g_str_equal (divisions[i], "交通政策課"))
      traffic = i;
  g_assert_cmpuint (traffic, <, g_strv_length ((char **) divisions));

  gtk_drop_down_set_selected (division, traffic + 1);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpstr (kensho_indicator_get_division (kensho_finding_get_indicator (finding)), ==, "交通政策課");
    }
  /* A division without findings says so. */
  gtk_drop_down_set_selected (division, 1);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);

  gtk_drop_down_set_selected (division, 0);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 3);
  kensho_window_close_for_quit (window);
  wait_idle ();
}

static void
test_overview_page (void)
{
  KenshoWindow *window = open_sample_window ("overview.xml");
  KenshoOverviewPage *page;
  KenshoOverview *overview;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkListBox *delayed;
  GtkWidget *focus;
  guint n_rows = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.overview", NULL);
  wait_idle ();
  page = KENSHO_OVERVIEW_PAGE (kensho_window_get_form (window));
  g_assert_true (KENSHO_IS_OVERVIEW_PAGE (page));
  overview = kensho_overview_page_get_overview (page);
  g_assert_nonnull (overview);
  g_assert_cmpuint (kensho_overview_get_n_rows (overview), ==, 10);

  collect_label_texts (GTK_WIDGET (page), text);
  /* Numerical targets and KPIs apart, each count with its share. */
  g_assert_nonnull (strstr (text->str, "Numerical targets\nWhole sheet\n1 (16.7%)\n2 (33.3%)\n3 (50.0%)\n0 (0.0%)\n6\n"
                                       "1 しごとの創生\n0 (0.0%)\n1 (50.0%)\n1 (50.0%)\n0 (0.0%)\n2\n"));
  g_assert_nonnull (strstr (text->str, "KPIs\nWhole sheet\n14 (34.1%)\n13 (31.7%)\n14 (34.1%)\n0 (0.0%)\n41\n"
                                       "1 しごとの創生\n6 (40.0%)\n6 (40.0%)\n3 (20.0%)\n0 (0.0%)\n15\n"));
  g_assert_nonnull (strstr (text->str, "Delayed indicators (17)"));
  g_assert_nonnull (strstr (text->str, "新技術・新製品等の開発数 — 進捗の遅れ\nコロナ禍の影響による"));
  /* A chart of each kind, under its heading. */
  g_assert_nonnull (strstr (text->str, "\nNumerical targets\nKPIs\nDelayed indicators (17)"));
  {
    GtkWidget *chart = find_of_type (GTK_WIDGET (page), GTK_TYPE_DRAWING_AREA);

    g_assert_nonnull (chart);
    g_assert_true (GTK_IS_DRAWING_AREA (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (chart))));
  }
  delayed = GTK_LIST_BOX (find_of_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
  while (gtk_list_box_get_row_at_index (delayed, (int) n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 17);
  /* Print Summary prints the summary page alone. */
  {
    GtkWidget *print = find_button_with_tooltip (GTK_WIDGET (page),
                                                 "Print the ratings and the delayed indicators as a summary page");

    g_assert_nonnull (print);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (print)), ==, "win.print-summary");
  }
  wait_drawn (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "overview-page.png");

  /* A delayed indicator opens at its reason. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (delayed, 0)));
  wait_idle ();
  g_assert_cmpstr (kensho_node_get_title (kensho_strategy_tree_get_selected (kensho_window_get_tree (window))),
                   ==, "新技術・新製品等の開発数");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  save_screenshot (GTK_WIDGET (window), "overview-to-indicator.png");

  /* The page follows edits. */
  kensho_indicator_set_rating_id (KENSHO_INDICATOR (kensho_strategy_tree_get_selected (kensho_window_get_tree (window))),
                                  2023, "on-track");
  kensho_overview_page_refresh (page);
  g_assert_cmpuint (kensho_overview_get_count (kensho_overview_page_get_overview (page), 0, 0), ==, 16);
  g_assert_cmpuint (kensho_overview_get_delayed (kensho_overview_page_get_overview (page))->len, ==, 16);

  /* Each row opens its own indicator, the last one too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.overview", NULL);
  wait_idle ();
  g_assert_true (kensho_window_get_form (window) == GTK_WIDGET (page));
  g_assert_null (gtk_list_box_get_row_at_index (delayed, 16));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (delayed, 15)));
  wait_idle ();
  g_assert_true (kensho_strategy_tree_get_selected (kensho_window_get_tree (window)) ==
                 g_ptr_array_index (kensho_overview_get_delayed (kensho_overview_page_get_overview (page)), 15));

  kensho_window_close_for_quit (window);
  wait_idle ();
}

static guint
count_expander_rows (GtkWidget *widget)
{
  guint n = ADW_IS_EXPANDER_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_expander_rows (child);
  return n;
}

/* The first "a delay" switch: a suffix of an action row, not the
 * expander row's own switch. */
static GtkSwitch *
find_delay_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget) && gtk_widget_is_visible (widget) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW) != NULL)
    return GTK_SWITCH (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_delay_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rating_scale_editor (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *editor = kensho_rating_scale_editor_new (sheet);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *remove;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (editor));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  g_assert_cmpuint (count_expander_rows (editor), ==, 3);
  /* Every rating of Isesaki's scale is given: none can be removed. */
  remove = GTK_WIDGET (find_labelled_button (editor, "Remove"));
  g_assert_nonnull (remove);
  g_assert_false (gtk_widget_get_sensitive (remove));

  /* The first row's label and its switch edit the first rating. */
  {
    KenshoRating *first = kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), 0);
    GtkSwitch *delayed = find_delay_switch (editor);
    gboolean was_delayed = kensho_rating_get_delayed (first);

    gtk_editable_set_text (GTK_EDITABLE (find_of_type (editor, ADW_TYPE_ENTRY_ROW)), "とても順調");
    g_assert_cmpstr (kensho_rating_get_label (first), ==, "とても順調");
    gtk_switch_set_active (delayed, !gtk_switch_get_active (delayed));
    g_assert_cmpint (kensho_rating_get_delayed (first), !=, was_delayed);
    kensho_undo_stack_undo (undo);
    kensho_undo_stack_undo (undo);
    wait_idle ();
    first = kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), 0);
    g_assert_cmpstr (kensho_rating_get_label (first), !=, "とても順調");
  }

  /* 茨城県's preset: its four ratings and method, Isesaki's three kept. */
  kensho_rating_scale_editor_apply_preset (KENSHO_RATING_SCALE_EDITOR (editor), "ibaraki");
  wait_idle ();
  g_assert_cmpint (kensho_sheet_get_achievement_method (sheet), ==, KENSHO_ACHIEVEMENT_EXPECTED);
  g_assert_cmpuint (count_expander_rows (editor), ==, 7);
  collect_label_texts (editor, text);
  g_assert_nonnull (strstr (text->str, "Kept because indicators still give them: 順調に進捗、概ね順調に進捗、進捗の遅れ."));
  g_assert_nonnull (strstr (text->str, "80% to under 100%"));
  g_assert_nonnull (strstr (text->str, "under 50% · a delay"));
  g_assert_nonnull (strstr (text->str, "Against the expected value of the year"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_of_type (editor, ADW_TYPE_EXPANDER_ROW)), TRUE);
  wait_drawn (window);
  save_screenshot (window, "rating-scale-editor.png");

  /* Ratings move, best first, one step each. */
  g_signal_emit_by_name (find_button_with_tooltip (editor, "Move down (worse)"), "clicked");
  wait_idle ();
  g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), 0)),
                   ==, "B+");
  g_assert_cmpuint (count_expander_rows (editor), ==, 7);
  kensho_undo_stack_undo (undo);
  wait_idle ();
  g_assert_cmpstr (kensho_rating_get_label (kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), 0)),
                   ==, "A");

  /* One step undoes it all. */
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Apply a city’s rating scale");
  kensho_undo_stack_undo (undo);
  wait_idle ();
  g_assert_cmpint (kensho_sheet_get_achievement_method (sheet), ==, KENSHO_ACHIEVEMENT_RATIO);
  g_assert_cmpuint (kensho_rating_scale_get_n_ratings (kensho_sheet_get_rating_scale (sheet)), ==, 3);
  g_assert_cmpuint (count_expander_rows (editor), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("checks-panel");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add_func ("/checks-panel/lists-and-follows-the-sheet", test_panel_lists_and_follows_the_sheet);
  g_test_add_func ("/checks-panel/follows-divisions", test_panel_follows_divisions);
  g_test_add_func ("/checks-panel/form-shows-achievement-and-rules", test_form_shows_achievement_and_rules);
  g_test_add_func ("/checks-panel/finding-jumps-to-field", test_finding_jumps_to_field);
  g_test_add_func ("/checks-panel/rating-scale-editor", test_rating_scale_editor);
  g_test_add_func ("/checks-panel/overview-page", test_overview_page);
  g_test_add_func ("/checks-panel/follows-division-filter", test_panel_follows_division_filter);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
