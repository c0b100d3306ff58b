// SPDX-License-Identifier: GPL-2.0
/*
 * pidfile.c - what the pid-chosen files share: the pid parsers (vma,
 * pages and walk read pids too), and the open, choose and release of
 * task's and share's views, whose private data begins with the choice.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
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
 * pti_pid_choice_open() - a pid-chosen view's open(): show the opener
 * @file: the file being opened
 * @priv: its private data, which begins with struct pti_pid_choice
 * @ns: the pid namespace written pids are read in
 * @debugfs: unused: these views are /proc's only
 *
 * Return: 0.
 */
int pti_pid_choice_open(struct file *file, void *priv,
			struct pid_namespace *ns, bool debugfs)
{
	struct pti_pid_choice *c = priv;

	c->ns = get_pid_ns(ns);
	c->target = get_task_pid(current, PIDTYPE_PID);
	return 0;
}

/**
 * pti_pid_choice_choose() - a pid-chosen view's choose(): a written pid
 * @m: the file's seq_file; its private data begins with the choice
 * @buf: user buffer: a decimal pid in the reader's namespace
 * @count: its length
 *
 * Return: 0, -EINVAL for a bad pid, -ESRCH if no task has it.
 */
int pti_pid_choice_choose(struct seq_file *m, const char __user *buf,
			  size_t count)
{
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
	return 0;
}

/**
 * pti_pid_choice_release() - a pid-chosen view's release()
 * @priv: its private data, which begins with struct pti_pid_choice
 */
void pti_pid_choice_release(void *priv)
{
	struct pti_pid_choice *c = priv;

	put_pid(c->target);
	put_pid_ns(c->ns);
}
