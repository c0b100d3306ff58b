/* SPDX-License-Identifier: GPL-2.0 */
/*
 * name_layout.h - where the private members behind a kernel thread's full
 * name are (struct kthread, and a workqueue worker's struct worker,
 * worker_pool and workqueue_struct), found in a kernel's BTF.  Plain C,
 * built into the module and, unchanged, into the host BTF unit test.
 */
#ifndef PTI_NAME_LAYOUT_H
#define PTI_NAME_LAYOUT_H

#include "rq_layout.h"

struct pti_name_layout {
	char why[160];		/* why a part is missing */
	/* struct kthread: task_struct.worker_private points to it */
	struct pti_rq_field kthread_data, kthread_full_name;
	/* struct worker: a workqueue worker's kthread data */
	struct pti_rq_field worker_desc, worker_current_work, worker_pool,
		worker_id, worker_rescue_wq;
	struct pti_rq_field pool_cpu, pool_id, pool_attrs;
	struct pti_rq_field wq_name;
	bool kthread_ok, worker_ok;	/* each part resolved whole */
	/*
	 * 6.10 made wq_worker_comm() print the worker's id as
	 * format_worker_id() writes it ("kworker/R-" and the whole workqueue
	 * name for a rescuer), where before it printed comm, cut at 15 bytes.
	 * The WORKER_ID_LEN enumerator came with that id: its presence in BTF
	 * marks the kernels that name workers by id.
	 */
	bool worker_named_by_id;
};

/*
 * Resolve both parts; each is usable on its own (kthread_ok, worker_ok).
 * Returns 0 if both resolved, else -ENOENT with the first reason in
 * l->why.
 */
int pti_name_layout_resolve(const struct pti_btf *b,
			    struct pti_name_layout *l);

#endif
