/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_PREFERENCES_WINDOW (kensho_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KenshoPreferencesWindow, kensho_preferences_window, KENSHO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The Preferences (Ctrl+comma): each row bound to its key of @settings. */
GtkWindow *kensho_preferences_window_new (GtkWindow *parent,
                                          GSettings *settings);

G_END_DECLS
