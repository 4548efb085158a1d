/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-busy-indicator.h"

#define SHOW_AFTER_MS 200

struct _KenshoBusyIndicator
{
  GtkBox parent_instance;

  GtkSpinner *spinner;
  GtkLabel *label;
  GtkWidget *cancel_button;
  guint show_id;
  gboolean running;
};

G_DEFINE_FINAL_TYPE (KenshoBusyIndicator, kensho_busy_indicator, GTK_TYPE_BOX)

enum { CANCEL, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
show_now (gpointer data)
{
  KenshoBusyIndicator *self = data;

  self->show_id = 0;
  gtk_spinner_start (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  return G_SOURCE_REMOVE;
}

void
kensho_busy_indicator_start (KenshoBusyIndicator *self, const char *text)
{
  g_return_if_fail (KENSHO_IS_BUSY_INDICATOR (self));

  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  self->running = TRUE;
  if (self->show_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self)))
    self->show_id = g_timeout_add (SHOW_AFTER_MS, show_now, self);
}

void
kensho_busy_indicator_stop (KenshoBusyIndicator *self)
{
  g_return_if_fail (KENSHO_IS_BUSY_INDICATOR (self));

  self->running = FALSE;
  g_clear_handle_id (&self->show_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
kensho_busy_indicator_get_running (KenshoBusyIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_BUSY_INDICATOR (self), FALSE);
  return self->running;
}

/* A Cancel button beside the text, which emits ::cancel. */
void
kensho_busy_indicator_set_can_cancel (KenshoBusyIndicator *self, gboolean can_cancel)
{
  g_return_if_fail (KENSHO_IS_BUSY_INDICATOR (self));
  gtk_widget_set_visible (self->cancel_button, can_cancel);
}

static void
on_cancel_clicked (GtkButton *button, KenshoBusyIndicator *self)
{
  g_signal_emit (self, signals[CANCEL], 0);
}

const char *
kensho_busy_indicator_get_text (KenshoBusyIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_BUSY_INDICATOR (self), NULL);
  return gtk_label_get_text (self->label);
}

static void
kensho_busy_indicator_dispose (GObject *object)
{
  KenshoBusyIndicator *self = KENSHO_BUSY_INDICATOR (object);

  g_clear_handle_id (&self->show_id, g_source_remove);
  G_OBJECT_CLASS (kensho_busy_indicator_parent_class)->dispose (object);
}

static void
kensho_busy_indicator_class_init (KenshoBusyIndicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_busy_indicator_dispose;
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
kensho_busy_indicator_init (KenshoBusyIndicator *self)
{
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_box_append (GTK_BOX (self), self->cancel_button);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
