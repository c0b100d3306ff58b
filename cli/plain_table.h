/* plain_table.h - print a long table of plain text the way libsmartcols
 * prints it, without holding it: for views with hundreds of thousands of
 * rows (a process's page tables, every thread of a busy machine), where
 * libsmartcols would keep every cell and measure its display width twice.
 */
#ifndef PTI_CLI_PLAIN_TABLE_H
#define PTI_CLI_PLAIN_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PTI_PLAIN_MAX_COLUMNS 64
/* the buffer a cell may be formatted into: every PF_* name fits */
#define PTI_PLAIN_CELL 512

/* pti_plain_print()'s answer when a cell is not plain: nothing printed. */
#define PTI_PLAIN_NOT_PLAIN 1

#define PTI_PLAIN_UNMEASURED	SIZE_MAX

struct pti_plain_table {
	size_t ncols, nrows;
	const char *heads[PTI_PLAIN_MAX_COLUMNS];	/* lower case; printed upper */
	/* Numbers: right-aligned, unquoted in JSON. */
	bool right[PTI_PLAIN_MAX_COLUMNS];
	/*
	 * Plain by how their cells are made (pti_column_made_plain()):
	 * not checked byte by byte.
	 */
	bool made_plain[PTI_PLAIN_MAX_COLUMNS];
	bool raw;		/* one space between cells, no alignment */
	bool noheadings;
	/*
	 * Row @row's cell @col and its length in @len: either text the
	 * callback keeps, of any length, or formatted into @buf
	 * (PTI_PLAIN_CELL bytes).  Plain means printable ASCII; a space
	 * is printed as is, and as "\x20" in raw output.
	 */
	const char *(*cell)(const void *arg, size_t row, size_t col,
			    char *buf, size_t *len);
	/*
	 * Optional: the length of row @row's cell @col in a made_plain
	 * column without making the cell, or PTI_PLAIN_UNMEASURED to have
	 * it made.  Spares the measuring pass a number's formatting.
	 */
	size_t (*width)(const void *arg, size_t row, size_t col);
	const void *arg;
	/*
	 * A tree: column @tree_col is drawn with "|-", "`-" and "| " as
	 * libsmartcols draws it in ASCII, from @parent: each row's parent
	 * row, or -1 for a root, the rows in depth-first order (a parent
	 * before its children, each subtree whole).  NULL: no tree.
	 */
	const long *parent;
	size_t tree_col;
	/*
	 * Each column's longest cell, when the caller has counted them as
	 * it made the cells (and has checked them with pti_plain_text()):
	 * no measuring pass.  NULL: measured here.  Not with a tree.
	 */
	const size_t *widths;
};

/* Whether @len bytes of @text are plain: printable ASCII, as above. */
bool pti_plain_text(const char *text, size_t len);

/*
 * Print @t to @out: each column as wide as its widest cell or header,
 * one space apart, the last one unpadded, as libsmartcols aligns a table
 * that is not written to a terminal (on a terminal libsmartcols narrows
 * columns to its width; this does not).  Every cell is asked for twice
 * (once to measure) and none is kept.  Returns 0; PTI_PLAIN_NOT_PLAIN,
 * having printed nothing, if a cell holds a byte that is not printable
 * ASCII or the rows are not in tree order (libsmartcols must print it);
 * or -1 on a write error or when out of memory.
 */
int pti_plain_print(const struct pti_plain_table *t, FILE *out);

#endif
