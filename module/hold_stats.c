// SPDX-License-Identifier: GPL-2.0
/*
 * hold_stats.c - how long each view holds what it reads under: the RCU
 * read section of the task walk, the mmap read lock of the VMA, page and
 * address walks, the runqueue lock (interrupts off) of the runqueue
 * copy.  Measured by the module itself around every hold, shown in
 * debugfs (ptinspect/holds), so the bound on work done there is a
 * number, not a claim.
 */
#include <linux/atomic.h>
#include <linux/seq_file.h>
#include <linux/timekeeping.h>
#include "ptinspect.h"

struct pti_hold_stats {
	atomic64_t holds, max_ns, truncated;
};

static struct pti_hold_stats pti_holds[PTI_HOLD_NR];

static const char *const pti_hold_names[PTI_HOLD_NR][2] = {
	[PTI_HOLD_TASKS] = { "tasks", "rcu" },
	[PTI_HOLD_VMA] = { "vma", "mmap_read" },
	[PTI_HOLD_RUNQUEUES] = { "runqueues", "rq_lock_irq" },
	[PTI_HOLD_PAGES] = { "pages", "mmap_read" },
	[PTI_HOLD_WALK] = { "walk", "mmap_read" },
};

/**
 * pti_hold_begin() - the clock at the start of a hold
 *
 * Return: a timestamp for pti_hold_end().
 */
u64 pti_hold_begin(void)
{
	return ktime_get_ns();
}

/**
 * pti_hold_end() - account one hold of @view that began at @since
 * @view: which view held it
 * @since: pti_hold_begin()'s value when it was taken
 *
 * Safe with interrupts off; never waits (the maximum is raised by
 * compare-and-swap, retried only while another CPU raised it first).
 */
void pti_hold_end(enum pti_hold_view view, u64 since)
{
	struct pti_hold_stats *s = &pti_holds[view];
	s64 took = ktime_get_ns() - since, old;

	atomic64_inc(&s->holds);
	old = atomic64_read(&s->max_ns);
	while (old < took) {
		s64 seen = atomic64_cmpxchg(&s->max_ns, old, took);

		if (seen == old)
			break;
		old = seen;
	}
}

/**
 * pti_hold_truncated() - count a copy of @view cut short by its room
 * @view: the view
 */
void pti_hold_truncated(enum pti_hold_view view)
{
	atomic64_inc(&pti_holds[view].truncated);
}

/**
 * pti_hold_show() - the table debugfs ptinspect/holds prints
 * @m: the seq_file
 * @v: unused
 *
 * Return: 0.
 */
int pti_hold_show(struct seq_file *m, void *v)
{
	int i;

	seq_puts(m, "view lock holds max_hold_ns truncated\n");
	for (i = 0; i < PTI_HOLD_NR; i++)
		seq_printf(m, "%s %s %lld %lld %lld\n", pti_hold_names[i][0],
			   pti_hold_names[i][1],
			   atomic64_read(&pti_holds[i].holds),
			   atomic64_read(&pti_holds[i].max_ns),
			   atomic64_read(&pti_holds[i].truncated));
	return 0;
}
