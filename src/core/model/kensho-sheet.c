/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-era.h"
#include "kensho-error.h"
#include "kensho-node-private.h"
#include "kensho-sheet.h"
#include "kensho-util.h"

struct _KenshoSheet
{
  GObject parent_instance;
  char *municipality;
  char *title;
  char *label;
  char *notes;
  int fiscal_year;
  int plan_first;
  int plan_last;
  int baseline_year;
  KenshoAchievementMethod achievement_method;
  KenshoRatingScale *rating_scale;
  GStrv divisions;
  KenshoHandoutTag *handout;
  KenshoNode *root;
  GHashTable *nodes_by_id; /* id → KenshoNode, not owned */
  guint next_id;
  guint64 revision; /* counts every change, for caches of derived data */
};

G_DEFINE_FINAL_TYPE (KenshoSheet, kensho_sheet, G_TYPE_OBJECT)

enum { CHANGING, CHANGED, GROUP_BEGIN, GROUP_END, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
kensho_sheet_dispose (GObject *object)
{
  KenshoSheet *self = KENSHO_SHEET (object);

  if (self->root != NULL)
    {
      _kensho_node_attach_root (self->root, NULL);
      g_clear_object (&self->root);
    }
  g_clear_object (&self->rating_scale);
  G_OBJECT_CLASS (kensho_sheet_parent_class)->dispose (object);
}

static void
kensho_sheet_finalize (GObject *object)
{
  KenshoSheet *self = KENSHO_SHEET (object);

  g_free (self->municipality);
  g_free (self->title);
  g_free (self->label);
  g_free (self->notes);
  g_strfreev (self->divisions);
  kensho_handout_tag_free (self->handout);
  g_hash_table_unref (self->nodes_by_id);
  G_OBJECT_CLASS (kensho_sheet_parent_class)->finalize (object);
}

static void
kensho_sheet_class_init (KenshoSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_sheet_dispose;
  object_class->finalize = kensho_sheet_finalize;

  /**
   * KenshoSheet::changed:
   * @change: a #KenshoChange
   * @object: the sheet, the node or indicator that changed, or for
   *   %KENSHO_CHANGE_STRUCTURE the parent whose children changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   KENSHO_TYPE_CHANGE, G_TYPE_OBJECT);
  /**
   * KenshoSheet::changing:
   * @change: a #KenshoChange
   * @object: the sheet, or the node or indicator about to change; for
   *   %KENSHO_CHANGE_STRUCTURE the child about to be added, removed or
   *   moved (its parent and position are still the old ones)
   * @field: what changes, "field" or "field/detail" (see kensho-undo-stack.c)
   *
   * Emitted before every change that ::changed then reports, so that undo
   * can keep what is about to go.
   */
  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    KENSHO_TYPE_CHANGE, G_TYPE_OBJECT, G_TYPE_STRING);
  /* Around a compound edit (a paste, a preset) that undo takes back at once. */
  signals[GROUP_BEGIN] = g_signal_new ("group-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[GROUP_END] = g_signal_new ("group-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
on_rating_scale_changing (KenshoRatingScale *scale, const char *field, KenshoSheet *self)
{
  _kensho_sheet_emit_changing (self, KENSHO_CHANGE_SHEET, G_OBJECT (self), field);
}

static void
on_rating_scale_changed (KenshoRatingScale *scale, KenshoSheet *self)
{
  _kensho_sheet_emit_changed (self, KENSHO_CHANGE_SHEET, G_OBJECT (self));
}

static void
kensho_sheet_init (KenshoSheet *self)
{
  GDateTime *now = g_date_time_new_now_local ();
  /* The fiscal year starts in April. */
  int fiscal_year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 1 : 0);

  g_date_time_unref (now);
  self->fiscal_year = fiscal_year;
  self->plan_first = fiscal_year;
  self->plan_last = fiscal_year + 4;
  self->baseline_year = fiscal_year - 1;
  self->divisions = g_new0 (char *, 1);
  self->nodes_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->root = kensho_node_new (KENSHO_NODE_ROOT, NULL, NULL);
  _kensho_node_attach_root (self->root, self);
  kensho_sheet_set_rating_scale (self, NULL);
}

KenshoSheet *
kensho_sheet_new (void)
{
  return g_object_new (KENSHO_TYPE_SHEET, NULL);
}

/* Changes with every change the sheet signals: what is computed from the
 * whole sheet can be kept until then. */
guint64
kensho_sheet_get_revision (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), 0);
  return self->revision;
}

/* The one place every change is announced before it happens. */
void
_kensho_sheet_emit_changing (KenshoSheet *self, KenshoChange change, GObject *object,
                             const char *field)
{
  g_signal_emit (self, signals[CHANGING], 0, (int) change, object, field);
}

void
kensho_sheet_begin_group (KenshoSheet *self, const char *label)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));
  g_signal_emit (self, signals[GROUP_BEGIN], 0, label);
}

void
kensho_sheet_end_group (KenshoSheet *self)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));
  g_signal_emit (self, signals[GROUP_END], 0);
}

void
_kensho_sheet_emit_changed (KenshoSheet *self, KenshoChange change, GObject *object)
{
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0, (int) change, object);
}

static void
emit_sheet_changed (KenshoSheet *self)
{
  _kensho_sheet_emit_changed (self, KENSHO_CHANGE_SHEET, G_OBJECT (self));
}

static void
emit_sheet_changing (KenshoSheet *self, const char *field)
{
  _kensho_sheet_emit_changing (self, KENSHO_CHANGE_SHEET, G_OBJECT (self), field);
}

#define DEFINE_STRING_ACCESSORS(field, name)                                        \
  const char *                                                                \
  kensho_sheet_get_##field (KenshoSheet *self)                                \
  {                                                                           \
    g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);                      \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  kensho_sheet_set_##field (KenshoSheet *self, const char *value)             \
  {                                                                           \
    g_return_if_fail (KENSHO_IS_SHEET (self));                                \
    if (g_strcmp0 (self->field, kensho_str_or_null (value)) == 0)             \
      return;                                                                 \
    emit_sheet_changing (self, name);                                         \
    kensho_set_str (&self->field, kensho_str_or_null (value));                \
    emit_sheet_changed (self);                                                \
  }

DEFINE_STRING_ACCESSORS (municipality, "municipality")
DEFINE_STRING_ACCESSORS (title, "sheet-title")
DEFINE_STRING_ACCESSORS (label, "sheet-label")
DEFINE_STRING_ACCESSORS (notes, "sheet-notes")

int
kensho_sheet_get_fiscal_year (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), 0);
  return self->fiscal_year;
}

void
kensho_sheet_set_fiscal_year (KenshoSheet *self, int fiscal_year)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));
  if (self->fiscal_year == fiscal_year)
    return;
  emit_sheet_changing (self, "fiscal-year");
  self->fiscal_year = fiscal_year;
  emit_sheet_changed (self);
}

int
kensho_sheet_get_plan_first (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), 0);
  return self->plan_first;
}

int
kensho_sheet_get_plan_last (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), 0);
  return self->plan_last;
}

gboolean
kensho_sheet_set_plan_period (KenshoSheet *self, int first, int last, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), FALSE);

  if (first > last)
    {
      g_autofree char *first_text = kensho_era_format (first, KENSHO_PERIOD_FISCAL_YEAR, 0);
      g_autofree char *last_text = kensho_era_format (last, KENSHO_PERIOD_FISCAL_YEAR, 0);

      g_set_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID,
                   _("The plan period cannot end (%s) before it starts (%s)."),
                   last_text, first_text);
      return FALSE;
    }
  if (self->plan_first == first && self->plan_last == last)
    return TRUE;
  emit_sheet_changing (self, "plan-period");
  self->plan_first = first;
  self->plan_last = last;
  emit_sheet_changed (self);
  return TRUE;
}

int
kensho_sheet_get_baseline_year (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), 0);
  return self->baseline_year;
}

void
kensho_sheet_set_baseline_year (KenshoSheet *self, int year)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));
  if (self->baseline_year == year)
    return;
  emit_sheet_changing (self, "baseline-year");
  self->baseline_year = year;
  emit_sheet_changed (self);
}

KenshoAchievementMethod
kensho_sheet_get_achievement_method (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), KENSHO_ACHIEVEMENT_RATIO);
  return self->achievement_method;
}

void
kensho_sheet_set_achievement_method (KenshoSheet *self, KenshoAchievementMethod method)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));
  g_return_if_fail ((guint) method < KENSHO_N_ACHIEVEMENT_METHODS);
  if (self->achievement_method == method)
    return;
  emit_sheet_changing (self, "achievement-method");
  self->achievement_method = method;
  emit_sheet_changed (self);
}

KenshoRatingScale *
kensho_sheet_get_rating_scale (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  return self->rating_scale;
}

/* NULL puts the default scale (Isesaki's three levels) in place. */
void
kensho_sheet_set_rating_scale (KenshoSheet *self, KenshoRatingScale *scale)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));

  if (scale != NULL && scale == self->rating_scale)
    return;
  if (self->rating_scale != NULL)
    {
      emit_sheet_changing (self, "rating-scale");
      g_signal_handlers_disconnect_by_func (self->rating_scale, on_rating_scale_changed, self);
      g_signal_handlers_disconnect_by_func (self->rating_scale, on_rating_scale_changing, self);
    }
  g_clear_object (&self->rating_scale);
  self->rating_scale = scale ? g_object_ref (scale) : kensho_rating_scale_new_default ();
  g_signal_connect_object (self->rating_scale, "changed",
                           G_CALLBACK (on_rating_scale_changed), self, 0);
  g_signal_connect_object (self->rating_scale, "changing",
                           G_CALLBACK (on_rating_scale_changing), self, 0);
  emit_sheet_changed (self);
}

/* Whether an indicator gives this rating in any fiscal year. */
gboolean
kensho_sheet_rating_in_use (KenshoSheet *self, const char *rating_id)
{
  g_autoptr(GPtrArray) indicators = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (self), FALSE);

  indicators = kensho_sheet_dup_indicators (self);
  for (guint i = 0; i < indicators->len; i++)
    {
      g_autoptr(GArray) years = kensho_indicator_dup_years (indicators->pdata[i]);

      for (guint y = 0; y < years->len; y++)
        if (g_strcmp0 (kensho_indicator_get_rating_id (indicators->pdata[i],
                                                       g_array_index (years, int, y)),
                       rating_id) == 0)
          return TRUE;
    }
  return FALSE;
}

/**
 * kensho_sheet_apply_rating_preset:
 *
 * Puts a city's scale and achievement method in place. Ratings the
 * indicators still give and the preset lacks are kept, after the preset's,
 * so that nothing written is lost and the file stays valid; the person
 * then re-rates and removes them.
 *
 * Returns: (transfer full) (nullable): the ratings kept, NULL for an
 *   unknown preset
 */
GPtrArray *
kensho_sheet_apply_rating_preset (KenshoSheet *self, const char *preset_id)
{
  g_autoptr(KenshoRatingScale) scale = kensho_rating_scale_new_preset (preset_id);
  GPtrArray *kept;
  const KenshoRatingScalePreset *presets;
  guint n_presets, n;

  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);

  if (scale == NULL)
    return NULL;
  kept = g_ptr_array_new_with_free_func (g_object_unref);
  n = kensho_rating_scale_get_n_ratings (self->rating_scale);
  for (guint i = 0; i < n; i++)
    {
      KenshoRating *old = kensho_rating_scale_get_rating (self->rating_scale, i);

      if (kensho_rating_scale_lookup (scale, kensho_rating_get_id (old)) == NULL &&
          kensho_sheet_rating_in_use (self, kensho_rating_get_id (old)))
        {
          g_autoptr(KenshoRating) copy = kensho_rating_copy (old);

          kensho_rating_scale_append (scale, copy, NULL);
          g_ptr_array_add (kept, g_object_ref (copy));
        }
    }
  presets = kensho_rating_scale_get_presets (&n_presets);
  kensho_sheet_begin_group (self, _("Apply a city’s rating scale"));
  for (guint i = 0; i < n_presets; i++)
    if (g_str_equal (presets[i].id, preset_id))
      kensho_sheet_set_achievement_method (self, presets[i].method);
  kensho_sheet_set_rating_scale (self, scale);
  kensho_sheet_end_group (self);
  return kept;
}

const char * const *
kensho_sheet_get_divisions (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  return (const char * const *) self->divisions;
}

void
kensho_sheet_set_divisions (KenshoSheet *self, const char * const *divisions)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (KENSHO_IS_SHEET (self));

  if (divisions == NULL)
    divisions = none;
  if (g_strv_equal ((const char * const *) self->divisions, divisions))
    return;
  emit_sheet_changing (self, "divisions");
  g_strfreev (self->divisions);
  self->divisions = g_strdupv ((char **) divisions);
  emit_sheet_changed (self);
}

gboolean
kensho_sheet_has_division (KenshoSheet *self, const char *division)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), FALSE);
  return division != NULL && g_strv_contains ((const char * const *) self->divisions, division);
}

const KenshoHandoutTag *
kensho_sheet_get_handout (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  return self->handout;
}

void
kensho_sheet_set_handout (KenshoSheet *self, const KenshoHandoutTag *tag)
{
  g_return_if_fail (KENSHO_IS_SHEET (self));

  if (kensho_handout_tag_equal (self->handout, tag))
    return;
  emit_sheet_changing (self, "handout");
  kensho_handout_tag_free (self->handout);
  self->handout = tag ? kensho_handout_tag_copy (tag) : NULL;
  emit_sheet_changed (self);
}

KenshoNode *
kensho_sheet_get_root (KenshoSheet *self)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  return self->root;
}

KenshoNode *
kensho_sheet_lookup (KenshoSheet *self, const char *id)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  return id ? g_hash_table_lookup (self->nodes_by_id, id) : NULL;
}

static const char *
id_prefix (KenshoNodeKind kind)
{
  switch (kind)
    {
    case KENSHO_NODE_GOAL: return "g";
    case KENSHO_NODE_SUBGOAL: return "sg";
    case KENSHO_NODE_MEASURE: return "m";
    case KENSHO_NODE_INDICATOR: return "i";
    case KENSHO_NODE_ROOT:
    default: return "n";
    }
}

char *
kensho_sheet_make_id (KenshoSheet *self, KenshoNodeKind kind)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s%u", id_prefix (kind), ++self->next_id);

      if (!g_hash_table_contains (self->nodes_by_id, id))
        return id;
      g_free (id);
    }
}

/* A node entering the sheet keeps its identifier unless another node
 * already has it (a pasted copy, say): then it gets a fresh one. */
void
_kensho_sheet_register_node (KenshoSheet *self, KenshoNode *node)
{
  const char *id = kensho_node_get_id (node);
  KenshoNode *owner = id ? g_hash_table_lookup (self->nodes_by_id, id) : NULL;

  if (id == NULL || (owner != NULL && owner != node))
    {
      g_autofree char *fresh = kensho_sheet_make_id (self, kensho_node_get_kind (node));

      kensho_node_set_id (node, fresh);
      id = kensho_node_get_id (node);
    }
  g_hash_table_replace (self->nodes_by_id, g_strdup (id), node);
}

void
_kensho_sheet_unregister_node (KenshoSheet *self, KenshoNode *node)
{
  const char *id = kensho_node_get_id (node);

  if (id != NULL && g_hash_table_lookup (self->nodes_by_id, id) == node)
    g_hash_table_remove (self->nodes_by_id, id);
}

/* All indicators in document order. */
GPtrArray *
kensho_sheet_dup_indicators (KenshoSheet *self)
{
  GPtrArray *indicators = g_ptr_array_new ();

  g_return_val_if_fail (KENSHO_IS_SHEET (self), indicators);
  kensho_node_collect_indicators (self->root, indicators);
  return indicators;
}

/* "令和5年度 第2期伊勢崎市…効果検証シート" */
char *
kensho_sheet_dup_display_title (KenshoSheet *self)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  year = kensho_era_format (self->fiscal_year, KENSHO_PERIOD_FISCAL_YEAR, 0);
  if (self->title == NULL)
    return g_steal_pointer (&year);
  return g_strdup_printf ("%s %s", year, self->title);
}

int
kensho_sheet_get_column_year (KenshoSheet *self, KenshoColumn column)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (self), 0);

  switch (column)
    {
    case KENSHO_COLUMN_BASELINE: return self->baseline_year;
    case KENSHO_COLUMN_PREVIOUS_ACTUAL: return self->fiscal_year - 1;
    case KENSHO_COLUMN_ACTUAL:
    case KENSHO_COLUMN_TARGET: return self->fiscal_year;
    case KENSHO_COLUMN_FINAL_TARGET: return self->plan_last;
    default: g_return_val_if_reached (0);
    }
}

/* Column headings as on the printed sheet: "基準値 (令和元年度)", "令和4年度 実績値" … */
char *
kensho_sheet_dup_column_title (KenshoSheet *self, KenshoColumn column)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (self), NULL);
  year = kensho_era_format (kensho_sheet_get_column_year (self, column),
                            KENSHO_PERIOD_FISCAL_YEAR, 0);
  switch (column)
    {
    /* TRANSLATORS: %s is a fiscal year such as 令和元年度 */
    case KENSHO_COLUMN_BASELINE: return g_strdup_printf (_("Baseline (%s)"), year);
    /* TRANSLATORS: %s is a fiscal year such as 令和5年度 */
    case KENSHO_COLUMN_PREVIOUS_ACTUAL:
    case KENSHO_COLUMN_ACTUAL: return g_strdup_printf (_("%s actual"), year);
    /* TRANSLATORS: %s is a fiscal year such as 令和5年度 */
    case KENSHO_COLUMN_TARGET: return g_strdup_printf (_("%s target"), year);
    /* TRANSLATORS: %s is the last fiscal year of the plan, such as 令和9年度 */
    case KENSHO_COLUMN_FINAL_TARGET: return g_strdup_printf (_("Final-year target (%s)"), year);
    default: g_return_val_if_reached (NULL);
    }
}

static gboolean
rating_scales_equal (KenshoRatingScale *a, KenshoRatingScale *b)
{
  guint n = kensho_rating_scale_get_n_ratings (a);

  if (g_strcmp0 (kensho_rating_scale_get_name (a), kensho_rating_scale_get_name (b)) != 0 ||
      n != kensho_rating_scale_get_n_ratings (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!kensho_rating_equal (kensho_rating_scale_get_rating (a, i),
                                kensho_rating_scale_get_rating (b, i)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
nodes_equal (KenshoNode *a, KenshoNode *b)
{
  guint n = kensho_node_get_n_children (a);

  if (kensho_node_get_kind (a) != kensho_node_get_kind (b) ||
      g_strcmp0 (kensho_node_get_id (a), kensho_node_get_id (b)) != 0 ||
      g_strcmp0 (kensho_node_get_code (a), kensho_node_get_code (b)) != 0 ||
      g_strcmp0 (kensho_node_get_title (a), kensho_node_get_title (b)) != 0 ||
      g_strcmp0 (kensho_node_get_notes (a), kensho_node_get_notes (b)) != 0 ||
      n != kensho_node_get_n_children (b))
    return FALSE;
  if (KENSHO_IS_INDICATOR (a) &&
      !kensho_indicator_equal (KENSHO_INDICATOR (a), KENSHO_INDICATOR (b)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!nodes_equal (kensho_node_get_child (a, i), kensho_node_get_child (b, i)))
      return FALSE;
  return TRUE;
}

/* Same content in every field, node and value: what a round trip through a
 * file or the workspace must preserve. */
gboolean
kensho_sheet_equal (KenshoSheet *a, KenshoSheet *b)
{
  g_return_val_if_fail (KENSHO_IS_SHEET (a) && KENSHO_IS_SHEET (b), FALSE);

  return g_strcmp0 (a->municipality, b->municipality) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         a->fiscal_year == b->fiscal_year &&
         a->plan_first == b->plan_first &&
         a->plan_last == b->plan_last &&
         a->baseline_year == b->baseline_year &&
         a->achievement_method == b->achievement_method &&
         g_strv_equal ((const char * const *) a->divisions, (const char * const *) b->divisions) &&
         kensho_handout_tag_equal (a->handout, b->handout) &&
         rating_scales_equal (a->rating_scale, b->rating_scale) &&
         nodes_equal (a->root, b->root);
}

/* Metadata, divisions and a copy of the rating scale; not the tree. */
void
kensho_sheet_copy_metadata (KenshoSheet *self, KenshoSheet *from)
{
  g_autoptr(KenshoRatingScale) scale = NULL;

  g_return_if_fail (KENSHO_IS_SHEET (self) && KENSHO_IS_SHEET (from));

  kensho_sheet_begin_group (self, NULL);
  kensho_sheet_set_municipality (self, from->municipality);
  kensho_sheet_set_title (self, from->title);
  kensho_sheet_set_label (self, from->label);
  kensho_sheet_set_notes (self, from->notes);
  kensho_sheet_set_fiscal_year (self, from->fiscal_year);
  kensho_sheet_set_plan_period (self, from->plan_first, from->plan_last, NULL);
  kensho_sheet_set_baseline_year (self, from->baseline_year);
  kensho_sheet_set_achievement_method (self, from->achievement_method);
  kensho_sheet_set_divisions (self, (const char * const *) from->divisions);
  kensho_sheet_set_handout (self, from->handout);
  if (!rating_scales_equal (self->rating_scale, from->rating_scale))
    {
      scale = kensho_rating_scale_copy (from->rating_scale);
      kensho_sheet_set_rating_scale (self, scale);
    }
  kensho_sheet_end_group (self);
}
