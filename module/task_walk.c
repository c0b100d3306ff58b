// SPDX-License-Identifier: GPL-2.0
/*
 * task_walk.c - walk every thread of a pid namespace and fill task records.
 *
 * The walk follows the namespace's pid IDR in pid order, as /proc's own
 * directory walk does, so a reader that stops part-way resumes from a pid
 * rather than from a record count that tasks coming and going would skew.
 */
#include <linux/cred.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/string.h>
#include <linux/threads.h>
#include <linux/uidgid.h>
#include "compat.h"
#include "ptinspect.h"

/**
 * pti_task_next() - find the first live task whose pid in @ns is >= *@nr
 * @ns: pid namespace the caller numbers tasks in
 * @nr: in: the smallest pid wanted; out: the pid of the task returned
 *
 * Must be called under rcu_read_lock(); the task stays valid until the
 * matching rcu_read_unlock().  Every iteration raises *@nr, so the loop
 * ends after at most pid_max steps.
 *
 * Return: the task, or NULL when no task at or above *@nr is left.
 */
struct task_struct *pti_task_next(struct pid_namespace *ns, int *nr)
{
	struct task_struct *task;
	struct pid *pid;

	RCU_LOCKDEP_WARN(!rcu_read_lock_held(), "task walk without RCU");
	while ((pid = find_ge_pid(*nr, ns)) != NULL) {
		*nr = pid_nr_ns(pid, ns);
		task = pid_task(pid, PIDTYPE_PID);
		if (task && pid_alive(task))
			return task;
		(*nr)++;
	}
	return NULL;
}

/**
 * pti_task_at() - the first task at or after a seq_file position that
 *                 @shown takes
 * @ns: pid namespace the caller numbers tasks in
 * @pos: in: the smallest pid wanted; out, if a task is returned, its pid
 * @shown: whether a task is shown; called under the caller's RCU section
 * @arg: @shown's argument
 *
 * A view that lists tasks in pid order resumes a read at the pid its
 * position names, as /proc's own directory does.  Under rcu_read_lock(),
 * as pti_task_next().
 *
 * Return: the task, or NULL when none at or after *@pos is shown.
 */
struct task_struct *pti_task_at(struct pid_namespace *ns, loff_t *pos,
				bool (*shown)(const void *arg,
					      struct task_struct *task),
				const void *arg)
{
	struct task_struct *task;
	int nr;

	if (*pos > PID_MAX_LIMIT)
		return NULL;
	nr = *pos;
	while ((task = pti_task_next(ns, &nr)) != NULL) {
		if (shown(arg, task))
			break;
		nr++;
	}
	if (task)
		*pos = nr;
	return task;
}

static const struct pti_flag_name pti_pf_names[] = {
	{ PF_VCPU, "VCPU" },
	{ PF_IDLE, "IDLE" },
	{ PF_EXITING, "EXITING" },
	{ PF_POSTCOREDUMP, "POSTCOREDUMP" },
	{ PF_IO_WORKER, "IO_WORKER" },
	{ PF_WQ_WORKER, "WQ_WORKER" },
	{ PF_FORKNOEXEC, "FORKNOEXEC" },
	{ PF_MCE_PROCESS, "MCE_PROCESS" },
	{ PF_SUPERPRIV, "SUPERPRIV" },
	{ PF_DUMPCORE, "DUMPCORE" },
	{ PF_SIGNALED, "SIGNALED" },
	{ PF_MEMALLOC, "MEMALLOC" },
	{ PF_NPROC_EXCEEDED, "NPROC_EXCEEDED" },
	{ PF_USED_MATH, "USED_MATH" },
	{ PF_USER_WORKER, "USER_WORKER" },
	{ PF_NOFREEZE, "NOFREEZE" },
	{ PF_KCOMPACTD, "KCOMPACTD" },
	{ PF_KSWAPD, "KSWAPD" },
	{ PF_MEMALLOC_NOFS, "MEMALLOC_NOFS" },
	{ PF_MEMALLOC_NOIO, "MEMALLOC_NOIO" },
	{ PF_LOCAL_THROTTLE, "LOCAL_THROTTLE" },
	{ PF_KTHREAD, "KTHREAD" },
	{ PF_RANDOMIZE, "RANDOMIZE" },
	{ PF_NO_NOTIFY_SIGNAL, "NO_NOTIFY_SIGNAL" },
	{ PF_NO_SETAFFINITY, "NO_SETAFFINITY" },
	{ PF_MCE_EARLY, "MCE_EARLY" },
	{ PF_MEMALLOC_PIN, "MEMALLOC_PIN" },
	{ PF_BLOCK_TS, "BLOCK_TS" },
	{ PF_SUSPEND_TASK, "SUSPEND_TASK" },
};

const struct pti_flag_set pti_task_flag_set = {
	"flags", pti_pf_names, ARRAY_SIZE(pti_pf_names), false
};

/* task->policy's values (uapi/linux/sched.h), named as sched(7) without SCHED_. */
static const struct pti_flag_name pti_policy_names[] = {
	{ SCHED_NORMAL, "NORMAL" },
	{ SCHED_FIFO, "FIFO" },
	{ SCHED_RR, "RR" },
	{ SCHED_BATCH, "BATCH" },
	{ SCHED_IDLE, "IDLE" },
	{ SCHED_DEADLINE, "DEADLINE" },
	{ SCHED_EXT, "EXT" },
};

const struct pti_flag_set pti_policy_set = {
	"policy", pti_policy_names, ARRAY_SIZE(pti_policy_names), true
};

/**
 * pti_decode_flags() - name the bits of @flags that @names knows
 * @buf: output, '|'-separated names, empty if none is set
 * @size: size of @buf
 * @flags: the flag word
 * @names: table of single-bit flags and their names
 * @n: entries in @names
 */
void pti_decode_flags(char *buf, size_t size, unsigned long flags,
		      const struct pti_flag_name *names, size_t n)
{
	size_t len = 0, i, add;

	/* Names are copied, not printed: the tasks file decodes every task. */
	for (i = 0; i < n; i++) {
		if (!names[i].flag || !(flags & names[i].flag))
			continue;
		add = strlen(names[i].name);
		if (len + !!len + add >= size)
			break;
		if (len)
			buf[len++] = '|';
		memcpy(buf + len, names[i].name, add);
		len += add;
	}
	buf[len] = '\0';
}

/* Whether @columns (bit PTI_TASK_*) holds any of the columns in @some. */
static bool pti_wants(u64 columns, u64 some)
{
	return columns & some;
}

#define PTI_COL(id)	BIT_ULL(PTI_TASK_##id)
#define PTI_UID_COLS	(PTI_COL(UID) | PTI_COL(EUID) | PTI_COL(SUID) | \
			 PTI_COL(FSUID))
#define PTI_GID_COLS	(PTI_COL(GID) | PTI_COL(EGID) | PTI_COL(SGID) | \
			 PTI_COL(FSGID))

/* The ids @columns asks for, mapped into @uns: each a map lookup. */
static void pti_fill_creds(struct pti_task *rec, const struct cred *cred,
			   struct user_namespace *uns, u64 columns)
{
	if (pti_wants(columns, PTI_UID_COLS)) {
		rec->uid = from_kuid_munged(uns, cred->uid);
		rec->euid = from_kuid_munged(uns, cred->euid);
		rec->suid = from_kuid_munged(uns, cred->suid);
		rec->fsuid = from_kuid_munged(uns, cred->fsuid);
	}
	if (pti_wants(columns, PTI_GID_COLS)) {
		rec->gid = from_kgid_munged(uns, cred->gid);
		rec->egid = from_kgid_munged(uns, cred->egid);
		rec->sgid = from_kgid_munged(uns, cred->sgid);
		rec->fsgid = from_kgid_munged(uns, cred->fsgid);
	}
}

/*
 * pti_task_fill()'s work; returns the mm it read, unreferenced: only its
 * address may be used, and only within the caller's RCU read section.
 */
static struct mm_struct *pti_fill(struct pti_task *rec,
				  struct task_struct *task,
				  struct pid_namespace *ns,
				  struct user_namespace *uns, u64 columns)
{
	struct task_struct *real_parent = rcu_dereference(task->real_parent);
	struct task_struct *parent = rcu_dereference(task->parent);
	struct pid *tgid_pid = task_tgid(task);
	struct mm_struct *mm = READ_ONCE(task->mm);

	memset(rec, 0, sizeof(*rec));
	rec->pid = task_pid_nr_ns(task, ns);
	rec->tgid = task_tgid_nr_ns(task, ns);
	rec->ppid = task_tgid_nr_ns(real_parent, ns);
	rec->tracer = parent != real_parent ? task_pid_nr_ns(parent, ns) : 0;
	/* the lookups and copies that cost: only those asked for */
	if (pti_wants(columns, PTI_COL(LEADER)))
		rec->leader = task_pid_nr_ns(READ_ONCE(task->group_leader), ns);
	rec->threads = get_nr_threads(task);
	if (pti_wants(columns, PTI_COL(PGID)))
		rec->pgid = task_pgrp_nr_ns(task, ns);
	if (pti_wants(columns, PTI_COL(SID)))
		rec->sid = task_session_nr_ns(task, ns);

	rec->state = task_state_to_char(task);
	rec->raw_state = READ_ONCE(task->__state);
	rec->exit_state = READ_ONCE(task->exit_state);
	rec->flags = READ_ONCE(task->flags);
	rec->kthread = !!(rec->flags & PF_KTHREAD);

	pti_fill_creds(rec, __task_cred(task), uns, columns);

	rec->policy = task->policy;
	rec->prio = task->prio;
	rec->static_prio = task->static_prio;
	rec->normal_prio = task->normal_prio;
	rec->rt_priority = task->rt_priority;
	rec->nice = task_nice(task);

	rec->utime_ns = task->utime;
	rec->stime_ns = task->stime;
	rec->nvcsw = task->nvcsw;
	rec->nivcsw = task->nivcsw;
	rec->start_ns = task->start_time;
	rec->start_boot_ns = task->start_boottime;

	rec->cpu = task_cpu(task);
	rec->has_mm = mm != NULL;
	/* The tgid pid goes away under us once the group is released. */
	rec->reaper = task->signal->is_child_subreaper ||
		      (tgid_pid && is_child_reaper(tgid_pid));
	rec->exit_code = READ_ONCE(task->exit_code);
	if (pti_wants(columns, PTI_COL(COMM) | PTI_COL(NAME)))
		pti_get_comm(rec->comm, task);
	if (pti_wants(columns, PTI_COL(NAME)))
		pti_task_name(rec->name, sizeof(rec->name), task, rec->comm);
	return mm;
}

/**
 * pti_task_fill() - copy what the kernel holds about one task into a record
 * @rec: record to fill (fully overwritten)
 * @task: a task found by pti_task_next(), under the same RCU read section
 * @ns: pid namespace to number pids in
 * @uns: user namespace to map uids and gids into
 *
 * Callable under rcu_read_lock(): its one lock is task_lock for the comm
 * (before 7.2), a spinlock_t, which may sleep only on PREEMPT_RT, whose
 * RCU read sections allow it.
 */
void pti_task_fill(struct pti_task *rec, struct task_struct *task,
		   struct pid_namespace *ns, struct user_namespace *uns)
{
	pti_fill(rec, task, ns, uns, PTI_TASK_ALL_COLUMNS);
}

/**
 * pti_task_fill_some() - pti_task_fill(), sparing what no column shown needs
 * @rec: record to fill (fully overwritten; a column not asked for may be 0)
 * @task: as for pti_task_fill()
 * @ns: as for pti_task_fill()
 * @uns: as for pti_task_fill()
 * @columns: the columns wanted, bit PTI_TASK_* each
 *
 * The pid, id-map and name lookups are a large part of a record's cost.
 */
void pti_task_fill_some(struct pti_task *rec, struct task_struct *task,
			struct pid_namespace *ns, struct user_namespace *uns,
			u64 columns)
{
	pti_fill(rec, task, ns, uns, columns);
}

/**
 * pti_task_fill_debug() - pti_task_fill(), and the task's kernel addresses
 * @rec: record to fill (fully overwritten)
 * @task: as for pti_task_fill()
 * @ns: as for pti_task_fill()
 * @uns: as for pti_task_fill()
 *
 * The addresses are printed later with %pK.  The mm's is the one the
 * record's has_mm was read from, so the two agree.
 */
void pti_task_fill_debug(struct pti_task_debug *rec, struct task_struct *task,
			 struct pid_namespace *ns, struct user_namespace *uns)
{
	struct mm_struct *mm = pti_fill(&rec->task, task, ns, uns,
					PTI_TASK_ALL_COLUMNS);

	rec->kaddr_task = (unsigned long)task;
	rec->kaddr_stack = (unsigned long)task_stack_page(task);
	rec->kaddr_mm = (unsigned long)mm;
}
