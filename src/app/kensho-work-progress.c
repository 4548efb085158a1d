/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-work-progress.h"

struct _KenshoWorkProgress
{
  GtkWindow parent_instance;

  GCancellable *cancellable;
  GtkSpinner *spinner;
  guint show_source;
};

G_DEFINE_FINAL_TYPE (KenshoWorkProgress, kensho_work_progress, GTK_TYPE_WINDOW)

static guint delay_ms = KENSHO_WORK_PROGRESS_DELAY_MS;

/* The window is not the task's source object: a cancelled task is freed
 * in its thread, and a widget must be freed in the main one. */
typedef struct
{
  KenshoWorkProgress *self;
  GAsyncReadyCallback callback;
  gpointer user_data;
} Call;

static void
on_task_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Call *call = data;

  call->callback (G_OBJECT (call->self), result, call->user_data);
  g_object_unref (call->self);
  g_free (call);
}

void
kensho_work_progress_set_delay (guint delay)
{
  delay_ms = delay;
}

/* Short work shows no window at all: it would only flicker. */
static gboolean
show_window (gpointer data)
{
  KenshoWorkProgress *self = data;

  self->show_source = 0;
  gtk_spinner_start (self->spinner);
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

void
kensho_work_progress_cancel (KenshoWorkProgress *self)
{
  g_return_if_fail (KENSHO_IS_WORK_PROGRESS (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->show_source, g_source_remove);
  /* Closed by finish(), which the cancelled task reaches at once. */
}

static gboolean
kensho_work_progress_close_request (GtkWindow *window)
{
  kensho_work_progress_cancel (KENSHO_WORK_PROGRESS (window));
  return TRUE; /* destroyed by finish() */
}

static void
kensho_work_progress_dispose (GObject *object)
{
  KenshoWorkProgress *self = KENSHO_WORK_PROGRESS (object);

  g_clear_handle_id (&self->show_source, g_source_remove);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (kensho_work_progress_parent_class)->dispose (object);
}

static void
kensho_work_progress_class_init (KenshoWorkProgressClass *klass)
{
  GTK_WINDOW_CLASS (klass)->close_request = kensho_work_progress_close_request;
  G_OBJECT_CLASS (klass)->dispose = kensho_work_progress_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kensho_work_progress_init (KenshoWorkProgress *self)
{
  self->cancellable = g_cancellable_new ();
}

KenshoWorkProgress *
kensho_work_progress_run (GtkWindow           *parent,
                          const char          *title,
                          const char          *text,
                          GTaskThreadFunc      func,
                          gpointer             task_data,
                          GDestroyNotify       task_data_free,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  KenshoWorkProgress *self = g_object_new (KENSHO_TYPE_WORK_PROGRESS,
                                           "title", title,
                                           "transient-for", parent,
                                           "modal", TRUE,
                                           "destroy-with-parent", TRUE,
                                           "resizable", FALSE,
                                           "default-width", 380,
                                           NULL);
  Call *call = g_new0 (Call, 1);
  g_autoptr(GTask) task = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  call->self = g_object_ref (self);
  call->callback = callback;
  call->user_data = user_data;
  task = g_task_new (NULL, self->cancellable, on_task_done, call);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (row), label);
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (kensho_work_progress_cancel), self);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (GTK_WINDOW (self), box);

  g_task_set_task_data (task, task_data, task_data_free);
  /* Cancel answers at once; the thread's late result is dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, func);
  if (delay_ms == 0)
    show_window (self);
  else
    self->show_source = g_timeout_add (delay_ms, show_window, self);
  return self;
}

gpointer
kensho_work_progress_finish (KenshoWorkProgress *self, GAsyncResult *result, GError **error)
{
  gpointer pointer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  pointer = g_task_propagate_pointer (G_TASK (result), error);
  g_clear_handle_id (&self->show_source, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (self));
  return pointer;
}
