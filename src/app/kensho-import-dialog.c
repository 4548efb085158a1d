/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-import-dialog.h"

#define PREVIEW_ROWS 8

struct _KenshoImportDialog
{
  AdwWindow parent_instance;

  char *path;
  GPtrArray *grids;      /* KenshoCellGrid */
  GArray *fields;        /* KenshoImportField per column */
  GPtrArray *problems;   /* KenshoImportProblem */
  KenshoSheet *sheet;    /* what Import hands over; NULL when nothing could be read */

  GtkDropDown *sheet_chooser;
  GtkWidget *sheet_row;
  GtkGrid *preview;
  GPtrArray *column_choosers; /* GtkDropDown per column */
  GtkLabel *status;
  GtkListBox *problem_list;
  GtkWidget *import_button;
};

G_DEFINE_FINAL_TYPE (KenshoImportDialog, kensho_import_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_IMPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

static KenshoCellGrid *
current_grid (KenshoImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->sheet_chooser);

  return g_ptr_array_index (self->grids, selected < self->grids->len ? selected : 0);
}

/* Reads the sheet again with the columns as chosen, and shows the result. */
static void
update_result (KenshoImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  GtkWidget *child;

  g_clear_object (&self->sheet);
  g_ptr_array_set_size (self->problems, 0);
  self->sheet = kensho_sheet_import_grid (current_grid (self), self->fields, self->problems, &error);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);
  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *line = kensho_import_problem_format (g_ptr_array_index (self->problems, i),
                                                            kensho_cell_grid_get_name (current_grid (self)));
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (self->problem_list, label);
    }
  gtk_widget_set_sensitive (self->import_button, self->sheet != NULL);
  if (self->sheet == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }
  indicators = kensho_sheet_dup_indicators (self->sheet);
  {
    g_autofree char *read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator read", "%u indicators read",
                                                          indicators->len), indicators->len);
    g_autofree char *problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems",
                                                              self->problems->len), self->problems->len);
    /* TRANSLATORS: "47 indicators read; 2 problems" */
    g_autofree char *text = g_strdup_printf (_("%s; %s"), read, problems);

    gtk_label_set_text (self->status, text);
  }
}

static void
on_column_chosen (GtkDropDown *chooser, GParamSpec *pspec, KenshoImportDialog *self)
{
  guint column;

  /* The choosers are in the columns' order. */
  if (!g_ptr_array_find (self->column_choosers, chooser, &column))
    return;
  if (column >= self->fields->len)
    g_array_set_size (self->fields, column + 1);
  g_array_index (self->fields, KenshoImportField, column) = gtk_drop_down_get_selected (chooser);
  update_result (self);
}

static GtkStringList *
new_field_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (KenshoImportField field = 0; field < KENSHO_N_IMPORT_FIELDS; field++)
    gtk_string_list_append (list, kensho_import_field_get_label (field));
  return list;
}

/* The first rows from the headings on, under one drop-down a column. */
static void
build_preview (KenshoImportDialog *self)
{
  KenshoCellGrid *grid = current_grid (self);
  guint n_columns = MIN (kensho_cell_grid_get_n_columns (grid), 64);
  int first = kensho_sheet_import_guess_columns (grid, self->fields);
  guint top = first > 0 ? (guint) first - 1 : 0;
  GtkWidget *child;

  g_array_set_size (self->fields, MAX (self->fields->len, n_columns));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview))) != NULL)
    gtk_grid_remove (self->preview, child);
  g_ptr_array_set_size (self->column_choosers, 0);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkStringList) fields = new_field_list ();
      GtkWidget *chooser = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&fields)), NULL);
      g_autofree char *column_name = kensho_cell_grid_column_name (c);
      GtkWidget *heading = gtk_label_new (column_name);

      gtk_widget_add_css_class (heading, "dim-label");
      gtk_grid_attach (self->preview, heading, (int) c, 0, 1, 1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), g_array_index (self->fields, KenshoImportField, c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL, column_name, -1);
      g_signal_connect (chooser, "notify::selected", G_CALLBACK (on_column_chosen), self);
      gtk_grid_attach (self->preview, chooser, (int) c, 1, 1, 1);
      g_ptr_array_add (self->column_choosers, chooser);
      for (guint r = 0; r < PREVIEW_ROWS && top + r < kensho_cell_grid_get_n_rows (grid); r++)
        {
          GtkWidget *cell = gtk_label_new (kensho_cell_grid_get (grid, top + r, c));

          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 16);
          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_grid_attach (self->preview, cell, (int) c, (int) r + 2, 1, 1);
        }
    }
  update_result (self);
}

static void
on_sheet_chosen (GtkDropDown *chooser, GParamSpec *pspec, KenshoImportDialog *self)
{
  build_preview (self);
}

static void
action_import (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoImportDialog *self = KENSHO_IMPORT_DIALOG (widget);

  if (self->sheet == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0, self->sheet);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kensho_import_dialog_finalize (GObject *object)
{
  KenshoImportDialog *self = KENSHO_IMPORT_DIALOG (object);

  g_free (self->path);
  g_clear_pointer (&self->grids, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->column_choosers, g_ptr_array_unref);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_import_dialog_parent_class)->finalize (object);
}

static void
kensho_import_dialog_class_init (KenshoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kensho_import_dialog_finalize;
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, KENSHO_TYPE_SHEET);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, action_import);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
new_heading (const char *text, GtkWidget *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

static void
kensho_import_dialog_init (KenshoImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *preview_scroller = gtk_scrolled_window_new ();
  GtkWidget *problems_scroller = gtk_scrolled_window_new ();

  self->fields = g_array_new (FALSE, TRUE, sizeof (KenshoImportField));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  self->column_choosers = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Import Spreadsheet"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.run");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_vexpand (content, TRUE);

  self->sheet_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->sheet_chooser = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_box_append (GTK_BOX (self->sheet_row), new_heading (_("_Worksheet"), GTK_WIDGET (self->sheet_chooser)));
  gtk_box_append (GTK_BOX (self->sheet_row), GTK_WIDGET (self->sheet_chooser));
  gtk_box_append (GTK_BOX (content), self->sheet_row);

  self->preview = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->preview, 6);
  gtk_grid_set_row_spacing (self->preview, 4);
  gtk_box_append (GTK_BOX (content), new_heading (_("What each column holds"), NULL));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview_scroller), GTK_WIDGET (self->preview));
  gtk_widget_set_vexpand (preview_scroller, TRUE);
  gtk_box_append (GTK_BOX (content), preview_scroller);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status));

  self->problem_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problem_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (problems_scroller), GTK_WIDGET (self->problem_list));
  gtk_widget_set_size_request (problems_scroller, -1, 140);
  gtk_box_append (GTK_BOX (content), problems_scroller);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Takes @grids (at least one). */
KenshoImportDialog *
kensho_import_dialog_new (GtkWindow *parent, const char *path, GPtrArray *grids)
{
  KenshoImportDialog *self = g_object_new (KENSHO_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (grids != NULL && grids->len > 0, NULL);
  self->path = g_strdup (path);
  self->grids = grids;
  for (guint i = 0; i < grids->len; i++)
    gtk_string_list_append (names, kensho_cell_grid_get_name (g_ptr_array_index (grids, i)));
  gtk_drop_down_set_model (self->sheet_chooser, G_LIST_MODEL (names));
  gtk_widget_set_visible (self->sheet_row, grids->len > 1);
  g_signal_connect (self->sheet_chooser, "notify::selected", G_CALLBACK (on_sheet_chosen), self);
  build_preview (self);
  return self;
}

KenshoSheet *
kensho_import_dialog_get_sheet (KenshoImportDialog *self)
{
  return self->sheet;
}

guint
kensho_import_dialog_get_n_problems (KenshoImportDialog *self)
{
  return self->problems->len;
}

GtkDropDown *
kensho_import_dialog_get_column_chooser (KenshoImportDialog *self, guint column)
{
  return column < self->column_choosers->len ? g_ptr_array_index (self->column_choosers, column) : NULL;
}

GtkDropDown *
kensho_import_dialog_get_sheet_chooser (KenshoImportDialog *self)
{
  return self->sheet_chooser;
}
