/* kernel_layout.c - /proc/ptinspect/kernel back into records. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "kernel_layout.h"

static int next_line(FILE *in, char **line, size_t *cap)
{
	if (getline(line, cap, in) < 0)
		return 0;
	(*line)[strcspn(*line, "\n")] = '\0';
	return 1;
}

int pti_layout_load(const struct pti_source *src, struct pti_layout *l,
		    char *err, size_t errlen)
{
	struct pti_parser parser;
	FILE *in = pti_view_open(src, "kernel", "re", "the layout is root-only",
				 err, errlen);
	char *line = NULL;
	size_t cap = 0;
	int ret = -1;

	memset(l, 0, sizeof(*l));
	if (!in)
		return -1;
	if (!next_line(in, &line, &cap) ||
	    pti_parser_header(&parser, pti_kernel_columns, PTI_KERNEL_NR_COLUMNS,
			      line, err, errlen) ||
	    !next_line(in, &line, &cap) ||
	    pti_parser_record(&parser, line, &l->paging, err, errlen) ||
	    !next_line(in, &line, &cap) ||
	    pti_parser_header(&parser, pti_region_columns, PTI_REGION_NR_COLUMNS,
			      line, err, errlen))
		goto out;
	while (l->n < PTI_CLI_MAX_REGIONS && next_line(in, &line, &cap)) {
		if (pti_parser_record(&parser, line, &l->regions[l->n], err,
				      errlen))
			goto out;
		l->n++;
	}
	ret = 0;
out:
	if (ret && !err[0])
		snprintf(err, errlen, "the kernel view ended early");
	free(line);
	fclose(in);
	return ret;
}

bool pti_layout_has_addresses(const struct pti_layout *l)
{
	return l->paging.page_offset_base != 0;
}
