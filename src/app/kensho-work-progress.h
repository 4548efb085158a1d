/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_WORK_PROGRESS (kensho_work_progress_get_type ())
G_DECLARE_FINAL_TYPE (KenshoWorkProgress, kensho_work_progress, KENSHO, WORK_PROGRESS, GtkWindow)

/* Runs @func in a thread (a GTask whose task data is @task_data) while the
 * window goes on; after KENSHO_WORK_PROGRESS_DELAY_MS a small modal window
 * says @text with a spinner and Cancel (or Escape). @callback gets the
 * KenshoWorkProgress as its source: kensho_work_progress_finish() closes
 * the window and gives the thread's pointer, or G_IO_ERROR_CANCELLED once
 * cancelled (whatever the thread still does is then dropped). */
#define KENSHO_WORK_PROGRESS_DELAY_MS 200

KenshoWorkProgress *kensho_work_progress_run    (GtkWindow           *parent,
                                                 const char          *title,
                                                 const char          *text,
                                                 GTaskThreadFunc      func,
                                                 gpointer             task_data,
                                                 GDestroyNotify       task_data_free,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gpointer            kensho_work_progress_finish (KenshoWorkProgress  *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* The delay before the window shows, for all later runs (0: at once). */
void                kensho_work_progress_set_delay (guint             delay_ms);
void                kensho_work_progress_cancel (KenshoWorkProgress  *self);

G_END_DECLS
