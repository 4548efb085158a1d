/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "kensho-error.h"
#include "kensho-file-write.h"
#include "kensho-pdf-export.h"
#include "kensho-util.h"

/* Rows measured per step: a few milliseconds of text layout. */
#define ROWS_PER_STEP 8

struct _KenshoPdfExport
{
  GObject parent_instance;

  KenshoPrintLayout *layout;
  double width, height;
  gboolean paginated;
  guint n_pages;
  guint n_drawn;
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
};

G_DEFINE_FINAL_TYPE (KenshoPdfExport, kensho_pdf_export, G_TYPE_OBJECT)

static void
kensho_pdf_export_finalize (GObject *object)
{
  KenshoPdfExport *self = KENSHO_PDF_EXPORT (object);

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->bytes, g_byte_array_unref);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (kensho_pdf_export_parent_class)->finalize (object);
}

static void
kensho_pdf_export_class_init (KenshoPdfExportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_pdf_export_finalize;
}

static void
kensho_pdf_export_init (KenshoPdfExport *self)
{
  self->bytes = g_byte_array_new ();
}

KenshoPdfExport *
kensho_pdf_export_new (KenshoPrintLayout *layout, KenshoPaper paper, gboolean portrait)
{
  double width, height;

  kensho_paper_get_size (paper, portrait, &width, &height);
  return kensho_pdf_export_new_for_size (layout, width, height);
}

KenshoPdfExport *
kensho_pdf_export_new_for_size (KenshoPrintLayout *layout, double width, double height)
{
  KenshoPdfExport *self;
  PangoContext *context;

  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (layout), NULL);
  g_return_val_if_fail (width > 2 * KENSHO_PDF_MARGIN && height > 2 * KENSHO_PDF_MARGIN, NULL);

  self = g_object_new (KENSHO_TYPE_PDF_EXPORT, NULL);
  self->layout = g_object_ref (layout);
  self->width = width;
  self->height = height;
  context = kensho_print_layout_create_pango_context ();
  kensho_print_layout_begin (layout, context, self->width - 2 * KENSHO_PDF_MARGIN,
                             self->height - 2 * KENSHO_PDF_MARGIN);
  g_object_unref (context);
  return self;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
start_drawing (KenshoPdfExport *self)
{
  g_autofree char *display_title = kensho_sheet_dup_display_title (kensho_print_layout_get_sheet (self->layout));
  g_autofree char *title = kensho_text_dup_printable (display_title);

  self->paginated = TRUE;
  self->n_pages = kensho_print_layout_get_n_pages (self->layout);
  self->surface = cairo_pdf_surface_create_for_stream (append_bytes, self->bytes, self->width, self->height);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Kensho " PACKAGE_VERSION);
  self->cr = cairo_create (self->surface);
}

/* One step: some rows measured, or one page drawn. FALSE once all is done. */
gboolean
kensho_pdf_export_step (KenshoPdfExport *self)
{
  g_return_val_if_fail (KENSHO_IS_PDF_EXPORT (self), FALSE);

  if (!self->paginated)
    {
      if (kensho_print_layout_paginate_step (self->layout, ROWS_PER_STEP))
        start_drawing (self);
      return TRUE;
    }
  if (self->n_drawn >= self->n_pages)
    return FALSE;
  cairo_save (self->cr);
  cairo_translate (self->cr, KENSHO_PDF_MARGIN, KENSHO_PDF_MARGIN);
  kensho_print_layout_draw_page (self->layout, self->cr, self->n_drawn++);
  cairo_restore (self->cr);
  cairo_show_page (self->cr);
  return self->n_drawn < self->n_pages;
}

double
kensho_pdf_export_get_progress (KenshoPdfExport *self)
{
  g_return_val_if_fail (KENSHO_IS_PDF_EXPORT (self), 0);

  if (!self->paginated)
    return kensho_print_layout_get_progress (self->layout) / 2;
  return 0.5 + (self->n_pages > 0 ? (double) self->n_drawn / self->n_pages / 2 : 0.5);
}

gboolean
kensho_pdf_export_finish (KenshoPdfExport *self, const char *path, GError **error)
{
  cairo_status_t status;

  g_return_val_if_fail (KENSHO_IS_PDF_EXPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  while (kensho_pdf_export_step (self))
    ;
  g_return_val_if_fail (self->cr != NULL, FALSE); /* finished once already */
  status = cairo_status (self->cr);
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return kensho_write_file_atomically (path, (const char *) self->bytes->data, self->bytes->len, error);
}

/* Writes every page as PDF, with 10 mm margins, in one go; the file is
 * replaced only once all of it is written. */
gboolean
kensho_pdf_export_save (KenshoPrintLayout *layout, const char *path, KenshoPaper paper,
                        gboolean portrait, GError **error)
{
  g_autoptr(KenshoPdfExport) export = NULL;

  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export = kensho_pdf_export_new (layout, paper, portrait);
  return kensho_pdf_export_finish (export, path, error);
}
