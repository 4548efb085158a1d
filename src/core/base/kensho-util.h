/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers the core needs and GLib 2.74 lacks. */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static inline gboolean
kensho_set_str (char **str_pointer, const char *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* NULL and "" are the same "nothing written" for the model. */
static inline const char *
kensho_str_or_null (const char *str)
{
  return (str != NULL && *str != '\0') ? str : NULL;
}

/* At most max_chars characters (of valid UTF-8); most texts need no
 * counting, as a character takes a byte at least. */
static inline gboolean
kensho_text_within (const char *text, gsize max_chars)
{
  gsize bytes = strlen (text);

  return bytes <= max_chars || (gsize) g_utf8_strlen (text, (gssize) bytes) <= max_chars;
}

/* Error messages quote what was written, but not a whole pasted page, and
 * never invalid UTF-8 or a line break (a message is one line). */
static inline char *
kensho_quote_for_message (const char *text)
{
  const glong max_chars = 40;
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *head = NULL;

  for (char *p = valid; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      *p = ' ';

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  head = g_utf8_substring (valid, 0, max_chars);
  return g_strconcat (head, "…", NULL);
}

/* Noncharacters (U+FDD0…U+FDEF, U+FFFE, U+10FFFF…) are valid UTF-8 and
 * XML characters, but no text has them and cairo refuses them. */
static inline gboolean
kensho_unichar_is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c < 0x110000 && (c & 0xFFFE) == 0xFFFE);
}

/* @text as it can be drawn: invalid bytes and noncharacters become U+FFFD
 * (a PDF of a sheet with a noncharacter typed in failed as a whole). */
static inline char *
kensho_text_dup_printable (const char *text)
{
  char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out;
  const char *p = valid;

  while (*p && !kensho_unichar_is_noncharacter (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return valid;
  out = g_string_new_len (valid, p - valid);
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, kensho_unichar_is_noncharacter (c) ? 0xFFFD : c);
    }
  g_free (valid);
  return g_string_free (out, FALSE);
}

G_END_DECLS
