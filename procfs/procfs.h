/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs.h - the views (procfs/): records from the walkers (module/,
 * ptinspect.h) to text under /proc/ptinspect and debugfs, and the module's
 * entry point (procfs/main.c), which sits above both.
 */
#ifndef PTI_PROCFS_H
#define PTI_PROCFS_H

#include "ptinspect.h"

/* procfs/pidfile.c: views that show one chosen task */
struct pti_pid_choice {
	struct pid_namespace *ns;
	struct pid *target;
};

int pti_pid_parse(const char *text, int *nr);
int pti_pid_from_user(const char __user *buf, size_t count, int *nr);
struct pid *pti_pid_get(struct pid_namespace *ns, int nr);

/*
 * One pid-chosen view, the data proc_create_data() is given with
 * pti_choice_proc_ops: its seq_file operations and the size of its
 * private data, which begins with struct pti_pid_choice.
 */
struct pti_choice_kind {
	const struct seq_operations *ops;
	size_t size;
};

extern const struct proc_ops pti_choice_proc_ops;

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
void pti_chosen_mm_close(struct pti_chosen_mm *c);
void pti_chosen_mm_seq_stop(struct seq_file *m, void *v);
int pti_chosen_mm_seq_release(struct inode *inode, struct file *file);
int pti_chosen_mm_parse(const char __user *buf, size_t count, int *nr,
			unsigned long *addrs, int max);
int pti_chosen_mm_choose(struct seq_file *m, struct pti_chosen_mm *c, int nr,
			 unsigned long start, unsigned long end);
int pti_chosen_mm_lock(struct pti_chosen_mm *c);
void pti_chosen_mm_unlock(struct pti_chosen_mm *c);

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

/* procfs/tasks.c */
extern const struct proc_ops pti_tasks_proc_ops;
extern const struct file_operations pti_tasks_debugfs_fops;

/* procfs/vma.c */
extern const struct proc_ops pti_vma_proc_ops;
extern const struct file_operations pti_vma_debugfs_fops;

/* procfs/flags.c */
extern const struct proc_ops pti_flags_proc_ops;

/* procfs/task.c, procfs/share.c: pid-chosen views */
extern const struct pti_choice_kind pti_task_choice;
extern const struct pti_choice_kind pti_share_choice;

/* procfs/runqueues.c */
extern const struct proc_ops pti_runqueues_proc_ops;

/* procfs/pages.c, procfs/walk.c, procfs/kernel.c */
extern const struct proc_ops pti_pages_proc_ops;
extern const struct proc_ops pti_walk_proc_ops;
extern const struct proc_ops pti_kernel_proc_ops;

/* procfs/format.c */
extern const struct proc_ops pti_format_proc_ops;

/* procfs/dirs.c */
int pti_views_create(void);
void pti_views_remove(void);

#endif /* PTI_PROCFS_H */
