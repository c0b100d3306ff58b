/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The walkers' API (module/): what procfs/ calls to fill records.  The
 * walkers call nothing of procfs/ (procfs/procfs.h).
 */
#ifndef PTINSPECT_H
#define PTINSPECT_H

#include <linux/seq_file.h>
#include "ptinspect_format.h"

struct pid_namespace;
struct task_struct;
struct user_namespace;

#define PTI_VERSION "0.1.0"

/* A flag bit and its name, for decoding flag words. */
struct pti_flag_name {
	unsigned long flag;
	const char *name;
};

/*
 * A flag word's bit names, listed by /proc/ptinspect/flags under @column,
 * the column holding the word.  Entries whose bit is 0 (not configured,
 * or not on this release) name nothing, unless the set is @enumerated:
 * then each entry names one value of the column, 0 included.
 */
struct pti_flag_set {
	const char *column;
	const struct pti_flag_name *names;
	size_t n;
	bool enumerated;
};

/* task_walk.c */
extern const struct pti_flag_set pti_task_flag_set;
extern const struct pti_flag_set pti_policy_set;
void pti_decode_flags(char *buf, size_t size, unsigned long flags,
		      const struct pti_flag_name *names, size_t n);
struct task_struct *pti_task_next(struct pid_namespace *ns, int *nr);
struct task_struct *pti_task_at(struct pid_namespace *ns, loff_t *pos,
				bool (*shown)(const void *arg,
					      struct task_struct *task),
				const void *arg);
void pti_task_fill(struct pti_task *rec, struct task_struct *task,
		   struct pid_namespace *ns, struct user_namespace *uns);
void pti_task_fill_some(struct pti_task *rec, struct task_struct *task,
			struct pid_namespace *ns, struct user_namespace *uns,
			u64 columns);
void pti_task_fill_debug(struct pti_task_debug *rec, struct task_struct *task,
			 struct pid_namespace *ns, struct user_namespace *uns);

/* task_name.c */
struct pti_btf;
void pti_task_name(char *buf, size_t size, struct task_struct *task,
		   const char *comm);
void pti_task_names_init(const struct pti_btf *b, bool trusted);

/* vma_walk.c */
extern const struct pti_flag_set pti_vm_flag_set;
struct mm_struct;
struct vm_area_struct;
int pti_mm_select(struct pid_namespace *ns, int nr, struct mm_struct **mmp,
		  int *tgid);
void pti_mm_arg_env(struct mm_struct *mm, u64 *arg_start, u64 *arg_end,
		    u64 *env_start, u64 *env_end);
void pti_mm_fill(struct pti_mm *rec, struct mm_struct *mm, bool kaddrs);
void pti_vma_fill(struct pti_vma *rec, struct vm_area_struct *vma,
		  struct mm_struct *mm, bool kaddrs);

/* page_walk.c */
bool pti_page_find(struct vm_area_struct *vma, unsigned long addr,
		   unsigned long end, struct pti_page *rec, bool show_pfn);
#define PTI_WALK_MAX_STEPS	5
int pti_page_walk(struct vm_area_struct *vma, unsigned long addr,
		  struct pti_walk_step *steps, bool show_raw);

/* kernel_layout.c */
#define PTI_MAX_REGIONS	16
void pti_kernel_fill(struct pti_kernel *k, bool addresses);
int pti_regions_fill(struct pti_region *r, int max, bool addresses);

/* task_detail.c */
struct pid;
int pti_detail_fill(struct pti_detail *d, struct pid *target,
		    struct pid_namespace *ns, struct user_namespace *uns);
void pti_share_fill(struct pti_share *s, struct task_struct *task,
		    struct task_struct *target, struct pid_namespace *ns);

/* hold_stats.c: how long each view holds its lock or RCU section */
enum pti_hold_view {
	PTI_HOLD_TASKS,
	PTI_HOLD_VMA,
	PTI_HOLD_RUNQUEUES,
	PTI_HOLD_PAGES,
	PTI_HOLD_WALK,
	PTI_HOLD_NR
};

u64 pti_hold_begin(void);
void pti_hold_end(enum pti_hold_view view, u64 since);
void pti_hold_truncated(enum pti_hold_view view);
int pti_hold_show(struct seq_file *m, void *v);

/* runqueue.c: one CPU's runqueue and CFS entities, copied */
struct pti_node_index;

struct pti_rq_snapshot {
	struct pti_rq rq;
	struct pti_se *se;	/* s->n of them, at most s->max */
	void *raw;		/* the walk's private notes, per entity */
	struct pti_node_index *by_node;	/* room to find records by node */
	void *cursor;		/* where a copy over several holds stands */
	int n, max;
};

void pti_runqueues_init(void);
const char *pti_runqueues_unavailable(void);
struct pti_rq_snapshot *pti_rq_snapshot_alloc(int max);
void pti_rq_snapshot_free(struct pti_rq_snapshot *s);
int pti_rq_snapshot_fill(struct pti_rq_snapshot *s, int cpu);

#endif /* PTINSPECT_H */
