/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table of all indicators (Ctrl+T), with real widgets under Xvfb: one
 * row per indicator, sorting, the tree's filters, values and ratings
 * edited in place and undone with Ctrl+Z, a row opening its form, and a
 * sheet of 10,000 indicators. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-application.h"
#include "kensho-indicator-form.h"
#include "kensho-indicator-table.h"
#include "kensho-sheet-xml.h"
#include "kensho-window.h"
#include "test-app.h"
#include "test-gtk-util.h"
#include "test-sample.h"

static KenshoApplication *the_app;

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds (test-gtk-util.h's wait_for,
 * for a condition with data). */
static void
wait_until (Condition condition, gpointer data)
{
  wait_for (condition (data));
}

typedef struct
{
  KenshoWindow *window;
  KenshoIndicatorTable *table;
  KenshoSheet *sheet;
} Fixture;

typedef struct
{
  GType type;
  const char *tooltip;
} TypedTooltip;

static gboolean
is_typed_with_tooltip (GtkWidget *widget, gconstpointer data)
{
  const TypedTooltip *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (widget), wanted->tooltip) == 0);
}

/* The first widget of @type under @root with that tooltip (any, if NULL). */
static GtkWidget *
find_with_tooltip (GtkWidget *root, GType type, const char *tooltip)
{
  TypedTooltip wanted = { type, tooltip };

  return find_widget (root, is_typed_with_tooltip, &wanted);
}

static const char *
shown_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (fixture->table))));
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus ? focus : GTK_WIDGET (fixture->window);
}

static gboolean
table_is_mapped (gpointer data)
{
  Fixture *fixture = data;

  return fixture->table != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->table));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *name = g_strdup_printf ("%s.xml", g_test_get_path () + 1);

  fixture->window = test_open_sample_copy (the_app, g_strdelimit (name, "/", '-'));
  fixture->sheet = kensho_window_get_sheet (fixture->window);

  /* Ctrl+T shows the table in place of the tree and form. */
  g_assert_null (find_with_tooltip (GTK_WIDGET (fixture->window), KENSHO_TYPE_INDICATOR_TABLE, NULL));
  g_assert_true (press_key_from (focus_of (fixture), GDK_KEY_t, GDK_CONTROL_MASK));
  fixture->table = KENSHO_INDICATOR_TABLE (find_with_tooltip (GTK_WIDGET (fixture->window),
                                                        KENSHO_TYPE_INDICATOR_TABLE, NULL));
  g_assert_nonnull (fixture->table);
  wait_until (table_is_mapped, fixture);
  g_assert_cmpstr (shown_page (fixture), ==, "table");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  kensho_window_close_for_quit (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static KenshoIndicator *
row (Fixture *fixture, guint position)
{
  g_autoptr(KenshoIndicator) indicator = g_list_model_get_item (kensho_indicator_table_get_rows (fixture->table),
                                                                position);

  return indicator;
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (kensho_indicator_table_get_rows (fixture->table));
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

static GtkColumnViewColumn *
column (Fixture *fixture, guint position)
{
  GListModel *columns = gtk_column_view_get_columns (kensho_indicator_table_get_view (fixture->table));
  g_autoptr(GtkColumnViewColumn) found = g_list_model_get_item (columns, position);

  return found;
}

static void
test_rows_are_indicators (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (fixture->sheet);
  static const char *const titles[] = {
    "Indicator", "Kind", "Responsible division", "Progress rating", "Achievement", "Baseline (令和元年度)",
    "令和4年度 actual", "令和5年度 actual", "令和5年度 target", "Final-year target (令和9年度)",
    "① Activities", "② Issues", "③ Next steps",
  };

  /* One row per indicator, in the sheet's order until sorted. */
  g_assert_cmpuint (n_rows (fixture), ==, 47);
  for (guint i = 0; i < indicators->len; i++)
    g_assert_true (row (fixture, i) == indicators->pdata[i]);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (gtk_column_view_column_get_title (column (fixture, i)), ==, titles[i]);
  save_screenshot (GTK_WIDGET (fixture->window), "indicator-table.png");

  /* The columns follow the year shown. */
  kensho_sheet_set_fiscal_year (fixture->sheet, 2024);
  g_assert_cmpstr (gtk_column_view_column_get_title (column (fixture, 7)), ==, "令和6年度 actual");
  kensho_sheet_set_fiscal_year (fixture->sheet, 2023);

  /* Ctrl+T again goes back to the tree. */
  g_assert_true (press_key_from (focus_of (fixture), GDK_KEY_t, GDK_CONTROL_MASK));
  g_assert_cmpstr (shown_page (fixture), ==, "sheet");
}

static double
actual_of (KenshoIndicator *indicator)
{
  const KenshoValue *value = kensho_series_get_actual (kensho_indicator_get_series (indicator, 0), 2023);
  gboolean ok = FALSE;
  double number = value ? kensho_value_to_double (value, &ok) : 0;

  return ok ? number : -G_MAXDOUBLE;
}

static void
test_sorting (Fixture *fixture, gconstpointer data)
{
  GtkColumnView *view = kensho_indicator_table_get_view (fixture->table);
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (fixture->sheet);

  /* This year’s actual, largest number first; texts and empty cells last. */
  gtk_column_view_sort_by_column (view, column (fixture, 7), GTK_SORT_DESCENDING);
  g_assert_cmpuint (n_rows (fixture), ==, 47);
  for (guint i = 1; i < n_rows (fixture); i++)
    g_assert_cmpfloat (actual_of (row (fixture, i - 1)), >=, actual_of (row (fixture, i)));
  g_assert_cmpfloat (actual_of (row (fixture, 0)), >, actual_of (row (fixture, 46)));

  /* By name, as the system collates. */
  gtk_column_view_sort_by_column (view, column (fixture, 0), GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_rows (fixture); i++)
    {
      g_autofree char *a = g_utf8_casefold (kensho_indicator_get_name (row (fixture, i - 1)), -1);
      g_autofree char *b = g_utf8_casefold (kensho_indicator_get_name (row (fixture, i)), -1);

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }

  /* By rating: the best first, the delayed last. */
  gtk_column_view_sort_by_column (view, column (fixture, 3), GTK_SORT_ASCENDING);
  g_assert_cmpstr (kensho_indicator_get_rating_id (row (fixture, 0), 2023), ==,
                   kensho_rating_get_id (kensho_rating_scale_get_rating (scale, 0)));
  g_assert_cmpstr (kensho_indicator_get_rating_id (row (fixture, 46), 2023), ==, "delayed");
  g_assert_cmpstr (kensho_indicator_get_rating_id (row (fixture, 30), 2023), ==, "delayed");
  g_assert_cmpstr (kensho_indicator_get_rating_id (row (fixture, 29), 2023), !=, "delayed");
}

static gboolean
has_n_rows (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];

  return n_rows (fixture) == GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

static void
wait_for_rows (Fixture *fixture, guint n)
{
  gpointer data[] = { fixture, GUINT_TO_POINTER (n) };

  wait_until (has_n_rows, data);
}

/* The search bar's division, rating and search narrow the table as they
 * narrow the tree. */
static void
test_filtering (Fixture *fixture, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkDropDown *division = GTK_DROP_DOWN (find_with_tooltip (root, GTK_TYPE_DROP_DOWN, "Show only one division’s indicators"));
  GtkDropDown *rating = GTK_DROP_DOWN (find_with_tooltip (root, GTK_TYPE_DROP_DOWN, "Show only indicators with this rating"));
  /* The search bar's entry: drop-downs hold hidden search entries too. */
  GtkEditable *search = GTK_EDITABLE (find_with_tooltip (find_with_tooltip (root, GTK_TYPE_SEARCH_BAR, NULL),
                                                   GTK_TYPE_SEARCH_ENTRY, NULL));
  const char *const *divisions = kensho_sheet_get_divisions (fixture->sheet);
  guint invite = 0;

  while (!g_str_equal (divisions[invite], "企業誘致課"))
    invite++;
  gtk_drop_down_set_selected (division, invite + 1);
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (kensho_indicator_get_division (row (fixture, i)), ==, "企業誘致課");
  gtk_drop_down_set_selected (division, 0);
  g_assert_cmpuint (n_rows (fixture), ==, 47);

  /* 進捗の遅れ, the scale's third rating. */
  gtk_drop_down_set_selected (rating, 3);
  g_assert_cmpuint (n_rows (fixture), ==, 17);
  /* A row rated away from the filter leaves it, as in the tree. */
  kensho_indicator_set_rating_id (row (fixture, 0), 2023, "on-track");
  g_assert_cmpuint (n_rows (fixture), ==, 16);
  gtk_drop_down_set_selected (rating, 0);

  /* The search looks into the commentary, as the tree's does. */
  gtk_editable_set_text (search, "ビジネスマッチング");
  wait_for_rows (fixture, 2);
  gtk_editable_set_text (search, "");
  wait_for_rows (fixture, 47);
}

static gboolean
cell_is_bound (gpointer data)
{
  gpointer *args = data;

  return kensho_indicator_table_get_cell (args[0], args[1], args[2]) != NULL;
}

static GtkWidget *
wait_for_cell (Fixture *fixture, KenshoIndicator *indicator, const char *column_id)
{
  gpointer args[] = { fixture->table, indicator, (gpointer) column_id };

  wait_until (cell_is_bound, args);
  return kensho_indicator_table_get_cell (fixture->table, indicator, column_id);
}

static void
count_changes (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* A value typed in place reaches the model through its setter, as one
 * undo step that Ctrl+Z in the table takes back; so does a rating. The
 * rows keep their widgets. */
static void
test_edit_in_place_and_undo (Fixture *fixture, gconstpointer data)
{
  KenshoIndicator *jobs = find_indicator (fixture->sheet, "新規求人数");
  KenshoUndoStack *undo = kensho_window_get_undo_stack (fixture->window);
  GtkWidget *cell = wait_for_cell (fixture, jobs, "actual");
  GtkWidget *rating;
  guint changes = 0;

  g_signal_connect (kensho_indicator_table_get_rows (fixture->table), "items-changed",
                    G_CALLBACK (count_changes), &changes);
  g_assert_true (GTK_IS_TEXT (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,472件");
  g_assert_false (kensho_undo_stack_can_undo (undo));

  /* Typed into the cell, committed with Enter; a bare number takes the
   * indicator's unit, as in the form. */
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "1500");
  g_assert_cmpfloat (actual_of (jobs), ==, 1472);
  g_signal_emit_by_name (cell, "activate");
  g_assert_cmpfloat (actual_of (jobs), ==, 1500);
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Edit value");
  /* The cell shows the value as the model writes it, in the same widget. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,500件");
  g_assert_true (kensho_indicator_table_get_cell (fixture->table, jobs, "actual") == cell);

  /* Ctrl+Z in the cell: the app's undo, not the text's own. */
  g_assert_true (focus_of (fixture) == cell);
  g_assert_true (press_key_from (focus_of (fixture), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpfloat (actual_of (jobs), ==, 1472);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,472件");
  g_assert_false (kensho_undo_stack_can_undo (undo));

  /* The rating, from its button's list: 概ね順調に進捗 to 進捗の遅れ. The
   * list opens on the current rating, for the keyboard. */
  rating = wait_for_cell (fixture, jobs, "rating");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rating)), ==, "概ね順調に進捗");
  g_signal_emit_by_name (rating, "clicked");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus_of (fixture))), ==, "概ね順調に進捗");
  g_signal_emit_by_name (find_labelled_button (rating, "進捗の遅れ"), "clicked");
  g_assert_cmpstr (kensho_indicator_get_rating_id (jobs, 2023), ==, "delayed");
  g_assert_cmpstr (kensho_undo_stack_get_undo_label (undo), ==, "Change rating");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rating)), ==, "進捗の遅れ");
  g_assert_true (press_key_from (focus_of (fixture), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (kensho_indicator_get_rating_id (jobs, 2023), ==, "mostly-on-track");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rating)), ==, "概ね順調に進捗");

  /* What cannot be read is marked at the cell when it is left, and kept
   * out of the model; Escape takes it back. */
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "1,5x0件");
  gtk_widget_grab_focus (rating);
  g_assert_cmpfloat (actual_of (jobs), ==, 1472);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,5x0件");
  g_assert_false (kensho_undo_stack_can_undo (undo));
  gtk_widget_grab_focus (cell);
  g_assert_true (press_key_from (cell, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,472件");
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (cell));

  /* Typed, then taken back with Escape: the model never saw it. */
  gtk_editable_set_text (GTK_EDITABLE (cell), "1600");
  g_assert_true (press_key_from (cell, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,472件");
  gtk_widget_grab_focus (rating);
  g_assert_cmpfloat (actual_of (jobs), ==, 1472);
  g_assert_false (kensho_undo_stack_can_undo (undo));

  /* Edits changed cells, never the rows. */
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_func (kensho_indicator_table_get_rows (fixture->table), count_changes, &changes);
}

/* Activating a row (Enter, double click) opens its indicator's form. */
static void
test_row_opens_form (Fixture *fixture, gconstpointer data)
{
  KenshoIndicator *indicator = row (fixture, 5);
  GtkWidget *form;

  g_signal_emit_by_name (kensho_indicator_table_get_view (fixture->table), "activate", 5);
  g_assert_cmpstr (shown_page (fixture), ==, "sheet");
  form = kensho_window_get_form (fixture->window);
  g_assert_true (KENSHO_IS_INDICATOR_FORM (form));
  g_assert_true (kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (form)) == indicator);
  g_assert_true (kensho_strategy_tree_get_selected (kensho_window_get_tree (fixture->window)) == KENSHO_NODE (indicator));

  /* A click on a name, or Enter on it, does the same. */
  g_assert_true (press_key_from (focus_of (fixture), GDK_KEY_t, GDK_CONTROL_MASK));
  g_assert_cmpstr (shown_page (fixture), ==, "table");
  indicator = row (fixture, 0);
  g_signal_emit_by_name (wait_for_cell (fixture, indicator, "name"), "clicked");
  g_assert_cmpstr (shown_page (fixture), ==, "sheet");
  form = kensho_window_get_form (fixture->window);
  g_assert_true (kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (form)) == indicator);
}

/* A sheet open read-only (someone else has it) is looked at, not edited,
 * in the table too. */
static void
test_read_only (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  GtkWidget *window = gtk_window_new ();
  KenshoIndicatorTable *table = KENSHO_INDICATOR_TABLE (kensho_indicator_table_new ());
  KenshoIndicator *jobs = find_indicator (sheet, "新規求人数");
  GtkWidget *cell, *rating;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  kensho_indicator_table_set_sheet (table, sheet);
  kensho_indicator_table_set_editable (table, FALSE);
  {
    gpointer args[] = { table, jobs, "rating" };

    wait_until (cell_is_bound, args);
  }
  cell = kensho_indicator_table_get_cell (table, jobs, "actual");
  rating = kensho_indicator_table_get_cell (table, jobs, "rating");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell)));
  g_assert_false (gtk_widget_get_sensitive (rating));
  gtk_editable_set_text (GTK_EDITABLE (cell), "1,500件");
  g_signal_emit_by_name (cell, "activate");
  g_signal_emit_by_name (rating, "clicked");
  g_assert_null (find_labelled_button (rating, "進捗の遅れ"));
  g_assert_cmpfloat (actual_of (jobs), ==, 1472);
  g_assert_cmpstr (kensho_indicator_get_rating_id (jobs, 2023), ==, "mostly-on-track");
  g_assert_false (kensho_undo_stack_can_undo (undo));

  /* Once it may be edited, the cells are editable again. */
  kensho_indicator_table_set_editable (table, TRUE);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (cell)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,472件");
  g_assert_true (gtk_widget_get_sensitive (rating));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Large sheets ------------------------------------------------------------ */

static guint frames;

static void
count_painted_frame (GdkFrameClock *clock, gpointer data)
{
  frames++;
}

static gboolean
frame_drawn (gpointer before)
{
  return frames != GPOINTER_TO_UINT (before);
}

static void
wait_for_frame (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  wait_until (frame_drawn, GUINT_TO_POINTER (frames));
}

/* The sample's indicators copied into their own measures and sub-goals
 * until the sheet holds @n. */
static KenshoSheet *
make_large_sheet (guint n)
{
  KenshoSheet *sheet = load_sample ();
  g_autoptr(GPtrArray) originals = kensho_sheet_dup_indicators (sheet);
  guint total = originals->len;

  for (guint i = 0; total < n; i++, total++)
    {
      KenshoIndicator *original = originals->pdata[i % originals->len];
      g_autoptr(KenshoIndicator) copy = kensho_indicator_copy (original);

      kensho_node_set_id (KENSHO_NODE (copy), NULL);
      g_assert_true (kensho_node_append (kensho_node_get_parent (KENSHO_NODE (original)), KENSHO_NODE (copy), NULL));
    }
  return sheet;
}

/* 10,000 indicators: the table opens, sorts and takes an edit without
 * rebuilding its rows; the times are printed for the record. */
static void
test_large_sheet (void)
{
  g_autoptr(KenshoSheet) sheet = make_large_sheet (10000);
  g_autoptr(KenshoUndoStack) undo = kensho_undo_stack_new (sheet);
  GtkWidget *window = gtk_window_new ();
  KenshoIndicatorTable *table = KENSHO_INDICATOR_TABLE (kensho_indicator_table_new ());
  GListModel *rows = kensho_indicator_table_get_rows (table);
  GtkColumnView *view = kensho_indicator_table_get_view (table);
  g_autoptr(GtkColumnViewColumn) actual = g_list_model_get_item (gtk_column_view_get_columns (view), 7);
  KenshoIndicator *first = NULL;
  GtkWidget *cell = NULL;
  gint64 start;
  guint changes = 0;
  g_autoptr(KenshoValue) value = kensho_value_parse ("1234", NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  wait_until ((Condition) gtk_widget_get_mapped, window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (count_painted_frame), NULL);

  start = g_get_monotonic_time ();
  kensho_indicator_table_set_sheet (table, sheet);
  wait_for_frame (window);
  g_test_message ("10,000 indicators: shown in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10000);

  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (view, actual, GTK_SORT_DESCENDING);
  wait_for_frame (window);
  g_test_message ("10,000 indicators: sorted by this year's actual in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* A row on screen, wherever the sort left the view. */
  for (guint i = 0; cell == NULL && i < g_list_model_get_n_items (rows); i++)
    {
      first = g_list_model_get_item (rows, i);
      g_object_unref (first);
      cell = kensho_indicator_table_get_cell (table, first, "actual");
    }
  g_assert_nonnull (cell);
  g_signal_connect (rows, "items-changed", G_CALLBACK (count_changes), &changes);
  start = g_get_monotonic_time ();
  kensho_series_set_actual (kensho_indicator_get_series (first, 0), 2023, value);
  wait_for_frame (window);
  g_test_message ("10,000 indicators: an edit shown in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,234");
  g_assert_true (kensho_indicator_table_get_cell (table, first, "actual") == cell);
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_func (rows, count_changes, &changes);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("indicator-table");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add ("/indicator-table/rows-are-indicators", Fixture, NULL, fixture_set_up, test_rows_are_indicators,
              fixture_tear_down);
  g_test_add ("/indicator-table/sorting", Fixture, NULL, fixture_set_up, test_sorting, fixture_tear_down);
  g_test_add ("/indicator-table/filtering", Fixture, NULL, fixture_set_up, test_filtering, fixture_tear_down);
  g_test_add ("/indicator-table/edit-in-place-and-undo", Fixture, NULL, fixture_set_up, test_edit_in_place_and_undo,
              fixture_tear_down);
  g_test_add ("/indicator-table/row-opens-form", Fixture, NULL, fixture_set_up, test_row_opens_form,
              fixture_tear_down);
  g_test_add_func ("/indicator-table/read-only", test_read_only);
  g_test_add_func ("/indicator-table/large-sheet", test_large_sheet);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
