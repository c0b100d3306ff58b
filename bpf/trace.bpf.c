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
#include "ptinspect_trace.h"

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

/*
 * RD(btf, src, a, b, ...) reads src->a->b... once written for both program
 * sets.  tp_btf programs get BTF-typed pointers the verifier lets them
 * load from directly (a plain, fault-safe load); raw_tp programs may touch
 * kernel memory only through probe reads, a helper call each.  @btf is a
 * constant in every program (see TWIN_PROGRAMS), so each keeps one branch.
 */
#define PTI_DEREF_1(s, a) ((s)->a)
#define PTI_DEREF_2(s, a, b) ((s)->a->b)
#define PTI_DEREF_3(s, a, b, c) ((s)->a->b->c)
#define PTI_PICK_DEREF(_1, _2, _3, deref, ...) deref
#define RD(btf, s, ...)							\
	((btf) ? PTI_PICK_DEREF(__VA_ARGS__, PTI_DEREF_3, PTI_DEREF_2,	\
				PTI_DEREF_1, 0)(s, __VA_ARGS__)		\
	       : BPF_CORE_READ(s, __VA_ARGS__))

/* Set by the CLI before load. */
const volatile __u32 self_tgid;
const volatile __u32 event_mask = PTI_EV_LIFECYCLE;
const volatile bool filter_tgid;	/* only tgids in the watched map */
const volatile bool follow;		/* ... and their descendants */
const volatile bool filter_comm;
const volatile char comm_filter[PTI_COMM_LEN];
const volatile bool count_sched;	/* --summary: counts and histogram */
const volatile bool switch_loaded;	/* the sched_switch program runs */
const volatile __u64 wakeup_bytes = PTI_RINGBUF_DEFAULT / 4;
/* CLOCK_MONOTONIC before attaching: tasks started since are seen whole. */
const volatile __u64 since_ns;

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

/*
 * Per task, for --summary: its counts.  Preallocated, so nothing is
 * allocated under the run-queue lock the scheduler hooks run under.
 */
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

/* Kernels before 5.16 keep the CPU in task_struct itself. */
struct task_struct___cpu_in_task {
	unsigned int cpu;
} __attribute__((preserve_access_index));

static __always_inline __u32 task_cpu_of(bool btf, struct task_struct *t)
{
	if (bpf_core_field_exists(t->thread_info.cpu))
		return RD(btf, t, thread_info.cpu);
	return RD(btf, (struct task_struct___cpu_in_task *)t, cpu);
}

/*
 * The pid's upid at @level (its own namespace at pid->level): a probe
 * read in both program sets, as the index is not a constant.
 */
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

/*
 * comm in two 8-byte loads where the verifier allows it (within the array
 * is enough for tp_btf); bytes after the NUL are the kernel's padding.
 * @dst: PTI_COMM_LEN bytes.
 */
static __always_inline void read_comm(bool btf, char *dst,
				      struct task_struct *t)
{
	if (btf) {
		__u64 words[2] = { *(__u64 *)&t->comm[0], *(__u64 *)&t->comm[8] };

		/* stored as wide as @dst's alignment allows (stack needs it) */
		__builtin_memcpy(dst, words, sizeof(words));
	} else {
		bpf_core_read_str(dst, PTI_COMM_LEN, &t->comm);
	}
}

static __always_inline void fill_task(bool btf, struct pti_trace_task *out,
				      struct task_struct *t)
{
	struct pid *pid = RD(btf, t, thread_pid);

	out->pid = RD(btf, t, pid);
	out->tgid = RD(btf, t, tgid);
	out->ppid = RD(btf, t, real_parent, tgid);
	/*
	 * In the initial pid namespace (most tasks) the ids are the host's.
	 * Not taken in raw_tp programs: one more branch per fill multiplies
	 * the states 6.1's verifier walks through the orphan loop past its
	 * limit.
	 */
	if (btf && pid && RD(btf, pid, level) == 0) {
		out->ns_pid = out->pid;
		out->ns_tgid = out->tgid;
	} else {
		out->ns_pid = ns_nr(pid);
		out->ns_tgid = ns_nr(RD(btf, t, group_leader, thread_pid));
	}
	read_comm(btf, out->comm, t);
}

static __always_inline bool comm_matches(bool btf, struct task_struct *t)
{
	__u64 words[PTI_COMM_LEN / 8];	/* aligned for read_comm()'s stores */
	char *comm = (char *)words;

	read_comm(btf, comm, t);
	for (int i = 0; i < PTI_COMM_LEN; i++) {
		if (comm[i] != comm_filter[i])
			return false;
		if (!comm[i])
			break;
	}
	return true;
}

struct task_ids {
	__u32 pid;
	__u32 tgid;
};

/* pid and tgid sit side by side on every kernel: one probe read for both. */
static __always_inline struct task_ids ids_of(bool btf, struct task_struct *t)
{
	struct task_ids ids = {};

	if (btf) {
		ids.pid = t->pid;
		ids.tgid = t->tgid;
	} else {
		bpf_core_read(&ids, sizeof(ids), &t->pid);
	}
	return ids;
}

static __always_inline bool watched_ids(bool btf, struct task_struct *t,
					struct task_ids ids)
{
	/* pid 0 is each CPU's idle task; our own tgid doubles every count. */
	if (ids.tgid == self_tgid || ids.pid == 0)
		return false;
	if (filter_tgid && !bpf_map_lookup_elem(&watched, &ids.tgid))
		return false;
	return !filter_comm || comm_matches(btf, t);
}

static __always_inline bool is_watched(bool btf, struct task_struct *t)
{
	return watched_ids(btf, t, ids_of(btf, t));
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
static __always_inline __u64 clone_flags_of_current(bool btf, __u32 *known)
{
	*known = 0;
#if defined(__TARGET_ARCH_x86)
	struct pt_regs *regs =
		(struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	long nr = RD(btf, regs, orig_ax);
	__u64 flags = 0;

	*known = 1;
	switch (nr) {
	case 56:	/* clone(flags, ...) */
		return RD(btf, regs, di);
	case 57:	/* fork() */
		return SIGCHLD;
	case 58:	/* vfork() */
		return CLONE_VFORK | CLONE_VM | SIGCHLD;
	case 435:	/* clone3(struct clone_args *): flags come first */
		bpf_probe_read_user(&flags, sizeof(flags),
				    (void *)RD(btf, regs, di));
		return flags;
	}
	*known = 0;
#endif
	return 0;
}

static __always_inline __u32 fork_kind(bool btf, struct task_struct *parent,
				       struct task_struct *child, __u64 flags)
{
	if (RD(btf, child, flags) & PF_KTHREAD)
		return PTI_FORK_KTHREAD;
	if (RD(btf, child, tgid) == RD(btf, parent, tgid))
		return PTI_FORK_THREAD;
	if (flags & CLONE_VFORK)
		return PTI_FORK_VFORK;
	if (RD(btf, child, mm) == RD(btf, parent, mm))
		return PTI_FORK_SHARED_VM;
	return PTI_FORK_PROCESS;
}

static __always_inline int on_fork(bool btf, struct task_struct *parent,
				   struct task_struct *child)
{
	__u32 ptgid = RD(btf, parent, tgid);
	__u32 ctgid = RD(btf, child, tgid);
	struct pti_trace_event *e;

	if (follow && ctgid != ptgid && bpf_map_lookup_elem(&watched, &ptgid)) {
		__u8 one = 1;

		if (bpf_map_update_elem(&watched, &ctgid, &one, BPF_ANY))
			__sync_fetch_and_add(&watch_full, 1);
	}
	if (!wanted(PTI_EV_FORK) || !is_watched(btf, parent))
		return 0;
	e = reserve(PTI_EV_FORK, PTI_EVENT_SIZE(fork));
	if (!e)
		return 0;
	fill_task(btf, &e->task, parent);
	fill_task(btf, &e->fork.child, child);
	e->fork.clone_flags = clone_flags_of_current(btf, &e->fork.flags_known);
	e->fork.kind = fork_kind(btf, parent, child, e->fork.clone_flags);
	submit(e);
	return 0;
}

static __always_inline int on_exec(bool btf, struct task_struct *task,
				   __u32 old_pid, struct linux_binprm *bprm)
{
	struct pti_trace_event *e;
	__u32 pid;

	if (!is_watched(btf, task))
		return 0;
	if (count_sched) {
		struct pti_sched_stats *s;

		pid = RD(btf, task, pid);
		s = bpf_map_lookup_elem(&sched_stats, &pid);
		if (s)
			read_comm(btf, s->comm, task);
	}
	if (!wanted(PTI_EV_EXEC))
		return 0;
	e = reserve(PTI_EV_EXEC, PTI_EVENT_SIZE(exec));
	if (!e)
		return 0;
	fill_task(btf, &e->task, task);
	e->exec.old_pid = old_pid;
	bpf_probe_read_kernel_str(e->exec.filename, sizeof(e->exec.filename),
				  RD(btf, bprm, filename));
	submit(e);
	return 0;
}

/* exit_notify()'s verdict, read before it runs. */
static __always_inline __u32 exit_fate(bool btf, struct task_struct *task,
				       bool leader, bool group_dead)
{
	struct sighand_struct *sighand;
	unsigned long handler, flags;

	if (RD(btf, task, ptrace))
		return PTI_FATE_ZOMBIE;
	if (!leader)
		return PTI_FATE_AUTOREAP;
	if (!group_dead)
		return PTI_FATE_DELAYED;
	if (RD(btf, task, exit_signal) != SIGCHLD)
		return PTI_FATE_ZOMBIE;
	sighand = RD(btf, task, real_parent, sighand);
	handler = (unsigned long)RD(btf, sighand, action[SIGCHLD - 1].sa.sa_handler);
	flags = RD(btf, sighand, action[SIGCHLD - 1].sa.sa_flags);
	if (handler == 1 /* SIG_IGN */ || (flags & 2 /* SA_NOCLDWAIT */))
		return PTI_FATE_AUTOREAP;
	return PTI_FATE_ZOMBIE;
}

/*
 * The new parent of an exiting process's children (find_new_reaper()).
 * Rare, so probe reads in both program sets.
 */
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

/*
 * Probe reads throughout, even in tp_btf programs: the list is walked as
 * plain addresses (6.1's verifier refuses container_of math on a BTF
 * pointer).
 */
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
			fill_task(false, &e->task, father);
			fill_task(false, &e->orphan.child, child);
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
static __always_inline void remember_zombie(bool btf, struct task_struct *task,
					    struct pti_trace_task *who,
					    __s32 code, __u64 now)
{
	struct pid *wpid = RD(btf, task, parent, thread_pid);
	unsigned int level = RD(btf, wpid, level);
	struct zombie_key key = {
		.ns = (__u64)upid_at(wpid, level).ns,
		.nr = upid_at(RD(btf, task, thread_pid), level).nr,
	};
	struct zombie z = { .exit_ns = now, .exit_code = code };

	z.task = *who;
	bpf_map_update_elem(&zombies, &key, &z, BPF_ANY);
}

/* The thread whose exec is killing this group (5.17+), else NULL. */
static __always_inline struct task_struct *exec_killer(bool btf,
						       struct task_struct *task)
{
	struct signal_struct *sig = RD(btf, task, signal);

	if (bpf_core_field_exists(sig->group_exec_task))
		return RD(btf, sig, group_exec_task);
	return NULL;
}

static __always_inline int on_exit(bool btf, struct task_struct *task)
{
	bool group_dead = RD(btf, task, signal, live.counter) == 0;
	bool leader = RD(btf, task, group_leader) == task;
	__u32 tgid = RD(btf, task, tgid);
	struct task_struct *exec_task;
	struct pti_trace_event *e;
	struct pti_trace_task who;
	__s32 code;
	__u32 fate;

	if (!is_watched(btf, task))
		goto forget;
	exec_task = exec_killer(btf, task);
	fate = exit_fate(btf, task, leader, group_dead);
	/* de_thread() releases the old leader itself; no wait will see it. */
	if (exec_task && leader)
		fate = PTI_FATE_REPLACED;
	if (group_dead && wanted(PTI_EV_ORPHAN))
		report_orphans(task);
	if (!wanted(PTI_EV_EXIT) && !wanted(PTI_EV_REAP))
		goto forget;
	fill_task(btf, &who, task);
	code = RD(btf, task, exit_code);
	if ((fate == PTI_FATE_ZOMBIE || fate == PTI_FATE_DELAYED) &&
	    wanted(PTI_EV_REAP))
		remember_zombie(btf, task, &who, code, bpf_ktime_get_ns());
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
	e->exit.exec_tid = exec_task ? RD(btf, exec_task, pid) : 0;
	submit(e);
forget:
	/* With switches traced, the final one (TASK_DEAD) forgets it. */
	if (group_dead && filter_tgid && !switch_loaded)
		bpf_map_delete_elem(&watched, &tgid);
	return 0;
}

/*
 * Reaping has no tracepoint: a successful wait4()/waitid() that returns a
 * zombie we saw exit is the reap, seen as the syscall returns.  Syscall
 * numbers and argument registers are the x86-64 ABI's.  This runs after
 * every system call, so anything but a wait leaves at the first read.
 */
static __always_inline int on_sys_exit(bool btf, struct pt_regs *regs, long ret)
{
#if defined(__TARGET_ARCH_x86)
	long nr = RD(btf, regs, orig_ax);
	struct zombie_key key = {};
	struct pti_trace_event *e;
	struct zombie *z;
	struct pid *wpid;

	if (nr == 61 /* wait4 */ && ret > 0) {
		key.nr = ret;
	} else if (nr == 247 /* waitid */ && ret == 0) {
		/* waitid(which, id, infop, options, ru): infop in rdx */
		siginfo_t *info = (void *)RD(btf, regs, dx);
		int code = 0, pid = 0;

		if (RD(btf, regs, r10) & WNOWAIT)
			return 0;
		bpf_probe_read_user(&code, sizeof(code), &info->si_code);
		bpf_probe_read_user(&pid, sizeof(pid), &info->_sifields._sigchld._pid);
		if (code < CLD_EXITED || code > CLD_DUMPED || pid <= 0)
			return 0;
		key.nr = pid;
	} else {
		return 0;
	}
	wpid = RD(btf, bpf_get_current_task_btf(), thread_pid);
	key.ns = (__u64)upid_at(wpid, RD(btf, wpid, level)).ns;
	z = bpf_map_lookup_elem(&zombies, &key);
	if (!z)
		return 0;
	e = reserve(PTI_EV_REAP, PTI_EVENT_SIZE(reap));
	if (e) {
		fill_task(btf, &e->task, bpf_get_current_task_btf());
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
 * A task's entry; *fresh when made now.  Only the CPU switching that task
 * out touches it, one switch at a time, so plain updates suffice.
 */
static __always_inline struct pti_sched_stats *stats_of(bool btf,
							 struct task_struct *t,
							 struct task_ids ids,
							 bool *fresh)
{
	struct pti_sched_stats *s = bpf_map_lookup_elem(&sched_stats, &ids.pid);
	struct pti_sched_stats new = {};

	*fresh = !s;
	if (s)
		return s;
	new.tgid = ids.tgid;
	read_comm(btf, new.comm, t);
	if (bpf_map_update_elem(&sched_stats, &ids.pid, &new, BPF_NOEXIST) == -E2BIG)
		__sync_fetch_and_add(&stats_full, 1);
	return bpf_map_lookup_elem(&sched_stats, &ids.pid);
}

static __always_inline void hist_add(__u64 wait, __u64 times)
{
	__u32 slot = wait >= 1000 ? log2_u64(wait / 1000) + 1 : 0;
	__u64 *bucket;

	if (slot >= PTI_HIST_SLOTS)
		slot = PTI_HIST_SLOTS - 1;
	bucket = bpf_map_lookup_elem(&runq_hist, &slot);
	if (bucket)
		*bucket += times;
}

/*
 * The scheduler's own run-queue accounting (CONFIG_SCHED_INFO, what
 * /proc/PID/schedstat shows): run_delay sums every wait, pcount counts
 * the runs that ended one, a wait split by a migration included.  Their
 * growth between two switch-outs of @t is the wait before the run that
 * just ended.  A task first seen now started counting with its life if it
 * began after we attached (both are then zero at fork); otherwise this
 * reading is its baseline.
 */
static __always_inline void count_waits(bool btf, struct pti_sched_stats *s,
					struct task_struct *t, bool fresh)
{
	__u64 delay, runs, wait, n;

	if (!bpf_core_field_exists(t->sched_info.run_delay))
		return;
	delay = RD(btf, t, sched_info.run_delay);
	runs = RD(btf, t, sched_info.pcount);
	if (fresh && RD(btf, t, start_time) < since_ns) {
		s->delay_seen = delay;
		s->runs_seen = runs;
		return;
	}
	n = runs - s->runs_seen;
	wait = delay - s->delay_seen;
	s->delay_seen = delay;
	s->runs_seen = runs;
	if (!n)
		return;
	s->waits += n;
	s->wait_ns += wait;
	/* n > 1 only after switch-outs we missed (map full): spread evenly */
	wait /= n;
	hist_add(wait, n);
	if (wait > s->max_wait_ns)
		s->max_wait_ns = wait;
}

/*
 * How long @next waited on this CPU's queue before this switch: the
 * stamp sched_info closes right after this tracepoint, against the clock
 * of the runqueue it uses.  That runqueue is reached through @prev, which
 * is running here: with group scheduling every task's se.cfs_rq is set,
 * whatever its class (runqueues itself is not in every kallsyms).
 * 0 when unknown.
 */
static __always_inline __u64 queued_for(bool btf, struct task_struct *prev,
					struct task_struct *next)
{
	struct cfs_rq *cfs_rq;
	__u64 since;

	if (!bpf_core_field_exists(next->sched_info.last_queued) ||
	    !bpf_core_field_exists(prev->se.cfs_rq))
		return 0;
	since = RD(btf, next, sched_info.last_queued);
	cfs_rq = RD(btf, prev, se.cfs_rq);
	return since && cfs_rq ? RD(btf, cfs_rq, rq, clock) - since : 0;
}

static __always_inline int on_switch(bool btf, bool preempt,
				     struct task_struct *prev,
				     struct task_struct *next,
				     unsigned int prev_state)
{
	/*
	 * __schedule() counts nvcsw exactly when it was no preemption and
	 * the task had set a sleeping state (even if a signal woke it).
	 */
	bool voluntary = !preempt && prev_state;
	struct task_ids prev_ids = ids_of(btf, prev), next_ids;
	bool prev_watched = watched_ids(btf, prev, prev_ids);
	struct pti_trace_event *e;
	struct pti_sched_stats *s = NULL;
	bool fresh;

	if (prev_watched && count_sched)
		s = stats_of(btf, prev, prev_ids, &fresh);
	if (s) {
		if (voluntary)
			s->voluntary++;
		else
			s->involuntary++;
		count_waits(btf, s, prev, fresh);
	}
	/* The last thread's last switch: its tgid may now be reused. */
	if (prev_watched && filter_tgid && (prev_state & TASK_DEAD) &&
	    RD(btf, prev, signal, live.counter) == 0)
		bpf_map_delete_elem(&watched, &prev_ids.tgid);
	if (!wanted(PTI_EV_SWITCH))
		return 0;
	next_ids = ids_of(btf, next);
	if (!prev_watched && !watched_ids(btf, next, next_ids))
		return 0;
	e = reserve(PTI_EV_SWITCH, PTI_EVENT_SIZE(sw));
	if (!e)
		return 0;
	fill_task(btf, &e->task, prev);
	fill_task(btf, &e->sw.next, next);
	e->sw.next_wait_ns = queued_for(btf, prev, next);
	e->sw.prev_state = prev_state;
	e->sw.voluntary = voluntary;
	submit(e);
	return 0;
}

static __always_inline int on_wakeup(bool btf, struct task_struct *task,
				     bool new_task)
{
	struct pti_trace_event *e;

	if (!is_watched(btf, task))
		return 0;
	e = reserve(PTI_EV_WAKEUP, PTI_EVENT_SIZE(wakeup));
	if (!e)
		return 0;
	fill_task(btf, &e->task, task);
	fill_task(btf, &e->wakeup.waker, bpf_get_current_task_btf());
	e->wakeup.target_cpu = task_cpu_of(btf, task);
	e->wakeup.new_task = new_task;
	submit(e);
	return 0;
}

/*
 * Each handler twice: a tp_btf program (typed arguments, preferred) and a
 * raw_tp twin with the same arguments, for kernels without tp_btf.  The
 * CLI loads one set.  @call names `btf`, the constant each body sets, to
 * pick the reads that program set may do (see RD).
 */
#define TWIN_PROGRAMS(name, tracepoint, call, args...)			\
	SEC("tp_btf/" tracepoint)					\
	int BPF_PROG(name##_btf, args)					\
	{								\
		const bool btf = true;					\
									\
		return call;						\
	}								\
	SEC("raw_tp/" tracepoint)					\
	int BPF_PROG(name##_raw, args)					\
	{								\
		const bool btf = false;					\
									\
		return call;						\
	}

TWIN_PROGRAMS(fork, "sched_process_fork", on_fork(btf, parent, child),
	      struct task_struct *parent, struct task_struct *child)
TWIN_PROGRAMS(exec, "sched_process_exec", on_exec(btf, p, old_pid, bprm),
	      struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
TWIN_PROGRAMS(exit, "sched_process_exit", on_exit(btf, p), struct task_struct *p)
TWIN_PROGRAMS(sys_exit, "sys_exit", on_sys_exit(btf, regs, ret),
	      struct pt_regs *regs, long ret)
TWIN_PROGRAMS(switch, "sched_switch",
	      on_switch(btf, preempt, prev, next, prev_state),
	      bool preempt, struct task_struct *prev, struct task_struct *next,
	      unsigned int prev_state)
TWIN_PROGRAMS(wakeup, "sched_wakeup", on_wakeup(btf, p, false),
	      struct task_struct *p)
TWIN_PROGRAMS(wakeup_new, "sched_wakeup_new", on_wakeup(btf, p, true),
	      struct task_struct *p)
