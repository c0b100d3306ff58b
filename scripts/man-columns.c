// SPDX-License-Identifier: GPL-2.0
/*
 * man-columns.c - every column of every /proc/ptinspect view, from the
 * CLI's copy of the one column registry (module/uapi/ptinspect_columns.h), as
 * lines "VIEW NAME TYPE HELP": what /proc/ptinspect/format prints from
 * the running module, here without the module, for scripts/man.
 */
#include <stdio.h>
#include "records.h"

static const char *const type_names[] = {
	[PTI_T_S32] = "s32", [PTI_T_U32] = "u32", [PTI_T_HEX32] = "hex32",
	[PTI_T_HEX64] = "hex64", [PTI_T_U64] = "u64", [PTI_T_S64] = "s64",
	[PTI_T_CHAR] = "char", [PTI_T_WORD] = "word",
	[PTI_T_ESCAPED] = "escaped", [PTI_T_KPTR] = "kptr",
};

static void view(const char *name, const struct pti_column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%s %s %s %s\n", name, cols[i].name,
		       type_names[cols[i].type], cols[i].help);
}

int main(void)
{
	/* the order of procfs/format.c */
	view("tasks", pti_task_columns, PTI_TASK_NR_COLUMNS);
	view("debug/tasks", pti_task_kaddr_columns, PTI_TASK_NR_KADDR_COLUMNS);
	view("vma/mm", pti_mm_columns, PTI_MM_NR_COLUMNS);
	view("vma", pti_vma_columns, PTI_VMA_NR_COLUMNS);
	view("debug/vma", pti_vma_kaddr_columns, PTI_VMA_NR_KADDR_COLUMNS);
	view("flags", pti_flag_columns, PTI_FLAG_NR_COLUMNS);
	view("task", pti_task_columns, PTI_TASK_NR_COLUMNS);
	view("task", pti_detail_columns, PTI_DETAIL_NR_COLUMNS);
	view("share", pti_share_columns, PTI_SHARE_NR_COLUMNS);
	view("pages", pti_page_columns, PTI_PAGE_NR_COLUMNS);
	view("walk", pti_walk_columns, PTI_WALK_NR_COLUMNS);
	view("kernel/paging", pti_kernel_columns, PTI_KERNEL_NR_COLUMNS);
	view("kernel", pti_region_columns, PTI_REGION_NR_COLUMNS);
	view("runqueues/rq", pti_rq_columns, PTI_RQ_NR_COLUMNS);
	view("runqueues/se", pti_se_columns, PTI_SE_NR_COLUMNS);
	return 0;
}
