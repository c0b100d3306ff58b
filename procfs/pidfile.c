// SPDX-License-Identifier: GPL-2.0
/*
 * pidfile.c - what the pid-chosen files share: the pid parsers (vma,
 * pages and walk read pids too), and task's and share's one set of file
 * operations, which learns the view from the data of the file's proc
 * entry (struct pti_choice_kind) as proc_create_seq_private()'s files do.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/threads.h>
#include "procfs.h"

/**
 * pti_pid_parse() - parse a pid given as decimal text
 * @text: the number (a trailing newline allowed)
 * @nr: out: the pid
 *
 * Return: 0, or -EINVAL for anything but 1..PID_MAX_LIMIT.
 */
int pti_pid_parse(const char *text, int *nr)
{
	if (kstrtoint(text, 10, nr) || *nr <= 0 || *nr > PID_MAX_LIMIT)
		return -EINVAL;
	return 0;
}

/**
 * pti_pid_from_user() - parse a pid written to a pid-chosen file
 * @buf: user buffer: a decimal number, a newline allowed
 * @count: its length
 * @nr: out: the pid
 *
 * Return: 0, or -EINVAL for anything but 1..PID_MAX_LIMIT.
 */
int pti_pid_from_user(const char __user *buf, size_t count, int *nr)
{
	if (kstrtoint_from_user(buf, count, 10, nr))
		return -EINVAL;
	if (*nr <= 0 || *nr > PID_MAX_LIMIT)
		return -EINVAL;
	return 0;
}

/**
 * pti_pid_get() - a reference on the struct pid numbered @nr in @ns
 * @ns: the reader's pid namespace
 * @nr: the pid
 *
 * Holding a struct pid, not a task, pins nothing of a task that exits:
 * later lookups simply find no task.
 *
 * Return: the pid (put_pid() it), or NULL if no task has that pid.
 */
struct pid *pti_pid_get(struct pid_namespace *ns, int nr)
{
	struct pid *pid;

	rcu_read_lock();
	pid = get_pid(find_pid_ns(nr, ns));
	if (pid && !pid_task(pid, PIDTYPE_PID)) {
		put_pid(pid);
		pid = NULL;
	}
	rcu_read_unlock();
	return pid;
}

/* Open a pid-chosen view (the proc entry's kind) showing the opener. */
static int pti_choice_open(struct inode *inode, struct file *file)
{
	const struct pti_choice_kind *kind = pde_data(inode);
	struct pti_pid_choice *c;

	c = __seq_open_private(file, kind->ops, kind->size);
	if (!c)
		return -ENOMEM;
	c->ns = get_pid_ns(proc_pid_ns(inode->i_sb));
	c->target = get_task_pid(current, PIDTYPE_PID);
	return 0;
}

/*
 * Choose the task: a decimal pid in the reader's namespace.  Returns
 * @count, -EINVAL for a bad pid, -ESRCH if no task has it; *@ppos is
 * rewound so the next read shows the new task.
 */
static ssize_t pti_choice_write(struct file *file, const char __user *buf,
				size_t count, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	struct pti_pid_choice *c = m->private;
	struct pid *pid, *old;
	int nr, err;

	err = pti_pid_from_user(buf, count, &nr);
	if (err)
		return err;
	pid = pti_pid_get(c->ns, nr);
	if (!pid)
		return -ESRCH;
	mutex_lock(&m->lock);
	old = c->target;
	c->target = pid;
	mutex_unlock(&m->lock);
	put_pid(old);
	*ppos = 0;	/* the caller stores it into f_pos */
	return count;
}

static int pti_choice_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	struct pti_pid_choice *c = m->private;

	put_pid(c->target);
	put_pid_ns(c->ns);
	return seq_release_private(inode, file);
}

const struct proc_ops pti_choice_proc_ops = {
	.proc_open = pti_choice_open,
	.proc_read_iter = seq_read_iter,
	.proc_write = pti_choice_write,
	.proc_lseek = seq_lseek,
	.proc_release = pti_choice_release,
};
