/* plain_table.h - print a long table of plain text the way libsmartcols
 * prints it, without holding it (or holding only its cells' bytes, for a
 * caller that makes every row before any is printed): for views with
 * hundreds of thousands of rows (a process's page tables, every thread of
 * a busy machine), where libsmartcols would keep every cell and measure
 * its display width twice.
 */
#ifndef PTI_CLI_PLAIN_TABLE_H
#define PTI_CLI_PLAIN_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PTI_PLAIN_MAX_COLUMNS 64
/* the buffer a cell may be formatted into: every PF_* name fits */
#define PTI_PLAIN_CELL 512

/* pti_plain_print()'s answer when a cell is not plain: nothing printed. */
#define PTI_PLAIN_NOT_PLAIN 1

#define PTI_PLAIN_UNMEASURED	SIZE_MAX

/*
 * Whether @len bytes of @text are plain: printable ASCII (' ' to '~'),
 * what the plain printer prints; anything else goes to libsmartcols.
 */
bool pti_plain_text(const char *text, size_t len);

/*
 * @n bytes of @text at @p, reading and writing none past them; returns
 * their end.  Most cells are a few digits, where a call to memcpy costs
 * more than the copy.
 */
static inline char *pti_plain_copy(char *p, const char *text, size_t n)
{
	uint64_t head, tail;
	uint32_t head4, tail4;

	if (n > 16) {
		memcpy(p, text, n);
	} else if (n >= 8) {
		/* two words that overlap when n < 16 */
		memcpy(&head, text, 8);
		memcpy(&tail, text + n - 8, 8);
		memcpy(p, &head, 8);
		memcpy(p + n - 8, &tail, 8);
	} else if (n >= 4) {
		memcpy(&head4, text, 4);
		memcpy(&tail4, text + n - 4, 4);
		memcpy(p, &head4, 4);
		memcpy(p + n - 4, &tail4, 4);
	} else if (n) {
		p[0] = text[0];
		p[n / 2] = text[n / 2];
		p[n - 1] = text[n - 1];
	}
	return p + n;
}

/*
 * A table's cells kept until all its rows are made (a table is aligned
 * only once every cell is known): each cell's bytes after its length
 * (one byte, or 0xff and four), end to end, row by row; no offsets, no
 * terminators, as a table of 60,000 VMAs is mostly its short cells.
 * Each column's longest cell, and whether every checked cell is plain,
 * are counted as the cells are added.
 */
struct pti_plain_cells {
	char *text;
	size_t len, cap;
	size_t ncols, ncells;
	size_t width[PTI_PLAIN_MAX_COLUMNS];
	bool plain;
};

/*
 * Start @c for rows of @ncols cells (at most PTI_PLAIN_MAX_COLUMNS),
 * room made for @rows rows of cells of about @cell_bytes; 0, or -1 when
 * out of memory.
 */
int pti_plain_cells_init(struct pti_plain_cells *c, size_t ncols,
			 size_t rows, size_t cell_bytes);

/* A cell's length: one byte below this, else this and four. */
#define PTI_PLAIN_LONG_CELL 0xff
/*
 * Readable bytes past the last cell: a short cell is copied out as one
 * 16-byte load, whatever follows it.
 */
#define PTI_PLAIN_CELLS_SLACK 16

/* Room for @need bytes of cells in all: pti_plain_cells_room()'s slow path. */
bool pti_plain_cells_grow(struct pti_plain_cells *c, size_t need);

/*
 * Where the next cell, of at most @max bytes, is written; NULL when out of
 * memory.  pti_plain_cells_add() then keeps it.  Inline, as the next two:
 * a call per cell was a third of their cost.
 */
static inline char *pti_plain_cells_room(struct pti_plain_cells *c,
					 size_t max)
{
	size_t need = c->len + 5 + max + PTI_PLAIN_CELLS_SLACK;

	if (need > c->cap && !pti_plain_cells_grow(c, need))
		return NULL;
	return c->text + c->len + 1;
}

/*
 * Keep the @len bytes (below 4 GiB) written at pti_plain_cells_room() as
 * the next cell, of column @col (cells come in row order); @check: see
 * whether it is plain (pti_plain_text()), as a cell made plain need not
 * be.
 */
static inline void pti_plain_cells_add(struct pti_plain_cells *c, size_t col,
				       size_t len, bool check)
{
	char *at = c->text + c->len;

	if (len > c->width[col])
		c->width[col] = len;
	if (check && c->plain)
		c->plain = pti_plain_text(at + 1, len);
	if (len < PTI_PLAIN_LONG_CELL) {
		*at = (char)len;
		c->len += 1 + len;
	} else {
		uint32_t n = (uint32_t)len;

		memmove(at + 5, at + 1, len);
		*at = (char)PTI_PLAIN_LONG_CELL;
		memcpy(at + 1, &n, 4);
		c->len += 5 + len;
	}
	c->ncells++;
}

/* How many whole rows @c keeps. */
static inline size_t pti_plain_cells_rows(const struct pti_plain_cells *c)
{
	return c->ncols ? c->ncells / c->ncols : 0;
}

/* The cell at *@at (0 is the first) and its length; *@at moves past it. */
static inline const char *
pti_plain_cells_next(const struct pti_plain_cells *c, size_t *at, size_t *len)
{
	const char *p = c->text + *at;
	uint32_t n = (unsigned char)*p++;

	if (n == PTI_PLAIN_LONG_CELL) {
		memcpy(&n, p, 4);
		p += 4;
	}
	*len = n;
	*at = (size_t)(p + n - c->text);
	return p;
}

void pti_plain_cells_free(struct pti_plain_cells *c);

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
	 * The cells, when the caller made and kept them all before printing
	 * (struct pti_plain_cells): @cell and @width are not asked, nor is
	 * anything measured.  NULL: asked of @cell.  Not with a tree.
	 */
	const struct pti_plain_cells *kept;
};

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
