/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-board-window.h"
#include "kensho-file-write.h"
#include "kensho-board.h"
#include "kensho-cycle-ui.h"
#include "kensho-handout-store.h"
#include "kensho-sheet-xml.h"

struct _KenshoBoardWindow
{
  AdwWindow parent_instance;
  KenshoWindow *parent;   /* weak: the board is its transient */
  GtkWidget *list;
  GPtrArray *records;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (KenshoBoardWindow, kensho_board_window, ADW_TYPE_WINDOW)

static void
kensho_board_window_finalize (GObject *object)
{
  KenshoBoardWindow *self = KENSHO_BOARD_WINDOW (object);

  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (kensho_board_window_parent_class)->finalize (object);
}

static void
kensho_board_window_class_init (KenshoBoardWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_board_window_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kensho_board_window_init (KenshoBoardWindow *self)
{
}

static KenshoWorkspace *
get_workspace (KenshoBoardWindow *self)
{
  return kensho_cycle_ui_get_workspace (self->parent);
}

static KenshoHandoutRecord *
latest_record (KenshoBoardWindow *self, const char *division)
{
  for (guint i = 0; self->records != NULL && i < self->records->len; i++)
    {
      KenshoHandoutRecord *record = self->records->pdata[i];

      if (g_strcmp0 (record->division, division) == 0)
        return record;
    }
  return NULL;
}

/* The lines kensho_board_format() writes for each division. */
static void
add_row (KenshoBoardWindow *self, KenshoBoardRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  KenshoHandoutRecord *record = latest_record (self, row->division);
  g_autofree char *line = NULL;
  g_autofree char *empty_line = NULL;

  kensho_board_row_dup_lines (row, &line, &empty_line);
  kensho_cycle_ui_add_label (box, line, row->overdue || row->conflicts > 0 ? "warning" : NULL);
  if (empty_line != NULL)
    kensho_cycle_ui_add_label (box, empty_line, "dim-label");
  if (record != NULL && record->answer_id != 0)
    {
      g_autoptr(GPtrArray) items = kensho_workspace_list_answer_items (get_workspace (self), record->answer_id, NULL);
      GtkWidget *changes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *title = g_strdup_printf (_("_Changes (%u)"), items ? items->len : 0);
      GtkWidget *expander = gtk_expander_new_with_mnemonic (title);

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          KenshoMergeItem *item = items->pdata[i];
          g_autofree char *described = kensho_merge_item_describe (item);
          g_autofree char *text = g_strdup_printf ("%s: %s", kensho_merge_kind_to_string (item->kind), described);

          kensho_cycle_ui_add_label (changes, text, NULL);
        }
      gtk_expander_set_child (GTK_EXPANDER (expander), changes);
      gtk_box_append (GTK_BOX (box), expander);
    }
  gtk_box_append (GTK_BOX (self->list), box);
}

void
kensho_board_window_refresh (KenshoBoardWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self->parent);
  KenshoDocument *document = kensho_window_get_document (self->parent);
  g_autofree char *today = kensho_board_dup_today ();
  g_autofree char *title = kensho_sheet_dup_display_title (sheet);
  GtkWidget *child;

  g_return_if_fail (KENSHO_IS_BOARD_WINDOW (self));

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->records = kensho_workspace_list_handouts (get_workspace (self), kensho_document_get_id (document), NULL);
  self->rows = kensho_board_build (sheet, self->records, today);
  kensho_cycle_ui_add_label (self->list, title, "title-4");
  for (guint i = 0; i < self->rows->len; i++)
    add_row (self, self->rows->pdata[i]);
}

GBytes *
kensho_board_window_dup_report_csv (KenshoBoardWindow *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (KENSHO_IS_BOARD_WINDOW (self), NULL);
  for (guint i = 0; self->records != NULL && i < self->records->len; i++)
    {
      KenshoHandoutRecord *record = self->records->pdata[i];
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GBytes) csv = NULL;
      const char *data;
      gsize size;

      /* The latest answer of each division: the first record of it. */
      if (record->answer_id == 0 || latest_record (self, record->division) != record)
        continue;
      items = kensho_workspace_list_answer_items (get_workspace (self), record->answer_id, NULL);
      if (items == NULL)
        continue;
      csv = kensho_merge_report_csv (record->division, items);
      data = g_bytes_get_data (csv, &size);
      /* One header for all. */
      if (out->len > 0)
        {
          const char *body = strstr (data, "\r\n") + 2;

          size -= (gsize) (body - data);
          data = body;
        }
      g_string_append_len (out, data, (gssize) size);
    }
  if (out->len == 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      return kensho_merge_report_csv (NULL, none);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
on_export_response (GtkNativeDialog *dialog, int response, KenshoBoardWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GBytes) csv = kensho_board_window_dup_report_csv (self);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL || !kensho_write_file_atomically (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                                          &error))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("The report was not exported"),
                                                     error ? error->message : _("Choose a file on this computer."));

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
  g_object_unref (dialog);
}

static void
on_export (KenshoBoardWindow *self)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export the Report of Changes"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                              _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("changes.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, KenshoBoardWindow *self)
{
  kensho_board_draw (kensho_window_get_sheet (self->parent), self->rows, gtk_print_context_get_cairo_context (context),
                     gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
on_print (KenshoBoardWindow *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Answer Board"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
}

KenshoBoardWindow *
kensho_board_window_new (KenshoWindow *parent)
{
  KenshoBoardWindow *self = g_object_new (KENSHO_TYPE_BOARD_WINDOW, "transient-for", parent, "title",
                                          _("Answer Board"), "default-width", 720, "default-height", 640, NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export Report…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->parent = parent;
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (outer), header);
  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_margin_start (self->list, 12);
  gtk_widget_set_margin_end (self->list, 12);
  gtk_widget_set_margin_top (self->list, 12);
  gtk_widget_set_margin_bottom (self->list, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), scrolled);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (on_print), self);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export), self);
  adw_window_set_content (ADW_WINDOW (self), outer);
  kensho_board_window_refresh (self);
  return self;
}
