/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the sheet loader on any bytes. A sheet it accepts must
 * save and load again to an equal sheet. */
#include "config.h"

#include "kensho-sheet-xml.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_bytes (bytes, "fuzz.xml", &error);

  if (sheet == NULL)
    {
      /* One line of reason, always. */
      g_assert (error != NULL);
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }
  {
    g_autoptr(GBytes) saved = kensho_sheet_xml_serialize (sheet);
    g_autoptr(GError) again_error = NULL;
    g_autoptr(KenshoSheet) again = kensho_sheet_xml_load_bytes (saved, "saved.xml", &again_error);

    if (again == NULL)
      g_error ("A sheet Kensho loaded could not be loaded again once saved: %s", again_error->message);
    g_assert (kensho_sheet_equal (sheet, again));
  }
  return 0;
}
