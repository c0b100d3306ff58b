// SPDX-License-Identifier: GPL-2.0
/*
 * share.c - /proc/ptinspect/share: for the chosen task's thread group and
 * the group's children, which of mm, files, fs, sighand, signal, nsproxy
 * and io_context each shares with the chosen task.
 *
 * Shows the opener until a pid is written; the write rewinds.  The walk is
 * the tasks view's (pid order, under RCU, resuming by pid), filtered.
 */
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/stddef.h>
#include "procfs.h"

struct pti_share_view {
	struct pti_pid_choice choice;	/* first: PTI_PID_CHOICE_VIEW() */
	struct task_struct *target_task;	/* valid from start() to stop() */
	struct pti_share rec;
};

/*
 * The chosen task's thread group and the group's children: @arg is the
 * struct pti_share_view (pti_task_at()'s callback).
 */
static bool pti_share_related(const void *arg, struct task_struct *task)
{
	const struct pti_share_view *it = arg;
	struct task_struct *target = it->target_task;

	return same_thread_group(task, target) ||
	       (thread_group_leader(task) &&
		same_thread_group(rcu_dereference(task->real_parent), target));
}

static void *pti_share_find(struct pti_share_view *it, loff_t *pos)
{
	return pti_task_at(it->choice.ns, pos, pti_share_related, it);
}

static void *pti_share_start(struct seq_file *m, loff_t *pos)
	__acquires(RCU)
{
	struct pti_share_view *it = m->private;

	rcu_read_lock();
	it->target_task = pid_task(it->choice.target, PIDTYPE_PID);
	if (!it->target_task)
		return ERR_PTR(-ESRCH);
	if (*pos == 0)
		return SEQ_START_TOKEN;
	return pti_share_find(it, pos);
}

static void *pti_share_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return pti_share_find(m->private, pos);
}

static void pti_share_stop(struct seq_file *m, void *v)
	__releases(RCU)
{
	rcu_read_unlock();
}

static int pti_share_show(struct seq_file *m, void *v)
{
	struct pti_share_view *it = m->private;

	if (v == SEQ_START_TOKEN) {
		pti_seq_header(m, pti_share_columns, PTI_SHARE_NR_COLUMNS, true);
		return 0;
	}
	pti_share_fill(&it->rec, v, it->target_task, it->choice.ns);
	pti_seq_record(m, pti_share_columns, PTI_SHARE_NR_COLUMNS, &it->rec,
		       true);
	return 0;
}

const struct pti_view_file pti_share_view_file = {
	.seq = PTI_VIEW_SEQ(pti_share, pti_share_stop),
	PTI_PID_CHOICE_VIEW(struct pti_share_view),
};
