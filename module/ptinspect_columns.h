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

#undef PTI_TASK_COLUMN
#undef PTI_TASK_KADDR_COLUMN
