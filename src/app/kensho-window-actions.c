/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions (win.*) and their keyboard shortcuts. */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-board-window.h"
#include "kensho-collect-dialog.h"
#include "kensho-csv.h"
#include "kensho-export-progress.h"
#include "kensho-file-write.h"
#include "kensho-handout-dialog.h"
#include "kensho-import-dialog.h"
#include "kensho-indicator-form.h"
#include "kensho-indicator-table.h"
#include "kensho-node-form.h"
#include "kensho-overview-page.h"
#include "kensho-print-operation.h"
#include "kensho-rollover.h"
#include "kensho-sheet-edit.h"
#include "kensho-sheet-properties.h"
#include "kensho-sheet-xml.h"
#include "kensho-window-private.h"
#include "kensho-work-progress.h"
#include "kensho-xlsx-export.h"

/* Opening ----------------------------------------------------------------- */

static GtkFileFilter *
sheet_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Verification sheets"));
  gtk_file_filter_add_mime_type (filter, "application/x-kensho-sheet+xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  return filter;
}

static void
on_open_response (GtkNativeDialog *dialog, int response, KenshoWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _kensho_window_open_file_async (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_open (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open a Sheet"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN,
                                                              _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = sheet_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_open_sample (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  g_autofree char *path = kensho_application_dup_sample_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, &error);
  g_autoptr(KenshoDocument) document = NULL;

  /* The sample opens as a new, untitled sheet: the installed file is
   * read-only, and Save asks where to keep the copy. */
  if (sheet != NULL)
    document = kensho_session_new_document (get_session (self), sheet, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Open the Sample"), error->message);
      return;
    }
  kensho_window_set_document (_kensho_window_for_new_sheet (self), document);
}

/* A workbook read into a new, unsaved sheet (kensho-import-dialog). */
static void
on_spreadsheet_imported (KenshoImportDialog *dialog, KenshoSheet *sheet, KenshoWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = kensho_session_new_document (get_session (self), sheet, &error);

  if (document == NULL)
    {
      show_error (self, _("Could Not Import the Spreadsheet"), error->message);
      return;
    }
  kensho_window_set_document (_kensho_window_for_new_sheet (self), document);
}

/* Reading a workbook of thousands of rows takes seconds: in a thread. */
static void
read_grids_in_thread (GTask *task, gpointer source, gpointer path, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *grids = kensho_sheet_import_read_grids (path, NULL, &error);

  if (grids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, grids, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_grids_read (GObject *progress, GAsyncResult *result, gpointer data)
{
  g_autoptr(KenshoWindow) self = data;
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));
  GPtrArray *grids = kensho_work_progress_finish (KENSHO_WORK_PROGRESS (progress), result, &error);
  KenshoImportDialog *dialog;

  if (grids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && gtk_widget_get_realized (GTK_WIDGET (self)))
        show_error (self, _("Could Not Import the Spreadsheet"), error->message);
      return;
    }
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_ptr_array_unref (grids);
      return; /* the window was closed meanwhile */
    }
  dialog = kensho_import_dialog_new (GTK_WINDOW (self), path, grids);
  g_signal_connect (dialog, "import", G_CALLBACK (on_spreadsheet_imported), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (GtkNativeDialog *chooser, int response, KenshoWindow *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (path == NULL)
    {
      show_error (self, _("Could Not Import the Spreadsheet"), _("Choose a local file."));
      return;
    }
  base = g_path_get_basename (path);
  /* TRANSLATORS: %s is the name of the workbook being read */
  text = g_strdup_printf (_("Reading “%s”…"), base);
  kensho_work_progress_run (GTK_WINDOW (self), _("Import Spreadsheet"), text, read_grids_in_thread,
                            g_steal_pointer (&path), g_free, on_grids_read, g_object_ref (self));
}

static void
action_import_spreadsheet (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import a Spreadsheet"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .ods, .csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "ods");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_new (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  g_autoptr(KenshoSheet) sheet = kensho_sheet_edit_new_blank ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = NULL;

  document = kensho_session_new_document (get_session (self), sheet, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Create the Sheet"), error->message);
      return;
    }
  kensho_window_set_document (_kensho_window_for_new_sheet (self), document);
}

/* Next year's sheet opens as a new, untitled one; this file stays as it is. */
static void
action_next_year (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) next = kensho_sheet_roll_over (kensho_window_get_sheet (self), 0, &error);
  g_autoptr(KenshoDocument) document = NULL;

  if (next != NULL)
    document = kensho_session_new_document (get_session (self), next, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Start the Next Fiscal Year"), error->message);
      return;
    }
  kensho_window_set_document (_kensho_window_for_new_sheet (self), document);
}

/* Saving ------------------------------------------------------------------ */

static void save_as (KenshoWindow *self, gboolean beside);

static void
on_changed_on_disk_choice (AdwMessageDialog *dialog, const char *response, KenshoWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "overwrite"))
    _kensho_window_save (self, KENSHO_SAVE_OVERWRITE);
  else if (g_str_equal (response, "elsewhere"))
    save_as (self, TRUE);
  else if (g_str_equal (response, "in-place"))
    _kensho_window_save (self, self->refused_save_flags | KENSHO_SAVE_IN_PLACE);
  else if (g_str_equal (response, "reload") && !kensho_document_reload (self->document, &error))
    show_error (self, _("Could Not Reload the Sheet"), error->message);
}

static void saved (KenshoWindow *self, KenshoSaveFlags flags, GError *error);
static void start_save (KenshoWindow *self, KenshoSaveFlags flags, const char *path);

static void
on_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(KenshoWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->save_path);
  g_autofree char *again_path = g_steal_pointer (&self->save_again_path);
  gboolean again = self->save_again;
  gboolean close_after = self->close_after_save;

  kensho_document_save_finish (KENSHO_DOCUMENT (source), result, &error);
  self->save_running = FALSE;
  self->save_again = FALSE;
  /* Gone meanwhile (its template disposed): nothing to show. */
  if (self->document != KENSHO_DOCUMENT (source))
    return;
  kensho_busy_indicator_stop (self->busy_indicator);
  if (path != NULL && error == NULL)
    kensho_session_add_recent (get_session (self), path);
  if (again && error == NULL)
    {
      start_save (self, self->save_again_flags, again_path);
      return;
    }
  self->close_after_save = FALSE;
  if (path == NULL)
    saved (self, self->save_flags, error);
  else if (error == NULL)
    {
      show_toast (self, _("Saved"));
      if (self->close_confirmed)
        gtk_window_close (GTK_WINDOW (self));
    }
  else
    {
      self->close_confirmed = FALSE;
      show_error (self, _("Could Not Save the Sheet"), error->message);
    }
  /* (A close confirmed with Save has closed it already.) */
  if (close_after && error == NULL && !self->close_confirmed)
    gtk_window_close (GTK_WINDOW (self));
}

/* The file is read back and written in a thread: a slow share does not
 * freeze the window. @path: Save As to it. */
static void
start_save (KenshoWindow *self, KenshoSaveFlags flags, const char *path)
{
  if (self->document == NULL)
    return;
  if (self->save_running)
    {
      /* One at a time: this one follows, with what was edited meanwhile
       * (a Save after a Save As chosen goes to the file chosen). */
      self->save_again = TRUE;
      self->save_again_flags = flags;
      if (path != NULL)
        {
          g_free (self->save_again_path);
          self->save_again_path = g_strdup (path);
        }
      return;
    }
  self->save_running = TRUE;
  self->save_flags = flags;
  g_free (self->save_path);
  self->save_path = g_strdup (path);
  kensho_busy_indicator_start (self->busy_indicator, _("Saving…"));
  if (path != NULL)
    kensho_document_save_as_async (self->document, path, self->cancellable, on_saved, g_object_ref (self));
  else
    kensho_document_save_async (self->document, flags, self->cancellable, on_saved, g_object_ref (self));
}

void
_kensho_window_save (KenshoWindow *self, KenshoSaveFlags flags)
{
  start_save (self, flags, NULL);
}

gboolean
kensho_window_is_saving (KenshoWindow *self)
{
  g_return_val_if_fail (KENSHO_IS_WINDOW (self), FALSE);
  return self->save_running;
}

static void
saved (KenshoWindow *self, KenshoSaveFlags flags, GError *error)
{
  if (error == NULL)
    {
      show_toast (self, _("Saved"));
      if (self->close_confirmed)
        gtk_window_close (GTK_WINDOW (self));
      return;
    }
  self->close_confirmed = FALSE;
  if (g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_NO_FILE) ||
      g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_READ_ONLY))
    save_as (self, FALSE);
  else if (g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"),
                                                  error->message);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s Overwrite their version (it is kept in the sheet’s history), "
                                        "save yours elsewhere, or reload theirs and drop your changes?"),
                                      error->message);
      /* The safe answer last: that is where the dialog puts the keyboard
       * (the default response alone does not), so that Enter keeps both
       * versions. */
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload"),
                                        "overwrite", _("_Overwrite"),
                                        "elsewhere", _("Save _Elsewhere…"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "elsewhere", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "elsewhere");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_choice), self);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_RENAME_REFUSED))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Could Not Be Replaced"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s Write into the file itself (its previous version is kept in the "
                                        "sheet’s history), or save yours elsewhere?"), error->message);
      self->refused_save_flags = flags;
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "in-place", _("_Write in Place"),
                                        "elsewhere", _("Save _Elsewhere…"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "elsewhere", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "elsewhere");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_choice), self);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    show_error (self, _("Could Not Save the Sheet"),
                /* The edits are safe; say so. */
                error->message);
}

static void
on_save_as_response (GtkNativeDialog *dialog, int response, KenshoWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* In a thread, as Save; "Save Changes?" closes once it is done. */
      if (path != NULL)
        start_save (self, KENSHO_SAVE_DEFAULT, path);
      else
        {
          self->close_confirmed = FALSE;
          show_error (self, _("Could Not Save the Sheet"),
                      _("Only files on this computer or a mounted share can be saved."));
        }
    }
  else
    self->close_confirmed = FALSE;
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* @beside: a copy beside the file is suggested, not the file itself
 * (whose changes on disk Save Elsewhere must not overwrite either). */
static void
save_as (KenshoWindow *self, gboolean beside)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save the Sheet"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                                              _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = sheet_filter ();
  const char *path = self->document ? kensho_document_get_path (self->document) : NULL;

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (path != NULL && (beside || kensho_document_get_read_only (self->document)))
    {
      /* Not the file someone else is working on: a copy beside it. */
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *name = NULL;
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      /* TRANSLATORS: the file suggested for a copy of a sheet opened read-only; %s is its name */
      name = g_strdup_printf (_("%s (copy).xml"), base);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
    }
  else
    {
      g_autofree char *title = kensho_sheet_dup_display_title (kensho_window_get_sheet (self));
      g_autofree char *name = g_strconcat (title, ".xml", NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_kensho_window_save_as (KenshoWindow *self, gboolean beside)
{
  save_as (self, beside);
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *parameter)
{
  _kensho_window_save (KENSHO_WINDOW (widget), KENSHO_SAVE_DEFAULT);
}

static void
action_save_as (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save_as (KENSHO_WINDOW (widget), FALSE);
}

static void
on_overview_indicator_activated (KenshoOverviewPage *page, KenshoIndicator *indicator, KenshoWindow *self)
{
  if (_kensho_window_show_indicator (self, KENSHO_NODE (indicator)))
    kensho_indicator_form_focus_field (KENSHO_INDICATOR_FORM (self->indicator_form),
                                       KENSHO_FIELD_DELAY_REASON, 0);
}

/* The overview takes the place of the form until something is selected. */
static void
action_overview (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);

  if (kensho_window_get_sheet (self) == NULL)
    return;
  /* Made the first time it is asked for: most sessions never look. */
  if (self->overview_page == NULL)
    {
      self->overview_page = kensho_overview_page_new ();
      gtk_stack_add_named (self->form_stack, self->overview_page, "overview");
      g_signal_connect (self->overview_page, "indicator-activated",
                        G_CALLBACK (on_overview_indicator_activated), self);
    }
  kensho_overview_page_set_sheet (KENSHO_OVERVIEW_PAGE (self->overview_page), kensho_window_get_sheet (self));
  gtk_stack_set_visible_child_name (self->form_stack, "overview");
  gtk_stack_set_visible_child_name (self->main_stack, "sheet");
}

static void
on_table_indicator_activated (KenshoIndicatorTable *table, KenshoIndicator *indicator, KenshoWindow *self)
{
  if (_kensho_window_show_indicator (self, KENSHO_NODE (indicator)))
    gtk_stack_set_visible_child_name (self->main_stack, "sheet");
}

/* Ctrl+T: the table of all indicators in place of the tree and form, and
 * back; the tree's search and filters apply to it. */
static void
action_table (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);

  if (kensho_window_get_sheet (self) == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "table") == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "sheet");
      return;
    }
  /* Made the first time it is asked for, as the overview is. */
  if (self->indicator_table == NULL)
    {
      self->indicator_table = kensho_indicator_table_new ();
      kensho_indicator_table_set_filter (KENSHO_INDICATOR_TABLE (self->indicator_table),
                                         kensho_strategy_tree_get_indicator_filter (self->tree));
      gtk_stack_add_named (self->main_stack, self->indicator_table, "table");
      g_signal_connect (self->indicator_table, "indicator-activated", G_CALLBACK (on_table_indicator_activated), self);
    }
  kensho_indicator_table_set_sheet (KENSHO_INDICATOR_TABLE (self->indicator_table), kensho_window_get_sheet (self));
  kensho_indicator_table_set_editable (KENSHO_INDICATOR_TABLE (self->indicator_table),
                                       !kensho_document_get_read_only (self->document));
  gtk_stack_set_visible_child_name (self->main_stack, "table");
  gtk_widget_grab_focus (GTK_WIDGET (kensho_indicator_table_get_view (KENSHO_INDICATOR_TABLE (self->indicator_table))));
}

static void
action_properties (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  GtkWindow *properties = kensho_sheet_properties_new (GTK_WINDOW (self), kensho_window_get_sheet (self));

  gtk_window_present (properties);
}

/* Hand-outs to the divisions and their answers: dialogs of their own. */
static void
action_handout (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_window_present (GTK_WINDOW (kensho_handout_dialog_new (KENSHO_WINDOW (widget))));
}

static void
on_answers_merged (KenshoCollectDialog *dialog, guint changed, KenshoWindow *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answers merged: %u field changed",
                                                        "Answers merged: %u fields changed", changed), changed);

  show_toast (self, text);
}

static void
action_collect (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoCollectDialog *dialog = kensho_collect_dialog_new (KENSHO_WINDOW (widget));

  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_answers_merged), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_board (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_window_present (GTK_WINDOW (kensho_board_window_new (KENSHO_WINDOW (widget))));
}

/* Editing ----------------------------------------------------------------- */

/* Shows what undo or redo changed; back as saved, the sheet is unchanged. */
static void
select_after_undo (KenshoWindow *self, KenshoNode *node)
{
  if (node != NULL && kensho_node_get_sheet (node) != NULL)
    kensho_strategy_tree_select (self->tree, node);
  /* On failure (a full disk) the sheet stays marked unsaved: no harm. */
  if (kensho_undo_stack_is_clean (self->undo))
    kensho_document_mark_saved (self->document, NULL);
}

static void
action_undo (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);

  if (self->undo != NULL)
    select_after_undo (self, kensho_undo_stack_undo (self->undo));
}

static void
action_redo (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);

  if (self->undo != NULL)
    select_after_undo (self, kensho_undo_stack_redo (self->undo));
}

static void
action_delete (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  KenshoNode *node = kensho_strategy_tree_get_selected (self->tree);
  g_autoptr(KenshoNode) keep = NULL;
  g_autofree char *message = NULL;
  KenshoNode *neighbour;
  guint n_indicators;
  AdwToast *toast;
  GtkWidget *focus;
  gboolean from_tree;

  if (node == NULL)
    return;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  from_tree = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tree));
  keep = g_object_ref (node);
  /* The selection moves on to the node the rules give; "Nothing
   * selected" when none is shown. */
  neighbour = kensho_sheet_edit_delete (node, &n_indicators);
  if (neighbour == NULL || !kensho_strategy_tree_select (self->tree, neighbour))
    kensho_strategy_tree_select (self->tree, NULL);
  /* Delete pressed in the tree: the keyboard stays there, on the next
   * row, for the next key. */
  if (from_tree)
    kensho_strategy_tree_focus_selected (self->tree);
  /* A goal or measure takes its indicators with it: say how many. */
  if (n_indicators > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” and its %u indicator deleted",
                                            "“%s” and its %u indicators deleted", n_indicators),
                               kensho_node_get_title (node) ? kensho_node_get_title (node) : "", n_indicators);
  else
    message = g_strdup_printf (_("“%s” deleted"), kensho_node_get_title (node) ? kensho_node_get_title (node) : "");
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* F2: the selected row's name, in the form beside the tree, selected
 * whole so that typing replaces it. */
static void
action_rename (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  KenshoNode *node = kensho_strategy_tree_get_selected (self->tree);

  if (node == NULL)
    return;
  if (KENSHO_IS_INDICATOR (node))
    {
      GtkEditable *field = kensho_indicator_form_get_field (KENSHO_INDICATOR_FORM (self->indicator_form), "name");

      gtk_widget_grab_focus (GTK_WIDGET (field));
      gtk_editable_select_region (field, 0, -1);
    }
  else
    kensho_node_form_focus_title (KENSHO_NODE_FORM (self->node_form));
}

static void
action_move (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);

  kensho_strategy_tree_move_selected (self->tree, g_str_equal (name, "win.move-up") ? -1 : 1);
}

static KenshoNodeKind
kind_for_action (const char *name, KenshoIndicatorKind *indicator_kind)
{
  *indicator_kind = KENSHO_INDICATOR_KPI;
  if (g_str_equal (name, "win.add-goal"))
    return KENSHO_NODE_GOAL;
  if (g_str_equal (name, "win.add-subgoal"))
    return KENSHO_NODE_SUBGOAL;
  if (g_str_equal (name, "win.add-measure"))
    return KENSHO_NODE_MEASURE;
  if (g_str_equal (name, "win.add-target"))
    *indicator_kind = KENSHO_INDICATOR_TARGET;
  return KENSHO_NODE_INDICATOR;
}

static void
action_add (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  KenshoIndicatorKind indicator_kind;
  KenshoNodeKind kind = kind_for_action (name, &indicator_kind);
  KenshoNode *node = kensho_sheet_edit_add (kensho_window_get_sheet (self),
                                            kensho_strategy_tree_get_selected (self->tree),
                                            kind, indicator_kind);

  if (node == NULL)
    {
      show_toast (self, _("Select where the new item belongs first."));
      return;
    }
  kensho_strategy_tree_select (self->tree, node);
  /* Ready to type the new row's name over the placeholder. */
  action_rename (widget, NULL, NULL);
}

static void
action_find (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Printing and PDF ---------------------------------------------------------- */

/* Where a printed or exported copy goes first: the sheet's folder, or the
 * documents folder for a sheet not saved yet. */
static char *
dup_output_folder (KenshoWindow *self)
{
  const char *path = kensho_document_get_path (self->document);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (path != NULL)
    return g_path_get_dirname (path);
  return g_strdup (documents != NULL ? documents : g_get_home_dir ());
}

/* The sheet's title as a file name. */
static char *
dup_output_name (KenshoWindow *self, const char *extension)
{
  g_autofree char *title = kensho_sheet_dup_display_title (kensho_window_get_sheet (self));

  g_strdelimit (title, G_DIR_SEPARATOR_S, '_');
  return g_strconcat (title, extension, NULL);
}

/* What is printed follows the division and rating filters of the tree. */
static void
apply_filters (KenshoWindow *self, KenshoPrintLayout *layout)
{
  kensho_print_layout_set_division (layout, _kensho_window_selected_division (self));
  kensho_print_layout_set_rating (layout, _kensho_window_selected_rating_id (self));
}

static void
on_print_done (GtkPrintOperation *operation, GtkPrintOperationResult result, KenshoWindow *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print"), error ? error->message : _("The printer reported an error."));
    }
  g_object_unref (operation);
}

/* Print to File suggests the sheet's title in its folder, not output.pdf
 * where the app was started. */
static void
suggest_print_file (KenshoWindow *self, GtkPrintOperation *operation)
{
  GtkPrintSettings *current = gtk_print_operation_get_print_settings (operation);
  g_autoptr(GtkPrintSettings) settings = current ? g_object_ref (current) : gtk_print_settings_new ();
  g_autofree char *name = dup_output_name (self, ".pdf");
  g_autofree char *folder = dup_output_folder (self);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (operation, settings);
}

/* The sheet as filtered in the tree, or only its summary (the overview's
 * Print Summary). */
static void
print_sheet (KenshoWindow *self, gboolean summary_only)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  KenshoPrintOperation *operation;
  KenshoPrintLayout *layout;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (sheet == NULL)
    return;
  /* Kept alive until ::done, which GTK emits for every outcome. */
  operation = kensho_print_operation_new (sheet, kensho_application_get_settings (get_app (self)));
  suggest_print_file (self, GTK_PRINT_OPERATION (operation));
  layout = kensho_print_operation_get_layout (operation);
  if (summary_only)
    kensho_print_layout_set_summary_only (layout, TRUE);
  else
    apply_filters (self, layout);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (self, _("Could Not Print"), error->message);
}

static void
action_print (GtkWidget *widget, const char *name, GVariant *parameter)
{
  print_sheet (KENSHO_WINDOW (widget), FALSE);
}

static void
action_print_summary (GtkWidget *widget, const char *name, GVariant *parameter)
{
  print_sheet (KENSHO_WINDOW (widget), TRUE);
}

/* Exports write a file chosen in a file chooser; @export does the writing. */
/* Writes the sheet to @path, now or later; reports with export_finished(). */
typedef void (*ExportFunc) (KenshoWindow *self, const char *path);

static void
export_finished (KenshoWindow *self, gboolean ok, const char *message)
{
  if (ok)
    show_toast (self, _("Exported"));
  else
    show_error (self, _("Could Not Export"), message ? message : _("Choose a local file."));
}

/* What a file chooser for an export answers to. */
typedef struct
{
  KenshoWindow *self;
  ExportFunc export;
} ExportRequest;

static void
on_export_response (GtkNativeDialog *dialog, int response, ExportRequest *request)
{
  KenshoWindow *self = request->self;
  ExportFunc export = request->export;

  if (response == GTK_RESPONSE_ACCEPT && kensho_window_get_sheet (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        export (self, path);
      else
        export_finished (self, FALSE, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_export_file (KenshoWindow *self, const char *title, const char *extension, ExportFunc export)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                                              _("_Export"), _("_Cancel"));
  g_autofree char *file_name = dup_output_name (self, extension);
  g_autofree char *folder_path = dup_output_folder (self);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  ExportRequest *request;

  /* Beside the sheet, not in the folder the app was started from. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  request = g_new (ExportRequest, 1);
  request->self = self;
  request->export = export;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_export_response), request,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_csv (KenshoWindow *self, const char *path)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = kensho_csv_save_file (kensho_window_get_sheet (self), path, &error);

  export_finished (self, ok, error ? error->message : NULL);
}

static void
action_export_csv (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose_export_file (KENSHO_WINDOW (widget), _("Export as CSV"), ".csv", export_csv);
}

typedef struct
{
  KenshoSheet *sheet; /* a copy: the window goes on editing the original */
  char *path;
} XlsxExport;

static void
xlsx_export_free (XlsxExport *export)
{
  g_object_unref (export->sheet);
  g_free (export->path);
  g_free (export);
}

static void
export_xlsx_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  XlsxExport *export = data;
  GError *error = NULL;
  GBytes *bytes = kensho_xlsx_export_bytes (export->sheet, export->path, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* Written here, not in the thread, so that Cancel leaves the file as it was. */
static void
on_xlsx_exported (GObject *progress, GAsyncResult *result, gpointer data)
{
  g_autoptr(KenshoWindow) self = data;
  g_autoptr(GError) error = NULL;
  XlsxExport *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GBytes) bytes = kensho_work_progress_finish (KENSHO_WORK_PROGRESS (progress), result, &error);
  gsize length = 0;
  const char *contents = bytes ? g_bytes_get_data (bytes, &length) : NULL;
  gboolean ok = bytes != NULL && kensho_write_file_atomically (export->path, contents, length, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;
  export_finished (self, ok, error ? error->message : NULL);
}

static void
export_xlsx (KenshoWindow *self, const char *path)
{
  XlsxExport *export = g_new0 (XlsxExport, 1);
  g_autofree char *base = g_path_get_basename (path);
  /* TRANSLATORS: %s is the name of the file being written */
  g_autofree char *text = g_strdup_printf (_("Exporting “%s”…"), base);

  export->sheet = kensho_sheet_copy (kensho_window_get_sheet (self));
  export->path = g_strdup (path);
  kensho_work_progress_run (GTK_WINDOW (self), _("Export as Excel Workbook"), text, export_xlsx_in_thread,
                            export, (GDestroyNotify) xlsx_export_free, on_xlsx_exported, g_object_ref (self));
}

static void
action_export_xlsx (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose_export_file (KENSHO_WINDOW (widget), _("Export as Excel Workbook"), ".xlsx", export_xlsx);
}

static void
on_pdf_export_done (KenshoExportProgress *progress, int result, const char *message, KenshoWindow *self)
{
  if (result != KENSHO_EXPORT_CANCELLED)
    export_finished (self, result == KENSHO_EXPORT_DONE, message);
}

/* The same pages as printing, on the paper of the last print (A3
 * landscape at first), with its summary page and achievement column if
 * chosen. A sheet of thousands of indicators takes seconds: the
 * export runs from the main loop, with progress and Cancel. */
static void
export_pdf (KenshoWindow *self, const char *path)
{
  g_autoptr(KenshoPdfExport) export = NULL;
  KenshoExportProgress *progress;
  g_autoptr(KenshoPrintLayout) layout = kensho_print_layout_new (kensho_window_get_sheet (self));

  apply_filters (self, layout);
  export = kensho_print_operation_new_pdf_export (kensho_application_get_settings (get_app (self)), layout);
  progress = kensho_export_progress_new (GTK_WINDOW (self), export, path);
  g_signal_connect_object (progress, "done", G_CALLBACK (on_pdf_export_done), self, 0);
  gtk_window_present (GTK_WINDOW (progress));
}

static void
action_export_pdf (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose_export_file (KENSHO_WINDOW (widget), _("Export as PDF"), ".pdf", export_pdf);
}

/* Zoom and recent sheets ---------------------------------------------------- */

/* Ctrl+plus, Ctrl+minus: ten per cent at a time; Ctrl+0 back to 100%. */
static void
action_zoom (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KenshoWindow *self = KENSHO_WINDOW (widget);
  GSettings *settings = kensho_application_get_settings (get_app (self));
  double zoom = _kensho_window_get_zoom (self);

  if (g_str_equal (name, "win.zoom-in"))
    zoom = (int) (zoom * 10 + 1.5) / 10.0;
  else if (g_str_equal (name, "win.zoom-out"))
    zoom = (int) (zoom * 10 - 0.5) / 10.0;
  else
    zoom = 1.0;
  g_settings_set_double (settings, "zoom", CLAMP (zoom, 0.5, 3.0));
}

static void
action_open_recent (GtkWidget *widget, const char *name, GVariant *parameter)
{
  _kensho_window_open_path_async (KENSHO_WINDOW (widget), g_variant_get_string (parameter, NULL), KENSHO_OPEN_DEFAULT);
}

void
_kensho_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, action_open_sample);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, action_next_year);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.print-summary", NULL, action_print_summary);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, action_export_pdf);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, action_export_csv);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, action_export_xlsx);
  gtk_widget_class_install_action (widget_class, "win.import-spreadsheet", NULL, action_import_spreadsheet);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, action_properties);
  gtk_widget_class_install_action (widget_class, "win.handout", NULL, action_handout);
  gtk_widget_class_install_action (widget_class, "win.collect", NULL, action_collect);
  gtk_widget_class_install_action (widget_class, "win.board", NULL, action_board);
  gtk_widget_class_install_action (widget_class, "win.overview", NULL, action_overview);
  gtk_widget_class_install_action (widget_class, "win.table", NULL, action_table);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, action_rename);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "win.add-goal", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "win.add-subgoal", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "win.add-measure", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "win.add-kpi", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "win.add-target", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, action_zoom);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-spreadsheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.handout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.collect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.board", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.add-kpi", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}
