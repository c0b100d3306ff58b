// SPDX-License-Identifier: GPL-2.0
/*
 * rq_layout.c - find the runqueue members ptinspect reads in a kernel's
 * BTF.  Each member is named (with the names later kernels gave it), and
 * checked for kind, size and the struct it is or points to; anything
 * unexpected fails closed.  Plain C with no kernel calls, so the host unit
 * test builds it as is.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <stdio.h>
#include <string.h>
#define scnprintf snprintf
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#include "rq_layout.h"

#define PTI_SPEC(o, k, s, t, opt, f, ...) \
	{ o, { __VA_ARGS__ }, k, s, t, opt, offsetof(struct pti_rq_layout, f) }
#define REQUIRED	false
#define OPTIONAL	true

/* Grouped by owner: each struct is looked up once. */
const struct pti_rq_spec pti_rq_specs[] = {
	PTI_SPEC("rq", BTF_KIND_STRUCT, PTI_SZ_LOCK, "raw_spinlock", REQUIRED,
		 rq_lock, "__lock"),
	PTI_SPEC("rq", BTF_KIND_INT, PTI_SZ_4, NULL, REQUIRED, rq_nr_running,
		 "nr_running"),
	PTI_SPEC("rq", BTF_KIND_INT, PTI_SZ_8, NULL, REQUIRED, rq_nr_switches,
		 "nr_switches"),
	PTI_SPEC("rq", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL, rq_clock,
		 "clock"),
	PTI_SPEC("rq", BTF_KIND_PTR, PTI_SZ_PTR, "task_struct", REQUIRED,
		 rq_curr, "curr"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, PTI_SZ_ANY, "cfs_rq", REQUIRED, rq_cfs,
		 "cfs"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, PTI_SZ_ANY, "rt_rq", OPTIONAL, rq_rt,
		 "rt"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, PTI_SZ_ANY, "dl_rq", OPTIONAL, rq_dl,
		 "dl"),
	PTI_SPEC("rq", BTF_KIND_INT, PTI_SZ_4, NULL, REQUIRED, rq_cpu, "cpu"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, PTI_SZ_DL_ENTITY, "sched_dl_entity",
		 OPTIONAL, rq_fair_server, "fair_server"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, PTI_SZ_ANY, "scx_rq", OPTIONAL, rq_scx,
		 "scx"),
	PTI_SPEC("cfs_rq", BTF_KIND_STRUCT, PTI_SZ_LOAD_WEIGHT, "load_weight",
		 REQUIRED, cfs_load, "load"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, PTI_SZ_4, NULL, REQUIRED,
		 cfs_nr_running, "nr_running", "nr_queued"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, PTI_SZ_4, NULL, OPTIONAL,
		 cfs_h_nr_running, "h_nr_running", "h_nr_queued"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL,
		 cfs_min_vruntime, "min_vruntime"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL,
		 cfs_zero_vruntime, "zero_vruntime"),
	PTI_SPEC("cfs_rq", BTF_KIND_STRUCT, PTI_SZ_RB_ROOT_CACHED,
		 "rb_root_cached", REQUIRED, cfs_timeline, "tasks_timeline"),
	PTI_SPEC("cfs_rq", BTF_KIND_PTR, PTI_SZ_PTR, "sched_entity", REQUIRED,
		 cfs_curr, "curr"),
	PTI_SPEC("cfs_rq", BTF_KIND_PTR, PTI_SZ_PTR, "task_group", OPTIONAL,
		 cfs_tg, "tg"),
	PTI_SPEC("cfs_rq", BTF_KIND_PTR, PTI_SZ_PTR, "sched_entity", OPTIONAL,
		 cfs_h_curr, "h_curr"),
	PTI_SPEC("rt_rq", BTF_KIND_INT, PTI_SZ_4, NULL, OPTIONAL, rt_nr_running,
		 "rt_nr_running"),
	PTI_SPEC("rt_rq", BTF_KIND_STRUCT, PTI_SZ_ANY, "rt_prio_array",
		 OPTIONAL, rt_active, "active"),
	PTI_SPEC("rt_prio_array", BTF_KIND_ARRAY, PTI_SZ_RT_QUEUES, NULL,
		 OPTIONAL, rt_queues, "queue"),
	PTI_SPEC("dl_rq", BTF_KIND_INT, PTI_SZ_ANY_INT, NULL, OPTIONAL,
		 dl_nr_running, "dl_nr_running"),
	PTI_SPEC("scx_rq", BTF_KIND_INT, PTI_SZ_4, NULL, OPTIONAL,
		 scx_nr_running, "nr_running"),
	PTI_SPEC("dl_rq", BTF_KIND_STRUCT, PTI_SZ_RB_ROOT_CACHED,
		 "rb_root_cached", OPTIONAL, dl_root, "root"),
	PTI_SPEC("sched_entity", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL,
		 se_deadline, "deadline"),
	PTI_SPEC("sched_entity", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL,
		 se_vlag, "vlag"),
	PTI_SPEC("sched_entity", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL,
		 se_slice, "slice"),
	PTI_SPEC("sched_entity", BTF_KIND_INT, PTI_SZ_1, NULL, OPTIONAL,
		 se_delayed, "sched_delayed"),
	PTI_SPEC("sched_entity", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL,
		 se_min_vruntime, "min_vruntime"),
	PTI_SPEC("task_group", BTF_KIND_STRUCT, PTI_SZ_CSS,
		 "cgroup_subsys_state", OPTIONAL, tg_css, "css"),
	PTI_SPEC("task_group", BTF_KIND_PTR, PTI_SZ_PTR, "autogroup", OPTIONAL,
		 tg_autogroup, "autogroup"),
	PTI_SPEC("autogroup", BTF_KIND_INT, PTI_SZ_8, NULL, OPTIONAL, ag_id,
		 "id"),
};

#define PTI_OPTIONAL(f, n) { offsetof(struct pti_rq_layout, f), n }

/* The optional members the views show, by the names they show them. */
const struct pti_rq_optional pti_rq_optionals[] = {
	PTI_OPTIONAL(rq_clock, "clock"),
	PTI_OPTIONAL(cfs_h_nr_running, "cfs_h_nr_running"),
	PTI_OPTIONAL(cfs_min_vruntime, "cfs_min_vruntime"),
	PTI_OPTIONAL(cfs_zero_vruntime, "cfs_zero_vruntime"),
	PTI_OPTIONAL(rt_nr_running, "rt_nr_running"),
	PTI_OPTIONAL(rt_queues, "rt_queue"),
	PTI_OPTIONAL(dl_nr_running, "dl_nr_running"),
	PTI_OPTIONAL(dl_root, "dl_queue"),
	PTI_OPTIONAL(scx_nr_running, "ext_nr_running"),
	PTI_OPTIONAL(se_deadline, "deadline"),
	PTI_OPTIONAL(se_vlag, "vlag"),
	PTI_OPTIONAL(se_slice, "slice"),
	PTI_OPTIONAL(se_delayed, "delayed"),
};

const unsigned int pti_rq_nr_optionals = ARRAY_SIZE(pti_rq_optionals);
const unsigned int pti_rq_nr_specs = ARRAY_SIZE(pti_rq_specs);

/* Name of the struct @id is, or points to (@ptr), typedefs resolved. */
static const char *pti_btf_struct_name(const struct pti_btf *b, __u32 id,
				       bool ptr)
{
	const struct btf_type *t = pti_btf_type(b, pti_btf_resolve(b, id));

	if (t && ptr && BTF_INFO_KIND(t->info) == BTF_KIND_PTR)
		t = pti_btf_type(b, pti_btf_resolve(b, t->type));
	else if (ptr)
		return NULL;
	if (!t || (BTF_INFO_KIND(t->info) != BTF_KIND_STRUCT &&
		   BTF_INFO_KIND(t->info) != BTF_KIND_UNION))
		return NULL;
	return pti_btf_str(b, t->name_off);
}

static bool pti_rq_size_ok(const struct pti_rq_sizes *sizes,
			   enum pti_rq_size want, __u32 got)
{
	switch (want) {
	case PTI_SZ_ANY_INT:
		return got == 4 || got == 8;
	case PTI_SZ_ANY:
		return got > 0;
	default:
		return got == sizes->size[want];
	}
}

/*
 * @owner: the id of struct s->owner, or why it was not found.  The field
 * is at s->field in @base; why it failed goes to @why.
 */
static int pti_rq_resolve_one(const struct pti_btf *b,
			      const struct pti_rq_sizes *sizes,
			      const struct pti_rq_spec *s, int owner,
			      void *base, char *why, size_t why_len)
{
	struct pti_rq_field *f = (void *)((char *)base + s->field);
	struct pti_btf_member m;
	const char *target;
	unsigned int i;
	int err = -ENOENT;

	if (owner < 0) {
		if (s->optional && owner == -ENOENT)
			return 0;
		scnprintf(why, why_len, "struct %s: %s in BTF",
			  s->owner, owner == -ENOTUNIQ ? "not unique" : "not found");
		return owner;
	}
	for (i = 0; i < ARRAY_SIZE(s->names) && s->names[i]; i++) {
		err = pti_btf_member(b, owner, s->names[i], &m);
		if (err != -ENOENT)
			break;
	}
	if (err == -ENOENT && s->optional)
		return 0;
	if (err) {
		scnprintf(why, why_len, "%s.%s: %s", s->owner,
			  s->names[0], err == -ENOENT ? "no such member" : "a bitfield");
		return err;
	}
	target = s->target ? pti_btf_struct_name(b, m.type,
						 s->kind == BTF_KIND_PTR) : NULL;
	if (m.kind != s->kind || !pti_rq_size_ok(sizes, s->size, m.size) ||
	    (s->target && (!target || strcmp(target, s->target)))) {
		scnprintf(why, why_len,
			  "%s.%s: unexpected type (kind %u, %u bytes)", s->owner,
			  s->names[i], m.kind, m.size);
		return -EINVAL;
	}
	f->off = m.offset;
	f->size = m.size;
	f->present = true;
	return 0;
}

int pti_layout_resolve_specs(const struct pti_btf *b,
			     const struct pti_rq_sizes *given,
			     const struct pti_rq_spec *specs, unsigned int n,
			     void *base, char *why, size_t why_len)
{
	struct pti_rq_sizes sizes = *given;
	const char *owner_name = NULL;
	int owner = -ENOENT, err;
	unsigned int i;

	sizes.size[PTI_SZ_1] = 1;
	sizes.size[PTI_SZ_4] = 4;
	sizes.size[PTI_SZ_8] = 8;
	sizes.size[PTI_SZ_PTR] = sizeof(void *);
	for (i = 0; i < n; i++) {
		const struct pti_rq_spec *s = &specs[i];

		if (!owner_name || strcmp(owner_name, s->owner)) {
			owner_name = s->owner;
			owner = pti_btf_find(b, BTF_KIND_STRUCT, owner_name);
		}
		err = pti_rq_resolve_one(b, &sizes, s, owner, base, why,
					 why_len);
		if (err)
			return err;
	}
	return 0;
}

int pti_rq_layout_resolve(const struct pti_btf *b,
			  const struct pti_rq_sizes *given,
			  struct pti_rq_layout *l)
{
	struct pti_btf_member core;
	__u32 rq_var_size;
	int rq, err;

	memset(l, 0, sizeof(*l));
	rq = pti_btf_find(b, BTF_KIND_STRUCT, "rq");
	err = pti_layout_resolve_specs(b, given, pti_rq_specs,
				       ARRAY_SIZE(pti_rq_specs), l, l->why,
				       sizeof(l->why));
	if (err)
		return err;
	l->rq_size = pti_btf_size(b, rq);
	/* A queue is only walked with all of its parts. */
	if (!l->rq_rt.present || !l->rt_active.present)
		l->rt_queues.present = false;
	if (!l->rq_dl.present)
		l->dl_root.present = false;
	if (!l->rq_scx.present)
		l->scx_nr_running.present = false;
	/* With core scheduling rq->__lock may not be the lock in use. */
	if (pti_btf_member(b, rq, "core", &core) == 0) {
		scnprintf(l->why, sizeof(l->why), "%s",
			  "core scheduling kernel (rq->core): not supported");
		return -EOPNOTSUPP;
	}
	if (pti_btf_var_offset(b, ".data..percpu", "runqueues",
			       &l->runqueues_off, &rq_var_size) ||
	    pti_btf_var_offset(b, ".data..percpu", PTI_RQ_ANCHOR,
			       &l->anchor_off, &l->anchor_size)) {
		scnprintf(l->why, sizeof(l->why), "%s",
			  "runqueues or " PTI_RQ_ANCHOR ": not in BTF's .data..percpu");
		return -ENOENT;
	}
	if (rq_var_size != l->rq_size) {
		scnprintf(l->why, sizeof(l->why),
			  "runqueues is %u bytes, struct rq %u: BTF not consistent",
			  rq_var_size, l->rq_size);
		return -EINVAL;
	}
	return 0;
}
