/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptinspect_trace.h - the records ptinspect's tracer streams from the
 * kernel, read by both bpf/trace.bpf.c and the CLI.  Nothing else lives
 * here.
 */
#ifndef PTI_BPF_TRACE_H
#define PTI_BPF_TRACE_H

#include "ptinspect_limits.h"

#define PTI_FILENAME_LEN 256
#define PTI_HIST_SLOTS 32		/* log2(µs) buckets of run-queue wait */
#define PTI_RINGBUF_DEFAULT (4u << 20)

enum pti_trace_kind {
	PTI_EV_FORK = 1,	/* task: parent; other: child */
	PTI_EV_EXEC,		/* task: after exec */
	PTI_EV_EXIT,		/* task: the exiting thread */
	PTI_EV_REAP,		/* task: the waiter; other: the zombie reaped */
	PTI_EV_ORPHAN,		/* task: the exiting parent; other: its child */
	PTI_EV_SWITCH,		/* task: prev; other: next */
	PTI_EV_WAKEUP,		/* task: the woken; other: the waker */
	PTI_EV_KINDS
};

#define PTI_EV_BIT(kind) (1u << (kind))
#define PTI_EV_LIFECYCLE (PTI_EV_BIT(PTI_EV_FORK) | PTI_EV_BIT(PTI_EV_EXEC) | \
			  PTI_EV_BIT(PTI_EV_EXIT) | PTI_EV_BIT(PTI_EV_REAP) | \
			  PTI_EV_BIT(PTI_EV_ORPHAN))
#define PTI_EV_SCHED (PTI_EV_BIT(PTI_EV_SWITCH) | PTI_EV_BIT(PTI_EV_WAKEUP))

/* What a fork made, judged from the child the kernel built. */
enum pti_fork_kind {
	PTI_FORK_PROCESS = 1,	/* own tgid and mm */
	PTI_FORK_THREAD,	/* same tgid (CLONE_THREAD) */
	PTI_FORK_VFORK,		/* parent waits: vfork_done set (CLONE_VFORK) */
	PTI_FORK_SHARED_VM,	/* shares the mm without CLONE_THREAD */
	PTI_FORK_KTHREAD,	/* PF_KTHREAD */
};

/* What happens to an exiting thread, as exit_notify() will decide it. */
enum pti_exit_fate {
	PTI_FATE_ZOMBIE = 1,	/* stays until its parent (or tracer) waits */
	PTI_FATE_AUTOREAP,	/* released at once: a thread, or SIGCHLD ignored */
	PTI_FATE_DELAYED,	/* a leader whose threads still run: zombie until they exit */
	PTI_FATE_REPLACED,	/* a leader killed by a thread's exec, which takes its pid */
};

/* Who takes an orphan, as find_new_reaper() will choose. */
enum pti_reaper_kind {
	PTI_REAPER_INIT = 1,	/* the pid namespace's child_reaper */
	PTI_REAPER_SUBREAPER,	/* nearest PR_SET_CHILD_SUBREAPER ancestor */
};

struct pti_trace_task {
	__u32 pid;		/* host (init pid namespace) ids */
	__u32 tgid;
	__u32 ppid;		/* real_parent's tgid */
	__u32 ns_pid;		/* ids in the task's own pid namespace */
	__u32 ns_tgid;
	char comm[PTI_COMM_LEN];
};

struct pti_trace_fork {
	struct pti_trace_task child;
	__u32 kind;		/* enum pti_fork_kind */
	__u32 flags_known;	/* clone_flags read from the forking syscall */
	__u64 clone_flags;	/* CLONE_* (and exit signal in the low byte) */
};

struct pti_trace_exec {
	__u32 old_pid;		/* the thread that called exec */
	char filename[PTI_FILENAME_LEN];
};

struct pti_trace_exit {
	__s32 exit_code;	/* wait status: (status << 8) or signal | 0x80 core */
	__u32 group_dead;	/* the last thread of its process */
	__u32 leader;
	__u32 fate;		/* enum pti_exit_fate */
	__u32 exec_tid;		/* killed by another thread's exec, else 0 */
};

struct pti_trace_reap {
	struct pti_trace_task child;
	__s32 exit_code;
	__u64 zombie_ns;	/* from its exit to the wait that reaped it */
};

struct pti_trace_orphan {
	struct pti_trace_task child;
	__u32 reaper_tgid;	/* host tgid of the new parent */
	__u32 reaper_kind;	/* enum pti_reaper_kind */
	char child_state;	/* 'Z' when the orphan is already a zombie */
};

struct pti_trace_switch {
	struct pti_trace_task next;
	__u64 next_wait_ns;	/* next's wait on this CPU's queue, 0 if unknown */
	__u32 prev_state;	/* prev's __state as the scheduler saw it */
	__u32 voluntary;	/* counted in nvcsw (slept) rather than nivcsw */
};

struct pti_trace_wakeup {
	struct pti_trace_task waker;
	__u32 target_cpu;
	__u32 new_task;		/* sched_wakeup_new: first wakeup after fork */
};

struct pti_trace_event {
	__u64 ts_ns;		/* CLOCK_MONOTONIC */
	__u32 kind;		/* enum pti_trace_kind */
	__u32 cpu;
	struct pti_trace_task task;
	union {
		struct pti_trace_fork fork;
		struct pti_trace_exec exec;
		struct pti_trace_exit exit;
		struct pti_trace_reap reap;
		struct pti_trace_orphan orphan;
		struct pti_trace_switch sw;
		struct pti_trace_wakeup wakeup;
	};
};

/* Bytes a record of one kind takes: the header and its union member. */
#define PTI_EVENT_SIZE(member) \
	(__builtin_offsetof(struct pti_trace_event, member) + \
	 sizeof(((struct pti_trace_event *)0)->member))

/*
 * Per-task scheduling counts kept in the kernel for --summary.  Waits are
 * the growth of the task's own sched_info (run_delay, pcount) while seen.
 */
struct pti_sched_stats {
	__u64 voluntary;
	__u64 involuntary;
	__u64 wait_ns;		/* total run-queue wait */
	__u64 waits;		/* runs that ended a wait */
	__u64 max_wait_ns;
	__u64 delay_seen;	/* kernel side's own: sched_info at the */
	__u64 runs_seen;	/* last switch-out */
	__u32 tgid;
	char comm[PTI_COMM_LEN];
};

#endif
