/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-csv-reader.h"
#include "kensho-error.h"
#include "kensho-file-read.h"
#include "kensho-xlsx-reader.h"

static char *
to_utf8 (const char *name, const char *data, gsize length, const char *encoding, GError **error)
{
  gboolean cp932;
  char *converted;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      encoding = encoding ? encoding : "utf-8";
    }
  cp932 = encoding != NULL ? (g_ascii_strcasecmp (encoding, "cp932") == 0 ||
                              g_ascii_strcasecmp (encoding, "shift_jis") == 0 ||
                              g_ascii_strcasecmp (encoding, "sjis") == 0)
                           : !g_utf8_validate_len (data, length, NULL);
  if (!cp932)
    {
      if (!g_utf8_validate_len (data, length, NULL))
        {
          g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID,
                       _("%s: the file is not valid UTF-8; try --encoding cp932."), name);
          return NULL;
        }
      return g_strndup (data, length);
    }
  converted = g_convert (data, (gssize) length, "UTF-8", "CP932", NULL, &length, NULL);
  /* A NUL would end the text early: refused, not cut. */
  if (converted == NULL || memchr (converted, '\0', length) != NULL)
    {
      g_free (converted);
      g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID,
                   _("%s: the file is neither UTF-8 nor CP932 (Shift_JIS) text."), name);
      return NULL;
    }
  return converted;
}

KenshoCellGrid *
kensho_csv_read_bytes (const char *name, GBytes *bytes, const char *encoding, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = to_utf8 (name, data, length, encoding, error);
  g_autoptr(KenshoCellGrid) grid = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  guint row = 0, column = 0, n_cells = 0;
  gboolean quoted = FALSE;
  const char *p;

  if (text == NULL)
    return NULL;
  grid = kensho_cell_grid_new (name);
  for (p = text;; p++)
    {
      gboolean end_of_cell = FALSE, end_of_row = FALSE;

      if (*p == '\0')
        end_of_cell = end_of_row = TRUE;
      else if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else if (*p == '\r' && p[1] == '\n')
            ; /* a line break in a cell is \n */
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        end_of_cell = TRUE;
      else if (*p == '\n' || *p == '\r')
        {
          end_of_cell = end_of_row = TRUE;
          if (*p == '\r' && p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (cell, *p);

      if (end_of_cell)
        {
          if (cell->len > 0)
            {
              if (++n_cells > KENSHO_XLSX_MAX_CELLS || row >= KENSHO_GRID_MAX_ROWS ||
                  column >= KENSHO_GRID_MAX_COLUMNS)
                {
                  g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_TOO_LARGE,
                               _("%s: the file has too many cells to be a sheet."), name);
                  return NULL;
                }
              kensho_cell_grid_set (grid, row, column, cell->str);
            }
          g_string_truncate (cell, 0);
          column++;
        }
      if (end_of_row)
        {
          row++;
          column = 0;
        }
      if (*p == '\0')
        break;
    }
  return g_steal_pointer (&grid);
}

KenshoCellGrid *
kensho_csv_read_file (const char *path, const char *encoding, GError **error)
{
  g_autoptr(GBytes) bytes = kensho_file_read_bounded (path, kensho_max_sheet_file_size (), error);

  if (bytes == NULL)
    return NULL;
  return kensho_csv_read_bytes (path, bytes, encoding, error);
}
