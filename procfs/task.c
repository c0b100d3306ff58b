// SPDX-License-Identifier: GPL-2.0
/*
 * task.c - /proc/ptinspect/task: one task whole, one "name value" line per
 * column (the tasks columns, then the detail columns).
 *
 * Shows the opener until a pid is written; the write rewinds.  Root only:
 * it shows other users' credentials, signals, paths and argument ranges,
 * and ptrace_may_access() is not exported to check for them.
 */
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/stddef.h>
#include "procfs.h"

struct pti_task_view {
	struct pti_pid_choice choice;	/* first: PTI_PID_CHOICE_VIEW() */
	struct pti_detail rec;
};

static int pti_task_view_show(struct seq_file *m, void *v)
{
	struct pti_task_view *it = m->private;
	int err;

	err = pti_detail_fill(&it->rec, it->choice.target, it->choice.ns, seq_user_ns(m));
	if (err)
		return err;
	pti_seq_fields(m, pti_task_columns, PTI_TASK_NR_COLUMNS, &it->rec.base);
	pti_seq_fields(m, pti_detail_columns, PTI_DETAIL_NR_COLUMNS, &it->rec);
	return 0;
}

const struct pti_view_file pti_task_view_file = {
	.show = pti_task_view_show,
	PTI_PID_CHOICE_VIEW(struct pti_task_view),
};
