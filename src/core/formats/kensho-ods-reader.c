/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "kensho-error.h"
#include "kensho-ods-reader.h"
#include "kensho-xlsx-reader.h"
#include "kensho-zip-reader.h"

#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define TEXT_NS  "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

typedef struct
{
  const char *path;
  xmlTextReaderPtr reader;
  char *xml_error;
  guint n_cells;
  GError **error;
} Ods;

static gboolean
want_content (const char *name, gpointer user_data)
{
  return g_str_equal (name, "content.xml");
}

static void
on_xml_error (void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator)
{
  Ods *self = arg;

  if (self->xml_error == NULL && severity >= XML_PARSER_SEVERITY_ERROR)
    self->xml_error = g_strchomp (g_strdup (msg));
}

static gboolean
refuse (Ods *self, KenshoFormatError code, const char *message)
{
  g_set_error (self->error, KENSHO_FORMAT_ERROR, code, "%s: %s", self->path, message);
  return FALSE;
}

/* 1 on a node, 0 at the end, -1 refused (a DTD, broken XML). */
static int
next (Ods *self)
{
  int status = xmlTextReaderRead (self->reader);

  if (status == 1 && xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      refuse (self, KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT,
              _("The spreadsheet holds a document type declaration, which Kensho never reads."));
      return -1;
    }
  if (status < 0 || self->xml_error != NULL)
    {
      refuse (self, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, _("A part of the spreadsheet cannot be read."));
      return -1;
    }
  return status;
}

static gboolean
at (Ods *self, int type, const char *ns, const char *name)
{
  return xmlTextReaderNodeType (self->reader) == type &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0 &&
         g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (self->reader), ns) == 0;
}

static guint
count_attribute (Ods *self, const char *ns, const char *name, guint limit)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (self->reader, (const xmlChar *) name, (const xmlChar *) ns);
  guint64 n = value ? g_ascii_strtoull ((const char *) value, NULL, 10) : 1;

  xmlFree (value);
  return (guint) CLAMP (n, 1, limit);
}

/* The text of a cell: its paragraphs, one a line. */
static gboolean
read_cell_text (Ods *self, GString *text)
{
  int depth = xmlTextReaderDepth (self->reader);
  gboolean first = TRUE;
  int skip_depth = -1;
  int status;

  while ((status = next (self)) == 1 && xmlTextReaderDepth (self->reader) > depth)
    {
      int type = xmlTextReaderNodeType (self->reader);

      /* A comment on the cell (office:annotation) is not its text. */
      if (skip_depth >= 0)
        {
          if (xmlTextReaderDepth (self->reader) == skip_depth && type == XML_READER_TYPE_END_ELEMENT)
            skip_depth = -1;
          continue;
        }
      if (at (self, XML_READER_TYPE_ELEMENT, "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "annotation"))
        {
          if (!xmlTextReaderIsEmptyElement (self->reader))
            skip_depth = xmlTextReaderDepth (self->reader);
          continue;
        }
      if (at (self, XML_READER_TYPE_ELEMENT, TEXT_NS, "p"))
        {
          if (!first)
            g_string_append_c (text, '\n');
          first = FALSE;
        }
      else if (at (self, XML_READER_TYPE_ELEMENT, TEXT_NS, "s"))
        {
          guint n = count_attribute (self, TEXT_NS, "c", 1000);

          for (guint i = 0; i < n; i++)
            g_string_append_c (text, ' ');
        }
      else if (at (self, XML_READER_TYPE_ELEMENT, TEXT_NS, "line-break"))
        g_string_append_c (text, '\n');
      else if (at (self, XML_READER_TYPE_ELEMENT, TEXT_NS, "tab"))
        g_string_append_c (text, '\t');
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (text, (const char *) xmlTextReaderConstValue (self->reader));
      if (text->len > 1024 * 1024)
        return refuse (self, KENSHO_FORMAT_ERROR_TOO_LARGE, _("The spreadsheet has too many cells to be a sheet."));
    }
  return status == 1;
}

typedef struct
{
  guint column, columns_spanned, rows_spanned, repeat;
  char *text;
} RowCell;

static void
row_cell_clear (gpointer data)
{
  g_free (((RowCell *) data)->text);
}

/* A row's cells, laid down @repeat times from @row. */
static gboolean
flush_row (Ods *self, KenshoCellGrid *grid, GArray *cells, guint row, guint repeat)
{
  for (guint r = 0; r < repeat && cells->len > 0; r++)
    for (guint i = 0; i < cells->len; i++)
      {
        RowCell *cell = &g_array_index (cells, RowCell, i);

        for (guint k = 0; k < cell->repeat; k++)
          {
            guint column = cell->column + k;

            if (row + r >= KENSHO_GRID_MAX_ROWS || column >= KENSHO_GRID_MAX_COLUMNS ||
                ++self->n_cells > KENSHO_XLSX_MAX_CELLS)
              return refuse (self, KENSHO_FORMAT_ERROR_TOO_LARGE, _("The spreadsheet has too many cells to be a sheet."));
            kensho_cell_grid_set (grid, row + r, column, cell->text);
            if (cell->columns_spanned > 1 || cell->rows_spanned > 1)
              {
                KenshoCellRange range = { row + r, column,
                                          MIN (row + r + cell->rows_spanned - 1, KENSHO_GRID_MAX_ROWS - 1),
                                          MIN (column + cell->columns_spanned - 1, KENSHO_GRID_MAX_COLUMNS - 1) };

                self->n_cells += cell->columns_spanned * cell->rows_spanned;
                if (self->n_cells > KENSHO_XLSX_MAX_CELLS)
                  return refuse (self, KENSHO_FORMAT_ERROR_TOO_LARGE,
                                 _("The spreadsheet has too many cells to be a sheet."));
                kensho_cell_grid_add_merge (grid, &range);
              }
          }
      }
  return TRUE;
}

static gboolean
read_content (Ods *self, GPtrArray *grids)
{
  KenshoCellGrid *grid = NULL;
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (RowCell));
  guint row = 0, column = 0, row_repeat = 1;
  int status;

  g_array_set_clear_func (cells, row_cell_clear);
  while ((status = next (self)) == 1)
    {
      if (at (self, XML_READER_TYPE_ELEMENT, TABLE_NS, "table"))
        {
          xmlChar *name = xmlTextReaderGetAttributeNs (self->reader, (const xmlChar *) "name",
                                                       (const xmlChar *) TABLE_NS);

          grid = kensho_cell_grid_new ((const char *) name);
          xmlFree (name);
          g_ptr_array_add (grids, grid);
          row = 0;
        }
      else if (grid != NULL && at (self, XML_READER_TYPE_ELEMENT, TABLE_NS, "table-row"))
        {
          xmlChar *visibility = xmlTextReaderGetAttributeNs (self->reader, (const xmlChar *) "visibility",
                                                             (const xmlChar *) TABLE_NS);

          row_repeat = count_attribute (self, TABLE_NS, "number-rows-repeated", KENSHO_GRID_MAX_ROWS);
          if (g_strcmp0 ((const char *) visibility, "collapse") == 0 && row < KENSHO_GRID_MAX_ROWS)
            kensho_cell_grid_set_row_hidden (grid, row, TRUE);
          xmlFree (visibility);
          column = 0;
          g_array_set_size (cells, 0);
          if (xmlTextReaderIsEmptyElement (self->reader))
            row = MIN (row + row_repeat, KENSHO_GRID_MAX_ROWS);
        }
      else if (grid != NULL && at (self, XML_READER_TYPE_END_ELEMENT, TABLE_NS, "table-row"))
        {
          if (!flush_row (self, grid, cells, row, row_repeat))
            return FALSE;
          row = MIN (row + row_repeat, KENSHO_GRID_MAX_ROWS);
        }
      else if (grid != NULL && (at (self, XML_READER_TYPE_ELEMENT, TABLE_NS, "table-cell") ||
                                at (self, XML_READER_TYPE_ELEMENT, TABLE_NS, "covered-table-cell")))
        {
          gboolean covered = at (self, XML_READER_TYPE_ELEMENT, TABLE_NS, "covered-table-cell");
          RowCell cell = { column, 1, 1, count_attribute (self, TABLE_NS, "number-columns-repeated",
                                                          KENSHO_GRID_MAX_COLUMNS), NULL };
          g_autoptr(GString) text = g_string_new (NULL);

          if (!covered)
            {
              cell.columns_spanned = count_attribute (self, TABLE_NS, "number-columns-spanned",
                                                      KENSHO_GRID_MAX_COLUMNS);
              cell.rows_spanned = count_attribute (self, TABLE_NS, "number-rows-spanned", KENSHO_GRID_MAX_ROWS);
            }
          column = MIN (column + cell.repeat, KENSHO_GRID_MAX_COLUMNS);
          if (!xmlTextReaderIsEmptyElement (self->reader) && !read_cell_text (self, text))
            return FALSE;
          if (text->len > 0 || cell.columns_spanned > 1 || cell.rows_spanned > 1)
            {
              cell.text = g_string_free (g_steal_pointer (&text), FALSE);
              g_array_append_val (cells, cell);
            }
        }
    }
  return status == 0;
}

GPtrArray *
kensho_ods_read_file (const char *path, GError **error)
{
  g_autoptr(GHashTable) parts = kensho_zip_read_parts (path, want_content, NULL, error);
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_cell_grid_free);
  Ods self = { path, NULL, NULL, 0, error };
  GBytes *content;
  gsize size;
  const char *data;
  gboolean ok;

  if (parts == NULL)
    return NULL;
  content = g_hash_table_lookup (parts, "content.xml");
  if (content == NULL)
    {
      refuse (&self, KENSHO_FORMAT_ERROR_NOT_A_SHEET, _("The spreadsheet has no part “content.xml”: it is damaged or not an OpenDocument spreadsheet."));
      return NULL;
    }
  data = g_bytes_get_data (content, &size);
  self.reader = xmlReaderForMemory (data, (int) MIN (size, G_MAXINT), "content.xml", NULL, XML_PARSE_NONET);
  if (self.reader == NULL)
    {
      refuse (&self, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, _("A part of the spreadsheet cannot be read."));
      return NULL;
    }
  xmlTextReaderSetErrorHandler (self.reader, on_xml_error, &self);
  ok = read_content (&self, grids);
  xmlFreeTextReader (self.reader);
  g_free (self.xml_error);
  if (!ok)
    return NULL;
  if (grids->len == 0)
    {
      refuse (&self, KENSHO_FORMAT_ERROR_NOT_A_SHEET, _("The spreadsheet has no worksheet."));
      return NULL;
    }
  return g_steal_pointer (&grids);
}
