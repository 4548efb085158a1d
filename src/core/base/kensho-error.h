/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors of the sheet model and its files. The message of an error is a
 * sentence for the user; for a file it starts with "FILE:LINE: ". */
#define KENSHO_ERROR (kensho_error_quark ())

typedef enum
{
  KENSHO_ERROR_FAILED,
  KENSHO_ERROR_DUPLICATE_ID,
  KENSHO_ERROR_INVALID_STRUCTURE,
  KENSHO_ERROR_NOT_WELL_FORMED,   /* not XML at all, or broken XML */
  KENSHO_ERROR_NOT_A_SHEET,       /* XML, but not a Kensho sheet */
  KENSHO_ERROR_NEWER_VERSION,     /* made by a newer Kensho */
  KENSHO_ERROR_INVALID,           /* a Kensho sheet with content the schema or the model refuses */
  KENSHO_ERROR_FORBIDDEN_CONTENT, /* DOCTYPE, entities: never loaded */
  KENSHO_ERROR_TOO_LARGE,
  KENSHO_ERROR_IO,
  KENSHO_ERROR_LOCKED,            /* another person has the file open */
  KENSHO_ERROR_LOCAL_CHANGES,     /* the workspace has unsaved changes for this file */
  KENSHO_ERROR_CHANGED_ON_DISK,   /* someone saved the file since it was opened */
  KENSHO_ERROR_READ_ONLY,         /* the sheet was opened read-only */
  KENSHO_ERROR_NO_FILE,           /* the sheet has no file yet: Save As */
  KENSHO_ERROR_RENAME_REFUSED,    /* the file server would not replace the file: write in place? */
} KenshoError;

GQuark kensho_error_quark (void);

G_END_DECLS
