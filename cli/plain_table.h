/* plain_table.h - print a long table of plain words the way libsmartcols
 * prints it, without holding it: for views with hundreds of thousands of
 * rows (a process's page tables), where libsmartcols would keep every
 * cell and measure its display width twice.
 */
#ifndef PTI_CLI_PLAIN_TABLE_H
#define PTI_CLI_PLAIN_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define PTI_PLAIN_MAX_COLUMNS 32
#define PTI_PLAIN_CELL 64	/* longest cell, with its NUL */

struct pti_plain_table {
	size_t ncols, nrows;
	const char *heads[PTI_PLAIN_MAX_COLUMNS];	/* lower case; printed upper */
	bool right[PTI_PLAIN_MAX_COLUMNS];		/* numbers: right-aligned */
	bool raw;		/* one space between cells, no alignment */
	bool noheadings;
	/*
	 * Row @row's cell @col and its length in @len: ASCII without
	 * spaces or control characters (numbers, kernel words), as the
	 * records hold.  Either text the callback keeps or formatted into
	 * @buf (PTI_PLAIN_CELL bytes); longer cells are cut there.
	 */
	const char *(*cell)(const void *arg, size_t row, size_t col,
			    char *buf, size_t *len);
	const void *arg;
};

/*
 * Print @t to @out: each column as wide as its widest cell or header,
 * one space apart, the last one unpadded, as libsmartcols aligns a table.
 * Every cell is asked for twice (once to measure) and none is kept.
 * Unlike libsmartcols on a terminal, no column is narrowed to fit the
 * terminal's width: lines are as long as their cells.
 * Returns 0, or -1 on a write error.
 */
int pti_plain_print(const struct pti_plain_table *t, FILE *out);

#endif
