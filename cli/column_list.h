/* column_list.h - a view's column model (its record's columns, records.h,
 * and the ones the CLI derives) and a -o list resolved against it once:
 * what a view shows, reads and needs all come from the resolved list.
 */
#ifndef PTI_CLI_COLUMN_LIST_H
#define PTI_CLI_COLUMN_LIST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "records.h"

#define PTI_COLUMN_LIST_MAX 64

/* A column a view derives from its record. */
struct pti_derived_column {
	const char *name;
	const char *help;
	int id;		/* the view's own, > 0: what its cells switch on */
	uint64_t reads;	/* the record columns it is made from, if tracked */
	/* the record column it sorts by (a number shown by name); NULL: its text */
	const struct pti_column *sorts_by;
};

/* A view's columns: its record's, then the derived ones (which shadow). */
struct pti_column_model {
	const struct pti_column *record;
	size_t nrecord;
	const struct pti_derived_column *derived;
	size_t nderived;
};

struct pti_out_column {
	const char *name;
	const struct pti_column *col;			/* a record's, or */
	const struct pti_derived_column *derived;	/* a derived one */
};

struct pti_column_list {
	size_t n;
	struct pti_out_column cols[PTI_COLUMN_LIST_MAX];
	char *names;	/* the list's copy the names point into */
};

/* The derived column's id, or 0 for a record column. */
static inline int pti_out_column_id(const struct pti_out_column *c)
{
	return c->derived ? c->derived->id : 0;
}

/* @m's derived column named @name, or NULL. */
const struct pti_derived_column *
pti_column_model_derived(const struct pti_column_model *m, const char *name);
/*
 * Resolve @list (comma-separated names) against @m, at most @max columns
 * (<= PTI_COLUMN_LIST_MAX).  On an unknown name, an empty or too long
 * list: -1, the reason in @err, and nothing to free.
 */
int pti_column_list_parse(struct pti_column_list *l,
			  const struct pti_column_model *m, const char *list,
			  size_t max, char *err, size_t errlen);
void pti_column_list_free(struct pti_column_list *l);
/* Whether @l shows the derived column @id (false for 0, no derived id). */
bool pti_column_list_has(const struct pti_column_list *l, int id);
/* Split a comma list in place; the count, or -1 if more than @max. */
int pti_split_list(char *list, char **names, int max);
/*
 * Every column of @m a user can name, one fprintf(@format, name, help)
 * each: PTI_HELP_COLUMN_FORMAT for --help, PTI_LIST_COLUMN_FORMAT for
 * --list-columns (what man pages and completion are made from).
 */
void pti_column_model_print(FILE *out, const struct pti_column_model *m,
			    const char *format);

#endif
