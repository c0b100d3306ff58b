// SPDX-License-Identifier: GPL-2.0
/*
 * chosen_mm.c - what the address-space files (vma, pages, walk) share:
 * the mm a reader chose, kept by an mm_count reference (it pins the
 * mm_struct, not the address space), and taken for a read as
 * /proc/<pid>/maps takes it: users pinned, mmap lock read-held, killable.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/sched/mm.h>
#include "procfs.h"

/**
 * pti_chosen_mm_set() - make @mm the chosen address space
 * @c: the file's choice; any earlier one is dropped
 * @mm: an mmgrab()bed mm (pti_mm_select()), whose reference @c takes
 *      over; NULL to choose none
 *
 * Context: the caller serialises with readers (the seq_file's mutex, or
 * open and release, when no read can run); @c must not be locked.
 */
void pti_chosen_mm_set(struct pti_chosen_mm *c, struct mm_struct *mm)
{
	WARN_ON_ONCE(c->locked);
	if (c->mm)
		mmdrop(c->mm);
	c->mm = mm;
}

/**
 * pti_chosen_mm_lock() - pin and read-lock the chosen address space
 * @c: the file's choice
 *
 * Context: may sleep; pair with pti_chosen_mm_unlock() before returning
 * to user space (seq_file copies out only after stop()).
 * Return: 0; -ENXIO if none is chosen, -ESRCH if the process has exited
 * since, -EINTR if a fatal signal came while waiting for the lock.
 */
int pti_chosen_mm_lock(struct pti_chosen_mm *c)
{
	if (!c->mm)
		return -ENXIO;
	if (!mmget_not_zero(c->mm))
		return -ESRCH;
	if (mmap_read_lock_killable(c->mm)) {
		mmput(c->mm);
		return -EINTR;
	}
	c->locked = true;
	return 0;
}

/**
 * pti_chosen_mm_unlock() - undo pti_chosen_mm_lock(), if it was taken
 * @c: the file's choice
 */
void pti_chosen_mm_unlock(struct pti_chosen_mm *c)
{
	if (!c->locked)
		return;
	mmap_read_unlock(c->mm);
	mmput(c->mm);
	c->locked = false;
}
