/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-cycle-ui.h"
#include "kensho-handout-dialog.h"
#include "kensho-handout-store.h"
#include "kensho-handout-xlsx.h"
#include "kensho-handout.h"
#include "kensho-sheet-xml.h"

struct _KenshoHandoutDialog
{
  AdwWindow parent_instance;
  KenshoWindow *parent;        /* weak: the dialog is its transient */
  GtkWidget *divisions;        /* GtkBox of GtkCheckButton */
  GtkWidget *folder_label;
  GtkWidget *due;
  GtkWidget *contact;
  GtkWidget *format;
  GtkWidget *progress;
  GtkWidget *message;
  GtkWidget *hand_out;
  GtkWidget *cancel;
  GFile *folder;
  GStrv chosen;                /* while handing out */
  guint next;
  guint idle;
};

G_DEFINE_FINAL_TYPE (KenshoHandoutDialog, kensho_handout_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
kensho_handout_dialog_dispose (GObject *object)
{
  KenshoHandoutDialog *self = KENSHO_HANDOUT_DIALOG (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->chosen, g_strfreev);
  G_OBJECT_CLASS (kensho_handout_dialog_parent_class)->dispose (object);
}

static void
kensho_handout_dialog_class_init (KenshoHandoutDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kensho_handout_dialog_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kensho_handout_dialog_init (KenshoHandoutDialog *self)
{
}

static void
show_message (KenshoHandoutDialog *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text);
  gtk_widget_set_visible (self->message, text != NULL);
}

void
kensho_handout_dialog_set_folder (KenshoHandoutDialog *self, GFile *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (KENSHO_IS_HANDOUT_DIALOG (self));
  g_set_object (&self->folder, folder);
  path = g_file_get_path (folder);
  gtk_label_set_text (GTK_LABEL (self->folder_label), path);
}

static void
on_folder_response (GtkNativeDialog *dialog, int response, KenshoHandoutDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      kensho_handout_dialog_set_folder (self, folder);
    }
  g_object_unref (dialog);
}

static void
on_choose_folder (KenshoHandoutDialog *self)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Folder for the Hand-Outs"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                              _("_Select"), _("_Cancel"));

  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), self->folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
finish (KenshoHandoutDialog *self, guint written, const char *error)
{
  g_autofree char *done = NULL;

  self->idle = 0;
  gtk_widget_set_sensitive (self->hand_out, TRUE);
  if (error != NULL)
    show_message (self, error);
  else
    {
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hand-out written.", "%u hand-outs written.",
                                           written), written);
      show_message (self, done);
      gtk_button_set_label (GTK_BUTTON (self->cancel), _("_Close"));
    }
  g_signal_emit (self, signals[DONE], 0, written);
}

/* One division per turn of the main loop, so that the bar moves. */
static gboolean
hand_out_next (gpointer user_data)
{
  KenshoHandoutDialog *self = user_data;
  KenshoSheet *sheet = kensho_window_get_sheet (self->parent);
  KenshoDocument *document = kensho_window_get_document (self->parent);
  const char *division = self->chosen[self->next];
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) handout = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  guint total = g_strv_length (self->chosen);
  gboolean xlsx = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->format)) == 1;
  const char *format = xlsx ? "xlsx" : "xml";

  if (division == NULL)
    {
      finish (self, total, NULL);
      return G_SOURCE_REMOVE;
    }
  handout = kensho_handout_new (sheet, division, gtk_editable_get_text (GTK_EDITABLE (self->due)),
                                gtk_editable_get_text (GTK_EDITABLE (self->contact)), &error);
  name = kensho_handout_file_name (division, format);
  path = g_build_filename (g_file_peek_path (self->folder), name, NULL);
  if (handout == NULL ||
      !(xlsx ? kensho_handout_save_xlsx (handout, path, &error) : kensho_sheet_xml_save_file (handout, path, &error)) ||
      !kensho_workspace_add_handout (kensho_cycle_ui_get_workspace (self->parent), kensho_document_get_id (document),
                                     handout, format, path, &error))
    {
      finish (self, self->next, error->message);
      return G_SOURCE_REMOVE;
    }
  self->next++;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), (double) self->next / total);
  return G_SOURCE_CONTINUE;
}

static void
on_hand_out (KenshoHandoutDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->due));

  for (GtkWidget *check = gtk_widget_get_first_child (self->divisions); check;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_strv_builder_add (builder, gtk_check_button_get_label (GTK_CHECK_BUTTON (check)));
  g_clear_pointer (&self->chosen, g_strfreev);
  self->chosen = g_strv_builder_end (builder);
  if (self->chosen[0] == NULL)
    return show_message (self, _("Choose at least one division."));
  if (*due != '\0' && !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", due, 0, 0))
    return show_message (self, _("Write the due date as YYYY-MM-DD, like 2024-06-28."));
  if (self->folder == NULL)
    return show_message (self, _("Choose the folder to write the hand-outs to."));
  show_message (self, NULL);
  self->next = 0;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_widget_set_visible (self->progress, TRUE);
  gtk_widget_set_sensitive (self->hand_out, FALSE);
  self->idle = g_idle_add (hand_out_next, self);
}

static GtkWidget *
labelled (GtkWidget *box, const char *mnemonic, GtkWidget *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

KenshoHandoutDialog *
kensho_handout_dialog_new (KenshoWindow *parent)
{
  KenshoHandoutDialog *self = g_object_new (KENSHO_TYPE_HANDOUT_DIALOG, "transient-for", parent, "modal", TRUE,
                                            "title", _("Hand Out to Divisions"), "default-width", 480,
                                            "default-height", 640, NULL);
  KenshoDocument *document = kensho_window_get_document (parent);
  g_auto(GStrv) divisions = kensho_handout_dup_divisions (kensho_window_get_sheet (parent));
  GtkWidget *box = kensho_cycle_ui_frame (ADW_WINDOW (self));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *folder_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *folder_button = gtk_button_new_with_mnemonic (_("_Folder…"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *formats[] = { N_("Kensho sheet (.xml)"), N_("Excel form (.xlsx)"), NULL };
  const char *path = document ? kensho_document_get_path (document) : NULL;

  self->parent = parent;

  self->divisions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; divisions[i]; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (divisions[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (GTK_BOX (self->divisions), check);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->divisions);
  gtk_widget_set_vexpand (scrolled, TRUE);
  labelled (box, _("_Divisions"), scrolled);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_prev_sibling (scrolled)),
                                 gtk_widget_get_first_child (self->divisions));

  self->folder_label = gtk_label_new (_("No folder chosen"));
  gtk_label_set_ellipsize (GTK_LABEL (self->folder_label), PANGO_ELLIPSIZE_START);
  gtk_widget_set_hexpand (self->folder_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->folder_label), 0);
  gtk_box_append (GTK_BOX (folder_row), self->folder_label);
  gtk_box_append (GTK_BOX (folder_row), folder_button);
  gtk_box_append (GTK_BOX (box), folder_row);
  g_signal_connect_swapped (folder_button, "clicked", G_CALLBACK (on_choose_folder), self);

  formats[0] = _(formats[0]);
  formats[1] = _(formats[1]);
  self->format = labelled (box, _("F_ormat"), gtk_drop_down_new_from_strings (formats));
  self->due = labelled (box, _("Du_e date"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->due), "YYYY-MM-DD");
  self->contact = labelled (box, _("Co_ntact"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->contact), _("Who the divisions can ask"));

  self->progress = gtk_progress_bar_new ();
  gtk_widget_set_visible (self->progress, FALSE);
  gtk_box_append (GTK_BOX (box), self->progress);
  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  self->hand_out = gtk_button_new_with_mnemonic (_("_Hand Out"));
  gtk_widget_add_css_class (self->hand_out, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->cancel);
  gtk_box_append (GTK_BOX (buttons), self->hand_out);
  gtk_box_append (GTK_BOX (box), buttons);
  g_signal_connect_swapped (self->cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->hand_out, "clicked", G_CALLBACK (on_hand_out), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->hand_out);

  /* Beside the sheet's file, as exports are. */
  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      kensho_handout_dialog_set_folder (self, folder);
    }
  return self;
}
