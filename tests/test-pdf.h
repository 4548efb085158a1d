/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the PDFs the tests make with poppler's tools (pdfinfo, pdftotext,
 * pdftoppm), and keeping them in the build directory (tests/artifacts/). */
#pragma once

#include <glib/gstdio.h>
#include <stdio.h>

#include "test-run.h"

/* Runs a poppler tool, which must succeed; returns its output. */
char *poppler (const char *tool, ...);

char *artifact (const char *name);

guint pdf_pages (const char *pdf, double *width, double *height);

char *squeeze (const char *text);

/* The text of a page (0: all), in drawing order, with every blank and line
 * break removed: a cell's wrapped lines read as one string again. */
char *pdf_text (const char *pdf, guint page);

void assert_contains (const char *haystack, const char *needle);
