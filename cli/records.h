/* records.h - load /proc/ptinspect views back into the module's records. */
#ifndef PTI_CLI_RECORDS_H
#define PTI_CLI_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "ptinspect_format.h"

extern const struct pti_column pti_task_columns[PTI_TASK_NR_COLUMNS];

struct pti_task_set {
	struct pti_task *tasks;	/* sorted by pid */
	size_t n;
};

/* Where the module's files are: /proc/ptinspect unless told otherwise. */
struct pti_source {
	const char *proc_dir;
};

const struct pti_column *pti_task_column_find(const char *name);
/* Render a record's column as the /proc text shows it, comm unescaped. */
void pti_column_format(const struct pti_column *col, const void *rec,
		       char *buf, size_t size);

/*
 * Parse a tasks view from @in.  Returns 0, or -1 with a message in @err.
 * Columns are matched by the header's names, so columns a newer module adds
 * are skipped; a missing column this CLI needs is an error.
 */
int pti_tasks_parse(FILE *in, struct pti_task_set *set, char *err,
		    size_t errlen);
/* Open and parse <proc_dir>/tasks, with a hint when the module is absent. */
int pti_tasks_load(const struct pti_source *src, struct pti_task_set *set,
		   char *err, size_t errlen);
void pti_task_set_free(struct pti_task_set *set);
const struct pti_task *pti_task_set_find(const struct pti_task_set *set,
					 int pid);

bool pti_task_is_kthread(const struct pti_task *t);
/* Comma-separated annotations: zombie, orphan, traced, kthread, reaper... */
void pti_task_marks(const struct pti_task_set *set, const struct pti_task *t,
		    char *buf, size_t size);

#endif
