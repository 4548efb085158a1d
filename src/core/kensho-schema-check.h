/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

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

/* The schema itself (data/kensho-sheet.rng, compiled in), parsed once. */
xmlRelaxNGPtr kensho_schema_get              (void);
/* libxml2's verdict, silently: what the quick check is held against. */
gboolean     kensho_schema_validate_document (xmlDoc *doc);

G_END_DECLS
