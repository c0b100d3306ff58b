/* records.c - parse the module's text views back into records. */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "lines.h"
#include "records.h"
#include "source.h"

#include "ptinspect_tables.h"

const struct pti_column *pti_column_find(const struct pti_column *cols,
					 size_t ncols, const char *name)
{
	for (size_t i = 0; i < ncols; i++)
		if (strcmp(cols[i].name, name) == 0)
			return &cols[i];
	return NULL;
}

const struct pti_column *pti_task_column_find(const char *name)
{
	return pti_column_find(pti_task_columns, PTI_TASK_NR_COLUMNS, name);
}

/* Undo the module's \ooo escapes; "-" stands for an empty value. */
static int unescape(const char *in, char *out, size_t size)
{
	size_t o = 0;

	if (strcmp(in, "-") == 0) {
		out[0] = '\0';
		return 0;
	}
	for (const char *p = in; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\\') {
			if (p[1] < '0' || p[1] > '3' || p[2] < '0' || p[2] > '7' ||
			    p[3] < '0' || p[3] > '7')
				return -1;
			c = (unsigned char)((p[1] - '0') * 64 + (p[2] - '0') * 8 +
					    (p[3] - '0'));
			p += 3;
		}
		if (o + 1 >= size)
			return -1;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return 0;
}

/*
 * The @len bytes of @text whole as an unsigned number in @base (16 takes
 * an optional "0x"), at most @max: 0, or -1 for anything else (no digits,
 * a stray character, overflow).  strtoull's locale and whitespace
 * handling cost more than the rest of a page table's parse.
 */
static inline __attribute__((always_inline)) int
parse_unsigned(const char *text, size_t len, unsigned int base, uint64_t max,
	       uint64_t *out)
{
	/* each byte's digit value plus one; 0: not a digit */
	static const unsigned char digit[256] = {
		['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
		['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
		['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15,
		['f'] = 16, ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14,
		['E'] = 15, ['F'] = 16,
	};
	/* digits that cannot overflow 64 bits: range checked once, at the end */
	const size_t safe = base == 16 ? 16 : 19;
	const uint64_t base4 = (uint64_t)base * base * base * base;
	const char *p = text, *end = text + len;
	uint64_t v = 0, limit;
	unsigned int last, d;

	if (base == 16 && len >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	if (p == end)
		return -1;
	if ((size_t)(end - p) <= safe) {
		/*
		 * Four digits a step, one test for all four.  A stray byte's
		 * value (0 in the table) wraps past @base.
		 */
		for (; end - p >= 4; p += 4) {
			unsigned int d0 = digit[(unsigned char)p[0]] - 1u;
			unsigned int d1 = digit[(unsigned char)p[1]] - 1u;
			unsigned int d2 = digit[(unsigned char)p[2]] - 1u;
			unsigned int d3 = digit[(unsigned char)p[3]] - 1u;

			if ((d0 >= base) | (d1 >= base) | (d2 >= base) |
			    (d3 >= base))
				return -1;
			v = v * base4 + ((d0 * base + d1) * base + d2) * base + d3;
		}
		for (; p < end; p++) {
			d = digit[(unsigned char)*p] - 1u;
			if (d >= base)
				return -1;
			v = v * base + d;
		}
		if (v > max)
			return -1;
		*out = v;
		return 0;
	}
	/* longer: leading zeros, or a number past the column's range */
	limit = max / base;
	last = (unsigned int)(max % base);
	for (; p < end; p++) {
		d = digit[(unsigned char)*p] - 1u;
		if (d >= base)
			return -1;
		if (v > limit || (v == limit && d > last))
			return -1;
		v = v * base + d;
	}
	*out = v;
	return 0;
}

/* The @len bytes of @text whole as a signed decimal within [@min, @max]. */
static inline __attribute__((always_inline)) int
parse_signed(const char *text, size_t len, int64_t min, int64_t max,
	     int64_t *out)
{
	uint64_t mag;

	if (len && *text == '-') {
		if (parse_unsigned(text + 1, len - 1, 10, 0 - (uint64_t)min,
				   &mag))
			return -1;
		*out = mag ? -(int64_t)(mag - 1) - 1 : 0;
		return 0;
	}
	if (parse_unsigned(text, len, 10, (uint64_t)max, &mag))
		return -1;
	*out = (int64_t)mag;
	return 0;
}

/*
 * pti_column_parse() of @text's @len bytes, inlined into a record line's
 * loop over its fields.
 */
static inline __attribute__((always_inline)) int
column_parse(const struct pti_column *col, const char *text, size_t len,
	     void *rec)
{
	char *field = (char *)rec + col->offset;
	int64_t sv;
	uint64_t uv;

	switch (col->type) {
	case PTI_T_S32:
		if (parse_signed(text, len, INT32_MIN, INT32_MAX, &sv))
			return -1;
		*(int32_t *)field = (int32_t)sv;
		return 0;
	case PTI_T_S64:
		if (parse_signed(text, len, INT64_MIN, INT64_MAX, &sv))
			return -1;
		*(int64_t *)field = sv;
		return 0;
	/* each base written out: the parse is inlined with its base known */
	case PTI_T_U32:
		if (parse_unsigned(text, len, 10, UINT32_MAX, &uv))
			return -1;
		*(uint32_t *)field = (uint32_t)uv;
		return 0;
	case PTI_T_HEX32:
		if (parse_unsigned(text, len, 16, UINT32_MAX, &uv))
			return -1;
		*(uint32_t *)field = (uint32_t)uv;
		return 0;
	case PTI_T_U64:
		if (parse_unsigned(text, len, 10, UINT64_MAX, &uv))
			return -1;
		*(uint64_t *)field = uv;
		return 0;
	case PTI_T_HEX64:
	case PTI_T_KPTR:
		if (parse_unsigned(text, len, 16, UINT64_MAX, &uv))
			return -1;
		*(uint64_t *)field = uv;
		return 0;
	case PTI_T_CHAR: {
		char c[2];

		if (unescape(text, c, sizeof(c)) || !c[0])
			return -1;
		*field = c[0];
		return 0;
	}
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		return unescape(text, field, col->size);
	}
	return -1;
}

int pti_column_parse(const struct pti_column *col, const char *text,
		     void *rec)
{
	return column_parse(col, text, strlen(text), rec);
}

size_t pti_column_format(const struct pti_column *col, const void *rec,
			 char *buf, size_t size)
{
	const char *field = (const char *)rec + col->offset;
	char kptr[24];

	if (size < 2) {
		if (size)
			buf[0] = '\0';
		return 0;
	}
	switch (col->type) {
	case PTI_T_S32:
		return pti_put_signed(*(const int32_t *)field, buf, size);
	case PTI_T_U32:
		return pti_put_number(*(const uint32_t *)field, 10, false, buf, size);
	case PTI_T_HEX32:
		return pti_put_number(*(const uint32_t *)field, 16, false, buf, size);
	case PTI_T_U64:
		return pti_put_number(*(const uint64_t *)field, 10, false, buf, size);
	case PTI_T_S64:
		return pti_put_signed(*(const int64_t *)field, buf, size);
	case PTI_T_HEX64:
		return pti_put_number(*(const uint64_t *)field, 16, false, buf, size);
	case PTI_T_KPTR:
		snprintf(kptr, sizeof(kptr), "%016" PRIx64, *(const uint64_t *)field);
		return pti_put_text(kptr, strlen(kptr), buf, size);
	case PTI_T_CHAR:
		buf[0] = *field;
		buf[1] = '\0';
		return *field ? 1 : 0;
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		return pti_put_text(field, strnlen(field, col->size), buf, size);
	}
	buf[0] = '\0';
	return 0;
}

static size_t signed_width(int64_t v)
{
	return v < 0 ? 1 + pti_digit_count(0 - (uint64_t)v, 10) :
		       pti_digit_count((uint64_t)v, 10);
}

size_t pti_column_width(const struct pti_column *col, const void *rec)
{
	const char *field = (const char *)rec + col->offset;

	switch (col->type) {
	case PTI_T_S32:
		return signed_width(*(const int32_t *)field);
	case PTI_T_U32:
		return pti_digit_count(*(const uint32_t *)field, 10);
	case PTI_T_HEX32:
		return 2 + pti_digit_count(*(const uint32_t *)field, 16);
	case PTI_T_U64:
		return pti_digit_count(*(const uint64_t *)field, 10);
	case PTI_T_S64:
		return signed_width(*(const int64_t *)field);
	case PTI_T_HEX64:
		return 2 + pti_digit_count(*(const uint64_t *)field, 16);
	case PTI_T_KPTR:
		return 16;
	case PTI_T_CHAR:
		return *field ? 1 : 0;
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		return strnlen(field, col->size);
	}
	return 0;
}

uint64_t pti_column_number(const struct pti_column *col, const void *rec)
{
	const char *field = (const char *)rec + col->offset;

	switch (col->type) {
	case PTI_T_S32:
		return (uint64_t)(int64_t)*(const int32_t *)field;
	case PTI_T_U32:
	case PTI_T_HEX32:
		return *(const uint32_t *)field;
	case PTI_T_S64:
	case PTI_T_U64:
	case PTI_T_HEX64:
	case PTI_T_KPTR:
		return *(const uint64_t *)field;
	case PTI_T_CHAR:
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		break;
	}
	return 0;
}

bool pti_column_is_signed(const struct pti_column *col)
{
	return col->type == PTI_T_S32 || col->type == PTI_T_S64;
}

bool pti_column_is_number(const struct pti_column *col)
{
	return col && (col->type == PTI_T_S32 || col->type == PTI_T_U32 ||
		       col->type == PTI_T_U64 || col->type == PTI_T_S64);
}

bool pti_column_made_plain(const struct pti_column *col)
{
	return col->type != PTI_T_CHAR && col->type != PTI_T_WORD &&
	       col->type != PTI_T_ESCAPED;
}

/*
 * Split @line at spaces (and a newline) in place; returns the field count,
 * each field's length in @lens.
 * The module escapes every byte up to a space inside a field, so any
 * such byte ends one.  Fields are mostly a few digits: a byte loop costs
 * less than a call to a vectorised scan (strchrnul) for each.
 */
static size_t split_fields(char *line, char **fields, size_t *lens,
			   size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		while (*p && (unsigned char)*p <= ' ')
			p++;
		if (!*p)
			break;
		fields[n] = p;
		while ((unsigned char)*p > ' ')
			p++;
		lens[n] = (size_t)(p - fields[n]);
		n++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

/* Entries of a task set by pid, first in each. */
static int cmp_pid(const void *a, const void *b)
{
	int32_t x = pti_task_pid(a), y = pti_task_pid(b);

	return (x > y) - (x < y);
}

int pti_parser_header(struct pti_parser *p, const struct pti_column *cols,
		      size_t ncols, char *line, char *err, size_t errlen)
{
	return pti_parser_header_of(p, cols, ncols, 0, line, err, errlen);
}

int pti_parser_header_of(struct pti_parser *p, const struct pti_column *cols,
			 size_t ncols, uint64_t optional, char *line, char *err,
			 size_t errlen)
{
	char *fields[PTI_MAX_FIELDS];
	size_t lens[PTI_MAX_FIELDS];
	bool seen[PTI_MAX_FIELDS] = { false };

	p->cols = cols;
	p->ncols = ncols;
	p->lineno++;
	p->nfields = split_fields(line, fields, lens, PTI_MAX_FIELDS);
	for (size_t i = 0; i < p->nfields; i++) {
		p->map[i] = pti_column_find(cols, ncols, fields[i]);
		if (p->map[i]) {
			seen[p->map[i] - cols] = true;
			p->field_of[p->map[i] - cols] = i;
		}
	}
	pti_parser_keep(p, UINT64_MAX);
	for (size_t i = 0; i < ncols && i < PTI_MAX_FIELDS; i++) {
		if (!seen[i] && !(i < 64 && (optional & (1ULL << i)))) {
			pti_err_set(err, errlen,
				"line %zu: no column '%s' (module too old?)",
				p->lineno, cols[i].name);
			return -1;
		}
	}
	return 0;
}

void pti_parser_keep(struct pti_parser *p, uint64_t wanted)
{
	p->nparsed = 0;
	for (size_t i = 0; i < p->nfields; i++) {
		size_t col;

		if (!p->map[i])
			continue;
		col = (size_t)(p->map[i] - p->cols);
		if (col >= 64 || !(wanted & (1ULL << col)))
			p->map[i] = NULL;
		else
			p->parsed[p->nparsed++] = i;
	}
}

int pti_parser_record(struct pti_parser *p, char *line, void *rec, char *err,
		      size_t errlen)
{
	char *fields[PTI_MAX_FIELDS];
	size_t lens[PTI_MAX_FIELDS];

	return pti_parser_fields(p, line, rec, fields, lens, err, errlen);
}

int pti_parser_fields(struct pti_parser *p, char *line, void *rec,
		      char **fields, size_t *lens, char *err, size_t errlen)
{
	p->lineno++;
	if (split_fields(line, fields, lens, PTI_MAX_FIELDS) != p->nfields) {
		pti_err_set(err, errlen, "line %zu: expected %zu fields",
			p->lineno, p->nfields);
		return -1;
	}
	/* the kept fields only: a command reads few of a view's columns */
	for (size_t k = 0; k < p->nparsed; k++) {
		size_t i = p->parsed[k];

		if (column_parse(p->map[i], fields[i], lens[i], rec)) {
			pti_err_set(err, errlen, "line %zu: bad %s value '%s'",
				p->lineno, p->map[i]->name, fields[i]);
			return -1;
		}
	}
	return 0;
}

pti_task_cols pti_task_col_of(const struct pti_column *col)
{
	return (pti_task_cols)1 << (col - pti_task_columns);
}

/* The alignment a number column needs; 1 for a character or text. */
static size_t column_align(const struct pti_column *col)
{
	switch (col->type) {
	case PTI_T_S64:
	case PTI_T_U64:
	case PTI_T_HEX64:
	case PTI_T_KPTR:
		return 8;
	case PTI_T_S32:
	case PTI_T_U32:
	case PTI_T_HEX32:
		return 4;
	case PTI_T_CHAR:
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		break;
	}
	return 1;
}

static bool column_is_text(const struct pti_column *col)
{
	return col->type == PTI_T_WORD || col->type == PTI_T_ESCAPED;
}

static size_t align_up(size_t n, size_t align)
{
	return (n + align - 1) / align * align;
}

/* How a set's entries are laid out (task_set_layout()). */
struct task_layout {
	size_t fixed;			/* bytes before @tail */
	size_t align;			/* of each entry's start */
	const struct pti_column *tail;	/* text as long as it is, or NULL */
};

/*
 * Lay out @set's entries to hold the columns of @keep (and pid, first):
 * wider numbers before narrower ones, then characters and text, so that
 * nothing needs padding; the last text column ends the entry, stored at
 * its length.  Every column kept: struct pti_task, whole.
 */
static void task_set_layout(struct pti_task_set *set, pti_task_cols keep,
			    struct task_layout *l)
{
	size_t end = sizeof(int32_t);

	_Static_assert(offsetof(struct pti_task, pid) == 0,
		       "a whole record has pid first, as an entry has");
	/* pti_task_get() tells a number from text by its size */
	_Static_assert(PTI_COMM_LEN > 8 && PTI_NAME_LEN > 8,
		       "a task's text columns are longer than any number");
	memcpy(set->cols, pti_task_columns, sizeof(set->cols));
	keep |= PTI_TASK_COL(PID);
	*l = (struct task_layout){ .fixed = sizeof(struct pti_task),
				   .align = _Alignof(struct pti_task) };
	if ((keep & PTI_TASK_ALL_COLUMNS) == PTI_TASK_ALL_COLUMNS)
		return;
	l->align = sizeof(int32_t);
	set->cols[PTI_TASK_PID].offset = 0;
	for (size_t align = 8; align; align /= 2) {
		for (size_t i = 0; i < PTI_TASK_NR_COLUMNS; i++) {
			struct pti_column *col = &set->cols[i];

			if (i == PTI_TASK_PID || column_align(col) != align ||
			    column_is_text(col))
				continue;
			if (!(keep & ((pti_task_cols)1 << i))) {
				col->offset = 0;
				col->size = 0;
				continue;
			}
			end = align_up(end, align);
			col->offset = (unsigned short)end;
			end += col->size;
			if (align > l->align)
				l->align = align;
		}
	}
	l->tail = NULL;
	for (size_t i = 0; i < PTI_TASK_NR_COLUMNS; i++) {
		struct pti_column *col = &set->cols[i];

		if (!column_is_text(col))
			continue;
		if (!(keep & ((pti_task_cols)1 << i))) {
			col->offset = 0;
			col->size = 0;
			continue;
		}
		if (l->tail)	/* one before it: whole */
			end += l->tail->size;
		col->offset = (unsigned short)end;
		l->tail = col;
	}
	l->fixed = end;
}

/* A tasks view being read: its header's columns, the entries so far. */
struct tasks_reader {
	struct pti_parser parser;
	struct pti_task_set *set;
	struct task_layout layout;
	pti_task_cols wanted;
	pti_task_cols left_out;	/* asked of the module not to print */
	size_t alloc;		/* of set->at */
	size_t used, cap;	/* of set->entries, in bytes */
	bool header_seen, sorted;
};

static void tasks_reader_init(struct tasks_reader *r, struct pti_task_set *set,
			      pti_task_cols wanted)
{
	memset(r, 0, sizeof(*r));
	r->set = set;
	r->wanted = wanted | PTI_TASK_COL(PID);
	r->sorted = true;
	set->entries = NULL;
	set->at = NULL;
	set->n = 0;
	task_set_layout(set, r->wanted, &r->layout);
}

/* Room for one more entry of its longest, and its index. */
static int tasks_reader_room(struct tasks_reader *r, char *err, size_t errlen)
{
	struct pti_task_set *set = r->set;
	const struct task_layout *l = &r->layout;
	size_t need = r->used + l->fixed + (l->tail ? l->tail->size : 0);

	if (set->n == r->alloc) {
		size_t nalloc = r->alloc ? r->alloc * 2 : 256;
		uint32_t *grown = reallocarray(set->at, nalloc, sizeof(*grown));

		if (!grown)
			goto nomem;
		set->at = grown;
		r->alloc = nalloc;
	}
	if (need > UINT32_MAX) {
		pti_err_set(err, errlen, "too many tasks");
		return -1;
	}
	/*
	 * Entries start large: malloc maps a large block of its own, which
	 * costs nothing until touched and grows by remapping, not copying
	 * (a small one grown by doubling left its old copies in the heap).
	 */
	if (need > r->cap) {
		size_t ncap = r->cap ? r->cap : 256 * 1024;
		unsigned char *grown;

		while (ncap < need)
			ncap *= 2;
		grown = realloc(set->entries, ncap);
		if (!grown)
			goto nomem;
		set->entries = grown;
		r->cap = ncap;
	}
	return 0;
nomem:
	pti_err_set(err, errlen, "out of memory");
	return -1;
}

/* The header, then one record per line, parsed in place. */
static int tasks_reader_line(struct tasks_reader *r, char *line, char *err,
			     size_t errlen)
{
	struct pti_task_set *set = r->set;
	const struct task_layout *l = &r->layout;
	unsigned char *entry;
	size_t size;

	if (!r->header_seen) {
		struct pti_parser *p = &r->parser;

		r->header_seen = true;
		/* parsed straight into entries: the set's columns */
		if (pti_parser_header_of(p, set->cols, PTI_TASK_NR_COLUMNS,
					 r->left_out, line, err, errlen))
			return -1;
		/* parsing is most of a command's work: only what it reads */
		pti_parser_keep(p, r->wanted);
		return 0;
	}
	if (tasks_reader_room(r, err, errlen))
		return -1;
	entry = set->entries + r->used;
	memset(entry, 0, l->fixed + (l->tail ? 1 : 0));
	if (pti_parser_record(&r->parser, line, entry, err, errlen))
		return -1;
	size = l->fixed;
	if (l->tail)
		size += strnlen((char *)entry + l->fixed, l->tail->size) + 1;
	/* the module writes pid order; sort only what came otherwise */
	if (set->n && cmp_pid(entry, pti_task_at(set, set->n - 1)) < 0)
		r->sorted = false;
	set->at[set->n++] = (uint32_t)r->used;
	r->used = align_up(r->used + size, l->align);
	return 0;
}

/* Two entries' offsets by their pids: the order of a set's index. */
static int cmp_at_pid(const void *a, const void *b, void *entries)
{
	const unsigned char *base = entries;

	return cmp_pid(base + *(const uint32_t *)a, base + *(const uint32_t *)b);
}

static int tasks_reader_end(struct tasks_reader *r, char *err, size_t errlen)
{
	struct pti_task_set *set = r->set;

	if (!r->header_seen) {
		pti_err_set(err, errlen, "empty tasks view (no header line)");
		return -1;
	}
	if (!r->sorted && r->layout.tail) {
		qsort_r(set->at, set->n, sizeof(*set->at), cmp_at_pid,
			set->entries);
	} else if (!r->sorted) {
		/*
		 * Entries of one size (no text tail) are sorted in place, so
		 * a whole-record set stays an array (pti_task_set_full()).
		 */
		size_t stride = align_up(r->layout.fixed, r->layout.align);

		qsort(set->entries, set->n, stride, cmp_pid);
		for (size_t i = 0; i < set->n; i++)
			set->at[i] = (uint32_t)(i * stride);
	}
	return 0;
}

int pti_tasks_parse(FILE *in, struct pti_task_set *set, char *err,
		    size_t errlen)
{
	struct tasks_reader reader;
	char *line = NULL;
	size_t cap = 0;
	int ret = 0;

	tasks_reader_init(&reader, set, PTI_TASK_ALL_COLS);
	while (!ret && getline(&line, &cap, in) >= 0)
		ret = tasks_reader_line(&reader, line, err, errlen);
	if (!ret)
		ret = tasks_reader_end(&reader, err, errlen);
	free(line);
	if (ret)
		pti_task_set_free(set);
	return ret;
}

int pti_tasks_load(const struct pti_source *src, struct pti_task_set *set,
		   pti_task_cols wanted, char *err, size_t errlen)
{
	struct tasks_reader reader;
	struct pti_lines lines;
	uint64_t shown;
	FILE *in;
	char *line;
	int ret = 0;

	in = pti_view_open(src, "tasks", "re", NULL, err, errlen);
	if (!in)
		return -1;
	/* read as cat reads: each short read restarts the module's walk */
	if (pti_lines_init(&lines, fileno(in))) {
		fclose(in);
		pti_err_set(err, errlen, "out of memory");
		return -1;
	}
	tasks_reader_init(&reader, set, wanted);
	/*
	 * Only the columns read, where the module prints some (a file of
	 * another kind, or an older module, answers ENOTTY: all are read).
	 */
	shown = reader.wanted & PTI_TASK_ALL_COLUMNS;
	if (shown != PTI_TASK_ALL_COLUMNS &&
	    !ioctl(fileno(in), PTI_IOC_TASK_COLUMNS, &shown))
		reader.left_out = PTI_TASK_ALL_COLUMNS & ~shown;
	while (!ret && (line = pti_lines_next(&lines)))
		ret = tasks_reader_line(&reader, line, err, errlen);
	if (!ret && lines.error) {
		pti_err_set(err, errlen, "%s/tasks: read error: %s",
			src->proc_dir, strerror(lines.error));
		ret = -1;
	}
	if (!ret)
		ret = tasks_reader_end(&reader, err, errlen);
	if (ret)
		pti_task_set_free(set);
	pti_lines_free(&lines);
	fclose(in);
	return ret;
}

void pti_task_set_free(struct pti_task_set *set)
{
	free(set->entries);
	free(set->at);
	set->entries = NULL;
	set->at = NULL;
	set->n = 0;
}

long pti_task_set_lookup(const struct pti_task_set *set, int pid)
{
	size_t lo = 0, hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int32_t at = pti_task_pid(pti_task_at(set, mid));

		if (at == pid)
			return (long)mid;
		if (at < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const struct pti_task_entry *pti_task_set_find(const struct pti_task_set *set,
					       int pid)
{
	long i = pti_task_set_lookup(set, pid);

	return i < 0 ? NULL : pti_task_at(set, (size_t)i);
}

const char *pti_task_text(const struct pti_task_set *set,
			  const struct pti_task_entry *t,
			  enum pti_task_column id)
{
	const struct pti_column *col = &set->cols[id];

	return col->size ? (const char *)t + col->offset : "";
}

const struct pti_task *pti_task_set_full(const struct pti_task_set *set)
{
	/* laid out whole: entries one struct pti_task after another */
	return !memcmp(set->cols, pti_task_columns, sizeof(set->cols)) ?
	       (const struct pti_task *)set->entries : NULL;
}

const struct pti_task *pti_task_record(const struct pti_task_set *set,
				       const struct pti_task_entry *t)
{
	const struct pti_task *all = pti_task_set_full(set);

	return all && t ? (const struct pti_task *)t : NULL;
}

/* A "name value" line: find the name in one of @sets and parse into it. */
static int parse_field_line(char *line, const struct pti_field_set *sets,
			    size_t nsets, size_t lineno, char *err,
			    size_t errlen)
{
	char *value = strchr(line, ' ');

	if (!value) {
		pti_err_set(err, errlen, "line %zu: expected 'name value'", lineno);
		return -1;
	}
	*value++ = '\0';
	value[strcspn(value, "\n")] = '\0';
	for (size_t s = 0; s < nsets; s++) {
		const struct pti_column *col =
			pti_column_find(sets[s].cols, sets[s].ncols, line);

		if (!col)
			continue;
		if (pti_column_parse(col, value, sets[s].rec)) {
			pti_err_set(err, errlen, "line %zu: bad %s value '%s'",
				lineno, line, value);
			return -1;
		}
		return 0;
	}
	return 0;	/* a newer module's field: skip it */
}

int pti_fields_parse(FILE *in, const struct pti_field_set *sets, size_t nsets,
		     char *err, size_t errlen)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0, lines = 0;
	int ret = 0;

	errno = 0;
	while (!ret && getline(&line, &cap, in) >= 0) {
		lineno++;
		lines++;
		ret = parse_field_line(line, sets, nsets, lineno, err, errlen);
	}
	if (!ret && ferror(in)) {
		pti_err_set(err, errlen, "read error: %s",
			errno == ESRCH ? "the task exited" : strerror(errno));
		ret = -1;
	}
	if (!ret && !lines) {
		pti_err_set(err, errlen, "empty view");
		ret = -1;
	}
	free(line);
	return ret;
}

size_t pti_word_id(const char *const *words, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(words[i], word) == 0)
			break;
	return i;
}

bool pti_list_has(const char *list, char sep, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; p && (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == sep) && (!p[n] || p[n] == sep))
			return true;
	return false;
}
