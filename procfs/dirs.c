// SPDX-License-Identifier: GPL-2.0
/* dirs.c - create and remove /proc/ptinspect and debugfs ptinspect/. */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include "procfs.h"

static const struct pti_view_file pti_holds_view_file = {
	.show = pti_hold_show,
};

/* One file: its name, its mode, what it shows. */
struct pti_file_entry {
	const char *name;
	umode_t mode;
	const struct pti_view_file *view;
};

static const struct pti_file_entry pti_proc_files[] = {
	{ "tasks", 0444, &pti_tasks_view_file },
	{ "format", 0444, &pti_format_view_file },
	{ "flags", 0444, &pti_flags_view_file },
	{ "vma", 0600, &pti_vma_view_file },
	{ "task", 0600, &pti_task_view_file },
	{ "share", 0600, &pti_share_view_file },
	{ "pages", 0600, &pti_pages_view_file },
	{ "walk", 0600, &pti_walk_view_file },
	{ "kernel", 0400, &pti_kernel_view_file },
	{ "runqueues", 0400, &pti_runqueues_view_file },
};

/* debugfs' tasks and vma lead each line with the kernel's addresses. */
static const struct pti_file_entry pti_debugfs_files[] = {
	{ "tasks", 0400, &pti_tasks_view_file },
	{ "vma", 0600, &pti_vma_view_file },
	{ "holds", 0400, &pti_holds_view_file },
};

static struct proc_dir_entry *pti_proc_dir;
static struct dentry *pti_debugfs_dir;

/**
 * pti_views_create() - create every file ptinspect shows
 *
 * /proc/ptinspect is required; debugfs is optional (it may be absent or
 * locked down), so its failure only leaves the debugfs files missing.
 *
 * Return: 0 or a negative errno, with nothing left behind.
 */
int pti_views_create(void)
{
	size_t i;

	pti_proc_dir = proc_mkdir("ptinspect", NULL);
	if (!pti_proc_dir)
		return -ENOMEM;
	/* a view is only read: the entry's data is a void * */
	for (i = 0; i < ARRAY_SIZE(pti_proc_files); i++)
		if (!proc_create_data(pti_proc_files[i].name,
				      pti_proc_files[i].mode, pti_proc_dir,
				      &pti_view_proc_ops,
				      (void *)pti_proc_files[i].view))
			goto err_proc;

	pti_debugfs_dir = debugfs_create_dir("ptinspect", NULL);
	if (IS_ERR(pti_debugfs_dir))
		return 0;
	for (i = 0; i < ARRAY_SIZE(pti_debugfs_files); i++)
		debugfs_create_file(pti_debugfs_files[i].name,
				    pti_debugfs_files[i].mode, pti_debugfs_dir,
				    (void *)pti_debugfs_files[i].view,
				    &pti_view_debugfs_fops);
	return 0;

err_proc:
	proc_remove(pti_proc_dir);
	return -ENOMEM;
}

/**
 * pti_views_remove() - remove every file; open /proc files read -EIO after
 */
void pti_views_remove(void)
{
	debugfs_remove(pti_debugfs_dir);
	proc_remove(pti_proc_dir);
}
