/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-checker.h"
#include "kensho-checks.h"
#include "kensho-finding.h"

struct _KenshoChecker
{
  GObject parent_instance;

  KenshoSheet *sheet;
  gulong changed_handler;
  GListStore *findings;   /* indicator by indicator, in document order */

  /* Everything again (the start, the sheet's settings, its tree): in
   * slices, into @fresh, spliced in whole at the end. */
  gboolean full;
  GPtrArray *order;       /* the indicators being checked in full */
  guint next;             /* the next one of @order to check */
  GPtrArray *fresh;       /* their findings so far */
  gboolean replaced;      /* the old list has given way to @fresh */
  guint published;        /* how many of @fresh are in the list */

  GHashTable *ordinal;    /* indicator → position in the document + 1 */
  GHashTable *names;      /* indicator → its name when last checked */
  GHashTable *dirty;      /* indicators to check again */
  GQueue dirty_order;     /* the same, in the order they changed */
  GHashTable *dirty_nodes; /* nodes whose code or title changed */
};

G_DEFINE_FINAL_TYPE (KenshoChecker, kensho_checker, G_TYPE_OBJECT)

#define PUBLISH_CHUNK 32

static void
mark_dirty (KenshoChecker *self, KenshoIndicator *indicator)
{
  if (g_hash_table_contains (self->dirty, indicator))
    return;
  g_hash_table_add (self->dirty, g_object_ref (indicator));
  g_queue_push_tail (&self->dirty_order, indicator);
}

static void
clear_dirty (KenshoChecker *self)
{
  g_queue_clear (&self->dirty_order);
  g_hash_table_remove_all (self->dirty);
  g_hash_table_remove_all (self->dirty_nodes);
}

static void
start_full (KenshoChecker *self)
{
  self->full = TRUE;
  self->next = 0;
  self->replaced = FALSE;
  self->published = 0;
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_ptr_array_set_size (self->fresh, 0);
  clear_dirty (self);
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoChecker *self)
{
  if (change != KENSHO_CHANGE_CONTENT || KENSHO_IS_SHEET (object))
    start_full (self);
  else if (KENSHO_IS_INDICATOR (object))
    {
      /* One a full check has not reached yet will be checked then. */
      if (!self->full ||
          (self->order != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (self->ordinal, object)) <= self->next))
        mark_dirty (self, KENSHO_INDICATOR (object));
    }
  else if (KENSHO_IS_NODE (object) && !g_hash_table_contains (self->dirty_nodes, object))
    g_hash_table_add (self->dirty_nodes, g_object_ref (object));
}

static guint
ordinal_of (KenshoChecker *self, KenshoIndicator *indicator)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ordinal, indicator));
}

static guint
finding_ordinal (KenshoChecker *self, guint position)
{
  g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);

  return ordinal_of (self, kensho_finding_get_indicator (finding));
}

/* The first finding whose indicator comes at @ordinal or later. */
static guint
lower_bound (KenshoChecker *self, guint ordinal)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (finding_ordinal (self, mid) < ordinal)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
finding_equal (KenshoFinding *a, KenshoFinding *b)
{
  return kensho_finding_get_check (a) == kensho_finding_get_check (b) &&
         kensho_finding_get_field (a) == kensho_finding_get_field (b) &&
         kensho_finding_get_series (a) == kensho_finding_get_series (b) &&
         g_strcmp0 (kensho_finding_get_message (a), kensho_finding_get_message (b)) == 0;
}

static void
remember_name (KenshoChecker *self, KenshoIndicator *indicator)
{
  g_hash_table_insert (self->names, indicator, g_strdup (kensho_indicator_get_name (indicator)));
}

/* Checks one indicator again; the list changes only where it differs. */
static void
recheck (KenshoChecker *self, KenshoIndicator *indicator)
{
  guint ordinal = ordinal_of (self, indicator);
  g_autoptr(GListStore) fresh = NULL;
  guint start, end, n_fresh;
  gboolean same;

  if (ordinal == 0)
    return; /* no longer in the sheet: its tree changed, a full check follows */
  {
    const char *old_name = g_hash_table_lookup (self->names, indicator);
    const char *name = kensho_indicator_get_name (indicator);

    /* Another name: the indicators of the old and of the new one may have
     * gained or lost a duplicate, or another first one to point at. */
    if (g_strcmp0 (old_name, name) != 0)
      {
        g_autoptr(GPtrArray) before = kensho_sheet_dup_same_name (self->sheet, old_name);
        g_autoptr(GPtrArray) after = kensho_sheet_dup_same_name (self->sheet, name);

        g_ptr_array_extend_and_steal (before, g_steal_pointer (&after));
        for (guint i = 0; i < before->len; i++)
          if (before->pdata[i] != indicator)
            mark_dirty (self, before->pdata[i]);
        remember_name (self, indicator);
      }
  }
  fresh = kensho_indicator_run_checks (indicator, self->sheet);
  n_fresh = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  start = lower_bound (self, ordinal);
  end = start;
  while (end < g_list_model_get_n_items (G_LIST_MODEL (self->findings)) && finding_ordinal (self, end) == ordinal)
    end++;
  same = end - start == n_fresh;
  for (guint i = 0; same && i < n_fresh; i++)
    {
      g_autoptr(KenshoFinding) a = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      g_autoptr(KenshoFinding) b = g_list_model_get_item (G_LIST_MODEL (self->findings), start + i);

      same = finding_equal (a, b);
    }
  if (!same)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_fresh; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fresh), i));
      g_list_store_splice (self->findings, start, end - start, items->pdata, items->len);
    }
}

static gboolean
out_of_time (gint64 deadline)
{
  return deadline > 0 && g_get_monotonic_time () >= deadline;
}

static void
full_slice (KenshoChecker *self, gint64 deadline)
{
  if (self->order == NULL)
    {
      self->order = kensho_sheet_dup_indicators (self->sheet);
      g_hash_table_remove_all (self->ordinal);
      g_hash_table_remove_all (self->names);
      for (guint i = 0; i < self->order->len; i++)
        g_hash_table_insert (self->ordinal, self->order->pdata[i], GUINT_TO_POINTER (i + 1));
    }
  while (self->next < self->order->len)
    {
      KenshoIndicator *indicator = self->order->pdata[self->next++];
      g_autoptr(GListStore) found = kensho_indicator_run_checks (indicator, self->sheet);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (found));

      remember_name (self, indicator);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->fresh, g_list_model_get_item (G_LIST_MODEL (found), i));
      if (out_of_time (deadline))
        return;
    }
  /* Into the list a part at a time: a view makes and measures rows for
   * what comes into sight, the whole list at once blocked for a second. */
  while (!self->replaced || self->published < self->fresh->len)
    {
      guint n = MIN (PUBLISH_CHUNK, self->fresh->len - self->published);

      if (!self->replaced)
        g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                             self->fresh->pdata, n);
      else
        g_list_store_splice (self->findings, self->published, 0, self->fresh->pdata + self->published, n);
      self->replaced = TRUE;
      self->published += n;
      if (self->published < self->fresh->len && out_of_time (deadline))
        return;
    }
  g_ptr_array_set_size (self->fresh, 0);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  self->full = FALSE;
}

/* Checks what changed since the last time, for @budget_us microseconds at
 * most (0: until done); TRUE when nothing is left. */
gboolean
kensho_checker_update (KenshoChecker *self, gint64 budget_us)
{
  gint64 deadline;

  g_return_val_if_fail (KENSHO_IS_CHECKER (self), TRUE);

  deadline = budget_us > 0 ? g_get_monotonic_time () + budget_us : 0;
  if (self->full)
    {
      full_slice (self, deadline);
      if (self->full)
        return FALSE;
    }
  if (g_hash_table_size (self->dirty_nodes) > 0)
    {
      GHashTableIter iter;
      gpointer node;

      g_hash_table_iter_init (&iter, self->dirty_nodes);
      while (g_hash_table_iter_next (&iter, &node, NULL))
        {
          g_autoptr(GPtrArray) named = kensho_sheet_dup_named_after_children (self->sheet, node);

          for (guint i = 0; i < named->len; i++)
            mark_dirty (self, named->pdata[i]);
        }
      g_hash_table_remove_all (self->dirty_nodes);
    }
  while (!g_queue_is_empty (&self->dirty_order))
    {
      g_autoptr(KenshoIndicator) indicator = g_queue_pop_head (&self->dirty_order);

      g_hash_table_steal (self->dirty, indicator);
      recheck (self, indicator);
      if (out_of_time (deadline))
        break;
    }
  return !kensho_checker_get_pending (self);
}

/* Whether changes wait for kensho_checker_update(). */
gboolean
kensho_checker_get_pending (KenshoChecker *self)
{
  g_return_val_if_fail (KENSHO_IS_CHECKER (self), FALSE);
  return self->full || !g_queue_is_empty (&self->dirty_order) || g_hash_table_size (self->dirty_nodes) > 0;
}

/* All findings, as kensho_sheet_run_checks() would give them at the last
 * kensho_checker_update() that finished: a GListModel of KenshoFinding. */
GListModel *
kensho_checker_get_findings (KenshoChecker *self)
{
  g_return_val_if_fail (KENSHO_IS_CHECKER (self), NULL);
  return G_LIST_MODEL (self->findings);
}

static void
kensho_checker_dispose (GObject *object)
{
  KenshoChecker *self = KENSHO_CHECKER (object);

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_object (&self->sheet);
  if (self->dirty != NULL)
    clear_dirty (self);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  G_OBJECT_CLASS (kensho_checker_parent_class)->dispose (object);
}

static void
kensho_checker_finalize (GObject *object)
{
  KenshoChecker *self = KENSHO_CHECKER (object);

  g_clear_object (&self->findings);
  g_clear_pointer (&self->fresh, g_ptr_array_unref);
  g_clear_pointer (&self->ordinal, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->dirty_nodes, g_hash_table_unref);
  G_OBJECT_CLASS (kensho_checker_parent_class)->finalize (object);
}

static void
kensho_checker_class_init (KenshoCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_checker_dispose;
  object_class->finalize = kensho_checker_finalize;
}

static void
kensho_checker_init (KenshoChecker *self)
{
  self->findings = g_list_store_new (KENSHO_TYPE_FINDING);
  self->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  self->ordinal = g_hash_table_new (NULL, NULL);
  self->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->dirty_nodes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_queue_init (&self->dirty_order);
}

/* Nothing is checked until the first kensho_checker_update(). */
KenshoChecker *
kensho_checker_new (KenshoSheet *sheet)
{
  KenshoChecker *self;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  self = g_object_new (KENSHO_TYPE_CHECKER, NULL);
  self->sheet = g_object_ref (sheet);
  self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  start_full (self);
  return self;
}
