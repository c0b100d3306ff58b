/* task.c - read the pid-chosen task and share views. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "task.h"

/* Choose @pid in @view; "no task with pid N" when it does not exist. */
static FILE *choose_task(const struct pti_source *src, const char *view,
			 int pid, char *err, size_t errlen)
{
	FILE *in = pti_choose(src, view, pid, "this view is root-only", err,
			      errlen);

	if (!in && errno == ESRCH)
		snprintf(err, errlen, "no task with pid %d", pid);
	return in;
}

int pti_detail_load(const struct pti_source *src, int pid,
		    struct pti_detail *d, char *err, size_t errlen)
{
	struct pti_field_set sets[] = {
		{ pti_task_columns, PTI_TASK_NR_COLUMNS, &d->base },
		{ pti_detail_columns, PTI_DETAIL_NR_COLUMNS, d },
	};
	FILE *in = choose_task(src, "task", pid, err, errlen);
	int ret;

	if (!in)
		return -1;
	memset(d, 0, sizeof(*d));
	ret = pti_fields_parse(in, sets, 2, err, errlen);
	fclose(in);
	return ret;
}

int pti_share_load(const struct pti_source *src, int pid,
		   struct pti_share **out, size_t *n, char *err, size_t errlen)
{
	struct pti_parser parser = { 0 };
	FILE *in = choose_task(src, "share", pid, err, errlen);
	char *line = NULL;
	size_t cap = 0, alloc = 0;
	int ret = -1;

	*out = NULL;
	*n = 0;
	if (!in)
		return -1;
	errno = 0;
	if (getline(&line, &cap, in) < 0) {
		snprintf(err, errlen, "reading the share view: %s",
			 errno == ESRCH ? "the task exited" : "empty");
		goto out;
	}
	if (pti_parser_header(&parser, pti_share_columns, PTI_SHARE_NR_COLUMNS,
			      line, err, errlen))
		goto out;
	while (getline(&line, &cap, in) >= 0) {
		if (*n == alloc) {
			size_t nalloc = alloc ? alloc * 2 : 16;
			struct pti_share *grown = reallocarray(*out, nalloc, sizeof(**out));

			if (!grown) {
				snprintf(err, errlen, "out of memory");
				goto out;
			}
			*out = grown;
			alloc = nalloc;
		}
		memset(&(*out)[*n], 0, sizeof(**out));
		if (pti_parser_record(&parser, line, &(*out)[*n], err, errlen))
			goto out;
		(*n)++;
	}
	ret = 0;
out:
	if (ret) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	free(line);
	fclose(in);
	return ret;
}
