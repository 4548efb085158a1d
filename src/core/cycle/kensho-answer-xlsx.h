/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* A division's answer on the .xlsx form (kensho-handout-xlsx.h), read back
 * as the hand-out sheet with the answer cells written in: ready for
 * kensho_merge_new(). The file is untrusted: its parts are read with
 * limits, and a cell that cannot be read is an error naming it. */
KenshoSheet *kensho_answer_xlsx_load (const char  *path,
                                      GError     **error);
/* An answer of either kind: .xlsx by its name, a sheet file otherwise. */
KenshoSheet *kensho_answer_load      (const char  *path,
                                      GError     **error);

G_END_DECLS
