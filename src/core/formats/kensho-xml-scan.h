/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a look at a file's raw bytes finds before libxml2 reads them. */
typedef enum
{
  KENSHO_XML_SCAN_OK,
  KENSHO_XML_SCAN_TOO_MANY_ELEMENTS,   /* or attributes in all */
  KENSHO_XML_SCAN_TOO_MANY_ATTRIBUTES, /* on one element */
  KENSHO_XML_SCAN_TOO_MANY_NAMESPACES, /* declared by an element and those around it */
  KENSHO_XML_SCAN_NUL,                 /* a NUL character, which XML never has */
  KENSHO_XML_SCAN_CUT_CHARACTER,       /* ends inside a UTF-8 character */
} KenshoXmlScanProblem;

/* Counts start tags and each one's attributes (namespace declarations
 * too) in one pass at memchr speed, in UTF-8, ASCII-based encodings and
 * UTF-16; a file may have twice as many attributes as max_elements in
 * all. On a problem, *line is the line it is on. */
KenshoXmlScanProblem kensho_xml_scan (const char *data,
                                      gsize       size,
                                      guint       max_elements,
                                      guint       max_attributes,
                                      guint       max_namespaces,
                                      long       *line);

G_END_DECLS
