/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - the public kernel API differences between the releases
 * ptinspect builds for (6.1 to 7.x), in one place.  Each entry names the
 * release that changed it and is chosen by detecting the change in the
 * headers being built against, not by a version list.  Private structures
 * never appear here: their layouts come from the running kernel's BTF.
 */
#ifndef PTI_COMPAT_H
#define PTI_COMPAT_H

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include "ptinspect_format.h"

/*
 * Kbuild greps the headers for API that comes and goes and defines
 * PTI_HAVE_<NAME> for what it finds (see pti_have in Kbuild).
 */

/*
 * A mapped file as userspace names it.  Since 6.8 a file opened through
 * overlayfs (a backing file) carries the real file's path, and
 * file_user_path()/file_user_inode() give the overlay's, which
 * /proc/PID/maps prints.  Before, f_path already was the overlay's.
 */
#ifdef PTI_HAVE_FILE_USER_PATH
#define pti_file_user_path(f)	file_user_path(f)
#define pti_file_user_inode(f)	file_user_inode(f)
#else
#define pti_file_user_path(f)	((const struct path *)&(f)->f_path)
#define pti_file_user_inode(f)	((const struct inode *)file_inode(f))
#endif

/*
 * kernel_cap_t: two u32 words (cap[]) until 6.3, one u64 (val) since.
 * The old layout is the one that defines _KERNEL_CAPABILITY_U32S.
 */
#ifdef _KERNEL_CAPABILITY_U32S
static inline u64 pti_cap_raw(const kernel_cap_t *cap)
{
	return ((u64)cap->cap[1] << 32) | cap->cap[0];
}
#else
static inline u64 pti_cap_raw(const kernel_cap_t *cap)
{
	return cap->val;
}
#endif

/*
 * Task comm: __get_task_comm() (under task_lock) was removed in 7.2,
 * leaving the get_task_comm() macro (strscpy_pad(), no lock).  The macro
 * exists on every release; before 7.2 it insists on an array of exactly
 * TASK_COMM_LEN bytes, which every record's comm is.
 */
#define pti_get_comm(buf, task) get_task_comm(buf, task)

/*
 * RSS counters: per-CPU since 6.2, read approximately by get_mm_counter().
 * get_mm_counter_sum() came with /proc/PID/status summing them exactly
 * (6.16, and the stable releases it was backported to): read as /proc does.
 */
#ifdef PTI_HAVE_GET_MM_COUNTER_SUM
#define pti_mm_counter(mm, member)	get_mm_counter_sum(mm, member)
#else
#define pti_mm_counter(mm, member)	get_mm_counter(mm, member)
#endif

/*
 * PF_* flags that come and go; a flag the headers lack is 0, which the
 * flag decoder skips.  What each release's headers hold: 6.1 has
 * NO_NOTIFY_SIGNAL; 6.12 dropped it and has USER_WORKER (added in 6.4),
 * KCOMPACTD and BLOCK_TS; 7.x has all four.
 */
#ifndef PF_NO_NOTIFY_SIGNAL	/* not in 6.12's headers */
#define PF_NO_NOTIFY_SIGNAL	0
#endif
#ifndef PF_USER_WORKER		/* 6.4 */
#define PF_USER_WORKER		0
#endif
#ifndef PF_KCOMPACTD		/* after 6.1 (in 6.12) */
#define PF_KCOMPACTD		0
#endif
#ifndef PF_BLOCK_TS		/* after 6.1 (in 6.12) */
#define PF_BLOCK_TS		0
#endif

/*
 * VM_* flags added since 6.1; a flag the headers lack, or that this
 * configuration leaves out (VM_NONE), is 0 and never named.
 */
#ifndef VM_UFFD_MINOR		/* 5.13, with CONFIG_HAVE_ARCH_USERFAULTFD_MINOR */
#define VM_UFFD_MINOR		0
#endif
#ifndef VM_SHADOW_STACK		/* 6.6, x86 user shadow stacks */
#define VM_SHADOW_STACK		0
#endif
#ifndef VM_SEALED		/* 6.10, mseal() */
#define VM_SEALED		0
#endif
#ifndef VM_DROPPABLE		/* 6.11, MAP_DROPPABLE */
#define VM_DROPPABLE		0
#endif

/*
 * SCHED_EXT (6.12): the class whose scheduler a BPF program supplies.
 * Defined as its uapi value where older headers lack it: no task of such
 * a kernel can have it.
 */
#ifndef SCHED_EXT
#define SCHED_EXT		7
#endif

/*
 * A page's map count.  6.1 has page_mapcount(), per page even inside a
 * large folio; it was removed before 6.12, which counts per folio only
 * (folio_mapcount()).  For a small page both are its _mapcount + 1,
 * what /proc/kpagecount shows.
 */
#ifdef PTI_HAVE_PAGE_MAPCOUNT
#define pti_page_mapcount(folio, page)	page_mapcount(page)
#else
#define pti_page_mapcount(folio, page)	folio_mapcount(folio)
#endif

/*
 * A used but not present PTE: a swap entry or one of the kernel's other
 * kinds (migration, device-private, hwpoison, marker).  After 6.12
 * (present in 7.3) linux/leafops.h's softleaf_type() names the kind;
 * before, swapops.h's is_*_entry() tests on pte_to_swp_entry().
 */
#ifdef PTI_HAVE_SOFTLEAF
#include <linux/leafops.h>

static inline enum pti_page_state pti_swap_decode(pte_t pte,
						  struct pti_page *rec)
{
	softleaf_t entry = softleaf_from_pte(pte);
	enum pti_page_state state = PTI_STATE_OTHER;

	switch (softleaf_type(entry)) {
	case SOFTLEAF_SWAP:
		state = PTI_STATE_SWAP;
		rec->swap_type = swp_type(entry);
		rec->swap_offset = swp_offset(entry);
		break;
	case SOFTLEAF_MIGRATION_READ:
	case SOFTLEAF_MIGRATION_READ_EXCLUSIVE:
	case SOFTLEAF_MIGRATION_WRITE:
		state = PTI_STATE_MIGRATION;
		break;
	case SOFTLEAF_DEVICE_PRIVATE_READ:
	case SOFTLEAF_DEVICE_PRIVATE_WRITE:
	case SOFTLEAF_DEVICE_EXCLUSIVE:
		state = PTI_STATE_DEVICE;
		break;
	case SOFTLEAF_HWPOISON:
		state = PTI_STATE_HWPOISON;
		break;
	case SOFTLEAF_MARKER:
		state = PTI_STATE_MARKER;
		break;
	default:
		break;
	}
	return state;
}
#else
#include <linux/swap.h>
#include <linux/swapops.h>

static inline enum pti_page_state pti_swap_decode(pte_t pte,
						  struct pti_page *rec)
{
	swp_entry_t entry = pte_to_swp_entry(pte);
	enum pti_page_state state = PTI_STATE_OTHER;

	if (swp_type(entry) < MAX_SWAPFILES) {
		state = PTI_STATE_SWAP;
		rec->swap_type = swp_type(entry);
		rec->swap_offset = swp_offset(entry);
	} else if (is_migration_entry(entry)) {
		state = PTI_STATE_MIGRATION;
	} else if (is_device_private_entry(entry) ||
		   is_device_exclusive_entry(entry)) {
		state = PTI_STATE_DEVICE;
	} else if (is_hwpoison_entry(entry)) {
		state = PTI_STATE_HWPOISON;
	}
	return state;
}
#endif

#endif /* PTI_COMPAT_H */
