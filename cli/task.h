/* task.h - one task whole, and what it shares, from the pid-chosen views. */
#ifndef PTI_CLI_TASK_H
#define PTI_CLI_TASK_H

#include "records.h"

/* /proc/ptinspect/task for @pid into @d; 0, or -1 with @err set. */
int pti_detail_load(const struct pti_source *src, int pid,
		    struct pti_detail *d, char *err, size_t errlen);
/* /proc/ptinspect/share for @pid: *out (free it), *n records. */
int pti_share_load(const struct pti_source *src, int pid,
		   struct pti_share **out, size_t *n, char *err, size_t errlen);

#endif
