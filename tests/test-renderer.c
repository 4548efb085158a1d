/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GTK kept from loading OpenGL where it cannot help (kensho-renderer.c):
 * on a machine with no GPU, OpenGL is Mesa's software emulation, which
 * made typing slow and took 55 MB. Each start runs in a child process of
 * its own, since GTK reads the setting once, when it opens the display. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>

#include "kensho-renderer.h"
#include "test-app.h"
#include "test-gtk-util.h"

/* A folder of devices: "dri/card0", "dri/renderD128", "nvidia0"... */
static char *
fake_devices (const char *const *names)
{
  char *dir = g_dir_make_tmp ("kensho-dev-XXXXXX", NULL);

  g_assert_nonnull (dir);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  return dir;
}

static void
remove_devices (const char *dir, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_no_errno (g_unlink (path));
      if (!g_str_equal (parent, dir))
        g_rmdir (parent);
    }
  g_assert_no_errno (g_rmdir (dir));
}

static const char *const no_gpu[] = { NULL };
static const char *const display_only[] = { "dri/card0", NULL };
static const char *const render_node[] = { "dri/card0", "dri/renderD128", NULL };
static const char *const nvidia[] = { "nvidia0", "nvidiactl", NULL };

/* When OpenGL is kept out, and when it is left to GTK. */
static void
test_choice (void)
{
  const struct
  {
    guint gtk_minor;
    const char *gsk_renderer, *gdk_debug;
    const char *const *devices;
    gboolean kept_out;
  } cases[] = {
    { 8, NULL, NULL, no_gpu, TRUE },
    /* A display without a render node (simpledrm) draws nothing itself. */
    { 8, NULL, NULL, display_only, TRUE },
    { 8, NULL, NULL, render_node, FALSE },
    { 8, NULL, NULL, nvidia, FALSE },
    { 8, "", NULL, no_gpu, TRUE },
    /* Cairo asked for: OpenGL would only choose the visual. */
    { 8, "cairo", NULL, render_node, TRUE },
    /* The person's own choices. */
    { 8, "ngl", NULL, no_gpu, FALSE },
    { 8, "gl", NULL, no_gpu, FALSE },
    { 8, NULL, "gl-glx", no_gpu, FALSE },
    { 8, NULL, "gl-disable", no_gpu, FALSE },
    { 8, NULL, "interactive", no_gpu, TRUE },
    /* GTK 4.14 leaves llvmpipe by itself. */
    { 14, NULL, NULL, no_gpu, FALSE },
    { 16, "cairo", NULL, no_gpu, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dev = fake_devices (cases[i].devices);

      g_test_message ("case %u", i);
      g_assert_true (kensho_renderer_gl_cannot_help (cases[i].gtk_minor, cases[i].gsk_renderer,
                                                     cases[i].gdk_debug, dev) == cases[i].kept_out);
      remove_devices (dev, cases[i].devices);
    }
}

/* What the process has loaded of OpenGL, one library a line. */
static char *
opengl_libraries (void)
{
  const char *const names[] = { "libEGL", "libGLX", "libGL.so", "swrast_dri", "libLLVM" };
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;
  GString *found = g_string_new (NULL);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      if (strstr (lines[i], names[n]) != NULL && strstr (found->str, names[n]) == NULL)
        g_string_append_printf (found, "%s\n", names[n]);
  return g_string_free (found, FALSE);
}

/* The window with the sample, drawn: how, and with what loaded. */
static void
show_sample (char **renderer, char **libraries)
{
  g_autoptr(KenshoApplication) app = NULL;
  KenshoWindow *window;

  gtk_init ();
  adw_init ();
  app = test_app_new ();
  window = test_open_sample_copy (app, "renderer.xml");
  wait_drawn (GTK_WIDGET (window));
  *renderer = g_strdup (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  *libraries = opengl_libraries ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Started as main.c starts it on a machine with no GPU, GSK_RENDERER and
 * GDK_DEBUG not set: the sheet is drawn with cairo, and no OpenGL library
 * is loaded. */
static void
test_no_gpu_no_opengl (void)
{
  g_autofree char *dev = NULL;
  g_autofree char *renderer = NULL;
  g_autofree char *libraries = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  dev = fake_devices (no_gpu);
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_assert_true (kensho_renderer_keep_gl_out (dev));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
  show_sample (&renderer, &libraries);
  g_assert_cmpstr (renderer, ==, "GskCairoRenderer");
  g_assert_cmpstr (libraries, ==, "");
  remove_devices (dev, no_gpu);
}

/* The person's GDK_DEBUG flags are kept, the OpenGL one added. (GTK is
 * not set up in this process: only the environment changes.) */
static void
test_flags_kept (void)
{
  g_autofree char *dev = fake_devices (no_gpu);
  g_autofree char *gsk_renderer = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *gdk_debug = g_strdup (g_getenv ("GDK_DEBUG"));

  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "interactive", TRUE);
  g_assert_true (kensho_renderer_keep_gl_out (dev));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "interactive,gl-disable");
  /* Another renderer asked for: nothing is changed. */
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  g_setenv ("GDK_DEBUG", "interactive", TRUE);
  g_assert_false (kensho_renderer_keep_gl_out (dev));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "interactive");
  remove_devices (dev, no_gpu);

  /* As it was, for the tests after. */
  if (gsk_renderer != NULL)
    g_setenv ("GSK_RENDERER", gsk_renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  if (gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("renderer");
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renderer/choice", test_choice);
  g_test_add_func ("/renderer/no-gpu-no-opengl", test_no_gpu_no_opengl);
  g_test_add_func ("/renderer/flags-kept", test_flags_kept);
  result = g_test_run ();
  test_remove_home (home);
  return result;
}
