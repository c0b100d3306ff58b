// SPDX-License-Identifier: GPL-2.0
/*
 * trace_test.c - `ptinspect trace` against processes this test makes:
 * every fork, thread, vfork, exec, exit, kill, zombie, reap and orphan of a
 * known workload must appear exactly once with the right ids and codes, and
 * nothing else; switch counts against /proc/<pid>/status; a tiny ring buffer
 * must account for every record it lost.  Runs as root on the host or in the
 * guest; the module is not needed.  $PTINSPECT names the CLI (default
 * cli/ptinspect); $PTI_TRACE_ATTACH picks tp_btf or raw_tp.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"

#define NR_CHILDREN 100
#define NR_THREADS 10
#define ZOMBIE_MS 200
#define MAX_LINES 200000

struct tracer {
	pid_t pid;
	FILE *out;
	char **lines;
	size_t n;
};

/* Start `ptinspect trace --json ARGS...`; return once it has attached. */
static int tracer_start(struct tracer *t, const char *const *args)
{
	const char *cli = getenv("PTINSPECT") ? getenv("PTINSPECT") : "cli/ptinspect";
	const char *attach = getenv("PTI_TRACE_ATTACH");
	const char *argv[32] = { cli, "trace", "--json" };
	char line[4096];
	int fds[2], argc = 3;
	struct pollfd pfd;

	if (attach) {
		argv[argc++] = "--attach";
		argv[argc++] = attach;
	}
	for (; *args && argc < 30; args++)
		argv[argc++] = *args;
	memset(t, 0, sizeof(*t));
	if (pipe(fds))
		return -1;
	t->pid = fork();
	if (t->pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(cli, (char **)argv);
		_exit(127);
	}
	close(fds[1]);
	t->out = fdopen(fds[0], "r");
	t->lines = calloc(MAX_LINES, sizeof(*t->lines));
	/*
	 * Loading takes seconds under TCG, and over a minute on the debug
	 * kernel, whose verifier runs under KASAN and lockdep (within the
	 * harness's 300 s per case).
	 */
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	if (poll(&pfd, 1, 240000) != 1 || !fgets(line, sizeof(line), t->out) ||
	    !strstr(line, "\"type\": \"attached\"")) {
		fprintf(stderr, "# tracer did not attach\n");
		return -1;
	}
	return 0;
}

/* SIGINT it and keep every line it printed, then its exit status. */
static int tracer_stop(struct tracer *t)
{
	char line[4096];
	int status = -1;

	kill(t->pid, SIGINT);
	while (fgets(line, sizeof(line), t->out))
		if (t->n < MAX_LINES)
			t->lines[t->n++] = strdup(line);
	fclose(t->out);
	waitpid(t->pid, &status, 0);
	return status;
}

static void tracer_free(struct tracer *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->lines[i]);
	free(t->lines);
}

/* A member of a flat JSON object line; "key" never matches "x_key". */
static const char *member(const char *line, const char *key)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\": ", key);
	p = strstr(line, pat);
	return p ? p + strlen(pat) : NULL;
}

static long long num(const char *line, const char *key)
{
	const char *p = member(line, key);

	return p ? strtoll(p, NULL, 10) : -1;
}

static bool is(const char *line, const char *key, const char *value)
{
	const char *p = member(line, key);
	size_t n = strlen(value);

	return p && p[0] == '"' && strncmp(p + 1, value, n) == 0 && p[n + 1] == '"';
}

static bool is_null(const char *line, const char *key)
{
	const char *p = member(line, key);

	return p && strncmp(p, "null", 4) == 0;
}

/* The stats record: produced == delivered + dropped, as the kernel counted. */
static const char *stats_line(const struct tracer *t)
{
	for (size_t i = t->n; i-- > 0;)
		if (is(t->lines[i], "type", "stats"))
			return t->lines[i];
	return NULL;
}

static void ms_sleep(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void wait_go(int fd)
{
	char c;

	if (read(fd, &c, 1) != 1)
		_exit(99);
	close(fd);
}

/* What the workload made, sent back to the test. */
struct made {
	pid_t root, children[NR_CHILDREN], threads[NR_THREADS];
	pid_t vforked, exit7, killed, zombie, orphaner, orphan;
	int vfork_status, exit7_status, killed_status, zombie_status;
};

static void *thread_body(void *arg)
{
	*(pid_t *)arg = gettid();
	return NULL;
}

/* Every life-cycle case once, as the issue lists them. */
static void workload(struct made *m)
{
	pthread_t th[NR_THREADS];
	siginfo_t si;
	int gate[2];

	m->root = getpid();
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	for (int i = 0; i < NR_CHILDREN; i++) {
		m->children[i] = fork();
		if (m->children[i] == 0)
			_exit(0);
		waitpid(m->children[i], NULL, 0);
	}
	for (int i = 0; i < NR_THREADS; i++)
		pthread_create(&th[i], NULL, thread_body, &m->threads[i]);
	for (int i = 0; i < NR_THREADS; i++)
		pthread_join(th[i], NULL);
	m->vforked = vfork();
	if (m->vforked == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	waitpid(m->vforked, &m->vfork_status, 0);
	m->exit7 = fork();
	if (m->exit7 == 0)
		_exit(7);
	waitpid(m->exit7, &m->exit7_status, 0);
	m->killed = fork();
	if (m->killed == 0)
		for (;;)
			pause();
	kill(m->killed, SIGKILL);
	waitpid(m->killed, &m->killed_status, 0);
	/* A zombie kept ZOMBIE_MS: wait for its exit without reaping it. */
	m->zombie = fork();
	if (m->zombie == 0)
		_exit(0);
	waitid(P_PID, m->zombie, &si, WEXITED | WNOWAIT);
	ms_sleep(ZOMBIE_MS);
	waitpid(m->zombie, &m->zombie_status, 0);
	/* The orphaner's child outlives it and comes to us, the subreaper. */
	if (pipe(gate))
		_exit(98);
	m->orphaner = fork();
	if (m->orphaner == 0) {
		pid_t g = fork();

		if (g == 0) {
			close(gate[1]);
			for (;;)
				pause();
		}
		if (write(gate[1], &g, sizeof(g)) != sizeof(g))
			_exit(97);
		_exit(0);
	}
	if (read(gate[0], &m->orphan, sizeof(m->orphan)) != sizeof(m->orphan))
		_exit(96);
	waitpid(m->orphaner, NULL, 0);
	kill(m->orphan, SIGKILL);
	waitpid(m->orphan, NULL, 0);
}

/* Fork a root that waits at a gate, runs @body, sends @size bytes back. */
static pid_t spawn_root(void (*body)(void *), void *result, size_t size,
			int *go, int *back)
{
	int gate[2], ret[2];
	pid_t pid;

	if (pipe(gate) || pipe(ret))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(gate[1]);
		close(ret[0]);
		wait_go(gate[0]);
		body(result);
		if (write(ret[1], result, size) != (ssize_t)size)
			_exit(95);
		_exit(0);
	}
	close(gate[0]);
	close(ret[1]);
	*go = gate[1];
	*back = ret[0];
	return pid;
}

static int run_root(pid_t root, int go, int back, void *result, size_t size)
{
	int status;
	ssize_t got;

	if (write(go, "g", 1) != 1)
		return -1;
	close(go);
	got = read(back, result, size);
	close(back);
	waitpid(root, &status, 0);
	return got == (ssize_t)size && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0 ? 0 : -1;
}

#define TRACE_ATTEMPTS 3

/*
 * Trace a root running @body with `-p ROOT EXTRA...` and keep the last
 * stats line in *@stats.  A tracepoint hit while the same program already
 * runs on that CPU is skipped by the kernel and only counted (runs_missed;
 * 7.x tracepoints can be preempted, so it happens there under load).  A
 * run that missed nothing can be checked event by event, so one that did
 * is run again, up to TRACE_ATTEMPTS times.  *@root_out: the last root.
 * 0, or -1 when the workload or the tracer failed.
 */
static int trace_root(struct tracer *t, void (*body)(void *), void *result,
		      size_t size, const char *const *extra, const char **stats,
		      pid_t *root_out)
{
	for (int attempt = 1; attempt <= TRACE_ATTEMPTS; attempt++) {
		const char *args[16] = { "-p" };
		char rootbuf[16];
		int go, back, n = 2;
		pid_t root = spawn_root(body, result, size, &go, &back);

		if (root < 0)
			return -1;
		*root_out = root;
		snprintf(rootbuf, sizeof(rootbuf), "%d", root);
		args[1] = rootbuf;
		for (int i = 0; extra[i] && n < 15; i++)
			args[n++] = extra[i];
		if (tracer_start(t, args) || run_root(root, go, back, result, size))
			return -1;
		ms_sleep(50);
		if (tracer_stop(t) || !(*stats = stats_line(t)))
			return -1;
		if (num(*stats, "runs_missed") == 0 || attempt == TRACE_ATTEMPTS)
			break;
		fprintf(stderr, "# attempt %d: %s\n", attempt, *stats);
		tracer_free(t);
	}
	return 0;
}

/* How many event lines of @type match all of @pairs ("key", "value"). */
static int count_events(const struct tracer *t, const char *type,
			const char *key, long long value)
{
	int n = 0;

	for (size_t i = 0; i < t->n; i++)
		if (is(t->lines[i], "type", type) &&
		    (!key || num(t->lines[i], key) == value))
			n++;
	return n;
}

static const char *find_event(const struct tracer *t, const char *type,
			      const char *key, long long value)
{
	for (size_t i = 0; i < t->n; i++)
		if (is(t->lines[i], "type", type) && num(t->lines[i], key) == value)
			return t->lines[i];
	return NULL;
}

static void workload_entry(void *m)
{
	workload(m);
}

TEST(life_cycle_of_a_known_subtree)
{
	struct made m = { 0 };
	struct tracer t;
	const char *e, *stats;
	int forks = 0;
	pid_t self = getpid(), root;

	ASSERT_EQ(0, trace_root(&t, workload_entry, &m, sizeof(m),
				(const char *[]){ "--follow", NULL }, &stats,
				&root));
	TH_LOG("%s", stats);
	EXPECT_EQ(0, num(stats, "dropped"));
	EXPECT_EQ(0, num(stats, "runs_missed"));
	EXPECT_EQ(num(stats, "produced"), num(stats, "delivered"));

	/* fork: 100 processes, 10 threads, 1 vfork, 4 more, 1 grandchild */
	for (int i = 0; i < NR_CHILDREN; i++) {
		e = find_event(&t, "fork", "child_pid", m.children[i]);
		ASSERT_NE(NULL, e) TH_LOG("no fork of child %d", m.children[i]);
		EXPECT_TRUE(is(e, "kind", "process"));
		EXPECT_EQ(root, num(e, "pid"));
		EXPECT_EQ(m.children[i], num(e, "child_tgid"));
		EXPECT_EQ(root, num(e, "child_ppid"));
		e = find_event(&t, "exit", "pid", m.children[i]);
		ASSERT_NE(NULL, e);
		EXPECT_EQ(0, num(e, "status"));
		EXPECT_TRUE(is(e, "scope", "process"));
		EXPECT_TRUE(is(e, "fate", "zombie"));
		e = find_event(&t, "reap", "child_pid", m.children[i]);
		ASSERT_NE(NULL, e);
		EXPECT_EQ(root, num(e, "pid"));
	}
	for (int i = 0; i < NR_THREADS; i++) {
		e = find_event(&t, "fork", "child_pid", m.threads[i]);
		ASSERT_NE(NULL, e) TH_LOG("no fork of thread %d", m.threads[i]);
		EXPECT_TRUE(is(e, "kind", "thread"));
		EXPECT_EQ(root, num(e, "child_tgid"));
		e = find_event(&t, "exit", "pid", m.threads[i]);
		ASSERT_NE(NULL, e);
		EXPECT_TRUE(is(e, "scope", "thread"));
		EXPECT_TRUE(is(e, "fate", "autoreap"));
		EXPECT_EQ(NULL, find_event(&t, "reap", "child_pid", m.threads[i]));
	}
	e = find_event(&t, "fork", "child_pid", m.vforked);
	ASSERT_NE(NULL, e);
	EXPECT_TRUE(is(e, "kind", "vfork"));
	e = find_event(&t, "exec", "pid", m.vforked);
	ASSERT_NE(NULL, e);
	EXPECT_TRUE(is(e, "filename", "/bin/true"));
	EXPECT_EQ(m.vforked, num(e, "old_pid"));
	EXPECT_TRUE(is(e, "comm", "true"));
	EXPECT_EQ(1, count_events(&t, "exec", NULL, 0));

	e = find_event(&t, "exit", "pid", m.exit7);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(7, num(e, "status"));
	EXPECT_EQ(m.exit7_status, num(e, "exit_code"));
	EXPECT_TRUE(is_null(e, "signal"));
	e = find_event(&t, "reap", "child_pid", m.exit7);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(7, num(e, "status"));

	e = find_event(&t, "exit", "pid", m.killed);
	ASSERT_NE(NULL, e);
	EXPECT_TRUE(is(e, "signal", "SIGKILL"));
	EXPECT_TRUE(is_null(e, "status"));
	EXPECT_EQ(m.killed_status, num(e, "exit_code"));

	e = find_event(&t, "reap", "child_pid", m.zombie);
	ASSERT_NE(NULL, e);
	EXPECT_GE(num(e, "zombie_ns"), ZOMBIE_MS * 1000000LL);
	EXPECT_LT(num(e, "zombie_ns"), 5000 * 1000000LL);
	EXPECT_EQ(root, num(e, "pid"));

	e = find_event(&t, "orphan", "child_pid", m.orphan);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(m.orphaner, num(e, "pid"));
	EXPECT_EQ(root, num(e, "new_parent"));
	EXPECT_TRUE(is(e, "new_parent_kind", "subreaper"));
	e = find_event(&t, "fork", "child_pid", m.orphan);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(m.orphaner, num(e, "pid"));
	e = find_event(&t, "reap", "child_pid", m.orphan);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(root, num(e, "pid"));
	EXPECT_TRUE(is(e, "signal", "SIGKILL"));

	/* The root's own end: reaped by this test, which nobody watched. */
	e = find_event(&t, "reap", "child_pid", root);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(self, num(e, "pid"));

	/* Exactly these, nothing invented. */
	forks = NR_CHILDREN + NR_THREADS + 1 + 4 + 1;
	EXPECT_EQ(forks, count_events(&t, "fork", NULL, 0));
	EXPECT_EQ(NR_CHILDREN + NR_THREADS + 1 + 4 + 1 + 1,
		  count_events(&t, "exit", NULL, 0));
	EXPECT_EQ(NR_CHILDREN + 1 + 4 + 1 + 1, count_events(&t, "reap", NULL, 0));
	EXPECT_EQ(1, count_events(&t, "orphan", NULL, 0));
	EXPECT_EQ(0, count_events(&t, "switch", NULL, 0));
	EXPECT_EQ((long long)t.n - 1, num(stats, "delivered"));
	tracer_free(&t);
}

static void *exec_from_thread(void *arg)
{
	(void)arg;
	execl("/bin/true", "true", (char *)NULL);
	return NULL;
}

static void threaded_exec(void *unused)
{
	pthread_t th;

	(void)unused;
	pthread_create(&th, NULL, exec_from_thread, NULL);
	pthread_join(th, NULL);
	_exit(90);	/* not reached: the exec replaces us */
}

/* A thread's exec: the leader dies, the thread takes over its pid. */
TEST(exec_from_a_thread_keeps_the_leader_pid)
{
	struct tracer t;
	const char *e, *stats, *exec_line = NULL;
	pid_t root, thread_tid;

	/* nothing comes back: the exec replaces the root's program */
	ASSERT_EQ(0, trace_root(&t, threaded_exec, NULL, 0,
				(const char *[]){ NULL }, &stats, &root));
	EXPECT_EQ(0, num(stats, "runs_missed"));
	e = find_event(&t, "fork", "pid", root);
	ASSERT_NE(NULL, e);
	EXPECT_TRUE(is(e, "kind", "thread"));
	thread_tid = num(e, "child_pid");
	for (size_t i = 0; i < t.n; i++)
		if (is(t.lines[i], "type", "exec"))
			exec_line = t.lines[i];
	ASSERT_NE(NULL, exec_line);
	EXPECT_EQ(root, num(exec_line, "pid"));
	EXPECT_EQ(thread_tid, num(exec_line, "old_pid"));
	/* The old leader's end, then the program's own, both with the pid. */
	e = find_event(&t, "exit", "exec_tid", thread_tid);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(root, num(e, "pid"));
	EXPECT_TRUE(is(e, "fate", "replaced"));
	EXPECT_TRUE(is(e, "scope", "thread"));
	EXPECT_EQ(2, count_events(&t, "exit", "pid", root));
	EXPECT_EQ(1, count_events(&t, "reap", "child_pid", root));
	tracer_free(&t);
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

struct switches {
	pid_t pid;
	long voluntary, involuntary;
	long long run_delay, pcount;	/* /proc/PID/schedstat; -1: none */
};

/*
 * A dead child's final counts: its zombie's status and schedstat, after
 * its last switch.
 */
static struct switches final_switches(pid_t pid)
{
	struct switches s = { .pid = pid };
	char path[64], line[256];
	siginfo_t si;
	FILE *f;

	waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	ms_sleep(20);	/* the exit's final switch may still be under way */
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f)) {
		sscanf(line, "voluntary_ctxt_switches: %ld", &s.voluntary);
		sscanf(line, "nonvoluntary_ctxt_switches: %ld", &s.involuntary);
	}
	if (f)
		fclose(f);
	s.run_delay = s.pcount = -1;
	snprintf(path, sizeof(path), "/proc/%d/schedstat", pid);
	f = fopen(path, "r");
	if (f && fscanf(f, "%*s %lld %lld", &s.run_delay, &s.pcount) != 2)
		s.run_delay = s.pcount = -1;
	if (f)
		fclose(f);
	waitpid(pid, NULL, 0);
	return s;
}

#define ROUNDS 2000
#define HOG_MS 1500

struct pair_result {
	struct switches s[4];	/* pinger, ponger, hog, hog */
};

/* Ping-pong over pipes on CPU 0; two hogs share CPU 1. */
static void switch_workload(void *out)
{
	struct pair_result *r = out;
	int ab[2], ba[2];
	pid_t kids[4];
	char c = 0;

	if (pipe(ab) || pipe(ba))
		_exit(93);
	for (int k = 0; k < 4; k++) {
		kids[k] = fork();
		if (kids[k])
			continue;
		if (k < 2) {
			pin(0);
			for (int i = 0; i < ROUNDS; i++) {
				if (k == 0 && (write(ab[1], &c, 1) != 1 ||
					       read(ba[0], &c, 1) != 1))
					_exit(92);
				if (k == 1 && (read(ab[0], &c, 1) != 1 ||
					       write(ba[1], &c, 1) != 1))
					_exit(92);
			}
		} else {
			struct timespec t0, t;

			pin(1);
			clock_gettime(CLOCK_MONOTONIC, &t0);
			do
				clock_gettime(CLOCK_MONOTONIC, &t);
			while ((t.tv_sec - t0.tv_sec) * 1000 +
			       (t.tv_nsec - t0.tv_nsec) / 1000000 < HOG_MS);
		}
		_exit(0);
	}
	for (int k = 0; k < 4; k++)
		r->s[k] = final_switches(kids[k]);
}

/*
 * The kernel's counters against ours, for each child's whole life: it was
 * forked after the tracer attached, and its status is read as a zombie
 * after its last switch, so the two must be equal.  So must its waits:
 * the runs that ended one and their total against /proc/PID/schedstat
 * (pcount, run_delay), which the summary counts from the same sched_info.
 */
TEST(switch_counts_agree_with_proc_status)
{
	struct pair_result r = { 0 };
	char rootbuf[16];
	struct tracer t;
	int go, back;
	long long waits = 0;
	pid_t root = spawn_root(switch_workload, &r, sizeof(r), &go, &back);

	snprintf(rootbuf, sizeof(rootbuf), "%d", root);
	ASSERT_EQ(0, tracer_start(&t, (const char *[]){ "--summary", "-p",
							rootbuf, "--follow",
							NULL }));
	ASSERT_EQ(0, run_root(root, go, back, &r, sizeof(r)));
	ASSERT_EQ(0, tracer_stop(&t));
	for (int k = 0; k < 4; k++) {
		const char *e = find_event(&t, "sched_stats", "pid", r.s[k].pid);
		long long vol, invol;

		ASSERT_NE(NULL, e) TH_LOG("no counts for %d", r.s[k].pid);
		vol = num(e, "voluntary");
		invol = num(e, "involuntary");
		TH_LOG("pid %d: status %ld/%ld, traced %lld/%lld", r.s[k].pid,
		       r.s[k].voluntary, r.s[k].involuntary, vol, invol);
		EXPECT_EQ(vol, r.s[k].voluntary);
		EXPECT_EQ(invol, r.s[k].involuntary);
		TH_LOG("pid %d: schedstat %lld waits, %lld ns; traced %lld, %lld",
		       r.s[k].pid, r.s[k].pcount, r.s[k].run_delay,
		       num(e, "waits"), num(e, "wait_ns"));
		ASSERT_LE(0, r.s[k].pcount) TH_LOG("no /proc/PID/schedstat");
		EXPECT_EQ(num(e, "waits"), r.s[k].pcount);
		EXPECT_EQ(num(e, "wait_ns"), r.s[k].run_delay);
		waits += num(e, "waits");
	}
	/*
	 * Ping-pong switches every round: by sleeping, or preempted by the
	 * partner its write woke.  On one CPU one of the two must sleep each
	 * round waiting for the other's byte; which one depends on wakeup
	 * preemption (a ponger preempted by every reply it writes never
	 * finds its pipe empty), so the pair is counted, not each.  Hogs are
	 * preempted, never sleep.
	 */
	EXPECT_GE(r.s[0].voluntary + r.s[0].involuntary, ROUNDS - 10);
	EXPECT_GE(r.s[0].voluntary + r.s[1].voluntary, ROUNDS - 10);
	EXPECT_GE(r.s[2].involuntary, 3);
	EXPECT_GE(r.s[3].involuntary, 3);
	EXPECT_GT(waits, ROUNDS);
	EXPECT_EQ(1, count_events(&t, "runq_latency", NULL, 0));
	tracer_free(&t);
}

#define SEED_FORKS_MAX 1000

/*
 * A root forking a child every few ms from before the tracer starts
 * until after it attached, each child kept alive until the end: every
 * child alive after attaching is followed, whether /proc's scan found it
 * or the fork program saw it born, so every one's exit is traced.  (When
 * the scan ran before attaching, children forked in between were lost.)
 */
TEST(follow_sees_a_tree_that_forks_while_the_tracer_starts)
{
	int stop[2], back[2], n = 0, missing = 0, status;
	pid_t kids[SEED_FORKS_MAX], root;
	const char *stats;
	struct tracer t;
	char rootbuf[16];
	size_t got = 0;

	ASSERT_EQ(0, pipe(stop));
	ASSERT_EQ(0, pipe(back));
	root = fork();
	ASSERT_LE(0, root);
	if (root == 0) {
		struct pollfd told = { .fd = stop[0], .events = POLLIN };

		close(stop[1]);
		close(back[0]);
		while (n < SEED_FORKS_MAX && poll(&told, 1, 0) == 0) {
			pid_t c = fork();

			if (c == 0)
				for (;;)
					pause();
			if (c > 0)
				kids[n++] = c;
			ms_sleep(5);
		}
		for (int i = 0; i < n; i++)
			kill(kids[i], SIGKILL);
		for (int i = 0; i < n; i++)
			waitpid(kids[i], NULL, 0);
		/* within a pipe's buffer: written before anyone reads */
		if (write(back[1], kids, n * sizeof(pid_t)) != (ssize_t)(n * sizeof(pid_t)))
			_exit(1);
		_exit(0);
	}
	close(stop[0]);
	close(back[1]);
	snprintf(rootbuf, sizeof(rootbuf), "%d", root);
	ASSERT_EQ(0, tracer_start(&t, (const char *[]){ "-p", rootbuf, "--follow",
							"-e", "exit", NULL }));
	ms_sleep(100);		/* a few forks after attaching too */
	ASSERT_EQ(1, write(stop[1], "s", 1));
	for (ssize_t r; got < sizeof(kids) &&
	     (r = read(back[0], (char *)kids + got, sizeof(kids) - got)) > 0;)
		got += r;
	n = got / sizeof(pid_t);
	waitpid(root, &status, 0);
	ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ms_sleep(50);
	ASSERT_EQ(0, tracer_stop(&t));
	ASSERT_NE(NULL, stats = stats_line(&t));
	ASSERT_GT(n, 0);
	for (int i = 0; i < n; i++)
		if (!find_event(&t, "exit", "pid", kids[i]))
			missing++;
	TH_LOG("%d children, %d exits not traced; %s", n, missing, stats);
	/* none, but for tracepoint hits the kernel said it skipped */
	EXPECT_LE(missing, num(stats, "runs_missed"));
	EXPECT_NE(NULL, find_event(&t, "exit", "pid", root));
	tracer_free(&t);
}

#define STORM 3000
#define STORM_SECONDS 8

/*
 * Fork and reap up to STORM children, for STORM_SECONDS at most (a slow
 * guest or a debug kernel must not turn the storm into a timeout):
 * returns how many.
 */
static int storm_once(void)
{
	struct timespec start, now;
	int n = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (n < STORM) {
		pid_t p = fork();

		if (p < 0)
			break;
		if (p == 0)
			_exit(0);
		waitpid(p, NULL, 0);
		n++;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= STORM_SECONDS)
			break;
	}
	return n;
}

/* Two forkers, one per CPU, so the reader competes for time; @out gets
 * int[2], how many children each forked.
 */
static void fork_storm(void *out)
{
	int counts[2] = { 0, 0 }, link[2];
	pid_t other;

	if (pipe(link))
		return;
	other = fork();
	counts[other == 0] = storm_once();
	if (other == 0)
		_exit(write(link[1], &counts[1], sizeof(int)) == sizeof(int) ? 0 : 1);
	if (read(link[0], &counts[1], sizeof(int)) != sizeof(int))
		counts[1] = 0;
	waitpid(other, NULL, 0);
	memcpy(out, counts, sizeof(counts));
}

/*
 * Losses are counted: what was produced is what came plus what dropped,
 * and every tracepoint hit was produced or counted as a skipped run.
 * The tracer is stopped while the storm runs, so that its 4 KiB buffer
 * overflows however fast this machine forks (a debug kernel forks so
 * slowly that a running reader keeps up).
 */
TEST(a_tiny_buffer_counts_every_drop)
{
	char rootbuf[16];
	int forks[2] = { 0, 0 };
	struct tracer t;
	const char *stats;
	int go, back;
	long long events = 0;
	pid_t root = spawn_root(fork_storm, forks, sizeof(forks), &go, &back);

	snprintf(rootbuf, sizeof(rootbuf), "%d", root);
	ASSERT_EQ(0, tracer_start(&t, (const char *[]){ "-b", "4096", "-p",
							rootbuf, "--follow",
							NULL }));
	ASSERT_EQ(0, kill(t.pid, SIGSTOP));
	ASSERT_EQ(0, run_root(root, go, back, forks, sizeof(forks)));
	ASSERT_EQ(0, kill(t.pid, SIGCONT));
	ASSERT_EQ(0, tracer_stop(&t));
	ASSERT_NE(NULL, stats = stats_line(&t));
	for (size_t i = 0; i < t.n; i++)
		if (!is(t.lines[i], "type", "stats") &&
		    !is(t.lines[i], "type", "attached"))
			events++;
	TH_LOG("%s; %d + %d children forked", stats, forks[0], forks[1]);
	EXPECT_GT(num(stats, "dropped"), 0);
	EXPECT_EQ(events, num(stats, "delivered"));
	EXPECT_EQ(num(stats, "produced"),
		  num(stats, "delivered") + num(stats, "dropped"));
	/* Each child forked: fork, exit, reap; and the forkers' own. */
	EXPECT_GT(forks[0], 0);
	EXPECT_GT(forks[1], 0);
	/*
	 * Every hit made a record or was counted as skipped.  A skipped
	 * fork (7.x preempts tracepoints) also leaves the child out of
	 * --follow's set, so its exit and reap are no hits of a followed
	 * task: one skipped run can stand for three events.
	 */
	EXPECT_GE(num(stats, "produced") + 3 * num(stats, "runs_missed"),
		  3LL * (forks[0] + forks[1]));
	tracer_free(&t);
}

TEST_HARNESS_MAIN
