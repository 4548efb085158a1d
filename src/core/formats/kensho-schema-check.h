/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "kensho-types.h"

G_BEGIN_DECLS

/* The rules of data/kensho-sheet.rng, written out for the documents Kensho
 * itself writes, so that a well-formed sheet is not also walked by
 * libxml2's RELAX NG validator, which takes longer than parsing the file.
 *
 * Conservative by design: TRUE only when the schema accepts the document.
 * FALSE means "not sure": anything unusual (a comment, a leading zero, an
 * entity reference, text where the schema ignores whitespace) is left to
 * the RELAX NG validator, which decides and words the message. The test
 * schema-check holds the two against each other on thousands of altered
 * sheets, and fuzz-sheet-xml does on random ones. */
gboolean     kensho_schema_check_document    (xmlDoc *doc);

/* The same rules a part at a time, for the loader that reads a file as a
 * stream and frees each part once it is in the model: the root's and an
 * outline node's (goal, subgoal, measure) own attributes, without their
 * children; an outline node's <notes>; the other parts whole. */
gboolean     kensho_schema_check_root_element    (xmlNode *root);
gboolean     kensho_schema_check_outline_element (xmlNode *node);
gboolean     kensho_schema_check_notes           (xmlNode *node);
gboolean     kensho_schema_check_indicator       (xmlNode *node);
gboolean     kensho_schema_check_meta            (xmlNode *node);
gboolean     kensho_schema_check_rating_scale    (xmlNode *node);
gboolean     kensho_schema_check_divisions       (xmlNode *node);

/* Two of the schema's datatypes: a fiscal year (four digits, 1900 to
 * 2200) and an identifier ([A-Za-z_][A-Za-z0-9_.-]{0,63}); NULL is neither. */
gboolean     kensho_schema_is_fiscal_year        (const char *text);
gboolean     kensho_schema_is_identifier         (const char *text);

/* The first text of the document longer than the schema allows: the
 * element, and the attribute (NULL for the element's own text). libxml2
 * says only that the value is "of the wrong form". */
gboolean     kensho_schema_find_too_long     (xmlDoc      *doc,
                                              xmlNode    **element,
                                              const char **attribute,
                                              gsize       *length,
                                              gsize       *limit);

typedef enum
{
  KENSHO_SCHEMA_VALUE_NONE,
  KENSHO_SCHEMA_VALUE_YEAR,
  KENSHO_SCHEMA_VALUE_PERCENT,
  KENSHO_SCHEMA_VALUE_BOOLEAN,
} KenshoSchemaValueKind;

/* The first year, percentage or boolean of a valid document not written
 * as Kensho writes it: the schema's datatypes also take " 2023", "+2023",
 * "02023" and " true", which docs/FORMAT.md does not. NONE if there is none. */
KenshoSchemaValueKind kensho_schema_find_loose_value (xmlDoc      *doc,
                                                      xmlNode    **element,
                                                      const char **attribute,
                                                      const char **value);

/* The schema itself (data/kensho-sheet.rng, compiled in), parsed once. */
xmlRelaxNGPtr kensho_schema_get              (void);
/* libxml2's verdict, silently: what the quick check is held against. */
gboolean     kensho_schema_validate_document (xmlDoc *doc);

G_END_DECLS
