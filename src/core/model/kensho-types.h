/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enumerations shared by the sheet model, its file format and its views. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The longest texts a sheet file holds, in characters: short-text and
 * long-text of data/kensho-sheet.rng. Short: names, units, codes, titles,
 * divisions, labels, and a value's unit, period and note. Long: notes,
 * ①②③, the reason for delay, and a text value. */
#define KENSHO_SHORT_TEXT_MAX 1000
#define KENSHO_LONG_TEXT_MAX  100000

typedef enum
{
  KENSHO_NODE_ROOT,
  KENSHO_NODE_GOAL,      /* 大基本目標 */
  KENSHO_NODE_SUBGOAL,   /* 小基本目標 */
  KENSHO_NODE_MEASURE,   /* 具体的な施策 */
  KENSHO_NODE_INDICATOR, /* 数値目標 or KPI */
} KenshoNodeKind;

typedef enum
{
  KENSHO_INDICATOR_KPI,
  KENSHO_INDICATOR_TARGET, /* 数値目標 */
} KenshoIndicatorKind;

typedef enum
{
  KENSHO_DIRECTION_HIGHER, /* higher is better */
  KENSHO_DIRECTION_LOWER,  /* lower is better: 刑法犯認知件数, 待機児童数 */
  KENSHO_DIRECTION_LEVEL,  /* keep at a level */
} KenshoDirection;

typedef enum
{
  KENSHO_COMMENTARY_ACTIVITIES, /* ①主な取組・事業実施状況 */
  KENSHO_COMMENTARY_ISSUES,     /* ②課題 */
  KENSHO_COMMENTARY_NEXT_STEPS, /* ③今後の方策等 */
} KenshoCommentaryPart;

/* What an external committee wrote of an indicator's year, and the
 * division's answer (外部評価/委員会意見, 対応方針). */
typedef enum
{
  KENSHO_COMMITTEE_OPINION,
  KENSHO_COMMITTEE_RESPONSE,
} KenshoCommitteePart;

/* The five value columns of a sheet, named after the fiscal year shown. */
typedef enum
{
  KENSHO_COLUMN_BASELINE,
  KENSHO_COLUMN_PREVIOUS_ACTUAL,
  KENSHO_COLUMN_ACTUAL,
  KENSHO_COLUMN_TARGET,
  KENSHO_COLUMN_FINAL_TARGET,
} KenshoColumn;

#define KENSHO_N_COLUMNS 5

/* How a sheet turns figures into an achievement rate (達成率); cities
 * differ, so the method is chosen per sheet. See kensho-achievement.h. */
typedef enum
{
  KENSHO_ACHIEVEMENT_RATIO,    /* actual ÷ target */
  KENSHO_ACHIEVEMENT_PROGRESS, /* (actual − baseline) ÷ (target − baseline) */
  KENSHO_ACHIEVEMENT_EXPECTED, /* progress against a value interpolated each
                                * year from baseline to final target (期待値,
                                * as 茨城県) */
} KenshoAchievementMethod;

#define KENSHO_N_ACHIEVEMENT_METHODS 3

/* What a KenshoSheet::changed emission is about. */
typedef enum
{
  KENSHO_CHANGE_SHEET,     /* sheet metadata, divisions or rating scale */
  KENSHO_CHANGE_CONTENT,   /* a field of a node, indicator or series */
  KENSHO_CHANGE_STRUCTURE, /* children added, removed or moved; object is the parent */
} KenshoChange;

G_END_DECLS
