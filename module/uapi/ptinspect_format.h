/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptinspect_format.h - the record formats shared by the module, the CLI
 * and the tests.  One list per record kind: the /proc header line, the
 * CLI's column names and JSON keys, and docs/proc-format.md all follow it.
 *
 * Included by kernel code and by userspace (C11), so it uses only the
 * __u32/__s32/__u64 types both sides have.
 */
#ifndef PTINSPECT_FORMAT_H
#define PTINSPECT_FORMAT_H

#include <linux/ioctl.h>
#include <linux/types.h>
#ifndef __KERNEL__
#include <stddef.h>	/* offsetof */
#endif
#include "ptinspect_limits.h"

/*
 * Bumped when a column changes meaning or leaves a view; adding a column
 * does not.  2: vm_flag_names left the vma view and flag_names the tasks
 * view (/proc/ptinspect/flags names the bits; the task view keeps
 * flag_names), and the vma view's vma address moved to debugfs.  3: the
 * tasks view's policy is the kernel's SCHED_* number, named by the flags
 * view's "policy" set.
 */
#define PTI_FORMAT_VERSION	3

#define PTI_FLAG_NAMES_LEN	256

/* How a column's value is written in /proc text. */
enum pti_value_type {
	PTI_T_S32,	/* signed decimal */
	PTI_T_U32,	/* unsigned decimal */
	PTI_T_HEX32,	/* 0x-prefixed hex */
	PTI_T_HEX64,	/* 0x-prefixed hex */
	PTI_T_U64,	/* unsigned decimal */
	PTI_T_S64,	/* signed decimal */
	PTI_T_CHAR,	/* one character */
	PTI_T_WORD,	/* a string with no white space */
	PTI_T_ESCAPED,	/* free text, escaped: see docs/proc-format.md */
	PTI_T_KPTR,	/* kernel address, printed with %pK (debugfs only) */
};

/* A task record: what the walker fills and the CLI parses back. */
struct pti_task {
	__s32 pid, tgid, ppid, tracer, leader, threads, pgid, sid;
	char state;
	__u32 raw_state, exit_state, flags;
	__u32 uid, euid, suid, fsuid, gid, egid, sgid, fsgid;
	__u32 policy;
	__s32 prio, static_prio, normal_prio, rt_priority, nice;
	__u64 utime_ns, stime_ns, nvcsw, nivcsw, start_ns, start_boot_ns;
	__s32 cpu, has_mm, kthread, reaper, exit_code;
	char comm[PTI_COMM_LEN];
	char name[PTI_NAME_LEN];
};

/*
 * debugfs's tasks view: a task record and the kernel addresses only that
 * view shows.  Apart, so the record every reader holds per task (the CLI
 * keeps one per thread) does not carry them.
 */
struct pti_task_debug {
	struct pti_task task;
	__u64 kaddr_task, kaddr_stack, kaddr_mm;
};

#define PTI_PATH_LEN		4096	/* PATH_MAX */

/* The address-space summary of /proc/ptinspect/vma (sizes in pages). */
struct pti_mm {
	__s32 pid, tgid;
	__s32 mm_users, mm_count, map_count;
	__u32 page_size;
	__u64 task_size, mmap_base;
	__u64 start_code, end_code, start_data, end_data;
	__u64 start_brk, brk, start_stack;
	__u64 arg_start, arg_end, env_start, env_end;
	__u64 total_vm, locked_vm, pinned_vm, data_vm, exec_vm, stack_vm;
	__u64 rss_file, rss_anon, rss_shmem, pgtables_bytes;
	__u64 kaddr_mm;
};

/* One VMA of /proc/ptinspect/vma. */
struct pti_vma {
	__u64 start, end;
	char perms[8];
	__u64 vm_flags;
	__u64 offset;
	__u32 dev_major, dev_minor;
	__u64 inode;
	__s32 anon_vma;
	__u64 kaddr_vma;
	char name[PTI_PATH_LEN];
};

/* One bit of a flag word and its name: /proc/ptinspect/flags. */
struct pti_flag {
	char set[16];
	__u64 value;
	char name[24];
};

#define PTI_LIST_LEN		1024	/* comma lists; end in ",+" if cut */
#define PTI_ARGS_LEN		4096	/* argv/environ bytes shown */

/* /proc/ptinspect/task: one task whole (a task record and more). */
struct pti_detail {
	struct pti_task base;
	__s32 ns_pid, ns_tgid, ns_level;
	__s32 real_parent_pid, parent_pid, nr_children, siblings;
	char children[PTI_LIST_LEN], thread_pids[PTI_LIST_LEN];
	char flag_names[PTI_FLAG_NAMES_LEN];
	char state_names[128], exit_state_names[32];
	__s32 exit_signal;
	__s32 ngroups, cred_differs;
	__u32 real_euid, real_egid;
	__u64 cap_inh, cap_prm, cap_eff, cap_bnd, cap_amb;
	char cap_inh_names[PTI_LIST_LEN], cap_prm_names[PTI_LIST_LEN];
	char cap_eff_names[PTI_LIST_LEN], cap_bnd_names[PTI_LIST_LEN];
	char cap_amb_names[PTI_LIST_LEN];
	char sched_class[8];
	__u64 vruntime, sum_exec_runtime, nr_migrations;
	__s32 on_rq, on_cpu, nr_cpus_allowed;
	char cpus_allowed[256];
	__u64 sig_blocked, sig_pending, sig_shared_pending, sig_ignored,
	      sig_caught;
	char sig_blocked_names[PTI_LIST_LEN], sig_pending_names[PTI_LIST_LEN];
	char sig_shared_pending_names[PTI_LIST_LEN];
	char sig_handlers[PTI_LIST_LEN];
	__s32 borrows_mm;
	__u64 arg_start, arg_end, env_start, env_end;
	char cmdline[PTI_ARGS_LEN], environ[PTI_ARGS_LEN];
	__s32 fds, max_fds, files_users, fs_users;
	__u64 stack_size, kaddr_stack;
	char root[PTI_PATH_LEN], cwd[PTI_PATH_LEN];
};

/*
 * Words the module writes for its own classifications, by number: one
 * table (a braced list, instantiated where it is used) for the module,
 * which writes enum -> word, and the CLI, which reads word -> enum.
 * PTI_WORD_TABLE() instantiates one: static const char *const @name[] =
 * @words (one of the *_WORDS lists below), checked when compiled to hold
 * a word for each of its enum's @n values.
 */
#define PTI_WORD_TABLE(name, words, n)					\
	static const char *const name[] = words;			\
	_Static_assert(sizeof(name) / sizeof(*name) == (n),		\
		       #name ": a word for each value")

enum pti_share_relation {
	PTI_RELATION_SELF, PTI_RELATION_THREAD, PTI_RELATION_CHILD,
	PTI_NR_RELATIONS
};
#define PTI_RELATION_WORDS	{ "self", "thread", "child" }

/* The queue a struct pti_se is on: rq->cfs (or a group's), rq->rt, rq->dl. */
enum pti_se_class {
	PTI_SE_CLASS_CFS, PTI_SE_CLASS_RT, PTI_SE_CLASS_DL, PTI_SE_NR_CLASSES
};
#define PTI_SE_CLASS_WORDS	{ "cfs", "rt", "dl" }

/* What a struct pti_se is: a task's, a task group's, a deadline server. */
enum pti_se_kind {
	PTI_SE_KIND_TASK, PTI_SE_KIND_GROUP, PTI_SE_KIND_SERVER,
	PTI_SE_NR_KINDS
};
#define PTI_SE_KIND_WORDS	{ "task", "group", "server" }

/* /proc/ptinspect/share: what a task shares with the chosen one. */
struct pti_share {
	__s32 pid, tgid, ppid;
	char relation[8];
	__s32 mm, files, fs, sighand, signal, nsproxy, io;
	char comm[PTI_COMM_LEN];
};

/* /proc/ptinspect/runqueues: one CPU's runqueue (struct rq). */
#define PTI_ABSENT_LEN		160	/* names of fields this kernel lacks */

struct pti_rq {
	__s32 cpu;
	__u32 nr_running;
	__u64 nr_switches, clock;
	__s32 curr_pid;
	__u32 cfs_nr_running, cfs_h_nr_running;
	__u64 cfs_min_vruntime, cfs_zero_vruntime, cfs_load;
	char cfs_order[12], cfs_groups[8];
	__u32 rt_nr_running, dl_nr_running, ext_nr_running;
	__s32 entities, truncated;
	__u32 holds;		/* lock holds the copy took */
	char copy[12];		/* one_hold, unchanged or assembled */
	char absent[PTI_ABSENT_LEN];
	char curr_comm[PTI_COMM_LEN];
};

/*
 * A scheduling entity of one CPU's queues: a CFS task or task group, a
 * real-time task, or a deadline task or server.
 */
#define PTI_GROUP_LEN		256	/* a cgroup path, as sched/debug shows */

struct pti_se {
	__s32 cpu, index, parent, depth;
	char sched_class[4];
	char kind[8];
	__s32 curr, pid, tgid, prio;
	__u64 vruntime;
	__s64 lag;
	__u64 weight, sum_exec_runtime;
	__s32 on_rq, left, right, red;
	__u64 deadline;
	__s64 vlag;
	__u64 slice;
	__s32 delayed;
	__u32 q_nr_running, q_h_nr_running;
	__u64 q_min_vruntime, q_zero_vruntime, q_load;
	char group[PTI_GROUP_LEN];
	char comm[PTI_COMM_LEN];
};

/* A page-table level, the root first (pages' and walk's level). */
enum pti_pt_level {
	PTI_LEVEL_PGD, PTI_LEVEL_P4D, PTI_LEVEL_PUD, PTI_LEVEL_PMD,
	PTI_LEVEL_PTE, PTI_NR_LEVELS
};
#define PTI_LEVEL_WORDS		{ "pgd", "p4d", "pud", "pmd", "pte" }

/* What a leaf entry holds (pages' state; a walk's result at a PTE). */
enum pti_page_state {
	PTI_STATE_PRESENT, PTI_STATE_SWAP, PTI_STATE_MIGRATION,
	PTI_STATE_DEVICE, PTI_STATE_HWPOISON, PTI_STATE_MARKER,
	PTI_STATE_OTHER, PTI_NR_STATES
};
#define PTI_STATE_WORDS	{ "present", "swap", "migration", "device", \
			  "hwpoison", "marker", "other" }

/* How a walk's step ends, besides a non-present PTE's state. */
enum pti_walk_result {
	PTI_RESULT_TABLE, PTI_RESULT_PAGE, PTI_RESULT_HUGE, PTI_RESULT_NONE,
	PTI_RESULT_BAD, PTI_RESULT_CHANGED, PTI_NR_RESULTS
};
#define PTI_RESULT_WORDS	{ "table", "page", "huge", "none", "bad", \
				  "changed" }

/* What a present entry maps (pages' kind). */
enum pti_page_kind {
	PTI_KIND_ANON, PTI_KIND_FILE, PTI_KIND_KSM, PTI_KIND_ZERO,
	PTI_KIND_SPECIAL, PTI_KIND_PFNMAP, PTI_KIND_OTHER, PTI_NR_KINDS
};
#define PTI_KIND_WORDS		{ "anon", "file", "ksm", "zero", "special", \
				  "pfnmap", "other" }

/*
 * /proc/ptinspect/pages: one used page-table leaf entry of a process,
 * a PTE or a huge PMD/PUD entry.
 */
struct pti_page {
	__u64 addr, size;
	char level[4];		/* pte, pmd or pud */
	char state[12];		/* present, swap, migration, device, ... */
	__u64 pfn;
	__u32 swap_type;
	__u64 swap_offset;
	__s32 write, dirty, young, soft_dirty;
	__s32 mapcount;		/* -1: no struct page was read */
	__s32 anon_exclusive, thp;
	char kind[8];		/* PTI_KIND_WORDS, or "-" when not present */
};

/*
 * /proc/ptinspect/walk: one level of the walk from a process's page-table
 * root to the page that maps one address.
 */
struct pti_walk_step {
	char level[4];		/* pgd, p4d, pud, pmd or pte */
	__u32 shift, index;	/* index = (addr >> shift) & (entries - 1) */
	__u64 entry;		/* the raw entry */
	__s32 present, write, user, accessed, dirty, huge, nx;
	__u64 pfn;		/* the next table's frame, or the page's */
	char result[12];	/* table, page, huge, none, swap, migration, ... */
};

/* /proc/ptinspect/kernel: this boot's paging and its randomized bases. */
struct pti_kernel {
	__s32 paging_levels;
	__u64 page_size, task_size_max;
	__u64 page_offset_base, vmalloc_base, vmemmap_base;
	__u64 image_start, image_end;	/* the image as its page tables map it */
	__u64 text_end, rodata_start, rodata_end, data_start;	/* its sections */
};

/* /proc/ptinspect/kernel: one region of the address space. */
struct pti_region {
	char name[20];
	__u64 start, end;	/* [start, end) */
	__u64 used_end;		/* the part in use, where the kernel knows it */
};

/* Column ids, from the one list in ptinspect_columns.h. */
enum pti_task_column {
#define PTI_TASK_COLUMN(id, name, member, type, help) PTI_TASK_##id,
#include "ptinspect_columns.h"
	PTI_TASK_NR_COLUMNS
};

/* Every tasks column, as PTI_IOC_TASK_COLUMNS's bits. */
#define PTI_TASK_ALL_COLUMNS	((1ULL << PTI_TASK_NR_COLUMNS) - 1)

/*
 * On an open /proc/ptinspect/tasks, before its first read: the lines
 * (the header too) hold only the columns whose bits (1ULL << PTI_TASK_*)
 * the __u64 argument sets, in their usual order.  A reader that needs a
 * few columns is spared the kernel's formatting of the rest and its own
 * splitting of them.  EINVAL for no column or one past the last, EBUSY
 * after a read; ENOTTY from a module without it (read every column).
 */
/* a type ioctl-number.rst (6.1) lists for no one; ours is one file */
#define PTI_IOC_MAGIC		0xd7
#define PTI_IOC_TASK_COLUMNS	_IOW(PTI_IOC_MAGIC, 1, __u64)

enum pti_task_kaddr_column {
#define PTI_TASK_KADDR_COLUMN(id, name, member, type, help) PTI_TASK_##id,
#include "ptinspect_columns.h"
	PTI_TASK_NR_KADDR_COLUMNS
};

enum pti_mm_column {
#define PTI_MM_COLUMN(id, name, member, type, help) PTI_MM_##id,
#include "ptinspect_columns.h"
	PTI_MM_NR_COLUMNS
};

enum pti_vma_column {
#define PTI_VMA_COLUMN(id, name, member, type, help) PTI_VMA_##id,
#include "ptinspect_columns.h"
	PTI_VMA_NR_COLUMNS
};

enum pti_vma_kaddr_column {
#define PTI_VMA_KADDR_COLUMN(id, name, member, type, help) PTI_VMA_##id,
#include "ptinspect_columns.h"
	PTI_VMA_NR_KADDR_COLUMNS
};

enum pti_flag_column {
#define PTI_FLAG_COLUMN(id, name, member, type, help) PTI_FLAG_##id,
#include "ptinspect_columns.h"
	PTI_FLAG_NR_COLUMNS
};

enum pti_detail_column {
#define PTI_DETAIL_COLUMN(id, name, member, type, help) PTI_DETAIL_##id,
#include "ptinspect_columns.h"
	PTI_DETAIL_NR_COLUMNS
};

enum pti_share_column {
#define PTI_SHARE_COLUMN(id, name, member, type, help) PTI_SHARE_##id,
#include "ptinspect_columns.h"
	PTI_SHARE_NR_COLUMNS
};

enum pti_rq_column {
#define PTI_RQ_COLUMN(id, name, member, type, help) PTI_RQ_##id,
#include "ptinspect_columns.h"
	PTI_RQ_NR_COLUMNS
};

enum pti_se_column {
#define PTI_SE_COLUMN(id, name, member, type, help) PTI_SE_##id,
#include "ptinspect_columns.h"
	PTI_SE_NR_COLUMNS
};

enum pti_page_column {
#define PTI_PAGE_COLUMN(id, name, member, type, help) PTI_PAGE_##id,
#include "ptinspect_columns.h"
	PTI_PAGE_NR_COLUMNS
};

enum pti_walk_column {
#define PTI_WALK_COLUMN(id, name, member, type, help) PTI_WALK_##id,
#include "ptinspect_columns.h"
	PTI_WALK_NR_COLUMNS
};

enum pti_kernel_column {
#define PTI_KERNEL_COLUMN(id, name, member, type, help) PTI_KERNEL_##id,
#include "ptinspect_columns.h"
	PTI_KERNEL_NR_COLUMNS
};

enum pti_region_column {
#define PTI_REGION_COLUMN(id, name, member, type, help) PTI_REGION_##id,
#include "ptinspect_columns.h"
	PTI_REGION_NR_COLUMNS
};

/* Where a column lives in its record: both sides build a table of these. */
struct pti_column {
	const char *name;
	const char *help;
	enum pti_value_type type;
	unsigned short offset;
	unsigned short size;
};

/* A struct pti_column initialiser for @member of struct @rec. */
#define PTI_COLUMN_INIT(rec, cname, member, vtype, chelp) {		\
	.name = cname, .help = chelp, .type = vtype,			\
	.offset = offsetof(struct rec, member),				\
	.size = sizeof(((struct rec *)0)->member),			\
}

/*
 * Every view's columns, in output order: defined once on each side, from
 * ptinspect_columns.h, by the one file there that includes
 * ptinspect_tables.h (procfs/record.c, cli/records.c).
 */
extern const struct pti_column pti_task_columns[PTI_TASK_NR_COLUMNS];
extern const struct pti_column pti_task_kaddr_columns[PTI_TASK_NR_KADDR_COLUMNS];
extern const struct pti_column pti_mm_columns[PTI_MM_NR_COLUMNS];
extern const struct pti_column pti_vma_columns[PTI_VMA_NR_COLUMNS];
extern const struct pti_column pti_vma_kaddr_columns[PTI_VMA_NR_KADDR_COLUMNS];
extern const struct pti_column pti_flag_columns[PTI_FLAG_NR_COLUMNS];
extern const struct pti_column pti_detail_columns[PTI_DETAIL_NR_COLUMNS];
extern const struct pti_column pti_share_columns[PTI_SHARE_NR_COLUMNS];
extern const struct pti_column pti_rq_columns[PTI_RQ_NR_COLUMNS];
extern const struct pti_column pti_se_columns[PTI_SE_NR_COLUMNS];
extern const struct pti_column pti_page_columns[PTI_PAGE_NR_COLUMNS];
extern const struct pti_column pti_walk_columns[PTI_WALK_NR_COLUMNS];
extern const struct pti_column pti_kernel_columns[PTI_KERNEL_NR_COLUMNS];
extern const struct pti_column pti_region_columns[PTI_REGION_NR_COLUMNS];

#endif /* PTINSPECT_FORMAT_H */
