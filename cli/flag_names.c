/* flag_names.c - read /proc/ptinspect/flags; name flag words and values with it. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include "flag_names.h"
#include "records.h"

int pti_flag_names_parse(FILE *in, const char *column,
			 struct pti_flag_names *fn, char *err, size_t errlen)
{
	struct pti_parser parser;
	char *line = NULL;
	size_t cap = 0, room = 0;
	ssize_t len;
	int ret = -1;

	memset(fn, 0, sizeof(*fn));
	len = getline(&line, &cap, in);
	if (len <= 0) {
		snprintf(err, errlen, "the flags view is empty");
		goto out;
	}
	line[strcspn(line, "\n")] = '\0';
	if (pti_parser_header(&parser, pti_flag_columns, PTI_FLAG_NR_COLUMNS,
			      line, err, errlen))
		goto out;
	while ((len = getline(&line, &cap, in)) > 0) {
		struct pti_flag bit = { 0 };

		line[strcspn(line, "\n")] = '\0';
		if (pti_parser_record(&parser, line, &bit, err, errlen))
			goto out;
		if (strcmp(bit.set, column) != 0)
			continue;
		if (fn->n == room) {
			size_t bigger = room ? room * 2 : 32;
			struct pti_flag *more = realloc(fn->bits,
							bigger * sizeof(*more));

			if (!more) {
				snprintf(err, errlen, "out of memory");
				goto out;
			}
			fn->bits = more;
			room = bigger;
		}
		fn->bits[fn->n++] = bit;
	}
	if (!fn->n) {
		snprintf(err, errlen, "the flags view has no set %s", column);
		goto out;
	}
	ret = 0;
out:
	free(line);
	if (ret)
		pti_flag_names_free(fn);
	return ret;
}

int pti_flag_names_load(const struct pti_source *src, const char *column,
			struct pti_flag_names *fn, char *err, size_t errlen)
{
	FILE *in = pti_view_open(src, "flags", "re", NULL, err, errlen);
	int ret;

	if (!in)
		return -1;
	ret = pti_flag_names_parse(in, column, fn, err, errlen);
	fclose(in);
	return ret;
}

void pti_flag_names_decode(const struct pti_flag_names *fn,
			   unsigned long long value, char *buf, size_t size)
{
	size_t len = 0;

	for (size_t i = 0; i < fn->n; i++) {
		size_t add = strlen(fn->bits[i].name);

		if (!(value & fn->bits[i].value))
			continue;
		if (len + !!len + add >= size)
			break;
		if (len)
			buf[len++] = '|';
		memcpy(buf + len, fn->bits[i].name, add);
		len += add;
	}
	if (size)
		buf[len] = '\0';
}

const char *pti_flag_names_value(const struct pti_flag_names *fn,
				 unsigned long long value)
{
	for (size_t i = 0; i < fn->n; i++)
		if (fn->bits[i].value == value)
			return fn->bits[i].name;
	return NULL;
}

void pti_flag_names_free(struct pti_flag_names *fn)
{
	free(fn->bits);
	fn->bits = NULL;
	fn->n = 0;
}
