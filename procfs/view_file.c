// SPDX-License-Identifier: GPL-2.0
/*
 * view_file.c - one set of file operations for every file ptinspect
 * shows, under /proc/ptinspect and in debugfs.  Each file's entry carries
 * its view (struct pti_view_file, procfs.h) as its data, as the files
 * proc_create_seq_private() makes carry their seq_operations: open, a
 * written choice, ioctl and release are done here once, and a view says
 * only what is its own.
 */
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "procfs.h"

/* Free the seq_file pti_view_open() made, and its private data. */
static int pti_view_free(struct inode *inode, struct file *file,
			 const struct pti_view_file *view)
{
	struct seq_file *m = file->private_data;

	if (!view->show)
		return seq_release_private(inode, file);
	kfree(m->private);
	return single_release(inode, file);
}

/*
 * Open @view's seq_file, its private data zeroed, then let the view fill
 * it.  @ns: the pid namespace pids are read and shown in.  A view's
 * open() that fails has undone its own work; what is left is undone here.
 */
static int pti_view_open(struct file *file, const struct pti_view_file *view,
			 struct pid_namespace *ns, bool debugfs)
{
	void *priv = NULL;
	int err;

	if (view->show) {
		if (view->size) {
			priv = kzalloc(view->size, GFP_KERNEL_ACCOUNT);
			if (!priv)
				return -ENOMEM;
		}
		err = single_open(file, view->show, priv);
		if (err) {
			kfree(priv);
			return err;
		}
	} else {
		priv = __seq_open_private(file, &view->seq, view->size);
		if (!priv)
			return -ENOMEM;
	}
	err = view->open ? view->open(file, priv, ns, debugfs) : 0;
	if (err)
		pti_view_free(file_inode(file), file, view);
	return err;
}

/*
 * A written line is the view's to read: a pid, or a pid and addresses.
 * Once taken, *@ppos is rewound (the caller stores it into f_pos), so
 * the next read shows the new choice from its start.
 */
static ssize_t pti_view_write(struct file *file,
			      const struct pti_view_file *view,
			      const char __user *buf, size_t count,
			      loff_t *ppos)
{
	int err;

	if (!view->choose)
		return -EIO;
	err = view->choose(file->private_data, buf, count);
	if (err)
		return err;
	*ppos = 0;
	return count;
}

static int pti_view_release(struct inode *inode, struct file *file,
			    const struct pti_view_file *view)
{
	struct seq_file *m = file->private_data;

	if (view->release)
		view->release(m->private);
	return pti_view_free(inode, file, view);
}

/* A /proc/ptinspect file's view is its proc entry's data. */
static const struct pti_view_file *pti_proc_view(struct file *file)
{
	return pde_data(file_inode(file));
}

static int pti_view_proc_open(struct inode *inode, struct file *file)
{
	return pti_view_open(file, pde_data(inode), proc_pid_ns(inode->i_sb),
			     false);
}

static ssize_t pti_view_proc_write(struct file *file, const char __user *buf,
				   size_t count, loff_t *ppos)
{
	return pti_view_write(file, pti_proc_view(file), buf, count, ppos);
}

static long pti_view_proc_ioctl(struct file *file, unsigned int cmd,
				unsigned long arg)
{
	const struct pti_view_file *view = pti_proc_view(file);

	if (!view->ioctl)
		return -ENOTTY;
	return view->ioctl(file->private_data, cmd, arg);
}

static int pti_view_proc_release(struct inode *inode, struct file *file)
{
	return pti_view_release(inode, file, pde_data(inode));
}

const struct proc_ops pti_view_proc_ops = {
	.proc_open = pti_view_proc_open,
	.proc_read_iter = seq_read_iter,
	.proc_write = pti_view_proc_write,
	.proc_lseek = seq_lseek,
	.proc_ioctl = pti_view_proc_ioctl,
	/* the only ioctl's argument points to a __u64, as in a 32-bit task */
	.proc_compat_ioctl = compat_ptr_ioctl,
	.proc_release = pti_view_proc_release,
};

/* A debugfs file's view is its inode's private data. */
static int pti_view_debugfs_open(struct inode *inode, struct file *file)
{
	/* debugfs has no pid namespace of its own: the opener's is used */
	return pti_view_open(file, inode->i_private,
			     task_active_pid_ns(current), true);
}

static ssize_t pti_view_debugfs_write(struct file *file,
				      const char __user *buf, size_t count,
				      loff_t *ppos)
{
	return pti_view_write(file, file_inode(file)->i_private, buf, count,
			      ppos);
}

static int pti_view_debugfs_release(struct inode *inode, struct file *file)
{
	return pti_view_release(inode, file, inode->i_private);
}

const struct file_operations pti_view_debugfs_fops = {
	.owner = THIS_MODULE,
	.open = pti_view_debugfs_open,
	/* debugfs' proxy forwards .read, not .read_iter */
	.read = seq_read,
	.write = pti_view_debugfs_write,
	.llseek = seq_lseek,
	.release = pti_view_debugfs_release,
};
