/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kensho-tsv.h"

static void
end_row (GPtrArray *rows, GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
}

/* The rows (GStrv each) of @text; the line break after the last row, which
 * spreadsheets add, makes no empty row. */
GPtrArray *
kensho_tsv_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, rows);

  while (*p != '\0')
    {
      if (cell->len == 0 && *p == '"')
        {
          /* Quoted: up to the quote that is not doubled. */
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == '\t' || *p == '\n' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          if (*p == '\r')
            p++;
          if (*p == '\n')
            end_row (rows, cells);
          p++;
          continue;
        }
      g_string_append_c (cell, *p++);
    }
  if (cell->len > 0 || cells->len > 0)
    {
      g_ptr_array_add (cells, g_strdup (cell->str));
      end_row (rows, cells);
    }
  return rows;
}

/* Whether @text, being pasted, is cells of a spreadsheet rather than text:
 * it has a tab, which no one types into a cell or a commentary (Tab moves
 * to the next field). */
gboolean
kensho_tsv_is_spreadsheet (const char *text)
{
  return text != NULL && strchr (text, '\t') != NULL;
}

/* Cells of one column: each row ends in CR LF, as spreadsheets put them
 * on the clipboard (text typed elsewhere ends its lines in LF alone). */
gboolean
kensho_tsv_is_column (const char *text)
{
  return text != NULL && !kensho_tsv_is_spreadsheet (text) && g_str_has_suffix (text, "\r\n");
}
