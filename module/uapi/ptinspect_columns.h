/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptinspect_columns.h - the one list of every view's columns, included
 * after defining what each entry expands to:
 *
 *   PTI_TASK_COLUMN(id, name, member, type, help)
 *	a /proc/ptinspect/tasks column, in output order: its enum id, the
 *	header name (also the CLI's -o name and JSON key), the struct
 *	pti_task member it shows, how the value is written, one line of help.
 *   PTI_TASK_KADDR_COLUMN(id, name, member, type, help)
 *	a leading column of /sys/kernel/debug/ptinspect/tasks.
 *   PTI_MM_COLUMN(id, name, member, type, help)
 *	the address-space summary of /proc/ptinspect/vma (struct pti_mm).
 *   PTI_VMA_COLUMN(id, name, member, type, help)
 *	a VMA of /proc/ptinspect/vma (struct pti_vma).
 *   PTI_VMA_KADDR_COLUMN(id, name, member, type, help)
 *	a leading VMA column of /sys/kernel/debug/ptinspect/vma.
 *   PTI_FLAG_COLUMN(id, name, member, type, help)
 *	a flag bit's or a value's name in /proc/ptinspect/flags (struct pti_flag).
 *   PTI_DETAIL_COLUMN(id, name, member, type, help)
 *	a line of /proc/ptinspect/task after the task columns (struct
 *	pti_detail).
 *   PTI_SHARE_COLUMN(id, name, member, type, help)
 *	a column of /proc/ptinspect/share (struct pti_share).
 *   PTI_RQ_COLUMN(id, name, member, type, help)
 *	a CPU's runqueue in /proc/ptinspect/runqueues (struct pti_rq).
 *   PTI_SE_COLUMN(id, name, member, type, help)
 *	a CFS entity in /proc/ptinspect/runqueues (struct pti_se).
 *   PTI_PAGE_COLUMN(id, name, member, type, help)
 *	a page-table leaf in /proc/ptinspect/pages (struct pti_page).
 *   PTI_WALK_COLUMN(id, name, member, type, help)
 *	a level of /proc/ptinspect/walk (struct pti_walk_step).
 *   PTI_KERNEL_COLUMN(id, name, member, type, help)
 *	the paging summary of /proc/ptinspect/kernel (struct pti_kernel).
 *   PTI_REGION_COLUMN(id, name, member, type, help)
 *	a region of /proc/ptinspect/kernel (struct pti_region).
 *
 * Undefined entries expand to nothing; both are undefined again at the end.
 * The tasks' free-text columns, comm and name, end their lines.
 */
#ifndef PTI_TASK_COLUMN
#define PTI_TASK_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_TASK_KADDR_COLUMN
#define PTI_TASK_KADDR_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_MM_COLUMN
#define PTI_MM_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_VMA_COLUMN
#define PTI_VMA_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_VMA_KADDR_COLUMN
#define PTI_VMA_KADDR_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_FLAG_COLUMN
#define PTI_FLAG_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_DETAIL_COLUMN
#define PTI_DETAIL_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_RQ_COLUMN
#define PTI_RQ_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_SE_COLUMN
#define PTI_SE_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_SHARE_COLUMN
#define PTI_SHARE_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_PAGE_COLUMN
#define PTI_PAGE_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_WALK_COLUMN
#define PTI_WALK_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_KERNEL_COLUMN
#define PTI_KERNEL_COLUMN(id, name, member, type, help)
#endif
#ifndef PTI_REGION_COLUMN
#define PTI_REGION_COLUMN(id, name, member, type, help)
#endif

PTI_TASK_COLUMN(PID, "pid", pid, PTI_T_S32,
	"thread id (task_struct.pid) in the reader's pid namespace")
PTI_TASK_COLUMN(TGID, "tgid", tgid, PTI_T_S32, "thread-group (process) id")
PTI_TASK_COLUMN(PPID, "ppid", ppid, PTI_T_S32,
	"tgid of real_parent (0 for tasks whose parent is outside the namespace)")
PTI_TASK_COLUMN(TRACER, "tracer", tracer, PTI_T_S32,
	"pid of parent when it differs from real_parent (the ptracer), else 0")
PTI_TASK_COLUMN(LEADER, "leader", leader, PTI_T_S32, "pid of group_leader")
PTI_TASK_COLUMN(THREADS, "threads", threads, PTI_T_S32,
	"signal->nr_threads of the thread group")
PTI_TASK_COLUMN(PGID, "pgid", pgid, PTI_T_S32, "process-group id")
PTI_TASK_COLUMN(SID, "sid", sid, PTI_T_S32, "session id")
PTI_TASK_COLUMN(STATE, "state", state, PTI_T_CHAR,
	"state letter as /proc shows it: R S D T t X Z P I")
PTI_TASK_COLUMN(RAW_STATE, "raw_state", raw_state, PTI_T_HEX32,
	"task_struct.__state")
PTI_TASK_COLUMN(EXIT_STATE, "exit_state", exit_state, PTI_T_HEX32,
	"task_struct.exit_state (0x10 EXIT_DEAD, 0x20 EXIT_ZOMBIE)")
PTI_TASK_COLUMN(FLAGS, "flags", flags, PTI_T_HEX32, "task_struct.flags (PF_*)")
PTI_TASK_COLUMN(UID, "uid", uid, PTI_T_U32, "real uid")
PTI_TASK_COLUMN(EUID, "euid", euid, PTI_T_U32, "effective uid")
PTI_TASK_COLUMN(SUID, "suid", suid, PTI_T_U32, "saved uid")
PTI_TASK_COLUMN(FSUID, "fsuid", fsuid, PTI_T_U32, "filesystem uid")
PTI_TASK_COLUMN(GID, "gid", gid, PTI_T_U32, "real gid")
PTI_TASK_COLUMN(EGID, "egid", egid, PTI_T_U32, "effective gid")
PTI_TASK_COLUMN(SGID, "sgid", sgid, PTI_T_U32, "saved gid")
PTI_TASK_COLUMN(FSGID, "fsgid", fsgid, PTI_T_U32, "filesystem gid")
PTI_TASK_COLUMN(POLICY, "policy", policy, PTI_T_U32,
	"scheduling policy, the SCHED_* number (flags view: set policy names it)")
PTI_TASK_COLUMN(PRIO, "prio", prio, PTI_T_S32,
	"effective priority, task_struct.prio (0..139)")
PTI_TASK_COLUMN(STATIC_PRIO, "static_prio", static_prio, PTI_T_S32,
	"static_prio (120 + nice)")
PTI_TASK_COLUMN(NORMAL_PRIO, "normal_prio", normal_prio, PTI_T_S32,
	"normal_prio (prio without priority inheritance)")
PTI_TASK_COLUMN(RT_PRIORITY, "rt_priority", rt_priority, PTI_T_S32,
	"rt_priority (1..99 for FIFO/RR, else 0)")
PTI_TASK_COLUMN(NICE, "nice", nice, PTI_T_S32, "nice, from static_prio")
PTI_TASK_COLUMN(UTIME_NS, "utime_ns", utime_ns, PTI_T_U64,
	"task_struct.utime: user time in ns, unscaled")
PTI_TASK_COLUMN(STIME_NS, "stime_ns", stime_ns, PTI_T_U64,
	"task_struct.stime: system time in ns, unscaled")
PTI_TASK_COLUMN(NVCSW, "nvcsw", nvcsw, PTI_T_U64, "voluntary context switches")
PTI_TASK_COLUMN(NIVCSW, "nivcsw", nivcsw, PTI_T_U64,
	"involuntary context switches")
PTI_TASK_COLUMN(START_NS, "start_ns", start_ns, PTI_T_U64,
	"start_time: CLOCK_MONOTONIC ns at fork")
PTI_TASK_COLUMN(START_BOOT_NS, "start_boot_ns", start_boot_ns, PTI_T_U64,
	"start_boottime: CLOCK_BOOTTIME ns at fork")
PTI_TASK_COLUMN(CPU, "cpu", cpu, PTI_T_S32, "CPU the task is on or last ran on")
PTI_TASK_COLUMN(HAS_MM, "has_mm", has_mm, PTI_T_S32,
	"1 if task_struct.mm is set (a user address space), else 0")
PTI_TASK_COLUMN(KTHREAD, "kthread", kthread, PTI_T_S32,
	"1 for a kernel thread (PF_KTHREAD in flags), else 0")
PTI_TASK_COLUMN(REAPER, "reaper", reaper, PTI_T_S32,
	"1 if the thread group reaps orphans: namespace init or PR_SET_CHILD_SUBREAPER")
PTI_TASK_COLUMN(EXIT_CODE, "exit_code", exit_code, PTI_T_S32,
	"task_struct.exit_code (wait status; meaningful for zombies); 0 unless the reader may ptrace the task")
PTI_TASK_COLUMN(COMM, "comm", comm, PTI_T_ESCAPED,
	"task_struct.comm, escaped")
PTI_TASK_COLUMN(NAME, "name", name, PTI_T_ESCAPED,
	"the name /proc/PID/comm shows: comm, a kthread's full name, a workqueue worker's id and work, escaped")

PTI_TASK_KADDR_COLUMN(KADDR_TASK, "task", kaddr_task, PTI_T_KPTR,
	"address of the task_struct (%pK: zeros unless kptr_restrict allows)")
PTI_TASK_KADDR_COLUMN(KADDR_STACK, "stack", kaddr_stack, PTI_T_KPTR,
	"address of the kernel stack (%pK)")
PTI_TASK_KADDR_COLUMN(KADDR_MM, "mm", kaddr_mm, PTI_T_KPTR,
	"address of the mm_struct, 0 without one (%pK)")

PTI_MM_COLUMN(PID, "pid", pid, PTI_T_S32, "the pid the address space was chosen by")
PTI_MM_COLUMN(TGID, "tgid", tgid, PTI_T_S32, "its thread group")
PTI_MM_COLUMN(MM_USERS, "mm_users", mm_users, PTI_T_S32,
	"users of the address space: threads and CLONE_VM tasks (ptinspect's own reference left out)")
PTI_MM_COLUMN(MM_COUNT, "mm_count", mm_count, PTI_T_S32,
	"references to the mm_struct: 1 for all users, plus lazy-TLB borrowers (ptinspect's left out)")
PTI_MM_COLUMN(MAP_COUNT, "map_count", map_count, PTI_T_S32, "number of VMAs")
PTI_MM_COLUMN(TASK_SIZE, "task_size", task_size, PTI_T_HEX64,
	"top of user space (exclusive)")
PTI_MM_COLUMN(MMAP_BASE, "mmap_base", mmap_base, PTI_T_HEX64,
	"where top-down mmap allocation starts")
PTI_MM_COLUMN(START_CODE, "start_code", start_code, PTI_T_HEX64, "program text start")
PTI_MM_COLUMN(END_CODE, "end_code", end_code, PTI_T_HEX64, "program text end")
PTI_MM_COLUMN(START_DATA, "start_data", start_data, PTI_T_HEX64, "initialised data start")
PTI_MM_COLUMN(END_DATA, "end_data", end_data, PTI_T_HEX64, "initialised data end")
PTI_MM_COLUMN(START_BRK, "start_brk", start_brk, PTI_T_HEX64, "heap start")
PTI_MM_COLUMN(BRK, "brk", brk, PTI_T_HEX64, "current program break (heap end)")
PTI_MM_COLUMN(START_STACK, "start_stack", start_stack, PTI_T_HEX64,
	"initial stack pointer area")
PTI_MM_COLUMN(ARG_START, "arg_start", arg_start, PTI_T_HEX64, "argv strings start")
PTI_MM_COLUMN(ARG_END, "arg_end", arg_end, PTI_T_HEX64, "argv strings end")
PTI_MM_COLUMN(ENV_START, "env_start", env_start, PTI_T_HEX64, "environment start")
PTI_MM_COLUMN(ENV_END, "env_end", env_end, PTI_T_HEX64, "environment end")
PTI_MM_COLUMN(PAGE_SIZE, "page_size", page_size, PTI_T_U32,
	"bytes in a page (PAGE_SIZE): the unit of the page counts below")
PTI_MM_COLUMN(TOTAL_VM, "total_vm", total_vm, PTI_T_U64, "pages mapped (VmSize)")
PTI_MM_COLUMN(LOCKED_VM, "locked_vm", locked_vm, PTI_T_U64, "pages mlocked (VmLck)")
PTI_MM_COLUMN(PINNED_VM, "pinned_vm", pinned_vm, PTI_T_U64,
	"pages pinned long-term (VmPin)")
PTI_MM_COLUMN(DATA_VM, "data_vm", data_vm, PTI_T_U64,
	"private writable non-stack pages (VmData)")
PTI_MM_COLUMN(EXEC_VM, "exec_vm", exec_vm, PTI_T_U64,
	"executable non-writable pages")
PTI_MM_COLUMN(STACK_VM, "stack_vm", stack_vm, PTI_T_U64, "stack pages (VmStk)")
PTI_MM_COLUMN(RSS_FILE, "rss_file", rss_file, PTI_T_U64,
	"resident file-backed pages (RssFile)")
PTI_MM_COLUMN(RSS_ANON, "rss_anon", rss_anon, PTI_T_U64,
	"resident anonymous pages (RssAnon)")
PTI_MM_COLUMN(RSS_SHMEM, "rss_shmem", rss_shmem, PTI_T_U64,
	"resident shared-memory pages (RssShmem)")
PTI_MM_COLUMN(PGTABLES_BYTES, "pgtables_bytes", pgtables_bytes, PTI_T_U64,
	"page-table memory in bytes (VmPTE)")
PTI_MM_COLUMN(KADDR_MM, "mm", kaddr_mm, PTI_T_KPTR,
	"address of the mm_struct (%pK)")

PTI_VMA_COLUMN(START, "start", start, PTI_T_HEX64, "vm_start (inclusive)")
PTI_VMA_COLUMN(END, "end", end, PTI_T_HEX64, "vm_end (exclusive)")
PTI_VMA_COLUMN(PERMS, "perms", perms, PTI_T_WORD,
	"r/w/x and p (private) or s (shared), as /proc/<pid>/maps")
PTI_VMA_COLUMN(VM_FLAGS, "vm_flags", vm_flags, PTI_T_HEX64, "vm_flags (VM_*)")
PTI_VMA_COLUMN(OFFSET, "offset", offset, PTI_T_HEX64,
	"file offset in bytes (vm_pgoff << PAGE_SHIFT), 0 if anonymous")
PTI_VMA_COLUMN(DEV_MAJOR, "dev_major", dev_major, PTI_T_U32,
	"major of the backing file's device")
PTI_VMA_COLUMN(DEV_MINOR, "dev_minor", dev_minor, PTI_T_U32,
	"minor of the backing file's device")
PTI_VMA_COLUMN(INODE, "inode", inode, PTI_T_U64, "backing file's inode, 0 if none")
PTI_VMA_COLUMN(ANON_VMA, "anon_vma", anon_vma, PTI_T_S32,
	"1 if an anon_vma is attached (anonymous pages were faulted in or inherited)")
PTI_VMA_COLUMN(NAME, "name", name, PTI_T_ESCAPED,
	"backing file path, or [heap] [stack] [vdso] [vvar] [anon:NAME], '-' if anonymous")

PTI_VMA_KADDR_COLUMN(KADDR_VMA, "vma", kaddr_vma, PTI_T_KPTR,
	"address of the vm_area_struct (%pK)")

PTI_FLAG_COLUMN(SET, "set", set, PTI_T_WORD,
	"the column named: vm_flags (vma), flags (tasks, PF_* bits), policy (tasks, SCHED_* values)")
PTI_FLAG_COLUMN(VALUE, "value", value, PTI_T_HEX64,
	"the bit, or for policy the value, as this kernel defines it")
PTI_FLAG_COLUMN(NAME, "name", name, PTI_T_WORD,
	"its name without the VM_, PF_ or SCHED_ prefix")

PTI_DETAIL_COLUMN(NS_PID, "ns_pid", ns_pid, PTI_T_S32,
	"pid in the task's own pid namespace")
PTI_DETAIL_COLUMN(NS_TGID, "ns_tgid", ns_tgid, PTI_T_S32,
	"tgid in the task's own pid namespace")
PTI_DETAIL_COLUMN(NS_LEVEL, "ns_level", ns_level, PTI_T_S32,
	"nesting level of that namespace (0: the initial one)")
PTI_DETAIL_COLUMN(REAL_PARENT_PID, "real_parent_pid", real_parent_pid, PTI_T_S32,
	"pid of real_parent (the thread that forked it, or the reaper)")
PTI_DETAIL_COLUMN(PARENT_PID, "parent_pid", parent_pid, PTI_T_S32,
	"pid of parent: real_parent, or the tracer while ptraced")
PTI_DETAIL_COLUMN(NR_CHILDREN, "nr_children", nr_children, PTI_T_S32,
	"child processes of the whole thread group")
PTI_DETAIL_COLUMN(CHILDREN, "children", children, PTI_T_WORD,
	"their pids, comma-separated, ending ',+' if cut")
PTI_DETAIL_COLUMN(SIBLINGS, "siblings", siblings, PTI_T_S32,
	"other children of the same real parent's thread group")
PTI_DETAIL_COLUMN(THREAD_PIDS, "thread_pids", thread_pids, PTI_T_WORD,
	"pids of the thread group's members, comma-separated")
PTI_DETAIL_COLUMN(FLAG_NAMES, "flag_names", flag_names, PTI_T_WORD,
	"PF_* flags by name without PF_, '|'-separated, '-' if none")
PTI_DETAIL_COLUMN(STATE_NAMES, "state_names", state_names, PTI_T_WORD,
	"__state bits by name (INTERRUPTIBLE, WAKEKILL, NOLOAD, FREEZABLE...), RUNNING if 0")
PTI_DETAIL_COLUMN(EXIT_STATE_NAMES, "exit_state_names", exit_state_names, PTI_T_WORD,
	"exit_state bits by name (ZOMBIE, DEAD)")
PTI_DETAIL_COLUMN(EXIT_SIGNAL, "exit_signal", exit_signal, PTI_T_S32,
	"signal sent to the parent at exit (-1 for threads)")
PTI_DETAIL_COLUMN(NGROUPS, "ngroups", ngroups, PTI_T_S32,
	"supplementary groups")
PTI_DETAIL_COLUMN(CRED_DIFFERS, "cred_differs", cred_differs, PTI_T_S32,
	"1 if cred (how it acts) is not real_cred (how others act on it)")
PTI_DETAIL_COLUMN(REAL_EUID, "real_euid", real_euid, PTI_T_U32,
	"euid of real_cred (the objective one)")
PTI_DETAIL_COLUMN(REAL_EGID, "real_egid", real_egid, PTI_T_U32,
	"egid of real_cred")
PTI_DETAIL_COLUMN(CAP_INH, "cap_inh", cap_inh, PTI_T_HEX64, "inheritable capabilities")
PTI_DETAIL_COLUMN(CAP_INH_NAMES, "cap_inh_names", cap_inh_names, PTI_T_WORD, "by name")
PTI_DETAIL_COLUMN(CAP_PRM, "cap_prm", cap_prm, PTI_T_HEX64, "permitted capabilities")
PTI_DETAIL_COLUMN(CAP_PRM_NAMES, "cap_prm_names", cap_prm_names, PTI_T_WORD, "by name")
PTI_DETAIL_COLUMN(CAP_EFF, "cap_eff", cap_eff, PTI_T_HEX64, "effective capabilities")
PTI_DETAIL_COLUMN(CAP_EFF_NAMES, "cap_eff_names", cap_eff_names, PTI_T_WORD, "by name")
PTI_DETAIL_COLUMN(CAP_BND, "cap_bnd", cap_bnd, PTI_T_HEX64, "bounding set")
PTI_DETAIL_COLUMN(CAP_BND_NAMES, "cap_bnd_names", cap_bnd_names, PTI_T_WORD, "by name")
PTI_DETAIL_COLUMN(CAP_AMB, "cap_amb", cap_amb, PTI_T_HEX64, "ambient capabilities")
PTI_DETAIL_COLUMN(CAP_AMB_NAMES, "cap_amb_names", cap_amb_names, PTI_T_WORD, "by name")
PTI_DETAIL_COLUMN(SCHED_CLASS, "sched_class", sched_class, PTI_T_WORD,
	"task->sched_class by its symbol, without _sched_class: stop dl rt fair idle")
PTI_DETAIL_COLUMN(VRUNTIME, "vruntime", vruntime, PTI_T_U64,
	"se.vruntime, ns of weighted CPU time (CFS key)")
PTI_DETAIL_COLUMN(SUM_EXEC_RUNTIME, "sum_exec_runtime", sum_exec_runtime, PTI_T_U64,
	"se.sum_exec_runtime, ns on a CPU")
PTI_DETAIL_COLUMN(NR_MIGRATIONS, "nr_migrations", nr_migrations, PTI_T_U64,
	"se.nr_migrations between CPUs")
PTI_DETAIL_COLUMN(ON_RQ, "on_rq", on_rq, PTI_T_S32,
	"on_rq: 0 not queued, 1 queued, 2 migrating")
PTI_DETAIL_COLUMN(ON_CPU, "on_cpu", on_cpu, PTI_T_S32, "1 while running on a CPU")
PTI_DETAIL_COLUMN(CPUS_ALLOWED, "cpus_allowed", cpus_allowed, PTI_T_WORD,
	"CPUs it may run on, as a list (0-3,6)")
PTI_DETAIL_COLUMN(NR_CPUS_ALLOWED, "nr_cpus_allowed", nr_cpus_allowed, PTI_T_S32,
	"how many")
PTI_DETAIL_COLUMN(SIG_BLOCKED, "sig_blocked", sig_blocked, PTI_T_HEX64,
	"blocked signals (bit n-1 for signal n)")
PTI_DETAIL_COLUMN(SIG_BLOCKED_NAMES, "sig_blocked_names", sig_blocked_names, PTI_T_WORD,
	"by name")
PTI_DETAIL_COLUMN(SIG_PENDING, "sig_pending", sig_pending, PTI_T_HEX64,
	"signals pending for this thread")
PTI_DETAIL_COLUMN(SIG_PENDING_NAMES, "sig_pending_names", sig_pending_names, PTI_T_WORD,
	"by name")
PTI_DETAIL_COLUMN(SIG_SHARED_PENDING, "sig_shared_pending", sig_shared_pending,
	PTI_T_HEX64, "signals pending for the thread group")
PTI_DETAIL_COLUMN(SIG_SHARED_PENDING_NAMES, "sig_shared_pending_names",
	sig_shared_pending_names, PTI_T_WORD, "by name")
PTI_DETAIL_COLUMN(SIG_IGNORED, "sig_ignored", sig_ignored, PTI_T_HEX64,
	"signals set to SIG_IGN")
PTI_DETAIL_COLUMN(SIG_CAUGHT, "sig_caught", sig_caught, PTI_T_HEX64,
	"signals with a handler")
PTI_DETAIL_COLUMN(SIG_HANDLERS, "sig_handlers", sig_handlers, PTI_T_WORD,
	"non-default dispositions: SIGNAME:ignore or SIGNAME:handler:SA_FLAGS")
PTI_DETAIL_COLUMN(BORROWS_MM, "borrows_mm", borrows_mm, PTI_T_S32,
	"1 if a kernel thread is running on a borrowed active_mm")
PTI_DETAIL_COLUMN(ARG_START, "arg_start", arg_start, PTI_T_HEX64, "argv strings start")
PTI_DETAIL_COLUMN(ARG_END, "arg_end", arg_end, PTI_T_HEX64, "argv strings end")
PTI_DETAIL_COLUMN(ENV_START, "env_start", env_start, PTI_T_HEX64, "environment start")
PTI_DETAIL_COLUMN(ENV_END, "env_end", env_end, PTI_T_HEX64, "environment end")
PTI_DETAIL_COLUMN(CMDLINE, "cmdline", cmdline, PTI_T_ESCAPED,
		  "argv strings, newline-separated (first 4095 bytes)")
PTI_DETAIL_COLUMN(ENVIRON, "environ", environ, PTI_T_ESCAPED,
		  "environment strings, newline-separated (first 4095 bytes)")
PTI_DETAIL_COLUMN(FDS, "fds", fds, PTI_T_S32, "open file descriptors")
PTI_DETAIL_COLUMN(MAX_FDS, "max_fds", max_fds, PTI_T_S32,
	"size of the current fd table")
PTI_DETAIL_COLUMN(FILES_USERS, "files_users", files_users, PTI_T_S32,
	"tasks sharing the files_struct (CLONE_FILES)")
PTI_DETAIL_COLUMN(FS_USERS, "fs_users", fs_users, PTI_T_S32,
	"tasks sharing the fs_struct (CLONE_FS)")
PTI_DETAIL_COLUMN(STACK_SIZE, "stack_size", stack_size, PTI_T_U64,
	"kernel stack size in bytes")
PTI_DETAIL_COLUMN(KADDR_STACK, "stack", kaddr_stack, PTI_T_KPTR,
	"kernel stack address (%pK)")
PTI_DETAIL_COLUMN(ROOT, "root", root, PTI_T_ESCAPED, "root directory")
PTI_DETAIL_COLUMN(CWD, "cwd", cwd, PTI_T_ESCAPED, "working directory")

PTI_SHARE_COLUMN(PID, "pid", pid, PTI_T_S32, "the task")
PTI_SHARE_COLUMN(TGID, "tgid", tgid, PTI_T_S32, "its thread group")
PTI_SHARE_COLUMN(PPID, "ppid", ppid, PTI_T_S32, "tgid of its real parent")
PTI_SHARE_COLUMN(RELATION, "relation", relation, PTI_T_WORD,
	"self, thread (same group) or child (of the group)")
PTI_SHARE_COLUMN(MM, "mm", mm, PTI_T_S32,
	"1 same mm_struct (CLONE_VM), 0 its own, -1 one side has none")
PTI_SHARE_COLUMN(FILES, "files", files, PTI_T_S32, "same files_struct (CLONE_FILES)")
PTI_SHARE_COLUMN(FS, "fs", fs, PTI_T_S32, "same fs_struct (CLONE_FS)")
PTI_SHARE_COLUMN(SIGHAND, "sighand", sighand, PTI_T_S32,
	"same sighand_struct (CLONE_SIGHAND)")
PTI_SHARE_COLUMN(SIGNAL, "signal", signal, PTI_T_S32,
	"same signal_struct (CLONE_THREAD)")
PTI_SHARE_COLUMN(NSPROXY, "nsproxy", nsproxy, PTI_T_S32,
	"same namespaces (nsproxy)")
PTI_SHARE_COLUMN(IO, "io", io, PTI_T_S32,
	"same io_context (CLONE_IO); -1 if either has none yet")
PTI_SHARE_COLUMN(COMM, "comm", comm, PTI_T_ESCAPED, "its comm")

PTI_RQ_COLUMN(CPU, "cpu", cpu, PTI_T_S32, "the CPU")
PTI_RQ_COLUMN(NR_RUNNING, "nr_running", nr_running, PTI_T_U32,
	"rq->nr_running: runnable tasks of every class, the running one included")
PTI_RQ_COLUMN(NR_SWITCHES, "nr_switches", nr_switches, PTI_T_U64,
	"rq->nr_switches: context switches on this CPU")
PTI_RQ_COLUMN(CLOCK, "clock", clock, PTI_T_U64, "rq->clock, ns")
PTI_RQ_COLUMN(CURR_PID, "curr_pid", curr_pid, PTI_T_S32,
	"pid of rq->curr, the running task (0: the idle task)")
PTI_RQ_COLUMN(CFS_NR_RUNNING, "cfs_nr_running", cfs_nr_running, PTI_T_U32,
	"rq->cfs.nr_running: entities on the top-level CFS queue")
PTI_RQ_COLUMN(CFS_H_NR_RUNNING, "cfs_h_nr_running", cfs_h_nr_running, PTI_T_U32,
	"rq->cfs.h_nr_running: CFS tasks in the whole hierarchy")
PTI_RQ_COLUMN(CFS_MIN_VRUNTIME, "cfs_min_vruntime", cfs_min_vruntime, PTI_T_U64,
	"rq->cfs.min_vruntime, ns (until zero_vruntime replaced it)")
PTI_RQ_COLUMN(CFS_ZERO_VRUNTIME, "cfs_zero_vruntime", cfs_zero_vruntime, PTI_T_U64,
	"rq->cfs.zero_vruntime, ns: the point tree keys are taken from (6.19; Debian's 6.12 too)")
PTI_RQ_COLUMN(CFS_ORDER, "cfs_order", cfs_order, PTI_T_WORD,
	"what the CFS timeline is sorted by: vruntime, or deadline (EEVDF's augmented tree, 6.8+)")
PTI_RQ_COLUMN(CFS_GROUPS, "cfs_groups", cfs_groups, PTI_T_WORD,
	"nested: a group's tasks queue in its own cfs_rq below its entity; flat (7.x): every task on rq->cfs")
PTI_RQ_COLUMN(CFS_LOAD, "cfs_load", cfs_load, PTI_T_U64,
	"rq->cfs.load.weight: sum of the queued entities' weights")
PTI_RQ_COLUMN(RT_NR_RUNNING, "rt_nr_running", rt_nr_running, PTI_T_U32,
	"rq->rt.rt_nr_running: queued real-time tasks")
PTI_RQ_COLUMN(DL_NR_RUNNING, "dl_nr_running", dl_nr_running, PTI_T_U32,
	"rq->dl.dl_nr_running: queued deadline tasks")
PTI_RQ_COLUMN(EXT_NR_RUNNING, "ext_nr_running", ext_nr_running, PTI_T_U32,
	"rq->scx.nr_running: tasks on sched_ext, the BPF-defined class (6.12+)")
PTI_RQ_COLUMN(ENTITIES, "nr_entities", entities, PTI_T_S32,
	"entity lines that follow for this CPU (CFS, then RT, then DL)")
PTI_RQ_COLUMN(TRUNCATED, "truncated", truncated, PTI_T_S32,
	"1 if the queues held more entities than are listed")
PTI_RQ_COLUMN(HOLDS, "holds", holds, PTI_T_U32,
	"runqueue lock holds the copy took (at most 32 entities each, 8 on PREEMPT_RT)")
PTI_RQ_COLUMN(COPY, "copy", copy, PTI_T_WORD,
	"one_hold; unchanged: several holds, nr_switches, counts and resume points the same; assembled: from different moments")
PTI_RQ_COLUMN(ABSENT, "absent", absent, PTI_T_WORD,
	"fields this kernel does not have, comma-separated; shown as 0")
PTI_RQ_COLUMN(CURR_COMM, "curr_comm", curr_comm, PTI_T_ESCAPED, "comm of rq->curr")

PTI_SE_COLUMN(CPU, "cpu", cpu, PTI_T_S32, "the CPU whose queues hold it")
PTI_SE_COLUMN(INDEX, "index", index, PTI_T_S32, "its number in this CPU's list, from 0")
PTI_SE_COLUMN(PARENT, "parent", parent, PTI_T_S32,
	"index of the group entity whose queue holds it; -1 for the rq's own queues")
PTI_SE_COLUMN(DEPTH, "depth", depth, PTI_T_S32, "0 on rq->cfs, 1 in a group below it...")
PTI_SE_COLUMN(CLASS, "class", sched_class, PTI_T_WORD,
	"the queue: cfs (rq->cfs and groups), rt (rq->rt) or dl (rq->dl)")
PTI_SE_COLUMN(KIND, "kind", kind, PTI_T_WORD,
	"task, group, or server (a deadline server inside the rq, 6.8+)")
PTI_SE_COLUMN(CURR, "curr", curr, PTI_T_S32,
	"cfs: 1 for its queue's curr, running so not in the tree (listed first); rt, dl: 1 for rq->curr")
PTI_SE_COLUMN(PID, "pid", pid, PTI_T_S32, "the task's pid (0 otherwise)")
PTI_SE_COLUMN(TGID, "tgid", tgid, PTI_T_S32, "the task's tgid (0 otherwise)")
PTI_SE_COLUMN(PRIO, "prio", prio, PTI_T_S32,
	"the task's p->prio: -1 deadline, 0-99 rt (99 - rt_priority), 100-139 fair (120 + nice); else 0")
PTI_SE_COLUMN(VRUNTIME, "vruntime", vruntime, PTI_T_U64,
	"cfs: se->vruntime, ns; the tree key where cfs_order is vruntime")
PTI_SE_COLUMN(LAG, "lag", lag, PTI_T_S64,
	"cfs: vruntime - its queue's min_vruntime, ns")
PTI_SE_COLUMN(WEIGHT, "weight", weight, PTI_T_U64, "cfs: se->load.weight")
PTI_SE_COLUMN(SUM_EXEC_RUNTIME, "sum_exec_runtime", sum_exec_runtime, PTI_T_U64,
	"se->sum_exec_runtime (a task's, whatever its class), ns")
PTI_SE_COLUMN(ON_RQ, "on_rq", on_rq, PTI_T_S32,
	"cfs: se->on_rq; rt: rt_se->on_rq; dl: the task's on_rq (1 for a server)")
PTI_SE_COLUMN(LEFT, "left", left, PTI_T_S32,
	"cfs, dl: index of its left child in the rb-tree, -1 if none")
PTI_SE_COLUMN(RIGHT, "right", right, PTI_T_S32, "index of its right child, -1 if none")
PTI_SE_COLUMN(RED, "red", red, PTI_T_S32, "1 if its rb-tree node is red, 0 if black")
PTI_SE_COLUMN(DEADLINE, "deadline", deadline, PTI_T_U64,
	"dl: dl_se->deadline, the tree key; cfs: se->deadline (EEVDF, 6.6+), the key where cfs_order is deadline; ns")
PTI_SE_COLUMN(VLAG, "vlag", vlag, PTI_T_S64, "cfs: se->vlag (EEVDF, 6.6+), ns")
PTI_SE_COLUMN(SLICE, "slice", slice, PTI_T_U64, "cfs: se->slice (EEVDF, 6.6+), ns")
PTI_SE_COLUMN(DELAYED, "delayed", delayed, PTI_T_S32,
	"cfs: se->sched_delayed: asleep but kept queued until its lag is spent (6.12+)")
PTI_SE_COLUMN(Q_NR_RUNNING, "q_nr_running", q_nr_running, PTI_T_U32,
	"a group's own queue (my_q): nr_running")
PTI_SE_COLUMN(Q_H_NR_RUNNING, "q_h_nr_running", q_h_nr_running, PTI_T_U32,
	"my_q->h_nr_running")
PTI_SE_COLUMN(Q_MIN_VRUNTIME, "q_min_vruntime", q_min_vruntime, PTI_T_U64,
	"my_q->min_vruntime, ns")
PTI_SE_COLUMN(Q_ZERO_VRUNTIME, "q_zero_vruntime", q_zero_vruntime, PTI_T_U64,
	"my_q->zero_vruntime, ns")
PTI_SE_COLUMN(Q_LOAD, "q_load", q_load, PTI_T_U64, "my_q->load.weight")
PTI_SE_COLUMN(GROUP, "group", group, PTI_T_WORD,
	"a group's task group as sched/debug names it (/autogroup-N or a cgroup path); with flat groups a task's own; a server's name")
PTI_SE_COLUMN(COMM, "comm", comm, PTI_T_ESCAPED, "the task's comm")

PTI_PAGE_COLUMN(ADDR, "addr", addr, PTI_T_HEX64,
	"first virtual address the entry maps")
PTI_PAGE_COLUMN(SIZE, "size", size, PTI_T_U64,
	"bytes it maps: the page size, or a PMD's or PUD's span")
PTI_PAGE_COLUMN(LEVEL, "level", level, PTI_T_WORD,
	"table level of the entry: pte, pmd (huge) or pud (huge)")
PTI_PAGE_COLUMN(STATE, "state", state, PTI_T_WORD,
	"present, swap, migration, device, hwpoison, marker or other")
PTI_PAGE_COLUMN(PFN, "pfn", pfn, PTI_T_HEX64,
	"page frame number of a present entry; 0 unless the opener has CAP_SYS_ADMIN")
PTI_PAGE_COLUMN(SWAP_TYPE, "swap_type", swap_type, PTI_T_U32,
	"swap entry: the swap area's index")
PTI_PAGE_COLUMN(SWAP_OFFSET, "swap_offset", swap_offset, PTI_T_HEX64,
	"swap entry: slot in the area; 0 unless the opener has CAP_SYS_ADMIN")
PTI_PAGE_COLUMN(WRITE, "write", write, PTI_T_S32,
	"1 if the entry allows writes (0 on a copy-on-write page)")
PTI_PAGE_COLUMN(DIRTY, "dirty", dirty, PTI_T_S32, "1 if the hardware dirty bit is set")
PTI_PAGE_COLUMN(YOUNG, "young", young, PTI_T_S32,
	"1 if the hardware accessed bit is set")
PTI_PAGE_COLUMN(SOFT_DIRTY, "soft_dirty", soft_dirty, PTI_T_S32,
	"1 if written since the last clear_refs (soft-dirty bit)")
PTI_PAGE_COLUMN(MAPCOUNT, "mapcount", mapcount, PTI_T_S32,
	"page-table entries mapping the page (a large folio's on 6.12+); -1 if not a normal page")
PTI_PAGE_COLUMN(ANON_EXCLUSIVE, "anon_exclusive", anon_exclusive, PTI_T_S32,
	"1 if the anonymous page belongs to this process alone (PageAnonExclusive)")
PTI_PAGE_COLUMN(THP, "thp", thp, PTI_T_S32,
	"1 if the page is part of a large folio (a transparent huge page)")
PTI_PAGE_COLUMN(KIND, "kind", kind, PTI_T_WORD,
	"anon, ksm, file, zero, special, pfnmap, other (neither, e.g. the vDSO), - when not present")

PTI_WALK_COLUMN(LEVEL, "level", level, PTI_T_WORD,
	"pgd, p4d (5-level paging only), pud, pmd or pte")
PTI_WALK_COLUMN(SHIFT, "shift", shift, PTI_T_U32,
	"the address bit this level's index starts at")
PTI_WALK_COLUMN(INDEX, "index", index, PTI_T_U32,
	"entry used: (address >> shift) & (entries per table - 1)")
PTI_WALK_COLUMN(ENTRY, "entry", entry, PTI_T_HEX64,
	"the entry's raw value; 0 unless the opener has CAP_SYS_ADMIN")
PTI_WALK_COLUMN(PRESENT, "present", present, PTI_T_S32, "1 if the present bit is set")
PTI_WALK_COLUMN(WRITE, "write", write, PTI_T_S32, "1 if writable (R/W)")
PTI_WALK_COLUMN(USER, "user", user, PTI_T_S32, "1 if user mode may use it (U/S)")
PTI_WALK_COLUMN(ACCESSED, "accessed", accessed, PTI_T_S32,
	"1 if the MMU has used it since the bit was cleared")
PTI_WALK_COLUMN(DIRTY, "dirty", dirty, PTI_T_S32,
	"1 if written through (leaf entries)")
PTI_WALK_COLUMN(HUGE, "huge", huge, PTI_T_S32,
	"1 if a PUD or PMD entry maps a huge page itself (PSE)")
PTI_WALK_COLUMN(NX, "nx", nx, PTI_T_S32, "1 if instruction fetches are forbidden")
PTI_WALK_COLUMN(PFN, "pfn", pfn, PTI_T_HEX64,
	"frame of the next table or of the page; 0 unless the opener has CAP_SYS_ADMIN")
PTI_WALK_COLUMN(RESULT, "result", result, PTI_T_WORD,
	"table (go on), page, huge, none (the walk ends: nothing mapped), swap, migration, other")

PTI_KERNEL_COLUMN(PAGING_LEVELS, "paging_levels", paging_levels, PTI_T_S32,
	"page-table levels of this boot: 4, or 5 with LA57")
PTI_KERNEL_COLUMN(PAGE_SIZE, "page_size", page_size, PTI_T_U64, "PAGE_SIZE in bytes")
PTI_KERNEL_COLUMN(TASK_SIZE_MAX, "task_size_max", task_size_max, PTI_T_HEX64,
	"top of user space (TASK_SIZE_MAX)")
PTI_KERNEL_COLUMN(PAGE_OFFSET_BASE, "page_offset_base", page_offset_base, PTI_T_HEX64,
	"start of the direct map of all physical memory (randomized; 0 if hidden)")
PTI_KERNEL_COLUMN(VMALLOC_BASE, "vmalloc_base", vmalloc_base, PTI_T_HEX64,
	"start of the vmalloc area (randomized)")
PTI_KERNEL_COLUMN(VMEMMAP_BASE, "vmemmap_base", vmemmap_base, PTI_T_HEX64,
	"start of the struct page array (randomized)")
PTI_KERNEL_COLUMN(IMAGE_START, "image_start", image_start, PTI_T_HEX64,
	"first address the kernel image's page tables map: _text (randomized)")
PTI_KERNEL_COLUMN(IMAGE_END, "image_end", image_end, PTI_T_HEX64,
	"end of the image's mapping: past _end, rounded up to the 2 MiB page that maps it")
PTI_KERNEL_COLUMN(TEXT_END, "text_end", text_end, PTI_T_HEX64,
	"end of the image's executable pages: _etext rounded up to a page")
PTI_KERNEL_COLUMN(RODATA_START, "rodata_start", rodata_start, PTI_T_HEX64,
	"start of the image's read-only data: __start_rodata")
PTI_KERNEL_COLUMN(RODATA_END, "rodata_end", rodata_end, PTI_T_HEX64,
	"end of the read-only data: __end_rodata rounded up to a page")
PTI_KERNEL_COLUMN(DATA_START, "data_start", data_start, PTI_T_HEX64,
	"start of the image's writable data: _sdata")

PTI_REGION_COLUMN(NAME, "name", name, PTI_T_WORD,
	"user, ldt_remap, direct_map, vmalloc, vmemmap, kasan_shadow, cpu_entry_area, espfix, efi, kernel_image, modules, fixmap")
PTI_REGION_COLUMN(START, "start", start, PTI_T_HEX64,
	"first address (kernel regions: 0 unless the opener may see kernel addresses)")
PTI_REGION_COLUMN(END, "end", end, PTI_T_HEX64, "end (exclusive)")
PTI_REGION_COLUMN(USED_END, "used_end", used_end, PTI_T_HEX64,
	"end of the part in use (direct map: high_memory; vmemmap: the last page's struct page), else end")

#undef PTI_TASK_COLUMN
#undef PTI_TASK_KADDR_COLUMN
#undef PTI_MM_COLUMN
#undef PTI_VMA_COLUMN
#undef PTI_VMA_KADDR_COLUMN
#undef PTI_FLAG_COLUMN
#undef PTI_DETAIL_COLUMN
#undef PTI_SHARE_COLUMN
#undef PTI_PAGE_COLUMN
#undef PTI_WALK_COLUMN
#undef PTI_KERNEL_COLUMN
#undef PTI_REGION_COLUMN
#undef PTI_RQ_COLUMN
#undef PTI_SE_COLUMN
