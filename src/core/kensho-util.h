/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers the core needs and GLib 2.74 lacks. */
#pragma once

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

G_END_DECLS
