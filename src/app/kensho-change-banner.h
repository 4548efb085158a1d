/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kensho-document.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_CHANGE_BANNER (kensho_change_banner_get_type ())
G_DECLARE_FINAL_TYPE (KenshoChangeBanner, kensho_change_banner, KENSHO, CHANGE_BANNER, GtkWidget)

/* A bar at the top of the window that says at once when someone changed
 * the open sheet's file: Reload, or keep mine; with unsaved edits on this
 * side too, keep both (mine saved as a copy, emitted as ::keep-both).
 * Local files are watched with a GFileMonitor; files on a network drive,
 * where monitors stay silent, every "interval" milliseconds; both when the
 * window gains focus. */
GtkWidget *kensho_change_banner_new          (void);
void       kensho_change_banner_set_document (KenshoChangeBanner *self,
                                              KenshoDocument     *document);
/* Looks at the file now (what focus does). */
void       kensho_change_banner_check        (KenshoChangeBanner *self);
gboolean   kensho_change_banner_get_shown    (KenshoChangeBanner *self);

G_END_DECLS
