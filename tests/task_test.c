/* task_test.c - /proc/ptinspect/task and share against /proc's own views
 * and against tasks this test shapes.  Root, module loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"
#include "spawn.h"
#include "task.h"

static const struct pti_source src = { .proc_dir = "/proc/ptinspect" };

static int detail(int pid, struct pti_detail *d)
{
	char err[256];

	if (pti_detail_load(&src, pid, d, err, sizeof(err))) {
		fprintf(stderr, "# detail %d: %s\n", pid, err);
		return -1;
	}
	return 0;
}

/* The text after "Key:" in /proc/<tgid>/task/<pid>/status, trimmed. */
static int status_field(int tgid, int pid, const char *key, char *out,
			size_t size)
{
	char path[96], line[1024];
	size_t klen = strlen(key);
	FILE *f;
	int found = -1;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/status", tgid, pid);
	f = fopen(path, "re");
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, klen) || line[klen] != ':')
			continue;
		snprintf(out, size, "%s", line + klen + 1 + strspn(line + klen + 1, " \t"));
		out[strcspn(out, "\n")] = '\0';
		found = 0;
	}
	if (f)
		fclose(f);
	return found;
}

static unsigned long long status_hex(int tgid, int pid, const char *key)
{
	char v[64] = "";

	status_field(tgid, pid, key, v, sizeof(v));
	return strtoull(v, NULL, 16);
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* Every field status also shows agrees, for us and one of our threads. */
TEST(detail_matches_status)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	sigset_t block;
	int pids[2] = { getpid(), 0 };
	char buf[256];

	ASSERT_EQ(0, sigaction(SIGUSR1, &sa, NULL));
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	ASSERT_EQ(0, sigprocmask(SIG_BLOCK, &block, NULL));
	ASSERT_EQ(0, raise(SIGUSR2));	/* blocked and pending */
	pids[1] = spawn_sleeping_thread();	/* it inherits the mask */
	ASSERT_GT(pids[1], 0);
	for (int i = 0; i < 2; i++) {
		struct pti_detail d;
		int tgid = getpid(), pid = pids[i];
		char uids[64], want[64];

		ASSERT_EQ(0, detail(pid, &d));
		EXPECT_EQ(pid, d.base.pid);
		EXPECT_EQ(tgid, d.base.tgid);
		snprintf(want, sizeof(want), "%u\t%u\t%u\t%u", d.base.uid, d.base.euid,
			 d.base.suid, d.base.fsuid);
		ASSERT_EQ(0, status_field(tgid, pid, "Uid", uids, sizeof(uids)));
		EXPECT_STREQ(uids, want);
		EXPECT_EQ(status_hex(tgid, pid, "CapInh"), d.cap_inh);
		EXPECT_EQ(status_hex(tgid, pid, "CapPrm"), d.cap_prm);
		EXPECT_EQ(status_hex(tgid, pid, "CapEff"), d.cap_eff);
		EXPECT_EQ(status_hex(tgid, pid, "CapBnd"), d.cap_bnd);
		EXPECT_EQ(status_hex(tgid, pid, "CapAmb"), d.cap_amb);
		EXPECT_EQ(status_hex(tgid, pid, "SigBlk"), d.sig_blocked);
		EXPECT_EQ(status_hex(tgid, pid, "SigPnd"), d.sig_pending);
		EXPECT_EQ(status_hex(tgid, pid, "ShdPnd"), d.sig_shared_pending);
		EXPECT_EQ(status_hex(tgid, pid, "SigIgn"), d.sig_ignored);
		EXPECT_EQ(status_hex(tgid, pid, "SigCgt"), d.sig_caught);
		ASSERT_EQ(0, status_field(tgid, pid, "Cpus_allowed_list", buf, sizeof(buf)));
		EXPECT_STREQ(buf, d.cpus_allowed);
		ASSERT_EQ(0, status_field(tgid, pid, "NSpid", buf, sizeof(buf)));
		EXPECT_EQ(atoi(buf), d.base.pid);
		EXPECT_EQ(2, d.base.threads);
		EXPECT_EQ(0, d.ngroups);
		EXPECT_STREQ("fair", d.sched_class);
	}
	/* Ours: the handler, the ignored and the blocked-and-pending signal. */
	{
		struct pti_detail d;

		ASSERT_EQ(0, detail(getpid(), &d));
		EXPECT_NE(NULL, strstr(d.sig_handlers, "SIGUSR1:handler"));
		EXPECT_NE(NULL, strstr(d.sig_handlers, "RESTART"));
		EXPECT_NE(NULL, strstr(d.sig_handlers, "SIGPIPE:ignore"));
		EXPECT_NE(NULL, strstr(d.sig_blocked_names, "SIGUSR2"));
		EXPECT_NE(NULL, strstr(d.sig_pending_names, "SIGUSR2"));
		EXPECT_NE(NULL, strstr(d.thread_pids, ","));
	}
	/* Leave no pending signal behind. */
	{
		int sig;

		sigwait(&block, &sig);
	}
}

/* The module's form of cmdline/environ: NULs as newlines, none trailing. */
static void nul_to_newline(char *buf, ssize_t n)
{
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = '\n';
	buf[n > 0 ? n : 0] = '\0';
}

static int count_fds(int pid)
{
	char path[64];
	DIR *d;
	struct dirent *e;
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n - 1;	/* opendir's own fd */
}

/*
 * THREAD_SIZE as the kernel's own vmallocinfo shows it: the pages of the
 * vmap'ed kernel stacks fork allocates (their caller is the function
 * dup_task_struct is inlined into), the most common size; 0 without
 * vmap'ed stacks.  16 KiB on x86_64, 32 KiB under KASAN.
 */
static unsigned long kernel_stack_size(void)
{
	unsigned long sizes[8] = { 0 }, counts[8] = { 0 }, pages, best = 0;
	char line[512];
	FILE *f = fopen("/proc/vmallocinfo", "re");

	while (f && fgets(line, sizeof(line), f)) {
		const char *p = strstr(line, " pages=");

		if (!p || !strstr(line, " vmalloc") ||
		    !(strstr(line, " kernel_clone+") || strstr(line, " copy_process+") ||
		      strstr(line, " dup_task_struct+") ||
		      strstr(line, " alloc_thread_stack_node+")))
			continue;
		pages = strtoul(p + 7, NULL, 10);
		for (int i = 0; i < 8; i++)
			if (sizes[i] == pages || !sizes[i]) {
				sizes[i] = pages;
				counts[i]++;
				break;
			}
	}
	if (f)
		fclose(f);
	for (int i = 1; i < 8; i++)
		if (counts[i] > counts[best])
			best = i;
	return sizes[best] * (unsigned long)sysconf(_SC_PAGESIZE);
}

TEST(detail_matches_files_paths_sched_and_args)
{
	struct pti_detail d;
	char cwd[4096], path[64], buf[8192], line[256];
	ssize_t n;
	int fd, fds;
	FILE *f;
	unsigned long long migrations = 0;

	ASSERT_EQ(0, chdir("/tmp"));
	fds = count_fds(getpid());
	/* A fresh fork may not have been accounted yet: sleeping dequeues it,
	 * which brings sum_exec_runtime up to date.
	 */
	usleep(1000);
	ASSERT_EQ(0, detail(getpid(), &d));
	EXPECT_STREQ("/tmp", getcwd(cwd, sizeof(cwd)));
	EXPECT_STREQ("/tmp", d.cwd);
	EXPECT_STREQ("/", d.root);
	/* The module counts the descriptor pti_detail_load reads it through. */
	EXPECT_EQ(fds + 1, d.fds);
	EXPECT_GE(d.max_fds, d.fds);
	EXPECT_EQ(1, d.files_users);
	EXPECT_EQ(1, d.fs_users);
	/* argv: /proc/<pid>/cmdline is the bytes arg_start..arg_end. */
	snprintf(path, sizeof(path), "/proc/%d/cmdline", getpid());
	fd = open(path, O_RDONLY);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	EXPECT_EQ(n, (ssize_t)(d.arg_end - d.arg_start));
	nul_to_newline(buf, n);
	EXPECT_STREQ(buf, d.cmdline);
	snprintf(path, sizeof(path), "/proc/%d/environ", getpid());
	fd = open(path, O_RDONLY);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	EXPECT_EQ(n, (ssize_t)(d.env_end - d.env_start));
	if (n < PTI_ARGS_LEN) {
		nul_to_newline(buf, n);
		EXPECT_STREQ(buf, d.environ);
	}
	/* sched: nr_migrations only grows; read it after ours. */
	snprintf(path, sizeof(path), "/proc/%d/sched", getpid());
	f = fopen(path, "re");
	while (f && fgets(line, sizeof(line), f))
		sscanf(line, "se.nr_migrations : %llu", &migrations);
	if (f)
		fclose(f);
	EXPECT_LE(d.nr_migrations, migrations);
	EXPECT_GT(d.sum_exec_runtime, 0);
	if (kernel_stack_size()) {
		EXPECT_EQ(kernel_stack_size(), d.stack_size);
	} else {
		EXPECT_EQ(16384, d.stack_size);
	}
	EXPECT_EQ(0, d.borrows_mm);
}

/* /proc/<pid>/FILE's bytes into @buf, NULs as newlines; its length. */
static ssize_t proc_strings(pid_t pid, const char *file, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, file);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	nul_to_newline(buf, n);
	return n;
}

/*
 * Arguments the task itself cannot read (its argument area moved with
 * PR_SET_MM into a page then made PROT_NONE) read as /proc reads them:
 * nothing.  Reading them anyway, as a debugger's forced access would,
 * shows more than /proc does.
 */
TEST(args_behind_prot_none_read_as_proc_reads_them)
{
	static const char args[] = "hidden\0args";
	char buf[256];
	struct pti_detail d;
	int ready[2], go[2];
	pid_t child;
	char c;

	ASSERT_EQ(0, pipe(ready));
	ASSERT_EQ(0, pipe(go));
	child = fork();
	ASSERT_LE(0, child);
	if (child == 0) {
		char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		unsigned long start = (unsigned long)page;

		if (page == MAP_FAILED)
			_exit(1);
		memcpy(page, args, sizeof(args));
		/* the start first: below the old end, then the end above it */
		if (prctl(PR_SET_MM, PR_SET_MM_ARG_START, start, 0, 0) ||
		    prctl(PR_SET_MM, PR_SET_MM_ARG_END, start + sizeof(args), 0, 0))
			_exit(2);
		c = 'r';
		if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(3);
		if (mprotect(page, 4096, PROT_NONE))
			_exit(4);
		c = 'p';
		if (write(ready[1], &c, 1) != 1)
			_exit(5);
		sleep_forever(NULL);
	}
	/* readable first: both show the moved arguments */
	ASSERT_EQ(1, read(ready[0], &c, 1));
	ASSERT_EQ('r', c);
	ASSERT_EQ((ssize_t)sizeof(args), proc_strings(child, "cmdline", buf, sizeof(buf)));
	ASSERT_STREQ("hidden\nargs", buf);
	ASSERT_EQ(0, detail(child, &d));
	EXPECT_STREQ(buf, d.cmdline);
	ASSERT_EQ(1, write(go[1], "m", 1));
	ASSERT_EQ(1, read(ready[0], &c, 1));
	ASSERT_EQ('p', c);
	/* PROT_NONE: /proc reads nothing there, and neither may we */
	EXPECT_EQ(0, proc_strings(child, "cmdline", buf, sizeof(buf)));
	ASSERT_EQ(0, detail(child, &d));
	EXPECT_STREQ("", d.cmdline);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
}

/* A ptraced task: parent (the tracer) differs from real_parent. */
TEST(ptraced_parent_differs)
{
	pid_t middle, tracee = spawn_traced_grandchild(&middle);
	struct pti_detail d;

	ASSERT_LT(0, tracee);
	ASSERT_EQ(0, detail(tracee, &d));
	EXPECT_EQ(middle, d.real_parent_pid);
	EXPECT_EQ(getpid(), d.parent_pid);
	EXPECT_NE(NULL, strstr(d.state_names, "TRACED"));
	ptrace(PTRACE_DETACH, tracee, NULL, NULL);
	kill(tracee, SIGKILL);
	kill_and_reap(middle);
}

/* setresuid to nobody keeping saved root; capset dropping SYS_ADMIN. */
TEST(credentials_change)
{
	int pipefd[2], back[2];
	pid_t child;
	struct pti_detail d;
	char c;

	ASSERT_EQ(0, pipe(pipefd));
	ASSERT_EQ(0, pipe(back));
	child = fork();
	if (child == 0) {
		struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct data[2];

		/* Step 1: drop CAP_SYS_ADMIN from the effective set. */
		syscall(SYS_capget, &hdr, data);
		data[CAP_SYS_ADMIN / 32].effective &= ~(1u << (CAP_SYS_ADMIN % 32));
		if (syscall(SYS_capset, &hdr, data))
			_exit(1);
		write(pipefd[1], "1", 1);
		read(back[0], &c, 1);
		/* Step 2: uid and euid nobody, saved uid still root. */
		if (setresuid(65534, 65534, 0))
			_exit(2);
		write(pipefd[1], "2", 1);
		sleep_forever(NULL);
	}
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	ASSERT_EQ(0, detail(child, &d));
	EXPECT_EQ(0, d.cap_eff & (1ULL << CAP_SYS_ADMIN));
	EXPECT_NE(0, d.cap_prm & (1ULL << CAP_SYS_ADMIN));
	EXPECT_EQ(NULL, strstr(d.cap_eff_names, "SYS_ADMIN"));
	EXPECT_NE(NULL, strstr(d.cap_prm_names, "SYS_ADMIN"));
	EXPECT_EQ(status_hex(child, child, "CapEff"), d.cap_eff);
	ASSERT_EQ(1, write(back[1], "x", 1));
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	ASSERT_EQ(0, detail(child, &d));
	EXPECT_EQ(65534, d.base.uid);
	EXPECT_EQ(65534, d.base.euid);
	EXPECT_EQ(0, d.base.suid);
	EXPECT_EQ(65534, d.base.fsuid);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
}

/* A task in a new pid namespace: both views of its pid. */
TEST(pid_namespace_views)
{
	int pipefd[2], status;
	pid_t child;
	struct pti_detail d;
	char c;

	ASSERT_EQ(0, pipe(pipefd));
	child = fork();
	if (child == 0) {
		pid_t inner;

		if (unshare(CLONE_NEWPID))
			_exit(1);
		inner = fork();
		if (inner == 0) {
			write(pipefd[1], "x", 1);
			for (;;)
				pause();
		}
		waitpid(inner, &status, 0);
		_exit(0);
	}
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	/* The inner task is our grandchild; find it as child's child. */
	{
		struct pti_detail parent;

		ASSERT_EQ(0, detail(child, &parent));
		ASSERT_EQ(1, parent.nr_children);
		ASSERT_EQ(0, detail(atoi(parent.children), &d));
	}
	EXPECT_EQ(1, d.ns_pid);
	EXPECT_EQ(1, d.ns_tgid);
	EXPECT_EQ(1, d.ns_level);
	EXPECT_GT(d.base.pid, 1);
	kill(d.base.pid, SIGKILL);
	waitpid(child, NULL, 0);
}

#define MANY_CHILDREN 300

/*
 * More children than the module scans per RCU read section (256): the
 * count crosses its batches whole, for the parent and for each sibling.
 * Only processes count, not threads.
 */
TEST(many_children_and_their_siblings_are_counted)
{
	pid_t kids[MANY_CHILDREN];
	struct pti_detail d;
	pthread_t th;

	ASSERT_EQ(0, pthread_create(&th, NULL, sleep_forever, NULL));
	for (int i = 0; i < MANY_CHILDREN; i++) {
		kids[i] = fork();
		ASSERT_LE(0, kids[i]);
		if (kids[i] == 0)
			for (;;)
				pause();
	}
	ASSERT_EQ(0, detail(getpid(), &d));
	EXPECT_EQ(MANY_CHILDREN, d.nr_children);
	ASSERT_EQ(0, detail(kids[MANY_CHILDREN - 1], &d));
	EXPECT_EQ(0, d.nr_children);
	EXPECT_EQ(MANY_CHILDREN - 1, d.siblings);
	EXPECT_EQ(getpid(), d.real_parent_pid);
	for (int i = 0; i < MANY_CHILDREN; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < MANY_CHILDREN; i++)
		waitpid(kids[i], NULL, 0);
}

TEST(non_root_is_refused_and_bad_pids_fail)
{
	pid_t child = fork();
	int status, fd;

	if (child == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(10);
		_exit(open("/proc/ptinspect/task", O_RDONLY) < 0 && errno == EACCES &&
		      open("/proc/ptinspect/share", O_RDONLY) < 0 && errno == EACCES ? 0 : 11);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	fd = open("/proc/ptinspect/task", O_RDWR);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(-1, write(fd, "0", 1));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, write(fd, "abc", 3));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, write(fd, "4000000", 7));
	EXPECT_EQ(ESRCH, errno);
	close(fd);
}

/* --- what clone shared: the matrix for each kind of child --- */

static const struct pti_share *find_share(const struct pti_share *s, size_t n,
					  int pid)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].pid == pid)
			return &s[i];
	return NULL;
}

/* mm files fs sighand signal nsproxy for @pid, as a string "110101". */
static void share_row(int target, int pid, char *out)
{
	struct pti_share *s;
	const struct pti_share *r;
	size_t n;
	char err[256];

	strcpy(out, "?");
	if (pti_share_load(&src, target, &s, &n, err, sizeof(err)))
		return;
	r = find_share(s, n, pid);
	if (r)
		sprintf(out, "%d%d%d%d%d%d %s", r->mm, r->files, r->fs, r->sighand,
			r->signal, r->nsproxy, r->relation);
	free(s);
}

static int child_fn(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return 0;
}

static pid_t raw_clone(int flags)
{
	static char stack[4][65536];
	static int next;

	return clone(child_fn, stack[next++ % 4] + 65536, flags | SIGCHLD, NULL);
}

TEST(share_matrix)
{
	char row[64];
	pid_t pid, tid;
	int vfork_pipe[2];

	/* A pthread: everything. */
	tid = spawn_sleeping_thread();
	ASSERT_GT(tid, 0);
	share_row(getpid(), getpid(), row);
	EXPECT_STREQ("111111 self", row);
	share_row(getpid(), tid, row);
	EXPECT_STREQ("111111 thread", row);

	/* A fork child: only the namespaces. */
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	share_row(getpid(), pid, row);
	EXPECT_STREQ("000001 child", row);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	/* clone(CLONE_FILES): only files (and namespaces). */
	pid = raw_clone(CLONE_FILES);
	ASSERT_GT(pid, 0);
	share_row(getpid(), pid, row);
	EXPECT_STREQ("010001 child", row);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	/* clone(CLONE_FS|CLONE_SIGHAND|CLONE_VM): mm, fs, sighand. */
	pid = raw_clone(CLONE_FS | CLONE_SIGHAND | CLONE_VM);
	ASSERT_GT(pid, 0);
	share_row(getpid(), pid, row);
	EXPECT_STREQ("101101 child", row);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	/* A vfork child before exec: the mm.  The parent sleeps in vfork, so
	 * a helper process reads the matrix and reports it through a pipe.
	 */
	ASSERT_EQ(0, pipe(vfork_pipe));
	{
		pid_t parent = getpid(), helper = fork();

		if (helper == 0) {
			char got[64] = "?";

			/* Wait until the parent has a vforked child. */
			for (int i = 0; i < 500; i++) {
				struct pti_detail d;

				if (detail(parent, &d) == 0 && d.nr_children == 2) {
					int vpid = 0;

					for (char *p = d.children; *p; p += strcspn(p, ",") + (p[strcspn(p, ",")] ? 1 : 0))
						if (atoi(p) != getpid())
							vpid = atoi(p);
					share_row(parent, vpid, got);
					break;
				}
				usleep(10000);
			}
			if (write(vfork_pipe[1], got, sizeof(got)) < 0)
				_exit(1);
			_exit(0);
		}
		pid = vfork();
		if (pid == 0) {
			/* Only async-signal-safe calls: wait for the helper. */
			char buf[64];

			read(vfork_pipe[0], buf, sizeof(buf));
			write(vfork_pipe[1], buf, sizeof(buf));
			_exit(0);
		}
		waitpid(pid, NULL, 0);
		waitpid(helper, NULL, 0);
		ASSERT_EQ((ssize_t)sizeof(row), read(vfork_pipe[0], row, sizeof(row)));
		EXPECT_STREQ("100001 child", row);
	}
}

TEST_HARNESS_MAIN
