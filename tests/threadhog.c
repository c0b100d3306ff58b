/* threadhog.c - a process tree of many sleeping threads for
 * scripts/bench/tasks: P processes (default 10) in a chain, each the
 * parent of the next, sharing T threads (default 10,000) between them;
 * says "ready" on stdout once every thread exists, then waits to be
 * killed (each process dies with its parent).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>
#include "spawn.h"

/* @n threads with small stacks, so that 10,000 fit in a small guest. */
static int spawn_threads(long n)
{
	pthread_attr_t attr;
	pthread_t tid;

	if (pthread_attr_init(&attr) ||
	    pthread_attr_setstacksize(&attr, 64 * 1024))
		return -1;
	for (long i = 0; i < n; i++) {
		if (pthread_create(&tid, &attr, sleep_forever, NULL)) {
			fprintf(stderr, "threadhog: thread %ld of %ld\n", i, n);
			return -1;
		}
	}
	pthread_attr_destroy(&attr);
	return 0;
}

/* Process @p's share of @threads, spread over @procs processes. */
static long share_of(long threads, long procs, long p)
{
	return threads / procs + (p < threads % procs);
}

int main(int argc, char **argv)
{
	long threads = argc > 1 ? atol(argv[1]) : 10000;
	long procs = argc > 2 ? atol(argv[2]) : 10;
	int ready[2];
	long p;
	char c;

	if (threads < 0 || procs < 1 || pipe(ready)) {
		fprintf(stderr, "usage: threadhog [THREADS [PROCESSES]]\n");
		return 2;
	}
	/* process p forks process p + 1, which dies with its parent */
	for (p = 0; p + 1 < procs; p++) {
		pid_t child = fork();

		if (child < 0)
			return 1;
		if (child > 0)
			break;
		if (prctl(PR_SET_PDEATHSIG, SIGKILL))
			return 1;
	}
	if (spawn_threads(share_of(threads, procs, p)))
		return 1;
	if (p > 0) {
		if (write(ready[1], "x", 1) != 1)
			return 1;
	} else {
		for (long i = 1; i < procs; i++)
			if (read(ready[0], &c, 1) != 1)
				return 1;
		printf("ready\n");
		fflush(stdout);
	}
	for (;;)
		pause();
}
