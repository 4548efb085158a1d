/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* Handing a sheet out to its divisions (照会): each gets a sheet with its
 * own indicators only, inside their goals, sub-goals and measures, with the
 * sheet's title, year, rating scale and notes, marked with a hand-out tag
 * that carries a copy of what was sent. */

/* What identifies the sheet an answer belongs to, across files and years:
 * a digest of its municipality and title (the fiscal year is checked on
 * its own, to say which of the two differs). */
char        *kensho_handout_sheet_key   (KenshoSheet *sheet);
/* The divisions that have an indicator on the sheet, in the sheet's order
 * of divisions, then the others in the tree's order. */
GStrv        kensho_handout_dup_divisions (KenshoSheet *sheet);
/* NULL with an error when the division has no indicator on the sheet. */
KenshoSheet *kensho_handout_new         (KenshoSheet *sheet,
                                         const char  *division,
                                         const char  *due,
                                         const char  *contact,
                                         GError     **error);
/* "総務課.xml": the division's name made safe as a file name. */
char        *kensho_handout_file_name   (const char  *division,
                                         const char  *extension);

G_END_DECLS
