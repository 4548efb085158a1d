/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kensho-xml-scan.h"

/* UTF-16 (with a byte-order mark, or starting "<?"), narrowed to one
 * byte per code unit: ASCII stays, anything else becomes 0x80. NULL for
 * other encodings, whose markup is ASCII bytes already. */
static char *
narrow_utf16 (const char *data, gsize size, gsize *narrow_size)
{
  const guchar *bytes = (const guchar *) data;
  gboolean big_endian;
  gsize start = 0;
  char *narrow;

  if (size >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    big_endian = FALSE, start = 2;
  else if (size >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    big_endian = TRUE, start = 2;
  else if (size >= 4 && memcmp (bytes, "<\0?\0", 4) == 0)
    big_endian = FALSE;
  else if (size >= 4 && memcmp (bytes, "\0<\0?", 4) == 0)
    big_endian = TRUE;
  else
    return NULL;

  *narrow_size = (size - start) / 2;
  narrow = g_malloc (*narrow_size + 1);
  for (gsize i = 0; i < *narrow_size; i++)
    {
      guint unit = big_endian ? bytes[start + 2 * i] << 8 | bytes[start + 2 * i + 1]
                              : bytes[start + 2 * i + 1] << 8 | bytes[start + 2 * i];

      narrow[i] = unit < 0x80 ? (char) unit : (char) 0x80;
    }
  return narrow;
}

static long
line_at (const char *data, const char *at)
{
  long line = 1;

  for (const char *p = data; (p = memchr (p, '\n', (gsize) (at - p))) != NULL; p++)
    line++;
  return line;
}

/* TRUE if the last bytes start a UTF-8 character they do not finish. A
 * well-formed file ends with '>' or white space, so this never refuses
 * one in another ASCII-based encoding. */
static gboolean
ends_inside_character (const guchar *data, gsize size)
{
  gsize lead = size;
  gsize n_continuation = 0;

  while (lead > 0 && n_continuation < 4 && (data[lead - 1] & 0xC0) == 0x80)
    lead--, n_continuation++;
  if (lead == 0)
    return FALSE;
  lead--;
  if (data[lead] >= 0xF0 && data[lead] <= 0xF4)
    return n_continuation < 3;
  if (data[lead] >= 0xE0 && data[lead] <= 0xEF)
    return n_continuation < 2;
  if (data[lead] >= 0xC2 && data[lead] <= 0xDF)
    return n_continuation < 1;
  return FALSE;
}

/* The text has no NUL by then: g_strstr_len() sees all of it. */
static const char *
find (const char *from, const char *end, const char *needle)
{
  return g_strstr_len (from, end - from, needle);
}

typedef struct
{
  guint n_attributes;
  guint n_namespaces; /* xmlns and xmlns:prefix among them */
  gboolean empty;     /* <name …/> */
} Tag;

/* Reads a start tag from its name to its '>': each '=' outside quotes is
 * an attribute. NULL at a quote that is never closed. */
static const char *
read_tag (const char *p, const char *end, Tag *tag)
{
  const char *token = NULL;

  for (; p < end && *p != '>' && *p != '<'; p++)
    {
      if (*p == '"' || *p == '\'')
        {
          p = memchr (p + 1, *p, (gsize) (end - p - 1));
          if (p == NULL)
            return NULL;
          token = NULL;
        }
      else if (*p == '=')
        {
          tag->n_attributes++;
          if (token != NULL && end - token > 5 && memcmp (token, "xmlns", 5) == 0 &&
              (token[5] == ':' || token[5] == '=' || g_ascii_isspace (token[5])))
            tag->n_namespaces++;
          token = NULL;
        }
      else if (!g_ascii_isspace (*p) && (token == NULL || g_ascii_isspace (p[-1])))
        token = p;
    }
  tag->empty = p < end && *p == '>' && p[-1] == '/';
  return p;
}

KenshoXmlScanProblem
kensho_xml_scan (const char *data, gsize size, guint max_elements, guint max_attributes,
                 guint max_namespaces, long *line)
{
  gsize narrow_size = 0;
  g_autofree char *narrow = narrow_utf16 (data, size, &narrow_size);
  const char *text = narrow != NULL ? narrow : data;
  const char *end = text + (narrow != NULL ? narrow_size : size);
  const char *p, *nul;
  guint n_elements = 0;
  /* Two per element on average: a real sheet has fewer than 1.5. */
  guint64 n_attributes_left = 2 * (guint64) max_elements;
  /* The namespaces each open element declares: libxml2 2.9 looks a
   * prefix up through all in scope, for every element and attribute. */
  g_autoptr(GArray) scopes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_in_scope = 0;

  g_return_val_if_fail (data != NULL && line != NULL, KENSHO_XML_SCAN_OK);

  /* libxml2 takes a NUL for the end of the input and ignores the rest. */
  nul = memchr (text, '\0', (gsize) (end - text));
  if (nul != NULL)
    {
      *line = line_at (text, nul);
      return KENSHO_XML_SCAN_NUL;
    }
  if (narrow == NULL && ends_inside_character ((const guchar *) data, size))
    {
      *line = line_at (text, end);
      return KENSHO_XML_SCAN_CUT_CHARACTER;
    }

  for (p = memchr (text, '<', (gsize) (end - text)); p != NULL && p + 1 < end;
       p = memchr (p, '<', (gsize) (end - p)))
    {
      const char *start = p;
      Tag tag = { 0 };

      p++;
      if (*p == '!' || *p == '?')
        {
          /* Comments, CDATA and processing instructions may hold '<'. */
          const char *close = NULL;

          if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
            close = find (p + 3, end, "-->");
          else if (end - p >= 8 && memcmp (p, "![CDATA[", 8) == 0)
            close = find (p + 8, end, "]]>");
          else if (*p == '?')
            close = find (p + 1, end, "?>");
          else
            continue;
          if (close == NULL)
            break;
          p = close;
          continue;
        }
      if (*p == '/')
        {
          if (scopes->len > 0)
            {
              n_in_scope -= g_array_index (scopes, guint, scopes->len - 1);
              g_array_set_size (scopes, scopes->len - 1);
            }
          continue;
        }
      if (!(g_ascii_isalpha (*p) || *p == '_' || *p == ':' || (guchar) *p >= 0x80))
        continue;
      if (++n_elements > max_elements)
        {
          *line = line_at (text, start);
          return KENSHO_XML_SCAN_TOO_MANY_ELEMENTS;
        }
      p = read_tag (p, end, &tag);
      if (p == NULL)
        break;
      n_in_scope += tag.n_namespaces;
      if (tag.n_attributes > max_attributes || tag.n_attributes > n_attributes_left ||
          n_in_scope > max_namespaces)
        {
          *line = line_at (text, start);
          return tag.n_attributes > max_attributes ? KENSHO_XML_SCAN_TOO_MANY_ATTRIBUTES
                 : n_in_scope > max_namespaces   ? KENSHO_XML_SCAN_TOO_MANY_NAMESPACES
                                                 : KENSHO_XML_SCAN_TOO_MANY_ELEMENTS;
        }
      n_attributes_left -= tag.n_attributes;
      if (tag.empty)
        n_in_scope -= tag.n_namespaces;
      else
        g_array_append_val (scopes, tag.n_namespaces);
    }
  return KENSHO_XML_SCAN_OK;
}
