/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kensho-indicator-record.h"
#include "kensho-schema-check.h"
#include "kensho-sheet-xml.h"
#include "kensho-types.h"
#include "kensho-util.h"

/* What an open element may hold. */
enum { CONTENT_ELEMENTS, CONTENT_TEXT, CONTENT_EMPTY };

/* The indicator's children, in the order the schema wants them:
 * name, unit?, division?, acknowledged*, series+, year*. */
enum { STAGE_START, STAGE_NAME, STAGE_UNIT, STAGE_DIVISION, STAGE_ACKNOWLEDGED, STAGE_SERIES, STAGE_YEAR };

/* A series' values: baseline?, actual*, target*, final?. */
enum { SERIES_START, SERIES_BASELINE, SERIES_ACTUAL, SERIES_TARGET, SERIES_FINAL };

const char *const kensho_year_part_elements[KENSHO_YEAR_N_PARTS] = {
  "activities", "issues", "next-steps", "rating", "delay-reason", "committee-opinion", "committee-response",
};

void
kensho_indicator_record_init (KenshoIndicatorRecord *record)
{
  memset (record, 0, sizeof *record);
  record->pool = g_string_sized_new (4096);
  record->acknowledged = g_array_new (FALSE, FALSE, sizeof (KenshoRecordText));
  record->series = g_array_new (FALSE, FALSE, sizeof (KenshoSeriesRecord));
  record->values = g_array_new (FALSE, FALSE, sizeof (KenshoValueRecord));
  record->years = g_array_new (FALSE, FALSE, sizeof (KenshoYearRecord));
  kensho_indicator_record_reset (record);
}

void
kensho_indicator_record_clear (KenshoIndicatorRecord *record)
{
  if (record->pool == NULL)
    return;
  g_string_free (record->pool, TRUE);
  g_array_unref (record->acknowledged);
  g_array_unref (record->series);
  g_array_unref (record->values);
  g_array_unref (record->years);
  memset (record, 0, sizeof *record);
}

void
kensho_indicator_record_reset (KenshoIndicatorRecord *record)
{
  g_string_truncate (record->pool, 0);
  record->id = record->kind = record->direction = KENSHO_RECORD_NONE;
  record->name = record->unit = record->division = KENSHO_RECORD_NONE;
  g_array_set_size (record->acknowledged, 0);
  g_array_set_size (record->series, 0);
  g_array_set_size (record->values, 0);
  g_array_set_size (record->years, 0);
  record->where = NULL;
  record->depth = 0;
  record->stage = STAGE_START;
  record->series_stage = SERIES_START;
  record->text_slot = NULL;
  record->text_max = 0;
}

KenshoRecordText
kensho_indicator_record_add_text (KenshoIndicatorRecord *record, const char *text)
{
  KenshoRecordText offset;

  if (text == NULL)
    return KENSHO_RECORD_NONE;
  offset = (KenshoRecordText) record->pool->len;
  g_string_append_len (record->pool, text, (gssize) strlen (text) + 1);
  return offset;
}

/* Events ------------------------------------------------------------------ */

static gboolean
is_name (const xmlChar *name, const char *expected)
{
  return strcmp ((const char *) name, expected) == 0;
}

/* An attribute's value into the pool. libxml2 hands an "&" written as
 * &amp; as "&#38;", to be read again; any other reference is left to the
 * tree. */
static gboolean
add_attribute_value (KenshoIndicatorRecord *record, const xmlChar *value, const xmlChar *end,
                     KenshoRecordText *slot)
{
  const char *p = (const char *) value, *stop = (const char *) end;

  if (*slot != KENSHO_RECORD_NONE)
    return FALSE;
  *slot = (KenshoRecordText) record->pool->len;
  while (p < stop)
    {
      const char *amp = memchr (p, '&', (size_t) (stop - p));

      if (amp == NULL)
        {
          g_string_append_len (record->pool, p, stop - p);
          break;
        }
      g_string_append_len (record->pool, p, amp - p);
      if (stop - amp < 5 || memcmp (amp, "&#38;", 5) != 0)
        return FALSE;
      g_string_append_c (record->pool, '&');
      p = amp + 5;
    }
  g_string_append_c (record->pool, '\0');
  return TRUE;
}

/* The attributes, each one of @names (NULL-terminated) and unqualified,
 * into the slots of the same index. */
static gboolean
read_attributes (KenshoIndicatorRecord *record, int n_attributes, const xmlChar **attributes,
                 const char *const *names, KenshoRecordText **slots)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;
      guint known = 0;

      if (attribute[1] != NULL || attribute[2] != NULL)
        return FALSE;
      while (names[known] != NULL && !is_name (attribute[0], names[known]))
        known++;
      if (names[known] == NULL || !add_attribute_value (record, attribute[3], attribute[4], slots[known]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
one_of (const char *text, const char *const *values)
{
  for (guint i = 0; text != NULL && values[i] != NULL; i++)
    if (strcmp (text, values[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
start_indicator (KenshoIndicatorRecord *record, int n_attributes, const xmlChar **attributes)
{
  static const char *const names[] = { "id", "kind", "direction", NULL };
  static const char *const kinds[] = { "target", "kpi", NULL };
  static const char *const directions[] = { "higher", "lower", "level", NULL };
  KenshoRecordText *slots[] = { &record->id, &record->kind, &record->direction };

  return read_attributes (record, n_attributes, attributes, names, slots) &&
         kensho_schema_is_identifier (kensho_indicator_record_text (record, record->id)) &&
         one_of (kensho_indicator_record_text (record, record->kind), kinds) &&
         one_of (kensho_indicator_record_text (record, record->direction), directions);
}

static gboolean
start_text (KenshoIndicatorRecord *record, KenshoRecordText *slot, gsize max_chars, int n_attributes)
{
  if (n_attributes != 0)
    return FALSE;
  *slot = (KenshoRecordText) record->pool->len;
  record->text_slot = slot;
  record->text_max = max_chars;
  return TRUE;
}

/* A child of <indicator>. */
static gboolean
start_part (KenshoIndicatorRecord *record, const xmlChar *name, int n_attributes,
            const xmlChar **attributes)
{
  guint stage = record->stage;

  if (is_name (name, "name") && stage == STAGE_START)
    {
      record->stage = STAGE_NAME;
      return start_text (record, &record->name, KENSHO_SHORT_TEXT_MAX, n_attributes);
    }
  if (stage == STAGE_START)
    return FALSE;
  if (is_name (name, "unit") && stage < STAGE_UNIT)
    {
      record->stage = STAGE_UNIT;
      return start_text (record, &record->unit, KENSHO_SHORT_TEXT_MAX, n_attributes);
    }
  if (is_name (name, "division") && stage < STAGE_DIVISION)
    {
      record->stage = STAGE_DIVISION;
      return start_text (record, &record->division, KENSHO_SHORT_TEXT_MAX, n_attributes);
    }
  if (is_name (name, "acknowledged") && stage <= STAGE_ACKNOWLEDGED)
    {
      static const char *const names[] = { "check", NULL };
      KenshoRecordText check = KENSHO_RECORD_NONE;
      KenshoRecordText *slots[] = { &check };

      record->stage = STAGE_ACKNOWLEDGED;
      record->content[record->depth] = CONTENT_EMPTY;
      if (!read_attributes (record, n_attributes, attributes, names, slots) ||
          !kensho_schema_is_identifier (kensho_indicator_record_text (record, check)))
        return FALSE;
      g_array_append_val (record->acknowledged, check);
      return TRUE;
    }
  if (is_name (name, "series") && stage <= STAGE_SERIES)
    {
      static const char *const names[] = { "name", NULL };
      KenshoSeriesRecord series = { KENSHO_RECORD_NONE, record->values->len, 0 };
      KenshoRecordText *slots[] = { &series.name };

      record->stage = STAGE_SERIES;
      record->series_stage = SERIES_START;
      record->content[record->depth] = CONTENT_ELEMENTS;
      if (!read_attributes (record, n_attributes, attributes, names, slots) ||
          (series.name != KENSHO_RECORD_NONE &&
           !kensho_text_within (kensho_indicator_record_text (record, series.name), KENSHO_SHORT_TEXT_MAX)))
        return FALSE;
      g_array_append_val (record->series, series);
      return TRUE;
    }
  if (is_name (name, "year") && stage >= STAGE_SERIES)
    {
      static const char *const names[] = { "fy", NULL };
      KenshoRecordText fy = KENSHO_RECORD_NONE;
      KenshoRecordText *slots[] = { &fy };
      KenshoYearRecord year = { 0 };
      const char *fy_text;

      record->stage = STAGE_YEAR;
      record->content[record->depth] = CONTENT_ELEMENTS;
      if (!read_attributes (record, n_attributes, attributes, names, slots))
        return FALSE;
      fy_text = kensho_indicator_record_text (record, fy);
      if (!kensho_schema_is_fiscal_year (fy_text))
        return FALSE;
      year.fiscal_year = (int) g_ascii_strtoll (fy_text, NULL, 10);
      for (guint i = 0; i < KENSHO_YEAR_N_PARTS; i++)
        year.parts[i] = KENSHO_RECORD_NONE;
      g_array_append_val (record->years, year);
      return TRUE;
    }
  return FALSE;
}

/* A value of a series: baseline, actual, target or final. */
static gboolean
start_value (KenshoIndicatorRecord *record, const xmlChar *name, int n_attributes,
             const xmlChar **attributes)
{
  static const char *const names[] = { "fy", "num", "text", "unit", "period", "note", NULL };
  KenshoSeriesRecord *series = &g_array_index (record->series, KenshoSeriesRecord, record->series->len - 1);
  KenshoValueRecord value = { 0, 0, KENSHO_RECORD_NONE, KENSHO_RECORD_NONE, KENSHO_RECORD_NONE,
                              KENSHO_RECORD_NONE, KENSHO_RECORD_NONE, NULL };
  KenshoRecordText fy = KENSHO_RECORD_NONE;
  KenshoRecordText *slots[] = { &fy, &value.num, &value.text, &value.unit, &value.period, &value.note };
  guint stage = record->series_stage;
  const char *num, *text, *unit, *period, *note;

  if (is_name (name, "baseline") && stage < SERIES_BASELINE)
    value.slot = KENSHO_VALUE_SLOT_BASELINE, record->series_stage = SERIES_BASELINE;
  else if (is_name (name, "actual") && stage <= SERIES_ACTUAL)
    value.slot = KENSHO_VALUE_SLOT_ACTUAL, record->series_stage = SERIES_ACTUAL;
  else if (is_name (name, "target") && stage <= SERIES_TARGET)
    value.slot = KENSHO_VALUE_SLOT_TARGET, record->series_stage = SERIES_TARGET;
  else if (is_name (name, "final") && stage < SERIES_FINAL)
    value.slot = KENSHO_VALUE_SLOT_FINAL, record->series_stage = SERIES_FINAL;
  else
    return FALSE;
  record->content[record->depth] = CONTENT_EMPTY;
  if (!read_attributes (record, n_attributes, attributes, names, slots))
    return FALSE;
  if (value.slot == KENSHO_VALUE_SLOT_ACTUAL || value.slot == KENSHO_VALUE_SLOT_TARGET)
    {
      const char *fy_text = kensho_indicator_record_text (record, fy);

      if (!kensho_schema_is_fiscal_year (fy_text))
        return FALSE;
      value.fiscal_year = (int) g_ascii_strtoll (fy_text, NULL, 10);
    }
  else if (fy != KENSHO_RECORD_NONE)
    return FALSE;
  num = kensho_indicator_record_text (record, value.num);
  text = kensho_indicator_record_text (record, value.text);
  unit = kensho_indicator_record_text (record, value.unit);
  period = kensho_indicator_record_text (record, value.period);
  note = kensho_indicator_record_text (record, value.note);
  if ((num == NULL) == (text == NULL) ||
      !(num == NULL || kensho_text_within (num, 64)) ||
      !(text == NULL || kensho_text_within (text, KENSHO_LONG_TEXT_MAX)) ||
      !(unit == NULL || kensho_text_within (unit, KENSHO_SHORT_TEXT_MAX)) ||
      !(period == NULL || kensho_text_within (period, KENSHO_SHORT_TEXT_MAX)) ||
      !(note == NULL || kensho_text_within (note, KENSHO_SHORT_TEXT_MAX)))
    return FALSE;
  g_array_append_val (record->values, value);
  series->n_values++;
  return TRUE;
}

/* A text of a year, in the parts' order. */
static gboolean
start_year_part (KenshoIndicatorRecord *record, const xmlChar *name, int n_attributes)
{
  KenshoYearRecord *year = &g_array_index (record->years, KenshoYearRecord, record->years->len - 1);

  for (guint i = 0; i < KENSHO_YEAR_N_PARTS; i++)
    if (is_name (name, kensho_year_part_elements[i]))
      {
        /* Each once, after those before it. */
        for (guint later = i; later < KENSHO_YEAR_N_PARTS; later++)
          if (year->parts[later] != KENSHO_RECORD_NONE)
            return FALSE;
        return start_text (record, &year->parts[i], i == KENSHO_YEAR_RATING ? 0 : KENSHO_LONG_TEXT_MAX,
                           n_attributes);
      }
  return FALSE;
}

gboolean
kensho_indicator_record_start_element (KenshoIndicatorRecord *record, const xmlChar *localname,
                                       const xmlChar *uri, int n_namespaces, int n_attributes,
                                       const xmlChar **attributes)
{
  guint depth = record->depth;
  gboolean sure;

  if (uri == NULL || strcmp ((const char *) uri, KENSHO_XML_NAMESPACE) != 0 || n_namespaces != 0 ||
      depth >= G_N_ELEMENTS (record->content) - 1 || (depth > 0 && record->content[depth] != CONTENT_ELEMENTS))
    return FALSE;
  record->depth = ++depth;
  record->content[depth] = CONTENT_TEXT;
  if (depth == 1)
    {
      record->content[depth] = CONTENT_ELEMENTS;
      sure = is_name (localname, "indicator") && start_indicator (record, n_attributes, attributes);
    }
  else if (depth == 2)
    sure = start_part (record, localname, n_attributes, attributes);
  else if (record->stage == STAGE_SERIES)
    sure = start_value (record, localname, n_attributes, attributes);
  else
    sure = start_year_part (record, localname, n_attributes);
  return sure;
}

gboolean
kensho_indicator_record_characters (KenshoIndicatorRecord *record, const xmlChar *text, int length)
{
  switch (record->content[record->depth])
    {
    case CONTENT_TEXT:
      g_string_append_len (record->pool, (const char *) text, length);
      return TRUE;
    case CONTENT_ELEMENTS:
      return kensho_xml_is_space (text, length);
    default:
      return FALSE;
    }
}

gboolean
kensho_indicator_record_end_element (KenshoIndicatorRecord *record, gboolean *done)
{
  *done = FALSE;
  if (record->depth == 0)
    return FALSE;
  if (record->content[record->depth] == CONTENT_TEXT)
    {
      const char *text;

      g_string_append_c (record->pool, '\0');
      text = record->pool->str + *record->text_slot;
      /* The rating is an identifier; the other texts have a length. */
      if (record->text_max == 0 ? !kensho_schema_is_identifier (text)
                                : !kensho_text_within (text, record->text_max))
        return FALSE;
    }
  record->depth--;
  if (record->depth == 0)
    {
      *done = TRUE;
      return record->stage >= STAGE_SERIES;
    }
  return TRUE;
}
