// SPDX-License-Identifier: GPL-2.0
/*
 * chosen_mm.c - what the address-space files (vma, pages, walk) share:
 * the process a reader chose by writing its pid (and addresses), its mm
 * kept by an mm_count reference (it pins the mm_struct, not the address
 * space), and taken for a read as /proc/<pid>/maps takes it: users
 * pinned, mmap lock read-held, killable, each hold timed (hold_stats.c).
 * Each file's private data begins with the choice, so they share its
 * release(), and vma and pages its stop().
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/pid_namespace.h>
#include <linux/sched/mm.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "procfs.h"

/* Drop any earlier choice; @mm's reference (or NULL) is taken over. */
static void pti_chosen_mm_set(struct pti_chosen_mm *c, struct mm_struct *mm)
{
	WARN_ON_ONCE(c->locked);
	if (c->mm)
		mmdrop(c->mm);
	c->mm = mm;
}

/**
 * pti_chosen_mm_open() - start a file's choice, at open
 * @c: the file's choice, zeroed
 * @ns: the pid namespace written pids are read in (a reference is taken)
 * @hold: which view's holds the lock's are counted as
 * @own: start with the opener's own process, all of its addresses;
 *       else with none (reads fail with -ENXIO, or show nothing)
 */
void pti_chosen_mm_open(struct pti_chosen_mm *c, struct pid_namespace *ns,
			enum pti_hold_view hold, bool own)
{
	struct mm_struct *mm;
	int tgid;

	c->ns = get_pid_ns(ns);
	c->hold = hold;
	if (!own)
		return;
	tgid = task_tgid_nr_ns(current, c->ns);
	/* A kernel thread has no mm to start with: none chosen. */
	if (pti_mm_select(c->ns, tgid, &mm, &tgid))
		return;
	pti_chosen_mm_set(c, mm);
	c->pid = tgid;
	c->tgid = tgid;
	c->end = TASK_SIZE_MAX;
}

/**
 * pti_chosen_mm_release() - a view's release(): drop its choice and its
 *                           pid namespace
 * @priv: the file's private data, which begins with the choice
 */
void pti_chosen_mm_release(void *priv)
{
	struct pti_chosen_mm *c = priv;

	pti_chosen_mm_set(c, NULL);
	put_pid_ns(c->ns);
}

/* The longest line a file takes: "PID START END", with room to spare. */
#define PTI_CHOSEN_MM_LINE_MAX	80

/**
 * pti_chosen_mm_parse() - read a written line, "PID [ADDR ...]"
 * @buf: what user space wrote
 * @count: its length
 * @nr: out: the pid
 * @addrs: out: the addresses after it (C notation: 0x... for hex), each
 *         at most TASK_SIZE_MAX
 * @max: most addresses allowed
 *
 * Return: how many addresses (0 to @max); -EINVAL for a bad pid or
 * address, too many words or too long a line; -EFAULT.
 */
int pti_chosen_mm_parse(const char __user *buf, size_t count, int *nr,
			unsigned long *addrs, int max)
{
	char text[PTI_CHOSEN_MM_LINE_MAX + 1], *p, *word;
	unsigned long long v;
	int n = -1;	/* -1: the pid comes first */

	if (count == 0 || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	p = strim(text);
	while (p && *p) {
		word = strsep(&p, " \t");
		p = p ? skip_spaces(p) : NULL;
		if (n < 0) {
			if (pti_pid_parse(word, nr))
				return -EINVAL;
		} else {
			if (n == max || kstrtoull(word, 0, &v) ||
			    v > TASK_SIZE_MAX)
				return -EINVAL;
			addrs[n] = v;
		}
		n++;
	}
	return n < 0 ? -EINVAL : n;
}

/**
 * pti_chosen_mm_choose() - choose process @nr's address space
 * @m: the file's seq_file: its mutex keeps reads out meanwhile
 * @c: the file's choice; the one before is dropped once this one is made
 * @nr: a pid in @c's namespace
 * @start: first address asked about
 * @end: first address past them
 *
 * The pid and its mm are looked up first, so a failed choice leaves the
 * earlier one in place.
 *
 * Return: 0, or pti_mm_select()'s error (-ESRCH, -ENXIO for no mm).
 */
int pti_chosen_mm_choose(struct seq_file *m, struct pti_chosen_mm *c, int nr,
			 unsigned long start, unsigned long end)
{
	struct mm_struct *mm;
	int tgid, err;

	err = pti_mm_select(c->ns, nr, &mm, &tgid);
	if (err)
		return err;
	mutex_lock(&m->lock);
	pti_chosen_mm_set(c, mm);
	c->pid = nr;
	c->tgid = tgid;
	c->start = start;
	c->end = end;
	mutex_unlock(&m->lock);
	return 0;
}

/**
 * pti_chosen_mm_lock() - pin and read-lock the chosen address space
 * @c: the file's choice
 *
 * Context: may sleep; pair with pti_chosen_mm_unlock() before returning
 * to user space (seq_file copies out only after stop()).
 * Return: 0; -ENXIO if none is chosen, -ESRCH if the process has exited
 * since, -EINTR if a fatal signal came while waiting for the lock.
 */
int pti_chosen_mm_lock(struct pti_chosen_mm *c)
{
	if (!c->mm)
		return -ENXIO;
	if (!mmget_not_zero(c->mm))
		return -ESRCH;
	if (mmap_read_lock_killable(c->mm)) {
		mmput(c->mm);
		return -EINTR;
	}
	c->locked = true;
	c->locked_since = pti_hold_begin();
	return 0;
}

/**
 * pti_chosen_mm_unlock() - undo pti_chosen_mm_lock(), if it was taken
 * @c: the file's choice
 */
void pti_chosen_mm_unlock(struct pti_chosen_mm *c)
{
	if (!c->locked)
		return;
	pti_hold_end(c->hold, c->locked_since);
	mmap_read_unlock(c->mm);
	mmput(c->mm);
	c->locked = false;
}

/**
 * pti_chosen_mm_seq_stop() - a seq_file's stop(): unlock what start() took
 * @m: the seq_file; its private data begins with the choice
 * @v: unused
 */
void pti_chosen_mm_seq_stop(struct seq_file *m, void *v)
{
	pti_chosen_mm_unlock(m->private);
}
