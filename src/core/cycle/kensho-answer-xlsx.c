/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "kensho-answer-xlsx.h"
#include "kensho-file-read.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"

/* Far more than any form: a zip bomb stops here. */
#define MAX_PART_SIZE (64 * 1024 * 1024)
#define MAX_TOTAL_SIZE (256 * 1024 * 1024)
#define HEADER_ROW 7 /* 1-based: the row of the column titles */
#define RELATIONSHIPS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct
{
  GHashTable *parts;   /* name → GBytes */
  GPtrArray *strings;  /* the shared strings */
} Book;

static void
book_clear (Book *book)
{
  g_clear_pointer (&book->parts, g_hash_table_unref);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Book, book_clear)

static gboolean
fail (GError **error, const char *path, const char *why)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, KENSHO_CYCLE_ERROR, KENSHO_CYCLE_ERROR_NOT_AN_ANSWER, _("%s is not a Kensho answer form: %s"), name, why);
  return FALSE;
}

static gboolean
read_parts (Book *book, GBytes *bytes, const char *path, GError **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;
  gsize total = 0;
  int status;

  archive_read_support_format_zip (archive);
  status = archive_read_open_memory (archive, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  while (status == ARCHIVE_OK && (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      GByteArray *data;
      char buffer[16384];
      la_ssize_t n;

      if (name == NULL || !g_str_has_prefix (name, "xl/") ||
          !(g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels")) ||
          g_str_has_prefix (name, "xl/theme/"))
        continue;
      data = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0 && data->len <= MAX_PART_SIZE)
        g_byte_array_append (data, (guint8 *) buffer, (guint) n);
      total += data->len;
      if (n < 0 || data->len > MAX_PART_SIZE || total > MAX_TOTAL_SIZE)
        {
          g_byte_array_unref (data);
          ok = fail (error, path, n < 0 ? _("it cannot be unpacked.") : _("a part of it is far too large."));
          break;
        }
      g_hash_table_insert (book->parts, g_strdup (name), g_byte_array_free_to_bytes (data));
    }
  if (ok && status != ARCHIVE_EOF)
    ok = fail (error, path, _("it is not an .xlsx file."));
  archive_read_free (archive);
  return ok;
}

/* Parsed as untrusted: no DTD, entities or network (as sheet files are). */
static xmlDoc *
parse_part (Book *book, const char *name)
{
  GBytes *bytes = g_hash_table_lookup (book->parts, name);

  if (bytes == NULL || g_bytes_get_size (bytes) > G_MAXINT)
    return NULL;
  return xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), name, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
}

static gboolean
is (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
property (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The text of every <t> under @node: rich text comes in runs. */
static void
append_text (xmlNode *node, GString *out)
{
  for (xmlNode *child = node->children; child; child = child->next)
    if (is (child, "t"))
      {
        xmlChar *text = xmlNodeGetContent (child);

        g_string_append (out, (const char *) text);
        xmlFree (text);
      }
    else if (child->type == XML_ELEMENT_NODE && !is (child, "rPh"))
      append_text (child, out);
}

static void
read_strings (Book *book)
{
  xmlDoc *doc = parse_part (book, "xl/sharedStrings.xml");

  if (doc == NULL)
    return;
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si; si = si->next)
    if (is (si, "si"))
      {
        GString *text = g_string_new (NULL);

        append_text (si, text);
        g_ptr_array_add (book->strings, g_string_free (text, FALSE));
      }
  xmlFreeDoc (doc);
}

/* The part of the worksheet named @sheet_name, through workbook.xml and
 * its relationships, as Excel may number the parts anew. */
static char *
find_sheet_part (Book *book, const char *sheet_name)
{
  xmlDoc *workbook = parse_part (book, "xl/workbook.xml");
  xmlDoc *rels = parse_part (book, "xl/_rels/workbook.xml.rels");
  g_autofree char *rid = NULL;
  char *part = NULL;

  for (xmlNode *node = workbook ? xmlDocGetRootElement (workbook)->children : NULL; node && !rid; node = node->next)
    if (is (node, "sheets"))
      for (xmlNode *sheet = node->children; sheet; sheet = sheet->next)
        {
          g_autofree char *name = is (sheet, "sheet") ? property (sheet, "name") : NULL;

          if (g_strcmp0 (name, sheet_name) == 0)
            {
              xmlChar *id = xmlGetNsProp (sheet, BAD_CAST "id", BAD_CAST RELATIONSHIPS);

              rid = g_strdup ((const char *) id);
              xmlFree (id);
            }
        }
  for (xmlNode *rel = rels && rid ? xmlDocGetRootElement (rels)->children : NULL; rel && !part; rel = rel->next)
    {
      g_autofree char *id = is (rel, "Relationship") ? property (rel, "Id") : NULL;
      g_autofree char *target = NULL;

      if (g_strcmp0 (id, rid) != 0)
        continue;
      target = property (rel, "Target");
      part = g_str_has_prefix (target, "/") ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
    }
  xmlFreeDoc (workbook);
  xmlFreeDoc (rels);
  return part;
}

/* The first worksheet that is not "kensho": the division's form. */
static char *
find_form_name (Book *book)
{
  xmlDoc *workbook = parse_part (book, "xl/workbook.xml");
  char *found = NULL;

  for (xmlNode *node = workbook ? xmlDocGetRootElement (workbook)->children : NULL; node; node = node->next)
    if (is (node, "sheets"))
      for (xmlNode *sheet = node->children; sheet && !found; sheet = sheet->next)
        {
          g_autofree char *name = is (sheet, "sheet") ? property (sheet, "name") : NULL;

          if (name != NULL && !g_str_equal (name, "kensho"))
            found = g_steal_pointer (&name);
        }
  xmlFreeDoc (workbook);
  return found;
}

/* Cell reference ("H8") → its text, as a person sees it. */
static GHashTable *
read_cells (Book *book, const char *part)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlDoc *doc = part ? parse_part (book, part) : NULL;

  for (xmlNode *data = doc ? xmlDocGetRootElement (doc)->children : NULL; data; data = data->next)
    if (is (data, "sheetData"))
      for (xmlNode *row = data->children; row; row = row->next)
        for (xmlNode *cell = is (row, "row") ? row->children : NULL; cell; cell = cell->next)
          {
            g_autofree char *ref = is (cell, "c") ? property (cell, "r") : NULL;
            g_autofree char *type = ref ? property (cell, "t") : NULL;
            GString *text = g_string_new (NULL);

            for (xmlNode *child = ref ? cell->children : NULL; child; child = child->next)
              if (is (child, "v"))
                {
                  xmlChar *value = xmlNodeGetContent (child);

                  if (g_strcmp0 (type, "s") == 0)
                    {
                      guint64 index = g_ascii_strtoull ((const char *) value, NULL, 10);

                      if (index < book->strings->len)
                        g_string_append (text, book->strings->pdata[index]);
                    }
                  else
                    g_string_append (text, (const char *) value);
                  xmlFree (value);
                }
              else if (is (child, "is"))
                append_text (child, text);
            if (ref != NULL && text->len > 0)
              g_hash_table_insert (cells, g_steal_pointer (&ref), g_string_free (text, FALSE));
            else
              g_string_free (text, TRUE);
          }
  xmlFreeDoc (doc);
  return cells;
}

static const char *
cell (GHashTable *cells, char column, guint row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", column, row);
  const char *text = g_hash_table_lookup (cells, ref);

  return text != NULL && *g_strstrip ((char *) text) != '\0' ? text : NULL;
}

/* The answer cells of the form written into the hand-out as sent. */
static gboolean
fill_in (KenshoSheet *answer, GHashTable *cells, const char *path, GError **error)
{
  int fy = kensho_sheet_get_fiscal_year (answer);
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (answer);
  const char *previous = NULL;
  guint series = 0;

  for (guint row = HEADER_ROW + 1; cell (cells, 'A', row) != NULL; row++)
    {
      const char *id = cell (cells, 'A', row);
      KenshoNode *node = kensho_sheet_lookup (answer, id);
      KenshoIndicator *indicator;
      const char *actual = cell (cells, 'H', row);
      g_autoptr(KenshoValue) value = NULL;
      g_autoptr(GError) value_error = NULL;

      if (!KENSHO_IS_INDICATOR (node))
        {
          g_autofree char *why = g_strdup_printf (_("row %u names no indicator that was sent."), row);

          return fail (error, path, why);
        }
      indicator = KENSHO_INDICATOR (node);
      series = g_strcmp0 (previous, id) == 0 ? series + 1 : 0;
      previous = id;
      if (series >= kensho_indicator_get_n_series (indicator))
        return fail (error, path, _("it has more rows for an indicator than were sent."));
      if (actual != NULL && (value = kensho_value_parse (actual, &value_error)) == NULL)
        {
          g_autofree char *why = g_strdup_printf (_("cell H%u: %s"), row, value_error->message);

          return fail (error, path, why);
        }
      /* A bare number takes the indicator's unit, as typed in the form. */
      if (value != NULL)
        kensho_indicator_complete_unit (indicator, kensho_indicator_get_series (indicator, series), value);
      kensho_series_set_actual (kensho_indicator_get_series (indicator, series), fy, value);
      if (series > 0)
        continue;
      for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        kensho_indicator_set_commentary (indicator, fy, part, cell (cells, 'K' + part, row));
      kensho_indicator_set_delay_reason (indicator, fy, cell (cells, 'O', row));
      if (cell (cells, 'N', row) == NULL)
        kensho_indicator_set_rating_id (indicator, fy, NULL);
      else
        {
          KenshoRating *rating = kensho_rating_scale_lookup_label (scale, cell (cells, 'N', row));
          g_autofree char *why = NULL;

          if (rating == NULL)
            {
              g_autofree char *quoted = kensho_quote_for_message (cell (cells, 'N', row));

              why = g_strdup_printf (_("cell N%u: “%s” is not a rating of the scale."), row, quoted);
              return fail (error, path, why);
            }
          kensho_indicator_set_rating_id (indicator, fy, kensho_rating_get_id (rating));
        }
    }
  return TRUE;
}

KenshoSheet *
kensho_answer_xlsx_load (const char *path, GError **error)
{
  g_auto(Book) book = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref),
                        g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GBytes) bytes = kensho_file_read_bounded (path, 64 * 1024 * 1024, error);
  g_autoptr(GHashTable) hidden = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(KenshoHandoutTag) tag = kensho_handout_tag_new ();
  g_autoptr(KenshoSheet) answer = NULL;
  g_autofree char *hidden_part = NULL;
  g_autofree char *form_name = NULL;
  g_autofree char *form_part = NULL;
  g_autoptr(GString) base = g_string_new (NULL);
  gsize length = 0;
  guchar *decoded;

  if (bytes == NULL || !read_parts (&book, bytes, path, error))
    return NULL;
  read_strings (&book);
  hidden_part = find_sheet_part (&book, "kensho");
  hidden = read_cells (&book, hidden_part);
  if (cell (hidden, 'B', 1) == NULL || cell (hidden, 'B', 3) == NULL)
    return fail (error, path, _("it has no hand-out id.")), NULL;
  for (guint row = 5; cell (hidden, 'B', row) != NULL; row++)
    g_string_append (base, cell (hidden, 'B', row));
  decoded = g_base64_decode (base->str, &length);
  tag->base = g_bytes_new_take (decoded, length);
  tag->id = g_strdup (cell (hidden, 'B', 1));
  tag->sheet_key = g_strdup (cell (hidden, 'B', 2));
  tag->division = g_strdup (cell (hidden, 'B', 3));
  answer = kensho_sheet_xml_load_bytes (tag->base, path, NULL);
  if (answer == NULL)
    return fail (error, path, _("its copy of what was sent cannot be read.")), NULL;
  kensho_sheet_set_handout (answer, tag);
  form_name = find_form_name (&book);
  form_part = form_name ? find_sheet_part (&book, form_name) : NULL;
  form = read_cells (&book, form_part);
  if (!fill_in (answer, form, path, error))
    return NULL;
  return g_steal_pointer (&answer);
}

KenshoSheet *
kensho_answer_load (const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return kensho_answer_xlsx_load (path, error);
  return kensho_sheet_xml_load_file (path, error);
}
