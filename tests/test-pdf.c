/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "test-pdf.h"

char *
poppler (const char *tool, ...)
{
  g_auto(Run) run = { 0 };
  va_list args;

  va_start (args, tool);
  run_valist (&run, tool, args);
  va_end (args);
  if (run.status != 0)
    g_error ("%s failed: %s", tool, run.err);
  return g_steal_pointer (&run.out);
}

char *
artifact (const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artifacts", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

guint
pdf_pages (const char *pdf, double *width, double *height)
{
  g_autofree char *info = poppler ("pdfinfo", pdf, NULL);
  const char *pages = strstr (info, "Pages:");
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

char *
pdf_text (const char *pdf, guint page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *text = page > 0 ? poppler ("pdftotext", "-raw", "-f", first, "-l", first, pdf, "-", NULL)
                                   : poppler ("pdftotext", "-raw", pdf, "-", NULL);

  return squeeze (text);
}

void
assert_contains (const char *haystack, const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("“%s” is not in the printed text", needle);
}
