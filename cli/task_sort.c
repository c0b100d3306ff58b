/* task_sort.c - order task records by one column. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "task_sort.h"
#include "task_marks.h"

void pti_sort_key_init(struct pti_sort_key *key,
		       const struct pti_out_column *by,
		       const struct pti_task_set *set)
{
	const struct pti_column *col = by->derived ? by->derived->sorts_by :
				       by->col;

	key->set = set;
	/* where @set's entries keep it, found once, not per comparison */
	key->col = col ? pti_task_set_column(set, col) : NULL;
}

static int cmp_values(const struct pti_column *col,
		      const struct pti_task_entry *a,
		      const struct pti_task_entry *b)
{
	const char *x = (const char *)a + col->offset;
	const char *y = (const char *)b + col->offset;
	uint64_t u, v;

	if (!col->size)		/* a column the set does not keep */
		return 0;
	if (col->type == PTI_T_CHAR)
		return (unsigned char)*x - (unsigned char)*y;
	if (!pti_column_made_plain(col))
		return strncmp(x, y, col->size);
	u = pti_column_number(col, a);
	v = pti_column_number(col, b);
	if (pti_column_is_signed(col))
		return ((int64_t)u > (int64_t)v) - ((int64_t)u < (int64_t)v);
	return (u > v) - (u < v);
}

int pti_sort_compare(const void *a, const void *b, void *arg)
{
	const struct pti_sort_key *key = arg;
	const struct pti_task_entry *x = pti_task_at(key->set,
						     *(const size_t *)a);
	const struct pti_task_entry *y = pti_task_at(key->set,
						     *(const size_t *)b);
	int32_t px = pti_task_pid(x), py = pti_task_pid(y);
	int c;

	if (key->col) {
		c = cmp_values(key->col, x, y);
	} else {
		char mx[128], my[128];

		pti_task_marks(key->set, x, mx, sizeof(mx));
		pti_task_marks(key->set, y, my, sizeof(my));
		c = strcmp(mx, my);
	}
	return c ? c : (px > py) - (px < py);
}

size_t *pti_sort_order(const struct pti_sort_key *key)
{
	size_t n = key->set->n;
	size_t *order = malloc((n ? n : 1) * sizeof(*order));

	if (!order)
		return NULL;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof(*order), pti_sort_compare, (void *)key);
	return order;
}
