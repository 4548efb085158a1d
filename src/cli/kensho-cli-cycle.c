/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-cli handout, merge and board: the yearly round of questions to
 * the divisions (照会) and their answers (回答), from files alone; with
 * --workspace, the workspace keeps what was sent and what came back. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kensho-answer-xlsx.h"
#include "kensho-board.h"
#include "kensho-cli-private.h"
#include "kensho-handout-store.h"
#include "kensho-handout-xlsx.h"
#include "kensho-handout.h"
#include "kensho-merge.h"
#include "kensho-file-write.h"
#include "kensho-sheet-xml.h"

/* The workspace named by --workspace and FILE's id in it; none without
 * --workspace, so that a plain run never touches the user's own. FALSE,
 * said on stderr, when --workspace names one that cannot be opened or
 * does not hold FILE: what is sent and answered would not be recorded. */
static gboolean
open_linked_workspace (const char *path, KenshoWorkspace **linked, gint64 *sheet_id)
{
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autofree char *absolute = NULL;

  *linked = NULL;
  *sheet_id = 0;
  if (workspace_path == NULL)
    return TRUE;
  if ((workspace = open_workspace ()) == NULL)
    return FALSE;
  absolute = g_canonicalize_filename (path, NULL);
  *sheet_id = kensho_workspace_find_by_path (workspace, absolute);
  if (*sheet_id <= 0)
    {
      g_autofree char *shown = escape_controls (path);
      g_autofree char *shown_workspace = escape_controls (workspace_path);

      g_printerr (_("%s is not in the workspace %s, which would not record this; bring it in first "
                    "with: kensho-cli --workspace %s import %s\n"),
                  shown, shown_workspace, shown_workspace, shown);
      return FALSE;
    }
  *linked = g_steal_pointer (&workspace);
  return TRUE;
}

int
kensho_cli_run_handout (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE -o DIR — hand a sheet out to its divisions"));
  g_auto(GStrv) chosen = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *due = NULL;
  g_autofree char *contact = NULL;
  GOptionEntry entries[] = {
    { "division", 0, 0, G_OPTION_ARG_STRING_ARRAY, &chosen, N_("Only this division (may be repeated)"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("xml (the default) or xlsx"), N_("FORMAT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When the answers are due"), N_("YYYY-MM-DD") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("Who the divisions ask"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to write the files to"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_auto(GStrv) all = NULL;
  const char * const *divisions;
  gint64 sheet_id = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Writes one file per division with its indicators only, "
                                           "named after the division, and prints their paths. Each "
                                           "carries a copy of what was sent, for merging the answer."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  if (output == NULL)
    return usage_error (context, _("Say which folder to write the hand-outs to with -o DIR."));
  if (format == NULL)
    format = g_strdup ("xml");
  if (!g_str_equal (format, "xml") && !g_str_equal (format, "xlsx"))
    return usage_error (context, _("The format must be xml or xlsx."));
  if (due != NULL && !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", due, 0, 0))
    return usage_error (context, _("Give the due date as YYYY-MM-DD."));

  sheet = kensho_sheet_xml_load_file (argv[1], &error);
  if (sheet == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  all = kensho_handout_dup_divisions (sheet);
  divisions = chosen != NULL ? (const char * const *) chosen : (const char * const *) all;
  if (divisions[0] == NULL)
    {
      g_printerr ("%s\n", _("No indicator of the sheet names a division: there is nobody to hand it out to."));
      return EXIT_INVALID;
    }
  if (!open_linked_workspace (argv[1], &workspace, &sheet_id))
    return EXIT_INVALID;
  if (g_mkdir_with_parents (output, 0777) != 0)
    {
      g_autofree char *shown = escape_controls (output);

      g_printerr (_("The folder %s cannot be made: %s\n"), shown, g_strerror (errno));
      return EXIT_INVALID;
    }
  for (guint i = 0; divisions[i] != NULL; i++)
    {
      g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, divisions[i], due, contact, &error);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *shown = NULL;

      if (handout == NULL)
        {
          print_error (error);
          return EXIT_INVALID;
        }
      name = kensho_handout_file_name (divisions[i], format);
      path = g_build_filename (output, name, NULL);
      if (!(g_str_equal (format, "xlsx") ? kensho_handout_save_xlsx (handout, path, &error)
                                         : kensho_sheet_xml_save_file (handout, path, &error)) ||
          (workspace != NULL && !kensho_workspace_add_handout (workspace, sheet_id, handout, format, path, &error)))
        {
          print_error (error);
          return EXIT_INVALID;
        }
      shown = escape_controls (path);
      g_print ("%s\n", shown);
    }
  return EXIT_OK;
}

static void
print_items (KenshoMerge *merge)
{
  GPtrArray *items = kensho_merge_get_items (merge);

  for (guint i = 0; i < items->len; i++)
    {
      KenshoMergeItem *item = items->pdata[i];
      g_autofree char *line = NULL;
      g_autofree char *shown = NULL;

      if (item->kind == KENSHO_MERGE_SAME)
        continue;
      line = kensho_merge_item_describe (item);
      shown = escape_controls (line);
      g_print ("%s: %s\n", kensho_merge_kind_to_string (item->kind), shown);
    }
}

/* One answer: refused (FALSE), or merged into mine unless conflicts stay
 * open; *report gets its items for --report. */
static gboolean
merge_answer (KenshoSheet *mine, const char *path, KenshoWorkspace *workspace, KenshoMergeChoice take,
              GString *report, guint *open_conflicts, guint *changed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) answer = kensho_answer_load (path, &error);
  g_autoptr(GBytes) base = NULL;
  g_autoptr(KenshoMerge) merge = NULL;
  g_autoptr(GBytes) csv = NULL;
  guint open;

  if (answer == NULL)
    {
      print_error (error);
      return FALSE;
    }
  /* What the workspace sent outranks the copy in the answer. */
  if (workspace != NULL && kensho_sheet_get_handout (answer) != NULL)
    base = kensho_workspace_dup_handout_base (workspace, kensho_sheet_get_handout (answer)->id, NULL);
  merge = kensho_merge_new (mine, answer, base, path, &error);
  if (merge == NULL)
    {
      print_error (error);
      return FALSE;
    }
  if (take != KENSHO_MERGE_CHOICE_NONE)
    kensho_merge_choose_all (merge, take);
  print_items (merge);
  open = kensho_merge_get_n_open_conflicts (merge);
  *open_conflicts += open;
  if (open == 0)
    *changed += kensho_merge_apply (merge);
  /* The workspace records answers to what it sent. */
  if (base != NULL &&
      !kensho_workspace_add_answer (workspace, kensho_merge_get_handout_id (merge), path, merge, open == 0, &error))
    print_error (error);
  csv = kensho_merge_report_csv (kensho_merge_get_division (merge), kensho_merge_get_items (merge));
  /* One header for all answers: the later ones skip theirs. */
  if (report->len == 0)
    g_string_append_len (report, g_bytes_get_data (csv, NULL), (gssize) g_bytes_get_size (csv));
  else
    {
      const char *data = g_bytes_get_data (csv, NULL);
      const char *body = strstr (data, "\r\n");

      g_string_append_len (report, body + 2, (gssize) (g_bytes_get_size (csv) - (gsize) (body + 2 - data)));
    }
  return TRUE;
}

int
kensho_cli_run_merge (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE ANSWER… — merge the divisions’ answers"));
  g_autofree char *output = NULL;
  g_autofree char *take = NULL;
  g_autofree char *report_path = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the merged sheet here instead of FILE"), N_("OUT.xml") },
    { "take", 0, 0, G_OPTION_ARG_STRING, &take, N_("Resolve every conflict: theirs (the answer) or mine (the sheet)"), N_("SIDE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path, N_("Write what each answer changed as CSV"), N_("OUT.csv") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) mine = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  KenshoMergeChoice choice = KENSHO_MERGE_CHOICE_NONE;
  gboolean refused = FALSE;
  guint open_conflicts = 0, changed = 0;
  gint64 sheet_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Merges each answer field by field against what was sent, "
                                           "printing each change and conflict (indicator: field: "
                                           "before → answer / sheet). Exits with 0 when merged, 3 when "
                                           "conflicts remain (nothing is written), 1 when an answer is "
                                           "refused."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 3)
    return usage_error (context, _("Name the sheet file and at least one answer."));
  if (take != NULL && g_str_equal (take, "theirs"))
    choice = KENSHO_MERGE_CHOICE_THEIRS;
  else if (take != NULL && g_str_equal (take, "mine"))
    choice = KENSHO_MERGE_CHOICE_MINE;
  else if (take != NULL)
    return usage_error (context, _("--take must be theirs or mine."));

  mine = kensho_sheet_xml_load_file (argv[1], &error);
  if (mine == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  if (!open_linked_workspace (argv[1], &workspace, &sheet_id))
    return EXIT_INVALID;
  for (int i = 2; i < argc; i++)
    if (!merge_answer (mine, argv[i], workspace, choice, report, &open_conflicts, &changed))
      refused = TRUE;
  if (report_path != NULL && report->len > 0 &&
      !kensho_write_file_atomically (report_path, report->str, report->len, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  if (open_conflicts > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u conflict remains; nothing was written. Choose with --take.\n",
                               "%u conflicts remain; nothing was written. Choose with --take.\n",
                               open_conflicts), open_conflicts);
      return EXIT_CONFLICTS;
    }
  if ((changed > 0 || output != NULL) &&
      !kensho_sheet_xml_save_file (mine, output ? output : argv[1], &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return refused ? EXIT_INVALID : EXIT_OK;
}

int
kensho_cli_run_board (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — show which divisions have answered"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today = kensho_board_dup_today ();
  g_autofree char *text = NULL;
  gint64 sheet_id;

  g_option_context_set_summary (context, _("Lists each division: when it was sent its hand-out, whether "
                                           "it answered, was merged or has conflicts open, whether it is "
                                           "overdue, and its indicators still empty. What was sent and "
                                           "answered comes from the workspace given with --workspace."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  sheet = kensho_sheet_xml_load_file (argv[1], &error);
  if (sheet == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  if (!open_linked_workspace (argv[1], &workspace, &sheet_id))
    return EXIT_INVALID;
  if (workspace != NULL)
    records = kensho_workspace_list_handouts (workspace, sheet_id, NULL);
  rows = kensho_board_build (sheet, records, today);
  text = kensho_board_format (sheet, rows);
  g_print ("%s", text);
  return EXIT_OK;
}
