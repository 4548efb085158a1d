/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_BUSY_INDICATOR (kensho_busy_indicator_get_type ())
G_DECLARE_FINAL_TYPE (KenshoBusyIndicator, kensho_busy_indicator, KENSHO, BUSY_INDICATOR, GtkBox)

/* A spinner and what runs ("Saving…"), shown only once the operation has
 * taken longer than a glance (200 ms): a quick save does not flicker. */
void        kensho_busy_indicator_start        (KenshoBusyIndicator *self,
                                                const char          *text);
void        kensho_busy_indicator_stop         (KenshoBusyIndicator *self);
gboolean    kensho_busy_indicator_get_running  (KenshoBusyIndicator *self);
const char *kensho_busy_indicator_get_text     (KenshoBusyIndicator *self);
void        kensho_busy_indicator_set_can_cancel (KenshoBusyIndicator *self,
                                                  gboolean             can_cancel);

G_END_DECLS
