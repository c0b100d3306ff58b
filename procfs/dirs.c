// SPDX-License-Identifier: GPL-2.0
/* dirs.c - create and remove /proc/ptinspect and debugfs ptinspect/. */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include "procfs.h"

static int pti_holds_open(struct inode *inode, struct file *file)
{
	return single_open(file, pti_hold_show, NULL);
}

static const struct file_operations pti_holds_fops = {
	.owner = THIS_MODULE,
	.open = pti_holds_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct proc_dir_entry *pti_proc_dir;
static struct dentry *pti_debugfs_dir;

/* A root-only pid-chosen view; @kind is only read (data is void *). */
static struct proc_dir_entry *
pti_choice_create(const char *name, const struct pti_choice_kind *kind)
{
	return proc_create_data(name, 0600, pti_proc_dir, &pti_choice_proc_ops,
				(void *)kind);
}

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
	pti_proc_dir = proc_mkdir("ptinspect", NULL);
	if (!pti_proc_dir)
		return -ENOMEM;
	if (!proc_create("tasks", 0444, pti_proc_dir, &pti_tasks_proc_ops) ||
	    !proc_create("format", 0444, pti_proc_dir, &pti_format_proc_ops) ||
	    !proc_create("flags", 0444, pti_proc_dir, &pti_flags_proc_ops) ||
	    !proc_create("vma", 0600, pti_proc_dir, &pti_vma_proc_ops) ||
	    !pti_choice_create("task", &pti_task_choice) ||
	    !pti_choice_create("share", &pti_share_choice) ||
	    !proc_create("pages", 0600, pti_proc_dir, &pti_pages_proc_ops) ||
	    !proc_create("walk", 0600, pti_proc_dir, &pti_walk_proc_ops) ||
	    !proc_create("kernel", 0400, pti_proc_dir, &pti_kernel_proc_ops) ||
	    !proc_create("runqueues", 0400, pti_proc_dir,
			 &pti_runqueues_proc_ops))
		goto err_proc;

	pti_debugfs_dir = debugfs_create_dir("ptinspect", NULL);
	if (!IS_ERR(pti_debugfs_dir)) {
		debugfs_create_file("tasks", 0400, pti_debugfs_dir, NULL,
				    &pti_tasks_debugfs_fops);
		debugfs_create_file("vma", 0600, pti_debugfs_dir, NULL,
				    &pti_vma_debugfs_fops);
		debugfs_create_file("holds", 0400, pti_debugfs_dir, NULL,
				    &pti_holds_fops);
	}
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
