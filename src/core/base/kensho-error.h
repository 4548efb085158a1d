/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors of the sheet model and its files. The message of an error is a
 * sentence for the user; for a file it starts with "FILE:LINE: ". What the
 * system refuses (a full disk, no permission, a folder in the way) is a
 * G_IO_ERROR with its own code, never folded into one of these. */
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
  KENSHO_ERROR_IO,                /* no longer set: G_IO_ERROR instead */
  KENSHO_ERROR_LOCKED,            /* another person has the file open */
  KENSHO_ERROR_LOCAL_CHANGES,     /* the workspace has unsaved changes for this file */
  KENSHO_ERROR_CHANGED_ON_DISK,   /* someone saved the file since it was opened */
  KENSHO_ERROR_READ_ONLY,         /* the sheet was opened read-only */
  KENSHO_ERROR_NO_FILE,           /* the sheet has no file yet: Save As */
  KENSHO_ERROR_RENAME_REFUSED,    /* the file server would not replace the file: write in place? */
} KenshoError;

GQuark kensho_error_quark (void);

/* A workspace Kensho will not use as it is; its IO errors are G_IO_ERROR. */
#define KENSHO_WORKSPACE_ERROR (kensho_workspace_error_quark ())

typedef enum
{
  KENSHO_WORKSPACE_ERROR_REFUSED, /* not a workspace, another program's, or a newer one: left alone */
  KENSHO_WORKSPACE_ERROR_IN_USE,  /* damaged, and open in another Kensho: not moved aside */
} KenshoWorkspaceError;

GQuark kensho_workspace_error_quark (void);

G_END_DECLS
