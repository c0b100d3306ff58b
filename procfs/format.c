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

struct pti_format_view {
	const char *name;
	const struct pti_column *cols;
	int n;
};

static const struct pti_format_view pti_format_views[] = {
	{ "tasks", pti_task_columns, PTI_TASK_NR_COLUMNS },
	{ "debug/tasks", pti_task_kaddr_columns, PTI_TASK_NR_KADDR_COLUMNS },
	{ "vma/mm", pti_mm_columns, PTI_MM_NR_COLUMNS },
	{ "vma", pti_vma_columns, PTI_VMA_NR_COLUMNS },
	{ "debug/vma", pti_vma_kaddr_columns, PTI_VMA_NR_KADDR_COLUMNS },
	{ "flags", pti_flag_columns, PTI_FLAG_NR_COLUMNS },
	{ "task", pti_task_columns, PTI_TASK_NR_COLUMNS },
	{ "task", pti_detail_columns, PTI_DETAIL_NR_COLUMNS },
	{ "share", pti_share_columns, PTI_SHARE_NR_COLUMNS },
	{ "pages", pti_page_columns, PTI_PAGE_NR_COLUMNS },
	{ "walk", pti_walk_columns, PTI_WALK_NR_COLUMNS },
	{ "kernel/paging", pti_kernel_columns, PTI_KERNEL_NR_COLUMNS },
	{ "kernel", pti_region_columns, PTI_REGION_NR_COLUMNS },
	{ "runqueues/rq", pti_rq_columns, PTI_RQ_NR_COLUMNS },
	{ "runqueues/se", pti_se_columns, PTI_SE_NR_COLUMNS },
};

/*
 * One line per show(): the whole text is some 18 KB, and a single_open()
 * show() that size makes every read grow the seq_file buffer through
 * kvmalloc(), whose vmalloc fallback warns when an allocation fails.
 * Line 0 is the version, line k > 0 the k-th column line counting across
 * the views in order; an iterator's value is its line number plus one
 * (never NULL).
 */
static const struct pti_column *pti_format_line(loff_t line, const char **view)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pti_format_views); i++) {
		if (line <= pti_format_views[i].n) {
			*view = pti_format_views[i].name;
			return &pti_format_views[i].cols[line - 1];
		}
		line -= pti_format_views[i].n;
	}
	return NULL;
}

static void *pti_format_start(struct seq_file *m, loff_t *pos)
{
	const char *view;

	if (*pos != 0 && !pti_format_line(*pos, &view))
		return NULL;
	return (void *)(uintptr_t)(*pos + 1);
}

static void *pti_format_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return pti_format_start(m, pos);
}

static void pti_format_stop(struct seq_file *m, void *v)
{
}

static int pti_format_show(struct seq_file *m, void *v)
{
	loff_t line = (uintptr_t)v - 1;
	const struct pti_column *col;
	const char *view;

	if (line == 0) {
		seq_printf(m, "version %d\n", PTI_FORMAT_VERSION);
		return 0;
	}
	col = pti_format_line(line, &view);
	if (col)
		seq_printf(m, "%s %s %s %s\n", view, col->name,
			   pti_type_names[col->type], col->help);
	return 0;
}

const struct pti_view_file pti_format_view_file = {
	.seq = PTI_VIEW_SEQ(pti_format, pti_format_stop),
};
