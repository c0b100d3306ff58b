// SPDX-License-Identifier: GPL-2.0
/*
 * record.c - turn records into lines.  Every view prints a header line
 * naming its columns, then one line per record, values in header order,
 * separated by single spaces.  Parsers key on the header, not on position.
 */
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "procfs.h"

#include "ptinspect_tables.h"

static bool pti_needs_escape(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '\\';
}

/*
 * @s's @len bytes, escaped so that a value never contains a separator,
 * newline or '\'; the first @plain of them need no escaping.
 */
static void pti_seq_escaped(struct seq_file *m, const char *s, size_t len,
			    size_t plain)
{
	size_t i;

	seq_write(m, s, plain);
	for (i = plain; i < len; i++) {
		unsigned char c = s[i];

		if (pti_needs_escape(c))
			seq_printf(m, "\\%03o", c);
		else
			seq_putc(m, c);
	}
}

/*
 * A line being built: values are formatted into @buf and reach the
 * seq_file in one seq_write() per line (or per long text), not in a call
 * or two per value: the VMA view prints ten values a line, the tasks view
 * forty-eight.  seq_put_hex_ll is not exported, so numbers are formatted
 * here; vsnprintf would parse a format for each.
 */
struct pti_line {
	struct seq_file *m;
	size_t len;
	char buf[192];
};

/* The most a fixed-width value takes: a signed 64-bit decimal, a separator. */
#define PTI_VALUE_MAX	24

/* The buffer is left as it is: zeroing it cost a store per byte a line. */
static void pti_line_init(struct pti_line *l, struct seq_file *m)
{
	l->m = m;
	l->len = 0;
}

static void pti_line_flush(struct pti_line *l)
{
	if (l->len)
		seq_write(l->m, l->buf, l->len);
	l->len = 0;
}

/* Where the next fixed-width value goes, with PTI_VALUE_MAX bytes of room. */
static char *pti_line_room(struct pti_line *l)
{
	if (l->len + PTI_VALUE_MAX > sizeof(l->buf))
		pti_line_flush(l);
	return l->buf + l->len;
}

static void pti_line_putc(struct pti_line *l, char c)
{
	*pti_line_room(l) = c;
	l->len++;
}

/* How many decimal digits @v has. */
static unsigned int pti_decimal_digits(u64 v)
{
	unsigned int n = 1;

	while (v >= 10000) {
		v = div_u64(v, 10000);
		n += 4;
	}
	return n + (v >= 10) + (v >= 100) + (v >= 1000);
}

/*
 * @v in decimal, '-' first if @negative (@v is then the magnitude),
 * written from its last digit straight into the line.
 */
static void pti_line_decimal(struct pti_line *l, u64 v, bool negative)
{
	char *out = pti_line_room(l);
	unsigned int n = pti_decimal_digits(v);

	if (negative)
		*out++ = '-';
	l->len += negative + n;
	do {
		out[--n] = '0' + do_div(v, 10);
	} while (n);
}

static void pti_line_signed(struct pti_line *l, s64 v)
{
	/* the magnitude of S64_MIN is only a u64 */
	pti_line_decimal(l, v < 0 ? 0 - (u64)v : (u64)v, v < 0);
}

/* "0x" and lower-case hex, from the last digit straight into the line. */
static void pti_line_hex(struct pti_line *l, u64 v)
{
	char *out = pti_line_room(l);
	unsigned int n = v ? (fls64(v) + 3) / 4 : 1;

	out[0] = '0';
	out[1] = 'x';
	l->len += 2 + n;
	out += 2;
	do {
		out[--n] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (n);
}

/* @len bytes of text, escaped; in the line when plain and short. */
static void pti_line_text(struct pti_line *l, const char *s, size_t len)
{
	size_t i;

	if (!len) {
		pti_line_putc(l, '-');
		return;
	}
	/* nearly every value is plain */
	for (i = 0; i < len && !pti_needs_escape(s[i]); i++)
		;
	if (i == len && len < sizeof(l->buf) - PTI_VALUE_MAX) {
		if (l->len + len > sizeof(l->buf) - PTI_VALUE_MAX)
			pti_line_flush(l);
		memcpy(l->buf + l->len, s, len);
		l->len += len;
		return;
	}
	pti_line_flush(l);
	pti_seq_escaped(l->m, s, len, i);
}

/* One value of @rec as its column's type says. */
static void pti_line_value(struct pti_line *l, const struct pti_column *col,
			   const void *rec)
{
	const void *v = (const char *)rec + col->offset;

	switch (col->type) {
	case PTI_T_S32:
		pti_line_signed(l, *(const s32 *)v);
		break;
	case PTI_T_U32:
		pti_line_decimal(l, *(const u32 *)v, false);
		break;
	case PTI_T_HEX32:
		pti_line_hex(l, *(const u32 *)v);
		break;
	case PTI_T_HEX64:
		pti_line_hex(l, *(const u64 *)v);
		break;
	case PTI_T_U64:
		pti_line_decimal(l, *(const u64 *)v, false);
		break;
	case PTI_T_S64:
		pti_line_signed(l, *(const s64 *)v);
		break;
	case PTI_T_CHAR:
		pti_line_text(l, v, 1);
		break;
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		pti_line_text(l, v, strnlen(v, col->size));
		break;
	case PTI_T_KPTR:
		/* %pK decides, as the reader, what the address shows. */
		pti_line_flush(l);
		seq_printf(l->m, "%pK", (void *)(unsigned long)*(const u64 *)v);
		break;
	}
}

/*
 * The last of @n columns that @columns selects (bit i for column i; a
 * column past the 64th is always shown), or -1 for none.
 */
static int pti_last_column(int n, u64 columns)
{
	int i = n - 1;

	while (i >= 0 && i < 64 && !(columns & BIT_ULL(i)))
		i--;
	return i;
}

static bool pti_column_shown(int i, u64 columns)
{
	return i >= 64 || (columns & BIT_ULL(i));
}

/**
 * pti_seq_header_of() - print the names of the columns @columns selects
 * @m: seq_file to print to
 * @cols: column table
 * @n: number of columns in @cols
 * @columns: bit i shows column i (a column past the 64th is always shown)
 * @last: end the line after them (else a space follows, for more columns)
 */
void pti_seq_header_of(struct seq_file *m, const struct pti_column *cols,
		       int n, u64 columns, bool last)
{
	int end = pti_last_column(n, columns);
	int i;

	for (i = 0; i <= end; i++) {
		if (!pti_column_shown(i, columns))
			continue;
		seq_puts(m, cols[i].name);
		seq_putc(m, i == end && last ? '\n' : ' ');
	}
}

/**
 * pti_seq_header() - print the names of @n columns
 * @m: seq_file to print to
 * @cols: column table
 * @n: number of columns in @cols
 * @last: end the line after them (else a space follows, for more columns)
 */
void pti_seq_header(struct seq_file *m, const struct pti_column *cols,
		    int n, bool last)
{
	pti_seq_header_of(m, cols, n, U64_MAX, last);
}

/**
 * pti_seq_record_of() - print the columns @columns selects of one record
 * @m: seq_file to print to
 * @cols: column table describing @rec
 * @n: number of columns in @cols
 * @columns: as for pti_seq_header_of()
 * @rec: the record
 * @last: end the line after them (else a space follows, for more columns)
 */
void pti_seq_record_of(struct seq_file *m, const struct pti_column *cols,
		       int n, u64 columns, const void *rec, bool last)
{
	int end = pti_last_column(n, columns);
	struct pti_line l;
	int i;

	pti_line_init(&l, m);
	for (i = 0; i <= end; i++) {
		if (!pti_column_shown(i, columns))
			continue;
		pti_line_value(&l, &cols[i], rec);
		pti_line_putc(&l, i == end && last ? '\n' : ' ');
	}
	pti_line_flush(&l);
}

/**
 * pti_seq_record() - print @n columns of one record
 * @m: seq_file to print to
 * @cols: column table describing @rec
 * @n: number of columns in @cols
 * @rec: the record
 * @last: end the line after them (else a space follows, for more columns)
 */
void pti_seq_record(struct seq_file *m, const struct pti_column *cols,
		    int n, const void *rec, bool last)
{
	pti_seq_record_of(m, cols, n, U64_MAX, rec, last);
}

/**
 * pti_seq_fields() - print a record transposed: "name value" per line
 * @m: seq_file to print to
 * @cols: column table describing @rec
 * @n: number of columns in @cols
 * @rec: the record
 */
void pti_seq_fields(struct seq_file *m, const struct pti_column *cols,
		    int n, const void *rec)
{
	struct pti_line l;
	int i;

	pti_line_init(&l, m);
	for (i = 0; i < n; i++) {
		pti_line_text(&l, cols[i].name, strlen(cols[i].name));
		pti_line_putc(&l, ' ');
		pti_line_value(&l, &cols[i], rec);
		pti_line_putc(&l, '\n');
	}
	pti_line_flush(&l);
}
