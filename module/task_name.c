// SPDX-License-Identifier: GPL-2.0
/*
 * task_name.c - a task's name as /proc/PID/stat and /proc/PID/comm print
 * it (fs/proc/array.c, proc_task_name()): a user task's comm; a kernel
 * thread's full name (struct kthread.full_name, kept when the name did not
 * fit in comm); a workqueue worker's id followed by its last work's
 * description, with '+' while it runs that work and '-' after.
 *
 * The kernel reads a worker under wq_pool_attach_mutex and its pool's
 * lock; neither is exported.  So every private member is read with
 * copy_from_kernel_nofault(), and after reading the task must still be a
 * kthread (or worker) with the same struct kthread: a worker that died
 * meanwhile (it frees its struct worker itself) leaves the name at comm.
 * Layouts come from BTF (name_layout.c).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>
#include "name_layout.h"
#include "ptinspect.h"

static struct pti_name_layout pti_nl;

/* Read @size bytes of the member @f of @base; false if it cannot be. */
static bool pti_read(void *dst, const void *base,
		     const struct pti_rq_field *f, size_t size)
{
	return base && f->present && f->size == size &&
	       !copy_from_kernel_nofault(dst, (const char *)base + f->off,
					 size);
}

/* A C string at @src into @buf (at most @size - 1 bytes, NUL-ended). */
static bool pti_read_str(char *buf, size_t size, const char *src)
{
	size_t got = 0;

	while (got + 1 < size) {
		size_t chunk = min_t(size_t, size - 1 - got,
				     PAGE_SIZE - offset_in_page(src + got));

		/* page by page: a string ending before a hole still reads */
		if (copy_from_kernel_nofault(buf + got, src + got, chunk))
			return false;
		if (memchr(buf + got, '\0', chunk))
			return true;
		got += chunk;
	}
	buf[got] = '\0';
	return true;
}

/* A char array member @f of @base into @buf, NUL-ended. */
static bool pti_read_array(char *buf, size_t size, const void *base,
			   const struct pti_rq_field *f)
{
	size_t n = min_t(size_t, size - 1, f->size);

	if (!base || !f->present ||
	    copy_from_kernel_nofault(buf, (const char *)base + f->off, n))
		return false;
	buf[n] = '\0';
	return true;
}

/* The task is still the kthread whose struct kthread is @kthread. */
static bool pti_still(struct task_struct *task, unsigned int flag,
		      const void *kthread)
{
	smp_rmb();	/* the reads above before the checks */
	return (READ_ONCE(task->flags) & flag) &&
	       READ_ONCE(task->worker_private) == kthread;
}

/* The worker's id as format_worker_id() writes it; <0 if unreadable. */
static int pti_worker_id(char *buf, size_t size, const void *worker,
			 const void *pool)
{
	const struct pti_name_layout *l = &pti_nl;
	char wq_name[PTI_NAME_LEN];
	const void *wq, *attrs;
	int cpu, id, nice;

	if (!pti_read(&wq, worker, &l->worker_rescue_wq, sizeof(wq)))
		return -EFAULT;
	if (wq)
		return pti_read_array(wq_name, sizeof(wq_name), wq,
				      &l->wq_name) ?
		       scnprintf(buf, size, "kworker/R-%s", wq_name) : -EFAULT;
	if (!pool)
		return scnprintf(buf, size, "kworker/dying");
	if (!pti_read(&cpu, pool, &l->pool_cpu, sizeof(cpu)) ||
	    !pti_read(&id, worker, &l->worker_id, sizeof(id)))
		return -EFAULT;
	if (cpu < 0)
		return pti_read(&cpu, pool, &l->pool_id, sizeof(cpu)) ?
		       scnprintf(buf, size, "kworker/u%d:%d", cpu, id) : -EFAULT;
	if (!pti_read(&attrs, pool, &l->pool_attrs, sizeof(attrs)) || !attrs ||
	    copy_from_kernel_nofault(&nice, (const char *)attrs +
				     offsetof(struct workqueue_attrs, nice),
				     sizeof(nice)))
		return -EFAULT;
	return scnprintf(buf, size, "kworker/%d:%d%s", cpu, id,
			 nice < 0 ? "H" : "");
}

static bool pti_worker_name(char *buf, size_t size, struct task_struct *task,
			    const char *comm)
{
	const struct pti_name_layout *l = &pti_nl;
	const void *kthread = READ_ONCE(task->worker_private);
	const void *worker, *pool, *work;
	char desc[PTI_NAME_LEN];
	int off;

	if (!pti_read(&worker, kthread, &l->kthread_data, sizeof(worker)) ||
	    !pti_read(&pool, worker, &l->worker_pool, sizeof(pool)) ||
	    !pti_read(&work, worker, &l->worker_current_work, sizeof(work)) ||
	    !pti_read_array(desc, sizeof(desc), worker, &l->worker_desc))
		return false;
	if (l->worker_named_by_id)
		off = pti_worker_id(buf, size, worker, pool);
	else
		off = strscpy(buf, comm, size);
	if (off < 0)
		return false;
	if (pool && desc[0])
		scnprintf(buf + off, size - off, "%c%s", work ? '+' : '-', desc);
	return pti_still(task, PF_WQ_WORKER, kthread);
}

static bool pti_kthread_name(char *buf, size_t size, struct task_struct *task)
{
	const void *kthread = READ_ONCE(task->worker_private);
	const char *full;

	return pti_read(&full, kthread, &pti_nl.kthread_full_name,
			sizeof(full)) && full &&
	       pti_read_str(buf, size, full) &&
	       pti_still(task, PF_KTHREAD, kthread);
}

/**
 * pti_task_name() - the name /proc/PID/comm shows for @task
 * @buf: where to write it, NUL-ended
 * @size: size of @buf (PTI_NAME_LEN: /proc prints at most 64 bytes)
 * @task: the task, alive under the caller's RCU read section or reference
 * @comm: its comm, already copied; the name when there is nothing longer
 */
void pti_task_name(char *buf, size_t size, struct task_struct *task,
		   const char *comm)
{
	unsigned int flags = READ_ONCE(task->flags);
	bool done = false;

	/* A worker is also a kthread: the worker's name wins, as in /proc. */
	if (flags & PF_WQ_WORKER)
		done = pti_nl.worker_ok && pti_worker_name(buf, size, task, comm);
	else if (flags & PF_KTHREAD)
		done = pti_nl.kthread_ok && pti_kthread_name(buf, size, task);
	if (!done)
		strscpy(buf, comm, size);
}

/**
 * pti_task_names_init() - find the members names are read from
 * @b: the kernel's BTF
 * @trusted: @b is this kernel's (its own file, or it proved itself on the
 *	runqueues); otherwise names stay comm
 */
void pti_task_names_init(const struct pti_btf *b, bool trusted)
{
	memset(&pti_nl, 0, sizeof(pti_nl));
	if (!trusted) {
		pr_info("kernel thread names: BTF not this kernel's, comm shown\n");
		return;
	}
	if (pti_name_layout_resolve(b, &pti_nl))
		pr_info("kernel thread names partly unavailable: %s\n",
			pti_nl.why);
}
