/* view_text.c - a view kept as the module wrote it, its cells indexed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lines.h"
#include "view_text.h"

/* Everything left on @fd, NUL-ended, in v->text. */
static int slurp(struct pti_view_text *v, int fd)
{
	size_t cap = PTI_LINES_CHUNK;

	v->text = malloc(cap + 1);
	if (!v->text)
		return ENOMEM;
	for (;;) {
		ssize_t got;

		if (cap - v->len < PTI_LINES_CHUNK) {
			char *more = realloc(v->text, cap * 2 + 1);

			if (!more)
				return ENOMEM;
			v->text = more;
			cap *= 2;
		}
		got = read(fd, v->text + v->len, PTI_LINES_CHUNK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		if (got == 0)
			break;
		v->len += (size_t)got;
	}
	v->text[v->len] = '\0';
	return 0;
}

/*
 * Cut @line (up to its newline, or the end) into cells at its spaces,
 * the offsets of the first @max in @at; how many there are.
 */
static size_t cut(char *line, uint16_t *at, size_t max, char **end)
{
	size_t n = 1;
	char *p = line;

	if (max)
		at[0] = 0;
	for (; *p && *p != '\n'; p++) {
		if (*p == ' ') {
			*p = '\0';
			if (n < max)
				at[n] = (uint16_t)(p + 1 - line);
			n++;
		}
	}
	*end = p;
	return n;
}

static int index_header(struct pti_view_text *v, char **next)
{
	char *end, *p = v->text;
	size_t n = cut(v->text, NULL, 0, &end);

	v->names = calloc(n, sizeof(*v->names));
	if (!v->names)
		return -1;
	for (size_t i = 0; i < n; i++) {
		v->names[i] = p;
		p += strlen(p) + 1;
	}
	v->nfields = n;
	*next = *end ? end + 1 : end;
	*end = '\0';
	return 0;
}

int pti_view_text_read(struct pti_view_text *v, int fd, char *err,
		       size_t errlen)
{
	size_t room = 0, stride;
	char *p;

	memset(v, 0, sizeof(*v));
	v->error = slurp(v, fd);
	if (v->error) {
		snprintf(err, errlen, "%s", strerror(v->error));
		return -1;
	}
	if (!v->len) {
		snprintf(err, errlen, "no header line");
		return -1;
	}
	if (index_header(v, &p))
		goto nomem;
	stride = v->nfields + 1;
	while (*p) {
		char *line = p, *end;
		size_t n;

		if (v->nrows == room) {
			size_t *rows;
			uint16_t *cells;

			room = room ? room * 2 : 4096;
			rows = realloc(v->row, room * sizeof(*rows));
			if (!rows)
				goto nomem;
			v->row = rows;
			cells = realloc(v->cell, room * stride * sizeof(*cells));
			if (!cells)
				goto nomem;
			v->cell = cells;
		}
		n = cut(line, v->cell + v->nrows * stride, v->nfields, &end);
		if (n != v->nfields) {
			snprintf(err, errlen, "line %zu: %zu field(s) where the header names %zu",
				 v->nrows + 2, n, v->nfields);
			return -1;
		}
		if (end - line >= UINT16_MAX) {
			snprintf(err, errlen, "line %zu: longer than %u bytes",
				 v->nrows + 2, UINT16_MAX - 1);
			return -1;
		}
		v->row[v->nrows] = (size_t)(line - v->text);
		v->cell[v->nrows * stride + n] = (uint16_t)(end - line + 1);
		p = *end ? end + 1 : end;
		*end = '\0';
		v->nrows++;
	}
	return 0;
nomem:
	v->error = ENOMEM;
	snprintf(err, errlen, "out of memory");
	return -1;
}

int pti_view_text_field(const struct pti_view_text *v, const char *name)
{
	for (size_t i = 0; i < v->nfields; i++)
		if (!strcmp(v->names[i], name))
			return (int)i;
	return -1;
}

void pti_view_text_free(struct pti_view_text *v)
{
	free(v->text);
	free(v->names);
	free(v->row);
	free(v->cell);
	memset(v, 0, sizeof(*v));
}
