/* spawn.h - the child processes and threads tests shape: sleepers, and a
 * tracee whose tracer is not its parent.
 */
#ifndef PTI_TEST_SPAWN_H
#define PTI_TEST_SPAWN_H

#include <sys/types.h>

/* A child that sleeps until killed (the caller reaps it), or -1. */
pid_t spawn_sleeper(void);
/* A thread's body (pthread_create()) that sleeps until the process ends. */
void *sleep_forever(void *unused);
/*
 * A thread of the caller's that sleeps until the process ends: its tid,
 * as the thread itself tells it, or -1.
 */
pid_t spawn_sleeping_thread(void);
/* SIGKILL @pid and reap it. */
void kill_and_reap(pid_t pid);
/*
 * A sleeping grandchild, ptrace-attached by the caller and stopped: its
 * parent (*@middle, a sleeper) is not its tracer.  The tracee's pid, or
 * -1 with nothing left behind.  The caller detaches, then kills both.
 */
pid_t spawn_traced_grandchild(pid_t *middle);

#endif
