/* task_sort.h - order task rows by a column (ps --sort, tree --sort). */
#ifndef PTI_CLI_TASK_SORT_H
#define PTI_CLI_TASK_SORT_H

#include <stddef.h>
#include "column_list.h"
#include "records.h"

/* What to sort by: a record column, or the derived marks. */
struct pti_sort_key {
	/* @set's column (pti_task_set_column()); NULL: "mark" */
	const struct pti_column *col;
	const struct pti_task_set *set;	/* the marks look up parents here */
};

/*
 * Sort @set's tasks by @by, a column of pti_task_model (view.h) that
 * pti_column_list_parse() resolved: a record column by its values, mark
 * by its text, flag_names and policy by the number they name.
 */
void pti_sort_key_init(struct pti_sort_key *key,
		       const struct pti_out_column *by,
		       const struct pti_task_set *set);
/*
 * Ascending by @key: numbers as numbers, words byte by byte; ties by
 * pid.  A qsort_r() comparator of two indices (size_t) of @key->set's
 * tasks.
 */
int pti_sort_compare(const void *a, const void *b, void *key);
/* Indices of @key->set's tasks in that order; NULL when out of memory. */
size_t *pti_sort_order(const struct pti_sort_key *key);

#endif
