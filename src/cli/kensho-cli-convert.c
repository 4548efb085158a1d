/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-cli convert: spreadsheets in (.xlsx → .xml) and out. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-cli.h"
#include "kensho-csv.h"
#include "kensho-open-data.h"
#include "kensho-sheet-import.h"
#include "kensho-sheet-xml.h"
#include "kensho-xlsx-export.h"

static gboolean
has_extension (const char *path, const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

/* Exit 0 when everything was read, 1 when anything was left out (each
 * problem on stderr as FILE:ROW:COLUMN: message), 2 when nothing could be. */
static int
import (const char *input, const char *output, const char *sheet_name, const char *map,
        const char *encoding)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_import_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_import_file (input, sheet_name, map, encoding, problems, &error);
  g_autofree char *shown = kensho_cli_escape_controls (input);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = kensho_import_problem_format (g_ptr_array_index (problems, i), shown);
      g_autofree char *escaped = kensho_cli_escape_controls (line);

      g_printerr ("%s\n", escaped);
    }
  if (sheet == NULL || !kensho_sheet_xml_save_file (sheet, output, &error))
    {
      kensho_cli_print_error (error);
      return 2;
    }
  return problems->len > 0 ? KENSHO_CLI_EXIT_INVALID : KENSHO_CLI_EXIT_OK;
}

static int
export (const char *input, const char *output, gboolean data, const char *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (input, &error);
  gboolean ok;

  if (sheet == NULL)
    {
      kensho_cli_print_error (error);
      return KENSHO_CLI_EXIT_INVALID;
    }
  if (has_extension (output, ".xlsx"))
    ok = kensho_xlsx_export_file (sheet, output, &error);
  else if (data)
    ok = kensho_open_data_save_csv (sheet, output, encoding, &error);
  else
    ok = kensho_csv_save_file (sheet, output, &error);
  if (!ok)
    {
      kensho_cli_print_error (error);
      return KENSHO_CLI_EXIT_INVALID;
    }
  return KENSHO_CLI_EXIT_OK;
}

int
kensho_cli_run_convert (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("IN -o OUT — import or export a spreadsheet"));
  g_autofree char *output = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *map = NULL;
  g_autofree char *encoding = NULL;
  gboolean data = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write; the format follows the extension"), N_("OUT") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name, N_("The worksheet to import (the first one otherwise)"), N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &map,
      N_("What columns hold where the headings do not say, such as C=target-name,E=kpi"), N_("COLUMN=FIELD,…") },
    { "data", 0, 0, G_OPTION_ARG_NONE, &data,
      N_("Write the open-data table (one row per indicator, series and year) instead of the printed columns"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The CSV file’s encoding: utf-8 (with a byte-order mark, the default) or cp932"), N_("ENCODING") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Imports a workbook laid out as the printed sheet (.xlsx, .ods, or .csv in UTF-8 or CP932) into a sheet file (.xml), "
                                  "or exports a sheet file as .xlsx or CSV. Problems are printed as FILE:ROW:COLUMN: "
                                  "message; exits with 1 when anything was left out and 2 when nothing could be read."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kensho_cli_usage_error (context, error->message);
  if (argc != 2)
    return kensho_cli_usage_error (context, _("Name exactly one file to convert."));
  if (output == NULL)
    return kensho_cli_usage_error (context, _("Say where to write with -o OUT."));
  if (kensho_sheet_import_is_spreadsheet (argv[1]) && has_extension (output, ".xml"))
    return import (argv[1], output, sheet_name, map, encoding);
  if (has_extension (argv[1], ".xml") && (has_extension (output, ".xlsx") || has_extension (output, ".csv")))
    {
      if (data && !has_extension (output, ".csv"))
        return kensho_cli_usage_error (context, _("--data writes a CSV file: name one with -o OUT.csv."));
      return export (argv[1], output, data, encoding);
    }
  return kensho_cli_usage_error (context, _("Convert a spreadsheet (.xlsx, .ods, .csv) into a sheet file (.xml), "
                                            "or a sheet file (.xml) into .xlsx or .csv."));
}
