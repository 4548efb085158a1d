/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the sheet loader on any bytes. A sheet it accepts must
 * save and load again to an equal sheet; a document the quick schema check
 * accepts must be valid for libxml2's RELAX NG validator too. */
#include "config.h"

#include <libxml/parser.h>

#include "kensho-schema-check.h"
#include "kensho-sheet-xml.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_quick_schema_check (const guint8 *data, size_t size)
{
  xmlDoc *doc;

  /* Declarations are the loader's to refuse; parsed here they would only
   * spend the fuzzer's time on entity expansion. */
  if (size > G_MAXINT || g_strstr_len ((const char *) data, (gssize) size, "<!DOCTYPE") != NULL)
    return;
  doc = xmlReadMemory ((const char *) data, (int) size, "fuzz.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT |
                       XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return;
  if (kensho_schema_check_document (doc) && !kensho_schema_validate_document (doc))
    g_error ("The quick schema check accepted a document the schema refuses");
  xmlFreeDoc (doc);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_bytes (bytes, "fuzz.xml", &error);

  check_quick_schema_check (data, size);
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
