/* lines.c - a view's lines, read from its descriptor in large pieces. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lines.h"

int pti_lines_init(struct pti_lines *l, int fd)
{
	memset(l, 0, sizeof(*l));
	l->fd = fd;
	l->cap = PTI_LINES_CHUNK + 1;
	l->buf = malloc(l->cap);
	return l->buf ? 0 : -1;
}

/*
 * Room to read into after the unread bytes, moved to the front: what is
 * left of the buffer, so a partial line costs a shorter read, not a
 * larger buffer.  Only a line that fills it all makes it grow.
 */
static int make_room(struct pti_lines *l)
{
	size_t unread = l->end - l->start;

	memmove(l->buf, l->buf + l->start, unread);
	l->start = 0;
	l->end = unread;
	if (l->cap - l->end < 2) {
		/* a line longer than the buffer: grow */
		char *more = realloc(l->buf, l->cap * 2);

		if (!more)
			return -1;
		l->buf = more;
		l->cap *= 2;
	}
	return 0;
}

char *pti_lines_next(struct pti_lines *l)
{
	for (;;) {
		char *line = l->buf + l->start;
		char *nl = memchr(line, '\n', l->end - l->start);
		ssize_t got;

		if (nl) {
			*nl = '\0';
			l->start = (size_t)(nl + 1 - l->buf);
			return line;
		}
		if (make_room(l)) {
			l->error = ENOMEM;
			return NULL;
		}
		got = read(l->fd, l->buf + l->end, l->cap - l->end - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			l->error = errno;
			return NULL;
		}
		if (got == 0) {
			if (l->start == l->end)
				return NULL;
			/* a last line without its newline */
			l->buf[l->end] = '\0';
			line = l->buf + l->start;
			l->start = l->end;
			return line;
		}
		l->end += (size_t)got;
	}
}

void pti_lines_free(struct pti_lines *l)
{
	free(l->buf);
	l->buf = NULL;
}
