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
#include <linux/build_bug.h>
#include <linux/capability.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/user_namespace.h>
#include "procfs.h"

struct pti_walk_file {
	/* first (PTI_CHOSEN_MM_VIEW()); the address: target.start */
	struct pti_chosen_mm target;
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

static int pti_walk_open(struct file *file, void *priv,
			 struct pid_namespace *ns, bool debugfs)
{
	struct pti_walk_file *w = priv;

	pti_chosen_mm_open(&w->target, ns, PTI_HOLD_WALK, false);
	w->show_raw = file_ns_capable(file, &init_user_ns, CAP_SYS_ADMIN);
	return 0;
}

static int pti_walk_choose(struct seq_file *m, const char __user *buf,
			   size_t count)
{
	struct pti_walk_file *w = m->private;
	unsigned long addr;
	int n, nr;

	n = pti_chosen_mm_parse(buf, count, &nr, &addr, 1);
	if (n < 0)
		return n;
	if (n != 1 || addr >= TASK_SIZE_MAX)
		return -EINVAL;
	return pti_chosen_mm_choose(m, &w->target, nr, addr, addr + 1);
}

const struct pti_view_file pti_walk_view_file = {
	.show = pti_walk_show,
	PTI_CHOSEN_MM_VIEW(pti_walk, struct pti_walk_file),
};
