/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether OpenGL cannot help GTK draw Kensho's windows, so that GTK is
 * better kept from loading it (see kensho-renderer.c): GTK older than
 * 4.14 (@gtk_minor) and either the cairo renderer asked for
 * (@gsk_renderer, GSK_RENDERER) or no GPU among the devices in @dev_dir.
 * Never when the person set an OpenGL flag of their own in GDK_DEBUG
 * (@gdk_debug) or another renderer. */
gboolean kensho_renderer_gl_cannot_help  (guint       gtk_minor,
                                          const char *gsk_renderer,
                                          const char *gdk_debug,
                                          const char *dev_dir);
/* Before GTK opens the display: keeps it from loading OpenGL when
 * kensho_renderer_gl_cannot_help() says so for this process, its
 * environment and @dev_dir ("/dev"). TRUE if it did. */
gboolean kensho_renderer_keep_gl_out     (const char *dev_dir);

G_END_DECLS
