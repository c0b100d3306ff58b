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

/*
 * /proc/ptinspect/tasks columns, in output order:
 * X(id, name, struct pti_task member, value type, help).
 * comm is last: it is the only free-text column.
 */
#define PTI_TASK_COLUMNS(X)						\
	X(PID, "pid", pid, PTI_T_S32,					\
	  "thread id (task_struct.pid) in the reader's pid namespace")	\
	X(TGID, "tgid", tgid, PTI_T_S32, "thread-group (process) id")	\
	X(PPID, "ppid", ppid, PTI_T_S32,				\
	  "tgid of real_parent (0 for tasks whose parent is outside the namespace)") \
	X(TRACER, "tracer", tracer, PTI_T_S32,				\
	  "pid of parent when it differs from real_parent (the ptracer), else 0") \
	X(LEADER, "leader", leader, PTI_T_S32, "pid of group_leader")	\
	X(THREADS, "threads", threads, PTI_T_S32,			\
	  "signal->nr_threads of the thread group")			\
	X(PGID, "pgid", pgid, PTI_T_S32, "process-group id")		\
	X(SID, "sid", sid, PTI_T_S32, "session id")			\
	X(STATE, "state", state, PTI_T_CHAR,				\
	  "state letter as /proc shows it: R S D T t X Z P I")		\
	X(RAW_STATE, "raw_state", raw_state, PTI_T_HEX32,		\
	  "task_struct.__state")					\
	X(EXIT_STATE, "exit_state", exit_state, PTI_T_HEX32,		\
	  "task_struct.exit_state (0x10 EXIT_DEAD, 0x20 EXIT_ZOMBIE)")	\
	X(FLAGS, "flags", flags, PTI_T_HEX32, "task_struct.flags (PF_*)") \
	X(FLAG_NAMES, "flag_names", flag_names, PTI_T_WORD,		\
	  "PF_* flags by name without PF_, '|'-separated, '-' if none") \
	X(UID, "uid", uid, PTI_T_U32, "real uid")			\
	X(EUID, "euid", euid, PTI_T_U32, "effective uid")		\
	X(SUID, "suid", suid, PTI_T_U32, "saved uid")			\
	X(FSUID, "fsuid", fsuid, PTI_T_U32, "filesystem uid")		\
	X(GID, "gid", gid, PTI_T_U32, "real gid")			\
	X(EGID, "egid", egid, PTI_T_U32, "effective gid")		\
	X(SGID, "sgid", sgid, PTI_T_U32, "saved gid")			\
	X(FSGID, "fsgid", fsgid, PTI_T_U32, "filesystem gid")		\
	X(POLICY, "policy", policy, PTI_T_WORD,				\
	  "scheduling policy: NORMAL FIFO RR BATCH IDLE DEADLINE")	\
	X(PRIO, "prio", prio, PTI_T_S32,				\
	  "effective priority, task_struct.prio (0..139)")		\
	X(STATIC_PRIO, "static_prio", static_prio, PTI_T_S32,		\
	  "static_prio (120 + nice)")					\
	X(NORMAL_PRIO, "normal_prio", normal_prio, PTI_T_S32,		\
	  "normal_prio (prio without priority inheritance)")		\
	X(RT_PRIORITY, "rt_priority", rt_priority, PTI_T_S32,		\
	  "rt_priority (1..99 for FIFO/RR, else 0)")			\
	X(NICE, "nice", nice, PTI_T_S32, "nice, from static_prio")	\
	X(UTIME_NS, "utime_ns", utime_ns, PTI_T_U64,			\
	  "task_struct.utime: user time in ns, unscaled")		\
	X(STIME_NS, "stime_ns", stime_ns, PTI_T_U64,			\
	  "task_struct.stime: system time in ns, unscaled")		\
	X(NVCSW, "nvcsw", nvcsw, PTI_T_U64, "voluntary context switches") \
	X(NIVCSW, "nivcsw", nivcsw, PTI_T_U64,				\
	  "involuntary context switches")				\
	X(START_NS, "start_ns", start_ns, PTI_T_U64,			\
	  "start_time: CLOCK_MONOTONIC ns at fork")			\
	X(START_BOOT_NS, "start_boot_ns", start_boot_ns, PTI_T_U64,	\
	  "start_boottime: CLOCK_BOOTTIME ns at fork")			\
	X(CPU, "cpu", cpu, PTI_T_S32, "CPU the task is on or last ran on") \
	X(HAS_MM, "has_mm", has_mm, PTI_T_S32,				\
	  "1 if task_struct.mm is set (a user address space), else 0")	\
	X(REAPER, "reaper", reaper, PTI_T_S32,				\
	  "1 if the thread group reaps orphans: namespace init or PR_SET_CHILD_SUBREAPER") \
	X(EXIT_CODE, "exit_code", exit_code, PTI_T_S32,		\
	  "task_struct.exit_code (wait status; meaningful for zombies)") \
	X(COMM, "comm", comm, PTI_T_ESCAPED,				\
	  "task_struct.comm, escaped")

/* Extra leading columns of /sys/kernel/debug/ptinspect/tasks. */
#define PTI_TASK_KADDR_COLUMNS(X)					\
	X(KADDR_TASK, "task", kaddr_task, PTI_T_KPTR,			\
	  "address of the task_struct (%pK: zeros unless kptr_restrict allows)") \
	X(KADDR_STACK, "stack", kaddr_stack, PTI_T_KPTR,		\
	  "address of the kernel stack (%pK)")				\
	X(KADDR_MM, "mm", kaddr_mm, PTI_T_KPTR,				\
	  "address of the mm_struct, 0 without one (%pK)")

enum pti_task_column {
#define PTI_X_ENUM(id, name, member, type, help) PTI_TASK_##id,
	PTI_TASK_COLUMNS(PTI_X_ENUM)
#undef PTI_X_ENUM
	PTI_TASK_NR_COLUMNS
};

/* Where a column lives in its record: both sides build a table of these. */
struct pti_column {
	const char *name;
	const char *help;
	enum pti_value_type type;
	unsigned short offset;
	unsigned short size;
};

#define PTI_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)

#define PTI_TASK_COLUMN_INIT(id, cname, member, vtype, chelp)		\
	[PTI_TASK_##id] = {						\
		.name = cname, .help = chelp, .type = vtype,		\
		.offset = offsetof(struct pti_task, member),		\
		.size = PTI_MEMBER_SIZE(struct pti_task, member),	\
	},

#endif /* PTINSPECT_FORMAT_H */
