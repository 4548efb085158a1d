/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>

#include "kensho-error.h"
#include "kensho-xlsx-reader.h"
#include "kensho-zip-reader.h"

#define REL_NS        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct
{
  const char *path;
  GHashTable *parts;
  GPtrArray *shared;     /* char* */
  GHashTable *formats;   /* numFmtId → code */
  GArray *xf_formats;    /* cellXfs index → numFmtId */
  guint n_cells;
  guint n_merged_cells;
  gboolean cut;          /* a worksheet past the bounds is cut, not refused */
} Reader;

static gboolean
want_part (const char *name, gpointer user_data)
{
  return g_str_equal (name, "xl/workbook.xml") || g_str_equal (name, "xl/_rels/workbook.xml.rels") ||
         g_str_equal (name, "xl/sharedStrings.xml") || g_str_equal (name, "xl/styles.xml") ||
         (g_str_has_prefix (name, "xl/worksheets/") && g_str_has_suffix (name, ".xml") &&
          strchr (name + strlen ("xl/worksheets/"), '/') == NULL);
}

static gboolean
set_error (GError **error, KenshoFormatError code, const char *path, const char *message)
{
  g_set_error (error, KENSHO_FORMAT_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

/* libxml2 errors end up here, not on stderr: the first one is kept. */
static void
on_reader_error (void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator)
{
  char **first = arg;

  if (*first == NULL && severity >= XML_PARSER_SEVERITY_ERROR)
    *first = g_strchomp (g_strdup (msg));
}

typedef struct
{
  xmlTextReaderPtr reader;
  char *error_message;
} PartReader;

static void
part_reader_clear (PartReader *part)
{
  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_clear_pointer (&part->error_message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PartReader, part_reader_clear)

/* Never DTD loading, entity substitution or network: parts are untrusted. */
static gboolean
part_reader_open (PartReader *part, Reader *self, const char *name, gboolean required, GError **error)
{
  GBytes *bytes = g_hash_table_lookup (self->parts, name);
  gsize size;
  const char *data;

  if (bytes == NULL)
    {
      g_autofree char *message = NULL;

      if (!required)
        return TRUE;
      message = g_strdup_printf (_("The spreadsheet has no part “%s”: it is damaged or not an Excel workbook."), name);
      return set_error (error, KENSHO_FORMAT_ERROR_NOT_A_SHEET, self->path, message);
    }
  data = g_bytes_get_data (bytes, &size);
  part->reader = xmlReaderForMemory (data, (int) MIN (size, G_MAXINT), name, NULL, XML_PARSE_NONET);
  if (part->reader == NULL)
    return set_error (error, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, self->path, _("A part of the spreadsheet cannot be read."));
  xmlTextReaderSetErrorHandler (part->reader, on_reader_error, &part->error_message);
  return TRUE;
}

/* Steps to the next node: 1, 0 at the end, -1 with @error. */
static int
part_reader_next (PartReader *part, Reader *self, const char *name, GError **error)
{
  int status = xmlTextReaderRead (part->reader);

  if (status == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      set_error (error, KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, self->path,
                 _("The spreadsheet holds a document type declaration, which Kensho never reads."));
      return -1;
    }
  if (status < 0 || part->error_message != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Part “%s” of the spreadsheet is not well-formed XML."), name);

      set_error (error, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, self->path, message);
      return -1;
    }
  return status;
}

static gboolean
is_element (PartReader *part, const char *local_name)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (part->reader), local_name) == 0;
}

static gboolean
is_end (PartReader *part, const char *local_name)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (part->reader), local_name) == 0;
}

static char *
get_attribute (PartReader *part, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (part->reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
read_string (PartReader *part)
{
  xmlChar *value = xmlTextReaderReadString (part->reader);
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* The text of an <si> or <is>: its runs' <t>, without phonetic guides (<rPh>). */
static gboolean
read_rich_text (PartReader *part, Reader *self, const char *name, const char *end, GString *out, GError **error)
{
  int status;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return TRUE;
  while ((status = part_reader_next (part, self, name, error)) == 1)
    {
      if (is_end (part, end))
        return TRUE;
      if (is_element (part, "rPh") && !xmlTextReaderIsEmptyElement (part->reader))
        {
          while ((status = part_reader_next (part, self, name, error)) == 1 && !is_end (part, "rPh"))
            ;
          if (status != 1)
            break;
        }
      else if (is_element (part, "t"))
        {
          g_autofree char *text = read_string (part);

          g_string_append (out, text);
        }
    }
  if (status == 0)
    return set_error (error, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, self->path, _("A part of the spreadsheet ends too early."));
  return FALSE;
}

static gboolean
read_shared_strings (Reader *self, GError **error)
{
  const char *name = "xl/sharedStrings.xml";
  g_auto(PartReader) part = { 0 };
  int status;

  if (!part_reader_open (&part, self, name, FALSE, error))
    return FALSE;
  if (part.reader == NULL)
    return TRUE;
  while ((status = part_reader_next (&part, self, name, error)) == 1)
    {
      g_autoptr(GString) text = NULL;

      if (is_element (&part, "sst"))
        {
          /* Refused at once when the count says it, not 300,000 strings later. */
          g_autofree char *count = get_attribute (&part, "uniqueCount");

          if (count != NULL && g_ascii_strtoull (count, NULL, 10) > KENSHO_XLSX_MAX_SHARED_STRINGS)
            return set_error (error, KENSHO_FORMAT_ERROR_TOO_LARGE, self->path,
                              _("The spreadsheet has too many different texts to be a sheet."));
          continue;
        }
      if (!is_element (&part, "si"))
        continue;
      if (self->shared->len >= KENSHO_XLSX_MAX_SHARED_STRINGS)
        return set_error (error, KENSHO_FORMAT_ERROR_TOO_LARGE, self->path,
                          _("The spreadsheet has too many different texts to be a sheet."));
      text = g_string_new (NULL);
      if (!read_rich_text (&part, self, name, "si", text, error))
        return FALSE;
      g_ptr_array_add (self->shared, g_string_free (g_steal_pointer (&text), FALSE));
    }
  return status == 0;
}

static gboolean
read_styles (Reader *self, GError **error)
{
  const char *name = "xl/styles.xml";
  g_auto(PartReader) part = { 0 };
  gboolean in_cell_xfs = FALSE;
  int status;

  if (!part_reader_open (&part, self, name, FALSE, error))
    return FALSE;
  if (part.reader == NULL)
    return TRUE;
  while ((status = part_reader_next (&part, self, name, error)) == 1)
    {
      if (is_element (&part, "numFmt"))
        {
          g_autofree char *id = get_attribute (&part, "numFmtId");
          char *code = get_attribute (&part, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (self->formats, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)), code);
          else
            g_free (code);
        }
      else if (is_element (&part, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (part.reader);
      else if (is_end (&part, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (&part, "xf"))
        {
          g_autofree char *id = get_attribute (&part, "numFmtId");
          guint format = id ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

          if (self->xf_formats->len >= KENSHO_XLSX_MAX_CELLS)
            return set_error (error, KENSHO_FORMAT_ERROR_TOO_LARGE, self->path,
                              _("The spreadsheet has too many cell styles to be a sheet."));
          g_array_append_val (self->xf_formats, format);
        }
    }
  return status == 0;
}

/* Number formats */

static const char *
builtin_format (guint id)
{
  switch (id)
    {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 14: return "yyyy/m/d";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 49: return "@";
    default: return NULL;
    }
}

/* 15 significant digits, as Excel keeps, without an exponent for the
 * numbers sheets hold. */
static char *
format_general (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value) < 1e15 && value == floor (value))
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static char *
format_fixed (double value, guint decimals, gboolean grouped, guint min_integer_digits)
{
  char format[16], buffer[400];
  const char *digits, *point;
  GString *out = g_string_new (NULL);
  gsize n_integer;

  if (fabs (value) >= 1e300)
    return format_general (value);
  decimals = MIN (decimals, 15);
  if (fabs (value) * pow (10, decimals) < 1e15)
    {
      /* Half away from zero, as Excel shows 0.25 in "0.0": 0.3. */
      g_autofree char *scaled = g_strdup_printf ("%0*.0f", (int) decimals + 1,
                                                 round (fabs (value) * pow (10, decimals)));
      gsize length = strlen (scaled);

      if (decimals > 0)
        g_snprintf (buffer, sizeof buffer, "%.*s.%s", (int) (length - decimals), scaled,
                    scaled + length - decimals);
      else
        g_strlcpy (buffer, scaled, sizeof buffer);
    }
  else
    {
      g_snprintf (format, sizeof format, "%%.%uf", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
    }
  if (value < 0 && strspn (buffer, "0.") != strlen (buffer))
    g_string_append_c (out, '-');
  digits = buffer;
  point = strchr (digits, '.');
  n_integer = point ? (gsize) (point - digits) : strlen (digits);
  if (n_integer == 1 && digits[0] == '0' && min_integer_digits == 0)
    {
      digits++;
      n_integer = 0;
    }
  for (gsize i = 0; i < n_integer; i++)
    {
      g_string_append_c (out, digits[i]);
      if (grouped && (n_integer - 1 - i) % 3 == 0 && i + 1 < n_integer)
        g_string_append_c (out, ',');
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

static void
civil_from_serial (double serial, int *year, int *month, int *day, int *seconds)
{
  /* Excel's day 1 is 1900-01-01, counting the 29 February 1900 that never
   * was; day 60 onwards is 1899-12-30 + serial. */
  gint64 days = (gint64) floor (serial);
  g_autoptr(GDate) date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);

  *seconds = (int) llround ((serial - floor (serial)) * 86400.0);
  if (days < 61)
    days++;
  if (days > 0 && days < 2958466)
    g_date_add_days (date, (guint) days);
  *year = g_date_get_year (date);
  *month = g_date_get_month (date);
  *day = g_date_get_day (date);
}

static char *
format_date (double value, const char *code)
{
  GString *out = g_string_new (NULL);
  int year, month, day, seconds;
  gboolean after_hour = FALSE;

  civil_from_serial (value, &year, &month, &day, &seconds);
  for (const char *p = code; *p;)
    {
      char c = g_ascii_tolower (*p);
      gsize run = 1;

      while (p[run] != '\0' && g_ascii_tolower (p[run]) == c)
        run++;
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          run = end ? (gsize) (end - p + 1) : strlen (p);
          g_string_append_len (out, p + 1, end ? end - p - 1 : (gssize) strlen (p + 1));
        }
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');

          run = end ? (gsize) (end - p + 1) : strlen (p);
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (out, p[1]);
          run = 2;
        }
      else if (c == 'y')
        g_string_append_printf (out, run <= 2 ? "%02d" : "%d", run <= 2 ? year % 100 : year);
      else if (c == 'm' && after_hour)
        g_string_append_printf (out, run >= 2 ? "%02d" : "%d", seconds / 60 % 60);
      else if (c == 'm')
        g_string_append_printf (out, run >= 2 ? "%02d" : "%d", month);
      else if (c == 'd')
        g_string_append_printf (out, run >= 2 ? "%02d" : "%d", day);
      else if (c == 'h')
        {
          g_string_append_printf (out, run >= 2 ? "%02d" : "%d", seconds / 3600);
          after_hour = TRUE;
        }
      else if (c == 's')
        g_string_append_printf (out, "%02d", seconds % 60);
      else
        g_string_append_len (out, p, (gssize) run);
      p += run;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_date_format (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '[')
        bracket = TRUE;
      else if (*p == ']')
        bracket = FALSE;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (!bracket && strchr ("ymdhsYMDHS", *p) != NULL)
        return TRUE;
      else if (!bracket && strchr ("0#?", *p) != NULL)
        return FALSE;
    }
  return FALSE;
}

/* One section of a format ("#,##0\"件\"", "0.0%", "\"約\"0\"人\""): the
 * literals where they stand, the number at its first digit placeholder. */
static char *
format_section (double value, const char *code)
{
  GString *out = g_string_new (NULL);
  guint decimals = 0, min_integer = 0;
  gboolean grouped = FALSE, percent = FALSE, in_decimals = FALSE, placed = FALSE;
  gssize number_at = -1;
  g_autofree char *number = NULL;

  for (const char *p = code; *p; p++)
    if (*p == '"')
      {
        const char *end = strchr (p + 1, '"');

        if (end == NULL)
          break;
        p = end;
      }
    else if (*p == '\\' && p[1] != '\0')
      p++;
    else if (*p == '%')
      percent = TRUE;

  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          g_string_append_len (out, p + 1, end ? end - p - 1 : (gssize) strlen (p + 1));
          if (end == NULL)
            break;
          p = end;
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (out, p[1]);
          p++;
        }
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');

          if (end == NULL)
            break;
          p = end;
        }
      else if (*p == '_' && p[1] != '\0')
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else if (*p == '*' && p[1] != '\0')
        p++;
      else if (strchr ("0#?", *p) != NULL)
        {
          if (!placed)
            {
              number_at = (gssize) out->len;
              placed = TRUE;
            }
          if (in_decimals)
            decimals++;
          else if (*p == '0')
            min_integer++;
        }
      else if (*p == '.' && placed && !in_decimals)
        in_decimals = TRUE;
      else if (*p == ',' && placed && !in_decimals)
        grouped = TRUE;
      else if (*p == '@')
        {
          g_autofree char *general = format_general (value);

          g_string_append (out, general);
        }
      else if (*p == 'E' || *p == 'e')
        {
          g_string_free (out, TRUE);
          return format_general (value);
        }
      else
        g_string_append_c (out, *p);
    }
  if (number_at < 0)
    return g_string_free (out, FALSE);
  number = format_fixed (percent ? value * 100 : value, decimals, grouped, min_integer);
  g_string_insert (out, number_at, number);
  return g_string_free (out, FALSE);
}

/**
 * kensho_xlsx_format_number:
 * @value: the cell's number
 * @format_code: (nullable): its number format; NULL or "General" for none
 *
 * The text Excel shows for a number: "1,563件" for 1563 in
 * "#,##0\"件\"", "82.0%" for 0.82 in "0.0%", "2023/4/1" for a date.
 */
char *
kensho_xlsx_format_number (double value, const char *format_code)
{
  g_auto(GStrv) sections = NULL;
  guint n;

  if (!isfinite (value))
    return g_strdup ("#NUM!");
  if (format_code == NULL || *format_code == '\0' || g_ascii_strcasecmp (format_code, "General") == 0)
    return format_general (value);
  /* Quoted semicolons are rare enough in sheets' formats to split on all. */
  sections = g_strsplit (format_code, ";", 4);
  n = g_strv_length (sections);
  if (is_date_format (sections[0]))
    return format_date (value, sections[0]);
  if (value < 0 && n >= 2)
    return format_section (-value, sections[1]);
  if (value == 0 && n >= 3)
    return format_section (value, sections[2]);
  return format_section (value, sections[0]);
}

/* Worksheets */

static const char *
cell_format (Reader *self, const char *style)
{
  guint xf = style ? (guint) g_ascii_strtoull (style, NULL, 10) : 0;
  guint id = xf < self->xf_formats->len ? g_array_index (self->xf_formats, guint, xf) : 0;
  const char *code = g_hash_table_lookup (self->formats, GUINT_TO_POINTER (id));

  return code ? code : builtin_format (id);
}

static char *
cell_text (Reader *self, const char *type, const char *style, const char *value)
{
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);

      return index < self->shared->len ? g_strdup (g_ptr_array_index (self->shared, index)) : NULL;
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (value, "1") ? "TRUE" : "FALSE");
  if (type == NULL || g_str_equal (type, "n"))
    {
      char *end;
      double number = g_ascii_strtod (value, &end);

      if (end != value && *end == '\0')
        return kensho_xlsx_format_number (number, cell_format (self, style));
    }
  return g_strdup (value); /* str, e, d: as written */
}

static gboolean
too_many_cells (Reader *self, GError **error)
{
  return set_error (error, KENSHO_FORMAT_ERROR_TOO_LARGE, self->path,
                    _("The spreadsheet has too many cells to be a sheet."));
}

static gboolean
read_worksheet (Reader *self, const char *name, KenshoCellGrid *grid, GError **error)
{
  g_auto(PartReader) part = { 0 };
  guint row = 0, column = 0;
  gboolean any_row = FALSE;
  int status;

  if (!part_reader_open (&part, self, name, TRUE, error))
    return FALSE;
  while ((status = part_reader_next (&part, self, name, error)) == 1)
    {
      if (is_element (&part, "row"))
        {
          g_autofree char *r = get_attribute (&part, "r");
          g_autofree char *hidden = get_attribute (&part, "hidden");
          guint64 number = r ? g_ascii_strtoull (r, NULL, 10) : (guint64) (any_row ? row + 2 : 1);

          if (number < 1 || number > KENSHO_GRID_MAX_ROWS)
            return set_error (error, KENSHO_FORMAT_ERROR_INVALID, self->path,
                              _("The spreadsheet names a row past the last one a worksheet can have."));
          row = (guint) number - 1;
          any_row = TRUE;
          column = 0;
          if (g_strcmp0 (hidden, "1") == 0 || g_strcmp0 (hidden, "true") == 0)
            kensho_cell_grid_set_row_hidden (grid, row, TRUE);
        }
      else if (is_element (&part, "c"))
        {
          g_autofree char *ref = get_attribute (&part, "r");
          g_autofree char *type = get_attribute (&part, "t");
          g_autofree char *style = get_attribute (&part, "s");
          g_autofree char *value = NULL;
          g_autoptr(GString) inline_text = NULL;
          guint cell_row = row, cell_column = column;

          if (ref != NULL && !kensho_cell_grid_parse_ref (ref, &cell_row, &cell_column))
            {
              g_autofree char *message = g_strdup_printf (_("The spreadsheet names a cell “%.20s” past XFD1048576, the last one a worksheet can have."), ref);

              return set_error (error, KENSHO_FORMAT_ERROR_INVALID, self->path, message);
            }
          column = cell_column + 1;
          if (xmlTextReaderIsEmptyElement (part.reader))
            continue;
          while ((status = part_reader_next (&part, self, name, error)) == 1 && !is_end (&part, "c"))
            {
              if (is_element (&part, "v"))
                {
                  g_free (value);
                  value = read_string (&part);
                }
              else if (is_element (&part, "is"))
                {
                  inline_text = g_string_new (NULL);
                  if (!read_rich_text (&part, self, name, "is", inline_text, error))
                    return FALSE;
                }
            }
          if (status != 1)
            break;
          if (++self->n_cells > KENSHO_XLSX_MAX_WORKBOOK_CELLS ||
              kensho_cell_grid_get_n_cells (grid) >= KENSHO_XLSX_MAX_CELLS)
            {
              if (!self->cut)
                return too_many_cells (self, error);
              /* The cells read so far stay; the rest of the part is not parsed. */
              kensho_cell_grid_set_cut (grid, TRUE);
              return TRUE;
            }
          if (inline_text != NULL)
            kensho_cell_grid_take (grid, cell_row, cell_column, g_string_free (g_steal_pointer (&inline_text), FALSE));
          else if (value != NULL)
            kensho_cell_grid_take (grid, cell_row, cell_column, cell_text (self, type, style, value));
        }
      else if (is_element (&part, "mergeCell"))
        {
          g_autofree char *ref = get_attribute (&part, "ref");
          KenshoCellRange range;

          if (ref == NULL || !kensho_cell_grid_parse_range (ref, &range))
            return set_error (error, KENSHO_FORMAT_ERROR_INVALID, self->path,
                              _("The spreadsheet merges cells past XFD1048576, the last one a worksheet can have."));
          self->n_merged_cells += (range.last_row - range.first_row + 1) *
                                  MIN (range.last_column - range.first_column + 1, KENSHO_XLSX_MAX_CELLS);
          if ((range.last_row - range.first_row + 1) > KENSHO_XLSX_MAX_CELLS ||
              self->n_merged_cells > KENSHO_XLSX_MAX_CELLS)
            {
              if (!self->cut)
                return too_many_cells (self, error);
              kensho_cell_grid_set_cut (grid, TRUE);
              return TRUE;
            }
          kensho_cell_grid_add_merge (grid, &range);
        }
    }
  if (status == 0)
    return TRUE;
  if (error != NULL && *error == NULL)
    set_error (error, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, self->path, _("A worksheet of the spreadsheet ends too early."));
  return FALSE;
}

typedef struct
{
  char *name;
  char *part;
} SheetEntry;

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *entry = data;

  g_free (entry->name);
  g_free (entry->part);
  g_free (entry);
}

/* The worksheets' names and parts, in workbook order. */
static GPtrArray *
read_workbook (Reader *self, GError **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (sheet_entry_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *rels_name = "xl/_rels/workbook.xml.rels";
  const char *name = "xl/workbook.xml";
  int status;

  {
    g_auto(PartReader) part = { 0 };

    if (!part_reader_open (&part, self, rels_name, TRUE, error))
      return NULL;
    while ((status = part_reader_next (&part, self, rels_name, error)) == 1)
      if (is_element (&part, "Relationship"))
        {
          char *id = get_attribute (&part, "Id");
          g_autofree char *target = get_attribute (&part, "Target");

          if (id == NULL || target == NULL)
            {
              g_free (id);
              continue;
            }
          g_hash_table_insert (targets, id, target[0] == '/' ? g_strdup (target + 1)
                                                           : g_strconcat ("xl/", target, NULL));
        }
    if (status != 0)
      return NULL;
  }
  {
    g_auto(PartReader) part = { 0 };

    if (!part_reader_open (&part, self, name, TRUE, error))
      return NULL;
    while ((status = part_reader_next (&part, self, name, error)) == 1)
      if (is_element (&part, "sheet"))
        {
          g_autofree char *sheet_name = get_attribute (&part, "name");
          xmlChar *id = xmlTextReaderGetAttributeNs (part.reader, (const xmlChar *) "id", (const xmlChar *) REL_NS);
          const char *target;
          SheetEntry *entry;

          if (id == NULL)
            id = xmlTextReaderGetAttributeNs (part.reader, (const xmlChar *) "id", (const xmlChar *) REL_NS_STRICT);
          target = id ? g_hash_table_lookup (targets, (const char *) id) : NULL;
          xmlFree (id);
          if (target == NULL)
            continue;
          entry = g_new0 (SheetEntry, 1);
          entry->name = g_strdup (sheet_name ? sheet_name : "");
          entry->part = g_strdup (target);
          g_ptr_array_add (sheets, entry);
        }
    if (status != 0)
      return NULL;
  }
  if (sheets->len == 0)
    {
      set_error (error, KENSHO_FORMAT_ERROR_NOT_A_SHEET, self->path, _("The spreadsheet has no worksheet."));
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

static GPtrArray *
read_grids (const char *path, gboolean one, const char *sheet_name, gboolean cut, GError **error)
{
  g_autoptr(GHashTable) parts = kensho_zip_read_parts (path, want_part, NULL, error);
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_cell_grid_free);
  g_autoptr(GPtrArray) sheets = NULL;
  Reader self = { path, parts, shared, formats, xf_formats, 0, 0, cut };

  if (parts == NULL)
    return NULL;
  sheets = read_workbook (&self, error);
  if (sheets == NULL || !read_shared_strings (&self, error) || !read_styles (&self, error))
    return NULL;
  for (guint i = 0; i < sheets->len; i++)
    {
      SheetEntry *entry = g_ptr_array_index (sheets, i);
      g_autoptr(KenshoCellGrid) grid = kensho_cell_grid_new (entry->name);

      if (one && (sheet_name != NULL ? !g_str_equal (entry->name, sheet_name) : i > 0))
        continue;
      if (!read_worksheet (&self, entry->part, grid, error))
        return NULL;
      g_ptr_array_add (grids, g_steal_pointer (&grid));
    }
  if (one && grids->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The spreadsheet has no worksheet “%s”."), sheet_name);

      set_error (error, KENSHO_FORMAT_ERROR_FAILED, path, message);
      return NULL;
    }
  return g_steal_pointer (&grids);
}

GPtrArray *
kensho_xlsx_read_file (const char *path, GError **error)
{
  return read_grids (path, FALSE, NULL, FALSE, error);
}

GPtrArray *
kensho_xlsx_read_file_cut (const char *path, GError **error)
{
  return read_grids (path, FALSE, NULL, TRUE, error);
}

/* Only the worksheet @sheet_name (NULL: the first): the others are not
 * parsed, so that a large data worksheet beside it costs nothing. */
KenshoCellGrid *
kensho_xlsx_read_sheet (const char *path, const char *sheet_name, GError **error)
{
  g_autoptr(GPtrArray) grids = read_grids (path, TRUE, sheet_name, FALSE, error);

  return grids ? g_ptr_array_steal_index (grids, 0) : NULL;
}
