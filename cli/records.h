/* records.h - load /proc/ptinspect views back into the module's records. */
#ifndef PTI_CLI_RECORDS_H
#define PTI_CLI_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "ptinspect_format.h"
#include "source.h"

/*
 * Is @name one of the words of @list, separated by @sep (the module's
 * "a,b,c" absent lists, "A|B" flag names)?
 */
bool pti_list_has(const char *list, char sep, const char *name);
/*
 * @word's number in @words (@n of them: a uapi *_WORDS table), or @n
 * when it is none of them (a newer module's word).
 */
size_t pti_word_id(const char *const *words, size_t n, const char *word);

/* A transposed view's columns and the record they fill. */
struct pti_field_set {
	const struct pti_column *cols;
	size_t ncols;
	void *rec;
};

/* Most fields a line may carry: generous, so newer modules still parse. */
#define PTI_MAX_FIELDS 256

/* Reads one header-described block of a view, a line at a time. */
struct pti_parser {
	const struct pti_column *cols;
	size_t ncols;
	const struct pti_column *map[PTI_MAX_FIELDS];	/* NULL: skip */
	size_t field_of[PTI_MAX_FIELDS];	/* by column: its field */
	size_t nfields;
	/* the fields map[] keeps, in order: a line parses only these */
	size_t parsed[PTI_MAX_FIELDS];
	size_t nparsed;
	size_t lineno;		/* for messages */
};

/*
 * A task's entry in a set: the columns the set keeps, where the set's
 * cols[] put them.  Opaque, so that nothing reads an entry as a struct
 * pti_task unless the set keeps every column (pti_task_set_full()).
 */
struct pti_task_entry;

/*
 * Task records as a command keeps them: only the columns it reads, one
 * entry per task at @entries + @at[i], in pid order.  Pid comes first in
 * an entry; every other kept column is at @cols[id].offset (@cols[id].size
 * 0: not kept, read as 0 or "").  The last text column kept ends the
 * entry, as long as its text and its NUL.  Ten thousand threads kept
 * whole took 2.5 MB where tree reads 450 KiB of text.  A set that keeps
 * every column lays its entries out as an array of struct pti_task.
 */
struct pti_task_set {
	unsigned char *entries;
	uint32_t *at;
	size_t n;
	struct pti_column cols[PTI_TASK_NR_COLUMNS];
};

/* The @i-th entry of @set, in pid order. */
static inline const struct pti_task_entry *
pti_task_at(const struct pti_task_set *set, size_t i)
{
	return (const struct pti_task_entry *)(set->entries + set->at[i]);
}

/* @t's pid: every set keeps it, first in an entry. */
static inline int32_t pti_task_pid(const struct pti_task_entry *t)
{
	int32_t pid;

	memcpy(&pid, t, sizeof(pid));
	return pid;
}

/*
 * Where @set keeps @col, a column of pti_task_columns[]: a column of the
 * same name and type, its offset in an entry (size 0: not kept).
 */
static inline const struct pti_column *
pti_task_set_column(const struct pti_task_set *set,
		    const struct pti_column *col)
{
	return &set->cols[col - pti_task_columns];
}

/*
 * Column @id of @t as a number: a number column's value, sign-extended,
 * a character column's byte; 0 for a column the set does not keep (or a
 * text column).  Inline: a tree asks it a few times a task.
 */
static inline int64_t pti_task_get(const struct pti_task_set *set,
				   const struct pti_task_entry *t,
				   enum pti_task_column id)
{
	const struct pti_column *col = &set->cols[id];
	const unsigned char *field = (const unsigned char *)t + col->offset;
	int32_t s32;
	uint32_t u32;
	uint64_t u64;

	/* by size: a number column is 4 or 8 bytes, a character 1, text more */
	switch (col->size) {
	case sizeof(u32):
		if (col->type == PTI_T_S32) {
			memcpy(&s32, field, sizeof(s32));
			return s32;
		}
		memcpy(&u32, field, sizeof(u32));
		return u32;
	case sizeof(u64):
		memcpy(&u64, field, sizeof(u64));
		return (int64_t)u64;
	case 1:
		return *field;
	}
	return 0;	/* not kept, or text */
}

/* Text column @id of @t, NUL-terminated; "" when the set does not keep it. */
const char *pti_task_text(const struct pti_task_set *set,
			  const struct pti_task_entry *t,
			  enum pti_task_column id);
/*
 * @set's entries as records, when it keeps every column (pti_tasks_parse()
 * and loads of PTI_TASK_ALL_COLS); NULL for a set of some columns.
 */
const struct pti_task *pti_task_set_full(const struct pti_task_set *set);
/* @t (may be NULL) as a record, as pti_task_set_full() gives it, or NULL. */
const struct pti_task *pti_task_record(const struct pti_task_set *set,
				       const struct pti_task_entry *t);

const struct pti_column *pti_column_find(const struct pti_column *cols,
					 size_t ncols, const char *name);
const struct pti_column *pti_task_column_find(const char *name);
/*
 * Map a header line's names to @cols (modifies @line).  Columns a newer
 * module adds are skipped; a column of @cols that is missing is an error.
 */
int pti_parser_header(struct pti_parser *p, const struct pti_column *cols,
		      size_t ncols, char *line, char *err, size_t errlen);
/*
 * pti_parser_header(), but the columns @optional sets (bit i: @cols[i])
 * may be missing: a view asked for some columns only.
 */
int pti_parser_header_of(struct pti_parser *p, const struct pti_column *cols,
			 size_t ncols, uint64_t optional, char *line, char *err,
			 size_t errlen);
/*
 * From now on parse only the columns of @wanted, a bit per index into the
 * header's columns (tables of at most 64 columns): parsing is most of what
 * reading a large view costs.  The others keep what @rec held.
 */
void pti_parser_keep(struct pti_parser *p, uint64_t wanted);
/* Parse one record line into @rec (modifies @line). */
int pti_parser_record(struct pti_parser *p, char *line, void *rec, char *err,
		      size_t errlen);
/*
 * pti_parser_record(), also leaving each field's text (NUL-terminated in
 * @line) in @fields and its length in @lens, PTI_MAX_FIELDS of each:
 * @fields[p->field_of[i]] is column i's.
 */
int pti_parser_fields(struct pti_parser *p, char *line, void *rec,
		      char **fields, size_t *lens, char *err, size_t errlen);
/* Parse @text as @col's value into @rec: 0, or -1 if it is not one. */
int pti_column_parse(const struct pti_column *col, const char *text,
		     void *rec);

/* Digits of a 64-bit number in base 10 or 16, and room for a padding. */
#define PTI_DIGITS_MAX 20
/* How many digits @v has in @base (10 or 16). */
static inline unsigned int pti_digit_count(uint64_t v, unsigned int base)
{
	static const uint64_t powers[PTI_DIGITS_MAX] = {
		1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
		10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
		100000000000ULL, 1000000000000ULL, 10000000000000ULL,
		100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
		100000000000000000ULL, 1000000000000000000ULL,
		10000000000000000000ULL,
	};
	unsigned int n = 1;

	if (base == 16)
		return v ? (67 - (unsigned int)__builtin_clzll(v)) / 4 : 1;
	while (n < PTI_DIGITS_MAX && v >= powers[n])
		n++;
	return n;
}

/*
 * @v in @base (10 or 16, lower case) at @buf, zero-padded to @min_digits
 * (at most PTI_DIGITS_MAX), with no prefix and no NUL; returns how many
 * were written.  Tables print a number per cell: printf is their cost,
 * and so is a call per cell (inline).
 */
static inline size_t pti_put_digits(char *buf, uint64_t v,
				    unsigned int base, unsigned int min_digits)
{
	unsigned int n = pti_digit_count(v, base);
	size_t width = n > min_digits ? n : min_digits;
	char *p;

	if (width > PTI_DIGITS_MAX)
		width = PTI_DIGITS_MAX;
	/* written from the last digit back, in place: no copy */
	p = buf + width;
	if (base == 16) {
		for (; n; n--, v >>= 4)
			*--p = "0123456789abcdef"[v & 0xf];
	} else {
		for (; n; n--, v /= 10)
			*--p = (char)('0' + v % 10);
	}
	while (p > buf)
		*--p = '0';
	return width;
}

/*
 * @text (@len bytes) into @buf as a string, truncated as snprintf
 * truncates (@size > 0); returns the length written.
 */
static inline size_t pti_put_text(const char *text, size_t len, char *buf,
				  size_t size)
{
	if (len >= size)
		len = size - 1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return len;
}

/*
 * @v in decimal or in hex ("0x" first) into @buf, truncated as snprintf
 * truncates (@size > 0).  Tables of a whole address space format
 * millions of numbers; snprintf's format parsing was most of that time.
 * Inline: with @base known, a cell's number is made in place.
 */
static inline size_t pti_put_number(uint64_t v, unsigned int base,
				    bool negative, char *buf, size_t size)
{
	char tmp[PTI_DIGITS_MAX + 3];
	/* straight into @buf when the longest number fits: the usual case */
	char *out = size >= sizeof(tmp) ? buf : tmp;
	size_t n = 0;

	if (negative)
		out[n++] = '-';
	if (base == 16) {
		out[n++] = '0';
		out[n++] = 'x';
	}
	n += pti_put_digits(out + n, v, base, 1);
	if (out == buf) {
		buf[n] = '\0';
		return n;
	}
	return pti_put_text(tmp, n, buf, size);
}

/* @v in decimal, as pti_put_number() puts it. */
static inline size_t pti_put_signed(int64_t v, char *buf, size_t size)
{
	/* the magnitude of INT64_MIN does not fit in int64_t */
	return pti_put_number(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, 10, v < 0,
			      buf, size);
}

/*
 * Render a record's column as the /proc text shows it, comm unescaped;
 * the length written (truncated to @size - 1, as snprintf truncates).
 */
size_t pti_column_format(const struct pti_column *col, const void *rec,
			 char *buf, size_t size);

/*
 * A number column's member of @rec in 64 bits, a signed one sign-extended;
 * 0 for a text column.  For what is shown from the number, not its text.
 */
uint64_t pti_column_number(const struct pti_column *col, const void *rec);
/* Whether @col's number is signed: compared as int64_t, not uint64_t. */
bool pti_column_is_signed(const struct pti_column *col);
/* Whether @col (may be NULL) holds a decimal number: right-aligned, bare in JSON. */
bool pti_column_is_number(const struct pti_column *col);
/*
 * Whether @col's text is plain ASCII by how it is formatted (numbers,
 * hex, addresses), so its cells need no byte-by-byte check; text and
 * CHAR columns hold whatever bytes the kernel had.
 */
bool pti_column_made_plain(const struct pti_column *col);

/*
 * The length pti_column_format() gives @rec's column @col, without
 * formatting it (a table's measuring pass).
 */
size_t pti_column_width(const struct pti_column *col, const void *rec);

/*
 * A record's column as text: a text member's own bytes (@len of them, not
 * NUL-terminated when they fill the member), else formatted into @buf as
 * pti_column_format() does.  Inline: tables ask it for every cell.
 */
static inline const char *pti_column_text(const struct pti_column *col,
					  const void *rec, char *buf,
					  size_t size, size_t *len)
{
	const char *field = (const char *)rec + col->offset;

	if (col->type == PTI_T_WORD || col->type == PTI_T_ESCAPED) {
		*len = strnlen(field, col->size);
		return field;
	}
	/* most cells of a task table: a 32-bit decimal, made here */
	if (size && col->type == PTI_T_S32) {
		*len = pti_put_signed(*(const int32_t *)field, buf, size);
		return buf;
	}
	if (size && col->type == PTI_T_U32) {
		*len = pti_put_number(*(const uint32_t *)field, 10, false, buf,
				      size);
		return buf;
	}
	*len = pti_column_format(col, rec, buf, size);
	return buf;
}

/*
 * Parse a tasks view from @in.  Returns 0, or -1 with a message in @err.
 * Columns are matched by the header's names, so columns a newer module adds
 * are skipped; a missing column this CLI needs is an error.
 */
int pti_tasks_parse(FILE *in, struct pti_task_set *set, char *err,
		    size_t errlen);
/*
 * Task columns by id (enum pti_task_column), as a set: what a command
 * reads of each record, so that a reader parses only those.
 */
typedef uint64_t pti_task_cols;
#define PTI_TASK_COL(id)	((pti_task_cols)1 << PTI_TASK_##id)
#define PTI_TASK_ALL_COLS	(~(pti_task_cols)0)
_Static_assert(PTI_TASK_NR_COLUMNS <= 64, "pti_task_cols holds one bit a column");
/* The set of one column of pti_task_columns[]. */
pti_task_cols pti_task_col_of(const struct pti_column *col);

/*
 * Open and parse <proc_dir>/tasks, with a hint when the module is absent.
 * Only the columns in @wanted (and pid, the set's order) are parsed: the
 * others stay 0 in every record, their text unchecked.  Every column must
 * still be in the header.
 */
int pti_tasks_load(const struct pti_source *src, struct pti_task_set *set,
		   pti_task_cols wanted, char *err, size_t errlen);
void pti_task_set_free(struct pti_task_set *set);
/*
 * Parse a transposed view ("name value" per line) into the records of
 * @sets, each name looked up in each set in turn; unknown names skipped.
 */
int pti_fields_parse(FILE *in, const struct pti_field_set *sets, size_t nsets,
		     char *err, size_t errlen);
/* The index of @pid's entry in @set, or -1. */
long pti_task_set_lookup(const struct pti_task_set *set, int pid);
/* @set's entry for @pid, or NULL. */
const struct pti_task_entry *pti_task_set_find(const struct pti_task_set *set,
					       int pid);

#endif
