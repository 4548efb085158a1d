/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-application.h"
#include "kensho-error.h"
#include "kensho-file-write.h"
#include "kensho-import-dialog.h"

#define PREVIEW_ROWS 8
/* The problems listed in the window; all of them are saved and copied. */
#define MAX_PROBLEMS_SHOWN 200
#define READING_NOTICE_DELAY_MS 200
/* heading → field id, as chosen by hand before (a{ss}) */
#define REMEMBERED_KEY "import-columns"

struct _KenshoImportDialog
{
  AdwWindow parent_instance;

  char *path;
  GPtrArray *grids;      /* KenshoCellGrid */
  GArray *fields;        /* KenshoImportField per column */
  GPtrArray *problems;   /* KenshoImportProblem */
  KenshoSheet *sheet;    /* what Import hands over; NULL when nothing could be read */
  GSettings *settings;   /* NULL: nothing remembered */

  GtkDropDown *sheet_chooser;
  GtkWidget *sheet_row;
  GtkGrid *preview;
  GPtrArray *column_choosers; /* GtkDropDown per column */
  GtkLabel *status;
  GtkSpinner *spinner;
  GCancellable *reading;  /* the reading under way, NULL when none */
  guint reading_notice;
  GtkListBox *problem_list;
  GtkWidget *import_button;
  GtkWidget *problem_buttons;
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

/* What one reading of the worksheet, in a thread, hands back. */
typedef struct
{
  GPtrArray *grids;    /* a reference: the dialog may go first */
  KenshoCellGrid *grid;
  GArray *fields;      /* a copy: the choosers may change meanwhile */
  GPtrArray *problems; /* KenshoImportProblem */
  KenshoSheet *sheet;
  GError *error;
} Reading;

static void
reading_free (Reading *reading)
{
  g_ptr_array_unref (reading->grids);
  g_array_unref (reading->fields);
  g_ptr_array_unref (reading->problems);
  g_clear_object (&reading->sheet);
  g_clear_error (&reading->error);
  g_free (reading);
}

static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Reading *reading = data;

  /* A worksheet past the reader's bounds (the data worksheet of a large
   * export) was read only in part: shown, never imported as if whole. */
  if (kensho_cell_grid_get_cut (reading->grid))
    g_set_error (&reading->error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_TOO_LARGE,
                 _("The worksheet “%s” is too large to import; only its first rows are shown."),
                 kensho_cell_grid_get_name (reading->grid));
  else
    reading->sheet = kensho_sheet_import_grid (reading->grid, reading->fields, reading->problems, &reading->error);
  g_task_return_boolean (task, TRUE);
}

static void
show_problems (KenshoImportDialog *self)
{
  GtkWidget *child;
  guint shown = MIN (self->problems->len, MAX_PROBLEMS_SHOWN);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);
  for (guint i = 0; i <= shown && i < self->problems->len; i++)
    {
      g_autofree char *line = NULL;
      GtkWidget *label;

      /* Thousands of rows of labels would take the window seconds to lay
       * out; the whole list is one Ctrl+S away. */
      if (i == shown)
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more: save them all with Save Problems.",
                                             "… and %u more: save them all with Save Problems.",
                                             self->problems->len - shown),
                                self->problems->len - shown);
      else
        line = kensho_import_problem_format (g_ptr_array_index (self->problems, i),
                                             kensho_cell_grid_get_name (current_grid (self)));
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (self->problem_list, label);
    }
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer data)
{
  KenshoImportDialog *self = KENSHO_IMPORT_DIALOG (source);
  Reading *reading = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) indicators = NULL;

  /* A later choice started another reading: this one is stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->reading)
    return;
  g_clear_object (&self->reading);
  g_clear_handle_id (&self->reading_notice, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_spinner_stop (self->spinner);
  g_set_object (&self->sheet, reading->sheet);
  g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&reading->problems));
  reading->problems = g_ptr_array_new ();
  show_problems (self);
  gtk_widget_set_sensitive (self->import_button, self->sheet != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.copy-problems", self->problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-problems", self->problems->len > 0);
  if (self->sheet == NULL)
    {
      gtk_label_set_text (self->status, reading->error->message);
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

/* A reading that takes long says so; a quick one shows nothing that
 * would only flicker. */
static gboolean
show_reading_notice (gpointer data)
{
  KenshoImportDialog *self = data;

  self->reading_notice = 0;
  gtk_label_set_text (self->status, _("Reading the worksheet…"));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

/* Reads the sheet again with the columns as chosen, in a thread (a
 * worksheet of 10,000 rows takes a second), and shows the result. Until
 * then nothing can be imported. */
static void
update_result (KenshoImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Reading *reading = g_new0 (Reading, 1);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  g_clear_object (&self->sheet);
  g_ptr_array_set_size (self->problems, 0);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.copy-problems", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-problems", FALSE);
  if (self->reading_notice == 0)
    self->reading_notice = g_timeout_add (READING_NOTICE_DELAY_MS, show_reading_notice, self);

  reading->grids = g_ptr_array_ref (self->grids);
  reading->grid = current_grid (self);
  reading->fields = g_array_copy (self->fields);
  reading->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  task = g_task_new (self, self->reading, on_read, NULL);
  g_task_set_source_tag (task, update_result);
  g_task_set_task_data (task, reading, (GDestroyNotify) reading_free);
  g_task_run_in_thread (task, read_in_thread);
}

gboolean
kensho_import_dialog_is_reading (KenshoImportDialog *self)
{
  g_return_val_if_fail (KENSHO_IS_IMPORT_DIALOG (self), FALSE);
  return self->reading != NULL;
}

/* A column mapped by hand is mapped so again in the next workbook with
 * the same heading. */
static void
remember_column (KenshoImportDialog *self, guint column, KenshoImportField field)
{
  g_autofree char *heading = kensho_sheet_import_dup_heading (current_grid (self), column);
  g_autoptr(GVariant) old = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  if (self->settings == NULL || heading == NULL)
    return;
  old = g_settings_get_value (self->settings, REMEMBERED_KEY);
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, heading))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", heading, kensho_import_field_to_string (field));
  g_settings_set_value (self->settings, REMEMBERED_KEY, g_variant_builder_end (&builder));
}

static void
apply_remembered (KenshoImportDialog *self, guint n_columns)
{
  g_autoptr(GVariant) remembered = NULL;

  if (self->settings == NULL)
    return;
  remembered = g_settings_get_value (self->settings, REMEMBERED_KEY);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *heading = kensho_sheet_import_dup_heading (current_grid (self), c);
      const char *id = NULL;
      KenshoImportField field;

      if (heading != NULL && g_variant_lookup (remembered, heading, "&s", &id) &&
          kensho_import_field_from_string (id, &field))
        g_array_index (self->fields, KenshoImportField, c) = field;
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
  remember_column (self, column, gtk_drop_down_get_selected (chooser));
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
  apply_remembered (self, n_columns);
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

static char *
dup_problems_text (KenshoImportDialog *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *line = kensho_import_problem_format (g_ptr_array_index (self->problems, i),
                                                            kensho_cell_grid_get_name (current_grid (self)));

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

/* Ctrl+Shift+C: the problems as lines, to paste into a mail or a memo. */
static void
action_copy_problems (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoImportDialog *self = KENSHO_IMPORT_DIALOG (widget);
  g_autofree char *text = dup_problems_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_label_set_text (self->status, _("The problems were copied."));
}

gboolean
kensho_import_dialog_save_problems (KenshoImportDialog *self, const char *path, GError **error)
{
  g_autoptr(GBytes) csv = kensho_import_problems_to_csv (self->problems,
                                                         kensho_cell_grid_get_name (current_grid (self)));
  gsize length;
  const char *data = g_bytes_get_data (csv, &length);

  return kensho_write_file_atomically (path, data, length, error);
}

static void
on_save_problems_response (GtkNativeDialog *chooser, int response, KenshoImportDialog *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (path == NULL)
    gtk_label_set_text (self->status, _("Choose a local file."));
  else if (kensho_import_dialog_save_problems (self, path, &error))
    gtk_label_set_text (self->status, _("The problems were saved."));
  else
    gtk_label_set_text (self->status, error->message);
}

/* Ctrl+S: the problems as a CSV table, to fix the workbook from. */
static void
action_save_problems (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoImportDialog *self = KENSHO_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Problems"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));
  g_autofree char *base = g_path_get_basename (self->path ? self->path : "");
  char *dot = strrchr (base, '.');
  g_autofree char *name_text = NULL;

  if (dot != NULL)
    *dot = '\0';
  /* TRANSLATORS: the file name the problems of "WORKBOOK.xlsx" are saved to */
  name_text = g_strdup_printf (_("%s-problems.csv"), base);
  if (self->path != NULL)
    {
      g_autofree char *folder_path = g_path_get_dirname (self->path);
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name_text);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_problems_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A reading still under way when the window goes finds no widgets to
 * show its result in: it is told so. */
static void
kensho_import_dialog_dispose (GObject *object)
{
  KenshoImportDialog *self = KENSHO_IMPORT_DIALOG (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_handle_id (&self->reading_notice, g_source_remove);
  G_OBJECT_CLASS (kensho_import_dialog_parent_class)->dispose (object);
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
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kensho_import_dialog_parent_class)->finalize (object);
}

static void
kensho_import_dialog_class_init (KenshoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_import_dialog_dispose;
  object_class->finalize = kensho_import_dialog_finalize;
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, KENSHO_TYPE_SHEET);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, action_import);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.run", NULL);
  gtk_widget_class_install_action (widget_class, "import.copy-problems", NULL, action_copy_problems);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "import.copy-problems", NULL);
  gtk_widget_class_install_action (widget_class, "import.save-problems", NULL, action_save_problems);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "import.save-problems", NULL);
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

  {
    GtkWidget *status_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->spinner = GTK_SPINNER (gtk_spinner_new ());
    gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    gtk_box_append (GTK_BOX (status_row), GTK_WIDGET (self->spinner));
    self->status = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->status, 0);
    gtk_label_set_wrap (self->status, TRUE);
    gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
    gtk_box_append (GTK_BOX (status_row), GTK_WIDGET (self->status));
    gtk_box_append (GTK_BOX (content), status_row);
  }

  self->problem_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problem_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (problems_scroller), GTK_WIDGET (self->problem_list));
  gtk_widget_set_size_request (problems_scroller, -1, 140);
  gtk_box_append (GTK_BOX (content), problems_scroller);

  self->problem_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->problem_buttons, GTK_ALIGN_END);
  {
    GtkWidget *copy = gtk_button_new_with_mnemonic (_("C_opy Problems"));
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Problems…"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "import.copy-problems");
    gtk_widget_set_tooltip_text (copy, _("Copy the problems as text (Ctrl+Shift+C)"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "import.save-problems");
    gtk_widget_set_tooltip_text (save, _("Save the problems as a CSV table (Ctrl+S)"));
    gtk_box_append (GTK_BOX (self->problem_buttons), copy);
    gtk_box_append (GTK_BOX (self->problem_buttons), save);
  }
  gtk_box_append (GTK_BOX (content), self->problem_buttons);

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
  if (parent != NULL && KENSHO_IS_APPLICATION (gtk_window_get_application (parent)))
    self->settings = g_object_ref (kensho_application_get_settings (KENSHO_APPLICATION (gtk_window_get_application (parent))));
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
