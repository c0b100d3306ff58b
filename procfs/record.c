// SPDX-License-Identifier: GPL-2.0
/*
 * record.c - turn records into lines.  Every view prints a header line
 * naming its columns, then one line per record, values in header order,
 * separated by single spaces.  Parsers key on the header, not on position.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "procfs.h"

#include "ptinspect_tables.h"

static bool pti_needs_escape(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '\\';
}

/* Escape so that a value never contains a separator, newline or '\'. */
static void pti_seq_escaped(struct seq_file *m, const char *s, size_t len)
{
	size_t i;

	if (!len) {
		seq_putc(m, '-');
		return;
	}
	/* Nearly every value is plain: write it in one go. */
	for (i = 0; i < len && !pti_needs_escape(s[i]); i++)
		;
	if (i == len) {
		seq_write(m, s, len);
		return;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (pti_needs_escape(c))
			seq_printf(m, "\\%03o", c);
		else
			seq_putc(m, c);
	}
}

/* "0x" and lower-case hex, without vsnprintf (seq_put_hex_ll is not
 * exported): the VMA view prints several per line.
 */
static void pti_seq_hex(struct seq_file *m, u64 v)
{
	char buf[2 + 16];
	int i = sizeof(buf);

	do {
		buf[--i] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	seq_write(m, buf + i, sizeof(buf) - i);
}

/* One value of @rec as its column's type says. */
static void pti_seq_value(struct seq_file *m, const struct pti_column *col,
			  const void *rec)
{
	const void *v = (const char *)rec + col->offset;

	switch (col->type) {
	case PTI_T_S32:
		seq_put_decimal_ll(m, "", *(const s32 *)v);
		break;
	case PTI_T_U32:
		seq_put_decimal_ull(m, "", *(const u32 *)v);
		break;
	case PTI_T_HEX32:
		pti_seq_hex(m, *(const u32 *)v);
		break;
	case PTI_T_HEX64:
		pti_seq_hex(m, *(const u64 *)v);
		break;
	case PTI_T_U64:
		seq_put_decimal_ull(m, "", *(const u64 *)v);
		break;
	case PTI_T_S64:
		seq_put_decimal_ll(m, "", *(const s64 *)v);
		break;
	case PTI_T_CHAR:
		pti_seq_escaped(m, v, 1);
		break;
	case PTI_T_WORD:
	case PTI_T_ESCAPED:
		pti_seq_escaped(m, v, strnlen(v, col->size));
		break;
	case PTI_T_KPTR:
		/* %pK decides, as the reader, what the address shows. */
		seq_printf(m, "%pK", (void *)(unsigned long)*(const u64 *)v);
		break;
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
	int i;

	for (i = 0; i < n; i++) {
		seq_puts(m, cols[i].name);
		seq_putc(m, i + 1 == n && last ? '\n' : ' ');
	}
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
	int i;

	for (i = 0; i < n; i++) {
		pti_seq_value(m, &cols[i], rec);
		seq_putc(m, i + 1 == n && last ? '\n' : ' ');
	}
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
	int i;

	for (i = 0; i < n; i++) {
		seq_puts(m, cols[i].name);
		seq_putc(m, ' ');
		pti_seq_value(m, &cols[i], rec);
		seq_putc(m, '\n');
	}
}
