// SPDX-License-Identifier: GPL-2.0
/*
 * runq_test.c - /proc/ptinspect/runqueues against tasks this test pins to
 * CPU 1 and against the kernel's own /sys/kernel/debug/sched/debug.
 * Runs as root in the guest with the module loaded and two or more CPUs.
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
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kselftest_harness.h"
#include "runq.h"

#define TEST_CPU 1

static const struct pti_source src = { .proc_dir = "/proc/ptinspect" };

/* The kernel's weights for nice 0, 5 and 10 (kernel/sched/core.c). */
static const struct { int nice; unsigned long weight; } levels[] = {
	{ 0, 1024 }, { 5, 335 }, { 10, 110 },
};

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

static pid_t spin_on(int cpu, int nice)
{
	pid_t pid = fork();

	if (pid == 0) {
		pin(cpu);
		setpriority(PRIO_PROCESS, 0, nice);
		for (;;)
			;
	}
	return pid;
}

/* Write @value to a sysctl, keeping the old one in @old (if given). */
static int sysctl_set(const char *path, const char *value, char *old, size_t n)
{
	int fd = open(path, O_RDWR);
	ssize_t got;

	if (fd < 0)
		return -1;
	if (old) {
		got = read(fd, old, n - 1);
		old[got > 0 ? got : 0] = '\0';
		lseek(fd, 0, SEEK_SET);
	}
	got = write(fd, value, strlen(value));
	close(fd);
	return got < 0 ? -1 : 0;
}

static const struct pti_runq_cpu *cpu_of(const struct pti_runq *q, int cpu)
{
	for (size_t i = 0; i < q->n; i++)
		if (q->cpus[i].rq.cpu == cpu)
			return &q->cpus[i];
	return NULL;
}

static const struct pti_se *find_task(const struct pti_runq_cpu *c, int pid)
{
	const struct pti_se *found = NULL;

	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->se[i].kind, "task") || c->se[i].pid != pid)
			continue;
		if (found)
			return NULL;	/* listed twice: wrong */
		found = &c->se[i];
	}
	return found;
}

/* In-order walk of one queue's rb-tree from its links; -1 if malformed. */
static int inorder(const struct pti_runq_cpu *c, int node, int *out, int n,
		   int depth)
{
	if (node < 0)
		return n;
	if (depth > 64 || (size_t)node >= c->n)
		return -1;
	n = inorder(c, c->se[node].left, out, n, depth + 1);
	if (n < 0)
		return -1;
	out[n++] = node;
	return inorder(c, c->se[node].right, out, n, depth + 1);
}

FIXTURE(pinned) {
	pid_t spinners[3];
	char autogroup[16];
};

FIXTURE_SETUP(pinned)
{
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "needs two CPUs");
	pin(0);
	/* One flat queue: autogroups would nest each spinner's session. */
	sysctl_set("/proc/sys/kernel/sched_autogroup_enabled", "0",
		   self->autogroup, sizeof(self->autogroup));
	for (int i = 0; i < 3; i++)
		self->spinners[i] = spin_on(TEST_CPU, levels[i].nice);
	usleep(300000);
}

FIXTURE_TEARDOWN(pinned)
{
	for (int i = 0; i < 3; i++) {
		if (self->spinners[i] > 0) {
			kill(self->spinners[i], SIGKILL);
			waitpid(self->spinners[i], NULL, 0);
		}
	}
	if (self->autogroup[0])
		sysctl_set("/proc/sys/kernel/sched_autogroup_enabled",
			   self->autogroup, NULL, 0);
}

TEST(every_online_cpu_is_listed)
{
	struct pti_runq q;
	char err[512];
	long online = sysconf(_SC_NPROCESSORS_ONLN);

	ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
	ASSERT_EQ((size_t)online, q.n);
	for (size_t i = 0; i < q.n; i++) {
		EXPECT_EQ((int)i, q.cpus[i].rq.cpu);
		EXPECT_EQ((int)q.cpus[i].n, q.cpus[i].rq.entities);
		EXPECT_STREQ("", q.cpus[i].rq.absent);
	}
	pti_runq_free(&q);
}

TEST_F(pinned, tasks_weights_and_vruntime_order)
{
	const struct pti_runq_cpu *c;
	struct pti_runq q;
	char err[512];
	int order[1024];

	ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
	c = cpu_of(&q, TEST_CPU);
	ASSERT_NE(NULL, c);
	EXPECT_GE(c->rq.nr_running, 3);
	EXPECT_GE(c->rq.cfs_h_nr_running, 3);
	for (int i = 0; i < 3; i++) {
		const struct pti_se *se = find_task(c, self->spinners[i]);

		ASSERT_NE(NULL, se) TH_LOG("pid %d not listed once", self->spinners[i]);
		EXPECT_EQ(levels[i].weight, se->weight >> 10);
		EXPECT_EQ(levels[i].nice, pti_weight_nice(se->weight));
		EXPECT_EQ(1, se->on_rq);
		EXPECT_EQ(TEST_CPU, se->cpu);
		EXPECT_EQ(0, se->depth);
		EXPECT_EQ(self->spinners[i], se->tgid);
	}
	/* The top queue: curr first, then ascending vruntime, lag >= 0, and
	 * the listed order is the rb-tree's own in-order walk.
	 */
	{
		int root = -1, n = 0, listed = 0;
		unsigned long long prev = 0;

		for (size_t i = 0; i < c->n; i++) {
			const struct pti_se *se = &c->se[i];
			bool child = false;

			if (se->parent != -1 || se->curr)
				continue;
			EXPECT_GE(se->vruntime, prev);
			EXPECT_GE(se->lag, 0);
			EXPECT_EQ((long long)(se->vruntime - c->rq.cfs_min_vruntime), se->lag);
			prev = se->vruntime;
			order[listed++] = (int)i;
			for (size_t j = 0; j < c->n; j++)
				child |= c->se[j].left == (int)i || c->se[j].right == (int)i;
			if (!child) {
				EXPECT_EQ(-1, root);
				root = (int)i;
			}
		}
		ASSERT_GE(listed, 2);
		{
			int walked[1024];

			n = inorder(c, root, walked, 0, 0);
			ASSERT_EQ(listed, n);
			for (int i = 0; i < n; i++)
				EXPECT_EQ(order[i], walked[i]);
		}
	}
	pti_runq_free(&q);
}

/* Value of "  .key : value" in the lines after @section in sched/debug. */
static int debug_value(const char *text, const char *section, const char *key,
		       char *out, size_t size)
{
	const char *s = strstr(text, section), *end;
	char pattern[64];

	if (!s)
		return -1;
	end = strstr(s + 1, "\ncfs_rq[");
	snprintf(pattern, sizeof(pattern), "\n  .%s ", key);
	s = strstr(s, pattern);
	if (!s || (end && s > end))
		return -1;
	s = strchr(s, ':');
	if (!s)
		return -1;
	s += 2;
	snprintf(out, size, "%.*s", (int)strcspn(s, "\n"), s);
	return 0;
}

static char *slurp(const char *path)
{
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY);
	ssize_t got;

	while (fd >= 0 && (got = read(fd, buf + n, cap - n - 1)) > 0)
		n += (size_t)got;
	if (fd >= 0)
		close(fd);
	buf[n] = '\0';
	return buf;
}

static void as_ms(unsigned long long ns, char *buf, size_t size)
{
	snprintf(buf, size, "%llu.%06llu", ns / 1000000, ns % 1000000);
}

/*
 * A SCHED_FIFO hog on CPU 1, unthrottled, freezes every CFS task there:
 * then the module's numbers must equal sched/debug's to the digit.
 */
TEST_F(pinned, frozen_queue_matches_sched_debug)
{
	char rt_runtime[32] = "", want[64], got[64], line[256];
	const struct pti_runq_cpu *c = NULL;
	struct pti_runq q = { 0 };
	char *debug = NULL, err[512];
	struct sched_param param = { .sched_priority = 10 };
	pid_t hog;
	int tries;

	ASSERT_EQ(0, access("/sys/kernel/debug/sched/debug", R_OK));
	ASSERT_EQ(0, sysctl_set("/proc/sys/kernel/sched_rt_runtime_us", "-1",
				rt_runtime, sizeof(rt_runtime)));
	hog = fork();
	if (hog == 0) {
		pin(TEST_CPU);
		if (sched_setscheduler(0, SCHED_FIFO, &param))
			_exit(1);
		for (;;)
			;
	}
	usleep(200000);
	/* Two equal module reads around the debug read: nothing moved. */
	for (tries = 0; tries < 10; tries++) {
		struct pti_runq again;

		pti_runq_free(&q);
		free(debug);
		ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
		debug = slurp("/sys/kernel/debug/sched/debug");
		ASSERT_EQ(0, pti_runq_load(&src, &again, err, sizeof(err)));
		c = cpu_of(&q, TEST_CPU);
		ASSERT_NE(NULL, c);
		if (again.cpus[TEST_CPU].rq.nr_switches == c->rq.nr_switches &&
		    again.cpus[TEST_CPU].rq.nr_running == c->rq.nr_running &&
		    again.cpus[TEST_CPU].rq.cfs_min_vruntime == c->rq.cfs_min_vruntime) {
			pti_runq_free(&again);
			break;
		}
		pti_runq_free(&again);
		usleep(50000);
	}
	kill(hog, SIGKILL);
	waitpid(hog, NULL, 0);
	sysctl_set("/proc/sys/kernel/sched_rt_runtime_us", rt_runtime, NULL, 0);
	ASSERT_LT(tries, 10) TH_LOG("CPU %d never held still", TEST_CPU);
	EXPECT_EQ(hog, c->rq.curr_pid);
	EXPECT_GE(c->rq.rt_nr_running, 1);
	/* A SCHED_FIFO task is counted as RT and is no CFS entity. */
	for (size_t i = 0; i < c->n; i++)
		EXPECT_NE(hog, c->se[i].pid);

	snprintf(line, sizeof(line), "\ncpu#%d,", TEST_CPU);
	ASSERT_EQ(0, debug_value(debug, line, "nr_switches", want, sizeof(want)));
	snprintf(got, sizeof(got), "%llu", (unsigned long long)c->rq.nr_switches);
	EXPECT_STREQ(want, got);
	ASSERT_EQ(0, debug_value(debug, line, "nr_running", want, sizeof(want)));
	snprintf(got, sizeof(got), "%u", c->rq.nr_running);
	EXPECT_STREQ(want, got);

	snprintf(line, sizeof(line), "\ncfs_rq[%d]:/\n", TEST_CPU);
	ASSERT_EQ(0, debug_value(debug, line, "min_vruntime", want, sizeof(want)));
	as_ms(c->rq.cfs_min_vruntime, got, sizeof(got));
	EXPECT_STREQ(want, got);
	ASSERT_EQ(0, debug_value(debug, line, "nr_running", want, sizeof(want)));
	snprintf(got, sizeof(got), "%u", c->rq.cfs_nr_running);
	EXPECT_STREQ(want, got);
	ASSERT_EQ(0, debug_value(debug, line, "h_nr_running", want, sizeof(want)));
	snprintf(got, sizeof(got), "%u", c->rq.cfs_h_nr_running);
	EXPECT_STREQ(want, got);

	/* Every spinner's tree key, from sched/debug's runnable tasks. */
	for (int i = 0; i < 3; i++) {
		const struct pti_se *se = find_task(c, self->spinners[i]);
		const char *tasks = strstr(debug, "runnable tasks:");
		bool seen = false;

		ASSERT_NE(NULL, se);
		as_ms(se->vruntime, got, sizeof(got));
		/* Only CPU 1's list: the one after its cpu# header. */
		snprintf(line, sizeof(line), "\ncpu#%d,", TEST_CPU);
		tasks = strstr(strstr(debug, line), "runnable tasks:");
		ASSERT_NE(NULL, tasks);
		for (const char *l = strchr(tasks, '\n'); l && l[1] && l[1] != '\n' &&
		     strncmp(l + 1, "cpu#", 4); l = strchr(l + 1, '\n')) {
			char comm[64], key[64];
			int pid;

			if (sscanf(l + 3, "%63s %d %63s", comm, &pid, key) == 3 &&
			    pid == self->spinners[i]) {
				EXPECT_STREQ(key, got) TH_LOG("pid %d", pid);
				seen = true;
			}
		}
		EXPECT_TRUE(seen) TH_LOG("pid %d not in sched/debug", self->spinners[i]);
	}
	pti_runq_free(&q);
	free(debug);
}

/* Two sessions, two autogroups: each task nested under its group. */
TEST(autogroups_nest_their_tasks)
{
	char old[16] = "", err[512], path[64], name[64];
	const struct pti_runq_cpu *c;
	struct pti_runq q;
	pid_t kids[2];

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "needs two CPUs");
	pin(0);
	if (sysctl_set("/proc/sys/kernel/sched_autogroup_enabled", "1", old,
		       sizeof(old)))
		SKIP(return, "no autogroup support");
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			setsid();
			pin(TEST_CPU);
			for (;;)
				;
		}
	}
	usleep(300000);
	ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
	c = cpu_of(&q, TEST_CPU);
	ASSERT_NE(NULL, c);
	for (int i = 0; i < 2; i++) {
		const struct pti_se *se = find_task(c, kids[i]), *group;
		FILE *f;

		ASSERT_NE(NULL, se);
		ASSERT_GE(se->parent, 0);
		group = &c->se[se->parent];
		EXPECT_STREQ("group", group->kind);
		EXPECT_EQ(1, se->depth);
		EXPECT_EQ(0, group->depth);
		EXPECT_EQ(1, group->q_nr_running);
		EXPECT_EQ((long long)(se->vruntime - group->q_min_vruntime), se->lag);
		snprintf(path, sizeof(path), "/proc/%d/autogroup", kids[i]);
		f = fopen(path, "r");
		ASSERT_NE(NULL, f);
		ASSERT_EQ(1, fscanf(f, "%63s", name));
		fclose(f);
		EXPECT_STREQ(name, group->group);
	}
	pti_runq_free(&q);
	for (int i = 0; i < 2; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	sysctl_set("/proc/sys/kernel/sched_autogroup_enabled", old, NULL, 0);
}

static volatile int churn_stop;

static void *churn(void *arg)
{
	(void)arg;
	while (!churn_stop) {
		sched_yield();
		usleep(100);
	}
	return NULL;
}

/*
 * Read the view over and over while 100 threads wake, sleep and migrate
 * and short-lived processes come and go: every read parses, every CPU is
 * there (the guest's kernel log is checked for WARN/BUG/lockdep after).
 */
TEST(reads_while_threads_churn)
{
	pthread_t threads[100];
	struct pti_runq q;
	char err[512];
	long online = sysconf(_SC_NPROCESSORS_ONLN);

	churn_stop = 0;
	for (int i = 0; i < 100; i++)
		ASSERT_EQ(0, pthread_create(&threads[i], NULL, churn, NULL));
	for (int round = 0; round < 50; round++) {
		pid_t kid = fork();

		if (kid == 0)
			_exit(0);
		ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
		EXPECT_EQ((size_t)online, q.n);
		for (size_t i = 0; i < q.n; i++)
			EXPECT_EQ((int)q.cpus[i].n, q.cpus[i].rq.entities);
		pti_runq_free(&q);
		waitpid(kid, NULL, 0);
	}
	churn_stop = 1;
	for (int i = 0; i < 100; i++)
		pthread_join(threads[i], NULL);
}

TEST_HARNESS_MAIN
