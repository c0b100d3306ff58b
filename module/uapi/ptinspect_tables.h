/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptinspect_tables.h - the column tables of every view, built from
 * ptinspect_columns.h.  Included by exactly one file on each side (the
 * module's procfs/record.c, the CLI's cli/records.c), which must have
 * declared the arrays first.
 */
const struct pti_column pti_task_columns[PTI_TASK_NR_COLUMNS] = {
#define PTI_TASK_COLUMN(id, name, member, type, help) \
	[PTI_TASK_##id] = PTI_COLUMN_INIT(pti_task, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_task_kaddr_columns[PTI_TASK_NR_KADDR_COLUMNS] = {
#define PTI_TASK_KADDR_COLUMN(id, name, member, type, help) \
	[PTI_TASK_##id] = PTI_COLUMN_INIT(pti_task_debug, name, member, type, \
					  help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_mm_columns[PTI_MM_NR_COLUMNS] = {
#define PTI_MM_COLUMN(id, name, member, type, help) \
	[PTI_MM_##id] = PTI_COLUMN_INIT(pti_mm, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_vma_columns[PTI_VMA_NR_COLUMNS] = {
#define PTI_VMA_COLUMN(id, name, member, type, help) \
	[PTI_VMA_##id] = PTI_COLUMN_INIT(pti_vma, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_vma_kaddr_columns[PTI_VMA_NR_KADDR_COLUMNS] = {
#define PTI_VMA_KADDR_COLUMN(id, name, member, type, help) \
	[PTI_VMA_##id] = PTI_COLUMN_INIT(pti_vma, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_flag_columns[PTI_FLAG_NR_COLUMNS] = {
#define PTI_FLAG_COLUMN(id, name, member, type, help) \
	[PTI_FLAG_##id] = PTI_COLUMN_INIT(pti_flag, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_detail_columns[PTI_DETAIL_NR_COLUMNS] = {
#define PTI_DETAIL_COLUMN(id, name, member, type, help) \
	[PTI_DETAIL_##id] = PTI_COLUMN_INIT(pti_detail, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_share_columns[PTI_SHARE_NR_COLUMNS] = {
#define PTI_SHARE_COLUMN(id, name, member, type, help) \
	[PTI_SHARE_##id] = PTI_COLUMN_INIT(pti_share, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_rq_columns[PTI_RQ_NR_COLUMNS] = {
#define PTI_RQ_COLUMN(id, name, member, type, help) \
	[PTI_RQ_##id] = PTI_COLUMN_INIT(pti_rq, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_se_columns[PTI_SE_NR_COLUMNS] = {
#define PTI_SE_COLUMN(id, name, member, type, help) \
	[PTI_SE_##id] = PTI_COLUMN_INIT(pti_se, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_page_columns[PTI_PAGE_NR_COLUMNS] = {
#define PTI_PAGE_COLUMN(id, name, member, type, help) \
	[PTI_PAGE_##id] = PTI_COLUMN_INIT(pti_page, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_walk_columns[PTI_WALK_NR_COLUMNS] = {
#define PTI_WALK_COLUMN(id, name, member, type, help) \
	[PTI_WALK_##id] = PTI_COLUMN_INIT(pti_walk_step, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_kernel_columns[PTI_KERNEL_NR_COLUMNS] = {
#define PTI_KERNEL_COLUMN(id, name, member, type, help) \
	[PTI_KERNEL_##id] = PTI_COLUMN_INIT(pti_kernel, name, member, type, help),
#include "ptinspect_columns.h"
};

const struct pti_column pti_region_columns[PTI_REGION_NR_COLUMNS] = {
#define PTI_REGION_COLUMN(id, name, member, type, help) \
	[PTI_REGION_##id] = PTI_COLUMN_INIT(pti_region, name, member, type, help),
#include "ptinspect_columns.h"
};
