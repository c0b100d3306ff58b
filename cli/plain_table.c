/* plain_table.c - a long table of plain text, aligned as libsmartcols
 * aligns it, each cell asked for once to measure and once to print.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "plain_table.h"

/*
 * Output lines, built in memory and written in blocks: a table of 60,000
 * VMAs is 60,000 lines, and a stdio call per line cost more than the line.
 */
struct line {
	char *text;
	size_t len, cap;
	bool failed;		/* out of memory: the line is cut */
};

/*
 * Written once this much is gathered: a system call a block, as large as
 * the buffer the commands give stdout.
 */
#define BLOCK (64 * 1024)

/*
 * *@text grown to at least @need bytes, doubling from *@cap (@first when
 * none yet): the lines' and the kept cells' slow path.  False, nothing
 * changed, when out of memory.
 */
static bool grow_to(char **text, size_t *cap, size_t need, size_t first)
{
	size_t bigger_cap = *cap ? *cap : first;
	char *bigger;

	while (bigger_cap < need)
		bigger_cap *= 2;
	bigger = realloc(*text, bigger_cap);
	if (!bigger)
		return false;
	*text = bigger;
	*cap = bigger_cap;
	return true;
}

static __attribute__((noinline)) bool grow(struct line *l, size_t more)
{
	if (grow_to(&l->text, &l->cap, l->len + more, 2 * BLOCK))
		return true;
	l->failed = true;
	return false;
}

static inline bool reserve(struct line *l, size_t more)
{
	return l->len + more <= l->cap || grow(l, more);
}

static inline void put_bytes(struct line *l, const char *text, size_t len)
{
	if (reserve(l, len)) {
		memcpy(l->text + l->len, text, len);
		l->len += len;
	}
}

/*
 * Bytes a row's stores may write past its end: blanks are written a word
 * at a time, overlapping what comes next.
 */
#define SLACK 16
/* a short kept cell is copied out whole into the row's slack */
_Static_assert(SLACK >= PTI_PLAIN_CELLS_SLACK,
	       "a kept cell's copy fits the row's slack");

/* @n blanks at @p, within SLACK of room past them; returns their end. */
static inline char *blanks(char *p, size_t n)
{
	char *end = p + n;

	for (; p < end; p += 8)
		memcpy(p, "        ", 8);
	return end;
}

/* Padding is a few bytes a cell: a loop, not a call. */
static inline void put_spaces(struct line *l, size_t n)
{
	if (reserve(l, n + SLACK))
		l->len = (size_t)(blanks(l->text + l->len, n) - l->text);
}

/* @text as libsmartcols writes a cell's data: raw output escapes blanks. */
static void put_text(struct line *l, const char *text, size_t len, bool raw)
{
	const char *start = text;

	if (!raw) {
		put_bytes(l, text, len);
		return;
	}
	for (const char *p = text; p < text + len; p++) {
		if (*p != ' ')
			continue;
		put_bytes(l, start, (size_t)(p - start));
		put_bytes(l, "\\x20", 4);
		start = p + 1;
	}
	put_bytes(l, start, (size_t)(text + len - start));
}

/*
 * Printable ASCII only (' ' to '~'), eight bytes a step: every cell of a
 * table is checked.  A byte below ' ' borrows into its top bit when ' '
 * is subtracted (a borrow reaches the next byte only from such a byte);
 * one above '~' carries into it when its low seven bits and 0x7f - '~'
 * are added, which never carries further; a byte with the top bit set
 * shows it as it is.
 */
static bool word_is_plain(const char *eight)
{
	const uint64_t ones = 0x0101010101010101ULL, tops = ones << 7;
	uint64_t x;

	memcpy(&x, eight, 8);
	return !((((x - ones * ' ') & ~x) |
		  ((x & ~tops) + ones * (0x7f - '~')) | x) & tops);
}

bool pti_plain_text(const char *text, size_t len)
{
	size_t i;

	if (len < 8) {
		for (i = 0; i < len; i++)
			if (text[i] < ' ' || text[i] > '~')
				return false;
		return true;
	}
	for (i = 0; i + 8 <= len; i += 8)
		if (!word_is_plain(text + i))
			return false;
	/* the last eight bytes, overlapping what was checked */
	return i == len || word_is_plain(text + len - 8);
}

int pti_plain_cells_init(struct pti_plain_cells *c, size_t ncols,
			 size_t rows, size_t cell_bytes)
{
	memset(c, 0, sizeof(*c));
	if (ncols > PTI_PLAIN_MAX_COLUMNS)
		return -1;
	c->ncols = ncols;
	c->plain = true;
	c->cap = rows * ncols * (cell_bytes + 1) + (1 << 16);
	c->text = malloc(c->cap);
	return c->text ? 0 : -1;
}

bool pti_plain_cells_grow(struct pti_plain_cells *c, size_t need)
{
	return grow_to(&c->text, &c->cap, need, 1 << 16);
}

void pti_plain_cells_free(struct pti_plain_cells *c)
{
	free(c->text);
	c->text = NULL;
}

/* What one tree needs: each row's depth, and whether it is a last child. */
struct tree {
	size_t *depth;
	bool *last;
	bool *open;	/* per depth: the latest row there has siblings below */
};

static void tree_free(struct tree *tr)
{
	free(tr->depth);
	free(tr->last);
	free(tr->open);
}

/* 0, PTI_PLAIN_NOT_PLAIN if the rows are not in tree order, or -1. */
static int tree_init(struct tree *tr, const struct pti_plain_table *t)
{
	size_t n = t->nrows ? t->nrows : 1, top = 0;
	size_t *stack = malloc(n * sizeof(*stack));
	bool *seen = calloc(n, sizeof(*seen));
	int ret = -1;

	tr->depth = malloc(n * sizeof(*tr->depth));
	tr->last = malloc(n * sizeof(*tr->last));
	tr->open = calloc(n + 1, sizeof(*tr->open));
	if (!stack || !seen || !tr->depth || !tr->last || !tr->open)
		goto out;
	/* depth-first order: a row's parent is on the stack of open rows */
	ret = PTI_PLAIN_NOT_PLAIN;
	for (size_t r = 0; r < t->nrows; r++) {
		long p = t->parent[r];

		if (p < 0) {
			top = 0;
		} else {
			while (top && stack[top - 1] != (size_t)p)
				top--;
			if (!top)
				goto out;
		}
		tr->depth[r] = top;
		stack[top++] = r;
	}
	/* a last child: no later row has the same parent */
	for (size_t r = t->nrows; r-- > 0;) {
		long p = t->parent[r];

		tr->last[r] = p < 0 || !seen[p];
		if (p >= 0)
			seen[p] = true;
	}
	ret = 0;
out:
	free(stack);
	free(seen);
	return ret;
}

/*
 * Row @r's tree art into @l, part of the cell (raw output escapes its
 * blanks too), as libsmartcols draws it; rows are drawn in order.
 */
static void put_art(struct line *l, struct tree *tr, size_t r, bool raw)
{
	size_t d = tr->depth[r];

	for (size_t k = 1; k < d; k++)
		put_text(l, tr->open[k] ? "| " : "  ", 2, raw);
	if (d)
		put_bytes(l, tr->last[r] ? "`-" : "|-", 2);
	tr->open[d] = !tr->last[r];
}

/* Column @c is the tree's: drawn, and never right-aligned. */
static bool is_tree_col(const struct pti_plain_table *t, size_t c)
{
	return t->parent && c == t->tree_col;
}

/* The width of row @r's tree art: two columns a level below the root. */
static size_t art_width(const struct tree *tr, size_t r)
{
	return 2 * tr->depth[r];
}

static void put_head(struct line *l, const char *name, size_t width,
		     bool right, bool last)
{
	size_t len = strlen(name);
	size_t fill = width > len ? width - len : 0;

	if (l->len)
		put_spaces(l, 1);
	if (right)
		put_spaces(l, fill);
	for (size_t i = 0; i < len; i++) {
		char c = (char)toupper((unsigned char)name[i]);

		put_bytes(l, &c, 1);
	}
	if (!right && !last)
		put_spaces(l, fill);
}

/*
 * Write what is gathered; 0, or -1 if @out refused it.  Straight to
 * @out's descriptor when it has one, after what stdio holds: a block is
 * already as large as stdio's, and stdio would only copy it once more.
 */
static int flush(struct line *l, FILE *out)
{
	const char *text = l->text;
	size_t len = l->len;
	int fd = fileno(out);

	l->len = 0;
	if (!len)
		return 0;
	if (fd < 0)
		return fwrite(text, 1, len, out) != len ? -1 : 0;
	if (fflush(out))
		return -1;
	while (len) {
		ssize_t n = write(fd, text, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

static int end_line(struct line *l, FILE *out)
{
	if (l->failed)
		return -1;
	put_bytes(l, "\n", 1);
	if (l->failed)
		return -1;
	return l->len >= BLOCK ? flush(l, out) : 0;
}

/* Measure every column; PTI_PLAIN_NOT_PLAIN if a cell is not plain. */
static int measure(const struct pti_plain_table *t, struct tree *tr,
		   size_t width[])
{
	char buf[PTI_PLAIN_CELL];

	for (size_t c = 0; c < t->ncols; c++)
		width[c] = strlen(t->heads[c]);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			size_t len, art = is_tree_col(t, c) ? art_width(tr, r) : 0;
			const char *text;

			/* raw output is not aligned: only the check is left */
			if (t->made_plain[c] && t->raw)
				continue;
			len = t->made_plain[c] && t->width ?
			      t->width(t->arg, r, c) : PTI_PLAIN_UNMEASURED;
			if (len == PTI_PLAIN_UNMEASURED) {
				text = t->cell(t->arg, r, c, buf, &len);
				if (!t->made_plain[c] &&
				    !pti_plain_text(text, len))
					return PTI_PLAIN_NOT_PLAIN;
			}
			if (art + len > width[c])
				width[c] = art + len;
		}
	}
	return 0;
}

/* Row @r's cell @c: the next kept one (*@at), or asked for. */
static inline const char *cell_of(const struct pti_plain_table *t, size_t r,
				  size_t c, char *buf, size_t *len, size_t *at)
{
	if (t->kept)
		return pti_plain_cells_next(t->kept, at, len);
	return t->cell(t->arg, r, c, buf, len);
}

/* A row of raw output: blanks escaped, art too. */
static void put_drawn_row(struct line *l, const struct pti_plain_table *t,
			  struct tree *tr, const size_t width[], size_t r,
			  size_t *at)
{
	char buf[PTI_PLAIN_CELL];

	for (size_t c = 0; c < t->ncols; c++) {
		size_t len, art = is_tree_col(t, c) ? art_width(tr, r) : 0, fill;
		const char *text = cell_of(t, r, c, buf, &len, at);
		bool right = t->right[c] && !is_tree_col(t, c);

		if (c)
			put_spaces(l, 1);
		if (is_tree_col(t, c))
			put_art(l, tr, r, t->raw);
		fill = width[c] > art + len ? width[c] - art - len : 0;
		if (right)
			put_spaces(l, fill);
		put_text(l, text, len, t->raw);
		if (!t->raw && !right && c + 1 < t->ncols)
			put_spaces(l, fill);
	}
}

/*
 * Row @r's tree art at @p, as put_art() draws it unescaped, within SLACK
 * of room past it; returns its end.
 */
static char *draw_art(char *p, struct tree *tr, size_t r)
{
	size_t d = tr->depth[r];

	for (size_t k = 1; k < d; k++, p += 2)
		memcpy(p, tr->open[k] ? "| " : "  ", 2);
	if (d) {
		memcpy(p, tr->last[r] ? "`-" : "|-", 2);
		p += 2;
	}
	tr->open[d] = !tr->last[r];
	return p;
}

/* Where a column's padding goes, worked out once for every row. */
enum pad { PAD_NONE, PAD_BEFORE, PAD_AFTER };

/*
 * A row of kept cells into @l, room made for it: no tree, and no cell
 * wider than its column (the widths are the cells' own).
 */
static void put_kept_row(struct line *l, const struct pti_plain_cells *kept,
			 size_t ncols, const size_t width[],
			 const enum pad pad[], size_t *at)
{
	char *p = l->text + l->len;

	for (size_t c = 0; c < ncols; c++) {
		size_t n;
		const char *text = pti_plain_cells_next(kept, at, &n);
		size_t fill = width[c] - n;

		if (c)
			*p++ = ' ';
		if (pad[c] == PAD_BEFORE)
			p = blanks(p, fill);
		if (n <= PTI_PLAIN_CELLS_SLACK) {
			/* whole words: the kept cells have room past them */
			memcpy(p, text, PTI_PLAIN_CELLS_SLACK);
			p += n;
		} else {
			p = pti_plain_copy(p, text, n);
		}
		if (pad[c] == PAD_AFTER)
			p = blanks(p, fill);
	}
	l->len = (size_t)(p - l->text);
}

/*
 * An aligned row, the common case of long tables: room for the whole row
 * (@room: every column's width and a separator each) reserved once, each
 * cell written with word stores.
 */
static void put_row(struct line *l, const struct pti_plain_table *t,
		    struct tree *tr, const size_t width[],
		    const enum pad pad[], size_t room, size_t r, size_t *at)
{
	size_t tree_col = t->parent ? t->tree_col : SIZE_MAX;
	char buf[PTI_PLAIN_CELL];
	char *p;

	if (t->raw) {
		put_drawn_row(l, t, tr, width, r, at);
		return;
	}
	if (!reserve(l, room + SLACK))
		return;
	if (t->kept) {
		put_kept_row(l, t->kept, t->ncols, width, pad, at);
		return;
	}
	p = l->text + l->len;
	for (size_t c = 0; c < t->ncols; c++) {
		size_t len, art = c == tree_col ? art_width(tr, r) : 0;
		const char *text = cell_of(t, r, c, buf, &len, at);
		size_t fill = width[c] > art + len ? width[c] - art - len : 0;

		/* wider than measured (a cell that changed): room for it */
		if (art + len > width[c]) {
			l->len = (size_t)(p - l->text);
			if (!reserve(l, art + len + room + SLACK))
				return;
			p = l->text + l->len;
		}
		if (c)
			*p++ = ' ';
		if (c == tree_col)
			p = draw_art(p, tr, r);
		if (pad[c] == PAD_BEFORE)
			p = blanks(p, fill);
		p = pti_plain_copy(p, text, len);
		if (pad[c] == PAD_AFTER)
			p = blanks(p, fill);
	}
	l->len = (size_t)(p - l->text);
}

int pti_plain_print(const struct pti_plain_table *t, FILE *out)
{
	size_t width[PTI_PLAIN_MAX_COLUMNS] = { 0 };
	enum pad pad[PTI_PLAIN_MAX_COLUMNS];
	struct tree tr = { 0 };
	struct line l = { 0 };
	size_t at = 0;		/* the next kept cell */
	size_t room = 0;	/* the most an aligned row takes */
	int ret = 0;

	if (t->ncols == 0 || t->ncols > PTI_PLAIN_MAX_COLUMNS ||
	    (t->parent && (t->tree_col >= t->ncols || t->kept)) ||
	    (t->kept && (t->kept->ncols != t->ncols ||
			 pti_plain_cells_rows(t->kept) < t->nrows)))
		return -1;
	if (t->parent) {
		ret = tree_init(&tr, t);
		if (ret)
			goto out;
	}
	if (t->kept) {
		for (size_t c = 0; c < t->ncols; c++) {
			width[c] = strlen(t->heads[c]);
			if (t->kept->width[c] > width[c])
				width[c] = t->kept->width[c];
		}
	} else {
		ret = measure(t, &tr, width);
		if (ret)
			goto out;
	}
	if (t->raw)
		memset(width, 0, sizeof(width));
	/* numbers right-aligned, but in the tree; the last cell unpadded */
	for (size_t c = 0; c < t->ncols; c++) {
		pad[c] = t->right[c] && !is_tree_col(t, c) ? PAD_BEFORE :
			 c + 1 < t->ncols ? PAD_AFTER : PAD_NONE;
		room += width[c] + 1;
	}
	if (!t->noheadings) {
		for (size_t c = 0; c < t->ncols; c++)
			put_head(&l, t->heads[c], width[c],
				 t->right[c] && !is_tree_col(t, c),
				 c + 1 == t->ncols);
		ret = end_line(&l, out);
	}
	for (size_t r = 0; r < t->nrows && !ret; r++) {
		put_row(&l, t, &tr, width, pad, room, r, &at);
		ret = end_line(&l, out);
	}
	if (!ret)
		ret = flush(&l, out);
	if (!ret && ferror(out))
		ret = -1;
out:
	free(l.text);
	tree_free(&tr);
	return ret;
}
