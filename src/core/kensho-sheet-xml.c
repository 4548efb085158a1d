/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>
#include <libxml/xmlwriter.h>

#include "kensho-achievement.h"
#include "kensho-era.h"
#include "kensho-error.h"
#include "kensho-file-read.h"
#include "kensho-file-write.h"
#include "kensho-node-private.h"
#include "kensho-schema-check.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"
#include "kensho-value.h"

#define MAX_FILE_SIZE kensho_max_sheet_file_size ()
/* A real sheet has about 12-17 elements per indicator (the sample: 793 for
 * 47 indicators); 400,000 hold some 25,000 indicators (a prefecture's
 * strategy merged with its general plan). More is refused while parsing,
 * before the document tree and the validator use memory in proportion.
 * KENSHO_LARGE_SHEETS=1 allows ten times as many. */
#define MAX_ELEMENTS kensho_max_sheet_elements (400000)

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
} LoadContext;

static void G_GNUC_PRINTF (5, 6)
set_error_at_line (LoadContext *ctx, long line, KenshoError code, const char *prefix,
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
    ctx->error = g_error_new (KENSHO_ERROR, code, "%s:%ld: %s%s", ctx->display_name, line,
                              prefix ? prefix : "", message);
  else
    ctx->error = g_error_new (KENSHO_ERROR, code, "%s: %s%s", ctx->display_name,
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
  set_error_at_line (ctx, error->line, KENSHO_ERROR_NOT_WELL_FORMED,
                     _("The file is damaged or is not a sheet: "), "%s.", detail);
  /* Only the first error is shown, and libxml2 would go on recovering:
   * a 50 MB attribute full of '<' gave millions of errors (3 s). */
  xmlStopParser (parser);
}

/* libxml2's RELAX NG messages name schema machinery; say instead which
 * element is wrong and how. */
static char *
explain_validation_error (const char *detail, const char *element)
{
  static const struct { const char *pattern; const char *explanation; } known[] = {
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

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (known[i].pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, detail, 0, &match))
        {
          g_autofree char *first = g_match_info_fetch (match, 1);
          g_autofree char *second = g_match_info_fetch (match, 2);

          /* Datatype and value errors name the type, not the element. */
          if (g_str_has_prefix (detail, "Error validating") || g_str_has_prefix (detail, "Type "))
            {
              g_free (first);
              first = g_strdup (element ? element : "?");
            }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          return g_strdup_printf (_(known[i].explanation), first ? first : "", second ? second : "");
#pragma GCC diagnostic pop
        }
    }
  return g_strdup_printf ("%s.", detail);
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
                     KENSHO_ERROR_INVALID,
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

  set_error_at_line (ctx, xmlSAX2GetLineNumber (parser), KENSHO_ERROR_FORBIDDEN_CONTENT, NULL,
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

static void
on_start_element (void *user_data, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr parser = user_data;
  LoadContext *ctx = parser->_private;

  if (++ctx->n_elements > ctx->max_elements)
    {
      set_error_at_line (ctx, xmlSAX2GetLineNumber (parser), KENSHO_ERROR_TOO_LARGE, NULL, "%s",
                         _("The file is far larger than any sheet; it was not opened."));
      xmlStopParser (parser);
      return;
    }
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
      set_error_at (ctx, node, KENSHO_ERROR_DUPLICATE_ID,
                    _("The identifier “%s” is used twice (first on line %d); "
                      "each goal, measure and indicator needs its own."),
                    id, GPOINTER_TO_INT (first_line));
      return FALSE;
    }
  g_hash_table_insert (ctx->ids, g_strdup (id), GINT_TO_POINTER ((int) xmlGetLineNo (node)));
  return TRUE;
}

static const char *
value_element_description (xmlNode *node, char **owned)
{
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "baseline"))
    return _("the baseline");
  if (g_str_equal (name, "final"))
    return _("the final-year target");
  if (g_str_equal (name, "actual") || g_str_equal (name, "target"))
    {
      g_autofree char *fy = attribute (node, "fy");
      g_autofree char *year = kensho_era_format ((int) g_ascii_strtoll (fy, NULL, 10),
                                                 KENSHO_PERIOD_FISCAL_YEAR, 0);

      *owned = g_strdup_printf (g_str_equal (name, "actual") ? _("the actual of %s")
                                                             : _("the target of %s"),
                                year);
      return *owned;
    }
  return name;
}

static KenshoValue *
load_value (LoadContext *ctx, xmlNode *node, const char *indicator_name)
{
  g_autofree char *num = attribute (node, "num");
  g_autofree char *text = attribute (node, "text");
  g_autofree char *unit = attribute (node, "unit");
  g_autofree char *period = attribute (node, "period");
  g_autofree char *note = attribute (node, "note");
  g_autofree char *owned = NULL;
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(GError) local_error = NULL;

  if (num != NULL)
    value = kensho_value_new_number (num, kensho_str_or_null (unit), &local_error);
  else
    value = kensho_value_new_text (text);

  if (value != NULL && period != NULL)
    kensho_value_set_period (value, period, &local_error);
  if (local_error != NULL)
    {
      /* TRANSLATORS: "The baseline of “新規求人数”: “1e309” is not a number." */
      set_error_at (ctx, node, KENSHO_ERROR_INVALID, _("%s of “%s”: %s"),
                    value_element_description (node, &owned), indicator_name,
                    local_error->message);
      return NULL;
    }
  kensho_value_set_note (value, kensho_str_or_null (note));
  return g_steal_pointer (&value);
}

static gboolean
load_series (LoadContext *ctx, xmlNode *element, KenshoIndicator *indicator)
{
  g_autofree char *name = attribute (element, "name");
  g_autoptr(KenshoSeries) series = kensho_series_new (name);
  const char *indicator_name = kensho_indicator_get_name (indicator);

  FOR_EACH_ELEMENT (child, element)
    {
      g_autoptr(KenshoValue) value = load_value (ctx, child, indicator_name);
      gboolean is_actual = is_element (child, "actual");

      if (value == NULL)
        return FALSE;
      if (is_element (child, "baseline"))
        kensho_series_set_baseline (series, value);
      else if (is_element (child, "final"))
        kensho_series_set_final (series, value);
      else
        {
          int fy = int_attribute (child, "fy");
          const KenshoValue *existing = is_actual ? kensho_series_get_actual (series, fy)
                                                  : kensho_series_get_target (series, fy);

          if (existing != NULL)
            {
              g_autofree char *year = kensho_era_format (fy, KENSHO_PERIOD_FISCAL_YEAR, 0);

              set_error_at (ctx, child, KENSHO_ERROR_INVALID,
                            is_actual ? _("“%s” has two actual values for %s.")
                                      : _("“%s” has two targets for %s."),
                            indicator_name, year);
              return FALSE;
            }
          if (is_actual)
            kensho_series_set_actual (series, fy, value);
          else
            kensho_series_set_target (series, fy, value);
        }
    }
  kensho_indicator_insert_series (indicator, G_MAXUINT, series);
  return TRUE;
}

static gboolean
load_year (LoadContext *ctx, xmlNode *element, KenshoIndicator *indicator)
{
  static const char *const parts[] = { "activities", "issues", "next-steps" };
  int fy = int_attribute (element, "fy");
  g_autofree char *rating = child_text (element, "rating");
  g_autofree char *reason = child_text (element, "delay-reason");
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (ctx->sheet);
  GArray *years = kensho_indicator_dup_years (indicator);
  gboolean seen = FALSE;

  for (guint i = 0; i < years->len; i++)
    seen |= g_array_index (years, int, i) == fy;
  g_array_unref (years);
  if (seen)
    {
      g_autofree char *year = kensho_era_format (fy, KENSHO_PERIOD_FISCAL_YEAR, 0);

      set_error_at (ctx, element, KENSHO_ERROR_INVALID,
                    _("“%s” has two entries for %s."), kensho_indicator_get_name (indicator), year);
      return FALSE;
    }
  if (rating != NULL && kensho_rating_scale_lookup (scale, rating) == NULL)
    {
      set_error_at (ctx, find_child (element, "rating"), KENSHO_ERROR_INVALID,
                    _("The rating “%s” of “%s” is not in the sheet’s rating scale."),
                    rating, kensho_indicator_get_name (indicator));
      return FALSE;
    }
  for (guint part = 0; part < G_N_ELEMENTS (parts); part++)
    {
      g_autofree char *text = child_text (element, parts[part]);

      kensho_indicator_set_commentary (indicator, fy, part, text);
    }
  kensho_indicator_set_rating_id (indicator, fy, rating);
  kensho_indicator_set_delay_reason (indicator, fy, reason);
  return TRUE;
}

static KenshoNode *
load_indicator (LoadContext *ctx, xmlNode *element)
{
  g_autofree char *id = attribute (element, "id");
  g_autofree char *kind = attribute (element, "kind");
  g_autofree char *direction_text = attribute (element, "direction");
  g_autofree char *name = child_text (element, "name");
  g_autofree char *unit = child_text (element, "unit");
  g_autofree char *division = child_text (element, "division");
  g_autoptr(KenshoIndicator) indicator = NULL;
  KenshoDirection direction = KENSHO_DIRECTION_HIGHER;

  if (!claim_id (ctx, element, id))
    return NULL;
  indicator = _kensho_indicator_new_without_series (g_strcmp0 (kind, "target") == 0 ? KENSHO_INDICATOR_TARGET
                                                                                     : KENSHO_INDICATOR_KPI,
                                                    name);
  kensho_node_set_id (KENSHO_NODE (indicator), id);
  kensho_direction_from_string (direction_text, &direction);
  kensho_indicator_set_direction (indicator, direction);
  kensho_indicator_set_unit (indicator, unit);
  kensho_indicator_set_division (indicator, division);

  FOR_EACH_ELEMENT (child, element)
    {
      if (is_element (child, "acknowledged"))
        {
          g_autofree char *check = attribute (child, "check");

          kensho_indicator_set_acknowledged (indicator, check, TRUE);
        }
      if (is_element (child, "series") && !load_series (ctx, child, indicator))
        return NULL;
      if (is_element (child, "year") && !load_year (ctx, child, indicator))
        return NULL;
    }
  /* The schema wants one series at least; should a file get past it with
   * none, the indicator still gets the one every indicator has. */
  if (kensho_indicator_get_n_series (indicator) == 0)
    {
      g_autoptr(KenshoSeries) series = kensho_series_new (NULL);

      kensho_indicator_insert_series (indicator, 0, series);
    }
  return KENSHO_NODE (g_steal_pointer (&indicator));
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

static KenshoNode *
load_node (LoadContext *ctx, xmlNode *element)
{
  g_autofree char *id = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(KenshoNode) node = NULL;
  KenshoNodeKind kind;

  if (is_element (element, "indicator"))
    return load_indicator (ctx, element);

  if (is_element (element, "goal"))
    kind = KENSHO_NODE_GOAL;
  else if (is_element (element, "subgoal"))
    kind = KENSHO_NODE_SUBGOAL;
  else
    kind = KENSHO_NODE_MEASURE;

  id = attribute (element, "id");
  code = attribute (element, "code");
  title = attribute (element, "title");
  notes = child_text (element, "notes");
  if (!claim_id (ctx, element, id))
    return NULL;
  node = kensho_node_new (kind, code, title);
  kensho_node_set_id (node, id);
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
      set_error_at (ctx, element, KENSHO_ERROR_INVALID,
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
          set_error_at (ctx, child, KENSHO_ERROR_DUPLICATE_ID,
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
      set_error_at (ctx, plan, KENSHO_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_root (LoadContext *ctx, xmlNode *root)
{
  g_autofree char *version = NULL;
  unsigned major = 0, minor = 0;

  if (root == NULL)
    {
      set_error_at_line (ctx, 0, KENSHO_ERROR_NOT_A_SHEET, NULL, "%s",
                         _("The file is empty."));
      return FALSE;
    }
  if (!is_element (root, "sheet"))
    {
      set_error_at (ctx, root, KENSHO_ERROR_NOT_A_SHEET,
                    _("This is not a Kensho sheet: it is an XML file of another kind "
                      "(its main element is <%s>)."),
                    (const char *) root->name);
      return FALSE;
    }
  version = attribute (root, "version");
  if (version == NULL || sscanf (version, "%3u.%3u", &major, &minor) != 2)
    {
      set_error_at (ctx, root, KENSHO_ERROR_INVALID,
                    _("The sheet does not say which version of the format it uses."));
      return FALSE;
    }
  if (major > KENSHO_XML_VERSION_MAJOR)
    {
      set_error_at (ctx, root, KENSHO_ERROR_NEWER_VERSION,
                    _("This sheet was saved by a newer version of Kensho (format %s); "
                      "this version reads format %d.x. Please update Kensho to open it."),
                    version, KENSHO_XML_VERSION_MAJOR);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (LoadContext *ctx, xmlDoc *doc)
{
  xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt (kensho_schema_get ());
  int result;

  xmlRelaxNGSetValidStructuredErrors (validator, (xmlStructuredErrorFunc) on_validation_error, ctx);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  if (result != 0 && ctx->error == NULL)
    set_error_at_line (ctx, 0, KENSHO_ERROR_INVALID, NULL, "%s",
                       _("The sheet does not follow the Kensho format."));
  return result == 0;
}

/* Start tags counted in the raw bytes ("<" and a name's first character):
 * a file with far too many elements is refused at memchr speed, before
 * libxml2 builds a tree of them. Text holds "<" only escaped, so this
 * counts no more than the elements (and a comment's tags, at worst). */
static gboolean
too_many_start_tags (const char *data, gsize size)
{
  const char *end = data + size;
  guint n = 0, max = MAX_ELEMENTS;

  for (const char *p = memchr (data, '<', size); p != NULL && p + 1 < end;
       p = memchr (p + 1, '<', (gsize) (end - p - 1)))
    if ((g_ascii_isalpha (p[1]) || p[1] == '_' || p[1] == ':' || (guchar) p[1] >= 0x80) && ++n > max)
      return TRUE;
  return FALSE;
}

static xmlDoc *
parse (LoadContext *ctx, const char *data, gsize size, int options)
{
  xmlParserCtxtPtr parser;
  xmlDoc *doc;

  if (size == 0)
    {
      set_error_at_line (ctx, 0, KENSHO_ERROR_NOT_A_SHEET, NULL, "%s", _("The file is empty."));
      return NULL;
    }
  if (size > MAX_FILE_SIZE || size > (gsize) G_MAXINT || too_many_start_tags (data, size))
    {
      set_error_at_line (ctx, 0, KENSHO_ERROR_TOO_LARGE, NULL, "%s",
                         _("The file is far larger than any sheet; it was not opened."));
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    g_error ("Out of memory");
  parser->_private = ctx;
  parser->sax->serror = (xmlStructuredErrorFunc) on_parse_error;
  parser->sax->internalSubset = on_internal_subset;
  parser->sax->entityDecl = on_entity_decl;
  parser->sax->startElementNs = on_start_element;
  xmlCtxtUseOptions (parser, 0);

  /* Never XML_PARSE_NOENT, DTDLOAD, DTDVALID or HUGE: entities stay
   * unexpanded, nothing is fetched, and libxml2's size limits hold. */
  doc = xmlCtxtReadMemory (parser, data, (int) size, ctx->display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | options);
  if (doc != NULL && (ctx->error != NULL || !parser->wellFormed))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL && ctx->error == NULL)
    set_error_at_line (ctx, 0, KENSHO_ERROR_NOT_WELL_FORMED, NULL, "%s",
                       _("The file is damaged or is not a sheet."));
  xmlFreeParserCtxt (parser);
  return doc;
}

static KenshoSheet *
load_document (LoadContext *ctx, xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GPtrArray) divisions = g_ptr_array_new_with_free_func (g_free);
  xmlNode *divisions_element;

  /* libxml2's validator is asked only when the quick check is not sure:
   * it took a third of the time of loading a sheet. */
  if (!check_root (ctx, root) || (!kensho_schema_check_document (doc) && !validate (ctx, doc)))
    return NULL;

  ctx->sheet = sheet;
  if (!load_meta (ctx, find_child (root, "meta")) ||
      !load_rating_scale (ctx, find_child (root, "rating-scale")))
    return NULL;

  divisions_element = find_child (root, "divisions");
  if (divisions_element != NULL)
    FOR_EACH_ELEMENT (child, divisions_element)
      g_ptr_array_add (divisions, text_of (child));
  g_ptr_array_add (divisions, NULL);
  kensho_sheet_set_divisions (sheet, (const char * const *) divisions->pdata);

  if (!load_children (ctx, root, kensho_sheet_get_root (sheet), TRUE))
    return NULL;
  return g_steal_pointer (&sheet);
}

static KenshoSheet *
load_with_options (GBytes *bytes, const char *display_name, int options, GError **error)
{
  LoadContext ctx = { .display_name = display_name ? display_name : "sheet.xml", .max_elements = MAX_ELEMENTS };
  KenshoSheet *sheet = NULL;
  gsize size;
  const char *data;
  xmlDoc *doc;

  ctx.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data = g_bytes_get_data (bytes, &size);
  doc = parse (&ctx, data, size, options);
  if (doc != NULL)
    {
      sheet = load_document (&ctx, doc);
      xmlFreeDoc (doc);
    }
  g_hash_table_unref (ctx.ids);
  if (sheet == NULL)
    {
      g_assert (ctx.error != NULL);
      g_propagate_error (error, ctx.error);
    }
  else
    g_clear_error (&ctx.error);
  return sheet;
}

KenshoSheet *
kensho_sheet_xml_load_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  KenshoSheet *sheet;

  g_return_val_if_fail (bytes != NULL, NULL);

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

KenshoSheet *
kensho_sheet_xml_load_file (const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = kensho_file_read_bounded (path, MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return kensho_sheet_xml_load_bytes (bytes, path, error);
}

/* Saving must never produce a file Kensho cannot open again: text that
 * XML cannot carry (invalid UTF-8, control characters) is replaced. */
static char *
xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
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
  static const char *const parts[] = { "activities", "issues", "next-steps" };
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
      for (guint part = 0; part < G_N_ELEMENTS (parts); part++)
        write_element (writer, parts[part], kensho_indicator_get_commentary (indicator, fy, part));
      write_element (writer, "rating", kensho_indicator_get_rating_id (indicator, fy));
      write_element (writer, "delay-reason", kensho_indicator_get_delay_reason (indicator, fy));
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

static gboolean
node_uses_acknowledgements (KenshoNode *node)
{
  guint n = kensho_node_get_n_children (node);

  if (KENSHO_IS_INDICATOR (node) &&
      kensho_indicator_get_acknowledgements (KENSHO_INDICATOR (node))[0] != NULL)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (node_uses_acknowledgements (kensho_node_get_child (node, i)))
      return TRUE;
  return FALSE;
}

/* The lowest minor version that holds what the sheet uses: a sheet with
 * nothing of 1.1 (achievement method, rating rules, acknowledged checks)
 * is still written as 1.0, byte for byte as before, and older Kensho
 * versions open it. */
int
kensho_sheet_xml_needed_minor (KenshoSheet *sheet)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), KENSHO_XML_VERSION_MINOR);

  if (kensho_sheet_get_achievement_method (sheet) != KENSHO_ACHIEVEMENT_RATIO ||
      kensho_rating_scale_has_rules (kensho_sheet_get_rating_scale (sheet)) ||
      node_uses_acknowledgements (kensho_sheet_get_root (sheet)))
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
  write_node (writer, kensho_sheet_get_root (sheet));
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

static const char *
describe_file_error (int code)
{
  switch (code)
    {
    case G_FILE_ERROR_NOSPC: return _("The disk is full.");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM: return _("You do not have permission to write there.");
    case G_FILE_ERROR_ROFS: return _("The disk or folder is read-only.");
    case G_FILE_ERROR_ISDIR: return _("There is a folder of that name.");
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR: return _("The folder does not exist.");
    default: return NULL;
    }
}

gboolean
kensho_write_file_atomically (const char *path, const char *contents, gsize length,
                              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *reason;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO, _("Could not save “%s”: %s"), path,
                   describe_file_error (G_FILE_ERROR_ISDIR));
      return FALSE;
    }
  /* Its temporary file is named so that the next write removes it if this
   * process is killed before the rename. */
  if (kensho_file_write_replace (path, contents, length, &local_error))
    return TRUE;

  reason = describe_file_error (local_error->code);
  g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO, _("Could not save “%s”: %s"), path,
               reason ? reason : local_error->message);
  return FALSE;
}

gboolean
kensho_sheet_xml_save_file (KenshoSheet *sheet, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), FALSE);

  bytes = kensho_sheet_xml_serialize (sheet);
  data = g_bytes_get_data (bytes, &size);
  return kensho_write_file_atomically (path, data, size, error);
}
