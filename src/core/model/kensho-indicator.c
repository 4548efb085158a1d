/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kensho-indicator.h"
#include "kensho-node-private.h"
#include "kensho-util.h"
#include "kensho-year-map.h"

/* What is written for one fiscal year. */
typedef struct
{
  char *commentary[3];
  char *rating_id;
  char *delay_reason;
  char *committee[2]; /* KenshoCommitteePart: 委員会意見, 対応方針 */
} YearRecord;

struct _KenshoIndicator
{
  KenshoNode parent_instance;
  KenshoIndicatorKind kind;
  KenshoDirection direction;
  char *unit;
  char *division;
  /* Owned, n_series long (one, mostly): a GListStore cost ~200 bytes more
   * per indicator. */
  KenshoSeries **series;
  guint n_series;
  KenshoYearMap years; /* fiscal year → YearRecord */
  GStrv acknowledged; /* ids of checks a person said do not apply, sorted */
};

G_DEFINE_FINAL_TYPE (KenshoIndicator, kensho_indicator, KENSHO_TYPE_NODE)

static void
year_record_free (YearRecord *record)
{
  for (guint i = 0; i < G_N_ELEMENTS (record->commentary); i++)
    g_free (record->commentary[i]);
  g_free (record->rating_id);
  g_free (record->delay_reason);
  for (guint i = 0; i < G_N_ELEMENTS (record->committee); i++)
    g_free (record->committee[i]);
  g_free (record);
}

static gboolean
year_record_is_empty (const YearRecord *record)
{
  for (guint i = 0; i < G_N_ELEMENTS (record->commentary); i++)
    if (record->commentary[i] != NULL)
      return FALSE;
  return record->rating_id == NULL && record->delay_reason == NULL &&
         record->committee[0] == NULL && record->committee[1] == NULL;
}

static void
kensho_indicator_dispose (GObject *object)
{
  KenshoIndicator *self = KENSHO_INDICATOR (object);

  for (guint i = 0; i < self->n_series; i++)
    {
      kensho_series_set_changed_func (self->series[i], NULL, NULL);
      g_object_unref (self->series[i]);
    }
  g_clear_pointer (&self->series, g_free);
  self->n_series = 0;
  G_OBJECT_CLASS (kensho_indicator_parent_class)->dispose (object);
}

static void
kensho_indicator_finalize (GObject *object)
{
  KenshoIndicator *self = KENSHO_INDICATOR (object);

  g_free (self->unit);
  g_free (self->division);
  g_strfreev (self->acknowledged);
  kensho_year_map_clear (&self->years, (GDestroyNotify) year_record_free);
  G_OBJECT_CLASS (kensho_indicator_parent_class)->finalize (object);
}

static void
kensho_indicator_class_init (KenshoIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_indicator_dispose;
  object_class->finalize = kensho_indicator_finalize;
}

static void
kensho_indicator_init (KenshoIndicator *self)
{
  self->acknowledged = g_new0 (char *, 1);
}

static void
emit_changed (KenshoIndicator *self)
{
  _kensho_node_emit_changed (KENSHO_NODE (self), KENSHO_CHANGE_CONTENT);
}

static void
announce (KenshoIndicator *self, const char *field)
{
  _kensho_node_emit_changing (KENSHO_NODE (self), KENSHO_CHANGE_CONTENT, field);
}

/* A series' field is the indicator's, with the series' place after it. */
static void
on_series_changed (KenshoSeries *series, const char *field, gboolean before, gpointer user_data)
{
  KenshoIndicator *self = KENSHO_INDICATOR (user_data);
  g_autofree char *detail = NULL;
  guint position = 0;

  if (!before)
    {
      emit_changed (self);
      return;
    }
  /* Loading fills indicators value by value: no one to tell yet. */
  if (kensho_node_get_sheet (KENSHO_NODE (self)) == NULL)
    return;
  while (position < self->n_series && self->series[position] != series)
    position++;
  detail = g_strdup_printf ("%s/%u", field, position);
  announce (self, detail);
}

/* A new indicator has one unnamed series, ready for its figures. */
/* With no series yet: for the loader, which adds the file's (one at least,
 * as the schema wants) before anyone else sees the indicator. */
KenshoIndicator *
_kensho_indicator_new_without_series (KenshoIndicatorKind kind, const char *name)
{
  KenshoIndicator *self = g_object_new (KENSHO_TYPE_INDICATOR,
                                        "kind", KENSHO_NODE_INDICATOR,
                                        "title", name,
                                        NULL);

  self->kind = kind;
  return self;
}

KenshoIndicator *
kensho_indicator_new (KenshoIndicatorKind kind, const char *name)
{
  KenshoIndicator *self = _kensho_indicator_new_without_series (kind, name);
  g_autoptr(KenshoSeries) series = kensho_series_new (NULL);

  kensho_indicator_insert_series (self, 0, series);
  return self;
}

const char *
kensho_indicator_get_name (KenshoIndicator *self)
{
  return kensho_node_get_title (KENSHO_NODE (self));
}

void
kensho_indicator_set_name (KenshoIndicator *self, const char *name)
{
  kensho_node_set_title (KENSHO_NODE (self), name);
}

KenshoIndicatorKind
kensho_indicator_get_indicator_kind (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), KENSHO_INDICATOR_KPI);
  return self->kind;
}

void
kensho_indicator_set_indicator_kind (KenshoIndicator *self, KenshoIndicatorKind kind)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  if (self->kind == kind)
    return;
  announce (self, "indicator-kind");
  self->kind = kind;
  emit_changed (self);
}

KenshoDirection
kensho_indicator_get_direction (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), KENSHO_DIRECTION_HIGHER);
  return self->direction;
}

void
kensho_indicator_set_direction (KenshoIndicator *self, KenshoDirection direction)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  if (self->direction == direction)
    return;
  announce (self, "direction");
  self->direction = direction;
  emit_changed (self);
}

const char *
kensho_indicator_get_unit (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  return self->unit;
}

/* A number typed without a unit (7 beside 4件) takes the indicator's
 * unit, else the one the series' other numbers share: it would print bare
 * otherwise. Every way a value is typed in (the form, a pasted row, the
 * table) goes through here. */
void
kensho_indicator_complete_unit (KenshoIndicator *self, KenshoSeries *series, KenshoValue *value)
{
  const char *unit;

  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  if (value == NULL || !kensho_value_is_number (value) || value->unit != NULL)
    return;
  unit = self->unit;
  if (unit == NULL && series != NULL)
    unit = kensho_series_get_common_unit (series);
  value->unit = g_strdup (unit);
}

void
kensho_indicator_set_unit (KenshoIndicator *self, const char *unit)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  if (g_strcmp0 (self->unit, kensho_str_or_null (unit)) == 0)
    return;
  announce (self, "unit");
  kensho_set_str (&self->unit, kensho_str_or_null (unit));
  emit_changed (self);
}

const char *
kensho_indicator_get_division (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  return self->division;
}

void
kensho_indicator_set_division (KenshoIndicator *self, const char *division)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  if (g_strcmp0 (self->division, kensho_str_or_null (division)) == 0)
    return;
  announce (self, "division");
  kensho_set_str (&self->division, kensho_str_or_null (division));
  emit_changed (self);
}

guint
kensho_indicator_get_n_series (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), 0);
  return self->n_series;
}

/* Borrowed: the indicator keeps its series alive. */
KenshoSeries *
kensho_indicator_get_series (KenshoIndicator *self, guint position)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  return position < self->n_series ? self->series[position] : NULL;
}

void
kensho_indicator_insert_series (KenshoIndicator *self, guint position, KenshoSeries *series)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  g_return_if_fail (KENSHO_IS_SERIES (series));

  position = MIN (position, kensho_indicator_get_n_series (self));
  announce (self, "add-series");
  kensho_series_set_changed_func (series, on_series_changed, self);
  self->series = g_renew (KenshoSeries *, self->series, self->n_series + 1);
  memmove (&self->series[position + 1], &self->series[position],
           (self->n_series - position) * sizeof (KenshoSeries *));
  self->series[position] = g_object_ref (series);
  self->n_series++;
  emit_changed (self);
}

/* An indicator always keeps at least one series. */
void
kensho_indicator_remove_series (KenshoIndicator *self, guint position)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  g_return_if_fail (position < kensho_indicator_get_n_series (self));
  g_return_if_fail (kensho_indicator_get_n_series (self) > 1);

  announce (self, "remove-series");
  kensho_series_set_changed_func (self->series[position], NULL, NULL);
  g_object_unref (self->series[position]);
  memmove (&self->series[position], &self->series[position + 1],
           (self->n_series - position - 1) * sizeof (KenshoSeries *));
  self->n_series--;
  emit_changed (self);
}

static YearRecord *
lookup_year (KenshoIndicator *self, int fiscal_year)
{
  return kensho_year_map_lookup (&self->years, fiscal_year);
}

/* Sets one string field of a year's record, creating or dropping the record
 * as needed so that an emptied year leaves no trace in files. */
static void
set_year_field (KenshoIndicator *self, int fiscal_year, gsize offset, const char *name,
                const char *text)
{
  YearRecord *record = lookup_year (self, fiscal_year);
  g_autofree char *detail = NULL;
  char **field;

  text = kensho_str_or_null (text);
  if (g_strcmp0 (record ? *(char **) G_STRUCT_MEMBER_P (record, offset) : NULL, text) == 0)
    return;
  if (kensho_node_get_sheet (KENSHO_NODE (self)) != NULL)
    {
      detail = g_strdup_printf ("%s/%d", name, fiscal_year);
      announce (self, detail);
    }
  if (record == NULL)
    {
      record = g_new0 (YearRecord, 1);
      kensho_year_map_replace (&self->years, fiscal_year, record, (GDestroyNotify) year_record_free);
    }
  field = G_STRUCT_MEMBER_P (record, offset);
  kensho_set_str (field, text);
  if (year_record_is_empty (record))
    kensho_year_map_replace (&self->years, fiscal_year, NULL, (GDestroyNotify) year_record_free);
  emit_changed (self);
}

const char *
kensho_indicator_get_commentary (KenshoIndicator *self, int fiscal_year, KenshoCommentaryPart part)
{
  YearRecord *record;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (part <= KENSHO_COMMENTARY_NEXT_STEPS, NULL);
  record = lookup_year (self, fiscal_year);
  return record ? record->commentary[part] : NULL;
}

void
kensho_indicator_set_commentary (KenshoIndicator *self, int fiscal_year,
                                 KenshoCommentaryPart part, const char *text)
{
  static const char *const names[] = { "commentary/0", "commentary/1", "commentary/2" };

  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  g_return_if_fail (part <= KENSHO_COMMENTARY_NEXT_STEPS);
  set_year_field (self, fiscal_year,
                  G_STRUCT_OFFSET (YearRecord, commentary) + part * sizeof (char *), names[part], text);
}

const char *
kensho_indicator_get_rating_id (KenshoIndicator *self, int fiscal_year)
{
  YearRecord *record;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  record = lookup_year (self, fiscal_year);
  return record ? record->rating_id : NULL;
}

void
kensho_indicator_set_rating_id (KenshoIndicator *self, int fiscal_year, const char *rating_id)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  set_year_field (self, fiscal_year, G_STRUCT_OFFSET (YearRecord, rating_id), "rating", rating_id);
}

const char *
kensho_indicator_get_delay_reason (KenshoIndicator *self, int fiscal_year)
{
  YearRecord *record;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  record = lookup_year (self, fiscal_year);
  return record ? record->delay_reason : NULL;
}

void
kensho_indicator_set_delay_reason (KenshoIndicator *self, int fiscal_year, const char *reason)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  set_year_field (self, fiscal_year, G_STRUCT_OFFSET (YearRecord, delay_reason), "reason", reason);
}

const char *
kensho_indicator_get_committee (KenshoIndicator *self, int fiscal_year, KenshoCommitteePart part)
{
  YearRecord *record;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (part <= KENSHO_COMMITTEE_RESPONSE, NULL);
  record = lookup_year (self, fiscal_year);
  return record ? record->committee[part] : NULL;
}

void
kensho_indicator_set_committee (KenshoIndicator *self, int fiscal_year,
                                KenshoCommitteePart part, const char *text)
{
  static const char *const names[] = { "committee/0", "committee/1" };

  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  g_return_if_fail (part <= KENSHO_COMMITTEE_RESPONSE);
  set_year_field (self, fiscal_year,
                  G_STRUCT_OFFSET (YearRecord, committee) + part * sizeof (char *), names[part], text);
}

/* Whether any year holds a committee text: files then need version 1.2. */
gboolean
kensho_indicator_has_committee (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), FALSE);
  for (guint i = 0; i < self->years.n; i++)
    {
      const YearRecord *record = self->years.items[i].value;

      if (record->committee[0] != NULL || record->committee[1] != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Drops everything written for the year: a year started afresh. */
void
kensho_indicator_remove_year (KenshoIndicator *self, int fiscal_year)
{
  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  if (lookup_year (self, fiscal_year) == NULL)
    return;
  if (kensho_node_get_sheet (KENSHO_NODE (self)) != NULL)
    {
      g_autofree char *detail = g_strdup_printf ("remove-year/%d", fiscal_year);

      announce (self, detail);
    }
  kensho_year_map_replace (&self->years, fiscal_year, NULL, (GDestroyNotify) year_record_free);
  emit_changed (self);
}

/* The fiscal years that have anything written, oldest first. */
GArray *
kensho_indicator_dup_years (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), g_array_new (FALSE, FALSE, sizeof (int)));
  return kensho_year_map_dup_years (&self->years);
}

static char *
join_commentary (KenshoIndicator *self, int fiscal_year, const char *separator)
{
  static const char *const marks[] = { "①", "②", "③" };
  GString *text = g_string_new (NULL);

  for (guint part = 0; part < G_N_ELEMENTS (marks); part++)
    {
      const char *content = kensho_indicator_get_commentary (self, fiscal_year, part);

      if (content == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, marks[part]);
      g_string_append (text, content);
    }
  return g_string_free (text, FALSE);
}

/* The commentary as one cell of the printed sheet: "①… ②… ③…". */
char *
kensho_indicator_dup_commentary_text (KenshoIndicator *self, int fiscal_year)
{
  return join_commentary (self, fiscal_year, " ");
}

/* The same with each part on its own line, for the printed page. */
char *
kensho_indicator_dup_commentary_lines (KenshoIndicator *self, int fiscal_year)
{
  return join_commentary (self, fiscal_year, "\n");
}

static char *
format_column (KenshoIndicator *self, KenshoColumn column, int fiscal_year_shown, gboolean lines)
{
  guint n = kensho_indicator_get_n_series (self);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree KenshoValue **values = g_new0 (KenshoValue *, n);
  guint n_written = 0;

  for (guint i = 0; i < n; i++)
    {
      KenshoSeries *series = kensho_indicator_get_series (self, i);

      /* An unnamed series beside named ones (as "Add series" leaves the
       * first) prints without a name; NULL would end the name list. */
      names[i] = kensho_series_get_name (series) ? kensho_series_get_name (series) : "";
      values[i] = (KenshoValue *) kensho_series_get_column (series, column, fiscal_year_shown);
      if (values[i] != NULL)
        n_written++;
    }
  if (n_written == 0)
    return g_strdup ("");
  if (lines)
    return kensho_value_format_series_lines (names, (KenshoValue *const *) values, n);
  return kensho_value_format_series_cell (names, (KenshoValue *const *) values, n);
}

/* One value cell as printed: all series on one line, e.g.
 * "男性77.41歳 女性79.89歳 (令和元年) ※変更前". Empty when nothing is written. */
char *
kensho_indicator_format_column (KenshoIndicator *self, KenshoColumn column, int fiscal_year_shown)
{
  return format_column (self, column, fiscal_year_shown, FALSE);
}

/* The same with one series a line, for the printed page. */
char *
kensho_indicator_format_column_lines (KenshoIndicator *self, KenshoColumn column, int fiscal_year_shown)
{
  return format_column (self, column, fiscal_year_shown, TRUE);
}

static gboolean
year_record_equal (gconstpointer a, gconstpointer b)
{
  const YearRecord *ra = a, *rb = b;

  for (guint i = 0; i < G_N_ELEMENTS (ra->commentary); i++)
    if (g_strcmp0 (ra->commentary[i], rb->commentary[i]) != 0)
      return FALSE;
  return g_strcmp0 (ra->rating_id, rb->rating_id) == 0 &&
         g_strcmp0 (ra->delay_reason, rb->delay_reason) == 0 &&
         g_strcmp0 (ra->committee[0], rb->committee[0]) == 0 &&
         g_strcmp0 (ra->committee[1], rb->committee[1]) == 0;
}

/* Equal content; the node's own fields and children are compared by the sheet. */
gboolean
kensho_indicator_equal (KenshoIndicator *a, KenshoIndicator *b)
{
  guint n;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (a) && KENSHO_IS_INDICATOR (b), FALSE);

  if (a->kind != b->kind || a->direction != b->direction ||
      g_strcmp0 (a->unit, b->unit) != 0 || g_strcmp0 (a->division, b->division) != 0 ||
      !g_strv_equal ((const char * const *) a->acknowledged, (const char * const *) b->acknowledged))
    return FALSE;
  n = kensho_indicator_get_n_series (a);
  if (n != kensho_indicator_get_n_series (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!kensho_series_equal (kensho_indicator_get_series (a, i),
                              kensho_indicator_get_series (b, i)))
      return FALSE;
  return kensho_year_map_equal (&a->years, &b->years, year_record_equal);
}

/* A check (kensho-check.h) a person has looked at and said does not apply
 * to this indicator: the sheet's note explains a final target below the
 * baseline, say. Kept in the file so the next reviewer is not asked again. */
gboolean
kensho_indicator_get_acknowledged (KenshoIndicator *self, const char *check_id)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), FALSE);
  return check_id != NULL && g_strv_contains ((const char * const *) self->acknowledged, check_id);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
kensho_indicator_set_acknowledged (KenshoIndicator *self, const char *check_id,
                                   gboolean acknowledged)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  g_return_if_fail (check_id != NULL && *check_id != '\0');

  if (kensho_indicator_get_acknowledged (self, check_id) == !!acknowledged)
    return;
  announce (self, acknowledged ? "acknowledge" : "withdraw");
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; self->acknowledged[i]; i++)
    if (!g_str_equal (self->acknowledged[i], check_id))
      g_ptr_array_add (ids, g_strdup (self->acknowledged[i]));
  if (acknowledged)
    g_ptr_array_add (ids, g_strdup (check_id));
  /* Sorted, so that files and comparisons do not depend on the order of clicks. */
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  g_strfreev (self->acknowledged);
  self->acknowledged = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  emit_changed (self);
}

const char * const *
kensho_indicator_get_acknowledgements (KenshoIndicator *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);
  return (const char * const *) self->acknowledged;
}

const char *
kensho_direction_to_string (KenshoDirection direction)
{
  switch (direction)
    {
    case KENSHO_DIRECTION_LOWER: return "lower";
    case KENSHO_DIRECTION_LEVEL: return "level";
    case KENSHO_DIRECTION_HIGHER:
    default: return "higher";
    }
}

gboolean
kensho_direction_from_string (const char *string, KenshoDirection *direction)
{
  if (g_strcmp0 (string, "higher") == 0)
    *direction = KENSHO_DIRECTION_HIGHER;
  else if (g_strcmp0 (string, "lower") == 0)
    *direction = KENSHO_DIRECTION_LOWER;
  else if (g_strcmp0 (string, "level") == 0)
    *direction = KENSHO_DIRECTION_LEVEL;
  else
    return FALSE;
  return TRUE;
}

static YearRecord *
year_record_copy (const YearRecord *record)
{
  YearRecord *copy = g_new0 (YearRecord, 1);

  for (guint i = 0; i < G_N_ELEMENTS (record->commentary); i++)
    copy->commentary[i] = g_strdup (record->commentary[i]);
  copy->rating_id = g_strdup (record->rating_id);
  copy->delay_reason = g_strdup (record->delay_reason);
  for (guint i = 0; i < G_N_ELEMENTS (record->committee); i++)
    copy->committee[i] = g_strdup (record->committee[i]);
  return copy;
}

static void
copy_content (KenshoIndicator *to, KenshoIndicator *from)
{
  guint n = from->n_series;
  KenshoSeries **series = g_new (KenshoSeries *, n);

  to->kind = from->kind;
  to->direction = from->direction;
  kensho_set_str (&to->unit, from->unit);
  kensho_set_str (&to->division, from->division);
  if (!g_strv_equal ((const char * const *) to->acknowledged, (const char * const *) from->acknowledged))
    {
      g_strfreev (to->acknowledged);
      to->acknowledged = g_strdupv (from->acknowledged);
    }

  for (guint i = 0; i < n; i++)
    {
      series[i] = kensho_series_copy (from->series[i]);
      kensho_series_set_changed_func (series[i], on_series_changed, to);
    }
  for (guint i = 0; i < to->n_series; i++)
    {
      kensho_series_set_changed_func (to->series[i], NULL, NULL);
      g_object_unref (to->series[i]);
    }
  g_free (to->series);
  to->series = series;
  to->n_series = n;

  kensho_year_map_clear (&to->years, (GDestroyNotify) year_record_free);
  kensho_year_map_copy (&to->years, &from->years, (GBoxedCopyFunc) year_record_copy);
}

/* A deep copy of the content (name, figures, every year's text), attached
 * to nothing and without an identifier: an undo snapshot. */
KenshoIndicator *
kensho_indicator_copy (KenshoIndicator *self)
{
  KenshoIndicator *copy;

  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), NULL);

  copy = kensho_indicator_new (self->kind, kensho_indicator_get_name (self));
  kensho_node_set_code (KENSHO_NODE (copy), kensho_node_get_code (KENSHO_NODE (self)));
  kensho_node_set_notes (KENSHO_NODE (copy), kensho_node_get_notes (KENSHO_NODE (self)));
  copy_content (copy, self);
  return copy;
}

/* Gives self the content of from, keeping its identity and place. */
void
kensho_indicator_assign (KenshoIndicator *self, KenshoIndicator *from)
{
  KenshoNode *node = KENSHO_NODE (self);
  KenshoSheet *sheet;

  g_return_if_fail (KENSHO_IS_INDICATOR (self));
  g_return_if_fail (KENSHO_IS_INDICATOR (from));

  sheet = kensho_node_get_sheet (node);
  /* One step for undo, however many fields change. */
  if (sheet != NULL)
    kensho_sheet_begin_group (sheet, NULL);
  announce (self, "assign");
  kensho_node_set_title (node, kensho_node_get_title (KENSHO_NODE (from)));
  kensho_node_set_code (node, kensho_node_get_code (KENSHO_NODE (from)));
  kensho_node_set_notes (node, kensho_node_get_notes (KENSHO_NODE (from)));
  copy_content (self, from);
  emit_changed (self);
  if (sheet != NULL)
    kensho_sheet_end_group (sheet);
}

gboolean
kensho_indicator_matches (KenshoIndicator *self, int fiscal_year, const char *division,
                          const char *rating_id)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR (self), FALSE);

  if (division != NULL && g_strcmp0 (kensho_indicator_get_division (self), division) != 0)
    return FALSE;
  if (rating_id != NULL &&
      g_strcmp0 (kensho_indicator_get_rating_id (self, fiscal_year), rating_id) != 0)
    return FALSE;
  return TRUE;
}
