/* procview.c - read /proc's view of a task and compare it with a record. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "procview.h"

#define NSEC_PER_TICK (1000000000ULL / 100)	/* USER_HZ is 100 */

int procview_read_text(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (int)n;
}

int procview_stat_numbers(char *stat, const int *wanted, size_t n,
			  unsigned long long *out)
{
	char *after_comm = strrchr(stat, ')'), *tok, *save;
	size_t k = 0;
	int field = 3;

	/* comm may hold spaces and ')': the fields go on after the last ')' */
	if (!after_comm)
		return -1;
	for (tok = strtok_r(after_comm + 1, " \n", &save); tok && k < n;
	     tok = strtok_r(NULL, " \n", &save), field++)
		if (field == wanted[k])
			out[k++] = strtoull(tok, NULL, 10);
	return k == n ? 0 : -1;
}

static int read_stat(const char *dir, struct procview *v)
{
	static const int exit_code_field[] = { 52 };
	char path[128], buf[4096], *open_paren, *close_paren;
	unsigned long long exit_code;
	int fields;

	snprintf(path, sizeof(path), "%s/stat", dir);
	if (procview_read_text(path, buf, sizeof(buf)) < 0)
		return -1;
	/* comm may hold spaces and ')': it ends at the last ')'. */
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	snprintf(v->comm, sizeof(v->comm), "%.*s",
		 (int)(close_paren - open_paren - 1), open_paren + 1);
	/* Fields 3.. after the comm: state ppid pgrp session tty tpgid flags
	 * ... 18 priority 19 nice 20 threads ... 22 starttime ... 39 cpu
	 * 40 rt_priority 41 policy.
	 */
	fields = sscanf(close_paren + 2,
			"%c %d %d %d %*d %*d %u %*u %*u %*u %*u %*u %*u %*d %*d "
			"%d %d %d %*d %llu %*u %*d %*u %*u %*u %*u %*u %*u %*u %*u "
			"%*u %*u %*u %*u %*u %*d %d %d %d",
			&v->state, &v->ppid, &v->pgid, &v->sid, &v->flags,
			&v->prio, &v->nice, &v->threads, &v->start_ticks, &v->cpu,
			&v->rt_priority, &v->policy);
	if (fields != 12)
		return -1;
	if (procview_stat_numbers(buf, exit_code_field, 1, &exit_code))
		return -1;
	v->exit_code = (int)exit_code;
	return 0;
}

static int read_status(const char *dir, struct procview *v)
{
	char path[128], line[512];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof(path), "%s/status", dir);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		found += sscanf(line, "Tgid: %d", &v->tgid);
		found += sscanf(line, "Pid: %d", &v->pid);
		found += sscanf(line, "TracerPid: %d", &v->tracer);
		found += sscanf(line, "Uid: %u %u %u %u", &v->uid[0], &v->uid[1],
				&v->uid[2], &v->uid[3]) == 4;
		found += sscanf(line, "Gid: %u %u %u %u", &v->gid[0], &v->gid[1],
				&v->gid[2], &v->gid[3]) == 4;
		found += sscanf(line, "voluntary_ctxt_switches: %llu", &v->nvcsw);
		found += sscanf(line, "nonvoluntary_ctxt_switches: %llu",
				&v->nivcsw);
	}
	fclose(f);
	return found == 7 ? 0 : -1;
}

int procview_read(int tgid, int pid, struct procview *v)
{
	char dir[64];

	memset(v, 0, sizeof(*v));
	snprintf(dir, sizeof(dir), "/proc/%d/task/%d", tgid, pid);
	if (read_stat(dir, v) || read_status(dir, v))
		return -1;
	return 0;
}

bool procview_equal(const struct procview *a, const struct procview *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

#define DIFF(cond, fmt, ...)						\
	do {								\
		if (cond) {						\
			snprintf(why, whylen, fmt, __VA_ARGS__);	\
			return -1;					\
		}							\
	} while (0)

int procview_compare(const struct pti_task *r, const struct procview *v,
		     char *why, size_t whylen)
{
	unsigned int uids[4] = { r->uid, r->euid, r->suid, r->fsuid };
	unsigned int gids[4] = { r->gid, r->egid, r->sgid, r->fsgid };
	/* /proc shows a kthread's full name (comm holds 15 bytes) and appends
	 * a workqueue worker's current work: comm is a prefix there.
	 */
	bool prefix = r->kthread;

	DIFF(r->pid != v->pid, "pid %d vs %d", r->pid, v->pid);
	DIFF(r->tgid != v->tgid, "tgid %d vs %d", r->tgid, v->tgid);
	DIFF(r->ppid != v->ppid, "ppid %d vs %d", r->ppid, v->ppid);
	DIFF(r->tracer != v->tracer, "tracer %d vs TracerPid %d", r->tracer,
	     v->tracer);
	DIFF(r->pgid != v->pgid, "pgid %d vs %d", r->pgid, v->pgid);
	DIFF(r->sid != v->sid, "sid %d vs %d", r->sid, v->sid);
	DIFF(r->threads != v->threads, "threads %d vs %d", r->threads,
	     v->threads);
	DIFF(r->state != v->state, "state %c vs %c", r->state, v->state);
	DIFF(r->flags != v->flags, "flags 0x%x vs 0x%x", r->flags, v->flags);
	/* PF_KTHREAD, 0x00200000 in every release since 2.6.27 */
	DIFF(r->kthread != !!(v->flags & 0x00200000), "kthread %d vs flags 0x%x",
	     r->kthread, v->flags);
	DIFF(prefix ? strncmp(r->comm, v->comm, strlen(r->comm)) != 0 :
	     strcmp(r->comm, v->comm) != 0, "comm '%s' vs '%s'", r->comm,
	     v->comm);
	/* name is what /proc prints: whole, for every task */
	DIFF(strcmp(r->name, v->comm) != 0, "name '%s' vs '%s'", r->name,
	     v->comm);
	DIFF(r->prio - 100 != v->prio, "prio %d vs stat priority %d", r->prio,
	     v->prio);
	DIFF(r->nice != v->nice, "nice %d vs %d", r->nice, v->nice);
	DIFF(r->rt_priority != v->rt_priority, "rt_priority %d vs %d",
	     r->rt_priority, v->rt_priority);
	DIFF(r->policy != (unsigned int)v->policy, "policy %u vs %d",
	     r->policy, v->policy);
	DIFF(r->cpu != v->cpu, "cpu %d vs %d", r->cpu, v->cpu);
	DIFF(r->start_boot_ns / NSEC_PER_TICK != v->start_ticks,
	     "start_boot_ns %llu vs starttime %llu ticks",
	     (unsigned long long)r->start_boot_ns, v->start_ticks);
	for (int i = 0; i < 4; i++) {
		DIFF(uids[i] != v->uid[i], "uid[%d] %u vs %u", i, uids[i],
		     v->uid[i]);
		DIFF(gids[i] != v->gid[i], "gid[%d] %u vs %u", i, gids[i],
		     v->gid[i]);
	}
	DIFF(r->nvcsw != v->nvcsw, "nvcsw %llu vs %llu",
	     (unsigned long long)r->nvcsw, v->nvcsw);
	DIFF(r->nivcsw != v->nivcsw, "nivcsw %llu vs %llu",
	     (unsigned long long)r->nivcsw, v->nivcsw);
	DIFF(r->exit_code != v->exit_code, "exit_code %d vs stat's %d",
	     r->exit_code, v->exit_code);
	return 0;
}

int load_tasks(struct pti_task_set *set)
{
	struct pti_source src = { .proc_dir = "/proc/ptinspect" };
	char err[512];

	if (pti_tasks_load(&src, set, PTI_TASK_ALL_COLS, err, sizeof(err))) {
		fprintf(stderr, "# %s\n", err);
		return -1;
	}
	return 0;
}

int find_task(int pid, struct pti_task *out)
{
	struct pti_task_set set;
	const struct pti_task *t;
	int ret = -1;

	if (load_tasks(&set))
		return -1;
	t = pti_task_record(&set, pti_task_set_find(&set, pid));
	if (t) {
		*out = *t;
		ret = 0;
	}
	pti_task_set_free(&set);
	return ret;
}

int wait_proc_state(int pid, char state)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	struct procview v;

	for (int i = 0; i < 500; i++) {
		if (procview_read(pid, pid, &v) == 0 && v.state == state)
			return 0;
		nanosleep(&pause, NULL);
	}
	return -1;
}
