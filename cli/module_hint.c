// SPDX-License-Identifier: GPL-2.0
/*
 * module_hint.c - why /proc/ptinspect may be missing, in one line.  A
 * kernel that demands signed modules refuses an unsigned ptinspect.ko
 * with only "Key was rejected by service"; saying so here saves the
 * user a search.
 */
#include <stdio.h>
#include <string.h>
#include "module_hint.h"

static bool file_has(const char *sys_dir, const char *file, const char *word)
{
	char path[4096], text[256] = "";
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", sys_dir ? sys_dir : "/sys", file);
	f = fopen(path, "re");
	if (!f)
		return false;
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	return strstr(text, word) != NULL;
}

bool pti_kernel_wants_signed_modules(const char *sys_dir)
{
	/* lockdown's active mode is the bracketed one */
	return file_has(sys_dir, "module/module/parameters/sig_enforce", "Y") ||
	       file_has(sys_dir, "kernel/security/lockdown", "[integrity]") ||
	       file_has(sys_dir, "kernel/security/lockdown", "[confidentiality]");
}

const char *pti_module_missing_hint(const char *sys_dir)
{
	if (pti_kernel_wants_signed_modules(sys_dir))
		return "the module is not loaded, and this kernel loads only signed modules: sign it (make sign, or DKMS's key) and enroll the key with mokutil --import (README: Secure Boot)";
	return "is the module loaded? (sudo modprobe ptinspect, or insmod module/ptinspect.ko)";
}
