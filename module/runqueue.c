// SPDX-License-Identifier: GPL-2.0
/*
 * runqueue.c - every CPU's runqueue and its CFS trees.
 *
 * struct rq and struct cfs_rq are private to kernel/sched, and the per-CPU
 * runqueues variable is not exported.  At load the module reads the running
 * kernel's own BTF, finds the members it needs (each checked for type and
 * size) and the per-CPU offset of runqueues, anchored through the exported
 * per-CPU variable cpu_number.  If anything is missing the view says why
 * and the rest of the module works.  struct sched_entity is public
 * (linux/sched.h) and read directly.
 */
#include <linux/btf.h>
#include <linux/cgroup.h>
#include <linux/kernel_read_file.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include "btf_parse.h"
#include "ptinspect.h"

/* Where the kernel's BTF is read from; tests point it elsewhere. */
static char *btf_path = "/sys/kernel/btf/vmlinux";
module_param(btf_path, charp, 0444);
MODULE_PARM_DESC(btf_path, "kernel BTF to resolve runqueue layouts from");

#define PTI_BTF_MAX_SIZE	(64 << 20)
#define PTI_CFS_MAX_DEPTH	8	/* nested task groups followed */

/* Where one member is, once resolved; !present if this kernel lacks it. */
struct pti_rq_field {
	u32 off, size;
	bool present;
};

/* Everything the walk needs to know about the private structures. */
struct pti_rq_layout {
	bool ready;
	char why[160];
	unsigned long runqueues;	/* per-CPU pointer value */
	struct pti_rq_field rq_lock, rq_nr_running, rq_nr_switches, rq_clock,
		rq_curr, rq_cfs, rq_rt, rq_dl, rq_cpu;
	struct pti_rq_field cfs_load, cfs_nr_running, cfs_h_nr_running,
		cfs_min_vruntime, cfs_timeline, cfs_curr, cfs_tg;
	struct pti_rq_field rt_nr_running, dl_nr_running;
	struct pti_rq_field tg_css, tg_autogroup, ag_id;
};

static struct pti_rq_layout pti_rql;

/*
 * A member to resolve: in struct @owner, the first of @names present, of
 * BTF kind @kind and @size bytes (0: 4 or 8 for an integer).  For a struct
 * member @target names its struct; for a pointer, the struct it points to.
 */
struct pti_rq_spec {
	const char *owner;
	const char *names[3];
	u32 kind, size;
	const char *target;
	bool optional;
	size_t field;		/* offsetof(struct pti_rq_layout, ...) */
};

#define PTI_SPEC(o, k, s, t, opt, f, ...) \
	{ o, { __VA_ARGS__ }, k, s, t, opt, offsetof(struct pti_rq_layout, f) }

static const struct pti_rq_spec pti_rq_specs[] = {
	PTI_SPEC("rq", BTF_KIND_STRUCT, sizeof(raw_spinlock_t), "raw_spinlock",
		 false, rq_lock, "__lock"),
	PTI_SPEC("rq", BTF_KIND_INT, 4, NULL, false, rq_nr_running,
		 "nr_running"),
	PTI_SPEC("rq", BTF_KIND_INT, 8, NULL, false, rq_nr_switches,
		 "nr_switches"),
	PTI_SPEC("rq", BTF_KIND_INT, 8, NULL, true, rq_clock, "clock"),
	PTI_SPEC("rq", BTF_KIND_PTR, sizeof(void *), "task_struct", false,
		 rq_curr, "curr"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, 0, "cfs_rq", false, rq_cfs, "cfs"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, 0, "rt_rq", true, rq_rt, "rt"),
	PTI_SPEC("rq", BTF_KIND_STRUCT, 0, "dl_rq", true, rq_dl, "dl"),
	PTI_SPEC("rq", BTF_KIND_INT, 4, NULL, false, rq_cpu, "cpu"),
	PTI_SPEC("cfs_rq", BTF_KIND_STRUCT, sizeof(struct load_weight),
		 "load_weight", false, cfs_load, "load"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, 4, NULL, false, cfs_nr_running,
		 "nr_running", "nr_queued"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, 4, NULL, true, cfs_h_nr_running,
		 "h_nr_running", "h_nr_queued"),
	PTI_SPEC("cfs_rq", BTF_KIND_INT, 8, NULL, true, cfs_min_vruntime,
		 "min_vruntime"),
	PTI_SPEC("cfs_rq", BTF_KIND_STRUCT, sizeof(struct rb_root_cached),
		 "rb_root_cached", false, cfs_timeline, "tasks_timeline"),
	PTI_SPEC("cfs_rq", BTF_KIND_PTR, sizeof(void *), "sched_entity", false,
		 cfs_curr, "curr"),
	PTI_SPEC("cfs_rq", BTF_KIND_PTR, sizeof(void *), "task_group", true,
		 cfs_tg, "tg"),
	PTI_SPEC("rt_rq", BTF_KIND_INT, 4, NULL, true, rt_nr_running,
		 "rt_nr_running"),
	PTI_SPEC("dl_rq", BTF_KIND_INT, 0, NULL, true, dl_nr_running,
		 "dl_nr_running"),
	PTI_SPEC("task_group", BTF_KIND_STRUCT,
		 sizeof(struct cgroup_subsys_state), "cgroup_subsys_state", true,
		 tg_css, "css"),
	PTI_SPEC("task_group", BTF_KIND_PTR, sizeof(void *), "autogroup", true,
		 tg_autogroup, "autogroup"),
	PTI_SPEC("autogroup", BTF_KIND_INT, 8, NULL, true, ag_id, "id"),
};

/* Name of the struct @id is, or points to (@ptr), typedefs resolved. */
static const char *pti_btf_struct_name(const struct pti_btf *b, u32 id,
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

/* @owner: the id of struct s->owner, or why it was not found. */
static int pti_rq_resolve_one(const struct pti_btf *b,
			      const struct pti_rq_spec *s, int owner,
			      struct pti_rq_layout *l)
{
	struct pti_rq_field *f = (void *)((char *)l + s->field);
	struct pti_btf_member m;
	const char *target;
	int i, err = -ENOENT;

	if (owner < 0) {
		if (s->optional)
			return 0;
		scnprintf(l->why, sizeof(l->why), "struct %s: %s in BTF",
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
		scnprintf(l->why, sizeof(l->why), "%s.%s: %s", s->owner,
			  s->names[0], err == -ENOENT ? "no such member" : "a bitfield");
		return err;
	}
	target = s->target ? pti_btf_struct_name(b, m.type,
						 s->kind == BTF_KIND_PTR) : NULL;
	if (m.kind != s->kind ||
	    (s->size && m.size != s->size) ||
	    (!s->size && s->kind == BTF_KIND_INT && m.size != 4 && m.size != 8) ||
	    (s->target && (!target || strcmp(target, s->target)))) {
		scnprintf(l->why, sizeof(l->why),
			  "%s.%s: unexpected type (kind %u, %u bytes)", s->owner,
			  s->names[i], m.kind, m.size);
		return -EINVAL;
	}
	f->off = m.offset;
	f->size = m.size;
	f->present = true;
	return 0;
}

static int pti_rq_resolve(const struct pti_btf *b, struct pti_rq_layout *l)
{
	struct pti_btf_member core;
	u32 rq_off, anchor_off;
	const char *owner_name = NULL;
	int owner = -ENOENT, rq = -ENOENT, i, err;

	/* Each lookup scans every type: once per struct, not per member. */
	for (i = 0; i < ARRAY_SIZE(pti_rq_specs); i++) {
		const struct pti_rq_spec *s = &pti_rq_specs[i];

		if (!owner_name || strcmp(owner_name, s->owner)) {
			owner_name = s->owner;
			owner = pti_btf_find(b, BTF_KIND_STRUCT, owner_name);
			if (strcmp(owner_name, "rq") == 0)
				rq = owner;
		}
		err = pti_rq_resolve_one(b, s, owner, l);
		if (err)
			return err;
	}
	/* With core scheduling rq->__lock may not be the lock in use. */
	if (pti_btf_member(b, rq, "core", &core) == 0) {
		strscpy(l->why, "core scheduling kernel (rq->core): not supported",
			sizeof(l->why));
		return -EOPNOTSUPP;
	}
	if (pti_btf_var_offset(b, ".data..percpu", "runqueues", &rq_off) ||
	    pti_btf_var_offset(b, ".data..percpu", "cpu_number", &anchor_off)) {
		strscpy(l->why, "runqueues or cpu_number: not in BTF's .data..percpu",
			sizeof(l->why));
		return -ENOENT;
	}
	/* Per-CPU symbols are offsets into the per-CPU area: one known
	 * variable's address and BTF offset give everyone else's.
	 */
	l->runqueues = (unsigned long)&cpu_number - anchor_off + rq_off;
	return 0;
}

static void *pti_rq_of(int cpu)
{
	return per_cpu_ptr((void __percpu *)pti_rql.runqueues, cpu);
}

/* Every possible CPU's rq must say it is that CPU's, or nothing is used. */
static int pti_rq_verify(struct pti_rq_layout *l)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		int seen = READ_ONCE(*(int *)((char *)pti_rq_of(cpu) +
					      l->rq_cpu.off));

		if (seen != cpu) {
			scnprintf(l->why, sizeof(l->why),
				  "runqueues of CPU %d says CPU %d: layout not trusted",
				  cpu, seen);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * pti_runqueues_init() - resolve the runqueue layout from the kernel's BTF
 *
 * Never fails the module load: on any problem the runqueue view reports
 * the reason (pti_runqueues_unavailable()).
 */
void pti_runqueues_init(void)
{
	struct pti_btf b;
	void *blob = NULL;
	size_t size = 0;
	ssize_t n;
	u32 *index;
	int err;

	n = kernel_read_file_from_path_initns(btf_path, 0, &blob,
					      PTI_BTF_MAX_SIZE, &size,
					      READING_UNKNOWN);
	if (n < 0) {
		scnprintf(pti_rql.why, sizeof(pti_rql.why),
			  "cannot read %s (error %zd): kernel built without BTF?",
			  btf_path, n);
		return;
	}
	err = pti_btf_open(&b, blob, n);
	index = err ? NULL : kvmalloc_array(b.nr_types, sizeof(*index),
					    GFP_KERNEL);
	if (err || !index) {
		scnprintf(pti_rql.why, sizeof(pti_rql.why), "%s: %s",
			  btf_path, err ? "malformed BTF" : "out of memory");
		goto out;
	}
	pti_btf_index(&b, index);
	if (pti_rq_resolve(&b, &pti_rql) == 0 && pti_rq_verify(&pti_rql) == 0)
		pti_rql.ready = true;
	kvfree(index);
out:
	vfree(blob);
	if (!pti_rql.ready)
		pr_info("runqueues view unavailable: %s\n", pti_rql.why);
}

/* NULL if the view works, else why it does not. */
const char *pti_runqueues_unavailable(void)
{
	return pti_rql.ready ? NULL : pti_rql.why;
}

static u64 pti_rq_uint(const void *base, const struct pti_rq_field *f)
{
	const void *p = (const char *)base + f->off;

	if (!f->present)
		return 0;
	return f->size == 8 ? READ_ONCE(*(const u64 *)p) :
	       READ_ONCE(*(const u32 *)p);
}

static void *pti_rq_ptr(const void *base, const struct pti_rq_field *f)
{
	return f->present ? READ_ONCE(*(void **)((char *)base + f->off)) : NULL;
}

/* What the walk keeps beside each record, for after the lock is dropped. */
struct pti_se_raw {
	const struct rb_node *node, *left, *right;
	const void *tg;
};

static void pti_se_add(struct pti_rq_snapshot *s, struct sched_entity *se,
		       int parent, int depth, u64 min_vruntime, bool curr,
		       const struct rb_node *node)
{
	struct pti_se *r = &s->se[s->n];
	struct pti_se_raw *raw = &((struct pti_se_raw *)s->raw)[s->n];

	memset(r, 0, sizeof(*r));
	memset(raw, 0, sizeof(*raw));
	r->cpu = s->rq.cpu;
	r->index = s->n;
	r->parent = parent;
	r->depth = depth;
	r->curr = curr;
	r->vruntime = READ_ONCE(se->vruntime);
	r->lag = (s64)(r->vruntime - min_vruntime);
	r->weight = READ_ONCE(se->load.weight);
	r->sum_exec_runtime = READ_ONCE(se->sum_exec_runtime);
	r->on_rq = READ_ONCE(se->on_rq);
	r->left = -1;
	r->right = -1;
	if (node) {
		raw->node = node;
		raw->left = READ_ONCE(node->rb_left);
		raw->right = READ_ONCE(node->rb_right);
		r->red = rb_is_red(node);
	}
	if (se->my_q) {
		void *q = se->my_q;

		strscpy(r->kind, "group", sizeof(r->kind));
		r->q_nr_running = pti_rq_uint(q, &pti_rql.cfs_nr_running);
		r->q_h_nr_running = pti_rq_uint(q, &pti_rql.cfs_h_nr_running);
		r->q_min_vruntime = pti_rq_uint(q, &pti_rql.cfs_min_vruntime);
		r->q_load = READ_ONCE(((struct load_weight *)
				       ((char *)q + pti_rql.cfs_load.off))->weight);
		raw->tg = pti_rq_ptr(q, &pti_rql.cfs_tg);
	} else {
		struct task_struct *p = container_of(se, struct task_struct, se);

		strscpy(r->kind, "task", sizeof(r->kind));
		r->pid = p->pid;
		r->tgid = p->tgid;
		/* comm may change under us; a torn name is harmless here. */
		memcpy(r->comm, p->comm, sizeof(r->comm));
		r->comm[sizeof(r->comm) - 1] = '\0';
	}
	s->n++;
}

/*
 * One cfs_rq: its curr, then the tree in order (leftmost first), each
 * group entity followed by its own queue.  Bounded by the snapshot's room
 * and PTI_CFS_MAX_DEPTH, so a changing or corrupt tree cannot loop.
 */
static void pti_cfs_walk(struct pti_rq_snapshot *s, void *cfs_rq, int parent,
			 int depth)
{
	struct rb_root_cached *timeline = (void *)((char *)cfs_rq +
						   pti_rql.cfs_timeline.off);
	struct sched_entity *curr = pti_rq_ptr(cfs_rq, &pti_rql.cfs_curr);
	u64 min_vruntime = pti_rq_uint(cfs_rq, &pti_rql.cfs_min_vruntime);
	struct rb_node *node;
	int steps = 0;

	if (curr && s->n < s->max) {
		int me = s->n;

		pti_se_add(s, curr, parent, depth, min_vruntime, true, NULL);
		if (curr->my_q && depth + 1 < PTI_CFS_MAX_DEPTH)
			pti_cfs_walk(s, curr->my_q, me, depth + 1);
	}
	for (node = rb_first_cached(timeline); node; node = rb_next(node)) {
		struct sched_entity *se = rb_entry(node, struct sched_entity,
						   run_node);
		int me = s->n;

		if (s->n >= s->max || ++steps > s->max) {
			s->rq.truncated = 1;
			return;
		}
		pti_se_add(s, se, parent, depth, min_vruntime, false, node);
		if (se->my_q && depth + 1 < PTI_CFS_MAX_DEPTH)
			pti_cfs_walk(s, se->my_q, me, depth + 1);
	}
}

/* After the lock: tree links as indexes, group names.  Under RCU. */
static void pti_rq_finish(struct pti_rq_snapshot *s)
{
	struct pti_se_raw *raw = s->raw;
	int i, j;

	for (i = 0; i < s->n; i++) {
		for (j = 0; j < s->n; j++) {
			if (!raw[j].node || s->se[j].parent != s->se[i].parent)
				continue;
			if (raw[i].left == raw[j].node)
				s->se[i].left = j;
			if (raw[i].right == raw[j].node)
				s->se[i].right = j;
		}
		if (!raw[i].tg)
			continue;
		/* Task groups are freed after an RCU grace period. */
		if (pti_rql.tg_autogroup.present && pti_rql.ag_id.present) {
			void *ag = pti_rq_ptr(raw[i].tg, &pti_rql.tg_autogroup);

			if (ag) {
				scnprintf(s->se[i].group, sizeof(s->se[i].group),
					  "/autogroup-%llu",
					  pti_rq_uint(ag, &pti_rql.ag_id));
				continue;
			}
		}
		if (pti_rql.tg_css.present) {
			struct cgroup_subsys_state *css = (void *)
				((char *)raw[i].tg + pti_rql.tg_css.off);
			struct cgroup *cgrp = READ_ONCE(css->cgroup);

			if (cgrp)
				scnprintf(s->se[i].group, sizeof(s->se[i].group),
					  "cgroup:%llu", cgroup_id(cgrp));
		}
	}
}

/**
 * pti_rq_snapshot_alloc() - room for one CPU's runqueue and @max entities
 * @max: most entities listed per CPU
 *
 * Return: the snapshot, or NULL without memory.
 */
struct pti_rq_snapshot *pti_rq_snapshot_alloc(int max)
{
	struct pti_rq_snapshot *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->max = max;
	s->se = kvcalloc(max, sizeof(*s->se), GFP_KERNEL);
	s->raw = kvcalloc(max, sizeof(struct pti_se_raw), GFP_KERNEL);
	if (!s->se || !s->raw) {
		pti_rq_snapshot_free(s);
		return NULL;
	}
	return s;
}

void pti_rq_snapshot_free(struct pti_rq_snapshot *s)
{
	if (!s)
		return;
	kvfree(s->se);
	kvfree(s->raw);
	kfree(s);
}

static void pti_rq_absent(struct pti_rq *r)
{
	size_t len = 0;
	static const struct {
		const struct pti_rq_field *f;
		const char *name;
	} opt[] = {
		{ &pti_rql.rq_clock, "clock" },
		{ &pti_rql.cfs_h_nr_running, "cfs_h_nr_running" },
		{ &pti_rql.cfs_min_vruntime, "cfs_min_vruntime" },
		{ &pti_rql.rt_nr_running, "rt_nr_running" },
		{ &pti_rql.dl_nr_running, "dl_nr_running" },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(opt); i++)
		if (!opt[i].f->present)
			len += scnprintf(r->absent + len, sizeof(r->absent) - len,
					 "%s%s", len ? "," : "", opt[i].name);
}

/**
 * pti_rq_snapshot_fill() - copy CPU @cpu's runqueue and CFS queues
 * @s: snapshot from pti_rq_snapshot_alloc()
 * @cpu: an online CPU
 *
 * Copies under the runqueue's lock with interrupts off, as the scheduler
 * itself reads it: no allocation, printing or sleeping inside.  Names are
 * resolved afterwards under RCU.
 *
 * Return: 0, or -ENODEV if the view is unavailable.
 */
int pti_rq_snapshot_fill(struct pti_rq_snapshot *s, int cpu)
{
	char *rq;
	raw_spinlock_t *lock;
	struct task_struct *curr;
	unsigned long flags;

	if (!pti_rql.ready)
		return -ENODEV;
	rq = pti_rq_of(cpu);
	lock = (raw_spinlock_t *)(rq + pti_rql.rq_lock.off);
	memset(&s->rq, 0, sizeof(s->rq));
	s->n = 0;
	s->rq.cpu = cpu;

	rcu_read_lock();
	raw_spin_lock_irqsave(lock, flags);
	s->rq.nr_running = pti_rq_uint(rq, &pti_rql.rq_nr_running);
	s->rq.nr_switches = pti_rq_uint(rq, &pti_rql.rq_nr_switches);
	s->rq.clock = pti_rq_uint(rq, &pti_rql.rq_clock);
	curr = pti_rq_ptr(rq, &pti_rql.rq_curr);
	if (curr) {
		s->rq.curr_pid = curr->pid;
		memcpy(s->rq.curr_comm, curr->comm, sizeof(s->rq.curr_comm));
		s->rq.curr_comm[sizeof(s->rq.curr_comm) - 1] = '\0';
	}
	s->rq.cfs_nr_running = pti_rq_uint(rq + pti_rql.rq_cfs.off,
					   &pti_rql.cfs_nr_running);
	s->rq.cfs_h_nr_running = pti_rq_uint(rq + pti_rql.rq_cfs.off,
					     &pti_rql.cfs_h_nr_running);
	s->rq.cfs_min_vruntime = pti_rq_uint(rq + pti_rql.rq_cfs.off,
					     &pti_rql.cfs_min_vruntime);
	s->rq.cfs_load = READ_ONCE(((struct load_weight *)
		(rq + pti_rql.rq_cfs.off + pti_rql.cfs_load.off))->weight);
	if (pti_rql.rq_rt.present)
		s->rq.rt_nr_running = pti_rq_uint(rq + pti_rql.rq_rt.off,
						  &pti_rql.rt_nr_running);
	if (pti_rql.rq_dl.present)
		s->rq.dl_nr_running = pti_rq_uint(rq + pti_rql.rq_dl.off,
						  &pti_rql.dl_nr_running);
	pti_cfs_walk(s, rq + pti_rql.rq_cfs.off, -1, 0);
	raw_spin_unlock_irqrestore(lock, flags);

	pti_rq_finish(s);
	rcu_read_unlock();
	s->rq.entities = s->n;
	pti_rq_absent(&s->rq);
	return 0;
}
