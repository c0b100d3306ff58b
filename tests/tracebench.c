// SPDX-License-Identifier: GPL-2.0
/*
 * tracebench.c - the workloads scripts/bench/trace times under each tracer:
 *   tracebench fork N       N x (fork, child exits, parent waits)
 *   tracebench pingpong N   N round trips of one byte between two processes
 * Prints the elapsed seconds.  Pin it with taskset for stable numbers.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int forks(long n)
{
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	return 0;
}

static int pingpong(long n)
{
	int ab[2], ba[2];
	char c = 0;
	pid_t pid;

	if (pipe(ab) || pipe(ba))
		return 1;
	pid = fork();
	if (pid == 0) {
		for (long i = 0; i < n; i++)
			if (read(ab[0], &c, 1) != 1 || write(ba[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	for (long i = 0; i < n; i++)
		if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1)
			return 1;
	waitpid(pid, NULL, 0);
	return 0;
}

int main(int argc, char **argv)
{
	double t0;
	long n;
	int ret;

	if (argc != 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: tracebench fork|pingpong N\n");
		return 2;
	}
	t0 = now();
	if (strcmp(argv[1], "fork") == 0)
		ret = forks(n);
	else if (strcmp(argv[1], "pingpong") == 0)
		ret = pingpong(n);
	else
		return 2;
	printf("%.6f\n", now() - t0);
	return ret;
}
