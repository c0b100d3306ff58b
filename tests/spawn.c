/* spawn.c - the child processes tests shape (spawn.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include "spawn.h"

void *sleep_forever(void *unused)
{
	(void)unused;
	for (;;)
		pause();
	return NULL;
}

/* Write our tid to the pipe end *@arg, then sleep. */
static void *tell_tid_and_sleep(void *arg)
{
	int fd = *(int *)arg;
	pid_t tid = gettid();

	if (write(fd, &tid, sizeof(tid)) != sizeof(tid))
		return NULL;
	return sleep_forever(NULL);
}

pid_t spawn_sleeping_thread(void)
{
	int fds[2];
	pthread_t th;
	pid_t tid = -1;

	if (pipe(fds))
		return -1;
	/* fds outlives the thread's read of it: we wait for its write */
	if (pthread_create(&th, NULL, tell_tid_and_sleep, &fds[1]) ||
	    read(fds[0], &tid, sizeof(tid)) != sizeof(tid))
		tid = -1;
	close(fds[0]);
	close(fds[1]);
	return tid;
}

pid_t spawn_sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0)
		sleep_forever(NULL);
	return pid;
}

void kill_and_reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

pid_t spawn_traced_grandchild(pid_t *middle)
{
	pid_t tracee = -1;
	int pipefd[2], status;

	if (pipe(pipefd))
		return -1;
	*middle = fork();
	if (*middle == 0) {
		pid_t p = spawn_sleeper();

		if (write(pipefd[1], &p, sizeof(p)) != sizeof(p))
			_exit(1);
		sleep_forever(NULL);
	}
	close(pipefd[1]);
	if (*middle < 0 ||
	    read(pipefd[0], &tracee, sizeof(tracee)) != sizeof(tracee) ||
	    tracee <= 0)
		goto fail;
	if (ptrace(PTRACE_ATTACH, tracee, NULL, NULL) ||
	    waitpid(tracee, &status, __WALL) != tracee) {
		kill(tracee, SIGKILL);
		goto fail;
	}
	close(pipefd[0]);
	return tracee;
fail:
	close(pipefd[0]);
	if (*middle > 0)
		kill_and_reap(*middle);
	return -1;
}
