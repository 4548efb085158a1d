/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-handout.h"
#include "kensho-sheet-xml.h"
#include "kensho-util.h"

char *
kensho_handout_sheet_key (KenshoSheet *sheet)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *municipality = kensho_sheet_get_municipality (sheet);
  const char *title = kensho_sheet_get_title (sheet);

  g_checksum_update (checksum, (const guchar *) (municipality ? municipality : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (title ? title : ""), -1);
  return g_strndup (g_checksum_get_string (checksum), 16);
}

GStrv
kensho_handout_dup_divisions (KenshoSheet *sheet)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *listed = kensho_sheet_get_divisions (sheet);

  for (guint i = 0; i < indicators->len; i++)
    {
      const char *division = kensho_indicator_get_division (indicators->pdata[i]);

      if (kensho_str_or_null (division) != NULL)
        g_hash_table_add (used, (gpointer) division);
    }
  for (guint i = 0; listed[i] != NULL; i++)
    if (g_hash_table_contains (used, listed[i]) && g_hash_table_add (added, (gpointer) listed[i]))
      g_strv_builder_add (builder, listed[i]);
  for (guint i = 0; i < indicators->len; i++)
    {
      const char *division = kensho_indicator_get_division (indicators->pdata[i]);

      if (kensho_str_or_null (division) != NULL && g_hash_table_add (added, (gpointer) division))
        g_strv_builder_add (builder, division);
    }
  return g_strv_builder_end (builder);
}

/* Copies the part of @from's subtree that leads to the division's
 * indicators under @to; FALSE when there is none. */
static gboolean
copy_branch (KenshoNode *from, KenshoNode *to, const char *division)
{
  guint n = kensho_node_get_n_children (from);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      KenshoNode *child = kensho_node_get_child (from, i);
      g_autoptr(KenshoNode) copy = NULL;

      if (KENSHO_IS_INDICATOR (child))
        {
          if (g_strcmp0 (kensho_indicator_get_division (KENSHO_INDICATOR (child)), division) != 0)
            continue;
          copy = KENSHO_NODE (kensho_indicator_copy (KENSHO_INDICATOR (child)));
        }
      else
        {
          copy = kensho_node_new (kensho_node_get_kind (child), kensho_node_get_code (child),
                                  kensho_node_get_title (child));
          kensho_node_set_notes (copy, kensho_node_get_notes (child));
        }
      kensho_node_set_id (copy, kensho_node_get_id (child));
      /* The ids come from a sheet where they were unique. */
      if (!kensho_node_append (to, copy, NULL))
        continue;
      if (!KENSHO_IS_INDICATOR (child) && !copy_branch (child, copy, division))
        {
          kensho_node_remove (copy);
          continue;
        }
      any = TRUE;
    }
  return any;
}

static char *
dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

KenshoSheet *
kensho_handout_new (KenshoSheet *sheet, const char *division, const char *due, const char *contact,
                    GError **error)
{
  g_autoptr(KenshoSheet) handout = kensho_sheet_new ();
  g_autoptr(KenshoHandoutTag) tag = kensho_handout_tag_new ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *hex = NULL;
  const char *divisions[] = { division, NULL };

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (division != NULL, NULL);

  kensho_sheet_copy_metadata (handout, sheet);
  kensho_sheet_set_divisions (handout, divisions);
  if (!copy_branch (kensho_sheet_get_root (sheet), kensho_sheet_get_root (handout), division))
    {
      g_autofree char *quoted = kensho_quote_for_message (division);

      g_set_error (error, KENSHO_CYCLE_ERROR, KENSHO_CYCLE_ERROR_NO_INDICATORS,
                   _("The division “%s” has no indicator on this sheet."), quoted);
      return NULL;
    }
  parts = g_strsplit (uuid, "-", -1);
  hex = g_strjoinv ("", parts);
  tag->id = g_strconcat ("h", hex, NULL);
  tag->sheet_key = kensho_handout_sheet_key (sheet);
  tag->division = g_strdup (division);
  tag->sent = dup_now_iso8601 ();
  tag->due = g_strdup (kensho_str_or_null (due));
  tag->contact = g_strdup (kensho_str_or_null (contact));
  /* The base is the hand-out without its tag: what the division edits. */
  tag->base = kensho_sheet_xml_serialize (handout);
  kensho_sheet_set_handout (handout, tag);
  return g_steal_pointer (&handout);
}

char *
kensho_handout_file_name (const char *division, const char *extension)
{
  g_autofree char *valid = g_utf8_make_valid (division, -1);
  g_autofree char *stem = NULL;

  /* Characters Windows or a shell would trip over. */
  g_strdelimit (valid, "/\\:*?\"<>|", '_');
  for (char *p = valid; *p; p++)
    if ((guchar) *p < 0x20)
      *p = '_';
  stem = g_strstrip (valid)[0] == '.' || *valid == '\0' ? g_strconcat ("_", valid, NULL) : g_strdup (valid);
  return g_strconcat (stem, ".", extension, NULL);
}
