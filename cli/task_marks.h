/* task_marks.h - what a task record says beyond its columns. */
#ifndef PTI_CLI_TASK_MARKS_H
#define PTI_CLI_TASK_MARKS_H

#include <stdbool.h>
#include "records.h"

bool pti_task_is_kthread(const struct pti_task_set *set,
			 const struct pti_task_entry *t);
/* The columns pti_task_marks() reads, of the task and of its parent. */
#define PTI_MARK_COLS \
	(PTI_TASK_COL(PID) | PTI_TASK_COL(TGID) | PTI_TASK_COL(PPID) | \
	 PTI_TASK_COL(SID) | PTI_TASK_COL(STATE) | PTI_TASK_COL(TRACER) | \
	 PTI_TASK_COL(KTHREAD) | PTI_TASK_COL(REAPER))
/* Comma-separated annotations: zombie, orphan, traced, kthread, reaper... */
void pti_task_marks(const struct pti_task_set *set,
		    const struct pti_task_entry *t, char *buf, size_t size);

#endif
