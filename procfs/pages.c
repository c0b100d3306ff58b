// SPDX-License-Identifier: GPL-2.0
/*
 * pages.c - /proc/ptinspect/pages: one process's page tables, one line per
 * used leaf entry (a PTE, or a huge PMD/PUD entry), in address order.
 *
 * The file shows the opener's own process until "PID [START [END]]" is
 * written to it (addresses in C notation: 0x... for hex); then reads from
 * offset 0 show that process's entries in [START, END).  Root only (0600)
 * as the vma file is.  Frame numbers and swap offsets are shown only to
 * an opener with CAP_SYS_ADMIN, as /proc/PID/pagemap decides at open.
 *
 * Locking: as procfs/vma.c, the mm is pinned and read-locked (killable)
 * from start() to stop(); the walk (module/page_walk.c) takes each PTE
 * table's lock for that table only.  The position after the header is
 * the next address's page number + PTI_PAGES_POS_BASE, so a short read
 * resumes at an address.
 */
#include <linux/capability.h>
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/user_namespace.h>
#include "procfs.h"

#define PTI_PAGES_POS_BASE	1	/* position 0 is the header */

struct pti_pages_iter {
	struct pti_chosen_mm target;	/* first (PTI_CHOSEN_MM_VIEW()); the range */
	bool show_pfn;		/* CAP_SYS_ADMIN at open */
	struct pti_page rec;
};

static char pti_tok_pages_header;

/* The first leaf at or after the address @pos names, or NULL. */
static void *pti_pages_find(struct pti_pages_iter *it, loff_t *pos)
{
	unsigned long addr;

	if (*pos == 0)
		return &pti_tok_pages_header;
	if (*pos - PTI_PAGES_POS_BASE >= (TASK_SIZE_MAX >> PAGE_SHIFT))
		return NULL;
	addr = max_t(unsigned long, it->target.start,
		     (unsigned long)(*pos - PTI_PAGES_POS_BASE) << PAGE_SHIFT);
	while (addr < it->target.end) {
		struct vm_area_struct *vma = find_vma(it->target.mm, addr);
		unsigned long end;

		if (!vma || vma->vm_start >= it->target.end)
			return NULL;
		if (fatal_signal_pending(current))
			return NULL;
		addr = max(addr, vma->vm_start);
		end = min(vma->vm_end, it->target.end);
		if (pti_page_find(vma, addr, end, &it->rec, it->show_pfn)) {
			*pos = PTI_PAGES_POS_BASE +
			       (max_t(unsigned long, it->rec.addr, addr) >> PAGE_SHIFT);
			return &it->rec;
		}
		addr = end;
	}
	return NULL;
}

static void *pti_pages_start(struct seq_file *m, loff_t *pos)
{
	struct pti_pages_iter *it = m->private;
	int err = pti_chosen_mm_lock(&it->target);

	if (err)
		return ERR_PTR(err);
	return pti_pages_find(it, pos);
}

static void *pti_pages_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct pti_pages_iter *it = m->private;

	if (v == &pti_tok_pages_header)
		*pos = PTI_PAGES_POS_BASE + (it->target.start >> PAGE_SHIFT);
	else
		*pos = PTI_PAGES_POS_BASE +
		       ((it->rec.addr + it->rec.size) >> PAGE_SHIFT);
	return pti_pages_find(it, pos);
}

static int pti_pages_show(struct seq_file *m, void *v)
{
	if (v == &pti_tok_pages_header)
		pti_seq_header(m, pti_page_columns, PTI_PAGE_NR_COLUMNS, true);
	else
		pti_seq_record(m, pti_page_columns, PTI_PAGE_NR_COLUMNS, v, true);
	return 0;
}

static int pti_pages_open(struct file *file, void *priv,
			  struct pid_namespace *ns, bool debugfs)
{
	struct pti_pages_iter *it = priv;

	it->show_pfn = file_ns_capable(file, &init_user_ns, CAP_SYS_ADMIN);
	pti_chosen_mm_open(&it->target, ns, PTI_HOLD_PAGES, true);
	return 0;
}

/*
 * "PID [START [END]]": START defaults to 0, END to the top of user space;
 * both are rounded to pages (START down, END up).
 */
static int pti_pages_choose(struct seq_file *m, const char __user *buf,
			    size_t count)
{
	struct pti_pages_iter *it = m->private;
	unsigned long addrs[2], start = 0, end = TASK_SIZE_MAX;
	int n, nr;

	n = pti_chosen_mm_parse(buf, count, &nr, addrs, ARRAY_SIZE(addrs));
	if (n < 0)
		return n;
	if (n > 0)
		start = addrs[0] & PAGE_MASK;
	if (n > 1)
		end = PAGE_ALIGN(addrs[1]);
	if (start >= end)
		return -EINVAL;
	return pti_chosen_mm_choose(m, &it->target, nr, start, end);
}

const struct pti_view_file pti_pages_view_file = {
	.seq = PTI_VIEW_SEQ(pti_pages, pti_chosen_mm_seq_stop),
	PTI_CHOSEN_MM_VIEW(pti_pages, struct pti_pages_iter),
};
