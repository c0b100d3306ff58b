/* column_list.c - -o lists resolved against a view's column model. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include "column_list.h"

const struct pti_derived_column *
pti_column_model_derived(const struct pti_column_model *m, const char *name)
{
	for (size_t i = 0; i < m->nderived; i++)
		if (strcmp(name, m->derived[i].name) == 0)
			return &m->derived[i];
	return NULL;
}

int pti_split_list(char *list, char **names, int max)
{
	int n = 0;
	char *save = NULL;

	for (char *tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (n == max)
			return -1;
		names[n++] = tok;
	}
	return n;
}

int pti_column_list_parse(struct pti_column_list *l,
			  const struct pti_column_model *m, const char *list,
			  size_t max, char *err, size_t errlen)
{
	char *names[PTI_COLUMN_LIST_MAX];
	int n;

	*l = (struct pti_column_list){ .names = strdup(list) };
	if (!l->names) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (max > PTI_COLUMN_LIST_MAX)
		max = PTI_COLUMN_LIST_MAX;
	n = pti_split_list(l->names, names, (int)max);
	if (n <= 0) {
		snprintf(err, errlen, "empty or too long column list '%s'", list);
		goto fail;
	}
	for (int i = 0; i < n; i++) {
		struct pti_out_column *c = &l->cols[i];

		c->name = names[i];
		c->derived = pti_column_model_derived(m, names[i]);
		c->col = c->derived ? NULL :
			 pti_column_find(m->record, m->nrecord, names[i]);
		if (!c->derived && !c->col) {
			snprintf(err, errlen, "unknown column '%s'", names[i]);
			goto fail;
		}
	}
	l->n = (size_t)n;
	return 0;
fail:
	pti_column_list_free(l);
	return -1;
}

void pti_column_list_free(struct pti_column_list *l)
{
	free(l->names);
	*l = (struct pti_column_list){ 0 };
}

bool pti_column_list_has(const struct pti_column_list *l, int id)
{
	/* 0 is every record column's id, not a derived column's */
	for (size_t i = 0; id && i < l->n; i++)
		if (pti_out_column_id(&l->cols[i]) == id)
			return true;
	return false;
}

void pti_column_model_print(FILE *out, const struct pti_column_model *m,
			    const char *format)
{
	for (size_t i = 0; i < m->nrecord; i++)
		if (!pti_column_model_derived(m, m->record[i].name))
			fprintf(out, format, m->record[i].name,
				m->record[i].help);
	for (size_t i = 0; i < m->nderived; i++)
		fprintf(out, format, m->derived[i].name, m->derived[i].help);
}
