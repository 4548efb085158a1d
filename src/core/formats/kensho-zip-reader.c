/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "kensho-error.h"
#include "kensho-file-read.h"
#include "kensho-zip-reader.h"

static gboolean
fail (GError **error, KenshoFormatError code, const char *path, const char *message)
{
  g_set_error (error, KENSHO_FORMAT_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

/* Returns name → GBytes of the wanted parts, or NULL with @error. */
GHashTable *
kensho_zip_read_parts (const char        *path,
                       KenshoZipWantFunc  want,
                       gpointer           user_data,
                       GError           **error)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) file = NULL;
  struct archive *archive;
  struct archive_entry *entry;
  gint64 total = 0, limit;
  guint n_entries = 0;
  gsize file_size;
  const void *data;
  int status;

  /* Read whole (bounded, regular files only): libarchive then never
   * touches the file itself, and a zip is seekable for its directory. */
  file = kensho_file_read_bounded (path, kensho_max_sheet_file_size (), error);
  if (file == NULL)
    return NULL;
  data = g_bytes_get_data (file, &file_size);
  limit = MIN (KENSHO_ZIP_MAX_TOTAL, (gint64) file_size * KENSHO_ZIP_MAX_RATIO + 1024 * 1024);

  /* Excel saves a workbook with a password as an OLE compound file
   * holding the encrypted package. */
  if (file_size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      fail (error, KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, path,
            _("The spreadsheet is protected by a password, or is an old .xls file; save it as .xlsx without a password and try again."));
      return NULL;
    }
  archive = archive_read_new ();
  archive_read_support_format_zip_seekable (archive);
  archive_read_support_filter_none (archive);
  if (file_size < 4 || memcmp (data, "PK\3\4", 4) != 0 ||
      archive_read_open_memory (archive, data, file_size) != ARCHIVE_OK)
    {
      archive_read_free (archive);
      fail (error, KENSHO_FORMAT_ERROR_NOT_A_SHEET, path,
            _("This is not a spreadsheet file: it is not a zip archive."));
      return NULL;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) content = NULL;
      char buffer[64 * 1024];
      la_ssize_t n;

      if (++n_entries > KENSHO_ZIP_MAX_ENTRIES)
        {
          archive_read_free (archive);
          fail (error, KENSHO_FORMAT_ERROR_TOO_LARGE, path,
                _("The spreadsheet has too many parts to be read safely."));
          return NULL;
        }
      if (name == NULL || want == NULL || !want (name, user_data))
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          archive_read_free (archive);
          fail (error, KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, path,
                _("The spreadsheet is protected by a password; save it without one and try again."));
          return NULL;
        }
      content = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          total += n;
          if (total > limit)
            {
              archive_read_free (archive);
              fail (error, KENSHO_FORMAT_ERROR_TOO_LARGE, path,
                    _("The spreadsheet unpacks to far more than its size: it is refused as a zip bomb."));
              return NULL;
            }
          g_byte_array_append (content, (const guint8 *) buffer, (guint) n);
        }
      if (n < 0)
        {
          g_autofree char *message = g_strdup_printf (_("Part “%s” of the spreadsheet cannot be read (%s)."),
                                                      name, archive_error_string (archive));
          gboolean encrypted = archive_read_has_encrypted_entries (archive) > 0;

          archive_read_free (archive);
          if (encrypted)
            fail (error, KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, path,
                  _("The spreadsheet is protected by a password; save it without one and try again."));
          else
            fail (error, KENSHO_FORMAT_ERROR_INVALID, path, message);
          return NULL;
        }
      g_hash_table_insert (parts, g_strdup (name), g_byte_array_free_to_bytes (g_steal_pointer (&content)));
    }
  if (status != ARCHIVE_EOF)
    {
      g_autofree char *message = g_strdup_printf (_("The spreadsheet’s zip archive is damaged (%s)."),
                                                  archive_error_string (archive));

      archive_read_free (archive);
      fail (error, n_entries == 0 ? KENSHO_FORMAT_ERROR_NOT_A_SHEET : KENSHO_FORMAT_ERROR_INVALID, path, message);
      return NULL;
    }
  archive_read_free (archive);
  return g_steal_pointer (&parts);
}
