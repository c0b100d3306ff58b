/* SPDX-License-Identifier: GPL-2.0 */
/*
 * harness.h - the kselftest harness (from Debian's linux-source, see the
 * Makefile) with ptinspect's bound on one case.  The harness kills a case
 * after 30 s; on a debug kernel (KASAN, lockdep: scripts/debug-kernel),
 * five to ten times slower, fork storms, BPF loads and 60,000-VMA reads
 * take longer than that while working.  Each case bounds its own work;
 * this only catches a hang.
 */
#ifndef PTI_TEST_HARNESS_H
#define PTI_TEST_HARNESS_H

#include "kselftest_harness.h"

#undef TEST_TIMEOUT_DEFAULT
#define TEST_TIMEOUT_DEFAULT 300

#endif
