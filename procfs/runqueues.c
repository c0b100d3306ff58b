// SPDX-License-Identifier: GPL-2.0
/*
 * runqueues.c - /proc/ptinspect/runqueues: for each online CPU, its
 * runqueue (header line + record), then its CFS entities (header line +
 * one line each: curr first, then the rb-tree in order, each group
 * followed by its own queue), then an empty line.
 *
 * Root only, and only from the initial pid namespace: pids are the
 * kernel's global ones, as /sys/kernel/debug/sched/debug shows them.
 */
#include <linux/cpumask.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include "procfs.h"

#define PTI_RQ_MAX_ENTITIES	1024	/* per CPU; more sets "truncated" */

/*
 * The position is a CPU number; v is that CPU + 1 (never NULL).  When the
 * view is unavailable there is one line, at position 0.
 */
static void *pti_rq_start(struct seq_file *m, loff_t *pos)
{
	unsigned int cpu;

	if (pti_runqueues_unavailable())
		return *pos == 0 ? SEQ_START_TOKEN : NULL;
	if (*pos >= nr_cpu_ids)
		return NULL;
	cpu = cpumask_next((int)*pos - 1, cpu_online_mask);
	if (cpu >= nr_cpu_ids)
		return NULL;
	*pos = cpu;
	return (void *)(unsigned long)(cpu + 1);
}

static void *pti_rq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return pti_rq_start(m, pos);
}

static void pti_rq_stop(struct seq_file *m, void *v)
{
}

struct pti_rq_file {
	struct pti_rq_snapshot *snapshot;	/* one CPU's, reused */
};

static int pti_rq_show(struct seq_file *m, void *v)
{
	struct pti_rq_file *f = m->private;
	struct pti_rq_snapshot *s = f->snapshot;
	int i, err;

	if (pti_runqueues_unavailable()) {
		seq_printf(m, "unavailable: %s\n", pti_runqueues_unavailable());
		return 0;
	}
	err = pti_rq_snapshot_fill(s, (int)(unsigned long)v - 1);
	if (err)
		return err;
	pti_seq_header(m, pti_rq_columns, PTI_RQ_NR_COLUMNS, true);
	pti_seq_record(m, pti_rq_columns, PTI_RQ_NR_COLUMNS, &s->rq, true);
	pti_seq_header(m, pti_se_columns, PTI_SE_NR_COLUMNS, true);
	for (i = 0; i < s->n; i++)
		pti_seq_record(m, pti_se_columns, PTI_SE_NR_COLUMNS, &s->se[i],
			       true);
	seq_putc(m, '\n');
	return 0;
}

static int pti_rq_open(struct file *file, void *priv,
		       struct pid_namespace *ns, bool debugfs)
{
	struct pti_rq_file *f = priv;

	if (task_active_pid_ns(current) != &init_pid_ns)
		return -EPERM;
	f->snapshot = pti_rq_snapshot_alloc(PTI_RQ_MAX_ENTITIES);
	return f->snapshot ? 0 : -ENOMEM;
}

static void pti_rq_release(void *priv)
{
	struct pti_rq_file *f = priv;

	pti_rq_snapshot_free(f->snapshot);
}

const struct pti_view_file pti_runqueues_view_file = {
	.seq = PTI_VIEW_SEQ(pti_rq, pti_rq_stop),
	.size = sizeof(struct pti_rq_file),
	.open = pti_rq_open,
	.release = pti_rq_release,
};
