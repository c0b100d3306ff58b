/* tree.h - arrange task records as the process tree. */
#ifndef PTI_CLI_TREE_H
#define PTI_CLI_TREE_H

#include "view.h"

/* The columns pti_tree_rows() reads. */
#define PTI_TREE_COLS \
	(PTI_TASK_COL(PID) | PTI_TASK_COL(TGID) | PTI_TASK_COL(PPID))

/*
 * Rows in depth-first order: processes under their real parent, threads
 * (when @threads) under their group leader; roots and each node's
 * children in @order (indices into @set, every task once), or by
 * ascending pid when @order is NULL.  @root_pid 0 means the whole
 * forest.  Returns 0, or -1 with @err set.
 */
int pti_tree_rows(const struct pti_task_set *set, bool threads, int root_pid,
		  const size_t *order, struct pti_row **rows, size_t *nrows,
		  char *err, size_t errlen);

#endif
