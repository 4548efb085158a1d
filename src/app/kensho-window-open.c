/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a sheet with its file read and parsed in a thread: the window
 * keeps drawing, "Opening NAME…" shows after 200 ms with Cancel. */
#include "config.h"

#include "kensho-application.h"
#include "kensho-window-private.h"

typedef struct
{
  KenshoWindow *window;
  char *path;               /* canonical */
  KenshoOpenFlags flags;
  GCancellable *cancellable;
} PendingOpen;

static void
pending_open_free (PendingOpen *pending)
{
  g_object_unref (pending->window);
  g_free (pending->path);
  g_object_unref (pending->cancellable);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingOpen, pending_open_free)

/* The indicator names the open begun last of those still running. */
static void
show_progress (KenshoWindow *self)
{
  PendingOpen *last;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  if (self->opening->len == 0)
    {
      kensho_busy_indicator_stop (self->open_indicator);
      return;
    }
  last = g_ptr_array_index (self->opening, self->opening->len - 1);
  base = g_path_get_basename (last->path);
  /* TRANSLATORS: %s is the name of the sheet's file being read */
  text = g_strdup_printf (_("Opening “%s”…"), base);
  kensho_busy_indicator_start (self->open_indicator, text);
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PendingOpen) pending = data;
  KenshoWindow *self = pending->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = kensho_document_open_file_finish (result, &error);
  gboolean gone = self->opening == NULL;

  if (!gone)
    {
      g_ptr_array_remove (self->opening, pending);
      show_progress (self);
    }
  /* Closed, or Cancel: the window stays as it was. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (gone)
    {
      /* Read just as the window went: not left open in the workspace. */
      if (document != NULL)
        kensho_document_close (document);
      return;
    }
  if (document != NULL)
    _kensho_window_show_opened (self, document);
  else if (g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED) ||
           g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCAL_CHANGES))
    _kensho_window_ask_about_open (self, pending->path, pending->flags, error);
  else
    show_error (self, _("Could Not Open the Sheet"), error->message);
}

/* The window of this app reading the file at @path, if any. */
static KenshoWindow *
window_opening_path (KenshoWindow *self, const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = app ? gtk_application_get_windows (app) : NULL;

  for (GList *l = windows; l; l = l->next)
    {
      KenshoWindow *window = l->data;

      if (!KENSHO_IS_WINDOW (window) || window->opening == NULL)
        continue;
      for (guint i = 0; i < window->opening->len; i++)
        if (g_strcmp0 (((PendingOpen *) g_ptr_array_index (window->opening, i))->path, path) == 0)
          return window;
    }
  return NULL;
}

void
_kensho_window_open_path_async (KenshoWindow *self, const char *path, KenshoOpenFlags flags)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  KenshoDocument *document;
  KenshoWindow *target;
  PendingOpen *pending;

  /* Shown already, or being read: that window comes forward, and the file
   * is not opened twice. */
  target = _kensho_window_showing_path (self, absolute);
  if (target == NULL)
    target = window_opening_path (self, absolute);
  if (target != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }
  /* Open in the session with no window (one closed by quitting): as it is. */
  document = kensho_session_find_document (get_session (self), absolute);
  if (document != NULL)
    {
      _kensho_window_show_opened (self, document);
      return;
    }
  pending = g_new0 (PendingOpen, 1);
  pending->window = g_object_ref (self);
  pending->path = g_steal_pointer (&absolute);
  pending->flags = flags;
  pending->cancellable = g_cancellable_new ();
  g_ptr_array_add (self->opening, pending);
  show_progress (self);
  kensho_document_open_file_async (kensho_session_get_workspace (get_session (self)), pending->path, flags,
                                   pending->cancellable, on_opened, pending);
}

void
_kensho_window_open_file_async (KenshoWindow *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    show_error (self, _("Could Not Open the Sheet"), _("Only files on this computer or a mounted share can be opened."));
  else
    _kensho_window_open_path_async (self, path, KENSHO_OPEN_DEFAULT);
}

gboolean
kensho_window_is_opening (KenshoWindow *self)
{
  g_return_val_if_fail (KENSHO_IS_WINDOW (self), FALSE);
  return self->opening != NULL && self->opening->len > 0;
}

/* Each answers at once (cancelled), from the main loop. */
static void
cancel_opens (KenshoWindow *self)
{
  for (guint i = 0; i < self->opening->len; i++)
    g_cancellable_cancel (((PendingOpen *) g_ptr_array_index (self->opening, i))->cancellable);
}

/* The window goes: what it was reading is dropped. */
void
_kensho_window_cancel_opens (KenshoWindow *self)
{
  if (self->opening == NULL)
    return;
  cancel_opens (self);
  g_clear_pointer (&self->opening, g_ptr_array_unref);
}

void
_kensho_window_init_opening (KenshoWindow *self)
{
  /* (The pending opens own themselves until their answer.) */
  self->opening = g_ptr_array_new ();
  kensho_busy_indicator_set_can_cancel (self->open_indicator, TRUE);
  g_signal_connect_swapped (self->open_indicator, "cancel", G_CALLBACK (cancel_opens), self);
}
