// SPDX-License-Identifier: GPL-2.0
/*
 * churn.c - scheduler noise for the runqueue tests: N threads that wake,
 * yield, sleep and move between CPUs, and a short-lived child every few
 * milliseconds, for SECONDS.  Usage: churn THREADS SECONDS
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void *spin_and_sleep(void *arg)
{
	const volatile int *stop = arg;
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned int round = 0;

	while (!*stop) {
		cpu_set_t set;

		/* Hop CPUs now and then so tasks migrate between queues. */
		if (++round % 16 == 0) {
			CPU_ZERO(&set);
			CPU_SET(round / 16 % online, &set);
			sched_setaffinity(0, sizeof(set), &set);
		}
		sched_yield();
		usleep(100);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 100;
	int seconds = argc > 2 ? atoi(argv[2]) : 10;
	pthread_t *tid = calloc(threads > 0 ? threads : 1, sizeof(*tid));
	volatile int stop = 0;
	time_t end = time(NULL) + seconds;

	if (threads <= 0 || seconds <= 0 || !tid) {
		fprintf(stderr, "usage: churn THREADS SECONDS\n");
		return 2;
	}
	for (int i = 0; i < threads; i++)
		if (pthread_create(&tid[i], NULL, spin_and_sleep, (void *)&stop))
			return 1;
	while (time(NULL) < end) {
		pid_t kid = fork();

		if (kid == 0)
			_exit(0);
		if (kid > 0)
			waitpid(kid, NULL, 0);
		usleep(5000);
	}
	stop = 1;
	for (int i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	free(tid);
	return 0;
}
