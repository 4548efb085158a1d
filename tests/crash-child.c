/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of test-crash: works on a workspace as fast as it can, printing a
 * line for every step once it is committed, until it is killed.
 *   crash-child edit WORKSPACE FIRST         edits commentary, moves nodes:
 *                                            "EDIT INDICATOR-ID"
 *   crash-child import WORKSPACE FIRST       imports the sample: "imported ID"
 *   crash-child save WORKSPACE FIRST FILE    edits and saves FILE: "saved N" */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kensho-document.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace.h"

static void
acknowledge (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
acknowledge (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static void
run_edits (KenshoWorkspace *workspace, long edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 id;

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
  acknowledge ("ready %" G_GINT64_FORMAT, id);

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
      acknowledge ("%ld %s", edit, kensho_node_get_id (KENSHO_NODE (indicator)));
    }
}

static void
run_imports (KenshoWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);

  g_assert_no_error (error);
  acknowledge ("ready 0");
  for (;;)
    {
      gint64 id = kensho_workspace_add_sheet (workspace, sheet, &error);

      g_assert_no_error (error);
      acknowledge ("imported %" G_GINT64_FORMAT, id);
    }
}

/* The first indicator's activities say "save N"; each save is reported
 * once the file is in place. */
static void
run_saves (KenshoWorkspace *workspace, long save, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, path, KENSHO_OPEN_LOAD_FILE, &error);
  g_autoptr(GPtrArray) indicators = NULL;

  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (document));
  acknowledge ("ready %" G_GINT64_FORMAT, kensho_document_get_id (document));
  for (;; save++)
    {
      g_autofree char *text = g_strdup_printf ("save %ld", save);

      kensho_indicator_set_commentary (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMENTARY_ACTIVITIES, text);
      if (!kensho_document_save (document, KENSHO_SAVE_OVERWRITE, &error))
        g_error ("%s", error->message);
      acknowledge ("saved %ld", save);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  long first;

  if (argc < 4)
    return 2;
  first = strtol (argv[3], NULL, 10);
  workspace = kensho_workspace_open (argv[2], &error);
  g_assert_no_error (error);
  if (g_str_equal (argv[1], "edit"))
    run_edits (workspace, first);
  else if (g_str_equal (argv[1], "import"))
    run_imports (workspace);
  else if (g_str_equal (argv[1], "save") && argc == 5)
    run_saves (workspace, first, argv[4]);
  return 2;
}
