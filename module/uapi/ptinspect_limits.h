/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptinspect_limits.h - the sizes every side agrees on: the module's
 * records, the tracer's records and the CLI that reads both.  No types
 * and no includes, so that a BPF program (which has vmlinux.h's types)
 * can include it as well as the kernel and userspace.
 */
#ifndef PTINSPECT_LIMITS_H
#define PTINSPECT_LIMITS_H

#define PTI_COMM_LEN		16	/* TASK_COMM_LEN */
#define PTI_NAME_LEN		64	/* what proc_task_name() prints at most */

#endif
