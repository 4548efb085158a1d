/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_XML_NAMESPACE     "urn:x-kensho:sheet"
#define KENSHO_XML_VERSION_MAJOR 1
#define KENSHO_XML_VERSION_MINOR 2

/* Every file is untrusted: no DTD, no entities, no network; it is checked
 * against the RELAX NG schema compiled into Kensho, then value by value.
 * Errors are KENSHO_FORMAT_ERROR with a message "FILE:LINE: sentence". */
KenshoSheet *kensho_sheet_xml_load_file   (const char   *path,
                                           GError      **error);
KenshoSheet *kensho_sheet_xml_load_bytes  (GBytes       *bytes,
                                           const char   *display_name,
                                           GError      **error);
/* The bytes just read from @path, taken: no one else may hold them, as
 * their pages are given back to the system while they are parsed (the
 * file is read again should the tree be needed). What
 * kensho_sheet_xml_load_file() does after reading the file. */
KenshoSheet *kensho_sheet_xml_load_read_file (GBytes     *bytes,
                                              const char *path,
                                              GError    **error);
/* Told, on the loading thread, of each node at the sheet's top (a goal,
 * or an indicator outside any goal) as soon as it and all it holds are
 * loaded and in the sheet, their identifiers final: nothing in it changes
 * after, so another thread may read it while the rest of the file is
 * loaded. @position: its place at the top. */
typedef void (*KenshoTopLoadedFunc) (KenshoNode *node,
                                     guint       position,
                                     gpointer    user_data);
/* kensho_sheet_xml_load_read_file(), telling @top_loaded of each node at
 * the top. *@all_told is FALSE when the nodes told were not the returned
 * sheet's (the file was read again the usual way, or did not load): what
 * was made of them is to be dropped. */
KenshoSheet *kensho_sheet_xml_load_read_file_told (GBytes             *bytes,
                                                   const char         *path,
                                                   KenshoTopLoadedFunc top_loaded,
                                                   gpointer            user_data,
                                                   gboolean           *all_told,
                                                   GError            **error);
GBytes      *kensho_sheet_xml_serialize   (KenshoSheet  *sheet);
/* FALSE when a text is longer than a file holds (KENSHO_SHORT_TEXT_MAX,
 * KENSHO_LONG_TEXT_MAX), with a message naming it: such a sheet is not
 * saved, as Kensho would refuse to open the file. */
gboolean     kensho_sheet_xml_check_savable (KenshoSheet *sheet,
                                             GError     **error);
int          kensho_sheet_xml_needed_minor (KenshoSheet *sheet);
/* Writes a temporary file beside path, flushes it to disk and renames it
 * over path: the old file survives any failure. */
gboolean     kensho_sheet_xml_save_file   (KenshoSheet  *sheet,
                                           const char   *path,
                                           GError      **error);

G_END_DECLS
