/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of test-crash: edits a sheet in a workspace as fast as it can and
 * prints the number and indicator of every edit once it is committed, until killed.
 *   crash-child WORKSPACE FIRST_EDIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kensho-sheet-xml.h"
#include "kensho-workspace.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 id;
  long edit;

  if (argc != 3)
    return 2;
  edit = strtol (argv[2], NULL, 10);
  workspace = kensho_workspace_open (argv[1], &error);
  g_assert_no_error (error);
  entries = kensho_workspace_list (workspace, &error);
  g_assert_no_error (error);
  if (entries->len == 0)
    {
      sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
      g_assert_no_error (error);
      id = kensho_workspace_add_sheet (workspace, sheet, &error);
      g_assert_no_error (error);
    }
  else
    {
      id = ((KenshoWorkspaceEntry *) g_ptr_array_index (entries, 0))->id;
      sheet = kensho_workspace_load_sheet (workspace, id, &error);
      g_assert_no_error (error);
    }
  printf ("ready %" G_GINT64_FORMAT "\n", id);
  fflush (stdout);

  kensho_workspace_track (workspace, sheet, id);
  indicators = kensho_sheet_dup_indicators (sheet);
  for (;; edit++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, (guint) edit % indicators->len);
      g_autofree char *text = g_strdup_printf ("edit %ld", edit);

      kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ACTIVITIES, text);
      /* Every few edits a structural one: an indicator moves to the end
       * of its parent and back, which rewrites positions. */
      if (edit % 7 == 0)
        {
          KenshoNode *node = KENSHO_NODE (indicator);
          KenshoNode *parent = kensho_node_get_parent (node);
          guint position = kensho_node_get_position (node);

          g_assert_true (kensho_node_move (node, parent, G_MAXUINT, NULL));
          g_assert_true (kensho_workspace_flush (workspace, NULL));
          g_assert_true (kensho_node_move (node, parent, position, NULL));
        }
      if (!kensho_workspace_flush (workspace, &error))
        g_error ("%s", error->message);
      printf ("%ld %s\n", edit, kensho_node_get_id (KENSHO_NODE (indicator)));
      fflush (stdout);
    }
  return 0;
}
