// SPDX-License-Identifier: GPL-2.0
/*
 * task_detail.c - everything ptinspect shows about one task, and what it
 * shares with others.
 *
 * Each part is read under the lock its owner uses: RCU for links and
 * credentials, the sighand lock for signals, task_lock for fs and files,
 * arg_lock for the argument ranges.  Paths are resolved after every
 * spinlock is dropped (path_put may sleep).
 */
#include <linux/capability.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/iocontext.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/nsproxy.h>
#include <linux/path.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/task_stack.h>
#include <linux/signal.h>
#include <linux/string.h>
#include "compat.h"
#include "ptinspect.h"

#define PTI_CAP(name) { CAP_##name, #name }
static const struct {
	int bit;
	const char *name;
} pti_cap_names[] = {
	PTI_CAP(CHOWN), PTI_CAP(DAC_OVERRIDE), PTI_CAP(DAC_READ_SEARCH),
	PTI_CAP(FOWNER), PTI_CAP(FSETID), PTI_CAP(KILL), PTI_CAP(SETGID),
	PTI_CAP(SETUID), PTI_CAP(SETPCAP), PTI_CAP(LINUX_IMMUTABLE),
	PTI_CAP(NET_BIND_SERVICE), PTI_CAP(NET_BROADCAST), PTI_CAP(NET_ADMIN),
	PTI_CAP(NET_RAW), PTI_CAP(IPC_LOCK), PTI_CAP(IPC_OWNER),
	PTI_CAP(SYS_MODULE), PTI_CAP(SYS_RAWIO), PTI_CAP(SYS_CHROOT),
	PTI_CAP(SYS_PTRACE), PTI_CAP(SYS_PACCT), PTI_CAP(SYS_ADMIN),
	PTI_CAP(SYS_BOOT), PTI_CAP(SYS_NICE), PTI_CAP(SYS_RESOURCE),
	PTI_CAP(SYS_TIME), PTI_CAP(SYS_TTY_CONFIG), PTI_CAP(MKNOD),
	PTI_CAP(LEASE), PTI_CAP(AUDIT_WRITE), PTI_CAP(AUDIT_CONTROL),
	PTI_CAP(SETFCAP), PTI_CAP(MAC_OVERRIDE), PTI_CAP(MAC_ADMIN),
	PTI_CAP(SYSLOG), PTI_CAP(WAKE_ALARM), PTI_CAP(BLOCK_SUSPEND),
	PTI_CAP(AUDIT_READ), PTI_CAP(PERFMON), PTI_CAP(BPF),
	PTI_CAP(CHECKPOINT_RESTORE),
};

#define PTI_SIG(name) { SIG##name, "SIG" #name }
static const struct {
	int sig;
	const char *name;
} pti_sig_names[] = {
	PTI_SIG(HUP), PTI_SIG(INT), PTI_SIG(QUIT), PTI_SIG(ILL), PTI_SIG(TRAP),
	PTI_SIG(ABRT), PTI_SIG(BUS), PTI_SIG(FPE), PTI_SIG(KILL),
	PTI_SIG(USR1), PTI_SIG(SEGV), PTI_SIG(USR2), PTI_SIG(PIPE),
	PTI_SIG(ALRM), PTI_SIG(TERM), PTI_SIG(STKFLT), PTI_SIG(CHLD),
	PTI_SIG(CONT), PTI_SIG(STOP), PTI_SIG(TSTP), PTI_SIG(TTIN),
	PTI_SIG(TTOU), PTI_SIG(URG), PTI_SIG(XCPU), PTI_SIG(XFSZ),
	PTI_SIG(VTALRM), PTI_SIG(PROF), PTI_SIG(WINCH), PTI_SIG(IO),
	PTI_SIG(PWR), PTI_SIG(SYS),
};

static const struct pti_flag_name pti_state_names[] = {
	{ TASK_INTERRUPTIBLE, "INTERRUPTIBLE" },
	{ TASK_UNINTERRUPTIBLE, "UNINTERRUPTIBLE" },
	{ __TASK_STOPPED, "STOPPED" },
	{ __TASK_TRACED, "TRACED" },
	{ TASK_PARKED, "PARKED" },
	{ TASK_DEAD, "DEAD" },
	{ TASK_WAKEKILL, "WAKEKILL" },
	{ TASK_WAKING, "WAKING" },
	{ TASK_NOLOAD, "NOLOAD" },
	{ TASK_NEW, "NEW" },
	{ TASK_RTLOCK_WAIT, "RTLOCK_WAIT" },
	{ TASK_FREEZABLE, "FREEZABLE" },
	{ TASK_FROZEN, "FROZEN" },
};

static const struct pti_flag_name pti_exit_state_names[] = {
	{ EXIT_ZOMBIE, "ZOMBIE" },
	{ EXIT_DEAD, "DEAD" },
};

static const struct pti_flag_name pti_sa_names[] = {
	{ SA_NOCLDSTOP, "NOCLDSTOP" },
	{ SA_NOCLDWAIT, "NOCLDWAIT" },
	{ SA_SIGINFO, "SIGINFO" },
	{ SA_ONSTACK, "ONSTACK" },
	{ SA_RESTART, "RESTART" },
	{ SA_NODEFER, "NODEFER" },
	{ SA_RESETHAND, "RESETHAND" },
#ifdef SA_RESTORER
	{ SA_RESTORER, "RESTORER" },
#endif
};

/* Append one item to a comma list; a list that runs out ends in ",+". */
static void pti_list_add(char *buf, size_t size, const char *item)
{
	size_t len = strlen(buf), need = strlen(item) + (len ? 1 : 0);

	if (len >= 2 && !strcmp(buf + len - 2, ",+"))
		return;
	if (len + need + 2 >= size) {
		strlcat(buf, len ? ",+" : "+", size);
		return;
	}
	if (len)
		strlcat(buf, ",", size);
	strlcat(buf, item, size);
}

static void pti_list_add_int(char *buf, size_t size, int v)
{
	char item[16];

	snprintf(item, sizeof(item), "%d", v);
	pti_list_add(buf, size, item);
}

static void pti_cap_fill(u64 *raw, char *names, size_t size, kernel_cap_t cap)
{
	int i;

	*raw = pti_cap_raw(&cap);
	names[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(pti_cap_names); i++)
		if (*raw & (1ULL << pti_cap_names[i].bit))
			pti_list_add(names, size, pti_cap_names[i].name);
}

static const char *pti_sig_name(int sig, char *buf, size_t size)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(pti_sig_names); i++)
		if (pti_sig_names[i].sig == sig)
			return pti_sig_names[i].name;
	snprintf(buf, size, "SIGRTMIN+%d", sig - SIGRTMIN);
	return buf;
}

/*
 * The record keeps a signal set as one 64-bit mask, as /proc/<pid>/status
 * prints it on 64-bit machines.  Architectures with more than 64 signals
 * (MIPS: 128) or 32-bit words would need the record widened: refused when
 * built rather than shown cut short.
 */
static u64 pti_sigset_raw(const sigset_t *set)
{
	BUILD_BUG_ON(_NSIG != 64 || _NSIG_WORDS != 1);
	return set->sig[0];
}

static void pti_sig_fill(u64 *raw, char *names, size_t size,
			 const sigset_t *set)
{
	char buf[24];
	int sig;

	*raw = pti_sigset_raw(set);
	names[0] = '\0';
	for (sig = 1; sig <= _NSIG; sig++)
		if (*raw & (1ULL << (sig - 1)))
			pti_list_add(names, size, pti_sig_name(sig, buf, sizeof(buf)));
}

/*
 * Lock a task's sighand as the kernel's own helper does (it is not
 * exported): sighand_structs are freed type-safe by RCU, so lock the one
 * we see, then check the task still uses it.
 */
static struct sighand_struct *pti_lock_sighand(struct task_struct *task,
					       unsigned long *flags)
{
	struct sighand_struct *sighand;

	rcu_read_lock();
	for (;;) {
		sighand = rcu_dereference(task->sighand);
		if (!sighand)
			break;
		spin_lock_irqsave(&sighand->siglock, *flags);
		if (likely(sighand == rcu_access_pointer(task->sighand)))
			break;
		spin_unlock_irqrestore(&sighand->siglock, *flags);
	}
	rcu_read_unlock();
	return sighand;
}

static void pti_detail_signals(struct pti_detail *d, struct task_struct *task)
{
	struct sighand_struct *sighand;
	unsigned long flags;
	char item[96], names[64], buf[24];
	int sig;

	sighand = pti_lock_sighand(task, &flags);
	if (!sighand)
		return;		/* released: no signal state left */
	pti_sig_fill(&d->sig_blocked, d->sig_blocked_names,
		     sizeof(d->sig_blocked_names), &task->blocked);
	pti_sig_fill(&d->sig_pending, d->sig_pending_names,
		     sizeof(d->sig_pending_names), &task->pending.signal);
	pti_sig_fill(&d->sig_shared_pending, d->sig_shared_pending_names,
		     sizeof(d->sig_shared_pending_names),
		     &task->signal->shared_pending.signal);
	for (sig = 1; sig <= _NSIG; sig++) {
		const struct k_sigaction *ka = &sighand->action[sig - 1];
		void __user *handler = ka->sa.sa_handler;
		const char *name = pti_sig_name(sig, buf, sizeof(buf));

		if (handler == SIG_DFL)
			continue;
		if (handler == SIG_IGN) {
			d->sig_ignored |= 1ULL << (sig - 1);
			snprintf(item, sizeof(item), "%s:ignore", name);
		} else {
			d->sig_caught |= 1ULL << (sig - 1);
			pti_decode_flags(names, sizeof(names), ka->sa.sa_flags,
					 pti_sa_names, ARRAY_SIZE(pti_sa_names));
			snprintf(item, sizeof(item), "%s:handler%s%s", name,
				 names[0] ? ":" : "", names);
		}
		pti_list_add(d->sig_handlers, sizeof(d->sig_handlers), item);
	}
	spin_unlock_irqrestore(&sighand->siglock, flags);
}

static void pti_path_name(char *buf, size_t size, struct path *path)
{
	char *p = d_path(path, buf, size);

	if (IS_ERR(p))
		strscpy(buf, "?", size);
	else
		memmove(buf, p, strlen(p) + 1);
	path_put(path);
}

/* fs and files are replaced under task_lock (exit, unshare). */
static void pti_detail_fs_files(struct pti_detail *d, struct task_struct *task)
{
	struct path root = {}, pwd = {};
	struct files_struct *files;
	struct fdtable *fdt;
	bool have_fs = false;

	task_lock(task);
	if (task->fs) {
		get_fs_root(task->fs, &root);
		get_fs_pwd(task->fs, &pwd);
		d->fs_users = task->fs->users;
		have_fs = true;
	}
	files = task->files;
	if (files) {
		d->files_users = atomic_read(&files->count);
		rcu_read_lock();
		fdt = files_fdtable(files);
		d->max_fds = fdt->max_fds;
		d->fds = bitmap_weight(fdt->open_fds, fdt->max_fds);
		rcu_read_unlock();
	}
	task_unlock(task);
	if (have_fs) {
		pti_path_name(d->root, sizeof(d->root), &root);
		pti_path_name(d->cwd, sizeof(d->cwd), &pwd);
	}
}

/*
 * Copy [start, end) of @task's memory, as /proc/<pid>/cmdline does, with
 * the NUL separators turned into newlines so the value stays one string.
 * Under /proc's rules (FOLL_ANON, no FOLL_FORCE): anonymous memory only,
 * and nothing the task itself could not read (PROT_NONE reads as empty).
 * May sleep (access_process_vm takes the mmap lock).
 */
static void pti_copy_strings(char *buf, size_t size, struct task_struct *task,
			     unsigned long start, unsigned long end)
{
	int len, i;

	if (end <= start)
		return;
	len = access_process_vm(task, start, buf,
				min_t(unsigned long, end - start, size - 1),
				FOLL_ANON);
	if (len <= 0) {
		buf[0] = '\0';
		return;
	}
	while (len > 0 && buf[len - 1] == '\0')
		len--;
	for (i = 0; i < len; i++)
		if (buf[i] == '\0')
			buf[i] = '\n';
	buf[len] = '\0';
}

static void pti_detail_mm(struct pti_detail *d, struct task_struct *task)
{
	struct mm_struct *mm;

	task_lock(task);
	d->borrows_mm = !task->mm && task->active_mm;
	task_unlock(task);
	mm = get_task_mm(task);
	if (!mm)
		return;
	pti_mm_arg_env(mm, &d->arg_start, &d->arg_end, &d->env_start,
		       &d->env_end);
	mmput(mm);
	pti_copy_strings(d->cmdline, sizeof(d->cmdline), task, d->arg_start,
			 d->arg_end);
	pti_copy_strings(d->environ, sizeof(d->environ), task, d->env_start,
			 d->env_end);
}

/*
 * The class is the kernel's own pointer: name it by its symbol
 * (fair_sched_class -> fair).  %ps prints a name, never an address, unless
 * no symbol is found, and then we say so.
 */
static void pti_sched_class_name(char *buf, size_t size,
				 struct task_struct *task)
{
	char sym[KSYM_SYMBOL_LEN];
	char *suffix;

	snprintf(sym, sizeof(sym), "%ps", READ_ONCE(task->sched_class));
	suffix = strstr(sym, "_sched_class");
	if (suffix && suffix != sym) {
		*suffix = '\0';
		strscpy(buf, sym, size);
	} else {
		strscpy(buf, "unknown", size);
	}
}

/* Links, identity in the task's own namespace, credentials: under RCU. */
static void pti_detail_links(struct pti_detail *d, struct task_struct *task,
			     struct pid_namespace *ns,
			     struct user_namespace *uns)
{
	struct pid_namespace *own = task_active_pid_ns(task);
	const struct cred *cred = __task_cred(task);
	const struct cred *real = rcu_dereference(task->real_cred);
	struct task_struct *t;

	pti_task_fill(&d->base, task, ns, uns);
	if (own) {
		d->ns_pid = task_pid_nr_ns(task, own);
		d->ns_tgid = task_tgid_nr_ns(task, own);
		d->ns_level = own->level;
	}
	d->real_parent_pid = task_pid_nr_ns(rcu_dereference(task->real_parent), ns);
	d->parent_pid = task_pid_nr_ns(rcu_dereference(task->parent), ns);
	for_each_thread(task, t)
		pti_list_add_int(d->thread_pids, sizeof(d->thread_pids),
				 task_pid_nr_ns(t, ns));
	pti_decode_flags(d->flag_names, sizeof(d->flag_names), d->base.flags,
			 pti_task_flag_set.names, pti_task_flag_set.n);
	pti_decode_flags(d->state_names, sizeof(d->state_names),
			 READ_ONCE(task->__state), pti_state_names,
			 ARRAY_SIZE(pti_state_names));
	if (!d->state_names[0])
		strscpy(d->state_names, "RUNNING", sizeof(d->state_names));
	pti_decode_flags(d->exit_state_names, sizeof(d->exit_state_names),
			 READ_ONCE(task->exit_state), pti_exit_state_names,
			 ARRAY_SIZE(pti_exit_state_names));
	d->exit_signal = task->exit_signal;

	d->ngroups = cred->group_info ? cred->group_info->ngroups : 0;
	d->cred_differs = cred != real;
	d->real_euid = from_kuid_munged(uns, real->euid);
	d->real_egid = from_kgid_munged(uns, real->egid);
	pti_cap_fill(&d->cap_inh, d->cap_inh_names, sizeof(d->cap_inh_names),
		     cred->cap_inheritable);
	pti_cap_fill(&d->cap_prm, d->cap_prm_names, sizeof(d->cap_prm_names),
		     cred->cap_permitted);
	pti_cap_fill(&d->cap_eff, d->cap_eff_names, sizeof(d->cap_eff_names),
		     cred->cap_effective);
	pti_cap_fill(&d->cap_bnd, d->cap_bnd_names, sizeof(d->cap_bnd_names),
		     cred->cap_bset);
	pti_cap_fill(&d->cap_amb, d->cap_amb_names, sizeof(d->cap_amb_names),
		     cred->cap_ambient);
}

/*
 * Children and siblings: the processes whose real parent is in @task's
 * thread group, or in its parent's.  /proc reads each thread's ->children
 * under tasklist_lock, which modules cannot take (not exported), and the
 * list is not safe to follow under RCU alone (release and reparenting
 * relink it in place).  So the namespace's pids are scanned instead,
 * PTI_KIN_BATCH per RCU read section with a resched point between:
 * O(tasks) per read, never long without a chance to schedule.  @task is
 * pinned by the caller; the scan ends early if it is released meanwhile.
 */
#define PTI_KIN_BATCH 256

static void pti_detail_kin(struct pti_detail *d, struct task_struct *task,
			   struct pid_namespace *ns)
{
	int nr = 1, seen;
	bool done = false;

	while (!done) {
		rcu_read_lock();
		if (!pid_alive(task)) {
			rcu_read_unlock();
			return;
		}
		for (seen = 0; seen < PTI_KIN_BATCH; seen++, nr++) {
			struct task_struct *other = pti_task_next(ns, &nr);
			struct task_struct *rp;

			if (!other) {
				done = true;
				break;
			}
			if (!thread_group_leader(other))
				continue;
			rp = rcu_dereference(other->real_parent);
			if (same_thread_group(rp, task)) {
				d->nr_children++;
				pti_list_add_int(d->children, sizeof(d->children),
						 task_pid_nr_ns(other, ns));
			} else if (other != task->group_leader &&
				   same_thread_group(rp, rcu_dereference(task->real_parent))) {
				d->siblings++;
			}
		}
		rcu_read_unlock();
		cond_resched();
	}
}

/**
 * pti_detail_fill() - everything about one task
 * @d: record to fill (fully overwritten)
 * @target: the task's pid
 * @ns: pid namespace to number pids in
 * @uns: user namespace to map ids into
 *
 * May sleep.  Scheduling fields are read without the runqueue lock, as
 * /proc/<pid>/sched reads them: each is a single word, possibly stale.
 *
 * Return: 0, or -ESRCH if the task is gone.
 */
int pti_detail_fill(struct pti_detail *d, struct pid *target,
		    struct pid_namespace *ns, struct user_namespace *uns)
{
	struct task_struct *task;

	memset(d, 0, sizeof(*d));
	rcu_read_lock();
	task = pid_task(target, PIDTYPE_PID);
	if (!task || !pid_alive(task)) {
		rcu_read_unlock();
		return -ESRCH;
	}
	get_task_struct(task);
	pti_detail_links(d, task, ns, uns);
	rcu_read_unlock();
	pti_detail_kin(d, task, ns);

	pti_sched_class_name(d->sched_class, sizeof(d->sched_class), task);
	d->vruntime = READ_ONCE(task->se.vruntime);
	d->sum_exec_runtime = READ_ONCE(task->se.sum_exec_runtime);
	d->nr_migrations = READ_ONCE(task->se.nr_migrations);
	d->on_rq = READ_ONCE(task->on_rq);
	d->on_cpu = READ_ONCE(task->on_cpu);
	d->nr_cpus_allowed = task->nr_cpus_allowed;
	scnprintf(d->cpus_allowed, sizeof(d->cpus_allowed), "%*pbl",
		  cpumask_pr_args(task->cpus_ptr));

	pti_detail_signals(d, task);
	pti_detail_mm(d, task);
	pti_detail_fs_files(d, task);
	d->stack_size = THREAD_SIZE;
	d->kaddr_stack = (unsigned long)task_stack_page(task);
	put_task_struct(task);
	return 0;
}

static int pti_same(const void *a, const void *b)
{
	if (!a || !b)
		return -1;
	return a == b;
}

PTI_WORD_TABLE(pti_relation_words, PTI_RELATION_WORDS, PTI_NR_RELATIONS);

/**
 * pti_share_fill() - what @task shares with @target
 * @s: record to fill
 * @task: a task found by pti_task_next(), under RCU
 * @target: the chosen task, under the same RCU section
 * @ns: pid namespace to number pids in
 *
 * Compares pointers only, never dereferences them: a stale value can at
 * worst make one answer old, never touch freed memory.
 */
void pti_share_fill(struct pti_share *s, struct task_struct *task,
		    struct task_struct *target, struct pid_namespace *ns)
{
	enum pti_share_relation relation = PTI_RELATION_CHILD;

	memset(s, 0, sizeof(*s));
	s->pid = task_pid_nr_ns(task, ns);
	s->tgid = task_tgid_nr_ns(task, ns);
	s->ppid = task_tgid_nr_ns(rcu_dereference(task->real_parent), ns);
	if (task == target)
		relation = PTI_RELATION_SELF;
	else if (same_thread_group(task, target))
		relation = PTI_RELATION_THREAD;
	strscpy(s->relation, pti_relation_words[relation],
		sizeof(s->relation));
	s->mm = pti_same(READ_ONCE(task->mm), READ_ONCE(target->mm));
	s->files = pti_same(READ_ONCE(task->files), READ_ONCE(target->files));
	s->fs = pti_same(READ_ONCE(task->fs), READ_ONCE(target->fs));
	s->sighand = pti_same(rcu_access_pointer(task->sighand),
			      rcu_access_pointer(target->sighand));
	s->signal = pti_same(READ_ONCE(task->signal), READ_ONCE(target->signal));
	s->nsproxy = pti_same(READ_ONCE(task->nsproxy),
			      READ_ONCE(target->nsproxy));
	s->io = pti_same(READ_ONCE(task->io_context),
			 READ_ONCE(target->io_context));
	pti_get_comm(s->comm, task);
}
