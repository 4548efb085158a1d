/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-preferences-window.h"

struct _KenshoPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSpinButton *history_spin;
  GtkSwitch *notice_switch;
  GtkEntry *name_entry;
};

G_DEFINE_FINAL_TYPE (KenshoPreferencesWindow, kensho_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
kensho_preferences_window_class_init (KenshoPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoPreferencesWindow, history_spin);
  gtk_widget_class_bind_template_child (widget_class, KenshoPreferencesWindow, notice_switch);
  gtk_widget_class_bind_template_child (widget_class, KenshoPreferencesWindow, name_entry);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kensho_preferences_window_init (KenshoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
kensho_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  KenshoPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KENSHO_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  /* Each change is kept as it is made: no Apply button to forget. */
  g_settings_bind (settings, "history-limit", self->history_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-notice", self->notice_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "person-name", self->name_entry, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WINDOW (self);
}
