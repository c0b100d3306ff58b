/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptinspect_format.h - the record formats shared by the module, the CLI
 * and the tests.  One list per record kind: the /proc header line, the
 * CLI's column names and JSON keys, and docs/proc-format.md all follow it.
 *
 * Included by kernel code and by userspace (C11), so it uses only the
 * __u32/__s32/__u64 types both sides have.
 */
#ifndef PTINSPECT_FORMAT_H
#define PTINSPECT_FORMAT_H

#include <linux/types.h>
#ifndef __KERNEL__
#include <stddef.h>	/* offsetof */
#endif

/* Bumped when a column changes meaning; adding a column does not. */
#define PTI_FORMAT_VERSION	1

#define PTI_COMM_LEN		16	/* TASK_COMM_LEN */
#define PTI_FLAG_NAMES_LEN	256

/* How a column's value is written in /proc text. */
enum pti_value_type {
	PTI_T_S32,	/* signed decimal */
	PTI_T_U32,	/* unsigned decimal */
	PTI_T_HEX32,	/* 0x-prefixed hex */
	PTI_T_U64,	/* unsigned decimal */
	PTI_T_CHAR,	/* one character */
	PTI_T_WORD,	/* a string with no white space */
	PTI_T_ESCAPED,	/* free text, escaped: see docs/proc-format.md */
	PTI_T_KPTR,	/* kernel address, printed with %pK (debugfs only) */
};

/* A task record: what the walker fills and the CLI parses back. */
struct pti_task {
	__s32 pid, tgid, ppid, tracer, leader, threads, pgid, sid;
	char state;
	__u32 raw_state, exit_state, flags;
	char flag_names[PTI_FLAG_NAMES_LEN];
	__u32 uid, euid, suid, fsuid, gid, egid, sgid, fsgid;
	char policy[12];
	__s32 prio, static_prio, normal_prio, rt_priority, nice;
	__u64 utime_ns, stime_ns, nvcsw, nivcsw, start_ns, start_boot_ns;
	__s32 cpu, has_mm, reaper, exit_code;
	char comm[PTI_COMM_LEN];
	/* Kernel addresses: filled only for the debugfs view. */
	__u64 kaddr_task, kaddr_stack, kaddr_mm;
};

/* Column ids, from the one list in ptinspect_columns.h. */
enum pti_task_column {
#define PTI_TASK_COLUMN(id, name, member, type, help) PTI_TASK_##id,
#include "ptinspect_columns.h"
	PTI_TASK_NR_COLUMNS
};

enum pti_task_kaddr_column {
#define PTI_TASK_KADDR_COLUMN(id, name, member, type, help) PTI_TASK_##id,
#include "ptinspect_columns.h"
	PTI_TASK_NR_KADDR_COLUMNS
};

/* Where a column lives in its record: both sides build a table of these. */
struct pti_column {
	const char *name;
	const char *help;
	enum pti_value_type type;
	unsigned short offset;
	unsigned short size;
};

/* A struct pti_column initialiser for @member of struct pti_task. */
#define PTI_TASK_COLUMN_INIT(cname, member, vtype, chelp) {		\
	.name = cname, .help = chelp, .type = vtype,			\
	.offset = offsetof(struct pti_task, member),			\
	.size = sizeof(((struct pti_task *)0)->member),			\
}

#endif /* PTINSPECT_FORMAT_H */
