/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* What became of one field of an answer in a three-way merge. */
typedef enum
{
  KENSHO_MERGE_TAKEN,       /* changed in the answer only: taken */
  KENSHO_MERGE_SAME,        /* the same change in the sheet already */
  KENSHO_MERGE_CONFLICT,    /* changed differently on both sides */
  KENSHO_MERGE_NOT_APPLIED, /* outside what the division answers: listed only */
} KenshoMergeKind;

typedef enum
{
  KENSHO_MERGE_CHOICE_NONE,
  KENSHO_MERGE_CHOICE_THEIRS,
  KENSHO_MERGE_CHOICE_MINE,
} KenshoMergeChoice;

typedef struct
{
  KenshoMergeKind kind;
  char *node_id;      /* the indicator (or node); NULL for the sheet */
  char *node_name;
  char *field;        /* for people: "①主な取組・事業実施状況 (2023年度)" */
  char *base;         /* for people; "" when empty */
  char *theirs;
  char *mine;
  KenshoMergeChoice choice; /* for a conflict */
  /* Private: where the field is, to apply it. */
  int what;
  int fiscal_year;
  guint series;
} KenshoMergeItem;

#define KENSHO_TYPE_MERGE (kensho_merge_get_type ())
G_DECLARE_FINAL_TYPE (KenshoMerge, kensho_merge, KENSHO, MERGE, GObject)

/* A division's answer merged field by field into the sheet (mine), against
 * what was sent (base: @base, or the copy the answer carries when NULL).
 * Only the answer fields of the division's indicators are merged: the three
 * parts, rating and reason for delay of every year, and the figures; other
 * changes (structure, names, other indicators, the sheet's metadata) are
 * listed as not applied. NULL with an error for an answer to another
 * sheet, year or division, or one that is not a hand-out. Nothing changes
 * until kensho_merge_apply(). */
KenshoMerge *kensho_merge_new              (KenshoSheet        *mine,
                                            KenshoSheet        *answer,
                                            GBytes             *base,
                                            const char         *answer_name,
                                            GError            **error);
const char  *kensho_merge_get_handout_id   (KenshoMerge        *self);
const char  *kensho_merge_get_division     (KenshoMerge        *self);
/* Of KenshoMergeItem, in the order of the sheet. */
GPtrArray   *kensho_merge_get_items        (KenshoMerge        *self);
guint        kensho_merge_count            (KenshoMerge        *self,
                                            KenshoMergeKind     kind);
guint        kensho_merge_get_n_open_conflicts (KenshoMerge    *self);
void         kensho_merge_set_choice       (KenshoMerge        *self,
                                            guint               item,
                                            KenshoMergeChoice   choice);
void         kensho_merge_choose_all       (KenshoMerge        *self,
                                            KenshoMergeChoice   choice);

/* Applies the changes taken and the conflicts resolved as the answer, as
 * one undo step; returns the number of fields changed. Conflicts must all
 * be chosen. */
guint        kensho_merge_apply            (KenshoMerge        *self);

/* "name: field: base → theirs" ("… / mine" for a conflict). */
char        *kensho_merge_item_describe    (const KenshoMergeItem *item);
void         kensho_merge_item_free        (KenshoMergeItem   *item);
const char  *kensho_merge_kind_to_string   (KenshoMergeKind    kind);
/* The items as CSV (UTF-8 with BOM, CRLF), one row each, after a column
 * naming the division. */
GBytes      *kensho_merge_report_csv       (const char        *division,
                                            GPtrArray         *items);

G_END_DECLS
