/* task_sort.h - order task rows by a column (ps --sort, tree --sort). */
#ifndef PTI_CLI_TASK_SORT_H
#define PTI_CLI_TASK_SORT_H

#include <stddef.h>
#include "records.h"

/* What to sort by: a record column, or the derived marks. */
struct pti_sort_key {
	const struct pti_column *col;	/* NULL: "mark" */
	const struct pti_task_set *set;	/* the marks look up parents here */
};

/*
 * Resolve column @name of @set's tasks into @key: 0, or -1 if no task
 * column or derived column has that name.
 */
int pti_sort_key_init(struct pti_sort_key *key, const char *name,
		      const struct pti_task_set *set);
/*
 * Ascending by @key: numbers as numbers, words byte by byte; ties by
 * pid.  A qsort_r() comparator of two const struct pti_task pointers.
 */
int pti_sort_compare(const void *a, const void *b, void *key);
/* Indices of @key->set's tasks in that order; NULL when out of memory. */
size_t *pti_sort_order(const struct pti_sort_key *key);

#endif
