// SPDX-License-Identifier: GPL-2.0
/*
 * format.c - /proc/ptinspect/format: the format version and, for every
 * view, each column's name, value type and meaning, straight from the
 * tables the views print with.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include "procfs.h"

static const char *const pti_type_names[] = {
	[PTI_T_S32] = "s32",
	[PTI_T_U32] = "u32",
	[PTI_T_HEX32] = "hex32",
	[PTI_T_HEX64] = "hex64",
	[PTI_T_U64] = "u64",
	[PTI_T_S64] = "s64",
	[PTI_T_CHAR] = "char",
	[PTI_T_WORD] = "word",
	[PTI_T_ESCAPED] = "escaped",
	[PTI_T_KPTR] = "kptr",
};

static void pti_format_view(struct seq_file *m, const char *view,
			    const struct pti_column *cols, int n)
{
	int i;

	for (i = 0; i < n; i++)
		seq_printf(m, "%s %s %s %s\n", view, cols[i].name,
			   pti_type_names[cols[i].type], cols[i].help);
}

static int pti_format_show(struct seq_file *m, void *v)
{
	seq_printf(m, "version %d\n", PTI_FORMAT_VERSION);
	pti_format_view(m, "tasks", pti_task_columns, PTI_TASK_NR_COLUMNS);
	pti_format_view(m, "debug/tasks", pti_task_kaddr_columns,
			PTI_TASK_NR_KADDR_COLUMNS);
	pti_format_view(m, "vma/mm", pti_mm_columns, PTI_MM_NR_COLUMNS);
	pti_format_view(m, "vma", pti_vma_columns, PTI_VMA_NR_COLUMNS);
	pti_format_view(m, "debug/vma", pti_vma_kaddr_columns,
			PTI_VMA_NR_KADDR_COLUMNS);
	pti_format_view(m, "flags", pti_flag_columns, PTI_FLAG_NR_COLUMNS);
	pti_format_view(m, "task", pti_task_columns, PTI_TASK_NR_COLUMNS);
	pti_format_view(m, "task", pti_detail_columns, PTI_DETAIL_NR_COLUMNS);
	pti_format_view(m, "share", pti_share_columns, PTI_SHARE_NR_COLUMNS);
	pti_format_view(m, "pages", pti_page_columns, PTI_PAGE_NR_COLUMNS);
	pti_format_view(m, "walk", pti_walk_columns, PTI_WALK_NR_COLUMNS);
	pti_format_view(m, "kernel/paging", pti_kernel_columns,
			PTI_KERNEL_NR_COLUMNS);
	pti_format_view(m, "kernel", pti_region_columns, PTI_REGION_NR_COLUMNS);
	pti_format_view(m, "runqueues/rq", pti_rq_columns, PTI_RQ_NR_COLUMNS);
	pti_format_view(m, "runqueues/se", pti_se_columns, PTI_SE_NR_COLUMNS);
	return 0;
}

static int pti_format_open(struct inode *inode, struct file *file)
{
	return single_open(file, pti_format_show, NULL);
}

const struct proc_ops pti_format_proc_ops = {
	.proc_open = pti_format_open,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};
