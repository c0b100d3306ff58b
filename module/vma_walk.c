// SPDX-License-Identifier: GPL-2.0
/*
 * vma_walk.c - a process's mm_struct and its VMAs as records.
 *
 * The caller holds a reference on the mm (mmget) and its mmap read lock
 * for every fill; choosing the mm only takes and drops task references.
 */
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include "compat.h"
#include "ptinspect.h"

/**
 * pti_mm_select() - take a reference on a process's address space
 * @ns: pid namespace @nr is numbered in
 * @nr: pid of any thread of the process
 * @mmp: out: the mm, with an mm_count reference (mmgrab) to mmdrop()
 * @tgid: out: the process's tgid in @ns
 *
 * Return: 0; -ESRCH if no such task is visible in @ns; -ENXIO if it has
 * no address space (a kernel thread, a zombie, or a task past exit_mm()).
 */
int pti_mm_select(struct pid_namespace *ns, int nr, struct mm_struct **mmp,
		  int *tgid)
{
	struct task_struct *task;
	struct mm_struct *mm;

	rcu_read_lock();
	task = pid_task(find_pid_ns(nr, ns), PIDTYPE_PID);
	if (task)
		get_task_struct(task);
	rcu_read_unlock();
	if (!task)
		return -ESRCH;
	*tgid = task_tgid_nr_ns(task, ns);
	/* get_task_mm() refuses kernel threads, even while they borrow one. */
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -ENXIO;
	mmgrab(mm);
	mmput(mm);
	*mmp = mm;
	return 0;
}

/**
 * pti_mm_arg_env() - where @mm's argv and environment strings lie
 * @mm: the address space, pinned by the caller
 * @arg_start: out: the argv strings' start
 * @arg_end: out: and end
 * @env_start: out: the environment strings' start
 * @env_end: out: and end
 *
 * prctl(PR_SET_MM) moves them under arg_lock, not the mmap lock: the four
 * are read together under it.
 */
void pti_mm_arg_env(struct mm_struct *mm, u64 *arg_start, u64 *arg_end,
		    u64 *env_start, u64 *env_end)
{
	spin_lock(&mm->arg_lock);
	*arg_start = mm->arg_start;
	*arg_end = mm->arg_end;
	*env_start = mm->env_start;
	*env_end = mm->env_end;
	spin_unlock(&mm->arg_lock);
}

/**
 * pti_mm_fill() - copy an address space's summary into a record
 * @rec: record to fill; pid and tgid are left to the caller
 * @mm: the address space, mmap read lock held, and pinned by the caller
 *	with one mmget() and one mmgrab(), which the counts leave out
 * @kaddrs: record the mm_struct's address (printed later with %pK)
 */
void pti_mm_fill(struct pti_mm *rec, struct mm_struct *mm, bool kaddrs)
{
	rec->mm_users = atomic_read(&mm->mm_users) - 1;
	rec->mm_count = atomic_read(&mm->mm_count) - 1;
	rec->map_count = mm->map_count;
	rec->page_size = PAGE_SIZE;
	rec->task_size = mm->task_size;
	rec->mmap_base = mm->mmap_base;
	rec->start_code = mm->start_code;
	rec->end_code = mm->end_code;
	rec->start_data = mm->start_data;
	rec->end_data = mm->end_data;
	rec->start_brk = mm->start_brk;
	rec->brk = mm->brk;
	rec->start_stack = mm->start_stack;
	pti_mm_arg_env(mm, &rec->arg_start, &rec->arg_end, &rec->env_start,
		       &rec->env_end);
	rec->total_vm = mm->total_vm;
	rec->locked_vm = mm->locked_vm;
	rec->pinned_vm = atomic64_read(&mm->pinned_vm);
	rec->data_vm = mm->data_vm;
	rec->exec_vm = mm->exec_vm;
	rec->stack_vm = mm->stack_vm;
	rec->rss_file = pti_mm_counter(mm, MM_FILEPAGES);
	rec->rss_anon = pti_mm_counter(mm, MM_ANONPAGES);
	rec->rss_shmem = pti_mm_counter(mm, MM_SHMEMPAGES);
	rec->pgtables_bytes = mm_pgtables_bytes(mm);
	rec->kaddr_mm = kaddrs ? (unsigned long)mm : 0;
}

static const struct pti_flag_name pti_vm_names[] = {
	{ VM_READ, "READ" },
	{ VM_WRITE, "WRITE" },
	{ VM_EXEC, "EXEC" },
	{ VM_SHARED, "SHARED" },
	{ VM_MAYREAD, "MAYREAD" },
	{ VM_MAYWRITE, "MAYWRITE" },
	{ VM_MAYEXEC, "MAYEXEC" },
	{ VM_MAYSHARE, "MAYSHARE" },
	{ VM_GROWSDOWN, "GROWSDOWN" },
	{ VM_UFFD_MISSING, "UFFD_MISSING" },
	{ VM_PFNMAP, "PFNMAP" },
	{ VM_UFFD_WP, "UFFD_WP" },
	{ VM_LOCKED, "LOCKED" },
	{ VM_IO, "IO" },
	{ VM_SEQ_READ, "SEQ_READ" },
	{ VM_RAND_READ, "RAND_READ" },
	{ VM_DONTCOPY, "DONTCOPY" },
	{ VM_DONTEXPAND, "DONTEXPAND" },
	{ VM_LOCKONFAULT, "LOCKONFAULT" },
	{ VM_ACCOUNT, "ACCOUNT" },
	{ VM_NORESERVE, "NORESERVE" },
	{ VM_HUGETLB, "HUGETLB" },
	{ VM_SYNC, "SYNC" },
	{ VM_WIPEONFORK, "WIPEONFORK" },
	{ VM_DONTDUMP, "DONTDUMP" },
	{ VM_SOFTDIRTY, "SOFTDIRTY" },
	{ VM_MIXEDMAP, "MIXEDMAP" },
	{ VM_HUGEPAGE, "HUGEPAGE" },
	{ VM_NOHUGEPAGE, "NOHUGEPAGE" },
	{ VM_MERGEABLE, "MERGEABLE" },
	{ VM_UFFD_MINOR, "UFFD_MINOR" },
	{ VM_SHADOW_STACK, "SHADOW_STACK" },
	{ VM_SEALED, "SEALED" },
	{ VM_DROPPABLE, "DROPPABLE" },
};

const struct pti_flag_set pti_vm_flag_set = {
	"vm_flags", pti_vm_names, ARRAY_SIZE(pti_vm_names), false
};

/* The name /proc/<pid>/maps gives a VMA without a file, or NULL. */
static const char *pti_vma_special_name(struct vm_area_struct *vma,
					struct mm_struct *mm)
{
	const char *name = NULL;

	if (vma->vm_ops && vma->vm_ops->name)
		name = vma->vm_ops->name(vma);
	if (name)
		return name;
	if (!vma->vm_mm)
		return "[vdso]";
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

static void pti_vma_name(struct pti_vma *rec, struct vm_area_struct *vma,
			 struct mm_struct *mm)
{
	const char *name;
	char *path;

	rec->name[0] = '\0';
	if (vma->vm_file) {
		path = d_path(pti_file_user_path(vma->vm_file), rec->name,
			      sizeof(rec->name));
		if (IS_ERR(path))
			strscpy(rec->name, "?", sizeof(rec->name));
		else
			memmove(rec->name, path, strlen(path) + 1);
		return;
	}
	name = pti_vma_special_name(vma, mm);
	if (name) {
		strscpy(rec->name, name, sizeof(rec->name));
		return;
	}
#ifdef CONFIG_ANON_VMA_NAME
	if (vma->anon_name)
		snprintf(rec->name, sizeof(rec->name), "[anon:%s]",
			 vma->anon_name->name);
#endif
}

/**
 * pti_vma_fill() - copy one VMA into a record
 * @rec: record to fill
 * @vma: the VMA, its mm's mmap read lock held
 * @mm: the mm being walked
 * @kaddrs: record the vm_area_struct's address (printed with %pK)
 */
void pti_vma_fill(struct pti_vma *rec, struct vm_area_struct *vma,
		  struct mm_struct *mm, bool kaddrs)
{
	unsigned long flags = vma->vm_flags;

	rec->vm_flags = flags;
	rec->start = vma->vm_start;
	rec->end = vma->vm_end;
	rec->perms[0] = flags & VM_READ ? 'r' : '-';
	rec->perms[1] = flags & VM_WRITE ? 'w' : '-';
	rec->perms[2] = flags & VM_EXEC ? 'x' : '-';
	rec->perms[3] = flags & VM_MAYSHARE ? 's' : 'p';
	rec->perms[4] = '\0';
	rec->offset = 0;
	rec->dev_major = 0;
	rec->dev_minor = 0;
	rec->inode = 0;
	if (vma->vm_file) {
		const struct inode *inode = pti_file_user_inode(vma->vm_file);

		rec->offset = (u64)vma->vm_pgoff << PAGE_SHIFT;
		rec->dev_major = MAJOR(inode->i_sb->s_dev);
		rec->dev_minor = MINOR(inode->i_sb->s_dev);
		rec->inode = inode->i_ino;
	}
	rec->anon_vma = vma->anon_vma != NULL;
	rec->kaddr_vma = kaddrs ? (unsigned long)vma : 0;
	pti_vma_name(rec, vma, mm);
}
