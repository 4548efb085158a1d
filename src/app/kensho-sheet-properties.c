/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-era.h"
#include "kensho-rating-scale-editor.h"
#include "kensho-sheet-properties.h"

/* The sheet's texts, each a row. */
typedef enum
{
  TEXT_MUNICIPALITY,
  TEXT_TITLE,
  TEXT_LABEL,
  TEXT_NOTES,
  N_TEXTS
} TextField;

/* Which year of the sheet a year row edits. */
typedef enum
{
  YEAR_SHOWN,
  YEAR_PLAN_FIRST,
  YEAR_PLAN_LAST,
  YEAR_BASELINE,
  N_YEARS
} YearField;

struct _KenshoSheetProperties
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *text_rows[N_TEXTS];
  AdwActionRow *year_rows[N_YEARS];
  GtkEditable *year_entries[N_YEARS];
  GtkTextView *divisions_view;

  KenshoSheet *sheet;
};

G_DEFINE_FINAL_TYPE (KenshoSheetProperties, kensho_sheet_properties, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_text_changed (GtkEditable *editable, KenshoSheetProperties *self)
{
  const char *text = gtk_editable_get_text (editable);
  TextField field = 0;

  while (field < N_TEXTS - 1 && editable != GTK_EDITABLE (self->text_rows[field]))
    field++;
  switch (field)
    {
    case TEXT_MUNICIPALITY: kensho_sheet_set_municipality (self->sheet, text); break;
    case TEXT_TITLE: kensho_sheet_set_title (self->sheet, text); break;
    case TEXT_LABEL: kensho_sheet_set_label (self->sheet, text); break;
    default: kensho_sheet_set_notes (self->sheet, text); break;
    }
}

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
apply_year (KenshoSheetProperties *self, YearField field, int year, GError **error)
{
  KenshoSheet *sheet = self->sheet;

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
on_year_changed (GtkEditable *entry, KenshoSheetProperties *self)
{
  YearField field = 0;
  AdwActionRow *row;
  g_autoptr(GError) error = NULL;
  int year = 0;

  while (field < N_YEARS - 1 && entry != self->year_entries[field])
    field++;
  row = self->year_rows[field];
  if (parse_year (gtk_editable_get_text (entry), &year, &error) &&
      apply_year (self, field, year, &error))
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
on_divisions_changed (GtkTextBuffer *buffer, KenshoSheetProperties *self)
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
                    kensho_sheet_get_divisions (self->sheet) ? kensho_sheet_get_divisions (self->sheet)
                                                                : (const char * const[]) { NULL }))
    return;
  kensho_sheet_set_divisions (self->sheet, (const char * const *) divisions);
}

static void
kensho_sheet_properties_dispose (GObject *object)
{
  KenshoSheetProperties *self = KENSHO_SHEET_PROPERTIES (object);

  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_sheet_properties_parent_class)->dispose (object);
}

static void
kensho_sheet_properties_class_init (KenshoSheetPropertiesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const text_rows[N_TEXTS] = { "municipality_row", "title_row", "label_row", "notes_row" };
  static const char *const year_names[N_YEARS] = { "shown", "plan_first", "plan_last", "baseline" };

  G_OBJECT_CLASS (klass)->dispose = kensho_sheet_properties_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-sheet-properties.ui");
  for (guint i = 0; i < N_TEXTS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, text_rows[i], FALSE,
                                               G_STRUCT_OFFSET (KenshoSheetProperties, text_rows) +
                                               i * sizeof (AdwEntryRow *));
  for (guint i = 0; i < N_YEARS; i++)
    {
      g_autofree char *row = g_strconcat (year_names[i], "_row", NULL);
      g_autofree char *entry = g_strconcat (year_names[i], "_entry", NULL);

      /* The builder keeps the names: interned, as the class lives on. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row), FALSE,
                                                 G_STRUCT_OFFSET (KenshoSheetProperties, year_rows) +
                                                 i * sizeof (AdwActionRow *));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (entry), FALSE,
                                                 G_STRUCT_OFFSET (KenshoSheetProperties, year_entries) +
                                                 i * sizeof (GtkEditable *));
    }
  gtk_widget_class_bind_template_child (widget_class, KenshoSheetProperties, divisions_view);
}

static void
kensho_sheet_properties_init (KenshoSheetProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
get_text (KenshoSheet *sheet, TextField field)
{
  switch (field)
    {
    case TEXT_MUNICIPALITY: return kensho_sheet_get_municipality (sheet);
    case TEXT_TITLE: return kensho_sheet_get_title (sheet);
    case TEXT_LABEL: return kensho_sheet_get_label (sheet);
    default: return kensho_sheet_get_notes (sheet);
    }
}

/* The sheet's metadata. Every change is undoable from the main window. */
GtkWindow *
kensho_sheet_properties_new (GtkWindow *parent, KenshoSheet *sheet)
{
  KenshoSheetProperties *self = g_object_new (KENSHO_TYPE_SHEET_PROPERTIES, "transient-for", parent, NULL);
  const char * const *divisions = kensho_sheet_get_divisions (sheet);
  g_autofree char *text = divisions ? g_strjoinv ("\n", (char **) divisions) : g_strdup ("");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->divisions_view);

  self->sheet = g_object_ref (sheet);
  /* Filled before listening: showing the sheet is no edit. */
  for (TextField field = 0; field < N_TEXTS; field++)
    {
      const char *value = get_text (sheet, field);

      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[field]), value ? value : "");
      g_signal_connect (self->text_rows[field], "changed", G_CALLBACK (on_text_changed), self);
    }
  for (YearField field = 0; field < N_YEARS; field++)
    {
      int year = get_year (sheet, field);
      g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
      g_autofree char *subtitle = g_strdup_printf ("%s (%d)", era, year);

      adw_action_row_set_subtitle (self->year_rows[field], subtitle);
      gtk_editable_set_text (self->year_entries[field], era);
      g_signal_connect (self->year_entries[field], "changed", G_CALLBACK (on_year_changed), self);
    }
  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_divisions_changed), self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kensho_rating_scale_editor_new (sheet)));
  return GTK_WINDOW (self);
}
