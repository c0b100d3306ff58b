// SPDX-License-Identifier: GPL-2.0
/*
 * walk.c - /proc/ptinspect/walk: the page-table walk for one address of
 * one process, level by level, as the MMU does it.
 *
 * Write "PID ADDR" (ADDR in C notation: 0x... for hex); a read from
 * offset 0 then gives a header and one line per level visited, from the
 * root (pgd) down to where the walk ends: an empty entry, a huge entry,
 * a non-present one, or the PTE.  An address in no VMA gives the header
 * only: outside a VMA the tables may be freed under the mmap read lock
 * (munmap frees them after downgrading its lock).  Root only (0600); raw
 * entries and frame numbers only for an opener with CAP_SYS_ADMIN.
 *
 * Locking: the mmap read lock (killable) for the walk; the PTE table's
 * lock as in the pages view.  The walk is made once per read from offset
 * 0, into the file's own buffer, and printed from there.
 */
#include <linux/capability.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/user_namespace.h>
#include "procfs.h"

struct pti_walk_file {
	struct pti_chosen_mm target;	/* the address: target.start */
	bool show_raw;
	int n;
	struct pti_walk_step steps[PTI_WALK_MAX_STEPS];
};

static int pti_walk_take(struct pti_walk_file *w)
{
	struct vm_area_struct *vma;
	int err;

	w->n = 0;
	err = pti_chosen_mm_lock(&w->target);
	if (err)
		return err;
	vma = find_vma(w->target.mm, w->target.start);
	if (vma && vma->vm_start <= w->target.start)
		w->n = pti_page_walk(vma, w->target.start, w->steps,
				     w->show_raw);
	pti_chosen_mm_unlock(&w->target);
	return 0;
}

static int pti_walk_show(struct seq_file *m, void *v)
{
	struct pti_walk_file *w = m->private;
	int i, err;

	/* nothing asked yet ("PID ADDR" not written): the header alone */
	if (w->target.mm) {
		err = pti_walk_take(w);
		if (err)
			return err;
	}
	pti_seq_header(m, pti_walk_columns, PTI_WALK_NR_COLUMNS, true);
	for (i = 0; i < w->n; i++)
		pti_seq_record(m, pti_walk_columns, PTI_WALK_NR_COLUMNS,
			       &w->steps[i], true);
	return 0;
}

static int pti_walk_open(struct inode *inode, struct file *file)
{
	struct pti_walk_file *w = kzalloc(sizeof(*w), GFP_KERNEL);
	int err;

	if (!w)
		return -ENOMEM;
	pti_chosen_mm_open(&w->target, proc_pid_ns(inode->i_sb),
			   PTI_HOLD_WALK, false);
	w->show_raw = file_ns_capable(file, &init_user_ns, CAP_SYS_ADMIN);
	err = single_open(file, pti_walk_show, w);
	if (err) {
		pti_chosen_mm_close(&w->target);
		kfree(w);
	}
	return err;
}

static ssize_t pti_walk_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	struct pti_walk_file *w = m->private;
	unsigned long addr;
	int n, nr, err;

	n = pti_chosen_mm_parse(buf, count, &nr, &addr, 1);
	if (n < 0)
		return n;
	if (n != 1 || addr >= TASK_SIZE_MAX)
		return -EINVAL;
	err = pti_chosen_mm_choose(m, &w->target, nr, addr, addr + 1);
	if (err)
		return err;
	*ppos = 0;	/* the caller stores it into f_pos */
	return count;
}

static int pti_walk_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	struct pti_walk_file *w = m->private;

	pti_chosen_mm_close(&w->target);
	kfree(w);
	return single_release(inode, file);
}

const struct proc_ops pti_walk_proc_ops = {
	.proc_open = pti_walk_open,
	.proc_read_iter = seq_read_iter,
	.proc_write = pti_walk_write,
	.proc_lseek = seq_lseek,
	.proc_release = pti_walk_release,
};
