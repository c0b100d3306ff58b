// SPDX-License-Identifier: GPL-2.0
/*
 * flags.c - /proc/ptinspect/flags: the name of every bit of the flag words
 * other views print as numbers (a VMA's vm_flags, a task's PF_* flags), and
 * of every value of the numbers that are one of a list (a task's policy),
 * as this kernel defines them.  Readers decode with it once instead of
 * every line carrying the names.
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "procfs.h"

static const struct pti_flag_set *const pti_flag_sets[] = {
	&pti_vm_flag_set,
	&pti_task_flag_set,
	&pti_policy_set,
};

static int pti_flags_show(struct seq_file *m, void *v)
{
	struct pti_flag rec;
	size_t s, i;

	pti_seq_header(m, pti_flag_columns, PTI_FLAG_NR_COLUMNS, true);
	for (s = 0; s < ARRAY_SIZE(pti_flag_sets); s++) {
		const struct pti_flag_set *set = pti_flag_sets[s];

		for (i = 0; i < set->n; i++) {
			if (!set->names[i].flag && !set->enumerated)
				continue;
			memset(&rec, 0, sizeof(rec));
			strscpy(rec.set, set->column, sizeof(rec.set));
			rec.value = set->names[i].flag;
			strscpy(rec.name, set->names[i].name, sizeof(rec.name));
			pti_seq_record(m, pti_flag_columns, PTI_FLAG_NR_COLUMNS,
				       &rec, true);
		}
	}
	return 0;
}

const struct pti_view_file pti_flags_view_file = {
	.show = pti_flags_show,
};
