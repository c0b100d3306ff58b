/* task_marks.c - what a task record says about the task beyond its
 * columns: a kernel thread, and the derived marks (thread, zombie,
 * orphan, traced, kthread, reaper).
 */
#include <stdio.h>
#include <string.h>
#include "task_marks.h"

bool pti_task_is_kthread(const struct pti_task *t)
{
	return t->kthread;
}

static void add_mark(char *buf, size_t size, const char *mark)
{
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, "%s%s", len ? "," : "", mark);
}

void pti_task_marks(const struct pti_task_set *set, const struct pti_task *t,
		    char *buf, size_t size)
{
	const struct pti_task *parent = pti_task_set_find(set, t->ppid);

	buf[0] = '\0';
	if (t->pid != t->tgid)
		add_mark(buf, size, "thread");
	if (t->state == 'Z')
		add_mark(buf, size, "zombie");
	/*
	 * The kernel keeps no "adopted" bit.  A user process under a reaper
	 * that is not a session leader did not come from the reaper's own
	 * start-up of a service or login (those call setsid), so it was
	 * most likely reparented there when its parent died.
	 */
	if (t->pid == t->tgid && !pti_task_is_kthread(t) && parent &&
	    parent->reaper && t->sid != t->pid && t->pid != 1)
		add_mark(buf, size, "orphan");
	if (t->tracer)
		add_mark(buf, size, "traced");
	if (pti_task_is_kthread(t))
		add_mark(buf, size, "kthread");
	if (t->reaper && t->pid == t->tgid)
		add_mark(buf, size, "reaper");
}
