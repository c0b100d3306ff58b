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
#include <linux/types.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "knob.h"
#include "runq.h"

#define TEST_CPU 1

#ifndef SCHED_DEADLINE
#define SCHED_DEADLINE 6
#endif

/* sched_setattr(2)'s argument, as its manual page gives it (glibc has no
 * wrapper, and <linux/sched/types.h> clashes with <sched.h>).
 */
struct dl_attr {
	__u32 size, policy;
	__u64 flags;
	__s32 nice;
	__u32 priority;
	__u64 runtime, deadline, period;
};

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

/*
 * A child spinning on @cpu at @nice.  Returns once the child runs there:
 * sched_setaffinity() has moved it before the child says so, and a
 * slow guest may take longer than any sleep to get a new child that far.
 */
static pid_t spin_on(int cpu, int nice)
{
	char ready;
	int fds[2];
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		pin(cpu);
		setpriority(PRIO_PROCESS, 0, nice);
		if (write(fds[1], "r", 1) != 1)
			_exit(1);
		close(fds[1]);
		for (;;)
			;
	}
	close(fds[1]);
	if (pid > 0 && read(fds[0], &ready, 1) != 1) {
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	close(fds[0]);
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

/* Spin on the CPU for @seconds of wall time, then return. */
static void spin_for(int seconds)
{
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while (now.tv_sec - start.tv_sec < seconds);
}

static bool is_cfs(const struct pti_se *se)
{
	return strcmp(se->sched_class, "cfs") == 0;
}

/*
 * What this kernel lacks of the optional fields: 6.1 has every field but
 * zero_vruntime (6.19, backported), sched_ext's (6.12), EEVDF's (6.6) and
 * delayed dequeue's (6.12).
 */
static const char *expected_absent(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	uname(&u);
	sscanf(u.release, "%d.%d", &major, &minor);
	if (major * 100 + minor < 606)
		return "cfs_zero_vruntime,ext_nr_running,deadline,vlag,slice,delayed";
	return NULL;	/* later kernels: btf_unit checks against their BTF */
}

/* Whether this kernel has @field: the rq's absent list does not name it. */
static bool has_field(const struct pti_runq_cpu *c, const char *field)
{
	return !pti_list_has(c->rq.absent, ',', field);
}

/*
 * The kernel's own tree key, compared as the scheduler does: by signed
 * difference (wraps).  CFS: vruntime, or deadline where the timeline is
 * EEVDF's augmented tree (6.8+); DL: the deadline.
 */
static long long key_of(const struct pti_runq_cpu *c, const struct pti_se *se)
{
	bool by_deadline = !is_cfs(se) || !strcmp(c->rq.cfs_order, "deadline");

	return (long long)(by_deadline ? se->deadline : se->vruntime);
}

/* Flat groups (7.x): every CFS task on rq->cfs, no group entities. */
static bool flat_groups(const struct pti_runq_cpu *c)
{
	return strcmp(c->rq.cfs_groups, "flat") == 0;
}

/*
 * @se, a CFS task, belongs to the task group sched/debug names @name.  On
 * a nested kernel it sits one level below the group's entity, which names
 * the group; on a flat one it sits on rq->cfs, named for the task, and no
 * group entity is listed at all.  Returns the group entity, or NULL.
 */
static const struct pti_se *group_of(struct __test_metadata *_metadata,
				     const struct pti_runq_cpu *c,
				     const struct pti_se *se, const char *name)
{
	const struct pti_se *group;

	if (flat_groups(c)) {
		EXPECT_EQ(-1, se->parent);
		EXPECT_EQ(0, se->depth);
		EXPECT_STREQ(name, se->group);
		for (size_t i = 0; i < c->n; i++)
			EXPECT_STRNE("group", c->se[i].kind);
		return NULL;
	}
	EXPECT_GE(se->parent, 0);
	if (se->parent < 0)
		return NULL;
	group = &c->se[se->parent];
	EXPECT_STREQ("group", group->kind);
	EXPECT_STREQ(name, group->group);
	EXPECT_EQ(1, se->depth);
	EXPECT_EQ(0, group->depth);
	return group;
}

/*
 * Below @node: the number of black nodes on every path to a leaf, or -1
 * (with @why) if a red node has a red child, paths differ, a link leaves
 * the queue, keys are out of order or nodes are met twice.
 */
static int rb_black_height(const struct pti_runq_cpu *c, int node,
			   const struct pti_se *queue_of, bool *seen,
			   long long *prev, bool *first, char *why, size_t n)
{
	const struct pti_se *se;
	int lh, rh;

	if (node < 0)
		return 1;
	se = &c->se[node];
	if ((size_t)node >= c->n || seen[node] ||
	    se->parent != queue_of->parent ||
	    strcmp(se->sched_class, queue_of->sched_class)) {
		snprintf(why, n, "node %d: a link out of its tree or met twice", node);
		return -1;
	}
	seen[node] = true;
	if (se->red && ((se->left >= 0 && c->se[se->left].red) ||
			(se->right >= 0 && c->se[se->right].red))) {
		snprintf(why, n, "node %d: red with a red child", node);
		return -1;
	}
	lh = rb_black_height(c, se->left, queue_of, seen, prev, first, why, n);
	if (lh < 0)
		return -1;
	if (!*first && key_of(c, se) - *prev < 0) {
		snprintf(why, n, "node %d: key before its in-order predecessor", node);
		return -1;
	}
	*first = false;
	*prev = key_of(c, se);
	rh = rb_black_height(c, se->right, queue_of, seen, prev, first, why, n);
	if (rh < 0)
		return -1;
	if (lh != rh) {
		snprintf(why, n, "node %d: black heights %d and %d", node, lh, rh);
		return -1;
	}
	return lh + !se->red;
}

/*
 * Every tree of one CPU (each CFS queue, the deadline tree) is a valid
 * red-black tree as reported: one black root, no red-red, equal black
 * heights, keys in order, every member reached once.  Copied under the
 * rq lock, so this must hold exactly.  Returns 0 or -1 with @why.
 */
static int rb_trees_valid(const struct pti_runq_cpu *c, char *why, size_t n)
{
	bool *seen = calloc(c->n + 1, sizeof(*seen));
	int ret = 0;

	for (long q = -1; q < (long)c->n && !ret; q++) {
		for (int dl = 0; dl < 2 && !ret; dl++) {
			const char *class = dl ? "dl" : "cfs";
			struct pti_se probe = { .parent = (int)q };
			int root = -1, members = 0, reached = 0;
			long long prev = 0;
			bool first = true;

			if (dl && q >= 0)
				continue;
			if (q >= 0 && (!is_cfs(&c->se[q]) || strcmp(c->se[q].kind, "group")))
				continue;
			snprintf(probe.sched_class, sizeof(probe.sched_class), "%s", class);
			for (size_t i = 0; i < c->n; i++) {
				const struct pti_se *se = &c->se[i];
				bool child = false;

				if (se->parent != q || strcmp(se->sched_class, class) ||
				    (!dl && se->curr))
					continue;
				members++;
				for (size_t j = 0; j < c->n; j++)
					child |= c->se[j].left == (int)i ||
						 c->se[j].right == (int)i;
				if (!child && root >= 0) {
					snprintf(why, n, "%s queue %ld: two roots", class, q);
					ret = -1;
				}
				if (!child)
					root = (int)i;
			}
			if (ret || !members)
				continue;
			if (root < 0 || c->se[root].red) {
				snprintf(why, n, "%s queue %ld: no black root", class, q);
				ret = -1;
				continue;
			}
			memset(seen, 0, (c->n + 1) * sizeof(*seen));
			if (rb_black_height(c, root, &probe, seen, &prev, &first,
					    why, n) < 0) {
				ret = -1;
				continue;
			}
			for (size_t i = 0; i < c->n; i++)
				reached += seen[i];
			if (reached != members) {
				snprintf(why, n, "%s queue %ld: %d of %d nodes reached",
					 class, q, reached, members);
				ret = -1;
			}
		}
	}
	free(seen);
	return ret;
}

/*
 * The tasks listed per class equal the kernel's own counts, all copied
 * under one lock: CFS tasks (curr and nested ones too) = h_nr_running,
 * RT = rt_nr_running, DL tasks = dl_nr_running.
 */
static int counts_agree(const struct pti_runq_cpu *c, char *why, size_t n)
{
	unsigned int cfs = 0, rt = 0, dl = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct pti_se *se = &c->se[i];

		/*
		 * A curr that went to sleep is dequeued (on_rq 0, out of the
		 * counts) but stays cfs_rq->curr until the pick finishes, and
		 * newidle_balance() drops the rq lock in between: a read can
		 * land there.  The counts are of queued entities.
		 */
		if (strcmp(se->kind, "task") || !se->on_rq)
			continue;
		cfs += is_cfs(se);
		rt += strcmp(se->sched_class, "rt") == 0;
		dl += strcmp(se->sched_class, "dl") == 0;
	}
	if (cfs == c->rq.cfs_h_nr_running && rt == c->rq.rt_nr_running &&
	    dl == c->rq.dl_nr_running)
		return 0;
	snprintf(why, n, "CPU %d lists cfs %u rt %u dl %u; counts say %u %u %u",
		 c->rq.cpu, cfs, rt, dl, c->rq.cfs_h_nr_running,
		 c->rq.rt_nr_running, c->rq.dl_nr_running);
	return -1;
}

/*
 * Freeze TEST_CPU's other queues behind a SCHED_FIFO hog at priority
 * @prio, with RT throttling off (its old value kept in @old).  Bounded:
 * unthrottled, it starves that CPU's kernel threads (RCU, timers on
 * PREEMPT_RT) while it runs, so it stops by itself after 10 s.
 * The hog's pid, or -1.
 */
static pid_t fifo_hog(int prio, char *old, size_t n)
{
	struct sched_param param = { .sched_priority = prio };
	pid_t hog;

	if (sysctl_set("/proc/sys/kernel/sched_rt_runtime_us", "-1", old, n))
		return -1;
	hog = fork();
	if (hog == 0) {
		pin(TEST_CPU);
		if (sched_setscheduler(0, SCHED_FIFO, &param))
			_exit(1);
		spin_for(10);
		_exit(0);
	}
	return hog;
}

/* Stop fifo_hog()'s hog and restore RT throttling. */
static void fifo_hog_stop(pid_t hog, const char *old)
{
	kill(hog, SIGKILL);
	waitpid(hog, NULL, 0);
	sysctl_set("/proc/sys/kernel/sched_rt_runtime_us", old, NULL, 0);
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
	for (int i = 0; i < 3; i++)
		ASSERT_LT(0, self->spinners[i]);
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
		if (expected_absent()) {
			EXPECT_STREQ(expected_absent(), q.cpus[i].rq.absent);
		} else {
			EXPECT_EQ(NULL, strstr(q.cpus[i].rq.absent, "deadline"));
		}
	}
	pti_runq_free(&q);
}

/*
 * Only the initial pid namespace may open the view (its pids are the
 * kernel's global ones): from a child namespace the open fails with
 * EPERM, after the file was set up, and nothing it took stays behind.
 */
TEST(only_the_initial_pid_namespace_may_open)
{
	pid_t child;
	int status, fd;

	/* the harness runs each case in a process of its own: it stays put */
	ASSERT_EQ(0, unshare(CLONE_NEWPID));
	child = fork();
	ASSERT_LE(0, child);
	if (child == 0) {
		for (int i = 0; i < 100; i++) {
			fd = open("/proc/ptinspect/runqueues", O_RDONLY);
			if (fd >= 0)
				_exit(11);
			if (errno != EPERM)
				_exit(12);
		}
		_exit(0);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	fd = open("/proc/ptinspect/runqueues", O_RDONLY);
	EXPECT_LE(0, fd);
	close(fd);
}

/*
 * sched_ext's count is there exactly when the kernel has the class (its
 * sysfs state file says so), and is 0 on every CPU while no BPF
 * scheduler is loaded.
 */
TEST(sched_ext_count_where_the_kernel_has_it)
{
	struct pti_runq q;
	char err[512], state[32] = "";
	FILE *f = fopen("/sys/kernel/sched_ext/state", "r");

	if (f) {
		if (!fgets(state, sizeof(state), f))
			state[0] = '\0';
		fclose(f);
	}
	ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
	for (size_t i = 0; i < q.n; i++) {
		EXPECT_EQ(f != NULL, has_field(&q.cpus[i], "ext_nr_running"))
			TH_LOG("absent: %s", q.cpus[i].rq.absent);
		if (!strncmp(state, "disabled", 8) || !f)
			EXPECT_EQ(0u, q.cpus[i].rq.ext_nr_running);
	}
	TH_LOG("sched_ext: %s", f ? state : "not in this kernel\n");
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
	/* The top queue: curr first, then ascending tree key, lag >= 0
	 * (where min_vruntime exists), and the listed order is the rb-tree's
	 * own in-order walk.
	 */
	{
		int root = -1, n = 0, listed = 0;
		long long prev = 0;

		for (size_t i = 0; i < c->n; i++) {
			const struct pti_se *se = &c->se[i];
			bool child = false;

			if (se->parent != -1 || se->curr || !is_cfs(se))
				continue;
			if (listed)
				EXPECT_GE(key_of(c, se) - prev, 0);
			if (has_field(c, "cfs_min_vruntime")) {
				EXPECT_GE(se->lag, 0);
				EXPECT_EQ((long long)(se->vruntime - c->rq.cfs_min_vruntime),
					  se->lag);
			}
			prev = key_of(c, se);
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
	EXPECT_EQ(0, rb_trees_valid(c, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(0, counts_agree(c, err, sizeof(err))) TH_LOG("%s", err);
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

/* debug_value() under the name this kernel prints: @key, else @renamed. */
static int debug_value_as(const char *text, const char *section, const char *key,
			  const char *renamed, char *out, size_t size)
{
	return debug_value(text, section, key, out, size) &&
	       debug_value(text, section, renamed, out, size);
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

/* A task line of sched/debug's "runnable tasks:" for one CPU. */
struct debug_task {
	int pid, prio;
	char state;	/* '>' for the CPU's curr, else its state letter */
	char key[32];	/* its tree-key (6.1) or vruntime column, as printed */
};

/* Where the header's column @name ends, or -1. */
static int column_end(const char *head, size_t len, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 1; i + n <= len; i++)
		if (head[i - 1] == ' ' && !strncmp(head + i, name, n) &&
		    (i + n == len || head[i + n] == ' '))
			return (int)(i + n);
	return -1;
}

/* The number whose last digit is just before @end in @line. */
static long number_ending_at(const char *line, int end)
{
	int start = end;

	while (start > 0 && line[start - 1] != ' ')
		start--;
	return strtol(line + start, NULL, 10);
}

/*
 * The tasks sched/debug lists under CPU @cpu (every task whose task_cpu
 * is @cpu): at most @max into @out; returns how many, or -1.  Columns come
 * and go between releases (weight, eligible, deadline, slice...), so each
 * is found by its header: numbers are right-aligned under their names, so
 * PID and prio end where their names do (a comm with spaces parses too);
 * the key is the first column after PID that the header calls tree-key or
 * vruntime, counted in words (the eligible mark, which may be blank, comes
 * after it).
 */
static int debug_tasks(const char *debug, int cpu, struct debug_task *out,
		       int max)
{
	char head[32];
	const char *l, *h;
	int n = 0, pid_end, prio_end, key_word = -1;
	size_t hlen;

	snprintf(head, sizeof(head), "\ncpu#%d,", cpu);
	l = strstr(debug, head);
	l = l ? strstr(l, "runnable tasks:") : NULL;
	h = l ? strchr(l, '\n') : NULL;	/* the column names */
	if (!h)
		return -1;
	h++;
	hlen = strcspn(h, "\n");
	pid_end = column_end(h, hlen, "PID");
	prio_end = column_end(h, hlen, "prio");
	if (pid_end < 0 || prio_end < 0)
		return -1;
	{
		char names[512], *tok, *save;
		int word = 0;

		snprintf(names, sizeof(names), "%.*s", (int)(hlen - pid_end),
			 h + pid_end);
		for (tok = strtok_r(names, " ", &save); tok;
		     tok = strtok_r(NULL, " ", &save), word++)
			if (!strcmp(tok, "tree-key") || !strcmp(tok, "vruntime")) {
				key_word = word;
				break;
			}
	}
	if (key_word < 0)
		return -1;
	l = strchr(h, '\n');		/* the dashes */
	for (l = l ? strchr(l + 1, '\n') : NULL; l && l[1] && l[1] != '\n' &&
	     strncmp(l + 1, "cpu#", 4); l = strchr(l + 1, '\n')) {
		const char *line = l + 1;
		int len = (int)strcspn(line, "\n");
		char rest[256], *tok, *save;
		int word = 0;

		if (len < prio_end || n >= max)
			continue;
		out[n].pid = (int)number_ending_at(line, pid_end);
		out[n].prio = (int)number_ending_at(line, prio_end);
		out[n].state = line[0] == '>' ? '>' : line[1];
		out[n].key[0] = '\0';
		snprintf(rest, sizeof(rest), "%.*s", len - pid_end, line + pid_end);
		for (tok = strtok_r(rest, " ", &save); tok && word <= key_word;
		     tok = strtok_r(NULL, " ", &save), word++)
			if (word == key_word)
				snprintf(out[n].key, sizeof(out[n].key), "%s", tok);
		if (out[n].key[0])
			n++;
	}
	return n;
}

static int debug_task(const char *debug, int cpu, int pid, char *state,
		      int *prio)
{
	static struct debug_task tasks[4096];
	int n = debug_tasks(debug, cpu, tasks, 4096);

	for (int i = 0; i < n; i++) {
		if (tasks[i].pid == pid) {
			*state = tasks[i].state;
			*prio = tasks[i].prio;
			return 0;
		}
	}
	return -1;
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
	char *debug = NULL, err[512], state;
	struct sched_param param = { .sched_priority = 10 };
	pid_t hog;
	int tries, prio;

	ASSERT_EQ(0, access("/sys/kernel/debug/sched/debug", R_OK));
	hog = fifo_hog(param.sched_priority, rt_runtime, sizeof(rt_runtime));
	ASSERT_LT(0, hog);
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
		    again.cpus[TEST_CPU].rq.cfs_min_vruntime == c->rq.cfs_min_vruntime &&
		    again.cpus[TEST_CPU].rq.cfs_zero_vruntime == c->rq.cfs_zero_vruntime) {
			pti_runq_free(&again);
			break;
		}
		pti_runq_free(&again);
		usleep(50000);
	}
	fifo_hog_stop(hog, rt_runtime);
	ASSERT_LT(tries, 10) TH_LOG("CPU %d never held still", TEST_CPU);
	EXPECT_EQ(hog, c->rq.curr_pid);
	EXPECT_GE(c->rq.rt_nr_running, 1);
	/* A SCHED_FIFO task is counted and listed as RT, and is no CFS
	 * entity; its prio is 99 - rt_priority, as sched/debug prints it.
	 */
	for (size_t i = 0; i < c->n; i++)
		if (is_cfs(&c->se[i]))
			EXPECT_NE(hog, c->se[i].pid);
	{
		const struct pti_se *rt = find_task(c, hog);

		ASSERT_NE(NULL, rt);
		EXPECT_STREQ("rt", rt->sched_class);
		EXPECT_EQ(1, rt->curr);
		EXPECT_EQ(99 - param.sched_priority, rt->prio);
		EXPECT_EQ(1, rt->on_rq);
		EXPECT_EQ(0, debug_task(debug, TEST_CPU, hog, &state, &prio));
		EXPECT_EQ('>', state);
		EXPECT_EQ(rt->prio, prio);
	}

	snprintf(line, sizeof(line), "\ncpu#%d,", TEST_CPU);
	ASSERT_EQ(0, debug_value(debug, line, "nr_switches", want, sizeof(want)));
	snprintf(got, sizeof(got), "%llu", (unsigned long long)c->rq.nr_switches);
	EXPECT_STREQ(want, got);
	ASSERT_EQ(0, debug_value(debug, line, "nr_running", want, sizeof(want)));
	snprintf(got, sizeof(got), "%u", c->rq.nr_running);
	EXPECT_STREQ(want, got);

	/* Each under the name this kernel gives it (6.14: nr_queued). */
	snprintf(line, sizeof(line), "\ncfs_rq[%d]:/\n", TEST_CPU);
	if (has_field(c, "cfs_min_vruntime")) {
		ASSERT_EQ(0, debug_value(debug, line, "min_vruntime", want, sizeof(want)));
		as_ms(c->rq.cfs_min_vruntime, got, sizeof(got));
		EXPECT_STREQ(want, got);
	}
	if (has_field(c, "cfs_zero_vruntime")) {
		ASSERT_EQ(0, debug_value(debug, line, "zero_vruntime", want, sizeof(want)));
		as_ms(c->rq.cfs_zero_vruntime, got, sizeof(got));
		EXPECT_STREQ(want, got);
	}
	ASSERT_EQ(0, debug_value_as(debug, line, "nr_running", "nr_queued", want,
				    sizeof(want)));
	snprintf(got, sizeof(got), "%u", c->rq.cfs_nr_running);
	EXPECT_STREQ(want, got);
	ASSERT_EQ(0, debug_value_as(debug, line, "h_nr_running", "h_nr_queued", want,
				    sizeof(want)));
	snprintf(got, sizeof(got), "%u", c->rq.cfs_h_nr_running);
	EXPECT_STREQ(want, got);

	/* Every spinner's vruntime, from sched/debug's runnable tasks. */
	{
		static struct debug_task tasks[4096];
		int n = debug_tasks(debug, TEST_CPU, tasks, 4096);

		ASSERT_GT(n, 0);
		for (int i = 0; i < 3; i++) {
			const struct pti_se *se = find_task(c, self->spinners[i]);
			bool seen = false;

			ASSERT_NE(NULL, se);
			as_ms(se->vruntime, got, sizeof(got));
			for (int t = 0; t < n; t++) {
				if (tasks[t].pid != self->spinners[i])
					continue;
				EXPECT_STREQ(tasks[t].key, got) TH_LOG("pid %d", tasks[t].pid);
				seen = true;
			}
			EXPECT_TRUE(seen) TH_LOG("pid %d not in sched/debug",
						 self->spinners[i]);
		}
	}
	pti_runq_free(&q);
	free(debug);
}

#define MANY_SPINNERS 100

/*
 * The module's bound on entities per runqueue lock hold: 32, or 8 on
 * PREEMPT_RT, as the kernel's version string says it is.
 */
static size_t hold_max(void)
{
	struct utsname u;

	return uname(&u) == 0 && strstr(u.version, "PREEMPT_RT") ? 8 : 32;
}

/*
 * More entities on one CPU than one lock hold copies: the copy takes
 * several holds and resumes by tree key each time.  Frozen under a
 * SCHED_FIFO hog (nothing switches there), it must still be every
 * spinner exactly once, in valid trees, with counts that agree, and say
 * it saw one unchanged queue.
 */
TEST(long_queues_are_copied_over_several_holds)
{
	char rt_runtime[32] = "", autogroup[16] = "", err[512];
	pid_t spinners[MANY_SPINNERS], hog;
	const struct pti_runq_cpu *c = NULL;
	struct pti_runq q = { 0 };
	int tries;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "needs two CPUs");
	pin(0);
	sysctl_set("/proc/sys/kernel/sched_autogroup_enabled", "0", autogroup,
		   sizeof(autogroup));
	for (int i = 0; i < MANY_SPINNERS; i++) {
		spinners[i] = spin_on(TEST_CPU, 19);
		ASSERT_LT(0, spinners[i]);
	}
	hog = fifo_hog(10, rt_runtime, sizeof(rt_runtime));
	ASSERT_LT(0, hog);
	usleep(300000);
	for (tries = 0; tries < 10; tries++) {
		pti_runq_free(&q);
		ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
		c = cpu_of(&q, TEST_CPU);
		ASSERT_NE(NULL, c);
		TH_LOG("try %d: %zu entities in %u holds, %s", tries, c->n,
		       c->rq.holds, c->rq.copy);
		if (!strcmp(c->rq.copy, "unchanged"))
			break;
		usleep(50000);
	}
	fifo_hog_stop(hog, rt_runtime);
	ASSERT_LT(tries, 10) TH_LOG("CPU %d never held still", TEST_CPU);
	EXPECT_GE(c->n, (size_t)MANY_SPINNERS);
	/* no hold copied more entities than the bound */
	EXPECT_GE(c->rq.holds * hold_max(), c->n)
		TH_LOG("%zu entities in %u holds of at most %zu", c->n,
		       c->rq.holds, hold_max());
	EXPECT_EQ((int)c->n, c->rq.entities);
	EXPECT_EQ(0, c->rq.truncated);
	for (int i = 0; i < MANY_SPINNERS; i++) {
		EXPECT_NE(NULL, find_task(c, spinners[i]))
			TH_LOG("spinner %d not listed once", spinners[i]);
	}
	EXPECT_EQ(0, rb_trees_valid(c, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(0, counts_agree(c, err, sizeof(err))) TH_LOG("%s", err);
	pti_runq_free(&q);
	for (int i = 0; i < MANY_SPINNERS; i++) {
		kill(spinners[i], SIGKILL);
		waitpid(spinners[i], NULL, 0);
	}
	if (autogroup[0])
		sysctl_set("/proc/sys/kernel/sched_autogroup_enabled", autogroup,
			   NULL, 0);
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
		snprintf(path, sizeof(path), "/proc/%d/autogroup", kids[i]);
		f = fopen(path, "r");
		ASSERT_NE(NULL, f);
		ASSERT_EQ(1, fscanf(f, "%63s", name));
		fclose(f);
		group = group_of(_metadata, c, se, name);
		if (group) {
			EXPECT_EQ(1, group->q_nr_running);
			if (has_field(c, "cfs_min_vruntime"))
				EXPECT_EQ((long long)(se->vruntime - group->q_min_vruntime),
					  se->lag);
		}
	}
	pti_runq_free(&q);
	for (int i = 0; i < 2; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	sysctl_set("/proc/sys/kernel/sched_autogroup_enabled", old, NULL, 0);
}

/* Write @text to @dir/@file. */
static int write_file(const char *dir, const char *file, const char *text)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return knob_write(path, text);
}

/*
 * Two cpu cgroups on one CPU: each task nests under its group's entity,
 * named by its path as sched/debug names its cfs_rq, with that queue's
 * nr_running; the group holding two tasks lists them in vruntime order.
 */
TEST(cgroups_nest_their_tasks)
{
	static const char *const groups[] = { "ptinspect-test-a", "ptinspect-test-b" };
	char mnt[] = "/tmp/pti-cgXXXXXX", dir[128], pid[16], err[512], want[64];
	const struct pti_runq_cpu *c;
	struct pti_runq q;
	pid_t kids[3];
	char *debug;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "needs two CPUs");
	pin(0);
	ASSERT_NE(NULL, mkdtemp(mnt));
	if (mount("none", mnt, "cgroup2", 0, NULL)) {
		rmdir(mnt);
		SKIP(return, "cannot mount cgroup2: %s", strerror(errno));
	}
	if (write_file(mnt, "cgroup.subtree_control", "+cpu")) {
		umount2(mnt, MNT_DETACH);
		rmdir(mnt);
		SKIP(return, "no cpu controller on cgroup2 (bound to v1?)");
	}
	for (int g = 0; g < 2; g++) {
		snprintf(dir, sizeof(dir), "%s/%s", mnt, groups[g]);
		ASSERT_EQ(0, mkdir(dir, 0755)) TH_LOG("%s: %s", dir, strerror(errno));
	}
	/* Two tasks (nice 0 and 5) in group a, one in group b. */
	for (int i = 0; i < 3; i++) {
		kids[i] = spin_on(TEST_CPU, i == 1 ? 5 : 0);
		ASSERT_LT(0, kids[i]);
		snprintf(dir, sizeof(dir), "%s/%s", mnt, groups[i == 2]);
		snprintf(pid, sizeof(pid), "%d", kids[i]);
		ASSERT_EQ(0, write_file(dir, "cgroup.procs", pid));
	}
	usleep(300000);
	ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
	debug = slurp("/sys/kernel/debug/sched/debug");
	c = cpu_of(&q, TEST_CPU);
	ASSERT_NE(NULL, c);
	for (int i = 0; i < 3; i++) {
		const struct pti_se *se = find_task(c, kids[i]), *group;
		char section[128];

		ASSERT_NE(NULL, se) TH_LOG("pid %d", kids[i]);
		snprintf(want, sizeof(want), "/%s", groups[i == 2]);
		group = group_of(_metadata, c, se, want);
		if (group) {
			EXPECT_EQ(i == 2 ? 1u : 2u, group->q_nr_running);
			EXPECT_EQ(i == 2 ? 1u : 2u, group->q_h_nr_running);
		}
		if (!se->curr && has_field(c, "cfs_min_vruntime"))
			EXPECT_GE(se->lag, 0);
		snprintf(section, sizeof(section), "\ncfs_rq[%d]:%s\n", TEST_CPU, want);
		ASSERT_EQ(0, debug_value_as(debug, section, "nr_running", "nr_queued",
					    err, sizeof(err)))
			TH_LOG("no %s in sched/debug", section + 1);
		EXPECT_EQ(i == 2 ? 1 : 2, atoi(err));
	}
	/* Both of group a's tasks in one queue; the queued one after its
	 * curr, or both in tree-key order.
	 */
	EXPECT_EQ(find_task(c, kids[0])->parent, find_task(c, kids[1])->parent);
	EXPECT_EQ(0, rb_trees_valid(c, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(0, counts_agree(c, err, sizeof(err))) TH_LOG("%s", err);
	{
		const struct pti_se *a = find_task(c, kids[0]), *b = find_task(c, kids[1]);

		if (!a->curr && !b->curr)
			EXPECT_EQ(a->index < b->index, key_of(c, a) - key_of(c, b) <= 0);
	}
	free(debug);
	pti_runq_free(&q);
	for (int i = 0; i < 3; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	for (int g = 0; g < 2; g++) {
		snprintf(dir, sizeof(dir), "%s/%s", mnt, groups[g]);
		/* A killed task leaves its cgroup when reaped; rmdir may race. */
		for (int t = 0; t < 50 && rmdir(dir) && errno == EBUSY; t++)
			usleep(20000);
	}
	umount2(mnt, MNT_DETACH);
	rmdir(mnt);
}

/* dl.deadline of /proc/@pid/sched (a deadline task's), or 0. */
static unsigned long long proc_dl_deadline(pid_t pid)
{
	char path[64], *text, *at;
	unsigned long long v = 0;

	snprintf(path, sizeof(path), "/proc/%d/sched", pid);
	text = slurp(path);
	at = strstr(text, "\ndl.deadline ");
	if (at && (at = strchr(at, ':')))
		v = strtoull(at + 1, NULL, 10);
	free(text);
	return v;
}

/*
 * A SCHED_DEADLINE task is in some CPU's deadline tree (or throttled
 * between its periods, then in none), never in CFS, with prio -1 and an
 * absolute deadline in that CPU's clock.  A deadline only ever moves
 * forward (each replenishment adds periods, a reset puts it a deadline
 * past the clock), so the one copied lies between /proc/PID/sched's
 * before and after the read.  How far it lies past the clock is not
 * bounded: a task that overran its budget by k runtimes (a slow guest's
 * late tick) is replenished k periods ahead.
 */
TEST(deadline_task_is_in_the_dl_tree)
{
	struct pti_runq q;
	char err[512];
	int status, seen = 0;
	pid_t dl = fork();

	if (dl == 0) {
		struct dl_attr a = {
			.size = sizeof(a), .policy = SCHED_DEADLINE,
			.runtime = 3000000, .deadline = 10000000,
			.period = 10000000,
		};

		if (syscall(SYS_sched_setattr, 0, &a, 0))
			_exit(1);
		for (;;)
			;
	}
	usleep(200000);
	ASSERT_EQ(0, waitpid(dl, &status, WNOHANG)) TH_LOG("sched_setattr failed");
	for (int round = 0; round < 100 && seen < 5; round++) {
		unsigned long long before = proc_dl_deadline(dl), after;

		ASSERT_NE(0, before) TH_LOG("no dl.deadline in /proc/%d/sched", dl);
		ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
		after = proc_dl_deadline(dl);
		for (size_t i = 0; i < q.n; i++) {
			const struct pti_runq_cpu *c = &q.cpus[i];
			const struct pti_se *se = find_task(c, dl);

			/* a copy from different moments need not form trees */
			if (strcmp(c->rq.copy, "assembled")) {
				EXPECT_EQ(0, rb_trees_valid(c, err, sizeof(err)))
					TH_LOG("%s", err);
				EXPECT_EQ(0, counts_agree(c, err, sizeof(err)))
					TH_LOG("%s", err);
			}
			if (!se)
				continue;
			seen++;
			EXPECT_STREQ("dl", se->sched_class);
			EXPECT_STREQ("task", se->kind);
			EXPECT_EQ(-1, se->prio);
			EXPECT_GE(c->rq.dl_nr_running, 1);
			EXPECT_LE(before, se->deadline);
			EXPECT_GE(after, se->deadline);
			/* still queued, its deadline passed at most a tick ago */
			EXPECT_GT((long long)(se->deadline - c->rq.clock), -20000000LL);
		}
		pti_runq_free(&q);
		usleep(3000);
	}
	kill(dl, SIGKILL);
	waitpid(dl, NULL, 0);
	TH_LOG("queued in %d reads", seen);
	EXPECT_GT(seen, 0) TH_LOG("never queued in 100 reads");
}

/*
 * Without freezing anything: module read A, sched/debug D, module read B.
 * Per CPU, nr_switches is monotonic: A <= D <= B, exactly.  A spinner
 * pinned to each CPU is always runnable: listed in A and B and 'R' (or
 * '>R') in D, exactly.  Other tasks may wake or sleep between the reads:
 * a task in both A and B but not runnable in D, or runnable in D but in
 * neither A nor B, is a disagreement; up to 2 per CPU per round are
 * allowed (they are logged).
 */
TEST(runnable_sets_agree_with_sched_debug)
{
	static struct debug_task tasks[4096];
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	pid_t spinners[64];
	char err[512], head[32], value[64];
	int worst = 0;

	ASSERT_LE(online, 64);
	pin(0);
	for (int cpu = 0; cpu < online; cpu++) {
		spinners[cpu] = spin_on(cpu, 0);
		ASSERT_LT(0, spinners[cpu]);
	}
	usleep(300000);
	for (int round = 0; round < 5; round++) {
		struct pti_runq a, b;
		char *debug;

		ASSERT_EQ(0, pti_runq_load(&src, &a, err, sizeof(err))) TH_LOG("%s", err);
		debug = slurp("/sys/kernel/debug/sched/debug");
		ASSERT_EQ(0, pti_runq_load(&src, &b, err, sizeof(err))) TH_LOG("%s", err);
		for (int cpu = 0; cpu < online; cpu++) {
			const struct pti_runq_cpu *ca = cpu_of(&a, cpu), *cb = cpu_of(&b, cpu);
			int n = debug_tasks(debug, cpu, tasks, 4096), off = 0;
			unsigned long long d;

			ASSERT_NE(NULL, ca);
			ASSERT_NE(NULL, cb);
			ASSERT_GT(n, 0);
			snprintf(head, sizeof(head), "\ncpu#%d,", cpu);
			ASSERT_EQ(0, debug_value(debug, head, "nr_switches", value,
						 sizeof(value)));
			d = strtoull(value, NULL, 10);
			EXPECT_LE(ca->rq.nr_switches, d) TH_LOG("CPU %d", cpu);
			EXPECT_LE(d, cb->rq.nr_switches) TH_LOG("CPU %d", cpu);

			EXPECT_NE(NULL, find_task(ca, spinners[cpu]));
			EXPECT_NE(NULL, find_task(cb, spinners[cpu]));
			for (int t = 0; t < n; t++) {
				bool runnable = tasks[t].state == 'R' || tasks[t].state == '>';
				bool in_a = find_task(ca, tasks[t].pid) != NULL;
				bool in_b = find_task(cb, tasks[t].pid) != NULL;

				if (tasks[t].pid == spinners[cpu]) {
					EXPECT_TRUE(runnable) TH_LOG("spinner %c", tasks[t].state);
					continue;
				}
				if ((in_a && in_b && !runnable) ||
				    (runnable && !in_a && !in_b)) {
					off++;
					TH_LOG("round %d CPU %d: pid %d %c in sched/debug, %s/%s here",
					       round, cpu, tasks[t].pid, tasks[t].state,
					       in_a ? "listed" : "absent",
					       in_b ? "listed" : "absent");
				}
			}
			worst = off > worst ? off : worst;
		}
		free(debug);
		pti_runq_free(&a);
		pti_runq_free(&b);
	}
	for (int cpu = 0; cpu < online; cpu++) {
		kill(spinners[cpu], SIGKILL);
		waitpid(spinners[cpu], NULL, 0);
	}
	TH_LOG("at most %d disagreement(s) per CPU and round", worst);
	EXPECT_LE(worst, 2);
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
 * there, every tree is a valid red-black tree and the listed tasks match
 * the kernel's counts (the guest's kernel log is checked for
 * WARN/BUG/lockdep after).  50 rounds, or as many as 15 s allow (at least
 * 5): a debug kernel reads several times slower, and the harness stops a
 * case at 30 s.
 */
TEST(reads_while_threads_churn)
{
	pthread_t threads[100];
	struct pti_runq q;
	char err[512];
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	struct timespec start, now;
	int round, checked = 0, assembled = 0;

	churn_stop = 0;
	for (int i = 0; i < 100; i++)
		ASSERT_EQ(0, pthread_create(&threads[i], NULL, churn, NULL));
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (round = 0; round < 50; round++) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (round >= 5 && now.tv_sec - start.tv_sec >= 15)
			break;
		pid_t kid = fork();

		if (kid == 0)
			_exit(0);
		ASSERT_EQ(0, pti_runq_load(&src, &q, err, sizeof(err))) TH_LOG("%s", err);
		EXPECT_EQ((size_t)online, q.n);
		for (size_t i = 0; i < q.n; i++) {
			EXPECT_EQ((int)q.cpus[i].n, q.cpus[i].rq.entities);
			EXPECT_EQ(0, q.cpus[i].rq.truncated);
			/* a copy from different moments need not form trees */
			if (!strcmp(q.cpus[i].rq.copy, "assembled")) {
				assembled++;
				continue;
			}
			checked += q.cpus[i].rq.holds > 1;
			EXPECT_EQ(0, rb_trees_valid(&q.cpus[i], err, sizeof(err)))
				TH_LOG("round %d: %s", round, err);
			EXPECT_EQ(0, counts_agree(&q.cpus[i], err, sizeof(err)))
				TH_LOG("round %d: %s", round, err);
		}
		pti_runq_free(&q);
		waitpid(kid, NULL, 0);
	}
	TH_LOG("%d rounds; copies over several holds: %d checked, %d assembled",
	       round, checked, assembled);
	churn_stop = 1;
	for (int i = 0; i < 100; i++)
		pthread_join(threads[i], NULL);
}

TEST_HARNESS_MAIN
