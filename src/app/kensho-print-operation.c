/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-print-operation.h"
#include "kensho-print-preview.h"

/* Rows measured per step: small enough for the progress dialog to stay
 * responsive and its Cancel button to answer at once. */
#define ROWS_PER_STEP 8

struct _KenshoPrintOperation
{
  GtkPrintOperation parent_instance;

  KenshoPrintLayout *layout;
  GSettings *settings;
  GtkCheckButton *summary_check;      /* in the print dialog's tab, while shown */
  GtkCheckButton *achievement_check;
  GtkCheckButton *committee_check;
  GtkCheckButton *charts_check;
  GtkCheckButton *all_years_check;
};

G_DEFINE_FINAL_TYPE (KenshoPrintOperation, kensho_print_operation, GTK_TYPE_PRINT_OPERATION)

/* A3 landscape, what such sheets are printed on, unless the user chose
 * another page setup before. */
GtkPageSetup *
kensho_print_operation_load_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) stored = settings ? g_settings_get_value (settings, "page-setup") : NULL;
  g_autoptr(GtkPaperSize) a3 = NULL;
  GtkPageSetup *page_setup;

  if (stored != NULL && g_variant_n_children (stored) > 0)
    {
      page_setup = gtk_page_setup_new_from_gvariant (stored);
      if (page_setup != NULL)
        return page_setup;
    }
  page_setup = gtk_page_setup_new ();
  a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a3);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return page_setup;
}

/* The paper of the page setup in points, turned as it says: the PDF
 * export's pages are those of the paper printed on. */
void
kensho_print_operation_page_setup_get_size (GtkPageSetup *page_setup, double *width, double *height)
{
  *width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
}

static void
save_settings (KenshoPrintOperation *self)
{
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPaperSize *paper;

  if (self->settings == NULL || print_settings == NULL)
    return;
  g_settings_set_value (self->settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));
  /* The dialog's page setup (embedded) ends up in the print settings. */
  page_setup = kensho_print_operation_load_page_setup (self->settings);
  paper = gtk_print_settings_get_paper_size (print_settings);
  if (paper != NULL)
    {
      gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
      gtk_paper_size_free (paper);
    }
  if (gtk_print_settings_has_key (print_settings, GTK_PRINT_SETTINGS_ORIENTATION))
    gtk_page_setup_set_orientation (page_setup, gtk_print_settings_get_orientation (print_settings));
  g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));
}

static void
kensho_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (operation);
  /* The PDF export's text measure and margins on the whole paper, not the
   * printer's: the paper copy matches the PDF page for page. */
  PangoContext *pango = kensho_print_layout_create_pango_context ();

  kensho_print_layout_begin (self->layout, pango,
                             gtk_print_context_get_width (context) - 2 * KENSHO_PDF_MARGIN,
                             gtk_print_context_get_height (context) - 2 * KENSHO_PDF_MARGIN);
  g_object_unref (pango);
}

static gboolean
kensho_print_operation_paginate (GtkPrintOperation *operation, GtkPrintContext *context)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (operation);

  if (!kensho_print_layout_paginate_step (self->layout, ROWS_PER_STEP))
    return FALSE;
  gtk_print_operation_set_n_pages (operation, kensho_print_layout_get_n_pages (self->layout));
  return TRUE;
}

static void
kensho_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (operation);

  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (page < 0 || (guint) page >= kensho_print_layout_get_n_pages (self->layout))
    return;
  cairo_save (cr);
  cairo_translate (cr, KENSHO_PDF_MARGIN, KENSHO_PDF_MARGIN);
  kensho_print_layout_draw_page (self->layout, cr, page);
  cairo_restore (cr);
}

static gboolean
kensho_print_operation_preview (GtkPrintOperation        *operation,
                                GtkPrintOperationPreview *preview,
                                GtkPrintContext          *context,
                                GtkWindow                *parent)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (operation);
  GtkWindow *window = kensho_print_preview_new (preview, context, self->layout, parent);

  gtk_window_present (window);
  return TRUE;
}

/* The tab of the print dialog with Kensho's own options; none when only
 * the summary is printed. */
static GtkWidget *
kensho_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (operation);
  GtkWidget *box;
  GtkWidget *summary;
  GtkWidget *achievement;
  GtkWidget *committee;
  GtkWidget *charts;
  GtkWidget *all_years;

  if (kensho_print_layout_get_summary_only (self->layout))
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  summary = gtk_check_button_new_with_mnemonic (_("_Summary Page First"));
  gtk_widget_set_tooltip_text (summary, _("The ratings per basic goal and sub-goal, and the delayed "
                                          "indicators with their reasons"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (summary), kensho_print_layout_get_summary (self->layout));
  achievement = gtk_check_button_new_with_mnemonic (_("Print _Achievement Column"));
  gtk_widget_set_tooltip_text (achievement, _("Each indicator’s achievement rates, before its progress"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (achievement), kensho_print_layout_get_achievement (self->layout));
  committee = gtk_check_button_new_with_mnemonic (_("Print _Committee Column"));
  gtk_widget_set_tooltip_text (committee, _("The committee’s opinion and the response, after the reason for delay"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (committee), kensho_print_layout_get_committee (self->layout));
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), achievement);
  g_set_weak_pointer (&self->summary_check, GTK_CHECK_BUTTON (summary));
  g_set_weak_pointer (&self->achievement_check, GTK_CHECK_BUTTON (achievement));
  gtk_box_append (GTK_BOX (box), committee);
  charts = gtk_check_button_new_with_mnemonic (_("_History Charts at the End"));
  gtk_widget_set_tooltip_text (charts, _("An appendix with the chart of each indicator’s years"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (charts), kensho_print_layout_get_charts (self->layout));
  gtk_box_append (GTK_BOX (box), charts);
  g_set_weak_pointer (&self->committee_check, GTK_CHECK_BUTTON (committee));
  g_set_weak_pointer (&self->charts_check, GTK_CHECK_BUTTON (charts));
  all_years = gtk_check_button_new_with_mnemonic (_("Values of All _Years"));
  gtk_widget_set_tooltip_text (all_years, _("Baseline, each plan year’s actual over its target, final target"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (all_years), kensho_print_layout_get_all_years (self->layout));
  gtk_box_append (GTK_BOX (box), all_years);
  g_set_weak_pointer (&self->all_years_check, GTK_CHECK_BUTTON (all_years));
  return box;
}

/* The choices go to the layout, and are remembered for the next time. */
static void
kensho_print_operation_custom_widget_apply (GtkPrintOperation *operation, GtkWidget *widget)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (operation);
  GtkCheckButton *summary = self->summary_check;
  GtkCheckButton *achievement = self->achievement_check;
  GtkCheckButton *committee = self->committee_check;
  GtkCheckButton *charts = self->charts_check;
  GtkCheckButton *all_years = self->all_years_check;

  g_return_if_fail (GTK_IS_CHECK_BUTTON (summary) && GTK_IS_CHECK_BUTTON (achievement) &&
                    GTK_IS_CHECK_BUTTON (committee) && GTK_IS_CHECK_BUTTON (charts) &&
                    GTK_IS_CHECK_BUTTON (all_years));
  kensho_print_layout_set_summary (self->layout, gtk_check_button_get_active (summary));
  kensho_print_layout_set_achievement (self->layout, gtk_check_button_get_active (achievement));
  kensho_print_layout_set_committee (self->layout, gtk_check_button_get_active (committee));
  kensho_print_layout_set_charts (self->layout, gtk_check_button_get_active (charts));
  kensho_print_layout_set_all_years (self->layout, gtk_check_button_get_active (all_years));
  if (self->settings != NULL)
    {
      g_settings_set_boolean (self->settings, "print-all-years", gtk_check_button_get_active (all_years));
      g_settings_set_boolean (self->settings, "print-charts", gtk_check_button_get_active (charts));
      g_settings_set_boolean (self->settings, "print-committee", gtk_check_button_get_active (committee));
      g_settings_set_boolean (self->settings, "print-summary", gtk_check_button_get_active (summary));
      g_settings_set_boolean (self->settings, "print-achievement", gtk_check_button_get_active (achievement));
    }
}

static void
kensho_print_operation_done (GtkPrintOperation *operation, GtkPrintOperationResult result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (KENSHO_PRINT_OPERATION (operation));
}

static void
kensho_print_operation_finalize (GObject *object)
{
  KenshoPrintOperation *self = KENSHO_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->summary_check);
  g_clear_weak_pointer (&self->achievement_check);
  g_clear_weak_pointer (&self->committee_check);
  g_clear_weak_pointer (&self->charts_check);
  g_clear_weak_pointer (&self->all_years_check);
  g_clear_object (&self->layout);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kensho_print_operation_parent_class)->finalize (object);
}

static void
kensho_print_operation_class_init (KenshoPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = kensho_print_operation_finalize;
  operation_class->begin_print = kensho_print_operation_begin_print;
  operation_class->paginate = kensho_print_operation_paginate;
  operation_class->draw_page = kensho_print_operation_draw_page;
  operation_class->preview = kensho_print_operation_preview;
  operation_class->done = kensho_print_operation_done;
  operation_class->create_custom_widget = kensho_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = kensho_print_operation_custom_widget_apply;
}

static void
kensho_print_operation_init (KenshoPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The margins are the layout's, as in the PDF export. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* TRANSLATORS: the tab of the print dialog with the summary page and
   * achievement column options */
  gtk_print_operation_set_custom_tab_label (operation, _("Sheet Options"));
}

/* The options chosen in the print dialog last time (a summary page first,
 * the achievement column), for printing and the PDF export alike. */
void
kensho_print_operation_apply_options (GSettings *settings, KenshoPrintLayout *layout)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (KENSHO_IS_PRINT_LAYOUT (layout));

  if (settings == NULL)
    return;
  kensho_print_layout_set_summary (layout, g_settings_get_boolean (settings, "print-summary"));
  kensho_print_layout_set_achievement (layout, g_settings_get_boolean (settings, "print-achievement"));
  kensho_print_layout_set_committee (layout, g_settings_get_boolean (settings, "print-committee"));
  kensho_print_layout_set_charts (layout, g_settings_get_boolean (settings, "print-charts"));
  kensho_print_layout_set_all_years (layout, g_settings_get_boolean (settings, "print-all-years"));
}

/* The PDF export of @layout as it would print: the paper of the last page
 * setup, the options of the last print. */
KenshoPdfExport *
kensho_print_operation_new_pdf_export (GSettings *settings, KenshoPrintLayout *layout)
{
  g_autoptr(GtkPageSetup) page_setup = kensho_print_operation_load_page_setup (settings);
  double width, height;

  kensho_print_operation_apply_options (settings, layout);
  kensho_print_operation_page_setup_get_size (page_setup, &width, &height);
  return kensho_pdf_export_new_for_size (layout, width, height);
}

KenshoPrintOperation *
kensho_print_operation_new (KenshoSheet *sheet, GSettings *settings)
{
  KenshoPrintOperation *self;
  GtkPrintOperation *operation;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KENSHO_TYPE_PRINT_OPERATION, NULL);
  operation = GTK_PRINT_OPERATION (self);
  self->layout = kensho_print_layout_new (sheet);
  g_set_object (&self->settings, settings);
  kensho_print_operation_apply_options (settings, self->layout);

  stored = settings ? g_settings_get_value (settings, "print-settings") : NULL;
  if (stored != NULL && g_variant_n_children (stored) > 0)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (stored);

      gtk_print_operation_set_print_settings (operation, print_settings);
    }
  page_setup = kensho_print_operation_load_page_setup (settings);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  title = kensho_sheet_dup_display_title (sheet);
  gtk_print_operation_set_job_name (operation, title);
  return self;
}

KenshoPrintLayout *
kensho_print_operation_get_layout (KenshoPrintOperation *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_OPERATION (self), NULL);
  return self->layout;
}
