/* tree.c - the process tree from a snapshot of task records. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tree.h"

/* A task's index in the set, or -1: half a long, for sets of 4M tasks. */
typedef int32_t node;

/* A pid looked up, and the node it named (pid 0: none yet). */
struct pti_task_lookup {
	int pid;
	node index;
};

struct forest {
	const struct pti_task_set *set;
	bool threads;
	node *first_child, *next_sibling, *row_of;
	node *parent_of;	/* parent_index(), found once per task */
	node *stack;
	struct pti_row *rows;
	size_t nrows;
};

static bool shown(const struct forest *f, const struct pti_task_entry *t)
{
	return f->threads ||
	       pti_task_pid(t) == pti_task_get(f->set, t, PTI_TASK_TGID);
}

/*
 * Index of the node a task hangs under, or -1 for a root.  @last holds
 * the previous answer: a process's threads come one after another in pid
 * order, each under the same leader, so most lookups are the last one.
 */
static node parent_index(const struct forest *f,
			 const struct pti_task_entry *t,
			 struct pti_task_lookup *last)
{
	int pid = pti_task_pid(t);
	int tgid = (int)pti_task_get(f->set, t, PTI_TASK_TGID);
	int parent_pid = pid == tgid ?
			 (int)pti_task_get(f->set, t, PTI_TASK_PPID) : tgid;

	if (parent_pid <= 0 || parent_pid == pid)
		return -1;
	if (parent_pid != last->pid) {
		long p = pti_task_set_lookup(f->set, parent_pid);

		last->pid = parent_pid;
		last->index = p >= 0 && shown(f, pti_task_at(f->set, (size_t)p)) ?
			      (node)p : -1;
	}
	return last->index;
}

/* Reverse stack[from..to) so the smallest pid is popped first. */
static void reverse(node *stack, size_t from, size_t to)
{
	while (from + 1 < to) {
		node tmp = stack[from];

		stack[from++] = stack[--to];
		stack[to] = tmp;
	}
}

/* Emit @root and everything under it, depth first, never twice. */
static void walk(struct forest *f, node root)
{
	size_t depth = 0;

	if (f->row_of[root] >= 0)
		return;
	f->stack[depth++] = root;
	while (depth) {
		node i = f->stack[--depth];
		node p = f->parent_of[i];
		size_t first = depth;

		if (f->row_of[i] >= 0)
			continue;
		f->row_of[i] = (node)f->nrows;
		f->rows[f->nrows].task = pti_task_at(f->set, (size_t)i);
		f->rows[f->nrows].parent = i != root && p >= 0 ? f->row_of[p] : -1;
		f->nrows++;
		for (node c = f->first_child[i]; c >= 0; c = f->next_sibling[c])
			if (f->row_of[c] < 0)
				f->stack[depth++] = c;
		reverse(f->stack, first, depth);
	}
}

/* The @k-th task in display order: @order's, else the set's (pid order). */
static size_t nth(const size_t *order, size_t k)
{
	return order ? order[k] : k;
}

int pti_tree_rows(const struct pti_task_set *set, bool threads, int root_pid,
		  const size_t *order, struct pti_row **rows, size_t *nrows,
		  char *err, size_t errlen)
{
	struct forest f = { .set = set, .threads = threads };
	struct pti_task_lookup last = { 0, -1 };
	size_t n = set->n ? set->n : 1;
	int ret = -1;

	if (set->n > INT32_MAX) {
		snprintf(err, errlen, "too many tasks for a tree");
		return -1;
	}
	f.first_child = malloc(n * sizeof(*f.first_child));
	f.next_sibling = malloc(n * sizeof(*f.next_sibling));
	f.row_of = malloc(n * sizeof(*f.row_of));
	f.parent_of = malloc(n * sizeof(*f.parent_of));
	f.stack = malloc(n * sizeof(*f.stack));
	f.rows = calloc(n, sizeof(*f.rows));
	if (!f.first_child || !f.next_sibling || !f.row_of || !f.parent_of ||
	    !f.stack || !f.rows) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < set->n; i++) {
		const struct pti_task_entry *t = pti_task_at(set, i);

		f.first_child[i] = f.next_sibling[i] = f.row_of[i] = -1;
		f.parent_of[i] = shown(&f, t) ? parent_index(&f, t, &last) : -1;
	}
	/* Link children in reverse display order: lists come out in order. */
	for (size_t k = set->n; k-- > 0;) {
		size_t i = nth(order, k);
		node p;

		if (!shown(&f, pti_task_at(set, i)))
			continue;
		p = f.parent_of[i];
		if (p >= 0) {
			f.next_sibling[i] = f.first_child[p];
			f.first_child[p] = (node)i;
		}
	}
	if (root_pid) {
		long root = pti_task_set_lookup(set, root_pid);
		const struct pti_task_entry *t =
			root >= 0 ? pti_task_at(set, (size_t)root) : NULL;

		/* a thread not shown: its process is the root */
		if (t && !shown(&f, t))
			root = pti_task_set_lookup(set,
				(int)pti_task_get(set, t, PTI_TASK_TGID));
		if (root < 0) {
			snprintf(err, errlen, "no task with pid %d", root_pid);
			goto out;
		}
		walk(&f, (node)root);
	} else {
		for (size_t k = 0; k < set->n; k++) {
			size_t i = nth(order, k);

			if (shown(&f, pti_task_at(set, i)) && f.parent_of[i] < 0)
				walk(&f, (node)i);
		}
		/* A racy snapshot could hold a loop: show what roots missed. */
		for (size_t k = 0; k < set->n; k++)
			if (shown(&f, pti_task_at(set, nth(order, k))))
				walk(&f, (node)nth(order, k));
	}
	*rows = f.rows;
	*nrows = f.nrows;
	f.rows = NULL;
	ret = 0;
out:
	free(f.first_child);
	free(f.next_sibling);
	free(f.row_of);
	free(f.parent_of);
	free(f.stack);
	free(f.rows);
	return ret;
}
