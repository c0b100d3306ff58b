/* procview.h - what /proc/<pid>/stat and status say about a task, for
 * checking the module against the kernel's own views.
 */
#ifndef PTI_TEST_PROCVIEW_H
#define PTI_TEST_PROCVIEW_H

#include <stdbool.h>
#include "records.h"

struct procview {
	int pid, tgid, ppid, tracer, pgid, sid, threads;
	char state;
	char comm[64];
	unsigned int flags;
	int prio, nice, rt_priority, policy, cpu;
	unsigned long long start_ticks;
	unsigned int uid[4], gid[4];
	unsigned long long nvcsw, nivcsw;
	int exit_code;	/* stat's field 52: 0 unless the reader may ptrace */
};

/* A small /proc file's text (up to @size - 1 bytes); its length, or -1. */
int procview_read_text(const char *path, char *buf, size_t size);
/*
 * Unsigned fields of a stat file's text @stat, by proc(5)'s numbers (3 is
 * the state): @n of them, @wanted in ascending order, into @out; 0, or -1
 * when the text ends first.  Cuts @stat into words.
 */
int procview_stat_numbers(char *stat, const int *wanted, size_t n,
			  unsigned long long *out);
/* Read /proc/<tgid>/task/<pid>/{stat,status}; 0, or -1 if it vanished. */
int procview_read(int tgid, int pid, struct procview *v);
bool procview_equal(const struct procview *a, const struct procview *b);
/*
 * Compare a module record with /proc's view: 0 when they agree, else -1
 * with the first differing field described in @why.
 */
int procview_compare(const struct pti_task *rec, const struct procview *v,
		     char *why, size_t whylen);

/* Load the module's tasks view; exits the test on failure. */
int load_tasks(struct pti_task_set *set);
/* Find @pid in a fresh snapshot; 0 and *out filled, or -1. */
int find_task(int pid, struct pti_task *out);
/* Poll /proc/<pid>/stat until its state letter is @state (or 5 s). */
int wait_proc_state(int pid, char state);

#endif
