/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-answer-xlsx.h"
#include "kensho-collect-dialog.h"
#include "kensho-cycle-ui.h"
#include "kensho-handout-store.h"
#include "kensho-merge.h"
#include "kensho-sheet-xml.h"

typedef struct
{
  KenshoMerge *merge;
  char *path;
  gboolean sent_from_here; /* the workspace keeps what was sent */
} Answer;

struct _KenshoCollectDialog
{
  AdwWindow parent_instance;
  KenshoWindow *parent;      /* weak: the dialog is its transient */
  GtkWidget *list;
  GtkWidget *merge_button;
  GPtrArray *answers;
  gboolean merged;
};

G_DEFINE_FINAL_TYPE (KenshoCollectDialog, kensho_collect_dialog, ADW_TYPE_WINDOW)

enum { MERGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
answer_free (Answer *answer)
{
  g_object_unref (answer->merge);
  g_free (answer->path);
  g_free (answer);
}

static KenshoWorkspace *
get_workspace (KenshoCollectDialog *self)
{
  return kensho_cycle_ui_get_workspace (self->parent);
}

/* Answers with conflicts still open when the dialog closes unmerged are
 * recorded as such, for the board. */
static void
record_unmerged (KenshoCollectDialog *self)
{
  for (guint i = 0; !self->merged && i < self->answers->len; i++)
    {
      Answer *answer = self->answers->pdata[i];

      if (answer->sent_from_here && kensho_merge_get_n_open_conflicts (answer->merge) > 0)
        kensho_workspace_add_answer (get_workspace (self), kensho_merge_get_handout_id (answer->merge),
                                     answer->path, answer->merge, FALSE, NULL);
    }
  self->merged = TRUE;
}

static gboolean
kensho_collect_dialog_close_request (GtkWindow *window)
{
  record_unmerged (KENSHO_COLLECT_DIALOG (window));
  return GTK_WINDOW_CLASS (kensho_collect_dialog_parent_class)->close_request (window);
}

static void
kensho_collect_dialog_finalize (GObject *object)
{
  KenshoCollectDialog *self = KENSHO_COLLECT_DIALOG (object);

  g_ptr_array_unref (self->answers);
  G_OBJECT_CLASS (kensho_collect_dialog_parent_class)->finalize (object);
}

static void
kensho_collect_dialog_class_init (KenshoCollectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = kensho_collect_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = kensho_collect_dialog_close_request;
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kensho_collect_dialog_init (KenshoCollectDialog *self)
{
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
}

static void
update_merge_button (KenshoCollectDialog *self)
{
  gboolean ready = self->answers->len > 0;

  for (guint i = 0; i < self->answers->len; i++)
    if (kensho_merge_get_n_open_conflicts (((Answer *) self->answers->pdata[i])->merge) > 0)
      ready = FALSE;
  gtk_widget_set_sensitive (self->merge_button, ready);
}

/* What one choice button of a conflict stands for. */
typedef struct
{
  KenshoCollectDialog *self;
  KenshoMerge *merge;
  guint item;
  KenshoMergeChoice choice;
} Choice;

static void
on_choice_toggled (GtkToggleButton *button, Choice *choice)
{
  if (gtk_toggle_button_get_active (button))
    kensho_merge_set_choice (choice->merge, choice->item, choice->choice);
  update_merge_button (choice->self);
}

static GtkWidget *
choice_button (KenshoCollectDialog *self, KenshoMerge *merge, guint item, const char *mnemonic,
               KenshoMergeChoice choice)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (mnemonic);
  Choice *data = g_new (Choice, 1);

  data->self = self;
  data->merge = merge;
  data->item = item;
  data->choice = choice;
  g_signal_connect_data (button, "toggled", G_CALLBACK (on_choice_toggled), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  return button;
}

/* Before, answer and sheet side by side, and the choice between the two. */
static void
add_conflict (KenshoCollectDialog *self, GtkWidget *box, KenshoMerge *merge, guint index)
{
  KenshoMergeItem *item = g_ptr_array_index (kensho_merge_get_items (merge), index);
  GtkWidget *grid = gtk_grid_new ();
  const char *headers[] = { _("Before"), _("Answer"), _("Sheet") };
  const char *values[] = { item->base, item->theirs, item->mine };
  g_autofree char *title = g_strdup_printf ("%s: %s", item->node_name, item->field);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *theirs = choice_button (self, merge, index, _("Take the _answer"), KENSHO_MERGE_CHOICE_THEIRS);
  GtkWidget *mine = choice_button (self, merge, index, _("Keep the _sheet"), KENSHO_MERGE_CHOICE_MINE);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_grid_attach (GTK_GRID (grid), heading, 0, 0, 3, 1);
  for (int column = 0; column < 3; column++)
    {
      GtkWidget *header = gtk_label_new (headers[column]);
      GtkWidget *value = gtk_label_new (*values[column] ? values[column] : "—");

      gtk_widget_add_css_class (header, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_yalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_grid_attach (GTK_GRID (grid), header, column, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, column, 2, 1, 1);
    }
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (mine), GTK_TOGGLE_BUTTON (theirs));
  gtk_grid_attach (GTK_GRID (grid), theirs, 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), mine, 2, 3, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);
}

static void
add_answer_rows (KenshoCollectDialog *self, Answer *answer)
{
  KenshoMerge *merge = answer->merge;
  GPtrArray *items = kensho_merge_get_items (merge);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *name = g_path_get_basename (answer->path);
  g_autofree char *heading = NULL;

  /* TRANSLATORS: a division, its answer's file, and what the merge found. */
  heading = g_strdup_printf (_("%s (%s): %u changes, %u conflicts, %u not applied"),
                             kensho_merge_get_division (merge), name, kensho_merge_count (merge, KENSHO_MERGE_TAKEN),
                             kensho_merge_count (merge, KENSHO_MERGE_CONFLICT),
                             kensho_merge_count (merge, KENSHO_MERGE_NOT_APPLIED));
  gtk_widget_add_css_class (kensho_cycle_ui_add_label (box, heading, "title-4"), "answer-heading");
  for (guint i = 0; i < items->len; i++)
    {
      KenshoMergeItem *item = items->pdata[i];
      g_autofree char *line = NULL;

      if (item->kind == KENSHO_MERGE_CONFLICT)
        {
          add_conflict (self, box, merge, i);
          continue;
        }
      if (item->kind == KENSHO_MERGE_SAME)
        continue;
      line = kensho_merge_item_describe (item);
      kensho_cycle_ui_add_label (box, line, item->kind == KENSHO_MERGE_NOT_APPLIED ? "dim-label" : NULL);
    }
  gtk_box_append (GTK_BOX (self->list), box);
  gtk_box_append (GTK_BOX (self->list), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static void
add_refusal (KenshoCollectDialog *self, const char *message)
{
  kensho_cycle_ui_add_label (self->list, message, "error");
}

void
kensho_collect_dialog_add_file (KenshoCollectDialog *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(KenshoSheet) answer = NULL;
  g_autoptr(GBytes) base = NULL;
  const KenshoHandoutTag *tag;
  KenshoMerge *merge;
  Answer *entry;
  gint64 sent_from = 0;

  g_return_if_fail (KENSHO_IS_COLLECT_DIALOG (self));

  answer = path ? kensho_answer_load (path, &error) : NULL;
  if (answer == NULL)
    return add_refusal (self, error ? error->message : _("Only files on this computer can be collected."));
  tag = kensho_sheet_get_handout (answer);
  if (tag != NULL)
    base = kensho_workspace_dup_handout_base (get_workspace (self), tag->id, &sent_from);
  if (base != NULL && sent_from != kensho_document_get_id (kensho_window_get_document (self->parent)))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("%s was not merged: it answers a hand-out of another sheet."),
                                                  name);

      return add_refusal (self, message);
    }
  if (base != NULL)
    {
      /* The tag in the file can be edited: the workspace knows where it went. */
      g_autofree char *sent_to = kensho_workspace_dup_handout_division (get_workspace (self), tag->id);

      if (g_strcmp0 (sent_to, tag->division) != 0)
        {
          g_autofree char *name = g_path_get_basename (path);
          /* TRANSLATORS: a file, the division it names, the division the hand-out was sent to. */
          g_autofree char *message = g_strdup_printf (_("%s was not merged: it says it is from “%s”, but the "
                                                        "hand-out was sent to “%s”."),
                                                      name, tag->division ? tag->division : "", sent_to);

          return add_refusal (self, message);
        }
    }
  for (guint i = 0; tag != NULL && i < self->answers->len; i++)
    if (g_strcmp0 (kensho_merge_get_handout_id (((Answer *) self->answers->pdata[i])->merge), tag->id) == 0)
      {
        g_autofree char *name = g_path_get_basename (path);
        g_autofree char *message = g_strdup_printf (_("%s answers the same hand-out as a file added before; "
                                                      "it was left out."), name);

        return add_refusal (self, message);
      }
  merge = kensho_merge_new (kensho_window_get_sheet (self->parent), answer, base, path, &error);
  if (merge == NULL)
    return add_refusal (self, error->message);
  entry = g_new0 (Answer, 1);
  entry->merge = merge;
  entry->path = g_steal_pointer (&path);
  entry->sent_from_here = base != NULL;
  g_ptr_array_add (self->answers, entry);
  add_answer_rows (self, entry);
  update_merge_button (self);
}

static void
on_merge (KenshoCollectDialog *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self->parent);
  guint changed = 0;

  /* All the answers merged at once are one step of undo. */
  kensho_sheet_begin_group (sheet, _("Merge Answers"));
  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *answer = self->answers->pdata[i];

      changed += kensho_merge_apply (answer->merge);
      if (answer->sent_from_here)
        kensho_workspace_add_answer (get_workspace (self), kensho_merge_get_handout_id (answer->merge),
                                     answer->path, answer->merge, TRUE, NULL);
    }
  kensho_sheet_end_group (sheet);
  self->merged = TRUE;
  g_signal_emit (self, signals[MERGED], 0, changed);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_files_response (GtkNativeDialog *dialog, int response, KenshoCollectDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          kensho_collect_dialog_add_file (self, file);
        }
    }
  g_object_unref (dialog);
}

static void
on_add_files (KenshoCollectDialog *self)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Answers of the Divisions"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                                              _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_files_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, KenshoCollectDialog *self)
{
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    kensho_collect_dialog_add_file (self, l->data);
  return TRUE;
}

KenshoCollectDialog *
kensho_collect_dialog_new (KenshoWindow *parent)
{
  KenshoCollectDialog *self = g_object_new (KENSHO_TYPE_COLLECT_DIALOG, "transient-for", parent, "modal", TRUE,
                                            "title", _("Collect Answers"), "default-width", 900,
                                            "default-height", 640, NULL);
  GtkWidget *box = kensho_cycle_ui_frame (ADW_WINDOW (self));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Files…"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->parent = parent;
  kensho_cycle_ui_add_label (box, _("Add the divisions’ answers, or drop them here. Nothing changes until you merge."),
             "dim-label");
  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->merge_button = gtk_button_new_with_mnemonic (_("_Merge"));
  gtk_widget_add_css_class (self->merge_button, "suggested-action");
  gtk_widget_set_sensitive (self->merge_button, FALSE);
  gtk_widget_set_hexpand (add, TRUE);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->merge_button);
  gtk_box_append (GTK_BOX (box), buttons);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_files), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->merge_button, "clicked", G_CALLBACK (on_merge), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  return self;
}
