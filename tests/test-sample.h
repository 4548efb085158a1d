/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled sample sheet ($KENSHO_SAMPLE), loaded fresh for each test. */
#pragma once

#include "kensho-sheet-xml.h"

KenshoSheet *load_sample (void);
