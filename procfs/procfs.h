/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs.h - the views (procfs/): records from the walkers (module/,
 * ptinspect.h) to text under /proc/ptinspect and debugfs, and the module's
 * entry point (procfs/main.c), which sits above both.
 */
#ifndef PTI_PROCFS_H
#define PTI_PROCFS_H

#include <linux/seq_file.h>
#include "ptinspect.h"

/**
 * struct pti_view_file - one file ptinspect shows, as its entry's data
 * @seq: its seq_file operations (PTI_VIEW_SEQ()); or
 * @show: the one show() of a file printed whole at once (single_open())
 * @size: the size of its seq_file's private data, zeroed at open (0: none)
 * @open: fill the private data @priv (NULL: nothing to fill); @ns is the
 *        pid namespace pids are read and shown in, @debugfs says where
 *        the file is.  On failure it undoes its own work.
 * @choose: take a line written to the file (NULL: writes fail with -EIO)
 * @ioctl: an ioctl on the file (NULL: -ENOTTY)
 * @release: drop what @open took (NULL: nothing)
 *
 * Every file is opened, written, and released by view_file.c's one set of
 * operations: pti_view_proc_ops, pti_view_debugfs_fops.
 */
struct pti_view_file {
	const struct seq_operations seq;
	int (*show)(struct seq_file *m, void *v);
	size_t size;
	int (*open)(struct file *file, void *priv, struct pid_namespace *ns,
		    bool debugfs);
	int (*choose)(struct seq_file *m, const char __user *buf, size_t count);
	long (*ioctl)(struct seq_file *m, unsigned int cmd, unsigned long arg);
	void (*release)(void *priv);
};

/*
 * PTI_VIEW_SEQ() - the seq_operations of the view @name: its own
 * @name##_start(), @name##_next() and @name##_show(), and @stop_fn (views
 * of one chosen address space share pti_chosen_mm_seq_stop()).
 */
#define PTI_VIEW_SEQ(name, stop_fn) {		\
	.start = name##_start,			\
	.next = name##_next,			\
	.stop = stop_fn,			\
	.show = name##_show,			\
}

extern const struct proc_ops pti_view_proc_ops;
extern const struct file_operations pti_view_debugfs_fops;

/* procfs/pidfile.c: views that show one chosen task */
struct pti_pid_choice {
	struct pid_namespace *ns;
	struct pid *target;
};

int pti_pid_parse(const char *text, int *nr);
int pti_pid_from_user(const char __user *buf, size_t count, int *nr);
struct pid *pti_pid_get(struct pid_namespace *ns, int nr);
/*
 * A pti_view_file's open, choose and release for private data that
 * begins with struct pti_pid_choice: task's and share's.
 */
int pti_pid_choice_open(struct file *file, void *priv,
			struct pid_namespace *ns, bool debugfs);
int pti_pid_choice_choose(struct seq_file *m, const char __user *buf,
			  size_t count);
void pti_pid_choice_release(void *priv);

/*
 * PTI_PID_CHOICE_VIEW() - a pti_view_file's members after its seq or show
 * for private data @type, whose first member is struct pti_pid_choice
 * choice (the build fails if it is not).
 */
#define PTI_PID_CHOICE_VIEW(type)					\
	.size = sizeof(type) + BUILD_BUG_ON_ZERO(offsetof(type, choice)), \
	.open = pti_pid_choice_open,					\
	.choose = pti_pid_choice_choose,				\
	.release = pti_pid_choice_release

/* procfs/chosen_mm.c: views that show one chosen address space */
struct pti_chosen_mm {
	struct pid_namespace *ns;	/* written pids are read in it */
	struct mm_struct *mm;	/* mmgrab()bed, or NULL: none chosen */
	int pid, tgid;		/* the pid chosen, and its process */
	unsigned long start, end;	/* the addresses asked about */
	enum pti_hold_view hold;	/* what the lock's holds count as */
	u64 locked_since;	/* pti_hold_begin() when it was taken */
	bool locked;		/* mmget + mmap read lock held */
};

void pti_chosen_mm_open(struct pti_chosen_mm *c, struct pid_namespace *ns,
			enum pti_hold_view hold, bool own);
void pti_chosen_mm_seq_stop(struct seq_file *m, void *v);
void pti_chosen_mm_release(void *priv);
int pti_chosen_mm_parse(const char __user *buf, size_t count, int *nr,
			unsigned long *addrs, int max);
int pti_chosen_mm_choose(struct seq_file *m, struct pti_chosen_mm *c, int nr,
			 unsigned long start, unsigned long end);
int pti_chosen_mm_lock(struct pti_chosen_mm *c);
void pti_chosen_mm_unlock(struct pti_chosen_mm *c);

/*
 * PTI_CHOSEN_MM_VIEW() - a pti_view_file's members after its seq or show
 * for the view @name of one chosen address space: its own @name##_open()
 * and @name##_choose(), private data @type whose first member is struct
 * pti_chosen_mm target (the build fails if it is not), and
 * pti_chosen_mm_release().
 */
#define PTI_CHOSEN_MM_VIEW(name, type)					\
	.size = sizeof(type) + BUILD_BUG_ON_ZERO(offsetof(type, target)), \
	.open = name##_open,						\
	.choose = name##_choose,					\
	.release = pti_chosen_mm_release

/* procfs/record.c: the column tables are ptinspect_format.h's */
void pti_seq_header(struct seq_file *m, const struct pti_column *cols,
		    int n, bool last);
void pti_seq_header_of(struct seq_file *m, const struct pti_column *cols,
		       int n, u64 columns, bool last);
void pti_seq_record(struct seq_file *m, const struct pti_column *cols,
		    int n, const void *rec, bool last);
void pti_seq_record_of(struct seq_file *m, const struct pti_column *cols,
		       int n, u64 columns, const void *rec, bool last);
void pti_seq_fields(struct seq_file *m, const struct pti_column *cols,
		    int n, const void *rec);

/* each view's file: procfs/<name>.c, debugfs' holds in dirs.c */
extern const struct pti_view_file pti_tasks_view_file;
extern const struct pti_view_file pti_vma_view_file;
extern const struct pti_view_file pti_flags_view_file;
extern const struct pti_view_file pti_task_view_file;
extern const struct pti_view_file pti_share_view_file;
extern const struct pti_view_file pti_runqueues_view_file;
extern const struct pti_view_file pti_pages_view_file;
extern const struct pti_view_file pti_walk_view_file;
extern const struct pti_view_file pti_kernel_view_file;
extern const struct pti_view_file pti_format_view_file;

/* procfs/dirs.c */
int pti_views_create(void);
void pti_views_remove(void);

#endif /* PTI_PROCFS_H */
