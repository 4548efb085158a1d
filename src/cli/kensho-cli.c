/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-cli: works on sheet files with no display. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "kensho-checks.h"
#include "kensho-cli.h"
#include "kensho-cli-private.h"
#include "kensho-csv.h"
#include "kensho-document.h"
#include "kensho-error.h"
#include "kensho-file-lock.h"
#include "kensho-file-read.h"
#include "kensho-i18n.h"
#include "kensho-pdf-export.h"
#include "kensho-print-layout.h"
#include "kensho-rollover.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace.h"

/* --workspace PATH, given before the command; the user's own otherwise. */
char *workspace_path;

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

/* Paths and texts from files are printed with their control characters
 * escaped: a newline in a file's name must not forge a line of output
 * ("x.xml: valid, 99 indicators") for a script that reads it. */
char *
escape_controls (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

/* An error is one line, whatever the path in it holds. */
void
print_error (const GError *error)
{
  g_autofree char *line = escape_controls (error->message);

  g_printerr ("%s\n", line);
}

int
usage_error (GOptionContext *context, const char *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("%s\n\n%s", message, help);
  return EXIT_USAGE;
}

char *
kensho_cli_escape_controls (const char *text)
{
  return escape_controls (text);
}

void
kensho_cli_print_error (const GError *error)
{
  print_error (error);
}

int
kensho_cli_usage_error (GOptionContext *context, const char *message)
{
  return usage_error (context, message);
}

/* What validate and check do with each sheet that could be read. */
typedef void (*SheetFunc) (const char *path, KenshoSheet *sheet, int *status);

/* The last sheet read, freed by the process's exit: freeing a model of
 * 10,000 indicators piece by piece takes a sixth of the time it took to
 * read it, for nothing. Held here, it is not a leak for the sanitizers. */
static KenshoSheet *sheet_freed_at_exit;

/* Parses the options, then loads each file named and hands it to func; a
 * file that cannot be read is said so on stderr and gives EXIT_INVALID. */
static int
run_on_files (GOptionContext *context, int argc, char **argv, SheetFunc func)
{
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Name at least one file to check."));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (argv[i], &load_error);

      if (sheet == NULL)
        {
          print_error (load_error);
          status = EXIT_INVALID;
        }
      else
        func (argv[i], sheet, &status);
      if (i == argc - 1)
        sheet_freed_at_exit = g_steal_pointer (&sheet);
    }
  return status;
}

static void
print_valid (const char *path, KenshoSheet *sheet, int *status)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autofree char *shown = escape_controls (path);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u indicator\n",
                        "%s: valid, %u indicators\n", indicators->len),
           shown, indicators->len);
}

static int
run_validate (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check sheet files"));

  g_option_context_set_summary (context,
                                _("Checks that each file is a Kensho sheet that can be opened. "
                                  "Problems are printed as FILE:LINE: message."));
  return run_on_files (context, argc, argv, print_valid);
}

static int
run_csv (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE -o OUT.csv — export a sheet as CSV"));
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the CSV file"), N_("OUT.csv") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes one row per indicator with the sheet’s columns, "
                                  "in UTF-8 with a byte-order mark for spreadsheet programs."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  if (output == NULL)
    return usage_error (context, _("Say where to write the CSV file with -o OUT.csv."));

  sheet = kensho_sheet_xml_load_file (argv[1], &error);
  if (sheet == NULL || !kensho_csv_save_file (sheet, output, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}

static int
run_pdf (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE -o OUT.pdf — print a sheet to PDF"));
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *division = NULL;
  gboolean portrait = FALSE;
  gboolean summary = FALSE;
  gboolean summary_only = FALSE;
  gboolean achievement = FALSE;
  gboolean committee = FALSE;
  gboolean charts = FALSE;
  gboolean all_years = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the PDF file"), N_("OUT.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size: a3 (the default) or a4"), N_("SIZE") },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait, N_("Portrait instead of landscape"), NULL },
    { "division", 0, 0, G_OPTION_ARG_STRING, &division, N_("Only the indicators of this division"), N_("DIVISION") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary,
      N_("Begin with a summary page: the ratings per goal and sub-goal, and the delayed indicators"), NULL },
    { "summary-only", 0, 0, G_OPTION_ARG_NONE, &summary_only, N_("Print only the summary page"), NULL },
    { "achievement", 0, 0, G_OPTION_ARG_NONE, &achievement,
      N_("Add a column with the achievement rates before the progress"), NULL },
    { "committee", 0, 0, G_OPTION_ARG_NONE, &committee,
      N_("Add a column with the committee’s opinion and the response"), NULL },
    { "charts", 0, 0, G_OPTION_ARG_NONE, &charts,
      N_("Add an appendix with the history chart of each indicator"), NULL },
    { "all-years", 0, 0, G_OPTION_ARG_NONE, &all_years,
      N_("Values of every plan year: baseline, each year’s actual over its target, final target"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoPrintLayout) layout = NULL;
  KenshoPaper size = KENSHO_PAPER_A3;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Draws the sheet as printing does: title, notes and column "
                                  "headings on every page, A3 landscape unless told otherwise. "
                                  "The summary page is of the whole sheet, whatever --division says."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  if (output == NULL)
    return usage_error (context, _("Say where to write the PDF file with -o OUT.pdf."));
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") == 0)
    size = KENSHO_PAPER_A4;
  else if (paper != NULL && g_ascii_strcasecmp (paper, "a3") != 0)
    return usage_error (context, _("The paper size must be a3 or a4."));
  if (summary_only && (division != NULL || achievement || committee))
    return usage_error (context, _("--summary-only prints no sheet pages: --division, --achievement and "
                                   "--committee do not go with it."));

  sheet = kensho_sheet_xml_load_file (argv[1], &error);
  if (sheet == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  layout = kensho_print_layout_new (sheet);
  kensho_print_layout_set_division (layout, division);
  kensho_print_layout_set_summary (layout, summary);
  kensho_print_layout_set_summary_only (layout, summary_only);
  kensho_print_layout_set_achievement (layout, achievement);
  kensho_print_layout_set_committee (layout, committee);
  kensho_print_layout_set_charts (layout, charts);
  kensho_print_layout_set_all_years (layout, all_years);
  if (!kensho_pdf_export_save (layout, output, size, portrait, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}

static int
run_rollover (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE -o OUT.xml — start the next fiscal year’s sheet"));
  g_autofree char *output = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the new sheet"), N_("OUT.xml") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The fiscal year of the new sheet, such as 2024 (the next one by default)"),
      N_("FY") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoSheet) next = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes the sheet for the next fiscal year: every earlier year kept, "
                                  "the new year’s commentary, rating and reason empty. FILE is not changed."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  if (output == NULL)
    return usage_error (context, _("Say where to write the sheet with -o OUT.xml."));
  if (year != 0 && (year < 1900 || year > 2200))
    return usage_error (context, _("The fiscal year must be a Western year such as 2024."));

  sheet = kensho_sheet_xml_load_file (argv[1], &error);
  if (sheet != NULL)
    next = kensho_sheet_roll_over (sheet, year, &error);
  if (next == NULL || !kensho_sheet_xml_save_file (next, output, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}

KenshoWorkspace *
open_workspace (void)
{
  g_autoptr(GError) error = NULL;
  KenshoWorkspace *workspace = kensho_workspace_open (workspace_path, &error);

  if (workspace == NULL)
    print_error (error);
  else if (kensho_workspace_get_notice (workspace) != NULL)
    g_printerr ("%s\n", kensho_workspace_get_notice (workspace));
  return workspace;
}

static gboolean
parse_id (const char *text, gint64 *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* The workspace's entry of sheet id, or NULL. */
static KenshoWorkspaceEntry *
find_entry (GPtrArray *entries, gint64 id)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (((KenshoWorkspaceEntry *) g_ptr_array_index (entries, i))->id == id)
      return g_ptr_array_index (entries, i);
  return NULL;
}

static int
run_import (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.xml — bring a sheet into the workspace"));
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Take the file even over edits of the sheet never saved to it (they are kept in the history)"),
      NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *absolute = NULL;
  KenshoWorkspaceEntry *entry;
  gboolean was_open;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Loads the sheet into the workspace, linked to its "
                                           "file, and prints its id. A sheet already there is "
                                           "replaced, its earlier content kept in the history; "
                                           "one with edits never saved to the file is left as "
                                           "it is unless --replace is given."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  if ((workspace = open_workspace ()) == NULL)
    return EXIT_INVALID;
  absolute = g_canonicalize_filename (argv[1], NULL);
  listed = kensho_workspace_list (workspace, NULL);
  entry = find_entry (listed, kensho_workspace_find_by_path (workspace, absolute));
  was_open = entry != NULL && entry->open;
  /* The command line takes the file as it is now, and never waits on a lock. */
  document = kensho_document_open_file (workspace, argv[1],
                                        KENSHO_OPEN_IGNORE_LOCK | (replace ? KENSHO_OPEN_LOAD_FILE : 0),
                                        &error);
  if (document == NULL && g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCAL_CHANGES) && entry != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);

      g_printerr (_("Sheet %s (“%s”) has edits never saved to “%s”; nothing was imported. "
                    "Give --replace to take the file, keeping the edits in the history.\n"),
                  id, entry->title, absolute);
      return EXIT_INVALID;
    }
  if (document == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  g_print ("%" G_GINT64_FORMAT "\n", kensho_document_get_id (document));
  g_set_object (&sheet_freed_at_exit, kensho_document_get_sheet (document));
  kensho_document_close (document);
  /* A sheet open in the app stays open for its next start. */
  if (was_open)
    kensho_workspace_set_open (workspace, kensho_document_get_id (document), TRUE, NULL);
  return EXIT_OK;
}

static int
run_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the sheets in the workspace"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_option_context_set_summary (context, _("Prints one line per sheet: id, title, whether it has "
                                           "unsaved changes, and its file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 1)
    return usage_error (context, _("list takes no file."));
  if ((workspace = open_workspace ()) == NULL)
    return EXIT_INVALID;
  entries = kensho_workspace_list (workspace, &error);
  if (entries == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = escape_controls (entry->title ? entry->title : "");
      g_autofree char *shown = escape_controls (entry->path ? entry->path : "");

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", entry->id, title,
               entry->unsaved ? _("unsaved") : _("saved"), shown);
    }
  return EXIT_OK;
}

static int
run_export (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID -o OUT.xml — write a sheet of the workspace to a file"));
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the sheet"), N_("OUT.xml") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error (context, _("Name one sheet by its id (see “kensho-cli list”)."));
  if (output == NULL)
    return usage_error (context, _("Say where to write the sheet with -o OUT.xml."));
  if ((workspace = open_workspace ()) == NULL)
    return EXIT_INVALID;
  sheet = kensho_workspace_load_sheet (workspace, id, &error);
  if (sheet == NULL || !kensho_sheet_xml_save_file (sheet, output, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}

static void
print_findings (const char *path, KenshoSheet *sheet, int *status)
{
  g_autoptr(GListStore) findings = kensho_sheet_run_checks (sheet);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (findings));
  g_autofree char *shown = escape_controls (path);

  for (guint f = 0; f < n; f++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), f);
      g_autofree char *line = kensho_finding_format_line (finding);
      g_autofree char *shown_line = escape_controls (line);

      g_print ("%s: %s\n", shown, shown_line);
    }
  if (n > 0)
    *status = EXIT_INVALID;
}

/* Exits 1 when there is a finding (or a file cannot be read), so that a
 * script can refuse to publish a sheet a reviewer would send back. */
static int
run_check (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — review sheets"));

  g_option_context_set_summary (context,
                                _("Lists what a reviewer would send back, one line per finding: "
                                  "FILE: INDICATOR: message [check]. Exits with 1 when there is any."));
  return run_on_files (context, argc, argv, print_findings);
}

/* The format version of the file, from its root element's attribute: the
 * model does not keep it. */
static char *
format_version (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *head = g_strndup (data, MIN (size, 4096));
  const char *sheet = strstr (head, "<sheet");
  const char *end = sheet ? strchr (sheet, '>') : NULL;
  const char *version = sheet ? g_strstr_len (sheet, end ? end - sheet : -1, " version=\"") : NULL;

  if (version == NULL)
    return g_strdup ("1.0");
  version += strlen (" version=\"");
  return g_strndup (version, strcspn (version, "\""));
}

/* One line per fact, for people and scripts (run with LC_ALL=C for
 * English labels); who has the sheet open when a lock beside it says. */
static int
run_info (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — tell about a sheet file"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(KenshoFileLock) lock = NULL;
  g_autofree char *title = NULL;
  g_autofree char *version = NULL;

  g_option_context_set_summary (context,
                                _("Prints the title, fiscal year, number of indicators and format version "
                                  "of a sheet, and who has it open when it is locked."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name exactly one sheet file."));
  bytes = kensho_file_read_bounded (argv[1], kensho_max_sheet_file_size (), &error);
  if (bytes != NULL)
    sheet = kensho_sheet_xml_load_bytes (bytes, argv[1], &error);
  if (sheet == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  indicators = kensho_sheet_dup_indicators (sheet);
  title = escape_controls (kensho_sheet_get_title (sheet) ? kensho_sheet_get_title (sheet) : "");
  version = format_version (bytes);
  g_print (_("Title: %s\n"), title);
  g_print (_("Fiscal year: %d\n"), kensho_sheet_get_fiscal_year (sheet));
  g_print (_("Indicators: %u\n"), indicators->len);
  g_print (_("Format version: %s\n"), version);
  lock = kensho_file_lock_new (argv[1]);
  if (kensho_file_lock_peek (lock))
    {
      g_autofree char *name = escape_controls (kensho_file_lock_get_owner_name (lock));
      g_autofree char *host = escape_controls (kensho_file_lock_get_owner_host (lock));
      g_autofree char *since = g_date_time_format (kensho_file_lock_get_owner_since (lock), "%Y-%m-%d %H:%M");

      g_print (_("Open by: %s (%s) %s\n"), name, host, since);
    }
  return EXIT_OK;
}

static const Command commands[] = {
  { "validate", N_("FILE…"), N_("Check sheet files"), run_validate },
  { "info", N_("FILE"), N_("Title, year, indicators and who has a sheet open"), run_info },
  { "check", N_("FILE…"), N_("List what a reviewer would send back"), run_check },
  { "csv", N_("FILE -o OUT.csv"), N_("Export a sheet as CSV"), run_csv },
  { "convert", N_("IN -o OUT"), N_("Import a spreadsheet (.xlsx, .ods, .csv) as a sheet, or export a sheet as .xlsx or CSV"),
    kensho_cli_run_convert },
  { "pdf", N_("FILE -o OUT.pdf"), N_("Print a sheet to PDF (A3 or A4), with a summary page if asked"), run_pdf },
  { "rollover", N_("FILE -o OUT.xml"), N_("Start the next fiscal year’s sheet from this one"), run_rollover },
  { "import", N_("[--replace] FILE.xml"), N_("Bring a sheet into the workspace; prints its id"), run_import },
  { "list", "", N_("List the sheets in the workspace"), run_list },
  { "export", N_("ID -o OUT.xml"), N_("Write a sheet of the workspace to a file"), run_export },
  { "handout", N_("FILE -o DIR"), N_("Hand a sheet out to its divisions, one file each"), kensho_cli_run_handout },
  { "merge", N_("FILE ANSWER…"), N_("Merge the divisions’ answers into a sheet"), kensho_cli_run_merge },
  { "board", N_("FILE"), N_("Show which divisions have answered"), kensho_cli_run_board },
};

static void
print_commands (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: kensho-cli [--workspace DB] COMMAND [OPTION…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %-22s %s\n", commands[i].name,
             *commands[i].parameters ? _(commands[i].parameters) : "", _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “kensho-cli COMMAND --help” for a command’s options."));
}

int
main (int argc, char **argv)
{
  kensho_i18n_init ();
  g_set_prgname ("kensho-cli");

  /* The one global option comes before the command. */
  while (argc >= 2 && g_str_has_prefix (argv[1], "--workspace"))
    {
      const char *value = NULL;

      if (g_str_has_prefix (argv[1], "--workspace="))
        value = argv[1] + strlen ("--workspace=");
      else if (g_str_equal (argv[1], "--workspace") && argc >= 3)
        {
          value = argv[2];
          argc--, argv++;
        }
      if (value == NULL || *value == '\0')
        {
          g_printerr ("%s\n", _("--workspace needs the path of a workspace database."));
          return EXIT_USAGE;
        }
      g_free (workspace_path);
      workspace_path = g_strdup (value);
      argc--, argv++;
    }

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_commands (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("kensho-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("kensho-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("“%s” is not a kensho-cli command.\n\n"), argv[1]);
  print_commands (stderr);
  return EXIT_USAGE;
}
