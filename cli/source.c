/* source.c - opening the module's files: where they are, and what to say
 * when they cannot be opened (the module absent, a reader refused).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include "module_hint.h"
#include "source.h"

void pti_err_set(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

FILE *pti_view_open(const struct pti_source *src, const char *view,
		    const char *mode, const char *denied, char *err,
		    size_t errlen)
{
	char path[4096];
	FILE *in;
	int saved;

	snprintf(path, sizeof(path), "%s/%s", src->proc_dir, view);
	in = fopen(path, mode);
	if (in)
		return in;
	saved = errno;
	if (saved == ENOENT)
		pti_err_set(err, errlen, "%s: not found: %s", path,
			pti_module_missing_hint(src->sys_dir));
	else if ((saved == EACCES || saved == EPERM) && denied)
		pti_err_set(err, errlen, "%s: %s: %s", path, strerror(saved), denied);
	else
		pti_err_set(err, errlen, "%s: %s", path, strerror(saved));
	errno = saved;
	return NULL;
}

FILE *pti_choose_text(const struct pti_source *src, const char *view,
		      const char *choice, const char *denied, char *err,
		      size_t errlen)
{
	FILE *in = pti_view_open(src, view, "r+e", denied, err, errlen);
	size_t len = strlen(choice);
	int saved;

	if (!in)
		return NULL;
	/* Straight to the descriptor: nothing is buffered before the read. */
	if (write(fileno(in), choice, len) == (ssize_t)len)
		return in;
	saved = errno;
	pti_err_set(err, errlen, "choosing %.*s in %s: %s",
		(int)strcspn(choice, "\n"), choice, view, strerror(saved));
	fclose(in);
	errno = saved;
	return NULL;
}

FILE *pti_choose(const struct pti_source *src, const char *view, int pid,
		 const char *denied, char *err, size_t errlen)
{
	char text[32];
	FILE *in;

	snprintf(text, sizeof(text), "%d\n", pid);
	in = pti_choose_text(src, view, text, denied, err, errlen);
	/*
	 * A well-formed pid alone is refused (EINVAL) only above the
	 * kernel's PID_MAX_LIMIT: no task has it.
	 */
	if (!in && errno == EINVAL)
		errno = ESRCH;
	return in;
}
