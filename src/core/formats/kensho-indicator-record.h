/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/xmlstring.h>

G_BEGIN_DECLS

/* One <indicator> of a sheet file as plain data, before it is a model
 * object: its texts in one pool, its series' values and its years in
 * arrays. The loader fills it either from libxml2's tree of the element or,
 * reading a file as a stream, straight from the parser's events, so that
 * an indicator (nine tenths of a sheet) never becomes a tree; either way the
 * same code then makes the model object of it. */

/* A text of the record: an offset into its pool, or KENSHO_RECORD_NONE. */
typedef gssize KenshoRecordText;
#define KENSHO_RECORD_NONE ((KenshoRecordText) -1)

typedef enum
{
  KENSHO_VALUE_SLOT_BASELINE,
  KENSHO_VALUE_SLOT_ACTUAL,
  KENSHO_VALUE_SLOT_TARGET,
  KENSHO_VALUE_SLOT_FINAL,
} KenshoValueSlot;

/* A year's texts, in the file's order: activities, issues, next-steps,
 * rating, delay-reason, committee-opinion, committee-response. The three
 * of the commentary and the two of the committee are in the order of
 * KenshoCommentaryPart and KenshoCommitteePart. */
typedef enum
{
  KENSHO_YEAR_ACTIVITIES,
  KENSHO_YEAR_ISSUES,
  KENSHO_YEAR_NEXT_STEPS,
  KENSHO_YEAR_RATING,
  KENSHO_YEAR_DELAY_REASON,
  KENSHO_YEAR_COMMITTEE_OPINION,
  KENSHO_YEAR_COMMITTEE_RESPONSE,
  KENSHO_YEAR_N_PARTS
} KenshoYearPart;

/* The elements of a <year>, by KenshoYearPart. */
extern const char *const kensho_year_part_elements[KENSHO_YEAR_N_PARTS];

/* XML's white space only: what the schema ignores between elements. */
static inline gboolean
kensho_xml_is_space (const xmlChar *text, int length)
{
  for (int i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
      return FALSE;
  return TRUE;
}

/* "where": the element it came from, for a message naming its line; NULL
 * when read from events (a file with a problem is read again as a tree). */
typedef struct
{
  KenshoValueSlot slot;
  int fiscal_year;          /* actual and target */
  KenshoRecordText num, text, unit, period, note;
  gconstpointer where;
} KenshoValueRecord;

typedef struct
{
  KenshoRecordText name;
  guint first_value;        /* into the record's values */
  guint n_values;
} KenshoSeriesRecord;

typedef struct
{
  int fiscal_year;
  KenshoRecordText parts[KENSHO_YEAR_N_PARTS];
  gconstpointer where;
  gconstpointer rating_where;
} KenshoYearRecord;

typedef struct
{
  GString *pool;
  KenshoRecordText id, kind, direction, name, unit, division;
  GArray *acknowledged;     /* KenshoRecordText: the checks */
  GArray *series;           /* KenshoSeriesRecord */
  GArray *values;           /* KenshoValueRecord */
  GArray *years;            /* KenshoYearRecord */
  gconstpointer where;

  /* Reading events: the open elements and where their text goes. */
  guint depth;
  guint content[4];
  guint stage;
  guint series_stage;
  KenshoRecordText *text_slot;
  gsize text_max;
} KenshoIndicatorRecord;

void        kensho_indicator_record_init    (KenshoIndicatorRecord *record);
void        kensho_indicator_record_clear   (KenshoIndicatorRecord *record);
/* Empties it for the next indicator, keeping its memory. */
void        kensho_indicator_record_reset   (KenshoIndicatorRecord *record);

KenshoRecordText kensho_indicator_record_add_text (KenshoIndicatorRecord *record,
                                                   const char            *text);
static inline const char *
kensho_indicator_record_text (const KenshoIndicatorRecord *record, KenshoRecordText text)
{
  return text == KENSHO_RECORD_NONE ? NULL : record->pool->str + text;
}

/* The parser's events from the <indicator> start tag to its end tag, with
 * the schema's rules for an indicator (kensho-schema-check's) checked on
 * the way. Each returns FALSE at anything they are not sure of (an
 * unknown element, a comment, text where only elements go, a value the
 * schema refuses): the caller then reads the file as a tree. The start
 * tag's attributes come as libxml2 gives them, five pointers each. */
gboolean    kensho_indicator_record_start_element (KenshoIndicatorRecord *record,
                                                   const xmlChar         *localname,
                                                   const xmlChar         *uri,
                                                   int                    n_namespaces,
                                                   int                    n_attributes,
                                                   const xmlChar        **attributes);
gboolean    kensho_indicator_record_characters    (KenshoIndicatorRecord *record,
                                                   const xmlChar         *text,
                                                   int                    length);
/* *done is TRUE at the indicator's own end tag: the record is complete. */
gboolean    kensho_indicator_record_end_element   (KenshoIndicatorRecord *record,
                                                   gboolean              *done);

G_END_DECLS
