/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "kensho-indicator-record.h"
#include "kensho-schema-check.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"

/* Each check returns FALSE at the first thing it is not sure of. The
 * comments name the schema's definitions they stand for. */

#define SCHEMA_RESOURCE "/jp/kensho/Kensho/core/kensho-sheet.rng"
#define SHORT_TEXT KENSHO_SHORT_TEXT_MAX
#define LONG_TEXT KENSHO_LONG_TEXT_MAX

static gboolean
in_namespace (xmlNode *node)
{
  return node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST KENSHO_XML_NAMESPACE);
}

static gboolean
is (xmlNode *node, const char *name)
{
  return node != NULL && strcmp ((const char *) node->name, name) == 0 && in_namespace (node);
}

static gboolean
is_xml_space (const xmlChar *text)
{
  for (; *text; text++)
    if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
      return FALSE;
  return TRUE;
}

/* Element content: elements, and between them only white space. */
static gboolean
element_only (xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          if (!in_namespace (child))
            return FALSE;
        }
      else if (child->type != XML_TEXT_NODE || !is_xml_space (child->content))
        return FALSE;
    }
  return TRUE;
}

static xmlNode *
element_from (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

#define NEXT(node) element_from ((node)->next)

/* An attribute's value, held in one text node (no entity references). */
static const char *
attribute_value (xmlAttr *attr)
{
  if (attr->children == NULL)
    return "";
  if (attr->children->type != XML_TEXT_NODE || attr->children->next != NULL)
    return NULL;
  return (const char *) attr->children->content;
}

/* Every attribute is one of @names (NULL-terminated), unqualified and
 * plainly valued. */
static gboolean
attributes_among (xmlNode *node, const char * const *names)
{
  for (xmlAttr *attr = node->properties; attr; attr = attr->next)
    {
      gboolean known = FALSE;

      if (attr->ns != NULL || attribute_value (attr) == NULL)
        return FALSE;
      for (guint i = 0; names[i] != NULL && !known; i++)
        known = strcmp ((const char *) attr->name, names[i]) == 0;
      if (!known)
        return FALSE;
    }
  return TRUE;
}

static const char *
get (xmlNode *node, const char *name)
{
  for (xmlAttr *attr = node->properties; attr; attr = attr->next)
    if (strcmp ((const char *) attr->name, name) == 0)
      return attribute_value (attr);
  return NULL;
}

/* Data content: no attributes, and at most one text node. */
static const char *
data_content (xmlNode *node)
{
  if (node->properties != NULL)
    return NULL;
  if (node->children == NULL)
    return "";
  if (node->children->type != XML_TEXT_NODE || node->children->next != NULL)
    return NULL;
  return (const char *) node->children->content;
}

static gboolean
is_empty (xmlNode *node)
{
  return node->children == NULL;
}

/* Datatypes --------------------------------------------------------------- */

/* xsd:string with maxLength, in characters. */
static gboolean
text_within (const char *text, gsize max_chars)
{
  return text != NULL && kensho_text_within (text, max_chars);
}

static gboolean
digits (const char *text, guint min, guint max, const char **end)
{
  guint n = 0;

  while (g_ascii_isdigit (text[n]))
    n++;
  *end = text + n;
  return n >= min && n <= max;
}

/* fiscal-year: four digits, 1900 to 2200 (no sign, spaces or leading zero). */
gboolean
kensho_schema_is_fiscal_year (const char *text)
{
  const char *end;
  int year;

  if (text == NULL || !digits (text, 4, 4, &end) || *end != '\0')
    return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  return year >= 1900 && year <= 2200;
}

/* identifier: [A-Za-z_][A-Za-z0-9_.\-]{0,63} */
gboolean
kensho_schema_is_identifier (const char *text)
{
  gsize n;

  if (text == NULL || !(g_ascii_isalpha (text[0]) || text[0] == '_'))
    return FALSE;
  for (n = 1; text[n]; n++)
    if (!(g_ascii_isalnum (text[n]) || text[n] == '_' || text[n] == '.' || text[n] == '-'))
      return FALSE;
  return n <= 64;
}

/* percent: an xsd:decimal from -100000 to 100000, written plainly. */
static gboolean
percent (const char *text)
{
  const char *p = text, *end;

  if (text == NULL)
    return FALSE;
  if (*p == '-')
    p++;
  if (!digits (p, 1, 6, &end))
    return FALSE;
  if (*end == '.' && !digits (end + 1, 1, 6, &end))
    return FALSE;
  return *end == '\0' && g_ascii_strtod (text, NULL) >= -100000 && g_ascii_strtod (text, NULL) <= 100000;
}

static gboolean
one_of (const char *text, const char * const *values)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; values[i]; i++)
    if (strcmp (text, values[i]) == 0)
      return TRUE;
  return FALSE;
}

/* #[0-9A-Fa-f]{6} */
static gboolean
colour (const char *text)
{
  if (text == NULL || text[0] != '#')
    return FALSE;
  for (guint i = 1; i <= 6; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return text[7] == '\0';
}

/* The sheet's version: [0-9]{1,3}\.[0-9]{1,3} */
static gboolean
version (const char *text)
{
  const char *end;

  return text != NULL && digits (text, 1, 3, &end) && *end == '.' &&
         digits (end + 1, 1, 3, &end) && *end == '\0';
}

/* An element of text, with no attributes. */
static gboolean
text_element (xmlNode *node, const char *name, gsize max_chars)
{
  return is (node, name) && text_within (data_content (node), max_chars);
}

/* An optional text element at *child: FALSE if it is there and wrong;
 * else *child moves past it. */
static gboolean
optional_text (xmlNode **child, const char *name, gsize max_chars)
{
  if (!is (*child, name))
    return TRUE;
  if (!text_within (data_content (*child), max_chars))
    return FALSE;
  *child = NEXT (*child);
  return TRUE;
}

static gboolean
required_text (xmlNode **child, const char *name, gsize max_chars)
{
  return is (*child, name) && optional_text (child, name, max_chars);
}

/* Definitions -------------------------------------------------------------- */

/* value-attributes: num or text, and unit, period, note; no content. */
static gboolean
value_element (xmlNode *node, gboolean with_year)
{
  static const char * const names[] = { "num", "text", "unit", "period", "note", NULL };
  static const char * const dated[] = { "fy", "num", "text", "unit", "period", "note", NULL };
  const char *num = get (node, "num"), *text = get (node, "text");
  const char *unit = get (node, "unit"), *period = get (node, "period"), *note = get (node, "note");

  if (!is_empty (node) || !attributes_among (node, with_year ? dated : names))
    return FALSE;
  if (with_year && !kensho_schema_is_fiscal_year (get (node, "fy")))
    return FALSE;
  if ((num == NULL) == (text == NULL))
    return FALSE;
  return (num == NULL || text_within (num, 64)) && (text == NULL || text_within (text, LONG_TEXT)) &&
         (unit == NULL || text_within (unit, SHORT_TEXT)) &&
         (period == NULL || text_within (period, SHORT_TEXT)) &&
         (note == NULL || text_within (note, SHORT_TEXT));
}

static gboolean
series (xmlNode *node)
{
  static const char * const names[] = { "name", NULL };
  const char *name = get (node, "name");
  xmlNode *child;

  if (!attributes_among (node, names) || (name != NULL && !text_within (name, SHORT_TEXT)) ||
      !element_only (node))
    return FALSE;
  child = element_from (node->children);
  if (is (child, "baseline"))
    {
      if (!value_element (child, FALSE))
        return FALSE;
      child = NEXT (child);
    }
  for (; is (child, "actual"); child = NEXT (child))
    if (!value_element (child, TRUE))
      return FALSE;
  for (; is (child, "target"); child = NEXT (child))
    if (!value_element (child, TRUE))
      return FALSE;
  if (is (child, "final"))
    {
      if (!value_element (child, FALSE))
        return FALSE;
      child = NEXT (child);
    }
  return child == NULL;
}

static gboolean
year (xmlNode *node)
{
  static const char * const names[] = { "fy", NULL };
  const char *const *parts = kensho_year_part_elements;
  xmlNode *child;

  if (!attributes_among (node, names) || !kensho_schema_is_fiscal_year (get (node, "fy")) || !element_only (node))
    return FALSE;
  child = element_from (node->children);
  for (guint i = 0; i < KENSHO_YEAR_N_PARTS; i++)
    if (is (child, parts[i]))
      {
        const char *text = data_content (child);

        if (i == KENSHO_YEAR_RATING ? !kensho_schema_is_identifier (text) : !text_within (text, LONG_TEXT))
          return FALSE;
        child = NEXT (child);
      }
  return child == NULL;
}

static gboolean
indicator (xmlNode *node)
{
  static const char * const names[] = { "id", "kind", "direction", NULL };
  static const char * const kinds[] = { "target", "kpi", NULL };
  static const char * const directions[] = { "higher", "lower", "level", NULL };
  static const char * const check_names[] = { "check", NULL };
  xmlNode *child;

  if (!attributes_among (node, names) || !kensho_schema_is_identifier (get (node, "id")) ||
      !one_of (get (node, "kind"), kinds) || !one_of (get (node, "direction"), directions) ||
      !element_only (node))
    return FALSE;
  child = element_from (node->children);
  if (!required_text (&child, "name", SHORT_TEXT) || !optional_text (&child, "unit", SHORT_TEXT) ||
      !optional_text (&child, "division", SHORT_TEXT))
    return FALSE;
  for (; is (child, "acknowledged"); child = NEXT (child))
    if (!is_empty (child) || !attributes_among (child, check_names) || !kensho_schema_is_identifier (get (child, "check")))
      return FALSE;
  if (!is (child, "series"))
    return FALSE;
  for (; is (child, "series"); child = NEXT (child))
    if (!series (child))
      return FALSE;
  for (; is (child, "year"); child = NEXT (child))
    if (!year (child))
      return FALSE;
  return child == NULL;
}

/* node-attributes and what may follow them: goal, subgoal, measure. */
static gboolean
outline_attributes (xmlNode *node)
{
  static const char * const names[] = { "id", "code", "title", NULL };

  return attributes_among (node, names) && kensho_schema_is_identifier (get (node, "id")) &&
         text_within (get (node, "code"), SHORT_TEXT) && text_within (get (node, "title"), SHORT_TEXT);
}

static gboolean
outline_node (xmlNode *node, int depth)
{
  xmlNode *child;

  if (!outline_attributes (node) || !element_only (node))
    return FALSE;
  child = element_from (node->children);
  if (!optional_text (&child, "notes", LONG_TEXT))
    return FALSE;
  for (; child != NULL; child = NEXT (child))
    {
      if (is (child, "indicator"))
        {
          if (!indicator (child))
            return FALSE;
        }
      /* goal (depth 0) holds subgoals and measures, subgoal (1) measures. */
      else if ((depth == 0 && is (child, "subgoal")) || (depth <= 1 && is (child, "measure")))
        {
          if (!outline_node (child, is (child, "subgoal") ? 1 : 2))
            return FALSE;
        }
      else
        return FALSE;
    }
  return TRUE;
}

static gboolean
meta (xmlNode *node)
{
  static const char * const plan_names[] = { "first", "last", NULL };
  static const char * const methods[] = { "ratio", "progress", "expected", NULL };
  xmlNode *child;

  if (!is (node, "meta") || node->properties != NULL || !element_only (node))
    return FALSE;
  child = element_from (node->children);
  if (!required_text (&child, "municipality", SHORT_TEXT) || !required_text (&child, "title", SHORT_TEXT) ||
      !optional_text (&child, "label", SHORT_TEXT) || !optional_text (&child, "notes", LONG_TEXT))
    return FALSE;
  if (!is (child, "fiscal-year") || !kensho_schema_is_fiscal_year (data_content (child)))
    return FALSE;
  child = NEXT (child);
  if (!is (child, "plan") || !is_empty (child) || !attributes_among (child, plan_names) ||
      !kensho_schema_is_fiscal_year (get (child, "first")) || !kensho_schema_is_fiscal_year (get (child, "last")))
    return FALSE;
  child = NEXT (child);
  if (!is (child, "baseline-year") || !kensho_schema_is_fiscal_year (data_content (child)))
    return FALSE;
  child = NEXT (child);
  if (is (child, "achievement-method"))
    {
      if (!one_of (data_content (child), methods))
        return FALSE;
      child = NEXT (child);
    }
  return child == NULL;
}

static gboolean
rating (xmlNode *node)
{
  static const char * const names[] = { "id", "colour", "delayed", "at-least", "below", "when", NULL };
  static const char * const booleans[] = { "true", "false", "1", "0", NULL };
  const char *value;

  if (!is (node, "rating") || !attributes_among (node, names) || !kensho_schema_is_identifier (get (node, "id")))
    return FALSE;
  if ((value = get (node, "colour")) != NULL && !colour (value))
    return FALSE;
  if ((value = get (node, "delayed")) != NULL && !one_of (value, booleans))
    return FALSE;
  if ((value = get (node, "at-least")) != NULL && !percent (value))
    return FALSE;
  if ((value = get (node, "below")) != NULL && !percent (value))
    return FALSE;
  /* A band, or "when not computable": not both. */
  if ((value = get (node, "when")) != NULL &&
      (strcmp (value, "not-computable") != 0 || get (node, "at-least") != NULL || get (node, "below") != NULL))
    return FALSE;
  /* Its label: short-text content (and attributes, so not data_content). */
  if (node->children != NULL &&
      (node->children->type != XML_TEXT_NODE || node->children->next != NULL))
    return FALSE;
  return text_within (node->children ? (const char *) node->children->content : "", SHORT_TEXT);
}

static gboolean
rating_scale (xmlNode *node)
{
  static const char * const names[] = { "name", NULL };
  const char *name;
  xmlNode *child;

  if (!is (node, "rating-scale") || !attributes_among (node, names) || !element_only (node))
    return FALSE;
  name = get (node, "name");
  if (name != NULL && !text_within (name, SHORT_TEXT))
    return FALSE;
  child = element_from (node->children);
  if (child == NULL)
    return FALSE;
  for (; child != NULL; child = NEXT (child))
    if (!rating (child))
      return FALSE;
  return TRUE;
}

/* xsd:base64Binary as g_base64_encode() writes it: no white space, and
 * the unused bits before the padding zero (the canonical form). */
static gboolean
base64 (const char *text)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  gsize n = 0, pad = 0;
  const char *last;

  if (text == NULL)
    return FALSE;
  while (text[n] != '\0' && text[n] != '=' && strchr (alphabet, text[n]) != NULL)
    n++;
  while (text[n + pad] == '=')
    pad++;
  if (text[n + pad] != '\0' || pad > 2 || (n + pad) % 4 != 0 || (pad > 0 && n == 0))
    return FALSE;
  if (pad == 0)
    return TRUE;
  last = strchr (alphabet, text[n - 1]);
  return ((last - alphabet) & (pad == 1 ? 0x3 : 0xf)) == 0;
}

/* due: [0-9]{4}-[0-9]{2}-[0-9]{2} */
static gboolean
date (const char *text)
{
  const char *end;

  return text != NULL && digits (text, 4, 4, &end) && *end == '-' && digits (end + 1, 2, 2, &end) &&
         *end == '-' && digits (end + 1, 2, 2, &end) && *end == '\0';
}

/* handout: its attributes, and the base as sent. */
static gboolean
handout (xmlNode *node)
{
  static const char * const names[] = { "id", "sheet", "division", "sent", "due", "contact", NULL };
  const char *due = get (node, "due"), *contact = get (node, "contact");
  xmlNode *child;

  if (!attributes_among (node, names) || !kensho_schema_is_identifier (get (node, "id")) ||
      !text_within (get (node, "sheet"), SHORT_TEXT) || !text_within (get (node, "division"), SHORT_TEXT) ||
      !text_within (get (node, "sent"), SHORT_TEXT) || (due != NULL && !date (due)) ||
      (contact != NULL && !text_within (contact, SHORT_TEXT)) || !element_only (node))
    return FALSE;
  child = element_from (node->children);
  if (is (child, "base"))
    {
      if (!base64 (data_content (child)))
        return FALSE;
      child = NEXT (child);
    }
  return child == NULL;
}

static gboolean
divisions (xmlNode *node)
{
  if (node->properties != NULL || !element_only (node))
    return FALSE;
  for (xmlNode *child = element_from (node->children); child; child = NEXT (child))
    if (!text_element (child, "division", SHORT_TEXT))
      return FALSE;
  return TRUE;
}

gboolean
kensho_schema_check_root_element (xmlNode *root)
{
  static const char * const names[] = { "version", NULL };

  return is (root, "sheet") && attributes_among (root, names) && version (get (root, "version"));
}

gboolean
kensho_schema_check_outline_element (xmlNode *node)
{
  return outline_attributes (node);
}

gboolean
kensho_schema_check_notes (xmlNode *node)
{
  return text_element (node, "notes", LONG_TEXT);
}

gboolean
kensho_schema_check_indicator (xmlNode *node)
{
  return is (node, "indicator") && indicator (node);
}

gboolean
kensho_schema_check_meta (xmlNode *node)
{
  return meta (node);
}

gboolean
kensho_schema_check_rating_scale (xmlNode *node)
{
  return rating_scale (node);
}

gboolean
kensho_schema_check_divisions (xmlNode *node)
{
  return is (node, "divisions") && divisions (node);
}

gboolean
kensho_schema_check_document (xmlDoc *doc)
{
  xmlNode *root;
  xmlNode *child;

  g_return_val_if_fail (doc != NULL, FALSE);

  root = xmlDocGetRootElement (doc);
  /* Only the root element: no other node at the top is ever written. */
  if (root == NULL || root->prev != NULL || root->next != NULL ||
      !kensho_schema_check_root_element (root) || !element_only (root))
    return FALSE;
  child = element_from (root->children);
  if (!meta (child))
    return FALSE;
  child = NEXT (child);
  if (!rating_scale (child))
    return FALSE;
  child = NEXT (child);
  if (is (child, "divisions"))
    {
      if (!divisions (child))
        return FALSE;
      child = NEXT (child);
    }
  if (is (child, "handout"))
    {
      if (!handout (child))
        return FALSE;
      child = NEXT (child);
    }
  for (; child != NULL; child = NEXT (child))
    {
      if (is (child, "goal"))
        {
          if (!outline_node (child, 0))
            return FALSE;
        }
      else if (!is (child, "indicator") || !indicator (child))
        return FALSE;
    }
  return TRUE;
}

/* The limit of an element's text or of an attribute; 0 for those that
 * are not short-text, long-text or num. */
static gsize
limit_of (xmlNode *element, const char *attribute)
{
  static const char * const long_elements[] = { "notes", "activities", "issues", "next-steps",
                                                "delay-reason", "committee-opinion",
                                                "committee-response", NULL };
  static const char * const short_elements[] = { "municipality", "title", "label", "name", "unit",
                                                 "division", NULL };
  static const char * const short_attributes[] = { "unit", "period", "note", "name", "code", "title",
                                                   "sheet", "division", "sent", "contact", NULL };
  const char *name = (const char *) element->name;

  if (attribute != NULL)
    return strcmp (attribute, "text") == 0 ? LONG_TEXT : strcmp (attribute, "num") == 0 ? 64
           : one_of (attribute, short_attributes) ? SHORT_TEXT : 0;
  if (one_of (name, long_elements))
    return LONG_TEXT;
  /* A rating of the scale holds its label; one of a year, an identifier. */
  if (one_of (name, short_elements) ||
      (strcmp (name, "rating") == 0 && element->parent != NULL && is (element->parent, "rating-scale")))
    return SHORT_TEXT;
  return 0;
}

static gboolean
longer_than (const char *text, gsize limit, gsize *length)
{
  if (text == NULL || limit == 0 || text_within (text, limit))
    return FALSE;
  *length = (gsize) g_utf8_strlen (text, -1);
  return TRUE;
}

/* The element after @node in document order, without recursion. */
static xmlNode *
next_in_document (xmlNode *node)
{
  if (node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node != NULL && node->next == NULL)
    node = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE ? node->parent : NULL;
  return node != NULL ? node->next : NULL;
}

gboolean
kensho_schema_find_too_long (xmlDoc *doc, xmlNode **element, const char **attribute, gsize *length,
                             gsize *limit)
{
  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL; node = next_in_document (node))
    {
      if (node->type == XML_ELEMENT_NODE && in_namespace (node))
        {
          for (xmlAttr *attr = node->properties; attr; attr = attr->next)
            if (attr->ns == NULL &&
                longer_than (attribute_value (attr), limit_of (node, (const char *) attr->name), length))
              {
                *element = node;
                *attribute = (const char *) attr->name;
                *limit = limit_of (node, *attribute);
                return TRUE;
              }
          if (node->children != NULL && node->children->type == XML_TEXT_NODE &&
              longer_than ((const char *) node->children->content, limit_of (node, NULL), length))
            {
              *element = node;
              *attribute = NULL;
              *limit = limit_of (node, NULL);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* The kind of a number or boolean that the schema's datatypes read more
 * loosely than Kensho writes it ("+2023", " 80", "02023", " true"). */
static KenshoSchemaValueKind
kind_of (xmlNode *element, const char *attribute)
{
  static const char * const year_attributes[] = { "fy", "first", "last", NULL };
  static const char * const percent_attributes[] = { "at-least", "below", NULL };

  if (attribute == NULL)
    return is (element, "fiscal-year") || is (element, "baseline-year") ? KENSHO_SCHEMA_VALUE_YEAR
                                                                         : KENSHO_SCHEMA_VALUE_NONE;
  if (one_of (attribute, year_attributes))
    return KENSHO_SCHEMA_VALUE_YEAR;
  if (one_of (attribute, percent_attributes))
    return KENSHO_SCHEMA_VALUE_PERCENT;
  if (strcmp (attribute, "delayed") == 0)
    return KENSHO_SCHEMA_VALUE_BOOLEAN;
  return KENSHO_SCHEMA_VALUE_NONE;
}

static gboolean
strictly_written (KenshoSchemaValueKind kind, const char *text)
{
  static const char * const booleans[] = { "true", "false", "1", "0", NULL };

  switch (kind)
    {
    case KENSHO_SCHEMA_VALUE_YEAR: return kensho_schema_is_fiscal_year (text);
    case KENSHO_SCHEMA_VALUE_PERCENT: return percent (text);
    case KENSHO_SCHEMA_VALUE_BOOLEAN: return one_of (text, booleans);
    case KENSHO_SCHEMA_VALUE_NONE:
    default: return TRUE;
    }
}

KenshoSchemaValueKind
kensho_schema_find_loose_value (xmlDoc *doc, xmlNode **element, const char **attribute, const char **value)
{
  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL; node = next_in_document (node))
    {
      KenshoSchemaValueKind kind;

      if (node->type != XML_ELEMENT_NODE || !in_namespace (node))
        continue;
      for (xmlAttr *attr = node->properties; attr; attr = attr->next)
        {
          const char *text = attribute_value (attr);

          kind = attr->ns == NULL ? kind_of (node, (const char *) attr->name) : KENSHO_SCHEMA_VALUE_NONE;
          if (text != NULL && !strictly_written (kind, text))
            {
              *element = node;
              *attribute = (const char *) attr->name;
              *value = text;
              return kind;
            }
        }
      kind = kind_of (node, NULL);
      if (data_content (node) != NULL && !strictly_written (kind, data_content (node)))
        {
          *element = node;
          *attribute = NULL;
          *value = data_content (node);
          return kind;
        }
    }
  return KENSHO_SCHEMA_VALUE_NONE;
}

xmlRelaxNGPtr
kensho_schema_get (void)
{
  static gsize initialized = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);
      xmlRelaxNGParserCtxtPtr parser;
      gsize size;
      const char *data;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (schema != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return schema;
}

#if LIBXML_VERSION >= 21200
static void
ignore_error (void *user_data, const xmlError *error)
#else
static void
ignore_error (void *user_data, xmlErrorPtr error)
#endif
{
}

gboolean
kensho_schema_validate_document (xmlDoc *doc)
{
  xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt (kensho_schema_get ());
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);

  xmlRelaxNGSetValidStructuredErrors (validator, ignore_error, NULL);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  return result == 0;
}
