/* task_marks.c - what a task record says about the task beyond its
 * columns: a kernel thread, and the derived marks (thread, zombie,
 * orphan, traced, kthread, reaper).
 */
#include <string.h>
#include "task_marks.h"

bool pti_task_is_kthread(const struct pti_task_set *set,
			 const struct pti_task_entry *t)
{
	return pti_task_get(set, t, PTI_TASK_KTHREAD);
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
			   const struct pti_task_entry *t)
{
	const struct pti_task_entry *parent;
	int32_t pid = pti_task_pid(t);

	if (pid != pti_task_get(set, t, PTI_TASK_TGID) ||
	    pti_task_is_kthread(set, t) ||
	    pti_task_get(set, t, PTI_TASK_SID) == pid || pid == 1)
		return false;
	parent = pti_task_set_find(set,
				   (int)pti_task_get(set, t, PTI_TASK_PPID));
	return parent && pti_task_get(set, parent, PTI_TASK_REAPER);
}

void pti_task_marks(const struct pti_task_set *set,
		    const struct pti_task_entry *t, char *buf, size_t size)
{
	bool leader = pti_task_pid(t) == pti_task_get(set, t, PTI_TASK_TGID);
	size_t len = 0;

	if (!size)
		return;
	buf[0] = '\0';
	if (!leader)
		len = add_mark(buf, size, len, "thread");
	if (pti_task_get(set, t, PTI_TASK_STATE) == 'Z')
		len = add_mark(buf, size, len, "zombie");
	if (looks_orphaned(set, t))
		len = add_mark(buf, size, len, "orphan");
	if (pti_task_get(set, t, PTI_TASK_TRACER))
		len = add_mark(buf, size, len, "traced");
	if (pti_task_is_kthread(set, t))
		len = add_mark(buf, size, len, "kthread");
	if (pti_task_get(set, t, PTI_TASK_REAPER) && leader)
		add_mark(buf, size, len, "reaper");
}
