/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One error domain per area of the core. The message of an error is a
 * sentence for the user; for a file it starts with "FILE:LINE: ". What the
 * system refuses (a full disk, no permission, a folder in the way) is a
 * G_IO_ERROR with its own code, never folded into one of these; a bad
 * command-line value is a G_OPTION_ERROR. */

/* A file that is not a sheet (or spreadsheet) Kensho can read: formats/. */
#define KENSHO_FORMAT_ERROR (kensho_format_error_quark ())

typedef enum
{
  KENSHO_FORMAT_ERROR_FAILED,            /* unreadable for another reason, said in the message */
  KENSHO_FORMAT_ERROR_DUPLICATE_ID,      /* two goals, measures or indicators with one id */
  KENSHO_FORMAT_ERROR_NOT_WELL_FORMED,   /* not XML at all, or broken XML */
  KENSHO_FORMAT_ERROR_NOT_A_SHEET,       /* XML or a zip, but not a Kensho sheet or a workbook */
  KENSHO_FORMAT_ERROR_NEWER_VERSION,     /* made by a newer Kensho */
  KENSHO_FORMAT_ERROR_INVALID,           /* a sheet with content the schema or the model refuses */
  KENSHO_FORMAT_ERROR_FORBIDDEN_CONTENT, /* DOCTYPE, entities, encryption: never loaded */
  KENSHO_FORMAT_ERROR_TOO_LARGE,
} KenshoFormatError;

GQuark kensho_format_error_quark (void);

/* An edit the sheet model refuses: model/. */
#define KENSHO_MODEL_ERROR (kensho_model_error_quark ())

typedef enum
{
  KENSHO_MODEL_ERROR_INVALID_STRUCTURE, /* a node where its kind cannot go */
  KENSHO_MODEL_ERROR_DUPLICATE_ID,      /* a rating the scale already has */
  KENSHO_MODEL_ERROR_INVALID,           /* a year or period out of the plan */
} KenshoModelError;

GQuark kensho_model_error_quark (void);

/* A document that cannot be opened or saved as asked, now: store/. */
#define KENSHO_DOCUMENT_ERROR (kensho_document_error_quark ())

typedef enum
{
  KENSHO_DOCUMENT_ERROR_LOCKED,          /* another person has the file open */
  KENSHO_DOCUMENT_ERROR_LOCAL_CHANGES,   /* the workspace has unsaved changes for this file */
  KENSHO_DOCUMENT_ERROR_CHANGED_ON_DISK, /* someone saved the file since it was opened */
  KENSHO_DOCUMENT_ERROR_READ_ONLY,       /* the sheet was opened read-only */
  KENSHO_DOCUMENT_ERROR_NO_FILE,         /* the sheet has no file yet: Save As */
  KENSHO_DOCUMENT_ERROR_RENAME_REFUSED,  /* the file server would not replace the file: write in place? */
} KenshoDocumentError;

GQuark kensho_document_error_quark (void);

/* The hand-out and collect cycle: cycle/. */
#define KENSHO_CYCLE_ERROR (kensho_cycle_error_quark ())

typedef enum
{
  KENSHO_CYCLE_ERROR_NO_INDICATORS, /* nothing to hand out to that division */
  KENSHO_CYCLE_ERROR_NOT_AN_ANSWER, /* a workbook that is not a Kensho answer form */
  KENSHO_CYCLE_ERROR_REFUSED,       /* an answer for another sheet, year or division */
} KenshoCycleError;

GQuark kensho_cycle_error_quark (void);

/* A workspace Kensho will not use as it is; its IO errors are G_IO_ERROR. */
#define KENSHO_WORKSPACE_ERROR (kensho_workspace_error_quark ())

typedef enum
{
  KENSHO_WORKSPACE_ERROR_REFUSED, /* not a workspace, another program's, or a newer one: left alone */
  KENSHO_WORKSPACE_ERROR_IN_USE,  /* damaged, and open in another Kensho: not moved aside */
} KenshoWorkspaceError;

GQuark kensho_workspace_error_quark (void);

G_END_DECLS
