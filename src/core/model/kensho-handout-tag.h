/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What marks a sheet as a hand-out (照会) to one division: which hand-out,
 * of which sheet, for whom, when it is due, and a copy of the hand-out as
 * it was sent (its base), so that an answer merges from files alone. It
 * travels in the file (<handout>) and survives the division's editing. */
typedef struct
{
  char *id;        /* the hand-out's id: "h" and 32 hex digits */
  char *sheet_key; /* the sheet handed out, see kensho_handout_sheet_key() */
  char *division;
  char *sent;      /* ISO 8601 UTC: "2026-06-01T09:00:00Z" */
  char *due;       /* "2026-06-30", or NULL */
  char *contact;   /* who to ask, or NULL */
  GBytes *base;    /* the hand-out sheet as sent (XML), or NULL */
} KenshoHandoutTag;

#define KENSHO_TYPE_HANDOUT_TAG (kensho_handout_tag_get_type ())

GType             kensho_handout_tag_get_type (void) G_GNUC_CONST;
KenshoHandoutTag *kensho_handout_tag_new      (void);
KenshoHandoutTag *kensho_handout_tag_copy     (const KenshoHandoutTag *tag);
void              kensho_handout_tag_free     (KenshoHandoutTag       *tag);
gboolean          kensho_handout_tag_equal    (const KenshoHandoutTag *a,
                                               const KenshoHandoutTag *b);
/* For the workspace: one blob, read back by from_bytes (NULL if broken). */
GBytes           *kensho_handout_tag_to_bytes (const KenshoHandoutTag *tag);
KenshoHandoutTag *kensho_handout_tag_from_bytes (GBytes               *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoHandoutTag, kensho_handout_tag_free)

G_END_DECLS
