/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The values of an indicator as a small spreadsheet: one row per series,
 * the sheet's five columns, each cell typed as staff write it in Excel
 * ("11,942億円 (平成30年)", "待機児童なし"). A cell that cannot be read keeps
 * what was typed, is marked at the field, and says why below the grid. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kensho-editable.h"
#include "kensho-tsv.h"
#include "kensho-values-editor.h"

struct _KenshoValuesEditor
{
  AdwBin parent_instance;

  GtkGrid *grid;
  GtkLabel *error_label;
  GtkLabel *note_label;
  GtkButton *add_button;
  GPtrArray *cells; /* ValueCell, n_series × KENSHO_N_COLUMNS */
  GPtrArray *names; /* GtkEntry, one per series */

  KenshoIndicator *indicator;
  gboolean editable;
  guint n_series_shown;
  int year_shown;            /* the fiscal year the headings and cells are for */
  struct _ValueCell *pending_cell; /* changed, not yet read */
  int pending_year;          /* the year the pending cell showed */
  guint pending_source;
  GPtrArray *pasted_rows;    /* spreadsheet cells pasted, not yet filled in */
  struct _ValueCell *pasted_cell; /* the cell they were pasted into */
  guint pasted_series, pasted_column;
  guint paste_source;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (KenshoValuesEditor, kensho_values_editor, ADW_TYPE_BIN)

/* A value's cell and what it says: each handler of its entry holds a
 * reference, and so does the editor's list of cells. */
typedef struct _ValueCell
{
  KenshoValuesEditor *self;
  GtkWidget *entry; /* not a reference: the entry's handlers hold the cell */
  guint series;
  KenshoColumn column;
  char *note;         /* a value that reads, but maybe not as meant */
  char *error;        /* why it cannot be read, or was not inserted */
  char *refused_text; /* what it showed when an insertion was refused */
  char *refusal;      /* why that insertion was refused */
} ValueCell;

/* A series' name and Remove button. */
typedef struct
{
  KenshoValuesEditor *self;
  guint series;
} SeriesRow;

static void
value_cell_clear (gpointer data)
{
  ValueCell *c = data;

  g_free (c->note);
  g_free (c->error);
  g_free (c->refused_text);
  g_free (c->refusal);
}

static void
value_cell_release (gpointer data)
{
  g_rc_box_release_full (data, value_cell_clear);
}

static void
value_cell_release_closure (gpointer data, GClosure *closure)
{
  value_cell_release (data);
}

static void
series_row_release_closure (gpointer data, GClosure *closure)
{
  g_rc_box_release (data);
}

static KenshoSheet *
get_sheet (KenshoValuesEditor *self)
{
  return kensho_node_get_sheet (KENSHO_NODE (self->indicator));
}

static int
fiscal_year (KenshoValuesEditor *self)
{
  return kensho_sheet_get_fiscal_year (get_sheet (self));
}

/* The cells' messages of one kind (errors or notes) in @label. */
static void
show_messages (KenshoValuesEditor *self, GtkLabel *label, gboolean errors)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->cells->len; i++)
    {
      ValueCell *c = g_ptr_array_index (self->cells, i);
      const char *message = errors ? c->error : c->note;

      if (message == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }
  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

static void
show_errors (KenshoValuesEditor *self)
{
  show_messages (self, self->error_label, TRUE);
  show_messages (self, self->note_label, FALSE);
}

static char *
with_column_title (KenshoValuesEditor *self, ValueCell *c, const char *message)
{
  g_autofree char *title = kensho_sheet_dup_column_title (get_sheet (self), c->column);

  return g_strdup_printf ("%s: %s", title, message);
}

/* Words that qualify a figure, read as part of its unit when they follow
 * it ("10件以上"). */
static const char *const qualifiers[] = { "以上", "以下", "未満", "超", "程度", "前後", "余り", "強", "弱" };

/* A value that reads, but not as staff meant it: "約10件" is a text (no
 * rate is worked out from it), "10件以上" the number 10 in the unit
 * "件以上". NULL when there is nothing to say. */
static char *
dup_value_note (const KenshoValue *value)
{
  if (value == NULL)
    return NULL;
  if (!kensho_value_is_number (value))
    {
      for (const char *p = value->text; *p; p = g_utf8_next_char (p))
        if (g_unichar_isdigit (g_utf8_get_char (p)))
          return g_strdup_printf (_("“%s” is kept as text, so no rate is worked out from it: write the number "
                                    "first, as in 10件 (約)."), value->text);
      return NULL;
    }
  for (guint i = 0; value->unit != NULL && i < G_N_ELEMENTS (qualifiers); i++)
    if (g_str_has_suffix (value->unit, qualifiers[i]) && !g_str_equal (value->unit, qualifiers[i]))
      return g_strdup_printf (_("“%s” is read as the unit: put 以上 and the like in a note, as in 10件 (以上)."),
                              value->unit);
  return NULL;
}

/* A note beside the cell (its tooltip, unless it has an error) and below
 * the grid. */
static void
set_cell_note (KenshoValuesEditor *self, ValueCell *c, const KenshoValue *value)
{
  g_autofree char *note = dup_value_note (value);

  if (note != NULL)
    {
      char *full = with_column_title (self, c, note);

      gtk_widget_add_css_class (c->entry, "warning");
      if (c->error == NULL)
        gtk_widget_set_tooltip_text (c->entry, full);
      g_free (c->note);
      c->note = full;
    }
  else if (c->note != NULL)
    {
      gtk_widget_remove_css_class (c->entry, "warning");
      if (c->error == NULL)
        gtk_widget_set_tooltip_text (c->entry, NULL);
      g_clear_pointer (&c->note, g_free);
    }
  show_errors (self);
}

static void
set_cell_error (KenshoValuesEditor *self, ValueCell *c, const char *message)
{
  GtkWidget *cell = c->entry;

  if (message != NULL)
    {
      char *full = with_column_title (self, c, message);

      gtk_widget_add_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, full);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      g_free (c->error);
      c->error = full;
    }
  else
    {
      gtk_widget_remove_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_INVALID);
      g_clear_pointer (&c->error, g_free);
    }
  show_errors (self);
}

/* NULL for an empty cell; FALSE with @error when the text cannot be read. */
static gboolean
parse_cell (const char *text, KenshoValue **value, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *value = NULL;
  if (*stripped == '\0')
    return TRUE;
  *value = kensho_value_parse (stripped, error);
  return *value != NULL;
}

/* Why the last insertion into @cell was refused, while the cell still
 * shows what it showed then (GtkText says "changed" after the refused
 * paste it deleted the selection for); NULL once it is edited. */
static char *
dup_refusal (ValueCell *c)
{
  if (c->refused_text != NULL && g_str_equal (c->refused_text, gtk_editable_get_text (GTK_EDITABLE (c->entry))))
    return g_strdup (c->refusal);
  g_clear_pointer (&c->refused_text, g_free);
  g_clear_pointer (&c->refusal, g_free);
  return NULL;
}

/* @year: the fiscal year the cell showed when it was typed into. */
static void
commit_cell (KenshoValuesEditor *self, ValueCell *c, int year)
{
  GtkEditable *editable = GTK_EDITABLE (c->entry);
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  KenshoSeries *series;

  if (!parse_cell (gtk_editable_get_text (editable), &value, &error))
    {
      /* What was typed stays in the cell; the model keeps its last good
       * value until the cell can be read. */
      set_cell_note (self, c, NULL);
      set_cell_error (self, c, error->message);
      return;
    }
  refusal = dup_refusal (c);
  set_cell_error (self, c, refusal);
  set_cell_note (self, c, value);
  series = kensho_indicator_get_series (self->indicator, c->series);
  kensho_indicator_complete_unit (self->indicator, series, value);
  if (kensho_value_equal (value, kensho_series_get_column (series, c->column, year)))
    return;
  self->updating = TRUE;
  kensho_series_set_column (series, c->column, year, value);
  self->updating = FALSE;
}

static void
commit_pending (KenshoValuesEditor *self)
{
  ValueCell *cell = g_steal_pointer (&self->pending_cell);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  /* An indicator deleted meanwhile takes nothing more. */
  if (cell != NULL && self->indicator != NULL && get_sheet (self) != NULL)
    commit_cell (self, cell, self->pending_year);
}

static gboolean
on_pending_timeout (gpointer user_data)
{
  KenshoValuesEditor *self = user_data;

  self->pending_source = 0;
  commit_pending (self);
  return G_SOURCE_REMOVE;
}

/* Replacing a cell's text deletes, then inserts: reading it at once would
 * clear the value in between. The cell is read as soon as the main loop
 * is idle, before the next key press is handled. */
static void
on_cell_changed (GtkEditable *editable, ValueCell *c)
{
  KenshoValuesEditor *self = c->self;

  /* A paste into the cell emptied it first: fill_pasted() reads it. */
  if (self->updating || self->indicator == NULL || !self->editable || c == self->pasted_cell)
    return;
  if (self->pending_cell != NULL && self->pending_cell != c)
    commit_pending (self);
  self->pending_cell = c;
  self->pending_year = self->year_shown;
  if (self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_HIGH, on_pending_timeout, self, NULL);
}

/* Fills the cells from the one pasted into, as a spreadsheet does: a row's
 * cells into the next columns (baseline, actuals, targets), further rows
 * into the next series. One undo step. */
static gboolean
fill_pasted (gpointer user_data)
{
  KenshoValuesEditor *self = user_data;
  g_autoptr(GPtrArray) rows = g_steal_pointer (&self->pasted_rows);

  self->paste_source = 0;
  self->pasted_cell = NULL;
  if (self->indicator == NULL || rows == NULL || get_sheet (self) == NULL)
    return G_SOURCE_REMOVE;
  commit_pending (self);
  kensho_sheet_begin_group (get_sheet (self), _("Paste values"));
  self->updating = TRUE;
  for (guint r = 0; r < rows->len && self->pasted_series + r < self->n_series_shown; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      KenshoSeries *series = kensho_indicator_get_series (self->indicator, self->pasted_series + r);

      for (guint c = 0; cells[c] != NULL && self->pasted_column + c < KENSHO_N_COLUMNS; c++)
        {
          KenshoColumn column = (KenshoColumn) (self->pasted_column + c);
          ValueCell *cell = g_ptr_array_index (self->cells, (self->pasted_series + r) * KENSHO_N_COLUMNS + column);
          g_autoptr(KenshoValue) value = NULL;
          g_autoptr(GError) error = NULL;

          gtk_editable_set_text (GTK_EDITABLE (cell->entry), g_strstrip (cells[c]));
          if (!parse_cell (cells[c], &value, &error))
            {
              set_cell_error (self, cell, error->message);
              continue;
            }
          set_cell_error (self, cell, NULL);
          kensho_indicator_complete_unit (self->indicator, series, value);
          kensho_series_set_column (series, column, fiscal_year (self), value);
        }
    }
  /* The cells say what was pasted; one that cannot be read keeps it, marked. */
  self->updating = FALSE;
  kensho_sheet_end_group (get_sheet (self));
  return G_SOURCE_REMOVE;
}

/* What a sheet file cannot hold (more than 15 digits, a text too long) is
 * not inserted, and the cell says why: kept as typed, the model would keep
 * the last value that could be read, and save what the user never typed.
 * A paste over a selection leaves the cell as it was. */
static void
refuse_too_long (KenshoValuesEditor *self, ValueCell *cell, GtkEditable *text, const char *inserted,
                 int *position)
{
  const char *current = gtk_editable_get_text (text);
  const char *at = g_utf8_offset_to_pointer (current, MAX (*position, 0));
  g_autofree char *after = NULL;
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  after = g_strdup_printf ("%.*s%s%s", (int) (at - current), current, inserted, at);
  if (parse_cell (after, &value, &error) || !g_error_matches (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG))
    return;
  g_signal_stop_emission_by_name (text, "insert-text");
  kensho_editable_restore_deletion (text, position);
  /* What the cell shows is what the model holds, before it says why. */
  if (self->pending_cell == cell)
    commit_pending (self);
  /* TRANSLATORS: %s says why, as in “…” has too many digits */
  message = g_strdup_printf (_("Not inserted: %s"), error->message);
  set_cell_error (self, cell, message);
  g_free (cell->refused_text);
  cell->refused_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell->entry)));
  g_free (cell->refusal);
  cell->refusal = g_steal_pointer (&message);
}

/* Cells copied from a spreadsheet come as one text with tabs and line
 * breaks: they are spread over the cells, not typed into one. */
static void
on_cell_insert_text (GtkEditable *text, const char *new_text, int length, int *position, ValueCell *cell)
{
  KenshoValuesEditor *self = cell->self;
  g_autofree char *pasted = g_strndup (new_text, length < 0 ? strlen (new_text) : (gsize) length);
  char *line_break = strchr (pasted, '\n');

  if (self->updating || self->indicator == NULL || kensho_editable_is_restoring (text))
    return;
  if (!kensho_tsv_is_spreadsheet (pasted) && (line_break == NULL || line_break[strspn (line_break, "\r\n")] == '\0'))
    {
      refuse_too_long (self, cell, text, pasted, position);
      return;
    }
  g_signal_stop_emission_by_name (text, "insert-text");
  /* The paste replaces this cell's text: the selection it deletes is no
   * edit of its own. Filled once the paste is over: GtkText is still at it. */
  if (self->pending_cell == cell)
    {
      self->pending_cell = NULL;
      g_clear_handle_id (&self->pending_source, g_source_remove);
    }
  g_clear_pointer (&self->pasted_rows, g_ptr_array_unref);
  self->pasted_rows = kensho_tsv_parse (pasted);
  self->pasted_cell = cell;
  self->pasted_series = cell->series;
  self->pasted_column = cell->column;
  if (self->paste_source == 0)
    self->paste_source = g_idle_add_full (G_PRIORITY_HIGH, fill_pasted, self, NULL);
}

static void
on_name_changed (GtkEditable *editable, SeriesRow *row)
{
  KenshoValuesEditor *self = row->self;
  KenshoSeries *series;
  g_autofree char *name = NULL;

  if (self->updating || self->indicator == NULL || !self->editable)
    return;
  series = kensho_indicator_get_series (self->indicator, row->series);
  name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (g_strcmp0 (*name ? name : NULL, kensho_series_get_name (series)) == 0)
    return;
  self->updating = TRUE;
  kensho_series_set_name (series, *name ? name : NULL);
  self->updating = FALSE;
}

static void
on_remove_clicked (GtkButton *button, SeriesRow *row)
{
  KenshoValuesEditor *self = row->self;

  if (self->indicator == NULL || !self->editable || kensho_indicator_get_n_series (self->indicator) <= 1)
    return;
  kensho_indicator_remove_series (self->indicator, row->series);
}

static void
on_add_clicked (GtkButton *button, KenshoValuesEditor *self)
{
  guint n;
  g_autofree char *name = NULL;
  g_autoptr(KenshoSeries) series = NULL;

  if (self->indicator == NULL || !self->editable)
    return;
  n = kensho_indicator_get_n_series (self->indicator);
  /* TRANSLATORS: the default name of a new series of values; %u counts from 2 */
  name = g_strdup_printf (_("Series %u"), n + 1);
  series = kensho_series_new (name);
  kensho_indicator_insert_series (self->indicator, n, series);
  /* The new row is there now: let the user name it at once. */
  if (self->names->len > n)
    gtk_widget_grab_focus (g_ptr_array_index (self->names, n));
}

static void
set_entry_text (GtkEditable *editable, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
fill_texts (KenshoValuesEditor *self)
{
  self->updating = TRUE;
  for (guint s = 0; s < self->n_series_shown; s++)
    {
      KenshoSeries *series = kensho_indicator_get_series (self->indicator, s);
      GtkEditable *name = g_ptr_array_index (self->names, s);
      g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));

      if (g_strcmp0 (*stripped ? stripped : NULL, kensho_series_get_name (series)) != 0)
        set_entry_text (name, kensho_series_get_name (series));
      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          ValueCell *c = g_ptr_array_index (self->cells, s * KENSHO_N_COLUMNS + column);
          GtkEditable *cell = GTK_EDITABLE (c->entry);
          const KenshoValue *model = kensho_series_get_column (series, column, fiscal_year (self));
          g_autoptr(KenshoValue) shown = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;

          /* A cell that already says the same (typed "1563" for 1,563)
           * is left alone, so the cursor does not jump while typing. */
          if (parse_cell (gtk_editable_get_text (cell), &shown, &error))
            {
              kensho_indicator_complete_unit (self->indicator, series, shown);
              if (kensho_value_equal (shown, model))
                continue;
            }
          text = model ? kensho_value_format (model) : NULL;
          set_entry_text (cell, text);
          set_cell_error (self, c, NULL);
          set_cell_note (self, c, model);
        }
    }
  self->updating = FALSE;
}

static GtkWidget *
new_entry (int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  /* Ctrl+Z is the window's undo, as in the rest of the form. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_widget_set_hexpand (entry, TRUE);
  return entry;
}

static void
rebuild (KenshoValuesEditor *self)
{
  GtkWidget *child;
  guint n_series = kensho_indicator_get_n_series (self->indicator);

  self->pending_cell = NULL;
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_handle_id (&self->paste_source, g_source_remove);
  g_clear_pointer (&self->pasted_rows, g_ptr_array_unref);
  self->pasted_cell = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->names, 0);

  /* One row per column of the sheet, one column per series: each cell is
   * wide enough to show a value with its period and note. */
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
    {
      g_autofree char *title = kensho_sheet_dup_column_title (get_sheet (self), column);
      GtkWidget *heading = gtk_label_new (title);

      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_set_size_request (heading, 160, -1);
      gtk_grid_attach (self->grid, heading, 0, (int) column + 1, 1, 1);
    }

  for (guint s = 0; s < n_series; s++)
    {
      KenshoSeries *series = kensho_indicator_get_series (self->indicator, s);
      GtkWidget *name = new_entry (8);
      GtkWidget *remove = gtk_button_new_with_label (_("Remove"));
      SeriesRow *row = g_rc_box_new0 (SeriesRow);
      /* A single unnamed series (most indicators) needs no heading. */
      gboolean named = n_series > 1 || kensho_series_get_name (series) != NULL;

      gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Series name"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Series name"), -1);
      row->self = self;
      row->series = s;
      g_signal_connect_data (name, "changed", G_CALLBACK (on_name_changed), g_rc_box_acquire (row),
                             series_row_release_closure, 0);
      gtk_widget_set_visible (name, named);
      gtk_grid_attach (self->grid, name, (int) s + 1, 0, 1, 1);
      g_ptr_array_add (self->names, name);

      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          GtkWidget *cell = new_entry (14);
          g_autofree char *title = kensho_sheet_dup_column_title (get_sheet (self), column);
          ValueCell *c = g_rc_box_new0 (ValueCell);

          c->self = self;
          c->entry = cell;
          c->series = s;
          c->column = column;
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          g_signal_connect_data (cell, "changed", G_CALLBACK (on_cell_changed), g_rc_box_acquire (c),
                                 value_cell_release_closure, 0);
          g_signal_connect_data (gtk_editable_get_delegate (GTK_EDITABLE (cell)), "insert-text",
                                 G_CALLBACK (on_cell_insert_text), g_rc_box_acquire (c), value_cell_release_closure, 0);
          kensho_editable_keep_deletions (G_OBJECT (gtk_editable_get_delegate (GTK_EDITABLE (cell))));
          gtk_grid_attach (self->grid, cell, (int) s + 1, (int) column + 1, 1, 1);
          g_ptr_array_add (self->cells, c);
        }

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_tooltip_text (remove, _("Remove this series"));
      gtk_widget_set_visible (remove, n_series > 1);
      g_signal_connect_data (remove, "clicked", G_CALLBACK (on_remove_clicked), row, series_row_release_closure, 0);
      gtk_grid_attach (self->grid, remove, (int) s + 1, KENSHO_N_COLUMNS + 1, 1, 1);
    }
  self->n_series_shown = n_series;
  self->year_shown = fiscal_year (self);
  /* Starting afresh: the errors of the cells just removed are gone. */
  show_errors (self);
}

void
kensho_values_editor_refresh (KenshoValuesEditor *self)
{
  g_return_if_fail (KENSHO_IS_VALUES_EDITOR (self));

  if (self->indicator == NULL || self->updating)
    return;
  /* Another year shown: the headings name it, and the cells hold its
   * values. What was typed for the year before goes to that year. */
  if (fiscal_year (self) != self->year_shown)
    commit_pending (self);
  if (kensho_indicator_get_n_series (self->indicator) != self->n_series_shown ||
      fiscal_year (self) != self->year_shown)
    rebuild (self);
  fill_texts (self);
}

static void
kensho_values_editor_dispose (GObject *object)
{
  KenshoValuesEditor *self = KENSHO_VALUES_EDITOR (object);

  commit_pending (self);
  g_clear_handle_id (&self->paste_source, g_source_remove);
  g_clear_pointer (&self->pasted_rows, g_ptr_array_unref);
  g_clear_object (&self->indicator);
  G_OBJECT_CLASS (kensho_values_editor_parent_class)->dispose (object);
}

static void
kensho_values_editor_finalize (GObject *object)
{
  KenshoValuesEditor *self = KENSHO_VALUES_EDITOR (object);

  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->names);
  G_OBJECT_CLASS (kensho_values_editor_parent_class)->finalize (object);
}

static void
kensho_values_editor_class_init (KenshoValuesEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_values_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = kensho_values_editor_finalize;
}

static void
kensho_values_editor_init (KenshoValuesEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("Type a value as on the sheet: 1,563件, 490.7万人 (令和4年), 待機児童なし, or - for not applicable."));

  self->cells = g_ptr_array_new_with_free_func (value_cell_release);
  self->names = g_ptr_array_new ();
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 6);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Errors in the values"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note_label));

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);

  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Series")));
  gtk_widget_set_halign (GTK_WIDGET (self->add_button), GTK_ALIGN_START);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_button));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
kensho_values_editor_new (void)
{
  return g_object_new (KENSHO_TYPE_VALUES_EDITOR, NULL);
}

void
kensho_values_editor_set_indicator (KenshoValuesEditor *self, KenshoIndicator *indicator,
                                    gboolean editable)
{
  g_return_if_fail (KENSHO_IS_VALUES_EDITOR (self));

  /* What was typed into the last indicator's cell is kept. */
  if (self->indicator != indicator)
    commit_pending (self);
  self->editable = editable;
  if (!g_set_object (&self->indicator, indicator))
    {
      kensho_values_editor_refresh (self);
      return;
    }
  if (indicator == NULL || get_sheet (self) == NULL)
    {
      g_clear_object (&self->indicator);
      return;
    }
  rebuild (self);
  fill_texts (self);
}

GtkEditable *
kensho_values_editor_get_cell (KenshoValuesEditor *self, guint series, KenshoColumn column)
{
  g_return_val_if_fail (KENSHO_IS_VALUES_EDITOR (self), NULL);
  g_return_val_if_fail (series * KENSHO_N_COLUMNS + column < self->cells->len, NULL);
  return GTK_EDITABLE (((ValueCell *) g_ptr_array_index (self->cells, series * KENSHO_N_COLUMNS + column))->entry);
}

GtkEditable *
kensho_values_editor_get_series_name (KenshoValuesEditor *self, guint series)
{
  g_return_val_if_fail (KENSHO_IS_VALUES_EDITOR (self), NULL);
  g_return_val_if_fail (series < self->names->len, NULL);
  return g_ptr_array_index (self->names, series);
}

static const char *
text_or_null (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);

  return *text ? text : NULL;
}

/* The notes shown below the grid (a value that reads, but maybe not as
 * meant), NULL when there are none. */
const char *
kensho_values_editor_get_notes (KenshoValuesEditor *self)
{
  g_return_val_if_fail (KENSHO_IS_VALUES_EDITOR (self), NULL);
  return text_or_null (self->note_label);
}

/* The messages shown below the grid, NULL when every cell can be read. */
const char *
kensho_values_editor_get_error (KenshoValuesEditor *self)
{
  g_return_val_if_fail (KENSHO_IS_VALUES_EDITOR (self), NULL);
  return text_or_null (self->error_label);
}
