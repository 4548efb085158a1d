/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-csv.h"
#include "kensho-handout.h"
#include "kensho-merge.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"

/* The fields a division answers. */
typedef enum
{
  FIELD_ACTIVITIES,   /* per year; the same order as KenshoCommentaryPart */
  FIELD_ISSUES,
  FIELD_NEXT_STEPS,
  FIELD_RATING,
  FIELD_DELAY_REASON,
  FIELD_BASELINE,     /* per series */
  FIELD_FINAL,
  FIELD_ACTUAL,       /* per series and year */
  FIELD_TARGET,
  FIELD_NONE,         /* an item that is only listed */
} Field;

struct _KenshoMerge
{
  GObject parent_instance;
  KenshoSheet *mine;
  KenshoSheet *base;
  KenshoSheet *theirs;
  char *handout_id;
  char *division;
  GPtrArray *items;
};

G_DEFINE_FINAL_TYPE (KenshoMerge, kensho_merge, G_TYPE_OBJECT)

void
kensho_merge_item_free (KenshoMergeItem *item)
{
  g_free (item->node_id);
  g_free (item->node_name);
  g_free (item->field);
  g_free (item->base);
  g_free (item->theirs);
  g_free (item->mine);
  g_free (item);
}

static void
kensho_merge_finalize (GObject *object)
{
  KenshoMerge *self = KENSHO_MERGE (object);

  g_clear_object (&self->mine);
  g_clear_object (&self->base);
  g_clear_object (&self->theirs);
  g_free (self->handout_id);
  g_free (self->division);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (kensho_merge_parent_class)->finalize (object);
}

static void
kensho_merge_class_init (KenshoMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_merge_finalize;
}

static void
kensho_merge_init (KenshoMerge *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_merge_item_free);
}

/* A value as one string, to compare: every part of it counts. */
static char *
value_key (const KenshoValue *value)
{
  if (value == NULL || kensho_value_is_empty (value))
    return NULL;
  return g_strdup_printf ("%c%s\x1f%s\x1f%s\x1f%s", value->number ? 'n' : 't',
                          value->number ? value->number : value->text, value->unit ? value->unit : "",
                          value->period ? value->period : "", value->note ? value->note : "");
}

static const KenshoValue *
get_value (KenshoSeries *series, Field field, int fiscal_year)
{
  switch (field)
    {
    case FIELD_BASELINE: return kensho_series_get_baseline (series);
    case FIELD_FINAL: return kensho_series_get_final (series);
    case FIELD_ACTUAL: return kensho_series_get_actual (series, fiscal_year);
    case FIELD_TARGET: return kensho_series_get_target (series, fiscal_year);
    default: g_return_val_if_reached (NULL);
    }
}

/* The field as a string to compare (NULL when empty): values by value_key. */
static char *
field_key (KenshoIndicator *indicator, Field field, int fiscal_year, guint series)
{
  switch (field)
    {
    case FIELD_ACTIVITIES:
    case FIELD_ISSUES:
    case FIELD_NEXT_STEPS:
      return g_strdup (kensho_str_or_null (kensho_indicator_get_commentary (indicator, fiscal_year,
                                                                            (KenshoCommentaryPart) field)));
    case FIELD_RATING:
      return g_strdup (kensho_str_or_null (kensho_indicator_get_rating_id (indicator, fiscal_year)));
    case FIELD_DELAY_REASON:
      return g_strdup (kensho_str_or_null (kensho_indicator_get_delay_reason (indicator, fiscal_year)));
    case FIELD_BASELINE:
    case FIELD_FINAL:
    case FIELD_ACTUAL:
    case FIELD_TARGET:
      return value_key (get_value (kensho_indicator_get_series (indicator, series), field, fiscal_year));
    case FIELD_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The field as a person reads it. */
static char *
field_text (KenshoSheet *sheet, KenshoIndicator *indicator, Field field, int fiscal_year, guint series)
{
  if (field == FIELD_RATING)
    {
      const char *id = kensho_indicator_get_rating_id (indicator, fiscal_year);
      KenshoRating *rating = id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (sheet), id) : NULL;

      return g_strdup (rating ? kensho_rating_get_label (rating) : id ? id : "");
    }
  if (field >= FIELD_BASELINE)
    {
      const KenshoValue *value = get_value (kensho_indicator_get_series (indicator, series), field,
                                            fiscal_year);

      return value ? kensho_value_format (value) : g_strdup ("");
    }
  {
    g_autofree char *key = field_key (indicator, field, fiscal_year, series);

    return g_strdup (key ? key : "");
  }
}

static void
set_field (KenshoIndicator *to, KenshoIndicator *from, Field field, int fiscal_year, guint series)
{
  switch (field)
    {
    case FIELD_ACTIVITIES:
    case FIELD_ISSUES:
    case FIELD_NEXT_STEPS:
      kensho_indicator_set_commentary (to, fiscal_year, (KenshoCommentaryPart) field,
                                       kensho_indicator_get_commentary (from, fiscal_year,
                                                                        (KenshoCommentaryPart) field));
      break;
    case FIELD_RATING:
      kensho_indicator_set_rating_id (to, fiscal_year, kensho_indicator_get_rating_id (from, fiscal_year));
      break;
    case FIELD_DELAY_REASON:
      kensho_indicator_set_delay_reason (to, fiscal_year,
                                         kensho_indicator_get_delay_reason (from, fiscal_year));
      break;
    case FIELD_BASELINE:
    case FIELD_FINAL:
    case FIELD_ACTUAL:
    case FIELD_TARGET:
      {
        KenshoSeries *target = kensho_indicator_get_series (to, series);
        const KenshoValue *value = get_value (kensho_indicator_get_series (from, series), field,
                                              fiscal_year);

        if (field == FIELD_BASELINE)
          kensho_series_set_baseline (target, value);
        else if (field == FIELD_FINAL)
          kensho_series_set_final (target, value);
        else if (field == FIELD_ACTUAL)
          kensho_series_set_actual (target, fiscal_year, value);
        else
          kensho_series_set_target (target, fiscal_year, value);
      }
      break;
    case FIELD_NONE:
    default:
      g_return_if_reached ();
    }
}

static char *
field_label (KenshoIndicator *indicator, Field field, int fiscal_year, guint series)
{
  const char *label = NULL;
  const char *name = NULL;

  switch (field)
    {
    case FIELD_ACTIVITIES: label = _("①Activities"); break;
    case FIELD_ISSUES: label = _("②Issues"); break;
    case FIELD_NEXT_STEPS: label = _("③Next steps"); break;
    case FIELD_RATING: label = _("Rating"); break;
    case FIELD_DELAY_REASON: label = _("Reason for delay"); break;
    case FIELD_BASELINE: label = _("Baseline"); break;
    case FIELD_FINAL: label = _("Final target"); break;
    case FIELD_ACTUAL: label = _("Actual"); break;
    case FIELD_TARGET: label = _("Target"); break;
    case FIELD_NONE:
    default: g_return_val_if_reached (NULL);
    }
  if (field >= FIELD_BASELINE && kensho_indicator_get_n_series (indicator) > 1)
    name = kensho_series_get_name (kensho_indicator_get_series (indicator, series));
  if (field == FIELD_BASELINE || field == FIELD_FINAL)
    return name ? g_strdup_printf ("%s %s", name, label) : g_strdup (label);
  /* TRANSLATORS: a field of an indicator and the fiscal year it is for. */
  return name ? g_strdup_printf (_("%s %s (FY %d)"), name, label, fiscal_year)
              : g_strdup_printf (_("%s (FY %d)"), label, fiscal_year);
}

static KenshoMergeItem *
add_item (KenshoMerge *self, KenshoMergeKind kind, KenshoNode *node, const char *field,
          const char *base, const char *theirs, const char *mine)
{
  KenshoMergeItem *item = g_new0 (KenshoMergeItem, 1);

  item->kind = kind;
  item->what = FIELD_NONE;
  if (node != NULL)
    {
      item->node_id = g_strdup (kensho_node_get_id (node));
      item->node_name = KENSHO_IS_INDICATOR (node) ? g_strdup (kensho_indicator_get_name (KENSHO_INDICATOR (node)))
                                                   : kensho_node_dup_heading (node);
    }
  else
    item->node_name = g_strdup (_("The sheet"));
  item->field = g_strdup (field);
  item->base = g_strdup (base ? base : "");
  item->theirs = g_strdup (theirs ? theirs : "");
  item->mine = g_strdup (mine ? mine : "");
  g_ptr_array_add (self->items, item);
  return item;
}

static void
add_not_applied (KenshoMerge *self, KenshoNode *node, const char *field, const char *base,
                 const char *theirs)
{
  add_item (self, KENSHO_MERGE_NOT_APPLIED, node, field, base, theirs, NULL);
}

/* One answer field that differs from the base: taken, same or conflict. */
static void
merge_field (KenshoMerge *self, KenshoIndicator *base, KenshoIndicator *theirs, KenshoIndicator *mine,
             gboolean mine_fits, Field field, int fiscal_year, guint series)
{
  g_autofree char *base_key = field_key (base, field, fiscal_year, series);
  g_autofree char *theirs_key = field_key (theirs, field, fiscal_year, series);
  g_autofree char *mine_key = NULL;
  g_autofree char *label = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *mine_text = NULL;
  KenshoMergeKind kind;
  KenshoMergeItem *item;

  if (g_strcmp0 (base_key, theirs_key) == 0)
    return;
  label = field_label (theirs, field, fiscal_year, series);
  base_text = field_text (self->base, base, field, fiscal_year, series);
  theirs_text = field_text (self->theirs, theirs, field, fiscal_year, series);
  if (!mine_fits)
    {
      /* TRANSLATORS: an answer's change the sheet has no place for. */
      g_autofree char *why = g_strdup_printf (_("%s: the indicator is no longer on the sheet as sent"),
                                              label);

      add_not_applied (self, KENSHO_NODE (theirs), why, base_text, theirs_text);
      return;
    }
  mine_key = field_key (mine, field, fiscal_year, series);
  mine_text = field_text (self->mine, mine, field, fiscal_year, series);
  if (g_strcmp0 (mine_key, theirs_key) == 0)
    kind = KENSHO_MERGE_SAME;
  else if (g_strcmp0 (mine_key, base_key) == 0)
    kind = KENSHO_MERGE_TAKEN;
  else
    kind = KENSHO_MERGE_CONFLICT;
  item = add_item (self, kind, KENSHO_NODE (mine), label, base_text, theirs_text, mine_text);
  item->what = field;
  item->fiscal_year = fiscal_year;
  item->series = series;
}

static void
add_years (GHashTable *set, GArray *years)
{
  for (guint i = 0; i < years->len; i++)
    g_hash_table_add (set, GINT_TO_POINTER (g_array_index (years, int, i)));
  g_array_unref (years);
}

static int
compare_years (gconstpointer a, gconstpointer b)
{
  return GPOINTER_TO_INT (*(gpointer *) a) - GPOINTER_TO_INT (*(gpointer *) b);
}

static GPtrArray *
sorted_years (GHashTable *set)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  GPtrArray *years;

  keys = g_hash_table_get_keys_as_array (set, &n);
  years = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (years, keys[i]);
  g_ptr_array_sort (years, compare_years);
  return years;
}

static gboolean
same_series_shape (KenshoIndicator *a, KenshoIndicator *b)
{
  guint n = kensho_indicator_get_n_series (a);

  if (n != kensho_indicator_get_n_series (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (kensho_series_get_name (kensho_indicator_get_series (a, i)),
                   kensho_series_get_name (kensho_indicator_get_series (b, i))) != 0)
      return FALSE;
  return TRUE;
}

static void
list_changed (KenshoMerge *self, KenshoNode *node, const char *what, const char *base,
              const char *theirs)
{
  g_autofree char *field = g_strdup_printf (_("%s changed in the answer; not changed"), what);

  add_not_applied (self, node, field, base, theirs);
}

static void
list_if_changed (KenshoMerge *self, KenshoNode *node, const char *what, const char *base,
                 const char *theirs)
{
  if (g_strcmp0 (kensho_str_or_null (base), kensho_str_or_null (theirs)) != 0)
    list_changed (self, node, what, base, theirs);
}

static gboolean
scales_equal (KenshoRatingScale *a, KenshoRatingScale *b)
{
  guint n = kensho_rating_scale_get_n_ratings (a);

  if (n != kensho_rating_scale_get_n_ratings (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!kensho_rating_equal (kensho_rating_scale_get_rating (a, i), kensho_rating_scale_get_rating (b, i)))
      return FALSE;
  return TRUE;
}

static void
merge_indicator (KenshoMerge *self, KenshoIndicator *base, KenshoIndicator *theirs)
{
  KenshoNode *found = kensho_sheet_lookup (self->mine, kensho_node_get_id (KENSHO_NODE (base)));
  KenshoIndicator *mine = KENSHO_IS_INDICATOR (found) ? KENSHO_INDICATOR (found) : NULL;
  g_autoptr(GHashTable) year_set = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) years = NULL;
  KenshoNode *node = KENSHO_NODE (theirs);

  list_if_changed (self, node, _("Name"), kensho_indicator_get_name (base), kensho_indicator_get_name (theirs));
  list_if_changed (self, node, _("Unit"), kensho_indicator_get_unit (base), kensho_indicator_get_unit (theirs));
  list_if_changed (self, node, _("Division"), kensho_indicator_get_division (base),
                   kensho_indicator_get_division (theirs));
  list_if_changed (self, node, _("Notes"), kensho_node_get_notes (KENSHO_NODE (base)),
                   kensho_node_get_notes (node));
  list_if_changed (self, node, _("Code"), kensho_node_get_code (KENSHO_NODE (base)),
                   kensho_node_get_code (node));
  if (kensho_indicator_get_indicator_kind (base) != kensho_indicator_get_indicator_kind (theirs) ||
      kensho_indicator_get_direction (base) != kensho_indicator_get_direction (theirs))
    list_changed (self, node, _("Kind or direction"), NULL, NULL);

  add_years (year_set, kensho_indicator_dup_years (base));
  add_years (year_set, kensho_indicator_dup_years (theirs));
  years = sorted_years (year_set);
  for (guint y = 0; y < years->len; y++)
    for (Field field = FIELD_ACTIVITIES; field <= FIELD_DELAY_REASON; field++)
      merge_field (self, base, theirs, mine, mine != NULL, field, GPOINTER_TO_INT (years->pdata[y]), 0);

  if (!same_series_shape (base, theirs))
    {
      add_not_applied (self, node, _("Series changed in the answer; not changed"), NULL, NULL);
      return;
    }
  for (guint s = 0; s < kensho_indicator_get_n_series (base); s++)
    {
      KenshoSeries *base_series = kensho_indicator_get_series (base, s);
      KenshoSeries *theirs_series = kensho_indicator_get_series (theirs, s);
      gboolean fits = mine != NULL && same_series_shape (base, mine);

      merge_field (self, base, theirs, mine, fits, FIELD_BASELINE, 0, s);
      for (Field field = FIELD_ACTUAL; field <= FIELD_TARGET; field++)
        {
          g_autoptr(GHashTable) value_years = g_hash_table_new (NULL, NULL);
          g_autoptr(GPtrArray) sorted = NULL;

          if (field == FIELD_ACTUAL)
            {
              add_years (value_years, kensho_series_dup_actual_years (base_series));
              add_years (value_years, kensho_series_dup_actual_years (theirs_series));
            }
          else
            {
              add_years (value_years, kensho_series_dup_target_years (base_series));
              add_years (value_years, kensho_series_dup_target_years (theirs_series));
            }
          sorted = sorted_years (value_years);
          for (guint y = 0; y < sorted->len; y++)
            merge_field (self, base, theirs, mine, fits, field, GPOINTER_TO_INT (sorted->pdata[y]), s);
        }
      merge_field (self, base, theirs, mine, fits, FIELD_FINAL, 0, s);
    }
}

/* Walks the answer's tree as sent (the base): indicators merge, the rest
 * is compared to list what the answer changed outside its fields. */
static void
merge_nodes (KenshoMerge *self, KenshoNode *base)
{
  guint n = kensho_node_get_n_children (base);

  for (guint i = 0; i < n; i++)
    {
      KenshoNode *child = kensho_node_get_child (base, i);
      KenshoNode *theirs = kensho_sheet_lookup (self->theirs, kensho_node_get_id (child));

      if (theirs == NULL || kensho_node_get_kind (theirs) != kensho_node_get_kind (child))
        {
          add_not_applied (self, child, _("Deleted in the answer; not deleted"),
                           kensho_node_get_title (child), NULL);
          continue;
        }
      if (g_strcmp0 (kensho_node_get_id (kensho_node_get_parent (theirs)),
                     kensho_node_get_id (base)) != 0)
        add_not_applied (self, child, _("Moved in the answer; not moved"), NULL, NULL);
      if (KENSHO_IS_INDICATOR (child))
        {
          merge_indicator (self, KENSHO_INDICATOR (child), KENSHO_INDICATOR (theirs));
          continue;
        }
      list_if_changed (self, child, _("Title"), kensho_node_get_title (child), kensho_node_get_title (theirs));
      list_if_changed (self, child, _("Code"), kensho_node_get_code (child), kensho_node_get_code (theirs));
      list_if_changed (self, child, _("Notes"), kensho_node_get_notes (child), kensho_node_get_notes (theirs));
      merge_nodes (self, child);
    }
}

static void
list_added (KenshoMerge *self, KenshoNode *theirs)
{
  guint n = kensho_node_get_n_children (theirs);

  for (guint i = 0; i < n; i++)
    {
      KenshoNode *child = kensho_node_get_child (theirs, i);

      if (kensho_sheet_lookup (self->base, kensho_node_get_id (child)) == NULL)
        add_not_applied (self, child, _("Added in the answer; not added"), NULL, kensho_node_get_title (child));
      else
        list_added (self, child);
    }
}

static void
merge_metadata (KenshoMerge *self)
{
  KenshoSheet *base = self->base, *theirs = self->theirs;
  g_autofree char *base_plan = g_strdup_printf ("%d–%d", kensho_sheet_get_plan_first (base),
                                                kensho_sheet_get_plan_last (base));
  g_autofree char *theirs_plan = g_strdup_printf ("%d–%d", kensho_sheet_get_plan_first (theirs),
                                                  kensho_sheet_get_plan_last (theirs));

  list_if_changed (self, NULL, _("Title"), kensho_sheet_get_title (base), kensho_sheet_get_title (theirs));
  list_if_changed (self, NULL, _("Municipality"), kensho_sheet_get_municipality (base),
                   kensho_sheet_get_municipality (theirs));
  list_if_changed (self, NULL, _("Label"), kensho_sheet_get_label (base), kensho_sheet_get_label (theirs));
  list_if_changed (self, NULL, _("Notes"), kensho_sheet_get_notes (base), kensho_sheet_get_notes (theirs));
  list_if_changed (self, NULL, _("Plan period"), base_plan, theirs_plan);
  if (kensho_sheet_get_baseline_year (base) != kensho_sheet_get_baseline_year (theirs))
    list_changed (self, NULL, _("Baseline year"), NULL, NULL);
  if (kensho_sheet_get_achievement_method (base) != kensho_sheet_get_achievement_method (theirs))
    list_changed (self, NULL, _("Achievement method"), NULL, NULL);
  if (!scales_equal (kensho_sheet_get_rating_scale (base), kensho_sheet_get_rating_scale (theirs)))
    list_changed (self, NULL, _("Rating scale"), NULL, NULL);
}

static gboolean
refuse (GError **error, const char *answer_name, const char *why)
{
  g_autofree char *name = g_filename_display_basename (answer_name ? answer_name : "");

  /* TRANSLATORS: the file of an answer, and why it is refused. */
  g_set_error (error, KENSHO_CYCLE_ERROR, KENSHO_CYCLE_ERROR_REFUSED, _("%s was not merged: %s"), name, why);
  return FALSE;
}

static gboolean
check_answer (KenshoSheet *mine, KenshoSheet *answer, KenshoSheet *base, const char *answer_name,
              GError **error)
{
  const KenshoHandoutTag *tag = kensho_sheet_get_handout (answer);
  g_autofree char *key = kensho_handout_sheet_key (mine);

  if (g_strcmp0 (tag->sheet_key, key) != 0)
    return refuse (error, answer_name, _("it answers a hand-out of another sheet."));
  if (kensho_sheet_get_fiscal_year (answer) != kensho_sheet_get_fiscal_year (base) ||
      kensho_sheet_get_fiscal_year (mine) != kensho_sheet_get_fiscal_year (base))
    {
      g_autofree char *why = g_strdup_printf (_("it answers for fiscal year %d, the sheet is for %d."),
                                              kensho_sheet_get_fiscal_year (answer),
                                              kensho_sheet_get_fiscal_year (mine));

      return refuse (error, answer_name, why);
    }
  if (!kensho_sheet_has_division (mine, tag->division))
    {
      g_autofree char *quoted = kensho_quote_for_message (tag->division ? tag->division : "");
      g_autofree char *why = g_strdup_printf (_("it is from “%s”, which is not a division of the sheet."),
                                              quoted);

      return refuse (error, answer_name, why);
    }
  return TRUE;
}

KenshoMerge *
kensho_merge_new (KenshoSheet *mine, KenshoSheet *answer, GBytes *base, const char *answer_name,
                  GError **error)
{
  g_autoptr(KenshoMerge) self = NULL;
  const KenshoHandoutTag *tag;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (mine) && KENSHO_IS_SHEET (answer), NULL);

  tag = kensho_sheet_get_handout (answer);
  if (tag == NULL)
    return refuse (error, answer_name, _("it is not a hand-out of a sheet (it has no hand-out id).")), NULL;
  if (base == NULL)
    base = tag->base;
  if (base == NULL)
    return refuse (error, answer_name, _("it carries no copy of what was sent, and the workspace has none.")),
           NULL;
  self = g_object_new (KENSHO_TYPE_MERGE, NULL);
  self->base = kensho_sheet_xml_load_bytes (base, answer_name, &local_error);
  if (self->base == NULL)
    return refuse (error, answer_name, _("its copy of what was sent cannot be read.")), NULL;
  if (!check_answer (mine, answer, self->base, answer_name, error))
    return NULL;
  self->mine = g_object_ref (mine);
  self->theirs = g_object_ref (answer);
  self->handout_id = g_strdup (tag->id);
  self->division = g_strdup (tag->division);

  merge_metadata (self);
  merge_nodes (self, kensho_sheet_get_root (self->base));
  list_added (self, kensho_sheet_get_root (self->theirs));
  return g_steal_pointer (&self);
}

const char *
kensho_merge_get_handout_id (KenshoMerge *self)
{
  g_return_val_if_fail (KENSHO_IS_MERGE (self), NULL);
  return self->handout_id;
}

const char *
kensho_merge_get_division (KenshoMerge *self)
{
  g_return_val_if_fail (KENSHO_IS_MERGE (self), NULL);
  return self->division;
}

GPtrArray *
kensho_merge_get_items (KenshoMerge *self)
{
  g_return_val_if_fail (KENSHO_IS_MERGE (self), NULL);
  return self->items;
}

guint
kensho_merge_count (KenshoMerge *self, KenshoMergeKind kind)
{
  guint n = 0;

  g_return_val_if_fail (KENSHO_IS_MERGE (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    if (((KenshoMergeItem *) self->items->pdata[i])->kind == kind)
      n++;
  return n;
}

guint
kensho_merge_get_n_open_conflicts (KenshoMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (KENSHO_IS_MERGE (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      KenshoMergeItem *item = self->items->pdata[i];

      if (item->kind == KENSHO_MERGE_CONFLICT && item->choice == KENSHO_MERGE_CHOICE_NONE)
        n++;
    }
  return n;
}

void
kensho_merge_set_choice (KenshoMerge *self, guint item, KenshoMergeChoice choice)
{
  g_return_if_fail (KENSHO_IS_MERGE (self));
  g_return_if_fail (item < self->items->len);
  ((KenshoMergeItem *) self->items->pdata[item])->choice = choice;
}

void
kensho_merge_choose_all (KenshoMerge *self, KenshoMergeChoice choice)
{
  g_return_if_fail (KENSHO_IS_MERGE (self));
  for (guint i = 0; i < self->items->len; i++)
    {
      KenshoMergeItem *item = self->items->pdata[i];

      if (item->kind == KENSHO_MERGE_CONFLICT)
        item->choice = choice;
    }
}

guint
kensho_merge_apply (KenshoMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (KENSHO_IS_MERGE (self), 0);
  g_return_val_if_fail (kensho_merge_get_n_open_conflicts (self) == 0, 0);

  /* The whole answer is one step of undo (nested in the caller's group
   * when several answers are merged at once). */
  kensho_sheet_begin_group (self->mine, _("Merge Answers"));

  for (guint i = 0; i < self->items->len; i++)
    {
      KenshoMergeItem *item = self->items->pdata[i];
      KenshoNode *mine, *theirs;

      if (!(item->kind == KENSHO_MERGE_TAKEN ||
            (item->kind == KENSHO_MERGE_CONFLICT && item->choice == KENSHO_MERGE_CHOICE_THEIRS)))
        continue;
      mine = kensho_sheet_lookup (self->mine, item->node_id);
      theirs = kensho_sheet_lookup (self->theirs, item->node_id);
      /* The sheet may have changed since the merge was worked out. */
      if (!KENSHO_IS_INDICATOR (mine) || !KENSHO_IS_INDICATOR (theirs) ||
          (item->what >= FIELD_BASELINE &&
           !same_series_shape (KENSHO_INDICATOR (mine), KENSHO_INDICATOR (theirs))))
        continue;
      set_field (KENSHO_INDICATOR (mine), KENSHO_INDICATOR (theirs), item->what, item->fiscal_year,
                 item->series);
      n++;
    }
  kensho_sheet_end_group (self->mine);
  return n;
}

const char *
kensho_merge_kind_to_string (KenshoMergeKind kind)
{
  switch (kind)
    {
    case KENSHO_MERGE_TAKEN: return _("taken");
    case KENSHO_MERGE_SAME: return _("already in the sheet");
    case KENSHO_MERGE_CONFLICT: return _("conflict");
    case KENSHO_MERGE_NOT_APPLIED: return _("not applied");
    default: g_return_val_if_reached (NULL);
    }
}

char *
kensho_merge_item_describe (const KenshoMergeItem *item)
{
  if (item->kind == KENSHO_MERGE_CONFLICT)
    return g_strdup_printf ("%s: %s: %s → %s / %s", item->node_name, item->field, item->base,
                            item->theirs, item->mine);
  return g_strdup_printf ("%s: %s: %s → %s", item->node_name, item->field, item->base, item->theirs);
}

GBytes *
kensho_merge_report_csv (const char *division, GPtrArray *items)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = { _("Division"), _("Indicator"), _("Field"), _("Result"), _("Before"),
                           _("Answer"), _("Sheet") };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    kensho_csv_append_field (out, header[i]);
  kensho_csv_end_row (out);
  for (guint i = 0; i < items->len; i++)
    {
      KenshoMergeItem *item = items->pdata[i];

      kensho_csv_append_field (out, division);
      kensho_csv_append_field (out, item->node_name);
      kensho_csv_append_field (out, item->field);
      if (item->kind == KENSHO_MERGE_CONFLICT && item->choice != KENSHO_MERGE_CHOICE_NONE)
        kensho_csv_append_field (out, item->choice == KENSHO_MERGE_CHOICE_THEIRS ? _("conflict, answer taken")
                                                                                 : _("conflict, sheet kept"));
      else
        kensho_csv_append_field (out, kensho_merge_kind_to_string (item->kind));
      kensho_csv_append_field (out, item->base);
      kensho_csv_append_field (out, item->theirs);
      kensho_csv_append_field (out, item->mine);
      kensho_csv_end_row (out);
    }
  return g_string_free_to_bytes (out);
}
