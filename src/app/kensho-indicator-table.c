/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kensho-achievement.h"
#include "kensho-indicator-table.h"

typedef enum
{
  COL_NAME,
  COL_KIND,
  COL_DIVISION,
  COL_RATING,
  COL_ACHIEVEMENT,
  COL_VALUE,                            /* + KenshoColumn */
  COL_COMMENTARY = COL_VALUE + KENSHO_N_COLUMNS, /* + KenshoCommentaryPart */
  N_COLS = COL_COMMENTARY + 3
} Col;

static const char *const column_ids[N_COLS] = {
  "name", "kind", "division", "rating", "achievement",
  "baseline", "previous-actual", "actual", "target", "final-target",
  "activities", "issues", "next-steps",
};

/* Commentary cells show the beginning only: whole texts run to thousands
 * of characters, and a row is one line. */
#define EXCERPT_CHARS 120

struct _KenshoIndicatorTable
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkColumnView *view;
  GtkColumnViewColumn *columns[N_COLS];
  GListStore *store;            /* KenshoIndicator, in document order */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkStringList *ratings;       /* "Not rated", then the scale's labels */
  GHashTable *cells;            /* GtkListItem → its TableCell, from setup to teardown */

  KenshoSheet *sheet;
  gulong changed_handler;
  gboolean updating;
  gboolean read_only;           /* someone else has the file: look only */
};

G_DEFINE_FINAL_TYPE (KenshoIndicatorTable, kensho_indicator_table, GTK_TYPE_WIDGET)

enum { INDICATOR_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A list item's cell: its column, and what a value cell says while it is
 * typed into. Its widget's handlers hold a reference each, and so does the
 * table's map of the items set up. */
typedef struct
{
  KenshoIndicatorTable *self;
  GtkListItem *item; /* a weak pointer: the item holds the cell's widget */
  Col col;
  gboolean bound;
  gboolean typed;    /* what is typed is not committed yet */
  char *error;       /* why what was typed cannot be read */
} TableCell;

static void
table_cell_clear (gpointer data)
{
  TableCell *c = data;

  if (c->item != NULL)
    g_object_remove_weak_pointer (G_OBJECT (c->item), (gpointer *) &c->item);
  g_free (c->error);
}

static void
table_cell_release (gpointer data)
{
  g_rc_box_release_full (data, table_cell_clear);
}

static void
table_cell_release_closure (gpointer data, GClosure *closure)
{
  table_cell_release (data);
}

/* Each handler holds the cell; once its list item is gone (a closing
 * window may finalize it before the cell's widget) they do nothing. */
static void
connect_cell (gpointer instance, const char *signal, GCallback callback, TableCell *c)
{
  g_signal_connect_data (instance, signal, callback, g_rc_box_acquire (c), table_cell_release_closure, 0);
}

/* The cells shown, bound to a row's indicator. */
static gboolean
table_cell_shown (TableCell *c)
{
  return c->bound && c->item != NULL;
}

static int
fiscal_year_of (KenshoIndicator *indicator)
{
  KenshoSheet *sheet = kensho_node_get_sheet (KENSHO_NODE (indicator));

  return sheet ? kensho_sheet_get_fiscal_year (sheet) : 0;
}

/* Cells ------------------------------------------------------------------ */

static void
set_inscription (GtkWidget *widget, const char *text)
{
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text ? text : "") != 0)
    gtk_inscription_set_text (GTK_INSCRIPTION (widget), text ? text : "");
}

static void
set_label (GtkWidget *widget, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text ? text : "") != 0)
    gtk_label_set_text (GTK_LABEL (widget), text ? text : "");
}

/* The first EXCERPT_CHARS characters, on one line. */
static char *
dup_excerpt (const char *text)
{
  char *excerpt;

  if (text == NULL)
    return NULL;
  excerpt = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), EXCERPT_CHARS));
  return g_strdelimit (excerpt, "\r\n\t", ' ');
}

/* The mark and its tooltip are set only when they change: setting a
 * tooltip at every bind made a far jump among 10,000 rows much slower. */
static void
set_cell_error (TableCell *c, GtkWidget *cell, const char *message)
{
  if (g_strcmp0 (c->error, message) == 0)
    return;
  g_free (c->error);
  c->error = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (cell, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (cell, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_tooltip_text (cell, message);
}

static guint
rating_position (KenshoIndicatorTable *self, KenshoIndicator *indicator)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  const char *id = kensho_indicator_get_rating_id (indicator, kensho_sheet_get_fiscal_year (self->sheet));

  for (guint r = 0; id != NULL && r < kensho_rating_scale_get_n_ratings (scale); r++)
    if (g_strcmp0 (kensho_rating_get_id (kensho_rating_scale_get_rating (scale, r)), id) == 0)
      return r + 1;
  return 0;
}

static void
fill_value (KenshoIndicatorTable *self, TableCell *c, GtkWidget *cell, KenshoIndicator *indicator,
            KenshoColumn column)
{
  g_autofree char *text = NULL;
  gboolean one_series = kensho_indicator_get_n_series (indicator) == 1;
  gboolean editable = one_series && !self->read_only;
  /* What is being typed, or could not be read, stays until committed. */
  gboolean typed = c->typed;

  if (!typed)
    set_cell_error (c, cell, NULL);
  /* Several series (男性, 女性) share a cell here: they are edited in the
   * form, where each has its own box. */
  if (gtk_editable_get_editable (GTK_EDITABLE (cell)) != editable)
    {
      gtk_editable_set_editable (GTK_EDITABLE (cell), editable);
      gtk_widget_set_tooltip_text (cell, one_series || self->read_only ? NULL
                                                                       : _("Values of several series are edited in the form"));
    }
  if (typed)
    return;
  text = kensho_indicator_format_column (indicator, column, kensho_sheet_get_fiscal_year (self->sheet));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (cell), text);
}

static void
fill_cell (TableCell *c)
{
  KenshoIndicatorTable *self = c->self;
  KenshoIndicator *indicator;
  GtkWidget *cell;
  Col col = c->col;
  int fy;

  if (c->item == NULL)
    return;
  indicator = gtk_list_item_get_item (c->item);
  cell = gtk_list_item_get_child (c->item);
  if (indicator == NULL || self->sheet == NULL)
    return;
  fy = kensho_sheet_get_fiscal_year (self->sheet);
  self->updating = TRUE;
  if (col == COL_NAME)
    {
      GtkWidget *name = gtk_button_get_child (GTK_BUTTON (cell));
      const char *text = kensho_indicator_get_name (indicator);

      if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (name)), text ? text : "") != 0)
        {
          set_inscription (name, text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
        }
    }
  else if (col == COL_KIND)
    set_label (cell, kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET
                     ? _("Numerical target") : _("KPI"));
  else if (col == COL_DIVISION)
    set_inscription (cell, kensho_indicator_get_division (indicator));
  else if (col >= COL_VALUE && col < COL_VALUE + KENSHO_N_COLUMNS)
    fill_value (self, c, cell, indicator, col - COL_VALUE);
  else if (col == COL_RATING)
    {
      const char *label = gtk_string_list_get_string (self->ratings, rating_position (self, indicator));

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (cell)), label) != 0)
        gtk_button_set_label (GTK_BUTTON (cell), label);
      gtk_widget_set_sensitive (cell, !self->read_only);
    }
  else if (col == COL_ACHIEVEMENT)
    {
      g_auto(KenshoAchievement) achievement = { 0 };
      g_autofree char *rate = NULL;

      kensho_indicator_summarize_achievement (indicator, self->sheet, &achievement);
      rate = kensho_achievement_format_rate (&achievement);
      set_label (cell, rate);
    }
  else
    {
      g_autofree char *excerpt = dup_excerpt (kensho_indicator_get_commentary (indicator, fy, col - COL_COMMENTARY));

      set_inscription (cell, excerpt);
    }
  self->updating = FALSE;
}

/* A value cell left editing: what was typed goes to the model through its
 * setter, as one undo step; what cannot be read is marked and kept out. */
static void
commit_value (TableCell *c)
{
  KenshoIndicatorTable *self = c->self;
  KenshoIndicator *indicator = c->item ? gtk_list_item_get_item (c->item) : NULL;
  GtkWidget *cell = c->item ? gtk_list_item_get_child (c->item) : NULL;
  KenshoColumn column = c->col - COL_VALUE;
  g_autofree char *text = NULL;
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(GError) error = NULL;
  KenshoSeries *series;
  int fy;

  if (indicator == NULL || self->sheet == NULL || self->read_only || kensho_indicator_get_n_series (indicator) != 1 ||
      !c->typed)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  if (*text != '\0' && (value = kensho_value_parse (text, &error)) == NULL)
    {
      set_cell_error (c, cell, error->message);
      return;
    }
  c->typed = FALSE;
  series = kensho_indicator_get_series (indicator, 0);
  fy = kensho_sheet_get_fiscal_year (self->sheet);
  kensho_indicator_complete_unit (indicator, series, value);
  if (kensho_value_equal (value, kensho_series_get_column (series, column, fy)))
    {
      fill_cell (c);
      return;
    }
  /* The sheet's change shows the value as the model writes it. */
  kensho_series_set_column (series, column, fy, value);
}

static void
on_value_changed (GtkEditable *cell, TableCell *c)
{
  if (c->item != NULL && !c->self->updating && gtk_editable_get_editable (cell))
    c->typed = TRUE;
}

/* Enter, or leaving the cell, commits what was typed. */
static void
on_value_activate (GtkText *cell, TableCell *c)
{
  commit_value (c);
}

static void
on_value_leave (GtkEventControllerFocus *controller, TableCell *c)
{
  commit_value (c);
}

/* Escape takes back what was typed. */
static gboolean
on_value_key (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
              TableCell *c)
{
  if (keyval != GDK_KEY_Escape || c->item == NULL || !c->typed)
    return FALSE;
  c->typed = FALSE;
  fill_cell (c);
  return TRUE;
}

/* One rating of an indicator's popover: what choosing it sets. */
typedef struct
{
  KenshoIndicatorTable *self;
  GtkPopover *popover;
  KenshoIndicator *indicator;
  guint position;
} RatingChoice;

static void
rating_choice_free (gpointer data, GClosure *closure)
{
  RatingChoice *choice = data;

  g_object_unref (choice->indicator);
  g_free (choice);
}

static void
on_rating_chosen (GtkButton *button, RatingChoice *choice)
{
  KenshoIndicatorTable *self = choice->self;
  KenshoIndicator *indicator = choice->indicator;
  guint position = choice->position;
  GtkPopover *popover = choice->popover;
  KenshoRatingScale *scale;
  const char *id = NULL;
  int fy;

  gtk_popover_popdown (popover);
  if (self->read_only || self->sheet == NULL || kensho_node_get_sheet (KENSHO_NODE (indicator)) != self->sheet)
    return;
  scale = kensho_sheet_get_rating_scale (self->sheet);
  fy = kensho_sheet_get_fiscal_year (self->sheet);
  if (position > 0 && position <= kensho_rating_scale_get_n_ratings (scale))
    id = kensho_rating_get_id (kensho_rating_scale_get_rating (scale, position - 1));
  if (g_strcmp0 (id, kensho_indicator_get_rating_id (indicator, fy)) == 0)
    return;
  kensho_indicator_set_rating_id (indicator, fy, id);
}

/* A closed popover stays hidden under its button until the next one, or
 * the button's end: unparented in its own "closed", GTK would go on
 * using it. */
static void
remove_popover (GtkWidget *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        gtk_widget_unparent (child);
        return;
      }
}

/* A popover is made when asked for: a drop-down in each of the 200 rows
 * GTK keeps made the table of 10,000 indicators a third slower to show.
 * It opens on the current rating, for the keyboard. */
static void
on_rating_clicked (GtkButton *button, TableCell *c)
{
  KenshoIndicatorTable *self = c->self;
  KenshoIndicator *indicator = c->item ? gtk_list_item_get_item (c->item) : NULL;
  GtkWidget *popover, *box, *current = NULL;
  guint position;

  if (indicator == NULL || self->sheet == NULL || self->read_only)
    return;
  position = rating_position (self, indicator);
  remove_popover (GTK_WIDGET (button));
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->ratings)); i++)
    {
      GtkWidget *choice = gtk_button_new_with_label (gtk_string_list_get_string (self->ratings, i));
      RatingChoice *data = g_new (RatingChoice, 1);

      data->self = self;
      data->popover = GTK_POPOVER (popover);
      data->indicator = g_object_ref (indicator);
      data->position = i;
      gtk_widget_add_css_class (choice, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (choice))), 0);
      g_signal_connect_data (choice, "clicked", G_CALLBACK (on_rating_chosen), data, rating_choice_free, 0);
      gtk_box_append (GTK_BOX (box), choice);
      if (i == position)
        current = choice;
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  gtk_popover_popup (GTK_POPOVER (popover));
  if (current != NULL)
    gtk_widget_grab_focus (current);
}

static void
on_name_clicked (GtkButton *button, TableCell *c)
{
  KenshoIndicator *indicator = c->item ? gtk_list_item_get_item (c->item) : NULL;

  if (indicator != NULL)
    g_signal_emit (c->self, signals[INDICATOR_ACTIVATED], 0, indicator);
}

static GtkWidget *
new_inscription (guint nat_chars, float xalign)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  /* An inscription's size does not depend on its text: rows bound around
   * a far jump in 10,000 are not all shaped, only the ones drawn. */
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), nat_chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), xalign);
  /* One line, on the row's line: given the row's whole height, GTK 4.8
   * shows more lines, set higher than the rest of the row. */
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  return inscription;
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoIndicatorTable *self)
{
  TableCell *c = g_rc_box_new0 (TableCell);
  Col col = 0;
  GtkWidget *cell;

  /* The column whose factory this is. */
  while (col + 1 < N_COLS && gtk_column_view_column_get_factory (self->columns[col]) != GTK_LIST_ITEM_FACTORY (factory))
    col++;
  c->self = self;
  c->item = item;
  c->col = col;
  g_object_add_weak_pointer (G_OBJECT (item), (gpointer *) &c->item);
  g_hash_table_replace (self->cells, item, c);
  if (col == COL_NAME)
    {
      /* The name opens the indicator's form: a click, or Enter from the
       * keyboard, which reaches the cells and not the rows. */
      cell = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (cell), new_inscription (24, 0));
      gtk_widget_add_css_class (cell, "flat");
      connect_cell (cell, "clicked", G_CALLBACK (on_name_clicked), c);
    }
  else if (col == COL_DIVISION)
    cell = new_inscription (8, 0);
  else if (col >= COL_COMMENTARY)
    cell = new_inscription (20, 0);
  else if (col >= COL_VALUE && col < COL_VALUE + KENSHO_N_COLUMNS)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkEventController *key = gtk_event_controller_key_new ();

      /* Typed into as an Excel cell. Its own undo is off: Ctrl+Z is the
       * app's, in the one history of all edits. */
      cell = gtk_text_new ();
      gtk_editable_set_enable_undo (GTK_EDITABLE (cell), FALSE);
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      gtk_widget_add_css_class (cell, "numeric");
      connect_cell (cell, "changed", G_CALLBACK (on_value_changed), c);
      connect_cell (cell, "activate", G_CALLBACK (on_value_activate), c);
      connect_cell (focus, "leave", G_CALLBACK (on_value_leave), c);
      connect_cell (key, "key-pressed", G_CALLBACK (on_value_key), c);
      gtk_widget_add_controller (cell, focus);
      gtk_widget_add_controller (cell, key);
    }
  else if (col == COL_RATING)
    {
      cell = gtk_button_new ();
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      connect_cell (cell, "clicked", G_CALLBACK (on_rating_clicked), c);
      g_signal_connect (cell, "destroy", G_CALLBACK (remove_popover), NULL);
    }
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), col == COL_ACHIEVEMENT ? 1 : 0);
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoIndicatorTable *self)
{
  TableCell *c = g_hash_table_lookup (self->cells, item);

  c->bound = TRUE;
  fill_cell (c);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoIndicatorTable *self)
{
  TableCell *c = g_hash_table_lookup (self->cells, item);

  /* Scrolled away while typing: the value goes to its own indicator;
   * what could not be read is dropped with the row. */
  if (GTK_IS_TEXT (gtk_list_item_get_child (item)))
    {
      commit_value (c);
      c->typed = FALSE;
    }
  c->bound = FALSE;
}

static void
teardown_cell (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoIndicatorTable *self)
{
  g_hash_table_remove (self->cells, item);
}

/* Sorting ---------------------------------------------------------------- */

static char *
sort_name (KenshoIndicator *indicator, gpointer data)
{
  return g_strdup (kensho_indicator_get_name (indicator));
}

static char *
sort_division (KenshoIndicator *indicator, gpointer data)
{
  return g_strdup (kensho_indicator_get_division (indicator));
}

static char *
sort_commentary (KenshoIndicator *indicator, gpointer part)
{
  return g_strdup (kensho_indicator_get_commentary (indicator, fiscal_year_of (indicator), GPOINTER_TO_UINT (part)));
}

static int
sort_kind (KenshoIndicator *indicator, gpointer data)
{
  return kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET ? 0 : 1;
}

/* Numbers by size; texts and empty cells before them, as Excel does. */
static double
sort_value (KenshoIndicator *indicator, gpointer column)
{
  const KenshoValue *value;
  gboolean ok = FALSE;
  double number;

  if (kensho_indicator_get_n_series (indicator) == 0)
    return -G_MAXDOUBLE;
  value = kensho_series_get_column (kensho_indicator_get_series (indicator, 0), GPOINTER_TO_UINT (column),
                                    fiscal_year_of (indicator));
  number = value ? kensho_value_to_double (value, &ok) : 0;
  return ok && isfinite (number) ? number : -G_MAXDOUBLE;
}

/* Best rating first, unrated last. */
static guint
sort_rating (KenshoIndicator *indicator, KenshoIndicatorTable *self)
{
  guint position = self->sheet ? rating_position (self, indicator) : 0;

  return position == 0 ? G_MAXUINT : position;
}

static double
sort_achievement (KenshoIndicator *indicator, gpointer data)
{
  KenshoSheet *sheet = kensho_node_get_sheet (KENSHO_NODE (indicator));
  g_auto(KenshoAchievement) achievement = { 0 };

  if (sheet == NULL)
    return -G_MAXDOUBLE;
  kensho_indicator_summarize_achievement (indicator, sheet, &achievement);
  return achievement.computable ? achievement.rate : -G_MAXDOUBLE;
}

static GtkSorter *
new_sorter (KenshoIndicatorTable *self, Col col)
{
  GtkExpression *expression;

  if (col == COL_NAME || col == COL_DIVISION || col >= COL_COMMENTARY)
    {
      GCallback callback = col == COL_NAME ? G_CALLBACK (sort_name)
                         : col == COL_DIVISION ? G_CALLBACK (sort_division) : G_CALLBACK (sort_commentary);

      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, callback,
                                                col >= COL_COMMENTARY ? GUINT_TO_POINTER (col - COL_COMMENTARY) : NULL,
                                                NULL);
      return GTK_SORTER (gtk_string_sorter_new (expression));
    }
  if (col == COL_KIND)
    expression = gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL, G_CALLBACK (sort_kind), NULL, NULL);
  else if (col == COL_RATING)
    expression = gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL, G_CALLBACK (sort_rating), self, NULL);
  else if (col == COL_ACHIEVEMENT)
    expression = gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL, 0, NULL, G_CALLBACK (sort_achievement), NULL,
                                              NULL);
  else
    expression = gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL, 0, NULL, G_CALLBACK (sort_value),
                                              GUINT_TO_POINTER (col - COL_VALUE), NULL);
  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

/* The sheet ---------------------------------------------------------------- */

static void
update_titles (KenshoIndicatorTable *self)
{
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS && self->sheet != NULL; column++)
    {
      g_autofree char *title = kensho_sheet_dup_column_title (self->sheet, column);

      gtk_column_view_column_set_title (self->columns[COL_VALUE + column], title);
    }
}

static void
fill_ratings (KenshoIndicatorTable *self)
{
  KenshoRatingScale *scale = self->sheet ? kensho_sheet_get_rating_scale (self->sheet) : NULL;
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);

  gtk_string_list_append (ratings, _("Not rated"));
  for (guint r = 0; scale != NULL && r < kensho_rating_scale_get_n_ratings (scale); r++)
    gtk_string_list_append (ratings, kensho_rating_get_label (kensho_rating_scale_get_rating (scale, r)));
  g_set_object (&self->ratings, ratings);
}

static void
refresh_cells (KenshoIndicatorTable *self, KenshoIndicator *indicator)
{
  GHashTableIter iter;
  TableCell *c;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    if (table_cell_shown (c) && (indicator == NULL || gtk_list_item_get_item (c->item) == (gpointer) indicator))
      fill_cell (c);
}

/* The store follows the sheet's indicators; only the changed stretch is
 * spliced, so that the rows around it keep their widgets and selection. */
static void
sync_store (KenshoIndicatorTable *self)
{
  g_autoptr(GPtrArray) indicators = self->sheet ? kensho_sheet_dup_indicators (self->sheet) : g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint start = 0, end_old = n, end_new = indicators->len;

  while (start < MIN (n, indicators->len))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), start);

      if (item != indicators->pdata[start])
        break;
      start++;
    }
  while (end_old > start && end_new > start)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), end_old - 1);

      if (item != indicators->pdata[end_new - 1])
        break;
      end_old--;
      end_new--;
    }
  if (start == end_old && start == end_new)
    return;
  g_list_store_splice (self->store, start, end_old - start, indicators->pdata + start, end_new - start);
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoIndicatorTable *self)
{
  if (change == KENSHO_CHANGE_STRUCTURE)
    sync_store (self);
  else if (change == KENSHO_CHANGE_SHEET)
    {
      /* The year shown, the scale or the method: every cell may change. */
      update_titles (self);
      fill_ratings (self);
      refresh_cells (self, NULL);
    }
  else if (KENSHO_IS_INDICATOR (object))
    refresh_cells (self, KENSHO_INDICATOR (object));
}

static void
on_activate (GtkColumnView *view, guint position, KenshoIndicatorTable *self)
{
  g_autoptr(KenshoIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (indicator != NULL)
    g_signal_emit (self, signals[INDICATOR_ACTIVATED], 0, indicator);
}

/* Class ------------------------------------------------------------------- */

static void
kensho_indicator_table_dispose (GObject *object)
{
  KenshoIndicatorTable *self = KENSHO_INDICATOR_TABLE (object);

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_object (&self->ratings);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_indicator_table_parent_class)->dispose (object);
}

static void
kensho_indicator_table_finalize (GObject *object)
{
  KenshoIndicatorTable *self = KENSHO_INDICATOR_TABLE (object);

  g_hash_table_unref (self->cells);
  G_OBJECT_CLASS (kensho_indicator_table_parent_class)->finalize (object);
}

static void
kensho_indicator_table_class_init (KenshoIndicatorTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_indicator_table_dispose;
  object_class->finalize = kensho_indicator_table_finalize;

  /**
   * KenshoIndicatorTable::indicator-activated:
   * @indicator: the #KenshoIndicator of the row activated (Enter, double click)
   */
  signals[INDICATOR_ACTIVATED] = g_signal_new ("indicator-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, KENSHO_TYPE_INDICATOR);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kensho_indicator_table_init (KenshoIndicatorTable *self)
{
  const char *titles[N_COLS] = {
    [COL_NAME] = _("Indicator"),
    [COL_KIND] = _("Kind"),
    [COL_DIVISION] = _("Responsible division"),
    [COL_RATING] = _("Progress rating"),
    [COL_ACHIEVEMENT] = _("Achievement"),
    [COL_COMMENTARY + KENSHO_COMMENTARY_ACTIVITIES] = _("① Activities"),
    [COL_COMMENTARY + KENSHO_COMMENTARY_ISSUES] = _("② Issues"),
    [COL_COMMENTARY + KENSHO_COMMENTARY_NEXT_STEPS] = _("③ Next steps"),
  };
  GtkSortListModel *sorted;

  self->cells = g_hash_table_new_full (NULL, NULL, NULL, table_cell_release);
  self->store = g_list_store_new (KENSHO_TYPE_INDICATOR);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)), NULL);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  fill_ratings (self);

  for (Col col = 0; col < N_COLS; col++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = new_sorter (self, col);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell), self);
      self->columns[col] = gtk_column_view_column_new (titles[col], factory);
      gtk_column_view_column_set_resizable (self->columns[col], TRUE);
      gtk_column_view_column_set_sorter (self->columns[col], sorter);
      gtk_column_view_append_column (self->view, self->columns[col]);
      g_object_unref (self->columns[col]);
    }
  gtk_column_view_column_set_fixed_width (self->columns[COL_NAME], 220);
  gtk_column_view_column_set_expand (self->columns[COL_COMMENTARY + KENSHO_COMMENTARY_ACTIVITIES], TRUE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("All indicators"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
kensho_indicator_table_new (void)
{
  return g_object_new (KENSHO_TYPE_INDICATOR_TABLE, NULL);
}

void
kensho_indicator_table_set_sheet (KenshoIndicatorTable *self, KenshoSheet *sheet)
{
  g_return_if_fail (KENSHO_IS_INDICATOR_TABLE (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  if (sheet != self->sheet)
    {
      /* Another sheet's indicators are other objects: start afresh. */
      g_list_store_remove_all (self->store);
      g_set_object (&self->sheet, sheet);
    }
  if (sheet != NULL)
    self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  update_titles (self);
  fill_ratings (self);
  sync_store (self);
  refresh_cells (self, NULL);
}

/* A sheet open read-only is looked at, not edited, in the table too. */
void
kensho_indicator_table_set_editable (KenshoIndicatorTable *self, gboolean editable)
{
  g_return_if_fail (KENSHO_IS_INDICATOR_TABLE (self));

  if (self->read_only == !editable)
    return;
  self->read_only = !editable;
  refresh_cells (self, NULL);
}

/* Which indicators show: the strategy tree's search and filters. */
void
kensho_indicator_table_set_filter (KenshoIndicatorTable *self, GtkFilter *filter)
{
  g_return_if_fail (KENSHO_IS_INDICATOR_TABLE (self));
  gtk_filter_list_model_set_filter (self->filtered, filter);
}

/* The rows as shown, filtered and sorted: a GListModel of KenshoIndicator. */
GListModel *
kensho_indicator_table_get_rows (KenshoIndicatorTable *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_TABLE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkColumnView *
kensho_indicator_table_get_view (KenshoIndicatorTable *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_TABLE (self), NULL);
  return self->view;
}

/* The widget showing @indicator in the column @column_id ("actual",
 * "rating"…), NULL when its row is not shown. */
GtkWidget *
kensho_indicator_table_get_cell (KenshoIndicatorTable *self, KenshoIndicator *indicator, const char *column_id)
{
  GHashTableIter iter;
  TableCell *c;

  g_return_val_if_fail (KENSHO_IS_INDICATOR_TABLE (self), NULL);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    if (table_cell_shown (c) && gtk_list_item_get_item (c->item) == (gpointer) indicator &&
        g_strcmp0 (column_ids[c->col], column_id) == 0)
      return gtk_list_item_get_child (c->item);
  return NULL;
}
