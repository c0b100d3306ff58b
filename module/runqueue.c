// SPDX-License-Identifier: GPL-2.0
/*
 * runqueue.c - every CPU's runqueue: its CFS trees, RT priority queues and
 * deadline tree.
 *
 * struct rq, cfs_rq, rt_rq and dl_rq are private to kernel/sched, and the
 * per-CPU runqueues variable is not exported.  At load the module reads the
 * running kernel's own BTF, finds the members it needs (rq_layout.c) and
 * the per-CPU offset of runqueues, anchored through the exported per-CPU
 * variable kernel_cpustat.  If anything is missing the view says why and the
 * rest of the module works.  The entities (sched_entity, sched_rt_entity,
 * sched_dl_entity) are public (linux/sched.h) and read directly, except the
 * members later kernels added, which BTF says are there or absent.
 */
#include <linux/bsearch.h>
#include <linux/btf.h>
#include <linux/cgroup.h>
#include <linux/fs.h>
#include <linux/kernel_stat.h>
#include <linux/kernfs.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/prio.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include "btf_parse.h"
#include "rq_layout.h"
#include "ptinspect.h"

/* Where the kernel's BTF is read from; tests point it elsewhere. */
#define PTI_BTF_DEFAULT_PATH "/sys/kernel/btf/vmlinux"
static char *btf_path = PTI_BTF_DEFAULT_PATH;
module_param(btf_path, charp, 0444);
MODULE_PARM_DESC(btf_path, "kernel BTF to resolve runqueue layouts from");

#define PTI_BTF_MAX_SIZE	(64 << 20)
#define PTI_CFS_MAX_DEPTH	8	/* nested task groups followed */

static struct pti_rq_layout pti_rql;
static bool pti_rq_ready;
static unsigned long pti_runqueues;	/* the per-CPU pointer's value */

static void *pti_rq_of(int cpu)
{
	return per_cpu_ptr((void __percpu *)pti_runqueues, cpu);
}

/*
 * Read the whole BTF file into a vmalloc'ed buffer with a plain file read.
 * kernel_read_file() would ask the LSMs to vet it as a kernel-loaded image
 * (firmware, policy, module): IPE in Debian's 7.x kernels warns on every
 * such read it has no rule for, and this is no such image.
 *
 * Return: the bytes read into *@bufp, or a negative errno.
 */
static ssize_t pti_btf_read(const char *path, void **bufp)
{
	struct file *f;
	loff_t size, pos = 0;
	ssize_t n = 0;
	void *buf;

	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	size = i_size_read(file_inode(f));
	if (size <= 0 || size > PTI_BTF_MAX_SIZE) {
		n = size <= 0 ? -ENODATA : -EFBIG;
		goto out;
	}
	buf = vmalloc(size);
	if (!buf) {
		n = -ENOMEM;
		goto out;
	}
	while (pos < size) {
		n = kernel_read(f, buf + pos, size - pos, &pos);
		if (n <= 0)
			break;
	}
	if (n < 0) {
		vfree(buf);
		goto out;
	}
	*bufp = buf;
	n = pos;
out:
	filp_close(f, NULL);
	return n;
}

/*
 * The layout came from a file (btf_path) that may describe another
 * kernel: every address made from it is read with a fault-safe copy
 * until it has proved itself.  Every possible CPU's rq must say it is
 * that CPU's, and this CPU's must be running us.  Nothing is used
 * otherwise.
 */
static int pti_rq_verify(void)
{
	struct task_struct *curr = NULL;
	int cpu, seen, err;

	if (pti_rql.anchor_size != sizeof(kernel_cpustat)) {
		scnprintf(pti_rql.why, sizeof(pti_rql.why),
			  "%s is %u bytes in BTF, %zu here: not this kernel's BTF",
			  PTI_RQ_ANCHOR, pti_rql.anchor_size, sizeof(kernel_cpustat));
		return -EINVAL;
	}
	for_each_possible_cpu(cpu) {
		const char *rq = pti_rq_of(cpu);

		err = copy_from_kernel_nofault(&seen, rq + pti_rql.rq_cpu.off,
					       sizeof(seen));
		if (err || seen != cpu) {
			scnprintf(pti_rql.why, sizeof(pti_rql.why),
				  "runqueues of CPU %d %s: layout not trusted", cpu,
				  err ? "cannot be read" : "names another CPU");
			return -EINVAL;
		}
	}
	/* preemption off: rq->curr of this CPU is current until enabled */
	preempt_disable();
	err = copy_from_kernel_nofault(&curr, (const char *)
				       pti_rq_of(smp_processor_id()) +
				       pti_rql.rq_curr.off, sizeof(curr));
	preempt_enable();
	if (err || curr != current) {
		scnprintf(pti_rql.why, sizeof(pti_rql.why), "%s",
			  "this CPU's runqueue does not run this task: layout not trusted");
		return -EINVAL;
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
	/* What the private structures embed, as these headers define it. */
	const struct pti_rq_sizes sizes = { .size = {
		[PTI_SZ_LOCK] = sizeof(raw_spinlock_t),
		[PTI_SZ_LOAD_WEIGHT] = sizeof(struct load_weight),
		[PTI_SZ_RB_ROOT_CACHED] = sizeof(struct rb_root_cached),
		[PTI_SZ_CSS] = sizeof(struct cgroup_subsys_state),
		[PTI_SZ_RT_QUEUES] = MAX_RT_PRIO * sizeof(struct list_head),
		[PTI_SZ_DL_ENTITY] = sizeof(struct sched_dl_entity),
	} };
	struct pti_btf b;
	void *blob = NULL;
	ssize_t n;
	u32 *index;
	int err;

	n = pti_btf_read(btf_path, &blob);
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
	if (pti_rq_layout_resolve(&b, &sizes, &pti_rql) == 0) {
		/* Per-CPU symbols are offsets into the per-CPU area: one
		 * known variable's address and BTF offset give the others'.
		 */
		pti_runqueues = (unsigned long)&kernel_cpustat -
				pti_rql.anchor_off + pti_rql.runqueues_off;
		pti_rq_ready = pti_rq_verify() == 0;
	}
	/* The same BTF gives kernel threads' names, if it is this kernel's. */
	pti_task_names_init(&b, pti_rq_ready ||
			    !strcmp(btf_path, PTI_BTF_DEFAULT_PATH));
	kvfree(index);
out:
	vfree(blob);
	if (!pti_rq_ready)
		pr_info("runqueues view unavailable: %s\n", pti_rql.why);
}

/* NULL if the view works, else why it does not. */
const char *pti_runqueues_unavailable(void)
{
	return pti_rq_ready ? NULL : pti_rql.why;
}

static u64 pti_rq_uint(const void *base, const struct pti_rq_field *f)
{
	const void *p = (const char *)base + f->off;

	if (!f->present)
		return 0;
	switch (f->size) {
	case 1:
		return READ_ONCE(*(const u8 *)p);
	case 2:
		return READ_ONCE(*(const u16 *)p);
	case 4:
		return READ_ONCE(*(const u32 *)p);
	default:
		return READ_ONCE(*(const u64 *)p);
	}
}

static void *pti_rq_ptr(const void *base, const struct pti_rq_field *f)
{
	return f->present ? READ_ONCE(*(void **)((char *)base + f->off)) : NULL;
}

static void *pti_rq_member(void *base, const struct pti_rq_field *f)
{
	return (char *)base + f->off;
}

/* What the walk keeps beside each record, for after the lock is dropped. */
struct pti_se_raw {
	const struct rb_node *node, *left, *right;
	const void *tg;
};

PTI_WORD_TABLE(pti_se_class_words, PTI_SE_CLASS_WORDS, PTI_SE_NR_CLASSES);
PTI_WORD_TABLE(pti_se_kind_words, PTI_SE_KIND_WORDS, PTI_SE_NR_KINDS);

static void pti_se_set_kind(struct pti_se *r, enum pti_se_kind kind)
{
	strscpy(r->kind, pti_se_kind_words[kind], sizeof(r->kind));
}

/* The next record, zeroed and placed; NULL (and truncated) when full. */
static struct pti_se *pti_se_next(struct pti_rq_snapshot *s,
				  enum pti_se_class class, int parent,
				  int depth)
{
	struct pti_se *r;

	if (s->n >= s->max) {
		s->rq.truncated = 1;
		return NULL;
	}
	r = &s->se[s->n];
	memset(r, 0, sizeof(*r));
	memset(&((struct pti_se_raw *)s->raw)[s->n], 0,
	       sizeof(struct pti_se_raw));
	r->cpu = s->rq.cpu;
	r->index = s->n++;
	r->parent = parent;
	r->depth = depth;
	r->left = -1;
	r->right = -1;
	strscpy(r->sched_class, pti_se_class_words[class],
		sizeof(r->sched_class));
	return r;
}

static struct pti_se_raw *pti_se_raw_of(struct pti_rq_snapshot *s,
					const struct pti_se *r)
{
	return &((struct pti_se_raw *)s->raw)[r->index];
}

/* The rb-tree node's links and colour, matched to records later. */
static void pti_se_node(struct pti_rq_snapshot *s, struct pti_se *r,
			const struct rb_node *node)
{
	struct pti_se_raw *raw = pti_se_raw_of(s, r);

	raw->node = node;
	raw->left = READ_ONCE(node->rb_left);
	raw->right = READ_ONCE(node->rb_right);
	r->red = rb_is_red(node);
}

static void pti_se_task(struct pti_se *r, struct task_struct *p)
{
	pti_se_set_kind(r, PTI_SE_KIND_TASK);
	r->pid = p->pid;
	r->tgid = p->tgid;
	r->prio = READ_ONCE(p->prio);
	r->sum_exec_runtime = READ_ONCE(p->se.sum_exec_runtime);
	/* comm may change under us; a torn name is harmless here. */
	memcpy(r->comm, p->comm, sizeof(r->comm));
	r->comm[sizeof(r->comm) - 1] = '\0';
}

/*
 * With flat groups (7.x) a task sits on rq->cfs while se->cfs_rq is still
 * its group's queue, which accounts for it: name that group for it.
 */
static void pti_cfs_task_group(struct pti_rq_snapshot *s, struct pti_se *r,
			       struct sched_entity *se, void *cfs_rq)
{
#ifdef CONFIG_FAIR_GROUP_SCHED
	void *own = READ_ONCE(se->cfs_rq);

	if (own && own != cfs_rq)
		pti_se_raw_of(s, r)->tg = pti_rq_ptr(own, &pti_rql.cfs_tg);
#endif
}

static struct pti_se *pti_cfs_add(struct pti_rq_snapshot *s, void *cfs_rq,
				  struct sched_entity *se, int parent,
				  int depth, u64 min_vruntime, bool curr)
{
	struct pti_se *r = pti_se_next(s, PTI_SE_CLASS_CFS, parent, depth);

	if (!r)
		return NULL;
	r->curr = curr;
	if (se->my_q) {
		void *q = se->my_q;

		pti_se_set_kind(r, PTI_SE_KIND_GROUP);
		r->q_nr_running = pti_rq_uint(q, &pti_rql.cfs_nr_running);
		r->q_h_nr_running = pti_rq_uint(q, &pti_rql.cfs_h_nr_running);
		r->q_min_vruntime = pti_rq_uint(q, &pti_rql.cfs_min_vruntime);
		r->q_zero_vruntime = pti_rq_uint(q, &pti_rql.cfs_zero_vruntime);
		r->q_load = READ_ONCE(((struct load_weight *)
				       pti_rq_member(q, &pti_rql.cfs_load))->weight);
		pti_se_raw_of(s, r)->tg = pti_rq_ptr(q, &pti_rql.cfs_tg);
		r->sum_exec_runtime = READ_ONCE(se->sum_exec_runtime);
	} else {
		pti_se_task(r, container_of(se, struct task_struct, se));
		pti_cfs_task_group(s, r, se, cfs_rq);
	}
	r->vruntime = READ_ONCE(se->vruntime);
	/* Kernels without min_vruntime (6.17+) have no lag in this sense. */
	if (pti_rql.cfs_min_vruntime.present)
		r->lag = (s64)(r->vruntime - min_vruntime);
	r->weight = READ_ONCE(se->load.weight);
	r->on_rq = READ_ONCE(se->on_rq);
	r->deadline = pti_rq_uint(se, &pti_rql.se_deadline);
	r->vlag = (s64)pti_rq_uint(se, &pti_rql.se_vlag);
	r->slice = pti_rq_uint(se, &pti_rql.se_slice);
	r->delayed = pti_rq_uint(se, &pti_rql.se_delayed);
	return r;
}

/*
 * The copy holds a runqueue lock (interrupts off) for at most this many
 * entities, as load balancing moves at most sysctl_sched_nr_migrate tasks
 * per hold (32; 8 on PREEMPT_RT).  A longer queue is copied over several
 * holds, each resuming where the last stopped.
 */
#define PTI_RQ_HOLD_MAX		(IS_ENABLED(CONFIG_PREEMPT_RT) ? 8 : 32)
#define PTI_RB_MAX_HEIGHT	64	/* far above any rb-tree's 2*log2(n) */

/* A cfs_rq being walked: curr first, then its tree in order. */
struct pti_cfs_frame {
	void *cfs_rq;
	int parent, depth;
	bool curr_done, started;
	struct rb_node *next;	/* where to go on, valid in hold @hold only */
	unsigned int hold;
	struct rb_node *last;	/* last tree node copied, and its key */
	u64 last_key;
};

/*
 * What a copy over several holds compares between them.  rq->clock is
 * brought up to date by whoever queues, dequeues or requeues an entity
 * (a delayed one woken in place, 6.12+, changes no count), so it moves
 * whenever the queues might have; a tick moves it too, which only costs
 * the claim of one moment.
 */
struct pti_rq_motion {
	u64 nr_switches, clock;
	u32 nr_running, cfs_h_nr_running, rt_nr_running, dl_nr_running;
};

/* Where a copy spread over several lock holds stands between them. */
struct pti_rq_cursor {
	unsigned int hold;	/* holds so far, this one included */
	int budget;		/* entities left to copy in this hold */
	bool full;		/* out of room: stop */
	bool moved;		/* a resume point had moved: not one moment */
	int nr_frames;
	struct pti_cfs_frame frames[PTI_CFS_MAX_DEPTH];
	int rt_prio;
	struct sched_rt_entity *rt_last;
	struct pti_cfs_frame dl;	/* the deadline tree, walked alike */
	const struct task_struct *curr;
	struct pti_rq_motion motion;	/* as the first hold saw it */
};

/* The key a tree is sorted by: CFS by deadline (6.8+) or vruntime. */
static u64 pti_tree_key(const struct rb_node *node, bool dl)
{
	const struct sched_entity *se;

	if (dl)
		return READ_ONCE(rb_entry(node, struct sched_dl_entity,
					  rb_node)->deadline);
	se = rb_entry(node, struct sched_entity, run_node);
	return pti_rql.se_min_vruntime.present ?
	       pti_rq_uint(se, &pti_rql.se_deadline) : READ_ONCE(se->vruntime);
}

/* The first node whose key is >= @key (> @key if @strict), in O(height). */
static struct rb_node *pti_tree_from(struct rb_root_cached *t, u64 key,
				     bool strict, bool dl)
{
	struct rb_node *node = READ_ONCE(t->rb_root.rb_node), *hit = NULL;
	int steps = 0;

	while (node && steps++ < PTI_RB_MAX_HEIGHT) {
		s64 d = (s64)(pti_tree_key(node, dl) - key);

		if (d > 0 || (!strict && d == 0)) {
			hit = node;
			node = READ_ONCE(node->rb_left);
		} else {
			node = READ_ONCE(node->rb_right);
		}
	}
	return hit;
}

/*
 * Where an in-order walk of @t goes on after @f->last, in a later hold:
 * after that node if it is still there under its key (looked for among
 * at most PTI_RQ_HOLD_MAX equal keys), else after every key up to its
 * own, and the copy is then marked as moved.
 */
static struct rb_node *pti_tree_resume(struct pti_rq_cursor *c,
				       struct pti_cfs_frame *f,
				       struct rb_root_cached *t, bool dl)
{
	struct rb_node *node = pti_tree_from(t, f->last_key, false, dl);
	int steps;

	for (steps = 0; node && steps < PTI_RQ_HOLD_MAX &&
	     pti_tree_key(node, dl) == f->last_key; steps++) {
		if (node == f->last)
			return rb_next(node);
		node = rb_next(node);
	}
	c->moved = true;
	return pti_tree_from(t, f->last_key, true, dl);
}

/* The next tree node of frame @f to copy, or NULL when its tree is done. */
static struct rb_node *pti_frame_next(struct pti_rq_cursor *c,
				      struct pti_cfs_frame *f,
				      struct rb_root_cached *t, bool dl)
{
	if (!f->started) {
		f->started = true;
		return rb_first_cached(t);
	}
	if (f->hold == c->hold)
		return f->next;
	return pti_tree_resume(c, f, t, dl);
}

/* Note @node as frame @f's last copied one, for this hold and later ones. */
static void pti_frame_done(struct pti_rq_cursor *c, struct pti_cfs_frame *f,
			   struct rb_node *node, bool dl)
{
	f->last = node;
	f->last_key = pti_tree_key(node, dl);
	f->next = rb_next(node);
	f->hold = c->hold;
}

/* Walk the queue of group entity @r (record @r) next, below its parent. */
static void pti_cfs_push(struct pti_rq_cursor *c, struct sched_entity *se,
			 const struct pti_se *r)
{
	if (!se->my_q || c->nr_frames >= PTI_CFS_MAX_DEPTH)
		return;
	c->frames[c->nr_frames++] = (struct pti_cfs_frame){
		.cfs_rq = se->my_q, .parent = r->index, .depth = r->depth + 1,
	};
}

/* Take one entity off this hold's budget; false when none is left. */
static bool pti_rq_spend(struct pti_rq_cursor *c)
{
	if (c->budget <= 0)
		return false;
	c->budget--;
	return true;
}

/*
 * The CFS queues, depth first: each cfs_rq's curr, then its tree in order
 * (leftmost first), each group entity followed by its own queue.  Bounded
 * by the hold's budget, the snapshot's room and PTI_CFS_MAX_DEPTH.
 *
 * Return: true when done, false when the budget ran out first.
 */
static bool pti_cfs_copy(struct pti_rq_snapshot *s, struct pti_rq_cursor *c)
{
	while (c->nr_frames > 0 && !c->full) {
		struct pti_cfs_frame *f = &c->frames[c->nr_frames - 1];
		struct rb_root_cached *t = pti_rq_member(f->cfs_rq,
							 &pti_rql.cfs_timeline);
		u64 min_vruntime = pti_rq_uint(f->cfs_rq, &pti_rql.cfs_min_vruntime);
		struct sched_entity *se;
		struct rb_node *node;
		struct pti_se *r;

		if (!f->curr_done) {
			se = pti_rq_ptr(f->cfs_rq, &pti_rql.cfs_curr);
			if (se && !pti_rq_spend(c))
				return false;
			f->curr_done = true;
			if (!se)
				continue;
			r = pti_cfs_add(s, f->cfs_rq, se, f->parent, f->depth,
					min_vruntime, true);
			c->full = !r;
			if (r)
				pti_cfs_push(c, se, r);
			continue;
		}
		/* spent before moving, so a new hold resumes from f->last */
		if (!pti_rq_spend(c))
			return false;
		node = pti_frame_next(c, f, t, false);
		if (!node) {
			c->budget++;	/* nothing copied */
			c->nr_frames--;
			continue;
		}
		se = rb_entry(node, struct sched_entity, run_node);
		r = pti_cfs_add(s, f->cfs_rq, se, f->parent, f->depth,
				min_vruntime, false);
		if (!r) {
			c->full = true;
			break;
		}
		pti_se_node(s, r, node);
		pti_frame_done(c, f, node, false);
		pti_cfs_push(c, se, r);
	}
	return true;
}

/* Is @rt_se still on the list of priority @prio?  Under the rq lock. */
static bool pti_rt_still_queued(struct sched_rt_entity *rt_se, int prio)
{
	if (!READ_ONCE(rt_se->on_list))
		return false;
#ifdef CONFIG_RT_GROUP_SCHED
	if (rt_se->my_q)
		return true;
#endif
	return READ_ONCE(container_of(rt_se, struct task_struct, rt)->prio) == prio;
}

/*
 * rq->rt: each priority's list, highest priority (0) first, in the order
 * the class picks; the running RT task stays queued.  A later hold goes
 * on after the last entity copied if it is still queued at that priority,
 * else at the next priority (and the copy is marked as moved).
 *
 * Return: true when done, false when the budget ran out first.
 */
static bool pti_rt_copy(struct pti_rq_snapshot *s, struct pti_rq_cursor *c,
			char *rq)
{
	struct list_head *queues = pti_rq_member(pti_rq_member(
		pti_rq_member(rq, &pti_rql.rq_rt), &pti_rql.rt_active),
		&pti_rql.rt_queues);

	for (; c->rt_prio < MAX_RT_PRIO && !c->full;
	     c->rt_prio++, c->rt_last = NULL) {
		struct list_head *head = &queues[c->rt_prio], *pos;

		if (!c->rt_last) {
			pos = READ_ONCE(head->next);
		} else if (pti_rt_still_queued(c->rt_last, c->rt_prio)) {
			pos = READ_ONCE(c->rt_last->run_list.next);
		} else {
			c->moved = true;
			continue;
		}
		for (; pos != head; pos = READ_ONCE(pos->next)) {
			struct sched_rt_entity *rt_se = list_entry(pos,
				struct sched_rt_entity, run_list);
			struct task_struct *p;
			struct pti_se *r;

			if (!pti_rq_spend(c))
				return false;
			r = pti_se_next(s, PTI_SE_CLASS_RT, -1, 0);
			if (!r) {
				c->full = true;
				return true;
			}
			c->rt_last = rt_se;
			r->on_rq = READ_ONCE(rt_se->on_rq);
#ifdef CONFIG_RT_GROUP_SCHED
			if (rt_se->my_q) {
				/* A group entity: listed, its queue not expanded. */
				pti_se_set_kind(r, PTI_SE_KIND_GROUP);
				r->prio = c->rt_prio;
				continue;
			}
#endif
			p = container_of(rt_se, struct task_struct, rt);
			pti_se_task(r, p);
			r->curr = p == c->curr;
		}
	}
	return true;
}

/*
 * rq->dl: the deadline tree in order (earliest deadline first), resumed
 * by deadline as the CFS trees are.  Since 6.8 a deadline server lives
 * inside the rq itself, not in a task.
 *
 * Return: true when done, false when the budget ran out first.
 */
static bool pti_dl_copy(struct pti_rq_snapshot *s, struct pti_rq_cursor *c,
			char *rq)
{
	struct rb_root_cached *root = pti_rq_member(pti_rq_member(rq,
		&pti_rql.rq_dl), &pti_rql.dl_root);
	struct pti_cfs_frame *f = &c->dl;

	while (!c->full) {
		struct sched_dl_entity *dl_se;
		struct task_struct *p;
		struct rb_node *node;
		struct pti_se *r;
		char *at;

		if (!pti_rq_spend(c))
			return false;
		node = pti_frame_next(c, f, root, true);
		if (!node)
			return true;
		r = pti_se_next(s, PTI_SE_CLASS_DL, -1, 0);
		if (!r) {
			c->full = true;
			return true;
		}
		pti_se_node(s, r, node);
		pti_frame_done(c, f, node, true);
		dl_se = rb_entry(node, struct sched_dl_entity, rb_node);
		r->deadline = READ_ONCE(dl_se->deadline);
		at = (char *)dl_se;
		if (at >= rq && at < rq + pti_rql.rq_size) {
			pti_se_set_kind(r, PTI_SE_KIND_SERVER);
			strscpy(r->group,
				pti_rql.rq_fair_server.present &&
				at == rq + pti_rql.rq_fair_server.off ?
				"fair_server" : "server", sizeof(r->group));
			r->on_rq = 1;
			continue;
		}
		p = container_of(dl_se, struct task_struct, dl);
		pti_se_task(r, p);
		r->curr = p == c->curr;
		r->on_rq = READ_ONCE(p->on_rq);
	}
	return true;
}

/* A task group's name as sched/debug gives it.  Under RCU. */
static void pti_tg_name(const void *tg, char *buf, size_t size)
{
	struct cgroup_subsys_state *css;
	struct cgroup *cgrp;

	if (pti_rql.tg_autogroup.present && pti_rql.ag_id.present) {
		void *ag = pti_rq_ptr(tg, &pti_rql.tg_autogroup);

		if (ag) {
			scnprintf(buf, size, "/autogroup-%llu",
				  pti_rq_uint(ag, &pti_rql.ag_id));
			return;
		}
	}
	if (!pti_rql.tg_css.present)
		return;
	/*
	 * The group's css pins its cgroup until after a grace period, and
	 * kernfs_path() only takes a spinlock: safe here.
	 */
	css = pti_rq_member((void *)tg, &pti_rql.tg_css);
	cgrp = READ_ONCE(css->cgroup);
	if (cgrp && cgroup_path(cgrp, buf, size) < 0)
		scnprintf(buf, size, "cgroup:%llu", cgroup_id(cgrp));
}

/* One copied rb-tree node, for finding records by node after the lock. */
struct pti_node_index {
	const struct rb_node *node;
	int index;
};

static int pti_node_cmp(const void *a, const void *b)
{
	const struct rb_node *x = ((const struct pti_node_index *)a)->node;
	const struct rb_node *y = ((const struct pti_node_index *)b)->node;

	return x < y ? -1 : x > y;
}

/* The record copied from @node under the same parent and class, or -1. */
static int pti_link_of(struct pti_rq_snapshot *s, const struct pti_se *r,
		       const struct rb_node *node, int nr)
{
	struct pti_node_index key = { .node = node }, *hit;
	const struct pti_se *to;

	if (!node)
		return -1;
	hit = bsearch(&key, s->by_node, nr, sizeof(key), pti_node_cmp);
	if (!hit)
		return -1;
	to = &s->se[hit->index];
	/* links copied at another moment may point anywhere: check */
	if (to->parent != r->parent || strcmp(to->sched_class, r->sched_class))
		return -1;
	return hit->index;
}

/*
 * After the lock: tree links as indexes (sorted by node, O(n log n)),
 * group names, and whether a node was copied twice.  Under RCU.
 */
static void pti_rq_finish(struct pti_rq_snapshot *s, struct pti_rq_cursor *c)
{
	struct pti_se_raw *raw = s->raw;
	int i, nr = 0;

	for (i = 0; i < s->n; i++)
		if (raw[i].node)
			s->by_node[nr++] = (struct pti_node_index){
				.node = raw[i].node, .index = i };
	sort(s->by_node, nr, sizeof(*s->by_node), pti_node_cmp, NULL);
	/* One node copied twice: it moved on between holds, unseen. */
	for (i = 1; i < nr; i++)
		if (s->by_node[i].node == s->by_node[i - 1].node)
			c->moved = true;
	for (i = 0; i < s->n; i++) {
		struct pti_se *r = &s->se[i];

		if (raw[i].node) {
			r->left = pti_link_of(s, r, raw[i].left, nr);
			r->right = pti_link_of(s, r, raw[i].right, nr);
		}
		/* Task groups are freed after an RCU grace period. */
		if (raw[i].tg)
			pti_tg_name(raw[i].tg, r->group, sizeof(r->group));
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
	s->by_node = kvcalloc(max, sizeof(*s->by_node), GFP_KERNEL);
	s->cursor = kzalloc(sizeof(struct pti_rq_cursor), GFP_KERNEL);
	if (!s->se || !s->raw || !s->by_node || !s->cursor) {
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
	kvfree(s->by_node);
	kfree(s->cursor);
	kfree(s);
}

static void pti_rq_absent(struct pti_rq *r)
{
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < pti_rq_nr_optionals; i++)
		if (!pti_rq_field_of(&pti_rql,
				     pti_rq_optionals[i].field)->present)
			len += scnprintf(r->absent + len, sizeof(r->absent) - len,
					 "%s%s", len ? "," : "",
					 pti_rq_optionals[i].name);
}

/* What changes when anything is queued, dequeued or switched on an rq. */
static void pti_rq_motion_read(struct pti_rq_motion *m, char *rq, char *cfs)
{
	m->nr_switches = pti_rq_uint(rq, &pti_rql.rq_nr_switches);
	m->clock = pti_rq_uint(rq, &pti_rql.rq_clock);
	m->nr_running = pti_rq_uint(rq, &pti_rql.rq_nr_running);
	m->cfs_h_nr_running = pti_rq_uint(cfs, &pti_rql.cfs_h_nr_running);
	m->rt_nr_running = pti_rql.rq_rt.present ?
		pti_rq_uint(pti_rq_member(rq, &pti_rql.rq_rt),
			    &pti_rql.rt_nr_running) : 0;
	m->dl_nr_running = pti_rql.rq_dl.present ?
		pti_rq_uint(pti_rq_member(rq, &pti_rql.rq_dl),
			    &pti_rql.dl_nr_running) : 0;
}

/*
 * The runqueue's own counts and curr, in the first hold; its motion
 * counts are kept in @c for the holds after.
 */
static void pti_rq_counts(struct pti_rq_snapshot *s, struct pti_rq_cursor *c,
			  char *rq, char *cfs)
{
	const struct pti_rq_motion *m = &c->motion;

	pti_rq_motion_read(&c->motion, rq, cfs);
	s->rq.nr_switches = m->nr_switches;
	s->rq.nr_running = m->nr_running;
	s->rq.cfs_h_nr_running = m->cfs_h_nr_running;
	s->rq.rt_nr_running = m->rt_nr_running;
	s->rq.dl_nr_running = m->dl_nr_running;
	s->rq.clock = m->clock;
	if (c->curr) {
		s->rq.curr_pid = c->curr->pid;
		memcpy(s->rq.curr_comm, c->curr->comm, sizeof(s->rq.curr_comm));
		s->rq.curr_comm[sizeof(s->rq.curr_comm) - 1] = '\0';
	}
	s->rq.cfs_nr_running = pti_rq_uint(cfs, &pti_rql.cfs_nr_running);
	s->rq.cfs_min_vruntime = pti_rq_uint(cfs, &pti_rql.cfs_min_vruntime);
	s->rq.cfs_zero_vruntime = pti_rq_uint(cfs, &pti_rql.cfs_zero_vruntime);
	s->rq.cfs_load = READ_ONCE(((struct load_weight *)
		pti_rq_member(cfs, &pti_rql.cfs_load))->weight);
	if (pti_rql.scx_nr_running.present)
		s->rq.ext_nr_running = pti_rq_uint(pti_rq_member(rq,
			&pti_rql.rq_scx), &pti_rql.scx_nr_running);
}

/* Since the first hold, did nothing switch, queue, dequeue or requeue? */
static bool pti_rq_unmoved(const struct pti_rq_cursor *c, char *rq, char *cfs)
{
	struct pti_rq_motion now;

	pti_rq_motion_read(&now, rq, cfs);
	return now.nr_switches == c->motion.nr_switches &&
	       now.clock == c->motion.clock &&
	       now.nr_running == c->motion.nr_running &&
	       now.cfs_h_nr_running == c->motion.cfs_h_nr_running &&
	       now.rt_nr_running == c->motion.rt_nr_running &&
	       now.dl_nr_running == c->motion.dl_nr_running;
}

/**
 * pti_rq_snapshot_fill() - copy CPU @cpu's runqueue and its queues
 * @s: snapshot from pti_rq_snapshot_alloc()
 * @cpu: an online CPU
 *
 * Copies under the runqueue's lock with interrupts off, as the scheduler
 * itself reads it: no allocation, printing or sleeping inside, and at most
 * PTI_RQ_HOLD_MAX entities per hold; a longer queue takes several holds,
 * and the record says whether they saw one moment (rq.copy).  Names are
 * resolved afterwards under RCU.
 *
 * Return: 0, or -ENODEV if the view is unavailable.
 */
int pti_rq_snapshot_fill(struct pti_rq_snapshot *s, int cpu)
{
	struct pti_rq_cursor *c = s->cursor;
	char *rq, *cfs;
	raw_spinlock_t *lock;
	unsigned long flags;
	u64 held_since;
	bool done;

	if (!pti_rq_ready)
		return -ENODEV;
	rq = pti_rq_of(cpu);
	cfs = pti_rq_member(rq, &pti_rql.rq_cfs);
	lock = pti_rq_member(rq, &pti_rql.rq_lock);
	memset(&s->rq, 0, sizeof(s->rq));
	s->n = 0;
	s->rq.cpu = cpu;
	memset(c, 0, sizeof(*c));
	c->frames[0] = (struct pti_cfs_frame){ .cfs_rq = cfs, .parent = -1 };
	c->nr_frames = 1;

	/* One RCU section over every hold: the entities a resume starts
	 * from (tasks, groups, their queues) are freed only after it.
	 */
	rcu_read_lock();
	do {
		raw_spin_lock_irqsave(lock, flags);
		held_since = pti_hold_begin();
		c->hold++;
		c->budget = PTI_RQ_HOLD_MAX;
		c->curr = pti_rq_ptr(rq, &pti_rql.rq_curr);
		if (c->hold == 1)
			pti_rq_counts(s, c, rq, cfs);
		else if (!pti_rq_unmoved(c, rq, cfs))
			c->moved = true;
		done = pti_cfs_copy(s, c) &&
		       (!pti_rql.rt_queues.present || pti_rt_copy(s, c, rq)) &&
		       (!pti_rql.dl_root.present || pti_dl_copy(s, c, rq));
		pti_hold_end(PTI_HOLD_RUNQUEUES, held_since);
		raw_spin_unlock_irqrestore(lock, flags);
	} while (!done && !c->full);
	if (s->rq.truncated)
		pti_hold_truncated(PTI_HOLD_RUNQUEUES);

	pti_rq_finish(s, c);
	rcu_read_unlock();
	s->rq.holds = c->hold;
	strscpy(s->rq.copy, c->hold == 1 ? "one_hold" : c->moved ?
		"assembled" : "unchanged", sizeof(s->rq.copy));
	s->rq.entities = s->n;
	pti_rq_absent(&s->rq);
	/* Facts of the layout, not of this moment: which kernel design. */
	strscpy(s->rq.cfs_order, pti_rql.se_min_vruntime.present ?
		"deadline" : "vruntime", sizeof(s->rq.cfs_order));
	strscpy(s->rq.cfs_groups, pti_rql.cfs_h_curr.present ? "flat" : "nested",
		sizeof(s->rq.cfs_groups));
	return 0;
}
