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
 *
 * Undefined entries expand to nothing; both are undefined again at the end.
 * comm stays last: it is the only free-text column.
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
PTI_TASK_COLUMN(FLAG_NAMES, "flag_names", flag_names, PTI_T_WORD,
	"PF_* flags by name without PF_, '|'-separated, '-' if none")
PTI_TASK_COLUMN(UID, "uid", uid, PTI_T_U32, "real uid")
PTI_TASK_COLUMN(EUID, "euid", euid, PTI_T_U32, "effective uid")
PTI_TASK_COLUMN(SUID, "suid", suid, PTI_T_U32, "saved uid")
PTI_TASK_COLUMN(FSUID, "fsuid", fsuid, PTI_T_U32, "filesystem uid")
PTI_TASK_COLUMN(GID, "gid", gid, PTI_T_U32, "real gid")
PTI_TASK_COLUMN(EGID, "egid", egid, PTI_T_U32, "effective gid")
PTI_TASK_COLUMN(SGID, "sgid", sgid, PTI_T_U32, "saved gid")
PTI_TASK_COLUMN(FSGID, "fsgid", fsgid, PTI_T_U32, "filesystem gid")
PTI_TASK_COLUMN(POLICY, "policy", policy, PTI_T_WORD,
	"scheduling policy: NORMAL FIFO RR BATCH IDLE DEADLINE")
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
PTI_TASK_COLUMN(REAPER, "reaper", reaper, PTI_T_S32,
	"1 if the thread group reaps orphans: namespace init or PR_SET_CHILD_SUBREAPER")
PTI_TASK_COLUMN(EXIT_CODE, "exit_code", exit_code, PTI_T_S32,
	"task_struct.exit_code (wait status; meaningful for zombies)")
PTI_TASK_COLUMN(COMM, "comm", comm, PTI_T_ESCAPED,
	"task_struct.comm, escaped")

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
PTI_VMA_COLUMN(FLAG_NAMES, "vm_flag_names", flag_names, PTI_T_WORD,
	"VM_* flags by name without VM_, '|'-separated")
PTI_VMA_COLUMN(OFFSET, "offset", offset, PTI_T_HEX64,
	"file offset in bytes (vm_pgoff << PAGE_SHIFT), 0 if anonymous")
PTI_VMA_COLUMN(DEV_MAJOR, "dev_major", dev_major, PTI_T_U32,
	"major of the backing file's device")
PTI_VMA_COLUMN(DEV_MINOR, "dev_minor", dev_minor, PTI_T_U32,
	"minor of the backing file's device")
PTI_VMA_COLUMN(INODE, "inode", inode, PTI_T_U64, "backing file's inode, 0 if none")
PTI_VMA_COLUMN(ANON_VMA, "anon_vma", anon_vma, PTI_T_S32,
	"1 if an anon_vma is attached (anonymous pages were faulted in or inherited)")
PTI_VMA_COLUMN(KADDR_VMA, "vma", kaddr_vma, PTI_T_KPTR,
	"address of the vm_area_struct (%pK)")
PTI_VMA_COLUMN(NAME, "name", name, PTI_T_ESCAPED,
	"backing file path, or [heap] [stack] [vdso] [vvar] [anon:NAME], '-' if anonymous")

#undef PTI_TASK_COLUMN
#undef PTI_TASK_KADDR_COLUMN
#undef PTI_MM_COLUMN
#undef PTI_VMA_COLUMN
