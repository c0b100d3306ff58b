// SPDX-License-Identifier: GPL-2.0
/*
 * tasks.c - /proc/ptinspect/tasks and /sys/kernel/debug/ptinspect/tasks:
 * every thread of the reader's pid namespace, one line each.
 *
 * The seq_file position is the pid of the next record (0 is the header),
 * so a short read resumes at a pid.  The walk runs under RCU, in sections
 * of PTI_TASKS_PER_RCU tasks from start() to stop(); seq_file copies to
 * user space only after stop().  Before the first read,
 * PTI_IOC_TASK_COLUMNS may narrow the lines to some columns.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include "procfs.h"

/*
 * seq_read_iter() fills one buffer per read(): a page holds 30 full
 * lines, and each read restarts the walk (and makes the line that did not
 * fit twice).  As much as a pipe holds serves a read in 16 times fewer;
 * when it cannot be had, seq_file takes its page.  The RCU section stays
 * as short as a page's worth: next() leaves it every PTI_TASKS_PER_RCU
 * tasks, which the walk allows, as it resumes by pid.
 */
#define PTI_TASKS_BUF_SIZE	(64 * 1024)
#define PTI_TASKS_PER_RCU	32

struct pti_tasks_iter {
	struct pid_namespace *ns;
	/* hidepid on the proc mount: list only the reader's own tasks. */
	bool own_only;
	bool kaddrs;		/* debugfs: add the %pK address columns */
	bool may_ptrace;	/* the opener has CAP_SYS_PTRACE */
	kuid_t reader_uid;
	kgid_t reader_gid;
	u64 rcu_since;		/* pti_hold_begin() at rcu_read_lock() */
	unsigned int in_section;	/* tasks shown since rcu_read_lock() */
	u64 columns;		/* the tasks columns shown (PTI_IOC_TASK_COLUMNS) */
	bool started;		/* read from: the columns are fixed */
	struct pti_task_debug rec;	/* scratch, kept off the stack */
};

/*
 * Stricter than ptrace_may_access() (not exported): all ids must match.
 * @arg: the struct pti_tasks_iter (pti_task_at()'s callback).
 */
static bool pti_task_visible(const void *arg, struct task_struct *task)
{
	const struct pti_tasks_iter *it = arg;
	const struct cred *cred;

	if (!it->own_only)
		return true;
	cred = __task_cred(task);
	return uid_eq(cred->uid, it->reader_uid) &&
	       uid_eq(cred->euid, it->reader_uid) &&
	       uid_eq(cred->suid, it->reader_uid) &&
	       gid_eq(cred->gid, it->reader_gid) &&
	       gid_eq(cred->egid, it->reader_gid) &&
	       gid_eq(cred->sgid, it->reader_gid);
}

/*
 * exit_code, as /proc/PID/stat's field 52: /proc shows it only to a reader
 * who may ptrace the task, which for an exited task also depends on how
 * dumpable it was, a state gone with its mm.  ptrace_may_access() is not
 * exported, so only an opener with CAP_SYS_PTRACE sees it; others see 0.
 */
static bool pti_exit_code_visible(const struct pti_tasks_iter *it)
{
	return it->may_ptrace;
}

static struct task_struct *pti_tasks_find(struct pti_tasks_iter *it,
					  loff_t *pos)
{
	return pti_task_at(it->ns, pos, pti_task_visible, it);
}

static void *pti_tasks_start(struct seq_file *m, loff_t *pos)
	__acquires(RCU)
{
	struct pti_tasks_iter *it = m->private;

	it->started = true;
	rcu_read_lock();
	it->rcu_since = pti_hold_begin();
	it->in_section = 0;
	if (*pos == 0)
		return SEQ_START_TOKEN;
	return pti_tasks_find(it, pos);
}

static void *pti_tasks_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct pti_tasks_iter *it = m->private;

	++*pos;
	/* @v is not used again: the next task is found in a new section */
	if (++it->in_section >= PTI_TASKS_PER_RCU) {
		pti_hold_end(PTI_HOLD_TASKS, it->rcu_since);
		rcu_read_unlock();
		cond_resched();
		rcu_read_lock();
		it->rcu_since = pti_hold_begin();
		it->in_section = 0;
	}
	return pti_tasks_find(it, pos);
}

static void pti_tasks_stop(struct seq_file *m, void *v)
	__releases(RCU)
{
	struct pti_tasks_iter *it = m->private;

	pti_hold_end(PTI_HOLD_TASKS, it->rcu_since);
	rcu_read_unlock();
}

static int pti_tasks_show(struct seq_file *m, void *v)
{
	struct pti_tasks_iter *it = m->private;

	if (v == SEQ_START_TOKEN) {
		if (it->kaddrs)
			pti_seq_header(m, pti_task_kaddr_columns,
				       PTI_TASK_NR_KADDR_COLUMNS, false);
		pti_seq_header_of(m, pti_task_columns, PTI_TASK_NR_COLUMNS,
				  it->columns, true);
		return 0;
	}
	if (it->kaddrs)
		pti_task_fill_debug(&it->rec, v, it->ns, seq_user_ns(m));
	else
		pti_task_fill_some(&it->rec.task, v, it->ns, seq_user_ns(m),
				   it->columns);
	if (!pti_exit_code_visible(it))
		it->rec.task.exit_code = 0;
	if (it->kaddrs)
		pti_seq_record(m, pti_task_kaddr_columns,
			       PTI_TASK_NR_KADDR_COLUMNS, &it->rec, false);
	pti_seq_record_of(m, pti_task_columns, PTI_TASK_NR_COLUMNS,
			  it->columns, &it->rec.task, true);
	return 0;
}

static int pti_tasks_open(struct file *file, void *priv,
			  struct pid_namespace *ns, bool debugfs)
{
	struct pti_tasks_iter *it = priv;
	struct seq_file *m = file->private_data;
	struct proc_fs_info *fs_info;

	/* room for many lines per read; seq_file grows its own if not */
	m->buf = kvmalloc(PTI_TASKS_BUF_SIZE, GFP_KERNEL_ACCOUNT);
	if (m->buf)
		m->size = PTI_TASKS_BUF_SIZE;
	it->ns = get_pid_ns(ns);
	it->columns = PTI_TASK_ALL_COLUMNS;
	it->reader_uid = file->f_cred->fsuid;
	it->reader_gid = file->f_cred->fsgid;
	it->may_ptrace = file_ns_capable(file, &init_user_ns, CAP_SYS_PTRACE);
	/* debugfs: the %pK address columns first */
	it->kaddrs = debugfs;
	if (debugfs)
		return 0;
	/* Honour the mount's hidepid= as /proc/<pid> does. */
	fs_info = proc_sb_info(file_inode(file)->i_sb);
	it->own_only = fs_info->hide_pid != HIDEPID_OFF &&
		       !in_group_p(fs_info->pid_gid) &&
		       !it->may_ptrace;
	return 0;
}

static void pti_tasks_release(void *priv)
{
	struct pti_tasks_iter *it = priv;

	put_pid_ns(it->ns);
}

/*
 * PTI_IOC_TASK_COLUMNS: the columns to show, chosen before the first read.
 * m->lock is what seq_read_iter() holds around start(), so the choice and
 * a read on another thread cannot interleave.
 */
static long pti_tasks_ioctl(struct seq_file *m, unsigned int cmd,
			    unsigned long arg)
{
	struct pti_tasks_iter *it = m->private;
	u64 columns;
	long ret = 0;

	BUILD_BUG_ON(PTI_TASK_NR_COLUMNS > 64);
	if (cmd != PTI_IOC_TASK_COLUMNS)
		return -ENOTTY;
	if (copy_from_user(&columns, (const void __user *)arg,
			   sizeof(columns)))
		return -EFAULT;
	if (!columns || (columns & ~PTI_TASK_ALL_COLUMNS))
		return -EINVAL;
	mutex_lock(&m->lock);
	if (it->started)
		ret = -EBUSY;
	else
		it->columns = columns;
	mutex_unlock(&m->lock);
	return ret;
}

const struct pti_view_file pti_tasks_view_file = {
	.seq = PTI_VIEW_SEQ(pti_tasks, pti_tasks_stop),
	.size = sizeof(struct pti_tasks_iter),
	.open = pti_tasks_open,
	.ioctl = pti_tasks_ioctl,
	.release = pti_tasks_release,
};
