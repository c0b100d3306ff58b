/* spawn.c - the child processes tests shape (spawn.h). */
#define _GNU_SOURCE
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
