// SPDX-License-Identifier: GPL-2.0
/*
 * trace.bpf.c - ptinspect's tracer, kernel side: process life cycle
 * (fork, exec, exit, reap, orphan) and, on request, scheduling (switch,
 * wakeup, run-queue wait), filtered here so only wanted records cross
 * into the ring buffer.
 *
 * Every handler is written once against task pointers and read with CO-RE
 * probe reads, so the same code serves the tp_btf programs and their raw_tp
 * twins (chosen at run time on kernels without tp_btf).
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "trace.h"

char LICENSE[] SEC("license") = "GPL";

#define PF_KTHREAD 0x00200000
#define SIGCHLD 17
#define TASK_DEAD 0x00000080
#define E2BIG 7
#define CLONE_VM 0x00000100
#define CLONE_VFORK 0x00004000
#define WNOWAIT 0x01000000
#define CLD_EXITED 1
#define CLD_DUMPED 3
#define MAX_ANCESTORS 64	/* subreaper search depth */
#define MAX_ORPHANS 128		/* children reported per exiting process */

/* Set by the CLI before load. */
const volatile __u32 self_tgid;
const volatile __u32 event_mask = PTI_EV_LIFECYCLE;
const volatile bool filter_tgid;	/* only tgids in the watched map */
const volatile bool follow;		/* ... and their descendants */
const volatile bool filter_comm;
const volatile char comm_filter[PTI_COMM_LEN];
const volatile bool count_sched;	/* --summary: counts and histogram */
const volatile bool sched_hooks;	/* switch/wakeup programs are loaded */
const volatile __u64 wakeup_bytes = PTI_RINGBUF_DEFAULT / 4;

/* Read by the CLI after detaching: produced = delivered + dropped. */
__u64 produced;
__u64 dropped;
__u64 watch_full;	/* --follow children not watched: map full */
__u64 stats_full;	/* tasks not counted: map full */

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, PTI_RINGBUF_DEFAULT);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, __u8);
} watched SEC(".maps");

/* A zombie as its waiter will name it: that waiter's pid namespace + nr. */
struct zombie_key {
	__u64 ns;
	__u32 nr;
	__u32 pad;
};

struct zombie {
	struct pti_trace_task task;
	__u64 exit_ns;
	__s32 exit_code;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct zombie_key);
	__type(value, struct zombie);
} zombies SEC(".maps");

/* When a task became runnable and not yet ran (0: running or asleep). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, __u64);
} queued_since SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, struct pti_sched_stats);
} sched_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, PTI_HIST_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} runq_hist SEC(".maps");

/* Kernels before 5.14 call the state field 'state'. */
struct task_struct___pre514 {
	long state;
} __attribute__((preserve_access_index));

/* Kernels before 5.16 keep the CPU in task_struct itself. */
struct task_struct___cpu_in_task {
	unsigned int cpu;
} __attribute__((preserve_access_index));

static __always_inline unsigned int task_state(struct task_struct *t)
{
	if (bpf_core_field_exists(t->__state))
		return BPF_CORE_READ(t, __state);
	return BPF_CORE_READ((struct task_struct___pre514 *)t, state);
}

static __always_inline __u32 task_cpu_of(struct task_struct *t)
{
	if (bpf_core_field_exists(t->thread_info.cpu))
		return BPF_CORE_READ(t, thread_info.cpu);
	return BPF_CORE_READ((struct task_struct___cpu_in_task *)t, cpu);
}

/* The pid's upid at @level (its own namespace at pid->level). */
static __always_inline struct upid upid_at(struct pid *pid, unsigned int level)
{
	struct upid up = {};

	if (pid)
		bpf_core_read(&up, sizeof(up), &pid->numbers[level & 31]);
	return up;
}

static __always_inline __u32 ns_nr(struct pid *pid)
{
	return upid_at(pid, BPF_CORE_READ(pid, level)).nr;
}

static __always_inline void fill_task(struct pti_trace_task *out,
				      struct task_struct *t)
{
	out->pid = BPF_CORE_READ(t, pid);
	out->tgid = BPF_CORE_READ(t, tgid);
	out->ppid = BPF_CORE_READ(t, real_parent, tgid);
	out->ns_pid = ns_nr(BPF_CORE_READ(t, thread_pid));
	out->ns_tgid = ns_nr(BPF_CORE_READ(t, group_leader, thread_pid));
	BPF_CORE_READ_STR_INTO(&out->comm, t, comm);
}

static __always_inline bool comm_matches(struct task_struct *t)
{
	char comm[PTI_COMM_LEN];

	BPF_CORE_READ_STR_INTO(&comm, t, comm);
	for (int i = 0; i < PTI_COMM_LEN; i++) {
		if (comm[i] != comm_filter[i])
			return false;
		if (!comm[i])
			break;
	}
	return true;
}

/*
 * pid and tgid in one read: the hot paths need both, and they sit side
 * by side in task_struct on every kernel.
 */
struct task_ids {
	__u32 pid;
	__u32 tgid;
};

static __always_inline struct task_ids ids_of(struct task_struct *t)
{
	struct task_ids ids = {};

	bpf_core_read(&ids, sizeof(ids), &t->pid);
	return ids;
}

static __always_inline bool watched_ids(struct task_struct *t,
					struct task_ids ids)
{
	/* pid 0 is each CPU's idle task; our own tgid doubles every count. */
	if (ids.tgid == self_tgid || ids.pid == 0)
		return false;
	if (filter_tgid && !bpf_map_lookup_elem(&watched, &ids.tgid))
		return false;
	return !filter_comm || comm_matches(t);
}

static __always_inline bool is_watched(struct task_struct *t)
{
	return watched_ids(t, ids_of(t));
}

static __always_inline bool wanted(__u32 kind)
{
	return event_mask & PTI_EV_BIT(kind);
}

static __always_inline struct pti_trace_event *reserve(__u32 kind, __u64 size)
{
	struct pti_trace_event *e;

	__sync_fetch_and_add(&produced, 1);
	e = bpf_ringbuf_reserve(&events, size, 0);
	if (!e) {
		__sync_fetch_and_add(&dropped, 1);
		return NULL;
	}
	e->ts_ns = bpf_ktime_get_ns();
	e->kind = kind;
	e->cpu = bpf_get_smp_processor_id();
	return e;
}

/* Wake the reader only when a quarter full; it also drains on a timer. */
static __always_inline void submit(struct pti_trace_event *e)
{
	__u64 queued = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);

	bpf_ringbuf_submit(e, queued >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP :
						       BPF_RB_NO_WAKEUP);
}

/*
 * The flags of the fork syscall in progress: the tracepoint fires before
 * kernel_clone() sets vfork_done, so the child alone cannot tell a vfork.
 * x86-64 syscall numbers; 0 and *known = false for kernel-made tasks.
 */
static __always_inline __u64 clone_flags_of_current(__u32 *known)
{
	*known = 0;
#if defined(__TARGET_ARCH_x86)
	struct pt_regs *regs =
		(struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	long nr = BPF_CORE_READ(regs, orig_ax);
	__u64 flags = 0;

	*known = 1;
	switch (nr) {
	case 56:	/* clone(flags, ...) */
		return BPF_CORE_READ(regs, di);
	case 57:	/* fork() */
		return SIGCHLD;
	case 58:	/* vfork() */
		return CLONE_VFORK | CLONE_VM | SIGCHLD;
	case 435:	/* clone3(struct clone_args *): flags come first */
		bpf_probe_read_user(&flags, sizeof(flags),
				    (void *)BPF_CORE_READ(regs, di));
		return flags;
	}
	*known = 0;
#endif
	return 0;
}

static __always_inline __u32 fork_kind(struct task_struct *parent,
				       struct task_struct *child, __u64 flags)
{
	if (BPF_CORE_READ(child, flags) & PF_KTHREAD)
		return PTI_FORK_KTHREAD;
	if (BPF_CORE_READ(child, tgid) == BPF_CORE_READ(parent, tgid))
		return PTI_FORK_THREAD;
	if (flags & CLONE_VFORK)
		return PTI_FORK_VFORK;
	if (BPF_CORE_READ(child, mm) == BPF_CORE_READ(parent, mm))
		return PTI_FORK_SHARED_VM;
	return PTI_FORK_PROCESS;
}

static __always_inline int on_fork(struct task_struct *parent,
				   struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid);
	__u32 ctgid = BPF_CORE_READ(child, tgid);
	struct pti_trace_event *e;

	if (follow && ctgid != ptgid && bpf_map_lookup_elem(&watched, &ptgid)) {
		__u8 one = 1;

		if (bpf_map_update_elem(&watched, &ctgid, &one, BPF_ANY))
			__sync_fetch_and_add(&watch_full, 1);
	}
	if (!wanted(PTI_EV_FORK) || !is_watched(parent))
		return 0;
	e = reserve(PTI_EV_FORK, PTI_EVENT_SIZE(fork));
	if (!e)
		return 0;
	fill_task(&e->task, parent);
	fill_task(&e->fork.child, child);
	e->fork.clone_flags = clone_flags_of_current(&e->fork.flags_known);
	e->fork.kind = fork_kind(parent, child, e->fork.clone_flags);
	submit(e);
	return 0;
}

static __always_inline int on_exec(struct task_struct *task, __u32 old_pid,
				   struct linux_binprm *bprm)
{
	struct pti_trace_event *e;
	__u32 pid;

	if (!is_watched(task))
		return 0;
	if (count_sched) {
		struct pti_sched_stats *s;

		pid = BPF_CORE_READ(task, pid);
		s = bpf_map_lookup_elem(&sched_stats, &pid);
		if (s)
			BPF_CORE_READ_STR_INTO(&s->comm, task, comm);
	}
	if (!wanted(PTI_EV_EXEC))
		return 0;
	e = reserve(PTI_EV_EXEC, PTI_EVENT_SIZE(exec));
	if (!e)
		return 0;
	fill_task(&e->task, task);
	e->exec.old_pid = old_pid;
	bpf_probe_read_kernel_str(e->exec.filename, sizeof(e->exec.filename),
				  BPF_CORE_READ(bprm, filename));
	submit(e);
	return 0;
}

/* exit_notify()'s verdict, read before it runs. */
static __always_inline __u32 exit_fate(struct task_struct *task, bool leader,
				       bool group_dead)
{
	struct k_sigaction *act;
	unsigned long handler, flags;

	if (BPF_CORE_READ(task, ptrace))
		return PTI_FATE_ZOMBIE;
	if (!leader)
		return PTI_FATE_AUTOREAP;
	if (!group_dead)
		return PTI_FATE_DELAYED;
	if (BPF_CORE_READ(task, exit_signal) != SIGCHLD)
		return PTI_FATE_ZOMBIE;
	act = &BPF_CORE_READ(task, real_parent, sighand)->action[SIGCHLD - 1];
	handler = (unsigned long)BPF_CORE_READ(act, sa.sa_handler);
	flags = BPF_CORE_READ(act, sa.sa_flags);
	if (handler == 1 /* SIG_IGN */ || (flags & 2 /* SA_NOCLDWAIT */))
		return PTI_FATE_AUTOREAP;
	return PTI_FATE_ZOMBIE;
}

/* The new parent of an exiting process's children (find_new_reaper()). */
static __always_inline void find_reaper(struct task_struct *father,
					struct pti_trace_orphan *o)
{
	struct pid *fpid = BPF_CORE_READ(father, thread_pid);
	unsigned int level = BPF_CORE_READ(fpid, level);
	struct pid_namespace *ns = upid_at(fpid, level).ns;
	struct signal_struct *sig = BPF_CORE_READ(father, signal);
	struct task_struct *r;

	o->reaper_kind = PTI_REAPER_INIT;
	o->reaper_tgid = BPF_CORE_READ(ns, child_reaper, tgid);
	if (!BPF_CORE_READ_BITFIELD_PROBED(sig, has_child_subreaper))
		return;
	r = BPF_CORE_READ(father, real_parent);
#pragma clang loop unroll(disable)
	for (int i = 0; i < MAX_ANCESTORS; i++) {
		if (!r || BPF_CORE_READ(r, pid) == 0 ||
		    BPF_CORE_READ(r, thread_pid, level) != level)
			return;
		sig = BPF_CORE_READ(r, signal);
		if (BPF_CORE_READ_BITFIELD_PROBED(sig, is_child_subreaper) &&
		    BPF_CORE_READ(sig, live.counter) > 0) {
			o->reaper_kind = PTI_REAPER_SUBREAPER;
			o->reaper_tgid = BPF_CORE_READ(r, tgid);
			return;
		}
		r = BPF_CORE_READ(r, real_parent);
	}
}

static __always_inline void report_orphans(struct task_struct *father)
{
	__u64 sibling = bpf_core_field_offset(struct task_struct, sibling);
	struct list_head *pos = BPF_CORE_READ(father, children.next);
	/* first->prev is &father->children, even when the list is empty */
	struct list_head *head = BPF_CORE_READ(pos, prev);
	struct pti_trace_orphan reaper = {};

	if (pos == head)
		return;
	find_reaper(father, &reaper);
#pragma clang loop unroll(disable)
	for (int i = 0; i < MAX_ORPHANS && pos != head; i++) {
		struct task_struct *child = (void *)pos - sibling;
		struct pti_trace_event *e;

		e = reserve(PTI_EV_ORPHAN, PTI_EVENT_SIZE(orphan));
		if (e) {
			fill_task(&e->task, father);
			fill_task(&e->orphan.child, child);
			e->orphan.reaper_tgid = reaper.reaper_tgid;
			e->orphan.reaper_kind = reaper.reaper_kind;
			e->orphan.child_state =
				BPF_CORE_READ(child, exit_state) ? 'Z' : 'A';
			submit(e);
		}
		pos = BPF_CORE_READ(pos, next);
	}
}

/* Remember a zombie under the name its waiter's wait will return. */
static __always_inline void remember_zombie(struct task_struct *task,
					    struct pti_trace_task *who,
					    __s32 code, __u64 now)
{
	struct task_struct *waiter = BPF_CORE_READ(task, parent);
	struct pid *wpid = BPF_CORE_READ(waiter, thread_pid);
	unsigned int level = BPF_CORE_READ(wpid, level);
	struct zombie_key key = {
		.ns = (__u64)upid_at(wpid, level).ns,
		.nr = upid_at(BPF_CORE_READ(task, thread_pid), level).nr,
	};
	struct zombie z = { .exit_ns = now, .exit_code = code };

	z.task = *who;
	bpf_map_update_elem(&zombies, &key, &z, BPF_ANY);
}

/* The thread whose exec is killing this group (5.17+), else NULL. */
static __always_inline struct task_struct *exec_killer(struct task_struct *task)
{
	struct signal_struct *sig = BPF_CORE_READ(task, signal);

	if (bpf_core_field_exists(sig->group_exec_task))
		return BPF_CORE_READ(sig, group_exec_task);
	return NULL;
}

static __always_inline int on_exit(struct task_struct *task)
{
	bool group_dead = BPF_CORE_READ(task, signal, live.counter) == 0;
	bool leader = BPF_CORE_READ(task, group_leader) == task;
	__u32 tgid = BPF_CORE_READ(task, tgid);
	struct task_struct *exec_task;
	struct pti_trace_event *e;
	struct pti_trace_task who;
	__s32 code;
	__u32 fate;

	if (!is_watched(task))
		goto forget;
	exec_task = exec_killer(task);
	fate = exit_fate(task, leader, group_dead);
	/* de_thread() releases the old leader itself; no wait will see it. */
	if (exec_task && leader)
		fate = PTI_FATE_REPLACED;
	if (group_dead && wanted(PTI_EV_ORPHAN))
		report_orphans(task);
	if (!wanted(PTI_EV_EXIT) && !wanted(PTI_EV_REAP))
		goto forget;
	fill_task(&who, task);
	code = BPF_CORE_READ(task, exit_code);
	if ((fate == PTI_FATE_ZOMBIE || fate == PTI_FATE_DELAYED) &&
	    wanted(PTI_EV_REAP))
		remember_zombie(task, &who, code, bpf_ktime_get_ns());
	if (!wanted(PTI_EV_EXIT))
		goto forget;
	e = reserve(PTI_EV_EXIT, PTI_EVENT_SIZE(exit));
	if (!e)
		goto forget;
	e->task = who;
	e->exit.exit_code = code;
	e->exit.group_dead = group_dead;
	e->exit.leader = leader;
	e->exit.fate = fate;
	e->exit.exec_tid = exec_task ? BPF_CORE_READ(exec_task, pid) : 0;
	submit(e);
forget:
	/* With switches traced, the final one (TASK_DEAD) forgets it. */
	if (group_dead && filter_tgid && !sched_hooks)
		bpf_map_delete_elem(&watched, &tgid);
	{
		__u32 pid = BPF_CORE_READ(task, pid);

		bpf_map_delete_elem(&queued_since, &pid);
	}
	return 0;
}

/*
 * Reaping has no tracepoint: a successful wait4()/waitid() that returns a
 * zombie we saw exit is the reap, seen as the syscall returns.  Syscall
 * numbers and argument registers are the x86-64 ABI's.
 */
static __always_inline int on_sys_exit(struct pt_regs *regs, long ret)
{
#if defined(__TARGET_ARCH_x86)
	struct pid *wpid = BPF_CORE_READ(bpf_get_current_task_btf(), thread_pid);
	long nr = BPF_CORE_READ(regs, orig_ax);
	struct zombie_key key = {};
	struct pti_trace_event *e;
	struct zombie *z;

	if (nr == 61 /* wait4 */ && ret > 0) {
		key.nr = ret;
	} else if (nr == 247 /* waitid */ && ret == 0) {
		/* waitid(which, id, infop, options, ru): infop in rdx */
		siginfo_t *info = (void *)BPF_CORE_READ(regs, dx);
		int code = 0, pid = 0;

		if (BPF_CORE_READ(regs, r10) & WNOWAIT)
			return 0;
		bpf_probe_read_user(&code, sizeof(code), &info->si_code);
		bpf_probe_read_user(&pid, sizeof(pid), &info->_sifields._sigchld._pid);
		if (code < CLD_EXITED || code > CLD_DUMPED || pid <= 0)
			return 0;
		key.nr = pid;
	} else {
		return 0;
	}
	key.ns = (__u64)upid_at(wpid, BPF_CORE_READ(wpid, level)).ns;
	z = bpf_map_lookup_elem(&zombies, &key);
	if (!z)
		return 0;
	e = reserve(PTI_EV_REAP, PTI_EVENT_SIZE(reap));
	if (e) {
		fill_task(&e->task, bpf_get_current_task_btf());
		e->reap.child = z->task;
		e->reap.exit_code = z->exit_code;
		e->reap.zombie_ns = e->ts_ns - z->exit_ns;
		submit(e);
	}
	bpf_map_delete_elem(&zombies, &key);
#endif
	return 0;
}

static __always_inline __u32 log2_u64(__u64 v)
{
	__u32 r = 0;

	for (__u32 shift = 32; shift; shift >>= 1) {
		if (v >> shift) {
			v >>= shift;
			r += shift;
		}
	}
	return r;
}

/*
 * A task's counters.  Only the CPU switching that task in or out touches
 * them, one switch at a time, so plain increments suffice.
 */
static __always_inline struct pti_sched_stats *stats_of(struct task_struct *t,
							 struct task_ids ids)
{
	struct pti_sched_stats *s = bpf_map_lookup_elem(&sched_stats, &ids.pid);
	struct pti_sched_stats fresh = {};

	if (s)
		return s;
	fresh.tgid = ids.tgid;
	BPF_CORE_READ_STR_INTO(&fresh.comm, t, comm);
	if (bpf_map_update_elem(&sched_stats, &ids.pid, &fresh, BPF_NOEXIST) == -E2BIG)
		__sync_fetch_and_add(&stats_full, 1);
	return bpf_map_lookup_elem(&sched_stats, &ids.pid);
}

/* Updated in place: deleting and re-adding costs more than the hook. */
static __always_inline void queued_now(__u32 pid, __u64 now)
{
	__u64 *since = bpf_map_lookup_elem(&queued_since, &pid);

	if (since)
		*since = now;
	else
		bpf_map_update_elem(&queued_since, &pid, &now, BPF_ANY);
}

/* How long a task waited on a run queue before running now; 0 if unseen. */
static __always_inline __u64 waited(__u32 pid, __u64 now)
{
	__u64 *since = bpf_map_lookup_elem(&queued_since, &pid);
	__u64 wait;

	if (!since || !*since)
		return 0;
	wait = now - *since;
	*since = 0;
	return wait;
}

static __always_inline void count_wait(struct task_struct *t,
				       struct task_ids ids, __u64 wait)
{
	struct pti_sched_stats *s = stats_of(t, ids);
	__u32 slot = wait >= 1000 ? log2_u64(wait / 1000) + 1 : 0;
	__u64 *bucket;

	if (slot >= PTI_HIST_SLOTS)
		slot = PTI_HIST_SLOTS - 1;
	bucket = bpf_map_lookup_elem(&runq_hist, &slot);
	if (bucket)
		(*bucket)++;
	if (!s)
		return;
	s->waits++;
	s->wait_ns += wait;
	if (wait > s->max_wait_ns)
		s->max_wait_ns = wait;
}

static __always_inline int on_switch(bool preempt, struct task_struct *prev,
				     struct task_struct *next,
				     unsigned int prev_state)
{
	/*
	 * __schedule() counts nvcsw exactly when it was no preemption and
	 * the task had set a sleeping state (even if a signal woke it).
	 */
	bool voluntary = !preempt && prev_state;
	struct task_ids prev_ids = ids_of(prev), next_ids = ids_of(next);
	bool prev_watched = watched_ids(prev, prev_ids);
	bool next_watched = watched_ids(next, next_ids);
	__u64 now, wait = 0;
	struct pti_trace_event *e;

	if (!prev_watched && !next_watched)
		return 0;
	now = bpf_ktime_get_ns();
	if (prev_watched) {
		if (count_sched) {
			struct pti_sched_stats *s = stats_of(prev, prev_ids);

			if (s && voluntary)
				s->voluntary++;
			else if (s)
				s->involuntary++;
		}
		/*
		 * Still runnable (preempted, or a signal cut its sleep
		 * short): it waits on the queue from now.
		 */
		if (!voluntary || task_state(prev) == 0)
			queued_now(prev_ids.pid, now);
	}
	/* The last thread's last switch: its tgid may now be reused. */
	if (prev_watched && filter_tgid && (prev_state & TASK_DEAD) &&
	    BPF_CORE_READ(prev, signal, live.counter) == 0)
		bpf_map_delete_elem(&watched, &prev_ids.tgid);
	if (next_watched) {
		wait = waited(next_ids.pid, now);
		if (wait && count_sched)
			count_wait(next, next_ids, wait);
	}
	if (!wanted(PTI_EV_SWITCH))
		return 0;
	e = reserve(PTI_EV_SWITCH, PTI_EVENT_SIZE(sw));
	if (!e)
		return 0;
	fill_task(&e->task, prev);
	fill_task(&e->sw.next, next);
	e->sw.next_wait_ns = wait;
	e->sw.prev_state = prev_state;
	e->sw.voluntary = voluntary;
	submit(e);
	return 0;
}

static __always_inline int on_wakeup(struct task_struct *task, bool new_task)
{
	struct task_ids ids = ids_of(task);
	struct pti_trace_event *e;

	if (!watched_ids(task, ids))
		return 0;
	queued_now(ids.pid, bpf_ktime_get_ns());
	if (!wanted(PTI_EV_WAKEUP))
		return 0;
	e = reserve(PTI_EV_WAKEUP, PTI_EVENT_SIZE(wakeup));
	if (!e)
		return 0;
	fill_task(&e->task, task);
	fill_task(&e->wakeup.waker, bpf_get_current_task_btf());
	e->wakeup.target_cpu = task_cpu_of(task);
	e->wakeup.new_task = new_task;
	submit(e);
	return 0;
}

/*
 * Each handler twice: a tp_btf program (typed arguments, preferred) and a
 * raw_tp twin with the same arguments, for kernels without tp_btf.  The
 * CLI loads one set.
 */
#define TWIN_PROGRAMS(name, tracepoint, call, args...)			\
	SEC("tp_btf/" tracepoint)					\
	int BPF_PROG(name##_btf, args)					\
	{								\
		return call;						\
	}								\
	SEC("raw_tp/" tracepoint)					\
	int BPF_PROG(name##_raw, args)					\
	{								\
		return call;						\
	}

TWIN_PROGRAMS(fork, "sched_process_fork", on_fork(parent, child),
	      struct task_struct *parent, struct task_struct *child)
TWIN_PROGRAMS(exec, "sched_process_exec", on_exec(p, old_pid, bprm),
	      struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
TWIN_PROGRAMS(exit, "sched_process_exit", on_exit(p), struct task_struct *p)
TWIN_PROGRAMS(sys_exit, "sys_exit", on_sys_exit(regs, ret),
	      struct pt_regs *regs, long ret)
TWIN_PROGRAMS(switch, "sched_switch", on_switch(preempt, prev, next, prev_state),
	      bool preempt, struct task_struct *prev, struct task_struct *next,
	      unsigned int prev_state)
TWIN_PROGRAMS(wakeup, "sched_wakeup", on_wakeup(p, false), struct task_struct *p)
TWIN_PROGRAMS(wakeup_new, "sched_wakeup_new", on_wakeup(p, true),
	      struct task_struct *p)
