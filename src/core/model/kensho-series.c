/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-series.h"
#include "kensho-util.h"
#include "kensho-year-map.h"

struct _KenshoSeries
{
  GObject parent_instance;
  char *name;
  KenshoValue *baseline;
  KenshoValue *final;
  KenshoYearMap actuals; /* fiscal year → KenshoValue */
  KenshoYearMap targets; /* fiscal year → KenshoValue */
  KenshoSeriesChangedFunc changed_func;
  gpointer changed_data;
};

G_DEFINE_FINAL_TYPE (KenshoSeries, kensho_series, G_TYPE_OBJECT)

static void
kensho_series_finalize (GObject *object)
{
  KenshoSeries *self = KENSHO_SERIES (object);

  g_free (self->name);
  g_clear_pointer (&self->baseline, kensho_value_free);
  g_clear_pointer (&self->final, kensho_value_free);
  kensho_year_map_clear (&self->actuals, (GDestroyNotify) kensho_value_free);
  kensho_year_map_clear (&self->targets, (GDestroyNotify) kensho_value_free);
  G_OBJECT_CLASS (kensho_series_parent_class)->finalize (object);
}

static void
kensho_series_class_init (KenshoSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_series_finalize;
}

static void
kensho_series_init (KenshoSeries *self)
{
}

KenshoSeries *
kensho_series_new (const char *name)
{
  KenshoSeries *self = g_object_new (KENSHO_TYPE_SERIES, NULL);

  self->name = g_strdup (kensho_str_or_null (name));
  return self;
}

static void
emit_changed (KenshoSeries *self)
{
  if (self->changed_func != NULL)
    self->changed_func (self, NULL, FALSE, self->changed_data);
}

static void
emit_changing (KenshoSeries *self, const char *field)
{
  if (self->changed_func != NULL)
    self->changed_func (self, field, TRUE, self->changed_data);
}

void
kensho_series_set_changed_func (KenshoSeries *self, KenshoSeriesChangedFunc func,
                                gpointer user_data)
{
  g_return_if_fail (KENSHO_IS_SERIES (self));
  self->changed_func = func;
  self->changed_data = user_data;
}

const char *
kensho_series_get_name (KenshoSeries *self)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return self->name;
}

void
kensho_series_set_name (KenshoSeries *self, const char *name)
{
  g_return_if_fail (KENSHO_IS_SERIES (self));
  if (g_strcmp0 (self->name, kensho_str_or_null (name)) == 0)
    return;
  emit_changing (self, "series-name");
  kensho_set_str (&self->name, kensho_str_or_null (name));
  emit_changed (self);
}

/* Replaces *slot with a copy of value; an empty value clears. Returns
 * whether anything changed, so that no-op edits stay silent. */
static gboolean
replace_value (KenshoSeries *self, KenshoValue **slot, const KenshoValue *value, const char *field)
{
  if (value != NULL && kensho_value_is_empty (value))
    value = NULL;
  if (kensho_value_equal (*slot, value))
    return FALSE;
  emit_changing (self, field);
  g_clear_pointer (slot, kensho_value_free);
  if (value != NULL)
    *slot = kensho_value_copy (value);
  return TRUE;
}

static gboolean
replace_year_value (KenshoSeries *self, KenshoYearMap *table, int fiscal_year,
                    const KenshoValue *value, const char *name)
{
  KenshoValue *current = kensho_year_map_lookup (table, fiscal_year);
  g_autofree char *field = NULL;

  if (value != NULL && kensho_value_is_empty (value))
    value = NULL;
  if (kensho_value_equal (current, value))
    return FALSE;
  if (self->changed_func != NULL)
    {
      field = g_strdup_printf ("%s/%d", name, fiscal_year);
      emit_changing (self, field);
    }
  kensho_year_map_replace (table, fiscal_year, value != NULL ? kensho_value_copy (value) : NULL,
                           (GDestroyNotify) kensho_value_free);
  return TRUE;
}

/* NULL for an empty value, which is freed. */
static KenshoValue *
non_empty (KenshoValue *value)
{
  if (value != NULL && kensho_value_is_empty (value))
    g_clear_pointer (&value, kensho_value_free);
  return value;
}

/* Whether @self may take a value without telling anyone: a series not
 * yet in a sheet. If not, the caller's mistake is reported and @value,
 * which was given, freed. */
static gboolean
may_take (KenshoSeries *self, KenshoValue *value)
{
  if (KENSHO_IS_SERIES (self) && self->changed_func == NULL)
    return TRUE;
  kensho_value_free (value);
  g_return_val_if_reached (FALSE);
}

void
kensho_series_take_baseline (KenshoSeries *self, KenshoValue *value)
{
  if (!may_take (self, value))
    return;
  g_clear_pointer (&self->baseline, kensho_value_free);
  self->baseline = non_empty (value);
}

void
kensho_series_take_final (KenshoSeries *self, KenshoValue *value)
{
  if (!may_take (self, value))
    return;
  g_clear_pointer (&self->final, kensho_value_free);
  self->final = non_empty (value);
}

void
kensho_series_take_actual (KenshoSeries *self, int fiscal_year, KenshoValue *value)
{
  if (!may_take (self, value))
    return;
  kensho_year_map_replace (&self->actuals, fiscal_year, non_empty (value), (GDestroyNotify) kensho_value_free);
}

void
kensho_series_take_target (KenshoSeries *self, int fiscal_year, KenshoValue *value)
{
  if (!may_take (self, value))
    return;
  kensho_year_map_replace (&self->targets, fiscal_year, non_empty (value), (GDestroyNotify) kensho_value_free);
}

const KenshoValue *
kensho_series_get_baseline (KenshoSeries *self)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return self->baseline;
}

void
kensho_series_set_baseline (KenshoSeries *self, const KenshoValue *value)
{
  g_return_if_fail (KENSHO_IS_SERIES (self));
  if (replace_value (self, &self->baseline, value, "value/baseline"))
    emit_changed (self);
}

const KenshoValue *
kensho_series_get_final (KenshoSeries *self)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return self->final;
}

void
kensho_series_set_final (KenshoSeries *self, const KenshoValue *value)
{
  g_return_if_fail (KENSHO_IS_SERIES (self));
  if (replace_value (self, &self->final, value, "value/final"))
    emit_changed (self);
}

const KenshoValue *
kensho_series_get_actual (KenshoSeries *self, int fiscal_year)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return kensho_year_map_lookup (&self->actuals, fiscal_year);
}

void
kensho_series_set_actual (KenshoSeries *self, int fiscal_year, const KenshoValue *value)
{
  g_return_if_fail (KENSHO_IS_SERIES (self));
  if (replace_year_value (self, &self->actuals, fiscal_year, value, "value/actual"))
    emit_changed (self);
}

const KenshoValue *
kensho_series_get_target (KenshoSeries *self, int fiscal_year)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return kensho_year_map_lookup (&self->targets, fiscal_year);
}

void
kensho_series_set_target (KenshoSeries *self, int fiscal_year, const KenshoValue *value)
{
  g_return_if_fail (KENSHO_IS_SERIES (self));
  if (replace_year_value (self, &self->targets, fiscal_year, value, "value/target"))
    emit_changed (self);
}

GArray *
kensho_series_dup_actual_years (KenshoSeries *self)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return kensho_year_map_dup_years (&self->actuals);
}

GArray *
kensho_series_dup_target_years (KenshoSeries *self)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);
  return kensho_year_map_dup_years (&self->targets);
}

/* Folds one value's unit into @unit: the first number's, or "" once two
 * differ. */
static void
fold_unit (const KenshoValue *value, const char **unit)
{
  if (value == NULL || !kensho_value_is_number (value))
    return;
  if (*unit == NULL)
    *unit = value->unit ? value->unit : "";
  else if (g_strcmp0 (*unit, value->unit ? value->unit : "") != 0)
    *unit = "";
}

/* The unit every number of the series is written in ("件" for 4件 and
 * 1,563件); NULL when they have none or differ. */
const char *
kensho_series_get_common_unit (KenshoSeries *self)
{
  const char *unit = NULL;

  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);

  fold_unit (self->baseline, &unit);
  fold_unit (self->final, &unit);
  for (guint i = 0; i < self->actuals.n; i++)
    fold_unit (self->actuals.items[i].value, &unit);
  for (guint i = 0; i < self->targets.n; i++)
    fold_unit (self->targets.items[i].value, &unit);
  return unit != NULL && *unit != '\0' ? unit : NULL;
}

const KenshoValue *
kensho_series_get_column (KenshoSeries *self, KenshoColumn column, int fiscal_year_shown)
{
  switch (column)
    {
    case KENSHO_COLUMN_BASELINE: return kensho_series_get_baseline (self);
    case KENSHO_COLUMN_PREVIOUS_ACTUAL: return kensho_series_get_actual (self, fiscal_year_shown - 1);
    case KENSHO_COLUMN_ACTUAL: return kensho_series_get_actual (self, fiscal_year_shown);
    case KENSHO_COLUMN_TARGET: return kensho_series_get_target (self, fiscal_year_shown);
    case KENSHO_COLUMN_FINAL_TARGET: return kensho_series_get_final (self);
    default: g_return_val_if_reached (NULL);
    }
}

void
kensho_series_set_column (KenshoSeries *self, KenshoColumn column, int fiscal_year_shown,
                          const KenshoValue *value)
{
  switch (column)
    {
    case KENSHO_COLUMN_BASELINE: kensho_series_set_baseline (self, value); break;
    case KENSHO_COLUMN_PREVIOUS_ACTUAL:
      kensho_series_set_actual (self, fiscal_year_shown - 1, value);
      break;
    case KENSHO_COLUMN_ACTUAL: kensho_series_set_actual (self, fiscal_year_shown, value); break;
    case KENSHO_COLUMN_TARGET: kensho_series_set_target (self, fiscal_year_shown, value); break;
    case KENSHO_COLUMN_FINAL_TARGET: kensho_series_set_final (self, value); break;
    default: g_return_if_reached ();
    }
}

static gboolean
values_equal (gconstpointer a, gconstpointer b)
{
  return kensho_value_equal (a, b);
}

gboolean
kensho_series_equal (KenshoSeries *a, KenshoSeries *b)
{
  g_return_val_if_fail (KENSHO_IS_SERIES (a) && KENSHO_IS_SERIES (b), FALSE);

  return g_strcmp0 (a->name, b->name) == 0 &&
         kensho_value_equal (a->baseline, b->baseline) &&
         kensho_value_equal (a->final, b->final) &&
         kensho_year_map_equal (&a->actuals, &b->actuals, values_equal) &&
         kensho_year_map_equal (&a->targets, &b->targets, values_equal);
}

/* A deep copy, attached to nothing. */
KenshoSeries *
kensho_series_copy (KenshoSeries *self)
{
  KenshoSeries *copy;

  g_return_val_if_fail (KENSHO_IS_SERIES (self), NULL);

  copy = kensho_series_new (self->name);
  copy->baseline = self->baseline ? kensho_value_copy (self->baseline) : NULL;
  copy->final = self->final ? kensho_value_copy (self->final) : NULL;
  kensho_year_map_copy (&copy->actuals, &self->actuals, (GBoxedCopyFunc) kensho_value_copy);
  kensho_year_map_copy (&copy->targets, &self->targets, (GBoxedCopyFunc) kensho_value_copy);
  return copy;
}
