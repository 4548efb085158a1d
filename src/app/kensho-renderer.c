/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whether GTK may load OpenGL.
 *
 * GTK 4.8 (Debian 12) draws with OpenGL even where OpenGL is only
 * emulated in software, by Mesa's llvmpipe: on desktops and virtual
 * desktops with no GPU, as many of a city hall's are. There a key typed
 * into a 1,000-indicator sheet took 49 ms to show (3 ms with cairo), and
 * the OpenGL libraries took 55 MB of memory. GTK itself stopped using its
 * GPU renderers on llvmpipe in 4.14 (gsk: "Don't use gpu renderers with
 * llvmpipe"), after loading OpenGL to find out. Before 4.14 Kensho keeps
 * GTK from loading OpenGL at all (GDK_DEBUG=gl-disable, read once when
 * the display opens; GTK then draws with cairo) where it cannot help:
 *  - no GPU device: no DRM render node (/dev/dri/renderD*) and no NVIDIA
 *    device, so OpenGL could only be llvmpipe;
 *  - the cairo renderer asked for (GSK_RENDERER=cairo): GTK 4.8 on X11
 *    still loads OpenGL, only to choose the window's visual.
 * A person who sets GSK_RENDERER to another renderer, or an OpenGL flag of
 * GDK_DEBUG, decides for themselves. The variable stays set for programs
 * Kensho starts, which would find the same machine. */
#include "config.h"

#include <gtk/gtk.h>

#include "kensho-renderer.h"

static gboolean
has_gpu_device (const char *dev_dir)
{
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autofree char *nvidia = g_build_filename (dev_dir, "nvidia0", NULL);
  g_autoptr(GDir) dir = g_dir_open (dri, 0, NULL);
  const char *name;

  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

gboolean
kensho_renderer_gl_cannot_help (guint gtk_minor, const char *gsk_renderer, const char *gdk_debug,
                                const char *dev_dir)
{
  g_return_val_if_fail (dev_dir != NULL, FALSE);

  if (gtk_minor >= 14)
    return FALSE;
  if (gdk_debug != NULL && strstr (gdk_debug, "gl") != NULL)
    return FALSE;
  if (gsk_renderer != NULL && *gsk_renderer != '\0')
    return g_ascii_strcasecmp (gsk_renderer, "cairo") == 0;
  return !has_gpu_device (dev_dir);
}

gboolean
kensho_renderer_keep_gl_out (const char *dev_dir)
{
  const char *gdk_debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (!kensho_renderer_gl_cannot_help (gtk_get_minor_version (), g_getenv ("GSK_RENDERER"), gdk_debug,
                                       dev_dir))
    return FALSE;
  flags = gdk_debug != NULL && *gdk_debug != '\0' ? g_strconcat (gdk_debug, ",gl-disable", NULL)
                                                  : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
  return TRUE;
}
