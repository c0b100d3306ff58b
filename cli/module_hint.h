/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PTI_MODULE_HINT_H
#define PTI_MODULE_HINT_H

#include <stdbool.h>

/*
 * Whether the kernel under @sys_dir (NULL: /sys) loads only signed
 * modules: booted with module.sig_enforce=1, or locked down (Secure Boot).
 */
bool pti_kernel_wants_signed_modules(const char *sys_dir);

/* What to tell a user whose /proc/ptinspect is missing: one line. */
const char *pti_module_missing_hint(const char *sys_dir);

#endif
