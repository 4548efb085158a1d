/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-era.h"
#include "kensho-rating-scale-editor.h"
#include "kensho-sheet-properties.h"

typedef struct
{
  KenshoSheet *sheet;
  KenshoUndoStack *undo;
} Context;

static void
context_free (gpointer data)
{
  Context *context = data;

  g_clear_object (&context->sheet);
  g_clear_object (&context->undo);
  g_free (context);
}

static void
on_text_changed (GtkEditable *editable, Context *context)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);

  kensho_undo_stack_begin_sheet_edit (context->undo, _("Edit sheet properties"), field);
  if (g_str_equal (field, "municipality"))
    kensho_sheet_set_municipality (context->sheet, text);
  else if (g_str_equal (field, "title"))
    kensho_sheet_set_title (context->sheet, text);
  else if (g_str_equal (field, "label"))
    kensho_sheet_set_label (context->sheet, text);
  else
    kensho_sheet_set_notes (context->sheet, text);
}

static void
on_year_changed (GtkSpinButton *spin, Context *context)
{
  AdwActionRow *row = g_object_get_data (G_OBJECT (spin), "row");
  int year = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *era = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);

  adw_action_row_set_subtitle (row, era);
  if (year == kensho_sheet_get_fiscal_year (context->sheet))
    return;
  kensho_undo_stack_begin_sheet_edit (context->undo, _("Change the fiscal year shown"), NULL);
  kensho_sheet_set_fiscal_year (context->sheet, year);
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
kensho_sheet_properties_new (GtkWindow *parent, KenshoSheet *sheet, KenshoUndoStack *undo)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *year_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1990, 2100, 1);
  Context *context = g_new0 (Context, 1);
  g_autofree char *era = kensho_era_format (kensho_sheet_get_fiscal_year (sheet), KENSHO_PERIOD_FISCAL_YEAR, 0);

  context->sheet = g_object_ref (sheet);
  context->undo = g_object_ref (undo);
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Fiscal year shown"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (year_row), era);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), kensho_sheet_get_fiscal_year (sheet));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fiscal year shown"), -1);
  g_object_set_data (G_OBJECT (spin), "row", year_row);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_year_changed), context);
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), year_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (kensho_rating_scale_editor_new (sheet, undo)));
  return GTK_WINDOW (window);
}
