/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-export-progress.h"

/* Work done per main-loop turn: short enough for the window to redraw and
 * answer Cancel at once. */
#define STEP_BUDGET_USEC (20 * 1000)

struct _KenshoExportProgress
{
  GtkWindow parent_instance;

  GtkProgressBar *bar;
  KenshoPdfExport *export;
  char *path;
  guint source;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (KenshoExportProgress, kensho_export_progress, GTK_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
finish (KenshoExportProgress *self, KenshoExportResult result, const char *message)
{
  if (self->done)
    return;
  self->done = TRUE;
  g_clear_handle_id (&self->source, g_source_remove);
  g_signal_emit (self, signals[DONE], 0, (int) result, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
run_steps (gpointer data)
{
  KenshoExportProgress *self = data;
  gint64 deadline = g_get_monotonic_time () + STEP_BUDGET_USEC;
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;

  while (more && g_get_monotonic_time () < deadline)
    more = kensho_pdf_export_step (self->export);
  gtk_progress_bar_set_fraction (self->bar, kensho_pdf_export_get_progress (self->export));
  if (more)
    return G_SOURCE_CONTINUE;

  self->source = 0;
  if (kensho_pdf_export_finish (self->export, self->path, &error))
    finish (self, KENSHO_EXPORT_DONE, NULL);
  else
    finish (self, KENSHO_EXPORT_FAILED, error->message);
  return G_SOURCE_REMOVE;
}

static void
on_cancel_clicked (KenshoExportProgress *self)
{
  finish (self, KENSHO_EXPORT_CANCELLED, NULL);
}

static gboolean
kensho_export_progress_close_request (GtkWindow *window)
{
  finish (KENSHO_EXPORT_PROGRESS (window), KENSHO_EXPORT_CANCELLED, NULL);
  return TRUE;
}

static void
kensho_export_progress_dispose (GObject *object)
{
  KenshoExportProgress *self = KENSHO_EXPORT_PROGRESS (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->export);
  G_OBJECT_CLASS (kensho_export_progress_parent_class)->dispose (object);
}

static void
kensho_export_progress_finalize (GObject *object)
{
  g_free (KENSHO_EXPORT_PROGRESS (object)->path);
  G_OBJECT_CLASS (kensho_export_progress_parent_class)->finalize (object);
}

static void
kensho_export_progress_class_init (KenshoExportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_export_progress_dispose;
  object_class->finalize = kensho_export_progress_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = kensho_export_progress_close_request;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * KenshoExportProgress::done:
   * @result: a #KenshoExportResult
   * @message: (nullable): why it failed
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
}

static void
kensho_export_progress_init (KenshoExportProgress *self)
{
}

KenshoExportProgress *
kensho_export_progress_new (GtkWindow *parent, KenshoPdfExport *export, const char *path)
{
  KenshoExportProgress *self;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  GtkWidget *box, *label, *cancel;

  g_return_val_if_fail (KENSHO_IS_PDF_EXPORT (export), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KENSHO_TYPE_EXPORT_PROGRESS,
                       "title", _("Export as PDF"),
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "resizable", FALSE,
                       "default-width", 380,
                       NULL);
  self->export = g_object_ref (export);
  self->path = g_strdup (path);

  base = g_path_get_basename (path);
  /* TRANSLATORS: %s is the name of the PDF file being written */
  text = g_strdup_printf (_("Exporting “%s”…"), base);
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (GTK_WINDOW (self), box);

  self->source = g_idle_add (run_steps, self);
  return self;
}

double
kensho_export_progress_get_fraction (KenshoExportProgress *self)
{
  g_return_val_if_fail (KENSHO_IS_EXPORT_PROGRESS (self), 0);
  return gtk_progress_bar_get_fraction (self->bar);
}
