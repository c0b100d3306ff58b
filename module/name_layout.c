// SPDX-License-Identifier: GPL-2.0
/*
 * name_layout.c - the members /proc's name of a kernel thread is made
 * from (fs/proc/array.c, proc_task_name()): a kthread's full_name, and a
 * workqueue worker's pool, id and description.  Each is checked for kind,
 * size and the struct it points to, as the runqueue members are.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <string.h>
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#include "name_layout.h"

#define PTI_NAME_SPEC(o, k, s, t, f, n) \
	{ o, { n }, k, s, t, false, offsetof(struct pti_name_layout, f) }

static const struct pti_rq_spec pti_kthread_specs[] = {
	PTI_NAME_SPEC("kthread", BTF_KIND_PTR, PTI_SZ_PTR, NULL, kthread_data,
		      "data"),
	PTI_NAME_SPEC("kthread", BTF_KIND_PTR, PTI_SZ_PTR, NULL,
		      kthread_full_name, "full_name"),
};

static const struct pti_rq_spec pti_worker_specs[] = {
	PTI_NAME_SPEC("worker", BTF_KIND_ARRAY, PTI_SZ_ANY, NULL, worker_desc,
		      "desc"),
	PTI_NAME_SPEC("worker", BTF_KIND_PTR, PTI_SZ_PTR, "work_struct",
		      worker_current_work, "current_work"),
	PTI_NAME_SPEC("worker", BTF_KIND_PTR, PTI_SZ_PTR, "worker_pool",
		      worker_pool, "pool"),
	PTI_NAME_SPEC("worker", BTF_KIND_INT, PTI_SZ_4, NULL, worker_id, "id"),
	PTI_NAME_SPEC("worker", BTF_KIND_PTR, PTI_SZ_PTR, "workqueue_struct",
		      worker_rescue_wq, "rescue_wq"),
	PTI_NAME_SPEC("worker_pool", BTF_KIND_INT, PTI_SZ_4, NULL, pool_cpu,
		      "cpu"),
	PTI_NAME_SPEC("worker_pool", BTF_KIND_INT, PTI_SZ_4, NULL, pool_id,
		      "id"),
	PTI_NAME_SPEC("worker_pool", BTF_KIND_PTR, PTI_SZ_PTR,
		      "workqueue_attrs", pool_attrs, "attrs"),
	PTI_NAME_SPEC("workqueue_struct", BTF_KIND_ARRAY, PTI_SZ_ANY, NULL,
		      wq_name, "name"),
};

int pti_name_layout_resolve(const struct pti_btf *b,
			    struct pti_name_layout *l)
{
	/* Nothing here embeds a public struct: no sizes to give. */
	const struct pti_rq_sizes sizes = { { 0 } };
	char why[sizeof(l->why)] = "";

	memset(l, 0, sizeof(*l));
	l->kthread_ok = pti_layout_resolve_specs(b, &sizes, pti_kthread_specs,
					ARRAY_SIZE(pti_kthread_specs), l,
					l->why, sizeof(l->why)) == 0;
	l->worker_ok = pti_layout_resolve_specs(b, &sizes, pti_worker_specs,
					ARRAY_SIZE(pti_worker_specs), l,
					why, sizeof(why)) == 0;
	l->worker_named_by_id = pti_btf_has_enumerator(b, "WORKER_ID_LEN");
	if (!l->worker_ok && l->kthread_ok)
		memcpy(l->why, why, sizeof(why));
	return l->kthread_ok && l->worker_ok ? 0 : -ENOENT;
}
