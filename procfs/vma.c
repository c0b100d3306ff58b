// SPDX-License-Identifier: GPL-2.0
/*
 * vma.c - /proc/ptinspect/vma: one process's mm_struct summary and every
 * VMA, in address order.
 *
 * The file shows the opener's own process until a pid is written to it;
 * then reads from offset 0 show that process (the write rewinds).  Layout:
 * mm header line, mm record, VMA header line, one line per VMA.
 *
 * Root only (0600): ptrace_may_access() is not exported to modules, so the
 * check /proc/<pid>/maps makes cannot be repeated here.  The debugfs twin
 * (/sys/kernel/debug/ptinspect/vma) leads each VMA with its address (%pK).
 *
 * Locking: the mm is pinned with mmget_not_zero() and read-locked
 * (killable) in start() and released in stop(); seq_file copies to user
 * space only after stop(), so no fault on the same mm can happen under the
 * lock.  The position after the headers is vm_start + PTI_VMA_POS_BASE,
 * so a short read resumes at an address, as /proc/<pid>/maps does.
 * Within one start..stop, next() steps a VMA iterator instead of searching
 * the tree again for every VMA.
 */
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/stddef.h>
#include <linux/threads.h>
#include <linux/uaccess.h>
#include "procfs.h"

enum {
	PTI_POS_MM_HEADER,
	PTI_POS_MM,
	PTI_POS_VMA_HEADER,
	PTI_VMA_POS_BASE,
};

struct pti_vma_iter {
	struct pti_chosen_mm target;	/* first: PTI_CHOSEN_MM_VIEW() */
	bool kaddrs;		/* debugfs: lead each VMA with its address */
	struct pti_mm mm_rec;
	struct pti_vma vma_rec;
	struct vma_iterator vmi;	/* valid from start() to stop() */
};

/* Header and summary positions are not VMAs: hand out distinct tokens. */
static char pti_tok_mm_header, pti_tok_mm, pti_tok_vma_header;

/* The VMA at or after *pos's address, with the iterator set just past it. */
static void *pti_vma_find(struct pti_vma_iter *it, loff_t *pos)
{
	struct vm_area_struct *vma;

	switch (*pos) {
	case PTI_POS_MM_HEADER:
		return &pti_tok_mm_header;
	case PTI_POS_MM:
		return &pti_tok_mm;
	case PTI_POS_VMA_HEADER:
		return &pti_tok_vma_header;
	}
	if (*pos - PTI_VMA_POS_BASE >= TASK_SIZE_MAX)
		return NULL;
	{
		VMA_ITERATOR(vmi, it->target.mm, *pos - PTI_VMA_POS_BASE);

		it->vmi = vmi;
	}
	vma = vma_next(&it->vmi);
	if (vma)
		*pos = vma->vm_start + PTI_VMA_POS_BASE;
	return vma;
}

static void *pti_vma_start(struct seq_file *m, loff_t *pos)
{
	struct pti_vma_iter *it = m->private;
	/* The process may have exited since the pid was chosen. */
	int err = pti_chosen_mm_lock(&it->target);

	if (err)
		return ERR_PTR(err);
	return pti_vma_find(it, pos);
}

static void *pti_vma_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct pti_vma_iter *it = m->private;
	struct vm_area_struct *vma;

	if (*pos < PTI_VMA_POS_BASE) {
		++*pos;
		return pti_vma_find(it, pos);
	}
	vma = vma_next(&it->vmi);
	/* At the end, a later read() must still find nothing: past v. */
	*pos = (vma ? vma->vm_start : ((struct vm_area_struct *)v)->vm_end) +
	       PTI_VMA_POS_BASE;
	return vma;
}

static int pti_vma_show(struct seq_file *m, void *v)
{
	struct pti_vma_iter *it = m->private;

	if (v == &pti_tok_mm_header) {
		pti_seq_header(m, pti_mm_columns, PTI_MM_NR_COLUMNS, true);
	} else if (v == &pti_tok_mm) {
		pti_mm_fill(&it->mm_rec, it->target.mm, true);
		it->mm_rec.pid = it->target.pid;
		it->mm_rec.tgid = it->target.tgid;
		pti_seq_record(m, pti_mm_columns, PTI_MM_NR_COLUMNS,
			       &it->mm_rec, true);
	} else if (v == &pti_tok_vma_header) {
		if (it->kaddrs)
			pti_seq_header(m, pti_vma_kaddr_columns,
				       PTI_VMA_NR_KADDR_COLUMNS, false);
		pti_seq_header(m, pti_vma_columns, PTI_VMA_NR_COLUMNS, true);
	} else {
		pti_vma_fill(&it->vma_rec, v, it->target.mm, it->kaddrs);
		if (it->kaddrs)
			pti_seq_record(m, pti_vma_kaddr_columns,
				       PTI_VMA_NR_KADDR_COLUMNS, &it->vma_rec,
				       false);
		pti_seq_record(m, pti_vma_columns, PTI_VMA_NR_COLUMNS,
			       &it->vma_rec, true);
	}
	return 0;
}

static int pti_vma_open(struct file *file, void *priv,
			struct pid_namespace *ns, bool debugfs)
{
	struct pti_vma_iter *it = priv;

	pti_chosen_mm_open(&it->target, ns, PTI_HOLD_VMA, true);
	/* debugfs: each VMA led by its kernel address */
	it->kaddrs = debugfs;
	return 0;
}

/* Choose the process: a decimal pid in the reader's namespace. */
static int pti_vma_choose(struct seq_file *m, const char __user *buf,
			  size_t count)
{
	struct pti_vma_iter *it = m->private;
	int nr, err;

	err = pti_pid_from_user(buf, count, &nr);
	if (err)
		return err;
	return pti_chosen_mm_choose(m, &it->target, nr, 0, TASK_SIZE_MAX);
}

const struct pti_view_file pti_vma_view_file = {
	.seq = PTI_VIEW_SEQ(pti_vma, pti_chosen_mm_seq_stop),
	PTI_CHOSEN_MM_VIEW(pti_vma, struct pti_vma_iter),
};
