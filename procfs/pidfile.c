// SPDX-License-Identifier: GPL-2.0
/* pidfile.c - what the pid-chosen files (vma, task, share) share. */
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

/**
 * pti_choice_open() - open a pid-chosen view showing the opener
 * @inode: the /proc inode (its mount gives the pid namespace)
 * @file: the file
 * @ops: the view's seq_file operations
 * @size: size of its private data, which begins with struct pti_pid_choice
 *
 * Return: 0 or -ENOMEM.
 */
int pti_choice_open(struct inode *inode, struct file *file,
		    const struct seq_operations *ops, size_t size)
{
	struct pti_pid_choice *c = __seq_open_private(file, ops, size);

	if (!c)
		return -ENOMEM;
	c->ns = get_pid_ns(proc_pid_ns(inode->i_sb));
	c->target = get_task_pid(current, PIDTYPE_PID);
	return 0;
}

/**
 * pti_choice_write() - choose the task a pid-chosen view shows
 * @file: the view
 * @buf: a decimal pid in the reader's namespace
 * @count: its length
 * @ppos: position; rewound, so the next read shows the new task
 *
 * Return: @count, -EINVAL for a bad pid, -ESRCH if no task has it.
 */
ssize_t pti_choice_write(struct file *file, const char __user *buf,
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

/**
 * pti_choice_release() - close a pid-chosen view
 * @inode: its inode
 * @file: the file
 *
 * Return: 0.
 */
int pti_choice_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	struct pti_pid_choice *c = m->private;

	put_pid(c->target);
	put_pid_ns(c->ns);
	return seq_release_private(inode, file);
}
