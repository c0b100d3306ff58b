/* tasks_test.c - /proc/ptinspect/tasks against the kernel's own views and
 * against task shapes this test creates.  Runs as root in the guest with
 * the module loaded (tests/run-guest).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <dirent.h>
#include <unistd.h>
#include "flag_names.h"
#include "harness.h"
#include "knob.h"
#include "procview.h"
#include "spawn.h"
#include "task_marks.h"

#define EXIT_ZOMBIE_BIT 0x20	/* exit_state value the kernel uses */
#define TASK_STOPPED_BIT 0x4	/* __TASK_STOPPED */
#define TASK_TRACED_BIT 0x8	/* __TASK_TRACED */

/* Every task the module lists agrees with /proc, unless it changed. */
/*
 * Every task in the module's view against /proc, as this reader sees
 * both: the tasks that did not change between two /proc reads must agree
 * column by column.  The number that disagree; *@checked, how many were
 * compared, of *@total.
 */
static int tasks_disagreeing_with_proc(int *checked, int *total)
{
	struct pti_task_set set;
	const struct pti_task *tasks;	/* every column: whole records */
	int changed = 0, vanished = 0, bad = 0;

	*checked = 0;
	if (load_tasks(&set))
		return -1;
	tasks = pti_task_set_full(&set);
	*total = set.n;
	for (size_t i = 0; i < set.n; i++) {
		struct procview before, after;
		struct pti_task now;
		char why[256];

		if (procview_read(tasks[i].tgid, tasks[i].pid, &before) ||
		    find_task(tasks[i].pid, &now) ||
		    procview_read(now.tgid, now.pid, &after)) {
			vanished++;
			continue;
		}
		if (!procview_equal(&before, &after)) {
			changed++;
			continue;
		}
		if (procview_compare(&now, &before, why, sizeof(why))) {
			ksft_print_msg("uid %d, pid %d (%s): %s\n", (int)getuid(),
				       now.pid, now.comm, why);
			bad++;
		}
		(*checked)++;
	}
	ksft_print_msg("uid %d: %d tasks agree with /proc; %d changed between reads, %d vanished\n",
		       (int)getuid(), *checked - bad, changed, vanished);
	pti_task_set_free(&set);
	return bad;
}

TEST(tasks_match_proc)
{
	int checked, total;

	EXPECT_EQ(0, tasks_disagreeing_with_proc(&checked, &total));
	ASSERT_GT(total, 10);
	/* Most of the guest is idle: nearly everything must be checkable. */
	EXPECT_GT(checked, total / 2);
}

/*
 * The world-readable view shows nobody no more than /proc shows nobody:
 * every column of every task held against stat and status as read by
 * nobody, among them a root-owned zombie that exited with a code and a
 * root process that is not dumpable (as after a setuid exec).
 */
TEST(tasks_match_proc_as_nobody)
{
	pid_t zombie = fork(), undumpable, reader;
	int status;

	if (zombie == 0)
		_exit(3);
	undumpable = fork();
	if (undumpable == 0) {
		prctl(PR_SET_DUMPABLE, 0);
		for (;;)
			pause();
	}
	ASSERT_EQ(0, wait_proc_state(zombie, 'Z'));
	reader = fork();
	if (reader == 0) {
		int checked, total, bad;

		if (setgid(65534) || setuid(65534))
			_exit(200);
		bad = tasks_disagreeing_with_proc(&checked, &total);
		if (bad < 0 || checked <= total / 2)
			_exit(201);
		_exit(bad > 100 ? 100 : bad);
	}
	ASSERT_EQ(reader, waitpid(reader, &status, 0));
	kill(undumpable, SIGKILL);
	waitpid(undumpable, NULL, 0);
	waitpid(zombie, NULL, 0);
	ASSERT_TRUE(WIFEXITED(status));
	/* the number of tasks that disagreed; 200+: could not compare */
	EXPECT_EQ(0, WEXITSTATUS(status));
}

static int pid_list(int *pids, int max)
{
	DIR *proc = opendir("/proc");
	struct dirent *p;
	int n = 0;

	while (proc && (p = readdir(proc)) != NULL) {
		char path[300];
		DIR *tasks;
		struct dirent *t;

		if (p->d_name[0] < '0' || p->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/task", p->d_name);
		tasks = opendir(path);
		while (tasks && (t = readdir(tasks)) != NULL)
			if (t->d_name[0] >= '1' && t->d_name[0] <= '9' && n < max)
				pids[n++] = atoi(t->d_name);
		if (tasks)
			closedir(tasks);
	}
	if (proc)
		closedir(proc);
	return n;
}

/* Every thread /proc shows before and after the read is in the module's. */
TEST(lists_every_thread)
{
	static int before[65536], after[65536];
	struct pti_task_set set;
	const struct pti_task *tasks;	/* every column: whole records */
	int nb, na, missing = 0;

	nb = pid_list(before, 65536);
	ASSERT_EQ(0, load_tasks(&set));
	tasks = pti_task_set_full(&set);
	na = pid_list(after, 65536);
	for (int i = 0; i < nb; i++) {
		bool stable = false;

		for (int j = 0; j < na && !stable; j++)
			stable = after[j] == before[i];
		if (stable && !pti_task_set_find(&set, before[i])) {
			ksft_print_msg("pid %d missing\n", before[i]);
			missing++;
		}
	}
	EXPECT_EQ(0, missing);
	for (size_t i = 1; i < set.n; i++)
		EXPECT_LT(tasks[i - 1].pid, tasks[i].pid);
	pti_task_set_free(&set);
}

TEST(forked_child)
{
	pid_t child = spawn_sleeper();
	struct pti_task t;

	ASSERT_GT(child, 0);
	ASSERT_EQ(0, wait_proc_state(child, 'S'));
	ASSERT_EQ(0, find_task(child, &t));
	EXPECT_EQ(child, t.tgid);
	EXPECT_EQ(getpid(), t.ppid);
	EXPECT_EQ(child, t.leader);
	EXPECT_EQ(1, t.threads);
	EXPECT_EQ('S', t.state);
	EXPECT_EQ(1, t.has_mm);
	EXPECT_EQ(0, t.tracer);
	kill_and_reap(child);
}

/*
 * A comm of blanks and a backslash: escaped in the text (a value never
 * holds a separator), whole again through the CLI's parser.
 */
TEST(odd_comm_is_escaped)
{
	static const char odd[] = "a b\\c\t";
	char want[64], prefix[16], ready, *line = NULL;
	size_t cap = 0;
	int pipefd[2];
	pid_t child;
	struct pti_task t;
	FILE *f;
	bool found = false;

	ASSERT_EQ(0, pipe(pipefd));
	child = fork();
	ASSERT_GE(child, 0);
	if (child == 0) {
		prctl(PR_SET_NAME, odd);
		if (write(pipefd[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	ASSERT_EQ(1, read(pipefd[0], &ready, 1));
	close(pipefd[0]);
	close(pipefd[1]);
	f = fopen("/proc/ptinspect/tasks", "r");
	ASSERT_NE(NULL, f);
	snprintf(prefix, sizeof(prefix), "%d ", child);
	/* comm, then name: the same for a user process */
	snprintf(want, sizeof(want), " %s %s\n", "a\\040b\\134c\\011",
		 "a\\040b\\134c\\011");
	while (getline(&line, &cap, f) > 0) {
		if (strncmp(line, prefix, strlen(prefix)))
			continue;
		found = true;
		EXPECT_NE(NULL, strstr(line, want)) TH_LOG("%s", line);
	}
	fclose(f);
	free(line);
	EXPECT_TRUE(found);
	ASSERT_EQ(0, find_task(child, &t));
	EXPECT_STREQ(odd, t.comm);
	kill_and_reap(child);
}

/* A 4-thread process: one tgid, four distinct pids, threads == 4. */
TEST(four_threads)
{
	int pipefd[2];
	pid_t child;
	struct pti_task_set set;
	const struct pti_task *tasks;	/* every column: whole records */
	int seen = 0;
	char c;

	ASSERT_EQ(0, pipe(pipefd));
	child = fork();
	if (child == 0) {
		pthread_t th;

		for (int i = 0; i < 3; i++)
			pthread_create(&th, NULL, sleep_forever, NULL);
		write(pipefd[1], "x", 1);
		sleep_forever(NULL);
	}
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	ASSERT_EQ(0, load_tasks(&set));
	tasks = pti_task_set_full(&set);
	for (size_t i = 0; i < set.n; i++) {
		const struct pti_task *t = &tasks[i];

		if (t->tgid != child)
			continue;
		seen++;
		EXPECT_EQ(4, t->threads);
		EXPECT_EQ(child, t->leader);
		EXPECT_EQ(getpid(), t->ppid);
	}
	EXPECT_EQ(4, seen);
	pti_task_set_free(&set);
	kill_and_reap(child);
	close(pipefd[0]);
	close(pipefd[1]);
}

TEST(zombie)
{
	pid_t child = fork();
	struct pti_task t;

	if (child == 0)
		_exit(5);
	ASSERT_EQ(0, wait_proc_state(child, 'Z'));
	ASSERT_EQ(0, find_task(child, &t));
	EXPECT_EQ('Z', t.state);
	EXPECT_EQ(EXIT_ZOMBIE_BIT, t.exit_state);
	EXPECT_EQ(5 << 8, t.exit_code);
	EXPECT_EQ(0, t.has_mm);
	waitpid(child, NULL, 0);
	EXPECT_NE(0, find_task(child, &t));
}

TEST(stopped)
{
	pid_t child = spawn_sleeper();
	struct pti_task t;

	ASSERT_EQ(0, kill(child, SIGSTOP));
	ASSERT_EQ(0, wait_proc_state(child, 'T'));
	ASSERT_EQ(0, find_task(child, &t));
	EXPECT_EQ('T', t.state);
	EXPECT_TRUE(t.raw_state & TASK_STOPPED_BIT);
	kill_and_reap(child);
}

/* Traced by someone other than its parent: parent != real_parent. */
TEST(ptrace_stopped)
{
	pid_t middle, tracee = spawn_traced_grandchild(&middle);
	struct pti_task t;

	ASSERT_LT(0, tracee);
	ASSERT_EQ(0, wait_proc_state(tracee, 't'));
	ASSERT_EQ(0, find_task(tracee, &t));
	EXPECT_EQ('t', t.state);
	EXPECT_EQ(middle, t.ppid);
	EXPECT_EQ(getpid(), t.tracer);
	EXPECT_TRUE(t.raw_state & TASK_TRACED_BIT);
	ptrace(PTRACE_DETACH, tracee, NULL, NULL);
	kill(tracee, SIGKILL);
	kill_and_reap(middle);
}

/* A grandchild whose parent died is reparented to the subreaper. */
TEST(orphan_reparented_to_subreaper)
{
	int pipefd[2];
	pid_t reaper, orphan;
	struct pti_task t, r;

	ASSERT_EQ(0, pipe(pipefd));
	reaper = fork();
	if (reaper == 0) {
		pid_t middle;

		prctl(PR_SET_CHILD_SUBREAPER, 1);
		middle = fork();
		if (middle == 0) {
			pid_t g = spawn_sleeper();

			write(pipefd[1], &g, sizeof(g));
			_exit(0);
		}
		waitpid(middle, NULL, 0);
		for (;;)
			pause();
	}
	ASSERT_EQ((ssize_t)sizeof(orphan), read(pipefd[0], &orphan, sizeof(orphan)));
	/* The middle child exits after writing: wait for the adoption. */
	for (int i = 0; i < 500; i++) {
		ASSERT_EQ(0, find_task(orphan, &t));
		if (t.ppid == reaper)
			break;
		usleep(10000);
	}
	EXPECT_EQ(reaper, t.ppid);
	ASSERT_EQ(0, find_task(reaper, &r));
	EXPECT_EQ(1, r.reaper);
	EXPECT_EQ(0, t.reaper);
	kill(orphan, SIGKILL);
	kill_and_reap(reaper);
	close(pipefd[0]);
	close(pipefd[1]);
}

/*
 * The policy is the kernel's number; the flags view names every value
 * once, each as sched(7) does.
 */
TEST(sched_fifo_rt_priority_10)
{
	static const struct { unsigned int value; const char *name; } names[] = {
		{ SCHED_OTHER, "NORMAL" }, { SCHED_FIFO, "FIFO" },
		{ SCHED_RR, "RR" }, { SCHED_BATCH, "BATCH" },
		{ SCHED_IDLE, "IDLE" }, { 6, "DEADLINE" }, { 7, "EXT" },
	};
	struct sched_param sp = { .sched_priority = 10 };
	struct pti_source src = { .proc_dir = "/proc/ptinspect" };
	pid_t child = spawn_sleeper();
	struct pti_flag_names fn;
	struct pti_task t;
	char err[256];

	ASSERT_EQ(0, sched_setscheduler(child, SCHED_FIFO, &sp));
	ASSERT_EQ(0, find_task(child, &t));
	EXPECT_EQ(SCHED_FIFO, t.policy);
	ASSERT_EQ(0, pti_flag_names_load(&src, "policy", &fn, err, sizeof(err)))
		TH_LOG("%s", err);
	EXPECT_EQ(sizeof(names) / sizeof(names[0]), fn.n);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *name = pti_flag_names_value(&fn, names[i].value);

		EXPECT_STREQ(names[i].name, name ? name : "(none)");
	}
	EXPECT_EQ(NULL, pti_flag_names_value(&fn, 8));
	pti_flag_names_free(&fn);
	EXPECT_EQ(10, t.rt_priority);
	EXPECT_EQ(99 - 10, t.prio);
	EXPECT_EQ(99 - 10, t.normal_prio);
	kill_and_reap(child);
}

TEST(nice_7)
{
	pid_t child = spawn_sleeper();
	struct pti_task t;

	ASSERT_EQ(0, setpriority(PRIO_PROCESS, child, 7));
	ASSERT_EQ(0, find_task(child, &t));
	EXPECT_EQ(7, t.nice);
	EXPECT_EQ(127, t.static_prio);
	EXPECT_EQ(127, t.prio);
	EXPECT_EQ(SCHED_OTHER, t.policy);
	kill_and_reap(child);
}

/* Kernel threads: no mm, KTHREAD, children of kthreadd (pid 2). */
TEST(kernel_threads)
{
	struct pti_task_set set;
	const struct pti_task *tasks;	/* every column: whole records */
	int kthreads = 0;

	ASSERT_EQ(0, load_tasks(&set));
	tasks = pti_task_set_full(&set);
	for (size_t i = 0; i < set.n; i++) {
		const struct pti_task *t = &tasks[i];

		if (!t->kthread)
			continue;
		kthreads++;
		EXPECT_EQ(0, t->has_mm);
		EXPECT_EQ(t->pid == 2 ? 0 : 2, t->ppid);
	}
	EXPECT_GT(kthreads, 5);
	ASSERT_NE(NULL, pti_task_set_find(&set, 2));
	EXPECT_STREQ("kthreadd",
		     pti_task_record(&set, pti_task_set_find(&set, 2))->comm);
	pti_task_set_free(&set);
}

/*
 * Kernel threads carry the name /proc prints, not only their 15-byte comm:
 * a workqueue worker's id and last work ("kworker/0:1-events"), a long
 * kthread name whole.  Every kernel thread whose /proc name is not its
 * comm, and that did not change between two /proc reads, agrees; some
 * worker that has run work always exists.
 */
TEST(kernel_thread_names_are_procs)
{
	struct pti_task_set set;
	const struct pti_task *tasks;	/* every column: whole records */
	int longer = 0, workers = 0, changed = 0;

	ASSERT_EQ(0, load_tasks(&set));
	tasks = pti_task_set_full(&set);
	for (size_t i = 0; i < set.n; i++) {
		struct procview before, after;
		struct pti_task now;

		if (!pti_task_is_kthread(&set, pti_task_at(&set, i)) ||
		    procview_read(tasks[i].tgid, tasks[i].pid, &before) ||
		    find_task(tasks[i].pid, &now) ||
		    procview_read(now.tgid, now.pid, &after) ||
		    !strcmp(before.comm, now.comm))
			continue;
		if (!procview_equal(&before, &after)) {
			changed++;
			continue;
		}
		EXPECT_STREQ(before.comm, now.name) TH_LOG("pid %d, comm %s",
							 now.pid, now.comm);
		longer++;
		workers += !strncmp(now.name, "kworker/", 8) &&
			   strpbrk(now.name + 8, "+-") != NULL;
	}
	ksft_print_msg("%d kernel threads named longer than comm, %d of them workers with work; %d changed between reads\n",
		       longer, workers, changed);
	EXPECT_GT(workers, 0);
	pti_task_set_free(&set);
}

/* Up to @size bytes of @fd, in reads of at most @chunk; closes @fd. */
static size_t read_fd(int fd, char *buf, size_t size, size_t chunk)
{
	size_t len = 0;
	ssize_t n;

	while (len < size && (n = read(fd, buf + len,
				       chunk < size - len ? chunk : size - len)) > 0)
		len += (size_t)n;
	close(fd);
	return len;
}

static size_t read_all(const char *path, char *buf, size_t size, size_t chunk)
{
	int fd = open(path, O_RDONLY);

	return fd < 0 ? 0 : read_fd(fd, buf, size, chunk);
}

/* Tiny reads resume by pid: lines whole, pids ascending, none twice. */
TEST(short_reads_resume)
{
	static char small[1 << 20];
	FILE *f;
	char line[1024];
	int last = 0, lines = 0;
	struct pti_task_set set;
	size_t len = read_all("/proc/ptinspect/tasks", small, sizeof(small) - 1, 7);

	ASSERT_GT(len, 0);
	small[len] = '\0';
	f = fmemopen(small, len, "r");
	ASSERT_NE(NULL, f);
	ASSERT_EQ(0, pti_tasks_parse(f, &set, line, sizeof(line)));
	fclose(f);
	f = fmemopen(small, len, "r");
	fgets(line, sizeof(line), f);
	while (fgets(line, sizeof(line), f)) {
		int pid = atoi(line);

		EXPECT_GT(pid, last);
		last = pid;
		lines++;
	}
	fclose(f);
	EXPECT_EQ((int)set.n, lines);
	EXPECT_GT(lines, 10);
	pti_task_set_free(&set);
}

/*
 * One large read() returns many pages of lines, not seq_file's one page:
 * the view's own buffer, taken at open, spares a long view hundreds of
 * reads that each restart the walk.  Whole lines only.
 */
TEST(one_read_holds_many_pages)
{
	static char whole[1 << 22], once[1 << 20];
	long page = sysconf(_SC_PAGESIZE);
	size_t len;
	ssize_t n;
	pthread_t th;
	int fd;

	/* 128 threads of this test's own process: a view of many pages */
	for (int i = 0; i < 128; i++)
		ASSERT_EQ(0, pthread_create(&th, NULL, sleep_forever, NULL));
	len = read_all("/proc/ptinspect/tasks", whole, sizeof(whole),
		       sizeof(whole));
	ASSERT_GT(len, (size_t)(4 * page));
	fd = open("/proc/ptinspect/tasks", O_RDONLY);
	ASSERT_LE(0, fd);
	n = read(fd, once, sizeof(once));
	close(fd);
	ksft_print_msg("one read() of a %zu-byte view: %zd bytes\n", len, n);
	EXPECT_GT(n, 4 * page);
	ASSERT_GT(n, 0);
	EXPECT_EQ('\n', once[n - 1]);
}

/*
 * A mount namespace of the caller's own (a forked child's) with a proc at
 * @dir, mounted with @options: the module's files below it answer as that
 * proc's pid namespace and options say.  0, or -1.
 */
static int mount_own_proc(const char *dir, const char *options)
{
	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return -1;
	mkdir(dir, 0755);
	return mount("proc", dir, "proc", 0, options);
}

/* In a new pid namespace the reader sees its own pids and only those. */
TEST(pid_namespace_view)
{
	pid_t child;
	int status;

	ASSERT_EQ(0, unshare(CLONE_NEWPID));
	child = fork();
	if (child == 0) {
		struct pti_source src = { .proc_dir = "/tmp/pti-ns-proc/ptinspect" };
		struct pti_task_set set;
		const struct pti_task *tasks;	/* every column: whole records */
		char err[256];
		pid_t grandchild;

		if (mount_own_proc("/tmp/pti-ns-proc", NULL))
			_exit(11);
		grandchild = spawn_sleeper();
		if (pti_tasks_load(&src, &set, PTI_TASK_ALL_COLS, err,
				   sizeof(err)))
			_exit(12);
		tasks = pti_task_set_full(&set);
		/* Us (pid 1) and the grandchild (pid 2): nothing else. */
		if (set.n != 2 || tasks[0].pid != 1 || tasks[0].ppid != 0 ||
		    tasks[1].pid != grandchild || tasks[1].ppid != 1 ||
		    !tasks[0].reaper)
			_exit(13);
		kill_and_reap(grandchild);
		_exit(0);
	}
	ASSERT_GT(child, 0);
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/*
 * exit_code is stat's field 52, which /proc shows only to a reader who may
 * ptrace the task.  The module, which cannot ask ptrace_may_access(),
 * shows it only to CAP_SYS_PTRACE: to nobody, root's zombie has 0 in both,
 * and nobody's own zombie (forked after dropping root, so not dumpable)
 * 0 in both too; root sees both codes, as in /proc.
 */
TEST(exit_code_only_to_who_may_ptrace)
{
	pid_t roots = fork(), reader, own = 0;
	int up[2], down[2], status;
	struct pti_task t;

	if (roots == 0)
		_exit(5);
	ASSERT_EQ(0, wait_proc_state(roots, 'Z'));
	ASSERT_EQ(0, pipe(up));
	ASSERT_EQ(0, pipe(down));
	reader = fork();
	if (reader == 0) {
		struct procview v;
		char go;

		close(up[0]);
		close(down[1]);
		if (setgid(65534) || setuid(65534))
			_exit(10);
		own = fork();
		if (own == 0)
			_exit(7);
		if (wait_proc_state(own, 'Z'))
			_exit(11);
		if (find_task(roots, &t) || procview_read(roots, roots, &v))
			_exit(12);
		if (t.exit_code != 0 || v.exit_code != 0)
			_exit(13);
		if (find_task(own, &t) || procview_read(own, own, &v))
			_exit(14);
		if (t.exit_code != 0 || v.exit_code != 0)
			_exit(15);
		/* Keep the zombie unreaped until root has read it. */
		if (write(up[1], &own, sizeof(own)) != sizeof(own) ||
		    read(down[0], &go, 1) != 1)
			_exit(16);
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	if (read(up[0], &own, sizeof(own)) == (ssize_t)sizeof(own)) {
		ASSERT_EQ(0, find_task(own, &t));
		EXPECT_EQ(7 << 8, t.exit_code);
	}
	ASSERT_EQ(0, find_task(roots, &t));
	EXPECT_EQ(5 << 8, t.exit_code);
	ASSERT_EQ(1, write(down[1], "g", 1));
	close(up[0]);
	close(down[1]);
	ASSERT_EQ(reader, waitpid(reader, &status, 0));
	waitpid(roots, NULL, 0);
	ASSERT_TRUE(WIFEXITED(status));
	/* 13: root's code shown to nobody; 15: a code /proc would not show */
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* hidepid=2 on the proc mount: an unprivileged reader sees only its own. */
TEST(hidepid_limits_unprivileged_reader)
{
	pid_t child;
	int status;

	child = fork();
	if (child == 0) {
		struct pti_source src = { .proc_dir = "/tmp/pti-hide-proc/ptinspect" };
		struct pti_task_set set;
		const struct pti_task *tasks;	/* every column: whole records */
		char err[256];

		if (mount_own_proc("/tmp/pti-hide-proc", "hidepid=2"))
			_exit(11);
		if (setgid(65534) || setuid(65534))
			_exit(12);
		if (pti_tasks_load(&src, &set, PTI_TASK_ALL_COLS, err,
				   sizeof(err)))
			_exit(13);
		tasks = pti_task_set_full(&set);
		for (size_t i = 0; i < set.n; i++)
			if (tasks[i].uid != 65534)
				_exit(14);
		/* Ourselves at least. */
		if (!pti_task_set_find(&set, getpid()))
			_exit(15);
		_exit(0);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* debugfs addresses follow %pK: kptr_restrict=2 hides them, even from root. */
TEST(debugfs_addresses_follow_kptr_restrict)
{
	static char buf[1 << 20];
	char saved[16] = "", first_task[32];
	size_t len;

	ASSERT_EQ(0, knob_swap(KPTR_RESTRICT, saved, sizeof(saved), "2"));
	len = read_all("/sys/kernel/debug/ptinspect/tasks", buf, sizeof(buf) - 1, 65536);
	buf[len] = '\0';
	ASSERT_EQ(0, strncmp(buf, "task stack mm pid ", 18));
	sscanf(strchr(buf, '\n') + 1, "%31s", first_task);
	EXPECT_STREQ("0000000000000000", first_task);
	ASSERT_EQ(0, knob_write(KPTR_RESTRICT, "1"));
	len = read_all("/sys/kernel/debug/ptinspect/tasks", buf, sizeof(buf) - 1, 65536);
	buf[len] = '\0';
	sscanf(strchr(buf, '\n') + 1, "%31s", first_task);
	EXPECT_STRNE("0000000000000000", first_task);
	ASSERT_EQ(0, knob_write(KPTR_RESTRICT, saved));
}

/*
 * Where addresses are shown, each debugfs row's are the task's own: a
 * task_struct and a stack for every task, an mm exactly when the record
 * says the task has one (kernel threads have none).
 */
TEST(debugfs_mm_address_agrees_with_has_mm)
{
	static char buf[1 << 20];
	char saved[16] = "", *line, *save = NULL;
	int col_task = -1, col_stack = -1, col_mm = -1, col_has_mm = -1;
	int rows = 0, with_mm = 0, without_mm = 0;
	size_t len;

	/* root sees them */
	ASSERT_EQ(0, knob_swap(KPTR_RESTRICT, saved, sizeof(saved), "1"));
	len = read_all("/sys/kernel/debug/ptinspect/tasks", buf, sizeof(buf) - 1, 65536);
	ASSERT_EQ(0, knob_write(KPTR_RESTRICT, saved));
	buf[len] = '\0';
	line = strtok_r(buf, "\n", &save);
	ASSERT_NE(NULL, line);
	{
		char *word, *wsave = NULL;
		int i = 0;

		for (word = strtok_r(line, " ", &wsave); word;
		     word = strtok_r(NULL, " ", &wsave), i++) {
			col_task = strcmp(word, "task") ? col_task : i;
			col_stack = strcmp(word, "stack") ? col_stack : i;
			col_mm = strcmp(word, "mm") ? col_mm : i;
			col_has_mm = strcmp(word, "has_mm") ? col_has_mm : i;
		}
	}
	ASSERT_TRUE(col_task >= 0 && col_stack >= 0 && col_mm >= 0 && col_has_mm >= 0);
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *word, *wsave = NULL, *task = NULL, *stack = NULL, *mm = NULL;
		char *has_mm = NULL;
		int i = 0;

		for (word = strtok_r(line, " ", &wsave); word;
		     word = strtok_r(NULL, " ", &wsave), i++) {
			task = i == col_task ? word : task;
			stack = i == col_stack ? word : stack;
			mm = i == col_mm ? word : mm;
			has_mm = i == col_has_mm ? word : has_mm;
		}
		ASSERT_TRUE(task && stack && mm && has_mm);
		EXPECT_STRNE("0000000000000000", task);
		EXPECT_STRNE("0000000000000000", stack);
		if (strcmp(has_mm, "0") == 0) {
			EXPECT_STREQ("0000000000000000", mm) TH_LOG("task %s", task);
			without_mm++;
		} else {
			EXPECT_STRNE("0000000000000000", mm) TH_LOG("task %s", task);
			with_mm++;
		}
		rows++;
	}
	/* this test and the kernel's threads at least */
	EXPECT_GT(with_mm, 0);
	EXPECT_GT(without_mm, 0);
	TH_LOG("%d rows: %d with an mm, %d without", rows, with_mm, without_mm);
}

/*
 * The tasks view opened with some columns chosen (PTI_IOC_TASK_COLUMNS):
 * into @buf, NUL-terminated; its length, or -1 with errno from the ioctl.
 */
static ssize_t read_chosen_columns(__u64 columns, char *buf, size_t size)
{
	int fd = open("/proc/ptinspect/tasks", O_RDONLY);
	size_t len;

	if (fd < 0)
		return -1;
	if (ioctl(fd, PTI_IOC_TASK_COLUMNS, &columns)) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	len = read_fd(fd, buf, size - 1, size - 1);
	buf[len] = '\0';
	return (ssize_t)len;
}

/*
 * Four columns chosen out of order: the header names them in the view's
 * order, and a child's line holds its own values, as /proc has them.
 */
TEST(chosen_columns_only)
{
	static char text[1 << 20];
	pid_t child = spawn_sleeper();
	char want[128], comm[64], *line;
	__u64 columns = 1ULL << PTI_TASK_COMM | 1ULL << PTI_TASK_NICE |
			1ULL << PTI_TASK_PPID | 1ULL << PTI_TASK_PID;
	struct procview v;

	ASSERT_EQ(0, setpriority(PRIO_PROCESS, child, 7));
	ASSERT_EQ(0, wait_proc_state(child, 'S'));
	ASSERT_LT(0, read_chosen_columns(columns, text, sizeof(text)));
	ASSERT_EQ(0, procview_read(child, child, &v));
	EXPECT_EQ(0, strncmp(text, "pid ppid nice comm\n", 19));
	/* the child's comm is this test's: no blank, nothing to escape */
	snprintf(comm, sizeof(comm), "%s", v.comm);
	snprintf(want, sizeof(want), "\n%d %d 7 %s\n", child, getpid(), comm);
	line = strstr(text, want);
	EXPECT_NE(NULL, line);
	if (!line)
		TH_LOG("no line '%s' in the chosen columns", want + 1);
	/* every line: four fields */
	for (line = text; *line; line = strchr(line, '\n') + 1) {
		int fields = 1;

		for (char *c = line; *c != '\n'; c++)
			fields += *c == ' ';
		EXPECT_EQ(4, fields);
		if (fields != 4)
			break;
	}
	/* the module looks up only what is chosen: a session, a gid, a name */
	columns = 1ULL << PTI_TASK_PID | 1ULL << PTI_TASK_SID |
		  1ULL << PTI_TASK_EGID | 1ULL << PTI_TASK_NAME;
	ASSERT_LT(0, read_chosen_columns(columns, text, sizeof(text)));
	EXPECT_EQ(0, strncmp(text, "pid sid egid name\n", 18));
	snprintf(want, sizeof(want), "\n%d %d %d %s\n", child, getsid(child),
		 (int)getegid(), comm);
	EXPECT_NE(NULL, strstr(text, want));
	if (!strstr(text, want))
		TH_LOG("no line '%s' in the chosen columns", want + 1);
	kill_and_reap(child);
}

/*
 * Refused with a clear errno, the view then read whole: no column, one
 * past the last, a bad pointer, a request it does not know, a choice
 * after reading, and on debugfs's view, which has no choice.
 */
TEST(column_choice_errors)
{
	static char text[1 << 20];
	__u64 none = 0, past = 1ULL << PTI_TASK_NR_COLUMNS, pid_only = 1;
	int fd = open("/proc/ptinspect/tasks", O_RDONLY);
	char c;

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, ioctl(fd, PTI_IOC_TASK_COLUMNS, &none));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, ioctl(fd, PTI_IOC_TASK_COLUMNS, &past));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, ioctl(fd, PTI_IOC_TASK_COLUMNS, (void *)16));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(fd, _IOW(PTI_IOC_MAGIC, 2, __u64), &pid_only));
	EXPECT_EQ(ENOTTY, errno);
	ASSERT_EQ(1, read(fd, &c, 1));
	EXPECT_EQ(-1, ioctl(fd, PTI_IOC_TASK_COLUMNS, &pid_only));
	EXPECT_EQ(EBUSY, errno);
	close(fd);
	/* what was refused changed nothing: every column, header first */
	ASSERT_LT(0, read_all("/proc/ptinspect/tasks", text, sizeof(text) - 1,
			      sizeof(text) - 1));
	EXPECT_EQ(0, strncmp(text, "pid tgid ppid ", 14));
	fd = open("/sys/kernel/debug/ptinspect/tasks", O_RDONLY);
	if (fd >= 0) {
		EXPECT_EQ(-1, ioctl(fd, PTI_IOC_TASK_COLUMNS, &pid_only));
		EXPECT_EQ(ENOTTY, errno);
		close(fd);
	}
	/* the one column alone: numbers only */
	ASSERT_LT(0, read_chosen_columns(pid_only, text, sizeof(text)));
	EXPECT_EQ(0, strncmp(text, "pid\n1\n", 6));
}

TEST(writes_are_rejected)
{
	int fd = open("/proc/ptinspect/tasks", O_WRONLY);

	if (fd >= 0) {
		EXPECT_EQ(-1, write(fd, "garbage\n", 8));
		close(fd);
	} else {
		EXPECT_EQ(EACCES, errno);
	}
}

/* The format file lists the tasks header's columns, in order. */
TEST(format_lists_columns)
{
	static char fmt[65536], tasks[1 << 20];
	char *line, *save = NULL, header[4096], expect[4096] = "", version[32];
	size_t len;

	len = read_all("/proc/ptinspect/format", fmt, sizeof(fmt) - 1, 4096);
	fmt[len] = '\0';
	/* the version this CLI and these tests were built for */
	snprintf(version, sizeof(version), "version %d\n", PTI_FORMAT_VERSION);
	ASSERT_EQ(0, strncmp(fmt, version, strlen(version))) TH_LOG("%.20s", fmt);
	len = read_all("/proc/ptinspect/tasks", tasks, sizeof(tasks) - 1, 65536);
	tasks[len] = '\0';
	sscanf(tasks, "%4095[^\n]", header);
	for (line = strtok_r(fmt, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char view[32], name[64];

		if (sscanf(line, "%31s %63s", view, name) == 2 && !strcmp(view, "tasks")) {
			if (expect[0])
				strcat(expect, " ");
			strcat(expect, name);
		}
	}
	EXPECT_STREQ(header, expect);
}

/*
 * The format file is a line per step of its iterator: reads of any size
 * give the same text, and it runs from the version to the last view's
 * last column (runqueues/se), each line a view, a name, a type and help.
 */
TEST(format_reads_the_same_in_any_piece_size)
{
	static const size_t pieces[] = { 1, 7, 333, 4096 };
	static char whole[65536], piece[65536];
	char *last, *line, *save = NULL;
	size_t len = read_all("/proc/ptinspect/format", whole,
			      sizeof(whole) - 1, sizeof(whole));
	int lines = 0;

	ASSERT_GT(len, 0);
	whole[len] = '\0';
	for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		size_t got = read_all("/proc/ptinspect/format", piece,
				      sizeof(piece) - 1, pieces[i]);

		piece[got] = '\0';
		EXPECT_EQ(len, got) TH_LOG("pieces of %zu", pieces[i]);
		EXPECT_STREQ(whole, piece) TH_LOG("pieces of %zu", pieces[i]);
	}
	ASSERT_EQ('\n', whole[len - 1]);
	whole[len - 1] = '\0';
	last = strrchr(whole, '\n');
	ASSERT_NE(NULL, last);
	EXPECT_EQ(0, strncmp(last + 1, "runqueues/se ", 13)) TH_LOG("%s", last + 1);
	for (line = strtok_r(whole, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char view[32], name[64], type[16];

		if (lines++ == 0)
			continue;
		EXPECT_EQ(3, sscanf(line, "%31s %63s %15s", view, name, type))
			TH_LOG("%s", line);
	}
	EXPECT_GT(lines, 200);
}

TEST_HARNESS_MAIN
