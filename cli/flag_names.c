/* flag_names.c - read /proc/ptinspect/flags; name flag words and values with it. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include "flag_names.h"
#include "records.h"

/* Append @bit to @fn; false when out of memory. */
static bool add_bit(struct pti_flag_names *fn, const struct pti_flag *bit)
{
	if (fn->n == fn->room) {
		size_t bigger = fn->room ? fn->room * 2 : 32;
		struct pti_flag *more = realloc(fn->bits,
						bigger * sizeof(*more));

		if (!more)
			return false;
		fn->bits = more;
		fn->room = bigger;
	}
	fn->bits[fn->n++] = *bit;
	return true;
}

int pti_flag_names_parse_sets(FILE *in, const struct pti_flag_set_wanted *want,
			      size_t nwant, char *err, size_t errlen)
{
	struct pti_parser parser;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int ret = -1;

	for (size_t w = 0; w < nwant; w++)
		memset(want[w].fn, 0, sizeof(*want[w].fn));
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
		for (size_t w = 0; w < nwant; w++) {
			if (strcmp(bit.set, want[w].column) != 0)
				continue;
			if (!add_bit(want[w].fn, &bit)) {
				snprintf(err, errlen, "out of memory");
				goto out;
			}
		}
	}
	for (size_t w = 0; w < nwant; w++) {
		if (!want[w].fn->n) {
			snprintf(err, errlen, "the flags view has no set %s",
				 want[w].column);
			goto out;
		}
	}
	ret = 0;
out:
	free(line);
	for (size_t w = 0; ret && w < nwant; w++)
		pti_flag_names_free(want[w].fn);
	return ret;
}

int pti_flag_names_parse(FILE *in, const char *column,
			 struct pti_flag_names *fn, char *err, size_t errlen)
{
	const struct pti_flag_set_wanted want = { column, fn };

	return pti_flag_names_parse_sets(in, &want, 1, err, errlen);
}

int pti_flag_names_load_sets(const struct pti_source *src,
			     const struct pti_flag_set_wanted *want,
			     size_t nwant, char *err, size_t errlen)
{
	FILE *in;
	int ret;

	if (!nwant)
		return 0;
	in = pti_view_open(src, "flags", "re", NULL, err, errlen);
	if (!in)
		return -1;
	ret = pti_flag_names_parse_sets(in, want, nwant, err, errlen);
	fclose(in);
	return ret;
}

int pti_flag_names_load(const struct pti_source *src, const char *column,
			struct pti_flag_names *fn, char *err, size_t errlen)
{
	const struct pti_flag_set_wanted want = { column, fn };

	return pti_flag_names_load_sets(src, &want, 1, err, errlen);
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

const char *pti_flag_names_value_text(const struct pti_flag_names *fn,
				      unsigned long long value, char *buf,
				      size_t size)
{
	const char *name = fn ? pti_flag_names_value(fn, value) : NULL;

	if (name)
		return name;
	snprintf(buf, size, "%llu", value);
	return buf;
}

void pti_flag_names_free(struct pti_flag_names *fn)
{
	free(fn->bits);
	fn->bits = NULL;
	fn->n = 0;
	fn->room = 0;
}
