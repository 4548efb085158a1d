/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quick schema check against libxml2's RELAX NG validator: it must
 * never accept what the schema refuses (a file would then be loaded
 * unchecked), and it must accept the sheets Kensho writes (else loading
 * would be as slow as before, silently). */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <libxml/parser.h>

#include "kensho-handout.h"
#include "kensho-schema-check.h"
#include "kensho-sheet-xml.h"
#include "test-asan.h"

static xmlDoc *
read_doc (const char *path)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);

  g_assert_nonnull (doc);
  return doc;
}

/* Every valid file of the tests, the sample, and a saved copy of each. */
static void
test_accepts_valid_sheets (void)
{
  const char *paths[] = {
    g_getenv ("KENSHO_SAMPLE"),
    g_test_get_filename (G_TEST_DIST, "data", "valid", "achievement-rules.xml", NULL),
    g_test_get_filename (G_TEST_DIST, "data", "valid", "empty-sheet.xml", NULL),
    g_test_get_filename (G_TEST_DIST, "data", "valid", "minimal.xml", NULL),
    g_test_get_filename (G_TEST_DIST, "data", "valid", "no-subgoals.xml", NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      xmlDoc *doc = read_doc (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (paths[i], &error);
      g_autoptr(GBytes) saved = NULL;
      xmlDoc *saved_doc;
      gsize size;
      const char *data;

      g_test_message ("%s", paths[i]);
      g_assert_true (kensho_schema_validate_document (doc));
      g_assert_true (kensho_schema_check_document (doc));
      xmlFreeDoc (doc);

      g_assert_no_error (error);
      saved = kensho_sheet_xml_serialize (sheet);
      data = g_bytes_get_data (saved, &size);
      saved_doc = xmlReadMemory (data, (int) size, "saved.xml", NULL, XML_PARSE_NONET);
      g_assert_true (kensho_schema_check_document (saved_doc));
      xmlFreeDoc (saved_doc);
    }
}

/* Values the schema's datatypes are picky about. */
static const char *const odd_values[] = {
  "", " ", "x", "2023", "1899", "2201", "02023", " 2023", "+2023", "-1", "1e3", "0", "1",
  "true", "false", "yes", "abc def", "a", "_a.b-c", "1abc", "#12ab9F", "#12345g", "#1234567",
  "100000", "100000.5", "-100000", "-100000.1", "99.5", ".5", "5.", "50%", "1.0", "1.2.3",
  "1000.1000", "ratio", "progress", "expected", "Ratio", "target", "kpi", "higher", "lower",
  "level", "not-computable", "Level", "9999999", "\xe4\xbb\xa4\xe5\x92\x8c" /* 令和 */,
  /* identifiers of 64 and 65 characters */
  "a123456789012345678901234567890123456789012345678901234567890123",
  "a1234567890123456789012345678901234567890123456789012345678901234",
};

static const char *const element_names[] = {
  "sheet", "meta", "municipality", "title", "label", "notes", "fiscal-year", "plan",
  "baseline-year", "achievement-method", "rating-scale", "rating", "divisions", "division",
  "goal", "subgoal", "measure", "indicator", "name", "unit", "acknowledged", "series",
  "baseline", "actual", "target", "final", "year", "activities", "issues", "next-steps",
  "delay-reason", "other",
};

static const char *const attribute_names[] = {
  "version", "first", "last", "name", "id", "colour", "delayed", "at-least", "below", "when",
  "code", "title", "kind", "direction", "check", "num", "text", "unit", "period", "note", "fy",
  "other",
};

static const char *
pick (GRand *rand, const char *const *strings, guint n)
{
  return strings[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, array) pick ((rand), (array), G_N_ELEMENTS (array))

static void
collect_elements (xmlNode *node, GPtrArray *elements)
{
  for (; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      {
        g_ptr_array_add (elements, node);
        collect_elements (node->children, elements);
      }
}

static char *
long_text (guint chars)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < chars; i++)
    g_string_append (text, "\xe3\x81\x82"); /* あ: three bytes, one character */
  return g_string_free (text, FALSE);
}

static void
set_text (xmlNode *node, const char *text)
{
  xmlNodeSetContent (node, NULL);
  xmlNodeAddContent (node, BAD_CAST text);
}

/* One change somewhere in the document, of the kinds people and broken
 * programs make. */
static void
mutate (xmlDoc *doc, GRand *rand)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  xmlNode *node;
  xmlAttr *attr;
  guint n_attributes = 0;

  collect_elements (xmlDocGetRootElement (doc), elements);
  node = g_ptr_array_index (elements, g_rand_int_range (rand, 0, (gint32) elements->len));
  for (attr = node->properties; attr; attr = attr->next)
    n_attributes++;

  switch (g_rand_int_range (rand, 0, 16))
    {
    case 0: /* an element removed */
      if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
      break;
    case 1: /* an element twice */
      if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
        xmlAddNextSibling (node, xmlCopyNode (node, 1));
      break;
    case 2: /* two elements swapped */
      if (node->prev != NULL)
        {
          xmlNode *prev = node->prev;

          xmlUnlinkNode (node);
          xmlAddPrevSibling (prev, node);
        }
      break;
    case 3: /* an attribute removed */
      if (n_attributes > 0)
        {
          guint which = (guint) g_rand_int_range (rand, 0, (gint32) n_attributes);

          for (attr = node->properties; which > 0; which--)
            attr = attr->next;
          xmlRemoveProp (attr);
        }
      break;
    case 4: /* an attribute added or changed */
    case 5:
      xmlSetProp (node, BAD_CAST PICK (rand, attribute_names), BAD_CAST PICK (rand, odd_values));
      break;
    case 6: /* an attribute's value changed */
      if (n_attributes > 0)
        xmlSetProp (node, node->properties->name, BAD_CAST PICK (rand, odd_values));
      break;
    case 7: /* an element's text changed (or its children replaced by text) */
      set_text (node, PICK (rand, odd_values));
      break;
    case 8: /* a child element added */
      xmlNewChild (node, node->ns, BAD_CAST PICK (rand, element_names),
                   g_rand_boolean (rand) ? BAD_CAST PICK (rand, odd_values) : NULL);
      break;
    case 9: /* renamed */
      xmlNodeSetName (node, BAD_CAST PICK (rand, element_names));
      break;
    case 10: /* out of the namespace */
      xmlSetNs (node, NULL);
      break;
    case 11: /* text beside elements */
      xmlAddChild (node, xmlNewText (BAD_CAST (g_rand_boolean (rand) ? "  \n" : "x")));
      break;
    case 12: /* a comment */
      xmlAddChild (node, xmlNewComment (BAD_CAST "c"));
      break;
    case 13: /* a text at or past the length of its kind */
      {
        static const guint lengths[] = { 64, 65, 1000, 1001 };
        g_autofree char *text = long_text (lengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (lengths))]);

        if (g_rand_boolean (rand) && n_attributes > 0)
          xmlSetProp (node, node->properties->name, BAD_CAST text);
        else
          set_text (node, text);
      }
      break;
    case 14: /* moved into another element (a goal into a measure...) */
    case 15:
      {
        xmlNode *into = g_ptr_array_index (elements, g_rand_int_range (rand, 0, (gint32) elements->len));
        xmlNode *ancestor = into;

        while (ancestor != NULL && ancestor != node)
          ancestor = ancestor->parent;
        if (ancestor == NULL && node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
          {
            xmlUnlinkNode (node);
            xmlAddChild (into, node);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_never_accepts_what_the_schema_refuses (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autofree char *contents = NULL;
  gsize length;
  guint both_accept = 0, both_refuse = 0, only_schema = 0;
  /* Under AddressSanitizer every allocation of libxml2 unwinds its stack
   * (ASAN_OPTIONS in tests/meson.build): fewer cases, the same checks. */
#ifdef UNDER_ASAN
  const guint cases = 200;
#else
  const guint cases = 4000;
#endif

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  for (guint i = 0; i < cases; i++)
    {
      xmlDoc *doc = xmlReadMemory (contents, (int) length, "sample.xml", NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
      guint changes = (guint) g_rand_int_range (rand, 1, 4);
      gboolean quick, schema;

      for (guint c = 0; c < changes; c++)
        mutate (doc, rand);
      quick = kensho_schema_check_document (doc);
      schema = kensho_schema_validate_document (doc);
      if (quick && !schema)
        {
          xmlChar *text = NULL;
          int size = 0;

          xmlDocDumpMemory (doc, &text, &size);
          g_test_message ("case %u, accepted by the quick check only:\n%s", i, (const char *) text);
          xmlFree (text);
        }
      g_assert_false (quick && !schema);
      both_accept += quick && schema;
      both_refuse += !quick && !schema;
      only_schema += !quick && schema;
      xmlFreeDoc (doc);
    }
  g_test_message ("%u cases: %u accepted by both, %u refused by both, %u left to libxml2 "
                  "though valid", cases, both_accept, both_refuse, only_schema);
  /* The changes must have bitten, and the quick check must have said yes
   * to many changed but still valid sheets. */
  g_assert_cmpuint (both_refuse, >, cases / 4);
  g_assert_cmpuint (both_accept, >, cases / 10);
}

/* Targeted changes, one rule each: random ones rarely hit a rule that
 * takes two exact choices (a subgoal moved into a measure). */

static xmlNode *
find_first (xmlNode *node, const char *name)
{
  for (; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      {
        xmlNode *found;

        if (xmlStrEqual (node->name, BAD_CAST name))
          return node;
        if ((found = find_first (node->children, name)) != NULL)
          return found;
      }
  return NULL;
}

static xmlNode *
first (xmlDoc *doc, const char *name)
{
  xmlNode *node = find_first (xmlDocGetRootElement (doc), name);

  g_assert_nonnull (node);
  return node;
}

static void
move_into (xmlDoc *doc, const char *what, const char *into)
{
  xmlNode *node = first (doc, what);

  xmlUnlinkNode (node);
  xmlAddChild (first (doc, into), node);
}

static void
move_to_end (xmlDoc *doc, const char *what)
{
  xmlNode *node = first (doc, what);
  xmlNode *parent = node->parent;

  xmlUnlinkNode (node);
  xmlAddChild (parent, node);
}

static void
remove_all (xmlDoc *doc, const char *name)
{
  xmlNode *node;

  while ((node = find_first (xmlDocGetRootElement (doc), name)) != NULL)
    {
      xmlUnlinkNode (node);
      xmlFreeNode (node);
    }
}

static void
set (xmlDoc *doc, const char *element, const char *attribute, const char *value)
{
  xmlSetProp (first (doc, element), BAD_CAST attribute, BAD_CAST value);
}

#define ID_64 "a123456789012345678901234567890123456789012345678901234567890123"
#define ID_65 ID_64 "4"

static void r_id_65 (xmlDoc *d) { set (d, "indicator", "id", ID_65); }
static void r_year_2201 (xmlDoc *d) { set (d, "actual", "fy", "2201"); }
static void r_plan_1899 (xmlDoc *d) { set (d, "plan", "first", "1899"); }
static void r_kind (xmlDoc *d) { set (d, "indicator", "kind", "goal"); }
static void r_direction (xmlDoc *d) { set (d, "indicator", "direction", "up"); }
static void r_colour (xmlDoc *d) { set (d, "rating", "colour", "#12345"); }
static void r_band (xmlDoc *d) { set (d, "rating", "at-least", "100000.5"); }
static void r_band_and_when (xmlDoc *d) { set (d, "rating", "at-least", "80"); set (d, "rating", "when", "not-computable"); }
static void r_delayed (xmlDoc *d) { set (d, "rating", "delayed", "yes"); }
static void r_version (xmlDoc *d) { set (d, "sheet", "version", "1"); }
static void r_unknown_attribute (xmlDoc *d) { set (d, "series", "other", "x"); }
static void r_num_and_text (xmlDoc *d) { set (d, "actual", "text", "x"); }
static void r_no_num_nor_text (xmlDoc *d) { xmlUnsetProp (first (d, "actual"), BAD_CAST "num"); }
static void r_num_65 (xmlDoc *d) { set (d, "actual", "num", ID_65); }
static void r_subgoal_in_measure (xmlDoc *d) { move_into (d, "subgoal", "measure"); }
static void r_measure_in_measure (xmlDoc *d) { xmlAddChild (first (d, "measure"), xmlCopyNode (first (d, "measure"), 1)); }
static void r_goal_in_subgoal (xmlDoc *d) { xmlAddChild (first (d, "subgoal"), xmlCopyNode (first (d, "goal"), 1)); }
static void r_no_series (xmlDoc *d) { remove_all (d, "series"); }
static void r_name_last (xmlDoc *d) { move_to_end (d, "name"); }
static void r_series_after_year (xmlDoc *d) { move_to_end (d, "series"); }
static void r_no_municipality (xmlDoc *d) { remove_all (d, "municipality"); }
static void r_no_rating (xmlDoc *d) { remove_all (d, "rating"); }
static void r_text_in_series (xmlDoc *d) { xmlAddChild (first (d, "series"), xmlNewText (BAD_CAST "x")); }
static void r_foreign_element (xmlDoc *d) { xmlSetNs (first (d, "unit"), NULL); }
static void
r_rating_not_identifier (xmlDoc *d)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();

  collect_elements (xmlDocGetRootElement (d), elements);
  for (guint i = 0; i < elements->len; i++)
    {
      xmlNode *node = g_ptr_array_index (elements, i);

      if (xmlStrEqual (node->name, BAD_CAST "rating") && xmlStrEqual (node->parent->name, BAD_CAST "year"))
        {
          xmlNodeSetContent (node, BAD_CAST "1 a");
          return;
        }
    }
  g_assert_not_reached ();
}

static void a_id_64 (xmlDoc *d) { set (d, "indicator", "id", ID_64); }
static void a_year_2200 (xmlDoc *d) { set (d, "actual", "fy", "2200"); }
static void a_band (xmlDoc *d) { set (d, "rating", "at-least", "100000"); set (d, "rating", "below", "-99.5"); }
static void a_when (xmlDoc *d) { set (d, "rating", "when", "not-computable"); }
static void a_text_value (xmlDoc *d) { xmlUnsetProp (first (d, "actual"), BAD_CAST "num"); set (d, "actual", "text", "待機児童なし"); }
static void a_no_divisions (xmlDoc *d) { remove_all (d, "divisions"); }
static void a_measure_in_goal (xmlDoc *d) { xmlAddChild (first (d, "goal"), xmlCopyNode (first (d, "measure"), 1)); }

typedef struct
{
  const char *what;
  void (*edit) (xmlDoc *doc);
} Edit;

static const Edit refused[] = {
  { "an id of 65 characters", r_id_65 }, { "a year after 2200", r_year_2201 },
  { "a plan before 1900", r_plan_1899 }, { "an unknown kind", r_kind },
  { "an unknown direction", r_direction }, { "a colour of five digits", r_colour },
  { "a band above 100000%", r_band }, { "a band that also says not computable", r_band_and_when },
  { "delayed=yes", r_delayed }, { "a version with no minor number", r_version },
  { "an unknown attribute", r_unknown_attribute }, { "a value with num and text", r_num_and_text },
  { "a value with neither num nor text", r_no_num_nor_text }, { "a number of 65 characters", r_num_65 },
  { "a subgoal in a measure", r_subgoal_in_measure }, { "a measure in a measure", r_measure_in_measure },
  { "a goal in a subgoal", r_goal_in_subgoal }, { "indicators without series", r_no_series },
  { "the name after the values", r_name_last }, { "a series after the years", r_series_after_year },
  { "no municipality", r_no_municipality }, { "a rating scale without ratings", r_no_rating },
  { "text between elements", r_text_in_series }, { "an element of no namespace", r_foreign_element },
  { "a rating that is not an identifier", r_rating_not_identifier },
};

static const Edit accepted[] = {
  { "an id of 64 characters", a_id_64 }, { "the year 2200", a_year_2200 },
  { "bands at the limits", a_band }, { "a rating for not computable", a_when },
  { "a text value", a_text_value }, { "no divisions list", a_no_divisions },
  { "a measure right under a goal", a_measure_in_goal },
};

static xmlDoc *
sample_doc (void)
{
  return read_doc (g_getenv ("KENSHO_SAMPLE"));
}

/* Each edit made to a fresh document from @make: both validators agree. */
static void
check_edits (xmlDoc *(*make) (void), const Edit *edits, guint n, gboolean valid)
{
  for (guint i = 0; i < n; i++)
    {
      xmlDoc *doc = make ();

      g_test_message ("%s", edits[i].what);
      edits[i].edit (doc);
      g_assert_cmpint (kensho_schema_validate_document (doc), ==, valid);
      g_assert_cmpint (kensho_schema_check_document (doc), ==, valid);
      xmlFreeDoc (doc);
    }
}

static void
test_each_rule (void)
{
  check_edits (sample_doc, refused, G_N_ELEMENTS (refused), FALSE);
  check_edits (sample_doc, accepted, G_N_ELEMENTS (accepted), TRUE);
}

/* A hand-out file of the sample, parsed. */
static xmlDoc *
handout_doc (const char *division)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_autoptr(KenshoSheet) handout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_assert_no_error (error);
  handout = kensho_handout_new (sheet, division, "2023-06-30", "企画調整課 内線123", &error);
  g_assert_no_error (error);
  bytes = kensho_sheet_xml_serialize (handout);
  data = g_bytes_get_data (bytes, &size);
  return xmlReadMemory (data, (int) size, "handout.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
}

/* Every division's hand-out passes the quick check, so it never waits
 * for the RELAX NG validator. */
static void
test_accepts_handouts (void)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), NULL);
  g_auto(GStrv) divisions = kensho_handout_dup_divisions (sheet);

  g_assert_cmpuint (g_strv_length (divisions), >, 0);
  for (guint i = 0; divisions[i] != NULL; i++)
    {
      xmlDoc *doc = handout_doc (divisions[i]);

      g_test_message ("%s", divisions[i]);
      g_assert_true (kensho_schema_validate_document (doc));
      g_assert_true (kensho_schema_check_document (doc));
      xmlFreeDoc (doc);
    }
}

static xmlNode *
handout_element (xmlDoc *doc)
{
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "handout"))
      return node;
  g_assert_not_reached ();
}

static xmlNode *
base_element (xmlDoc *doc)
{
  xmlNode *node = handout_element (doc)->children;

  g_assert_true (xmlStrEqual (node->name, BAD_CAST "base"));
  return node;
}

static void h_due (xmlDoc *d) { xmlSetProp (handout_element (d), BAD_CAST "due", BAD_CAST "2023-6-30"); }
static void h_id (xmlDoc *d) { xmlSetProp (handout_element (d), BAD_CAST "id", BAD_CAST "1abc"); }
static void h_other (xmlDoc *d) { xmlSetProp (handout_element (d), BAD_CAST "other", BAD_CAST "x"); }
static void h_no_division (xmlDoc *d) { xmlUnsetProp (handout_element (d), BAD_CAST "division"); }
static void h_base_char (xmlDoc *d) { set_text (base_element (d), "QUJD*A=="); }
static void h_base_length (xmlDoc *d) { set_text (base_element (d), "QUJDRA="); }
static void h_two_bases (xmlDoc *d) { xmlAddChild (handout_element (d), xmlCopyNode (base_element (d), 1)); }
static void h_after_goal (xmlDoc *d) { xmlNode *h = handout_element (d); xmlUnlinkNode (h); xmlAddChild (xmlDocGetRootElement (d), h); }
static void h_no_due (xmlDoc *d) { xmlUnsetProp (handout_element (d), BAD_CAST "due"); }
static void h_no_base (xmlDoc *d) { xmlNode *b = base_element (d); xmlUnlinkNode (b); xmlFreeNode (b); }
static void h_empty_base (xmlDoc *d) { set_text (base_element (d), ""); }
static void h_padded_base (xmlDoc *d) { set_text (base_element (d), "QUJDRA=="); }

static const Edit handout_refused[] = {
  { "a due date without its zeros", h_due }, { "a hand-out id that is not an identifier", h_id },
  { "an unknown attribute", h_other }, { "no division", h_no_division },
  { "a base with a stray character", h_base_char }, { "a base of the wrong length", h_base_length },
  { "two bases", h_two_bases }, { "the hand-out after the goals", h_after_goal },
};

static const Edit handout_accepted[] = {
  { "no due date", h_no_due }, { "no base", h_no_base },
  { "an empty base", h_empty_base }, { "a padded base", h_padded_base },
};

static xmlDoc *
one_handout_doc (void)
{
  return handout_doc ("子育て支援課");
}

static void
test_handout_rules (void)
{
  check_edits (one_handout_doc, handout_refused, G_N_ELEMENTS (handout_refused), FALSE);
  check_edits (one_handout_doc, handout_accepted, G_N_ELEMENTS (handout_accepted), TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema-check/accepts-valid-sheets", test_accepts_valid_sheets);
  g_test_add_func ("/schema-check/each-rule", test_each_rule);
  g_test_add_func ("/schema-check/accepts-handouts", test_accepts_handouts);
  g_test_add_func ("/schema-check/handout-rules", test_handout_rules);
  g_test_add_func ("/schema-check/never-accepts-what-the-schema-refuses",
                   test_never_accepts_what_the_schema_refuses);
  return g_test_run ();
}
