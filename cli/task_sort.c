/* task_sort.c - order task records by one column. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "task_sort.h"
#include "task_marks.h"

int pti_sort_key_init(struct pti_sort_key *key, const char *name,
		      const struct pti_task_set *set)
{
	key->set = set;
	key->col = pti_task_column_find(name);
	return key->col || strcmp(name, "mark") == 0 ? 0 : -1;
}

static int cmp_values(const struct pti_column *col, const struct pti_task *a,
		      const struct pti_task *b)
{
	const char *x = (const char *)a + col->offset;
	const char *y = (const char *)b + col->offset;

#define CMP(type) (*(const type *)x > *(const type *)y) - \
		  (*(const type *)x < *(const type *)y)
	switch (col->type) {
	case PTI_T_S32:
		return CMP(int32_t);
	case PTI_T_U32:
	case PTI_T_HEX32:
		return CMP(uint32_t);
	case PTI_T_S64:
		return CMP(int64_t);
	case PTI_T_U64:
	case PTI_T_HEX64:
	case PTI_T_KPTR:
		return CMP(uint64_t);
	case PTI_T_CHAR:
		return CMP(unsigned char);
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		return strncmp(x, y, col->size);
	}
#undef CMP
	return 0;
}

int pti_sort_compare(const void *a, const void *b, void *arg)
{
	const struct pti_task *x = *(const struct pti_task *const *)a;
	const struct pti_task *y = *(const struct pti_task *const *)b;
	const struct pti_sort_key *key = arg;
	int c;

	if (key->col) {
		c = cmp_values(key->col, x, y);
	} else {
		char mx[128], my[128];

		pti_task_marks(key->set, x, mx, sizeof(mx));
		pti_task_marks(key->set, y, my, sizeof(my));
		c = strcmp(mx, my);
	}
	return c ? c : (x->pid > y->pid) - (x->pid < y->pid);
}

size_t *pti_sort_order(const struct pti_sort_key *key)
{
	size_t n = key->set->n;
	const struct pti_task **tasks = malloc((n ? n : 1) * sizeof(*tasks));
	size_t *order = malloc((n ? n : 1) * sizeof(*order));

	if (!tasks || !order) {
		free(tasks);
		free(order);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		tasks[i] = &key->set->tasks[i];
	qsort_r(tasks, n, sizeof(*tasks), pti_sort_compare, (void *)key);
	for (size_t i = 0; i < n; i++)
		order[i] = (size_t)(tasks[i] - key->set->tasks);
	free(tasks);
	return order;
}
