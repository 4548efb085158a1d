/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sheet written to rows and read back from them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kensho-error.h"
#include "kensho-workspace-private.h"

enum { SLOT_BASELINE, SLOT_ACTUAL, SLOT_TARGET, SLOT_FINAL };

/* Writing rows ------------------------------------------------------------ */

static void
bind_double_or_null (sqlite3_stmt *stmt, int index, double value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static double
column_double_or_nan (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

gboolean
ws_write_meta (KenshoWorkspace *self, gint64 id, KenshoSheet *sheet, GError **error)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (sheet);
  const char * const *divisions = kensho_sheet_get_divisions (sheet);
  sqlite3_stmt *stmt;
  guint n = kensho_rating_scale_get_n_ratings (scale);

  stmt = ws_statement (self, "UPDATE sheet SET municipality = ?2, title = ?3, label = ?4, notes = ?5,"
                             " fiscal_year = ?6, plan_first = ?7, plan_last = ?8, baseline_year = ?9,"
                             " scale_name = ?10, achievement_method = ?11, handout = ?12 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  ws_bind_text (stmt, 2, kensho_sheet_get_municipality (sheet));
  ws_bind_text (stmt, 3, kensho_sheet_get_title (sheet));
  ws_bind_text (stmt, 4, kensho_sheet_get_label (sheet));
  ws_bind_text (stmt, 5, kensho_sheet_get_notes (sheet));
  sqlite3_bind_int (stmt, 6, kensho_sheet_get_fiscal_year (sheet));
  sqlite3_bind_int (stmt, 7, kensho_sheet_get_plan_first (sheet));
  sqlite3_bind_int (stmt, 8, kensho_sheet_get_plan_last (sheet));
  sqlite3_bind_int (stmt, 9, kensho_sheet_get_baseline_year (sheet));
  ws_bind_text (stmt, 10, kensho_rating_scale_get_name (scale));
  sqlite3_bind_int (stmt, 11, kensho_sheet_get_achievement_method (sheet));
  if (kensho_sheet_get_handout (sheet) != NULL)
    {
      g_autoptr(GBytes) tag = kensho_handout_tag_to_bytes (kensho_sheet_get_handout (sheet));

      sqlite3_bind_blob (stmt, 12, g_bytes_get_data (tag, NULL), (int) g_bytes_get_size (tag),
                         SQLITE_TRANSIENT);
    }
  if (!ws_step_done (self, stmt, error))
    return FALSE;

  stmt = ws_statement (self, "DELETE FROM rating WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ws_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (scale, i);

      stmt = ws_statement (self, "INSERT INTO rating (sheet_id, position, rid, label, colour, delayed,"
                                 " rule, rule_min, rule_max) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      ws_bind_text (stmt, 3, kensho_rating_get_id (rating));
      ws_bind_text (stmt, 4, kensho_rating_get_label (rating));
      ws_bind_text (stmt, 5, kensho_rating_get_colour (rating));
      sqlite3_bind_int (stmt, 6, kensho_rating_get_delayed (rating));
      sqlite3_bind_int (stmt, 7, kensho_rating_get_rule (rating));
      bind_double_or_null (stmt, 8, kensho_rating_get_rule_min (rating));
      bind_double_or_null (stmt, 9, kensho_rating_get_rule_max (rating));
      if (!ws_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = ws_statement (self, "DELETE FROM division WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ws_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; divisions[i]; i++)
    {
      stmt = ws_statement (self, "INSERT INTO division (sheet_id, position, name) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      ws_bind_text (stmt, 3, divisions[i]);
      if (!ws_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int slot;
  int fy;
  const KenshoValue *value;
} SlotValue;

/* Rows per INSERT: a statement's start and end cost as much as a row. */
#define VALUES_PER_INSERT 8

/* The INSERT of n rows of values (1 to VALUES_PER_INSERT), made once:
 * ws_statement() knows statements by the address of their text. */
static const char *
value_insert_sql (guint n)
{
  static char *sql[VALUES_PER_INSERT + 1];

  if (sql[n] == NULL)
    {
      GString *text = g_string_new ("INSERT INTO value (sheet_id, nid, series, slot, fy, number, text, unit,"
                                    " period, note) VALUES ");

      for (guint i = 0; i < n; i++)
        g_string_append (text, i == 0 ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)");
      sql[n] = g_string_free (text, FALSE);
    }
  return sql[n];
}

static void
add_slot_value (GArray *values, int slot, int fy, const KenshoValue *value)
{
  if (value != NULL)
    g_array_append_val (values, ((SlotValue) { slot, fy, value }));
}

/* A series' values, in the order of the table's key, so that each row
 * goes after the last: SQLite appends instead of splitting pages. */
static gboolean
write_series_values (KenshoWorkspace *self, gint64 id, const char *nid, guint position,
                     KenshoSeries *series, GError **error)
{
  g_autoptr(GArray) actuals = kensho_series_dup_actual_years (series);
  g_autoptr(GArray) targets = kensho_series_dup_target_years (series);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (SlotValue));

  add_slot_value (values, SLOT_BASELINE, 0, kensho_series_get_baseline (series));
  for (guint i = 0; i < actuals->len; i++)
    add_slot_value (values, SLOT_ACTUAL, g_array_index (actuals, int, i),
                    kensho_series_get_actual (series, g_array_index (actuals, int, i)));
  for (guint i = 0; i < targets->len; i++)
    add_slot_value (values, SLOT_TARGET, g_array_index (targets, int, i),
                    kensho_series_get_target (series, g_array_index (targets, int, i)));
  add_slot_value (values, SLOT_FINAL, 0, kensho_series_get_final (series));

  for (guint first = 0; first < values->len; first += VALUES_PER_INSERT)
    {
      guint n = MIN (VALUES_PER_INSERT, values->len - first);
      sqlite3_stmt *stmt = ws_statement (self, value_insert_sql (n));

      for (guint i = 0; i < n; i++)
        {
          const SlotValue *row = &g_array_index (values, SlotValue, first + i);
          int at = (int) i * 10;

          sqlite3_bind_int64 (stmt, at + 1, id);
          ws_bind_text (stmt, at + 2, nid);
          sqlite3_bind_int (stmt, at + 3, (int) position);
          sqlite3_bind_int (stmt, at + 4, row->slot);
          sqlite3_bind_int (stmt, at + 5, row->fy);
          ws_bind_text (stmt, at + 6, row->value->number);
          ws_bind_text (stmt, at + 7, row->value->text);
          ws_bind_text (stmt, at + 8, row->value->unit);
          ws_bind_text (stmt, at + 9, row->value->period);
          ws_bind_text (stmt, at + 10, row->value->note);
        }
      if (!ws_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* An indicator's series, values and yearly records are few: rewriting
 * them whole is simpler than diffing and still well under a millisecond. */
gboolean
ws_write_indicator_content (KenshoWorkspace *self, gint64 id, KenshoIndicator *indicator,
                            gboolean fresh, GError **error)
{
  const char *nid = kensho_node_get_id (KENSHO_NODE (indicator));
  g_autoptr(GArray) years = kensho_indicator_dup_years (indicator);
  guint n_series = kensho_indicator_get_n_series (indicator);
  sqlite3_stmt *stmt;

  if (!fresh)
    {
      static const char *const deletes[] = {
        "DELETE FROM series WHERE sheet_id = ?1 AND nid = ?2",
        "DELETE FROM value WHERE sheet_id = ?1 AND nid = ?2",
        "DELETE FROM year_record WHERE sheet_id = ?1 AND nid = ?2",
      };

      for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
        {
          stmt = ws_statement (self, deletes[i]);
          sqlite3_bind_int64 (stmt, 1, id);
          ws_bind_text (stmt, 2, nid);
          if (!ws_step_done (self, stmt, error))
            return FALSE;
        }
    }

  for (guint s = 0; s < n_series; s++)
    {
      KenshoSeries *series = kensho_indicator_get_series (indicator, s);

      stmt = ws_statement (self, "INSERT INTO series (sheet_id, nid, position, name)"
                                 " VALUES (?1, ?2, ?3, ?4)");
      sqlite3_bind_int64 (stmt, 1, id);
      ws_bind_text (stmt, 2, nid);
      sqlite3_bind_int (stmt, 3, (int) s);
      ws_bind_text (stmt, 4, kensho_series_get_name (series));
      if (!ws_step_done (self, stmt, error) ||
          !write_series_values (self, id, nid, s, series, error))
        return FALSE;
    }

  for (guint i = 0; i < years->len; i++)
    {
      int fy = g_array_index (years, int, i);

      stmt = ws_statement (self, "INSERT INTO year_record (sheet_id, nid, fy, activities, issues,"
                                 " next_steps, rating, delay_reason, committee_opinion, committee_response)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      sqlite3_bind_int64 (stmt, 1, id);
      ws_bind_text (stmt, 2, nid);
      sqlite3_bind_int (stmt, 3, fy);
      ws_bind_text (stmt, 4, kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_ACTIVITIES));
      ws_bind_text (stmt, 5, kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_ISSUES));
      ws_bind_text (stmt, 6, kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_NEXT_STEPS));
      ws_bind_text (stmt, 7, kensho_indicator_get_rating_id (indicator, fy));
      ws_bind_text (stmt, 8, kensho_indicator_get_delay_reason (indicator, fy));
      ws_bind_text (stmt, 9, kensho_indicator_get_committee (indicator, fy, KENSHO_COMMITTEE_OPINION));
      ws_bind_text (stmt, 10, kensho_indicator_get_committee (indicator, fy, KENSHO_COMMITTEE_RESPONSE));
      if (!ws_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* position: the node's place under its parent, known to callers that walk
 * the children (looking it up is linear, which made importing a sheet of
 * 50,000 goals take a minute). */
gboolean
ws_write_node_row (KenshoWorkspace *self, gint64 id, KenshoNode *node, guint position, GError **error)
{
  KenshoNode *parent = kensho_node_get_parent (node);
  g_autofree char *acknowledged = NULL;
  sqlite3_stmt *stmt;

  stmt = ws_statement (self, "INSERT INTO node (sheet_id, nid, parent, position, kind, code, title,"
                             " notes, indicator_kind, direction, unit, division, acknowledged)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                             " ON CONFLICT (sheet_id, nid) DO UPDATE SET parent = ?3, position = ?4,"
                             " kind = ?5, code = ?6, title = ?7, notes = ?8, indicator_kind = ?9,"
                             " direction = ?10, unit = ?11, division = ?12, acknowledged = ?13");
  sqlite3_bind_int64 (stmt, 1, id);
  ws_bind_text (stmt, 2, kensho_node_get_id (node));
  ws_bind_text (stmt, 3, parent ? kensho_node_get_id (parent) : NULL);
  sqlite3_bind_int (stmt, 4, (int) position);
  sqlite3_bind_int (stmt, 5, kensho_node_get_kind (node));
  ws_bind_text (stmt, 6, kensho_node_get_code (node));
  ws_bind_text (stmt, 7, kensho_node_get_title (node));
  ws_bind_text (stmt, 8, kensho_node_get_notes (node));
  if (KENSHO_IS_INDICATOR (node))
    {
      KenshoIndicator *indicator = KENSHO_INDICATOR (node);

      sqlite3_bind_int (stmt, 9, kensho_indicator_get_indicator_kind (indicator));
      sqlite3_bind_int (stmt, 10, kensho_indicator_get_direction (indicator));
      ws_bind_text (stmt, 11, kensho_indicator_get_unit (indicator));
      ws_bind_text (stmt, 12, kensho_indicator_get_division (indicator));
      acknowledged = g_strjoinv (" ", (char **) kensho_indicator_get_acknowledgements (indicator));
      ws_bind_text (stmt, 13, *acknowledged ? acknowledged : NULL);
    }
  return ws_step_done (self, stmt, error);
}

gboolean
ws_write_subtree (KenshoWorkspace *self, gint64 id, KenshoNode *node, guint position, gboolean fresh,
                  GError **error)
{
  guint n = kensho_node_get_n_children (node);

  if (kensho_node_get_kind (node) != KENSHO_NODE_ROOT)
    {
      if (!ws_write_node_row (self, id, node, position, error))
        return FALSE;
      if (KENSHO_IS_INDICATOR (node) &&
          !ws_write_indicator_content (self, id, KENSHO_INDICATOR (node), fresh, error))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!ws_write_subtree (self, id, kensho_node_get_child (node, i), i, fresh, error))
      return FALSE;
  return TRUE;
}

gboolean
ws_insert_sheet_row (KenshoWorkspace *self, gint64 *id, GError **error)
{
  sqlite3_stmt *stmt = ws_statement (self, "INSERT INTO sheet (fiscal_year, plan_first, plan_last,"
                                           " baseline_year, created, modified)"
                                           " VALUES (0, 0, 0, 0, ?1, ?1)");

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  if (!ws_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gint64
kensho_workspace_add_sheet (KenshoWorkspace *self, KenshoSheet *sheet, GError **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), 0);

  if (!ws_begin_unchecked (self, error))
    return 0;
  ok = ws_insert_sheet_row (self, &id, error) &&
       ws_write_meta (self, id, sheet, error) &&
       ws_write_subtree (self, id, kensho_sheet_get_root (sheet), 0, TRUE, error);
  if (!ws_commit_or_rollback (self, ok, error))
    return 0;
  return id;
}

/* The outline's rows of sheet @id, each table by itself: foreign keys are
 * off while sheets are written whole, nothing cascades. */
gboolean
ws_delete_outline_rows (KenshoWorkspace *self, gint64 id, GError **error)
{
  static const char *const deletes[] = {
    "DELETE FROM series WHERE sheet_id = ?1",
    "DELETE FROM value WHERE sheet_id = ?1",
    "DELETE FROM year_record WHERE sheet_id = ?1",
    "DELETE FROM node WHERE sheet_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = ws_statement (self, deletes[i]);

      sqlite3_bind_int64 (stmt, 1, id);
      if (!ws_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces a sheet's content with another (a file loaded over local
 * changes), keeping its id, link and history. */
gboolean
kensho_workspace_replace_sheet (KenshoWorkspace *self, gint64 id, KenshoSheet *sheet,
                                GError **error)
{
  gboolean ok;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);

  if (!ws_begin_unchecked (self, error))
    return FALSE;
  ok = ws_delete_outline_rows (self, id, error) &&
       ws_write_meta (self, id, sheet, error) &&
       ws_write_subtree (self, id, kensho_sheet_get_root (sheet), 0, TRUE, error);
  return ws_commit_or_rollback (self, ok, error);
}

/* Reading a sheet back ---------------------------------------------------- */

static KenshoValue *
read_value (sqlite3_stmt *stmt, int first_column)
{
  const char *number = ws_column_text (stmt, first_column);
  const char *text = ws_column_text (stmt, first_column + 1);
  KenshoValue *value;

  /* The rows were written from valid values; a number that no longer
   * parses means the row was tampered with: keep it as text. */
  value = number ? kensho_value_new_number (number, ws_column_text (stmt, first_column + 2), NULL) : NULL;
  if (value == NULL)
    value = kensho_value_new_text (number ? number : text ? text : "");
  g_free (value->period);
  value->period = g_strdup (ws_column_text (stmt, first_column + 3));
  kensho_value_set_note (value, ws_column_text (stmt, first_column + 4));
  return value;
}

static gboolean
read_meta (KenshoWorkspace *self, gint64 id, KenshoSheet *sheet, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(KenshoRatingScale) scale = NULL;
  g_autoptr(GPtrArray) divisions = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = ws_statement (self, "SELECT municipality, title, label, notes, fiscal_year, plan_first,"
                             " plan_last, baseline_year, scale_name, achievement_method, handout"
                             " FROM sheet WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The workspace has no sheet %" G_GINT64_FORMAT "."), id);
          return FALSE;
        }
      return ws_set_sqlite_error (self, error);
    }
  kensho_sheet_set_municipality (sheet, ws_column_text (stmt, 0));
  kensho_sheet_set_title (sheet, ws_column_text (stmt, 1));
  kensho_sheet_set_label (sheet, ws_column_text (stmt, 2));
  kensho_sheet_set_notes (sheet, ws_column_text (stmt, 3));
  kensho_sheet_set_fiscal_year (sheet, sqlite3_column_int (stmt, 4));
  kensho_sheet_set_plan_period (sheet, sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6),
                                NULL);
  kensho_sheet_set_baseline_year (sheet, sqlite3_column_int (stmt, 7));
  scale = kensho_rating_scale_new (ws_column_text (stmt, 8));
  if ((guint) sqlite3_column_int (stmt, 9) < KENSHO_N_ACHIEVEMENT_METHODS)
    kensho_sheet_set_achievement_method (sheet, sqlite3_column_int (stmt, 9));
  if (sqlite3_column_type (stmt, 10) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 10), sqlite3_column_bytes (stmt, 10));
      g_autoptr(KenshoHandoutTag) tag = kensho_handout_tag_from_bytes (bytes);

      kensho_sheet_set_handout (sheet, tag);
    }
  sqlite3_reset (stmt);

  stmt = ws_statement (self, "SELECT rid, label, colour, delayed, rule, rule_min, rule_max"
                             " FROM rating WHERE sheet_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(KenshoRating) rating = kensho_rating_new (ws_column_text (stmt, 0),
                                                          ws_column_text (stmt, 1),
                                                          ws_column_text (stmt, 2),
                                                          sqlite3_column_int (stmt, 3));
      int rule = sqlite3_column_int (stmt, 4);

      if (rule > KENSHO_RATING_RULE_NONE && rule <= KENSHO_RATING_RULE_NOT_COMPUTABLE)
        kensho_rating_set_rule (rating, rule, column_double_or_nan (stmt, 5),
                                column_double_or_nan (stmt, 6));
      kensho_rating_scale_append (scale, rating, NULL);
    }
  sqlite3_reset (stmt);
  if (kensho_rating_scale_get_n_ratings (scale) > 0)
    kensho_sheet_set_rating_scale (sheet, scale);

  stmt = ws_statement (self, "SELECT name FROM division WHERE sheet_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (divisions, g_strdup (ws_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_add (divisions, NULL);
  kensho_sheet_set_divisions (sheet, (const char * const *) divisions->pdata);
  return TRUE;
}

static void
read_indicator_content (KenshoWorkspace *self, gint64 id, GHashTable *nodes)
{
  sqlite3_stmt *stmt;

  stmt = ws_statement (self, "SELECT nid, name FROM series WHERE sheet_id = ?1 ORDER BY nid, position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoNode *node = g_hash_table_lookup (nodes, ws_column_text (stmt, 0));
      g_autoptr(KenshoSeries) series = kensho_series_new (ws_column_text (stmt, 1));

      if (KENSHO_IS_INDICATOR (node))
        kensho_indicator_insert_series (KENSHO_INDICATOR (node), G_MAXUINT, series);
    }
  sqlite3_reset (stmt);

  /* kensho_indicator_new() gave each indicator an unnamed series first. */
  {
    GHashTableIter iter;
    gpointer node;

    g_hash_table_iter_init (&iter, nodes);
    while (g_hash_table_iter_next (&iter, NULL, &node))
      if (KENSHO_IS_INDICATOR (node) && kensho_indicator_get_n_series (node) > 1)
        kensho_indicator_remove_series (node, 0);
  }

  stmt = ws_statement (self, "SELECT nid, series, slot, fy, number, text, unit, period, note"
                             " FROM value WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoNode *node = g_hash_table_lookup (nodes, ws_column_text (stmt, 0));
      guint position = (guint) sqlite3_column_int (stmt, 1);
      int fy = sqlite3_column_int (stmt, 3);
      g_autoptr(KenshoValue) value = NULL;
      KenshoSeries *series;

      if (!KENSHO_IS_INDICATOR (node) || position >= kensho_indicator_get_n_series (KENSHO_INDICATOR (node)))
        continue;
      series = kensho_indicator_get_series (KENSHO_INDICATOR (node), position);
      value = read_value (stmt, 4);
      switch (sqlite3_column_int (stmt, 2))
        {
        case SLOT_BASELINE: kensho_series_set_baseline (series, value); break;
        case SLOT_ACTUAL: kensho_series_set_actual (series, fy, value); break;
        case SLOT_TARGET: kensho_series_set_target (series, fy, value); break;
        case SLOT_FINAL: kensho_series_set_final (series, value); break;
        default: break;
        }
    }
  sqlite3_reset (stmt);

  stmt = ws_statement (self, "SELECT nid, fy, activities, issues, next_steps, rating, delay_reason,"
                             " committee_opinion, committee_response FROM year_record WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoNode *node = g_hash_table_lookup (nodes, ws_column_text (stmt, 0));
      int fy = sqlite3_column_int (stmt, 1);
      KenshoIndicator *indicator;

      if (!KENSHO_IS_INDICATOR (node))
        continue;
      indicator = KENSHO_INDICATOR (node);
      for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        kensho_indicator_set_commentary (indicator, fy, part, ws_column_text (stmt, 2 + part));
      kensho_indicator_set_rating_id (indicator, fy, ws_column_text (stmt, 5));
      kensho_indicator_set_delay_reason (indicator, fy, ws_column_text (stmt, 6));
      for (KenshoCommitteePart part = 0; part <= KENSHO_COMMITTEE_RESPONSE; part++)
        kensho_indicator_set_committee (indicator, fy, part, ws_column_text (stmt, 7 + part));
    }
  sqlite3_reset (stmt);
}

KenshoSheet *
kensho_workspace_load_sheet (KenshoWorkspace *self, gint64 id, GError **error)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);

  if (!read_meta (self, id, sheet, error))
    return NULL;

  stmt = ws_statement (self, "SELECT nid, parent, kind, code, title, notes, indicator_kind, direction,"
                             " unit, division, acknowledged FROM node WHERE sheet_id = ?1"
                             " ORDER BY parent, position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *nid = ws_column_text (stmt, 0);
      KenshoNodeKind kind = sqlite3_column_int (stmt, 2);
      KenshoNode *node;

      if (kind == KENSHO_NODE_INDICATOR)
        {
          KenshoIndicator *indicator = kensho_indicator_new (sqlite3_column_int (stmt, 6),
                                                             ws_column_text (stmt, 4));

          kensho_indicator_set_direction (indicator, sqlite3_column_int (stmt, 7));
          kensho_indicator_set_unit (indicator, ws_column_text (stmt, 8));
          kensho_indicator_set_division (indicator, ws_column_text (stmt, 9));
          if (ws_column_text (stmt, 10) != NULL)
            {
              g_auto(GStrv) checks = g_strsplit (ws_column_text (stmt, 10), " ", -1);

              for (guint i = 0; checks[i]; i++)
                if (*checks[i] != '\0')
                  kensho_indicator_set_acknowledged (indicator, checks[i], TRUE);
            }
          node = KENSHO_NODE (indicator);
        }
      else if (kind >= KENSHO_NODE_GOAL && kind <= KENSHO_NODE_MEASURE)
        node = kensho_node_new (kind, ws_column_text (stmt, 3), ws_column_text (stmt, 4));
      else
        continue;
      kensho_node_set_code (node, ws_column_text (stmt, 3));
      kensho_node_set_notes (node, ws_column_text (stmt, 5));
      kensho_node_set_id (node, nid);
      g_hash_table_insert (nodes, g_strdup (nid), node);
      g_ptr_array_add (order, g_strdup (nid));
      g_ptr_array_add (parents, g_strdup (ws_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  read_indicator_content (self, id, nodes);

  /* Rows come sorted by parent and position: appending in that order
   * rebuilds every list of children. Top-level nodes go in last, so that
   * each subtree is whole when it enters the sheet. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < order->len; i++)
      {
        const char *parent_id = g_ptr_array_index (parents, i);
        KenshoNode *node = g_hash_table_lookup (nodes, g_ptr_array_index (order, i));
        KenshoNode *parent;

        if ((parent_id == NULL) != (pass == 1))
          continue;
        parent = parent_id ? g_hash_table_lookup (nodes, parent_id) : kensho_sheet_get_root (sheet);
        if (parent == NULL || !kensho_node_append (parent, node, NULL))
          g_warning ("Workspace sheet %" G_GINT64_FORMAT ": node %s has no valid parent",
                     id, kensho_node_get_id (node));
      }
  return g_steal_pointer (&sheet);
}
