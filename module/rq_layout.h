/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rq_layout.h - where the scheduler's private runqueue members are, found
 * by name in a kernel's BTF and checked for kind, size and target struct.
 * Built into the module and, unchanged, into a host unit test that runs it
 * on other kernels' BTF (a 6.18 with EEVDF and nr_queued, say).
 */
#ifndef PTI_RQ_LAYOUT_H
#define PTI_RQ_LAYOUT_H

#include "btf_parse.h"

/*
 * The exported per-CPU variable whose address anchors runqueues' offset.
 * kernel_cpustat is generic and exported on every release; x86's
 * cpu_number moved into pcpu_hot in 6.2 (and out again later), so it
 * anchors nothing portably.
 */
#define PTI_RQ_ANCHOR "kernel_cpustat"

/* Where one member is, once resolved; !present if this kernel lacks it. */
struct pti_rq_field {
	__u32 off, size;
	bool present;
};

/*
 * The sizes of public kernel types that the private members embed, as the
 * caller knows them (the module: sizeof; the host test: its BTF).
 */
enum pti_rq_size {
	PTI_SZ_ANY_INT,		/* 4 or 8 bytes */
	PTI_SZ_1,
	PTI_SZ_4,
	PTI_SZ_8,
	PTI_SZ_PTR,
	PTI_SZ_ANY,		/* a struct of whatever size BTF says */
	PTI_SZ_LOCK,		/* raw_spinlock_t */
	PTI_SZ_LOAD_WEIGHT,	/* struct load_weight */
	PTI_SZ_RB_ROOT_CACHED,	/* struct rb_root_cached */
	PTI_SZ_CSS,		/* struct cgroup_subsys_state */
	PTI_SZ_RT_QUEUES,	/* struct list_head[MAX_RT_PRIO] */
	PTI_SZ_DL_ENTITY,	/* struct sched_dl_entity */
	PTI_SZ_NR
};

struct pti_rq_sizes {
	__u32 size[PTI_SZ_NR];	/* the first five are filled in for you */
};

/* Everything the walk needs to know about the private structures. */
struct pti_rq_layout {
	char why[160];		/* why resolving failed */
	__u32 rq_size;		/* sizeof(struct rq) */
	__u32 runqueues_off;	/* runqueues' offset in .data..percpu */
	__u32 anchor_off;	/* PTI_RQ_ANCHOR's offset there */
	__u32 anchor_size;	/* and its size */
	struct pti_rq_field rq_lock, rq_nr_running, rq_nr_switches, rq_clock,
		rq_curr, rq_cfs, rq_rt, rq_dl, rq_cpu, rq_fair_server;
	struct pti_rq_field cfs_load, cfs_nr_running, cfs_h_nr_running,
		cfs_min_vruntime, cfs_timeline, cfs_curr, cfs_tg;
	/*
	 * min_vruntime gave way to zero_vruntime (6.19, and the stable
	 * releases it went to: Debian's 6.12 has it).  h_curr comes with the
	 * flat hierarchy (7.x): every task queued on rq->cfs itself, its
	 * group's cfs_rq only accounting for it.
	 */
	struct pti_rq_field cfs_zero_vruntime, cfs_h_curr;
	struct pti_rq_field rt_nr_running, rt_active, rt_queues;
	struct pti_rq_field dl_nr_running, dl_root;
	/* sched_ext (6.12+): the rq's scx_rq and its count of tasks. */
	struct pti_rq_field rq_scx, scx_nr_running;
	/*
	 * EEVDF (6.6+) and delayed dequeue (6.12+): absent before.  The
	 * entity's own min_vruntime is the augmented tree's (6.8+), which
	 * came with the timeline sorted by deadline instead of vruntime.
	 */
	struct pti_rq_field se_deadline, se_vlag, se_slice, se_delayed,
		se_min_vruntime;
	struct pti_rq_field tg_css, tg_autogroup, ag_id;
};

/*
 * A member to resolve: in struct @owner, the first of @names present, of
 * BTF kind @kind and size @size.  For a struct member @target names its
 * struct; for a pointer, the struct it points to.
 */
struct pti_rq_spec {
	const char *owner;
	const char *names[3];
	__u32 kind;
	enum pti_rq_size size;
	const char *target;
	bool optional;
	size_t field;		/* offsetof() in the layout it fills */
};

extern const struct pti_rq_spec pti_rq_specs[];
extern const unsigned int pti_rq_nr_specs;

/* An optional member and the name it is reported under when absent. */
struct pti_rq_optional {
	size_t field;		/* offsetof(struct pti_rq_layout, ...) */
	const char *name;
};

extern const struct pti_rq_optional pti_rq_optionals[];
extern const unsigned int pti_rq_nr_optionals;

/*
 * Resolve @n specs, each into the struct pti_rq_field at its ->field in
 * @base.  Returns 0, or a negative errno with the reason in @why.  Shared
 * with the other private layouts (task_name.c).
 */
int pti_layout_resolve_specs(const struct pti_btf *b,
			     const struct pti_rq_sizes *sizes,
			     const struct pti_rq_spec *specs, unsigned int n,
			     void *base, char *why, size_t why_len);

/*
 * Resolve every member the runqueue walk reads.  Returns 0, or a negative
 * errno with the reason in l->why (a required member missing or of the
 * wrong type, a name several types share, a core-scheduling kernel, no
 * runqueues in .data..percpu).  Optional members a kernel lacks stay
 * !present.
 */
int pti_rq_layout_resolve(const struct pti_btf *b,
			  const struct pti_rq_sizes *sizes,
			  struct pti_rq_layout *l);

/* The field at @field, an offsetof() from a spec or optional. */
static inline const struct pti_rq_field *
pti_rq_field_of(const struct pti_rq_layout *l, size_t field)
{
	return (const void *)((const char *)l + field);
}

#endif
