/* lines.h - a view's lines, read from its descriptor in large pieces.
 *
 * stdio reads a /proc file a block (4 KiB) at a time, and every read is a
 * system call in which the seq_file finds its place again; a view of a
 * whole address space is tens of megabytes.  This reads in pieces twice
 * cat's (128 KiB); 128 KiB pieces made no difference to peak memory.
 */
#ifndef PTI_CLI_LINES_H
#define PTI_CLI_LINES_H

#include <stddef.h>

#define PTI_LINES_CHUNK (256 * 1024)

struct pti_lines {
	int fd;
	char *buf;
	size_t cap, start, end;	/* unread bytes: buf[start, end) */
	int error;		/* errno of a failed read, else 0 */
};

/* Start reading @fd (not closed here); 0, or -1 when out of memory. */
int pti_lines_init(struct pti_lines *l, int fd);
/*
 * The next line, its newline removed, valid until the next call; NULL at
 * the end or on a read error (then l->error is its errno).  A last line
 * without a newline is returned too.
 */
char *pti_lines_next(struct pti_lines *l);
void pti_lines_free(struct pti_lines *l);

#endif
