/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-era.h"
#include "kensho-rating-scale-editor.h"
#include "kensho-sheet-properties.h"

typedef struct
{
  KenshoSheet *sheet;
} Context;

static void
context_free (gpointer data)
{
  Context *context = data;

  g_clear_object (&context->sheet);
  g_free (context);
}

static void
on_text_changed (GtkEditable *editable, Context *context)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);

  if (g_str_equal (field, "municipality"))
    kensho_sheet_set_municipality (context->sheet, text);
  else if (g_str_equal (field, "title"))
    kensho_sheet_set_title (context->sheet, text);
  else if (g_str_equal (field, "label"))
    kensho_sheet_set_label (context->sheet, text);
  else
    kensho_sheet_set_notes (context->sheet, text);
}

/* Which year of the sheet a year row edits. */
typedef enum
{
  YEAR_SHOWN,
  YEAR_PLAN_FIRST,
  YEAR_PLAN_LAST,
  YEAR_BASELINE,
} YearField;

static int
get_year (KenshoSheet *sheet, YearField field)
{
  switch (field)
    {
    case YEAR_SHOWN: return kensho_sheet_get_fiscal_year (sheet);
    case YEAR_PLAN_FIRST: return kensho_sheet_get_plan_first (sheet);
    case YEAR_PLAN_LAST: return kensho_sheet_get_plan_last (sheet);
    case YEAR_BASELINE: return kensho_sheet_get_baseline_year (sheet);
    default: g_return_val_if_reached (0);
    }
}

/* A year as staff write it: 令和5年度, R5, 平成31年度, or 2023. */
static gboolean
parse_year (const char *text, int *year, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 western;

  if (g_ascii_string_to_signed (stripped, 10, 1900, 2200, &western, NULL))
    {
      *year = (int) western;
      return TRUE;
    }
  return kensho_era_parse (stripped, year, NULL, error);
}

static gboolean
apply_year (Context *context, YearField field, int year, GError **error)
{
  KenshoSheet *sheet = context->sheet;

  if (year == get_year (sheet, field))
    return TRUE;
  switch (field)
    {
    case YEAR_SHOWN:
      kensho_sheet_set_fiscal_year (sheet, year);
      return TRUE;
    case YEAR_BASELINE:
      kensho_sheet_set_baseline_year (sheet, year);
      return TRUE;
    case YEAR_PLAN_FIRST:
    case YEAR_PLAN_LAST:
      {
        int first = field == YEAR_PLAN_FIRST ? year : kensho_sheet_get_plan_first (sheet);
        int last = field == YEAR_PLAN_LAST ? year : kensho_sheet_get_plan_last (sheet);

        if (first > last)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("The plan cannot end before it starts."));
            return FALSE;
          }
        return kensho_sheet_set_plan_period (sheet, first, last, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The row's subtitle says which year was understood, or why none was:
 * what was typed stays in the field until it can be read. */
static void
on_year_changed (GtkEditable *entry, Context *context)
{
  AdwActionRow *row = g_object_get_data (G_OBJECT (entry), "row");
  YearField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "field"));
  g_autoptr(GError) error = NULL;
  int year = 0;

  if (parse_year (gtk_editable_get_text (entry), &year, &error) &&
      apply_year (context, field, year, &error))
    {
      g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
      g_autofree char *subtitle = g_strdup_printf ("%s (%d)", era, year);

      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      adw_action_row_set_subtitle (row, subtitle);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      adw_action_row_set_subtitle (row, error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
add_year_row (AdwPreferencesGroup *group, const char *title, YearField field, Context *context)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  int year = get_year (context->sheet, field);
  g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
  g_autofree char *subtitle = g_strdup_printf ("%s (%d)", era, year);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_editable_set_text (GTK_EDITABLE (entry), era);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, _("A fiscal year: 令和5年度, R5, 平成31年度 or 2023"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (entry), "row", row);
  g_object_set_data (G_OBJECT (entry), "field", GINT_TO_POINTER (field));
  g_signal_connect (entry, "changed", G_CALLBACK (on_year_changed), context);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  adw_preferences_group_add (group, row);
}

static void
on_divisions_changed (GtkTextBuffer *buffer, Context *context)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) divisions = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);
  divisions = g_strv_builder_end (builder);
  if (g_strv_equal ((const char * const *) divisions,
                    kensho_sheet_get_divisions (context->sheet) ? kensho_sheet_get_divisions (context->sheet)
                                                                : (const char * const[]) { NULL }))
    return;
  kensho_sheet_set_divisions (context->sheet, (const char * const *) divisions);
}

static GtkWidget *
divisions_group (Context *context)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  const char * const *divisions = kensho_sheet_get_divisions (context->sheet);
  g_autofree char *text = divisions ? g_strjoinv ("\n", (char **) divisions) : g_strdup ("");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Responsible Divisions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One division per line. Indicators choose from this list."));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 160);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Responsible Divisions"), -1);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (on_divisions_changed), context);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  return group;
}

static void
add_text_row (AdwPreferencesGroup *group, const char *title, const char *field, const char *value,
              Context *context)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed), context);
  adw_preferences_group_add (group, row);
}

/* The sheet's metadata. Every change is undoable from the main window. */
GtkWindow *
kensho_sheet_properties_new (GtkWindow *parent, KenshoSheet *sheet)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *years = adw_preferences_group_new ();
  Context *context = g_new0 (Context, 1);

  context->sheet = g_object_ref (sheet);
  g_object_set_data_full (G_OBJECT (window), "context", context, context_free);

  gtk_window_set_title (GTK_WINDOW (window), _("Sheet Properties"));
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Sheet"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-properties-symbolic");
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sheet"));
  add_text_row (ADW_PREFERENCES_GROUP (group), _("Municipality"), "municipality",
                kensho_sheet_get_municipality (sheet), context);
  add_text_row (ADW_PREFERENCES_GROUP (group), _("Title"), "title", kensho_sheet_get_title (sheet), context);
  add_text_row (ADW_PREFERENCES_GROUP (group), _("Document label"), "label", kensho_sheet_get_label (sheet), context);
  add_text_row (ADW_PREFERENCES_GROUP (group), _("Notes printed on every page"), "notes",
                kensho_sheet_get_notes (sheet), context);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (years), _("Years"));
  add_year_row (ADW_PREFERENCES_GROUP (years), _("Fiscal year shown"), YEAR_SHOWN, context);
  add_year_row (ADW_PREFERENCES_GROUP (years), _("First year of the plan"), YEAR_PLAN_FIRST, context);
  add_year_row (ADW_PREFERENCES_GROUP (years), _("Last year of the plan"), YEAR_PLAN_LAST, context);
  add_year_row (ADW_PREFERENCES_GROUP (years), _("Baseline year"), YEAR_BASELINE, context);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (years));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (divisions_group (context)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (kensho_rating_scale_editor_new (sheet)));
  return GTK_WINDOW (window);
}
