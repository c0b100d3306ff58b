/* task_marks.h - what a task record says beyond its columns. */
#ifndef PTI_CLI_TASK_MARKS_H
#define PTI_CLI_TASK_MARKS_H

#include <stdbool.h>
#include "records.h"

bool pti_task_is_kthread(const struct pti_task *t);
/* Comma-separated annotations: zombie, orphan, traced, kthread, reaper... */
void pti_task_marks(const struct pti_task_set *set, const struct pti_task *t,
		    char *buf, size_t size);

#endif
