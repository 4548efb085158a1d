/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>
#include <libxml/xmlwriter.h>

#include "kensho-achievement.h"
#include "kensho-era.h"
#include "kensho-error.h"
#include "kensho-file-read.h"
#include "kensho-file-write.h"
#include "kensho-indicator-record.h"
#include "kensho-node-private.h"
#include "kensho-schema-check.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"
#include "kensho-value.h"
#include "kensho-xml-scan.h"

#define MAX_FILE_SIZE kensho_max_sheet_file_size ()
/* A real sheet has about 12-17 elements per indicator (the sample: 793 for
 * 47 indicators); 400,000 hold some 25,000 indicators (a prefecture's
 * strategy merged with its general plan). More is refused while parsing,
 * before the document tree and the validator use memory in proportion.
 * KENSHO_LARGE_SHEETS=1 allows ten times as many. */
#define MAX_ELEMENTS kensho_max_sheet_elements (400000)
/* The schema allows six attributes on an element at most; the rest is
 * room for namespace declarations and other tools' additions. */
#define MAX_ATTRIBUTES 32

#if LIBXML_VERSION >= 21200
typedef const xmlError *KenshoXmlErrorPtr;
#else
typedef xmlErrorPtr KenshoXmlErrorPtr;
#endif

typedef struct
{
  const char *display_name;
  GError *error;            /* the first error only: one clear reason */
  GHashTable *ids;          /* id → line, to name both places of a duplicate */
  KenshoSheet *sheet;
  guint n_elements;
  guint max_elements;       /* read once: it looks at the environment */
  gboolean bad_encoding;    /* libxml2 could not convert the bytes to text */
  GPtrArray *frames;        /* streaming: the sheet and the open goals, subgoals, measures */
  gboolean unsure;          /* streaming: the rules are not sure, read it the usual way */
  KenshoIndicatorRecord record;  /* the indicator being read */
  gboolean in_record;       /* streaming: between an indicator's tags, read from events */
  KenshoTopLoadedFunc top_loaded; /* streaming: told of each node at the top once it is in the sheet */
  gpointer top_loaded_data;
} LoadContext;

static void G_GNUC_PRINTF (5, 6)
set_error_at_line (LoadContext *ctx, long line, KenshoFormatError code, const char *prefix,
                   const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    ctx->error = g_error_new (KENSHO_FORMAT_ERROR, code, "%s:%ld: %s%s", ctx->display_name, line,
                              prefix ? prefix : "", message);
  else
    ctx->error = g_error_new (KENSHO_FORMAT_ERROR, code, "%s: %s%s", ctx->display_name,
                              prefix ? prefix : "", message);
}

#define set_error_at(ctx, node, code, ...) \
  set_error_at_line ((ctx), xmlGetLineNo (node), (code), NULL, __VA_ARGS__)

/* libxml2 ends its messages with a newline and speaks of XML; keep the
 * first line only and say what it means for the user. */
static char *
clean_libxml_message (const char *message)
{
  g_autofree char *copy = g_strdup (message ? message : "");
  char *newline = strchr (copy, '\n');

  if (newline != NULL)
    *newline = '\0';
  g_strstrip (copy);
  return g_steal_pointer (&copy);
}

typedef struct
{
  const char *pattern;
  const char *explanation;
} Explanation;

/* The explanation of the first pattern that matches libxml2's message,
 * with what its groups caught; NULL when none does. Datatype and value
 * errors name the type, not the element: `element` stands in for it. */
static char *
explain (const Explanation *known, guint n_known, const char *detail, const char *element)
{
  for (guint i = 0; i < n_known; i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (known[i].pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      char *groups[3];
      char *explained;

      if (!g_regex_match (regex, detail, 0, &match))
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        {
          g_autofree char *group = g_match_info_fetch (match, (int) g + 1);

          groups[g] = kensho_quote_for_message (group ? group : "");
        }
      if (element != NULL && (g_str_has_prefix (detail, "Error validating") || g_str_has_prefix (detail, "Type ")))
        {
          g_free (groups[0]);
          groups[0] = g_strdup (element);
        }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      explained = g_strdup_printf (_(known[i].explanation), groups[0], groups[1], groups[2]);
#pragma GCC diagnostic pop
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        g_free (groups[g]);
      return explained;
    }
  return NULL;
}

/* libxml2's parser speaks English and of XML: the usual messages are said
 * in words, the rest is quoted in a translated sentence. */
static char *
explain_parse_error (const char *detail)
{
  static const Explanation known[] = {
    { "^Premature end of data in tag (\\S+) line (\\d+)$",
      N_("It ends before <%1$s> of line %2$s is closed: it was probably cut short.") },
    { "^Couldn't find end of Start Tag (\\S+) line (\\d+)$",
      N_("The tag <%1$s> of line %2$s is not closed: it was probably cut short.") },
    { "^Opening and ending tag mismatch: (\\S+) line (\\d+) and (\\S+)$",
      N_("<%1$s> of line %2$s is closed by </%3$s>.") },
    { "^Start tag expected, '<' not found$", N_("It does not start as an XML file does, with “<”.") },
    { "^Document is empty$", N_("It holds no XML.") },
    { "^Extra content at the end of the document$", N_("There is more after the end of the sheet.") },
    { "^Input is not proper UTF-8, indicate encoding !$",
      N_("It holds bytes that are not UTF-8 text, and it names no other encoding.") },
    { "^Document labelled UTF-16 but has UTF-8 content$", N_("It says it is UTF-16 but is written in UTF-8.") },
    { "^Unsupported encoding (.+)$", N_("It is written in an encoding Kensho cannot read (%s).") },
    { "^Char 0x([0-9A-F]+) out of allowed range$", N_("It holds a character that XML does not allow (U+%s).") },
    { "^xmlParseCharRef: invalid xmlChar value (\\d+)$",
      N_("It refers to a character that XML does not allow (&#%s;).") },
    { "^Entity '(.+)' not defined$", N_("It uses the entity “&%s;”, which no sheet has.") },
  };
  char *explained = explain (known, G_N_ELEMENTS (known), detail, NULL);

  /* TRANSLATORS: %s is libxml2's own message, in English. */
  return explained ? explained : g_strdup_printf (_("The XML reader reports: %s."), detail);
}

/* libxml2's RELAX NG messages name schema machinery; say instead which
 * element is wrong and how. */
static char *
explain_validation_error (const char *detail, const char *element)
{
  static const Explanation known[] = {
    { "^Element (\\S+) failed to validate attributes$",
      N_("<%s> has an attribute that is missing, misspelt or not allowed.") },
    { "^Expecting element (\\S+), got (\\S+)$",
      N_("<%2$s> is not allowed here; <%1$s> was expected.") },
    { "^Did not expect element (\\S+) there$", N_("<%s> is not allowed here.") },
    { "^Element (\\S+) has extra content: (\\S+)$", N_("<%1$s> holds <%2$s>, which is not allowed there.") },
    { "^Error validating datatype (\\S+)$", N_("<%s> holds a value of the wrong form.") },
    { "^Error validating value *$", N_("<%s> holds a value that is not allowed.") },
    { "^Type (\\S+) doesn't allow value '.*'$", N_("<%s> holds a value of the wrong form.") },
    { "^Element (\\S+) failed to validate content$", N_("<%s> is missing something it needs.") },
    { "^Invalid attribute (\\S+) for element (\\S+)$", N_("<%2$s> has an attribute “%1$s” that is not allowed.") },
  };
  char *explained = explain (known, G_N_ELEMENTS (known), detail, element ? element : "?");

  /* TRANSLATORS: %s is libxml2's own message, in English. */
  return explained ? explained : g_strdup_printf (_("Something in it is not allowed (the checker says: %s)."), detail);
}

/* libxml2 hands the parser context to SAX callbacks; ours hangs off it. */
static void
on_parse_error (void *user_data, KenshoXmlErrorPtr error)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;
  g_autofree char *detail = NULL;

  if (error->level < XML_ERR_ERROR)
    return;
  detail = clean_libxml_message (error->message);
  if (ctx->bad_encoding)
    {
      const xmlChar *named = parser->input != NULL ? parser->input->encoding : NULL;
      g_autofree char *encoding = kensho_quote_for_message (named != NULL ? (const char *) named : "UTF-8");

      set_error_at_line (ctx, error->line, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, NULL,
                         _("The file is damaged: it holds bytes that are not text in the "
                           "encoding it names (%s)."), encoding);
    }
  else
    {
      g_autofree char *explained = explain_parse_error (detail);

      set_error_at_line (ctx, error->line, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED,
                         _("The file is damaged or is not a sheet: "), "%s", explained);
    }
  /* Only the first error is shown, and libxml2 would go on recovering:
   * a 50 MB attribute full of '<' gave millions of errors (3 s). */
  xmlStopParser (parser);
}

/* libxml2 says what it cannot convert on stderr, in English, and then
 * only that the data ended; on_parse_error says it once, in words. */
static void
on_generic_error (void *user_data, const char *format, ...)
{
  LoadContext *ctx = user_data;

  ctx->bad_encoding = TRUE;
}

/* Windows writes Shift_JIS with its own characters (①, ～, ㈱, №, Ⅲ, 髙)
 * under that name: read every label of Shift_JIS as Windows-31J (CP932),
 * as browsers do (WHATWG Encoding Standard). */
static void
alias_shift_jis (void)
{
  static gsize done = 0;
  static const char *const labels[] = {
    "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis",
  };

  if (g_once_init_enter (&done))
    {
      /* Without CP932 in iconv, libxml2 would fall back from the alias to
       * Shift_JIS and back for ever: keep its own Shift_JIS then. */
      xmlCharEncodingHandlerPtr cp932 = xmlFindCharEncodingHandler ("CP932");

      for (guint i = 0; cp932 != NULL && i < G_N_ELEMENTS (labels); i++)
        xmlAddEncodingAlias ("CP932", labels[i]);
      if (cp932 != NULL)
        xmlCharEncCloseFunc (cp932);
      g_once_init_leave (&done, 1);
    }
}

static void
on_validation_error (void *user_data, KenshoXmlErrorPtr error)
{
  LoadContext *ctx = user_data;
  g_autofree char *detail = clean_libxml_message (error->message);
  xmlNode *node = error->node;
  g_autofree char *explained = explain_validation_error (detail, node ? (const char *) node->name : NULL);

  /* Errors in attributes come without a line; their element has one. */
  set_error_at_line (ctx, error->line > 0 || node == NULL ? error->line : xmlGetLineNo (node),
                     KENSHO_FORMAT_ERROR_INVALID,
                     _("The sheet does not follow the Kensho format: "), "%s", explained);
}

/* A DOCTYPE can declare entities (billion laughs) or point at local files
 * and URLs; a sheet never needs one, so the parser stops at the first. */
static void
on_internal_subset (void *user_data, const xmlChar *name, const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;

  set_error_at_line (ctx, xmlSAX2GetLineNumber (parser), KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, NULL,
                     "%s", _("The file contains a document type declaration (DOCTYPE), "
                             "which sheets never have; it was not opened, for safety."));
  xmlStopParser (parser);
}

static void
on_entity_decl (void *user_data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  on_internal_subset (user_data, name, public_id, system_id);
}

/* Whether any of eight bytes is 0xEF or more, the lead bytes of every
 * noncharacter: for a byte with its top bit set, its low seven bits plus
 * 0x11 reach 0x80 (no byte carries into the next). Most of a sheet's text
 * is Japanese, so most bytes have the top bit. */
static inline gboolean
any_lead_byte (guint64 bytes)
{
  const guint64 low = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);
  const guint64 top = G_GUINT64_CONSTANT (0x8080808080808080);

  return (((bytes & low) + G_GUINT64_CONSTANT (0x1111111111111111)) & bytes & top) != 0;
}

static gunichar
find_noncharacter (const xmlChar *text, int length)
{
  for (int i = 0; i < length;)
    {
      guint64 bytes;
      int end = MIN (i + 8, length);

      if (end - i == 8)
        {
          memcpy (&bytes, text + i, 8);
          if (!any_lead_byte (bytes))
            {
              i = end;
              continue;
            }
        }
      for (; i < end; i++)
        if (text[i] >= 0xEF)
          {
            gunichar c = g_utf8_get_char_validated ((const char *) text + i, length - i);

            if (kensho_unichar_is_noncharacter (c))
              return c;
          }
    }
  return 0;
}

static gboolean
refuse_noncharacter (xmlParserCtxtPtr parser, const xmlChar *text, int length)
{
  LoadContext *ctx = parser->_private;
  gunichar c = find_noncharacter (text, length);

  if (c == 0)
    return FALSE;
  set_error_at_line (ctx, xmlSAX2GetLineNumber (parser), KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, NULL,
                     _("The file is damaged: it holds U+%04X, which Unicode reserves and "
                       "never uses in text."), c);
  xmlStopParser (parser);
  return TRUE;
}

static void
on_characters (void *user_data, const xmlChar *text, int length)
{
  if (!refuse_noncharacter (user_data, text, length))
    xmlSAX2Characters (user_data, text, length);
}

static void
on_cdata_block (void *user_data, const xmlChar *text, int length)
{
  if (!refuse_noncharacter (user_data, text, length))
    xmlSAX2CDataBlock (user_data, text, length);
}

/* FALSE, the parser stopped, past the limit of elements or at a
 * noncharacter in an attribute. */
static gboolean
admit_element (xmlParserCtxtPtr parser, int nb_attributes, const xmlChar **attributes)
{
  LoadContext *ctx = parser->_private;

  if (++ctx->n_elements > ctx->max_elements)
    {
      set_error_at_line (ctx, xmlSAX2GetLineNumber (parser), KENSHO_FORMAT_ERROR_TOO_LARGE, NULL, "%s",
                         _("The file is far larger than any sheet; it was not opened."));
      xmlStopParser (parser);
      return FALSE;
    }
  /* Attributes come as five pointers each: name, prefix, URI, value, end. */
  for (int i = 0; i < nb_attributes; i++)
    if (refuse_noncharacter (parser, attributes[5 * i + 3],
                             (int) (attributes[5 * i + 4] - attributes[5 * i + 3])))
      return FALSE;
  return TRUE;
}

static void
on_start_element (void *user_data, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  if (!admit_element (user_data, nb_attributes, attributes))
    return;
  xmlSAX2StartElementNs (user_data, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  /* The name first: it tells most elements apart at its first letter. */
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (name == NULL || xmlStrEqual (node->name, BAD_CAST name)) &&
         node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST KENSHO_XML_NAMESPACE);
}

static xmlNode *
first_element (xmlNode *parent)
{
  for (xmlNode *node = parent->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

static xmlNode *
next_element (xmlNode *node)
{
  for (node = node->next; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = first_element (parent); child; child = next_element (child))

static xmlNode *
find_child (xmlNode *parent, const char *name)
{
  FOR_EACH_ELEMENT (child, parent)
    if (is_element (child, name))
      return child;
  return NULL;
}

/* Strings from libxml2 are freed with xmlFree; copy them into GLib's heap. */
static char *
text_of (xmlNode *node)
{
  xmlChar *content;
  char *copy;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  copy = g_strdup ((const char *) content);
  xmlFree (content);
  return copy;
}

static char *
child_text (xmlNode *parent, const char *name)
{
  return text_of (find_child (parent, name));
}

static char *
attribute (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static int
int_attribute (xmlNode *node, const char *name)
{
  g_autofree char *value = attribute (node, name);

  /* The schema has checked it is an integer from 1900 to 2200. */
  return value ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

static int
int_child (xmlNode *parent, const char *name)
{
  g_autofree char *value = child_text (parent, name);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
claim_id (LoadContext *ctx, xmlNode *node, const char *id)
{
  gpointer first_line = g_hash_table_lookup (ctx->ids, id);

  if (first_line != NULL)
    {
      set_error_at (ctx, node, KENSHO_FORMAT_ERROR_DUPLICATE_ID,
                    _("The identifier “%s” is used twice (first on line %d); "
                      "each goal, measure and indicator needs its own."),
                    id, GPOINTER_TO_INT (first_line));
      return FALSE;
    }
  g_hash_table_insert (ctx->ids, g_strdup (id), GINT_TO_POINTER ((int) xmlGetLineNo (node)));
  return TRUE;
}

static const char *
value_description (const KenshoValueRecord *value, char **owned)
{
  g_autofree char *year = NULL;

  switch (value->slot)
    {
    case KENSHO_VALUE_SLOT_BASELINE:
      return _("the baseline");
    case KENSHO_VALUE_SLOT_FINAL:
      return _("the final-year target");
    case KENSHO_VALUE_SLOT_ACTUAL:
    case KENSHO_VALUE_SLOT_TARGET:
    default:
      year = kensho_era_format (value->fiscal_year, KENSHO_PERIOD_FISCAL_YEAR, 0);
      *owned = g_strdup_printf (value->slot == KENSHO_VALUE_SLOT_ACTUAL ? _("the actual of %s")
                                                                       : _("the target of %s"),
                                year);
      return *owned;
    }
}

/* Where a record's part came from: an element of the tree, or NULL when it
 * was read from the parser's events (the message is then never shown: such
 * a file is read again as a tree). */
#define WHERE(where) ((xmlNode *) (where))

static KenshoValue *
load_value (LoadContext *ctx, const KenshoIndicatorRecord *record, const KenshoValueRecord *value_record,
            const char *indicator_name)
{
  const char *num = kensho_indicator_record_text (record, value_record->num);
  const char *unit = kensho_indicator_record_text (record, value_record->unit);
  const char *period = kensho_indicator_record_text (record, value_record->period);
  g_autofree char *owned = NULL;
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(GError) local_error = NULL;

  if (num != NULL)
    {
      value = kensho_value_new_number (num, kensho_str_or_null (unit), &local_error);
      /* A file holds a number as Kensho writes it; what a person may type
       * (１２３, 1,486, " 12") is read leniently only in the form. */
      if (value != NULL && strcmp (value->number, num) != 0)
        {
          g_autofree char *quoted = kensho_quote_for_message (num);

          g_set_error (&local_error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
                       _("“%s” is not written as a sheet file holds numbers: write %s, in ASCII "
                         "digits without commas or spaces."), quoted, value->number);
          g_clear_pointer (&value, kensho_value_free);
        }
    }
  else
    value = kensho_value_new_text (kensho_indicator_record_text (record, value_record->text));

  if (value != NULL && period != NULL)
    kensho_value_set_period (value, period, &local_error);
  if (local_error != NULL)
    {
      /* TRANSLATORS: "The baseline of “新規求人数”: “1e309” is not a number." */
      set_error_at (ctx, WHERE (value_record->where), KENSHO_FORMAT_ERROR_INVALID, _("%s of “%s”: %s"),
                    value_description (value_record, &owned), indicator_name, local_error->message);
      return NULL;
    }
  kensho_value_set_note (value, kensho_str_or_null (kensho_indicator_record_text (record, value_record->note)));
  return g_steal_pointer (&value);
}

static gboolean
load_series (LoadContext *ctx, const KenshoIndicatorRecord *record, const KenshoSeriesRecord *series_record,
             KenshoIndicator *indicator)
{
  g_autoptr(KenshoSeries) series = kensho_series_new (kensho_indicator_record_text (record, series_record->name));
  const char *indicator_name = kensho_indicator_get_name (indicator);

  for (guint i = 0; i < series_record->n_values; i++)
    {
      const KenshoValueRecord *child = &g_array_index (record->values, KenshoValueRecord,
                                                       series_record->first_value + i);
      g_autoptr(KenshoValue) value = load_value (ctx, record, child, indicator_name);
      gboolean is_actual = child->slot == KENSHO_VALUE_SLOT_ACTUAL;
      int fy = child->fiscal_year;

      if (value == NULL)
        return FALSE;
      if (child->slot == KENSHO_VALUE_SLOT_BASELINE)
        kensho_series_take_baseline (series, g_steal_pointer (&value));
      else if (child->slot == KENSHO_VALUE_SLOT_FINAL)
        kensho_series_take_final (series, g_steal_pointer (&value));
      else if ((is_actual ? kensho_series_get_actual (series, fy) : kensho_series_get_target (series, fy)) != NULL)
        {
          g_autofree char *year = kensho_era_format (fy, KENSHO_PERIOD_FISCAL_YEAR, 0);

          set_error_at (ctx, WHERE (child->where), KENSHO_FORMAT_ERROR_INVALID,
                        is_actual ? _("“%s” has two actual values for %s.")
                                  : _("“%s” has two targets for %s."),
                        indicator_name, year);
          return FALSE;
        }
      else if (is_actual)
        kensho_series_take_actual (series, fy, g_steal_pointer (&value));
      else
        kensho_series_take_target (series, fy, g_steal_pointer (&value));
    }
  kensho_indicator_insert_series (indicator, G_MAXUINT, series);
  return TRUE;
}

static gboolean
load_year (LoadContext *ctx, const KenshoIndicatorRecord *record, const KenshoYearRecord *year_record,
           KenshoIndicator *indicator)
{
  const KenshoRecordText *parts = year_record->parts;
  int fy = year_record->fiscal_year;
  const char *rating = kensho_indicator_record_text (record, year_record->parts[KENSHO_YEAR_RATING]);
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (ctx->sheet);
  GArray *years = kensho_indicator_dup_years (indicator);
  gboolean seen = FALSE;

  for (guint i = 0; i < years->len; i++)
    seen |= g_array_index (years, int, i) == fy;
  g_array_unref (years);
  if (seen)
    {
      g_autofree char *year = kensho_era_format (fy, KENSHO_PERIOD_FISCAL_YEAR, 0);

      set_error_at (ctx, WHERE (year_record->where), KENSHO_FORMAT_ERROR_INVALID,
                    _("“%s” has two entries for %s."), kensho_indicator_get_name (indicator), year);
      return FALSE;
    }
  if (rating != NULL && kensho_rating_scale_lookup (scale, rating) == NULL)
    {
      set_error_at (ctx, WHERE (year_record->rating_where), KENSHO_FORMAT_ERROR_INVALID,
                    _("The rating “%s” of “%s” is not in the sheet’s rating scale."),
                    rating, kensho_indicator_get_name (indicator));
      return FALSE;
    }
  for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    kensho_indicator_set_commentary (indicator, fy, part,
                                     kensho_indicator_record_text (record, parts[KENSHO_YEAR_ACTIVITIES + part]));
  kensho_indicator_set_rating_id (indicator, fy, rating);
  kensho_indicator_set_delay_reason (indicator, fy,
                                     kensho_indicator_record_text (record, parts[KENSHO_YEAR_DELAY_REASON]));
  for (KenshoCommitteePart part = KENSHO_COMMITTEE_OPINION; part <= KENSHO_COMMITTEE_RESPONSE; part++)
    kensho_indicator_set_committee (indicator, fy, part,
                                    kensho_indicator_record_text (record, parts[KENSHO_YEAR_COMMITTEE_OPINION + part]));
  return TRUE;
}

static KenshoNode *
load_indicator_record (LoadContext *ctx, const KenshoIndicatorRecord *record)
{
  const char *id = kensho_indicator_record_text (record, record->id);
  const char *kind = kensho_indicator_record_text (record, record->kind);
  g_autoptr(KenshoIndicator) indicator = NULL;
  KenshoDirection direction = KENSHO_DIRECTION_HIGHER;

  if (!claim_id (ctx, WHERE (record->where), id))
    return NULL;
  indicator = _kensho_indicator_new_without_series (g_strcmp0 (kind, "target") == 0 ? KENSHO_INDICATOR_TARGET
                                                                                     : KENSHO_INDICATOR_KPI,
                                                    kensho_indicator_record_text (record, record->name));
  kensho_node_set_id (KENSHO_NODE (indicator), id);
  kensho_direction_from_string (kensho_indicator_record_text (record, record->direction), &direction);
  kensho_indicator_set_direction (indicator, direction);
  kensho_indicator_set_unit (indicator, kensho_indicator_record_text (record, record->unit));
  kensho_indicator_set_division (indicator, kensho_indicator_record_text (record, record->division));

  for (guint i = 0; i < record->acknowledged->len; i++)
    kensho_indicator_set_acknowledged (indicator,
                                       kensho_indicator_record_text (record,
                                                                     g_array_index (record->acknowledged,
                                                                                    KenshoRecordText, i)),
                                       TRUE);
  for (guint i = 0; i < record->series->len; i++)
    if (!load_series (ctx, record, &g_array_index (record->series, KenshoSeriesRecord, i), indicator))
      return NULL;
  for (guint i = 0; i < record->years->len; i++)
    if (!load_year (ctx, record, &g_array_index (record->years, KenshoYearRecord, i), indicator))
      return NULL;
  /* The schema wants one series at least; should a file get past it with
   * none, the indicator still gets the one every indicator has. */
  if (kensho_indicator_get_n_series (indicator) == 0)
    {
      g_autoptr(KenshoSeries) series = kensho_series_new (NULL);

      kensho_indicator_insert_series (indicator, 0, series);
    }
  return KENSHO_NODE (g_steal_pointer (&indicator));
}

static KenshoRecordText
record_attribute (KenshoIndicatorRecord *record, xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  KenshoRecordText text = kensho_indicator_record_add_text (record, (const char *) value);

  xmlFree (value);
  return text;
}

static KenshoRecordText
record_text_of (KenshoIndicatorRecord *record, xmlNode *node)
{
  xmlChar *content;
  KenshoRecordText text;

  if (node == NULL)
    return KENSHO_RECORD_NONE;
  content = xmlNodeGetContent (node);
  text = kensho_indicator_record_add_text (record, content ? (const char *) content : "");
  xmlFree (content);
  return text;
}

/* The record of an indicator read as a tree: the order of its parts as
 * written, which the schema has checked. */
static void
record_from_tree (KenshoIndicatorRecord *record, xmlNode *element)
{
  kensho_indicator_record_reset (record);
  record->where = element;
  record->id = record_attribute (record, element, "id");
  record->kind = record_attribute (record, element, "kind");
  record->direction = record_attribute (record, element, "direction");
  record->name = record_text_of (record, find_child (element, "name"));
  record->unit = record_text_of (record, find_child (element, "unit"));
  record->division = record_text_of (record, find_child (element, "division"));
  FOR_EACH_ELEMENT (child, element)
    {
      if (is_element (child, "acknowledged"))
        {
          KenshoRecordText check = record_attribute (record, child, "check");

          g_array_append_val (record->acknowledged, check);
        }
      else if (is_element (child, "series"))
        {
          KenshoSeriesRecord series = { record_attribute (record, child, "name"), record->values->len, 0 };

          FOR_EACH_ELEMENT (part, child)
            {
              KenshoValueRecord value = { .where = part };

              if (is_element (part, "baseline"))
                value.slot = KENSHO_VALUE_SLOT_BASELINE;
              else if (is_element (part, "final"))
                value.slot = KENSHO_VALUE_SLOT_FINAL;
              else
                {
                  value.slot = is_element (part, "actual") ? KENSHO_VALUE_SLOT_ACTUAL : KENSHO_VALUE_SLOT_TARGET;
                  value.fiscal_year = int_attribute (part, "fy");
                }
              value.num = record_attribute (record, part, "num");
              value.text = record_attribute (record, part, "text");
              value.unit = record_attribute (record, part, "unit");
              value.period = record_attribute (record, part, "period");
              value.note = record_attribute (record, part, "note");
              g_array_append_val (record->values, value);
              series.n_values++;
            }
          g_array_append_val (record->series, series);
        }
      else if (is_element (child, "year"))
        {
          KenshoYearRecord year = { int_attribute (child, "fy"), { 0 }, child, find_child (child, "rating") };

          for (guint i = 0; i < KENSHO_YEAR_N_PARTS; i++)
            year.parts[i] = record_text_of (record, find_child (child, kensho_year_part_elements[i]));
          g_array_append_val (record->years, year);
        }
    }
}

static KenshoNode *
load_indicator (LoadContext *ctx, xmlNode *element)
{
  record_from_tree (&ctx->record, element);
  return load_indicator_record (ctx, &ctx->record);
}

static KenshoNode *load_node (LoadContext *ctx, xmlNode *element);

/* free_loaded: each child's part of the tree is freed once it is in the
 * model, so that the model reuses its memory: the peak of a load is then
 * about the larger of the two, not their sum. */
static gboolean
load_children (LoadContext *ctx, xmlNode *element, KenshoNode *parent, gboolean free_loaded)
{
  xmlNode *next;

  for (xmlNode *child = first_element (element); child; child = next)
    {
      g_autoptr(KenshoNode) node = NULL;

      next = next_element (child);
      if (!is_element (child, "goal") && !is_element (child, "subgoal") &&
          !is_element (child, "measure") && !is_element (child, "indicator"))
        continue;
      node = load_node (ctx, child);
      if (node == NULL)
        return FALSE;
      /* The schema only lets allowed kinds nest. */
      if (!kensho_node_append (parent, node, NULL))
        g_return_val_if_reached (FALSE);
      if (free_loaded)
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
    }
  return TRUE;
}

/* A goal, subgoal or measure from its attributes, without its children. */
static KenshoNode *
load_outline_element (LoadContext *ctx, xmlNode *element)
{
  g_autofree char *id = attribute (element, "id");
  g_autofree char *code = attribute (element, "code");
  g_autofree char *title = attribute (element, "title");
  KenshoNodeKind kind;
  KenshoNode *node;

  if (is_element (element, "goal"))
    kind = KENSHO_NODE_GOAL;
  else if (is_element (element, "subgoal"))
    kind = KENSHO_NODE_SUBGOAL;
  else
    kind = KENSHO_NODE_MEASURE;
  if (!claim_id (ctx, element, id))
    return NULL;
  node = kensho_node_new (kind, code, title);
  kensho_node_set_id (node, id);
  return node;
}

static KenshoNode *
load_node (LoadContext *ctx, xmlNode *element)
{
  g_autofree char *notes = NULL;
  g_autoptr(KenshoNode) node = NULL;

  if (is_element (element, "indicator"))
    return load_indicator (ctx, element);

  notes = child_text (element, "notes");
  node = load_outline_element (ctx, element);
  if (node == NULL)
    return NULL;
  kensho_node_set_notes (node, notes);
  if (!load_children (ctx, element, node, FALSE))
    return NULL;
  return g_steal_pointer (&node);
}

/* at-least="80" below="100" (percent), or when="not-computable". */
static gboolean
load_rating_rule (LoadContext *ctx, xmlNode *element, KenshoRating *rating)
{
  g_autofree char *at_least = attribute (element, "at-least");
  g_autofree char *below = attribute (element, "below");
  g_autofree char *when = attribute (element, "when");
  double min = NAN, max = NAN;

  if (when != NULL)
    {
      kensho_rating_set_rule (rating, KENSHO_RATING_RULE_NOT_COMPUTABLE, NAN, NAN);
      return TRUE;
    }
  if (at_least == NULL && below == NULL)
    return TRUE;
  /* The schema has checked both are decimals. */
  if (at_least != NULL)
    min = g_ascii_strtod (at_least, NULL);
  if (below != NULL)
    max = g_ascii_strtod (below, NULL);
  if (!isnan (min) && !isnan (max) && min >= max)
    {
      set_error_at (ctx, element, KENSHO_FORMAT_ERROR_INVALID,
                    _("The rule of the rating “%s” is an empty band: at least %s%% and below %s%%."),
                    kensho_rating_get_id (rating), at_least, below);
      return FALSE;
    }
  kensho_rating_set_rule (rating, KENSHO_RATING_RULE_BAND, min, max);
  return TRUE;
}

static gboolean
load_rating_scale (LoadContext *ctx, xmlNode *element)
{
  g_autofree char *name = attribute (element, "name");
  g_autoptr(KenshoRatingScale) scale = kensho_rating_scale_new (name);

  FOR_EACH_ELEMENT (child, element)
    {
      g_autofree char *id = attribute (child, "id");
      g_autofree char *colour = attribute (child, "colour");
      g_autofree char *delayed = attribute (child, "delayed");
      g_autofree char *label = text_of (child);
      g_autoptr(KenshoRating) rating = NULL;

      rating = kensho_rating_new (id, label, colour,
                                  g_strcmp0 (delayed, "true") == 0 || g_strcmp0 (delayed, "1") == 0);
      if (!load_rating_rule (ctx, child, rating))
        return FALSE;
      if (!kensho_rating_scale_append (scale, rating, NULL))
        {
          set_error_at (ctx, child, KENSHO_FORMAT_ERROR_DUPLICATE_ID,
                        _("The rating scale lists the rating “%s” twice."), id);
          return FALSE;
        }
    }
  kensho_sheet_set_rating_scale (ctx->sheet, scale);
  return TRUE;
}

static gboolean
load_meta (LoadContext *ctx, xmlNode *meta)
{
  g_autofree char *municipality = child_text (meta, "municipality");
  g_autofree char *title = child_text (meta, "title");
  g_autofree char *label = child_text (meta, "label");
  g_autofree char *notes = child_text (meta, "notes");
  xmlNode *plan = find_child (meta, "plan");
  g_autoptr(GError) local_error = NULL;

  kensho_sheet_set_municipality (ctx->sheet, municipality);
  kensho_sheet_set_title (ctx->sheet, title);
  kensho_sheet_set_label (ctx->sheet, label);
  kensho_sheet_set_notes (ctx->sheet, notes);
  kensho_sheet_set_fiscal_year (ctx->sheet, int_child (meta, "fiscal-year"));
  kensho_sheet_set_baseline_year (ctx->sheet, int_child (meta, "baseline-year"));
  {
    g_autofree char *method_text = child_text (meta, "achievement-method");
    KenshoAchievementMethod method = KENSHO_ACHIEVEMENT_RATIO;

    /* The schema only lets the known methods through. */
    kensho_achievement_method_from_string (method_text, &method);
    kensho_sheet_set_achievement_method (ctx->sheet, method);
  }
  if (!kensho_sheet_set_plan_period (ctx->sheet, int_attribute (plan, "first"),
                                     int_attribute (plan, "last"), &local_error))
    {
      set_error_at (ctx, plan, KENSHO_FORMAT_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_root (LoadContext *ctx, xmlNode *root)
{
  g_autofree char *version = NULL;
  gsize n_major, n_minor;

  if (root == NULL)
    {
      set_error_at_line (ctx, 0, KENSHO_FORMAT_ERROR_NOT_A_SHEET, NULL, "%s",
                         _("The file is empty."));
      return FALSE;
    }
  if (!is_element (root, "sheet"))
    {
      const char *href = root->ns != NULL ? (const char *) root->ns->href : NULL;
      g_autofree char *quoted = href != NULL ? kensho_quote_for_message (href) : NULL;

      /* A <sheet> in the wrong namespace is most likely a sheet mistyped. */
      if (!xmlStrEqual (root->name, BAD_CAST "sheet"))
        set_error_at (ctx, root, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                      _("This is not a Kensho sheet: it is an XML file of another kind "
                        "(its main element is <%s>)."),
                      (const char *) root->name);
      else if (href == NULL)
        set_error_at (ctx, root, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                      _("This is not a Kensho sheet: its <sheet> has no namespace; a sheet has "
                        "xmlns=\"%s\"."), KENSHO_XML_NAMESPACE);
      else if (g_ascii_strcasecmp (href, KENSHO_XML_NAMESPACE) == 0)
        set_error_at (ctx, root, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                      _("This is not a Kensho sheet: its namespace “%s” must be written in lower "
                        "case, “%s”."), quoted, KENSHO_XML_NAMESPACE);
      else
        set_error_at (ctx, root, KENSHO_FORMAT_ERROR_NOT_A_SHEET,
                      _("This is not a Kensho sheet: its <sheet> is of the namespace “%s”, not “%s”."),
                      quoted, KENSHO_XML_NAMESPACE);
      return FALSE;
    }
  version = attribute (root, "version");
  if (version == NULL)
    {
      set_error_at (ctx, root, KENSHO_FORMAT_ERROR_INVALID,
                    _("The sheet does not say which version of the format it uses."));
      return FALSE;
    }
  /* MAJOR.MINOR in digits; a major of more than three digits is newer
   * still, whatever its value. */
  n_major = strspn (version, "0123456789");
  n_minor = version[n_major] == '.' ? strspn (version + n_major + 1, "0123456789") : 0;
  if (n_major == 0 || n_minor == 0 || n_minor > 3 || version[n_major + 1 + n_minor] != '\0')
    {
      g_autofree char *quoted = kensho_quote_for_message (version);

      set_error_at (ctx, root, KENSHO_FORMAT_ERROR_INVALID,
                    _("The sheet gives its format version as “%s”, which is not a version number "
                      "such as 1.0."), quoted);
      return FALSE;
    }
  if (n_major > 3 || g_ascii_strtoull (version, NULL, 10) > KENSHO_XML_VERSION_MAJOR)
    {
      g_autofree char *quoted = kensho_quote_for_message (version);

      set_error_at (ctx, root, KENSHO_FORMAT_ERROR_NEWER_VERSION,
                    _("This sheet was saved by a newer version of Kensho (format %s); "
                      "this version reads format %d.x. Please update Kensho to open it."),
                    quoted, KENSHO_XML_VERSION_MAJOR);
      return FALSE;
    }
  return TRUE;
}

/* libxml2 calls a text too long only "of the wrong form": say how long. */
static gboolean
refuse_too_long (LoadContext *ctx, xmlDoc *doc)
{
  xmlNode *element;
  const char *attribute;
  gsize length, limit;
  g_autofree char *written = NULL;
  g_autofree char *allowed = NULL;

  if (!kensho_schema_find_too_long (doc, &element, &attribute, &length, &limit))
    return FALSE;
  written = kensho_format_count (length);
  allowed = kensho_format_count (limit);
  if (attribute != NULL)
    set_error_at_line (ctx, xmlGetLineNo (element), KENSHO_FORMAT_ERROR_INVALID,
                       _("The sheet does not follow the Kensho format: "),
                       _("The “%s” of <%s> is too long: %s characters, where at most %s are allowed."),
                       attribute, (const char *) element->name, written, allowed);
  else
    set_error_at_line (ctx, xmlGetLineNo (element), KENSHO_FORMAT_ERROR_INVALID,
                       _("The sheet does not follow the Kensho format: "),
                       _("<%s> is too long: %s characters, where at most %s are allowed."),
                       (const char *) element->name, written, allowed);
  return TRUE;
}

/* Years, percentages and booleans are read as Kensho writes them, as
 * numbers are (docs/FORMAT.md); the validator is looser. */
static gboolean
refuse_loose_value (LoadContext *ctx, xmlDoc *doc)
{
  static const char *const explanations[] = {
    [KENSHO_SCHEMA_VALUE_YEAR] = N_("“%s” is not written as a sheet file holds a year: four ASCII digits, "
                                    "like 2023."),
    [KENSHO_SCHEMA_VALUE_PERCENT] = N_("“%s” is not written as a sheet file holds a percentage: ASCII "
                                       "digits, like 80 or -12.5."),
    [KENSHO_SCHEMA_VALUE_BOOLEAN] = N_("“%s” is not written as a sheet file holds yes or no: true or "
                                       "false."),
  };
  xmlNode *element;
  const char *attribute, *value;
  KenshoSchemaValueKind kind = kensho_schema_find_loose_value (doc, &element, &attribute, &value);
  g_autofree char *quoted = NULL;
  g_autofree char *where = NULL;
  g_autofree char *explained = NULL;

  if (kind == KENSHO_SCHEMA_VALUE_NONE)
    return FALSE;
  quoted = kensho_quote_for_message (value);
  where = attribute != NULL ? g_strdup_printf ("<%s %s>: ", (const char *) element->name, attribute)
                            : g_strdup_printf ("<%s>: ", (const char *) element->name);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  explained = g_strdup_printf (_(explanations[kind]), quoted);
#pragma GCC diagnostic pop
  set_error_at_line (ctx, xmlGetLineNo (element), KENSHO_FORMAT_ERROR_INVALID,
                     _("The sheet does not follow the Kensho format: "), "%s%s", where, explained);
  return TRUE;
}

static gboolean
validate (LoadContext *ctx, xmlDoc *doc)
{
  xmlRelaxNGValidCtxtPtr validator;
  int result;

  if (refuse_too_long (ctx, doc))
    return FALSE;
  validator = xmlRelaxNGNewValidCtxt (kensho_schema_get ());

  xmlRelaxNGSetValidStructuredErrors (validator, (xmlStructuredErrorFunc) on_validation_error, ctx);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  if (result != 0 && ctx->error == NULL)
    set_error_at_line (ctx, 0, KENSHO_FORMAT_ERROR_INVALID, NULL, "%s",
                       _("The sheet does not follow the Kensho format."));
  return result == 0 && !refuse_loose_value (ctx, doc);
}

/* What libxml2 would take long over, or read wrongly, is refused from
 * the raw bytes first: far too many elements (before a tree of them is
 * built), many attributes on one element (libxml2 2.9 compares each with
 * all before it: 20,000 took 7 s), many namespaces in scope (it looks
 * each prefix up through all: 250 nested elements declaring 30 each
 * made 20,000 more take 7 s), and a NUL (libxml2 ignores all after it).
 * Text holds "<" only escaped, so start tags are not miscounted. */
static gboolean
scan (LoadContext *ctx, const char *data, gsize size)
{
  long line = 0;

  switch (kensho_xml_scan (data, size, MAX_ELEMENTS, MAX_ATTRIBUTES, MAX_ATTRIBUTES, &line))
    {
    case KENSHO_XML_SCAN_OK:
      return TRUE;
    case KENSHO_XML_SCAN_TOO_MANY_ELEMENTS:
      set_error_at_line (ctx, 0, KENSHO_FORMAT_ERROR_TOO_LARGE, NULL, "%s",
                         _("The file is far larger than any sheet; it was not opened."));
      break;
    case KENSHO_XML_SCAN_TOO_MANY_ATTRIBUTES:
      set_error_at_line (ctx, line, KENSHO_FORMAT_ERROR_NOT_A_SHEET, NULL,
                         _("An element has more than %d attributes, far more than any sheet has; "
                           "the file was not opened."), MAX_ATTRIBUTES);
      break;
    case KENSHO_XML_SCAN_TOO_MANY_NAMESPACES:
      set_error_at_line (ctx, line, KENSHO_FORMAT_ERROR_NOT_A_SHEET, NULL,
                         _("An element is in more than %d namespaces, far more than any sheet; "
                           "the file was not opened."), MAX_ATTRIBUTES);
      break;
    case KENSHO_XML_SCAN_NUL:
      set_error_at_line (ctx, line, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, NULL, "%s",
                         _("The file is damaged: it holds a NUL character, which text never has."));
      break;
    case KENSHO_XML_SCAN_CUT_CHARACTER:
      set_error_at_line (ctx, line, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, NULL, "%s",
                         _("The file is damaged: it ends in the middle of a character, "
                           "so it was probably cut short."));
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return FALSE;
}

/* What parse() and stream_load() both refuse before parsing. */
static gboolean
check_bytes (LoadContext *ctx, const char *data, gsize size)
{
  if (size == 0)
    {
      set_error_at_line (ctx, 0, KENSHO_FORMAT_ERROR_NOT_A_SHEET, NULL, "%s", _("The file is empty."));
      return FALSE;
    }
  return size <= MAX_FILE_SIZE && size <= (gsize) G_MAXINT && scan (ctx, data, size);
}

static void
use_handlers (xmlParserCtxtPtr parser, LoadContext *ctx)
{
  if (parser == NULL)
    g_error ("Out of memory");
  parser->_private = ctx;
  parser->sax->serror = (xmlStructuredErrorFunc) on_parse_error;
  parser->sax->internalSubset = on_internal_subset;
  parser->sax->entityDecl = on_entity_decl;
  parser->sax->startElementNs = on_start_element;
  parser->sax->characters = on_characters;
  parser->sax->cdataBlock = on_cdata_block;
}

static xmlDoc *
parse (LoadContext *ctx, const char *data, gsize size, int options)
{
  xmlParserCtxtPtr parser;
  xmlGenericErrorFunc generic_error;
  void *generic_error_context;
  xmlDoc *doc;

  if (!check_bytes (ctx, data, size))
    return NULL;

  alias_shift_jis ();
  parser = xmlNewParserCtxt ();
  use_handlers (parser, ctx);
  xmlCtxtUseOptions (parser, 0);

  /* Never XML_PARSE_NOENT, DTDLOAD, DTDVALID or HUGE: entities stay
   * unexpanded, nothing is fetched, and libxml2's size limits hold. */
  /* libxml2 keeps the generic handler per thread. */
  generic_error = xmlGenericError;
  generic_error_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (ctx, on_generic_error);
  doc = xmlCtxtReadMemory (parser, data, (int) size, ctx->display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | options);
  xmlSetGenericErrorFunc (generic_error_context, generic_error);
  if (doc != NULL && (ctx->error != NULL || !parser->wellFormed))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL && ctx->error == NULL)
    set_error_at_line (ctx, 0, KENSHO_FORMAT_ERROR_NOT_WELL_FORMED, NULL, "%s",
                       _("The file is damaged or is not a sheet."));
  xmlFreeParserCtxt (parser);
  return doc;
}

/* The schema has checked the attributes and that <base> is base64. */
static void
load_handout (xmlNode *element, KenshoSheet *sheet)
{
  g_autoptr(KenshoHandoutTag) tag = NULL;
  g_autofree char *base = NULL;

  if (element == NULL)
    return;
  tag = kensho_handout_tag_new ();
  tag->id = attribute (element, "id");
  tag->sheet_key = attribute (element, "sheet");
  tag->division = attribute (element, "division");
  tag->sent = attribute (element, "sent");
  tag->due = attribute (element, "due");
  tag->contact = attribute (element, "contact");
  base = child_text (element, "base");
  if (base != NULL)
    {
      gsize length = 0;
      guchar *data = g_base64_decode (g_strstrip (base), &length);

      tag->base = g_bytes_new_take (data, length);
    }
  kensho_sheet_set_handout (sheet, tag);
}

static void
load_divisions (xmlNode *element, KenshoSheet *sheet)
{
  g_autoptr(GPtrArray) divisions = g_ptr_array_new_with_free_func (g_free);

  if (element != NULL)
    FOR_EACH_ELEMENT (child, element)
      g_ptr_array_add (divisions, text_of (child));
  g_ptr_array_add (divisions, NULL);
  kensho_sheet_set_divisions (sheet, (const char * const *) divisions->pdata);
}

static KenshoSheet *
load_document (LoadContext *ctx, xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();

  /* libxml2's validator is asked only when the quick check is not sure:
   * it took a third of the time of loading a sheet. */
  if (!check_root (ctx, root) || (!kensho_schema_check_document (doc) && !validate (ctx, doc)))
    return NULL;

  ctx->sheet = sheet;
  if (!load_meta (ctx, find_child (root, "meta")) ||
      !load_rating_scale (ctx, find_child (root, "rating-scale")))
    return NULL;

  load_divisions (find_child (root, "divisions"), sheet);
  load_handout (find_child (root, "handout"), sheet);

  if (!load_children (ctx, root, kensho_sheet_get_root (sheet), TRUE))
    return NULL;
  return g_steal_pointer (&sheet);
}

/* Loading as a stream: the file is pushed through the parser a piece at a
 * time, and each indicator and each part of the sheet's head is checked
 * against the schema's rules, loaded and freed as soon as its end tag is
 * read, so that neither the tree of the whole file nor a copy of its bytes
 * is ever made. Anything the rules are not sure of, and any error, gives
 * up: the file is then read the usual way, which words the message. */

#define STREAM_CHUNK (64 * 1024)

/* The parts of the sheet's head, in their order. */
enum { HEAD_META, HEAD_RATING_SCALE, HEAD_DIVISIONS, HEAD_DONE };

typedef struct
{
  xmlNode *element;
  KenshoNode *node;         /* owned, but for the sheet's root */
  int depth;                /* -1 the sheet, 0 goal, 1 subgoal, 2 measure */
  guint stage;              /* the sheet: HEAD_*; an outline node: 1 once its notes are set */
} Frame;

static void
frame_free (Frame *frame)
{
  if (frame->depth >= 0 && frame->node != NULL)
    g_object_unref (frame->node);
  g_free (frame);
}

static void
give_up (xmlParserCtxtPtr parser, LoadContext *ctx)
{
  ctx->unsure = TRUE;
  xmlStopParser (parser);
}

static Frame *
top_frame (LoadContext *ctx)
{
  return ctx->frames->len > 0 ? g_ptr_array_index (ctx->frames, ctx->frames->len - 1) : NULL;
}

/* Frees the white space left around the parts already loaded, so that no
 * text node is left for the parser to append to; FALSE at anything else. */
static gboolean
drop_space (xmlNode *parent)
{
  xmlNode *next;

  for (xmlNode *child = parent->children; child != NULL; child = next)
    {
      const char *text = (const char *) child->content;

      next = child->next;
      if (child->type != XML_TEXT_NODE || child->name != xmlStringText || text == NULL ||
          text[strspn (text, " \t\n\r")] != '\0')
        return FALSE;
      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
  return TRUE;
}

/* Before a frame's first child: the head read, the notes set. */
static gboolean
finish_head (LoadContext *ctx, Frame *frame)
{
  if (frame->depth >= 0)
    {
      if (frame->stage == 0)
        kensho_node_set_notes (frame->node, NULL);
      frame->stage = 1;
      return TRUE;
    }
  if (frame->stage < HEAD_DIVISIONS)
    return FALSE;
  if (frame->stage == HEAD_DIVISIONS)
    load_divisions (NULL, ctx->sheet);
  frame->stage = HEAD_DONE;
  return TRUE;
}

/* A node loaded whole, put in its place; one at the sheet's top, its
 * identifiers now final, is told to the caller. */
static gboolean
append_loaded (LoadContext *ctx, Frame *top, KenshoNode *node)
{
  if (!kensho_node_append (top->node, node, NULL))
    return FALSE;
  if (top->depth == -1 && ctx->top_loaded != NULL)
    ctx->top_loaded (node, kensho_node_get_n_children (top->node) - 1, ctx->top_loaded_data);
  return TRUE;
}

static void
stream_start (xmlParserCtxtPtr parser, LoadContext *ctx, xmlNode *element)
{
  Frame *top = top_frame (ctx);
  Frame *frame;
  int depth;

  if (top == NULL)
    {
      /* The root, with nothing before it. */
      if (element->parent != (xmlNode *) element->doc || element->prev != NULL ||
          !kensho_schema_check_root_element (element) || !check_root (ctx, element))
        {
          give_up (parser, ctx);
          return;
        }
      frame = g_new0 (Frame, 1);
      *frame = (Frame) { element, kensho_sheet_get_root (ctx->sheet), -1, HEAD_META };
      g_ptr_array_add (ctx->frames, frame);
      return;
    }
  /* Within a part: read at its end. */
  if (element->parent != top->element)
    return;
  if (is_element (element, "goal"))
    depth = 0;
  else if (is_element (element, "subgoal"))
    depth = 1;
  else if (is_element (element, "measure"))
    depth = 2;
  else
    return;
  /* The sheet holds goals, a goal subgoals and measures, a subgoal measures. */
  if (!(top->depth == -1 ? depth == 0 : top->depth < depth && top->depth < 2 && depth > 0) ||
      !finish_head (ctx, top) || !kensho_schema_check_outline_element (element))
    {
      give_up (parser, ctx);
      return;
    }
  frame = g_new0 (Frame, 1);
  *frame = (Frame) { element, load_outline_element (ctx, element), depth, 0 };
  g_ptr_array_add (ctx->frames, frame);
  if (frame->node == NULL)
    xmlStopParser (parser);
}

/* A part whose end tag was just read: checked, loaded and freed. */
static gboolean
stream_part (LoadContext *ctx, Frame *top, xmlNode *part)
{
  if (is_element (part, "indicator"))
    {
      g_autoptr(KenshoNode) node = NULL;

      if (!finish_head (ctx, top) || !kensho_schema_check_indicator (part))
        return FALSE;
      node = load_indicator (ctx, part);
      return node != NULL && append_loaded (ctx, top, node);
    }
  if (top->depth >= 0)
    {
      g_autofree char *notes = NULL;

      if (top->stage != 0 || !kensho_schema_check_notes (part))
        return FALSE;
      notes = text_of (part);
      kensho_node_set_notes (top->node, notes);
      top->stage = 1;
      return TRUE;
    }
  if (top->stage == HEAD_META && kensho_schema_check_meta (part))
    return load_meta (ctx, part) && (top->stage = HEAD_RATING_SCALE);
  if (top->stage == HEAD_RATING_SCALE && kensho_schema_check_rating_scale (part))
    return load_rating_scale (ctx, part) && (top->stage = HEAD_DIVISIONS);
  if (top->stage == HEAD_DIVISIONS && kensho_schema_check_divisions (part))
    {
      load_divisions (part, ctx->sheet);
      top->stage = HEAD_DONE;
      return TRUE;
    }
  return FALSE;
}

static void
stream_end (xmlParserCtxtPtr parser, LoadContext *ctx, xmlNode *element)
{
  Frame *top = top_frame (ctx);
  xmlNode *parent = element->parent;

  if (top == NULL)
    return;
  if (element == top->element)
    {
      g_autoptr(KenshoNode) node = NULL;

      /* What is left is white space, or what the rules do not know. */
      if (!finish_head (ctx, top) || !drop_space (element))
        {
          give_up (parser, ctx);
          return;
        }
      if (top->depth >= 0)
        node = g_object_ref (top->node);
      g_ptr_array_remove_index (ctx->frames, ctx->frames->len - 1);
      if (node == NULL)
        return;
      top = top_frame (ctx);
      if (!append_loaded (ctx, top, node))
        g_return_if_reached ();
    }
  else if (parent == top->element && !stream_part (ctx, top, element))
    {
      if (ctx->error != NULL)
        xmlStopParser (parser);
      else
        give_up (parser, ctx);
      return;
    }
  else if (parent != top->element)
    return;
  xmlUnlinkNode (element);
  xmlFreeNode (element);
  if (!drop_space (parent))
    give_up (parser, ctx);
}

/* An indicator whose end tag was just read from events: loaded. */
static gboolean
stream_record (LoadContext *ctx, Frame *top)
{
  g_autoptr(KenshoNode) node = NULL;

  if (!finish_head (ctx, top))
    return FALSE;
  node = load_indicator_record (ctx, &ctx->record);
  return node != NULL && append_loaded (ctx, top, node) && drop_space (top->element);
}

static gboolean
is_indicator_start (xmlParserCtxtPtr parser, LoadContext *ctx, const xmlChar *localname, const xmlChar *uri)
{
  Frame *top = top_frame (ctx);

  return top != NULL && parser->node == top->element && strcmp ((const char *) localname, "indicator") == 0 &&
         uri != NULL && strcmp ((const char *) uri, KENSHO_XML_NAMESPACE) == 0;
}

static void
on_stream_start_element (void *user_data, const xmlChar *localname, const xmlChar *prefix,
                         const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                         int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;
  xmlNode *before = parser->node;

  /* An indicator of an outline node is read from the events, without a
   * tree: it is most of the file. */
  if (ctx->in_record || (ctx->error == NULL && !ctx->unsure && is_indicator_start (parser, ctx, localname, uri)))
    {
      if (!admit_element (parser, nb_attributes, attributes))
        return;
      if (!ctx->in_record)
        kensho_indicator_record_reset (&ctx->record);
      ctx->in_record = TRUE;
      if (!kensho_indicator_record_start_element (&ctx->record, localname, uri, nb_namespaces,
                                                  nb_attributes, attributes))
        give_up (parser, ctx);
      return;
    }
  on_start_element (user_data, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                    nb_defaulted, attributes);
  if (ctx->error == NULL && !ctx->unsure && parser->node != NULL && parser->node != before)
    stream_start (parser, ctx, parser->node);
}

static void
on_stream_end_element (void *user_data, const xmlChar *localname, const xmlChar *prefix,
                       const xmlChar *uri)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;
  xmlNode *element = parser->node;
  gboolean done;

  if (ctx->in_record)
    {
      if (!kensho_indicator_record_end_element (&ctx->record, &done))
        give_up (parser, ctx);
      else if (done)
        {
          ctx->in_record = FALSE;
          if (!stream_record (ctx, top_frame (ctx)))
            {
              if (ctx->error != NULL)
                xmlStopParser (parser);
              else
                give_up (parser, ctx);
            }
        }
      return;
    }
  xmlSAX2EndElementNs (user_data, localname, prefix, uri);
  if (ctx->error == NULL && !ctx->unsure && element != NULL)
    stream_end (parser, ctx, element);
}

static void
on_stream_characters (void *user_data, const xmlChar *text, int length)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;

  if (!ctx->in_record)
    {
      Frame *top = top_frame (ctx);

      /* White space between the parts of a goal, measure or the sheet:
       * what drop_space() would free at the next part's end. */
      if (top != NULL && parser->node == top->element && kensho_xml_is_space (text, length))
        return;
      on_characters (user_data, text, length);
    }
  else if (!refuse_noncharacter (parser, text, length) &&
           !kensho_indicator_record_characters (&ctx->record, text, length))
    give_up (parser, ctx);
}

/* Within an indicator read from events, anything but elements and text
 * makes the stream give up (TRUE); outside one, it is kept in the tree as
 * usual. */
static gboolean
given_up_in_record (void *user_data)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;

  if (ctx->in_record)
    give_up (parser, ctx);
  return ctx->in_record;
}

static void
on_stream_cdata_block (void *user_data, const xmlChar *text, int length)
{
  if (!given_up_in_record (user_data))
    on_cdata_block (user_data, text, length);
}

static void
on_stream_comment (void *user_data, const xmlChar *text)
{
  if (!given_up_in_record (user_data))
    xmlSAX2Comment (user_data, text);
}

static void
on_stream_processing_instruction (void *user_data, const xmlChar *target, const xmlChar *data)
{
  if (!given_up_in_record (user_data))
    xmlSAX2ProcessingInstruction (user_data, target, data);
}

static void
on_stream_reference (void *user_data, const xmlChar *name)
{
  if (!given_up_in_record (user_data))
    xmlSAX2Reference (user_data, name);
}

/* The pages of data wholly before @end, from *given_back on, given back to
 * the system: the parser has copied what it read, and at 100,000
 * indicators the file (144 MB) would otherwise stay beside the model it
 * becomes. They read as zeros afterwards. */
static void
give_back_pages (const char *data, gsize end, gsize *given_back)
{
#ifdef MADV_DONTNEED
  const guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr from = ((guintptr) data + *given_back + page - 1) & ~(page - 1);
  guintptr to = ((guintptr) data + end) & ~(page - 1);

  if (to > from && madvise ((void *) from, to - from, MADV_DONTNEED) == 0)
    *given_back = to - (guintptr) data;
#endif
}

#define GIVE_BACK_EVERY (1024 * 1024)

/* The sheet, or NULL: to be read the usual way. own_data: nobody else
 * reads data; its pages are given back as it is parsed. */
static KenshoSheet *
stream_load (LoadContext *ctx, const char *data, gsize size, gboolean own_data)
{
  gsize given_back = 0;
  g_autoptr(KenshoSheet) sheet = NULL;
  xmlParserCtxtPtr parser;
  xmlGenericErrorFunc generic_error;
  void *generic_error_context;
  gsize start = MIN (size, 4);
  xmlNode *root;
  gboolean done;

  sheet = kensho_sheet_new ();
  ctx->sheet = sheet;
  ctx->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
  alias_shift_jis ();
  /* The first bytes tell the encoding; the push parser keeps only the
   * piece it is reading, not a copy of the file. */
  parser = xmlCreatePushParserCtxt (NULL, NULL, data, (int) start, ctx->display_name);
  use_handlers (parser, ctx);
  xmlCtxtUseOptions (parser, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  parser->sax->startElementNs = on_stream_start_element;
  parser->sax->endElementNs = on_stream_end_element;
  /* White space too: libxml2 would add it to the tree, inside an
   * indicator read from events, to the node around it. */
  parser->sax->characters = on_stream_characters;
  parser->sax->ignorableWhitespace = on_stream_characters;
  parser->sax->cdataBlock = on_stream_cdata_block;
  parser->sax->comment = on_stream_comment;
  parser->sax->processingInstruction = on_stream_processing_instruction;
  parser->sax->reference = on_stream_reference;
  generic_error = xmlGenericError;
  generic_error_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (ctx, on_generic_error);
  for (gsize offset = start; ctx->error == NULL && !ctx->unsure && !ctx->bad_encoding;)
    {
      gsize n = MIN (STREAM_CHUNK, size - offset);

      xmlParseChunk (parser, data + offset, (int) n, offset + n == size);
      offset += n;
      if (own_data && offset - given_back >= GIVE_BACK_EVERY)
        give_back_pages (data, offset, &given_back);
      if (offset == size)
        break;
    }
  xmlSetGenericErrorFunc (generic_error_context, generic_error);
  root = parser->myDoc != NULL ? xmlDocGetRootElement (parser->myDoc) : NULL;
  /* The root alone at the top, and closed. */
  done = ctx->error == NULL && !ctx->unsure && !ctx->bad_encoding && parser->wellFormed &&
         root != NULL && parser->myDoc->children == root && root->next == NULL &&
         ctx->frames->len == 0 && !ctx->in_record;
  if (parser->myDoc != NULL)
    xmlFreeDoc (parser->myDoc);
  xmlFreeParserCtxt (parser);
  g_clear_pointer (&ctx->frames, g_ptr_array_unref);
  ctx->sheet = NULL;
  g_clear_error (&ctx->error);
  return done ? g_steal_pointer (&sheet) : NULL;
}

static void
context_init (LoadContext *ctx)
{
  ctx->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kensho_indicator_record_init (&ctx->record);
}

static void
context_clear (LoadContext *ctx)
{
  g_hash_table_unref (ctx->ids);
  kensho_indicator_record_clear (&ctx->record);
}

static KenshoSheet *
load_with_options (GBytes *bytes, const char *display_name, int options, GError **error)
{
  LoadContext ctx = { .display_name = display_name ? display_name : "sheet.xml", .max_elements = MAX_ELEMENTS };
  KenshoSheet *sheet = NULL;
  gsize size;
  const char *data;
  xmlDoc *doc;

  context_init (&ctx);
  data = g_bytes_get_data (bytes, &size);
  doc = parse (&ctx, data, size, options);
  if (doc != NULL)
    {
      sheet = load_document (&ctx, doc);
      xmlFreeDoc (doc);
    }
  context_clear (&ctx);
  if (sheet == NULL)
    {
      g_assert (ctx.error != NULL);
      g_propagate_error (error, ctx.error);
    }
  else
    g_clear_error (&ctx.error);
  return sheet;
}

/* The sheet read as a stream, or NULL: with an error if the bytes are
 * refused whichever way they are read. */
static KenshoSheet *
load_streaming (GBytes *bytes, const char *display_name, gboolean own_bytes,
                KenshoTopLoadedFunc top_loaded, gpointer user_data, GError **error)
{
  LoadContext ctx = { .display_name = display_name ? display_name : "sheet.xml", .max_elements = MAX_ELEMENTS,
                      .top_loaded = top_loaded, .top_loaded_data = user_data };
  KenshoSheet *sheet;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  context_init (&ctx);
  if (!check_bytes (&ctx, data, size))
    {
      context_clear (&ctx);
      g_propagate_error (error, ctx.error);
      return NULL;
    }
  sheet = stream_load (&ctx, data, size, own_bytes);
  context_clear (&ctx);
  return sheet;
}

/* The usual way: a file the stream is not sure of, or wrong, whose message
 * it words. */
static KenshoSheet *
load_through_tree (GBytes *bytes, const char *display_name, GError **error)
{
  KenshoSheet *sheet;

  /* NOBLANKS drops the indentation between elements (half the nodes of a
   * sheet, which the schema ignores) and COMPACT keeps short texts inside
   * their node: the tree takes a fifth less memory and is built and
   * validated faster. Text that is only spaces inside an element
   * (<issues> </issues>) is content and stays. A file with a problem is
   * read again as written, so that the message names the same line as
   * always: validation points at other nodes without the indentation. */
  sheet = load_with_options (bytes, display_name, XML_PARSE_NOBLANKS | XML_PARSE_COMPACT, NULL);
  if (sheet == NULL)
    sheet = load_with_options (bytes, display_name, 0, error);
  return sheet;
}

static KenshoSheet *
trimmed (KenshoSheet *sheet)
{
#ifdef HAVE_MALLOC_TRIM
  /* What the load freed is in pieces among the model's: without this the
   * process keeps its pages for as long as it runs. */
  malloc_trim (0);
#endif
  return sheet;
}

KenshoSheet *
kensho_sheet_xml_load_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr(GError) refused = NULL;
  KenshoSheet *sheet;

  g_return_val_if_fail (bytes != NULL, NULL);

  sheet = load_streaming (bytes, display_name, FALSE, NULL, NULL, &refused);
  if (refused != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return NULL;
    }
  if (sheet == NULL)
    sheet = load_through_tree (bytes, display_name, error);
  return trimmed (sheet);
}

KenshoSheet *
kensho_sheet_xml_load_read_file (GBytes *bytes, const char *path, GError **error)
{
  gboolean all_told;

  return kensho_sheet_xml_load_read_file_told (bytes, path, NULL, NULL, &all_told, error);
}

KenshoSheet *
kensho_sheet_xml_load_read_file_told (GBytes *bytes, const char *path, KenshoTopLoadedFunc top_loaded,
                                      gpointer user_data, gboolean *all_told, GError **error)
{
  g_autoptr(GBytes) taken = bytes;
  g_autoptr(GError) refused = NULL;
  KenshoSheet *sheet;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (all_told != NULL, NULL);

  *all_told = FALSE;
  sheet = load_streaming (taken, path, TRUE, top_loaded, user_data, &refused);
  if (refused != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return NULL;
    }
  *all_told = sheet != NULL;
  if (sheet == NULL)
    {
      g_clear_pointer (&taken, g_bytes_unref);
      taken = kensho_file_read_bounded (path, MAX_FILE_SIZE, error);
      if (taken == NULL)
        return NULL;
      sheet = load_through_tree (taken, path, error);
    }
  return trimmed (sheet);
}

KenshoSheet *
kensho_sheet_xml_load_file (const char *path, GError **error)
{
  GBytes *bytes;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = kensho_file_read_bounded (path, MAX_FILE_SIZE, error);
  return bytes != NULL ? kensho_sheet_xml_load_read_file (bytes, path, error) : NULL;
}

/* Texts are limited in the file (kensho-types.h) but not in the model,
 * which holds whatever is typed or pasted: a text over its limit made a
 * file Kensho refused to open. Saving refuses it instead, saying which. */
static gboolean
fits (const char *text, gsize limit, const char *what, const char *owner, GError **error)
{
  g_autofree char *length = NULL;
  g_autofree char *allowed = NULL;
  g_autofree char *quoted = NULL;

  if (text == NULL || kensho_text_within (text, limit))
    return TRUE;
  length = kensho_format_count ((gsize) g_utf8_strlen (text, -1));
  allowed = kensho_format_count (limit);
  quoted = kensho_quote_for_message (owner != NULL ? owner : "");
  if (owner != NULL)
    /* TRANSLATORS: "① Activities of 令和5年度 of “新規求人数” is too long to save: …" */
    g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID,
                 _("%s of “%s” is too long to save: %s characters, where a sheet file holds at "
                   "most %s."), what, quoted, length, allowed);
  else
    g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID,
                 _("%s is too long to save: %s characters, where a sheet file holds at most %s."),
                 what, length, allowed);
  return FALSE;
}

static gboolean
value_fits (const KenshoValue *value, const char *owner, GError **error)
{
  const char *what = _("A value");

  return value == NULL ||
         (fits (value->text, KENSHO_LONG_TEXT_MAX, what, owner, error) &&
          fits (value->unit, KENSHO_SHORT_TEXT_MAX, what, owner, error) &&
          fits (value->period, KENSHO_SHORT_TEXT_MAX, what, owner, error) &&
          fits (value->note, KENSHO_SHORT_TEXT_MAX, what, owner, error));
}

static gboolean
series_fits (KenshoSeries *series, const char *owner, GError **error)
{
  g_autoptr(GArray) actual_years = kensho_series_dup_actual_years (series);
  g_autoptr(GArray) target_years = kensho_series_dup_target_years (series);

  if (!fits (kensho_series_get_name (series), KENSHO_SHORT_TEXT_MAX, _("The name of a series"), owner,
             error) ||
      !value_fits (kensho_series_get_baseline (series), owner, error) ||
      !value_fits (kensho_series_get_final (series), owner, error))
    return FALSE;
  for (guint i = 0; i < actual_years->len; i++)
    if (!value_fits (kensho_series_get_actual (series, g_array_index (actual_years, int, i)), owner, error))
      return FALSE;
  for (guint i = 0; i < target_years->len; i++)
    if (!value_fits (kensho_series_get_target (series, g_array_index (target_years, int, i)), owner, error))
      return FALSE;
  return TRUE;
}

static gboolean
indicator_fits (KenshoIndicator *indicator, GError **error)
{
  static const char *const parts[] = { N_("① Activities of %s"), N_("② Issues of %s"),
                                       N_("③ Next steps of %s"), N_("The committee’s opinion of %s"),
                                       N_("The response to the committee of %s") };
  const char *name = kensho_indicator_get_name (indicator);
  g_autoptr(GArray) years = kensho_indicator_dup_years (indicator);

  if (!fits (name, KENSHO_SHORT_TEXT_MAX, _("The name of an indicator"), NULL, error) ||
      !fits (kensho_indicator_get_unit (indicator), KENSHO_SHORT_TEXT_MAX, _("The unit"), name, error) ||
      !fits (kensho_indicator_get_division (indicator), KENSHO_SHORT_TEXT_MAX, _("The division"), name,
             error))
    return FALSE;
  for (guint i = 0; i < kensho_indicator_get_n_series (indicator); i++)
    if (!series_fits (kensho_indicator_get_series (indicator, i), name, error))
      return FALSE;
  for (guint i = 0; i < years->len; i++)
    {
      int fy = g_array_index (years, int, i);
      g_autofree char *year = kensho_era_format (fy, KENSHO_PERIOD_FISCAL_YEAR, 0);
      g_autofree char *reason = g_strdup_printf (_("The reason for delay of %s"), year);

      for (guint part = 0; part < G_N_ELEMENTS (parts); part++)
        {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          g_autofree char *what = g_strdup_printf (_(parts[part]), year);
#pragma GCC diagnostic pop
          const char *text = part <= KENSHO_COMMENTARY_NEXT_STEPS
                             ? kensho_indicator_get_commentary (indicator, fy, part)
                             : kensho_indicator_get_committee (indicator, fy, part - KENSHO_COMMENTARY_NEXT_STEPS - 1);

          if (!fits (text, KENSHO_LONG_TEXT_MAX, what, name, error))
            return FALSE;
        }
      if (!fits (kensho_indicator_get_delay_reason (indicator, fy), KENSHO_LONG_TEXT_MAX, reason, name, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
node_fits (KenshoNode *node, GError **error)
{
  const char *title = kensho_node_get_title (node);

  if (KENSHO_IS_INDICATOR (node))
    return indicator_fits (KENSHO_INDICATOR (node), error);
  if (kensho_node_get_kind (node) != KENSHO_NODE_ROOT &&
      (!fits (title, KENSHO_SHORT_TEXT_MAX, _("The title of a goal or measure"), NULL, error) ||
       !fits (kensho_node_get_code (node), KENSHO_SHORT_TEXT_MAX, _("The code"), title, error) ||
       !fits (kensho_node_get_notes (node), KENSHO_LONG_TEXT_MAX, _("The notes"), title, error)))
    return FALSE;
  for (guint i = 0; i < kensho_node_get_n_children (node); i++)
    if (!node_fits (kensho_node_get_child (node, i), error))
      return FALSE;
  return TRUE;
}

gboolean
kensho_sheet_xml_check_savable (KenshoSheet *sheet, GError **error)
{
  KenshoRatingScale *scale;
  const char * const *divisions;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), FALSE);

  scale = kensho_sheet_get_rating_scale (sheet);
  divisions = kensho_sheet_get_divisions (sheet);
  if (!fits (kensho_sheet_get_municipality (sheet), KENSHO_SHORT_TEXT_MAX, _("The municipality"), NULL, error) ||
      !fits (kensho_sheet_get_title (sheet), KENSHO_SHORT_TEXT_MAX, _("The sheet’s title"), NULL, error) ||
      !fits (kensho_sheet_get_label (sheet), KENSHO_SHORT_TEXT_MAX, _("The sheet’s label"), NULL, error) ||
      !fits (kensho_sheet_get_notes (sheet), KENSHO_LONG_TEXT_MAX, _("The sheet’s notes"), NULL, error) ||
      !fits (kensho_rating_scale_get_name (scale), KENSHO_SHORT_TEXT_MAX, _("The rating scale’s name"), NULL,
             error))
    return FALSE;
  for (guint i = 0; i < kensho_rating_scale_get_n_ratings (scale); i++)
    if (!fits (kensho_rating_get_label (kensho_rating_scale_get_rating (scale, i)), KENSHO_SHORT_TEXT_MAX,
               _("The label of a rating"), NULL, error))
      return FALSE;
  for (guint i = 0; divisions[i] != NULL; i++)
    if (!fits (divisions[i], KENSHO_SHORT_TEXT_MAX, _("The name of a division"), NULL, error))
      return FALSE;
  return node_fits (kensho_sheet_get_root (sheet), error);
}

/* Saving must never produce a file Kensho cannot open again: text that
 * XML cannot carry (invalid UTF-8, control characters) or that loading
 * refuses (noncharacters) is replaced. */
static char *
xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || kensho_unichar_is_noncharacter (c))
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static void
write_element (xmlTextWriterPtr writer, const char *name, const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL)
    return;
  safe = xml_safe (text);
  xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST safe);
}

static void
write_attribute (xmlTextWriterPtr writer, const char *name, const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = xml_safe (value);
  xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST safe);
}

static void
write_int_attribute (xmlTextWriterPtr writer, const char *name, int value)
{
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST name, "%d", value);
}

static void
write_value (xmlTextWriterPtr writer, const char *name, int fiscal_year, const KenshoValue *value)
{
  if (value == NULL)
    return;
  xmlTextWriterStartElement (writer, BAD_CAST name);
  if (fiscal_year != 0)
    write_int_attribute (writer, "fy", fiscal_year);
  if (value->number != NULL)
    write_attribute (writer, "num", value->number);
  else
    write_attribute (writer, "text", value->text ? value->text : "");
  write_attribute (writer, "unit", value->unit);
  write_attribute (writer, "period", value->period);
  write_attribute (writer, "note", value->note);
  xmlTextWriterEndElement (writer);
}

static void
write_series (xmlTextWriterPtr writer, KenshoSeries *series)
{
  g_autoptr(GArray) actual_years = kensho_series_dup_actual_years (series);
  g_autoptr(GArray) target_years = kensho_series_dup_target_years (series);

  xmlTextWriterStartElement (writer, BAD_CAST "series");
  write_attribute (writer, "name", kensho_series_get_name (series));
  write_value (writer, "baseline", 0, kensho_series_get_baseline (series));
  for (guint i = 0; i < actual_years->len; i++)
    {
      int fy = g_array_index (actual_years, int, i);

      write_value (writer, "actual", fy, kensho_series_get_actual (series, fy));
    }
  for (guint i = 0; i < target_years->len; i++)
    {
      int fy = g_array_index (target_years, int, i);

      write_value (writer, "target", fy, kensho_series_get_target (series, fy));
    }
  write_value (writer, "final", 0, kensho_series_get_final (series));
  xmlTextWriterEndElement (writer);
}

static void
write_indicator (xmlTextWriterPtr writer, KenshoIndicator *indicator)
{
  g_autoptr(GArray) years = kensho_indicator_dup_years (indicator);
  guint n_series = kensho_indicator_get_n_series (indicator);

  xmlTextWriterStartElement (writer, BAD_CAST "indicator");
  write_attribute (writer, "id", kensho_node_get_id (KENSHO_NODE (indicator)));
  write_attribute (writer, "kind",
                   kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET
                     ? "target" : "kpi");
  write_attribute (writer, "direction",
                   kensho_direction_to_string (kensho_indicator_get_direction (indicator)));
  write_element (writer, "name", kensho_indicator_get_name (indicator)
                                   ? kensho_indicator_get_name (indicator) : "");
  write_element (writer, "unit", kensho_indicator_get_unit (indicator));
  write_element (writer, "division", kensho_indicator_get_division (indicator));
  for (const char * const *check = kensho_indicator_get_acknowledgements (indicator); *check; check++)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "acknowledged");
      write_attribute (writer, "check", *check);
      xmlTextWriterEndElement (writer);
    }
  for (guint i = 0; i < n_series; i++)
    write_series (writer, kensho_indicator_get_series (indicator, i));
  for (guint i = 0; i < years->len; i++)
    {
      int fy = g_array_index (years, int, i);

      xmlTextWriterStartElement (writer, BAD_CAST "year");
      write_int_attribute (writer, "fy", fy);
      for (KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        write_element (writer, kensho_year_part_elements[KENSHO_YEAR_ACTIVITIES + part],
                       kensho_indicator_get_commentary (indicator, fy, part));
      write_element (writer, kensho_year_part_elements[KENSHO_YEAR_RATING],
                     kensho_indicator_get_rating_id (indicator, fy));
      write_element (writer, kensho_year_part_elements[KENSHO_YEAR_DELAY_REASON],
                     kensho_indicator_get_delay_reason (indicator, fy));
      for (KenshoCommitteePart part = KENSHO_COMMITTEE_OPINION; part <= KENSHO_COMMITTEE_RESPONSE; part++)
        write_element (writer, kensho_year_part_elements[KENSHO_YEAR_COMMITTEE_OPINION + part],
                       kensho_indicator_get_committee (indicator, fy, part));
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_node (xmlTextWriterPtr writer, KenshoNode *node)
{
  guint n = kensho_node_get_n_children (node);

  if (KENSHO_IS_INDICATOR (node))
    {
      write_indicator (writer, KENSHO_INDICATOR (node));
      return;
    }
  if (kensho_node_get_kind (node) != KENSHO_NODE_ROOT)
    {
      xmlTextWriterStartElement (writer,
                                 BAD_CAST kensho_node_kind_to_string (kensho_node_get_kind (node)));
      write_attribute (writer, "id", kensho_node_get_id (node));
      write_attribute (writer, "code", kensho_node_get_code (node) ? kensho_node_get_code (node) : "");
      write_attribute (writer, "title",
                       kensho_node_get_title (node) ? kensho_node_get_title (node) : "");
      write_element (writer, "notes", kensho_node_get_notes (node));
    }
  for (guint i = 0; i < n; i++)
    write_node (writer, kensho_node_get_child (node, i));
  if (kensho_node_get_kind (node) != KENSHO_NODE_ROOT)
    xmlTextWriterEndElement (writer);
}

static void
write_meta (xmlTextWriterPtr writer, KenshoSheet *sheet)
{
  xmlTextWriterStartElement (writer, BAD_CAST "meta");
  write_element (writer, "municipality", kensho_sheet_get_municipality (sheet)
                                           ? kensho_sheet_get_municipality (sheet) : "");
  write_element (writer, "title", kensho_sheet_get_title (sheet)
                                    ? kensho_sheet_get_title (sheet) : "");
  write_element (writer, "label", kensho_sheet_get_label (sheet));
  write_element (writer, "notes", kensho_sheet_get_notes (sheet));
  xmlTextWriterWriteFormatElement (writer, BAD_CAST "fiscal-year", "%d",
                                   kensho_sheet_get_fiscal_year (sheet));
  xmlTextWriterStartElement (writer, BAD_CAST "plan");
  write_int_attribute (writer, "first", kensho_sheet_get_plan_first (sheet));
  write_int_attribute (writer, "last", kensho_sheet_get_plan_last (sheet));
  xmlTextWriterEndElement (writer);
  xmlTextWriterWriteFormatElement (writer, BAD_CAST "baseline-year", "%d",
                                   kensho_sheet_get_baseline_year (sheet));
  /* The default (ratio) is not written, so older files stay as they were. */
  if (kensho_sheet_get_achievement_method (sheet) != KENSHO_ACHIEVEMENT_RATIO)
    write_element (writer, "achievement-method",
                   kensho_achievement_method_to_string (kensho_sheet_get_achievement_method (sheet)));
  xmlTextWriterEndElement (writer);
}

static void
write_percent_attribute (xmlTextWriterPtr writer, const char *name, double percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (percent))
    write_attribute (writer, name, g_ascii_formatd (buffer, sizeof buffer, "%.10g", percent));
}

static void
write_rating_rule (xmlTextWriterPtr writer, KenshoRating *rating)
{
  switch (kensho_rating_get_rule (rating))
    {
    case KENSHO_RATING_RULE_BAND:
      write_percent_attribute (writer, "at-least", kensho_rating_get_rule_min (rating));
      write_percent_attribute (writer, "below", kensho_rating_get_rule_max (rating));
      break;
    case KENSHO_RATING_RULE_NOT_COMPUTABLE:
      write_attribute (writer, "when", "not-computable");
      break;
    case KENSHO_RATING_RULE_NONE:
    default:
      break;
    }
}

static void
write_rating_scale (xmlTextWriterPtr writer, KenshoRatingScale *scale)
{
  guint n = kensho_rating_scale_get_n_ratings (scale);

  xmlTextWriterStartElement (writer, BAD_CAST "rating-scale");
  write_attribute (writer, "name", kensho_rating_scale_get_name (scale));
  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (scale, i);

      xmlTextWriterStartElement (writer, BAD_CAST "rating");
      write_attribute (writer, "id", kensho_rating_get_id (rating));
      write_attribute (writer, "colour", kensho_rating_get_colour (rating));
      if (kensho_rating_get_delayed (rating))
        write_attribute (writer, "delayed", "true");
      write_rating_rule (writer, rating);
      {
        g_autofree char *label = xml_safe (kensho_rating_get_label (rating));

        xmlTextWriterWriteString (writer, BAD_CAST label);
      }
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_handout (xmlTextWriterPtr writer, const KenshoHandoutTag *tag)
{
  if (tag == NULL)
    return;
  xmlTextWriterStartElement (writer, BAD_CAST "handout");
  write_attribute (writer, "id", tag->id);
  write_attribute (writer, "sheet", tag->sheet_key);
  write_attribute (writer, "division", tag->division);
  write_attribute (writer, "sent", tag->sent);
  write_attribute (writer, "due", tag->due);
  write_attribute (writer, "contact", tag->contact);
  if (tag->base != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (tag->base, &size);
      g_autofree char *encoded = g_base64_encode (data, size);

      write_element (writer, "base", encoded);
    }
  xmlTextWriterEndElement (writer);
}

typedef gboolean (*IndicatorTest) (KenshoIndicator *indicator);

static gboolean
any_indicator (KenshoNode *node, IndicatorTest test)
{
  guint n = kensho_node_get_n_children (node);

  if (KENSHO_IS_INDICATOR (node) && test (KENSHO_INDICATOR (node)))
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (any_indicator (kensho_node_get_child (node, i), test))
      return TRUE;
  return FALSE;
}

static gboolean
uses_acknowledgements (KenshoIndicator *indicator)
{
  return kensho_indicator_get_acknowledgements (indicator)[0] != NULL;
}

/* The lowest minor version that holds what the sheet uses: a sheet with
 * nothing of 1.1 (achievement method, rating rules, acknowledged checks)
 * or 1.2 (committee texts) is still written as 1.0, byte for byte as
 * before, and older Kensho versions open it. */
int
kensho_sheet_xml_needed_minor (KenshoSheet *sheet)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), KENSHO_XML_VERSION_MINOR);

  if (kensho_sheet_get_handout (sheet) != NULL ||
      any_indicator (kensho_sheet_get_root (sheet), kensho_indicator_has_committee))
    return 2;
  if (kensho_sheet_get_achievement_method (sheet) != KENSHO_ACHIEVEMENT_RATIO ||
      kensho_rating_scale_has_rules (kensho_sheet_get_rating_scale (sheet)) ||
      any_indicator (kensho_sheet_get_root (sheet), uses_acknowledgements))
    return 1;
  return 0;
}

GBytes *
kensho_sheet_xml_serialize (KenshoSheet *sheet)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer;
  /* libxml2 2.9 grows a buffer to the exact size at every flush of the
   * writer: a copy (or remap) of everything so far, quadratic in the size
   * of the sheet. Doubling keeps saving linear. */
  xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  writer = xmlNewTextWriterMemory (buffer, 0);
  const char * const *divisions = kensho_sheet_get_divisions (sheet);
  g_autofree char *version = g_strdup_printf ("%d.%d", KENSHO_XML_VERSION_MAJOR,
                                              kensho_sheet_xml_needed_minor (sheet));
  GBytes *bytes;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  /* The namespace first: it is what a person and the file manager look for. */
  xmlTextWriterStartElement (writer, BAD_CAST "sheet");
  write_attribute (writer, "xmlns", KENSHO_XML_NAMESPACE);
  write_attribute (writer, "version", version);
  write_meta (writer, sheet);
  write_rating_scale (writer, kensho_sheet_get_rating_scale (sheet));
  if (divisions[0] != NULL)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "divisions");
      for (guint i = 0; divisions[i]; i++)
        write_element (writer, "division", divisions[i]);
      xmlTextWriterEndElement (writer);
    }
  write_handout (writer, kensho_sheet_get_handout (sheet));
  write_node (writer, kensho_sheet_get_root (sheet));
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

gboolean
kensho_sheet_xml_save_file (KenshoSheet *sheet, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), FALSE);

  if (!kensho_sheet_xml_check_savable (sheet, error))
    return FALSE;
  bytes = kensho_sheet_xml_serialize (sheet);
  data = g_bytes_get_data (bytes, &size);
  return kensho_write_file_atomically (path, data, size, error);
}
