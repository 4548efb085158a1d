/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* UNDER_ASAN: built with AddressSanitizer (gcc or clang), where every
 * allocation costs several times more. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
