/* task_marks.c - what a task record says about the task beyond its
 * columns: a kernel thread, and the derived marks (thread, zombie,
 * orphan, traced, kthread, reaper).
 */
#include <string.h>
#include "task_marks.h"

bool pti_task_is_kthread(const struct pti_task *t)
{
	return t->kthread;
}

/*
 * @mark after the @len bytes of @buf, comma-separated, cut to fit @size
 * as snprintf cuts; the new length.  No printf: tree -T's mark column
 * made one call per mark and per task, a seventh of all its work.
 */
static size_t add_mark(char *buf, size_t size, size_t len, const char *mark)
{
	size_t n = strlen(mark);

	if (len && len + 1 < size)
		buf[len++] = ',';
	if (n > size - 1 - len)
		n = size - 1 - len;
	memcpy(buf + len, mark, n);
	len += n;
	buf[len] = '\0';
	return len;
}

/*
 * The kernel keeps no "adopted" bit.  A user process under a reaper that
 * is not a session leader did not come from the reaper's own start-up of
 * a service or login (those call setsid), so it was most likely
 * reparented there when its parent died.
 */
static bool looks_orphaned(const struct pti_task_set *set,
			   const struct pti_task *t)
{
	const struct pti_task *parent;

	if (t->pid != t->tgid || pti_task_is_kthread(t) || t->sid == t->pid ||
	    t->pid == 1)
		return false;
	parent = pti_task_set_find(set, t->ppid);
	return parent && parent->reaper;
}

void pti_task_marks(const struct pti_task_set *set, const struct pti_task *t,
		    char *buf, size_t size)
{
	size_t len = 0;

	if (!size)
		return;
	buf[0] = '\0';
	if (t->pid != t->tgid)
		len = add_mark(buf, size, len, "thread");
	if (t->state == 'Z')
		len = add_mark(buf, size, len, "zombie");
	if (looks_orphaned(set, t))
		len = add_mark(buf, size, len, "orphan");
	if (t->tracer)
		len = add_mark(buf, size, len, "traced");
	if (pti_task_is_kthread(t))
		len = add_mark(buf, size, len, "kthread");
	if (t->reaper && t->pid == t->tgid)
		add_mark(buf, size, len, "reaper");
}
