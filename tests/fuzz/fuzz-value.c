/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the value parser, as a cell typed or pasted in. A
 * value it reads must format and read back to an equal value. */
#include "config.h"

#include "kensho-value.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *cell = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoValue) value = NULL;
  g_autofree char *normalized = NULL;

  if (!g_utf8_validate (cell, -1, NULL))
    return 0;
  value = kensho_value_parse (cell, &error);
  if (value == NULL)
    g_assert (error != NULL);
  else
    {
      g_autofree char *text = kensho_value_format (value);
      g_autoptr(KenshoValue) copy = kensho_value_copy (value);
      gboolean ok;

      g_assert (text != NULL && g_utf8_validate (text, -1, NULL));
      g_assert (kensho_value_equal (value, copy));
      (void) kensho_value_to_double (value, &ok);
    }
  if (kensho_number_normalize (cell, &normalized, NULL))
    {
      g_autofree char *grouped = kensho_number_format_grouped (normalized);
      g_autofree char *again = NULL;

      /* Grouped for display, it reads back to the same number. */
      g_assert (kensho_number_normalize (grouped, &again, NULL));
      g_assert (g_str_equal (again, normalized));
    }
  return 0;
}
