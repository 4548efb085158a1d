/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of test-crash: edits a sheet in a workspace as fast as it can and
 * prints the number and indicator of every edit once it is committed, until killed.
 *   crash-child WORKSPACE FIRST_EDIT
 * or imports a sheet file over and over, printing "imported ID" once each
 * import is committed:
 *   crash-child WORKSPACE 0 import FILE
 * or edits the sheet linked to FILE and saves it, printing "saved N" once
 * the file holds edit N (written in the first indicator's activities):
 *   crash-child WORKSPACE FIRST_EDIT save FILE */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kensho-document.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace.h"

static int
import_forever (KenshoWorkspace *workspace, const char *path)
{
  printf ("ready 0\n");
  fflush (stdout);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, &error);
      gint64 id;

      g_assert_no_error (error);
      id = kensho_workspace_add_sheet (workspace, sheet, &error);
      g_assert_no_error (error);
      printf ("imported %" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
  return 0;
}

static int
save_forever (KenshoWorkspace *workspace, const char *path, long edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, path,
                                                                  KENSHO_OPEN_KEEP_LOCAL |
                                                                  KENSHO_OPEN_IGNORE_LOCK, &error);
  g_autoptr(GPtrArray) indicators = NULL;

  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (document));
  printf ("ready %" G_GINT64_FORMAT "\n", kensho_document_get_id (document));
  fflush (stdout);
  for (;; edit++)
    {
      g_autofree char *text = g_strdup_printf ("save %ld", edit);

      kensho_indicator_set_commentary (g_ptr_array_index (indicators, 0), 2023,
                                       KENSHO_COMMENTARY_ACTIVITIES, text);
      if (!kensho_document_save (document, KENSHO_SAVE_OVERWRITE, &error))
        g_error ("%s", error->message);
      printf ("saved %ld\n", edit);
      fflush (stdout);
    }
  return 0;
}

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

  if (argc != 3 && argc != 5)
    return 2;
  edit = strtol (argv[2], NULL, 10);
  workspace = kensho_workspace_open (argv[1], &error);
  g_assert_no_error (error);
  if (argc == 5 && g_str_equal (argv[3], "import"))
    return import_forever (workspace, argv[4]);
  if (argc == 5 && g_str_equal (argv[3], "save"))
    return save_forever (workspace, argv[4], edit);
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
