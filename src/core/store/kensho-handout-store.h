/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-merge.h"
#include "kensho-workspace.h"

G_BEGIN_DECLS

/* A hand-out sent from a sheet of the workspace, with its last answer. */
typedef struct
{
  char *id;
  gint64 sheet_id;
  char *division;
  gint64 sent;          /* Unix time */
  char *due;            /* "2026-06-30" or NULL */
  char *contact;
  char *format;         /* "xml" or "xlsx" */
  char *path;           /* where it was written */
  gint64 answer_id;     /* 0 when no answer came */
  gint64 received;
  char *answer_path;
  gboolean merged;
  guint conflicts;      /* left open when the answer was not merged */
} KenshoHandoutRecord;

void       kensho_handout_record_free (KenshoHandoutRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoHandoutRecord, kensho_handout_record_free)

/* Keeps exactly what was sent: the hand-out's base. */
gboolean   kensho_workspace_add_handout      (KenshoWorkspace  *self,
                                              gint64            sheet_id,
                                              KenshoSheet      *handout,
                                              const char       *format,
                                              const char       *path,
                                              GError          **error);
/* What was sent, or NULL when the workspace did not send @handout_id. */
GBytes    *kensho_workspace_dup_handout_base (KenshoWorkspace  *self,
                                              const char       *handout_id,
                                              gint64           *sheet_id);
/* The division @handout_id was sent to, or NULL when the workspace did
 * not send it. */
char      *kensho_workspace_dup_handout_division (KenshoWorkspace *self,
                                                  const char      *handout_id);
/* Records an answer and the report of its merge; returns its id, or 0. */
gint64     kensho_workspace_add_answer       (KenshoWorkspace  *self,
                                              const char       *handout_id,
                                              const char       *path,
                                              KenshoMerge      *merge,
                                              gboolean          merged,
                                              GError          **error);
/* Of KenshoHandoutRecord, the latest hand-out to each division first. */
GPtrArray *kensho_workspace_list_handouts    (KenshoWorkspace  *self,
                                              gint64            sheet_id,
                                              GError          **error);
/* Of KenshoMergeItem: the report of an answer. */
GPtrArray *kensho_workspace_list_answer_items (KenshoWorkspace *self,
                                               gint64           answer_id,
                                               GError         **error);

G_END_DECLS
