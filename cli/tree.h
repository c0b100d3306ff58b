/* tree.h - arrange task records as the process tree. */
#ifndef PTI_CLI_TREE_H
#define PTI_CLI_TREE_H

#include "view.h"

/*
 * Rows in depth-first order, children by ascending pid: processes under
 * their real parent, threads (when @threads) under their group leader.
 * @root_pid 0 means the whole forest.  Returns 0, or -1 with @err set.
 */
int pti_tree_rows(const struct pti_task_set *set, bool threads, int root_pid,
		  struct pti_row **rows, size_t *nrows, char *err,
		  size_t errlen);

#endif
